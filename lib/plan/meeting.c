/* SPDX-License-Identifier: MIT */
/* Meeting series (tp-meeting.h): stored in the plan, their rule expanded
 * with libical's recurrence iterator as far as it is needed
 * (meeting-days.c, safe from many threads), and the report and call-in
 * stages and dependencies a tied stage brings. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error-private.h"
#include "meeting-private.h"
#include "suggest-private.h"
#include "text-private.h"

TP_EXPORT void
tp_meeting_spec_init(struct tp_meeting_spec *spec)
{
	if (spec)
		memset(spec, 0, sizeof(*spec));
}

void
tp_meeting_label(const struct tp_meeting_rec *m, char *buf, size_t size)
{
	if (m->name && *m->name)
		snprintf(buf, size, "'%s' (%s)", m->id, m->name);
	else
		snprintf(buf, size, "'%s'", m->id);
	tp_utf8_mend_end(buf);
}

static int
cmp_day(const void *a, const void *b)
{
	const struct tp_date *x = a, *y = b;
	return (x->day > y->day) - (x->day < y->day);
}

/* ---- checking and expanding a series ---------------------------------- */

static bool
id_ok(const char *id)
{
	size_t n = 0;
	for (; id && id[n]; n++) {
		char c = id[n];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '-' || c == '_' ||
		      c == '.'))
			return false;
	}
	return n >= 1 && n <= TP_STAGE_ID_MAX;
}

static enum tp_status
check_spec(const struct tp_plan *plan, const struct tp_meeting_spec *s,
	   struct tp_error *err)
{
	const char *id = s->id ? s->id : "";
	if (!id_ok(s->id))
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "'%.64s' is not a meeting series id: 1 "
				     "to %d letters, digits, '-', '_' or '.'",
				     id, TP_STAGE_ID_MAX);
	if (tp_plan_find_meeting_series(plan, id, NULL))
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "the plan already has a meeting series "
				     "'%s'",
				     id);
	if (s->report_days < 0 || s->report_days > TP_AMOUNT_MAX ||
	    s->call_in_days < 0 || s->call_in_days > TP_AMOUNT_MAX)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "meeting series '%s': report and call-in "
				     "days are 0 to %d",
				     id, TP_AMOUNT_MAX);
	if ((s->n_dates && !s->dates) || (s->n_except && !s->except))
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "meeting series '%s': dates missing", id);
	if (s->rule && !tp_date_in_range(s->rule_from))
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "meeting series '%s': the rule needs the "
				     "date it counts from",
				     id);
	for (size_t i = 0; i < s->n_dates + s->n_except; i++) {
		struct tp_date d = i < s->n_dates ? s->dates[i]
						  : s->except[i - s->n_dates];
		if (!tp_date_in_range(d))
			return tp_error_setf(err, TP_ERR_RANGE, NULL,
					     "meeting series '%s': a date is "
					     "outside the supported dates",
					     id);
	}
	return TP_OK;
}

/* ---- storing a series ------------------------------------------------- */

static enum tp_status
grow_meetings(struct tp_plan *plan, struct tp_error *err)
{
	uint32_t cap;
	void *p;

	if (plan->n_meetings < plan->cap_meetings)
		return TP_OK;
	if (plan->n_meetings >= TP_PLAN_MAX_ITEMS)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "too many meeting series");
	cap = plan->cap_meetings ? 2 * plan->cap_meetings : 4;
	p = realloc(plan->meetings, cap * sizeof(*plan->meetings));
	if (!p)
		return tp_error_nomem(err);
	plan->meetings = p;
	plan->cap_meetings = cap;
	return TP_OK;
}

static struct tp_date *
copy_dates(const struct tp_date *d, size_t n)
{
	struct tp_date *c = malloc((n ? n : 1) * sizeof(*c));
	if (c && n)
		memcpy(c, d, n * sizeof(*c));
	return c;
}

static void
free_rec(struct tp_meeting_rec *m)
{
	free(m->dates);
	free(m->except);
	tp_meeting_days_free(m->days);
}

