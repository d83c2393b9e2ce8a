/* SPDX-License-Identifier: MIT */
/* Built-in procedure templates (tp-templates.h).
 *
 * A template is a list of parts, each a list of stages; a stage with
 * after = PREV follows the stage before it (finish-to-start, no lag), and
 * extra links are listed per template. Every stage's notes say where its
 * duration comes from: a legal minimum with its citation (the figures of
 * docs/legal-research.md, checked against the legislation.gov.uk text)
 * or "practice", a usual figure a commissioner may change.
 *
 * Periods counted in days start on the first working day after the notice
 * or invitation (tp-schedule.h), so a period of N calendar days never ends
 * before the N-th day after the invitation, which is what PCR 2006 reg
 * 2(4), PCR 2015 reg 2(3)-(4) and PA 2023 s.54(5) require; when the
 * invitation goes out on a Friday the period is two days longer than the
 * minimum. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <tenderplan/tp-templates.h>

#include "error-private.h"
#include "plan-doc-private.h"

#define PREV NULL /* finish-to-start after the previous stage */
#define NONE "-"  /* no finish-to-start link */
#define NOON (12 * 60)

struct tpl_stage {
	const char *id;
	enum tp_stage_kind kind;
	int32_t amount;
	enum tp_unit unit;
	const char *after;
	int minutes;
	const char *name;
	const char *notes;
	unsigned flags;
};

/* The stage counts on the statute's calendar (tp-plan.h): the PCR and
 * PCSR roll a period whose last day is not a working day of the
 * authority's part of the UK to the next one (PCR 2015 reg 2(4), PCSR
 * 2015 reg 2(4)), whatever the council's own calendar says. */
#define STAT (1u << 0)
/* Its link from @after counts calendar days: the period begins with the
 * day after the act that opens it, whatever day that is (PCR 2006 reg
 * 2(4)(a), PCR 2015 reg 2(3)(b), PCSR 2015 reg 2(4)(a), PA 2023
 * s.54(5)). */
#define DAY_AFTER (1u << 1)

struct tpl_link {
	const char *from, *to;
	enum tp_dep_type type;
	int32_t lag;
	enum tp_unit unit;
};

#define WD TP_UNIT_WORKING_DAYS
#define CD TP_UNIT_CALENDAR_DAYS
#define WK TP_UNIT_WEEKS
#define MO TP_UNIT_MONTHS
#define END                                           \
	{                                             \
		NULL, 0, 0, 0, NULL, 0, NULL, NULL, 0 \
	}

/* ---- parts -------------------------------------------------------- */

static const struct tpl_stage prep[] = {
	{"specification", TP_STAGE_SPECIFICATION, 20, WD, NONE, -1,
	 "Finalise specification, contract and tender documents",
	 "Practice: four weeks.", 0},
	{"approval-to-advertise", TP_STAGE_APPROVAL_TO_ADVERTISE, 5, WD, PREV,
	 -1, "Approval to advertise", "Practice: one week for sign-off.", 0},
	{"advert", TP_STAGE_ADVERT, 0, WD, PREV, -1,
	 "Contract notice sent / advertisement", NULL, 0},
	END};

/* The clarification deadline is tied to the tender deadline both ways in
 * working days (CLOSE_LINKS), which count the same forwards and
 * backwards, so it stays 8 working days before it in every schedule. */
static const struct tpl_stage tender_close[] = {
	{"clarification-deadline", TP_STAGE_CLARIFICATION_DEADLINE, 0, WD, NONE,
	 NOON, "Deadline for clarification questions",
	 "Practice: 8 working days before the tender deadline, so that "
	 "answers can go out at least 6 days before it (PCR 2015 reg "
	 "47(3)(a)).",
	 0},
	{"tender-deadline", TP_STAGE_TENDER_DEADLINE, 0, WD, NONE, NOON,
	 "Closing date for tenders", "Last day of the tender period.", 0},
	{"opening", TP_STAGE_OPENING, 0, WD, "tender-deadline", -1,
	 "Opening of tenders", "Practice: the next working day.", 0},
	END};

static const struct tpl_stage pcr2015_open[] = {
	{"tender-period", TP_STAGE_TENDER_PERIOD, 35, CD, "advert", -1,
	 "Tender period",
	 "PCR 2015 reg 27(2): at least 35 days from the contract notice; 30 "
	 "with electronic tenders, reg 27(6); reg 2(3)(b): the day the notice "
	 "is sent is not counted, reg 2(4): a period ending on a non-working "
	 "day ends at the end of the next working day. 35 kept so that the "
	 "plan stays lawful without the reduction.",
	 STAT | DAY_AFTER},
	END};

static const struct tpl_stage pcsr2015_open[] = {
	{"tender-period", TP_STAGE_TENDER_PERIOD, 35, CD, "advert", -1,
	 "Tender period",
	 "PCSR 2015 reg 28(3): at least 35 days from the contract notice; up "
	 "to 5 fewer with electronic tenders, reg 28(6); reg 2(4): the day "
	 "the notice is sent is not counted and a period ending on a day that "
	 "is not a working day in Scotland ends at the end of the next "
	 "working day. 35 kept.",
	 STAT | DAY_AFTER},
	END};

/* Selection: the minimum period for requests to participate, in full;
 * the deadline, at noon, on the next working day (PCR 2015 reg 2(3)
 * counts whole days, so a noon deadline on the last day would cut it
 * short). */
static const struct tpl_stage sq_stage[] = {
	{"sq-deadline", TP_STAGE_PQQ_DEADLINE, 0, WD, PREV, NOON,
	 "Closing date for selection questionnaires",
	 "The working day after the selection period.", 0},
	{"sq-evaluation", TP_STAGE_PQQ_EVALUATION, 10, WD, PREV, -1,
	 "Evaluation of selection questionnaires and shortlisting",
	 "Practice: two weeks.", 0},
	{"itt-issue", TP_STAGE_ITT_ISSUE, 0, WD, PREV, -1,
	 "Invitation to tender sent to shortlisted candidates", NULL, 0},
	END};

static const struct tpl_stage pcr2015_sq[] = {
	{"sq-period", TP_STAGE_PQQ_PERIOD, 30, CD, "advert", -1,
	 "Selection questionnaire period",
	 "PCR 2015 reg 28(2) (restricted), reg 29(4) (competitive procedure "
	 "with negotiation): at least 30 days from the contract notice for "
	 "requests to participate; reg 2(3)-(4) count them.",
	 STAT | DAY_AFTER},
	END};

static const struct tpl_stage pcsr2015_sq[] = {
	{"sq-period", TP_STAGE_PQQ_PERIOD, 30, CD, "advert", -1,
	 "Selection questionnaire period",
	 "PCSR 2015 reg 29(3): at least 30 days from the contract notice for "
	 "requests to participate; reg 2(4) counts them.",
	 STAT | DAY_AFTER},
	END};

