/* SPDX-License-Identifier: MIT */
/* Committee meeting series (tp-meeting.h) and stages scheduled onto them
 * (tp-schedule.h, "Meetings"). Every expected date was worked out by hand
 * on a printed 2026-2027 calendar with the England and Wales bank holidays
 * of ../shared/reference/uk-bank-holidays.md (Christmas Fri 25 Dec 2026,
 * Boxing Day substitute Mon 28 Dec 2026, New Year's Day Fri 1 Jan 2027)
 * and checked with Debian's /usr/bin/python3 (datetime, counting working
 * days one by one); the reasoning is beside each case.
 *
 * The Cabinet meets on the third Thursday of each month
 * (FREQ=MONTHLY;BYDAY=3TH from 1 Sep 2026): 17 Sep, 15 Oct, 19 Nov,
 * 17 Dec 2026 (cancelled: the exception), 21 Jan, 18 Feb, 18 Mar 2027.
 * Reports are due 5 working days before a meeting, decisions can be called
 * in for 5 working days after it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <libical/ical.h>

#include <tenderplan/tenderplan.h>

#define WD TP_UNIT_WORKING_DAYS
#define FS TP_DEP_FINISH_TO_START
#define FF TP_DEP_FINISH_TO_FINISH

static int
setup(void **state)
{
	struct tp_calendar *cal = NULL;
	assert_int_equal(tp_calendar_new_region(TP_REGION_ENGLAND_AND_WALES,
						&cal, NULL),
			 TP_OK);
	*state = cal;
	return 0;
}

static int
teardown(void **state)
{
	tp_calendar_free(*state);
	return 0;
}

#define assert_date(got, want) assert_int_equal((got).day, (want).day)

static size_t
idx(const struct tp_plan *p, const char *id)
{
	size_t i = 0;
	if (!tp_plan_find_stage(p, id, &i))
		fail_msg("no stage '%s'", id);
	return i;
}

/* The Cabinet: third Thursdays from September 2026, none in December. */
static void
add_cabinet(struct tp_plan *p, int32_t report, int32_t call_in)
{
	const struct tp_date except[] = {TP_DATE(2026, 12, 17)};
	struct tp_meeting_spec m;
	struct tp_error err;
	tp_meeting_spec_init(&m);
	m.id = "cabinet";
	m.name = "Cabinet";
	m.rule = "FREQ=MONTHLY;BYDAY=3TH";
	m.rule_from = TP_DATE(2026, 9, 1);
	m.except = except;
	m.n_except = 1;
	m.report_days = report;
	m.call_in_days = call_in;
	if (tp_plan_add_meeting_series(p, &m, NULL, &err) != TP_OK)
		fail_msg("series: %s", err.message);
}

/* evaluation (@eval_days working days) -> approval (tied to the Cabinet)
 * -> notice; forward from Thu 1 Oct 2026. */
static struct tp_plan *
forward_plan(const struct tp_calendar *cal, int32_t eval_days)
{
	struct tp_plan *p = NULL;
	struct tp_error err;
	assert_int_equal(tp_plan_new(&p, NULL), TP_OK);
	tp_plan_set_calendar(p, cal);
	assert_int_equal(tp_plan_set_start_date(p, TP_DATE(2026, 10, 1), NULL),
			 TP_OK);
	add_cabinet(p, 5, 5);
	assert_int_equal(tp_plan_add_stage(p, "evaluation", NULL,
					   TP_STAGE_EVALUATION, eval_days, WD,
					   NULL, NULL),
			 TP_OK);
	assert_int_equal(tp_plan_add_stage(p, "approval", "Cabinet approves",
					   TP_STAGE_GOVERNANCE_APPROVAL, 0, WD,
					   NULL, NULL),
			 TP_OK);
	assert_int_equal(tp_plan_add_stage(p, "notice", NULL,
					   TP_STAGE_INTENTION_TO_AWARD, 0, WD,
					   NULL, NULL),
			 TP_OK);
	/* the tie before one link and after the other: both are mirrored */
	assert_int_equal(tp_plan_add_dependency(p, "evaluation", "approval",
						FS, 0, WD, NULL),
			 TP_OK);
	if (tp_plan_set_stage_meeting(p, idx(p, "approval"), "cabinet",
				      &err) != TP_OK)
		fail_msg("tie: %s", err.message);
	assert_int_equal(
		tp_plan_add_dependency(p, "approval", "notice", FS, 0, WD, NULL),
		TP_OK);
	return p;
}

static struct tp_schedule *
compute(const struct tp_plan *p, enum tp_schedule_mode mode)
{
	struct tp_schedule *s = NULL;
	struct tp_error err = {0};
	if (tp_schedule_compute(p, mode, &s, &err) != TP_OK)
		fail_msg("schedule failed: %s", err.message);
	return s;
}

static void
assert_on(const struct tp_schedule *s, const char *id, struct tp_date es,
	  struct tp_date ls)
{
	size_t i = idx(tp_schedule_plan(s), id);
	assert_date(tp_schedule_early_start(s, i), es);
	assert_date(tp_schedule_late_start(s, i), ls);
}

/* ---- the series ------------------------------------------------------- */

