/* SPDX-License-Identifier: MIT */
/* The rules checker: reads a schedule's early dates and lists findings.
 * Which stage plays which part is described in tp-check.h. */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "date-private.h"
#include "error-private.h"
#include <tenderplan/tp-check.h>

#define NONE SIZE_MAX

struct tp_findings {
	size_t count, cap;
	struct tp_finding *items;
	enum tp_regime regime;
	bool nomem;
};

/* Everything a rule needs, gathered once. */
struct ctx {
	const struct tp_schedule *s;
	const struct tp_plan *plan;
	const struct tp_calendar *cal;
	const struct tp_rules_config *cfg;
	struct tp_findings *out;
	enum tp_regime regime;
	/* Stage indexes by role, NONE when the plan has no such stage. */
	size_t advert, itt, tender_deadline, tender_period, pqq_deadline,
		pqq_period, notice, award, signature, contract_start, tupe;
};

/* ---- the findings list --------------------------------------------------- */

static char *
dup(const char *s)
{
	return strdup(s ? s : "");
}

static void
add(struct ctx *c, enum tp_severity sev, const char *rule_id,
    const char *citation, size_t stage, size_t other, const char *fix,
    const char *fmt, ...) TP_PRINTF(8, 9);

static void
add(struct ctx *c, enum tp_severity sev, const char *rule_id,
    const char *citation, size_t stage, size_t other, const char *fix,
    const char *fmt, ...)
{
	struct tp_findings *f = c->out;
	struct tp_finding *x;
	char msg[512];
	va_list ap;

	if (f->nomem)
		return;
	if (f->count == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 16;
		struct tp_finding *items =
			realloc(f->items, cap * sizeof(*items));
		if (!items) {
			f->nomem = true;
			return;
		}
		f->items = items;
		f->cap = cap;
	}
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	x = &f->items[f->count];
	x->severity = sev;
	x->rule_id = dup(rule_id);
	x->citation = dup(citation);
	x->stage = dup(stage == NONE ? "" : tp_plan_stage_id(c->plan, stage));
	x->other_stage =
		dup(other == NONE ? "" : tp_plan_stage_id(c->plan, other));
	x->message = dup(msg);
	x->fix = dup(fix);
	f->count++;
	if (!x->rule_id || !x->citation || !x->stage || !x->other_stage ||
	    !x->message || !x->fix)
		f->nomem = true;
}

TP_EXPORT size_t
tp_findings_count(const struct tp_findings *f)
{
	return f ? f->count : 0;
}

TP_EXPORT const struct tp_finding *
tp_findings_get(const struct tp_findings *f, size_t i)
{
	return f && i < f->count ? &f->items[i] : NULL;
}

TP_EXPORT enum tp_severity
tp_findings_max_severity(const struct tp_findings *f)
{
	enum tp_severity max = TP_SEVERITY_INFO;
	for (size_t i = 0; f && i < f->count; i++)
		if (f->items[i].severity > max)
			max = f->items[i].severity;
	return max;
}

TP_EXPORT enum tp_regime
tp_findings_regime(const struct tp_findings *f)
{
	return f ? f->regime : TP_REGIME_NONE;
}

TP_EXPORT void
tp_findings_free(struct tp_findings *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->count; i++) {
		struct tp_finding *x = &f->items[i];
		free((char *)x->rule_id);
		free((char *)x->citation);
		free((char *)x->stage);
		free((char *)x->other_stage);
		free((char *)x->message);
		free((char *)x->fix);
	}
	free(f->items);
	free(f);
}

/* ---- helpers ---------------------------------------------------------------- */

static const char *
fmt_date(struct tp_date d, char buf[TP_DATE_STRLEN])
{
	return tp_date_format(d, buf);
}

static struct tp_date
es(const struct ctx *c, size_t i)
{
	return tp_schedule_early_start(c->s, i);
}

static struct tp_date
ef(const struct ctx *c, size_t i)
{
	return tp_schedule_early_finish(c->s, i);
}

static size_t
first_of_kind(const struct tp_plan *plan, enum tp_stage_kind kind)
{
	for (size_t i = 0; i < tp_plan_stage_count(plan); i++)
		if (tp_plan_stage_kind(plan, i) == kind)
			return i;
	return NONE;
}

