/* SPDX-License-Identifier: MIT */
/**
 * @file tp-plan.h
 * A tender as a graph of stages: the plan, its stages, the dependencies
 * between them and the date constraints on them.
 *
 * A plan is filled by one thread (every tp_plan_add_* and tp_plan_set_*
 * call modifies it) and then read: tp_schedule_compute() (tp-schedule.h)
 * and every getter take a const pointer, and many threads may read one plan
 * at once while nobody modifies it.
 *
 * Stages, dependencies and constraints are numbered from 0 in the order
 * they were added; those indexes never change, and the schedule uses the
 * same ones. Strings returned by getters are owned by the plan and stay
 * valid until the plan is freed (setting a new value leaves the old string
 * in place until then).
 *
 * The meaning of durations, lags and constraints in dates is defined in
 * tp-schedule.h, and only there.
 *
 * NULL pointer arguments give TP_ERR_INVALID, or a getter's empty value
 * (NULL, 0, false, day 0), as tp-common.h says; exceptions are noted at
 * the function.
 */
#ifndef TP_PLAN_H
#define TP_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tp-calendar.h"
#include "tp-common.h"
#include "tp-date.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What a stage is in the tender workflow. The name of each (for files)
 * is given beside it; see tp_stage_kind_name(). */
enum tp_stage_kind {
	TP_STAGE_CUSTOM = 0,                 /**< "custom": anything else */
	TP_STAGE_SPECIFICATION = 1,          /**< "specification": needs
						and specification */
	TP_STAGE_APPROVAL_TO_ADVERTISE = 2,  /**< "approval-to-advertise" */
	TP_STAGE_ADVERT = 3,                 /**< "advert": advert or
						contract notice */
	TP_STAGE_PQQ_PERIOD = 4,             /**< "pqq-period": PQQ or
						selection questionnaire period */
	TP_STAGE_PQQ_DEADLINE = 5,           /**< "pqq-deadline" */
	TP_STAGE_PQQ_EVALUATION = 6,         /**< "pqq-evaluation" */
	TP_STAGE_ITT_ISSUE = 7,              /**< "itt-issue": invitation to
						tender sent */
	TP_STAGE_CLARIFICATION_DEADLINE = 8, /**< "clarification-deadline" */
	TP_STAGE_TENDER_PERIOD = 9,          /**< "tender-period" */
	TP_STAGE_TENDER_DEADLINE = 10,       /**< "tender-deadline" */
	TP_STAGE_OPENING = 11,               /**< "opening" of tenders */
	TP_STAGE_EVALUATION = 12,            /**< "evaluation" */
	TP_STAGE_MODERATION = 13,            /**< "moderation" */
	TP_STAGE_INTERVIEWS = 14,            /**< "interviews": interviews or
						presentations */
	TP_STAGE_GOVERNANCE_APPROVAL = 15,   /**< "governance-approval":
						committee, cabinet or director */
	TP_STAGE_INTENTION_TO_AWARD = 16,    /**< "intention-to-award" notice */
	TP_STAGE_STANDSTILL = 17,            /**< "standstill" */
	TP_STAGE_AWARD = 18,                 /**< "award" */
	TP_STAGE_CONTRACT_SIGNATURE = 19,    /**< "contract-signature" */
	TP_STAGE_TUPE_DEADLINE = 20,         /**< "tupe-deadline": TUPE
						employee-information deadline */
	TP_STAGE_MOBILISATION = 21,          /**< "mobilisation": lead-in */
	TP_STAGE_CONTRACT_START = 22,        /**< "contract-start" */
	/** "prior-notice": a planned procurement notice (Procurement Act
	 * 2023 s.15) or prior information notice (PCR 2015 reg 48), on its
	 * finish. @since 0.1 */
	TP_STAGE_PRIOR_NOTICE = 23,
	/** "transparency-notice": published on its finish (Procurement Act
	 * 2023 s.44; the voluntary transparency notice of PCR 2015 reg
	 * 99(3)). @since 0.1 */
	TP_STAGE_TRANSPARENCY_NOTICE = 24,
	/** "award-notice": the notice after the contract is entered into,
	 * on its finish (Procurement Act 2023 s.53 contract details notice;
	 * PSR 2023 notice of the award, e.g. reg 11(16)-(17); PCR 2015 reg
	 * 50 contract award notice). @since 0.1 */
	TP_STAGE_AWARD_NOTICE = 25,
	/** "further-decision": providers told of the last further decision
	 * after representations, on its finish (PSR 2023 reg 12(4)(d),
	 * (6)-(8)). @since 0.1 */
	TP_STAGE_FURTHER_DECISION = 26,
	/** "provider-identification": step 2 of the Most Suitable Provider
	 * Process, completed on its finish (PSR 2023 reg 10(4)-(5)).
	 * @since 0.1 */
	TP_STAGE_PROVIDER_IDENTIFICATION = 27,
	/** "clarification-response": the last answers to clarification
	 * questions sent, on its finish (PCR 2015 reg 47(3)(a)).
	 * @since 0.1 */
	TP_STAGE_CLARIFICATION_RESPONSE = 28,
	/** "committee-report": the deadline for reports to a meeting (the
	 * plan derives one for a stage tied to a meeting series with report
	 * days, tp-meeting.h) @since 0.1 */
	TP_STAGE_COMMITTEE_REPORT = 29,
	/** "call-in": the end of the period in which a committee's
	 * decision can be called in (derived likewise) */
	TP_STAGE_CALL_IN = 30,
};

