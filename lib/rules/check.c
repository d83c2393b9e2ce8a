/* SPDX-License-Identifier: MIT */
/* The rules checker: reads a schedule's early dates and lists findings.
 * Which stage plays which part is described in tp-check.h.
 *
 * Cost: the plan is indexed once (the first stage of each kind, the fixed
 * dates of the award stages, the latest predecessor of each meeting), so
 * every rule is one pass; duplicate milestones are grouped by sorting the
 * names, O(n log n). Output order follows the stage order, never a hash. */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date-private.h"
#include "error-private.h"
#include "rules-private.h"
#include "text-private.h"
#include <tenderplan/tp-check.h>
#include <tenderplan/tp-meeting.h>

#define NONE SIZE_MAX
/* More kinds than enum tp_stage_kind has, so a new kind needs no change. */
#define N_KINDS 64
/* Cases of one rule reported one by one; the rest are counted in one more
 * finding. */
#define MAX_EACH 10

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
	/* The plan's calendar (closures, practice), and the statute's for
	 * statutory periods (owned by @law_own, or the plan's). */
	const struct tp_calendar *cal, *law;
	struct tp_calendar *law_own;
	const struct tp_rules_config *cfg;
	struct tp_findings *out;
	enum tp_regime regime;
	/* The first stage of each kind, NONE when there is none. */
	size_t first[N_KINDS];
	/* Stage indexes by role, NONE when the plan has no such stage. */
	size_t advert, itt, tender_deadline, tender_period, pqq_deadline,
		pqq_period, notice, award, signature, contract_start, tupe,
		standstill;
	/* The notices and steps of #14 (PSR 2023, PA 2023 direct awards,
	 * PCR 2015 gaps), NONE when the plan has none. */
	size_t prior_notice, transparency, award_notice, further_decision,
		identification, clarification_response;
	/* The claims and authority the minimum periods use: the plan's, less
	 * a PIN claim whose notice misses its window; the authority the
	 * statute makes it (tp_rules_config_authority()). */
	unsigned claims;
	enum tp_authority authority;
	/* Dates the plan fixes for the award and signature (start-on or
	 * finish-on constraints), and whether the contract start is
	 * constrained. */
	bool award_fixed, signature_fixed, start_constrained;
	struct tp_date award_fix, signature_fix;
	bool procedure_reported;
	const struct tp_check_options *opt;
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
	/* a message naming a long stage is cut short: at a whole UTF-8
	 * character, or the exports refuse it as not UTF-8 */
	tp_utf8_mend_end(msg);
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

/* How a stage is named in messages: its name, or its id when it has none
 * (names are optional). Never NULL. */
static const char *
label(const struct ctx *c, size_t i)
{
	const char *name = tp_plan_stage_name(c->plan, i);
	const char *id = tp_plan_stage_id(c->plan, i);

	if (name && *name)
		return name;
	return id ? id : "?";
}

/* Counts the cases of one rule: the first MAX_EACH are reported one by
 * one, the rest in one finding by cap_finish(). */
struct capped {
	size_t n, first_extra, first_extra_other;
};

static bool
cap_take(struct capped *k, size_t stage, size_t other)
{
	if (k->n++ < MAX_EACH)
		return true;
	if (k->n == MAX_EACH + 1) {
		k->first_extra = stage;
		k->first_extra_other = other;
	}
	return false;
}

static void
cap_finish(struct ctx *c, const struct capped *k, enum tp_severity sev,
	   const char *rule_id, const char *cite, const char *what)
{
	const char *id = tp_plan_stage_id(c->plan, k->first_extra);
	const char *name = label(c, k->first_extra);

	if (k->n <= MAX_EACH)
		return;
	add(c, sev, rule_id, cite, k->first_extra, k->first_extra_other, "",
	    "and %zu more %s like the above, the first of them '%s'%s%s%s",
	    k->n - MAX_EACH, what, name, id && strcmp(id, name) ? " (" : "",
	    id && strcmp(id, name) ? id : "",
	    id && strcmp(id, name) ? ")" : "");
}