static void
find_roles(struct ctx *c)
{
	const struct tp_plan *p = c->plan;
	c->advert = first_of_kind(p, TP_STAGE_ADVERT);
	c->itt = first_of_kind(p, TP_STAGE_ITT_ISSUE);
	c->tender_deadline = first_of_kind(p, TP_STAGE_TENDER_DEADLINE);
	c->tender_period = first_of_kind(p, TP_STAGE_TENDER_PERIOD);
	c->pqq_deadline = first_of_kind(p, TP_STAGE_PQQ_DEADLINE);
	c->pqq_period = first_of_kind(p, TP_STAGE_PQQ_PERIOD);
	c->notice = first_of_kind(p, TP_STAGE_INTENTION_TO_AWARD);
	c->award = first_of_kind(p, TP_STAGE_AWARD);
	c->signature = first_of_kind(p, TP_STAGE_CONTRACT_SIGNATURE);
	c->contract_start = first_of_kind(p, TP_STAGE_CONTRACT_START);
	c->tupe = first_of_kind(p, TP_STAGE_TUPE_DEADLINE);
}

static bool
is_working(const struct ctx *c, struct tp_date d)
{
	bool w = true;
	if (tp_calendar_is_working_day(c->cal, d, &w, NULL) != TP_OK)
		return true; /* outside the calendar: nothing to say */
	return w;
}

static const char *
day_name(const struct ctx *c, struct tp_date d)
{
	struct tp_day_info info;
	if (tp_calendar_day_info(c->cal, d, &info, NULL) != TP_OK)
		return "a non-working day";
	if (info.holiday)
		return info.holiday->name;
	return tp_date_weekday(d) == TP_SATURDAY ? "a Saturday"
	       : tp_date_weekday(d) == TP_SUNDAY ? "a Sunday"
						 : "a non-working day";
}

/* ---- regime ----------------------------------------------------------------- */

static struct tp_date
procurement_start(const struct ctx *c)
{
	return c->advert != NONE ? es(c, c->advert)
				 : tp_schedule_plan_start(c->s);
}

static enum tp_status
choose_regime(struct ctx *c, struct tp_error *err)
{
	enum tp_regime by_date;
	char d[TP_DATE_STRLEN];
	struct tp_date start = procurement_start(c);
	enum tp_status rc = tp_regime_for(start, c->cfg->jurisdiction,
					  &by_date, err);

	if (rc != TP_OK)
		return rc;
	c->regime = c->cfg->regime == TP_REGIME_NONE ? by_date
						     : c->cfg->regime;
	if (c->regime == TP_REGIME_NONE)
		add(c, TP_SEVERITY_INFO, "regime.none", "", c->advert, NONE,
		    "", "no statutory regime is modelled for a procurement "
			"begun on %s; only local rules are checked",
		    fmt_date(start, d));
	else if (c->cfg->regime != TP_REGIME_NONE && by_date != c->regime &&
		 c->regime != TP_REGIME_LOCAL)
		add(c, TP_SEVERITY_WARNING, "regime.out-of-period",
		    tp_regime_title(c->regime), c->advert, NONE, "",
		    "the plan names %s, but a procurement begun on %s in "
		    "%s falls under %s",
		    tp_regime_name(c->regime), fmt_date(start, d),
		    tp_region_name(c->cfg->jurisdiction),
		    tp_regime_name(by_date) ? tp_regime_name(by_date)
					    : "none");
	c->out->regime = c->regime;
	return TP_OK;
}

/* ---- minimum periods ------------------------------------------------------ */

struct period {
	size_t from_stage, to_stage;
	struct tp_date invited, deadline;
};

static bool
tender_period(const struct ctx *c, struct period *p)
{
	p->to_stage = c->tender_deadline != NONE ? c->tender_deadline
						 : c->tender_period;
	if (p->to_stage == NONE)
		return false;
	p->deadline = ef(c, p->to_stage);
	if (c->itt != NONE) {
		p->from_stage = c->itt;
		p->invited = ef(c, c->itt);
	} else if (c->pqq_deadline == NONE && c->pqq_period == NONE &&
		   c->advert != NONE) {
		p->from_stage = c->advert;
		p->invited = es(c, c->advert);
	} else if (c->tender_period != NONE) {
		/* The period starts the day after the invitation. */
		p->from_stage = c->tender_period;
		p->invited = tp_date_from_serial(es(c, c->tender_period).day - 1);
	} else {
		return false;
	}
	return true;
}

