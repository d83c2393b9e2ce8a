/* SPDX-License-Identifier: MIT */
/**
 * @file tp-plan-edit.h
 * Changing a plan file in place, as a person would with an editor: the XML
 * document is edited, not rewritten from the plan it describes, so the
 * file keeps its comments, the order of its elements and attributes, and
 * its layout. A new element is indented as its neighbours are.
 *
 * A struct tp_plan_edit holds one plan file: the bytes read, the document
 * being changed, and the changes made so far as sentences ("stage
 * 'evaluation': duration 15 working days -> 4 weeks"). Each tp_plan_edit_*
 * call that changes something checks its arguments first and leaves the
 * document as it was when it refuses them (after TP_ERR_NOMEM the edit may
 * be half made: free it); a call that would change nothing (the value is
 * already there) records nothing. tp_plan_edit_finish() writes the
 * edited document as text, keeping the original bytes wherever the edit
 * did not reach, and reads that text back exactly as tp_plan_doc_read_memory()
 * reads a file (schema, stage ids, dependency cycles, dates), so a change
 * that would leave a plan no reader accepts is refused there, with the
 * reader's error. tp_plan_edit_write_file() then replaces the file
 * atomically, and only if nobody changed it since it was read.
 *
 * Stages are named by id; an unknown id is TP_ERR_INVALID with the nearest
 * id the plan has ("no stage 'evalution' (did you mean 'evaluation'?)").
 *
 * An edit belongs to one thread; different edits may be used by different
 * threads at once (libxml2's error handlers are restored before each call
 * returns).
 *
 * NULL pointer arguments give TP_ERR_INVALID, or a getter's empty value
 * (NULL, 0, false, day 0), as tp-common.h says; exceptions are noted at
 * the function.
 */
#ifndef TP_PLAN_EDIT_H
#define TP_PLAN_EDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tp-common.h"
#include "tp-date.h"
#include "tp-output.h"
#include "tp-plan-xml.h"
#include "tp-meeting.h"
#include "tp-plan.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- amounts and times as people write them ------------------------------ */

/** Bytes tp_duration_format() needs, with the NUL. */
#define TP_DURATION_STRLEN 16

/**
 * Parse a duration as a person writes it: a whole number and a unit,
 * "20wd" (working days), "30d" (calendar days), "4w" (weeks), "3m"
 * (calendar months); a space may come between them, letters may be
 * capitals, and the unit may be written out ("20 working days", "4
 * weeks", "1 month"). "0" alone is a milestone (its unit then goes to
 * @p unit as TP_UNIT_WORKING_DAYS and @p unit_given, if not NULL, is
 * false). The amount must be 0..TP_AMOUNT_MAX. TP_ERR_PARSE with a message
 * saying what to write otherwise. Outputs written only on success.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_duration_parse(const char *text, int32_t *amount, enum tp_unit *unit,
		  bool *unit_given, struct tp_error *err);

/** Write @p amount in @p unit as tp_duration_parse() reads it ("20wd",
 * "30d", "4w", "3m"; "0" for any milestone) into @p buf. @return @p buf. */
TP_EXPORT char *tp_duration_format(int32_t amount, enum tp_unit unit,
				   char buf[TP_DURATION_STRLEN]);

/**
 * Parse a lag: a whole number, negative for a lead, and a unit of working
 * days ("2wd", "-3wd", "2 working days") or calendar days ("14d"); "0"
 * alone is no lag (working days). |lag| at most TP_AMOUNT_MAX. Weeks and
 * months are refused (a lag counts days). TP_ERR_PARSE otherwise.
 */
TP_EXPORT TP_NODISCARD enum tp_status tp_lag_parse(const char *text,
						   int32_t *lag,
						   enum tp_unit *unit,
						   struct tp_error *err);

/** Parse a time of day "HH:MM" (also "H:MM" and "HH:MM:00", as
 * spreadsheets write it), 00:00 to 23:59, into minutes after midnight.
 * TP_ERR_PARSE otherwise. */
TP_EXPORT TP_NODISCARD enum tp_status
tp_time_parse(const char *text, int *minutes, struct tp_error *err);

/* ---- an edit ----------------------------------------------------------------- */

struct tp_plan_edit;

