/* SPDX-License-Identifier: MIT */
/* MS Project XML: the elements MS Project, ProjectLibre and MPXJ need are
 * present, in pj12 schema order; durations and lags in the units a client
 * re-schedules onto tenderplan's days (working time, elapsed time for
 * calendar-day periods and lags, milestones at the end of their day);
 * constraints that leave links in charge; bank holidays, closures and the
 * statutory calendar as calendars. Expected values are worked out by hand
 * from the fixtures' dates (export-fixtures.c) and MSPDI's units: LinkLag
 * in tenths of a minute, 480 working minutes a day. The whole file against
 * the schema and re-scheduled: tests/mspdi-model.sh, planner-reschedule.sh. */
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
	/* pj12 has no Manual (Project 2010); CurrencyCode is required */
	assert_int_equal(xpath_count(doc, NS, "//s:Manual"), 0);
	str_is(doc, "string(/s:Project/s:CurrencyCode)", "GBP");
	str_is(doc, "string(/s:Project/s:ScheduleFromStart)", "1");
	/* the plan starts Tue 1 Nov 2011 (the advert): at 00:00, so a period
	 * may start that day and a working-day stage at 08:00 */
	str_is(doc, "string(/s:Project/s:StartDate)", "2011-11-01T00:00:00");
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
	/* schema order (mspdi_pj12.xsd): Deadline after ConstraintType,
	 * links after Milestone, the custom field last */
	assert_int_equal(
		xpath_count(
			doc, NS,
			"//s:Deadline[not(preceding-sibling::s:ConstraintType)]"),
		0);
	assert_int_equal(
		xpath_count(
			doc, NS,
			"//s:PredecessorLink[following-sibling::s:Milestone or preceding-sibling::s:ExtendedAttribute]"),
		0);
	/* PQQ evaluation: 15 working days of 8 hours = 120 hours */
	str_is(doc, "string(//s:Task[s:Name='PQQ evaluation']/s:Duration)",
	       "PT120H0M0S");
	/* the advert, a milestone, at the end of Tue 1 Nov, held there by
	 * its start-no-earlier-than (the plan's start) */
	str_is(doc,
	       "string(//s:Task[s:Name='Advertisement for expressions of interest']/s:Start)",
	       "2011-11-01T17:00:00");
	str_is(doc,
	       "string(//s:Task[s:Name='Advertisement for expressions of interest']/s:ConstraintType)",
	       "4");
	/* PQQ period, 28 calendar days from Tue 1 Nov (SS with the advert):
	 * elapsed from 00:00 Tue 1 Nov to 17:00 Mon 28 Nov = 27 x 24 + 17 =
	 * 665 hours, format 8 (elapsed days); stated duration in Text1 */
	str_is(doc,
	       "string(//s:Task[s:Name='PQQ documents distributed']/s:Start)",
	       "2011-11-01T00:00:00");
	str_is(doc,
	       "string(//s:Task[s:Name='PQQ documents distributed']/s:Finish)",
	       "2011-11-28T17:00:00");
	str_is(doc,
	       "string(//s:Task[s:Name='PQQ documents distributed']/s:Duration)",
	       "PT665H0M0S");
	str_is(doc,
	       "string(//s:Task[s:Name='PQQ documents distributed']/s:DurationFormat)",
	       "8");
	str_is(doc,
	       "string(//s:Task[s:Name='PQQ documents distributed']/s:ExtendedAttribute[s:FieldID='188743731']/s:Value)",
	       "28 calendar-days");
	str_is(doc,
	       "string(//s:ExtendedAttributes/s:ExtendedAttribute[s:FieldID='188743731']/s:Alias)",
	       "Stated duration");
	/* SS from the advert's 17:00 to the period's 00:00 on the same day:
	 * -17 elapsed hours (format 6) */
	str_is(doc,
	       "string(//s:Task[s:Name='PQQ documents distributed']/s:PredecessorLink/s:LinkLag)",
	       "-10200");
	str_is(doc,
	       "string(//s:Task[s:Name='PQQ documents distributed']/s:PredecessorLink/s:LagFormat)",
	       "6");
	/* tender deadline 12:00 on the tender period's last day (FF, 0
	 * days): 17:00 back to 12:00 = -5 elapsed hours */
	str_is(doc,
	       "string(//s:Task[s:Name='Closing date for tender submissions']/s:PredecessorLink/s:LinkLag)",
	       "-3000");
	/* opening after the 12:00 deadline (FS, 0 working days): the next
	 * working day's end, 13:00-17:00 plus 8 hours = 12 working hours */
	str_is(doc,
	       "string(//s:Task[s:Name='Opening of tenders by contract scrutiny']/s:PredecessorLink/s:LinkLag)",
	       "7200");
	str_is(doc,
	       "string(//s:Task[s:Name='Opening of tenders by contract scrutiny']/s:Start)",
	       "2012-02-13T17:00:00");
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
	/* notification, a milestone, 6 working days after interviews end
	 * (Tue 9 Oct 2012): tenderplan starts it on the 7th working day after,
	 * Thu 18 Oct; at 17:00 that is 7 x 480 min x 10 = 33600 tenths of a
	 * minute of working time, format 7 (days) */
	str_is(doc,
	       "string(//s:Task[s:Name='Notification of result of evaluation']"
	       "/s:PredecessorLink/s:LinkLag)",
	       "33600");
	str_is(doc,
	       "string(//s:Task[s:Name='Notification of result of evaluation']"
	       "/s:Start)",
	       "2012-10-18T17:00:00");
	str_is(doc,
	       "string(//s:Task[s:Name='Notification of result of evaluation']"
	       "/s:PredecessorLink/s:LagFormat)",
	       "7");
	/* start-to-start (type 3) from the advert's 17:00 to 08:00 the same
	 * day: -9 elapsed hours */
	str_is(doc,
	       "string(//s:Task[s:Name='Issue PQQs']/s:PredecessorLink/s:Type)",
	       "3");
	str_is(doc,
	       "string(//s:Task[s:Name='Issue PQQs']/s:PredecessorLink/s:LinkLag)",
	       "-5400");
	/* start-on 1 Apr 2013, Easter Monday (gov.uk): the schedule cannot
	 * meet it and starts Tue 2 Apr, so no Must Start On (it would override
	 * the links): start no earlier than Tue 2 Apr, and a deadline on 1 Apr
	 * that shows the miss */
	str_is(doc,
	       "string(//s:Task[s:Name='Contract commencement']/s:ConstraintType)",
	       "4");
	str_is(doc,
	       "string(//s:Task[s:Name='Contract commencement']/s:ConstraintDate)",
	       "2013-04-02T17:00:00");
	str_is(doc,
	       "string(//s:Task[s:Name='Contract commencement']/s:Deadline)",
	       "2013-04-01T17:00:00");
	assert_int_equal(xpath_count(doc, NS, "//s:ConstraintType[.='2']"), 0);
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
	/* standstill, 10 calendar days after the notices (milestone, 17:00
	 * Tue 6 Mar 2012) with a lag of 0 calendar days: from "the day after",
	 * 00:00 Wed 7 Mar, 7 elapsed hours later (format 6) */
	str_is(doc,
	       "string(//s:Task[s:Name='Standstill']/s:PredecessorLink/s:LinkLag)",
	       "4200");
	str_is(doc,
	       "string(//s:Task[s:Name='Standstill']/s:PredecessorLink/s:LagFormat)",
	       "6");
	str_is(doc, "string(//s:Task[s:Name='Standstill']/s:Start)",
	       "2012-03-07T00:00:00");
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

