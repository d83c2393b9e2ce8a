/* SPDX-License-Identifier: MIT */
/* Plan files: broken inputs (data-driven, tests/data/xml/<case>/ with
 * input.xml and expected-error.txt giving line, code and a message
 * substring, and optionally the column and the stage the error names),
 * size limit, round trips, the built-in templates.
 *
 * Expected dates are hand-checked and recomputed with Debian's python3
 * datetime, as noted beside each; legal minimums come from
 * docs/legal-research.md (legislation.gov.uk text). */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "alloc-fail.h"

#include <libxml/globals.h>
#include <libxml/xmlerror.h>

#include <tenderplan/tenderplan.h>

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

static const char *
data_dir(void)
{
	const char *d = getenv("TP_TEST_DATA");
	assert_non_null(d);
	return d;
}

/* ---- broken inputs ----------------------------------------------------- */

struct expected {
	int line;
	int column; /* -1: not checked */
	int code;
	char stage[64];
	bool check_stage;
	char message[256];
	char source[256]; /* a file beside input.xml, or "" for input.xml */
};

static void
parse_expected(const char *path, struct expected *e)
{
	size_t len;
	char *text = read_all(path, &len);
	char *save = NULL;

	assert_non_null(text);
	memset(e, 0, sizeof(*e));
	e->line = -1;
	e->column = -1;
	for (char *l = strtok_r(text, "\n", &save); l;
	     l = strtok_r(NULL, "\n", &save)) {
		if (!strncmp(l, "line: ", 6))
			e->line = atoi(l + 6);
		else if (!strncmp(l, "code: ", 6))
			e->code = atoi(l + 6);
		else if (!strncmp(l, "column: ", 8))
			e->column = atoi(l + 8);
		else if (!strncmp(l, "stage: ", 7)) {
			snprintf(e->stage, sizeof(e->stage), "%s", l + 7);
			e->check_stage = true;
		} else if (!strncmp(l, "message: ", 9))
			snprintf(e->message, sizeof(e->message), "%s", l + 9);
		else if (!strncmp(l, "source: ", 8))
			snprintf(e->source, sizeof(e->source), "%s", l + 8);
	}
	free(text);
	assert_true(e->line >= 0 && e->code > 0 && e->message[0]);
}

static void
check_case(const char *dir, const char *name)
{
	char input[8192], expect[8192], source[8192];
	struct tp_plan_doc *doc = NULL;
	struct tp_error err;
	struct expected e;
	enum tp_status rc;

	snprintf(input, sizeof(input), "%s/%s/input.xml", dir, name);
	snprintf(expect, sizeof(expect), "%s/%s/expected-error.txt", dir, name);
	parse_expected(expect, &e);
	/* An error in a file the plan names is reported against that file
	 * (#9). */
	if (e.source[0])
		snprintf(source, sizeof(source), "%s/%s/%s", dir, name,
			 e.source);
	else
		snprintf(source, sizeof(source), "%s", input);
	rc = tp_plan_doc_read_file(input, 0, &doc, &err);
	if (rc == TP_OK || (int)rc != e.code || err.line != e.line ||
	    strcmp(err.source, source) != 0 || !strstr(err.message, e.message) ||
	    strchr(err.message, '\n') ||
	    (e.column >= 0 && err.column != e.column) ||
	    (e.check_stage && strcmp(err.stage, e.stage) != 0))
		fail_msg("case %s: status %d line %d column %d stage '%s' "
			 "source '%s' message '%s'; expected status %d line %d "
			 "column %d stage '%s' message containing '%s'",
			 name, rc, err.line, err.column, err.stage, err.source,
			 err.message, e.code, e.line, e.column, e.stage,
			 e.message);
	assert_null(doc);
}

static void
broken_inputs(void **state)
{
	char dir[4096];
	DIR *d;
	struct dirent *ent;
	int count = 0;

	(void)state;
	snprintf(dir, sizeof(dir), "%s/xml", data_dir());
	d = opendir(dir);
	assert_non_null(d);
	while ((ent = readdir(d))) {
		if (ent->d_name[0] == '.')
			continue;
		check_case(dir, ent->d_name);
		count++;
	}
	closedir(d);
	/* not-xml, wrong namespace, schema violations, unknown stage,
	 * duplicate id, cycles, DOCTYPE bombs, bad dates, the errors in plain
	 * words of #12, attribute bombs, NUL, encodings, control characters,
	 * a bad .ics (#9) ... */
	assert_true(count >= 43);
}

/* ---- limits ------------------------------------------------------------ */

static void
oversize_is_refused(void **state)
{
	size_t n = TP_PLAN_XML_MAX_SIZE + 1;
	char *big = malloc(n);
	struct tp_plan_doc *doc = NULL;
	struct tp_error err;

	(void)state;
	assert_non_null(big);
	memset(big, ' ', n);
	memcpy(big, "<plan", 5);
	assert_int_equal(
		tp_plan_doc_read_memory(big, n, "big.xml", NULL, 0, &doc, &err),
		TP_ERR_PARSE);
	assert_non_null(strstr(err.message, "too large"));
	assert_string_equal(err.source, "big.xml");
	assert_null(doc);
	free(big);
}

