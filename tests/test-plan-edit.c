/* SPDX-License-Identifier: MIT */
/* Plan files edited in place (tp-plan-edit.h, #12): each change on a plan
 * written by hand with comments and a layout of its own
 * (tests/data/edit/commented.xml) gives exactly the bytes of that file
 * with the lines written out below by hand replaced, and nothing else;
 * refused changes change nothing; the line merge that keeps the layout;
 * the values people type; the spreadsheet table read back (a table saved
 * unchanged changes nothing, three bad cells give three problems and no
 * change); the cells neutralised for spreadsheets survive the round trip;
 * allocation failures. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "alloc-fail.h"

#include <tenderplan/tenderplan.h>

#include "export-private.h"
#include "text-merge-private.h"

static char *
read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n + 1)) &&
	    fread(buf, 1, (size_t)n, f) == (size_t)n) {
		buf[n] = '\0';
		*len = (size_t)n;
	} else {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

static char *original;
static size_t original_len;

static int
setup(void **state)
{
	char path[4096];
	const char *d = getenv("TP_TEST_DATA");

	(void)state;
	if (!d)
		return -1;
	snprintf(path, sizeof(path), "%s/edit/commented.xml", d);
	original = read_all(path, &original_len);
	return original ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	free(original);
	return 0;
}

/* @text with each pair (from, to) replaced; each from must be there
 * exactly once. */
static char *
replaced(const char *text, const char *const *pairs, size_t n)
{
	char *s = strdup(text);

	for (size_t i = 0; i + 1 < n; i += 2) {
		const char *from = pairs[i], *to = pairs[i + 1];
		char *at = strstr(s, from);
		if (!at || strstr(at + 1, from))
			fail_msg("'%s' is not in the plan exactly once", from);
		size_t pre = (size_t)(at - s), fl = strlen(from),
		       tl = strlen(to);
		char *r = malloc(strlen(s) - fl + tl + 1);
		memcpy(r, s, pre);
		memcpy(r + pre, to, tl);
		strcpy(r + pre + tl, at + fl);
		free(s);
		s = r;
	}
	return s;
}

static struct tp_plan_edit *
open_text(const char *text, size_t len)
{
	struct tp_plan_edit *e = NULL;
	struct tp_error err;

	if (tp_plan_edit_new(text, len, "commented.xml", NULL, &e, &err) !=
	    TP_OK)
		fail_msg("cannot open: %s", err.message);
	return e;
}

/* Finish @e and compare its text with the original with @pairs replaced;
 * frees @e. */
static void
expect_text(struct tp_plan_edit *e, const char *base, const char *const *pairs,
	    size_t n)
{
	struct tp_error err;
	char *want = replaced(base, pairs, n);
	const char *got;

	if (tp_plan_edit_finish(e, &err) != TP_OK)
		fail_msg("finish: %s", err.message);
	got = tp_plan_edit_result(e, NULL);
	assert_non_null(got);
	if (strcmp(got, want) != 0)
		fail_msg("got:\n%s\nwanted:\n%s", got, want);
	free(want);
	tp_plan_edit_free(e);
}

static void
expect_change(const struct tp_plan_edit *e, size_t i, const char *text)
{
	const char *c = tp_plan_edit_change(e, i);
	if (!c || strcmp(c, text) != 0)
		fail_msg("change %zu is '%s', not '%s'", i, c ? c : "(none)",
			 text);
}

/* ---- values people type ------------------------------------------------ */

static void
durations(void **state)
{
	static const struct {
		const char *text;
		int32_t amount;
		enum tp_unit unit;
		bool given;
	} ok[] = {
		{"4w", 4, TP_UNIT_WEEKS, true},
		{"20wd", 20, TP_UNIT_WORKING_DAYS, true},
		{"30d", 30, TP_UNIT_CALENDAR_DAYS, true},
		{"3m", 3, TP_UNIT_MONTHS, true},
		{" 20 working days ", 20, TP_UNIT_WORKING_DAYS, true},
		{"4 Weeks", 4, TP_UNIT_WEEKS, true},
		{"1 month", 1, TP_UNIT_MONTHS, true},
		{"35 calendar-days", 35, TP_UNIT_CALENDAR_DAYS, true},
		{"0", 0, TP_UNIT_WORKING_DAYS, false},
		{"0wd", 0, TP_UNIT_WORKING_DAYS, true},
		{"100000wd", 100000, TP_UNIT_WORKING_DAYS, true},
	};
	static const char *const bad[] = {"",     "3",       "4 weks", "-2w",
					  "w",    "100001d", "4.5w",   "4ww",
					  "wd4",  "12345678wd"};
	char buf[TP_DURATION_STRLEN];
	int32_t a;
	enum tp_unit u;
	bool given;
	struct tp_error err;

	(void)state;
	for (size_t i = 0; i < sizeof(ok) / sizeof(*ok); i++) {
		if (tp_duration_parse(ok[i].text, &a, &u, &given, &err) !=
		    TP_OK)
			fail_msg("'%s' refused: %s", ok[i].text, err.message);
		assert_int_equal(a, ok[i].amount);
		assert_int_equal(u, ok[i].unit);
		assert_int_equal(given, ok[i].given);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++)
		if (tp_duration_parse(bad[i], &a, &u, &given, &err) !=
		    TP_ERR_PARSE)
			fail_msg("'%s' accepted", bad[i]);
	assert_non_null(strstr(err.message, "20wd (working days)"));
	assert_string_equal(tp_duration_format(4, TP_UNIT_WEEKS, buf), "4w");
	assert_string_equal(tp_duration_format(20, TP_UNIT_WORKING_DAYS, buf),
			    "20wd");
	assert_string_equal(tp_duration_format(30, TP_UNIT_CALENDAR_DAYS, buf),
			    "30d");
	assert_string_equal(tp_duration_format(3, TP_UNIT_MONTHS, buf), "3m");
	assert_string_equal(tp_duration_format(0, TP_UNIT_MONTHS, buf), "0");
	assert_int_equal(tp_duration_parse(NULL, &a, &u, NULL, NULL),
			 TP_ERR_INVALID);
}