/* One pass over the stages and one over the constraints. */
static void
index_plan(struct ctx *c)
{
	const struct tp_plan *p = c->plan;
	size_t n = tp_plan_stage_count(p);

	for (size_t k = 0; k < N_KINDS; k++)
		c->first[k] = NONE;
	for (size_t i = n; i-- > 0;) {
		unsigned k = (unsigned)tp_plan_stage_kind(p, i);
		if (k < N_KINDS)
			c->first[k] = i;
	}
	c->advert = c->first[TP_STAGE_ADVERT];
	c->itt = c->first[TP_STAGE_ITT_ISSUE];
	c->tender_deadline = c->first[TP_STAGE_TENDER_DEADLINE];
	c->tender_period = c->first[TP_STAGE_TENDER_PERIOD];
	c->pqq_deadline = c->first[TP_STAGE_PQQ_DEADLINE];
	c->pqq_period = c->first[TP_STAGE_PQQ_PERIOD];
	c->notice = c->first[TP_STAGE_INTENTION_TO_AWARD];
	c->award = c->first[TP_STAGE_AWARD];
	c->signature = c->first[TP_STAGE_CONTRACT_SIGNATURE];
	c->contract_start = c->first[TP_STAGE_CONTRACT_START];
	c->tupe = c->first[TP_STAGE_TUPE_DEADLINE];
	c->standstill = c->first[TP_STAGE_STANDSTILL];
	c->prior_notice = c->first[TP_STAGE_PRIOR_NOTICE];
	c->transparency = c->first[TP_STAGE_TRANSPARENCY_NOTICE];
	c->award_notice = c->first[TP_STAGE_AWARD_NOTICE];
	c->further_decision = c->first[TP_STAGE_FURTHER_DECISION];
	c->identification = c->first[TP_STAGE_PROVIDER_IDENTIFICATION];
	c->clarification_response = c->first[TP_STAGE_CLARIFICATION_RESPONSE];
	for (size_t k = 0; k < tp_plan_constraint_count(p); k++) {
		struct tp_constraint x;
		bool fixes;
		if (!tp_plan_constraint(p, k, &x))
			continue;
		fixes = x.type == TP_CONSTRAINT_START_ON ||
			x.type == TP_CONSTRAINT_FINISH_ON;
		if (x.stage == c->contract_start)
			c->start_constrained = true;
		if (fixes && x.stage == c->award && !c->award_fixed) {
			c->award_fixed = true;
			c->award_fix = x.date;
		}
		if (fixes && x.stage == c->signature && !c->signature_fixed) {
			c->signature_fixed = true;
			c->signature_fix = x.date;
		}
	}
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

/* PCR 2006, PCR 2015 and PCSR 2015 count periods with a roll to the next
 * working day and at least two working days. */
static bool
pcr_family(enum tp_regime r)
{
	return r == TP_REGIME_PCR2006 || r == TP_REGIME_PCR2015 ||
	       r == TP_REGIME_PCSR2015;
}

/* ---- regime ----------------------------------------------------------------- */

static struct tp_date
procurement_start(const struct ctx *c)
{
	return c->advert != NONE ? es(c, c->advert)
				 : tp_schedule_plan_start(c->s);
}

static bool
follows_framework(const struct tp_rules_config *cfg)
{
	return cfg->procedure == TP_PROC_CALL_OFF &&
	       cfg->has_framework_concluded;
}

/* "a procurement begun on 2024-05-01" or "a call-off under a framework
 * concluded on 2024-05-01". */
static const char *
start_phrase(const struct ctx *c, char *buf, size_t size)
{
	char d[TP_DATE_STRLEN];
	bool fw = follows_framework(c->cfg);

	snprintf(buf, size, "%s %s",
		 fw ? "a call-off under a framework concluded on"
		    : "a procurement begun on",
		 fmt_date(fw ? c->cfg->framework_concluded
			     : procurement_start(c),
			  d));
	return buf;
}

/* A regime named for a jurisdiction it does not cover. */
static void
report_jurisdiction(struct ctx *c, enum tp_regime named, enum tp_regime used)
{
	const char *where = tp_region_name(c->cfg->jurisdiction);

	if (named == TP_REGIME_PCR2006 || named == TP_REGIME_PCR2015)
		add(c, TP_SEVERITY_ERROR, "regime.not-in-jurisdiction",
		    named == TP_REGIME_PCR2015 ? "PCR 2015 reg 1(7)"
					       : "PCR 2006 reg 1(2)",
		    c->advert, NONE,
		    used == TP_REGIME_PCSR2015
			    ? "name pcsr2015, the Public Contracts (Scotland) "
			      "Regulations 2015"
			    : "Scottish procedures begun before 18 Apr 2016 "
			      "fall under the 2012 Scottish regulations, which "
			      "are not modelled",
		    "the plan names %s, which does not extend to Scotland; "
		    "checked under %s instead",
		    tp_regime_name(named),
		    used == TP_REGIME_NONE ? "no statutory regime"
					   : tp_regime_name(used));
	else if (named == TP_REGIME_PSR2023)
		add(c, TP_SEVERITY_ERROR, "regime.not-in-jurisdiction",
		    "PSR 2023 reg 1(2)", c->advert, NONE,
		    "the Provider Selection Regime is for the health service "
		    "in England",
		    "the plan names psr2023, which applies in relation to "
		    "England only, but its jurisdiction is %s; checked under "
		    "%s instead",
		    where ? where : "?",
		    used == TP_REGIME_NONE ? "no statutory regime"
					   : tp_regime_name(used));
	else if (named == TP_REGIME_PA2023)
		add(c, TP_SEVERITY_WARNING, "regime.not-in-jurisdiction",
		    "Procurement Act 2023 s.2(5)-(6)", c->advert, NONE,
		    "name pcsr2015 unless the authority is a UK body with "
		    "reserved functions",
		    "a devolved Scottish authority (a council, a health "
		    "board) is excluded from the Procurement Act 2023 and "
		    "procures under PCSR 2015");
	else
		add(c, TP_SEVERITY_WARNING, "regime.not-in-jurisdiction",
		    "PCSR 2015 reg 1(7)", c->advert, NONE,
		    "set the jurisdiction to scotland",
		    "PCSR 2015 extends to Scotland only, but the plan's "
		    "jurisdiction is %s",
		    where ? where : "?");
}

static bool
named_out_of_jurisdiction(enum tp_regime named, enum tp_region where)
{
	if (named == TP_REGIME_PSR2023)
		return where != TP_REGION_ENGLAND_AND_WALES;
	if (where == TP_REGION_SCOTLAND)
		return named == TP_REGIME_PCR2006 ||
		       named == TP_REGIME_PCR2015 || named == TP_REGIME_PA2023;
	return named == TP_REGIME_PCSR2015;
}

/* PSR 2023 reg 1(1): in force 1 January 2024; reg 29(1): a procedure
 * commenced before then (reg 29(4)) is not affected. */
static void
check_psr_in_force(struct ctx *c, const char *what)
{
	struct tp_date start = procurement_start(c);

	if (start.day >= TP_DATE(2024, 1, 1).day)
		return;
	add(c, TP_SEVERITY_WARNING, "regime.out-of-period",
	    "PSR 2023 reg 1(1), 29", c->advert, NONE, "",
	    "the plan names psr2023, but %s was commenced before the PSR "
	    "came into force on 1 Jan 2024",
	    what);
}

static enum tp_status
choose_regime(struct ctx *c, struct tp_error *err)
{
	const struct tp_rules_config *cfg = c->cfg;
	enum tp_regime named = cfg->regime, by_date;
	struct tp_date start = follows_framework(cfg)
				       ? cfg->framework_concluded
				       : procurement_start(c);
	char what[96];
	enum tp_status rc = tp_regime_for(start, cfg->jurisdiction, &by_date,
					  err);

	if (rc == TP_OK)
		rc = tp_rules_config_regime(cfg, procurement_start(c),
					    &c->regime, err);
	if (rc != TP_OK)
		return rc;
	c->out->regime = c->regime;
	start_phrase(c, what, sizeof(what));
	if (named == TP_REGIME_NONE)
		add(c, TP_SEVERITY_INFO, "regime.none", "", c->advert, NONE,
		    "", "the plan names no statutory regime (e.g. a contract "
			"below the thresholds); only local rules and practice "
			"are checked");
	else if (named == TP_REGIME_BY_DATE && c->regime == TP_REGIME_NONE)
		add(c, TP_SEVERITY_INFO, "regime.none", "", c->advert, NONE,
		    "", "no statutory regime is modelled for %s in %s; only "
			"local rules are checked",
		    what, tp_region_name(cfg->jurisdiction));
	else if (named != TP_REGIME_BY_DATE &&
		 named_out_of_jurisdiction(named, cfg->jurisdiction))
		report_jurisdiction(c, named, c->regime);
	else if (named == TP_REGIME_PSR2023)
		check_psr_in_force(c, what);
	else if (named != TP_REGIME_BY_DATE && named != TP_REGIME_LOCAL &&
		 by_date != named)
		add(c, TP_SEVERITY_WARNING, "regime.out-of-period",
		    tp_regime_title(named), c->advert, NONE, "",
		    "the plan names %s, but %s in %s falls under %s",
		    tp_regime_name(named), what,
		    tp_region_name(cfg->jurisdiction),
		    tp_regime_name(by_date) ? tp_regime_name(by_date)
					    : "none");
	return TP_OK;
}

/* The years of the stages that statutory periods and standstills start
 * from (advert, invitations, deadlines, notice); false if none. */
static bool
statutory_years(const struct ctx *c, int *from, int *to)
{
	size_t roles[] = {
		c->advert,        c->itt,          c->tender_deadline,
		c->tender_period, c->pqq_deadline, c->pqq_period,
		c->notice,        c->transparency, c->further_decision};
	bool any = false;

	for (size_t k = 0; k < sizeof(roles) / sizeof(roles[0]); k++) {
		int a, b;
		if (roles[k] == NONE)
			continue;
		a = tp_date_year(es(c, roles[k]));
		b = tp_date_year(ef(c, roles[k]));
		if (!any || a < *from)
			*from = a;
		if (!any || b > *to)
			*to = b;
		any = true;
	}
	return any;
}

/* The statute's calendar for the years the statutory checks need: those
 * of the stages concerned, and the next (a minimum period or standstill
 * never runs a year past its start). */
static enum tp_status
make_law_calendar(struct ctx *c, struct tp_error *err)
{
	int from = 0, to = 0;
	enum tp_status rc;

	c->law = c->cal;
	if (c->regime != TP_REGIME_PA2023 && c->regime != TP_REGIME_PSR2023 &&
	    !pcr_family(c->regime))
		return TP_OK;
	if (!statutory_years(c, &from, &to))
		return TP_OK;
	rc = tp_statute_calendar(c->regime, c->cfg->jurisdiction, from,
				 to + 1, &c->law_own, err);
	if (rc == TP_OK)
		c->law = c->law_own;
	return rc;
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

/* How the regime counts days: the roll to the next working day, and the
 * two working days. */
static const char *
counting_cite(enum tp_regime r)
{
	switch (r) {
	case TP_REGIME_PCR2006:
		return "PCR 2006 reg 2(4)";
	case TP_REGIME_PCSR2015:
		return "PCSR 2015 reg 2(4)";
	default:
		return "PCR 2015 reg 2(3)-(4)";
	}
}

static const char *
two_days_cite(enum tp_regime r)
{
	switch (r) {
	case TP_REGIME_PCR2006:
		return "PCR 2006 reg 2(4)(b)";
	case TP_REGIME_PCSR2015:
		return "PCSR 2015 reg 2(4)(b)";
	default:
		return "PCR 2015 reg 2(3)(a)";
	}
}

/* A deadline at a time of day on the very last allowed day leaves less
 * than the whole day (the regulations count whole days). */
static void
check_deadline_time(struct ctx *c, const struct period *p,
		    struct tp_date earliest)
{
	char d[TP_DATE_STRLEN];
	int minutes = tp_plan_stage_time(c->plan, p->to_stage);

	if (minutes < 0 || p->deadline.day != earliest.day ||
	    !pcr_family(c->regime))
		return;
	add(c, TP_SEVERITY_WARNING, "period.deadline-time",
	    counting_cite(c->regime), p->to_stage, p->from_stage,
	    "move the deadline to the next working day",
	    "the deadline at %02d:%02d on %s, the last day of the minimum "
	    "period, cuts that day short",
	    minutes / 60, minutes % 60, fmt_date(p->deadline, d));
}

/* The procedure does not exist under the regime: say so once. */
static void
report_procedure(struct ctx *c, const char *why)
{
	if (c->procedure_reported)
		return;
	c->procedure_reported = true;
	add(c, TP_SEVERITY_WARNING, "procedure.not-in-regime",
	    tp_regime_title(c->regime), NONE, NONE,
	    "choose a procedure of the regime",
	    "%s; the minimum periods are not checked", why);
}

static const char *
kind_word(enum tp_period_kind kind)
{
	return kind == TP_PERIOD_TENDER ? "tender" : "participation";
}

/* " (as recorded)" when both ends of a period are dates that happened. */
static const char *
recorded(const struct ctx *c, const struct period *p)
{
	return tp_plan_stage_actual_finish(c->plan, p->to_stage, NULL) &&
			       (tp_plan_stage_actual_start(c->plan,
							   p->from_stage, NULL) ||
				tp_plan_stage_actual_finish(c->plan,
							    p->from_stage, NULL))
		       ? " (as recorded)"
		       : "";
}

static void
report_short(struct ctx *c, enum tp_period_kind kind, const struct period *p,
	     const struct tp_min_period *min, struct tp_date earliest)
{
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN], fix[128];

	snprintf(fix, sizeof(fix), "earliest lawful deadline: %s",
		 fmt_date(earliest, a));
	if (min->days < 0)
		add(c, TP_SEVERITY_ERROR, "period.two-working-days",
		    two_days_cite(c->regime), p->to_stage, p->from_stage, fix,
		    "the %s period from %s to %s%s does not include two "
		    "working days",
		    kind_word(kind), fmt_date(p->invited, a),
		    fmt_date(p->deadline, b), recorded(c, p));
	else
		add(c, TP_SEVERITY_ERROR,
		    kind == TP_PERIOD_TENDER ? "period.tender-minimum"
					     : "period.participation-minimum",
		    min->citation, p->to_stage, p->from_stage, fix,
		    "the %s period from %s to %s%s is %ld days; the minimum "
		    "is %ld (%s)",
		    kind_word(kind), fmt_date(p->invited, a),
		    fmt_date(p->deadline, b), recorded(c, p),
		    (long)tp_date_diff(p->invited, p->deadline),
		    (long)min->days, min->explanation);
}

static enum tp_status
check_period(struct ctx *c, enum tp_period_kind kind, const struct period *p,
	     struct tp_error *err)
{
	struct tp_period_query q;
	struct tp_min_period min;
	struct tp_date earliest;
	struct tp_error e;
	/* The two working days bind wherever the regulations set the
	 * period; Part B services have no periods of the regulations. */
	bool counted = pcr_family(c->regime) &&
		       c->cfg->procedure != TP_PROC_PART_B &&
		       c->cfg->procedure != TP_PROC_BELOW_THRESHOLD;
	enum tp_status rc;

	memset(&q, 0, sizeof(q));
	q.regime = c->regime;
	q.procedure = c->cfg->procedure;
	q.kind = kind;
	q.claims = c->claims;
	q.authority = c->authority;
	rc = tp_min_period_query(&q, &min, &e);
	if (rc == TP_ERR_RULE) {
		report_procedure(c, e.message);
		return TP_OK;
	}
	if (rc != TP_OK) {
		if (err)
			*err = e;
		return rc;
	}
	if (min.days >= 0 || counted) {
		rc = tp_earliest_deadline(c->regime, c->law, p->invited,
					  min.days < 0 ? 0 : min.days,
					  &earliest, err);
		if (rc != TP_OK)
			return rc;
		if (p->deadline.day < earliest.day) {
			report_short(c, kind, p, &min, earliest);
			return TP_OK;
		}
		check_deadline_time(c, p, earliest);
	}
	if (min.days < 0)
		add(c, TP_SEVERITY_INFO, "period.not-checked", min.citation,
		    p->to_stage, p->from_stage, "",
		    "the %s period has no fixed minimum to check (%s)%s",
		    kind_word(kind), min.explanation,
		    counted ? "; it includes the two working days the "
			      "regulations require"
			    : "");
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
	bool statutory = c->regime == TP_REGIME_PA2023 ||
			 c->regime == TP_REGIME_PSR2023 ||
			 pcr_family(c->regime);
	enum tp_status rc = TP_OK;

	if (statutory && participation_period(c, &p))
		rc = check_period(c, TP_PERIOD_PARTICIPATION, &p, err);
	if (rc == TP_OK && tender_period(c, &p)) {
		if (statutory)
			rc = check_period(c, TP_PERIOD_TENDER, &p, err);
		check_local_tender(c, &p);
	}
	return rc;
}

/* ---- standstill ------------------------------------------------------------- */

/* The date the contract is entered into: award, else signature
 * (defined with the TUPE rules). */
static size_t award_stage(const struct ctx *c);

static bool
has_claim(const struct ctx *c, unsigned claim)
{
	return (c->cfg->claims & claim) != 0;
}

static bool
psr_procedure(enum tp_procedure p)
{
	return p == TP_PROC_PSR_A || p == TP_PROC_PSR_B || p == TP_PROC_PSR_C ||
	       p == TP_PROC_PSR_MSP || p == TP_PROC_PSR_COMPETITIVE ||
	       p == TP_PROC_CALL_OFF;
}

/* PCR 2015 reg 86(5): no reg 86 notice, so no standstill (reg 87(1)). */
static void
pcr2015_exemption(const struct ctx *c, const char **why, const char **cite)
{
	enum tp_procedure p = c->cfg->procedure;

	if (p == TP_PROC_CALL_OFF) {
		*why = "no notice is needed for a call-off";
		*cite = "PCR 2015 reg 86(5)(c), 87(1)";
	} else if (p == TP_PROC_DIRECT_AWARD) {
		*why = "no notice is needed for a contract Part 2 permits "
		       "without prior publication";
		*cite = "PCR 2015 reg 86(5)(a), 87(1)";
	} else if (has_claim(c, TP_CLAIM_SINGLE_TENDERER)) {
		*why = "the only tenderer is to be awarded the contract and "
		       "there are no candidates";
		*cite = "PCR 2015 reg 86(5)(b), 87(1)";
	}
}

/* Procurement Act 2023 s.51(3)(a)-(f), and s.50(6)(b): no contract award
 * notice at all for a user choice contract. */
static void
pa2023_exemption(const struct ctx *c, const char **why, const char **cite)
{
	enum tp_procedure p = c->cfg->procedure;
	bool direct = p == TP_PROC_DIRECT_AWARD;

	if (direct && has_claim(c, TP_CLAIM_USER_CHOICE)) {
		*why = "a user choice contract needs no contract award notice, "
		       "so it has no standstill";
		*cite = "Procurement Act 2023 s.50(6)(b), s.51";
	} else if (p == TP_PROC_LIGHT_TOUCH || p == TP_PROC_CALL_OFF) {
		*why = "the contract is exempt; a voluntary standstill "
		       "must be at least eight working days";
		*cite = p == TP_PROC_LIGHT_TOUCH
				? "Procurement Act 2023 s.51(3)(f), (4)-(5)"
				: "Procurement Act 2023 s.51(3)(d), (4)-(5)";
	} else if (direct && has_claim(c, TP_CLAIM_EXTREME_URGENCY)) {
		*why = "a direct award for extreme and unavoidable urgency "
		       "(Schedule 5 para 13) is exempt; a voluntary standstill "
		       "must be at least eight working days";
		*cite = "Procurement Act 2023 s.51(3)(a), (4)-(5)";
	} else if (direct && has_claim(c, TP_CLAIM_PROTECT_LIFE)) {
		*why = "a direct award under regulations made under s.42 is "
		       "exempt; a voluntary standstill must be at least eight "
		       "working days";
		*cite = "Procurement Act 2023 s.51(3)(b), (4)-(5)";
	} else if (direct && has_claim(c, TP_CLAIM_PRIVATE_UTILITY)) {
		*why = "a direct award by a private utility is exempt; a "
		       "voluntary standstill must be at least eight working "
		       "days";
		*cite = "Procurement Act 2023 s.51(3)(c), (4)-(5)";
	} else if (has_claim(c, TP_CLAIM_DYNAMIC_MARKET)) {
		*why = "a contract awarded by reference to a dynamic market is "
		       "exempt; a voluntary standstill must be at least eight "
		       "working days";
		*cite = "Procurement Act 2023 s.51(3)(e), (4)-(5)";
	}
}

/* PSR 2023 reg 12(1): a standstill only for Direct Award Process C, the
 * Most Suitable Provider Process and the Competitive Process (a call-off
 * with a competition follows the latter, reg 18(4), (7)); reg 14(2): an
 * urgent award need not satisfy regs 6 to 13. */
static void
psr2023_exemption(const struct ctx *c, const char **why, const char **cite)
{
	enum tp_procedure p = c->cfg->procedure;

	if (has_claim(c, TP_CLAIM_URGENT_AWARD)) {
		*why = "an urgent award need not satisfy regulations 6 to 13";
		*cite = "PSR 2023 reg 14(2)";
	} else if (p == TP_PROC_PSR_A || p == TP_PROC_PSR_B) {
		*why = p == TP_PROC_PSR_A
			       ? "Direct Award Process A has no standstill"
			       : "Direct Award Process B has no standstill";
		*cite = "PSR 2023 reg 12(1)";
	} else if (p == TP_PROC_CALL_OFF &&
		   !has_claim(c, TP_CLAIM_COMPETITION)) {
		*why = "a contract based on a framework agreement without a "
		       "competition has no standstill";
		*cite = "PSR 2023 reg 12(1), 18(3)-(5)";
	}
}

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
		pcr2015_exemption(c, why, cite);
		break;
	case TP_REGIME_PCSR2015:
		if (p == TP_PROC_CALL_OFF) {
			*why = "no notice is needed for a call-off";
			*cite = "PCSR 2015 reg 85(4)(b), 86(2)(c)";
		}
		break;
	case TP_REGIME_PA2023:
		pa2023_exemption(c, why, cite);
		break;
	case TP_REGIME_PSR2023:
		if (!psr_procedure(p))
			return false; /* procedure.not-in-regime says why */
		psr2023_exemption(c, why, cite);
		break;
	case TP_REGIME_NONE:
	case TP_REGIME_LOCAL:
	case TP_REGIME_BY_DATE:
		return false;
	}
	if (p == TP_PROC_BELOW_THRESHOLD)
		return false;
	return *why == NULL;
}

