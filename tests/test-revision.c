/* SPDX-License-Identifier: MIT */
/* Stored snapshots (tp-revision.h) and the file writer's rules
 * (tp-output.h, lib/util/atomic-file.c): the snapshot API and its checks, the
 * <snapshots> element read, written and read again, recording a revision
 * in a plan file (comments kept, read-only refused, dry run changes
 * nothing), and the output rules: modes under a umask, refusals, links,
 * the temporary-file callback. Hand-checked values are named in comments. */
#include <errno.h>
#include <fcntl.h>
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

#include "alloc-fail.h"
#include "atomic-file.h"

/* ---- helpers ----------------------------------------------------------- */

static char tmpdir[64];

static int
make_dir(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/tp-revision-XXXXXX");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int
remove_dir(void **state)
{
	char cmd[128];
	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

static const char *
in_tmp(const char *name)
{
	static char path[4][256];
	static int k;
	k = (k + 1) % 4;
	snprintf(path[k], sizeof(path[k]), "%s/%s", tmpdir, name);
	return path[k];
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	if (len)
		*len = (size_t)n;
	return buf;
}

static void
spill(const char *path, const char *data)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, strlen(data), f), strlen(data));
	fclose(f);
}

static void
copy_example(const char *name, const char *to)
{
	char from[4096];
	const char *root = getenv("TP_SOURCE_ROOT");
	assert_non_null(root);
	snprintf(from, sizeof(from), "%s/examples/%s", root, name);
	char *data = slurp(from, NULL);
	spill(to, data);
	free(data);
}

static bool
leftovers(void)
{
	char cmd[256];
	snprintf(cmd, sizeof(cmd), "ls '%s' | grep -q 'tmp-'", tmpdir);
	return system(cmd) == 0;
}

/* ---- the snapshot API --------------------------------------------------- */

static void
snapshot_basics(void **state)
{
	struct tp_snapshot *s = NULL;
	struct tp_snapshot_stage st = {"advert",
				       "Contract notice",
				       TP_DATE(2025, 4, 8),
				       TP_DATE(2025, 4, 8),
				       -1,
				       0x0123456789abcdefu,
				       3,
				       false};
	struct tp_snapshot_stage got;
	struct tp_error err;
	enum tp_snapshot_kind k;

	(void)state;
	assert_string_equal(tp_snapshot_kind_name(TP_SNAPSHOT_BASELINE),
			    "baseline");
	assert_null(tp_snapshot_kind_name((enum tp_snapshot_kind)7));
	assert_int_equal(tp_snapshot_kind_from_name("revision", &k, NULL),
			 TP_OK);
	assert_int_equal(k, TP_SNAPSHOT_REVISION);
	assert_int_equal(tp_snapshot_kind_from_name("rev", &k, &err),
			 TP_ERR_INVALID);
	assert_int_equal(tp_snapshot_new(TP_SNAPSHOT_REVISION, 4, 1750000000,
					 "kids-2027", NULL, &s, &err),
			 TP_OK);
	assert_string_equal(tp_snapshot_time_zone(s), "Europe/London");
	assert_int_equal(tp_snapshot_revision(s), 4);
	assert_int_equal(tp_snapshot_taken(s), 1750000000);
	assert_string_equal(tp_snapshot_plan_id(s), "kids-2027");
	assert_int_equal(tp_snapshot_add_stage(s, &st, &err), TP_OK);
	/* the same id twice, a bad id, dates backwards, a bad time, a name
	 * with a control character: refused, nothing added */
	assert_int_equal(tp_snapshot_add_stage(s, &st, &err), TP_ERR_INVALID);
	assert_non_null(strstr(err.message, "twice"));
	st.id = "bad id";
	assert_int_equal(tp_snapshot_add_stage(s, &st, &err), TP_ERR_INVALID);
	st.id = "b";
	st.finish = TP_DATE(2025, 4, 7);
	assert_int_equal(tp_snapshot_add_stage(s, &st, &err), TP_ERR_INVALID);
	st.finish = st.start;
	st.minutes = 1440;
	assert_int_equal(tp_snapshot_add_stage(s, &st, &err), TP_ERR_INVALID);
	st.minutes = 720;
	st.name = "bell\a";
	assert_int_equal(tp_snapshot_add_stage(s, &st, &err), TP_ERR_INVALID);
	assert_int_equal(tp_snapshot_stage_count(s), 1);
	assert_true(tp_snapshot_find_stage(s, "advert", &got));
	assert_string_equal(got.name, "Contract notice");
	assert_int_equal(got.sequence, 3);
	assert_true(got.text_hash == 0x0123456789abcdefu);
	assert_false(tp_snapshot_find_stage(s, "b", NULL));
	assert_false(tp_snapshot_stage(s, 1, &got));
	tp_snapshot_free(s);
	tp_snapshot_free(NULL);
	assert_int_equal(tp_snapshot_new(TP_SNAPSHOT_REVISION, 1, -1, NULL,
					 NULL, &s, &err),
			 TP_ERR_INVALID);
	assert_int_equal(tp_snapshot_new(TP_SNAPSHOT_REVISION, 1, 0, "a b",
					 NULL, &s, &err),
			 TP_ERR_INVALID);
	/* NULL everywhere: no crash */
	assert_int_equal(tp_snapshot_stage_count(NULL), 0);
	assert_false(tp_snapshot_find_stage(NULL, "x", NULL));
	assert_int_equal(tp_snapshot_add_stage(NULL, &st, NULL),
			 TP_ERR_INVALID);
	assert_int_equal(tp_plan_doc_take_snapshot(NULL, NULL, NULL),
			 TP_ERR_INVALID);
}

