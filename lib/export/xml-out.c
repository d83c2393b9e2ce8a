/* SPDX-License-Identifier: MIT */
/* The exports' XML writer (see xml-out.h). The layout follows libxml2's
 * xmlTextWriter with indentation on (xmlwriter.c: StartElement,
 * EndElement, WriteString, WriteIndent):
 *  - a start tag begins on a new line, indented two spaces a level; if its
 *    parent's start tag is still open, that one is closed with ">\n";
 *  - text closes an open start tag with a bare '>' and keeps the end tag
 *    on its line (<Name>text</Name>);
 *  - an element with neither children nor text ends as "/>";
 *  - every end tag is followed by a newline, and is indented when the
 *    element had children and no text came after the last of them.
 * The escaping is libxml2's own. xmlTextWriter allocates a stack entry
 * and a copy of the name for every element and writes through an
 * xmlOutputBuffer a few bytes at a time; this writer only appends to the
 * export's buffer (#11: the SVG, HTML and MS Project exports of 10,000
 * tenders spent most of their time there). */
#include "config.h"

#include <string.h>

#include <libxml/entities.h>

#include "error-private.h"
#include "text-private.h"
#include "xml-out.h"

#define INDENT_W 2 /* spaces a level, as the exports set xmlTextWriter */

/* The bytes libxml2 2.9's escaping changes: xmlEncodeSpecialChars() in
 * text, xmlAttrSerializeTxtContent() in an attribute value (which also
 * writes bytes past ASCII as character references when its document has
 * no encoding). A value holding none of them is written as it is, since
 * libxml2 would return it unchanged; test-xml-out checks these sets
 * against libxml2 byte by byte. */
const char tp_xo_text_changed[] = "<>&\"\r";
const char tp_xo_attr_changed[] = "<>&\"\n\r\t";

static bool
has_non_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return true;
	return false;
}

/* Whether libxml2 would write @p value of an attribute unchanged. */
static bool
attr_unchanged(const struct tp_xo *x, const char *value)
{
	return !strpbrk(value, tp_xo_attr_changed) &&
	       (x->doc->encoding || !has_non_ascii(value));
}

static void
put(struct tp_xo *x, const char *s, size_t n)
{
	if (x->rc == TP_OK)
		x->rc = tp_sbuf_append(x->out, s, n, x->err);
}

#define PUT_LIT(x, lit) put((x), (lit), sizeof(lit) - 1)

static void
puts_(struct tp_xo *x, const char *s)
{
	put(x, s, strlen(s));
}

static void
nomem(struct tp_xo *x)
{
	if (x->rc == TP_OK)
		x->rc = tp_error_setf(x->err, TP_ERR_NOMEM, NULL,
				      "the XML writer failed (out of memory)");
}

/* The indentation of the innermost open element. */
static void
indent(struct tp_xo *x)
{
	static const char spaces[2 * TP_XO_DEPTH + 1] =
		"                                                            "
		"    ";
	put(x, spaces, (x->depth - 1) * INDENT_W);
}

enum tp_status
tp_xo_open(struct tp_xo *x, struct tp_sbuf *out, struct tp_error *err)
{
	*x = (struct tp_xo){.out = out, .err = err, .indent_end = true};
	x->doc = xmlNewDoc(NULL);
	x->scratch = xmlBufferCreate();
	if (!x->doc || !x->scratch) {
		nomem(x);
		tp_xo_discard(x);
		return tp_error_nomem(err);
	}
	return TP_OK;
}

