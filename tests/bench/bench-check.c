/* SPDX-License-Identifier: MIT */
/* The rules checker on large plans (issues #9 and #11): prints the time
 * tp_plan_check() takes, the number of findings and the peak memory.
 * Never asserts on time.
 *
 * Cases, each one plan scheduled forward once, then checked:
 * - portfolio: 5,000 tenders of 20 stages (100,000 stages) in one plan,
 *   every tender with the same stage names and kinds (so every milestone
 *   has 4,999 namesakes on other dates), a cabinet meeting and a committee
 *   report rule;
 * - distinct: 100,000 stages, every name different;
 * - same-name: 1,000 milestones of one name on 1,000 different days;
 * - unnamed: 100,000 stages without names (a plan the old checker could
 *   not read: strcasecmp(NULL));
 * - small: one tender of 20 stages checked 10,000 times (a portfolio of
 *   separate plans: the fixed cost of a check, its calendars included).
 *
 *   bench-check [--quick] [--tenders N] [--stages N] [--only CASE]
 *     --quick: a tenth of each size (CI). */
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
	{"spec", "Finalise specification", TP_STAGE_SPECIFICATION, 15, WD,
	 NULL, 0},
	{"approve", "Approval to advertise", TP_STAGE_APPROVAL_TO_ADVERTISE, 0,
	 WD, "spec", TP_DEP_FINISH_TO_START},
	{"advert", "Contract notice", TP_STAGE_ADVERT, 0, WD, "approve",
	 TP_DEP_FINISH_TO_START},
	{"pqq", "Selection questionnaire period", TP_STAGE_PQQ_PERIOD, 30, CD,
	 "advert", TP_DEP_START_TO_START},
	{"pqq-due", "Selection questionnaires due", TP_STAGE_PQQ_DEADLINE, 0,
	 WD, "pqq", TP_DEP_FINISH_TO_START},
	{"pqq-eval", "Selection evaluation", TP_STAGE_PQQ_EVALUATION, 15, WD,
	 "pqq-due", TP_DEP_FINISH_TO_START},
	{"itt", "Invitation to tender", TP_STAGE_ITT_ISSUE, 0, WD, "pqq-eval",
	 TP_DEP_FINISH_TO_START},
	{"tender", "Tender period", TP_STAGE_TENDER_PERIOD, 35, CD, "itt",
	 TP_DEP_START_TO_START},
	{"due", "Tenders due", TP_STAGE_TENDER_DEADLINE, 0, WD, "tender",
	 TP_DEP_FINISH_TO_START},
	{"open", "Opening of tenders", TP_STAGE_OPENING, 0, WD, "due",
	 TP_DEP_FINISH_TO_START},
	{"eval", "Evaluation", TP_STAGE_EVALUATION, 15, WD, "open",
	 TP_DEP_FINISH_TO_START},
	{"moderate", "Moderation", TP_STAGE_MODERATION, 2, WD, "eval",
	 TP_DEP_FINISH_TO_START},
	{"report", "Report to cabinet", TP_STAGE_CUSTOM, 1, WD, "moderate",
	 TP_DEP_FINISH_TO_START},
	{"cabinet", "Cabinet approval", TP_STAGE_GOVERNANCE_APPROVAL, 0, WD,
	 "report", TP_DEP_FINISH_TO_START},
	{"intention", "Intention to award", TP_STAGE_INTENTION_TO_AWARD, 0, WD,
	 "cabinet", TP_DEP_FINISH_TO_START},
	{"standstill", "Standstill", TP_STAGE_STANDSTILL, 10, CD, "intention",
	 TP_DEP_FINISH_TO_START},
	{"award", "Award", TP_STAGE_AWARD, 0, WD, "standstill",
	 TP_DEP_FINISH_TO_START},
	{"tupe", "TUPE lead-in", TP_STAGE_MOBILISATION, 2, TP_UNIT_MONTHS,
	 "award", TP_DEP_FINISH_TO_START},
	{"eli", "Employee liability information", TP_STAGE_TUPE_DEADLINE, 0,
	 WD, "tupe", TP_DEP_START_TO_START},
	{"start", "Contract start", TP_STAGE_CONTRACT_START, 0, WD, "tupe",
	 TP_DEP_FINISH_TO_START},
};

