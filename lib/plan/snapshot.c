/* SPDX-License-Identifier: MIT */
/* Snapshots of a schedule and the SEQUENCE rule: see tp-revision.h. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/xmlstring.h>

#include "error-private.h"
#include "meeting-private.h"
#include "plan-doc-private.h"
#include "snapshot-private.h"
#include "text-private.h"

static const char *const kind_names[] = {
	[TP_SNAPSHOT_REVISION] = "revision",
	[TP_SNAPSHOT_BASELINE] = "baseline",
};

#define N_KINDS (sizeof(kind_names) / sizeof(kind_names[0]))

const char *
tp_snapshot_kind_name(enum tp_snapshot_kind kind)
{
	return (unsigned)kind < N_KINDS ? kind_names[kind] : NULL;
}

enum tp_status
tp_snapshot_kind_from_name(const char *name, enum tp_snapshot_kind *out,
			   struct tp_error *err)
{
	for (size_t i = 0; name && out && i < N_KINDS; i++) {
		if (!strcmp(name, kind_names[i])) {
			*out = (enum tp_snapshot_kind)i;
			return TP_OK;
		}
	}
	return tp_error_setf(err, TP_ERR_INVALID, NULL,
			     "unknown snapshot kind '%s' (valid: revision, "
			     "baseline)",
			     name ? name : "");
}

/* ---- checks ----------------------------------------------------------- */

static bool
id_ok(const char *s, size_t max)
{
	size_t n = 0;

	for (; s && s[n]; n++) {
		char c = s[n];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '-' || c == '_' ||
		      c == '.'))
			return false;
	}
	return n >= 1 && n <= max;
}

static bool
zone_ok(const char *s)
{
	size_t n = 0;

	for (; s[n]; n++)
		if (s[n] <= ' ' || s[n] > '~')
			return false;
	return n >= 1 && n <= 63;
}

/* Text XML 1.0 can carry: valid UTF-8, no control characters but tab,
 * newline and carriage return; at most 4096 bytes as the schema says. */
static bool
text_ok(const char *s)
{
	if (!s)
		return true;
	if (strlen(s) > 4096 || xmlCheckUTF8((const xmlChar *)s) == 0)
		return false;
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 && *s != '\t' && *s != '\n' &&
		    *s != '\r')
			return false;
	return true;
}

/* ---- the snapshot ----------------------------------------------------- */

enum tp_status
tp_snapshot_new(enum tp_snapshot_kind kind, uint32_t revision, int64_t taken,
		const char *plan_id, const char *time_zone,
		struct tp_snapshot **out, struct tp_error *err)
{
	struct tp_snapshot *s;

	if (!out || !tp_snapshot_kind_name(kind) || taken < 0)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "snapshot: bad kind or time taken");
	if (plan_id && !id_ok(plan_id, 255))
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "snapshot: bad plan id '%s'", plan_id);
	if (!time_zone)
		time_zone = TP_DEFAULT_TIME_ZONE;
	if (!zone_ok(time_zone))
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "snapshot: bad time zone '%s'", time_zone);
	s = calloc(1, sizeof(*s));
	if (!s)
		return tp_error_nomem(err);
	s->kind = kind;
	s->revision = revision;
	s->taken = taken;
	s->time_zone = strdup(time_zone);
	s->plan_id = plan_id ? strdup(plan_id) : NULL;
	if (!s->time_zone || (plan_id && !s->plan_id)) {
		tp_snapshot_free(s);
		return tp_error_nomem(err);
	}
	*out = s;
	return TP_OK;
}

static void
list_free(struct tp_snap_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->recs[i].id);
		free(l->recs[i].name);
	}
	free(l->recs);
	free(l->slots);
}

void
tp_snapshot_free(struct tp_snapshot *snap)
{
	if (!snap)
		return;
	list_free(&snap->stages);
	list_free(&snap->series);
	free(snap->plan_id);
	free(snap->time_zone);
	free(snap);
}

