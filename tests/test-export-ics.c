/* SPDX-License-Identifier: MIT */
/* iCalendar export: the .ics is parsed back with libical and every event
 * compared with the schedule; UIDs, SEQUENCE, the VTIMEZONE, alarms and
 * cancelled stages checked. Hand-checked values are named in comments. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <libical/ical.h>

#include <tenderplan/tp-meeting.h>
#include <tenderplan/tp-revision.h>

#include "export-fixtures.h"
#include "export-private.h"
#include "text-private.h"

static icalcomponent *
export_ics(const struct fixture *f, const struct tp_export_options *opt)
{
	char *buf = NULL;
	size_t len = 0;
	struct tp_error err;
	assert_int_equal(tp_export_to_buffer(TP_EXPORT_ICS, f->plan, f->sched,
					     opt, &buf, &len, &err),
			 TP_OK);
	assert_int_equal(strlen(buf), len);
	icalcomponent *cal = icalparser_parse_string(buf);
	free(buf);
	assert_non_null(cal);
	assert_int_equal(icalcomponent_isa(cal), ICAL_VCALENDAR_COMPONENT);
	return cal;
}

static icalcomponent *
find_event(icalcomponent *cal, const char *uid)
{
	for (icalcomponent *e = icalcomponent_get_first_component(
		     cal, ICAL_VEVENT_COMPONENT);
	     e;
	     e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))
		if (!strcmp(icalcomponent_get_uid(e), uid))
			return e;
	return NULL;
}

static int
count(icalcomponent *c, icalcomponent_kind kind)
{
	return icalcomponent_count_components(c, kind);
}

static struct tp_date
date_of(struct icaltimetype t)
{
	return TP_DATE(t.year, t.month, t.day);
}

static const char *
x_prop(icalcomponent *c, const char *name)
{
	for (icalproperty *p =
		     icalcomponent_get_first_property(c, ICAL_X_PROPERTY);
	     p; p = icalcomponent_get_next_property(c, ICAL_X_PROPERTY))
		if (!strcmp(icalproperty_get_x_name(p), name))
			return icalproperty_get_x(p);
	return NULL;
}

static void
calendar_properties(void **state)
{
	struct fixture f;
	assert_int_equal(fixture_hartlepool(&f, NULL), 0);
	icalcomponent *cal = export_ics(&f, NULL);
	assert_string_equal(
		icalcomponent_get_first_property(cal, ICAL_VERSION_PROPERTY)
			? icalproperty_get_version(
				  icalcomponent_get_first_property(
					  cal, ICAL_VERSION_PROPERTY))
			: "",
		"2.0");
	icalproperty *p =
		icalcomponent_get_first_property(cal, ICAL_PRODID_PROPERTY);
	assert_non_null(p);
	assert_non_null(strstr(icalproperty_get_prodid(p), "tenderplan"));
	p = icalcomponent_get_first_property(cal, ICAL_CALSCALE_PROPERTY);
	assert_string_equal(icalproperty_get_calscale(p), "GREGORIAN");
	assert_int_equal(icalcomponent_get_method(cal), ICAL_METHOD_PUBLISH);
	assert_string_equal(x_prop(cal, "X-WR-CALNAME"), tp_plan_name(f.plan));
	icalcomponent_free(cal);
	fixture_free(&f);
}

/* The VTIMEZONE: TZID exactly Europe/London, no property python-dateutil
 * refuses (X-LIC-LOCATION, TZUNTIL), truncated to the plan's years (no
 * 1847 observance), and the same UTC offsets as libical's own
 * Europe/London every six hours of the years it covers, 2011 to 2013
 * (libical's data is right in those years; tests/test-ics-zone.c checks
 * 1972-2199 against glibc). */
static void
vtimezone_europe_london(void **state)
{
	struct fixture f;
	assert_int_equal(fixture_hartlepool(&f, NULL), 0);
	icalcomponent *cal = export_ics(&f, NULL);
	assert_int_equal(count(cal, ICAL_VTIMEZONE_COMPONENT), 1);
	icalcomponent *tz = icalcomponent_get_first_component(
		cal, ICAL_VTIMEZONE_COMPONENT);
	icalproperty *id =
		icalcomponent_get_first_property(tz, ICAL_TZID_PROPERTY);
	assert_string_equal(icalproperty_get_tzid(id), "Europe/London");
	assert_null(icalcomponent_get_first_property(tz, ICAL_X_PROPERTY));
	assert_null(
		icalcomponent_get_first_property(tz, ICAL_TZUNTIL_PROPERTY));
	for (icalcomponent *o =
		     icalcomponent_get_first_component(tz, ICAL_ANY_COMPONENT);
	     o; o = icalcomponent_get_next_component(tz, ICAL_ANY_COMPONENT)) {
		struct icaltimetype st = icalcomponent_get_dtstart(o);
		assert_true(st.year >= 1972);
		assert_null(icalcomponent_get_first_property(
			o, ICAL_RDATE_PROPERTY));
	}

	icaltimezone *mine = icaltimezone_new();
	assert_int_equal(
		icaltimezone_set_component(mine, icalcomponent_new_clone(tz)),
		1);
	icaltimezone *ref = icaltimezone_get_builtin_timezone("Europe/London");
	int checked = 0;
	for (time_t t = 1293840000; t < 1388534400; t += 6 * 3600) {
		/* 2011-01-01 to 2014-01-01 UTC */
		struct icaltimetype u = icaltime_from_timet_with_zone(
			t, 0, icaltimezone_get_utc_timezone());
		int dst1, dst2;
		int a = icaltimezone_get_utc_offset_of_utc_time(mine, &u,
								&dst1);
		int b = icaltimezone_get_utc_offset_of_utc_time(ref, &u, &dst2);
		if (a != b)
			fail_msg("offset differs at %s: %d vs %d",
				 icaltime_as_ical_string(u), a, b);
		checked++;
	}
	assert_true(checked > 4000);
	icaltimezone_free(mine, 1);
	icalcomponent_free(cal);
	fixture_free(&f);
}

static void
check_event_dates(const struct fixture *f, size_t s, icalcomponent *ev)
{
	struct icaltimetype st = icalcomponent_get_dtstart(ev);
	struct tp_date a = tp_schedule_early_start(f->sched, s);
	struct tp_date b = tp_schedule_early_finish(f->sched, s);
	int t = tp_plan_stage_time(f->plan, s);
	if (tp_plan_stage_is_milestone(f->plan, s) && t >= 0) {
		/* timed in Europe/London, ending 30 minutes later (every
		 * timed stage of the fixtures is at 12:00: 12:30) */
		assert_false(st.is_date);
		assert_true(tp_date_equal(date_of(st), b));
		assert_int_equal(st.hour * 60 + st.minute, t);
		for (int k = 0; k < 2; k++) {
			icalproperty *p = icalcomponent_get_first_property(
				ev, k ? ICAL_DTEND_PROPERTY
				      : ICAL_DTSTART_PROPERTY);
			assert_non_null(p);
			icalparameter *tz = icalproperty_get_first_parameter(
				p, ICAL_TZID_PARAMETER);
			assert_non_null(tz);
			assert_string_equal(icalparameter_get_tzid(tz),
					    "Europe/London");
		}
		struct icaltimetype en = icalcomponent_get_dtend(ev);
		assert_true(tp_date_equal(date_of(en), b));
		assert_int_equal(t, 12 * 60);
		assert_int_equal(en.hour * 60 + en.minute, 12 * 60 + 30);
		return;
	}
	assert_true(st.is_date);
	assert_true(tp_date_equal(date_of(st), a));
	struct icaltimetype en = icalcomponent_get_dtend(ev);
	assert_true(en.is_date);
	assert_int_equal(date_of(en).day, b.day + 1); /* exclusive */
}

static int
predecessors(const struct tp_plan *p, size_t s)
{
	int n = 0;
	for (size_t i = 0; i < tp_plan_dependency_count(p); i++) {
		struct tp_dependency d;
		n += tp_plan_dependency(p, i, &d) && d.to == s;
	}
	return n;
}

static void
check_event(const struct fixture *f, size_t s, icalcomponent *ev)
{
	const char *name = tp_plan_stage_name(f->plan, s);
	assert_string_equal(icalcomponent_get_summary(ev), name);
	check_event_dates(f, s, ev);
	icalproperty *p =
		icalcomponent_get_first_property(ev, ICAL_CATEGORIES_PROPERTY);
	assert_string_equal(icalproperty_get_categories(p),
			    tp_stage_kind_name(tp_plan_stage_kind(f->plan, s)));
	assert_int_equal(
		icalcomponent_count_properties(ev, ICAL_RELATEDTO_PROPERTY),
		predecessors(f->plan, s));
	p = icalcomponent_get_first_property(ev, ICAL_TRANSP_PROPERTY);
	assert_int_equal(icalproperty_get_transp(p), ICAL_TRANSP_TRANSPARENT);
	p = icalcomponent_get_first_property(ev, ICAL_SEQUENCE_PROPERTY);
	assert_int_equal(icalproperty_get_sequence(p), 0); /* revision 1 */
	const char *desc = icalcomponent_get_description(ev);
	char a[TP_DATE_STRLEN];
	tp_date_format(tp_schedule_early_finish(f->sched, s), a);
	assert_non_null(strstr(desc, a));
	struct icaltimetype stamp = icalcomponent_get_dtstamp(ev);
	/* 1700000000 s = 2023-11-14 22:13:20 UTC (python3 datetime) */
	assert_int_equal(stamp.year, 2023);
	assert_int_equal(stamp.hour, 22);
	assert_int_equal(stamp.minute, 13);
}

