/* SPDX-License-Identifier: MIT */
/* The regimes of issue #14: the Health Care Services (Provider Selection
 * Regime) Regulations 2023 (SI 2023/1348), the Procurement Act 2023 beyond
 * competitive tendering (direct award, s.51 exemptions and stated
 * standstills, contract details notices, planned procurement notices,
 * central government authorities) and the PCR 2015 gaps (mixed means,
 * voluntary transparency notices, reg 86(5), the PIN window, reg 47).
 *
 * Every rule has a case that fires and one that does not, at the
 * boundary, with the provision quoted. The texts were read in
 * legislation.gov.uk's revised versions as mirrored by legalize-dev/
 * legalize-uk: uk/uksi-2023-1348.md (PSR 2023 as amended to 24 Feb 2025),
 * uk/ukpga-2023-54.md (revised 12 Mar 2024), uk/uksi-2015-102.md;
 * Procurement Regulations 2024 (SI 2024/692) and PCR 2015 Schedule 1 as
 * quoted in docs/legal-research.md §§7-10.
 *
 * Expected dates were counted by hand (the working shown in the comments
 * and in docs/legal-research.md §§7-10, docs/regimes-design.md §6) and
 * checked with Debian's python3 datetime over the holiday lists of
 * tests/data/holidays (gov.uk, not this library): never taken from the
 * program's output.
 *
 * Checker cases pin every stage with a start-on constraint on a calendar
 * with no weekend and no holidays, so the dates under test are exactly the
 * ones written, and statutory periods must be counted on the statute's
 * calendar (PSR 2023 reg 12(12): England's) to get them right. */
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

static bool
same_day(struct tp_date a, struct tp_date b)
{
	return a.day == b.day;
}

#define assert_date(got, want)                                  \
	do {                                                    \
		char g_[TP_DATE_STRLEN], w_[TP_DATE_STRLEN];    \
		if (!same_day((got), (want)))                   \
			fail_msg("%s is %s, expected %s", #got, \
				 tp_date_format((got), g_),     \
				 tp_date_format((want), w_));   \
	} while (0)

/* ---- standstills ------------------------------------------------------- */

static struct tp_standstill
standstill(const struct tp_standstill_request *req)
{
	struct tp_standstill s;
	struct tp_error err;
	if (tp_standstill_compute(req, &s, &err) != TP_OK)
		fail_msg("tp_standstill_compute: %s", err.message);
	return s;
}

static struct tp_standstill
psr(struct tp_date published)
{
	struct tp_standstill_request req = {0};
	req.regime = TP_REGIME_PSR2023;
	req.sent = published;
	return standstill(&req);
}

static void
psr_standstill_counts_from_the_day_after(void **state)
{
	struct tp_standstill s = psr(D(2025, 6, 2));
	(void)state;
	/* PSR 2023 reg 12(2): "The standstill period begins on the day after
	 * the day a notice of intention to award or conclude is published";
	 * reg 12(9): it "ends at midnight at the end of the 8th working day
	 * after the day the standstill period began". Published Mon 2 Jun
	 * 2025: begins Tue 3 Jun, which is not counted; Wed 4, Thu 5, Fri 6,
	 * Mon 9, Tue 10, Wed 11, Thu 12, Fri 13 Jun. (Counting Tue 3 Jun as
	 * day 1, as a literal reading of NHS England's guidance would, gives
	 * Thu 12 Jun: one day short.) */
	assert_date(s.first_day, D(2025, 6, 3));
	assert_date(s.last_day, D(2025, 6, 13));
	assert_date(s.earliest_contract, D(2025, 6, 14));
	/* reg 12(3): representations "before midnight at the end of the 8th
	 * working day after the day the standstill period begins". */
	assert_date(s.representations_until, D(2025, 6, 13));
	assert_int_equal(s.days, 8);
	assert_true(s.working_days);
	assert_true(s.mandatory);
	assert_false(s.open_ended);
	assert_int_equal(s.calendar_region, TP_REGION_ENGLAND_AND_WALES);
	assert_string_equal(s.citation, "PSR 2023 reg 12(2), (9), (12)");
	assert_string_equal(s.warning, "");
}

static void
psr_standstill_working_days_of_england(void **state)
{
	(void)state;
	/* reg 12(12): "“public holiday” means Christmas Day, Good Friday,
	 * the first Monday in May or a bank holiday in England under the
	 * Banking and Financial Dealings Act 1971; “working day” means any
	 * day which is not Saturday, Sunday or a public holiday." */
	/* Fri 6 Jun 2025: begins Sat 7; Mon 9 ... Wed 18 Jun. */
	assert_date(psr(D(2025, 6, 6)).last_day, D(2025, 6, 18));
	/* Wed 16 Apr 2025: begins Thu 17; Good Friday 18 and Easter Monday
	 * 21 Apr skipped: Tue 22, Wed 23, Thu 24, Fri 25, Mon 28, Tue 29,
	 * Wed 30 Apr, Thu 1 May. */
	assert_date(psr(D(2025, 4, 16)).last_day, D(2025, 5, 1));
	/* Thu 17 Apr 2025: begins on Good Friday; same end. */
	assert_date(psr(D(2025, 4, 17)).last_day, D(2025, 5, 1));
	/* Wed 29 Apr 2026: begins Thu 30 Apr; Fri 1 May, (Mon 4 May, the
	 * first Monday in May, skipped) Tue 5 ... Wed 13 May. */
	assert_date(psr(D(2026, 4, 29)).last_day, D(2026, 5, 13));
	/* Wed 26 Nov 2025: begins Thu 27; Mon 1 Dec, Scotland's St Andrew's
	 * Day substitute, is a working day in England: Fri 28, Mon 1, Tue 2
	 * ... Tue 9 Dec (the UK union of PA 2023 s.123 would give Wed 10). */
	assert_date(psr(D(2025, 11, 26)).last_day, D(2025, 12, 9));
	/* Fri 19 Dec 2025: begins Sat 20; Mon 22, Tue 23, Wed 24, (25, 26
	 * Dec) Mon 29, Tue 30, Wed 31, (1 Jan) Fri 2 Jan (Scotland only:
	 * counted), Mon 5 Jan 2026. */
	assert_date(psr(D(2025, 12, 19)).last_day, D(2026, 1, 5));
	/* Wed 23 Dec 2026: begins Thu 24; (Fri 25 Dec, Mon 28 Dec Boxing Day
	 * substitute, Fri 1 Jan) Tue 29, Wed 30, Thu 31, Mon 4 ... Fri 8 Jan
	 * 2027. */
	assert_date(psr(D(2026, 12, 23)).last_day, D(2027, 1, 8));
	/* Wed 24 Dec 2025: begins on Christmas Day; (26 Dec, 1 Jan) Mon 29,
	 * Tue 30, Wed 31, Fri 2, Mon 5, Tue 6, Wed 7, Thu 8 Jan 2026. */
	assert_date(psr(D(2025, 12, 24)).last_day, D(2026, 1, 8));
	/* Wed 31 Dec 2025: begins on New Year's Day; Fri 2 Jan is working day
	 * 1 ... Tue 13 Jan 2026. */
	assert_date(psr(D(2025, 12, 31)).last_day, D(2026, 1, 13));
	/* "the first Monday in May" is a public holiday even in a year a
	 * proclamation moves England's early May bank holiday: in 2020 it
	 * moved to Fri 8 May (VE Day), and both days are skipped. Published
	 * Wed 29 Apr 2020: Fri 1, (Mon 4) Tue 5, Wed 6, Thu 7, (Fri 8) Mon
	 * 11, Tue 12, Wed 13, Thu 14 May 2020 (computed as if in force). */
	assert_date(psr(D(2020, 4, 29)).last_day, D(2020, 5, 14));
}

static void
psr_standstill_before_commencement_warns(void **state)
{
	struct tp_standstill s = psr(D(2023, 12, 20));
	(void)state;
	/* reg 1(1): "come into force on 1st January 2024". Wed 20 Dec 2023:
	 * begins Thu 21; Fri 22, (Mon 25, Tue 26 Dec) Wed 27, Thu 28, Fri
	 * 29, (Mon 1 Jan) Tue 2, Wed 3, Thu 4, Fri 5 Jan 2024. */
	assert_date(s.last_day, D(2024, 1, 5));
	assert_non_null(strstr(s.warning, "not in force"));
	/* ... and not on the first day it is. */
	assert_string_equal(psr(D(2024, 1, 1)).warning, "");
}

static void
psr_representations_and_further_decision(void **state)
{
	struct tp_standstill_request req = {0};
	struct tp_standstill s;
	(void)state;
	req.regime = TP_REGIME_PSR2023;
	req.sent = D(2025, 6, 2);
	req.representations = true;
	/* reg 12(10): with representations the period ends only when, among
	 * other things, "(v) there have been no fewer than 5 working days
	 * since the relevant authority informed providers of its last
	 * further decision". With none known yet it stays open. */
	s = standstill(&req);
	assert_true(s.open_ended);
	assert_date(s.last_day, D(2025, 6, 13));
	assert_non_null(strstr(s.warning, "12(10)"));
	/* Last further decision communicated Wed 18 Jun 2025: Thu 19, Fri
	 * 20, Mon 23, Tue 24, Wed 25 Jun: ends at the end of Wed 25 Jun. */
	req.has_further_decision = true;
	req.further_decision = D(2025, 6, 18);
	s = standstill(&req);
	assert_false(s.open_ended);
	assert_date(s.last_day, D(2025, 6, 25));
	assert_date(s.earliest_contract, D(2025, 6, 26));
	assert_date(s.representations_until, D(2025, 6, 13));
	assert_true(s.extended);
	assert_string_equal(s.citation, "PSR 2023 reg 12(2), (9), (10), (12)");
	/* Communicated Thu 5 Jun: 5 working days after is Thu 12 Jun, before
	 * the reg 12(9) end, which still binds (Fri 13 Jun). */
	req.further_decision = D(2025, 6, 5);
	s = standstill(&req);
	assert_date(s.last_day, D(2025, 6, 13));
	assert_false(s.extended);
	/* A further decision before the notice is a mistake. */
	req.further_decision = D(2025, 6, 2);
	{
		struct tp_error err;
		assert_int_equal(tp_standstill_compute(&req, &s, &err),
				 TP_ERR_INVALID);
	}
}

