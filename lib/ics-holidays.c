/* SPDX-License-Identifier: MIT */
/* Holidays from an iCalendar file (RFC 5545), such as the per-region files
 * gov.uk publishes at https://www.gov.uk/bank-holidays/<region>.ics.
 *
 * libical parses the text but does not say where anything was, so a small
 * scan over the raw text first checks the BEGIN/END structure and records
 * the line of each VEVENT and of its DTSTART and DTEND; libical's n-th
 * VEVENT is the scan's n-th. Errors then name the file and the line. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "calendar-private.h"
#include "date-private.h"
#include "error-private.h"

/* A holiday list is a few kilobytes; anything this large is not one. */
#define ICS_MAX_BYTES ((size_t)16 * 1024 * 1024)
#define ICS_MAX_DEPTH 16
#define ICS_NAME_MAX  32

struct ics_event_lines {
	int begin;
	int dtstart; /* 0 when the VEVENT has no DTSTART line */
	int dtend;   /* 0 when it has no DTEND line */
};

/* The input, what the scan learned about it, and where errors go. */
struct ics_scan {
	const char *source;
	const char *text;
	size_t len;
	struct tp_error *err;
	int calendar_line; /* line of the first BEGIN:VCALENDAR */
	int nlines;
	struct ics_event_lines *events;
	size_t nevents;
	size_t cap;
	char stack[ICS_MAX_DEPTH][ICS_NAME_MAX]; /* open components */
	int stack_line[ICS_MAX_DEPTH];
	int depth;
};

static enum tp_status ics_error(const struct ics_scan *sc, int line,
				const char *fmt, ...) TP_PRINTF(3, 4);

/* TP_ERR_PARSE naming the source and the line. */
static enum tp_status
ics_error(const struct ics_scan *sc, int line, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return tp_error_set_at(sc->err, TP_ERR_PARSE, sc->source, line, 0, "%s",
			       msg);
}

/* ---- structure scan ----------------------------------------------------- */

/* One physical line without its line break: @p .. @p + @n. */
struct ics_line {
	const char *p;
	size_t n;
	int number;
};

/* ASCII-only, so that the process locale cannot matter (a Turkish locale
 * upper-cases 'i' differently). */
static char
ascii_upper(char c)
{
	return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
}

/* Compare @n bytes of @s with the upper-case @key, ignoring case. */
static bool
ascii_prefix(const char *s, const char *key, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (ascii_upper(s[i]) != key[i])
			return false;
	return true;
}

/* True if @line is "KEY:..." or "KEY;..." for @key, ignoring case. */
static bool
line_is_property(const struct ics_line *line, const char *key)
{
	size_t k = strlen(key);
	return line->n > k && ascii_prefix(line->p, key, k) &&
	       (line->p[k] == ':' || line->p[k] == ';');
}

/* If @line is "BEGIN:X" or "END:X" (@key "BEGIN" or "END"), copy X. */
static bool
line_component(const struct ics_line *line, const char *key,
	       char name[ICS_NAME_MAX])
{
	size_t k = strlen(key), n = line->n;

	while (n > 0 && (line->p[n - 1] == ' ' || line->p[n - 1] == '\t'))
		n--;
	if (n <= k + 1 || n - k - 1 >= ICS_NAME_MAX ||
	    !ascii_prefix(line->p, key, k) || line->p[k] != ':')
		return false;
	for (size_t i = 0; i < n - k - 1; i++)
		name[i] = ascii_upper(line->p[k + 1 + i]);
	name[n - k - 1] = '\0';
	return true;
}

static enum tp_status
record_event(struct ics_scan *sc, int line)
{
	if (sc->nevents == sc->cap) {
		size_t ncap = sc->cap ? sc->cap * 2 : 64;
		void *p = realloc(sc->events, ncap * sizeof(*sc->events));
		if (!p)
			return tp_error_nomem(sc->err);
		sc->events = p;
		sc->cap = ncap;
	}
	sc->events[sc->nevents].begin = line;
	sc->events[sc->nevents].dtstart = 0;
	sc->events[sc->nevents].dtend = 0;
	sc->nevents++;
	return TP_OK;
}

static bool
top_is(const struct ics_scan *sc, const char *name)
{
	return sc->depth > 0 && strcmp(sc->stack[sc->depth - 1], name) == 0;
}