static void
every_event_matches_schedule(struct fixture *f)
{
	struct tp_export_options opt;
	tp_export_options_init(&opt);
	opt.dtstamp = 1700000000;
	icalcomponent *cal = export_ics(f, &opt);
	assert_int_equal(count(cal, ICAL_VEVENT_COMPONENT),
			 (int)tp_plan_stage_count(f->plan));
	tp_plan_foreach_stage (f->plan, s) {
		char uid[256];
		assert_int_equal(tp_export_ics_uid(tp_plan_id(f->plan),
						   tp_plan_stage_id(f->plan, s),
						   uid, sizeof(uid), NULL),
				 TP_OK);
		icalcomponent *ev = find_event(cal, uid);
		assert_non_null(ev);
		check_event(f, s, ev);
	}
	icalcomponent_free(cal);
}

static void
events_hartlepool(void **state)
{
	struct fixture f;
	assert_int_equal(fixture_hartlepool(&f, NULL), 0);
	every_event_matches_schedule(&f);
	fixture_free(&f);
}

static void
events_thurrock(void **state)
{
	struct fixture f;
	assert_int_equal(fixture_thurrock(&f, NULL), 0);
	every_event_matches_schedule(&f);
	fixture_free(&f);
}

/* Hand check of the time zone: tenders closed 12:00 on Fri 10 Feb 2012
 * (GMT, so 12:00 UTC) in Hartlepool and 12:00 on Thu 6 Sep 2012 (BST, from
 * 25 Mar to 28 Oct 2012, so 11:00 UTC) in Thurrock. */
static void
deadline_in_utc(struct fixture *f, int month, int day, int utc_hour)
{
	icalcomponent *cal = export_ics(f, NULL);
	icalcomponent *ev =
		find_event(cal, "tender-deadline.hartlepool-2011@tenderplan");
	if (!ev)
		ev = find_event(cal,
				"tender-deadline.thurrock-2012@tenderplan");
	assert_non_null(ev);
	icalcomponent *tzc = icalcomponent_get_first_component(
		cal, ICAL_VTIMEZONE_COMPONENT);
	icaltimezone *tz = icaltimezone_new();
	icaltimezone_set_component(tz, icalcomponent_new_clone(tzc));
	struct icaltimetype st = icalcomponent_get_dtstart(ev);
	struct icaltimetype u =
		icaltime_convert_to_zone(icaltime_set_timezone(&st, tz),
					 icaltimezone_get_utc_timezone());
	assert_int_equal(u.year, 2012);
	assert_int_equal(u.month, month);
	assert_int_equal(u.day, day);
	assert_int_equal(u.hour, utc_hour);
	icaltimezone_free(tz, 1);
	icalcomponent_free(cal);
}

static void
deadlines_in_utc(void **state)
{
	struct fixture f;
	assert_int_equal(fixture_hartlepool(&f, NULL), 0);
	deadline_in_utc(&f, 2, 10, 12);
	fixture_free(&f);
	assert_int_equal(fixture_thurrock(&f, NULL), 0);
	deadline_in_utc(&f, 9, 6, 11);
	fixture_free(&f);
}

static void
deadlines_only(void **state)
{
	struct fixture f;
	assert_int_equal(fixture_hartlepool(&f, NULL), 0);
	struct tp_export_options opt;
	tp_export_options_init(&opt);
	opt.deadlines_only = true;
	icalcomponent *cal = export_ics(&f, &opt);
	/* hartlepool: 16 stages, 6 of them periods (pqq-period,
	 * pqq-evaluation, tender-period, evaluation, standstill,
	 * mobilisation) -> 10 markers */
	assert_int_equal(count(cal, ICAL_VEVENT_COMPONENT), 10);
	assert_null(
		find_event(cal, "tender-period.hartlepool-2011@tenderplan"));
	assert_non_null(
		find_event(cal, "tender-deadline.hartlepool-2011@tenderplan"));
	icalcomponent_free(cal);
	fixture_free(&f);
}

static int
alarm_seconds(icalcomponent *cal, const char *uid)
{
	icalcomponent *ev = find_event(cal, uid);
	assert_non_null(ev);
	icalcomponent *al =
		icalcomponent_get_first_component(ev, ICAL_VALARM_COMPONENT);
	if (!al)
		return 0;
	icalproperty *p =
		icalcomponent_get_first_property(al, ICAL_TRIGGER_PROPERTY);
	return icaldurationtype_as_int(icalproperty_get_trigger(p).duration);
}

/* Thurrock, 8 working days before Thu 6 Sep 2012: 5, 4, 3 Sep, 31, 30,
 * 29, 28 Aug, then 24 Aug (27 Aug is the summer bank holiday): 13 days
 * before. 5 working days before: Thu 30 Aug, 7 days. Periods and plain
 * milestones get no alarm. */
static void
alarms_count_working_days(void **state)
{
	struct fixture f;
	assert_int_equal(fixture_thurrock(&f, NULL), 0);
	struct tp_export_options opt;
	tp_export_options_init(&opt);
	opt.alarm_working_days = 8;
	icalcomponent *cal = export_ics(&f, &opt);
	assert_int_equal(
		alarm_seconds(cal, "tender-deadline.thurrock-2012@tenderplan"),
		-13 * 86400);
	/* PQQ return Thu 19 Jul 2012 at noon: 8 working days before is Mon
	 * 9 Jul (18, 17, 16, 13, 12, 11, 10, 9 Jul; no holiday), 10 days */
	assert_int_equal(
		alarm_seconds(cal, "pqq-deadline.thurrock-2012@tenderplan"),
		-10 * 86400);
	assert_int_equal(
		alarm_seconds(cal, "tender-period.thurrock-2012@tenderplan"),
		0);
	assert_int_equal(alarm_seconds(cal, "award.thurrock-2012@tenderplan"),
			 0);
	icalcomponent_free(cal);
	opt.alarm_working_days = 5;
	cal = export_ics(&f, &opt);
	assert_int_equal(
		alarm_seconds(cal, "tender-deadline.thurrock-2012@tenderplan"),
		-7 * 86400);
	icalcomponent_free(cal);
	opt.alarm_working_days = 251;
	char *buf = NULL;
	assert_int_equal(tp_export_to_buffer(TP_EXPORT_ICS, f.plan, f.sched,
					     &opt, &buf, NULL, NULL),
			 TP_ERR_INVALID);
	assert_null(buf);
	fixture_free(&f);
}

static void
uid_scheme(void **state)
{
	char buf[64];
	struct tp_error err;
	assert_int_equal(tp_export_ics_uid("hartlepool-2011", "tender-deadline",
					   buf, sizeof(buf), &err),
			 TP_OK);
	assert_string_equal(buf, "tender-deadline.hartlepool-2011@tenderplan");
	assert_int_equal(tp_export_ics_uid("p", "s", buf, 5, &err),
			 TP_ERR_INVALID);
	assert_int_equal(tp_export_ics_uid(NULL, "s", buf, sizeof(buf), &err),
			 TP_ERR_INVALID);
}

static void
plan_without_id_is_refused(void **state)
{
	struct fixture f;
	assert_int_equal(fixture_hartlepool(&f, NULL), 0);
	assert_int_equal(tp_plan_set_id(f.plan, NULL, NULL), TP_OK);
	char *buf = NULL;
	struct tp_error err;
	assert_int_equal(tp_export_to_buffer(TP_EXPORT_ICS, f.plan, f.sched,
					     NULL, &buf, NULL, &err),
			 TP_ERR_INVALID);
	assert_non_null(strstr(err.message, "no id"));
	fixture_free(&f);
}

static int
sequence_of(icalcomponent *cal, const char *uid)
{
	icalcomponent *e = find_event(cal, uid);
	if (!e)
		fail_msg("no event %s", uid);
	return icalproperty_get_sequence(
		icalcomponent_get_first_property(e, ICAL_SEQUENCE_PROPERTY));
}

static void
reschedule(struct fixture *f)
{
	tp_schedule_free(f->sched);
	f->sched = NULL;
	assert_int_equal(tp_schedule_compute(f->plan, TP_SCHEDULE_FORWARD,
					     &f->sched, NULL),
			 TP_OK);
}

#define HP(stage) stage ".hartlepool-2011@tenderplan"

/* Revision 2 without the report-scrutiny stage, compared with revision
 * 1's schedule (tp_export_options.previous): nothing depends on
 * report-scrutiny (export-fixtures.c), so no other date moves and every
 * other event keeps SEQUENCE 0; the removed stage comes back cancelled
 * at its old time, Thu 2 Feb 2012 12:00, with SEQUENCE 1. */
static void
previous_schedule_cancels_removed_stage(void **state)
{
	struct fixture r1, r2;
	assert_int_equal(fixture_hartlepool(&r1, NULL), 0);
	assert_int_equal(fixture_hartlepool(&r2, "report-scrutiny"), 0);
	tp_plan_set_revision(r2.plan, 2);
	struct tp_export_options opt;
	tp_export_options_init(&opt);
	opt.previous = r1.sched;
	icalcomponent *c1 = export_ics(&r1, NULL);
	icalcomponent *c2 = export_ics(&r2, &opt);
	assert_int_equal(count(c1, ICAL_VEVENT_COMPONENT),
			 count(c2, ICAL_VEVENT_COMPONENT));
	for (icalcomponent *e = icalcomponent_get_first_component(
		     c1, ICAL_VEVENT_COMPONENT);
	     e;
	     e = icalcomponent_get_next_component(c1, ICAL_VEVENT_COMPONENT)) {
		const char *uid = icalcomponent_get_uid(e);
		icalcomponent *e2 = find_event(c2, uid);
		assert_non_null(e2);
		bool removed = !strcmp(uid, HP("report-scrutiny"));
		assert_int_equal(sequence_of(c2, uid), removed ? 1 : 0);
		assert_int_equal(icalcomponent_get_status(e2),
				 removed ? ICAL_STATUS_CANCELLED
					 : ICAL_STATUS_CONFIRMED);
		if (!removed)
			continue;
		struct icaltimetype st = icalcomponent_get_dtstart(e2);
		assert_true(tp_date_equal(date_of(st), TP_DATE(2012, 2, 2)));
		assert_int_equal(st.hour, 12);
		assert_false(st.is_date);
	}
	icalcomponent_free(c2);
	/* the same from a list of removed ids: every event at revision - 1 */
	const char *gone[] = {"report-scrutiny"};
	tp_export_options_init(&opt);
	opt.removed = gone;
	opt.n_removed = 1;
	c2 = export_ics(&r2, &opt);
	icalcomponent *e = find_event(c2, HP("report-scrutiny"));
	assert_non_null(e);
	assert_int_equal(icalcomponent_get_status(e), ICAL_STATUS_CANCELLED);
	assert_int_equal(sequence_of(c2, HP("advert")), 1);
	icalcomponent_free(c2);
	/* and nothing cancelled when asked to leave them out */
	opt.omit_cancelled = true;
	c2 = export_ics(&r2, &opt);
	assert_null(find_event(c2, HP("report-scrutiny")));
	icalcomponent_free(c2);
	icalcomponent_free(c1);
	fixture_free(&r1);
	fixture_free(&r2);
}

