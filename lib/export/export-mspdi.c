/* SPDX-License-Identifier: MIT */
/* Microsoft Project XML (MSPDI, namespace
 * http://schemas.microsoft.com/project; valid against Microsoft's pj12
 * schema once mapped to its namespace), written with xml-out.c (libxml2
 * escaping the text): a live network that a client re-scheduling from its
 * links, lags, constraints and calendars puts on the schedule's early
 * dates (tp-schedule.h, "Date conventions"). Element meanings are those of
 * Microsoft's "Project XML Data Interchange" reference.
 *
 * Moments. The client works in times of day on calendars whose working
 * days run 08:00-12:00 and 13:00-17:00; a tenderplan day maps to:
 * - a working-day stage: 08:00 on its start day to 17:00 on its finish
 *   day, its duration in working time;
 * - a calendar-day, week or month stage (a period): 00:00 on its start day
 *   (the day after the act that opens it, any day) to 17:00 on its finish
 *   day, as elapsed time: the span the schedule gave it, which is never
 *   less than the stated duration (the finish is moved to a working day,
 *   and with only a contract start a critical period runs to its late
 *   finish); the stated duration is kept in the custom field Text1;
 * - a milestone: at its time of day, or 17:00, on its day, so that a
 *   successor starts on the next day as tenderplan's do.
 * Every finish is then 17:00 (or a milestone's time), every start of a
 * working-day stage 08:00, which clients treat as the same working moment:
 * they start a task that follows a 17:00 finish at 08:00 on the next
 * working day, and keep a milestone at 17:00.
 *
 * Lags. Each dependency's rule is written as the lag from the
 * predecessor's moment to the successor's that gives the same day under
 * the client's rules (lags count on the successor's calendar, as in
 * tenderplan): a working-day lag in working time, including the day that
 * "the day after" adds and the part of a day between the two moments; a
 * calendar-day lag in elapsed time from the predecessor's moment to 00:00
 * of "the day after" plus L days (a task that may not start then moves on
 * to the next working time, as tenderplan's stages move to the next day
 * they may start). Three rules have no exact client form and get the
 * elapsed time the schedule itself put between the two moments: a
 * working-day lag into a period (an elapsed task starts where its lag
 * ends, not on the next working day), and a calendar-day lag of L != 0
 * into a milestone or a finish (a client keeps it on a non-working day).
 *
 * Constraints only where the plan fixes a date, the kinds that leave links
 * in charge: start-no-earlier-than as Start No Earlier Than; start-on and
 * finish-on as Must Start On / Must Finish On when the schedule meets
 * them, else as Start / Finish No Earlier Than with a Deadline (a client's
 * "must" would override the links that tenderplan follows); the required
 * contract start as Start No Earlier Than on the contract-start stages; a
 * milestone that opens the plan, or a stage the schedule holds on its late
 * dates (only a contract start), as Start No Earlier Than its date.
 * Deadline stages carry a Deadline on their planned date (a published
 * closing date must not slip), contract-start stages one on the latest day
 * the contract start allows, so a client shows a slip as a missed
 * deadline. Stages on the statutory calendar use it as their task
 * calendar; holidays and closures are calendar exceptions.
 *
 * A portfolio (#11) is one project: a summary task per plan (OutlineLevel
 * 1, its name and id) with the plan's stages beneath it (OutlineLevel 2),
 * UIDs running on through the plans (the summary, then its stages), links
 * within each plan. Each distinct calendar (the plans' own and the
 * statutory ones in use) is written once, numbered in the order the plans
 * first use it; the first plan's is the project calendar, and a task on
 * any other names it as its task calendar. The project starts with the
 * earliest plan, so a stage that begins its plan (set by the plan's
 * start) is held Start No Earlier Than its date. */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error-private.h"
#include "export-private.h"
#include "snapshot-private.h"
#include "text-private.h"
#include "xml-out.h"

/* MS Project's standard calendar: 8 working hours a day, 08:00-12:00 and
 * 13:00-17:00. Lags are in tenths of a minute (MSPDI LinkLag). */
#define MINUTES_PER_DAY 480
#define DAY_START       (8 * 60)
#define DAY_END         (17 * 60)
#define ELAPSED_DAY     (24 * 60)
/* MSPDI duration and lag formats: 6 elapsed hours, 7 days, 8 elapsed
 * days. */
#define FORMAT_ELAPSED_HOURS 6
#define FORMAT_DAYS          7
#define FORMAT_ELAPSED_DAYS  8
/* Task Text1 (MSPDI FieldID), aliased "Stated duration". */
#define FIELD_TEXT1 "188743731"
/* The project calendar's UID: the (first) plan's. */
#define CAL_PLAN 1

/* A calendar to write: UID k is cals[k - 1]. */
struct cal_entry {
	const struct tp_calendar *cal;
	struct tp_date first, last; /* the days its exceptions cover */
	size_t plan;                /* the first plan using it */
	size_t users;               /* how many plans use it */
	bool statutory;             /* first used as a statutory calendar */
	size_t seq;                 /* order of first use */
	long uid;
};

struct mspdi_ctx {
	struct tp_xo w;
	const struct tp_export_job *job;
	bool portfolio;
	/* the plan being written (select_plan()) */
	size_t index;
	const struct tp_plan *plan;
	const struct tp_schedule *sched;
	const struct tp_calendar *cal;
	long uid_base; /* a stage's UID is uid_base + its index + 1 */
	struct tp_error *err;
	/* exception being collected: a run of named non-working days */
	bool open;
	struct tp_date from, to;
	const char *name;
	enum tp_status rc;
	struct tp_dep_index deps; /* links into each stage (#11) */
	size_t *first_con;        /* each stage's first constraint */
	/* every distinct calendar, in UID order, and by address */
	struct cal_entry *cals, *by_cal;
	size_t n_cals;
	struct tp_date start, finish; /* of every plan */
};

/* How a stage is written (see the top of the file). */
enum form {
	FORM_WORKING = 0,
	FORM_PERIOD = 1,
	FORM_MILESTONE = 2,
};