static enum tp_status
scan_begin(struct ics_scan *sc, const struct ics_line *line, const char *name)
{
	enum tp_status rc;

	if (sc->depth == 0 && strcmp(name, "VCALENDAR") != 0)
		return ics_error(sc, line->number,
				 "BEGIN:%s outside a VCALENDAR", name);
	if (sc->depth == ICS_MAX_DEPTH)
		return ics_error(sc, line->number,
				 "components are nested more than %d deep",
				 ICS_MAX_DEPTH);
	if (strcmp(name, "VEVENT") == 0 && top_is(sc, "VCALENDAR")) {
		rc = record_event(sc, line->number);
		if (rc)
			return rc;
	}
	if (!sc->calendar_line)
		sc->calendar_line = line->number;
	memcpy(sc->stack[sc->depth], name, ICS_NAME_MAX);
	sc->stack_line[sc->depth++] = line->number;
	return TP_OK;
}

static enum tp_status
scan_end(struct ics_scan *sc, const struct ics_line *line, const char *name)
{
	if (sc->depth == 0)
		return ics_error(sc, line->number,
				 "END:%s without a matching BEGIN", name);
	if (!top_is(sc, name))
		return ics_error(sc, line->number,
				 "END:%s does not close BEGIN:%s of line %d",
				 name, sc->stack[sc->depth - 1],
				 sc->stack_line[sc->depth - 1]);
	sc->depth--;
	return TP_OK;
}

/* A property line inside a VEVENT that belongs to the calendar. */
static void
scan_property(struct ics_scan *sc, const struct ics_line *line)
{
	struct ics_event_lines *ev;

	if (!top_is(sc, "VEVENT") || sc->depth != 2 || !sc->nevents)
		return;
	ev = &sc->events[sc->nevents - 1];
	if (!ev->dtstart && line_is_property(line, "DTSTART"))
		ev->dtstart = line->number;
	else if (!ev->dtend && line_is_property(line, "DTEND"))
		ev->dtend = line->number;
}

static bool
line_blank(const struct ics_line *line)
{
	for (size_t i = 0; i < line->n; i++)
		if (line->p[i] != ' ' && line->p[i] != '\t')
			return false;
	return true;
}

static enum tp_status
scan_line(struct ics_scan *sc, const struct ics_line *line)
{
	char name[ICS_NAME_MAX];

	if (line->n > 0 && (line->p[0] == ' ' || line->p[0] == '\t'))
		return TP_OK; /* a folded continuation */
	if (line_component(line, "BEGIN", name))
		return scan_begin(sc, line, name);
	if (line_component(line, "END", name))
		return scan_end(sc, line, name);
	if (sc->depth == 0 && !line_blank(line)) {
		if (!sc->calendar_line)
			return ics_error(sc, line->number,
					 "not an iCalendar file: it does not "
					 "start with BEGIN:VCALENDAR");
		return ics_error(sc, line->number,
				 "text after the end of the calendar");
	}
	scan_property(sc, line);
	return TP_OK;
}

/* Split the text into lines (LF or CRLF) and check each. */
static enum tp_status
scan_text(struct ics_scan *sc)
{
	const char *p = sc->text, *end = sc->text + sc->len;
	struct ics_line line = {NULL, 0, 0};
	enum tp_status rc;

	/* A UTF-8 byte order mark is not text. */
	if (sc->len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *stop = nl ? nl : end;
		line.p = p;
		line.n = (size_t)(stop - p);
		line.number++;
		if (memchr(p, '\0', line.n))
			return ics_error(sc, line.number,
					 "the file contains a NUL byte");
		if (line.n > 0 && p[line.n - 1] == '\r')
			line.n--;
		rc = scan_line(sc, &line);
		if (rc)
			return rc;
		p = nl ? nl + 1 : end;
	}
	sc->nlines = line.number;
	if (!sc->calendar_line)
		return ics_error(sc, 1,
				 "not an iCalendar file: no "
				 "BEGIN:VCALENDAR");
	if (sc->depth > 0)
		return ics_error(sc, sc->nlines,
				 "the file ends inside %s begun at line %d; "
				 "is it cut short?",
				 sc->stack[sc->depth - 1],
				 sc->stack_line[sc->depth - 1]);
	return TP_OK;
}

