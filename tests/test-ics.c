/* SPDX-License-Identifier: MIT */
/* Holidays read from iCalendar files (tests/data/ics/).
 *
 * england-and-wales.ics is shaped like gov.uk's feed (CRLF, a folded
 * SUMMARY, DTSTART;VALUE=DATE with DTEND the next day, a duplicate event,
 * and 2026 in the older DTEND == DTSTART shape); its dates were transcribed
 * from the gov.uk table in ../shared/reference/uk-bank-holidays.md. Weekdays
 * were checked with Python's datetime. Each bad-<case>/ directory holds an
 * input.ics and expected-error.txt: the line, the status code and a part of
 * the message, all worked out by reading the numbered input (cat -n). */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "alloc-fail.h"

#include <tenderplan/tenderplan.h>

#define D(y, m, d) TP_DATE(y, m, d)


/* ---- helpers ------------------------------------------------------------ */

static void
data_path(char *buf, size_t size, const char *rel)
{
	const char *dir = getenv("TP_TEST_DATA");
	snprintf(buf, size, "%s/ics/%s", dir ? dir : "tests/data", rel);
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = malloc(1 << 20);
	assert_non_null(f);
	assert_non_null(buf);
	*len = fread(buf, 1, (1 << 20) - 1, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

static struct tp_calendar_builder *
builder(enum tp_region region, int from, int to)
{
	struct tp_calendar_builder *b = NULL;
	assert_int_equal(tp_calendar_builder_new(&b, NULL), TP_OK);
	assert_int_equal(tp_calendar_builder_set_region(b, region, NULL),
			 TP_OK);
	assert_int_equal(tp_calendar_builder_set_range(b, from, to, NULL),
			 TP_OK);
	return b;
}

static struct tp_calendar *
build(struct tp_calendar_builder *b)
{
	struct tp_calendar *cal = NULL;
	struct tp_error err;
	if (tp_calendar_builder_build(b, &cal, &err) != TP_OK)
		fail_msg("build: %s", err.message);
	tp_calendar_builder_free(b);
	return cal;
}

static void
load(struct tp_calendar_builder *b, const char *rel, enum tp_ics_mode mode)
{
	char path[4096];
	struct tp_error err;
	data_path(path, sizeof(path), rel);
	if (tp_calendar_builder_load_ics(b, path, mode, &err) != TP_OK) {
		char msg[600];
		fail_msg("load: %s", tp_error_format(&err, msg, sizeof(msg)));
	}
}

static bool
working(const struct tp_calendar *cal, struct tp_date d)
{
	bool w = false;
	assert_int_equal(tp_calendar_is_working_day(cal, d, &w, NULL), TP_OK);
	return w;
}

static int32_t
between(const struct tp_calendar *cal, struct tp_date a, struct tp_date b)
{
	int32_t n = INT32_MIN;
	assert_int_equal(tp_calendar_working_days_between(cal, a, b, &n, NULL),
			 TP_OK);
	return n;
}

static const struct tp_holiday *
holiday(const struct tp_calendar *cal, struct tp_date d)
{
	struct tp_day_info info;
	assert_int_equal(tp_calendar_day_info(cal, d, &info, NULL), TP_OK);
	return info.holiday;
}

/* ---- good files --------------------------------------------------------- */

static void
gov_uk_shape(void **state)
{
	struct tp_calendar_builder *b = builder(TP_REGION_NONE, 2024, 2027);
	struct tp_calendar *cal, *ew;
	struct tp_date out;

	(void)state;
	load(b, "england-and-wales.ics", TP_ICS_ADD);
	cal = build(b);
	/* Weekends plus the file = England and Wales: Thu 17 Apr 2025 + 2
	 * working days = Wed 23 (Good Friday 18, Easter Monday 21). */
	assert_int_equal(tp_calendar_add_working_days(cal, D(2025, 4, 17), 2,
						      &out, NULL),
			 TP_OK);
	assert_true(tp_date_equal(out, D(2025, 4, 23)));
	/* 261 weekdays in 2025 and in 2026 (Python), 8 holidays on weekdays
	 * in each (gov.uk table): the duplicate Boxing Day counts once and
	 * the 2026 DTEND == DTSTART events are one day each. */
	assert_int_equal(between(cal, D(2025, 1, 1), D(2026, 1, 1)), 253);
	assert_int_equal(between(cal, D(2026, 1, 1), D(2027, 1, 1)), 253);
	assert_false(working(cal, D(2026, 12, 28))); /* Boxing Day (sub.) */
	assert_true(working(cal, D(2026, 12, 29)));
	/* The folded SUMMARY is unfolded (RFC 5545 3.1). */
	assert_string_equal(holiday(cal, D(2025, 5, 5))->name,
			    "Early May bank holiday");
	assert_int_equal(holiday(cal, D(2025, 5, 5))->kind,
			 TP_HOLIDAY_IMPORTED);
	assert_string_equal(holiday(cal, D(2025, 1, 1))->name,
			    "New Year\xe2\x80\x99s Day");
	/* Every day of 2025-2026 agrees with the built-in calendar. */
	ew = NULL;
	assert_int_equal(
		tp_calendar_new_region(TP_REGION_ENGLAND_AND_WALES, &ew, NULL),
		TP_OK);
	for (int32_t d = D(2025, 1, 1).day; d <= D(2026, 12, 31).day; d++)
		assert_int_equal(working(cal, (struct tp_date){d}),
				 working(ew, (struct tp_date){d}));
	tp_calendar_free(ew);
	tp_calendar_free(cal);
}

static void
lf_and_crlf_agree(void **state)
{
	char path[4096];
	size_t len, j = 0;
	char *text;
	struct tp_calendar_builder *b = builder(TP_REGION_NONE, 2024, 2027);
	struct tp_calendar *cal;

	(void)state;
	data_path(path, sizeof(path), "england-and-wales.ics");
	text = slurp(path, &len);
	for (size_t i = 0; i < len; i++)
		if (text[i] != '\r')
			text[j++] = text[i];
	assert_true(j < len);
	assert_int_equal(tp_calendar_builder_load_ics_data(b, text, j, "lf.ics",
							   TP_ICS_ADD, NULL),
			 TP_OK);
	free(text);
	cal = build(b);
	assert_int_equal(between(cal, D(2025, 1, 1), D(2026, 1, 1)), 253);
	assert_string_equal(holiday(cal, D(2025, 5, 5))->name,
			    "Early May bank holiday");
	tp_calendar_free(cal);
}

static void
replace_keeps_christmas_and_good_friday(void **state)
{
	struct tp_calendar_builder *b =
		builder(TP_REGION_ENGLAND_AND_WALES, 2020, 2030);
	struct tp_calendar *cal;

	(void)state;
	load(b, "replace-2025.ics", TP_ICS_REPLACE);
	cal = build(b);
	/* The file covers 2025 only. Spring bank holiday moves from Mon 26
	 * May to Mon 2 Jun; Easter Monday 21 Apr and Boxing Day Fri 26 Dec,
	 * not in the file, become working days; Good Friday 18 Apr and
	 * Christmas Day Thu 25 Dec stay non-working whatever the file says. */
	assert_true(working(cal, D(2025, 5, 26)));
	assert_false(working(cal, D(2025, 6, 2)));
	assert_string_equal(holiday(cal, D(2025, 6, 2))->name,
			    "Spring bank holiday (moved)");
	assert_true(working(cal, D(2025, 4, 21)));
	assert_true(working(cal, D(2025, 12, 26)));
	assert_false(working(cal, D(2025, 4, 18)));
	assert_false(working(cal, D(2025, 12, 25)));
	assert_int_equal(holiday(cal, D(2025, 12, 25))->kind,
			 TP_HOLIDAY_STATUTORY);
	/* 2026 keeps the region's days: Easter Monday Mon 6 Apr 2026. */
	assert_false(working(cal, D(2026, 4, 6)));
	/* Office closed Wed 13 - Fri 15 Aug (DTEND Sat 16 exclusive): in
	 * [Mon 11, Mon 18) only Mon 11 and Tue 12 work. */
	assert_int_equal(between(cal, D(2025, 8, 11), D(2025, 8, 18)), 2);
	assert_true(working(cal, D(2025, 8, 18)));
	/* DURATION:P2D from Mon 3 Nov: 3 and 4 Nov off, Wed 5 works. */
	assert_false(working(cal, D(2025, 11, 3)));
	assert_false(working(cal, D(2025, 11, 4)));
	assert_true(working(cal, D(2025, 11, 5)));
	tp_calendar_free(cal);
}

/* Replace mode with a recurring export: the yearly rules run to the end of
 * the builder's range, so every year 2020-2030 takes the file's days. The
 * file has no Easter Monday for 2026 (6 April) and no substitute for
 * Boxing Day 2026 (Sat 26 Dec; the region's substitute is Mon 28 Dec):
 * both work. Good Friday 2026 (3 April) stays off whatever the file says.
 * Dates from the gov.uk table in ../shared/reference/uk-bank-holidays.md. */
static void
replace_with_recurring_export(void **state)
{
	struct tp_calendar_builder *b =
		builder(TP_REGION_ENGLAND_AND_WALES, 2020, 2030);
	struct tp_calendar *cal;

	(void)state;
	load(b, "good-outlook-recurring/input.ics", TP_ICS_REPLACE);
	cal = build(b);
	assert_true(working(cal, D(2026, 4, 6)));
	assert_true(working(cal, D(2026, 12, 28)));
	assert_false(working(cal, D(2026, 4, 3)));
	assert_false(working(cal, D(2026, 5, 4))); /* the file's Early May */
	assert_string_equal(holiday(cal, D(2026, 5, 4))->name,
			    "Early May bank holiday");
	assert_true(working(cal, D(2020, 5, 4)));  /* moved to Fri 8 May */
	assert_false(working(cal, D(2020, 5, 8)));
	tp_calendar_free(cal);
}

/* A series that starts after the builder's years, or ends before them,
 * gives it no day and is no error; a single event there is (bad-too-early).
 * Mon 5 May 2025 is the first Monday of May 2025 (Python). */
static void
series_outside_the_range(void **state)
{
	static const char text[] =
		"BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20350507\n"
		"RRULE:FREQ=YEARLY;BYDAY=1MO;BYMONTH=5\nEND:VEVENT\n"
		"BEGIN:VEVENT\nDTSTART;VALUE=DATE:20100503\n"
		"RRULE:FREQ=YEARLY;BYDAY=1MO;BYMONTH=5;COUNT=3\nEND:VEVENT\n"
		"BEGIN:VEVENT\nDTSTART;VALUE=DATE:20150504\n"
		"RRULE:FREQ=YEARLY;BYDAY=1MO;BYMONTH=5\nSUMMARY:Early May\n"
		"END:VEVENT\nEND:VCALENDAR\n";
	struct tp_calendar_builder *b = builder(TP_REGION_NONE, 2020, 2030);
	struct tp_calendar *cal;
	struct tp_error err;
	int n;

	(void)state;
	if (tp_calendar_builder_load_ics_data(b, text, sizeof(text) - 1, NULL,
					      TP_ICS_ADD, &err))
		fail_msg("%s", err.message);
	cal = build(b);
	assert_false(working(cal, D(2025, 5, 5)));
	assert_string_equal(holiday(cal, D(2025, 5, 5))->name, "Early May");
	/* Only the third series lands: one day in each of 2020-2030. */
	n = 0;
	for (int32_t d = D(2020, 1, 1).day; d <= D(2030, 12, 31).day; d++) {
		const struct tp_holiday *h = holiday(cal, (struct tp_date){d});
		n += h && h->kind == TP_HOLIDAY_IMPORTED;
	}
	assert_int_equal(n, 11);
	tp_calendar_free(cal);
}

/* Series libical 3.0.16 expands wrongly from a DATE start (see
 * lib/calendar/ical-recur-private.h): every fourth year from 2001, which
 * the importer starts at the builder's first year, and every other
 * Monday and Thursday from Mon 30 Dec 2019, which from a DATE never
 * returned, a weekday rule with COUNT and every 17th day. Expected days
 * from python-dateutil: 2 Jan 2021, 2025 and 2029; 2, 13, 16, 27 and 30
 * Jan 2020 (574 days in 2020-2030). */
static void
series_with_intervals(void **state)
{
	static const char text[] =
		"BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20010102\n"
		"RRULE:FREQ=YEARLY;INTERVAL=4\nSUMMARY:Quadrennial\nEND:VEVENT\n"
		"BEGIN:VEVENT\nDTSTART;VALUE=DATE:20191230\n"
		"RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH\nSUMMARY:Fortnightly\n"
		"END:VEVENT\nEND:VCALENDAR\n";
	/* a second file: a file may hold two daily or weekly rules */
	static const char text2[] =
		"BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20200106\n"
		"RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=40\n"
		"SUMMARY:Shutdown\nEND:VEVENT\n"
		"BEGIN:VEVENT\nDTSTART;VALUE=DATE:20191225\n"
		"RRULE:FREQ=DAILY;INTERVAL=17\nSUMMARY:Seventeen\n"
		"END:VEVENT\nEND:VCALENDAR\n";
	struct tp_calendar_builder *b = builder(TP_REGION_NONE, 2020, 2030);
	struct tp_calendar *cal;
	struct tp_error err;
	int quad = 0, fortnightly = 0, shutdown = 0, seventeen = 0;

	(void)state;
	if (tp_calendar_builder_load_ics_data(b, text, sizeof(text) - 1, NULL,
					      TP_ICS_ADD, &err) ||
	    tp_calendar_builder_load_ics_data(b, text2, sizeof(text2) - 1, NULL,
					      TP_ICS_ADD, &err))
		fail_msg("%s", err.message);
	cal = build(b);
	assert_string_equal(holiday(cal, D(2021, 1, 2))->name, "Quadrennial");
	assert_string_equal(holiday(cal, D(2025, 1, 2))->name, "Quadrennial");
	assert_string_equal(holiday(cal, D(2029, 1, 2))->name, "Quadrennial");
	assert_false(working(cal, D(2020, 1, 13)));
	assert_false(working(cal, D(2020, 1, 16)));
	assert_false(working(cal, D(2020, 1, 27)));
	assert_false(working(cal, D(2020, 1, 30)));
	/* after the shutdown: 9 and 12 Mar 2020 fortnightly, 16 Mar not */
	assert_string_equal(holiday(cal, D(2020, 3, 9))->name, "Fortnightly");
	assert_string_equal(holiday(cal, D(2020, 3, 12))->name, "Fortnightly");
	assert_true(working(cal, D(2020, 3, 16)));
	for (int32_t d = D(2020, 1, 1).day; d <= D(2030, 12, 31).day; d++) {
		const struct tp_holiday *h = holiday(cal, (struct tp_date){d});
		if (h && !strcmp(h->name, "Quadrennial"))
			quad++;
		else if (h && !strcmp(h->name, "Fortnightly"))
			fortnightly++;
		else if (h && !strcmp(h->name, "Shutdown"))
			shutdown++;
		else if (h && !strcmp(h->name, "Seventeen"))
			seventeen++;
	}
	/* 40 weekdays from Mon 6 Jan 2020 to Fri 28 Feb; every 17th day from
	 * 25 Dec 2019 (Sat 11 Jan, Mon 2 Mar 2020 ...); python-dateutil: 3, 574,
	 * 40 and 236 days, 808 days with one or more of them (a day shows one
	 * name, so the union is counted) */
	assert_string_equal(holiday(cal, D(2020, 2, 28))->name, "Shutdown");
	assert_string_equal(holiday(cal, D(2020, 1, 11))->name, "Seventeen");
	assert_string_equal(holiday(cal, D(2020, 3, 2))->name, "Seventeen");
	assert_true(working(cal, D(2020, 3, 3)));
	assert_int_equal(quad + fortnightly + shutdown + seventeen, 808);
	assert_int_equal(quad, 3);
	tp_calendar_free(cal);
}

static void
add_keeps_region_days(void **state)
{
	struct tp_calendar_builder *b =
		builder(TP_REGION_ENGLAND_AND_WALES, 2020, 2030);
	struct tp_calendar *cal;

	(void)state;
	load(b, "replace-2025.ics", TP_ICS_ADD);
	cal = build(b);
	/* Both the region's Spring bank holiday (26 May) and the file's 2 Jun
	 * are off; Boxing Day stays a holiday, named by the region. */
	assert_false(working(cal, D(2025, 5, 26)));
	assert_false(working(cal, D(2025, 6, 2)));
	assert_false(working(cal, D(2025, 12, 26)));
	assert_string_equal(holiday(cal, D(2025, 12, 26))->name, "Boxing Day");
	assert_int_equal(holiday(cal, D(2025, 1, 1))->kind,
			 TP_HOLIDAY_PROCLAMATION);
	tp_calendar_free(cal);
}

static void
several_calendars_and_no_summary(void **state)
{
	static const char text[] =
		"BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20250606\n"
		"END:VEVENT\nEND:VCALENDAR\n"
		"BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20250609\n"
		"SUMMARY:Second\nEND:VEVENT\nEND:VCALENDAR\n";
	struct tp_calendar_builder *b = builder(TP_REGION_NONE, 2025, 2025);
	struct tp_calendar *cal;

	(void)state;
	assert_int_equal(
		tp_calendar_builder_load_ics_data(b, text, sizeof(text) - 1,
						  NULL, TP_ICS_ADD, NULL),
		TP_OK);
	cal = build(b);
	/* Fri 6 and Mon 9 Jun 2025 (Python) are both off. */
	assert_false(working(cal, D(2025, 6, 6)));
	assert_false(working(cal, D(2025, 6, 9)));
	assert_string_equal(holiday(cal, D(2025, 6, 6))->name,
			    "imported holiday");
	assert_string_equal(holiday(cal, D(2025, 6, 9))->name, "Second");
	tp_calendar_free(cal);
}

/* ---- broken files ------------------------------------------------------- */

static void
check_bad_case(const char *name)
{
	char dir[64], path[4096], exp_path[4096], part[256] = "";
	struct tp_calendar_builder *b =
		builder(TP_REGION_ENGLAND_AND_WALES, 1972, 2199);
	struct tp_calendar *cal;
	struct tp_error err;
	int line = -1, code = -1;
	FILE *f;

	snprintf(dir, sizeof(dir), "bad-%s/input.ics", name);
	data_path(path, sizeof(path), dir);
	snprintf(dir, sizeof(dir), "bad-%s/expected-error.txt", name);
	data_path(exp_path, sizeof(exp_path), dir);
	f = fopen(exp_path, "r");
	assert_non_null(f);
	assert_int_equal(fscanf(f, "%d %d ", &line, &code), 2);
	assert_non_null(fgets(part, sizeof(part), f));
	part[strcspn(part, "\n")] = '\0';
	fclose(f);
	if (tp_calendar_builder_load_ics(b, path, TP_ICS_REPLACE, &err) ==
	    TP_OK)
		fail_msg("%s: loaded without error", name);
	if ((int)err.code != code || err.line != line ||
	    strcmp(err.source, path) != 0 || !strstr(err.message, part))
		fail_msg("%s: got line %d code %d '%s', want line %d code %d "
			 "'%s'",
			 name, err.line, err.code, err.message, line, code,
			 part);
	/* A failed load leaves the builder as it was: Thu 2 Jan 2025 (the
	 * first, good event of bad-dtstart and no-dtstart) still works, and
	 * no year was marked replaced (Easter Monday 2025 stays). */
	cal = build(b);
	assert_true(working(cal, D(2025, 1, 2)));
	assert_false(working(cal, D(2025, 4, 21)));
	tp_calendar_free(cal);
}

/* The names of the case directories "<prefix>-*" under tests/data/ics,
 * sorted, so that every case checked in is run. */
static size_t
list_cases(const char *prefix, char names[][64], size_t max)
{
	char dir[4096];
	size_t n = 0, k = strlen(prefix);
	struct dirent *e;
	DIR *d;

	data_path(dir, sizeof(dir), "");
	assert_non_null(d = opendir(dir));
	while ((e = readdir(d)))
		if (!strncmp(e->d_name, prefix, k) && e->d_name[k] == '-' &&
		    strlen(e->d_name) < 64 && n < max)
			strcpy(names[n++], e->d_name + k + 1);
	closedir(d);
	qsort(names, n, sizeof(names[0]),
	      (int (*)(const void *, const void *))strcmp);
	return n;
}

static void
broken_files(void **state)
{
	char names[128][64];
	size_t n = list_cases("bad", names, 128);

	(void)state;
	assert_true(n >= 40);
	for (size_t i = 0; i < n; i++)
		check_bad_case(names[i]);
	print_message("# %zu broken files refused as expected\n", n);
}

/* good-<case>/input.ics read into a calendar without region holidays
 * gives exactly the days of expected.txt ("# range FROM TO", then
 * "YYYY-MM-DD<TAB>name" lines from tests/ics-reference.py, an independent
 * reading with python3-icalendar and python3-dateutil). */
static void
check_good_case(const char *name)
{
	char rel[128], path[4096], line[512], got[512];
	int from = 0, to = 0, lines = 0;
	struct tp_calendar_builder *b;
	struct tp_calendar *cal;
	struct tp_error err;
	FILE *f;
	int32_t d;

	snprintf(rel, sizeof(rel), "good-%s/expected.txt", name);
	data_path(path, sizeof(path), rel);
	assert_non_null(f = fopen(path, "r"));
	assert_non_null(fgets(line, sizeof(line), f));
	assert_int_equal(sscanf(line, "# range %d %d", &from, &to), 2);
	b = builder(TP_REGION_NONE, from, to);
	snprintf(rel, sizeof(rel), "good-%s/input.ics", name);
	data_path(path, sizeof(path), rel);
	if (tp_calendar_builder_load_ics(b, path, TP_ICS_ADD, &err))
		fail_msg("%s: %s", name, err.message);
	cal = build(b);
	d = D(from, 1, 1).day;
	while (fgets(line, sizeof(line), f)) {
		const struct tp_holiday *h = NULL;
		char date[TP_DATE_STRLEN];
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#')
			continue;
		/* No imported holiday before the expected one. */
		for (;; d++) {
			h = holiday(cal, (struct tp_date){d});
			if (h && h->kind == TP_HOLIDAY_IMPORTED)
				break;
			assert_true(d < D(to, 12, 31).day);
		}
		snprintf(got, sizeof(got), "%s\t%s",
			 tp_date_format((struct tp_date){d}, date), h->name);
		if (strcmp(got, line))
			fail_msg("%s: got '%s', want '%s'", name, got, line);
		d++;
		lines++;
	}
	fclose(f);
	for (; d <= D(to, 12, 31).day; d++) {
		const struct tp_holiday *h = holiday(cal, (struct tp_date){d});
		if (h && h->kind == TP_HOLIDAY_IMPORTED)
			fail_msg("%s: an extra holiday on day %d", name,
				 (int)d);
	}
	assert_true(lines > 0);
	tp_calendar_free(cal);
}

static void
good_files(void **state)
{
	char names[64][64];
	size_t n = list_cases("good", names, 64);

	(void)state;
	assert_true(n >= 3);
	for (size_t i = 0; i < n; i++)
		check_good_case(names[i]);
}

/* gov.uk's files for Scotland and Northern Ireland (2019-2027, written in
 * gov.uk's shape from the gov.uk tables in tests/data/holidays/) agree with
 * the built-in calendars on every day. */
static void
gov_uk_regions(void **state)
{
	static const struct {
		const char *file;
		enum tp_region region;
	} cases[] = {{"scotland.ics", TP_REGION_SCOTLAND},
		     {"northern-ireland.ics", TP_REGION_NORTHERN_IRELAND},
		     {"england-and-wales.ics", TP_REGION_ENGLAND_AND_WALES}};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int first = i < 2 ? 2019 : 2025, last = i < 2 ? 2027 : 2026;
		struct tp_calendar_builder *b =
			builder(TP_REGION_NONE, first, last);
		struct tp_calendar *cal, *region = NULL;
		load(b, cases[i].file, TP_ICS_ADD);
		cal = build(b);
		assert_int_equal(
			tp_calendar_new_region(cases[i].region, &region, NULL),
			TP_OK);
		for (int32_t d = D(first, 1, 1).day; d <= D(last, 12, 31).day;
		     d++)
			assert_int_equal(working(cal, (struct tp_date){d}),
					 working(region, (struct tp_date){d}));
		tp_calendar_free(region);
		tp_calendar_free(cal);
	}
}

static void
other_input_errors(void **state)
{
	static const char nul[] = "BEGIN:VCALENDAR\nX-A:\0\nEND:VCALENDAR\n";
	struct tp_calendar_builder *b = builder(TP_REGION_NONE, 2025, 2025);
	struct tp_error err;
	char *big;
	FILE *zero;

	(void)state;
	assert_int_equal(
		tp_calendar_builder_load_ics_data(b, nul, sizeof(nul) - 1, NULL,
						  TP_ICS_ADD, &err),
		TP_ERR_PARSE);
	assert_int_equal(err.line, 2);
	assert_string_equal(err.source, "<data>");
	assert_non_null(strstr(err.message, "NUL"));
	assert_int_equal(
		tp_calendar_builder_load_ics(b, "/nonexistent/holidays.ics",
					     TP_ICS_ADD, &err),
		TP_ERR_IO);
	assert_string_equal(err.source, "/nonexistent/holidays.ics");
	assert_non_null(strstr(err.message, "cannot open"));
	/* 16 MiB is the limit, for data and for files. */
	big = calloc((size_t)16 * 1024 * 1024 + 1, 1);
	assert_non_null(big);
	assert_int_equal(tp_calendar_builder_load_ics_data(
				 b, big, (size_t)16 * 1024 * 1024 + 1,
				 "big.ics", TP_ICS_ADD, &err),
			 TP_ERR_PARSE);
	assert_non_null(strstr(err.message, "16 MiB"));
	free(big);
	if (!(zero = fopen("/dev/zero", "rb")))
		goto out;
	fclose(zero);
	assert_int_equal(
		tp_calendar_builder_load_ics(b, "/dev/zero", TP_ICS_ADD, &err),
		TP_ERR_PARSE);
	assert_string_equal(err.source, "/dev/zero");
	assert_non_null(strstr(err.message, "16 MiB"));
out:
	assert_int_equal(tp_calendar_builder_load_ics_data(
				 b, "x", 1, NULL, (enum tp_ics_mode)7, &err),
			 TP_ERR_INVALID);
	tp_calendar_builder_free(b);
}

static void
allocation_failures(void **state)
{
	char path[4096];
	size_t len;
	char *text;
	enum tp_status rc;
	long n;

	(void)state;
	data_path(path, sizeof(path), "england-and-wales.ics");
	text = slurp(path, &len);
	for (n = 1;; n++) {
		struct tp_calendar_builder *b = NULL;
		struct tp_calendar *cal = NULL;
		alloc_fail_after(n);
		rc = tp_calendar_builder_new(&b, NULL);
		if (!rc)
			rc = tp_calendar_builder_load_ics_data(
				b, text, len, "e.ics", TP_ICS_REPLACE, NULL);
		if (!rc)
			rc = tp_calendar_builder_build(b, &cal, NULL);
		alloc_fail_after(0);
		tp_calendar_builder_free(b);
		if (rc == TP_OK) {
			assert_false(working(cal, D(2025, 4, 18)));
			tp_calendar_free(cal);
			break;
		}
		assert_int_equal(rc, TP_ERR_NOMEM);
		assert_true(n < 2000);
	}
	assert_true(n > 5);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(gov_uk_shape),
		cmocka_unit_test(lf_and_crlf_agree),
		cmocka_unit_test(replace_keeps_christmas_and_good_friday),
		cmocka_unit_test(add_keeps_region_days),
		cmocka_unit_test(several_calendars_and_no_summary),
		cmocka_unit_test(replace_with_recurring_export),
		cmocka_unit_test(series_outside_the_range),
		cmocka_unit_test(broken_files),
		cmocka_unit_test(good_files),
		cmocka_unit_test(series_with_intervals),
		cmocka_unit_test(gov_uk_regions),
		cmocka_unit_test(other_input_errors),
		cmocka_unit_test(allocation_failures),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
