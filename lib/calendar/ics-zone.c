/* SPDX-License-Identifier: MIT */
/* The VTIMEZONE of an iCalendar export: libical's zone (built by libical
 * from the system's tzdata, /usr/share/zoneinfo), truncated to the years
 * the calendar uses with icaltimezone_truncate_vtimezone() in its
 * Microsoft-compatible form, under the plain IANA TZID, then checked
 * against the tzdata transitions before it is used.
 *
 * libical 3.0.16 (Debian 12) gets some of this wrong, and each repair
 * below names what it mends:
 * 1. Its conversion of tzdata to RRULEs loses days from "Sun>=N" rules:
 *    Europe/London's 1976-1980 rule comes out as BYDAY=SU;
 *    BYMONTHDAY=24,26,28,29, which misses Sun 23 Oct 1977, so libical puts
 *    23 Oct 1977 - 19 Mar 1978 in BST (tzdata: GMT). The days of such a
 *    rule are completed from the tzdata transitions it stands for.
 * 2. Truncating in the Microsoft-compatible form can drop the observance
 *    in force when the window opens (the STANDARD onset of 26 Oct 1975
 *    for a window from 1976), leaving an earlier DAYLIGHT onset to rule.
 *    That onset is put back as an observance of its own.
 * 3. Truncating the end of a rule can leave an RDATE in UTC, which RFC
 *    5545 3.6.5 forbids in a VTIMEZONE; it is turned into local time.
 * 4. X-LIC-LOCATION and TZUNTIL are removed: python-dateutil's tzical
 *    refuses a VTIMEZONE with properties it does not know.
 * 5. python-dateutil reads a UTC UNTIL as local time, which drops the last
 *    onset of a rule whose offset is ahead of UTC (the STANDARD onset of
 *    26 Oct 2036 at 01:00 UTC reads as 01:00 local, before its 02:00).
 *    UNTIL is moved later by that offset: still before the next onset a
 *    year on, so the rule means the same to a reader that gets it right.
 * Then every tzdata transition in the window and every day at noon UTC
 * must give the same offset in the result as in tzdata (and in the
 * repaired full zone); otherwise the export fails rather than put a
 * deadline an hour out. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libical/ical.h>

#include "error-private.h"
#include "export-private.h"

/* ---- tzdata transitions (RFC 8536 TZif, version 2 and later) ---------- */

struct transition {
	int64_t t;    /* UTC seconds */
	int32_t from; /* UTC offset before */
	int32_t to;   /* UTC offset after */
	bool dst;     /* the offset after is daylight time */
	char abbr[8]; /* its abbreviation ("BST") */
};

struct transitions {
	struct transition *v;
	size_t n;
};

#define TZIF_MAX (1u << 20)

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static int64_t
be64(const unsigned char *p)
{
	return (int64_t)((uint64_t)be32(p) << 32 | be32(p + 4));
}

/* A zone name safe to join to the zone directory. */
static bool
zone_name_ok(const char *tzid)
{
	if (!*tzid || tzid[0] == '/' || strstr(tzid, ".."))
		return false;
	for (const char *p = tzid; *p; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		      (*p >= '0' && *p <= '9') || strchr("/_+-", *p)))
			return false;
	return true;
}

struct tzif_counts {
	uint32_t isut, isstd, leap, time, type, chars;
};

static bool
counts_at(const unsigned char *buf, size_t len, size_t off,
	  struct tzif_counts *c)
{
	const unsigned char *h = buf + off;

	if (off + 44 > len || memcmp(h, "TZif", 4) != 0)
		return false;
	*c = (struct tzif_counts){be32(h + 20), be32(h + 24), be32(h + 28),
				  be32(h + 32), be32(h + 36), be32(h + 40)};
	return c->time < 100000 && c->type >= 1 && c->type < 256 &&
	       c->chars < 4096 && c->leap < 10000 && c->isut <= c->type &&
	       c->isstd <= c->type;
}

static void
fill_transition(struct transition *tr, const unsigned char *tt,
		const unsigned char *chars, uint32_t nchars, unsigned prev,
		unsigned cur)
{
	const unsigned char *a = tt + 6 * cur, *b = tt + 6 * prev;
	size_t k = a[5];

	tr->to = (int32_t)be32(a);
	tr->from = (int32_t)be32(b);
	tr->dst = a[4] != 0;
	snprintf(tr->abbr, sizeof(tr->abbr), "%.*s",
		 k < nchars ? (int)strnlen((const char *)chars + k, nchars - k)
			    : 0,
		 k < nchars ? (const char *)chars + k : "");
}