static void
lags_and_times(void **state)
{
	int32_t lag;
	enum tp_unit u;
	int m;

	(void)state;
	assert_int_equal(tp_lag_parse("2wd", &lag, &u, NULL), TP_OK);
	assert_true(lag == 2 && u == TP_UNIT_WORKING_DAYS);
	assert_int_equal(tp_lag_parse("-3wd", &lag, &u, NULL), TP_OK);
	assert_true(lag == -3 && u == TP_UNIT_WORKING_DAYS);
	assert_int_equal(tp_lag_parse("+14d", &lag, &u, NULL), TP_OK);
	assert_true(lag == 14 && u == TP_UNIT_CALENDAR_DAYS);
	assert_int_equal(tp_lag_parse("0", &lag, &u, NULL), TP_OK);
	assert_int_equal(lag, 0);
	assert_int_equal(tp_lag_parse("2w", &lag, &u, NULL), TP_ERR_PARSE);
	assert_int_equal(tp_lag_parse("2", &lag, &u, NULL), TP_ERR_PARSE);
	assert_int_equal(tp_lag_parse("--2wd", &lag, &u, NULL), TP_ERR_PARSE);
	assert_int_equal(tp_time_parse("12:00", &m, NULL), TP_OK);
	assert_int_equal(m, 720);
	assert_int_equal(tp_time_parse("9:30", &m, NULL), TP_OK);
	assert_int_equal(m, 570);
	assert_int_equal(tp_time_parse("23:59:00", &m, NULL), TP_OK);
	assert_int_equal(m, 1439);
	assert_int_equal(tp_time_parse("00:00", &m, NULL), TP_OK);
	assert_int_equal(m, 0);
	static const char *const bad[] = {"24:00", "12:60", "1200",  "12:0",
					  "12:00:30", "", "12:00 pm", "1:2"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++)
		if (tp_time_parse(bad[i], &m, NULL) != TP_ERR_PARSE)
			fail_msg("time '%s' accepted", bad[i]);
}

/* ---- changes on the commented plan -------------------------------------- */

static void
duration_on_a_plain_line(void **state)
{
	struct tp_plan_edit *e = open_text(original, original_len);
	static const char *const pairs[] = {
		("<stage id=\"specification\" kind=\"specification\" "
		"duration=\"20\">"),
		("<stage id=\"specification\" kind=\"specification\" "
		"duration=\"25\">")};

	(void)state;
	assert_int_equal(tp_plan_edit_set_stage_duration(
				 e, "specification", 25, TP_UNIT_WORKING_DAYS,
				 NULL),
			 TP_OK);
	expect_change(e, 0,
		      "stage 'specification': duration 20 working days -> 25 "
		      "working days");
	/* the same again changes nothing more */
	assert_int_equal(tp_plan_edit_set_stage_duration(
				 e, "specification", 25, TP_UNIT_WORKING_DAYS,
				 NULL),
			 TP_OK);
	assert_int_equal(tp_plan_edit_change_count(e), 1);
	expect_text(e, original, pairs, 2);
}

/* The line changed had single quotes: it is written as libxml2 writes
 * it, and the rest of the file (the rules tag over three lines, the
 * entity references of the plan's name) stays. */
static void
duration_on_a_line_of_its_own(void **state)
{
	struct tp_plan_edit *e = open_text(original, original_len);
	struct tp_error err;
	static const char *const pairs[] = {
		"<stage id='evaluation' kind='evaluation' duration='15'>",
		("<stage id=\"evaluation\" kind=\"evaluation\" duration=\"4\" "
		"unit=\"weeks\">")};

	(void)state;
	assert_int_equal(tp_plan_edit_set_stage_duration(e, "evaluation", 4,
							 TP_UNIT_WEEKS, &err),
			 TP_OK);
	assert_int_equal(tp_plan_edit_finish(e, &err), TP_OK);
	assert_false(tp_plan_edit_layout_kept(e));
	/* the result reads as a plan whose evaluation lasts four weeks */
	const struct tp_plan *p =
		tp_plan_doc_plan_const(tp_plan_edit_result_doc(e));
	size_t i;
	assert_true(tp_plan_find_stage(p, "evaluation", &i));
	assert_int_equal(tp_plan_stage_amount(p, i), 4);
	assert_int_equal(tp_plan_stage_unit(p, i), TP_UNIT_WEEKS);
	expect_text(e, original, pairs, 2);
}

static void
texts_are_escaped(void **state)
{
	struct tp_plan_edit *e = open_text(original, original_len);
	static const char *const pairs[] = {
		"<name>Tender notice published</name>",
		"<name>Notice &amp; &lt;advert&gt;</name>",
		"      <!-- PA 2023 s.54(4): 25 days at least; 30 kept -->\n",
		("      <!-- PA 2023 s.54(4): 25 days at least; 30 kept -->\n"
		"      <name>Tendering period</name>\n"),
		"      <notes>Three weeks; panel of four.</notes>\n", ""};

	(void)state;
	assert_int_equal(tp_plan_edit_set_stage_text(e, "advert",
						     TP_STAGE_TEXT_NAME,
						     "Notice & <advert>", NULL),
			 TP_OK);
	assert_int_equal(tp_plan_edit_set_stage_text(e, "tender-period",
						     TP_STAGE_TEXT_NAME,
						     "Tendering period", NULL),
			 TP_OK);
	assert_int_equal(tp_plan_edit_set_stage_text(e, "evaluation",
						     TP_STAGE_TEXT_NOTES, NULL,
						     NULL),
			 TP_OK);
	expect_change(e, 0,
		      "stage 'advert': name 'Tender notice published' -> "
		      "'Notice & <advert>'");
	expect_change(e, 1,
		      "stage 'tender-period': name set to 'Tendering period'");
	expect_change(e, 2,
		      "stage 'evaluation': notes removed (was 'Three weeks; "
		      "panel of four.')");
	expect_text(e, original, pairs, 6);
}

/* A stage written on one line gets its new elements on that line. */
static void
fixed_date_inline(void **state)
{
	struct tp_plan_edit *e = open_text(original, original_len);
	struct tp_date d = TP_DATE(2027, 1, 14);
	static const char *const pairs[] = {
		("<stage id=\"cabinet\" kind=\"governance-approval\"><after "
		"stage=\"evaluation\"/></stage>"),
		("<stage id=\"cabinet\" kind=\"governance-approval\" "
		"time=\"10:00\"><after stage=\"evaluation\"/><constraint "
		"type=\"start-on\" date=\"2027-01-14\"/></stage>")};

	(void)state;
	assert_int_equal(tp_plan_edit_set_stage_time(e, "cabinet", 600, NULL),
			 TP_OK);
	assert_int_equal(tp_plan_edit_set_stage_constraint(
				 e, "cabinet", TP_CONSTRAINT_START_ON, &d, NULL),
			 TP_OK);
	expect_change(e, 1, "stage 'cabinet': start-on 2027-01-14 added");
	expect_text(e, original, pairs, 2);
}

