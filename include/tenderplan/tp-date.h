/* SPDX-License-Identifier: MIT */
/**
 * @file tp-date.h
 * Civil dates (proleptic Gregorian, no time zone) as serial day numbers.
 *
 * A struct tp_date holds the number of days since 1970-01-01 (day 0, a
 * Thursday); earlier dates are negative. Dates are plain values: copy them,
 * compare them with tp_date_compare() or by their @c day field. The library
 * supports 1900-01-01 to 2199-12-31 (TP_DATE_MIN to TP_DATE_MAX); every
 * function that could produce a date outside that range fails with
 * TP_ERR_RANGE instead of wrapping.
 */
#ifndef TP_DATE_H
#define TP_DATE_H

#include <stdbool.h>
#include <stdint.h>

#include "tp-common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A calendar date: days since 1970-01-01. */
struct tp_date {
	int32_t day; /**< days since 1970-01-01 (negative before) */
};

/** Earliest supported year. */
#define TP_YEAR_MIN 1900
/** Latest supported year. */
#define TP_YEAR_MAX 2199
/** Bytes needed by tp_date_format(): "YYYY-MM-DD" and a NUL. */
#define TP_DATE_STRLEN 11

/** Days from 1970-01-01 to y-m-d (H. Hinnant's days_from_civil, for y >= 1).
 * A constant expression, for literals in code and tests; it does not check
 * its arguments: use tp_date_from_ymd() for input. */
#define TP_DAYS_FROM_CIVIL_(y, m, d)                                          \
	((((y) - ((m) <= 2)) / 400) * 146097 +                                \
	 (((y) - ((m) <= 2)) % 400) * 365 + (((y) - ((m) <= 2)) % 400) / 4 -   \
	 (((y) - ((m) <= 2)) % 400) / 100 +                                    \
	 (153 * ((m) + ((m) > 2 ? -3 : 9)) + 2) / 5 + (d) - 1 - 719468)

/** A date literal, e.g. TP_DATE(2025, 4, 18). Arguments are not checked. */
#ifdef __cplusplus
#define TP_DATE(y, m, d) (tp_date{(int32_t)TP_DAYS_FROM_CIVIL_(y, m, d)})
#else
#define TP_DATE(y, m, d)                                                      \
	((struct tp_date){(int32_t)TP_DAYS_FROM_CIVIL_(y, m, d)})
#endif

/** The same as a brace initializer, for static tables:
 * static const struct tp_date d = TP_DATE_INIT(2012, 10, 19); */
#define TP_DATE_INIT(y, m, d) {(int32_t)TP_DAYS_FROM_CIVIL_(y, m, d)}

/** ISO weekdays as returned by tp_date_weekday(). */
enum tp_weekday {
	TP_MONDAY = 1,
	TP_TUESDAY,
	TP_WEDNESDAY,
	TP_THURSDAY,
	TP_FRIDAY,
	TP_SATURDAY,
	TP_SUNDAY,
};

/** The first supported date, 1900-01-01. */
TP_EXPORT struct tp_date
tp_date_min(void);

/** The last supported date, 2199-12-31. */
TP_EXPORT struct tp_date
tp_date_max(void);

/** True if @p d lies in the supported range. */
TP_EXPORT bool
tp_date_in_range(struct tp_date d);

/**
 * Make a date from year, month (1-12) and day (1-31). Fails with
 * TP_ERR_INVALID for a day or month that does not exist (2011-02-30) and
 * TP_ERR_RANGE for a year outside TP_YEAR_MIN..TP_YEAR_MAX. @p out is
 * written only on success.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_date_from_ymd(int year, int month, int day, struct tp_date *out,
		 struct tp_error *err);

/**
 * Split @p d into year, month (1-12) and day (1-31). Any out pointer may be
 * NULL. Works for any date, in range or not.
 */
TP_EXPORT void
tp_date_to_ymd(struct tp_date d, int *year, int *month, int *day);

/** The ISO weekday of @p d: 1 = Monday … 7 = Sunday. */
TP_EXPORT enum tp_weekday
tp_date_weekday(struct tp_date d);

/** Number of days in @p month of @p year (28-31), or 0 if month is not 1-12. */
TP_EXPORT int
tp_days_in_month(int year, int month);

/**
 * Parse exactly "YYYY-MM-DD" (ISO 8601 calendar date, four-digit year,
 * two-digit month and day, nothing before or after). @p len is the number of
 * bytes of @p text to read, or -1 for a NUL-terminated string. Errors
 * (TP_ERR_PARSE for the shape, TP_ERR_INVALID for a day that does not exist,
 * TP_ERR_RANGE for the year) carry a message quoting the input.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_date_parse(const char *text, long len, struct tp_date *out,
	      struct tp_error *err);

/**
 * Write @p d as "YYYY-MM-DD" into @p buf, which must hold TP_DATE_STRLEN
 * bytes. A date whose year is outside 0000 to 9999 (no function of the
 * library returns one) is written with question marks in place of the
 * digits, "????-??-??". @return @p buf.
 */
TP_EXPORT char *
tp_date_format(struct tp_date d, char buf[TP_DATE_STRLEN]);

/** Negative, zero or positive as @p a is before, equal to or after @p b. */
TP_EXPORT int
tp_date_compare(struct tp_date a, struct tp_date b);

/** True if @p a and @p b are the same day. */
TP_EXPORT bool
tp_date_equal(struct tp_date a, struct tp_date b);

/** Calendar days from @p a to @p b (b - a), clamped to INT32_MIN and
 * INT32_MAX when the difference of two arbitrary day numbers does not fit
 * (it always fits for dates in the supported range). */
TP_EXPORT int32_t
tp_date_diff(struct tp_date a, struct tp_date b);

/**
 * @p d plus @p days calendar days. TP_ERR_RANGE if either end is outside
 * the supported range.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_date_add_days(struct tp_date d, int32_t days, struct tp_date *out,
		 struct tp_error *err);

/**
 * @p d plus @p months calendar months, the day clamped to the end of the
 * target month (2012-01-31 + 1 month = 2012-02-29; 2011-01-31 + 1 =
 * 2011-02-28). TP_ERR_RANGE outside the supported range.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_date_add_months(struct tp_date d, int32_t months, struct tp_date *out,
		   struct tp_error *err);

/** Easter Sunday of @p year (Gregorian computus); year must be in range. */
TP_EXPORT TP_NODISCARD enum tp_status
tp_date_easter(int year, struct tp_date *out, struct tp_error *err);

/**
 * Today's date in the IANA time zone @p tzid (e.g. "Europe/London"), from
 * the system clock and libical's time-zone rules. TP_ERR_INVALID for an
 * unknown zone or NULL pointers.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_date_today(const char *tzid, struct tp_date *out, struct tp_error *err);

#ifdef __cplusplus
}
#endif
#endif