static uint32_t
id_hash(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static size_t
find_slot(const struct tp_snap_list *l, const char *id)
{
	size_t mask = l->n_slots - 1, i = id_hash(id) & mask;

	while (l->slots[i] && strcmp(l->recs[l->slots[i] - 1].id, id))
		i = (i + 1) & mask;
	return i;
}

static const struct tp_snap_rec *
list_find(const struct tp_snap_list *l, const char *id)
{
	size_t i;

	if (!l->n_slots || !id)
		return NULL;
	i = find_slot(l, id);
	return l->slots[i] ? &l->recs[l->slots[i] - 1] : NULL;
}

static const struct tp_snap_rec *
find_rec(const struct tp_snapshot *s, const char *id)
{
	return s ? list_find(&s->stages, id) : NULL;
}

static const struct tp_snap_rec *
find_series(const struct tp_snapshot *s, const char *id)
{
	return s ? list_find(&s->series, id) : NULL;
}

/* Keep the table at most half full. */
static enum tp_status
grow_slots(struct tp_snap_list *l, struct tp_error *err)
{
	size_t n = l->n_slots ? l->n_slots * 2 : 64;
	uint32_t *old = l->slots;
	size_t old_n = l->n_slots;

	if (2 * (l->n + 1) <= l->n_slots)
		return TP_OK;
	l->slots = calloc(n, sizeof(*l->slots));
	if (!l->slots) {
		l->slots = old;
		return tp_error_nomem(err);
	}
	l->n_slots = n;
	for (size_t i = 0; i < old_n; i++)
		if (old[i])
			l->slots[find_slot(l, l->recs[old[i] - 1].id)] = old[i];
	free(old);
	return TP_OK;
}

static enum tp_status
check_stage(const struct tp_snap_list *l, const char *what,
	    const struct tp_snapshot_stage *st, struct tp_error *err)
{
	if (!st || !id_ok(st->id, TP_STAGE_ID_MAX))
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "snapshot: bad %s id '%s'", what,
				     st && st->id ? st->id : "");
	if (list_find(l, st->id))
		return tp_error_setf(err, TP_ERR_INVALID, st->id,
				     "snapshot: %s '%s' appears twice", what,
				     st->id);
	if (!text_ok(st->name))
		return tp_error_setf(err, TP_ERR_INVALID, st->id,
				     "snapshot: %s '%s' has a name XML "
				     "cannot hold",
				     what, st->id);
	if (tp_date_compare(st->finish, st->start) < 0 ||
	    !tp_date_in_range(st->start) || !tp_date_in_range(st->finish))
		return tp_error_setf(err, TP_ERR_INVALID, st->id,
				     "snapshot: %s '%s' has bad dates", what,
				     st->id);
	if (st->minutes < -1 || st->minutes > 24 * 60 - 1)
		return tp_error_setf(err, TP_ERR_INVALID, st->id,
				     "snapshot: %s '%s' has a bad time", what,
				     st->id);
	if (l->n >= (size_t)UINT32_MAX - 1)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "snapshot: too many records");
	return TP_OK;
}

static enum tp_status
list_add(struct tp_snap_list *l, const char *what,
	 const struct tp_snapshot_stage *stage, struct tp_error *err)
{
	struct tp_snap_rec r = {0};
	enum tp_status rc = check_stage(l, what, stage, err);

	if (rc == TP_OK)
		rc = grow_slots(l, err);
	if (rc != TP_OK)
		return rc;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 32;
		struct tp_snap_rec *p = realloc(l->recs, cap * sizeof(*p));
		if (!p)
			return tp_error_nomem(err);
		l->recs = p;
		l->cap = cap;
	}
	r.id = strdup(stage->id);
	r.name = stage->name ? strdup(stage->name) : NULL;
	if (!r.id || (stage->name && !r.name)) {
		free(r.id);
		free(r.name);
		return tp_error_nomem(err);
	}
	r.start = stage->start;
	r.finish = stage->finish;
	r.minutes = stage->minutes;
	r.hash = stage->text_hash;
	r.sequence = stage->sequence;
	r.removed = stage->removed;
	l->recs[l->n++] = r;
	l->slots[find_slot(l, r.id)] = (uint32_t)l->n;
	return TP_OK;
}

enum tp_status
tp_snapshot_add_stage(struct tp_snapshot *snap,
		      const struct tp_snapshot_stage *stage,
		      struct tp_error *err)
{
	if (!snap)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "no snapshot given");
	return list_add(&snap->stages, "stage", stage, err);
}

