/* SPDX-License-Identifier: MIT */
/* Minimum time limits of the Public Contracts Regulations 2006 (SI
 * 2006/5), regs 15-18, as amended to 2011. Periods run from the day after
 * the notice is sent (reg 2(4)). Part B services (reg 5(2)) have none. */
#include "config.h"

#include "error-private.h"
#include "rules-private.h"

#define HAS(c) ((claims & (c)) != 0)

/* Reductions for an electronic notice (-7) and electronic access to the
 * documents (-5) may be combined (reg 15(13)). */
static int32_t
reductions(unsigned claims)
{
	return (HAS(TP_CLAIM_ELECTRONIC_NOTICE) ? 7 : 0) +
	       (HAS(TP_CLAIM_DOCUMENTS_WITH_NOTICE) ? 5 : 0);
}

static enum tp_status
open_tenders(unsigned claims, struct tp_min_period *out)
{
	/* reg 15(7): after a PIN, "generally not less than 36 days and in
	 * any event not less than 22 days"; we use the 36-day figure. */
	if (HAS(TP_CLAIM_PIN))
		return tp_min_period_set(out, 36 - reductions(claims),
					 "PCR 2006 reg 15(7), 15(5)-(6)",
					 "36 days after a prior information "
					 "notice, less the reductions for "
					 "electronic means");
	return tp_min_period_set(out, 52 - reductions(claims),
				 "PCR 2006 reg 15(3), 15(5)-(6)",
				 "52 days from the contract notice, less the "
				 "reductions for electronic means");
}

/* Requests to participate: restricted reg 16(3), negotiated reg 17(5),
 * dialogue reg 18(7): 37 days, less 7 for an electronic notice; urgency
 * (not for dialogue) 15 days, or 10 with an electronic notice. */
static enum tp_status
requests(enum tp_procedure proc, unsigned claims, struct tp_min_period *out)
{
	bool e = HAS(TP_CLAIM_ELECTRONIC_NOTICE);
	if (HAS(TP_CLAIM_URGENCY) && proc != TP_PROC_COMPETITIVE_DIALOGUE)
		return tp_min_period_set(out, e ? 10 : 15,
					 proc == TP_PROC_RESTRICTED
						 ? "PCR 2006 reg 16(6)"
						 : "PCR 2006 reg 17",
					 "state of urgency");
	return tp_min_period_set(out, 37 - (e ? 7 : 0),
				 proc == TP_PROC_RESTRICTED
					 ? "PCR 2006 reg 16(3), 16(5)"
				 : proc == TP_PROC_NEGOTIATION
					 ? "PCR 2006 reg 17(5)"
					 : "PCR 2006 reg 18(7), 18(9)",
				 "37 days from the contract notice, less 7 "
				 "for an electronic notice");
}

static enum tp_status
restricted_tenders(unsigned claims, struct tp_min_period *out)
{
	int32_t e = HAS(TP_CLAIM_DOCUMENTS_WITH_NOTICE) ? 5 : 0;
	if (HAS(TP_CLAIM_URGENCY))
		return tp_min_period_set(out, 10, "PCR 2006 reg 16(17)",
					 "10 days: state of urgency");
	if (HAS(TP_CLAIM_PIN))
		return tp_min_period_set(out, 36 - e,
					 "PCR 2006 reg 16(18), 16(19)",
					 "36 days after a prior information "
					 "notice");
	return tp_min_period_set(out, 40 - e, "PCR 2006 reg 16(16), 16(19)",
				 "40 days from the invitation to tender, less "
				 "5 for electronic access to the documents");
}

enum tp_status
tp_pcr2006_min_period(enum tp_procedure proc, enum tp_period_kind kind,
		      unsigned claims, struct tp_min_period *out,
		      struct tp_error *err)
{
	switch (proc) {
	case TP_PROC_OPEN:
		if (kind == TP_PERIOD_PARTICIPATION)
			return tp_min_period_set(out, -1, "PCR 2006 reg 15",
						 "the open procedure has no "
						 "participation stage");
		return open_tenders(claims, out);
	case TP_PROC_RESTRICTED:
		if (kind == TP_PERIOD_PARTICIPATION)
			return requests(proc, claims, out);
		return restricted_tenders(claims, out);
	case TP_PROC_NEGOTIATION:
	case TP_PROC_COMPETITIVE_DIALOGUE:
		if (kind == TP_PERIOD_PARTICIPATION)
			return requests(proc, claims, out);
		return tp_min_period_set(out, -1,
					 proc == TP_PROC_NEGOTIATION
						 ? "PCR 2006 reg 17"
						 : "PCR 2006 reg 18",
					 "no fixed minimum for tenders");
	case TP_PROC_PART_B:
		return tp_min_period_set(out, -1, "PCR 2006 reg 5(2)",
					 "Part B services: only Parts 1, 9 and "
					 "10 and regs 9, 31, 40(2), 41 and 42 "
					 "apply, so no minimum periods");
	case TP_PROC_CALL_OFF:
		return tp_min_period_set(out, -1, "PCR 2006 reg 19",
					 "no fixed minimum for call-offs");
	case TP_PROC_BELOW_THRESHOLD:
		return tp_min_period_set(out, -1, "",
					 "no statutory minimum below the "
					 "thresholds");
	case TP_PROC_LIGHT_TOUCH:
		return tp_error_setf(err, TP_ERR_RULE, NULL,
				     "PCR 2006 has no light touch regime: "
				     "services of that kind were Part B "
				     "services (use part-b)");
	case TP_PROC_DIRECT_AWARD:
		return tp_error_setf(err, TP_ERR_RULE, NULL,
				     "direct award (the negotiated procedure "
				     "without a notice) is not modelled for "
				     "PCR 2006");
	case TP_PROC_INNOVATION_PARTNERSHIP:
	case TP_PROC_COMPETITIVE_FLEXIBLE:
	case TP_PROC_PSR_A:
	case TP_PROC_PSR_B:
	case TP_PROC_PSR_C:
	case TP_PROC_PSR_MSP:
	case TP_PROC_PSR_COMPETITIVE:
		break;
	}
	return tp_error_setf(err, TP_ERR_RULE, NULL,
			     "the %s procedure does not exist under PCR 2006",
			     tp_procedure_name(proc));
}