/* Award and signature must not start on or before @last: neither the
 * scheduled date nor a date the plan fixes. @from is the notice the
 * period runs from. */
static void
check_contract_after(struct ctx *c, const struct tp_standstill *ss,
		     const char *rule_id, enum tp_severity sev,
		     const char *cite, size_t from)
{
	size_t stages[2] = {c->award, c->signature};
	bool fixed[2] = {c->award_fixed, c->signature_fixed};
	struct tp_date fix_at[2] = {c->award_fix, c->signature_fix};
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN], fix[128];

	for (size_t k = 0; k < 2; k++) {
		size_t i = stages[k];
		struct tp_date d = fix_at[k];
		if (i == NONE)
			continue;
		if (!fixed[k] || d.day > ss->last_day.day)
			d = es(c, i);
		if (d.day > ss->last_day.day)
			continue;
		snprintf(fix, sizeof(fix), "earliest lawful award: %s",
			 fmt_date(ss->earliest_contract, a));
		add(c, sev, rule_id, cite, i, from, fix,
		    "%s on %s falls inside the standstill that runs to the end "
		    "of %s",
		    label(c, i), fmt_date(d, a), fmt_date(ss->last_day, b));
	}
}

static void
check_standstill_stage(struct ctx *c, const struct tp_standstill *ss,
		       const char *cite)
{
	size_t st = c->standstill;
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

/* PSR 2023 reg 12(3), (10): representations were received if the plan
 * says so or has a further decision. */
static bool
psr_representations(const struct ctx *c)
{
	return has_claim(c, TP_CLAIM_REPRESENTATIONS) ||
	       c->further_decision != NONE;
}

/* The standstill of @regime from the plan's notice. With @options, what
 * the plan adds: PSR 2023 representations and the last further decision
 * (reg 12(10)), the PA 2023 standstill end of the contract award notice
 * (s.51(1)(b)). */
static enum tp_status
compute_standstill(struct ctx *c, enum tp_regime regime, bool options,
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
	if (options && regime == TP_REGIME_PSR2023) {
		req.representations = psr_representations(c);
		req.has_further_decision =
			c->further_decision != NONE &&
			ef(c, c->further_decision).day > req.sent.day;
		if (req.has_further_decision)
			req.further_decision = ef(c, c->further_decision);
	}
	if (options && regime == TP_REGIME_PA2023 &&
	    c->cfg->has_standstill_end &&
	    c->cfg->standstill_end.day >= req.sent.day) {
		req.has_stated_end = true;
		req.stated_end = c->cfg->standstill_end;
	}
	/* The statute's calendar is built for the checked regime. */
	return tp_standstill_compute_on(&req,
					regime == c->regime && c->law_own
						? c->law_own
						: NULL,
					ss, err);
}

/* PR 2024 reg 27(2)(s): a contract award notice gives "the end date of any
 * standstill period under section 51 of the PA 2023 or, if no standstill
 * period applies, any date before which the contracting authority has
 * determined not to enter into the contract". */
static void
say_not_before_date(struct ctx *c)
{
	add(c, TP_SEVERITY_INFO, "standstill.not-before-date",
	    "Procurement Regulations 2024 reg 27(2)(s)", c->notice, NONE,
	    "set standstill-end to a voluntary standstill's last day (at "
	    "least eight working days, s.51(5))",
	    "the contract award notice must say that no standstill applies "
	    "and give any date before which you will not enter into the "
	    "contract");
}

/* PA 2023 s.51(4)-(5): an exempt contract may have a voluntary standstill
 * (the plan's standstill stage, the local rules' standstill, or the end
 * the plan says the contract award notice states); it may not be shorter
 * than eight working days beginning with the day the contract award
 * notice is published, and the contract waits for it. */
static enum tp_status
check_voluntary_standstill(struct ctx *c, struct tp_error *err)
{
	static const char cite[] = "Procurement Act 2023 s.51(5)";
	struct tp_standstill min, local, v;
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN], fix[128];
	size_t st = c->standstill;
	bool has_local = c->cfg->local_standstill_days > 0;
	bool stated = c->cfg->has_standstill_end;
	enum tp_status rc;

	if (st == NONE && !has_local && !stated) {
		say_not_before_date(c);
		return TP_OK;
	}
	rc = compute_standstill(c, TP_REGIME_PA2023, false, &min, err);
	if (rc == TP_OK && has_local)
		rc = compute_standstill(c, TP_REGIME_LOCAL, false, &local, err);
	if (rc != TP_OK)
		return rc;
	snprintf(fix, sizeof(fix), "run the voluntary standstill to %s",
		 fmt_date(min.last_day, a));
	v = min;
	if (st != NONE && ef(c, st).day < min.last_day.day)
		add(c, TP_SEVERITY_ERROR, "standstill.voluntary-short", cite,
		    st, c->notice, fix,
		    "the voluntary standstill ends on %s, before the eighth "
		    "working day after the contract award notice (%s)",
		    fmt_date(ef(c, st), a), fmt_date(min.last_day, b));
	else if (st != NONE)
		v.last_day = ef(c, st);
	if (has_local && local.last_day.day < min.last_day.day)
		add(c, TP_SEVERITY_ERROR, "standstill.voluntary-short", cite,
		    c->notice, NONE, fix,
		    "the local rules' standstill of %ld %sdays ends on %s, "
		    "before the eighth working day after the contract award "
		    "notice (%s)",
		    (long)local.days, local.working_days ? "working " : "",
		    fmt_date(local.last_day, a), fmt_date(min.last_day, b));
	if (stated && c->cfg->standstill_end.day < min.last_day.day)
		add(c, TP_SEVERITY_ERROR, "standstill.voluntary-short", cite,
		    c->notice, NONE, fix,
		    "the voluntary standstill the contract award notice states "
		    "ends on %s, before the eighth working day after the "
		    "notice (%s)",
		    fmt_date(c->cfg->standstill_end, a),
		    fmt_date(min.last_day, b));
	else if (stated && c->cfg->standstill_end.day > v.last_day.day)
		v.last_day = c->cfg->standstill_end;
	v.earliest_contract = tp_date_from_serial(v.last_day.day + 1);
	check_contract_after(c, &v, "standstill.contract-inside",
			     TP_SEVERITY_ERROR,
			     "Procurement Act 2023 s.51(4)-(5)", c->notice);
	return TP_OK;
}

/* PCR 2015 reg 99(7): a call-off whose authority "has, despite regulation
 * 86(5)(c), voluntarily complied with the requirements set out in
 * regulation 86(1) to (4)" and "the contract has not been entered into
 * before the end of the standstill period" escapes the third ground of
 * ineffectiveness: with the voluntary-standstill claim, the reg 87
 * standstill is checked. */
static enum tp_status
check_pcr_voluntary(struct ctx *c, struct tp_error *err)
{
	struct tp_standstill ss;
	enum tp_status rc;

	if (c->regime != TP_REGIME_PCR2015 ||
	    c->cfg->procedure != TP_PROC_CALL_OFF ||
	    !has_claim(c, TP_CLAIM_VOLUNTARY_STANDSTILL))
		return TP_OK;
	if (c->notice == NONE) {
		if (c->award != NONE)
			add(c, TP_SEVERITY_WARNING, "standstill.no-notice",
			    "PCR 2015 reg 99(7)(b)", c->award, NONE,
			    "add an intention-to-award stage before the award",
			    "the plan claims a voluntary standstill but has no "
			    "reg 86 notice to start it");
		return TP_OK;
	}
	rc = compute_standstill(c, TP_REGIME_PCR2015, false, &ss, err);
	if (rc != TP_OK)
		return rc;
	check_contract_after(c, &ss, "standstill.contract-inside",
			     TP_SEVERITY_ERROR, "PCR 2015 reg 99(7)(c), 87",
			     c->notice);
	check_standstill_stage(c, &ss, "PCR 2015 reg 99(7)(c), 87");
	return TP_OK;
}

/* PA 2023 s.50(1): "Before entering into a public contract, a contracting
 * authority must publish a contract award notice" (s.50(6): not for a user
 * choice contract). A call-off is a public contract only at or above the
 * threshold (s.3(2)), which the plan does not say: a warning. */
static void
check_pa_award_notice(struct ctx *c)
{
	bool call_off = c->cfg->procedure == TP_PROC_CALL_OFF;

	if (c->notice != NONE || award_stage(c) == NONE ||
	    has_claim(c, TP_CLAIM_USER_CHOICE))
		return;
	add(c, call_off ? TP_SEVERITY_WARNING : TP_SEVERITY_ERROR,
	    call_off ? "pa.call-off-notice" : "pa.no-award-notice",
	    call_off ? "Procurement Act 2023 s.50(1), s.3(2)"
		     : "Procurement Act 2023 s.50(1)",
	    award_stage(c), NONE,
	    "add an intention-to-award stage (the contract award notice) "
	    "before the award",
	    call_off ? "a call-off at or above the threshold is a public "
		       "contract: publish a contract award notice before "
		       "entering into it"
		     : "a contract award notice must be published before the "
		       "contract is entered into");
}

