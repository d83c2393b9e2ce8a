/* SPDX-License-Identifier: MIT */
/* Schedule XML (data/tenderplan-schedule.xsd), written with
 * xml-out.c (libxml2 escaping the text). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <tenderplan/tp-meeting.h>

#include "error-private.h"
#include "export-private.h"
#include "text-private.h"
#include "snapshot-private.h"
#include "xml-out.h"

#define NS "urn:tenderplan:schedule:1"

/* Open Contracting Data Standard 1.1 period names (release schema,
 * tender.tenderPeriod, tender.enquiryPeriod, tender.awardPeriod,
 * contractPeriod). A period stage gives the whole period; a deadline or
 * milestone one end of it. OCDS has no standstill period: it is written
 * as "standstillPeriod", marked as an extension. */
struct ocds_map {
	enum tp_stage_kind kind;
	const char *period;
	const char *dates; /* which OCDS dates the stage gives */
	bool extension;
};

static const struct ocds_map ocds[] = {
	{TP_STAGE_TENDER_PERIOD, "tenderPeriod", "startDate endDate", false},
	{TP_STAGE_TENDER_DEADLINE, "tenderPeriod", "endDate", false},
	{TP_STAGE_CLARIFICATION_DEADLINE, "enquiryPeriod", "endDate", false},
	{TP_STAGE_EVALUATION, "awardPeriod", "startDate endDate", false},
	{TP_STAGE_AWARD, "awardPeriod", "endDate", false},
	{TP_STAGE_CONTRACT_START, "contractPeriod", "startDate", false},
	{TP_STAGE_STANDSTILL, "standstillPeriod", "startDate endDate", true},
};

static const struct ocds_map *
ocds_for(enum tp_stage_kind kind)
{
	for (size_t i = 0; i < sizeof(ocds) / sizeof(ocds[0]); i++)
		if (ocds[i].kind == kind)
			return &ocds[i];
	return NULL;
}

static const char *const shape_names[] = {"period", "milestone", "deadline"};

struct xml_ctx {
	struct tp_xo w;
	const struct tp_export_options *opt;
	const struct tp_plan *plan;
	const struct tp_schedule *sched;
	struct tp_error *err;
	struct tp_dep_index deps; /* of plan (#11) */
};

static enum tp_status
start(struct xml_ctx *c, const char *name)
{
	return tp_xo_start(&c->w, name);
}

static enum tp_status
end(struct xml_ctx *c)
{
	return tp_xo_end(&c->w);
}

static enum tp_status
attr(struct xml_ctx *c, const char *name, const char *value)
{
	return tp_xo_attr(&c->w, name, value);
}

static enum tp_status
attr_int(struct xml_ctx *c, const char *name, int32_t v)
{
	return tp_xo_attr_long(&c->w, name, v);
}

static enum tp_status
attr_date(struct xml_ctx *c, const char *name, struct tp_date d)
{
	return tp_xo_attr_date(&c->w, name, d);
}

static enum tp_status
dates(struct xml_ctx *c, const char *name, struct tp_date a, struct tp_date b)
{
	enum tp_status rc = start(c, name);
	if (rc == TP_OK)
		rc = attr_date(c, "start", a);
	if (rc == TP_OK)
		rc = attr_date(c, "finish", b);
	return rc == TP_OK ? end(c) : rc;
}

static enum tp_status
write_finding(const struct tp_export_finding *f, void *user)
{
	struct xml_ctx *c = user;
	enum tp_status rc = start(c, "finding");
	if (rc == TP_OK)
		rc = attr(c, "severity", f->severity ? f->severity : "info");
	if (rc == TP_OK && f->rule_id)
		rc = attr(c, "rule", f->rule_id);
	if (rc == TP_OK && f->citation)
		rc = attr(c, "citation", f->citation);
	if (rc == TP_OK)
		rc = tp_xo_text(&c->w, f->message);
	return rc == TP_OK ? end(c) : rc;
}

