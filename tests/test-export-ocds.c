/* SPDX-License-Identifier: MIT */
/* The OCDS export: which stage gives which field, the date-times and
 * their UTC offsets, milestone types, ocids, errors. Schema validity is
 * checked by export-ocds-ajv.sh; here the values.
 *
 * The plan below was laid out by hand on a 2025 calendar (England and
 * Wales: Good Friday 18 Apr, Easter Monday 21 Apr, early May bank holiday
 * 5 May). British Summer Time ran from 01:00 GMT on Sun 30 Mar to 01:00
 * GMT on Sun 26 Oct 2025 (Summer Time Act 1972 s.1), so dates up to 29 Mar
 * and from 26 Oct are +00:00 and those between +01:00. Each expected date
 * below is counted in the comment beside it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include <tenderplan/tenderplan.h>

struct fx {
	struct tp_calendar *cal;
	struct tp_plan *plan;
	struct tp_schedule *sched;
};

static void
stage(struct tp_plan *p, const char *id, enum tp_stage_kind kind, int amount,
      enum tp_unit unit)
{
	assert_int_equal(
		tp_plan_add_stage(p, id, NULL, kind, amount, unit, NULL, NULL),
		TP_OK);
}

static void
dep(struct tp_plan *p, const char *from, const char *to, enum tp_dep_type t,
    int lag, enum tp_unit unit)
{
	assert_int_equal(
		tp_plan_add_dependency(p, from, to, t, lag, unit, NULL), TP_OK);
}

static void
set_time(struct tp_plan *p, const char *id, int minutes)
{
	size_t i;
	assert_true(tp_plan_find_stage(p, id, &i));
	assert_int_equal(tp_plan_set_stage_time(p, i, minutes, NULL), TP_OK);
}

static void
build(struct fx *f, const char *id)
{
	struct tp_calendar_builder *b;
	enum tp_unit WD = TP_UNIT_WORKING_DAYS, CD = TP_UNIT_CALENDAR_DAYS;
	enum tp_dep_type FS = TP_DEP_FINISH_TO_START,
			 SS = TP_DEP_START_TO_START,
			 FF = TP_DEP_FINISH_TO_FINISH;
	assert_int_equal(tp_calendar_builder_new(&b, NULL), TP_OK);
	assert_int_equal(tp_calendar_builder_set_range(b, 2024, 2027, NULL),
			 TP_OK);
	assert_int_equal(tp_calendar_builder_build(b, &f->cal, NULL), TP_OK);
	tp_calendar_builder_free(b);
	assert_int_equal(tp_plan_new(&f->plan, NULL), TP_OK);
	struct tp_plan *p = f->plan;
	if (id)
		assert_int_equal(tp_plan_set_id(p, id, NULL), TP_OK);
	assert_int_equal(tp_plan_set_name(p, "Day services \"2025\"", NULL),
			 TP_OK);
	tp_plan_set_revision(p, 3);
	tp_plan_set_calendar(p, f->cal);
	assert_int_equal(tp_plan_set_start_date(p, TP_DATE(2025, 3, 3), NULL),
			 TP_OK);
	/* Mon 3 - Fri 7 Mar */
	stage(p, "spec", TP_STAGE_SPECIFICATION, 5, WD);
	/* Mon 10 Mar */
	stage(p, "advert", TP_STAGE_ADVERT, 0, WD);
	dep(p, "spec", "advert", FS, 0, WD);
	/* Tue 11 Mar + 29 days = Wed 9 Apr */
	stage(p, "tender-period", TP_STAGE_TENDER_PERIOD, 30, CD);
	dep(p, "advert", "tender-period", FS, 0, WD);
	/* finish no earlier than 9 Apr - 6 days: Thu 3 Apr, 17:00 */
	stage(p, "questions", TP_STAGE_CLARIFICATION_DEADLINE, 0, WD);
	dep(p, "tender-period", "questions", FF, -6, CD);
	set_time(p, "questions", 17 * 60);
	/* Wed 9 Apr 12:00 */
	stage(p, "deadline", TP_STAGE_TENDER_DEADLINE, 0, WD);
	dep(p, "tender-period", "deadline", FF, 0, WD);
	set_time(p, "deadline", 12 * 60);
	/* custom, 5 working days after the advert: Mon 17 Mar */
	stage(p, "site-visit", TP_STAGE_CUSTOM, 0, WD);
	dep(p, "advert", "site-visit", SS, 5, WD);
	/* Thu 10, Fri 11, Mon 14 - Thu 17, (Easter) Tue 22 - Fri 25 Apr */
	stage(p, "evaluation", TP_STAGE_EVALUATION, 10, WD);
	dep(p, "deadline", "evaluation", FS, 0, WD);
	/* Mon 28 Apr */
	stage(p, "letters", TP_STAGE_INTENTION_TO_AWARD, 0, WD);
	dep(p, "evaluation", "letters", FS, 0, WD);
	/* Tue 29 Apr + 9 days = Thu 8 May (10th day after the letters) */
	stage(p, "standstill", TP_STAGE_STANDSTILL, 10, CD);
	dep(p, "letters", "standstill", FS, 0, WD);
	/* Fri 9 May */
	stage(p, "award", TP_STAGE_AWARD, 0, WD);
	dep(p, "standstill", "award", FS, 0, WD);
	/* Mon 3 Nov (a constraint), after the clocks went back */
	stage(p, "start", TP_STAGE_CONTRACT_START, 0, WD);
	dep(p, "award", "start", FS, 0, WD);
	assert_int_equal(
		tp_plan_add_constraint(p, "start",
				       TP_CONSTRAINT_START_NO_EARLIER_THAN,
				       TP_DATE(2025, 11, 3), NULL),
		TP_OK);
	/* custom, after the contract start: Tue 4 - Mon 10 Nov */
	stage(p, "review", TP_STAGE_CUSTOM, 5, WD);
	dep(p, "start", "review", FS, 0, WD);
	assert_int_equal(
		tp_schedule_compute(p, TP_SCHEDULE_FORWARD, &f->sched, NULL),
		TP_OK);
}

