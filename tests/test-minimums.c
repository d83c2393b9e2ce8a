/* SPDX-License-Identifier: MIT */
/* Every minimum the rules compute, at the boundary (#8): a plan exactly at
 * the minimum is not flagged, one day short is - for each regime,
 * procedure and claim combination that changes the figure, and for the
 * standstill of each regime.
 *
 * Figures are read in the legislation itself (legislation.gov.uk revised
 * text via legalize-dev/legalize-uk; each row names its provision).
 * Expected dates were counted by hand: the day of the invitation is not
 * counted (PCR 2015 reg 2(3)(b), PCR 2006 reg 2(4)(a), PCSR 2015 reg
 * 2(4)(a); PA 2023 s.54(5) "beginning with the day following"); a
 * regulations' period ending on a non-working day runs to the end of the
 * next working day (PCR 2015 reg 2(4), PCR 2006 reg 2(4)(c), PCSR 2015 reg
 * 2(4)(c)); the Act has no roll-forward. Weekdays were checked with Debian's
 * python3 datetime and bank holidays taken from the gov.uk lists in
 * tests/data/holidays (an independent computation, not this library's).
 *
 * The plan's own calendar has no weekend and no holidays, so a deadline can
 * sit on any day: the checker must count on the statute's calendar. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <tenderplan/tenderplan.h>

#define DATE(y, m, d) TP_DATE_INIT(y, m, d)
#define T TP_PERIOD_TENDER
#define P TP_PERIOD_PARTICIPATION
#define E TP_CLAIM_ELECTRONIC_TENDERS
#define DOCS TP_CLAIM_DOCUMENTS_WITH_NOTICE
#define PIN TP_CLAIM_PIN
#define URG TP_CLAIM_URGENCY
#define AGR TP_CLAIM_AGREED_PERIOD
#define PRE TP_CLAIM_PRESELECTED
#define EN TP_CLAIM_ELECTRONIC_NOTICE
#define SUB TP_AUTHORITY_SUB_CENTRAL
#define CG TP_AUTHORITY_CENTRAL_GOVERNMENT

struct mcase {
	enum tp_regime regime;
	enum tp_procedure procedure;
	enum tp_period_kind kind;
	unsigned claims;
	enum tp_authority authority;
	enum tp_region jurisdiction;
	struct tp_date invited;
	/* the minimum in days; -1: no fixed minimum, only the two working
	 * days of the regulations */
	int32_t days;
	struct tp_date earliest;
};

