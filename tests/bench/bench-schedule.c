/* SPDX-License-Identifier: MIT */
/* Schedule a portfolio: 50,000 tenders of 20 stages each (1,000,000 stages)
 * sharing one England and Wales calendar, advertised on days spread over
 * three years. Prints the time to build and to schedule the plans and the
 * peak memory they need (growth of the peak resident set size while all
 * plans and schedules are alive), per stage. Goal: scheduling under 1 s,
 * under 200 bytes per stage. Never asserts on time.
 *
 *   bench-schedule [--quick]     --quick: 5,000 tenders */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <tenderplan/tenderplan.h>

#include "bench-util.h"

#define WD TP_UNIT_WORKING_DAYS
#define CD TP_UNIT_CALENDAR_DAYS

struct def {
	const char *id, *name;
	enum tp_stage_kind kind;
	int32_t amount;
	enum tp_unit unit;
	const char *after;
	enum tp_dep_type type;
};

static const struct def tender[] = {
	{"spec", "Finalise specification and contract", TP_STAGE_SPECIFICATION,
	 15, WD, NULL, 0},
	{"approve", "Approval to advertise", TP_STAGE_APPROVAL_TO_ADVERTISE, 0,
	 WD, "spec", TP_DEP_FINISH_TO_START},
	{"advert", "Contract notice", TP_STAGE_ADVERT, 0, WD, "approve",
	 TP_DEP_FINISH_TO_START},
	{"pqq", "Selection questionnaire period", TP_STAGE_PQQ_PERIOD, 30, CD,
	 "advert", TP_DEP_START_TO_START},
	{"pqq-due", "Selection questionnaires due", TP_STAGE_PQQ_DEADLINE, 0,
	 WD, "pqq", TP_DEP_FINISH_TO_START},
	{"pqq-eval", "Selection evaluation", TP_STAGE_PQQ_EVALUATION, 3,
	 TP_UNIT_WEEKS, "pqq-due", TP_DEP_FINISH_TO_START},
	{"itt", "Invitation to tender", TP_STAGE_ITT_ISSUE, 0, WD, "pqq-eval",
	 TP_DEP_FINISH_TO_START},
	{"tender", "Tender period", TP_STAGE_TENDER_PERIOD, 35, CD, "itt",
	 TP_DEP_START_TO_START},
	{"clarify", "Clarification deadline", TP_STAGE_CLARIFICATION_DEADLINE,
	 0, WD, "tender", TP_DEP_FINISH_TO_FINISH},
	{"due", "Tenders due 12:00", TP_STAGE_TENDER_DEADLINE, 0, WD, "tender",
	 TP_DEP_FINISH_TO_START},
	{"open", "Opening of tenders", TP_STAGE_OPENING, 0, WD, "due",
	 TP_DEP_FINISH_TO_START},
	{"eval", "Evaluation", TP_STAGE_EVALUATION, 15, WD, "open",
	 TP_DEP_FINISH_TO_START},
	{"interviews", "Interviews", TP_STAGE_INTERVIEWS, 3, WD, "eval",
	 TP_DEP_FINISH_TO_FINISH},
	{"moderate", "Moderation", TP_STAGE_MODERATION, 2, WD, "eval",
	 TP_DEP_FINISH_TO_START},
	{"cabinet", "Cabinet approval", TP_STAGE_GOVERNANCE_APPROVAL, 0, WD,
	 "moderate", TP_DEP_FINISH_TO_START},
	{"intention", "Intention to award", TP_STAGE_INTENTION_TO_AWARD, 0, WD,
	 "cabinet", TP_DEP_FINISH_TO_START},
	{"standstill", "Standstill", TP_STAGE_STANDSTILL, 10, CD, "intention",
	 TP_DEP_FINISH_TO_START},
	{"award", "Award", TP_STAGE_AWARD, 0, WD, "standstill",
	 TP_DEP_FINISH_TO_START},
	{"tupe", "TUPE lead-in", TP_STAGE_MOBILISATION, 2, TP_UNIT_MONTHS,
	 "award", TP_DEP_FINISH_TO_START},
	{"start", "Contract start", TP_STAGE_CONTRACT_START, 0, WD, "tupe",
	 TP_DEP_FINISH_TO_START},
};