/* Many stages: the id table grows and still finds every one. */
static void
snapshot_many_stages(void **state)
{
	struct tp_snapshot *s = NULL;
	char id[16];
	(void)state;
	assert_int_equal(tp_snapshot_new(TP_SNAPSHOT_BASELINE, 1, 0, NULL,
					 "Europe/Paris", &s, NULL),
			 TP_OK);
	for (int i = 0; i < 5000; i++) {
		struct tp_snapshot_stage st = {
			id, NULL, TP_DATE(2025, 1, 1), TP_DATE(2025, 1, 2),
			-1, 0,    (uint32_t)i,         false};
		snprintf(id, sizeof(id), "s%d", i);
		assert_int_equal(tp_snapshot_add_stage(s, &st, NULL), TP_OK);
	}
	for (int i = 0; i < 5000; i += 7) {
		struct tp_snapshot_stage got;
		snprintf(id, sizeof(id), "s%d", i);
		assert_true(tp_snapshot_find_stage(s, id, &got));
		assert_int_equal(got.sequence, (uint32_t)i);
	}
	assert_false(tp_snapshot_find_stage(s, "s5000", NULL));
	tp_snapshot_free(s);
}

/* FNV-1a, 64 bits (offset basis and prime of the FNV reference,
 * draft-eastlake-fnv), over @p s and its NUL: the text hash of
 * tp-revision.h is this over the summary, kind, owner, notes, and for
 * each link into the stage its from-stage id, type and "LAG UNIT". */
static uint64_t
fnv_nul(uint64_t h, const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i <= n; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3u;
	return h;
}

#define FNV_BASIS 0xcbf29ce484222325u

struct link_text {
	const char *from, *type, *lag;
};

static uint64_t
expected_hash(const char *summary, const char *kind, const char *owner,
	      const char *notes, const struct link_text *links, size_t n)
{
	uint64_t h = fnv_nul(FNV_BASIS, summary);
	h = fnv_nul(h, kind);
	h = fnv_nul(h, owner ? owner : "");
	h = fnv_nul(h, notes ? notes : "");
	for (size_t i = 0; i < n; i++) {
		h = fnv_nul(h, links[i].from);
		h = fnv_nul(h, links[i].type);
		h = fnv_nul(h, links[i].lag);
	}
	return h;
}

/* The text hash against its definition, computed here (#11): for one
 * stage alone, through tp_snapshot_text_hash() (which walks every link
 * of the plan) and through tp_snapshot_record() (which indexes the links
 * once); then the same for every stage of a plan of 3,000 (300 with
 * TP_TEST_QUICK) with two or three links each, where the index must give
 * each stage its own links in the plan's order. */
