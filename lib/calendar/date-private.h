/* SPDX-License-Identifier: MIT */
#ifndef TP_DATE_PRIVATE_H
#define TP_DATE_PRIVATE_H

#include <stdbool.h>

#include <tenderplan/tp-date.h>

/* Days from 1970-01-01 to y-m-d for any valid y-m-d (no checks). */
int32_t
tp_days_from_civil(int y, int m, int d);

/* The n-th (1-based) weekday @wd of a month, or the last one for n = -1. */
struct tp_date
tp_date_nth_weekday(int year, int month, enum tp_weekday wd, int n);

/* Easter Sunday without range checks (year >= 1583). */
struct tp_date
tp_easter_sunday(int year);

/* Bytes for tp_date_describe(). */
#define TP_DATE_DESCRIBE_LEN 40

/* @d as "YYYY-MM-DD", or as "a day in the year 5881610" when four digits
 * cannot hold its year: for messages about dates outside the supported
 * range. @return @buf. */
char *
tp_date_describe(struct tp_date d, char buf[TP_DATE_DESCRIBE_LEN]);

/* The year of @d. */
int
tp_date_year(struct tp_date d);

/* @s exactly "HH:MM" (00:00 to 23:59): minutes after midnight to
 * @minutes and true; false otherwise, reading no byte past the first that
 * does not fit (#11: a plan file's time="1" made the readers read past
 * the end of the value). */
static inline bool
tp_hhmm_parse(const char *s, int *minutes)
{
	int h, m;

	if (!s || s[0] < '0' || s[0] > '2' || s[1] < '0' || s[1] > '9' ||
	    s[2] != ':' || s[3] < '0' || s[3] > '5' || s[4] < '0' ||
	    s[4] > '9' || s[5] != '\0')
		return false;
	h = (s[0] - '0') * 10 + (s[1] - '0');
	m = (s[3] - '0') * 10 + (s[4] - '0');
	if (h > 23)
		return false;
	*minutes = h * 60 + m;
	return true;
}

static inline struct tp_date
tp_date_from_serial(int32_t day)
{
	struct tp_date d = {day};
	return d;
}

#endif