/** Units of durations and lags; names "working-days", "calendar-days",
 * "weeks", "months". Lags take only working or calendar days. */
enum tp_unit {
	TP_UNIT_WORKING_DAYS = 0,
	TP_UNIT_CALENDAR_DAYS = 1,
	TP_UNIT_WEEKS = 2,  /**< 7 calendar days each */
	TP_UNIT_MONTHS = 3, /**< calendar months, see tp_date_add_months() */
};

/** Dependency types; names "finish-to-start" (also "fs"), "start-to-start"
 * ("ss"), "finish-to-finish" ("ff"), "start-to-finish" ("sf"). */
enum tp_dep_type {
	TP_DEP_FINISH_TO_START = 0,
	TP_DEP_START_TO_START = 1,
	TP_DEP_FINISH_TO_FINISH = 2,
	TP_DEP_START_TO_FINISH = 3,
};

/** Date constraints on one stage; names "start-no-earlier-than",
 * "start-on", "finish-no-later-than", "finish-on". */
enum tp_constraint_type {
	TP_CONSTRAINT_START_NO_EARLIER_THAN = 0,
	TP_CONSTRAINT_START_ON = 1,
	TP_CONSTRAINT_FINISH_NO_LATER_THAN = 2,
	TP_CONSTRAINT_FINISH_ON = 3,
};

/** Which calendar a stage counts its duration and the lags of its
 * incoming dependencies on; names "plan" and "statutory". */
enum tp_stage_calendar {
	/** The plan's own calendar (tp_plan_calendar()): the authority's
	 * working days, closures included. */
	TP_STAGE_CALENDAR_PLAN = 0,
	/** The calendar of the statute that sets the stage's length
	 * (tp_plan_statutory_calendar()): for example the Procurement Act
	 * 2023 standstill counts working days of the whole UK (s.51(2),
	 * s.123) whatever the authority's region. */
	TP_STAGE_CALENDAR_STATUTORY = 1,
};

/** One dependency, as returned by tp_plan_dependency(). */
struct tp_dependency {
	size_t from;           /**< index of the predecessor stage */
	size_t to;             /**< index of the successor stage */
	enum tp_dep_type type; /**< how the two are linked */
	int32_t lag;           /**< may be negative */
	enum tp_unit lag_unit; /**< working or calendar days */
};

/** One constraint, as returned by tp_plan_constraint(). */
struct tp_constraint {
	size_t stage;                 /**< index of the stage */
	enum tp_constraint_type type; /**< what is required */
	struct tp_date date;          /**< of which date */
};

/** Longest stage id in bytes (without the NUL); ids fit tp_error.stage. */
#define TP_STAGE_ID_MAX 63
/** Largest duration amount and largest lag magnitude accepted. */
#define TP_AMOUNT_MAX 100000
/** The time zone of a new plan. */
#define TP_DEFAULT_TIME_ZONE "Europe/London"

