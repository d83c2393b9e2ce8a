/* SPDX-License-Identifier: MIT */
/**
 * @file tp-schedule.h
 * Forward and backward scheduling of a plan on its working-day calendar.
 *
 * tp_schedule_compute() reads a plan and returns a new, immutable
 * struct tp_schedule: every tp_schedule_* call takes a const pointer, and
 * many threads may read one schedule at once. The schedule borrows the
 * plan (and its calendar): keep both alive and the plan unmodified while
 * the schedule is used.
 *
 * @section conventions Date conventions (the one place they are defined)
 *
 * Every rule below is written once, as a forward rule (a date from an
 * earlier one); the backward pass uses its exact inverse in the order
 * sense: the latest earlier date whose forward result still meets the
 * bound. Scheduling forward from a latest start therefore never finishes
 * later than the bound it came from, and one working day later always
 * would.
 *
 * Calendars. Each stage counts on one calendar: the plan's own (the
 * authority's working days, closures included) or, for a stage marked
 * statutory (tp_plan_set_stage_calendar()), the statute's
 * (tp_plan_statutory_calendar(): the whole UK for the Procurement Act
 * 2023, s.123; Scotland for PCSR 2015, reg 2(1)). "Working day" below
 * means a working day of that stage's calendar; the lags of a dependency
 * count on its successor's calendar.
 *
 * Days. A stage occupies whole days: it starts at the beginning of its
 * start day and finishes at the end of its finish day, both inclusive. The
 * finish is always a working day. The start is a working day, except for
 * a stage counted in calendar days, weeks or months, which may start on
 * any day: a period begins with the day after the act that opens it,
 * whatever day that is (PCR 2015 reg 2(3)(b), PA 2023 s.54(5)). A time of
 * day (tp_plan_set_stage_time()) is carried along and never moves a date.
 *
 * Durations (n = the stage's amount):
 * - n = 0, any unit: a milestone; start = finish, a working day.
 * - working days: finish is the n-th working day counted from the start,
 *   the start being the first (5 working days from Monday end on Friday;
 *   1 working day ends on the start day).
 * - calendar days: finish = start + n - 1 days. If that day is not a
 *   working day the stage runs on to the end of the next working day, so
 *   a period is never shorter than stated (28 days from Tue 1 Nov 2011 end
 *   on Mon 28 Nov; 5 days from Tue 15 Apr 2025 would end Sat 19 Apr, so
 *   they end on Tue 22 Apr after the Easter weekend).
 * - weeks: 7 calendar days each, as calendar days.
 * - months: finish = tp_date_add_months(start, n) - 1 day (clamped to the
 *   month end: 1 month from 1 Nov ends 30 Nov, from 31 Jan ends 27 Feb in
 *   a common year), then moved to a working day as calendar days.
 *
 * Dependencies link a date of the predecessor P to a date of the successor
 * S; the lag L (may be negative) counts from the predecessor's date:
 * - finish-to-start: S starts no earlier than "the day after P finishes"
 *   plus L. With L = 0 working days, S starts on the first working day
 *   after P's finish; with L = 0 calendar days, on the next day (which,
 *   for a stage that may start on any day, can be a Saturday).
 * - start-to-start: S starts no earlier than P's start plus L.
 * - finish-to-finish: S finishes no earlier than P's finish plus L.
 * - start-to-finish: S finishes no earlier than "the day before P starts"
 *   plus L (with L = 0 in working days, S may finish on the last working
 *   day before P starts).
 * In working days, "the day after" and "the day before" are the next and
 * previous working day and L counts working days
 * (tp_calendar_add_working_days() from the predecessor's date: L = 2 after
 * a Thursday finish, Friday and Monday being working days, means "start
 * Tuesday"). In calendar days they are the next and previous calendar day
 * and L counts calendar days. The resulting date, if S may not start (or
 * finish) on it, moves forward to the next day it may (finish-to-start
 * after a Friday finish with L = 3 calendar days: Saturday + 3 = Tuesday;
 * with L = 3 working days: Monday + 3 = Thursday; with L = -1 working day,
 * S may start on P's finish day).
 *
 * Constraints: start-no-earlier-than D and start-on D bound the early start
 * from below by D (moved forward to a day the stage may start on); start-on
 * D and finish-no-later-than D and finish-on D bound the late dates from
 * above (moved back); finish-on D bounds the early finish from below.
 * Constraints never move a stage silently past its dependencies: one that
 * cannot be met (including start-on a non-working day) shows as negative
 * float and a diagnostic (tp_schedule_diagnostic()) giving the overrun in
 * working days.
 *
 * Anchors: the plan's start date is the earliest start of every stage
 * (moved forward onto a day the stage may start on); the required
 * contract start (moved back to a working day, so 1 Apr 2013, Easter
 * Monday, gives Thu 28 Mar) is the latest finish of every stage, and
 * every "contract-start" stage starts on it (not earlier) whenever the
 * schedule uses it: the contract starts on the day asked for.
 *
 * Passes. The forward pass gives early dates, the backward pass late dates.
 * With both anchors (TP_SCHEDULE_AUTO) both passes run from them, and float
 * shows the real slack (positive) or the overrun (negative). With only a
 * start date (or TP_SCHEDULE_FORWARD), the backward pass runs from the
 * plan's earliest finish (the latest early finish of all stages), and the
 * critical path keeps its early dates as its late dates. With only a
 * contract start (or TP_SCHEDULE_BACKWARD), the forward pass runs from the
 * plan's latest start (the earliest late start), and the critical path
 * keeps its late dates as its early dates: the early dates are the
 * timetable that meets the contract start exactly, the late start of the
 * advert is "the latest day to advertise", and the critical path has no
 * float. (A day of slack can still appear inside such a chain: calendar
 * days and months map working days onto working days unevenly, so 30 days
 * from a Thursday and from a Friday end on the same Monday. With one
 * anchor that slack belongs to the stages off the critical path; with two
 * it shows as float.)
 *
 * Float, in working days of the stage's calendar: total float = working
 * days from early start to late start (tp_calendar_working_days_between(),
 * negative when late start is before early start). Free float = how many
 * working days the stage can slip from its early dates without moving any
 * successor's early dates (for a stage without successors: up to the
 * plan's end bound), never more than its total float. The critical path
 * is the chain of stages that fixes the plan: with a start date, from the
 * stage that finishes last back along the dependency that drove each
 * early start (for a contract start held on its day, the dependency that
 * bounded it most), to a stage fixed by the start date or a constraint;
 * with only a contract start, from the stage that starts first forward
 * along the dependency that bounded each late start, to the contract
 * start or a constraint. A stage is critical if it is on that path or its
 * total float is the plan's smallest.
 *
 * Meetings. The start of a stage tied to a meeting series (tp-meeting.h)
 * must be one of its meetings, which is also a day the start may fall on
 * by the rules above (a meeting on a bank holiday is skipped). The passes
 * first find the stage's bound as for any stage, then move it onto a
 * meeting: forward, the first meeting on or after the earliest start;
 * backward, the last meeting on or before the latest start. Both are
 * exact: no earlier meeting meets the stage's lower bounds, no later one
 * its upper bounds. When there is no such meeting the schedule fails with
 * TP_ERR_RANGE naming the stage and the series: a meeting that cannot be
 * had is never replaced by a day that is no meeting. A report deadline
 * derived from a meeting (tp-meeting.h) takes its early date from its
 * meeting's early date (the latest day its link to the meeting allows),
 * so it shows the deadline for the meeting chosen, not the day the work
 * before it could be done.
 *
 * Actual dates. A stage with an actual start (tp_plan_set_stage_actual())
 * starts on it, early and late, whatever its links say; one with an
 * actual finish finishes on it. A stage finished without a recorded start
 * starts where its links put it, but no later than the latest start its
 * duration allows before the finish. With a today (has_today in
 * tp_schedule_options): a stage not yet started starts no earlier than
 * today (moved onto a day it may start on); one started and not finished
 * finishes no earlier than today, moved onto a working day. The late dates
 * of a started stage keep its start; of a finished one, its finish too. A
 * finished stage has no float, is critical only on the critical path and
 * does not count for the plan's smallest float; an unfinished one that has
 * started has the float of its finish. Constraints on dates that have
 * happened are not checked (they are history).
 *
 * Reasons. Each stage's early start and late start carry the rule that
 * fixed them (tp_schedule_early_reason(), tp_schedule_late_reason()); on
 * ties a dependency is preferred to a constraint and a constraint to an
 * anchor. tp_schedule_foreach_skipped() lists the non-working days between
 * the date the rule counts from and the stage's far end. What is at the
 * far end of the critical path (its first stage's early reason with a
 * start date, its last stage's late reason with only a contract start)
 * says what drives the plan: the start date or contract start, or a date
 * fixed by a constraint.
 *
 * Cost: linear in stages + dependencies + constraints (Kahn's algorithm for
 * the order, one pass each way, a small number of calendar queries per
 * stage and per dependency).
 *
 * NULL pointer arguments give TP_ERR_INVALID, or a getter's empty value
 * (NULL, 0, false, day 0), as tp-common.h says; exceptions are noted at
 * the function.
 */
