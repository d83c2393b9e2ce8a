/* SPDX-License-Identifier: MIT */
/* RFC 3339 date-times for OCDS, with the UTC offset of each date-time from
 * libical's time-zone rules (never a fixed +00:00 or +01:00). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <libical/ical.h>

#include "error-private.h"
#include "export-private.h"
#include "ocds-private.h"

enum tp_status
tp_ocds_zone_new(const char *tzid, icaltimezone **out, struct tp_error *err)
{
	icalcomponent *c = NULL;
	enum tp_status rc = tp_ics_vtimezone(tzid, &c, err);
	if (rc != TP_OK)
		return rc;
	icaltimezone *z = icaltimezone_new();
	if (!z || !icaltimezone_set_component(z, c)) {
		if (z)
			icaltimezone_free(z, 1);
		icalcomponent_free(c);
		return tp_error_nomem(err);
	}
	*out = z; /* owns c now */
	return TP_OK;
}

void
tp_ocds_zone_free(icaltimezone *zone)
{
	if (zone)
		icaltimezone_free(zone, 1);
}

static void
format_fields(int y, int mo, int d, int secs, int offset,
	      char buf[TP_OCDS_DATETIME_STRLEN])
{
	char sign = offset < 0 ? '-' : '+';
	unsigned off = (unsigned)(offset < 0 ? -offset : offset);
	unsigned s = (unsigned)secs;
	snprintf(buf, TP_OCDS_DATETIME_STRLEN,
		 "%04u-%02u-%02uT%02u:%02u:%02u%c%02u:%02u",
		 (unsigned)y % 10000u, (unsigned)mo % 100u, (unsigned)d % 100u,
		 s / 3600u % 100u, s / 60u % 60u, s % 60u, sign,
		 off / 3600u % 100u, off / 60u % 60u);
}

void
tp_ocds_format_local(icaltimezone *zone, struct tp_date d, int seconds,
		     char buf[TP_OCDS_DATETIME_STRLEN])
{
	int y, mo, day, dst = 0;
	tp_date_to_ymd(d, &y, &mo, &day);
	struct icaltimetype t = icaltime_null_time();
	t.year = y;
	t.month = mo;
	t.day = day;
	t.hour = seconds / 3600;
	t.minute = seconds / 60 % 60;
	t.second = seconds % 60;
	int offset = icaltimezone_get_utc_offset(zone, &t, &dst);
	format_fields(y, mo, day, seconds, offset, buf);
}

static int64_t
floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* The local date, seconds after midnight and UTC offset of an instant. */
static void
utc_to_local(icaltimezone *zone, int64_t utc, struct tp_date *day, int *secs,
	     int *offset)
{
	int64_t d = floor_div(utc, 86400);
	int s = (int)(utc - d * 86400), y, mo, dd, dst = 0;
	tp_date_to_ymd((struct tp_date){(int32_t)d}, &y, &mo, &dd);
	struct icaltimetype t = icaltime_null_time();
	t.year = y;
	t.month = mo;
	t.day = dd;
	t.hour = s / 3600;
	t.minute = s / 60 % 60;
	t.second = s % 60;
	*offset = icaltimezone_get_utc_offset_of_utc_time(zone, &t, &dst);
	int64_t local = utc + *offset;
	d = floor_div(local, 86400);
	*secs = (int)(local - d * 86400);
	day->day = (int32_t)d;
}

void
tp_ocds_format_instant(icaltimezone *zone, int64_t utc_seconds,
		       char buf[TP_OCDS_DATETIME_STRLEN])
{
	struct tp_date day;
	int secs, offset, y, mo, d;
	utc_to_local(zone, utc_seconds, &day, &secs, &offset);
	tp_date_to_ymd(day, &y, &mo, &d);
	format_fields(y, mo, d, secs, offset, buf);
}

/* ---- parsing ------------------------------------------------------------ */

static bool
digits(const char **p, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		char c = (*p)[i];
		if (c < '0' || c > '9')
			return false;
		v = v * 10 + (c - '0');
	}
	*p += n;
	*out = v;
	return true;
}

static bool
expect(const char **p, const char *any)
{
	if (!**p || !strchr(any, **p))
		return false;
	(*p)++;
	return true;
}

/* The offset in seconds east of UTC: "Z" or "+hh:mm"/"-hh:mm". */
static bool
parse_offset(const char **p, int *offset)
{
	int hh, mm;
	if (expect(p, "Zz")) {
		*offset = 0;
		return true;
	}
	char sign = **p;
	if (!expect(p, "+-") || !digits(p, 2, &hh) || !expect(p, ":") ||
	    !digits(p, 2, &mm) || hh > 23 || mm > 59)
		return false;
	*offset = (sign == '-' ? -1 : 1) * (hh * 3600 + mm * 60);
	return true;
}

bool
tp_ocds_parse_datetime(const char *s, icaltimezone *zone, int64_t *utc_seconds,
		       struct tp_date *local, int *local_seconds)
{
	int y, mo, d, h, mi, sec, offset;
	struct tp_date date;
	const char *p = s;
	if (!s || !digits(&p, 4, &y) || !expect(&p, "-") ||
	    !digits(&p, 2, &mo) || !expect(&p, "-") || !digits(&p, 2, &d) ||
	    !expect(&p, "Tt") || !digits(&p, 2, &h) || !expect(&p, ":") ||
	    !digits(&p, 2, &mi) || !expect(&p, ":") || !digits(&p, 2, &sec))
		return false;
	if (*p == '.') {
		p++;
		if (*p < '0' || *p > '9')
			return false;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (!parse_offset(&p, &offset) || *p || h > 23 || mi > 59 || sec > 60)
		return false;
	if (tp_date_from_ymd(y, mo, d, &date, NULL) != TP_OK)
		return false;
	if (sec == 60) /* a leap second: the last second of the minute */
		sec = 59;
	int64_t utc =
		(int64_t)date.day * 86400 + h * 3600 + mi * 60 + sec - offset;
	if (utc_seconds)
		*utc_seconds = utc;
	if (!local && !local_seconds)
		return true;
	struct tp_date ld;
	int ls, off;
	utc_to_local(zone, utc, &ld, &ls, &off);
	if (!tp_date_in_range(ld))
		return false;
	if (local)
		*local = ld;
	if (local_seconds)
		*local_seconds = ls;
	return true;
}