static void
missing_file(void **state)
{
	struct tp_plan_doc *doc = NULL;
	struct tp_error err;

	(void)state;
	assert_int_equal(
		tp_plan_doc_read_file("/nonexistent/plan.xml", 0, &doc, &err),
		TP_ERR_IO);
	assert_string_equal(err.source, "/nonexistent/plan.xml");
}

/* The reader installs its libxml2 error handlers for one call only: a
 * handler the application set before is neither called nor replaced. */
static int app_handler_calls;

static void
app_handler(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
	app_handler_calls++;
}

static void
handlers_restored(void **state)
{
	static const char bad[] = "<plan";
	struct tp_plan_doc *doc = NULL;
	struct tp_error err;
	int tag = 0;

	(void)state;
	xmlSetStructuredErrorFunc(&tag, app_handler);
	assert_int_equal(tp_plan_doc_read_memory(bad, sizeof(bad) - 1, NULL,
						 NULL, 0, &doc, &err),
			 TP_ERR_PARSE);
	assert_string_equal(err.source, "<memory>");
	assert_int_equal(err.line, 1);
	assert_int_equal(app_handler_calls, 0);
	assert_ptr_equal(xmlStructuredError, app_handler);
	assert_ptr_equal(xmlStructuredErrorContext, &tag);
	xmlSetStructuredErrorFunc(NULL, NULL);
}

/* $TP_SCHEMA_DIR comes first: a directory with a broken schema is used,
 * and reported; without it the source tree's copy is found again. */
static void
schema_dir_from_environment(void **state)
{
	static const char ok[] = "<plan xmlns=\"urn:tenderplan:plan:1\">"
				 "<stages/></plan>";
	char dir[] = "/tmp/tp-test-schema-XXXXXX", path[64];
	struct tp_plan_doc *doc = NULL;
	struct tp_error err;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/tenderplan-plan.xsd", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("<not-a-schema/>\n", f);
	fclose(f);
	assert_int_equal(setenv("TP_SCHEMA_DIR", dir, 1), 0);
	assert_int_equal(tp_plan_doc_read_memory(ok, sizeof(ok) - 1, NULL, NULL,
						 TP_PLAN_READ_SCHEMA, &doc,
						 &err),
			 TP_ERR_IO);
	assert_non_null(strstr(err.message, "cannot load the schema"));
	assert_non_null(strstr(err.message, dir));
	assert_int_equal(unsetenv("TP_SCHEMA_DIR"), 0);
	assert_int_equal(tp_plan_doc_read_memory(ok, sizeof(ok) - 1, NULL, NULL,
						 TP_PLAN_READ_NO_CALENDAR, &doc,
						 &err),
			 TP_OK);
	tp_plan_doc_free(doc);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(dir), 0);
}

/* A schema that would make libxml2's schema parser fetch another document
 * (over the network for an http URL, with entity substitution) is refused
 * before that parser sees it (#9); so is one with a DOCTYPE. */
static void
schema_must_be_self_contained(void **state)
{
	static const char ok[] = "<plan xmlns=\"urn:tenderplan:plan:1\">"
				 "<stages/></plan>";
	static const char *const schemas[] = {
		"<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">"
		"<xs:import namespace=\"urn:x\" "
		"schemaLocation=\"http://127.0.0.1:9/x.xsd\"/></xs:schema>\n",
		"<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">"
		"<xs:include schemaLocation=\"other.xsd\"/></xs:schema>\n",
		"<!DOCTYPE xs:schema [<!ENTITY e \"x\">]>"
		"<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"/>\n",
	};
	const char *saved = getenv("TP_SCHEMA_DIR");
	char dir[] = "/tmp/tp-test-schema-XXXXXX", path[64], keep[4096] = "";
	struct tp_plan_doc *doc = NULL;
	struct tp_error err;

	(void)state;
	if (saved)
		snprintf(keep, sizeof(keep), "%s", saved);
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/tenderplan-plan.xsd", dir);
	assert_int_equal(setenv("TP_SCHEMA_DIR", dir, 1), 0);
	for (size_t i = 0; i < sizeof(schemas) / sizeof(schemas[0]); i++) {
		FILE *f = fopen(path, "w");
		assert_non_null(f);
		fputs(schemas[i], f);
		fclose(f);
		/* The schema is read when asked for (#11: a plainly
		 * valid plan is not validated otherwise). */
		assert_int_equal(tp_plan_doc_read_memory(
					 ok, sizeof(ok) - 1, NULL, NULL,
					 TP_PLAN_READ_SCHEMA, &doc, &err),
				 TP_ERR_IO);
		assert_non_null(strstr(err.message,
				       "refers to other documents or has a "
				       "DOCTYPE"));
	}
	if (keep[0])
		assert_int_equal(setenv("TP_SCHEMA_DIR", keep, 1), 0);
	else
		assert_int_equal(unsetenv("TP_SCHEMA_DIR"), 0);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(dir), 0);
}

