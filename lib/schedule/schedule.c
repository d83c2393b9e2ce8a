/* SPDX-License-Identifier: MIT */
/* Forward and backward passes over the plan's stages in topological order
 * (Kahn's algorithm). The date conventions are defined in
 * include/tenderplan/tp-schedule.h and written once, forwards, in
 * schedule-rules.c; the backward pass uses their exact order inverse. */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tenderplan/tp-schedule.h>

#include "error-private.h"
#include "meeting-private.h"
#include "plan-private.h"
#include "schedule-private.h"
#include "text-private.h"

#define NO_STAGE  UINT32_MAX
#define NO_DEP    UINT32_MAX
#define WHY_SHIFT 28
#define WHY_MASK  ((UINT32_C(1) << 28) - 1)

/* Stage flags. */
#define ON_PATH       (1u << 0) /* on the critical path */
#define PIN_EARLY     (1u << 1) /* early dates = late dates (backward) */
#define PIN_LATE      (1u << 2) /* late dates = early dates (forward) */
#define PIN_CONTRACT  (1u << 3) /* starts on the required contract start */

/* Per stage: dates as day serials, floats, the packed reasons (kind in the
 * top 3 bits, dependency or constraint index below), the dependency with
 * the largest early bound (NO_DEP for none) and flags. */
struct srec {
	int32_t es, ef, ls, lf;
	int32_t tf, ff;
	uint32_t early_why, late_why;
	uint32_t drv;
	uint32_t flags;
	int32_t free_es; /* early start without the contract-start pin */
	/* A stage tied to a meeting series: its bounds before they were
	 * moved onto a meeting (tp_schedule_meeting_bound()). */
	int32_t raw_es, raw_ls;
};

struct tp_schedule {
	const struct tp_plan *plan;
	bool has_start, has_contract;
	struct tp_date lo, hi; /* the bounds the passes ran from */
	struct tp_date plan_start, plan_finish;
	struct tp_date start_anchor, contract_anchor; /* as given */
	bool has_today;
	struct tp_date today;
	int32_t min_float;
	size_t *crit;
	size_t n_crit;
	struct tp_diagnostic *diags;
	size_t n_diags, cap_diags;
	uint32_t n;
	struct srec st[];
};

/* Everything one computation needs; the uint32_t arrays share one block. */
struct ctx {
	const struct tp_plan *plan;
	const struct tp_calendar *cal;
	struct tp_schedule *s;
	struct tp_error *err;
	uint32_t cur; /* stage being scheduled, for error messages */
	uint32_t *in_off, *in_list, *out_off, *out_list;
	uint32_t *c_off, *c_list, *order, *indeg, *path;
	uint32_t n_path;
	struct tp_error scratch;
	struct tp_rule_env env;
	bool early_known; /* the forward pass has run */
};

static uint32_t
why(enum tp_reason_kind kind, uint32_t index)
{
	return ((uint32_t)kind << WHY_SHIFT) | (index & WHY_MASK);
}

static enum tp_reason_kind
why_kind(uint32_t w)
{
	return (enum tp_reason_kind)(w >> WHY_SHIFT);
}

static struct tp_date
mkdate(int32_t day)
{
	struct tp_date d = {day};
	return d;
}

/* ---- errors that name the stage ----------------------------------------- */

/* A rule or calendar query failed into c->scratch: name the stage. */
static enum tp_status
fail(struct ctx *c, enum tp_status rc)
{
	const char *id;
	if (rc == TP_ERR_NOMEM)
		return tp_error_nomem(c->err);
	if (c->cur == NO_STAGE)
		return tp_error_setf(c->err, rc, NULL, "%s",
				     c->scratch.message);
	id = c->plan->stages[c->cur].id;
	return tp_error_setf(c->err, rc, id, "stage '%s': %s", id,
			     c->scratch.message);
}

static enum tp_status
checked(struct ctx *c, enum tp_status rc)
{
	return rc == TP_OK ? TP_OK : fail(c, rc);
}

static enum tp_status
apply(struct ctx *c, const struct tp_rule *r, int32_t x, int32_t *out)
{
	return checked(c, tp_rule_apply(&c->env, r, x, out));
}

static enum tp_status
latest(struct ctx *c, const struct tp_rule *r, int32_t y, int32_t *out)
{
	return checked(c, tp_rule_latest(&c->env, r, y, out));
}

static enum tp_status
earliest(struct ctx *c, const struct tp_rule *r, int32_t y, int32_t *out)
{
	return checked(c, tp_rule_earliest(&c->env, r, y, out));
}

static enum tp_status
dom_up(struct ctx *c, struct tp_dom d, int32_t x, int32_t *out)
{
	return checked(c, tp_dom_up(&c->env, d, x, out));
}

static enum tp_status
dom_down(struct ctx *c, struct tp_dom d, int32_t x, int32_t *out)
{
	return checked(c, tp_dom_down(&c->env, d, x, out));
}

static enum tp_status
wd_between(struct ctx *c, const struct tp_calendar *cal, int32_t a, int32_t b,
	   int32_t *out)
{
	return checked(c, tp_calendar_working_days_between(
				  cal, mkdate(a), mkdate(b), out, &c->scratch));
}

static struct tp_dom
plan_days(const struct ctx *c)
{
	struct tp_dom d = {c->cal, false, NULL};
	return d;
}

/* ---- graph ------------------------------------------------------------- */

static enum tp_status
alloc_ctx(struct ctx *c, struct tp_error *err)
{
	size_t n = c->plan->n_stages, m = c->plan->n_deps;
	size_t k = c->plan->n_constraints;
	size_t total = 3 * (n + 1) + 2 * m + k + 3 * n;
	uint32_t *p = malloc((total ? total : 1) * sizeof(*p));
	if (!p)
		return tp_error_nomem(err);
	c->in_off = p;
	c->out_off = p + (n + 1);
	c->c_off = p + 2 * (n + 1);
	c->in_list = p + 3 * (n + 1);
	c->out_list = c->in_list + m;
	c->c_list = c->out_list + m;
	c->order = c->c_list + k;
	c->indeg = c->order + n;
	c->path = c->indeg + n;
	return TP_OK;
}

/* Compressed rows: items 0..count-1 grouped by key(item). */
static void
csr(uint32_t *off, uint32_t *list, uint32_t n, uint32_t count,
    const void *items, size_t size, size_t key_at)
{
	const unsigned char *base = items;
	uint32_t key;
	memset(off, 0, (n + 1) * sizeof(*off));
	for (uint32_t i = 0; i < count; i++) {
		memcpy(&key, base + i * size + key_at, sizeof(key));
		off[key + 1]++;
	}
	for (uint32_t v = 0; v < n; v++)
		off[v + 1] += off[v];
	for (uint32_t i = 0; i < count; i++) {
		memcpy(&key, base + i * size + key_at, sizeof(key));
		list[off[key]++] = i;
	}
	memmove(off + 1, off, n * sizeof(*off));
	off[0] = 0;
}

static void
build_graph(struct ctx *c)
{
	const struct tp_plan *p = c->plan;
	csr(c->in_off, c->in_list, p->n_stages, p->n_deps, p->deps,
	    sizeof(*p->deps), offsetof(struct tp_dep_rec, to));
	csr(c->out_off, c->out_list, p->n_stages, p->n_deps, p->deps,
	    sizeof(*p->deps), offsetof(struct tp_dep_rec, from));
	csr(c->c_off, c->c_list, p->n_stages, p->n_constraints, p->constraints,
	    sizeof(*p->constraints), offsetof(struct tp_constraint_rec, stage));
}

/* Append " -> id" (or "id" first) to @buf; "..." once it is full. */
static size_t
append_id(char *buf, size_t size, size_t used, const char *id, bool first)
{
	int n;
	if (used + 1 >= size)
		return used;
	n = snprintf(buf + used, size - used, "%s%s", first ? "" : " -> ", id);
	if (n < 0 || used + (size_t)n >= size - 4) {
		snprintf(buf + (size - 5 > used ? size - 5 : used), 5, "...");
		return size;
	}
	return used + (size_t)n;
}

/* A predecessor of @v still in the cycle part (indeg > 0). */
static uint32_t
remaining_pred(const struct ctx *c, uint32_t v)
{
	for (uint32_t i = c->in_off[v]; i < c->in_off[v + 1]; i++) {
		uint32_t p = c->plan->deps[c->in_list[i]].from;
		if (c->indeg[p] > 0)
			return p;
	}
	return NO_STAGE; /* cannot happen: v's indeg counts such a p */
}