static bool
participation_period(const struct ctx *c, struct period *p)
{
	p->to_stage = c->pqq_deadline != NONE ? c->pqq_deadline
					      : c->pqq_period;
	if (p->to_stage == NONE || c->advert == NONE)
		return false;
	p->from_stage = c->advert;
	p->invited = es(c, c->advert);
	p->deadline = ef(c, p->to_stage);
	return true;
}

/* A deadline at a time of day on the very last allowed day leaves less
 * than the whole day (PCR 2015 reg 2(3)-(4) count whole days). */
static void
check_deadline_time(struct ctx *c, const struct period *p,
		    struct tp_date earliest)
{
	char d[TP_DATE_STRLEN];
	int minutes = tp_plan_stage_time(c->plan, p->to_stage);

	if (minutes < 0 || p->deadline.day != earliest.day ||
	    c->regime == TP_REGIME_PA2023)
		return;
	add(c, TP_SEVERITY_WARNING, "period.deadline-time",
	    "PCR 2015 reg 2(3)-(4); PCR 2006 reg 2(4)", p->to_stage,
	    p->from_stage, "move the deadline to the next working day",
	    "the deadline at %02d:%02d on %s, the last day of the minimum "
	    "period, cuts that day short",
	    minutes / 60, minutes % 60, fmt_date(p->deadline, d));
}

static enum tp_status
check_period(struct ctx *c, enum tp_period_kind kind, const struct period *p,
	     struct tp_error *err)
{
	struct tp_min_period min;
	struct tp_date earliest;
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN], fix[128];
	enum tp_status rc = tp_min_period(c->regime, c->cfg->procedure, kind,
					  c->cfg->claims, &min, NULL);

	if (rc != TP_OK || min.days < 0)
		return TP_OK; /* procedure without a minimum here */
	rc = tp_earliest_deadline(c->regime, c->cal, p->invited, min.days,
				  &earliest, err);
	if (rc != TP_OK)
		return rc;
	if (p->deadline.day < earliest.day) {
		snprintf(fix, sizeof(fix), "earliest lawful deadline: %s",
			 fmt_date(earliest, a));
		add(c, TP_SEVERITY_ERROR,
		    kind == TP_PERIOD_TENDER ? "period.tender-minimum"
					     : "period.participation-minimum",
		    min.citation, p->to_stage, p->from_stage, fix,
		    "the %s period from %s to %s is %ld days; the minimum is "
		    "%ld (%s)",
		    kind == TP_PERIOD_TENDER ? "tender" : "participation",
		    fmt_date(p->invited, a), fmt_date(p->deadline, b),
		    (long)tp_date_diff(p->invited, p->deadline),
		    (long)min.days, min.explanation);
	} else {
		check_deadline_time(c, p, earliest);
	}
	return TP_OK;
}

static const char *
local_cite(const struct ctx *c)
{
	return c->cfg->local_citation[0] ? c->cfg->local_citation
					 : "local contract procedure rules";
}

static void
check_local_tender(struct ctx *c, const struct period *p)
{
	char a[TP_DATE_STRLEN], fix[128];
	int32_t min = c->cfg->local_min_tender_days;
	int32_t len = tp_date_diff(p->invited, p->deadline);

	if (min <= 0 || len >= min)
		return;
	snprintf(fix, sizeof(fix), "deadline no earlier than %s",
		 fmt_date(tp_date_from_serial(p->invited.day + min), a));
	add(c, TP_SEVERITY_ERROR, "local.min-tender", local_cite(c),
	    p->to_stage, p->from_stage, fix,
	    "the tender period is %ld days; local rules require at least %ld",
	    (long)len, (long)min);
}

static enum tp_status
check_periods(struct ctx *c, struct tp_error *err)
{
	struct period p;
	enum tp_status rc = TP_OK;

	if (participation_period(c, &p))
		rc = check_period(c, TP_PERIOD_PARTICIPATION, &p, err);
	if (rc == TP_OK && tender_period(c, &p)) {
		rc = check_period(c, TP_PERIOD_TENDER, &p, err);
		check_local_tender(c, &p);
	}
	return rc;
}