static enum tp_status
stage_attrs(struct xml_ctx *c, size_t s)
{
	const struct tp_plan *p = c->plan;
	enum tp_status rc = attr(c, "id", tp_plan_stage_id(p, s));
	if (rc == TP_OK)
		rc = attr(c, "kind",
			  tp_stage_kind_name(tp_plan_stage_kind(p, s)));
	if (rc == TP_OK)
		rc = attr(c, "shape", shape_names[tp_export_stage_shape(p, s)]);
	if (rc == TP_OK)
		rc = attr(c, "critical",
			  tp_schedule_is_critical(c->sched, s) ? "true"
							       : "false");
	int t = tp_plan_stage_time(p, s);
	if (rc == TP_OK && t >= 0) {
		char hhmm[6];
		tp_export_hhmm(t, hhmm);
		rc = attr(c, "time", hhmm);
	}
	struct tp_meeting_spec m;
	size_t of = 0;
	enum tp_derived_role role = tp_plan_stage_derived(p, s, &of);
	if (rc == TP_OK &&
	    tp_plan_meeting_series(p, tp_plan_stage_meeting(p, s), &m))
		rc = attr(c, "meeting", m.id);
	if (rc == TP_OK && role != TP_DERIVED_NONE)
		rc = attr(c, "derived",
			  role == TP_DERIVED_REPORT ? "report" : "call-in");
	if (rc == TP_OK && role != TP_DERIVED_NONE)
		rc = attr(c, "derived-from", tp_plan_stage_id(p, of));
	const char *done = tp_export_progress(p, s);
	if (rc == TP_OK && done)
		rc = attr(c, "progress", done);
	const struct ocds_map *o = ocds_for(tp_plan_stage_kind(p, s));
	if (rc == TP_OK && o)
		rc = attr(c, "ocds-period", o->period);
	if (rc == TP_OK && o)
		rc = attr(c, "ocds-dates", o->dates);
	if (rc == TP_OK && o && o->extension)
		rc = attr(c, "ocds-extension", "true");
	return rc;
}

static enum tp_status
duration(struct xml_ctx *c, size_t s)
{
	enum tp_status rc = start(c, "duration");
	if (rc == TP_OK)
		rc = attr_int(c, "amount", tp_plan_stage_amount(c->plan, s));
	if (rc == TP_OK)
		rc = attr(c, "unit",
			  tp_unit_name(tp_plan_stage_unit(c->plan, s)));
	int32_t wd = 0;
	if (rc == TP_OK)
		rc = tp_schedule_working_days(c->sched, s, TP_PASS_EARLY, &wd,
					      c->err);
	if (rc == TP_OK)
		rc = attr_int(c, "working-days", wd);
	return rc == TP_OK ? end(c) : rc;
}

static enum tp_status
predecessors(struct xml_ctx *c, size_t s)
{
	enum tp_status rc = TP_OK;
	for (size_t k = c->deps.start[s];
	     rc == TP_OK && k < c->deps.start[s + 1]; k++) {
		struct tp_dependency d;
		if (!tp_plan_dependency(c->plan, c->deps.deps[k], &d))
			continue;
		rc = start(c, "predecessor");
		if (rc == TP_OK)
			rc = attr(c, "stage",
				  tp_plan_stage_id(c->plan, d.from));
		if (rc == TP_OK)
			rc = attr(c, "type", tp_dep_type_name(d.type));
		if (rc == TP_OK)
			rc = attr_int(c, "lag", d.lag);
		if (rc == TP_OK)
			rc = attr(c, "lag-unit", tp_unit_name(d.lag_unit));
		if (rc == TP_OK)
			rc = end(c);
	}
	return rc;
}

static enum tp_status
float_elem(struct xml_ctx *c, size_t s)
{
	enum tp_status rc = start(c, "float");
	if (rc == TP_OK)
		rc = attr_int(c, "total", tp_schedule_total_float(c->sched, s));
	if (rc == TP_OK)
		rc = attr_int(c, "free", tp_schedule_free_float(c->sched, s));
	return rc == TP_OK ? end(c) : rc;
}

