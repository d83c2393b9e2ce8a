/* SPDX-License-Identifier: MIT */
/* Open Contracting Data Standard 1.1 release package of the planned
 * timetable, written with jansson. The field meanings are those of the
 * OCDS 1.1 release schema (standard.open-contracting.org/1.1/en/schema/):
 *
 *   tender.tenderPeriod    "the period when the tender is open for
 *                          submissions; the end date is the closing date"
 *   tender.enquiryPeriod   "the period during which potential bidders may
 *                          submit questions; the end date is the deadline"
 *   tender.awardPeriod     "the date or period on which an award is
 *                          anticipated to be made"
 *   tender.contractPeriod  "the start and end date for the contract"
 *   tender.milestones      every other stage, one entry each
 *
 * Which stage gives which field (docs/ocds.md says the same for users).
 * Each field has exactly one source, tried in this order; a stage that
 * gives a period field is not repeated as a milestone, and the second
 * stage of a kind (a final tender deadline after negotiation, say) is a
 * milestone:
 *
 *   tenderPeriod.startDate   start of the first tender-period stage; else
 *                            the itt-issue stage; else, for a single-stage
 *                            procedure (no pqq stages), the advert. These
 *                            are the invitation check.c counts from.
 *   tenderPeriod.endDate     the first tender-deadline stage (its time of
 *                            day, 12:00 in the templates); else the finish
 *                            of the tender-period stage. The deadline wins
 *                            because it is the legal time limit and carries
 *                            the time; the two fall on the same day in
 *                            every template.
 *   enquiryPeriod            from tenderPeriod.startDate (questions can be
 *                            asked once the documents are out) to the
 *                            first clarification-deadline stage; written
 *                            only when the plan has one.
 *   awardPeriod.startDate    start of the first evaluation stage.
 *   awardPeriod.endDate      the first award stage (the contract award
 *                            after the standstill); else the finish of the
 *                            evaluation.
 *   contractPeriod.startDate the first contract-start stage. There is no
 *                            endDate: a plan does not know the contract's
 *                            length.
 *
 * Date-times are local times in the plan's time zone (Europe/London by
 * default) with the UTC offset libical's zone rules give for each one: a
 * start is 00:00:00 of its day, an end or due date 23:59:59 (PCR 2015 reg
 * 2(3)-(4): a period ends at the end of its last day), unless the stage has
 * a time of day. Dates are the schedule's early dates, as in every export.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>
#include <libical/ical.h>

#include "date-private.h"
#include "error-private.h"
#include "export-private.h"
#include "ocds-private.h"

#define NONE       ((size_t)-1)
#define END_OF_DAY (24 * 3600 - 1)

/* Stage indexes by the OCDS field they give; NONE when absent. */
struct roles {
	size_t tender_start, tender_end, enquiry_end, award_start, award_end,
		contract_start, advert;
};

struct ocds_ctx {
	const struct tp_plan *plan;
	const struct tp_schedule *sched;
	icaltimezone *zone;
	struct roles r;
	bool nomem;
};

static size_t
first_of_kind(const struct tp_plan *plan, enum tp_stage_kind kind)
{
	tp_plan_foreach_stage (plan, i)
		if (tp_plan_stage_kind(plan, i) == kind)
			return i;
	return NONE;
}

static size_t
first_of(size_t a, size_t b)
{
	return a != NONE ? a : b;
}

static void
find_roles(const struct tp_plan *p, struct roles *r)
{
	size_t period = first_of_kind(p, TP_STAGE_TENDER_PERIOD);
	bool two_stage = first_of_kind(p, TP_STAGE_PQQ_DEADLINE) != NONE ||
			 first_of_kind(p, TP_STAGE_PQQ_PERIOD) != NONE;
	r->advert = first_of_kind(p, TP_STAGE_ADVERT);
	r->tender_start =
		first_of(period, first_of(first_of_kind(p, TP_STAGE_ITT_ISSUE),
					  two_stage ? NONE : r->advert));
	r->tender_end =
		first_of(first_of_kind(p, TP_STAGE_TENDER_DEADLINE), period);
	r->enquiry_end = first_of_kind(p, TP_STAGE_CLARIFICATION_DEADLINE);
	r->award_start = first_of_kind(p, TP_STAGE_EVALUATION);
	r->award_end =
		first_of(first_of_kind(p, TP_STAGE_AWARD), r->award_start);
	r->contract_start = first_of_kind(p, TP_STAGE_CONTRACT_START);
}

