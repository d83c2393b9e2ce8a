/* SPDX-License-Identifier: MIT */
/* iCalendar export, built with libical (no hand-written text: libical
 * escapes, folds and formats every line), streamed: the calendar's own
 * properties, each VTIMEZONE and each VEVENT are built, serialised,
 * written and freed one at a time, so memory does not grow with the number
 * of events. SEQUENCE follows the rule of tp-revision.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libical/ical.h>

#include "error-private.h"
#include "export-private.h"
#include "text-private.h"
#include "meeting-private.h"
#include "snapshot-private.h"

#define UID_MAX 512

enum tp_status
tp_export_ics_uid(const char *plan_id, const char *stage_id, char *buf,
		  size_t size, struct tp_error *err)
{
	static const char tail[] = "@tenderplan";
	size_t a, b;

	if (!buf)
		return tp_error_null(err, __func__);
	if (!plan_id || !*plan_id || !stage_id || !*stage_id)
		return tp_error_setf(err, TP_ERR_INVALID, stage_id,
				     "a calendar UID needs a plan id and a "
				     "stage id");
	/* "STAGE.PLAN@tenderplan", put together without printf: it is made
	 * two or three times for every event. */
	a = strlen(stage_id);
	b = strlen(plan_id);
	if (a + 1 + b + sizeof(tail) > size)
		return tp_error_setf(err, TP_ERR_INVALID, stage_id,
				     "calendar UID too long for its buffer");
	memcpy(buf, stage_id, a);
	buf[a] = '.';
	memcpy(buf + a + 1, plan_id, b);
	memcpy(buf + a + 1 + b, tail, sizeof(tail));
	return TP_OK;
}

/* ---- values ---------------------------------------------------------------
 */

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

/* @p p with a TZID parameter, or NULL (and @p p freed). */
static icalproperty *
with_tzid(icalproperty *p, const char *tzid)
{
	icalparameter *tz = p ? icalparameter_new_tzid(tzid) : NULL;
	if (!tz) {
		if (p)
			icalproperty_free(p);
		return NULL;
	}
	icalproperty_add_parameter(p, tz);
	return p;
}

static const char *const reltype_names[] = {
	[TP_DEP_FINISH_TO_START] = "FINISHTOSTART",
	[TP_DEP_START_TO_START] = "STARTTOSTART",
	[TP_DEP_FINISH_TO_FINISH] = "FINISHTOFINISH",
	[TP_DEP_START_TO_FINISH] = "STARTTOFINISH",
};

#define N_RELTYPES (sizeof(reltype_names) / sizeof(reltype_names[0]))

/* RELATED-TO with the RFC 9253 link types, or NULL. */
static icalproperty *
related_to(const char *uid, enum tp_dep_type type)
{
	icalproperty *p = icalproperty_new_relatedto(uid);
	icalparameter *rt =
		p ? icalparameter_new_reltype(ICAL_RELTYPE_X) : NULL;
	if (!rt) {
		if (p)
			icalproperty_free(p);
		return NULL;
	}
	icalparameter_set_xvalue(rt, reltype_names[type]);
	icalproperty_add_parameter(p, rt);
	return p;
}

/* ---- libical's text, streamed ---------------------------------------------
 *
 * libical writes a component as "BEGIN:" and its kind, each property as
 * icalproperty_as_ical_string_r() gives it (escaped and folded), each
 * subcomponent, then "END:" and its kind (icalcomponent_as_ical_string_r()
 * in libical 3.0 and 3.1). An event is written here in that order, each
 * property serialised by libical straight onto the output: the same
 * bytes, without a component tree built, copied into one string and freed
 * for every event (#11). What repeats from event to event (BEGIN and END,
 * DTSTAMP, STATUS, TRANSP, the CATEGORIES of a kind, SEQUENCE n, the
 * all-day DTSTART or DTEND of a day) is serialised by libical once per
 * export and its text copied; the properties that change (UID, SUMMARY,
 * DESCRIPTION, RELATED-TO, TRIGGER) are made once and given each event's
 * value. */

/* libical's text of a property or of a component's head or tail. */
struct ics_text {
	char *s; /* malloc()ed, or NULL until first used */
	size_t n;
};

#define KIND_LINES 64 /* stage kinds with a cached CATEGORIES line */
#define SEQ_LINES  16 /* SEQUENCE values with a cached line */
#define DAY_LINES  8192 /* 22 years of days */
#define DAY_MAX    32   /* "DTSTART;VALUE=DATE:20260101" CR LF is 29 */
#define TEXT_LINES 256
#define DATE_TEXTS 4096 /* 11 years of days */
#define TEXT_MAX   160 /* longest SUMMARY or alarm text kept */

/* An all-day DTSTART or DTEND line for one day (a direct-mapped cache:
 * a portfolio of ten years uses each day many times). */
struct ics_day_line {
	int32_t day;
	uint8_t n; /* 0: empty */
	char s[DAY_MAX];
};

/* A day's "YYYY-MM-DD" (s[0] 0: empty). */
struct ics_date_text {
	int32_t day;
	char s[TP_DATE_STRLEN];
};

/* A SUMMARY or an alarm's DESCRIPTION seen before (a direct-mapped cache:
 * the tenders of a portfolio are mostly made from a few templates, so
 * their stages share names). */
struct ics_text_line {
	icalproperty_kind kind;
	char *value; /* malloc()ed; NULL: empty */
	struct ics_text line;
};

/* Lines libical wrote for a value that recurs, found by a key made of
 * what the value depends on (a direct-mapped cache: a slot holds the last
 * key that fell in it; text longer than KEYED_MAX is written, not kept). */
#define KEYED_MAX 128

struct ics_keyed_line {
	uint64_t key;
	uint8_t n; /* 0: empty */
	char s[KEYED_MAX];
};

struct ics_line_cache {
	struct ics_keyed_line *slots; /* calloc()ed */
	size_t n;
};

#define TIMED_LINES   4096 /* more than 11 years of days for one time */
#define RELATED_LINES 256
#define TRIGGER_LINES 64

struct ics_lines {
	struct ics_text event_head, event_tail, alarm_head, alarm_tail;
	struct ics_text dtstamp, confirmed, cancelled, transparent, display;
	struct ics_text meeting;
	struct ics_text kind[KIND_LINES];
	struct ics_text seq[SEQ_LINES];
	struct ics_day_line *starts, *ends; /* DAY_LINES each */
	struct ics_text_line *texts;        /* TEXT_LINES */
	struct ics_date_text *dates;        /* DATE_TEXTS */
	/* a timed DTSTART and its DTEND, by zone, day and time */
	struct ics_line_cache timed;
	/* RELATED-TO, by plan, predecessor and link type */
	struct ics_line_cache relations;
	/* an alarm's TRIGGER, by its number of seconds */
	struct ics_line_cache triggers;
	/* reused: each event sets its value */
	icalproperty *uid, *summary, *description, *trigger;
	icalproperty *related[N_RELTYPES];
};

/* ---- the writer's state --------------------------------------------------
 */

/* One VTIMEZONE per distinct zone of the calendar (usually one). A
 * portfolio has few zones: the list stays short. */
#define MAX_ZONES 16

struct ics_zone {
	const char *tzid;
	struct tp_date first, last; /* the days it must cover */
	icalcomponent *vtz;         /* until written */
	icaltimezone *zone;         /* for DTEND */
	icalproperty *start, *end;  /* reused: DTSTART and DTEND with TZID */
};

