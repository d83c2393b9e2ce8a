/* SPDX-License-Identifier: MIT */
/* Today's date in a time zone, from libical's zone rules (tp-date.h). */
#include "config.h"

#include <libical/ical.h>

#include <tenderplan/tp-date.h>

#include "error-private.h"

TP_EXPORT enum tp_status
tp_date_today(const char *tzid, struct tp_date *out, struct tp_error *err)
{
	icaltimezone *zone;
	struct icaltimetype now;

	if (!tzid || !out)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "tp_date_today needs a time zone and a "
				     "result pointer");
	zone = icaltimezone_get_builtin_timezone(tzid);
	if (!zone)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "unknown time zone '%.64s'", tzid);
	now = icaltime_current_time_with_zone(zone);
	return tp_date_from_ymd(now.year, now.month, now.day, out, err);
}