static enum tp_status
fill_rec(struct tp_plan *plan, const struct tp_meeting_spec *s,
	 struct tp_meeting_rec *m, struct tp_error *err)
{
	memset(m, 0, sizeof(*m));
	m->id = tp_plan_strdup(plan, s->id);
	m->name = s->name && *s->name ? tp_plan_strdup(plan, s->name) : NULL;
	m->rule = s->rule ? tp_plan_strdup(plan, s->rule) : NULL;
	m->rule_from = s->rule_from;
	m->dates = copy_dates(s->dates, s->n_dates);
	m->except = copy_dates(s->except, s->n_except);
	m->n_dates = s->n_dates;
	m->n_except = s->n_except;
	m->report_days = s->report_days;
	m->call_in_days = s->call_in_days;
	if (!m->id || (s->name && *s->name && !m->name) ||
	    (s->rule && !m->rule) || !m->dates || !m->except) {
		free_rec(m);
		return tp_error_nomem(err);
	}
	qsort(m->dates, m->n_dates, sizeof(*m->dates), cmp_day);
	qsort(m->except, m->n_except, sizeof(*m->except), cmp_day);
	return TP_OK;
}

TP_EXPORT enum tp_status
tp_plan_add_meeting_series(struct tp_plan *plan,
			   const struct tp_meeting_spec *spec, size_t *index,
			   struct tp_error *err)
{
	struct tp_meeting_rec m;
	enum tp_status rc;

	if (!plan || !spec)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "tp_plan_add_meeting_series needs a plan "
				     "and a series");
	rc = check_spec(plan, spec, err);
	if (rc == TP_OK)
		rc = grow_meetings(plan, err);
	if (rc == TP_OK)
		rc = fill_rec(plan, spec, &m, err);
	if (rc != TP_OK)
		return rc;
	rc = tp_meeting_days_new(&m, &m.days, &m.rule_first, err);
	if (rc != TP_OK) {
		free_rec(&m);
		return rc;
	}
	plan->meetings[plan->n_meetings++] = m;
	if (index)
		*index = plan->n_meetings - 1;
	return TP_OK;
}

void
tp_meetings_free(struct tp_plan *plan)
{
	for (uint32_t i = 0; i < plan->n_meetings; i++)
		free_rec(&plan->meetings[i]);
	free(plan->meetings);
	plan->meetings = NULL;
	plan->n_meetings = plan->cap_meetings = 0;
}

TP_EXPORT size_t
tp_plan_meeting_series_count(const struct tp_plan *plan)
{
	return plan ? plan->n_meetings : 0;
}

TP_EXPORT bool
tp_plan_find_meeting_series(const struct tp_plan *plan, const char *id,
			    size_t *index)
{
	for (uint32_t i = 0; plan && id && i < plan->n_meetings; i++)
		if (!strcmp(plan->meetings[i].id, id)) {
			if (index)
				*index = i;
			return true;
		}
	return false;
}

TP_EXPORT bool
tp_plan_meeting_series(const struct tp_plan *plan, size_t series,
		       struct tp_meeting_spec *out)
{
	const struct tp_meeting_rec *m;

	if (!plan || series >= plan->n_meetings || !out)
		return false;
	m = &plan->meetings[series];
	tp_meeting_spec_init(out);
	out->id = m->id;
	out->name = m->name;
	out->rule = m->rule;
	out->rule_from = m->rule_from;
	out->dates = m->dates;
	out->n_dates = m->n_dates;
	out->except = m->except;
	out->n_except = m->n_except;
	out->report_days = m->report_days;
	out->call_in_days = m->call_in_days;
	return true;
}

TP_EXPORT const struct tp_date *
tp_plan_meeting_dates(const struct tp_plan *plan, size_t series,
		      size_t *count)
{
	const struct tp_meeting_view *v = NULL;
	if (plan && series < plan->n_meetings &&
	    tp_meeting_view(&plan->meetings[series], INT32_MAX, &v, NULL))
		v = NULL;
	if (count)
		*count = v ? v->n : 0;
	return v ? v->days : NULL;
}

TP_EXPORT const struct tp_date *
tp_plan_meeting_dates_between(const struct tp_plan *plan, size_t series,
			      struct tp_date from, struct tp_date to,
			      size_t *count)
{
	const struct tp_meeting_view *v = NULL;
	if (plan && series < plan->n_meetings && from.day <= to.day &&
	    tp_meeting_view(&plan->meetings[series], to.day, &v, NULL))
		v = NULL;
	size_t lo = v ? tp_meeting_view_lower_bound(v, from.day) : 0;
	size_t hi = v ? tp_meeting_view_lower_bound(v, to.day + 1) : 0;
	if (count)
		*count = hi - lo;
	return v && hi > lo ? v->days + lo : NULL;
}

/* ---- tying stages ----------------------------------------------------- */