struct ics_ctx {
	const struct tp_export_job *job;
	const struct tp_export_options *opt;
	struct tp_sbuf *out;
	struct icaltimetype dtstamp;
	int deadline_minutes;
	struct ics_zone zones[MAX_ZONES];
	size_t n_zones;
	/* writing: the first failure sticks, later writes do nothing */
	enum tp_status rc;
	struct tp_error *err;
	struct ics_lines lines;
	/* the plan being written */
	const struct tp_plan *plan;
	const struct tp_schedule *sched;
	const struct tp_snapshot *since; /* usable for this plan, or NULL */
	struct tp_snapshot *own_since;   /* made from opt->previous */
	struct tp_dep_index deps;
	uint32_t plan_no;    /* of the export's plans, from 1 */
	struct tp_sbuf text; /* scratch for DESCRIPTION */
};

static void
fail_nomem(struct ics_ctx *c)
{
	if (c->rc == TP_OK)
		c->rc = tp_error_nomem(c->err);
}

static void
out_bytes(struct ics_ctx *c, const char *s, size_t n)
{
	if (c->rc == TP_OK)
		c->rc = tp_sbuf_append(c->out, s, n, c->err);
}

static void
out_text(struct ics_ctx *c, const struct ics_text *t)
{
	if (t->s)
		out_bytes(c, t->s, t->n);
	else
		fail_nomem(c);
}

/* libical's text of @p p (not freed), or NULL. */
static char *
prop_text(icalproperty *p)
{
	return p ? icalproperty_as_ical_string_r(p) : NULL;
}

/* Write @p p as libical serialises it; @p p stays @p p's owner's. */
static void
out_prop(struct ics_ctx *c, icalproperty *p)
{
	char *s;

	if (c->rc != TP_OK)
		return;
	if (!(s = prop_text(p))) {
		fail_nomem(c);
		return;
	}
	out_bytes(c, s, strlen(s));
	icalmemory_free_buffer(s);
}

/* out_prop(), then free @p p. */
static void
out_new(struct ics_ctx *c, icalproperty *p)
{
	out_prop(c, p);
	if (p)
		icalproperty_free(p);
}

static bool
keep_text(struct ics_text *t, const char *s, size_t n)
{
	t->s = s ? malloc(n + 1) : NULL;
	if (!t->s)
		return false;
	memcpy(t->s, s, n);
	t->s[n] = '\0';
	t->n = n;
	return true;
}

static bool
cache_new(struct ics_line_cache *lc, size_t n)
{
	lc->slots = calloc(n, sizeof(*lc->slots));
	lc->n = lc->slots ? n : 0;
	return lc->slots != NULL;
}

/* The slot of @p key (Fibonacci hashing: keys that differ by a small
 * step, such as consecutive days, fall in different slots). */
static struct ics_keyed_line *
cache_slot(const struct ics_line_cache *lc, uint64_t key)
{
	return &lc->slots[(key * UINT64_C(0x9E3779B97F4A7C15) >> 32) % lc->n];
}

static bool
slot_holds(const struct ics_keyed_line *e, uint64_t key)
{
	return e->n && e->key == key;
}

/* Keep libical's text @p a and @p b (b may be "") for @p key in @p e,
 * if it fits. */
static void
slot_keep(struct ics_keyed_line *e, uint64_t key, const char *a, size_t na,
	  const char *b, size_t nb)
{
	if (na + nb >= KEYED_MAX)
		return;
	memcpy(e->s, a, na);
	memcpy(e->s + na, b, nb);
	e->n = (uint8_t)(na + nb);
	e->key = key;
}

/* Write libical's text of @p p (a reused property, or NULL when libical
 * could not make it), keeping it in @p e for @p key if @p keep. */
static void
out_keeping(struct ics_ctx *c, struct ics_keyed_line *e, uint64_t key,
	    bool keep, icalproperty *p)
{
	char *s = prop_text(p);
	if (!s) {
		fail_nomem(c);
		return;
	}
	size_t n = strlen(s);
	if (keep)
		slot_keep(e, key, s, n, "", 0);
	out_bytes(c, s, n);
	icalmemory_free_buffer(s);
}

/* Fill @p t, if empty, with libical's text of @p p; free @p p. */
static void
cache_prop(struct ics_ctx *c, struct ics_text *t, icalproperty *p)
{
	char *s = !t->s ? prop_text(p) : NULL;

	if (p)
		icalproperty_free(p);
	if (t->s)
		return;
	if (!s || !keep_text(t, s, strlen(s)))
		fail_nomem(c);
	if (s)
		icalmemory_free_buffer(s);
}

/* The last line of @p s that begins with "END:" (a property's value may
 * hold the same text, but never at the start of a line: folded lines go
 * on with a space). */
static char *
last_end_line(char *s)
{
	char *end = NULL;
	for (char *p = strstr(s, "END:"); p; p = strstr(p + 1, "END:"))
		if (p == s || p[-1] == '\n')
			end = p;
	return end;
}

/* libical's text of an empty component of @p kind, split before its END
 * line. */
static void
cache_component(struct ics_ctx *c, icalcomponent_kind kind,
		struct ics_text *head, struct ics_text *tail)
{
	icalcomponent *comp = icalcomponent_new(kind);
	char *s = comp ? icalcomponent_as_ical_string_r(comp) : NULL;
	char *end = s ? last_end_line(s) : NULL;

	if (comp)
		icalcomponent_free(comp);
	if (!end || !keep_text(head, s, (size_t)(end - s)) ||
	    !keep_text(tail, end, strlen(end)))
		fail_nomem(c);
	if (s)
		icalmemory_free_buffer(s);
}

