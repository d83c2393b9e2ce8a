/* SPDX-License-Identifier: MIT */
/* Holidays from an iCalendar file (RFC 5545), such as the per-region files
 * gov.uk publishes at https://www.gov.uk/bank-holidays/<region>.ics, or a
 * calendar app's export with recurring events.
 *
 * Three steps, each linear in the input:
 *
 * 1. A scan of the text, on unfolded content lines (RFC 5545 section
 *    3.1), checks what libical would read slowly, wrongly or loudly: the
 *    BEGIN/END structure and its depth (libical frees components
 *    recursively: deep nesting written with folded lines overflowed the
 *    stack), line length (libical's line reader is quadratic in it), NUL
 *    and control characters, UTF-8, and one DTSTART (and DTEND, RRULE,
 *    ...) per event. It copies the properties of each VEVENT that say
 *    when and what it is into a small, well-formed calendar, folded short,
 *    keeping each property's line for errors.
 * 2. libical parses that calendar: every date, rule and text is read by
 *    libical, and libical never sees the rest of the file, so its own
 *    diagnostics (it prints some to stderr, whatever the caller wants, and
 *    libical 3 has no switch for that) cannot be triggered.
 * 3. Each event's dates are expanded over the builder's years as a calendar
 *    app does: DTSTART, then RRULE with libical's recurrence iterator, then
 *    RDATE, less EXDATE (an EXDATE of the DTSTART itself removes it); an
 *    event with STATUS:CANCELLED gives no days; an event with a
 *    RECURRENCE-ID replaces (or cancels) one date of the series with the
 *    same UID. What RFC 5545 leaves undefined, or what this reader cannot
 *    follow, is refused with the file and line: two DTSTARTs in an event,
 *    a DTSTART that is not a date of its own RRULE, two events with one
 *    UID and different dates, RANGE=THISANDFUTURE, METHOD:CANCEL.
 *
 * The work is bounded for any input up to ICS_MAX_BYTES: lines, events,
 * occurrences and recurrence rules each have a cap, refused with a
 * message. See tests/bench/bench-hardening.c for the figures. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libical/ical.h>

#include "calendar-private.h"
#include "date-private.h"
#include "error-private.h"
#include "ical-recur-private.h"
#include "text-private.h"

/* A holiday list is a few kilobytes; anything this large is not one. */
#define ICS_MAX_BYTES ((size_t)16 * 1024 * 1024)
#define ICS_MAX_DEPTH 16
#define ICS_NAME_MAX  32
/* An unfolded content line. RFC 5545 folds at 75 octets; a long
 * DESCRIPTION or an attachment is far shorter than this. */
#define ICS_MAX_LINE   ((size_t)1 << 20)
#define ICS_MAX_EVENTS 50000
/* Dates produced by all events together (single days, recurrences and
 * RDATEs, before EXDATE), about 270 years of every day. */
#define ICS_MAX_OCCURRENCES 100000
/* Properties copied for libical (each value of an RDATE or EXDATE list
 * counts): libical's parser takes about 2 us for each. */
#define ICS_MAX_PROPS 250000
/* Bytes of a holiday's name (SUMMARY). */
#define ICS_MAX_NAME 256
/* Parameters on a property that is read. */
#define ICS_MAX_PARAMS 16
/* Recurrence rules: a yearly rule costs 1, a monthly, weekly or daily one
 * ICS_COSTLY_RULE (libical may walk thousands of periods between dates of
 * such a rule); a file may spend ICS_RULE_BUDGET. */
#define ICS_RULE_BUDGET 100
#define ICS_COSTLY_RULE 50
/* Width of the lines written for libical. */
#define ICS_FOLD 64

/* The properties of a VEVENT that are read. */
enum prop_kind {
	P_DTSTART,
	P_DTEND,
	P_DURATION,
	P_RRULE,
	P_STATUS,
	P_SUMMARY,
	P_UID,
	P_RECURRENCE_ID,
	P_RDATE, /* from here on a property may occur more than once */
	P_EXDATE,
	P_NKINDS,
	P_NONE = P_NKINDS,
};

static const char *const prop_names[P_NKINDS] = {
	"DTSTART", "DTEND", "DURATION",      "RRULE", "STATUS",
	"SUMMARY", "UID",   "RECURRENCE-ID", "RDATE", "EXDATE",
};

/* A property copied for libical, and its line. */
struct ics_prop {
	enum prop_kind kind;
	int line;
};

struct ics_event {
	int begin;            /* line of BEGIN:VEVENT */
	int line[P_NKINDS];   /* first line of each kind, 0 for none */
	size_t first, nprops; /* its properties in ics_scan.props */
};

/* The input, what the scan learned about it, and where errors go. */
struct ics_scan {
	const char *source;
	const char *text;
	size_t len;
	struct tp_error *err;
	int calendar_line; /* line of the first BEGIN:VCALENDAR */
	int nlines;
	struct ics_event *events;
	size_t nevents, ecap;
	struct ics_prop *props;
	size_t nprops, pcap;
	char *out; /* the calendar written for libical */
	size_t olen, ocap;
	char *line; /* the logical line being read, unfolded */
	size_t lcap;
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
	return tp_error_set_at(sc->err, TP_ERR_PARSE, sc->source,
			       line > 0 ? line : 1, 0, "%s", msg);
}

/* ---- growing arrays ----------------------------------------------------- */

static bool
grow(void **items, size_t *cap, size_t n, size_t size, size_t first)
{
	size_t ncap;
	void *p;

	if (n < *cap)
		return true;
	ncap = *cap ? *cap * 2 : first;
	if (ncap > SIZE_MAX / size)
		return false;
	p = realloc(*items, ncap * size);
	if (!p)
		return false;
	*items = p;
	*cap = ncap;
	return true;
}

static enum tp_status
emit(struct ics_scan *sc, const char *s, size_t n)
{
	while (sc->olen + n + 1 > sc->ocap) {
		size_t ncap = sc->ocap ? sc->ocap * 2 : 4096;
		char *p = realloc(sc->out, ncap);
		if (!p)
			return tp_error_nomem(sc->err);
		sc->out = p;
		sc->ocap = ncap;
	}
	memcpy(sc->out + sc->olen, s, n);
	sc->olen += n;
	sc->out[sc->olen] = '\0';
	return TP_OK;
}

static enum tp_status
emits(struct ics_scan *sc, const char *s)
{
	return emit(sc, s, strlen(s));
}

/* Write @n bytes folded every ICS_FOLD bytes (libical unfolds them; a
 * split UTF-8 sequence is joined again), then a line break. */
