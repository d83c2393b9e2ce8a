/* SPDX-License-Identifier: MIT */
/**
 * @file tp-check.h
 * Checking a scheduled plan against the procurement rules.
 *
 * tp_plan_check() reads the early (planned) dates of a schedule and the
 * settings in a struct tp_rules_config, and lists findings, each with a
 * severity, a stable rule id, the stages concerned, the citation, a
 * message with the dates and a suggested fix. Stages are recognised by
 * their kind (enum tp_stage_kind):
 *
 * - the invitation for the tender period is the "itt-issue" stage; without
 *   one, the "advert" for a single-stage procedure; the deadline is the
 *   "tender-deadline" stage (or the end of the "tender-period");
 * - the participation period runs from the "advert" to the "pqq-deadline"
 *   (or the end of the "pqq-period");
 * - the notices of the award decision (PCR) or the contract award notice
 *   (Procurement Act 2023) are sent on the finish of the
 *   "intention-to-award" stage; the contract is entered into at the start
 *   of the "award" and "contract-signature" stages;
 * - the transfer date for TUPE is the start of the "contract-start" stage;
 * - PSR 2023: the "advert" is the notice inviting offers or of intention
 *   to follow the Most Suitable Provider Process (its day is the day of
 *   submission, reg 10(5)); the notice of intention to award is published
 *   on the finish of "intention-to-award" (reg 12(2)); "further-decision"
 *   and "provider-identification" finish when providers are told and when
 *   step 2 is complete;
 * - the notices of #14 are published on the finish of "prior-notice",
 *   "transparency-notice" and "award-notice"; the last clarification
 *   answers on the finish of "clarification-response".
 *
 * Rule ids (stable; each test-checked both ways):
 *  regime.none, regime.out-of-period, regime.not-in-jurisdiction,
 *  procedure.not-in-regime, period.participation-minimum,
 *  period.tender-minimum, period.two-working-days, period.not-checked,
 *  period.deadline-time, local.min-tender,
 *  standstill.contract-inside, standstill.not-mandatory,
 *  standstill.stage-short, standstill.voluntary-short,
 *  standstill.no-notice, local.standstill, local.committee-report,
 *  sequence.notice-before-decision, tupe.eli-late, tupe.eli-date,
 *  tupe.eli-before-award, tupe.lead-in-short, continuity.gap,
 *  continuity.cannot-meet, calendar.contract-start-non-working,
 *  calendar.constraint-non-working, practice.tender-over-holidays,
 *  plan.duplicate-milestone, plan.driven-by-fixed-date, schedule.unmet,
 *  today.latest-start-past, today.plan-past, today.actual-in-future;
 *  for #14: authority.central-by-statute, authority.kind-mismatch,
 *  regime.health-outside-psr, regime.not-modelled, cpv.missing,
 *  cpv.qualified, cpv.not-listed-child, cpv.not-in-schedule,
 *  cpv.check-digit, cpv.health-care, standstill.representations-window,
 *  standstill.representations-open, standstill.not-before-date,
 *  standstill.stated-later, standstill.stated-end-early,
 *  psr.no-intention-notice, psr.msp-identification-early,
 *  psr.award-notice-late, psr.award-notice-date, psr.no-existing-contract,
 *  pa.transparency-missing, pa.transparency-after-award,
 *  pa.award-notice-before-transparency, pa.no-award-notice,
 *  pa.call-off-notice, pa.contract-details-late, pa.contract-details-date,
 *  pa.ppn-not-qualifying, pa.ppn-unverified, pcr.vtn-contract-early,
 *  pcr.vtn-optional, pcr.pin-window, pcr.pin-unverified,
 *  pcr.late-information, pcr.award-notice-late, pcr.award-notice-date.
 *
 * Dates are the schedule's early dates, so for a tender under way the
 * rules are checked on what happened (tp_plan_set_stage_actual()): a
 * tender period that was shorter than the law allows is an error like a
 * planned one, its message saying "(as recorded)". A stage that has
 * started is not one whose latest start can pass (today.latest-start-past
 * leaves it out); a date recorded after today is a warning
 * (today.actual-in-future). local.committee-report also checks the report
 * deadlines of meeting series (tp-meeting.h): every stage that leads into
 * a meeting must finish by its report deadline.
 *
 * Statutory periods and standstills are counted on the statute's calendar,
 * whatever calendar the plan's stages use: the union of the UK's bank
 * holidays for PA 2023 (s.123), Scotland's for PCSR 2015 (reg 2(1)), the
 * jurisdiction's for PCR 2006 and PCR 2015, England's (with Christmas Day,
 * Good Friday and the first Monday in May) for PSR 2023 (reg 12(12)).
 *
 * Findings of one kind that can repeat across a large plan are grouped:
 * plan.duplicate-milestone gives one finding per set of stages that should
 * be one milestone (naming how many and the first ones), and a rule that
 * finds more than ten cases reports the first ten and one more finding
 * with the count of the rest. The checker takes O(n log n) time in the
 * number of stages, dependencies and constraints.
 *
 * NULL pointer arguments give TP_ERR_INVALID, or a getter's empty value
 * (NULL, 0, false, day 0), as tp-common.h says; exceptions are noted at
 * the function.
 */
