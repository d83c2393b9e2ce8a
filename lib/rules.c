/* SPDX-License-Identifier: MIT */
/* Procurement regimes: which applies when, standstill periods, and the
 * dispatch of minimum periods to one file per instrument. */
#include "config.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "date-private.h"
#include "error-private.h"
#include "rules-private.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const struct regime_info {
	const char *name, *title;
	/* In force for procurements begun from this day (England and Wales,
	 * Northern Ireland; Scotland for pcsr2015). */
	struct tp_date from;
} regimes[] = {
	[TP_REGIME_NONE] = {"none", "no statutory regime", {0}},
	/* PCR 2006 reg 1: in force 31 January 2006. */
	[TP_REGIME_PCR2006] = {"pcr2006",
			       "Public Contracts Regulations 2006 (SI 2006/5)",
			       TP_DATE_INIT(2006, 1, 31)},
	/* PCR 2015 reg 1(2): in force 26 February 2015. */
	[TP_REGIME_PCR2015] = {"pcr2015",
			       "Public Contracts Regulations 2015 (SI 2015/102)",
			       TP_DATE_INIT(2015, 2, 26)},
	/* PCSR 2015 reg 98: procedures begun from 18 April 2016. */
	[TP_REGIME_PCSR2015] = {"pcsr2015",
				"Public Contracts (Scotland) Regulations 2015 "
				"(SSI 2015/446)",
				TP_DATE_INIT(2016, 4, 18)},
	/* Procurement Act 2023 (Commencement No. 3 and Transitional and
	 * Saving Provisions) Regulations 2024 (SI 2024/716) as amended by
	 * SI 2024/959: 24 February 2025. */
	[TP_REGIME_PA2023] = {"pa2023", "Procurement Act 2023 (c. 54)",
			      TP_DATE_INIT(2025, 2, 24)},
	[TP_REGIME_LOCAL] = {"local", "local contract procedure rules", {0}},
	[TP_REGIME_BY_DATE] = {"by-date",
			       "the regime in force on the procurement's start",
			       {0}},
};

/* The new settings live in what was reserved space: the struct keeps its
 * size (64 bytes after local_report_days, as before). */
static_assert(offsetof(struct tp_rules_config, reserved) ==
		      offsetof(struct tp_rules_config, local_report_days) + 16,
	      "new tp_rules_config fields moved the reserved space");
static_assert(sizeof(((struct tp_rules_config *)0)->reserved) == 48,
	      "tp_rules_config changed size");

TP_EXPORT const char *
tp_regime_name(enum tp_regime regime)
{
	return (unsigned)regime < COUNT(regimes) ? regimes[regime].name : NULL;
}

TP_EXPORT const char *
tp_regime_title(enum tp_regime regime)
{
	return (unsigned)regime < COUNT(regimes) ? regimes[regime].title
						 : NULL;
}

TP_EXPORT enum tp_status
tp_regime_from_name(const char *name, enum tp_regime *out,
		    struct tp_error *err)
{
	for (size_t i = 0; name && i < COUNT(regimes); i++)
		if (!strcmp(name, regimes[i].name)) {
			*out = (enum tp_regime)i;
			return TP_OK;
		}
	return tp_error_setf(err, TP_ERR_INVALID, NULL,
			     "unknown regime '%.64s' (expected pcr2006, "
			     "pcr2015, pcsr2015, pa2023, local, none or "
			     "by-date)",
			     name ? name : "");
}

static enum tp_status
check_jurisdiction(enum tp_region jurisdiction, struct tp_error *err)
{
	if (jurisdiction == TP_REGION_ENGLAND_AND_WALES ||
	    jurisdiction == TP_REGION_SCOTLAND ||
	    jurisdiction == TP_REGION_NORTHERN_IRELAND)
		return TP_OK;
	return tp_error_setf(err, TP_ERR_INVALID, NULL,
			     "the jurisdiction must be england-and-wales, "
			     "scotland or northern-ireland, not '%s'",
			     tp_region_name(jurisdiction)
				     ? tp_region_name(jurisdiction)
				     : "?");
}

TP_EXPORT enum tp_status
tp_regime_for(struct tp_date started, enum tp_region jurisdiction,
	      enum tp_regime *out, struct tp_error *err)
{
	static const enum tp_regime order[] = {
		TP_REGIME_PA2023, TP_REGIME_PCR2015, TP_REGIME_PCR2006};
	enum tp_status rc = check_jurisdiction(jurisdiction, err);