/* The version 2 data block: 64-bit transition times. */
static bool
parse_tzif(const unsigned char *buf, size_t len, struct transitions *out)
{
	struct tzif_counts c;
	size_t off;
	const unsigned char *times, *idx, *tt, *chars;

	if (!counts_at(buf, len, 0, &c) || buf[4] < '2')
		return false;
	off = 44 + (size_t)c.time * 5 + (size_t)c.type * 6 + c.chars +
	      (size_t)c.leap * 8 + c.isstd + c.isut;
	if (!counts_at(buf, len, off, &c))
		return false;
	times = buf + off + 44;
	idx = times + (size_t)c.time * 8;
	tt = idx + c.time;
	chars = tt + (size_t)c.type * 6;
	if ((size_t)(chars + c.chars - buf) > len)
		return false;
	out->v = calloc(c.time + 1, sizeof(*out->v));
	if (!out->v)
		return false;
	for (uint32_t i = 0; i < c.time; i++) {
		if (idx[i] >= c.type)
			return false;
		out->v[i].t = be64(times + 8 * (size_t)i);
		fill_transition(&out->v[i], tt, chars, c.chars,
				i ? idx[i - 1] : 0, idx[i]);
	}
	out->n = c.time;
	return true;
}

/* The transitions of @p tzid from the zone directory libical reads, or none
 * (n = 0) when there is no such file: the checks against tzdata are then
 * skipped. */
static enum tp_status
read_transitions(const char *tzid, struct transitions *out,
		 struct tp_error *err)
{
	const char *dir = icaltzutil_get_zone_directory();
	char path[PATH_MAX];
	unsigned char *buf;
	size_t len;
	FILE *f;
	int n = snprintf(path, sizeof(path), "%s/%s", dir ? dir : "", tzid);

	out->v = NULL;
	out->n = 0;
	if (!dir || !zone_name_ok(tzid) || n < 0 || (size_t)n >= sizeof(path) ||
	    !(f = fopen(path, "rb")))
		return TP_OK;
	buf = malloc(TZIF_MAX);
	len = buf ? fread(buf, 1, TZIF_MAX, f) : 0;
	fclose(f);
	if (!buf)
		return tp_error_nomem(err);
	if (!parse_tzif(buf, len, out)) {
		free(out->v);
		out->v = NULL;
		out->n = 0;
	}
	free(buf);
	return TP_OK;
}

/* ---- times ------------------------------------------------------------ */

static struct icaltimetype
utc_time(int64_t t)
{
	return icaltime_from_timet_with_zone((time_t)t, 0,
					     icaltimezone_get_utc_timezone());
}

/* Local wall-clock time of UTC @p t at @p offset, without a zone. */
static struct icaltimetype
local_time(int64_t t, int32_t offset)
{
	struct icaltimetype l = utc_time(t + offset);

	l.zone = NULL;
	return l;
}

static int
offset_at(icaltimezone *z, int64_t t)
{
	struct icaltimetype u = utc_time(t);
	int dst = 0;

	return icaltimezone_get_utc_offset_of_utc_time(z, &u, &dst);
}

/* ---- repair 1: complete "Sun>=N" rules -------------------------------- */

static int
prop_offset(icalcomponent *obs, icalproperty_kind kind)
{
	icalproperty *p = icalcomponent_get_first_property(obs, kind);

	if (!p)
		return INT_MIN;
	return kind == ICAL_TZOFFSETFROM_PROPERTY
		       ? icalproperty_get_tzoffsetfrom(p)
		       : icalproperty_get_tzoffsetto(p);
}

static void
add_month_day(struct icalrecurrencetype *r, short day)
{
	size_t n = 0;

	while (n < ICAL_BY_MONTHDAY_SIZE - 1 &&
	       r->by_month_day[n] != ICAL_RECURRENCE_ARRAY_MAX) {
		if (r->by_month_day[n] == day)
			return;
		n++;
	}
	if (n >= ICAL_BY_MONTHDAY_SIZE - 1)
		return;
	while (n > 0 && r->by_month_day[n - 1] > day) {
		r->by_month_day[n] = r->by_month_day[n - 1];
		n--;
	}
	r->by_month_day[n] = day;
	for (n = 0; r->by_month_day[n] != ICAL_RECURRENCE_ARRAY_MAX; n++)
		;
	r->by_month_day[n + 1] = ICAL_RECURRENCE_ARRAY_MAX;
}