static const struct mcase cases[] = {
	/* PCR 2015 reg 27(2), 27(6): 35 days less 5 for electronic tenders. Mon
	 * 03 Jun 2024 + 30 = Wed 03 Jul 2024; one day short: Tue 02 Jul 2024. */
	{TP_REGIME_PCR2015, TP_PROC_OPEN, T, E|DOCS, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2024, 6, 3), 30, DATE(2024, 7, 3)},
	/* PCR 2015 reg 27(2): 35 days. Mon 03 Jun 2024 + 35 = Mon 08 Jul 2024;
	 * one day short: Sun 07 Jul 2024. */
	{TP_REGIME_PCR2015, TP_PROC_OPEN, T, DOCS, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2024, 6, 3), 35, DATE(2024, 7, 8)},
	/* PCR 2015 reg 27(6), 53(5): 30, plus 5 for documents not offered
	 * electronically. Mon 03 Jun 2024 + 35 = Mon 08 Jul 2024; one day short:
	 * Sun 07 Jul 2024. */
	{TP_REGIME_PCR2015, TP_PROC_OPEN, T, E, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2024, 6, 3), 35, DATE(2024, 7, 8)},
	/* PCR 2015 reg 27(2), 53(5): 35 plus 5. Mon 03 Jun 2024 + 40 = Sat 13
	 * Jul 2024, not a working day (Sat 13 Jul 2024, Sun 14 Jul 2024): Mon 15
	 * Jul 2024; one day short: Sun 14 Jul 2024. */
	{TP_REGIME_PCR2015, TP_PROC_OPEN, T, 0, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2024, 6, 3), 40, DATE(2024, 7, 15)},
	/* PCR 2015 reg 27(4): 15 days after a PIN. Mon 03 Jun 2024 + 15 = Tue 18
	 * Jun 2024; one day short: Mon 17 Jun 2024. */
	{TP_REGIME_PCR2015, TP_PROC_OPEN, T, E|DOCS|PIN, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2024, 6, 3), 15, DATE(2024, 6, 18)},
	/* PCR 2015 reg 27(4), 53(5): 15 plus 5. Mon 03 Jun 2024 + 20 = Sun 23
	 * Jun 2024, not a working day (Sun 23 Jun 2024): Mon 24 Jun 2024; one
	 * day short: Sun 23 Jun 2024. */
	{TP_REGIME_PCR2015, TP_PROC_OPEN, T, E|PIN, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2024, 6, 3), 20, DATE(2024, 6, 24)},
	/* PCR 2015 reg 27(5): urgency 15, no reg 53(5) days. Mon 03 Jun 2024 +
	 * 15 = Tue 18 Jun 2024; one day short: Mon 17 Jun 2024. */
	{TP_REGIME_PCR2015, TP_PROC_OPEN, T, URG, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2024, 6, 3), 15, DATE(2024, 6, 18)},
	/* PCR 2015 reg 27(6) with reg 2(4): the 30th day is Easter Sunday. Fri
	 * 01 Mar 2024 + 30 = Sun 31 Mar 2024, not a working day (Sun 31 Mar
	 * 2024, Mon 01 Apr 2024 (Easter Monday)): Tue 02 Apr 2024; one day
	 * short: Mon 01 Apr 2024 (Easter Monday). */
	{TP_REGIME_PCR2015, TP_PROC_OPEN, T, E|DOCS, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2024, 3, 1), 30, DATE(2024, 4, 2)},
	/* PCR 2015 reg 28(2): requests 30 days. Mon 03 Jun 2024 + 30 = Wed 03
	 * Jul 2024; one day short: Tue 02 Jul 2024. */
	{TP_REGIME_PCR2015, TP_PROC_RESTRICTED, P, 0, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2024, 6, 3), 30, DATE(2024, 7, 3)},
	/* PCR 2015 reg 28(10)(a): urgency 15. Mon 03 Jun 2024 + 15 = Tue 18 Jun
	 * 2024; one day short: Mon 17 Jun 2024. */
	{TP_REGIME_PCR2015, TP_PROC_RESTRICTED, P, URG, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2024, 6, 3), 15, DATE(2024, 6, 18)},
	/* PCR 2015 reg 28(7)-(8): sub-central, no agreement, at least 10 days.
	 * Mon 03 Jun 2024 + 10 = Thu 13 Jun 2024; one day short: Wed 12 Jun
	 * 2024. */
	{TP_REGIME_PCR2015, TP_PROC_RESTRICTED, T, E|DOCS, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2024, 6, 3), 10, DATE(2024, 6, 13)},
	/* PCR 2015 reg 28(8), 53(5): 10 plus 5. Mon 03 Jun 2024 + 15 = Tue 18
	 * Jun 2024; one day short: Mon 17 Jun 2024. */
	{TP_REGIME_PCR2015, TP_PROC_RESTRICTED, T, E, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2024, 6, 3), 15, DATE(2024, 6, 18)},
	/* PCR 2015 reg 28(10)(b): urgency 10. Mon 03 Jun 2024 + 10 = Thu 13 Jun
	 * 2024; one day short: Wed 12 Jun 2024. */
	{TP_REGIME_PCR2015, TP_PROC_RESTRICTED, T, URG, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2024, 6, 3), 10, DATE(2024, 6, 13)},
	/* PCR 2015 reg 28(7), 2(3)(a): agreed, so only the two working days. two
	 * working days after Fri 07 Jun 2024: Tue 11 Jun 2024; Mon 10 Jun 2024
	 * is one short. */
	{TP_REGIME_PCR2015, TP_PROC_RESTRICTED, T, E|DOCS|AGR, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2024, 6, 7), -1, DATE(2024, 6, 11)},
	/* PCR 2015 reg 28(5), 28(9): central government, 30 less 5. Mon 03 Jun
	 * 2024 + 25 = Fri 28 Jun 2024; one day short: Thu 27 Jun 2024. */
	{TP_REGIME_PCR2015, TP_PROC_RESTRICTED, T, E|DOCS, CG,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2024, 6, 3), 25, DATE(2024, 6, 28)},
	/* PCR 2015 reg 28(9), 53(5): 25 plus 5. Mon 03 Jun 2024 + 30 = Wed 03
	 * Jul 2024; one day short: Tue 02 Jul 2024. */
	{TP_REGIME_PCR2015, TP_PROC_RESTRICTED, T, E, CG,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2024, 6, 3), 30, DATE(2024, 7, 3)},
	/* PCR 2015 reg 28(5): 30 days. Mon 03 Jun 2024 + 30 = Wed 03 Jul 2024;
	 * one day short: Tue 02 Jul 2024. */
	{TP_REGIME_PCR2015, TP_PROC_RESTRICTED, T, DOCS, CG,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2024, 6, 3), 30, DATE(2024, 7, 3)},
	/* PCR 2015 reg 28(5), 53(5): 30 plus 5. Mon 03 Jun 2024 + 35 = Mon 08
	 * Jul 2024; one day short: Sun 07 Jul 2024. */
	{TP_REGIME_PCR2015, TP_PROC_RESTRICTED, T, 0, CG,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2024, 6, 3), 35, DATE(2024, 7, 8)},
	/* PCR 2015 reg 28(6): PIN 10. Mon 03 Jun 2024 + 10 = Thu 13 Jun 2024;
	 * one day short: Wed 12 Jun 2024. */
	{TP_REGIME_PCR2015, TP_PROC_RESTRICTED, T, E|DOCS|PIN, CG,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2024, 6, 3), 10, DATE(2024, 6, 13)},
	/* PCR 2015 reg 28(6), 53(5): PIN 10 plus 5. Mon 03 Jun 2024 + 15 = Tue
	 * 18 Jun 2024; one day short: Mon 17 Jun 2024. */
	{TP_REGIME_PCR2015, TP_PROC_RESTRICTED, T, E|PIN, CG,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2024, 6, 3), 15, DATE(2024, 6, 18)},
	/* PCR 2015 reg 28(10)(b): urgency 10. Mon 03 Jun 2024 + 10 = Thu 13 Jun
	 * 2024; one day short: Wed 12 Jun 2024. */
	{TP_REGIME_PCR2015, TP_PROC_RESTRICTED, T, URG, CG,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2024, 6, 3), 10, DATE(2024, 6, 13)},
	/* PCR 2015 reg 28(7): only sub-central authorities may agree; central
	 * government keeps 25. Mon 03 Jun 2024 + 25 = Fri 28 Jun 2024; one day
	 * short: Thu 27 Jun 2024. */
	{TP_REGIME_PCR2015, TP_PROC_RESTRICTED, T, E|DOCS|AGR, CG,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2024, 6, 3), 25, DATE(2024, 6, 28)},
	/* PCR 2015 reg 29(4): requests 30. Mon 03 Jun 2024 + 30 = Wed 03 Jul
	 * 2024; one day short: Tue 02 Jul 2024. */
	{TP_REGIME_PCR2015, TP_PROC_NEGOTIATION, P, 0, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2024, 6, 3), 30, DATE(2024, 7, 3)},
	/* PCR 2015 reg 29(10)(a): urgency 15. Mon 03 Jun 2024 + 15 = Tue 18 Jun
	 * 2024; one day short: Mon 17 Jun 2024. */
	{TP_REGIME_PCR2015, TP_PROC_NEGOTIATION, P, URG, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2024, 6, 3), 15, DATE(2024, 6, 18)},
	/* PCR 2015 reg 29(7)-(8): sub-central, at least 10. Mon 03 Jun 2024 + 10
	 * = Thu 13 Jun 2024; one day short: Wed 12 Jun 2024. */
	{TP_REGIME_PCR2015, TP_PROC_NEGOTIATION, T, E|DOCS, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2024, 6, 3), 10, DATE(2024, 6, 13)},
	/* PCR 2015 reg 29(5), 29(9): central government, 30 less 5. Mon 03 Jun
	 * 2024 + 25 = Fri 28 Jun 2024; one day short: Thu 27 Jun 2024. */
	{TP_REGIME_PCR2015, TP_PROC_NEGOTIATION, T, E|DOCS, CG,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2024, 6, 3), 25, DATE(2024, 6, 28)},
	/* PCR 2015 reg 29(6): PIN 10. Mon 03 Jun 2024 + 10 = Thu 13 Jun 2024;
	 * one day short: Wed 12 Jun 2024. */
	{TP_REGIME_PCR2015, TP_PROC_NEGOTIATION, T, E|DOCS|PIN, CG,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2024, 6, 3), 10, DATE(2024, 6, 13)},
	/* PCR 2015 reg 30(2): requests 30. Mon 03 Jun 2024 + 30 = Wed 03 Jul
	 * 2024; one day short: Tue 02 Jul 2024. */
	{TP_REGIME_PCR2015, TP_PROC_COMPETITIVE_DIALOGUE, P, 0, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2024, 6, 3), 30, DATE(2024, 7, 3)},
	/* PCR 2015 reg 30, 2(3)(a): no fixed minimum, two working days. two
	 * working days after Fri 07 Jun 2024: Tue 11 Jun 2024; Mon 10 Jun 2024
	 * is one short. */
	{TP_REGIME_PCR2015, TP_PROC_COMPETITIVE_DIALOGUE, T, 0, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2024, 6, 7), -1, DATE(2024, 6, 11)},
	/* PCR 2015 reg 31(5): requests 30. Mon 03 Jun 2024 + 30 = Wed 03 Jul
	 * 2024; one day short: Tue 02 Jul 2024. */
	{TP_REGIME_PCR2015, TP_PROC_INNOVATION_PARTNERSHIP, P, 0, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2024, 6, 3), 30, DATE(2024, 7, 3)},
	/* PCR 2015 reg 76(6), 2(3)(a): reasonable and proportionate, two working
	 * days. two working days after Fri 07 Jun 2024: Tue 11 Jun 2024; Mon 10
	 * Jun 2024 is one short. */
	{TP_REGIME_PCR2015, TP_PROC_LIGHT_TOUCH, T, 0, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2024, 6, 7), -1, DATE(2024, 6, 11)},
	/* PCR 2015 reg 33(11)(b), 2(3)(a): sufficiently long, two working days.
	 * two working days after Fri 07 Jun 2024: Tue 11 Jun 2024; Mon 10 Jun
	 * 2024 is one short. */
	{TP_REGIME_PCR2015, TP_PROC_CALL_OFF, T, 0, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2024, 6, 7), -1, DATE(2024, 6, 11)},
	/* PCR 2015 reg 27(2), 53(5), 2(4) in Northern Ireland: the 40th day is
	 * the Boyne holiday. Wed 02 Jun 2021 + 40 = Mon 12 Jul 2021 (Battle of
	 * the Boyne (Orangemen's Day)), not a working day (Mon 12 Jul 2021
	 * (Battle of the Boyne (Orangemen's Day))): Tue 13 Jul 2021; one day
	 * short: Mon 12 Jul 2021 (Battle of the Boyne (Orangemen's Day)). */
	{TP_REGIME_PCR2015, TP_PROC_OPEN, T, 0, SUB,
	 TP_REGION_NORTHERN_IRELAND, DATE(2021, 6, 2), 40, DATE(2021, 7, 13)},
	/* PCSR 2015 reg 28(3), 28(6): 35 less 5. Mon 03 Jun 2024 + 30 = Wed 03
	 * Jul 2024; one day short: Tue 02 Jul 2024. */
	{TP_REGIME_PCSR2015, TP_PROC_OPEN, T, E|DOCS, SUB,
	 TP_REGION_SCOTLAND, DATE(2024, 6, 3), 30, DATE(2024, 7, 3)},
	/* PCSR 2015 reg 28(3): 35. Mon 03 Jun 2024 + 35 = Mon 08 Jul 2024; one
	 * day short: Sun 07 Jul 2024. */
	{TP_REGIME_PCSR2015, TP_PROC_OPEN, T, DOCS, SUB,
	 TP_REGION_SCOTLAND, DATE(2024, 6, 3), 35, DATE(2024, 7, 8)},
	/* PCSR 2015 reg 28(3), 54(5): 35 plus 5. Mon 03 Jun 2024 + 40 = Sat 13
	 * Jul 2024, not a working day (Sat 13 Jul 2024, Sun 14 Jul 2024): Mon 15
	 * Jul 2024; one day short: Sun 14 Jul 2024. */
	{TP_REGIME_PCSR2015, TP_PROC_OPEN, T, 0, SUB,
	 TP_REGION_SCOTLAND, DATE(2024, 6, 3), 40, DATE(2024, 7, 15)},
	/* PCSR 2015 reg 28(4): PIN 15. Mon 03 Jun 2024 + 15 = Tue 18 Jun 2024;
	 * one day short: Mon 17 Jun 2024. */
	{TP_REGIME_PCSR2015, TP_PROC_OPEN, T, E|DOCS|PIN, SUB,
	 TP_REGION_SCOTLAND, DATE(2024, 6, 3), 15, DATE(2024, 6, 18)},
	/* PCSR 2015 reg 28(4), 54(5): PIN 15 plus 5. Mon 03 Jun 2024 + 20 = Sun
	 * 23 Jun 2024, not a working day (Sun 23 Jun 2024): Mon 24 Jun 2024; one
	 * day short: Sun 23 Jun 2024. */
	{TP_REGIME_PCSR2015, TP_PROC_OPEN, T, E|PIN, SUB,
	 TP_REGION_SCOTLAND, DATE(2024, 6, 3), 20, DATE(2024, 6, 24)},
	/* PCSR 2015 reg 28(5): urgency 15. Mon 03 Jun 2024 + 15 = Tue 18 Jun
	 * 2024; one day short: Mon 17 Jun 2024. */
	{TP_REGIME_PCSR2015, TP_PROC_OPEN, T, URG, SUB,
	 TP_REGION_SCOTLAND, DATE(2024, 6, 3), 15, DATE(2024, 6, 18)},
	/* PCSR 2015 reg 28(6), 2(4)(c): the 30th day is St Andrew's Day, a
	 * Saturday. Thu 31 Oct 2024 + 30 = Sat 30 Nov 2024, not a working day
	 * (Sat 30 Nov 2024, Sun 01 Dec 2024, Mon 02 Dec 2024 (St Andrew's Day
	 * (substitute day))): Tue 03 Dec 2024; one day short: Mon 02 Dec 2024
	 * (St Andrew's Day (substitute day)). */
	{TP_REGIME_PCSR2015, TP_PROC_OPEN, T, E|DOCS, SUB,
	 TP_REGION_SCOTLAND, DATE(2024, 10, 31), 30, DATE(2024, 12, 3)},
	/* PCSR 2015 reg 29(3): requests 30. Mon 03 Jun 2024 + 30 = Wed 03 Jul
	 * 2024; one day short: Tue 02 Jul 2024. */
	{TP_REGIME_PCSR2015, TP_PROC_RESTRICTED, P, 0, SUB,
	 TP_REGION_SCOTLAND, DATE(2024, 6, 3), 30, DATE(2024, 7, 3)},
	/* PCSR 2015 reg 29(11)(a): urgency 15. Mon 03 Jun 2024 + 15 = Tue 18 Jun
	 * 2024; one day short: Mon 17 Jun 2024. */
	{TP_REGIME_PCSR2015, TP_PROC_RESTRICTED, P, URG, SUB,
	 TP_REGION_SCOTLAND, DATE(2024, 6, 3), 15, DATE(2024, 6, 18)},
	/* PCSR 2015 reg 29(8)-(9): sub-central, at least 10. Mon 03 Jun 2024 +
	 * 10 = Thu 13 Jun 2024; one day short: Wed 12 Jun 2024. */
	{TP_REGIME_PCSR2015, TP_PROC_RESTRICTED, T, E|DOCS, SUB,
	 TP_REGION_SCOTLAND, DATE(2024, 6, 3), 10, DATE(2024, 6, 13)},
	/* PCSR 2015 reg 29(6), 29(10): central government, 30 less 5. Mon 03 Jun
	 * 2024 + 25 = Fri 28 Jun 2024; one day short: Thu 27 Jun 2024. */
	{TP_REGIME_PCSR2015, TP_PROC_RESTRICTED, T, E|DOCS, CG,
	 TP_REGION_SCOTLAND, DATE(2024, 6, 3), 25, DATE(2024, 6, 28)},
	/* PCSR 2015 reg 29(6), 54(5): 30 plus 5. Mon 03 Jun 2024 + 35 = Mon 08
	 * Jul 2024; one day short: Sun 07 Jul 2024. */
	{TP_REGIME_PCSR2015, TP_PROC_RESTRICTED, T, 0, CG,
	 TP_REGION_SCOTLAND, DATE(2024, 6, 3), 35, DATE(2024, 7, 8)},
	/* PCSR 2015 reg 29(7): PIN 10. Mon 03 Jun 2024 + 10 = Thu 13 Jun 2024;
	 * one day short: Wed 12 Jun 2024. */
	{TP_REGIME_PCSR2015, TP_PROC_RESTRICTED, T, E|DOCS|PIN, CG,
	 TP_REGION_SCOTLAND, DATE(2024, 6, 3), 10, DATE(2024, 6, 13)},
	/* PCSR 2015 reg 30(5): requests 30. Mon 03 Jun 2024 + 30 = Wed 03 Jul
	 * 2024; one day short: Tue 02 Jul 2024. */
	{TP_REGIME_PCSR2015, TP_PROC_NEGOTIATION, P, 0, SUB,
	 TP_REGION_SCOTLAND, DATE(2024, 6, 3), 30, DATE(2024, 7, 3)},
	/* PCSR 2015 reg 30(11)(a): urgency 15. Mon 03 Jun 2024 + 15 = Tue 18 Jun
	 * 2024; one day short: Mon 17 Jun 2024. */
	{TP_REGIME_PCSR2015, TP_PROC_NEGOTIATION, P, URG, SUB,
	 TP_REGION_SCOTLAND, DATE(2024, 6, 3), 15, DATE(2024, 6, 18)},
	/* PCSR 2015 reg 30(8)-(9): sub-central, at least 10. Mon 03 Jun 2024 +
	 * 10 = Thu 13 Jun 2024; one day short: Wed 12 Jun 2024. */
	{TP_REGIME_PCSR2015, TP_PROC_NEGOTIATION, T, E|DOCS, SUB,
	 TP_REGION_SCOTLAND, DATE(2024, 6, 3), 10, DATE(2024, 6, 13)},
	/* PCSR 2015 reg 30(9), 54(5): 10 plus 5. Mon 03 Jun 2024 + 15 = Tue 18
	 * Jun 2024; one day short: Mon 17 Jun 2024. */
	{TP_REGIME_PCSR2015, TP_PROC_NEGOTIATION, T, E, SUB,
	 TP_REGION_SCOTLAND, DATE(2024, 6, 3), 15, DATE(2024, 6, 18)},
	/* PCSR 2015 reg 30(6), 30(10): central government, 30 less 5. Mon 03 Jun
	 * 2024 + 25 = Fri 28 Jun 2024; one day short: Thu 27 Jun 2024. */
	{TP_REGIME_PCSR2015, TP_PROC_NEGOTIATION, T, E|DOCS, CG,
	 TP_REGION_SCOTLAND, DATE(2024, 6, 3), 25, DATE(2024, 6, 28)},
	/* PCSR 2015 reg 31(3): requests 30. Mon 03 Jun 2024 + 30 = Wed 03 Jul
	 * 2024; one day short: Tue 02 Jul 2024. */
	{TP_REGIME_PCSR2015, TP_PROC_COMPETITIVE_DIALOGUE, P, 0, SUB,
	 TP_REGION_SCOTLAND, DATE(2024, 6, 3), 30, DATE(2024, 7, 3)},
	/* PCSR 2015 reg 32(11): requests 30. Mon 03 Jun 2024 + 30 = Wed 03 Jul
	 * 2024; one day short: Tue 02 Jul 2024. */
	{TP_REGIME_PCSR2015, TP_PROC_INNOVATION_PARTNERSHIP, P, 0, SUB,
	 TP_REGION_SCOTLAND, DATE(2024, 6, 3), 30, DATE(2024, 7, 3)},
	/* PCSR 2015 reg 29(8), 2(4)(b): agreed, two working days. two working
	 * days after Fri 07 Jun 2024: Tue 11 Jun 2024; Mon 10 Jun 2024 is one
	 * short. */
	{TP_REGIME_PCSR2015, TP_PROC_RESTRICTED, T, E|DOCS|AGR, SUB,
	 TP_REGION_SCOTLAND, DATE(2024, 6, 7), -1, DATE(2024, 6, 11)},
	/* PCR 2006 reg 15(3): 52 days. Fri 01 Jun 2012 + 52 = Mon 23 Jul 2012;
	 * one day short: Sun 22 Jul 2012. */
	{TP_REGIME_PCR2006, TP_PROC_OPEN, T, 0, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2012, 6, 1), 52, DATE(2012, 7, 23)},
	/* PCR 2006 reg 15(5): less 7 for an electronic notice. Fri 01 Jun 2012 +
	 * 45 = Mon 16 Jul 2012; one day short: Sun 15 Jul 2012. */
	{TP_REGIME_PCR2006, TP_PROC_OPEN, T, EN, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2012, 6, 1), 45, DATE(2012, 7, 16)},
	/* PCR 2006 reg 15(6): less 5 for electronic access. Fri 01 Jun 2012 + 47
	 * = Wed 18 Jul 2012; one day short: Tue 17 Jul 2012. */
	{TP_REGIME_PCR2006, TP_PROC_OPEN, T, DOCS, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2012, 6, 1), 47, DATE(2012, 7, 18)},
	/* PCR 2006 reg 15(13): both reductions, 40. Fri 01 Jun 2012 + 40 = Wed
	 * 11 Jul 2012; one day short: Tue 10 Jul 2012. */
	{TP_REGIME_PCR2006, TP_PROC_OPEN, T, EN|DOCS, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2012, 6, 1), 40, DATE(2012, 7, 11)},
	/* PCR 2006 reg 15(7): 36 after a PIN. Fri 01 Jun 2012 + 36 = Sat 07 Jul
	 * 2012, not a working day (Sat 07 Jul 2012, Sun 08 Jul 2012): Mon 09 Jul
	 * 2012; one day short: Sun 08 Jul 2012. */
	{TP_REGIME_PCR2006, TP_PROC_OPEN, T, PIN, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2012, 6, 1), 36, DATE(2012, 7, 9)},
	/* PCR 2006 reg 15(7), 15(5)-(6): 36 less 12. Fri 01 Jun 2012 + 24 = Mon
	 * 25 Jun 2012; one day short: Sun 24 Jun 2012. */
	{TP_REGIME_PCR2006, TP_PROC_OPEN, T, PIN|EN|DOCS, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2012, 6, 1), 24, DATE(2012, 6, 25)},
	/* PCR 2006 reg 16(3): requests 37. Fri 01 Jun 2012 + 37 = Sun 08 Jul
	 * 2012, not a working day (Sun 08 Jul 2012): Mon 09 Jul 2012; one day
	 * short: Sun 08 Jul 2012. */
	{TP_REGIME_PCR2006, TP_PROC_RESTRICTED, P, 0, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2012, 6, 1), 37, DATE(2012, 7, 9)},
	/* PCR 2006 reg 16(5): less 7. Fri 01 Jun 2012 + 30 = Sun 01 Jul 2012,
	 * not a working day (Sun 01 Jul 2012): Mon 02 Jul 2012; one day short:
	 * Sun 01 Jul 2012. */
	{TP_REGIME_PCR2006, TP_PROC_RESTRICTED, P, EN, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2012, 6, 1), 30, DATE(2012, 7, 2)},
	/* PCR 2006 reg 16(6): urgency 15. Fri 01 Jun 2012 + 15 = Sat 16 Jun
	 * 2012, not a working day (Sat 16 Jun 2012, Sun 17 Jun 2012): Mon 18 Jun
	 * 2012; one day short: Sun 17 Jun 2012. */
	{TP_REGIME_PCR2006, TP_PROC_RESTRICTED, P, URG, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2012, 6, 1), 15, DATE(2012, 6, 18)},
	/* PCR 2006 reg 16(6): urgency, electronic notice, 10. Fri 01 Jun 2012 +
	 * 10 = Mon 11 Jun 2012; one day short: Sun 10 Jun 2012. */
	{TP_REGIME_PCR2006, TP_PROC_RESTRICTED, P, URG|EN, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2012, 6, 1), 10, DATE(2012, 6, 11)},
	/* PCR 2006 reg 16(16): 40. Fri 01 Jun 2012 + 40 = Wed 11 Jul 2012; one
	 * day short: Tue 10 Jul 2012. */
	{TP_REGIME_PCR2006, TP_PROC_RESTRICTED, T, 0, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2012, 6, 1), 40, DATE(2012, 7, 11)},
	/* PCR 2006 reg 16(19): less 5. Fri 01 Jun 2012 + 35 = Fri 06 Jul 2012;
	 * one day short: Thu 05 Jul 2012. */
	{TP_REGIME_PCR2006, TP_PROC_RESTRICTED, T, DOCS, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2012, 6, 1), 35, DATE(2012, 7, 6)},
	/* PCR 2006 reg 16(18): 36 after a PIN. Fri 01 Jun 2012 + 36 = Sat 07 Jul
	 * 2012, not a working day (Sat 07 Jul 2012, Sun 08 Jul 2012): Mon 09 Jul
	 * 2012; one day short: Sun 08 Jul 2012. */
	{TP_REGIME_PCR2006, TP_PROC_RESTRICTED, T, PIN, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2012, 6, 1), 36, DATE(2012, 7, 9)},
	/* PCR 2006 reg 16(18)-(19): 36 less 5. Fri 01 Jun 2012 + 31 = Mon 02 Jul
	 * 2012; one day short: Sun 01 Jul 2012. */
	{TP_REGIME_PCR2006, TP_PROC_RESTRICTED, T, PIN|DOCS, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2012, 6, 1), 31, DATE(2012, 7, 2)},
	/* PCR 2006 reg 16(17): urgency 10. Fri 01 Jun 2012 + 10 = Mon 11 Jun
	 * 2012; one day short: Sun 10 Jun 2012. */
	{TP_REGIME_PCR2006, TP_PROC_RESTRICTED, T, URG, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2012, 6, 1), 10, DATE(2012, 6, 11)},
	/* PCR 2006 reg 17(5): requests 37. Fri 01 Jun 2012 + 37 = Sun 08 Jul
	 * 2012, not a working day (Sun 08 Jul 2012): Mon 09 Jul 2012; one day
	 * short: Sun 08 Jul 2012. */
	{TP_REGIME_PCR2006, TP_PROC_NEGOTIATION, P, 0, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2012, 6, 1), 37, DATE(2012, 7, 9)},
	/* PCR 2006 reg 17: urgency with an electronic notice, 10. Fri 01 Jun
	 * 2012 + 10 = Mon 11 Jun 2012; one day short: Sun 10 Jun 2012. */
	{TP_REGIME_PCR2006, TP_PROC_NEGOTIATION, P, URG|EN, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2012, 6, 1), 10, DATE(2012, 6, 11)},
	/* PCR 2006 reg 18(7), 18(9): 37 less 7. Fri 01 Jun 2012 + 30 = Sun 01
	 * Jul 2012, not a working day (Sun 01 Jul 2012): Mon 02 Jul 2012; one
	 * day short: Sun 01 Jul 2012. */
	{TP_REGIME_PCR2006, TP_PROC_COMPETITIVE_DIALOGUE, P, EN, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2012, 6, 1), 30, DATE(2012, 7, 2)},
	/* PCR 2006 reg 18: no urgency reduction for dialogue. Fri 01 Jun 2012 +
	 * 30 = Sun 01 Jul 2012, not a working day (Sun 01 Jul 2012): Mon 02 Jul
	 * 2012; one day short: Sun 01 Jul 2012. */
	{TP_REGIME_PCR2006, TP_PROC_COMPETITIVE_DIALOGUE, P, URG|EN, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2012, 6, 1), 30, DATE(2012, 7, 2)},
	/* PCR 2006 reg 17, 2(4)(b): no fixed minimum, two working days. two
	 * working days after Thu 07 Jun 2012: Mon 11 Jun 2012; Sun 10 Jun 2012
	 * is one short. */
	{TP_REGIME_PCR2006, TP_PROC_NEGOTIATION, T, 0, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2012, 6, 7), -1, DATE(2012, 6, 11)},
	/* PCR 2006 reg 16(16), 16(19) before 20 Dec 2009: the 35th day is
	 * Christmas Day, then a working day. Thu 20 Nov 2008 + 35 = Thu 25 Dec
	 * 2008; one day short: Wed 24 Dec 2008. */
	{TP_REGIME_PCR2006, TP_PROC_RESTRICTED, T, DOCS, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2008, 11, 20), 35, DATE(2008, 12, 25)},
	/* PCR 2006 reg 16(3), 16(5) before 20 Dec 2009: the 30th day is Good
	 * Friday, then a working day. Wed 20 Feb 2008 + 30 = Fri 21 Mar 2008;
	 * one day short: Thu 20 Mar 2008. */
	{TP_REGIME_PCR2006, TP_PROC_RESTRICTED, P, EN, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2008, 2, 20), 30, DATE(2008, 3, 21)},
	/* PCR 2006 reg 16(16), 16(19), 2(4)(c) after 20 Dec 2009: Christmas Day
	 * is not a working day. Fri 20 Nov 2009 + 35 = Fri 25 Dec 2009
	 * (Christmas Day), not a working day (Fri 25 Dec 2009 (Christmas Day),
	 * Sat 26 Dec 2009, Sun 27 Dec 2009, Mon 28 Dec 2009 (Boxing Day
	 * (substitute day))): Tue 29 Dec 2009; one day short: Mon 28 Dec 2009
	 * (Boxing Day (substitute day)). */
	{TP_REGIME_PCR2006, TP_PROC_RESTRICTED, T, DOCS, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2009, 11, 20), 35, DATE(2009, 12, 29)},
	/* PA 2023 s.54(4): electronic, all documents, 25. Mon 02 Jun 2025 + 25 =
	 * Fri 27 Jun 2025; one day short: Thu 26 Jun 2025. */
	{TP_REGIME_PA2023, TP_PROC_OPEN, T, E|DOCS, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2025, 6, 2), 25, DATE(2025, 6, 27)},
	/* PA 2023 s.54(4): documents not all provided, 30. Mon 02 Jun 2025 + 30
	 * = Wed 02 Jul 2025; one day short: Tue 01 Jul 2025. */
	{TP_REGIME_PA2023, TP_PROC_OPEN, T, E, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2025, 6, 2), 30, DATE(2025, 7, 2)},
	/* PA 2023 s.54(4): not electronic, 30. Mon 02 Jun 2025 + 30 = Wed 02 Jul
	 * 2025; one day short: Tue 01 Jul 2025. */
	{TP_REGIME_PA2023, TP_PROC_OPEN, T, DOCS, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2025, 6, 2), 30, DATE(2025, 7, 2)},
	/* PA 2023 s.54(4): neither, 35. Mon 02 Jun 2025 + 35 = Mon 07 Jul 2025;
	 * one day short: Sun 06 Jul 2025. */
	{TP_REGIME_PA2023, TP_PROC_OPEN, T, 0, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2025, 6, 2), 35, DATE(2025, 7, 7)},
	/* PA 2023 s.54(4), s.15(3): qualifying planned procurement notice, 10.
	 * Mon 02 Jun 2025 + 10 = Thu 12 Jun 2025; one day short: Wed 11 Jun
	 * 2025. */
	{TP_REGIME_PA2023, TP_PROC_OPEN, T, E|DOCS|PIN, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2025, 6, 2), 10, DATE(2025, 6, 12)},
	/* PA 2023 s.54(4): urgency, 10. Mon 02 Jun 2025 + 10 = Thu 12 Jun 2025;
	 * one day short: Wed 11 Jun 2025. */
	{TP_REGIME_PA2023, TP_PROC_OPEN, T, E|DOCS|URG, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2025, 6, 2), 10, DATE(2025, 6, 12)},
	/* PA 2023 s.54(4): not a central government authority, pre-selected
	 * suppliers, 10. Mon 02 Jun 2025 + 10 = Thu 12 Jun 2025; one day short:
	 * Wed 11 Jun 2025. */
	{TP_REGIME_PA2023, TP_PROC_COMPETITIVE_FLEXIBLE, T, E|DOCS|PRE, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2025, 6, 2), 10, DATE(2025, 6, 12)},
	/* PA 2023 s.54(4): that row is not for central government, 25. Mon 02
	 * Jun 2025 + 25 = Fri 27 Jun 2025; one day short: Thu 26 Jun 2025. */
	{TP_REGIME_PA2023, TP_PROC_COMPETITIVE_FLEXIBLE, T, E|DOCS|PRE, CG,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2025, 6, 2), 25, DATE(2025, 6, 27)},
	/* PA 2023 s.54(4): no negotiated tendering period for central
	 * government, 25. Mon 02 Jun 2025 + 25 = Fri 27 Jun 2025; one day short:
	 * Thu 26 Jun 2025. */
	{TP_REGIME_PA2023, TP_PROC_COMPETITIVE_FLEXIBLE, T, E|DOCS|AGR, CG,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2025, 6, 2), 25, DATE(2025, 6, 27)},
	/* PA 2023 s.54(3): participation 25. Mon 02 Jun 2025 + 25 = Fri 27 Jun
	 * 2025; one day short: Thu 26 Jun 2025. */
	{TP_REGIME_PA2023, TP_PROC_COMPETITIVE_FLEXIBLE, P, 0, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2025, 6, 2), 25, DATE(2025, 6, 27)},
	/* PA 2023 s.54(3): urgency 10. Mon 02 Jun 2025 + 10 = Thu 12 Jun 2025;
	 * one day short: Wed 11 Jun 2025. */
	{TP_REGIME_PA2023, TP_PROC_COMPETITIVE_FLEXIBLE, P, URG, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2025, 6, 2), 10, DATE(2025, 6, 12)},
	/* PA 2023 s.54(4)-(5): the 30th day is a Sunday, no roll-forward. Fri 30
	 * May 2025 + 30 = Sun 29 Jun 2025; one day short: Sat 28 Jun 2025. */
	{TP_REGIME_PA2023, TP_PROC_OPEN, T, E, SUB,
	 TP_REGION_ENGLAND_AND_WALES, DATE(2025, 5, 30), 30, DATE(2025, 6, 29)},
};

