/* SPDX-License-Identifier: MIT */
/* Dates and counts near the limits of their types (#9 item 4): every date
 * and calendar function is called with day numbers and counts generated
 * around INT32_MIN, INT32_MAX, 0 and the ends of the supported and built
 * ranges, and must answer TP_OK with a date in range or TP_ERR_RANGE (or
 * TP_ERR_INVALID), never overflow. The ASan+UBSan build runs this with
 * UBSAN_OPTIONS=halt_on_error=1, so any signed overflow fails it.
 *
 * Expected values are computed here independently, in 64-bit arithmetic
 * (for sums and differences) or from the definition of the civil calendar
 * (a day's successor is the next day of the month, or the 1st of the next
 * month, or 1 January of the next year). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <tenderplan/tenderplan.h>

#define MIN_DAY (-25567) /* 1900-01-01: date(1900,1,1) - date(1970,1,1) */
#define MAX_DAY 84005    /* 2199-12-31, Python */

/* Day numbers around every limit: INT32_MIN, INT32_MAX, 0, the supported
 * range and 1972-01-01 (the first day of a calendar with a region). */
static size_t
extreme_days(int32_t *out)
{
	static const int64_t centres[] = {INT32_MIN, INT32_MAX, 0,
					  MIN_DAY,   MAX_DAY,   730,
					  -719468,   2932896};
	size_t n = 0;

	for (size_t c = 0; c < sizeof(centres) / sizeof(centres[0]); c++)
		for (int64_t k = -3; k <= 3; k++) {
			int64_t v = centres[c] + k;
			if (v >= INT32_MIN && v <= INT32_MAX)
				out[n++] = (int32_t)v;
		}
	return n;
}

/* Counts: the extremes of int32_t, small numbers, and the distances that
 * just reach or just leave the supported range from its ends. */
static size_t
extreme_counts(int32_t *out)
{
	static const int64_t centres[] = {
		INT32_MIN,         INT32_MAX, 0,  MAX_DAY - MIN_DAY,
		MIN_DAY - MAX_DAY, 1,         -1, (int64_t)INT32_MAX / 2};
	size_t n = 0;

	for (size_t c = 0; c < sizeof(centres) / sizeof(centres[0]); c++)
		for (int64_t k = -2; k <= 2; k++) {
			int64_t v = centres[c] + k;
			if (v >= INT32_MIN && v <= INT32_MAX)
				out[n++] = (int32_t)v;
		}
	return n;
}

static bool
leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int64_t y, int m)
{
	static const int d[12] = {31, 28, 31, 30, 31, 30,
				  31, 31, 30, 31, 30, 31};
	return d[m - 1] + (m == 2 && leap(y));
}

static bool
in_range(int64_t day)
{
	return day >= MIN_DAY && day <= MAX_DAY;
}

/* A failed call leaves *out alone and explains itself in one line that
 * never shows the impossible date 0000-00-00. */
static void
check_error(const struct tp_error *err, enum tp_status rc)
{
	assert_true(rc == TP_ERR_RANGE || rc == TP_ERR_INVALID);
	assert_int_equal(err->code, rc);
	assert_true(err->message[0] != '\0');
	assert_null(strchr(err->message, '\n'));
	assert_null(strstr(err->message, "0000-00-00"));
}

static void
civil_conversion(void **state)
{
	int32_t days[64];
	size_t nd = extreme_days(days);

	(void)state;
	for (size_t i = 0; i < nd; i++) {
		struct tp_date d = {days[i]};
		int y, m, dd, y2, m2, d2;
		char buf[TP_DATE_STRLEN];

		tp_date_to_ymd(d, &y, &m, &dd);
		assert_true(m >= 1 && m <= 12);
		assert_true(dd >= 1 && dd <= month_days(y, m));
		assert_int_equal(tp_days_in_month(y, m), month_days(y, m));
		/* The weekday cycles; 1970-01-01 (day 0) was a Thursday. */
		assert_true(tp_date_weekday(d) >= TP_MONDAY &&
			    tp_date_weekday(d) <= TP_SUNDAY);
		if (d.day == 0)
			assert_int_equal(tp_date_weekday(d), TP_THURSDAY);
		if (d.day < INT32_MAX) {
			struct tp_date e = {d.day + 1};
			bool last_of_month = dd == month_days(y, m);
			tp_date_to_ymd(e, &y2, &m2, &d2);
			/* The successor by the definition of the calendar. */
			assert_int_equal(d2, last_of_month ? 1 : dd + 1);
			assert_int_equal(m2, !last_of_month ? m
					     : m == 12      ? 1
							    : m + 1);
			assert_int_equal(y2,
					 last_of_month && m == 12 ? y + 1 : y);
			assert_int_equal(tp_date_weekday(e),
					 tp_date_weekday(d) % 7 + 1);
		}
		tp_date_format(d, buf);
		if (y >= 0 && y <= 9999) {
			char want[32];
			snprintf(want, sizeof(want), "%04d-%02d-%02d", y, m,
				 dd);
			assert_string_equal(buf, want);
		} else {
			assert_string_equal(buf, "????"
						 "-??"
						 "-??");
		}
		assert_int_equal(tp_date_in_range(d), in_range(d.day));
	}
}

