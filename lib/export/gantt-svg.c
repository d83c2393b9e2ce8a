/* SPDX-License-Identifier: MIT */
/* Gantt chart as SVG, and an HTML page embedding it, written with
 * xml-out.c (libxml2 escaping the text). One row per stage, one column
 * per week commencing Monday (as councils draw them), month headers, bars for
 * periods, diamonds for milestones and deadlines (with their time), the
 * critical path in red, bank holidays and closures shaded. Sized for A4
 * landscape: the drawing is about 1.4 times as wide as it is tall for a
 * plan of a year or so, and scales through its viewBox.
 *
 * A portfolio (#11) is one chart: a header row per plan (its name, id and
 * a bar from its start to its finish) above its stages, one time axis for
 * all. Up to 80 weeks the axis is by week as for one plan; a longer span
 * is CHART_W wide with ticks by month, quarter or year (axis_layout()).
 * Each plan's holidays are shaded, and its meetings drawn, within its own
 * rows from its own calendar. The output is streamed: the chart is drawn
 * in passes over the plans (sizes, backgrounds, axis, rows), keeping
 * nothing per plan, so memory does not grow with the portfolio. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <tenderplan/tp-meeting.h>

#include "error-private.h"
#include "export-private.h"
#include "text-private.h"
#include "xml-out.h"

#define TITLE_H     34.0
#define HEAD_H      40.0 /* month row + week row */
#define ROW_H       22.0
#define LABEL_W     320.0
#define MARGIN      12.0
#define CHART_W     1120.0 /* target width of the week columns */
#define LEGEND_H    40.0
#define LABEL_CHARS 42

#define COLOUR_BAR      "#4a78c2"
#define COLOUR_CRITICAL "#c8312a"
#define COLOUR_HOLIDAY  "#f2d4a8"
#define COLOUR_GRID     "#d0d0d0"
#define COLOUR_BAND     "#f3f5f8"
#define COLOUR_BASELINE "#8c8c8c"
#define COLOUR_MEETING  "#7b3fa0"
#define COLOUR_HEADER   "#e1e6ee" /* a plan's header row in a portfolio */
#define COLOUR_SUMMARY  "#3a3f47" /* its bar, start to finish */
#define LEGEND2_H       18.0      /* the legend's second line */
#define MAX_WEEKS       80        /* by week up to CHART_W / 14 weeks */
#define TICK_MIN_W      24.0      /* narrowest month or quarter column */
#define SPARE_W         70.0      /* room right of the last date's label */
#define ID_LEN          (255 + TP_STAGE_ID_MAX + 16)

static const char *const month_abbr[] = {"Jan", "Feb", "Mar", "Apr",
					 "May", "Jun", "Jul", "Aug",
					 "Sep", "Oct", "Nov", "Dec"};

/* How the time axis is ticked. */
enum axis {
	AXIS_WEEKS = 0, /* week columns under month headers */
	AXIS_MONTHS,    /* month columns under year headers */
	AXIS_QUARTERS,
	AXIS_YEARS,
};

struct gantt {
	struct tp_xo w;
	const struct tp_export_options *opt;
	const struct tp_export_job *job;
	bool portfolio; /* several plans: a header row each */
	/* the plan being drawn (select_plan()) */
	size_t index;
	const struct tp_plan *plan;
	const struct tp_schedule *sched;
	const struct tp_calendar *cal;
	size_t row;                 /* the next row to draw */
	size_t band_top, band_rows; /* the plan's first row, and its rows */
	struct tp_error *err;
	enum axis axis;
	struct tp_date first; /* first day drawn (a Monday by week) */
	struct tp_date end;   /* the day after the last */
	int weeks;
	double week_w, day_w, chart_w;
	size_t rows;
	double width, height, top;    /* top of the first row */
	struct tp_date start, finish; /* of every plan (the title) */
	enum tp_status rc;            /* for callbacks */
	bool meetings, baseline;      /* the legend's second line */
	bool actuals;                 /* the table's progress column */
	bool shade;                   /* holidays shaded (a day >= 1 unit) */
};

/* ---- small writers ---------------------------------------------------------
 */

static enum tp_status
start(struct gantt *g, const char *name)
{
	return tp_xo_start(&g->w, name);
}

static enum tp_status
end(struct gantt *g)
{
	return tp_xo_end(&g->w);
}

static enum tp_status
attr(struct gantt *g, const char *name, const char *value)
{
	return tp_xo_attr(&g->w, name, value);
}

/* @p v rounded to a whole number, as printf's "%.0f" writes it. */
static char *
whole(double v, char buf[24])
{
	snprintf(buf, 24, "%.0f", v);
	return buf;
}

/* @p v to one decimal place with a '.', whatever the process locale
 * (printf's %f would write "12,5" under a French locale). */
static char *
tenths(double v, char buf[24])
{
	long t = (long)(v * 10 + (v < 0 ? -0.5 : 0.5));
	unsigned long a = (unsigned long)(t < 0 ? -t : t);
	char digits[21];
	struct tp_strb b;
	tp_strb_init(&b, buf, 24);
	tp_strb_cat(&b, t < 0 ? "-" : "");
	tp_strb_cat(&b, tp_llong_text((long long)(a / 10), digits));
	tp_strb_cat(&b, ".");
	tp_strb_int(&b, (long long)(a % 10));
	return buf;
}

static enum tp_status
num(struct gantt *g, const char *name, double v)
{
	char buf[24];
	return tp_xo_attr_raw(&g->w, name, tenths(v, buf));
}

static enum tp_status
text(struct gantt *g, const char *s)
{
	return tp_xo_text(&g->w, s);
}

/* Close a shape opened by start() after adding its tooltip, if any. */
static enum tp_status
end_shape(struct gantt *g, enum tp_status rc, const char *tip)
{
	if (rc == TP_OK && tip)
		rc = tp_xo_elem(&g->w, "title", tip);
	return rc == TP_OK ? end(g) : rc;
}

/* <rect x y width height fill> with an optional tooltip. */
static enum tp_status
rect(struct gantt *g, double x, double y, double w, double h, const char *fill,
     const char *tip)
{
	enum tp_status rc = start(g, "rect");
	if (rc == TP_OK)
		rc = num(g, "x", x);
	if (rc == TP_OK)
		rc = num(g, "y", y);
	if (rc == TP_OK)
		rc = num(g, "width", w);
	if (rc == TP_OK)
		rc = num(g, "height", h);
	if (rc == TP_OK)
		rc = attr(g, "fill", fill);
	return end_shape(g, rc, tip);
}

