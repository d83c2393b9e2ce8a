/* SPDX-License-Identifier: MIT */
/* Scheduling. Every expected date was worked out by hand on a printed 2025
 * (2013, 2026) calendar with the England and Wales bank holidays from
 * ../shared/reference/uk-bank-holidays.md section 4 (2025: Good Friday
 * 18 Apr, Easter Monday 21 Apr, early May 5 May, spring 26 May, summer
 * 25 Aug, Christmas 25 and Boxing Day 26 Dec; 2013: Good Friday 29 Mar,
 * Easter Monday 1 Apr), weekdays checked with Python's
 * datetime.date.isoweekday(). The reasoning is in the comment beside each
 * case; the conventions are those of tp-schedule.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <tenderplan/tenderplan.h>

#define WD TP_UNIT_WORKING_DAYS
#define CD TP_UNIT_CALENDAR_DAYS
#define FS TP_DEP_FINISH_TO_START
#define SS TP_DEP_START_TO_START
#define FF TP_DEP_FINISH_TO_FINISH
#define SF TP_DEP_START_TO_FINISH

struct fixture {
	struct tp_calendar *cal;     /* England and Wales */
	struct tp_calendar *closure; /* the same + 22 Dec 2025 - 2 Jan 2026 */
	struct tp_calendar *uk;      /* a bank holiday anywhere in the UK */
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct tp_calendar_builder *b = NULL;
	assert_non_null(f);
	assert_int_equal(tp_calendar_new_region(TP_REGION_ENGLAND_AND_WALES,
						&f->cal, NULL),
			 TP_OK);
	assert_int_equal(tp_calendar_builder_new(&b, NULL), TP_OK);
	assert_int_equal(tp_calendar_builder_add_closure(
				 b, TP_DATE(2025, 12, 22), TP_DATE(2026, 1, 2),
				 "Christmas closure", NULL),
			 TP_OK);
	assert_int_equal(tp_calendar_builder_build(b, &f->closure, NULL),
			 TP_OK);
	tp_calendar_builder_free(b);
	assert_int_equal(tp_calendar_new_region(TP_REGION_UK, &f->uk, NULL),
			 TP_OK);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	tp_calendar_free(f->cal);
	tp_calendar_free(f->closure);
	tp_calendar_free(f->uk);
	free(f);
	return 0;
}

/* ---- helpers ----------------------------------------------------------- */

static struct tp_plan *
new_plan(const struct tp_calendar *cal, struct tp_date start)
{
	struct tp_plan *p = NULL;
	assert_int_equal(tp_plan_new(&p, NULL), TP_OK);
	tp_plan_set_calendar(p, cal);
	assert_int_equal(tp_plan_set_start_date(p, start, NULL), TP_OK);
	return p;
}

static void
stage(struct tp_plan *p, const char *id, int32_t amount, enum tp_unit unit)
{
	assert_int_equal(tp_plan_add_stage(p, id, NULL, TP_STAGE_CUSTOM, amount,
					   unit, NULL, NULL),
			 TP_OK);
}

static void
dep(struct tp_plan *p, const char *from, const char *to, enum tp_dep_type type,
    int32_t lag, enum tp_unit unit)
{
	assert_int_equal(
		tp_plan_add_dependency(p, from, to, type, lag, unit, NULL),
		TP_OK);
}

static void
constrain(struct tp_plan *p, const char *id, enum tp_constraint_type t,
	  struct tp_date d)
{
	assert_int_equal(tp_plan_add_constraint(p, id, t, d, NULL), TP_OK);
}

static struct tp_schedule *
compute(const struct tp_plan *p, enum tp_schedule_mode mode)
{
	struct tp_schedule *s = NULL;
	struct tp_error err = {0};
	enum tp_status rc = tp_schedule_compute(p, mode, &s, &err);
	if (rc != TP_OK)
		fail_msg("schedule failed: %s", err.message);
	return s;
}

static size_t
idx(const struct tp_plan *p, const char *id)
{
	size_t i = 0;
	assert_true(tp_plan_find_stage(p, id, &i));
	return i;
}

#define assert_date(got, want) assert_int_equal((got).day, (want).day)

static void
assert_early(const struct tp_schedule *s, const char *id, struct tp_date es,
	     struct tp_date ef)
{
	size_t i = idx(tp_schedule_plan(s), id);
	assert_date(tp_schedule_early_start(s, i), es);
	assert_date(tp_schedule_early_finish(s, i), ef);
}

static void
assert_late(const struct tp_schedule *s, const char *id, struct tp_date ls,
	    struct tp_date lf)
{
	size_t i = idx(tp_schedule_plan(s), id);
	assert_date(tp_schedule_late_start(s, i), ls);
	assert_date(tp_schedule_late_finish(s, i), lf);
}

/* Plan: A, 3 working days, held to start Tue 15 Apr 2025 by a
 * start-no-earlier-than constraint (the plan starts Tue 1 Apr, so negative
 * lags have room), so A runs Tue 15, Wed 16, Thu 17 Apr. B, @b_amount in
 * @b_unit, linked from A. Returns B's early start and finish. */
static void
two_stage(const struct fixture *f, enum tp_dep_type type, int32_t lag,
	  enum tp_unit lag_unit, int32_t b_amount, enum tp_unit b_unit,
	  struct tp_date es, struct tp_date ef)
{
	struct tp_plan *p = new_plan(f->cal, TP_DATE(2025, 4, 1));
	stage(p, "A", 3, WD);
	stage(p, "B", b_amount, b_unit);
	constrain(p, "A", TP_CONSTRAINT_START_NO_EARLIER_THAN,
		  TP_DATE(2025, 4, 15));
	dep(p, "A", "B", type, lag, lag_unit);
	struct tp_schedule *s = compute(p, TP_SCHEDULE_FORWARD);
	assert_early(s, "A", TP_DATE(2025, 4, 15), TP_DATE(2025, 4, 17));
	assert_early(s, "B", es, ef);
	tp_schedule_free(s);
	tp_plan_free(p);
}

/* ---- durations --------------------------------------------------------- */