static void
lines_init(struct ics_ctx *c)
{
	struct ics_lines *l = &c->lines;

	cache_component(c, ICAL_VEVENT_COMPONENT, &l->event_head,
			&l->event_tail);
	cache_component(c, ICAL_VALARM_COMPONENT, &l->alarm_head,
			&l->alarm_tail);
	cache_prop(c, &l->dtstamp, icalproperty_new_dtstamp(c->dtstamp));
	cache_prop(c, &l->confirmed,
		   icalproperty_new_status(ICAL_STATUS_CONFIRMED));
	cache_prop(c, &l->cancelled,
		   icalproperty_new_status(ICAL_STATUS_CANCELLED));
	cache_prop(c, &l->transparent,
		   icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
	cache_prop(c, &l->display,
		   icalproperty_new_action(ICAL_ACTION_DISPLAY));
	cache_prop(c, &l->meeting, icalproperty_new_categories("meeting"));
	l->starts = calloc(DAY_LINES, sizeof(*l->starts));
	l->ends = calloc(DAY_LINES, sizeof(*l->ends));
	l->texts = calloc(TEXT_LINES, sizeof(*l->texts));
	l->dates = calloc(DATE_TEXTS, sizeof(*l->dates));
	if (!l->starts || !l->ends || !l->texts || !l->dates ||
	    !cache_new(&l->timed, TIMED_LINES) ||
	    !cache_new(&l->relations, RELATED_LINES) ||
	    !cache_new(&l->triggers, TRIGGER_LINES))
		fail_nomem(c);
}

static void
free_text(struct ics_text *t)
{
	free(t->s);
	t->s = NULL;
}

static void
free_prop(icalproperty *p)
{
	if (p)
		icalproperty_free(p);
}

static void
lines_free(struct ics_lines *l)
{
	struct ics_text *all[] = {
		&l->event_head,	 &l->event_tail,  &l->alarm_head,
		&l->alarm_tail,	 &l->dtstamp,	  &l->confirmed,
		&l->cancelled,	 &l->transparent, &l->display,
		&l->meeting,
	};
	for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		free_text(all[i]);
	for (size_t i = 0; i < KIND_LINES; i++)
		free_text(&l->kind[i]);
	for (size_t i = 0; i < SEQ_LINES; i++)
		free_text(&l->seq[i]);
	for (size_t i = 0; l->texts && i < TEXT_LINES; i++) {
		free(l->texts[i].value);
		free_text(&l->texts[i].line);
	}
	free(l->texts);
	free(l->dates);
	free(l->starts);
	free(l->ends);
	free(l->timed.slots);
	free(l->relations.slots);
	free(l->triggers.slots);
	free_prop(l->uid);
	free_prop(l->summary);
	free_prop(l->description);
	free_prop(l->trigger);
	for (size_t i = 0; i < N_RELTYPES; i++)
		free_prop(l->related[i]);
}

/* Give the TEXT property @p p its new value @p text: its own value's text
 * replaced (icalvalue_set_text()) rather than a new value made and the old
 * one freed, as icalproperty_set_uid() and the like do; NULL if libical
 * could not copy the text (never the last value written again). */
static icalproperty *
set_text(icalproperty *p, const char *text)
{
	icalvalue *v = p && text ? icalproperty_get_value(p) : NULL;
	if (!v)
		return NULL;
	icalvalue_set_text(v, text);
	return icalvalue_get_text(v) ? p : NULL;
}

/* The reused properties: made on first use, then given each value. */
static icalproperty *
uid_prop(struct ics_ctx *c, const char *uid)
{
	if (!c->lines.uid)
		return c->lines.uid = icalproperty_new_uid(uid);
	return set_text(c->lines.uid, uid);
}

static icalproperty *
summary_prop(struct ics_ctx *c, const char *text)
{
	if (!c->lines.summary)
		return c->lines.summary = icalproperty_new_summary(text);
	return set_text(c->lines.summary, text);
}

static icalproperty *
description_prop(struct ics_ctx *c, const char *text)
{
	if (!c->lines.description)
		return c->lines.description =
			       icalproperty_new_description(text);
	return set_text(c->lines.description, text);
}

static icalproperty *
trigger_prop(struct ics_ctx *c, struct icaltriggertype tr)
{
	if (!c->lines.trigger)
		return c->lines.trigger = icalproperty_new_trigger(tr);
	icalproperty_set_trigger(c->lines.trigger, tr);
	return c->lines.trigger;
}

static icalproperty *
related_prop(struct ics_ctx *c, const char *uid, enum tp_dep_type type)
{
	icalproperty **p = &c->lines.related[type];
	if (!*p)
		return *p = related_to(uid, type);
	return set_text(*p, uid);
}

static void
out_sequence(struct ics_ctx *c, uint32_t seq)
{
	if (seq >= SEQ_LINES) {
		out_new(c, icalproperty_new_sequence((int)seq));
		return;
	}
	if (!c->lines.seq[seq].s)
		cache_prop(c, &c->lines.seq[seq],
			   icalproperty_new_sequence((int)seq));
	out_text(c, &c->lines.seq[seq]);
}

static void
out_categories(struct ics_ctx *c, enum tp_stage_kind kind)
{
	const char *name = tp_stage_kind_name(kind);
	struct ics_text *t =
		(unsigned)kind < KIND_LINES ? &c->lines.kind[kind] : NULL;

	if (!t) {
		out_new(c, icalproperty_new_categories(name));
		return;
	}
	if (!t->s)
		cache_prop(c, t, icalproperty_new_categories(name));
	out_text(c, t);
}

/* An all-day DTSTART (@p end false) or DTEND of @p d. */
static void
out_day(struct ics_ctx *c, bool end, struct tp_date d)
{
	struct ics_day_line *cache = end ? c->lines.ends : c->lines.starts;
	struct ics_day_line *e = &cache[(uint32_t)d.day % DAY_LINES];
	icalproperty *p;
	char *s;

	if (c->rc != TP_OK)
		return;
	if (e->n && e->day == d.day) {
		out_bytes(c, e->s, e->n);
		return;
	}
	p = end ? icalproperty_new_dtend(ical_date(d))
		: icalproperty_new_dtstart(ical_date(d));
	s = prop_text(p);
	if (p)
		icalproperty_free(p);
	if (!s) {
		fail_nomem(c);
		return;
	}
	size_t n = strlen(s);
	if (n < DAY_MAX) {
		memcpy(e->s, s, n);
		e->n = (uint8_t)n;
		e->day = d.day;
	}
	out_bytes(c, s, n);
	icalmemory_free_buffer(s);
}

/* FNV-1a of @p kind and @p s, and the length of @p s. */
static uint64_t
text_hash(icalproperty_kind kind, const char *s, size_t *len)
{
	*len = strlen(s);
	return tp_fnv1a(TP_FNV1A_INIT ^ (uint64_t)kind, s, *len);
}

/* A SUMMARY (@p kind ICAL_SUMMARY_PROPERTY) or a DESCRIPTION of @p value,
 * from the cache when the same one was written before. */
static void
out_repeated(struct ics_ctx *c, icalproperty_kind kind, const char *value)
{
	size_t n;
	uint64_t h = text_hash(kind, value, &n);
	struct ics_text_line *e = &c->lines.texts[h % TEXT_LINES];
	icalproperty *p;
	char *s;

	if (c->rc != TP_OK)
		return;
	if (e->value && e->kind == kind && !strcmp(e->value, value)) {
		out_text(c, &e->line);
		return;
	}
	p = kind == ICAL_SUMMARY_PROPERTY ? summary_prop(c, value)
					  : description_prop(c, value);
	if (n > TEXT_MAX) {
		out_prop(c, p);
		return;
	}
	if (!(s = prop_text(p))) {
		fail_nomem(c);
		return;
	}
	free(e->value);
	free_text(&e->line);
	e->kind = kind;
	e->value = malloc(n + 1);
	if (e->value && keep_text(&e->line, s, strlen(s))) {
		memcpy(e->value, value, n + 1);
	} else {
		free(e->value); /* not kept: written all the same */
		e->value = NULL;
	}
	out_bytes(c, s, strlen(s));
	icalmemory_free_buffer(s);
}

static struct ics_zone *
zone_named(struct ics_ctx *c, const char *tzid)
{
	for (size_t i = 0; i < c->n_zones; i++)
		if (!strcmp(c->zones[i].tzid, tzid))
			return &c->zones[i];
	return NULL;
}

/* Serialise @p comp onto the output and free it (the VTIMEZONEs). */
static enum tp_status
emit(struct ics_ctx *c, icalcomponent *comp, struct tp_error *err)
{
	char *s = icalcomponent_as_ical_string_r(comp);
	enum tp_status rc;

	icalcomponent_free(comp);
	if (!s)
		return tp_error_nomem(err);
	rc = tp_sbuf_puts(c->out, s, err);
	icalmemory_free_buffer(s);
	return rc;
}

/* ---- one event ------------------------------------------------------------
 */

/* A piece of an event's text and its length (a literal's is known when
 * compiling: the DESCRIPTION of every event is put together from some
 * twenty of them). */
struct piece {
	const char *s;
	size_t n;
};

#define LIT(lit) ((struct piece){(lit), sizeof(lit) - 1})
#define NONE     ((struct piece){"", 0})

static struct piece
str_piece(const char *s)
{
	return s ? (struct piece){s, strlen(s)} : NONE;
}

/* Append @p parts to the DESCRIPTION text: what printf would do for
 * "%s%s...", without parsing a format or measuring a literal for every
 * event. */
static enum tp_status
text_cat(struct ics_ctx *c, const struct piece *parts, size_t n,
	 struct tp_error *err)
{
	enum tp_status rc = TP_OK;
	for (size_t i = 0; rc == TP_OK && i < n; i++)
		rc = tp_sbuf_append(&c->text, parts[i].s, parts[i].n, err);
	return rc;
}

#define N_PARTS(a) (sizeof(a) / sizeof((a)[0]))

static enum tp_status
describe_finding(const struct tp_export_finding *f, void *user)
{
	struct ics_ctx *c = user;
	const struct piece parts[] = {
		LIT("\n"),
		str_piece(f->severity ? f->severity : "note"),
		LIT(": "),
		str_piece(f->message),
		f->citation ? LIT(" (") : NONE,
		str_piece(f->citation),
		f->citation ? LIT(")") : NONE,
	};
	return text_cat(c, parts, N_PARTS(parts), NULL);
}

/* @p d as tp_date_format() writes it, into @p buf: formatted once for
 * each day (a direct-mapped cache; four dates in every DESCRIPTION). */
static void
date_text(struct ics_ctx *c, struct tp_date d, char buf[TP_DATE_STRLEN])
{
	struct ics_date_text *e = &c->lines.dates[(uint32_t)d.day % DATE_TEXTS];
	if (!e->s[0] || e->day != d.day) {
		tp_date_format(d, e->s);
		e->day = d.day;
	}
	memcpy(buf, e->s, TP_DATE_STRLEN);
}

static enum tp_status
describe_dep(struct ics_ctx *c, size_t i, bool first, struct tp_error *err)
{
	struct tp_dependency d;
	char lag[12];
	if (!tp_plan_dependency(c->plan, i, &d))
		return TP_OK;
	const struct piece parts[] = {
		first ? LIT("\nAfter: ") : LIT("; "),
		str_piece(tp_plan_stage_id(c->plan, d.from)),
		LIT(" ("),
		str_piece(tp_dep_type_name(d.type)),
		d.lag != 0 ? LIT(", lag ") : NONE,
		d.lag != 0 ? str_piece(tp_int_text(d.lag, lag)) : NONE,
		d.lag != 0 ? LIT(" ") : NONE,
		d.lag != 0 ? str_piece(tp_unit_name(d.lag_unit)) : NONE,
		LIT(")"),
	};
	return text_cat(c, parts, N_PARTS(parts), err);
}

static enum tp_status
describe_deps(struct ics_ctx *c, size_t stage, struct tp_error *err)
{
	enum tp_status rc = TP_OK;
	for (size_t k = c->deps.start[stage];
	     rc == TP_OK && k < c->deps.start[stage + 1]; k++)
		rc = describe_dep(c, c->deps.deps[k], k == c->deps.start[stage],
				  err);
	return rc;
}

static enum tp_status
describe_dates(struct ics_ctx *c, size_t s, struct tp_error *err)
{
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN];
	char la[TP_DATE_STRLEN], lb[TP_DATE_STRLEN], fls[12];
	int t = tp_plan_stage_time(c->plan, s);
	char hhmm[6] = "";
	if (t >= 0)
		tp_export_hhmm(t, hhmm);
	int32_t fl = tp_schedule_total_float(c->sched, s);
	date_text(c, tp_schedule_early_start(c->sched, s), a);
	date_text(c, tp_schedule_early_finish(c->sched, s), b);
	date_text(c, tp_schedule_late_start(c->sched, s), la);
	date_text(c, tp_schedule_late_finish(c->sched, s), lb);
	const struct piece parts[] = {
		LIT("Stage "),
		str_piece(tp_plan_stage_id(c->plan, s)),
		LIT(" ("),
		str_piece(tp_stage_kind_name(tp_plan_stage_kind(c->plan, s))),
		LIT(").\nDates: "),
		str_piece(a),
		LIT(" to "),
		str_piece(b),
		t >= 0 ? LIT(" at ") : NONE,
		str_piece(hhmm),
		LIT(".\nLatest: "),
		str_piece(la),
		LIT(" to "),
		str_piece(lb),
		LIT("; float "),
		str_piece(tp_int_text(fl, fls)),
		fl == 1 || fl == -1 ? LIT(" working day")
				    : LIT(" working days"),
		tp_schedule_is_critical(c->sched, s)
			? LIT(", on the critical path")
			: NONE,
		LIT("."),
	};
	return text_cat(c, parts, N_PARTS(parts), err);
}