static enum tp_status
emit_folded(struct ics_scan *sc, const char *s, size_t n)
{
	enum tp_status rc = TP_OK;

	for (size_t i = 0; i < n && !rc; i += ICS_FOLD) {
		if (i)
			rc = emit(sc, "\r\n ", 3);
		if (!rc)
			rc = emit(sc, s + i,
				  n - i < ICS_FOLD ? n - i : ICS_FOLD);
	}
	return rc ? rc : emit(sc, "\r\n", 2);
}

/* ---- content lines ------------------------------------------------------ */

/* ASCII-only, so that the process locale cannot matter (a Turkish locale
 * upper-cases 'i' differently). */
static char
ascii_upper(char c)
{
	return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
}

static bool
ascii_iequal(const char *s, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (!key[i] || ascii_upper(s[i]) != key[i])
			return false;
	return key[n] == '\0';
}

static bool
name_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9') || c == '-';
}

/* One parameter NAME=VALUE[,VALUE]: where its value is. */
struct ics_param {
	const char *name, *value;
	size_t nlen, vlen;
};

/* A content line split as RFC 5545 section 3.1 writes it:
 * name *(";" param) ":" value. */
struct ics_cline {
	const char *name;
	size_t nlen;
	struct ics_param params[ICS_MAX_PARAMS];
	size_t nparams;
	const char *value;
	size_t vlen;
};

/* A parameter value: a quoted string or text without DQUOTE ; : , */
static const char *
param_value_end(const char *p, const char *end)
{
	if (p < end && *p == '"') {
		const char *q = memchr(p + 1, '"', (size_t)(end - p - 1));
		return q ? q + 1 : NULL;
	}
	while (p < end && *p != ';' && *p != ':' && *p != ',' && *p != '"')
		p++;
	return p;
}

/* Split @s (@n bytes) into @cl. With @want_params false, only the name is
 * found. @return NULL, or what is wrong. */
static const char *
split_line(const char *s, size_t n, bool want_params, struct ics_cline *cl)
{
	const char *p = s, *end = s + n;

	while (p < end && name_char(*p))
		p++;
	cl->name = s;
	cl->nlen = (size_t)(p - s);
	cl->nparams = 0;
	if (cl->nlen == 0 || p == end || (*p != ':' && *p != ';'))
		return "it is not an iCalendar content line (NAME:VALUE)";
	if (!want_params)
		return NULL;
	while (*p == ';') {
		struct ics_param *pa = &cl->params[cl->nparams];
		const char *v;
		if (cl->nparams == ICS_MAX_PARAMS)
			return "the property has too many parameters";
		pa->name = ++p;
		while (p < end && name_char(*p))
			p++;
		pa->nlen = (size_t)(p - pa->name);
		if (!pa->nlen || p == end || *p != '=')
			return "a parameter is not NAME=VALUE";
		pa->value = v = ++p;
		for (;;) {
			if (!(p = param_value_end(p, end)))
				return "a parameter's quoted value does not end";
			if (p == end || *p != ',')
				break;
			p++;
		}
		pa->vlen = (size_t)(p - v);
		cl->nparams++;
		if (p == end)
			return "the line has no ':' before its value";
	}
	if (*p != ':')
		return "the line has no ':' before its value";
	cl->value = p + 1;
	cl->vlen = (size_t)(end - p - 1);
	return NULL;
}

static const struct ics_param *
find_param(const struct ics_cline *cl, const char *name)
{
	for (size_t i = 0; i < cl->nparams; i++)
		if (ascii_iequal(cl->params[i].name, cl->params[i].nlen, name))
			return &cl->params[i];
	return NULL;
}

/* ---- structure ---------------------------------------------------------- */

static bool
top_is(const struct ics_scan *sc, const char *name)
{
	return sc->depth > 0 && strcmp(sc->stack[sc->depth - 1], name) == 0;
}

/* The component name of a BEGIN or END line, upper-cased. */
static enum tp_status
component_name(struct ics_scan *sc, int line, const struct ics_cline *cl,
	       char name[ICS_NAME_MAX])
{
	size_t n = cl->vlen;

	while (n > 0 && (cl->value[n - 1] == ' ' || cl->value[n - 1] == '\t'))
		n--;
	if (cl->nparams || n == 0 || n >= ICS_NAME_MAX)
		return ics_error(
			sc, line, "malformed %.*s line; expected %.*s:NAME",
			(int)cl->nlen, cl->name, (int)cl->nlen, cl->name);
	for (size_t i = 0; i < n; i++) {
		if (!name_char(cl->value[i]))
			return ics_error(sc, line,
					 "malformed %.*s line; expected "
					 "%.*s:NAME",
					 (int)cl->nlen, cl->name, (int)cl->nlen,
					 cl->name);
		name[i] = ascii_upper(cl->value[i]);
	}
	name[n] = '\0';
	return TP_OK;
}

static enum tp_status
record_event(struct ics_scan *sc, int line)
{
	struct ics_event *ev;

	if (sc->nevents == ICS_MAX_EVENTS)
		return ics_error(sc, line,
				 "more than %d events: too many for a "
				 "holiday list",
				 ICS_MAX_EVENTS);
	if (!grow((void **)&sc->events, &sc->ecap, sc->nevents,
		  sizeof(*sc->events), 64))
		return tp_error_nomem(sc->err);
	ev = &sc->events[sc->nevents++];
	memset(ev, 0, sizeof(*ev));
	ev->begin = line;
	ev->first = sc->nprops;
	return emits(sc, "BEGIN:VEVENT\r\n");
}

static enum tp_status
scan_begin(struct ics_scan *sc, int line, const char *name)
{
	enum tp_status rc;

	if (sc->depth == 0 && strcmp(name, "VCALENDAR") != 0)
		return ics_error(sc, line, "BEGIN:%s outside a VCALENDAR",
				 name);
	if (sc->depth > 0 && strcmp(name, "VCALENDAR") == 0)
		return ics_error(sc, line,
				 "BEGIN:VCALENDAR inside %s begun at line %d",
				 sc->stack[sc->depth - 1],
				 sc->stack_line[sc->depth - 1]);
	if (sc->depth == ICS_MAX_DEPTH)
		return ics_error(sc, line,
				 "components are nested more than %d deep",
				 ICS_MAX_DEPTH);
	if (strcmp(name, "VEVENT") == 0) {
		if (!top_is(sc, "VCALENDAR"))
			return ics_error(sc, line,
					 "a VEVENT inside %s begun at line %d; "
					 "events belong directly in a "
					 "VCALENDAR",
					 sc->stack[sc->depth - 1],
					 sc->stack_line[sc->depth - 1]);
		if ((rc = record_event(sc, line)))
			return rc;
	}
	if (!sc->calendar_line)
		sc->calendar_line = line;
	memcpy(sc->stack[sc->depth], name, ICS_NAME_MAX);
	sc->stack_line[sc->depth++] = line;
	return TP_OK;
}

