/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "date-private.h"
#include "error-private.h"

/* Civil-date conversions after Howard Hinnant, "chrono-Compatible Low-Level
 * Date Algorithms" (days_from_civil / civil_from_days), valid for the whole
 * proleptic Gregorian calendar. */
/* The arithmetic is in 64 bits: with 32-bit ints the era product
 * overflows for days near INT32_MAX (year 5,881,610), which is undefined
 * behaviour (#9). */
int32_t
tp_days_from_civil(int y, int m, int d)
{
	int64_t yy = (int64_t)y - (m <= 2);
	int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
	int64_t yoe = yy - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + doe - 719468);
}

TP_EXPORT void
tp_date_to_ymd(struct tp_date date, int *year, int *month, int *day)
{
	int64_t z = (int64_t)date.day + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int64_t d = doy - (153 * mp + 2) / 5 + 1;
	int64_t m = mp < 10 ? mp + 3 : mp - 9;
	int64_t y = yoe + era * 400 + (m <= 2);

	if (year)
		*year = (int)y;
	if (month)
		*month = (int)m;
	if (day)
		*day = (int)d;
}

int
tp_date_year(struct tp_date d)
{
	int y;
	tp_date_to_ymd(d, &y, NULL, NULL);
	return y;
}

TP_EXPORT struct tp_date
tp_date_min(void)
{
	return TP_DATE(TP_YEAR_MIN, 1, 1);
}

TP_EXPORT struct tp_date
tp_date_max(void)
{
	return TP_DATE(TP_YEAR_MAX, 12, 31);
}

TP_EXPORT bool
tp_date_in_range(struct tp_date d)
{
	return d.day >= tp_date_min().day && d.day <= tp_date_max().day;
}

static bool
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

TP_EXPORT int
tp_days_in_month(int year, int month)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30,
				     31, 31, 30, 31, 30, 31};
	if (month < 1 || month > 12)
		return 0;
	return days[month - 1] + (month == 2 && is_leap(year));
}

TP_EXPORT enum tp_status
tp_date_from_ymd(int year, int month, int day, struct tp_date *out,
		 struct tp_error *err)
{
	if (!out)
		return tp_error_null(err, __func__);
	if (year < TP_YEAR_MIN || year > TP_YEAR_MAX)
		return tp_error_setf(err, TP_ERR_RANGE, NULL,
				     "year %d is outside the supported range "
				     "%d to %d",
				     year, TP_YEAR_MIN, TP_YEAR_MAX);
	if (month < 1 || month > 12)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "month %d does not exist", month);
	if (day < 1 || day > tp_days_in_month(year, month))
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "%04d-%02d-%02d does not exist (month %d "
				     "of %d has %d days)",
				     year, month, day, month, year,
				     tp_days_in_month(year, month));
	out->day = tp_days_from_civil(year, month, day);
	return TP_OK;
}

TP_EXPORT enum tp_weekday
tp_date_weekday(struct tp_date d)
{
	/* 1970-01-01 was a Thursday (ISO 4). */
	int32_t w = (int32_t)(((int64_t)d.day + 3) % 7);
	if (w < 0)
		w += 7;
	return (enum tp_weekday)(w + 1);
}

static int
digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

TP_EXPORT enum tp_status
tp_date_parse(const char *text, long len, struct tp_date *out,
	      struct tp_error *err)
{
	int y, m, d;
	size_t n;

	if (!text || !out)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "no date given");
	n = len < 0 ? strlen(text) : (size_t)len;
	if (n != 10 || text[4] != '-' || text[7] != '-' ||
	    (y = digits(text, 4)) < 0 || (m = digits(text + 5, 2)) < 0 ||
	    (d = digits(text + 8, 2)) < 0)
		return tp_error_setf(err, TP_ERR_PARSE, NULL,
				     "'%.*s' is not a date in the form "
				     "YYYY-MM-DD",
				     (int)(n > 40 ? 40 : n), text);
	return tp_date_from_ymd(y, m, d, out, err);
}

static void
put_digits(char *p, int v, int n)
{
	for (int i = n - 1; i >= 0; i--, v /= 10)
		p[i] = (char)('0' + v % 10);
}

/* Digits written directly: this runs once per line in batch mode and in
 * every export, where snprintf was the larger cost. A year that four
 * digits cannot hold is not written as a plausible date such as
 * 0000-00-00 (#9). */
TP_EXPORT char *
tp_date_format(struct tp_date d, char buf[TP_DATE_STRLEN])
{
	if (!buf)
		return NULL;
	int y, m, dd;
	tp_date_to_ymd(d, &y, &m, &dd);
	if (y < 0 || y > 9999) {
		memcpy(buf, "\?\?\?\?-\?\?-\?\?", TP_DATE_STRLEN);
		return buf;
	}
	put_digits(buf, y, 4);
	buf[4] = '-';
	put_digits(buf + 5, m, 2);
	buf[7] = '-';
	put_digits(buf + 8, dd, 2);
	buf[10] = '\0';
	return buf;
}

