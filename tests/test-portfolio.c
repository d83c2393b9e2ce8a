/* SPDX-License-Identifier: MIT */
/* Many plans in one process (#11): the plan reader object, the calendar
 * cache, tp_plan_set_read(), and the reader's own checks that do not lean
 * on the schema.
 *
 * Expected dates come from an independent computation: each plan read on
 * its own with tp_plan_doc_read_file() (its own calendar, built from the
 * rules) and scheduled; the shared reading must give the same dates for
 * every stage. File sizes are counted by the test as it writes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include <libical/ical.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include <tenderplan/tenderplan.h>

#include "xml-check-private.h"
#include "xml-read-private.h"

static char *
read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n + 1)) &&
	    fread(buf, 1, (size_t)n, f) == (size_t)n) {
		buf[n] = '\0';
		*len = (size_t)n;
	} else {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

static void
write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

static char *
example(const char *name)
{
	char path[4096];
	size_t len;
	char *text;
	const char *root = getenv("TP_SOURCE_ROOT");

	assert_non_null(root);
	snprintf(path, sizeof(path), "%s/examples/%s", root, name);
	text = read_all(path, &len);
	assert_non_null(text);
	return text;
}

/* @text with the first @from replaced by @to, in a new string. */
static char *
replace(const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);
	size_t a, n;
	char *out;

	assert_non_null(at);
	a = (size_t)(at - text);
	n = strlen(text) - strlen(from) + strlen(to);
	out = malloc(n + 1);
	assert_non_null(out);
	memcpy(out, text, a);
	strcpy(out + a, to);
	strcat(out, at + strlen(from));
	return out;
}

/* ---- the reader's own checks ------------------------------------------ */

/* With a schema that lets time="1" through (a permissive copy in
 * $TP_SCHEMA_DIR, as the issue describes), the reader still refuses it
 * with the schema's plain words, and reads no byte past the value
 * (under ASan the old atoi(t + 3) was a heap overflow). */
static void
time_checked_without_schema(void **state)
{
	static const char plan[] =
		"<plan xmlns=\"urn:tenderplan:plan:1\">\n<stages>\n"
		"<stage id=\"due\" kind=\"tender-deadline\" time=\"1\"/>\n"
		"</stages>\n</plan>\n";
	const char *old = getenv("TP_SCHEMA_DIR");
	char *saved = old ? strdup(old) : NULL, path[4096];
	char dir[] = "/tmp/tp-test-permissive-XXXXXX";
	char *xsd, *loose;
	size_t len;
	struct tp_plan_doc *doc = NULL;
	struct tp_error err;

	(void)state;
	assert_non_null(saved);
	snprintf(path, sizeof(path), "%s/tenderplan-plan.xsd", saved);
	xsd = read_all(path, &len);
	assert_non_null(xsd);
	loose = replace(xsd, "([01][0-9]|2[0-3]):[0-5][0-9]", ".*");
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/tenderplan-plan.xsd", dir);
	write_text(path, loose);
	assert_int_equal(setenv("TP_SCHEMA_DIR", dir, 1), 0);
	assert_int_equal(tp_plan_doc_read_memory(plan, sizeof(plan) - 1,
						 "t.xml", NULL, 0, &doc, &err),
			 TP_ERR_PARSE);
	assert_null(doc);
	assert_int_equal(err.line, 3);
	assert_string_equal(err.stage, "due");
	assert_non_null(strstr(err.message, "HH:MM"));
	assert_non_null(strstr(err.message, "'1'"));
	assert_int_equal(setenv("TP_SCHEMA_DIR", saved, 1), 0);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(dir), 0);
	free(loose);
	free(xsd);
	free(saved);
}

/* The too-large error names the file's size, not the limit plus one. */
static void
too_large_names_real_size(void **state)
{
	char dir[] = "/tmp/tp-test-large-XXXXXX", path[64], want[64];
	size_t n = TP_PLAN_XML_MAX_SIZE + 12345;
	struct tp_plan_doc *doc = NULL;
	struct tp_error err;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/big.xml", dir);
	f = fopen(path, "wb");
	assert_non_null(f);
	fputs("<plan", f);
	for (size_t i = 5; i < n; i++)
		fputc(' ', f);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(tp_plan_doc_read_file(path, 0, &doc, &err),
			 TP_ERR_PARSE);
	snprintf(want, sizeof(want), "%zu bytes", n);
	assert_non_null(strstr(err.message, want));
	assert_string_equal(err.source, path);
	assert_null(doc);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(dir), 0);
}

/* ---- sets of plans ------------------------------------------------------ */

struct tree {
	char dir[64];
	char paths[6][128];
	size_t n;
};

static void
add_file(struct tree *t, const char *name, const char *text)
{
	char path[128];

	snprintf(path, sizeof(path), "%s/%s", t->dir, name);
	memcpy(t->paths[t->n], path, sizeof(path));
	write_text(t->paths[t->n++], text);
}

