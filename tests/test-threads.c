/* SPDX-License-Identifier: MIT */
/* Built objects are safe for concurrent readers (STYLE.md section 4): four
 * threads query one calendar and one schedule at once and must get the
 * answers a single thread got first. And tp_plan_set_read(), which reads
 * on several threads sharing one calendar cache, gives the documents and
 * the first error that reading each file alone gives, and a portfolio
 * calendar or OCDS package written on several threads is the bytes one
 * thread writes.
 * Run under ThreadSanitizer by quickstart. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* ---- a set of plan files read on several threads (#11) ---------------- */

#define SET_FILES 150
#define SET_KINDS 6 /* calendar definitions, file i has kind i % SET_KINDS */

struct set_dir {
	char dir[64];
	char path[SET_FILES][128];
	char ics[2][128];
};

static void
put_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

static const char *const set_calendars[SET_KINDS] = {
	"<calendar region=\"england-and-wales\"/>",
	"<calendar region=\"scotland\"/>",
	"<calendar region=\"england-and-wales\"><closure from=\"2025-12-22\" "
	"to=\"2026-01-02\" name=\"Winter\"/></calendar>",
	"<calendar region=\"northern-ireland\"><holiday date=\"2025-07-14\" "
	"name=\"Staff day\"/></calendar>",
	"<calendar region=\"england-and-wales\"><ics href=\"a.ics\" "
	"mode=\"add\"/></calendar>",
	"<calendar region=\"scotland\"><ics href=\"b.ics\" "
	"mode=\"add\"/></calendar>",
};

/* Plan @i: its own id and start, one of the calendars, a statutory
 * standstill (so that scheduling takes a statutory calendar from the
 * cache too), and every other plan a committee whose rule libical parses
 * while the other threads read theirs, deciding the award. */
static void
set_plan(char *buf, size_t size, size_t i)
{
	char meetings[256] = "", tie[32] = "";

	if (i % 2) {
		snprintf(meetings, sizeof(meetings),
			 "  <meetings><series id=\"cabinet\"><name>Cabinet"
			 "</name><recur rule=\"FREQ=MONTHLY;BYDAY=%zuTH\" "
			 "from=\"2025-01-01\"/></series></meetings>\n",
			 1 + i % 4);
		snprintf(tie, sizeof(tie), " meeting=\"cabinet\"");
	}
	snprintf(buf, size,
		 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		 "<plan xmlns=\"urn:tenderplan:plan:1\" id=\"plan-%03zu\">\n"
		 "  <name>Plan %zu</name>\n"
		 "  %s\n"
		 "  <anchors start=\"2025-%02zu-%02zu\"/>\n"
		 "  <rules regime=\"pcr2015\" procedure=\"open\"/>\n"
		 "%s"
		 "  <stages>\n"
		 "    <stage id=\"advert\" kind=\"advert\"/>\n"
		 "    <stage id=\"tender-period\" kind=\"tender-period\" "
		 "duration=\"%zu\" unit=\"calendar-days\">\n"
		 "      <after stage=\"advert\"/>\n"
		 "    </stage>\n"
		 "    <stage id=\"evaluation\" kind=\"evaluation\" "
		 "duration=\"%zu\">\n"
		 "      <after stage=\"tender-period\"/>\n"
		 "    </stage>\n"
		 "    <stage id=\"decision\" kind=\"governance-approval\"%s>\n"
		 "      <after stage=\"evaluation\"/>\n"
		 "    </stage>\n"
		 "    <stage id=\"standstill\" kind=\"standstill\" "
		 "duration=\"10\" calendar=\"statutory\">\n"
		 "      <after stage=\"decision\"/>\n"
		 "    </stage>\n"
		 "  </stages>\n"
		 "</plan>\n",
		 i, i, set_calendars[i % SET_KINDS], 1 + i % 11, 1 + i % 28,
		 meetings, 30 + i % 17, 5 + i % 23, tie);
}

