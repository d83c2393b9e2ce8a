/* SPDX-License-Identifier: MIT */
/* The scheduler's date rules, each written once in its forward form, as
 * tp-schedule.h defines them; the backward pass uses their order inverse
 * (tp_rule_latest), found by a search from a close first guess, so the two
 * passes can never disagree about what a duration or a lag means. */
#include "config.h"

#include <stdint.h>

#include <tenderplan/tp-calendar.h>
#include <tenderplan/tp-date.h>

#include "error-private.h"
#include "meeting-private.h"
#include "schedule-private.h"

static struct tp_date
mkdate(int32_t day)
{
	struct tp_date d = {day};
	return d;
}

/* A stage whose start may fall on any day: a period counted in calendar
 * days, weeks or months begins with the day after its invitation, whatever
 * day that is (PCR 2015 reg 2(3)(b), PA 2023 s.54(5)). */
static bool
starts_any_day(const struct tp_stage_rec *st)
{
	return st->amount > 0 && st->unit != TP_UNIT_WORKING_DAYS;
}

static const struct tp_calendar *
stage_cal(const struct tp_plan *plan, uint32_t v)
{
	return tp_plan_stage_calendar(plan, v);
}

struct tp_dom
tp_sched_start_dom(const struct tp_plan *plan, uint32_t v)
{
	struct tp_dom d = {stage_cal(plan, v),
			   starts_any_day(&plan->stages[v]), NULL};
	return d;
}

struct tp_dom
tp_sched_finish_dom(const struct tp_plan *plan, uint32_t v)
{
	struct tp_dom d = {stage_cal(plan, v), false, NULL};
	return d;
}

struct tp_dom
tp_sched_meeting_dom(const struct tp_plan *plan, uint32_t v)
{
	struct tp_dom d = tp_sched_start_dom(plan, v);
	uint32_t k = plan->stages[v].meeting;
	d.mtg = k ? tp_meeting_at(plan, k - 1) : NULL;
	return d;
}

bool
tp_sched_src_is_finish(const struct tp_dep_rec *d)
{
	return d->type == TP_DEP_FINISH_TO_START ||
	       d->type == TP_DEP_FINISH_TO_FINISH;
}

bool
tp_sched_tgt_is_finish(const struct tp_dep_rec *d)
{
	return d->type == TP_DEP_FINISH_TO_FINISH ||
	       d->type == TP_DEP_START_TO_FINISH;
}

struct tp_rule
tp_sched_duration(const struct tp_plan *plan, uint32_t v)
{
	struct tp_rule r = {TP_RULE_DURATION, &plan->stages[v], NULL,
			    tp_sched_start_dom(plan, v),
			    tp_sched_finish_dom(plan, v)};
	return r;
}

struct tp_rule
tp_sched_link(const struct tp_plan *plan, const struct tp_dep_rec *d)
{
	struct tp_rule r = {TP_RULE_LINK, NULL, d, {NULL, false, NULL},
			    {NULL, false, NULL}};
	r.in = tp_sched_src_is_finish(d) ? tp_sched_finish_dom(plan, d->from)
					 : tp_sched_start_dom(plan, d->from);
	r.out = tp_sched_tgt_is_finish(d) ? tp_sched_finish_dom(plan, d->to)
					  : tp_sched_start_dom(plan, d->to);
	return r;
}

/* ---- domains ------------------------------------------------------------ */

static enum tp_status
range_check(const struct tp_rule_env *e, const struct tp_calendar *cal,
	    int32_t d)
{
	if (d >= tp_calendar_first_day(cal).day &&
	    d <= tp_calendar_last_day(cal).day)
		return TP_OK;
	/* Let the calendar word the error, naming the date and the range. */
	bool w;
	return tp_calendar_is_working_day(cal, mkdate(d), &w, e->err);
}

/* Whether meeting day @d is a day of @dom apart from the meetings (a
 * working day, unless the stage may start on any day); outside the
 * calendar, the calendar's error. */