static void
constraint_changed_and_removed(void **state)
{
	const char *const add[] = {
		"      <after stage=\"specification\"/>\n",
		("      <after stage=\"specification\"/>\n"
		"      <constraint type=\"start-no-earlier-than\" "
		"date=\"2026-09-01\"/>\n")};
	char *with = replaced(original, add, 2);
	struct tp_plan_edit *e = open_text(with, strlen(with));
	struct tp_date d = TP_DATE(2026, 9, 7);
	static const char *const pairs[] = {
		"date=\"2026-09-01\"/>", "date=\"2026-09-07\"/>"};

	(void)state;
	assert_int_equal(tp_plan_edit_set_stage_constraint(
				 e, "advert",
				 TP_CONSTRAINT_START_NO_EARLIER_THAN, &d, NULL),
			 TP_OK);
	expect_change(e, 0,
		      "stage 'advert': start-no-earlier-than 2026-09-01 -> "
		      "2026-09-07");
	expect_text(e, with, pairs, 2);
	e = open_text(with, strlen(with));
	assert_int_equal(tp_plan_edit_set_stage_constraint(
				 e, "advert",
				 TP_CONSTRAINT_START_NO_EARLIER_THAN, NULL,
				 NULL),
			 TP_OK);
	expect_text(e, original, NULL, 0);
	free(with);
}

static void
stage_added_and_linked(void **state)
{
	struct tp_plan_edit *e = open_text(original, original_len);
	struct tp_error err;
	static const char *const pairs[] = {
		"      <after stage=\"tender-deadline\"/>\n    </stage>\n",
		("      <after stage=\"tender-deadline\"/>\n    </stage>\n"
		"    <stage id=\"legal\" kind=\"custom\" duration=\"5\" "
		"unit=\"working-days\">\n"
		"      <name>Legal check</name>\n"
		"      <after stage=\"evaluation\" type=\"finish-to-start\"/>\n"
		"    </stage>\n"),
		("    <stage id=\"cabinet\" kind=\"governance-approval\"><after "
		"stage=\"evaluation\"/></stage>"),
		("    <stage id=\"cabinet\" kind=\"governance-approval\"><after "
		"stage=\"evaluation\"/><after stage=\"legal\" "
		"type=\"finish-to-start\"/></stage>")};

	(void)state;
	assert_int_equal(tp_plan_edit_add_stage(e, "legal", TP_STAGE_CUSTOM, 5,
						TP_UNIT_WORKING_DAYS,
						"Legal check", "evaluation",
						NULL, &err),
			 TP_OK);
	assert_int_equal(tp_plan_edit_link(e, "evaluation", "legal", NULL,
					   &err),
			 TP_OK);
	assert_int_equal(tp_plan_edit_link(e, "legal", "cabinet", NULL, &err),
			 TP_OK);
	expect_change(e, 0, "added stage 'legal' (custom, 5 working days)");
	expect_change(e, 1,
		      "stage 'legal': now after 'evaluation' (finish-to-start)");
	/* a stage id twice, a bad id */
	assert_int_equal(tp_plan_edit_add_stage(e, "legal", TP_STAGE_CUSTOM, 0,
						TP_UNIT_WORKING_DAYS, NULL,
						NULL, NULL, &err),
			 TP_ERR_INVALID);
	assert_non_null(strstr(err.message, "already has a stage 'legal'"));
	assert_int_equal(tp_plan_edit_add_stage(e, "le gal", TP_STAGE_CUSTOM,
						0, TP_UNIT_WORKING_DAYS, NULL,
						NULL, NULL, &err),
			 TP_ERR_INVALID);
	expect_text(e, original, pairs, 4);
}

/* At the end of the stages, and before the first one (after the comment
 * above it). */
static void
stage_added_at_the_ends(void **state)
{
	struct tp_plan_edit *e = open_text(original, original_len);
	static const char *const pairs[] = {
		"    <!-- preparation -->\n",
		("    <!-- preparation -->\n"
		"    <stage id=\"needs\" kind=\"specification\" duration=\"2\" "
		"unit=\"weeks\"/>\n"),
		"      <after stage=\"mobilisation\"/>\n    </stage>\n",
		("      <after stage=\"mobilisation\"/>\n    </stage>\n"
		"    <stage id=\"review\" kind=\"custom\" duration=\"0\" "
		"unit=\"working-days\"/>\n")};

	(void)state;
	assert_int_equal(tp_plan_edit_add_stage(e, "needs",
						TP_STAGE_SPECIFICATION, 2,
						TP_UNIT_WEEKS, NULL, NULL,
						"specification", NULL),
			 TP_OK);
	assert_int_equal(tp_plan_edit_add_stage(e, "review", TP_STAGE_CUSTOM, 0,
						TP_UNIT_WORKING_DAYS, NULL,
						NULL, NULL, NULL),
			 TP_OK);
	expect_text(e, original, pairs, 4);
}

static void
stage_removed_with_relink(void **state)
{
	struct tp_plan_edit *e = open_text(original, original_len);
	struct tp_error err;
	static const char *const pairs[] = {
		("    <stage id=\"intention-to-award\" "
		"kind=\"intention-to-award\">\n"
		"      <after stage=\"cabinet\"/>\n    </stage>\n"),
		"",
		"<after stage=\"intention-to-award\" type=\"start-to-start\"/>",
		"<after stage=\"cabinet\" type=\"start-to-start\"/>"};

	(void)state;
	/* refused while standstill depends on it, naming it; nothing changes */
	assert_int_equal(tp_plan_edit_remove_stage(e, "intention-to-award",
						   NULL, &err),
			 TP_ERR_INVALID);
	assert_string_equal(err.message,
			    "stage 'standstill' depends on 'intention-to-award': "
			    "say which stage it should follow instead (relink "
			    "to it), or unlink it first");
	assert_int_equal(tp_plan_edit_change_count(e), 0);
	assert_int_equal(tp_plan_edit_remove_stage(e, "intention-to-award",
						   "cabnet", &err),
			 TP_ERR_INVALID);
	assert_string_equal(err.message, "no stage 'cabnet' in the plan (did "
					 "you mean 'cabinet'?)");
	assert_int_equal(tp_plan_edit_remove_stage(e, "intention-to-award",
						   "cabinet", &err),
			 TP_OK);
	expect_change(e, 0, "removed stage 'intention-to-award'");
	expect_change(e, 1,
		      "stage 'standstill': now after 'cabinet' (was after "
		      "'intention-to-award')");
	expect_text(e, original, pairs, 4);
}

