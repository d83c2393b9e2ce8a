/* SPDX-License-Identifier: MIT */
/* libical's recurrence iterator for rules over whole days (meeting
 * series, imported all-day events), started the one way libical 3.0.16
 * expands correctly. */
#ifndef TP_ICAL_RECUR_PRIVATE_H
#define TP_ICAL_RECUR_PRIVATE_H

#include <libical/ical.h>

#include <tenderplan/tp-date.h>

/* An iterator over @r from day @start, or NULL if libical makes none.
 *
 * libical 3.0.16 walks a rule wrongly from a DATE-valued start: checked
 * against python-dateutil over 2025-2199, FREQ=DAILY;INTERVAL=17 gave 234
 * extra days, FREQ=YEARLY;INTERVAL=4 lost a year, FREQ=DAILY;BYDAY=MO,
 * TU,WE,TH,FR;COUNT=40 gave one day, FREQ=WEEKLY;BYDAY=MO,TH never
 * returned, and icalrecur_iterator_set_start() lost the INTERVAL's phase.
 * From a floating DATE-TIME at noon, with an UNTIL date made the last
 * second of that day (so the UNTIL day stays in, RFC 5545 3.3.10), all
 * of those agree with dateutil, set_start() included; the day of each
 * occurrence is the answer. */
icalrecur_iterator *tp_ical_recur_new(struct icalrecurrencetype r,
				      struct tp_date start);

/* icalrecur_iterator_set_start() at day @day, started as above. */
int tp_ical_recur_set_start(icalrecur_iterator *it, struct tp_date day);

#endif