static void
monthly_series_with_exception(void **state)
{
	struct tp_plan *p = NULL;
	struct tp_meeting_spec back;
	size_t n = 0;
	assert_int_equal(tp_plan_new(&p, NULL), TP_OK);
	add_cabinet(p, 5, 5);
	const struct tp_date *d = tp_plan_meeting_dates(p, 0, &n);
	/* third Thursdays, 1 Sep 2026 (not itself a meeting) to the end of
	 * 2199, less one */
	assert_true(n > 2000);
	assert_date(d[0], TP_DATE(2026, 9, 17));
	assert_date(d[1], TP_DATE(2026, 10, 15));
	assert_date(d[2], TP_DATE(2026, 11, 19));
	assert_date(d[3], TP_DATE(2027, 1, 21)); /* 17 Dec cancelled */
	assert_date(d[4], TP_DATE(2027, 2, 18));
	assert_date(d[5], TP_DATE(2027, 3, 18));
	assert_true(tp_plan_meeting_series(p, 0, &back));
	assert_string_equal(back.id, "cabinet");
	assert_string_equal(back.name, "Cabinet");
	assert_string_equal(back.rule, "FREQ=MONTHLY;BYDAY=3TH");
	assert_int_equal(back.n_except, 1);
	assert_int_equal(back.report_days, 5);
	assert_int_equal(back.call_in_days, 5);
	assert_true(tp_plan_find_meeting_series(p, "cabinet", &n));
	assert_int_equal(n, 0);
	assert_false(tp_plan_find_meeting_series(p, "council", NULL));
	tp_plan_free(p);
}

static void
explicit_dates_and_rule_together(void **state)
{
	/* 8 Dec 2026 added by hand, 12 Jan 2027 given and also a rule date
	 * (COUNT=2 from 5 Jan: Tuesdays 5 and 12 Jan): one meeting each */
	const struct tp_date dates[] = {TP_DATE(2027, 1, 12),
					       TP_DATE(2026, 12, 8)};
	struct tp_plan *p = NULL;
	struct tp_meeting_spec m;
	size_t n = 0;
	assert_int_equal(tp_plan_new(&p, NULL), TP_OK);
	tp_meeting_spec_init(&m);
	m.id = "scrutiny";
	m.rule = "freq=weekly;byday=tu;count=2";
	m.rule_from = TP_DATE(2027, 1, 5);
	m.dates = dates;
	m.n_dates = 2;
	assert_int_equal(tp_plan_add_meeting_series(p, &m, NULL, NULL), TP_OK);
	const struct tp_date *d = tp_plan_meeting_dates(p, 0, &n);
	assert_int_equal(n, 3);
	assert_date(d[0], TP_DATE(2026, 12, 8));
	assert_date(d[1], TP_DATE(2027, 1, 5));
	assert_date(d[2], TP_DATE(2027, 1, 12));
	tp_plan_free(p);
}

static void
series_errors(void **state)
{
	const struct tp_date not_a_meeting[] = {TP_DATE(2026, 12, 18)};
	const struct tp_date both[] = {TP_DATE(2026, 12, 1)};
	struct tp_plan *p = NULL;
	struct tp_meeting_spec m;
	struct tp_error err;
	assert_int_equal(tp_plan_new(&p, NULL), TP_OK);
	add_cabinet(p, 0, 0);
	tp_meeting_spec_init(&m);
	m.id = "cabinet";
	m.dates = both;
	m.n_dates = 1;
	assert_int_equal(tp_plan_add_meeting_series(p, &m, NULL, &err),
			 TP_ERR_INVALID);
	assert_string_equal(err.message,
			    "the plan already has a meeting series 'cabinet'");
	m.id = "council";
	m.dates = NULL;
	m.n_dates = 0;
	assert_int_equal(tp_plan_add_meeting_series(p, &m, NULL, &err),
			 TP_ERR_INVALID);
	assert_string_equal(err.message, "meeting series 'council' has no "
					 "meetings: give dates or a rule");
	m.rule = "FREQ=MONTHLY;BYDAY=3XX";
	m.rule_from = TP_DATE(2026, 9, 1);
	assert_int_equal(tp_plan_add_meeting_series(p, &m, NULL, &err),
			 TP_ERR_INVALID);
	assert_non_null(strstr(err.message, "is not a recurrence rule"));
	m.rule = "FREQ=HOURLY";
	assert_int_equal(tp_plan_add_meeting_series(p, &m, NULL, &err),
			 TP_ERR_INVALID);
	assert_non_null(strstr(err.message, "more often than daily"));
	m.rule = "FREQ=MONTHLY;BYDAY=3TH";
	m.except = not_a_meeting;
	m.n_except = 1;
	assert_int_equal(tp_plan_add_meeting_series(p, &m, NULL, &err),
			 TP_ERR_INVALID);
	assert_string_equal(err.message,
			    "meeting series 'council': the exception "
			    "2026-12-18 is not one of its meetings");
	m.except = both;
	m.dates = both;
	m.n_dates = 1;
	assert_int_equal(tp_plan_add_meeting_series(p, &m, NULL, &err),
			 TP_ERR_INVALID);
	assert_string_equal(err.message, "meeting series 'council': "
					 "2026-12-01 is both a meeting and "
					 "an exception");
	m.id = "bad id";
	assert_int_equal(tp_plan_add_meeting_series(p, &m, NULL, &err),
			 TP_ERR_INVALID);
	assert_int_equal(tp_plan_meeting_series_count(p), 1);
	/* a stage tied to a series the plan does not have */
	assert_int_equal(tp_plan_add_stage(p, "a", NULL, TP_STAGE_CUSTOM, 0, WD,
					   NULL, NULL),
			 TP_OK);
	assert_int_equal(tp_plan_set_stage_meeting(p, 0, "cabinte", &err),
			 TP_ERR_INVALID);
	assert_string_equal(err.message, "no meeting series 'cabinte' in the "
					 "plan (did you mean 'cabinet'?)");
	tp_plan_free(p);
}