#define N_DEFS (sizeof(tender) / sizeof(tender[0]))

static enum tp_status
add_tender(struct tp_plan *p, int t, struct tp_error *err)
{
	char id[64], after[64];
	/* Tenders start on days spread over three years from Mon 6 Jan
	 * 2025. */
	struct tp_date from = {TP_DATE(2025, 1, 6).day + (t * 7) % 1095};
	enum tp_status rc = TP_OK;

	for (size_t k = 0; rc == TP_OK && k < N_DEFS; k++) {
		snprintf(id, sizeof(id), "t%d-%s", t, tender[k].id);
		rc = tp_plan_add_stage(p, id, tender[k].name, tender[k].kind,
				       tender[k].amount, tender[k].unit, NULL,
				       err);
		if (rc == TP_OK && k == 0)
			rc = tp_plan_add_constraint(
				p, id, TP_CONSTRAINT_START_NO_EARLIER_THAN,
				from, err);
		if (rc == TP_OK && tender[k].after) {
			snprintf(after, sizeof(after), "t%d-%s", t,
				 tender[k].after);
			rc = tp_plan_add_dependency(p, after, id,
						    tender[k].type, 0, WD,
						    err);
		}
	}
	return rc;
}

enum shape { PORTFOLIO, DISTINCT, SAME_NAME, UNNAMED };

/* Stage @i of a single-stage-kind case. */
static enum tp_status
add_simple(struct tp_plan *p, enum shape shape, int i, struct tp_error *err)
{
	char id[32], name[48];
	size_t ix;
	enum tp_status rc;

	snprintf(id, sizeof(id), "s%d", i);
	snprintf(name, sizeof(name), "Stage number %d", i);
	rc = tp_plan_add_stage(p, id,
			       shape == DISTINCT    ? name
			       : shape == SAME_NAME ? "Report to scrutiny"
						    : NULL,
			       TP_STAGE_CUSTOM, shape == SAME_NAME ? 0 : 1, WD,
			       &ix, err);
	/* Same name: one milestone a day from Mon 6 Jan 2025. Otherwise
	 * stages of one working day on days spread over three years (a chain
	 * of 100,000 working days would run past 2199). */
	if (rc == TP_OK)
		rc = tp_plan_add_constraint(
			p, id, TP_CONSTRAINT_START_NO_EARLIER_THAN,
			(struct tp_date){TP_DATE(2025, 1, 6).day + i % 1095},
			err);
	return rc;
}

static enum tp_status
build(const struct tp_calendar *cal, enum shape shape, int n,
      struct tp_plan **out, struct tp_error *err)
{
	struct tp_plan *p = NULL;
	enum tp_status rc = tp_plan_new(&p, err);

	if (rc == TP_OK) {
		tp_plan_set_calendar(p, cal);
		rc = tp_plan_set_start_date(p, TP_DATE(2025, 1, 6), err);
	}
	for (int i = 0; rc == TP_OK && i < n; i++)
		rc = shape == PORTFOLIO ? add_tender(p, i, err)
					: add_simple(p, shape, i, err);
	if (rc == TP_OK)
		*out = p;
	else
		tp_plan_free(p);
	return rc;
}

static int
fail(const char *what, const struct tp_error *err)
{
	char buf[600];
	fprintf(stderr, "bench-check: %s: %s\n", what,
		tp_error_format(err, buf, sizeof(buf)));
	return 1;
}