static enum tp_status
line(struct gantt *g, double x1, double y1, double x2, double y2,
     const char *stroke)
{
	enum tp_status rc = start(g, "line");
	if (rc == TP_OK)
		rc = num(g, "x1", x1);
	if (rc == TP_OK)
		rc = num(g, "y1", y1);
	if (rc == TP_OK)
		rc = num(g, "x2", x2);
	if (rc == TP_OK)
		rc = num(g, "y2", y2);
	if (rc == TP_OK)
		rc = attr(g, "stroke", stroke);
	return rc == TP_OK ? end(g) : rc;
}

/* <text x y [anchor] [weight]>s</text> */
static enum tp_status
label(struct gantt *g, double x, double y, const char *anchor, bool bold,
      const char *s)
{
	enum tp_status rc = start(g, "text");
	if (rc == TP_OK)
		rc = num(g, "x", x);
	if (rc == TP_OK)
		rc = num(g, "y", y);
	if (rc == TP_OK && anchor)
		rc = attr(g, "text-anchor", anchor);
	if (rc == TP_OK && bold)
		rc = attr(g, "font-weight", "bold");
	if (rc == TP_OK)
		rc = text(g, s);
	return rc == TP_OK ? end(g) : rc;
}

static enum tp_status
diamond(struct gantt *g, double cx, double cy, double r, const char *fill,
	const char *stroke, const char *tip)
{
	const double xy[8] = {cx, cy - r, cx + r, cy, cx, cy + r, cx - r, cy};
	char pts[8 * 24 + 8], v[24];
	struct tp_strb b;
	tp_strb_init(&b, pts, sizeof(pts));
	for (size_t i = 0; i < 8; i++) {
		tp_strb_cat(&b, i == 0 ? "" : i % 2 ? "," : " ");
		tp_strb_cat(&b, tenths(xy[i], v));
	}
	enum tp_status rc = start(g, "polygon");
	if (rc == TP_OK)
		rc = attr(g, "points", pts);
	if (rc == TP_OK)
		rc = attr(g, "fill", fill);
	if (rc == TP_OK)
		rc = attr(g, "stroke", stroke);
	return end_shape(g, rc, tip);
}

/* ---- geometry ---------------------------------------------------------- */

static double
x_of(const struct gantt *g, struct tp_date d)
{
	return MARGIN + LABEL_W + (d.day - g->first.day) * g->day_w;
}

static double
row_y(const struct gantt *g, size_t row)
{
	return g->top + (double)row * ROW_H;
}

static void
select_plan(struct gantt *g, size_t i)
{
	g->index = i;
	g->sched = g->job->scheds[i];
	g->plan = tp_schedule_plan(g->sched);
	g->cal = tp_plan_calendar(g->plan);
}

/* The days the plan's shown stages (and their baselines) span, widening
 * [*a, *b]; its shown rows. */
static size_t
plan_range(struct gantt *g, struct tp_date *a, struct tp_date *b)
{
	size_t rows = 0;
	tp_plan_foreach_stage (g->plan, s) {
		if (!tp_export_stage_shown(g->opt, g->plan, s))
			continue;
		struct tp_date s0 = tp_schedule_early_start(g->sched, s);
		struct tp_date s1 = tp_schedule_early_finish(g->sched, s);
		struct tp_date b0, b1;
		a->day = s0.day < a->day ? s0.day : a->day;
		b->day = s1.day > b->day ? s1.day : b->day;
		if (tp_export_baseline(g->opt, g->sched, s, &b0, &b1)) {
			a->day = b0.day < a->day ? b0.day : a->day;
			b->day = b1.day > b->day ? b1.day : b->day;
			g->baseline = true;
		}
		rows++;
	}
	return rows;
}

/* The first day of the month, quarter or year holding @p d, or of the
 * one after (@p next). */
static struct tp_date
period_start(enum axis axis, struct tp_date d, bool next)
{
	int y, m,
		step = axis == AXIS_YEARS      ? 12
		       : axis == AXIS_QUARTERS ? 3
					       : 1;
	struct tp_date out = d;
	tp_date_to_ymd(d, &y, &m, NULL);
	m = (m - 1) / step * step + (next ? step : 0);
	y += m / 12;
	if (tp_date_from_ymd(y, m % 12 + 1, 1, &out, NULL) != TP_OK)
		/* beyond the years dates have: their first or last day */
		out.day = next ? tp_date_max().day + 1 : tp_date_min().day;
	return out;
}

static void
week_axis(struct gantt *g, struct tp_date a, struct tp_date b)
{
	g->axis = AXIS_WEEKS;
	g->first.day = a.day - ((int32_t)tp_date_weekday(a) - 1);
	/* one spare week on the right for the last marker's label */
	g->weeks = (int)((b.day - g->first.day) / 7 + 2);
	g->week_w = CHART_W / g->weeks;
	if (g->week_w > 60)
		g->week_w = 60;
	if (g->week_w < 14)
		g->week_w = 14;
	g->day_w = g->week_w / 7;
	g->end.day = g->first.day + 7 * g->weeks;
	g->chart_w = g->weeks * g->week_w;
}

/* The time axis from @p a to @p b. One plan: by week (the chart grows
 * with the plan). A portfolio: by week up to MAX_WEEKS weeks, else
 * CHART_W wide in whole months (if a month is at least TICK_MIN_W wide:
 * up to about 3.9 years), quarters (up to about 11.7 years) or years,
 * with SPARE_W after the last day for its label. */
static void
axis_layout(struct gantt *g, struct tp_date a, struct tp_date b)
{
	int32_t span = b.day - a.day + 1;
	int32_t monday = a.day - ((int32_t)tp_date_weekday(a) - 1);
	if (!g->portfolio || (b.day - monday) / 7 + 2 <= MAX_WEEKS) {
		week_axis(g, a, b);
		return;
	}
	g->axis = span * TICK_MIN_W <= CHART_W * 30.44   ? AXIS_MONTHS
		  : span * TICK_MIN_W <= CHART_W * 91.31 ? AXIS_QUARTERS
							 : AXIS_YEARS;
	g->first = period_start(g->axis, a, false);
	g->end = period_start(g->axis, b, true);
	g->day_w = CHART_W / (g->end.day - g->first.day);
	if ((g->end.day - b.day - 1) * g->day_w < SPARE_W) {
		g->end = period_start(g->axis, g->end, true);
		g->day_w = CHART_W / (g->end.day - g->first.day);
	}
	g->chart_w = CHART_W;
	g->week_w = 7 * g->day_w;
}

static enum tp_status
no_calendar(struct gantt *g)
{
	const char *name = tp_plan_name(g->plan);
	if (!g->portfolio)
		return tp_error_setf(g->err, TP_ERR_INVALID, NULL,
				     "the plan has no calendar");
	return tp_error_setf(g->err, TP_ERR_INVALID, NULL,
			     "plan %zu ('%s') has no calendar", g->index + 1,
			     name ? name : "(unnamed)");
}