/* ---- the derived stages ----------------------------------------------- */

static void
report_and_call_in_stages(void **state)
{
	struct tp_plan *p = forward_plan(*state, 30);
	size_t ap = idx(p, "approval"), rep = idx(p, "approval.report");
	size_t ci = idx(p, "approval.call-in"), m = 0;
	struct tp_dependency d;
	bool rep_to_ap = false, eval_to_rep = false, ap_to_ci = false;
	bool ci_to_notice = false;

	assert_int_equal(tp_plan_stage_meeting(p, ap), 0);
	assert_int_equal(tp_plan_stage_meeting(p, rep), TP_NO_MEETING);
	assert_int_equal(tp_plan_stage_derived(p, rep, &m), TP_DERIVED_REPORT);
	assert_int_equal(m, ap);
	assert_int_equal(tp_plan_stage_derived(p, ci, &m), TP_DERIVED_CALL_IN);
	assert_int_equal(tp_plan_stage_derived(p, ap, NULL), TP_DERIVED_NONE);
	assert_int_equal(tp_plan_stage_kind(p, rep), TP_STAGE_COMMITTEE_REPORT);
	assert_int_equal(tp_plan_stage_kind(p, ci), TP_STAGE_CALL_IN);
	assert_string_equal(tp_plan_stage_name(p, rep),
			    "Reports due: Cabinet approves");
	assert_string_equal(tp_plan_stage_name(p, ci),
			    "Call-in ends: Cabinet approves");
	for (size_t i = 0; tp_plan_dependency(p, i, &d); i++) {
		bool derived = tp_plan_dependency_is_derived(p, i);
		if (d.from == rep && d.to == ap)
			rep_to_ap = derived && d.type == FS && d.lag == 4;
		if (d.from == idx(p, "evaluation") && d.to == rep)
			eval_to_rep = derived && d.type == FF && d.lag == 0;
		if (d.from == ap && d.to == ci)
			ap_to_ci = derived && d.type == FS && d.lag == 4;
		if (d.from == ci && d.to == idx(p, "notice"))
			ci_to_notice = derived && d.type == FS && d.lag == 0;
		if (d.from == idx(p, "evaluation") && d.to == ap)
			assert_false(derived);
	}
	assert_true(rep_to_ap && eval_to_rep && ap_to_ci && ci_to_notice);
	/* a derived stage has no meeting or actual dates of its own */
	assert_int_equal(tp_plan_set_stage_meeting(p, rep, "cabinet", NULL),
			 TP_ERR_INVALID);
	assert_int_equal(tp_plan_set_stage_actual(p, ci, &TP_DATE(2026, 1, 5),
						  NULL, NULL),
			 TP_ERR_INVALID);
	tp_plan_free(p);
}

static void
derived_id_taken_or_too_long(void **state)
{
	struct tp_plan *p = NULL;
	struct tp_error err;
	char id[64];
	assert_int_equal(tp_plan_new(&p, NULL), TP_OK);
	add_cabinet(p, 5, 0);
	assert_int_equal(tp_plan_add_stage(p, "a", NULL, TP_STAGE_CUSTOM, 0, WD,
					   NULL, NULL),
			 TP_OK);
	assert_int_equal(tp_plan_add_stage(p, "a.report", NULL, TP_STAGE_CUSTOM,
					   0, WD, NULL, NULL),
			 TP_OK);
	assert_int_equal(tp_plan_set_stage_meeting(p, 0, "cabinet", &err),
			 TP_ERR_INVALID);
	assert_string_equal(err.message,
			    "the plan already has a stage 'a.report', the id "
			    "of the report deadline of 'a': rename that stage");
	assert_int_equal(tp_plan_stage_meeting(p, 0), TP_NO_MEETING);
	memset(id, 'x', 60);
	id[60] = '\0';
	assert_int_equal(tp_plan_add_stage(p, id, NULL, TP_STAGE_CUSTOM, 0, WD,
					   NULL, NULL),
			 TP_OK);
	assert_int_equal(tp_plan_set_stage_meeting(p, 2, "cabinet", &err),
			 TP_ERR_INVALID);
	assert_non_null(strstr(err.message, "too long"));
	assert_int_equal(tp_plan_stage_count(p), 3);
	tp_plan_free(p);
}

/* ---- forward --------------------------------------------------------- */

