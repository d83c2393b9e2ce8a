/* SPDX-License-Identifier: MIT */
/* Minimum time limits of the Public Contracts Regulations 2015 (SI
 * 2015/102), Part 2, and of the Public Contracts (Scotland) Regulations
 * 2015 (SSI 2015/446), which have the same figures one regulation later
 * and with other paragraph numbers. Periods run from the day after the
 * notice or invitation is sent (PCR reg 2(3)(b), PCSR reg 2(4)(a)).
 *
 * Text read from legislation.gov.uk (revised PCR 2015 to 1 Apr 2018; PCSR
 * 2015 as made), via legalize-dev/legalize-uk:
 *   PCR 2015  open 27(2),(4)-(6); restricted 28(2),(5)-(10); competitive
 *             procedure with negotiation 29(4)-(10); competitive dialogue
 *             30(2); innovation partnership 31(5); call-off 33(11)(b);
 *             light touch 76(6); documents not electronic 53(5).
 *   PCSR 2015 open 28(3)-(6); restricted 29(3),(6)-(11); competitive
 *             procedure with negotiation 30(5)-(11); competitive dialogue
 *             31(3); innovation partnership 32(11); call-off 34(10)(b);
 *             light touch 76(7); documents not electronic 54(5).
 * Sub-central authorities (all but central government, reg 2(1) of each)
 * may agree the tender period of the two-stage procedures with the
 * selected candidates, and without agreement it is at least 10 days (PCR
 * 28(7)-(8), 29(7)-(8); PCSR 29(8)-(9), 30(8)-(9)); only central
 * government is held to 30 days (25 with electronic tenders). */
#include "config.h"

#include "error-private.h"
#include "rules-private.h"

#define HAS(c) ((claims & (c)) != 0)

/* Citations of one procedure under one instrument; each tender minimum
 * also with the 5 days for documents not offered electronically. */
struct cite2 {
	const char *plain, *docs;
};
struct cites {
	const char *requests, *requests_urgent, *tenders_urgent;
	struct cite2 tenders, pin, sub_central, electronic;
};

#define PCR "PCR 2015 reg "
#define PCSR "PCSR 2015 reg "

static const struct cites pcr_open = {
	NULL,
	NULL,
	PCR "27(5)",
	{PCR "27(2)", PCR "27(2), 53(5)"},
	{PCR "27(4)", PCR "27(4), 53(5)"},
	{NULL, NULL},
	{PCR "27(2), 27(6)", PCR "27(2), 27(6), 53(5)"},
};
static const struct cites pcsr_open = {
	NULL,
	NULL,
	PCSR "28(5)",
	{PCSR "28(3)", PCSR "28(3), 54(5)"},
	{PCSR "28(4)", PCSR "28(4), 54(5)"},
	{NULL, NULL},
	{PCSR "28(3), 28(6)", PCSR "28(3), 28(6), 54(5)"},
};
static const struct cites pcr_restricted = {
	PCR "28(2)",
	PCR "28(10)(a)",
	PCR "28(10)(b)",
	{PCR "28(5)", PCR "28(5), 53(5)"},
	{PCR "28(6)", PCR "28(6), 53(5)"},
	{PCR "28(7)-(8)", PCR "28(7)-(8), 53(5)"},
	{PCR "28(5), 28(9)", PCR "28(5), 28(9), 53(5)"},
};
static const struct cites pcr_negotiation = {
	PCR "29(4)",
	PCR "29(10)(a)",
	PCR "29(10)(b)",
	{PCR "29(5)", PCR "29(5), 53(5)"},
	{PCR "29(6)", PCR "29(6), 53(5)"},
	{PCR "29(7)-(8)", PCR "29(7)-(8), 53(5)"},
	{PCR "29(5), 29(9)", PCR "29(5), 29(9), 53(5)"},
};
static const struct cites pcsr_restricted = {
	PCSR "29(3)",
	PCSR "29(11)(a)",
	PCSR "29(11)(b)",
	{PCSR "29(6)", PCSR "29(6), 54(5)"},
	{PCSR "29(7)", PCSR "29(7), 54(5)"},
	{PCSR "29(8)-(9)", PCSR "29(8)-(9), 54(5)"},
	{PCSR "29(6), 29(10)", PCSR "29(6), 29(10), 54(5)"},
};
static const struct cites pcsr_negotiation = {
	PCSR "30(5)",
	PCSR "30(11)(a)",
	PCSR "30(11)(b)",
	{PCSR "30(6)", PCSR "30(6), 54(5)"},
	{PCSR "30(7)", PCSR "30(7), 54(5)"},
	{PCSR "30(8)-(9)", PCSR "30(8)-(9), 54(5)"},
	{PCSR "30(6), 30(10)", PCSR "30(6), 30(10), 54(5)"},
};

