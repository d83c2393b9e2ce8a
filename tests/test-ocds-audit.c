/* SPDX-License-Identifier: MIT */
/* tenderplan audit's reader and rules: the real Contracts Finder package
 * of 20 Oct 2022, a JSON-lines file made by hand, malformed input, the
 * schema rules and the three report formats.
 *
 * Expected values were worked out by hand from the JSON (the dates with a
 * calendar, the counts with /usr/bin/python3 over the file independently
 * of this code: 100 releases, 44 with a tender or tenderAmendment tag):
 *
 * - releases[5] ocds-b5fd17-2558e931-bb6b-4919-8dbb-80d6e2cfc865: open
 *   procedure (above threshold), services, 2 800 000 GBP; published
 *   Thu 20 Oct 2022 09:39 BST, deadline 2022-11-18T23:59:59Z = Fri 18 Nov
 *   (GMT after 30 Oct). 20 Oct to 18 Nov is 29 days; PCR 2015 reg 27(2)
 *   and (6): 30. Day 30 after 20 Oct is Sat 19 Nov, so the earliest lawful
 *   deadline rolls to Mon 21 Nov (reg 2(4)). Urgency (reg 27(5)) allows
 *   15, so a warning, not an error.
 * - releases[24] ocds-b5fd17-60c18f6f-df6f-42a8-abea-703b3f689630: open,
 *   published 19 Oct, deadline 18 Nov: 30 days, the minimum is met.
 * - releases[82] ocds-b5fd17-f4c316bc-a818-4be0-9db6-9b6207e6c49e:
 *   restricted procedure, 840 000 GBP services, published 19 Oct, deadline
 *   Fri 11 Nov: 23 days against the 30 days for requests to participate
 *   (reg 28(2)); urgency allows 15 (reg 28(10)(a)): a warning.
 * - releases[4] ocds-b5fd17-6cc1fffd-3481-4b95-b724-adf1be3dd1a8: open,
 *   30 000 GBP services; with 20% VAT 36 000, under the 138 760 GBP
 *   central-government threshold of 1 Jan 2022 (PPN 10/21): below
 *   threshold, 28 days (20 Oct to 17 Nov).
 * - releases[22] ocds-b5fd17-9acd68ad-792b-4018-834f-ae3b047c8a7d:
 *   tender.status "InvalidStatus": schema-invalid, skipped.
 * - releases[52] ocds-b5fd17-9737a8cd-3858-42e9-998d-372c7769c305:
 *   procedure "Other - ": not recognised, 14 days (19 Oct to 2 Nov).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include <tenderplan/tenderplan.h>

static char path_buf[1024];

static const char *
data_file(const char *name)
{
	const char *dir = getenv("TP_TEST_DATA");
	snprintf(path_buf, sizeof(path_buf), "%s/ocds/%s", dir ? dir : ".",
		 name);
	return path_buf;
}

static struct tp_ocds_audit *
audit_file(const char *name)
{
	struct tp_ocds_audit *a = NULL;
	struct tp_error err;
	if (tp_ocds_audit_file(data_file(name), NULL, &a, &err) != TP_OK)
		fail_msg("%s: %s", name, err.message);
	return a;
}

static struct tp_ocds_audit *
audit_text(const char *json, struct tp_error *err, enum tp_status want)
{
	struct tp_ocds_audit *a = NULL;
	assert_int_equal(tp_ocds_audit_buffer(json, strlen(json), "t.json",
					      NULL, &a, err),
			 want);
	return a;
}

static const struct tp_ocds_finding *
find(const struct tp_ocds_audit *a, const char *location)
{
	for (size_t i = 0; i < tp_ocds_audit_count(a); i++)
		if (!strcmp(tp_ocds_audit_get(a, i)->location, location))
			return tp_ocds_audit_get(a, i);
	return NULL;
}

static const struct tp_ocds_finding *
must_find(const struct tp_ocds_audit *a, const char *location, const char *ocid,
	  const char *rule)
{
	const struct tp_ocds_finding *f = find(a, location);
	if (!f)
		fail_msg("no finding at %s", location);
	assert_string_equal(f->ocid, ocid);
	assert_string_equal(f->finding.rule_id, rule);
	return f;
}

static void
contracts_finder_counts(void **state)
{
	struct tp_ocds_audit *a =
		audit_file("contracts-finder-2022-10-20.json");
	struct tp_ocds_audit_counts k;
	tp_ocds_audit_counts(a, &k);
	assert_int_equal(k.releases, 100);
	assert_int_equal(k.skipped, 1);
	assert_int_equal(k.notices, 44);
	/* every notice gets exactly one finding, the invalid release one */
	size_t audit_findings = 0;
	for (size_t i = 0; i < tp_ocds_audit_count(a); i++)
		audit_findings += !strncmp(
			tp_ocds_audit_get(a, i)->finding.rule_id, "audit.", 6);
	assert_int_equal(audit_findings, 44);
	assert_int_equal(tp_ocds_audit_count(a), 45);
	/* nothing shorter than what urgency allows: no error */
	assert_int_equal(tp_ocds_audit_max_severity(a), TP_SEVERITY_WARNING);
	tp_ocds_audit_free(a);
}