	if (rc != TP_OK || !out)
		return rc != TP_OK ? rc
				   : tp_error_setf(err, TP_ERR_INVALID, NULL,
						   "tp_regime_for needs a "
						   "result pointer");
	if (jurisdiction == TP_REGION_SCOTLAND) {
		/* PCR 2015 reg 1(7), PCR 2006 reg 1(2): not Scotland. PA 2023
		 * s.2(5)(a): devolved Scottish authorities are excluded, so
		 * Scotland keeps PCSR 2015 after 24 Feb 2025. */
		*out = started.day >= regimes[TP_REGIME_PCSR2015].from.day
			       ? TP_REGIME_PCSR2015
			       : TP_REGIME_NONE;
		return TP_OK;
	}
	for (size_t i = 0; i < COUNT(order); i++)
		if (started.day >= regimes[order[i]].from.day) {
			*out = order[i];
			return TP_OK;
		}
	*out = TP_REGIME_NONE;
	return TP_OK;
}

/* Whether @regime extends to @jurisdiction: PCR 2006 reg 1(2) and PCR 2015
 * reg 1(7) do not extend to Scotland. (PA 2023 and PCSR 2015 mismatches
 * are warnings of the checker, not substitutions.) */
static bool
extends_to(enum tp_regime regime, enum tp_region jurisdiction)
{
	return jurisdiction != TP_REGION_SCOTLAND ||
	       (regime != TP_REGIME_PCR2006 && regime != TP_REGIME_PCR2015);
}

TP_EXPORT enum tp_status
tp_rules_config_regime(const struct tp_rules_config *cfg,
		       struct tp_date started, enum tp_regime *out,
		       struct tp_error *err)
{
	enum tp_regime by_date;
	enum tp_status rc;

	if (!cfg || !out)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "tp_rules_config_regime needs settings "
				     "and a result pointer");
	if (!tp_regime_name(cfg->regime))
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "unknown regime %d", (int)cfg->regime);
	/* A call-off follows its framework: SI 2024/716 reg 5(3)(a), PCR
	 * 2015 reg 118(3), SI 2009/2992 reg 11(3). */
	if (cfg->procedure == TP_PROC_CALL_OFF && cfg->has_framework_concluded)
		started = cfg->framework_concluded;
	rc = tp_regime_for(started, cfg->jurisdiction, &by_date, err);
	if (rc != TP_OK)
		return rc;
	*out = cfg->regime == TP_REGIME_BY_DATE ||
			       !extends_to(cfg->regime, cfg->jurisdiction)
		       ? by_date
		       : cfg->regime;
	return TP_OK;
}

TP_EXPORT const char *
tp_authority_name(enum tp_authority authority)
{
	switch (authority) {
	case TP_AUTHORITY_SUB_CENTRAL:
		return "sub-central";
	case TP_AUTHORITY_CENTRAL_GOVERNMENT:
		return "central-government";
	}
	return NULL;
}

TP_EXPORT enum tp_status
tp_authority_from_name(const char *name, enum tp_authority *out,
		       struct tp_error *err)
{
	static const enum tp_authority all[] = {
		TP_AUTHORITY_SUB_CENTRAL, TP_AUTHORITY_CENTRAL_GOVERNMENT};

	for (size_t i = 0; name && out && i < COUNT(all); i++)
		if (!strcmp(name, tp_authority_name(all[i]))) {
			*out = all[i];
			return TP_OK;
		}
	return tp_error_setf(err, TP_ERR_INVALID, NULL,
			     "unknown authority '%.64s' (expected sub-central "
			     "or central-government)",
			     name ? name : "");
}

/* ---- standstill ---------------------------------------------------------- */

/* PCR 2006 reg 2(1) before SI 2009/2992 reg 4(a) (20 Dec 2009): Christmas
 * Day and Good Friday were not named, so they were working days unless
 * bank holidays; in England, Wales and Northern Ireland they are not BFDA
 * bank holidays (Sch 1 paras 1 and 3). */
static bool
pcr2006_working_before_2009(struct tp_date d)
{
	int y, m, day;

	if (d.day >= TP_DATE(2009, 12, 20).day)
		return false;
	tp_date_to_ymd(d, &y, &m, &day);
	return (m == 12 && day == 25) ||
	       d.day == tp_easter_sunday(y).day - 2;
}