#define N_CASES (sizeof(cases) / sizeof(cases[0]))

/* A calendar where every day is a working day. */
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
add_milestone(struct tp_plan *plan, const char *id, enum tp_stage_kind kind,
	      struct tp_date d)
{
	struct tp_error err;
	if (tp_plan_add_stage(plan, id, NULL, kind, 0, TP_UNIT_WORKING_DAYS,
			      NULL, &err) != TP_OK ||
	    tp_plan_add_constraint(plan, id, TP_CONSTRAINT_START_ON, d,
				   &err) != TP_OK)
		fail_msg("%s: %s", id, err.message);
}

static bool
two_stage(enum tp_procedure p)
{
	return p != TP_PROC_OPEN;
}

/* Check the period of @c with its deadline on @deadline; the findings. */
static struct tp_findings *
check_at(const struct mcase *c, const struct tp_calendar *cal,
	 struct tp_date deadline)
{
	struct tp_plan *plan = NULL;
	struct tp_schedule *s = NULL;
	struct tp_findings *f = NULL;
	struct tp_rules_config cfg;
	struct tp_error err;

	assert_int_equal(tp_plan_new(&plan, NULL), TP_OK);
	tp_plan_set_calendar(plan, cal);
	assert_int_equal(tp_plan_set_start_date(plan,
						(struct tp_date){
							c->invited.day - 7},
						NULL),
			 TP_OK);
	if (c->kind == P) {
		add_milestone(plan, "notice", TP_STAGE_ADVERT, c->invited);
		add_milestone(plan, "deadline", TP_STAGE_PQQ_DEADLINE,
			      deadline);
	} else {
		add_milestone(plan, "invite",
			      two_stage(c->procedure) ? TP_STAGE_ITT_ISSUE
						      : TP_STAGE_ADVERT,
			      c->invited);
		add_milestone(plan, "deadline", TP_STAGE_TENDER_DEADLINE,
			      deadline);
	}
	tp_rules_config_init(&cfg);
	cfg.regime = c->regime;
	cfg.procedure = c->procedure;
	cfg.claims = c->claims;
	cfg.authority = c->authority;
	cfg.jurisdiction = c->jurisdiction;
	if (tp_schedule_compute(plan, TP_SCHEDULE_FORWARD, &s, &err) != TP_OK ||
	    tp_plan_check(s, &cfg, &f, &err) != TP_OK)
		fail_msg("%s", err.message);
	tp_schedule_free(s);
	tp_plan_free(plan);
	return f;
}

