/* SPDX-License-Identifier: MIT */
/* Scheduling a plan file: the statute's calendar for its statutory stages,
 * chosen from the regime that applies (tp-plan-xml.h). */
#include "config.h"

#include <stdlib.h>

#include <tenderplan/tp-plan-xml.h>
#include <tenderplan/tp-schedule.h>

#include "calendar-cache-private.h"
#include "date-private.h"
#include "error-private.h"
#include "plan-doc-private.h"
#include "plan-private.h"

enum tp_region
tp_statutory_region(enum tp_regime regime, enum tp_region jurisdiction)
{
	switch (regime) {
	case TP_REGIME_PA2023:
		/* Procurement Act 2023 s.123: not a bank holiday in any part
		 * of the United Kingdom. */
		return TP_REGION_UK;
	case TP_REGIME_PCSR2015:
		/* PCSR 2015 reg 2(1): a bank holiday in Scotland. */
		return TP_REGION_SCOTLAND;
	case TP_REGIME_PCR2006:
	case TP_REGIME_PCR2015:
		/* PCR 2006 reg 2(1), PCR 2015 reg 2(1): a bank holiday within
		 * the meaning of the 1971 Act, where the authority is. */
		return jurisdiction == TP_REGION_NORTHERN_IRELAND ||
				       jurisdiction == TP_REGION_SCOTLAND
			       ? jurisdiction
			       : TP_REGION_ENGLAND_AND_WALES;
	case TP_REGIME_PSR2023:
		/* PSR 2023 reg 12(12): "a bank holiday in England" (and
		 * Christmas Day, Good Friday and the first Monday in May,
		 * which England's list has in every year since the PSR came
		 * into force; the checker's calendar adds the first Monday in
		 * a year a proclamation moves it). */
		return TP_REGION_ENGLAND_AND_WALES;
	case TP_REGIME_NONE:
	case TP_REGIME_LOCAL:
	case TP_REGIME_BY_DATE:
		break;
	}
	return TP_REGION_NONE;
}

static bool
has_statutory_stage(const struct tp_plan *plan)
{
	for (uint32_t v = 0; v < plan->n_stages; v++)
		if (plan->stages[v].calendar == TP_STAGE_CALENDAR_STATUTORY)
			return true;
	return false;
}

/* The regime in force for a procurement begun on @started: the plan's own,
 * or by date. */
static enum tp_regime
regime_on(const struct tp_plan_doc *doc, struct tp_date started)
{
	enum tp_regime r = TP_REGIME_NONE;
	if (tp_rules_config_regime(&doc->rules, started, &r, NULL) != TP_OK)
		r = TP_REGIME_NONE;
	return r;
}

/* Build (or drop) the statutory calendar for @region, covering the plan
 * calendar's years. */
static enum tp_status
set_statutory(struct tp_plan_doc *doc, enum tp_region region,
	      struct tp_error *err)
{
	const struct tp_calendar *cal = tp_plan_calendar(doc->plan);
	struct tp_calendar_builder *b = NULL;
	struct tp_calendar *out = NULL;
	int y0, y1;
	enum tp_status rc;

	doc->stat_region = region;
	if (region == TP_REGION_NONE || !cal) {
		tp_plan_set_statutory_calendar(doc->plan, NULL);
		return TP_OK;
	}
	y0 = tp_date_year(tp_calendar_first_day(cal));
	y1 = tp_date_year(tp_calendar_last_day(cal));
	if (y0 < TP_HOLIDAYS_FIRST_YEAR)
		y0 = TP_HOLIDAYS_FIRST_YEAR;
	if (doc->cache) {
		const struct tp_calendar *shared = NULL;
		rc = tp_calendar_cache_statutory(doc->cache, region, y0, y1,
						 &shared, err);
		if (rc == TP_OK)
			tp_plan_set_statutory_calendar(doc->plan, shared);
		return rc;
	}
	rc = tp_calendar_builder_new(&b, err);
	if (rc == TP_OK)
		rc = tp_calendar_builder_set_region(b, region, err);
	if (rc == TP_OK)
		rc = tp_calendar_builder_set_range(b, y0, y1, err);
	if (rc == TP_OK)
		rc = tp_calendar_builder_build(b, &out, err);
	tp_calendar_builder_free(b);
	if (rc == TP_OK)
		tp_plan_take_statutory_calendar(doc->plan, out);
	return rc;
}

/* The day the procurement starts, as far as the anchors say before
 * scheduling. */
static struct tp_date
anchor_guess(const struct tp_plan *plan)
{
	struct tp_date d = {0};
	if (!tp_plan_start_date(plan, &d))
		tp_plan_contract_start(plan, &d);
	return d;
}

enum tp_status
tp_plan_doc_build_statutory_calendar(struct tp_plan_doc *doc,
				     struct tp_error *err)
{
	struct tp_date started = anchor_guess(doc->plan);
	if (!has_statutory_stage(doc->plan))
		return set_statutory(doc, TP_REGION_NONE, err);
	return set_statutory(
		doc,
		tp_statutory_region(regime_on(doc, started),
				    doc->rules.jurisdiction),
		err);
}

/* When the procurement begins in @s: the advert's start, else the plan's. */
static struct tp_date
procurement_start(const struct tp_schedule *s)
{
	const struct tp_plan *plan = tp_schedule_plan(s);
	for (size_t i = 0; i < tp_plan_stage_count(plan); i++)
		if (tp_plan_stage_kind(plan, i) == TP_STAGE_ADVERT)
			return tp_schedule_early_start(s, i);
	return tp_schedule_plan_start(s);
}

TP_EXPORT enum tp_status
tp_plan_doc_schedule(struct tp_plan_doc *doc,
		     const struct tp_schedule_options *opt,
		     struct tp_schedule **out, struct tp_error *err)
{
	struct tp_schedule *s = NULL;
	enum tp_region region;
	enum tp_status rc;

	if (!doc || !out)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "tp_plan_doc_schedule needs a document "
				     "and a result pointer");
	rc = tp_schedule_compute_with(doc->plan, opt, &s, err);
	if (rc != TP_OK || !has_statutory_stage(doc->plan) ||
	    doc->rules.regime != TP_REGIME_BY_DATE)
		goto done;
	/* The regime follows from the advert date, which the calendar can
	 * move: schedule once more if it changes the statute's calendar.
	 * Near a change of regime the two answers can disagree; the second
	 * is kept, and the checker names the regime it applied. */
	region = tp_statutory_region(regime_on(doc, procurement_start(s)),
				     doc->rules.jurisdiction);
	if (region == doc->stat_region)
		goto done;
	tp_schedule_free(s);
	s = NULL;
	rc = set_statutory(doc, region, err);
	if (rc == TP_OK)
		rc = tp_schedule_compute_with(doc->plan, opt, &s, err);
done:
	if (rc == TP_OK)
		*out = s;
	return rc;
}

TP_EXPORT enum tp_region
tp_plan_doc_statutory_region(const struct tp_plan_doc *doc)
{
	return doc ? doc->stat_region : TP_REGION_NONE;
}