#define MARK 0x80000000u

/* Kahn left stages with indeg > 0: walk predecessors from one of them
 * until a stage repeats, then report that loop in dependency order,
 * starting from its stage added first. c->order is reused for the walk,
 * the top bit of indeg marks stages walked. */
static enum tp_status
report_cycle(struct ctx *c)
{
	const struct tp_stage_rec *st = c->plan->stages;
	uint32_t v = 0, len = 0, first = 0, lowest, n_loop;
	char msg[200];
	size_t used = 0;
	while (c->indeg[v] == 0)
		v++;
	while (v != NO_STAGE && !(c->indeg[v] & MARK)) {
		c->indeg[v] |= MARK;
		c->order[len++] = v;
		v = remaining_pred(c, v);
	}
	while (first < len && c->order[first] != v)
		first++;
	if (first == len)
		return tp_error_setf(c->err, TP_ERR_CYCLE, NULL,
				     "dependency cycle");
	/* order[first..len-1] walks the loop backwards. */
	n_loop = len - first;
	lowest = first;
	for (uint32_t i = first; i < len; i++)
		if (c->order[i] < c->order[lowest])
			lowest = i;
	for (uint32_t i = 0; i <= n_loop; i++) {
		uint32_t k =
			lowest >= first + i ? lowest - i : lowest + n_loop - i;
		used = append_id(msg, sizeof(msg), used, st[c->order[k]].id,
				 i == 0);
	}
	return tp_error_setf(c->err, TP_ERR_CYCLE, st[c->order[lowest]].id,
			     "dependency cycle: %s", msg);
}

static enum tp_status
topo_sort(struct ctx *c)
{
	uint32_t n = c->plan->n_stages, head = 0, tail = 0;
	for (uint32_t v = 0; v < n; v++) {
		c->indeg[v] = c->in_off[v + 1] - c->in_off[v];
		if (c->indeg[v] == 0)
			c->order[tail++] = v;
	}
	while (head < tail) {
		uint32_t u = c->order[head++];
		for (uint32_t i = c->out_off[u]; i < c->out_off[u + 1]; i++) {
			uint32_t t = c->plan->deps[c->out_list[i]].to;
			if (--c->indeg[t] == 0)
				c->order[tail++] = t;
		}
	}
	return tail == n ? TP_OK : report_cycle(c);
}

/* ---- forward pass ------------------------------------------------------ */

static void
keep_max(int32_t *best, uint32_t *best_why, int32_t b, uint32_t w)
{
	if (b > *best) {
		*best = b;
		*best_why = w;
	}
}

static void
keep_min(int32_t *best, uint32_t *best_why, int32_t b, uint32_t w)
{
	if (b < *best) {
		*best = b;
		*best_why = w;
	}
}

/* The earliest start dependency @e allows its successor. */
static enum tp_status
dep_early_bound(struct ctx *c, uint32_t e, int32_t *b)
{
	const struct tp_dep_rec *d = &c->plan->deps[e];
	const struct srec *p = &c->s->st[d->from];
	struct tp_rule link = tp_sched_link(c->plan, d);
	struct tp_rule dur = tp_sched_duration(c->plan, d->to);
	enum tp_status rc = apply(
		c, &link, tp_sched_src_is_finish(d) ? p->ef : p->es, b);
	if (rc == TP_OK && tp_sched_tgt_is_finish(d))
		rc = earliest(c, &dur, *b, b);
	return rc;
}

/* The earliest start constraint @k allows, or INT32_MIN for none. */
static enum tp_status
constraint_early_bound(struct ctx *c, uint32_t k, int32_t *b)
{
	const struct tp_constraint_rec *cr = &c->plan->constraints[k];
	struct tp_rule dur = tp_sched_duration(c->plan, cr->stage);
	enum tp_status rc;
	*b = INT32_MIN;
	switch (cr->type) {
	case TP_CONSTRAINT_START_NO_EARLIER_THAN:
	case TP_CONSTRAINT_START_ON:
		return dom_up(c, dur.in, cr->date.day, b);
	case TP_CONSTRAINT_FINISH_ON:
		if ((rc = dom_up(c, dur.out, cr->date.day, b)))
			return rc;
		return earliest(c, &dur, *b, b);
	default:
		return TP_OK;
	}
}

/* ---- what has happened -------------------------------------------------- */

static bool
has_start(const struct ctx *c, uint32_t v)
{
	return c->plan->stages[v].actual_start != TP_NO_DAY;
}

static bool
has_finish(const struct ctx *c, uint32_t v)
{
	return c->plan->stages[v].actual_finish != TP_NO_DAY;
}

/* Started: an actual start or finish is recorded. */
static bool
started(const struct ctx *c, uint32_t v)
{
	return has_start(c, v) || has_finish(c, v);
}

/* Today does not hold back a stage derived from a meeting once that has
 * happened, nor ever the end of a call-in: they follow the meeting's
 * date, whatever today is (a deadline or a period that has passed by
 * itself is not work still to do). */
static bool
follows_meeting(const struct ctx *c, uint32_t v)
{
	const struct tp_stage_rec *st = &c->plan->stages[v];
	if (st->derived == TP_DERIVED_CALL_IN)
		return true;
	return st->derived == TP_DERIVED_REPORT && st->derived_of > 0 &&
	       started(c, st->derived_of - 1);
}

/* The reason index of an actual or today date: which end it is. */
#define AT_START  0u
#define AT_FINISH 1u

/* ---- forward pass (continued) ------------------------------------------- */

/* The lower bounds a stage gets besides its dependencies and
 * constraints: today (for a stage not started), the anchor, and the
 * pins. */
static enum tp_status
forward_extra(struct ctx *c, uint32_t v, struct tp_dom start,
	      enum tp_reason_kind anchor, int32_t *best, uint32_t *w)
{
	struct srec *r = &c->s->st[v];
	int32_t b = 0;
	enum tp_status rc = dom_up(c, start, c->s->lo.day, &b);
	if (rc != TP_OK)
		return rc;
	keep_max(best, w, b, why(anchor, 0));
	if (c->s->has_today && !started(c, v) && !follows_meeting(c, v)) {
		if ((rc = dom_up(c, start, c->s->today.day, &b)))
			return rc;
		keep_max(best, w, b, why(TP_REASON_TODAY, AT_START));
	}
	r->free_es = *best;
	if (r->flags & PIN_CONTRACT) {
		if ((rc = dom_up(c, start, c->s->hi.day, &b)))
			return rc;
		keep_max(best, w, b, why(TP_REASON_CONTRACT_START, 0));
	}
	/* A period on the critical path keeps its late finish and starts as
	 * its predecessors allow, so a day the chain cannot use stays inside
	 * the period (which is then longer than its minimum) instead of
	 * showing as a gap; other stages keep their late start. */
	if ((r->flags & PIN_EARLY) && !start.any)
		keep_max(best, w, r->ls, why(TP_REASON_CRITICAL_PATH, 0));
	return TP_OK;
}

/* The earliest start every rule but the meetings allows stage @v. */
static enum tp_status
forward_bounds(struct ctx *c, uint32_t v, enum tp_reason_kind anchor,
	       int32_t *out, uint32_t *out_why)
{
	struct srec *r = &c->s->st[v];
	struct tp_rule dur = tp_sched_duration(c->plan, v);
	int32_t best = INT32_MIN, drv_best = INT32_MIN, b;
	uint32_t w = 0, drv = NO_DEP;
	enum tp_status rc;
	for (uint32_t i = c->in_off[v]; i < c->in_off[v + 1]; i++) {
		if ((rc = dep_early_bound(c, c->in_list[i], &b)))
			return rc;
		keep_max(&drv_best, &drv, b, c->in_list[i]);
		keep_max(&best, &w, b,
			 why(TP_REASON_DEPENDENCY, c->in_list[i]));
	}
	for (uint32_t i = c->c_off[v]; i < c->c_off[v + 1]; i++) {
		if ((rc = constraint_early_bound(c, c->c_list[i], &b)))
			return rc;
		keep_max(&best, &w, b, why(TP_REASON_CONSTRAINT, c->c_list[i]));
	}
	if ((rc = forward_extra(c, v, dur.in, anchor, &best, &w)))
		return rc;
	r->drv = drv;
	*out = best;
	*out_why = w;
	return TP_OK;
}