/* What happened, and the slippage against the baseline. */
static enum tp_status
describe_progress(struct ics_ctx *c, size_t s, struct tp_error *err)
{
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN], words[80];
	struct tp_date st, fi, b0, b1;
	bool has_st = tp_plan_stage_actual_start(c->plan, s, &st);
	bool has_fi = tp_plan_stage_actual_finish(c->plan, s, &fi);
	int32_t slip = 0;
	enum tp_status rc = TP_OK;
	if (has_fi && tp_plan_stage_is_milestone(c->plan, s))
		rc = tp_sbuf_printf(&c->text, err, "\nDone on %s.",
				    tp_date_format(fi, b));
	else if (has_fi && has_st)
		rc = tp_sbuf_printf(&c->text, err,
				    "\nDone: started %s, finished %s.",
				    tp_date_format(st, a), tp_date_format(fi, b));
	else if (has_fi)
		rc = tp_sbuf_printf(&c->text, err, "\nDone: finished %s.",
				    tp_date_format(fi, b));
	else if (has_st)
		rc = tp_sbuf_printf(&c->text, err,
				    "\nStarted %s; not finished yet.",
				    tp_date_format(st, a));
	if (rc == TP_OK && tp_export_baseline(c->opt, c->sched, s, &b0, &b1) &&
	    tp_export_slip(c->opt, c->sched, s, &slip))
		rc = tp_sbuf_printf(&c->text, err,
				    "\nBaseline: %s to %s; %s.",
				    tp_date_format(b0, a), tp_date_format(b1, b),
				    tp_export_slip_words(slip, words,
							 sizeof(words)));
	return rc;
}

static enum tp_status
describe(struct ics_ctx *c, size_t s, struct tp_error *err)
{
	c->text.len = 0;
	enum tp_status rc = describe_dates(c, s, err);
	if (rc == TP_OK)
		rc = describe_progress(c, s, err);
	if (rc == TP_OK)
		rc = describe_deps(c, s, err);
	const char *owner = tp_plan_stage_owner(c->plan, s);
	const char *notes = tp_plan_stage_notes(c->plan, s);
	const struct piece parts[] = {
		owner ? LIT("\nOwner: ") : NONE, str_piece(owner),
		notes ? LIT("\nNotes: ") : NONE, str_piece(notes)};
	if (rc == TP_OK)
		rc = text_cat(c, parts, N_PARTS(parts), err);
	if (rc == TP_OK)
		rc = tp_export_foreach_finding(c->opt, tp_plan_id(c->plan),
					       tp_plan_stage_id(c->plan, s),
					       describe_finding, c);
	return rc == TP_ERR_NOMEM ? tp_error_nomem(err) : rc;
}

/* BEGIN:VEVENT and the properties every event starts with. */
static void
out_common(struct ics_ctx *c, const char *uid, const char *summary,
	   uint32_t sequence)
{
	out_text(c, &c->lines.event_head);
	out_prop(c, uid_prop(c, uid));
	out_text(c, &c->lines.dtstamp);
	out_sequence(c, sequence);
	out_repeated(c, ICAL_SUMMARY_PROPERTY, summary);
}

/* When an event is: all-day from @p first to @p last inclusive (DTEND
 * exclusive, @p end), or a deadline at @p minutes on @p first in @p zone. */
struct when {
	struct tp_date first, end;
	int minutes;
	struct ics_zone *zone;
};

static enum tp_status
all_day(struct when *w, struct tp_date first, struct tp_date last,
	struct tp_error *err)
{
	*w = (struct when){.first = first, .minutes = -1};
	return tp_date_add_days(last, 1, &w->end, err);
}

