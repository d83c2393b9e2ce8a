/* SPDX-License-Identifier: MIT */
/* The rules checker: every rule has a case that fires and one that does
 * not. Plans are built with stages pinned by start-on constraints so that
 * the dates under test are exactly the ones written here; expected dates
 * come from the reference's worked cases or were counted by hand (weekdays
 * checked with Python's datetime). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include <tenderplan/tenderplan.h>

struct fx {
	struct tp_calendar *cal;
	struct tp_plan *plan;
	struct tp_schedule *sched;
	struct tp_findings *found;
	struct tp_rules_config cfg;
};

static void
fx_init(struct fx *x, enum tp_region region)
{
	memset(x, 0, sizeof(*x));
	assert_int_equal(tp_calendar_new_region(region, &x->cal, NULL), TP_OK);
	assert_int_equal(tp_plan_new(&x->plan, NULL), TP_OK);
	tp_plan_set_calendar(x->plan, x->cal);
	assert_int_equal(tp_plan_set_start_date(x->plan, TP_DATE(2000, 1, 3),
						NULL),
			 TP_OK);
	tp_rules_config_init(&x->cfg);
}

static void
fx_free(struct fx *x)
{
	tp_findings_free(x->found);
	tp_schedule_free(x->sched);
	tp_plan_free(x->plan);
	tp_calendar_free(x->cal);
}

/* A stage of @amount working days pinned to start on @d. */
static void
stage(struct fx *x, const char *id, enum tp_stage_kind kind, struct tp_date d,
      int32_t amount)
{
	size_t i;
	struct tp_error err;
	if (tp_plan_add_stage(x->plan, id, id, kind, amount,
			      TP_UNIT_WORKING_DAYS, &i, &err) != TP_OK ||
	    tp_plan_add_constraint(x->plan, id, TP_CONSTRAINT_START_ON, d,
				   &err) != TP_OK)
		fail_msg("%s: %s", id, err.message);
}

static void
milestone(struct fx *x, const char *id, enum tp_stage_kind kind,
	  struct tp_date d)
{
	stage(x, id, kind, d, 0);
}

static void
run(struct fx *x)
{
	struct tp_error err;
	tp_findings_free(x->found);
	tp_schedule_free(x->sched);
	x->found = NULL;
	x->sched = NULL;
	if (tp_schedule_compute(x->plan, TP_SCHEDULE_FORWARD, &x->sched,
				&err) != TP_OK)
		fail_msg("schedule: %s", err.message);
	if (tp_plan_check(x->sched, &x->cfg, &x->found, &err) != TP_OK)
		fail_msg("check: %s", err.message);
}

static const struct tp_finding *
find(const struct fx *x, const char *rule_id)
{
	for (size_t i = 0; i < tp_findings_count(x->found); i++)
		if (!strcmp(tp_findings_get(x->found, i)->rule_id, rule_id))
			return tp_findings_get(x->found, i);
	return NULL;
}

static const struct tp_finding *
expect(const struct fx *x, const char *rule_id, enum tp_severity sev)
{
	const struct tp_finding *f = find(x, rule_id);
	if (!f) {
		for (size_t i = 0; i < tp_findings_count(x->found); i++)
			print_message("  have %s: %s\n",
				      tp_findings_get(x->found, i)->rule_id,
				      tp_findings_get(x->found, i)->message);
		fail_msg("no finding %s", rule_id);
	}
	assert_int_equal(f->severity, sev);
	assert_true(f->message[0] != '\0');
	assert_non_null(f->citation);
	return f;
}

static void
expect_none(const struct fx *x, const char *rule_id)
{
	const struct tp_finding *f = find(x, rule_id);
	if (f)
		fail_msg("unexpected %s: %s", rule_id, f->message);
}

#define D TP_DATE

static void
thurrock_award_inside_local_standstill(void **state)
{
	/* Seed timetable: notification Thu 18 Oct 2012, award 19 Oct,
	 * standstill shown 19 Oct - 1 Nov (ten working days). Part B under
	 * PCR 2006: no statutory standstill (reg 5(2)), but the council's own
	 * ten-working-day rule runs to the end of Thu 1 Nov. */
	struct fx x;
	const struct tp_finding *f;
	fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
	x.cfg.regime = TP_REGIME_PCR2006;
	x.cfg.procedure = TP_PROC_PART_B;
	x.cfg.local_standstill_days = 10;
	x.cfg.local_standstill_working_days = true;
	snprintf(x.cfg.local_citation, sizeof(x.cfg.local_citation),
		 "Thurrock CPR");
	milestone(&x, "notify", TP_STAGE_INTENTION_TO_AWARD, D(2012, 10, 18));
	stage(&x, "standstill", TP_STAGE_STANDSTILL, D(2012, 10, 19), 10);
	milestone(&x, "award", TP_STAGE_AWARD, D(2012, 10, 19));
	run(&x);
	f = expect(&x, "local.standstill", TP_SEVERITY_ERROR);
	assert_string_equal(f->stage, "award");
	assert_string_equal(f->fix, "earliest lawful award: 2012-11-02");
	assert_string_equal(f->citation, "Thurrock CPR");
	assert_non_null(strstr(f->message, "2012-11-01"));
	expect(&x, "standstill.not-mandatory", TP_SEVERITY_INFO);
	/* The plan's own standstill stage (to 1 Nov) meets the local rule. */
	expect_none(&x, "standstill.stage-short");
	expect_none(&x, "standstill.contract-inside");
	assert_int_equal(tp_findings_max_severity(x.found),
			 TP_SEVERITY_ERROR);
	fx_free(&x);

	/* Pinned to 19 Oct (the council's date) but pushed by a dependency
	 * on the standstill: still a breach of the rule, not only an unmet
	 * constraint. */
	fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
	x.cfg.regime = TP_REGIME_PCR2006;
	x.cfg.procedure = TP_PROC_PART_B;
	x.cfg.local_standstill_days = 10;
	x.cfg.local_standstill_working_days = true;
	milestone(&x, "notify", TP_STAGE_INTENTION_TO_AWARD, D(2012, 10, 18));
	stage(&x, "standstill", TP_STAGE_STANDSTILL, D(2012, 10, 19), 10);
	milestone(&x, "award", TP_STAGE_AWARD, D(2012, 10, 19));
	assert_int_equal(tp_plan_add_dependency(x.plan, "standstill", "award",
						TP_DEP_FINISH_TO_START, 0,
						TP_UNIT_WORKING_DAYS, NULL),
			 TP_OK);
	run(&x);
	f = expect(&x, "local.standstill", TP_SEVERITY_ERROR);
	assert_non_null(strstr(f->message, "2012-10-19"));
	expect(&x, "schedule.unmet", TP_SEVERITY_ERROR);
	fx_free(&x);

	/* The award moved to Fri 2 Nov passes. */
	fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
	x.cfg.regime = TP_REGIME_PCR2006;
	x.cfg.procedure = TP_PROC_PART_B;
	x.cfg.local_standstill_days = 10;
	x.cfg.local_standstill_working_days = true;
	milestone(&x, "notify", TP_STAGE_INTENTION_TO_AWARD, D(2012, 10, 18));
	milestone(&x, "award", TP_STAGE_AWARD, D(2012, 11, 2));
	run(&x);
	expect_none(&x, "local.standstill");
	fx_free(&x);
}

