/* SPDX-License-Identifier: MIT */
/* CSV (RFC 4180: quoting, CRLF) and the weekly text grid. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "alloc-fail.h"

#include "export-fixtures.h"
#include <tenderplan/tp-revision.h>

static char *export(enum tp_export_format fmt, const struct fixture *f,
		    const struct tp_export_options *opt)
{
	char *buf = NULL;
	assert_int_equal(tp_export_to_buffer(fmt, f->plan, f->sched, opt, &buf,
					     NULL, NULL),
			 TP_OK);
	return buf;
}

static int
count_str(const char *s, const char *what)
{
	int n = 0;
	size_t len = strlen(what);
	for (size_t i = 0; s[i]; i++)
		n += strncmp(s + i, what, len) == 0;
	return n;
}

static void
csv_rows(void **state)
{
	struct fixture f;
	assert_int_equal(fixture_hartlepool(&f, NULL), 0);
	char *csv = export(TP_EXPORT_CSV, &f, NULL);
	assert_int_equal(count_str(csv, "\r\n"),
			 (int)tp_plan_stage_count(f.plan) + 1);
	assert_true(strncmp(csv,
			    "plan,stage,name,kind,shape,start,finish,time,",
			    45) == 0);
	/* hand check: the tender deadline row, Fri 10 Feb 2012 at noon */
	assert_non_null(
		strstr(csv, "hartlepool-2011,tender-deadline,Closing date for "
			    "tender submissions,tender-deadline,deadline,"
			    "2012-02-10,2012-02-10,12:00,"));
	/* a name with a comma is quoted */
	assert_non_null(strstr(
		csv, ",\"Evaluation of tender submissions, interviews\","));
	free(csv);
	fixture_free(&f);
}

static void
csv_quotes_doubled(void **state)
{
	struct fixture f;
	assert_int_equal(fixture_thurrock(&f, NULL), 0);
	assert_int_equal(tp_plan_set_stage_notes(f.plan, 0, "x", NULL), TP_OK);
	size_t idx;
	assert_true(tp_plan_find_stage(f.plan, "award", &idx));
	/* names are fixed once added; a new plan tests the quoting */
	struct tp_plan *p;
	assert_int_equal(tp_plan_new(&p, NULL), TP_OK);
	tp_plan_set_calendar(p, f.cal);
	assert_int_equal(tp_plan_set_start_date(p, TP_DATE(2012, 6, 25), NULL),
			 TP_OK);
	/* A line break in a name is refused (#9), so quote and comma. */
	assert_int_equal(tp_plan_add_stage(p, "a", "The \"big\" one, again",
					   TP_STAGE_CUSTOM, 2,
					   TP_UNIT_WORKING_DAYS, NULL, NULL),
			 TP_OK);
	struct tp_schedule *s;
	assert_int_equal(tp_schedule_compute(p, TP_SCHEDULE_FORWARD, &s, NULL),
			 TP_OK);
	char *buf = NULL;
	assert_int_equal(tp_export_to_buffer(TP_EXPORT_CSV, p, s, NULL, &buf,
					     NULL, NULL),
			 TP_OK);
	/* no plan id: empty first field; Mon 25 + 2 working days: Tue 26 Jun */
	assert_non_null(strstr(
		buf, "\r\n,a,\"The \"\"big\"\" one, again\",custom,period,"
		     "2012-06-25,2012-06-26,,"));
	free(buf);
	tp_schedule_free(s);
	tp_plan_free(p);
	fixture_free(&f);
}

static void
text_grid(void **state)
{
	struct fixture f;
	assert_int_equal(fixture_hartlepool(&f, NULL), 0);
	char *txt = export(TP_EXPORT_TEXT, &f, NULL);
	/* title, blank, month line, week line, one line per stage, blank,
	 * legend */
	assert_int_equal(count_str(txt, "\n"),
			 (int)tp_plan_stage_count(f.plan) + 6);
	/* weeks from w/c Mon 31 Oct 2011 */
	assert_non_null(
		strstr(txt, "Stage (week commencing)           31 7142128 5"));
	assert_non_null(strstr(txt, "!!"));
	assert_non_null(strstr(txt, "2012-02-10 12:00\n"));
	assert_non_null(strstr(txt, "2011-12-28 to 2012-02-10\n"));
	free(txt);
	struct tp_export_options opt;
	tp_export_options_init(&opt);
	opt.deadlines_only = true;
	txt = export(TP_EXPORT_TEXT, &f, &opt);
	assert_null(strstr(txt, "2011-12-28 to 2012-02-10"));
	assert_non_null(strstr(txt, "2012-02-10 12:00\n"));
	free(txt);
	fixture_free(&f);
}

/* A plan with one milestone and nothing else exports in every format
 * (edge of the chart and grid layouts). */
static void
one_milestone_plan(void **state)
{
	struct tp_calendar *cal;
	struct tp_plan *p;
	struct tp_schedule *s;
	assert_int_equal(
		tp_calendar_new_region(TP_REGION_ENGLAND_AND_WALES, &cal, NULL),
		TP_OK);
	assert_int_equal(tp_plan_new(&p, NULL), TP_OK);
	tp_plan_set_calendar(p, cal);
	assert_int_equal(tp_plan_set_id(p, "one", NULL), TP_OK);
	assert_int_equal(tp_plan_set_start_date(p, TP_DATE(2025, 12, 31), NULL),
			 TP_OK);
	assert_int_equal(tp_plan_add_stage(p, "go", NULL, TP_STAGE_AWARD, 0,
					   TP_UNIT_WORKING_DAYS, NULL, NULL),
			 TP_OK);
	assert_int_equal(tp_schedule_compute(p, TP_SCHEDULE_FORWARD, &s, NULL),
			 TP_OK);
	for (int fmt = TP_EXPORT_ICS; fmt <= TP_EXPORT_TEXT; fmt++) {
		char *buf = NULL;
		size_t len = 0;
		assert_int_equal(tp_export_to_buffer((enum tp_export_format)fmt,
						     p, s, NULL, &buf, &len,
						     NULL),
				 TP_OK);
		assert_true(len > 0);
		/* the stage id stands in for the missing name */
		if (fmt != TP_EXPORT_MSPDI)
			assert_non_null(strstr(buf, "go"));
		free(buf);
	}
	tp_schedule_free(s);
	tp_plan_free(p);
	tp_calendar_free(cal);
}