/* A deadline at @p minutes on @p day in @p tzid. */
static enum tp_status
timed(struct ics_ctx *c, struct when *w, const char *tzid, struct tp_date day,
      int minutes, struct tp_error *err)
{
	struct ics_zone *z = zone_named(c, tzid);
	if (!z || !z->zone)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "no time zone '%s' in the calendar", tzid);
	*w = (struct when){.first = day, .minutes = minutes, .zone = z};
	return TP_OK;
}

/* DTSTART at the deadline and DTEND the set number of minutes later,
 * counted in real time (across a change of the clocks the wall-clock gap
 * differs). A start and no end is an instant by RFC 5545 3.6.1, which
 * Google's API refuses as an empty range and clients show as 0, 1 hour or
 * 1 day. */
static void
deadline_times(const struct ics_ctx *c, const struct when *w,
	       struct icaltimetype *start, struct icaltimetype *end)
{
	*start = ical_local(w->first, w->minutes);
	*end = *start;
	end->zone = w->zone->zone;
	*end = icaltime_convert_to_zone(*end, icaltimezone_get_utc_timezone());
	icaltime_adjust(end, 0, 0, c->deadline_minutes, 0);
	*end = icaltime_convert_to_zone(*end, w->zone->zone);
	end->zone = NULL;
}

/* The zone's DTSTART (@p end false) or DTEND with its TZID, made on first
 * use, given the local time @p t. */
static icalproperty *
zone_prop(struct ics_zone *z, bool end, struct icaltimetype t)
{
	icalproperty **p = end ? &z->end : &z->start;
	icalvalue *v;
	if (!*p)
		return *p = with_tzid(end ? icalproperty_new_dtend(t)
					  : icalproperty_new_dtstart(t),
				      z->tzid);
	/* what icalproperty_set_dtstart() does, but a value libical could
	 * not make is not left as the last one */
	if (!(v = icalvalue_new_datetimedate(t)))
		return NULL;
	icalproperty_set_value(*p, v);
	return *p;
}

/* A timed DTSTART and DTEND: libical's text once for each zone, day and
 * time (the DTEND follows from them and the export's deadline minutes). */
static void
out_timed(struct ics_ctx *c, const struct when *w)
{
	uint64_t key = (uint64_t)(w->zone - c->zones) << 48 |
		       (uint64_t)(uint16_t)w->minutes << 32 |
		       (uint32_t)w->first.day;
	struct ics_keyed_line *e = cache_slot(&c->lines.timed, key);
	struct icaltimetype start, end;
	char *a, *b;

	if (c->rc != TP_OK)
		return;
	if (slot_holds(e, key)) {
		out_bytes(c, e->s, e->n);
		return;
	}
	deadline_times(c, w, &start, &end);
	a = prop_text(zone_prop(w->zone, false, start));
	b = a ? prop_text(zone_prop(w->zone, true, end)) : NULL;
	if (b) {
		size_t na = strlen(a), nb = strlen(b);
		slot_keep(e, key, a, na, b, nb);
		out_bytes(c, a, na);
		out_bytes(c, b, nb);
	} else {
		fail_nomem(c);
	}
	if (a)
		icalmemory_free_buffer(a);
	if (b)
		icalmemory_free_buffer(b);
}

static void
out_when(struct ics_ctx *c, const struct when *w)
{
	if (w->minutes < 0) {
		out_day(c, false, w->first);
		out_day(c, true, w->end);
		return;
	}
	out_timed(c, w);
}

static enum tp_status
stage_when(struct ics_ctx *c, struct when *w, size_t s, struct tp_error *err)
{
	struct tp_date a = tp_schedule_early_start(c->sched, s);
	struct tp_date b = tp_schedule_early_finish(c->sched, s);
	int t = tp_plan_stage_time(c->plan, s);
	if (!tp_plan_stage_is_milestone(c->plan, s) || t < 0)
		return all_day(w, a, b, err);
	return timed(c, w, tp_plan_time_zone(c->plan), b, t, err);
}

/* A reminder @p n working days before the deadline: at the same time of
 * day for a timed deadline, at 09:00 for an all-day one. */
struct alarm {
	int secs; /* the TRIGGER, before the deadline (negative) */
	char msg[300];
};

static enum tp_status
alarm_of(struct ics_ctx *c, size_t s, const char *summary, struct alarm *a,
	 struct tp_error *err)
{
	int32_t n = c->opt->alarm_working_days;
	struct tp_date day = tp_schedule_early_finish(c->sched, s), when;
	const struct tp_calendar *cal = tp_plan_calendar(c->plan);
	enum tp_status rc =
		tp_calendar_add_working_days(cal, day, -n, &when, err);
	if (rc != TP_OK)
		return rc;
	char days[12], tail[40];
	a->secs = tp_date_diff(day, when) * 86400; /* negative */
	if (tp_plan_stage_time(c->plan, s) < 0)
		a->secs += 9 * 3600;
	/* "%s: %d working day%s to go": a long summary is cut, on a whole
	 * character, so that the count is always there. */
	struct tp_strb b;
	tp_strb_init(&b, tail, sizeof(tail));
	tp_strb_cat(&b, ": ");
	tp_strb_cat(&b, tp_int_text(n, days));
	tp_strb_cat(&b, n == 1 ? " working day" : " working days");
	tp_strb_cat(&b, " to go");
	size_t room = sizeof(a->msg) - b.len;
	size_t len = strlen(summary);
	if (len >= room) {
		memcpy(a->msg, summary, room - 1);
		a->msg[room - 1] = '\0';
		len = tp_utf8_mend_end(a->msg);
	} else {
		memcpy(a->msg, summary, len);
	}
	memcpy(a->msg + len, tail, b.len + 1);
	return TP_OK;
}

/* The alarm's TRIGGER: libical's text once for each length of warning. */
static void
out_trigger(struct ics_ctx *c, int secs)
{
	uint64_t key = (uint32_t)secs;
	struct ics_keyed_line *e = cache_slot(&c->lines.triggers, key);
	struct icaltriggertype tr = icaltriggertype_from_int(0);

	if (c->rc != TP_OK)
		return;
	if (slot_holds(e, key)) {
		out_bytes(c, e->s, e->n);
		return;
	}
	tr.duration = icaldurationtype_from_int(secs);
	out_keeping(c, e, key, true, trigger_prop(c, tr));
}

static void
out_alarm(struct ics_ctx *c, const struct alarm *a)
{
	out_text(c, &c->lines.alarm_head);
	out_text(c, &c->lines.display);
	out_trigger(c, a->secs);
	out_repeated(c, ICAL_DESCRIPTION_PROPERTY, a->msg);
	out_text(c, &c->lines.alarm_tail);
}

/* The UIDs of the stage's predecessors fit their buffer. */
static enum tp_status
check_relations(struct ics_ctx *c, size_t s, struct tp_error *err)
{
	char uid[UID_MAX];
	for (size_t k = c->deps.start[s]; k < c->deps.start[s + 1]; k++) {
		struct tp_dependency d;
		if (!tp_plan_dependency(c->plan, c->deps.deps[k], &d))
			continue;
		enum tp_status rc = tp_export_ics_uid(
			tp_plan_id(c->plan), tp_plan_stage_id(c->plan, d.from),
			uid, sizeof(uid), err);
		if (rc != TP_OK)
			return rc;
	}
	return TP_OK;
}

/* The RELATED-TO of @p d: libical's text once for each predecessor and
 * link type of a plan (a stage is often followed by several). The key
 * holds the plan's number (below 2^30: each plan takes far more than a
 * byte) and the predecessor's index (below 2^32). */
