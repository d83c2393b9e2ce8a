/* SPDX-License-Identifier: MIT */
/* Procurement regimes: which applies when, standstill periods, and the
 * dispatch of minimum periods to one file per instrument. */
#include "config.h"

#include <assert.h>
#include <stdarg.h>
#include <stddef.h>
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
	[TP_REGIME_PCR2015] =
		{"pcr2015", "Public Contracts Regulations 2015 (SI 2015/102)",
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
	/* PSR 2023 reg 1(1): in force 1 January 2024; reg 29(1), (4):
	 * procedures commenced before then stay under the old rules. */
	[TP_REGIME_PSR2023] = {"psr2023",
			       "Health Care Services (Provider Selection "
			       "Regime) Regulations 2023 (SI 2023/1348)",
			       TP_DATE_INIT(2024, 1, 1)},
};

/* WSI 2025/99 reg 1(2), 33: in force 24 February 2025 for procedures
 * commenced from then. */
#define WALES_PSR_FROM TP_DATE(2025, 2, 24)

/* The new settings live in what was reserved space: the structs keep
 * their size (64 bytes after local_report_days in tp_rules_config, 32
 * after the warning in tp_standstill, as before). */
#define RESERVED_END(type, field) \
	(offsetof(struct type, field) + sizeof(((struct type *)0)->field))
static_assert(RESERVED_END(tp_rules_config, reserved) ==
		      offsetof(struct tp_rules_config, local_report_days) + 64,
	      "new tp_rules_config fields moved the end of the struct");
static_assert(RESERVED_END(tp_standstill, reserved) ==
		      RESERVED_END(tp_standstill, warning) + 32,
	      "new tp_standstill fields moved the end of the struct");

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
	if (!out)
		return tp_error_null(err, __func__);
	for (size_t i = 0; name && i < COUNT(regimes); i++)
		if (!strcmp(name, regimes[i].name)) {
			*out = (enum tp_regime)i;
			return TP_OK;
		}
	return tp_error_setf(err, TP_ERR_INVALID, NULL,
			     "unknown regime '%.64s' (expected pcr2006, "
			     "pcr2015, pcsr2015, pa2023, psr2023, local, none "
			     "or by-date)",
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
 * reg 1(7) do not extend to Scotland; PSR 2023 reg 1(2) applies in
 * relation to England only. (PA 2023 and PCSR 2015 mismatches are
 * warnings of the checker, not substitutions.) */
static bool
extends_to(enum tp_regime regime, enum tp_region jurisdiction)
{
	if (regime == TP_REGIME_PSR2023)
		return jurisdiction == TP_REGION_ENGLAND_AND_WALES ||
		       jurisdiction == TP_REGION_NONE;
	return jurisdiction != TP_REGION_SCOTLAND ||
	       (regime != TP_REGIME_PCR2006 && regime != TP_REGIME_PCR2015);
}

/* The regime by date of a health service plan begun on @started, or
 * TP_REGIME_BY_DATE when the health service settings change nothing. */
static enum tp_regime
health_regime(const struct tp_rules_config *cfg, struct tp_date started)
{
	if (cfg->jurisdiction != TP_REGION_ENGLAND_AND_WALES)
		return TP_REGIME_BY_DATE;
	/* PSR 2023 reg 1(1), 3(1); reg 29(3)(b): call-offs begun from 1 Jan
	 * 2024 whenever the framework was concluded. */
	if (cfg->health_service == TP_HEALTH_SERVICE_ENGLAND &&
	    started.day >= regimes[TP_REGIME_PSR2023].from.day)
		return TP_REGIME_PSR2023;
	/* WSI 2025/99 reg 34: the 2023 Act does not apply to regulated
	 * health service procurement in Wales; the Regulations are not
	 * modelled. */
	if (cfg->health_service == TP_HEALTH_SERVICE_WALES &&
	    started.day >= WALES_PSR_FROM.day)
		return TP_REGIME_NONE;
	return TP_REGIME_BY_DATE;
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
	by_date = health_regime(cfg, started);
	/* A call-off follows its framework: SI 2024/716 reg 5(3)(a), PCR
	 * 2015 reg 118(3), SI 2009/2992 reg 11(3). */
	if (cfg->procedure == TP_PROC_CALL_OFF && cfg->has_framework_concluded)
		started = cfg->framework_concluded;
	rc = by_date != TP_REGIME_BY_DATE
		     ? check_jurisdiction(cfg->jurisdiction, err)
		     : tp_regime_for(started, cfg->jurisdiction, &by_date, err);
	if (rc != TP_OK)
		return rc;
	*out = cfg->regime == TP_REGIME_BY_DATE ||
			       !extends_to(cfg->regime, cfg->jurisdiction)
		       ? by_date
		       : cfg->regime;
	return TP_OK;
}

static const char *const authority_kind_names[] = {
	[TP_AUTHORITY_KIND_OTHER] = "other",
	[TP_AUTHORITY_KIND_COUNCIL] = "council",
	[TP_AUTHORITY_KIND_ICB] = "icb",
	[TP_AUTHORITY_KIND_NHS_TRUST] = "nhs-trust",
	[TP_AUTHORITY_KIND_NHS_FOUNDATION_TRUST] = "nhs-foundation-trust",
	[TP_AUTHORITY_KIND_NHS_ENGLAND] = "nhs-england",
};

static const char *const health_service_names[] = {
	[TP_HEALTH_SERVICE_NONE] = "none",
	[TP_HEALTH_SERVICE_ENGLAND] = "england",
	[TP_HEALTH_SERVICE_WALES] = "wales",
};

static int
index_of(const char *const *names, size_t n, const char *name)
{
	for (size_t i = 0; name && i < n; i++)
		if (!strcmp(name, names[i]))
			return (int)i;
	return -1;
}

TP_EXPORT const char *
tp_authority_kind_name(enum tp_authority_kind kind)
{
	return (unsigned)kind < COUNT(authority_kind_names)
		       ? authority_kind_names[kind]
		       : NULL;
}

TP_EXPORT enum tp_status
tp_authority_kind_from_name(const char *name, enum tp_authority_kind *out,
			    struct tp_error *err)
{
	int i = index_of(authority_kind_names, COUNT(authority_kind_names),
			 name);

	if (i < 0 || !out)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "unknown authority kind '%.64s' (expected "
				     "other, council, icb, nhs-trust, "
				     "nhs-foundation-trust or nhs-england)",
				     name ? name : "");
	*out = (enum tp_authority_kind)i;
	return TP_OK;
}