static const struct tpl_stage pcr2015_restricted_tender[] = {
	{"tender-period", TP_STAGE_TENDER_PERIOD, 30, CD, "itt-issue", -1,
	 "Tender period",
	 "PCR 2015 reg 28(5): at least 30 days from the invitation to tender; "
	 "25 with electronic tenders, reg 28(9).",
	 STAT | DAY_AFTER},
	END};

static const struct tpl_stage pcsr2015_restricted_tender[] = {
	{"tender-period", TP_STAGE_TENDER_PERIOD, 30, CD, "itt-issue", -1,
	 "Tender period",
	 "PCSR 2015 reg 29(6): at least 30 days from the invitation to "
	 "tender; 25 with electronic tenders, reg 29(10).",
	 STAT | DAY_AFTER},
	END};

static const struct tpl_stage pcr2015_cpn_tender[] = {
	{"tender-period", TP_STAGE_TENDER_PERIOD, 30, CD, "itt-issue", -1,
	 "Initial tender period",
	 "PCR 2015 reg 29(5): at least 30 days from the invitation for "
	 "initial tenders; 25 with electronic tenders, reg 29(9).",
	 STAT | DAY_AFTER},
	END};

static const struct tpl_stage negotiation[] = {
	{"initial-evaluation", TP_STAGE_EVALUATION, 10, WD, "opening", -1,
	 "Evaluation of initial tenders", "Practice: two weeks.", 0},
	{"negotiation", TP_STAGE_CUSTOM, 15, WD, PREV, -1,
	 "Negotiation with tenderers", "Practice: three weeks.", 0},
	{"final-tender-period", TP_STAGE_TENDER_PERIOD, 14, CD, PREV, -1,
	 "Final tender period",
	 "No statutory minimum for final tenders; practice: two weeks.",
	 DAY_AFTER},
	{"final-deadline", TP_STAGE_TENDER_DEADLINE, 0, WD, NONE, NOON,
	 "Closing date for final tenders", NULL, 0},
	END};

static const struct tpl_stage pcr2015_ltr_tender[] = {
	{"tender-period", TP_STAGE_TENDER_PERIOD, 30, CD, "advert", -1,
	 "Tender period",
	 "Light touch regime, PCR 2015 regs 74-77: no statutory minimum; "
	 "time limits must be reasonable and proportionate. Practice: 30 "
	 "days.",
	 DAY_AFTER},
	END};

static const struct tpl_stage evaluation[] = {
	{"evaluation", TP_STAGE_EVALUATION, 15, WD, PREV, -1,
	 "Evaluation of tenders", "Practice: three weeks.", 0},
	{"moderation", TP_STAGE_MODERATION, 3, WD, PREV, -1,
	 "Moderation of scores", "Practice.", 0},
	{"governance-approval", TP_STAGE_GOVERNANCE_APPROVAL, 10, WD, PREV, -1,
	 "Award report to committee or director",
	 "Practice: two weeks; fit it to the meeting cycle.", 0},
	END};

static const struct tpl_stage pcr_award[] = {
	{"intention-to-award", TP_STAGE_INTENTION_TO_AWARD, 0, WD, PREV, -1,
	 "Award decision notices sent by e-mail",
	 "PCR 2015 reg 86: notice to each candidate and tenderer.", 0},
	{"standstill", TP_STAGE_STANDSTILL, 10, CD, PREV, -1,
	 "Standstill period",
	 "PCR 2015 reg 87(2): ends at midnight at the end of the 10th day "
	 "after notices sent electronically; reg 2(4): a non-working last day "
	 "moves to the next working day (of the authority's part of the UK, "
	 "reg 2(1)).",
	 STAT | DAY_AFTER},
	{"award", TP_STAGE_AWARD, 0, WD, PREV, -1, "Contract awarded",
	 "PCR 2015 reg 87: not before the standstill period ends.", 0},
	END};

static const struct tpl_stage pcsr_award[] = {
	{"intention-to-award", TP_STAGE_INTENTION_TO_AWARD, 0, WD, PREV, -1,
	 "Award decision notices sent by e-mail",
	 "PCSR 2015 reg 85(1): notice to each candidate and tenderer.", 0},
	{"standstill", TP_STAGE_STANDSTILL, 10, CD, PREV, -1,
	 "Standstill period",
	 "PCSR 2015 reg 86(3): ends at midnight at the end of the 10th day "
	 "after the last notice sent electronically; reg 2(4): a last day "
	 "that is not a working day in Scotland (reg 2(1)) moves to the next "
	 "working day.",
	 STAT | DAY_AFTER},
	{"award", TP_STAGE_AWARD, 0, WD, PREV, -1, "Contract awarded",
	 "PCSR 2015 reg 86(1): not before the standstill period ends.", 0},
	END};

static const struct tpl_stage pa2023_award[] = {
	{"intention-to-award", TP_STAGE_INTENTION_TO_AWARD, 0, WD, PREV, -1,
	 "Assessment summaries sent; contract award notice published",
	 "Procurement Act 2023 s.50(1)-(2).", 0},
	{"standstill", TP_STAGE_STANDSTILL, 8, WD, NONE, -1,
	 "Standstill period",
	 "Procurement Act 2023 s.51(2): eight working days beginning with the "
	 "day the contract award notice is published; s.123: not a bank "
	 "holiday in any part of the UK, whatever the authority's region.",
	 STAT},
	{"award", TP_STAGE_AWARD, 0, WD, PREV, -1, "Contract entered into",
	 "Procurement Act 2023 s.51(1): not before the standstill ends.", 0},
	END};

static const struct tpl_stage tupe_tail[] = {
	{"tupe-deadline", TP_STAGE_TUPE_DEADLINE, 0, WD, "award", -1,
	 "Employee liability information to the new provider",
	 "TUPE 2006 reg 11(6), as amended by SI 2014/16 for transfers from 1 "
	 "May 2014: at least 28 days before the transfer (14 before then, "
	 "and still 14 in Northern Ireland).",
	 0},
	{"mobilisation", TP_STAGE_MOBILISATION, 3, MO, "award", -1,
	 "Lead-in and mobilisation (TUPE consultation, handover)",
	 "Practice: three months for a service with staff transfers.", 0},
	{"contract-start", TP_STAGE_CONTRACT_START, 0, WD, PREV, -1,
	 "Contract starts", NULL, 0},
	END};

/* TUPE 2006 reg 11(6): ELI at least 28 days before the transfer. With a
 * finish-to-start lag of 27 calendar days the start is at least 28 days
 * after the ELI day. Tender deadlines close their period. */
#define TUPE_LINK                                                              \
	{                                                                      \
		"tupe-deadline", "contract-start", TP_DEP_FINISH_TO_START, 27, \
			CD                                                     \
	}