static bool
gives_a_period(const struct roles *r, size_t s)
{
	return s == r->tender_start || s == r->tender_end ||
	       s == r->enquiry_end || s == r->award_start ||
	       s == r->award_end || s == r->contract_start;
}

/* ---- JSON helpers: a failed allocation marks the context ---------------- */

static void
put(struct ocds_ctx *c, json_t *obj, const char *key, json_t *value)
{
	if (!obj || json_object_set_new(obj, key, value) != 0)
		c->nomem = true;
}

static void
put_str(struct ocds_ctx *c, json_t *obj, const char *key, const char *value)
{
	put(c, obj, key, json_string(value));
}

static void
put_time(struct ocds_ctx *c, json_t *obj, const char *key, struct tp_date d,
	 int seconds)
{
	char buf[TP_OCDS_DATETIME_STRLEN];
	tp_ocds_format_local(c->zone, d, seconds, buf);
	put_str(c, obj, key, buf);
}

/* The time of day of a stage's start (00:00 unless it has a time). */
static void
put_start(struct ocds_ctx *c, json_t *obj, const char *key, size_t s)
{
	int t = tp_plan_stage_time(c->plan, s);
	put_time(c, obj, key, tp_schedule_early_start(c->sched, s),
		 t >= 0 ? t * 60 : 0);
}

/* The end of a stage: its time of day, or the end of its last day. */
static void
put_end(struct ocds_ctx *c, json_t *obj, const char *key, size_t s)
{
	int t = tp_plan_stage_time(c->plan, s);
	put_time(c, obj, key, tp_schedule_early_finish(c->sched, s),
		 t >= 0 ? t * 60 : END_OF_DAY);
}

/* ---- periods --------------------------------------------------------------
 */

/* A period from the start of stage @p from to the end of stage @p to
 * (either may be NONE); nothing when both are. */
static void
put_period(struct ocds_ctx *c, json_t *tender, const char *key, size_t from,
	   size_t to)
{
	if (from == NONE && to == NONE)
		return;
	json_t *p = json_object();
	if (from != NONE)
		put_start(c, p, "startDate", from);
	if (to != NONE)
		put_end(c, p, "endDate", to);
	put(c, tender, key, p);
}

/* The tender period starts with the tender-period stage, or on the day of
 * the invitation (an itt-issue or advert milestone: its start). */
static void
put_periods(struct ocds_ctx *c, json_t *tender)
{
	const struct roles *r = &c->r;
	put_period(c, tender, "tenderPeriod", r->tender_start, r->tender_end);
	if (r->enquiry_end != NONE)
		put_period(c, tender, "enquiryPeriod", r->tender_start,
			   r->enquiry_end);
	put_period(c, tender, "awardPeriod", r->award_start, r->award_end);
	put_period(c, tender, "contractPeriod", r->contract_start, NONE);
}

/* ---- milestones -----------------------------------------------------------
 */

/* The milestoneType code (codelist milestoneType.csv, OCDS 1.1.5) of each
 * stage kind; custom stages get theirs from where they fall. */
static const char *const kind_types[] = {
	[TP_STAGE_SPECIFICATION] = "preProcurement",
	[TP_STAGE_APPROVAL_TO_ADVERTISE] = "approval",
	[TP_STAGE_ADVERT] = "engagement",
	[TP_STAGE_PQQ_PERIOD] = "engagement",
	[TP_STAGE_PQQ_DEADLINE] = "engagement",
	[TP_STAGE_PQQ_EVALUATION] = "assessment",
	[TP_STAGE_ITT_ISSUE] = "engagement",
	[TP_STAGE_CLARIFICATION_DEADLINE] = "engagement",
	[TP_STAGE_TENDER_PERIOD] = "engagement",
	[TP_STAGE_TENDER_DEADLINE] = "engagement",
	[TP_STAGE_OPENING] = "assessment",
	[TP_STAGE_EVALUATION] = "assessment",
	[TP_STAGE_MODERATION] = "assessment",
	[TP_STAGE_INTERVIEWS] = "assessment",
	[TP_STAGE_GOVERNANCE_APPROVAL] = "approval",
	/* the award decision and the standstill in which it can be
	 * challenged: "assessment and adjudication milestones" */
	[TP_STAGE_INTENTION_TO_AWARD] = "assessment",
	[TP_STAGE_STANDSTILL] = "assessment",
	[TP_STAGE_AWARD] = "approval",
	[TP_STAGE_CONTRACT_SIGNATURE] = "approval",
	/* employee liability information is a report due by a date */
	[TP_STAGE_TUPE_DEADLINE] = "reporting",
	[TP_STAGE_MOBILISATION] = "delivery",
	[TP_STAGE_CONTRACT_START] = "delivery",
	/* a report due to a committee, and the decision's call-in */
	[TP_STAGE_COMMITTEE_REPORT] = "reporting",
	[TP_STAGE_CALL_IN] = "approval",
};