/* Evaluation 30 working days from Thu 1 Oct 2026 ends Wed 11 Nov (22
 * working days in October, 8 in November: 2-6, 9, 10, 11). The report is
 * due 5 working days before the meeting, so the meeting is on or after
 * 12, 13, 16, 17, 18 Nov = Wed 18 Nov: the first meeting on or after it is
 * Thu 19 Nov (15 Oct ruled out). Report deadline 19 Nov less 5 working
 * days (18, 17, 16, 13, 12) = Thu 12 Nov; call-in 20, 23, 24, 25, 26 Nov
 * ends Thu 26 Nov; the notice follows on Fri 27 Nov. */
static void
forward_lands_on_next_meeting(void **state)
{
	struct tp_plan *p = forward_plan(*state, 30);
	struct tp_schedule *s = compute(p, TP_SCHEDULE_FORWARD);
	struct tp_reason r;
	struct tp_date bound;
	size_t ap = idx(p, "approval");
	char buf[300];

	assert_date(tp_schedule_early_finish(s, idx(p, "evaluation")),
		    TP_DATE(2026, 11, 11));
	assert_date(tp_schedule_early_start(s, ap), TP_DATE(2026, 11, 19));
	assert_date(tp_schedule_early_start(s, idx(p, "approval.report")),
		    TP_DATE(2026, 11, 12));
	assert_date(tp_schedule_early_start(s, idx(p, "approval.call-in")),
		    TP_DATE(2026, 11, 26));
	assert_date(tp_schedule_early_start(s, idx(p, "notice")),
		    TP_DATE(2026, 11, 27));
	/* moved from Wed 18 Nov, the earliest its links allow */
	assert_true(tp_schedule_meeting_bound(s, ap, TP_PASS_EARLY, &bound));
	assert_date(bound, TP_DATE(2026, 11, 18));
	assert_true(tp_schedule_early_reason(s, ap, &r));
	assert_int_equal(r.kind, TP_REASON_MEETING);
	assert_int_equal(r.index, 0);
	assert_date(r.from, TP_DATE(2026, 11, 18));
	tp_schedule_describe(s, ap, TP_PASS_EARLY, buf, sizeof(buf));
	assert_string_equal(buf, "earliest start 2026-11-19, set by the "
				 "meetings of 'cabinet' (Cabinet): the first "
				 "meeting on or after 2026-11-18, the earliest "
				 "its other rules allow");
	/* the report deadline follows the meeting chosen */
	assert_true(tp_schedule_early_reason(s, idx(p, "approval.report"), &r));
	assert_int_equal(r.kind, TP_REASON_REPORT_DUE);
	tp_schedule_describe(s, idx(p, "approval.report"), TP_PASS_EARLY, buf,
			     sizeof(buf));
	assert_string_equal(buf, "earliest start 2026-11-12, set by the "
				 "meeting 'approval' on 2026-11-19: reports "
				 "are due 5 working days before it");
	assert_false(tp_schedule_meeting_bound(s, idx(p, "notice"),
					       TP_PASS_EARLY, &bound));
	tp_schedule_free(s);
	tp_plan_free(p);
}

/* Evaluation 32 working days ends Fri 13 Nov: the meeting must be on or
 * after 16, 17, 18, 19, 20 Nov = Fri 20 Nov; 17 Dec is cancelled, so Thu
 * 21 Jan 2027. Report deadline 21 Jan less 20, 19, 18, 15, 14 = Thu 14
 * Jan; call-in 22, 25, 26, 27, 28 Jan ends Thu 28 Jan; the notice Fri 29
 * Jan. The report stage's late date is its early date (the meeting is
 * on the critical path), so it has no float; the evaluation may slip
 * to the report deadline: from Fri 13 Nov to Thu 14 Jan 2027, 41 working
 * days (13-30 Nov 12, December 21 without 25 and 28 Dec, 4-13 Jan 8). */
static void
forward_skips_cancelled_meeting(void **state)
{
	struct tp_plan *p = forward_plan(*state, 32);
	struct tp_schedule *s = compute(p, TP_SCHEDULE_FORWARD);
	size_t ev = idx(p, "evaluation");

	assert_date(tp_schedule_early_finish(s, ev), TP_DATE(2026, 11, 13));
	assert_on(s, "approval", TP_DATE(2027, 1, 21), TP_DATE(2027, 1, 21));
	assert_on(s, "approval.report", TP_DATE(2027, 1, 14),
		  TP_DATE(2027, 1, 14));
	assert_on(s, "approval.call-in", TP_DATE(2027, 1, 28),
		  TP_DATE(2027, 1, 28));
	assert_on(s, "notice", TP_DATE(2027, 1, 29), TP_DATE(2027, 1, 29));
	assert_date(tp_schedule_late_finish(s, ev), TP_DATE(2027, 1, 14));
	assert_int_equal(tp_schedule_total_float(s, ev), 41);
	tp_schedule_free(s);
	tp_plan_free(p);
}

/* ---- backward -------------------------------------------------------- */

/* evaluation 10wd -> approval (Cabinet) -> mobilisation 20wd ->
 * contract-start on @cs. */