static void
closures_in_date_order(void **state)
{
	struct tp_plan_edit *e = open_text(original, original_len);
	struct tp_error err;
	static const char *const pairs[] = {
		("    <!-- the council's own closures -->\n"
		"    <closure from=\"2026-08-31\" to=\"2026-08-31\" "
		"name=\"Staff day\"/>\n"),
		("    <!-- the council's own closures -->\n"
		"    <closure from=\"2026-04-03\" to=\"2026-04-03\"/>\n"
		"    <closure from=\"2026-08-31\" to=\"2026-08-31\" "
		"name=\"Staff day\"/>\n"
		"    <closure from=\"2026-12-24\" to=\"2027-01-01\" "
		"name=\"Christmas &amp; New Year\"/>\n")};

	(void)state;
	assert_int_equal(tp_plan_edit_add_closure(e, TP_DATE(2026, 12, 24),
						  TP_DATE(2027, 1, 1),
						  "Christmas & New Year", &err),
			 TP_OK);
	assert_int_equal(tp_plan_edit_add_closure(e, TP_DATE(2026, 4, 3),
						  TP_DATE(2026, 4, 3), NULL,
						  &err),
			 TP_OK);
	assert_int_equal(tp_plan_edit_add_closure(e, TP_DATE(2026, 4, 3),
						  TP_DATE(2026, 4, 3), NULL,
						  &err),
			 TP_ERR_INVALID);
	assert_int_equal(tp_plan_edit_add_closure(e, TP_DATE(2026, 4, 3),
						  TP_DATE(2026, 4, 2), NULL,
						  &err),
			 TP_ERR_INVALID);
	assert_int_equal(tp_plan_edit_remove_closure(e, TP_DATE(2026, 4, 4),
						     TP_DATE(2026, 4, 4), &err),
			 TP_ERR_INVALID);
	assert_string_equal(err.message,
			    "the plan has no closure 2026-04-04..2026-04-04 "
			    "(its closures: 2026-04-03..2026-04-03, "
			    "2026-08-31..2026-08-31, 2026-12-24..2027-01-01)");
	expect_text(e, original, pairs, 2);
	e = open_text(original, original_len);
	assert_int_equal(tp_plan_edit_remove_closure(e, TP_DATE(2026, 8, 31),
						     TP_DATE(2026, 8, 31), &err),
			 TP_OK);
	static const char *const removed[] = {
		("    <closure from=\"2026-08-31\" to=\"2026-08-31\" "
		"name=\"Staff day\"/>\n"),
		""};
	expect_text(e, original, removed, 2);
}

/* A plan without a calendar element gets one, where the schema puts it
 * (after the name, before the anchors), indented as its neighbours. */
static void
calendar_created(void **state)
{
	const char *const drop[] = {
		("  <calendar region=\"england-and-wales\">\n"
		"    <!-- the council's own closures -->\n"
		"    <closure from=\"2026-08-31\" to=\"2026-08-31\" "
		"name=\"Staff day\"/>\n"
		"  </calendar>\n"),
		""};
	char *without = replaced(original, drop, 2);
	struct tp_plan_edit *e = open_text(without, strlen(without));
	static const char *const pairs[] = {
		"  <anchors ", ("  <calendar>\n"
			       "    <closure from=\"2026-12-24\" "
			       "to=\"2027-01-01\"/>\n"
			       "  </calendar>\n"
			       "  <anchors ")};

	(void)state;
	assert_int_equal(tp_plan_edit_add_closure(e, TP_DATE(2026, 12, 24),
						  TP_DATE(2027, 1, 1), NULL,
						  NULL),
			 TP_OK);
	expect_text(e, without, pairs, 2);
	free(without);
}

static void
anchors_set_and_cleared(void **state)
{
	struct tp_plan_edit *e = open_text(original, original_len);
	struct tp_date start = TP_DATE(2026, 6, 1);
	static const char *const pairs[] = {
		"<anchors contract-start=\"2027-04-01\"/>",
		"<anchors start=\"2026-06-01\"/>"};
	static const char *const none[] = {
		"  <anchors contract-start=\"2027-04-01\"/>\n", ""};

	(void)state;
	assert_int_equal(tp_plan_edit_set_anchor(e, TP_ANCHOR_START, &start,
						 NULL),
			 TP_OK);
	assert_int_equal(tp_plan_edit_set_anchor(e, TP_ANCHOR_CONTRACT_START,
						 NULL, NULL),
			 TP_OK);
	expect_change(e, 0, "anchors: start set to 2026-06-01");
	expect_change(e, 1, "anchors: contract-start removed (was 2027-04-01)");
	expect_text(e, original, pairs, 2);
	e = open_text(original, original_len);
	assert_int_equal(tp_plan_edit_set_anchor(e, TP_ANCHOR_CONTRACT_START,
						 NULL, NULL),
			 TP_OK);
	expect_text(e, original, none, 2);
}

static void
links_changed(void **state)
{
	struct tp_plan_edit *e = open_text(original, original_len);
	struct tp_plan_edit_link how;
	struct tp_error err;
	static const char *const pairs[] = {
		"<after stage=\"tender-deadline\"/>",
		"<after stage=\"tender-deadline\" lag=\"2\"/>",
		("      <after stage=\"tender-period\" "
		"type=\"finish-to-finish\"/>\n"),
		("      <after stage=\"tender-period\" "
		"type=\"finish-to-finish\"/>\n"
		"      <after stage=\"specification\" type=\"finish-to-finish\" "
		"lag=\"-3\" lag-unit=\"calendar-days\"/>\n"),
		("    <stage id=\"intention-to-award\" "
		"kind=\"intention-to-award\">\n"
		"      <after stage=\"cabinet\"/>\n"),
		("    <stage id=\"intention-to-award\" "
		"kind=\"intention-to-award\">\n")};

	(void)state;
	tp_plan_edit_link_init(&how);
	how.set_lag = true;
	how.lag = 2;
	assert_int_equal(tp_plan_edit_link(e, "tender-deadline", "evaluation",
					   &how, &err),
			 TP_OK);
	expect_change(e, 0,
		      "stage 'evaluation': after 'tender-deadline' "
		      "finish-to-start -> finish-to-start, lag 2 working days");
	how.set_type = true;
	how.type = TP_DEP_FINISH_TO_FINISH;
	how.lag = -3;
	how.lag_unit = TP_UNIT_CALENDAR_DAYS;
	assert_int_equal(tp_plan_edit_link(e, "specification",
					   "tender-deadline", &how, &err),
			 TP_OK);
	assert_int_equal(tp_plan_edit_unlink(e, "cabinet",
					     "intention-to-award", &err),
			 TP_OK);
	assert_int_equal(tp_plan_edit_unlink(e, "advert", "award", &err),
			 TP_ERR_INVALID);
	assert_string_equal(err.message,
			    "stage 'award' does not depend on 'advert' (it "
			    "depends on 'standstill')");
	assert_int_equal(tp_plan_edit_link(e, "award", "award", NULL, &err),
			 TP_ERR_CYCLE);
	expect_text(e, original, pairs, 6);
}

