/* SPDX-License-Identifier: MIT */
/**
 * @file tp-rules.h
 * Procurement regimes: which rules apply, standstill periods and minimum
 * time limits, each with its legal citation.
 *
 * Regimes (the instrument's short name is what tp_regime_from_name()
 * accepts):
 * - "pcr2006": Public Contracts Regulations 2006 (SI 2006/5), with the
 *   standstill of reg 32A inserted by SI 2009/2992 from 20 December 2009.
 * - "pcr2015": Public Contracts Regulations 2015 (SI 2015/102).
 * - "pcsr2015": Public Contracts (Scotland) Regulations 2015 (SSI 2015/446).
 * - "pa2023": Procurement Act 2023 (c.54), from 24 February 2025.
 * - "psr2023": Health Care Services (Provider Selection Regime)
 *   Regulations 2023 (SI 2023/1348), from 1 January 2024, for relevant
 *   health care services (Schedule 1) procured by a relevant authority for
 *   the health service in England (reg 3(1)); the Procurement Act 2023
 *   does not apply to them (Procurement Regulations 2024 reg 43).
 * - "local": an organisation's own contract procedure rules, with the
 *   parameters given in struct tp_local_rules.
 * - "none": no statutory regime (e.g. a contract below the thresholds).
 * - "by-date": only as a setting (struct tp_rules_config): the regime is
 *   chosen from the procurement's start and jurisdiction, see
 *   tp_rules_config_regime().
 *
 * Where they apply: PCR 2006 and PCR 2015 do not extend to Scotland (PCR
 * 2006 reg 1(2), PCR 2015 reg 1(7)); PCSR 2015 extends to Scotland only
 * (reg 1(7)); the Procurement Act 2023 extends to the whole UK (s.126) but
 * devolved Scottish authorities are excluded authorities (s.2(5)(a)) and
 * keep PCSR 2015. PSR 2023 extends to England and Wales and applies in
 * relation to England only (reg 1(2)). The Health Services (Provider
 * Selection Regime) (Wales) Regulations 2025 (WSI 2025/99) are not
 * modelled: their working day is defined in Schedule 1 to the Legislation
 * (Wales) Act 2019, whose text could not be read.
 *
 * How periods are counted:
 * - PCR 2006 reg 2(4), PCR 2015 reg 2(3)-(4), PCSR 2015 reg 2(4): the day
 *   of the triggering event is not counted; a period must include at least
 *   two working days (PCR 2006 reg 2(4)(b), PCR 2015 reg 2(3)(a) for Part 2,
 *   PCSR 2015 reg 2(4)(b)); a period whose last day is not a working day
 *   ends at the end of the next working day.
 * - Working days: PCR 2015 reg 2(1) and PCR 2006 reg 2(1) exclude
 *   Saturdays, Sundays, Christmas Day, Good Friday and bank holidays (of the
 *   authority's part of the UK here); PCR 2006 named Christmas Day and Good
 *   Friday only from 20 December 2009 (SI 2009/2992 reg 4(a), which reg
 *   11(5)(b) leaves out of the transitional saving), so before that day
 *   they were working days in England, Wales and Northern Ireland, where
 *   they are not bank holidays. PCSR 2015 reg 2(1): bank holidays in
 *   Scotland.
 * - Procurement Act 2023 s.54(5): a participation or tendering period
 *   begins with the day after the invitation and ends with the deadline
 *   day; no roll-forward. s.51(2): the standstill is eight working days
 *   beginning with the day the contract award notice is published; s.123:
 *   a working day is not a Saturday, Sunday or a bank holiday in any part
 *   of the United Kingdom.
 * - PSR 2023 reg 12(2), (9), (12): the standstill begins on the day after
 *   the notice of intention is published and ends at midnight at the end
 *   of the 8th working day after that day; a working day is not a
 *   Saturday, Sunday, Christmas Day, Good Friday, the first Monday in May
 *   or a bank holiday in England.
 */
#ifndef TP_RULES_H
#define TP_RULES_H

#include <stdbool.h>
#include <stdint.h>

#include "tp-calendar.h"
#include "tp-common.h"
#include "tp-date.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A set of procurement rules. */
enum tp_regime {
	TP_REGIME_NONE = 0,     /**< no statutory regime (e.g. below threshold) */
	TP_REGIME_PCR2006 = 1,  /**< Public Contracts Regulations 2006 */
	TP_REGIME_PCR2015 = 2,  /**< Public Contracts Regulations 2015 */
	TP_REGIME_PCSR2015 = 3, /**< Public Contracts (Scotland) Regs 2015 */
	TP_REGIME_PA2023 = 4,   /**< Procurement Act 2023 */
	TP_REGIME_LOCAL = 5,    /**< local contract procedure rules */
	/** Only in struct tp_rules_config (and "by-date" in a plan file, or
	 * no regime attribute): choose the regime from the procurement's
	 * start and the jurisdiction, tp_rules_config_regime(). Not a regime
	 * of its own: tp_standstill_compute() and tp_min_period() refuse it.
	 * @since 0.1 */
	TP_REGIME_BY_DATE = 6,
	/** "psr2023": Health Care Services (Provider Selection Regime)
	 * Regulations 2023 (SI 2023/1348). @since 0.1 */
	TP_REGIME_PSR2023 = 7,
};