/* A tender minimum, with PCR reg 53(5) / PCSR reg 54(5): documents not
 * offered electronically from the notice prolong it by 5 days, except
 * under urgency. @plain and @with_docs are the two explanations. */
static enum tp_status
tender_min(unsigned claims, struct tp_min_period *out, int32_t days,
	   struct cite2 cite, const char *plain, const char *with_docs)
{
	if (HAS(TP_CLAIM_DOCUMENTS_WITH_NOTICE) || HAS(TP_CLAIM_URGENCY))
		return tp_min_period_set(out, days, cite.plain, plain);
	return tp_min_period_set(out, days + 5, cite.docs, with_docs);
}

static enum tp_status
open_tenders(const struct cites *c, unsigned claims,
	     struct tp_min_period *out)
{
	if (HAS(TP_CLAIM_URGENCY))
		return tp_min_period_set(out, 15, c->tenders_urgent,
					 "15 days: state of urgency");
	if (HAS(TP_CLAIM_PIN))
		return tender_min(claims, out, 15, c->pin,
				  "15 days after a prior information notice",
				  "15 days after a prior information notice, "
				  "plus 5: documents not all offered "
				  "electronically");
	if (HAS(TP_CLAIM_ELECTRONIC_TENDERS))
		return tender_min(claims, out, 30, c->electronic,
				  "35 days, less 5 for electronic tenders",
				  "35 days, less 5 for electronic tenders, "
				  "plus 5: documents not all offered "
				  "electronically");
	return tender_min(claims, out, 35, c->tenders,
			  "35 days from the contract notice",
			  "35 days from the contract notice, plus 5: "
			  "documents not all offered electronically");
}

static enum tp_status
requests(const struct cites *c, unsigned claims, struct tp_min_period *out)
{
	return HAS(TP_CLAIM_URGENCY)
		       ? tp_min_period_set(out, 15, c->requests_urgent,
					   "15 days: state of urgency")
		       : tp_min_period_set(out, 30, c->requests,
					   "30 days from the contract notice");
}

/* Tenders of a sub-central authority: agreed, or at least 10 days. */
static enum tp_status
sub_central_tenders(const struct cites *c, unsigned claims,
		    struct tp_min_period *out)
{
	if (HAS(TP_CLAIM_AGREED_PERIOD))
		return tp_min_period_set(out, -1, c->sub_central.plain,
					 "period agreed with all selected "
					 "candidates (sub-central authority): "
					 "no fixed minimum");
	if (HAS(TP_CLAIM_URGENCY))
		return tp_min_period_set(out, 10, c->tenders_urgent,
					 "10 days: state of urgency");
	return tender_min(claims, out, 10, c->sub_central,
			  "10 days: sub-central authority without an agreed "
			  "period",
			  "10 days: sub-central authority without an agreed "
			  "period, plus 5: documents not all offered "
			  "electronically");
}

/* Tenders of a central government authority (an agreed period is not
 * open to it). */
static enum tp_status
central_tenders(const struct cites *c, unsigned claims,
		struct tp_min_period *out)
{
	if (HAS(TP_CLAIM_URGENCY))
		return tp_min_period_set(out, 10, c->tenders_urgent,
					 "10 days: state of urgency");
	if (HAS(TP_CLAIM_PIN))
		return tender_min(claims, out, 10, c->pin,
				  "10 days after a prior information notice",
				  "10 days after a prior information notice, "
				  "plus 5: documents not all offered "
				  "electronically");
	if (HAS(TP_CLAIM_ELECTRONIC_TENDERS))
		return tender_min(claims, out, 25, c->electronic,
				  "30 days from the invitation, less 5 for "
				  "electronic tenders (central government)",
				  "30 days from the invitation, less 5 for "
				  "electronic tenders (central government), "
				  "plus 5: documents not all offered "
				  "electronically");
	return tender_min(claims, out, 30, c->tenders,
			  "30 days from the invitation to tender (central "
			  "government)",
			  "30 days from the invitation to tender (central "
			  "government), plus 5: documents not all offered "
			  "electronically");
}

static enum tp_status
two_stage(const struct cites *c, enum tp_period_kind kind, unsigned claims,
	  enum tp_authority authority, struct tp_min_period *out)
{
	if (kind == TP_PERIOD_PARTICIPATION)
		return requests(c, claims, out);
	return authority == TP_AUTHORITY_CENTRAL_GOVERNMENT
		       ? central_tenders(c, claims, out)
		       : sub_central_tenders(c, claims, out);
}