static void
statutory_standstill(void **state)
{
	/* PCR 2006 reg 32A, restricted procedure: notices e-mailed Thu 18
	 * Oct 2012; the 10th day after is Sun 28 Oct, so the standstill runs
	 * to the end of Mon 29 Oct and the award may be from Tue 30 Oct. */
	struct fx x;
	const struct tp_finding *f;
	fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
	x.cfg.regime = TP_REGIME_PCR2006;
	x.cfg.procedure = TP_PROC_RESTRICTED;
	milestone(&x, "notify", TP_STAGE_INTENTION_TO_AWARD, D(2012, 10, 18));
	stage(&x, "standstill", TP_STAGE_STANDSTILL, D(2012, 10, 19), 5);
	milestone(&x, "award", TP_STAGE_AWARD, D(2012, 10, 19));
	run(&x);
	f = expect(&x, "standstill.contract-inside", TP_SEVERITY_ERROR);
	assert_string_equal(f->fix, "earliest lawful award: 2012-10-30");
	assert_non_null(strstr(f->citation, "32A"));
	/* A five-working-day standstill stage ends Thu 25 Oct: too short. */
	f = expect(&x, "standstill.stage-short", TP_SEVERITY_WARNING);
	assert_non_null(strstr(f->fix, "2012-10-29"));
	expect_none(&x, "standstill.not-mandatory");
	fx_free(&x);

	fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
	x.cfg.regime = TP_REGIME_PCR2006;
	x.cfg.procedure = TP_PROC_RESTRICTED;
	milestone(&x, "notify", TP_STAGE_INTENTION_TO_AWARD, D(2012, 10, 18));
	stage(&x, "standstill", TP_STAGE_STANDSTILL, D(2012, 10, 19), 7);
	milestone(&x, "award", TP_STAGE_AWARD, D(2012, 10, 30));
	run(&x);
	expect_none(&x, "standstill.contract-inside");
	expect_none(&x, "standstill.stage-short");
	fx_free(&x);
}

static void
pa2023_standstill_over_christmas(void **state)
{
	/* Reference section 3.2: contract award notice Fri 19 Dec 2025; with
	 * 2 Jan 2026 a Scottish holiday the eighth working day is Mon 5 Jan:
	 * a contract on 5 Jan is inside, on Tue 6 Jan lawful - even for an
	 * English authority. */
	struct fx x;
	const struct tp_finding *f;
	fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
	x.cfg.regime = TP_REGIME_PA2023;
	milestone(&x, "can", TP_STAGE_INTENTION_TO_AWARD, D(2025, 12, 19));
	milestone(&x, "sign", TP_STAGE_CONTRACT_SIGNATURE, D(2026, 1, 5));
	run(&x);
	f = expect(&x, "standstill.contract-inside", TP_SEVERITY_ERROR);
	assert_string_equal(f->fix, "earliest lawful award: 2026-01-06");
	assert_non_null(strstr(f->citation, "s.51"));
	fx_free(&x);

	fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
	x.cfg.regime = TP_REGIME_PA2023;
	milestone(&x, "can", TP_STAGE_INTENTION_TO_AWARD, D(2025, 12, 19));
	milestone(&x, "sign", TP_STAGE_CONTRACT_SIGNATURE, D(2026, 1, 6));
	run(&x);
	expect_none(&x, "standstill.contract-inside");
	fx_free(&x);

	/* A light touch contract is exempt (s.51(3)(f)): information only. */
	fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
	x.cfg.regime = TP_REGIME_PA2023;
	x.cfg.procedure = TP_PROC_LIGHT_TOUCH;
	milestone(&x, "can", TP_STAGE_INTENTION_TO_AWARD, D(2025, 12, 19));
	milestone(&x, "sign", TP_STAGE_CONTRACT_SIGNATURE, D(2025, 12, 22));
	run(&x);
	expect_none(&x, "standstill.contract-inside");
	expect(&x, "standstill.not-mandatory", TP_SEVERITY_INFO);
	fx_free(&x);
}

