/* SPDX-License-Identifier: MIT */
/* Working-day calendars.
 *
 * Hand-checked cases: weekdays were checked with Python's datetime
 * (date.fromisoformat(s).strftime('%a')) and the bank holidays against the
 * gov.uk table in ../shared/reference/uk-bank-holidays.md section 4, as
 * noted beside each case.
 *
 * Property tests compare the table-driven queries with a naive day-by-day
 * reference written here, over random calendars (random weekends, extra
 * holidays and closures) and random dates and offsets. The seed is printed;
 * TP_TEST_SEED=<n> repeats a run, TP_TEST_QUICK=1 (set by the valgrind
 * setup) makes it smaller. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "alloc-fail.h"

#include <tenderplan/tenderplan.h>

#define D(y, m, d) TP_DATE(y, m, d)
#define SAT_SUN    ((1u << TP_SATURDAY) | (1u << TP_SUNDAY))


/* ---- helpers ------------------------------------------------------------ */

struct cal_spec {
	enum tp_region region;
	unsigned weekend;
	int from, to;
};

static struct tp_calendar *
make_cal(enum tp_region region, unsigned weekend, int from, int to)
{
	struct tp_calendar_builder *b = NULL;
	struct tp_calendar *cal = NULL;
	struct tp_error err;

	assert_int_equal(tp_calendar_builder_new(&b, &err), TP_OK);
	assert_int_equal(tp_calendar_builder_set_region(b, region, &err),
			 TP_OK);
	assert_int_equal(tp_calendar_builder_set_weekend(b, weekend, &err),
			 TP_OK);
	assert_int_equal(tp_calendar_builder_set_range(b, from, to, &err),
			 TP_OK);
	assert_int_equal(tp_calendar_builder_build(b, &cal, &err), TP_OK);
	tp_calendar_builder_free(b);
	return cal;
}

static void
assert_date(struct tp_date got, struct tp_date want)
{
	char g[TP_DATE_STRLEN], w[TP_DATE_STRLEN];
	if (got.day != want.day)
		fail_msg("got %s, want %s", tp_date_format(got, g),
			 tp_date_format(want, w));
}

static struct tp_date
add(const struct tp_calendar *cal, struct tp_date d, int32_t n)
{
	struct tp_date out = {INT32_MIN};
	struct tp_error err;
	if (tp_calendar_add_working_days(cal, d, n, &out, &err) != TP_OK)
		fail_msg("add: %s", err.message);
	return out;
}

static int32_t
between(const struct tp_calendar *cal, struct tp_date a, struct tp_date b)
{
	int32_t out = INT32_MIN;
	struct tp_error err;
	if (tp_calendar_working_days_between(cal, a, b, &out, &err) != TP_OK)
		fail_msg("between: %s", err.message);
	return out;
}

static struct tp_date
adjust(const struct tp_calendar *cal, struct tp_date d, enum tp_roll roll)
{
	struct tp_date out = {INT32_MIN};
	assert_int_equal(tp_calendar_adjust(cal, d, roll, &out, NULL), TP_OK);
	return out;
}

static bool
working(const struct tp_calendar *cal, struct tp_date d)
{
	bool w = false;
	assert_int_equal(tp_calendar_is_working_day(cal, d, &w, NULL), TP_OK);
	return w;
}

static int
setup_ew(void **state)
{
	*state = make_cal(TP_REGION_ENGLAND_AND_WALES, SAT_SUN, 2000, 2040);
	return 0;
}

static int
teardown_cal(void **state)
{
	tp_calendar_free(*state);
	return 0;
}

/* ---- hand-checked cases ------------------------------------------------- */

static void
add_skips_easter(void **state)
{
	const struct tp_calendar *cal = *state;
	/* Good Friday 18 and Easter Monday 21 April 2025 (gov.uk table);
	 * Thu 17 + 1 = Tue 22, + 2 = Wed 23. */
	assert_date(add(cal, D(2025, 4, 17), 1), D(2025, 4, 22));
	assert_date(add(cal, D(2025, 4, 17), 2), D(2025, 4, 23));
	/* Backwards from Tue 22: -1 = Thu 17, -2 = Wed 16. */
	assert_date(add(cal, D(2025, 4, 22), -1), D(2025, 4, 17));
	assert_date(add(cal, D(2025, 4, 22), -2), D(2025, 4, 16));
	/* From a non-working day: Sat 19 + 1 = Tue 22; Sat 19 - 1 = Thu 17. */
	assert_date(add(cal, D(2025, 4, 19), 1), D(2025, 4, 22));
	assert_date(add(cal, D(2025, 4, 19), -1), D(2025, 4, 17));
	/* Ten working days from Wed 2 Jul 2025 (no holidays): Wed 16 Jul. */
	assert_date(add(cal, D(2025, 7, 2), 10), D(2025, 7, 16));
}

static void
add_zero(void **state)
{
	const struct tp_calendar *cal = *state;
	/* N = 0 on a working day (Wed 23 Apr 2025) gives the day itself; on
	 * Sat 19 Apr it gives the next working day, Tue 22 (Easter Monday 21
	 * is a holiday); on Good Friday 18 also Tue 22. */
	assert_date(add(cal, D(2025, 4, 23), 0), D(2025, 4, 23));
	assert_date(add(cal, D(2025, 4, 19), 0), D(2025, 4, 22));
	assert_date(add(cal, D(2025, 4, 18), 0), D(2025, 4, 22));
}

