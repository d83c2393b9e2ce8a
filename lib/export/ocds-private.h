/* SPDX-License-Identifier: MIT */
/* Date-times for OCDS (RFC 3339 with an offset), computed with libical's
 * time-zone rules, shared by the OCDS writer and the audit reader. */
#ifndef TP_OCDS_PRIVATE_H
#define TP_OCDS_PRIVATE_H

#include <stdbool.h>
#include <stdint.h>

#include <libical/ical.h>

#include <tenderplan/tp-date.h>
#include <tenderplan/tp-ocds.h>

/* Bytes of "YYYY-MM-DDThh:mm:ss+hh:mm" and a NUL. */
#define TP_OCDS_DATETIME_STRLEN 26

/* The zone @p tzid ("Europe/London": the rules of tp_ics_vtimezone()) as
 * an icaltimezone of the caller's own, so that lookups on it touch no
 * shared state. Free with tp_ocds_zone_free(). */
enum tp_status tp_ocds_zone_new(const char *tzid, icaltimezone **out,
				struct tp_error *err);

void tp_ocds_zone_free(icaltimezone *zone);

/* Write local time @p d at @p seconds after midnight (0..86399) in
 * @p zone, with the zone's UTC offset on that date and time, e.g.
 * "2025-07-01T12:00:00+01:00". */
void tp_ocds_format_local(icaltimezone *zone, struct tp_date d, int seconds,
			  char buf[TP_OCDS_DATETIME_STRLEN]);

/* Write the instant @p utc_seconds (since 1970-01-01 UTC) as local time
 * in @p zone with its offset. */
void tp_ocds_format_instant(icaltimezone *zone, int64_t utc_seconds,
			    char buf[TP_OCDS_DATETIME_STRLEN]);

/* Parse an RFC 3339 date-time as JSON Schema's "date-time" format takes
 * it ("2022-11-04T23:59:59Z", "2022-10-20T09:42:13+01:00", fractions of a
 * second allowed). On success the instant goes to @p utc_seconds and its
 * local date and seconds after midnight in @p zone to @p local and
 * @p local_seconds (either may be NULL; when both are, @p zone is not used
 * and may be NULL). False if @p s is not one. */
bool tp_ocds_parse_datetime(const char *s, icaltimezone *zone,
			    int64_t *utc_seconds, struct tp_date *local,
			    int *local_seconds);

/* The result of an audit (tp-ocds.h); ocds-audit.c fills it, ocds-report.c
 * writes it. */
struct tp_ocds_audit {
	struct tp_ocds_finding *items;
	size_t count, cap;
	struct tp_ocds_audit_counts counts;
	char *source;
};

#endif