/* ---- standstill ------------------------------------------------------------- */

/* Whether the regime makes a standstill mandatory for the procedure; if not,
 * the reason goes to @why. */
static bool
standstill_mandatory(const struct ctx *c, const char **why,
		     const char **cite)
{
	enum tp_procedure p = c->cfg->procedure;
	*why = NULL;
	*cite = "";
	switch (c->regime) {
	case TP_REGIME_PCR2006:
		if (p == TP_PROC_PART_B) {
			*why = "Part B services are outside reg 32A";
			*cite = "PCR 2006 reg 5(2)";
		} else if (p == TP_PROC_CALL_OFF) {
			*why = "no notice is needed for a call-off";
			*cite = "PCR 2006 reg 32(7)";
		}
		break;
	case TP_REGIME_PCR2015:
	case TP_REGIME_PCSR2015:
		if (p == TP_PROC_CALL_OFF) {
			*why = "no notice is needed for a call-off";
			*cite = c->regime == TP_REGIME_PCR2015
					? "PCR 2015 reg 86(5)(c)"
					: "PCSR 2015 reg 86(2)";
		}
		break;
	case TP_REGIME_PA2023:
		if (p == TP_PROC_LIGHT_TOUCH || p == TP_PROC_CALL_OFF) {
			*why = "the contract is exempt; a voluntary standstill "
			       "of at least eight working days may be used";
			*cite = "Procurement Act 2023 s.51(3)-(5)";
		}
		break;
	case TP_REGIME_NONE:
	case TP_REGIME_LOCAL:
		return false;
	}
	if (p == TP_PROC_BELOW_THRESHOLD)
		return false;
	return *why == NULL;
}

/* A date the plan fixes for stage @i with a start-on or finish-on
 * constraint (the council's own date), if any. */
static bool
fixed_date(const struct ctx *c, size_t i, struct tp_date *out)
{
	for (size_t k = 0; k < tp_plan_constraint_count(c->plan); k++) {
		struct tp_constraint x;
		if (tp_plan_constraint(c->plan, k, &x) && x.stage == i &&
		    (x.type == TP_CONSTRAINT_START_ON ||
		     x.type == TP_CONSTRAINT_FINISH_ON)) {
			*out = x.date;
			return true;
		}
	}
	return false;
}

/* Award and signature must not start on or before @last: neither the
 * scheduled date nor a date the plan fixes. */
static void
check_contract_after(struct ctx *c, const struct tp_standstill *ss,
		     const char *rule_id, enum tp_severity sev,
		     const char *cite)
{
	size_t stages[2] = {c->award, c->signature};
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN], fix[128];

	for (size_t k = 0; k < 2; k++) {
		size_t i = stages[k];
		struct tp_date d;
		if (i == NONE)
			continue;
		if (!fixed_date(c, i, &d) || d.day > ss->last_day.day)
			d = es(c, i);
		if (d.day > ss->last_day.day)
			continue;
		snprintf(fix, sizeof(fix), "earliest lawful award: %s",
			 fmt_date(ss->earliest_contract, a));
		add(c, sev, rule_id, cite, i, c->notice, fix,
		    "%s on %s falls inside the standstill that runs to the end "
		    "of %s",
		    tp_plan_stage_name(c->plan, i), fmt_date(d, a),
		    fmt_date(ss->last_day, b));
	}
}

static void
check_standstill_stage(struct ctx *c, const struct tp_standstill *ss,
		       const char *cite)
{
	size_t st = first_of_kind(c->plan, TP_STAGE_STANDSTILL);
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN], fix[128];

	if (st == NONE || ef(c, st).day >= ss->last_day.day)
		return;
	snprintf(fix, sizeof(fix), "run the standstill to %s",
		 fmt_date(ss->last_day, a));
	add(c, TP_SEVERITY_WARNING, "standstill.stage-short", cite, st,
	    c->notice, fix,
	    "the plan's standstill ends on %s, before the rule's last day %s",
	    fmt_date(ef(c, st), a), fmt_date(ss->last_day, b));
}

static enum tp_status
compute_standstill(struct ctx *c, enum tp_regime regime,
		   struct tp_standstill *ss, struct tp_error *err)
{
	struct tp_local_rules local = {
		c->cfg->local_standstill_days,
		c->cfg->local_standstill_working_days, 0, local_cite(c)};
	struct tp_standstill_request req = {0};