static void
next_and_previous(void **state)
{
	const struct tp_calendar *cal = *state;
	struct tp_date out;
	/* Next after Thu 17 Apr 2025 is Tue 22 (18, 21 holidays, 19-20
	 * weekend); previous before Tue 22 is Thu 17. Christmas 2025: Thu 25
	 * and Fri 26 are holidays, so next after Wed 24 is Mon 29. */
	assert_int_equal(
		tp_calendar_next_working_day(cal, D(2025, 4, 17), &out, NULL),
		TP_OK);
	assert_date(out, D(2025, 4, 22));
	assert_int_equal(tp_calendar_previous_working_day(cal, D(2025, 4, 22),
							  &out, NULL),
			 TP_OK);
	assert_date(out, D(2025, 4, 17));
	assert_int_equal(
		tp_calendar_next_working_day(cal, D(2025, 12, 24), &out, NULL),
		TP_OK);
	assert_date(out, D(2025, 12, 29));
}

static void
between_counts(void **state)
{
	const struct tp_calendar *cal = *state;
	/* [Thu 17, Wed 23) Apr 2025 holds Thu 17 and Tue 22: 2. Reversed
	 * gives -2; an empty span 0. */
	assert_int_equal(between(cal, D(2025, 4, 17), D(2025, 4, 23)), 2);
	assert_int_equal(between(cal, D(2025, 4, 23), D(2025, 4, 17)), -2);
	assert_int_equal(between(cal, D(2025, 4, 17), D(2025, 4, 17)), 0);
	/* Mon 6 Jan to Mon 3 Feb 2025: four whole weeks, no holidays: 20. */
	assert_int_equal(between(cal, D(2025, 1, 6), D(2025, 2, 3)), 20);
	/* 2025 has 261 weekdays (Python: sum(date(2025,1,1)+timedelta(i)
	 * ).weekday()<5 for i in range(365))) and 8 E&W bank holidays, all
	 * on weekdays (gov.uk table): 253. */
	assert_int_equal(between(cal, D(2025, 1, 1), D(2026, 1, 1)), 253);
}

static void
adjust_conventions(void **state)
{
	const struct tp_calendar *cal = *state;
	/* Sat 31 May 2025: following Mon 2 Jun is in June, so modified
	 * following gives Fri 30 May; preceding Fri 30; none Sat 31. */
	assert_date(adjust(cal, D(2025, 5, 31), TP_ROLL_FOLLOWING),
		    D(2025, 6, 2));
	assert_date(adjust(cal, D(2025, 5, 31), TP_ROLL_MODIFIED_FOLLOWING),
		    D(2025, 5, 30));
	assert_date(adjust(cal, D(2025, 5, 31), TP_ROLL_PRECEDING),
		    D(2025, 5, 30));
	assert_date(adjust(cal, D(2025, 5, 31), TP_ROLL_NONE), D(2025, 5, 31));
	/* Sat 1 Mar 2025: modified following stays in March, Mon 3. */
	assert_date(adjust(cal, D(2025, 3, 1), TP_ROLL_MODIFIED_FOLLOWING),
		    D(2025, 3, 3));
	/* Summer bank holiday Mon 25 Aug 2025: following Tue 26. Sat 30 Aug:
	 * Mon 1 Sep is next month, so modified following gives Fri 29. */
	assert_date(adjust(cal, D(2025, 8, 25), TP_ROLL_FOLLOWING),
		    D(2025, 8, 26));
	assert_date(adjust(cal, D(2025, 8, 30), TP_ROLL_MODIFIED_FOLLOWING),
		    D(2025, 8, 29));
	/* A working day never moves: Wed 24 Dec 2025. */
	assert_date(adjust(cal, D(2025, 12, 24), TP_ROLL_PRECEDING),
		    D(2025, 12, 24));
	/* Christmas Thu 25 Dec 2025: following skips Boxing Day Fri 26 and
	 * the weekend: Mon 29; preceding Wed 24. */
	assert_date(adjust(cal, D(2025, 12, 25), TP_ROLL_FOLLOWING),
		    D(2025, 12, 29));
	assert_date(adjust(cal, D(2025, 12, 25), TP_ROLL_PRECEDING),
		    D(2025, 12, 24));
	assert_int_equal(tp_calendar_add_working_days(NULL, D(2025, 5, 31), 1,
						      &(struct tp_date){0}, NULL),
			 TP_ERR_INVALID);
	assert_int_equal(tp_calendar_add_working_days(cal, D(2025, 5, 31), 1,
						      NULL, NULL),
			 TP_ERR_INVALID);
	assert_int_equal(tp_calendar_adjust(cal, D(2025, 5, 31),
					    (enum tp_roll)9,
					    &(struct tp_date){0}, NULL),
			 TP_ERR_INVALID);
}