/* The clarification deadline: 8 working days before the tender deadline,
 * both ways, so that backward scheduling also keeps it there. */
#define CLOSE_LINKS                                                          \
	{"tender-period", "tender-deadline", TP_DEP_FINISH_TO_FINISH, 0, WD},\
		{"tender-period", "clarification-deadline",                  \
		 TP_DEP_FINISH_TO_FINISH, -8, WD},                           \
	{                                                                    \
		"clarification-deadline", "tender-deadline",                 \
			TP_DEP_FINISH_TO_FINISH, 8, WD                       \
	}
#define LINK_END                    \
	{                           \
		NULL, NULL, 0, 0, 0 \
	}

static const struct tpl_link open_links[] = {CLOSE_LINKS, TUPE_LINK, LINK_END};
static const struct tpl_link restricted_links[] = {CLOSE_LINKS, TUPE_LINK,
						   LINK_END};
static const struct tpl_link cpn_links[] = {CLOSE_LINKS,
					    TUPE_LINK,
					    {"final-tender-period",
					     "final-deadline",
					     TP_DEP_FINISH_TO_FINISH, 0, WD},
					    LINK_END};
static const struct tpl_link pa_open_links[] = {
	CLOSE_LINKS,
	TUPE_LINK,
	{"intention-to-award", "standstill", TP_DEP_START_TO_START, 0, WD},
	LINK_END};
static const struct tpl_link pa_cf_links[] = {
	CLOSE_LINKS,
	TUPE_LINK,
	{"final-tender-period", "final-deadline", TP_DEP_FINISH_TO_FINISH, 0,
	 WD},
	{"intention-to-award", "standstill", TP_DEP_START_TO_START, 0, WD},
	LINK_END};

/* ---- Procurement Act 2023 ----------------------------------------- */

static const struct tpl_stage pa2023_open[] = {
	{"tender-period", TP_STAGE_TENDER_PERIOD, 30, CD, "advert", -1,
	 "Tendering period",
	 "Procurement Act 2023 s.54(4): at least 25 days with electronic "
	 "tenders and all documents with the tender notice, 30 when one of "
	 "those fails, 35 when both do; s.54(5): the period begins with the "
	 "day after the notice. 30 kept.",
	 DAY_AFTER},
	END};

static const struct tpl_stage pa2023_cf_front[] = {
	{"sq-period", TP_STAGE_PQQ_PERIOD, 30, CD, "advert", -1,
	 "Participation period",
	 "Procurement Act 2023 s.54(3): at least 25 days for requests to "
	 "participate (10 in urgency), beginning with the day after the "
	 "notice (s.54(5)). Practice: 30.",
	 DAY_AFTER},
	END};

static const struct tpl_stage pa2023_cf_tender[] = {
	{"tender-period", TP_STAGE_TENDER_PERIOD, 30, CD, "itt-issue", -1,
	 "Tendering period",
	 "Procurement Act 2023 s.54(4): at least 25 days with electronic "
	 "tenders and all documents provided, 30 when one of those fails (10 "
	 "for pre-selected suppliers of a non-central-government authority). "
	 "30 kept.",
	 DAY_AFTER},
	END};

/* ---- PCR 2006 Part B, as Hartlepool (2011) and Thurrock (2012) ran
 * it ---------------------------------------------------------------- */

static const struct tpl_stage part_b[] = {
	{"pqq-period", TP_STAGE_PQQ_PERIOD, 28, CD, "advert", -1,
	 "PQQ documents available",
	 "Part B services, PCR 2006 reg 5(2): no statutory minimum. The "
	 "councils allowed 28 days.",
	 DAY_AFTER},
	{"pqq-deadline", TP_STAGE_PQQ_DEADLINE, 0, WD, NONE, NOON,
	 "Closing date for PQQ submissions", NULL, 0},
	{"pqq-evaluation", TP_STAGE_PQQ_EVALUATION, 3, WK, "pqq-deadline", -1,
	 "PQQ evaluation and ITT shortlisting", "Practice: three weeks.", 0},
	{"itt-issue", TP_STAGE_ITT_ISSUE, 0, WD, PREV, -1,
	 "ITT letters and tender packs sent", NULL, 0},
	{"tender-period", TP_STAGE_TENDER_PERIOD, 42, CD, PREV, -1,
	 "Tender period",
	 "No statutory minimum for Part B; practice: six weeks (Thurrock 41 "
	 "days, Hartlepool 49).",
	 DAY_AFTER},
	{"tender-deadline", TP_STAGE_TENDER_DEADLINE, 0, WD, NONE, NOON,
	 "Closing date for tenders", NULL, 0},
	{"opening", TP_STAGE_OPENING, 0, WD, PREV, -1,
	 "Opening of tenders by contract scrutiny",
	 "Practice: next working day.", 0},
	{"evaluation", TP_STAGE_EVALUATION, 15, WD, PREV, -1,
	 "Evaluation of tenders", "Practice: three weeks.", 0},
	{"interviews", TP_STAGE_INTERVIEWS, 5, WD, PREV, -1,
	 "Interviews and final evaluation", "Practice: one week.", 0},
	{"governance-approval", TP_STAGE_GOVERNANCE_APPROVAL, 5, WD, PREV, -1,
	 "Report to director or committee seeking approval to award",
	 "Practice: one week; fit it to the meeting cycle.", 0},
	{"intention-to-award", TP_STAGE_INTENTION_TO_AWARD, 0, WD, PREV, -1,
	 "Advise candidates of intention to award", NULL, 0},
	{"standstill", TP_STAGE_STANDSTILL, 10, CD, PREV, -1,
	 "Standstill period (voluntary)",
	 "Part B: PCR 2006 reg 5(2) does not list reg 32A, so on our reading "
	 "no statutory standstill; councils kept the 10-day standstill of "
	 "reg 32A(2) as practice, counted as reg 32A(6) counts.",
	 STAT | DAY_AFTER},
	{"award", TP_STAGE_AWARD, 0, WD, PREV, -1, "Contract awarded", NULL, 0},
	END};

static const struct tpl_link part_b_links[] = {
	{"pqq-period", "pqq-deadline", TP_DEP_FINISH_TO_FINISH, 0, WD},
	{"tender-period", "tender-deadline", TP_DEP_FINISH_TO_FINISH, 0, WD},
	TUPE_LINK,
	LINK_END};

static const struct tpl_stage part_b_tail[] = {
	{"tupe-deadline", TP_STAGE_TUPE_DEADLINE, 0, WD, "award", -1,
	 "Employee liability information to the new provider",
	 "TUPE 2006 reg 11(6): 14 days before transfers before 1 May 2014, 28 "
	 "from then (SI 2014/16); 28 kept.",
	 0},
	{"mobilisation", TP_STAGE_MOBILISATION, 8, WK, "award", -1,
	 "Lead-in (TUPE issues etc.)", "Practice: eight weeks.", 0},
	{"contract-start", TP_STAGE_CONTRACT_START, 0, WD, PREV, -1,
	 "Contract commences", NULL, 0},
	END};