/* A start-on the schedule meets is the plan fixing a date: Must Start On
 * (PQQ evaluation starts Mon 5 Dec 2011 in the fixture, at 08:00). A
 * stage on the statutory calendar (here one with a closure on Thu 8 and
 * Fri 9 Mar 2012 that the plan's calendar lacks) gets it as its task
 * calendar, written as calendar 2 with that closure as an exception. */
static void
met_start_on_and_task_calendar(void **state)
{
	struct fixture f;
	assert_int_equal(fixture_hartlepool(&f, NULL), 0);
	assert_int_equal(tp_plan_add_constraint(f.plan, "pqq-evaluation",
						TP_CONSTRAINT_START_ON,
						TP_DATE(2011, 12, 5), NULL),
			 TP_OK);
	struct tp_calendar_builder *b;
	struct tp_calendar *st;
	assert_int_equal(tp_calendar_builder_new(&b, NULL), TP_OK);
	assert_int_equal(tp_calendar_builder_set_range(b, 2010, 2014, NULL),
			 TP_OK);
	assert_int_equal(tp_calendar_builder_add_closure(
				 b, TP_DATE(2012, 3, 8), TP_DATE(2012, 3, 9),
				 "Statutory closure", NULL),
			 TP_OK);
	assert_int_equal(tp_calendar_builder_build(b, &st, NULL), TP_OK);
	tp_calendar_builder_free(b);
	tp_plan_set_statutory_calendar(f.plan, st);
	size_t ss;
	assert_true(tp_plan_find_stage(f.plan, "standstill", &ss));
	assert_int_equal(tp_plan_set_stage_calendar(
				 f.plan, ss, TP_STAGE_CALENDAR_STATUTORY, NULL),
			 TP_OK);
	struct tp_schedule *s;
	assert_int_equal(
		tp_schedule_compute(f.plan, TP_SCHEDULE_FORWARD, &s, NULL),
		TP_OK);
	char *buf = NULL;
	size_t len;
	assert_int_equal(tp_export_to_buffer(TP_EXPORT_MSPDI, f.plan, s, NULL,
					     &buf, &len, NULL),
			 TP_OK);
	xmlDocPtr doc = xmlReadMemory(buf, (int)len, "p.xml", NULL, 0);
	free(buf);
	str_is(doc,
	       "string(//s:Task[s:Name='PQQ evaluation']/s:ConstraintType)",
	       "2");
	str_is(doc,
	       "string(//s:Task[s:Name='PQQ evaluation']/s:ConstraintDate)",
	       "2011-12-05T08:00:00");
	assert_int_equal(xpath_count(doc, NS, "//s:Calendar"), 2);
	str_is(doc, "string(//s:Task[s:Name='Standstill']/s:CalendarUID)", "2");
	str_is(doc, "string(//s:Task[s:Name='PQQ evaluation']/s:CalendarUID)",
	       "-1");
	assert_int_equal(
		xpath_count(
			doc, NS,
			"//s:Calendar[s:UID='2']//s:Exception[s:Name='Statutory closure']"),
		1);
	assert_int_equal(
		xpath_count(
			doc, NS,
			"//s:Calendar[s:UID='1']//s:Exception[s:Name='Statutory closure']"),
		0);
	xmlFreeDoc(doc);
	tp_schedule_free(s);
	tp_plan_set_statutory_calendar(f.plan, NULL);
	tp_calendar_free(st);
	fixture_free(&f);
}

