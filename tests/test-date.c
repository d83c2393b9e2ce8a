/* SPDX-License-Identifier: MIT */
/* Civil dates. Expected values were checked by hand against a perpetual
 * calendar and Python's datetime module (an independent implementation),
 * as noted beside each. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <tenderplan/tenderplan.h>

static struct tp_date
ymd(int y, int m, int d)
{
	struct tp_date out = {INT32_MIN};
	assert_int_equal(tp_date_from_ymd(y, m, d, &out, NULL), TP_OK);
	return out;
}

static void
epoch_and_known_serials(void **state)
{
	int y, m, d;
	/* 1970-01-01 is day 0 by definition; 2000-01-01 is day 10957
	 * (date(2000,1,1) - date(1970,1,1) in Python); 1900-01-01 is -25567. */
	assert_int_equal(ymd(1970, 1, 1).day, 0);
	assert_int_equal(ymd(2000, 1, 1).day, 10957);
	assert_int_equal(ymd(2000, 3, 1).day, 10957 + 31 + 29);
	assert_int_equal(ymd(1900, 1, 1).day, -25567);
	assert_int_equal(ymd(2199, 12, 31).day, 84005);
	assert_int_equal(TP_DATE(2025, 4, 18).day, ymd(2025, 4, 18).day);
	tp_date_to_ymd(ymd(2012, 2, 29), &y, &m, &d);
	assert_int_equal(y, 2012);
	assert_int_equal(m, 2);
	assert_int_equal(d, 29);
}

static void
weekdays(void **state)
{
	/* 1970-01-01 Thursday; 1900-01-01 Monday; Good Friday 2025-04-18;
	 * 2199-12-31 Tuesday (Python: date(2199,12,31).isoweekday() == 2). */
	assert_int_equal(tp_date_weekday(ymd(1970, 1, 1)), TP_THURSDAY);
	assert_int_equal(tp_date_weekday(ymd(1900, 1, 1)), TP_MONDAY);
	assert_int_equal(tp_date_weekday(ymd(2025, 4, 18)), TP_FRIDAY);
	assert_int_equal(tp_date_weekday(ymd(2012, 10, 19)), TP_FRIDAY);
	assert_int_equal(tp_date_weekday(ymd(2013, 4, 1)), TP_MONDAY);
	assert_int_equal(tp_date_weekday(ymd(2199, 12, 31)), TP_TUESDAY);
}

/* Walk every day of the supported range with a naive y/m/d counter and
 * check serial, conversion back and weekday: an independent computation. */
static void
every_day_round_trips(void **state)
{
	int32_t serial = -25567; /* 1900-01-01 */
	int wd = 1;              /* Monday */
	for (int y = TP_YEAR_MIN; y <= TP_YEAR_MAX; y++) {
		bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
		for (int m = 1; m <= 12; m++) {
			static const int len[] = {31, 28, 31, 30, 31, 30,
						  31, 31, 30, 31, 30, 31};
			int n = len[m - 1] + (m == 2 && leap);
			assert_int_equal(tp_days_in_month(y, m), n);
			for (int d = 1; d <= n; d++, serial++) {
				struct tp_date t = {serial};
				int yy, mm, dd;
				assert_int_equal(ymd(y, m, d).day, serial);
				tp_date_to_ymd(t, &yy, &mm, &dd);
				if (yy != y || mm != m || dd != d)
					fail_msg("day %d", serial);
				assert_int_equal(tp_date_weekday(t), wd);
				wd = wd % 7 + 1;
			}
		}
	}
	assert_int_equal(serial - 1, tp_date_max().day);
}

static void
parse_and_format(void **state)
{
	struct tp_date d;
	char buf[TP_DATE_STRLEN];
	assert_int_equal(tp_date_parse("2012-10-19", -1, &d, NULL), TP_OK);
	assert_int_equal(d.day, ymd(2012, 10, 19).day);
	assert_string_equal(tp_date_format(d, buf), "2012-10-19");
	assert_int_equal(tp_date_parse("2000-02-29", -1, &d, NULL), TP_OK);
	assert_int_equal(tp_date_parse("1900-01-01", -1, &d, NULL), TP_OK);
	assert_int_equal(tp_date_parse("2199-12-31", -1, &d, NULL), TP_OK);
	/* Length-limited input: only the first ten bytes are read. */
	assert_int_equal(tp_date_parse("2012-10-19 and more", 10, &d, NULL),
			 TP_OK);
	assert_string_equal(tp_date_format(ymd(1905, 3, 7), buf),
			    "1905-03-07");
}

