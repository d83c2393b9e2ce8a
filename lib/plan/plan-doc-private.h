/* SPDX-License-Identifier: MIT */
#ifndef TP_PLAN_DOC_PRIVATE_H
#define TP_PLAN_DOC_PRIVATE_H

#include <tenderplan/tp-plan-xml.h>

struct tp_plan_doc_range {
	struct tp_date first, last;
	char *name;
};

struct tp_plan_doc {
	struct tp_plan *plan;
	enum tp_region region;
	struct tp_plan_doc_range *closures, *holidays;
	size_t n_closures, n_holidays;
	char *ics;
	enum tp_ics_mode ics_mode;
	struct tp_rules_config rules;
	/* stored snapshots of the schedule (snapshot.c), in file order */
	struct tp_snapshot **snapshots;
	size_t n_snapshots;
	/* The region of the statutory calendar built (plan-doc-schedule.c);
	 * TP_REGION_NONE when there is none. */
	enum tp_region stat_region;
	/* The cache the calendars came from (borrowed), or NULL when the
	 * document owns them (#11). */
	struct tp_calendar_cache *cache;
};

/* The calendar of the statute that applies: PA 2023 s.123 (whole UK),
 * PCSR 2015 reg 2(1) (Scotland), PCR 2006 and 2015 reg 2(1) (the
 * jurisdiction), PSR 2023 reg 12(12) (England); TP_REGION_NONE for none. */
enum tp_region tp_statutory_region(enum tp_regime regime,
				   enum tp_region jurisdiction);

/* Build the statutory calendar for the plan's statutory stages (none
 * without one), for the regime the anchors suggest. */
enum tp_status tp_plan_doc_build_statutory_calendar(struct tp_plan_doc *doc,
						    struct tp_error *err);

/* As tp_plan_doc_build_calendar(), with the holidays of the @len bytes at
 * @data (named @source_name in errors) in place of the file the document
 * names, in the document's iCalendar mode: for the pipeline fuzz target. */
enum tp_status
tp_plan_doc_build_calendar_ics_data(struct tp_plan_doc *doc, const char *data,
				    size_t len, const char *source_name,
				    struct tp_error *err);

/* Build the plan calendar @doc describes, with the holidays of the
 * iCalendar file at @ics_file (NULL: none) or of the @ics_len bytes at
 * @ics_data (named @ics_name) when @ics_data is not NULL. */
enum tp_status
tp_plan_doc_build_plan_calendar(const struct tp_plan_doc *doc,
				const char *ics_file, const char *ics_data,
				size_t ics_len, const char *ics_name,
				struct tp_calendar **out, struct tp_error *err);

#endif