/* A region's calendar without the days PCR 2006 counted as working. */
static enum tp_status
add_pcr2006_holidays(struct tp_calendar_builder *b, enum tp_region region,
		     int from, int to, struct tp_error *err)
{
	struct tp_holiday_list *list = NULL;
	enum tp_status rc = tp_region_holidays(region, from, to, &list, err);

	for (size_t i = 0; rc == TP_OK && i < tp_holiday_list_count(list);
	     i++) {
		const struct tp_holiday *h = tp_holiday_list_get(list, i);
		if (!pcr2006_working_before_2009(h->date))
			rc = tp_calendar_builder_add_holiday(b, h->date,
							     h->name, err);
	}
	tp_holiday_list_free(list);
	return rc;
}

static enum tp_region
statute_region(enum tp_regime regime, enum tp_region region)
{
	if (regime == TP_REGIME_PA2023)
		return TP_REGION_UK;
	if (regime == TP_REGIME_PCSR2015)
		return TP_REGION_SCOTLAND;
	return region == TP_REGION_NONE ? TP_REGION_ENGLAND_AND_WALES
					: region;
}

enum tp_status
tp_statute_calendar(enum tp_regime regime, enum tp_region region,
		    int from_year, int to_year, struct tp_calendar **out,
		    struct tp_error *err)
{
	struct tp_calendar_builder *b = NULL;
	enum tp_region r = statute_region(regime, region);
	/* The PCR 2006 exception only matters up to 2009. */
	bool old_days = regime == TP_REGIME_PCR2006 && from_year <= 2009;
	enum tp_status rc;

	if (from_year < TP_HOLIDAYS_FIRST_YEAR)
		from_year = TP_HOLIDAYS_FIRST_YEAR;
	if (to_year > TP_YEAR_MAX)
		to_year = TP_YEAR_MAX;
	if (to_year < from_year)
		to_year = from_year;
	rc = tp_calendar_builder_new(&b, err);
	if (rc == TP_OK)
		rc = tp_calendar_builder_set_region(
			b, old_days ? TP_REGION_NONE : r, err);
	if (rc == TP_OK)
		rc = tp_calendar_builder_set_range(b, from_year, to_year, err);
	if (rc == TP_OK && old_days)
		rc = add_pcr2006_holidays(b, r, from_year, to_year, err);
	if (rc == TP_OK)
		rc = tp_calendar_builder_build(b, out, err);
	tp_calendar_builder_free(b);
	return rc;
}

static void
warn_if_not_in_force(enum tp_regime regime, struct tp_date sent,
		     struct tp_standstill *out)
{
	char sent_s[TP_DATE_STRLEN], from_s[TP_DATE_STRLEN];
	struct tp_date from = regimes[regime].from;

	/* PCR 2006 reg 32A applies to procurements begun from 20 Dec 2009
	 * (SI 2009/2992 reg 1 and the transitional provisions). */
	if (regime == TP_REGIME_PCR2006)
		from = TP_DATE(2009, 12, 20);
	if (regime == TP_REGIME_LOCAL || sent.day >= from.day)
		return;
	snprintf(out->warning, sizeof(out->warning),
		 "%s was not in force on %s (the rule applies from %s); "
		 "computed as if it were",
		 regime == TP_REGIME_PCR2006 ? "PCR 2006 reg 32A"
					     : regimes[regime].title,
		 tp_date_format(sent, sent_s), tp_date_format(from, from_s));
}

/* PCR 2006 reg 32A(2)-(3),(6); PCR 2015 reg 87(2)-(3) with reg 2(4); PCSR
 * 2015 reg 86(3)-(4) with reg 2(4): the period ends at midnight at the end
 * of the 10th day (electronic) or 15th day (other means) after sending; a
 * last day that is not a working day extends to the next working day. */
static enum tp_status
calendar_day_standstill(const struct tp_standstill_request *req,
			const struct tp_calendar *cal,
			struct tp_standstill *out, struct tp_error *err)
{
	bool other = req->means == TP_NOTICE_OTHER;
	int32_t days = other ? 15 : 10;
	struct tp_date nominal = tp_date_from_serial(req->sent.day + days);

	/* PCR 2006 reg 32A(3)(b), PCR 2015 reg 87(3)(b): by other means, the
	 * 10th day after the last notice is received if that comes first.
	 * PCSR 2015 reg 86(4) has no such alternative. */
	if (other && req->has_received && req->regime != TP_REGIME_PCSR2015 &&
	    req->received.day + 10 < nominal.day)
		nominal = tp_date_from_serial(req->received.day + 10);
	out->days = days;
	out->working_days = false;
	out->first_day = tp_date_from_serial(req->sent.day + 1);
	out->nominal_last_day = nominal;
	return tp_calendar_adjust(cal, nominal, TP_ROLL_FOLLOWING,
				  &out->last_day, err);
}