/* Sizes from every plan: the rows, the days, what the legend needs. */
static enum tp_status
layout(struct gantt *g)
{
	struct tp_date a = {INT32_MAX}, b = {INT32_MIN};
	g->rows = 0;
	g->start.day = INT32_MAX;
	g->finish.day = INT32_MIN;
	for (size_t i = 0; i < g->job->n; i++) {
		select_plan(g, i);
		if (!g->cal)
			return no_calendar(g);
		g->rows += plan_range(g, &a, &b) + g->portfolio;
		struct tp_date p0 = tp_schedule_plan_start(g->sched);
		struct tp_date p1 = tp_schedule_plan_finish(g->sched);
		g->start.day = p0.day < g->start.day ? p0.day : g->start.day;
		g->finish.day = p1.day > g->finish.day ? p1.day : g->finish.day;
		if (g->portfolio) { /* the plan's bar in its header row */
			a.day = p0.day < a.day ? p0.day : a.day;
			b.day = p1.day > b.day ? p1.day : b.day;
		}
		g->meetings = g->meetings ||
			      tp_plan_meeting_series_count(g->plan) > 0;
		g->actuals = g->actuals || tp_plan_has_actuals(g->plan);
	}
	if (a.day > b.day)
		a = b = tp_schedule_plan_start(g->job->scheds[0]);
	axis_layout(g, a, b);
	g->shade = g->day_w >= 1.0;
	g->top = MARGIN + TITLE_H + HEAD_H;
	g->width = 2 * MARGIN + LABEL_W + g->chart_w;
	g->height =
		g->top + (double)g->rows * ROW_H + LEGEND_H + MARGIN +
		(g->meetings || g->baseline || g->portfolio ? LEGEND2_H : 0);
	return TP_OK;
}

/* The plan's rows: its header row (in a portfolio) and its shown
 * stages, from row g->row on. */
static void
plan_band(struct gantt *g)
{
	size_t n = g->portfolio;
	tp_plan_foreach_stage (g->plan, s)
		n += tp_export_stage_shown(g->opt, g->plan, s);
	g->band_top = g->row;
	g->band_rows = n;
}

/* The top and bottom of what belongs to the plan: its rows in a
 * portfolio; for one plan, the whole chart below the month headers. */
static double
band_y0(const struct gantt *g)
{
	return g->portfolio ? row_y(g, g->band_top)
			    : MARGIN + TITLE_H + HEAD_H / 2;
}

static double
band_y1(const struct gantt *g)
{
	return row_y(g, g->band_top + g->band_rows);
}

/* ---- background: bands, holidays, grid, headers ---------------------------
 */

static int
shade_day(struct tp_date d, const struct tp_day_info *info, void *user)
{
	struct gantt *g = user;
	if (!info->holiday || info->weekend)
		return 0; /* weekends are the gaps between week columns */
	char tip[160];
	char ds[TP_DATE_STRLEN];
	snprintf(tip, sizeof(tip), "%s: %s", tp_date_format(d, ds),
		 info->holiday->name ? info->holiday->name : "holiday");
	tp_utf8_mend_end(tip); /* a long name cut short */
	double y0 = band_y0(g);
	g->rc = rect(g, x_of(g, d), y0, g->day_w, band_y1(g) - y0,
		     COLOUR_HOLIDAY, tip);
	return g->rc != TP_OK;
}

/* The plan's holidays and closures: over the whole axis for one plan,
 * over its own days in a portfolio (its calendar may not be the
 * others'). */
static enum tp_status
holidays(struct gantt *g)
{
	struct tp_date a = g->first, b = {g->end.day - 1};
	if (!g->shade)
		return TP_OK;
	if (g->portfolio) {
		struct tp_date p0 = tp_schedule_plan_start(g->sched);
		struct tp_date p1 = tp_schedule_plan_finish(g->sched);
		a.day = INT32_MAX;
		b.day = INT32_MIN;
		(void)plan_range(g, &a, &b);
		a.day = p0.day < a.day ? p0.day : a.day;
		b.day = p1.day > b.day ? p1.day : b.day;
	}
	struct tp_date c0 = tp_calendar_first_day(g->cal);
	struct tp_date c1 = tp_calendar_last_day(g->cal);
	a.day = a.day < c0.day ? c0.day : a.day;
	b.day = b.day > c1.day ? c1.day : b.day;
	if (a.day > b.day)
		return TP_OK;
	g->rc = TP_OK;
	enum tp_status rc = tp_calendar_foreach_non_working(
		g->cal, a, b, shade_day, g, NULL, g->err);
	return rc == TP_OK ? g->rc : rc;
}

/* The plan's header row (a portfolio) and every other stage row
 * striped, then its holidays. */
static enum tp_status
plan_background(struct gantt *g)
{
	enum tp_status rc = TP_OK;
	size_t first = g->band_top + g->portfolio;
	if (g->portfolio)
		rc = rect(g, MARGIN, row_y(g, g->band_top),
			  g->width - 2 * MARGIN, ROW_H, COLOUR_HEADER, NULL);
	for (size_t r = first + 1;
	     rc == TP_OK && r < g->band_top + g->band_rows; r += 2)
		rc = rect(g, MARGIN, row_y(g, r), g->width - 2 * MARGIN, ROW_H,
			  COLOUR_BAND, NULL);
	return rc == TP_OK ? holidays(g) : rc;
}

static enum tp_status
backgrounds(struct gantt *g)
{
	enum tp_status rc = rect(g, 0, 0, g->width, g->height, "#ffffff", NULL);
	g->row = 0;
	for (size_t i = 0; rc == TP_OK && i < g->job->n; i++) {
		select_plan(g, i);
		plan_band(g);
		rc = plan_background(g);
		g->row += g->band_rows;
	}
	return rc;
}

static enum tp_status
week_columns(struct gantt *g)
{
	double y0 = MARGIN + TITLE_H + HEAD_H / 2;
	double y1 = g->top + (double)g->rows * ROW_H;
	enum tp_status rc =
		label(g, MARGIN + LABEL_W - 6, y0 + 14, "end", false, "w/c");
	for (int i = 0; rc == TP_OK && i <= g->weeks; i++) {
		struct tp_date d = {g->first.day + 7 * i};
		double x = x_of(g, d);
		rc = line(g, x, y0, x, y1, COLOUR_GRID);
		if (rc != TP_OK || i == g->weeks)
			break;
		int day;
		tp_date_to_ymd(d, NULL, NULL, &day);
		char s[4];
		snprintf(s, sizeof(s), "%d", day);
		rc = label(g, x + g->week_w / 2, y0 + 14, "middle", false, s);
	}
	return rc;
}

/* Name every how manyth year, so that names are over 40 units apart
 * (1, 2, 5, 10, 20, 40...). */