static const struct tp_finding *
find(const struct tp_findings *f, const char *rule_id)
{
	for (size_t i = 0; i < tp_findings_count(f); i++)
		if (!strcmp(tp_findings_get(f, i)->rule_id, rule_id))
			return tp_findings_get(f, i);
	return NULL;
}

static const char *
short_rule(const struct mcase *c)
{
	if (c->days < 0)
		return "period.two-working-days";
	return c->kind == T ? "period.tender-minimum"
			    : "period.participation-minimum";
}

static void
report(size_t i, const struct tp_findings *f, const char *what)
{
	for (size_t k = 0; k < tp_findings_count(f); k++)
		print_message("  %s: %s\n", tp_findings_get(f, k)->rule_id,
			      tp_findings_get(f, k)->message);
	fail_msg("case %zu (%s, %s): %s", i, tp_regime_name(cases[i].regime),
		 tp_procedure_name(cases[i].procedure), what);
}

static void
minimum_figures(void **state)
{
	for (size_t i = 0; i < N_CASES; i++) {
		const struct mcase *c = &cases[i];
		struct tp_period_query q = {0};
		struct tp_min_period m;
		struct tp_error err;
		q.regime = c->regime;
		q.procedure = c->procedure;
		q.kind = c->kind;
		q.claims = c->claims;
		q.authority = c->authority;
		if (tp_min_period_query(&q, &m, &err) != TP_OK)
			fail_msg("case %zu: %s", i, err.message);
		if (m.days != c->days)
			fail_msg("case %zu (%s, %s): minimum %ld, expected %ld "
				 "(%s)",
				 i, tp_regime_name(c->regime),
				 tp_procedure_name(c->procedure), (long)m.days,
				 (long)c->days, m.explanation);
		assert_non_null(m.citation);
		assert_true(m.citation[0] != '\0');
	}
}