static enum tp_status
scan_end(struct ics_scan *sc, int line, const char *name)
{
	if (sc->depth == 0)
		return ics_error(sc, line, "END:%s without a matching BEGIN",
				 name);
	if (!top_is(sc, name))
		return ics_error(sc, line,
				 "END:%s does not close BEGIN:%s of line %d",
				 name, sc->stack[sc->depth - 1],
				 sc->stack_line[sc->depth - 1]);
	sc->depth--;
	if (strcmp(name, "VEVENT") == 0 && sc->depth == 1) {
		struct ics_event *ev = &sc->events[sc->nevents - 1];
		ev->nprops = sc->nprops - ev->first;
		return emits(sc, "END:VEVENT\r\n");
	}
	return TP_OK;
}

/* ---- the properties that are read --------------------------------------- */

static enum prop_kind
prop_kind(const struct ics_cline *cl)
{
	for (int k = 0; k < P_NKINDS; k++)
		if (ascii_iequal(cl->name, cl->nlen, prop_names[k]))
			return (enum prop_kind)k;
	return P_NONE;
}

/* RFC 5545 section 3.6.1 allows each of these once in a VEVENT, and
 * DTEND or DURATION, not both. */
static enum tp_status
check_once(struct ics_scan *sc, struct ics_event *ev, enum prop_kind k,
	   int line)
{
	if (k < P_RDATE && ev->line[k])
		return ics_error(sc, line,
				 "a second %s in the VEVENT (the first is at "
				 "line %d); RFC 5545 allows one",
				 prop_names[k], ev->line[k]);
	if ((k == P_DTEND && ev->line[P_DURATION]) ||
	    (k == P_DURATION && ev->line[P_DTEND]))
		return ics_error(sc, line,
				 "the VEVENT has both DTEND and DURATION (line "
				 "%d); RFC 5545 allows one or the other",
				 ev->line[k == P_DTEND ? P_DURATION : P_DTEND]);
	if (!ev->line[k])
		ev->line[k] = line;
	return TP_OK;
}

/* The one parameter kept: VALUE, on the date properties, if it names a
 * type this reader takes. Everything else (TZID, LANGUAGE, X-...) is left
 * out of what libical reads. */
static enum tp_status
value_param(struct ics_scan *sc, enum prop_kind k, int line,
	    const struct ics_cline *cl, const char **type)
{
	static const char *const types[] = {"DATE", "DATE-TIME", "PERIOD"};
	const struct ics_param *v = find_param(cl, "VALUE");
	size_t ntypes = k == P_RDATE ? 3 : 2;

	*type = NULL;
	if (!v || k == P_DURATION || k == P_RRULE || k == P_STATUS ||
	    k == P_SUMMARY || k == P_UID)
		return TP_OK;
	for (size_t i = 0; i < ntypes; i++)
		if (ascii_iequal(v->value, v->vlen, types[i])) {
			*type = types[i];
			return TP_OK;
		}
	return ics_error(sc, line, "%s;VALUE=%.*s is not a date", prop_names[k],
			 (int)(v->vlen > 20 ? 20 : v->vlen), v->value);
}

static enum tp_status
add_prop(struct ics_scan *sc, enum prop_kind k, int line, const char *type,
	 const char *value, size_t vlen)
{
	struct ics_prop *p;
	char head[64];
	enum tp_status rc;
	char *text;
	size_t hn, total;

	if (sc->nprops == ICS_MAX_PROPS)
		return ics_error(sc, line,
				 "more than %d dates, names and rules in the "
				 "events: too many for a holiday list",
				 ICS_MAX_PROPS);
	hn = (size_t)snprintf(head, sizeof(head), "%s%s%s:", prop_names[k],
			      type ? ";VALUE=" : "", type ? type : "");
	if (!grow((void **)&sc->props, &sc->pcap, sc->nprops,
		  sizeof(*sc->props), 256))
		return tp_error_nomem(sc->err);
	/* One logical line, head and value, folded as one. */
	total = hn + vlen;
	text = malloc(total);
	if (!text)
		return tp_error_nomem(sc->err);
	memcpy(text, head, hn);
	memcpy(text + hn, value, vlen);
	rc = emit_folded(sc, text, total);
	free(text);
	if (rc)
		return rc;
	p = &sc->props[sc->nprops++];
	p->kind = k;
	p->line = line;
	return TP_OK;
}

/* A property of the VEVENT being read. */
static enum tp_status
scan_event_prop(struct ics_scan *sc, int line, const char *s, size_t n)
{
	struct ics_event *ev = &sc->events[sc->nevents - 1];
	struct ics_cline cl;
	const char *why, *type;
	enum prop_kind k;
	enum tp_status rc;

	split_line(s, n, false, &cl);
	k = prop_kind(&cl);
	if (k == P_NONE)
		return TP_OK;
	if ((why = split_line(s, n, true, &cl)))
		return ics_error(sc, line, "%s: %s", prop_names[k], why);
	if (k == P_RECURRENCE_ID && find_param(&cl, "RANGE"))
		return ics_error(sc, line,
				 "RECURRENCE-ID;RANGE (a change to this and "
				 "later dates) is not supported; export each "
				 "changed date as its own instance");
	if ((rc = check_once(sc, ev, k, line)) ||
	    (rc = value_param(sc, k, line, &cl, &type)))
		return rc;
	if (k != P_RDATE && k != P_EXDATE)
		return add_prop(sc, k, line, type, cl.value, cl.vlen);
	/* One value per property, so that libical's properties line up
	 * with these one to one. */
	for (const char *v = cl.value, *end = cl.value + cl.vlen; v <= end;) {
		const char *comma = memchr(v, ',', (size_t)(end - v));
		const char *stop = comma ? comma : end;
		if ((rc = add_prop(sc, k, line, type, v, (size_t)(stop - v))))
			return rc;
		v = stop + 1;
	}
	return TP_OK;
}

/* A property of a VCALENDAR: only METHOD matters. RFC 5546 section 3.2.5:
 * METHOD:CANCEL cancels the events it lists. */