static void
durations(void **state)
{
	const struct fixture *f = *state;
	struct tp_plan *p = new_plan(f->cal, TP_DATE(2025, 4, 7));
	stage(p, "wd5", 5, WD);
	stage(p, "ms", 0, WD);
	stage(p, "cd5", 5, CD);
	stage(p, "wk2", 2, TP_UNIT_WEEKS);
	stage(p, "m1", 1, TP_UNIT_MONTHS);
	stage(p, "cd5e", 5, CD);
	constrain(p, "cd5e", TP_CONSTRAINT_START_NO_EARLIER_THAN,
		  TP_DATE(2025, 4, 15));
	struct tp_schedule *s = compute(p, TP_SCHEDULE_FORWARD);
	/* Mon 7 Apr + 5 working days inclusive: Mon..Fri 11 Apr. */
	assert_early(s, "wd5", TP_DATE(2025, 4, 7), TP_DATE(2025, 4, 11));
	/* A milestone starts and finishes on the same day. */
	assert_early(s, "ms", TP_DATE(2025, 4, 7), TP_DATE(2025, 4, 7));
	/* 5 calendar days from Mon 7: 7..11 Apr, Fri 11 a working day. */
	assert_early(s, "cd5", TP_DATE(2025, 4, 7), TP_DATE(2025, 4, 11));
	/* 2 weeks = 14 days: 7 + 13 = Sun 20 Apr, then Easter Monday 21,
	 * so the period runs to Tue 22 Apr. */
	assert_early(s, "wk2", TP_DATE(2025, 4, 7), TP_DATE(2025, 4, 22));
	/* 1 month from 7 Apr: 7 May - 1 day = Tue 6 May (Mon 5 May is the
	 * early May bank holiday, Tue 6 a working day). */
	assert_early(s, "m1", TP_DATE(2025, 4, 7), TP_DATE(2025, 5, 6));
	/* Tue 15 + 4 = Sat 19 Apr; Sun 20, Mon 21 (Easter Monday) are not
	 * working days: the period ends Tue 22 Apr. */
	assert_early(s, "cd5e", TP_DATE(2025, 4, 15), TP_DATE(2025, 4, 22));
	tp_schedule_free(s);
	tp_plan_free(p);
	p = new_plan(f->cal, TP_DATE(2025, 1, 31));
	stage(p, "m1jan", 1, TP_UNIT_MONTHS);
	s = compute(p, TP_SCHEDULE_FORWARD);
	/* Fri 31 Jan + 1 month = 28 Feb (clamped) - 1 = Thu 27 Feb 2025. */
	assert_early(s, "m1jan", TP_DATE(2025, 1, 31), TP_DATE(2025, 2, 27));
	tp_schedule_free(s);
	tp_plan_free(p);
}

static void
start_on_non_working_day_moves_forward(void **state)
{
	const struct fixture *f = *state;
	/* The plan starts on Good Friday 18 Apr 2025; stages start on working
	 * days, so the first one starts Tue 22 Apr (after Easter Monday). */
	struct tp_plan *p = new_plan(f->cal, TP_DATE(2025, 4, 18));
	stage(p, "a", 1, WD);
	struct tp_schedule *s = compute(p, TP_SCHEDULE_AUTO);
	assert_early(s, "a", TP_DATE(2025, 4, 22), TP_DATE(2025, 4, 22));
	struct tp_reason r;
	assert_true(tp_schedule_early_reason(s, 0, &r));
	assert_int_equal(r.kind, TP_REASON_START_DATE);
	assert_date(r.from, TP_DATE(2025, 4, 18));
	tp_schedule_free(s);
	tp_plan_free(p);
}

/* ---- dependency types -------------------------------------------------- */

static void
finish_to_start(void **state)
{
	const struct fixture *f = *state;
	/* A finishes Thu 17 Apr. The day after, in working days, is Tue 22
	 * (Fri 18 Good Friday, weekend, Mon 21 Easter Monday). B: 2 working
	 * days from Tue 22 = Tue 22, Wed 23. */
	two_stage(f, FS, 0, WD, 2, WD, TP_DATE(2025, 4, 22),
		  TP_DATE(2025, 4, 23));
	/* Lag +2 working days: Tue 22 + 2 = Thu 24. */
	two_stage(f, FS, 2, WD, 1, WD, TP_DATE(2025, 4, 24),
		  TP_DATE(2025, 4, 24));
	/* Lag -1: the day after minus one working day = Thu 17 itself. */
	two_stage(f, FS, -1, WD, 1, WD, TP_DATE(2025, 4, 17),
		  TP_DATE(2025, 4, 17));
	/* Lag -2: Wed 16. */
	two_stage(f, FS, -2, WD, 1, WD, TP_DATE(2025, 4, 16),
		  TP_DATE(2025, 4, 16));
	/* Calendar lag 0: Fri 18 is not a working day -> Tue 22. */
	two_stage(f, FS, 0, CD, 0, WD, TP_DATE(2025, 4, 22),
		  TP_DATE(2025, 4, 22));
	/* Calendar lag +5: Fri 18 + 5 = Wed 23, a working day. */
	two_stage(f, FS, 5, CD, 0, WD, TP_DATE(2025, 4, 23),
		  TP_DATE(2025, 4, 23));
	/* Calendar lag -3: Fri 18 - 3 = Tue 15. */
	two_stage(f, FS, -3, CD, 0, WD, TP_DATE(2025, 4, 15),
		  TP_DATE(2025, 4, 15));
}

static void
start_to_start(void **state)
{
	const struct fixture *f = *state;
	/* A starts Tue 15 Apr. Lag 0: B starts Tue 15; 3 calendar days
	 * 15..17, Thu 17 working. */
	two_stage(f, SS, 0, WD, 3, CD, TP_DATE(2025, 4, 15),
		  TP_DATE(2025, 4, 17));
	/* Lag +3 working days from Tue 15: Wed 16, Thu 17, Tue 22. */
	two_stage(f, SS, 3, WD, 1, WD, TP_DATE(2025, 4, 22),
		  TP_DATE(2025, 4, 22));
	/* Lag -1 working day: Mon 14. */
	two_stage(f, SS, -1, WD, 1, WD, TP_DATE(2025, 4, 14),
		  TP_DATE(2025, 4, 14));
	/* Calendar lag -3: Sat 12 -> next working day Mon 14. */
	two_stage(f, SS, -3, CD, 1, WD, TP_DATE(2025, 4, 14),
		  TP_DATE(2025, 4, 14));
	/* Calendar lag +4: Sat 19 -> Sun, Easter Monday -> Tue 22. */
	two_stage(f, SS, 4, CD, 1, WD, TP_DATE(2025, 4, 22),
		  TP_DATE(2025, 4, 22));
}

static void
finish_to_finish(void **state)
{
	const struct fixture *f = *state;
	/* A finishes Thu 17. Lag 0: B (3 wd) finishes no earlier than Thu
	 * 17, so starts Tue 15 (15, 16, 17). */
	two_stage(f, FF, 0, WD, 3, WD, TP_DATE(2025, 4, 15),
		  TP_DATE(2025, 4, 17));
	/* Lag +1: finish >= Tue 22; 3 wd ending Tue 22 start Wed 16
	 * (16, 17, 22). */
	two_stage(f, FF, 1, WD, 3, WD, TP_DATE(2025, 4, 16),
		  TP_DATE(2025, 4, 22));
	/* Lag -2: finish >= Tue 15; 3 wd ending Tue 15 start Fri 11
	 * (11, 14, 15). */
	two_stage(f, FF, -2, WD, 3, WD, TP_DATE(2025, 4, 11),
		  TP_DATE(2025, 4, 15));
	/* B is 5 calendar days, finish >= Thu 17. A calendar-day stage may
	 * start on any day (tp-schedule.h, "Days"): starting Sat 12 it would
	 * end Wed 16 (too early); starting Sun 13 it ends Thu 17: the
	 * earliest start is Sun 13. */
	two_stage(f, FF, 0, WD, 5, CD, TP_DATE(2025, 4, 13),
		  TP_DATE(2025, 4, 17));
	/* Calendar lag +2: Thu 17 + 2 = Sat 19 -> Tue 22 finish; 1 wd. */
	two_stage(f, FF, 2, CD, 1, WD, TP_DATE(2025, 4, 22),
		  TP_DATE(2025, 4, 22));
}