static enum tp_status
meeting_ok(const struct tp_rule_env *e, struct tp_dom dom, int32_t d,
	   bool *ok)
{
	enum tp_status rc = range_check(e, dom.cal, d);
	*ok = rc == TP_OK;
	if (rc == TP_OK && !dom.any)
		rc = tp_calendar_is_working_day(dom.cal, mkdate(d), ok, e->err);
	return rc;
}

static enum tp_status
no_meeting(const struct tp_rule_env *e, const struct tp_meeting_rec *m,
	   int32_t d, bool after)
{
	char name[160], a[TP_DATE_STRLEN], b[TP_DATE_STRLEN];
	const struct tp_meeting_view *v;
	enum tp_status rc =
		tp_meeting_view(m, after ? INT32_MAX : INT32_MIN, &v, e->err);
	if (rc != TP_OK)
		return rc;
	tp_meeting_label(m, name, sizeof(name));
	tp_date_format(mkdate(d), a);
	tp_date_format(v->days[after ? v->n - 1 : 0], b);
	return tp_error_setf(e->err, TP_ERR_RANGE, NULL,
			     "no meeting of %s on or %s %s that it can start "
			     "on (its %s meeting is on %s): add meetings to "
			     "the series or change the dates the stage "
			     "depends on",
			     name, after ? "after" : "before", a,
			     after ? "last" : "first", b);
}

/* The first meeting of @dom on or after @d (or the last on or before),
 * skipping meetings the stage cannot start on (a meeting on a holiday). */
static enum tp_status
meeting_adjust(const struct tp_rule_env *e, struct tp_dom dom, int32_t d,
	       enum tp_roll how, int32_t *out)
{
	const struct tp_meeting_rec *m = dom.mtg;
	bool up = how == TP_ROLL_FOLLOWING, ok = false;
	const struct tp_meeting_view *v = NULL;
	enum tp_status rc = range_check(e, dom.cal, d);
	size_t i = 0;

	/* Read the rule as far as @d; going up, on as far as it takes. */
	if (rc == TP_OK && (rc = tp_meeting_view(m, d, &v, e->err)) == TP_OK)
		i = tp_meeting_view_lower_bound(v, up ? d : d + 1);
	while (rc == TP_OK) {
		if (up && i == v->n && !v->complete &&
		    (rc = tp_meeting_view(m, v->covered + 1, &v, e->err)))
			break;
		if (!(up ? i < v->n : i > 0))
			break;
		int32_t day = v->days[up ? i : i - 1].day;
		if ((rc = meeting_ok(e, dom, day, &ok)) || ok) {
			*out = day;
			return rc;
		}
		i = up ? i + 1 : i - 1;
	}
	return rc == TP_OK ? no_meeting(e, m, d, up) : rc;
}

static enum tp_status
dom_adjust(const struct tp_rule_env *e, struct tp_dom dom, int32_t d,
	   enum tp_roll how, int32_t *out)
{
	struct tp_date r;
	enum tp_status rc;
	if (dom.mtg)
		return meeting_adjust(e, dom, d, how, out);
	if (dom.any) {
		if ((rc = range_check(e, dom.cal, d)))
			return rc;
		*out = d;
		return TP_OK;
	}
	rc = tp_calendar_adjust(dom.cal, mkdate(d), how, &r, e->err);
	if (rc == TP_OK)
		*out = r.day;
	return rc;
}

enum tp_status
tp_dom_up(const struct tp_rule_env *e, struct tp_dom dom, int32_t d,
	  int32_t *out)
{
	return dom_adjust(e, dom, d, TP_ROLL_FOLLOWING, out);
}

enum tp_status
tp_dom_down(const struct tp_rule_env *e, struct tp_dom dom, int32_t d,
	    int32_t *out)
{
	return dom_adjust(e, dom, d, TP_ROLL_PRECEDING, out);
}