/**
 * Start editing the plan file held in @p len bytes at @p data (copied).
 * It is read first as tp_plan_doc_read_memory() reads it (@p source_name
 * and @p base_dir as there; @p source_name also names the file in the
 * errors of tp_plan_edit_finish()), so a file the reader refuses cannot be
 * edited: the error is the reader's. Free with tp_plan_edit_free().
 * @p out is written only on success.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_edit_new(const char *data, size_t len, const char *source_name,
		 const char *base_dir, struct tp_plan_edit **out,
		 struct tp_error *err);

/** As tp_plan_edit_new() with the contents of the file at @p path
 * (TP_ERR_IO naming it if it cannot be read); tp_plan_edit_write_file()
 * may then write it back. */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_edit_open(const char *path, struct tp_plan_edit **out,
		  struct tp_error *err);

/** Free @p edit. NULL is allowed. */
TP_EXPORT void tp_plan_edit_free(struct tp_plan_edit *edit);

/** The plan as read, before any change (borrowed, lives as long as
 * @p edit; tp_plan_doc_schedule() may be called on it). NULL for NULL. */
TP_EXPORT struct tp_plan_doc *tp_plan_edit_original(struct tp_plan_edit *edit);

/* ---- stages ------------------------------------------------------------------ */

/** The texts of a stage that tp_plan_edit_set_stage_text() sets. */
enum tp_stage_text {
	TP_STAGE_TEXT_NAME = 0,  /**< the name element */
	TP_STAGE_TEXT_OWNER = 1, /**< the owner element */
	TP_STAGE_TEXT_NOTES = 2, /**< the notes element */
};

/**
 * Set the name, owner or notes of stage @p stage to @p text (UTF-8, at
 * most 4096 characters, no control characters but tab and newline); NULL
 * or "" removes the element. Modifies.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_edit_set_stage_text(struct tp_plan_edit *edit, const char *stage,
			    enum tp_stage_text which, const char *text,
			    struct tp_error *err);

/** Set the duration of stage @p stage: @p amount 0..TP_AMOUNT_MAX in
 * @p unit. Modifies. */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_edit_set_stage_duration(struct tp_plan_edit *edit, const char *stage,
				int32_t amount, enum tp_unit unit,
				struct tp_error *err);

/** Set the kind of stage @p stage. Modifies. */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_edit_set_stage_kind(struct tp_plan_edit *edit, const char *stage,
			    enum tp_stage_kind kind, struct tp_error *err);

/** Set the time of day of stage @p stage, @p minutes after midnight
 * (0..1439), or -1 to remove it. Modifies. */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_edit_set_stage_time(struct tp_plan_edit *edit, const char *stage,
			    int minutes, struct tp_error *err);

/**
 * Give stage @p stage a constraint of type @p type on @p date, or with
 * @p date NULL remove its constraints of that type. A stage that already
 * has one of the type has its (first) date changed, and any further ones
 * of the same type removed; a new one is added after the stage's last
 * dependency or constraint. Modifies.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_edit_set_stage_constraint(struct tp_plan_edit *edit, const char *stage,
				  enum tp_constraint_type type,
				  const struct tp_date *date,
				  struct tp_error *err);

/**
 * Add stage @p id (1 to TP_STAGE_ID_MAX letters, digits, '-', '_' or '.',
 * not yet in the plan) of @p kind lasting @p amount @p unit, named @p name
 * (may be NULL). It is written after the element of stage @p place_after,
 * or before that of @p place_before, or with both NULL at the end of
 * the stages element. It depends on nothing: tp_plan_edit_link() links it. Modifies.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_edit_add_stage(struct tp_plan_edit *edit, const char *id,
		       enum tp_stage_kind kind, int32_t amount,
		       enum tp_unit unit, const char *name,
		       const char *place_after, const char *place_before,
		       struct tp_error *err);

/**
 * Remove stage @p id, with its dependencies and constraints. Refused
 * (TP_ERR_INVALID naming them) while other stages depend on it, unless
 * @p relink_to names the stage they should depend on instead: each such
 * dependency then names @p relink_to (keeping its type and lag), or is
 * dropped where the stage already depends on @p relink_to, or is
 * @p relink_to itself. Modifies.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_edit_remove_stage(struct tp_plan_edit *edit, const char *id,
			  const char *relink_to, struct tp_error *err);

/** How tp_plan_edit_link() sets a dependency. Initialise with
 * tp_plan_edit_link_init(). */
struct tp_plan_edit_link {
	bool set_type;         /**< set @c type */
	enum tp_dep_type type; /**< the dependency type */
	bool set_lag;          /**< set @c lag and @c lag_unit */
	int32_t lag;           /**< -TP_AMOUNT_MAX..TP_AMOUNT_MAX */
	enum tp_unit lag_unit; /**< working or calendar days */
	/** Room to grow without an ABI break. */
	unsigned char reserved[32];
};

