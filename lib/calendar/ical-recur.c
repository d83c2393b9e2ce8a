/* SPDX-License-Identifier: MIT */
/* libical's recurrence iterator over whole days (ical-recur-private.h). */
#include "config.h"

#include "ical-recur-private.h"

static struct icaltimetype
noon(struct tp_date d)
{
	struct icaltimetype t = icaltime_null_time();
	tp_date_to_ymd(d, &t.year, &t.month, &t.day);
	t.is_date = 0;
	t.hour = 12;
	return t;
}

icalrecur_iterator *
tp_ical_recur_new(struct icalrecurrencetype r, struct tp_date start)
{
	if (!icaltime_is_null_time(r.until) && r.until.is_date) {
		r.until.is_date = 0;
		r.until.hour = 23;
		r.until.minute = 59;
		r.until.second = 59;
	}
	return icalrecur_iterator_new(r, noon(start));
}

int
tp_ical_recur_set_start(icalrecur_iterator *it, struct tp_date day)
{
	return icalrecur_iterator_set_start(it, noon(day));
}