static bool
finish_sourced(uint8_t type)
{
	return type == TP_DEP_FINISH_TO_START || type == TP_DEP_FINISH_TO_FINISH;
}

/* The user's dependencies into (or out of) meeting stage @v, mirrored
 * onto its report stage @r (or from its call-in stage). */
static enum tp_status
mirror_existing(struct tp_plan *plan, uint32_t v, uint32_t r,
		enum tp_derived_role role, struct tp_error *err)
{
	uint32_t n = plan->n_deps;
	enum tp_status rc = TP_OK;

	for (uint32_t i = 0; rc == TP_OK && i < n; i++) {
		struct tp_dep_rec d = plan->deps[i];
		if (d.derived || !finish_sourced(d.type))
			continue;
		if (role == TP_DERIVED_REPORT && d.to == v && d.from != r)
			rc = tp_plan_push_dep(plan, d.from, r,
					      TP_DEP_FINISH_TO_FINISH, 0,
					      TP_UNIT_WORKING_DAYS, true, err);
		else if (role == TP_DERIVED_CALL_IN && d.from == v &&
			 d.to != r)
			rc = tp_plan_push_dep(plan, r, d.to, d.type, d.lag,
					      d.unit, true, err);
	}
	return rc;
}

static enum tp_status
derived_name(struct tp_plan *plan, uint32_t v, enum tp_derived_role role,
	     char *id, size_t id_size, char *name, size_t name_size,
	     struct tp_error *err)
{
	const struct tp_stage_rec *st = &plan->stages[v];
	const char *what = role == TP_DERIVED_REPORT ? "report deadline"
						     : "end of call-in";
	int n = snprintf(id, id_size, "%s.%s", st->id,
			 role == TP_DERIVED_REPORT ? "report" : "call-in");

	if (n < 0 || (size_t)n > TP_STAGE_ID_MAX)
		return tp_error_setf(err, TP_ERR_INVALID, st->id,
				     "stage '%s' is tied to a meeting: its "
				     "id is too long to name its %s '%s' (at "
				     "most %d characters)",
				     st->id, what, id, TP_STAGE_ID_MAX);
	if (tp_plan_find_stage(plan, id, NULL))
		return tp_error_setf(err, TP_ERR_INVALID, st->id,
				     "the plan already has a stage '%s', the "
				     "id of the %s of '%s': rename that stage",
				     id, what, st->id);
	snprintf(name, name_size, "%s: %s",
		 role == TP_DERIVED_REPORT ? "Reports due" : "Call-in ends",
		 st->name && *st->name ? st->name : st->id);
	return TP_OK;
}

static enum tp_status
add_derived(struct tp_plan *plan, uint32_t v, enum tp_derived_role role,
	    int32_t days, struct tp_error *err)
{
	char id[2 * TP_STAGE_ID_MAX], name[4200];
	size_t r = 0;
	enum tp_status rc = derived_name(plan, v, role, id, sizeof(id), name,
					 sizeof(name), err);

	if (rc == TP_OK)
		rc = tp_plan_add_stage(plan, id, name,
				       role == TP_DERIVED_REPORT
					       ? TP_STAGE_COMMITTEE_REPORT
					       : TP_STAGE_CALL_IN,
				       0, TP_UNIT_WORKING_DAYS, &r, err);
	if (rc != TP_OK)
		return rc;
	plan->stages[r].derived = (uint8_t)role;
	plan->stages[r].derived_of = v + 1;
	if (role == TP_DERIVED_REPORT)
		plan->stages[v].report = (uint32_t)r + 1;
	else
		plan->stages[v].call_in = (uint32_t)r + 1;
	/* At least @days working days between the report and the meeting,
	 * and between the meeting and the end of call-in: finish-to-start
	 * counts from the next working day, so the lag is one less. */
	rc = role == TP_DERIVED_REPORT
		     ? tp_plan_push_dep(plan, (uint32_t)r, v,
					TP_DEP_FINISH_TO_START, days - 1,
					TP_UNIT_WORKING_DAYS, true, err)
		     : tp_plan_push_dep(plan, v, (uint32_t)r,
					TP_DEP_FINISH_TO_START, days - 1,
					TP_UNIT_WORKING_DAYS, true, err);
	if (rc == TP_OK)
		rc = mirror_existing(plan, v, (uint32_t)r, role, err);
	return rc;
}

static enum tp_status
unknown_series(const struct tp_plan *plan, const char *id,
	       struct tp_error *err)
{
	const char *names[64];
	size_t n = plan->n_meetings < 64 ? plan->n_meetings : 64;
	const char *near;