static void
text_hash_definition(void **state)
{
	(void)state;
	/* FNV-1a 64 of "a" without its NUL is 0xaf63dc4c8601ec8c (the FNV
	 * reference's test vectors): the helper is FNV-1a. */
	uint64_t a1 = (FNV_BASIS ^ 'a') * 0x100000001b3u;
	assert_true(a1 == 0xaf63dc4c8601ec8cu);

	struct tp_calendar *cal = NULL;
	struct tp_plan *p = NULL;
	struct tp_schedule *sched = NULL;
	struct tp_snapshot *snap = NULL;
	struct tp_snapshot_stage st;
	size_t ia, ib, ic;
	assert_int_equal(tp_calendar_new_region(TP_REGION_ENGLAND_AND_WALES,
						&cal, NULL),
			 TP_OK);
	assert_int_equal(tp_plan_new(&p, NULL), TP_OK);
	tp_plan_set_calendar(p, cal);
	assert_int_equal(tp_plan_set_start_date(p, TP_DATE(2026, 9, 1), NULL),
			 TP_OK);
	assert_int_equal(tp_plan_add_stage(p, "a", "Advert", TP_STAGE_ADVERT, 0,
					   TP_UNIT_WORKING_DAYS, &ia, NULL),
			 TP_OK);
	assert_int_equal(tp_plan_add_stage(p, "b", NULL, TP_STAGE_EVALUATION,
					   10, TP_UNIT_WORKING_DAYS, &ib, NULL),
			 TP_OK);
	assert_int_equal(tp_plan_add_stage(p, "c", "Award", TP_STAGE_AWARD, 0,
					   TP_UNIT_WORKING_DAYS, &ic, NULL),
			 TP_OK);
	assert_int_equal(tp_plan_set_stage_owner(p, ic, "Legal", NULL), TP_OK);
	assert_int_equal(tp_plan_set_stage_notes(p, ic, "PCR 2015 reg 86",
						 NULL),
			 TP_OK);
	assert_int_equal(tp_plan_add_dependency(p, "b", "c",
						TP_DEP_FINISH_TO_START, 2,
						TP_UNIT_CALENDAR_DAYS, NULL),
			 TP_OK);
	assert_int_equal(tp_plan_add_dependency(p, "a", "b",
						TP_DEP_FINISH_TO_START, 0,
						TP_UNIT_WORKING_DAYS, NULL),
			 TP_OK);
	assert_int_equal(tp_plan_add_dependency(p, "a", "c",
						TP_DEP_START_TO_START, 5,
						TP_UNIT_WORKING_DAYS, NULL),
			 TP_OK);
	const struct link_text into_b[] = {
		{"a", "finish-to-start", "0 working-days"}};
	const struct link_text into_c[] = {
		{"b", "finish-to-start", "2 calendar-days"},
		{"a", "start-to-start", "5 working-days"}};
	uint64_t want[3] = {
		expected_hash("Advert", "advert", NULL, NULL, NULL, 0),
		expected_hash("b", "evaluation", NULL, NULL, into_b, 1),
		expected_hash("Award", "award", "Legal", "PCR 2015 reg 86",
			      into_c, 2),
	};
	assert_int_equal(tp_schedule_compute(p, TP_SCHEDULE_FORWARD, &sched,
					     NULL),
			 TP_OK);
	assert_int_equal(tp_snapshot_record(sched, NULL, TP_SNAPSHOT_REVISION,
					    0, &snap, NULL),
			 TP_OK);
	const char *ids[] = {"a", "b", "c"};
	size_t idx[] = {ia, ib, ic};
	for (size_t i = 0; i < 3; i++) {
		assert_true(tp_snapshot_text_hash(p, idx[i]) == want[i]);
		assert_true(tp_snapshot_find_stage(snap, ids[i], &st));
		assert_true(st.text_hash == want[i]);
	}
	tp_snapshot_free(snap);
	tp_schedule_free(sched);
	tp_plan_free(p);

	/* Many stages: stage i follows i-1 and, from 2 on, i-2 (lag i % 7);
	 * every 5th also finishes a day before stage 0 does. */
	size_t n = getenv("TP_TEST_QUICK") ? 300 : 3000;
	char id[32], from[32];
	assert_int_equal(tp_plan_new(&p, NULL), TP_OK);
	tp_plan_set_calendar(p, cal);
	assert_int_equal(tp_plan_set_start_date(p, TP_DATE(2026, 9, 1), NULL),
			 TP_OK);
	for (size_t i = 0; i < n; i++) {
		snprintf(id, sizeof(id), "s%zu", i);
		assert_int_equal(tp_plan_add_stage(p, id, NULL,
						   TP_STAGE_CUSTOM, 1,
						   TP_UNIT_WORKING_DAYS, NULL,
						   NULL),
				 TP_OK);
	}
	/* links added stage by stage in reverse, so they are not grouped by
	 * their target in the plan's order of links */
	for (size_t i = n; i-- > 1;) {
		snprintf(id, sizeof(id), "s%zu", i);
		snprintf(from, sizeof(from), "s%zu", i - 1);
		assert_int_equal(tp_plan_add_dependency(
					 p, from, id, TP_DEP_FINISH_TO_START,
					 0, TP_UNIT_WORKING_DAYS, NULL),
				 TP_OK);
		if (i >= 2) {
			snprintf(from, sizeof(from), "s%zu", i - 2);
			assert_int_equal(tp_plan_add_dependency(
						 p, from, id,
						 TP_DEP_START_TO_START,
						 (int32_t)(i % 7),
						 TP_UNIT_CALENDAR_DAYS, NULL),
					 TP_OK);
		}
	}
	for (size_t i = 5; i < n; i += 5) {
		snprintf(id, sizeof(id), "s%zu", i);
		assert_int_equal(tp_plan_add_dependency(
					 p, "s0", id, TP_DEP_FINISH_TO_FINISH,
					 -1, TP_UNIT_CALENDAR_DAYS, NULL),
				 TP_OK);
	}
	assert_int_equal(tp_schedule_compute(p, TP_SCHEDULE_FORWARD, &sched,
					     NULL),
			 TP_OK);
	assert_int_equal(tp_snapshot_record(sched, NULL, TP_SNAPSHOT_REVISION,
					    0, &snap, NULL),
			 TP_OK);
	for (size_t i = 0; i < n; i++) {
		struct link_text links[3];
		char from1[32], from2[32], lag2[32];
		size_t k = 0;
		snprintf(id, sizeof(id), "s%zu", i);
		if (i >= 1) {
			snprintf(from1, sizeof(from1), "s%zu", i - 1);
			links[k++] = (struct link_text){from1,
							"finish-to-start",
							"0 working-days"};
		}
		if (i >= 2) {
			snprintf(from2, sizeof(from2), "s%zu", i - 2);
			snprintf(lag2, sizeof(lag2), "%zu calendar-days",
				 i % 7);
			links[k++] = (struct link_text){from2,
							"start-to-start", lag2};
		}
		if (i >= 5 && i % 5 == 0)
			links[k++] = (struct link_text){"s0",
							"finish-to-finish",
							"-1 calendar-days"};
		uint64_t w = expected_hash(id, "custom", NULL, NULL, links, k);
		size_t at = 0;
		assert_true(tp_plan_find_stage(p, id, &at));
		if (tp_snapshot_text_hash(p, at) != w)
			fail_msg("stage %s: tp_snapshot_text_hash() is not "
				 "its definition", id);
		assert_true(tp_snapshot_find_stage(snap, id, &st));
		if (st.text_hash != w)
			fail_msg("stage %s: the recorded hash is not its "
				 "definition", id);
	}
	tp_snapshot_free(snap);
	tp_schedule_free(sched);
	tp_plan_free(p);
	tp_calendar_free(cal);
}

