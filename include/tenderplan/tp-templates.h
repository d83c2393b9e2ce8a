/* SPDX-License-Identifier: MIT */
/**
 * @file tp-templates.h
 * Built-in procedure templates: a complete plan for a usual UK procedure
 * (PCR 2015 open, restricted, competitive procedure with negotiation,
 * light-touch; Procurement Act 2023 open, competitive flexible, direct
 * award with transparency notice and call-off by competitive selection
 * process; the NHS Provider Selection Regime's Competitive Process and
 * Direct Award Process C; PCR 2006 Part B as councils ran it; a
 * below-threshold request for quotation; a PCR 2015 call-off under a
 * framework). Durations are at or above the legal minimums (cited in
 * lib/plan/templates.c) and follow usual practice elsewhere.
 *
 * A template gives a document without anchors: set a start date or a
 * required contract start on its plan (tp-plan.h), and a region if not the
 * template's default, then schedule it. The templates are constant data.
 *
 * NULL pointer arguments give TP_ERR_INVALID, or a getter's empty value
 * (NULL, 0, false, day 0), as tp-common.h says; exceptions are noted at
 * the function.
 */
#ifndef TP_TEMPLATES_H
#define TP_TEMPLATES_H

#include <stddef.h>

#include "tp-common.h"
#include "tp-plan-xml.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Number of built-in templates. */
TP_EXPORT size_t tp_template_count(void);

/** The id of template @p i ("pa2023-open"), or NULL if @p i is out of
 * range. Static string. */
TP_EXPORT const char *tp_template_id(size_t i);

/** A one-line description of template @p i, or NULL. Static string. */
TP_EXPORT const char *tp_template_description(size_t i);

/** The short name of template @p i's regime ("pa2023", "pcsr2015", "none"
 * …, as tp_regime_from_name() reads it), or NULL. Static string. */
TP_EXPORT const char *tp_template_regime(size_t i);

/**
 * Make a template's document (tp_template_new()) the plan of an authority
 * in @p region: its calendar's region and, for england-and-wales, scotland
 * and northern-ireland, the jurisdiction of its rules (TUPE, which bank
 * holidays the PCR count). "uk" and "none" change the calendar only.
 * TP_ERR_INVALID, saying which templates to use instead, where the
 * template's regime does not apply: PCR 2006 and PCR 2015 do not extend
 * to Scotland (PCR 2015 reg 1(7)), nor does the Procurement Act 2023 to
 * devolved Scottish authorities, PCSR 2015 extends to Scotland only and
 * PSR 2023 applies in relation to England only (reg 1(2)).
 * Modifies.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_template_set_region(struct tp_plan_doc *doc, enum tp_region region,
		       struct tp_error *err);

/**
 * A new document holding the plan of template @p id: stages, dependencies,
 * rule settings, the default region (england-and-wales; scotland for the
 * PCSR 2015 templates), plan id and name set to the template's. Stages
 * whose length the law sets in working days (the Procurement Act 2023
 * standstill, counted over a bank holiday in any part of the UK, s.123;
 * the PSR 2023 standstill, over England's, reg 12(12))
 * or rolls to a working day (the PCR standstill) count on the statutory
 * calendar (tp_plan_set_stage_calendar()); the authority's own stages on
 * its region's. No anchors and no calendar built. TP_ERR_INVALID (listing the ids) for an
 * unknown @p id. Free with tp_plan_doc_free().
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_template_new(const char *id, struct tp_plan_doc **out, struct tp_error *err);

#ifdef __cplusplus
}
#endif
#endif
