/* SPDX-License-Identifier: MIT */
/**
 * @file tp-meeting.h
 * Committee meeting calendars: a plan's meeting series and the stages tied
 * to them.
 *
 * Councils decide at meetings that follow a published calendar (a
 * council's constitution and, for the award, its contract procedure rules
 * say which decisions need a Cabinet or committee). A meeting series has
 * an id, a name, explicit dates and/or a recurrence rule (an iCalendar
 * RRULE value such as "FREQ=MONTHLY;BYDAY=3TH", RFC 5545 3.3.10, expanded
 * with libical's recurrence iterator from the date the rule counts from),
 * exception dates (meetings cancelled), the number of working days before
 * each meeting that its reports are due and the number of working days
 * after it that its decisions can be called in.
 *
 * A stage tied to a series (tp_plan_set_stage_meeting()) starts on one of
 * its meetings: the scheduler treats "the stage's start is a meeting date"
 * as the set of days the start may fall on (tp-schedule.h, "Meetings"), so
 * forward it lands on the first meeting on or after the earliest date its
 * links allow, and backward on the last meeting on or before the latest.
 * No meeting in range is an error of the schedule, never a silent move.
 *
 * Tying a stage to a series with report or call-in days adds stages of
 * their own, derived from it and kept by the plan (never written to a plan
 * file, made again when one is read): "<id>.report" (kind
 * "committee-report"), the report deadline, a milestone the given number
 * of working days before the meeting, after which every stage that leads
 * into the meeting finish-to-start or finish-to-finish must have finished;
 * and "<id>.call-in" (kind "call-in"), the end of the call-in period, a
 * milestone that many working days after the meeting, before which no
 * stage that follows the meeting finish-to-start or finish-to-finish may
 * go on. They are linked by dependencies the plan adds and marks as
 * derived (tp_plan_dependency_is_derived()): the report after each such
 * predecessor (finish-to-finish), the meeting after the report
 * (finish-to-start with a lag of report days - 1, so the meeting is at
 * least that many working days later), the call-in end after the meeting
 * (finish-to-start, lag call-in days - 1), and each such successor after
 * the call-in end, with the type and lag of its link to the meeting.
 * Dependencies added later are mirrored in the same way.
 *
 * Like the rest of tp-plan.h: filled by one thread, then read by many.
 */
#ifndef TP_MEETING_H
#define TP_MEETING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tp-common.h"
#include "tp-date.h"
#include "tp-plan.h"