/* The fixed cost of one check: one 20-stage tender checked @n times. */
static int
run_small(const struct tp_calendar *cal, int n)
{
	struct tp_error err = {0};
	struct tp_plan *p = NULL;
	struct tp_schedule *s = NULL;
	struct tp_rules_config cfg;
	double t0, t1;
	int rc = 0;

	if (build(cal, PORTFOLIO, 1, &p, &err) ||
	    tp_schedule_compute(p, TP_SCHEDULE_FORWARD, &s, &err)) {
		tp_plan_free(p);
		return fail("small", &err);
	}
	tp_rules_config_init(&cfg);
	cfg.regime = TP_REGIME_PA2023;
	cfg.procedure = TP_PROC_COMPETITIVE_FLEXIBLE;
	t0 = bench_now_s();
	for (int i = 0; i < n && rc == 0; i++) {
		struct tp_findings *f = NULL;
		if (tp_plan_check(s, &cfg, &f, &err))
			rc = fail("small", &err);
		tp_findings_free(f);
	}
	t1 = bench_now_s();
	if (rc == 0)
		printf("%-10s %7d checks of 20 stages: %8.3f s (%6.1f us per "
		       "check)\n",
		       "small", n, t1 - t0, (t1 - t0) * 1e6 / n);
	tp_schedule_free(s);
	tp_plan_free(p);
	return rc;
}

static int
run_case(const struct tp_calendar *cal, const char *name, enum shape shape,
	 int n)
{
	struct tp_error err = {0};
	struct tp_plan *p = NULL;
	struct tp_schedule *s = NULL;
	struct tp_findings *f = NULL;
	struct tp_rules_config cfg;
	long kib0;
	double t0, t1;
	size_t stages;
	int rc = 0;

	if (build(cal, shape, n, &p, &err))
		return fail(name, &err);
	if (tp_schedule_compute(p, TP_SCHEDULE_FORWARD, &s, &err)) {
		tp_plan_free(p);
		return fail(name, &err);
	}
	stages = tp_plan_stage_count(p);
	tp_rules_config_init(&cfg);
	cfg.regime = TP_REGIME_PA2023;
	cfg.procedure = TP_PROC_COMPETITIVE_FLEXIBLE;
	cfg.local_report_days = 5;
	kib0 = bench_peak_kib();
	t0 = bench_now_s();
	if (tp_plan_check(s, &cfg, &f, &err))
		rc = fail(name, &err);
	t1 = bench_now_s();
	if (rc == 0)
		printf("%-10s %7zu stages: check %8.3f s (%6.0f ns per stage), "
		       "%zu findings, peak +%.1f MiB\n",
		       name, stages, t1 - t0, (t1 - t0) * 1e9 / (double)stages,
		       tp_findings_count(f),
		       (double)(bench_peak_kib() - kib0) / 1024.0);
	tp_findings_free(f);
	tp_schedule_free(s);
	tp_plan_free(p);
	return rc;
}

int
main(int argc, char **argv)
{
	int scale = 1, tenders = -1, stages = -1, rc = 0;
	const char *only = NULL;
	struct tp_calendar *cal = NULL;
	struct tp_error err = {0};

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--quick"))
			scale = 10;
		else if (!strcmp(argv[i], "--tenders") && i + 1 < argc)
			tenders = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--stages") && i + 1 < argc)
			stages = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--only") && i + 1 < argc)
			only = argv[++i];
		else {
			fprintf(stderr, "usage: bench-check [--quick] "
					"[--tenders N] [--stages N] "
					"[--only CASE]\n");
			return 2;
		}
	}
	if (tenders < 0)
		tenders = 5000 / scale;
	if (stages < 0)
		stages = 100000 / scale;
	if (tp_calendar_new_region(TP_REGION_ENGLAND_AND_WALES, &cal, &err))
		return fail("calendar", &err);
	if (!only || !strcmp(only, "portfolio"))
		rc |= run_case(cal, "portfolio", PORTFOLIO, tenders);
	if (!only || !strcmp(only, "distinct"))
		rc |= run_case(cal, "distinct", DISTINCT, stages);
	if (!only || !strcmp(only, "same-name"))
		rc |= run_case(cal, "same-name", SAME_NAME, 1000);
	if (!only || !strcmp(only, "unnamed"))
		rc |= run_case(cal, "unnamed", UNNAMED, stages);
	if (!only || !strcmp(only, "small"))
		rc |= run_small(cal, 10000 / scale);
	tp_calendar_free(cal);
	return rc;
}
