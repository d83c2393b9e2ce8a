/* SPDX-License-Identifier: MIT */
#ifndef TP_EXPORT_PRIVATE_H
#define TP_EXPORT_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <libical/ical.h>

#include <tenderplan/tp-export.h>

struct tp_out; /* atomic-file.h */

/* A growable NUL-terminated byte buffer. With a @c sink, it is a stream:
 * once it holds TP_SBUF_FLUSH bytes they are written there and the buffer
 * starts again, so that an export to a file needs little memory (writers
 * only append to their output; none reads it back). */
struct tp_sbuf {
	char *data;
	size_t len, cap;
	struct tp_out *sink;
};

#define TP_SBUF_FLUSH ((size_t)64 * 1024)

/* Write what a streaming buffer still holds to its sink (nothing without
 * one). */
enum tp_status tp_sbuf_flush(struct tp_sbuf *b, struct tp_error *err);

/* tp_sbuf_append() when the bytes do not fit: flush to the sink or grow. */
enum tp_status tp_sbuf_append_slow(struct tp_sbuf *b, const char *s, size_t n,
				   struct tp_error *err);

/* Append @p n bytes of @p s: copied in place while they fit the buffer
 * and its flush threshold, which is nearly always (#11: the exporters
 * append a few bytes at a time). */
static inline enum tp_status
tp_sbuf_append(struct tp_sbuf *b, const char *s, size_t n,
	       struct tp_error *err)
{
	if (b->len + n + 1 > b->cap || (b->sink && b->len + n > TP_SBUF_FLUSH))
		return tp_sbuf_append_slow(b, s, n, err);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return TP_OK;
}

enum tp_status tp_sbuf_puts(struct tp_sbuf *b, const char *s,
			    struct tp_error *err);

enum tp_status tp_sbuf_printf(struct tp_sbuf *b, struct tp_error *err,
			      const char *fmt, ...) TP_PRINTF(3, 4);

/* One export: the schedules (plans come from tp_schedule_plan()) and the
 * options (never NULL here). */
struct tp_export_job {
	const struct tp_schedule *const *scheds;
	size_t n;
	const struct tp_export_options *opt;
	/* Made by tp_export_portfolio_*(): per-plan baselines (opt->baselines)
	 * instead of opt->baseline. */
	bool portfolio;
};

/* How a stage shows in calendars and charts. */
enum tp_stage_shape {
	TP_SHAPE_PERIOD = 0,    /* runs over days: a bar, an all-day event */
	TP_SHAPE_MILESTONE = 1, /* a day: a diamond */
	TP_SHAPE_DEADLINE = 2,  /* a milestone that closes something, often at a
				   time of day */
};

enum tp_stage_shape tp_export_stage_shape(const struct tp_plan *plan,
					  size_t stage);

/* True if the stage is shown with the options' deadlines_only filter. */
bool tp_export_stage_shown(const struct tp_export_options *opt,
			   const struct tp_plan *plan, size_t stage);

/* Call @p fn for each finding of @p opt about plan @p plan_id and stage
 * @p stage_id (NULL: the findings about the plan as a whole). */
enum tp_status tp_export_foreach_finding(
	const struct tp_export_options *opt, const char *plan_id,
	const char *stage_id,
	enum tp_status (*fn)(const struct tp_export_finding *f, void *user),
	void *user);

/* The baseline of @p sched's plan: the options' @c baseline for a single
 * plan, its entry of @c baselines in a portfolio (#11); NULL for none. */
const struct tp_snapshot *
tp_export_baseline_of(const struct tp_export_options *opt,
		      const struct tp_schedule *sched);

/* The slippage of @p stage against its plan's baseline
 * (tp_snapshot_slippage()); false without a baseline or the stage in it. */
bool tp_export_slip(const struct tp_export_options *opt,
		    const struct tp_schedule *sched, size_t stage,
		    int32_t *out);

/* The stage's dates in the options' baseline; false without. */
bool tp_export_baseline(const struct tp_export_options *opt,
			const struct tp_schedule *sched, size_t stage,
			struct tp_date *start, struct tp_date *finish);

/* "+3", "0", "-2" */
char *tp_export_slip_text(int32_t n, char buf[16]);

/* "3 working days later than the baseline", "on time against the
 * baseline" */
char *tp_export_slip_words(int32_t n, char *buf, size_t size);

/* "done" (an actual finish), "started" (an actual start) or NULL. */
const char *tp_export_progress(const struct tp_plan *plan, size_t stage);

/* Format "HH:MM" for @p minutes after midnight into @p buf (6 bytes). */
void tp_export_hhmm(int minutes, char buf[6]);

/* Writing the plans of @c job on several threads (export-pieces.c):
 * @c write puts plans [first, first + n) into @c out with a state of its
 * own. With one thread (tp_export_options.threads 1, one core, fewer than
 * TP_PIECES_MIN_PLANS plans) @c write runs once on this thread with
 * @c state over all the plans straight into the output; otherwise each
 * worker thread has a state that @c state_new makes like @c state (on
 * this thread, before it starts; freed by @c state_free) and writes
 * pieces of TP_PIECES_PLANS plans into buffers that this thread copies to
 * the output in order. The bytes are the same either way, and so is the
 * error: that of the first failing piece. */