/* The text hash: the same for the same text, changed by a name, owner,
 * notes or link, not by a duration. */
static void
text_hash(void **state)
{
	struct tp_plan *p = NULL;
	size_t a, b;
	(void)state;
	assert_int_equal(tp_plan_new(&p, NULL), TP_OK);
	assert_int_equal(tp_plan_add_stage(p, "a", "Advert", TP_STAGE_ADVERT, 0,
					   TP_UNIT_WORKING_DAYS, &a, NULL),
			 TP_OK);
	assert_int_equal(tp_plan_add_stage(p, "b", "Tender period",
					   TP_STAGE_TENDER_PERIOD, 30,
					   TP_UNIT_CALENDAR_DAYS, &b, NULL),
			 TP_OK);
	uint64_t h0 = tp_snapshot_text_hash(p, b);
	assert_true(h0 != 0);
	assert_true(h0 != tp_snapshot_text_hash(p, a));
	assert_int_equal(tp_plan_set_stage_duration(
				 p, b, 35, TP_UNIT_CALENDAR_DAYS, NULL),
			 TP_OK);
	assert_true(tp_snapshot_text_hash(p, b) == h0);
	assert_int_equal(tp_plan_add_dependency(p, "a", "b",
						TP_DEP_START_TO_START, 0,
						TP_UNIT_WORKING_DAYS, NULL),
			 TP_OK);
	uint64_t h1 = tp_snapshot_text_hash(p, b);
	assert_true(h1 != h0);
	assert_int_equal(tp_plan_set_stage_notes(p, b, "PCR 2015 reg 27", NULL),
			 TP_OK);
	assert_true(tp_snapshot_text_hash(p, b) != h1);
	assert_true(tp_snapshot_text_hash(p, 99) == 0);
	assert_true(tp_snapshot_text_hash(NULL, 0) == 0);
	assert_int_equal(
		tp_plan_doc_write_file_opts(NULL, in_tmp("x.xml"), NULL, NULL),
		TP_ERR_INVALID);
	tp_plan_free(p);
}

/* ---- snapshots in plan files -------------------------------------------- */