/* A stage tied to a meeting series: onto the first meeting on or after
 * its bound (tp-schedule.h, "Meetings"). */
static enum tp_status
snap_early(struct ctx *c, uint32_t v, int32_t *best, uint32_t *w)
{
	uint32_t k = c->plan->stages[v].meeting;
	int32_t m = 0;
	enum tp_status rc;
	c->s->st[v].raw_es = *best;
	if (!k)
		return TP_OK;
	if ((rc = dom_up(c, tp_sched_meeting_dom(c->plan, v), *best, &m)))
		return rc;
	if (m > *best)
		*w = why(TP_REASON_MEETING, k - 1);
	*best = m;
	return TP_OK;
}

/* A stage that has started: on its actual start; finished on its actual
 * finish, else as its duration says but not before today. */
static enum tp_status
forward_started(struct ctx *c, uint32_t v)
{
	struct srec *r = &c->s->st[v];
	const struct tp_stage_rec *st = &c->plan->stages[v];
	struct tp_rule dur = tp_sched_duration(c->plan, v);
	int32_t t = 0;
	enum tp_status rc = TP_OK;
	r->es = r->free_es = r->raw_es = st->actual_start;
	r->early_why = why(TP_REASON_ACTUAL, AT_START);
	r->drv = NO_DEP;
	if (st->actual_finish != TP_NO_DAY) {
		r->ef = st->actual_finish;
		return TP_OK;
	}
	if ((rc = apply(c, &dur, r->es, &r->ef)))
		return rc;
	if (c->s->has_today &&
	    (rc = dom_up(c, dur.out, c->s->today.day, &t)) == TP_OK &&
	    t > r->ef) {
		r->ef = t;
		r->early_why = why(TP_REASON_TODAY, AT_FINISH);
	}
	return rc;
}

/* A stage finished without a recorded start: where its links put it, but
 * no later than its duration allows before the finish. */
static void
forward_finished(struct ctx *c, uint32_t v, int32_t best, uint32_t w)
{
	struct srec *r = &c->s->st[v];
	const struct tp_stage_rec *st = &c->plan->stages[v];
	struct tp_rule dur = tp_sched_duration(c->plan, v);
	struct tp_error quiet;
	struct tp_rule_env env = {c->plan, &quiet};
	int32_t latest_start = st->actual_finish;
	if (st->amount > 0 &&
	    tp_rule_latest(&env, &dur, st->actual_finish, &latest_start) !=
		    TP_OK)
		latest_start = st->actual_finish;
	r->ef = st->actual_finish;
	if (st->amount > 0 && best <= latest_start) {
		r->es = best;
		r->early_why = w;
	} else {
		r->es = latest_start;
		r->early_why = why(TP_REASON_ACTUAL, AT_FINISH);
	}
	r->free_es = r->raw_es = r->es;
}

static enum tp_status
forward_stage(struct ctx *c, uint32_t v, enum tp_reason_kind anchor)
{
	struct srec *r = &c->s->st[v];
	struct tp_rule dur = tp_sched_duration(c->plan, v);
	int32_t best = INT32_MIN;
	uint32_t w = 0;
	enum tp_status rc;
	c->cur = v;
	if (has_start(c, v))
		return forward_started(c, v);
	if ((rc = forward_bounds(c, v, anchor, &best, &w)))
		return rc;
	if (has_finish(c, v)) {
		forward_finished(c, v, best, w);
		return TP_OK;
	}
	if ((rc = snap_early(c, v, &best, &w)))
		return rc;
	r->es = best;
	r->early_why = w;
	if ((rc = apply(c, &dur, r->es, &r->ef)))
		return rc;
	if ((r->flags & PIN_EARLY) && r->lf > r->ef)
		r->ef = r->lf;
	return TP_OK;
}

/* A report deadline (tp-meeting.h) moves as late as its successors (its
 * meeting) allow: it is the deadline for the meeting chosen. In reverse
 * order, so a report's successors are final before it moves. */
static enum tp_status
pull_reports(struct ctx *c)
{
	enum tp_status rc = TP_OK;
	for (uint32_t i = c->plan->n_stages; rc == TP_OK && i-- > 0;) {
		uint32_t v = c->order[i], to_meeting = NO_DEP;
		struct srec *r = &c->s->st[v];
		int32_t best = INT32_MAX, b = 0;
		if (c->plan->stages[v].derived != TP_DERIVED_REPORT)
			continue;
		c->cur = v;
		for (uint32_t k = c->out_off[v];
		     rc == TP_OK && k < c->out_off[v + 1]; k++) {
			const struct tp_dep_rec *d =
				&c->plan->deps[c->out_list[k]];
			const struct srec *t = &c->s->st[d->to];
			struct tp_rule link = tp_sched_link(c->plan, d);
			rc = latest(c, &link,
				    tp_sched_tgt_is_finish(d) ? t->ef : t->es,
				    &b);
			if (rc == TP_OK && b < best)
				best = b;
			if (d->derived && d->to == c->plan->stages[v].derived_of - 1)
				to_meeting = c->out_list[k];
		}
		if (rc == TP_OK && best != INT32_MAX && best > r->es &&
		    to_meeting != NO_DEP) {
			r->es = r->ef = r->free_es = best;
			r->early_why = why(TP_REASON_REPORT_DUE, to_meeting);
		}
	}
	c->cur = NO_STAGE;
	return rc;
}

static enum tp_status
forward_pass(struct ctx *c, enum tp_reason_kind anchor)
{
	enum tp_status rc = TP_OK;
	for (uint32_t i = 0; rc == TP_OK && i < c->plan->n_stages; i++)
		rc = forward_stage(c, c->order[i], anchor);
	c->cur = NO_STAGE;
	c->early_known = true;
	return rc == TP_OK ? pull_reports(c) : rc;
}

/* ---- backward pass ----------------------------------------------------- */

/* The latest start dependency @e allows its predecessor. */
static enum tp_status
dep_late_bound(struct ctx *c, uint32_t e, int32_t *b)
{
	const struct tp_dep_rec *d = &c->plan->deps[e];
	const struct srec *s = &c->s->st[d->to];
	struct tp_rule link = tp_sched_link(c->plan, d);
	struct tp_rule dur = tp_sched_duration(c->plan, d->from);
	enum tp_status rc = latest(
		c, &link, tp_sched_tgt_is_finish(d) ? s->lf : s->ls, b);
	if (rc == TP_OK && tp_sched_src_is_finish(d))
		rc = latest(c, &dur, *b, b);
	return rc;
}

/* The latest start constraint @k allows, or INT32_MAX for none. */
static enum tp_status
constraint_late_bound(struct ctx *c, uint32_t k, int32_t *b)
{
	const struct tp_constraint_rec *cr = &c->plan->constraints[k];
	struct tp_rule dur = tp_sched_duration(c->plan, cr->stage);
	*b = INT32_MAX;
	switch (cr->type) {
	case TP_CONSTRAINT_START_ON:
		return dom_down(c, dur.in, cr->date.day, b);
	case TP_CONSTRAINT_FINISH_NO_LATER_THAN:
	case TP_CONSTRAINT_FINISH_ON:
		return latest(c, &dur, cr->date.day, b);
	default:
		return TP_OK;
	}
}

/* The latest finish a started, unfinished stage @v may have: from its
 * successors that count from its finish, its finish constraints, the end
 * bound and the pin. */
static enum tp_status
late_finish_bound(struct ctx *c, uint32_t v, int32_t *out)
{
	struct tp_dom fin = tp_sched_finish_dom(c->plan, v);
	int32_t best = INT32_MAX, b = 0;
	enum tp_status rc = TP_OK;
	for (uint32_t i = c->out_off[v]; rc == TP_OK && i < c->out_off[v + 1];
	     i++) {
		const struct tp_dep_rec *d = &c->plan->deps[c->out_list[i]];
		const struct srec *s = &c->s->st[d->to];
		struct tp_rule link = tp_sched_link(c->plan, d);
		if (!tp_sched_src_is_finish(d))
			continue;
		rc = latest(c, &link, tp_sched_tgt_is_finish(d) ? s->lf : s->ls,
			    &b);
		if (rc == TP_OK && b < best)
			best = b;
	}
	for (uint32_t i = c->c_off[v]; rc == TP_OK && i < c->c_off[v + 1];
	     i++) {
		const struct tp_constraint_rec *cr =
			&c->plan->constraints[c->c_list[i]];
		if (cr->type < TP_CONSTRAINT_FINISH_NO_LATER_THAN)
			continue;
		rc = dom_down(c, fin, cr->date.day, &b);
		if (rc == TP_OK && b < best)
			best = b;
	}
	if (rc == TP_OK && (rc = dom_down(c, fin, c->s->hi.day, &b)) == TP_OK &&
	    b < best)
		best = b;
	if ((c->s->st[v].flags & PIN_LATE) && c->s->st[v].ef < best)
		best = c->s->st[v].ef;
	*out = best;
	return rc;
}