static void
psr_options_refused_elsewhere(void **state)
{
	struct tp_standstill_request req = {0};
	struct tp_standstill s;
	struct tp_error err;
	(void)state;
	req.sent = D(2025, 6, 2);
	/* Representations are a PSR rule. */
	req.regime = TP_REGIME_PA2023;
	req.representations = true;
	assert_int_equal(tp_standstill_compute(&req, &s, &err), TP_ERR_RULE);
	/* An exempt contract or stated end is a PA 2023 rule. */
	req.representations = false;
	req.regime = TP_REGIME_PCR2015;
	req.exempt = true;
	assert_int_equal(tp_standstill_compute(&req, &s, &err), TP_ERR_RULE);
	/* Mixed means are PCR 2006/2015 only (PCSR 2015 not read). */
	req.exempt = false;
	req.regime = TP_REGIME_PCSR2015;
	req.means = TP_NOTICE_MIXED;
	req.sent_other = req.sent;
	assert_int_equal(tp_standstill_compute(&req, &s, &err), TP_ERR_RULE);
	/* A voluntary transparency notice is modelled for PCR 2015 only. */
	req.means = TP_NOTICE_ELECTRONIC;
	req.regime = TP_REGIME_PA2023;
	req.kind = TP_STANDSTILL_VTN;
	assert_int_equal(tp_standstill_compute(&req, &s, &err), TP_ERR_RULE);
}

/* ---- PA 2023 s.51 -------------------------------------------------------- */

static void
pa_exempt_and_stated_standstills(void **state)
{
	struct tp_standstill_request req = {0};
	struct tp_standstill s;
	(void)state;
	req.regime = TP_REGIME_PA2023;
	req.sent = D(2025, 6, 10);
	/* s.51(2): "eight working days beginning with the day on which a
	 * contract award notice is published": Tue 10, Wed 11, Thu 12, Fri
	 * 13, Mon 16, Tue 17, Wed 18, Thu 19 Jun 2025. */
	s = standstill(&req);
	assert_date(s.last_day, D(2025, 6, 19));
	assert_true(s.mandatory);
	/* s.51(1)(b): "if later, the end of another standstill period
	 * provided for in the contract award notice": Fri 20 Jun. */
	req.has_stated_end = true;
	req.stated_end = D(2025, 6, 20);
	s = standstill(&req);
	assert_date(s.last_day, D(2025, 6, 20));
	assert_date(s.earliest_contract, D(2025, 6, 21));
	assert_non_null(strstr(s.citation, "s.51(1)(b)"));
	/* An earlier stated end is ignored, with a warning. */
	req.stated_end = D(2025, 6, 17);
	s = standstill(&req);
	assert_date(s.last_day, D(2025, 6, 19));
	assert_non_null(strstr(s.warning, "ignored"));
	/* s.51(3)(a)-(f) exempt contracts: no mandatory standstill; s.51(5):
	 * a voluntary one "may not be less than a period of eight working
	 * days beginning with the day on which the contract award notice is
	 * published". */
	req.has_stated_end = false;
	req.exempt = true;
	s = standstill(&req);
	assert_false(s.mandatory);
	assert_date(s.last_day, D(2025, 6, 19));
	assert_non_null(strstr(s.warning, "27(2)(s)"));
	/* Fri 19 Dec 2025: Fri 19, Mon 22, Tue 23, Wed 24, (25, 26 Dec)
	 * Mon 29, Tue 30, Wed 31, (1 Jan E&W, 2 Jan Scotland: s.123 "in any
	 * part of the United Kingdom") Mon 5 Jan 2026. A stated Wed 31 Dec
	 * is too short. */
	req.sent = D(2025, 12, 19);
	req.has_stated_end = true;
	req.stated_end = D(2025, 12, 31);
	s = standstill(&req);
	assert_date(s.last_day, D(2026, 1, 5));
	assert_non_null(strstr(s.warning, "s.51(5)"));
	req.stated_end = D(2026, 1, 5);
	s = standstill(&req);
	assert_date(s.last_day, D(2026, 1, 5));
	assert_string_equal(s.warning, "");
}

/* ---- PCR 2015 reg 87(5) and reg 99(3) ---------------------------------- */

static void
pcr_mixed_means(void **state)
{
	struct tp_standstill_request req = {0};
	struct tp_standstill s;
	(void)state;
	/* reg 87(5): "the standstill period ends at whichever of the
	 * following two times occurs latest: (a) midnight at the end of the
	 * 10th day after the date on which the last notice is sent by
	 * facsimile or electronic means; (b) the time when whichever of the
	 * following occurs first: (i) midnight at the end of the 15th day
	 * after the date on which the last notice is sent by other means;
	 * (ii) midnight at the end of the 10th day after the date on which
	 * the last of the economic operators to receive a notice sent by any
	 * such other means receives it"; reg 2(4): a period ending on a day
	 * that is not a working day ends at the end of the next working day.
	 *
	 * E-mails and letters Mon 2 Jun 2025, letters received Wed 4 Jun:
	 * (a) Thu 12 Jun; (b) earlier of Tue 17 and Sat 14 Jun = Sat 14;
	 * latest Sat 14 Jun -> Mon 16 Jun 2025. */
	req.regime = TP_REGIME_PCR2015;
	req.means = TP_NOTICE_MIXED;
	req.sent = D(2025, 6, 2);
	req.sent_other = D(2025, 6, 2);
	req.has_received = true;
	req.received = D(2025, 6, 4);
	s = standstill(&req);
	assert_date(s.nominal_last_day, D(2025, 6, 14));
	assert_date(s.last_day, D(2025, 6, 16));
	assert_date(s.earliest_contract, D(2025, 6, 17));
	assert_string_equal(s.citation, "PCR 2015 reg 87(5) and reg 2(4)");
	/* Without the receipt day, (b)(i) binds: Tue 17 Jun. */
	req.has_received = false;
	assert_date(standstill(&req).last_day, D(2025, 6, 17));
	/* E-mails Mon 15 Dec 2025, letters Fri 5 Dec received Mon 8 Dec: (a)
	 * Thu 25 Dec; (b) earlier of Sat 20 and Thu 18 Dec = Thu 18; latest
	 * Thu 25 Dec -> (25, 26 Dec) Mon 29 Dec 2025. */
	req.sent = D(2025, 12, 15);
	req.sent_other = D(2025, 12, 5);
	req.has_received = true;
	req.received = D(2025, 12, 8);
	s = standstill(&req);
	assert_date(s.nominal_last_day, D(2025, 12, 25));
	assert_date(s.last_day, D(2025, 12, 29));
	assert_int_equal(s.days, 10);
	/* PCR 2006 reg 32A(5)-(6): the same rule. */
	req.regime = TP_REGIME_PCR2006;
	s = standstill(&req);
	assert_date(s.last_day, D(2025, 12, 29));
	assert_non_null(strstr(s.citation, "32A(5)"));
}

static void
pcr_voluntary_transparency_notice(void **state)
{
	struct tp_standstill_request req = {0};
	struct tp_standstill s;
	(void)state;
	/* reg 99(3)(c): "the contract has not been entered into before the
	 * end of a period of at least 10 days beginning with the day after
	 * the date on which the voluntary transparency notice was
	 * published". Published Mon 2 Jun 2025: Tue 3 ... Thu 12 Jun; the
	 * contract from Fri 13 Jun. */
	req.regime = TP_REGIME_PCR2015;
	req.kind = TP_STANDSTILL_VTN;
	req.sent = D(2025, 6, 2);
	s = standstill(&req);
	assert_date(s.first_day, D(2025, 6, 3));
	assert_date(s.last_day, D(2025, 6, 12));
	assert_date(s.earliest_contract, D(2025, 6, 13));
	assert_string_equal(s.citation, "PCR 2015 reg 99(3)(c) and reg 2(4)");
	/* Published Wed 4 Jun: the 10th day is Sat 14 Jun; reg 2(4) ("In
	 * Parts 2, 3 and 4 ... the period is to end at the end of the next
	 * working day") -> Mon 16 Jun; contract from Tue 17 Jun. */
	req.sent = D(2025, 6, 4);
	s = standstill(&req);
	assert_date(s.nominal_last_day, D(2025, 6, 14));
	assert_date(s.last_day, D(2025, 6, 16));
}

/* ---- minimum periods and settings --------------------------------------- */

static int32_t
min_days(const struct tp_rules_config *cfg, enum tp_regime regime,
	 enum tp_procedure proc, enum tp_period_kind kind)
{
	struct tp_period_query q = {0};
	struct tp_min_period m;
	struct tp_error err;
	q.regime = regime;
	q.procedure = proc;
	q.kind = kind;
	q.claims = cfg->claims;
	if (tp_rules_config_authority(cfg, regime, &q.authority, &err) != TP_OK)
		fail_msg("authority: %s", err.message);
	if (tp_min_period_query(&q, &m, &err) != TP_OK)
		fail_msg("tp_min_period_query: %s", err.message);
	return m.days;
}