static enum form
stage_form(const struct tp_plan *plan, size_t s)
{
	if (tp_plan_stage_is_milestone(plan, s))
		return FORM_MILESTONE;
	return tp_plan_stage_unit(plan, s) == TP_UNIT_WORKING_DAYS
		       ? FORM_WORKING
		       : FORM_PERIOD;
}

/* Minutes after midnight of a stage's start and finish moments. */
static int
milestone_time(const struct tp_plan *plan, size_t s)
{
	int t = tp_plan_stage_time(plan, s);
	return t >= 0 ? t : DAY_END;
}

static int
start_time(const struct tp_plan *plan, size_t s)
{
	switch (stage_form(plan, s)) {
	case FORM_MILESTONE:
		return milestone_time(plan, s);
	case FORM_PERIOD:
		return 0;
	case FORM_WORKING:
	default:
		return DAY_START;
	}
}

static int
finish_time(const struct tp_plan *plan, size_t s)
{
	return stage_form(plan, s) == FORM_MILESTONE ? milestone_time(plan, s)
						     : DAY_END;
}

/* Working minutes of a standard day from 08:00 to @p t. */
static int
working_minutes_to(int t)
{
	if (t <= DAY_START)
		return 0;
	if (t <= 12 * 60)
		return t - DAY_START;
	if (t <= 13 * 60)
		return 4 * 60;
	if (t <= DAY_END)
		return 4 * 60 + t - 13 * 60;
	return MINUTES_PER_DAY;
}

static enum tp_status
elem(struct mspdi_ctx *c, const char *name, const char *value)
{
	return tp_xo_elem(&c->w, name, value);
}

static enum tp_status
elem_int(struct mspdi_ctx *c, const char *name, long value)
{
	return tp_xo_elem_long(&c->w, name, value);
}

static enum tp_status
start(struct mspdi_ctx *c, const char *name)
{
	return tp_xo_start(&c->w, name);
}

static enum tp_status
end(struct mspdi_ctx *c)
{
	return tp_xo_end(&c->w);
}

/* "YYYY-MM-DDThh:mm:00" for @p minutes (0-1440) after midnight of @p d. */
static enum tp_status
elem_datetime(struct mspdi_ctx *c, const char *name, struct tp_date d,
	      int minutes)
{
	char buf[TP_DATE_STRLEN + 10];
	unsigned h = (unsigned)minutes / 60 % 100, m = (unsigned)minutes % 60;
	tp_date_format(d, buf);
	buf[10] = 'T';
	buf[11] = (char)('0' + h / 10);
	buf[12] = (char)('0' + h % 10);
	buf[13] = ':';
	buf[14] = (char)('0' + m / 10);
	buf[15] = (char)('0' + m % 10);
	memcpy(buf + 16, ":00", 4);
	return tp_xo_elem_raw(&c->w, name, buf);
}

/* An xsd:duration of @p minutes (may be negative: not for durations):
 * "PT%ldH%ldM0S" of its hours and minutes. */
static enum tp_status
elem_duration(struct mspdi_ctx *c, const char *name, long minutes)
{
	char buf[64];
	struct tp_strb b;
	tp_strb_init(&b, buf, sizeof(buf));
	tp_strb_cat(&b, "PT");
	tp_strb_int(&b, minutes / 60);
	tp_strb_cat(&b, "H");
	tp_strb_int(&b, minutes % 60);
	tp_strb_cat(&b, "M0S");
	return tp_xo_elem_raw(&c->w, name, buf);
}

/* ---- calendars --------------------------------------------------------- */

static enum tp_status
working_times(struct mspdi_ctx *c)
{
	static const char *const times[][2] = {{"08:00:00", "12:00:00"},
					       {"13:00:00", "17:00:00"}};
	enum tp_status rc = start(c, "WorkingTimes");
	for (size_t i = 0; rc == TP_OK && i < 2; i++) {
		rc = start(c, "WorkingTime");
		if (rc == TP_OK)
			rc = elem(c, "FromTime", times[i][0]);
		if (rc == TP_OK)
			rc = elem(c, "ToTime", times[i][1]);
		if (rc == TP_OK)
			rc = end(c);
	}
	return rc == TP_OK ? end(c) : rc;
}

/* WeekDays: MSPDI DayType 1 = Sunday ... 7 = Saturday. Which days are
 * the weekend is read off a week of the calendar. */
static enum tp_status
week_days(struct mspdi_ctx *c, const struct cal_entry *e)
{
	const struct tp_calendar *cal = e->cal;
	struct tp_date d = e->first;
	d.day -= (int32_t)tp_date_weekday(d) - 1; /* the Monday */
	if (d.day < tp_calendar_first_day(cal).day)
		d.day += 7;
	enum tp_status rc = start(c, "WeekDays");
	for (int i = 0; rc == TP_OK && i < 7; i++) {
		struct tp_day_info info;
		struct tp_date day = {d.day + i};
		rc = tp_calendar_day_info(cal, day, &info, c->err);
		int iso = (int)tp_date_weekday(day);
		if (rc == TP_OK)
			rc = start(c, "WeekDay");
		if (rc == TP_OK)
			rc = elem_int(c, "DayType", iso % 7 + 1);
		if (rc == TP_OK)
			rc = elem_int(c, "DayWorking", !info.weekend);
		if (rc == TP_OK && !info.weekend)
			rc = working_times(c);
		if (rc == TP_OK)
			rc = end(c);
	}
	return rc == TP_OK ? end(c) : rc;
}

static enum tp_status
write_exception(struct mspdi_ctx *c)
{
	enum tp_status rc = start(c, "Exception");
	if (rc == TP_OK)
		rc = elem_int(c, "EnteredByOccurrences", 0);
	if (rc == TP_OK)
		rc = start(c, "TimePeriod");
	if (rc == TP_OK)
		rc = elem_datetime(c, "FromDate", c->from, 0);
	if (rc == TP_OK)
		rc = elem_datetime(c, "ToDate", c->to, 23 * 60 + 59);
	if (rc == TP_OK)
		rc = end(c);
	if (rc == TP_OK)
		rc = elem_int(c, "Occurrences", 1);
	if (rc == TP_OK)
		rc = elem(c, "Name", c->name);
	if (rc == TP_OK)
		rc = elem_int(c, "Type", 1); /* daily */
	if (rc == TP_OK)
		rc = elem_int(c, "DayWorking", 0);
	return rc == TP_OK ? end(c) : rc;
}