/* The next (step 1) or previous (step -1) day of @dom after @d. */
static enum tp_status
dom_step(const struct tp_rule_env *e, struct tp_dom dom, int32_t d,
	 int32_t step, struct tp_error *err, int32_t *out)
{
	struct tp_date r;
	enum tp_status rc;
	if (dom.mtg) {
		struct tp_rule_env quiet = {e->plan, err};
		return meeting_adjust(&quiet, dom, d + step,
				      step > 0 ? TP_ROLL_FOLLOWING
					       : TP_ROLL_PRECEDING,
				      out);
	}
	if (dom.any) {
		struct tp_rule_env quiet = {e->plan, err};
		if ((rc = range_check(&quiet, dom.cal, d + step)))
			return rc;
		*out = d + step;
		return TP_OK;
	}
	rc = tp_calendar_add_working_days(dom.cal, mkdate(d), step, &r, err);
	if (rc == TP_OK)
		*out = r.day;
	return rc;
}

/* ---- the rules, forwards ------------------------------------------------ */

static int32_t
span_days(const struct tp_stage_rec *st)
{
	return st->unit == TP_UNIT_WEEKS ? 7 * st->amount : st->amount;
}

static enum tp_status
add_wd(const struct tp_rule_env *e, const struct tp_calendar *cal, int32_t d,
       int32_t n, int32_t *out)
{
	struct tp_date r;
	enum tp_status rc =
		tp_calendar_add_working_days(cal, mkdate(d), n, &r, e->err);
	if (rc == TP_OK)
		*out = r.day;
	return rc;
}

static enum tp_status
add_months(const struct tp_rule_env *e, int32_t d, int32_t n, int32_t *out)
{
	struct tp_date r;
	enum tp_status rc = tp_date_add_months(mkdate(d), n, &r, e->err);
	if (rc == TP_OK)
		*out = r.day;
	return rc;
}

/* Durations (tp-schedule.h, "Durations"). */
static enum tp_status
apply_duration(const struct tp_rule_env *e, const struct tp_rule *r,
	       int32_t s, int32_t *f)
{
	const struct tp_stage_rec *st = r->st;
	int32_t m = 0;
	enum tp_status rc;
	if (st->amount == 0) {
		*f = s;
		return TP_OK;
	}
	switch (st->unit) {
	case TP_UNIT_WORKING_DAYS:
		return add_wd(e, r->out.cal, s, st->amount - 1, f);
	case TP_UNIT_MONTHS:
		if ((rc = add_months(e, s, st->amount, &m)))
			return rc;
		return tp_dom_up(e, r->out, m - 1, f);
	default:
		return tp_dom_up(e, r->out, s + span_days(st) - 1, f);
	}
}

/* A link says: successor's target date >= shift(predecessor's date, k).
 * Finish-to-start counts from "the day after", start-to-finish from "the
 * day before", hence the +1 and -1. */
static int32_t
link_k(const struct tp_dep_rec *d)
{
	switch (d->type) {
	case TP_DEP_FINISH_TO_START:
		return d->lag + 1;
	case TP_DEP_START_TO_FINISH:
		return d->lag - 1;
	default:
		return d->lag;
	}
}

/* Dependencies (tp-schedule.h, "Dependencies"): working days of the
 * successor's calendar, or calendar days; then moved forward onto a day
 * the successor's date may fall on. */
static enum tp_status
apply_link(const struct tp_rule_env *e, const struct tp_rule *r, int32_t x,
	   int32_t *out)
{
	int32_t t = 0;
	enum tp_status rc;
	if (r->dep->unit == TP_UNIT_WORKING_DAYS) {
		if ((rc = add_wd(e, r->out.cal, x, link_k(r->dep), &t)))
			return rc;
	} else {
		t = x + link_k(r->dep);
	}
	return tp_dom_up(e, r->out, t, out);
}