enum tp_status
tp_snapshot_add_series(struct tp_snapshot *snap,
		       const struct tp_snapshot_stage *series,
		       struct tp_error *err)
{
	if (!snap)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "no snapshot given");
	if (series && series->minutes != -1)
		return tp_error_setf(err, TP_ERR_INVALID, series->id,
				     "snapshot: a meeting series has no time "
				     "of day");
	return list_add(&snap->series, "meeting series", series, err);
}

enum tp_snapshot_kind
tp_snapshot_kind(const struct tp_snapshot *snap)
{
	return snap ? snap->kind : TP_SNAPSHOT_REVISION;
}

uint32_t
tp_snapshot_revision(const struct tp_snapshot *snap)
{
	return snap ? snap->revision : 0;
}

int64_t
tp_snapshot_taken(const struct tp_snapshot *snap)
{
	return snap ? snap->taken : 0;
}

const char *
tp_snapshot_plan_id(const struct tp_snapshot *snap)
{
	return snap ? snap->plan_id : NULL;
}

const char *
tp_snapshot_time_zone(const struct tp_snapshot *snap)
{
	return snap ? snap->time_zone : TP_DEFAULT_TIME_ZONE;
}

size_t
tp_snapshot_stage_count(const struct tp_snapshot *snap)
{
	return snap ? snap->stages.n : 0;
}

size_t
tp_snapshot_series_count(const struct tp_snapshot *snap)
{
	return snap ? snap->series.n : 0;
}

static void
rec_out(const struct tp_snap_rec *r, struct tp_snapshot_stage *out)
{
	*out = (struct tp_snapshot_stage){r->id,       r->name,    r->start,
					  r->finish,   r->minutes, r->hash,
					  r->sequence, r->removed};
}

bool
tp_snapshot_stage(const struct tp_snapshot *snap, size_t i,
		  struct tp_snapshot_stage *out)
{
	if (!snap || i >= snap->stages.n || !out)
		return false;
	rec_out(&snap->stages.recs[i], out);
	return true;
}

bool
tp_snapshot_series(const struct tp_snapshot *snap, size_t i,
		   struct tp_snapshot_stage *out)
{
	if (!snap || i >= snap->series.n || !out)
		return false;
	rec_out(&snap->series.recs[i], out);
	return true;
}

bool
tp_snapshot_find_stage(const struct tp_snapshot *snap, const char *id,
		       struct tp_snapshot_stage *out)
{
	const struct tp_snap_rec *r = find_rec(snap, id);

	if (r && out)
		rec_out(r, out);
	return r != NULL;
}

const struct tp_snap_rec *
tp_snapshot_rec(const struct tp_snapshot *snap, size_t i)
{
	return &snap->stages.recs[i];
}

const struct tp_snap_rec *
tp_snapshot_series_rec(const struct tp_snapshot *snap, size_t i)
{
	return &snap->series.recs[i];
}

/* ---- text hash -------------------------------------------------------- */

enum tp_status
tp_dep_index_build(const struct tp_plan *plan, struct tp_dep_index *idx,
		   struct tp_error *err)
{
	size_t ns = tp_plan_stage_count(plan),
	       nd = tp_plan_dependency_count(plan);
	struct tp_dependency d;

	idx->start = calloc(ns + 2, sizeof(*idx->start));
	idx->deps = calloc(nd + 1, sizeof(*idx->deps));
	if (!idx->start || !idx->deps) {
		tp_dep_index_free(idx);
		return tp_error_nomem(err);
	}
	for (size_t i = 0; tp_plan_dependency(plan, i, &d); i++)
		idx->start[d.to + 2]++;
	for (size_t s = 2; s <= ns + 1; s++)
		idx->start[s] += idx->start[s - 1];
	for (size_t i = 0; tp_plan_dependency(plan, i, &d); i++)
		idx->deps[idx->start[d.to + 1]++] = i;
	return TP_OK;
}

void
tp_dep_index_free(struct tp_dep_index *idx)
{
	free(idx->start);
	free(idx->deps);
	idx->start = NULL;
	idx->deps = NULL;
}

/* FNV-1a, 64 bits, over strings each ended by a NUL. */
static uint64_t
mix(uint64_t h, const char *s)
{
	s = s ? s : "";
	return tp_fnv1a(h, s, strlen(s) + 1);
}

