/* SPDX-License-Identifier: MIT */
/* Minimum participation and tendering periods of the Procurement Act 2023
 * s.54(3) and (4) (text read from legislation.gov.uk, revised to 12 Mar
 * 2024). A period begins with the day after the invitation and ends with
 * the deadline day (s.54(5)). Where several rows apply the shortest
 * minimum is the one that binds (s.54(3)-(4), "the shortest"). */
#include "config.h"

#include "error-private.h"
#include "rules-private.h"

#define HAS(c) ((claims & (c)) != 0)

static enum tp_status
participation(enum tp_procedure proc, unsigned claims,
	      struct tp_min_period *out)
{
	if (proc == TP_PROC_LIGHT_TOUCH)
		return tp_min_period_set(out, -1, "Procurement Act 2023 s.54(3)",
					 "no minimum for a light touch "
					 "contract");
	if (HAS(TP_CLAIM_URGENCY))
		return tp_min_period_set(out, 10, "Procurement Act 2023 s.54(3)",
					 "10 days: state of urgency");
	return tp_min_period_set(out, 25, "Procurement Act 2023 s.54(3)",
				 "25 days");
}

/* s.54(4): the rows for a negotiated tendering period and for tenders only
 * from pre-selected suppliers apply where "The contract— being awarded is a
 * utilities contract, or is being awarded by a contracting authority that
 * is not a central government authority" (Sch 1 para 5; Procurement
 * Regulations 2024 reg 44, Sch 2); the dynamic market row ("awarded by
 * reference to suppliers' membership of a dynamic market — 10 days") has
 * no authority condition. */
static enum tp_status
tendering(enum tp_procedure proc, unsigned claims, enum tp_authority who,
	  struct tp_min_period *out)
{
	static const char cite[] = "Procurement Act 2023 s.54(4)";
	bool e = HAS(TP_CLAIM_ELECTRONIC_TENDERS);
	bool docs = HAS(TP_CLAIM_DOCUMENTS_WITH_NOTICE);
	bool sub_central = who != TP_AUTHORITY_CENTRAL_GOVERNMENT ||
			   HAS(TP_CLAIM_UTILITIES_CONTRACT);

	if (proc == TP_PROC_LIGHT_TOUCH)
		return tp_min_period_set(out, -1, cite,
					 "no minimum for a light touch "
					 "contract");
	if (sub_central && HAS(TP_CLAIM_AGREED_PERIOD))
		return tp_min_period_set(out, -1, cite,
					 "no minimum: tendering period agreed "
					 "with the pre-selected suppliers");
	if (sub_central && HAS(TP_CLAIM_PRESELECTED))
		return tp_min_period_set(out, 10, cite,
					 "10 days: tenders only from "
					 "pre-selected suppliers");
	if (HAS(TP_CLAIM_PIN))
		return tp_min_period_set(out, 10, "Procurement Act 2023 "
						  "s.54(4), s.15(3)",
					 "10 days after a qualifying planned "
					 "procurement notice");
	if (HAS(TP_CLAIM_URGENCY))
		return tp_min_period_set(out, 10, cite,
					 "10 days: state of urgency");
	if (HAS(TP_CLAIM_DYNAMIC_MARKET))
		return tp_min_period_set(out, 10, cite,
					 "10 days: awarded by reference to "
					 "membership of a dynamic market");
	if (e && docs)
		return tp_min_period_set(out, 25, cite,
					 "25 days: electronic tenders, all "
					 "documents with the tender notice");
	if (e || docs)
		return tp_min_period_set(out, 30, cite,
					 e ? "30 days: not all documents "
					     "provided with the tender notice"
					   : "30 days: tenders not submitted "
					     "electronically");
	return tp_min_period_set(out, 35, cite,
				 "35 days: tenders not electronic and not all "
				 "documents with the tender notice");
}

enum tp_status
tp_pa2023_min_period(enum tp_procedure proc, enum tp_period_kind kind,
		     unsigned claims, enum tp_authority who,
		     struct tp_min_period *out, struct tp_error *err)
{
	switch (proc) {
	case TP_PROC_OPEN:
		if (kind == TP_PERIOD_PARTICIPATION)
			return tp_min_period_set(out, -1,
						 "Procurement Act 2023 s.20(2)(a)",
						 "the open procedure has no "
						 "participation stage");
		return tendering(proc, claims, who, out);
	case TP_PROC_COMPETITIVE_FLEXIBLE:
	case TP_PROC_LIGHT_TOUCH:
		return kind == TP_PERIOD_PARTICIPATION
			       ? participation(proc, claims, out)
			       : tendering(proc, claims, who, out);
	case TP_PROC_CALL_OFF:
		return tp_min_period_set(out, -1, "Procurement Act 2023 s.46",
					 "no fixed minimum for a competitive "
					 "selection process under a framework");
	case TP_PROC_DIRECT_AWARD:
		/* s.54(5): the periods are those of "a competitive tendering
		 * procedure" (s.20); s.41(3), s.43(5) allow any preliminary
		 * steps. */
		return tp_min_period_set(out, -1,
					 "Procurement Act 2023 s.41, s.43, "
					 "s.54(5)",
					 "no minimum: a direct award is not a "
					 "competitive tendering procedure");
	case TP_PROC_BELOW_THRESHOLD:
		return tp_min_period_set(out, -1, "",
					 "no statutory minimum below the "
					 "thresholds");
	case TP_PROC_PSR_A:
	case TP_PROC_PSR_B:
	case TP_PROC_PSR_C:
	case TP_PROC_PSR_MSP:
	case TP_PROC_PSR_COMPETITIVE:
		return tp_error_setf(err, TP_ERR_RULE, NULL,
				     "%s is a process of the Provider "
				     "Selection Regime (PSR 2023), not of the "
				     "Procurement Act 2023",
				     tp_procedure_name(proc));
	case TP_PROC_RESTRICTED:
	case TP_PROC_NEGOTIATION:
	case TP_PROC_COMPETITIVE_DIALOGUE:
	case TP_PROC_INNOVATION_PARTNERSHIP:
	case TP_PROC_PART_B:
		break;
	}
	return tp_error_setf(err, TP_ERR_RULE, NULL,
			     "the Procurement Act 2023 has no %s procedure: "
			     "use open or competitive-flexible (s.20), or "
			     "direct-award (s.41, s.43)",
			     tp_procedure_name(proc));
}