enum tp_status
tp_rule_apply(const struct tp_rule_env *e, const struct tp_rule *r, int32_t x,
	      int32_t *out)
{
	return r->kind == TP_RULE_DURATION ? apply_duration(e, r, x, out)
					   : apply_link(e, r, x, out);
}

/* ---- the rules, inverted ------------------------------------------------ */

/* A day near the answer of an inversion at @y; the searches below make it
 * exact, so this only has to be close for speed. */
static enum tp_status
guess(const struct tp_rule_env *e, const struct tp_rule *r, int32_t y,
      int32_t *out)
{
	if (r->kind == TP_RULE_LINK) {
		if (r->dep->unit != TP_UNIT_WORKING_DAYS) {
			*out = y - link_k(r->dep);
			return TP_OK;
		}
		return add_wd(e, r->out.cal, y, -link_k(r->dep), out);
	}
	if (r->st->amount == 0) {
		*out = y;
		return TP_OK;
	}
	switch (r->st->unit) {
	case TP_UNIT_WORKING_DAYS:
		return add_wd(e, r->out.cal, y, -(r->st->amount - 1), out);
	case TP_UNIT_MONTHS:
		return add_months(e, y + 1, -r->st->amount, out);
	default:
		*out = y - span_days(r->st) + 1;
		return TP_OK;
	}
}

/* Whether r(x) <= y (or, with @ge, r(x) >= y), for the searches; a
 * step outside the calendar ends a search, so it answers false. */
static enum tp_status
test(const struct tp_rule_env *e, const struct tp_rule *r, int32_t x,
     int32_t y, bool ge, bool *ok)
{
	int32_t v = 0;
	enum tp_status rc = tp_rule_apply(e, r, x, &v);
	*ok = rc == TP_OK && (ge ? v >= y : v <= y);
	return rc;
}

enum tp_status
tp_rule_latest(const struct tp_rule_env *e, const struct tp_rule *r,
	       int32_t y, int32_t *out)
{
	struct tp_error quiet;
	int32_t x = 0, next = 0;
	bool ok = false;
	enum tp_status rc = guess(e, r, y, &x);
	if (rc == TP_OK)
		rc = tp_dom_down(e, r->in, x, &x);
	/* Down until r(x) <= y, then up while the next day still is. */
	while (rc == TP_OK && (rc = test(e, r, x, y, false, &ok)) == TP_OK &&
	       !ok)
		rc = dom_step(e, r->in, x, -1, e->err, &x);
	while (rc == TP_OK &&
	       dom_step(e, r->in, x, 1, &quiet, &next) == TP_OK) {
		struct tp_rule_env q = {e->plan, &quiet};
		if (test(&q, r, next, y, false, &ok) != TP_OK || !ok)
			break;
		x = next;
	}
	if (rc == TP_OK)
		*out = x;
	return rc;
}

enum tp_status
tp_rule_earliest(const struct tp_rule_env *e, const struct tp_rule *r,
		 int32_t y, int32_t *out)
{
	struct tp_error quiet;
	int32_t x = 0, prev = 0;
	bool ok = false;
	enum tp_status rc = guess(e, r, y, &x);
	if (rc == TP_OK)
		rc = tp_dom_up(e, r->in, x, &x);
	/* Up until r(x) >= y, then down while the previous day still is. */
	while (rc == TP_OK && (rc = test(e, r, x, y, true, &ok)) == TP_OK &&
	       !ok)
		rc = dom_step(e, r->in, x, 1, e->err, &x);
	while (rc == TP_OK &&
	       dom_step(e, r->in, x, -1, &quiet, &prev) == TP_OK) {
		struct tp_rule_env q = {e->plan, &quiet};
		if (test(&q, r, prev, y, true, &ok) != TP_OK || !ok)
			break;
		x = prev;
	}
	if (rc == TP_OK)
		*out = x;
	return rc;
}
