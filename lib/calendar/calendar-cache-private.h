/* SPDX-License-Identifier: MIT */
#ifndef TP_CALENDAR_CACHE_PRIVATE_H
#define TP_CALENDAR_CACHE_PRIVATE_H

#include <tenderplan/tp-plan-xml.h>

/* The plan calendar @doc describes, with its iCalendar file at @ics_path
 * (as opened; NULL for none): the cache's if it has one for the same
 * definition, else built and kept. Borrowed from the cache. */
enum tp_status
tp_calendar_cache_plan(struct tp_calendar_cache *c,
		       const struct tp_plan_doc *doc, const char *ics_path,
		       const struct tp_calendar **out, struct tp_error *err);

/* The statutory calendar of @region over @from_year..@to_year, shared in
 * the same way. */
enum tp_status
tp_calendar_cache_statutory(struct tp_calendar_cache *c, enum tp_region region,
			    int from_year, int to_year,
			    const struct tp_calendar **out,
			    struct tp_error *err);

#endif