/** How the award notices were sent. */
enum tp_notice_means {
	TP_NOTICE_ELECTRONIC = 0, /**< e-mail, fax or other electronic means */
	TP_NOTICE_OTHER = 1,      /**< post or other means */
	/** Some electronically, the others by other means (PCR 2015 reg
	 * 87(5), PCR 2006 reg 32A(5)): struct tp_standstill_request @c sent
	 * is the day the last notice went electronically and @c sent_other
	 * the day the last went by other means. @since 0.1 */
	TP_NOTICE_MIXED = 2,
};

/** Look up a regime by name ("pcr2006", "pcr2015", "pcsr2015", "pa2023",
 * "psr2023", "local", "none", "by-date"). TP_ERR_INVALID with the valid
 * names otherwise. */
TP_EXPORT TP_NODISCARD enum tp_status
tp_regime_from_name(const char *name, enum tp_regime *out,
		    struct tp_error *err);

/** The short name of @p regime, or NULL if there is none. */
TP_EXPORT const char *
tp_regime_name(enum tp_regime regime);

/** The full title with the instrument number, e.g. "Public Contracts
 * Regulations 2015 (SI 2015/102)", or NULL. */
TP_EXPORT const char *
tp_regime_title(enum tp_regime regime);

/**
 * The regime that applies to a procurement begun on @p started in
 * @p jurisdiction (england-and-wales, scotland or northern-ireland):
 * PCR 2006 from 31 Jan 2006 (reg 1), PCR 2015 from 26 Feb 2015 (reg 1(2)),
 * the Procurement Act 2023 from 24 Feb 2025 (SI 2024/959; earlier
 * procurements keep their regulations, SI 2024/716 reg 5); in Scotland PCSR
 * 2015 for procedures begun from 18 Apr 2016 (reg 98), whatever the date
 * after that (PCR 2015 reg 1(7); PA 2023 s.2(5)(a) for devolved Scottish
 * authorities). Before those dates TP_REGIME_NONE (not modelled).
 * TP_ERR_INVALID for another region. For a call-off, pass the day its
 * framework agreement was concluded (see tp_rules_config_regime()). Never
 * TP_REGIME_PSR2023: whether the PSR applies depends on what is bought
 * (tp_rules_config_regime() with @c health_service).
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_regime_for(struct tp_date started, enum tp_region jurisdiction,
	      enum tp_regime *out, struct tp_error *err);

/* ---- standstill ---------------------------------------------------------- */

/** Which kind of contracting authority runs the procurement. */
enum tp_authority {
	/** "sub-central": every contracting authority that is not a central
	 * government authority (PCR 2015 reg 2(1), PCSR 2015 reg 2(1), PA
	 * 2023 Sch 1 para 5): councils, most NHS bodies, police, fire,
	 * universities. The default. */
	TP_AUTHORITY_SUB_CENTRAL = 0,
	/** "central-government": the Crown and the bodies listed in PCR 2015
	 * Schedule 1 (which includes NHS Trusts and the NHS Business Services
	 * Authority) or PCSR 2015 Schedule 1; under PA 2023 the authorities
	 * specified by regulations (Sch 1 para 5). */
	TP_AUTHORITY_CENTRAL_GOVERNMENT = 1,
};

/** What kind of body the authority is, so that the statute, not the user,
 * decides whether it is a central government authority. @since 0.1 */
enum tp_authority_kind {
	TP_AUTHORITY_KIND_OTHER = 0, /**< "other": the default */
	TP_AUTHORITY_KIND_COUNCIL = 1, /**< "council": a local authority */
	TP_AUTHORITY_KIND_ICB = 2,     /**< "icb": integrated care board */
	/** "nhs-trust": central government under PA 2023 (Procurement
	 * Regulations 2024 reg 44, Sch 2) and PCR 2015 (Sch 1). */
	TP_AUTHORITY_KIND_NHS_TRUST = 3,
	/** "nhs-foundation-trust": central government under PA 2023 (PR
	 * 2024 Sch 2); sub-central under PCR 2015 (not in Sch 1). */
	TP_AUTHORITY_KIND_NHS_FOUNDATION_TRUST = 4,
	/** "nhs-england": NHS England (the NHS Commissioning Board), central
	 * government under PA 2023 (PR 2024 Sch 2); not in PCR 2015 Sch 1. */
	TP_AUTHORITY_KIND_NHS_ENGLAND = 5,
};