static void
remove_tree(struct tree *t)
{
	for (size_t i = 0; i < t->n; i++)
		unlink(t->paths[i]);
	rmdir(t->dir);
}

/* Four plans: Hartlepool twice under two ids (one calendar), Thurrock
 * (the same calendar definition), Hartlepool with a closure (another),
 * and a file the directory listing must skip. */
static void
make_tree(struct tree *t)
{
	char *h = example("hartlepool-2011.xml");
	char *th = example("thurrock-2012.xml");
	char *h2 = replace(h, "id=\"hartlepool-parenting-2011\"",
			   "id=\"hartlepool-copy\"");
	char *h3 = replace(h, "id=\"hartlepool-parenting-2011\"",
			   "id=\"hartlepool-closed\"");
	char *h3c = replace(h3, "<calendar region=\"england-and-wales\"/>",
			    "<calendar region=\"england-and-wales\">"
			    "<closure from=\"2011-12-19\" to=\"2012-01-06\" "
			    "name=\"Winter shutdown\"/></calendar>");

	memset(t, 0, sizeof(*t));
	snprintf(t->dir, sizeof(t->dir), "/tmp/tp-test-set-XXXXXX");
	assert_non_null(mkdtemp(t->dir));
	/* Written out of order: the set reads in name order. */
	add_file(t, "c.xml", h3c);
	add_file(t, "a.xml", h);
	add_file(t, "b.xml", th);
	add_file(t, "a2.xml", h2);
	add_file(t, "notes.txt", "not a plan");
	free(h);
	free(th);
	free(h2);
	free(h3);
	free(h3c);
}

/* Every stage of @doc scheduled as it is when the file is read alone. */
static void
same_dates_as_alone(struct tp_plan_doc *doc, const char *path)
{
	struct tp_plan_doc *alone = NULL;
	struct tp_schedule *s = NULL, *a = NULL;
	struct tp_error err;
	const struct tp_plan *plan = tp_plan_doc_plan_const(doc);

	assert_int_equal(tp_plan_doc_read_file(path, 0, &alone, &err), TP_OK);
	assert_int_equal(tp_plan_doc_schedule(doc, NULL, &s, &err), TP_OK);
	assert_int_equal(tp_plan_doc_schedule(alone, NULL, &a, &err), TP_OK);
	assert_int_equal(tp_plan_stage_count(plan),
			 tp_plan_stage_count(tp_plan_doc_plan_const(alone)));
	for (size_t i = 0; i < tp_plan_stage_count(plan); i++) {
		assert_int_equal(tp_schedule_early_start(s, i).day,
				 tp_schedule_early_start(a, i).day);
		assert_int_equal(tp_schedule_early_finish(s, i).day,
				 tp_schedule_early_finish(a, i).day);
	}
	tp_schedule_free(s);
	tp_schedule_free(a);
	tp_plan_doc_free(alone);
}

static void
set_from_directory(void **state)
{
	struct tree t;
	struct tp_plan_set *set = NULL;
	struct tp_error err;
	const char *paths[1];
	const struct tp_calendar *cal[4];
	static const char *const names[] = {"a.xml", "a2.xml", "b.xml",
					    "c.xml"};

	(void)state;
	make_tree(&t);
	paths[0] = t.dir;
	assert_int_equal(tp_plan_set_read(paths, 1, 0, &set, &err), TP_OK);
	assert_int_equal(tp_plan_set_count(set), 4);
	for (size_t i = 0; i < 4; i++) {
		const char *p = tp_plan_set_path(set, i);
		assert_non_null(p);
		assert_string_equal(strrchr(p, '/') + 1, names[i]);
		cal[i] = tp_plan_calendar(
			tp_plan_doc_plan_const(tp_plan_set_doc(set, i)));
		assert_non_null(cal[i]);
		same_dates_as_alone(tp_plan_set_doc(set, i), p);
	}
	/* a, a2 and b describe one calendar; c adds a closure. */
	assert_ptr_equal(cal[0], cal[1]);
	assert_ptr_equal(cal[0], cal[2]);
	assert_ptr_not_equal(cal[0], cal[3]);
	assert_null(tp_plan_set_doc(set, 4));
	assert_null(tp_plan_set_path(set, 4));
	tp_plan_set_free(set);
	remove_tree(&t);
}