static void
standstill_without_notice(void **state)
{
	struct fx x;
	fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
	x.cfg.regime = TP_REGIME_PCR2015;
	milestone(&x, "award", TP_STAGE_AWARD, D(2019, 6, 3));
	run(&x);
	expect(&x, "standstill.no-notice", TP_SEVERITY_WARNING);
	fx_free(&x);

	fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
	x.cfg.regime = TP_REGIME_PCR2015;
	milestone(&x, "notify", TP_STAGE_INTENTION_TO_AWARD, D(2019, 5, 20));
	milestone(&x, "award", TP_STAGE_AWARD, D(2019, 6, 3));
	run(&x);
	expect_none(&x, "standstill.no-notice");
	expect_none(&x, "standstill.contract-inside");
	fx_free(&x);
}

static void
tender_minimum(void **state)
{
	/* Reference section 1.1: open procedure, notice Tue 2 Jan 2024,
	 * electronic tenders: 30 days, earliest deadline Thu 1 Feb 2024. */
	struct fx x;
	const struct tp_finding *f;
	fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
	x.cfg.regime = TP_REGIME_PCR2015;
	milestone(&x, "advert", TP_STAGE_ADVERT, D(2024, 1, 2));
	milestone(&x, "deadline", TP_STAGE_TENDER_DEADLINE, D(2024, 1, 31));
	run(&x);
	f = expect(&x, "period.tender-minimum", TP_SEVERITY_ERROR);
	assert_string_equal(f->fix, "earliest lawful deadline: 2024-02-01");
	assert_string_equal(f->stage, "deadline");
	assert_string_equal(f->other_stage, "advert");
	assert_non_null(strstr(f->citation, "reg 27"));
	fx_free(&x);

	fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
	x.cfg.regime = TP_REGIME_PCR2015;
	milestone(&x, "advert", TP_STAGE_ADVERT, D(2024, 1, 2));
	milestone(&x, "deadline", TP_STAGE_TENDER_DEADLINE, D(2024, 2, 1));
	run(&x);
	expect_none(&x, "period.tender-minimum");
	expect_none(&x, "period.deadline-time");
	/* The same day at noon: the last day is cut short. */
	size_t i;
	assert_true(tp_plan_find_stage(x.plan, "deadline", &i));
	assert_int_equal(tp_plan_set_stage_time(x.plan, i, 12 * 60, NULL),
			 TP_OK);
	run(&x);
	expect(&x, "period.deadline-time", TP_SEVERITY_WARNING);
	fx_free(&x);
}

static void
participation_minimum(void **state)
{
	/* PCR 2015 reg 28(2): 30 days for requests; advert Tue 2 Jan 2024 ->
	 * Thu 1 Feb. */
	struct fx x;
	fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
	x.cfg.regime = TP_REGIME_PCR2015;
	x.cfg.procedure = TP_PROC_RESTRICTED;
	milestone(&x, "advert", TP_STAGE_ADVERT, D(2024, 1, 2));
	milestone(&x, "sq", TP_STAGE_PQQ_DEADLINE, D(2024, 1, 31));
	run(&x);
	expect(&x, "period.participation-minimum", TP_SEVERITY_ERROR);
	fx_free(&x);

	fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
	x.cfg.regime = TP_REGIME_PCR2015;
	x.cfg.procedure = TP_PROC_RESTRICTED;
	milestone(&x, "advert", TP_STAGE_ADVERT, D(2024, 1, 2));
	milestone(&x, "sq", TP_STAGE_PQQ_DEADLINE, D(2024, 2, 1));
	/* Two-stage: the tender period runs from the ITT (Mon 12 Feb) to
	 * Wed 13 Mar 2024: 30 days, at least the 25 for e-tenders. */
	milestone(&x, "itt", TP_STAGE_ITT_ISSUE, D(2024, 2, 12));
	milestone(&x, "deadline", TP_STAGE_TENDER_DEADLINE, D(2024, 3, 13));
	run(&x);
	expect_none(&x, "period.participation-minimum");
	expect_none(&x, "period.tender-minimum");
	fx_free(&x);
}

static void
local_minimum_tender(void **state)
{
	struct fx x;
	fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
	x.cfg.regime = TP_REGIME_PCR2015;
	x.cfg.local_min_tender_days = 40;
	milestone(&x, "advert", TP_STAGE_ADVERT, D(2024, 1, 2));
	milestone(&x, "deadline", TP_STAGE_TENDER_DEADLINE, D(2024, 2, 1));
	run(&x);
	/* 2 Jan + 40 days = Sun 11 Feb 2024. */
	assert_string_equal(
		expect(&x, "local.min-tender", TP_SEVERITY_ERROR)->fix,
		"deadline no earlier than 2024-02-11");
	fx_free(&x);

	fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
	x.cfg.regime = TP_REGIME_PCR2015;
	x.cfg.local_min_tender_days = 40;
	milestone(&x, "advert", TP_STAGE_ADVERT, D(2024, 1, 2));
	milestone(&x, "deadline", TP_STAGE_TENDER_DEADLINE, D(2024, 2, 12));
	run(&x);
	expect_none(&x, "local.min-tender");
	fx_free(&x);
}