/* The start of a stage that has started or finished, before the forward
 * pass has set it (scheduling back from the contract start first): its
 * actual start, else as late as its duration allows before its finish. */
static int32_t
actual_start_day(struct ctx *c, uint32_t v)
{
	const struct tp_stage_rec *st = &c->plan->stages[v];
	struct tp_rule dur = tp_sched_duration(c->plan, v);
	struct tp_error quiet;
	struct tp_rule_env env = {c->plan, &quiet};
	int32_t d = st->actual_finish;
	if (has_start(c, v))
		return st->actual_start;
	if (st->amount > 0 &&
	    tp_rule_latest(&env, &dur, st->actual_finish, &d) != TP_OK)
		d = st->actual_finish;
	return d;
}

/* A stage that has started keeps its start; a finished one its finish. */
static enum tp_status
backward_started(struct ctx *c, uint32_t v)
{
	struct srec *r = &c->s->st[v];
	if (!c->early_known) {
		r->es = actual_start_day(c, v);
		r->ef = has_finish(c, v) ? c->plan->stages[v].actual_finish
					 : r->es;
	}
	r->ls = r->raw_ls = r->es;
	r->late_why = why(TP_REASON_ACTUAL,
			  has_start(c, v) ? AT_START : AT_FINISH);
	if (has_finish(c, v)) {
		r->lf = r->ef;
		return TP_OK;
	}
	return late_finish_bound(c, v, &r->lf);
}

/* A stage tied to a meeting series: onto the last meeting on or before its
 * bound. */
static enum tp_status
snap_late(struct ctx *c, uint32_t v, int32_t *best, uint32_t *w)
{
	uint32_t k = c->plan->stages[v].meeting;
	int32_t m = 0;
	enum tp_status rc;
	c->s->st[v].raw_ls = *best;
	if (!k)
		return TP_OK;
	if ((rc = dom_down(c, tp_sched_meeting_dom(c->plan, v), *best, &m)))
		return rc;
	if (m < *best)
		*w = why(TP_REASON_MEETING, k - 1);
	*best = m;
	return TP_OK;
}

static enum tp_status
backward_stage(struct ctx *c, uint32_t v, enum tp_reason_kind anchor)
{
	struct srec *r = &c->s->st[v];
	struct tp_rule dur = tp_sched_duration(c->plan, v);
	int32_t best = INT32_MAX, b;
	uint32_t w = 0;
	enum tp_status rc;
	c->cur = v;
	if (started(c, v))
		return backward_started(c, v);
	for (uint32_t i = c->out_off[v]; i < c->out_off[v + 1]; i++) {
		if ((rc = dep_late_bound(c, c->out_list[i], &b)))
			return rc;
		keep_min(&best, &w, b,
			 why(TP_REASON_DEPENDENCY, c->out_list[i]));
	}
	for (uint32_t i = c->c_off[v]; i < c->c_off[v + 1]; i++) {
		if ((rc = constraint_late_bound(c, c->c_list[i], &b)))
			return rc;
		keep_min(&best, &w, b, why(TP_REASON_CONSTRAINT, c->c_list[i]));
	}
	if ((rc = latest(c, &dur, c->s->hi.day, &b)))
		return rc;
	keep_min(&best, &w, b, why(anchor, 0));
	if (r->flags & PIN_LATE)
		keep_min(&best, &w, r->es, why(TP_REASON_CRITICAL_PATH, 0));
	if ((rc = snap_late(c, v, &best, &w)))
		return rc;
	r->ls = best;
	r->late_why = w;
	return apply(c, &dur, r->ls, &r->lf);
}

static enum tp_status
backward_pass(struct ctx *c, enum tp_reason_kind anchor)
{
	enum tp_status rc = TP_OK;
	for (uint32_t i = c->plan->n_stages; rc == TP_OK && i-- > 0;)
		rc = backward_stage(c, c->order[i], anchor);
	c->cur = NO_STAGE;
	return rc;
}

/* ---- the critical path -------------------------------------------------- */

/* The stage that fixes the plan's finish: the latest early finish, on ties
 * the smaller float, then the first added. */
static uint32_t
last_stage(const struct tp_schedule *s)
{
	uint32_t end = 0;
	for (uint32_t v = 1; v < s->n; v++) {
		const struct srec *a = &s->st[v], *b = &s->st[end];
		if (a->ef > b->ef || (a->ef == b->ef && a->tf < b->tf))
			end = v;
	}
	return end;
}

/* The stage that fixes the plan's latest start: the earliest late start
 * of the stages not started yet, on ties the first added; NO_STAGE when
 * every stage has started. */
static uint32_t
first_stage(const struct ctx *c)
{
	const struct tp_schedule *s = c->s;
	uint32_t v0 = NO_STAGE;
	for (uint32_t v = 0; v < s->n; v++)
		if (!started(c, v) && (v0 == NO_STAGE || s->st[v].ls < s->st[v0].ls))
			v0 = v;
	return v0;
}

/* The stage an early date came from: the predecessor of the dependency
 * that set it (or, for a stage started on the contract start, of the one
 * that bounded it most). */
static uint32_t
early_pred(const struct ctx *c, uint32_t v)
{
	const struct srec *r = &c->s->st[v];
	uint32_t w = r->early_why;
	if (why_kind(w) == TP_REASON_DEPENDENCY)
		return c->plan->deps[w & WHY_MASK].from;
	if (why_kind(w) == TP_REASON_CONTRACT_START && r->drv != NO_DEP)
		return c->plan->deps[r->drv].from;
	return NO_STAGE;
}

/* From the stage that finishes last, back along the dependency that drove
 * each early start; into c->path in date order. */
static void
trace_early(struct ctx *c)
{
	uint32_t len = 0, v = c->s->n ? last_stage(c->s) : NO_STAGE;
	while (v != NO_STAGE && !(c->s->st[v].flags & ON_PATH)) {
		c->s->st[v].flags |= ON_PATH;
		c->path[len++] = v;
		v = early_pred(c, v);
	}
	for (uint32_t i = 0; i < len / 2; i++) {
		uint32_t t = c->path[i];
		c->path[i] = c->path[len - 1 - i];
		c->path[len - 1 - i] = t;
	}
	c->n_path = len;
}

/* From the stage that starts first, forward along the dependency that
 * bounded each late start; into c->path in date order. */
static void
trace_late(struct ctx *c)
{
	uint32_t len = 0, v = c->s->n ? first_stage(c) : NO_STAGE;
	while (v != NO_STAGE && !(c->s->st[v].flags & ON_PATH)) {
		uint32_t w = c->s->st[v].late_why;
		c->s->st[v].flags |= ON_PATH;
		c->path[len++] = v;
		v = why_kind(w) == TP_REASON_DEPENDENCY
			    ? c->plan->deps[w & WHY_MASK].to
			    : NO_STAGE;
	}
	c->n_path = len;
}

static void
pin_path(struct ctx *c, uint32_t flag)
{
	for (uint32_t i = 0; i < c->n_path; i++)
		c->s->st[c->path[i]].flags |= flag;
}

static enum tp_status
store_path(struct ctx *c)
{
	struct tp_schedule *s = c->s;
	s->crit = malloc((c->n_path ? c->n_path : 1) * sizeof(*s->crit));
	if (!s->crit)
		return tp_error_nomem(c->err);
	for (uint32_t i = 0; i < c->n_path; i++)
		s->crit[i] = c->path[i];
	s->n_crit = c->n_path;
	return TP_OK;
}

/* ---- float ------------------------------------------------------------- */

