/* SPDX-License-Identifier: MIT */
/* Regimes, standstill periods and minimum time limits. Every expected
 * date comes from shared/reference/procurement-rules.md (worked cases, the
 * Lexology note on 23 March 2010) or was counted by hand on a calendar,
 * with weekdays checked in Python's datetime; the reasoning is beside each
 * case. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <tenderplan/tenderplan.h>
#include <tenderplan/tp-rules.h>

struct ss_case {
	enum tp_regime regime;
	enum tp_notice_means means;
	enum tp_region region;
	struct tp_date sent, last_day, earliest;
	const char *why;
};

static void
check_standstill(const struct ss_case *c)
{
	struct tp_standstill_request req = {0};
	struct tp_standstill s;
	struct tp_error err;
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN];

	req.regime = c->regime;
	req.means = c->means;
	req.region = c->region;
	req.sent = c->sent;
	if (tp_standstill_compute(&req, &s, &err) != TP_OK)
		fail_msg("%s: %s", c->why, err.message);
	if (s.last_day.day != c->last_day.day ||
	    s.earliest_contract.day != c->earliest.day)
		fail_msg("%s: last day %s, earliest contract %s", c->why,
			 tp_date_format(s.last_day, a),
			 tp_date_format(s.earliest_contract, b));
	assert_non_null(s.citation);
	assert_true(s.citation[0] != '\0');
}

#define E TP_NOTICE_ELECTRONIC
#define O TP_NOTICE_OTHER
#define EW TP_REGION_ENGLAND_AND_WALES
#define SC TP_REGION_SCOTLAND

static void
pcr_standstills(void **state)
{
	const struct ss_case cases[] = {
		/* Lexology (Mills & Reeve): letters e-mailed Tue 23 Mar 2010;
		 * 10th day Good Friday 2 Apr; Sat 3, Sun 4, Easter Monday 5
		 * not working days: ends 24:00 Tue 6 Apr, contract 7 Apr. */
		{TP_REGIME_PCR2006, E, EW, TP_DATE(2010, 3, 23),
		 TP_DATE(2010, 4, 6), TP_DATE(2010, 4, 7), "Easter 2010"},
		/* Reference table (PCR 2015, E&W, electronic): Thu 18 Dec
		 * 2025 + 10 = Sun 28 Dec -> Mon 29 Dec. */
		{TP_REGIME_PCR2015, E, EW, TP_DATE(2025, 12, 18),
		 TP_DATE(2025, 12, 29), TP_DATE(2025, 12, 30), "Dec 2025"},
		/* Fri 15 Dec 2023 + 10 = Mon 25 Dec; 26 Boxing Day -> Wed
		 * 27 Dec. */
		{TP_REGIME_PCR2015, E, EW, TP_DATE(2023, 12, 15),
		 TP_DATE(2023, 12, 27), TP_DATE(2023, 12, 28), "Dec 2023"},
		/* Tue 24 May 2022 + 10 = Fri 3 Jun (Platinum Jubilee) ->
		 * Mon 6 Jun. */
		{TP_REGIME_PCR2015, E, EW, TP_DATE(2022, 5, 24),
		 TP_DATE(2022, 6, 6), TP_DATE(2022, 6, 7), "Jubilee 2022"},
		/* Wed 29 Apr 2020 + 10 = Sat 9 May -> Mon 11 May. */
		{TP_REGIME_PCR2015, E, EW, TP_DATE(2020, 4, 29),
		 TP_DATE(2020, 5, 11), TP_DATE(2020, 5, 12), "May 2020"},
		/* By post, 15 days: Thu 18 Dec 2025 + 15 = Fri 2 Jan 2026, a
		 * working day in England ... */
		{TP_REGIME_PCR2015, O, EW, TP_DATE(2025, 12, 18),
		 TP_DATE(2026, 1, 2), TP_DATE(2026, 1, 3), "post, E&W"},
		/* ... but a bank holiday in Scotland: PCSR 2015 reg 86(4)
		 * runs on to Mon 5 Jan 2026. */
		{TP_REGIME_PCSR2015, O, EW, TP_DATE(2025, 12, 18),
		 TP_DATE(2026, 1, 5), TP_DATE(2026, 1, 6), "post, Scotland"},
		/* St Andrew's Day: Fri 20 Nov 2026 + 10 = Mon 30 Nov 2026,
		 * a holiday in Scotland only. */
		{TP_REGIME_PCSR2015, E, SC, TP_DATE(2026, 11, 20),
		 TP_DATE(2026, 12, 1), TP_DATE(2026, 12, 2), "St Andrew"},
		{TP_REGIME_PCR2015, E, EW, TP_DATE(2026, 11, 20),
		 TP_DATE(2026, 11, 30), TP_DATE(2026, 12, 1), "30 Nov E&W"},
		/* Thurrock 2012 (seed timetable): notified Thu 18 Oct 2012;
		 * + 10 = Sun 28 Oct -> Mon 29 Oct; award from Tue 30 Oct. */
		{TP_REGIME_PCR2006, E, EW, TP_DATE(2012, 10, 18),
		 TP_DATE(2012, 10, 29), TP_DATE(2012, 10, 30), "Thurrock"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		check_standstill(&cases[i]);
}

