/* SPDX-License-Identifier: MIT */
/* One test per legal defect of issue #8 (items 5, 6 and 7) and the
 * checker's grouping (#9, #11): each quotes the provision it enforces, read
 * in the legislation itself (legislation.gov.uk revised text, mirrored as
 * Markdown in legalize-dev/legalize-uk: uk/uksi-2015-102.md,
 * uk-sct/ssi-2015-446.md, uk/uksi-2006-5.md, uk/uksi-2009-2992.md,
 * uk/ukpga-2023-54.md, uk/uksi-2024-716.md, uk/uksi-2014-16.md).
 *
 * Dates were counted by hand with weekdays checked in Debian's python3
 * datetime, and holidays taken from the tests/data/holidays lists (gov.uk
 * lists transcribed for the holiday tests) - never from this library.
 *
 * Plans pin every stage with a start-on constraint on a calendar with no
 * weekend and no holidays, so that the dates under test are exactly the
 * ones written here, whatever the statute's calendar says: the checker
 * must count statutory periods on the statute's calendar (#8 item 4). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <tenderplan/tenderplan.h>

#define D TP_DATE

struct fx {
	struct tp_calendar *cal;
	struct tp_plan *plan;
	struct tp_schedule *sched;
	struct tp_findings *found;
	struct tp_rules_config cfg;
};

/* A calendar where every day is a working day: the plan's own calendar
 * must not decide statutory periods. */
static struct tp_calendar *
every_day_calendar(void)
{
	struct tp_calendar_builder *b = NULL;
	struct tp_calendar *cal = NULL;

	assert_int_equal(tp_calendar_builder_new(&b, NULL), TP_OK);
	assert_int_equal(tp_calendar_builder_set_region(b, TP_REGION_NONE,
							NULL),
			 TP_OK);
	assert_int_equal(tp_calendar_builder_set_weekend(b, 0, NULL), TP_OK);
	assert_int_equal(tp_calendar_builder_build(b, &cal, NULL), TP_OK);
	tp_calendar_builder_free(b);
	return cal;
}

static void
fx_init(struct fx *x, enum tp_regime regime, enum tp_procedure proc)
{
	memset(x, 0, sizeof(*x));
	x->cal = every_day_calendar();
	assert_int_equal(tp_plan_new(&x->plan, NULL), TP_OK);
	tp_plan_set_calendar(x->plan, x->cal);
	assert_int_equal(tp_plan_set_start_date(x->plan, D(2000, 1, 3), NULL),
			 TP_OK);
	tp_rules_config_init(&x->cfg);
	x->cfg.regime = regime;
	x->cfg.procedure = proc;
}

static void
fx_free(struct fx *x)
{
	tp_findings_free(x->found);
	tp_schedule_free(x->sched);
	tp_plan_free(x->plan);
	tp_calendar_free(x->cal);
	memset(x, 0, sizeof(*x));
}

/* A stage pinned to start on @d; @name may be NULL (names are optional). */
static void
pinned(struct fx *x, const char *id, const char *name, enum tp_stage_kind kind,
       struct tp_date d, int32_t days)
{
	struct tp_error err;
	if (tp_plan_add_stage(x->plan, id, name, kind, days,
			      TP_UNIT_CALENDAR_DAYS, NULL, &err) != TP_OK ||
	    tp_plan_add_constraint(x->plan, id, TP_CONSTRAINT_START_ON, d,
				   &err) != TP_OK)
		fail_msg("%s: %s", id, err.message);
}