/* ---- below threshold and call-off --------------------------------- */

static const struct tpl_stage rfq[] = {
	{"specification", TP_STAGE_SPECIFICATION, 10, WD, NONE, -1,
	 "Specification and request for quotation", "Practice: two weeks.", 0},
	{"itt-issue", TP_STAGE_ITT_ISSUE, 0, WD, PREV, -1,
	 "Request for quotation sent", NULL, 0},
	{"tender-period", TP_STAGE_TENDER_PERIOD, 14, CD, PREV, -1,
	 "Quotation period",
	 "Below the thresholds no statutory minimum applies; the "
	 "organisation's contract procedure rules decide. Practice: two "
	 "weeks.",
	 DAY_AFTER},
	{"tender-deadline", TP_STAGE_TENDER_DEADLINE, 0, WD, NONE, NOON,
	 "Closing date for quotations", NULL, 0},
	{"evaluation", TP_STAGE_EVALUATION, 5, WD, PREV, -1,
	 "Evaluation of quotations", "Practice: one week.", 0},
	{"governance-approval", TP_STAGE_GOVERNANCE_APPROVAL, 3, WD, PREV, -1,
	 "Approval to award", "Practice.", 0},
	{"award", TP_STAGE_AWARD, 0, WD, PREV, -1, "Order placed",
	 "No statutory standstill below the thresholds.", 0},
	{"mobilisation", TP_STAGE_MOBILISATION, 30, WD, PREV, -1, "Lead-in",
	 "Practice: six weeks, which leaves room for employee liability "
	 "information 28 days before a transfer (TUPE 2006 reg 11(6)).",
	 0},
	{"contract-start", TP_STAGE_CONTRACT_START, 0, WD, PREV, -1,
	 "Contract starts", NULL, 0},
	END};

static const struct tpl_stage call_off[] = {
	{"specification", TP_STAGE_SPECIFICATION, 10, WD, NONE, -1,
	 "Call-off specification", "Practice: two weeks.", 0},
	{"itt-issue", TP_STAGE_ITT_ISSUE, 0, WD, PREV, -1,
	 "Invitation to the framework suppliers (mini-competition)", NULL, 0},
	{"tender-period", TP_STAGE_TENDER_PERIOD, 14, CD, PREV, -1,
	 "Mini-competition tender period",
	 "No fixed minimum for a call-off; the period must allow for the "
	 "subject matter. Practice: two weeks.",
	 DAY_AFTER},
	{"tender-deadline", TP_STAGE_TENDER_DEADLINE, 0, WD, NONE, NOON,
	 "Closing date for call-off tenders", NULL, 0},
	{"evaluation", TP_STAGE_EVALUATION, 10, WD, PREV, -1, "Evaluation",
	 "Practice: two weeks.", 0},
	{"governance-approval", TP_STAGE_GOVERNANCE_APPROVAL, 5, WD, PREV, -1,
	 "Approval to award", "Practice.", 0},
	{"award", TP_STAGE_AWARD, 0, WD, PREV, -1, "Call-off contract awarded",
	 "PCR 2015 reg 86(5)(c): no award notice, so no mandatory standstill, "
	 "for a call-off under a framework; add a voluntary one if wanted.",
	 0},
	{"mobilisation", TP_STAGE_MOBILISATION, 6, WK, PREV, -1, "Lead-in",
	 "Practice: six weeks, which leaves room for employee liability "
	 "information 28 days before a transfer (TUPE 2006 reg 11(6)).",
	 0},
	{"contract-start", TP_STAGE_CONTRACT_START, 0, WD, PREV, -1,
	 "Call-off contract starts", NULL, 0},
	END};

static const struct tpl_link simple_links[] = {
	{"tender-period", "tender-deadline", TP_DEP_FINISH_TO_FINISH, 0, WD},
	LINK_END};

/* ---- Health Care Services (Provider Selection Regime) Regulations 2023
 * (SI 2023/1348), #14 --------------------------------------------------- */

/* The standstill after the notice of intention to award: PSR 2023 reg
 * 12(2) "begins on the day after the day a notice of intention to award
 * ... is published" and reg 12(9) "ends at midnight at the end of the 8th
 * working day after the day the standstill period began", so the day
 * after publication is not one of the 8. A finish-to-start link with a lag
 * of 1 calendar day starts the stage no earlier than publication + 2,
 * moved to a working day of the statute's calendar (England's, reg
 * 12(12)): its 8 working days are then exactly those after the day the
 * period began, whatever day that is (docs/regimes-design.md §4.1). */
#define PSR_STANDSTILL_LINK                                                    \
	{                                                                      \
		"intention-to-award", "standstill", TP_DEP_FINISH_TO_START, 1, \
			CD                                                     \
	}
#define PSR_STANDSTILL_NOTES                                                   \
	"PSR 2023 reg 12(2): begins on the day after the notice of intention " \
	"is published (not counted); reg 12(9): ends at midnight at the end "  \
	"of the 8th working day after that day; reg 12(12): not a weekend, "   \
	"Christmas Day, Good Friday, the first Monday in May or a bank "       \
	"holiday in England. Providers may make representations until then "   \
	"(reg 12(3)); if they do, it stays open until at least 5 working "     \
	"days after they are told of the last further decision (reg 12(10))."

static const struct tpl_stage psr_prep[] = {
	{"specification", TP_STAGE_SPECIFICATION, 20, WD, NONE, -1,
	 "Service specification, contract and award criteria",
	 "Step 1: the award criteria, taking into account the key criteria "
	 "and applying the basic selection criteria (PSR 2023 reg 11(2), reg "
	 "5, Sch 16). Practice: four weeks.",
	 0},
	{"approval-to-advertise", TP_STAGE_APPROVAL_TO_ADVERTISE, 5, WD, PREV,
	 -1, "Approval to follow the Competitive Process",
	 "Practice: one week for sign-off.", 0},
	{"advert", TP_STAGE_ADVERT, 0, WD, PREV, -1,
	 "Notice inviting offers on the central digital platform",
	 "Step 2: PSR 2023 reg 11(3)-(4), Sch 8 (including the most relevant "
	 "CPV code, and that offers are made by electronic means, Sch 8 para "
	 "7).",
	 0},
	{"tender-period", TP_STAGE_TENDER_PERIOD, 30, CD, "advert", -1,
	 "Period for offers",
	 "The PSR sets no minimum period for offers (reg 11). Practice: 30 "
	 "days.",
	 DAY_AFTER},
	{"clarification-deadline", TP_STAGE_CLARIFICATION_DEADLINE, 0, WD, NONE,
	 NOON, "Deadline for clarification questions",
	 "Practice: 8 working days before the deadline for offers.", 0},
	{"tender-deadline", TP_STAGE_TENDER_DEADLINE, 0, WD, NONE, NOON,
	 "Closing date for offers", "Last day of the period for offers.", 0},
	{"opening", TP_STAGE_OPENING, 0, WD, "tender-deadline", -1,
	 "Opening of offers", "Practice: the next working day.", 0},
	END};

