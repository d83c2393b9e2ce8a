/* SPDX-License-Identifier: MIT */
/* Today's date in a time zone, from libical's zone rules (tp-date.h).
 *
 * libical answers by expanding the zone's rules from their first year to
 * now (22 million instructions for Europe/London, two thirds of a whole
 * `tenderplan schedule`, #11). For Europe/London the answer is known
 * without them for most of the day: the United Kingdom's clocks are
 * never behind UTC and have never been more than two hours ahead of it
 * (GMT, BST and the double summer time of 1941-45 and 1947; the Summer
 * Time Act 1972 s.1 and its predecessors), so when the UTC date of now
 * and of two hours later is the same, that is the date in London. Only
 * from 22:00 to midnight UTC are the rules consulted. */
#include "config.h"

#include <string.h>
#include <time.h>

#include <libical/ical.h>

#include <tenderplan/tp-date.h>

#include "error-private.h"

/* Days since 1970-01-01 of the instant @t seconds after the epoch. */
static int64_t
utc_day(int64_t t)
{
	return t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
}

TP_EXPORT enum tp_status
tp_date_today(const char *tzid, struct tp_date *out, struct tp_error *err)
{
	icaltimezone *zone;
	struct icaltimetype now;
	int64_t t = (int64_t)time(NULL);

	if (!tzid || !out)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "tp_date_today needs a time zone and a "
				     "result pointer");
	if (!strcmp(tzid, "Europe/London") &&
	    utc_day(t) == utc_day(t + 2 * 3600) &&
	    utc_day(t) >= tp_date_min().day && utc_day(t) <= tp_date_max().day) {
		out->day = (int32_t)utc_day(t);
		return TP_OK;
	}
	zone = icaltimezone_get_builtin_timezone(tzid);
	if (!zone)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "unknown time zone '%.64s'", tzid);
	now = icaltime_current_time_with_zone(zone);
	return tp_date_from_ymd(now.year, now.month, now.day, out, err);
}