#ifndef TP_CHECK_H
#define TP_CHECK_H

#include <stddef.h>

#include "tp-common.h"
#include "tp-rules.h"
#include "tp-schedule.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The findings of one check, in the order the rules ran. */
struct tp_findings;

/** What a check needs beyond the rules. Initialise with
 * tp_check_options_init(). */
struct tp_check_options {
	/** Check against today's date: the latest day to advertise, or the
	 * latest start of any stage, already past is a warning
	 * (today.latest-start-past); a plan entirely before today gives one
	 * info finding (today.plan-past) instead. */
	bool has_today;
	struct tp_date today; /**< today's date, with has_today */
	/** Room to grow without an ABI break. */
	unsigned char reserved[32];
};

/** Set @p opt to the defaults: no today. NULL is allowed. */
TP_EXPORT void
tp_check_options_init(struct tp_check_options *opt);

/**
 * As tp_plan_check(), with @p opt (NULL: the defaults).
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_check_with(const struct tp_schedule *sched,
		   const struct tp_rules_config *cfg,
		   const struct tp_check_options *opt, struct tp_findings **out,
		   struct tp_error *err);

/**
 * Check the schedule @p sched (and the plan it was computed from) against
 * @p cfg. Findings are not errors of the call: the call fails only for
 * bad arguments (TP_ERR_INVALID), a date outside the calendar
 * (TP_ERR_RANGE) or memory (TP_ERR_NOMEM). Free the result with
 * tp_findings_free().
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_check(const struct tp_schedule *sched,
	      const struct tp_rules_config *cfg, struct tp_findings **out,
	      struct tp_error *err);

/** Number of findings. */
TP_EXPORT size_t
tp_findings_count(const struct tp_findings *findings);

/** Finding @p i, borrowed until the list is freed; NULL if out of range. */
TP_EXPORT const struct tp_finding *
tp_findings_get(const struct tp_findings *findings, size_t i);

/** The highest severity found; TP_SEVERITY_INFO for an empty list. */
TP_EXPORT enum tp_severity
tp_findings_max_severity(const struct tp_findings *findings);

/** The regime the check applied: chosen by date when the config said
 * TP_REGIME_BY_DATE, and never TP_REGIME_BY_DATE itself (see
 * tp_rules_config_regime()). */
TP_EXPORT enum tp_regime
tp_findings_regime(const struct tp_findings *findings);

/**
 * Write @p findings as an XML document (namespace
 * urn:tenderplan:findings:1, schema data/tenderplan-findings.xsd) into a
 * new NUL-terminated buffer at @p data (release it with tp_free()) of
 * @p len bytes. @p plan_id may be NULL; the other pointers may not
 * (TP_ERR_INVALID).
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_findings_write_xml(const struct tp_findings *findings, const char *plan_id,
		      char **data, size_t *len, struct tp_error *err);

/** Free @p findings. NULL is allowed. */
TP_EXPORT void
tp_findings_free(struct tp_findings *findings);

#ifdef __cplusplus
}
#endif
#endif
