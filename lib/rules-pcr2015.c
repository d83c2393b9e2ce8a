/* SPDX-License-Identifier: MIT */
/* Minimum time limits of the Public Contracts Regulations 2015 (SI
 * 2015/102), Part 2, and of the Public Contracts (Scotland) Regulations
 * 2015 (SSI 2015/446), which repeat the figures one regulation later for
 * the open and restricted procedures (PCSR 2015 regs 28 and 29). Periods
 * run from the day after the notice or invitation is sent (reg 2(3)(b)).
 * Text read from legislation.gov.uk (revised, 1 Apr 2018). */
#include "config.h"

#include "error-private.h"
#include "rules-private.h"

#define HAS(c) ((claims & (c)) != 0)

/* reg 53(5): documents not offered electronically from the notice add 5
 * days, except under urgency. */
static int32_t
docs_extra(unsigned claims)
{
	return HAS(TP_CLAIM_DOCUMENTS_WITH_NOTICE) || HAS(TP_CLAIM_URGENCY)
		       ? 0
		       : 5;
}

static enum tp_status
open_tenders(unsigned claims, bool sc, struct tp_min_period *out)
{
	if (HAS(TP_CLAIM_URGENCY))
		return tp_min_period_set(out, 15,
					 sc ? "PCSR 2015 reg 28(5)"
					    : "PCR 2015 reg 27(5)",
					 "15 days: state of urgency");
	if (HAS(TP_CLAIM_PIN))
		return tp_min_period_set(out, 15 + docs_extra(claims),
					 sc ? "PCSR 2015 reg 28(3)-(4)"
					    : "PCR 2015 reg 27(3)-(4), 53(5)",
					 "15 days after a prior information "
					 "notice");
	if (HAS(TP_CLAIM_ELECTRONIC_TENDERS))
		return tp_min_period_set(out, 30 + docs_extra(claims),
					 sc ? "PCSR 2015 reg 28(2), 28(6)"
					    : "PCR 2015 reg 27(2), 27(6), 53(5)",
					 "35 days, less 5 for electronic "
					 "tenders");
	return tp_min_period_set(out, 35 + docs_extra(claims),
				 sc ? "PCSR 2015 reg 28(2)"
				    : "PCR 2015 reg 27(2), 53(5)",
				 "35 days from the contract notice");
}

/* Restricted (reg 28) and competitive procedure with negotiation (reg 29)
 * have the same limits; the paragraph numbers differ. */
struct two_stage_cites {
	const char *requests, *requests_urgent, *tenders, *pin, *agreed,
		*electronic, *tenders_urgent;
};

static const struct two_stage_cites restricted_cites = {
	"PCR 2015 reg 28(2)",    "PCR 2015 reg 28(10)(a)",
	"PCR 2015 reg 28(5), 53(5)", "PCR 2015 reg 28(6)",
	"PCR 2015 reg 28(7)",    "PCR 2015 reg 28(5), 28(9), 53(5)",
	"PCR 2015 reg 28(10)(b)",
};
static const struct two_stage_cites negotiation_cites = {
	"PCR 2015 reg 29(4)",    "PCR 2015 reg 29(10)(a)",
	"PCR 2015 reg 29(5), 53(5)", "PCR 2015 reg 29(6)",
	"PCR 2015 reg 29(7)",    "PCR 2015 reg 29(5), 29(9), 53(5)",
	"PCR 2015 reg 29(10)(b)",
};
static const struct two_stage_cites scottish_restricted_cites = {
	"PCSR 2015 reg 29(2)",   "PCSR 2015 reg 29",
	"PCSR 2015 reg 29",      "PCSR 2015 reg 29",
	"PCSR 2015 reg 29",      "PCSR 2015 reg 29",
	"PCSR 2015 reg 29",
};