/* Working days stage @v can slip from its early dates without moving the
 * early dates of any successor (up to the end bound without one). */
static enum tp_status
free_float(struct ctx *c, uint32_t v, int32_t *ff)
{
	const struct srec *r = &c->s->st[v];
	const struct tp_calendar *cal = tp_plan_stage_calendar(c->plan, v);
	struct tp_rule dur = tp_sched_duration(c->plan, v);
	int32_t best = INT32_MAX, b = 0, slack = 0;
	enum tp_status rc;
	for (uint32_t i = c->out_off[v]; i < c->out_off[v + 1]; i++) {
		const struct tp_dep_rec *d = &c->plan->deps[c->out_list[i]];
		const struct srec *s = &c->s->st[d->to];
		struct tp_rule link = tp_sched_link(c->plan, d);
		if ((rc = latest(c, &link,
				 tp_sched_tgt_is_finish(d) ? s->ef : s->es,
				 &b)))
			return rc;
		if (tp_sched_src_is_finish(d) && (rc = latest(c, &dur, b, &b)))
			return rc;
		if ((rc = wd_between(c, cal, r->es, b, &slack)))
			return rc;
		if (slack < best)
			best = slack;
	}
	if (c->out_off[v] == c->out_off[v + 1]) {
		if ((rc = latest(c, &dur, c->s->hi.day, &b)) ||
		    (rc = wd_between(c, cal, r->es, b, &best)))
			return rc;
	}
	*ff = best < r->tf ? best : r->tf;
	return TP_OK;
}

/* A started, unfinished stage: how far its finish can slip without
 * moving a successor (its start is fixed). */
static enum tp_status
free_float_finish(struct ctx *c, uint32_t v, int32_t *ff)
{
	const struct srec *r = &c->s->st[v];
	const struct tp_calendar *cal = tp_plan_stage_calendar(c->plan, v);
	struct tp_dom fin = tp_sched_finish_dom(c->plan, v);
	int32_t best = r->tf, b = 0, slack = 0;
	enum tp_status rc = TP_OK;
	for (uint32_t i = c->out_off[v]; rc == TP_OK && i < c->out_off[v + 1];
	     i++) {
		const struct tp_dep_rec *d = &c->plan->deps[c->out_list[i]];
		const struct srec *s = &c->s->st[d->to];
		struct tp_rule link = tp_sched_link(c->plan, d);
		if (!tp_sched_src_is_finish(d))
			continue;
		rc = latest(c, &link, tp_sched_tgt_is_finish(d) ? s->ef : s->es,
			    &b);
		if (rc == TP_OK)
			rc = wd_between(c, cal, r->ef, b, &slack);
		if (rc == TP_OK && slack < best)
			best = slack;
	}
	if (rc == TP_OK && c->out_off[v] == c->out_off[v + 1] &&
	    (rc = dom_down(c, fin, c->s->hi.day, &b)) == TP_OK &&
	    (rc = wd_between(c, cal, r->ef, b, &slack)) == TP_OK &&
	    slack < best)
		best = slack;
	*ff = best;
	return rc;
}

/* Floats of a stage with actual dates: none once finished; the float of
 * its finish while it runs. */
static enum tp_status
started_floats(struct ctx *c, uint32_t v)
{
	struct srec *r = &c->s->st[v];
	enum tp_status rc;
	if (has_finish(c, v)) {
		r->tf = r->ff = 0;
		return TP_OK;
	}
	rc = wd_between(c, tp_plan_stage_calendar(c->plan, v), r->ef, r->lf,
			&r->tf);
	if (rc == TP_OK)
		rc = free_float_finish(c, v, &r->ff);
	if (rc == TP_OK && r->tf < c->s->min_float)
		c->s->min_float = r->tf;
	return rc;
}

static enum tp_status
compute_floats(struct ctx *c)
{
	struct tp_schedule *s = c->s;
	enum tp_status rc;
	s->min_float = INT32_MAX;
	for (uint32_t v = 0; v < s->n; v++) {
		const struct tp_calendar *cal =
			tp_plan_stage_calendar(c->plan, v);
		int32_t at_finish = 0;
		c->cur = v;
		if (started(c, v)) {
			if ((rc = started_floats(c, v)))
				return rc;
			continue;
		}
		/* A stage is as critical as the more critical of its ends: a
		 * period that could start a day later but not finish later
		 * has no float. */
		/* A contract start held on its date with both anchors shows
		 * the slack before it: how much earlier it could be. */
		int32_t es = s->st[v].es, ef = s->st[v].ef;
		if (s->has_start && (s->st[v].flags & PIN_CONTRACT)) {
			struct tp_rule dur = tp_sched_duration(c->plan, v);
			es = s->st[v].free_es;
			if ((rc = apply(c, &dur, es, &ef)))
				return rc;
		}
		if ((rc = wd_between(c, cal, es, s->st[v].ls,
				     &s->st[v].tf)) ||
		    (rc = wd_between(c, cal, ef, s->st[v].lf, &at_finish)))
			return rc;
		if (at_finish < s->st[v].tf)
			s->st[v].tf = at_finish;
		if ((rc = free_float(c, v, &s->st[v].ff)))
			return rc;
		if (s->st[v].tf < s->min_float)
			s->min_float = s->st[v].tf;
	}
	c->cur = NO_STAGE;
	if (s->min_float == INT32_MAX)
		s->min_float = 0; /* no stage, or every stage finished */
	return TP_OK;
}

/* ---- diagnostics ------------------------------------------------------- */

static struct tp_diagnostic *
new_diag(struct ctx *c, enum tp_diagnostic_kind kind, uint32_t stage,
	 uint32_t constraint, int32_t overrun)
{
	struct tp_schedule *s = c->s;
	if (s->n_diags == s->cap_diags) {
		size_t cap = s->cap_diags ? 2 * s->cap_diags : 4;
		void *p = realloc(s->diags, cap * sizeof(*s->diags));
		if (!p)
			return NULL;
		s->diags = p;
		s->cap_diags = cap;
	}
	struct tp_diagnostic *d = &s->diags[s->n_diags++];
	memset(d, 0, sizeof(*d));
	d->kind = kind;
	d->stage = stage;
	d->constraint = constraint;
	d->overrun = overrun;
	return d;
}

/* Report constraint @k if it is missed: @limit is its date moved onto a
 * day the stage's date may fall on, @got the stage's date that misses
 * it. */
static enum tp_status
constraint_diag(struct ctx *c, uint32_t k, int32_t limit, int32_t got,
		bool late_side)
{
	const struct tp_constraint_rec *cr = &c->plan->constraints[k];
	const struct tp_calendar *cal = tp_plan_stage_calendar(c->plan,
							       cr->stage);
	const char *id = c->plan->stages[cr->stage].id;
	char want[TP_DATE_STRLEN], have[TP_DATE_STRLEN];
	int32_t over;
	bool working = true;
	enum tp_status rc = late_side ? wd_between(c, cal, got, limit, &over)
				      : wd_between(c, cal, limit, got, &over);
	if (rc != TP_OK)
		return rc;
	if (over < 1)
		over = 1; /* a non-working-day start missed within a day */
	rc = tp_calendar_is_working_day(cal, cr->date, &working, &c->scratch);
	if (rc != TP_OK)
		return fail(c, rc);
	struct tp_diagnostic *d =
		new_diag(c, TP_DIAGNOSTIC_CONSTRAINT, cr->stage, k, over);
	if (!d)
		return tp_error_nomem(c->err);
	snprintf(
		d->message, sizeof(d->message),
		"stage '%s' cannot meet %s %s%s: %s %s, %ld working day%s over",
		id, tp_constraint_type_name((enum tp_constraint_type)cr->type),
		tp_date_format(cr->date, want),
		working ? "" : " (not a working day)",
		late_side ? "later dates need it by" : "the earliest it can is",
		tp_date_format(mkdate(got), have), (long)over,
		over == 1 ? "" : "s");
	return TP_OK;
}