	req.regime = regime;
	req.means = c->cfg->notice_means;
	req.sent = ef(c, c->notice);
	req.region = c->cfg->jurisdiction;
	req.local = &local;
	req.calendar = c->cal;
	return tp_standstill_compute(&req, ss, err);
}

static enum tp_status
check_statutory_standstill(struct ctx *c, struct tp_error *err)
{
	struct tp_standstill ss;
	const char *why, *cite;
	bool mandatory = standstill_mandatory(c, &why, &cite);
	enum tp_status rc;

	if (why)
		add(c, TP_SEVERITY_INFO, "standstill.not-mandatory", cite,
		    c->notice, NONE, "", "no mandatory standstill: %s", why);
	if (!mandatory)
		return TP_OK;
	if (c->notice == NONE) {
		if (c->award != NONE)
			add(c, TP_SEVERITY_WARNING, "standstill.no-notice",
			    tp_regime_title(c->regime), c->award, NONE,
			    "add an intention-to-award stage before the award",
			    "the plan has no notice of the award decision, so "
			    "the standstill cannot be checked");
		return TP_OK;
	}
	rc = compute_standstill(c, c->regime, &ss, err);
	if (rc != TP_OK)
		return rc;
	check_contract_after(c, &ss, "standstill.contract-inside",
			     TP_SEVERITY_ERROR, ss.citation);
	check_standstill_stage(c, &ss, ss.citation);
	return TP_OK;
}

static enum tp_status
check_local_standstill(struct ctx *c, struct tp_error *err)
{
	struct tp_standstill ss;
	enum tp_status rc;

	if (c->cfg->local_standstill_days <= 0 || c->notice == NONE)
		return TP_OK;
	rc = compute_standstill(c, TP_REGIME_LOCAL, &ss, err);
	if (rc != TP_OK)
		return rc;
	check_contract_after(c, &ss, "local.standstill", TP_SEVERITY_ERROR,
			     local_cite(c));
	check_standstill_stage(c, &ss, local_cite(c));
	return TP_OK;
}

/* The predecessor of @g that finishes last (its report), or NONE. */
static size_t
last_predecessor(const struct ctx *c, size_t g)
{
	size_t best = NONE;
	for (size_t k = 0; k < tp_plan_dependency_count(c->plan); k++) {
		struct tp_dependency d;
		if (!tp_plan_dependency(c->plan, k, &d) || d.to != g)
			continue;
		if (best == NONE || ef(c, d.from).day > ef(c, best).day)
			best = d.from;
	}
	return best;
}

/* Local rules: a committee report is due a number of working days before
 * the meeting (a "governance-approval" stage). */
static void
check_committee_reports(struct ctx *c)
{
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN], fix[128];
	int32_t n = c->cfg->local_report_days;

	for (size_t g = 0; n > 0 && g < tp_plan_stage_count(c->plan); g++) {
		size_t r;
		struct tp_date due;
		if (tp_plan_stage_kind(c->plan, g) !=
			    TP_STAGE_GOVERNANCE_APPROVAL ||
		    (r = last_predecessor(c, g)) == NONE ||
		    tp_calendar_add_working_days(c->cal, es(c, g), -n, &due,
						 NULL) != TP_OK ||
		    ef(c, r).day <= due.day)
			continue;
		snprintf(fix, sizeof(fix), "send the report by %s",
			 fmt_date(due, a));
		add(c, TP_SEVERITY_ERROR, "local.committee-report",
		    local_cite(c), r, g, fix,
		    "'%s' finishes on %s, fewer than %ld working days before "
		    "'%s' on %s",
		    tp_plan_stage_name(c->plan, r), fmt_date(ef(c, r), a),
		    (long)n, tp_plan_stage_name(c->plan, g),
		    fmt_date(es(c, g), b));
	}
}

/* The notice of the decision comes after the decision: evaluation,
 * moderation, interviews and approvals finish first. */
