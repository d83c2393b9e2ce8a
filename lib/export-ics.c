/* SPDX-License-Identifier: MIT */
/* iCalendar export, built with libical (no hand-written text: libical
 * escapes, folds and formats every line). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libical/ical.h>

#include "error-private.h"
#include "export-private.h"

#define UID_MAX 512

enum tp_status
tp_export_ics_uid(const char *plan_id, const char *stage_id, char *buf,
		  size_t size, struct tp_error *err)
{
	if (!plan_id || !*plan_id || !stage_id || !*stage_id)
		return tp_error_setf(err, TP_ERR_INVALID, stage_id,
				     "a calendar UID needs a plan id and a "
				     "stage id");
	int n = snprintf(buf, size, "%s.%s@tenderplan", stage_id, plan_id);
	if (n < 0 || (size_t)n >= size)
		return tp_error_setf(err, TP_ERR_INVALID, stage_id,
				     "calendar UID too long for its buffer");
	return TP_OK;
}

/* ---- VTIMEZONE ----------------------------------------------------------- */

static icalcomponent *
observance(icalcomponent_kind kind, const char *name, int from, int to,
	   int month, int mday, int hour)
{
	icalcomponent *c = icalcomponent_new(kind);
	struct icaltimetype t = icaltime_null_time();
	t.year = 1996;
	t.month = month;
	t.day = mday;
	t.hour = hour;
	struct icalrecurrencetype r;
	icalrecurrencetype_clear(&r);
	r.freq = ICAL_YEARLY_RECURRENCE;
	r.by_month[0] = (short)month;
	r.by_month[1] = ICAL_RECURRENCE_ARRAY_MAX;
	/* libical 3.0 encodes "-1SU" as -(8 * 1 + ICAL_SUNDAY_WEEKDAY). */
	r.by_day[0] = (short)-(8 + ICAL_SUNDAY_WEEKDAY);
	r.by_day[1] = ICAL_RECURRENCE_ARRAY_MAX;
	icalcomponent_add_property(c, icalproperty_new_tzname(name));
	icalcomponent_add_property(c, icalproperty_new_tzoffsetfrom(from));
	icalcomponent_add_property(c, icalproperty_new_tzoffsetto(to));
	icalcomponent_add_property(c, icalproperty_new_dtstart(t));
	icalcomponent_add_property(c, icalproperty_new_rrule(r));
	return c;
}

/* UK summer time, the rule in force since 1996: it begins at 01:00 GMT on
 * the last Sunday in March and ends at 01:00 GMT (02:00 BST) on the last
 * Sunday in October (Summer Time Act 1972 s.1 as amended; Summer Time
 * Order 1994 SI 1994/2798, then SI 2002/262 implementing Directive
 * 2000/84/EC). 1996-03-31 and 1996-10-27 were those Sundays. libical 3.0
 * carries the whole history since 1847 as dozens of observances, most with
 * RDATE lists, under the TZID "/freeassociation.sourceforge.net/Europe/
 * London" that Outlook and Thunderbird reject; Outlook wants this
 * two-rule form. The tests compare its offsets with libical's zone. */
static icalcomponent *
london_vtimezone(void)
{
	icalcomponent *tz = icalcomponent_new(ICAL_VTIMEZONE_COMPONENT);
	icalcomponent_add_property(tz, icalproperty_new_tzid("Europe/London"));
	icalproperty *loc = icalproperty_new_x("Europe/London");
	icalproperty_set_x_name(loc, "X-LIC-LOCATION");
	icalcomponent_add_property(tz, loc);
	icalcomponent_add_component(tz, observance(ICAL_XDAYLIGHT_COMPONENT,
						   "BST", 0, 3600, 3, 31, 1));
	icalcomponent_add_component(tz, observance(ICAL_XSTANDARD_COMPONENT,
						   "GMT", 3600, 0, 10, 27, 2));
	return tz;
}

/* Another zone: libical's built-in data with its TZID renamed to the plain
 * IANA name. */