static void
at_minimum_and_one_day_short(void **state)
{
	struct tp_calendar *cal = every_day_calendar();
	char want[64], d[TP_DATE_STRLEN];

	for (size_t i = 0; i < N_CASES; i++) {
		const struct mcase *c = &cases[i];
		struct tp_findings *f = check_at(c, cal, c->earliest);
		const struct tp_finding *x;
		if (find(f, "period.tender-minimum") ||
		    find(f, "period.participation-minimum") ||
		    find(f, "period.two-working-days"))
			report(i, f, "flagged at the minimum");
		if (c->days < 0 && !find(f, "period.not-checked"))
			report(i, f, "no info on the missing minimum");
		tp_findings_free(f);
		f = check_at(c, cal,
			     (struct tp_date){c->earliest.day - 1});
		x = find(f, short_rule(c));
		if (!x || x->severity != TP_SEVERITY_ERROR)
			report(i, f, "not flagged one day short");
		snprintf(want, sizeof(want), "earliest lawful deadline: %s",
			 tp_date_format(c->earliest, d));
		if (strcmp(x->fix, want))
			fail_msg("case %zu: fix '%s', expected '%s'", i, x->fix,
				 want);
		tp_findings_free(f);
	}
	tp_calendar_free(cal);
}

/* ---- standstill ------------------------------------------------------------ */

