/* SPDX-License-Identifier: MIT */
/* The exports' XML writer (lib/export/xml-out.c) against libxml2's
 * xmlTextWriter, which it replaces (#11): the same calls must give the
 * same bytes, and the escaping shortcuts must agree with what libxml2's
 * escaping functions do to every byte. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/entities.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

#include "xml-out.h"

/* ---- the escaping shortcuts -------------------------------------------- */

static bool
text_kept_by_libxml2(const char *s)
{
	xmlChar *e = xmlEncodeSpecialChars(NULL, BAD_CAST s);
	assert_non_null(e);
	bool same = !strcmp((const char *)e, s);
	xmlFree(e);
	return same;
}

static bool
attr_kept_by_libxml2(const char *s, bool utf8)
{
	xmlDocPtr doc = xmlNewDoc(NULL);
	xmlBufferPtr b = xmlBufferCreate();
	assert_non_null(doc);
	assert_non_null(b);
	if (utf8)
		doc->encoding = xmlStrdup(BAD_CAST "UTF-8");
	xmlAttrSerializeTxtContent(b, doc, NULL, BAD_CAST s);
	bool same = (size_t)xmlBufferLength(b) == strlen(s) &&
		    !memcmp(xmlBufferContent(b), s, strlen(s));
	xmlBufferFree(b);
	xmlFreeDoc(doc);
	return same;
}

/* Every ASCII byte, alone between two letters: the writer's sets name
 * exactly the bytes libxml2 changes. */
static void
changed_sets_are_libxml2s(void **state)
{
	(void)state;
	for (int c = 1; c < 0x80; c++) {
		char s[4] = {'a', (char)c, 'z', '\0'};
		bool in_text = strchr(tp_xo_text_changed, c) != NULL;
		bool in_attr = strchr(tp_xo_attr_changed, c) != NULL;
		assert_int_equal(text_kept_by_libxml2(s), !in_text);
		assert_int_equal(attr_kept_by_libxml2(s, true), !in_attr);
		assert_int_equal(attr_kept_by_libxml2(s, false), !in_attr);
	}
	/* Past ASCII: kept in text and in a UTF-8 document's attributes,
	 * written as references in a document without an encoding. */
	const char *wide[] = {"caf\xC3\xA9", "\xE2\x98\x95", "\xF0\x9F\x98\x80",
			      "\xC2\xA0"};
	for (size_t i = 0; i < sizeof(wide) / sizeof(wide[0]); i++) {
		assert_true(text_kept_by_libxml2(wide[i]));
		assert_true(attr_kept_by_libxml2(wide[i], true));
		assert_false(attr_kept_by_libxml2(wide[i], false));
	}
}

/* ---- the same documents as xmlTextWriter ------------------------------- */

static const char *const names[] = {"a", "Task", "rect", "title", "g"};
static const char *const values[] = {
	"",        "1.5",         "plain words", "<&>",
	"\"q\"",   "it's",        "a\nb",        "tab\there",
	"cr\rlf",  "caf\xC3\xA9", "\xE2\x98\x95 & \xF0\x9F\x98\x80",
	"]]>",     "&amp;",       "x > y < z",
};
#define N_NAMES  (sizeof(names) / sizeof(names[0]))
#define N_VALUES (sizeof(values) / sizeof(values[0]))

/* Both writers, fed the same calls. */
struct pair {
	struct tp_xo xo;
	struct tp_sbuf out;
	struct tp_error err;
	xmlBufferPtr ref;
	xmlTextWriterPtr w;
	size_t depth;
	bool open; /* no text or child yet: attributes allowed */
};

static uint32_t
next(uint32_t *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return *seed >> 8;
}

static void
pair_open(struct pair *p, bool declared, bool doctype)
{
	memset(p, 0, sizeof(*p));
	assert_int_equal(tp_xo_open(&p->xo, &p->out, &p->err), TP_OK);
	p->ref = xmlBufferCreate();
	p->w = xmlNewTextWriterMemory(p->ref, 0);
	assert_non_null(p->w);
	xmlTextWriterSetIndent(p->w, 1);
	xmlTextWriterSetIndentString(p->w, BAD_CAST "  ");
	if (declared) {
		assert_int_equal(tp_xo_declaration(&p->xo, false), TP_OK);
		assert_true(xmlTextWriterStartDocument(p->w, NULL, "UTF-8",
						       NULL) >= 0);
	}
	if (doctype) {
		assert_int_equal(tp_xo_doctype(&p->xo, "html"), TP_OK);
		assert_true(xmlTextWriterWriteDTD(p->w, BAD_CAST "html", NULL,
						  NULL, NULL) >= 0);
	}
}

static void
pair_start(struct pair *p, const char *name)
{
	assert_int_equal(tp_xo_start(&p->xo, name), TP_OK);
	assert_true(xmlTextWriterStartElement(p->w, BAD_CAST name) >= 0);
	p->depth++;
	p->open = true;
}

static void
pair_end(struct pair *p)
{
	assert_int_equal(tp_xo_end(&p->xo), TP_OK);
	assert_true(xmlTextWriterEndElement(p->w) >= 0);
	p->depth--;
	p->open = false;
}

