/* SPDX-License-Identifier: MIT */
/* The generators of hostile.h. Each writes deterministic text (the random
 * ones use a fixed-seed xorshift) and names the outcome expected, worked
 * out from the caps documented in tp-calendar.h and tp-plan-xml.h. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tenderplan/tenderplan.h>

#include "hostile.h"

#define MIB ((size_t)1 << 20)

static void
put(struct hostile_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 65536;
		while (cap < b->len + n + 1)
			cap *= 2;
		b->data = realloc(b->data, cap);
		if (!b->data)
			abort();
		b->cap = cap;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static void
puts_(struct hostile_buf *b, const char *s)
{
	put(b, s, strlen(s));
}

static void putf(struct hostile_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
putf(struct hostile_buf *b, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	put(b, tmp, (size_t)n);
}

void
hostile_buf_free(struct hostile_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

static uint64_t
xorshift(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* ---- holiday files ------------------------------------------------------ */

static const char ics_head[] = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
			       "PRODID:-//tenderplan hostile//EN\r\n";

/* BEGIN lines written folded ("BEG" / " IN:X"), nested as deep as the
 * size allows: 300,000 levels in 6.6 MB overflowed libical's stack. */
static void
ics_folded_nesting(struct hostile_buf *b, size_t size)
{
	size_t depth = (size - 40) / 22;

	puts_(b, ics_head);
	for (size_t i = 0; i < depth; i++)
		puts_(b, "BEG\r\n IN:X\r\n");
	for (size_t i = 0; i < depth; i++)
		puts_(b, "END:X\r\n");
	puts_(b, "END:VCALENDAR\r\n");
}

/* One line as long as the file (libical's line reader is quadratic). */
static void
ics_long_line(struct hostile_buf *b, size_t size)
{
	puts_(b, ics_head);
	puts_(b, "X-NOTE:");
	if (size < MIB + 4096)
		size = MIB + 4096; /* longer than the cap */
	while (b->len + 64 < size)
		puts_(b, "a long line without any line break at all......");
	puts_(b, "\r\nEND:VCALENDAR\r\n");
}

/* Old Mac line ends only: the whole file is one line. */
static void
ics_cr_only(struct hostile_buf *b, size_t size)
{
	puts_(b, "BEGIN:VCALENDAR\rVERSION:2.0\r");
	while (b->len + 64 < size)
		puts_(b,
		      "BEGIN:VEVENT\rDTSTART;VALUE=DATE:20250101\rEND:VEVENT\r");
	puts_(b, "END:VCALENDAR\r");
}

/* Events whose SUMMARY is just under the line cap, folded at 75 octets:
 * refused, as a name that long kept for each of thousands of dates would
 * take gigabytes. */
static void
ics_long_summaries(struct hostile_buf *b, size_t size)
{
	int day = 0;

	puts_(b, ics_head);
	while (b->len + MIB + 200 < size) {
		size_t n = 0;
		putf(b, "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:2025%02d%02d\r\n",
		     day / 28 + 1, day % 28 + 1);
		day++;
		puts_(b, "SUMMARY:");
		while (n < MIB - 2048) {
			puts_(b,
			      "Holiday name going on and on and on and on and "
			      "on and on and o\r\n ");
			n += 72;
		}
		puts_(b, "end\r\nEND:VEVENT\r\n");
	}
	puts_(b, "END:VCALENDAR\r\n");
}

/* Nearly as many events as the cap allows, padded with properties that
 * are not read: 49,000 gov.uk-shaped events. */
static void
ics_many_events(struct hostile_buf *b, size_t size)
{
	size_t n = 49000, pad = size / n > 200 ? size / n - 200 : 0;

	puts_(b, ics_head);
	for (size_t i = 0; i < n && b->len + 400 < size; i++) {
		int y = 1972 + (int)(i / 365) % 228, m = (int)(i % 12) + 1,
		    d = (int)(i / 12 % 28) + 1;
		putf(b,
		     "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:%04d%02d%02d\r\n"
		     "SUMMARY:Holiday %zu\r\nUID:%zu@hostile\r\nX-PAD:",
		     y, m, d, i, i);
		for (size_t k = 0; k < pad; k += 16)
			puts_(b, "padding padding ");
		puts_(b, "\r\nEND:VEVENT\r\n");
	}
	puts_(b, "END:VCALENDAR\r\n");
}