/** Whether the plan buys health care services for the health service,
 * which decides whether a provider selection regime applies. @since 0.1 */
enum tp_health_service {
	TP_HEALTH_SERVICE_NONE = 0, /**< "none": the default */
	/** "england": relevant health care services (PSR 2023 Sch 1) for the
	 * purposes of the health service in England, by a relevant
	 * authority (reg 3(1)): from 1 Jan 2024 the PSR applies. */
	TP_HEALTH_SERVICE_ENGLAND = 1,
	/** "wales": health services for the health service in Wales: from 24
	 * Feb 2025 WSI 2025/99 applies and the Procurement Act 2023 does not
	 * (reg 34); not modelled (see the file comment), so no statutory
	 * regime is checked. */
	TP_HEALTH_SERVICE_WALES = 2,
};

/** "sub-central" or "central-government"; NULL for another value.
 * @since 0.1 */
TP_EXPORT const char *
tp_authority_name(enum tp_authority authority);

/** Parse an authority name; TP_ERR_INVALID with the valid names.
 * @since 0.1 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_authority_from_name(const char *name, enum tp_authority *out,
		       struct tp_error *err);

/** "other", "council", "icb", "nhs-trust", "nhs-foundation-trust" or
 * "nhs-england"; NULL for another value. @since 0.1 */
TP_EXPORT const char *
tp_authority_kind_name(enum tp_authority_kind kind);

/** Parse an authority kind name; TP_ERR_INVALID with the valid names.
 * @since 0.1 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_authority_kind_from_name(const char *name, enum tp_authority_kind *out,
			    struct tp_error *err);

/** "none", "england" or "wales"; NULL for another value. @since 0.1 */
TP_EXPORT const char *
tp_health_service_name(enum tp_health_service service);

/** Parse a health service name; TP_ERR_INVALID with the valid names.
 * @since 0.1 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_health_service_from_name(const char *name, enum tp_health_service *out,
			    struct tp_error *err);

/** Which standstill a request computes. @since 0.1 */
enum tp_standstill_kind {
	/** The regime's standstill after the award decision notices (PCR),
	 * the contract award notice (PA 2023) or the notice of intention to
	 * award (PSR 2023). */
	TP_STANDSTILL_AWARD = 0,
	/** PCR 2015 reg 99(3)(c): the contract waits for the end of at least
	 * 10 days beginning with the day after a voluntary transparency
	 * notice was published (@c sent), with reg 2(4). PCR 2015 only. */
	TP_STANDSTILL_VTN = 1,
};

/** An organisation's own rules, for TP_REGIME_LOCAL. */
struct tp_local_rules {
	/** Standstill length; counted from the day after the notice. */
	int32_t standstill_days;
	/** true: working days of the calendar given with the request;
	 * false: calendar days, the last day rolled to a working day. */
	bool standstill_working_days;
	/** Minimum tender period in calendar days (0: none). */
	int32_t min_tender_days;
	/** Citation for messages, e.g. "Contract Procedure Rules r.12.3";
	 * may be NULL. */
	const char *citation;
};