static enum tp_status
builtin_vtimezone(const char *tzid, icalcomponent **out, struct tp_error *err)
{
	icaltimezone *z = icaltimezone_get_builtin_timezone(tzid);
	icalcomponent *c = z ? icaltimezone_get_component(z) : NULL;
	if (!c)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "unknown time zone '%s'", tzid);
	c = icalcomponent_new_clone(c);
	if (!c)
		return tp_error_nomem(err);
	icalproperty *p =
		icalcomponent_get_first_property(c, ICAL_TZID_PROPERTY);
	if (p)
		icalproperty_set_tzid(p, tzid);
	*out = c;
	return TP_OK;
}

enum tp_status
tp_ics_vtimezone(const char *tzid, icalcomponent **out, struct tp_error *err)
{
	if (!strcmp(tzid, "Europe/London")) {
		*out = london_vtimezone();
		return *out ? TP_OK : tp_error_nomem(err);
	}
	return builtin_vtimezone(tzid, out, err);
}

/* ---- property helpers ---------------------------------------------------- */

static struct icaltimetype
ical_date(struct tp_date d)
{
	struct icaltimetype t = icaltime_null_date();
	tp_date_to_ymd(d, &t.year, &t.month, &t.day);
	return t;
}

static struct icaltimetype
ical_local(struct tp_date d, int minutes)
{
	struct icaltimetype t = icaltime_null_time();
	tp_date_to_ymd(d, &t.year, &t.month, &t.day);
	t.hour = minutes / 60;
	t.minute = minutes % 60;
	return t;
}

static icalproperty *
with_tzid(icalproperty *p, const char *tzid)
{
	icalproperty_add_parameter(p, icalparameter_new_tzid(tzid));
	return p;
}

static const char *const reltype_names[] = {
	[TP_DEP_FINISH_TO_START] = "FINISHTOSTART",
	[TP_DEP_START_TO_START] = "STARTTOSTART",
	[TP_DEP_FINISH_TO_FINISH] = "FINISHTOFINISH",
	[TP_DEP_START_TO_FINISH] = "STARTTOFINISH",
};

/* RELATED-TO with the RFC 9253 link types. */
static icalproperty *
related_to(const char *uid, enum tp_dep_type type)
{
	icalproperty *p = icalproperty_new_relatedto(uid);
	icalparameter *rt = icalparameter_new_reltype(ICAL_RELTYPE_X);
	icalparameter_set_xvalue(rt, reltype_names[type]);
	icalproperty_add_parameter(p, rt);
	return p;
}

/* ---- one event ------------------------------------------------------------
 */

struct ics_ctx {
	const struct tp_export_options *opt;
	const struct tp_plan *plan;
	const struct tp_schedule *sched;
	const char *tzid;
	struct icaltimetype dtstamp;
	int sequence;
	struct tp_sbuf text; /* scratch for DESCRIPTION */
};

static enum tp_status
describe_finding(const struct tp_export_finding *f, void *user)
{
	struct ics_ctx *c = user;
	return tp_sbuf_printf(&c->text, NULL, "\n%s: %s%s%s%s",
			      f->severity ? f->severity : "note", f->message,
			      f->citation ? " (" : "",
			      f->citation ? f->citation : "",
			      f->citation ? ")" : "");
}

static enum tp_status
describe_deps(struct ics_ctx *c, size_t stage, struct tp_error *err)
{
	enum tp_status rc = TP_OK;
	bool first = true;
	for (size_t i = 0; rc == TP_OK && i < tp_plan_dependency_count(c->plan);
	     i++) {
		struct tp_dependency d;
		if (!tp_plan_dependency(c->plan, i, &d) || d.to != stage)
			continue;
		rc = tp_sbuf_printf(&c->text, err, "%s%s (%s",
				    first ? "\nAfter: " : "; ",
				    tp_plan_stage_id(c->plan, d.from),
				    tp_dep_type_name(d.type));
		if (rc == TP_OK && d.lag != 0)
			rc = tp_sbuf_printf(&c->text, err, ", lag %d %s",
					    (int)d.lag,
					    tp_unit_name(d.lag_unit));
		if (rc == TP_OK)
			rc = tp_sbuf_puts(&c->text, ")", err);
		first = false;
	}
	return rc;
}