/* PSR 2023 reg 12(3) and Sch 9 para 5: the letters to unsuccessful
 * providers give the window for representations; reg 12(10): with
 * representations and no further decision the standstill stays open. */
static void
report_psr_standstill(struct ctx *c, const struct tp_standstill *ss)
{
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN];

	add(c, TP_SEVERITY_INFO, "standstill.representations-window",
	    "PSR 2023 reg 12(3), Sch 9 para 5", c->notice, NONE, "",
	    "providers may make written representations from %s to midnight "
	    "at the end of %s; the letters to unsuccessful providers give "
	    "these dates",
	    fmt_date(ss->first_day, a), fmt_date(ss->representations_until, b));
	if (ss->open_ended)
		add(c, TP_SEVERITY_WARNING, "standstill.representations-open",
		    "PSR 2023 reg 12(10)", c->notice, NONE,
		    "add a further-decision stage for when providers are told "
		    "of the last further decision",
		    "representations were received: the standstill stays open "
		    "until at least 5 working days after providers are told of "
		    "the last further decision, which the plan does not show "
		    "(the award is checked against the 8 working days only)");
}

/* PA 2023 s.51(1)(b): "if later, the end of another standstill period
 * provided for in the contract award notice". */
static void
report_stated_end(struct ctx *c, const struct tp_standstill *ss,
		  const struct tp_standstill *plain)
{
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN];

	if (!c->cfg->has_standstill_end)
		return;
	if (c->cfg->standstill_end.day > plain->last_day.day)
		add(c, TP_SEVERITY_INFO, "standstill.stated-later",
		    "Procurement Act 2023 s.51(1)(b)", c->notice, NONE, "",
		    "the contract award notice provides for a standstill to "
		    "%s, later than the mandatory one (%s): the contract waits "
		    "for it",
		    fmt_date(ss->last_day, a), fmt_date(plain->last_day, b));
	else if (c->cfg->standstill_end.day < plain->last_day.day)
		add(c, TP_SEVERITY_WARNING, "standstill.stated-end-early",
		    "Procurement Act 2023 s.51(1)-(2)", c->notice, NONE,
		    "state the end of the mandatory standstill in the contract "
		    "award notice",
		    "the standstill end the plan gives (%s) is before the end "
		    "of the mandatory standstill (%s), which binds",
		    fmt_date(c->cfg->standstill_end, a),
		    fmt_date(plain->last_day, b));
}

/* With no notice of the decision: PSR 2023 regs 9(3), 10(7), 11(9)
 * require the notice of intention (an error); elsewhere the standstill
 * cannot be checked (a warning). */
static void
report_no_notice(struct ctx *c)
{
	if (c->award == NONE)
		return;
	if (c->regime == TP_REGIME_PSR2023)
		add(c, TP_SEVERITY_ERROR, "psr.no-intention-notice",
		    "PSR 2023 regs 9(3), 10(7), 11(9), 12(1)", c->award, NONE,
		    "add an intention-to-award stage (the notice of intention "
		    "to award) before the award",
		    "the process requires a notice of intention to award, and "
		    "the contract waits for the standstill after it");
	else
		add(c, TP_SEVERITY_WARNING, "standstill.no-notice",
		    tp_regime_title(c->regime), c->award, NONE,
		    "add an intention-to-award stage before the award",
		    "the plan has no notice of the award decision, so "
		    "the standstill cannot be checked");
}

static enum tp_status
check_mandatory_standstill(struct ctx *c, struct tp_error *err)
{
	struct tp_standstill ss, plain;
	enum tp_status rc;

	if (c->notice == NONE) {
		report_no_notice(c);
		return TP_OK;
	}
	rc = compute_standstill(c, c->regime, true, &ss, err);
	if (rc == TP_OK && c->regime == TP_REGIME_PA2023)
		rc = compute_standstill(c, c->regime, false, &plain, err);
	if (rc != TP_OK)
		return rc;
	check_contract_after(c, &ss, "standstill.contract-inside",
			     TP_SEVERITY_ERROR, ss.citation, c->notice);
	check_standstill_stage(c, &ss, ss.citation);
	if (c->regime == TP_REGIME_PSR2023)
		report_psr_standstill(c, &ss);
	if (c->regime == TP_REGIME_PA2023)
		report_stated_end(c, &ss, &plain);
	return TP_OK;
}

static enum tp_status
check_statutory_standstill(struct ctx *c, struct tp_error *err)
{
	const char *why, *cite;
	bool mandatory = standstill_mandatory(c, &why, &cite);
	bool pa = c->regime == TP_REGIME_PA2023;

	if (why)
		add(c, TP_SEVERITY_INFO, "standstill.not-mandatory", cite,
		    c->notice, NONE, "", "no mandatory standstill: %s", why);
	if (why && pa && has_claim(c, TP_CLAIM_USER_CHOICE) &&
	    c->cfg->procedure == TP_PROC_DIRECT_AWARD)
		return TP_OK;
	if (why && pa)
		check_pa_award_notice(c);
	if (why && pa && c->notice != NONE)
		return check_voluntary_standstill(c, err);
	if (why)
		return check_pcr_voluntary(c, err);
	return mandatory ? check_mandatory_standstill(c, err) : TP_OK;
}

static enum tp_status
check_local_standstill(struct ctx *c, struct tp_error *err)
{
	struct tp_standstill ss;
	enum tp_status rc;

	if (c->cfg->local_standstill_days <= 0 || c->notice == NONE)
		return TP_OK;
	rc = compute_standstill(c, TP_REGIME_LOCAL, false, &ss, err);
	if (rc != TP_OK)
		return rc;
	check_contract_after(c, &ss, "local.standstill", TP_SEVERITY_ERROR,
			     local_cite(c), c->notice);
	check_standstill_stage(c, &ss, local_cite(c));
	return TP_OK;
}

/* ---- the regimes of #14: authority, notices, PSR 2023 ------------------- */

/* Which kind of authority the statute makes the plan's (PA 2023: PR 2024
 * reg 44, Sch 2; PCR 2015: Sch 1), and whether the plan's own setting
 * disagrees. */
static enum tp_status
check_authority(struct ctx *c, struct tp_error *err)
{
	const struct tp_rules_config *cfg = c->cfg;
	enum tp_authority_kind k = cfg->authority_kind;
	bool nhs_listed;
	enum tp_status rc =
		tp_rules_config_authority(cfg, c->regime, &c->authority, err);

	if (rc != TP_OK)
		return rc;
	nhs_listed = c->authority == TP_AUTHORITY_CENTRAL_GOVERNMENT &&
		     cfg->authority == TP_AUTHORITY_SUB_CENTRAL;
	if (nhs_listed)
		add(c, TP_SEVERITY_INFO, "authority.central-by-statute",
		    c->regime == TP_REGIME_PA2023
			    ? "Procurement Regulations 2024 reg 44, Sch 2"
			    : "PCR 2015 reg 2(1), Sch 1",
		    NONE, NONE, "",
		    "an authority of kind %s is a central government authority "
		    "under %s, so it is checked as one",
		    tp_authority_kind_name(k), tp_regime_name(c->regime));
	else if (cfg->authority == TP_AUTHORITY_CENTRAL_GOVERNMENT &&
		 (k == TP_AUTHORITY_KIND_COUNCIL ||
		  k == TP_AUTHORITY_KIND_ICB) &&
		 (c->regime == TP_REGIME_PA2023 ||
		  c->regime == TP_REGIME_PCR2015))
		add(c, TP_SEVERITY_WARNING, "authority.kind-mismatch",
		    c->regime == TP_REGIME_PA2023
			    ? "Procurement Regulations 2024 reg 44, Sch 2"
			    : "PCR 2015 reg 2(1), Sch 1",
		    NONE, NONE, "set authority to sub-central",
		    "the plan says central-government, but a %s is not a "
		    "central government authority (it is not listed); the "
		    "stricter central government minimums are used",
		    k == TP_AUTHORITY_KIND_ICB ? "integrated care board"
					       : "council");
	return TP_OK;
}

/* A procedure the regime does not have is reported even when the plan
 * has no period to check (a PSR plan must follow one of its processes,
 * PSR 2023 reg 6(1)). */
static void
check_procedure(struct ctx *c)
{
	struct tp_period_query q;
	struct tp_min_period min;
	struct tp_error e;

	if (c->procedure_reported ||
	    (c->regime != TP_REGIME_PA2023 && c->regime != TP_REGIME_PSR2023 &&
	     !pcr_family(c->regime)))
		return;
	memset(&q, 0, sizeof(q));
	q.regime = c->regime;
	q.procedure = c->cfg->procedure;
	q.kind = TP_PERIOD_TENDER;
	q.claims = c->claims;
	q.authority = c->authority;
	if (tp_min_period_query(&q, &min, &e) == TP_ERR_RULE)
		report_procedure(c, e.message);
}

/* The window a prior notice must fall in to shorten the tender period:
 * PA 2023 s.15(3) "at least 40 days but not more than 12 months before
 * the day on which the tender notice is published"; PCR 2015 reg
 * 27(4)(b), 28(6)(b), 29(6)(b) "sent for publication between 35 days and
 * 12 months before the date on which the contract notice was sent". Out of
 * the window, the PIN claim is dropped for the minimum periods. */
static void
check_prior_notice(struct ctx *c)
{
	bool pa = c->regime == TP_REGIME_PA2023;
	int32_t min = pa ? 40 : 35;
	const char *cite = pa ? "Procurement Act 2023 s.15(3), s.54(4)"
			      : "PCR 2015 reg 27(4)(b), 28(6)(b), 29(6)(b)";
	const char *rule = pa ? "pa.ppn-not-qualifying" : "pcr.pin-window";
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN];
	struct tp_date notice, pin, year_before;

	if ((!pa && c->regime != TP_REGIME_PCR2015) ||
	    !has_claim(c, TP_CLAIM_PIN) || c->advert == NONE)
		return;
	notice = es(c, c->advert);
	if (c->prior_notice == NONE) {
		add(c, TP_SEVERITY_INFO,
		    pa ? "pa.ppn-unverified" : "pcr.pin-unverified", cite,
		    c->advert, NONE, "add a prior-notice stage",
		    pa ? "the plan claims a qualifying planned procurement "
			 "notice: it must be published 40 days to 12 months "
			 "before the tender notice, which must say it relies "
			 "on it (Procurement Regulations 2024 reg 18(2)(s))"
		       : "the plan claims a prior information notice: it "
			 "must be sent 35 days to 12 months before the "
			 "contract notice");
		return;
	}
	pin = ef(c, c->prior_notice);
	if (tp_date_add_months(notice, -12, &year_before, NULL) != TP_OK)
		year_before = notice;
	if (tp_date_diff(pin, notice) >= min && pin.day >= year_before.day)
		return;
	c->claims &= ~(unsigned)TP_CLAIM_PIN;
	add(c, TP_SEVERITY_ERROR, rule, cite, c->prior_notice, c->advert,
	    "publish the notice earlier, or do not rely on it",
	    "the notice on %s is %ld days before the %s on %s: it must be "
	    "at least %ld days and not more than 12 months before, so the "
	    "shorter period does not apply",
	    fmt_date(pin, a), (long)tp_date_diff(pin, notice),
	    pa ? "tender notice" : "contract notice", fmt_date(notice, b),
	    (long)min);
}

/* PA 2023 direct award (s.41, s.43): s.44(1) "Before awarding a contract
 * under section 41 or 43 a contracting authority must publish a
 * transparency notice" (not for user choice, s.44(3)); the contract award
 * notice records the decision (PR 2024 reg 27(2)(f)) and so follows the
 * transparency notice. */