static const struct tpl_stage psr_evaluation[] = {
	{"evaluation", TP_STAGE_EVALUATION, 15, WD, PREV, -1,
	 "Assessment of offers",
	 "Step 3: offers assessed against the award criteria, possibly in "
	 "stages (PSR 2023 reg 11(5)-(6)). Practice: three weeks.",
	 0},
	{"moderation", TP_STAGE_MODERATION, 3, WD, PREV, -1,
	 "Moderation of scores", "Practice.", 0},
	{"governance-approval", TP_STAGE_GOVERNANCE_APPROVAL, 10, WD, PREV, -1,
	 "Decision on the successful provider",
	 "Step 4: PSR 2023 reg 11(7); record the decision-making (reg 24). "
	 "Practice: two weeks; fit it to the board cycle.",
	 0},
	{"provider-letters", TP_STAGE_CUSTOM, 0, WD, PREV, -1,
	 "Successful and unsuccessful providers told in writing",
	 "Step 5: PSR 2023 reg 11(8); the letters to unsuccessful providers "
	 "give the reasons and the first and last days for representations "
	 "(Sch 9 paras 3-5; tenderplan check prints the dates).",
	 0},
	{"intention-to-award", TP_STAGE_INTENTION_TO_AWARD, 0, WD, PREV, -1,
	 "Notice of intention to award published",
	 "Step 6: on the central digital platform (PSR 2023 reg 11(9)-(10), "
	 "Sch 10). The standstill counts from the day it is published, not "
	 "submitted (reg 12(2)).",
	 0},
	{"standstill", TP_STAGE_STANDSTILL, 8, WD, NONE, -1,
	 "Standstill period", PSR_STANDSTILL_NOTES, STAT},
	{"award", TP_STAGE_AWARD, 0, WD, PREV, -1, "Contract entered into",
	 "Step 9: after the standstill has ended (PSR 2023 reg 11(15), "
	 "12(1)).",
	 0},
	{"award-notice", TP_STAGE_AWARD_NOTICE, 10, WD, "award", -1,
	 "Notice of the award submitted for publication",
	 "Step 10: within 30 days of the award (PSR 2023 reg 11(16)-(17), Sch "
	 "11). Practice: two weeks.",
	 0},
	END};

static const struct tpl_stage psr_direct_c[] = {
	{"review", TP_STAGE_EVALUATION, 20, WD, NONE, -1,
	 "Review of the existing provider",
	 "Step 1: is the existing provider satisfying the contract, and "
	 "likely to satisfy the new one, taking into account the key criteria "
	 "and applying the basic selection criteria (PSR 2023 reg 9(2))? "
	 "Direct Award Process C needs an existing contract due to expire, "
	 "the considerable change threshold not met (reg 6(5), (10)-(12)). "
	 "Practice: four weeks.",
	 0},
	{"governance-approval", TP_STAGE_GOVERNANCE_APPROVAL, 10, WD, PREV, -1,
	 "Decision to award to the existing provider",
	 "Practice: two weeks; record the decision-making (reg 24).", 0},
	{"intention-to-award", TP_STAGE_INTENTION_TO_AWARD, 0, WD, PREV, -1,
	 "Notice of intention to award to the existing provider published",
	 "Step 2: on the central digital platform (PSR 2023 reg 9(3)-(4), "
	 "Sch 3). The standstill counts from the day it is published (reg "
	 "9(5), 12(2)).",
	 0},
	{"standstill", TP_STAGE_STANDSTILL, 8, WD, NONE, -1,
	 "Standstill period", PSR_STANDSTILL_NOTES, STAT},
	{"award", TP_STAGE_AWARD, 0, WD, PREV, -1, "New contract entered into",
	 "Step 5: after the standstill has ended (PSR 2023 reg 9(9), 12(1)).",
	 0},
	{"award-notice", TP_STAGE_AWARD_NOTICE, 10, WD, "award", -1,
	 "Notice of the award submitted for publication",
	 "Step 6: within 30 days of the award (PSR 2023 reg 9(10)-(11), Sch "
	 "4). Practice: two weeks.",
	 0},
	{"mobilisation", TP_STAGE_MOBILISATION, 6, WK, "award", -1,
	 "Lead-in to the new contract",
	 "Practice: six weeks. The new contract replaces the existing one at "
	 "the end of its term (reg 6(5)(b)): set incumbent-end. Same provider, "
	 "so usually no TUPE transfer.",
	 0},
	{"contract-start", TP_STAGE_CONTRACT_START, 0, WD, PREV, -1,
	 "New contract starts", NULL, 0},
	END};

static const struct tpl_link psr_competitive_links[] = {
	CLOSE_LINKS, TUPE_LINK, PSR_STANDSTILL_LINK, LINK_END};
static const struct tpl_link psr_direct_c_links[] = {PSR_STANDSTILL_LINK,
						     LINK_END};

/* ---- Procurement Act 2023: direct award and call-off (#14) --------- */