static void
add_days_rolled(void **state)
{
	const struct tp_calendar *cal = *state;
	struct tp_date out;
	/* Fri 30 May 2025 + 1 day = Sat 31: rolled as above. */
	assert_int_equal(tp_calendar_add_days_rolled(cal, D(2025, 5, 30), 1,
						     TP_ROLL_FOLLOWING, &out,
						     NULL),
			 TP_OK);
	assert_date(out, D(2025, 6, 2));
	assert_int_equal(tp_calendar_add_days_rolled(cal, D(2025, 5, 30), 1,
						     TP_ROLL_MODIFIED_FOLLOWING,
						     &out, NULL),
			 TP_OK);
	assert_date(out, D(2025, 5, 30));
	/* Wed 16 Apr 2025 + 2 days = Good Friday 18; preceding Thu 17. */
	assert_int_equal(tp_calendar_add_days_rolled(cal, D(2025, 4, 16), 2,
						     TP_ROLL_PRECEDING, &out,
						     NULL),
			 TP_OK);
	assert_date(out, D(2025, 4, 17));
	/* -10 days from Sat 10 May 2025 = Wed 30 Apr, a working day. */
	assert_int_equal(tp_calendar_add_days_rolled(cal, D(2025, 5, 10), -10,
						     TP_ROLL_FOLLOWING, &out,
						     NULL),
			 TP_OK);
	assert_date(out, D(2025, 4, 30));
}

static void
closures(void **state)
{
	struct tp_calendar_builder *b = NULL;
	struct tp_calendar *cal = NULL;
	struct tp_day_info info;

	(void)state;
	assert_int_equal(tp_calendar_builder_new(&b, NULL), TP_OK);
	assert_int_equal(tp_calendar_builder_set_range(b, 2024, 2027, NULL),
			 TP_OK);
	/* An office shut from Sat 27 to Wed 31 Dec 2025. With Christmas Thu
	 * 25, Boxing Day Fri 26 and New Year's Day Thu 1 Jan 2026 (gov.uk),
	 * the next working day after Wed 24 Dec is Fri 2 Jan 2026. */
	assert_int_equal(tp_calendar_builder_add_closure(
				 b, D(2025, 12, 27), D(2025, 12, 31),
				 "Christmas shutdown", NULL),
			 TP_OK);
	assert_int_equal(tp_calendar_builder_add_holiday(b, D(2025, 6, 6),
							 "Staff day", NULL),
			 TP_OK);
	/* An extra holiday on Boxing Day: the bank holiday names it. */
	assert_int_equal(
		tp_calendar_builder_add_holiday(b, D(2025, 12, 26), NULL, NULL),
		TP_OK);
	assert_int_equal(tp_calendar_builder_build(b, &cal, NULL), TP_OK);
	assert_date(add(cal, D(2025, 12, 24), 1), D(2026, 1, 2));
	/* [Mon 22 Dec 2025, Mon 5 Jan 2026): Mon 22, Tue 23, Wed 24, Fri 2:
	 * 4. */
	assert_int_equal(between(cal, D(2025, 12, 22), D(2026, 1, 5)), 4);
	/* Fri 6 Jun 2025 is the staff day: Thu 5 + 1 = Mon 9. */
	assert_date(add(cal, D(2025, 6, 5), 1), D(2025, 6, 9));
	assert_int_equal(
		tp_calendar_day_info(cal, D(2025, 12, 29), &info, NULL), TP_OK);
	assert_false(info.working);
	assert_false(info.weekend);
	assert_non_null(info.holiday);
	assert_string_equal(info.holiday->name, "Christmas shutdown");
	assert_int_equal(info.holiday->kind, TP_HOLIDAY_CLOSURE);
	assert_int_equal(
		tp_calendar_day_info(cal, D(2025, 12, 26), &info, NULL), TP_OK);
	assert_string_equal(info.holiday->name, "Boxing Day");
	assert_int_equal(info.holiday->kind, TP_HOLIDAY_STATUTORY);
	/* Sat 27 Dec: a weekend day in the closure. */
	assert_int_equal(
		tp_calendar_day_info(cal, D(2025, 12, 27), &info, NULL), TP_OK);
	assert_true(info.weekend);
	assert_string_equal(info.holiday->name, "Christmas shutdown");
	/* The builder stays usable and is independent of the calendar. */
	assert_int_equal(tp_calendar_builder_add_closure(b, D(2025, 12, 31),
							 D(2025, 12, 27), NULL,
							 NULL),
			 TP_ERR_INVALID);
	tp_calendar_builder_free(b);
	assert_int_equal(tp_calendar_day_info(cal, D(2025, 6, 6), &info, NULL),
			 TP_OK);
	assert_string_equal(info.holiday->name, "Staff day");
	assert_int_equal(info.holiday->kind, TP_HOLIDAY_EXTRA);
	tp_calendar_free(cal);
}