static void
start_to_finish(void **state)
{
	const struct fixture *f = *state;
	/* A starts Tue 15. Lag 0: B may finish on the working day before,
	 * Mon 14; 2 wd ending Mon 14 start Fri 11. */
	two_stage(f, SF, 0, WD, 2, WD, TP_DATE(2025, 4, 11),
		  TP_DATE(2025, 4, 14));
	/* Lag +3: Mon 14 + 3 wd = Thu 17; 2 wd ending Thu 17 start Wed 16. */
	two_stage(f, SF, 3, WD, 2, WD, TP_DATE(2025, 4, 16),
		  TP_DATE(2025, 4, 17));
	/* Lag +4: Mon 14 + 4 wd = Tue 22 (Easter skipped); start Thu 17. */
	two_stage(f, SF, 4, WD, 2, WD, TP_DATE(2025, 4, 17),
		  TP_DATE(2025, 4, 22));
	/* Lag -2: Mon 14 - 2 wd = Thu 10; a milestone on Thu 10. */
	two_stage(f, SF, -2, WD, 0, WD, TP_DATE(2025, 4, 10),
		  TP_DATE(2025, 4, 10));
	/* Calendar lag +5: the day before is Mon 14, + 5 = Sat 19 -> Tue
	 * 22; milestone. */
	two_stage(f, SF, 5, CD, 0, WD, TP_DATE(2025, 4, 22),
		  TP_DATE(2025, 4, 22));
}

/* ---- closures, reasons, skipped days ----------------------------------- */

static int
collect(struct tp_date d, const struct tp_day_info *info, void *user)
{
	struct tp_date *out = user;
	size_t i = 0;
	while (out[i].day != 0)
		i++;
	assert_false(info->working);
	out[i] = d;
	return 0;
}

static void
christmas_closure(void **state)
{
	const struct fixture *f = *state;
	struct tp_plan *p = new_plan(f->closure, TP_DATE(2025, 12, 17));
	stage(p, "eval", 5, WD);
	stage(p, "period", 10, CD);
	stage(p, "report", 1, WD);
	dep(p, "eval", "report", FS, 0, WD);
	constrain(p, "period", TP_CONSTRAINT_START_NO_EARLIER_THAN,
		  TP_DATE(2025, 12, 18));
	struct tp_schedule *s = compute(p, TP_SCHEDULE_FORWARD);
	/* Wed 17, Thu 18, Fri 19 Dec, then closed 22 Dec - 2 Jan: Mon 5 and
	 * Tue 6 Jan 2026. */
	assert_early(s, "eval", TP_DATE(2025, 12, 17), TP_DATE(2026, 1, 6));
	/* Thu 18 + 9 = Sat 27 Dec, inside the closure: ends Mon 5 Jan. */
	assert_early(s, "period", TP_DATE(2025, 12, 18), TP_DATE(2026, 1, 5));
	assert_early(s, "report", TP_DATE(2026, 1, 7), TP_DATE(2026, 1, 7));
	/* The non-working days inside eval: 20 Dec to 4 Jan, 16 days. */
	struct tp_date days[40] = {{0}};
	int stopped = -1;
	assert_int_equal(tp_schedule_foreach_skipped(s, idx(p, "eval"),
						     TP_PASS_EARLY, collect,
						     days, &stopped, NULL),
			 TP_OK);
	assert_int_equal(stopped, 0);
	for (int i = 0; i < 16; i++)
		assert_int_equal(days[i].day, TP_DATE(2025, 12, 20).day + i);
	assert_int_equal(days[16].day, 0);
	int32_t n = 0;
	assert_int_equal(tp_schedule_working_days(s, idx(p, "eval"),
						  TP_PASS_EARLY, &n, NULL),
			 TP_OK);
	assert_int_equal(n, 5);
	tp_schedule_free(s);
	tp_plan_free(p);
}

static void
reasons_and_skipped_easter(void **state)
{
	const struct fixture *f = *state;
	struct tp_plan *p = new_plan(f->cal, TP_DATE(2025, 4, 15));
	stage(p, "A", 3, WD);
	stage(p, "B", 2, WD);
	stage(p, "C", 1, WD);
	dep(p, "A", "B", FS, 0, WD);
	dep(p, "A", "C", SS, 0, WD);
	constrain(p, "C", TP_CONSTRAINT_START_NO_EARLIER_THAN,
		  TP_DATE(2025, 4, 16));
	struct tp_schedule *s = compute(p, TP_SCHEDULE_FORWARD);
	struct tp_reason r;
	/* A from the start date, B from dependency 0 counting from A's
	 * finish Thu 17 Apr, C from its constraint (Wed 16 > Tue 15). */
	assert_true(tp_schedule_early_reason(s, idx(p, "A"), &r));
	assert_int_equal(r.kind, TP_REASON_START_DATE);
	assert_true(tp_schedule_early_reason(s, idx(p, "B"), &r));
	assert_int_equal(r.kind, TP_REASON_DEPENDENCY);
	assert_int_equal(r.index, 0);
	assert_date(r.from, TP_DATE(2025, 4, 17));
	assert_false(r.on_finish);
	assert_true(tp_schedule_early_reason(s, idx(p, "C"), &r));
	assert_int_equal(r.kind, TP_REASON_CONSTRAINT);
	assert_int_equal(r.index, 0);
	/* B was moved over Good Friday, the weekend and Easter Monday. */
	struct tp_date days[8] = {{0}};
	assert_int_equal(tp_schedule_foreach_skipped(s, idx(p, "B"),
						     TP_PASS_EARLY, collect,
						     days, NULL, NULL),
			 TP_OK);
	assert_date(days[0], TP_DATE(2025, 4, 18));
	assert_date(days[3], TP_DATE(2025, 4, 21));
	assert_int_equal(days[4].day, 0);
	/* Forward only: late dates come from the plan's finish, Wed 23 (B).
	 * A's late reason is its link to B; B's the plan finish. */
	assert_true(tp_schedule_late_reason(s, idx(p, "B"), &r));
	assert_int_equal(r.kind, TP_REASON_PLAN_FINISH);
	assert_true(tp_schedule_late_reason(s, idx(p, "A"), &r));
	assert_int_equal(r.kind, TP_REASON_DEPENDENCY);
	assert_date(r.from, TP_DATE(2025, 4, 22));
	assert_true(r.on_finish);
	/* The same, as sentences for --explain. */
	char buf[256];
	assert_string_equal(tp_schedule_describe(s, idx(p, "B"), TP_PASS_EARLY,
						 buf, sizeof(buf)),
			    "earliest start 2025-04-22, set by finish-to-start "
			    "from 'A' (finish 2025-04-17, lag 0 working days)");
	assert_string_equal(tp_schedule_describe(s, idx(p, "C"), TP_PASS_EARLY,
						 buf, sizeof(buf)),
			    "earliest start 2025-04-16, set by constraint "
			    "start-no-earlier-than 2025-04-16");
	assert_string_equal(
		tp_schedule_describe(s, idx(p, "A"), TP_PASS_EARLY, buf,
				     sizeof(buf)),
		"earliest start 2025-04-15, set by the plan's start "
		"date 2025-04-15");
	assert_string_equal(tp_schedule_describe(s, idx(p, "A"), TP_PASS_LATE,
						 buf, sizeof(buf)),
			    "latest finish 2025-04-17, set by finish-to-start "
			    "to 'B' (start 2025-04-22, lag 0 working days)");
	assert_string_equal(tp_schedule_describe(s, idx(p, "B"), TP_PASS_LATE,
						 buf, sizeof(buf)),
			    "latest finish 2025-04-23, set by the plan's "
			    "earliest finish 2025-04-23");
	/* Truncated, still terminated. */
	assert_int_equal(
		strlen(tp_schedule_describe(s, 1, TP_PASS_EARLY, buf, 10)), 9);
	tp_schedule_free(s);
	tp_plan_free(p);
}