#define ETD (TP_CLAIM_ELECTRONIC_TENDERS | TP_CLAIM_DOCUMENTS_WITH_NOTICE)

static void
pa_central_government_rows(void **state)
{
	struct tp_rules_config cfg;
	(void)state;
	tp_rules_config_init(&cfg);
	/* s.54(4) row 3: "The contract— being awarded is a utilities
	 * contract, or is being awarded by a contracting authority that is
	 * not a central government authority, and tenders may be submitted
	 * only by preselected suppliers — 10 days". */
	cfg.claims = ETD | TP_CLAIM_PRESELECTED;
	cfg.authority_kind = TP_AUTHORITY_KIND_COUNCIL;
	assert_int_equal(min_days(&cfg, TP_REGIME_PA2023,
				  TP_PROC_COMPETITIVE_FLEXIBLE,
				  TP_PERIOD_TENDER),
			 10);
	/* Procurement Regulations 2024 reg 44(1), Sch 2 lists "NHS Trusts",
	 * "NHS Foundation Trusts" and "NHS England" as central government
	 * authorities: row 3 is closed, row 7 gives 25 days. */
	cfg.authority_kind = TP_AUTHORITY_KIND_NHS_TRUST;
	assert_int_equal(min_days(&cfg, TP_REGIME_PA2023,
				  TP_PROC_COMPETITIVE_FLEXIBLE,
				  TP_PERIOD_TENDER),
			 25);
	cfg.authority_kind = TP_AUTHORITY_KIND_NHS_ENGLAND;
	assert_int_equal(min_days(&cfg, TP_REGIME_PA2023,
				  TP_PROC_COMPETITIVE_FLEXIBLE,
				  TP_PERIOD_TENDER),
			 25);
	/* ... unless it is a utilities contract. */
	cfg.claims |= TP_CLAIM_UTILITIES_CONTRACT;
	assert_int_equal(min_days(&cfg, TP_REGIME_PA2023,
				  TP_PROC_COMPETITIVE_FLEXIBLE,
				  TP_PERIOD_TENDER),
			 10);
	/* Row 6, "awarded by reference to suppliers’ membership of a dynamic
	 * market — 10 days", has no authority condition. */
	cfg.claims = ETD | TP_CLAIM_DYNAMIC_MARKET;
	cfg.authority = TP_AUTHORITY_CENTRAL_GOVERNMENT;
	assert_int_equal(min_days(&cfg, TP_REGIME_PA2023,
				  TP_PROC_COMPETITIVE_FLEXIBLE,
				  TP_PERIOD_TENDER),
			 10);
	/* PCR 2015 Sch 1 lists "NHS Trusts" but not foundation trusts: a
	 * foundation trust may agree the restricted tender period (reg
	 * 28(7)); under PA 2023 it is central government. */
	tp_rules_config_init(&cfg);
	cfg.authority_kind = TP_AUTHORITY_KIND_NHS_FOUNDATION_TRUST;
	cfg.claims = ETD | TP_CLAIM_AGREED_PERIOD;
	assert_int_equal(min_days(&cfg, TP_REGIME_PCR2015, TP_PROC_RESTRICTED,
				  TP_PERIOD_TENDER),
			 -1);
	cfg.claims = ETD | TP_CLAIM_PRESELECTED;
	assert_int_equal(min_days(&cfg, TP_REGIME_PA2023,
				  TP_PROC_COMPETITIVE_FLEXIBLE,
				  TP_PERIOD_TENDER),
			 25);
	cfg.authority_kind = TP_AUTHORITY_KIND_NHS_TRUST;
	cfg.claims = ETD | TP_CLAIM_AGREED_PERIOD;
	assert_int_equal(min_days(&cfg, TP_REGIME_PCR2015, TP_PROC_RESTRICTED,
				  TP_PERIOD_TENDER),
			 25);
}

static void
direct_award_and_psr_procedures(void **state)
{
	struct tp_rules_config cfg;
	struct tp_min_period m;
	struct tp_error err;
	(void)state;
	tp_rules_config_init(&cfg);
	/* PA 2023 s.54(5): the tendering period is that of "a competitive
	 * tendering procedure"; a direct award (s.41, s.43) has none. */
	assert_int_equal(min_days(&cfg, TP_REGIME_PA2023, TP_PROC_DIRECT_AWARD,
				  TP_PERIOD_TENDER),
			 -1);
	/* PCR 2015 reg 32 sets no time limits. */
	assert_int_equal(min_days(&cfg, TP_REGIME_PCR2015, TP_PROC_DIRECT_AWARD,
				  TP_PERIOD_TENDER),
			 -1);
	/* The PSR sets no minimum for offers (reg 11). */
	assert_int_equal(min_days(&cfg, TP_REGIME_PSR2023,
				  TP_PROC_PSR_COMPETITIVE, TP_PERIOD_TENDER),
			 -1);
	/* Procedures of one regime are refused by the others. */
	assert_int_equal(tp_min_period(TP_REGIME_PSR2023, TP_PROC_OPEN,
				       TP_PERIOD_TENDER, 0, &m, &err),
			 TP_ERR_RULE);
	assert_int_equal(tp_min_period(TP_REGIME_PA2023, TP_PROC_PSR_C,
				       TP_PERIOD_TENDER, 0, &m, &err),
			 TP_ERR_RULE);
	assert_int_equal(tp_min_period(TP_REGIME_PCR2015, TP_PROC_PSR_MSP,
				       TP_PERIOD_TENDER, 0, &m, &err),
			 TP_ERR_RULE);
}

static enum tp_regime
regime_of(const struct tp_rules_config *cfg, struct tp_date started)
{
	enum tp_regime r;
	struct tp_error err;
	if (tp_rules_config_regime(cfg, started, &r, &err) != TP_OK)
		fail_msg("tp_rules_config_regime: %s", err.message);
	return r;
}

static void
regime_by_date_for_health_services(void **state)
{
	struct tp_rules_config cfg;
	(void)state;
	tp_rules_config_init(&cfg);
	cfg.health_service = TP_HEALTH_SERVICE_ENGLAND;
	/* PSR 2023 reg 1(1): in force on 1 Jan 2024; reg 29(1): a procedure
	 * commenced before then is not affected. */
	assert_int_equal(regime_of(&cfg, D(2024, 1, 1)), TP_REGIME_PSR2023);
	assert_int_equal(regime_of(&cfg, D(2023, 12, 31)), TP_REGIME_PCR2015);
	/* Procurement Regulations 2024 reg 43: PA 2023 does not apply. */
	assert_int_equal(regime_of(&cfg, D(2025, 6, 2)), TP_REGIME_PSR2023);
	/* reg 29(3)(b): a call-off begun from 1 Jan 2024 is under the PSR
	 * whenever its framework was concluded. */
	cfg.procedure = TP_PROC_CALL_OFF;
	cfg.has_framework_concluded = true;
	cfg.framework_concluded = D(2022, 5, 1);
	assert_int_equal(regime_of(&cfg, D(2024, 6, 3)), TP_REGIME_PSR2023);
	/* reg 1(2): "apply in relation to England only". */
	cfg.procedure = TP_PROC_OPEN;
	cfg.has_framework_concluded = false;
	cfg.jurisdiction = TP_REGION_SCOTLAND;
	assert_int_equal(regime_of(&cfg, D(2025, 6, 2)), TP_REGIME_PCSR2015);
	cfg.regime = TP_REGIME_PSR2023;
	cfg.jurisdiction = TP_REGION_NORTHERN_IRELAND;
	assert_int_equal(regime_of(&cfg, D(2025, 6, 2)), TP_REGIME_PA2023);
	/* Wales: WSI 2025/99 reg 1(2) (in force 24 Feb 2025) and reg 34 ("The
	 * 2023 Act does not apply to regulated health service procurement in
	 * Wales"); not modelled, so no regime. */
	tp_rules_config_init(&cfg);
	cfg.health_service = TP_HEALTH_SERVICE_WALES;
	assert_int_equal(regime_of(&cfg, D(2025, 2, 24)), TP_REGIME_NONE);
	assert_int_equal(regime_of(&cfg, D(2025, 2, 23)), TP_REGIME_PCR2015);
	/* Without the setting nothing changes. */
	cfg.health_service = TP_HEALTH_SERVICE_NONE;
	assert_int_equal(regime_of(&cfg, D(2025, 2, 24)), TP_REGIME_PA2023);
}