/** What to compute a standstill for. Zero-initialise, then fill in. */
struct tp_standstill_request {
	enum tp_regime regime; /**< the rules to apply */
	/** Ignored for PA 2023 and PSR 2023 (notices are published);
	 * TP_NOTICE_MIXED only for PCR 2006 and PCR 2015. */
	enum tp_notice_means means;
	/** The day the last award notice was sent (PCR; with mixed means
	 * the last one sent electronically), the contract award notice was
	 * published (PA 2023), the notice of intention to award was
	 * published (PSR 2023, reg 12(2)) or the voluntary transparency
	 * notice was published (TP_STANDSTILL_VTN). */
	struct tp_date sent;
	/** The authority's part of the UK; its bank holidays count for the
	 * 2006 and 2015 regulations (TP_REGION_NONE: england-and-wales;
	 * TP_REGION_SCOTLAND is refused for them: they do not extend to
	 * Scotland, use PCSR 2015). Ignored for PA 2023 (always the whole UK)
	 * and PCSR 2015 (always Scotland). */
	enum tp_region region;
	/** Optional: under PCR 2006 reg 32A(3) and PCR 2015 reg 87(3) a
	 * standstill after notices by other means ends on the earlier of the
	 * 15th day after sending and the 10th day after the last notice was
	 * received. Set @c has_received to use it. */
	bool has_received;
	struct tp_date received; /**< set when @c has_received */
	/** For TP_REGIME_LOCAL: the rules, and optionally the organisation's
	 * calendar (closures, extra days); NULL uses @c region's. */
	const struct tp_local_rules *local;
	const struct tp_calendar *calendar; /**< or NULL (see @c local) */
	/** Which standstill (TP_STANDSTILL_AWARD when zero). @since 0.1 */
	enum tp_standstill_kind kind;
	/** TP_NOTICE_MIXED: the day the last notice was sent by other means
	 * (PCR 2015 reg 87(5)(b), PCR 2006 reg 32A(5)(b)); @c received, if
	 * set, is the day the last of those arrived. @since 0.1 */
	struct tp_date sent_other;
	/** PSR 2023 reg 12(3): written representations were received; the
	 * standstill then ends as reg 12(10) says. @since 0.1 */
	bool representations;
	/** PSR 2023 reg 12(6), (8), (10)(a)(v): the last further decision
	 * was communicated on @c further_decision; the standstill ends no
	 * earlier than the end of the 5th working day after it (and never
	 * before the reg 12(9) end). Implies @c representations.
	 * @since 0.1 */
	bool has_further_decision;
	struct tp_date further_decision; /**< see has_further_decision */
	/** PA 2023 s.51(3): the contract has no mandatory standstill (a
	 * direct award for extreme and unavoidable urgency, under s.42
	 * regulations or by a private utility; a call-off; by reference to
	 * a dynamic market; light touch). The result is then the shortest
	 * voluntary standstill s.51(5) allows, or @c stated_end. PA 2023
	 * only. @since 0.1 */
	bool exempt;
	/** PA 2023 s.51(1)(b), (4): the contract award notice provides for a
	 * standstill ending on @c stated_end; it binds when later than the
	 * eight working days (a voluntary one may not be shorter, s.51(5)).
	 * PA 2023 only. @since 0.1 */
	bool has_stated_end;
	struct tp_date stated_end; /**< see has_stated_end */
	unsigned char reserved[32]; /**< room to grow without an ABI break */
};

/** A computed standstill. Strings are static. */
struct tp_standstill {
	/** First day of the standstill period. */
	struct tp_date first_day;
	/** The last day the rule gives before any working-day extension. */
	struct tp_date nominal_last_day;
	/** The standstill ends at midnight at the end of this day
	 * (Europe/London). */
	struct tp_date last_day;
	/** The first day the contract may be entered into (from 00:00). */
	struct tp_date earliest_contract;
	/** The length the rule counts (10, 15, 8 …) and its unit. */
	int32_t days;
	bool working_days; /**< true: @c days are working days */
	/** true when @c last_day was moved past a non-working day. */
	bool extended;
	/** The region whose bank holidays were used (TP_REGION_UK for PA
	 * 2023). */
	enum tp_region calendar_region;
	/** Instrument and provision, e.g. "PCR 2015 reg 87(2), reg 2(4)". */
	const char *citation;
	/** "" or a warning, e.g. the regime was not in force on @c sent. */
	char warning[256];
	/** false when the law sets no standstill and this is the shortest
	 * voluntary one (PA 2023 s.51(3)-(5), @c exempt). @since 0.1 */
	bool mandatory;
	/** PSR 2023 reg 12(10): representations were received and no further
	 * decision is known, so the standstill stays open past @c last_day
	 * (which is then the reg 12(9) end). @since 0.1 */
	bool open_ended;
	/** PSR 2023 reg 12(3): the last day written representations may be
	 * made (midnight at its end); zero for other regimes. @since 0.1 */
	struct tp_date representations_until;
	unsigned char reserved[24]; /**< room to grow without an ABI break */
};

/**
 * Compute the standstill for @p req. PCR 2006 reg 32A (notices on or after
 * 20 Dec 2009), PCR 2015 reg 87 with reg 2(4), PCSR 2015 reg 86 with reg
 * 2(4), PA 2023 s.51(2) with s.123, PSR 2023 reg 12 (on England's
 * calendar of reg 12(12), whatever @c region says), or the local rule;
 * with TP_STANDSTILL_VTN, PCR 2015 reg 99(3)(c). A regime used outside its
 * period gives a warning in @c out->warning, not an error. PCR 2006 days
 * before 20 Dec 2009 are counted with Christmas Day and Good Friday as
 * working days (see the file comment).
 *
 * Mixed means (PCR 2015 reg 87(5), PCR 2006 reg 32A(5)): the standstill
 * ends at the latest of the 10th day after @c sent and the earlier of the
 * 15th day after @c sent_other and the 10th day after @c received (when
 * set); then the working-day roll. PSR 2023 with representations: see
 * @c has_further_decision; without one the result is the reg 12(9) end
 * with @c open_ended set and a warning.
 *
 * TP_ERR_RULE for TP_REGIME_NONE or TP_REGIME_BY_DATE, a local request
 * without rules, PCR 2006/2015 with region Scotland (the message names the
 * fix), mixed means for a regime other than PCR 2006/2015, a VTN for a
 * regime other than PCR 2015, @c exempt or @c has_stated_end other than
 * under PA 2023, representations other than under PSR 2023.
 * TP_ERR_INVALID for dates out of order (received before sent, a further
 * decision before the notice).
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_standstill_compute(const struct tp_standstill_request *req,
		      struct tp_standstill *out, struct tp_error *err);

/* ---- minimum time limits ------------------------------------------------- */