static const struct tpl_stage pa2023_direct[] = {
	{"specification", TP_STAGE_SPECIFICATION, 10, WD, NONE, -1,
	 "Requirement and the direct award justification",
	 "Which paragraph of Schedule 5 applies and why (Procurement Act 2023 "
	 "s.41(1), (6)), or why no suitable tender was received (s.43); the "
	 "transparency notice states it (Procurement Regulations 2024 reg "
	 "26(2)(h)-(i), (o)). Practice: two weeks.",
	 0},
	{"approval-to-advertise", TP_STAGE_APPROVAL_TO_ADVERTISE, 5, WD, PREV,
	 -1, "Approval to award directly", "Practice: one week.", 0},
	{"transparency-notice", TP_STAGE_TRANSPARENCY_NOTICE, 0, WD, PREV, -1,
	 "Transparency notice published",
	 "Procurement Act 2023 s.44(1): before awarding under s.41 or s.43 (not "
	 "for a user choice contract, s.44(3)). It has no standstill of its "
	 "own.",
	 0},
	{"negotiation", TP_STAGE_CUSTOM, 10, WD, PREV, -1,
	 "Preliminary steps with the supplier",
	 "Procurement Act 2023 s.41(3): any selection process or preliminary "
	 "steps; no minimum period (s.54(3)-(4) are for competitive tendering "
	 "procedures). Practice: two weeks.",
	 0},
	{"governance-approval", TP_STAGE_GOVERNANCE_APPROVAL, 5, WD, PREV, -1,
	 "Award decision",
	 "Its date goes in the contract award notice (Procurement Regulations "
	 "2024 reg 27(2)(f)). Practice: one week.",
	 0},
	{"intention-to-award", TP_STAGE_INTENTION_TO_AWARD, 0, WD, PREV, -1,
	 "Contract award notice published",
	 "Procurement Act 2023 s.50(1); no assessment summaries (s.50(3) is for "
	 "competitive awards).",
	 0},
	{"standstill", TP_STAGE_STANDSTILL, 8, WD, NONE, -1,
	 "Standstill period",
	 "Procurement Act 2023 s.51(2): eight working days beginning with the "
	 "day the contract award notice is published; s.123: not a bank "
	 "holiday in any part of the UK. None for extreme and unavoidable "
	 "urgency (Sch 5 para 13), s.42 regulations or a private utility "
	 "(s.51(3)(a)-(c)): the notice then gives any date before which the "
	 "contract will not be entered into (Procurement Regulations 2024 reg "
	 "27(2)(s)).",
	 STAT},
	{"award", TP_STAGE_AWARD, 0, WD, PREV, -1, "Contract entered into",
	 "Procurement Act 2023 s.51(1): not before the standstill ends (or a "
	 "later end the notice states, s.51(1)(b)).",
	 0},
	{"award-notice", TP_STAGE_AWARD_NOTICE, 5, WD, "award", -1,
	 "Contract details notice published",
	 "Procurement Act 2023 s.53(1)(b): before the end of 30 days beginning "
	 "with the day the contract is entered into (120 for a light touch "
	 "contract, s.53(1)(a)). Practice: one week.",
	 0},
	END};

static const struct tpl_stage pa2023_call_off[] = {
	{"specification", TP_STAGE_SPECIFICATION, 10, WD, NONE, -1,
	 "Call-off specification",
	 "The regime follows the framework: a framework awarded before 24 Feb "
	 "2025 keeps PCR 2015 (SI 2024/716 reg 5(3)(a); set "
	 "framework-concluded). Practice: two weeks.",
	 0},
	{"itt-issue", TP_STAGE_ITT_ISSUE, 0, WD, PREV, -1,
	 "Invitation to the framework suppliers",
	 "Competitive selection process (Procurement Act 2023 s.45(3), s.46): "
	 "proposals assessed only against the framework's award criteria, "
	 "which may be refined (s.46(8)-(9)).",
	 0},
	{"tender-period", TP_STAGE_TENDER_PERIOD, 14, CD, PREV, -1,
	 "Period for proposals",
	 "No statutory minimum (s.54(3)-(4) are for competitive tendering "
	 "procedures); have regard to s.54(1). Practice: two weeks.",
	 DAY_AFTER},
	{"tender-deadline", TP_STAGE_TENDER_DEADLINE, 0, WD, NONE, NOON,
	 "Closing date for proposals", NULL, 0},
	{"evaluation", TP_STAGE_EVALUATION, 10, WD, PREV, -1, "Evaluation",
	 "Practice: two weeks.", 0},
	{"governance-approval", TP_STAGE_GOVERNANCE_APPROVAL, 5, WD, PREV, -1,
	 "Approval to award", "Practice.", 0},
	{"intention-to-award", TP_STAGE_INTENTION_TO_AWARD, 0, WD, PREV, -1,
	 "Contract award notice published",
	 "Procurement Act 2023 s.50(1), for a call-off at or above the "
	 "threshold (s.3(2)); it says the competitive selection process was "
	 "used (Procurement Regulations 2024 reg 27(2)(h)) and the standstill "
	 "end or a not-before date (reg 27(2)(s)).",
	 0},
	{"standstill", TP_STAGE_STANDSTILL, 8, WD, NONE, -1,
	 "Voluntary standstill",
	 "No mandatory standstill for a call-off (Procurement Act 2023 "
	 "s.51(3)(d)); a voluntary one in the contract award notice binds and "
	 "may not be shorter than eight working days beginning with the day "
	 "the notice is published (s.51(4)-(5), s.123). Practice: keep it.",
	 STAT},
	{"award", TP_STAGE_AWARD, 0, WD, PREV, -1,
	 "Call-off contract entered into",
	 "Procurement Act 2023 s.51(4): not before the voluntary standstill "
	 "ends.",
	 0},
	{"award-notice", TP_STAGE_AWARD_NOTICE, 5, WD, "award", -1,
	 "Contract details notice published",
	 "Procurement Act 2023 s.53(1)(b): before the end of 30 days beginning "
	 "with the day the contract is entered into. Practice: one week.",
	 0},
	{"mobilisation", TP_STAGE_MOBILISATION, 6, WK, "award", -1, "Lead-in",
	 "Practice: six weeks, which leaves room for employee liability "
	 "information 28 days before a transfer (TUPE 2006 reg 11(6)).",
	 0},
	{"contract-start", TP_STAGE_CONTRACT_START, 0, WD, PREV, -1,
	 "Call-off contract starts", NULL, 0},
	END};

/* The contract award notice starts the standstill the same day (s.51(2):
 * "beginning with the day"). */
#define PA_STANDSTILL_LINK                                                    \
	{                                                                     \
		"intention-to-award", "standstill", TP_DEP_START_TO_START, 0, \
			WD                                                    \
	}
static const struct tpl_link pa_direct_links[] = {TUPE_LINK, PA_STANDSTILL_LINK,
						  LINK_END};
static const struct tpl_link pa_call_off_links[] = {
	{"tender-period", "tender-deadline", TP_DEP_FINISH_TO_FINISH, 0, WD},
	PA_STANDSTILL_LINK,
	LINK_END};

/* ---- the table ---------------------------------------------------- */

#define MAX_PARTS 10

struct tpl {
	const char *id;
	const char *description;
	const char *regime, *procedure;
	unsigned claims;
	enum tp_region region;
	const struct tpl_stage *parts[MAX_PARTS];
	const struct tpl_link *links;
};

/* Practice: tenders through an e-tendering portal that holds every
 * document from the day of the notice, and notices sent by e-mail. */
#define E_TENDERS                                                       \
	(TP_CLAIM_ELECTRONIC_TENDERS | TP_CLAIM_DOCUMENTS_WITH_NOTICE | \
	 TP_CLAIM_ELECTRONIC_NOTICE)

