/* SPDX-License-Identifier: MIT */
/* MS Project XML: the elements MS Project, ProjectLibre and MPXJ need are
 * present; links carry LinkLag (tenths of a minute) and LagFormat even at
 * zero lag; bank holidays are calendar exceptions; tasks auto-scheduled. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "export-fixtures.h"
#include "export-xml-util.h"

#define NS "http://schemas.microsoft.com/project"

static xmlDocPtr
export_mspdi(const struct fixture *f)
{
	char *buf = NULL;
	size_t len = 0;
	assert_int_equal(tp_export_to_buffer(TP_EXPORT_MSPDI, f->plan, f->sched,
					     NULL, &buf, &len, NULL),
			 TP_OK);
	xmlDocPtr doc =
		xmlReadMemory(buf, (int)len, "p.xml", NULL, XML_PARSE_NONET);
	free(buf);
	assert_non_null(doc);
	return doc;
}

static void
str_is(xmlDocPtr doc, const char *expr, const char *want)
{
	char *got = xpath_string(doc, NS, expr);
	if (strcmp(got, want))
		fail_msg("%s: got '%s', want '%s'", expr, got, want);
	free(got);
}

static void
required_elements(void **state)
{
	struct fixture f;
	assert_int_equal(fixture_hartlepool(&f, NULL), 0);
	xmlDocPtr doc = export_mspdi(&f);
	int n = (int)tp_plan_stage_count(f.plan);
	static const char *const per_task[] = {
		"s:UID",
		"s:ID",
		"s:Name",
		"s:Start",
		"s:Finish",
		"s:Duration",
		"s:DurationFormat",
		"s:Milestone",
		"s:Manual",
		"s:ConstraintType",
	};
	for (size_t i = 0; i < sizeof(per_task) / sizeof(per_task[0]); i++) {
		char expr[128];
		snprintf(expr, sizeof(expr), "/s:Project/s:Tasks/s:Task/%s",
			 per_task[i]);
		assert_int_equal(xpath_count(doc, NS, expr), n);
	}
	assert_int_equal(xpath_count(doc, NS, "/s:Project/s:Name"), 1);
	assert_int_equal(xpath_count(doc, NS, "/s:Project/s:StartDate"), 1);
	assert_int_equal(xpath_count(doc, NS, "/s:Project/s:CalendarUID"), 1);
	assert_int_equal(xpath_count(doc, NS, "//s:Task[s:Manual!='0']"), 0);
	/* 7 week days, Saturday (7) and Sunday (1) not working */
	assert_int_equal(xpath_count(doc, NS, "//s:WeekDay"), 7);
	str_is(doc, "string(//s:WeekDay[s:DayType='1']/s:DayWorking)", "0");
	str_is(doc, "string(//s:WeekDay[s:DayType='7']/s:DayWorking)", "0");
	str_is(doc, "string(//s:WeekDay[s:DayType='2']/s:DayWorking)", "1");
	/* the tender deadline: milestone at noon on Fri 10 Feb 2012 */
	str_is(doc,
	       "string(//s:Task[s:Name='Closing date for tender submissions']/s:Start)",
	       "2012-02-10T12:00:00");
	str_is(doc,
	       "string(//s:Task[s:Name='Closing date for tender submissions']/s:Milestone)",
	       "1");
	str_is(doc,
	       "string(//s:Task[s:Name='Closing date for tender submissions']/s:Deadline)",
	       "2012-02-10T12:00:00");
	assert_int_equal(
		xpath_count(doc, NS,
			    "//s:Task[s:Name='PQQ evaluation']/s:Deadline"),
		0);
	/* schema order (mspdi_pj12.xsd, pj14 for Manual): Deadline after
	 * ConstraintType, links before Manual */
	assert_int_equal(
		xpath_count(
			doc, NS,
			"//s:Deadline[not(preceding-sibling::s:ConstraintType)]"),
		0);
	assert_int_equal(
		xpath_count(
			doc, NS,
			"//s:PredecessorLink[following-sibling::s:Milestone or preceding-sibling::s:Manual]"),
		0);
	/* PQQ evaluation: 15 working days of 8 hours = 120 hours */
	str_is(doc, "string(//s:Task[s:Name='PQQ evaluation']/s:Duration)",
	       "PT120H0M0S");
	xmlFreeDoc(doc);
	fixture_free(&f);
}