static enum tp_status
check_constraint(struct ctx *c, uint32_t k)
{
	const struct tp_constraint_rec *cr = &c->plan->constraints[k];
	const struct srec *r = &c->s->st[cr->stage];
	struct tp_rule dur = tp_sched_duration(c->plan, cr->stage);
	bool on_start = cr->type == TP_CONSTRAINT_START_NO_EARLIER_THAN ||
			cr->type == TP_CONSTRAINT_START_ON;
	struct tp_dom dom = on_start ? dur.in : dur.out;
	int32_t early = on_start ? r->es : r->ef;
	int32_t late = on_start ? r->ls : r->lf;
	int32_t lo = 0, hi = 0;
	enum tp_status rc;
	/* What has happened is history: no constraint on it is checked. */
	if (on_start ? started(c, cr->stage) : has_finish(c, cr->stage))
		return TP_OK;
	c->cur = cr->stage;
	if ((rc = dom_up(c, dom, cr->date.day, &lo)) ||
	    (rc = dom_down(c, dom, cr->date.day, &hi)))
		return rc;
	/* Upper bounds are missed by early dates after them; lower bounds
	 * by late dates before them. */
	if (cr->type != TP_CONSTRAINT_START_NO_EARLIER_THAN && early > hi)
		return constraint_diag(c, k, hi, early, false);
	if (cr->type != TP_CONSTRAINT_FINISH_NO_LATER_THAN && late < lo)
		return constraint_diag(c, k, lo, late, true);
	return TP_OK;
}

static enum tp_status
contract_diag(struct ctx *c)
{
	struct tp_schedule *s = c->s;
	char fin[TP_DATE_STRLEN], want[TP_DATE_STRLEN];
	uint32_t last = 0;
	int32_t over;
	enum tp_status rc;
	if (!s->has_contract || s->n == 0 || s->plan_finish.day <= s->hi.day)
		return TP_OK;
	for (uint32_t v = 1; v < s->n; v++)
		if (s->st[v].ef > s->st[last].ef)
			last = v;
	if ((rc = wd_between(c, c->cal, s->hi.day, s->plan_finish.day, &over)))
		return rc;
	struct tp_diagnostic *d =
		new_diag(c, TP_DIAGNOSTIC_CONTRACT_START, last, 0, over);
	if (!d)
		return tp_error_nomem(c->err);
	snprintf(d->message, sizeof(d->message),
		 "the plan cannot finish by the required contract start %s: "
		 "stage '%s' finishes %s at the earliest, %ld working day%s "
		 "over",
		 tp_date_format(s->contract_anchor, want),
		 c->plan->stages[last].id, tp_date_format(s->plan_finish, fin),
		 (long)over, over == 1 ? "" : "s");
	return TP_OK;
}

static enum tp_status
diagnose(struct ctx *c)
{
	enum tp_status rc = contract_diag(c);
	for (uint32_t k = 0; rc == TP_OK && k < c->plan->n_constraints; k++)
		rc = check_constraint(c, k);
	c->cur = NO_STAGE;
	return rc;
}

/* ---- driver ------------------------------------------------------------ */

static void
plan_bounds(struct tp_schedule *s)
{
	int32_t lo = INT32_MAX, hi = INT32_MIN;
	for (uint32_t v = 0; v < s->n; v++) {
		if (s->st[v].es < lo)
			lo = s->st[v].es;
		if (s->st[v].ef > hi)
			hi = s->st[v].ef;
	}
	s->plan_start = s->n ? mkdate(lo) : s->lo;
	s->plan_finish = s->n ? mkdate(hi) : s->hi;
}

/* The earliest late start of the stages not started yet. */
static int32_t
min_late_start(const struct ctx *c)
{
	const struct tp_schedule *s = c->s;
	int32_t lo = s->hi.day;
	for (uint32_t v = 0; v < s->n; v++)
		if (!started(c, v) && s->st[v].ls < lo)
			lo = s->st[v].ls;
	return lo;
}

static int32_t
max_early_finish(const struct tp_schedule *s)
{
	int32_t hi = s->lo.day;
	for (uint32_t v = 0; v < s->n; v++)
		if (s->st[v].ef > hi)
			hi = s->st[v].ef;
	return hi;
}

/* With the contract start in force, the contract-start stages start on
 * it (tp-schedule.h, "Anchors"). */
static void
pin_contract_start(struct ctx *c)
{
	for (uint32_t v = 0; v < c->s->n; v++)
		if (c->plan->stages[v].kind == TP_STAGE_CONTRACT_START)
			c->s->st[v].flags |= PIN_CONTRACT;
}

/* Forward from the start date, then backward from the contract start, or
 * from the plan's earliest finish with the critical path kept on its early
 * dates. */
static enum tp_status
run_forward_first(struct ctx *c)
{
	struct tp_schedule *s = c->s;
	enum tp_status rc = TP_OK;
	s->lo = s->start_anchor; /* each stage rolls it onto its own days */
	if (s->has_contract) {
		rc = dom_down(c, plan_days(c), s->contract_anchor.day,
			      &s->hi.day);
		pin_contract_start(c);
	}
	if (rc == TP_OK)
		rc = forward_pass(c, TP_REASON_START_DATE);
	if (rc != TP_OK)
		return rc;
	trace_early(c);
	if (s->has_contract)
		return backward_pass(c, TP_REASON_CONTRACT_START);
	s->hi.day = max_early_finish(s);
	pin_path(c, PIN_LATE);
	return backward_pass(c, TP_REASON_PLAN_FINISH);
}

/* Backward from the contract start, then forward from the plan's latest
 * start with the critical path kept on its late dates. */
static enum tp_status
run_backward_first(struct ctx *c)
{
	struct tp_schedule *s = c->s;
	enum tp_status rc = dom_down(c, plan_days(c), s->contract_anchor.day,
				     &s->hi.day);
	if (rc == TP_OK)
		rc = backward_pass(c, TP_REASON_CONTRACT_START);
	if (rc != TP_OK)
		return rc;
	s->lo.day = min_late_start(c);
	trace_late(c);
	pin_path(c, PIN_EARLY);
	pin_contract_start(c);
	return forward_pass(c, TP_REASON_PLAN_START);
}

static enum tp_status
choose_anchors(const struct tp_plan *plan,
	       const struct tp_schedule_options *o, struct tp_schedule *s,
	       struct tp_error *err)
{
	bool has_start = o->override_start || plan->has_start;
	bool has_contract = o->override_contract_start ||
			    plan->has_contract_start;
	enum tp_schedule_mode mode = o->mode;
	if ((unsigned)mode > TP_SCHEDULE_BACKWARD)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "unknown scheduling mode %d", (int)mode);
	if (!plan->cal)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "the plan has no calendar");
	s->has_start = has_start && mode != TP_SCHEDULE_BACKWARD;
	s->has_contract = has_contract && mode != TP_SCHEDULE_FORWARD;
	s->start_anchor = o->override_start ? o->start : plan->start;
	s->has_today = o->has_today;
	s->today = o->today;
	if (o->has_today && !tp_date_in_range(o->today))
		return tp_error_setf(err, TP_ERR_RANGE, NULL,
				     "today is outside the supported dates");
	s->contract_anchor = o->override_contract_start ? o->contract_start
							: plan->contract_start;
	if (mode == TP_SCHEDULE_FORWARD && !s->has_start)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "forward scheduling needs a start date");
	if (mode == TP_SCHEDULE_BACKWARD && !s->has_contract)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "backward scheduling needs a required "
				     "contract start date");
	if (!s->has_start && !s->has_contract)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "the plan has neither a start date nor a "
				     "required contract start date");
	return TP_OK;
}

static enum tp_status
run(struct ctx *c)
{
	enum tp_status rc;
	build_graph(c);
	if ((rc = topo_sort(c)))
		return rc;
	rc = c->s->has_start ? run_forward_first(c) : run_backward_first(c);
	if (rc != TP_OK)
		return rc;
	plan_bounds(c->s);
	if ((rc = compute_floats(c)) || (rc = store_path(c)))
		return rc;
	return diagnose(c);
}

TP_EXPORT void
tp_schedule_options_init(struct tp_schedule_options *opt)
{
	if (opt)
		memset(opt, 0, sizeof(*opt));
}