static void
weekend_masks(void **state)
{
	struct tp_calendar *cal;
	struct tp_calendar_builder *b = NULL;
	struct tp_error err;

	(void)state;
	/* Friday and Saturday weekend, no holidays: Thu 17 Apr 2025 + 1 = Sun
	 * 20; Sun 20 - 1 = Thu 17. */
	cal = make_cal(TP_REGION_NONE, (1u << TP_FRIDAY) | (1u << TP_SATURDAY),
		       2020, 2030);
	assert_date(add(cal, D(2025, 4, 17), 1), D(2025, 4, 20));
	assert_date(add(cal, D(2025, 4, 20), -1), D(2025, 4, 17));
	assert_true(working(cal, D(2025, 4, 20)));
	tp_calendar_free(cal);
	/* No weekend at all: every day of 2025 works, 365 of them. */
	cal = make_cal(TP_REGION_NONE, 0, 2020, 2030);
	assert_int_equal(between(cal, D(2025, 1, 1), D(2026, 1, 1)), 365);
	tp_calendar_free(cal);
	/* Only Saturday off, England and Wales: Christmas Day Sun 25 Dec 2022
	 * is still not a working day (common law), Mon 26 (Boxing Day) and
	 * Tue 27 (Christmas substitute, gov.uk) neither. */
	cal = make_cal(TP_REGION_ENGLAND_AND_WALES, 1u << TP_SATURDAY, 2020,
		       2030);
	assert_false(working(cal, D(2022, 12, 25)));
	assert_false(working(cal, D(2022, 12, 26)));
	assert_false(working(cal, D(2022, 12, 27)));
	assert_true(working(cal, D(2022, 12, 18))); /* a Sunday */
	tp_calendar_free(cal);
	assert_int_equal(tp_calendar_builder_new(&b, NULL), TP_OK);
	assert_int_equal(tp_calendar_builder_set_weekend(b, 0xfe, &err),
			 TP_ERR_INVALID);
	assert_non_null(strstr(err.message, "no working day"));
	assert_int_equal(tp_calendar_builder_set_weekend(b, 1u, &err),
			 TP_ERR_INVALID);
	assert_int_equal(tp_calendar_builder_set_weekend(b, 1u << 8, &err),
			 TP_ERR_INVALID);
	tp_calendar_builder_free(b);
}

static void
range_errors(void **state)
{
	struct tp_calendar *cal =
		make_cal(TP_REGION_ENGLAND_AND_WALES, SAT_SUN, 2020, 2030);
	struct tp_calendar_builder *b = NULL;
	struct tp_error err;
	struct tp_date out = {12345};
	int32_t n = 12345;
	bool w;

	(void)state;
	assert_date(tp_calendar_first_day(cal), D(2020, 1, 1));
	assert_date(tp_calendar_last_day(cal), D(2030, 12, 31));
	assert_int_equal(tp_calendar_add_working_days(cal, D(2019, 12, 31), 1,
						      &out, &err),
			 TP_ERR_RANGE);
	assert_int_equal(err.code, TP_ERR_RANGE);
	assert_non_null(strstr(err.message, "2020-01-01 to 2030-12-31"));
	assert_non_null(strstr(err.message, "2019-12-31"));
	assert_int_equal(out.day, 12345); /* untouched */
	/* Tue 31 Dec 2030 + 1 and Wed 1 Jan 2020 - 1 leave the range;
	 * 2030-12-30 is a Monday, +1 = Tue 31 is still inside. */
	assert_int_equal(tp_calendar_add_working_days(cal, D(2030, 12, 31), 1,
						      &out, &err),
			 TP_ERR_RANGE);
	assert_non_null(strstr(err.message, "2020-01-01 to 2030-12-31"));
	assert_date(add(cal, D(2030, 12, 30), 1), D(2030, 12, 31));
	assert_int_equal(tp_calendar_previous_working_day(cal, D(2020, 1, 1),
							  &out, &err),
			 TP_ERR_RANGE);
	assert_int_equal(tp_calendar_add_working_days(cal, D(2025, 1, 1),
						      INT32_MAX, &out, &err),
			 TP_ERR_RANGE);
	assert_int_equal(tp_calendar_add_working_days(cal, D(2025, 1, 1),
						      INT32_MIN, &out, &err),
			 TP_ERR_RANGE);
	assert_int_equal(tp_calendar_working_days_between(
				 cal, D(2025, 1, 1), D(2031, 1, 1), &n, &err),
			 TP_ERR_RANGE);
	assert_int_equal(n, 12345);
	assert_int_equal(
		tp_calendar_is_working_day(cal, D(1999, 1, 1), &w, &err),
		TP_ERR_RANGE);
	assert_int_equal(tp_calendar_add_days_rolled(cal, D(2030, 12, 1), 31,
						     TP_ROLL_FOLLOWING, &out,
						     &err),
			 TP_ERR_RANGE);
	/* Saturday 2030-12-28 + 3 days = Tue 31, fine; following of Sat 28
	 * is Mon 30. */
	assert_date(adjust(cal, D(2030, 12, 28), TP_ROLL_FOLLOWING),
		    D(2030, 12, 30));
	tp_calendar_free(cal);

	/* Regional holidays start in 1972; region 'none' reaches 1900. */
	assert_int_equal(tp_calendar_builder_new(&b, NULL), TP_OK);
	assert_int_equal(tp_calendar_builder_set_range(b, 1950, 2000, &err),
			 TP_ERR_RANGE);
	assert_non_null(strstr(err.message, "1972"));
	assert_int_equal(tp_calendar_builder_set_range(b, 1972, 2200, &err),
			 TP_ERR_RANGE);
	assert_int_equal(tp_calendar_builder_set_range(b, 2010, 2000, &err),
			 TP_ERR_INVALID);
	assert_int_equal(
		tp_calendar_builder_set_region(b, TP_REGION_NONE, NULL), TP_OK);
	assert_int_equal(tp_calendar_builder_set_range(b, 1900, 1900, &err),
			 TP_OK);
	assert_int_equal(tp_calendar_builder_build(b, &cal, &err), TP_OK);
	/* 1900-01-01 was a Monday (Python); 1900 was not a leap year. */
	assert_int_equal(between(cal, D(1900, 1, 1), D(1900, 12, 31)), 260);
	assert_date(add(cal, D(1900, 12, 31), 0), D(1900, 12, 31));
	tp_calendar_free(cal);
	/* Switching to a region after choosing 1900 fails at build. */
	assert_int_equal(
		tp_calendar_builder_set_region(b, TP_REGION_SCOTLAND, NULL),
		TP_OK);
	assert_int_equal(tp_calendar_builder_build(b, &cal, &err),
			 TP_ERR_RANGE);
	assert_int_equal(
		tp_calendar_builder_set_region(b, (enum tp_region)9, &err),
		TP_ERR_INVALID);
	assert_int_equal(
		tp_calendar_builder_add_holiday(b, D(1899, 12, 31), NULL, &err),
		TP_ERR_RANGE);
	tp_calendar_builder_free(b);
}