static uint64_t
mix_dep(uint64_t h, const struct tp_plan *plan, size_t i)
{
	struct tp_dependency d;
	char buf[48];

	if (!tp_plan_dependency(plan, i, &d))
		return h;
	snprintf(buf, sizeof(buf), "%d %s", (int)d.lag,
		 tp_unit_name(d.lag_unit));
	h = mix(h, tp_plan_stage_id(plan, d.from));
	h = mix(h, tp_dep_type_name(d.type));
	return mix(h, buf);
}

uint64_t
tp_snapshot_hash_stage(const struct tp_plan *plan,
		       const struct tp_dep_index *idx, size_t stage)
{
	uint64_t h = TP_FNV1A_INIT;
	const char *name;

	if (!plan || stage >= tp_plan_stage_count(plan))
		return 0;
	name = tp_plan_stage_name(plan, stage);
	h = mix(h, name && *name ? name : tp_plan_stage_id(plan, stage));
	h = mix(h, tp_stage_kind_name(tp_plan_stage_kind(plan, stage)));
	h = mix(h, tp_plan_stage_owner(plan, stage));
	h = mix(h, tp_plan_stage_notes(plan, stage));
	if (idx) {
		for (size_t k = idx->start[stage]; k < idx->start[stage + 1];
		     k++)
			h = mix_dep(h, plan, idx->deps[k]);
		return h;
	}
	for (size_t i = 0; i < tp_plan_dependency_count(plan); i++) {
		struct tp_dependency d;
		if (tp_plan_dependency(plan, i, &d) && d.to == stage)
			h = mix_dep(h, plan, i);
	}
	return h;
}

uint64_t
tp_snapshot_text_hash(const struct tp_plan *plan, size_t stage)
{
	return tp_snapshot_hash_stage(plan, NULL, stage);
}

static uint64_t
mix_day(uint64_t h, struct tp_date d)
{
	char buf[TP_DATE_STRLEN];
	return mix(h, tp_date_format(d, buf));
}

static uint64_t
mix_int(uint64_t h, long v)
{
	char buf[21];
	return mix(h, tp_llong_text(v, buf));
}

uint64_t
tp_snapshot_hash_series(const struct tp_schedule *sched, size_t series)
{
	const struct tp_plan *plan = tp_schedule_plan(sched);
	const struct tp_meeting_rec *m;
	uint64_t h = TP_FNV1A_INIT;

	if (!plan || series >= tp_plan_meeting_series_count(plan))
		return 0;
	m = tp_meeting_at(plan, (uint32_t)series);
	h = mix(mix(mix(h, m->id), m->name), m->rule);
	h = mix_day(mix_day(h, m->rule_from), m->rule_first);
	for (size_t i = 0; i < m->n_dates; i++)
		h = mix_day(h, m->dates[i]);
	h = mix(h, "except");
	for (size_t i = 0; i < m->n_except; i++)
		h = mix_day(h, m->except[i]);
	h = mix_int(mix_int(h, m->report_days), m->call_in_days);
	tp_plan_foreach_stage (plan, s) {
		const char *name = tp_plan_stage_name(plan, s);
		if (tp_plan_stage_meeting(plan, s) != series)
			continue;
		h = mix(h, name && *name ? name : tp_plan_stage_id(plan, s));
		h = mix_day(h, tp_schedule_early_start(sched, s));
	}
	return h;
}

/* ---- the SEQUENCE rule ------------------------------------------------ */

const struct tp_snapshot *
tp_snapshot_usable(const struct tp_snapshot *since, const struct tp_plan *plan)
{
	const char *a = since ? since->plan_id : NULL, *b = tp_plan_id(plan);

	if (!since)
		return NULL;
	return (!a && !b) || (a && b && !strcmp(a, b)) ? since : NULL;
}

static bool
stage_changed(const struct tp_snapshot *since, const struct tp_snap_rec *r,
	      const struct tp_schedule *sched, const struct tp_dep_index *idx,
	      size_t s)
{
	const struct tp_plan *plan = tp_schedule_plan(sched);
	int minutes = tp_plan_stage_time(plan, s);

	if (!tp_date_equal(r->start, tp_schedule_early_start(sched, s)) ||
	    !tp_date_equal(r->finish, tp_schedule_early_finish(sched, s)) ||
	    r->minutes != minutes)
		return true;
	if (minutes >= 0 && strcmp(since->time_zone, tp_plan_time_zone(plan)))
		return true;
	return r->hash != tp_snapshot_hash_stage(plan, idx, s);
}