#ifndef TP_SCHEDULE_H
#define TP_SCHEDULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tp-calendar.h"
#include "tp-common.h"
#include "tp-date.h"
#include "tp-plan.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Which anchors to schedule from. */
enum tp_schedule_mode {
	/** Both anchors if the plan has both, else the one it has. */
	TP_SCHEDULE_AUTO = 0,
	/** From the start date only (the contract start is ignored). */
	TP_SCHEDULE_FORWARD = 1,
	/** From the required contract start only (the start date is
	 * ignored). */
	TP_SCHEDULE_BACKWARD = 2,
};

/** What fixed a date. */
enum tp_reason_kind {
	TP_REASON_NONE = 0,           /**< nothing (not used in a schedule) */
	TP_REASON_START_DATE = 1,     /**< the plan's start date */
	TP_REASON_CONTRACT_START = 2, /**< the required contract start */
	TP_REASON_DEPENDENCY = 3,     /**< dependency @c index */
	TP_REASON_CONSTRAINT = 4,     /**< constraint @c index */
	/** Late dates of a forward-only schedule: the plan's earliest
	 * finish. */
	TP_REASON_PLAN_FINISH = 5,
	/** Early dates of a backward-only schedule: the plan's latest
	 * start. */
	TP_REASON_PLAN_START = 6,
	/** On the critical path of a schedule with one anchor: the stage
	 * keeps its other dates (its late start as its early start with only
	 * a contract start, its early start as its late start with only a
	 * start date). */
	TP_REASON_CRITICAL_PATH = 7,
	/** The date recorded as what happened (tp_plan_set_stage_actual()):
	 * @c from is it, @c on_finish says whether it is the finish. */
	TP_REASON_ACTUAL = 8,
	/** Today (tp_schedule_options): a stage not started yet cannot
	 * start before it, one started cannot finish before it (then
	 * @c on_finish). */
	TP_REASON_TODAY = 9,
	/** The stage's meeting series (@c index): the first meeting on or
	 * after the earliest start its other rules allow (early), or the
	 * last on or before the latest (late); @c from is that bound. */
	TP_REASON_MEETING = 10,
	/** A report deadline (tp-meeting.h): the report's date follows from
	 * its meeting's, @c index being the dependency from the report to the
	 * meeting and @c from the meeting's date. */
	TP_REASON_REPORT_DUE = 11,
};

