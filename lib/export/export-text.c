/* SPDX-License-Identifier: MIT */
/* Plain-text exports: a weekly grid for terminals (one column of two
 * characters per week commencing Monday) and CSV (RFC 4180). */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tenderplan/tp-meeting.h>
#include <tenderplan/tp-plan-edit.h>

#include "error-private.h"
#include "export-private.h"
#include "snapshot-private.h"

#define NAME_W 34

static const char *const month_abbr[] = {"Jan", "Feb", "Mar", "Apr",
					 "May", "Jun", "Jul", "Aug",
					 "Sep", "Oct", "Nov", "Dec"};

/* ---- CSV ------------------------------------------------------------------
 */

/* A cell a spreadsheet would take for a formula (=, +, - or @ first, after
 * any apostrophes this rule added before), unless it is a plain negative
 * whole number, which is no formula and sorts as a number. OWASP, "CSV
 * Injection". Export adds an apostrophe before such a cell (spreadsheets
 * show the cell as text); tp_csv_unneutralise() takes it away again, and
 * only from a cell that had it added, so every value survives the round
 * trip. */
static bool
formula_like(const char *s)
{
	const char *p = s;

	while (*p == '\'')
		p++;
	if (*p != '=' && *p != '+' && *p != '-' && *p != '@')
		return false;
	if (p == s && *p == '-' && p[1]) {
		const char *q = p + 1;
		while (*q >= '0' && *q <= '9')
			q++;
		if (!*q)
			return false; /* -5: a number */
	}
	return true;
}

void
tp_csv_unneutralise(char *cell)
{
	if (cell[0] == '\'' && formula_like(cell + 1))
		memmove(cell, cell + 1, strlen(cell));
}

/* One field, neutralised, quoted when needed, quotes doubled. */
static enum tp_status
csv_put(struct tp_sbuf *b, const char *s, bool last, struct tp_error *err)
{
	if (!s)
		s = "";
	enum tp_status rc = TP_OK;
	bool quote = strpbrk(s, ",;\"\r\n") != NULL;
	if (quote)
		rc = tp_sbuf_puts(b, "\"", err);
	if (rc == TP_OK && formula_like(s))
		rc = tp_sbuf_puts(b, "'", err);
	for (const char *p = s; rc == TP_OK && *p; p++) {
		const char *q = strchr(p, '"');
		size_t n = q ? (size_t)(q - p) + 1 : strlen(p);
		rc = tp_sbuf_append(b, p, n, err);
		if (rc == TP_OK && q)
			rc = tp_sbuf_puts(b, "\"", err);
		p += n - 1;
	}
	if (rc == TP_OK && quote)
		rc = tp_sbuf_puts(b, "\"", err);
	if (rc == TP_OK)
		rc = tp_sbuf_puts(b, last ? "\r\n" : ",", err);
	return rc;
}

const char *const tp_csv_header[TP_CSV_COLUMNS] = {
	[TP_CSV_PLAN] = "plan",
	[TP_CSV_STAGE] = "stage",
	[TP_CSV_NAME] = "name",
	[TP_CSV_KIND] = "kind",
	[TP_CSV_SHAPE] = "shape",
	[TP_CSV_START] = "start",
	[TP_CSV_FINISH] = "finish",
	[TP_CSV_TIME] = "time",
	[TP_CSV_LATEST_START] = "latest_start",
	[TP_CSV_LATEST_FINISH] = "latest_finish",
	[TP_CSV_TOTAL_FLOAT] = "total_float",
	[TP_CSV_FREE_FLOAT] = "free_float",
	[TP_CSV_CRITICAL] = "critical",
	[TP_CSV_WORKING_DAYS] = "working_days",
	[TP_CSV_PREDECESSORS] = "predecessors",
	[TP_CSV_DURATION] = "duration",
	[TP_CSV_FIXED] = "fixed",
	[TP_CSV_NOT_BEFORE] = "not_before",
	[TP_CSV_NOT_AFTER] = "not_after",
	[TP_CSV_NOTES] = "notes",
	[TP_CSV_MEETING] = "meeting",
	[TP_CSV_ACTUAL_START] = "actual_start",
	[TP_CSV_ACTUAL_FINISH] = "actual_finish",
	[TP_CSV_BASELINE_FINISH] = "baseline_finish",
	[TP_CSV_SLIP] = "slip",
};