struct scase {
	enum tp_regime regime;
	enum tp_procedure procedure;
	enum tp_notice_means means;
	enum tp_region jurisdiction;
	/* the plan's calendar region (TP_REGION_NONE: every day works) */
	enum tp_region plan_region;
	int32_t local_days; /* local working days, or 0 */
	struct tp_date sent, earliest_contract;
};

static const struct scase standstills[] = {
	/* PCR 2015 reg 87(2): "ends at midnight at the end of the 10th day
	 * after the relevant sending date", reg 2(4) the roll. Thu 18 Dec
	 * 2025 + 10 = Sun 28 Dec; to the end of Mon 29 Dec; contract from
	 * Tue 30 Dec 2025 (the reference's table). */
	{TP_REGIME_PCR2015, TP_PROC_OPEN, TP_NOTICE_ELECTRONIC,
	 TP_REGION_ENGLAND_AND_WALES, TP_REGION_NONE, 0,
	 DATE(2025, 12, 18), DATE(2025, 12, 30)},
	/* reg 87(3)(a): by other means, the 15th day: Fri 2 Jan 2026, a
	 * working day in England (2 Jan is a holiday only in Scotland);
	 * contract from Sat 3 Jan 2026. */
	{TP_REGIME_PCR2015, TP_PROC_OPEN, TP_NOTICE_OTHER,
	 TP_REGION_ENGLAND_AND_WALES, TP_REGION_NONE, 0,
	 DATE(2025, 12, 18), DATE(2026, 1, 3)},
	/* In Northern Ireland: Fri 2 Jul 2021 + 10 = Mon 12 Jul, the Battle
	 * of the Boyne holiday; to the end of Tue 13 Jul; contract from Wed
	 * 14 Jul 2021. */
	{TP_REGIME_PCR2015, TP_PROC_OPEN, TP_NOTICE_ELECTRONIC,
	 TP_REGION_NORTHERN_IRELAND, TP_REGION_NONE, 0, DATE(2021, 7, 2),
	 DATE(2021, 7, 14)},
	/* PCR 2006 reg 32A(2), (6): Tue 23 Mar 2010 + 10 = Good Friday 2 Apr
	 * 2010; Sat, Sun, Easter Monday 5 Apr: to the end of Tue 6 Apr;
	 * contract from Wed 7 Apr 2010 (the reference's worked case). */
	{TP_REGIME_PCR2006, TP_PROC_RESTRICTED, TP_NOTICE_ELECTRONIC,
	 TP_REGION_ENGLAND_AND_WALES, TP_REGION_NONE, 0, DATE(2010, 3, 23),
	 DATE(2010, 4, 7)},
	/* PCR 2006 before 20 Dec 2009 (SI 2009/2992 reg 4(a)): Tue 11 Mar
	 * 2008 + 10 = Good Friday 21 Mar 2008, then a working day: to the
	 * end of it; contract from Sat 22 Mar 2008. */
	{TP_REGIME_PCR2006, TP_PROC_RESTRICTED, TP_NOTICE_ELECTRONIC,
	 TP_REGION_ENGLAND_AND_WALES, TP_REGION_NONE, 0, DATE(2008, 3, 11),
	 DATE(2008, 3, 22)},
	/* PCSR 2015 reg 86(3), 2(4)(c), Scottish holidays (reg 2(1)): Wed
	 * 20 Nov 2024 + 10 = Sat 30 Nov, St Andrew's Day; Sun 1 Dec; Mon 2
	 * Dec is its substitute day: to the end of Tue 3 Dec; contract from
	 * Wed 4 Dec 2024. */
	{TP_REGIME_PCSR2015, TP_PROC_OPEN, TP_NOTICE_ELECTRONIC,
	 TP_REGION_SCOTLAND, TP_REGION_NONE, 0, DATE(2024, 11, 20),
	 DATE(2024, 12, 4)},
	/* PCSR 2015 reg 86(4): other means, 15 days: Thu 18 Dec 2025 + 15 =
	 * Fri 2 Jan 2026, a Scottish holiday; Sat, Sun: to the end of Mon 5
	 * Jan; contract from Tue 6 Jan 2026. */
	{TP_REGIME_PCSR2015, TP_PROC_OPEN, TP_NOTICE_OTHER, TP_REGION_SCOTLAND,
	 TP_REGION_NONE, 0, DATE(2025, 12, 18), DATE(2026, 1, 6)},
	/* PA 2023 s.51(2), s.123: eight working days beginning with Fri 19
	 * Dec 2025 (day 1); skipping 20-21, 25-28 Dec, 1 Jan, 2 Jan
	 * (Scotland), 3-4 Jan: the 8th is Mon 5 Jan 2026; contract from Tue
	 * 6 Jan (the reference's table) - for an English authority. */
	{TP_REGIME_PA2023, TP_PROC_OPEN, TP_NOTICE_ELECTRONIC,
	 TP_REGION_ENGLAND_AND_WALES, TP_REGION_NONE, 0, DATE(2025, 12, 19),
	 DATE(2026, 1, 6)},
	/* Mon 24 Nov 2025: Mon 1 Dec is St Andrew's substitute day in
	 * Scotland, so the 8th working day is Thu 4 Dec; contract from Fri 5
	 * Dec 2025. */
	{TP_REGIME_PA2023, TP_PROC_COMPETITIVE_FLEXIBLE, TP_NOTICE_ELECTRONIC,
	 TP_REGION_ENGLAND_AND_WALES, TP_REGION_NONE, 0, DATE(2025, 11, 24),
	 DATE(2025, 12, 5)},
	/* Local rules (Thurrock, ten working days of the council's calendar,
	 * England and Wales): Thu 18 Oct 2012, counting from Fri 19 Oct, the
	 * 10th working day is Thu 1 Nov; award from Fri 2 Nov 2012. Part B
	 * services: no statutory standstill (PCR 2006 reg 5(2)). */
	{TP_REGIME_PCR2006, TP_PROC_PART_B, TP_NOTICE_ELECTRONIC,
	 TP_REGION_ENGLAND_AND_WALES, TP_REGION_ENGLAND_AND_WALES, 10,
	 DATE(2012, 10, 18), DATE(2012, 11, 2)},
};