static void
fx_free(struct fx *f)
{
	tp_schedule_free(f->sched);
	tp_plan_free(f->plan);
	tp_calendar_free(f->cal);
}

static json_t *
export_json(const struct fx *f, const char *prefix)
{
	struct tp_export_options opt;
	char *buf = NULL;
	tp_export_options_init(&opt);
	opt.dtstamp = 1751371200; /* 2025-07-01 12:00:00 UTC */
	opt.ocid_prefix = prefix;
	assert_int_equal(tp_export_to_buffer(TP_EXPORT_OCDS, f->plan, f->sched,
					     &opt, &buf, NULL, NULL),
			 TP_OK);
	json_error_t e;
	json_t *j = json_loads(buf, JSON_REJECT_DUPLICATES, &e);
	if (!j)
		fail_msg("export is not JSON: %s (line %d)", e.text, e.line);
	free(buf);
	return j;
}

/* The string at @p path ("releases/0/tender/tenderPeriod/endDate"), or
 * NULL if there is none. */
static const char *
at(json_t *j, const char *path)
{
	char buf[256], *save = NULL;
	snprintf(buf, sizeof(buf), "%s", path);
	for (char *k = strtok_r(buf, "/", &save); k && j;
	     k = strtok_r(NULL, "/", &save))
		j = json_is_array(j) ? json_array_get(j, strtoul(k, NULL, 10))
				     : json_object_get(j, k);
	return json_string_value(j);
}

static void
assert_at(json_t *j, const char *path, const char *want)
{
	const char *got = at(j, path);
	if (!got || strcmp(got, want))
		fail_msg("%s: got %s, want %s", path, got ? got : "(none)",
			 want);
}

#define T "releases/0/tender/"