/* Competitive dialogue and innovation partnership: 30 days for requests
 * (no urgency reduction: they are not accelerated procedures, reg 2(1));
 * no fixed minimum for tenders. */
static enum tp_status
requests_only(enum tp_period_kind kind, const char *requests,
	      const char *reg, struct tp_min_period *out)
{
	return kind == TP_PERIOD_PARTICIPATION
		       ? tp_min_period_set(out, 30, requests,
					   "30 days from the contract notice")
		       : tp_min_period_set(out, -1, reg,
					   "no fixed minimum for tenders");
}

enum tp_status
tp_pcr2015_min_period(enum tp_procedure proc, enum tp_period_kind kind,
		      unsigned claims, bool sc, enum tp_authority authority,
		      struct tp_min_period *out, struct tp_error *err)
{
	const char *name = sc ? "PCSR 2015" : "PCR 2015";

	switch (proc) {
	case TP_PROC_OPEN:
		if (kind == TP_PERIOD_PARTICIPATION)
			return tp_min_period_set(out, -1,
						 sc ? "PCSR 2015 reg 28"
						    : "PCR 2015 reg 27",
						 "the open procedure has no "
						 "participation stage");
		return open_tenders(sc ? &pcsr_open : &pcr_open, claims, out);
	case TP_PROC_RESTRICTED:
		return two_stage(sc ? &pcsr_restricted : &pcr_restricted, kind,
				 claims, authority, out);
	case TP_PROC_NEGOTIATION:
		return two_stage(sc ? &pcsr_negotiation : &pcr_negotiation,
				 kind, claims, authority, out);
	case TP_PROC_COMPETITIVE_DIALOGUE:
		return sc ? requests_only(kind, "PCSR 2015 reg 31(3)",
					  "PCSR 2015 reg 31", out)
			  : requests_only(kind, "PCR 2015 reg 30(2)",
					  "PCR 2015 reg 30", out);
	case TP_PROC_INNOVATION_PARTNERSHIP:
		return sc ? requests_only(kind, "PCSR 2015 reg 32(11)",
					  "PCSR 2015 reg 32", out)
			  : requests_only(kind, "PCR 2015 reg 31(5)",
					  "PCR 2015 reg 31", out);
	case TP_PROC_LIGHT_TOUCH:
		return tp_min_period_set(out, -1,
					 sc ? "PCSR 2015 reg 76(7)"
					    : "PCR 2015 reg 76(6)",
					 "no statutory minimum; time limits "
					 "must be reasonable and proportionate");
	case TP_PROC_CALL_OFF:
		return tp_min_period_set(out, -1,
					 sc ? "PCSR 2015 reg 34(10)(b)"
					    : "PCR 2015 reg 33(11)(b)",
					 "no fixed minimum; a time limit "
					 "sufficiently long for tenders");
	case TP_PROC_BELOW_THRESHOLD:
		return tp_min_period_set(out, -1, "",
					 "no statutory minimum below the "
					 "thresholds");
	case TP_PROC_PART_B:
		return tp_error_setf(err, TP_ERR_RULE, NULL,
				     "%s has no Part B services (they were "
				     "replaced by the light touch regime)",
				     name);
	case TP_PROC_DIRECT_AWARD:
		/* PCR 2015 reg 32: the negotiated procedure without prior
		 * publication sets no time limits. The PCSR 2015 equivalent
		 * was not read. */
		if (sc)
			return tp_error_setf(err, TP_ERR_RULE, NULL,
					     "direct award is not modelled "
					     "for PCSR 2015");
		return tp_min_period_set(out, -1, "PCR 2015 reg 32",
					 "no time limits: negotiated procedure "
					 "without prior publication");
	case TP_PROC_PSR_A:
	case TP_PROC_PSR_B:
	case TP_PROC_PSR_C:
	case TP_PROC_PSR_MSP:
	case TP_PROC_PSR_COMPETITIVE:
		return tp_error_setf(err, TP_ERR_RULE, NULL,
				     "%s is a process of the Provider "
				     "Selection Regime (PSR 2023), not of %s",
				     tp_procedure_name(proc), name);
	case TP_PROC_COMPETITIVE_FLEXIBLE:
		break;
	}
	return tp_error_setf(err, TP_ERR_RULE, NULL,
			     "%s has no %s procedure (that is the Procurement "
			     "Act 2023's)",
			     name, tp_procedure_name(proc));
}