static void
committee_report(void **state)
{
	/* Five working days before a cabinet on Thu 9 May 2019: 8, 7, (Mon
	 * 6 May is the Early May bank holiday), 3, 2, 1 May - the report is
	 * due by Wed 1 May. */
	struct fx x;
	for (int day = 1; day <= 2; day++) {
		fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
		x.cfg.regime = TP_REGIME_PCR2015;
		x.cfg.local_report_days = 5;
		milestone(&x, "report", TP_STAGE_CUSTOM, D(2019, 5, day));
		milestone(&x, "cabinet", TP_STAGE_GOVERNANCE_APPROVAL,
			  D(2019, 5, 9));
		assert_int_equal(tp_plan_add_dependency(
					 x.plan, "report", "cabinet",
					 TP_DEP_FINISH_TO_START, 0,
					 TP_UNIT_WORKING_DAYS, NULL),
				 TP_OK);
		run(&x);
		if (day == 1) {
			expect_none(&x, "local.committee-report");
		} else {
			const struct tp_finding *f =
				expect(&x, "local.committee-report",
				       TP_SEVERITY_ERROR);
			assert_string_equal(f->fix,
					    "send the report by 2019-05-01");
			assert_string_equal(f->stage, "report");
			assert_string_equal(f->other_stage, "cabinet");
		}
		fx_free(&x);
	}
}

static void
notice_after_decision(void **state)
{
	struct fx x;
	fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
	x.cfg.regime = TP_REGIME_PCR2015;
	stage(&x, "eval", TP_STAGE_EVALUATION, D(2019, 5, 1), 10);
	milestone(&x, "notify", TP_STAGE_INTENTION_TO_AWARD, D(2019, 5, 10));
	run(&x);
	/* 10 working days from Wed 1 May 2019 end Wed 15 May (Mon 6 May is
	 * the Early May holiday): after the notice on Fri 10 May. */
	expect(&x, "sequence.notice-before-decision", TP_SEVERITY_ERROR);
	fx_free(&x);

	fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
	x.cfg.regime = TP_REGIME_PCR2015;
	stage(&x, "eval", TP_STAGE_EVALUATION, D(2019, 5, 1), 3);
	milestone(&x, "approve", TP_STAGE_GOVERNANCE_APPROVAL, D(2019, 5, 8));
	milestone(&x, "notify", TP_STAGE_INTENTION_TO_AWARD, D(2019, 5, 10));
	run(&x);
	expect_none(&x, "sequence.notice-before-decision");
	fx_free(&x);
}

static void
tupe(void **state)
{
	/* TUPE reg 11(6) as amended: 28 days before a transfer on Wed 1 Apr
	 * 2015 is Wed 4 Mar 2015. */
	struct fx x;
	const struct tp_finding *f;
	fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
	x.cfg.regime = TP_REGIME_PCR2015;
	milestone(&x, "award", TP_STAGE_AWARD, D(2015, 3, 20));
	milestone(&x, "eli", TP_STAGE_TUPE_DEADLINE, D(2015, 3, 10));
	milestone(&x, "start", TP_STAGE_CONTRACT_START, D(2015, 4, 1));
	run(&x);
	f = expect(&x, "tupe.eli-late", TP_SEVERITY_ERROR);
	assert_non_null(strstr(f->fix, "2015-03-04"));
	/* Award Fri 20 Mar is after the ELI date and only 12 days before the
	 * start. */
	expect(&x, "tupe.eli-before-award", TP_SEVERITY_WARNING);
	expect(&x, "tupe.lead-in-short", TP_SEVERITY_WARNING);
	fx_free(&x);

	fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
	x.cfg.regime = TP_REGIME_PCR2015;
	milestone(&x, "award", TP_STAGE_AWARD, D(2015, 1, 5));
	milestone(&x, "eli", TP_STAGE_TUPE_DEADLINE, D(2015, 3, 4));
	milestone(&x, "start", TP_STAGE_CONTRACT_START, D(2015, 4, 1));
	run(&x);
	expect_none(&x, "tupe.eli-late");
	expect_none(&x, "tupe.eli-before-award");
	expect_none(&x, "tupe.lead-in-short");
	expect_none(&x, "tupe.eli-date");
	fx_free(&x);

	/* Before 1 May 2014, and in Northern Ireland, 14 days: transfer Tue
	 * 2 Apr 2013, ELI Tue 19 Mar is in time. No ELI stage: the date is
	 * given as information. */
	fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
	x.cfg.regime = TP_REGIME_PCR2006;
	milestone(&x, "eli", TP_STAGE_TUPE_DEADLINE, D(2013, 3, 19));
	milestone(&x, "start", TP_STAGE_CONTRACT_START, D(2013, 4, 2));
	run(&x);
	expect_none(&x, "tupe.eli-late");
	fx_free(&x);
	fx_init(&x, TP_REGION_NORTHERN_IRELAND);
	x.cfg.regime = TP_REGIME_PA2023;
	x.cfg.jurisdiction = TP_REGION_NORTHERN_IRELAND;
	milestone(&x, "start", TP_STAGE_CONTRACT_START, D(2025, 9, 1));
	run(&x);
	/* Mon 1 Sep 2025 - 14 days = Mon 18 Aug 2025. */
	f = expect(&x, "tupe.eli-date", TP_SEVERITY_INFO);
	assert_non_null(strstr(f->fix, "2025-08-18"));
	fx_free(&x);
}