static struct tp_plan *
backward_plan(const struct tp_calendar *cal, struct tp_date cs,
	      const struct tp_meeting_spec *series)
{
	struct tp_plan *p = NULL;
	struct tp_error err;
	assert_int_equal(tp_plan_new(&p, NULL), TP_OK);
	tp_plan_set_calendar(p, cal);
	assert_int_equal(tp_plan_set_contract_start(p, cs, NULL), TP_OK);
	if (series)
		assert_int_equal(
			tp_plan_add_meeting_series(p, series, NULL, NULL),
			TP_OK);
	else
		add_cabinet(p, 5, 5);
	assert_int_equal(tp_plan_add_stage(p, "evaluation", NULL,
					   TP_STAGE_EVALUATION, 10, WD, NULL,
					   NULL),
			 TP_OK);
	assert_int_equal(tp_plan_add_stage(p, "approval", NULL,
					   TP_STAGE_GOVERNANCE_APPROVAL, 0, WD,
					   NULL, NULL),
			 TP_OK);
	if (tp_plan_set_stage_meeting(p, 1, series ? series->id : "cabinet",
				      &err) != TP_OK)
		fail_msg("tie: %s", err.message);
	assert_int_equal(tp_plan_add_stage(p, "mobilisation", NULL,
					   TP_STAGE_MOBILISATION, 20, WD, NULL,
					   NULL),
			 TP_OK);
	assert_int_equal(tp_plan_add_stage(p, "contract-start", NULL,
					   TP_STAGE_CONTRACT_START, 0, WD, NULL,
					   NULL),
			 TP_OK);
	assert_int_equal(tp_plan_add_dependency(p, "evaluation", "approval",
						FS, 0, WD, NULL),
			 TP_OK);
	assert_int_equal(tp_plan_add_dependency(p, "approval", "mobilisation",
						FS, 0, WD, NULL),
			 TP_OK);
	assert_int_equal(tp_plan_add_dependency(p, "mobilisation",
						"contract-start", FS, 0, WD,
						NULL),
			 TP_OK);
	return p;
}

/* Contract start Mon 1 Mar 2027: mobilisation (20 working days) ends Fri
 * 26 Feb and starts Mon 1 Feb; the call-in must end by Fri 29 Jan, so the
 * meeting is on or before 28, 27, 26, 25, 22 Jan = Fri 22 Jan: the last
 * meeting on or before it is Thu 21 Jan (18 Feb ruled out). The report is
 * due Thu 14 Jan; the evaluation must finish by it and so starts by 14,
 * 13, 12, 11, 8, 7, 6, 5, 4 Jan, 31 Dec (1 Jan, 28 and 25 Dec are bank
 * holidays) = Thu 31 Dec 2026. */
static void
backward_lands_on_previous_meeting(void **state)
{
	struct tp_plan *p = backward_plan(*state, TP_DATE(2027, 3, 1), NULL);
	struct tp_schedule *s = compute(p, TP_SCHEDULE_AUTO);
	struct tp_date bound;
	struct tp_reason r;
	size_t ap = idx(p, "approval");

	assert_on(s, "approval", TP_DATE(2027, 1, 21), TP_DATE(2027, 1, 21));
	assert_true(tp_schedule_meeting_bound(s, ap, TP_PASS_LATE, &bound));
	assert_date(bound, TP_DATE(2027, 1, 22));
	assert_true(tp_schedule_late_reason(s, ap, &r));
	assert_int_equal(r.kind, TP_REASON_MEETING);
	assert_on(s, "approval.report", TP_DATE(2027, 1, 14),
		  TP_DATE(2027, 1, 14));
	assert_on(s, "evaluation", TP_DATE(2026, 12, 31),
		  TP_DATE(2026, 12, 31));
	/* The critical path ends at the meeting, which the calendar fixes;
	 * the day between 21 Jan and the 22nd it could have been is slack of
	 * the stages after it, which start as soon as they can: call-in ends
	 * 22, 25, 26, 27, 28 Jan (latest the 29th), mobilisation starts Fri
	 * 29 Jan (latest Mon 1 Feb), one working day of float each. */
	assert_on(s, "approval.call-in", TP_DATE(2027, 1, 28),
		  TP_DATE(2027, 1, 29));
	assert_on(s, "mobilisation", TP_DATE(2027, 1, 29), TP_DATE(2027, 2, 1));
	assert_int_equal(tp_schedule_total_float(s, idx(p, "mobilisation")), 1);
	assert_true(tp_schedule_is_critical(s, idx(p, "contract-start")));
	/* the latest day the timetable can start */
	assert_date(tp_schedule_plan_start(s), TP_DATE(2026, 12, 31));
	tp_schedule_free(s);
	tp_plan_free(p);
}

/* Contract start Mon 15 Feb 2027: mobilisation ends Fri 12 Feb and starts
 * Mon 18 Jan; the call-in must end by Fri 15 Jan, the meeting be on or
 * before 14, 13, 12, 11, 8 Jan = Fri 8 Jan: 17 Dec is cancelled, so the
 * last meeting is Thu 19 Nov 2026 (report due Thu 12 Nov). */
static void
backward_skips_cancelled_meeting(void **state)
{
	struct tp_plan *p = backward_plan(*state, TP_DATE(2027, 2, 15), NULL);
	struct tp_schedule *s = compute(p, TP_SCHEDULE_BACKWARD);
	assert_on(s, "approval", TP_DATE(2026, 11, 19), TP_DATE(2026, 11, 19));
	assert_on(s, "approval.report", TP_DATE(2026, 11, 12),
		  TP_DATE(2026, 11, 12));
	tp_schedule_free(s);
	tp_plan_free(p);
}

/* ---- no meeting at all ------------------------------------------------ */