/* Procurement Act 2023 s.51(2): eight working days beginning with the day
 * the contract award notice is published; a notice published on a
 * non-working day starts the count on the next working day. */
static enum tp_status
working_day_standstill(const struct tp_calendar *cal, struct tp_date sent,
		       int32_t days, bool includes_sent,
		       struct tp_standstill *out, struct tp_error *err)
{
	enum tp_status rc;

	out->days = days;
	out->working_days = true;
	if (includes_sent)
		rc = tp_calendar_adjust(cal, sent, TP_ROLL_FOLLOWING,
					&out->first_day, err);
	else
		rc = tp_calendar_next_working_day(cal, sent, &out->first_day,
						  err);
	if (rc == TP_OK)
		rc = tp_calendar_add_working_days(cal, out->first_day,
						  days - 1, &out->last_day,
						  err);
	out->nominal_last_day = out->last_day;
	return rc;
}

static const char *
standstill_citation(const struct tp_standstill_request *req)
{
	bool other = req->means == TP_NOTICE_OTHER;
	switch (req->regime) {
	case TP_REGIME_PCR2006:
		return other ? "PCR 2006 reg 32A(3) and (6) (SI 2009/2992)"
			     : "PCR 2006 reg 32A(2) and (6) (SI 2009/2992)";
	case TP_REGIME_PCR2015:
		return other ? "PCR 2015 reg 87(3) and reg 2(4)"
			     : "PCR 2015 reg 87(2) and reg 2(4)";
	case TP_REGIME_PCSR2015:
		return other ? "PCSR 2015 reg 86(4) and reg 2(4)"
			     : "PCSR 2015 reg 86(3) and reg 2(4)";
	case TP_REGIME_PA2023:
		return "Procurement Act 2023 s.51(2) and s.123";
	case TP_REGIME_LOCAL:
		return req->local->citation ? req->local->citation
					    : "local contract procedure rules";
	case TP_REGIME_NONE:
	case TP_REGIME_BY_DATE:
		break;
	}
	return "";
}

static enum tp_region
standstill_region(const struct tp_standstill_request *req)
{
	return statute_region(req->regime, req->region);
}

static enum tp_status
check_request(const struct tp_standstill_request *req, struct tp_error *err)
{
	if (!tp_regime_name(req->regime) || req->regime == TP_REGIME_NONE ||
	    req->regime == TP_REGIME_BY_DATE)
		return tp_error_setf(err, TP_ERR_RULE, NULL,
				     "no standstill: choose a regime "
				     "(pcr2006, pcr2015, pcsr2015, pa2023 or "
				     "local)");
	if (!extends_to(req->regime, req->region))
		return tp_error_setf(err, TP_ERR_RULE, NULL,
				     "%s do not extend to Scotland (%s): use "
				     "pcsr2015, the Public Contracts "
				     "(Scotland) Regulations 2015",
				     req->regime == TP_REGIME_PCR2015
					     ? "the Public Contracts Regulations "
					       "2015"
					     : "the Public Contracts Regulations "
					       "2006",
				     req->regime == TP_REGIME_PCR2015
					     ? "reg 1(7)"
					     : "reg 1(2)");
	if (req->regime == TP_REGIME_LOCAL &&
	    (!req->local || req->local->standstill_days <= 0))
		return tp_error_setf(err, TP_ERR_RULE, NULL,
				     "a local standstill needs a length of "
				     "at least one day");
	if (req->sent.day < TP_DATE(TP_HOLIDAYS_FIRST_YEAR, 1, 1).day ||
	    req->sent.day > TP_DATE(TP_YEAR_MAX - 1, 12, 31).day)
		return tp_error_setf(err, TP_ERR_RANGE, NULL,
				     "the notice date must be between %d and "
				     "%d",
				     TP_HOLIDAYS_FIRST_YEAR, TP_YEAR_MAX - 1);
	if (req->has_received && req->received.day < req->sent.day)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "the notice cannot be received before it "
				     "was sent");
	return TP_OK;
}

static enum tp_status
compute_with(const struct tp_standstill_request *req,
	     const struct tp_calendar *cal, struct tp_standstill *out,
	     struct tp_error *err)
{
	const struct tp_local_rules *local = req->local;