static void
set_refuses_duplicate_ids(void **state)
{
	struct tree t;
	struct tp_plan_set *set = NULL;
	struct tp_error err;
	const char *paths[3];

	(void)state;
	make_tree(&t);
	paths[0] = t.paths[1]; /* a.xml */
	paths[1] = t.paths[2]; /* b.xml */
	paths[2] = t.paths[1]; /* a.xml again */
	assert_int_equal(tp_plan_set_read(paths, 3, 0, &set, &err),
			 TP_ERR_INVALID);
	assert_null(set);
	assert_non_null(strstr(err.message, "named twice"));
	assert_string_equal(err.source, t.paths[1]);
	/* a2.xml is a copy of a.xml under another id: fine; a copy under
	 * the same id is refused, naming both files. */
	{
		size_t len;
		char *text = read_all(t.paths[1], &len);
		assert_non_null(text);
		add_file(&t, "z.xml", text);
		free(text);
	}
	paths[2] = t.paths[5];
	assert_int_equal(tp_plan_set_read(paths, 3, 0, &set, &err),
			 TP_ERR_INVALID);
	assert_non_null(strstr(err.message, "hartlepool-parenting-2011"));
	assert_non_null(strstr(err.message, "also the id of"));
	assert_non_null(strstr(err.message, t.paths[1]));
	assert_string_equal(err.source, t.paths[5]);
	remove_tree(&t);
}

static void
set_errors_name_the_file(void **state)
{
	char dir[] = "/tmp/tp-test-empty-XXXXXX", path[64];
	struct tp_plan_set *set = NULL;
	struct tp_error err;
	const char *paths[1] = {dir};

	(void)state;
	assert_non_null(mkdtemp(dir));
	assert_int_equal(tp_plan_set_read(paths, 1, 0, &set, &err), TP_ERR_IO);
	assert_string_equal(err.source, dir);
	assert_non_null(strstr(err.message, "no plan files"));
	snprintf(path, sizeof(path), "%s/bad.xml", dir);
	write_text(path, "<plan xmlns=\"urn:tenderplan:plan:1\">\n<stages>\n"
			 "<stage id=\"a\" kind=\"nonsense\"/>\n</stages>\n"
			 "</plan>\n");
	assert_int_equal(tp_plan_set_read(paths, 1, 0, &set, &err),
			 TP_ERR_PARSE);
	assert_string_equal(err.source, path);
	assert_int_equal(err.line, 3);
	assert_null(set);
	assert_int_equal(tp_plan_set_read(NULL, 1, 0, &set, &err),
			 TP_ERR_INVALID);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(dir), 0);
}

/* One reader, one cache, many reads: the cache builds each definition
 * once, the documents outlive the reader, and a read's error does not
 * spoil the next read. */
static void
reader_and_cache(void **state)
{
	char *h = example("hartlepool-2011.xml");
	static const char bad[] = "<plan xmlns=\"urn:tenderplan:plan:1\">"
				  "<stages><stage/></stages></plan>";
	struct tp_plan_reader *r = NULL;
	struct tp_calendar_cache *cache = NULL;
	struct tp_plan_doc *d[3] = {NULL, NULL, NULL};
	struct tp_error err;

	(void)state;
	assert_int_equal(tp_plan_reader_new(NULL, &err), TP_ERR_INVALID);
	assert_int_equal(tp_calendar_cache_new(NULL, &err), TP_ERR_INVALID);
	assert_int_equal(tp_plan_reader_new(&r, &err), TP_OK);
	assert_int_equal(tp_calendar_cache_new(&cache, &err), TP_OK);
	assert_int_equal(tp_calendar_cache_count(cache), 0);
	tp_plan_reader_set_calendar_cache(r, cache);
	assert_int_equal(tp_plan_reader_read_memory(r, h, strlen(h), "a", NULL,
						    0, &d[0], &err),
			 TP_OK);
	assert_int_equal(tp_plan_reader_read_memory(r, bad, sizeof(bad) - 1,
						    "bad", NULL, 0, &d[1],
						    &err),
			 TP_ERR_PARSE);
	assert_null(d[1]);
	assert_string_equal(err.source, "bad");
	assert_int_equal(tp_plan_reader_read_memory(r, h, strlen(h), "b", NULL,
						    0, &d[2], &err),
			 TP_OK);
	tp_plan_reader_free(r);
	/* One plan calendar (the statutory one is built on scheduling). */
	assert_int_equal(tp_calendar_cache_count(cache), 1);
	assert_ptr_equal(tp_plan_calendar(tp_plan_doc_plan_const(d[0])),
			 tp_plan_calendar(tp_plan_doc_plan_const(d[2])));
	tp_plan_doc_free(d[0]);
	tp_plan_doc_free(d[2]);
	tp_calendar_cache_free(cache);
	tp_calendar_cache_free(NULL);
	tp_plan_reader_free(NULL);
	tp_plan_set_free(NULL);
	assert_int_equal(tp_calendar_cache_count(NULL), 0);
	assert_int_equal(tp_plan_set_count(NULL), 0);
	free(h);
}

/* ---- the quick check never passes what the schema refuses ------------- */

