/* SPDX-License-Identifier: MIT */
/**
 * @file tp-revision.h
 * Stored snapshots of a schedule, kept inside the plan file: what the
 * timetable was when a revision was recorded (so that a calendar export
 * knows which events changed and which stages were removed), and the
 * approved baseline (for slippage, tp_snapshot_slippage(); `tenderplan
 * baseline`). One mechanism serves both: a snapshot of kind "revision" or
 * "baseline". The two never mix: exports take SEQUENCE only from revision
 * snapshots, and slippage is measured only against baselines.
 *
 * A snapshot holds, for every stage of the plan when it was taken: the
 * stage id, the name its calendar event showed, its early start and
 * finish, its time of day, a hash of its text (tp_snapshot_text_hash()),
 * the iCalendar SEQUENCE its event had, and whether the stage had already
 * been removed (kept so that a stage removed and later added again gets a
 * SEQUENCE above its cancellation). It holds the same for every meeting
 * series (tp-meeting.h), whose calendar event is the series of meetings:
 * the day the event begins (start and finish), a hash of what it shows
 * (its name, dates, rule, exceptions, report and call-in days, and the
 * stages on it with their early starts), its SEQUENCE and whether it had
 * been removed.
 *
 * How SEQUENCE follows from a snapshot @c since of the same plan (the
 * same rule for exports and for tp_snapshot_record()):
 * - a stage in @c since with the same dates, time of day, time zone and
 *   text keeps its sequence; one whose dates, time or text changed gets
 *   its sequence + 1; a stage @c since records as removed gets its
 *   sequence + 1; a stage new since then gets 0;
 * - a stage of @c since missing from the plan is sent as cancelled with
 *   its sequence + 1 (a stage already removed in @c since: its sequence);
 * - without a snapshot every event gets the plan's revision - 1, as
 *   before snapshots existed (a revision raised by hand updates all);
 * - meeting series follow the same rule, with one difference: a series
 *   @c since does not have gets the plan's revision - 1, not 0 (snapshots
 *   written before series were recorded have none, and the series' event
 *   was published at that sequence);
 * - a snapshot of another plan id is not used (the UIDs differ).
 *
 * Snapshots are built by one thread and then only read; many threads may
 * read one at once.
 *
 * NULL pointer arguments give TP_ERR_INVALID, or a getter's empty value
 * (NULL, 0, false, day 0), as tp-common.h says; exceptions are noted at
 * the function.
 */
#ifndef TP_REVISION_H
#define TP_REVISION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tp-common.h"
#include "tp-date.h"
#include "tp-output.h"
#include "tp-plan-xml.h"
#include "tp-plan.h"
#include "tp-schedule.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What a snapshot is for; names beside each. */
enum tp_snapshot_kind {
	/** "revision": the timetable as published at a revision */
	TP_SNAPSHOT_REVISION = 0,
	/** "baseline": the approved timetable, for slippage */
	TP_SNAPSHOT_BASELINE = 1,
};

/** One stage of a snapshot. Strings are borrowed from the snapshot. */
struct tp_snapshot_stage {
	const char *id;        /**< the stage id (1-63 bytes, as tp-plan.h) */
	const char *name;      /**< the name its event showed, or NULL */
	struct tp_date start;  /**< early start */
	struct tp_date finish; /**< early finish */
	int minutes;           /**< time of day (0-1439), or -1 for none */
	uint64_t text_hash;    /**< tp_snapshot_text_hash() then */
	uint32_t sequence;     /**< the iCalendar SEQUENCE of its event */
	bool removed; /**< the stage had been removed (a cancellation) */
};

/** Differences between a snapshot and a schedule, tp_snapshot_compare(). */
struct tp_snapshot_diff {
	size_t same;    /**< stages with the same dates, time and text */
	size_t changed; /**< stages whose dates, time or text changed */
	size_t added;   /**< stages the snapshot does not have */
	size_t removed; /**< stages of the snapshot no longer in the plan */
	/** Meeting series whose event is the same, counted as the stages
	 * are (a snapshot written before series were recorded has none: the
	 * plan's then count as added). @since 0.2 */
	uint32_t series_same;
	uint32_t series_changed; /**< series whose event changed @since 0.2 */
	uint32_t series_added;   /**< series the snapshot does not have */
	uint32_t series_removed; /**< series of the snapshot no longer there */
	unsigned char reserved[16]; /**< room to grow */
};

/** The name of @p kind ("revision"), or NULL. */
TP_EXPORT const char *tp_snapshot_kind_name(enum tp_snapshot_kind kind);

/** Parse a kind name; TP_ERR_INVALID otherwise. */
TP_EXPORT TP_NODISCARD enum tp_status
tp_snapshot_kind_from_name(const char *name, enum tp_snapshot_kind *out,
			   struct tp_error *err);

struct tp_snapshot;