static enum tp_status
two_stage(const struct two_stage_cites *c, enum tp_period_kind kind,
	  unsigned claims, struct tp_min_period *out)
{
	if (kind == TP_PERIOD_PARTICIPATION)
		return HAS(TP_CLAIM_URGENCY)
			       ? tp_min_period_set(out, 15, c->requests_urgent,
						   "15 days: state of urgency")
			       : tp_min_period_set(out, 30, c->requests,
						   "30 days from the contract "
						   "notice");
	if (HAS(TP_CLAIM_AGREED_PERIOD))
		return tp_min_period_set(out, -1, c->agreed,
					 "period agreed with all selected "
					 "candidates (sub-central authority)");
	if (HAS(TP_CLAIM_URGENCY))
		return tp_min_period_set(out, 10, c->tenders_urgent,
					 "10 days: state of urgency");
	if (HAS(TP_CLAIM_PIN))
		return tp_min_period_set(out, 10, c->pin,
					 "10 days after a prior information "
					 "notice");
	if (HAS(TP_CLAIM_ELECTRONIC_TENDERS))
		return tp_min_period_set(out, 25 + docs_extra(claims),
					 c->electronic,
					 "30 days from the invitation, less 5 "
					 "for electronic tenders");
	return tp_min_period_set(out, 30 + docs_extra(claims), c->tenders,
				 "30 days from the invitation to tender");
}

enum tp_status
tp_pcr2015_min_period(enum tp_procedure proc, enum tp_period_kind kind,
		      unsigned claims, bool sc, struct tp_min_period *out,
		      struct tp_error *err)
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
		return open_tenders(claims, sc, out);
	case TP_PROC_RESTRICTED:
		return two_stage(sc ? &scottish_restricted_cites
				    : &restricted_cites,
				 kind, claims, out);
	case TP_PROC_NEGOTIATION:
		if (sc)
			break;
		return two_stage(&negotiation_cites, kind, claims, out);
	case TP_PROC_COMPETITIVE_DIALOGUE:
		if (sc)
			break;
		return kind == TP_PERIOD_PARTICIPATION
			       ? tp_min_period_set(out, 30, "PCR 2015 reg 30(2)",
						   "30 days from the contract "
						   "notice")
			       : tp_min_period_set(out, -1, "PCR 2015 reg 30",
						   "no fixed minimum for "
						   "tenders");
	case TP_PROC_INNOVATION_PARTNERSHIP:
		if (sc)
			break;
		return kind == TP_PERIOD_PARTICIPATION
			       ? tp_min_period_set(out, 30, "PCR 2015 reg 31(5)",
						   "30 days from the contract "
						   "notice")
			       : tp_min_period_set(out, -1, "PCR 2015 reg 31",
						   "no fixed minimum for "
						   "tenders");
	case TP_PROC_LIGHT_TOUCH:
		return tp_min_period_set(out, -1,
					 sc ? "PCSR 2015 regs 74-77"
					    : "PCR 2015 regs 74-77, reg 76(4)",
					 "no statutory minimum; time limits "
					 "must be reasonable and proportionate");
	case TP_PROC_CALL_OFF:
		return tp_min_period_set(out, -1,
					 sc ? "PCSR 2015 reg 34"
					    : "PCR 2015 reg 33(11)(c)",
					 "no fixed minimum; a time limit long "
					 "enough for tenders");
	case TP_PROC_BELOW_THRESHOLD:
		return tp_min_period_set(out, -1, "",
					 "no statutory minimum below the "
					 "thresholds");
	case TP_PROC_PART_B:
		return tp_error_setf(err, TP_ERR_RULE, NULL,
				     "%s has no Part B services (they were "
				     "replaced by the light touch regime)",
				     name);
	case TP_PROC_COMPETITIVE_FLEXIBLE:
		break;
	}
	return tp_error_setf(err, TP_ERR_RULE, NULL,
			     "the %s procedure is not modelled under %s",
			     tp_procedure_name(proc), name);
}