static void
out_related(struct ics_ctx *c, const struct tp_dependency *d)
{
	bool keyed = c->plan_no < UINT32_C(1) << 30 && d->from <= UINT32_MAX;
	uint64_t key = (uint64_t)c->plan_no << 34 | (uint64_t)d->from << 2 |
		       (uint64_t)d->type;
	struct ics_keyed_line *e = cache_slot(&c->lines.relations, key);
	char uid[UID_MAX];

	if (c->rc != TP_OK)
		return;
	if (keyed && slot_holds(e, key)) {
		out_bytes(c, e->s, e->n);
		return;
	}
	if (tp_export_ics_uid(tp_plan_id(c->plan),
			      tp_plan_stage_id(c->plan, d->from), uid,
			      sizeof(uid), NULL) != TP_OK)
		return; /* not reached: check_relations() */
	out_keeping(c, e, key, keyed, related_prop(c, uid, d->type));
}

static void
out_relations(struct ics_ctx *c, size_t s)
{
	for (size_t k = c->deps.start[s]; k < c->deps.start[s + 1]; k++) {
		struct tp_dependency d;
		if (tp_plan_dependency(c->plan, c->deps.deps[k], &d) &&
		    (unsigned)d.type < N_RELTYPES)
			out_related(c, &d);
	}
}

static const char *
stage_summary(const struct tp_plan *plan, size_t s)
{
	const char *name = tp_plan_stage_name(plan, s);
	return name && *name ? name : tp_plan_stage_id(plan, s);
}

/* A stage's event. What can fail but running out of memory is worked out
 * before its first line is written. */
static enum tp_status
add_stage_event(struct ics_ctx *c, size_t s, struct tp_error *err)
{
	char uid[UID_MAX];
	const char *summary = stage_summary(c->plan, s);
	struct when w;
	struct alarm a;
	bool alarm = c->opt->alarm_working_days > 0 &&
		     tp_export_stage_shape(c->plan, s) == TP_SHAPE_DEADLINE;
	enum tp_status rc = tp_export_ics_uid(tp_plan_id(c->plan),
					      tp_plan_stage_id(c->plan, s), uid,
					      sizeof(uid), err);
	if (rc == TP_OK)
		rc = stage_when(c, &w, s, err);
	if (rc == TP_OK)
		rc = describe(c, s, err);
	if (rc == TP_OK)
		rc = check_relations(c, s, err);
	if (rc == TP_OK && alarm)
		rc = alarm_of(c, s, summary, &a, err);
	if (rc != TP_OK)
		return rc;
	c->err = err;
	out_common(c, uid, summary,
		   tp_snapshot_sequence(c->since, c->sched, &c->deps, s));
	out_when(c, &w);
	out_prop(c, description_prop(c, c->text.data));
	out_categories(c, tp_plan_stage_kind(c->plan, s));
	out_text(c, &c->lines.confirmed);
	/* Nothing in a timetable should block anyone's free/busy time:
	 * markers and periods alike are transparent. */
	out_text(c, &c->lines.transparent);
	out_relations(c, s);
	if (alarm)
		out_alarm(c, &a);
	out_text(c, &c->lines.event_tail);
	return c->rc;
}

/* ---- meetings -------------------------------------------------------------
 */

/* UID of a meeting series: '+' is in no stage id, so no stage shares it. */
static enum tp_status
series_uid(const struct tp_plan *plan, const char *series, char *buf,
	   size_t size, struct tp_error *err)
{
	int n = snprintf(buf, size, "%s+meetings.%s@tenderplan", series,
			 tp_plan_id(plan));
	if (n < 0 || (size_t)n >= size)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "calendar UID too long for its buffer");
	return TP_OK;
}

/* Room for a name of 4096 bytes (the plan schema's longest) and the
 * words after it. */
#define SERIES_SUMMARY_MAX 4200

/* The summary of a series' event: "Cabinet meeting" (the id without a
 * name). A longer name (the library takes any) is cut before the UTF-8
 * character that would not fit whole: a buffer of 200 bytes used to cut
 * long names in the middle of one, and the calendar was not UTF-8. */
static void
series_summary(const char *name, const char *id, char *buf, size_t size)
{
	snprintf(buf, size, "%s meeting", name && *name ? name : id);
	tp_utf8_mend_end(buf);
}

static enum tp_status
describe_series(struct ics_ctx *c, const struct tp_meeting_rec *m, size_t k,
		struct tp_error *err)
{
	char d[TP_DATE_STRLEN];
	bool first = true;
	enum tp_status rc;
	c->text.len = 0;
	/* as tp_meeting_label() says it, whole however long the name */
	rc = m->name && *m->name
		     ? tp_sbuf_printf(&c->text, err, "Meetings of '%s' (%s).",
				      m->id, m->name)
		     : tp_sbuf_printf(&c->text, err, "Meetings of '%s'.",
				      m->id);
	if (rc == TP_OK && m->report_days)
		rc = tp_sbuf_printf(&c->text, err,
				    "\nReports are due %ld working days "
				    "before each meeting.",
				    (long)m->report_days);
	if (rc == TP_OK && m->call_in_days)
		rc = tp_sbuf_printf(&c->text, err,
				    "\nDecisions can be called in for %ld "
				    "working days after it.",
				    (long)m->call_in_days);
	tp_plan_foreach_stage (c->plan, s) {
		if (rc != TP_OK || tp_plan_stage_meeting(c->plan, s) != k)
			continue;
		rc = tp_sbuf_printf(
			&c->text, err, "%s%s (%s)",
			first ? "\nStages on these meetings: " : "; ",
			stage_summary(c->plan, s),
			tp_date_format(tp_schedule_early_start(c->sched, s), d));
		first = false;
	}
	return rc;
}

/* The dates of the series as iCalendar has them: the rule from its first
 * date, the dates added to it, the exceptions. */
static void
out_series_dates(struct ics_ctx *c, const struct tp_meeting_rec *m)
{
	struct tp_date start = tp_meeting_event_start(m);
	struct icaltimetype t = ical_date(start), e = t;
	icaltime_adjust(&e, 1, 0, 0, 0);
	out_new(c, icalproperty_new_dtstart(t));
	out_new(c, icalproperty_new_dtend(e));
	if (m->rule)
		out_new(c, icalproperty_new_rrule(
				   icalrecurrencetype_from_string(m->rule)));
	for (size_t i = 0; i < m->n_dates; i++) {
		struct icaldatetimeperiodtype p = {0};
		if (!m->rule && m->dates[i].day == start.day)
			continue;
		p.time = ical_date(m->dates[i]);
		p.period = icalperiodtype_null_period();
		out_new(c, icalproperty_new_rdate(p));
	}
	for (size_t i = 0; i < m->n_except; i++)
		out_new(c, icalproperty_new_exdate(ical_date(m->except[i])));
}

static enum tp_status
add_series_event(struct ics_ctx *c, size_t k, struct tp_error *err)
{
	const struct tp_meeting_rec *m = tp_meeting_at(c->plan, (uint32_t)k);
	char uid[UID_MAX], summary[SERIES_SUMMARY_MAX];
	enum tp_status rc =
		series_uid(c->plan, m->id, uid, sizeof(uid), err);
	if (rc == TP_OK)
		rc = describe_series(c, m, k, err);
	if (rc != TP_OK)
		return rc;
	series_summary(m->name, m->id, summary, sizeof(summary));
	c->err = err;
	out_common(c, uid, summary,
		   tp_snapshot_series_sequence(c->since, c->sched, k));
	out_series_dates(c, m);
	out_prop(c, description_prop(c, c->text.data));
	out_text(c, &c->lines.meeting);
	out_text(c, &c->lines.confirmed);
	out_text(c, &c->lines.transparent);
	out_text(c, &c->lines.event_tail);
	return c->rc;
}