static void
check_notice_order(struct ctx *c)
{
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN];

	if (c->notice == NONE)
		return;
	for (size_t i = 0; i < tp_plan_stage_count(c->plan); i++) {
		enum tp_stage_kind k = tp_plan_stage_kind(c->plan, i);
		if (k != TP_STAGE_EVALUATION && k != TP_STAGE_MODERATION &&
		    k != TP_STAGE_INTERVIEWS &&
		    k != TP_STAGE_GOVERNANCE_APPROVAL)
			continue;
		if (ef(c, i).day <= es(c, c->notice).day)
			continue;
		add(c, TP_SEVERITY_ERROR, "sequence.notice-before-decision",
		    "PCR 2015 reg 86; Procurement Act 2023 s.50", c->notice, i,
		    "link the notice finish-to-start after this stage",
		    "the award notice on %s is sent before '%s' finishes on %s",
		    fmt_date(es(c, c->notice), a),
		    tp_plan_stage_name(c->plan, i), fmt_date(ef(c, i), b));
	}
}

/* ---- TUPE and continuity ---------------------------------------------------- */

/* The date the contract is entered into: award, else signature. */
static size_t
award_stage(const struct ctx *c)
{
	return c->award != NONE ? c->award : c->signature;
}

static void
check_eli(struct ctx *c, struct tp_date transfer, struct tp_date due,
	  const char *cite)
{
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN], fix[128];
	size_t aw = award_stage(c);

	snprintf(fix, sizeof(fix), "employee liability information by %s",
		 fmt_date(due, a));
	if (c->tupe != NONE && ef(c, c->tupe).day > due.day)
		add(c, TP_SEVERITY_ERROR, "tupe.eli-late", cite, c->tupe,
		    c->contract_start, fix,
		    "employee liability information on %s is later than %ld "
		    "days before the transfer on %s",
		    fmt_date(ef(c, c->tupe), a),
		    (long)tp_date_diff(due, transfer), fmt_date(transfer, b));
	else if (c->tupe == NONE)
		add(c, TP_SEVERITY_INFO, "tupe.eli-date", cite,
		    c->contract_start, NONE, fix,
		    "if staff transfer, the outgoing provider must give "
		    "employee liability information by %s",
		    fmt_date(due, a));
	if (aw != NONE && es(c, aw).day > due.day)
		add(c, TP_SEVERITY_WARNING, "tupe.eli-before-award", cite, aw,
		    c->contract_start, "award earlier or start later",
		    "the award on %s comes after the date employee liability "
		    "information is due (%s), so the incoming provider is not "
		    "yet known",
		    fmt_date(es(c, aw), a), fmt_date(due, b));
}

static void
check_lead_in(struct ctx *c, struct tp_date transfer)
{
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN];
	size_t aw = award_stage(c);
	int32_t min = c->cfg->min_lead_in_days > 0 ? c->cfg->min_lead_in_days
						   : 28;

	if (aw == NONE || tp_date_diff(es(c, aw), transfer) >= min)
		return;
	add(c, TP_SEVERITY_WARNING, "tupe.lead-in-short",
	    "practice; TUPE 2006 reg 13(2)", aw, c->contract_start,
	    "allow more time between award and start",
	    "only %ld days from award (%s) to contract start (%s); the plan "
	    "asks for at least %ld for consultation and mobilisation",
	    (long)tp_date_diff(es(c, aw), transfer), fmt_date(es(c, aw), a),
	    fmt_date(transfer, b), (long)min);
}

/* TUPE 2006 (SI 2006/246) reg 11(6): employee liability information not
 * less than 28 days before the transfer (14 before 1 May 2014, SI 2014/16
 * reg 10, which does not extend to Northern Ireland, reg 1(3)). */
static void
check_tupe(struct ctx *c)
{
	struct tp_date transfer;
	bool gb_28 = c->cfg->jurisdiction != TP_REGION_NORTHERN_IRELAND;
	int32_t days;

	if (c->contract_start == NONE)
		return;
	transfer = es(c, c->contract_start);
	gb_28 = gb_28 && transfer.day >= TP_DATE(2014, 5, 1).day;
	days = gb_28 ? 28 : 14;
	check_eli(c, transfer, tp_date_from_serial(transfer.day - days),
		  gb_28 ? "TUPE 2006 reg 11(6) as amended by SI 2014/16"
			: "TUPE 2006 reg 11(6) (14 days)");
	check_lead_in(c, transfer);
}

/* Whether the plan itself fixes the contract start (an anchor or a
 * constraint), so a gap is chosen rather than forced. */