enum tp_status
tp_xo_declaration(struct tp_xo *x, bool standalone)
{
	puts_(x, standalone ? "<?xml version=\"1.0\" encoding=\"UTF-8\" "
			      "standalone=\"yes\"?>\n"
			    : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	if (x->rc == TP_OK && !x->doc->encoding &&
	    !(x->doc->encoding = xmlStrdup(BAD_CAST "UTF-8")))
		nomem(x);
	return x->rc;
}

enum tp_status
tp_xo_doctype(struct tp_xo *x, const char *name)
{
	puts_(x, "<!DOCTYPE ");
	puts_(x, name);
	puts_(x, ">\n");
	return x->rc;
}

/* Close the innermost start tag, if open, as content follows. */
static void
close_tag(struct tp_xo *x, bool newline)
{
	if (!x->open)
		return;
	put(x, newline ? ">\n" : ">", newline ? 2 : 1);
	x->open = false;
}

enum tp_status
tp_xo_start(struct tp_xo *x, const char *name)
{
	if (x->rc != TP_OK)
		return x->rc;
	if (x->depth == TP_XO_DEPTH)
		return x->rc = tp_error_setf(x->err, TP_ERR_INVALID, NULL,
					     "XML nested too deeply");
	close_tag(x, true);
	x->names[x->depth++] = name;
	indent(x);
	PUT_LIT(x, "<");
	puts_(x, name);
	x->open = true;
	return x->rc;
}

static void
attr_head(struct tp_xo *x, const char *name)
{
	if (x->rc == TP_OK && !x->open)
		x->rc = tp_error_setf(x->err, TP_ERR_INVALID, NULL,
				      "XML attribute '%s' after content",
				      name);
	PUT_LIT(x, " ");
	puts_(x, name);
	PUT_LIT(x, "=\"");
}

enum tp_status
tp_xo_attr_raw(struct tp_xo *x, const char *name, const char *value)
{
	attr_head(x, name);
	puts_(x, value);
	PUT_LIT(x, "\"");
	return x->rc;
}

enum tp_status
tp_xo_attr(struct tp_xo *x, const char *name, const char *value)
{
	attr_head(x, name);
	if (x->rc == TP_OK && value && *value && attr_unchanged(x, value)) {
		puts_(x, value);
	} else if (x->rc == TP_OK && value && *value) {
		xmlBufferEmpty(x->scratch);
		xmlAttrSerializeTxtContent(x->scratch, x->doc, NULL,
					   BAD_CAST value);
		/* libxml2 reports no failure here; an empty result for a
		 * value that is not empty is one. */
		if (!xmlBufferLength(x->scratch))
			nomem(x);
		put(x, (const char *)xmlBufferContent(x->scratch),
		    (size_t)xmlBufferLength(x->scratch));
	}
	PUT_LIT(x, "\"");
	return x->rc;
}

enum tp_status
tp_xo_attr_long(struct tp_xo *x, const char *name, long v)
{
	char buf[21];
	return tp_xo_attr_raw(x, name, tp_llong_text(v, buf));
}

enum tp_status
tp_xo_attr_date(struct tp_xo *x, const char *name, struct tp_date d)
{
	char buf[TP_DATE_STRLEN];
	return tp_xo_attr_raw(x, name, tp_date_format(d, buf));
}

/* Text content (as xmlTextWriterWriteString in an element). */
static void
text(struct tp_xo *x, const char *s, bool escape)
{
	if (x->rc != TP_OK || !s)
		return;
	if (!x->depth) {
		x->rc = tp_error_setf(x->err, TP_ERR_INVALID, NULL,
				      "XML text outside an element");
		return;
	}
	close_tag(x, false);
	x->indent_end = false;
	if (!escape || !strpbrk(s, tp_xo_text_changed)) {
		puts_(x, s);
		return;
	}
	xmlChar *e = xmlEncodeSpecialChars(NULL, BAD_CAST s);
	if (!e) {
		nomem(x);
		return;
	}
	puts_(x, (const char *)e);
	xmlFree(e);
}

enum tp_status
tp_xo_text(struct tp_xo *x, const char *s)
{
	text(x, s, true);
	return x->rc;
}

enum tp_status
tp_xo_end(struct tp_xo *x)
{
	if (x->rc != TP_OK)
		return x->rc;
	if (!x->depth)
		return x->rc = tp_error_setf(x->err, TP_ERR_INVALID, NULL,
					     "XML end tag with none open");
	if (x->open) {
		PUT_LIT(x, "/>\n");
		x->open = false;
	} else {
		if (x->indent_end)
			indent(x);
		PUT_LIT(x, "</");
		puts_(x, x->names[x->depth - 1]);
		PUT_LIT(x, ">\n");
	}
	x->indent_end = true;
	x->depth--;
	return x->rc;
}

static enum tp_status
elem(struct tp_xo *x, const char *name, const char *s, bool escape)
{
	tp_xo_start(x, name);
	text(x, s, escape);
	return tp_xo_end(x);
}

enum tp_status
tp_xo_elem(struct tp_xo *x, const char *name, const char *s)
{
	return elem(x, name, s, true);
}

enum tp_status
tp_xo_elem_raw(struct tp_xo *x, const char *name, const char *s)
{
	return elem(x, name, s, false);
}

enum tp_status
tp_xo_elem_long(struct tp_xo *x, const char *name, long v)
{
	char buf[21];
	return elem(x, name, tp_llong_text(v, buf), false);
}

enum tp_status
tp_xo_close(struct tp_xo *x)
{
	while (x->rc == TP_OK && x->depth)
		tp_xo_end(x);
	enum tp_status rc = x->rc;
	tp_xo_discard(x);
	return rc;
}

void
tp_xo_discard(struct tp_xo *x)
{
	xmlFreeDoc(x->doc);
	xmlBufferFree(x->scratch);
	x->doc = NULL;
	x->scratch = NULL;
}