static void
periods(void **state)
{
	struct fx f;
	build(&f, "day-services-2025");
	json_t *j = export_json(&f, "ocds-b5fd17");
	assert_at(j, T "tenderPeriod/startDate", "2025-03-11T00:00:00+00:00");
	/* the deadline stage with its time, not the period's end of day */
	assert_at(j, T "tenderPeriod/endDate", "2025-04-09T12:00:00+01:00");
	assert_at(j, T "enquiryPeriod/startDate", "2025-03-11T00:00:00+00:00");
	assert_at(j, T "enquiryPeriod/endDate", "2025-04-03T17:00:00+01:00");
	assert_at(j, T "awardPeriod/startDate", "2025-04-10T00:00:00+01:00");
	assert_at(j, T "awardPeriod/endDate", "2025-05-09T23:59:59+01:00");
	assert_at(j, T "contractPeriod/startDate", "2025-11-03T00:00:00+00:00");
	assert_null(at(j, T "contractPeriod/endDate"));
	assert_at(j, T "status", "planned");
	assert_at(j, T "id", "day-services-2025");
	assert_at(j, T "title", "Day services \"2025\"");
	json_decref(j);
	fx_free(&f);
}

static void
release_fields(void **state)
{
	struct fx f;
	build(&f, "day-services-2025");
	json_t *j = export_json(&f, "ocds-b5fd17");
	assert_at(j, "version", "1.1");
	/* 12:00 UTC on 1 Jul 2025 is 13:00 BST */
	assert_at(j, "publishedDate", "2025-07-01T13:00:00+01:00");
	assert_at(j, "releases/0/date", "2025-07-01T13:00:00+01:00");
	assert_at(j, "releases/0/ocid", "ocds-b5fd17-day-services-2025");
	assert_at(j, "releases/0/id", "tenderplan-rev-3");
	assert_at(j, "releases/0/tag/0", "planning");
	assert_null(at(j, "releases/0/tag/1"));
	assert_at(j, "releases/0/initiationType", "tender");
	assert_at(j, "publisher/name", "tenderplan");
	assert_int_equal(json_array_size(json_object_get(j, "releases")), 1);
	json_decref(j);
	fx_free(&f);
}

struct want_milestone {
	const char *id, *type, *due;
};

static void
milestones(void **state)
{
	/* every stage that gives no period field, in plan order, once */
	static const struct want_milestone want[] = {
		{"spec", "preProcurement", "2025-03-07T23:59:59+00:00"},
		{"advert", "engagement", "2025-03-10T23:59:59+00:00"},
		{"site-visit", "engagement", "2025-03-17T23:59:59+00:00"},
		{"letters", "assessment", "2025-04-28T23:59:59+01:00"},
		{"standstill", "assessment", "2025-05-08T23:59:59+01:00"},
		{"review", "delivery", "2025-11-10T23:59:59+00:00"},
	};
	struct fx f;
	build(&f, "day-services-2025");
	json_t *j = export_json(&f, NULL);
	json_t *list = json_object_get(
		json_object_get(
			json_array_get(json_object_get(j, "releases"), 0),
			"tender"),
		"milestones");
	assert_int_equal(json_array_size(list), 6);
	for (size_t i = 0; i < 6; i++) {
		char path[64];
		snprintf(path, sizeof(path), "%zu/id", i);
		assert_string_equal(at(list, path), want[i].id);
		snprintf(path, sizeof(path), "%zu/type", i);
		assert_string_equal(at(list, path), want[i].type);
		snprintf(path, sizeof(path), "%zu/dueDate", i);
		assert_string_equal(at(list, path), want[i].due);
		snprintf(path, sizeof(path), "%zu/status", i);
		assert_string_equal(at(list, path), "scheduled");
	}
	assert_string_equal(at(list, "4/code"), "standstill");
	assert_string_equal(at(list, "4/description"),
			    "Standstill from 2025-04-29 to the end of "
			    "2025-05-08; the contract may be entered into "
			    "from 2025-05-09.");
	/* the default prefix */
	assert_at(j, "releases/0/ocid", "ocds-tenderplan-day-services-2025");
	json_decref(j);
	fx_free(&f);
}

/* Without a tender-period stage the deadline alone ends the tender
 * period and a single-stage advert starts it (as check.c counts). */