static const char plan_with_snapshot[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<plan xmlns=\"urn:tenderplan:plan:1\" id=\"p\" revision=\"3\">\n"
	"  <anchors start=\"2025-03-03\"/>\n"
	"  <stages>\n"
	"    <stage id=\"a\" kind=\"advert\"/>\n"
	"    <stage id=\"b\" duration=\"5\"><after stage=\"a\"/></stage>\n"
	"  </stages>\n"
	"  <snapshots>\n"
	"    <snapshot kind=\"revision\" revision=\"2\" "
	"taken=\"2025-06-15T15:06:40Z\" plan-id=\"p\">\n"
	"      <stage id=\"a\" start=\"2025-03-03\" finish=\"2025-03-03\" "
	"sequence=\"1\" text=\"00000000000000ff\" name=\"Advert &amp; "
	"notice\"/>\n"
	"      <stage id=\"c\" start=\"2025-03-04\" finish=\"2025-03-04\" "
	"time=\"12:00\" sequence=\"2\" text=\"0000000000000001\" "
	"removed=\"true\"/>\n"
	"      <series id=\"cabinet\" start=\"2025-03-20\" sequence=\"4\" "
	"text=\"00000000000000aa\" name=\"Cabinet &lt;1&gt;\"/>\n"
	"    </snapshot>\n"
	"    <snapshot kind=\"baseline\" revision=\"1\" "
	"taken=\"2025-01-01T00:00:00Z\"/>\n"
	"  </snapshots>\n"
	"</plan>\n";

static void
snapshots_read_and_written(void **state)
{
	struct tp_plan_doc *doc = NULL, *again = NULL;
	struct tp_snapshot_stage st;
	char *xml = NULL, *xml2 = NULL;
	size_t len, len2;
	(void)state;
	assert_int_equal(tp_plan_doc_read_memory(plan_with_snapshot,
						 strlen(plan_with_snapshot),
						 "s.xml", NULL, 0, &doc, NULL),
			 TP_OK);
	assert_int_equal(tp_plan_doc_snapshot_count(doc), 2);
	const struct tp_snapshot *rev =
		tp_plan_doc_latest_snapshot(doc, TP_SNAPSHOT_REVISION);
	const struct tp_snapshot *base =
		tp_plan_doc_latest_snapshot(doc, TP_SNAPSHOT_BASELINE);
	assert_non_null(rev);
	assert_non_null(base);
	assert_ptr_equal(rev, tp_plan_doc_snapshot(doc, 0));
	assert_null(tp_plan_doc_snapshot(doc, 2));
	/* 2025-06-15T15:06:40Z is 1750000000 s (python3 datetime) */
	assert_int_equal(tp_snapshot_taken(rev), 1750000000);
	assert_int_equal(tp_snapshot_revision(rev), 2);
	assert_string_equal(tp_snapshot_time_zone(rev), "Europe/London");
	assert_true(tp_snapshot_find_stage(rev, "a", &st));
	assert_string_equal(st.name, "Advert & notice");
	assert_int_equal(st.sequence, 1);
	assert_true(st.text_hash == 0xff);
	assert_int_equal(st.minutes, -1);
	assert_true(tp_snapshot_find_stage(rev, "c", &st));
	assert_true(st.removed);
	assert_int_equal(st.minutes, 12 * 60);
	assert_null(st.name);
	assert_int_equal(tp_snapshot_stage_count(rev), 2);
	assert_int_equal(tp_snapshot_series_count(rev), 1);
	assert_true(tp_snapshot_series(rev, 0, &st));
	assert_string_equal(st.id, "cabinet");
	assert_string_equal(st.name, "Cabinet <1>");
	assert_true(tp_date_equal(st.start, TP_DATE(2025, 3, 20)));
	assert_true(tp_date_equal(st.finish, TP_DATE(2025, 3, 20)));
	assert_int_equal(st.sequence, 4);
	assert_true(st.text_hash == 0xaa);
	assert_int_equal(st.minutes, -1);
	assert_false(st.removed);
	assert_false(tp_snapshot_find_stage(rev, "cabinet", NULL));
	assert_int_equal(tp_snapshot_stage_count(base), 0);
	/* written, read, written: the same bytes and the same snapshots */
	assert_int_equal(tp_plan_doc_write_memory(doc, &xml, &len, NULL),
			 TP_OK);
	assert_non_null(strstr(xml, "<snapshots>"));
	assert_non_null(strstr(xml, "<series id=\"cabinet\" "
				    "start=\"2025-03-20\" sequence=\"4\" "
				    "text=\"00000000000000aa\" "
				    "name=\"Cabinet &lt;1&gt;\"/>"));
	assert_int_equal(tp_plan_doc_read_memory(xml, len, "w.xml", NULL, 0,
						 &again, NULL),
			 TP_OK);
	assert_int_equal(tp_plan_doc_write_memory(again, &xml2, &len2, NULL),
			 TP_OK);
	assert_int_equal(len, len2);
	assert_memory_equal(xml, xml2, len);
	assert_true(tp_snapshot_find_stage(tp_plan_doc_snapshot(again, 0), "c",
					   &st));
	assert_true(st.removed);
	free(xml);
	free(xml2);
	tp_plan_doc_free(again);
	tp_plan_doc_free(doc);
}

/* A broken snapshot is refused with the file and the line. */
static void
bad_snapshots(void **state)
{
	static const struct {
		const char *from, *to, *message;
		int line;
	} cases[] = {
		/* a time that is not one */
		{"2025-06-15T15:06:40Z", "2025-06-15 15:06", "", 9},
		/* a day that does not exist */
		{"start=\"2025-03-03\" finish=\"2025-03-03\" sequence=\"1\"",
		 "start=\"2025-02-30\" finish=\"2025-03-03\" sequence=\"1\"",
		 "2025-02-30", 10},
		/* one stage twice */
		{"<stage id=\"c\"", "<stage id=\"a\"", "twice", 11},
		/* a hash of the wrong shape */
		{"00000000000000ff", "ff", "", 10},
		/* a series with a time of day, or with a finish */
		{"<series id=\"cabinet\"", "<series time=\"12:00\" id=\"cabinet\"",
		 "", 12},
		{"<series id=\"cabinet\"",
		 "<series finish=\"2025-03-20\" id=\"cabinet\"", "", 12},
		/* a series before the stages */
		{"<stage id=\"a\"", "<series id=\"x\" start=\"2025-03-20\" "
		 "sequence=\"0\" text=\"00000000000000aa\"/><stage id=\"a\"",
		 "", 10},
		/* one series twice */
		{"name=\"Cabinet &lt;1&gt;\"/>",
		 "/><series id=\"cabinet\" start=\"2025-03-20\" "
		 "sequence=\"0\" text=\"00000000000000aa\"/>",
		 "twice", 12},
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char buf[4096];
		const char *at = strstr(plan_with_snapshot, cases[i].from);
		size_t pre = (size_t)(at - plan_with_snapshot);
		struct tp_plan_doc *doc = NULL;
		struct tp_error err;
		assert_non_null(at);
		snprintf(buf, sizeof(buf), "%.*s%s%s", (int)pre,
			 plan_with_snapshot, cases[i].to,
			 at + strlen(cases[i].from));
		enum tp_status rc = tp_plan_doc_read_memory(
			buf, strlen(buf), "bad.xml", NULL, 0, &doc, &err);
		if (rc == TP_OK)
			fail_msg("case %zu was read", i);
		assert_null(doc);
		assert_string_equal(err.source, "bad.xml");
		assert_true(err.line > 0);
		assert_non_null(strstr(err.message, cases[i].message));
		if (cases[i].line && err.line != cases[i].line &&
		    rc != TP_ERR_PARSE)
			fail_msg("case %zu: line %d", i, err.line);
	}
}

/* A plan of @p n stages, each named with 4,000 bytes: about 4 KB a stage
 * in the file, and as much again in a snapshot of it. */
static char *
plan_of_long_names(size_t n)
{
	size_t cap = n * 4200 + 512, len = 0;
	char *xml = malloc(cap), name[4001];
	assert_non_null(xml);
	memset(name, 'n', 4000);
	name[4000] = '\0';
	len += (size_t)snprintf(xml + len, cap - len,
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				"<plan xmlns=\"urn:tenderplan:plan:1\" "
				"id=\"long\">\n  <anchors "
				"start=\"2025-03-03\"/>\n  <stages>\n");
	for (size_t i = 0; i < n; i++)
		len += (size_t)snprintf(xml + len, cap - len,
					"    <stage id=\"s%zu\"><name>%s</name>"
					"</stage>\n",
					i, name);
	snprintf(xml + len, cap - len, "  </stages>\n</plan>\n");
	return xml;
}

/* A revision that would take the file over the 8 MiB a plan file may
 * have is refused with the size it would have, and the file stays:
 * 1,100 stages make a file of 4.4 MB, about 8.9 MB with the snapshot. */
static void
record_too_large(void **state)
{
	const char *path = in_tmp("long.xml");
	char *xml = plan_of_long_names(1100), *after;
	struct tp_error err;
	size_t len;
	(void)state;
	spill(path, xml);
	assert_true(strlen(xml) < TP_PLAN_XML_MAX_SIZE);
	assert_int_equal(tp_plan_file_record(path, TP_SNAPSHOT_REVISION, 0, 0,
					     NULL, NULL, &err),
			 TP_ERR_INVALID);
	assert_string_equal(err.source, path);
	assert_non_null(strstr(err.message, "with the snapshot the file "
					    "would be "));
	assert_non_null(strstr(err.message, "over the limit of 8388608"));
	assert_non_null(strstr(err.message, "not written"));
	after = slurp(path, &len);
	assert_int_equal(len, strlen(xml));
	assert_memory_equal(after, xml, len);
	free(after);
	free(xml);
	/* half as many stages: recorded */
	xml = plan_of_long_names(550);
	spill(path, xml);
	assert_int_equal(tp_plan_file_record(path, TP_SNAPSHOT_REVISION, 0, 0,
					     NULL, NULL, &err),
			 TP_OK);
	free(xml);
	assert_false(leftovers());
}

/* ---- recording a revision in a file ------------------------------------ */

/* Hartlepool's example at revision 1: revise records revision 1 (24
 * stages; tenders due Wed 8 Feb 2012 at 12:00 as computed, counted in
 * examples/README.md), raises the plan to revision 2, keeps the comments;
 * a second revise compares with the first (nothing changed). */
static void
record_revision_in_file(void **state)
{
	const char *path = in_tmp("hartlepool.xml");
	struct tp_record_result res;
	struct tp_plan_doc *doc = NULL;
	struct tp_snapshot_stage st;
	struct tp_error err;
	size_t len0, len1;
	(void)state;
	copy_example("hartlepool-2011.xml", path);
	char *before = slurp(path, &len0);
	assert_int_equal(tp_plan_file_record(path, TP_SNAPSHOT_REVISION,
					     1750000000, TP_RECORD_DRY_RUN,
					     NULL, &res, &err),
			 TP_OK);
	char *same = slurp(path, &len1);
	assert_int_equal(len0, len1);
	assert_memory_equal(before, same, len0);
	free(same);
	assert_int_equal(res.recorded, 1);
	assert_int_equal(res.revision, 2);
	assert_int_equal(tp_plan_file_record(path, TP_SNAPSHOT_REVISION,
					     1750000000, 0, NULL, &res, &err),
			 TP_OK);
	assert_false(res.had_previous);
	char *after = slurp(path, NULL);
	/* the comments and the layout of the stages stay */
	assert_non_null(strstr(after, "<!-- Hartlepool Borough Council"));
	assert_non_null(strstr(after, "    <stage id=\"tender-deadline\" "
				      "kind=\"tender-deadline\" "
				      "time=\"12:00\">\n"));
	assert_non_null(strstr(after, "revision=\"2\""));
	assert_non_null(strstr(after, "  <snapshots>\n    <snapshot "
				      "kind=\"revision\" revision=\"1\" "
				      "taken=\"2025-06-15T15:06:40Z\""));
	free(after);
	assert_int_equal(tp_plan_doc_read_file(path, 0, &doc, &err), TP_OK);
	const struct tp_snapshot *s =
		tp_plan_doc_latest_snapshot(doc, TP_SNAPSHOT_REVISION);
	assert_non_null(s);
	assert_int_equal(tp_snapshot_stage_count(s), 24);
	assert_true(tp_snapshot_find_stage(s, "tender-deadline", &st));
	assert_true(tp_date_equal(st.finish, TP_DATE(2012, 2, 8)));
	assert_int_equal(st.minutes, 12 * 60);
	assert_int_equal(st.sequence, 0);
	tp_plan_doc_free(doc);
	/* again: compared with revision 1, nothing changed */
	assert_int_equal(tp_plan_file_record(path, TP_SNAPSHOT_REVISION,
					     1750000100, 0, NULL, &res, &err),
			 TP_OK);
	assert_true(res.had_previous);
	assert_int_equal(res.recorded, 2);
	assert_int_equal(res.revision, 3);
	assert_int_equal(res.since_previous.same, 24);
	assert_int_equal(res.since_previous.changed + res.since_previous.added +
				 res.since_previous.removed,
			 0);
	/* a baseline does not raise the revision */
	assert_int_equal(tp_plan_file_record(path, TP_SNAPSHOT_BASELINE,
					     1750000200, 0, NULL, &res, &err),
			 TP_OK);
	assert_int_equal(res.revision, 3);
	assert_int_equal(tp_plan_doc_read_file(path, 0, &doc, &err), TP_OK);
	assert_int_equal(tp_plan_doc_snapshot_count(doc), 3);
	assert_non_null(tp_plan_doc_latest_snapshot(doc, TP_SNAPSHOT_BASELINE));
	tp_plan_doc_free(doc);
	free(before);
	assert_false(leftovers());
}

/* Nothing is written when the file is refused or broken. */
static void
record_refused(void **state)
{
	const char *path = in_tmp("ro.xml");
	struct tp_error err;
	size_t len0, len1;
	(void)state;
	copy_example("thurrock-2012.xml", path);
	char *before = slurp(path, &len0);
	assert_int_equal(chmod(path, 0444), 0);
	assert_int_equal(tp_plan_file_record(path, TP_SNAPSHOT_REVISION, 0, 0,
					     NULL, NULL, &err),
			 TP_ERR_REFUSED);
	assert_string_equal(err.source, path);
	char *after = slurp(path, &len1);
	assert_int_equal(len0, len1);
	assert_memory_equal(before, after, len0);
	free(after);
	free(before);
	struct tp_write_options wo;
	tp_write_options_init(&wo);
	wo.flags = TP_WRITE_FORCE;
	assert_int_equal(tp_plan_file_record(path, TP_SNAPSHOT_REVISION, 0, 0,
					     &wo, NULL, &err),
			 TP_OK);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0444);
	spill(in_tmp("broken.xml"), "<plan xmlns=\"urn:tenderplan:plan:1\">");
	assert_int_equal(tp_plan_file_record(in_tmp("broken.xml"),
					     TP_SNAPSHOT_REVISION, 0, 0, NULL,
					     NULL, &err),
			 TP_ERR_PARSE);
	assert_int_equal(tp_plan_file_record(in_tmp("missing.xml"),
					     TP_SNAPSHOT_REVISION, 0, 0, NULL,
					     NULL, &err),
			 TP_ERR_IO);
	assert_int_equal(tp_plan_file_record(NULL, TP_SNAPSHOT_REVISION, 0, 0,
					     NULL, NULL, &err),
			 TP_ERR_INVALID);
	assert_false(leftovers());
}

