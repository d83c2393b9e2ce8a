/* SPDX-License-Identifier: MIT */
/* Built objects are safe for concurrent readers (STYLE.md section 4): four
 * threads query one calendar and one schedule at once and must get the
 * answers a single thread got first. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <tenderplan/tenderplan.h>

#define QUERIES 20000
#define THREADS 4

struct shared {
	const struct tp_calendar *cal;
	const struct tp_schedule *sched;
	size_t stages;
	struct tp_date from[QUERIES];
	int32_t n[QUERIES];
	int32_t add[QUERIES], between[QUERIES];
	char explain[64][256];
	int mismatches[THREADS];
};

static void
answer(const struct shared *sh, size_t i, int32_t *add, int32_t *between)
{
	struct tp_date d;
	*add = tp_calendar_add_working_days(sh->cal, sh->from[i], sh->n[i], &d,
					    NULL) == TP_OK
		       ? d.day
		       : INT32_MIN;
	d.day = sh->from[i].day + 3 * sh->n[i];
	if (tp_calendar_working_days_between(sh->cal, sh->from[i], d, between,
					     NULL) != TP_OK)
		*between = INT32_MIN;
}

struct job {
	struct shared *sh;
	int id;
};

static void *
run_job(void *arg)
{
	struct job *j = arg;
	struct shared *sh = j->sh;
	char buf[256];

	for (size_t i = 0; i < QUERIES; i++) {
		int32_t a, b;
		answer(sh, i, &a, &b);
		if (a != sh->add[i] || b != sh->between[i])
			sh->mismatches[j->id]++;
	}
	for (size_t s = 0; s < sh->stages && s < 64; s++) {
		tp_schedule_describe(sh->sched, s, TP_PASS_EARLY, buf,
				     sizeof(buf));
		if (strcmp(buf, sh->explain[s]))
			sh->mismatches[j->id]++;
	}
	return NULL;
}

static struct tp_plan *
chain_plan(const struct tp_calendar *cal, size_t n)
{
	struct tp_plan *p;
	char id[16], prev[16];
	size_t i;
	assert_int_equal(tp_plan_new(&p, NULL), TP_OK);
	tp_plan_set_calendar(p, cal);
	assert_int_equal(tp_plan_set_start_date(p, TP_DATE(2025, 3, 3), NULL),
			 TP_OK);
	for (size_t k = 0; k < n; k++) {
		snprintf(id, sizeof(id), "s%zu", k);
		assert_int_equal(tp_plan_add_stage(p, id, id, TP_STAGE_CUSTOM,
						   (int32_t)(k % 7) + 1,
						   TP_UNIT_WORKING_DAYS, &i,
						   NULL),
				 TP_OK);
		if (k > 0)
			assert_int_equal(tp_plan_add_dependency(
						 p, prev, id,
						 TP_DEP_FINISH_TO_START, 0,
						 TP_UNIT_WORKING_DAYS, NULL),
					 TP_OK);
		memcpy(prev, id, sizeof(id));
	}
	return p;
}

static void
concurrent_readers(void **state)
{
	struct shared *sh = calloc(1, sizeof(*sh));
	struct tp_calendar *cal;
	struct tp_plan *plan;
	struct tp_schedule *sched;
	pthread_t th[THREADS];
	struct job jobs[THREADS];
	unsigned seed = 12345;

	assert_non_null(sh);
	assert_int_equal(tp_calendar_new_region(TP_REGION_UK, &cal, NULL),
			 TP_OK);
	plan = chain_plan(cal, 40);
	assert_int_equal(tp_schedule_compute(plan, TP_SCHEDULE_FORWARD, &sched,
					     NULL),
			 TP_OK);
	sh->cal = cal;
	sh->sched = sched;
	sh->stages = tp_plan_stage_count(plan);
	for (size_t i = 0; i < QUERIES; i++) {
		seed = seed * 1103515245u + 12345u;
		sh->from[i].day = TP_DATE(2000, 1, 1).day + (int32_t)(seed % 14000);
		seed = seed * 1103515245u + 12345u;
		sh->n[i] = (int32_t)(seed % 601) - 300;
		answer(sh, i, &sh->add[i], &sh->between[i]);
	}
	/* The queries stay inside the calendar: real answers, not errors. */
	size_t valid = 0;
	for (size_t i = 0; i < QUERIES; i++)
		valid += sh->add[i] != INT32_MIN && sh->between[i] != INT32_MIN;
	assert_int_equal(valid, QUERIES);
	for (size_t s = 0; s < sh->stages && s < 64; s++)
		tp_schedule_describe(sched, s, TP_PASS_EARLY, sh->explain[s],
				     sizeof(sh->explain[s]));
	for (int t = 0; t < THREADS; t++) {
		jobs[t] = (struct job){sh, t};
		assert_int_equal(pthread_create(&th[t], NULL, run_job, &jobs[t]),
				 0);
	}
	for (int t = 0; t < THREADS; t++) {
		assert_int_equal(pthread_join(th[t], NULL), 0);
		assert_int_equal(sh->mismatches[t], 0);
	}
	tp_schedule_free(sched);
	tp_plan_free(plan);
	tp_calendar_free(cal);
	free(sh);
}