TP_EXPORT const char *
tp_health_service_name(enum tp_health_service service)
{
	return (unsigned)service < COUNT(health_service_names)
		       ? health_service_names[service]
		       : NULL;
}

TP_EXPORT enum tp_status
tp_health_service_from_name(const char *name, enum tp_health_service *out,
			    struct tp_error *err)
{
	int i = index_of(health_service_names, COUNT(health_service_names),
			 name);

	if (i < 0 || !out)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "unknown health service '%.64s' (expected "
				     "none, england or wales)",
				     name ? name : "");
	*out = (enum tp_health_service)i;
	return TP_OK;
}

/* Whether the statute of @regime lists an authority of @kind as central
 * government: PA 2023 s.54(5), Sch 1 para 5 and Procurement Regulations
 * 2024 reg 44(1), Sch 2 ("NHS Commissioning Board (known as NHS
 * England)", "NHS Trusts", "NHS Foundation Trusts"); PCR 2015 reg 2(1) and
 * Sch 1 ("NHS Trusts"; foundation trusts and NHS England are not listed). */
static bool
listed_central(enum tp_regime regime, enum tp_authority_kind kind)
{
	if (regime == TP_REGIME_PA2023)
		return kind == TP_AUTHORITY_KIND_NHS_TRUST ||
		       kind == TP_AUTHORITY_KIND_NHS_FOUNDATION_TRUST ||
		       kind == TP_AUTHORITY_KIND_NHS_ENGLAND;
	if (regime == TP_REGIME_PCR2015)
		return kind == TP_AUTHORITY_KIND_NHS_TRUST;
	return false;
}