/** Procurement procedures, across regimes. */
enum tp_procedure {
	TP_PROC_OPEN = 0,
	TP_PROC_RESTRICTED = 1,
	/** PCR 2015 reg 29 competitive procedure with negotiation; PCR 2006
	 * reg 17 negotiated procedure with a notice */
	TP_PROC_NEGOTIATION = 2,
	TP_PROC_COMPETITIVE_DIALOGUE = 3,
	TP_PROC_INNOVATION_PARTNERSHIP = 4,
	/** PCR 2015 regs 74-77; PA 2023 light touch contracts */
	TP_PROC_LIGHT_TOUCH = 5,
	/** PCR 2006 Part B services (reg 5(2)): no minimum periods */
	TP_PROC_PART_B = 6,
	/** PA 2023 s.20(2)(b) competitive flexible procedure */
	TP_PROC_COMPETITIVE_FLEXIBLE = 7,
	/** below the thresholds: the organisation's own rules only */
	TP_PROC_BELOW_THRESHOLD = 8,
	/** call-off (mini-competition) under a framework; PA 2023: a
	 * competitive selection process (s.46); PSR 2023: a contract based on
	 * a framework agreement (reg 18) */
	TP_PROC_CALL_OFF = 9,
	/** "direct-award": PA 2023 direct award (s.41 and Schedule 5) or
	 * switching to direct award (s.43); PCR 2015 negotiated procedure
	 * without prior publication (reg 32). @since 0.1 */
	TP_PROC_DIRECT_AWARD = 10,
	/** "direct-award-a": PSR 2023 Direct Award Process A (regs 6(3), 7).
	 * @since 0.1 */
	TP_PROC_PSR_A = 11,
	/** "direct-award-b": PSR 2023 Direct Award Process B (regs 6(4), 8).
	 * @since 0.1 */
	TP_PROC_PSR_B = 12,
	/** "direct-award-c": PSR 2023 Direct Award Process C (regs 6(5), 9).
	 * @since 0.1 */
	TP_PROC_PSR_C = 13,
	/** "most-suitable-provider": PSR 2023 Most Suitable Provider Process
	 * (regs 6(6), 10). @since 0.1 */
	TP_PROC_PSR_MSP = 14,
	/** "competitive-process": PSR 2023 Competitive Process (reg 11).
	 * @since 0.1 */
	TP_PROC_PSR_COMPETITIVE = 15,
};

/** Which minimum: for requests to participate or for tenders. */
enum tp_period_kind {
	TP_PERIOD_PARTICIPATION = 0,
	TP_PERIOD_TENDER = 1,
};