/* ---- round trip -------------------------------------------------------- */

static const char rich_plan[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<plan xmlns=\"urn:tenderplan:plan:1\" id=\"rich-1\" revision=\"7\">\n"
	"  <name>Caf\xc3\xa9 &amp; &lt;support&gt; services</name>\n"
	"  <time-zone>Europe/Belfast</time-zone>\n"
	"  <calendar region=\"northern-ireland\">\n"
	"    <closure from=\"2025-12-24\" to=\"2026-01-02\" name=\"Office "
	"shut\"/>\n"
	"    <holiday date=\"2025-06-13\" name=\"Staff day\"/>\n"
	"    <holiday date=\"2025-06-20\"/>\n"
	"    <ics href=\"holidays/extra.ics\" mode=\"replace\"/>\n"
	"  </calendar>\n"
	"  <anchors start=\"2025-03-03\" contract-start=\"2026-04-01\"/>\n"
	"  <rules regime=\"local\" procedure=\"below-threshold\" "
	"claims=\"pin urgency\" jurisdiction=\"northern-ireland\" "
	"incumbent-end=\"2026-03-31\" notice-means=\"other\">\n"
	"    <local standstill-days=\"10\" standstill-unit=\"working-days\" "
	"min-tender-days=\"21\" report-days=\"5\" "
	"citation=\"CPR r.12\"/>\n"
	"    <lead-in min-days=\"56\"/>\n"
	"  </rules>\n"
	"  <stages>\n"
	"    <stage id=\"b\" kind=\"evaluation\" duration=\"2\" "
	"unit=\"weeks\">\n"
	"      <owner>Jo</owner>\n"
	"      <after stage=\"a\" type=\"ss\" lag=\"-2\" "
	"lag-unit=\"calendar-days\"/>\n"
	"      <constraint type=\"finish-no-later-than\" "
	"date=\"2025-05-30\"/>\n"
	"    </stage>\n"
	"    <stage id=\"a\" kind=\"advert\" time=\"09:30\">\n"
	"      <name>Advert</name>\n"
	"      <notes>Line one\nline two</notes>\n"
	"      <constraint type=\"start-on\" date=\"2025-03-10\"/>\n"
	"      <constraint type=\"start-no-earlier-than\" "
	"date=\"2025-03-04\"/>\n"
	"    </stage>\n"
	"    <stage id=\"c\" kind=\"contract-start\" duration=\"1\" "
	"unit=\"months\">\n"
	"      <after stage=\"b\" type=\"finish-to-finish\" lag=\"3\"/>\n"
	"      <after stage=\"a\"/>\n"
	"    </stage>\n"
	"  </stages>\n"
	"</plan>\n";

static bool
str_eq(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

static void
assert_ranges_equal(const struct tp_plan_doc *x, const struct tp_plan_doc *y)
{
	struct tp_plan_day_range a, b;

	assert_int_equal(tp_plan_doc_closure_count(x),
			 tp_plan_doc_closure_count(y));
	for (size_t i = 0; tp_plan_doc_closure(x, i, &a); i++) {
		assert_true(tp_plan_doc_closure(y, i, &b));
		assert_true(tp_date_equal(a.first, b.first) &&
			    tp_date_equal(a.last, b.last) &&
			    str_eq(a.name, b.name));
	}
	assert_int_equal(tp_plan_doc_holiday_count(x),
			 tp_plan_doc_holiday_count(y));
	for (size_t i = 0; tp_plan_doc_holiday(x, i, &a); i++) {
		assert_true(tp_plan_doc_holiday(y, i, &b));
		assert_true(tp_date_equal(a.first, b.first) &&
			    str_eq(a.name, b.name));
	}
}

static void
assert_stages_equal(const struct tp_plan *p, const struct tp_plan *q)
{
	assert_int_equal(tp_plan_stage_count(p), tp_plan_stage_count(q));
	tp_plan_foreach_stage (p, i) {
		assert_string_equal(tp_plan_stage_id(p, i),
				    tp_plan_stage_id(q, i));
		assert_true(str_eq(tp_plan_stage_name(p, i),
				   tp_plan_stage_name(q, i)));
		assert_true(str_eq(tp_plan_stage_owner(p, i),
				   tp_plan_stage_owner(q, i)));
		assert_true(str_eq(tp_plan_stage_notes(p, i),
				   tp_plan_stage_notes(q, i)));
		assert_int_equal(tp_plan_stage_kind(p, i),
				 tp_plan_stage_kind(q, i));
		assert_int_equal(tp_plan_stage_amount(p, i),
				 tp_plan_stage_amount(q, i));
		assert_int_equal(tp_plan_stage_unit(p, i),
				 tp_plan_stage_unit(q, i));
		assert_int_equal(tp_plan_stage_time(p, i),
				 tp_plan_stage_time(q, i));
	}
}

/* Dependencies and constraints as sets: the writer groups them by stage,
 * so the order may change but nothing else. */
static bool
has_dep(const struct tp_plan *q, const struct tp_dependency *d)
{
	struct tp_dependency e;

	for (size_t k = 0; tp_plan_dependency(q, k, &e); k++)
		if (e.from == d->from && e.to == d->to && e.type == d->type &&
		    e.lag == d->lag && e.lag_unit == d->lag_unit)
			return true;
	return false;
}

static bool
has_constraint(const struct tp_plan *q, const struct tp_constraint *c)
{
	struct tp_constraint e;

	for (size_t k = 0; tp_plan_constraint(q, k, &e); k++)
		if (e.stage == c->stage && e.type == c->type &&
		    tp_date_equal(e.date, c->date))
			return true;
	return false;
}

static void
assert_links_equal(const struct tp_plan *p, const struct tp_plan *q)
{
	struct tp_dependency d;
	struct tp_constraint c;

	assert_int_equal(tp_plan_dependency_count(p),
			 tp_plan_dependency_count(q));
	for (size_t k = 0; tp_plan_dependency(p, k, &d); k++)
		assert_true(has_dep(q, &d));
	assert_int_equal(tp_plan_constraint_count(p),
			 tp_plan_constraint_count(q));
	for (size_t k = 0; tp_plan_constraint(p, k, &c); k++)
		assert_true(has_constraint(q, &c));
}

static void
assert_anchors_equal(const struct tp_plan *p, const struct tp_plan *q)
{
	struct tp_date a = {0}, b = {0};

	assert_int_equal(tp_plan_start_date(p, &a), tp_plan_start_date(q, &b));
	assert_true(tp_date_equal(a, b));
	assert_int_equal(tp_plan_contract_start(p, &a),
			 tp_plan_contract_start(q, &b));
	assert_true(tp_date_equal(a, b));
}

static void
assert_docs_equal(const struct tp_plan_doc *x, const struct tp_plan_doc *y)
{
	const struct tp_plan *p = tp_plan_doc_plan_const(x);
	const struct tp_plan *q = tp_plan_doc_plan_const(y);
	enum tp_ics_mode mx, my;

	assert_true(str_eq(tp_plan_name(p), tp_plan_name(q)));
	assert_true(str_eq(tp_plan_id(p), tp_plan_id(q)));
	assert_int_equal(tp_plan_revision(p), tp_plan_revision(q));
	assert_string_equal(tp_plan_time_zone(p), tp_plan_time_zone(q));
	assert_int_equal(tp_plan_doc_region(x), tp_plan_doc_region(y));
	assert_true(str_eq(tp_plan_doc_ics(x, &mx), tp_plan_doc_ics(y, &my)));
	assert_int_equal(mx, my);
	assert_memory_equal(tp_plan_doc_rules(x), tp_plan_doc_rules(y),
			    sizeof(struct tp_rules_config));
	assert_ranges_equal(x, y);
	assert_anchors_equal(p, q);
	assert_stages_equal(p, q);
	assert_links_equal(p, q);
}

/* read(write(doc)) equals doc, and writing that again gives the same
 * bytes. */
static void
round_trip(const struct tp_plan_doc *doc)
{
	struct tp_plan_doc *again = NULL;
	struct tp_error err;
	char *xml = NULL, *xml2 = NULL;
	size_t len = 0, len2 = 0;

	assert_int_equal(tp_plan_doc_write_memory(doc, &xml, &len, &err),
			 TP_OK);
	if (tp_plan_doc_read_memory(xml, len, "written", NULL,
				    TP_PLAN_READ_NO_CALENDAR, &again,
				    &err) != TP_OK)
		fail_msg("re-reading: line %d: %s\n%s", err.line, err.message,
			 xml);
	assert_docs_equal(doc, again);
	assert_int_equal(tp_plan_doc_write_memory(again, &xml2, &len2, &err),
			 TP_OK);
	assert_int_equal(len, len2);
	assert_memory_equal(xml, xml2, len);
	free(xml);
	free(xml2);
	tp_plan_doc_free(again);
}

static void
round_trip_rich(void **state)
{
	struct tp_plan_doc *doc = NULL;
	struct tp_error err;
	const struct tp_rules_config *r;
	const struct tp_plan *p;
	size_t a;

	(void)state;
	if (tp_plan_doc_read_memory(rich_plan, sizeof(rich_plan) - 1, "rich",
				    NULL, TP_PLAN_READ_NO_CALENDAR, &doc,
				    &err) != TP_OK)
		fail_msg("line %d: %s", err.line, err.message);
	/* Spot checks that the reader took every field. */
	p = tp_plan_doc_plan_const(doc);
	assert_string_equal(tp_plan_name(p),
			    "Caf\xc3\xa9 & <support> services");
	assert_int_equal(tp_plan_revision(p), 7);
	assert_true(tp_plan_find_stage(p, "a", &a));
	assert_int_equal(tp_plan_stage_time(p, a), 9 * 60 + 30);
	assert_int_equal(tp_plan_dependency_count(p), 3);
	assert_int_equal(tp_plan_constraint_count(p), 3);
	r = tp_plan_doc_rules(doc);
	assert_int_equal(r->regime, TP_REGIME_LOCAL);
	assert_int_equal(r->claims, TP_CLAIM_PIN | TP_CLAIM_URGENCY);
	assert_int_equal(r->local_standstill_days, 10);
	assert_true(r->local_standstill_working_days);
	assert_int_equal(r->min_lead_in_days, 56);
	assert_int_equal(r->notice_means, TP_NOTICE_OTHER);
	assert_string_equal(r->local_citation, "CPR r.12");
	assert_int_equal(r->local_report_days, 5);
	assert_int_equal(tp_plan_doc_closure_count(doc), 1);
	assert_int_equal(tp_plan_doc_holiday_count(doc), 2);
	round_trip(doc);
	tp_plan_doc_free(doc);
}

/* A plan with nothing but its stages gets the defaults of
 * tp_rules_config_init() and keeps them through a round trip. */
static void
round_trip_minimal(void **state)
{
	static const char min[] = "<plan xmlns=\"urn:tenderplan:plan:1\">"
				  "<stages/></plan>";
	struct tp_plan_doc *doc = NULL;
	struct tp_rules_config dflt;
	struct tp_error err;

	(void)state;
	assert_int_equal(tp_plan_doc_read_memory(min, sizeof(min) - 1, NULL,
						 NULL, 0, &doc, &err),
			 TP_OK);
	tp_rules_config_init(&dflt);
	assert_memory_equal(tp_plan_doc_rules(doc), &dflt, sizeof(dflt));
	assert_int_equal(tp_plan_doc_region(doc), TP_REGION_ENGLAND_AND_WALES);
	round_trip(doc);
	tp_plan_doc_free(doc);
}

static void
round_trip_templates(void **state)
{
	(void)state;
	for (size_t i = 0; i < tp_template_count(); i++) {
		struct tp_plan_doc *doc = NULL;
		struct tp_error err;
		assert_int_equal(tp_template_new(tp_template_id(i), &doc, &err),
				 TP_OK);
		assert_int_equal(tp_plan_set_start_date(tp_plan_doc_plan(doc),
							TP_DATE(2025, 3, 3),
							&err),
				 TP_OK);
		round_trip(doc);
		tp_plan_doc_free(doc);
	}
}

/* The bundled examples read, schedule and survive a round trip. */
static void
round_trip_examples(void **state)
{
	static const char *const names[] = {"hartlepool-2011.xml",
					    "thurrock-2012.xml"};
	const char *root = getenv("TP_SOURCE_ROOT");

	(void)state;
	assert_non_null(root);
	for (size_t i = 0; i < 2; i++) {
		char path[4096];
		struct tp_plan_doc *doc = NULL;
		struct tp_schedule *s = NULL;
		struct tp_error err;
		snprintf(path, sizeof(path), "%s/examples/%s", root, names[i]);
		if (tp_plan_doc_read_file(path, 0, &doc, &err) != TP_OK)
			fail_msg("%s:%d: %s", path, err.line, err.message);
		assert_int_equal(
			tp_schedule_compute(tp_plan_doc_plan(doc), 0, &s, &err),
			TP_OK);
		round_trip(doc);
		tp_schedule_free(s);
		tp_plan_doc_free(doc);
	}
}

static bool
has_finding(const struct tp_findings *f, const char *rule_id, const char *stage)
{
	for (size_t i = 0; i < tp_findings_count(f); i++) {
		const struct tp_finding *x = tp_findings_get(f, i);
		if (!strcmp(x->rule_id, rule_id) && !strcmp(x->stage, stage))
			return true;
	}
	return false;
}

/* The rule settings read from the examples drive the checker to the
 * observations of seed-timetables.md: Hartlepool's contracts ended in
 * March 2012 but the new ones start on 4 May (a gap); Thurrock's contract
 * start, 1 Apr 2013, is Easter Monday (Easter Sunday 31 Mar 2013). */
static void
examples_checked(void **state)
{
	static const struct {
		const char *file, *rule_id, *stage;
	} cases[] = {
		{"hartlepool-2011.xml", "continuity.gap", "contract-start"},
		{"hartlepool-2011.xml", "standstill.not-mandatory",
		 "intention-to-award"},
		{"thurrock-2012.xml", "calendar.contract-start-non-working",
		 "contract-start"},
	};
	const char *root = getenv("TP_SOURCE_ROOT");

	(void)state;
	assert_non_null(root);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char path[4096];
		struct tp_plan_doc *doc = NULL;
		struct tp_schedule *s = NULL;
		struct tp_findings *f = NULL;
		struct tp_error err;
		snprintf(path, sizeof(path), "%s/examples/%s", root,
			 cases[i].file);
		assert_int_equal(tp_plan_doc_read_file(path, 0, &doc, &err),
				 TP_OK);
		assert_int_equal(
			tp_schedule_compute(tp_plan_doc_plan(doc), 0, &s, &err),
			TP_OK);
		assert_int_equal(
			tp_plan_check(s, tp_plan_doc_rules(doc), &f, &err),
			TP_OK);
		if (!has_finding(f, cases[i].rule_id, cases[i].stage))
			fail_msg("%s: no finding %s on %s", cases[i].file,
				 cases[i].rule_id, cases[i].stage);
		tp_findings_free(f);
		tp_schedule_free(s);
		tp_plan_doc_free(doc);
	}
}

static void
write_file_atomically(void **state)
{
	char dir[] = "/tmp/tp-test-xml-XXXXXX", path[64];
	struct tp_plan_doc *doc = NULL, *back = NULL;
	struct tp_error err;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/plan.xml", dir);
	assert_int_equal(tp_template_new("pa2023-open", &doc, &err), TP_OK);
	assert_int_equal(tp_plan_doc_write_file(doc, path, &err), TP_OK);
	assert_int_equal(tp_plan_doc_read_file(path, 0, &back, &err), TP_OK);
	assert_docs_equal(doc, back);
	/* A directory that does not exist: an error naming the file, and
	 * nothing left behind. */
	snprintf(path, sizeof(path), "%s/no/plan.xml", dir);
	assert_int_equal(tp_plan_doc_write_file(doc, path, &err), TP_ERR_IO);
	assert_string_equal(err.source, path);
	snprintf(path, sizeof(path), "%s/plan.xml", dir);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(dir), 0);
	tp_plan_doc_free(doc);
	tp_plan_doc_free(back);
}