/* ---- cancelled stages -----------------------------------------------------
 */

/* A removed stage, as it was: same UID, its old dates (and time), a
 * higher SEQUENCE, STATUS:CANCELLED. */
struct cancelled {
	const char *id, *summary, *tzid;
	struct tp_date first, last;
	int minutes;
	uint32_t sequence;
	bool series; /* a meeting series: its UID */
};

static enum tp_status
add_cancelled(struct ics_ctx *c, const struct cancelled *x,
	      struct tp_error *err)
{
	char uid[UID_MAX];
	struct when w;
	enum tp_status rc =
		x->series ? series_uid(c->plan, x->id, uid, sizeof(uid), err)
			  : tp_export_ics_uid(tp_plan_id(c->plan), x->id, uid,
					      sizeof(uid), err);
	if (rc == TP_OK)
		rc = x->minutes >= 0 ? timed(c, &w, x->tzid, x->last,
					     x->minutes, err)
				     : all_day(&w, x->first, x->last, err);
	if (rc != TP_OK)
		return rc;
	c->err = err;
	out_common(c, uid, x->summary, x->sequence);
	out_when(c, &w);
	out_text(c, &c->lines.cancelled);
	out_text(c, &c->lines.transparent);
	out_text(c, &c->lines.event_tail);
	return c->rc;
}

/* The meeting series of the previous revision that the plan no longer
 * has: one cancelled event on the day the series began, which replaces
 * the whole series in a client. */
static enum tp_status
add_cancelled_series(struct ics_ctx *c, struct tp_error *err)
{
	const struct tp_snapshot *p = c->since;
	char summary[SERIES_SUMMARY_MAX];

	for (size_t i = 0; i < tp_snapshot_series_count(p); i++) {
		const struct tp_snap_rec *r = tp_snapshot_series_rec(p, i);
		if (tp_plan_find_meeting_series(c->plan, r->id, NULL))
			continue;
		series_summary(r->name, r->id, summary, sizeof(summary));
		struct cancelled x = {r->id,	 summary,  NULL,
				      r->start,	 r->start, -1,
				      tp_snapshot_cancel_sequence(r),
				      true};
		enum tp_status rc = add_cancelled(c, &x, err);
		if (rc != TP_OK)
			return rc;
	}
	return TP_OK;
}

/* The stages of the previous revision that the plan no longer has. */
static enum tp_status
add_cancelled_since(struct ics_ctx *c, struct tp_error *err)
{
	const struct tp_snapshot *p = c->since;
	for (size_t i = 0; i < tp_snapshot_stage_count(p); i++) {
		const struct tp_snap_rec *r = tp_snapshot_rec(p, i);
		if (tp_plan_find_stage(c->plan, r->id, NULL))
			continue;
		struct cancelled x = {r->id,
				      r->name ? r->name : r->id,
				      tp_snapshot_time_zone(p),
				      r->start,
				      r->finish,
				      r->minutes,
				      tp_snapshot_cancel_sequence(r),
				      false};
		enum tp_status rc = add_cancelled(c, &x, err);
		if (rc != TP_OK)
			return rc;
	}
	return add_cancelled_series(c, err);
}

/* Ids of removed stages without their dates (tp_export_options.removed):
 * cancelled on the plan's first day. */
static enum tp_status
add_cancelled_removed(struct ics_ctx *c, struct tp_error *err)
{
	struct tp_date d = tp_schedule_plan_start(c->sched);
	for (size_t i = 0; i < c->opt->n_removed; i++) {
		const char *id = c->opt->removed[i];
		if (!id || tp_plan_find_stage(c->plan, id, NULL))
			continue;
		struct cancelled x = {
			id,
			id,
			NULL,
			d,
			d,
			-1,
			tp_snapshot_sequence(NULL, c->sched, NULL, 0),
			false};
		enum tp_status rc = add_cancelled(c, &x, err);
		if (rc != TP_OK)
			return rc;
	}
	return TP_OK;
}

/* ---- one plan -------------------------------------------------------------
 */

/* What the events are compared with: the plan's entry of a portfolio's
 * snapshots, the snapshot given, or one made from the previous revision's
 * schedule (every event of it at SEQUENCE its
 * revision - 1, the rule before snapshots). */
static enum tp_status
find_since(struct ics_ctx *c, struct tp_error *err)
{
	const struct tp_export_options *o = c->opt;
	c->since = NULL;
	if (o->sinces) { /* a portfolio: each plan its own */
		c->since = tp_snapshot_usable(o->sinces[c->plan_no - 1],
					      c->plan);
		return TP_OK;
	}
	if (o->since) {
		c->since = tp_snapshot_usable(o->since, c->plan);
		return TP_OK;
	}
	if (!o->previous)
		return TP_OK;
	enum tp_status rc = tp_snapshot_record(
		o->previous, NULL, TP_SNAPSHOT_REVISION, 0, &c->own_since, err);
	c->since =
		rc == TP_OK ? tp_snapshot_usable(c->own_since, c->plan) : NULL;
	return rc;
}

static enum tp_status
add_events(struct ics_ctx *c, struct tp_error *err)
{
	enum tp_status rc = TP_OK;
	tp_plan_foreach_stage (c->plan, s) {
		if (!tp_export_stage_shown(c->opt, c->plan, s))
			continue;
		rc = add_stage_event(c, s, err);
		if (rc != TP_OK)
			return rc;
	}
	for (size_t k = 0; k < tp_plan_meeting_series_count(c->plan); k++)
		if ((rc = add_series_event(c, k, err)))
			return rc;
	if (c->opt->omit_cancelled)
		return TP_OK;
	if (c->since)
		return add_cancelled_since(c, err);
	if (!c->opt->previous && !c->opt->since)
		return add_cancelled_removed(c, err);
	return TP_OK;
}

static enum tp_status
add_plan(struct ics_ctx *c, const struct tp_schedule *sched,
	 struct tp_error *err)
{
	c->sched = sched;
	c->plan = tp_schedule_plan(sched);
	c->plan_no++;
	enum tp_status rc = find_since(c, err);
	if (rc == TP_OK)
		rc = tp_dep_index_build(c->plan, &c->deps, err);
	if (rc == TP_OK)
		rc = add_events(c, err);
	tp_dep_index_free(&c->deps);
	tp_snapshot_free(c->own_since);
	c->own_since = NULL;
	c->since = NULL;
	return rc;
}

/* ---- time zones -----------------------------------------------------------
 */

static enum tp_status
need_zone(struct ics_ctx *c, const char *tzid, struct tp_date first,
	  struct tp_date last, struct tp_error *err)
{
	struct ics_zone *z = zone_named(c, tzid);
	if (z) {
		if (tp_date_compare(first, z->first) < 0)
			z->first = first;
		if (tp_date_compare(last, z->last) > 0)
			z->last = last;
		return TP_OK;
	}
	if (c->n_zones == MAX_ZONES)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "more than %d time zones in one calendar",
				     MAX_ZONES);
	c->zones[c->n_zones++] =
		(struct ics_zone){tzid, first, last, NULL, NULL, NULL, NULL};
	return TP_OK;
}

/* The days of the timed events of a snapshot's removed stages. */
static enum tp_status
need_snapshot_zone(struct ics_ctx *c, const struct tp_snapshot *p,
		   struct tp_error *err)
{
	enum tp_status rc = TP_OK;
	for (size_t i = 0; rc == TP_OK && i < tp_snapshot_stage_count(p); i++) {
		const struct tp_snap_rec *r = tp_snapshot_rec(p, i);
		if (r->minutes >= 0)
			rc = need_zone(c, tp_snapshot_time_zone(p), r->finish,
				       r->finish, err);
	}
	return rc;
}