static bool
start_is_planned(const struct ctx *c)
{
	struct tp_date d;
	if (tp_plan_contract_start(c->plan, &d))
		return true;
	for (size_t i = 0; i < tp_plan_constraint_count(c->plan); i++) {
		struct tp_constraint k;
		if (tp_plan_constraint(c->plan, i, &k) &&
		    k.stage == c->contract_start)
			return true;
	}
	return false;
}

static void
check_continuity(struct ctx *c)
{
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN], fix[128];
	struct tp_date start, want, advert;
	int32_t late = 0;

	if (!c->cfg->has_incumbent_end || c->contract_start == NONE)
		return;
	start = es(c, c->contract_start);
	want = tp_date_from_serial(c->cfg->incumbent_end.day + 1);
	if (start.day <= want.day)
		return;
	fix[0] = '\0';
	if (c->advert != NONE &&
	    tp_calendar_working_days_between(c->cal, want, start, &late,
					     NULL) == TP_OK &&
	    tp_calendar_add_working_days(c->cal, es(c, c->advert), -late,
					 &advert, NULL) == TP_OK)
		snprintf(fix, sizeof(fix),
			 "advertise by about %s to start on %s",
			 fmt_date(advert, a), fmt_date(want, b));
	bool planned = start_is_planned(c);
	add(c, planned ? TP_SEVERITY_WARNING : TP_SEVERITY_ERROR,
	    planned ? "continuity.gap" : "continuity.cannot-meet",
	    "practice", c->contract_start, NONE, fix,
	    "the incumbent contract ends on %s but the new one starts on %s: "
	    "%ld day%s without a contract",
	    fmt_date(c->cfg->incumbent_end, a), fmt_date(start, b),
	    (long)tp_date_diff(want, start),
	    tp_date_diff(want, start) == 1 ? "" : "s");
}

/* ---- calendar and practice --------------------------------------------------- */

static void
check_anchor_days(struct ctx *c)
{
	char a[TP_DATE_STRLEN];
	struct tp_date d;

	if (tp_plan_contract_start(c->plan, &d) && !is_working(c, d))
		add(c, TP_SEVERITY_WARNING,
		    "calendar.contract-start-non-working", "practice",
		    c->contract_start, NONE, "start on a working day",
		    "the required contract start %s is %s", fmt_date(d, a),
		    day_name(c, d));
	for (size_t i = 0; i < tp_plan_constraint_count(c->plan); i++) {
		struct tp_constraint k;
		size_t st;
		if (!tp_plan_constraint(c->plan, i, &k) ||
		    is_working(c, k.date) ||
		    (tp_plan_contract_start(c->plan, &d) && d.day == k.date.day &&
		     k.stage == c->contract_start))
			continue; /* reported above */
		st = k.stage;
		add(c, TP_SEVERITY_WARNING,
		    st != NONE && tp_plan_stage_kind(c->plan, st) ==
					  TP_STAGE_CONTRACT_START
			    ? "calendar.contract-start-non-working"
			    : "calendar.constraint-non-working",
		    "practice", st, NONE, "choose a working day",
		    "'%s' is fixed to %s, which is %s",
		    tp_plan_stage_id(c->plan, st),
		    fmt_date(k.date, a), day_name(c, k.date));
	}
}

static int
stop_at_closure(struct tp_date d, const struct tp_day_info *info, void *user)
{
	return info->holiday && info->holiday->kind == TP_HOLIDAY_CLOSURE;
}

/* Whether [first, last] meets 24 December - 1 January of some year: only
 * the windows ending in first's year and starting in it can be the first
 * one met. */
static bool
meets_christmas(struct tp_date first, struct tp_date last)
{
	int y = tp_date_year(first);
	for (int k = y - 1; k <= y; k++)
		if (first.day <= tp_days_from_civil(k + 1, 1, 1) &&
		    last.day >= tp_days_from_civil(k, 12, 24))
			return true;
	return false;
}

/* Tender periods over Christmas and New Year or an office closure
 * shorten the time bidders really have (practice, not law). */