/* ---- names ------------------------------------------------------------- */

/** The name of @p kind ("tender-deadline"), or NULL if it is not a kind. */
TP_EXPORT const char *tp_stage_kind_name(enum tp_stage_kind kind);

/** Parse a stage kind name as returned by tp_stage_kind_name().
 * TP_ERR_INVALID (quoting @p name) for anything else. */
TP_EXPORT TP_NODISCARD enum tp_status
tp_stage_kind_from_name(const char *name, enum tp_stage_kind *out,
			struct tp_error *err);

/** The name of @p unit ("working-days"), or NULL. */
TP_EXPORT const char *tp_unit_name(enum tp_unit unit);

/** Parse a unit name as returned by tp_unit_name(); TP_ERR_INVALID
 * otherwise. */
TP_EXPORT TP_NODISCARD enum tp_status
tp_unit_from_name(const char *name, enum tp_unit *out, struct tp_error *err);

/** The name of @p type ("finish-to-start"), or NULL. */
TP_EXPORT const char *tp_dep_type_name(enum tp_dep_type type);

/** Parse a dependency type: the long name or "fs", "ss", "ff", "sf" (any
 * case); TP_ERR_INVALID otherwise. */
TP_EXPORT TP_NODISCARD enum tp_status
tp_dep_type_from_name(const char *name, enum tp_dep_type *out,
		      struct tp_error *err);

/** The name of @p type ("start-no-earlier-than"), or NULL. */
TP_EXPORT const char *tp_constraint_type_name(enum tp_constraint_type type);

/** Parse a constraint type name; TP_ERR_INVALID otherwise. */
TP_EXPORT TP_NODISCARD enum tp_status
tp_constraint_type_from_name(const char *name, enum tp_constraint_type *out,
			     struct tp_error *err);

/* ---- the plan ---------------------------------------------------------- */

struct tp_plan;

/**
 * Create an empty plan: no name or id, revision 1, time zone
 * TP_DEFAULT_TIME_ZONE, no calendar, no anchors. Free with tp_plan_free().
 * @p out is written only on success. @return TP_OK or TP_ERR_NOMEM.
 */
TP_EXPORT TP_NODISCARD enum tp_status tp_plan_new(struct tp_plan **out,
						  struct tp_error *err);

/** Free @p plan, its stages and, if it owns one, its calendar. NULL is
 * allowed. */
TP_EXPORT void tp_plan_free(struct tp_plan *plan);

/**
 * Make room for @p stages stages and @p dependencies dependencies in all,
 * so that adding them allocates nothing more per stage (for readers and
 * bulk builders that know the counts). Optional. Modifies.
 */
TP_EXPORT TP_NODISCARD enum tp_status tp_plan_reserve(struct tp_plan *plan,
						      size_t stages,
						      size_t dependencies,
						      struct tp_error *err);

/** Set the plan's display name (copied; NULL clears it). Text, here and
 * in every stage's name, owner and notes, must be valid UTF-8 without
 * control characters (notes may hold tabs and line breaks), so that every
 * export is well-formed: TP_ERR_INVALID otherwise. Modifies. */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_set_name(struct tp_plan *plan, const char *name, struct tp_error *err);

/** The plan's name, or NULL if none. */
TP_EXPORT const char *tp_plan_name(const struct tp_plan *plan);

/**
 * Set the plan's stable id (copied; NULL clears it), used for example to
 * derive calendar UIDs. Same character rules as a stage id, at most 255
 * bytes. Modifies.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_set_id(struct tp_plan *plan, const char *id, struct tp_error *err);

/** The plan's id, or NULL if none. */
TP_EXPORT const char *tp_plan_id(const struct tp_plan *plan);

/** Set the revision number (1 for a new plan). Modifies. */
TP_EXPORT void tp_plan_set_revision(struct tp_plan *plan, uint32_t revision);

/** The revision number. */
TP_EXPORT uint32_t tp_plan_revision(const struct tp_plan *plan);

/**
 * Set the time zone, an IANA name such as "Europe/London" (copied). Only
 * its shape is checked here (1 to 63 printable ASCII characters without
 * spaces); writers that need the zone's rules check the name. NULL resets
 * the default. Modifies.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_set_time_zone(struct tp_plan *plan, const char *tz,
		      struct tp_error *err);

/** The time zone; never NULL (TP_DEFAULT_TIME_ZONE for a NULL plan). */
TP_EXPORT const char *tp_plan_time_zone(const struct tp_plan *plan);