static void
contracts_finder_by_hand(void **state)
{
	struct tp_ocds_audit *a =
		audit_file("contracts-finder-2022-10-20.json");
	const struct tp_ocds_finding *f =
		must_find(a, "releases[5]",
			  "ocds-b5fd17-2558e931-bb6b-4919-8dbb-80d6e2cfc865",
			  "audit.tender-reduced");
	assert_int_equal(f->finding.severity, TP_SEVERITY_WARNING);
	assert_int_equal(f->period_days, 29);
	assert_int_equal(f->minimum_days, 30);
	assert_int_equal(f->regime, TP_REGIME_PCR2015);
	assert_string_equal(f->release_id,
			    "3192eb94-59fd-4866-b34d-6a479a6ca21d-582353");
	assert_string_equal(f->finding.fix,
			    "earliest lawful deadline: 2022-11-21");
	assert_non_null(strstr(f->finding.citation, "PCR 2015 reg 27(2)"));

	f = must_find(a, "releases[24]",
		      "ocds-b5fd17-60c18f6f-df6f-42a8-abea-703b3f689630",
		      "audit.period-met");
	assert_int_equal(f->period_days, 30);

	f = must_find(a, "releases[82]",
		      "ocds-b5fd17-f4c316bc-a818-4be0-9db6-9b6207e6c49e",
		      "audit.participation-reduced");
	assert_int_equal(f->period_days, 23);
	assert_int_equal(f->minimum_days, 30);
	assert_non_null(strstr(f->finding.citation, "reg 28(2)"));

	f = must_find(a, "releases[4]",
		      "ocds-b5fd17-6cc1fffd-3481-4b95-b724-adf1be3dd1a8",
		      "audit.below-threshold");
	assert_int_equal(f->period_days, 28);
	assert_non_null(strstr(f->finding.message, "138760 GBP"));
	assert_non_null(strstr(f->finding.citation, "PPN 10/21"));

	f = must_find(a, "releases[22]",
		      "ocds-b5fd17-9acd68ad-792b-4018-834f-ae3b047c8a7d",
		      "ocds.schema-invalid");
	assert_non_null(strstr(f->finding.message, "\"InvalidStatus\""));
	assert_non_null(strstr(f->finding.message, "tenderStatus"));

	f = must_find(a, "releases[52]",
		      "ocds-b5fd17-9737a8cd-3858-42e9-998d-372c7769c305",
		      "audit.procedure-unknown");
	assert_int_equal(f->period_days, 14);
	/* an award release is read but not audited */
	assert_null(find(a, "releases[0]"));
	tp_ocds_audit_free(a);
}