static void
make_set_dir(struct set_dir *d)
{
	char text[4096];

	snprintf(d->dir, sizeof(d->dir), "/tmp/tp-test-par-XXXXXX");
	assert_non_null(mkdtemp(d->dir));
	snprintf(d->ics[0], sizeof(d->ics[0]), "%s/a.ics", d->dir);
	snprintf(d->ics[1], sizeof(d->ics[1]), "%s/b.ics", d->dir);
	put_file(d->ics[0], "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
			    "PRODID:-//tenderplan tests//EN\r\n"
			    "BEGIN:VEVENT\r\nUID:a1@test\r\n"
			    "DTSTART;VALUE=DATE:20250616\r\n"
			    "RRULE:FREQ=YEARLY;UNTIL=20271231\r\n"
			    "SUMMARY:Council day\r\nEND:VEVENT\r\n"
			    "END:VCALENDAR\r\n");
	put_file(d->ics[1], "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
			    "PRODID:-//tenderplan tests//EN\r\n"
			    "BEGIN:VEVENT\r\nUID:b1@test\r\n"
			    "DTSTART;VALUE=DATE:20250901\r\n"
			    "SUMMARY:Audit day\r\nEND:VEVENT\r\n"
			    "END:VCALENDAR\r\n");
	/* Written last first: the set reads in byte order of the names. */
	for (size_t k = SET_FILES; k-- > 0;) {
		snprintf(d->path[k], sizeof(d->path[k]), "%s/p-%03zu.xml",
			 d->dir, k);
		set_plan(text, sizeof(text), k);
		put_file(d->path[k], text);
	}
}

static void
remove_set_dir(struct set_dir *d)
{
	for (size_t k = 0; k < SET_FILES; k++)
		unlink(d->path[k]);
	unlink(d->ics[0]);
	unlink(d->ics[1]);
	rmdir(d->dir);
}

/* Documents of one set scheduled by two threads at once (the set's cache
 * lends statutory calendars to both). */
struct sched_job {
	struct tp_plan_set *set;
	struct tp_schedule **out;
	size_t first; /* every other document from here */
	int failures;
};

static void *
run_sched_job(void *arg)
{
	struct sched_job *j = arg;

	for (size_t i = j->first; i < tp_plan_set_count(j->set); i += 2)
		if (tp_plan_doc_schedule(tp_plan_set_doc(j->set, i), NULL,
					 &j->out[i], NULL) != TP_OK)
			j->failures++;
	return NULL;
}

static char *
doc_text(const struct tp_plan_doc *doc)
{
	char *text = NULL;
	size_t len;

	assert_int_equal(tp_plan_doc_write_memory(doc, &text, &len, NULL),
			 TP_OK);
	return text;
}

/* Document @i of the set is what reading its file alone gives: the same
 * text written back, the same dates. */
static void
same_as_alone(struct tp_plan_set *set, size_t i, const struct set_dir *d,
	      const struct tp_schedule *s)
{
	struct tp_plan_doc *alone = NULL;
	struct tp_schedule *a = NULL;
	struct tp_plan_doc *doc = tp_plan_set_doc(set, i);
	const struct tp_plan *plan = tp_plan_doc_plan_const(doc);
	char *x, *y;

	assert_string_equal(tp_plan_set_path(set, i), d->path[i]);
	assert_int_equal(tp_plan_doc_read_file(d->path[i], 0, &alone, NULL),
			 TP_OK);
	x = doc_text(doc);
	y = doc_text(alone);
	assert_string_equal(x, y);
	tp_free(x);
	tp_free(y);
	assert_int_equal(tp_plan_doc_schedule(alone, NULL, &a, NULL), TP_OK);
	assert_int_equal(tp_plan_stage_count(plan), 5);
	for (size_t k = 0; k < tp_plan_stage_count(plan); k++) {
		assert_int_equal(tp_schedule_early_start(s, k).day,
				 tp_schedule_early_start(a, k).day);
		assert_int_equal(tp_schedule_early_finish(s, k).day,
				 tp_schedule_early_finish(a, k).day);
	}
	assert_int_equal(tp_plan_doc_statutory_region(doc),
			 tp_plan_doc_statutory_region(alone));
	tp_schedule_free(a);
	tp_plan_doc_free(alone);
}

static const struct tp_calendar *
cal_of(struct tp_plan_set *set, size_t i)
{
	return tp_plan_calendar(tp_plan_doc_plan_const(tp_plan_set_doc(set, i)));
}