/* A plan using every element and attribute of the schema. */
static const char every_element[] =
	"<?xml version=\"1.0\"?>\n"
	"<plan xmlns=\"urn:tenderplan:plan:1\" id=\"p-1\" revision=\"3\">\n"
	" <name>Every element</name>\n"
	" <time-zone>Europe/London</time-zone>\n"
	" <calendar region=\"scotland\">\n"
	"  <closure from=\"2026-12-24\" to=\"2027-01-02\" name=\"Shut\"/>\n"
	"  <holiday date=\"2027-03-01\" name=\"Local day\"/>\n"
	"  <ics href=\"h.ics\" mode=\"replace\"/>\n"
	" </calendar>\n"
	" <anchors start=\"2026-09-01\" contract-start=\"2027-09-01\"/>\n"
	" <rules regime=\"pcr2015\" procedure=\"restricted\" "
	"claims=\"pin urgency\" jurisdiction=\"scotland\" "
	"incumbent-end=\"2027-08-31\" authority=\"central-government\" "
	"framework-concluded=\"2020-01-01\" authority-kind=\"council\" "
	"health-service=\"none\" cpv=\"85323000-9\" "
	"standstill-end=\"2027-05-01\" notice-means=\"other\">\n"
	"  <local standstill-days=\"10\" standstill-unit=\"working-days\" "
	"min-tender-days=\"30\" report-days=\"5\" citation=\"Standing "
	"orders 12\"/>\n"
	"  <lead-in min-days=\"28\"/>\n"
	" </rules>\n"
	" <meetings>\n"
	"  <series id=\"cabinet\" report-days=\"5\" call-in-days=\"5\">\n"
	"   <name>Cabinet</name>\n"
	"   <recur rule=\"FREQ=MONTHLY;BYDAY=3TH\" from=\"2026-09-01\"/>\n"
	"   <meeting date=\"2026-12-10\"/>\n"
	"   <except date=\"2026-12-17\"/>\n"
	"   <meeting date=\"2027-08-05\"/>\n"
	"  </series>\n"
	"  <series id=\"board\"><meeting date=\"2027-02-02\"/></series>\n"
	" </meetings>\n"
	" <stages>\n"
	"  <stage id=\"a\" kind=\"advert\" duration=\"0\" unit=\"weeks\" "
	"calendar=\"statutory\">\n"
	"   <name>Advert</name><owner>Team</owner><notes>Notes</notes>\n"
	"   <constraint type=\"start-on\" date=\"2026-09-01\"/>\n"
	"  </stage>\n"
	"  <stage id=\"b\" kind=\"tender-deadline\" time=\"12:00\" "
	"actual-start=\"2026-10-01\" actual-finish=\"2026-10-01\">\n"
	"   <after stage=\"a\" type=\"ss\" lag=\"-3\" "
	"lag-unit=\"calendar-days\"/>\n"
	"   <constraint type=\"finish-no-later-than\" date=\"2027-01-01\"/>\n"
	"   <after stage=\"a\"/>\n"
	"  </stage>\n"
	"  <stage id=\"c\" kind=\"governance-approval\" meeting=\"cabinet\">"
	"<after stage=\"b\"/></stage>\n"
	" </stages>\n"
	" <snapshots>\n"
	"  <snapshot kind=\"revision\" revision=\"2\" "
	"taken=\"2026-08-01T09:30:00Z\" plan-id=\"p-1\" "
	"time-zone=\"Europe/London\">\n"
	"   <stage id=\"a\" start=\"2026-09-01\" finish=\"2026-09-01\" "
	"time=\"09:00\" sequence=\"1\" text=\"0123456789abcdef\" "
	"removed=\"false\" name=\"Advert\"/>\n"
	"  </snapshot>\n"
	" </snapshots>\n"
	"</plan>\n";

static const char *const element_names[] = {
	"plan",	    "name",	  "time-zone", "calendar", "closure",
	"holiday",  "ics",	  "anchors",   "rules",	   "local",
	"lead-in",  "stages",	  "stage",     "owner",	   "notes",
	"after",    "constraint", "snapshots", "snapshot", "other",
	"meetings", "series",	  "recur",     "meeting",  "except",
};

static const char *const tricky_values[] = {
	"", " ", "1", "0", "-1", "+5", " 5", "007", "100000", "100001",
	"-100001", "4294967296", "2147483648", "2011-13-45", "2011-1-1",
	"12:60", "24:00", "2:00", "x", "a b", "fs ", "FS", "true", "TRUE",
	"\xc3\xa9", "pin nosuch", "  pin  ", "0123456789ABCDEF",
	"85323000-", "85323000", "Europe/ London",
	"2026-08-01T09:30:00", "2026-08-01T24:30:00Z",
	"FREQ=MONTHLY BYDAY=3TH", "FREQ=DAILY;X=\"1\"", "FREQ/WEEKLY",
};

struct judge {
	xmlSchemaPtr schema;
	size_t tried, quick, invalid;
	struct tp_plan_reader *reader; /* compiles the schema once */
	size_t stride;                 /* read every stride-th mutation */
	size_t read, streamed;         /* read; read while parsing */
};

/* @text written back, or NULL when @rc is not TP_OK. */
static char *
written(enum tp_status rc, struct tp_plan_doc *doc)
{
	char *out = NULL;
	size_t len = 0;
	struct tp_error err;

	if (rc == TP_OK)
		assert_int_equal(tp_plan_doc_write_memory(doc, &out, &len, &err),
				 TP_OK);
	tp_plan_doc_free(doc);
	return out;
}