/* lines.jsonl, by hand:
 * 1 open works 6 000 000 GBP (at or above 5 372 609, PPN 11/23) from Mon
 *   6 Jan 2025 to Thu 16 Jan: 10 days, PCR 2015 (before 24 Feb 2025); the
 *   minimum is 30 and urgency's 15: an error; day 30 is Wed 5 Feb.
 * 2 broken JSON; 3 blank; 4 a package: competitive flexible under PA 2023
 *   from Mon 3 Mar to Sun 23 Mar 2025: 20 days, s.54(3) 25 (10 with
 *   urgency): a warning, earliest Fri 28 Mar; 5 not a release; 6 an
 *   award, read and not audited. */
static void
json_lines(void **state)
{
	struct tp_ocds_audit *a = audit_file("lines.jsonl");
	struct tp_ocds_audit_counts k;
	tp_ocds_audit_counts(a, &k);
	assert_int_equal(k.releases, 5);
	assert_int_equal(k.skipped, 2);
	assert_int_equal(k.notices, 2);
	assert_int_equal(k.audited, 2);
	const struct tp_ocds_finding *f =
		must_find(a, "line 1", "ocds-test-1", "audit.tender-minimum");
	assert_int_equal(f->finding.severity, TP_SEVERITY_ERROR);
	assert_int_equal(f->period_days, 10);
	assert_string_equal(f->finding.fix,
			    "earliest lawful deadline: 2025-02-05");
	f = must_find(a, "line 2", "", "ocds.malformed");
	assert_non_null(strstr(f->finding.message, "not valid JSON"));
	assert_null(find(a, "line 3"));
	f = must_find(a, "line 4, releases[0]", "ocds-test-3",
		      "audit.participation-reduced");
	assert_int_equal(f->regime, TP_REGIME_PA2023);
	assert_int_equal(f->period_days, 20);
	assert_int_equal(f->minimum_days, 25);
	assert_string_equal(f->finding.fix,
			    "earliest lawful deadline: 2025-03-28");
	must_find(a, "line 5", "", "ocds.malformed");
	assert_null(find(a, "line 6"));
	assert_int_equal(tp_ocds_audit_max_severity(a), TP_SEVERITY_ERROR);
	tp_ocds_audit_free(a);
}

static void
malformed_file(void **state)
{
	struct tp_error err;
	/* a pretty-printed package broken on line 3 */
	audit_text("{\n \"releases\": [\n  {\"ocid\": }\n ]\n}\n", &err,
		   TP_ERR_PARSE);
	assert_string_equal(err.source, "t.json");
	assert_int_equal(err.line, 3);
	assert_non_null(strstr(err.message, "not valid JSON"));
	/* JSON, but not OCDS */
	audit_text("{\n  \"hello\": 1\n}\n", &err, TP_ERR_PARSE);
	assert_non_null(strstr(err.message, "not OCDS"));
	audit_text("{\"hello\": 1}\n[1, 2]\n", &err, TP_ERR_PARSE);
	assert_int_equal(err.line, 1);
	audit_text("", &err, TP_ERR_PARSE);
	audit_text("   \n\n", &err, TP_ERR_PARSE);
	/* a missing file */
	struct tp_ocds_audit *a = NULL;
	assert_int_equal(
		tp_ocds_audit_file("/nonexistent/x.json", NULL, &a, &err),
		TP_ERR_IO);
	assert_string_equal(err.source, "/nonexistent/x.json");
	assert_null(a);
	/* an empty package is fine: nothing to audit */
	a = audit_text("{\"releases\": []}", &err, TP_OK);
	assert_int_equal(tp_ocds_audit_count(a), 0);
	tp_ocds_audit_free(a);
	assert_int_equal(tp_ocds_audit_buffer(NULL, 3, NULL, NULL, &a, &err),
			 TP_ERR_INVALID);
	assert_int_equal(tp_ocds_audit_buffer("{}", 2, NULL, NULL, NULL, &err),
			 TP_ERR_INVALID);
	tp_ocds_audit_free(NULL);
	assert_int_equal(tp_ocds_audit_count(NULL), 0);
	assert_null(tp_ocds_audit_get(NULL, 0));
}