static void
plan_id_and_name(void **state)
{
	struct tp_plan_edit *e = open_text(original, original_len);
	struct tp_error err;
	static const char *const pairs[] = {
		"id=\"childrens-centres\"", "id=\"cc-2027\"",
		"<name>Children&apos;s centres &amp; family hubs</name>",
		"<name>Children's centres</name>"};

	(void)state;
	assert_int_equal(tp_plan_edit_set_plan_id(e, "cc-2027", &err), TP_OK);
	assert_int_equal(tp_plan_edit_set_plan_id(e, "cc 2027", &err),
			 TP_ERR_INVALID);
	assert_int_equal(tp_plan_edit_set_plan_name(e, "Children's centres",
						    &err),
			 TP_OK);
	expect_change(e, 0, "plan: id 'childrens-centres' -> 'cc-2027'");
	expect_text(e, original, pairs, 4);
}

/* A change the reader refuses leaves nothing behind: finish fails and
 * there is no result. Unknown stages suggest the nearest one. */
static void
refused(void **state)
{
	struct tp_plan_edit *e = open_text(original, original_len);
	struct tp_error err;

	(void)state;
	assert_int_equal(tp_plan_edit_link(e, "contract-start", "specification",
					   NULL, &err),
			 TP_OK);
	assert_int_equal(tp_plan_edit_finish(e, &err), TP_ERR_CYCLE);
	assert_non_null(strstr(err.message, "dependency cycle"));
	assert_null(tp_plan_edit_result(e, NULL));
	assert_null(tp_plan_edit_result_doc(e));
	assert_int_equal(tp_plan_edit_set_stage_duration(
				 e, "evalution", 3, TP_UNIT_WEEKS, &err),
			 TP_ERR_INVALID);
	assert_string_equal(err.message, "no stage 'evalution' in the plan "
					 "(did you mean 'evaluation'?)");
	assert_int_equal(tp_plan_edit_set_stage_text(e, "advert",
						     TP_STAGE_TEXT_NAME,
						     "bell \a", &err),
			 TP_ERR_INVALID);
	assert_int_equal(tp_plan_edit_set_stage_text(e, "advert",
						     TP_STAGE_TEXT_NAME,
						     "\xC3\x28", &err),
			 TP_ERR_INVALID);
	tp_plan_edit_free(e);
	/* a plan the reader refuses cannot be edited: the reader's error */
	assert_int_equal(tp_plan_edit_new("<plan/>", 7, "x.xml", NULL, &e,
					  &err),
			 TP_ERR_PARSE);
	assert_string_equal(err.source, "x.xml");
	assert_int_equal(tp_plan_edit_new(NULL, 0, NULL, NULL, &e, &err),
			 TP_ERR_INVALID);
	tp_plan_edit_free(NULL);
	assert_null(tp_plan_edit_original(NULL));
	assert_int_equal(tp_plan_edit_change_count(NULL), 0);
	assert_int_equal(tp_plan_edit_finish(NULL, &err), TP_ERR_INVALID);
}

/* Every line ending CRLF: the edited lines end CRLF too. */
static void
crlf_kept(void **state)
{
	size_t n = 0;
	char *crlf = malloc(original_len * 2 + 1);
	for (size_t i = 0; i < original_len; i++) {
		if (original[i] == '\n')
			crlf[n++] = '\r';
		crlf[n++] = original[i];
	}
	crlf[n] = '\0';
	struct tp_plan_edit *e = open_text(crlf, n);
	static const char *const pairs[] = {
		"duration=\"20\">\r\n", "duration=\"25\">\r\n",
		("    <stage id=\"intention-to-award\" "
		"kind=\"intention-to-award\">\r\n"),
		("    <stage id=\"intention-to-award\" "
		"kind=\"intention-to-award\">\r\n"
		"      <notes>Letters to all bidders.</notes>\r\n")};

	(void)state;
	assert_int_equal(tp_plan_edit_set_stage_duration(
				 e, "specification", 25, TP_UNIT_WORKING_DAYS,
				 NULL),
			 TP_OK);
	assert_int_equal(tp_plan_edit_set_stage_text(
				 e, "intention-to-award", TP_STAGE_TEXT_NOTES,
				 "Letters to all bidders.", NULL),
			 TP_OK);
	expect_text(e, crlf, pairs, 4);
	free(crlf);
}

/* Writing checks that the file still holds what was read. */
static void
written_atomically(void **state)
{
	char path[] = "/tmp/tp-edit-XXXXXX";
	int fd = mkstemp(path);
	struct tp_plan_edit *e = NULL;
	struct tp_error err;
	size_t len;
	char *back;

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(write(fd, original, original_len), (ssize_t)original_len);
	close(fd);
	assert_int_equal(tp_plan_edit_open(path, &e, &err), TP_OK);
	assert_int_equal(tp_plan_edit_set_plan_id(e, "cc-2027", &err), TP_OK);
	assert_int_equal(tp_plan_edit_write_file(e, path, NULL, &err),
			 TP_ERR_INVALID); /* not finished */
	assert_int_equal(tp_plan_edit_finish(e, &err), TP_OK);
	/* another program changes the file: nothing is written */
	FILE *f = fopen(path, "ab");
	fputs("<!-- more -->\n", f);
	fclose(f);
	assert_int_equal(tp_plan_edit_write_file(e, path, NULL, &err), TP_ERR_IO);
	back = read_all(path, &len);
	assert_int_equal(len, original_len + 14);
	free(back);
	tp_plan_edit_free(e);
	f = fopen(path, "wb");
	fwrite(original, 1, original_len, f);
	fclose(f);
	assert_int_equal(tp_plan_edit_open(path, &e, &err), TP_OK);
	assert_int_equal(tp_plan_edit_set_plan_id(e, "cc-2027", &err), TP_OK);
	assert_int_equal(tp_plan_edit_finish(e, &err), TP_OK);
	assert_int_equal(tp_plan_edit_write_file(e, path, NULL, &err), TP_OK);
	back = read_all(path, &len);
	assert_non_null(strstr(back, "id=\"cc-2027\""));
	free(back);
	tp_plan_edit_free(e);
	unlink(path);
}