TP_EXPORT enum tp_status
tp_schedule_compute_with(const struct tp_plan *plan,
			 const struct tp_schedule_options *opt,
			 struct tp_schedule **out, struct tp_error *err)
{
	struct tp_schedule_options defaults;
	struct tp_schedule *s;
	struct ctx c = {.plan = plan, .err = err, .cur = NO_STAGE};
	enum tp_status rc;
	if (!plan || !out)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "tp_schedule_compute needs a plan and a "
				     "result pointer");
	if (!opt) {
		tp_schedule_options_init(&defaults);
		opt = &defaults;
	}
	s = calloc(1, sizeof(*s) + plan->n_stages * sizeof(s->st[0]));
	if (!s)
		return tp_error_nomem(err);
	s->plan = plan;
	s->n = plan->n_stages;
	c.cal = plan->cal;
	c.s = s;
	c.env.plan = plan;
	c.env.err = &c.scratch;
	if ((rc = choose_anchors(plan, opt, s, err)) ||
	    (rc = alloc_ctx(&c, err)))
		goto out;
	rc = run(&c);
out:
	free(c.in_off);
	if (rc != TP_OK)
		tp_schedule_free(s);
	else
		*out = s;
	return rc;
}

TP_EXPORT enum tp_status
tp_schedule_compute(const struct tp_plan *plan, enum tp_schedule_mode mode,
		    struct tp_schedule **out, struct tp_error *err)
{
	struct tp_schedule_options o;
	tp_schedule_options_init(&o);
	o.mode = mode;
	return tp_schedule_compute_with(plan, &o, out, err);
}

TP_EXPORT void
tp_schedule_free(struct tp_schedule *sched)
{
	if (!sched)
		return;
	free(sched->crit);
	free(sched->diags);
	free(sched);
}

/* ---- getters ----------------------------------------------------------- */

TP_EXPORT const struct tp_plan *
tp_schedule_plan(const struct tp_schedule *sched)
{
	if (!sched)
		return NULL;
	return sched->plan;
}

TP_EXPORT bool
tp_schedule_has_start_date(const struct tp_schedule *sched)
{
	if (!sched)
		return false;
	return sched->has_start;
}

TP_EXPORT bool
tp_schedule_has_contract_start(const struct tp_schedule *sched)
{
	if (!sched)
		return false;
	return sched->has_contract;
}

TP_EXPORT struct tp_date
tp_schedule_plan_start(const struct tp_schedule *sched)
{
	if (!sched)
		return (struct tp_date){0};
	return sched->plan_start;
}

TP_EXPORT struct tp_date
tp_schedule_plan_finish(const struct tp_schedule *sched)
{
	if (!sched)
		return (struct tp_date){0};
	return sched->plan_finish;
}

static const struct srec *
rec(const struct tp_schedule *sched, size_t stage)
{
	static const struct srec none; /* const: not mutable state */
	return sched && stage < sched->n ? &sched->st[stage] : &none;
}

TP_EXPORT struct tp_date
tp_schedule_early_start(const struct tp_schedule *sched, size_t stage)
{
	return mkdate(rec(sched, stage)->es);
}

TP_EXPORT struct tp_date
tp_schedule_early_finish(const struct tp_schedule *sched, size_t stage)
{
	return mkdate(rec(sched, stage)->ef);
}

TP_EXPORT struct tp_date
tp_schedule_late_start(const struct tp_schedule *sched, size_t stage)
{
	return mkdate(rec(sched, stage)->ls);
}

TP_EXPORT struct tp_date
tp_schedule_late_finish(const struct tp_schedule *sched, size_t stage)
{
	return mkdate(rec(sched, stage)->lf);
}

TP_EXPORT int32_t
tp_schedule_total_float(const struct tp_schedule *sched, size_t stage)
{
	return rec(sched, stage)->tf;
}

TP_EXPORT int32_t
tp_schedule_free_float(const struct tp_schedule *sched, size_t stage)
{
	return rec(sched, stage)->ff;
}

TP_EXPORT int32_t
tp_schedule_min_float(const struct tp_schedule *sched)
{
	if (!sched)
		return 0;
	return sched->min_float;
}

TP_EXPORT bool
tp_schedule_is_critical(const struct tp_schedule *sched, size_t stage)
{
	if (!sched || stage >= sched->n)
		return false;
	if (sched->st[stage].flags & ON_PATH)
		return true;
	return sched->st[stage].tf == sched->min_float &&
	       sched->plan->stages[stage].actual_finish == TP_NO_DAY;
}

TP_EXPORT bool
tp_schedule_meeting_bound(const struct tp_schedule *sched, size_t stage,
			  enum tp_pass pass, struct tp_date *out)
{
	const struct tp_stage_rec *st;
	if (!sched || stage >= sched->n || !out)
		return false;
	st = &sched->plan->stages[stage];
	if (!st->meeting || st->actual_start != TP_NO_DAY ||
	    st->actual_finish != TP_NO_DAY)
		return false;
	out->day = pass == TP_PASS_LATE ? sched->st[stage].raw_ls
					: sched->st[stage].raw_es;
	return true;
}

TP_EXPORT const size_t *
tp_schedule_critical_path(const struct tp_schedule *sched, size_t *count)
{
	if (!sched || !count)
		return NULL;
	*count = sched->n_crit;
	return sched->crit;
}

/* Fill @out from a packed reason; @early says which pass. */
static void
unpack_reason(const struct tp_schedule *sched, size_t stage, uint32_t w,
	      bool early, struct tp_reason *out)
{
	const struct tp_plan *plan = sched->plan;
	uint32_t index = w & WHY_MASK;
	memset(out, 0, sizeof(*out));
	out->kind = (enum tp_reason_kind)(w >> WHY_SHIFT);
	switch (out->kind) {
	case TP_REASON_DEPENDENCY: {
		const struct tp_dep_rec *d = &plan->deps[index];
		const struct srec *o = &sched->st[early ? d->from : d->to];
		out->index = index;
		if (early) {
			out->from = mkdate(tp_sched_src_is_finish(d) ? o->ef : o->es);
			out->on_finish = tp_sched_tgt_is_finish(d);
		} else {
			out->from = mkdate(tp_sched_tgt_is_finish(d) ? o->lf : o->ls);
			out->on_finish = tp_sched_src_is_finish(d);
		}
		break;
	}
	case TP_REASON_CONSTRAINT:
		out->index = index;
		out->from = plan->constraints[index].date;
		out->on_finish = plan->constraints[index].type >=
				 TP_CONSTRAINT_FINISH_NO_LATER_THAN;
		break;
	case TP_REASON_START_DATE:
		out->from = sched->start_anchor;
		break;
	case TP_REASON_CONTRACT_START:
		out->from = sched->contract_anchor;
		out->on_finish = !early;
		break;
	case TP_REASON_CRITICAL_PATH: {
		const struct srec *r = &sched->st[stage];
		out->from = mkdate(early ? r->ls : r->es);
		break;
	}
	case TP_REASON_PLAN_FINISH:
		out->from = sched->hi;
		out->on_finish = true;
		break;
	case TP_REASON_ACTUAL: {
		const struct tp_stage_rec *st = &plan->stages[stage];
		out->on_finish = index == AT_FINISH;
		out->from = mkdate(out->on_finish ? st->actual_finish
						  : st->actual_start);
		break;
	}
	case TP_REASON_TODAY:
		out->on_finish = index == AT_FINISH;
		out->from = sched->today;
		break;
	case TP_REASON_MEETING: {
		const struct srec *r = &sched->st[stage];
		out->index = index;
		out->from = mkdate(early ? r->raw_es : r->raw_ls);
		break;
	}
	case TP_REASON_REPORT_DUE:
		out->index = index;
		out->from = mkdate(sched->st[plan->deps[index].to].es);
		break;
	default:
		out->from = sched->lo;
		break;
	}
}

TP_EXPORT bool
tp_schedule_early_reason(const struct tp_schedule *sched, size_t stage,
			 struct tp_reason *out)
{
	if (!sched || !out)
		return false;
	if (stage >= sched->n)
		return false;
	unpack_reason(sched, stage, sched->st[stage].early_why, true, out);
	return true;
}

TP_EXPORT bool
tp_schedule_late_reason(const struct tp_schedule *sched, size_t stage,
			struct tp_reason *out)
{
	if (!sched || !out)
		return false;
	if (stage >= sched->n)
		return false;
	unpack_reason(sched, stage, sched->st[stage].late_why, false, out);
	return true;
}