static void
impossible_meeting_is_an_error(void **state)
{
	const struct tp_date only[] = {TP_DATE(2026, 11, 19)};
	const struct tp_date later[] = {TP_DATE(2027, 2, 18)};
	struct tp_meeting_spec m;
	struct tp_plan *p;
	struct tp_schedule *s = NULL;
	struct tp_error err;

	tp_meeting_spec_init(&m);
	m.id = "cabinet";
	m.name = "Cabinet";
	m.dates = only;
	m.n_dates = 1;
	/* Forward: evaluation 32 working days ends Fri 13 Nov (as above);
	 * with a lag of 4 working days the meeting is on or after 20 Nov; the
	 * only one is 19 Nov. */
	assert_int_equal(tp_plan_new(&p, NULL), TP_OK);
	tp_plan_set_calendar(p, *state);
	assert_int_equal(tp_plan_set_start_date(p, TP_DATE(2026, 10, 1), NULL),
			 TP_OK);
	assert_int_equal(tp_plan_add_meeting_series(p, &m, NULL, NULL), TP_OK);
	assert_int_equal(tp_plan_add_stage(p, "evaluation", NULL,
					   TP_STAGE_EVALUATION, 32, WD, NULL,
					   NULL),
			 TP_OK);
	assert_int_equal(tp_plan_add_stage(p, "approval", NULL,
					   TP_STAGE_GOVERNANCE_APPROVAL, 0, WD,
					   NULL, NULL),
			 TP_OK);
	assert_int_equal(tp_plan_set_stage_meeting(p, 1, "cabinet", NULL),
			 TP_OK);
	assert_int_equal(tp_plan_add_dependency(p, "evaluation", "approval",
						FS, 4, WD, NULL),
			 TP_OK);
	assert_int_equal(tp_schedule_compute(p, TP_SCHEDULE_FORWARD, &s, &err),
			 TP_ERR_RANGE);
	assert_null(s);
	assert_string_equal(err.stage, "approval");
	assert_string_equal(
		err.message,
		"stage 'approval': no meeting of 'cabinet' (Cabinet) on or "
		"after 2026-11-20 that it can start on (its last meeting is "
		"on 2026-11-19): add meetings to the series or change the "
		"dates the stage depends on");
	tp_plan_free(p);
	/* Backward from 1 Mar 2027: mobilisation starts Mon 1 Feb (as above)
	 * and this series has no call-in, so the meeting must be on or before
	 * Fri 29 Jan; the only one, later, is 18 Feb. */
	m.dates = later;
	p = backward_plan(*state, TP_DATE(2027, 3, 1), &m);
	assert_int_equal(tp_schedule_compute(p, TP_SCHEDULE_AUTO, &s, &err),
			 TP_ERR_RANGE);
	assert_string_equal(err.stage, "approval");
	assert_non_null(strstr(err.message, "on or before 2027-01-29"));
	assert_non_null(strstr(err.message, "its first meeting is on "
					    "2027-02-18"));
	tp_plan_free(p);
}

/* A meeting on a bank holiday is one the stage cannot start on: skipped,
 * forward and backward. Christmas Day 2026 is a Friday. */
static void
meeting_on_holiday_is_skipped(void **state)
{
	const struct tp_date dates[] = {TP_DATE(2026, 12, 18),
					       TP_DATE(2026, 12, 25),
					       TP_DATE(2027, 1, 8)};
	struct tp_meeting_spec m;
	struct tp_plan *p = NULL;
	struct tp_schedule *s;

	tp_meeting_spec_init(&m);
	m.id = "board";
	m.dates = dates;
	m.n_dates = 3;
	assert_int_equal(tp_plan_new(&p, NULL), TP_OK);
	tp_plan_set_calendar(p, *state);
	assert_int_equal(tp_plan_set_start_date(p, TP_DATE(2026, 12, 21), NULL),
			 TP_OK);
	assert_int_equal(tp_plan_set_contract_start(p, TP_DATE(2027, 1, 7),
						    NULL),
			 TP_OK);
	assert_int_equal(tp_plan_add_meeting_series(p, &m, NULL, NULL), TP_OK);
	assert_int_equal(tp_plan_add_stage(p, "decision", NULL,
					   TP_STAGE_GOVERNANCE_APPROVAL, 0, WD,
					   NULL, NULL),
			 TP_OK);
	assert_int_equal(tp_plan_set_stage_meeting(p, 0, "board", NULL), TP_OK);
	s = compute(p, TP_SCHEDULE_AUTO);
	/* on or after Mon 21 Dec: not Fri 25 Dec, so Fri 8 Jan; on or before
	 * Thu 7 Jan (a milestone may fall on the contract start): not 25 Dec,
	 * so Fri 18 Dec; 12 working days of overrun (18, 21, 22, 23, 24, 29,
	 * 30, 31 Dec, 4, 5, 6, 7 Jan) */
	assert_on(s, "decision", TP_DATE(2027, 1, 8), TP_DATE(2026, 12, 18));
	assert_int_equal(tp_schedule_total_float(s, 0), -12);
	tp_schedule_free(s);
	tp_plan_free(p);
}

/* ---- expanded as far as needed (#11) ----------------------------------- */