/* ---- the line merge -------------------------------------------------- */

static void
merge_case(const char *base, const char *ours, const char *theirs,
	   const char *want, bool conflict)
{
	char *out = NULL;
	size_t len;
	bool c;

	assert_int_equal(tp_text_merge(base, strlen(base), ours, strlen(ours),
				       theirs, strlen(theirs), &out, &len, &c,
				       NULL),
			 TP_OK);
	if (strcmp(out, want) != 0 || len != strlen(want) || c != conflict)
		fail_msg("merge gave '%s' (conflict %d), wanted '%s' (%d)", out,
			 c, want, conflict);
	free(out);
}

static void
line_merge(void **state)
{
	(void)state;
	/* each side's change kept */
	merge_case("a\nb\nc\n", "a\nB\nc\n", "a\nb\nC\n", "a\nB\nC\n", false);
	/* both changed one line: theirs */
	merge_case("a\nb\nc\n", "a\nX\nc\n", "a\nY\nc\n", "a\nY\nc\n", true);
	/* ours split a line in two, theirs inserted after it */
	merge_case("<a x y>\n</a>\n", "<a x\n   y>\n</a>\n",
		   "<a x y>\n<b/>\n</a>\n", "<a x\n   y>\n<b/>\n</a>\n", false);
	/* a missing last newline, a deletion */
	merge_case("a\nb\nc\nd\n", "a\nb\nc\nd", "a\nc\nd\n", "a\nc\nd", false);
	/* the same change on both sides */
	merge_case("a\nb\n", "a\nB\n", "a\nB\n", "a\nB\n", false);
	merge_case("", "", "x\n", "x\n", false);
	/* ours far from base (every line different, nothing to anchor on),
	 * theirs as base: ours whole */
	size_t n = TP_MERGE_MAX_EDITS + 10;
	char *a = malloc(n * 2 + 1), *b = malloc(n * 2 + 1);
	for (size_t i = 0; i < n; i++) {
		a[2 * i] = 'a';
		b[2 * i] = 'b';
		a[2 * i + 1] = b[2 * i + 1] = '\n';
	}
	a[2 * n] = b[2 * n] = '\0';
	merge_case(a, b, a, b, false);
	free(a);
	free(b);
	/* far apart but anchored on the lines each has once: 3,000 lines,
	 * every third requoted in ours, one changed in theirs; the merge has
	 * both (written out here by hand: line k of the result) */
	size_t lines = 3000;
	char *base = malloc(lines * 32), *ours = malloc(lines * 32),
	     *theirs = malloc(lines * 32), *want = malloc(lines * 32);
	size_t lb = 0, lo = 0, lt = 0, lw = 0;
	for (size_t k = 0; k < lines; k++) {
		lb += (size_t)sprintf(base + lb, "<s id=\"%zu\"/>\n", k);
		lo += (size_t)sprintf(ours + lo,
				      k % 3 ? "<s id=\"%zu\"/>\n"
					    : "<s id='%zu'/>\n",
				      k);
		lt += (size_t)sprintf(theirs + lt,
				      k == 1501 ? "<s id=\"%zu\" x=\"1\"/>\n"
						: "<s id=\"%zu\"/>\n",
				      k);
		lw += (size_t)sprintf(want + lw,
				      k == 1501  ? "<s id=\"%zu\" x=\"1\"/>\n"
				      : k % 3 ? "<s id=\"%zu\"/>\n"
						  : "<s id='%zu'/>\n",
				      k);
	}
	merge_case(base, ours, theirs, want, false);
	free(base);
	free(ours);
	free(theirs);
	free(want);
}

/* A file whose layout libxml2 would change throughout (single quotes on
 * every line) and an edit of a line in the middle: only that line is
 * relaid. */
static void
layout_kept_around_a_change(void **state)
{
	static const char doc[] =
		"<?xml version='1.0' encoding='UTF-8'?>\n"
		"<plan xmlns='urn:tenderplan:plan:1' id='p'>\n"
		"  <anchors start='2026-01-05'/>\n"
		"  <stages>\n"
		"    <stage id='a' duration='5'/>\n"
		"    <stage id='b' duration='3'>\n"
		"      <after stage='a'/>\n"
		"    </stage>\n"
		"  </stages>\n"
		"</plan>";
	struct tp_plan_edit *e = open_text(doc, sizeof(doc) - 1);
	static const char *const pairs[] = {"<stage id='a' duration='5'/>",
					    "<stage id=\"a\" duration=\"6\"/>"};

	(void)state;
	assert_int_equal(tp_plan_edit_set_stage_duration(
				 e, "a", 6, TP_UNIT_WORKING_DAYS, NULL),
			 TP_OK);
	expect_text(e, doc, pairs, 2);
}

/* ---- spreadsheets ----------------------------------------------------- */

struct problems {
	size_t n;
	char text[8][400];
};

static void
collect(const struct tp_error *p, void *user)
{
	struct problems *ps = user;

	if (ps->n < 8)
		snprintf(ps->text[ps->n], sizeof(ps->text[0]), "%d:%d:%s:%s",
			 p->line, p->column, p->stage, p->message);
	ps->n++;
}

static enum tp_status
import(struct tp_plan_edit *e, const char *table, struct problems *ps,
       struct tp_error *err)
{
	memset(ps, 0, sizeof(*ps));
	return tp_plan_edit_import_csv(e, table, strlen(table), "t.csv",
				       collect, ps, err);
}

/* The cells of commented.xml as the export writes them, by hand: an
 * Excel-style table (byte order mark, semicolons, CRLF, a quoted cell)
 * that says what the plan says changes nothing. */
static void
table_unchanged(void **state)
{
	static const char table[] =
		"\xEF\xBB\xBFstage;name;duration;time;fixed;not_before;"
		"not_after;notes\r\n"
		"evaluation;Evaluation;15wd;;;;;\"Three weeks; panel of "
		"four.\"\r\n"
		"tender-deadline;;0;12:00;;;;\r\n"
		"mobilisation;;3m;;;;;\r\n"
		"tender-period;;30 d;;;;;\r\n"
		";;;;;;;\r\n";
	struct tp_plan_edit *e = open_text(original, original_len);
	struct problems ps;
	struct tp_error err;

	(void)state;
	assert_int_equal(import(e, table, &ps, &err), TP_OK);
	assert_int_equal(ps.n, 0);
	assert_int_equal(tp_plan_edit_change_count(e), 0);
	expect_text(e, original, NULL, 0);
}