static void
advert_starts_single_stage(void **state)
{
	struct tp_calendar_builder *b;
	struct tp_calendar *cal;
	struct tp_plan *p;
	struct tp_schedule *s;
	assert_int_equal(tp_calendar_builder_new(&b, NULL), TP_OK);
	assert_int_equal(tp_calendar_builder_build(b, &cal, NULL), TP_OK);
	tp_calendar_builder_free(b);
	assert_int_equal(tp_plan_new(&p, NULL), TP_OK);
	assert_int_equal(tp_plan_set_id(p, "small", NULL), TP_OK);
	tp_plan_set_calendar(p, cal);
	assert_int_equal(tp_plan_set_start_date(p, TP_DATE(2025, 10, 20), NULL),
			 TP_OK);
	stage(p, "advert", TP_STAGE_ADVERT, 0, TP_UNIT_WORKING_DAYS);
	stage(p, "deadline", TP_STAGE_TENDER_DEADLINE, 0, TP_UNIT_WORKING_DAYS);
	/* Mon 20 Oct + "the day after" + 13 calendar days = Mon 3 Nov */
	dep(p, "advert", "deadline", TP_DEP_FINISH_TO_START, 13,
	    TP_UNIT_CALENDAR_DAYS);
	assert_int_equal(tp_schedule_compute(p, TP_SCHEDULE_FORWARD, &s, NULL),
			 TP_OK);
	struct fx f = {cal, p, s};
	json_t *j = export_json(&f, NULL);
	assert_at(j, T "tenderPeriod/startDate", "2025-10-20T00:00:00+01:00");
	assert_at(j, T "tenderPeriod/endDate", "2025-11-03T23:59:59+00:00");
	assert_null(json_object_get(
		json_object_get(
			json_array_get(json_object_get(j, "releases"), 0),
			"tender"),
		"milestones"));
	assert_null(at(j, T "awardPeriod/startDate"));
	json_decref(j);
	fx_free(&f);
}

static void
portfolio_two_releases(void **state)
{
	struct fx a, b;
	build(&a, "lot-1");
	build(&b, "lot-2");
	const struct tp_schedule *s[] = {a.sched, b.sched};
	char *buf = NULL;
	assert_int_equal(tp_export_portfolio_to_buffer(TP_EXPORT_OCDS, s, 2,
						       NULL, &buf, NULL, NULL),
			 TP_OK);
	json_t *j = json_loads(buf, 0, NULL);
	assert_non_null(j);
	assert_at(j, "releases/0/ocid", "ocds-tenderplan-lot-1");
	assert_at(j, "releases/1/ocid", "ocds-tenderplan-lot-2");
	json_decref(j);
	free(buf);
	fx_free(&a);
	fx_free(&b);
}

/* The package of @p n plans written on @p threads threads. */
static enum tp_status
ocds_threads(const struct tp_schedule *const *s, size_t n, uint32_t threads,
	     char **out, struct tp_error *err)
{
	struct tp_export_options opt;
	tp_export_options_init(&opt);
	opt.dtstamp = 1751371200;
	opt.threads = threads;
	*out = NULL;
	return tp_export_portfolio_to_buffer(TP_EXPORT_OCDS, s, n, &opt, out,
					     NULL, err);
}

/* A package of 150 releases is the same bytes on any number of threads
 * (tp_export_options.threads, #11: pieces of releases written on worker
 * threads, each with its own zone), every third plan in New York's zone;
 * and with plan 120 without an id and plan 140 in a zone that does not
 * exist, the error is plan 120's on any number, as on one thread. */
