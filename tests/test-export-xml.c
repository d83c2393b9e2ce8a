/* SPDX-License-Identifier: MIT */
/* Schedule XML: valid against data/tenderplan-schedule.xsd (libxml2), and
 * its values those of the schedule; OCDS period names; diagnostics and
 * findings carried. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/xmlschemas.h>

#include "export-fixtures.h"
#include "export-xml-util.h"

#define NS "urn:tenderplan:schedule:1"

static xmlSchemaPtr
load_schema(void)
{
	const char *root = getenv("TP_SOURCE_ROOT");
	char path[1024];
	snprintf(path, sizeof(path), "%s/data/tenderplan-schedule.xsd",
		 root ? root : ".");
	xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(path);
	xmlSchemaPtr schema = xmlSchemaParse(pc);
	xmlSchemaFreeParserCtxt(pc);
	return schema;
}

static int
validate(const char *buf, size_t len)
{
	xmlSchemaPtr schema = load_schema();
	assert_non_null(schema);
	xmlDocPtr doc = xmlReadMemory(buf, (int)len, "schedule.xml", NULL,
				      XML_PARSE_NONET);
	assert_non_null(doc);
	xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
	int rc = xmlSchemaValidateDoc(vc, doc);
	xmlSchemaFreeValidCtxt(vc);
	xmlFreeDoc(doc);
	xmlSchemaFree(schema);
	return rc;
}

static xmlDocPtr
export_xml(const struct fixture *f, const struct tp_export_options *opt)
{
	char *buf = NULL;
	size_t len = 0;
	assert_int_equal(tp_export_to_buffer(TP_EXPORT_XML, f->plan, f->sched,
					     opt, &buf, &len, NULL),
			 TP_OK);
	assert_int_equal(validate(buf, len), 0);
	xmlDocPtr doc = xmlReadMemory(buf, (int)len, "schedule.xml", NULL,
				      XML_PARSE_NONET);
	free(buf);
	assert_non_null(doc);
	return doc;
}

static void
attr_is(xmlDocPtr doc, const char *stage, const char *what, const char *want)
{
	char expr[256];
	snprintf(expr, sizeof(expr), "string(//s:stage[@id='%s']/%s)", stage,
		 what);
	char *got = xpath_string(doc, NS, expr);
	if (strcmp(got, want))
		fail_msg("%s of %s: got '%s', want '%s'", what, stage, got,
			 want);
	free(got);
}

static void
matches_schedule(const struct fixture *f, xmlDocPtr doc)
{
	assert_int_equal(xpath_count(doc, NS, "//s:stage"),
			 (int)tp_plan_stage_count(f->plan));
	tp_plan_foreach_stage (f->plan, s) {
		const char *id = tp_plan_stage_id(f->plan, s);
		char d[TP_DATE_STRLEN], n[16];
		attr_is(doc, id, "s:early/@start",
			tp_date_format(tp_schedule_early_start(f->sched, s),
				       d));
		attr_is(doc, id, "s:early/@finish",
			tp_date_format(tp_schedule_early_finish(f->sched, s),
				       d));
		attr_is(doc, id, "s:late/@start",
			tp_date_format(tp_schedule_late_start(f->sched, s), d));
		attr_is(doc, id, "s:late/@finish",
			tp_date_format(tp_schedule_late_finish(f->sched, s),
				       d));
		snprintf(n, sizeof(n), "%d",
			 (int)tp_schedule_total_float(f->sched, s));
		attr_is(doc, id, "s:float/@total", n);
		attr_is(doc, id, "@critical",
			tp_schedule_is_critical(f->sched, s) ? "true"
							     : "false");
	}
}

static void
hartlepool_valid_and_equal(void **state)
{
	struct fixture f;
	assert_int_equal(fixture_hartlepool(&f, NULL), 0);
	xmlDocPtr doc = export_xml(&f, NULL);
	matches_schedule(&f, doc);
	/* hand-checked from the fixture: tenders due Fri 10 Feb 2012 at noon;
	 * OCDS names (release schema 1.1) */
	attr_is(doc, "tender-deadline", "s:early/@finish", "2012-02-10");
	attr_is(doc, "tender-deadline", "@time", "12:00");
	attr_is(doc, "tender-deadline", "@ocds-period", "tenderPeriod");
	attr_is(doc, "tender-deadline", "@ocds-dates", "endDate");
	attr_is(doc, "tender-period", "@ocds-dates", "startDate endDate");
	attr_is(doc, "evaluation", "@ocds-period", "awardPeriod");
	attr_is(doc, "contract-start", "@ocds-period", "contractPeriod");
	attr_is(doc, "standstill", "@ocds-period", "standstillPeriod");
	attr_is(doc, "standstill", "@ocds-extension", "true");
	attr_is(doc, "standstill", "s:predecessor/@lag-unit", "calendar-days");
	assert_int_equal(xpath_count(doc, NS, "//s:stage[@ocds-extension]"), 1);
	xmlFreeDoc(doc);
	fixture_free(&f);
}

