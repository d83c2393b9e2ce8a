/* SPDX-License-Identifier: MIT */
/* Microsoft Project XML (MSPDI, namespace
 * http://schemas.microsoft.com/project), written with libxml2's
 * xmlTextWriter: tasks linked as a live network on a calendar whose
 * exceptions are the bank holidays and closures. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "error-private.h"
#include "export-private.h"

/* An 8-hour working day, 08:00-12:00 and 13:00-17:00 (MS Project's
 * standard calendar). Lags are in tenths of a minute (MSPDI LinkLag). */
#define MINUTES_PER_DAY     480
#define LAG_PER_WORKING_DAY (MINUTES_PER_DAY * 10)
#define LAG_PER_ELAPSED_DAY (24 * 60 * 10)
/* MSPDI duration formats: 7 days, 8 elapsed days. */
#define FORMAT_DAYS         7
#define FORMAT_ELAPSED_DAYS 8

struct mspdi_ctx {
	xmlTextWriterPtr w;
	const struct tp_plan *plan;
	const struct tp_schedule *sched;
	const struct tp_calendar *cal;
	struct tp_error *err;
	/* exception being collected: a run of named non-working days */
	bool open;
	struct tp_date from, to;
	const char *name;
	enum tp_status rc;
};

static enum tp_status
elem(struct mspdi_ctx *c, const char *name, const char *value)
{
	return tp_xml_check(
		xmlTextWriterWriteElement(c->w, BAD_CAST name, BAD_CAST value),
		c->err);
}

static enum tp_status
elem_int(struct mspdi_ctx *c, const char *name, long value)
{
	return tp_xml_elemf(c->w, name, c->err, "%ld", value);
}

static enum tp_status
start(struct mspdi_ctx *c, const char *name)
{
	return tp_xml_check(xmlTextWriterStartElement(c->w, BAD_CAST name),
			    c->err);
}

static enum tp_status
end(struct mspdi_ctx *c)
{
	return tp_xml_check(xmlTextWriterEndElement(c->w), c->err);
}

static enum tp_status
elem_datetime(struct mspdi_ctx *c, const char *name, struct tp_date d,
	      int minutes)
{
	char buf[TP_DATE_STRLEN];
	tp_date_format(d, buf);
	return tp_xml_elemf(c->w, name, c->err, "%sT%02d:%02d:00", buf,
			    minutes / 60, minutes % 60);
}