/* The constraint types of the fixed, not_before and not_after columns. */
static const enum tp_constraint_type csv_constraint[3] = {
	TP_CONSTRAINT_START_ON, TP_CONSTRAINT_START_NO_EARLIER_THAN,
	TP_CONSTRAINT_FINISH_NO_LATER_THAN};

enum tp_status
tp_csv_constraints_new(const struct tp_plan *p, int32_t **out,
		       struct tp_error *err)
{
	size_t n = tp_plan_stage_count(p);
	int32_t *first = malloc((n ? n : 1) * 3 * sizeof(*first));
	struct tp_constraint c;

	if (!first)
		return tp_error_nomem(err);
	for (size_t i = 0; i < n * 3; i++)
		first[i] = INT32_MIN;
	for (size_t i = 0; tp_plan_constraint(p, i, &c); i++)
		for (int k = 0; k < 3; k++)
			if (c.type == csv_constraint[k] &&
			    first[c.stage * 3 + (size_t)k] == INT32_MIN)
				first[c.stage * 3 + (size_t)k] = c.date.day;
	*out = first;
	return TP_OK;
}

const char *
tp_csv_editable(const struct tp_plan *p, const int32_t *constraints, size_t s,
		enum tp_csv_column col, char *buf, size_t size)
{
	const char *v = NULL;

	buf[0] = '\0';
	switch (col) {
	case TP_CSV_NAME:
		v = tp_plan_stage_name(p, s);
		break;
	case TP_CSV_NOTES:
		v = tp_plan_stage_notes(p, s);
		break;
	case TP_CSV_TIME:
		if (tp_plan_stage_time(p, s) >= 0 && size >= 6)
			tp_export_hhmm(tp_plan_stage_time(p, s), buf);
		break;
	case TP_CSV_DURATION:
		if (size >= TP_DURATION_STRLEN)
			tp_duration_format(tp_plan_stage_amount(p, s),
					   tp_plan_stage_unit(p, s), buf);
		break;
	case TP_CSV_FIXED:
	case TP_CSV_NOT_BEFORE:
	case TP_CSV_NOT_AFTER: {
		int32_t day = constraints[s * 3 + (size_t)(col - TP_CSV_FIXED)];
		struct tp_date d = {day};
		if (day != INT32_MIN && size >= TP_DATE_STRLEN)
			tp_date_format(d, buf);
		break;
	}
	case TP_CSV_MEETING: {
		struct tp_meeting_spec m;
		if (tp_plan_meeting_series(p, tp_plan_stage_meeting(p, s), &m))
			v = m.id;
		break;
	}
	case TP_CSV_ACTUAL_START:
	case TP_CSV_ACTUAL_FINISH: {
		struct tp_date d;
		/* a milestone happens on one day: its finish */
		bool has = col == TP_CSV_ACTUAL_START
				   ? !tp_plan_stage_is_milestone(p, s) &&
					     tp_plan_stage_actual_start(p, s, &d)
				   : tp_plan_stage_actual_finish(p, s, &d);
		if (has && size >= TP_DATE_STRLEN)
			tp_date_format(d, buf);
		break;
	}
	default:
		break;
	}
	return v ? v : buf;
}

static enum tp_status
predecessor_list(const struct tp_plan *plan, const struct tp_dep_index *deps,
		 size_t s, char *buf, size_t size)
{
	size_t len = 0;
	buf[0] = '\0';
	for (size_t k = deps->start[s]; k < deps->start[s + 1]; k++) {
		struct tp_dependency d;
		if (!tp_plan_dependency(plan, deps->deps[k], &d))
			continue;
		int n = snprintf(buf + len, size - len, "%s%s", len ? " " : "",
				 tp_plan_stage_id(plan, d.from));
		if (n < 0 || (size_t)n >= size - len)
			return TP_ERR_INVALID;
		len += (size_t)n;
	}
	return TP_OK;
}

static const char *const shape_names[] = {"period", "milestone", "deadline"};