static void
milestone(struct fx *x, const char *id, enum tp_stage_kind kind,
	  struct tp_date d)
{
	pinned(x, id, id, kind, d, 0);
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

static size_t
count(const struct fx *x, const char *rule_id)
{
	size_t n = 0;
	for (size_t i = 0; i < tp_findings_count(x->found); i++)
		n += !strcmp(tp_findings_get(x->found, i)->rule_id, rule_id);
	return n;
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
	if (f->severity != sev)
		fail_msg("%s is %s, not %s: %s", rule_id,
			 tp_severity_name(f->severity), tp_severity_name(sev),
			 f->message);
	return f;
}

static void
expect_none(const struct fx *x, const char *rule_id)
{
	const struct tp_finding *f = find(x, rule_id);
	if (f)
		fail_msg("unexpected %s: %s", rule_id, f->message);
}

static int32_t
min_days(enum tp_regime r, enum tp_procedure p, enum tp_period_kind k,
	 unsigned claims)
{
	struct tp_min_period m;
	struct tp_error err;
	if (tp_min_period(r, p, k, claims, &m, &err) != TP_OK)
		fail_msg("tp_min_period: %s", err.message);
	return m.days;
}

static const char *
min_cite(enum tp_regime r, enum tp_procedure p, enum tp_period_kind k,
	 unsigned claims)
{
	struct tp_min_period m;
	struct tp_error err;
	if (tp_min_period(r, p, k, claims, &m, &err) != TP_OK)
		fail_msg("tp_min_period: %s", err.message);
	return m.citation;
}

#define T TP_PERIOD_TENDER
#define P TP_PERIOD_PARTICIPATION
#define E TP_CLAIM_ELECTRONIC_TENDERS
#define DOCS TP_CLAIM_DOCUMENTS_WITH_NOTICE

/* ---- PCR 2015 reg 53(5) after a PIN ------------------------------------- */

static void
documents_not_electronic_after_pin(void **state)
{
	/* PCR 2015 reg 53(5): "In the cases referred to in paragraphs (3)
	 * and (4), the time limit for the submission of tenders shall be
	 * prolonged by 5 days, except in the cases of duly substantiated
	 * urgency referred to in regulations 27(5), 28(10) and 29(10)." No
	 * exception for a prior information notice: reg 28(6) shortens the
	 * restricted tender period to 10 days, reg 53(5) then adds 5. */
	assert_int_equal(min_days(TP_REGIME_PCR2015, TP_PROC_RESTRICTED, T,
				  E | TP_CLAIM_PIN),
			 15);
	assert_int_equal(min_days(TP_REGIME_PCR2015, TP_PROC_NEGOTIATION, T,
				  E | TP_CLAIM_PIN),
			 15);
	/* With the documents online from the notice: 10. */
	assert_int_equal(min_days(TP_REGIME_PCR2015, TP_PROC_RESTRICTED, T,
				  E | DOCS | TP_CLAIM_PIN),
			 10);
	/* Urgency is the only exception: reg 28(10)(b), 10 days. */
	assert_int_equal(min_days(TP_REGIME_PCR2015, TP_PROC_RESTRICTED, T,
				  TP_CLAIM_URGENCY),
			 10);
	/* Open procedure after a PIN (reg 27(4)): 15 + 5. */
	assert_int_equal(min_days(TP_REGIME_PCR2015, TP_PROC_OPEN, T,
				  E | TP_CLAIM_PIN),
			 20);
	/* PCSR 2015 reg 54(5) is the same rule: "the time limit for the
	 * submission of tenders must be extended by 5 days, except in a case
	 * of duly substantiated urgency referred to in regulation 28(5)...,
	 * regulation 29(11)..., or regulation 30(11)". */
	assert_int_equal(min_days(TP_REGIME_PCSR2015, TP_PROC_RESTRICTED, T,
				  E | TP_CLAIM_PIN),
			 15);
	assert_non_null(strstr(min_cite(TP_REGIME_PCR2015, TP_PROC_RESTRICTED,
					T, E | TP_CLAIM_PIN),
			       "53(5)"));
}

/* ---- PCSR 2015 regs 30-32; no silence ------------------------------------ */

static void
scottish_negotiation_dialogue_partnership(void **state)
{
	struct fx x;
	const struct tp_finding *f;
	/* PCSR 2015 reg 30(5): "The minimum time period for the receipt of
	 * requests to participate shall, subject to paragraph (11), be 30
	 * days"; reg 30(6): initial tenders 30 days from the invitation;
	 * (8)-(9): a sub-central authority may agree it, else "at least 10
	 * days"; (11)(a)-(b): urgency 15 / 10. reg 31(3) (competitive
	 * dialogue) and reg 32(11) (innovation partnership): requests 30
	 * days. */
	assert_int_equal(min_days(TP_REGIME_PCSR2015, TP_PROC_NEGOTIATION, P,
				  0),
			 30);
	assert_int_equal(min_days(TP_REGIME_PCSR2015, TP_PROC_NEGOTIATION, P,
				  TP_CLAIM_URGENCY),
			 15);
	assert_int_equal(min_days(TP_REGIME_PCSR2015, TP_PROC_NEGOTIATION, T,
				  E | DOCS),
			 10);
	assert_int_equal(min_days(TP_REGIME_PCSR2015,
				  TP_PROC_COMPETITIVE_DIALOGUE, P, 0),
			 30);
	assert_int_equal(min_days(TP_REGIME_PCSR2015,
				  TP_PROC_INNOVATION_PARTNERSHIP, P, 0),
			 30);
	assert_string_equal(min_cite(TP_REGIME_PCSR2015, TP_PROC_NEGOTIATION,
				     P, 0),
			    "PCSR 2015 reg 30(5)");
	assert_string_equal(min_cite(TP_REGIME_PCSR2015,
				     TP_PROC_COMPETITIVE_DIALOGUE, P, 0),
			    "PCSR 2015 reg 31(3)");
	assert_string_equal(min_cite(TP_REGIME_PCSR2015,
				     TP_PROC_INNOVATION_PARTNERSHIP, P, 0),
			    "PCSR 2015 reg 32(11)");

	/* The checker applies it: contract notice Tue 4 Jun 2024, requests
	 * due Wed 3 Jul 2024 = 29 days (Scottish working days: no holiday in
	 * June 2024). The 30th day, Thu 4 Jul, is the earliest. */
	fx_init(&x, TP_REGIME_PCSR2015, TP_PROC_NEGOTIATION);
	x.cfg.jurisdiction = TP_REGION_SCOTLAND;
	milestone(&x, "notice", TP_STAGE_ADVERT, D(2024, 6, 4));
	milestone(&x, "requests", TP_STAGE_PQQ_DEADLINE, D(2024, 7, 3));
	run(&x);
	f = expect(&x, "period.participation-minimum", TP_SEVERITY_ERROR);
	assert_string_equal(f->fix, "earliest lawful deadline: 2024-07-04");
	assert_string_equal(f->citation, "PCSR 2015 reg 30(5)");
	fx_free(&x);

	/* A procedure the regime does not have is said, not passed over in
	 * silence: PA 2023 s.20 has only open and competitive flexible. */
	fx_init(&x, TP_REGIME_PA2023, TP_PROC_RESTRICTED);
	milestone(&x, "notice", TP_STAGE_ADVERT, D(2025, 6, 2));
	milestone(&x, "due", TP_STAGE_TENDER_DEADLINE, D(2025, 6, 5));
	run(&x);
	f = expect(&x, "procedure.not-in-regime", TP_SEVERITY_WARNING);
	assert_non_null(strstr(f->message, "restricted"));
	fx_free(&x);

	/* No fixed minimum (competitive dialogue tenders, PCR 2015 reg 30):
	 * an info finding says what was not checked. */
	fx_init(&x, TP_REGIME_PCR2015, TP_PROC_COMPETITIVE_DIALOGUE);
	milestone(&x, "itt", TP_STAGE_ITT_ISSUE, D(2024, 6, 3));
	milestone(&x, "due", TP_STAGE_TENDER_DEADLINE, D(2024, 7, 1));
	run(&x);
	expect(&x, "period.not-checked", TP_SEVERITY_INFO);
	fx_free(&x);
}

/* ---- reg 2(3)(a): two working days ---------------------------------------- */

static void
two_working_days(void **state)
{
	struct fx x;
	const struct tp_finding *f;
	struct tp_calendar *ew;
	struct tp_date d;
	/* PCR 2015 reg 2(3): "In Part 2 ..., any reference to a period of
	 * time, however expressed, is to be interpreted subject to the
	 * following requirements:- (a) the period must include at least 2
	 * working days". An agreed tender period (reg 28(7)) too. ITT sent
	 * Fri 7 Jun 2024, tenders due Mon 10 Jun: the period (Sat 8 - Mon
	 * 10) has one working day. Tue 11 Jun is the second. */
	fx_init(&x, TP_REGIME_PCR2015, TP_PROC_RESTRICTED);
	x.cfg.claims |= TP_CLAIM_AGREED_PERIOD;
	milestone(&x, "itt", TP_STAGE_ITT_ISSUE, D(2024, 6, 7));
	milestone(&x, "due", TP_STAGE_TENDER_DEADLINE, D(2024, 6, 10));
	run(&x);
	f = expect(&x, "period.two-working-days", TP_SEVERITY_ERROR);
	assert_string_equal(f->fix, "earliest lawful deadline: 2024-06-11");
	assert_string_equal(f->citation, "PCR 2015 reg 2(3)(a)");
	fx_free(&x);
	fx_init(&x, TP_REGIME_PCR2015, TP_PROC_RESTRICTED);
	x.cfg.claims |= TP_CLAIM_AGREED_PERIOD;
	milestone(&x, "itt", TP_STAGE_ITT_ISSUE, D(2024, 6, 7));
	milestone(&x, "due", TP_STAGE_TENDER_DEADLINE, D(2024, 6, 11));
	run(&x);
	expect_none(&x, "period.two-working-days");
	fx_free(&x);

	/* PCR 2006 reg 2(4)(b): "within a certain period, that period must
	 * include at least two working days"; PCSR 2015 reg 2(4)(b): "the
	 * period must include at least 2 working days". The earliest deadline
	 * of a zero-day minimum from Fri 7 Jun 2024 is Tue 11 Jun. */
	assert_int_equal(tp_calendar_new_region(TP_REGION_ENGLAND_AND_WALES,
						&ew, NULL),
			 TP_OK);
	assert_int_equal(tp_earliest_deadline(TP_REGIME_PCR2015, ew,
					      D(2024, 6, 7), 0, &d, NULL),
			 TP_OK);
	assert_int_equal(d.day, D(2024, 6, 11).day);
	assert_int_equal(tp_earliest_deadline(TP_REGIME_PCR2006, ew,
					      D(2024, 6, 7), 0, &d, NULL),
			 TP_OK);
	assert_int_equal(d.day, D(2024, 6, 11).day);
	/* Over a bank holiday: Thu 2 May 2024 + the two working days Fri 3
	 * and Tue 7 May (Mon 6 May is the Early May bank holiday). */
	assert_int_equal(tp_earliest_deadline(TP_REGIME_PCSR2015, ew,
					      D(2024, 5, 2), 0, &d, NULL),
			 TP_OK);
	assert_int_equal(d.day, D(2024, 5, 7).day);
	/* The Act has no such rule (s.54(5)). */
	assert_int_equal(tp_earliest_deadline(TP_REGIME_PA2023, ew,
					      D(2025, 6, 6), 0, &d, NULL),
			 TP_OK);
	assert_int_equal(d.day, D(2025, 6, 6).day);
	tp_calendar_free(ew);
}

/* ---- PCR 2006 before 20 December 2009 ------------------------------------ */

static void
pcr2006_good_friday_christmas(void **state)
{
	struct tp_standstill_request req;
	struct tp_standstill s;
	struct fx x;
	const struct tp_finding *f;
	/* SI 2009/2992 reg 4(a): "in the definition of 'working day', after
	 * 'Sunday' insert ', Christmas Day, Good Friday'", in force 20
	 * December 2009 (reg 1(1)); reg 11(5)(b): "'these Regulations' does
	 * not include regulation 4(a)", so the transitional saving does not
	 * keep the old definition - the day decides. Before 20 Dec 2009 a
	 * working day was "a day other than a Saturday, Sunday or Bank
	 * Holiday within the meaning of the Banking and Financial Dealings
	 * Act 1971", and Good Friday and Christmas Day are not bank holidays
	 * in England and Wales (Sch 1 para 1).
	 *
	 * Notices e-mailed Tue 11 Mar 2008: the 10th day after is Fri 21 Mar
	 * 2008, Good Friday - then a working day, so the standstill ends at
	 * the end of that day (computed as reg 32A, with a warning that reg
	 * 32A was not yet in force). */
	memset(&req, 0, sizeof(req));
	req.regime = TP_REGIME_PCR2006;
	req.sent = D(2008, 3, 11);
	req.region = TP_REGION_ENGLAND_AND_WALES;
	assert_int_equal(tp_standstill_compute(&req, &s, NULL), TP_OK);
	assert_int_equal(s.last_day.day, D(2008, 3, 21).day);
	assert_false(s.extended);
	/* Good Friday 2 Apr 2010 (after 20 Dec 2009) is not: 10th day after
	 * Tue 23 Mar 2010 is Good Friday, extended over Easter Monday 5 Apr
	 * to Tue 6 Apr (the reference's worked case). */
	req.sent = D(2010, 3, 23);
	assert_int_equal(tp_standstill_compute(&req, &s, NULL), TP_OK);
	assert_int_equal(s.last_day.day, D(2010, 4, 6).day);

	/* A tender period under PCR 2006 reg 16(16), 40 days less 5 (reg
	 * 16(19)) = 35, from an ITT sent Thu 20 Nov 2008: the 35th day is
	 * Thu 25 Dec 2008, Christmas Day, then a working day: no roll, so a
	 * deadline of 25 Dec 2008 is lawful and 24 Dec is one day short. */
	fx_init(&x, TP_REGIME_PCR2006, TP_PROC_RESTRICTED);
	milestone(&x, "itt", TP_STAGE_ITT_ISSUE, D(2008, 11, 20));
	milestone(&x, "due", TP_STAGE_TENDER_DEADLINE, D(2008, 12, 25));
	run(&x);
	expect_none(&x, "period.tender-minimum");
	fx_free(&x);
	fx_init(&x, TP_REGIME_PCR2006, TP_PROC_RESTRICTED);
	milestone(&x, "itt", TP_STAGE_ITT_ISSUE, D(2008, 11, 20));
	milestone(&x, "due", TP_STAGE_TENDER_DEADLINE, D(2008, 12, 24));
	run(&x);
	f = expect(&x, "period.tender-minimum", TP_SEVERITY_ERROR);
	assert_string_equal(f->fix, "earliest lawful deadline: 2008-12-25");
	fx_free(&x);
}

/* ---- call-offs follow their framework ------------------------------------ */

#ifndef TP_OLD_API
static void
call_off_follows_framework(void **state)
{
	struct fx x;
	/* SI 2024/716 reg 5(1): the 2015 Regulations "continue to apply ...
	 * in respect of procurement procedures, contracts, framework
	 * agreements and dynamic purchasing systems in any of the
	 * circumstances described in paragraphs (2) and (3)"; reg 5(3)(a):
	 * "before 24th February 2025 - (a) a contracting authority has
	 * awarded the contract, concluded the framework agreement or
	 * established the dynamic purchasing system". A call-off in June 2025
	 * under a framework concluded on 1 May 2023 is under PCR 2015. */
	fx_init(&x, TP_REGIME_BY_DATE, TP_PROC_CALL_OFF);
	x.cfg.has_framework_concluded = true;
	x.cfg.framework_concluded = D(2023, 5, 1);
	milestone(&x, "invite", TP_STAGE_ADVERT, D(2025, 6, 2));
	run(&x);
	assert_int_equal(tp_findings_regime(x.found), TP_REGIME_PCR2015);
	expect_none(&x, "regime.out-of-period");
	/* Without the date: by the call-off's own start, the Act. */
	x.cfg.has_framework_concluded = false;
	run(&x);
	assert_int_equal(tp_findings_regime(x.found), TP_REGIME_PA2023);
	/* A framework concluded from 24 Feb 2025: the Act. */
	x.cfg.has_framework_concluded = true;
	x.cfg.framework_concluded = D(2025, 2, 24);
	run(&x);
	assert_int_equal(tp_findings_regime(x.found), TP_REGIME_PA2023);
	/* PCR 2015 reg 118(3) for PCR 2006 frameworks: "Nothing in these
	 * Regulations affects the award of a specific contract based on a
	 * framework agreement where the framework agreement was concluded (a)
	 * before 26th February 2015". */
	x.cfg.framework_concluded = D(2014, 6, 2);
	run(&x);
	assert_int_equal(tp_findings_regime(x.found), TP_REGIME_PCR2006);
	fx_free(&x);
}
#endif

/* ---- PA 2023 voluntary standstill ---------------------------------------- */

static void
voluntary_standstill_at_least_eight_days(void **state)
{
	struct fx x;
	const struct tp_finding *f;
	/* PA 2023 s.51(3)(f): the mandatory standstill does not apply to "a
	 * light touch contract"; s.51(4): the authority "may not enter into
	 * the contract before the end of any standstill period (a 'voluntary
	 * standstill period') provided for in the contract award notice";
	 * s.51(5): "A voluntary standstill period may not be less than a
	 * period of eight working days beginning with the day on which the
	 * contract award notice is published."
	 *
	 * Notice published Mon 2 Jun 2025: eight working days (s.123, no
	 * holiday in any part of the UK) are 2-6 and 9-11 Jun: the 8th is Wed
	 * 11 Jun. A voluntary standstill stage of five days, 3-7 Jun, is
	 * short. */
	fx_init(&x, TP_REGIME_PA2023, TP_PROC_LIGHT_TOUCH);
	milestone(&x, "can", TP_STAGE_INTENTION_TO_AWARD, D(2025, 6, 2));
	pinned(&x, "standstill", "Voluntary standstill", TP_STAGE_STANDSTILL,
	       D(2025, 6, 3), 5);
	milestone(&x, "sign", TP_STAGE_CONTRACT_SIGNATURE, D(2025, 6, 12));
	run(&x);
	f = expect(&x, "standstill.voluntary-short", TP_SEVERITY_ERROR);
	assert_string_equal(f->citation, "Procurement Act 2023 s.51(5)");
	assert_non_null(strstr(f->fix, "2025-06-11"));
	expect_none(&x, "standstill.contract-inside");
	fx_free(&x);
	/* To the 11th: lawful; a signature on the 11th is inside it. */
	fx_init(&x, TP_REGIME_PA2023, TP_PROC_LIGHT_TOUCH);
	milestone(&x, "can", TP_STAGE_INTENTION_TO_AWARD, D(2025, 6, 2));
	pinned(&x, "standstill", "Voluntary standstill", TP_STAGE_STANDSTILL,
	       D(2025, 6, 2), 10);
	milestone(&x, "sign", TP_STAGE_CONTRACT_SIGNATURE, D(2025, 6, 11));
	run(&x);
	expect_none(&x, "standstill.voluntary-short");
	f = expect(&x, "standstill.contract-inside", TP_SEVERITY_ERROR);
	assert_string_equal(f->fix, "earliest lawful award: 2025-06-12");
	fx_free(&x);
	/* The local rules' standstill of 5 working days as the voluntary
	 * one: short too. */
	fx_init(&x, TP_REGIME_PA2023, TP_PROC_LIGHT_TOUCH);
	x.cfg.local_standstill_days = 5;
	x.cfg.local_standstill_working_days = true;
	milestone(&x, "can", TP_STAGE_INTENTION_TO_AWARD, D(2025, 6, 2));
	milestone(&x, "sign", TP_STAGE_CONTRACT_SIGNATURE, D(2025, 6, 20));
	run(&x);
	expect(&x, "standstill.voluntary-short", TP_SEVERITY_ERROR);
	fx_free(&x);
}

/* ---- Northern Ireland ------------------------------------------------------ */

static void
northern_ireland(void **state)
{
	struct fx x;
	const struct tp_finding *f;
	struct tp_plan_doc *doc = NULL;
	static const char plan[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<plan xmlns=\"urn:tenderplan:plan:1\" id=\"ni\">\n"
		"  <calendar region=\"northern-ireland\"/>\n"
		"  <rules regime=\"pcr2015\" procedure=\"open\"/>\n"
		"  <stages><stage id=\"a\" kind=\"advert\"/></stages>\n"
		"</plan>\n";
	/* PCR 2015 reg 87(2) with reg 2(4): notices e-mailed Fri 2 Jul 2021;
	 * the 10th day after is Mon 12 Jul 2021, the Battle of the Boyne
	 * (Orangemen's Day), a Northern Ireland bank holiday: the standstill
	 * runs to the end of Tue 13 Jul, so a contract on the 13th is
	 * inside (it would be lawful in England). */
	fx_init(&x, TP_REGIME_PCR2015, TP_PROC_OPEN);
	x.cfg.jurisdiction = TP_REGION_NORTHERN_IRELAND;
	milestone(&x, "notify", TP_STAGE_INTENTION_TO_AWARD, D(2021, 7, 2));
	milestone(&x, "award", TP_STAGE_AWARD, D(2021, 7, 13));
	run(&x);
	f = expect(&x, "standstill.contract-inside", TP_SEVERITY_ERROR);
	assert_string_equal(f->fix, "earliest lawful award: 2021-07-14");
	x.cfg.jurisdiction = TP_REGION_ENGLAND_AND_WALES;
	run(&x);
	expect_none(&x, "standstill.contract-inside");
	fx_free(&x);

	/* SI 2014/16 reg 1(3): "These Regulations do not extend to Northern
	 * Ireland", so TUPE reg 11(6) keeps "not less than fourteen days":
	 * a transfer on Mon 1 Sep 2025 needs the information by Mon 18 Aug
	 * 2025 (28 days in Great Britain: Mon 4 Aug). */
	fx_init(&x, TP_REGIME_PA2023, TP_PROC_OPEN);
	x.cfg.jurisdiction = TP_REGION_NORTHERN_IRELAND;
	milestone(&x, "start", TP_STAGE_CONTRACT_START, D(2025, 9, 1));
	run(&x);
	f = expect(&x, "tupe.eli-date", TP_SEVERITY_INFO);
	assert_non_null(strstr(f->fix, "2025-08-18"));
	assert_non_null(strstr(f->citation, "Northern Ireland"));
	fx_free(&x);

	/* A plan file whose calendar is Northern Ireland's and whose rules
	 * name no jurisdiction is a Northern Irish plan. */
	assert_int_equal(tp_plan_doc_read_memory(plan, sizeof(plan) - 1, "ni",
						 NULL, TP_PLAN_READ_NO_CALENDAR,
						 &doc, NULL),
			 TP_OK);
	assert_int_equal(tp_plan_doc_rules(doc)->jurisdiction,
			 TP_REGION_NORTHERN_IRELAND);
	tp_plan_doc_free(doc);
}

/* ---- the order of notice and decision ------------------------------------ */

static void
notice_rule_follows_regime(void **state)
{
	struct fx x;
	const struct tp_finding *f;
	static const struct {
		enum tp_regime regime;
		enum tp_procedure proc;
		enum tp_severity sev;
		const char *cite;
	} cases[] = {
		/* PCR 2006 reg 5(2): for Part B services only "Parts 1, 9
		 * and 10 apply" and regs 9, 31, 40(2), 41 and 42 - reg 32
		 * (the award decision notice) is not among them, so no
		 * notice was required: a warning. */
		{TP_REGIME_PCR2006, TP_PROC_PART_B, TP_SEVERITY_WARNING,
		 "PCR 2006 reg 5(2)"},
		/* PCR 2006 reg 32(1): "as soon as possible after the decision
		 * has been made, inform the tenderers and candidates of its
		 * decision". */
		{TP_REGIME_PCR2006, TP_PROC_RESTRICTED, TP_SEVERITY_ERROR,
		 "PCR 2006 reg 32(1)"},
		/* PCR 2015 reg 86(1): "a notice communicating its decision";
		 * 86(5)(c): not needed for a call-off. */
		{TP_REGIME_PCR2015, TP_PROC_OPEN, TP_SEVERITY_ERROR,
		 "PCR 2015 reg 86(1)"},
		{TP_REGIME_PCR2015, TP_PROC_CALL_OFF, TP_SEVERITY_WARNING,
		 "PCR 2015 reg 86(5)(c)"},
		/* PCSR 2015 reg 85(1): "as soon as possible after the
		 * decision has been made". */
		{TP_REGIME_PCSR2015, TP_PROC_OPEN, TP_SEVERITY_ERROR,
		 "PCSR 2015 reg 85(1)"},
		/* PA 2023 s.50(3): assessment summaries before the contract
		 * award notice. */
		{TP_REGIME_PA2023, TP_PROC_OPEN, TP_SEVERITY_ERROR,
		 "Procurement Act 2023 s.50"},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		fx_init(&x, cases[i].regime, cases[i].proc);
		pinned(&x, "eval", "Evaluation", TP_STAGE_EVALUATION,
		       D(2012, 5, 1), 14);
		milestone(&x, "notify", TP_STAGE_INTENTION_TO_AWARD,
			  D(2012, 5, 10));
		run(&x);
		f = expect(&x, "sequence.notice-before-decision",
			   cases[i].sev);
		if (!strstr(f->citation, cases[i].cite))
			fail_msg("case %zu: citation '%s', expected '%s'", i,
				 f->citation, cases[i].cite);
		/* Only what applies: no other instrument's citation. */
		if (cases[i].regime != TP_REGIME_PA2023)
			assert_null(strstr(f->citation, "Procurement Act"));
		if (cases[i].regime != TP_REGIME_PCR2015)
			assert_null(strstr(f->citation, "PCR 2015"));
		fx_free(&x);
	}
}

/* ---- Scotland -------------------------------------------------------------- */

static void
scotland(void **state)
{
	struct fx x;
	const struct tp_finding *f;
	struct tp_standstill_request req;
	struct tp_standstill s;
	struct tp_error err;
	/* PCSR 2015 regs 28(3), 28(6), 29(3): the paragraphs of the minimum
	 * periods ("(3) Subject to paragraphs (4) to (6), the minimum time
	 * period for the receipt of tenders shall be 35 days"; "(6) ...
	 * reduce the minimum time period referred to in paragraph (3) by a
	 * period of up to 5 days"; reg 29(3) requests 30 days; reg 28(4)
	 * the PIN). */
	assert_string_equal(min_cite(TP_REGIME_PCSR2015, TP_PROC_OPEN, T,
				     E | DOCS),
			    "PCSR 2015 reg 28(3), 28(6)");
	assert_string_equal(min_cite(TP_REGIME_PCSR2015, TP_PROC_OPEN, T,
				     DOCS | TP_CLAIM_PIN),
			    "PCSR 2015 reg 28(4)");
	assert_string_equal(min_cite(TP_REGIME_PCSR2015, TP_PROC_RESTRICTED,
				     P, 0),
			    "PCSR 2015 reg 29(3)");

	/* PCR 2015 reg 1(7): "Except for Part 4 and paragraph 19 of Schedule
	 * 6, these Regulations do not extend to Scotland." A standstill under
	 * them in Scotland is refused, with the fix. */
	memset(&req, 0, sizeof(req));
	req.regime = TP_REGIME_PCR2015;
	req.sent = D(2024, 6, 3);
	req.region = TP_REGION_SCOTLAND;
	assert_int_equal(tp_standstill_compute(&req, &s, &err), TP_ERR_RULE);
	assert_non_null(strstr(err.message, "pcsr2015"));
	/* PCR 2006 reg 1(2): "These Regulations do not extend to
	 * Scotland." */
	req.regime = TP_REGIME_PCR2006;
	req.sent = D(2012, 6, 1);
	assert_int_equal(tp_standstill_compute(&req, &s, &err), TP_ERR_RULE);

	/* A Scottish plan that names PCR 2015: an error with the fix, and the
	 * plan is checked under PCSR 2015 instead. */
	fx_init(&x, TP_REGIME_PCR2015, TP_PROC_OPEN);
	x.cfg.jurisdiction = TP_REGION_SCOTLAND;
	milestone(&x, "advert", TP_STAGE_ADVERT, D(2024, 6, 3));
	run(&x);
	f = expect(&x, "regime.not-in-jurisdiction", TP_SEVERITY_ERROR);
	assert_non_null(strstr(f->fix, "pcsr2015"));
	assert_string_equal(f->citation, "PCR 2015 reg 1(7)");
	assert_int_equal(tp_findings_regime(x.found), TP_REGIME_PCSR2015);
	fx_free(&x);
	fx_init(&x, TP_REGIME_PCR2006, TP_PROC_OPEN);
	x.cfg.jurisdiction = TP_REGION_SCOTLAND;
	milestone(&x, "advert", TP_STAGE_ADVERT, D(2012, 6, 1));
	run(&x);
	expect(&x, "regime.not-in-jurisdiction", TP_SEVERITY_ERROR);
	fx_free(&x);
	/* PA 2023 s.2(5)(a): "a devolved Scottish authority" is an excluded
	 * authority - a warning: a UK body with reserved functions in
	 * Scotland does use the Act. */
	fx_init(&x, TP_REGIME_PA2023, TP_PROC_OPEN);
	x.cfg.jurisdiction = TP_REGION_SCOTLAND;
	milestone(&x, "advert", TP_STAGE_ADVERT, D(2025, 6, 2));
	run(&x);
	expect(&x, "regime.not-in-jurisdiction", TP_SEVERITY_WARNING);
	fx_free(&x);
	/* By date, a Scottish plan of 2025 is under PCSR 2015 (the Act does
	 * not replace it for devolved authorities). */
	fx_init(&x, TP_REGIME_PCR2015, TP_PROC_OPEN);
	tp_rules_config_init(&x.cfg);
	x.cfg.jurisdiction = TP_REGION_SCOTLAND;
	milestone(&x, "advert", TP_STAGE_ADVERT, D(2025, 6, 2));
	run(&x);
	assert_int_equal(tp_findings_regime(x.found), TP_REGIME_PCSR2015);
	expect_none(&x, "regime.not-in-jurisdiction");
	fx_free(&x);
}

/* ---- "none" and "by date" are not the same ------------------------------- */

static void
rfq_template_has_no_regime(void **state)
{
	struct tp_plan_doc *doc = NULL;
	struct tp_schedule *s = NULL;
	struct tp_findings *f = NULL;
	struct tp_calendar *cal = NULL;
	struct tp_plan *plan;
	/* The template's rules say regime "none" (below the thresholds):
	 * the check must say none, not pa2023 by date. */
	assert_int_equal(tp_template_new("rfq-below-threshold", &doc, NULL),
			 TP_OK);
	plan = tp_plan_doc_plan(doc);
	assert_int_equal(tp_calendar_new_region(TP_REGION_ENGLAND_AND_WALES,
						&cal, NULL),
			 TP_OK);
	tp_plan_set_calendar(plan, cal);
	assert_int_equal(tp_plan_set_start_date(plan, D(2025, 9, 1), NULL),
			 TP_OK);
	assert_int_equal(tp_schedule_compute(plan, TP_SCHEDULE_FORWARD, &s,
					     NULL),
			 TP_OK);
	assert_int_equal(tp_plan_check(s, tp_plan_doc_rules(doc), &f, NULL),
			 TP_OK);
	assert_int_equal(tp_findings_regime(f), TP_REGIME_NONE);
	assert_int_equal(tp_findings_max_severity(f) < TP_SEVERITY_ERROR,
			 true);
	tp_findings_free(f);
	tp_schedule_free(s);
	tp_plan_doc_free(doc);
	tp_calendar_free(cal);
}

#ifndef TP_OLD_API
static void
none_and_by_date_in_files(void **state)
{
	static const char head[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<plan xmlns=\"urn:tenderplan:plan:1\" id=\"r\">\n";
	static const char tail[] =
		"  <stages><stage id=\"a\" kind=\"advert\"/></stages>\n"
		"</plan>\n";
	static const char *const rules[] = {
		"",
		"<rules procedure=\"open\"/>",
		"<rules regime=\"none\"/>",
		("<rules regime=\"by-date\" authority=\"central-government\" "
		 "framework-concluded=\"2023-05-01\" procedure=\"call-off\"/>"),
	};
	static const enum tp_regime want[] = {
		TP_REGIME_BY_DATE, TP_REGIME_BY_DATE, TP_REGIME_NONE,
		TP_REGIME_BY_DATE};
	char buf[1024], *out = NULL;
	size_t len = 0;

	for (size_t i = 0; i < 4; i++) {
		struct tp_plan_doc *doc = NULL, *again = NULL;
		struct tp_error err;
		const struct tp_rules_config *r;
		int n = snprintf(buf, sizeof(buf), "%s%s\n%s", head, rules[i],
				 tail);
		if (tp_plan_doc_read_memory(buf, (size_t)n, "r", NULL,
					    TP_PLAN_READ_NO_CALENDAR, &doc,
					    &err) != TP_OK)
			fail_msg("case %zu: %s", i, err.message);
		assert_int_equal(tp_plan_doc_rules(doc)->regime, want[i]);
		/* Written and read again: the same meaning. */
		assert_int_equal(tp_plan_doc_write_memory(doc, &out, &len,
							  NULL),
				 TP_OK);
		if (want[i] == TP_REGIME_BY_DATE)
			assert_null(strstr(out, "regime="));
		else
			assert_non_null(strstr(out, "regime=\"none\""));
		assert_int_equal(tp_plan_doc_read_memory(out, len, "again",
							 NULL,
							 TP_PLAN_READ_NO_CALENDAR,
							 &again, NULL),
				 TP_OK);
		r = tp_plan_doc_rules(again);
		assert_int_equal(r->regime, want[i]);
		if (i == 3) {
			assert_int_equal(r->authority,
					 TP_AUTHORITY_CENTRAL_GOVERNMENT);
			assert_true(r->has_framework_concluded);
			assert_int_equal(r->framework_concluded.day,
					 D(2023, 5, 1).day);
		} else {
			assert_int_equal(r->authority,
					 TP_AUTHORITY_SUB_CENTRAL);
			assert_false(r->has_framework_concluded);
		}
		free(out);
		out = NULL;
		tp_plan_doc_free(again);
		tp_plan_doc_free(doc);
	}
}
#endif

/* ---- names are optional (#8 item 7) -------------------------------------- */

static void
unnamed_stages(void **state)
{
	struct fx x;
	const struct tp_finding *f;
	struct tp_plan_doc *doc = NULL;
	struct tp_schedule *s = NULL;
	struct tp_findings *found = NULL;
	struct tp_error err;
	char path[1024];
	/* Two stages without <name> (optional in the schema and in
	 * tp-plan.h) used to crash check_duplicates (strcasecmp on NULL).
	 * Every message names an unnamed stage by its id. */
	fx_init(&x, TP_REGIME_PCR2015, TP_PROC_OPEN);
	pinned(&x, "eval", NULL, TP_STAGE_EVALUATION, D(2019, 5, 1), 14);
	pinned(&x, "notify", NULL, TP_STAGE_INTENTION_TO_AWARD, D(2019, 5, 10),
	       0);
	pinned(&x, "award", NULL, TP_STAGE_AWARD, D(2019, 5, 13), 0);
	pinned(&x, "award-2", NULL, TP_STAGE_AWARD, D(2019, 5, 14), 0);
	pinned(&x, "x", NULL, TP_STAGE_CUSTOM, D(2019, 5, 4), 0);
	pinned(&x, "y", NULL, TP_STAGE_CUSTOM, D(2019, 5, 5), 0);
	run(&x);
	f = expect(&x, "standstill.contract-inside", TP_SEVERITY_ERROR);
	assert_non_null(strstr(f->message, "award on 2019-05-13"));
	f = expect(&x, "sequence.notice-before-decision", TP_SEVERITY_ERROR);
	assert_non_null(strstr(f->message, "'eval'"));
	/* Two awards on different days are a duplicate; unnamed custom
	 * stages are not duplicates of each other. */
	f = expect(&x, "plan.duplicate-milestone", TP_SEVERITY_WARNING);
	assert_string_equal(f->stage, "award");
	assert_int_equal(count(&x, "plan.duplicate-milestone"), 1);
	for (size_t i = 0; i < tp_findings_count(x.found); i++)
		assert_null(strstr(tp_findings_get(x.found, i)->message,
				   "(null)"));
	fx_free(&x);

	/* The fuzz corpus' small-valid.xml (stage b has no name), read,
	 * scheduled and checked. */
	snprintf(path, sizeof(path), "%s/tests/fuzz/corpus/xml/small-valid.xml",
		 getenv("TP_SOURCE_ROOT"));
	if (tp_plan_doc_read_file(path, TP_PLAN_READ_NO_CALENDAR, &doc,
				  &err) != TP_OK)
		fail_msg("%s", err.message);
	assert_int_equal(tp_calendar_new_region(TP_REGION_SCOTLAND, &x.cal,
						NULL),
			 TP_OK);
	tp_plan_set_calendar(tp_plan_doc_plan(doc), x.cal);
	assert_int_equal(tp_schedule_compute(tp_plan_doc_plan_const(doc),
					     TP_SCHEDULE_FORWARD, &s, NULL),
			 TP_OK);
	assert_int_equal(tp_plan_check(s, tp_plan_doc_rules(doc), &found,
				       NULL),
			 TP_OK);
	tp_findings_free(found);
	tp_schedule_free(s);
	tp_plan_doc_free(doc);
	tp_calendar_free(x.cal);
}

/* ---- findings of one kind are grouped (#9, #11) ----------------------------- */

static void
grouped_findings(void **state)
{
	struct fx x;
	const struct tp_finding *f;
	char id[32];
	/* 1,000 stages of one name on 1,000 different days: one finding
	 * (there were 499,500, one per pair). */
	fx_init(&x, TP_REGIME_PCR2015, TP_PROC_OPEN);
	for (int i = 0; i < 1000; i++) {
		snprintf(id, sizeof(id), "r%d", i);
		pinned(&x, id,
		       i % 2 ? "Report to scrutiny" : "REPORT TO SCRUTINY",
		       TP_STAGE_CUSTOM, (struct tp_date){D(2019, 1, 1).day + i},
		       0);
	}
	run(&x);
	assert_int_equal(count(&x, "plan.duplicate-milestone"), 1);
	f = find(&x, "plan.duplicate-milestone");
	assert_string_equal(f->stage, "r0");
	assert_string_equal(f->other_stage, "r1");
	assert_non_null(strstr(f->message, "1000 stages"));
	fx_free(&x);

	/* Three stages of the decision finishing after the notice: one
	 * finding naming the first and how many more. */
	fx_init(&x, TP_REGIME_PCR2015, TP_PROC_OPEN);
	pinned(&x, "eval", "Evaluation", TP_STAGE_EVALUATION, D(2019, 5, 1),
	       14);
	pinned(&x, "mod", "Moderation", TP_STAGE_MODERATION, D(2019, 5, 8), 7);
	pinned(&x, "cab", "Cabinet", TP_STAGE_GOVERNANCE_APPROVAL,
	       D(2019, 5, 20), 0);
	milestone(&x, "notify", TP_STAGE_INTENTION_TO_AWARD, D(2019, 5, 10));
	run(&x);
	assert_int_equal(count(&x, "sequence.notice-before-decision"), 1);
	f = find(&x, "sequence.notice-before-decision");
	assert_string_equal(f->other_stage, "eval");
	assert_non_null(strstr(f->message, "2 more"));
	fx_free(&x);

	/* 25 stages fixed to a Saturday... on a calendar that has weekends:
	 * ten findings and one counting the other fifteen. */
	fx_init(&x, TP_REGIME_PCR2015, TP_PROC_OPEN);
	tp_calendar_free(x.cal);
	assert_int_equal(tp_calendar_new_region(TP_REGION_ENGLAND_AND_WALES,
						&x.cal, NULL),
			 TP_OK);
	tp_plan_set_calendar(x.plan, x.cal);
	for (int i = 0; i < 25; i++) {
		snprintf(id, sizeof(id), "s%d", i);
		pinned(&x, id, id, TP_STAGE_CUSTOM,
		       (struct tp_date){D(2019, 1, 5).day + 7 * i}, 0);
	}
	run(&x);
	assert_int_equal(count(&x, "calendar.constraint-non-working"), 11);
	assert_int_equal(count(&x, "schedule.unmet"), 11);
	fx_free(&x);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(documents_not_electronic_after_pin),
		cmocka_unit_test(scottish_negotiation_dialogue_partnership),
		cmocka_unit_test(two_working_days),
		cmocka_unit_test(pcr2006_good_friday_christmas),
#ifndef TP_OLD_API
		cmocka_unit_test(call_off_follows_framework),
#endif
		cmocka_unit_test(voluntary_standstill_at_least_eight_days),
		cmocka_unit_test(northern_ireland),
		cmocka_unit_test(notice_rule_follows_regime),
		cmocka_unit_test(scotland),
		cmocka_unit_test(rfq_template_has_no_regime),
#ifndef TP_OLD_API
		cmocka_unit_test(none_and_by_date_in_files),
#endif
		cmocka_unit_test(unnamed_stages),
		cmocka_unit_test(grouped_findings),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