static const struct tpl templates[] = {
	{"pcr2015-open",
	 "PCR 2015 open procedure (reg 27): notice, 35-day tender period, "
	 "evaluation, 10-day standstill, TUPE lead-in",
	 "pcr2015",
	 "open",
	 E_TENDERS,
	 TP_REGION_ENGLAND_AND_WALES,
	 {prep, pcr2015_open, tender_close, evaluation, pcr_award, tupe_tail},
	 open_links},
	{"pcr2015-restricted",
	 "PCR 2015 restricted procedure (reg 28): selection questionnaire, "
	 "shortlist, 30-day tender period, 10-day standstill",
	 "pcr2015",
	 "restricted",
	 E_TENDERS,
	 TP_REGION_ENGLAND_AND_WALES,
	 {prep, pcr2015_sq, sq_stage, pcr2015_restricted_tender, tender_close,
	  evaluation, pcr_award, tupe_tail},
	 restricted_links},
	{"pcr2015-cpn",
	 "PCR 2015 competitive procedure with negotiation (reg 29): "
	 "selection, initial tenders, negotiation, final tenders",
	 "pcr2015",
	 "negotiation",
	 E_TENDERS,
	 TP_REGION_ENGLAND_AND_WALES,
	 {prep, pcr2015_sq, sq_stage, pcr2015_cpn_tender, tender_close,
	  negotiation, evaluation, pcr_award, tupe_tail},
	 cpn_links},
	{"pcr2015-light-touch",
	 "PCR 2015 light touch regime (regs 74-77) for social and other "
	 "services: notice, 30-day tender period, 10-day standstill",
	 "pcr2015",
	 "light-touch",
	 E_TENDERS,
	 TP_REGION_ENGLAND_AND_WALES,
	 {prep, pcr2015_ltr_tender, tender_close, evaluation, pcr_award,
	  tupe_tail},
	 open_links},
	{"pcsr2015-open",
	 "PCSR 2015 open procedure (Scotland, reg 28): notice, 35-day tender "
	 "period, evaluation, 10-day standstill (reg 86), TUPE lead-in",
	 "pcsr2015",
	 "open",
	 E_TENDERS,
	 TP_REGION_SCOTLAND,
	 {prep, pcsr2015_open, tender_close, evaluation, pcsr_award, tupe_tail},
	 open_links},
	{"pcsr2015-restricted",
	 "PCSR 2015 restricted procedure (Scotland, reg 29): selection, "
	 "shortlist, 30-day tender period, 10-day standstill (reg 86)",
	 "pcsr2015",
	 "restricted",
	 E_TENDERS,
	 TP_REGION_SCOTLAND,
	 {prep, pcsr2015_sq, sq_stage, pcsr2015_restricted_tender, tender_close,
	  evaluation, pcsr_award, tupe_tail},
	 restricted_links},
	{"pa2023-open",
	 "Procurement Act 2023 open procedure (s.20(2)(a)): tender notice, "
	 "30-day tendering period, 8-working-day standstill",
	 "pa2023",
	 "open",
	 E_TENDERS,
	 TP_REGION_ENGLAND_AND_WALES,
	 {prep, pa2023_open, tender_close, evaluation, pa2023_award, tupe_tail},
	 pa_open_links},
	{"pa2023-competitive-flexible",
	 "Procurement Act 2023 competitive flexible procedure (s.20(2)(b)), "
	 "two stages: participation, tenders, negotiation, final tenders",
	 "pa2023",
	 "competitive-flexible",
	 E_TENDERS,
	 TP_REGION_ENGLAND_AND_WALES,
	 {prep, pa2023_cf_front, sq_stage, pa2023_cf_tender, tender_close,
	  negotiation, evaluation, pa2023_award, tupe_tail},
	 pa_cf_links},
	{"pcr2006-part-b",
	 "PCR 2006 Part B services as councils ran them (2011-2013): advert, "
	 "PQQ, ITT, evaluation, interviews, approval, voluntary standstill",
	 "pcr2006",
	 "part-b",
	 0,
	 TP_REGION_ENGLAND_AND_WALES,
	 {prep, part_b, part_b_tail},
	 part_b_links},
	{"rfq-below-threshold",
	 "Request for quotation below the thresholds: two-week quotation "
	 "period, no statutory standstill",
	 "none",
	 "below-threshold",
	 0,
	 TP_REGION_ENGLAND_AND_WALES,
	 {rfq},
	 simple_links},
	{"framework-call-off",
	 "Call-off (mini-competition) under a framework agreement: two-week "
	 "tender period, no mandatory standstill (PCR 2015 reg 86(5)(c))",
	 "pcr2015",
	 "call-off",
	 E_TENDERS,
	 TP_REGION_ENGLAND_AND_WALES,
	 {call_off},
	 simple_links},
	{"psr2023-competitive",
	 "NHS Provider Selection Regime (PSR 2023) Competitive Process (reg "
	 "11): notice inviting offers, assessment, notice of intention, "
	 "8-working-day standstill (reg 12), notice of the award",
	 "psr2023",
	 "competitive-process",
	 E_TENDERS,
	 TP_REGION_ENGLAND_AND_WALES,
	 {psr_prep, psr_evaluation, tupe_tail},
	 psr_competitive_links},
	{"psr2023-direct-award-c",
	 "NHS Provider Selection Regime (PSR 2023) Direct Award Process C (reg "
	 "9): review of the existing provider, notice of intention, "
	 "8-working-day standstill, new contract",
	 "psr2023",
	 "direct-award-c",
	 0,
	 TP_REGION_ENGLAND_AND_WALES,
	 {psr_direct_c},
	 psr_direct_c_links},
	{"pa2023-direct-award",
	 "Procurement Act 2023 direct award (s.41, Schedule 5; s.43): "
	 "transparency notice (s.44), contract award notice, "
	 "8-working-day standstill, contract details notice",
	 "pa2023",
	 "direct-award",
	 0,
	 TP_REGION_ENGLAND_AND_WALES,
	 {pa2023_direct, tupe_tail},
	 pa_direct_links},
	{"pa2023-call-off",
	 "Procurement Act 2023 call-off under a framework by competitive "
	 "selection process (s.46): two-week period, contract award notice, "
	 "voluntary standstill (s.51(3)(d), (4)-(5))",
	 "pa2023",
	 "call-off",
	 E_TENDERS,
	 TP_REGION_ENGLAND_AND_WALES,
	 {pa2023_call_off},
	 pa_call_off_links},
};

#define N_TEMPLATES (sizeof(templates) / sizeof(templates[0]))

size_t
tp_template_count(void)
{
	return N_TEMPLATES;
}

const char *
tp_template_id(size_t i)
{
	return i < N_TEMPLATES ? templates[i].id : NULL;
}

const char *
tp_template_description(size_t i)
{
	return i < N_TEMPLATES ? templates[i].description : NULL;
}

const char *
tp_template_regime(size_t i)
{
	return i < N_TEMPLATES ? templates[i].regime : NULL;
}

/* Where a regime's rules apply: PCR 2006 reg 1 and PCR 2015 reg 1(7) do
 * not extend to Scotland, PCSR 2015 reg 1(7) extends to Scotland only,
 * and devolved Scottish authorities stay under PCSR 2015 after the
 * Procurement Act 2023 came into force. */