/** Circumstances a plan claims, which change the minimum (bit flags). */
enum tp_claim {
	/** PCR: a prior information notice meeting the conditions (PCR 2015
	 * reg 27(4), 28(6), 29(6); PCR 2006 reg 15(7), 16(18)); PA 2023: a
	 * qualifying planned procurement notice (s.54(4), s.15(3)). The
	 * checker tests the window on a "prior-notice" stage. */
	TP_CLAIM_PIN = 1u << 0,
	/** a state of urgency (PCR 2015 reg 27(5), 28(10); PA 2023 s.54) */
	TP_CLAIM_URGENCY = 1u << 1,
	/** tenders submitted electronically (PCR 2015 reg 27(6), 28(9); PA
	 * 2023 s.54(4)) */
	TP_CLAIM_ELECTRONIC_TENDERS = 1u << 2,
	/** the contract notice was sent electronically (PCR 2006 reg 15(5),
	 * 16(5)) */
	TP_CLAIM_ELECTRONIC_NOTICE = 1u << 3,
	/** full electronic access to the documents from the notice (PCR
	 * 2006 reg 15(6), 16(19); PA 2023 s.54(4) "all documents provided";
	 * PCR 2015 reg 53(5) otherwise adds 5 days) */
	TP_CLAIM_DOCUMENTS_WITH_NOTICE = 1u << 4,
	/** the tender period is agreed with all selected candidates (PCR 2015
	 * regs 28(7), 29(7); PCSR 2015 regs 29(8), 30(8)); PA 2023: a
	 * negotiated tendering period (s.54(4)). Only a sub-central authority
	 * may agree it: for central government the claim is ignored. */
	TP_CLAIM_AGREED_PERIOD = 1u << 5,
	/** PA 2023: tenders only from pre-selected suppliers (a sub-central
	 * authority, or a utilities contract; ignored otherwise for central
	 * government). A dynamic market is TP_CLAIM_DYNAMIC_MARKET. */
	TP_CLAIM_PRESELECTED = 1u << 6,
	/** "extreme-urgency": PA 2023 direct award by reference to Schedule 5
	 * para 13 (extreme and unavoidable urgency): no mandatory standstill
	 * (s.51(3)(a)). @since 0.1 */
	TP_CLAIM_EXTREME_URGENCY = 1u << 7,
	/** "protect-life": PA 2023 direct award under regulations made under
	 * s.42: no mandatory standstill (s.51(3)(b)). @since 0.1 */
	TP_CLAIM_PROTECT_LIFE = 1u << 8,
	/** "private-utility": awarded by a private utility: no mandatory
	 * standstill after a direct award (PA 2023 s.51(3)(c)), no contract
	 * details notice (s.53(6)(a)). @since 0.1 */
	TP_CLAIM_PRIVATE_UTILITY = 1u << 9,
	/** "user-choice": PA 2023 user choice contract (Schedule 5 para 15):
	 * no transparency notice (s.44(3)), contract award notice (s.50(6)(b))
	 * or contract details notice (s.53(6)(b)). @since 0.1 */
	TP_CLAIM_USER_CHOICE = 1u << 10,
	/** "dynamic-market": PA 2023 award by reference to suppliers'
	 * membership of a dynamic market: a 10-day tendering period for any
	 * authority (s.54(4)), no mandatory standstill (s.51(3)(e)).
	 * @since 0.1 */
	TP_CLAIM_DYNAMIC_MARKET = 1u << 11,
	/** "utilities-contract": PA 2023 utilities contract: the s.54(4) rows
	 * for a negotiated tendering period and pre-selected suppliers apply
	 * even to a central government authority. @since 0.1 */
	TP_CLAIM_UTILITIES_CONTRACT = 1u << 12,
	/** "voluntary-standstill": PCR 2015 call-off under a framework with
	 * the reg 86 notices and the reg 87 standstill kept voluntarily,
	 * which protects it from the third ground of ineffectiveness (reg
	 * 99(7)): the checker then checks that standstill. @since 0.1 */
	TP_CLAIM_VOLUNTARY_STANDSTILL = 1u << 13,
	/** "single-tenderer": PCR 2015 reg 86(5)(b): the only tenderer is to
	 * be awarded the contract and there are no candidates: no reg 86
	 * notice, so no standstill (reg 87(1)). @since 0.1 */
	TP_CLAIM_SINGLE_TENDERER = 1u << 14,
	/** "representations": PSR 2023 reg 12(3): written representations
	 * were received in the standstill. @since 0.1 */
	TP_CLAIM_REPRESENTATIONS = 1u << 15,
	/** "competition": PSR 2023 call-off from a framework with more than
	 * one provider by the Competitive Process (reg 18(4), (7)): the reg
	 * 12 standstill applies. @since 0.1 */
	TP_CLAIM_COMPETITION = 1u << 16,
	/** "urgent-award": PSR 2023 reg 14(2) urgent award: regs 6-13 (and
	 * so the standstill) do not apply; a notice within 30 days (reg
	 * 14(4)-(5)). @since 0.1 */
	TP_CLAIM_URGENT_AWARD = 1u << 17,
};

/** A minimum period with its source. */
struct tp_min_period {
	/** Minimum length in calendar days; -1 when the law sets none. */
	int32_t days;
	/** Instrument and provision, static. */
	const char *citation;
	/** One phrase on how it was reached, e.g. "35 days, less 5 for
	 * electronic tenders"; static. */
	const char *explanation;
};