/* Holidays and closures on weekdays (Christmas Day 2011 fell on a Sunday:
 * no exception needed), consecutive days of the same
 * name merged into one exception. */
static int
collect_exception(struct tp_date d, const struct tp_day_info *info, void *user)
{
	struct mspdi_ctx *c = user;
	if (info->working || info->weekend)
		return 0; /* the WeekDays already make it non-working */
	const char *name = info->holiday && info->holiday->name
				   ? info->holiday->name
				   : "holiday";
	if (c->open && c->to.day + 1 == d.day && !strcmp(c->name, name)) {
		c->to = d;
		return 0;
	}
	if (c->open && (c->rc = write_exception(c)) != TP_OK)
		return 1;
	c->open = true;
	c->from = c->to = d;
	c->name = name;
	return 0;
}

static enum tp_status
exceptions(struct mspdi_ctx *c, const struct cal_entry *e)
{
	/* From the start of the first plan on it to a year after the finish
	 * of the last (a client may reschedule later), within the calendar's
	 * range. */
	const struct tp_calendar *cal = e->cal;
	struct tp_date a = e->first;
	struct tp_date b = e->last;
	struct tp_date first = tp_calendar_first_day(cal);
	struct tp_date last = tp_calendar_last_day(cal);
	if (a.day < first.day)
		a = first;
	if (b.day > last.day)
		b = last;
	enum tp_status rc = start(c, "Exceptions");
	c->open = false;
	c->rc = TP_OK;
	if (rc == TP_OK && a.day <= b.day)
		rc = tp_calendar_foreach_non_working(
			cal, a, b, collect_exception, c, NULL, c->err);
	if (rc == TP_OK)
		rc = c->rc;
	if (rc == TP_OK && c->open)
		rc = write_exception(c);
	return rc == TP_OK ? end(c) : rc;
}

/* "Working days", and in a portfolio the plan that first uses it:
 * "Working days (hartlepool-2011 and 3 other plans)". */
static void
calendar_name(const struct mspdi_ctx *c, const struct cal_entry *e, char *buf,
	      size_t size)
{
	const char *what =
		e->statutory ? "Statutory working days" : "Working days";
	const struct tp_plan *p = tp_schedule_plan(c->job->scheds[e->plan]);
	const char *id = tp_plan_id(p);
	char who[300], more[64] = "";
	if (!c->portfolio) {
		snprintf(buf, size, "%s", what);
		return;
	}
	if (id)
		snprintf(who, sizeof(who), "%s", id);
	else
		snprintf(who, sizeof(who), "plan %zu", e->plan + 1);
	if (e->users > 1)
		snprintf(more, sizeof(more), " and %zu other plan%s",
			 e->users - 1, e->users == 2 ? "" : "s");
	snprintf(buf, size, "%s (%s%s)", what, who, more);
}

static enum tp_status
calendar(struct mspdi_ctx *c, const struct cal_entry *e)
{
	char name[400];
	calendar_name(c, e, name, sizeof(name));
	enum tp_status rc = start(c, "Calendar");
	if (rc == TP_OK)
		rc = elem_int(c, "UID", e->uid);
	if (rc == TP_OK)
		rc = elem(c, "Name", name);
	if (rc == TP_OK)
		rc = elem_int(c, "IsBaseCalendar", 1);
	if (rc == TP_OK)
		rc = elem_int(c, "BaseCalendarUID", -1);
	if (rc == TP_OK)
		rc = week_days(c, e);
	if (rc == TP_OK)
		rc = exceptions(c, e);
	return rc == TP_OK ? end(c) : rc;
}

static enum tp_status
calendars(struct mspdi_ctx *c)
{
	enum tp_status rc = start(c, "Calendars");
	for (size_t i = 0; rc == TP_OK && i < c->n_cals; i++)
		rc = calendar(c, &c->cals[i]);
	return rc == TP_OK ? end(c) : rc;
}

/* The statutory calendar if a stage counts on it and it is not the plan's
 * own, else NULL. */
static const struct tp_calendar *
statutory_in_use(const struct tp_plan *plan)
{
	const struct tp_calendar *st = tp_plan_statutory_calendar(plan);
	if (!st || st == tp_plan_calendar(plan))
		return NULL;
	tp_plan_foreach_stage (plan, s) {
		if (tp_plan_stage_calendar(plan, s) == st)
			return st;
	}
	return NULL;
}

static int
cmp_cal(const void *a, const void *b)
{
	const struct cal_entry *x = a, *y = b;
	uintptr_t p = (uintptr_t)x->cal, q = (uintptr_t)y->cal;
	if (p != q)
		return (p > q) - (p < q);
	return (x->seq > y->seq) - (x->seq < y->seq);
}