/* The rule's days straight from libical's iterator, less @except, with
 * @dates merged in: what the whole expansion must be. Started at noon:
 * libical 3.0.16 expands several rules wrongly from a DATE (see
 * lib/calendar/ical-recur-private.h); each rule below was also expanded
 * with python-dateutil from noon and agreed day for day. */
static size_t
reference_days(const char *rule, struct tp_date from,
	       const struct tp_date *dates, size_t n_dates,
	       const struct tp_date *except, size_t n_except, int32_t *out,
	       size_t cap)
{
	struct icalrecurrencetype r = icalrecurrencetype_from_string(rule);
	struct icaltimetype t0 = icaltime_null_time();
	size_t n = 0;
	tp_date_to_ymd(from, &t0.year, &t0.month, &t0.day);
	t0.is_date = 0;
	t0.hour = 12;
	if (!icaltime_is_null_time(r.until) && r.until.is_date) {
		r.until.is_date = 0;
		r.until.hour = 23;
		r.until.minute = 59;
	}
	icalrecur_iterator *it = icalrecur_iterator_new(r, t0);
	assert_non_null(it);
	for (;;) {
		struct icaltimetype t = icalrecur_iterator_next(it);
		struct tp_date d;
		bool cancelled = false;
		if (icaltime_is_null_time(t) || t.year > TP_YEAR_MAX)
			break;
		assert_int_equal(tp_date_from_ymd(t.year, t.month, t.day, &d,
						  NULL),
				 TP_OK);
		for (size_t i = 0; i < n_except; i++)
			cancelled |= except[i].day == d.day;
		if (!cancelled && (n == 0 || out[n - 1] != d.day)) {
			assert_true(n < cap);
			out[n++] = d.day;
		}
	}
	icalrecur_iterator_free(it);
	for (size_t i = 0; i < n_dates; i++) {
		size_t k = 0;
		while (k < n && out[k] < dates[i].day)
			k++;
		if (k < n && out[k] == dates[i].day)
			continue;
		assert_true(n < cap);
		memmove(out + k + 1, out + k, (n - k) * sizeof(*out));
		out[k] = dates[i].day;
		n++;
	}
	return n;
}

/* Asked for a few years at a time, in no order, the series gives exactly
 * the slices of the whole expansion. */
static void
windows_match_the_whole_rule(void **state)
{
	const struct {
		const char *rule;
		struct tp_date from;
	} rules[] = {
		{"FREQ=MONTHLY;BYDAY=3TH", TP_DATE(2026, 9, 1)},
		{"FREQ=WEEKLY;INTERVAL=6;BYDAY=TU", TP_DATE(2025, 1, 7)},
		{"FREQ=MONTHLY;INTERVAL=2;BYDAY=-1WE", TP_DATE(2024, 5, 1)},
		{"FREQ=YEARLY;INTERVAL=4", TP_DATE(2025, 1, 15)},
		{"FREQ=MONTHLY;BYMONTHDAY=31", TP_DATE(2025, 1, 31)},
		{"FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20400101", TP_DATE(2025, 1, 2)},
		{"FREQ=DAILY;INTERVAL=17", TP_DATE(2025, 1, 16)},
		{"FREQ=WEEKLY;INTERVAL=3", TP_DATE(2025, 1, 16)},
	};
	static const struct {
		int from, to;
	} windows[] = {{2027, 2027}, {2031, 2033}, {2100, 2100},
		       {2026, 2026}, {2199, 2199}, {1990, 2024},
		       {2028, 2030}, {2025, 2025}, {2034, 2099},
		       {2101, 2198}};
	static int32_t want[20000];
	size_t counts[8];
	const struct tp_date dates[] = {TP_DATE(2031, 7, 4),
					TP_DATE(2150, 6, 6)};
	(void)state;
	for (size_t r = 0; r < sizeof(rules) / sizeof(rules[0]); r++) {
		struct tp_plan *p = NULL;
		struct tp_meeting_spec m;
		size_t total = 0, seen = 0;
		tp_meeting_spec_init(&m);
		m.id = "s";
		m.rule = rules[r].rule;
		m.rule_from = rules[r].from;
		m.dates = dates;
		m.n_dates = 2;
		size_t nw = reference_days(m.rule, m.rule_from, dates, 2, NULL, 0,
					   want, 20000);
		assert_int_equal(tp_plan_new(&p, NULL), TP_OK);
		assert_int_equal(tp_plan_add_meeting_series(p, &m, NULL, NULL),
				 TP_OK);
		for (size_t w = 0; w < sizeof(windows) / sizeof(windows[0]);
		     w++) {
			struct tp_date a = TP_DATE(windows[w].from, 1, 1);
			struct tp_date b = TP_DATE(windows[w].to, 12, 31);
			size_t n = 0, k = 0;
			const struct tp_date *d =
				tp_plan_meeting_dates_between(p, 0, a, b, &n);
			while (k < nw && want[k] < a.day)
				k++;
			for (size_t i = 0; i < n; i++)
				if (d[i].day != want[k + i])
					fail_msg("%s, %d-%d: meeting %zu differs",
						 m.rule, windows[w].from,
						 windows[w].to, i);
			assert_true(k + n == nw || want[k + n] > b.day);
			seen += n;
		}
		/* the windows cover 1990 to 2199: every meeting once */
		assert_int_equal(seen, nw);
		const struct tp_date *all = tp_plan_meeting_dates(p, 0, &total);
		assert_int_equal(total, nw);
		for (size_t i = 0; i < total; i++)
			assert_int_equal(all[i].day, want[i]);
		counts[r] = total;
		tp_plan_free(p);
	}
	/* Counted by hand, with the two dates added (neither is a day of
	 * these rules): every fourth year from 2025 to 2197 is 44 years, so
	 * 46; every 17th day from 16 Jan 2025 to 31 Dec 2199 (63,901 days
	 * later: 3,758 steps and the first) is 3,759, so 3,761. */
	assert_int_equal(counts[3], 46);
	assert_int_equal(counts[6], 3761);
}