#ifdef __cplusplus
extern "C" {
#endif

/** No meeting series (tp_plan_stage_meeting()). */
#define TP_NO_MEETING ((size_t)-1)

/** Most meetings a series may hold once expanded (a rule without an end
 * runs to the end of TP_YEAR_MAX). */
#define TP_MEETINGS_MAX 100000

/** A meeting series as given to tp_plan_add_meeting_series() and as read
 * back by tp_plan_meeting_series(). Initialise with
 * tp_meeting_spec_init(). */
struct tp_meeting_spec {
	/** 1 to TP_STAGE_ID_MAX letters, digits, '-', '_' or '.'; unique
	 * among the plan's series. */
	const char *id;
	/** Display name ("Cabinet"), or NULL. */
	const char *name;
	/** An RRULE value, or NULL for explicit dates only. Its frequency is
	 * DAILY, WEEKLY, MONTHLY or YEARLY; COUNT and UNTIL end it. */
	const char *rule;
	/** The date the rule counts from (its DTSTART; need not be a
	 * meeting itself). Required with @c rule. */
	struct tp_date rule_from;
	/** Meetings on these dates too (@c n_dates of them; may be NULL when
	 * there are none). */
	const struct tp_date *dates;
	size_t n_dates; /**< how many @c dates */
	/** No meeting on these dates (cancelled): each must be a meeting of
	 * the rule or of @c dates, and not both given and cancelled. */
	const struct tp_date *except;
	size_t n_except; /**< how many @c except */
	/** Reports are due this many working days (of the plan's calendar)
	 * before each meeting; 0: no report deadline stage. 0 to
	 * TP_AMOUNT_MAX. */
	int32_t report_days;
	/** Decisions can be called in for this many working days after each
	 * meeting; 0: no call-in stage. 0 to TP_AMOUNT_MAX. */
	int32_t call_in_days;
	/** Room to grow without an ABI break. */
	unsigned char reserved[32];
};

/** What a stage derived from a meeting is (tp_plan_stage_derived()). */
enum tp_derived_role {
	TP_DERIVED_NONE = 0,    /**< an ordinary stage */
	TP_DERIVED_REPORT = 1,  /**< "<id>.report": the report deadline */
	TP_DERIVED_CALL_IN = 2, /**< "<id>.call-in": the end of call-in */
};

/** Set @p spec to an empty series: no id, name, rule or dates, no report
 * or call-in days. NULL is allowed and does nothing. */
TP_EXPORT void tp_meeting_spec_init(struct tp_meeting_spec *spec);

/**
 * Add a meeting series to @p plan (everything in @p spec is copied; the
 * series cannot be changed afterwards). The rule is parsed here and
 * expanded with libical's recurrence iterator as far as it is needed
 * (a rule without COUNT may run to the end of TP_YEAR_MAX; its meetings
 * are read when a schedule or a caller first reaches them, safely from
 * many threads); the exceptions are checked here.
 * Errors (TP_ERR_INVALID, naming the series): a bad or duplicate id, a
 * rule libical cannot read or one more frequent than daily, a rule
 * without @c rule_from, a date outside the supported range, an exception
 * that is no meeting of the series or is also one of @c dates, no meeting
 * at all, more than TP_MEETINGS_MAX meetings, day counts outside 0 to
 * TP_AMOUNT_MAX. The new series' index goes to @p index if not NULL.
 * Modifies.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_add_meeting_series(struct tp_plan *plan,
			   const struct tp_meeting_spec *spec, size_t *index,
			   struct tp_error *err);

/** Number of meeting series. */
TP_EXPORT size_t tp_plan_meeting_series_count(const struct tp_plan *plan);

/** True if the plan has a series with id @p id; its index goes to
 * @p index (may be NULL). */
TP_EXPORT bool tp_plan_find_meeting_series(const struct tp_plan *plan,
					   const char *id, size_t *index);

/** Series @p series as it was given into @p out (strings and arrays
 * borrowed from the plan, valid as long as it). False if there is none. */
TP_EXPORT bool tp_plan_meeting_series(const struct tp_plan *plan,
				      size_t series,
				      struct tp_meeting_spec *out);

/**
 * The meetings of series @p series: the rule's dates and the explicit
 * ones, without the exceptions, in date order, each once, up to the end
 * of TP_YEAR_MAX (for a monthly rule without an end, over two thousand:
 * tp_plan_meeting_dates_between() reads only the years it is asked for).
 * Borrowed from the plan; their number goes to @p count (may be NULL).
 * NULL (and 0) for no such series, or if memory ran out.
 */
TP_EXPORT const struct tp_date *
tp_plan_meeting_dates(const struct tp_plan *plan, size_t series,
		      size_t *count);

/**
 * The meetings of series @p series from @p from to @p to (both
 * included), as tp_plan_meeting_dates() has them: a borrowed run of that
 * array's dates, valid as long as the plan, their number to @p count (may
 * be NULL). The rule is expanded only as far as @p to. NULL (and 0) when
 * there are none in the range, @p from is after @p to, there is no such
 * series, or memory ran out.
 */
TP_EXPORT const struct tp_date *
tp_plan_meeting_dates_between(const struct tp_plan *plan, size_t series,
			      struct tp_date from, struct tp_date to,
			      size_t *count);

/**
 * Tie stage @p stage to the series with id @p series_id: it starts on one
 * of its meetings. With report or call-in days, the derived stages and
 * dependencies described above are added (ids "<id>.report" and
 * "<id>.call-in", so the stage's id must be short enough for them and
 * they must not exist yet). TP_ERR_INVALID for an unknown stage or series
 * (naming the nearest series id), a derived stage, a stage already tied
 * to another series. Tying a stage again to its own series does nothing.
 * Modifies.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_set_stage_meeting(struct tp_plan *plan, size_t stage,
			  const char *series_id, struct tp_error *err);

/** The series stage @p stage is tied to, or TP_NO_MEETING (also for a
 * NULL @p plan). */
TP_EXPORT size_t tp_plan_stage_meeting(const struct tp_plan *plan,
				       size_t stage);

/** What stage @p stage is: TP_DERIVED_NONE for an ordinary stage, else
 * the role of a stage the plan derived from a meeting stage, whose index
 * then goes to @p meeting_stage (may be NULL). */
TP_EXPORT enum tp_derived_role
tp_plan_stage_derived(const struct tp_plan *plan, size_t stage,
		      size_t *meeting_stage);

/** True if dependency @p dep was added by the plan for a meeting's report
 * or call-in (see above), not by its author. */
TP_EXPORT bool tp_plan_dependency_is_derived(const struct tp_plan *plan,
					     size_t dep);

#ifdef __cplusplus
}
#endif
#endif