/* ---- events ------------------------------------------------------------- */

/* What one import adds up. */
struct ics_import {
	struct ics_scan *sc;
	struct tp_calendar_builder *b;
	size_t index;  /* of the VEVENT being read */
	size_t usable; /* events read */
	int min_year;
	int max_year;
};

/* The lines of the VEVENT being read. When libical saw a VEVENT the scan
 * did not (a BEGIN line it read more leniently), point at the calendar. */
static struct ics_event_lines
event_lines(const struct ics_import *im)
{
	struct ics_event_lines none = {im->sc->calendar_line, 0, 0};
	if (im->index < im->sc->nevents)
		return im->sc->events[im->index];
	return none;
}

/* The text libical left in an X-LIC-ERROR about @prop, or NULL. */
static const char *
libical_complaint(icalcomponent *ev, const char *prop)
{
	icalproperty *p;

	for (p = icalcomponent_get_first_property(ev, ICAL_XLICERROR_PROPERTY);
	     p;
	     p = icalcomponent_get_next_property(ev, ICAL_XLICERROR_PROPERTY)) {
		const char *text = icalproperty_get_xlicerror(p);
		if (text && strstr(text, prop))
			return text;
	}
	return NULL;
}

/* Turn a DATE value into a checked struct tp_date. */
static enum tp_status
ical_date(const struct ics_import *im, struct icaltimetype t, const char *prop,
	  int line, struct tp_date *out)
{
	struct tp_error sub;

	if (!t.is_date)
		return ics_error(im->sc, line,
				 "%s has a time of day; a holiday needs an "
				 "all-day date (%s;VALUE=DATE:YYYYMMDD)",
				 prop, prop);
	if (tp_date_from_ymd(t.year, t.month, t.day, out, &sub))
		return ics_error(im->sc, line, "%s: %s", prop, sub.message);
	return TP_OK;
}

static enum tp_status
event_start(const struct ics_import *im, icalcomponent *ev, struct tp_date *out)
{
	const struct ics_event_lines lines = event_lines(im);
	int line = lines.dtstart ? lines.dtstart : lines.begin;
	icalproperty *p =
		icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
	const char *why;

	if (!p) {
		why = libical_complaint(ev, "DTSTART");
		if (why)
			return ics_error(im->sc, line, "bad DTSTART: %s", why);
		return ics_error(im->sc, line, "VEVENT has no DTSTART");
	}
	return ical_date(im, icalproperty_get_dtstart(p), "DTSTART", line, out);
}

/* The last day of an event from DURATION (whole days only). */
static enum tp_status
event_duration(const struct ics_import *im, icalcomponent *ev,
	       struct tp_date first, struct tp_date *last)
{
	icalproperty *p =
		icalcomponent_get_first_property(ev, ICAL_DURATION_PROPERTY);
	struct icaldurationtype d;
	int64_t days;

	*last = first;
	if (!p)
		return TP_OK;
	d = icalproperty_get_duration(p);
	days = (int64_t)d.weeks * 7 + d.days;
	if (d.is_neg || d.hours || d.minutes || d.seconds)
		return ics_error(im->sc, event_lines(im).begin,
				 "DURATION of an all-day event must be a "
				 "whole number of days");
	if (days > TP_ICS_MAX_EVENT_DAYS)
		days = TP_ICS_MAX_EVENT_DAYS + 1; /* reported by the caller */
	if (days > 1)
		last->day = first.day + (int32_t)days - 1;
	return TP_OK;
}

/* The last day of an event: DTEND is exclusive; missing or equal to
 * DTSTART (older gov.uk files) means one day. */
static enum tp_status
event_last(const struct ics_import *im, icalcomponent *ev, struct tp_date first,
	   struct tp_date *last)
{
	const struct ics_event_lines lines = event_lines(im);
	int line = lines.dtend ? lines.dtend : lines.begin;
	icalproperty *p =
		icalcomponent_get_first_property(ev, ICAL_DTEND_PROPERTY);
	const char *why;
	struct tp_date end;
	enum tp_status rc;