static void
concurrent_set_reading(void **state)
{
	struct set_dir *d = calloc(1, sizeof(*d));
	struct tp_plan_set *set = NULL;
	struct tp_schedule **sched = calloc(SET_FILES, sizeof(*sched));
	struct sched_job jobs[2];
	pthread_t th[2];
	struct tp_error err;
	const char *paths[1];

	(void)state;
	assert_non_null(d);
	assert_non_null(sched);
	make_set_dir(d);
	paths[0] = d->dir;
	assert_int_equal(tp_plan_set_read(paths, 1, 0, &set, &err), TP_OK);
	assert_int_equal(tp_plan_set_count(set), SET_FILES);
	for (int t = 0; t < 2; t++) {
		jobs[t] = (struct sched_job){set, sched, (size_t)t, 0};
		assert_int_equal(pthread_create(&th[t], NULL, run_sched_job,
						&jobs[t]),
				 0);
	}
	for (int t = 0; t < 2; t++) {
		assert_int_equal(pthread_join(th[t], NULL), 0);
		assert_int_equal(jobs[t].failures, 0);
	}
	for (size_t i = 0; i < SET_FILES; i++) {
		same_as_alone(set, i, d, sched[i]);
		/* One calendar per definition, whichever thread met it
		 * first. */
		assert_ptr_equal(cal_of(set, i), cal_of(set, i % SET_KINDS));
		if (i % SET_KINDS)
			assert_ptr_not_equal(cal_of(set, i), cal_of(set, 0));
		tp_schedule_free(sched[i]);
	}
	tp_plan_set_free(set);
	free(sched);
	remove_set_dir(d);
	free(d);
}

/* What reading @path alone reports. */
static struct tp_error
alone_error(const char *path)
{
	struct tp_plan_doc *doc = NULL;
	struct tp_error err;

	assert_int_not_equal(tp_plan_doc_read_file(path, 0, &doc, &err), TP_OK);
	assert_null(doc);
	return err;
}

/* The set's reading fails with the error of file @first, its first
 * failing file in name order, and leaves *out alone. */
static void
fails_at(const struct set_dir *d, size_t first)
{
	struct tp_plan_set *sentinel = (struct tp_plan_set *)&sentinel;
	struct tp_plan_set *set = sentinel;
	struct tp_error err, want = alone_error(d->path[first]);
	const char *paths[1] = {d->dir};

	assert_int_equal(tp_plan_set_read(paths, 1, 0, &set, &err), want.code);
	assert_ptr_equal(set, sentinel);
	assert_string_equal(err.source, d->path[first]);
	assert_string_equal(err.message, want.message);
	assert_int_equal(err.line, want.line);
	assert_int_equal(err.column, want.column);
	assert_string_equal(err.stage, want.stage);
}

/* A plan of 4,000 stages whose last one depends on a stage that is not
 * there: found only after the whole file is parsed and validated, long
 * after a file that is not well-formed is refused. */
static void
slow_failure(const char *path)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	fputs("<plan xmlns=\"urn:tenderplan:plan:1\" id=\"slow\">\n"
	      "<stages>\n",
	      f);
	for (int k = 0; k < 4000; k++)
		fprintf(f, "<stage id=\"s%d\" duration=\"1\"/>\n", k);
	fputs("<stage id=\"last\"><after stage=\"missing\"/></stage>\n"
	      "</stages>\n</plan>\n",
	      f);
	assert_int_equal(fclose(f), 0);
}

/* File @i made as set_plan() writes it (how 0), refused by the schema
 * (1), not well-formed (2), or failing late (3). */
static void
spoil(const struct set_dir *d, size_t i, int how)
{
	char text[4096];

	if (how == 0) {
		set_plan(text, sizeof(text), i);
		put_file(d->path[i], text);
	} else if (how == 1) {
		put_file(d->path[i], "<plan xmlns=\"urn:tenderplan:plan:1\">\n"
				     "<stages>\n<stage id=\"a\" "
				     "kind=\"nonsense\"/>\n</stages>\n"
				     "</plan>\n");
	} else if (how == 2) {
		put_file(d->path[i], "<plan xmlns=\"urn:tenderplan:plan:1\">"
				     "<stages>");
	} else {
		slow_failure(d->path[i]);
	}
}

