/* SPDX-License-Identifier: MIT */
/**
 * @file tp-export.h
 * Writing a computed schedule for other programs and for people:
 * iCalendar (calendar apps), schedule XML (with an XSD), MS Project XML
 * (MSPDI), an SVG Gantt chart and an HTML page embedding it, CSV, a
 * plain-text weekly grid and an Open Contracting Data Standard (OCDS) 1.1
 * release package.
 *
 * Every writer reads a plan and a schedule computed from it (both const;
 * many threads may export the same schedule at once) and writes either to
 * a memory buffer or to a file. A file is written to a temporary file in
 * the same directory and renamed into place, so it is never half-written.
 *
 * Dates written are the schedule's early dates (tp-schedule.h); the XML,
 * CSV and MSPDI outputs also carry the late dates and float.
 *
 * NULL pointer arguments give TP_ERR_INVALID, or a getter's empty value
 * (NULL, 0, false, day 0), as tp-common.h says; exceptions are noted at
 * the function.
 */
#ifndef TP_EXPORT_H
#define TP_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tp-common.h"
#include "tp-output.h"
#include "tp-plan.h"
#include "tp-schedule.h"

#ifdef __cplusplus
extern "C" {
#endif

struct tp_snapshot; /* tp-revision.h */

/** Output formats; names (tp_export_format_name()) beside each. */
enum tp_export_format {
	TP_EXPORT_ICS = 0, /**< "ics": iCalendar (RFC 5545), via libical */
	TP_EXPORT_XML = 1, /**< "xml": schedule XML (tenderplan-schedule.xsd) */
	TP_EXPORT_MSPDI = 2, /**< "mspdi": Microsoft Project XML */
	TP_EXPORT_SVG = 3,   /**< "svg": Gantt chart */
	TP_EXPORT_HTML = 4, /**< "html": a self-contained page with the Gantt */
	/** "csv": one row per stage (RFC 4180): the columns that
	 * tp_plan_edit_import_csv() reads back (name, time, duration, fixed,
	 * not_before, not_after, notes) beside the computed ones; a cell
	 * beginning with =, +, - or @ (a formula to a spreadsheet) begins with
	 * an apostrophe, except a plain negative number */
	TP_EXPORT_CSV = 5,
	TP_EXPORT_TEXT = 6, /**< "text": weekly grid for terminals */
	/** "ocds": an OCDS 1.1 release package (JSON), one release per plan
	 * with tag "planning"; which stage gives which field: docs/ocds.md */
	TP_EXPORT_OCDS = 7,
};

/** The ocid prefix of an OCDS export when the options name none. It is
 * not one the Open Contracting Partnership registers (those are "ocds-"
 * and six characters), so a draft timetable can never be mistaken for, or
 * collide with, a publisher's real contracting process. */
#define TP_OCDS_DEFAULT_PREFIX "ocds-tenderplan"

/**
 * A finding to show beside a stage (a hook for the rules checker's
 * findings; the caller fills these from whatever produced them). Strings
 * are borrowed for the duration of the export call.
 */
struct tp_export_finding {
	/** "error", "warning" or "info". */
	const char *severity;
	/** Stable rule identifier, or NULL. */
	const char *rule_id;
	/** Instrument and provision ("PCR 2015 reg 87(2)"), or NULL. */
	const char *citation;
	/** The plan id it is about (for portfolios), or NULL for any plan. */
	const char *plan_id;
	/** The stage id it is about, or NULL for the plan as a whole. */
	const char *stage;
	/** One sentence. Must not be NULL. */
	const char *message;
};

/** How to export. Initialise with tp_export_options_init(). */
struct tp_export_options {
	/** Deadlines and milestones only (iCalendar, text, CSV, SVG). */
	bool deadlines_only;
	/** iCalendar: a reminder this many working days before each deadline
	 * (0: none; at most 250). */
	int32_t alarm_working_days;
	/** iCalendar X-WR-CALNAME and page titles; NULL: the plan's name (or
	 * "Tender timetables" for a portfolio). Borrowed. */
	const char *title;
	/** iCalendar DTSTAMP, and the OCDS release date and package
	 * publishedDate, in seconds since 1970-01-01 UTC; 0: now. Set it (the
	 * tenderplan program takes SOURCE_DATE_EPOCH) to make repeated
	 * exports of one plan byte-identical. */
	int64_t dtstamp;
	/** iCalendar: the schedule of the previous revision of the same plan,
	 * or NULL. Its stages missing from the current plan are published
	 * with STATUS:CANCELLED at their old dates; SEQUENCE is worked out as
	 * for @c since with every event of it at SEQUENCE (its revision - 1).
	 * Ignored when @c since is set. */
	const struct tp_schedule *previous;
	/** iCalendar: ids of stages removed since the previous revision, to
	 * publish as cancelled when @c previous is not available (dated on
	 * the plan's start). Borrowed; may be NULL when @c n_removed is 0. */
	const char *const *removed;
	size_t n_removed; /**< how many ids @c removed holds */
	/** Findings to show (DESCRIPTION, XML, HTML); may be NULL. */
	const struct tp_export_finding *findings;
	size_t n_findings; /**< how many @c findings there are */
	/** OCDS: the ocid prefix, normally the "ocds-xxxxxx" prefix
	 * registered for the publisher; the ocid is the prefix, "-" and the
	 * plan's id. NULL: TP_OCDS_DEFAULT_PREFIX. Borrowed. */
	const char *ocid_prefix;
	/** iCalendar: the previous revision as it was published (a stored
	 * snapshot, tp-revision.h), or NULL. Each event's SEQUENCE follows
	 * from it (tp-revision.h): it rises only for the events whose dates,
	 * time or text changed; its stages missing from the plan are sent as
	 * STATUS:CANCELLED at their old dates with a higher SEQUENCE. Takes
	 * the place of @c previous and @c removed. A snapshot of another plan
	 * id is not used. Borrowed. Single plans only: a portfolio takes
	 * @c sinces. @since 0.1 */
	const struct tp_snapshot *since;
	/** How the file is written (tp-output.h), or NULL for the defaults;
	 * for the *_to_file functions. Borrowed. @since 0.1 */
	const struct tp_write_options *write;
	/** iCalendar: a timed deadline's DTEND this many minutes after it
	 * (1-1440; 0: 30). @since 0.1 */
	int32_t deadline_minutes;
	/** iCalendar: leave out the cancelled events of removed stages (for
	 * a calendar that ignores STATUS:CANCELLED and is emptied before
	 * each import, such as calcurse). @since 0.1 */
	bool omit_cancelled;
	/** CSV: begin with a UTF-8 byte order mark, by which Excel knows the
	 * file is UTF-8 (without it, Excel reads it in the Windows code page
	 * and a name with "é" or "£" comes out garbled). */
	bool csv_bom;
	/** The approved baseline (a stored snapshot of kind baseline,
	 * tp-revision.h), or NULL: every format then shows each stage's
	 * slippage against it in working days (tp_snapshot_slippage()), the
	 * SVG and HTML Gantt its baseline dates as a thin bar. Borrowed.
	 * Single plans only: a portfolio takes @c baselines. @since 0.1 */
	const struct tp_snapshot *baseline;
	/** Portfolios (tp_export_portfolio_to_buffer()): the approved
	 * baseline of each plan, an array parallel to the schedules (entry i
	 * for schedule i, any entry NULL for none), or NULL for none; each is
	 * used as @c baseline is for a single plan, for its own plan only. An
	 * entry whose plan id is not its schedule's plan's id (both without
	 * one count as the same) is not used. Single-plan exports ignore it.
	 * Borrowed. @since 0.1 */
	const struct tp_snapshot *const *baselines;
	/** iCalendar portfolios (tp_export_portfolio_to_buffer()): the
	 * previous revision of each plan as it was published (a stored
	 * snapshot of kind revision), an array parallel to the schedules
	 * (entry i for schedule i, any entry NULL for none), or NULL for
	 * none; each is used as @c since is for a single plan, for its own
	 * plan only: its events' SEQUENCE follows from it, and its stages and
	 * meeting series no longer in the plan are sent as cancelled. An
	 * entry of another plan id is not used. Single-plan exports ignore
	 * it. Borrowed. @since 0.2 */
	const struct tp_snapshot *const *sinces;
	/** Portfolios: how many threads may write the export (the iCalendar
	 * and OCDS formats write a portfolio of 64 plans or more in pieces of
	 * 16 plans on each): 0, one per core (at most 8); 1, only the calling
	 * thread. The bytes written, and the error of a failing plan, are the
	 * same whatever the number. @since 0.2 */
	uint32_t threads;
	/** Room to grow without an ABI break (after csv_bom, two bytes of
	 * padding come before @c baseline). */
	unsigned char
		reserved[64 - 6 * sizeof(void *) - 2 * sizeof(int32_t) - 4];
};

/** Set @p opt to the defaults: everything, no alarm, no previous
 * revision, no findings, DTSTAMP now. */
TP_EXPORT void tp_export_options_init(struct tp_export_options *opt);

/** The name of @p format ("ics"), or NULL if it is not a format. */
TP_EXPORT const char *tp_export_format_name(enum tp_export_format format);

/** Parse a format name as returned by tp_export_format_name();
 * TP_ERR_INVALID listing the valid names otherwise. */
TP_EXPORT TP_NODISCARD enum tp_status
tp_export_format_from_name(const char *name, enum tp_export_format *out,
			   struct tp_error *err);

/**
 * Export @p sched, computed from @p plan, as @p format into a new
 * NUL-terminated buffer at @p out (release it with tp_free()); its length
 * without the NUL goes to @p len if not NULL. @p opt may be NULL for the
 * defaults.
 * Errors: TP_ERR_INVALID (the schedule is not of this plan; an iCalendar
 * export of a plan without an id, which the UIDs need; a bad option),
 * TP_ERR_RANGE (a date outside the calendar), TP_ERR_NOMEM. @p out and
 * @p len are written only on success.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_export_to_buffer(enum tp_export_format format, const struct tp_plan *plan,
		    const struct tp_schedule *sched,
		    const struct tp_export_options *opt, char **out,
		    size_t *len, struct tp_error *err);

/**
 * As tp_export_to_buffer(), written to @p path by the rules of
 * tp-output.h with @c write of @p opt: a regular file through a temporary
 * file in the same directory renamed into place (TP_ERR_IO, naming the
 * file, if that fails; nothing is left behind), a device or FIFO directly,
 * a read-only or hard-linked file refused (TP_ERR_REFUSED) unless forced.
 * The output is streamed: memory use does not grow with its size (for
 * iCalendar, one event at a time).
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_export_to_file(enum tp_export_format format, const struct tp_plan *plan,
		  const struct tp_schedule *sched,
		  const struct tp_export_options *opt, const char *path,
		  struct tp_error *err);

/**
 * Export @p n schedules (a portfolio; each plan is tp_schedule_plan())
 * as one document: one VCALENDAR, one XML document, one OCDS package (a
 * release per plan), one CSV table, one text grid per plan, one MS
 * Project file or one Gantt chart (SVG, or an HTML page) holding every
 * plan, in the order given.
 *
 * The Gantt chart has one shared time axis over every plan and, for
 * each plan, a header row (its name, id and a bar from its start to its
 * finish) above its stages; holidays and closures are shaded, and
 * committee meetings drawn, within each plan's rows from its own
 * calendar. Element ids are "tender:PLAN-ID" for a plan's group and
 * "stage:PLAN-ID:STAGE-ID" for a stage's ("tender-K" and "stage-K:..."
 * for the K-th plan, from 1, when it has no id), unique in the document.
 * Up to about 80 weeks the axis is by week commencing Monday, as for one
 * plan; a longer span is drawn 1120 units wide with ticks by month (up
 * to about 3.9 years), quarter (up to about 11.7 years) or year, and
 * without holiday shading once a day is narrower than one unit.
 *
 * The MS Project file has, for each plan, a summary task (OutlineLevel
 * 1, named after the plan) with the plan's stages beneath it
 * (OutlineLevel 2); UIDs and IDs run on through the plans, links stay
 * within each plan, and each distinct working-day calendar is written
 * once, the plans on it taking it as their tasks' calendar.
 *
 * A portfolio of one plan is drawn and written as that plan alone. Two
 * plans with the same id are an error (TP_ERR_INVALID naming both: their
 * calendar events would share UIDs). @c previous, @c removed, @c since
 * and @c baseline in @p opt apply to single plans only and are ignored
 * here; @c baselines gives each plan its baseline. Otherwise as
 * tp_export_to_buffer(): release the buffer at @p out with tp_free().
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_export_portfolio_to_buffer(enum tp_export_format format,
			      const struct tp_schedule *const *scheds, size_t n,
			      const struct tp_export_options *opt, char **out,
			      size_t *len, struct tp_error *err);

/** As tp_export_portfolio_to_buffer(), written to @p path as
 * tp_export_to_file() writes (streamed, tp-output.h rules). */
TP_EXPORT TP_NODISCARD enum tp_status
tp_export_portfolio_to_file(enum tp_export_format format,
			    const struct tp_schedule *const *scheds, size_t n,
			    const struct tp_export_options *opt,
			    const char *path, struct tp_error *err);

/**
 * The iCalendar UID of stage @p stage_id of plan @p plan_id,
 * "<stage-id>.<plan-id>@tenderplan", into @p buf of @p size bytes. Stable:
 * it depends only on the two ids. TP_ERR_INVALID if it does not fit.
 */
TP_EXPORT TP_NODISCARD enum tp_status tp_export_ics_uid(const char *plan_id,
							const char *stage_id,
							char *buf, size_t size,
							struct tp_error *err);

#ifdef __cplusplus
}
#endif
#endif