static void
names_round_trip(void **state)
{
	struct tp_error err;
	(void)state;
	for (int i = 0; tp_procedure_name((enum tp_procedure)i); i++) {
		enum tp_procedure p;
		assert_int_equal(
			tp_procedure_from_name(
				tp_procedure_name((enum tp_procedure)i), &p,
				&err),
			TP_OK);
		assert_int_equal(p, i);
	}
	assert_string_equal(tp_procedure_name(TP_PROC_PSR_MSP),
			    "most-suitable-provider");
	assert_string_equal(tp_regime_name(TP_REGIME_PSR2023), "psr2023");
	for (int i = 0; tp_authority_kind_name((enum tp_authority_kind)i);
	     i++) {
		enum tp_authority_kind k;
		assert_int_equal(tp_authority_kind_from_name(
					 tp_authority_kind_name(
						 (enum tp_authority_kind)i),
					 &k, &err),
				 TP_OK);
		assert_int_equal(k, i);
	}
	for (int i = 0; tp_health_service_name((enum tp_health_service)i);
	     i++) {
		enum tp_health_service h;
		assert_int_equal(tp_health_service_from_name(
					 tp_health_service_name(
						 (enum tp_health_service)i),
					 &h, &err),
				 TP_OK);
		assert_int_equal(h, i);
	}
	assert_int_equal(tp_health_service_from_name("scotland", NULL, &err),
			 TP_ERR_INVALID);
	assert_string_equal(tp_plan_claim_name(TP_CLAIM_URGENT_AWARD),
			    "urgent-award");
	assert_string_equal(tp_plan_claim_name(TP_CLAIM_EXTREME_URGENCY),
			    "extreme-urgency");
	assert_string_equal(tp_stage_kind_name(TP_STAGE_TRANSPARENCY_NOTICE),
			    "transparency-notice");
	assert_string_equal(tp_stage_kind_name(TP_STAGE_CLARIFICATION_RESPONSE),
			    "clarification-response");
	assert_null(tp_stage_kind_name((enum tp_stage_kind)31));
}

/* ---- the checker ----------------------------------------------------------
 */

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
	assert_int_equal(
		tp_calendar_builder_set_region(b, TP_REGION_NONE, NULL), TP_OK);
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

/* A milestone pinned to @d; the id is its name. */
static void
at(struct fx *x, const char *id, enum tp_stage_kind kind, struct tp_date d)
{
	struct tp_error err;
	if (tp_plan_add_stage(x->plan, id, id, kind, 0, TP_UNIT_CALENDAR_DAYS,
			      NULL, &err) != TP_OK ||
	    tp_plan_add_constraint(x->plan, id, TP_CONSTRAINT_START_ON, d,
				   &err) != TP_OK)
		fail_msg("%s: %s", id, err.message);
}

/* Move the pinned stage @id to @d (its only constraint). */
static void
move(struct fx *x, const char *id, struct tp_date d)
{
	size_t i, n = tp_plan_stage_count(x->plan);
	struct tp_plan *p = NULL;
	struct tp_error err;

	assert_true(tp_plan_find_stage(x->plan, id, &i));
	tp_findings_free(x->found);
	tp_schedule_free(x->sched);
	x->found = NULL;
	x->sched = NULL;
	/* Plans do not remove constraints: rebuild with the new date. */
	assert_int_equal(tp_plan_new(&p, NULL), TP_OK);
	tp_plan_set_calendar(p, x->cal);
	assert_int_equal(tp_plan_set_start_date(p, D(2000, 1, 3), NULL), TP_OK);
	for (size_t k = 0; k < n; k++) {
		struct tp_constraint c;
		const char *sid = tp_plan_stage_id(x->plan, k);
		size_t j;
		assert_int_equal(
			tp_plan_add_stage(p, sid, sid,
					  tp_plan_stage_kind(x->plan, k), 0,
					  TP_UNIT_CALENDAR_DAYS, NULL, &err),
			TP_OK);
		for (j = 0; tp_plan_constraint(x->plan, j, &c); j++)
			if (c.stage == k)
				break;
		assert_int_equal(
			tp_plan_add_constraint(p, sid, TP_CONSTRAINT_START_ON,
					       k == i ? d : c.date, &err),
			TP_OK);
	}
	tp_plan_free(x->plan);
	x->plan = p;
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

static void
dump(const struct fx *x)
{
	for (size_t i = 0; i < tp_findings_count(x->found); i++)
		print_message("  have %s %s: %s\n",
			      tp_severity_name(
				      tp_findings_get(x->found, i)->severity),
			      tp_findings_get(x->found, i)->rule_id,
			      tp_findings_get(x->found, i)->message);
}

static const struct tp_finding *
expect(const struct fx *x, const char *rule_id, enum tp_severity sev)
{
	const struct tp_finding *f = find(x, rule_id);
	if (!f) {
		dump(x);
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
	if (f) {
		dump(x);
		fail_msg("unexpected %s: %s", rule_id, f->message);
	}
}

static void
expect_no_error(const struct fx *x)
{
	if (tp_findings_max_severity(x->found) == TP_SEVERITY_ERROR) {
		dump(x);
		fail_msg("unexpected error");
	}
}

/* A PSR Competitive Process: notice inviting offers, notice of intention
 * to award published Mon 2 Jun 2025, award on @award. */
static void
psr_plan(struct fx *x, enum tp_procedure proc, struct tp_date award)
{
	fx_init(x, TP_REGIME_PSR2023, proc);
	x->cfg.health_service = TP_HEALTH_SERVICE_ENGLAND;
	snprintf(x->cfg.cpv, sizeof(x->cfg.cpv), "85121100-4");
	at(x, "advert", TP_STAGE_ADVERT, D(2025, 4, 1));
	at(x, "intention-to-award", TP_STAGE_INTENTION_TO_AWARD, D(2025, 6, 2));
	at(x, "award", TP_STAGE_AWARD, award);
}

static void
check_psr_standstill(void **state)
{
	struct fx x;
	(void)state;
	/* PSR 2023 reg 12(1): "the relevant authority must not enter into
	 * the contract ... before the end of a standstill period"; after a
	 * notice published Mon 2 Jun 2025 it ends at the end of Fri 13 Jun
	 * (reg 12(2), (9), (12)), on England's calendar although the plan's
	 * has no weekends. */
	psr_plan(&x, TP_PROC_PSR_COMPETITIVE, D(2025, 6, 13));
	run(&x);
	expect(&x, "standstill.contract-inside", TP_SEVERITY_ERROR);
	/* Thu 12 Jun (the day-1 misreading of the guidance) is inside too. */
	move(&x, "award", D(2025, 6, 12));
	run(&x);
	expect(&x, "standstill.contract-inside", TP_SEVERITY_ERROR);
	move(&x, "award", D(2025, 6, 14));
	run(&x);
	expect_none(&x, "standstill.contract-inside");
	expect_no_error(&x);
	/* reg 12(3), Sch 9 para 5: the window for representations. */
	assert_non_null(strstr(expect(&x, "standstill.representations-window",
				      TP_SEVERITY_INFO)
				       ->message,
			       "from 2025-06-03 to midnight at the end of "
			       "2025-06-13"));
	expect_none(&x, "standstill.not-mandatory");
	expect_none(&x, "standstill.representations-open");
	fx_free(&x);
	/* Direct Award Process C has the standstill too (reg 12(1)). */
	psr_plan(&x, TP_PROC_PSR_C, D(2025, 6, 13));
	run(&x);
	expect(&x, "standstill.contract-inside", TP_SEVERITY_ERROR);
	fx_free(&x);
}

static void
check_psr_representations(void **state)
{
	struct fx x;
	(void)state;
	/* reg 12(10)(a)(v): "there have been no fewer than 5 working days
	 * since the relevant authority informed providers of its last
	 * further decision": informed Wed 18 Jun 2025, so the standstill
	 * ends at the end of Wed 25 Jun. */
	psr_plan(&x, TP_PROC_PSR_COMPETITIVE, D(2025, 6, 25));
	at(&x, "further-decision", TP_STAGE_FURTHER_DECISION, D(2025, 6, 18));
	run(&x);
	expect(&x, "standstill.contract-inside", TP_SEVERITY_ERROR);
	move(&x, "award", D(2025, 6, 26));
	run(&x);
	expect_none(&x, "standstill.contract-inside");
	expect_none(&x, "standstill.representations-open");
	fx_free(&x);
	/* Representations and no further decision yet: the standstill stays
	 * open (a warning); the award is checked against the 8 days. */
	psr_plan(&x, TP_PROC_PSR_COMPETITIVE, D(2025, 6, 16));
	x.cfg.claims |= TP_CLAIM_REPRESENTATIONS;
	run(&x);
	expect(&x, "standstill.representations-open", TP_SEVERITY_WARNING);
	expect_none(&x, "standstill.contract-inside");
	fx_free(&x);
}

static void
check_psr_processes(void **state)
{
	struct fx x;
	(void)state;
	/* reg 12(1) names Direct Award Process C, the Most Suitable
	 * Provider Process and the Competitive Process only: none for A. */
	psr_plan(&x, TP_PROC_PSR_A, D(2025, 6, 2));
	run(&x);
	assert_string_equal(
		expect(&x, "standstill.not-mandatory", TP_SEVERITY_INFO)
			->citation,
		"PSR 2023 reg 12(1)");
	expect_none(&x, "standstill.contract-inside");
	fx_free(&x);
	/* regs 9(3), 10(7), 11(9): the notice of intention to award is a
	 * step of C, MSP and the Competitive Process. */
	fx_init(&x, TP_REGIME_PSR2023, TP_PROC_PSR_C);
	at(&x, "award", TP_STAGE_AWARD, D(2025, 6, 16));
	run(&x);
	expect(&x, "psr.no-intention-notice", TP_SEVERITY_ERROR);
	/* reg 6(5)(b): C replaces "an existing contract" at the end of its
	 * term. */
	expect(&x, "psr.no-existing-contract", TP_SEVERITY_WARNING);
	x.cfg.has_incumbent_end = true;
	x.cfg.incumbent_end = D(2025, 9, 30);
	at(&x, "intention-to-award", TP_STAGE_INTENTION_TO_AWARD,
	   D(2025, 6, 2));
	run(&x);
	expect_none(&x, "psr.no-intention-notice");
	expect_none(&x, "psr.no-existing-contract");
	fx_free(&x);
	/* An open procedure is not a PSR process. */
	psr_plan(&x, TP_PROC_OPEN, D(2025, 6, 16));
	run(&x);
	expect(&x, "procedure.not-in-regime", TP_SEVERITY_WARNING);
	fx_free(&x);
}

static void
check_psr_most_suitable_provider(void **state)
{
	struct fx x;
	(void)state;
	/* reg 10(5): "must not complete step 2 before the day which is 14
	 * days after the day on which the notice of intention to follow the
	 * Most Suitable Provider Process is submitted for publication":
	 * submitted Wed 4 Jun 2025, step 2 complete on or after Wed 18 Jun. */
	fx_init(&x, TP_REGIME_PSR2023, TP_PROC_PSR_MSP);
	at(&x, "advert", TP_STAGE_ADVERT, D(2025, 6, 4));
	at(&x, "identify", TP_STAGE_PROVIDER_IDENTIFICATION, D(2025, 6, 17));
	run(&x);
	expect(&x, "psr.msp-identification-early", TP_SEVERITY_ERROR);
	move(&x, "identify", D(2025, 6, 18));
	run(&x);
	expect_none(&x, "psr.msp-identification-early");
	fx_free(&x);
}

static void
check_psr_award_notice(void **state)
{
	struct fx x;
	(void)state;
	/* reg 11(17)(b): the notice of the award is "submitted for
	 * publication within 30 days of the contract being awarded": award
	 * Mon 16 Jun 2025, read as by Wed 16 Jul (a warning: the words are
	 * not defined). */
	psr_plan(&x, TP_PROC_PSR_COMPETITIVE, D(2025, 6, 16));
	run(&x);
	assert_non_null(strstr(
		expect(&x, "psr.award-notice-date", TP_SEVERITY_INFO)->message,
		"2025-07-16"));
	at(&x, "award-notice", TP_STAGE_AWARD_NOTICE, D(2025, 7, 17));
	run(&x);
	expect(&x, "psr.award-notice-late", TP_SEVERITY_WARNING);
	move(&x, "award-notice", D(2025, 7, 16));
	run(&x);
	expect_none(&x, "psr.award-notice-late");
	expect_none(&x, "psr.award-notice-date");
	fx_free(&x);
}

static void
check_psr_scope(void **state)
{
	struct fx x;
	(void)state;
	/* reg 1(2): "apply in relation to England only". */
	psr_plan(&x, TP_PROC_PSR_COMPETITIVE, D(2025, 6, 16));
	x.cfg.jurisdiction = TP_REGION_SCOTLAND;
	run(&x);
	expect(&x, "regime.not-in-jurisdiction", TP_SEVERITY_ERROR);
	x.cfg.jurisdiction = TP_REGION_ENGLAND_AND_WALES;
	run(&x);
	expect_none(&x, "regime.not-in-jurisdiction");
	expect_none(&x, "regime.out-of-period");
	fx_free(&x);
	/* reg 1(1), 29: a procedure commenced before 1 Jan 2024. */
	psr_plan(&x, TP_PROC_PSR_COMPETITIVE, D(2025, 6, 16));
	move(&x, "advert", D(2023, 12, 29));
	run(&x);
	expect(&x, "regime.out-of-period", TP_SEVERITY_WARNING);
	move(&x, "advert", D(2024, 1, 1));
	run(&x);
	expect_none(&x, "regime.out-of-period");
	fx_free(&x);
	/* Procurement Regulations 2024 reg 43: "The PA 2023 does not apply in
	 * relation to regulated health procurement." */
	psr_plan(&x, TP_PROC_OPEN, D(2025, 6, 16));
	x.cfg.regime = TP_REGIME_PA2023;
	run(&x);
	expect(&x, "regime.health-outside-psr", TP_SEVERITY_WARNING);
	x.cfg.health_service = TP_HEALTH_SERVICE_NONE;
	run(&x);
	expect_none(&x, "regime.health-outside-psr");
	/* ... but a Schedule 1 code says the PSR may apply. */
	expect(&x, "cpv.health-care", TP_SEVERITY_INFO);
	snprintf(x.cfg.cpv, sizeof(x.cfg.cpv), "79710000-4");
	run(&x);
	expect_none(&x, "cpv.health-care");
	fx_free(&x);
	/* WSI 2025/99 reg 34: not modelled, said so from 24 Feb 2025. */
	psr_plan(&x, TP_PROC_OPEN, D(2025, 6, 16));
	x.cfg.regime = TP_REGIME_BY_DATE;
	x.cfg.health_service = TP_HEALTH_SERVICE_WALES;
	move(&x, "advert", D(2025, 2, 24));
	run(&x);
	expect(&x, "regime.not-modelled", TP_SEVERITY_WARNING);
	assert_int_equal(tp_findings_regime(x.found), TP_REGIME_NONE);
	move(&x, "advert", D(2025, 2, 21));
	run(&x);
	expect_none(&x, "regime.not-modelled");
	assert_int_equal(tp_findings_regime(x.found), TP_REGIME_PCR2015);
	fx_free(&x);
}

static void
check_cpv_codes(void **state)
{
	static const struct {
		const char *code, *rule;
		enum tp_severity sev;
	} cases[] = {
		/* Schedule 1: "85323000-9 | Community health services, but
		 * only in respect of community health services which are
		 * delivered to individuals". */
		{"85323000-9", "cpv.qualified", TP_SEVERITY_INFO},
		/* 85112000 (hospital support) is not listed; 85110000-3
		 * "Hospital and related services" is. */
		{"85112000-0", "cpv.not-listed-child", TP_SEVERITY_WARNING},
		/* 79710000 (security services): not a health care code. */
		{"79710000-4", "cpv.not-in-schedule", TP_SEVERITY_WARNING},
		/* Schedule 1 gives 85110000-3. */
		{"85110000-9", "cpv.check-digit", TP_SEVERITY_WARNING},
		{"", "cpv.missing", TP_SEVERITY_INFO},
	};
	static const char *const all[] = {
		"cpv.qualified", "cpv.not-listed-child", "cpv.not-in-schedule",
		"cpv.check-digit", "cpv.missing"};
	struct fx x;
	(void)state;
	psr_plan(&x, TP_PROC_PSR_COMPETITIVE, D(2025, 6, 16));
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(x.cfg.cpv, sizeof(x.cfg.cpv), "%s", cases[i].code);
		run(&x);
		expect(&x, cases[i].rule, cases[i].sev);
	}
	/* "85121100-4 | General-practitioner services": listed, no finding;
	 * and 8 digits without the check digit are accepted. */
	for (int k = 0; k < 2; k++) {
		snprintf(x.cfg.cpv, sizeof(x.cfg.cpv), "%s",
			 k ? "85121100" : "85121100-4");
		run(&x);
		for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++)
			expect_none(&x, all[i]);
	}
	/* A malformed code is refused. */
	snprintf(x.cfg.cpv, sizeof(x.cfg.cpv), "8532300");
	{
		struct tp_findings *f = NULL;
		struct tp_error err;
		assert_int_equal(tp_plan_check(x.sched, &x.cfg, &f, &err),
				 TP_ERR_INVALID);
		assert_null(f);
	}
	fx_free(&x);
}