/* Recorded progress: the PQQ period done (2 to 30 Nov 2011), its
 * evaluation started 1 Dec; worked-out values: a calendar-day period
 * starts at 00:00, a working stage at 08:00, both finish at 17:00 (the
 * times their Start and Finish use), 100 % once done; a stage not
 * started has none of them. */
static void
actual_dates(void **state)
{
	struct fixture f;
	struct tp_schedule *s;
	struct tp_date a = TP_DATE(2011, 11, 2), b = TP_DATE(2011, 11, 30),
		       c = TP_DATE(2011, 12, 1);
	size_t spec, liaison;
	(void)state;
	assert_int_equal(fixture_hartlepool(&f, NULL), 0);
	assert_true(tp_plan_find_stage(f.plan, "pqq-period", &spec));
	assert_true(tp_plan_find_stage(f.plan, "pqq-evaluation", &liaison));
	assert_int_equal(tp_plan_set_stage_actual(f.plan, spec, &a, &b, NULL),
			 TP_OK);
	assert_int_equal(
		tp_plan_set_stage_actual(f.plan, liaison, &c, NULL, NULL),
		TP_OK);
	assert_int_equal(
		tp_schedule_compute(f.plan, TP_SCHEDULE_FORWARD, &s, NULL),
		TP_OK);
	char *buf = NULL;
	size_t len;
	assert_int_equal(tp_export_to_buffer(TP_EXPORT_MSPDI, f.plan, s, NULL,
					     &buf, &len, NULL),
			 TP_OK);
	xmlDocPtr doc = xmlReadMemory(buf, (int)len, "p.xml", NULL, 0);
	free(buf);
	assert_non_null(doc);
#define PQQ "//s:Task[s:Name='PQQ documents distributed']/"
#define EVAL "//s:Task[s:Name='PQQ evaluation']/"
	str_is(doc, "string(" PQQ "s:ActualStart)", "2011-11-02T00:00:00");
	str_is(doc, "string(" PQQ "s:ActualFinish)", "2011-11-30T17:00:00");
	str_is(doc, "string(" PQQ "s:PercentComplete)", "100");
	str_is(doc, "string(" EVAL "s:ActualStart)", "2011-12-01T08:00:00");
	assert_int_equal(xpath_count(doc, NS, EVAL "s:ActualFinish"), 0);
	assert_int_equal(xpath_count(doc, NS, EVAL "s:PercentComplete"), 0);
	assert_int_equal(xpath_count(doc, NS, "//s:ActualStart"), 2);
	assert_int_equal(xpath_count(doc, NS, "//s:ActualFinish"), 1);
	xmlFreeDoc(doc);
	tp_schedule_free(s);
	fixture_free(&f);
}