	if (!p) {
		why = libical_complaint(ev, "DTEND");
		if (why)
			return ics_error(im->sc, line, "bad DTEND: %s", why);
		return event_duration(im, ev, first, last);
	}
	rc = ical_date(im, icalproperty_get_dtend(p), "DTEND", line, &end);
	if (rc)
		return rc;
	if (end.day < first.day)
		return ics_error(im->sc, line, "DTEND is before DTSTART");
	last->day = end.day > first.day ? end.day - 1 : first.day;
	return TP_OK;
}

static enum tp_status
check_event_range(const struct ics_import *im, struct tp_date first,
		  struct tp_date last)
{
	const struct ics_event_lines lines = event_lines(im);
	int line = lines.dtstart ? lines.dtstart : lines.begin;
	char a[TP_DATE_STRLEN];

	if (last.day - first.day >= TP_ICS_MAX_EVENT_DAYS)
		return ics_error(
			im->sc, line, "event from %s lasts more than %d days",
			tp_date_format(first, a), TP_ICS_MAX_EVENT_DAYS);
	if (first.day < tp_builder_first_day(im->b) ||
	    last.day > tp_builder_last_day(im->b))
		return ics_error(im->sc, line,
				 "event on %s is outside the calendar's "
				 "range %d-01-01 to %d-12-31",
				 tp_date_format(first, a), im->b->from_year,
				 im->b->to_year);
	return TP_OK;
}

static enum tp_status
read_event(struct ics_import *im, icalcomponent *ev)
{
	struct tp_date first = {0}, last = {0};
	const char *name;
	enum tp_status rc;
	int y1, y2;

	if ((rc = event_start(im, ev, &first)) ||
	    (rc = event_last(im, ev, first, &last)) ||
	    (rc = check_event_range(im, first, last)))
		return rc;
	name = icalcomponent_get_summary(ev);
	if (name && !name[0])
		name = NULL;
	rc = tp_builder_add_span(im->b, first.day, last.day,
				 TP_HOLIDAY_IMPORTED, name, im->sc->err);
	if (rc)
		return rc;
	y1 = tp_date_year(first);
	y2 = tp_date_year(last);
	if (!im->usable || y1 < im->min_year)
		im->min_year = y1;
	if (!im->usable || y2 > im->max_year)
		im->max_year = y2;
	im->usable++;
	return TP_OK;
}

static enum tp_status
read_calendar(struct ics_import *im, icalcomponent *cal)
{
	icalcomponent *ev;
	enum tp_status rc;

	for (ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	     ev; ev = icalcomponent_get_next_component(cal,
						       ICAL_VEVENT_COMPONENT)) {
		rc = read_event(im, ev);
		if (rc)
			return rc;
		im->index++;
	}
	return TP_OK;
}

static enum tp_status
read_root(struct ics_import *im, icalcomponent *root)
{
	icalcomponent *cal;
	enum tp_status rc;

	if (icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT)
		return read_calendar(im, root);
	/* Several VCALENDARs come back under an XROOT. */
	for (cal = icalcomponent_get_first_component(root,
						     ICAL_VCALENDAR_COMPONENT);
	     cal; cal = icalcomponent_get_next_component(
			  root, ICAL_VCALENDAR_COMPONENT)) {
		rc = read_calendar(im, cal);
		if (rc)
			return rc;
	}
	return TP_OK;
}

static size_t
count_in(icalcomponent *cal)
{
	return (size_t)icalcomponent_count_components(cal,
						      ICAL_VEVENT_COMPONENT);
}

/* The VEVENTs libical found, to compare with the scan. */
static size_t
count_events(icalcomponent *root)
{
	icalcomponent *cal;
	size_t n = 0;

	if (icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT)
		return count_in(root);
	for (cal = icalcomponent_get_first_component(root,
						     ICAL_VCALENDAR_COMPONENT);
	     cal; cal = icalcomponent_get_next_component(
			  root, ICAL_VCALENDAR_COMPONENT))
		n += count_in(cal);
	return n;
}

static enum tp_status
import_events(struct ics_scan *sc, struct tp_calendar_builder *b,
	      enum tp_ics_mode mode)
{
	struct ics_import im = {sc, b, 0, 0, 0, 0};
	icalcomponent *root;
	enum tp_status rc;
	char *copy;