#define N_STANDSTILLS (sizeof(standstills) / sizeof(standstills[0]))

static struct tp_findings *
standstill_at(const struct scase *c, const struct tp_calendar *cal,
	      struct tp_date award)
{
	struct tp_plan *plan = NULL;
	struct tp_schedule *s = NULL;
	struct tp_findings *f = NULL;
	struct tp_rules_config cfg;
	struct tp_error err;

	assert_int_equal(tp_plan_new(&plan, NULL), TP_OK);
	tp_plan_set_calendar(plan, cal);
	assert_int_equal(tp_plan_set_start_date(plan,
						(struct tp_date){c->sent.day -
								 7},
						NULL),
			 TP_OK);
	add_milestone(plan, "notice", TP_STAGE_INTENTION_TO_AWARD, c->sent);
	add_milestone(plan, "award", TP_STAGE_AWARD, award);
	tp_rules_config_init(&cfg);
	cfg.regime = c->regime;
	cfg.procedure = c->procedure;
	cfg.notice_means = c->means;
	cfg.jurisdiction = c->jurisdiction;
	cfg.local_standstill_days = c->local_days;
	cfg.local_standstill_working_days = c->local_days > 0;
	if (tp_schedule_compute(plan, TP_SCHEDULE_FORWARD, &s, &err) != TP_OK ||
	    tp_plan_check(s, &cfg, &f, &err) != TP_OK)
		fail_msg("%s", err.message);
	tp_schedule_free(s);
	tp_plan_free(plan);
	return f;
}