/**
 * Use @p cal, which stays the caller's: it must outlive the plan and every
 * schedule computed from it. One calendar may serve many plans (a
 * portfolio). A calendar the plan owned (tp_plan_take_calendar()) is freed,
 * unless it is @p cal itself, which stays owned. NULL removes the calendar.
 * Modifies.
 */
TP_EXPORT void tp_plan_set_calendar(struct tp_plan *plan,
				    const struct tp_calendar *cal);

/**
 * Use @p cal and take ownership of it: tp_plan_free() frees it, as does
 * replacing it. @p cal NULL removes the calendar, as
 * tp_plan_set_calendar() does; with @p plan NULL, @p cal is freed.
 * Modifies.
 */
TP_EXPORT void tp_plan_take_calendar(struct tp_plan *plan,
				     struct tp_calendar *cal);

/** The plan's calendar (borrowed, lives as long as the plan), or NULL. */
TP_EXPORT const struct tp_calendar *
tp_plan_calendar(const struct tp_plan *plan);

/**
 * Set the start anchor: no stage starts before @p date (the advert, for
 * forward scheduling). TP_ERR_RANGE outside the supported dates. Modifies.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_set_start_date(struct tp_plan *plan, struct tp_date date,
		       struct tp_error *err);

/** Remove the start anchor. Modifies. */
TP_EXPORT void tp_plan_clear_start_date(struct tp_plan *plan);

/** True if the plan has a start anchor, then written to @p out (may be
 * NULL). */
TP_EXPORT bool tp_plan_start_date(const struct tp_plan *plan,
				  struct tp_date *out);

/**
 * Set the required contract start: no stage finishes after @p date (for
 * backward scheduling; a contract-start milestone may fall on it).
 * TP_ERR_RANGE outside the supported dates. Modifies.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_set_contract_start(struct tp_plan *plan, struct tp_date date,
			   struct tp_error *err);

/** Remove the contract start anchor. Modifies. */
TP_EXPORT void tp_plan_clear_contract_start(struct tp_plan *plan);

/** True if the plan has a required contract start, then written to
 * @p out (may be NULL). */
TP_EXPORT bool tp_plan_contract_start(const struct tp_plan *plan,
				      struct tp_date *out);

/**
 * Use @p cal, which stays the caller's, as the statutory calendar: the one
 * that stages marked TP_STAGE_CALENDAR_STATUTORY count on (see
 * tp_plan_set_stage_calendar()). It must cover at least the plan
 * calendar's years. NULL removes it (statutory stages then count on the
 * plan's calendar). A calendar the plan owned is freed unless it is @p cal
 * itself. Plan files build it from their rules (tp-plan-xml.h). Modifies.
 */
TP_EXPORT void tp_plan_set_statutory_calendar(struct tp_plan *plan,
					      const struct tp_calendar *cal);

/** As tp_plan_set_statutory_calendar(), taking ownership of @p cal (NULL
 * removes it; with @p plan NULL, @p cal is freed). Modifies. */
TP_EXPORT void tp_plan_take_statutory_calendar(struct tp_plan *plan,
					       struct tp_calendar *cal);

/** The statutory calendar, or the plan's calendar when there is none
 * (borrowed; may be NULL when the plan has no calendar at all). */
TP_EXPORT const struct tp_calendar *
tp_plan_statutory_calendar(const struct tp_plan *plan);

/* ---- stages ------------------------------------------------------------ */

/**
 * Add a stage. @p id: 1 to TP_STAGE_ID_MAX bytes of letters, digits, '-',
 * '_' and '.', unique in the plan (TP_ERR_INVALID "duplicate stage id"
 * otherwise). @p name may be NULL. @p amount 0 makes a milestone;
 * 0..TP_AMOUNT_MAX in @p unit. @p name is text as for tp_plan_set_name().
 * Strings are copied. The new stage's index
 * goes to @p index if not NULL. Modifies.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_add_stage(struct tp_plan *plan, const char *id, const char *name,
		  enum tp_stage_kind kind, int32_t amount, enum tp_unit unit,
		  size_t *index, struct tp_error *err);

/** Set the name of stage @p stage (copied; NULL clears; text as for
 * tp_plan_set_name()). Modifies. */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_set_stage_name(struct tp_plan *plan, size_t stage, const char *name,
		       struct tp_error *err);