static struct tp_snapshot *
record(const struct fixture *f, const struct tp_snapshot *since)
{
	struct tp_snapshot *s = NULL;
	assert_int_equal(tp_snapshot_record(f->sched, since,
					    TP_SNAPSHOT_REVISION, 1700000000,
					    &s, NULL),
			 TP_OK);
	return s;
}

static icalcomponent *
export_since(const struct fixture *f, const struct tp_snapshot *since)
{
	struct tp_export_options opt;
	tp_export_options_init(&opt);
	opt.since = since;
	return export_ics(f, &opt);
}

/* The stages whose dates move when evaluation takes 16 working days
 * instead of 15 (export-fixtures.c): evaluation then ends Mon 5 Mar 2012
 * (not Fri 2 Mar), director approval Tue 6 Mar, intention Wed 7 Mar; the
 * 10-day standstill from Thu 8 Mar would end Sat 17 Mar, and a period in
 * calendar days that ends on a non-working day runs on to the next
 * working day (tp-schedule.h): Mon 19 Mar; award Tue 20 Mar (was Mon 19);
 * mobilisation from Wed 21 Mar, 31 working days with 6 and 9 Apr off: Fri
 * 4 May; contract start Tue 8 May (Mon 7 May is a bank holiday). Every
 * stage before evaluation stays. */
static const char *const moved[] = {
	HP("evaluation"),    HP("director-approval"),
	HP("intention"),     HP("standstill"),
	HP("award"),         HP("mobilisation"),
	HP("contract-start")};

static bool
is_moved(const char *uid)
{
	for (size_t i = 0; i < sizeof(moved) / sizeof(moved[0]); i++)
		if (!strcmp(uid, moved[i]))
			return true;
	return false;
}

static void
expect_sequences(icalcomponent *cal, int moved_seq, int opening_seq,
		 int other_seq)
{
	for (icalcomponent *e = icalcomponent_get_first_component(
		     cal, ICAL_VEVENT_COMPONENT);
	     e;
	     e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
		const char *uid = icalcomponent_get_uid(e);
		int want = is_moved(uid)                 ? moved_seq
			   : !strcmp(uid, HP("opening")) ? opening_seq
							 : other_seq;
		if (icalcomponent_get_status(e) == ICAL_STATUS_CANCELLED)
			continue;
		if (sequence_of(cal, uid) != want)
			fail_msg("%s: SEQUENCE %d, want %d", uid,
				 sequence_of(cal, uid), want);
	}
}

/* SEQUENCE rises for exactly the events whose dates, time or text
 * changed, over four revisions recorded as snapshots. */
static void
sequence_rises_only_for_changes(void **state)
{
	struct fixture f;
	size_t eval, opening;
	assert_int_equal(fixture_hartlepool(&f, NULL), 0);
	assert_true(tp_plan_find_stage(f.plan, "evaluation", &eval));
	assert_true(tp_plan_find_stage(f.plan, "opening", &opening));
	struct tp_snapshot *s1 = record(&f, NULL); /* revision 1: all 0 */

	/* revision 2: evaluation 16 days, opening renamed */
	tp_plan_set_revision(f.plan, 2);
	assert_int_equal(tp_plan_set_stage_duration(f.plan, eval, 16,
						    TP_UNIT_WORKING_DAYS, NULL),
			 TP_OK);
	assert_int_equal(tp_plan_set_stage_name(f.plan, opening,
						"Opening of tenders", NULL),
			 TP_OK);
	reschedule(&f);
	icalcomponent *cal = export_since(&f, s1);
	expect_sequences(cal, 1, 1, 0);
	struct tp_snapshot_diff d;
	assert_int_equal(tp_snapshot_compare(s1, f.sched, &d, NULL), TP_OK);
	assert_int_equal(d.changed, 8); /* the seven above and opening */
	assert_int_equal(d.same, 8);
	assert_int_equal(d.added + d.removed, 0);
	icalcomponent_free(cal);
	struct tp_snapshot *s2 = record(&f, s1);

	/* revision 3: evaluation back to 15 days: those four move again */
	tp_plan_set_revision(f.plan, 3);
	assert_int_equal(tp_plan_set_stage_duration(f.plan, eval, 15,
						    TP_UNIT_WORKING_DAYS, NULL),
			 TP_OK);
	reschedule(&f);
	cal = export_since(&f, s2);
	expect_sequences(cal, 2, 1, 0);
	icalcomponent_free(cal);
	struct tp_snapshot *s3 = record(&f, s2);

	/* revision 4 drops report-scrutiny: cancelled with SEQUENCE 1 */
	struct fixture g;
	assert_int_equal(fixture_hartlepool(&g, "report-scrutiny"), 0);
	tp_plan_set_revision(g.plan, 4);
	cal = export_since(&g, s3);
	expect_sequences(cal, 2, 2, 0); /* opening's old name is back */
	icalcomponent *e = find_event(cal, HP("report-scrutiny"));
	assert_non_null(e);
	assert_int_equal(icalcomponent_get_status(e), ICAL_STATUS_CANCELLED);
	assert_int_equal(sequence_of(cal, HP("report-scrutiny")), 1);
	assert_string_equal(icalcomponent_get_summary(e),
			    "Report sent to contract scrutiny");
	icalcomponent_free(cal);
	struct tp_snapshot *s4 = record(&g, s3);
	struct tp_snapshot_stage st;
	assert_true(tp_snapshot_find_stage(s4, "report-scrutiny", &st));
	assert_true(st.removed);
	assert_int_equal(st.sequence, 1);

	/* revision 5 has it again: above its cancellation */
	tp_plan_set_revision(f.plan, 5);
	cal = export_since(&f, s4);
	assert_int_equal(sequence_of(cal, HP("report-scrutiny")), 2);
	assert_int_equal(icalcomponent_get_status(
				 find_event(cal, HP("report-scrutiny"))),
			 ICAL_STATUS_CONFIRMED);
	icalcomponent_free(cal);
	tp_snapshot_free(s4);
	tp_snapshot_free(s3);
	tp_snapshot_free(s2);
	tp_snapshot_free(s1);
	fixture_free(&g);
	fixture_free(&f);
}

/* A snapshot of another plan (another id, so other UIDs) is not used:
 * every event at revision - 1, nothing cancelled. */
static void
snapshot_of_another_plan_is_ignored(void **state)
{
	struct fixture f, g;
	assert_int_equal(fixture_hartlepool(&f, NULL), 0);
	assert_int_equal(fixture_thurrock(&g, NULL), 0);
	struct tp_snapshot *other = record(&g, NULL);
	tp_plan_set_revision(f.plan, 3);
	icalcomponent *cal = export_since(&f, other);
	assert_int_equal(count(cal, ICAL_VEVENT_COMPONENT),
			 (int)tp_plan_stage_count(f.plan));
	assert_int_equal(sequence_of(cal, HP("advert")), 2);
	icalcomponent_free(cal);
	tp_snapshot_free(other);
	fixture_free(&g);
	fixture_free(&f);
}

/* --deadline-minutes: DTEND that many minutes after the deadline; 0 is
 * the default 30; 1 to 1440 allowed. Hartlepool's tenders were due at
 * 12:00 on Fri 10 Feb 2012: 90 minutes later is 13:30. */
static void
deadline_minutes(void **state)
{
	struct fixture f;
	assert_int_equal(fixture_hartlepool(&f, NULL), 0);
	struct tp_export_options opt;
	tp_export_options_init(&opt);
	opt.deadline_minutes = 90;
	icalcomponent *cal = export_ics(&f, &opt);
	struct icaltimetype en =
		icalcomponent_get_dtend(find_event(cal, HP("tender-deadline")));
	assert_int_equal(en.day, 10);
	assert_int_equal(en.hour, 13);
	assert_int_equal(en.minute, 30);
	icalcomponent_free(cal);
	opt.deadline_minutes = 1441;
	char *buf = NULL;
	struct tp_error err;
	assert_int_equal(tp_export_to_buffer(TP_EXPORT_ICS, f.plan, f.sched,
					     &opt, &buf, NULL, &err),
			 TP_ERR_INVALID);
	assert_non_null(strstr(err.message, "1 to 1440"));
	fixture_free(&f);
}

/* Two tenders of one id would share UIDs: the portfolio is refused,
 * naming both. */