/* iCalendar's SEQUENCE is an INTEGER: it stops at INT32_MAX. */
static uint32_t
next_seq(uint32_t seq)
{
	return seq < INT32_MAX ? seq + 1 : seq;
}

uint32_t
tp_snapshot_sequence(const struct tp_snapshot *since,
		     const struct tp_schedule *sched,
		     const struct tp_dep_index *idx, size_t stage)
{
	const struct tp_plan *plan = tp_schedule_plan(sched);
	const struct tp_snap_rec *r;

	if (!since) {
		uint32_t rev = tp_plan_revision(plan);
		return rev > 0 ? (rev - 1 < INT32_MAX ? rev - 1 : INT32_MAX)
			       : 0;
	}
	r = find_rec(since, tp_plan_stage_id(plan, stage));
	if (!r)
		return 0;
	if (r->removed || stage_changed(since, r, sched, idx, stage))
		return next_seq(r->sequence);
	return r->sequence;
}

/* Whether series @p series's event differs from its record @p r: the day
 * it begins or what it shows (its hash, @p hash if the caller has it
 * already; NULL: worked out only when it is needed). */
static bool
series_changed(const struct tp_snap_rec *r, const struct tp_schedule *sched,
	       size_t series, const uint64_t *hash)
{
	const struct tp_meeting_rec *m =
		tp_meeting_at(tp_schedule_plan(sched), (uint32_t)series);

	return !tp_date_equal(r->start, tp_meeting_event_start(m)) ||
	       r->hash !=
		       (hash ? *hash : tp_snapshot_hash_series(sched, series));
}

/* tp_snapshot_series_sequence() with the series' hash, if the caller has
 * it already (@p hash; NULL: worked out only when it is needed). */
static uint32_t
series_sequence(const struct tp_snapshot *since,
		const struct tp_schedule *sched, size_t series,
		const uint64_t *hash)
{
	const struct tp_plan *plan = tp_schedule_plan(sched);
	const struct tp_meeting_rec *m = tp_meeting_at(plan, (uint32_t)series);
	const struct tp_snap_rec *r = find_series(since, m->id);

	if (!r)
		return tp_snapshot_sequence(NULL, sched, NULL, 0);
	if (r->removed || series_changed(r, sched, series, hash))
		return next_seq(r->sequence);
	return r->sequence;
}

uint32_t
tp_snapshot_series_sequence(const struct tp_snapshot *since,
			    const struct tp_schedule *sched, size_t series)
{
	return series_sequence(since, sched, series, NULL);
}

uint32_t
tp_snapshot_cancel_sequence(const struct tp_snap_rec *rec)
{
	return rec->removed ? rec->sequence : next_seq(rec->sequence);
}

/* ---- recording and comparing ------------------------------------------ */

static enum tp_status
record_stages(struct tp_snapshot *snap, const struct tp_snapshot *since,
	      const struct tp_schedule *sched, const struct tp_dep_index *idx,
	      struct tp_error *err)
{
	const struct tp_plan *plan = tp_schedule_plan(sched);
	enum tp_status rc = TP_OK;

	tp_plan_foreach_stage (plan, s) {
		const char *name = tp_plan_stage_name(plan, s);
		struct tp_snapshot_stage st = {
			tp_plan_stage_id(plan, s),
			name && *name ? name : NULL,
			tp_schedule_early_start(sched, s),
			tp_schedule_early_finish(sched, s),
			tp_plan_stage_time(plan, s),
			tp_snapshot_hash_stage(plan, idx, s),
			tp_snapshot_sequence(since, sched, idx, s),
			false};
		rc = tp_snapshot_add_stage(snap, &st, err);
		if (rc != TP_OK)
			return rc;
	}
	for (size_t i = 0; since && i < since->stages.n; i++) {
		const struct tp_snap_rec *r = &since->stages.recs[i];
		struct tp_snapshot_stage st;
		if (tp_plan_find_stage(plan, r->id, NULL))
			continue;
		rec_out(r, &st);
		st.sequence = tp_snapshot_cancel_sequence(r);
		st.removed = true;
		rc = tp_snapshot_add_stage(snap, &st, err);
		if (rc != TP_OK)
			return rc;
	}
	return rc;
}

/* The meeting series as their events are published now, and those of
 * @p since no longer in the plan as removed, as for stages. */