static enum tp_status
scan_calendar_prop(struct ics_scan *sc, int line, const char *s, size_t n)
{
	struct ics_cline cl;

	if (split_line(s, n, true, &cl) ||
	    !ascii_iequal(cl.name, cl.nlen, "METHOD"))
		return TP_OK;
	if (ascii_iequal(cl.value, cl.vlen, "CANCEL"))
		return ics_error(sc, line,
				 "METHOD:CANCEL: this file cancels events; it "
				 "is not a list of holidays");
	return TP_OK;
}

static bool
line_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return false;
	return true;
}

/* RFC 5545 section 3.1: content lines are UTF-8 (3.1.4) and hold no
 * control character but a tab. */
static enum tp_status
check_chars(struct ics_scan *sc, int line, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;

	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = tp_utf8_next(p + i, n - i, &cp);
		if (k == 0)
			return ics_error(sc, line,
					 "a byte that is not UTF-8 (0x%02X); "
					 "iCalendar files are UTF-8 (RFC 5545 "
					 "section 3.1.4): save it as UTF-8",
					 p[i]);
		if ((cp < 0x20 && cp != '\t') || cp == 0x7f)
			return ics_error(sc, line,
					 "a control character (U+%04X); an "
					 "iCalendar line may not hold one "
					 "(RFC 5545 section 3.1)",
					 (unsigned)cp);
		i += k;
	}
	return TP_OK;
}

/* One unfolded content line. */
static enum tp_status
scan_line(struct ics_scan *sc, int line, const char *s, size_t n)
{
	struct ics_cline cl;
	char name[ICS_NAME_MAX];
	enum tp_status rc;

	if (line_blank(s, n))
		return TP_OK;
	if ((rc = check_chars(sc, line, s, n)))
		return rc;
	split_line(s, n, false, &cl);
	if (ascii_iequal(cl.name, cl.nlen, "BEGIN") ||
	    ascii_iequal(cl.name, cl.nlen, "END")) {
		bool begin = cl.nlen == 5;
		if (split_line(s, n, true, &cl))
			return ics_error(sc, line,
					 "malformed %s line; expected %s:NAME",
					 begin ? "BEGIN" : "END",
					 begin ? "BEGIN" : "END");
		if ((rc = component_name(sc, line, &cl, name)))
			return rc;
		return begin ? scan_begin(sc, line, name)
			     : scan_end(sc, line, name);
	}
	if (sc->depth == 0) {
		if (!sc->calendar_line)
			return ics_error(sc, line,
					 "not an iCalendar file: it does not "
					 "start with BEGIN:VCALENDAR");
		return ics_error(sc, line,
				 "text after the end of the calendar");
	}
	if (split_line(s, n, false, &cl))
		return ics_error(sc, line,
				 "this line is not an iCalendar content line "
				 "(NAME:VALUE); is a folded line missing its "
				 "leading space?");
	if (sc->depth == 2 && top_is(sc, "VEVENT"))
		return scan_event_prop(sc, line, s, n);
	if (sc->depth == 1)
		return scan_calendar_prop(sc, line, s, n);
	return TP_OK;
}

/* Append the physical line @p..@n (line break removed) to the logical
 * line being built. */
static enum tp_status
append_line(struct ics_scan *sc, size_t *ll, int first, const char *p, size_t n)
{
	if (*ll + n > ICS_MAX_LINE)
		return ics_error(sc, first,
				 "a line longer than %zu bytes (unfolded); "
				 "this is not a holiday list",
				 ICS_MAX_LINE);
	if (n == 0)
		return TP_OK;
	if (*ll + n > sc->lcap) {
		size_t ncap = sc->lcap ? sc->lcap : 256;
		char *q;
		while (ncap < *ll + n)
			ncap *= 2;
		if (!(q = realloc(sc->line, ncap)))
			return tp_error_nomem(sc->err);
		sc->line = q;
		sc->lcap = ncap;
	}
	memcpy(sc->line + *ll, p, n);
	*ll += n;
	return TP_OK;
}

/* Split the text into physical lines (LF or CRLF), unfold them (a line
 * that starts with a space or a tab continues the one before) and scan
 * each logical line. */
static enum tp_status
scan_text(struct ics_scan *sc)
{
	const char *p = sc->text, *end = sc->text + sc->len;
	size_t ll = 0;
	int number = 0, first = 0;
	enum tp_status rc;

	/* A UTF-8 byte order mark is not text. */
	if (sc->len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	if ((rc = emits(sc, "BEGIN:VCALENDAR\r\n")))
		return rc;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = (size_t)((nl ? nl : end) - p);
		bool cont = n > 0 && (p[0] == ' ' || p[0] == '\t') && first;
		number++;
		if (memchr(p, '\0', n))
			return ics_error(sc, number,
					 "the file contains a NUL byte");
		if (n > 0 && p[n - 1] == '\r')
			n--;
		if (memchr(p, '\r', n))
			return ics_error(sc, number,
					 "a carriage return without a line "
					 "feed; iCalendar lines end in CRLF "
					 "(RFC 5545 section 3.1)");
		if (!cont) {
			if (first && (rc = scan_line(sc, first, sc->line, ll)))
				return rc;
			ll = 0;
			first = number;
		}
		if ((rc = append_line(sc, &ll, first, p + cont, n - cont)))
			return rc;
		p = nl ? nl + 1 : end;
	}
	if (first && (rc = scan_line(sc, first, sc->line, ll)))
		return rc;
	sc->nlines = number;
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
	return emits(sc, "END:VCALENDAR\r\n");
}

/* ---- reading the events libical parsed ---------------------------------- */

/* One date an event falls on, and for how many days. */
struct occurrence {
	int32_t first;
	int32_t days;
};

/* What an event says, read from libical's component. */
struct event {
	const struct ics_event *sc;
	icalcomponent *comp;
	struct tp_date start;
	struct icaltimetype dtstart;
	int32_t days; /* length of each occurrence */
	const char *name;
	const char *uid;
	bool cancelled;
	bool recurring; /* RRULE or RDATE */
	bool has_rid;
	bool duplicate; /* the same event again (same UID, same dates) */
	int32_t rid;
	struct occurrence *occ; /* sorted by first day */
	size_t nocc;
	bool *removed; /* by a RECURRENCE-ID */
};

/* What one import adds up. */
struct ics_import {
	struct ics_scan *sc;
	struct tp_calendar_builder *b;
	struct event *ev;
	size_t nev;
	size_t occurrences; /* budget used */
	int rule_cost;
	int32_t first_day, last_day; /* of the builder */
};

/* Libical's properties of @ev in order: the n-th is the n-th the scan
 * wrote (one value per property), or an X-LIC-ERROR in its place. */