/** Why a stage has its early (or late) dates. */
struct tp_reason {
	enum tp_reason_kind kind; /**< which rule gave the dates */
	/** Index of the dependency or constraint; 0 otherwise. */
	size_t index;
	/**
	 * The date the rule counts from: the anchor or constraint date as
	 * given, or for a dependency the other stage's date it links (for an
	 * early date: the predecessor's finish for finish-to-start and
	 * finish-to-finish, its start otherwise; for a late date: the
	 * successor's start for finish-to-start and start-to-start, its
	 * finish otherwise).
	 */
	struct tp_date from;
	/** True if the rule bounded the finish and the start follows from
	 * the duration. */
	bool on_finish;
};

/** What a diagnostic is about. */
enum tp_diagnostic_kind {
	/** Constraint @c constraint on @c stage cannot be met. */
	TP_DIAGNOSTIC_CONSTRAINT = 0,
	/** The plan cannot finish by its required contract start; @c stage
	 * is the one that finishes last. */
	TP_DIAGNOSTIC_CONTRACT_START = 1,
};

/** A rule the schedule cannot meet. */
struct tp_diagnostic {
	enum tp_diagnostic_kind kind; /**< what cannot be met */
	size_t stage;      /**< the stage concerned */
	size_t constraint; /**< the constraint index, or 0 */
	int32_t overrun;   /**< by how many working days it is missed (> 0) */
	/** One sentence naming the stage, the dates and the overrun. */
	char message[256];
};