static int
year_step(const struct gantt *g)
{
	int every = 1;
	while (every * 365.25 * g->day_w <= 40 && every < 100000)
		every = every == 1 ? 2 : every == 2 ? 5 : every * 2;
	return every;
}

/* A header row of periods (months "Jan 2026", years "2026", quarters
 * "Q1"): a line at each start, from @p y down to @p y1, and the name
 * where it fits (years too narrow to name each: every year_step()th,
 * beside its line). */
static enum tp_status
period_row(struct gantt *g, enum axis axis, double y, double y1,
	   const char *colour, bool bold)
{
	struct tp_date d = g->first;
	enum tp_status rc = TP_OK;
	int every = axis == AXIS_YEARS && bold ? year_step(g) : 1;
	while (rc == TP_OK && d.day < g->end.day) {
		int yy, mm;
		tp_date_to_ymd(d, &yy, &mm, NULL);
		struct tp_date next = period_start(axis, d, true);
		if (next.day > g->end.day || next.day <= d.day)
			next = g->end;
		double x0 = x_of(g, d), x1 = x_of(g, next);
		char s[16];
		if (g->axis == AXIS_WEEKS && axis == AXIS_MONTHS)
			snprintf(s, sizeof(s), "%s %d", month_abbr[mm - 1], yy);
		else if (axis == AXIS_MONTHS)
			snprintf(s, sizeof(s), "%s", month_abbr[mm - 1]);
		else if (axis == AXIS_QUARTERS)
			snprintf(s, sizeof(s), "Q%d", (mm + 2) / 3);
		else
			snprintf(s, sizeof(s), "%d", yy);
		rc = line(g, x0, y, x0, y1, colour);
		/* by year, the lines below the year names go unnamed */
		bool named = bold || axis != AXIS_YEARS;
		if (rc == TP_OK && every > 1 && yy % every == 0)
			rc = label(g, x0 + 3, y + 14, NULL, bold, s);
		else if (rc == TP_OK && every == 1 && named &&
			 x1 - x0 > (bold ? 40 : 20))
			rc = label(g, (x0 + x1) / 2, y + 14, "middle", bold, s);
		d = next;
	}
	return rc;
}

/* By week: months above the week columns. Longer: years above month,
 * quarter or no further columns, their lines down the chart. */
static enum tp_status
axis_headers(struct gantt *g)
{
	double y = MARGIN + TITLE_H;
	double bottom = g->top + (double)g->rows * ROW_H;
	enum tp_status rc;
	if (g->axis == AXIS_WEEKS) {
		rc = week_columns(g);
		if (rc == TP_OK)
			rc = period_row(g, AXIS_MONTHS, y, y + HEAD_H / 2,
					"#888", true);
	} else {
		rc = period_row(g, AXIS_YEARS, y, y + HEAD_H / 2, "#888", true);
		if (rc == TP_OK)
			rc = period_row(g, g->axis, y + HEAD_H / 2, bottom,
					COLOUR_GRID, false);
		if (rc == TP_OK)
			rc = line(g, x_of(g, g->end), y + HEAD_H / 2,
				  x_of(g, g->end), bottom, COLOUR_GRID);
	}
	if (rc == TP_OK)
		rc = line(g, MARGIN, y + HEAD_H, g->width - MARGIN, y + HEAD_H,
			  "#888");
	return rc;
}

/* ---- stages -----------------------------------------------------------------
 */

static void
short_date(struct tp_date d, char *buf, size_t size)
{
	int y, m, day;
	struct tp_strb b;
	tp_date_to_ymd(d, &y, &m, &day);
	tp_strb_init(&b, buf, size);
	tp_strb_int(&b, day);
	tp_strb_cat(&b, " ");
	tp_strb_cat(&b, month_abbr[m - 1]);
}

static void
tooltip(const struct gantt *g, size_t s, char *buf, size_t size)
{
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN], words[80] = "";
	const char *done = tp_export_progress(g->plan, s);
	int32_t slip = 0;
	tp_date_format(tp_schedule_early_start(g->sched, s), a);
	tp_date_format(tp_schedule_early_finish(g->sched, s), b);
	const char *name = tp_plan_stage_name(g->plan, s);
	if (tp_export_slip(g->opt, g->sched, s, &slip))
		tp_export_slip_words(slip, words, sizeof(words));
	struct tp_strb t; /* "NAME: A to B, float N working days..." */
	tp_strb_init(&t, buf, size);
	tp_strb_cat(&t, name ? name : tp_plan_stage_id(g->plan, s));
	tp_strb_cat(&t, ": ");
	tp_strb_cat(&t, a);
	tp_strb_cat(&t, " to ");
	tp_strb_cat(&t, b);
	tp_strb_cat(&t, ", float ");
	tp_strb_int(&t, (int)tp_schedule_total_float(g->sched, s));
	tp_strb_cat(&t, " working days");
	tp_strb_cat(&t,
		    tp_schedule_is_critical(g->sched, s) ? ", critical" : "");
	tp_strb_cat(&t, done ? ", " : "");
	tp_strb_cat(&t, done);
	tp_strb_cat(&t, words[0] ? ", " : "");
	tp_strb_cat(&t, words);
	tp_utf8_mend_end(buf); /* a long name cut short */
}

/* The baseline's dates of a stage: a thin grey bar below its own. */
static enum tp_status
baseline_bar(struct gantt *g, size_t s, size_t row)
{
	struct tp_date a, b;
	char tip[200], x[TP_DATE_STRLEN], y[TP_DATE_STRLEN], words[80] = "";
	int32_t slip = 0;
	if (!tp_export_baseline(g->opt, g->sched, s, &a, &b))
		return TP_OK;
	if (tp_export_slip(g->opt, g->sched, s, &slip))
		tp_export_slip_words(slip, words, sizeof(words));
	snprintf(tip, sizeof(tip), "baseline: %s to %s%s%s",
		 tp_date_format(a, x), tp_date_format(b, y),
		 words[0] ? "; now " : "", words);
	return rect(g, x_of(g, a), row_y(g, row) + ROW_H - 5,
		    (b.day - a.day + 1) * g->day_w, 3, COLOUR_BASELINE, tip);
}

/* @p text cut to @p max bytes with an ellipsis, into @p buf. */
static void
cut_text(const char *text, size_t max, char *buf, size_t size)
{
	size_t n = strlen(text);
	n = n < size - 1 ? n : size - 1;
	memcpy(buf, text, n);
	buf[n] = '\0';
	if (n > max) {
		size_t cut = max - 1;
		while (cut > 0 && ((unsigned char)buf[cut] & 0xC0) == 0x80)
			cut--; /* do not split a UTF-8 sequence */
		memcpy(buf + cut, "\xE2\x80\xA6", 4);
	}
}