static void
portfolio_with_one_id_twice(void **state)
{
	struct fixture a, b, c;
	assert_int_equal(fixture_hartlepool(&a, NULL), 0);
	assert_int_equal(fixture_thurrock(&b, NULL), 0);
	assert_int_equal(fixture_thurrock(&c, NULL), 0);
	assert_int_equal(tp_plan_set_id(c.plan, "hartlepool-2011", NULL),
			 TP_OK);
	assert_int_equal(tp_plan_set_name(c.plan, "Second tender", NULL),
			 TP_OK);
	const struct tp_schedule *s[] = {a.sched, b.sched, c.sched};
	char *buf = NULL;
	struct tp_error err;
	for (int fmt = TP_EXPORT_ICS; fmt <= TP_EXPORT_XML; fmt++) {
		assert_int_equal(tp_export_portfolio_to_buffer(
					 (enum tp_export_format)fmt, s, 3, NULL,
					 &buf, NULL, &err),
				 TP_ERR_INVALID);
		assert_null(buf);
		assert_non_null(strstr(err.message, "plans 1 ("));
		assert_non_null(strstr(err.message, "and 3 ('Second tender')"));
		assert_non_null(strstr(err.message, "'hartlepool-2011'"));
	}
	fixture_free(&a);
	fixture_free(&b);
	fixture_free(&c);
}

static icalcomponent *
export_portfolio(const struct tp_schedule *const *s, size_t n,
		 const struct tp_snapshot *const *sinces)
{
	struct tp_export_options opt;
	char *buf = NULL;
	tp_export_options_init(&opt);
	opt.sinces = sinces;
	assert_int_equal(tp_export_portfolio_to_buffer(TP_EXPORT_ICS, s, n,
						       &opt, &buf, NULL, NULL),
			 TP_OK);
	icalcomponent *cal = icalparser_parse_string(buf);
	free(buf);
	assert_non_null(cal);
	return cal;
}

/* In a portfolio calendar each plan's events follow that plan's own
 * snapshot (tp_export_options.sinces), exactly as in the plan's own
 * calendar: Hartlepool at revision 2 without report-scrutiny, against its
 * revision 1 snapshot, keeps SEQUENCE 0 for every other event and sends
 * report-scrutiny cancelled at 1; Thurrock, without a snapshot, has its
 * revision - 1. A snapshot of another plan in Hartlepool's place is not
 * used: its events at revision - 1 = 1, nothing cancelled. */
static void
portfolio_follows_each_plans_snapshot(void **state)
{
	struct fixture h1, h2, t;
	assert_int_equal(fixture_hartlepool(&h1, NULL), 0);
	assert_int_equal(fixture_hartlepool(&h2, "report-scrutiny"), 0);
	assert_int_equal(fixture_thurrock(&t, NULL), 0);
	struct tp_snapshot *s1 = record(&h1, NULL), *st = record(&t, NULL);
	tp_plan_set_revision(h2.plan, 2);
	tp_plan_set_revision(t.plan, 3);
	const struct tp_schedule *s[] = {h2.sched, t.sched};
	const struct tp_snapshot *sinces[] = {s1, NULL};

	icalcomponent *own = export_since(&h2, s1);
	icalcomponent *cal = export_portfolio(s, 2, sinces);
	assert_int_equal(count(cal, ICAL_VEVENT_COMPONENT),
			 count(own, ICAL_VEVENT_COMPONENT) +
				 (int)tp_plan_stage_count(t.plan));
	/* every Hartlepool event as in its own calendar */
	for (icalcomponent *e = icalcomponent_get_first_component(
		     own, ICAL_VEVENT_COMPONENT);
	     e;
	     e = icalcomponent_get_next_component(own, ICAL_VEVENT_COMPONENT)) {
		const char *uid = icalcomponent_get_uid(e);
		icalcomponent *p = find_event(cal, uid);
		assert_non_null(p);
		assert_int_equal(sequence_of(cal, uid), sequence_of(own, uid));
		assert_int_equal(icalcomponent_get_status(p),
				 icalcomponent_get_status(e));
	}
	assert_int_equal(sequence_of(cal, HP("advert")), 0);
	assert_int_equal(sequence_of(cal, HP("report-scrutiny")), 1);
	assert_int_equal(icalcomponent_get_status(
				 find_event(cal, HP("report-scrutiny"))),
			 ICAL_STATUS_CANCELLED);
	assert_int_equal(sequence_of(cal, "advert.thurrock-2012@tenderplan"),
			 2);
	icalcomponent_free(cal);

	/* Thurrock's snapshot in Hartlepool's place: not used */
	const struct tp_snapshot *wrong[] = {st, NULL};
	cal = export_portfolio(s, 2, wrong);
	assert_int_equal(sequence_of(cal, HP("advert")), 1);
	assert_null(find_event(cal, HP("report-scrutiny")));
	icalcomponent_free(cal);
	/* and a single plan's export ignores sinces */
	struct tp_export_options opt;
	tp_export_options_init(&opt);
	opt.sinces = sinces;
	cal = export_ics(&h2, &opt);
	assert_int_equal(sequence_of(cal, HP("advert")), 1);
	assert_null(find_event(cal, HP("report-scrutiny")));
	icalcomponent_free(cal);

	icalcomponent_free(own);
	tp_snapshot_free(st);
	tp_snapshot_free(s1);
	fixture_free(&t);
	fixture_free(&h2);
	fixture_free(&h1);
}

/* The calendar is streamed after libical's head: a title that holds the
 * text of the END line must not cut it short. */
static void
title_like_the_end_line(void **state)
{
	struct fixture f;
	assert_int_equal(fixture_hartlepool(&f, NULL), 0);
	struct tp_export_options opt;
	tp_export_options_init(&opt);
	opt.title = "END:VCALENDAR";
	icalcomponent *cal = export_ics(&f, &opt);
	assert_string_equal(x_prop(cal, "X-WR-CALNAME"), "END:VCALENDAR");
	assert_int_equal(count(cal, ICAL_VEVENT_COMPONENT),
			 (int)tp_plan_stage_count(f.plan));
	assert_int_equal(count(cal, ICAL_VTIMEZONE_COMPONENT), 1);
	icalcomponent_free(cal);
	fixture_free(&f);
}

/* The events of an export: from the first BEGIN:VEVENT to the calendar's
 * END line (a copy to free). */
static char *
events_of(const char *ics)
{
	const char *a = strstr(ics, "BEGIN:VEVENT");
	const char *b = strstr(ics, "\r\nEND:VCALENDAR\r\n");
	assert_non_null(a);
	assert_non_null(b);
	assert_true(a < b);
	b += 2;
	char *out = malloc((size_t)(b - a) + 1);
	assert_non_null(out);
	memcpy(out, a, (size_t)(b - a));
	out[b - a] = '\0';
	return out;
}

/* Each VEVENT of @p events parsed by libical and written again by
 * libical's own component writer gives the same bytes. */
/* @p needle in [@p a, @p stop), or NULL (memmem() is not POSIX). */
static const char *
find_in(const char *a, const char *stop, const char *needle)
{
	size_t n = strlen(needle);
	while (a && (size_t)(stop - a) >= n) {
		if (!memcmp(a, needle, n))
			return a;
		a = memchr(a + 1, needle[0], (size_t)(stop - a - 1));
	}
	return NULL;
}

static size_t
events_round_trip(const char *events)
{
	static const char tail[] = "END:VEVENT\r\n";
	const char *a = events, *stop = events + strlen(events);
	size_t n = 0;
	/* a bounded search rather than strstr(): a sanitizer's strstr()
	 * measures the whole rest of the string each time */
	for (; a < stop; n++) {
		const char *end = find_in(a, stop, tail);
		assert_non_null(end);
		assert_memory_equal(a, "BEGIN:VEVENT", 12);
		end += sizeof(tail) - 1;
		char *one = strndup(a, (size_t)(end - a));
		assert_non_null(one);
		icalcomponent *ev = icalparser_parse_string(one);
		assert_non_null(ev);
		char *again = icalcomponent_as_ical_string_r(ev);
		assert_string_equal(again, one);
		icalmemory_free_buffer(again);
		icalcomponent_free(ev);
		free(one);
		a = end;
	}
	return n;
}

/* Names of their own for the stages of tender @p k: "Stage 3 of tender
 * 7". */
static void
name_stages(struct fixture *f, size_t k)
{
	char name[64];
	for (size_t i = 0; i < tp_plan_stage_count(f->plan); i++) {
		snprintf(name, sizeof(name), "Stage %zu of tender %zu", i, k);
		assert_int_equal(
			tp_plan_set_stage_name(f->plan, i, name, NULL), TP_OK);
	}
}

/* A portfolio is its plans' events one after the other (#11). The writer
 * keeps the lines that repeat (dates, names, SEQUENCE, CATEGORIES...) from
 * event to event; each plan exported alone starts with nothing kept, so
 * its events, as libical wrote them, must be the bytes of its part of the
 * portfolio (and so must a few tenders exported together). 2,000
 * Hartlepool-shaped tenders 5 days apart (200, 50 days apart, with
 * TP_TEST_QUICK) span 27 years, more days than the writer keeps lines
 * for; every third one has its stages renamed, more names than it keeps:
 * kept lines are replaced as well as reused. Timed deadlines, alarms and links are in every tender.
 * Then each event is parsed and written again by libical's component
 * writer (the writer before #11): the same bytes. */