static void
control_characters_refused(void **state)
{
	struct tp_plan_doc *doc = NULL;
	struct tp_error err;
	char *xml = NULL;
	size_t len;

	(void)state;
	assert_int_equal(tp_plan_doc_new(&doc, &err), TP_OK);
	/* The plan refuses the text (#9), so no document can hold it and
	 * the writer's own check is a second line of defence. */
	assert_int_equal(
		tp_plan_set_name(tp_plan_doc_plan(doc), "bell\a", &err),
		TP_ERR_INVALID);
	assert_non_null(strstr(err.message, "control character (U+0007)"));
	assert_null(tp_plan_name(tp_plan_doc_plan(doc)));
	assert_int_equal(tp_plan_doc_write_memory(doc, &xml, &len, &err),
			 TP_OK);
	free(xml);
	tp_plan_doc_free(doc);
}

/* ---- templates --------------------------------------------------------- */

/* The legal minimum tender period of each template under its own claims,
 * from docs/legal-research.md, and the stage that starts it. -1: no
 * statutory minimum. */
static const struct {
	const char *id, *invitation;
	int min_days;
} minimums[] = {
	/* PCR 2015 reg 27(2),(6): 35 days, less 5 with electronic tenders */
	{"pcr2015-open", "advert", 30},
	/* PCR 2015 reg 28(5),(9): 30 days from the ITT, 25 electronic */
	{"pcr2015-restricted", "itt-issue", 25},
	/* PCR 2015 reg 29(5),(9): as restricted */
	{"pcr2015-cpn", "itt-issue", 25},
	/* PCR 2015 regs 74-77: no minimum */
	{"pcr2015-light-touch", "advert", -1},
	/* PCSR 2015 reg 28(3),(6): 35 days, up to 5 fewer electronic */
	{"pcsr2015-open", "advert", 30},
	/* PCSR 2015 reg 29(6),(10): 30 days from the ITT, 25 electronic */
	{"pcsr2015-restricted", "itt-issue", 25},
	/* PA 2023 s.54(4): electronic, all documents provided: 25 */
	{"pa2023-open", "advert", 25},
	{"pa2023-competitive-flexible", "itt-issue", 25},
	/* PCR 2006 reg 5(2): Part B, no minimum */
	{"pcr2006-part-b", "itt-issue", -1},
	{"rfq-below-threshold", "itt-issue", -1},
	{"framework-call-off", "itt-issue", -1},
	/* PSR 2023 reg 11: no minimum for offers (#14) */
	{"psr2023-competitive", "advert", -1},
	/* No tender period: PSR 2023 reg 9, PA 2023 s.41/s.43 (#14) */
	{"psr2023-direct-award-c", NULL, -1},
	{"pa2023-direct-award", NULL, -1},
	/* PA 2023 s.46: no minimum for a competitive selection process */
	{"pa2023-call-off", "itt-issue", -1},
};