	for (size_t i = 0; i < n; i++)
		names[i] = plan->meetings[i].id;
	near = id ? tp_suggest_name(id, names, n) : NULL;
	return tp_error_setf(err, TP_ERR_INVALID, NULL,
			     "no meeting series '%.64s' in the plan%s%s%s",
			     id ? id : "", near ? " (did you mean '" : "",
			     near ? near : "", near ? "'?)" : "");
}

TP_EXPORT enum tp_status
tp_plan_set_stage_meeting(struct tp_plan *plan, size_t stage,
			  const char *series_id, struct tp_error *err)
{
	size_t k = 0;
	uint32_t v = (uint32_t)stage;
	const struct tp_meeting_rec *m;
	enum tp_status rc = TP_OK;

	if (!plan || stage >= plan->n_stages)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "no stage number %zu", stage);
	if (plan->stages[v].derived)
		return tp_error_setf(err, TP_ERR_INVALID, plan->stages[v].id,
				     "stage '%s' follows its meeting: it "
				     "cannot be tied to one itself",
				     plan->stages[v].id);
	if (!tp_plan_find_meeting_series(plan, series_id, &k))
		return unknown_series(plan, series_id, err);
	if (plan->stages[v].meeting == k + 1)
		return TP_OK;
	if (plan->stages[v].meeting)
		return tp_error_setf(
			err, TP_ERR_INVALID, plan->stages[v].id,
			"stage '%s' is tied to meeting series '%s' already",
			plan->stages[v].id,
			plan->meetings[plan->stages[v].meeting - 1].id);
	m = &plan->meetings[k];
	/* Both ids first, so that a refusal changes nothing. */
	for (int role = TP_DERIVED_REPORT; rc == TP_OK && role <= TP_DERIVED_CALL_IN;
	     role++) {
		char id[2 * TP_STAGE_ID_MAX], name[4200];
		if ((role == TP_DERIVED_REPORT ? m->report_days
					       : m->call_in_days) > 0)
			rc = derived_name(plan, v, (enum tp_derived_role)role,
					  id, sizeof(id), name, sizeof(name),
					  err);
	}
	if (rc != TP_OK)
		return rc;
	plan->stages[v].meeting = (uint32_t)k + 1;
	if (m->report_days > 0)
		rc = add_derived(plan, v, TP_DERIVED_REPORT, m->report_days,
				 err);
	if (rc == TP_OK && m->call_in_days > 0)
		rc = add_derived(plan, v, TP_DERIVED_CALL_IN, m->call_in_days,
				 err);
	return rc;
}

enum tp_status
tp_meetings_on_dependency(struct tp_plan *plan, uint32_t dep,
			  struct tp_error *err)
{
	struct tp_dep_rec d = plan->deps[dep];
	uint32_t report = plan->stages[d.to].report;
	uint32_t call_in = plan->stages[d.from].call_in;
	enum tp_status rc = TP_OK;

	if (d.derived || !finish_sourced(d.type))
		return TP_OK;
	if (report && d.from != report - 1)
		rc = tp_plan_push_dep(plan, d.from, report - 1,
				      TP_DEP_FINISH_TO_FINISH, 0,
				      TP_UNIT_WORKING_DAYS, true, err);
	if (rc == TP_OK && call_in && d.to != call_in - 1)
		rc = tp_plan_push_dep(plan, call_in - 1, d.to, d.type, d.lag,
				      d.unit, true, err);
	return rc;
}

TP_EXPORT size_t
tp_plan_stage_meeting(const struct tp_plan *plan, size_t stage)
{
	if (!plan || stage >= plan->n_stages || !plan->stages[stage].meeting)
		return TP_NO_MEETING;
	return plan->stages[stage].meeting - 1;
}

TP_EXPORT enum tp_derived_role
tp_plan_stage_derived(const struct tp_plan *plan, size_t stage,
		      size_t *meeting_stage)
{
	if (!plan || stage >= plan->n_stages || !plan->stages[stage].derived)
		return TP_DERIVED_NONE;
	if (meeting_stage)
		*meeting_stage = plan->stages[stage].derived_of - 1;
	return (enum tp_derived_role)plan->stages[stage].derived;
}

TP_EXPORT bool
tp_plan_dependency_is_derived(const struct tp_plan *plan, size_t dep)
{
	return plan && dep < plan->n_deps && plan->deps[dep].derived;
}