static enum tp_status
csv_row(const struct tp_export_job *job, const struct tp_schedule *sc,
	const int32_t *cons, const struct tp_dep_index *deps, size_t s,
	struct tp_sbuf *b, struct tp_error *err)
{
	const struct tp_plan *p = tp_schedule_plan(sc);
	char d[5][TP_DATE_STRLEN], tf[16], ff[16], wds[16], slip[16] = "";
	struct tp_date b0, b1;
	int32_t n = 0;
	char ed[TP_CSV_COLUMNS][TP_DURATION_STRLEN];
	char preds[4096];
	int32_t wd = 0;
	enum tp_status rc =
		tp_schedule_working_days(sc, s, TP_PASS_EARLY, &wd, err);
	if (rc != TP_OK)
		return rc;
	if (predecessor_list(p, deps, s, preds, sizeof(preds)) != TP_OK)
		return tp_error_setf(err, TP_ERR_INVALID,
				     tp_plan_stage_id(p, s),
				     "too many predecessors for one CSV field");
	tp_date_format(tp_schedule_early_start(sc, s), d[0]);
	tp_date_format(tp_schedule_early_finish(sc, s), d[1]);
	tp_date_format(tp_schedule_late_start(sc, s), d[2]);
	tp_date_format(tp_schedule_late_finish(sc, s), d[3]);
	snprintf(tf, sizeof(tf), "%d", (int)tp_schedule_total_float(sc, s));
	snprintf(ff, sizeof(ff), "%d", (int)tp_schedule_free_float(sc, s));
	snprintf(wds, sizeof(wds), "%d", (int)wd);
	d[4][0] = '\0';
	if (tp_export_baseline(job->opt, sc, s, &b0, &b1))
		tp_date_format(b1, d[4]);
	/* a plain number: "+2" would be neutralised as a formula */
	if (tp_export_slip(job->opt, sc, s, &n))
		snprintf(slip, sizeof(slip), "%d", (int)n);
	const char *v[TP_CSV_COLUMNS] = {
		[TP_CSV_PLAN] = tp_plan_id(p),
		[TP_CSV_STAGE] = tp_plan_stage_id(p, s),
		[TP_CSV_KIND] = tp_stage_kind_name(tp_plan_stage_kind(p, s)),
		[TP_CSV_SHAPE] = shape_names[tp_export_stage_shape(p, s)],
		[TP_CSV_START] = d[0],
		[TP_CSV_FINISH] = d[1],
		[TP_CSV_LATEST_START] = d[2],
		[TP_CSV_LATEST_FINISH] = d[3],
		[TP_CSV_TOTAL_FLOAT] = tf,
		[TP_CSV_FREE_FLOAT] = ff,
		[TP_CSV_CRITICAL] = tp_schedule_is_critical(sc, s) ? "yes"
								   : "no",
		[TP_CSV_WORKING_DAYS] = wds,
		[TP_CSV_PREDECESSORS] = preds,
		[TP_CSV_BASELINE_FINISH] = d[4],
		[TP_CSV_SLIP] = slip,
	};
	for (size_t i = 0; i < TP_CSV_COLUMNS; i++)
		if (tp_csv_is_editable((enum tp_csv_column)i))
			v[i] = tp_csv_editable(p, cons, s,
					       (enum tp_csv_column)i, ed[i],
					       sizeof(ed[i]));
	for (size_t i = 0; rc == TP_OK && i < TP_CSV_COLUMNS; i++)
		rc = csv_put(b, v[i], i + 1 == TP_CSV_COLUMNS, err);
	return rc;
}

bool
tp_csv_is_editable(enum tp_csv_column col)
{
	return col == TP_CSV_NAME || col == TP_CSV_TIME ||
	       (col >= TP_CSV_DURATION && col <= TP_CSV_ACTUAL_FINISH);
}

static enum tp_status
csv_plan(const struct tp_export_job *job, const struct tp_schedule *sc,
	 struct tp_sbuf *out, struct tp_error *err)
{
	const struct tp_plan *p = tp_schedule_plan(sc);
	int32_t *cons = NULL;
	struct tp_dep_index deps = {0};
	enum tp_status rc = tp_csv_constraints_new(p, &cons, err);