static int
min_from_rules(const struct tp_plan_doc *doc)
{
	const struct tp_rules_config *r = tp_plan_doc_rules(doc);
	struct tp_min_period mp;
	struct tp_error err;

	if (tp_min_period(r->regime, r->procedure, TP_PERIOD_TENDER, r->claims,
			  &mp, &err) != TP_OK)
		return -1;
	return mp.days;
}

static void
check_template_schedule(size_t t, struct tp_date start)
{
	struct tp_plan_doc *doc = NULL;
	struct tp_schedule *s = NULL;
	struct tp_error err;
	struct tp_plan *p;
	size_t inv, deadline;
	int32_t days;

	assert_int_equal(tp_template_new(minimums[t].id, &doc, &err), TP_OK);
	p = tp_plan_doc_plan(doc);
	assert_int_equal(tp_plan_set_start_date(p, start, &err), TP_OK);
	assert_int_equal(tp_plan_doc_build_calendar(doc, NULL, &err), TP_OK);
	if (tp_schedule_compute(p, TP_SCHEDULE_AUTO, &s, &err) != TP_OK)
		fail_msg("%s: %s", minimums[t].id, err.message);
	assert_int_equal(tp_schedule_diagnostic_count(s), 0);
	assert_true(tp_plan_find_stage(p, "contract-start", NULL));
	if (!minimums[t].invitation) {
		tp_schedule_free(s);
		tp_plan_doc_free(doc);
		return;
	}
	assert_true(tp_plan_find_stage(p, minimums[t].invitation, &inv));
	assert_true(tp_plan_find_stage(p, "tender-deadline", &deadline));
	assert_true(tp_plan_find_stage(p, "contract-start", NULL));
	days = tp_date_diff(tp_schedule_early_start(s, inv),
			    tp_schedule_early_finish(s, deadline));
	if (days < minimums[t].min_days || days < min_from_rules(doc))
		fail_msg("%s: tender period %d days, minimum %d (rules: %d)",
			 minimums[t].id, days, minimums[t].min_days,
			 min_from_rules(doc));
	tp_schedule_free(s);
	tp_plan_doc_free(doc);
}