/* "finish-to-start from 'a' (finish 2025-04-17, lag 0 working days)" */
static void
describe_dep(const struct tp_schedule *sched, const struct tp_reason *r,
	     bool early, char *buf, size_t size)
{
	const struct tp_dep_rec *d = &sched->plan->deps[r->index];
	const char *other = sched->plan->stages[early ? d->from : d->to].id;
	bool other_finish = early ? tp_sched_src_is_finish(d) : tp_sched_tgt_is_finish(d);
	char from[TP_DATE_STRLEN];
	snprintf(buf, size, "%s %s '%s' (%s %s, lag %ld %s)",
		 tp_dep_type_name((enum tp_dep_type)d->type),
		 early ? "from" : "to", other,
		 other_finish ? "finish" : "start",
		 tp_date_format(r->from, from), (long)d->lag,
		 d->unit == TP_UNIT_WORKING_DAYS ? "working days"
						 : "calendar days");
}

static void
describe_rule(const struct tp_schedule *sched, const struct tp_reason *r,
	      bool early, char *buf, size_t size)
{
	const struct tp_constraint_rec *c;
	char from[TP_DATE_STRLEN];
	tp_date_format(r->from, from);
	switch (r->kind) {
	case TP_REASON_DEPENDENCY:
		describe_dep(sched, r, early, buf, size);
		return;
	case TP_REASON_CONSTRAINT:
		c = &sched->plan->constraints[r->index];
		snprintf(buf, size, "constraint %s %s",
			 tp_constraint_type_name(
				 (enum tp_constraint_type)c->type),
			 from);
		return;
	case TP_REASON_START_DATE:
		snprintf(buf, size, "the plan's start date %s", from);
		return;
	case TP_REASON_CONTRACT_START:
		snprintf(buf, size, "the required contract start %s", from);
		return;
	case TP_REASON_CRITICAL_PATH:
		snprintf(buf, size,
			 "the critical path, which keeps its %s dates (%s)",
			 early ? "latest" : "earliest", from);
		return;
	case TP_REASON_PLAN_FINISH:
		snprintf(buf, size, "the plan's earliest finish %s", from);
		return;
	case TP_REASON_ACTUAL:
		snprintf(buf, size, "the actual %s recorded, %s",
			 r->on_finish ? "finish" : "start", from);
		return;
	case TP_REASON_TODAY:
		snprintf(buf, size, "today, %s: %s", from,
			 r->on_finish ? "it has started and not finished"
				      : "it has not started");
		return;
	case TP_REASON_MEETING: {
		char name[160];
		tp_meeting_label(tp_meeting_at(sched->plan, (uint32_t)r->index),
				 name, sizeof(name));
		snprintf(buf, size,
			 "the meetings of %s: the %s meeting on or %s %s, the "
			 "%s its other rules allow",
			 name, early ? "first" : "last",
			 early ? "after" : "before", from,
			 early ? "earliest" : "latest");
		return;
	}
	case TP_REASON_REPORT_DUE: {
		const struct tp_dep_rec *d = &sched->plan->deps[r->index];
		snprintf(buf, size,
			 "the meeting '%s' on %s: reports are due %ld working "
			 "day%s before it",
			 sched->plan->stages[d->to].id, from, (long)d->lag + 1,
			 d->lag == 0 ? "" : "s");
		return;
	}
	default:
		snprintf(buf, size, "the plan's latest start %s", from);
		return;
	}
}

TP_EXPORT char *
tp_schedule_describe(const struct tp_schedule *sched, size_t stage,
		     enum tp_pass pass, char *buf, unsigned long size)
{
	bool early = pass != TP_PASS_LATE;
	struct tp_reason r;
	char rule[400], date[TP_DATE_STRLEN];
	int32_t day;
	if (!buf || size == 0)
		return buf;
	if (!sched) {
		snprintf(buf, size, "no schedule");
		return buf;
	}
	if (stage >= sched->n) {
		snprintf(buf, size, "no stage number %zu", stage);
		return buf;
	}
	unpack_reason(sched, stage,
		      early ? sched->st[stage].early_why
			    : sched->st[stage].late_why,
		      early, &r);
	describe_rule(sched, &r, early, rule, sizeof(rule));
	if (early)
		day = r.on_finish ? sched->st[stage].ef : sched->st[stage].es;
	else
		day = r.on_finish ? sched->st[stage].lf : sched->st[stage].ls;
	snprintf(buf, size, "%s %s %s, set by %s",
		 early ? "earliest" : "latest",
		 r.on_finish ? "finish" : "start",
		 tp_date_format(mkdate(day), date), rule);
	tp_utf8_mend_end(buf);
	return buf;
}

TP_EXPORT enum tp_status
tp_schedule_working_days(const struct tp_schedule *sched, size_t stage,
			 enum tp_pass pass, int32_t *out, struct tp_error *err)
{
	if (!sched || !out)
		return tp_error_null(err, __func__);
	const struct srec *r;
	struct tp_date a, b;
	int32_t n;
	enum tp_status rc;
	if (stage >= sched->n)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "no stage number %zu", stage);
	r = &sched->st[stage];
	a = mkdate(pass == TP_PASS_LATE ? r->ls : r->es);
	b = mkdate(pass == TP_PASS_LATE ? r->lf : r->ef);
	/* [a, b) plus the finish day, which is a working day. */
	rc = tp_calendar_working_days_between(
		tp_plan_stage_calendar(sched->plan, stage), a, b, &n, err);
	if (rc == TP_OK)
		*out = n + 1;
	return rc;
}

TP_EXPORT enum tp_status
tp_schedule_foreach_skipped(
	const struct tp_schedule *sched, size_t stage, enum tp_pass pass,
	int (*fn)(struct tp_date d, const struct tp_day_info *info, void *user),
	void *user, int *stopped, struct tp_error *err)
{
	if (!sched || !fn)
		return tp_error_null(err, __func__);
	struct tp_reason why_;
	int32_t a, b;
	if (stage >= sched->n)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "no stage number %zu", stage);
	unpack_reason(sched, stage,
		      pass == TP_PASS_LATE ? sched->st[stage].late_why
					   : sched->st[stage].early_why,
		      pass != TP_PASS_LATE, &why_);
	a = pass == TP_PASS_LATE ? sched->st[stage].ls : sched->st[stage].es;
	b = pass == TP_PASS_LATE ? sched->st[stage].lf : sched->st[stage].ef;
	if (why_.from.day < a)
		a = why_.from.day;
	if (why_.from.day > b)
		b = why_.from.day;
	if (stopped)
		*stopped = 0;
	return tp_calendar_foreach_non_working(
		tp_plan_stage_calendar(sched->plan, stage), mkdate(a),
		mkdate(b), fn, user, stopped, err);
}

TP_EXPORT size_t
tp_schedule_diagnostic_count(const struct tp_schedule *sched)
{
	if (!sched)
		return 0;
	return sched->n_diags;
}

TP_EXPORT const struct tp_diagnostic *
tp_schedule_diagnostic(const struct tp_schedule *sched, size_t i)
{
	if (!sched)
		return NULL;
	return i < sched->n_diags ? &sched->diags[i] : NULL;
}

/* The stage a date of @v came from in @pass: its predecessor (early) or
 * successor (late) through the dependency that set it, or NO_STAGE. A
 * contract start held on its date traces back through the dependency
 * that bounded it most. */
static uint32_t
trace_step(const struct tp_schedule *sched, uint32_t v, bool early)
{
	const struct srec *r = &sched->st[v];
	uint32_t w = early ? r->early_why : r->late_why;
	if (why_kind(w) == TP_REASON_DEPENDENCY)
		return early ? sched->plan->deps[w & WHY_MASK].from
			     : sched->plan->deps[w & WHY_MASK].to;
	if (early && why_kind(w) == TP_REASON_CONTRACT_START &&
	    r->drv != NO_DEP)
		return sched->plan->deps[r->drv].from;
	return NO_STAGE;
}

TP_EXPORT bool
tp_schedule_trace(const struct tp_schedule *sched, size_t stage,
		  enum tp_pass pass, size_t *at, struct tp_reason *out)
{
	bool early = pass != TP_PASS_LATE;
	uint32_t v, next, steps = 0;
	if (!sched || stage >= sched->n)
		return false;
	v = (uint32_t)stage;
	/* Dependencies form a DAG, so the walk ends within n steps. */
	while ((next = trace_step(sched, v, early)) != NO_STAGE &&
	       steps++ < sched->n)
		v = next;
	if (at)
		*at = v;
	if (out)
		unpack_reason(sched, v,
			      early ? sched->st[v].early_why
				    : sched->st[v].late_why,
			      early, out);
	return true;
}