static icalproperty *
first_prop(const struct event *ev)
{
	return icalcomponent_get_first_property(ev->comp, ICAL_ANY_PROPERTY);
}

static icalproperty *
next_prop(const struct event *ev)
{
	return icalcomponent_get_next_property(ev->comp, ICAL_ANY_PROPERTY);
}

/* Turn a DATE value into a checked struct tp_date. */
static enum tp_status
ical_date(const struct ics_scan *sc, struct icaltimetype t, const char *prop,
	  int line, struct tp_date *out)
{
	struct tp_error sub;

	if (!t.is_date)
		return ics_error(sc, line,
				 "%s has a time of day; a holiday needs an "
				 "all-day date (%s;VALUE=DATE:YYYYMMDD)",
				 prop, prop);
	if (tp_date_from_ymd(t.year, t.month, t.day, out, &sub))
		return ics_error(sc, line, "%s: %s", prop, sub.message);
	return TP_OK;
}

/* A date of an RDATE, EXDATE or RECURRENCE-ID as a day number; the year
 * may lie outside the supported range (such a date is then simply not in
 * the calendar). */
static enum tp_status
any_date(const struct ics_scan *sc, struct icaltimetype t, const char *prop,
	 int line, int32_t *day)
{
	if (!t.is_date)
		return ics_error(sc, line,
				 "%s has a time of day; for an all-day event "
				 "use %s;VALUE=DATE:YYYYMMDD",
				 prop, prop);
	if (t.year < 1 || t.year > 9999 || t.month < 1 || t.month > 12 ||
	    t.day < 1 || t.day > tp_days_in_month(t.year, t.month))
		return ics_error(sc, line, "%s: %04d-%02d-%02d does not exist",
				 prop, t.year, t.month, t.day);
	*day = tp_days_from_civil(t.year, t.month, t.day);
	return TP_OK;
}

/* Libical's complaint about the property it could not read. */
static enum tp_status
libical_complaint(const struct ics_scan *sc, const struct ics_prop *sp,
		  icalproperty *p)
{
	const char *text = icalproperty_get_xlicerror(p);
	char shown[160];
	size_t n = 0;

	/* Its message quotes the input: keep it to one printable line. */
	for (; text && *text && n + 1 < sizeof(shown); text++)
		shown[n++] = (unsigned char)*text < 0x20 ? ' ' : *text;
	shown[n] = '\0';
	return ics_error(sc, sp->line, "bad %s: %s", prop_names[sp->kind],
			 n ? shown : "libical cannot read it");
}

static enum tp_status
event_length(struct ics_import *im, struct event *ev, icalproperty *dtend,
	     icalproperty *duration)
{
	const struct ics_scan *sc = im->sc;
	char a[TP_DATE_STRLEN];
	int64_t days = 1;

	if (dtend) {
		struct tp_date end;
		enum tp_status rc =
			ical_date(sc, icalproperty_get_dtend(dtend), "DTEND",
				  ev->sc->line[P_DTEND], &end);
		if (rc)
			return rc;
		if (end.day < ev->start.day)
			return ics_error(sc, ev->sc->line[P_DTEND],
					 "DTEND is before DTSTART");
		/* DTEND is exclusive; equal to DTSTART (older gov.uk
		 * files) means one day. */
		days = end.day > ev->start.day ? end.day - ev->start.day : 1;
	} else if (duration) {
		struct icaldurationtype d = icalproperty_get_duration(duration);
		if (d.is_neg || d.hours || d.minutes || d.seconds)
			return ics_error(sc, ev->sc->line[P_DURATION],
					 "DURATION of an all-day event must "
					 "be a whole number of days");
		days = (int64_t)d.weeks * 7 + d.days;
		if (days < 1)
			days = 1;
	}
	if (days > TP_ICS_MAX_EVENT_DAYS)
		return ics_error(sc, ev->sc->line[P_DTSTART],
				 "event from %s lasts more than %d days",
				 tp_date_format(ev->start, a),
				 TP_ICS_MAX_EVENT_DAYS);
	ev->days = (int32_t)days;
	return TP_OK;
}

static enum tp_status
add_occurrence(struct ics_import *im, struct event *ev, int32_t first,
	       size_t *cap, int line)
{
	if (++im->occurrences > ICS_MAX_OCCURRENCES)
		return ics_error(im->sc, line,
				 "more than %d dates in all: too many for a "
				 "holiday list",
				 ICS_MAX_OCCURRENCES);
	/* Dates that cannot touch the calendar's years are not kept. */
	if (first > im->last_day || (int64_t)first + ev->days <= im->first_day)
		return TP_OK;
	if (!grow((void **)&ev->occ, cap, ev->nocc, sizeof(*ev->occ), 8))
		return tp_error_nomem(im->sc->err);
	ev->occ[ev->nocc].first = first;
	ev->occ[ev->nocc].days = ev->days;
	ev->nocc++;
	return TP_OK;
}

static int32_t
icaltime_day(struct icaltimetype t)
{
	return tp_days_from_civil(t.year, t.month, t.day);
}

/* What a rule may hold for an all-day event, and what it costs. */
static enum tp_status
check_rule(struct ics_import *im, const struct icalrecurrencetype *r, int line)
{
	const struct ics_scan *sc = im->sc;

	if (r->freq == ICAL_SECONDLY_RECURRENCE ||
	    r->freq == ICAL_MINUTELY_RECURRENCE ||
	    r->freq == ICAL_HOURLY_RECURRENCE ||
	    r->by_hour[0] != ICAL_RECURRENCE_ARRAY_MAX ||
	    r->by_minute[0] != ICAL_RECURRENCE_ARRAY_MAX ||
	    r->by_second[0] != ICAL_RECURRENCE_ARRAY_MAX)
		return ics_error(sc, line,
				 "RRULE repeats within a day; an all-day "
				 "event repeats daily at most (RFC 5545 "
				 "section 3.3.10)");
	if (r->freq < ICAL_DAILY_RECURRENCE || r->freq > ICAL_YEARLY_RECURRENCE)
		return ics_error(sc, line, "RRULE has no FREQ");
	if (r->rscale &&
	    !ascii_iequal(r->rscale, strlen(r->rscale), "GREGORIAN"))
		return ics_error(sc, line,
				 "RRULE RSCALE=%.20s: only the Gregorian "
				 "calendar is supported",
				 r->rscale);
	im->rule_cost +=
		r->freq == ICAL_YEARLY_RECURRENCE ? 1 : ICS_COSTLY_RULE;
	if (im->rule_cost > ICS_RULE_BUDGET)
		return ics_error(sc, line,
				 "too many recurrence rules: a holiday file "
				 "may hold %d yearly RRULEs, each monthly, "
				 "weekly or daily one counting as %d",
				 ICS_RULE_BUDGET, ICS_COSTLY_RULE);
	return TP_OK;
}