/* ---- portfolios (#11) ---------------------------------------------------- */

static xmlDocPtr
export_portfolio(const struct tp_schedule *const *s, size_t n)
{
	char *buf = NULL;
	size_t len = 0;
	assert_int_equal(tp_export_portfolio_to_buffer(TP_EXPORT_MSPDI, s, n,
						       NULL, &buf, &len, NULL),
			 TP_OK);
	xmlDocPtr doc =
		xmlReadMemory(buf, (int)len, "p.xml", NULL, XML_PARSE_NONET);
	free(buf);
	assert_non_null(doc);
	return doc;
}

static long
long_of(xmlDocPtr doc, const char *expr)
{
	char *v = xpath_string(doc, NS, expr);
	long n = atol(v);
	free(v);
	return n;
}

/* The tasks of plan @p k (from 1) of a portfolio file are its summary,
 * OutlineNumber "k", and the tasks numbered "k.n" after it: each task's
 * dates are its stage's early dates, UIDs and IDs run on with no gaps and
 * none twice, every link points within the plan, and OutlineLevel is 1
 * for the summary and 2 beneath it. */
static void
check_plan_tasks(xmlDocPtr doc, const struct fixture *f, int k, long first_uid)
{
	char e[256];
	long n = (long)tp_plan_stage_count(f->plan);
	snprintf(e, sizeof(e), "string(//s:Task[s:OutlineNumber='%d']/s:UID)",
		 k);
	assert_int_equal(long_of(doc, e), first_uid);
	snprintf(e, sizeof(e),
		 "//s:Task[s:OutlineNumber='%d'][s:Summary='1']"
		 "[s:OutlineLevel='1'][s:ID='%ld']",
		 k, first_uid);
	assert_int_equal(xpath_count(doc, NS, e), 1);
	tp_plan_foreach_stage (f->plan, st) {
		char num[32], d0[TP_DATE_STRLEN], d1[TP_DATE_STRLEN];
		long uid = first_uid + 1 + (long)st;
		snprintf(num, sizeof(num), "%d.%zu", k, st + 1);
		tp_date_format(tp_schedule_early_start(f->sched, st), d0);
		tp_date_format(tp_schedule_early_finish(f->sched, st), d1);
		snprintf(
			e, sizeof(e),
			"//s:Task[s:UID='%ld'][s:ID='%ld'][s:OutlineNumber='%s']"
			"[s:OutlineLevel='2'][starts-with(s:Start, '%s')]"
			"[starts-with(s:Finish, '%s')]",
			uid, uid, num, d0, d1);
		if (xpath_count(doc, NS, e) != 1)
			fail_msg("stage %s: no task %s",
				 tp_plan_stage_id(f->plan, st), e);
		/* links stay within the plan's UIDs */
		snprintf(
			e, sizeof(e),
			"//s:Task[s:UID='%ld']/s:PredecessorLink[s:PredecessorUID "
			"<= %ld or s:PredecessorUID > %ld]",
			uid, first_uid, first_uid + n);
		assert_int_equal(xpath_count(doc, NS, e), 0);
	}
}

/* Both reference plans, each with its own calendar object (both England
 * and Wales): summary tasks at UIDs 1 and 2 + Hartlepool's stages, each
 * plan's calendar written once, the first plan's the project calendar;
 * Thurrock, which starts after the project (25 Jun 2012 against 1 Nov
 * 2011, the fixtures' starts), has its first stage held there. */
