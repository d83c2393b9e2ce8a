/* SPDX-License-Identifier: MIT */
#ifndef TP_EXPORT_PRIVATE_H
#define TP_EXPORT_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <libical/ical.h>
#include <libxml/xmlwriter.h>

#include <tenderplan/tp-export.h>

/* A growable NUL-terminated byte buffer. */
struct tp_sbuf {
	char *data;
	size_t len, cap;
};

enum tp_status tp_sbuf_append(struct tp_sbuf *b, const char *s, size_t n,
			      struct tp_error *err);

enum tp_status tp_sbuf_puts(struct tp_sbuf *b, const char *s,
			    struct tp_error *err);

enum tp_status tp_sbuf_printf(struct tp_sbuf *b, struct tp_error *err,
			      const char *fmt, ...) TP_PRINTF(3, 4);

/* One export: the schedules (plans come from tp_schedule_plan()) and the
 * options (never NULL here). */
struct tp_export_job {
	const struct tp_schedule *const *scheds;
	size_t n;
	const struct tp_export_options *opt;
};

/* How a stage shows in calendars and charts. */
enum tp_stage_shape {
	TP_SHAPE_PERIOD = 0,    /* runs over days: a bar, an all-day event */
	TP_SHAPE_MILESTONE = 1, /* a day: a diamond */
	TP_SHAPE_DEADLINE = 2,  /* a milestone that closes something, often at a
				   time of day */
};

enum tp_stage_shape tp_export_stage_shape(const struct tp_plan *plan,
					  size_t stage);

/* True if the stage is shown with the options' deadlines_only filter. */
bool tp_export_stage_shown(const struct tp_export_options *opt,
			   const struct tp_plan *plan, size_t stage);

/* Call @p fn for each finding of @p opt about plan @p plan_id and stage
 * @p stage_id (NULL: the findings about the plan as a whole). */
enum tp_status tp_export_foreach_finding(
	const struct tp_export_options *opt, const char *plan_id,
	const char *stage_id,
	enum tp_status (*fn)(const struct tp_export_finding *f, void *user),
	void *user);

/* Format "HH:MM" for @p minutes after midnight into @p buf (6 bytes). */
void tp_export_hhmm(int minutes, char buf[6]);

/* libxml2 writer into memory, and its result appended to @p out. */
enum tp_status tp_xml_writer_open(xmlTextWriterPtr *w, xmlBufferPtr *buf,
				  struct tp_error *err);

enum tp_status tp_xml_writer_close(xmlTextWriterPtr w, xmlBufferPtr buf,
				   struct tp_sbuf *out, struct tp_error *err);

/* TP_ERR_NOMEM (libxml2 reports nothing finer) unless @p rc >= 0. */
enum tp_status tp_xml_check(int rc, struct tp_error *err);

/* Write attribute/element with a printf value. */
enum tp_status tp_xml_attrf(xmlTextWriterPtr w, const char *name,
			    struct tp_error *err, const char *fmt, ...)
	TP_PRINTF(4, 5);

enum tp_status tp_xml_elemf(xmlTextWriterPtr w, const char *name,
			    struct tp_error *err, const char *fmt, ...)
	TP_PRINTF(4, 5);

enum tp_status tp_xml_attr_date(xmlTextWriterPtr w, const char *name,
				struct tp_date d, struct tp_error *err);

/* The formats. Each appends one document for the whole job to @p out. */
enum tp_status tp_export_ics(const struct tp_export_job *job,
			     struct tp_sbuf *out, struct tp_error *err);

enum tp_status tp_export_xml(const struct tp_export_job *job,
			     struct tp_sbuf *out, struct tp_error *err);

enum tp_status tp_export_mspdi(const struct tp_export_job *job,
			       struct tp_sbuf *out, struct tp_error *err);

enum tp_status tp_export_svg(const struct tp_export_job *job,
			     struct tp_sbuf *out, struct tp_error *err);

enum tp_status tp_export_html(const struct tp_export_job *job,
			      struct tp_sbuf *out, struct tp_error *err);

enum tp_status tp_export_csv(const struct tp_export_job *job,
			     struct tp_sbuf *out, struct tp_error *err);

enum tp_status tp_export_text(const struct tp_export_job *job,
			      struct tp_sbuf *out, struct tp_error *err);

enum tp_status tp_export_ocds(const struct tp_export_job *job,
			      struct tp_sbuf *out, struct tp_error *err);

/* ---- iCalendar pieces, private for the tests ---- */
/* A VTIMEZONE for @p tzid in RRULE form with TZID exactly @p tzid
 * (Europe/London built here; other zones from libical's built-in data,
 * renamed). Free with icalcomponent_free(). */
enum tp_status tp_ics_vtimezone(const char *tzid, icalcomponent **out,
				struct tp_error *err);

#endif
