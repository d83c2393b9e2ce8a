/* SPDX-License-Identifier: MIT */
/* Meeting series inside the library (meeting.c): their storage, and the
 * meeting days the scheduler's meeting domains use, expanded as far as
 * they are needed (meeting-days.c). */
#ifndef TP_MEETING_PRIVATE_H
#define TP_MEETING_PRIVATE_H

#include <stdint.h>

#include <tenderplan/tp-meeting.h>

#include "plan-private.h"

/* The meetings of a series up to a day: immutable once made, valid as
 * long as the plan. */
struct tp_meeting_view {
	struct tp_meeting_view *older; /* the view this one replaced */
	int32_t covered; /* every meeting on or before this day is here
			    (INT32_MAX when complete) */
	bool complete;	 /* there are none after the last */
	size_t n;	 /* at least 1 */
	struct tp_date days[]; /* sorted, unique day serials */
};

struct tp_meeting_days; /* meeting-days.c */

struct tp_meeting_rec {
	const char *id, *name, *rule; /* in the plan's arena */
	struct tp_date rule_from;
	struct tp_date rule_first; /* the rule's first date (before the
				      exceptions); = rule_from without one */
	struct tp_date *dates, *except; /* as given, sorted */
	size_t n_dates, n_except;
	int32_t report_days, call_in_days;
	struct tp_meeting_days *days; /* the meetings, expanded lazily */
};

/* The meeting days of series @series (< plan->n_meetings). */
static inline const struct tp_meeting_rec *
tp_meeting_at(const struct tp_plan *plan, uint32_t series)
{
	return &plan->meetings[series];
}

/* Expand @m's rule (id, rule, rule_from, sorted dates and exceptions set)
 * into @out, checking its exceptions; its first date into @first. */
enum tp_status tp_meeting_days_new(const struct tp_meeting_rec *m,
				   struct tp_meeting_days **out,
				   struct tp_date *first,
				   struct tp_error *err);

void tp_meeting_days_free(struct tp_meeting_days *d);

/* A view holding every meeting of @m on or before day @to (INT32_MAX:
 * all of them) into @out, reading the rule on if needed; safe from many
 * threads. On an error (no memory, too many meetings), @out is the view
 * as far as it went (never NULL). */
enum tp_status tp_meeting_view(const struct tp_meeting_rec *m, int32_t to,
			       const struct tp_meeting_view **out,
			       struct tp_error *err);

/* The index of the first day of @v on or after @day (v->n if none). */
size_t tp_meeting_view_lower_bound(const struct tp_meeting_view *v,
				   int32_t day);

/* The day the series' calendar event begins on: its rule's first date,
 * else its first date (the iCalendar export's DTSTART, and what a
 * snapshot records). */
static inline struct tp_date
tp_meeting_event_start(const struct tp_meeting_rec *m)
{
	return m->rule ? m->rule_first : m->dates[0];
}

/* A name for the series in messages: "'cabinet' (Cabinet)". */
void tp_meeting_label(const struct tp_meeting_rec *m, char *buf, size_t size);

#endif