TP_EXPORT enum tp_status
tp_rules_config_authority(const struct tp_rules_config *cfg,
			  enum tp_regime regime, enum tp_authority *out,
			  struct tp_error *err)
{
	if (!cfg || !out || !tp_authority_name(cfg->authority) ||
	    !tp_authority_kind_name(cfg->authority_kind) ||
	    !tp_regime_name(regime))
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "tp_rules_config_authority needs settings "
				     "with known values and a result pointer");
	*out = cfg->authority == TP_AUTHORITY_CENTRAL_GOVERNMENT ||
			       listed_central(regime, cfg->authority_kind)
		       ? TP_AUTHORITY_CENTRAL_GOVERNMENT
		       : TP_AUTHORITY_SUB_CENTRAL;
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

/* PSR 2023 reg 12(12): "public holiday" includes "the first Monday in
 * May" even in a year when a proclamation moves England's early May bank
 * holiday (as in 1995 and 2020): add it where England's list lacks it. */
static enum tp_status
add_psr_first_mondays(struct tp_calendar_builder *b, int from, int to,
		      struct tp_error *err)
{
	struct tp_holiday_list *list = NULL;
	enum tp_status rc = tp_region_holidays(TP_REGION_ENGLAND_AND_WALES,
					       from, to, &list, err);