static void
templates_schedule_lawfully(void **state)
{
	(void)state;
	assert_int_equal(tp_template_count(),
			 sizeof(minimums) / sizeof(minimums[0]));
	for (size_t i = 0; i < tp_template_count(); i++) {
		assert_string_equal(tp_template_id(i), minimums[i].id);
		assert_non_null(tp_template_description(i));
		/* a Monday, a Friday before Easter 2025, and Christmas */
		check_template_schedule(i, TP_DATE(2025, 3, 3));
		check_template_schedule(i, TP_DATE(2025, 4, 11));
		check_template_schedule(i, TP_DATE(2025, 12, 19));
	}
	assert_null(tp_template_id(tp_template_count()));
}

/* pcr2015-open from Mon 3 Mar 2025, England and Wales, checked by hand
 * and with python3 datetime: specification 20 working days 3-28 Mar (no
 * holiday); approval 31 Mar - 4 Apr; advert Mon 7 Apr; tender period from
 * Tue 8 Apr, 35 calendar days: 8 Apr + 34 = Mon 12 May 2025
 * (date(2025,4,8)+timedelta(34)), a working day (Early May was 5 May). */
static void
pcr2015_open_dates(void **state)
{
	struct tp_plan_doc *doc = NULL;
	struct tp_schedule *s = NULL;
	struct tp_error err;
	struct tp_plan *p;
	size_t advert, deadline;

	(void)state;
	assert_int_equal(tp_template_new("pcr2015-open", &doc, &err), TP_OK);
	p = tp_plan_doc_plan(doc);
	assert_int_equal(tp_plan_set_start_date(p, TP_DATE(2025, 3, 3), &err),
			 TP_OK);
	assert_int_equal(tp_plan_doc_build_calendar(doc, NULL, &err), TP_OK);
	assert_int_equal(tp_schedule_compute(p, 0, &s, &err), TP_OK);
	assert_true(tp_plan_find_stage(p, "advert", &advert));
	assert_true(tp_plan_find_stage(p, "tender-deadline", &deadline));
	assert_true(tp_date_equal(tp_schedule_early_start(s, advert),
				  TP_DATE(2025, 4, 7)));
	assert_true(tp_date_equal(tp_schedule_early_finish(s, deadline),
				  TP_DATE(2025, 5, 12)));
	tp_schedule_free(s);
	tp_plan_doc_free(doc);
}

