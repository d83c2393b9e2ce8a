/* SPDX-License-Identifier: MIT */
/* Meeting series inside the library (meeting.c): their storage, and the
 * expanded meeting days the scheduler's meeting domains use. */
#ifndef TP_MEETING_PRIVATE_H
#define TP_MEETING_PRIVATE_H

#include <stdint.h>

#include <tenderplan/tp-meeting.h>

#include "plan-private.h"

struct tp_meeting_rec {
	const char *id, *name, *rule; /* in the plan's arena */
	struct tp_date rule_from;
	struct tp_date rule_first; /* the rule's first date (before the
				      exceptions); = rule_from without one */
	struct tp_date *dates, *except; /* as given, sorted */
	size_t n_dates, n_except;
	int32_t report_days, call_in_days;
	/* the meetings: sorted, unique day serials (struct tp_date) */
	struct tp_date *days;
	size_t n_days;
};

/* The meeting days of series @series (< plan->n_meetings). */
static inline const struct tp_meeting_rec *
tp_meeting_at(const struct tp_plan *plan, uint32_t series)
{
	return &plan->meetings[series];
}

/* The index of the first meeting on or after @day (n_days if none). */
size_t tp_meeting_lower_bound(const struct tp_meeting_rec *m, int32_t day);

/* A name for the series in messages: "'cabinet' (Cabinet)". */
void tp_meeting_label(const struct tp_meeting_rec *m, char *buf, size_t size);

#endif