	for (int y = from; rc == TP_OK && y <= to; y++) {
		struct tp_date d = TP_DATE(y, 5, 1);
		bool listed = false;
		while (tp_date_weekday(d) != TP_MONDAY)
			d = tp_date_from_serial(d.day + 1);
		for (size_t i = 0; i < tp_holiday_list_count(list); i++)
			listed =
				listed ||
				tp_holiday_list_get(list, i)->date.day == d.day;
		if (!listed)
			rc = tp_calendar_builder_add_holiday(
				b, d,
				"First Monday in May (PSR 2023 reg 12(12))",
				err);
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
	/* PSR 2023 reg 12(12): "a bank holiday in England". */
	if (regime == TP_REGIME_PSR2023)
		return TP_REGION_ENGLAND_AND_WALES;
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
	if (rc == TP_OK && regime == TP_REGIME_PSR2023)
		rc = add_psr_first_mondays(b, from_year, to_year, err);
	if (rc == TP_OK)
		rc = tp_calendar_builder_build(b, out, err);
	tp_calendar_builder_free(b);
	return rc;
}

/* Append a sentence to the warning of @out ("; " between two). */
static void add_warning(struct tp_standstill *out, const char *fmt, ...)
	TP_PRINTF(2, 3);

static void
add_warning(struct tp_standstill *out, const char *fmt, ...)
{
	size_t len = strlen(out->warning);
	va_list ap;

	if (len && len + 2 < sizeof(out->warning)) {
		memcpy(out->warning + len, "; ", 3);
		len += 2;
	}
	va_start(ap, fmt);
	vsnprintf(out->warning + len, sizeof(out->warning) - len, fmt, ap);
	va_end(ap);
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
	add_warning(out,
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

/* PCR 2015 reg 87(5), PCR 2006 reg 32A(5): notices sent electronically to
 * some and by other means to the others: "whichever of the following two
 * times occurs latest: (a) midnight at the end of the 10th day after the
 * date on which the last notice is sent by facsimile or electronic means;
 * (b) the time when whichever of the following occurs first: (i) midnight
 * at the end of the 15th day after the date on which the last notice is
 * sent by other means; (ii) midnight at the end of the 10th day after the
 * date on which the last of the economic operators to receive a notice
 * sent by any such other means receives it"; then PCR 2015 reg 2(4) (PCR
 * 2006 reg 32A(6)) moves a non-working last day to the next working day. */
static enum tp_status
mixed_standstill(const struct tp_standstill_request *req,
		 const struct tp_calendar *cal, struct tp_standstill *out,
		 struct tp_error *err)
{
	int32_t a = req->sent.day + 10, b = req->sent_other.day + 15;
	int32_t last_sent = req->sent.day > req->sent_other.day
				    ? req->sent.day
				    : req->sent_other.day;

	if (req->has_received && req->received.day + 10 < b)
		b = req->received.day + 10;
	out->days = a >= b ? 10 : 15;
	if (a < b && req->has_received && b == req->received.day + 10)
		out->days = 10;
	out->working_days = false;
	out->first_day = tp_date_from_serial(last_sent + 1);
	out->nominal_last_day = tp_date_from_serial(a >= b ? a : b);
	out->citation = req->regime == TP_REGIME_PCR2006
				? "PCR 2006 reg 32A(5) and (6) (SI 2009/2992)"
				: "PCR 2015 reg 87(5) and reg 2(4)";
	return tp_calendar_adjust(cal, out->nominal_last_day, TP_ROLL_FOLLOWING,
				  &out->last_day, err);
}

/* PCR 2015 reg 99(3)(c): the contract is not entered into "before the end
 * of a period of at least 10 days beginning with the day after the date on
 * which the voluntary transparency notice was published"; reg 2(4) applies
 * to Part 3 and moves a non-working 10th day to the end of the next
 * working day (the later, safer reading: docs/legal-research.md §10). */
static enum tp_status
vtn_standstill(const struct tp_standstill_request *req,
	       const struct tp_calendar *cal, struct tp_standstill *out,
	       struct tp_error *err)
{
	out->days = 10;
	out->working_days = false;
	out->first_day = tp_date_from_serial(req->sent.day + 1);
	out->nominal_last_day = tp_date_from_serial(req->sent.day + 10);
	out->citation = "PCR 2015 reg 99(3)(c) and reg 2(4)";
	return tp_calendar_adjust(cal, out->nominal_last_day, TP_ROLL_FOLLOWING,
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

/* Procurement Act 2023 s.51: the mandatory standstill of s.51(2), or, for
 * a contract s.51(3) exempts, the shortest voluntary one s.51(5) allows;
 * then the end the contract award notice states, when later (s.51(1)(b),
 * (4)). */
static enum tp_status
pa2023_standstill(const struct tp_standstill_request *req,
		  const struct tp_calendar *cal, struct tp_standstill *out,
		  struct tp_error *err)
{
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN];
	enum tp_status rc =
		working_day_standstill(cal, req->sent, 8, true, out, err);

	if (rc != TP_OK)
		return rc;
	out->mandatory = !req->exempt;
	out->citation = req->exempt ? "Procurement Act 2023 s.51(3)-(5) and "
				      "s.123"
				    : "Procurement Act 2023 s.51(2) and s.123";
	if (req->has_stated_end && req->stated_end.day > out->last_day.day) {
		out->last_day = req->stated_end;
		if (!req->exempt)
			out->citation = "Procurement Act 2023 s.51(1)(b), "
					"(2) and s.123";
	} else if (req->has_stated_end &&
		   req->stated_end.day < out->last_day.day) {
		add_warning(out,
			    req->exempt
				    ? "s.51(5): a voluntary standstill may not "
				      "be shorter than eight working days "
				      "beginning with the day the contract "
				      "award notice is published, so it runs "
				      "to %s, not %s"
				    : "the mandatory standstill runs to %s, "
				      "later than the end the notice states "
				      "(%s), which is ignored (s.51(1))",
			    tp_date_format(out->last_day, a),
			    tp_date_format(req->stated_end, b));
	} else if (req->exempt && !req->has_stated_end) {
		add_warning(out,
			    "no mandatory standstill (s.51(3)): this is the "
			    "shortest voluntary one (s.51(5)); without one "
			    "the contract award notice gives any date before "
			    "which the contract will not be entered into "
			    "(Procurement Regulations 2024 reg 27(2)(s))");
	}
	return TP_OK;
}

/* PSR 2023 reg 12(2): "The standstill period begins on the day after the
 * day a notice of intention to award or conclude is published"; reg 12(9):
 * "ends at midnight at the end of the 8th working day after the day the
 * standstill period began" (so that day is not counted); reg 12(3): the
 * same 8th working day closes the window for representations. With
 * representations, reg 12(10)(a)(v): "no fewer than 5 working days since
 * the relevant authority informed providers of its last further
 * decision", read as the end of the 5th working day after the day of
 * informing and never before the reg 12(9) end (the later dates:
 * docs/regimes-design.md §7). */
static enum tp_status
psr2023_standstill(const struct tp_standstill_request *req,
		   const struct tp_calendar *cal, struct tp_standstill *out,
		   struct tp_error *err)
{
	struct tp_date fd;
	enum tp_status rc;

	out->days = 8;
	out->working_days = true;
	out->mandatory = true;
	out->first_day = tp_date_from_serial(req->sent.day + 1);
	out->citation = "PSR 2023 reg 12(2), (9), (12)";
	rc = tp_calendar_add_working_days(cal, out->first_day, 8,
					  &out->nominal_last_day, err);
	if (rc != TP_OK)
		return rc;
	out->last_day = out->nominal_last_day;
	out->representations_until = out->nominal_last_day;
	if (req->has_further_decision) {
		rc = tp_calendar_add_working_days(cal, req->further_decision, 5,
						  &fd, err);
		if (rc == TP_OK && fd.day > out->last_day.day)
			out->last_day = fd;
		out->citation = "PSR 2023 reg 12(2), (9), (10), (12)";
	} else if (req->representations) {
		out->open_ended = true;
		add_warning(out, "representations were received: the "
				 "standstill stays open until at least 5 "
				 "working days after providers are told of "
				 "the last further decision (PSR 2023 reg "
				 "12(10))");
	}
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
	case TP_REGIME_LOCAL:
		return req->local->citation ? req->local->citation
					    : "local contract procedure rules";
	case TP_REGIME_PA2023:
	case TP_REGIME_PSR2023:
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

static bool
date_in_range(struct tp_date d)
{
	return d.day >= TP_DATE(TP_HOLIDAYS_FIRST_YEAR, 1, 1).day &&
	       d.day <= TP_DATE(TP_YEAR_MAX - 1, 12, 31).day;
}

/* The options that only some regimes have. */
static enum tp_status
check_options(const struct tp_standstill_request *req, struct tp_error *err)
{
	bool pcr = req->regime == TP_REGIME_PCR2006 ||
		   req->regime == TP_REGIME_PCR2015;

	if ((unsigned)req->means > TP_NOTICE_MIXED ||
	    (unsigned)req->kind > TP_STANDSTILL_VTN)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "unknown notice means or standstill kind");
	if (req->kind == TP_STANDSTILL_VTN && req->regime != TP_REGIME_PCR2015)
		return tp_error_setf(err, TP_ERR_RULE, NULL,
				     "the standstill after a voluntary "
				     "transparency notice is modelled for "
				     "pcr2015 only (reg 99(3))");
	if (req->kind == TP_STANDSTILL_AWARD && req->means == TP_NOTICE_MIXED &&
	    !pcr)
		return tp_error_setf(err, TP_ERR_RULE, NULL,
				     "mixed notice means are modelled for "
				     "pcr2015 (reg 87(5)) and pcr2006 (reg "
				     "32A(5)) only");
	if ((req->exempt || req->has_stated_end) &&
	    req->regime != TP_REGIME_PA2023)
		return tp_error_setf(err, TP_ERR_RULE, NULL,
				     "an exempt contract or a standstill end "
				     "stated in the contract award notice is "
				     "a Procurement Act 2023 rule (s.51(1), "
				     "(3)-(5))");
	if ((req->representations || req->has_further_decision) &&
	    req->regime != TP_REGIME_PSR2023)
		return tp_error_setf(err, TP_ERR_RULE, NULL,
				     "representations and further decisions "
				     "are PSR 2023 rules (reg 12(3)-(10))");
	return TP_OK;
}

/* Every date the request gives lies in the supported range and after the
 * notice. */
static enum tp_status
check_dates(const struct tp_standstill_request *req, struct tp_error *err)
{
	bool mixed = req->means == TP_NOTICE_MIXED &&
		     req->kind == TP_STANDSTILL_AWARD;
	if (!date_in_range(req->sent) ||
	    (mixed && !date_in_range(req->sent_other)) ||
	    (req->has_received && !date_in_range(req->received)) ||
	    (req->has_further_decision &&
	     !date_in_range(req->further_decision)) ||
	    (req->has_stated_end && !date_in_range(req->stated_end)))
		return tp_error_setf(err, TP_ERR_RANGE, NULL,
				     "the notice date must be between %d and "
				     "%d",
				     TP_HOLIDAYS_FIRST_YEAR, TP_YEAR_MAX - 1);
	if (req->has_received &&
	    req->received.day < (mixed ? req->sent_other : req->sent).day)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "the notice cannot be received before it "
				     "was sent");
	if (req->has_further_decision &&
	    req->further_decision.day <= req->sent.day)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "a further decision comes after the "
				     "notice of intention (PSR 2023 reg "
				     "12(4))");
	if (req->has_stated_end && req->stated_end.day < req->sent.day)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "the standstill cannot end before the "
				     "contract award notice is published");
	return TP_OK;
}

static enum tp_status
check_request(const struct tp_standstill_request *req, struct tp_error *err)
{
	enum tp_status rc;

	if (!tp_regime_name(req->regime) || req->regime == TP_REGIME_NONE ||
	    req->regime == TP_REGIME_BY_DATE)
		return tp_error_setf(err, TP_ERR_RULE, NULL,
				     "no standstill: choose a regime "
				     "(pcr2006, pcr2015, pcsr2015, pa2023, "
				     "psr2023 or local)");
	if (req->regime != TP_REGIME_PSR2023 &&
	    !extends_to(req->regime, req->region))
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
	rc = check_options(req, err);
	return rc == TP_OK ? check_dates(req, err) : rc;
}

static enum tp_status
compute_with(const struct tp_standstill_request *req,
	     const struct tp_calendar *cal, struct tp_standstill *out,
	     struct tp_error *err)
{
	const struct tp_local_rules *local = req->local;