/* In a portfolio, stage names are indented under their plan's. */
static enum tp_status
stage_label(struct gantt *g, size_t s, size_t row)
{
	const char *name = tp_plan_stage_name(g->plan, s);
	char buf[LABEL_CHARS * 4 + 8];
	cut_text(name ? name : tp_plan_stage_id(g->plan, s),
		 LABEL_CHARS - 2 * g->portfolio, buf, sizeof(buf));
	return label(g, MARGIN + 4 + 12 * g->portfolio,
		     row_y(g, row) + ROW_H / 2 + 4, NULL,
		     tp_schedule_is_critical(g->sched, s), buf);
}

static enum tp_status
marker(struct gantt *g, size_t s, size_t row, const char *fill, const char *tip)
{
	struct tp_date d = tp_schedule_early_finish(g->sched, s);
	double cx = x_of(g, d) + g->day_w / 2, cy = row_y(g, row) + ROW_H / 2;
	bool crit = tp_schedule_is_critical(g->sched, s);
	enum tp_status rc = diamond(g, cx, cy, 6, fill,
				    crit ? COLOUR_CRITICAL : "#222", tip);
	char s2[32];
	short_date(d, s2, sizeof(s2));
	int t = tp_plan_stage_time(g->plan, s);
	if (t >= 0) {
		char hhmm[6];
		struct tp_strb b = {s2, sizeof(s2), strlen(s2)};
		tp_export_hhmm(t, hhmm);
		tp_strb_cat(&b, " ");
		tp_strb_cat(&b, hhmm);
	}
	if (rc == TP_OK)
		rc = label(g, cx + 9, cy + 4, NULL, false, s2);
	return rc;
}

struct flag_text {
	char text[600];
	bool any;
};

static enum tp_status
collect_flag(const struct tp_export_finding *f, void *user)
{
	struct flag_text *t = user;
	size_t len = strlen(t->text);
	snprintf(t->text + len, sizeof(t->text) - len, "%s%s: %s%s%s%s",
		 len ? "\n" : "", f->severity ? f->severity : "note",
		 f->message, f->citation ? " (" : "",
		 f->citation ? f->citation : "", f->citation ? ")" : "");
	tp_utf8_mend_end(t->text); /* cut short: whole characters only */
	t->any = true;
	return TP_OK;
}

/* A red "!" at the end of the label column when the rules checker found
 * something about the stage; the findings are its tooltip. */
static enum tp_status
finding_flag(struct gantt *g, const char *stage_id, size_t row)
{
	struct flag_text t = {"", false};
	tp_export_foreach_finding(g->opt, tp_plan_id(g->plan), stage_id,
				  collect_flag, &t);
	if (!t.any)
		return TP_OK;
	enum tp_status rc = start(g, "text");
	if (rc == TP_OK)
		rc = num(g, "x", MARGIN + LABEL_W - 8);
	if (rc == TP_OK)
		rc = num(g, "y", row_y(g, row) + ROW_H / 2 + 5);
	if (rc == TP_OK)
		rc = attr(g, "fill", COLOUR_CRITICAL);
	if (rc == TP_OK)
		rc = attr(g, "font-weight", "bold");
	if (rc == TP_OK)
		rc = attr(g, "font-size", "14");
	if (rc == TP_OK)
		rc = attr(g, "class", "finding");
	if (rc == TP_OK)
		rc = tp_xo_elem(&g->w, "title", t.text);
	if (rc == TP_OK)
		rc = text(g, "!");
	return rc == TP_OK ? end(g) : rc;
}

/* A group with an id unique in the document (#11): "tender:PLAN" or
 * "stage:PLAN:STAGE", PLAN being "tender-K" when the plan has no id (ids
 * hold no ':', so no two can be the same). */
static enum tp_status
start_group(struct gantt *g, const char *stage_id)
{
	const char *plan_id = tp_plan_id(g->plan);
	char id[ID_LEN];
	struct tp_strb b; /* "stage:PLAN:STAGE", "tender-K" */
	tp_strb_init(&b, id, sizeof(id));
	tp_strb_cat(&b, stage_id ? "stage" : "tender");
	if (plan_id) {
		tp_strb_cat(&b, ":");
		tp_strb_cat(&b, plan_id);
	} else {
		tp_strb_cat(&b, "-");
		tp_strb_int(&b, (long long)g->index + 1);
	}
	if (stage_id) {
		tp_strb_cat(&b, ":");
		tp_strb_cat(&b, stage_id);
	}
	enum tp_status rc = start(g, "g");
	if (rc == TP_OK)
		rc = attr(g, "id", id);
	if (rc == TP_OK)
		rc = attr(g, "class", stage_id ? "stage" : "tender");
	return rc;
}

static enum tp_status
stage_shape(struct gantt *g, size_t s, size_t row)
{
	char tip[400];
	tooltip(g, s, tip, sizeof(tip));
	bool crit = tp_schedule_is_critical(g->sched, s);
	const char *fill = crit ? COLOUR_CRITICAL : COLOUR_BAR;
	enum tp_stage_shape shape = tp_export_stage_shape(g->plan, s);
	if (shape != TP_SHAPE_PERIOD)
		return marker(g, s, row,
			      shape == TP_SHAPE_DEADLINE ? fill : "#ffffff",
			      tip);
	struct tp_date a = tp_schedule_early_start(g->sched, s);
	struct tp_date b = tp_schedule_early_finish(g->sched, s);
	double x = x_of(g, a), w = (b.day - a.day + 1) * g->day_w;
	return rect(g, x, row_y(g, row) + 5, w, ROW_H - 10, fill, tip);
}

static enum tp_status
stage_row(struct gantt *g, size_t s, size_t row)
{
	enum tp_status rc = start_group(g, tp_plan_stage_id(g->plan, s));
	if (rc == TP_OK)
		rc = stage_label(g, s, row);
	if (rc == TP_OK)
		rc = finding_flag(g, tp_plan_stage_id(g->plan, s), row);
	if (rc == TP_OK)
		rc = baseline_bar(g, s, row);
	if (rc == TP_OK)
		rc = stage_shape(g, s, row);
	return rc == TP_OK ? end(g) : rc;
}

static enum tp_status
stages(struct gantt *g)
{
	enum tp_status rc = TP_OK;
	tp_plan_foreach_stage (g->plan, s) {
		if (rc != TP_OK || !tp_export_stage_shown(g->opt, g->plan, s))
			continue;
		rc = stage_row(g, s, g->row++);
	}
	return rc;
}

/* "Name (id)", or what there is of the two. */
static void
plan_title(const struct gantt *g, char *buf, size_t size)
{
	const char *name = tp_plan_name(g->plan), *id = tp_plan_id(g->plan);
	if (name && id)
		snprintf(buf, size, "%s (%s)", name, id);
	else if (name || id)
		snprintf(buf, size, "%s", name ? name : id);
	else
		snprintf(buf, size, "Tender %zu", g->index + 1);
	tp_utf8_mend_end(buf); /* a long name cut short */
}