static void
check_pa_direct_award(struct ctx *c)
{
	static const char cite[] = "Procurement Act 2023 s.44(1)";
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN];
	size_t aw = award_stage(c), t = c->transparency;
	size_t gov = c->first[TP_STAGE_GOVERNANCE_APPROVAL];
	size_t decision = gov != NONE ? gov : aw;

	if (c->regime != TP_REGIME_PA2023 ||
	    c->cfg->procedure != TP_PROC_DIRECT_AWARD ||
	    has_claim(c, TP_CLAIM_USER_CHOICE))
		return;
	if (t == NONE) {
		if (aw != NONE)
			add(c, TP_SEVERITY_ERROR, "pa.transparency-missing",
			    cite, aw, NONE,
			    "add a transparency-notice stage before the award "
			    "decision",
			    "a direct award needs a transparency notice "
			    "published before the contract is awarded");
		return;
	}
	if (decision != NONE &&
	    ef(c, t).day > (gov != NONE ? ef(c, gov) : es(c, aw)).day)
		add(c, TP_SEVERITY_ERROR, "pa.transparency-after-award", cite,
		    t, decision, "link the award decision after the notice",
		    "the transparency notice on %s comes after the award "
		    "decision '%s' on %s",
		    fmt_date(ef(c, t), a), label(c, decision),
		    fmt_date(gov != NONE ? ef(c, gov) : es(c, aw), b));
	if (c->notice != NONE && ef(c, c->notice).day < ef(c, t).day)
		add(c, TP_SEVERITY_ERROR, "pa.award-notice-before-transparency",
		    "Procurement Act 2023 s.44(1), s.50(1); Procurement "
		    "Regulations 2024 reg 27(2)(f)",
		    c->notice, t, "publish the contract award notice after it",
		    "the contract award notice on %s comes before the "
		    "transparency notice on %s",
		    fmt_date(ef(c, c->notice), a), fmt_date(ef(c, t), b));
}

/* A notice due within a number of days of the award: late, or its
 * latest day when the plan has no such stage. */
static void
check_notice_due(struct ctx *c, struct tp_date due, enum tp_severity late,
		 const char *late_id, const char *date_id, const char *cite,
		 const char *what)
{
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN], d[TP_DATE_STRLEN];
	char fix[128];
	size_t aw = award_stage(c);

	snprintf(fix, sizeof(fix), "publish it by %s", fmt_date(due, a));
	if (c->award_notice == NONE)
		add(c, TP_SEVERITY_INFO, date_id, cite, aw, NONE, fix,
		    "the %s is due by %s (the contract is entered into on %s)",
		    what, fmt_date(due, a), fmt_date(es(c, aw), b));
	else if (ef(c, c->award_notice).day > due.day)
		add(c, late, late_id, cite, c->award_notice, aw, fix,
		    "the %s on %s is later than %s, the last day after the "
		    "contract is entered into on %s",
		    what, fmt_date(ef(c, c->award_notice), a), fmt_date(due, b),
		    fmt_date(es(c, aw), d));
}

/* PA 2023 s.53(1): a contract details notice "(a) if the contract is a
 * light touch contract, before the end of the period of 120 days beginning
 * with the day on which the contract is entered into; (b) otherwise,
 * before the end of the period of 30 days beginning with" that day (the
 * day of entry is day 1); s.53(6): not for private utilities or user
 * choice contracts. */
static void
check_contract_details(struct ctx *c)
{
	bool lt = c->cfg->procedure == TP_PROC_LIGHT_TOUCH;
	size_t aw = award_stage(c);

	if (c->regime != TP_REGIME_PA2023 || aw == NONE ||
	    c->cfg->procedure == TP_PROC_BELOW_THRESHOLD ||
	    has_claim(c, TP_CLAIM_PRIVATE_UTILITY) ||
	    has_claim(c, TP_CLAIM_USER_CHOICE))
		return;
	check_notice_due(c,
			 tp_date_from_serial(es(c, aw).day + (lt ? 119 : 29)),
			 TP_SEVERITY_ERROR, "pa.contract-details-late",
			 "pa.contract-details-date",
			 lt ? "Procurement Act 2023 s.53(1)(a)"
			    : "Procurement Act 2023 s.53(1)(b)",
			 "contract details notice");
}

/* PCR 2015 reg 50(1): "Not later than 30 days after the award of a
 * contract ... contracting authorities shall send for publication a
 * contract award notice"; reg 50(4): not for each call-off. */
static void
check_pcr_award_notice(struct ctx *c)
{
	size_t aw = award_stage(c);
	enum tp_procedure p = c->cfg->procedure;

	if (c->regime != TP_REGIME_PCR2015 || aw == NONE ||
	    p == TP_PROC_CALL_OFF || p == TP_PROC_BELOW_THRESHOLD)
		return;
	check_notice_due(c, tp_date_from_serial(es(c, aw).day + 30),
			 TP_SEVERITY_ERROR, "pcr.award-notice-late",
			 "pcr.award-notice-date", "PCR 2015 reg 50(1)",
			 "contract award notice");
}

/* PCR 2015 reg 99(2)-(3): an award without prior publication escapes the
 * first ground of ineffectiveness only if "the contract has not been
 * entered into before the end of a period of at least 10 days beginning
 * with the day after the date on which the voluntary transparency notice
 * was published". */
static enum tp_status
check_vtn(struct ctx *c, struct tp_error *err)
{
	struct tp_standstill_request req = {0};
	struct tp_standstill ss;
	enum tp_status rc;

	if (c->regime != TP_REGIME_PCR2015)
		return TP_OK;
	if (c->transparency == NONE) {
		if (c->cfg->procedure == TP_PROC_DIRECT_AWARD)
			add(c, TP_SEVERITY_INFO, "pcr.vtn-optional",
			    "PCR 2015 reg 99(2)-(3)", award_stage(c), NONE,
			    "add a transparency-notice stage",
			    "a voluntary transparency notice, and 10 days "
			    "before the contract, protect an award without "
			    "prior publication from being declared "
			    "ineffective");
		return TP_OK;
	}
	req.regime = TP_REGIME_PCR2015;
	req.kind = TP_STANDSTILL_VTN;
	req.sent = ef(c, c->transparency);
	req.region = c->cfg->jurisdiction;
	rc = tp_standstill_compute_on(&req, c->law_own, &ss, err);
	if (rc != TP_OK)
		return rc;
	check_contract_after(c, &ss, "pcr.vtn-contract-early",
			     TP_SEVERITY_ERROR, ss.citation, c->transparency);
	return TP_OK;
}

/* PCR 2015 reg 47(3)(a): time limits must be extended where "additional
 * information, although requested by the economic operator in good time,
 * is not supplied at the latest 6 days before the time limit fixed for
 * the receipt of tenders"; reg 47(5): 4 days in an accelerated procedure
 * (urgency). The last answers are the clarification-response stage, or,
 * without one, the clarification deadline (answers come after it). */
static void
check_late_information(struct ctx *c)
{
	enum tp_procedure p = c->cfg->procedure;
	bool urgent = has_claim(c, TP_CLAIM_URGENCY);
	size_t to = c->tender_deadline != NONE ? c->tender_deadline
					       : c->tender_period;
	size_t r = c->clarification_response != NONE
			   ? c->clarification_response
			   : c->first[TP_STAGE_CLARIFICATION_DEADLINE];
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN], d[TP_DATE_STRLEN];
	char fix[128];
	struct tp_date latest;

	if (c->regime != TP_REGIME_PCR2015 || to == NONE || r == NONE ||
	    p == TP_PROC_LIGHT_TOUCH || p == TP_PROC_CALL_OFF ||
	    p == TP_PROC_BELOW_THRESHOLD || p == TP_PROC_DIRECT_AWARD)
		return;
	latest = tp_date_from_serial(ef(c, to).day - (urgent ? 4 : 6));
	if (ef(c, r).day <= latest.day)
		return;
	snprintf(fix, sizeof(fix),
		 "answer by %s, or extend the deadline in proportion",
		 fmt_date(latest, a));
	add(c, TP_SEVERITY_WARNING, "pcr.late-information",
	    urgent ? "PCR 2015 reg 47(3)(a), (4)-(5)"
		   : "PCR 2015 reg 47(3)(a), (4)",
	    r, to, fix,
	    "%s '%s' on %s is later than %d days before the tender deadline "
	    "on %s: information asked for in good time must be supplied by "
	    "%s, or the deadline extended",
	    c->clarification_response != NONE ? "the last answers"
					      : "the clarification deadline",
	    label(c, r), fmt_date(ef(c, r), a), urgent ? 4 : 6,
	    fmt_date(ef(c, to), b), fmt_date(latest, d));
}

/* PSR 2023 reg 2(1), Sch 1: "relevant health care services" are those
 * "which fall within one or more of the CPV codes specified in the table
 * in Schedule 1, to the extent described in that table"; every PSR notice
 * gives "the most relevant CPV code" (e.g. Sch 8 para 2). Whether a code
 * that is not listed falls within a listed parent is a judgement, so
 * those findings are warnings. */
static void
check_cpv(struct ctx *c)
{
	static const char cite[] = "PSR 2023 reg 2(1), 3, Sch 1";
	const char *code = c->cfg->cpv;
	struct tp_cpv_match m;

	if (!code[0]) {
		add(c, TP_SEVERITY_INFO, "cpv.missing", cite, NONE, NONE,
		    "set cpv to the code, e.g. 85323000-9",
		    "give the most relevant CPV code: every PSR notice "
		    "includes it, and the PSR applies only to the services of "
		    "Schedule 1");
		return;
	}
	tp_psr2023_cpv_lookup(code, &m);
	if (m.status == TP_CPV_QUALIFIED)
		add(c, TP_SEVERITY_INFO, "cpv.qualified", cite, NONE, NONE, "",
		    "%s (%s) is in Schedule 1 %s", m.listed_code, m.description,
		    m.qualifier);
	else if (m.status == TP_CPV_CHILD)
		add(c, TP_SEVERITY_WARNING, "cpv.not-listed-child", cite, NONE,
		    NONE, "use a code Schedule 1 lists, if one fits",
		    "%.8s is not in Schedule 1; whether it falls within %s "
		    "(%s) is a judgement",
		    code, m.listed_code, m.description);
	else if (m.status == TP_CPV_NOT_LISTED)
		add(c, TP_SEVERITY_WARNING, "cpv.not-in-schedule",
		    "PSR 2023 reg 2(1), 3(1)-(4), Sch 1", NONE, NONE,
		    "check the code, or procure under the Procurement Act 2023",
		    "%.8s is not in Schedule 1: the PSR applies only to its "
		    "services, or to a mixed procurement whose main "
		    "subject-matter (the higher estimated lifetime value) they "
		    "are and whose other parts could not reasonably be "
		    "supplied under a separate contract",
		    code);
	if (m.check_digit_differs)
		add(c, TP_SEVERITY_WARNING, "cpv.check-digit", cite, NONE, NONE,
		    "correct the check digit",
		    "%s has a check digit other than Schedule 1's %s", code,
		    m.listed_code);
}

/* Which regime the health service settings call for, against the one
 * checked: PSR 2023 reg 3(1) and Procurement Regulations 2024 reg 43 ("The
 * PA 2023 does not apply in relation to regulated health procurement");
 * WSI 2025/99 reg 34 for Wales, not modelled. */