/** Which of a stage's two sets of dates. */
enum tp_pass {
	TP_PASS_EARLY = 0, /**< early start and finish (forward pass) */
	TP_PASS_LATE = 1,  /**< late start and finish (backward pass) */
};

struct tp_schedule;

/** What to schedule from. Initialise with tp_schedule_options_init(). */
struct tp_schedule_options {
	/** Which anchors to use (default TP_SCHEDULE_AUTO). */
	enum tp_schedule_mode mode;
	/** Use @c start instead of the plan's start date (or as one, if
	 * the plan has none). */
	bool override_start;
	struct tp_date start; /**< the start date, with override_start */
	/** Use @c contract_start instead of the plan's required contract
	 * start (or as one). */
	bool override_contract_start;
	/** The contract start, with override_contract_start. */
	struct tp_date contract_start;
	/** Forecast from @c today (see "Actual dates" above): no stage
	 * that has not started starts before it, and no stage that has
	 * started but not finished finishes before it. @since 0.1 */
	bool has_today;
	struct tp_date today; /**< today's date, with has_today */
	/** Room to grow without an ABI break. */
	unsigned char reserved[24];
};

/** Set @p opt to the defaults: TP_SCHEDULE_AUTO, the plan's own anchors.
 * NULL is allowed and does nothing. */
TP_EXPORT void
tp_schedule_options_init(struct tp_schedule_options *opt);

/**
 * Schedule @p plan with @p opt (NULL: the defaults), for example from a
 * contract start other than the plan's ("when must we advertise to start
 * on 1 April?"). Errors as tp_schedule_compute(); TP_ERR_INVALID also for
 * a NULL @p plan or @p out.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_schedule_compute_with(const struct tp_plan *plan,
			 const struct tp_schedule_options *opt,
			 struct tp_schedule **out, struct tp_error *err);

/**
 * Schedule @p plan. Errors: TP_ERR_INVALID (no calendar; no anchor for the
 * @p mode), TP_ERR_CYCLE (message lists the cycle: "dependency cycle: a ->
 * b -> c -> a"), TP_ERR_RANGE (a date outside the calendar's range; names
 * the stage), TP_ERR_NOMEM. Unmet constraints are not errors: see
 * tp_schedule_diagnostic_count(). @p out is written only on success; free
 * it with tp_schedule_free().
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_schedule_compute(const struct tp_plan *plan, enum tp_schedule_mode mode,
		    struct tp_schedule **out, struct tp_error *err);

/** Free @p sched. NULL is allowed. */
TP_EXPORT void tp_schedule_free(struct tp_schedule *sched);

/** The plan the schedule was computed from (borrowed). */
TP_EXPORT const struct tp_plan *
tp_schedule_plan(const struct tp_schedule *sched);

/** True if the forward pass ran from the plan's start date (not from the
 * plan's latest start). */
TP_EXPORT bool tp_schedule_has_start_date(const struct tp_schedule *sched);

/** True if the backward pass ran from the required contract start (not
 * from the plan's earliest finish). */
TP_EXPORT bool tp_schedule_has_contract_start(const struct tp_schedule *sched);

/** The earliest early start of all stages (the plan's start). */
TP_EXPORT struct tp_date
tp_schedule_plan_start(const struct tp_schedule *sched);

/** The latest early finish of all stages (the plan's earliest finish). */
TP_EXPORT struct tp_date
tp_schedule_plan_finish(const struct tp_schedule *sched);

/** Early start of stage @p stage (an index the plan had; {0} otherwise). */
TP_EXPORT struct tp_date
tp_schedule_early_start(const struct tp_schedule *sched, size_t stage);

/** Early finish of a stage. */
TP_EXPORT struct tp_date
tp_schedule_early_finish(const struct tp_schedule *sched, size_t stage);

/** Late start of a stage: for the advert, the latest day to advertise. */
TP_EXPORT struct tp_date tp_schedule_late_start(const struct tp_schedule *sched,
						size_t stage);

/** Late finish of a stage. */
TP_EXPORT struct tp_date
tp_schedule_late_finish(const struct tp_schedule *sched, size_t stage);

/** Total float of a stage in working days (negative: overrun). */
TP_EXPORT int32_t tp_schedule_total_float(const struct tp_schedule *sched,
					  size_t stage);

/** Free float of a stage in working days. */
TP_EXPORT int32_t tp_schedule_free_float(const struct tp_schedule *sched,
					 size_t stage);

