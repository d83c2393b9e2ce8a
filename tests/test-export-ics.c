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

#include "export-fixtures.h"
#include "export-private.h"

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

/* The VTIMEZONE: TZID exactly Europe/London, two RRULE observances, no
 * RDATE, and the same UTC offsets as libical's own Europe/London every
 * six hours from 1997 to 2036 (the built-in zone's own data). */
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
	int obs = 0;
	for (icalcomponent *o =
		     icalcomponent_get_first_component(tz, ICAL_ANY_COMPONENT);
	     o; o = icalcomponent_get_next_component(tz, ICAL_ANY_COMPONENT)) {
		obs++;
		assert_non_null(icalcomponent_get_first_property(
			o, ICAL_RRULE_PROPERTY));
		assert_null(icalcomponent_get_first_property(
			o, ICAL_RDATE_PROPERTY));
	}
	assert_int_equal(obs, 2);

	icaltimezone *mine = icaltimezone_new();
	assert_int_equal(
		icaltimezone_set_component(mine, icalcomponent_new_clone(tz)),
		1);
	icaltimezone *ref = icaltimezone_get_builtin_timezone("Europe/London");
	int checked = 0;
	for (time_t t = 852076800; t < 2114380800; t += 6 * 3600) {
		/* 1997-01-01 to 2037-01-01 UTC */
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
	assert_true(checked > 50000);
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
		/* timed in Europe/London, no DTEND */
		assert_false(st.is_date);
		assert_true(tp_date_equal(date_of(st), b));
		assert_int_equal(st.hour * 60 + st.minute, t);
		icalproperty *p = icalcomponent_get_first_property(
			ev, ICAL_DTSTART_PROPERTY);
		icalparameter *tz = icalproperty_get_first_parameter(
			p, ICAL_TZID_PARAMETER);
		assert_non_null(tz);
		assert_string_equal(icalparameter_get_tzid(tz),
				    "Europe/London");
		assert_null(icalcomponent_get_first_property(
			ev, ICAL_DTEND_PROPERTY));
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

/* Revision 2 without the report-scrutiny stage: the other events keep
 * their UIDs with SEQUENCE 1; the removed stage comes back cancelled at
 * its old date (Thu 2 Feb 2012). */
static void
revision_keeps_uids_and_cancels(void **state)
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
		icalcomponent *e2 = find_event(c2, icalcomponent_get_uid(e));
		assert_non_null(e2);
		icalproperty *p = icalcomponent_get_first_property(
			e2, ICAL_SEQUENCE_PROPERTY);
		assert_int_equal(icalproperty_get_sequence(p), 1);
		bool removed =
			!strcmp(icalcomponent_get_uid(e),
				"report-scrutiny.hartlepool-2011@tenderplan");
		assert_int_equal(icalcomponent_get_status(e2),
				 removed ? ICAL_STATUS_CANCELLED
					 : ICAL_STATUS_CONFIRMED);
		if (removed)
			assert_true(tp_date_equal(
				date_of(icalcomponent_get_dtstart(e2)),
				TP_DATE(2012, 2, 2)));
	}
	icalcomponent_free(c2);
	/* the same from a list of removed ids */
	const char *gone[] = {"report-scrutiny"};
	tp_export_options_init(&opt);
	opt.removed = gone;
	opt.n_removed = 1;
	c2 = export_ics(&r2, &opt);
	icalcomponent *e =
		find_event(c2, "report-scrutiny.hartlepool-2011@tenderplan");
	assert_non_null(e);
	assert_int_equal(icalcomponent_get_status(e), ICAL_STATUS_CANCELLED);
	icalcomponent_free(c2);
	icalcomponent_free(c1);
	fixture_free(&r1);
	fixture_free(&r2);
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
		cmocka_unit_test(revision_keeps_uids_and_cancels),
		cmocka_unit_test(portfolio_one_calendar),
		cmocka_unit_test(file_output_is_atomic),
		cmocka_unit_test(schedule_of_another_plan_is_refused),
		cmocka_unit_test(other_time_zones),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	icaltimezone_free_builtin_timezones();
	return rc;
}