static void
check_health_service(struct ctx *c)
{
	const struct tp_rules_config *cfg = c->cfg;
	struct tp_date start = procurement_start(c);
	struct tp_cpv_match m = {TP_CPV_NOT_LISTED, NULL, NULL, NULL, false};

	if (c->regime == TP_REGIME_PSR2023) {
		check_cpv(c);
		return;
	}
	if (cfg->cpv[0])
		tp_psr2023_cpv_lookup(cfg->cpv, &m);
	if (cfg->health_service == TP_HEALTH_SERVICE_ENGLAND &&
	    (c->regime == TP_REGIME_PA2023 || c->regime == TP_REGIME_PCR2015) &&
	    start.day >= TP_DATE(2024, 1, 1).day)
		add(c, TP_SEVERITY_WARNING, "regime.health-outside-psr",
		    c->regime == TP_REGIME_PA2023
			    ? "PSR 2023 reg 3(1); Procurement Regulations 2024 "
			      "reg 43"
			    : "PSR 2023 reg 1(1), 3(1), 29",
		    c->advert, NONE,
		    "name psr2023, or let the regime follow "
		    "the date",
		    "the plan buys health care services for the health service "
		    "in England, which the Provider Selection Regime governs "
		    "from 1 Jan 2024, but it is checked under %s",
		    tp_regime_name(c->regime));
	else if (cfg->health_service == TP_HEALTH_SERVICE_WALES &&
		 start.day >= TP_DATE(2025, 2, 24).day)
		add(c, TP_SEVERITY_WARNING, "regime.not-modelled",
		    "Health Services (Provider Selection Regime) (Wales) "
		    "Regulations 2025 (WSI 2025/99) reg 1(3), 34",
		    c->advert, NONE, "",
		    "the Welsh provider selection regime applies (and the "
		    "Procurement Act 2023 does not); tenderplan does not model "
		    "it, because its working day (Legislation (Wales) Act 2019 "
		    "Sch 1) could not be read: check its standstill and "
		    "notices by hand");
	else if (cfg->health_service == TP_HEALTH_SERVICE_NONE &&
		 (m.status == TP_CPV_LISTED || m.status == TP_CPV_QUALIFIED))
		add(c, TP_SEVERITY_INFO, "cpv.health-care",
		    "PSR 2023 reg 3(1), Sch 1", c->advert, NONE,
		    "set health-service=\"england\" if it does",
		    "%s (%s) is in PSR Schedule 1: if a relevant authority buys "
		    "these services for the health service in England, the "
		    "Provider Selection Regime applies, not %s",
		    m.listed_code, m.description, tp_regime_name(c->regime));
}

/* The PSR citation for a notice of the award "submitted for publication
 * within 30 days of the contract being awarded". */
static const char *
psr_award_notice_cite(const struct ctx *c)
{
	switch (c->cfg->procedure) {
	case TP_PROC_PSR_A:
		return "PSR 2023 reg 7(1)(b), (2)(b)";
	case TP_PROC_PSR_B:
		return "PSR 2023 reg 8(1)(b), (2)(b)";
	case TP_PROC_PSR_C:
		return "PSR 2023 reg 9(10)-(11)";
	case TP_PROC_PSR_MSP:
		return "PSR 2023 reg 10(14)-(15)";
	case TP_PROC_CALL_OFF:
		return has_claim(c, TP_CLAIM_COMPETITION)
			       ? "PSR 2023 reg 11(16)-(17), 18(7)"
			       : "PSR 2023 reg 18(5)-(6)";
	default:
		return "PSR 2023 reg 11(16)-(17)";
	}
}

/* PSR 2023 processes: reg 10(5) "must not complete step 2 before the day
 * which is 14 days after the day on which the notice of intention to
 * follow the Most Suitable Provider Process is submitted for publication"
 * (the advert stage's day); the notice of the award within 30 days of the
 * award (read as 30 days after the day of award; "within 30 days of" is
 * not defined, so a warning); reg 6(5)(b): Direct Award Process C replaces
 * an existing contract "due to expire". */
static void
check_psr(struct ctx *c)
{
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN], fix[128];
	enum tp_procedure p = c->cfg->procedure;
	size_t aw = award_stage(c);

	if (c->regime != TP_REGIME_PSR2023 || !psr_procedure(p))
		return;
	if (p == TP_PROC_PSR_MSP && c->identification != NONE &&
	    c->advert != NONE &&
	    ef(c, c->identification).day < es(c, c->advert).day + 14) {
		struct tp_date ok =
			tp_date_from_serial(es(c, c->advert).day + 14);
		snprintf(fix, sizeof(fix), "complete it on or after %s",
			 fmt_date(ok, a));
		add(c, TP_SEVERITY_ERROR, "psr.msp-identification-early",
		    "PSR 2023 reg 10(4)-(5)", c->identification, c->advert, fix,
		    "potential providers are identified by %s, before the "
		    "14th day after the notice of intention to follow the "
		    "process was submitted on %s",
		    fmt_date(ef(c, c->identification), a),
		    fmt_date(es(c, c->advert), b));
	}
	if (aw != NONE)
		check_notice_due(c, tp_date_from_serial(es(c, aw).day + 30),
				 TP_SEVERITY_WARNING, "psr.award-notice-late",
				 "psr.award-notice-date",
				 has_claim(c, TP_CLAIM_URGENT_AWARD)
					 ? "PSR 2023 reg 14(4)-(5)"
					 : psr_award_notice_cite(c),
				 "notice of the award");
	if (p == TP_PROC_PSR_C && !c->cfg->has_incumbent_end)
		add(c, TP_SEVERITY_WARNING, "psr.no-existing-contract",
		    "PSR 2023 reg 6(5)(b)", NONE, NONE,
		    "set incumbent-end to the day the existing contract ends",
		    "Direct Award Process C is for a new contract replacing an "
		    "existing one at the end of its term, but the plan gives "
		    "no existing contract's end");
}

/* ---- committee reports and the order of decision and notice ------------ */

/* For every "governance-approval" stage, its predecessor that finishes
 * last (its report): one pass over the dependencies. NULL on no memory. */
static size_t *
meeting_reports(const struct ctx *c)
{
	size_t n = tp_plan_stage_count(c->plan);
	size_t *best = malloc((n ? n : 1) * sizeof(*best));

	if (!best)
		return NULL;
	for (size_t i = 0; i < n; i++)
		best[i] = NONE;
	for (size_t k = 0; k < tp_plan_dependency_count(c->plan); k++) {
		struct tp_dependency d;
		if (!tp_plan_dependency(c->plan, k, &d) || d.to >= n ||
		    tp_plan_stage_kind(c->plan, d.to) !=
			    TP_STAGE_GOVERNANCE_APPROVAL ||
		    tp_plan_stage_derived(c->plan, d.from, NULL) !=
			    TP_DERIVED_NONE)
			continue;
		if (best[d.to] == NONE ||
		    ef(c, d.from).day > ef(c, best[d.to]).day)
			best[d.to] = d.from;
	}
	return best;
}

/* The report deadline of a meeting series (tp-meeting.h): every stage
 * that leads into the meeting finishes by it. The schedule keeps to it
 * wherever it can; what happened may not have. */
static void
check_meeting_reports(struct ctx *c)
{
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN], m[TP_DATE_STRLEN];
	char fix[128];
	struct capped cap = {0};

	for (size_t k = 0; k < tp_plan_dependency_count(c->plan); k++) {
		struct tp_dependency d;
		size_t meeting = 0;
		if (!tp_plan_dependency(c->plan, k, &d) ||
		    tp_plan_stage_derived(c->plan, d.to, &meeting) !=
			    TP_DERIVED_REPORT ||
		    d.from == meeting || ef(c, d.from).day <= ef(c, d.to).day ||
		    !cap_take(&cap, d.from, meeting))
			continue;
		snprintf(fix, sizeof(fix),
			 "send the report by %s, or take it to a later meeting",
			 fmt_date(ef(c, d.to), a));
		add(c, TP_SEVERITY_ERROR, "local.committee-report",
		    local_cite(c), d.from, meeting, fix,
		    "'%s' finishes on %s, after %s, the deadline for reports "
		    "to '%s' on %s",
		    label(c, d.from), fmt_date(ef(c, d.from), b),
		    fmt_date(ef(c, d.to), a), label(c, meeting),
		    fmt_date(es(c, meeting), m));
	}
	cap_finish(c, &cap, TP_SEVERITY_ERROR, "local.committee-report",
		   local_cite(c), "late reports");
}

/* Local rules: a committee report is due a number of working days before
 * the meeting (a "governance-approval" stage). */
static void
check_committee_reports(struct ctx *c)
{
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN], fix[128];
	int32_t n = c->cfg->local_report_days;
	struct capped cap = {0};
	size_t *report;

	if (n <= 0 || c->first[TP_STAGE_GOVERNANCE_APPROVAL] == NONE)
		return;
	report = meeting_reports(c);
	if (!report) {
		c->out->nomem = true;
		return;
	}
	for (size_t g = 0; g < tp_plan_stage_count(c->plan); g++) {
		size_t r = report[g];
		struct tp_date due;
		if (r == NONE ||
		    tp_calendar_add_working_days(c->cal, es(c, g), -n, &due,
						 NULL) != TP_OK ||
		    ef(c, r).day <= due.day || !cap_take(&cap, r, g))
			continue;
		snprintf(fix, sizeof(fix), "send the report by %s",
			 fmt_date(due, a));
		add(c, TP_SEVERITY_ERROR, "local.committee-report",
		    local_cite(c), r, g, fix,
		    "'%s' finishes on %s, fewer than %ld working days before "
		    "'%s' on %s",
		    label(c, r), fmt_date(ef(c, r), a), (long)n, label(c, g),
		    fmt_date(es(c, g), b));
	}
	cap_finish(c, &cap, TP_SEVERITY_ERROR, "local.committee-report",
		   local_cite(c), "late reports");
	free(report);
}

/* The rule that the notice of the award decision follows the decision,
 * for the regime; a warning where no notice is required. */
static const char *
notice_rule(const struct ctx *c, enum tp_severity *sev)
{
	enum tp_procedure p = c->cfg->procedure;

	*sev = TP_SEVERITY_WARNING;
	if (p == TP_PROC_BELOW_THRESHOLD)
		return "practice (below the thresholds no notice is "
		       "required)";
	switch (c->regime) {
	case TP_REGIME_PCR2006:
		if (p == TP_PROC_PART_B)
			return "PCR 2006 reg 5(2): reg 32 does not apply to "
			       "Part B services; practice";
		if (p == TP_PROC_CALL_OFF)
			return "PCR 2006 reg 32(7): no notice for a call-off; "
			       "practice";
		*sev = TP_SEVERITY_ERROR;
		return "PCR 2006 reg 32(1)";
	case TP_REGIME_PCR2015:
		if (p == TP_PROC_CALL_OFF)
			return "PCR 2015 reg 86(5)(c): no notice for a "
			       "call-off; practice";
		if (p == TP_PROC_DIRECT_AWARD ||
		    has_claim(c, TP_CLAIM_SINGLE_TENDERER))
			return "PCR 2015 reg 86(5)(a)-(b): no notice "
			       "required; practice";
		*sev = TP_SEVERITY_ERROR;
		return "PCR 2015 reg 86(1)";
	case TP_REGIME_PCSR2015:
		if (p == TP_PROC_CALL_OFF)
			return "PCSR 2015 reg 85(4)(b): no notice for a "
			       "call-off; practice";
		*sev = TP_SEVERITY_ERROR;
		return "PCSR 2015 reg 85(1)";
	case TP_REGIME_PA2023:
		*sev = TP_SEVERITY_ERROR;
		return "Procurement Act 2023 s.50(1)-(3)";
	case TP_REGIME_PSR2023:
		if (p != TP_PROC_PSR_C && p != TP_PROC_PSR_MSP &&
		    p != TP_PROC_PSR_COMPETITIVE &&
		    !(p == TP_PROC_CALL_OFF &&
		      has_claim(c, TP_CLAIM_COMPETITION)))
			return "PSR 2023: no notice of intention for this "
			       "process; practice";
		/* The notice of intention follows the decision: reg 9(2)-(3)
		 * (step 1, step 2), 10(6)-(7), 11(7)-(9). */
		*sev = TP_SEVERITY_ERROR;
		return "PSR 2023 regs 9(3), 10(7), 11(9)";
	case TP_REGIME_NONE:
	case TP_REGIME_LOCAL:
	case TP_REGIME_BY_DATE:
		break;
	}
	return "practice";
}