static void
portfolio_summary_tasks(void **state)
{
	struct fixture a, b;
	assert_int_equal(fixture_hartlepool(&a, NULL), 0);
	assert_int_equal(fixture_thurrock(&b, NULL), 0);
	const struct tp_schedule *s[] = {a.sched, b.sched};
	xmlDocPtr doc = export_portfolio(s, 2);
	long na = (long)tp_plan_stage_count(a.plan);
	long nb = (long)tp_plan_stage_count(b.plan);

	assert_int_equal(xpath_count(doc, NS, "//s:Task"), (int)(2 + na + nb));
	check_plan_tasks(doc, &a, 1, 1);
	check_plan_tasks(doc, &b, 2, 2 + na);
	str_is(doc, "string(/s:Project/s:StartDate)", "2011-11-01T00:00:00");
	str_is(doc, "string(//s:Task[s:UID='1']/s:Name)",
	       "Hartlepool: parenting support and young people's substance "
	       "misuse services (hartlepool-2011)");
	/* two calendars: Hartlepool's is the project's (UID 1), Thurrock's
	 * tasks name theirs */
	assert_int_equal(xpath_count(doc, NS, "//s:Calendar"), 2);
	str_is(doc, "string(/s:Project/s:CalendarUID)", "1");
	str_is(doc, "string(//s:Calendar[s:UID='2']/s:Name)",
	       "Working days (thurrock-2012)");
	assert_int_equal(xpath_count(doc, NS,
				     "//s:Task[starts-with(s:OutlineNumber, "
				     "'2.')][s:CalendarUID!='2']"),
			 0);
	assert_int_equal(xpath_count(doc, NS,
				     "//s:Task[starts-with(s:OutlineNumber, "
				     "'1.')][s:CalendarUID!='-1']"),
			 0);
	/* Thurrock's 2013 Easter Monday (1 Apr) is an exception of its own
	 * calendar; Hartlepool's (to a year after May 2012) has Easter Monday
	 * 2012 (9 Apr) */
	assert_int_equal(
		xpath_count(doc, NS,
			    "//s:Calendar[s:UID='2']//s:Exception[starts-with("
			    "s:TimePeriod/s:FromDate, '2013-04-01')]"),
		1);
	assert_int_equal(
		xpath_count(doc, NS,
			    "//s:Calendar[s:UID='1']//s:Exception[starts-with("
			    "s:TimePeriod/s:FromDate, '2012-04-09')]"),
		1);
	/* Thurrock's first stage, the advert on its start day (a milestone,
	 * at 17:00): Start No Earlier Than then, or a client would start it
	 * with the project in 2011 */
	char e[200];
	snprintf(e, sizeof(e), "string(//s:Task[s:UID='%ld']/s:ConstraintType)",
		 2 + na + 1);
	char *ct = xpath_string(doc, NS, e);
	snprintf(e, sizeof(e), "string(//s:Task[s:UID='%ld']/s:ConstraintDate)",
		 2 + na + 1);
	char *cd = xpath_string(doc, NS, e);
	assert_string_equal(ct, "4");
	assert_string_equal(cd, "2012-06-25T17:00:00");
	free(ct);
	free(cd);
	xmlFreeDoc(doc);
	fixture_free(&a);
	fixture_free(&b);
}

/* Three plans sharing one calendar object: it is written once, named
 * after the first plan and the count of the others. */
static void
portfolio_shared_calendar(void **state)
{
	struct tp_calendar *cal;
	struct fixture f[3];
	assert_int_equal(
		tp_calendar_new_region(TP_REGION_ENGLAND_AND_WALES, &cal, NULL),
		TP_OK);
	for (int i = 0; i < 3; i++)
		assert_int_equal(fixture_generic(&f[i], cal, i + 1,
						 TP_DATE(2025, 1 + 3 * i, 6)),
				 0);
	const struct tp_schedule *s[] = {f[0].sched, f[1].sched, f[2].sched};
	xmlDocPtr doc = export_portfolio(s, 3);
	assert_int_equal(xpath_count(doc, NS, "//s:Calendar"), 1);
	str_is(doc, "string(//s:Calendar/s:Name)",
	       "Working days (bench-1 and 2 other plans)");
	assert_int_equal(xpath_count(doc, NS, "//s:Task[s:CalendarUID!='-1']"),
			 0);
	long n = (long)tp_plan_stage_count(f[0].plan);
	for (int i = 0; i < 3; i++)
		check_plan_tasks(doc, &f[i], i + 1, 1 + i * (n + 1));
	/* Christmas 2025 to Easter 2026 lie between the first plan's start
	 * and a year after the last one's finish: in the one calendar */
	assert_int_equal(
		xpath_count(
			doc, NS,
			"//s:Exception[starts-with(s:TimePeriod/s:FromDate, "
			"'2025-12-25')]"),
		1);
	xmlFreeDoc(doc);
	for (int i = 0; i < 3; i++)
		fixture_free(&f[i]);
	tp_calendar_free(cal);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(required_elements),
		cmocka_unit_test(links_carry_lag_and_format),
		cmocka_unit_test(calendar_exceptions),
		cmocka_unit_test(closures_are_exceptions),
		cmocka_unit_test(met_start_on_and_task_calendar),
		cmocka_unit_test(actual_dates),
		cmocka_unit_test(portfolio_summary_tasks),
		cmocka_unit_test(portfolio_shared_calendar),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	xmlCleanupParser();
	return rc;
}