/* The Cabinet's third Thursdays from 1 Sep 2026 to Dec 2199 are 4 in
 * 2026 and 12 a year for 173 years: 2,080 (counted by hand), one of them
 * cancelled. An exception in 2150 is checked there: Thu 19 Mar 2150 is
 * the third Thursday (Debian's /usr/bin/python3, datetime), Wed 18 Mar
 * is not. */
static void
far_exceptions_are_checked(void **state)
{
	const struct tp_date good[] = {TP_DATE(2150, 3, 19)};
	const struct tp_date bad[] = {TP_DATE(2150, 3, 18)};
	struct tp_plan *p = NULL;
	struct tp_meeting_spec m;
	struct tp_error err;
	size_t n = 0;
	(void)state;
	assert_int_equal(tp_plan_new(&p, NULL), TP_OK);
	tp_meeting_spec_init(&m);
	m.id = "cabinet";
	m.rule = "FREQ=MONTHLY;BYDAY=3TH";
	m.rule_from = TP_DATE(2026, 9, 1);
	m.except = bad;
	m.n_except = 1;
	assert_int_equal(tp_plan_add_meeting_series(p, &m, NULL, &err),
			 TP_ERR_INVALID);
	assert_non_null(strstr(err.message, "2150-03-18 is not one of its "
					    "meetings"));
	m.except = good;
	assert_int_equal(tp_plan_add_meeting_series(p, &m, NULL, &err), TP_OK);
	const struct tp_date *d = tp_plan_meeting_dates_between(
		p, 0, TP_DATE(2150, 2, 1), TP_DATE(2150, 4, 30), &n);
	assert_int_equal(n, 2);
	assert_date(d[0], TP_DATE(2150, 2, 19));
	assert_date(d[1], TP_DATE(2150, 4, 16));
	assert_non_null(tp_plan_meeting_dates(p, 0, &n));
	assert_int_equal(n, 2079);
	/* an empty or upside-down range */
	assert_null(tp_plan_meeting_dates_between(p, 0, TP_DATE(2150, 3, 19),
						  TP_DATE(2150, 3, 19), &n));
	assert_int_equal(n, 0);
	assert_null(tp_plan_meeting_dates_between(p, 0, TP_DATE(2150, 4, 1),
						  TP_DATE(2150, 3, 1), &n));
	assert_null(tp_plan_meeting_dates_between(p, 1, TP_DATE(2150, 1, 1),
						  TP_DATE(2150, 12, 31), &n));
	tp_plan_free(p);
}

/* A tender in 2061 on a Cabinet series that began in 2026: forward from
 * Tue 1 Mar 2061, 10 working days of evaluation end Mon 14 Mar; the
 * report is due 5 working days before the meeting, so the meeting is on
 * or after 15, 16, 17, 18, 21 Mar = Mon 21 Mar, and the next third
 * Thursday is 21 Apr 2061 (python datetime; Easter Monday is 11 Apr);
 * the report is due 20, 19, 18, 15, 14 Apr = Thu 14 Apr. */
static void
meeting_decades_after_the_rule_starts(void **state)
{
	struct tp_plan *p = forward_plan(*state, 10);
	struct tp_schedule *s;
	assert_int_equal(tp_plan_set_start_date(p, TP_DATE(2061, 3, 1), NULL),
			 TP_OK);
	s = compute(p, TP_SCHEDULE_FORWARD);
	assert_date(tp_schedule_early_start(s, idx(p, "approval")),
		    TP_DATE(2061, 4, 21));
	assert_date(tp_schedule_early_start(s, idx(p, "approval.report")),
		    TP_DATE(2061, 4, 14));
	tp_schedule_free(s);
	tp_plan_free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(monthly_series_with_exception),
		cmocka_unit_test(explicit_dates_and_rule_together),
		cmocka_unit_test(series_errors),
		cmocka_unit_test(report_and_call_in_stages),
		cmocka_unit_test(derived_id_taken_or_too_long),
		cmocka_unit_test(forward_lands_on_next_meeting),
		cmocka_unit_test(forward_skips_cancelled_meeting),
		cmocka_unit_test(backward_lands_on_previous_meeting),
		cmocka_unit_test(backward_skips_cancelled_meeting),
		cmocka_unit_test(impossible_meeting_is_an_error),
		cmocka_unit_test(meeting_on_holiday_is_skipped),
		cmocka_unit_test(windows_match_the_whole_rule),
		cmocka_unit_test(far_exceptions_are_checked),
		cmocka_unit_test(meeting_decades_after_the_rule_starts),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