#define N_STAGES (sizeof(tender) / sizeof(tender[0]))

static enum tp_status
build(const struct tp_calendar *cal, int i, struct tp_plan **out,
      struct tp_error *err)
{
	struct tp_plan *p = NULL;
	/* Adverts spread over three years from Mon 6 Jan 2025. */
	struct tp_date start = {TP_DATE(2025, 1, 6).day + (i * 7) % 1095};
	enum tp_status rc = tp_plan_new(&p, err);
	if (rc == TP_OK)
		rc = tp_plan_reserve(p, N_STAGES, N_STAGES, err);
	if (rc == TP_OK) {
		tp_plan_set_calendar(p, cal);
		rc = tp_plan_set_start_date(p, start, err);
	}
	for (size_t k = 0; rc == TP_OK && k < N_STAGES; k++)
		rc = tp_plan_add_stage(p, tender[k].id, tender[k].name,
				       tender[k].kind, tender[k].amount,
				       tender[k].unit, NULL, err);
	for (size_t k = 0; rc == TP_OK && k < N_STAGES; k++)
		if (tender[k].after)
			rc = tp_plan_add_dependency(p, tender[k].after,
						    tender[k].id,
						    tender[k].type, 0, WD, err);
	if (rc == TP_OK)
		*out = p;
	else
		tp_plan_free(p);
	return rc;
}

static int
fail(const struct tp_error *err)
{
	char buf[600];
	fprintf(stderr, "bench-schedule: %s\n",
		tp_error_format(err, buf, sizeof(buf)));
	return 1;
}

int
main(int argc, char **argv)
{
	int n = argc > 1 && strcmp(argv[1], "--quick") == 0 ? 5000 : 50000;
	struct tp_error err = {0};
	struct tp_calendar *cal = NULL;
	struct tp_plan **plans = calloc((size_t)n, sizeof(*plans));
	struct tp_schedule **scheds = calloc((size_t)n, sizeof(*scheds));
	int rc = 0;

	if (!plans || !scheds ||
	    tp_calendar_new_region(TP_REGION_ENGLAND_AND_WALES, &cal, &err))
		return fail(&err);
	long kib0 = bench_peak_kib();
	double t0 = bench_now_s();
	for (int i = 0; i < n && rc == 0; i++)
		if (build(cal, i, &plans[i], &err))
			rc = fail(&err);
	double t1 = bench_now_s();
	for (int i = 0; i < n && rc == 0; i++)
		if (tp_schedule_compute(plans[i], TP_SCHEDULE_AUTO, &scheds[i],
					&err))
			rc = fail(&err);
	double t2 = bench_now_s();
	long kib1 = bench_peak_kib();
	double stages = (double)n * N_STAGES;
	if (rc == 0) {
		printf("tenders: %d, stages: %.0f\n", n, stages);
		printf("build: %.3f s\n", t1 - t0);
		printf("schedule: %.3f s (%.0f ns per stage; goal < 1 s for "
		       "1,000,000)\n",
		       t2 - t1, (t2 - t1) * 1e9 / stages);
		printf("peak memory: %.1f MiB, %.0f bytes per stage (goal < "
		       "200)\n",
		       (double)(kib1 - kib0) / 1024.0,
		       (double)(kib1 - kib0) * 1024.0 / stages);
	}
	for (int i = 0; i < n; i++) {
		tp_schedule_free(scheds[i]);
		tp_plan_free(plans[i]);
	}
	free(scheds);
	free(plans);
	tp_calendar_free(cal);
	return rc;
}