static bool
is_decision(enum tp_stage_kind k)
{
	return k == TP_STAGE_EVALUATION || k == TP_STAGE_MODERATION ||
	       k == TP_STAGE_INTERVIEWS || k == TP_STAGE_GOVERNANCE_APPROVAL;
}

/* The notice of the decision comes after the decision: evaluation,
 * moderation, interviews and approvals finish first. One finding names
 * how many stages finish too late and the first of them. */
static void
check_notice_order(struct ctx *c)
{
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN], more[64];
	size_t first = NONE, count = 0;
	enum tp_severity sev;
	const char *cite;

	if (c->notice == NONE)
		return;
	for (size_t i = 0; i < tp_plan_stage_count(c->plan); i++)
		if (is_decision(tp_plan_stage_kind(c->plan, i)) &&
		    ef(c, i).day > es(c, c->notice).day && count++ == 0)
			first = i;
	if (count == 0)
		return;
	cite = notice_rule(c, &sev);
	more[0] = '\0';
	if (count > 1)
		snprintf(more, sizeof(more), " (and %zu more stages of the "
					     "decision)",
			 count - 1);
	add(c, sev, "sequence.notice-before-decision", cite, c->notice, first,
	    "link the notice finish-to-start after this stage",
	    "the award notice on %s is sent before '%s' finishes on %s%s",
	    fmt_date(es(c, c->notice), a), label(c, first),
	    fmt_date(ef(c, first), b), more);
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
		  : c->cfg->jurisdiction == TP_REGION_NORTHERN_IRELAND
			  ? "TUPE 2006 reg 11(6) (14 days: SI 2014/16 does "
			    "not extend to Northern Ireland, reg 1(3))"
			  : "TUPE 2006 reg 11(6) (14 days)");
	check_lead_in(c, transfer);
}

/* Whether the plan itself fixes the contract start (an anchor or a
 * constraint), so a gap is chosen rather than forced. */
static bool
start_is_planned(const struct ctx *c)
{
	return tp_plan_contract_start(c->plan, NULL) || c->start_constrained;
}

/* "the fixed date of 'cabinet' (start-on 2027-01-14)" */
static void
fixed_date_text(const struct tp_plan *plan, size_t k, char *buf, size_t size)
{
	struct tp_constraint x;
	char d[TP_DATE_STRLEN];

	if (!tp_plan_constraint(plan, k, &x)) {
		snprintf(buf, size, "a fixed date");
		return;
	}
	snprintf(buf, size, "the fixed date of '%s' (%s %s)",
		 tp_plan_stage_id(plan, x.stage),
		 tp_constraint_type_name(x.type), fmt_date(x.date, d));
}

/* What to do to start on @want, as the scheduler answers it: scheduled
 * backward from @want, the latest day to advertise, and any date the plan
 * fixes that stands in the way (or sets that day instead). */
static void
continuity_fix(struct ctx *c, struct tp_date want, char *fix, size_t size)
{
	struct tp_schedule_options o;
	struct tp_schedule *b = NULL;
	struct tp_reason r;
	char a[TP_DATE_STRLEN], w[TP_DATE_STRLEN], fixed[128];
	size_t at;
	const struct tp_diagnostic *d = NULL;

	fix[0] = '\0';
	if (c->advert == NONE)
		return;
	tp_schedule_options_init(&o);
	o.mode = TP_SCHEDULE_BACKWARD;
	o.override_contract_start = true;
	o.contract_start = want;
	if (tp_schedule_compute_with(c->plan, &o, &b, NULL) != TP_OK)
		return;
	for (size_t i = 0; i < tp_schedule_diagnostic_count(b) && !d; i++)
		if (tp_schedule_diagnostic(b, i)->kind ==
		    TP_DIAGNOSTIC_CONSTRAINT)
			d = tp_schedule_diagnostic(b, i);
	fmt_date(tp_schedule_late_start(b, c->advert), a);
	fmt_date(want, w);
	if (d && d->stage == c->contract_start) {
		snprintf(fix, size, "advertise by %s and start on %s, not on "
			 "the fixed date", a, w);
	} else if (d) {
		fixed_date_text(c->plan, d->constraint, fixed, sizeof(fixed));
		snprintf(fix, size,
			 "advertise by %s and move %s %ld working day%s "
			 "earlier to start on %s",
			 a, fixed, (long)d->overrun, d->overrun == 1 ? "" : "s",
			 w);
	} else if (tp_schedule_trace(b, c->advert, TP_PASS_LATE, &at, &r) &&
		   r.kind == TP_REASON_CONSTRAINT) {
		fixed_date_text(c->plan, r.index, fixed, sizeof(fixed));
		snprintf(fix, size, "advertise by %s (set by %s) to start on %s",
			 a, fixed, w);
	} else {
		snprintf(fix, size, "advertise by %s to start on %s", a, w);
	}
	tp_schedule_free(b);
}

static void
check_continuity(struct ctx *c)
{
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN], fix[256];
	struct tp_date start, want;
	bool planned;

	if (!c->cfg->has_incumbent_end || c->contract_start == NONE)
		return;
	start = es(c, c->contract_start);
	want = tp_date_from_serial(c->cfg->incumbent_end.day + 1);
	if (start.day <= want.day)
		return;
	continuity_fix(c, want, fix, sizeof(fix));
	planned = start_is_planned(c);
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
	bool anchored = tp_plan_contract_start(c->plan, &d);
	struct capped cap = {0};

	if (anchored && !is_working(c, d))
		add(c, TP_SEVERITY_WARNING,
		    "calendar.contract-start-non-working", "practice",
		    c->contract_start, NONE, "start on a working day",
		    "the required contract start %s is %s", fmt_date(d, a),
		    day_name(c, d));
	for (size_t i = 0; i < tp_plan_constraint_count(c->plan); i++) {
		struct tp_constraint k;
		size_t st;
		bool start;
		if (!tp_plan_constraint(c->plan, i, &k) ||
		    is_working(c, k.date) ||
		    (anchored && d.day == k.date.day &&
		     k.stage == c->contract_start))
			continue; /* reported above */
		st = k.stage;
		start = tp_plan_stage_kind(c->plan, st) ==
			TP_STAGE_CONTRACT_START;
		if (!start && !cap_take(&cap, st, NONE))
			continue;
		add(c, TP_SEVERITY_WARNING,
		    start ? "calendar.contract-start-non-working"
			  : "calendar.constraint-non-working",
		    "practice", st, NONE, "choose a working day",
		    "'%s' is fixed to %s, which is %s", label(c, st),
		    fmt_date(k.date, a), day_name(c, k.date));
	}
	cap_finish(c, &cap, TP_SEVERITY_WARNING,
		   "calendar.constraint-non-working", "practice",
		   "stages fixed to non-working days");
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

/* Procedures with rounds of tenders (initial and final: PCR 2015 reg
 * 29(23)(a), reg 30; PCSR 2015 reg 30(23)(a), reg 31; PA 2023 s.20(2)(b),
 * whose competitive flexible procedure may have several rounds) have
 * several tender deadlines and invitations. */
static bool
has_rounds(enum tp_procedure p)
{
	return p == TP_PROC_NEGOTIATION || p == TP_PROC_COMPETITIVE_DIALOGUE ||
	       p == TP_PROC_INNOVATION_PARTNERSHIP ||
	       p == TP_PROC_COMPETITIVE_FLEXIBLE;
}

static bool
unique_kind(const struct ctx *c, enum tp_stage_kind k)
{
	if ((k == TP_STAGE_TENDER_DEADLINE || k == TP_STAGE_ITT_ISSUE) &&
	    has_rounds(c->cfg->procedure))
		return false;
	return k == TP_STAGE_PQQ_DEADLINE || k == TP_STAGE_TENDER_DEADLINE ||
	       k == TP_STAGE_ITT_ISSUE || k == TP_STAGE_INTENTION_TO_AWARD ||
	       k == TP_STAGE_AWARD || k == TP_STAGE_CONTRACT_SIGNATURE ||
	       k == TP_STAGE_CONTRACT_START;
}

/* ---- duplicate milestones ------------------------------------------------- */

/* ASCII case-insensitive order, the same in every locale. */
static int
fold_cmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		int x = (unsigned char)*a, y = (unsigned char)*b;
		if (x >= 'A' && x <= 'Z')
			x += 'a' - 'A';
		if (y >= 'A' && y <= 'Z')
			y += 'a' - 'A';
		if (x != y || !x)
			return x - y;
	}
}

struct named {
	const char *name;
	size_t index;
};

static int
cmp_named(const void *pa, const void *pb)
{
	const struct named *a = pa, *b = pb;
	int r = fold_cmp(a->name, b->name);

	if (r)
		return r;
	return a->index < b->index ? -1 : a->index > b->index;
}

/* Union-find with path halving; the root of a set is its lowest index, so
 * groups come out in stage order. */
static size_t
uf_find(size_t *parent, size_t i)
{
	while (parent[i] != i) {
		parent[i] = parent[parent[i]];
		i = parent[i];
	}
	return i;
}

static void
uf_union(size_t *parent, size_t a, size_t b)
{
	a = uf_find(parent, a);
	b = uf_find(parent, b);
	if (a < b)
		parent[b] = a;
	else if (b < a)
		parent[a] = b;
}

/* Join stages of the same name (ignoring case) and of the same kind of
 * unique milestone. False on no memory. */
static bool
group_duplicates(const struct ctx *c, size_t *parent)
{
	size_t n = tp_plan_stage_count(c->plan), m = 0;
	size_t seen[N_KINDS];
	struct named *names = malloc((n ? n : 1) * sizeof(*names));

	if (!names)
		return false;
	for (size_t k = 0; k < N_KINDS; k++)
		seen[k] = NONE;
	for (size_t i = 0; i < n; i++) {
		const char *name = tp_plan_stage_name(c->plan, i);
		enum tp_stage_kind k = tp_plan_stage_kind(c->plan, i);
		parent[i] = i;
		if (name && *name)
			names[m++] = (struct named){name, i};
		if (unique_kind(c, k) && (unsigned)k < N_KINDS) {
			if (seen[k] == NONE)
				seen[k] = i;
			else
				uf_union(parent, seen[k], i);
		}
	}
	qsort(names, m, sizeof(*names), cmp_named);
	for (size_t j = 1; j < m; j++)
		if (!fold_cmp(names[j - 1].name, names[j].name))
			uf_union(parent, names[j - 1].index, names[j].index);
	free(names);
	return true;
}

static void
report_group(struct ctx *c, size_t root, size_t other, size_t size)
{
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN];

	if (size == 2)
		add(c, TP_SEVERITY_WARNING, "plan.duplicate-milestone",
		    "practice", root, other, "keep one of them",
		    "'%s' is on %s but '%s' on %s", label(c, root),
		    fmt_date(es(c, root), a), label(c, other),
		    fmt_date(es(c, other), b));
	else
		add(c, TP_SEVERITY_WARNING, "plan.duplicate-milestone",
		    "practice", root, other, "keep one of them",
		    "%zu stages look like one milestone but are not all on "
		    "one day: '%s' (%s) is on %s, '%s' (%s) on %s, and more",
		    size, label(c, root), tp_plan_stage_id(c->plan, root),
		    fmt_date(es(c, root), a), label(c, other),
		    tp_plan_stage_id(c->plan, other),
		    fmt_date(es(c, other), b));
}

/* Milestones that should be one (the same kind of unique milestone, or the
 * same name) but carry different dates: one finding per group. */