/* ---- a meeting series read on by several threads at once (#11) -------- */

#define MEETING_QUERIES 400

struct meeting_job {
	const struct tp_plan *plan;
	const struct tp_date *all; /* the whole expansion, from another plan */
	size_t n_all;
	unsigned seed;
	int mismatches;
};

static void *
run_meeting_job(void *arg)
{
	struct meeting_job *j = arg;
	for (int q = 0; q < MEETING_QUERIES; q++) {
		j->seed = j->seed * 1103515245u + 12345u;
		int y = 2026 + (int)(j->seed % 174);
		struct tp_date a = TP_DATE(y, 1, 1), b = TP_DATE(y, 12, 31);
		size_t n = 0, k = 0;
		const struct tp_date *d =
			tp_plan_meeting_dates_between(j->plan, 0, a, b, &n);
		while (k < j->n_all && j->all[k].day < a.day)
			k++;
		if (n != 12)
			j->mismatches++;
		for (size_t i = 0; i < n && k + i < j->n_all; i++)
			if (d[i].day != j->all[k + i].day)
				j->mismatches++;
	}
	return NULL;
}

static struct tp_plan *
cabinet_plan(void)
{
	struct tp_plan *p = NULL;
	struct tp_meeting_spec m;
	assert_int_equal(tp_plan_new(&p, NULL), TP_OK);
	tp_meeting_spec_init(&m);
	m.id = "cabinet";
	m.rule = "FREQ=MONTHLY;BYDAY=3TH";
	m.rule_from = TP_DATE(2026, 1, 1);
	assert_int_equal(tp_plan_add_meeting_series(p, &m, NULL, NULL), TP_OK);
	return p;
}

/* Four threads ask one plan for the meetings of random years, so that
 * they read the rule on at the same time; each year has 12 third
 * Thursdays, the same as the whole expansion of a second plan. */
static void
concurrent_meeting_readers(void **state)
{
	struct tp_plan *whole = cabinet_plan(), *lazy = cabinet_plan();
	struct meeting_job jobs[THREADS];
	pthread_t th[THREADS];
	size_t n_all = 0;
	const struct tp_date *all = tp_plan_meeting_dates(whole, 0, &n_all);

	(void)state;
	assert_int_equal(n_all, 174 * 12); /* 2026 to 2199 */
	for (int t = 0; t < THREADS; t++) {
		jobs[t] = (struct meeting_job){lazy, all, n_all, 77u + (unsigned)t,
					       0};
		assert_int_equal(pthread_create(&th[t], NULL, run_meeting_job,
						&jobs[t]),
				 0);
	}
	for (int t = 0; t < THREADS; t++) {
		assert_int_equal(pthread_join(th[t], NULL), 0);
		assert_int_equal(jobs[t].mismatches, 0);
	}
	tp_plan_free(lazy);
	tp_plan_free(whole);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(concurrent_readers),
		cmocka_unit_test(concurrent_meeting_readers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