TP_EXPORT int
tp_date_compare(struct tp_date a, struct tp_date b)
{
	return (a.day > b.day) - (a.day < b.day);
}

TP_EXPORT bool
tp_date_equal(struct tp_date a, struct tp_date b)
{
	return a.day == b.day;
}

TP_EXPORT int32_t
tp_date_diff(struct tp_date a, struct tp_date b)
{
	int64_t n = (int64_t)b.day - a.day;

	return n > INT32_MAX   ? INT32_MAX
	       : n < INT32_MIN ? INT32_MIN
			       : (int32_t)n;
}

char *
tp_date_describe(struct tp_date d, char buf[TP_DATE_DESCRIBE_LEN])
{
	int y;

	tp_date_to_ymd(d, &y, NULL, NULL);
	if (y >= 0 && y <= 9999)
		return tp_date_format(d, buf);
	snprintf(buf, TP_DATE_DESCRIBE_LEN, "a day in the year %d", y);
	return buf;
}

static enum tp_status
range_error(struct tp_error *err, struct tp_date d)
{
	char buf[TP_DATE_DESCRIBE_LEN];
	if (!tp_date_in_range(d))
		return tp_error_setf(err, TP_ERR_RANGE, NULL,
				     "%s is outside the supported dates "
				     "%d-01-01 to %d-12-31",
				     tp_date_describe(d, buf), TP_YEAR_MIN,
				     TP_YEAR_MAX);
	return TP_OK;
}

TP_EXPORT enum tp_status
tp_date_add_days(struct tp_date d, int32_t days, struct tp_date *out,
		 struct tp_error *err)
{
	if (!out)
		return tp_error_null(err, __func__);
	int64_t r = (int64_t)d.day + days;

	if (range_error(err, d))
		return TP_ERR_RANGE;
	if (r < tp_date_min().day || r > tp_date_max().day)
		return tp_error_setf(err, TP_ERR_RANGE, NULL,
				     "adding %ld days leaves the supported "
				     "range %d to %d",
				     (long)days, TP_YEAR_MIN, TP_YEAR_MAX);
	out->day = (int32_t)r;
	return TP_OK;
}

TP_EXPORT enum tp_status
tp_date_add_months(struct tp_date d, int32_t months, struct tp_date *out,
		   struct tp_error *err)
{
	if (!out)
		return tp_error_null(err, __func__);
	int y, m, dd;
	int64_t idx;

	if (range_error(err, d))
		return TP_ERR_RANGE;
	tp_date_to_ymd(d, &y, &m, &dd);
	idx = (int64_t)y * 12 + (m - 1) + months;
	if (idx < (int64_t)TP_YEAR_MIN * 12 || idx > (int64_t)TP_YEAR_MAX * 12 + 11)
		return tp_error_setf(err, TP_ERR_RANGE, NULL,
				     "adding %ld months leaves the supported "
				     "range %d to %d",
				     (long)months, TP_YEAR_MIN, TP_YEAR_MAX);
	y = (int)(idx / 12);
	m = (int)(idx % 12) + 1;
	if (dd > tp_days_in_month(y, m))
		dd = tp_days_in_month(y, m);
	out->day = tp_days_from_civil(y, m, dd);
	return TP_OK;
}

/* Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
struct tp_date
tp_easter_sunday(int year)
{
	int a = year % 19, b = year / 100, c = year % 100;
	int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int month = (h + l - 7 * m + 114) / 31;
	int day = (h + l - 7 * m + 114) % 31 + 1;
	return tp_date_from_serial(tp_days_from_civil(year, month, day));
}

TP_EXPORT enum tp_status
tp_date_easter(int year, struct tp_date *out, struct tp_error *err)
{
	if (!out)
		return tp_error_null(err, __func__);
	if (year < TP_YEAR_MIN || year > TP_YEAR_MAX)
		return tp_error_setf(err, TP_ERR_RANGE, NULL,
				     "year %d is outside the supported range "
				     "%d to %d",
				     year, TP_YEAR_MIN, TP_YEAR_MAX);
	*out = tp_easter_sunday(year);
	return TP_OK;
}

struct tp_date
tp_date_nth_weekday(int year, int month, enum tp_weekday wd, int n)
{
	struct tp_date first;
	int shift;

	if (n < 0) {
		int last = tp_days_in_month(year, month);
		first = tp_date_from_serial(tp_days_from_civil(year, month,
								 last));
		shift = ((int)tp_date_weekday(first) - (int)wd + 7) % 7;
		return tp_date_from_serial(first.day - shift);
	}
	first = tp_date_from_serial(tp_days_from_civil(year, month, 1));
	shift = ((int)wd - (int)tp_date_weekday(first) + 7) % 7;
	return tp_date_from_serial(first.day + shift + 7 * (n - 1));
}