/* Every format: failing the 1st, 2nd, ... allocation gives TP_ERR_NOMEM
 * and no output (valgrind and ASan check that nothing leaks), until the
 * export succeeds. */
static void
allocation_failures(void **state)
{
	struct fixture f;
	assert_int_equal(fixture_thurrock(&f, NULL), 0);
	for (int fmt = TP_EXPORT_ICS; fmt <= TP_EXPORT_TEXT; fmt++) {
		long n;
		for (n = 1;; n++) {
			char *buf = NULL;
			struct tp_error err;
			alloc_fail_after(n);
			enum tp_status rc = tp_export_to_buffer(
				(enum tp_export_format)fmt, f.plan, f.sched,
				NULL, &buf, NULL, &err);
			alloc_fail_after(0);
			if (rc == TP_OK) {
				free(buf);
				break;
			}
			assert_int_equal(rc, TP_ERR_NOMEM);
			assert_null(buf);
			assert_true(n < 100);
		}
		assert_true(n > 1);
	}
	fixture_free(&f);
}

/* The same for a portfolio of two plans with a baseline each, in every
 * format (#11: the Gantt's and MS Project's passes over the plans, the
 * calendars and baselines indexed). */
static void
portfolio_allocation_failures(void **state)
{
	struct fixture a, b;
	struct tp_snapshot *ba, *bb;
	assert_int_equal(fixture_hartlepool(&a, NULL), 0);
	assert_int_equal(fixture_thurrock(&b, NULL), 0);
	assert_int_equal(tp_snapshot_record(a.sched, NULL, TP_SNAPSHOT_BASELINE,
					    0, &ba, NULL),
			 TP_OK);
	assert_int_equal(tp_snapshot_record(b.sched, NULL, TP_SNAPSHOT_BASELINE,
					    0, &bb, NULL),
			 TP_OK);
	const struct tp_snapshot *bl[] = {ba, bb};
	const struct tp_schedule *s[] = {a.sched, b.sched};
	struct tp_export_options opt;
	tp_export_options_init(&opt);
	opt.baselines = bl;
	for (int fmt = TP_EXPORT_ICS; fmt <= TP_EXPORT_OCDS; fmt++) {
		long n;
		for (n = 1;; n++) {
			char *buf = NULL;
			struct tp_error err;
			alloc_fail_after(n);
			enum tp_status rc = tp_export_portfolio_to_buffer(
				(enum tp_export_format)fmt, s, 2, &opt, &buf,
				NULL, &err);
			alloc_fail_after(0);
			if (rc == TP_OK) {
				free(buf);
				break;
			}
			assert_int_equal(rc, TP_ERR_NOMEM);
			assert_null(buf);
			assert_true(n < 2000);
		}
		assert_true(n > 1);
	}
	tp_snapshot_free(ba);
	tp_snapshot_free(bb);
	fixture_free(&a);
	fixture_free(&b);
}

/* Text in the options reaches XML, HTML and terminals: a title (the
 * program's --title) or a finding with control characters or bytes that
 * are not UTF-8 is refused by every writer, before anything is written
 * (#9). */
static void
bad_option_text_refused(void **state)
{
	static const char *const bad[] = {"A\x1b[31mB", "caf\xe9", "two\nlines",
					  "\xc2\x9b"};
	struct fixture f;
	struct tp_export_options opt;
	struct tp_export_finding fnd = {"warning", "x.y", NULL,
					NULL,      NULL,  "ok"};
	struct tp_error err;
	char *buf = NULL;

	(void)state;
	assert_int_equal(fixture_thurrock(&f, NULL), 0);
	for (int fmt = TP_EXPORT_ICS; fmt <= TP_EXPORT_OCDS; fmt++)
		for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
			tp_export_options_init(&opt);
			opt.title = bad[i];
			assert_int_equal(
				tp_export_to_buffer((enum tp_export_format)fmt,
						    f.plan, f.sched, &opt, &buf,
						    NULL, &err),
				TP_ERR_INVALID);
			assert_null(buf);
			assert_non_null(strstr(err.message, "the title has"));
			tp_export_options_init(&opt);
			fnd.message = bad[i];
			opt.findings = &fnd;
			opt.n_findings = 1;
			assert_int_equal(
				tp_export_to_buffer((enum tp_export_format)fmt,
						    f.plan, f.sched, &opt, &buf,
						    NULL, &err),
				TP_ERR_INVALID);
			assert_non_null(
				strstr(err.message, "message of finding 1"));
		}
	/* Accepted text still exports, quotes and all. */
	tp_export_options_init(&opt);
	opt.title = "Thurrock \"care\" & <support> \xe2\x80\x94 2012";
	free(export(TP_EXPORT_HTML, &f, &opt));
	fixture_free(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(csv_rows),
		cmocka_unit_test(csv_quotes_doubled),
		cmocka_unit_test(text_grid),
		cmocka_unit_test(one_milestone_plan),
		cmocka_unit_test(allocation_failures),
		cmocka_unit_test(portfolio_allocation_failures),
		cmocka_unit_test(bad_option_text_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