static void
continuity(void **state)
{
	/* Hartlepool: the old contracts ended 31 Mar 2012, the new ones
	 * started Fri 4 May 2012 as planned: a gap of 33 days (1 Apr to
	 * 3 May), a warning. */
	struct fx x;
	const struct tp_finding *f;
	fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
	x.cfg.regime = TP_REGIME_PCR2006;
	x.cfg.has_incumbent_end = true;
	x.cfg.incumbent_end = D(2012, 3, 31);
	milestone(&x, "advert", TP_STAGE_ADVERT, D(2011, 11, 1));
	milestone(&x, "start", TP_STAGE_CONTRACT_START, D(2012, 5, 4));
	run(&x);
	f = expect(&x, "continuity.gap", TP_SEVERITY_WARNING);
	assert_non_null(strstr(f->message, "33 days"));
	/* The scheduler's answer, backward from 1 Apr 2012 (a Sunday, so
	 * from Fri 30 Mar): the advert is fixed on 1 Nov 2011 and nothing
	 * lies between, so that is the latest day; the contract start's own
	 * fixed date is what keeps it from 1 Apr. */
	assert_string_equal(f->fix, "advertise by 2011-11-01 and start on "
				    "2012-04-01, not on the fixed date");
	fx_free(&x);

	/* Not pinned, but pushed there by its predecessors: an error. */
	fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
	x.cfg.regime = TP_REGIME_PCR2006;
	x.cfg.has_incumbent_end = true;
	x.cfg.incumbent_end = D(2012, 3, 31);
	milestone(&x, "advert", TP_STAGE_ADVERT, D(2011, 11, 1));
	milestone(&x, "award", TP_STAGE_AWARD, D(2012, 5, 3));
	size_t i;
	assert_int_equal(tp_plan_add_stage(x.plan, "start", "start",
					   TP_STAGE_CONTRACT_START, 0,
					   TP_UNIT_WORKING_DAYS, &i, NULL),
			 TP_OK);
	assert_int_equal(tp_plan_add_dependency(x.plan, "award", "start",
						TP_DEP_FINISH_TO_START, 0,
						TP_UNIT_WORKING_DAYS, NULL),
			 TP_OK);
	run(&x);
	expect(&x, "continuity.cannot-meet", TP_SEVERITY_ERROR);
	fx_free(&x);

	fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
	x.cfg.regime = TP_REGIME_PCR2006;
	x.cfg.has_incumbent_end = true;
	x.cfg.incumbent_end = D(2012, 3, 31);
	milestone(&x, "start", TP_STAGE_CONTRACT_START, D(2012, 3, 30));
	run(&x);
	expect_none(&x, "continuity.gap");
	expect_none(&x, "continuity.cannot-meet");
	/* Ending Wed 28 Mar and starting Fri 30 Mar leaves Thu 29 Mar
	 * uncovered: one day. */
	x.cfg.incumbent_end = D(2012, 3, 28);
	run(&x);
	assert_non_null(strstr(expect(&x, "continuity.gap",
				      TP_SEVERITY_WARNING)->message,
			       "1 day without"));
	fx_free(&x);
}

static void
non_working_anchor_days(void **state)
{
	/* Thurrock: contract commencement 1 Apr 2013 is Easter Monday. */
	struct fx x;
	const struct tp_finding *f;
	fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
	x.cfg.regime = TP_REGIME_PCR2006;
	assert_int_equal(tp_plan_set_contract_start(x.plan, D(2013, 4, 1),
						    NULL),
			 TP_OK);
	milestone(&x, "start", TP_STAGE_CONTRACT_START, D(2013, 3, 28));
	run(&x);
	f = expect(&x, "calendar.contract-start-non-working",
		   TP_SEVERITY_WARNING);
	assert_non_null(strstr(f->message, "Easter Monday"));
	fx_free(&x);

	fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
	x.cfg.regime = TP_REGIME_PCR2006;
	assert_int_equal(tp_plan_set_contract_start(x.plan, D(2013, 4, 2),
						    NULL),
			 TP_OK);
	milestone(&x, "start", TP_STAGE_CONTRACT_START, D(2013, 4, 2));
	run(&x);
	expect_none(&x, "calendar.contract-start-non-working");
	expect_none(&x, "calendar.constraint-non-working");
	expect_none(&x, "schedule.unmet");
	fx_free(&x);

	/* A deadline pinned to Saturday 6 Oct 2012: a warning, and the
	 * scheduler cannot meet it (schedule.unmet). */
	fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
	x.cfg.regime = TP_REGIME_PCR2006;
	milestone(&x, "deadline", TP_STAGE_TENDER_DEADLINE, D(2012, 10, 6));
	run(&x);
	f = expect(&x, "calendar.constraint-non-working", TP_SEVERITY_WARNING);
	assert_non_null(strstr(f->message, "Saturday"));
	expect(&x, "schedule.unmet", TP_SEVERITY_ERROR);
	fx_free(&x);
}

static void
tender_over_holidays(void **state)
{
	/* Hartlepool: ITT 23 Dec 2011, tenders due 10 Feb 2012. */
	struct fx x;
	fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
	x.cfg.regime = TP_REGIME_PCR2006;
	x.cfg.procedure = TP_PROC_PART_B;
	milestone(&x, "itt", TP_STAGE_ITT_ISSUE, D(2011, 12, 23));
	milestone(&x, "deadline", TP_STAGE_TENDER_DEADLINE, D(2012, 2, 10));
	run(&x);
	expect(&x, "practice.tender-over-holidays", TP_SEVERITY_WARNING);
	/* Part B: no minimum period to break. */
	expect_none(&x, "period.tender-minimum");
	fx_free(&x);

	fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
	x.cfg.regime = TP_REGIME_PCR2006;
	milestone(&x, "itt", TP_STAGE_ITT_ISSUE, D(2012, 7, 27));
	milestone(&x, "deadline", TP_STAGE_TENDER_DEADLINE, D(2012, 9, 6));
	run(&x);
	expect_none(&x, "practice.tender-over-holidays");
	fx_free(&x);

	/* A period ending Wed 28 Dec 2011 still runs over Christmas. */
	fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
	x.cfg.regime = TP_REGIME_PCR2006;
	x.cfg.procedure = TP_PROC_PART_B;
	milestone(&x, "itt", TP_STAGE_ITT_ISSUE, D(2011, 12, 1));
	milestone(&x, "deadline", TP_STAGE_TENDER_DEADLINE, D(2011, 12, 28));
	run(&x);
	expect(&x, "practice.tender-over-holidays", TP_SEVERITY_WARNING);
	fx_free(&x);
}