/* ---- calendar ---------------------------------------------------------- */

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
week_days(struct mspdi_ctx *c)
{
	struct tp_date d = tp_schedule_plan_start(c->sched);
	d.day -= (int32_t)tp_date_weekday(d) - 1; /* the Monday */
	enum tp_status rc = start(c, "WeekDays");
	for (int i = 0; rc == TP_OK && i < 7; i++) {
		struct tp_day_info info;
		struct tp_date day = {d.day + i};
		rc = tp_calendar_day_info(c->cal, day, &info, c->err);
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
	if (!info->holiday || info->weekend)
		return 0; /* the WeekDays already make it non-working */
	const char *name =
		info->holiday->name ? info->holiday->name : "holiday";
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
exceptions(struct mspdi_ctx *c)
{
	/* From the plan's start to a year after its finish (MS Project may
	 * reschedule later), within the calendar's range. */
	struct tp_date a = tp_schedule_plan_start(c->sched);
	struct tp_date b = {tp_schedule_plan_finish(c->sched).day + 366};
	struct tp_date last = tp_calendar_last_day(c->cal);
	if (b.day > last.day)
		b = last;
	enum tp_status rc = start(c, "Exceptions");
	c->open = false;
	c->rc = TP_OK;
	if (rc == TP_OK)
		rc = tp_calendar_foreach_non_working(
			c->cal, a, b, collect_exception, c, NULL, c->err);
	if (rc == TP_OK)
		rc = c->rc;
	if (rc == TP_OK && c->open)
		rc = write_exception(c);
	return rc == TP_OK ? end(c) : rc;
}

static enum tp_status
calendars(struct mspdi_ctx *c)
{
	enum tp_status rc = start(c, "Calendars");
	if (rc == TP_OK)
		rc = start(c, "Calendar");
	if (rc == TP_OK)
		rc = elem_int(c, "UID", 1);
	if (rc == TP_OK)
		rc = elem(c, "Name", "Working days");
	if (rc == TP_OK)
		rc = elem_int(c, "IsBaseCalendar", 1);
	if (rc == TP_OK)
		rc = elem_int(c, "BaseCalendarUID", -1);
	if (rc == TP_OK)
		rc = week_days(c);
	if (rc == TP_OK)
		rc = exceptions(c);
	if (rc == TP_OK)
		rc = end(c);
	return rc == TP_OK ? end(c) : rc;
}

/* ---- tasks ----------------------------------------------------------------
 */

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

/* Every link carries LinkLag and LagFormat, even at zero lag: some
 * importers require both. */
static enum tp_status
predecessor_link(struct mspdi_ctx *c, const struct tp_dependency *d)
{
	bool working = d->lag_unit == TP_UNIT_WORKING_DAYS;
	long per = working ? LAG_PER_WORKING_DAY : LAG_PER_ELAPSED_DAY;
	enum tp_status rc = start(c, "PredecessorLink");
	if (rc == TP_OK)
		rc = elem_int(c, "PredecessorUID", (long)d->from + 1);
	if (rc == TP_OK)
		rc = elem_int(c, "Type", link_type(d->type));
	if (rc == TP_OK)
		rc = elem_int(c, "CrossProject", 0);
	if (rc == TP_OK)
		rc = elem_int(c, "LinkLag", (long)d->lag * per);
	if (rc == TP_OK)
		rc = elem_int(c, "LagFormat",
			      working ? FORMAT_DAYS : FORMAT_ELAPSED_DAYS);
	return rc == TP_OK ? end(c) : rc;
}

static enum tp_status
links(struct mspdi_ctx *c, size_t s, bool *has_pred)
{
	enum tp_status rc = TP_OK;
	*has_pred = false;
	for (size_t i = 0; rc == TP_OK && i < tp_plan_dependency_count(c->plan);
	     i++) {
		struct tp_dependency d;
		if (!tp_plan_dependency(c->plan, i, &d) || d.to != s)
			continue;
		*has_pred = true;
		rc = predecessor_link(c, &d);
	}
	return rc;
}

static bool
has_predecessor(const struct tp_plan *plan, size_t s)
{
	for (size_t i = 0; i < tp_plan_dependency_count(plan); i++) {
		struct tp_dependency d;
		if (tp_plan_dependency(plan, i, &d) && d.to == s)
			return true;
	}
	return false;
}

/* MSPDI constraint types: 0 as soon as possible, 2 must start on, 3 must
 * finish on, 4 start no earlier than, 7 finish no later than. The plan's
 * first constraint on the stage is kept (MS Project holds one per task); a
 * stage without predecessors or constraints starts no earlier than its
 * scheduled start, so the network opens where the schedule does. */
static enum tp_status
constraint(struct mspdi_ctx *c, size_t s)
{
	static const int types[] = {
		[TP_CONSTRAINT_START_NO_EARLIER_THAN] = 4,
		[TP_CONSTRAINT_START_ON] = 2,
		[TP_CONSTRAINT_FINISH_NO_LATER_THAN] = 7,
		[TP_CONSTRAINT_FINISH_ON] = 3,
	};
	for (size_t i = 0; i < tp_plan_constraint_count(c->plan); i++) {
		struct tp_constraint k;
		if (!tp_plan_constraint(c->plan, i, &k) || k.stage != s)
			continue;
		bool fin = k.type >= TP_CONSTRAINT_FINISH_NO_LATER_THAN;
		enum tp_status rc =
			elem_int(c, "ConstraintType", types[k.type]);
		if (rc == TP_OK)
			rc = elem_int(c, "CalendarUID", -1);
		return rc == TP_OK ? elem_datetime(c, "ConstraintDate", k.date,
						   fin ? 17 * 60 : 8 * 60)
				   : rc;
	}
	bool first = !has_predecessor(c->plan, s);
	enum tp_status rc = elem_int(c, "ConstraintType", first ? 4 : 0);
	if (rc == TP_OK)
		rc = elem_int(c, "CalendarUID", -1);
	if (rc == TP_OK && first)
		rc = elem_datetime(c, "ConstraintDate",
				   tp_schedule_early_start(c->sched, s),
				   8 * 60);
	return rc;
}

static enum tp_status
task_dates(struct mspdi_ctx *c, size_t s)
{
	bool ms = tp_plan_stage_is_milestone(c->plan, s);
	int t = tp_plan_stage_time(c->plan, s);
	int from = ms && t >= 0 ? t : 8 * 60;
	int to = ms ? from : 17 * 60;
	int32_t wd = 0;
	enum tp_status rc = tp_schedule_working_days(c->sched, s, TP_PASS_EARLY,
						     &wd, c->err);
	if (rc == TP_OK)
		rc = elem_datetime(c, "Start",
				   tp_schedule_early_start(c->sched, s), from);
	if (rc == TP_OK)
		rc = elem_datetime(c, "Finish",
				   tp_schedule_early_finish(c->sched, s), to);
	if (rc == TP_OK)
		rc = tp_xml_elemf(c->w, "Duration", c->err, "PT%ldH0M0S",
				  ms ? 0L : (long)wd * MINUTES_PER_DAY / 60);
	if (rc == TP_OK)
		rc = elem_int(c, "DurationFormat", FORMAT_DAYS);
	return rc;
}

/* A deadline stage also sets MS Project's Deadline, so a slip past it
 * shows as a missed deadline there. */
static enum tp_status
deadline(struct mspdi_ctx *c, size_t s)
{
	if (tp_export_stage_shape(c->plan, s) != TP_SHAPE_DEADLINE)
		return TP_OK;
	int t = tp_plan_stage_time(c->plan, s);
	return elem_datetime(c, "Deadline",
			     tp_schedule_early_finish(c->sched, s),
			     t >= 0 ? t : 17 * 60);
}

static enum tp_status
task(struct mspdi_ctx *c, size_t s)
{
	const char *name = tp_plan_stage_name(c->plan, s);
	char num[32];
	snprintf(num, sizeof(num), "%zu", s + 1);
	enum tp_status rc = start(c, "Task");
	if (rc == TP_OK)
		rc = elem_int(c, "UID", (long)s + 1);
	if (rc == TP_OK)
		rc = elem_int(c, "ID", (long)s + 1);
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
		rc = elem_int(c, "OutlineLevel", 1);
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
		rc = tp_xml_elemf(c->w, "TotalSlack", c->err, "%ld",
				  (long)tp_schedule_total_float(c->sched, s) *
					  LAG_PER_WORKING_DAY);
	if (rc == TP_OK)
		rc = constraint(c, s);
	if (rc == TP_OK)
		rc = deadline(c, s);
	if (rc == TP_OK && tp_plan_stage_notes(c->plan, s))
		rc = elem(c, "Notes", tp_plan_stage_notes(c->plan, s));
	bool has_pred;
	if (rc == TP_OK)
		rc = links(c, s, &has_pred);
	/* Project 2010's Manual comes after the links (pj14 order) */
	if (rc == TP_OK)
		rc = elem_int(c, "Manual", 0); /* auto-scheduled, not pinned */
	return rc == TP_OK ? end(c) : rc;
}

static enum tp_status
tasks(struct mspdi_ctx *c)
{
	enum tp_status rc = start(c, "Tasks");
	tp_plan_foreach_stage (c->plan, s) {
		if (rc == TP_OK)
			rc = task(c, s);
	}
	return rc == TP_OK ? end(c) : rc;
}

static enum tp_status
header(struct mspdi_ctx *c)
{
	const char *name = tp_plan_name(c->plan);
	enum tp_status rc = elem_int(c, "SaveVersion", 14);
	if (rc == TP_OK)
		rc = elem(c, "Name",
			  tp_plan_id(c->plan) ? tp_plan_id(c->plan)
					      : "tenderplan");
	if (rc == TP_OK)
		rc = elem(c, "Title", name ? name : "Tender timetable");
	if (rc == TP_OK)
		rc = elem_int(c, "Revision", (long)tp_plan_revision(c->plan));
	if (rc == TP_OK)
		rc = elem_int(c, "ScheduleFromStart", 1);
	if (rc == TP_OK)
		rc = elem_datetime(c, "StartDate",
				   tp_schedule_plan_start(c->sched), 8 * 60);
	if (rc == TP_OK)
		rc = elem_datetime(c, "FinishDate",
				   tp_schedule_plan_finish(c->sched), 17 * 60);
	if (rc == TP_OK)
		rc = elem_int(c, "CalendarUID", 1);
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
		rc = elem_int(c, "DurationFormat", FORMAT_DAYS);
	return rc;
}

static enum tp_status
document(struct mspdi_ctx *c)
{
	enum tp_status rc = tp_xml_check(
		xmlTextWriterStartDocument(c->w, NULL, "UTF-8", "yes"), c->err);
	if (rc == TP_OK)
		rc = start(c, "Project");
	if (rc == TP_OK)
		rc = tp_xml_check(
			xmlTextWriterWriteAttribute(
				c->w, BAD_CAST "xmlns",
				BAD_CAST
				"http://schemas.microsoft.com/project"),
			c->err);
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
	struct mspdi_ctx c = {.sched = job->scheds[0], .err = err};
	c.plan = tp_schedule_plan(c.sched);
	c.cal = tp_plan_calendar(c.plan);
	if (!c.cal)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "the plan has no calendar");
	xmlBufferPtr buf;
	enum tp_status rc = tp_xml_writer_open(&c.w, &buf, err);
	if (rc != TP_OK)
		return rc;
	rc = document(&c);
	if (rc != TP_OK) {
		xmlFreeTextWriter(c.w);
		xmlBufferFree(buf);
		return rc;
	}
	return tp_xml_writer_close(c.w, buf, out, err);
}