static void
check_duplicates(struct ctx *c)
{
	size_t n = tp_plan_stage_count(c->plan);
	size_t *parent = malloc((n ? n : 1) * sizeof(*parent));
	size_t *size = calloc(n ? n : 1, sizeof(*size));
	size_t *other = malloc((n ? n : 1) * sizeof(*other));
	struct capped cap = {0};

	if (!parent || !size || !other || !group_duplicates(c, parent)) {
		c->out->nomem = true;
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		other[i] = NONE;
	for (size_t i = 0; i < n; i++) {
		size_t r = uf_find(parent, i);
		size[r]++;
		if (other[r] == NONE && es(c, i).day != es(c, r).day)
			other[r] = i;
	}
	for (size_t r = 0; r < n; r++)
		if (parent[r] == r && other[r] != NONE &&
		    cap_take(&cap, r, other[r]))
			report_group(c, r, other[r], size[r]);
	cap_finish(c, &cap, TP_SEVERITY_WARNING, "plan.duplicate-milestone",
		   "practice", "sets of milestones");
out:
	free(other);
	free(size);
	free(parent);
}

static void
check_schedule_diagnostics(struct ctx *c)
{
	struct capped cap = {0};

	for (size_t i = 0; i < tp_schedule_diagnostic_count(c->s); i++) {
		const struct tp_diagnostic *d = tp_schedule_diagnostic(c->s, i);
		if (cap_take(&cap, d->stage, NONE))
			add(c, TP_SEVERITY_ERROR, "schedule.unmet", "",
			    d->stage, NONE, "", "%s", d->message);
	}
	cap_finish(c, &cap, TP_SEVERITY_ERROR, "schedule.unmet", "",
		   "unmet dates");
}

/* When a date the plan fixes, not its anchor, drives the contract start
 * (forward) or the latest day to advertise (backward), say so: moving the
 * advert (or the contract start) then changes nothing. */
static void
check_drivers(struct ctx *c)
{
	struct tp_reason r;
	char a[TP_DATE_STRLEN], fixed[128];
	size_t at;

	if (c->contract_start != NONE && tp_schedule_has_start_date(c->s) &&
	    !tp_schedule_has_contract_start(c->s) &&
	    tp_schedule_trace(c->s, c->contract_start, TP_PASS_EARLY, &at,
			      &r) &&
	    r.kind == TP_REASON_CONSTRAINT) {
		fixed_date_text(c->plan, r.index, fixed, sizeof(fixed));
		add(c, TP_SEVERITY_INFO, "plan.driven-by-fixed-date", "practice",
		    c->contract_start, at, "",
		    "the contract start %s is driven by %s, not by the start "
		    "date: starting earlier does not bring it forward",
		    fmt_date(es(c, c->contract_start), a), fixed);
	}
	if (c->advert != NONE && tp_schedule_has_contract_start(c->s) &&
	    tp_schedule_trace(c->s, c->advert, TP_PASS_LATE, &at, &r) &&
	    r.kind == TP_REASON_CONSTRAINT) {
		fixed_date_text(c->plan, r.index, fixed, sizeof(fixed));
		add(c, TP_SEVERITY_INFO, "plan.driven-by-fixed-date", "practice",
		    c->advert, at, "",
		    "the latest day to advertise, %s, is set by %s, not by the "
		    "contract start",
		    fmt_date(tp_schedule_late_start(c->s, c->advert), a),
		    fixed);
	}
}

/* The earliest contract start (or finish) if the plan started on @day. */
static bool
earliest_end_from(struct ctx *c, struct tp_date day, struct tp_date *out)
{
	struct tp_schedule_options o;
	struct tp_schedule *f = NULL;

	tp_schedule_options_init(&o);
	o.mode = TP_SCHEDULE_FORWARD;
	o.override_start = true;
	o.start = day;
	if (tp_schedule_compute_with(c->plan, &o, &f, NULL) != TP_OK)
		return false;
	*out = c->contract_start != NONE
		       ? tp_schedule_early_start(f, c->contract_start)
		       : tp_schedule_plan_finish(f);
	tp_schedule_free(f);
	return true;
}

/* Against today: latest starts already past, in one finding (the advert
 * named if it is among them, else the stage that had to start first). A
 * plan that lies wholly before today is history: one info finding. */
/* A stage that has started or finished, or one derived from a meeting
 * that has (tp-meeting.h): its report deadline and call-in follow the
 * meeting's date and are no work still to start. */
static bool
happened(const struct ctx *c, size_t i)
{
	size_t m = 0;
	if (tp_plan_stage_actual_start(c->plan, i, NULL) ||
	    tp_plan_stage_actual_finish(c->plan, i, NULL))
		return true;
	return tp_plan_stage_derived(c->plan, i, &m) != TP_DERIVED_NONE &&
	       (tp_plan_stage_actual_start(c->plan, m, NULL) ||
		tp_plan_stage_actual_finish(c->plan, m, NULL));
}

static void
check_today(struct ctx *c)
{
	struct tp_date today, end;
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN], fix[128];
	size_t n = 0, first = NONE;

	if (!c->opt || !c->opt->has_today)
		return;
	today = c->opt->today;
	if (tp_schedule_plan_finish(c->s).day < today.day) {
		add(c, TP_SEVERITY_INFO, "today.plan-past", "", NONE, NONE, "",
		    "every stage of the plan is planned before today (%s)",
		    fmt_date(today, a));
		return;
	}
	for (size_t i = 0; i < tp_plan_stage_count(c->plan); i++) {
		int32_t ls = tp_schedule_late_start(c->s, i).day;
		/* a stage that has started is no longer to be started */
		if (ls >= today.day || happened(c, i))
			continue;
		n++;
		if (first == NONE ||
		    ls < tp_schedule_late_start(c->s, first).day)
			first = i;
	}
	if (!n)
		return;
	fix[0] = '\0';
	if (earliest_end_from(c, today, &end))
		snprintf(fix, sizeof(fix),
			 "starting today, the %s can be on %s at the earliest",
			 c->contract_start != NONE ? "contract start"
						   : "finish",
			 fmt_date(end, b));
	if (c->advert != NONE &&
	    tp_schedule_late_start(c->s, c->advert).day < today.day &&
	    !tp_plan_stage_actual_finish(c->plan, c->advert, NULL))
		add(c, TP_SEVERITY_WARNING, "today.latest-start-past", "",
		    c->advert, first, fix,
		    "the latest day to advertise, %s, is before today (%s); "
		    "%zu stage%s had to start before today",
		    fmt_date(tp_schedule_late_start(c->s, c->advert), a),
		    fmt_date(today, b), n, n == 1 ? "" : "s");
	else
		add(c, TP_SEVERITY_WARNING, "today.latest-start-past", "",
		    first, NONE, fix,
		    "'%s' had to start by %s to keep the timetable, before "
		    "today (%s); %zu stage%s in all",
		    label(c, first),
		    fmt_date(tp_schedule_late_start(c->s, first), a),
		    fmt_date(today, b), n, n == 1 ? "" : "s");
}

/* A date recorded as what happened that is after today: a typing mistake,
 * or a plan written ahead. */
static void
check_actuals_today(struct ctx *c)
{
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN];
	struct capped cap = {0};

	if (!c->opt || !c->opt->has_today)
		return;
	for (size_t i = 0; i < tp_plan_stage_count(c->plan); i++) {
		struct tp_date st = {0}, fi = {0};
		bool hs = tp_plan_stage_actual_start(c->plan, i, &st);
		bool hf = tp_plan_stage_actual_finish(c->plan, i, &fi);
		bool late_finish = hf && fi.day > c->opt->today.day;
		if ((!late_finish && !(hs && st.day > c->opt->today.day)) ||
		    !cap_take(&cap, i, NONE))
			continue;
		add(c, TP_SEVERITY_WARNING, "today.actual-in-future", "", i,
		    NONE, "correct the date with tenderplan done or started",
		    "'%s' is recorded as %s on %s, after today (%s)",
		    label(c, i), late_finish ? "finished" : "started",
		    fmt_date(late_finish ? fi : st, a),
		    fmt_date(c->opt->today, b));
	}
	cap_finish(c, &cap, TP_SEVERITY_WARNING, "today.actual-in-future", "",
		   "dates after today");
}

/* ---- the check ------------------------------------------------------------ */

/* The rules of #14 that need no statute calendar of their own. */
static void
check_regime_notices(struct ctx *c)
{
	check_health_service(c);
	check_pa_direct_award(c);
	check_contract_details(c);
	check_pcr_award_notice(c);
	check_late_information(c);
	check_psr(c);
}

static enum tp_status
run_rules(struct ctx *c, struct tp_error *err)
{
	enum tp_status rc = choose_regime(c, err);

	if (rc == TP_OK)
		rc = check_authority(c, err);
	if (rc == TP_OK)
		rc = make_law_calendar(c, err);
	if (rc == TP_OK)
		check_prior_notice(c);
	if (rc == TP_OK)
		rc = check_periods(c, err);
	if (rc == TP_OK)
		check_procedure(c);
	if (rc == TP_OK)
		rc = check_statutory_standstill(c, err);
	if (rc == TP_OK)
		rc = check_local_standstill(c, err);
	if (rc == TP_OK)
		rc = check_vtn(c, err);
	if (rc != TP_OK)
		return rc;
	check_regime_notices(c);
	check_notice_order(c);
	check_committee_reports(c);
	check_meeting_reports(c);
	check_tupe(c);
	check_continuity(c);
	check_anchor_days(c);
	check_holiday_periods(c);
	check_duplicates(c);
	check_drivers(c);
	check_schedule_diagnostics(c);
	check_today(c);
	check_actuals_today(c);
	return TP_OK;
}

static enum tp_status
check_config(const struct tp_rules_config *cfg, struct tp_error *err)
{
	if (!tp_regime_name(cfg->regime) ||
	    !tp_procedure_name(cfg->procedure) ||
	    !tp_authority_name(cfg->authority) ||
	    !tp_authority_kind_name(cfg->authority_kind) ||
	    !tp_health_service_name(cfg->health_service) ||
	    (cfg->notice_means != TP_NOTICE_ELECTRONIC &&
	     cfg->notice_means != TP_NOTICE_OTHER))
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "rule settings: unknown regime, "
				     "procedure, authority, authority kind, "
				     "health service or notice means");
	if (!memchr(cfg->cpv, '\0', sizeof(cfg->cpv)) ||
	    (cfg->cpv[0] && !tp_cpv_well_formed(cfg->cpv)))
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "rule settings: a CPV code is 8 digits, "
				     "optionally '-' and a check digit");
	return TP_OK;
}

TP_EXPORT void
tp_check_options_init(struct tp_check_options *opt)
{
	if (opt)
		memset(opt, 0, sizeof(*opt));
}

TP_EXPORT enum tp_status
tp_plan_check(const struct tp_schedule *sched,
	      const struct tp_rules_config *cfg, struct tp_findings **out,
	      struct tp_error *err)
{
	return tp_plan_check_with(sched, cfg, NULL, out, err);
}

TP_EXPORT enum tp_status
tp_plan_check_with(const struct tp_schedule *sched,
		   const struct tp_rules_config *cfg,
		   const struct tp_check_options *opt, struct tp_findings **out,
		   struct tp_error *err)
{
	struct ctx c = {0};
	enum tp_status rc;

	if (!sched || !cfg || !out)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "tp_plan_check needs a schedule, a "
				     "configuration and a result pointer");
	rc = check_config(cfg, err);
	if (rc != TP_OK)
		return rc;
	c.s = sched;
	c.plan = tp_schedule_plan(sched);
	c.cal = tp_plan_calendar(c.plan);
	c.law = c.cal;
	c.cfg = cfg;
	c.opt = opt;
	c.claims = cfg->claims;
	c.authority = cfg->authority;
	c.out = calloc(1, sizeof(*c.out));
	if (!c.out)
		return tp_error_nomem(err);
	index_plan(&c);
	rc = run_rules(&c, err);
	if (rc == TP_OK && c.out->nomem)
		rc = tp_error_nomem(err);
	tp_calendar_free(c.law_own);
	if (rc != TP_OK) {
		tp_findings_free(c.out);
		return rc;
	}
	*out = c.out;
	return TP_OK;
}