/* ---- backward scheduling and float ------------------------------------- */

static struct tp_plan *
award_plan(const struct tp_calendar *cal)
{
	struct tp_plan *p = NULL;
	assert_int_equal(tp_plan_new(&p, NULL), TP_OK);
	tp_plan_set_calendar(p, cal);
	stage(p, "advert", 0, WD);
	stage(p, "tender", 30, CD);
	stage(p, "award", 0, WD);
	stage(p, "mobilise", 10, WD);
	stage(p, "start", 0, WD);
	dep(p, "advert", "tender", SS, 0, WD);
	dep(p, "tender", "award", FS, 0, WD);
	dep(p, "award", "mobilise", FS, 0, WD);
	dep(p, "mobilise", "start", FS, 0, WD);
	return p;
}

static void
backward_from_easter_monday(void **state)
{
	const struct fixture *f = *state;
	struct tp_plan *p = award_plan(f->cal);
	/* Thurrock's contract start, Mon 1 Apr 2013, was Easter Monday; the
	 * latest working day on or before it is Thu 28 Mar (Good Friday 29). */
	assert_int_equal(
		tp_plan_set_contract_start(p, TP_DATE(2013, 4, 1), NULL),
		TP_OK);
	struct tp_schedule *s = compute(p, TP_SCHEDULE_AUTO);
	assert_false(tp_schedule_has_start_date(s));
	assert_late(s, "start", TP_DATE(2013, 3, 28), TP_DATE(2013, 3, 28));
	/* mobilise ends the working day before, Wed 27 Mar; 10 wd back:
	 * 27, 26, 25, 22, 21, 20, 19, 18, 15, 14 -> starts Thu 14 Mar. */
	assert_late(s, "mobilise", TP_DATE(2013, 3, 14), TP_DATE(2013, 3, 27));
	/* award the working day before, Wed 13 Mar. */
	assert_late(s, "award", TP_DATE(2013, 3, 13), TP_DATE(2013, 3, 13));
	/* tender ends by Tue 12 Mar: 30 calendar days ending then start
	 * 12 Mar - 29 = Mon 11 Feb 2013 (a working day). */
	assert_late(s, "tender", TP_DATE(2013, 2, 11), TP_DATE(2013, 3, 12));
	/* The latest day to advertise: Mon 11 Feb 2013. */
	assert_late(s, "advert", TP_DATE(2013, 2, 11), TP_DATE(2013, 2, 11));
	/* With no start date, the early dates run from that day: float 0. */
	for (size_t i = 0; i < 5; i++) {
		assert_int_equal(tp_schedule_total_float(s, i), 0);
		assert_true(tp_schedule_is_critical(s, i));
	}
	size_t n = 0;
	const size_t *path = tp_schedule_critical_path(s, &n);
	assert_int_equal(n, 5);
	for (size_t i = 0; i < 5; i++)
		assert_int_equal(path[i], i);
	struct tp_reason r;
	assert_true(tp_schedule_late_reason(s, idx(p, "start"), &r));
	assert_int_equal(r.kind, TP_REASON_CONTRACT_START);
	assert_date(r.from, TP_DATE(2013, 4, 1));
	assert_true(tp_schedule_early_reason(s, idx(p, "advert"), &r));
	assert_int_equal(r.kind, TP_REASON_PLAN_START);
	assert_int_equal(tp_schedule_diagnostic_count(s), 0);
	tp_schedule_free(s);
	tp_plan_free(p);
}

static void
both_anchors_slack_and_overrun(void **state)
{
	const struct fixture *f = *state;
	struct tp_plan *p = award_plan(f->cal);
	assert_int_equal(
		tp_plan_set_contract_start(p, TP_DATE(2013, 4, 1), NULL),
		TP_OK);
	/* Advertising Fri 8 Feb, 1 working day before the latest (Mon 11):
	 * 1 working day of slack on every stage. */
	assert_int_equal(tp_plan_set_start_date(p, TP_DATE(2013, 2, 8), NULL),
			 TP_OK);
	struct tp_schedule *s = compute(p, TP_SCHEDULE_AUTO);
	assert_true(tp_schedule_has_start_date(s));
	assert_true(tp_schedule_has_contract_start(s));
	assert_int_equal(tp_schedule_min_float(s), 1);
	assert_int_equal(tp_schedule_total_float(s, idx(p, "advert")), 1);
	assert_int_equal(tp_schedule_diagnostic_count(s), 0);
	tp_schedule_free(s);
	/* Advertising Wed 13 Feb is 2 working days too late: the tender
	 * ends 13 Feb + 29 = Thu 14 Mar, award Fri 15, mobilise 10 wd from
	 * Mon 18: 18-22, 25-28 Mar (9), then Good Friday 29 Mar and Easter
	 * Monday 1 Apr, Tue 2 Apr (10); start Wed 3 Apr. Working days from
	 * Thu 28 Mar to Wed 3 Apr: 28 Mar and 2 Apr, so 2 over. */
	assert_int_equal(tp_plan_set_start_date(p, TP_DATE(2013, 2, 13), NULL),
			 TP_OK);
	s = compute(p, TP_SCHEDULE_AUTO);
	assert_early(s, "start", TP_DATE(2013, 4, 3), TP_DATE(2013, 4, 3));
	assert_int_equal(tp_schedule_min_float(s), -2);
	assert_int_equal(tp_schedule_diagnostic_count(s), 1);
	const struct tp_diagnostic *d = tp_schedule_diagnostic(s, 0);
	assert_int_equal(d->kind, TP_DIAGNOSTIC_CONTRACT_START);
	assert_int_equal(d->overrun, 2);
	assert_int_equal(d->stage, idx(p, "start"));
	assert_non_null(strstr(d->message, "2013-04-01"));
	tp_schedule_free(s);
	/* TP_SCHEDULE_FORWARD ignores the contract start: no overrun. */
	s = compute(p, TP_SCHEDULE_FORWARD);
	assert_int_equal(tp_schedule_min_float(s), 0);
	assert_int_equal(tp_schedule_diagnostic_count(s), 0);
	tp_schedule_free(s);
	tp_plan_free(p);
}