static int
cmp_seq(const void *a, const void *b)
{
	const struct cal_entry *x = a, *y = b;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* One entry per distinct calendar: the days of every plan on it, the
 * first plan, the count; entries sorted by address. */
static size_t
merge_calendars(struct cal_entry *v, size_t n)
{
	size_t m = 0;
	qsort(v, n, sizeof(*v), cmp_cal);
	for (size_t i = 0; i < n; i++) {
		struct cal_entry *e = &v[m - (m > 0)];
		if (m > 0 && e->cal == v[i].cal) {
			e->first.day = v[i].first.day < e->first.day
					       ? v[i].first.day
					       : e->first.day;
			e->last.day = v[i].last.day > e->last.day
					      ? v[i].last.day
					      : e->last.day;
			e->users += v[i].plan != e->plan || !e->users;
			continue;
		}
		v[m] = v[i];
		v[m++].users = 1;
	}
	return m;
}

static void
add_calendar(struct cal_entry *v, size_t *n, const struct tp_calendar *cal,
	     size_t plan, bool statutory, const struct tp_schedule *s)
{
	v[*n] = (struct cal_entry){
		.cal = cal,
		.first = tp_schedule_plan_start(s),
		.last = {tp_schedule_plan_finish(s).day + 366},
		.plan = plan,
		.statutory = statutory,
		.seq = *n,
	};
	(*n)++;
}

/* Every distinct calendar of the plans, numbered in order of first use
 * (the first plan's own is CAL_PLAN): c->cals in that order, c->by_cal
 * by address for calendar_uid(). Also the portfolio's first and last
 * days. */
static enum tp_status
collect_calendars(struct mspdi_ctx *c)
{
	size_t n = 0, k = c->job->n;
	struct cal_entry *v = malloc(2 * k * sizeof(*v));
	if (!v)
		return tp_error_nomem(c->err);
	c->start.day = INT32_MAX;
	c->finish.day = INT32_MIN;
	for (size_t i = 0; i < k; i++) {
		const struct tp_schedule *s = c->job->scheds[i];
		const struct tp_plan *p = tp_schedule_plan(s);
		const struct tp_calendar *st = statutory_in_use(p);
		if (!tp_plan_calendar(p)) {
			free(v);
			return tp_error_setf(c->err, TP_ERR_INVALID, NULL,
					     k > 1 ? "plan %zu has no calendar"
						   : "the plan has no calendar",
					     i + 1);
		}
		add_calendar(v, &n, tp_plan_calendar(p), i, false, s);
		if (st)
			add_calendar(v, &n, st, i, true, s);
		if (tp_schedule_plan_start(s).day < c->start.day)
			c->start = tp_schedule_plan_start(s);
		if (tp_schedule_plan_finish(s).day > c->finish.day)
			c->finish = tp_schedule_plan_finish(s);
	}
	n = merge_calendars(v, n);
	c->by_cal = malloc(n * sizeof(*v));
	if (!c->by_cal) {
		free(v);
		return tp_error_nomem(c->err);
	}
	qsort(v, n, sizeof(*v), cmp_seq);
	for (size_t i = 0; i < n; i++)
		v[i].uid = (long)i + 1;
	memcpy(c->by_cal, v, n * sizeof(*v));
	qsort(c->by_cal, n, sizeof(*v), cmp_cal);
	c->cals = v;
	c->n_cals = n;
	return TP_OK;
}

/* A task's CalendarUID: -1 for the project calendar (and any not
 * written, which cannot happen). */
static long
calendar_uid(const struct mspdi_ctx *c, const struct tp_calendar *cal)
{
	struct cal_entry key = {.cal = cal};
	size_t lo = 0, hi = c->n_cals;
	while (lo < hi) { /* the entry of @p cal: seq is not compared */
		size_t mid = lo + (hi - lo) / 2;
		uintptr_t p = (uintptr_t)c->by_cal[mid].cal;
		if (p < (uintptr_t)key.cal)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < c->n_cals && c->by_cal[lo].cal == cal &&
	    c->by_cal[lo].uid != CAL_PLAN)
		return c->by_cal[lo].uid;
	return -1;
}

static long
stage_uid(const struct mspdi_ctx *c, size_t s)
{
	return c->uid_base + (long)s + 1;
}

/* ---- links ------------------------------------------------------------- */

/* MSPDI link types: 0 FF, 1 FS, 2 SF, 3 SS. */
static int
link_type(enum tp_dep_type t)
{
	switch (t) {
	case TP_DEP_FINISH_TO_FINISH:
		return 0;
	case TP_DEP_START_TO_FINISH:
		return 2;
	case TP_DEP_START_TO_START:
		return 3;
	case TP_DEP_FINISH_TO_START:
	default:
		return 1;
	}
}

/* A lag in minutes, working time or elapsed. */
struct lag {
	long minutes;
	bool elapsed;
};

/* Which end of each stage a dependency links: true for the start. */
static bool
links_pred_start(enum tp_dep_type t)
{
	return t == TP_DEP_START_TO_START || t == TP_DEP_START_TO_FINISH;
}

static bool
links_succ_start(enum tp_dep_type t)
{
	return t == TP_DEP_FINISH_TO_START || t == TP_DEP_START_TO_START;
}

/* The schedule's moment of one end of a stage, in elapsed minutes from
 * the epoch of struct tp_date. */
static long
moment(const struct mspdi_ctx *c, size_t s, bool at_start)
{
	struct tp_date d = at_start ? tp_schedule_early_start(c->sched, s)
				    : tp_schedule_early_finish(c->sched, s);
	int t = at_start ? start_time(c->plan, s) : finish_time(c->plan, s);
	return (long)d.day * ELAPSED_DAY + t;
}

/* The lag that gives the successor tenderplan's day (see the top of the
 * file). "Days" is how many days the rule moves from the predecessor's
 * day: L, plus one for "the day after" (finish-to-start), minus one for
 * "the day before" (start-to-finish). */
static struct lag
dependency_lag(const struct mspdi_ctx *c, const struct tp_dependency *d)
{
	bool ps = links_pred_start(d->type), ss = links_succ_start(d->type);
	long days = d->lag + (d->type == TP_DEP_FINISH_TO_START) -
		    (d->type == TP_DEP_START_TO_FINISH);
	int from = ps ? start_time(c->plan, d->from)
		      : finish_time(c->plan, d->from);
	enum form sf = stage_form(c->plan, d->to);
	int to = ss ? start_time(c->plan, d->to) : finish_time(c->plan, d->to);
	/* does the successor's end move on by itself to a working day? */
	bool moves = ss && sf == FORM_WORKING;
	bool any_day = ss && sf == FORM_PERIOD;
	struct lag g = {0, true};
	if (days == 0) {
		/* the same day: the difference of the times, exact anywhere */
		g.minutes = to - from;
	} else if (d->lag_unit == TP_UNIT_WORKING_DAYS && !any_day) {
		g.elapsed = false;
		g.minutes = days * MINUTES_PER_DAY + working_minutes_to(to) -
			    working_minutes_to(from);
	} else if (d->lag_unit == TP_UNIT_CALENDAR_DAYS && (moves || any_day)) {
		g.minutes = days * ELAPSED_DAY + (moves ? 0 : to) - from;
	} else if (d->lag_unit == TP_UNIT_CALENDAR_DAYS && d->lag == 0) {
		/* the first working day after: as 0 working days */
		g.elapsed = false;
		g.minutes = days * MINUTES_PER_DAY + working_minutes_to(to) -
			    working_minutes_to(from);
	} else {
		/* no client form: the schedule's own gap */
		g.minutes = moment(c, d->to, ss) - moment(c, d->from, ps);
	}
	if (!g.elapsed && g.minutes == 0)
		g.elapsed = d->lag_unit == TP_UNIT_CALENDAR_DAYS;
	return g;
}

/* Every link carries LinkLag and LagFormat, even at zero lag: some
 * importers require both. */
static enum tp_status
predecessor_link(struct mspdi_ctx *c, const struct tp_dependency *d)
{
	struct lag g = dependency_lag(c, d);
	int format = !g.elapsed                ? FORMAT_DAYS
		     : g.minutes % ELAPSED_DAY ? FORMAT_ELAPSED_HOURS
					       : FORMAT_ELAPSED_DAYS;
	enum tp_status rc = start(c, "PredecessorLink");
	if (rc == TP_OK)
		rc = elem_int(c, "PredecessorUID", stage_uid(c, d->from));
	if (rc == TP_OK)
		rc = elem_int(c, "Type", link_type(d->type));
	if (rc == TP_OK)
		rc = elem_int(c, "CrossProject", 0);
	if (rc == TP_OK)
		rc = elem_int(c, "LinkLag", g.minutes * 10);
	if (rc == TP_OK)
		rc = elem_int(c, "LagFormat", format);
	return rc == TP_OK ? end(c) : rc;
}

static enum tp_status
links(struct mspdi_ctx *c, size_t s)
{
	enum tp_status rc = TP_OK;
	for (size_t k = c->deps.start[s];
	     rc == TP_OK && k < c->deps.start[s + 1]; k++) {
		struct tp_dependency d;
		if (tp_plan_dependency(c->plan, c->deps.deps[k], &d))
			rc = predecessor_link(c, &d);
	}
	return rc;
}

/* ---- constraints and deadlines ----------------------------------------- */

/* MSPDI constraint types. */
enum {
	MS_ASAP = 0,
	MS_MUST_START_ON = 2,
	MS_MUST_FINISH_ON = 3,
	MS_START_NO_EARLIER = 4,
	MS_FINISH_NO_EARLIER = 6,
	MS_FINISH_NO_LATER = 7,
};

/* What a task is written with: at most one constraint (MS Project holds
 * one per task), and a deadline. */
struct limits {
	int type;
	struct tp_date date;
	int minutes;
	bool deadline;
	struct tp_date deadline_date;
};

/* The plan's constraint to write for @p s: the one that set its early
 * start, else its first. False if it has none. */
static bool
plan_constraint(const struct mspdi_ctx *c, size_t s, struct tp_constraint *k)
{
	struct tp_reason why;
	if (tp_schedule_early_reason(c->sched, s, &why) &&
	    why.kind == TP_REASON_CONSTRAINT &&
	    tp_plan_constraint(c->plan, why.index, k) && k->stage == s)
		return true;
	/* the stage's first constraint, indexed by plan_tasks() (#11: each
	 * stage read every constraint of the plan) */
	return c->first_con[s] != SIZE_MAX &&
	       tp_plan_constraint(c->plan, c->first_con[s], k);
}

/* For each stage of the plan, its first constraint (SIZE_MAX: none). */
static enum tp_status
index_constraints(struct mspdi_ctx *c)
{
	size_t n = tp_plan_stage_count(c->plan);
	c->first_con = malloc((n ? n : 1) * sizeof(*c->first_con));
	if (!c->first_con)
		return tp_error_nomem(c->err);
	for (size_t s = 0; s < n; s++)
		c->first_con[s] = SIZE_MAX;
	for (size_t i = tp_plan_constraint_count(c->plan); i-- > 0;) {
		struct tp_constraint k;
		if (tp_plan_constraint(c->plan, i, &k) && k.stage < n)
			c->first_con[k.stage] = i;
	}
	return TP_OK;
}

/* @p d, or for a stage that may start (@p at_start) or finish only on a
 * working day of its calendar, the first such day from @p d on, as the
 * schedule moves constraint dates (a week at most; else @p d). */
static struct tp_date
roll(const struct mspdi_ctx *c, size_t s, struct tp_date d, bool at_start)
{
	const struct tp_calendar *cal = tp_plan_stage_calendar(c->plan, s);
	if (at_start && stage_form(c->plan, s) == FORM_PERIOD)
		return d;
	for (int i = 0; i < 7; i++) {
		struct tp_date x = {d.day + i};
		bool working = false;
		if (tp_calendar_is_working_day(cal, x, &working, NULL) != TP_OK)
			break;
		if (working)
			return x;
	}
	return d;
}

static void
from_plan_constraint(const struct mspdi_ctx *c, size_t s,
		     const struct tp_constraint *k, struct limits *l)
{
	struct tp_date es = tp_schedule_early_start(c->sched, s);
	struct tp_date ef = tp_schedule_early_finish(c->sched, s);
	l->date = roll(c, s, k->date, true);
	l->minutes = start_time(c->plan, s);
	switch (k->type) {
	case TP_CONSTRAINT_START_NO_EARLIER_THAN:
		l->type = MS_START_NO_EARLIER;
		break;
	case TP_CONSTRAINT_START_ON:
		l->type = es.day == k->date.day ? MS_MUST_START_ON
						: MS_START_NO_EARLIER;
		break;
	case TP_CONSTRAINT_FINISH_NO_LATER_THAN:
		l->type = MS_FINISH_NO_LATER;
		l->date = k->date;
		l->minutes = finish_time(c->plan, s);
		break;
	case TP_CONSTRAINT_FINISH_ON:
	default:
		l->type = ef.day == k->date.day ? MS_MUST_FINISH_ON
						: MS_FINISH_NO_EARLIER;
		l->date = roll(c, s, k->date, false);
		l->minutes = finish_time(c->plan, s);
		break;
	}
	/* an on-date the schedule misses: a deadline shows the miss */
	bool missed = (k->type == TP_CONSTRAINT_START_ON &&
		       l->type == MS_START_NO_EARLIER &&
		       tp_plan_stage_is_milestone(c->plan, s)) ||
		      l->type == MS_FINISH_NO_EARLIER;
	if (missed && (!l->deadline || k->date.day < l->deadline_date.day)) {
		l->deadline = true;
		l->deadline_date = k->date;
	}
}

static struct limits
task_limits(const struct mspdi_ctx *c, size_t s)
{
	struct limits l = {.type = MS_ASAP};
	struct tp_reason why = {0};
	struct tp_constraint k;
	bool contract =
		tp_plan_stage_kind(c->plan, s) == TP_STAGE_CONTRACT_START &&
		tp_schedule_has_contract_start(c->sched);
	/* a published deadline: its planned date; the contract start: the
	 * latest day the schedule allows it (the required date, moved back to
	 * a working day) */
	if (tp_export_stage_shape(c->plan, s) == TP_SHAPE_DEADLINE) {
		l.deadline = true;
		l.deadline_date = tp_schedule_early_finish(c->sched, s);
	}
	if (contract) {
		l.deadline = true;
		l.deadline_date = tp_schedule_late_finish(c->sched, s);
	}
	(void)tp_schedule_early_reason(c->sched, s, &why);
	if (plan_constraint(c, s, &k)) {
		from_plan_constraint(c, s, &k, &l);
		if (why.kind == TP_REASON_CONSTRAINT)
			return l;
	}
	/* the schedule set the early start by something other than links
	 * and the project start: hold the stage there */
	bool by_start = why.kind == TP_REASON_START_DATE ||
			why.kind == TP_REASON_PLAN_START;
	bool hold = why.kind == TP_REASON_CONTRACT_START ||
		    why.kind == TP_REASON_CRITICAL_PATH ||
		    /* what happened, today, a meeting, a report deadline */
		    why.kind >= TP_REASON_ACTUAL ||
		    (by_start && (stage_form(c->plan, s) == FORM_MILESTONE ||
				  /* the project starts with another plan */
				  c->portfolio));
	if (hold && l.type != MS_MUST_START_ON) {
		l.type = MS_START_NO_EARLIER;
		l.date = tp_schedule_early_start(c->sched, s);
		l.minutes = start_time(c->plan, s);
	}
	return l;
}

static enum tp_status
constraint(struct mspdi_ctx *c, size_t s, const struct limits *l)
{
	long uid = calendar_uid(c, tp_plan_stage_calendar(c->plan, s));
	enum tp_status rc = elem_int(c, "ConstraintType", l->type);
	if (rc == TP_OK)
		rc = elem_int(c, "CalendarUID", uid);
	if (rc == TP_OK && l->type != MS_ASAP)
		rc = elem_datetime(c, "ConstraintDate", l->date, l->minutes);
	if (rc == TP_OK && l->deadline)
		rc = elem_datetime(c, "Deadline", l->deadline_date,
				   finish_time(c->plan, s));
	return rc;
}

/* ---- tasks ------------------------------------------------------------- */

/* The duration as the schedule gave it: working time for a working-day
 * stage, elapsed time from 00:00 on its start day to 17:00 on its finish
 * day for a period, nothing for a milestone. */
static enum tp_status
task_dates(struct mspdi_ctx *c, size_t s)
{
	enum form f = stage_form(c->plan, s);
	struct tp_date es = tp_schedule_early_start(c->sched, s);
	struct tp_date ef = tp_schedule_early_finish(c->sched, s);
	int32_t wd = 0;
	long minutes = 0;
	enum tp_status rc = TP_OK;
	if (f == FORM_WORKING) {
		rc = tp_schedule_working_days(c->sched, s, TP_PASS_EARLY, &wd,
					      c->err);
		minutes = (long)wd * MINUTES_PER_DAY;
	} else if (f == FORM_PERIOD) {
		minutes = (long)(ef.day - es.day) * ELAPSED_DAY + DAY_END;
	}
	if (rc == TP_OK)
		rc = elem_datetime(c, "Start", es, start_time(c->plan, s));
	if (rc == TP_OK)
		rc = elem_datetime(c, "Finish", ef, finish_time(c->plan, s));
	if (rc == TP_OK)
		rc = elem_duration(c, "Duration", minutes);
	if (rc == TP_OK)
		rc = elem_int(c, "DurationFormat",
			      f == FORM_PERIOD ? FORMAT_ELAPSED_DAYS
					       : FORMAT_DAYS);
	return rc;
}

/* What has happened (`started`, `done`): ActualStart and ActualFinish at
 * the stage's own times of day, and 100 % complete once done, so that a
 * client tracks progress as the plan does (pj12 puts them after
 * TotalSlack, before the constraint). */
static enum tp_status
actuals(struct mspdi_ctx *c, size_t s)
{
	struct tp_date a, f;
	bool started = tp_plan_stage_actual_start(c->plan, s, &a);
	bool done = tp_plan_stage_actual_finish(c->plan, s, &f);
	enum tp_status rc = TP_OK;

	if (done)
		rc = elem_int(c, "PercentComplete", 100);
	if (rc == TP_OK && started)
		rc = elem_datetime(c, "ActualStart", a, start_time(c->plan, s));
	if (rc == TP_OK && done)
		rc = elem_datetime(c, "ActualFinish", f,
				   finish_time(c->plan, s));
	return rc;
}

/* Text1: the stated duration ("28 calendar-days"), which a period's
 * elapsed span may exceed. */
/* "N UNIT", the duration as the plan states it. */
static enum tp_status
stated_value(struct mspdi_ctx *c, size_t s)
{
	char buf[64];
	struct tp_strb b;
	tp_strb_init(&b, buf, sizeof(buf));
	tp_strb_int(&b, (long)tp_plan_stage_amount(c->plan, s));
	tp_strb_cat(&b, " ");
	tp_strb_cat(&b, tp_unit_name(tp_plan_stage_unit(c->plan, s)));
	return elem(c, "Value", buf);
}

static enum tp_status
stated_duration(struct mspdi_ctx *c, size_t s)
{
	if (tp_plan_stage_is_milestone(c->plan, s))
		return TP_OK;
	enum tp_status rc = start(c, "ExtendedAttribute");
	if (rc == TP_OK)
		rc = elem(c, "FieldID", FIELD_TEXT1);
	if (rc == TP_OK)
		rc = stated_value(c, s);
	return rc == TP_OK ? end(c) : rc;
}

static enum tp_status
task(struct mspdi_ctx *c, size_t s)
{
	const char *name = tp_plan_stage_name(c->plan, s);
	struct limits l = task_limits(c, s);
	char num[48];
	struct tp_strb b; /* "PLAN.STAGE" in a portfolio, "STAGE" alone */
	tp_strb_init(&b, num, sizeof(num));
	if (c->portfolio) {
		tp_strb_int(&b, (long long)c->index + 1);
		tp_strb_cat(&b, ".");
	}
	tp_strb_int(&b, (long long)s + 1);
	enum tp_status rc = start(c, "Task");
	if (rc == TP_OK)
		rc = elem_int(c, "UID", stage_uid(c, s));
	if (rc == TP_OK)
		rc = elem_int(c, "ID", stage_uid(c, s));
	if (rc == TP_OK)
		rc = elem(c, "Name",
			  name ? name : tp_plan_stage_id(c->plan, s));
	if (rc == TP_OK)
		rc = elem_int(c, "Type", 1); /* fixed duration */
	if (rc == TP_OK)
		rc = elem_int(c, "IsNull", 0);
	if (rc == TP_OK)
		rc = elem(c, "WBS", num);
	if (rc == TP_OK)
		rc = elem(c, "OutlineNumber", num);
	if (rc == TP_OK)
		rc = elem_int(c, "OutlineLevel", 1 + c->portfolio);
	if (rc == TP_OK)
		rc = task_dates(c, s);
	if (rc == TP_OK)
		rc = elem_int(c, "Milestone",
			      tp_plan_stage_is_milestone(c->plan, s));
	if (rc == TP_OK)
		rc = elem_int(c, "Summary", 0);
	if (rc == TP_OK)
		rc = elem_int(c, "Critical",
			      tp_schedule_is_critical(c->sched, s));
	if (rc == TP_OK)
		rc = elem_int(c, "TotalSlack",
			      (long)tp_schedule_total_float(c->sched, s) *
				      MINUTES_PER_DAY * 10);
	if (rc == TP_OK)
		rc = actuals(c, s);
	if (rc == TP_OK)
		rc = constraint(c, s, &l);
	if (rc == TP_OK && tp_plan_stage_notes(c->plan, s))
		rc = elem(c, "Notes", tp_plan_stage_notes(c->plan, s));
	if (rc == TP_OK)
		rc = links(c, s);
	if (rc == TP_OK)
		rc = stated_duration(c, s);
	return rc == TP_OK ? end(c) : rc;
}

static void
select_plan(struct mspdi_ctx *c, size_t i)
{
	c->index = i;
	c->sched = c->job->scheds[i];
	c->plan = tp_schedule_plan(c->sched);
	c->cal = tp_plan_calendar(c->plan);
}

/* A portfolio's summary task of the plan: from its first stage's start
 * to its last one's finish (the moments its stages are written at), the
 * plan's name and id; a client works its dates out from the stages. */
static enum tp_status
summary_task(struct mspdi_ctx *c)
{
	const char *name = tp_plan_name(c->plan), *id = tp_plan_id(c->plan);
	char num[32], title[600];
	long a = LONG_MAX, b = LONG_MIN;
	tp_plan_foreach_stage (c->plan, s) {
		long m0 = moment(c, s, true), m1 = moment(c, s, false);
		a = m0 < a ? m0 : a;
		b = m1 > b ? m1 : b;
	}
	if (a > b) /* no stages: the plan's start */
		a = b = (long)tp_schedule_plan_start(c->sched).day *
			ELAPSED_DAY;
	snprintf(num, sizeof(num), "%zu", c->index + 1);
	if (name && id)
		snprintf(title, sizeof(title), "%s (%s)", name, id);
	else
		snprintf(title, sizeof(title), "%s",
			 name ? name
			 : id ? id
			      : "Tender timetable");
	tp_utf8_mend_end(title); /* a long name cut short */
	enum tp_status rc = start(c, "Task");
	if (rc == TP_OK)
		rc = elem_int(c, "UID", c->uid_base);
	if (rc == TP_OK)
		rc = elem_int(c, "ID", c->uid_base);
	if (rc == TP_OK)
		rc = elem(c, "Name", title);
	if (rc == TP_OK)
		rc = elem_int(c, "Type", 1);
	if (rc == TP_OK)
		rc = elem_int(c, "IsNull", 0);
	if (rc == TP_OK)
		rc = elem(c, "WBS", num);
	if (rc == TP_OK)
		rc = elem(c, "OutlineNumber", num);
	if (rc == TP_OK)
		rc = elem_int(c, "OutlineLevel", 1);
	if (rc == TP_OK)
		rc = elem_datetime(c, "Start",
				   (struct tp_date){(int32_t)(a / ELAPSED_DAY)},
				   (int)(a % ELAPSED_DAY));
	if (rc == TP_OK)
		rc = elem_datetime(c, "Finish",
				   (struct tp_date){(int32_t)(b / ELAPSED_DAY)},
				   (int)(b % ELAPSED_DAY));
	if (rc == TP_OK)
		rc = elem_duration(c, "Duration", b - a);
	if (rc == TP_OK)
		rc = elem_int(c, "DurationFormat", FORMAT_ELAPSED_HOURS);
	if (rc == TP_OK)
		rc = elem_int(c, "Milestone", 0);
	if (rc == TP_OK)
		rc = elem_int(c, "Summary", 1);
	if (rc == TP_OK)
		rc = elem_int(c, "ConstraintType", MS_ASAP);
	if (rc == TP_OK)
		rc = elem_int(c, "CalendarUID", -1);
	return rc == TP_OK ? end(c) : rc;
}

/* One plan's tasks, with the links into each stage indexed. */
static enum tp_status
plan_tasks(struct mspdi_ctx *c)
{
	enum tp_status rc = tp_dep_index_build(c->plan, &c->deps, c->err);
	if (rc == TP_OK)
		rc = index_constraints(c);
	if (rc == TP_OK && c->portfolio)
		rc = summary_task(c);
	tp_plan_foreach_stage (c->plan, s) {
		if (rc == TP_OK)
			rc = task(c, s);
	}
	tp_dep_index_free(&c->deps);
	free(c->first_con);
	c->first_con = NULL;
	return rc;
}

static enum tp_status
tasks(struct mspdi_ctx *c)
{
	enum tp_status rc = start(c, "Tasks");
	long next = 1;
	for (size_t i = 0; rc == TP_OK && i < c->job->n; i++) {
		select_plan(c, i);
		/* one plan: stages from UID 1; a portfolio: the summary, then
		 * its stages */
		c->uid_base = c->portfolio ? next : 0;
		next += (long)tp_plan_stage_count(c->plan) + c->portfolio;
		rc = plan_tasks(c);
	}
	return rc == TP_OK ? end(c) : rc;
}

/* The custom field that keeps the stated durations. */
static enum tp_status
extended_attributes(struct mspdi_ctx *c)
{
	enum tp_status rc = start(c, "ExtendedAttributes");
	if (rc == TP_OK)
		rc = start(c, "ExtendedAttribute");
	if (rc == TP_OK)
		rc = elem(c, "FieldID", FIELD_TEXT1);
	if (rc == TP_OK)
		rc = elem(c, "FieldName", "Text1");
	if (rc == TP_OK)
		rc = elem(c, "Alias", "Stated duration");
	if (rc == TP_OK)
		rc = end(c);
	return rc == TP_OK ? end(c) : rc;
}

/* Scheduled from the start: the exported dates are early dates, which a
 * forward pass from the plan's start (with only a contract start, its
 * latest start) reproduces; scheduling from the finish would put the
 * stages off the critical path on their late dates. HonorConstraints 0:
 * links win over a constraint that cannot be met, as in tenderplan. */
static enum tp_status
header(struct mspdi_ctx *c)
{
	const char *name = tp_plan_name(c->plan), *id = tp_plan_id(c->plan);
	const char *title = c->job->opt->title;
	enum tp_status rc = elem_int(c, "SaveVersion", 12);
	if (c->portfolio) {
		name = title ? title : "Tender timetables";
		id = "tenderplan-portfolio";
	}
	if (rc == TP_OK)
		rc = elem(c, "Name", id ? id : "tenderplan");
	if (rc == TP_OK)
		rc = elem(c, "Title", name ? name : "Tender timetable");
	if (rc == TP_OK && !c->portfolio)
		rc = elem_int(c, "Revision", (long)tp_plan_revision(c->plan));
	if (rc == TP_OK)
		rc = elem_int(c, "ScheduleFromStart", 1);
	if (rc == TP_OK)
		rc = elem_datetime(c, "StartDate", c->start, 0);
	if (rc == TP_OK)
		rc = elem_datetime(c, "FinishDate", c->finish, DAY_END);
	if (rc == TP_OK)
		rc = elem_int(c, "CurrencyDigits", 2);
	if (rc == TP_OK)
		rc = elem(c, "CurrencySymbol", "\xc2\xa3"); /* pound sign */
	if (rc == TP_OK)
		rc = elem(c, "CurrencyCode", "GBP");
	if (rc == TP_OK)
		rc = elem_int(c, "CalendarUID", CAL_PLAN);
	if (rc == TP_OK)
		rc = elem(c, "DefaultStartTime", "08:00:00");
	if (rc == TP_OK)
		rc = elem(c, "DefaultFinishTime", "17:00:00");
	if (rc == TP_OK)
		rc = elem_int(c, "MinutesPerDay", MINUTES_PER_DAY);
	if (rc == TP_OK)
		rc = elem_int(c, "MinutesPerWeek", MINUTES_PER_DAY * 5);
	if (rc == TP_OK)
		rc = elem_int(c, "DaysPerMonth", 20);
	if (rc == TP_OK)
		rc = elem_int(c, "DefaultTaskType", 1); /* fixed duration */
	if (rc == TP_OK)
		rc = elem_int(c, "DurationFormat", FORMAT_DAYS);
	if (rc == TP_OK)
		rc = elem_int(c, "HonorConstraints", 0);
	if (rc == TP_OK)
		rc = extended_attributes(c);
	return rc;
}

static enum tp_status
document(struct mspdi_ctx *c)
{
	enum tp_status rc = tp_xo_declaration(&c->w, true);
	if (rc == TP_OK)
		rc = start(c, "Project");
	if (rc == TP_OK)
		rc = tp_xo_attr_raw(&c->w, "xmlns",
				    "http://schemas.microsoft.com/project");
	if (rc == TP_OK)
		rc = header(c);
	if (rc == TP_OK)
		rc = calendars(c);
	if (rc == TP_OK)
		rc = tasks(c);
	return rc == TP_OK ? end(c) : rc;
}

enum tp_status
tp_export_mspdi(const struct tp_export_job *job, struct tp_sbuf *out,
		struct tp_error *err)
{
	struct mspdi_ctx c = {.job = job, .portfolio = job->n > 1, .err = err};
	enum tp_status rc = collect_calendars(&c);
	if (rc == TP_OK)
		rc = tp_xo_open(&c.w, out, err);
	if (rc != TP_OK) {
		free(c.cals);
		free(c.by_cal);
		return rc;
	}
	select_plan(&c, 0);
	rc = document(&c);
	free(c.cals);
	free(c.by_cal);
	if (rc != TP_OK) {
		tp_xo_discard(&c.w);
		return rc;
	}
	return tp_xo_close(&c.w);
}