static void
default_builder(void **state)
{
	struct tp_calendar *cal = NULL;

	(void)state;
	/* The default calendar: England and Wales, 1972 to 2199. */
	assert_int_equal(
		tp_calendar_new_region(TP_REGION_ENGLAND_AND_WALES, &cal, NULL),
		TP_OK);
	assert_int_equal(tp_calendar_region(cal), TP_REGION_ENGLAND_AND_WALES);
	assert_date(tp_calendar_first_day(cal), D(1972, 1, 1));
	assert_date(tp_calendar_last_day(cal), D(2199, 12, 31));
	assert_date(add(cal, D(2025, 4, 17), 2), D(2025, 4, 23));
	tp_calendar_free(cal);
}

static void
regions_differ(void **state)
{
	struct tp_calendar *ew =
		make_cal(TP_REGION_ENGLAND_AND_WALES, SAT_SUN, 2025, 2025);
	struct tp_calendar *sc =
		make_cal(TP_REGION_SCOTLAND, SAT_SUN, 2025, 2025);
	struct tp_calendar *uk = make_cal(TP_REGION_UK, SAT_SUN, 2025, 2025);
	struct tp_day_info info;

	(void)state;
	/* St Andrew's Day Sun 30 Nov 2025 -> Mon 1 Dec in Scotland (gov.uk);
	 * the Battle of the Boyne Sat 12 Jul -> Mon 14 Jul in NI. The UK
	 * calendar (any part) loses both; England and Wales loses neither.
	 * Easter Monday 21 Apr is not a Scottish holiday. */
	assert_true(working(ew, D(2025, 12, 1)));
	assert_false(working(sc, D(2025, 12, 1)));
	assert_false(working(uk, D(2025, 12, 1)));
	assert_false(working(uk, D(2025, 7, 14)));
	assert_true(working(sc, D(2025, 4, 21)));
	assert_false(working(uk, D(2025, 4, 21)));
	/* Fri 28 Nov + 1: Mon 1 Dec (E&W), Tue 2 Dec (UK). */
	assert_date(add(ew, D(2025, 11, 28), 1), D(2025, 12, 1));
	assert_date(add(uk, D(2025, 11, 28), 1), D(2025, 12, 2));
	assert_int_equal(tp_calendar_day_info(uk, D(2025, 12, 1), &info, NULL),
			 TP_OK);
	assert_non_null(info.holiday);
	assert_true(info.holiday->regions & (1u << TP_REGION_SCOTLAND));
	assert_int_equal(tp_calendar_region(uk), TP_REGION_UK);
	tp_calendar_free(ew);
	tp_calendar_free(sc);
	tp_calendar_free(uk);
}

static void
day_info(void **state)
{
	const struct tp_calendar *cal = *state;
	struct tp_day_info info;

	/* Good Friday 18 Apr 2025: a statutory (common-law) holiday. */
	assert_int_equal(tp_calendar_day_info(cal, D(2025, 4, 18), &info, NULL),
			 TP_OK);
	assert_false(info.working);
	assert_false(info.weekend);
	assert_non_null(info.holiday);
	assert_string_equal(info.holiday->name, "Good Friday");
	assert_int_equal(info.holiday->kind, TP_HOLIDAY_STATUTORY);
	assert_date(info.holiday->date, D(2025, 4, 18));
	/* Sat 19 Apr: weekend only. */
	assert_int_equal(tp_calendar_day_info(cal, D(2025, 4, 19), &info, NULL),
			 TP_OK);
	assert_false(info.working);
	assert_true(info.weekend);
	assert_null(info.holiday);
	/* Sun 25 Dec 2022 (Python: Sunday): weekend and Christmas Day. */
	assert_int_equal(
		tp_calendar_day_info(cal, D(2022, 12, 25), &info, NULL), TP_OK);
	assert_true(info.weekend);
	assert_non_null(info.holiday);
	assert_string_equal(info.holiday->name, "Christmas Day");
	/* Wed 23 Apr 2025 works. */
	assert_int_equal(tp_calendar_day_info(cal, D(2025, 4, 23), &info, NULL),
			 TP_OK);
	assert_true(info.working);
	assert_null(info.holiday);
	assert_int_equal(tp_calendar_day_info(cal, D(1999, 4, 23), &info, NULL),
			 TP_ERR_RANGE);
}

struct seen {
	int n;
	struct tp_date days[16];
	const char *names[16];
	int stop_at;
};