static void
free_float_diamond(void **state)
{
	const struct fixture *f = *state;
	/* Mon 2 Jun 2025: a (2 wd) -> b (5 wd) -> d (1 wd), a -> c (1 wd)
	 * -> d. a: 2, 3 Jun; b: 4-10 Jun; c: 4 Jun; d: 11 Jun. c can slip
	 * to Tue 10 Jun without moving d: 4 working days of free and total
	 * float. */
	struct tp_plan *p = new_plan(f->cal, TP_DATE(2025, 6, 2));
	stage(p, "a", 2, WD);
	stage(p, "b", 5, WD);
	stage(p, "c", 1, WD);
	stage(p, "d", 1, WD);
	dep(p, "a", "b", FS, 0, WD);
	dep(p, "a", "c", FS, 0, WD);
	dep(p, "b", "d", FS, 0, WD);
	dep(p, "c", "d", FS, 0, WD);
	struct tp_schedule *s = compute(p, TP_SCHEDULE_FORWARD);
	assert_early(s, "b", TP_DATE(2025, 6, 4), TP_DATE(2025, 6, 10));
	assert_early(s, "d", TP_DATE(2025, 6, 11), TP_DATE(2025, 6, 11));
	assert_late(s, "c", TP_DATE(2025, 6, 10), TP_DATE(2025, 6, 10));
	assert_int_equal(tp_schedule_total_float(s, idx(p, "c")), 4);
	assert_int_equal(tp_schedule_free_float(s, idx(p, "c")), 4);
	assert_int_equal(tp_schedule_total_float(s, idx(p, "b")), 0);
	assert_false(tp_schedule_is_critical(s, idx(p, "c")));
	size_t n = 0;
	const size_t *path = tp_schedule_critical_path(s, &n);
	assert_int_equal(n, 3);
	assert_int_equal(path[0], idx(p, "a"));
	assert_int_equal(path[1], idx(p, "b"));
	assert_int_equal(path[2], idx(p, "d"));
	tp_schedule_free(s);
	/* Now c also feeds d through e (2 wd): e runs 5, 6 Jun at the
	 * earliest, at the latest 9, 10 Jun (d on 11), so c must finish by
	 * Fri 6: total float 2 (4, 5 Jun), free float 0 (e follows at once). */
	stage(p, "e", 2, WD);
	dep(p, "c", "e", FS, 0, WD);
	dep(p, "e", "d", FS, 0, WD);
	s = compute(p, TP_SCHEDULE_FORWARD);
	assert_int_equal(tp_schedule_free_float(s, idx(p, "c")), 0);
	assert_int_equal(tp_schedule_total_float(s, idx(p, "c")), 2);
	tp_schedule_free(s);
	tp_plan_free(p);
}

/* ---- constraints ------------------------------------------------------- */

static void
constraints_missed(void **state)
{
	const struct fixture *f = *state;
	struct tp_plan *p = new_plan(f->cal, TP_DATE(2025, 4, 14));
	stage(p, "a", 5, WD);
	stage(p, "b", 1, WD);
	stage(p, "gf", 0, WD);
	dep(p, "a", "b", FS, 0, WD);
	/* a: Mon 14, Tue 15, Wed 16, Thu 17, Tue 22 (Easter). b must finish
	 * by Thu 17 but can only run Wed 23, 2 working days later (22, 23). */
	constrain(p, "b", TP_CONSTRAINT_FINISH_NO_LATER_THAN,
		  TP_DATE(2025, 4, 17));
	/* A milestone that must be on Good Friday cannot be: early start
	 * Tue 22 (next working day), latest Thu 17. */
	constrain(p, "gf", TP_CONSTRAINT_START_ON, TP_DATE(2025, 4, 18));
	struct tp_schedule *s = compute(p, TP_SCHEDULE_FORWARD);
	assert_early(s, "a", TP_DATE(2025, 4, 14), TP_DATE(2025, 4, 22));
	assert_early(s, "b", TP_DATE(2025, 4, 23), TP_DATE(2025, 4, 23));
	assert_early(s, "gf", TP_DATE(2025, 4, 22), TP_DATE(2025, 4, 22));
	/* b's late finish is Thu 17; its float is minus the working days
	 * from Thu 17 up to Wed 23 (17 and 22): -2. gf: early Tue 22, late
	 * Thu 17: -1. */
	assert_late(s, "b", TP_DATE(2025, 4, 17), TP_DATE(2025, 4, 17));
	assert_int_equal(tp_schedule_total_float(s, idx(p, "b")), -2);
	assert_int_equal(tp_schedule_total_float(s, idx(p, "gf")), -1);
	assert_int_equal(tp_schedule_diagnostic_count(s), 2);
	const struct tp_diagnostic *d = tp_schedule_diagnostic(s, 0);
	assert_int_equal(d->kind, TP_DIAGNOSTIC_CONSTRAINT);
	assert_int_equal(d->stage, idx(p, "b"));
	assert_int_equal(d->overrun, 2);
	d = tp_schedule_diagnostic(s, 1);
	assert_int_equal(d->stage, idx(p, "gf"));
	assert_int_equal(d->overrun, 1);
	assert_non_null(strstr(d->message, "not a working day"));
	assert_null(tp_schedule_diagnostic(s, 2));
	tp_schedule_free(s);
	tp_plan_free(p);
}

static void
finish_on_and_start_on(void **state)
{
	const struct fixture *f = *state;
	struct tp_plan *p = new_plan(f->cal, TP_DATE(2025, 4, 1));
	stage(p, "x", 3, WD);
	stage(p, "y", 2, WD);
	/* x must finish on Tue 22 Apr: starts Wed 16 (16, 17, 22). */
	constrain(p, "x", TP_CONSTRAINT_FINISH_ON, TP_DATE(2025, 4, 22));
	/* y must start on Thu 10 Apr: 10, 11. */
	constrain(p, "y", TP_CONSTRAINT_START_ON, TP_DATE(2025, 4, 10));
	struct tp_schedule *s = compute(p, TP_SCHEDULE_FORWARD);
	assert_early(s, "x", TP_DATE(2025, 4, 16), TP_DATE(2025, 4, 22));
	assert_late(s, "x", TP_DATE(2025, 4, 16), TP_DATE(2025, 4, 22));
	assert_early(s, "y", TP_DATE(2025, 4, 10), TP_DATE(2025, 4, 11));
	assert_late(s, "y", TP_DATE(2025, 4, 10), TP_DATE(2025, 4, 11));
	assert_int_equal(tp_schedule_diagnostic_count(s), 0);
	tp_schedule_free(s);
	tp_plan_free(p);
}

/* ---- errors ------------------------------------------------------------ */

static void
cycle_is_listed(void **state)
{
	const struct fixture *f = *state;
	struct tp_plan *p = new_plan(f->cal, TP_DATE(2025, 4, 1));
	struct tp_schedule *s = NULL;
	struct tp_error err;
	stage(p, "start", 1, WD);
	stage(p, "a", 1, WD);
	stage(p, "b", 1, WD);
	stage(p, "c", 1, WD);
	stage(p, "after", 1, WD);
	dep(p, "start", "b", FS, 0, WD);
	dep(p, "b", "c", FS, 0, WD);
	dep(p, "c", "a", SS, 0, WD);
	dep(p, "a", "b", FF, 0, CD);
	dep(p, "c", "after", FS, 0, WD);
	assert_int_equal(tp_schedule_compute(p, TP_SCHEDULE_AUTO, &s, &err),
			 TP_ERR_CYCLE);
	assert_null(s);
	/* Listed from the stage added first, in dependency order. */
	assert_string_equal(err.message, "dependency cycle: a -> b -> c -> a");
	assert_string_equal(err.stage, "a");
	tp_plan_free(p);
}