/* @day as a DATE value. */
static struct icaltimetype
ical_day(int32_t day)
{
	struct icaltimetype t = icaltime_null_date();

	tp_date_to_ymd(tp_date_from_serial(day), &t.year, &t.month, &t.day);
	return t;
}

/* UNTIL as RFC 5545 3.3.10 wants it for an all-day event (a DATE), and
 * for daily and weekly rules, which libical steps a day or a week at a
 * time, no later than the end of the calendar. */
static enum tp_status
prepare_until(struct ics_import *im, const struct event *ev,
	      struct icalrecurrencetype *r, int line)
{
	char a[TP_DATE_STRLEN];

	if (!icaltime_is_null_time(r->until)) {
		r->until = ical_day(icaltime_day(r->until));
		if (icaltime_day(r->until) < ev->start.day)
			return ics_error(im->sc, line,
					 "RRULE's UNTIL is before DTSTART %s; "
					 "RFC 5545 leaves such a series "
					 "undefined",
					 tp_date_format(ev->start, a));
	}
	if (r->freq <= ICAL_WEEKLY_RECURRENCE &&
	    (icaltime_is_null_time(r->until) ||
	     icaltime_day(r->until) > im->last_day))
		r->until = ical_day(im->last_day);
	return TP_OK;
}

/* RFC 5545 3.8.5.3: DTSTART is the first date of the series; a DTSTART
 * the rule does not give makes the set undefined. */
static enum tp_status
check_first_date(struct ics_import *im, const struct event *ev,
		 icalrecur_iterator *it, int line)
{
	struct icaltimetype t = icalrecur_iterator_next(it);
	char a[TP_DATE_STRLEN];

	if (!icaltime_is_null_time(t) && icaltime_day(t) == ev->start.day)
		return TP_OK;
	return ics_error(im->sc, ev->sc->line[P_DTSTART],
			 "DTSTART %s is not a date its RRULE (line %d) "
			 "gives; RFC 5545 leaves such a series undefined: "
			 "make DTSTART its first date",
			 tp_date_format(ev->start, a), line);
}

/* The dates of an RRULE from libical's iterator, DTSTART included. */
static enum tp_status
expand_rule(struct ics_import *im, struct event *ev, icalproperty *prop,
	    size_t *cap)
{
	const int line = ev->sc->line[P_RRULE];
	struct icalrecurrencetype r = icalproperty_get_rrule(prop);
	icalrecur_iterator *it;
	enum tp_status rc;
	char a[TP_DATE_STRLEN];

	if ((rc = check_rule(im, &r, line)) ||
	    (rc = prepare_until(im, ev, &r, line)))
		return rc;
	/* A series that starts after the calendar's years gives it none of
	 * its dates. */
	if (ev->start.day > im->last_day)
		return TP_OK;
	if (!(it = tp_ical_recur_new(r, ev->start)))
		return ics_error(im->sc, line,
				 "RRULE cannot be expanded from DTSTART %s "
				 "(libical finds no date it gives)",
				 tp_date_format(ev->start, a));
	rc = check_first_date(im, ev, it, line);
	if (!rc)
		rc = add_occurrence(im, ev, ev->start.day, cap, line);
	/* Without COUNT the iterator can start at the calendar's first year
	 * instead of walking there from DTSTART. */
	if (!rc && r.count == 0 && ev->start.day < im->first_day - ev->days + 1) {
		tp_ical_recur_set_start(
			it, tp_date_from_serial(im->first_day - ev->days + 1));
	}
	while (!rc) {
		struct icaltimetype t = icalrecur_iterator_next(it);
		if (icaltime_is_null_time(t) || icaltime_day(t) > im->last_day)
			break;
		if (icaltime_day(t) != ev->start.day)
			rc = add_occurrence(im, ev, icaltime_day(t), cap, line);
	}
	icalrecur_iterator_free(it);
	return rc;
}

static int
cmp_occ(const void *a, const void *b)
{
	const struct occurrence *x = a, *y = b;
	return (x->first > y->first) - (x->first < y->first);
}

static int
cmp_day(const void *a, const void *b)
{
	const int32_t *x = a, *y = b;
	return (*x > *y) - (*x < *y);
}

/* Sort, drop repeats, then drop the EXDATEs (sorted). */
static void
finish_dates(struct event *ev, const int32_t *ex, size_t nex)
{
	size_t o = 0, k = 0;

	if (ev->nocc > 1)
		qsort(ev->occ, ev->nocc, sizeof(*ev->occ), cmp_occ);
	for (size_t i = 0; i < ev->nocc; i++) {
		if (o && ev->occ[o - 1].first == ev->occ[i].first)
			continue;
		while (k < nex && ex[k] < ev->occ[i].first)
			k++;
		if (k < nex && ex[k] == ev->occ[i].first)
			continue;
		ev->occ[o++] = ev->occ[i];
	}
	ev->nocc = o;
}

/* RDATE and EXDATE properties, then the RRULE. */
static enum tp_status
expand(struct ics_import *im, struct event *ev)
{
	const struct ics_scan *sc = im->sc;
	const struct ics_event *se = ev->sc;
	int32_t *ex = NULL;
	size_t nex = 0, excap = 0, cap = 0;
	enum tp_status rc = TP_OK;
	icalproperty *rrule = NULL;

	icalproperty *p = first_prop(ev);

	for (size_t i = 0; i < se->nprops && p && !rc; i++, p = next_prop(ev)) {
		const struct ics_prop *sp = &sc->props[se->first + i];
		int32_t day;
		if (sp->kind == P_RRULE) {
			rrule = p;
		} else if (sp->kind == P_RDATE) {
			struct icaldatetimeperiodtype v =
				icalproperty_get_rdate(p);
			if (!icalperiodtype_is_null_period(v.period))
				rc = ics_error(sc, sp->line,
					       "RDATE gives a period; a "
					       "holiday needs "
					       "RDATE;VALUE=DATE:YYYYMMDD");
			else if (!(rc = any_date(sc, v.time, "RDATE", sp->line,
						 &day)))
				rc = add_occurrence(im, ev, day, &cap,
						    sp->line);
		} else if (sp->kind == P_EXDATE) {
			rc = any_date(sc, icalproperty_get_exdate(p), "EXDATE",
				      sp->line, &day);
			if (!rc &&
			    !grow((void **)&ex, &excap, nex, sizeof(*ex), 8))
				rc = tp_error_nomem(sc->err);
			if (!rc)
				ex[nex++] = day;
		}
	}
	if (!rc && rrule)
		rc = expand_rule(im, ev, rrule, &cap);
	else if (!rc)
		rc = add_occurrence(im, ev, ev->start.day, &cap, se->begin);
	if (!rc) {
		if (nex > 1)
			qsort(ex, nex, sizeof(*ex), cmp_day);
		finish_dates(ev, ex, nex);
	}
	free(ex);
	return rc;
}