static void
parse_rejects(void **state)
{
	static const struct {
		const char *text;
		enum tp_status code;
	} bad[] = {
		{"2011-02-30", TP_ERR_INVALID}, {"2011-13-01", TP_ERR_INVALID},
		{"2011-00-10", TP_ERR_INVALID}, {"2011-04-31", TP_ERR_INVALID},
		{"1900-02-29", TP_ERR_INVALID}, {"2011-01-00", TP_ERR_INVALID},
		{"2011-1-5", TP_ERR_PARSE},     {"2011-01-05x", TP_ERR_PARSE},
		{" 2011-01-05", TP_ERR_PARSE},  {"2011/01/05", TP_ERR_PARSE},
		{"+011-01-05", TP_ERR_PARSE},   {"", TP_ERR_PARSE},
		{"20110105", TP_ERR_PARSE},     {"2011-01-0５", TP_ERR_PARSE},
		{"1899-12-31", TP_ERR_RANGE},   {"2200-01-01", TP_ERR_RANGE},
		{"0000-01-01", TP_ERR_RANGE},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct tp_error err;
		struct tp_date d = {12345};
		enum tp_status rc = tp_date_parse(bad[i].text, -1, &d, &err);
		if (rc != bad[i].code)
			fail_msg("'%s': got %d, want %d", bad[i].text, rc,
				 bad[i].code);
		assert_int_equal(err.code, bad[i].code);
		assert_true(err.message[0] != '\0');
		assert_null(strchr(err.message, '\n'));
		assert_int_equal(d.day, 12345); /* untouched on failure */
	}
}

static void
error_messages_name_the_input(void **state)
{
	struct tp_error err;
	struct tp_date d;
	assert_int_equal(tp_date_parse("2011-1-5", -1, &d, &err),
			 TP_ERR_PARSE);
	assert_non_null(strstr(err.message, "'2011-1-5'"));
	assert_int_equal(tp_date_parse("2011-02-30", -1, &d, &err),
			 TP_ERR_INVALID);
	assert_non_null(strstr(err.message, "2011-02-30"));
	assert_int_equal(tp_date_parse("2200-01-01", -1, &d, &err),
			 TP_ERR_RANGE);
	assert_non_null(strstr(err.message, "2200"));
}

static void
add_days_and_months(void **state)
{
	struct tp_date d;
	assert_int_equal(tp_date_add_days(ymd(2011, 12, 31), 1, &d, NULL),
			 TP_OK);
	assert_int_equal(d.day, ymd(2012, 1, 1).day);
	assert_int_equal(tp_date_add_days(ymd(2012, 3, 1), -1, &d, NULL),
			 TP_OK);
	assert_int_equal(d.day, ymd(2012, 2, 29).day);
	/* Hartlepool: 28 days from 1 Nov 2011 is 29 Nov 2011. */
	assert_int_equal(tp_date_add_days(ymd(2011, 11, 1), 28, &d, NULL),
			 TP_OK);
	assert_int_equal(d.day, ymd(2011, 11, 29).day);
	assert_int_equal(tp_date_add_days(ymd(2199, 12, 31), 1, &d, NULL),
			 TP_ERR_RANGE);
	assert_int_equal(tp_date_add_days(ymd(1900, 1, 1), -1, &d, NULL),
			 TP_ERR_RANGE);
	assert_int_equal(tp_date_add_days(ymd(2000, 1, 1), INT32_MAX, &d,
					  NULL),
			 TP_ERR_RANGE);

	/* Month ends clamp: 31 Jan + 1 month is 29 Feb in a leap year and
	 * 28 Feb otherwise; 29 Feb + 12 months is 28 Feb. */
	assert_int_equal(tp_date_add_months(ymd(2012, 1, 31), 1, &d, NULL),
			 TP_OK);
	assert_int_equal(d.day, ymd(2012, 2, 29).day);
	assert_int_equal(tp_date_add_months(ymd(2011, 1, 31), 1, &d, NULL),
			 TP_OK);
	assert_int_equal(d.day, ymd(2011, 2, 28).day);
	assert_int_equal(tp_date_add_months(ymd(2000, 2, 29), 12, &d, NULL),
			 TP_OK);
	assert_int_equal(d.day, ymd(2001, 2, 28).day);
	assert_int_equal(tp_date_add_months(ymd(2011, 3, 31), -1, &d, NULL),
			 TP_OK);
	assert_int_equal(d.day, ymd(2011, 2, 28).day);
	assert_int_equal(tp_date_add_months(ymd(2011, 11, 15), 2, &d, NULL),
			 TP_OK);
	assert_int_equal(d.day, ymd(2012, 1, 15).day);
	assert_int_equal(tp_date_add_months(ymd(2012, 1, 15), -13, &d, NULL),
			 TP_OK);
	assert_int_equal(d.day, ymd(2010, 12, 15).day);
	assert_int_equal(tp_date_add_months(ymd(2199, 12, 1), 1, &d, NULL),
			 TP_ERR_RANGE);
	assert_int_equal(tp_date_add_months(ymd(2000, 1, 1), INT32_MIN, &d,
					    NULL),
			 TP_ERR_RANGE);
}