static void
standstill_boundaries(void **state)
{
	struct tp_calendar *every = every_day_calendar(), *ew = NULL;
	char want[64], d[TP_DATE_STRLEN];

	assert_int_equal(tp_calendar_new_region(TP_REGION_ENGLAND_AND_WALES,
						&ew, NULL),
			 TP_OK);
	for (size_t i = 0; i < N_STANDSTILLS; i++) {
		const struct scase *c = &standstills[i];
		const char *rule = c->local_days ? "local.standstill"
						 : "standstill.contract-inside";
		const struct tp_calendar *cal =
			c->plan_region == TP_REGION_NONE ? every : ew;
		struct tp_findings *f = standstill_at(c, cal,
						      c->earliest_contract);
		const struct tp_finding *x = find(f, rule);
		if (x)
			fail_msg("standstill %zu flagged on the first lawful "
				 "day: %s",
				 i, x->message);
		tp_findings_free(f);
		f = standstill_at(c, cal,
				  (struct tp_date){c->earliest_contract.day -
						   1});
		x = find(f, rule);
		if (!x || x->severity != TP_SEVERITY_ERROR)
			fail_msg("standstill %zu not flagged one day early", i);
		snprintf(want, sizeof(want), "earliest lawful award: %s",
			 tp_date_format(c->earliest_contract, d));
		assert_string_equal(x->fix, want);
		tp_findings_free(f);
	}
	tp_calendar_free(ew);
	tp_calendar_free(every);
}

/* PCR 2015 reg 87(3)(b) and PCR 2006 reg 32A(3)(b): by other means the
 * standstill ends at "whichever of the following occurs first", the 15th
 * day after sending or "midnight at the end of 10th day after the date on
 * which the last of the economic operators to receive such a notice
 * receives it"; PCSR 2015 reg 86(4) has only the 15 days. Sent Mon 3 Jun
 * 2024, received Tue 4 Jun: the 10th day after receipt is Fri 14 Jun,
 * before the 15th after sending (Tue 18 Jun): contract from Sat 15 Jun;
 * Friday 14th is one day early. (Not a setting of the plan checker, so
 * tested on tp_standstill_compute.) */
static void
received_notice(void **state)
{
	struct tp_standstill_request req;
	struct tp_standstill s;

	memset(&req, 0, sizeof(req));
	req.regime = TP_REGIME_PCR2015;
	req.means = TP_NOTICE_OTHER;
	req.sent = TP_DATE(2024, 6, 3);
	req.has_received = true;
	req.received = TP_DATE(2024, 6, 4);
	assert_int_equal(tp_standstill_compute(&req, &s, NULL), TP_OK);
	assert_int_equal(s.earliest_contract.day, TP_DATE(2024, 6, 15).day);
	req.regime = TP_REGIME_PCSR2015;
	assert_int_equal(tp_standstill_compute(&req, &s, NULL), TP_OK);
	/* Scotland: Mon 3 Jun + 15 = Tue 18 Jun; contract from Wed 19. */
	assert_int_equal(s.earliest_contract.day, TP_DATE(2024, 6, 19).day);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(minimum_figures),
		cmocka_unit_test(at_minimum_and_one_day_short),
		cmocka_unit_test(standstill_boundaries),
		cmocka_unit_test(received_notice),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