/* A PA 2023 direct award: transparency notice Mon 2 Jun 2025, award
 * decision Fri 6 Jun, contract award notice Tue 10 Jun, entry on
 * @award. */
static void
pa_direct_plan(struct fx *x, struct tp_date award)
{
	fx_init(x, TP_REGIME_PA2023, TP_PROC_DIRECT_AWARD);
	at(x, "transparency-notice", TP_STAGE_TRANSPARENCY_NOTICE,
	   D(2025, 6, 2));
	at(x, "governance-approval", TP_STAGE_GOVERNANCE_APPROVAL,
	   D(2025, 6, 6));
	at(x, "intention-to-award", TP_STAGE_INTENTION_TO_AWARD,
	   D(2025, 6, 10));
	at(x, "award", TP_STAGE_AWARD, award);
}

static void
check_pa_direct_award(void **state)
{
	struct fx x;
	(void)state;
	/* s.50(1) and s.51(2): the contract award notice, then eight
	 * working days beginning with its publication (Tue 10 ... Thu 19 Jun
	 * 2025, s.123). */
	pa_direct_plan(&x, D(2025, 6, 19));
	run(&x);
	expect(&x, "standstill.contract-inside", TP_SEVERITY_ERROR);
	move(&x, "award", D(2025, 6, 20));
	run(&x);
	expect_none(&x, "standstill.contract-inside");
	expect_none(&x, "pa.transparency-missing");
	expect_none(&x, "pa.transparency-after-award");
	expect_none(&x, "pa.award-notice-before-transparency");
	expect_no_error(&x);
	/* s.44(1): "Before awarding a contract under section 41 or 43 a
	 * contracting authority must publish a transparency notice." A
	 * notice after the decision (Mon 9 Jun) is too late; on the day of
	 * the decision (Fri 6 Jun) it is not. */
	move(&x, "transparency-notice", D(2025, 6, 9));
	run(&x);
	expect(&x, "pa.transparency-after-award", TP_SEVERITY_ERROR);
	move(&x, "transparency-notice", D(2025, 6, 6));
	run(&x);
	expect_none(&x, "pa.transparency-after-award");
	/* The contract award notice records the decision (Procurement
	 * Regulations 2024 reg 27(2)(f)) and so follows the transparency
	 * notice: Thu 5 Jun before a Fri 6 Jun notice is an error. */
	move(&x, "intention-to-award", D(2025, 6, 5));
	run(&x);
	expect(&x, "pa.award-notice-before-transparency", TP_SEVERITY_ERROR);
	move(&x, "intention-to-award", D(2025, 6, 6));
	run(&x);
	expect_none(&x, "pa.award-notice-before-transparency");
	fx_free(&x);
	/* No transparency notice at all; not needed for a user choice
	 * contract (s.44(3)), which needs no contract award notice either
	 * (s.50(6)(b)). */
	fx_init(&x, TP_REGIME_PA2023, TP_PROC_DIRECT_AWARD);
	at(&x, "award", TP_STAGE_AWARD, D(2025, 6, 20));
	run(&x);
	expect(&x, "pa.transparency-missing", TP_SEVERITY_ERROR);
	x.cfg.claims |= TP_CLAIM_USER_CHOICE;
	run(&x);
	expect_none(&x, "pa.transparency-missing");
	expect_none(&x, "pa.no-award-notice");
	expect_none(&x, "pa.contract-details-date");
	expect_no_error(&x);
	fx_free(&x);
}