static void
portfolio_same_on_any_threads(void **state)
{
	enum {
		N = 150
	};
	static const uint32_t threads[] = {2, 3, 8, 0};
	struct fx *f = calloc(N, sizeof(*f));
	const struct tp_schedule *s[N];
	struct tp_error one, err;
	char id[16], *alone = NULL, *many = NULL;
	assert_non_null(f);
	for (size_t k = 0; k < N; k++) {
		snprintf(id, sizeof(id), "lot-%zu", k);
		build(&f[k], id);
		if (k % 3 == 1)
			assert_int_equal(
				tp_plan_set_time_zone(f[k].plan,
						      "America/New_York", NULL),
				TP_OK);
		s[k] = f[k].sched;
	}
	assert_int_equal(ocds_threads(s, N, 1, &alone, NULL), TP_OK);
	json_t *j = json_loads(alone, JSON_REJECT_DUPLICATES, NULL);
	assert_non_null(j);
	assert_int_equal(json_array_size(json_object_get(j, "releases")), N);
	assert_at(j, "releases/149/ocid", "ocds-tenderplan-lot-149");
	assert_at(j, "releases/1/tender/tenderPeriod/startDate",
		  "2025-03-11T00:00:00-04:00");
	json_decref(j);
	for (size_t t = 0; t < sizeof(threads) / sizeof(threads[0]); t++) {
		assert_int_equal(ocds_threads(s, N, threads[t], &many, NULL),
				 TP_OK);
		if (strcmp(alone, many) != 0)
			fail_msg("%u threads: not the bytes of one",
				 (unsigned)threads[t]);
		free(many);
	}
	free(alone);

	assert_int_equal(tp_plan_set_id(f[120].plan, NULL, NULL), TP_OK);
	assert_int_equal(
		tp_plan_set_time_zone(f[140].plan, "Mars/Olympus", NULL),
		TP_OK);
	assert_int_equal(ocds_threads(s, N, 1, &alone, &one), TP_ERR_INVALID);
	assert_non_null(strstr(one.message, "plan's id"));
	for (size_t t = 0; t < sizeof(threads) / sizeof(threads[0]); t++) {
		assert_int_equal(ocds_threads(s, N, threads[t], &many, &err),
				 TP_ERR_INVALID);
		assert_null(many);
		assert_string_equal(err.message, one.message);
	}
	for (size_t k = 0; k < N; k++)
		fx_free(&f[k]);
	free(f);
}

static void
errors(void **state)
{
	struct fx f;
	struct tp_export_options opt;
	struct tp_error err;
	char *buf = NULL;
	build(&f, NULL);
	assert_int_equal(tp_export_to_buffer(TP_EXPORT_OCDS, f.plan, f.sched,
					     NULL, &buf, NULL, &err),
			 TP_ERR_INVALID);
	assert_non_null(strstr(err.message, "plan's id"));
	assert_int_equal(tp_plan_set_id(f.plan, "x", NULL), TP_OK);
	tp_export_options_init(&opt);
	opt.ocid_prefix = "ocds b5fd17";
	assert_int_equal(tp_export_to_buffer(TP_EXPORT_OCDS, f.plan, f.sched,
					     &opt, &buf, NULL, &err),
			 TP_ERR_INVALID);
	assert_non_null(strstr(err.message, "ocid prefix"));
	opt.ocid_prefix = "";
	assert_int_equal(tp_export_to_buffer(TP_EXPORT_OCDS, f.plan, f.sched,
					     &opt, &buf, NULL, &err),
			 TP_ERR_INVALID);
	assert_int_equal(tp_plan_set_time_zone(f.plan, "Mars/Olympus", NULL),
			 TP_OK);
	assert_int_equal(tp_export_to_buffer(TP_EXPORT_OCDS, f.plan, f.sched,
					     NULL, &buf, NULL, &err),
			 TP_ERR_INVALID);
	assert_non_null(strstr(err.message, "Mars/Olympus"));
	assert_null(buf);
	enum tp_export_format fmt;
	assert_int_equal(tp_export_format_from_name("ocds", &fmt, NULL), TP_OK);
	assert_int_equal(fmt, TP_EXPORT_OCDS);
	assert_string_equal(tp_export_format_name(TP_EXPORT_OCDS), "ocds");
	fx_free(&f);
}

/* Another zone's offsets come from libical's rules too: New York was
 * UTC-4 on 11 Mar 2025 (DST from 9 Mar) and UTC-5 on 3 Nov 2025. */
static void
other_time_zone(void **state)
{
	struct fx f;
	build(&f, "ny");
	assert_int_equal(
		tp_plan_set_time_zone(f.plan, "America/New_York", NULL), TP_OK);
	json_t *j = export_json(&f, NULL);
	assert_at(j, T "tenderPeriod/startDate", "2025-03-11T00:00:00-04:00");
	assert_at(j, T "contractPeriod/startDate", "2025-11-03T00:00:00-05:00");
	json_decref(j);
	fx_free(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(periods),
		cmocka_unit_test(release_fields),
		cmocka_unit_test(milestones),
		cmocka_unit_test(advert_starts_single_stage),
		cmocka_unit_test(portfolio_two_releases),
		cmocka_unit_test(portfolio_same_on_any_threads),
		cmocka_unit_test(errors),
		cmocka_unit_test(other_time_zone),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