/* What happened, and the baseline with the slippage against it. */
static enum tp_status
actual_and_baseline(struct xml_ctx *c, size_t s)
{
	struct tp_date a, b;
	int32_t slip = 0;
	bool has_a = tp_plan_stage_actual_start(c->plan, s, &a);
	bool has_b = tp_plan_stage_actual_finish(c->plan, s, &b);
	enum tp_status rc = TP_OK;
	if (has_a || has_b) {
		rc = start(c, "actual");
		if (rc == TP_OK && has_a)
			rc = attr_date(c, "start", a);
		if (rc == TP_OK && has_b)
			rc = attr_date(c, "finish", b);
		if (rc == TP_OK)
			rc = end(c);
	}
	if (rc != TP_OK || !tp_export_baseline(c->opt, c->sched, s, &a, &b))
		return rc;
	rc = start(c, "baseline");
	if (rc == TP_OK)
		rc = attr_date(c, "start", a);
	if (rc == TP_OK)
		rc = attr_date(c, "finish", b);
	if (rc == TP_OK && tp_export_slip(c->opt, c->sched, s, &slip))
		rc = attr_int(c, "slip", slip);
	return rc == TP_OK ? end(c) : rc;
}

static enum tp_status
text_elem(struct xml_ctx *c, const char *name, const char *value)
{
	if (!value)
		return TP_OK;
	return tp_xo_elem(&c->w, name, value);
}

static enum tp_status
write_stage(struct xml_ctx *c, size_t s)
{
	const struct tp_schedule *sc = c->sched;
	enum tp_status rc = start(c, "stage");
	if (rc == TP_OK)
		rc = stage_attrs(c, s);
	if (rc == TP_OK)
		rc = text_elem(c, "name", tp_plan_stage_name(c->plan, s));
	if (rc == TP_OK)
		rc = duration(c, s);
	if (rc == TP_OK)
		rc = dates(c, "early", tp_schedule_early_start(sc, s),
			   tp_schedule_early_finish(sc, s));
	if (rc == TP_OK)
		rc = dates(c, "late", tp_schedule_late_start(sc, s),
			   tp_schedule_late_finish(sc, s));
	if (rc == TP_OK)
		rc = float_elem(c, s);
	if (rc == TP_OK)
		rc = actual_and_baseline(c, s);
	if (rc == TP_OK)
		rc = predecessors(c, s);
	if (rc == TP_OK)
		rc = text_elem(c, "owner", tp_plan_stage_owner(c->plan, s));
	if (rc == TP_OK)
		rc = text_elem(c, "notes", tp_plan_stage_notes(c->plan, s));
	if (rc == TP_OK)
		rc = tp_export_foreach_finding(c->opt, tp_plan_id(c->plan),
					       tp_plan_stage_id(c->plan, s),
					       write_finding, c);
	return rc == TP_OK ? end(c) : rc;
}

static const char *const diag_kinds[] = {
	[TP_DIAGNOSTIC_CONSTRAINT] = "constraint",
	[TP_DIAGNOSTIC_CONTRACT_START] = "contract-start",
};

static enum tp_status
write_diagnostic(struct xml_ctx *c, const struct tp_diagnostic *d)
{
	enum tp_status rc = start(c, "diagnostic");
	if (rc == TP_OK)
		rc = attr(c, "kind", diag_kinds[d->kind]);
	if (rc == TP_OK)
		rc = attr(c, "stage", tp_plan_stage_id(c->plan, d->stage));
	if (rc == TP_OK)
		rc = attr_int(c, "overrun", d->overrun);
	if (rc == TP_OK)
		rc = tp_xo_text(&c->w, d->message);
	return rc == TP_OK ? end(c) : rc;
}