/* A custom stage: preProcurement before the advert (or the tender period
 * when there is no advert), engagement until the tender deadline,
 * assessment until the award, delivery after it. */
static const char *
custom_type(const struct ocds_ctx *c, size_t s)
{
	const struct roles *r = &c->r;
	int32_t d = tp_schedule_early_start(c->sched, s).day;
	size_t begin = first_of(r->advert, r->tender_start);
	if (begin != NONE && d < tp_schedule_early_start(c->sched, begin).day)
		return "preProcurement";
	if (r->tender_end != NONE &&
	    d <= tp_schedule_early_finish(c->sched, r->tender_end).day)
		return "engagement";
	if (r->award_end == NONE ||
	    d <= tp_schedule_early_finish(c->sched, r->award_end).day)
		return "assessment";
	return "delivery";
}

static const char *
milestone_type(const struct ocds_ctx *c, size_t s)
{
	enum tp_stage_kind k = tp_plan_stage_kind(c->plan, s);
	if (k == TP_STAGE_CUSTOM ||
	    (unsigned)k >= sizeof(kind_types) / sizeof(kind_types[0]) ||
	    !kind_types[k])
		return custom_type(c, s);
	return kind_types[k];
}

static void
put_description(struct ocds_ctx *c, json_t *m, size_t s)
{
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN], d[TP_DATE_STRLEN];
	char text[200];
	struct tp_date start = tp_schedule_early_start(c->sched, s);
	struct tp_date finish = tp_schedule_early_finish(c->sched, s);
	tp_date_format(start, a);
	tp_date_format(finish, b);
	tp_date_format(tp_date_from_serial(finish.day + 1), d);
	if (tp_plan_stage_kind(c->plan, s) == TP_STAGE_STANDSTILL)
		snprintf(text, sizeof(text),
			 "Standstill from %s to the end of %s; the contract "
			 "may be entered into from %s.",
			 a, b, d);
	else if (!tp_plan_stage_is_milestone(c->plan, s))
		snprintf(text, sizeof(text), "From %s to %s.", a, b);
	else
		return;
	put_str(c, m, "description", text);
}

static json_t *
milestone(struct ocds_ctx *c, size_t s)
{
	const char *name = tp_plan_stage_name(c->plan, s);
	const char *kind = tp_stage_kind_name(tp_plan_stage_kind(c->plan, s));
	json_t *m = json_object();
	put_str(c, m, "id", tp_plan_stage_id(c->plan, s));
	put_str(c, m, "title", name ? name : kind);
	put_str(c, m, "type", milestone_type(c, s));
	put_str(c, m, "code", kind);
	put_description(c, m, s);
	put_end(c, m, "dueDate", s);
	put_str(c, m, "status", "scheduled");
	return m;
}

static void
put_milestones(struct ocds_ctx *c, json_t *tender)
{
	json_t *list = json_array();
	tp_plan_foreach_stage (c->plan, s) {
		if (gives_a_period(&c->r, s))
			continue;
		if (!list || json_array_append_new(list, milestone(c, s)) != 0)
			c->nomem = true;
	}
	if (list && json_array_size(list) == 0) {
		json_decref(list);
		return;
	}
	put(c, tender, "milestones", list);
}

/* ---- release and package --------------------------------------------------
 */

static enum tp_status
check_prefix(const char *prefix, struct tp_error *err)
{
	size_t n = strlen(prefix);
	bool ok = n > 0 && n <= 64;
	for (size_t i = 0; ok && i < n; i++)
		ok = prefix[i] > ' ' && prefix[i] < 127 && prefix[i] != '#';
	if (!ok)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "ocid prefix '%s': use 1 to 64 printable "
				     "characters without spaces or '#', such "
				     "as the 'ocds-xxxxxx' prefix registered "
				     "for the publisher",
				     prefix);
	return TP_OK;
}