/* A single event (no RRULE, RDATE or RECURRENCE-ID) outside the
 * calendar's years is a mistake in the file, not a date to drop. */
static enum tp_status
check_single_range(const struct ics_import *im, const struct event *ev)
{
	char a[TP_DATE_STRLEN];

	if (ev->recurring || ev->has_rid)
		return TP_OK;
	if (ev->start.day < im->first_day ||
	    (int64_t)ev->start.day + ev->days - 1 > im->last_day)
		return ics_error(im->sc, ev->sc->line[P_DTSTART],
				 "event on %s is outside the calendar's "
				 "range %d-01-01 to %d-12-31",
				 tp_date_format(ev->start, a), im->b->from_year,
				 im->b->to_year);
	return TP_OK;
}

static enum tp_status
read_name(const struct ics_scan *sc, struct event *ev, icalproperty *p,
	  int line)
{
	char why[TP_TEXT_WHY_LEN];
	const char *s = icalproperty_get_summary(p);

	if (!tp_text_ok(s, TP_TEXT_LINE, why))
		return ics_error(sc, line,
				 "SUMMARY has %s; a holiday's name is one "
				 "line of UTF-8 text",
				 why);
	/* Each date keeps its name: a long one times many dates would take
	 * gigabytes. */
	if (s && strlen(s) > ICS_MAX_NAME)
		return ics_error(sc, line,
				 "SUMMARY is longer than %d bytes; a holiday's "
				 "name is short",
				 ICS_MAX_NAME);
	ev->name = s && *s ? s : NULL;
	return TP_OK;
}

/* Everything but the dates' expansion. */
static enum tp_status
read_props(struct ics_import *im, struct event *ev)
{
	const struct ics_scan *sc = im->sc;
	const struct ics_event *se = ev->sc;
	icalproperty *dtend = NULL, *duration = NULL;
	enum tp_status rc = TP_OK;

	icalproperty *p = first_prop(ev);

	for (size_t i = 0; i < se->nprops && !rc; i++, p = next_prop(ev)) {
		const struct ics_prop *sp = &sc->props[se->first + i];
		if (!p)
			return ics_error(sc, sp->line,
					 "libical read the event at line %d "
					 "differently",
					 se->begin);
		if (icalproperty_isa(p) == ICAL_XLICERROR_PROPERTY)
			return libical_complaint(sc, sp, p);
		switch (sp->kind) {
		case P_DTSTART:
			ev->dtstart = icalproperty_get_dtstart(p);
			rc = ical_date(sc, ev->dtstart, "DTSTART", sp->line,
				       &ev->start);
			break;
		case P_DTEND:
			dtend = p;
			break;
		case P_DURATION:
			duration = p;
			break;
		case P_STATUS:
			ev->cancelled = icalproperty_get_status(p) ==
					ICAL_STATUS_CANCELLED;
			break;
		case P_SUMMARY:
			rc = read_name(sc, ev, p, sp->line);
			break;
		case P_UID:
			ev->uid = icalproperty_get_uid(p);
			break;
		case P_RECURRENCE_ID:
			ev->has_rid = true;
			rc = any_date(sc, icalproperty_get_recurrenceid(p),
				      "RECURRENCE-ID", sp->line, &ev->rid);
			break;
		case P_RRULE:
		case P_RDATE:
			ev->recurring = true;
			break;
		default:
			break;
		}
	}
	if (rc)
		return rc;
	if (!se->line[P_DTSTART])
		return ics_error(sc, se->begin, "VEVENT has no DTSTART");
	if (ev->has_rid && ev->recurring)
		return ics_error(sc, se->line[P_RECURRENCE_ID],
				 "an instance (RECURRENCE-ID) with its own "
				 "RRULE or RDATE is not supported");
	if (ev->has_rid && !ev->uid)
		return ics_error(sc, se->line[P_RECURRENCE_ID],
				 "RECURRENCE-ID without a UID: it names no "
				 "series");
	return event_length(im, ev, dtend, duration);
}

static int
cmp_uid(const void *a, const void *b)
{
	const struct event *const *x = a, *const *y = b;
	int c = strcmp((*x)->uid, (*y)->uid);

	if (c)
		return c;
	/* Series before their instances, then in file order. */
	if ((*x)->has_rid != (*y)->has_rid)
		return (*x)->has_rid ? 1 : -1;
	return ((*x)->sc->begin > (*y)->sc->begin) -
	       ((*x)->sc->begin < (*y)->sc->begin);
}

static bool
same_dates(const struct event *a, const struct event *b)
{
	if (a->nocc != b->nocc || a->cancelled != b->cancelled)
		return false;
	for (size_t i = 0; i < a->nocc; i++)
		if (a->occ[i].first != b->occ[i].first ||
		    a->occ[i].days != b->occ[i].days)
			return false;
	return true;
}

/* RFC 5545 3.8.4.4: an instance with a RECURRENCE-ID replaces the date of
 * its series that the RECURRENCE-ID names. */
static enum tp_status
apply_instance(const struct ics_scan *sc, struct event *series,
	       const struct event *inst, int32_t first_day, int32_t last_day)
{
	char a[TP_DATE_STRLEN];
	size_t lo = 0, hi = series->nocc;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (series->occ[mid].first < inst->rid)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < series->nocc && series->occ[lo].first == inst->rid) {
		if (series->removed[lo])
			return ics_error(
				sc, inst->sc->line[P_RECURRENCE_ID],
				"a second instance for %s of the "
				"series at line %d",
				tp_date_format(tp_date_from_serial(inst->rid),
					       a),
				series->sc->begin);
		series->removed[lo] = true;
		return TP_OK;
	}
	/* A date outside the calendar's years was never kept. */
	if (inst->rid > last_day ||
	    (int64_t)inst->rid + series->days <= first_day)
		return TP_OK;
	return ics_error(sc, inst->sc->line[P_RECURRENCE_ID],
			 "RECURRENCE-ID %s is not a date of the series at "
			 "line %d",
			 tp_date_format(tp_date_from_serial(inst->rid), a),
			 series->sc->begin);
}