/** Change the duration of a stage, with the checks of tp_plan_add_stage()
 * (for templates that adjust periods). Modifies. */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_set_stage_duration(struct tp_plan *plan, size_t stage, int32_t amount,
			   enum tp_unit unit, struct tp_error *err);

/**
 * Set the time of day of stage @p stage (e.g. tenders due 12:00), as
 * minutes after midnight (0..1439), or -1 for none. It is carried to
 * outputs; it does not move dates. Modifies.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_set_stage_time(struct tp_plan *plan, size_t stage, int minutes,
		       struct tp_error *err);

/**
 * Say which calendar stage @p stage counts on (default
 * TP_STAGE_CALENDAR_PLAN). TP_ERR_INVALID for an unknown stage or value.
 * Modifies.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_set_stage_calendar(struct tp_plan *plan, size_t stage,
			   enum tp_stage_calendar which, struct tp_error *err);

/** Which calendar a stage counts on (TP_STAGE_CALENDAR_PLAN for no such
 * stage). */
TP_EXPORT enum tp_stage_calendar
tp_plan_stage_calendar_kind(const struct tp_plan *plan, size_t stage);

/** The calendar stage @p stage counts on: the statutory calendar for a
 * statutory stage (or the plan's when there is none), else the plan's
 * (borrowed; NULL when the plan has no calendar). */
TP_EXPORT const struct tp_calendar *
tp_plan_stage_calendar(const struct tp_plan *plan, size_t stage);

/** Set who is responsible for a stage (copied; NULL clears; one line of
 * text as for tp_plan_set_name()). Modifies. */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_set_stage_owner(struct tp_plan *plan, size_t stage, const char *owner,
			struct tp_error *err);

/** Set free-text notes on a stage (copied; NULL clears; UTF-8 without
 * control characters other than tab, line feed and carriage return).
 * Modifies. */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_set_stage_notes(struct tp_plan *plan, size_t stage, const char *notes,
			struct tp_error *err);

/** Number of stages. */
TP_EXPORT size_t tp_plan_stage_count(const struct tp_plan *plan);

/** Loop over the stage indexes of @p plan: tp_plan_foreach_stage(p, i). */
#define tp_plan_foreach_stage(plan, i) \
	for (size_t i = 0; i < tp_plan_stage_count(plan); i++)

/** True if a stage has id @p id; its index is then written to @p index
 * (may be NULL). */
TP_EXPORT bool tp_plan_find_stage(const struct tp_plan *plan, const char *id,
				  size_t *index);

/**
 * The id of the stage of @p plan nearest to @p id, for "did you mean ...?"
 * after a misspelt id: within an edit distance that grows with the length
 * of @p id (1 up to 3 characters, 2 up to 6, else 3; case and a swap of
 * two neighbouring characters count as one edit), or the one @p id begins
 * (3 characters or more); the nearest first, the first stage of equals.
 * NULL when none is near enough, when @p id is a stage, or when either is
 * NULL. Borrowed from the plan.
 */
TP_EXPORT const char *tp_plan_suggest_stage(const struct tp_plan *plan,
					    const char *id);

/** The id of stage @p stage, or NULL if there is no such stage. */
TP_EXPORT const char *tp_plan_stage_id(const struct tp_plan *plan,
				       size_t stage);

/** The name of a stage, or NULL if it has none (or no such stage). */
TP_EXPORT const char *tp_plan_stage_name(const struct tp_plan *plan,
					 size_t stage);

/** The kind of a stage (TP_STAGE_CUSTOM if there is no such stage). */
TP_EXPORT enum tp_stage_kind tp_plan_stage_kind(const struct tp_plan *plan,
						size_t stage);

/** The duration amount of a stage (0 for a milestone or no such stage). */
TP_EXPORT int32_t tp_plan_stage_amount(const struct tp_plan *plan,
				       size_t stage);

