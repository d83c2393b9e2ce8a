/* SPDX-License-Identifier: MIT */
/* Build a short restricted tender through the API and print its schedule:
 * early and late dates, float and the critical path.
 *
 *   plan-demo [START [CONTRACT-START]]   dates as YYYY-MM-DD
 *
 * Defaults: advertise on Monday 3 March 2025, contract to start on
 * Wednesday 1 October 2025, England and Wales bank holidays. */
#include <stdio.h>
#include <stdlib.h>

#include <tenderplan/tenderplan.h>

struct stage_def {
	const char *id, *name;
	enum tp_stage_kind kind;
	int32_t amount;
	enum tp_unit unit;
	const char *after; /* finish-to-start predecessor, or NULL */
};

static const struct stage_def stages[] = {
	{"advert", "Contract notice published", TP_STAGE_ADVERT, 0,
	 TP_UNIT_WORKING_DAYS, NULL},
	{"pqq", "Selection questionnaire period", TP_STAGE_PQQ_PERIOD, 30,
	 TP_UNIT_CALENDAR_DAYS, NULL},
	{"pqq-due", "Selection questionnaires due", TP_STAGE_PQQ_DEADLINE, 0,
	 TP_UNIT_WORKING_DAYS, "pqq"},
	{"pqq-eval", "Selection evaluation", TP_STAGE_PQQ_EVALUATION, 10,
	 TP_UNIT_WORKING_DAYS, "pqq-due"},
	{"itt", "Invitation to tender sent", TP_STAGE_ITT_ISSUE, 0,
	 TP_UNIT_WORKING_DAYS, "pqq-eval"},
	{"tender", "Tender period", TP_STAGE_TENDER_PERIOD, 30,
	 TP_UNIT_CALENDAR_DAYS, NULL},
	{"tender-due", "Tenders due", TP_STAGE_TENDER_DEADLINE, 0,
	 TP_UNIT_WORKING_DAYS, "tender"},
	{"evaluation", "Evaluation and moderation", TP_STAGE_EVALUATION, 15,
	 TP_UNIT_WORKING_DAYS, "tender-due"},
	{"cabinet", "Cabinet approval", TP_STAGE_GOVERNANCE_APPROVAL, 0,
	 TP_UNIT_WORKING_DAYS, "evaluation"},
	{"intention", "Intention to award letters", TP_STAGE_INTENTION_TO_AWARD,
	 0, TP_UNIT_WORKING_DAYS, "cabinet"},
	{"standstill", "Standstill", TP_STAGE_STANDSTILL, 10,
	 TP_UNIT_CALENDAR_DAYS, "intention"},
	{"award", "Contract award", TP_STAGE_AWARD, 0, TP_UNIT_WORKING_DAYS,
	 "standstill"},
	{"tupe", "TUPE lead-in and mobilisation", TP_STAGE_MOBILISATION, 2,
	 TP_UNIT_MONTHS, "award"},
	{"start", "Contract start", TP_STAGE_CONTRACT_START, 0,
	 TP_UNIT_WORKING_DAYS, "tupe"},
};

static enum tp_status
add_stages(struct tp_plan *plan, struct tp_error *err)
{
	enum tp_status rc = TP_OK;
	size_t n = sizeof(stages) / sizeof(stages[0]);
	for (size_t i = 0; rc == TP_OK && i < n; i++)
		rc = tp_plan_add_stage(plan, stages[i].id, stages[i].name,
				       stages[i].kind, stages[i].amount,
				       stages[i].unit, NULL, err);
	for (size_t i = 0; rc == TP_OK && i < n; i++)
		if (stages[i].after)
			rc = tp_plan_add_dependency(plan, stages[i].after,
						    stages[i].id,
						    TP_DEP_FINISH_TO_START, 0,
						    TP_UNIT_WORKING_DAYS, err);
	return rc;
}

/* The periods open on the day their notice goes out; deadlines at noon. */
static enum tp_status
add_links(struct tp_plan *plan, struct tp_error *err)
{
	size_t due;
	enum tp_status rc = tp_plan_add_dependency(plan, "advert", "pqq",
						   TP_DEP_START_TO_START, 0,
						   TP_UNIT_WORKING_DAYS, err);
	if (rc == TP_OK)
		rc = tp_plan_add_dependency(plan, "itt", "tender",
					    TP_DEP_START_TO_START, 0,
					    TP_UNIT_WORKING_DAYS, err);
	if (rc == TP_OK && tp_plan_find_stage(plan, "tender-due", &due))
		rc = tp_plan_set_stage_time(plan, due, 12 * 60, err);
	if (rc == TP_OK && tp_plan_find_stage(plan, "pqq-due", &due))
		rc = tp_plan_set_stage_time(plan, due, 12 * 60, err);
	return rc;
}