static void
easter(void **state)
{
	/* Check values from the reference (uk-bank-holidays.md section 2)
	 * and published tables: 1943 and 2038 are the latest (25 April),
	 * 2008 near the earliest (23 March). */
	static const int cases[][3] = {
		{2010, 4, 4},  {2011, 4, 24}, {2025, 4, 20}, {2026, 4, 5},
		{1943, 4, 25}, {2038, 4, 25}, {2008, 3, 23}, {1981, 4, 19},
		{2012, 4, 8},  {2000, 4, 23}, {1972, 4, 2},  {2199, 4, 14},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct tp_date d;
		assert_int_equal(tp_date_easter(cases[i][0], &d, NULL), TP_OK);
		assert_int_equal(d.day,
				 ymd(cases[i][0], cases[i][1], cases[i][2]).day);
		assert_int_equal(tp_date_weekday(d), TP_SUNDAY);
	}
	struct tp_date d;
	assert_int_equal(tp_date_easter(1899, &d, NULL), TP_ERR_RANGE);
}

static void
compare(void **state)
{
	struct tp_date a = ymd(2012, 10, 19), b = ymd(2012, 11, 1);
	assert_true(tp_date_compare(a, b) < 0);
	assert_true(tp_date_compare(b, a) > 0);
	assert_int_equal(tp_date_compare(a, a), 0);
	assert_true(tp_date_equal(a, a));
	assert_false(tp_date_equal(a, b));
	assert_int_equal(tp_date_diff(a, b), 13);
	assert_true(tp_date_in_range(a));
	assert_false(tp_date_in_range((struct tp_date){tp_date_max().day + 1}));
}

static void
error_format(void **state)
{
	struct tp_error err;
	char buf[600];
	tp_error_clear(&err);
	assert_int_equal(err.code, TP_OK);
	memset(&err, 0, sizeof(err));
	err.code = TP_ERR_PARSE;
	strcpy(err.source, "plan.xml");
	err.line = 12;
	err.column = 3;
	strcpy(err.stage, "itt");
	strcpy(err.message, "bad duration");
	assert_string_equal(tp_error_format(&err, buf, sizeof(buf)),
			    "plan.xml:12:3: itt: bad duration");
	err.column = 0;
	err.stage[0] = '\0';
	assert_string_equal(tp_error_format(&err, buf, sizeof(buf)),
			    "plan.xml:12: bad duration");
	assert_string_equal(tp_error_format(&err, buf, 5), "plan");
	assert_string_equal(tp_status_str(TP_ERR_NOMEM), "out of memory");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(epoch_and_known_serials),
		cmocka_unit_test(weekdays),
		cmocka_unit_test(every_day_round_trips),
		cmocka_unit_test(parse_and_format),
		cmocka_unit_test(parse_rejects),
		cmocka_unit_test(error_messages_name_the_input),
		cmocka_unit_test(add_days_and_months),
		cmocka_unit_test(easter),
		cmocka_unit_test(compare),
		cmocka_unit_test(error_format),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