static enum tp_status
record_series(struct tp_snapshot *snap, const struct tp_snapshot *since,
	      const struct tp_schedule *sched, struct tp_error *err)
{
	const struct tp_plan *plan = tp_schedule_plan(sched);
	enum tp_status rc = TP_OK;

	for (size_t k = 0; rc == TP_OK && k < tp_plan_meeting_series_count(plan);
	     k++) {
		const struct tp_meeting_rec *m = tp_meeting_at(plan, (uint32_t)k);
		const uint64_t hash = tp_snapshot_hash_series(sched, k);
		struct tp_snapshot_stage st = {
			m->id,
			m->name && *m->name ? m->name : NULL,
			tp_meeting_event_start(m),
			tp_meeting_event_start(m),
			-1,
			hash,
			series_sequence(since, sched, k, &hash),
			false};
		rc = tp_snapshot_add_series(snap, &st, err);
	}
	for (size_t i = 0; rc == TP_OK && since && i < since->series.n; i++) {
		const struct tp_snap_rec *r = &since->series.recs[i];
		struct tp_snapshot_stage st;
		if (tp_plan_find_meeting_series(plan, r->id, NULL))
			continue;
		rec_out(r, &st);
		st.sequence = tp_snapshot_cancel_sequence(r);
		st.removed = true;
		rc = tp_snapshot_add_series(snap, &st, err);
	}
	return rc;
}

enum tp_status
tp_snapshot_record(const struct tp_schedule *sched,
		   const struct tp_snapshot *since, enum tp_snapshot_kind kind,
		   int64_t taken, struct tp_snapshot **out,
		   struct tp_error *err)
{
	const struct tp_plan *plan = sched ? tp_schedule_plan(sched) : NULL;
	struct tp_snapshot *snap = NULL;
	struct tp_dep_index idx = {0};
	enum tp_status rc;

	if (!plan || !out)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "no schedule to record");
	since = tp_snapshot_usable(since, plan);
	rc = tp_snapshot_new(kind, tp_plan_revision(plan), taken,
			     tp_plan_id(plan), tp_plan_time_zone(plan), &snap,
			     err);
	if (rc == TP_OK)
		rc = tp_dep_index_build(plan, &idx, err);
	if (rc == TP_OK)
		rc = record_stages(snap, since, sched, &idx, err);
	if (rc == TP_OK)
		rc = record_series(snap, since, sched, err);
	tp_dep_index_free(&idx);
	if (rc != TP_OK) {
		tp_snapshot_free(snap);
		return rc;
	}
	*out = snap;
	return TP_OK;
}

/* The meeting series' part of tp_snapshot_compare(). */
static void
compare_series(const struct tp_snapshot *since, const struct tp_schedule *sched,
	       struct tp_snapshot_diff *out)
{
	const struct tp_plan *plan = tp_schedule_plan(sched);

	for (size_t k = 0; k < tp_plan_meeting_series_count(plan); k++) {
		const struct tp_snap_rec *r = find_series(
			since, tp_meeting_at(plan, (uint32_t)k)->id);
		if (!r || r->removed)
			out->series_added++;
		else if (series_changed(r, sched, k, NULL))
			out->series_changed++;
		else
			out->series_same++;
	}
	for (size_t i = 0; i < since->series.n; i++)
		out->series_removed +=
			!since->series.recs[i].removed &&
			!tp_plan_find_meeting_series(
				plan, since->series.recs[i].id, NULL);
}

enum tp_status
tp_snapshot_compare(const struct tp_snapshot *since,
		    const struct tp_schedule *sched,
		    struct tp_snapshot_diff *out, struct tp_error *err)
{
	const struct tp_plan *plan = sched ? tp_schedule_plan(sched) : NULL;
	struct tp_dep_index idx = {0};
	enum tp_status rc;

	if (out)
		memset(out, 0, sizeof(*out));
	if (!since || !plan || !out)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "nothing to compare");
	rc = tp_dep_index_build(plan, &idx, err);
	if (rc != TP_OK)
		return rc;
	tp_plan_foreach_stage (plan, s) {
		const struct tp_snap_rec *r =
			find_rec(since, tp_plan_stage_id(plan, s));
		if (!r || r->removed)
			out->added++;
		else if (stage_changed(since, r, sched, &idx, s))
			out->changed++;
		else
			out->same++;
	}
	for (size_t i = 0; i < since->stages.n; i++)
		out->removed += !since->stages.recs[i].removed &&
				!tp_plan_find_stage(
					plan, since->stages.recs[i].id, NULL);
	tp_dep_index_free(&idx);
	compare_series(since, sched, out);
	return TP_OK;
}