	if (rc == TP_OK)
		rc = tp_dep_index_build(p, &deps, err);
	tp_plan_foreach_stage (p, s) {
		if (rc == TP_OK && tp_export_stage_shown(job->opt, p, s))
			rc = csv_row(job, sc, cons, &deps, s, out, err);
	}
	tp_dep_index_free(&deps);
	free(cons);
	return rc;
}

enum tp_status
tp_export_csv(const struct tp_export_job *job, struct tp_sbuf *out,
	      struct tp_error *err)
{
	enum tp_status rc = TP_OK;
	if (job->opt->csv_bom)
		rc = tp_sbuf_puts(out, "\xEF\xBB\xBF", err);
	for (size_t i = 0; rc == TP_OK && i < TP_CSV_COLUMNS; i++)
		rc = csv_put(out, tp_csv_header[i], i + 1 == TP_CSV_COLUMNS,
			     err);
	for (size_t k = 0; rc == TP_OK && k < job->n; k++)
		rc = csv_plan(job, job->scheds[k], out, err);
	return rc;
}

/* ---- weekly grid ------------------------------------------------------------
 */

struct grid {
	const struct tp_export_options *opt;
	const struct tp_plan *plan;
	const struct tp_schedule *sched;
	struct tp_date first; /* Monday of the first week */
	int weeks;
	struct tp_sbuf *out;
	struct tp_error *err;
};

static void
grid_layout(struct grid *g)
{
	int32_t a = INT32_MAX, b = INT32_MIN;
	tp_plan_foreach_stage (g->plan, s) {
		if (!tp_export_stage_shown(g->opt, g->plan, s))
			continue;
		int32_t s0 = tp_schedule_early_start(g->sched, s).day;
		int32_t s1 = tp_schedule_early_finish(g->sched, s).day;
		a = s0 < a ? s0 : a;
		b = s1 > b ? s1 : b;
	}
	if (a > b)
		a = b = tp_schedule_plan_start(g->sched).day;
	struct tp_date da = {a};
	g->first.day = a - ((int32_t)tp_date_weekday(da) - 1);
	g->weeks = (int)((b - g->first.day) / 7 + 1);
}

static enum tp_status
grid_headers(struct grid *g)
{
	enum tp_status rc = tp_sbuf_printf(g->out, g->err, "%-*s", NAME_W, "");
	int last_month = 0;
	for (int w = 0; rc == TP_OK && w < g->weeks; w++) {
		struct tp_date d = {g->first.day + 7 * w};
		int m;
		tp_date_to_ymd(d, NULL, &m, NULL);
		if (m != last_month && w + 1 < g->weeks) {
			rc = tp_sbuf_printf(g->out, g->err, "%-4s",
					    month_abbr[m - 1]);
			last_month = m;
			w++; /* the name takes two columns */
		} else {
			rc = tp_sbuf_puts(g->out, "  ", g->err);
		}
	}
	if (rc == TP_OK)
		rc = tp_sbuf_printf(g->out, g->err, "\n%-*s", NAME_W,
				    "Stage (week commencing)");
	for (int w = 0; rc == TP_OK && w < g->weeks; w++) {
		int day;
		struct tp_date d = {g->first.day + 7 * w};
		tp_date_to_ymd(d, NULL, NULL, &day);
		rc = tp_sbuf_printf(g->out, g->err, "%2d", day);
	}
	return rc == TP_OK ? tp_sbuf_puts(g->out, "\n", g->err) : rc;
}

/* Two characters per week: "##" a critical period, "==" another period,
 * "<>" a milestone, "!!" a deadline. */
static const char *
cell_mark(const struct grid *g, size_t s, int w)
{
	int32_t w0 = g->first.day + 7 * w, w1 = w0 + 6;
	int32_t a = tp_schedule_early_start(g->sched, s).day;
	int32_t b = tp_schedule_early_finish(g->sched, s).day;
	if (b < w0 || a > w1)
		return "  ";
	switch (tp_export_stage_shape(g->plan, s)) {
	case TP_SHAPE_DEADLINE:
		return "!!";
	case TP_SHAPE_MILESTONE:
		return "<>";
	default:
		return tp_schedule_is_critical(g->sched, s) ? "##" : "==";
	}
}