static void
tender_over_closure(void **state)
{
	/* An office closure 13-17 Aug 2012 inside a summer tender period. */
	struct fx x;
	struct tp_calendar_builder *b;
	memset(&x, 0, sizeof(x));
	assert_int_equal(tp_calendar_builder_new(&b, NULL), TP_OK);
	assert_int_equal(tp_calendar_builder_add_closure(b, D(2012, 8, 13),
							 D(2012, 8, 17),
							 "summer closure",
							 NULL),
			 TP_OK);
	assert_int_equal(tp_calendar_builder_build(b, &x.cal, NULL), TP_OK);
	tp_calendar_builder_free(b);
	assert_int_equal(tp_plan_new(&x.plan, NULL), TP_OK);
	tp_plan_set_calendar(x.plan, x.cal);
	assert_int_equal(tp_plan_set_start_date(x.plan, D(2012, 7, 2), NULL),
			 TP_OK);
	tp_rules_config_init(&x.cfg);
	x.cfg.regime = TP_REGIME_PCR2006;
	milestone(&x, "itt", TP_STAGE_ITT_ISSUE, D(2012, 7, 27));
	milestone(&x, "deadline", TP_STAGE_TENDER_DEADLINE, D(2012, 9, 6));
	run(&x);
	assert_non_null(strstr(expect(&x, "practice.tender-over-holidays",
				      TP_SEVERITY_WARNING)
				       ->message,
			       "closure"));
	fx_free(&x);
}

static void
duplicate_milestones(void **state)
{
	/* Hartlepool: "report sent to contract scrutiny" on 2 Feb and on
	 * 9 Feb 2012. */
	struct fx x;
	size_t i;
	fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
	x.cfg.regime = TP_REGIME_PCR2006;
	assert_int_equal(tp_plan_add_stage(x.plan, "scrutiny-1",
					   "Report sent to contract scrutiny",
					   TP_STAGE_CUSTOM, 0,
					   TP_UNIT_WORKING_DAYS, &i, NULL),
			 TP_OK);
	assert_int_equal(tp_plan_add_constraint(x.plan, "scrutiny-1",
						TP_CONSTRAINT_START_ON,
						D(2012, 2, 2), NULL),
			 TP_OK);
	assert_int_equal(tp_plan_add_stage(x.plan, "scrutiny-2",
					   "report sent to contract scrutiny",
					   TP_STAGE_CUSTOM, 0,
					   TP_UNIT_WORKING_DAYS, &i, NULL),
			 TP_OK);
	assert_int_equal(tp_plan_add_constraint(x.plan, "scrutiny-2",
						TP_CONSTRAINT_START_ON,
						D(2012, 2, 9), NULL),
			 TP_OK);
	run(&x);
	expect(&x, "plan.duplicate-milestone", TP_SEVERITY_WARNING);
	fx_free(&x);

	/* Two tender deadlines on the same day are consistent. */
	fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
	x.cfg.regime = TP_REGIME_PCR2006;
	milestone(&x, "d1", TP_STAGE_TENDER_DEADLINE, D(2012, 2, 10));
	milestone(&x, "d2", TP_STAGE_TENDER_DEADLINE, D(2012, 2, 10));
	run(&x);
	expect_none(&x, "plan.duplicate-milestone");
	fx_free(&x);

	/* Two tender deadlines on different days: a duplicate in an open
	 * procedure, but initial and final tenders in a competitive
	 * procedure with negotiation (PCR 2015 reg 29(23)(a): "set a common
	 * deadline to submit any new or revised tenders"). */
	for (int rounds = 0; rounds < 2; rounds++) {
		fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
		x.cfg.regime = TP_REGIME_PCR2015;
		x.cfg.procedure = rounds ? TP_PROC_NEGOTIATION : TP_PROC_OPEN;
		milestone(&x, "initial", TP_STAGE_TENDER_DEADLINE,
			  D(2020, 4, 27));
		milestone(&x, "final", TP_STAGE_TENDER_DEADLINE,
			  D(2020, 6, 18));
		run(&x);
		if (rounds)
			expect_none(&x, "plan.duplicate-milestone");
		else
			expect(&x, "plan.duplicate-milestone",
			       TP_SEVERITY_WARNING);
		fx_free(&x);
	}
}

static void
regime_choice(void **state)
{
	struct fx x;
	/* By date: an advert in Nov 2011 falls under PCR 2006. */
	fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
	milestone(&x, "advert", TP_STAGE_ADVERT, D(2011, 11, 1));
	run(&x);
	assert_int_equal(tp_findings_regime(x.found), TP_REGIME_PCR2006);
	expect_none(&x, "regime.out-of-period");
	expect_none(&x, "regime.none");
	fx_free(&x);
	/* Naming PCR 2015 for it: a warning. */
	fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
	x.cfg.regime = TP_REGIME_PCR2015;
	milestone(&x, "advert", TP_STAGE_ADVERT, D(2011, 11, 1));
	run(&x);
	expect(&x, "regime.out-of-period", TP_SEVERITY_WARNING);
	fx_free(&x);
	/* Before PCR 2006 (31 Jan 2006): nothing modelled. */
	fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
	milestone(&x, "advert", TP_STAGE_ADVERT, D(2005, 6, 1));
	run(&x);
	expect(&x, "regime.none", TP_SEVERITY_INFO);
	fx_free(&x);
}

/* A plan: advert, 20 working days of work, a Cabinet meeting, the
 * contract start; England and Wales, PA 2023. */