static void
portfolio_is_its_plans_events(void **state)
{
	(void)state;
	size_t n = getenv("TP_TEST_QUICK") ? 200 : 2000;
	struct tp_calendar *cal = NULL;
	struct fixture *f = calloc(n, sizeof(*f));
	const struct tp_schedule **s = calloc(n, sizeof(*s));
	struct tp_export_options opt;
	char *all = NULL, *one = NULL;
	struct tp_error err;
	assert_non_null(f);
	assert_non_null(s);
	assert_int_equal(tp_calendar_new_region(TP_REGION_ENGLAND_AND_WALES,
						&cal, NULL),
			 TP_OK);
	for (size_t k = 0; k < n; k++) {
		struct tp_date start = TP_DATE(1995, 1, 2);
		start.day += (int32_t)(10000 / n * k); /* 27 years */
		assert_int_equal(fixture_generic(&f[k], cal, (int)k, start), 0);
		if (k % 3 == 1)
			name_stages(&f[k], k);
		s[k] = f[k].sched;
	}
	tp_export_options_init(&opt);
	opt.dtstamp = 1700000000; /* 2023-11-14T22:13:20Z */
	opt.alarm_working_days = 2;
	assert_int_equal(tp_export_portfolio_to_buffer(TP_EXPORT_ICS, s, n,
						       &opt, &all, NULL, &err),
			 TP_OK);
	char *events = events_of(all);
	size_t at = 0, want = 0;
	/* Groups of 1 to 8 tenders, each a portfolio of its own written by
	 * a fresh writer (a group of one: a plan's own export): one
	 * VTIMEZONE built per group rather than per tender keeps this
	 * quick. */
	for (size_t k = 0, g = 0; k < n; k += g) {
		g = 1 + (k % 8);
		g = g < n - k ? g : n - k;
		assert_int_equal(g == 1 ? tp_export_to_buffer(
						  TP_EXPORT_ICS, f[k].plan,
						  f[k].sched, &opt, &one, NULL,
						  &err)
				       : tp_export_portfolio_to_buffer(
						  TP_EXPORT_ICS, s + k, g, &opt,
						  &one, NULL, &err),
				 TP_OK);
		char *mine = events_of(one);
		size_t len = strlen(mine);
		if (strncmp(events + at, mine, len) != 0)
			fail_msg("tenders %zu to %zu: their events differ in "
				 "the portfolio", k, k + g - 1);
		at += len;
		for (size_t i = k; i < k + g; i++)
			want += tp_plan_stage_count(f[i].plan);
		free(mine);
		free(one);
		one = NULL;
	}
	assert_int_equal(events[at], '\0');
	assert_int_equal(events_round_trip(events), want);
	free(events);
	free(all);
	for (size_t k = 0; k < n; k++)
		fixture_free(&f[k]);
	tp_calendar_free(cal);
	free(f);
	free(s);
}

/* The portfolio of @p n plans written on @p threads threads. */
static enum tp_status
export_threads(const struct tp_schedule *const *s, size_t n,
	       struct tp_export_options *opt, uint32_t threads, char **out,
	       struct tp_error *err)
{
	opt->threads = threads;
	*out = NULL;
	return tp_export_portfolio_to_buffer(TP_EXPORT_ICS, s, n, opt, out,
					     NULL, err);
}