static void
pa2023_standstills(void **state)
{
	/* procurement-rules.md section 3.2: eight working days beginning
	 * with the day of publication, holidays of any part of the UK. Each
	 * recounted by hand, e.g. Fri 19 Dec 2025: 19, 22, 23, 24, 29, 30,
	 * 31 Dec, (1 Jan, 2 Jan Scotland), Mon 5 Jan. */
	const struct ss_case cases[] = {
		{TP_REGIME_PA2023, E, EW, TP_DATE(2025, 12, 18),
		 TP_DATE(2025, 12, 31), TP_DATE(2026, 1, 1), "18 Dec 2025"},
		{TP_REGIME_PA2023, E, EW, TP_DATE(2025, 12, 19),
		 TP_DATE(2026, 1, 5), TP_DATE(2026, 1, 6), "19 Dec 2025"},
		{TP_REGIME_PA2023, E, EW, TP_DATE(2024, 12, 24),
		 TP_DATE(2025, 1, 8), TP_DATE(2025, 1, 9), "24 Dec 2024"},
		{TP_REGIME_PA2023, E, EW, TP_DATE(2025, 7, 8),
		 TP_DATE(2025, 7, 18), TP_DATE(2025, 7, 19), "Boyne"},
		{TP_REGIME_PA2023, E, EW, TP_DATE(2025, 7, 29),
		 TP_DATE(2025, 8, 8), TP_DATE(2025, 8, 9), "Scottish summer"},
		{TP_REGIME_PA2023, E, EW, TP_DATE(2025, 11, 24),
		 TP_DATE(2025, 12, 4), TP_DATE(2025, 12, 5), "St Andrew"},
		{TP_REGIME_PA2023, E, EW, TP_DATE(2026, 3, 12),
		 TP_DATE(2026, 3, 24), TP_DATE(2026, 3, 25), "St Patrick"},
		/* Published on Saturday 1 Mar 2025: day 1 is Mon 3 Mar. */
		{TP_REGIME_PA2023, E, EW, TP_DATE(2025, 3, 1),
		 TP_DATE(2025, 3, 12), TP_DATE(2025, 3, 13), "Saturday"},
		{TP_REGIME_PA2023, E, EW, TP_DATE(2025, 4, 14),
		 TP_DATE(2025, 4, 25), TP_DATE(2025, 4, 26), "Easter 2025"},
		/* One-off holiday: Coronation Mon 8 May 2023 (regime not yet
		 * in force: a warning). Tue 2 May: 2, 3, 4, 5, (Sat 6, Sun 7,
		 * Mon 8 off), 9, 10, 11, 12: the 8th is Fri 12 May. */
		{TP_REGIME_PA2023, E, EW, TP_DATE(2023, 5, 2),
		 TP_DATE(2023, 5, 12), TP_DATE(2023, 5, 13), "Coronation"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		check_standstill(&cases[i]);
}

static void
pa2023_ignores_region(void **state)
{
	/* s.123: whatever the authority's region, the whole UK counts. */
	struct ss_case c = {TP_REGIME_PA2023, E, TP_REGION_NORTHERN_IRELAND,
			    TP_DATE(2025, 11, 24), TP_DATE(2025, 12, 4),
			    TP_DATE(2025, 12, 5), "region ignored"};
	check_standstill(&c);
	struct tp_standstill_request req = {0};
	struct tp_standstill s;
	req.regime = TP_REGIME_PA2023;
	req.sent = TP_DATE(2025, 11, 24);
	assert_int_equal(tp_standstill_compute(&req, &s, NULL), TP_OK);
	assert_int_equal(s.calendar_region, TP_REGION_UK);
	assert_int_equal(s.days, 8);
	assert_true(s.working_days);
	assert_string_equal(s.warning, "");
	assert_non_null(strstr(s.citation, "s.51(2)"));
}

static void
other_means_received_first(void **state)
{
	/* PCR 2015 reg 87(3): whichever comes first of the 15th day after
	 * sending (Mon 1 Dec 2025 + 15 = Tue 16 Dec) and the 10th day after
	 * receipt (Tue 2 Dec + 10 = Fri 12 Dec). */
	struct tp_standstill_request req = {0};
	struct tp_standstill s;
	req.regime = TP_REGIME_PCR2015;
	req.means = O;
	req.sent = TP_DATE(2025, 12, 1);
	req.has_received = true;
	req.received = TP_DATE(2025, 12, 2);
	assert_int_equal(tp_standstill_compute(&req, &s, NULL), TP_OK);
	assert_int_equal(s.last_day.day, TP_DATE(2025, 12, 12).day);
	assert_false(s.extended);
	/* Received later: the 15-day limit comes first. */
	req.received = TP_DATE(2025, 12, 10);
	assert_int_equal(tp_standstill_compute(&req, &s, NULL), TP_OK);
	assert_int_equal(s.last_day.day, TP_DATE(2025, 12, 16).day);
	/* Received before sent is nonsense. */
	req.received = TP_DATE(2025, 11, 30);
	assert_int_equal(tp_standstill_compute(&req, &s, NULL),
			 TP_ERR_INVALID);
}

static void
local_working_day_standstill(void **state)
{
	/* Thurrock 2012 showed "standstill 19 Oct - 1 Nov 2012": ten working
	 * days from Fri 19 Oct (19, 22-26, 29-31 Oct, 1 Nov) after
	 * notification on Thu 18 Oct. */
	struct tp_local_rules rules = {10, true, 0, "Thurrock CPR"};
	struct tp_standstill_request req = {0};
	struct tp_standstill s;
	req.regime = TP_REGIME_LOCAL;
	req.local = &rules;
	req.sent = TP_DATE(2012, 10, 18);
	assert_int_equal(tp_standstill_compute(&req, &s, NULL), TP_OK);
	assert_int_equal(s.first_day.day, TP_DATE(2012, 10, 19).day);
	assert_int_equal(s.last_day.day, TP_DATE(2012, 11, 1).day);
	assert_int_equal(s.earliest_contract.day, TP_DATE(2012, 11, 2).day);
	assert_string_equal(s.citation, "Thurrock CPR");
	/* Ten calendar days, rolled: Sun 28 Oct -> Mon 29 Oct. */
	rules.standstill_working_days = false;
	assert_int_equal(tp_standstill_compute(&req, &s, NULL), TP_OK);
	assert_int_equal(s.last_day.day, TP_DATE(2012, 10, 29).day);
	assert_true(s.extended);
}

static void
standstill_errors_and_warnings(void **state)
{
	struct tp_standstill_request req = {0};
	struct tp_standstill s;
	struct tp_error err;
	req.regime = TP_REGIME_NONE;
	req.sent = TP_DATE(2012, 10, 18);
	assert_int_equal(tp_standstill_compute(&req, &s, &err), TP_ERR_RULE);
	req.regime = TP_REGIME_LOCAL;
	assert_int_equal(tp_standstill_compute(&req, &s, &err), TP_ERR_RULE);
	req.regime = TP_REGIME_PCR2015;
	req.sent = TP_DATE(1960, 1, 1);
	assert_int_equal(tp_standstill_compute(&req, &s, &err), TP_ERR_RANGE);
	/* PCR 2015 in 2012: computed, with a warning naming the date. */
	req.sent = TP_DATE(2012, 10, 18);
	assert_int_equal(tp_standstill_compute(&req, &s, &err), TP_OK);
	assert_non_null(strstr(s.warning, "2015-02-26"));
	/* PCR 2006 reg 32A before 20 Dec 2009: a warning too. */
	req.regime = TP_REGIME_PCR2006;
	req.sent = TP_DATE(2009, 6, 1);
	assert_int_equal(tp_standstill_compute(&req, &s, &err), TP_OK);
	assert_non_null(strstr(s.warning, "32A"));
}

static void
regime_for_dates(void **state)
{
	enum tp_regime r;
	struct {
		struct tp_date d;
		enum tp_region where;
		enum tp_regime want;
	} cases[] = {
		{TP_DATE(2011, 11, 1), EW, TP_REGIME_PCR2006},
		{TP_DATE(2015, 2, 25), EW, TP_REGIME_PCR2006},
		{TP_DATE(2015, 2, 26), EW, TP_REGIME_PCR2015},
		{TP_DATE(2025, 2, 23), EW, TP_REGIME_PCR2015},
		{TP_DATE(2025, 2, 24), EW, TP_REGIME_PA2023},
		{TP_DATE(2025, 3, 1), TP_REGION_NORTHERN_IRELAND,
		 TP_REGIME_PA2023},
		{TP_DATE(2025, 3, 1), SC, TP_REGIME_PCSR2015},
		{TP_DATE(2016, 4, 18), SC, TP_REGIME_PCSR2015},
		{TP_DATE(2016, 4, 17), SC, TP_REGIME_NONE},
		{TP_DATE(2005, 1, 1), EW, TP_REGIME_NONE},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(tp_regime_for(cases[i].d, cases[i].where, &r,
					       NULL),
				 TP_OK);
		assert_int_equal(r, cases[i].want);
	}
	assert_int_equal(tp_regime_for(TP_DATE(2025, 3, 1), TP_REGION_UK, &r,
				       NULL),
			 TP_ERR_INVALID);
	assert_int_equal(tp_regime_from_name("pa2023", &r, NULL), TP_OK);
	assert_int_equal(r, TP_REGIME_PA2023);
	assert_int_equal(tp_regime_from_name("pcr2016", &r, NULL),
			 TP_ERR_INVALID);
	assert_non_null(strstr(tp_regime_title(TP_REGIME_PCR2015),
			       "SI 2015/102"));
}

static int32_t
min_days(enum tp_regime regime, enum tp_procedure proc,
	 enum tp_period_kind kind, unsigned claims)
{
	struct tp_min_period p;
	struct tp_error err;
	if (tp_min_period(regime, proc, kind, claims, &p, &err) != TP_OK)
		fail_msg("%s", err.message);
	assert_non_null(p.explanation);
	return p.days;
}

#define ED (TP_CLAIM_ELECTRONIC_TENDERS | TP_CLAIM_DOCUMENTS_WITH_NOTICE)
#define T TP_PERIOD_TENDER
#define P TP_PERIOD_PARTICIPATION

static void
minimum_periods(void **state)
{
	struct tp_min_period p;
	/* PCR 2015 reg 27: 35, less 5 electronic; PIN or urgency 15; reg
	 * 53(5) adds 5 when documents are not offered electronically. */
	assert_int_equal(min_days(TP_REGIME_PCR2015, TP_PROC_OPEN, T, ED), 30);
	assert_int_equal(min_days(TP_REGIME_PCR2015, TP_PROC_OPEN, T,
				  TP_CLAIM_DOCUMENTS_WITH_NOTICE),
			 35);
	assert_int_equal(min_days(TP_REGIME_PCR2015, TP_PROC_OPEN, T, 0), 40);
	assert_int_equal(min_days(TP_REGIME_PCR2015, TP_PROC_OPEN, T,
				  ED | TP_CLAIM_PIN),
			 15);
	assert_int_equal(min_days(TP_REGIME_PCR2015, TP_PROC_OPEN, T,
				  TP_CLAIM_URGENCY),
			 15);
	/* reg 28: requests 30 (urgency 15). Tenders of a sub-central
	 * authority (tp_min_period's default): "at least 10 days" without an
	 * agreed period (reg 28(7)-(8)); central government's 30 / 25 / PIN
	 * 10 are tested in test-minimums.c. reg 29 the same. */
	assert_int_equal(min_days(TP_REGIME_PCR2015, TP_PROC_RESTRICTED, P, 0),
			 30);
	assert_int_equal(min_days(TP_REGIME_PCR2015, TP_PROC_RESTRICTED, P,
				  TP_CLAIM_URGENCY),
			 15);
	assert_int_equal(min_days(TP_REGIME_PCR2015, TP_PROC_RESTRICTED, T,
				  ED),
			 10);
	assert_int_equal(min_days(TP_REGIME_PCR2015, TP_PROC_NEGOTIATION, T,
				  ED | TP_CLAIM_PIN),
			 10);
	assert_int_equal(min_days(TP_REGIME_PCR2015, TP_PROC_LIGHT_TOUCH, T,
				  0),
			 -1);
	assert_int_equal(tp_min_period(TP_REGIME_PCR2015, TP_PROC_PART_B, T,
				       0, &p, NULL),
			 TP_ERR_RULE);
	/* PCR 2006 reg 15: 52 days, -7 electronic notice, -5 electronic
	 * documents; reg 16: requests 37 (-7), tenders 40 (-5); Part B none
	 * (reg 5(2)). */
	assert_int_equal(min_days(TP_REGIME_PCR2006, TP_PROC_OPEN, T, 0), 52);
	assert_int_equal(min_days(TP_REGIME_PCR2006, TP_PROC_OPEN, T,
				  TP_CLAIM_ELECTRONIC_NOTICE |
					  TP_CLAIM_DOCUMENTS_WITH_NOTICE),
			 40);
	assert_int_equal(min_days(TP_REGIME_PCR2006, TP_PROC_RESTRICTED, P,
				  TP_CLAIM_ELECTRONIC_NOTICE),
			 30);
	assert_int_equal(min_days(TP_REGIME_PCR2006, TP_PROC_RESTRICTED, T,
				  TP_CLAIM_DOCUMENTS_WITH_NOTICE),
			 35);
	assert_int_equal(min_days(TP_REGIME_PCR2006, TP_PROC_PART_B, T, 0),
			 -1);
	/* PA 2023 s.54(4): 25 / 30 / 30 / 35; qualifying PPN, urgency,
	 * pre-selected 10; light touch none. s.54(3): 25, urgency 10. */
	assert_int_equal(min_days(TP_REGIME_PA2023, TP_PROC_OPEN, T, ED), 25);
	assert_int_equal(min_days(TP_REGIME_PA2023, TP_PROC_OPEN, T,
				  TP_CLAIM_ELECTRONIC_TENDERS),
			 30);
	assert_int_equal(min_days(TP_REGIME_PA2023, TP_PROC_OPEN, T,
				  TP_CLAIM_DOCUMENTS_WITH_NOTICE),
			 30);
	assert_int_equal(min_days(TP_REGIME_PA2023, TP_PROC_OPEN, T, 0), 35);
	assert_int_equal(min_days(TP_REGIME_PA2023, TP_PROC_OPEN, T,
				  TP_CLAIM_PIN),
			 10);
	assert_int_equal(min_days(TP_REGIME_PA2023,
				  TP_PROC_COMPETITIVE_FLEXIBLE, P, 0),
			 25);
	assert_int_equal(min_days(TP_REGIME_PA2023,
				  TP_PROC_COMPETITIVE_FLEXIBLE, P,
				  TP_CLAIM_URGENCY),
			 10);
	assert_int_equal(min_days(TP_REGIME_PA2023,
				  TP_PROC_COMPETITIVE_FLEXIBLE, T,
				  TP_CLAIM_PRESELECTED),
			 10);
	assert_int_equal(min_days(TP_REGIME_PA2023, TP_PROC_LIGHT_TOUCH, T,
				  0),
			 -1);
	assert_int_equal(tp_min_period(TP_REGIME_PA2023, TP_PROC_RESTRICTED,
				       T, 0, &p, NULL),
			 TP_ERR_RULE);
	/* Scotland mirrors PCR 2015 for the open procedure. */
	assert_int_equal(min_days(TP_REGIME_PCSR2015, TP_PROC_OPEN, T, ED),
			 30);
}

static void
earliest_deadlines(void **state)
{
	struct tp_calendar *cal;
	struct tp_date d;
	assert_int_equal(tp_calendar_new_region(EW, &cal, NULL), TP_OK);
	/* Reference section 1.1: notice Tue 2 Jan 2024, 30 days -> day 30
	 * is Thu 1 Feb 2024, a working day. */
	assert_int_equal(tp_earliest_deadline(TP_REGIME_PCR2015, cal,
					      TP_DATE(2024, 1, 2), 30, &d,
					      NULL),
			 TP_OK);
	assert_int_equal(d.day, TP_DATE(2024, 2, 1).day);
	/* Reference section 3.3 illustration: PA 2023, published Mon 3 Mar
	 * 2025, 25 days -> Fri 28 Mar 2025. */
	assert_int_equal(tp_earliest_deadline(TP_REGIME_PA2023, cal,
					      TP_DATE(2025, 3, 3), 25, &d,
					      NULL),
			 TP_OK);
	assert_int_equal(d.day, TP_DATE(2025, 3, 28).day);
	/* 26 days from Mon 3 Mar 2025 is Sat 29 Mar: PCR rolls to Mon 31
	 * Mar (reg 2(4)); the Act has no roll-forward (s.54(5)). */
	assert_int_equal(tp_earliest_deadline(TP_REGIME_PCR2015, cal,
					      TP_DATE(2025, 3, 3), 26, &d,
					      NULL),
			 TP_OK);
	assert_int_equal(d.day, TP_DATE(2025, 3, 31).day);
	assert_int_equal(tp_earliest_deadline(TP_REGIME_PA2023, cal,
					      TP_DATE(2025, 3, 3), 26, &d,
					      NULL),
			 TP_OK);
	assert_int_equal(d.day, TP_DATE(2025, 3, 29).day);
	assert_int_equal(tp_earliest_deadline(TP_REGIME_PCR2015, cal,
					      TP_DATE(2025, 3, 3), -1, &d,
					      NULL),
			 TP_ERR_INVALID);
	tp_calendar_free(cal);
}

static void
procedure_names(void **state)
{
	enum tp_procedure p;
	assert_int_equal(tp_procedure_from_name("competitive-flexible", &p,
						NULL),
			 TP_OK);
	assert_int_equal(p, TP_PROC_COMPETITIVE_FLEXIBLE);
	assert_string_equal(tp_procedure_name(TP_PROC_PART_B), "part-b");
	assert_int_equal(tp_procedure_from_name("dialogue", &p, NULL),
			 TP_ERR_INVALID);
}

static void
config_defaults(void **state)
{
	struct tp_rules_config cfg;
	memset(&cfg, 0xff, sizeof(cfg));
	tp_rules_config_init(&cfg);
	/* By date, and distinct from "no statutory regime" (#8). */
	assert_int_equal(cfg.regime, TP_REGIME_BY_DATE);
	assert_int_equal(cfg.authority, TP_AUTHORITY_SUB_CENTRAL);
	assert_false(cfg.has_framework_concluded);
	assert_int_equal(cfg.jurisdiction, TP_REGION_ENGLAND_AND_WALES);
	assert_int_equal(cfg.procedure, TP_PROC_OPEN);
	assert_true(cfg.claims & TP_CLAIM_ELECTRONIC_TENDERS);
	assert_false(cfg.claims & TP_CLAIM_URGENCY);
	assert_false(cfg.has_incumbent_end);
	assert_int_equal(cfg.local_standstill_days, 0);
	assert_string_equal(cfg.local_citation, "");
	assert_string_equal(tp_severity_name(TP_SEVERITY_ERROR), "error");
	assert_string_equal(tp_severity_name(TP_SEVERITY_WARNING), "warning");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pcr_standstills),
		cmocka_unit_test(pa2023_standstills),
		cmocka_unit_test(pa2023_ignores_region),
		cmocka_unit_test(other_means_received_first),
		cmocka_unit_test(local_working_day_standstill),
		cmocka_unit_test(standstill_errors_and_warnings),
		cmocka_unit_test(regime_for_dates),
		cmocka_unit_test(minimum_periods),
		cmocka_unit_test(earliest_deadlines),
		cmocka_unit_test(procedure_names),
		cmocka_unit_test(config_defaults),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