/* One release with @p tender_json as its tender and @p extra fields. */
static const struct tp_ocds_finding *
one(struct tp_ocds_audit **a, const char *extra, const char *tender_json)
{
	char buf[2048];
	struct tp_error err;
	snprintf(buf, sizeof(buf),
		 "{\"releases\": [{\"ocid\": \"o\", \"id\": \"r\", \"date\": "
		 "\"2022-10-20T09:00:00+01:00\", \"tag\": [\"tender\"], "
		 "\"initiationType\": \"tender\"%s, \"tender\": %s}]}",
		 extra, tender_json);
	*a = audit_text(buf, &err, TP_OK);
	assert_int_equal(tp_ocds_audit_count(*a), 1);
	return tp_ocds_audit_get(*a, 0);
}

#define TENDER(fields)                                                       \
	"{\"id\": \"t\", \"procurementMethodDetails\": \"Open procedure\", " \
	"\"tenderPeriod\": {\"endDate\": \"2022-12-01T12:00:00Z\"}" fields "}"

static void
schema_rules(void **state)
{
	struct tp_ocds_audit *a;
	static const struct {
		const char *extra, *tender, *says;
	} bad[] = {
		{", \"tag\": \"tender\"", TENDER(""), "tag"},
		{"", TENDER(", \"status\": \"open\""), "tenderStatus"},
		{"", TENDER(", \"procurementMethod\": \"closed\""), "method"},
		{"", TENDER(", \"mainProcurementCategory\": \"food\""),
		 "procurementCategory"},
		{"", TENDER(", \"value\": {\"amount\": \"12\"}"), "amount"},
		{"", TENDER(", \"datePublished\": \"20 Oct 2022\""),
		 "datePublished"},
		{"", "[]", "tender is not an object"},
		{"", "{\"tenderPeriod\": {}}", "tender.id"},
		{", \"initiationType\": \"award\"", TENDER(""),
		 "initiationType"},
		{"",
		 TENDER(", \"tenderPeriod\": {\"endDate\": "
			"\"2022-12-01\"}"),
		 "endDate"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char extra[200];
		/* a later duplicate key replaces the first in jansson */
		snprintf(extra, sizeof(extra), "%s", bad[i].extra);
		const struct tp_ocds_finding *f = one(&a, extra, bad[i].tender);
		if (strcmp(f->finding.rule_id, "ocds.schema-invalid") ||
		    !strstr(f->finding.message, bad[i].says))
			fail_msg("case %zu: %s: %s", i, f->finding.rule_id,
				 f->finding.message);
		tp_ocds_audit_free(a);
	}
}

/* Each code of the closed codelists the audit checks is accepted: read
 * from the standard's CSV files, so a new code would show. */
static void
codelists_accepted(void **state)
{
	static const struct {
		const char *csv, *field;
	} lists[] = {{"tenderStatus.csv", "status"},
		     {"method.csv", "procurementMethod"},
		     {"procurementCategory.csv", "mainProcurementCategory"}};
	for (size_t l = 0; l < 3; l++) {
		char name[64], line[512];
		snprintf(name, sizeof(name), "codelists/%s", lists[l].csv);
		FILE *fp = fopen(data_file(name), "r");
		assert_non_null(fp);
		assert_non_null(fgets(line, sizeof(line), fp)); /* header */
		int n = 0;
		while (fgets(line, sizeof(line), fp)) {
			line[strcspn(line, ",\r\n")] = '\0';
			char field[600];
			snprintf(field, sizeof(field), ", \"%s\": \"%s\"",
				 lists[l].field, line);
			struct tp_ocds_audit *a;
			char tender[900];
			snprintf(
				tender, sizeof(tender),
				"{\"id\": \"t\", \"tenderPeriod\": {\"endDate\": "
				"\"2022-12-01T12:00:00Z\"}%s}",
				field);
			const struct tp_ocds_finding *f = one(&a, "", tender);
			if (!strcmp(f->finding.rule_id, "ocds.schema-invalid"))
				fail_msg("%s %s refused: %s", lists[l].csv,
					 line, f->finding.message);
			tp_ocds_audit_free(a);
			n++;
		}
		fclose(fp);
		assert_true(n >= 3);
	}
}

static void
values_and_vat(void **state)
{
	struct tp_ocds_audit *a;
	/* 2022: 120 000 GBP without VAT is 144 000 with it, over the central
	 * threshold (138 760) and under the other (213 477): not known */
	const struct tp_ocds_finding *f =
		one(&a, "",
		    TENDER(", \"mainProcurementCategory\": \"services\", "
			   "\"value\": {\"amount\": 120000, \"currency\": "
			   "\"GBP\"}"));
	assert_string_equal(f->finding.rule_id, "audit.period-met");
	assert_non_null(strstr(f->finding.message, "cannot be compared"));
	assert_non_null(strstr(f->finding.message, "central government"));
	tp_ocds_audit_free(a);
	/* euros cannot be compared */
	f = one(&a, "",
		TENDER(", \"mainProcurementCategory\": \"services\", "
		       "\"value\": {\"amount\": 10, \"currency\": \"EUR\"}"));
	assert_non_null(strstr(f->finding.message, "EUR, not GBP"));
	tp_ocds_audit_free(a);
	/* 220 000 GBP is over both: above, and the period is compared */
	f = one(&a, "",
		TENDER(", \"mainProcurementCategory\": \"goods\", "
		       "\"value\": {\"amount\": 220000, \"currency\": "
		       "\"GBP\"}"));
	assert_string_equal(f->finding.rule_id, "audit.period-met");
	assert_null(strstr(f->finding.message, "cannot be compared"));
	/* 20 Oct (the release date) to Thu 1 Dec 2022: 42 days */
	assert_int_equal(f->period_days, 42);
	assert_non_null(strstr(f->finding.message, "the release date"));
	tp_ocds_audit_free(a);
	/* a tender amendment without datePublished: the start is unknown */
	struct tp_error err;
	a = audit_text("{\"ocid\": \"o\", \"id\": \"r\", \"date\": "
		       "\"2022-10-20T09:00:00+01:00\", \"tag\": "
		       "[\"tenderAmendment\"], \"initiationType\": \"tender\", "
		       "\"tender\": " TENDER("") "}",
		       &err, TP_OK);
	assert_string_equal(tp_ocds_audit_get(a, 0)->finding.rule_id,
			    "audit.no-period");
	tp_ocds_audit_free(a);
	/* 23:30 UTC on 19 Oct 2022 is 00:30 BST on 20 Oct: the period runs
	 * from 20 Oct to 18 Nov, 29 days (from the UTC date it would be
	 * 30) */
	f = one(&a, "",
		"{\"id\": \"t\", \"procurementMethodDetails\": \"Open\", "
		"\"datePublished\": \"2022-10-19T23:30:00Z\", "
		"\"tenderPeriod\": {\"endDate\": \"2022-11-18T23:59:59Z\"}}");
	assert_int_equal(f->period_days, 29);
	tp_ocds_audit_free(a);
	/* a deadline before the start is reported, not measured */
	f = one(&a, "",
		"{\"id\": \"t\", \"procurementMethodDetails\": \"Open\", "
		"\"datePublished\": \"2022-12-19T10:00:00Z\", "
		"\"tenderPeriod\": {\"endDate\": \"2022-11-18T23:59:59Z\"}}");
	assert_string_equal(f->finding.rule_id, "audit.period-reversed");
	assert_int_equal(f->period_days, -1);
	tp_ocds_audit_free(a);
}

static char *
report(const struct tp_ocds_audit *a, enum tp_ocds_report fmt)
{
	char *out = NULL;
	size_t len = 0;
	assert_int_equal(tp_ocds_audit_write(a, fmt, &out, &len, NULL), TP_OK);
	assert_int_equal(strlen(out), len);
	return out;
}

static void
reports(void **state)
{
	struct tp_ocds_audit *a = audit_file("lines.jsonl");
	char *text = report(a, TP_OCDS_REPORT_TEXT);
	assert_non_null(strstr(text, "error audit.tender-minimum [ocds-test-1 "
				     "r1, line 1]: the tender period from "
				     "2025-01-06"));
	assert_non_null(strstr(text, ": 5 releases, 2 tender notices, 2 "
				     "periods compared, 2 skipped; 1 error, 3 "
				     "warnings, 0 info\n"));
	char *csv = report(a, TP_OCDS_REPORT_CSV);
	assert_true(
		!strncmp(csv,
			 "severity,rule,ocid,release,location,regime,"
			 "period_days,minimum_days,message,citation,fix\r\n",
			 80));
	assert_non_null(strstr(csv, "error,audit.tender-minimum,ocds-test-1,"
				    "r1,line 1,pcr2015,10,30,"));
	assert_non_null(strstr(csv, ",\"line 4, releases[0]\",pa2023,20,25,"));
	char *xml = report(a, TP_OCDS_REPORT_XML);
	/* valid against the findings schema */
	char xsd[1024];
	const char *root = getenv("TP_SOURCE_ROOT");
	snprintf(xsd, sizeof(xsd), "%s/data/tenderplan-findings.xsd",
		 root ? root : "..");
	xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(xsd);
	xmlSchemaPtr schema = xmlSchemaParse(pc);
	assert_non_null(schema);
	xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
	xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "audit.xml", NULL,
				      XML_PARSE_NONET);
	assert_non_null(doc);
	assert_int_equal(xmlSchemaValidateDoc(vc, doc), 0);
	assert_non_null(strstr(xml, "ocid=\"ocds-test-1\" release=\"r1\" "
				    "regime=\"pcr2015\""));
	assert_non_null(strstr(xml, "errors=\"1\" warnings=\"3\""));
	xmlFreeDoc(doc);
	xmlSchemaFreeValidCtxt(vc);
	xmlSchemaFree(schema);
	xmlSchemaFreeParserCtxt(pc);
	free(text);
	free(csv);
	free(xml);
	char *out = NULL;
	assert_int_equal(tp_ocds_audit_write(a, (enum tp_ocds_report)9, &out,
					     NULL, NULL),
			 TP_ERR_INVALID);
	tp_ocds_audit_free(a);
}