/* Fail the 1st, 2nd, ... allocation until reading, writing and making a
 * template succeed: each failure is TP_ERR_NOMEM and leaks nothing (ASan
 * and valgrind check the leaks). */
static enum tp_status
read_write_once(void)
{
	struct tp_plan_doc *doc = NULL, *tpl = NULL;
	struct tp_error err;
	char *xml = NULL;
	size_t len;
	enum tp_status rc = tp_plan_doc_read_memory(
		rich_plan, sizeof(rich_plan) - 1, "rich", NULL,
		TP_PLAN_READ_NO_CALENDAR, &doc, &err);

	if (rc == TP_OK)
		rc = tp_plan_doc_write_memory(doc, &xml, &len, &err);
	if (rc == TP_OK)
		rc = tp_template_new("pcr2015-cpn", &tpl, &err);
	if (rc != TP_OK && rc != TP_ERR_NOMEM)
		fail_msg("status %d: %s", rc, err.message);
	free(xml);
	tp_plan_doc_free(doc);
	tp_plan_doc_free(tpl);
	return rc;
}

static void
allocation_failures(void **state)
{
	int n;

	(void)state;
	for (n = 0; n < 100000; n++) {
		enum tp_status rc;
		alloc_fail_after(n + 1);
		rc = read_write_once();
		alloc_fail_after(0);
		if (rc == TP_OK)
			break;
		assert_int_equal(rc, TP_ERR_NOMEM);
	}
	assert_true(n > 10 && n < 100000);
}