static enum tp_status
check_jurisdiction(const struct tp_rules_config *r, enum tp_region region,
		   struct tp_error *err)
{
	bool scotland = region == TP_REGION_SCOTLAND;
	if (r->regime == TP_REGIME_PCSR2015 && !scotland)
		return tp_error_setf(
			err, TP_ERR_INVALID, NULL,
			"the Public Contracts (Scotland) Regulations 2015 "
			"extend to Scotland only (reg 1(7)): use a pcr2015 or "
			"pa2023 template for %s",
			tp_region_name(region));
	if (r->regime == TP_REGIME_PSR2023 &&
	    region != TP_REGION_ENGLAND_AND_WALES)
		return tp_error_setf(
			err, TP_ERR_INVALID, NULL,
			"the Provider Selection Regime (PSR 2023) applies in "
			"relation to England only (reg 1(2)): use a pa2023 or "
			"pcsr2015 template for %s",
			tp_region_name(region));
	if (scotland && (r->regime == TP_REGIME_PCR2015 ||
			 r->regime == TP_REGIME_PCR2006 ||
			 r->regime == TP_REGIME_PA2023))
		return tp_error_setf(
			err, TP_ERR_INVALID, NULL,
			"%s does not apply to devolved Scottish authorities "
			"(%s): use pcsr2015-open or pcsr2015-restricted",
			tp_regime_title(r->regime),
			r->regime == TP_REGIME_PA2023
				? "they keep the Public Contracts (Scotland) "
				  "Regulations 2015"
				: "the Regulations do not extend to Scotland");
	return TP_OK;
}

enum tp_status
tp_template_set_region(struct tp_plan_doc *doc, enum tp_region region,
		       struct tp_error *err)
{
	struct tp_rules_config r;
	enum tp_status rc;

	if (!doc || !tp_region_name(region))
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "tp_template_set_region needs a document "
				     "and a region");
	r = *tp_plan_doc_rules(doc);
	if (region == TP_REGION_ENGLAND_AND_WALES ||
	    region == TP_REGION_SCOTLAND ||
	    region == TP_REGION_NORTHERN_IRELAND) {
		if ((rc = check_jurisdiction(&r, region, err)))
			return rc;
		r.jurisdiction = region;
		if ((rc = tp_plan_doc_set_rules(doc, &r, err)))
			return rc;
	}
	tp_plan_doc_set_region(doc, region);
	return TP_OK;
}

/* ---- building ----------------------------------------------------- */

static enum tp_status
add_tpl_stage(struct tp_plan *plan, const struct tpl_stage *s, const char *prev,
	      struct tp_error *err)
{
	size_t index;
	const char *after = s->after ? s->after : prev;
	enum tp_status rc = tp_plan_add_stage(plan, s->id, s->name, s->kind,
					      s->amount, s->unit, &index, err);

	if (rc == TP_OK && s->minutes >= 0)
		rc = tp_plan_set_stage_time(plan, index, s->minutes, err);
	if (rc == TP_OK && s->notes)
		rc = tp_plan_set_stage_notes(plan, index, s->notes, err);
	if (rc == TP_OK && (s->flags & STAT))
		rc = tp_plan_set_stage_calendar(
			plan, index, TP_STAGE_CALENDAR_STATUTORY, err);
	if (rc == TP_OK && after && strcmp(after, NONE) != 0)
		rc = tp_plan_add_dependency(
			plan, after, s->id, TP_DEP_FINISH_TO_START, 0,
			(s->flags & DAY_AFTER) ? TP_UNIT_CALENDAR_DAYS
					       : TP_UNIT_WORKING_DAYS,
			err);
	return rc;
}

static enum tp_status
add_parts(struct tp_plan *plan, const struct tpl *t, struct tp_error *err)
{
	const char *prev = NULL;
	enum tp_status rc = TP_OK;

	for (size_t p = 0; p < MAX_PARTS && t->parts[p] && rc == TP_OK; p++)
		for (const struct tpl_stage *s = t->parts[p];
		     s->id && rc == TP_OK; s++) {
			rc = add_tpl_stage(plan, s, prev, err);
			prev = s->id;
		}
	for (const struct tpl_link *l = t->links; l->from && rc == TP_OK; l++)
		rc = tp_plan_add_dependency(plan, l->from, l->to, l->type,
					    l->lag, l->unit, err);
	return rc;
}

static enum tp_status
set_rules(struct tp_plan_doc *doc, const struct tpl *t, struct tp_error *err)
{
	struct tp_rules_config r;
	enum tp_status rc;

	tp_rules_config_init(&r);
	rc = tp_regime_from_name(t->regime, &r.regime, err);
	if (rc == TP_OK)
		rc = tp_procedure_from_name(t->procedure, &r.procedure, err);
	if (rc != TP_OK)
		return rc;
	r.claims = t->claims;
	/* The PSR templates buy health care services for the health service
	 * in England (PSR 2023 reg 3(1)). */
	if (r.regime == TP_REGIME_PSR2023)
		r.health_service = TP_HEALTH_SERVICE_ENGLAND;
	if (t->region == TP_REGION_SCOTLAND ||
	    t->region == TP_REGION_NORTHERN_IRELAND)
		r.jurisdiction = t->region;
	/* Practice: warn when award to start is shorter than the TUPE 2006
	 * reg 11(6) 28 days plus two weeks of consultation. */
	r.min_lead_in_days = 42;
	return tp_plan_doc_set_rules(doc, &r, err);
}

static const struct tpl *
find_template(const char *id)
{
	for (size_t i = 0; id && i < N_TEMPLATES; i++)
		if (!strcmp(templates[i].id, id))
			return &templates[i];
	return NULL;
}

enum tp_status
tp_template_new(const char *id, struct tp_plan_doc **out, struct tp_error *err)
{
	if (!out)
		return tp_error_null(err, __func__);
	const struct tpl *t = find_template(id);
	struct tp_plan_doc *doc = NULL;
	enum tp_status rc;

	if (!t)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "unknown template '%s' (see 'tenderplan "
				     "templates')",
				     id ? id : "");
	rc = tp_plan_doc_new(&doc, err);
	if (rc == TP_OK)
		rc = tp_plan_set_id(doc->plan, t->id, err);
	if (rc == TP_OK)
		rc = tp_plan_set_name(doc->plan, t->description, err);
	if (rc == TP_OK)
		rc = add_parts(doc->plan, t, err);
	if (rc == TP_OK)
		rc = set_rules(doc, t, err);
	if (rc != TP_OK) {
		tp_plan_doc_free(doc);
		return rc;
	}
	doc->region = t->region;
	*out = doc;
	return TP_OK;
}