static void
table_edits(void **state)
{
	static const char table[] =
		"sep=;\r\n"
		"Stage;Name;Duration;Time;Fixed;Not before;Not after;Notes\r\n"
		"evaluation;'=Evaluation;4w;;;;;\"Four weeks;\r\npanel of "
		"\"\"four\"\".\"\r\n"
		"tender-deadline;;0;11:00:00;;;;\r\n"
		"cabinet;;;;14/01/2027;;;\r\n"
		"advert;Tender notice published;0;;;01/09/26;;\r\n";
	struct tp_plan_edit *e = open_text(original, original_len);
	struct problems ps;
	struct tp_error err;
	static const char *const pairs[] = {
		"<stage id='evaluation' kind='evaluation' duration='15'>",
		("<stage id=\"evaluation\" kind=\"evaluation\" duration=\"4\" "
		"unit=\"weeks\">"),
		"<notes>Three weeks; panel of four.</notes>",
		"<notes>Four weeks;\npanel of \"four\".</notes>",
		"time=\"12:00\">", "time=\"11:00\">",
		"<after stage=\"evaluation\"/></stage>",
		("<after stage=\"evaluation\"/><constraint type=\"start-on\" "
		"date=\"2027-01-14\"/></stage>"),
		"      <after stage=\"specification\"/>\n",
		("      <after stage=\"specification\"/>\n"
		"      <constraint type=\"start-no-earlier-than\" "
		"date=\"2026-09-01\"/>\n")};

	(void)state;
	/* an empty duration is a problem (the cabinet's row, row 4 as
	 * Excel numbers it: the sep= line is not shown, the evaluation's
	 * row holds two lines) */
	assert_int_equal(import(e, table, &ps, &err), TP_ERR_INVALID);
	assert_int_equal(ps.n, 1);
	assert_string_equal(ps.text[0],
			    "4:3:cabinet:row 4, column C (duration), stage "
			    "'cabinet': empty: write 0 for a milestone, or a "
			    "number and a unit such as 20wd (working days) or "
			    "4w (weeks)");
	assert_int_equal(tp_plan_edit_change_count(e), 0);
	char *fixed = replaced(table, (const char *const[]){"cabinet;;;", "cabinet;;0;"}, 2);
	assert_int_equal(import(e, fixed, &ps, &err), TP_OK);
	free(fixed);
	/* the name was neutralised ('=Evaluation means =Evaluation) */
	expect_change(e, 0,
		      "stage 'evaluation': name 'Evaluation' -> '=Evaluation'");
	static const char *const more[] = {
		"<name>Evaluation</name>", "<name>=Evaluation</name>"};
	char *want = replaced(original, pairs, 10);
	expect_text(e, want, more, 2);
	free(want);
}

static void
three_bad_cells(void **state)
{
	static const char table[] =
		"stage,duration,time,fixed\r\n"
		"evaluation,4 weks,,\r\n"
		"tender-deadline,0,25:00,\r\n"
		"cabinet,0,,31/02/2027\r\n"
		"award,0,,\r\n";
	struct tp_plan_edit *e = open_text(original, original_len);
	struct problems ps;
	struct tp_error err;

	(void)state;
	assert_int_equal(import(e, table, &ps, &err), TP_ERR_INVALID);
	assert_string_equal(err.message,
			    "3 cells of the table are wrong; nothing was "
			    "changed");
	assert_int_equal(ps.n, 3);
	assert_string_equal(
		ps.text[0],
		"2:2:evaluation:row 2, column B (duration), stage 'evaluation': "
		"'4 weks' is not a duration: write a number and a unit, as "
		"20wd (working days), 30d (calendar days), 4w (weeks) or 3m "
		"(months)");
	assert_string_equal(ps.text[1],
			    "3:3:tender-deadline:row 3, column C (time), stage "
			    "'tender-deadline': '25:00' is not a time of day: "
			    "write HH:MM, from 00:00 to 23:59");
	assert_string_equal(ps.text[2],
			    "4:4:cabinet:row 4, column D (fixed), stage "
			    "'cabinet': '31/02/2027' is not a day: 2027-02-31 "
			    "does not exist (month 2 of 2027 has 28 days)");
	assert_int_equal(tp_plan_edit_change_count(e), 0);
	expect_text(e, original, NULL, 0);
}

static void
table_rows_and_columns(void **state)
{
	static const char table[] =
		"stage,duraton,plan,start\n"
		"evalution,3w,childrens-centres,\n"
		"evaluation,3w,other-plan,2026-01-01\n"
		"evaluation,3w,,\n";
	struct tp_plan_edit *e = open_text(original, original_len);
	struct problems ps;
	struct tp_error err;

	(void)state;
	assert_int_equal(import(e, table, &ps, &err), TP_ERR_INVALID);
	assert_int_equal(ps.n, 5);
	assert_non_null(strstr(ps.text[0], "column B (duraton): not a column "
					   "of the stage table (did you mean "
					   "'duration'?)"));
	assert_non_null(strstr(ps.text[1], "no stage 'evalution' in the plan "
					   "(did you mean 'evaluation'?)"));
	assert_non_null(strstr(ps.text[2], "this row is for plan 'other-plan'"));
	assert_non_null(strstr(ps.text[3], "'2026-01-01' is not the plan's "
					   "start"));
	assert_non_null(strstr(ps.text[4], "the stage is on row 3 too"));
	assert_int_equal(import(e, "name\nx\n", &ps, &err), TP_ERR_INVALID);
	assert_non_null(strstr(ps.text[0], "no 'stage' column"));
	assert_int_equal(import(e, "stage\n\"evaluation\n", &ps, &err),
			 TP_ERR_PARSE);
	assert_int_equal(tp_plan_edit_import_csv(e, "\xFF\xFEs", 3, NULL, NULL,
						 NULL, &err),
			 TP_ERR_PARSE);
	assert_non_null(strstr(err.message, "UTF-16"));
	tp_plan_edit_free(e);
}

/* Cells a spreadsheet would run as formulas: exported after an
 * apostrophe (by hand, OWASP "CSV Injection"), read back as they were. */
