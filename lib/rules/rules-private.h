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
		      enum tp_authority authority, struct tp_min_period *out,
		      struct tp_error *err);
enum tp_status
tp_pa2023_min_period(enum tp_procedure proc, enum tp_period_kind kind,
		     unsigned claims, enum tp_authority authority,
		     struct tp_min_period *out, struct tp_error *err);

enum tp_status
tp_psr2023_min_period(enum tp_procedure proc, struct tp_min_period *out,
		      struct tp_error *err);

/* PSR 2023 Schedule 1: how a CPV code ("85323000-9", "85323000") stands.
 * @digits are the 8 digits as a number. */
enum tp_cpv_status {
	TP_CPV_LISTED = 0,     /* in Schedule 1 */
	TP_CPV_QUALIFIED = 1,  /* in Schedule 1, "but only insofar as" */
	TP_CPV_CHILD = 2,      /* not listed, under a listed parent */
	TP_CPV_NOT_LISTED = 3, /* neither */
};
struct tp_cpv_match {
	enum tp_cpv_status status;
	/* The listed entry (itself or the parent), or NULL; its check
	 * digit, and whether the code given had a different one. */
	const char *listed_code, *description, *qualifier;
	bool check_digit_differs;
};
/* Whether @code has the form of a CPV code: 8 digits, optionally '-' and
 * a check digit. */
bool tp_cpv_well_formed(const char *code);
/* Look @code (well formed) up in Schedule 1. */
void tp_psr2023_cpv_lookup(const char *code, struct tp_cpv_match *out);

/* The calendar a statute counts working days on, for the years @from_year
 * to @to_year (clamped to the supported range): the whole UK's bank
 * holidays for PA 2023 (s.123), Scotland's for PCSR 2015 (reg 2(1)),
 * @region's for PCR 2015 and local rules (TP_REGION_NONE:
 * england-and-wales), and for PCR 2006 @region's without Christmas Day and
 * Good Friday before 20 Dec 2009 (SI 2009/2992 reg 4(a)). */
/* tp_standstill_compute() on @statute, the calendar tp_statute_calendar()
 * gives for the request's regime and region over the days concerned (NULL:
 * build one). Local requests with their own calendar use that. */
enum tp_status
tp_standstill_compute_on(const struct tp_standstill_request *req,
			 const struct tp_calendar *statute,
			 struct tp_standstill *out, struct tp_error *err);

enum tp_status
tp_statute_calendar(enum tp_regime regime, enum tp_region region,
		    int from_year, int to_year, struct tp_calendar **out,
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