static void
check_pa_exemptions(void **state)
{
	struct fx x;
	(void)state;
	/* s.51(3): "Subsection (1) does not apply in relation to a contract
	 * that is— (a) awarded under section 41 by reference to paragraph 13
	 * of Schedule 5 (direct award: extreme and unavoidable urgency)". The
	 * contract may be entered into on the notice day; the notice must
	 * then give any not-before date (PR 2024 reg 27(2)(s)). */
	pa_direct_plan(&x, D(2025, 6, 10));
	run(&x);
	expect(&x, "standstill.contract-inside", TP_SEVERITY_ERROR);
	x.cfg.claims |= TP_CLAIM_EXTREME_URGENCY;
	run(&x);
	assert_non_null(
		strstr(expect(&x, "standstill.not-mandatory", TP_SEVERITY_INFO)
			       ->citation,
		       "s.51(3)(a)"));
	expect(&x, "standstill.not-before-date", TP_SEVERITY_INFO);
	expect_none(&x, "standstill.contract-inside");
	fx_free(&x);
	/* s.50(1) still requires the contract award notice. */
	fx_init(&x, TP_REGIME_PA2023, TP_PROC_DIRECT_AWARD);
	x.cfg.claims |= TP_CLAIM_EXTREME_URGENCY;
	at(&x, "transparency-notice", TP_STAGE_TRANSPARENCY_NOTICE,
	   D(2025, 6, 2));
	at(&x, "award", TP_STAGE_AWARD, D(2025, 6, 3));
	run(&x);
	expect(&x, "pa.no-award-notice", TP_SEVERITY_ERROR);
	at(&x, "intention-to-award", TP_STAGE_INTENTION_TO_AWARD,
	   D(2025, 6, 3));
	run(&x);
	expect_none(&x, "pa.no-award-notice");
	fx_free(&x);
}

static void
check_pa_stated_standstill(void **state)
{
	struct fx x;
	(void)state;
	/* s.51(1)(b): not before "if later, the end of another standstill
	 * period provided for in the contract award notice": Fri 20 Jun
	 * 2025 after a Tue 10 Jun notice. */
	pa_direct_plan(&x, D(2025, 6, 20));
	x.cfg.has_standstill_end = true;
	x.cfg.standstill_end = D(2025, 6, 20);
	run(&x);
	expect(&x, "standstill.contract-inside", TP_SEVERITY_ERROR);
	expect(&x, "standstill.stated-later", TP_SEVERITY_INFO);
	move(&x, "award", D(2025, 6, 23));
	run(&x);
	expect_none(&x, "standstill.contract-inside");
	/* An end before the mandatory one's (Thu 19 Jun) is a mistake in the
	 * plan; on that day it is not. */
	x.cfg.standstill_end = D(2025, 6, 18);
	run(&x);
	expect(&x, "standstill.stated-end-early", TP_SEVERITY_WARNING);
	x.cfg.standstill_end = D(2025, 6, 19);
	run(&x);
	expect_none(&x, "standstill.stated-end-early");
	expect_none(&x, "standstill.stated-later");
	fx_free(&x);
}

static void
check_pa_call_off(void **state)
{
	struct fx x;
	(void)state;
	/* s.51(3)(d), (4)-(5): a call-off has no mandatory standstill; a
	 * voluntary one in the contract award notice "may not be less than
	 * a period of eight working days beginning with the day on which the
	 * contract award notice is published": notice Fri 19 Dec 2025, eight
	 * working days of the whole UK (s.123) end Mon 5 Jan 2026. */
	fx_init(&x, TP_REGIME_PA2023, TP_PROC_CALL_OFF);
	at(&x, "intention-to-award", TP_STAGE_INTENTION_TO_AWARD,
	   D(2025, 12, 19));
	at(&x, "award", TP_STAGE_AWARD, D(2026, 1, 6));
	x.cfg.has_standstill_end = true;
	x.cfg.standstill_end = D(2025, 12, 31);
	run(&x);
	expect(&x, "standstill.voluntary-short", TP_SEVERITY_ERROR);
	x.cfg.standstill_end = D(2026, 1, 5);
	run(&x);
	expect_none(&x, "standstill.voluntary-short");
	expect_none(&x, "standstill.contract-inside");
	/* The contract waits for the voluntary standstill. */
	move(&x, "award", D(2026, 1, 5));
	run(&x);
	expect(&x, "standstill.contract-inside", TP_SEVERITY_ERROR);
	/* Without a voluntary standstill the notice gives a not-before
	 * date (PR 2024 reg 27(2)(s)). */
	x.cfg.has_standstill_end = false;
	run(&x);
	expect(&x, "standstill.not-before-date", TP_SEVERITY_INFO);
	expect_none(&x, "standstill.contract-inside");
	expect_none(&x, "pa.call-off-notice");
	fx_free(&x);
	/* s.50(1), s.3(2): a call-off at or above the threshold needs a
	 * contract award notice (a warning: the value is not known). */
	fx_init(&x, TP_REGIME_PA2023, TP_PROC_CALL_OFF);
	at(&x, "award", TP_STAGE_AWARD, D(2026, 1, 6));
	run(&x);
	expect(&x, "pa.call-off-notice", TP_SEVERITY_WARNING);
	fx_free(&x);
}

static void
check_pa_contract_details(void **state)
{
	struct fx x;
	(void)state;
	/* s.53(1)(b): "before the end of the period of 30 days beginning
	 * with the day on which the contract is entered into": entered into
	 * Mon 23 Jun 2025 (day 1), so by Tue 22 Jul. */
	pa_direct_plan(&x, D(2025, 6, 23));
	run(&x);
	assert_non_null(
		strstr(expect(&x, "pa.contract-details-date", TP_SEVERITY_INFO)
			       ->message,
		       "2025-07-22"));
	at(&x, "award-notice", TP_STAGE_AWARD_NOTICE, D(2025, 7, 23));
	run(&x);
	expect(&x, "pa.contract-details-late", TP_SEVERITY_ERROR);
	move(&x, "award-notice", D(2025, 7, 22));
	run(&x);
	expect_none(&x, "pa.contract-details-late");
	expect_none(&x, "pa.contract-details-date");
	fx_free(&x);
	/* s.53(1)(a): a light touch contract, 120 days: by Mon 20 Oct. */
	fx_init(&x, TP_REGIME_PA2023, TP_PROC_LIGHT_TOUCH);
	at(&x, "award", TP_STAGE_AWARD, D(2025, 6, 23));
	at(&x, "award-notice", TP_STAGE_AWARD_NOTICE, D(2025, 10, 21));
	run(&x);
	expect(&x, "pa.contract-details-late", TP_SEVERITY_ERROR);
	move(&x, "award-notice", D(2025, 10, 20));
	run(&x);
	expect_none(&x, "pa.contract-details-late");
	/* s.53(6)(a): not for private utilities. */
	move(&x, "award-notice", D(2025, 12, 1));
	x.cfg.claims |= TP_CLAIM_PRIVATE_UTILITY;
	run(&x);
	expect_none(&x, "pa.contract-details-late");
	fx_free(&x);
}

/* An open procedure: a prior notice on @pin, the tender (contract) notice
 * on @notice, the deadline on @deadline. */
static void
pin_plan(struct fx *x, enum tp_regime regime, struct tp_date pin,
	 struct tp_date notice, struct tp_date deadline)
{
	fx_init(x, regime, TP_PROC_OPEN);
	x->cfg.claims |= TP_CLAIM_PIN;
	at(x, "prior-notice", TP_STAGE_PRIOR_NOTICE, pin);
	at(x, "advert", TP_STAGE_ADVERT, notice);
	at(x, "tender-deadline", TP_STAGE_TENDER_DEADLINE, deadline);
}