/**
 * The minimum @p kind period for @p procedure under @p regime given the
 * @p claims (a mask of enum tp_claim), for a sub-central authority (see
 * tp_min_period_query() for central government). TP_ERR_RULE when the
 * procedure does not exist under the regime (e.g. competitive flexible
 * under PCR 2015).
 *
 * PSR 2023 sets no minimum period for any of its processes (-1); it
 * accepts direct-award-a, direct-award-b, direct-award-c,
 * most-suitable-provider, competitive-process and call-off (reg 18). PA
 * 2023 direct-award and call-off have no minimum either (s.54(3)-(4) are
 * for competitive tendering procedures, s.54(5)); PCR 2015 direct-award
 * (reg 32) has none.
 *
 * PCR 2015 and PCSR 2015: a sub-central authority's restricted or
 * competitive-with-negotiation tender period is at least 10 days unless
 * agreed with all selected candidates (PCR 2015 regs 28(7)-(8), 29(7)-(8);
 * PCSR 2015 regs 29(8)-(9), 30(8)-(9)); only central government is held
 * to the 30 days (25 with electronic tenders). Documents not offered
 * electronically add 5 days to any tender minimum except under urgency
 * (PCR 2015 reg 53(5), PCSR 2015 reg 54(5)).
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_min_period(enum tp_regime regime, enum tp_procedure procedure,
	      enum tp_period_kind kind, unsigned claims,
	      struct tp_min_period *out, struct tp_error *err);

/** What tp_min_period_query() computes. Zero-initialise, then fill in. */
struct tp_period_query {
	enum tp_regime regime;       /**< the regime (not by date) */
	enum tp_procedure procedure; /**< the procedure */
	enum tp_period_kind kind;    /**< participation or tendering */
	/** A mask of enum tp_claim. */
	unsigned claims;
	enum tp_authority authority; /**< central government or not */
	unsigned char reserved[32];  /**< room to grow without an ABI break */
};

/**
 * As tp_min_period(), with the kind of authority: PCR 2015 and PCSR 2015
 * two-stage tender periods and the PA 2023 s.54(4) rows for pre-selected
 * suppliers and negotiated tendering periods depend on it.
 * TP_ERR_INVALID for NULL pointers or unknown values. @since 0.1
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_min_period_query(const struct tp_period_query *query,
		    struct tp_min_period *out, struct tp_error *err);

/**
 * The earliest lawful deadline for a period of at least @p days calendar
 * days starting from an invitation on @p sent, counted as @p regime counts
 * (see the file comment): PCR-style regimes roll a non-working last day to
 * the next working day of @p cal, and the period must include at least two
 * working days of @p cal (so @p days 0 gives the second working day after
 * @p sent); TP_REGIME_LOCAL only rolls; PA 2023, PSR 2023 and
 * TP_REGIME_NONE do neither. TP_ERR_INVALID for TP_REGIME_BY_DATE.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_earliest_deadline(enum tp_regime regime, const struct tp_calendar *cal,
		     struct tp_date sent, int32_t days, struct tp_date *out,
		     struct tp_error *err);

/** Name of @p procedure ("open", "restricted", "negotiation",
 * "competitive-dialogue", "innovation-partnership", "light-touch",
 * "part-b", "competitive-flexible", "below-threshold", "call-off",
 * "direct-award", "direct-award-a", "direct-award-b", "direct-award-c",
 * "most-suitable-provider", "competitive-process"). */
TP_EXPORT const char *
tp_procedure_name(enum tp_procedure procedure);

/** Parse a procedure name; TP_ERR_INVALID with the valid names. */
TP_EXPORT TP_NODISCARD enum tp_status
tp_procedure_from_name(const char *name, enum tp_procedure *out,
		       struct tp_error *err);

/* ---- checking a plan --------------------------------------------------- */

/**
 * What the checker needs beyond the plan's stages: a value struct (no
 * pointers), so a plan file reader can fill it and callers can copy it.
 * Initialise with tp_rules_config_init().
 */
struct tp_rules_config {
	/** The regime: TP_REGIME_BY_DATE (the default) decides from the
	 * advert date and the jurisdiction (tp_rules_config_regime());
	 * TP_REGIME_NONE means no statutory regime. */
	enum tp_regime regime;
	/** england-and-wales (default), scotland or northern-ireland. */
	enum tp_region jurisdiction;
	enum tp_procedure procedure; /**< the procedure the plan follows */
	/** A mask of enum tp_claim. */
	unsigned claims;
	enum tp_notice_means notice_means; /**< how award notices are sent */
	/** Local contract procedure rules: a standstill of this many days
	 * (0: none), in working days if the flag is set; a minimum tender
	 * period in calendar days (0: none); how to cite them. */
	int32_t local_standstill_days;
	bool local_standstill_working_days; /**< local standstill in working days */
	int32_t local_min_tender_days; /**< local minimum tender period (days) */
	char local_citation[128]; /**< how to cite the local rules, or "" */
	/** The incumbent contract ends on this day (service continuity). */
	bool has_incumbent_end;
	struct tp_date incumbent_end; /**< set when @c has_incumbent_end */
	/** Warn when award to contract start is shorter than this many
	 * calendar days (TUPE consultation and mobilisation are practice,
	 * not law); 0 means the default of 28. */
	int32_t min_lead_in_days;
	/** Local rules: a report to a committee (or cabinet, or director)
	 * must be sent at least this many working days before the meeting
	 * (0: no rule). The report is the meeting stage's latest-finishing
	 * predecessor; the meeting is a "governance-approval" stage. */
	int32_t local_report_days;
	/** Central government or sub-central (the default). @since 0.1 */
	enum tp_authority authority;
	/** For a call-off (TP_PROC_CALL_OFF): the day its framework
	 * agreement was concluded. The regime by date follows it, not the
	 * call-off's own start (SI 2024/716 reg 5(3)(a); PCR 2015 reg
	 * 118(3); SI 2009/2992 reg 11(3)). @since 0.1 */
	bool has_framework_concluded;
	struct tp_date framework_concluded; /**< see has_framework_concluded */
	/** What kind of body the authority is: for an NHS trust, foundation
	 * trust or NHS England the statute may make it a central government
	 * authority whatever @c authority says (tp_rules_config_authority()).
	 * @since 0.1 */
	enum tp_authority_kind authority_kind;
	/** Whether a provider selection regime applies (by date: PSR 2023
	 * from 1 Jan 2024 for england). @since 0.1 */
	enum tp_health_service health_service;
	/** The most relevant CPV code, "" or 8 digits with an optional "-"
	 * and check digit (every PSR 2023 notice gives it, e.g. Sch 8 para
	 * 2); checked against PSR 2023 Schedule 1. @since 0.1 */
	char cpv[12];
	/** PA 2023 s.51(1)(b), (4): the contract award notice provides for a
	 * standstill ending on this day. @since 0.1 */
	bool has_standstill_end;
	struct tp_date standstill_end; /**< see has_standstill_end */
	unsigned char reserved[20]; /**< room to grow without an ABI break */
};