	if (req->regime == TP_REGIME_PA2023)
		return working_day_standstill(cal, req->sent, 8, true, out,
					      err);
	if (req->regime != TP_REGIME_LOCAL)
		return calendar_day_standstill(req, cal, out, err);
	if (local->standstill_working_days)
		return working_day_standstill(cal, req->sent,
					      local->standstill_days, false,
					      out, err);
	out->days = local->standstill_days;
	out->working_days = false;
	out->first_day = tp_date_from_serial(req->sent.day + 1);
	out->nominal_last_day =
		tp_date_from_serial(req->sent.day + local->standstill_days);
	return tp_calendar_adjust(cal, out->nominal_last_day,
				  TP_ROLL_FOLLOWING, &out->last_day, err);
}

enum tp_status
tp_standstill_compute_on(const struct tp_standstill_request *req,
			 const struct tp_calendar *statute,
			 struct tp_standstill *out, struct tp_error *err)
{
	struct tp_standstill s;
	struct tp_calendar *own = NULL;
	const struct tp_calendar *cal = statute;
	enum tp_status rc;

	if (!req || !out)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "tp_standstill_compute needs a request "
				     "and a result pointer");
	rc = check_request(req, err);
	if (rc != TP_OK)
		return rc;
	memset(&s, 0, sizeof(s));
	s.calendar_region = standstill_region(req);
	if (req->regime == TP_REGIME_LOCAL && req->calendar) {
		cal = req->calendar;
		s.calendar_region = tp_calendar_region(cal);
	} else if (!cal) {
		int y = tp_date_year(req->sent);
		rc = tp_statute_calendar(req->regime, req->region, y - 1, y + 1,
					 &own, err);
		cal = own;
	}
	if (rc == TP_OK)
		rc = compute_with(req, cal, &s, err);
	tp_calendar_free(own);
	if (rc != TP_OK)
		return rc;
	s.extended = s.last_day.day != s.nominal_last_day.day;
	s.earliest_contract = tp_date_from_serial(s.last_day.day + 1);
	s.citation = standstill_citation(req);
	warn_if_not_in_force(req->regime, req->sent, &s);
	*out = s;
	return TP_OK;
}

TP_EXPORT enum tp_status
tp_standstill_compute(const struct tp_standstill_request *req,
		      struct tp_standstill *out, struct tp_error *err)
{
	return tp_standstill_compute_on(req, NULL, out, err);
}

/* ---- minimum periods ---------------------------------------------------- */

static const char *const procedure_names[] = {
	[TP_PROC_OPEN] = "open",
	[TP_PROC_RESTRICTED] = "restricted",
	[TP_PROC_NEGOTIATION] = "negotiation",
	[TP_PROC_COMPETITIVE_DIALOGUE] = "competitive-dialogue",
	[TP_PROC_INNOVATION_PARTNERSHIP] = "innovation-partnership",
	[TP_PROC_LIGHT_TOUCH] = "light-touch",
	[TP_PROC_PART_B] = "part-b",
	[TP_PROC_COMPETITIVE_FLEXIBLE] = "competitive-flexible",
	[TP_PROC_BELOW_THRESHOLD] = "below-threshold",
	[TP_PROC_CALL_OFF] = "call-off",
};

TP_EXPORT const char *
tp_procedure_name(enum tp_procedure procedure)
{
	return (unsigned)procedure < COUNT(procedure_names)
		       ? procedure_names[procedure]
		       : NULL;
}

TP_EXPORT enum tp_status
tp_procedure_from_name(const char *name, enum tp_procedure *out,
		       struct tp_error *err)
{
	for (size_t i = 0; name && i < COUNT(procedure_names); i++)
		if (!strcmp(name, procedure_names[i])) {
			*out = (enum tp_procedure)i;
			return TP_OK;
		}
	return tp_error_setf(err, TP_ERR_INVALID, NULL,
			     "unknown procedure '%.64s' (expected open, "
			     "restricted, negotiation, competitive-dialogue, "
			     "innovation-partnership, light-touch, part-b, "
			     "competitive-flexible, below-threshold or "
			     "call-off)",
			     name ? name : "");
}