/* Thurrock's contract start is set on Easter Monday 1 Apr 2013: the
 * schedule's diagnostic appears in the XML. */
static void
thurrock_diagnostic(void **state)
{
	struct fixture f;
	assert_int_equal(fixture_thurrock(&f, NULL), 0);
	xmlDocPtr doc = export_xml(&f, NULL);
	matches_schedule(&f, doc);
	assert_int_equal(xpath_count(doc, NS, "//s:diagnostic"),
			 (int)tp_schedule_diagnostic_count(f.sched));
	assert_true(tp_schedule_diagnostic_count(f.sched) >= 1);
	char *s = xpath_string(doc, NS, "string(//s:diagnostic/@stage)");
	assert_string_equal(s, "contract-start");
	free(s);
	xmlFreeDoc(doc);
	fixture_free(&f);
}

static void
findings_are_carried(void **state)
{
	struct fixture f;
	assert_int_equal(fixture_thurrock(&f, NULL), 0);
	const struct tp_export_finding fs[] = {
		{"error", "standstill.award-inside", "PCR 2006 reg 32A", NULL,
		 "award",
		 "award on 19 Oct 2012 falls inside the "
		 "standstill & must wait <until> 2 Nov"},
		{"warning", NULL, NULL, "another-plan", "award", "not ours"},
		{"info", "", "", NULL, "", "whole-plan note"},
	};
	struct tp_export_options opt;
	tp_export_options_init(&opt);
	opt.findings = fs;
	opt.n_findings = 3;
	xmlDocPtr doc = export_xml(&f, &opt);
	assert_int_equal(
		xpath_count(doc, NS, "//s:stage[@id='award']/s:finding"), 1);
	attr_is(doc, "award", "s:finding/@citation", "PCR 2006 reg 32A");
	attr_is(doc, "award", "s:finding",
		"award on 19 Oct 2012 falls inside the standstill & must wait "
		"<until> 2 Nov");
	assert_int_equal(xpath_count(doc, NS, "/s:schedule/s:plan/s:finding"),
			 1);
	xmlFreeDoc(doc);
	fixture_free(&f);
}

static void
portfolio_valid(void **state)
{
	struct fixture a, b;
	assert_int_equal(fixture_hartlepool(&a, NULL), 0);
	assert_int_equal(fixture_thurrock(&b, NULL), 0);
	const struct tp_schedule *s[] = {a.sched, b.sched};
	char *buf = NULL;
	size_t len;
	assert_int_equal(tp_export_portfolio_to_buffer(TP_EXPORT_XML, s, 2,
						       NULL, &buf, &len, NULL),
			 TP_OK);
	assert_int_equal(validate(buf, len), 0);
	assert_non_null(strstr(buf, "id=\"thurrock-2012\""));
	free(buf);
	fixture_free(&a);
	fixture_free(&b);
}

/* The schema is strict enough to reject a broken document. */
static void
schema_rejects_bad_values(void **state)
{
	static const char bad[] =
		"<schedule xmlns='" NS "'><plan revision='1' time-zone='x' "
		"start='2012-13-01' finish='2012-01-01' min-float='0'/>"
		"</schedule>";
	assert_int_not_equal(validate(bad, sizeof(bad) - 1), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hartlepool_valid_and_equal),
		cmocka_unit_test(thurrock_diagnostic),
		cmocka_unit_test(findings_are_carried),
		cmocka_unit_test(portfolio_valid),
		cmocka_unit_test(schema_rejects_bad_values),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	xmlCleanupParser();
	return rc;
}