static json_t *
tender_object(struct ocds_ctx *c)
{
	const char *name = tp_plan_name(c->plan);
	json_t *t = json_object();
	put_str(c, t, "id", tp_plan_id(c->plan));
	if (name)
		put_str(c, t, "title", name);
	put_str(c, t, "status", "planned");
	put_periods(c, t);
	put_milestones(c, t);
	return t;
}

/* The zone of the last plan, kept for the next: building one expands its
 * rules (milliseconds), and a portfolio's plans share one zone. */
struct zone_cache {
	const char *tzid;
	icaltimezone *zone;
};

static enum tp_status
zone_for(struct zone_cache *zc, const char *tzid, struct tp_error *err)
{
	if (zc->zone && !strcmp(zc->tzid, tzid))
		return TP_OK;
	tp_ocds_zone_free(zc->zone);
	zc->zone = NULL;
	zc->tzid = tzid;
	return tp_ocds_zone_new(tzid, &zc->zone, err);
}

static enum tp_status
release(const struct tp_schedule *s, const char *prefix, int64_t now,
	struct zone_cache *zc, json_t *releases, struct tp_error *err)
{
	struct ocds_ctx c = {.plan = tp_schedule_plan(s), .sched = s};
	const char *id = tp_plan_id(c.plan);
	char ocid[400], rel[64], date[TP_OCDS_DATETIME_STRLEN];
	if (!id)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "an OCDS export needs the plan's id for "
				     "its ocid: give the plan an id");
	enum tp_status rc = zone_for(zc, tp_plan_time_zone(c.plan), err);
	if (rc != TP_OK)
		return rc;
	c.zone = zc->zone;
	find_roles(c.plan, &c.r);
	snprintf(ocid, sizeof(ocid), "%s-%s", prefix, id);
	snprintf(rel, sizeof(rel), "tenderplan-rev-%lu",
		 (unsigned long)tp_plan_revision(c.plan));
	tp_ocds_format_instant(c.zone, now, date);
	json_t *r = json_object();
	put_str(&c, r, "ocid", ocid);
	put_str(&c, r, "id", rel);
	put_str(&c, r, "date", date);
	put(&c, r, "tag", json_pack("[s]", "planning"));
	put_str(&c, r, "initiationType", "tender");
	put_str(&c, r, "language", "en");
	put(&c, r, "tender", tender_object(&c));
	if (!r || json_array_append_new(releases, r) != 0)
		c.nomem = true;
	return c.nomem ? tp_error_setf(err, TP_ERR_NOMEM, NULL,
				       "cannot build the OCDS release (out of "
				       "memory, or text that is not UTF-8)")
		       : TP_OK;
}

/* The package without its releases ("releases": [] last), its date in
 * the first plan's zone, kept in @p zc for the releases that follow. */
static enum tp_status
package_head(const struct tp_export_job *job, int64_t now, json_t *pkg,
	     struct zone_cache *zc, struct tp_error *err)
{
	const struct tp_export_options *o = job->opt;
	const char *prefix =
		o->ocid_prefix ? o->ocid_prefix : TP_OCDS_DEFAULT_PREFIX;
	const struct tp_plan *first = tp_schedule_plan(job->scheds[0]);
	char uri[400], date[TP_OCDS_DATETIME_STRLEN];
	struct ocds_ctx c = {0};
	enum tp_status rc = check_prefix(prefix, err);

	if (rc == TP_OK)
		rc = zone_for(zc, tp_plan_time_zone(first), err);
	if (rc == TP_OK)
		tp_ocds_format_instant(zc->zone, now, date);
	if (rc != TP_OK)
		return rc;
	/* A URN names the package without claiming a web address. */
	snprintf(uri, sizeof(uri), "urn:tenderplan:ocds:%s:%s:rev-%lu", prefix,
		 tp_plan_id(first), (unsigned long)tp_plan_revision(first));
	put_str(&c, pkg, "uri", uri);
	put_str(&c, pkg, "version", "1.1");
	put_str(&c, pkg, "publishedDate", date);
	put(&c, pkg, "publisher", json_pack("{s:s}", "name", "tenderplan"));
	put(&c, pkg, "releases", json_array());
	return c.nomem ? tp_error_nomem(err) : TP_OK;
}