/**
 * A new empty snapshot of @p kind, of revision @p revision of plan
 * @p plan_id (may be NULL), taken at @p taken (seconds since 1970-01-01
 * UTC, >= 0), with times of day in @p time_zone (NULL: Europe/London).
 * Strings are copied. Free with tp_snapshot_free(). TP_ERR_INVALID for a
 * bad kind, id or zone; TP_ERR_NOMEM.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_snapshot_new(enum tp_snapshot_kind kind, uint32_t revision, int64_t taken,
		const char *plan_id, const char *time_zone,
		struct tp_snapshot **out, struct tp_error *err);

/** Free @p snap. NULL is allowed. */
TP_EXPORT void tp_snapshot_free(struct tp_snapshot *snap);

/**
 * Add a stage (strings copied). TP_ERR_INVALID for a bad or duplicate id,
 * a name XML cannot hold, finish before start, minutes outside -1..1439.
 * Modifies.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_snapshot_add_stage(struct tp_snapshot *snap,
		      const struct tp_snapshot_stage *stage,
		      struct tp_error *err);

/**
 * Add a meeting series (strings copied): @c id is the series id, @c name
 * its name (NULL: none), @c start and @c finish the day its calendar event
 * begins on, @c minutes -1, @c text_hash the hash of what the event shows.
 * The checks of tp_snapshot_add_stage() apply, among series (a series may
 * share an id with a stage); TP_ERR_INVALID also for minutes other than
 * -1. Modifies. @since 0.2
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_snapshot_add_series(struct tp_snapshot *snap,
		       const struct tp_snapshot_stage *series,
		       struct tp_error *err);

/** The kind. */
TP_EXPORT enum tp_snapshot_kind
tp_snapshot_kind(const struct tp_snapshot *snap);

/** The plan revision the snapshot records. */
TP_EXPORT uint32_t tp_snapshot_revision(const struct tp_snapshot *snap);

/** When it was taken, in seconds since 1970-01-01 UTC. */
TP_EXPORT int64_t tp_snapshot_taken(const struct tp_snapshot *snap);

/** The plan id it was taken of, or NULL. */
TP_EXPORT const char *tp_snapshot_plan_id(const struct tp_snapshot *snap);

/** The time zone of its times of day; never NULL (Europe/London for a
 * NULL snapshot). */
TP_EXPORT const char *tp_snapshot_time_zone(const struct tp_snapshot *snap);

/** Number of stages (removed ones included). */
TP_EXPORT size_t tp_snapshot_stage_count(const struct tp_snapshot *snap);

/** Stage @p i into @p out; false (and @p out untouched) if none. */
TP_EXPORT bool tp_snapshot_stage(const struct tp_snapshot *snap, size_t i,
				 struct tp_snapshot_stage *out);

/** Number of meeting series (removed ones included). @since 0.2 */
TP_EXPORT size_t tp_snapshot_series_count(const struct tp_snapshot *snap);

/** Meeting series @p i into @p out; false (and @p out untouched) if none.
 * @since 0.2 */
TP_EXPORT bool tp_snapshot_series(const struct tp_snapshot *snap, size_t i,
				  struct tp_snapshot_stage *out);

/** The stage with id @p id into @p out (may be NULL); false if none. */
TP_EXPORT bool tp_snapshot_find_stage(const struct tp_snapshot *snap,
				      const char *id,
				      struct tp_snapshot_stage *out);

/**
 * A hash of the text a stage's calendar event shows from the plan: its
 * summary (name, or id), kind, owner, notes and the links into it (stage,
 * type, lag). Computed values (float, latest dates, findings) are not in
 * it. Stable across versions of the library: a change to it would raise
 * every event's SEQUENCE once. 0 for a stage that does not exist.
 * One call looks through all the plan's links; for every stage of a big
 * plan, tp_snapshot_record() hashes them all in one pass (each stage's
 * tp_snapshot_stage.text_hash).
 */
TP_EXPORT uint64_t tp_snapshot_text_hash(const struct tp_plan *plan,
					 size_t stage);

/**
 * The timetable of @p sched as an export publishes it now, as a snapshot
 * of @p kind of the plan's current revision taken at @p taken: every
 * stage with its SEQUENCE worked out from @p since (may be NULL) by the
 * rule above, and the stages of @p since no longer in the plan as
 * removed; the same for its meeting series. Free with tp_snapshot_free().
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_snapshot_record(const struct tp_schedule *sched,
		   const struct tp_snapshot *since, enum tp_snapshot_kind kind,
		   int64_t taken, struct tp_snapshot **out,
		   struct tp_error *err);

/**
 * Compare @p sched with @p since, stage by stage (ids matched; removed
 * stages of @p since count as absent). @p out is always filled.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_snapshot_compare(const struct tp_snapshot *since,
		    const struct tp_schedule *sched,
		    struct tp_snapshot_diff *out, struct tp_error *err);

/**
 * How far stage @p stage of @p sched has slipped against @p snap (the
 * approved baseline): the working days of the stage's calendar from its
 * finish in the snapshot to its early finish in @p sched (for a finished
 * stage, its actual finish): positive when it is later, negative when
 * earlier, 0 on time. The stage is matched by id. False (and @p out
 * untouched) when the snapshot has no such stage or had it as removed, or
 * the dates lie outside the stage's calendar.
 */