/* The reading (#11) that reads each stage while parsing and gives up on
 * anything it does not expect must give what the whole-tree reading
 * behind the schema's validator gives (TP_PLAN_READ_SCHEMA, the
 * independent reading): the same plan, written out, or the same error at
 * the same line. */
static void
readings_agree(struct judge *j, const char *text, size_t len)
{
	struct tp_plan_doc *a = NULL, *b = NULL, *c = NULL;
	struct tp_error ea = {0}, eb = {0}, ec;
	enum tp_status ra, rb, rc;
	char *wa, *wb, *wc;

	ra = tp_plan_reader_read_memory(j->reader, text, len, "m.xml", NULL,
					TP_PLAN_READ_NO_CALENDAR, &a, &ea);
	rb = tp_plan_reader_read_memory(
		j->reader, text, len, "m.xml", NULL,
		TP_PLAN_READ_NO_CALENDAR | TP_PLAN_READ_SCHEMA, &b, &eb);
	rc = tp_plan_doc_read_streamed(text, len, "m.xml", &c, &ec);
	wa = written(ra, a);
	wb = written(rb, b);
	wc = written(rc, c);
	if (ra != rb || ea.line != eb.line || strcmp(ea.message, eb.message) ||
	    strcmp(ea.stage, eb.stage) || (wa && strcmp(wa, wb)) ||
	    (wc && (!wa || strcmp(wc, wa))))
		fail_msg("readings differ (%d '%s' line %d, %d '%s' line %d, "
			 "streamed %d) on:\n%s",
			 ra, ea.message, ea.line, rb, eb.message, eb.line, rc,
			 text);
	j->read++;
	j->streamed += wc != NULL;
	free(wa);
	free(wb);
	free(wc);
}