/* Does transition @p tr belong to the rule @p r starting @p start? */
static bool
rule_has(const struct icalrecurrencetype *r, struct icaltimetype start,
	 int from, int to, const struct transition *tr)
{
	struct icaltimetype l = local_time(tr->t, from);
	int wd = icalrecurrencetype_day_day_of_week(r->by_day[0]);

	if (tr->from != from || tr->to != to || l.month != r->by_month[0] ||
	    l.hour != start.hour || l.minute != start.minute ||
	    l.second != start.second || l.year < start.year)
		return false;
	if (!icaltime_is_null_time(r->until) && l.year > r->until.year)
		return false;
	return icaltime_day_of_week(l) == wd;
}

/* BYDAY=<weekday>;BYMONTHDAY=<days>: add the days of the tzdata
 * transitions the rule stands for. */
static void
complete_rule(icalcomponent *obs, const struct transitions *trs)
{
	icalproperty *rp =
		icalcomponent_get_first_property(obs, ICAL_RRULE_PROPERTY);
	icalproperty *sp =
		icalcomponent_get_first_property(obs, ICAL_DTSTART_PROPERTY);
	int from = prop_offset(obs, ICAL_TZOFFSETFROM_PROPERTY);
	int to = prop_offset(obs, ICAL_TZOFFSETTO_PROPERTY);
	struct icalrecurrencetype r;

	if (!rp || !sp || from == INT_MIN || to == INT_MIN)
		return;
	r = icalproperty_get_rrule(rp);
	if (r.freq != ICAL_YEARLY_RECURRENCE ||
	    r.by_month_day[0] == ICAL_RECURRENCE_ARRAY_MAX ||
	    r.by_day[0] == ICAL_RECURRENCE_ARRAY_MAX ||
	    r.by_day[1] != ICAL_RECURRENCE_ARRAY_MAX ||
	    icalrecurrencetype_day_position(r.by_day[0]) != 0 ||
	    r.by_month[0] == ICAL_RECURRENCE_ARRAY_MAX ||
	    r.by_month[1] != ICAL_RECURRENCE_ARRAY_MAX)
		return;
	for (size_t i = 0; i < trs->n; i++)
		if (rule_has(&r, icalproperty_get_dtstart(sp), from, to,
			     &trs->v[i]))
			add_month_day(&r,
				      (short)local_time(trs->v[i].t, from).day);
	icalproperty_set_rrule(rp, r);
}

/* ---- repairs after truncation ----------------------------------------- */

static icalcomponent *
observance(const struct transition *tr)
{
	icalcomponent *o = icalcomponent_new(
		tr->dst ? ICAL_XDAYLIGHT_COMPONENT : ICAL_XSTANDARD_COMPONENT);

	if (!o)
		return NULL;
	icalcomponent_add_property(o, icalproperty_new_tzname(tr->abbr));
	icalcomponent_add_property(o, icalproperty_new_tzoffsetfrom(tr->from));
	icalcomponent_add_property(o, icalproperty_new_tzoffsetto(tr->to));
	icalcomponent_add_property(
		o, icalproperty_new_dtstart(local_time(tr->t, tr->from)));
	return o;
}

/* Repair 2: the observance in force when the window opens. */
static enum tp_status
keep_opening(icalcomponent *vtz, const struct transitions *trs, int64_t start,
	     struct tp_error *err)
{
	const struct transition *last = NULL;
	icaltimezone *z;
	int got;

	for (size_t i = 0; i < trs->n && trs->v[i].t < start; i++)
		last = &trs->v[i];
	if (!last)
		return TP_OK;
	z = icaltimezone_new();
	if (!z ||
	    !icaltimezone_set_component(z, icalcomponent_new_clone(vtz))) {
		icaltimezone_free(z, 1);
		return tp_error_nomem(err);
	}
	got = offset_at(z, start);
	icaltimezone_free(z, 1);
	if (got == last->to)
		return TP_OK;
	icalcomponent *o = observance(last);
	if (!o)
		return tp_error_nomem(err);
	icalcomponent_add_component(vtz, o);
	return TP_OK;
}