static enum tp_status
build_plan(struct tp_date start, struct tp_date contract, struct tp_plan **out,
	   struct tp_error *err)
{
	struct tp_plan *plan = NULL;
	struct tp_calendar *cal = NULL;
	enum tp_status rc = tp_plan_new(&plan, err);
	if (rc == TP_OK)
		rc = tp_calendar_new_region(TP_REGION_ENGLAND_AND_WALES, &cal,
					    err);
	if (rc == TP_OK) {
		tp_plan_take_calendar(plan, cal);
		rc = tp_plan_set_name(plan, "Family support services", err);
	}
	if (rc == TP_OK)
		rc = tp_plan_set_start_date(plan, start, err);
	if (rc == TP_OK)
		rc = tp_plan_set_contract_start(plan, contract, err);
	if (rc == TP_OK)
		rc = add_stages(plan, err);
	if (rc == TP_OK)
		rc = add_links(plan, err);
	if (rc == TP_OK)
		*out = plan;
	else
		tp_plan_free(plan);
	return rc;
}

static int
print_day(struct tp_date d, const struct tp_day_info *info, void *user)
{
	char buf[TP_DATE_STRLEN];
	printf("  skips %s %s\n", tp_date_format(d, buf),
	       info->holiday ? info->holiday->name : "weekend");
	return 0;
}

/* Why a stage has its dates, and the non-working days it was moved over. */
static void
explain(const struct tp_schedule *s, const char *id, enum tp_pass pass)
{
	char buf[300];
	size_t i;
	struct tp_error err;
	if (!tp_plan_find_stage(tp_schedule_plan(s), id, &i))
		return;
	printf("%s: %s\n", id,
	       tp_schedule_describe(s, i, pass, buf, sizeof(buf)));
	if (tp_schedule_foreach_skipped(s, i, pass, print_day, NULL, NULL,
					&err))
		printf("  (%s)\n", err.message);
}

static void
print_schedule(const struct tp_schedule *s)
{
	const struct tp_plan *plan = tp_schedule_plan(s);
	char es[TP_DATE_STRLEN], ef[TP_DATE_STRLEN], ls[TP_DATE_STRLEN];
	size_t n_crit;
	const size_t *crit = tp_schedule_critical_path(s, &n_crit);

	printf("%s\n\n", tp_plan_name(plan));
	printf("%-11s %-23s %-10s %-10s %-10s %5s\n", "stage", "kind", "start",
	       "finish", "latest", "float");
	tp_plan_foreach_stage (plan, i) {
		int t = tp_plan_stage_time(plan, i);
		printf("%-11s %-23s %s %s %s %5ld%s", tp_plan_stage_id(plan, i),
		       tp_stage_kind_name(tp_plan_stage_kind(plan, i)),
		       tp_date_format(tp_schedule_early_start(s, i), es),
		       tp_date_format(tp_schedule_early_finish(s, i), ef),
		       tp_date_format(tp_schedule_late_start(s, i), ls),
		       (long)tp_schedule_total_float(s, i),
		       tp_schedule_is_critical(s, i) ? " *" : "");
		if (t >= 0)
			printf(" (%02d:%02d)", t / 60, t % 60);
		printf("\n");
	}
	printf("\ncritical path:");
	for (size_t i = 0; i < n_crit; i++)
		printf(" %s", tp_plan_stage_id(plan, crit[i]));
	printf("\n");
	explain(s, "advert", TP_PASS_LATE);
	explain(s, "standstill", TP_PASS_EARLY);
	for (size_t i = 0; i < tp_schedule_diagnostic_count(s); i++)
		printf("warning: %s\n", tp_schedule_diagnostic(s, i)->message);
}

static int
fail(const struct tp_error *err)
{
	char buf[600];
	fprintf(stderr, "plan-demo: %s\n",
		tp_error_format(err, buf, sizeof(buf)));
	return 1;
}

int
main(int argc, char **argv)
{
	struct tp_error err = {0};
	struct tp_date start = TP_DATE(2025, 3, 3);
	struct tp_date contract = TP_DATE(2025, 10, 1);
	struct tp_plan *plan = NULL;
	struct tp_schedule *sched = NULL;

	if ((argc > 1 && tp_date_parse(argv[1], -1, &start, &err)) ||
	    (argc > 2 && tp_date_parse(argv[2], -1, &contract, &err)) ||
	    build_plan(start, contract, &plan, &err))
		return fail(&err);
	if (tp_schedule_compute(plan, TP_SCHEDULE_AUTO, &sched, &err)) {
		tp_plan_free(plan);
		return fail(&err);
	}
	print_schedule(sched);
	tp_schedule_free(sched);
	tp_plan_free(plan);
	return 0;
}