/* The header row's label: "Name (id)", the name cut short rather than
 * the id (in a pipeline of like-named tenders the id tells them apart). */
static void
header_label(const struct gantt *g, const char *title, char *buf, size_t size)
{
	const char *name = tp_plan_name(g->plan), *id = tp_plan_id(g->plan);
	size_t idlen = id ? strlen(id) + 3 : 0;
	if (!name || !id || strlen(title) <= LABEL_CHARS ||
	    idlen + 12 > LABEL_CHARS) {
		cut_text(title, LABEL_CHARS, buf, size);
		return;
	}
	cut_text(name, LABEL_CHARS - idlen, buf, size);
	size_t n = strlen(buf);
	snprintf(buf + n, size - n, " (%s)", id);
}

/* A portfolio's header row for the plan: its name and id, a bar from its
 * start to its finish, a flag for findings about the plan as a whole. */
static enum tp_status
header_row(struct gantt *g)
{
	char name[600], buf[LABEL_CHARS * 4 + 8], tip[800];
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN];
	struct tp_date p0 = tp_schedule_plan_start(g->sched);
	struct tp_date p1 = tp_schedule_plan_finish(g->sched);
	size_t row = g->row++;
	plan_title(g, name, sizeof(name));
	header_label(g, name, buf, sizeof(buf));
	snprintf(tip, sizeof(tip), "%s: %s to %s, revision %u, %zu stages",
		 name, tp_date_format(p0, a), tp_date_format(p1, b),
		 (unsigned)tp_plan_revision(g->plan),
		 tp_plan_stage_count(g->plan));
	tp_utf8_mend_end(tip);
	enum tp_status rc = label(g, MARGIN + 4, row_y(g, row) + ROW_H / 2 + 4,
				  NULL, true, buf);
	if (rc == TP_OK)
		rc = finding_flag(g, NULL, row);
	if (rc == TP_OK)
		rc = rect(g, x_of(g, p0), row_y(g, row) + 7,
			  (p1.day - p0.day + 1) * g->day_w, ROW_H - 14,
			  COLOUR_SUMMARY, tip);
	return rc;
}

/* ---- meetings ------------------------------------------------------------
 */

/* A dashed line down the chart on each meeting day it shows. */
static enum tp_status
meeting_line(struct gantt *g, const char *name, struct tp_date d)
{
	char tip[200], ds[TP_DATE_STRLEN];
	double x = x_of(g, d) + g->day_w / 2;
	enum tp_status rc = start(g, "line");
	snprintf(tip, sizeof(tip), "%s meeting, %s", name,
		 tp_date_format(d, ds));
	tp_utf8_mend_end(tip); /* a long name cut short */
	if (rc == TP_OK)
		rc = num(g, "x1", x);
	if (rc == TP_OK)
		rc = num(g, "y1", band_y0(g));
	if (rc == TP_OK)
		rc = num(g, "x2", x);
	if (rc == TP_OK)
		rc = num(g, "y2", band_y1(g));
	if (rc == TP_OK)
		rc = attr(g, "stroke", COLOUR_MEETING);
	if (rc == TP_OK)
		rc = attr(g, "stroke-dasharray", "3,3");
	if (rc == TP_OK)
		rc = attr(g, "class", "meeting");
	return end_shape(g, rc, tip);
}

static enum tp_status
meetings(struct gantt *g)
{
	int32_t lo = g->first.day, hi = g->end.day - 1;
	enum tp_status rc = TP_OK;
	for (size_t k = 0;
	     rc == TP_OK && k < tp_plan_meeting_series_count(g->plan); k++) {
		struct tp_meeting_spec m;
		size_t n = 0;
		const struct tp_date *d = tp_plan_meeting_dates_between(
			g->plan, k, (struct tp_date){lo}, (struct tp_date){hi},
			&n);
		(void)tp_plan_meeting_series(g->plan, k, &m);
		for (size_t i = 0; rc == TP_OK && i < n; i++)
			rc = meeting_line(g, m.name ? m.name : m.id, d[i]);
	}
	return rc;
}

static enum tp_status
legend2(struct gantt *g, double y, double x)
{
	enum tp_status rc = TP_OK;
	if (g->meetings) {
		rc = start(g, "line");
		if (rc == TP_OK)
			rc = num(g, "x1", x + 15);
		if (rc == TP_OK)
			rc = num(g, "y1", y - 10);
		if (rc == TP_OK)
			rc = num(g, "x2", x + 15);
		if (rc == TP_OK)
			rc = num(g, "y2", y + 3);
		if (rc == TP_OK)
			rc = attr(g, "stroke", COLOUR_MEETING);
		if (rc == TP_OK)
			rc = attr(g, "stroke-dasharray", "3,3");
		if (rc == TP_OK)
			rc = end(g);
		if (rc == TP_OK)
			rc = label(g, x + 36, y + 1, NULL, false,
				   "committee meeting");
		x += 160;
	}
	if (rc == TP_OK && g->baseline)
		rc = rect(g, x, y - 3, 30, 3, COLOUR_BASELINE, NULL);
	if (rc == TP_OK && g->baseline)
		rc = label(g, x + 36, y + 1, NULL, false,
			   "baseline (the approved dates)");
	if (g->baseline)
		x += 220;
	if (rc == TP_OK && g->portfolio)
		rc = rect(g, x, y - 7, 30, 8, COLOUR_SUMMARY, NULL);
	if (rc == TP_OK && g->portfolio)
		rc = label(g, x + 36, y + 1, NULL, false,
			   "tender, its start to its finish");
	return rc;
}

static enum tp_status
legend(struct gantt *g)
{
	double y = g->top + (double)g->rows * ROW_H + 22, x = MARGIN + 4;
	enum tp_status rc = rect(g, x, y - 9, 30, 12, COLOUR_BAR, NULL);
	if (rc == TP_OK)
		rc = label(g, x + 36, y + 1, NULL, false, "stage");
	if (rc == TP_OK)
		rc = rect(g, x + 90, y - 9, 30, 12, COLOUR_CRITICAL, NULL);
	if (rc == TP_OK)
		rc = label(g, x + 126, y + 1, NULL, false, "critical path");
	if (rc == TP_OK)
		rc = diamond(g, x + 226, y - 3, 6, "#ffffff", "#222", NULL);
	if (rc == TP_OK)
		rc = label(g, x + 236, y + 1, NULL, false, "milestone");
	if (rc == TP_OK)
		rc = diamond(g, x + 316, y - 3, 6, COLOUR_BAR, "#222", NULL);
	if (rc == TP_OK)
		rc = label(g, x + 326, y + 1, NULL, false, "deadline (time)");
	if (rc == TP_OK && g->shade)
		rc = rect(g, x + 436, y - 9, 12, 12, COLOUR_HOLIDAY, NULL);
	if (rc == TP_OK && g->shade)
		rc = label(g, x + 454, y + 1, NULL, false,
			   "bank holiday or closure");
	if (rc == TP_OK && g->opt->n_findings > 0)
		rc = label(g, x + 620, y + 1, NULL, true, "!");
	if (rc == TP_OK && g->opt->n_findings > 0)
		rc = label(g, x + 632, y + 1, NULL, false,
			   "rules finding (hover for details)");
	if (rc == TP_OK && (g->meetings || g->baseline || g->portfolio))
		rc = legend2(g, y + LEGEND2_H, x);
	return rc;
}