bool
tp_snapshot_slippage(const struct tp_snapshot *snap,
		     const struct tp_schedule *sched, size_t stage,
		     int32_t *out)
{
	const struct tp_plan *plan = sched ? tp_schedule_plan(sched) : NULL;
	const struct tp_snap_rec *r;
	struct tp_date now;
	int32_t n = 0;

	if (!plan || stage >= tp_plan_stage_count(plan) || !out)
		return false;
	r = find_rec(snap, tp_plan_stage_id(plan, stage));
	if (!r || r->removed)
		return false;
	now = tp_schedule_early_finish(sched, stage);
	if (tp_calendar_working_days_between(
		    tp_plan_stage_calendar(plan, stage), r->finish, now, &n,
		    NULL) != TP_OK)
		return false;
	*out = n;
	return true;
}

/* ---- documents -------------------------------------------------------- */

size_t
tp_plan_doc_snapshot_count(const struct tp_plan_doc *doc)
{
	return doc ? doc->n_snapshots : 0;
}

const struct tp_snapshot *
tp_plan_doc_snapshot(const struct tp_plan_doc *doc, size_t i)
{
	return doc && i < doc->n_snapshots ? doc->snapshots[i] : NULL;
}

const struct tp_snapshot *
tp_plan_doc_latest_snapshot(const struct tp_plan_doc *doc,
			    enum tp_snapshot_kind kind)
{
	const struct tp_snapshot *best = NULL;

	for (size_t i = 0; doc && i < doc->n_snapshots; i++) {
		const struct tp_snapshot *s = doc->snapshots[i];
		if (s->kind == kind && (!best || s->revision >= best->revision))
			best = s;
	}
	return best;
}

enum tp_status
tp_plan_doc_take_snapshot(struct tp_plan_doc *doc, struct tp_snapshot *snap,
			  struct tp_error *err)
{
	struct tp_snapshot **p;

	if (!doc || !snap) {
		tp_snapshot_free(snap);
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "no document or snapshot given");
	}
	p = realloc(doc->snapshots, (doc->n_snapshots + 1) * sizeof(*p));
	if (!p) {
		tp_snapshot_free(snap);
		return tp_error_nomem(err);
	}
	p[doc->n_snapshots++] = snap;
	doc->snapshots = p;
	return TP_OK;
}

void
tp_plan_doc_free_snapshots(struct tp_plan_doc *doc)
{
	for (size_t i = 0; i < doc->n_snapshots; i++)
		tp_snapshot_free(doc->snapshots[i]);
	free(doc->snapshots);
	doc->snapshots = NULL;
	doc->n_snapshots = 0;
}

/* ---- times ------------------------------------------------------------ */

void
tp_snapshot_format_time(int64_t t, char buf[32])
{
	int64_t days = t / 86400, secs = t % 86400;
	struct tp_date d = {(int32_t)days};
	int y = 1970, m = 1, dd = 1;

	tp_date_to_ymd(d, &y, &m, &dd);
	if (snprintf(buf, 32, "%04d-%02d-%02dT%02d:%02d:%02dZ", y % 10000, m,
		     dd, (int)(secs / 3600), (int)(secs / 60 % 60),
		     (int)(secs % 60)) >= 32)
		buf[31] = '\0';
}

bool
tp_snapshot_parse_time(const char *s, int64_t *out)
{
	int y, m, d, hh, mm, ss, n = 0;
	struct tp_date date;

	if (!s || strlen(s) != 20 ||
	    sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &y, &m, &d, &hh, &mm, &ss,
		   &n) != 6 ||
	    n != 20 || hh > 23 || mm > 59 || ss > 59 || hh < 0 || mm < 0 ||
	    ss < 0)
		return false;
	if (tp_date_from_ymd(y, m, d, &date, NULL) != TP_OK || date.day < 0)
		return false;
	*out = (int64_t)date.day * 86400 + hh * 3600 + mm * 60 + ss;
	return true;
}