/* tp_plan_set_read() with an allocation failing at every place in turn,
 * on its threads too (eight files: two threads on two cores): the set, or
 * TP_ERR_NOMEM with *out untouched; nothing leaks (valgrind and ASan
 * check). Where an allocation for a second thread fails, the files are
 * read on fewer threads and the set is read all the same. */
static void
set_allocation_failures(void **state)
{
	char dir[] = "/tmp/tp-test-set-oom-XXXXXX", path[8][64], text[512];
	const char *paths[1] = {dir};
	struct tp_plan_set *sentinel = (struct tp_plan_set *)&sentinel;
	struct tp_error err;
	long n;

	(void)state;
	assert_non_null(mkdtemp(dir));
	for (int k = 0; k < 8; k++) {
		FILE *f;
		snprintf(path[k], sizeof(path[k]), "%s/p%d.xml", dir, k);
		snprintf(text, sizeof(text),
			 "<plan xmlns=\"urn:tenderplan:plan:1\" id=\"p%d\">"
			 "<calendar region=\"%s\"/><anchors start=\"2025-03-03\"/>"
			 "<stages><stage id=\"a\" duration=\"%d\"/>"
			 "<stage id=\"b\"><after stage=\"a\"/></stage>"
			 "</stages></plan>\n",
			 k, k % 2 ? "scotland" : "england-and-wales", k + 1);
		assert_non_null(f = fopen(path[k], "wb"));
		assert_true(fputs(text, f) >= 0);
		assert_int_equal(fclose(f), 0);
	}
	for (n = 1;; n++) {
		struct tp_plan_set *set = sentinel;
		enum tp_status rc;
		bool failed;

		alloc_fail_after(n);
		rc = tp_plan_set_read(paths, 1, 0, &set, &err);
		failed = alloc_fail_happened();
		alloc_fail_after(0);
		if (rc == TP_OK) {
			assert_int_equal(tp_plan_set_count(set), 8);
			tp_plan_set_free(set);
			if (!failed)
				break;
		} else {
			assert_int_equal(rc, TP_ERR_NOMEM);
			assert_ptr_equal(set, sentinel);
		}
		assert_true(n < 100000);
	}
	assert_true(n > 50);
	for (int k = 0; k < 8; k++)
		assert_int_equal(unlink(path[k]), 0);
	assert_int_equal(rmdir(dir), 0);
}

static void
unknown_template(void **state)
{
	struct tp_plan_doc *doc = NULL;
	struct tp_error err;

	(void)state;
	assert_int_equal(tp_template_new("pcr2015-lunch", &doc, &err),
			 TP_ERR_INVALID);
	assert_non_null(strstr(err.message, "pcr2015-lunch"));
	assert_null(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(broken_inputs),
		cmocka_unit_test(oversize_is_refused),
		cmocka_unit_test(missing_file),
		cmocka_unit_test(handlers_restored),
		cmocka_unit_test(schema_dir_from_environment),
		cmocka_unit_test(schema_must_be_self_contained),
		cmocka_unit_test(round_trip_rich),
		cmocka_unit_test(round_trip_minimal),
		cmocka_unit_test(round_trip_templates),
		cmocka_unit_test(round_trip_examples),
		cmocka_unit_test(examples_checked),
		cmocka_unit_test(write_file_atomically),
		cmocka_unit_test(control_characters_refused),
		cmocka_unit_test(templates_schedule_lawfully),
		cmocka_unit_test(pcr2015_open_dates),
		cmocka_unit_test(unknown_template),
		cmocka_unit_test(allocation_failures),
		cmocka_unit_test(set_allocation_failures),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