/* ---- the file writer ---------------------------------------------------- */

struct temp_log {
	int calls;
	char first[512];
	bool existed, gone_last;
};

static void
log_temp(const char *path, void *user)
{
	struct temp_log *log = user;
	struct stat st;
	if (path && !log->calls) {
		snprintf(log->first, sizeof(log->first), "%s", path);
		log->existed = stat(path, &st) == 0;
	}
	log->gone_last = path == NULL && stat(log->first, &st) != 0;
	log->calls++;
}

static int
mode_of(const char *path)
{
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	return (int)(st.st_mode & 07777);
}

/* New files get 0666 less the umask; a replaced file keeps its mode; the
 * temporary file is in the target's directory, exists while it is
 * written and is gone afterwards. */
static void
writer_modes(void **state)
{
	const char *path = in_tmp("new.ics");
	struct tp_write_options wo;
	struct temp_log log = {0};
	(void)state;
	tp_write_options_init(&wo);
	wo.temp_file = log_temp;
	wo.user = &log;
	mode_t old = umask(077);
	assert_int_equal(tp_atomic_write(path, "x", 1, &wo, NULL), TP_OK);
	umask(old);
	assert_int_equal(mode_of(path), 0600);
	assert_int_equal(log.calls, 2);
	assert_true(log.existed);
	assert_true(log.gone_last);
	assert_int_equal(strncmp(log.first, path, strlen(path)), 0);
	assert_non_null(strstr(log.first, ".tmp-"));
	assert_int_equal(chmod(path, 0640), 0);
	old = umask(022);
	assert_int_equal(tp_atomic_write(path, "yy", 2, NULL, NULL), TP_OK);
	assert_int_equal(mode_of(path), 0640);
	assert_int_equal(tp_atomic_write(in_tmp("new2.ics"), "", 0, NULL, NULL),
			 TP_OK);
	umask(old);
	assert_int_equal(mode_of(in_tmp("new2.ics")), 0644);
	char *back = slurp(path, NULL);
	assert_string_equal(back, "yy");
	free(back);
	assert_false(leftovers());
}

