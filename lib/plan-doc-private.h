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
};

#endif
