/* SPDX-License-Identifier: MIT */
#ifndef TP_RULES_PRIVATE_H
#define TP_RULES_PRIVATE_H

#include <tenderplan/tp-rules.h>

/* Minimum periods, one function per instrument (rules-<instrument>.c).
 * Each fills @out or returns TP_ERR_RULE for a procedure the instrument
 * does not have. */
enum tp_status
tp_pcr2006_min_period(enum tp_procedure proc, enum tp_period_kind kind,
		      unsigned claims, struct tp_min_period *out,
		      struct tp_error *err);
enum tp_status
tp_pcr2015_min_period(enum tp_procedure proc, enum tp_period_kind kind,
		      unsigned claims, bool scotland,
		      struct tp_min_period *out, struct tp_error *err);
enum tp_status
tp_pa2023_min_period(enum tp_procedure proc, enum tp_period_kind kind,
		     unsigned claims, struct tp_min_period *out,
		     struct tp_error *err);

/* Fill @out; returns TP_OK. */
static inline enum tp_status
tp_min_period_set(struct tp_min_period *out, int32_t days,
		  const char *citation, const char *explanation)
{
	out->days = days;
	out->citation = citation;
	out->explanation = explanation;
	return TP_OK;
}

#endif