/* Read-only and hard-linked files are refused and left as they were
 * unless forced; a link is written through; a directory or a missing
 * directory is an I/O error that names the file and leaves nothing. */
static void
writer_refusals(void **state)
{
	const char *ro = in_tmp("ro.txt"), *hl = in_tmp("hl.txt");
	const char *other = in_tmp("hl-other.txt"), *ln = in_tmp("ln.txt");
	struct tp_write_options force;
	struct tp_error err;
	(void)state;
	tp_write_options_init(&force);
	force.flags = TP_WRITE_FORCE;
	spill(ro, "old");
	assert_int_equal(chmod(ro, 0444), 0);
	assert_int_equal(tp_atomic_write(ro, "new", 3, NULL, &err),
			 TP_ERR_REFUSED);
	assert_non_null(strstr(err.message, "read-only"));
	assert_string_equal(err.source, ro);
	char *s = slurp(ro, NULL);
	assert_string_equal(s, "old");
	free(s);
	assert_int_equal(tp_atomic_write(ro, "new", 3, &force, &err), TP_OK);
	assert_int_equal(mode_of(ro), 0444);
	spill(hl, "old");
	assert_int_equal(link(hl, other), 0);
	assert_int_equal(tp_atomic_write(hl, "new", 3, NULL, &err),
			 TP_ERR_REFUSED);
	assert_non_null(strstr(err.message, "2 names"));
	assert_int_equal(tp_atomic_write(hl, "new", 3, &force, &err), TP_OK);
	s = slurp(other, NULL);
	assert_string_equal(s, "old"); /* the other name keeps the old file */
	free(s);
	assert_int_equal(symlink("hl.txt", ln), 0);
	assert_int_equal(tp_atomic_write(ln, "via link", 8, NULL, &err), TP_OK);
	struct stat st;
	assert_int_equal(lstat(ln, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	s = slurp(hl, NULL);
	assert_string_equal(s, "via link");
	free(s);
	assert_int_equal(tp_atomic_write(tmpdir, "x", 1, NULL, &err),
			 TP_ERR_IO);
	assert_int_equal(
		tp_atomic_write(in_tmp("no/such.txt"), "x", 1, NULL, &err),
		TP_ERR_IO);
	assert_string_equal(err.source, in_tmp("no/such.txt"));
	assert_int_equal(tp_atomic_write("", "x", 1, NULL, &err),
			 TP_ERR_INVALID);
	assert_false(leftovers());
}

/* Out of memory anywhere in recording and writing a snapshot: every
 * failure is TP_ERR_NOMEM and leaks nothing (valgrind, ASan). */
static enum tp_status
record_once(void)
{
	struct tp_plan_doc *doc = NULL, *back = NULL;
	struct tp_schedule *sched = NULL;
	struct tp_snapshot *s = NULL;
	char *xml = NULL;
	size_t len = 0;
	struct tp_error err;
	enum tp_status rc = tp_plan_doc_read_memory(
		plan_with_snapshot, strlen(plan_with_snapshot), "s.xml", NULL,
		0, &doc, &err);
	if (rc == TP_OK)
		rc = tp_schedule_compute(tp_plan_doc_plan_const(doc),
					 TP_SCHEDULE_AUTO, &sched, &err);
	if (rc == TP_OK)
		rc = tp_snapshot_record(
			sched,
			tp_plan_doc_latest_snapshot(doc, TP_SNAPSHOT_REVISION),
			TP_SNAPSHOT_REVISION, 0, &s, &err);
	if (rc == TP_OK) {
		rc = tp_plan_doc_take_snapshot(doc, s, &err);
		s = NULL;
	}
	if (rc == TP_OK)
		rc = tp_plan_doc_write_memory(doc, &xml, &len, &err);
	if (rc == TP_OK)
		rc = tp_plan_doc_read_memory(xml, len, "w.xml", NULL, 0, &back,
					     &err);
	if (rc != TP_OK && rc != TP_ERR_NOMEM)
		fail_msg("status %d: %s", rc, err.message);
	free(xml);
	tp_snapshot_free(s);
	tp_schedule_free(sched);
	tp_plan_doc_free(back);
	tp_plan_doc_free(doc);
	return rc;
}

static void
allocation_failures(void **state)
{
	int n;
	(void)state;
	for (n = 0; n < 100000; n++) {
		alloc_fail_after(n + 1);
		enum tp_status rc = record_once();
		alloc_fail_after(0);
		if (rc == TP_OK)
			break;
		assert_int_equal(rc, TP_ERR_NOMEM);
	}
	assert_true(n > 10 && n < 100000);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(snapshot_basics),
		cmocka_unit_test(snapshot_many_stages),
		cmocka_unit_test(text_hash),
		cmocka_unit_test(text_hash_definition),
		cmocka_unit_test(snapshots_read_and_written),
		cmocka_unit_test(bad_snapshots),
		cmocka_unit_test(record_revision_in_file),
		cmocka_unit_test(record_too_large),
		cmocka_unit_test(record_refused),
		cmocka_unit_test(writer_modes),
		cmocka_unit_test(writer_refusals),
		cmocka_unit_test(allocation_failures),
	};
	return cmocka_run_group_tests(tests, make_dir, remove_dir);
}