/* More events than the cap. */
static void
ics_too_many_events(struct hostile_buf *b, size_t size)
{
	puts_(b, ics_head);
	for (size_t i = 0; b->len + 80 < size; i++)
		puts_(b, "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20250101\r\n"
			 "END:VEVENT\r\n");
	puts_(b, "END:VCALENDAR\r\n");
}

/* Millions of short properties in one event, none of them read. */
static void
ics_tiny_properties(struct hostile_buf *b, size_t size)
{
	puts_(b, ics_head);
	puts_(b, "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20250505\r\n");
	while (b->len + 40 < size)
		puts_(b, "X-A:1\r\n");
	puts_(b, "END:VEVENT\r\nEND:VCALENDAR\r\n");
}

/* Thousands of parameters on a property that is not read, then on one
 * that is (libical is quadratic in them). */
static void
ics_many_params(struct hostile_buf *b, size_t size)
{
	puts_(b, ics_head);
	puts_(b, "BEGIN:VEVENT\r\n");
	/* Lines of 100,000 parameters each (700 KB, under the line cap). */
	while (b->len + 710000 < size) {
		puts_(b, "X-A");
		for (int i = 0; i < 100000; i++)
			puts_(b, ";P=1\r\n ");
		puts_(b, ":x\r\n");
	}
	puts_(b, "DTSTART");
	for (int i = 0; i < 1000; i++)
		puts_(b, ";X-P=1\r\n ");
	puts_(b, ";VALUE=DATE:20250505\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
}

/* RDATE lists with more dates than the cap. */
static void
ics_rdate_flood(struct hostile_buf *b, size_t size)
{
	int k = 0;

	puts_(b, ics_head);
	puts_(b, "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20250101\r\n");
	while (b->len + 2000 < size) {
		puts_(b, "RDATE;VALUE=DATE:");
		for (int i = 0; i < 100; i++, k++)
			putf(b, "%s%04d%02d%02d", i ? "," : "",
			     1972 + k / 336 % 228, k / 28 % 12 + 1, k % 28 + 1);
		puts_(b, "\r\n");
	}
	puts_(b, "END:VEVENT\r\nEND:VCALENDAR\r\n");
}

/* EXDATE lists: they add no dates but libical reads each. */
static void
ics_exdate_flood(struct hostile_buf *b, size_t size)
{
	puts_(b, ics_head);
	puts_(b, "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20250101\r\n");
	while (b->len + 2000 < size) {
		puts_(b, "EXDATE;VALUE=DATE:20250102");
		for (int i = 0; i < 150; i++)
			puts_(b, ",20250102");
		puts_(b, "\r\n");
	}
	puts_(b, "END:VEVENT\r\nEND:VCALENDAR\r\n");
}

/* The most rules the budget allows, each a yearly holiday with many
 * dates, and a daily one over the whole range (83,277 days). */
static void
ics_rule_budget(struct hostile_buf *b, size_t size)
{
	(void)size;
	puts_(b, ics_head);
	for (int i = 0; i < 50; i++)
		putf(b,
		     "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:19720%d%02d\r\n"
		     "RRULE:FREQ=YEARLY;BYMONTH=%d;BYMONTHDAY=%d\r\n"
		     "SUMMARY:Rule %d\r\nEND:VEVENT\r\n",
		     i % 9 + 1, i % 28 + 1, i % 9 + 1, i % 28 + 1, i);
	puts_(b, "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:19720101\r\n"
		 "RRULE:FREQ=DAILY;INTERVAL=5\r\nSUMMARY:Daily\r\n"
		 "END:VEVENT\r\nEND:VCALENDAR\r\n");
}

/* A year-long event every day of the range, with a long name: 83,000
 * dates of 366 days each to mark, and a name kept for each. */
static void
ics_long_daily(struct hostile_buf *b, size_t size)
{
	(void)size;
	puts_(b, ics_head);
	puts_(b, "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:19720101\r\n"
		 "DTEND;VALUE=DATE:19730101\r\nRRULE:FREQ=DAILY\r\nSUMMARY:");
	for (int i = 0; i < 25; i++)
		puts_(b, "Long name ");
	puts_(b, "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
}

/* A monthly rule that never gives a date: libical walks to the year
 * 20,000 looking for one (about half a second) before the reader refuses
 * the DTSTART it cannot give. */
static void
ics_never_matching(struct hostile_buf *b, size_t size)
{
	(void)size;
	puts_(b, ics_head);
	puts_(b, "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:19720201\r\n"
		 "RRULE:FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=2,4,6,9,11\r\n"
		 "END:VEVENT\r\nEND:VCALENDAR\r\n");
}

/* Random bytes, some of them line breaks and iCalendar words. */
static void
ics_random(struct hostile_buf *b, size_t size)
{
	static const char *const words[] = {
		"BEGIN:VCALENDAR\r\n",
		"BEGIN:VEVENT\r\n",
		"END:VEVENT\r\n",
		"DTSTART;VALUE=DATE:20250101\r\n",
		"\r\n ",
		"RRULE:FREQ=",
		"END:VCALENDAR\r\n",
		";VALUE=DATE:",
		",",
		"\r\n",
	};
	uint64_t s = 0x2545f4914f6cdd1dULL;

	while (b->len + 40 < size) {
		uint64_t r = xorshift(&s);
		if (r % 4 == 0) {
			puts_(b, words[(r >> 8) % 10]);
		} else {
			char c = (char)(r >> 16);
			put(b, c ? &c : " ", 1);
		}
	}
}

/* ---- plan files --------------------------------------------------------- */

static const char plan_head[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<plan xmlns=\"urn:tenderplan:plan:1\" id=\"hostile\">\n"
	"  <calendar region=\"england-and-wales\"/>\n"
	"  <anchors start=\"2025-01-06\"/>\n";

/* One element with as many attributes as the size allows (libxml2
 * 2.9.14 is quadratic in them: 100,000 took 282 s). */
static void
plan_attributes(struct hostile_buf *b, size_t size)
{
	puts_(b, plan_head);
	puts_(b, "  <stages>\n    <stage id=\"a\"");
	for (size_t i = 0; b->len + 64 < size; i++)
		putf(b, " x%zu=\"1\"", i);
	puts_(b, "/>\n  </stages>\n</plan>\n");
}

/* Elements with 64 attributes each (the most the scan allows), until the
 * size: libxml2 parses them, the schema refuses them. */
static void
plan_attributes_at_cap(struct hostile_buf *b, size_t size)
{
	puts_(b, plan_head);
	puts_(b, "  <stages>\n");
	for (size_t i = 0; b->len + 1200 < size; i++) {
		putf(b, "    <stage id=\"s%zu\"", i);
		for (int k = 1; k < 64; k++)
			putf(b, " a%d=\"%d\"", k, k);
		puts_(b, "/>\n");
	}
	puts_(b, "  </stages>\n</plan>\n");
}

void
hostile_colliding_ids(char (*ids)[16], size_t n)
{
	static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz"
				       "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
				       "0123456789-_.";
	bool valid[256] = {false};
	size_t found = 0;

	for (const char *a = alphabet; *a; a++)
		valid[(unsigned char)*a] = true;
	/* FNV-1a: h = (h ^ byte) * 16777619 (mod 2^32). The last step maps
	 * h' to 0 in the low 18 bits exactly when h' has those bits equal to
	 * the last byte, as 16777619 is odd: so look for prefixes (a counter
	 * in base 62 and one more character) whose hash has bits 8-17 zero
	 * and a valid character in bits 0-7. */
	for (uint64_t k = 0; found < n; k++) {
		char pre[16];
		int len = 0;
		uint32_t h = 2166136261u;
		pre[len++] = 'c';
		for (uint64_t v = k; len < 12; v /= 62) {
			pre[len++] = alphabet[v % 62];
			if (v < 62)
				break;
		}
		for (int i = 0; i < len; i++)
			h = (h ^ (unsigned char)pre[i]) * 16777619u;
		for (const char *c1 = alphabet; *c1 && found < n; c1++) {
			uint32_t h1 = (h ^ (unsigned char)*c1) * 16777619u;
			if ((h1 & 0x3ff00u) || !valid[h1 & 0xffu])
				continue;
			memcpy(ids[found], pre, (size_t)len);
			ids[found][len] = *c1;
			ids[found][len + 1] = (char)(h1 & 0xffu);
			ids[found][len + 2] = '\0';
			found++;
		}
	}
}

/* 100,000 stages (or what fits) with ids crafted to collide in FNV-1a,
 * which the stage table used before SipHash (#9: 57 s to read). */
static void
plan_colliding_ids(struct hostile_buf *b, size_t size)
{
	size_t n = size / 48;
	char(*ids)[16];

	if (n > 100000)
		n = 100000;
	ids = malloc(n * sizeof(*ids));
	if (!ids)
		abort();
	hostile_colliding_ids(ids, n);
	puts_(b, plan_head);
	puts_(b, "  <stages>\n");
	for (size_t i = 0; i < n; i++)
		putf(b, "    <stage id=\"%s\" duration=\"1\"/>\n", ids[i]);
	puts_(b, "  </stages>\n</plan>\n");
	free(ids);
}

/* The largest plan: a chain of stages, each after the one before, up to
 * the size (8 MiB: about 90,000 stages, mostly milestones, so that the
 * chain stays within the calendar). */
static void
plan_big_chain(struct hostile_buf *b, size_t size)
{
	puts_(b, plan_head);
	puts_(b, "  <stages>\n    <stage id=\"s0\" duration=\"1\"/>\n");
	for (size_t i = 1; b->len + 200 < size; i++)
		putf(b,
		     "    <stage id=\"s%zu\" duration=\"%d\" unit=\"%s\">"
		     "<after stage=\"s%zu\" type=\"start-to-start\"/></stage>\n",
		     i, i % 100 == 0, i % 2 ? "working-days" : "calendar-days",
		     i - 1);
	puts_(b, "  </stages>\n</plan>\n");
}

/* Elements nested as deep as the size allows. */
static void
plan_deep(struct hostile_buf *b, size_t size)
{
	size_t depth = (size - 400) / 8;

	puts_(b, plan_head);
	for (size_t i = 0; i < depth; i++)
		puts_(b, "<a>");
	for (size_t i = 0; i < depth; i++)
		puts_(b, "</a>");
	puts_(b, "</plan>\n");
}

/* A well-formed plan, a NUL after the root element, then junk that
 * libxml2 used to ignore. */
static void
plan_nul_after_root(struct hostile_buf *b, size_t size)
{
	puts_(b, plan_head);
	puts_(b,
	      "  <stages><stage id=\"a\" duration=\"1\"/></stages>\n</plan>\n");
	put(b, "", 1);
	while (b->len + 32 < size)
		puts_(b, "<not-plan>junk</not-plan>\n");
}

const struct hostile_case hostile_cases[] = {
	{"ics folded nesting", HOSTILE_ICS, ics_folded_nesting,
	 "nested more than 16 deep", 16 * MIB, MIB, false},
	{"ics one long line", HOSTILE_ICS, ics_long_line, "a line longer than",
	 16 * MIB, 2 * MIB, false},
	{"ics CR line ends only", HOSTILE_ICS, ics_cr_only,
	 "a carriage return without a line feed", 16 * MIB, MIB, false},
	{"ics long folded SUMMARYs", HOSTILE_ICS, ics_long_summaries,
	 "SUMMARY is longer than 256 bytes", 16 * MIB, 3 * MIB, false},
	{"ics 49,000 padded events", HOSTILE_ICS, ics_many_events, NULL,
	 16 * MIB, 5 * MIB, false},
	{"ics too many events", HOSTILE_ICS, ics_too_many_events,
	 "more than 50000 events", 16 * MIB, 3 * MIB, false},
	{"ics tiny properties", HOSTILE_ICS, ics_tiny_properties, NULL,
	 16 * MIB, MIB, false},
	{"ics many parameters", HOSTILE_ICS, ics_many_params,
	 "too many parameters", 16 * MIB, MIB, false},
	{"ics RDATE flood", HOSTILE_ICS, ics_rdate_flood,
	 "too many for a holiday list", 16 * MIB, 2 * MIB, false},
	{"ics EXDATE flood", HOSTILE_ICS, ics_exdate_flood,
	 "more than 250000 dates, names and rules", 16 * MIB, 3 * MIB, false},
	{"ics rule budget", HOSTILE_ICS, ics_rule_budget, NULL, 4096, 4096,
	 true},
	{"ics year-long daily event", HOSTILE_ICS, ics_long_daily, NULL, 4096,
	 4096, true},
	{"ics never-matching rule", HOSTILE_ICS, ics_never_matching, "RRULE",
	 4096, 4096, true},
	{"ics random bytes", HOSTILE_ICS, ics_random, "", 16 * MIB, MIB, false},
	{"plan 100,000+ attributes", HOSTILE_PLAN, plan_attributes,
	 "more than 64 attributes", 8 * MIB, MIB, false},
	{"plan 64 attributes each", HOSTILE_PLAN, plan_attributes_at_cap,
	 "unknown attribute", 8 * MIB, MIB, false},
	{"plan FNV-colliding ids", HOSTILE_PLAN, plan_colliding_ids, NULL,
	 8 * MIB, MIB, false},
	{"plan 8 MiB chain", HOSTILE_PLAN, plan_big_chain, NULL, 8 * MIB, MIB,
	 false},
	{"plan deep nesting", HOSTILE_PLAN, plan_deep, "", 8 * MIB, MIB, false},
	{"plan NUL after root", HOSTILE_PLAN, plan_nul_after_root, "NUL",
	 8 * MIB, MIB, false},
};

const size_t hostile_ncases = sizeof(hostile_cases) / sizeof(hostile_cases[0]);

bool
hostile_run(const struct hostile_case *c, const struct hostile_buf *b,
	    char *what, size_t size)
{
	struct tp_error err;
	enum tp_status rc;

	if (c->target == HOSTILE_ICS) {
		struct tp_calendar_builder *bld = NULL;
		struct tp_calendar *cal = NULL;
		if (tp_calendar_builder_new(&bld, NULL))
			abort();
		rc = tp_calendar_builder_load_ics_data(
			bld, b->data, b->len, "hostile.ics", TP_ICS_ADD, &err);
		if (!rc)
			rc = tp_calendar_builder_build(bld, &cal, &err);
		tp_calendar_free(cal);
		tp_calendar_builder_free(bld);
	} else {
		struct tp_plan_doc *doc = NULL;
		struct tp_schedule *s = NULL;
		rc = tp_plan_doc_read_memory(b->data, b->len, "hostile.xml",
					     NULL, 0, &doc, &err);
		if (!rc)
			rc = tp_schedule_compute(tp_plan_doc_plan_const(doc),
						 TP_SCHEDULE_FORWARD, &s, &err);
		tp_schedule_free(s);
		tp_plan_doc_free(doc);
	}
	if (rc == TP_OK) {
		snprintf(what, size, "read");
		return c->expect == NULL;
	}
	snprintf(what, size, "%s:%d: %s", err.source, err.line, err.message);
	return c->expect && strstr(err.message, c->expect) &&
	       rc != TP_ERR_NOMEM && !strchr(err.message, '\n');
}
