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
};

/* As tp_plan_doc_build_calendar(), with the holidays of the @len bytes at
 * @data (named @source_name in errors) in place of the file the document
 * names, in the document's iCalendar mode: for the pipeline fuzz target. */
enum tp_status
tp_plan_doc_build_calendar_ics_data(struct tp_plan_doc *doc, const char *data,
				    size_t len, const char *source_name,
				    struct tp_error *err);

#endif