static size_t
occurrences(const char *s, const char *needle)
{
	size_t n = 0;
	for (const char *p = strstr(s, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* A portfolio calendar is the same bytes on any number of threads
 * (tp_export_options.threads, #11): 1 writes every event on the calling
 * thread, 2, 3 and 8 write pieces of a few plans on worker threads, each
 * with lines and zones of its own. Every fourth tender is at revision 2
 * without its report-scrutiny stage since a snapshot (the snapshots of
 * tp_export_options.sinces: one cancelled event each), every fifth has
 * names of its own; alarms, timed deadlines and links throughout. */
static void
portfolio_same_on_any_threads(void **state)
{
	(void)state;
	size_t n = getenv("TP_TEST_QUICK") ? 150 : 600, revised = 0;
	static const uint32_t threads[] = {2, 3, 8, 0};
	struct tp_calendar *cal = NULL;
	struct fixture *f = calloc(n, sizeof(*f));
	const struct tp_schedule **s = calloc(n, sizeof(*s));
	struct tp_snapshot **snaps = calloc(n, sizeof(*snaps));
	struct tp_export_options opt;
	char *alone = NULL, *many = NULL;
	assert_true(f && s && snaps);
	assert_int_equal(
		tp_calendar_new_region(TP_REGION_ENGLAND_AND_WALES, &cal, NULL),
		TP_OK);
	for (size_t k = 0; k < n; k++) {
		struct tp_date start = TP_DATE(1995, 1, 2);
		start.day += (int32_t)(20 * k);
		if (k % 4 == 1) {
			struct fixture prev;
			assert_int_equal(
				fixture_generic(&prev, cal, (int)k, start), 0);
			snaps[k] = record(&prev, NULL);
			fixture_free(&prev);
			assert_int_equal(fixture_generic_without(
						 &f[k], cal, (int)k, start,
						 "report-scrutiny"),
					 0);
			tp_plan_set_revision(f[k].plan, 2);
			revised++;
		} else {
			assert_int_equal(
				fixture_generic(&f[k], cal, (int)k, start), 0);
		}
		if (k % 5 == 2)
			name_stages(&f[k], k);
		s[k] = f[k].sched;
	}
	tp_export_options_init(&opt);
	opt.dtstamp = 1700000000;
	opt.alarm_working_days = 2;
	opt.sinces = (const struct tp_snapshot *const *)snaps;
	assert_int_equal(export_threads(s, n, &opt, 1, &alone, NULL), TP_OK);
	assert_int_equal(occurrences(alone, "STATUS:CANCELLED"), revised);
	assert_true(occurrences(alone, "BEGIN:VALARM") >= n);
	for (size_t t = 0; t < sizeof(threads) / sizeof(threads[0]); t++) {
		assert_int_equal(
			export_threads(s, n, &opt, threads[t], &many, NULL),
			TP_OK);
		if (strcmp(alone, many) != 0)
			fail_msg("%u threads: not the bytes of one",
				 (unsigned)threads[t]);
		free(many);
	}
	free(alone);
	for (size_t k = 0; k < n; k++) {
		tp_snapshot_free(snaps[k]);
		fixture_free(&f[k]);
	}
	tp_calendar_free(cal);
	free(snaps);
	free(f);
	free(s);
}

/* On any number of threads a failing plan fails the export with the
 * error one thread tells: that of the first failing plan. Tenders 100 and
 * 130 of 150 start in January 1972, where an alarm 250 working days
 * before a deadline falls before the calendar's first day. */
static void
portfolio_error_on_any_threads(void **state)
{
	(void)state;
	size_t n = 150;
	static const uint32_t threads[] = {2, 3, 8, 0};
	struct tp_calendar *cal = NULL;
	struct fixture *f = calloc(n, sizeof(*f));
	const struct tp_schedule **s = calloc(n, sizeof(*s));
	struct tp_export_options opt;
	struct tp_error one, err;
	char *buf = NULL;
	assert_true(f && s);
	assert_int_equal(
		tp_calendar_new_region(TP_REGION_ENGLAND_AND_WALES, &cal, NULL),
		TP_OK);
	for (size_t k = 0; k < n; k++) {
		struct tp_date start = TP_DATE(2001, 1, 1);
		start.day += (int32_t)(7 * k);
		if (k == 100)
			start = TP_DATE(1972, 1, 3);
		if (k == 130)
			start = TP_DATE(1972, 2, 7);
		assert_int_equal(fixture_generic(&f[k], cal, (int)k, start), 0);
		s[k] = f[k].sched;
	}
	tp_export_options_init(&opt);
	opt.alarm_working_days = 250;
	assert_int_not_equal(export_threads(s, n, &opt, 1, &buf, &one), TP_OK);
	assert_null(buf);
	/* the first failing tender's error, not the later one's */
	assert_non_null(strstr(one.message, "1972"));
	assert_int_not_equal(export_threads(s + 130, 1, &opt, 1, &buf, &err),
			     TP_OK);
	assert_string_not_equal(err.message, one.message);
	assert_int_not_equal(export_threads(s + 100, 1, &opt, 1, &buf, &err),
			     TP_OK);
	assert_string_equal(err.message, one.message);
	for (size_t t = 0; t < sizeof(threads) / sizeof(threads[0]); t++) {
		assert_int_equal(
			export_threads(s, n, &opt, threads[t], &buf, &err),
			one.code);
		assert_null(buf);
		assert_string_equal(err.message, one.message);
	}
	/* without the alarm, the same tenders export */
	opt.alarm_working_days = 0;
	assert_int_equal(export_threads(s, n, &opt, 2, &buf, NULL), TP_OK);
	free(buf);
	for (size_t k = 0; k < n; k++)
		fixture_free(&f[k]);
	tp_calendar_free(cal);
	free(f);
	free(s);
}

static void
portfolio_one_calendar(void **state)
{
	struct fixture a, b;
	assert_int_equal(fixture_hartlepool(&a, NULL), 0);
	assert_int_equal(fixture_thurrock(&b, NULL), 0);
	const struct tp_schedule *s[] = {a.sched, b.sched};
	char *buf = NULL;
	assert_int_equal(tp_export_portfolio_to_buffer(TP_EXPORT_ICS, s, 2,
						       NULL, &buf, NULL, NULL),
			 TP_OK);
	icalcomponent *cal = icalparser_parse_string(buf);
	free(buf);
	assert_int_equal(count(cal, ICAL_VTIMEZONE_COMPONENT), 1);
	assert_int_equal(count(cal, ICAL_VEVENT_COMPONENT),
			 (int)(tp_plan_stage_count(a.plan) +
			       tp_plan_stage_count(b.plan)));
	assert_string_equal(x_prop(cal, "X-WR-CALNAME"), "Tender timetables");
	icalcomponent_free(cal);
	fixture_free(&a);
	fixture_free(&b);
}

/* Files are written whole through a temporary file; a failure leaves
 * nothing behind and names the file. */
static void
file_output_is_atomic(void **state)
{
	struct fixture f;
	assert_int_equal(fixture_hartlepool(&f, NULL), 0);
	char dir[] = "/tmp/tp-export-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[256];
	snprintf(path, sizeof(path), "%s/out.ics", dir);
	struct tp_export_options opt;
	tp_export_options_init(&opt);
	opt.dtstamp = 1;
	assert_int_equal(tp_export_to_file(TP_EXPORT_ICS, f.plan, f.sched, &opt,
					   path, NULL),
			 TP_OK);
	char *buf = NULL;
	size_t len = 0;
	assert_int_equal(tp_export_to_buffer(TP_EXPORT_ICS, f.plan, f.sched,
					     &opt, &buf, &len, NULL),
			 TP_OK);
	FILE *fp = fopen(path, "rb");
	assert_non_null(fp);
	char *back = malloc(len + 1);
	assert_int_equal(fread(back, 1, len + 1, fp), len);
	fclose(fp);
	assert_memory_equal(back, buf, len);
	free(back);
	free(buf);
	struct tp_error err;
	char bad[300];
	snprintf(bad, sizeof(bad), "%s/missing/out.ics", dir);
	assert_int_equal(tp_export_to_file(TP_EXPORT_ICS, f.plan, f.sched, &opt,
					   bad, &err),
			 TP_ERR_IO);
	assert_string_equal(err.source, bad);
	unlink(path);
	assert_int_equal(rmdir(dir), 0); /* nothing else was left in it */
	fixture_free(&f);
}

static void
schedule_of_another_plan_is_refused(void **state)
{
	struct fixture a, b;
	assert_int_equal(fixture_hartlepool(&a, NULL), 0);
	assert_int_equal(fixture_thurrock(&b, NULL), 0);
	char *buf = NULL;
	assert_int_equal(tp_export_to_buffer(TP_EXPORT_ICS, a.plan, b.sched,
					     NULL, &buf, NULL, NULL),
			 TP_ERR_INVALID);
	enum tp_export_format fmt;
	assert_int_equal(tp_export_format_from_name("mspdi", &fmt, NULL),
			 TP_OK);
	assert_int_equal(fmt, TP_EXPORT_MSPDI);
	assert_int_equal(tp_export_format_from_name("pdf", &fmt, NULL),
			 TP_ERR_INVALID);
	assert_string_equal(tp_export_format_name(TP_EXPORT_TEXT), "text");
	assert_null(tp_export_format_name((enum tp_export_format)99));
	fixture_free(&a);
	fixture_free(&b);
}

/* Another zone keeps libical's data under the plain IANA name; an unknown
 * one is refused with its name. */
static void
other_time_zones(void **state)
{
	struct fixture f;
	assert_int_equal(fixture_hartlepool(&f, NULL), 0);
	assert_int_equal(tp_plan_set_time_zone(f.plan, "Europe/Paris", NULL),
			 TP_OK);
	icalcomponent *cal = export_ics(&f, NULL);
	icalcomponent *tz = icalcomponent_get_first_component(
		cal, ICAL_VTIMEZONE_COMPONENT);
	icalproperty *id =
		icalcomponent_get_first_property(tz, ICAL_TZID_PROPERTY);
	assert_string_equal(icalproperty_get_tzid(id), "Europe/Paris");
	icalcomponent *ev =
		find_event(cal, "tender-deadline.hartlepool-2011@tenderplan");
	icalproperty *p =
		icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
	icalparameter *tzp =
		icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
	assert_string_equal(icalparameter_get_tzid(tzp), "Europe/Paris");
	icalcomponent_free(cal);
	assert_int_equal(tp_plan_set_time_zone(f.plan, "Mars/Olympus", NULL),
			 TP_OK);
	char *buf = NULL;
	struct tp_error err;
	assert_int_equal(tp_export_to_buffer(TP_EXPORT_ICS, f.plan, f.sched,
					     NULL, &buf, NULL, &err),
			 TP_ERR_INVALID);
	assert_non_null(strstr(err.message, "Mars/Olympus"));
	fixture_free(&f);
}

/* ---- timed deadlines around the changes of the clocks ------------------
 *
 * The UK and the EU change their clocks at 01:00 UTC on the last Sunday of
 * March and of October: in 2026 Sun 29 Mar (London GMT -> BST, Paris CET
 * -> CEST) and Sun 25 Oct (back). A calendar with no weekend and no bank
 * holidays lets deadlines fall on those days. The DTEND is the set number
 * of minutes after the deadline in real time; every expected time below
 * was worked out by hand from those rules and checked with Python's
 * zoneinfo (tzdata). Two London plans with the same deadlines and a Paris
 * plan with one of the same local times make one portfolio, so that the
 * export's line cache (by zone, day and time) is tried on repeats. */

struct deadline_def {
	const char *id;
	int y, m, d, minutes;
};

static const struct deadline_def london_deadlines[] = {
	{"spring", 2026, 3, 29, 45},  /* 00:45 GMT, the day BST begins */
	{"autumn", 2026, 10, 25, 45}, /* 00:45 BST, the day it ends */
	{"late", 2026, 10, 23, 23 * 60 + 45}, /* ends the next day */
	{"noon", 2026, 3, 28, 12 * 60},       /* the Saturday before */
};

static const struct deadline_def paris_deadlines[] = {
	{"spring", 2026, 3, 29, 45},    /* 00:45 CET: London's time too */
	{"skip", 2026, 3, 29, 60 + 45}, /* 01:45 CET, 15 minutes before */
};

static void
timed_plan(struct fixture *f, const struct tp_calendar *cal, const char *id,
	   const char *zone, const struct deadline_def *dl, size_t n)
{
	memset(f, 0, sizeof(*f));
	assert_int_equal(tp_plan_new(&f->plan, NULL), TP_OK);
	tp_plan_set_calendar(f->plan, cal);
	assert_int_equal(tp_plan_set_id(f->plan, id, NULL), TP_OK);
	assert_int_equal(tp_plan_set_time_zone(f->plan, zone, NULL), TP_OK);
	assert_int_equal(
		tp_plan_set_start_date(f->plan, TP_DATE(2026, 3, 1), NULL),
		TP_OK);
	for (size_t i = 0; i < n; i++) {
		size_t k;
		assert_int_equal(tp_plan_add_stage(f->plan, dl[i].id, dl[i].id,
						   TP_STAGE_TENDER_DEADLINE, 0,
						   TP_UNIT_WORKING_DAYS, &k,
						   NULL),
				 TP_OK);
		assert_int_equal(
			tp_plan_set_stage_time(f->plan, k, dl[i].minutes, NULL),
			TP_OK);
		assert_int_equal(
			tp_plan_add_constraint(
				f->plan, dl[i].id, TP_CONSTRAINT_START_ON,
				TP_DATE(dl[i].y, dl[i].m, dl[i].d), NULL),
			TP_OK);
	}
	assert_int_equal(tp_schedule_compute(f->plan, TP_SCHEDULE_FORWARD,
					     &f->sched, NULL),
			 TP_OK);
}

/* The local time of @p ev's DTSTART (@p end false) or DTEND as
 * YYYYMMDDTHHMM, and its TZID. */
static void
local_time(icalcomponent *ev, bool end, const char *tzid, char buf[16])
{
	icalproperty *p = icalcomponent_get_first_property(
		ev, end ? ICAL_DTEND_PROPERTY : ICAL_DTSTART_PROPERTY);
	assert_non_null(p);
	icalparameter *tz =
		icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
	assert_non_null(tz);
	assert_string_equal(icalparameter_get_tzid(tz), tzid);
	struct icaltimetype t =
		end ? icalproperty_get_dtend(p) : icalproperty_get_dtstart(p);
	assert_false(t.is_date);
	snprintf(buf, 16, "%04d%02d%02dT%02d%02d", t.year, t.month, t.day,
		 t.hour, t.minute);
}

static void
expect_deadline(icalcomponent *cal, const char *uid, const char *tzid,
		const char *start, const char *end)
{
	char got[16];
	icalcomponent *ev = find_event(cal, uid);
	assert_non_null(ev);
	local_time(ev, false, tzid, got);
	assert_string_equal(got, start);
	local_time(ev, true, tzid, got);
	assert_string_equal(got, end);
}

#define L "Europe/London"
#define P "Europe/Paris"

static void
deadlines_across_clock_changes(void **state)
{
	struct tp_calendar_builder *b = NULL;
	struct tp_calendar *cal = NULL;
	struct fixture f[3];
	char *buf = NULL;
	struct tp_export_options opt;
	(void)state;
	assert_int_equal(tp_calendar_builder_new(&b, NULL), TP_OK);
	assert_int_equal(
		tp_calendar_builder_set_region(b, TP_REGION_NONE, NULL), TP_OK);
	assert_int_equal(tp_calendar_builder_set_weekend(b, 0, NULL), TP_OK);
	assert_int_equal(tp_calendar_builder_build(b, &cal, NULL), TP_OK);
	tp_calendar_builder_free(b);
	timed_plan(&f[0], cal, "clock-a", L, london_deadlines,
		   sizeof(london_deadlines) / sizeof(london_deadlines[0]));
	timed_plan(&f[1], cal, "clock-b", L, london_deadlines,
		   sizeof(london_deadlines) / sizeof(london_deadlines[0]));
	timed_plan(&f[2], cal, "clock-paris", P, paris_deadlines,
		   sizeof(paris_deadlines) / sizeof(paris_deadlines[0]));
	const struct tp_schedule *s[] = {f[0].sched, f[1].sched, f[2].sched};
	tp_export_options_init(&opt);
	opt.dtstamp = 1700000000;
	static const int each_minutes[] = {30, 90, 1440};
	for (size_t m = 0; m < 3; m++) {
		int minutes = each_minutes[m];
		opt.deadline_minutes = (uint32_t)minutes;
		assert_int_equal(tp_export_portfolio_to_buffer(TP_EXPORT_ICS, s,
							       3, &opt, &buf,
							       NULL, NULL),
				 TP_OK);
		icalcomponent *c = icalparser_parse_string(buf);
		free(buf);
		assert_non_null(c);
		assert_int_equal(count(c, ICAL_VTIMEZONE_COMPONENT), 2);
		for (int k = 0; k < 2; k++) {
			const char *u[] = {
				k ? "spring.clock-b@tenderplan"
				  : "spring.clock-a@tenderplan",
				k ? "autumn.clock-b@tenderplan"
				  : "autumn.clock-a@tenderplan",
				k ? "late.clock-b@tenderplan"
				  : "late.clock-a@tenderplan",
				k ? "noon.clock-b@tenderplan"
				  : "noon.clock-a@tenderplan",
			};
			if (minutes == 30) {
				/* 00:45 GMT + 30 min = 01:15 UTC = 02:15 BST */
				expect_deadline(c, u[0], L, "20260329T0045",
						"20260329T0215");
				/* 00:45 BST = 23:45 UTC; + 30 min = 00:15
				 * UTC, still BST (until 01:00 UTC): 01:15 */
				expect_deadline(c, u[1], L, "20261025T0045",
						"20261025T0115");
				/* 23:45 BST + 30 min: 00:15 the next day */
				expect_deadline(c, u[2], L, "20261023T2345",
						"20261024T0015");
				expect_deadline(c, u[3], L, "20260328T1200",
						"20260328T1230");
			} else if (minutes == 90) {
				/* 00:45 UTC + 90 min = 02:15 UTC = 03:15 BST */
				expect_deadline(c, u[0], L, "20260329T0045",
						"20260329T0315");
				/* 23:45 UTC + 90 min = 01:15 UTC, now GMT:
				 * 01:15 again, the second time */
				expect_deadline(c, u[1], L, "20261025T0045",
						"20261025T0115");
				expect_deadline(c, u[2], L, "20261023T2345",
						"20261024T0115");
				expect_deadline(c, u[3], L, "20260328T1200",
						"20260328T1330");
			} else {
				/* a day of real time: 00:45 UTC on the 30th
				 * is 01:45 BST */
				expect_deadline(c, u[0], L, "20260329T0045",
						"20260330T0145");
				/* 23:45 UTC on the 25th is 23:45 GMT */
				expect_deadline(c, u[1], L, "20261025T0045",
						"20261025T2345");
				expect_deadline(c, u[2], L, "20261023T2345",
						"20261024T2345");
				/* 12:00 UTC on Sunday is 13:00 BST */
				expect_deadline(c, u[3], L, "20260328T1200",
						"20260329T1300");
			}
		}
		/* Paris: 00:45 CET is 23:45 UTC; 01:45 CET is 00:45 UTC,
		 * and CEST begins at 01:00 UTC (02:00 CET) */
		if (minutes == 30) {
			expect_deadline(c, "spring.clock-paris@tenderplan", P,
					"20260329T0045", "20260329T0115");
			expect_deadline(c, "skip.clock-paris@tenderplan", P,
					"20260329T0145", "20260329T0315");
		} else if (minutes == 90) {
			/* 23:45 UTC + 90 min = 01:15 UTC = 03:15 CEST */
			expect_deadline(c, "spring.clock-paris@tenderplan", P,
					"20260329T0045", "20260329T0315");
			expect_deadline(c, "skip.clock-paris@tenderplan", P,
					"20260329T0145", "20260329T0415");
		} else {
			/* 23:45 UTC on the 29th is 01:45 CEST on the 30th */
			expect_deadline(c, "spring.clock-paris@tenderplan", P,
					"20260329T0045", "20260330T0145");
			expect_deadline(c, "skip.clock-paris@tenderplan", P,
					"20260329T0145", "20260330T0245");
		}
		icalcomponent_free(c);
	}
	for (int k = 0; k < 3; k++)
		fixture_free(&f[k]);
	tp_calendar_free(cal);
}

#undef L
#undef P

/* RELATED-TO names each predecessor and its link type (RFC 9253), also
 * when one stage is followed by several and when two plans of a portfolio
 * have the same stage ids. Hartlepool (export-fixtures.c): itt-issue is
 * followed by tender-period and by report-scrutiny (both finish to
 * start), pqq-period follows advert start to start, itt-issue follows
 * pqq-evaluation finish to finish; the generic plan bench-0 has the same
 * stages and links under its own id. */
static void
related_to_each_predecessor(void **state)
{
	struct fixture a, g;
	struct tp_calendar *cal = NULL;
	char *buf = NULL;
	(void)state;
	assert_int_equal(fixture_hartlepool(&a, NULL), 0);
	assert_int_equal(
		tp_calendar_new_region(TP_REGION_ENGLAND_AND_WALES, &cal, NULL),
		TP_OK);
	assert_int_equal(fixture_generic(&g, cal, 0, TP_DATE(2011, 11, 1)), 0);
	const struct tp_schedule *s[] = {a.sched, g.sched};
	assert_int_equal(tp_export_portfolio_to_buffer(TP_EXPORT_ICS, s, 2,
						       NULL, &buf, NULL, NULL),
			 TP_OK);
	icalcomponent *c = icalparser_parse_string(buf);
	free(buf);
	assert_non_null(c);
	static const char *const want[][3] = {
		{"tender-period", "itt-issue", "FINISHTOSTART"},
		{"report-scrutiny", "itt-issue", "FINISHTOSTART"},
		{"pqq-period", "advert", "STARTTOSTART"},
		{"itt-issue", "pqq-evaluation", "FINISHTOFINISH"},
		{"opening", "tender-deadline", "FINISHTOSTART"},
	};
	for (int k = 0; k < 2; k++) {
		const char *plan = k ? "bench-0" : "hartlepool-2011";
		for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
			char uid[128], pred[128];
			snprintf(uid, sizeof(uid), "%s.%s@tenderplan",
				 want[i][0], plan);
			snprintf(pred, sizeof(pred), "%s.%s@tenderplan",
				 want[i][1], plan);
			icalcomponent *ev = find_event(c, uid);
			assert_non_null(ev);
			icalproperty *p = icalcomponent_get_first_property(
				ev, ICAL_RELATEDTO_PROPERTY);
			assert_non_null(p);
			assert_string_equal(icalproperty_get_relatedto(p),
					    pred);
			icalparameter *rt = icalproperty_get_first_parameter(
				p, ICAL_RELTYPE_PARAMETER);
			assert_non_null(rt);
			assert_string_equal(icalparameter_get_xvalue(rt),
					    want[i][2]);
			assert_null(icalcomponent_get_next_property(
				ev, ICAL_RELATEDTO_PROPERTY));
		}
	}
	icalcomponent_free(c);
	fixture_free(&g);
	tp_calendar_free(cal);
	fixture_free(&a);
}

/* ---- meeting series across revisions -------------------------------- */

/* The Cabinet (third Thursdays from 1 Jan 2012: 19 Jan, 16 Feb, 15 Mar
 * 2012, checked with python-dateutil) and, with @p panel, a panel on two
 * given days without a name. No stage is tied to either. */
static void
add_series(struct fixture *f, bool panel)
{
	const struct tp_date days[] = {TP_DATE(2012, 2, 14),
				       TP_DATE(2012, 3, 13)};
	struct tp_meeting_spec m;
	tp_meeting_spec_init(&m);
	m.id = "cabinet";
	m.name = "Cabinet";
	m.rule = "FREQ=MONTHLY;BYDAY=3TH";
	m.rule_from = TP_DATE(2012, 1, 1);
	assert_int_equal(tp_plan_add_meeting_series(f->plan, &m, NULL, NULL),
			 TP_OK);
	if (panel) {
		tp_meeting_spec_init(&m);
		m.id = "panel";
		m.dates = days;
		m.n_dates = 2;
		assert_int_equal(
			tp_plan_add_meeting_series(f->plan, &m, NULL, NULL),
			TP_OK);
	}
	reschedule(f);
}

/* tp_snapshot_compare()'s counts of meeting series, as `tenderplan
 * revise` reports them. */
static void
series_diff(const struct tp_snapshot *since, const struct fixture *f,
	    uint32_t same, uint32_t changed, uint32_t added, uint32_t removed)
{
	struct tp_snapshot_diff d;
	assert_int_equal(tp_snapshot_compare(since, f->sched, &d, NULL), TP_OK);
	if (d.series_same != same || d.series_changed != changed ||
	    d.series_added != added || d.series_removed != removed)
		fail_msg("series: %u same, %u changed, %u added, %u removed; "
			 "want %u, %u, %u, %u",
			 d.series_same, d.series_changed, d.series_added,
			 d.series_removed, same, changed, added, removed);
}

#define CABINET "cabinet+meetings.hartlepool-2011@tenderplan"
#define PANEL "panel+meetings.hartlepool-2011@tenderplan"

/* A meeting series' event follows the snapshots as a stage's does: it
 * keeps its SEQUENCE while it is unchanged, rises when what it shows
 * changes, and a series removed since the snapshot is sent as cancelled
 * (one event on the day it began, SEQUENCE + 1), so that a client that
 * imports the revision drops the old meetings. */
static void
meeting_series_follow_snapshots(void **state)
{
	struct fixture f, g, h;
	struct tp_snapshot_stage st;
	assert_int_equal(fixture_hartlepool(&f, NULL), 0);
	assert_int_equal(fixture_hartlepool(&g, NULL), 0);
	assert_int_equal(fixture_hartlepool(&h, NULL), 0);
	add_series(&f, true);
	add_series(&g, false);

	/* revision 1 recorded: both series at SEQUENCE 0 */
	struct tp_snapshot *s1 = record(&f, NULL);
	assert_int_equal(tp_snapshot_series_count(s1), 2);
	assert_true(tp_snapshot_series(s1, 0, &st));
	assert_string_equal(st.id, "cabinet");
	assert_string_equal(st.name, "Cabinet");
	assert_true(tp_date_equal(st.start, TP_DATE(2012, 1, 19)));
	assert_int_equal(st.sequence, 0);
	assert_int_equal(st.minutes, -1);
	assert_false(st.removed);
	assert_true(tp_snapshot_series(s1, 1, &st));
	assert_string_equal(st.id, "panel");
	assert_null(st.name);
	assert_true(tp_date_equal(st.start, TP_DATE(2012, 2, 14)));
	assert_false(tp_snapshot_series(s1, 2, &st));
	/* the series are not stages */
	assert_int_equal(tp_snapshot_stage_count(s1),
			 tp_plan_stage_count(f.plan));

	/* revision 2, nothing changed: both keep 0 (the revision rule
	 * alone would give 1) */
	tp_plan_set_revision(f.plan, 2);
	icalcomponent *cal = export_since(&f, s1);
	assert_int_equal(sequence_of(cal, CABINET), 0);
	assert_int_equal(sequence_of(cal, PANEL), 0);
	icalcomponent_free(cal);
	series_diff(s1, &f, 2, 0, 0, 0);

	/* revision 2 without the panel: the panel cancelled */
	tp_plan_set_revision(g.plan, 2);
	cal = export_since(&g, s1);
	assert_int_equal(count(cal, ICAL_VEVENT_COMPONENT),
			 (int)tp_plan_stage_count(g.plan) + 2);
	assert_int_equal(sequence_of(cal, CABINET), 0);
	icalcomponent *e = find_event(cal, PANEL);
	assert_non_null(e);
	assert_int_equal(icalcomponent_get_status(e), ICAL_STATUS_CANCELLED);
	assert_int_equal(sequence_of(cal, PANEL), 1);
	assert_string_equal(icalcomponent_get_summary(e), "panel meeting");
	struct icaltimetype t = icalcomponent_get_dtstart(e);
	assert_true(t.is_date);
	assert_true(tp_date_equal(date_of(t), TP_DATE(2012, 2, 14)));
	assert_null(icalcomponent_get_first_property(e, ICAL_RRULE_PROPERTY));
	assert_null(icalcomponent_get_first_property(e, ICAL_RDATE_PROPERTY));
	icalcomponent_free(cal);
	series_diff(s1, &g, 1, 0, 0, 1);
	/* ... unless asked to leave cancellations out */
	struct tp_export_options opt;
	tp_export_options_init(&opt);
	opt.since = s1;
	opt.omit_cancelled = true;
	cal = export_ics(&g, &opt);
	assert_null(find_event(cal, PANEL));
	icalcomponent_free(cal);
	/* ... and the same from the previous revision's schedule, which sent
	 * the panel at revision 2 - 1 = 1: cancelled at 2 */
	tp_export_options_init(&opt);
	opt.previous = f.sched;
	cal = export_ics(&g, &opt);
	assert_int_equal(icalcomponent_get_status(find_event(cal, PANEL)),
			 ICAL_STATUS_CANCELLED);
	assert_int_equal(sequence_of(cal, PANEL), 2);
	icalcomponent_free(cal);

	/* recorded: the panel kept as removed at 1 ... */
	struct tp_snapshot *s2 = record(&g, s1);
	assert_true(tp_snapshot_series(s2, 1, &st));
	assert_string_equal(st.id, "panel");
	assert_true(st.removed);
	assert_int_equal(st.sequence, 1);
	/* ... and back at revision 3 above its cancellation */
	tp_plan_set_revision(f.plan, 3);
	cal = export_since(&f, s2);
	assert_int_equal(sequence_of(cal, PANEL), 2);
	assert_int_equal(icalcomponent_get_status(find_event(cal, PANEL)),
			 ICAL_STATUS_CONFIRMED);
	assert_int_equal(sequence_of(cal, CABINET), 0);
	icalcomponent_free(cal);
	/* removed in s2 and back: added again, not removed twice */
	series_diff(s2, &f, 1, 0, 1, 0);
	series_diff(s2, &g, 1, 0, 0, 0);

	/* a stage decided at the Cabinet changes what its event says */
	size_t s;
	assert_true(tp_plan_find_stage(f.plan, "director-approval", &s));
	assert_int_equal(tp_plan_set_stage_meeting(f.plan, s, "cabinet", NULL),
			 TP_OK);
	reschedule(&f);
	cal = export_since(&f, s1);
	assert_int_equal(sequence_of(cal, CABINET), 1);
	assert_int_equal(sequence_of(cal, PANEL), 0);
	icalcomponent_free(cal);
	series_diff(s1, &f, 1, 1, 0, 0);

	/* a snapshot without series (as files written before series were
	 * recorded): the revision rule, revision - 1, never lower than what
	 * was sent before */
	struct tp_snapshot *bare = record(&h, NULL);
	assert_int_equal(tp_snapshot_series_count(bare), 0);
	cal = export_since(&f, bare);
	assert_int_equal(sequence_of(cal, CABINET), 2);
	assert_int_equal(sequence_of(cal, PANEL), 2);
	icalcomponent_free(cal);
	series_diff(bare, &f, 0, 0, 2, 0);

	tp_snapshot_free(bare);
	tp_snapshot_free(s2);
	tp_snapshot_free(s1);
	fixture_free(&h);
	fixture_free(&g);
	fixture_free(&f);
}

/* A series' name as long as a plan file may hold (300 "é", 600 bytes
 * here; a 4,200-byte name of "€" through the library) is written whole
 * in SUMMARY and DESCRIPTION, or cut before a whole character: the old
 * buffers of 200 and 160 bytes cut it in the middle of one, with an id of
 * four letters, and the calendar was not UTF-8. */
static void
long_series_names_stay_utf8(void **state)
{
	char name[4300], want[4300];
	struct fixture f;
	struct tp_meeting_spec m;
	const struct tp_date day = TP_DATE(2012, 2, 14);
	char *buf = NULL;
	size_t len = 0;
	assert_int_equal(fixture_hartlepool(&f, NULL), 0);
	name[0] = '\0';
	for (int i = 0; i < 300; i++)
		strcat(name, "\xc3\xa9");
	tp_meeting_spec_init(&m);
	m.id = "pane";
	m.name = name;
	m.dates = &day;
	m.n_dates = 1;
	assert_int_equal(tp_plan_add_meeting_series(f.plan, &m, NULL, NULL),
			 TP_OK);
	char euros[4300] = "";
	for (int i = 0; i < 1400; i++)
		strcat(euros, "\xe2\x82\xac");
	m.id = "long";
	m.name = euros;
	assert_int_equal(tp_plan_add_meeting_series(f.plan, &m, NULL, NULL),
			 TP_OK);
	reschedule(&f);
	assert_int_equal(tp_export_to_buffer(TP_EXPORT_ICS, f.plan, f.sched,
					     NULL, &buf, &len, NULL),
			 TP_OK);
	assert_true(tp_text_check(buf, len, TP_TEXT_LINES, NULL));
	icalcomponent *cal = icalparser_parse_string(buf);
	free(buf);
	icalcomponent *e =
		find_event(cal, "pane+meetings.hartlepool-2011@tenderplan");
	assert_non_null(e);
	snprintf(want, sizeof(want), "%s meeting", name);
	assert_string_equal(icalcomponent_get_summary(e), want);
	snprintf(want, sizeof(want), "Meetings of 'pane' (%s).", name);
	assert_string_equal(icalcomponent_get_description(e), want);
	/* 1,400 "€" and " meeting" are 4,208 bytes: 1,399 whole ones fit */
	e = find_event(cal, "long+meetings.hartlepool-2011@tenderplan");
	assert_non_null(e);
	assert_int_equal(strlen(icalcomponent_get_summary(e)), 1399 * 3);
	assert_memory_equal(icalcomponent_get_summary(e), euros, 1399 * 3);
	icalcomponent_free(cal);
	/* the Gantt chart's meeting lines carry the name in their tips */
	for (int fmt = TP_EXPORT_SVG; fmt <= TP_EXPORT_HTML; fmt++) {
		assert_int_equal(tp_export_to_buffer((enum tp_export_format)fmt,
						     f.plan, f.sched, NULL,
						     &buf, &len, NULL),
				 TP_OK);
		if (!tp_text_check(buf, len, TP_TEXT_LINES, NULL))
			fail_msg("%s is not UTF-8",
				 tp_export_format_name(
					 (enum tp_export_format)fmt));
		free(buf);
	}
	fixture_free(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(calendar_properties),
		cmocka_unit_test(vtimezone_europe_london),
		cmocka_unit_test(events_hartlepool),
		cmocka_unit_test(events_thurrock),
		cmocka_unit_test(deadlines_in_utc),
		cmocka_unit_test(deadlines_only),
		cmocka_unit_test(alarms_count_working_days),
		cmocka_unit_test(uid_scheme),
		cmocka_unit_test(plan_without_id_is_refused),
		cmocka_unit_test(previous_schedule_cancels_removed_stage),
		cmocka_unit_test(sequence_rises_only_for_changes),
		cmocka_unit_test(snapshot_of_another_plan_is_ignored),
		cmocka_unit_test(deadline_minutes),
		cmocka_unit_test(portfolio_with_one_id_twice),
		cmocka_unit_test(portfolio_follows_each_plans_snapshot),
		cmocka_unit_test(portfolio_same_on_any_threads),
		cmocka_unit_test(portfolio_error_on_any_threads),
		cmocka_unit_test(portfolio_one_calendar),
		cmocka_unit_test(portfolio_is_its_plans_events),
		cmocka_unit_test(title_like_the_end_line),
		cmocka_unit_test(file_output_is_atomic),
		cmocka_unit_test(schedule_of_another_plan_is_refused),
		cmocka_unit_test(other_time_zones),
		cmocka_unit_test(deadlines_across_clock_changes),
		cmocka_unit_test(related_to_each_predecessor),
		cmocka_unit_test(meeting_series_follow_snapshots),
		cmocka_unit_test(long_series_names_stay_utf8),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	icaltimezone_free_builtin_timezones();
	return rc;
}