static enum tp_status
plan_attrs(struct xml_ctx *c)
{
	const struct tp_plan *p = c->plan;
	enum tp_status rc = TP_OK;
	if (tp_plan_id(p))
		rc = attr(c, "id", tp_plan_id(p));
	if (rc == TP_OK)
		rc = tp_xo_attr_long(&c->w, "revision",
				     (long)tp_plan_revision(p));
	if (rc == TP_OK)
		rc = attr(c, "time-zone", tp_plan_time_zone(p));
	if (rc == TP_OK)
		rc = attr_date(c, "start", tp_schedule_plan_start(c->sched));
	if (rc == TP_OK)
		rc = attr_date(c, "finish", tp_schedule_plan_finish(c->sched));
	if (rc == TP_OK)
		rc = attr_int(c, "min-float", tp_schedule_min_float(c->sched));
	return rc;
}

/* The meetings of each series from the plan's start to its finish. */
static enum tp_status
write_series(struct xml_ctx *c, size_t k)
{
	struct tp_meeting_spec m;
	size_t n = 0;
	struct tp_date from = tp_schedule_plan_start(c->sched);
	struct tp_date to = tp_schedule_plan_finish(c->sched);
	const struct tp_date *d =
		tp_plan_meeting_dates_between(c->plan, k, from, to, &n);
	enum tp_status rc = start(c, "series");
	(void)tp_plan_meeting_series(c->plan, k, &m);
	if (rc == TP_OK)
		rc = attr(c, "id", m.id);
	if (rc == TP_OK && m.name)
		rc = attr(c, "name", m.name);
	if (rc == TP_OK)
		rc = attr_int(c, "report-days", m.report_days);
	if (rc == TP_OK)
		rc = attr_int(c, "call-in-days", m.call_in_days);
	for (size_t i = 0; rc == TP_OK && i < n; i++) {
		rc = start(c, "meeting");
		if (rc == TP_OK)
			rc = attr_date(c, "date", d[i]);
		if (rc == TP_OK)
			rc = end(c);
	}
	return rc == TP_OK ? end(c) : rc;
}

static enum tp_status
write_plan(struct xml_ctx *c)
{
	enum tp_status rc = start(c, "plan");
	if (rc == TP_OK)
		rc = plan_attrs(c);
	if (rc == TP_OK)
		rc = text_elem(c, "name", tp_plan_name(c->plan));
	tp_plan_foreach_stage (c->plan, s) {
		if (rc == TP_OK)
			rc = write_stage(c, s);
	}
	for (size_t k = 0;
	     rc == TP_OK && k < tp_plan_meeting_series_count(c->plan); k++)
		rc = write_series(c, k);
	size_t nd = tp_schedule_diagnostic_count(c->sched);
	for (size_t i = 0; rc == TP_OK && i < nd; i++)
		rc = write_diagnostic(c, tp_schedule_diagnostic(c->sched, i));
	if (rc == TP_OK)
		rc = tp_export_foreach_finding(c->opt, tp_plan_id(c->plan),
					       NULL, write_finding, c);
	return rc == TP_OK ? end(c) : rc;
}

static enum tp_status
write_document(struct xml_ctx *c, const struct tp_export_job *job)
{
	enum tp_status rc = tp_xo_declaration(&c->w, false);
	if (rc == TP_OK)
		rc = start(c, "schedule");
	if (rc == TP_OK)
		rc = attr(c, "xmlns", NS);
	if (rc == TP_OK)
		rc = attr(c, "generator", "tenderplan " TP_VERSION);
	for (size_t i = 0; rc == TP_OK && i < job->n; i++) {
		c->sched = job->scheds[i];
		c->plan = tp_schedule_plan(c->sched);
		rc = tp_dep_index_build(c->plan, &c->deps, c->err);
		if (rc == TP_OK)
			rc = write_plan(c);
		tp_dep_index_free(&c->deps);
	}
	return rc == TP_OK ? end(c) : rc;
}

enum tp_status
tp_export_xml(const struct tp_export_job *job, struct tp_sbuf *out,
	      struct tp_error *err)
{
	struct xml_ctx c = {.opt = job->opt, .err = err};
	enum tp_status rc = tp_xo_open(&c.w, out, err);
	if (rc != TP_OK)
		return rc;
	rc = write_document(&c, job);
	if (rc != TP_OK) {
		tp_xo_discard(&c.w);
		return rc;
	}
	return tp_xo_close(&c.w);
}