/* The chart's name: one plan's, else the title given or "Tender
 * timetables". */
static const char *
chart_name(const struct gantt *g)
{
	const char *name = tp_plan_name(tp_schedule_plan(g->job->scheds[0]));
	if (g->portfolio)
		return g->opt->title ? g->opt->title : "Tender timetables";
	return name ? name : "Tender timetable";
}

static enum tp_status
title(struct gantt *g)
{
	const struct tp_plan *plan = tp_schedule_plan(g->job->scheds[0]);
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN], buf[400];
	tp_date_format(g->start, a);
	tp_date_format(g->finish, b);
	if (g->portfolio)
		snprintf(buf, sizeof(buf), "%s (%zu tenders, %s to %s)",
			 chart_name(g), g->job->n, a, b);
	else
		snprintf(buf, sizeof(buf), "%s (%s to %s, revision %u)",
			 chart_name(g), a, b, (unsigned)tp_plan_revision(plan));
	tp_utf8_mend_end(buf); /* a long name cut short */
	enum tp_status rc = start(g, "text");
	if (rc == TP_OK)
		rc = num(g, "x", MARGIN + 4);
	if (rc == TP_OK)
		rc = num(g, "y", MARGIN + 20);
	if (rc == TP_OK)
		rc = attr(g, "font-size", "16");
	if (rc == TP_OK)
		rc = attr(g, "font-weight", "bold");
	if (rc == TP_OK)
		rc = text(g, buf);
	return rc == TP_OK ? end(g) : rc;
}

static enum tp_status
svg_root(struct gantt *g)
{
	char wb[24], hb[24], box[56];
	enum tp_status rc = start(g, "svg");
	if (rc == TP_OK)
		rc = attr(g, "xmlns", "http://www.w3.org/2000/svg");
	if (rc == TP_OK)
		rc = tp_xo_attr_raw(&g->w, "width", whole(g->width, wb));
	if (rc == TP_OK)
		rc = tp_xo_attr_raw(&g->w, "height", whole(g->height, hb));
	if (rc == TP_OK) {
		snprintf(box, sizeof(box), "0 0 %s %s", wb, hb);
		rc = tp_xo_attr_raw(&g->w, "viewBox", box);
	}
	if (rc == TP_OK)
		rc = attr(g, "font-family", "DejaVu Sans, Arial, sans-serif");
	if (rc == TP_OK)
		rc = attr(g, "font-size", "11");
	if (rc == TP_OK)
		rc = tp_xo_elem(&g->w, "title", chart_name(g));
	return rc;
}

/* Each plan's group: its header row, meetings and stages. */
static enum tp_status
plans(struct gantt *g)
{
	enum tp_status rc = TP_OK;
	g->row = 0;
	for (size_t i = 0; rc == TP_OK && i < g->job->n; i++) {
		select_plan(g, i);
		plan_band(g);
		rc = start_group(g, NULL);
		if (rc == TP_OK && g->portfolio)
			rc = header_row(g);
		if (rc == TP_OK)
			rc = meetings(g);
		if (rc == TP_OK)
			rc = stages(g);
		if (rc == TP_OK)
			rc = end(g);
	}
	return rc;
}

/* The whole <svg> element, into the writer (a document or an HTML page). */
static enum tp_status
write_svg(struct gantt *g)
{
	enum tp_status rc = svg_root(g);
	if (rc == TP_OK)
		rc = backgrounds(g);
	if (rc == TP_OK)
		rc = axis_headers(g);
	if (rc == TP_OK)
		rc = title(g);
	if (rc == TP_OK)
		rc = plans(g);
	if (rc == TP_OK)
		rc = legend(g);
	return rc == TP_OK ? end(g) : rc;
}

/* Checked and measured before anything is written. */
static enum tp_status
gantt_init(struct gantt *g, const struct tp_export_job *job,
	   struct tp_error *err)
{
	memset(g, 0, sizeof(*g));
	g->opt = job->opt;
	g->job = job;
	g->portfolio = job->n > 1;
	g->err = err;
	return layout(g);
}

static enum tp_status
finish(struct gantt *g, enum tp_status rc)
{
	if (rc != TP_OK) {
		tp_xo_discard(&g->w);
		return rc;
	}
	return tp_xo_close(&g->w);
}

enum tp_status
tp_export_svg(const struct tp_export_job *job, struct tp_sbuf *out,
	      struct tp_error *err)
{
	struct gantt g;
	enum tp_status rc = gantt_init(&g, job, err);
	if (rc == TP_OK)
		rc = tp_xo_open(&g.w, out, err);
	if (rc != TP_OK)
		return rc;
	rc = tp_xo_declaration(&g.w, false);
	if (rc == TP_OK)
		rc = write_svg(&g);
	return finish(&g, rc);
}

/* ---- HTML page
 * --------------------------------------------------------------- */

static const char page_css[] =
	"body{font-family:'DejaVu Sans',Arial,sans-serif;margin:1.5em;"
	"color:#222}svg{max-width:100%;height:auto}"
	"table{border-collapse:collapse;margin-top:1.5em;font-size:0.9em}"
	"th,td{border:1px solid #bbb;padding:0.25em 0.6em;text-align:left;"
	"white-space:nowrap}td:first-child,td:last-child{white-space:normal}"
	"tr.critical td{color:#c8312a;font-weight:bold}"
	"tr.tender th{background:#e1e6ee;padding-top:0.6em}"
	"@media print{@page{size:A4 landscape;margin:10mm}body{margin:0}}";

static enum tp_status
cell(struct gantt *g, const char *tag, const char *value)
{
	return tp_xo_elem(&g->w, tag, value && *value ? value : "-");
}