TP_EXPORT bool tp_snapshot_slippage(const struct tp_snapshot *snap,
				    const struct tp_schedule *sched,
				    size_t stage, int32_t *out);

/* ---- snapshots in plan documents -------------------------------------- */

/** Number of snapshots the document holds (every kind, in file order). */
TP_EXPORT size_t tp_plan_doc_snapshot_count(const struct tp_plan_doc *doc);

/** Snapshot @p i (borrowed, lives as long as @p doc), or NULL. */
TP_EXPORT const struct tp_snapshot *
tp_plan_doc_snapshot(const struct tp_plan_doc *doc, size_t i);

/** The snapshot of @p kind with the highest revision (the last in the file
 * among equals), or NULL if there is none. */
TP_EXPORT const struct tp_snapshot *
tp_plan_doc_latest_snapshot(const struct tp_plan_doc *doc,
			    enum tp_snapshot_kind kind);

/** Add @p snap at the end; the document now owns it (and frees it, also
 * when this fails with TP_ERR_NOMEM). Modifies. */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_doc_take_snapshot(struct tp_plan_doc *doc, struct tp_snapshot *snap,
			  struct tp_error *err);

/* ---- recording a snapshot in a plan file ------------------------------ */

/** Flags of tp_plan_file_record(). */
enum tp_record_flags {
	/** Work everything out, write nothing. */
	TP_RECORD_DRY_RUN = 1u << 0,
};

/** What tp_plan_file_record() did. */
struct tp_record_result {
	/** The revision recorded (the plan's revision before). */
	uint32_t recorded;
	/** The plan's revision now (recorded + 1 for a revision). */
	uint32_t revision;
	/** Whether a previous snapshot of the kind existed... */
	bool had_previous;
	/** ...and, if so, how the recorded timetable differs from it. */
	struct tp_snapshot_diff since_previous;
	/** Room to grow. */
	unsigned char reserved[32];
};

/** How tp_plan_file_record_with() works. Initialise with
 * tp_record_options_init(). */
struct tp_record_options {
	/** When the snapshot is taken, seconds since 1970-01-01 UTC. */
	int64_t taken;
	/** enum tp_record_flags. */
	unsigned flags;
	/** How the file is written (tp-output.h); NULL: the defaults. */
	const struct tp_write_options *write;
	/** How the plan is scheduled (a today for a tender under way,
	 * tp-schedule.h); NULL: TP_SCHEDULE_AUTO without a today. */
	const struct tp_schedule_options *schedule;
	/** Room to grow without an ABI break. */
	unsigned char reserved[32];
};

/** Set @p opt to the defaults: taken 0, no flags, default writing and
 * scheduling. NULL is allowed and does nothing. */
TP_EXPORT void tp_record_options_init(struct tp_record_options *opt);

/**
 * As tp_plan_file_record() with @p opt (NULL: the defaults; @p out may be
 * NULL as there): the plan is
 * scheduled as tp_plan_doc_schedule() does with @c schedule, so that what
 * is recorded is what `tenderplan schedule` and the exports show.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_file_record_with(const char *path, enum tp_snapshot_kind kind,
			 const struct tp_record_options *opt,
			 struct tp_record_result *out, struct tp_error *err);

/**
 * Record the current schedule of the plan file @p path in the file
 * itself. For TP_SNAPSHOT_REVISION (`tenderplan revise`): the schedule as
 * it is now becomes the previous revision and the plan's revision is
 * raised by one, so that exports made after the next changes give those
 * changes a higher SEQUENCE. For TP_SNAPSHOT_BASELINE: the schedule is
 * recorded as the baseline; the revision stays.
 *
 * The file is read and checked as tp_plan_doc_read_file() does and
 * scheduled (TP_SCHEDULE_AUTO); then the document is edited, not written
 * anew: comments, order and layout stay, the revision attribute changes
 * and a snapshot element is added under \<snapshots\>. The result is read
 * back and checked before it replaces the file (tp-output.h rules, @p wo
 * may be NULL). @p taken is seconds since 1970-01-01 UTC. @p out (may be
 * NULL) says what was done. Errors name the file.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_file_record(const char *path, enum tp_snapshot_kind kind, int64_t taken,
		    unsigned flags, const struct tp_write_options *wo,
		    struct tp_record_result *out, struct tp_error *err);

#ifdef __cplusplus
}
#endif
#endif