/** Set @p how to change nothing (a new link: finish-to-start, no lag). */
TP_EXPORT void tp_plan_edit_link_init(struct tp_plan_edit_link *how);

/**
 * Make stage @p to depend on stage @p from, or change that dependency if
 * it exists: what @p how sets (NULL: nothing) is set, the rest kept (a new
 * dependency is finish-to-start without lag). A dependency cycle is found
 * by tp_plan_edit_finish(). Modifies.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_edit_link(struct tp_plan_edit *edit, const char *from, const char *to,
		  const struct tp_plan_edit_link *how, struct tp_error *err);

/** Remove the dependency of stage @p to on stage @p from (TP_ERR_INVALID
 * if there is none, naming the stages @p to does depend on). Modifies. */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_edit_unlink(struct tp_plan_edit *edit, const char *from,
		    const char *to, struct tp_error *err);

/* ---- the calendar, the anchors and the plan ------------------------------------ */

/**
 * Add a closure of the days @p first to @p last, both included, named
 * @p name (may be NULL), among the calendar's closures in date order
 * (creating the calendar element if the plan has none). TP_ERR_INVALID if @p last
 * is before @p first or the plan has that closure already. Modifies.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_edit_add_closure(struct tp_plan_edit *edit, struct tp_date first,
			 struct tp_date last, const char *name,
			 struct tp_error *err);

/** Remove the closure from @p first to @p last (TP_ERR_INVALID, listing
 * the plan's closures, if there is none with these dates). Modifies. */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_edit_remove_closure(struct tp_plan_edit *edit, struct tp_date first,
			    struct tp_date last, struct tp_error *err);

/** The dates a plan is scheduled from (see tp_plan_set_start_date()). */
enum tp_plan_anchor {
	TP_ANCHOR_START = 0,          /**< "start": forward from this day */
	TP_ANCHOR_CONTRACT_START = 1, /**< "contract-start": back from it */
};

/** Set anchor @p which to @p date, or with @p date NULL remove it (an
 * anchors element left empty is removed). Modifies. */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_edit_set_anchor(struct tp_plan_edit *edit, enum tp_plan_anchor which,
			const struct tp_date *date, struct tp_error *err);

/**
 * Tie stage @p stage to the meeting series with id @p series (its start is
 * then one of the series' meetings, tp-meeting.h), or with @p series NULL
 * untie it. An unknown series is refused by tp_plan_edit_finish() with the
 * reader's error naming the nearest id. Modifies. @since 0.1
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_edit_set_stage_meeting(struct tp_plan_edit *edit, const char *stage,
			       const char *series, struct tp_error *err);

/**
 * Add the meeting series @p spec (tp-meeting.h; its strings and dates are
 * copied) to the plan's \<meetings\>, creating the element if the plan
 * has none: its name, recurrence rule, dates, cancelled dates, report and
 * call-in days. Refused (TP_ERR_INVALID): a bad id or one the plan has,
 * no rule and no date, a rule without the date it counts from, day
 * counts outside 0 to TP_AMOUNT_MAX; TP_ERR_RANGE: a date outside the
 * supported dates. A rule libical cannot expand, or a cancelled date that
 * is no meeting, is refused by tp_plan_edit_finish() with the reader's
 * error. Modifies. @since 0.1
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_edit_add_meeting_series(struct tp_plan_edit *edit,
				const struct tp_meeting_spec *spec,
				struct tp_error *err);

/**
 * Remove the meeting series @p id (and the \<meetings\> element if it
 * leaves it empty). Refused (TP_ERR_INVALID, naming them) while stages are
 * tied to it; TP_ERR_INVALID if there is no such series. Modifies.
 * @since 0.1
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_edit_remove_meeting_series(struct tp_plan_edit *edit, const char *id,
				   struct tp_error *err);

/** Which recorded date of a stage (tp_plan_edit_set_stage_actual()). */
enum tp_actual_end {
	TP_ACTUAL_START = 0,  /**< "actual-start": the day it started */
	TP_ACTUAL_FINISH = 1, /**< "actual-finish": the day it finished */
};

/**
 * Record what happened to stage @p stage (`tenderplan started` and
 * `done`): set its actual start or finish (@p which) to @p date, or with
 * @p date NULL remove it. The stage's planned fields stay. A finish before
 * the start, or a milestone (duration 0) with a start and a finish on
 * different days, is refused by tp_plan_edit_finish() with the reader's
 * error (tp_plan_set_stage_actual()). TP_ERR_RANGE for a date outside the
 * supported dates. Modifies. @since 0.1
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_edit_set_stage_actual(struct tp_plan_edit *edit, const char *stage,
			      enum tp_actual_end which,
			      const struct tp_date *date, struct tp_error *err);

/** Set the plan's id (1 to 255 letters, digits, '-', '_' or '.'; NULL
 * removes it). Calendar UIDs derive from it: events exported before keep
 * the old one. Modifies. */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_edit_set_plan_id(struct tp_plan_edit *edit, const char *id,
			 struct tp_error *err);