/** The duration unit of a stage. */
TP_EXPORT enum tp_unit tp_plan_stage_unit(const struct tp_plan *plan,
					  size_t stage);

/** True if the stage is a milestone (duration 0). */
TP_EXPORT bool tp_plan_stage_is_milestone(const struct tp_plan *plan,
					  size_t stage);

/** The time of day of a stage in minutes after midnight, or -1 if none
 * (and for no such stage or plan). */
TP_EXPORT int tp_plan_stage_time(const struct tp_plan *plan, size_t stage);

/** The owner of a stage, or NULL. */
TP_EXPORT const char *tp_plan_stage_owner(const struct tp_plan *plan,
					  size_t stage);

/** The notes of a stage, or NULL. */
TP_EXPORT const char *tp_plan_stage_notes(const struct tp_plan *plan,
					  size_t stage);

/* ---- what has happened ------------------------------------------------- */

/**
 * Record what actually happened to stage @p stage: the day it started
 * (@p start, or NULL for not started) and the day it finished (@p finish,
 * or NULL for not finished). A finish without a start is allowed (the
 * start then follows from the stage's links and duration, tp-schedule.h
 * "Actual dates"); a milestone that started has finished, on the same day.
 * The scheduler keeps these dates whatever the plan says and, with a
 * today (tp_schedule_options), forecasts the rest from today. Errors
 * (TP_ERR_INVALID): no such stage, a stage derived from a meeting
 * (tp-meeting.h: it follows its meeting), a finish before the start, a
 * milestone finishing on another day than it started; TP_ERR_RANGE for a
 * date outside the supported range. Modifies.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_set_stage_actual(struct tp_plan *plan, size_t stage,
			 const struct tp_date *start,
			 const struct tp_date *finish, struct tp_error *err);

/** True if stage @p stage has an actual start, then written to @p out
 * (may be NULL). */
TP_EXPORT bool tp_plan_stage_actual_start(const struct tp_plan *plan,
					  size_t stage, struct tp_date *out);

/** True if stage @p stage has an actual finish (it is done), then written
 * to @p out (may be NULL). */
TP_EXPORT bool tp_plan_stage_actual_finish(const struct tp_plan *plan,
					   size_t stage, struct tp_date *out);

/** True if any stage of @p plan has an actual start or finish: the tender
 * is under way. */
TP_EXPORT bool tp_plan_has_actuals(const struct tp_plan *plan);

/* ---- dependencies and constraints -------------------------------------- */

/**
 * Make stage @p to_id depend on stage @p from_id. Both stages must already
 * be in the plan: add every stage first. Errors (TP_ERR_INVALID unless
 * said): an unknown id ("stage 'b' depends on unknown stage 'x'"), a stage
 * depending on itself (TP_ERR_CYCLE), @p lag_unit other than working or
 * calendar days, |lag| > TP_AMOUNT_MAX. Longer cycles are found by
 * tp_schedule_compute(). Modifies.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_add_dependency(struct tp_plan *plan, const char *from_id,
		       const char *to_id, enum tp_dep_type type, int32_t lag,
		       enum tp_unit lag_unit, struct tp_error *err);

/** Number of dependencies. */
TP_EXPORT size_t tp_plan_dependency_count(const struct tp_plan *plan);

/** Copy dependency @p i to @p out. False (and @p out untouched) if there
 * is no such dependency. */
TP_EXPORT bool tp_plan_dependency(const struct tp_plan *plan, size_t i,
				  struct tp_dependency *out);

/**
 * Add a constraint on stage @p stage_id (TP_ERR_INVALID if unknown;
 * TP_ERR_RANGE for a date outside the supported range). A stage may have
 * several. Modifies.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_add_constraint(struct tp_plan *plan, const char *stage_id,
		       enum tp_constraint_type type, struct tp_date date,
		       struct tp_error *err);

/** Number of constraints. */
TP_EXPORT size_t tp_plan_constraint_count(const struct tp_plan *plan);

/** Copy constraint @p i to @p out. False if there is no such constraint. */
TP_EXPORT bool tp_plan_constraint(const struct tp_plan *plan, size_t i,
				  struct tp_constraint *out);

#ifdef __cplusplus
}
#endif
#endif
