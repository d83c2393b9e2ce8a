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
	if (where == TP_REGION_SCOTLAND)
		return named == TP_REGIME_PCR2006 ||
		       named == TP_REGIME_PCR2015 || named == TP_REGIME_PA2023;
	return named == TP_REGIME_PCSR2015;
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
	size_t roles[] = {c->advert,	    c->itt,	    c->tender_deadline,
			  c->tender_period, c->pqq_deadline, c->pqq_period,
			  c->notice};
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
	if (c->regime != TP_REGIME_PA2023 && !pcr_family(c->regime))
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
	q.claims = c->cfg->claims;
	q.authority = c->cfg->authority;
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
		if (p == TP_PROC_CALL_OFF) {
			*why = "no notice is needed for a call-off";
			*cite = "PCR 2015 reg 86(5)(c), 87(1)";
		}
		break;
	case TP_REGIME_PCSR2015:
		if (p == TP_PROC_CALL_OFF) {
			*why = "no notice is needed for a call-off";
			*cite = "PCSR 2015 reg 85(4)(b), 86(2)(c)";
		}
		break;
	case TP_REGIME_PA2023:
		if (p == TP_PROC_LIGHT_TOUCH || p == TP_PROC_CALL_OFF) {
			*why = "the contract is exempt; a voluntary standstill "
			       "must be at least eight working days";
			*cite = p == TP_PROC_LIGHT_TOUCH
					? "Procurement Act 2023 s.51(3)(f), "
					  "(4)-(5)"
					: "Procurement Act 2023 s.51(3)(d), "
					  "(4)-(5)";
		}
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
 * scheduled date nor a date the plan fixes. */
static void
check_contract_after(struct ctx *c, const struct tp_standstill *ss,
		     const char *rule_id, enum tp_severity sev,
		     const char *cite)
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
		add(c, sev, rule_id, cite, i, c->notice, fix,
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
	/* The statute's calendar is built for the checked regime. */
	return tp_standstill_compute_on(&req,
					regime == c->regime && c->law_own
						? c->law_own
						: NULL,
					ss, err);
}

/* PA 2023 s.51(4)-(5): an exempt contract may have a voluntary standstill
 * (the plan's standstill stage, or the local rules' standstill); it may
 * not be shorter than eight working days beginning with the day the
 * contract award notice is published, and the contract waits for it. */
static enum tp_status
check_voluntary_standstill(struct ctx *c, struct tp_error *err)
{
	static const char cite[] = "Procurement Act 2023 s.51(5)";
	struct tp_standstill min, local, v;
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN], fix[128];
	size_t st = c->standstill;
	bool has_local = c->cfg->local_standstill_days > 0;
	enum tp_status rc;

	if (st == NONE && !has_local)
		return TP_OK;
	rc = compute_standstill(c, TP_REGIME_PA2023, &min, err);
	if (rc == TP_OK && has_local)
		rc = compute_standstill(c, TP_REGIME_LOCAL, &local, err);
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
	v.earliest_contract = tp_date_from_serial(v.last_day.day + 1);
	check_contract_after(c, &v, "standstill.contract-inside",
			     TP_SEVERITY_ERROR,
			     "Procurement Act 2023 s.51(4)-(5)");
	return TP_OK;
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
	if (why && c->regime == TP_REGIME_PA2023 && c->notice != NONE)
		return check_voluntary_standstill(c, err);
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
		if (ls >= today.day ||
		    tp_plan_stage_actual_start(c->plan, i, NULL) ||
		    tp_plan_stage_actual_finish(c->plan, i, NULL))
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

static enum tp_status
run_rules(struct ctx *c, struct tp_error *err)
{
	enum tp_status rc = choose_regime(c, err);

	if (rc == TP_OK)
		rc = make_law_calendar(c, err);
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
	    (cfg->notice_means != TP_NOTICE_ELECTRONIC &&
	     cfg->notice_means != TP_NOTICE_OTHER))
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "rule settings: unknown regime, "
				     "procedure, authority or notice means");
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