static enum tp_status
describe_dates(struct ics_ctx *c, size_t s, struct tp_error *err)
{
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN];
	char la[TP_DATE_STRLEN], lb[TP_DATE_STRLEN];
	tp_date_format(tp_schedule_early_start(c->sched, s), a);
	tp_date_format(tp_schedule_early_finish(c->sched, s), b);
	tp_date_format(tp_schedule_late_start(c->sched, s), la);
	tp_date_format(tp_schedule_late_finish(c->sched, s), lb);
	int t = tp_plan_stage_time(c->plan, s);
	char hhmm[6] = "";
	if (t >= 0)
		tp_export_hhmm(t, hhmm);
	int32_t fl = tp_schedule_total_float(c->sched, s);
	return tp_sbuf_printf(
		&c->text, err,
		"Stage %s (%s).\nDates: %s to %s%s%s.\nLatest: %s to %s; "
		"float %d working day%s%s.",
		tp_plan_stage_id(c->plan, s),
		tp_stage_kind_name(tp_plan_stage_kind(c->plan, s)), a, b,
		t >= 0 ? " at " : "", hhmm, la, lb, (int)fl,
		fl == 1 || fl == -1 ? "" : "s",
		tp_schedule_is_critical(c->sched, s) ? ", on the critical path"
						     : "");
}

static enum tp_status
describe(struct ics_ctx *c, size_t s, struct tp_error *err)
{
	c->text.len = 0;
	enum tp_status rc = describe_dates(c, s, err);
	if (rc == TP_OK)
		rc = describe_deps(c, s, err);
	const char *owner = tp_plan_stage_owner(c->plan, s);
	const char *notes = tp_plan_stage_notes(c->plan, s);
	if (rc == TP_OK && owner)
		rc = tp_sbuf_printf(&c->text, err, "\nOwner: %s", owner);
	if (rc == TP_OK && notes)
		rc = tp_sbuf_printf(&c->text, err, "\nNotes: %s", notes);
	if (rc == TP_OK)
		rc = tp_export_foreach_finding(c->opt, tp_plan_id(c->plan),
					       tp_plan_stage_id(c->plan, s),
					       describe_finding, c);
	return rc == TP_ERR_NOMEM ? tp_error_nomem(err) : rc;
}

static void
add_common(struct ics_ctx *c, icalcomponent *ev, const char *uid,
	   const char *summary)
{
	icalcomponent_add_property(ev, icalproperty_new_uid(uid));
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(c->dtstamp));
	icalcomponent_add_property(ev, icalproperty_new_sequence(c->sequence));
	icalcomponent_add_property(ev, icalproperty_new_summary(summary));
}

/* All-day from @p first to @p last inclusive: DTEND is exclusive. */
static enum tp_status
add_all_day(icalcomponent *ev, struct tp_date first, struct tp_date last,
	    struct tp_error *err)
{
	struct tp_date end;
	enum tp_status rc = tp_date_add_days(last, 1, &end, err);
	if (rc != TP_OK)
		return rc;
	icalcomponent_add_property(ev,
				   icalproperty_new_dtstart(ical_date(first)));
	icalcomponent_add_property(ev, icalproperty_new_dtend(ical_date(end)));
	return TP_OK;
}

static enum tp_status
add_dates(struct ics_ctx *c, icalcomponent *ev, size_t s, struct tp_error *err)
{
	struct tp_date a = tp_schedule_early_start(c->sched, s);
	struct tp_date b = tp_schedule_early_finish(c->sched, s);
	int t = tp_plan_stage_time(c->plan, s);
	if (!tp_plan_stage_is_milestone(c->plan, s) || t < 0)
		return add_all_day(ev, a, b, err);
	/* A timed marker: no DTEND, so it lasts no time (RFC 5545 3.6.1). */
	icalcomponent_add_property(
		ev,
		with_tzid(icalproperty_new_dtstart(ical_local(b, t)), c->tzid));
	return TP_OK;
}