	/* libical wants a NUL-terminated string; the scan has checked that
	 * the text holds no NUL. */
	copy = malloc(sc->len + 1);
	if (!copy)
		return tp_error_nomem(sc->err);
	memcpy(copy, sc->text, sc->len);
	copy[sc->len] = '\0';
	root = icalparser_parse_string(copy);
	free(copy);
	if (!root)
		return ics_error(sc, sc->calendar_line,
				 "libical could not read the calendar");
	/* If libical read a VEVENT the scan did not (it is lenient about a
	 * malformed BEGIN line), the scan's lines cannot be matched to the
	 * events: errors then point at the calendar's first line. */
	if (count_events(root) != sc->nevents)
		sc->nevents = 0;
	rc = read_root(&im, root);
	icalcomponent_free(root);
	if (rc)
		return rc;
	if (!im.usable)
		return ics_error(sc, sc->calendar_line,
				 "no holidays: the calendar has no VEVENT "
				 "with a DTSTART");
	if (mode == TP_ICS_REPLACE)
		return tp_builder_add_replaced(b, im.min_year, im.max_year,
					       sc->err);
	return TP_OK;
}

TP_EXPORT enum tp_status
tp_calendar_builder_load_ics_data(struct tp_calendar_builder *b,
				  const char *data, size_t len,
				  const char *source_name,
				  enum tp_ics_mode mode, struct tp_error *err)
{
	struct ics_scan sc;
	struct tp_builder_mark mark;
	enum tp_status rc;

	if (!b || (!data && len))
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "no builder or no data");
	if (mode != TP_ICS_ADD && mode != TP_ICS_REPLACE)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "unknown iCalendar mode %d", (int)mode);
	memset(&sc, 0, sizeof(sc));
	sc.source = source_name ? source_name : "<data>";
	sc.text = data ? data : "";
	sc.len = len;
	sc.err = err;
	if (len > ICS_MAX_BYTES)
		return tp_error_set_at(err, TP_ERR_PARSE, sc.source, 0, 0,
				       "%zu bytes is too large for a holiday "
				       "list (the limit is %zu MiB)",
				       len, ICS_MAX_BYTES >> 20);
	mark = tp_builder_mark(b);
	rc = scan_text(&sc);
	if (!rc)
		rc = import_events(&sc, b, mode);
	if (rc)
		tp_builder_rollback(b, mark);
	free(sc.events);
	return rc;
}

/* Read all of @f, at most ICS_MAX_BYTES + 1 bytes. */
static enum tp_status
read_stream(FILE *f, const char *path, char **out, size_t *len,
	    struct tp_error *err)
{
	size_t cap = 65536, n = 0;
	char *buf = malloc(cap), *p;

	if (!buf)
		return tp_error_nomem(err);
	for (;;) {
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (n > ICS_MAX_BYTES || got == 0)
			break;
		if (n == cap) {
			cap *= 2;
			if (!(p = realloc(buf, cap))) {
				free(buf);
				return tp_error_nomem(err);
			}
			buf = p;
		}
	}
	if (ferror(f)) {
		free(buf);
		return tp_error_set_at(err, TP_ERR_IO, path, 0, 0,
				       "cannot read the file");
	}
	*out = buf;
	*len = n;
	return TP_OK;
}

TP_EXPORT enum tp_status
tp_calendar_builder_load_ics(struct tp_calendar_builder *b, const char *path,
			     enum tp_ics_mode mode, struct tp_error *err)
{
	enum tp_status rc;
	char *data = NULL;
	size_t len = 0;
	FILE *f;

	if (!b || !path)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "no builder or no file name");
	f = fopen(path, "rb");
	if (!f)
		return tp_error_set_at(err, TP_ERR_IO, path, 0, 0,
				       "cannot open the file: %s",
				       strerror(errno));
	rc = read_stream(f, path, &data, &len, err);
	fclose(f);
	if (rc)
		return rc;
	if (len > ICS_MAX_BYTES)
		rc = tp_error_set_at(err, TP_ERR_PARSE, path, 0, 0,
				     "the file is larger than %zu MiB, too "
				     "large for a holiday list",
				     ICS_MAX_BYTES >> 20);
	else
		rc = tp_calendar_builder_load_ics_data(b, data, len, path, mode,
						       err);
	free(data);
	return rc;
}