/* One UID: the series (and copies of it), then its instances. */
static enum tp_status
resolve_uid(const struct ics_import *im, struct event **grp, size_t n)
{
	const struct ics_scan *sc = im->sc;
	struct event *series = grp[0]->has_rid ? NULL : grp[0];
	enum tp_status rc;

	for (size_t i = 1; i < n; i++) {
		struct event *e = grp[i];
		if (!e->has_rid) {
			if (!same_dates(series, e))
				return ics_error(sc, e->sc->begin,
						 "this VEVENT has the UID of "
						 "the one at line %d but other "
						 "dates; RFC 5545 (3.8.4.7) "
						 "allows one event per UID: "
						 "remove one of them",
						 series->sc->begin);
			e->duplicate = true;
			continue;
		}
		if (!series)
			continue; /* an instance on its own: kept as it is */
		if (!series->removed &&
		    !(series->removed = calloc(series->nocc + 1, 1)))
			return tp_error_nomem(sc->err);
		if ((rc = apply_instance(sc, series, e, im->first_day,
					 im->last_day)))
			return rc;
	}
	return TP_OK;
}

/* Same UIDs: copies dropped, instances applied to their series. */
static enum tp_status
resolve_uids(struct ics_import *im)
{
	struct event **by = malloc((im->nev + 1) * sizeof(*by));
	size_t n = 0;
	enum tp_status rc = TP_OK;

	if (!by)
		return tp_error_nomem(im->sc->err);
	for (size_t i = 0; i < im->nev; i++)
		if (im->ev[i].uid)
			by[n++] = &im->ev[i];
	qsort(by, n, sizeof(*by), cmp_uid);
	for (size_t i = 0; i < n && !rc;) {
		size_t j = i + 1;
		while (j < n && !strcmp(by[j]->uid, by[i]->uid))
			j++;
		if (j - i > 1)
			rc = resolve_uid(im, by + i, j - i);
		i = j;
	}
	free(by);
	return rc;
}

/* Every date left, clipped to the calendar's years, into the builder. */
static enum tp_status
add_spans(struct ics_import *im, int *min_year, int *max_year, size_t *count)
{
	for (size_t i = 0; i < im->nev; i++) {
		const struct event *ev = &im->ev[i];
		if (ev->cancelled || ev->duplicate)
			continue;
		for (size_t k = 0; k < ev->nocc; k++) {
			int32_t a = ev->occ[k].first;
			int64_t z = (int64_t)a + ev->occ[k].days - 1;
			enum tp_status rc;
			int y1, y2;
			if (ev->removed && ev->removed[k])
				continue;
			if (a < im->first_day)
				a = im->first_day;
			if (z > im->last_day)
				z = im->last_day;
			rc = tp_builder_add_span(im->b, a, (int32_t)z,
						 TP_HOLIDAY_IMPORTED, ev->name,
						 im->sc->err);
			if (rc)
				return rc;
			y1 = tp_date_year(tp_date_from_serial(a));
			y2 = tp_date_year(tp_date_from_serial((int32_t)z));
			if (!*count || y1 < *min_year)
				*min_year = y1;
			if (!*count || y2 > *max_year)
				*max_year = y2;
			++*count;
		}
	}
	return TP_OK;
}

static enum tp_status
read_events(struct ics_import *im, icalcomponent *cal)
{
	icalcomponent *c;
	enum tp_status rc = TP_OK;
	size_t i = 0;

	for (c = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	     c && i < im->nev && !rc;
	     c = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT),
	    i++) {
		struct event *ev = &im->ev[i];
		ev->sc = &im->sc->events[i];
		ev->comp = c;
		if (!(rc = read_props(im, ev)) &&
		    !(rc = check_single_range(im, ev)))
			rc = expand(im, ev);
	}
	if (!rc && (c || i != im->nev))
		rc = ics_error(im->sc, im->sc->calendar_line,
			       "libical read the events differently");
	return rc;
}

static void
free_events(struct ics_import *im)
{
	for (size_t i = 0; i < im->nev; i++) {
		free(im->ev[i].occ);
		free(im->ev[i].removed);
	}
	free(im->ev);
}

static enum tp_status
import_events(struct ics_scan *sc, struct tp_calendar_builder *b,
	      enum tp_ics_mode mode)
{
	struct ics_import im = {.sc = sc, .b = b, .nev = sc->nevents};
	icalcomponent *root;
	enum tp_status rc;
	int min_year = 0, max_year = 0;
	size_t count = 0;

	im.first_day = tp_builder_first_day(b);
	im.last_day = tp_builder_last_day(b);
	im.ev = calloc(sc->nevents + 1, sizeof(*im.ev));
	if (!im.ev)
		return tp_error_nomem(sc->err);
	root = icalparser_parse_string(sc->out);
	if (!root || icalcomponent_isa(root) != ICAL_VCALENDAR_COMPONENT) {
		icalcomponent_free(root);
		free(im.ev);
		return ics_error(sc, sc->calendar_line,
				 "libical could not read the calendar");
	}
	rc = read_events(&im, root);
	if (!rc)
		rc = resolve_uids(&im);
	if (!rc)
		rc = add_spans(&im, &min_year, &max_year, &count);
	free_events(&im);
	icalcomponent_free(root);
	if (rc)
		return rc;
	if (!count)
		return ics_error(sc, sc->calendar_line,
				 "no holidays: the calendar has no VEVENT "
				 "with a DTSTART in its years that is not "
				 "cancelled or excluded");
	if (mode == TP_ICS_REPLACE)
		return tp_builder_add_replaced(b, min_year, max_year, sc->err);
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
	free(sc.props);
	free(sc.out);
	free(sc.line);
	return rc;
}

/* Read all of @f, at most ICS_MAX_BYTES + 1 bytes. */
static enum tp_status
read_stream(FILE *f, const char *path, char **out, size_t *len,
	    struct tp_error *err)
{
	size_t cap = 65536, n = 0;
	char *buf = malloc(cap), *p;
	int e;

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
		e = errno;
		free(buf);
		return tp_error_set_at(err, TP_ERR_IO, path, 0, 0,
				       "cannot read the file: %s", strerror(e));
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
	struct stat st;
	FILE *f;

	if (!b || !path)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "no builder or no file name");
	f = fopen(path, "rb");
	if (!f)
		return tp_error_set_at(err, TP_ERR_IO, path, 0, 0,
				       "cannot open the file: %s",
				       strerror(errno));
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(f);
		return tp_error_set_at(err, TP_ERR_IO, path, 0, 0,
				       "this is a directory, not an iCalendar "
				       "file");
	}
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
