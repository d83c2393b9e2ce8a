/* SPDX-License-Identifier: MIT */
/* Meeting series and what has happened to stages, in plan files
 * (docs/plan-format.md, "Meetings" and "What has happened"): the hooks the
 * plan reader (xml-read.c) and writer (xml-write.c) call. */
#ifndef TP_MEETING_XML_PRIVATE_H
#define TP_MEETING_XML_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

#include <tenderplan/tp-meeting.h>
#include <tenderplan/tp-plan.h>

/* Read <meetings> (validated by the schema) into @plan. On failure *line
 * is the line of the element at fault. */
enum tp_status tp_meetings_read_xml(struct tp_plan *plan, xmlNodePtr node,
				    int *line, struct tp_error *err);

/* Read the meeting, actual-start and actual-finish attributes of <stage>
 * @node, stage @index of @plan (tying it adds its derived stages). */
enum tp_status tp_meetings_read_stage_xml(struct tp_plan *plan,
					  xmlNodePtr node, size_t index,
					  struct tp_error *err);

/* Write <meetings> (nothing without series). False on a libxml2 failure. */
bool tp_meetings_write_xml(xmlTextWriterPtr w, const struct tp_plan *plan);

/* Write the meeting and actual attributes of stage @s. */
bool tp_meetings_write_stage_attrs(xmlTextWriterPtr w,
				   const struct tp_plan *plan, size_t s);

/* Whether the series' names are text XML can hold. */
bool tp_meetings_text_ok(const struct tp_plan *plan);

#endif