/* @text (jansson's JSON_INDENT(2) dump of a release) as an element of
 * the package's "releases" array: every line indented four more spaces,
 * as jansson writes it there. */
static enum tp_status
put_indented(struct tp_sbuf *out, const char *text, struct tp_error *err)
{
	enum tp_status rc = TP_OK;

	while (rc == TP_OK && *text) {
		const char *nl = strchr(text, '\n');
		size_t n = nl ? (size_t)(nl - text + 1) : strlen(text);
		rc = tp_sbuf_append(out, "    ", 4, err);
		if (rc == TP_OK)
			rc = tp_sbuf_append(out, text, n, err);
		text += n;
	}
	return rc;
}

/* What writes releases: the export and a zone of its own (libical fills
 * in a zone's changes when first asked, so threads do not share one). */
struct ocds_writer {
	const struct tp_export_job *job;
	const char *prefix;
	int64_t now;
	struct zone_cache zc;
};

/* Releases [first, first + n) of the package, each built, written and
 * freed. */
static enum tp_status
write_releases(void *state, size_t first, size_t n, struct tp_sbuf *out,
	       struct tp_error *err)
{
	struct ocds_writer *w = state;
	enum tp_status rc = TP_OK;

	for (size_t i = first; rc == TP_OK && i < first + n; i++) {
		json_t *one = json_array();
		char *text = NULL;
		rc = one ? release(w->job->scheds[i], w->prefix, w->now, &w->zc,
				   one, err)
			 : tp_error_nomem(err);
		if (rc == TP_OK && !(text = json_dumps(json_array_get(one, 0),
						       JSON_INDENT(2))))
			rc = tp_error_nomem(err);
		if (rc == TP_OK)
			rc = tp_sbuf_puts(out, i ? ",\n" : "\n", err);
		if (rc == TP_OK)
			rc = put_indented(out, text, err);
		free(text);
		json_decref(one);
	}
	return rc;
}

static void
writer_free(void *state)
{
	struct ocds_writer *w = state;

	tp_ocds_zone_free(w->zc.zone);
	free(w);
}

static enum tp_status
writer_new(const void *like, void **state, struct tp_error *err)
{
	const struct ocds_writer *base = like;
	struct ocds_writer *w = calloc(1, sizeof(*w));

	if (!w)
		return tp_error_nomem(err);
	w->job = base->job;
	w->prefix = base->prefix;
	w->now = base->now;
	*state = w;
	return TP_OK;
}

/* One release at a time (#11: the whole package as one jansson tree took
 * 0.5 GB for 10,000 tenders): the package's head, then each release
 * built, written and freed (in pieces on several threads for a large
 * portfolio), then the end; byte for byte what dumping the whole tree
 * gives. */
enum tp_status
tp_export_ocds(const struct tp_export_job *job, struct tp_sbuf *out,
	       struct tp_error *err)
{
	struct ocds_writer w = {
		.job = job,
		.prefix = job->opt->ocid_prefix ? job->opt->ocid_prefix
						: TP_OCDS_DEFAULT_PREFIX,
		.now = job->opt->dtstamp ? job->opt->dtstamp
					 : (int64_t)time(NULL),
	};
	struct tp_pieces pieces = {
		.job = job,
		.state = &w,
		.state_new = writer_new,
		.state_free = writer_free,
		.write = write_releases,
	};
	json_t *pkg = json_object();
	enum tp_status rc =
		pkg ? package_head(job, w.now, pkg, &w.zc, err)
		    : tp_error_nomem(err);
	char *head = rc == TP_OK ? json_dumps(pkg, JSON_INDENT(2)) : NULL;
	size_t hn = head ? strlen(head) : 0;

	json_decref(pkg);
	if (rc == TP_OK && (!head || hn < 4 || strcmp(head + hn - 4, "[]\n}")))
		rc = head ? tp_error_setf(err, TP_ERR_INVALID, NULL,
					  "unexpected OCDS package layout")
			  : tp_error_nomem(err);
	if (rc == TP_OK)
		rc = tp_sbuf_append(out, head, hn - 3, err); /* up to "[" */
	if (rc == TP_OK)
		rc = tp_export_pieces(&pieces, out, err);
	if (rc == TP_OK)
		rc = tp_sbuf_puts(out, job->n ? "\n  ]\n}\n" : "]\n}\n",
				  err);
	tp_ocds_zone_free(w.zc.zone);
	free(head);
	return rc;
}