/** The smallest total float of the plan (negative: the plan overruns). */
TP_EXPORT int32_t tp_schedule_min_float(const struct tp_schedule *sched);

/** True if the stage is on the critical path or its total float is the
 * plan's smallest (parallel critical chains). */
TP_EXPORT bool tp_schedule_is_critical(const struct tp_schedule *sched,
				       size_t stage);

/**
 * The critical path as stage indexes in date order (see the conventions
 * above). Borrowed from the schedule; the count goes to @p count.
 */
TP_EXPORT const size_t *
tp_schedule_critical_path(const struct tp_schedule *sched, size_t *count);

/** Why a stage has its early dates. False if there is no such stage. */
TP_EXPORT bool tp_schedule_early_reason(const struct tp_schedule *sched,
					size_t stage, struct tp_reason *out);

/** Why a stage has its late dates. False if there is no such stage. */
TP_EXPORT bool tp_schedule_late_reason(const struct tp_schedule *sched,
				       size_t stage, struct tp_reason *out);

/**
 * What drives the dates of @p stage in @p pass: from it, follow the
 * dependency that set its dates (to its predecessor for TP_PASS_EARLY, to
 * its successor for TP_PASS_LATE) until a date set by something else: the
 * start date or a constraint (early), the required contract start or a
 * constraint (late). That stage goes to @p at and its reason to @p out
 * (either may be NULL). For example, from the advert in TP_PASS_LATE: the
 * latest day to advertise is set by the contract start, or by a date the
 * plan fixes (a Cabinet meeting), which then drives the timetable instead.
 * False if there is no such stage.
 */
TP_EXPORT bool tp_schedule_trace(const struct tp_schedule *sched, size_t stage,
				 enum tp_pass pass, size_t *at,
				 struct tp_reason *out);

/**
 * Describe in one English sentence, into @p buf of @p size bytes (always
 * NUL-terminated when @p size > 0), why @p stage has its dates for
 * @p pass, e.g. "earliest start 2025-04-22, set by finish-to-start from
 * 'eval' (finish 2025-04-17, lag 0 working days)". For --explain and
 * exports; list the days skipped with tp_schedule_foreach_skipped().
 * A NULL @p sched gives "no schedule". @return @p buf.
 */
TP_EXPORT char *tp_schedule_describe(const struct tp_schedule *sched,
				     size_t stage, enum tp_pass pass, char *buf,
				     unsigned long size);

/**
 * Working days from start to finish inclusive for @p pass (for a table's
 * "working days" column; 1 for a milestone).
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_schedule_working_days(const struct tp_schedule *sched, size_t stage,
			 enum tp_pass pass, int32_t *out, struct tp_error *err);

/**
 * Call @p fn for each non-working day that the dates of @p stage for
 * @p pass were moved over: from the date its reason counts from (see
 * struct tp_reason) to its far end (start to finish), in date order, as
 * tp_calendar_foreach_non_working() does. For --explain.
 */
TP_EXPORT TP_NODISCARD enum tp_status tp_schedule_foreach_skipped(
	const struct tp_schedule *sched, size_t stage, enum tp_pass pass,
	int (*fn)(struct tp_date d, const struct tp_day_info *info, void *user),
	void *user, int *stopped, struct tp_error *err);

/**
 * For a stage tied to a meeting series (tp-meeting.h): the earliest start
 * (@p pass TP_PASS_EARLY) or latest start (TP_PASS_LATE) that its links,
 * constraints, anchors and today allow, before it is moved onto a meeting
 * (the first meeting on or after it, or the last on or before it), into
 * @p out. For --explain: the meetings between this bound and the one
 * chosen were ruled out. False (and @p out untouched) for a stage that is
 * not tied, or whose dates are actual ones.
 */
TP_EXPORT bool tp_schedule_meeting_bound(const struct tp_schedule *sched,
					 size_t stage, enum tp_pass pass,
					 struct tp_date *out);

/** Number of diagnostics (unmet constraints, contract start overrun). */
TP_EXPORT size_t tp_schedule_diagnostic_count(const struct tp_schedule *sched);

/** Diagnostic @p i, borrowed from the schedule, or NULL. */
TP_EXPORT const struct tp_diagnostic *
tp_schedule_diagnostic(const struct tp_schedule *sched, size_t i);

#ifdef __cplusplus
}
#endif
#endif