static void
long_cycle_is_truncated(void **state)
{
	const struct fixture *f = *state;
	struct tp_plan *p = new_plan(f->cal, TP_DATE(2025, 4, 1));
	struct tp_schedule *s = NULL;
	struct tp_error err;
	char id[32], prev[32];
	for (int i = 0; i < 100; i++) {
		snprintf(id, sizeof(id), "stage-number-%d", i);
		stage(p, id, 1, WD);
		if (i > 0)
			dep(p, prev, id, FS, 0, WD);
		memcpy(prev, id, sizeof(id));
	}
	dep(p, prev, "stage-number-0", FS, 0, WD);
	assert_int_equal(tp_schedule_compute(p, TP_SCHEDULE_AUTO, &s, &err),
			 TP_ERR_CYCLE);
	assert_non_null(
		strstr(err.message, "stage-number-0 -> stage-number-1 -> "));
	assert_non_null(strstr(err.message, "..."));
	tp_plan_free(p);
}

static void
errors(void **state)
{
	const struct fixture *f = *state;
	struct tp_plan *p = new_plan(f->cal, TP_DATE(2199, 12, 1));
	struct tp_schedule *s = NULL;
	struct tp_error err;
	stage(p, "a", 5, WD);
	/* Unknown and self dependencies are refused when added. */
	assert_int_equal(
		tp_plan_add_dependency(p, "nope", "a", FS, 0, WD, &err),
		TP_ERR_INVALID);
	assert_string_equal(err.message,
			    "stage 'a' depends on unknown stage 'nope'");
	assert_string_equal(err.stage, "a");
	assert_int_equal(tp_plan_add_dependency(p, "a", "a", FS, 0, WD, &err),
			 TP_ERR_CYCLE);
	assert_string_equal(err.message, "dependency cycle: a -> a");
	/* 40 working days from 1 Dec 2199 run past 2199-12-31, the end of
	 * the calendar: an error naming the stage. */
	stage(p, "long", 40, WD);
	assert_int_equal(tp_schedule_compute(p, TP_SCHEDULE_AUTO, &s, &err),
			 TP_ERR_RANGE);
	assert_null(s);
	assert_string_equal(err.stage, "long");
	assert_non_null(strstr(err.message, "stage 'long'"));
	/* No anchor for the mode, no calendar. */
	assert_int_equal(tp_schedule_compute(p, TP_SCHEDULE_BACKWARD, &s, &err),
			 TP_ERR_INVALID);
	tp_plan_clear_start_date(p);
	assert_int_equal(tp_schedule_compute(p, TP_SCHEDULE_AUTO, &s, &err),
			 TP_ERR_INVALID);
	tp_plan_set_calendar(p, NULL);
	assert_int_equal(tp_schedule_compute(p, TP_SCHEDULE_AUTO, &s, &err),
			 TP_ERR_INVALID);
	assert_string_equal(err.message, "the plan has no calendar");
	tp_plan_free(p);
}

static void
empty_plan(void **state)
{
	const struct fixture *f = *state;
	struct tp_plan *p = new_plan(f->cal, TP_DATE(2025, 4, 1));
	struct tp_schedule *s = compute(p, TP_SCHEDULE_AUTO);
	size_t n = 1;
	tp_schedule_critical_path(s, &n);
	assert_int_equal(n, 0);
	assert_int_equal(tp_schedule_diagnostic_count(s), 0);
	tp_schedule_free(s);
	tp_plan_free(p);
}

/* ---- properties on random plans ---------------------------------------- */