/* One random step: start, attribute, text, whole element or end. */
static void
pair_step(struct pair *p, uint32_t *seed)
{
	const char *name = names[next(seed) % N_NAMES];
	const char *value = values[next(seed) % N_VALUES];
	switch (next(seed) % 6) {
	case 0:
	case 1:
		if (p->depth < 8)
			pair_start(p, name);
		break;
	case 2:
		if (p->depth && p->open) {
			assert_int_equal(tp_xo_attr(&p->xo, name, value),
					 TP_OK);
			assert_true(xmlTextWriterWriteAttribute(
					    p->w, BAD_CAST name,
					    BAD_CAST value) >= 0);
		}
		break;
	case 3:
		if (p->depth) {
			assert_int_equal(tp_xo_text(&p->xo, value), TP_OK);
			assert_true(xmlTextWriterWriteString(
					    p->w, BAD_CAST value) >= 0);
			p->open = false;
		}
		break;
	case 4:
		if (p->depth) {
			assert_int_equal(tp_xo_elem(&p->xo, name, value),
					 TP_OK);
			assert_true(xmlTextWriterWriteElement(
					    p->w, BAD_CAST name,
					    BAD_CAST value) >= 0);
			p->open = false;
		}
		break;
	default:
		if (p->depth)
			pair_end(p);
		break;
	}
}

static void
pair_compare(struct pair *p)
{
	assert_int_equal(tp_xo_close(&p->xo), TP_OK);
	assert_true(xmlTextWriterEndDocument(p->w) >= 0);
	xmlFreeTextWriter(p->w); /* flushes into p->ref */
	assert_int_equal(p->out.len, (size_t)xmlBufferLength(p->ref));
	assert_memory_equal(p->out.data, xmlBufferContent(p->ref),
			    p->out.len);
	xmlBufferFree(p->ref);
	free(p->out.data);
}

/* 3,000 random documents of up to 60 calls, with and without the XML
 * declaration (an SVG file, or the SVG inside an HTML page), some left
 * open for close to end. */
static void
same_bytes_as_xmltextwriter(void **state)
{
	uint32_t seed = 20261202;
	(void)state;
	for (int doc = 0; doc < 3000; doc++) {
		struct pair p;
		bool declared = doc % 3 != 0;
		pair_open(&p, declared, !declared && doc % 2);
		pair_start(&p, "root");
		int steps = (int)(next(&seed) % 60);
		for (int i = 0; i < steps; i++)
			pair_step(&p, &seed);
		if (doc % 4 == 0)
			while (p.depth)
				pair_end(&p);
		pair_compare(&p);
	}
}

/* One document of 40,000 calls (about half a megabyte), so that the buffer
 * grows many times under the writer. */
static void
big_document_as_xmltextwriter(void **state)
{
	uint32_t seed = 11;
	struct pair p;
	(void)state;
	pair_open(&p, true, false);
	pair_start(&p, "root");
	for (int i = 0; i < 40000; i++)
		pair_step(&p, &seed);
	assert_true(p.out.len > 400000);
	pair_compare(&p);
}

/* The raw and number forms write what the escaped forms write for
 * values with nothing to escape. */
static void
raw_and_numbers(void **state)
{
	struct tp_sbuf out = {0};
	struct tp_error err;
	struct tp_xo x;
	(void)state;
	assert_int_equal(tp_xo_open(&x, &out, &err), TP_OK);
	tp_xo_start(&x, "a");
	tp_xo_attr_raw(&x, "x", "12.5");
	tp_xo_attr_long(&x, "n", -42);
	tp_xo_attr_date(&x, "d", TP_DATE(2027, 3, 1));
	tp_xo_elem_raw(&x, "b", "PT8H0M0S");
	tp_xo_elem_long(&x, "c", 2147483648L);
	tp_xo_elem(&x, "e", NULL); /* no text: an empty element */
	assert_int_equal(tp_xo_close(&x), TP_OK);
	assert_string_equal(out.data,
			    "<a x=\"12.5\" n=\"-42\" d=\"2027-03-01\">\n"
			    "  <b>PT8H0M0S</b>\n"
			    "  <c>2147483648</c>\n"
			    "  <e/>\n"
			    "</a>\n");
	free(out.data);
}

/* A writer on its own buffer, for the misuse cases. */
struct solo {
	struct tp_sbuf out;
	struct tp_error err;
	struct tp_xo x;
};

static struct tp_xo *
solo_open(struct solo *w)
{
	*w = (struct solo){0};
	assert_int_equal(tp_xo_open(&w->x, &w->out, &w->err), TP_OK);
	return &w->x;
}

static void
solo_free(struct solo *w)
{
	tp_xo_discard(&w->x);
	free(w->out.data);
}

/* Misuse is an error, not bad XML, and the first error sticks. */
static void
misuse_is_reported(void **state)
{
	struct solo w;
	struct tp_xo *x = solo_open(&w);
	(void)state;

	tp_xo_start(x, "a");
	tp_xo_text(x, "t");
	assert_int_equal(tp_xo_attr(x, "late", "v"), TP_ERR_INVALID);
	assert_non_null(strstr(w.err.message, "late"));
	assert_int_equal(tp_xo_start(x, "b"), TP_ERR_INVALID);
	assert_int_equal(tp_xo_close(x), TP_ERR_INVALID);
	solo_free(&w);

	x = solo_open(&w);
	assert_int_equal(tp_xo_end(x), TP_ERR_INVALID);
	solo_free(&w);

	x = solo_open(&w);
	for (int i = 0; i < TP_XO_DEPTH; i++)
		assert_int_equal(tp_xo_start(x, "d"), TP_OK);
	assert_int_equal(tp_xo_start(x, "d"), TP_ERR_INVALID);
	assert_non_null(strstr(w.err.message, "deeply"));
	solo_free(&w);

	x = solo_open(&w);
	assert_int_equal(tp_xo_text(x, "outside"), TP_ERR_INVALID);
	solo_free(&w);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(changed_sets_are_libxml2s),
		cmocka_unit_test(same_bytes_as_xmltextwriter),
		cmocka_unit_test(big_document_as_xmltextwriter),
		cmocka_unit_test(raw_and_numbers),
		cmocka_unit_test(misuse_is_reported),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