/** Set @p cfg to the defaults: regime chosen by date (TP_REGIME_BY_DATE),
 * england-and-wales, sub-central authority, open procedure, electronic
 * tenders and documents, electronic notices. */
TP_EXPORT void
tp_rules_config_init(struct tp_rules_config *cfg);

/**
 * The regime a procurement with settings @p cfg, begun on @p started (its
 * advert, or the plan's start), falls under: the named regime, or for
 * TP_REGIME_BY_DATE tp_regime_for() of @p started — of the framework's
 * conclusion instead for a call-off that names it — in the jurisdiction. By
 * date, health care services for the health service in England
 * (@c health_service england, jurisdiction england-and-wales) fall under
 * PSR 2023 from 1 Jan 2024 (reg 1(1); reg 29(3): call-offs begun from that
 * day whenever the framework was concluded), and health services in Wales
 * under no modelled regime (TP_REGIME_NONE) from 24 Feb 2025 (WSI 2025/99
 * reg 1(2), 34). A named PCR 2006 or PCR 2015 for a Scottish jurisdiction,
 * or a named PSR 2023 outside england-and-wales, is replaced by the regime
 * by date (they do not extend there; the checker reports it as an error).
 * The result is never TP_REGIME_BY_DATE. TP_ERR_INVALID for NULL pointers
 * or a jurisdiction that is not england-and-wales, scotland or
 * northern-ireland. @since 0.1
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_rules_config_regime(const struct tp_rules_config *cfg,
		       struct tp_date started, enum tp_regime *out,
		       struct tp_error *err);

/**
 * The kind of authority the statute of @p regime makes the authority of
 * @p cfg: central government when @c authority says so, or when
 * @c authority_kind is one the statute lists (PA 2023: NHS trusts,
 * foundation trusts and NHS England, Procurement Regulations 2024 reg 44
 * and Sch 2; PCR 2015: NHS trusts, Sch 1); sub-central otherwise.
 * TP_ERR_INVALID for NULL pointers or unknown values. @since 0.1
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_rules_config_authority(const struct tp_rules_config *cfg,
			  enum tp_regime regime, enum tp_authority *out,
			  struct tp_error *err);

/** How serious a finding is. */
enum tp_severity {
	TP_SEVERITY_INFO = 0,
	TP_SEVERITY_WARNING = 1,
	TP_SEVERITY_ERROR = 2,
};

/** One diagnostic of tp_plan_check(). All strings are owned by the
 * findings list. */
struct tp_finding {
	enum tp_severity severity; /**< info, warning or error */
	/** Stable identifier, e.g. "standstill.contract-inside". */
	const char *rule_id;
	/** Instrument and provision, or "practice". */
	const char *citation;
	/** The stage the finding is about and a second one it relates to
	 * (either may be ""). */
	const char *stage;
	const char *other_stage; /**< the second stage, or "" */
	/** One sentence with the dates involved. */
	const char *message;
	/** A suggested fix ("earliest lawful award: 2012-10-30"), or "". */
	const char *fix;
};

/** Name of a severity: "error", "warning" or "info". */
TP_EXPORT const char *
tp_severity_name(enum tp_severity severity);

#ifdef __cplusplus
}
#endif
#endif