static uint64_t
rnd(uint64_t *x)
{
	*x ^= *x << 13; /* xorshift64 */
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

/* The meetings of the random plans' series: Tuesdays and Thursdays from
 * Tue 2 Jan 2024 (FREQ=WEEKLY;BYDAY=TU,TH), less the exceptions below. The
 * oracle knows them by weekday, not from libical. */
#define N_EXCEPT 6
static const int32_t except_days[N_EXCEPT] = {
	TP_DAYS_FROM_CIVIL_(2025, 1, 14), TP_DAYS_FROM_CIVIL_(2025, 1, 16),
	TP_DAYS_FROM_CIVIL_(2025, 2, 4),  TP_DAYS_FROM_CIVIL_(2025, 3, 6),
	TP_DAYS_FROM_CIVIL_(2025, 12, 23), TP_DAYS_FROM_CIVIL_(2026, 1, 13)};

static bool
o_is_meeting(int32_t d)
{
	enum tp_weekday w = tp_date_weekday((struct tp_date){d});
	if ((w != TP_TUESDAY && w != TP_THURSDAY) ||
	    d < TP_DAYS_FROM_CIVIL_(2024, 1, 2))
		return false;
	for (int i = 0; i < N_EXCEPT; i++)
		if (except_days[i] == d)
			return false;
	return true;
}

static void
add_series(struct tp_plan *p)
{
	struct tp_date ex[N_EXCEPT];
	struct tp_meeting_spec m;
	for (int i = 0; i < N_EXCEPT; i++)
		ex[i].day = except_days[i];
	tp_meeting_spec_init(&m);
	m.id = "m";
	m.rule = "FREQ=WEEKLY;BYDAY=TU,TH";
	m.rule_from = TP_DATE(2024, 1, 2);
	m.except = ex;
	m.n_except = N_EXCEPT;
	assert_int_equal(tp_plan_add_meeting_series(p, &m, NULL, NULL), TP_OK);
}

/* A random DAG: edges only from lower to higher index, so index order is a
 * topological order and there are no cycles. With @stat, some stages count
 * on @stat_cal (the plan's statutory calendar); with @meetings, some are
 * tied to the series above (without report or call-in days, which would
 * add stages out of index order). */
static struct tp_plan *
random_plan(const struct tp_calendar *cal, const struct tp_calendar *stat_cal,
	    uint64_t *seed, size_t n, bool working_only, bool meetings)
{
	struct tp_plan *p = new_plan(cal, TP_DATE(2025, 1, 6));
	char id[16], from[16];
	tp_plan_set_statutory_calendar(p, stat_cal);
	if (meetings)
		add_series(p);
	for (size_t i = 0; i < n; i++) {
		enum tp_unit u =
			working_only ? WD : (enum tp_unit)(rnd(seed) % 4);
		int32_t amount =
			(int32_t)(rnd(seed) % (u == TP_UNIT_MONTHS ? 3 : 15));
		snprintf(id, sizeof(id), "s%zu", i);
		stage(p, id, amount, u);
		if (stat_cal && rnd(seed) % 3 == 0)
			assert_int_equal(
				tp_plan_set_stage_calendar(
					p, i, TP_STAGE_CALENDAR_STATUTORY,
					NULL),
				TP_OK);
		if (meetings && rnd(seed) % 4 == 0)
			assert_int_equal(tp_plan_set_stage_meeting(p, i, "m",
								   NULL),
					 TP_OK);
		for (int k = 0; i > 0 && k < 3; k++) {
			if (rnd(seed) % 3 == 0)
				continue;
			snprintf(from, sizeof(from), "s%zu",
				 (size_t)(rnd(seed) % i));
			int32_t lag = (int32_t)(rnd(seed) % 9) - 3;
			dep(p, from, id, (enum tp_dep_type)(rnd(seed) % 4), lag,
			    working_only || rnd(seed) % 2 ? WD : CD);
		}
	}
	return p;
}

/* An independent oracle for the conventions of tp-schedule.h: it steps
 * day by day with tp_calendar_is_working_day() only and finds every
 * inverse by exhaustive search, sharing no code with the scheduler. */

static bool
working(const struct tp_calendar *cal, int32_t d)
{
	bool w = false;
	assert_int_equal(tp_calendar_is_working_day(cal, (struct tp_date){d},
						    &w, NULL),
			 TP_OK);
	return w;
}

static int32_t
roll_up(const struct tp_calendar *cal, int32_t d)
{
	while (!working(cal, d))
		d++;
	return d;
}

/* The k-th working day after d (k > 0; d not counted), before d (k < 0),
 * or d itself if working else the next one (k = 0). */
static int32_t
step_wd(const struct tp_calendar *cal, int32_t d, int32_t k)
{
	if (k == 0)
		return roll_up(cal, d);
	for (int32_t left = k > 0 ? k : -k; left > 0;) {
		d += k > 0 ? 1 : -1;
		if (working(cal, d))
			left--;
	}
	return d;
}

struct oracle {
	const struct tp_plan *p;
	int32_t es[64], ef[64], ls[64], lf[64];
};

static bool
any_start(const struct tp_plan *p, size_t v)
{
	return tp_plan_stage_amount(p, v) > 0 && tp_plan_stage_unit(p, v) != WD;
}

static const struct tp_calendar *
cal_of(const struct tp_plan *p, size_t v)
{
	return tp_plan_stage_calendar(p, v);
}

static int32_t
o_finish(const struct tp_plan *p, size_t v, int32_t s)
{
	const struct tp_calendar *cal = cal_of(p, v);
	int32_t n = tp_plan_stage_amount(p, v);
	struct tp_date m;
	if (n == 0)
		return s;
	switch (tp_plan_stage_unit(p, v)) {
	case WD:
		return step_wd(cal, s, n - 1);
	case TP_UNIT_MONTHS:
		assert_int_equal(tp_date_add_months((struct tp_date){s}, n, &m,
						    NULL),
				 TP_OK);
		return roll_up(cal, m.day - 1);
	case TP_UNIT_WEEKS:
		return roll_up(cal, s + 7 * n - 1);
	default:
		return roll_up(cal, s + n - 1);
	}
}

static bool
src_fin(const struct tp_dependency *d)
{
	return d->type == FS || d->type == FF;
}

static bool
tgt_fin(const struct tp_dependency *d)
{
	return d->type == FF || d->type == SF;
}

/* The bound dependency @d puts on its successor's date from @x. */
static int32_t
o_link(const struct tp_plan *p, const struct tp_dependency *d, int32_t x)
{
	const struct tp_calendar *cal = cal_of(p, d->to);
	int32_t k = d->lag + (d->type == FS) - (d->type == SF);
	int32_t t = d->lag_unit == WD ? step_wd(cal, x, k) : x + k;
	if (tgt_fin(d) || !any_start(p, d->to))
		t = roll_up(cal, t);
	return t;
}

static bool
in_dom(const struct tp_plan *p, size_t v, int32_t s)
{
	if (tp_plan_stage_meeting(p, v) != TP_NO_MEETING && !o_is_meeting(s))
		return false;
	return any_start(p, v) || working(cal_of(p, v), s);
}

/* ASAP from @lo: each stage at the first day its domain allows that meets
 * every incoming bound. */
static void
o_forward(struct oracle *o, int32_t lo)
{
	const struct tp_plan *p = o->p;
	struct tp_dependency d;
	tp_plan_foreach_stage (p, v) {
		int32_t s = lo;
		bool ok;
		do {
			while (!in_dom(p, v, s))
				s++;
			ok = true;
			for (size_t e = 0; ok && tp_plan_dependency(p, e, &d);
			     e++) {
				if (d.to != v)
					continue;
				int32_t src = src_fin(&d) ? o->ef[d.from]
							  : o->es[d.from];
				int32_t got = tgt_fin(&d) ? o_finish(p, v, s) : s;
				ok = got >= o_link(p, &d, src);
			}
			if (!ok)
				s++;
		} while (!ok);
		o->es[v] = s;
		o->ef[v] = o_finish(p, v, s);
	}
}

/* ALAP to @hi: each stage at the last day its domain allows whose finish
 * is by @hi and whose outgoing bounds its successors' late dates meet. */
static void
o_backward(struct oracle *o, int32_t hi)
{
	const struct tp_plan *p = o->p;
	struct tp_dependency d;
	for (size_t v = tp_plan_stage_count(p); v-- > 0;) {
		int32_t s = hi;
		bool ok;
		do {
			while (!in_dom(p, v, s))
				s--;
			int32_t f = o_finish(p, v, s);
			ok = f <= hi;
			for (size_t e = 0; ok && tp_plan_dependency(p, e, &d);
			     e++) {
				if (d.from != v)
					continue;
				int32_t tgt = tgt_fin(&d) ? o->lf[d.to]
							  : o->ls[d.to];
				ok = o_link(p, &d, src_fin(&d) ? f : s) <= tgt;
			}
			if (!ok)
				s--;
		} while (!ok);
		o->ls[v] = s;
		o->lf[v] = o_finish(p, v, s);
	}
}

static int32_t
o_max_finish(const struct oracle *o)
{
	int32_t hi = INT32_MIN;
	tp_plan_foreach_stage (o->p, v)
		if (o->ef[v] > hi)
			hi = o->ef[v];
	return hi;
}

static int32_t
o_min_start(const struct oracle *o)
{
	int32_t lo = INT32_MAX;
	tp_plan_foreach_stage (o->p, v)
		if (o->ls[v] < lo)
			lo = o->ls[v];
	return lo;
}

/* Every stage's dates fall on days they may, every dependency holds on
 * both sets of dates, and floats are consistent. */
static void
check_schedule_sane(const struct tp_plan *p, const struct tp_schedule *s)
{
	struct tp_dependency d;
	tp_plan_foreach_stage (p, v) {
		int32_t es = tp_schedule_early_start(s, v).day;
		int32_t ls = tp_schedule_late_start(s, v).day;
		assert_true(in_dom(p, v, es) && in_dom(p, v, ls));
		assert_true(working(cal_of(p, v),
				    tp_schedule_early_finish(s, v).day));
		assert_true(working(cal_of(p, v),
				    tp_schedule_late_finish(s, v).day));
		assert_true(es <= ls);
		assert_true(tp_schedule_early_finish(s, v).day >=
			    o_finish(p, v, es));
		assert_true(tp_schedule_total_float(s, v) >= 0);
		assert_true(tp_schedule_free_float(s, v) <=
			    tp_schedule_total_float(s, v));
	}
	for (size_t e = 0; tp_plan_dependency(p, e, &d); e++) {
		for (int late = 0; late < 2; late++) {
			const struct tp_schedule *x = s;
			int32_t src = src_fin(&d)
					      ? (late ? tp_schedule_late_finish(
							       x, d.from)
						      : tp_schedule_early_finish(
							       x, d.from))
							.day
					      : (late ? tp_schedule_late_start(
							       x, d.from)
						      : tp_schedule_early_start(
							       x, d.from))
							.day;
			int32_t tgt = tgt_fin(&d)
					      ? (late ? tp_schedule_late_finish(
							       x, d.to)
						      : tp_schedule_early_finish(
							       x, d.to))
							.day
					      : (late ? tp_schedule_late_start(
							       x, d.to)
						      : tp_schedule_early_start(
							       x, d.to))
							.day;
			assert_true(tgt >= o_link(p, &d, src));
		}
	}
}

/* The critical path is a chain of dependencies with zero float, from the
 * plan's start to its finish (from or to a stage the meetings fix, with
 * @meetings). */
static void
check_critical_path(const struct tp_plan *p, const struct tp_schedule *s,
		    enum tp_reason_kind head, enum tp_reason_kind tail,
		    bool meetings)
{
	size_t n = 0;
	const size_t *path = tp_schedule_critical_path(s, &n);
	struct tp_dependency d;
	struct tp_reason r;
	assert_true(n > 0);
	assert_true(tp_schedule_early_reason(s, path[0], &r));
	if (head != TP_REASON_NONE)
		assert_int_equal(r.kind, head);
	assert_true(tp_schedule_late_reason(s, path[n - 1], &r));
	if (tail != TP_REASON_NONE)
		assert_int_equal(r.kind, tail);
	if (!meetings)
		assert_date(tp_schedule_early_start(s, path[0]),
			    tp_schedule_plan_start(s));
	if (!meetings)
		assert_date(tp_schedule_early_finish(s, path[n - 1]),
			    tp_schedule_plan_finish(s));
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(tp_schedule_total_float(s, path[i]), 0);
		assert_true(tp_schedule_is_critical(s, path[i]));
		if (i == 0)
			continue;
		bool linked = false;
		for (size_t e = 0; tp_plan_dependency(p, e, &d); e++)
			linked |= d.from == path[i - 1] && d.to == path[i];
		assert_true(linked);
	}
}