static void
cabinet_plan(struct fx *x, bool fixed_cabinet)
{
	size_t i;
	fx_init(x, TP_REGION_ENGLAND_AND_WALES);
	x->cfg.regime = TP_REGIME_PA2023;
	assert_int_equal(tp_plan_set_start_date(x->plan, D(2026, 3, 2), NULL),
			 TP_OK);
	assert_int_equal(tp_plan_add_stage(x->plan, "advert", NULL,
					   TP_STAGE_ADVERT, 0,
					   TP_UNIT_WORKING_DAYS, &i, NULL),
			 TP_OK);
	assert_int_equal(tp_plan_add_stage(x->plan, "work", NULL,
					   TP_STAGE_CUSTOM, 20,
					   TP_UNIT_WORKING_DAYS, &i, NULL),
			 TP_OK);
	assert_int_equal(tp_plan_add_stage(x->plan, "cabinet", NULL,
					   TP_STAGE_GOVERNANCE_APPROVAL, 0,
					   TP_UNIT_WORKING_DAYS, &i, NULL),
			 TP_OK);
	assert_int_equal(tp_plan_add_stage(x->plan, "start", NULL,
					   TP_STAGE_CONTRACT_START, 0,
					   TP_UNIT_WORKING_DAYS, &i, NULL),
			 TP_OK);
	assert_int_equal(tp_plan_add_dependency(x->plan, "advert", "work",
						TP_DEP_FINISH_TO_START, 0,
						TP_UNIT_WORKING_DAYS, NULL),
			 TP_OK);
	assert_int_equal(tp_plan_add_dependency(x->plan, "work", "cabinet",
						TP_DEP_FINISH_TO_START, 0,
						TP_UNIT_WORKING_DAYS, NULL),
			 TP_OK);
	assert_int_equal(tp_plan_add_dependency(x->plan, "cabinet", "start",
						TP_DEP_FINISH_TO_START, 0,
						TP_UNIT_WORKING_DAYS, NULL),
			 TP_OK);
	if (fixed_cabinet)
		assert_int_equal(tp_plan_add_constraint(
					 x->plan, "cabinet",
					 TP_CONSTRAINT_START_ON,
					 D(2026, 5, 14), NULL),
				 TP_OK);
}

static void
run_today(struct fx *x, struct tp_date today)
{
	struct tp_check_options o;
	struct tp_error err;
	tp_check_options_init(&o);
	o.has_today = true;
	o.today = today;
	tp_findings_free(x->found);
	tp_schedule_free(x->sched);
	x->found = NULL;
	assert_int_equal(tp_schedule_compute(x->plan, TP_SCHEDULE_AUTO,
					     &x->sched, &err),
			 TP_OK);
	if (tp_plan_check_with(x->sched, &x->cfg, &o, &x->found, &err) !=
	    TP_OK)
		fail_msg("check: %s", err.message);
}

/* #8 item 2: when a fixed date drives the contract start, say so. */
static void
fixed_date_drives(void **state)
{
	struct fx x;
	const struct tp_finding *f;
	/* From Mon 2 Mar 2026: advert Mon 2 Mar, 20 working days 3-30 Mar
	 * (no bank holiday; Good Friday is 3 Apr), the Cabinet could meet
	 * Tue 31 Mar, but it is fixed on Thu 14 May: the contract starts Fri
	 * 15 May, driven by the Cabinet's date. */
	cabinet_plan(&x, true);
	run(&x);
	f = expect(&x, "plan.driven-by-fixed-date", TP_SEVERITY_INFO);
	assert_non_null(strstr(f->message, "2026-05-15"));
	assert_non_null(strstr(f->message, "'cabinet' (start-on 2026-05-14)"));
	fx_free(&x);
	/* Without the fixed date the start date drives it: no finding. */
	cabinet_plan(&x, false);
	run(&x);
	expect_none(&x, "plan.driven-by-fixed-date");
	fx_free(&x);
	/* The incumbent contract ends Thu 30 Apr 2026: to start on Fri 1 May
	 * the Cabinet must meet by Thu 30 Apr, 9 working days before its
	 * fixed 14 May (30 Apr, 1, 5, 6, 7, 8, 11, 12, 13 May: Mon 4 May is
	 * the Early May bank holiday); the work then ends by Wed 29 Apr and
	 * its 20 working days begin Tue 31 Mar (31 Mar, 1, 2, 7-10, 13-17,
	 * 20-24, 27-29 Apr: Good Friday 3 and Easter Monday 6 Apr skipped),
	 * so the advert by Mon 30 Mar. */
	cabinet_plan(&x, true);
	x.cfg.has_incumbent_end = true;
	x.cfg.incumbent_end = D(2026, 4, 30);
	run(&x);
	f = expect(&x, "continuity.cannot-meet", TP_SEVERITY_ERROR);
	assert_string_equal(f->fix,
			    "advertise by 2026-03-30 and move the fixed date of "
			    "'cabinet' (start-on 2026-05-14) 9 working days "
			    "earlier to start on 2026-05-01");
	fx_free(&x);
}

/* #8 item 3: a latest start already past is a warning; a plan wholly in
 * the past is one info finding. */