static void
check_holiday_periods(struct ctx *c)
{
	struct period p;
	struct tp_date first;
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN];
	bool christmas;
	int closure = 0;

	if (!tender_period(c, &p) || p.deadline.day <= p.invited.day)
		return;
	first = tp_date_from_serial(p.invited.day + 1);
	christmas = meets_christmas(first, p.deadline);
	if (tp_calendar_foreach_non_working(c->cal, first, p.deadline,
					    stop_at_closure, NULL, &closure,
					    NULL) != TP_OK)
		closure = 0;
	if (christmas || closure)
		add(c, TP_SEVERITY_WARNING, "practice.tender-over-holidays",
		    "practice", p.to_stage, p.from_stage,
		    "extend the period by the days lost",
		    "the tender period %s to %s runs over %s",
		    fmt_date(p.invited, a), fmt_date(p.deadline, b),
		    christmas ? "Christmas and New Year" : "an office closure");
}

static bool
unique_kind(enum tp_stage_kind k)
{
	return k == TP_STAGE_PQQ_DEADLINE || k == TP_STAGE_TENDER_DEADLINE ||
	       k == TP_STAGE_ITT_ISSUE || k == TP_STAGE_INTENTION_TO_AWARD ||
	       k == TP_STAGE_AWARD || k == TP_STAGE_CONTRACT_SIGNATURE ||
	       k == TP_STAGE_CONTRACT_START;
}

/* Two milestones that should be one (same kind of deadline, or the same
 * name) but carry different dates. */
static void
check_duplicates(struct ctx *c)
{
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN];
	size_t n = tp_plan_stage_count(c->plan);

	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++) {
			enum tp_stage_kind k = tp_plan_stage_kind(c->plan, i);
			bool same =
				(unique_kind(k) &&
				 k == tp_plan_stage_kind(c->plan, j)) ||
				!strcasecmp(tp_plan_stage_name(c->plan, i),
					    tp_plan_stage_name(c->plan, j));
			if (!same || es(c, i).day == es(c, j).day)
				continue;
			add(c, TP_SEVERITY_WARNING, "plan.duplicate-milestone",
			    "practice", i, j, "keep one of them",
			    "'%s' is on %s but '%s' on %s",
			    tp_plan_stage_name(c->plan, i),
			    fmt_date(es(c, i), a),
			    tp_plan_stage_name(c->plan, j),
			    fmt_date(es(c, j), b));
		}
}

static void
check_schedule_diagnostics(struct ctx *c)
{
	for (size_t i = 0; i < tp_schedule_diagnostic_count(c->s); i++) {
		const struct tp_diagnostic *d = tp_schedule_diagnostic(c->s, i);
		add(c, TP_SEVERITY_ERROR, "schedule.unmet", "", d->stage, NONE,
		    "", "%s", d->message);
	}
}

/* ---- the check ------------------------------------------------------------ */

static enum tp_status
run_rules(struct ctx *c, struct tp_error *err)
{
	enum tp_status rc = choose_regime(c, err);

	if (rc == TP_OK)
		rc = check_periods(c, err);
	if (rc == TP_OK)
		rc = check_statutory_standstill(c, err);
	if (rc == TP_OK)
		rc = check_local_standstill(c, err);
	if (rc != TP_OK)
		return rc;
	check_notice_order(c);
	check_committee_reports(c);
	check_tupe(c);
	check_continuity(c);
	check_anchor_days(c);
	check_holiday_periods(c);
	check_duplicates(c);
	check_schedule_diagnostics(c);
	return TP_OK;
}

TP_EXPORT enum tp_status
tp_plan_check(const struct tp_schedule *sched,
	      const struct tp_rules_config *cfg, struct tp_findings **out,
	      struct tp_error *err)
{
	struct ctx c = {0};
	enum tp_status rc;

	if (!sched || !cfg || !out)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "tp_plan_check needs a schedule, a "
				     "configuration and a result pointer");
	c.s = sched;
	c.plan = tp_schedule_plan(sched);
	c.cal = tp_plan_calendar(c.plan);
	c.cfg = cfg;
	c.out = calloc(1, sizeof(*c.out));
	if (!c.out)
		return tp_error_nomem(err);
	find_roles(&c);
	rc = run_rules(&c, err);
	if (rc == TP_OK && c.out->nomem)
		rc = tp_error_nomem(err);
	if (rc != TP_OK) {
		tp_findings_free(c.out);
		return rc;
	}
	*out = c.out;
	return TP_OK;
}