static void
neutralised_round_trip(void **state)
{
	static const char *const names[][2] = {
		{"specification", "=SUM(A1:A9)"}, {"advert", "-5"},
		{"evaluation", "'=x"},            {"cabinet", "@home"},
		{"award", "+44 20 7946 0000"},    {"standstill", "-draft"},
	};
	static const char *const cells[] = {
		",'=SUM(A1:A9),", ",-5,", ",''=x,", ",'@home,",
		",'+44 20 7946 0000,", ",'-draft,"};
	struct tp_plan_edit *e = open_text(original, original_len);
	struct tp_schedule_options opt;
	struct tp_schedule *s = NULL;
	struct tp_error err;
	char *csv = NULL;
	size_t len;

	(void)state;
	for (size_t i = 0; i < 6; i++)
		assert_int_equal(tp_plan_edit_set_stage_text(e, names[i][0],
							     TP_STAGE_TEXT_NAME,
							     names[i][1], &err),
				 TP_OK);
	assert_int_equal(tp_plan_edit_finish(e, &err), TP_OK);
	struct tp_plan_doc *doc = tp_plan_edit_result_doc(e);
	tp_schedule_options_init(&opt);
	assert_int_equal(tp_plan_doc_schedule(doc, &opt, &s, &err), TP_OK);
	struct tp_export_options xo;
	tp_export_options_init(&xo);
	xo.csv_bom = true;
	assert_int_equal(tp_export_to_buffer(TP_EXPORT_CSV,
					     tp_plan_doc_plan_const(doc), s,
					     &xo, &csv, &len, &err),
			 TP_OK);
	assert_memory_equal(csv, "\xEF\xBB\xBFplan,stage,name,", 19);
	for (size_t i = 0; i < 6; i++)
		if (!strstr(csv, cells[i]))
			fail_msg("no cell %s in\n%s", cells[i], csv);
	/* the new text read back, and the table into it: no change */
	size_t n;
	const char *text = tp_plan_edit_result(e, &n);
	struct tp_plan_edit *again = open_text(text, n);
	struct problems ps;
	assert_int_equal(tp_plan_edit_import_csv(again, csv, len, "t.csv",
						 collect, &ps, &err),
			 TP_OK);
	assert_int_equal(tp_plan_edit_change_count(again), 0);
	tp_plan_edit_free(again);
	tp_free(csv);
	tp_schedule_free(s);
	tp_plan_edit_free(e);
	/* the rule itself */
	char cell[16];
	strcpy(cell, "'-5"); /* never exported: -5 is left alone */
	tp_csv_unneutralise(cell);
	assert_string_equal(cell, "'-5");
	strcpy(cell, "'=1");
	tp_csv_unneutralise(cell);
	assert_string_equal(cell, "=1");
	strcpy(cell, "'x");
	tp_csv_unneutralise(cell);
	assert_string_equal(cell, "'x");
}

/* ---- allocation failures ----------------------------------------------- */

/* Fail the 1st, 2nd, ... allocation of the library until the edit
 * succeeds: each failure is TP_ERR_NOMEM, leaves no leak (ASan and
 * valgrind check) and no crash. Reading a plan parses the schema, so each
 * run is slow under valgrind: TP_TEST_QUICK (the valgrind setup) fails
 * every 5th allocation only. */
static enum tp_status
edit_once(bool table)
{
	struct tp_plan_edit *e = NULL;
	struct tp_error err;
	struct tp_date d = TP_DATE(2027, 1, 14);
	enum tp_status rc =
		tp_plan_edit_new(original, original_len, "c.xml", NULL, &e, &err);
	struct problems ps;

	if (rc == TP_OK && !table)
		rc = tp_plan_edit_set_stage_duration(e, "evaluation", 4,
						     TP_UNIT_WEEKS, &err);
	if (rc == TP_OK && !table)
		rc = tp_plan_edit_add_closure(e, d, d, "Cabinet", &err);
	if (rc == TP_OK && !table)
		rc = tp_plan_edit_add_stage(e, "x", TP_STAGE_CUSTOM, 1,
					    TP_UNIT_WORKING_DAYS, "X", "advert",
					    NULL, &err);
	if (rc == TP_OK && table)
		rc = tp_plan_edit_import_csv(
			e, "stage,notes\nadvert,N\n", 22, NULL, collect, &ps,
			&err);
	if (rc == TP_OK)
		rc = tp_plan_edit_finish(e, &err);
	tp_plan_edit_free(e);
	return rc;
}

static void
allocation_failures(void **state)
{
	int step = getenv("TP_TEST_QUICK") ? 5 : 1, n;

	(void)state;
	for (int table = 0; table < 2; table++) {
		for (n = 0; n < 100000; n += step) {
			enum tp_status rc;
			alloc_fail_after(n + 1);
			rc = edit_once(table);
			alloc_fail_after(0);
			if (rc == TP_OK)
				break;
			if (rc != TP_ERR_NOMEM)
				fail_msg("allocation %d failed: status %d",
					 n + 1, rc);
		}
		assert_true(n > 10 && n < 100000);
		if (getenv("TP_TEST_VERBOSE"))
			print_message("%d allocations\n", n);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(durations),
		cmocka_unit_test(lags_and_times),
		cmocka_unit_test(duration_on_a_plain_line),
		cmocka_unit_test(duration_on_a_line_of_its_own),
		cmocka_unit_test(texts_are_escaped),
		cmocka_unit_test(fixed_date_inline),
		cmocka_unit_test(constraint_changed_and_removed),
		cmocka_unit_test(stage_added_and_linked),
		cmocka_unit_test(stage_added_at_the_ends),
		cmocka_unit_test(stage_removed_with_relink),
		cmocka_unit_test(closures_in_date_order),
		cmocka_unit_test(calendar_created),
		cmocka_unit_test(anchors_set_and_cleared),
		cmocka_unit_test(links_changed),
		cmocka_unit_test(plan_id_and_name),
		cmocka_unit_test(refused),
		cmocka_unit_test(crlf_kept),
		cmocka_unit_test(written_atomically),
		cmocka_unit_test(line_merge),
		cmocka_unit_test(layout_kept_around_a_change),
		cmocka_unit_test(table_unchanged),
		cmocka_unit_test(table_edits),
		cmocka_unit_test(three_bad_cells),
		cmocka_unit_test(table_rows_and_columns),
		cmocka_unit_test(neutralised_round_trip),
		cmocka_unit_test(allocation_failures),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