static struct tp_schedule *
compute_from(const struct tp_plan *p, enum tp_schedule_mode mode, bool start,
	     int32_t day)
{
	struct tp_schedule_options o;
	struct tp_schedule *s = NULL;
	struct tp_error err = {0};
	tp_schedule_options_init(&o);
	o.mode = mode;
	if (start) {
		o.override_start = true;
		o.start = (struct tp_date){day};
	} else {
		o.override_contract_start = true;
		o.contract_start = (struct tp_date){day};
	}
	if (tp_schedule_compute_with(p, &o, &s, &err) != TP_OK)
		fail_msg("schedule failed: %s", err.message);
	return s;
}

/* Rounds of a random test: all of them, or an eighth under valgrind
 * (TP_TEST_QUICK, set by the valgrind setup in tests/meson.build). */
static int
rounds(int n)
{
	const char *quick = getenv("TP_TEST_QUICK");
	return quick && *quick && strcmp(quick, "0") ? n / 8 : n;
}

/* Forward: the early dates are exactly the oracle's ASAP dates; the late
 * dates are the oracle's ALAP dates from the plan's finish, except on the
 * critical path, which keeps its early dates. */
static void
random_dags(void **state)
{
	const struct fixture *f = *state;
	uint64_t seed = 0x5eed2025u;
	for (int round = 0; round < rounds(400); round++) {
		bool working_only = round % 3 == 0, meetings = round % 4 == 3;
		size_t n = 1 + (size_t)(rnd(&seed) % 40);
		struct oracle o = {0};
		struct tp_plan *p =
			random_plan(f->closure, round % 2 ? f->uk : NULL,
				    &seed, n, working_only, meetings);
		struct tp_schedule *s = compute(p, TP_SCHEDULE_FORWARD);
		o.p = p;
		o_forward(&o, TP_DATE(2025, 1, 6).day);
		o_backward(&o, o_max_finish(&o));
		tp_plan_foreach_stage (p, v) {
			assert_int_equal(tp_schedule_early_start(s, v).day,
					 o.es[v]);
			assert_int_equal(tp_schedule_early_finish(s, v).day,
					 o.ef[v]);
			assert_true(tp_schedule_late_start(s, v).day <=
				    o.ls[v]);
		}
		check_schedule_sane(p, s);
		check_critical_path(p, s,
				    meetings ? TP_REASON_NONE
					     : TP_REASON_START_DATE,
				    TP_REASON_NONE, meetings);
		tp_schedule_free(s);
		tp_plan_free(p);
	}
}

/* Backward: the late dates are exactly the oracle's ALAP dates from the
 * contract start; the critical path keeps them, so it has no float; and
 * the plan's latest start is exact: scheduling forward from it meets the
 * contract start, from the next working day after it misses. */
static void
random_dags_backward(void **state)
{
	const struct fixture *f = *state;
	uint64_t seed = 0xbac4a4d5u;
	int32_t cs = TP_DATE(2026, 3, 31).day;
	for (int round = 0; round < rounds(280); round++) {
		size_t n = 1 + (size_t)(rnd(&seed) % 30);
		bool meetings = round % 4 == 3;
		struct oracle o = {0};
		struct tp_plan *p =
			random_plan(f->cal, round % 2 ? f->uk : NULL, &seed, n,
				    round % 3 == 0, meetings);
		tp_plan_clear_start_date(p);
		assert_int_equal(tp_plan_set_contract_start(
					 p, (struct tp_date){cs}, NULL),
				 TP_OK);
		struct tp_schedule *s = compute(p, TP_SCHEDULE_AUTO);
		o.p = p;
		o_backward(&o, cs);
		tp_plan_foreach_stage (p, v) {
			assert_int_equal(tp_schedule_late_start(s, v).day,
					 o.ls[v]);
			assert_int_equal(tp_schedule_late_finish(s, v).day,
					 o.lf[v]);
		}
		check_schedule_sane(p, s);
		check_critical_path(p, s, TP_REASON_NONE,
				    meetings ? TP_REASON_NONE
					     : TP_REASON_CONTRACT_START,
				    meetings);
		assert_int_equal(tp_schedule_min_float(s), 0);
		/* Galois: from the latest start the plan fits; one working
		 * day later it does not. */
		int32_t lo = o_min_start(&o);
		assert_int_equal(tp_schedule_plan_start(s).day, lo);
		struct oracle a = {.p = p}, b = {.p = p};
		o_forward(&a, lo);
		o_forward(&b, step_wd(f->cal, lo, 1));
		assert_true(o_max_finish(&a) <= cs);
		assert_true(o_max_finish(&b) > cs);
		/* And the library agrees with the oracle on that forward run. */
		struct tp_schedule *fw =
			compute_from(p, TP_SCHEDULE_FORWARD, true, lo);
		assert_true(tp_schedule_plan_finish(fw).day <= cs);
		tp_schedule_free(fw);
		tp_schedule_free(s);
		tp_plan_free(p);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(durations),
		cmocka_unit_test(start_on_non_working_day_moves_forward),
		cmocka_unit_test(finish_to_start),
		cmocka_unit_test(start_to_start),
		cmocka_unit_test(finish_to_finish),
		cmocka_unit_test(start_to_finish),
		cmocka_unit_test(christmas_closure),
		cmocka_unit_test(reasons_and_skipped_easter),
		cmocka_unit_test(backward_from_easter_monday),
		cmocka_unit_test(both_anchors_slack_and_overrun),
		cmocka_unit_test(free_float_diamond),
		cmocka_unit_test(constraints_missed),
		cmocka_unit_test(finish_on_and_start_on),
		cmocka_unit_test(cycle_is_listed),
		cmocka_unit_test(long_cycle_is_truncated),
		cmocka_unit_test(errors),
		cmocka_unit_test(empty_plan),
		cmocka_unit_test(random_dags),
		cmocka_unit_test(random_dags_backward),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