static void
remove_props(icalcomponent *c, icalproperty_kind kind)
{
	icalproperty *p, *next;

	for (p = icalcomponent_get_first_property(c, kind); p; p = next) {
		next = icalcomponent_get_next_property(c, kind);
		icalcomponent_remove_property(c, p);
		icalproperty_free(p);
	}
}

/* Repairs 3 and 5 on one observance. */
static void
mend_observance(icalcomponent *o)
{
	int from = prop_offset(o, ICAL_TZOFFSETFROM_PROPERTY);
	icalproperty *p;

	if (from == INT_MIN)
		return;
	for (p = icalcomponent_get_first_property(o, ICAL_RDATE_PROPERTY); p;
	     p = icalcomponent_get_next_property(o, ICAL_RDATE_PROPERTY)) {
		struct icaldatetimeperiodtype d = icalproperty_get_rdate(p);
		if (!icaltime_is_utc(d.time))
			continue;
		icaltime_adjust(&d.time, 0, 0, 0, from);
		d.time.zone = NULL;
		icalproperty_set_rdate(p, d);
	}
	p = icalcomponent_get_first_property(o, ICAL_RRULE_PROPERTY);
	if (p && from > 0) {
		struct icalrecurrencetype r = icalproperty_get_rrule(p);
		if (!icaltime_is_null_time(r.until)) {
			icaltime_adjust(&r.until, 0, 0, 0, from);
			icalproperty_set_rrule(p, r);
		}
	}
}

static void
mend(icalcomponent *vtz, const char *tzid)
{
	icalproperty *id =
		icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY);

	remove_props(vtz, ICAL_X_PROPERTY); /* X-LIC-LOCATION */
	remove_props(vtz, ICAL_TZUNTIL_PROPERTY);
	if (id)
		icalproperty_set_tzid(id, tzid);
	for (icalcomponent *o =
		     icalcomponent_get_first_component(vtz, ICAL_ANY_COMPONENT);
	     o; o = icalcomponent_get_next_component(vtz, ICAL_ANY_COMPONENT))
		mend_observance(o);
}

/* ---- the check -------------------------------------------------------- */

static enum tp_status
mismatch(const char *tzid, int64_t t, struct tp_error *err)
{
	struct icaltimetype u = utc_time(t);

	return tp_error_setf(err, TP_ERR_INVALID, NULL,
			     "time zone '%s': libical's rules and the system's "
			     "tzdata disagree on %04d-%02d-%02d; times in this "
			     "zone cannot be exported reliably",
			     tzid, u.year, u.month, u.day);
}

/* The offset at @p t by tzdata's own transitions, into @p out; false at
 * or past the last one, where the file's rule for later years (its
 * footer, not read) takes over. */