/** Set the plan's name (as tp_plan_edit_set_stage_text(); NULL or ""
 * removes it). Modifies. */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_edit_set_plan_name(struct tp_plan_edit *edit, const char *name,
			   struct tp_error *err);

/* ---- spreadsheets -------------------------------------------------------------- */

/** Called by tp_plan_edit_import_csv() for each bad cell: @p problem has
 * @c source, @c line (the row, 1 the header), @c column (1 the first),
 * @c stage and a message naming the row, the column, the value and what
 * is allowed. */
typedef void (*tp_plan_edit_problem_fn)(const struct tp_error *problem,
					void *user);

/**
 * Apply the editable columns of a stage table in the layout of
 * tp_export_to_buffer() with TP_EXPORT_CSV (name, duration, time, fixed,
 * not_before, not_after, notes), as a spreadsheet program saves it: UTF-8
 * with or without a byte order mark, comma- or semicolon-separated (or as
 * an Excel "sep=" first line says), CRLF or LF, quoted fields, dates as
 * YYYY-MM-DD or DD/MM/YYYY. A cell the export neutralised for
 * spreadsheets (a leading apostrophe before =, +, - or @) is read back
 * without it. Rows are matched to stages by the stage column; the
 * computed columns are not imported, but a start or finish that differs
 * from the plan's schedule is an error (the plan changed since the export,
 * or a computed cell was edited). Every bad cell is passed to @p report
 * (may be NULL) and, if there is any, nothing is changed and the call
 * fails with TP_ERR_INVALID counting them. @p source_name (may be NULL)
 * names the table in problems. Modifies.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_edit_import_csv(struct tp_plan_edit *edit, const char *data,
			size_t len, const char *source_name,
			tp_plan_edit_problem_fn report, void *user,
			struct tp_error *err);

/* ---- the result ---------------------------------------------------------------- */

/** Number of changes made so far. */
TP_EXPORT size_t tp_plan_edit_change_count(const struct tp_plan_edit *edit);

/** Change @p i as a sentence (borrowed, lives as long as @p edit), or
 * NULL if there is none. */
TP_EXPORT const char *tp_plan_edit_change(const struct tp_plan_edit *edit,
					  size_t i);

/**
 * Write the edited document as text, keeping the bytes of the file as read
 * wherever no change reached (in a file libxml2 would lay out differently,
 * such as one with a tag over several lines, a line that changed is
 * written as libxml2 writes it), and read the text back as
 * tp_plan_doc_read_memory() does, building its calendar. Errors are the
 * reader's, about the edited text: the change is refused. May be called
 * again after more changes. Modifies.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_edit_finish(struct tp_plan_edit *edit, struct tp_error *err);

/** After tp_plan_edit_finish(): the new text of the file (borrowed,
 * NUL-terminated; its length to @p len if not NULL), or NULL before. */
TP_EXPORT const char *tp_plan_edit_result(const struct tp_plan_edit *edit,
					  size_t *len);

/** After tp_plan_edit_finish(): the plan the new text describes (borrowed;
 * tp_plan_doc_schedule() may be called on it), or NULL before. */
TP_EXPORT struct tp_plan_doc *tp_plan_edit_result_doc(struct tp_plan_edit *edit);

/** After tp_plan_edit_finish(): true when every line that no change
 * reached is as the file had it; false when some near a change were laid
 * out afresh, as libxml2 writes them (a tag written over several lines,
 * single quotes), or when the text had to be written whole that way. */
TP_EXPORT bool tp_plan_edit_layout_kept(const struct tp_plan_edit *edit);

/**
 * Replace the file at @p path (normally the one tp_plan_edit_open() read)
 * with tp_plan_edit_result(), atomically: a temporary file beside it,
 * flushed, then renamed. Refused with TP_ERR_IO, writing nothing, if the
 * file no longer holds the bytes that were read (another program changed
 * it) or before tp_plan_edit_finish() (TP_ERR_INVALID). @p wo says how
 * the file is written (tp-output.h; NULL for the defaults).
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_edit_write_file(const struct tp_plan_edit *edit, const char *path,
			const struct tp_write_options *wo,
			struct tp_error *err);

#ifdef __cplusplus
}
#endif
#endif
