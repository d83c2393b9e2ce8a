/* SPDX-License-Identifier: MIT */
/**
 * @file tp-templates.h
 * Built-in procedure templates: a complete plan for a usual UK procedure
 * (PCR 2015 open, restricted, competitive procedure with negotiation,
 * light-touch; Procurement Act 2023 open and competitive flexible; PCR 2006
 * Part B as councils ran it; a below-threshold request for quotation; a
 * call-off under a framework). Durations are at or above the legal
 * minimums (cited in lib/templates.c) and follow usual practice elsewhere.
 *
 * A template gives a document without anchors: set a start date or a
 * required contract start on its plan (tp-plan.h), and a region if not the
 * template's default, then schedule it. The templates are constant data.
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

/**
 * A new document holding the plan of template @p id: stages, dependencies,
 * rule settings, the default region (england-and-wales; uk for the
 * Procurement Act 2023, whose working days exclude a bank holiday in any
 * part of the UK, s.123), plan id and name set to the template's. No
 * anchors and no calendar built. TP_ERR_INVALID (listing the ids) for an
 * unknown @p id. Free with tp_plan_doc_free().
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_template_new(const char *id, struct tp_plan_doc **out, struct tp_error *err);

#ifdef __cplusplus
}
#endif
#endif