static int
collect(struct tp_date d, const struct tp_day_info *info, void *user)
{
	struct seen *s = user;
	if (s->n < 16) {
		s->days[s->n] = d;
		s->names[s->n] = info->holiday ? info->holiday->name : NULL;
	}
	s->n++;
	return s->n == s->stop_at ? 42 : 0;
}

static void
foreach_non_working(void **state)
{
	const struct tp_calendar *cal = *state;
	struct seen s = {0};
	int stopped = -1;

	/* 14-27 Apr 2025: Fri 18 GF, Sat 19, Sun 20, Mon 21 EM, Sat 26, Sun
	 * 27 (Python weekdays, gov.uk holidays). */
	assert_int_equal(tp_calendar_foreach_non_working(
				 cal, D(2025, 4, 14), D(2025, 4, 27), collect,
				 &s, &stopped, NULL),
			 TP_OK);
	assert_int_equal(stopped, 0);
	assert_int_equal(s.n, 6);
	assert_date(s.days[0], D(2025, 4, 18));
	assert_string_equal(s.names[0], "Good Friday");
	assert_date(s.days[1], D(2025, 4, 19));
	assert_null(s.names[1]);
	assert_date(s.days[3], D(2025, 4, 21));
	assert_string_equal(s.names[3], "Easter Monday");
	assert_date(s.days[5], D(2025, 4, 27));
	/* Stopping early returns the callback's value. */
	memset(&s, 0, sizeof(s));
	s.stop_at = 2;
	assert_int_equal(tp_calendar_foreach_non_working(
				 cal, D(2025, 4, 14), D(2025, 4, 27), collect,
				 &s, &stopped, NULL),
			 TP_OK);
	assert_int_equal(stopped, 42);
	assert_int_equal(s.n, 2);
	/* A span across many 64-day words: 2025 has 365 - 253 = 112
	 * non-working days (see between_counts). */
	memset(&s, 0, sizeof(s));
	assert_int_equal(tp_calendar_foreach_non_working(
				 cal, D(2025, 1, 1), D(2025, 12, 31), collect,
				 &s, NULL, NULL),
			 TP_OK);
	assert_int_equal(s.n, 112);
}

/* ---- property tests against a naive reference --------------------------- */

/* xorshift64*: small, seeded, the same on every platform. */
static uint64_t rng_state;

static uint64_t
rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * UINT64_C(2685821657736338717);
}

static int32_t
rng_range(int32_t lo, int32_t hi) /* inclusive */
{
	return lo + (int32_t)(rng() % (uint64_t)(hi - lo + 1));
}

/* The reference: one flag per day, filled from the raw inputs. */
struct naive {
	int32_t first, last;
	bool *off;
};

static bool
naive_working(const struct naive *nv, int32_t d)
{
	return !nv->off[d - nv->first];
}

static void
naive_mark(struct naive *nv, int32_t d)
{
	if (d >= nv->first && d <= nv->last)
		nv->off[d - nv->first] = true;
}

/* Status and result of the reference add: step day by day. */
static enum tp_status
naive_add(const struct naive *nv, int32_t d, int32_t n, int32_t *out)
{
	if (n == 0) {
		while (d <= nv->last && !naive_working(nv, d))
			d++;
		if (d > nv->last)
			return TP_ERR_RANGE;
		*out = d;
		return TP_OK;
	}
	for (int32_t step = n > 0 ? 1 : -1; n; n -= step) {
		do {
			d += step;
			if (d < nv->first || d > nv->last)
				return TP_ERR_RANGE;
		} while (!naive_working(nv, d));
	}
	*out = d;
	return TP_OK;
}

static int32_t
naive_between(const struct naive *nv, int32_t a, int32_t b)
{
	int32_t count = 0, sign = 1;
	if (b < a) {
		int32_t t = a;
		a = b;
		b = t;
		sign = -1;
	}
	for (int32_t d = a; d < b; d++)
		count += naive_working(nv, d);
	return sign * count;
}

static enum tp_status
naive_adjust(const struct naive *nv, int32_t d, enum tp_roll roll, int32_t *out)
{
	int32_t f;
	int m1, m2;
	if (roll == TP_ROLL_NONE || naive_working(nv, d)) {
		*out = d;
		return TP_OK;
	}
	if (roll == TP_ROLL_FOLLOWING)
		return naive_add(nv, d, 1, out);
	if (roll == TP_ROLL_PRECEDING)
		return naive_add(nv, d, -1, out);
	if (naive_add(nv, d, 1, &f) == TP_OK) {
		tp_date_to_ymd((struct tp_date){d}, NULL, &m1, NULL);
		tp_date_to_ymd((struct tp_date){f}, NULL, &m2, NULL);
		if (m1 == m2) {
			*out = f;
			return TP_OK;
		}
	}
	return naive_add(nv, d, -1, out);
}