/* A reminder @p n working days before the deadline: at the same time of
 * day for a timed deadline, at 09:00 for an all-day one. */
static enum tp_status
add_alarm(struct ics_ctx *c, icalcomponent *ev, size_t s, const char *summary,
	  struct tp_error *err)
{
	int32_t n = c->opt->alarm_working_days;
	struct tp_date day = tp_schedule_early_finish(c->sched, s), when;
	const struct tp_calendar *cal = tp_plan_calendar(c->plan);
	enum tp_status rc =
		tp_calendar_add_working_days(cal, day, -n, &when, err);
	if (rc != TP_OK)
		return rc;
	int secs = tp_date_diff(day, when) * 86400; /* negative */
	if (tp_plan_stage_time(c->plan, s) < 0)
		secs += 9 * 3600;
	struct icaltriggertype tr = icaltriggertype_from_int(0);
	tr.duration = icaldurationtype_from_int(secs);
	icalcomponent *al = icalcomponent_new(ICAL_VALARM_COMPONENT);
	icalcomponent_add_property(
		al, icalproperty_new_action(ICAL_ACTION_DISPLAY));
	icalcomponent_add_property(al, icalproperty_new_trigger(tr));
	char msg[300];
	snprintf(msg, sizeof(msg), "%s: %d working day%s to go", summary,
		 (int)n, n == 1 ? "" : "s");
	icalcomponent_add_property(al, icalproperty_new_description(msg));
	icalcomponent_add_component(ev, al);
	return TP_OK;
}

static enum tp_status
add_relations(struct ics_ctx *c, icalcomponent *ev, size_t s,
	      struct tp_error *err)
{
	char uid[UID_MAX];
	for (size_t i = 0; i < tp_plan_dependency_count(c->plan); i++) {
		struct tp_dependency d;
		if (!tp_plan_dependency(c->plan, i, &d) || d.to != s)
			continue;
		enum tp_status rc = tp_export_ics_uid(
			tp_plan_id(c->plan), tp_plan_stage_id(c->plan, d.from),
			uid, sizeof(uid), err);
		if (rc != TP_OK)
			return rc;
		icalcomponent_add_property(ev, related_to(uid, d.type));
	}
	return TP_OK;
}

static const char *
stage_summary(const struct tp_plan *plan, size_t s)
{
	const char *name = tp_plan_stage_name(plan, s);
	return name && *name ? name : tp_plan_stage_id(plan, s);
}