/* Every zone the events use, with the days they fall on; then one
 * VTIMEZONE for each (built now, written after the calendar's head). */
static enum tp_status
collect_zones(struct ics_ctx *c, const struct tp_export_job *job,
	      struct tp_error *err)
{
	enum tp_status rc = TP_OK;
	for (size_t i = 0; rc == TP_OK && i < job->n; i++)
		rc = need_zone(
			c, tp_plan_time_zone(tp_schedule_plan(job->scheds[i])),
			tp_schedule_plan_start(job->scheds[i]),
			tp_schedule_plan_finish(job->scheds[i]), err);
	if (rc == TP_OK && job->opt->since)
		rc = need_snapshot_zone(c, job->opt->since, err);
	if (rc == TP_OK && job->opt->previous)
		rc = need_zone(
			c,
			tp_plan_time_zone(tp_schedule_plan(job->opt->previous)),
			tp_schedule_plan_start(job->opt->previous),
			tp_schedule_plan_finish(job->opt->previous), err);
	for (size_t i = 0; rc == TP_OK && i < c->n_zones; i++)
		rc = tp_ics_vtimezone_range(c->zones[i].tzid, c->zones[i].first,
					    c->zones[i].last, &c->zones[i].vtz,
					    &c->zones[i].zone, err);
	return rc;
}

static void
free_zones(struct ics_ctx *c)
{
	for (size_t i = 0; i < c->n_zones; i++) {
		if (c->zones[i].vtz)
			icalcomponent_free(c->zones[i].vtz);
		if (c->zones[i].zone)
			icaltimezone_free(c->zones[i].zone, 1);
		free_prop(c->zones[i].start);
		free_prop(c->zones[i].end);
	}
}

static enum tp_status
write_zones(struct ics_ctx *c, struct tp_error *err)
{
	enum tp_status rc = TP_OK;
	for (size_t i = 0; rc == TP_OK && i < c->n_zones; i++) {
		icalcomponent *vtz = c->zones[i].vtz;
		c->zones[i].vtz = NULL;
		rc = emit(c, vtz, err);
	}
	return rc;
}

/* ---- the calendar ---------------------------------------------------------
 */

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
	if (!cal)
		return NULL;
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

/* libical serialises the empty calendar as its head, its properties and
 * "END:VCALENDAR": write the part before the END line now and hand back
 * the rest (free with free()) for after the last component. */
static enum tp_status
write_head(struct ics_ctx *c, const struct tp_export_job *job, char **tail,
	   struct tp_error *err)
{
	icalcomponent *cal = new_calendar(job);
	char *s = cal ? icalcomponent_as_ical_string_r(cal) : NULL;
	char *end = s ? last_end_line(s) : NULL;
	enum tp_status rc = TP_OK;
	if (cal)
		icalcomponent_free(cal);
	if (!end) {
		rc = s ? tp_error_setf(err, TP_ERR_INVALID, NULL,
				       "libical wrote no calendar")
		       : tp_error_nomem(err);
	} else if (!(*tail = strdup(end))) {
		rc = tp_error_nomem(err);
	} else {
		rc = tp_sbuf_append(c->out, s, (size_t)(end - s), err);
	}
	if (s)
		icalmemory_free_buffer(s);
	return rc;
}

static struct icaltimetype
dtstamp_of(const struct tp_export_options *opt)
{
	time_t t = opt->dtstamp ? (time_t)opt->dtstamp : time(NULL);
	return icaltime_from_timet_with_zone(t, 0,
					     icaltimezone_get_utc_timezone());
}

/* ---- several threads ------------------------------------------------------
 */

/* A worker's copy of a zone: a libical zone of its own, since libical
 * fills in a zone's changes when first asked for an offset, and reusable
 * properties of its own. */
static bool
copy_zone(struct ics_zone *to, const struct ics_zone *from)
{
	icalcomponent *vtz =
		from->zone ? icaltimezone_get_component(from->zone) : NULL;
	icalcomponent *clone = vtz ? icalcomponent_new_clone(vtz) : NULL;

	*to = (struct ics_zone){
		.tzid = from->tzid, .first = from->first, .last = from->last};
	if (clone && (to->zone = icaltimezone_new()) &&
	    icaltimezone_set_component(to->zone, clone))
		return true;
	if (to->zone)
		icaltimezone_free(to->zone, 1);
	to->zone = NULL;
	if (clone)
		icalcomponent_free(clone);
	return false;
}

/* What a writer owns besides itself. */
static void
ctx_free(struct ics_ctx *c)
{
	free(c->text.data);
	lines_free(&c->lines);
	free_zones(c);
}

static void
worker_free(void *state)
{
	ctx_free(state);
	free(state);
}

/* A writer like @p like, made on its thread before the workers start,
 * with caches and zones of its own. */
static enum tp_status
worker_new(const void *like, void **state, struct tp_error *err)
{
	const struct ics_ctx *c = like;
	struct ics_ctx *w = calloc(1, sizeof(*w));

	if (!w)
		return tp_error_nomem(err);
	w->job = c->job;
	w->opt = c->opt;
	w->dtstamp = c->dtstamp;
	w->deadline_minutes = c->deadline_minutes;
	w->err = err;
	lines_init(w);
	for (size_t i = 0; w->rc == TP_OK && i < c->n_zones; i++) {
		w->n_zones = i + 1;
		if (!copy_zone(&w->zones[i], &c->zones[i]))
			fail_nomem(w);
	}
	if (w->rc != TP_OK) {
		enum tp_status rc = w->rc;
		worker_free(w);
		return rc;
	}
	w->err = NULL;
	*state = w;
	return TP_OK;
}

/* The events of plans [first, first + n) into @p out. */
static enum tp_status
write_plans(void *state, size_t first, size_t n, struct tp_sbuf *out,
	    struct tp_error *err)
{
	struct ics_ctx *c = state;
	enum tp_status rc = TP_OK;

	c->out = out;
	c->err = err;
	c->rc = TP_OK;
	c->plan_no = (uint32_t)first;
	for (size_t i = first; rc == TP_OK && i < first + n; i++)
		rc = add_plan(c, c->job->scheds[i], err);
	return rc;
}

/* Only one process-wide zone cache exists in libical 3.0, and the first
 * built-in zone lookup fills it; callers in threads should make one export
 * first. The zones are looked up here, before any worker thread starts. */
enum tp_status
tp_export_ics(const struct tp_export_job *job, struct tp_sbuf *out,
	      struct tp_error *err)
{
	struct ics_ctx c = {
		.job = job,
		.opt = job->opt,
		.out = out,
		.dtstamp = dtstamp_of(job->opt),
		.deadline_minutes = job->opt->deadline_minutes
					    ? (int)job->opt->deadline_minutes
					    : 30,
	};
	char *tail = NULL;
	enum tp_status rc;

	c.err = err;
	lines_init(&c);
	rc = c.rc;
	if (rc == TP_OK)
		rc = collect_zones(&c, job, err);
	if (rc == TP_OK)
		rc = write_head(&c, job, &tail, err);
	if (rc == TP_OK)
		rc = write_zones(&c, err);
	struct tp_pieces pieces = {
		.job = job,
		.state = &c,
		.state_new = worker_new,
		.state_free = worker_free,
		.write = write_plans,
	};
	if (rc == TP_OK)
		rc = tp_export_pieces(&pieces, out, err);
	if (rc == TP_OK)
		rc = tp_sbuf_puts(out, tail, err);
	free(tail);
	ctx_free(&c);
	return rc;
}