static void
arithmetic(void **state)
{
	int32_t days[64], counts[64];
	size_t nd = extreme_days(days), nc = extreme_counts(counts);
	size_t checked = 0;

	(void)state;
	for (size_t i = 0; i < nd; i++) {
		for (size_t j = 0; j < nc; j++) {
			struct tp_date d = {days[i]}, out = {12345};
			struct tp_error err;
			int64_t want = (int64_t)days[i] + counts[j];
			enum tp_status rc;
			int y, m, dd;
			int64_t idx;

			rc = tp_date_add_days(d, counts[j], &out, &err);
			if (in_range(days[i]) && in_range(want)) {
				assert_int_equal(rc, TP_OK);
				assert_int_equal(out.day, want);
			} else {
				assert_int_equal(rc, TP_ERR_RANGE);
				check_error(&err, rc);
				assert_int_equal(out.day, 12345);
			}
			rc = tp_date_add_months(d, counts[j], &out, &err);
			tp_date_to_ymd(d, &y, &m, &dd);
			idx = (int64_t)y * 12 + (m - 1) + counts[j];
			if (in_range(days[i]) && idx >= 1900 * 12 &&
			    idx <= 2199 * 12 + 11) {
				assert_int_equal(rc, TP_OK);
				assert_true(tp_date_in_range(out));
			} else {
				assert_int_equal(rc, TP_ERR_RANGE);
				check_error(&err, rc);
			}
			/* The difference of two day numbers, clamped. */
			want = (int64_t)counts[j] - days[i];
			want = want > INT32_MAX   ? INT32_MAX
			       : want < INT32_MIN ? INT32_MIN
						  : want;
			assert_int_equal(
				tp_date_diff(d, (struct tp_date){counts[j]}),
				want);
			checked++;
		}
	}
	print_message("# %zu date/count pairs checked\n", checked);
}

static void
construction(void **state)
{
	static const int years[] = {INT32_MIN, -1,   0,    1899,  1900,
				    2199,      2200, 9999, 10000, INT32_MAX};
	static const int small[] = {INT32_MIN, -1, 0,  1,        12,
				    13,        31, 32, INT32_MAX};
	struct tp_error err;

	(void)state;
	for (size_t i = 0; i < sizeof(years) / sizeof(years[0]); i++) {
		struct tp_date out = {12345};
		enum tp_status rc = tp_date_easter(years[i], &out, &err);
		if (years[i] >= 1900 && years[i] <= 2199)
			assert_int_equal(rc, TP_OK);
		else
			check_error(&err, rc);
		for (size_t m = 0; m < sizeof(small) / sizeof(small[0]); m++)
			for (size_t d = 0; d < sizeof(small) / sizeof(small[0]);
			     d++) {
				rc = tp_date_from_ymd(years[i], small[m],
						      small[d], &out, &err);
				if (rc == TP_OK)
					assert_true(tp_date_in_range(out));
				else
					check_error(&err, rc);
				(void)tp_days_in_month(years[i], small[m]);
			}
	}
	/* Four-digit years outside the supported range parse as a range
	 * error naming the input. */
	assert_int_equal(
		tp_date_parse("9999-12-31", -1, &(struct tp_date){0}, &err),
		TP_ERR_RANGE);
	assert_non_null(strstr(err.message, "9999"));
	assert_int_equal(
		tp_date_parse("0000-01-01", -1, &(struct tp_date){0}, &err),
		TP_ERR_RANGE);
}