static enum tp_status
fill_event(struct ics_ctx *c, icalcomponent *ev, size_t s, struct tp_error *err)
{
	char uid[UID_MAX];
	const char *summary = stage_summary(c->plan, s);
	enum tp_status rc = tp_export_ics_uid(tp_plan_id(c->plan),
					      tp_plan_stage_id(c->plan, s), uid,
					      sizeof(uid), err);
	if (rc != TP_OK)
		return rc;
	add_common(c, ev, uid, summary);
	rc = add_dates(c, ev, s, err);
	if (rc == TP_OK)
		rc = describe(c, s, err);
	if (rc != TP_OK)
		return rc;
	icalcomponent_add_property(ev,
				   icalproperty_new_description(c->text.data));
	icalcomponent_add_property(
		ev, icalproperty_new_categories(tp_stage_kind_name(
			    tp_plan_stage_kind(c->plan, s))));
	icalcomponent_add_property(
		ev, icalproperty_new_status(ICAL_STATUS_CONFIRMED));
	/* Nothing in a timetable should block anyone's free/busy time:
	 * markers and periods alike are transparent. */
	icalcomponent_add_property(
		ev, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
	rc = add_relations(c, ev, s, err);
	if (rc == TP_OK && c->opt->alarm_working_days > 0 &&
	    tp_export_stage_shape(c->plan, s) == TP_SHAPE_DEADLINE)
		rc = add_alarm(c, ev, s, summary, err);
	return rc;
}

static enum tp_status
add_stage_event(struct ics_ctx *c, icalcomponent *cal, size_t s,
		struct tp_error *err)
{
	icalcomponent *ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
	if (!ev)
		return tp_error_nomem(err);
	enum tp_status rc = fill_event(c, ev, s, err);
	if (rc != TP_OK) {
		icalcomponent_free(ev);
		return rc;
	}
	icalcomponent_add_component(cal, ev);
	return TP_OK;
}

/* ---- cancelled stages -----------------------------------------------------
 */

static enum tp_status
add_cancelled(struct ics_ctx *c, icalcomponent *cal, const char *stage_id,
	      const char *summary, struct tp_date a, struct tp_date b,
	      struct tp_error *err)
{
	char uid[UID_MAX];
	enum tp_status rc = tp_export_ics_uid(tp_plan_id(c->plan), stage_id,
					      uid, sizeof(uid), err);
	if (rc != TP_OK)
		return rc;
	icalcomponent *ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
	add_common(c, ev, uid, summary);
	rc = add_all_day(ev, a, b, err);
	icalcomponent_add_property(
		ev, icalproperty_new_status(ICAL_STATUS_CANCELLED));
	icalcomponent_add_property(
		ev, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
	if (rc != TP_OK) {
		icalcomponent_free(ev);
		return rc;
	}
	icalcomponent_add_component(cal, ev);
	return TP_OK;
}

static enum tp_status
add_cancelled_from_previous(struct ics_ctx *c, icalcomponent *cal,
			    struct tp_error *err)
{
	const struct tp_schedule *ps = c->opt->previous;
	const struct tp_plan *pp = tp_schedule_plan(ps);
	for (size_t s = 0; s < tp_plan_stage_count(pp); s++) {
		const char *id = tp_plan_stage_id(pp, s);
		if (tp_plan_find_stage(c->plan, id, NULL))
			continue;
		enum tp_status rc =
			add_cancelled(c, cal, id, stage_summary(pp, s),
				      tp_schedule_early_start(ps, s),
				      tp_schedule_early_finish(ps, s), err);
		if (rc != TP_OK)
			return rc;
	}
	return TP_OK;
}

static enum tp_status
add_cancelled_removed(struct ics_ctx *c, icalcomponent *cal,
		      struct tp_error *err)
{
	struct tp_date d = tp_schedule_plan_start(c->sched);
	for (size_t i = 0; i < c->opt->n_removed; i++) {
		const char *id = c->opt->removed[i];
		if (!id || tp_plan_find_stage(c->plan, id, NULL))
			continue;
		enum tp_status rc = add_cancelled(c, cal, id, id, d, d, err);
		if (rc != TP_OK)
			return rc;
	}
	return TP_OK;
}

/* ---- calendars -------------------------------------------------------------
 */

static enum tp_status
add_plan(struct ics_ctx *c, icalcomponent *cal, struct tp_error *err)
{
	if (!tp_plan_id(c->plan))
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "plan '%s' has no id: calendar UIDs are "
				     "made from it",
				     tp_plan_name(c->plan)
					     ? tp_plan_name(c->plan)
					     : "(unnamed)");
	uint32_t rev = tp_plan_revision(c->plan);
	c->sequence = rev > 0 ? (int)(rev - 1) : 0;
	c->tzid = tp_plan_time_zone(c->plan);
	enum tp_status rc = TP_OK;
	tp_plan_foreach_stage (c->plan, s) {
		if (!tp_export_stage_shown(c->opt, c->plan, s))
			continue;
		rc = add_stage_event(c, cal, s, err);
		if (rc != TP_OK)
			return rc;
	}
	if (c->opt->previous)
		rc = add_cancelled_from_previous(c, cal, err);
	if (rc == TP_OK)
		rc = add_cancelled_removed(c, cal, err);
	return rc;
}

static void
add_x(icalcomponent *cal, const char *name, const char *value)
{
	icalproperty *p = icalproperty_new_x(value);
	icalproperty_set_x_name(p, name);
	icalcomponent_add_property(cal, p);
}

static const char *
calendar_title(const struct tp_export_job *job)
{
	if (job->opt->title)
		return job->opt->title;
	const char *name = tp_plan_name(tp_schedule_plan(job->scheds[0]));
	if (job->n == 1 && name)
		return name;
	return job->n == 1 ? "Tender timetable" : "Tender timetables";
}

static icalcomponent *
new_calendar(const struct tp_export_job *job)
{
	icalcomponent *cal = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
	icalcomponent_add_property(
		cal, icalproperty_new_prodid(
			     "-//tenderplan//tenderplan " TP_VERSION "//EN"));
	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
	icalcomponent_add_property(
		cal, icalproperty_new_method(ICAL_METHOD_PUBLISH));
	add_x(cal, "X-WR-CALNAME", calendar_title(job));
	add_x(cal, "X-WR-TIMEZONE",
	      tp_plan_time_zone(tp_schedule_plan(job->scheds[0])));
	return cal;
}

/* One VTIMEZONE per distinct zone of the plans (usually one). A
 * portfolio has few zones: the list of those seen stays short. */
#define MAX_ZONES 16

static enum tp_status
add_zones(const struct tp_export_job *job, icalcomponent *cal,
	  struct tp_error *err)
{
	const char *seen[MAX_ZONES];
	size_t n_seen = 0;
	for (size_t i = 0; i < job->n; i++) {
		const char *tz =
			tp_plan_time_zone(tp_schedule_plan(job->scheds[i]));
		bool dup = false;
		for (size_t j = 0; j < n_seen && !dup; j++)
			dup = !strcmp(tz, seen[j]);
		if (dup)
			continue;
		if (n_seen == MAX_ZONES)
			return tp_error_setf(err, TP_ERR_INVALID, NULL,
					     "more than %d time zones in one "
					     "calendar",
					     MAX_ZONES);
		seen[n_seen++] = tz;
		icalcomponent *z = NULL;
		enum tp_status rc = tp_ics_vtimezone(tz, &z, err);
		if (rc != TP_OK)
			return rc;
		icalcomponent_add_component(cal, z);
	}
	return TP_OK;
}

static struct icaltimetype
dtstamp_of(const struct tp_export_options *opt)
{
	time_t t = opt->dtstamp ? (time_t)opt->dtstamp : time(NULL);
	return icaltime_from_timet_with_zone(t, 0,
					     icaltimezone_get_utc_timezone());
}

/* Serialise and free @p cal (before copying the text, to keep the peak
 * memory of a large portfolio down). */
static enum tp_status
serialise(icalcomponent *cal, struct tp_sbuf *out, struct tp_error *err)
{
	char *s = icalcomponent_as_ical_string_r(cal);
	icalcomponent_free(cal);
	if (!s)
		return tp_error_nomem(err);
	enum tp_status rc = tp_sbuf_puts(out, s, err);
	icalmemory_free_buffer(s);
	return rc;
}

/* Only one process-wide zone cache exists in libical 3.0, and the first
 * built-in zone lookup fills it; callers in threads should make one export
 * first (tp_ics_vtimezone() touches it only for zones other than
 * Europe/London). */
enum tp_status
tp_export_ics(const struct tp_export_job *job, struct tp_sbuf *out,
	      struct tp_error *err)
{
	struct ics_ctx c = {.opt = job->opt, .dtstamp = dtstamp_of(job->opt)};
	icalcomponent *cal = new_calendar(job);
	if (!cal)
		return tp_error_nomem(err);
	enum tp_status rc = add_zones(job, cal, err);
	for (size_t i = 0; rc == TP_OK && i < job->n; i++) {
		c.sched = job->scheds[i];
		c.plan = tp_schedule_plan(c.sched);
		rc = add_plan(&c, cal, err);
	}
	free(c.text.data);
	if (rc != TP_OK) {
		icalcomponent_free(cal);
		return rc;
	}
	return serialise(cal, out, err);
}