static bool
tzdata_offset(const struct transitions *trs, int64_t t, int *out)
{
	size_t lo = 0, hi = trs->n;

	if (trs->n == 0 || t >= trs->v[trs->n - 1].t)
		return false;
	while (lo < hi) { /* the first transition after t */
		size_t mid = lo + (hi - lo) / 2;
		if (trs->v[mid].t <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	*out = lo == 0 ? trs->v[0].from : trs->v[lo - 1].to;
	return true;
}

/* The VTIMEZONE written (@p mine) against tzdata: at each of its
 * transitions in the range, then at noon UTC of every day, against the
 * transitions themselves while they last and against libical's whole
 * zone (@p full) after them. libical expands a zone only when asked for
 * an offset, so the whole zone, which it expands from its first years, is
 * only expanded for the years past tzdata's list (2037 in Debian's). */
static enum tp_status
check_zone(const char *tzid, icaltimezone *mine, icaltimezone *full,
	   const struct transitions *trs, int64_t start, int64_t end,
	   struct tp_error *err)
{
	for (size_t i = 0; i < trs->n; i++) {
		const struct transition *tr = &trs->v[i];
		if (tr->t < start || tr->t >= end)
			continue;
		if (offset_at(mine, tr->t - 1) != tr->from ||
		    offset_at(mine, tr->t) != tr->to)
			return mismatch(tzid, tr->t, err);
	}
	for (int64_t t = start + 43200; t < end; t += 86400) {
		int want;
		if (!tzdata_offset(trs, t, &want))
			want = offset_at(full, t);
		if (offset_at(mine, t) != want)
			return mismatch(tzid, t, err);
	}
	return TP_OK;
}

static icaltimezone *
zone_of(icalcomponent *c)
{
	icaltimezone *z = icaltimezone_new();

	if (z && !icaltimezone_set_component(z, icalcomponent_new_clone(c))) {
		icaltimezone_free(z, 1);
		return NULL;
	}
	return z;
}

/* ---- the VTIMEZONE ---------------------------------------------------- */

struct zone_job {
	const char *tzid;
	int64_t start, end;
	struct transitions trs;
	icalcomponent *full, *vtz;
	icaltimezone *full_zone, *zone;
};

/* 1 January of @p year, 00:00 UTC (2201 included: past the calendar's
 * last year, so TP_DATE rather than tp_date_from_ymd()). */
static int64_t
jan1(int year)
{
	struct tp_date d = TP_DATE(year, 1, 1);

	return (int64_t)d.day * 86400;
}

/* libical's whole zone, with repair 1. */
static enum tp_status
load_full(struct zone_job *j, struct tp_error *err)
{
	icaltimezone *z = icaltimezone_get_builtin_timezone(j->tzid);
	icalcomponent *c = z ? icaltimezone_get_component(z) : NULL;
	enum tp_status rc;

	if (!c)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "unknown time zone '%s'", j->tzid);
	rc = read_transitions(j->tzid, &j->trs, err);
	if (rc != TP_OK)
		return rc;
	j->full = icalcomponent_new_clone(c);
	if (!j->full)
		return tp_error_nomem(err);
	for (icalcomponent *o = icalcomponent_get_first_component(
		     j->full, ICAL_ANY_COMPONENT);
	     o;
	     o = icalcomponent_get_next_component(j->full, ICAL_ANY_COMPONENT))
		complete_rule(o, &j->trs);
	return TP_OK;
}

static enum tp_status
build(struct zone_job *j, struct tp_error *err)
{
	enum tp_status rc = load_full(j, err);

	if (rc != TP_OK)
		return rc;
	j->vtz = icalcomponent_new_clone(j->full);
	if (!j->vtz)
		return tp_error_nomem(err);
	icaltimezone_truncate_vtimezone(j->vtz, utc_time(j->start),
					utc_time(j->end), 1);
	rc = keep_opening(j->vtz, &j->trs, j->start, err);
	if (rc != TP_OK)
		return rc;
	mend(j->vtz, j->tzid);
	j->full_zone = zone_of(j->full);
	j->zone = zone_of(j->vtz);
	if (!j->full_zone || !j->zone)
		return tp_error_nomem(err);
	return check_zone(j->tzid, j->zone, j->full_zone, &j->trs, j->start,
			  j->end, err);
}

enum tp_status
tp_ics_vtimezone(const char *tzid, icalcomponent **out, struct tp_error *err)
{
	struct zone_job j = {.tzid = tzid};
	enum tp_status rc = load_full(&j, err);

	if (rc == TP_OK) {
		mend(j.full, tzid);
		*out = j.full;
		j.full = NULL;
	}
	if (j.full)
		icalcomponent_free(j.full);
	free(j.trs.v);
	return rc;
}

enum tp_status
tp_ics_vtimezone_range(const char *tzid, struct tp_date first,
		       struct tp_date last, icalcomponent **out,
		       icaltimezone **zone, struct tp_error *err)
{
	int y0 = 1970, y1 = 1970, m, d;
	struct zone_job j = {.tzid = tzid};
	enum tp_status rc;

	tp_date_to_ymd(first, &y0, &m, &d);
	tp_date_to_ymd(last, &y1, &m, &d);
	/* from 1 January of the first year to the end of the year after the
	 * last (room for a DTEND after a late deadline) */
	j.start = jan1(y0);
	j.end = jan1(y1 + 2);
	rc = build(&j, err);
	if (rc == TP_OK) {
		*out = j.vtz;
		j.vtz = NULL;
		if (zone) {
			*zone = j.zone;
			j.zone = NULL;
		}
	}
	if (j.zone)
		icaltimezone_free(j.zone, 1);
	if (j.full_zone)
		icaltimezone_free(j.full_zone, 1);
	if (j.vtz)
		icalcomponent_free(j.vtz);
	if (j.full)
		icalcomponent_free(j.full);
	free(j.trs.v);
	return rc;
}