TP_EXPORT enum tp_status
tp_min_period_query(const struct tp_period_query *q, struct tp_min_period *out,
		    struct tp_error *err)
{
	if (!q || !out)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "tp_min_period_query needs a query and a "
				     "result pointer");
	if (!tp_procedure_name(q->procedure) ||
	    (q->kind != TP_PERIOD_PARTICIPATION && q->kind != TP_PERIOD_TENDER) ||
	    !tp_authority_name(q->authority))
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "unknown procedure, period kind or "
				     "authority");
	switch (q->regime) {
	case TP_REGIME_PCR2006:
		return tp_pcr2006_min_period(q->procedure, q->kind, q->claims,
					     out, err);
	case TP_REGIME_PCR2015:
	case TP_REGIME_PCSR2015:
		return tp_pcr2015_min_period(q->procedure, q->kind, q->claims,
					     q->regime == TP_REGIME_PCSR2015,
					     q->authority, out, err);
	case TP_REGIME_PA2023:
		return tp_pa2023_min_period(q->procedure, q->kind, q->claims,
					    q->authority, out, err);
	case TP_REGIME_LOCAL:
	case TP_REGIME_NONE:
		return tp_min_period_set(out, -1, "",
					 "no statutory minimum");
	case TP_REGIME_BY_DATE:
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "by-date is not a regime: resolve it "
				     "first (tp_rules_config_regime)");
	}
	return tp_error_setf(err, TP_ERR_INVALID, NULL, "unknown regime %d",
			     (int)q->regime);
}

TP_EXPORT enum tp_status
tp_min_period(enum tp_regime regime, enum tp_procedure procedure,
	      enum tp_period_kind kind, unsigned claims,
	      struct tp_min_period *out, struct tp_error *err)
{
	struct tp_period_query q;

	memset(&q, 0, sizeof(q));
	q.regime = regime;
	q.procedure = procedure;
	q.kind = kind;
	q.claims = claims;
	q.authority = TP_AUTHORITY_SUB_CENTRAL;
	return tp_min_period_query(&q, out, err);
}

TP_EXPORT enum tp_status
tp_earliest_deadline(enum tp_regime regime, const struct tp_calendar *cal,
		     struct tp_date sent, int32_t days, struct tp_date *out,
		     struct tp_error *err)
{
	struct tp_date d, second;
	enum tp_status rc;

	if (!out || !tp_regime_name(regime) || regime == TP_REGIME_BY_DATE)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "tp_earliest_deadline needs a regime "
				     "(not by-date) and a result pointer");
	if (days < 0)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "a minimum period cannot be negative "
				     "(%ld days)",
				     (long)days);
	rc = tp_date_add_days(sent, days, &d, err);
	if (rc != TP_OK)
		return rc;
	/* Procurement Act 2023 s.54(5): no roll-forward, no working-day
	 * floor. */
	if (regime == TP_REGIME_PA2023 || regime == TP_REGIME_NONE) {
		*out = d;
		return TP_OK;
	}
	if (!cal)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "tp_earliest_deadline needs a calendar");
	/* PCR 2006 reg 2(4)(c), PCR 2015 reg 2(4), PCSR 2015 reg 2(4)(c); local
	 * rules are read the same way. */
	rc = tp_calendar_adjust(cal, d, TP_ROLL_FOLLOWING, &d, err);
	if (rc == TP_OK && regime == TP_REGIME_LOCAL) {
		*out = d;
		return TP_OK;
	}
	/* PCR 2006 reg 2(4)(b), PCR 2015 reg 2(3)(a), PCSR 2015 reg 2(4)(b):
	 * at least two working days, counted from the day after @sent. */
	if (rc == TP_OK)
		rc = tp_calendar_next_working_day(cal, sent, &second, err);
	if (rc == TP_OK)
		rc = tp_calendar_next_working_day(cal, second, &second, err);
	if (rc == TP_OK)
		*out = d.day > second.day ? d : second;
	return rc;
}

TP_EXPORT void
tp_rules_config_init(struct tp_rules_config *cfg)
{
	if (!cfg)
		return;
	memset(cfg, 0, sizeof(*cfg));
	cfg->regime = TP_REGIME_BY_DATE;
	cfg->authority = TP_AUTHORITY_SUB_CENTRAL;
	cfg->jurisdiction = TP_REGION_ENGLAND_AND_WALES;
	cfg->procedure = TP_PROC_OPEN;
	cfg->claims = TP_CLAIM_ELECTRONIC_TENDERS |
		      TP_CLAIM_DOCUMENTS_WITH_NOTICE |
		      TP_CLAIM_ELECTRONIC_NOTICE;
	cfg->notice_means = TP_NOTICE_ELECTRONIC;
}

TP_EXPORT const char *
tp_severity_name(enum tp_severity severity)
{
	switch (severity) {
	case TP_SEVERITY_INFO:
		return "info";
	case TP_SEVERITY_WARNING:
		return "warning";
	case TP_SEVERITY_ERROR:
		return "error";
	}
	return "unknown";
}