static void
links_carry_lag_and_format(void **state)
{
	struct fixture f;
	assert_int_equal(fixture_thurrock(&f, NULL), 0);
	xmlDocPtr doc = export_mspdi(&f);
	int links = xpath_count(doc, NS, "//s:PredecessorLink");
	assert_int_equal(links, (int)tp_plan_dependency_count(f.plan));
	assert_int_equal(xpath_count(doc, NS, "//s:PredecessorLink/s:LinkLag"),
			 links);
	assert_int_equal(
		xpath_count(doc, NS, "//s:PredecessorLink/s:LagFormat"), links);
	/* notification follows interviews by 6 working days: 6 x 480 min x
	 * 10 = 28800 tenths of a minute, format 7 (days) */
	str_is(doc,
	       "string(//s:Task[s:Name='Notification of result of evaluation']"
	       "/s:PredecessorLink/s:LinkLag)",
	       "28800");
	str_is(doc,
	       "string(//s:Task[s:Name='Notification of result of evaluation']"
	       "/s:PredecessorLink/s:LagFormat)",
	       "7");
	/* start-to-start (type 3) from the advert */
	str_is(doc,
	       "string(//s:Task[s:Name='Issue PQQs']/s:PredecessorLink/s:Type)",
	       "3");
	str_is(doc,
	       "string(//s:Task[s:Name='Issue PQQs']/s:PredecessorLink/s:LinkLag)",
	       "0");
	/* contract start on 1 Apr 2013: must start on (2) */
	str_is(doc,
	       "string(//s:Task[s:Name='Contract commencement']/s:ConstraintType)",
	       "2");
	str_is(doc,
	       "string(//s:Task[s:Name='Contract commencement']/s:ConstraintDate)",
	       "2013-04-01T08:00:00");
	xmlFreeDoc(doc);
	fixture_free(&f);
}

/* Bank holidays in the plan's range (gov.uk, England and Wales): Boxing
 * Day and the Christmas substitute on 26 and 27 Dec 2011, New Year
 * substitute 2 Jan 2012, Good Friday 6 Apr, Easter Monday 9 Apr. And a
 * lag in calendar days (the standstill's) has LagFormat 8, elapsed days. */
static void
calendar_exceptions(void **state)
{
	struct fixture f;
	assert_int_equal(fixture_hartlepool(&f, NULL), 0);
	xmlDocPtr doc = export_mspdi(&f);
	static const char *const days[] = {"2011-12-26", "2011-12-27",
					   "2012-01-02", "2012-04-06",
					   "2012-04-09"};
	for (size_t i = 0; i < 5; i++) {
		char expr[160];
		snprintf(
			expr, sizeof(expr),
			"//s:Exception[starts-with(s:TimePeriod/s:FromDate, '%s')]",
			days[i]);
		assert_int_equal(xpath_count(doc, NS, expr), 1);
	}
	assert_int_equal(
		xpath_count(doc, NS, "//s:Exception[s:DayWorking!='0']"), 0);
	/* no weekend day is listed as an exception: 1 Jan 2012 was a Sunday */
	assert_int_equal(
		xpath_count(
			doc, NS,
			"//s:Exception[starts-with(s:TimePeriod/s:FromDate, '2012-01-01')]"),
		0);
	str_is(doc,
	       "string(//s:Task[s:Name='Standstill']/s:PredecessorLink/s:LagFormat)",
	       "8");
	xmlFreeDoc(doc);
	fixture_free(&f);
}

/* A Christmas closure from Fri 23 Dec 2011 to Tue 3 Jan 2012: the
 * weekdays not already bank holidays (23, 28-30 Dec, 3 Jan) become
 * exceptions named after it, consecutive days merged (28 to 30 Dec). */
static void
closures_are_exceptions(void **state)
{
	struct fixture f;
	assert_int_equal(fixture_hartlepool(&f, NULL), 0);
	struct tp_calendar_builder *b;
	struct tp_calendar *cal;
	assert_int_equal(tp_calendar_builder_new(&b, NULL), TP_OK);
	assert_int_equal(tp_calendar_builder_set_range(b, 2010, 2014, NULL),
			 TP_OK);
	assert_int_equal(tp_calendar_builder_add_closure(
				 b, TP_DATE(2011, 12, 23), TP_DATE(2012, 1, 3),
				 "Christmas closure", NULL),
			 TP_OK);
	assert_int_equal(tp_calendar_builder_build(b, &cal, NULL), TP_OK);
	tp_calendar_builder_free(b);
	tp_plan_set_calendar(f.plan, cal);
	struct tp_schedule *s;
	assert_int_equal(
		tp_schedule_compute(f.plan, TP_SCHEDULE_FORWARD, &s, NULL),
		TP_OK);
	char *buf = NULL;
	size_t len;
	assert_int_equal(tp_export_to_buffer(TP_EXPORT_MSPDI, f.plan, s, NULL,
					     &buf, &len, NULL),
			 TP_OK);
	xmlDocPtr doc =
		xmlReadMemory(buf, (int)len, "p.xml", NULL, XML_PARSE_NONET);
	free(buf);
	assert_int_equal(
		xpath_count(doc, NS,
			    "//s:Exception[s:Name='Christmas closure']"),
		3);
	str_is(doc,
	       "string(//s:Exception[s:Name='Christmas closure']"
	       "[s:TimePeriod/s:FromDate='2011-12-28T00:00:00']/s:TimePeriod/s:ToDate)",
	       "2011-12-30T23:59:00");
	xmlFreeDoc(doc);
	tp_schedule_free(s);
	tp_plan_set_calendar(f.plan, f.cal);
	tp_calendar_free(cal);
	fixture_free(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(required_elements),
		cmocka_unit_test(links_carry_lag_and_format),
		cmocka_unit_test(calendar_exceptions),
		cmocka_unit_test(closures_are_exceptions),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	xmlCleanupParser();
	return rc;
}