static void
name_cell(const struct tp_plan *plan, size_t s, char *buf, size_t size)
{
	const char *name = tp_plan_stage_name(plan, s);
	snprintf(buf, size, "%s", name ? name : tp_plan_stage_id(plan, s));
	size_t len = strlen(buf);
	if (len > NAME_W - 2) {
		size_t cut = NAME_W - 4;
		while (cut > 0 && ((unsigned char)buf[cut] & 0xC0) == 0x80)
			cut--;
		memcpy(buf + cut, "..", 3);
	}
}

static enum tp_status
grid_row(struct grid *g, size_t s)
{
	char name[NAME_W * 4], a[16], b[16];
	name_cell(g->plan, s, name, sizeof(name));
	/* pad by characters, not bytes, so UTF-8 names line up */
	size_t chars = 0;
	for (const char *p = name; *p; p++)
		chars += ((unsigned char)*p & 0xC0) != 0x80;
	enum tp_status rc = tp_sbuf_printf(g->out, g->err, "%s%*s", name,
					   (int)(NAME_W - chars), "");
	for (int w = 0; rc == TP_OK && w < g->weeks; w++)
		rc = tp_sbuf_puts(g->out, cell_mark(g, s, w), g->err);
	tp_date_format(tp_schedule_early_start(g->sched, s), a);
	tp_date_format(tp_schedule_early_finish(g->sched, s), b);
	if (rc != TP_OK)
		return rc;
	if (tp_plan_stage_is_milestone(g->plan, s))
		rc = tp_sbuf_printf(g->out, g->err, "  %s", b);
	else
		rc = tp_sbuf_printf(g->out, g->err, "  %s to %s", a, b);
	int t = tp_plan_stage_time(g->plan, s);
	if (rc == TP_OK && t >= 0) {
		char hhmm[6];
		tp_export_hhmm(t, hhmm);
		rc = tp_sbuf_printf(g->out, g->err, " %s", hhmm);
	}
	const char *done = tp_export_progress(g->plan, s);
	if (rc == TP_OK && done)
		rc = tp_sbuf_printf(g->out, g->err, " (%s)", done);
	int32_t n = 0;
	char slip[16];
	if (rc == TP_OK && tp_export_slip(g->opt, g->sched, s, &n))
		rc = tp_sbuf_printf(g->out, g->err, ", slip %swd",
				    tp_export_slip_text(n, slip));
	return rc == TP_OK ? tp_sbuf_puts(g->out, "\n", g->err) : rc;
}

static enum tp_status
grid_plan(struct grid *g)
{
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN];
	const char *name = tp_plan_name(g->plan);
	grid_layout(g);
	tp_date_format(tp_schedule_plan_start(g->sched), a);
	tp_date_format(tp_schedule_plan_finish(g->sched), b);
	enum tp_status rc =
		tp_sbuf_printf(g->out, g->err, "%s (%s to %s, revision %u)\n\n",
			       name ? name : "Tender timetable", a, b,
			       (unsigned)tp_plan_revision(g->plan));
	if (rc == TP_OK)
		rc = grid_headers(g);
	tp_plan_foreach_stage (g->plan, s) {
		if (rc == TP_OK && tp_export_stage_shown(g->opt, g->plan, s))
			rc = grid_row(g, s);
	}
	if (rc == TP_OK)
		rc = tp_sbuf_puts(g->out,
				  "\n## critical period  == period  <> "
				  "milestone  !! deadline\n",
				  g->err);
	if (rc == TP_OK && tp_export_baseline_of(g->opt, g->sched))
		rc = tp_sbuf_puts(g->out,
				  "slip: working days later (+) or earlier (-) "
				  "than the baseline\n",
				  g->err);
	return rc;
}

enum tp_status
tp_export_text(const struct tp_export_job *job, struct tp_sbuf *out,
	       struct tp_error *err)
{
	enum tp_status rc = TP_OK;
	for (size_t i = 0; rc == TP_OK && i < job->n; i++) {
		struct grid g = {.opt = job->opt,
				 .sched = job->scheds[i],
				 .out = out,
				 .err = err};
		g.plan = tp_schedule_plan(g.sched);
		if (i > 0)
			rc = tp_sbuf_puts(out, "\n", err);
		if (rc == TP_OK)
			rc = grid_plan(&g);
	}
	return rc;
}