/* A random calendar and its reference. */
static struct tp_calendar *
random_calendar(struct naive *nv)
{
	struct tp_calendar_builder *b = NULL;
	struct tp_calendar *cal = NULL;
	struct tp_holiday_list *list = NULL;
	enum tp_region region = (enum tp_region)rng_range(0, 4);
	unsigned weekend;
	int from = rng_range(1972, 2150), to = from + rng_range(0, 49);

	do
		weekend = (unsigned)rng_range(0, 127) << 1;
	while (weekend == 0xfe);
	if (rng() % 2)
		weekend = SAT_SUN;
	assert_int_equal(tp_calendar_builder_new(&b, NULL), TP_OK);
	assert_int_equal(tp_calendar_builder_set_region(b, region, NULL),
			 TP_OK);
	assert_int_equal(tp_calendar_builder_set_weekend(b, weekend, NULL),
			 TP_OK);
	assert_int_equal(tp_calendar_builder_set_range(b, from, to, NULL),
			 TP_OK);
	nv->first = TP_DATE(from, 1, 1).day;
	nv->last = TP_DATE(to, 12, 31).day;
	nv->off = calloc((size_t)(nv->last - nv->first + 1), 1);
	assert_non_null(nv->off);
	for (int32_t d = nv->first; d <= nv->last; d++)
		if (weekend & (1u << tp_date_weekday((struct tp_date){d})))
			naive_mark(nv, d);
	if (region != TP_REGION_NONE) {
		assert_int_equal(
			tp_region_holidays(region, from, to, &list, NULL),
			TP_OK);
		for (size_t i = 0; i < tp_holiday_list_count(list); i++)
			naive_mark(nv, tp_holiday_list_get(list, i)->date.day);
		tp_holiday_list_free(list);
		/* Christmas Day and Good Friday, whatever the weekend. */
		for (int y = from; y <= to; y++) {
			struct tp_date e;
			assert_int_equal(tp_date_easter(y, &e, NULL), TP_OK);
			naive_mark(nv, e.day - 2);
			naive_mark(nv, TP_DATE(y, 12, 25).day);
		}
	}
	for (int i = rng_range(0, 300); i > 0; i--) {
		/* Some fall outside the range: they must be ignored. */
		int32_t d = rng_range(nv->first - 30, nv->last + 30);
		assert_int_equal(tp_calendar_builder_add_holiday(
					 b, (struct tp_date){d}, "x", NULL),
				 TP_OK);
		naive_mark(nv, d);
	}
	for (int i = rng_range(0, 30); i > 0; i--) {
		int32_t d = rng_range(nv->first - 30, nv->last + 30);
		int32_t e = d + rng_range(0, rng() % 8 ? 20 : 400);
		if (e > tp_date_max().day)
			e = tp_date_max().day;
		assert_int_equal(tp_calendar_builder_add_closure(
					 b, (struct tp_date){d},
					 (struct tp_date){e}, NULL, NULL),
				 TP_OK);
		for (int32_t x = d; x <= e; x++)
			naive_mark(nv, x);
	}
	assert_int_equal(tp_calendar_builder_build(b, &cal, NULL), TP_OK);
	tp_calendar_builder_free(b);
	return cal;
}

/* A date in the range, often near an end so that results fall off it. */
static int32_t
random_day(const struct naive *nv)
{
	switch (rng() % 8) {
	case 0:
		return rng_range(nv->first, nv->first + 60 < nv->last
						    ? nv->first + 60
						    : nv->last);
	case 1:
		return rng_range(nv->last - 60 > nv->first ? nv->last - 60
							   : nv->first,
				 nv->last);
	default:
		return rng_range(nv->first, nv->last);
	}
}

static void
check_add(const struct tp_calendar *cal, const struct naive *nv, int32_t d,
	  int32_t n)
{
	struct tp_date got = {0};
	int32_t want = 0;
	enum tp_status rc = tp_calendar_add_working_days(
		cal, (struct tp_date){d}, n, &got, NULL);
	enum tp_status wrc = naive_add(nv, d, n, &want);
	if (rc != wrc || (rc == TP_OK && got.day != want))
		fail_msg("add(%d, %d): got %d/%d, want %d/%d", d, n, rc,
			 got.day, wrc, want);
}

static void
check_between(const struct tp_calendar *cal, const struct naive *nv, int32_t a,
	      int32_t b)
{
	int32_t got = 0, want = naive_between(nv, a, b);
	assert_int_equal(tp_calendar_working_days_between(
				 cal, (struct tp_date){a}, (struct tp_date){b},
				 &got, NULL),
			 TP_OK);
	if (got != want)
		fail_msg("between(%d, %d): got %d, want %d", a, b, got, want);
}

static void
check_adjust(const struct tp_calendar *cal, const struct naive *nv, int32_t d)
{
	enum tp_roll roll = (enum tp_roll)rng_range(0, 3);
	struct tp_date got = {0};
	int32_t want = 0;
	enum tp_status rc =
		tp_calendar_adjust(cal, (struct tp_date){d}, roll, &got, NULL);
	enum tp_status wrc = naive_adjust(nv, d, roll, &want);
	bool w = false;
	if (rc != wrc || (rc == TP_OK && got.day != want))
		fail_msg("adjust(%d, %d): got %d/%d, want %d/%d", d, roll, rc,
			 got.day, wrc, want);
	assert_int_equal(
		tp_calendar_is_working_day(cal, (struct tp_date){d}, &w, NULL),
		TP_OK);
	assert_int_equal(w, naive_working(nv, d));
}

static long
scaled(long n)
{
	const char *quick = getenv("TP_TEST_QUICK");
	return quick && *quick && strcmp(quick, "0") ? n / 20 : n;
}