	out->mandatory = true;
	if (req->kind == TP_STANDSTILL_VTN)
		return vtn_standstill(req, cal, out, err);
	if (req->regime == TP_REGIME_PA2023)
		return pa2023_standstill(req, cal, out, err);
	if (req->regime == TP_REGIME_PSR2023)
		return psr2023_standstill(req, cal, out, err);
	if (req->regime != TP_REGIME_LOCAL && req->means == TP_NOTICE_MIXED)
		return mixed_standstill(req, cal, out, err);
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

/* The years the computation may reach: from the earliest date given to a
 * year after the latest. */
static void
request_years(const struct tp_standstill_request *req, int *from, int *to)
{
	struct tp_date dates[4] = {req->sent, req->sent, req->sent, req->sent};

	if (req->means == TP_NOTICE_MIXED)
		dates[1] = req->sent_other;
	if (req->has_further_decision)
		dates[2] = req->further_decision;
	if (req->has_stated_end)
		dates[3] = req->stated_end;
	*from = *to = tp_date_year(req->sent);
	for (size_t i = 1; i < 4; i++) {
		int y = tp_date_year(dates[i]);
		*from = y < *from ? y : *from;
		*to = y > *to ? y : *to;
	}
	*from -= 1;
	*to += 1;
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
		int y0, y1;
		request_years(req, &y0, &y1);
		rc = tp_statute_calendar(req->regime, req->region, y0, y1, &own,
					 err);
		cal = own;
	}
	if (rc == TP_OK)
		rc = compute_with(req, cal, &s, err);
	tp_calendar_free(own);
	if (rc != TP_OK)
		return rc;
	s.extended = s.last_day.day != s.nominal_last_day.day;
	s.earliest_contract = tp_date_from_serial(s.last_day.day + 1);
	if (!s.citation)
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
	[TP_PROC_DIRECT_AWARD] = "direct-award",
	[TP_PROC_PSR_A] = "direct-award-a",
	[TP_PROC_PSR_B] = "direct-award-b",
	[TP_PROC_PSR_C] = "direct-award-c",
	[TP_PROC_PSR_MSP] = "most-suitable-provider",
	[TP_PROC_PSR_COMPETITIVE] = "competitive-process",
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
	if (!out)
		return tp_error_null(err, __func__);
	for (size_t i = 0; name && i < COUNT(procedure_names); i++)
		if (!strcmp(name, procedure_names[i])) {
			*out = (enum tp_procedure)i;
			return TP_OK;
		}
	return tp_error_setf(err, TP_ERR_INVALID, NULL,
			     "unknown procedure '%.64s' (expected open, "
			     "restricted, negotiation, competitive-dialogue, "
			     "innovation-partnership, light-touch, part-b, "
			     "competitive-flexible, below-threshold, "
			     "call-off, direct-award, direct-award-a, "
			     "direct-award-b, direct-award-c, "
			     "most-suitable-provider or competitive-process)",
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
	case TP_REGIME_PSR2023:
		return tp_psr2023_min_period(q->procedure, out, err);
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
	 * floor; PSR 2023 counts days (reg 10(5)) with neither either. */
	if (regime == TP_REGIME_PA2023 || regime == TP_REGIME_PSR2023 ||
	    regime == TP_REGIME_NONE) {
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