static void
check_pa_planned_procurement_notice(void **state)
{
	struct fx x;
	(void)state;
	/* s.15(3): "a planned procurement notice published at least 40 days
	 * but not more than 12 months before the day on which the tender
	 * notice is published"; s.54(4): then 10 days. Tender notice Mon 3
	 * Nov 2025: a PPN on Wed 24 Sep (40 days) qualifies and the
	 * tendering period (from Tue 4 Nov, s.54(5)) may end Thu 13 Nov. */
	pin_plan(&x, TP_REGIME_PA2023, D(2025, 9, 24), D(2025, 11, 3),
		 D(2025, 11, 13));
	run(&x);
	expect_none(&x, "pa.ppn-not-qualifying");
	expect_none(&x, "period.tender-minimum");
	move(&x, "tender-deadline", D(2025, 11, 12));
	run(&x);
	expect(&x, "period.tender-minimum", TP_SEVERITY_ERROR);
	/* Thu 25 Sep is 39 days before: not qualifying, so the 25 days of
	 * row 7 apply and Thu 13 Nov is too early. */
	move(&x, "tender-deadline", D(2025, 11, 13));
	move(&x, "prior-notice", D(2025, 9, 25));
	run(&x);
	expect(&x, "pa.ppn-not-qualifying", TP_SEVERITY_ERROR);
	expect(&x, "period.tender-minimum", TP_SEVERITY_ERROR);
	fx_free(&x);
	/* Tender notice Wed 5 Nov 2025: 12 months before is Tue 5 Nov
	 * 2024 (tp_date_add_months), which qualifies; Mon 4 Nov 2024 does
	 * not. */
	pin_plan(&x, TP_REGIME_PA2023, D(2024, 11, 5), D(2025, 11, 5),
		 D(2025, 12, 31));
	run(&x);
	expect_none(&x, "pa.ppn-not-qualifying");
	move(&x, "prior-notice", D(2024, 11, 4));
	run(&x);
	expect(&x, "pa.ppn-not-qualifying", TP_SEVERITY_ERROR);
	fx_free(&x);
	/* Claimed without a notice in the plan: a reminder. */
	fx_init(&x, TP_REGIME_PA2023, TP_PROC_OPEN);
	x.cfg.claims |= TP_CLAIM_PIN;
	at(&x, "advert", TP_STAGE_ADVERT, D(2025, 11, 3));
	run(&x);
	expect(&x, "pa.ppn-unverified", TP_SEVERITY_INFO);
	fx_free(&x);
}

static void
check_pa_central_government(void **state)
{
	struct fx x;
	(void)state;
	/* s.54(4) rows 3 and 7 with PR 2024 Sch 2: invitation Mon 1 Sep 2025,
	 * pre-selected suppliers, electronic tenders and all documents. A
	 * council: 10 days from Tue 2 Sep, deadline Thu 11 Sep or later. */
	fx_init(&x, TP_REGIME_PA2023, TP_PROC_COMPETITIVE_FLEXIBLE);
	x.cfg.claims |= TP_CLAIM_PRESELECTED;
	x.cfg.authority_kind = TP_AUTHORITY_KIND_COUNCIL;
	at(&x, "itt-issue", TP_STAGE_ITT_ISSUE, D(2025, 9, 1));
	at(&x, "tender-deadline", TP_STAGE_TENDER_DEADLINE, D(2025, 9, 10));
	run(&x);
	expect(&x, "period.tender-minimum", TP_SEVERITY_ERROR);
	move(&x, "tender-deadline", D(2025, 9, 11));
	run(&x);
	expect_none(&x, "period.tender-minimum");
	expect_none(&x, "authority.central-by-statute");
	/* An NHS trust: 25 days, deadline Fri 26 Sep or later. */
	x.cfg.authority_kind = TP_AUTHORITY_KIND_NHS_TRUST;
	run(&x);
	expect(&x, "period.tender-minimum", TP_SEVERITY_ERROR);
	expect(&x, "authority.central-by-statute", TP_SEVERITY_INFO);
	move(&x, "tender-deadline", D(2025, 9, 25));
	run(&x);
	expect(&x, "period.tender-minimum", TP_SEVERITY_ERROR);
	move(&x, "tender-deadline", D(2025, 9, 26));
	run(&x);
	expect_none(&x, "period.tender-minimum");
	/* A utilities contract opens row 3 again. */
	move(&x, "tender-deadline", D(2025, 9, 11));
	x.cfg.claims |= TP_CLAIM_UTILITIES_CONTRACT;
	run(&x);
	expect_none(&x, "period.tender-minimum");
	/* A council set as central government: the stricter figures, and a
	 * warning that Sch 2 does not list it. */
	x.cfg.claims &= ~(unsigned)TP_CLAIM_UTILITIES_CONTRACT;
	x.cfg.authority_kind = TP_AUTHORITY_KIND_COUNCIL;
	x.cfg.authority = TP_AUTHORITY_CENTRAL_GOVERNMENT;
	run(&x);
	expect(&x, "authority.kind-mismatch", TP_SEVERITY_WARNING);
	expect(&x, "period.tender-minimum", TP_SEVERITY_ERROR);
	x.cfg.authority_kind = TP_AUTHORITY_KIND_OTHER;
	run(&x);
	expect_none(&x, "authority.kind-mismatch");
	fx_free(&x);
}

static void
check_pcr_vtn(void **state)
{
	struct fx x;
	(void)state;
	/* reg 99(3)(c): not entered into "before the end of a period of at
	 * least 10 days beginning with the day after the date on which the
	 * voluntary transparency notice was published": published Mon 2 Jun
	 * 2025, the 10 days end Thu 12 Jun. */
	fx_init(&x, TP_REGIME_PCR2015, TP_PROC_DIRECT_AWARD);
	at(&x, "vtn", TP_STAGE_TRANSPARENCY_NOTICE, D(2025, 6, 2));
	at(&x, "award", TP_STAGE_AWARD, D(2025, 6, 12));
	run(&x);
	expect(&x, "pcr.vtn-contract-early", TP_SEVERITY_ERROR);
	move(&x, "award", D(2025, 6, 13));
	run(&x);
	expect_none(&x, "pcr.vtn-contract-early");
	/* reg 86(5)(a): no reg 86 notice, so no reg 87 standstill. */
	assert_non_null(
		strstr(expect(&x, "standstill.not-mandatory", TP_SEVERITY_INFO)
			       ->citation,
		       "86(5)(a)"));
	expect_none(&x, "pcr.vtn-optional");
	fx_free(&x);
	/* Published Wed 4 Jun: the 10th day, Sat 14 Jun, is not a working
	 * day; reg 2(4) ends the period at the end of Mon 16 Jun. */
	fx_init(&x, TP_REGIME_PCR2015, TP_PROC_DIRECT_AWARD);
	at(&x, "vtn", TP_STAGE_TRANSPARENCY_NOTICE, D(2025, 6, 4));
	at(&x, "award", TP_STAGE_AWARD, D(2025, 6, 16));
	run(&x);
	expect(&x, "pcr.vtn-contract-early", TP_SEVERITY_ERROR);
	move(&x, "award", D(2025, 6, 17));
	run(&x);
	expect_none(&x, "pcr.vtn-contract-early");
	fx_free(&x);
	/* Without a notice: the protection is offered. */
	fx_init(&x, TP_REGIME_PCR2015, TP_PROC_DIRECT_AWARD);
	at(&x, "award", TP_STAGE_AWARD, D(2025, 6, 16));
	run(&x);
	expect(&x, "pcr.vtn-optional", TP_SEVERITY_INFO);
	expect_no_error(&x);
	fx_free(&x);
}

static void
check_pcr_single_tenderer(void **state)
{
	struct fx x;
	(void)state;
	/* reg 86(5): no notice "(b) where the only tenderer is the one who
	 * is to be awarded the contract ... and there are no candidates";
	 * reg 87(1): the standstill applies only "Where regulation 86(1)
	 * applies". */
	fx_init(&x, TP_REGIME_PCR2015, TP_PROC_OPEN);
	at(&x, "intention-to-award", TP_STAGE_INTENTION_TO_AWARD,
	   D(2025, 6, 2));
	at(&x, "award", TP_STAGE_AWARD, D(2025, 6, 2));
	run(&x);
	expect(&x, "standstill.contract-inside", TP_SEVERITY_ERROR);
	x.cfg.claims |= TP_CLAIM_SINGLE_TENDERER;
	run(&x);
	assert_non_null(
		strstr(expect(&x, "standstill.not-mandatory", TP_SEVERITY_INFO)
			       ->citation,
		       "86(5)(b)"));
	expect_none(&x, "standstill.contract-inside");
	fx_free(&x);
}

static void
check_pcr_pin_window(void **state)
{
	struct fx x;
	(void)state;
	/* reg 27(4)(b): the PIN "was sent for publication between 35 days
	 * and 12 months before the date on which the contract notice was
	 * sent"; then 15 days (reg 27(4)). Contract notice Mon 3 Nov 2025:
	 * a PIN on Mon 29 Sep (35 days) qualifies, and the deadline may be
	 * Tue 18 Nov (the 15th day after, reg 2(3)(b)). */
	pin_plan(&x, TP_REGIME_PCR2015, D(2025, 9, 29), D(2025, 11, 3),
		 D(2025, 11, 18));
	run(&x);
	expect_none(&x, "pcr.pin-window");
	expect_none(&x, "period.tender-minimum");
	move(&x, "tender-deadline", D(2025, 11, 17));
	run(&x);
	expect(&x, "period.tender-minimum", TP_SEVERITY_ERROR);
	/* Tue 30 Sep is 34 days before. */
	move(&x, "tender-deadline", D(2025, 11, 18));
	move(&x, "prior-notice", D(2025, 9, 30));
	run(&x);
	expect(&x, "pcr.pin-window", TP_SEVERITY_ERROR);
	expect(&x, "period.tender-minimum", TP_SEVERITY_ERROR);
	fx_free(&x);
	/* Contract notice Wed 5 Nov 2025: Tue 5 Nov 2024 is within 12
	 * months, Mon 4 Nov 2024 is not. */
	pin_plan(&x, TP_REGIME_PCR2015, D(2024, 11, 5), D(2025, 11, 5),
		 D(2025, 12, 31));
	run(&x);
	expect_none(&x, "pcr.pin-window");
	move(&x, "prior-notice", D(2024, 11, 4));
	run(&x);
	expect(&x, "pcr.pin-window", TP_SEVERITY_ERROR);
	fx_free(&x);
}