static void
matches_naive_reference(void **state)
{
	const char *env = getenv("TP_TEST_SEED");
	uint64_t seed = env ? strtoull(env, NULL, 10)
			    : (uint64_t)time(NULL) ^ (uint64_t)clock();
	long calendars = scaled(40), per = 5000, checks = 0;

	(void)state;
	if (!seed)
		seed = 1;
	printf("# property test seed %llu (repeat with TP_TEST_SEED)\n",
	       (unsigned long long)seed);
	rng_state = seed;
	for (long c = 0; c < calendars; c++) {
		struct naive nv;
		struct tp_calendar *cal = random_calendar(&nv);
		for (long i = 0; i < per; i++) {
			int32_t d = random_day(&nv);
			int32_t n = rng() % 16 ? rng_range(-300, 300)
					       : rng_range(-3, 3);
			int32_t e = rng_range(
				d - 1900 < nv.first ? nv.first : d - 1900,
				d + 1900 > nv.last ? nv.last : d + 1900);
			check_add(cal, &nv, d, n);
			check_between(cal, &nv, d, e);
			check_adjust(cal, &nv, d);
			checks += 3;
		}
		free(nv.off);
		tp_calendar_free(cal);
	}
	printf("# %ld random checks against the reference\n", checks);
}

/* ---- allocation failures ------------------------------------------------ */

static enum tp_status
build_with_everything(struct tp_calendar **out)
{
	struct tp_calendar_builder *b = NULL;
	enum tp_status rc;

	rc = tp_calendar_builder_new(&b, NULL);
	if (rc)
		return rc;
	if (!(rc = tp_calendar_builder_set_range(b, 2020, 2030, NULL)) &&
	    !(rc = tp_calendar_builder_add_holiday(b, D(2025, 6, 6), "Staff",
						   NULL)) &&
	    !(rc = tp_calendar_builder_add_closure(
		      b, D(2025, 12, 27), D(2025, 12, 31), NULL, NULL)))
		rc = tp_calendar_builder_build(b, out, NULL);
	tp_calendar_builder_free(b);
	return rc;
}

static void
allocation_failures(void **state)
{
	struct tp_calendar *cal = NULL;
	enum tp_status rc;
	long n;

	(void)state;
	/* Fail the 1st, 2nd, ... allocation until the whole build succeeds;
	 * every failure is TP_ERR_NOMEM and leaks nothing (valgrind and ASan
	 * check the leaks). */
	for (n = 1;; n++) {
		alloc_fail_after(n);
		rc = build_with_everything(&cal);
		alloc_fail_after(0);
		if (rc == TP_OK)
			break;
		assert_int_equal(rc, TP_ERR_NOMEM);
		assert_true(n < 1000);
	}
	assert_true(n > 5);
	assert_date(add(cal, D(2025, 12, 24), 1), D(2026, 1, 2));
	tp_calendar_free(cal);
}

/* Holiday and closure names reach MSPDI, SVG, HTML and terminals: text
 * only (#9). */
static void
names_are_text(void **state)
{
	struct tp_calendar_builder *b = NULL;
	struct tp_error err;

	(void)state;
	assert_int_equal(tp_calendar_builder_new(&b, &err), TP_OK);
	assert_int_equal(tp_calendar_builder_add_holiday(b, TP_DATE(2025, 6, 2),
							 "Staff\x85"
							 "day",
							 &err),
			 TP_ERR_INVALID);
	assert_non_null(strstr(err.message, "not UTF-8 (0x85)"));
	assert_int_equal(tp_calendar_builder_add_holiday(b, TP_DATE(2025, 6, 2),
							 "Staff\xc2\x85"
							 "day",
							 &err),
			 TP_ERR_INVALID);
	assert_non_null(strstr(err.message, "control character (U+0085)"));
	assert_int_equal(tp_calendar_builder_add_closure(
				 b, TP_DATE(2025, 12, 24),
				 TP_DATE(2025, 12, 31), "Shut\ndown", &err),
			 TP_ERR_INVALID);
	assert_int_equal(
		tp_calendar_builder_add_closure(
			b, TP_DATE(2025, 12, 24), TP_DATE(2025, 12, 31),
			"Christmas shutdown \xe2\x80\x94 all sites", &err),
		TP_OK);
	tp_calendar_builder_free(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(add_skips_easter, setup_ew,
						teardown_cal),
		cmocka_unit_test_setup_teardown(add_zero, setup_ew,
						teardown_cal),
		cmocka_unit_test_setup_teardown(next_and_previous, setup_ew,
						teardown_cal),
		cmocka_unit_test_setup_teardown(between_counts, setup_ew,
						teardown_cal),
		cmocka_unit_test_setup_teardown(adjust_conventions, setup_ew,
						teardown_cal),
		cmocka_unit_test_setup_teardown(add_days_rolled, setup_ew,
						teardown_cal),
		cmocka_unit_test_setup_teardown(day_info, setup_ew,
						teardown_cal),
		cmocka_unit_test_setup_teardown(foreach_non_working, setup_ew,
						teardown_cal),
		cmocka_unit_test(closures),
		cmocka_unit_test(weekend_masks),
		cmocka_unit_test(range_errors),
		cmocka_unit_test(default_builder),
		cmocka_unit_test(regions_differ),
		cmocka_unit_test(matches_naive_reference),
		cmocka_unit_test(allocation_failures),
		cmocka_unit_test(names_are_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
