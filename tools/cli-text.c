/* SPDX-License-Identifier: MIT */
/* Text helpers for batch mode. They run once or twice per input line, so
 * they avoid stdio, locale-dependent calls and allocation. */
#include <stdint.h>
#include <string.h>

#include "cli.h"

/* "00" to "99", two bytes each. */
static const char two_digits[] = "00010203040506070809"
				 "10111213141516171819"
				 "20212223242526272829"
				 "30313233343536373839"
				 "40414243444546474849"
				 "50515253545556575859"
				 "60616263646566676869"
				 "70717273747576777879"
				 "80818283848586878889"
				 "90919293949596979899";

/* Days before the first of each month, in a common and a leap year. */
static const short month_start[2][13] = {
	{0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365},
	{0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366},
};

static bool
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Day number of 1 January of year @p y (y >= 1): 365 a year plus the leap
 * days before it, counted from 1970. */
static int32_t
jan1(int y)
{
	int p = y - 1;
	return 365 * (y - 1970) + (p / 4 - p / 100 + p / 400) - 477;
}

static char *
put2(char *p, int v)
{
	memcpy(p, two_digits + 2 * v, 2);
	return p + 2;
}

/* The year from a guess by the mean Gregorian year (146097 days in 400
 * years), corrected by one either way; the month from a table. Cheaper
 * than tp_date_to_ymd()'s divisions, and checked against it for every day
 * of the supported range by test-cli-text. */
char *
cli_put_date(char *p, struct tp_date d)
{
	int y = 1900 + (int)((int64_t)(d.day + 25567) * 400 / 146097);
	int doy, m, leap;

	if (jan1(y) > d.day)
		y--;
	else if (jan1(y + 1) <= d.day)
		y++;
	doy = d.day - jan1(y);
	leap = is_leap(y);
	m = doy / 31;
	while (doy >= month_start[leap][m + 1])
		m++;
	p = put2(p, y / 100);
	p = put2(p, y % 100);
	*p++ = '-';
	p = put2(p, m + 1);
	*p++ = '-';
	return put2(p, doy - month_start[leap][m] + 1);
}

char *
cli_put_int(char *p, long v)
{
	char tmp[24];
	int n = 0;
	unsigned long u = v < 0 ? 0ul - (unsigned long)v : (unsigned long)v;

	do {
		tmp[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		*p++ = '-';
	while (n)
		*p++ = tmp[--n];
	return p;
}

bool
cli_parse_int32(const char *s, size_t len, int32_t *out)
{
	size_t i = 0;
	bool neg = false;
	int64_t v = 0;

	if (len > 0 && (s[0] == '-' || s[0] == '+')) {
		neg = s[0] == '-';
		i = 1;
	}
	if (i == len)
		return false;
	for (; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
		if (v > (int64_t)INT32_MAX + 1)
			return false;
	}
	v = neg ? -v : v;
	if (v > INT32_MAX)
		return false;
	*out = (int32_t)v;
	return true;
}

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Take the field starting at or after *i; false if there is none. */
static bool
next_field(const char *line, size_t len, size_t *i, const char **f, size_t *l)
{
	size_t start;

	while (*i < len && is_blank(line[*i]))
		(*i)++;
	if (*i == len)
		return false;
	start = *i;
	while (*i < len && !is_blank(line[*i]))
		(*i)++;
	*f = line + start;
	*l = *i - start;
	return true;
}

bool
cli_split2(const char *line, size_t len, const char **f1, size_t *l1,
	   const char **f2, size_t *l2)
{
	size_t i = 0;
	const char *f3;
	size_t l3;

	return next_field(line, len, &i, f1, l1) &&
	       next_field(line, len, &i, f2, l2) &&
	       !next_field(line, len, &i, &f3, &l3);
}