static int
count_days(struct tp_date d, const struct tp_day_info *info, void *user)
{
	(void)d;
	(void)info;
	++*(long *)user;
	return 0;
}

/* The calendar functions with the same extremes. */
static void
calendar_limits(void **state)
{
	int32_t days[64], counts[64];
	size_t nd = extreme_days(days), nc = extreme_counts(counts);
	struct tp_calendar *cal = NULL;
	struct tp_error err;

	(void)state;
	assert_int_equal(
		tp_calendar_new_region(TP_REGION_ENGLAND_AND_WALES, &cal, &err),
		TP_OK);
	for (size_t i = 0; i < nd; i++) {
		struct tp_date d = {days[i]}, out;
		bool inside = days[i] >= tp_calendar_first_day(cal).day &&
			      days[i] <= tp_calendar_last_day(cal).day;
		struct tp_day_info info;
		enum tp_status rc;
		bool w;
		long n = 0;

		rc = tp_calendar_is_working_day(cal, d, &w, &err);
		if (inside)
			assert_int_equal(rc, TP_OK);
		else
			check_error(&err, rc);
		rc = tp_calendar_day_info(cal, d, &info, &err);
		assert_int_equal(rc == TP_OK, inside);
		if (rc)
			check_error(&err, rc);
		for (int roll = 0; roll <= 3; roll++) {
			rc = tp_calendar_adjust(cal, d, (enum tp_roll)roll,
						&out, &err);
			if (rc)
				check_error(&err, rc);
			else
				assert_true(tp_date_in_range(out));
		}
		rc = tp_calendar_foreach_non_working(cal, d, d, count_days, &n,
						     NULL, &err);
		assert_int_equal(rc == TP_OK, inside);
		for (size_t j = 0; j < nc; j++) {
			int32_t between = 12345;
			rc = tp_calendar_add_working_days(cal, d, counts[j],
							  &out, &err);
			if (rc)
				check_error(&err, rc);
			else
				assert_true(tp_date_in_range(out));
			rc = tp_calendar_add_days_rolled(cal, d, counts[j],
							 TP_ROLL_FOLLOWING,
							 &out, &err);
			if (rc)
				check_error(&err, rc);
			else
				assert_true(tp_date_in_range(out));
			rc = tp_calendar_working_days_between(
				cal, d, (struct tp_date){counts[j]}, &between,
				&err);
			if (rc) {
				check_error(&err, rc);
				assert_int_equal(between, 12345);
			}
		}
	}
	tp_calendar_free(cal);
}

static void
builders_and_lists(void **state)
{
	static const int years[] = {INT32_MIN, 0,    1899, 1900,     1971,
				    1972,      2199, 2200, INT32_MAX};
	struct tp_calendar_builder *b = NULL;
	struct tp_holiday_list *list = NULL;
	struct tp_error err;
	enum tp_status rc;

	(void)state;
	assert_int_equal(tp_calendar_builder_new(&b, &err), TP_OK);
	for (size_t i = 0; i < sizeof(years) / sizeof(years[0]); i++)
		for (size_t j = 0; j < sizeof(years) / sizeof(years[0]); j++) {
			rc = tp_region_holidays(TP_REGION_UK, years[i],
						years[j], &list, &err);
			if (rc == TP_OK)
				tp_holiday_list_free(list);
			else
				check_error(&err, rc);
			rc = tp_calendar_builder_set_range(b, years[i],
							   years[j], &err);
			if (rc)
				check_error(&err, rc);
		}
	static const int32_t bad[] = {INT32_MIN,   INT32_MIN + 1, MIN_DAY - 1,
				      MAX_DAY + 1, INT32_MAX - 1, INT32_MAX};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct tp_date x = {bad[i]};
		rc = tp_calendar_builder_add_holiday(b, x, NULL, &err);
		check_error(&err, rc);
		rc = tp_calendar_builder_add_closure(b, x, x, NULL, &err);
		check_error(&err, rc);
	}
	tp_calendar_builder_free(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(civil_conversion),
		cmocka_unit_test(arithmetic),
		cmocka_unit_test(construction),
		cmocka_unit_test(calendar_limits),
		cmocka_unit_test(builders_and_lists),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