static enum tp_status
table_head(struct gantt *g)
{
	static const char *const cols[] = {
		"Stage", "Start",         "Finish",
		"Time",  "Latest finish", "Float (working days)",
		"Notes"};
	enum tp_status rc = start(g, "tr");
	for (size_t i = 0; rc == TP_OK && i < sizeof(cols) / sizeof(cols[0]);
	     i++) {
		if (i == 6 && g->actuals)
			rc = cell(g, "th", "Progress");
		if (rc == TP_OK && i == 6 && g->baseline)
			rc = cell(g, "th", "Baseline finish");
		if (rc == TP_OK && i == 6 && g->baseline)
			rc = cell(g, "th", "Slip (working days)");
		if (rc == TP_OK)
			rc = cell(g, "th", cols[i]);
	}
	return rc == TP_OK ? end(g) : rc;
}

struct notes {
	char text[1200];
};

static enum tp_status
add_note(const struct tp_export_finding *f, void *user)
{
	struct notes *n = user;
	size_t len = strlen(n->text);
	snprintf(n->text + len, sizeof(n->text) - len, "%s%s: %s%s%s%s",
		 len ? " \xE2\x80\xA2 " : "",
		 f->severity ? f->severity : "note", f->message,
		 f->citation ? " (" : "", f->citation ? f->citation : "",
		 f->citation ? ")" : "");
	tp_utf8_mend_end(n->text); /* cut short: whole characters only */
	return TP_OK;
}

static enum tp_status
table_row(struct gantt *g, size_t s)
{
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN], lf[TP_DATE_STRLEN];
	char hhmm[6] = "", fl[16];
	struct notes n = {""};
	tp_date_format(tp_schedule_early_start(g->sched, s), a);
	tp_date_format(tp_schedule_early_finish(g->sched, s), b);
	tp_date_format(tp_schedule_late_finish(g->sched, s), lf);
	if (tp_plan_stage_time(g->plan, s) >= 0)
		tp_export_hhmm(tp_plan_stage_time(g->plan, s), hhmm);
	tp_int_text((int32_t)tp_schedule_total_float(g->sched, s), fl);
	tp_export_foreach_finding(g->opt, tp_plan_id(g->plan),
				  tp_plan_stage_id(g->plan, s), add_note, &n);
	const char *name = tp_plan_stage_name(g->plan, s);
	enum tp_status rc = start(g, "tr");
	if (rc == TP_OK && tp_schedule_is_critical(g->sched, s))
		rc = attr(g, "class", "critical");
	const char *vals[] = {name ? name : tp_plan_stage_id(g->plan, s),
			      a,
			      b,
			      hhmm,
			      lf,
			      fl,
			      n.text};
	char bf[TP_DATE_STRLEN] = "", slip[16] = "";
	struct tp_date b0, b1;
	int32_t k = 0;
	if (tp_export_baseline(g->opt, g->sched, s, &b0, &b1))
		tp_date_format(b1, bf);
	if (tp_export_slip(g->opt, g->sched, s, &k))
		tp_export_slip_text(k, slip);
	for (size_t i = 0; rc == TP_OK && i < 7; i++) {
		if (i == 6 && g->actuals)
			rc = cell(g, "td", tp_export_progress(g->plan, s));
		if (rc == TP_OK && i == 6 && g->baseline)
			rc = cell(g, "td", bf);
		if (rc == TP_OK && i == 6 && g->baseline)
			rc = cell(g, "td", slip);
		if (rc == TP_OK)
			rc = cell(g, "td", vals[i]);
	}
	return rc == TP_OK ? end(g) : rc;
}

/* A portfolio's row naming the plan above its stages. */
static enum tp_status
table_plan_row(struct gantt *g)
{
	char name[600], buf[800], a[TP_DATE_STRLEN], b[TP_DATE_STRLEN];
	int cols = 7 + g->actuals + 2 * g->baseline;
	plan_title(g, name, sizeof(name));
	snprintf(buf, sizeof(buf), "%s: %s to %s, revision %u", name,
		 tp_date_format(tp_schedule_plan_start(g->sched), a),
		 tp_date_format(tp_schedule_plan_finish(g->sched), b),
		 (unsigned)tp_plan_revision(g->plan));
	tp_utf8_mend_end(buf);
	enum tp_status rc = start(g, "tr");
	if (rc == TP_OK)
		rc = attr(g, "class", "tender");
	if (rc == TP_OK)
		rc = start(g, "th");
	if (rc == TP_OK)
		rc = tp_xo_attr_long(&g->w, "colspan", cols);
	if (rc == TP_OK)
		rc = text(g, buf);
	if (rc == TP_OK)
		rc = end(g);
	return rc == TP_OK ? end(g) : rc;
}

static enum tp_status
table(struct gantt *g)
{
	enum tp_status rc = start(g, "table");
	if (rc == TP_OK)
		rc = table_head(g);
	for (size_t i = 0; rc == TP_OK && i < g->job->n; i++) {
		select_plan(g, i);
		if (g->portfolio)
			rc = table_plan_row(g);
		tp_plan_foreach_stage (g->plan, s) {
			if (rc == TP_OK &&
			    tp_export_stage_shown(g->opt, g->plan, s))
				rc = table_row(g, s);
		}
	}
	return rc == TP_OK ? end(g) : rc;
}

static enum tp_status
html_head(struct gantt *g, const char *ttl)
{
	enum tp_status rc = start(g, "head");
	if (rc == TP_OK)
		rc = start(g, "meta");
	if (rc == TP_OK)
		rc = attr(g, "charset", "utf-8");
	if (rc == TP_OK)
		rc = end(g);
	if (rc == TP_OK)
		rc = cell(g, "title", ttl);
	if (rc == TP_OK)
		rc = cell(g, "style", page_css);
	return rc == TP_OK ? end(g) : rc;
}

static enum tp_status
html_page(struct gantt *g)
{
	const char *ttl = g->opt->title ? g->opt->title : chart_name(g);
	enum tp_status rc = tp_xo_doctype(&g->w, "html");
	if (rc == TP_OK)
		rc = start(g, "html");
	if (rc == TP_OK)
		rc = attr(g, "lang", "en-GB");
	if (rc == TP_OK)
		rc = html_head(g, ttl);
	if (rc == TP_OK)
		rc = start(g, "body");
	if (rc == TP_OK)
		rc = cell(g, "h1", ttl);
	if (rc == TP_OK)
		rc = write_svg(g);
	if (rc == TP_OK)
		rc = table(g);
	if (rc == TP_OK)
		rc = end(g);
	return rc == TP_OK ? end(g) : rc;
}

enum tp_status
tp_export_html(const struct tp_export_job *job, struct tp_sbuf *out,
	       struct tp_error *err)
{
	struct gantt g;
	enum tp_status rc = gantt_init(&g, job, err);
	if (rc == TP_OK)
		rc = tp_xo_open(&g.w, out, err);
	if (rc != TP_OK)
		return rc;
	rc = html_page(&g);
	return finish(&g, rc);
}