static void
check_pcr_late_information(void **state)
{
	struct fx x;
	(void)state;
	/* reg 47(3)(a): extend the time limit where "additional information,
	 * although requested by the economic operator in good time, is not
	 * supplied at the latest 6 days before the time limit fixed for the
	 * receipt of tenders": tenders due Tue 18 Nov 2025, answers by Wed
	 * 12 Nov. */
	fx_init(&x, TP_REGIME_PCR2015, TP_PROC_OPEN);
	at(&x, "answers", TP_STAGE_CLARIFICATION_RESPONSE, D(2025, 11, 13));
	at(&x, "tender-deadline", TP_STAGE_TENDER_DEADLINE, D(2025, 11, 18));
	run(&x);
	expect(&x, "pcr.late-information", TP_SEVERITY_WARNING);
	move(&x, "answers", D(2025, 11, 12));
	run(&x);
	expect_none(&x, "pcr.late-information");
	fx_free(&x);
	/* reg 47(5): "In the case of an accelerated procedure, the period
	 * mentioned in paragraph (3)(a) shall be 4 days": tenders due Mon 17
	 * Nov, answers by Thu 13 Nov. */
	fx_init(&x, TP_REGIME_PCR2015, TP_PROC_OPEN);
	x.cfg.claims |= TP_CLAIM_URGENCY;
	at(&x, "answers", TP_STAGE_CLARIFICATION_RESPONSE, D(2025, 11, 14));
	at(&x, "tender-deadline", TP_STAGE_TENDER_DEADLINE, D(2025, 11, 17));
	run(&x);
	expect(&x, "pcr.late-information", TP_SEVERITY_WARNING);
	move(&x, "answers", D(2025, 11, 13));
	run(&x);
	expect_none(&x, "pcr.late-information");
	fx_free(&x);
	/* Without a response stage, a clarification deadline after the last
	 * day for answers says the same. */
	fx_init(&x, TP_REGIME_PCR2015, TP_PROC_OPEN);
	at(&x, "questions", TP_STAGE_CLARIFICATION_DEADLINE, D(2025, 11, 13));
	at(&x, "tender-deadline", TP_STAGE_TENDER_DEADLINE, D(2025, 11, 18));
	run(&x);
	expect(&x, "pcr.late-information", TP_SEVERITY_WARNING);
	fx_free(&x);
}

static void
check_pcr_award_notice(void **state)
{
	struct fx x;
	(void)state;
	/* reg 50(1): "Not later than 30 days after the award of a contract
	 * ... contracting authorities shall send for publication a contract
	 * award notice": award Mon 16 Jun 2025, by Wed 16 Jul. */
	fx_init(&x, TP_REGIME_PCR2015, TP_PROC_OPEN);
	at(&x, "award", TP_STAGE_AWARD, D(2025, 6, 16));
	at(&x, "award-notice", TP_STAGE_AWARD_NOTICE, D(2025, 7, 17));
	run(&x);
	expect(&x, "pcr.award-notice-late", TP_SEVERITY_ERROR);
	move(&x, "award-notice", D(2025, 7, 16));
	run(&x);
	expect_none(&x, "pcr.award-notice-late");
	fx_free(&x);
	/* reg 50(4): not for each contract based on a framework agreement. */
	fx_init(&x, TP_REGIME_PCR2015, TP_PROC_CALL_OFF);
	at(&x, "award", TP_STAGE_AWARD, D(2025, 6, 16));
	at(&x, "award-notice", TP_STAGE_AWARD_NOTICE, D(2025, 9, 1));
	run(&x);
	expect_none(&x, "pcr.award-notice-late");
	expect_none(&x, "pcr.award-notice-date");
	fx_free(&x);
}

static void
check_pcr_voluntary_call_off_standstill(void **state)
{
	struct fx x;
	(void)state;
	/* reg 99(7): a call-off escapes the third ground where the authority
	 * "has, despite regulation 86(5)(c), voluntarily complied with the
	 * requirements set out in regulation 86(1) to (4)" and "(c) the
	 * contract has not been entered into before the end of the
	 * standstill period": notices e-mailed Mon 2 Jun 2025, reg 87(2)
	 * ends the standstill at the end of Thu 12 Jun. */
	fx_init(&x, TP_REGIME_PCR2015, TP_PROC_CALL_OFF);
	at(&x, "intention-to-award", TP_STAGE_INTENTION_TO_AWARD,
	   D(2025, 6, 2));
	at(&x, "award", TP_STAGE_AWARD, D(2025, 6, 12));
	run(&x);
	expect_none(&x, "standstill.contract-inside");
	x.cfg.claims |= TP_CLAIM_VOLUNTARY_STANDSTILL;
	run(&x);
	expect(&x, "standstill.contract-inside", TP_SEVERITY_ERROR);
	move(&x, "award", D(2025, 6, 13));
	run(&x);
	expect_none(&x, "standstill.contract-inside");
	fx_free(&x);
}

/* ---- plan files -------------------------------------------------------- */

static void
plan_file_settings_round_trip(void **state)
{
	static const char plan[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<plan xmlns=\"urn:tenderplan:plan:1\" id=\"psr\">\n"
		"  <rules regime=\"psr2023\" procedure=\"competitive-process\"\n"
		"         claims=\"representations competition\"\n"
		"         authority-kind=\"nhs-foundation-trust\"\n"
		"         health-service=\"england\" cpv=\"85323000-9\"\n"
		"         standstill-end=\"2025-06-20\"/>\n"
		"  <stages><stage id=\"n\" kind=\"further-decision\"/></stages>\n"
		"</plan>\n";
	struct tp_plan_doc *doc = NULL, *again = NULL;
	const struct tp_rules_config *r;
	struct tp_error err;
	char *out = NULL;
	size_t len = 0;
	(void)state;
	if (tp_plan_doc_read_memory(plan, sizeof(plan) - 1, "psr", NULL,
				    TP_PLAN_READ_NO_CALENDAR, &doc,
				    &err) != TP_OK)
		fail_msg("read: %s", err.message);
	r = tp_plan_doc_rules(doc);
	assert_int_equal(r->regime, TP_REGIME_PSR2023);
	assert_int_equal(r->procedure, TP_PROC_PSR_COMPETITIVE);
	assert_int_equal(r->claims,
			 TP_CLAIM_REPRESENTATIONS | TP_CLAIM_COMPETITION);
	assert_int_equal(r->authority_kind,
			 TP_AUTHORITY_KIND_NHS_FOUNDATION_TRUST);
	assert_int_equal(r->health_service, TP_HEALTH_SERVICE_ENGLAND);
	assert_string_equal(r->cpv, "85323000-9");
	assert_true(r->has_standstill_end);
	assert_date(r->standstill_end, D(2025, 6, 20));
	assert_int_equal(tp_plan_stage_kind(tp_plan_doc_plan_const(doc), 0),
			 TP_STAGE_FURTHER_DECISION);
	assert_int_equal(tp_plan_doc_write_memory(doc, &out, &len, &err),
			 TP_OK);
	assert_non_null(strstr(out, "health-service=\"england\""));
	assert_non_null(strstr(out, "cpv=\"85323000-9\""));
	if (tp_plan_doc_read_memory(out, len, "again", NULL,
				    TP_PLAN_READ_NO_CALENDAR, &again,
				    &err) != TP_OK)
		fail_msg("read again: %s", err.message);
	assert_memory_equal(tp_plan_doc_rules(again), r, sizeof(*r));
	free(out);
	tp_plan_doc_free(again);
	tp_plan_doc_free(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(psr_standstill_counts_from_the_day_after),
		cmocka_unit_test(psr_standstill_working_days_of_england),
		cmocka_unit_test(psr_standstill_before_commencement_warns),
		cmocka_unit_test(psr_representations_and_further_decision),
		cmocka_unit_test(psr_options_refused_elsewhere),
		cmocka_unit_test(pa_exempt_and_stated_standstills),
		cmocka_unit_test(pcr_mixed_means),
		cmocka_unit_test(pcr_voluntary_transparency_notice),
		cmocka_unit_test(pa_central_government_rows),
		cmocka_unit_test(direct_award_and_psr_procedures),
		cmocka_unit_test(regime_by_date_for_health_services),
		cmocka_unit_test(names_round_trip),
		cmocka_unit_test(check_psr_standstill),
		cmocka_unit_test(check_psr_representations),
		cmocka_unit_test(check_psr_processes),
		cmocka_unit_test(check_psr_most_suitable_provider),
		cmocka_unit_test(check_psr_award_notice),
		cmocka_unit_test(check_psr_scope),
		cmocka_unit_test(check_cpv_codes),
		cmocka_unit_test(check_pa_direct_award),
		cmocka_unit_test(check_pa_exemptions),
		cmocka_unit_test(check_pa_stated_standstill),
		cmocka_unit_test(check_pa_call_off),
		cmocka_unit_test(check_pa_contract_details),
		cmocka_unit_test(check_pa_planned_procurement_notice),
		cmocka_unit_test(check_pa_central_government),
		cmocka_unit_test(check_pcr_vtn),
		cmocka_unit_test(check_pcr_single_tenderer),
		cmocka_unit_test(check_pcr_pin_window),
		cmocka_unit_test(check_pcr_late_information),
		cmocka_unit_test(check_pcr_award_notice),
		cmocka_unit_test(check_pcr_voluntary_call_off_standstill),
		cmocka_unit_test(plan_file_settings_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
