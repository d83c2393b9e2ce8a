/* SPDX-License-Identifier: MIT */
/* Plans for the export tests, built through the public API: the two
 * reference timetables of ../shared/reference/seed-timetables.md. */
#ifndef EXPORT_FIXTURES_H
#define EXPORT_FIXTURES_H

#include <tenderplan/tenderplan.h>
#include <tenderplan/tp-plan.h>
#include <tenderplan/tp-schedule.h>

struct fixture {
	struct tp_calendar *cal;
	struct tp_plan *plan;
	struct tp_schedule *sched;
};

/* Which example; @p without names a stage to leave out (for revisions)
 * or is NULL. Returns 0 on success. */
int fixture_hartlepool(struct fixture *f, const char *without);

int fixture_thurrock(struct fixture *f, const char *without);

/* A plan of @p n stages starting on @p start, sharing @p cal (for
 * benchmarks and portfolios); id "bench-<k>". */
int fixture_generic(struct fixture *f, const struct tp_calendar *cal, int k,
		    struct tp_date start);

/* fixture_generic() without the stage @p without (NULL: all). */
int fixture_generic_without(struct fixture *f, const struct tp_calendar *cal,
			    int k, struct tp_date start, const char *without);

void fixture_free(struct fixture *f);

#endif