/* The set exported as one portfolio in @p fmt on @p threads threads. */
static char *
portfolio_text(struct tp_schedule **sched, enum tp_export_format fmt,
	       uint32_t threads)
{
	struct tp_export_options opt;
	char *text = NULL;

	tp_export_options_init(&opt);
	opt.dtstamp = 1700000000;
	opt.alarm_working_days = 3;
	opt.threads = threads;
	assert_int_equal(tp_export_portfolio_to_buffer(
				 fmt, (const struct tp_schedule *const *)sched,
				 SET_FILES, &opt, &text, NULL, NULL),
			 TP_OK);
	return text;
}

/* A portfolio calendar and OCDS package of the set, written in pieces on
 * worker threads (tp_export_options.threads, #11): the bytes one thread
 * writes, whatever the number of threads. Half the plans' committees are
 * series with RRULEs, the plans are on six calendars, and every worker
 * has its own copy of the time zone. */
static void
concurrent_portfolio_exports(void **state)
{
	static const uint32_t threads[] = {2, 3, 8};
	static const enum tp_export_format formats[] = {TP_EXPORT_ICS,
							TP_EXPORT_OCDS};
	struct set_dir *d = calloc(1, sizeof(*d));
	struct tp_plan_set *set = NULL;
	struct tp_schedule **sched = calloc(SET_FILES, sizeof(*sched));
	const char *paths[1];

	(void)state;
	assert_true(d && sched);
	make_set_dir(d);
	paths[0] = d->dir;
	assert_int_equal(tp_plan_set_read(paths, 1, 0, &set, NULL), TP_OK);
	for (size_t i = 0; i < SET_FILES; i++)
		assert_int_equal(tp_plan_doc_schedule(tp_plan_set_doc(set, i),
						      NULL, &sched[i], NULL),
				 TP_OK);
	for (size_t f = 0; f < 2; f++) {
		char *alone = portfolio_text(sched, formats[f], 1);
		assert_non_null(strstr(alone, f ? "\"ocid\": \"ocds-"
						: "RRULE:FREQ=MONTHLY"));
		for (size_t t = 0; t < sizeof(threads) / sizeof(threads[0]);
		     t++) {
			char *many =
				portfolio_text(sched, formats[f], threads[t]);
			if (strcmp(alone, many) != 0)
				fail_msg("%s on %u threads: not the bytes of "
					 "one",
					 tp_export_format_name(formats[f]),
					 (unsigned)threads[t]);
			tp_free(many);
		}
		tp_free(alone);
	}
	for (size_t i = 0; i < SET_FILES; i++)
		tp_schedule_free(sched[i]);
	tp_plan_set_free(set);
	free(sched);
	remove_set_dir(d);
	free(d);
}

static void
concurrent_set_errors(void **state)
{
	struct set_dir *d = calloc(1, sizeof(*d));

	(void)state;
	assert_non_null(d);
	make_set_dir(d);
	spoil(d, 57, 1);
	fails_at(d, 57);
	/* File 57 takes long to fail: 58, read meanwhile by another
	 * thread, fails first; and a late file fails too. Still 57 is
	 * told, as reading one file after another would have stopped
	 * there. */
	spoil(d, 57, 3);
	spoil(d, 58, 2);
	spoil(d, 140, 2);
	fails_at(d, 57);
	spoil(d, 57, 0);
	fails_at(d, 58);
	spoil(d, 58, 0);
	fails_at(d, 140);
	spoil(d, 140, 0);
	/* The first and the last file. */
	spoil(d, SET_FILES - 1, 1);
	fails_at(d, SET_FILES - 1);
	spoil(d, 0, 2);
	fails_at(d, 0);
	remove_set_dir(d);
	free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(concurrent_readers),
		cmocka_unit_test(concurrent_meeting_readers),
		cmocka_unit_test(concurrent_set_reading),
		cmocka_unit_test(concurrent_set_errors),
		cmocka_unit_test(concurrent_portfolio_exports),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