static void
quiet(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

static void
judge_doc(struct judge *j, xmlDocPtr doc)
{
	bool quick;
	xmlSchemaValidCtxtPtr v;
	int r;

	if (j->reader) { /* readings_agree_on_mutations() */
		if (j->tried++ % j->stride == 0) {
			xmlChar *text = NULL;
			int len = 0;
			xmlDocDumpMemory(doc, &text, &len);
			assert_non_null(text);
			readings_agree(j, (const char *)text, (size_t)len);
			xmlFree(text);
		}
		return;
	}
	quick = tp_plan_xml_plainly_valid(xmlDocGetRootElement(doc));
	v = xmlSchemaNewValidCtxt(j->schema);
	assert_non_null(v);
	xmlSchemaSetValidStructuredErrors(v, quiet, NULL);
	r = xmlSchemaValidateDoc(v, doc);
	xmlSchemaFreeValidCtxt(v);
	j->tried++;
	j->quick += quick;
	j->invalid += r != 0;
	if (quick && r != 0) {
		xmlChar *text = NULL;
		int len = 0;
		xmlDocDumpMemory(doc, &text, &len);
		print_error("quick check passed an invalid plan:\n%s\n",
			    text ? (const char *)text : "");
		xmlFree(text);
		fail();
	}
}

/* The @k-th element of @doc in document order, or NULL. */
static xmlNodePtr
nth_element(xmlNodePtr n, size_t *k)
{
	for (; n; n = n->next) {
		xmlNodePtr found;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if ((*k)-- == 0)
			return n;
		if ((found = nth_element(n->children, k)))
			return found;
	}
	return NULL;
}

static xmlNodePtr
element_of(xmlDocPtr doc, size_t k)
{
	return nth_element(xmlDocGetRootElement(doc), &k);
}

/* Every mutation of @doc: each element removed, doubled, given text, a
 * comment, an unknown attribute, another name, swapped with its next
 * sibling; each attribute removed or given each tricky value. */
static void
mutate_all(struct judge *j, xmlDocPtr orig)
{
	for (size_t k = 0; element_of(orig, k); k++) {
		for (int m = 0; m < 7 + (int)(sizeof(element_names) /
					   sizeof(element_names[0]));
		     m++) {
			xmlDocPtr d = xmlCopyDoc(orig, 1);
			xmlNodePtr e = element_of(d, k), x;
			assert_non_null(e);
			switch (m) {
			case 0:
				xmlUnlinkNode(e);
				xmlFreeNode(e);
				break;
			case 1:
				xmlAddNextSibling(e, xmlCopyNode(e, 1));
				break;
			case 2:
				xmlAddChild(e, xmlNewText(BAD_CAST "x"));
				break;
			case 3:
				xmlAddChild(e, xmlNewComment(BAD_CAST "c"));
				break;
			case 4:
				xmlNewProp(e, BAD_CAST "bogus", BAD_CAST "1");
				break;
			case 5:
				x = e->next;
				while (x && x->type != XML_ELEMENT_NODE)
					x = x->next;
				if (x) {
					xmlUnlinkNode(x);
					xmlAddPrevSibling(e, x);
				}
				break;
			case 6:
				xmlAddChild(e, xmlNewCDataBlock(d, BAD_CAST " ",
								1));
				break;
			default:
				xmlNodeSetName(e, BAD_CAST element_names[m - 7]);
				break;
			}
			judge_doc(j, d);
			xmlFreeDoc(d);
		}
		{
			xmlNodePtr e = element_of(orig, k);
			size_t na = 0;
			for (xmlAttrPtr a = e->properties; a; a = a->next)
				na++;
			for (size_t ai = 0; ai < na; ai++) {
				for (size_t v = 0;
				     v <= sizeof(tricky_values) /
						  sizeof(tricky_values[0]);
				     v++) {
					xmlDocPtr d = xmlCopyDoc(orig, 1);
					xmlAttrPtr a =
						element_of(d, k)->properties;
					for (size_t i = 0; i < ai; i++)
						a = a->next;
					if (v == 0)
						xmlRemoveProp(a);
					else
						xmlSetProp(a->parent, a->name,
							   BAD_CAST
							   tricky_values[v - 1]);
					judge_doc(j, d);
					xmlFreeDoc(d);
				}
			}
		}
	}
}

static xmlDocPtr
parse(const char *text)
{
	xmlDocPtr d = xmlReadMemory(text, (int)strlen(text), "m.xml", NULL,
				    XML_PARSE_NONET);
	assert_non_null(d);
	return d;
}

static void
quick_check_is_conservative(void **state)
{
	char path[4096];
	const char *dir = getenv("TP_SCHEMA_DIR");
	xmlSchemaParserCtxtPtr pc;
	struct judge j = {0};
	char *h = example("hartlepool-2011.xml");
	char *t = example("thurrock-2012.xml");
	const char *plans[] = {every_element, h, t};

	(void)state;
	assert_non_null(dir);
	snprintf(path, sizeof(path), "%s/tenderplan-plan.xsd", dir);
	pc = xmlSchemaNewParserCtxt(path);
	assert_non_null(pc);
	j.schema = xmlSchemaParse(pc);
	xmlSchemaFreeParserCtxt(pc);
	assert_non_null(j.schema);
	for (size_t i = 0; i < sizeof(plans) / sizeof(plans[0]); i++) {
		xmlDocPtr d = parse(plans[i]);
		/* The plans as written take the quick way. */
		assert_true(tp_plan_xml_plainly_valid(xmlDocGetRootElement(d)));
		judge_doc(&j, d);
		mutate_all(&j, d);
		xmlFreeDoc(d);
	}
	print_message("# %zu mutations: %zu passed the quick check, %zu "
		      "invalid\n",
		      j.tried, j.quick, j.invalid);
	assert_true(j.quick > 100);
	assert_true(j.invalid > 1000);
	xmlSchemaFree(j.schema);
	free(h);
	free(t);
}

/* The same mutations read both ways (#11): see readings_agree(). */
static void
readings_agree_on_mutations(void **state)
{
	struct judge j = {0};
	struct tp_error err;
	char *h = example("hartlepool-2011.xml");
	/* every element, less the stage tied to a meeting (such a stage
	 * always reads the old way: see xml-read.c) */
	char *e = strdup(every_element);
	const char *tie = " meeting=\"cabinet\"";
	char *at = e ? strstr(e, tie) : NULL;
	const char *plans[] = {e, h};

	(void)state;
	assert_non_null(at);
	memmove(at, at + strlen(tie), strlen(at + strlen(tie)) + 1);
	assert_int_equal(tp_plan_reader_new(&j.reader, &err), TP_OK);
	for (size_t i = 0; i < sizeof(plans) / sizeof(plans[0]); i++) {
		/* One mutation in 2 of the small plan, one in 32 of
		 * Hartlepool's (all of them read three ways took 40 s). */
		xmlDocPtr d = parse(plans[i]);
		j.stride = i == 0 ? 2 : 32;
		judge_doc(&j, d);
		mutate_all(&j, d);
		xmlFreeDoc(d);
	}
	print_message("# %zu mutations read, %zu of them while parsing\n",
		      j.read, j.streamed);
	/* The plans as written and the harmless mutations read while
	 * parsing; the rest gave up and read as before. */
	assert_true(j.streamed > 50);
	assert_true(j.streamed < j.read);
	tp_plan_reader_free(j.reader);
	free(h);
	free(e);
}

/* ---- one big plan (#11) ------------------------------------------------- */

struct big {
	char *text;
	size_t len, cap;
	int line;          /* lines written so far */
	int stage_line[4000]; /* line of <stage id="sK"> */
	int after_line[4000]; /* line of its first <after> */
	size_t deps, constraints;
};

static void big_put(struct big *b, const char *fmt, ...) TP_PRINTF(2, 3);

static void
big_put(struct big *b, const char *fmt, ...)
{
	char piece[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(piece, sizeof(piece), fmt, ap);
	va_end(ap);
	assert_true(n > 0 && (size_t)n < sizeof(piece));
	if (b->len + (size_t)n + 1 > b->cap) {
		b->cap = 2 * (b->len + (size_t)n + 1);
		b->text = realloc(b->text, b->cap);
		assert_non_null(b->text);
	}
	memcpy(b->text + b->len, piece, (size_t)n + 1);
	b->len += (size_t)n;
	for (int i = 0; i < n; i++)
		b->line += piece[i] == '\n';
}

static const char *const big_kinds[] = {"custom", "advert",
					"tender-period", "evaluation"};
static const char *const big_types[] = {"finish-to-start", "ss", "ff",
					"start-to-finish"};

/* @n stages (n <= 4000) using every stage element and attribute, one
 * element a line: sK after s(K-1), "head" (first) after the last stage,
 * a constraint on every 13th. @bad: 0 none, 1 the last stage's first
 * dependency names no stage, 2 s(n-10) also after s(n-9) (a cycle),
 * 3 s(n-5) is called s3, 4 s(n-4) has time="24:00" (n = 3000: a
 * stage with a time). */
static void
big_plan(struct big *b, size_t n, int bad)
{
	memset(b, 0, sizeof(*b));
	b->line = 1;
	big_put(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	big_put(b, "<plan xmlns=\"urn:tenderplan:plan:1\" id=\"big\" "
		   "revision=\"4\">\n");
	big_put(b, " <name>One big plan</name>\n");
	big_put(b, " <time-zone>Europe/London</time-zone>\n");
	big_put(b, " <calendar region=\"england-and-wales\">\n");
	big_put(b, "  <holiday date=\"2031-01-02\" name=\"Local\"/>\n");
	big_put(b, " </calendar>\n");
	big_put(b, " <anchors start=\"2030-09-02\"/>\n");
	big_put(b, " <rules regime=\"pa2023\" procedure=\"open\"/>\n");
	big_put(b, " <stages>\n");
	big_put(b, "  <stage id=\"head\">\n");
	big_put(b, "   <after stage=\"s%zu\" lag=\"2\"/>\n", n - 1);
	big_put(b, "  </stage>\n");
	b->deps++;
	for (size_t k = 0; k < n; k++) {
		b->stage_line[k] = b->line;
		big_put(b, "  <stage id=\"s%zu\" kind=\"%s\" duration=\"%zu\""
			   "%s%s%s>\n",
			bad == 3 && k == n - 5 ? (size_t)3 : k,
			big_kinds[k % 4], k % 9,
			k % 3 == 0 ? " unit=\"calendar-days\"" : "",
			k % 7 == 0 ? (bad == 4 && k == n - 4 ? " time=\"24:00\""
						      : " time=\"09:30\"")
				   : "",
			k % 11 == 0 ? " calendar=\"statutory\"" : "");
		if (k % 2 == 0)
			big_put(b, "   <name>Stage %zu &amp; co</name>\n", k);
		if (k % 5 == 0)
			big_put(b, "   <owner>Team %zu</owner>\n", k % 17);
		if (k % 3 == 1)
			big_put(b, "   <notes>Notes\n on two lines</notes>\n");
		b->after_line[k] = b->line;
		if (k > 0) {
			big_put(b, "   <after stage=\"%s%zu\" type=\"%s\" "
				   "lag=\"%d\"%s/>\n",
				bad == 1 && k == n - 1 ? "nosuch" : "s",
				k - 1, big_types[k % 4], (int)(k % 5) - 2,
				k % 4 == 0 ? " lag-unit=\"calendar-days\""
					   : "");
			b->deps++;
		}
		if (bad == 2 && k == n - 10) {
			big_put(b, "   <after stage=\"s%zu\"/>\n", k + 1);
			b->deps++;
		}
		if (k % 13 == 0) {
			big_put(b, "   <constraint type=\"start-no-earlier-than\" "
				   "date=\"2030-10-%02zu\"/>\n",
				1 + k % 28);
			b->constraints++;
		}
		big_put(b, "  </stage>\n");
	}
	big_put(b, " </stages>\n</plan>\n");
}

/* Read both ways, a big plan gives the same plan (written out), with the
 * stages and links the generator wrote (counted as it wrote them). */
static void
big_plan_read_both_ways(void **state)
{
	struct big *b = calloc(1, sizeof(*b));
	struct tp_plan_doc *fast = NULL, *tree = NULL;
	struct tp_error err;
	char *wf, *wt;

	(void)state;
	assert_non_null(b);
	big_plan(b, 3000, 0);
	assert_int_equal(tp_plan_doc_read_streamed(b->text, b->len, "big.xml",
						   &fast, &err),
			 TP_OK);
	assert_int_equal(tp_plan_stage_count(tp_plan_doc_plan_const(fast)),
			 3001);
	assert_int_equal(
		tp_plan_dependency_count(tp_plan_doc_plan_const(fast)),
		b->deps);
	assert_int_equal(
		tp_plan_constraint_count(tp_plan_doc_plan_const(fast)),
		b->constraints);
	assert_int_equal(tp_plan_doc_read_memory(b->text, b->len, "big.xml",
						 NULL,
						 TP_PLAN_READ_NO_CALENDAR |
							 TP_PLAN_READ_SCHEMA,
						 &tree, &err),
			 TP_OK);
	wf = written(TP_OK, fast);
	wt = written(TP_OK, tree);
	assert_string_equal(wf, wt);
	free(wf);
	free(wt);
	/* The public reading takes the same way. */
	assert_int_equal(tp_plan_doc_read_memory(b->text, b->len, "big.xml",
						 NULL, TP_PLAN_READ_NO_CALENDAR,
						 &fast, &err),
			 TP_OK);
	tp_plan_doc_free(fast);
	free(b->text);
	free(b);
}

/* Errors deep in a big plan name the line the generator wrote them on:
 * the reading while parsing gives up on them and the whole-tree reading
 * words them. */
static void
big_plan_errors_deep(void **state)
{
	const size_t n = 3000;
	struct big *b = calloc(1, sizeof(*b));
	struct tp_plan_doc *doc = NULL;
	struct tp_error err;

	(void)state;
	assert_non_null(b);
	for (int bad = 1; bad <= 4; bad++) {
		big_plan(b, n, bad);
		assert_int_equal(tp_plan_doc_read_streamed(b->text, b->len,
							   "big.xml", &doc,
							   &err),
				 TP_ERR_INVALID);
		assert_non_null(strstr(err.message, "gave up"));
		assert_int_not_equal(tp_plan_doc_read_memory(
					     b->text, b->len, "big.xml", NULL,
					     TP_PLAN_READ_NO_CALENDAR, &doc,
					     &err),
				     TP_OK);
		assert_string_equal(err.source, "big.xml");
		switch (bad) {
		case 1:
			assert_int_equal(err.code, TP_ERR_INVALID);
			assert_int_equal(err.line, b->after_line[n - 1]);
			assert_non_null(strstr(err.message,
					       "depends on unknown stage "
					       "'nosuch2998'"));
			assert_string_equal(err.stage, "s2999");
			break;
		case 2:
			assert_int_equal(err.code, TP_ERR_CYCLE);
			assert_true(err.line == b->stage_line[n - 10] ||
				    err.line == b->stage_line[n - 9]);
			assert_non_null(strstr(err.message,
					       "s2990 -> s2991") ||
					strstr(err.message, "s2991 -> s2990"));
			break;
		case 3:
			assert_int_equal(err.line, b->stage_line[n - 5]);
			assert_non_null(strstr(err.message, "s3"));
			break;
		case 4:
			assert_int_equal(err.code, TP_ERR_PARSE);
			assert_int_equal(err.line, b->stage_line[n - 4]);
			assert_non_null(strstr(err.message, "24:00"));
			break;
		}
		free(b->text);
	}
	free(b);
}

/* Today in London without the zone's rules (#11) is the date libical
 * gives from them (the independent computation); other zones and an
 * unknown one as before. */
static void
today_in_london(void **state)
{
	static const char *const zones[] = {"Europe/London", "Europe/Paris",
					    "America/New_York"};
	struct tp_error err;
	struct tp_date d, want;

	(void)state;
	for (size_t i = 0; i < sizeof(zones) / sizeof(zones[0]); i++) {
		for (int tries = 0; tries < 3; tries++) {
			icaltimezone *z =
				icaltimezone_get_builtin_timezone(zones[i]);
			struct icaltimetype now;
			assert_non_null(z);
			now = icaltime_current_time_with_zone(z);
			assert_int_equal(tp_date_from_ymd(now.year, now.month,
							  now.day, &want,
							  &err),
					 TP_OK);
			assert_int_equal(tp_date_today(zones[i], &d, &err),
					 TP_OK);
			if (d.day == want.day)
				break;
			/* midnight passed between the two: again */
			assert_true(tries < 2);
		}
	}
	assert_int_equal(tp_date_today("Nowhere/Atlantis", &d, &err),
			 TP_ERR_INVALID);
	assert_non_null(strstr(err.message, "unknown time zone"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(time_checked_without_schema),
		cmocka_unit_test(too_large_names_real_size),
		cmocka_unit_test(set_from_directory),
		cmocka_unit_test(set_refuses_duplicate_ids),
		cmocka_unit_test(set_errors_name_the_file),
		cmocka_unit_test(reader_and_cache),
		cmocka_unit_test(quick_check_is_conservative),
		cmocka_unit_test(readings_agree_on_mutations),
		cmocka_unit_test(big_plan_read_both_ways),
		cmocka_unit_test(big_plan_errors_deep),
		cmocka_unit_test(today_in_london),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