#define TP_PIECES_PLANS     16 /* a 24-stage tender: 14 KB of calendar */
#define TP_PIECES_MIN_PLANS 64 /* fewer: not worth a second thread */

struct tp_pieces {
	const struct tp_export_job *job;
	void *state; /* this thread's */
	enum tp_status (*state_new)(const void *like, void **state,
				    struct tp_error *err);
	void (*state_free)(void *state);
	enum tp_status (*write)(void *state, size_t first, size_t n,
				struct tp_sbuf *out, struct tp_error *err);
};

enum tp_status tp_export_pieces(const struct tp_pieces *p, struct tp_sbuf *out,
				struct tp_error *err);

/* The formats. Each appends one document for the whole job to @p out. */
enum tp_status tp_export_ics(const struct tp_export_job *job,
			     struct tp_sbuf *out, struct tp_error *err);

enum tp_status tp_export_xml(const struct tp_export_job *job,
			     struct tp_sbuf *out, struct tp_error *err);

enum tp_status tp_export_mspdi(const struct tp_export_job *job,
			       struct tp_sbuf *out, struct tp_error *err);

enum tp_status tp_export_svg(const struct tp_export_job *job,
			     struct tp_sbuf *out, struct tp_error *err);

enum tp_status tp_export_html(const struct tp_export_job *job,
			      struct tp_sbuf *out, struct tp_error *err);

enum tp_status tp_export_csv(const struct tp_export_job *job,
			     struct tp_sbuf *out, struct tp_error *err);

/* ---- CSV (export-text.c), shared with its reader (plan-edit-csv.c) ---- */

/* The columns of the stage table, in order. */
enum tp_csv_column {
	TP_CSV_PLAN,
	TP_CSV_STAGE,
	TP_CSV_NAME,
	TP_CSV_KIND,
	TP_CSV_SHAPE,
	TP_CSV_START,
	TP_CSV_FINISH,
	TP_CSV_TIME,
	TP_CSV_LATEST_START,
	TP_CSV_LATEST_FINISH,
	TP_CSV_TOTAL_FLOAT,
	TP_CSV_FREE_FLOAT,
	TP_CSV_CRITICAL,
	TP_CSV_WORKING_DAYS,
	TP_CSV_PREDECESSORS,
	TP_CSV_DURATION,
	TP_CSV_FIXED,
	TP_CSV_NOT_BEFORE,
	TP_CSV_NOT_AFTER,
	TP_CSV_NOTES,
	TP_CSV_MEETING,
	TP_CSV_ACTUAL_START,
	TP_CSV_ACTUAL_FINISH,
	TP_CSV_BASELINE_FINISH,
	TP_CSV_SLIP,
	TP_CSV_COLUMNS
};

extern const char *const tp_csv_header[TP_CSV_COLUMNS];

/* Whether the reader takes column @col back into the plan. */
bool tp_csv_is_editable(enum tp_csv_column col);

/* For each stage of @p, the day of its first start-on, start-no-earlier-
 * than and finish-no-later-than constraint (INT32_MIN for none): three
 * int32_t per stage, in a new array (free()). */
enum tp_status tp_csv_constraints_new(const struct tp_plan *p, int32_t **out,
				      struct tp_error *err);

/* The value of editable column @col of stage @s as the table shows it
 * (before neutralising): a string of the plan, or @buf (at least
 * TP_DURATION_STRLEN bytes) filled in; "" for none. */
const char *tp_csv_editable(const struct tp_plan *p, const int32_t *constraints,
			    size_t s, enum tp_csv_column col, char *buf,
			    size_t size);

/* Undo, in place, the apostrophe the export put before a cell a
 * spreadsheet would take for a formula. */
void tp_csv_unneutralise(char *cell);

enum tp_status tp_export_text(const struct tp_export_job *job,
			      struct tp_sbuf *out, struct tp_error *err);

enum tp_status tp_export_ocds(const struct tp_export_job *job,
			      struct tp_sbuf *out, struct tp_error *err);

/* ---- iCalendar pieces, private for the tests ---- */
/* The VTIMEZONE for @p tzid covering the years of @p first to @p last and
 * the next, with TZID exactly @p tzid (ics-zone.c). Free with
 * icalcomponent_free(). The zone it describes goes to @p zone if not NULL
 * (free with icaltimezone_free(zone, 1)). TP_ERR_INVALID for an unknown
 * zone or one that libical cannot describe as tzdata does. */
enum tp_status tp_ics_vtimezone_range(const char *tzid, struct tp_date first,
				      struct tp_date last, icalcomponent **out,
				      icaltimezone **zone,
				      struct tp_error *err);

/* The whole VTIMEZONE for @p tzid, every year libical knows, with the
 * repairs of ics-zone.c and TZID exactly @p tzid, for times that may fall
 * in any year (OCDS). Free with icalcomponent_free(). TP_ERR_INVALID for
 * an unknown zone. */
enum tp_status tp_ics_vtimezone(const char *tzid, icalcomponent **out,
				struct tp_error *err);

#endif