static void
scotland(void **state)
{
	/* PCSR 2015 from 18 Apr 2016: the Scottish regime, reg 28 */
	struct tp_ocds_audit_options o;
	struct tp_ocds_audit *a = NULL;
	tp_ocds_audit_options_init(&o);
	o.jurisdiction = TP_REGION_SCOTLAND;
	assert_int_equal(
		tp_ocds_audit_file(data_file("lines.jsonl"), &o, &a, NULL),
		TP_OK);
	const struct tp_ocds_finding *f = find(a, "line 1");
	assert_int_equal(f->regime, TP_REGIME_PCSR2015);
	assert_non_null(strstr(f->finding.citation, "PCSR 2015 reg 28"));
	tp_ocds_audit_free(a);
	o.jurisdiction = TP_REGION_UK;
	assert_int_equal(
		tp_ocds_audit_file(data_file("lines.jsonl"), &o, &a, NULL),
		TP_ERR_INVALID);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(contracts_finder_counts),
		cmocka_unit_test(contracts_finder_by_hand),
		cmocka_unit_test(json_lines),
		cmocka_unit_test(malformed_file),
		cmocka_unit_test(schema_rules),
		cmocka_unit_test(codelists_accepted),
		cmocka_unit_test(values_and_vat),
		cmocka_unit_test(reports),
		cmocka_unit_test(scotland),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