static void
today_rules(void **state)
{
	struct fx x;
	const struct tp_finding *f;
	/* Backward from a contract start on Fri 15 May 2026 (no fixed
	 * Cabinet): Cabinet Thu 14 May, 20 working days Wed 15 Apr - Wed 13
	 * May (15-17, 20-24, 27-30 Apr, 1, 5-8, 11-13 May; Mon 4 May
	 * skipped), so the latest day to advertise is Tue 14 Apr. */
	cabinet_plan(&x, false);
	tp_plan_clear_start_date(x.plan);
	assert_int_equal(tp_plan_set_contract_start(x.plan, D(2026, 5, 15),
						    NULL),
			 TP_OK);
	/* On that day itself nothing is late. */
	run_today(&x, D(2026, 4, 14));
	expect_none(&x, "today.latest-start-past");
	/* A day later the advert is late: the warning, and the earliest
	 * contract start advertising today (Wed 15 Apr): work 16 Apr - Thu
	 * 14 May (16, 17, 20-24, 27-30 Apr, 1, 5-8, 11-14 May), Cabinet Fri
	 * 15 May, start Mon 18 May. */
	run_today(&x, D(2026, 4, 15));
	f = expect(&x, "today.latest-start-past", TP_SEVERITY_WARNING);
	assert_string_equal(f->stage, "advert");
	assert_non_null(strstr(f->message, "2026-04-14"));
	assert_string_equal(f->fix, "starting today, the contract start can "
				    "be on 2026-05-18 at the earliest");
	/* After the contract start everything is history. */
	run_today(&x, D(2026, 6, 1));
	expect(&x, "today.plan-past", TP_SEVERITY_INFO);
	expect_none(&x, "today.latest-start-past");
	/* Without today, no today rule. */
	tp_findings_free(x.found);
	x.found = NULL;
	assert_int_equal(tp_plan_check_with(x.sched, &x.cfg, NULL, &x.found,
					    NULL),
			 TP_OK);
	expect_none(&x, "today.plan-past");
	expect_none(&x, "today.latest-start-past");
	fx_free(&x);
}

/* Validate @p xml against data/tenderplan-findings.xsd. */
static void
expect_valid(const char *xml, size_t len)
{
	char path[1024];
	const char *root = getenv("TP_SOURCE_ROOT");
	assert_non_null(root);
	snprintf(path, sizeof(path), "%s/data/tenderplan-findings.xsd", root);
	xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(path);
	xmlSchemaPtr schema = xmlSchemaParse(pc);
	assert_non_null(schema);
	xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
	xmlDocPtr doc = xmlReadMemory(xml, (int)len, "findings.xml", NULL,
				      XML_PARSE_NONET);
	assert_non_null(doc);
	assert_int_equal(xmlSchemaValidateDoc(vc, doc), 0);
	xmlFreeDoc(doc);
	xmlSchemaFreeValidCtxt(vc);
	xmlSchemaFree(schema);
	xmlSchemaFreeParserCtxt(pc);
}

static void
findings_as_xml(void **state)
{
	struct fx x;
	char *xml = NULL;
	size_t len = 0;
	fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
	x.cfg.regime = TP_REGIME_PCR2006;
	x.cfg.procedure = TP_PROC_RESTRICTED;
	milestone(&x, "notify", TP_STAGE_INTENTION_TO_AWARD, D(2012, 10, 18));
	/* A name with markup characters, escaped by libxml2. */
	size_t i;
	assert_int_equal(tp_plan_add_stage(x.plan, "award", "Award <& sign>",
					   TP_STAGE_AWARD, 0,
					   TP_UNIT_WORKING_DAYS, &i, NULL),
			 TP_OK);
	assert_int_equal(tp_plan_add_constraint(x.plan, "award",
						TP_CONSTRAINT_START_ON,
						D(2012, 10, 19), NULL),
			 TP_OK);
	run(&x);
	assert_int_equal(tp_findings_write_xml(x.found, "thurrock", &xml, &len,
					       NULL),
			 TP_OK);
	assert_int_equal(strlen(xml), len);
	expect_valid(xml, len);
	assert_non_null(strstr(xml, "rule=\"standstill.contract-inside\""));
	assert_non_null(strstr(xml, "errors=\"1\""));
	assert_non_null(strstr(xml, "regime=\"pcr2006\""));
	assert_non_null(strstr(xml, "Award &lt;&amp; sign&gt;"));
	assert_non_null(strstr(xml, "<fix>earliest lawful award: 2012-10-30</fix>"));
	free(xml);
	fx_free(&x);
	/* An empty list is a valid document too. */
	fx_init(&x, TP_REGION_ENGLAND_AND_WALES);
	x.cfg.regime = TP_REGIME_PCR2015;
	run(&x);
	assert_int_equal(tp_findings_write_xml(x.found, NULL, &xml, &len,
					       NULL),
			 TP_OK);
	expect_valid(xml, len);
	free(xml);
	fx_free(&x);
}

static void
bad_arguments(void **state)
{
	struct tp_findings *f = NULL;
	struct tp_rules_config cfg;
	tp_rules_config_init(&cfg);
	assert_int_equal(tp_plan_check(NULL, &cfg, &f, NULL), TP_ERR_INVALID);
	assert_null(f);
	assert_int_equal(tp_findings_count(NULL), 0);
	assert_null(tp_findings_get(NULL, 0));
	tp_findings_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(thurrock_award_inside_local_standstill),
		cmocka_unit_test(statutory_standstill),
		cmocka_unit_test(pa2023_standstill_over_christmas),
		cmocka_unit_test(standstill_without_notice),
		cmocka_unit_test(tender_minimum),
		cmocka_unit_test(participation_minimum),
		cmocka_unit_test(local_minimum_tender),
		cmocka_unit_test(committee_report),
		cmocka_unit_test(notice_after_decision),
		cmocka_unit_test(tupe),
		cmocka_unit_test(continuity),
		cmocka_unit_test(non_working_anchor_days),
		cmocka_unit_test(tender_over_holidays),
		cmocka_unit_test(tender_over_closure),
		cmocka_unit_test(duplicate_milestones),
		cmocka_unit_test(fixed_date_drives),
		cmocka_unit_test(today_rules),
		cmocka_unit_test(regime_choice),
		cmocka_unit_test(findings_as_xml),
		cmocka_unit_test(bad_arguments),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
