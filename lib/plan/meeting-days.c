/* SPDX-License-Identifier: MIT */
/* The meeting days of a series, expanded only as far as they are needed
 * (#11). A rule without COUNT runs to the end of TP_YEAR_MAX: a monthly
 * Cabinet from 2025 is 2,173 meetings, and libical's iterator takes about
 * 12 us a meeting (27 ms a plan), where a tender needs a few years of
 * them. So the iterator is kept, and the days are published as views:
 * immutable arrays holding every meeting up to a day ("covered"), each
 * new one replacing the last under a mutex, the old kept until the plan
 * is freed, so a reader holding one is never left with freed memory and
 * many threads may read one plan (tp-common.h). Rules with COUNT, and
 * series of dates only, are expanded completely when added.
 *
 * libical 3.0.16's icalrecur_iterator_set_start() cannot be used to jump
 * ahead: it gives wrong dates for INTERVAL > 1 and for several BYDAY and
 * BYMONTHDAY rules (measured against the full expansion), so a view only
 * ever grows from the rule's start. */
#include "config.h"

#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "error-private.h"
#include "ical-recur-private.h"
#include "meeting-private.h"

/* A view grows by at least this many days, and at least doubles its
 * reach from the rule's start, so a plan needs few extensions. */
#define GROW_MIN_DAYS (4 * 366)

struct tp_meeting_days {
	_Atomic(struct tp_meeting_view *) view;
	pthread_mutex_t lock;		 /* guards what follows */
	icalrecur_iterator *it;		 /* NULL once the rule is done */
	int32_t pending;		 /* a day read beyond the view, or
					    INT32_MIN */
	int32_t last_raw;		 /* the last day read (repeats in one
					    day are one meeting) */
	int32_t origin;			 /* rule_from, for the growth */
	const char *id, *rule;		 /* for messages, borrowed */
	const struct tp_date *dates;	 /* given, sorted, borrowed */
	const struct tp_date *except;	 /* sorted, borrowed */
	size_t n_dates, n_except;
};

/* The index of the first of @p d[0..n) (sorted) on or after @p day. */
static size_t
lower_bound(const struct tp_date *d, size_t n, int32_t day)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (d[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static bool
sorted_has(const struct tp_date *d, size_t n, int32_t day)
{
	size_t i = lower_bound(d, n, day);
	return i < n && d[i].day == day;
}

size_t
tp_meeting_view_lower_bound(const struct tp_meeting_view *v, int32_t day)
{
	return lower_bound(v->days, v->n, day);
}

/* ---- reading the rule ------------------------------------------------- */

/* The rule's next day (several times in one day are one meeting), or
 * INT32_MAX when it is done. Under the lock. */
static int32_t
next_raw(struct tp_meeting_days *d)
{
	if (d->pending != INT32_MIN) {
		int32_t p = d->pending;
		d->pending = INT32_MIN;
		return p;
	}
	while (d->it) {
		struct icaltimetype t = icalrecur_iterator_next(d->it);
		struct tp_date day;
		if (icaltime_is_null_time(t) || t.year > TP_YEAR_MAX) {
			icalrecur_iterator_free(d->it);
			d->it = NULL;
			break;
		}
		if (tp_date_from_ymd(t.year, t.month, t.day, &day, NULL) !=
		    TP_OK)
			continue; /* before TP_YEAR_MIN */
		if (day.day == d->last_raw)
			continue;
		d->last_raw = day.day;
		return day.day;
	}
	return INT32_MAX;
}

static enum tp_status
bad_rule(const char *id, const char *rule, const char *why,
	 struct tp_error *err)
{
	return tp_error_setf(err, TP_ERR_INVALID, NULL,
			     "meeting series '%s': the rule '%.80s' %s", id,
			     rule, why);
}

/* ---- views ------------------------------------------------------------ */

struct list {
	struct tp_date *d;
	size_t n, cap;
};

static bool
push(struct list *l, int32_t day)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 32;
		void *p = realloc(l->d, cap * sizeof(*l->d));
		if (!p)
			return false;
		l->d = p;
		l->cap = cap;
	}
	l->d[l->n++].day = day;
	return true;
}

/* A new view: @old's days, then @add (sorted, after them) merged with
 * the given dates in (old->covered, covered]. */
static struct tp_meeting_view *
new_view(const struct tp_meeting_days *d, const struct tp_meeting_view *old,
	 const struct list *add, int32_t covered, bool complete)
{
	size_t g = 0, g_end = 0, n_old = old ? old->n : 0;
	int32_t after = old ? old->covered : INT32_MIN;
	struct tp_meeting_view *v;
	size_t w, a = 0;

	while (g < d->n_dates && d->dates[g].day <= after)
		g++;
	g_end = g;
	while (g_end < d->n_dates && (complete || d->dates[g_end].day <= covered))
		g_end++;
	v = malloc(sizeof(*v) + (n_old + add->n + (g_end - g) + 1) *
					sizeof(v->days[0]));
	if (!v)
		return NULL;
	if (n_old)
		memcpy(v->days, old->days, n_old * sizeof(v->days[0]));
	w = n_old;
	while (a < add->n || g < g_end) {
		int32_t x = a < add->n ? add->d[a].day : INT32_MAX;
		int32_t y = g < g_end ? d->dates[g].day : INT32_MAX;
		int32_t m = x < y ? x : y;
		if (x == m)
			a++;
		if (y == m)
			g++;
		if (w == 0 || v->days[w - 1].day != m) /* dates may repeat */
			v->days[w++].day = m;
	}
	v->n = w;
	v->covered = complete ? INT32_MAX : covered;
	v->complete = complete;
	v->older = (struct tp_meeting_view *)old;
	return v;
}

/* Read the rule up to @to (INT32_MAX: to its end) and publish the view
 * that covers it. Under the lock. */
static enum tp_status
extend(struct tp_meeting_days *d, int32_t to, struct tp_error *err)
{
	struct tp_meeting_view *old = atomic_load_explicit(&d->view,
							   memory_order_relaxed);
	int32_t from = old ? old->covered : INT32_MIN;
	struct list add = {0};
	struct tp_meeting_view *v;
	int32_t day;
	bool complete = false;

	if (old && to != INT32_MAX) {
		int64_t reach = (int64_t)from - d->origin;
		int64_t want = (int64_t)from +
			       (reach > GROW_MIN_DAYS ? reach : GROW_MIN_DAYS);
		if (want > to)
			to = want > INT32_MAX - 1 ? INT32_MAX - 1 : (int32_t)want;
	}
	for (;;) {
		day = next_raw(d);
		if (day == INT32_MAX) {
			complete = true;
			break;
		}
		if (day > to) {
			d->pending = day;
			break;
		}
		if (sorted_has(d->except, d->n_except, day))
			continue;
		if ((old ? old->n : 0) + add.n >= TP_MEETINGS_MAX) {
			free(add.d);
			return bad_rule(d->id, d->rule,
					"gives more meetings than tenderplan "
					"keeps: end it with COUNT or UNTIL",
					err);
		}
		if (!push(&add, day)) {
			free(add.d);
			return tp_error_nomem(err);
		}
	}
	v = new_view(d, old, &add, complete ? INT32_MAX : day - 1, complete);
	free(add.d);
	if (!v)
		return tp_error_nomem(err);
	atomic_store_explicit(&d->view, v, memory_order_release);
	return TP_OK;
}

enum tp_status
tp_meeting_view(const struct tp_meeting_rec *m, int32_t to,
		const struct tp_meeting_view **out, struct tp_error *err)
{
	struct tp_meeting_days *d = m->days;
	struct tp_meeting_view *v =
		atomic_load_explicit(&d->view, memory_order_acquire);
	enum tp_status rc = TP_OK;

	if (!v->complete && v->covered < to) {
		pthread_mutex_lock(&d->lock);
		v = atomic_load_explicit(&d->view, memory_order_relaxed);
		if (!v->complete && v->covered < to)
			rc = extend(d, to, err);
		v = atomic_load_explicit(&d->view, memory_order_relaxed);
		pthread_mutex_unlock(&d->lock);
	}
	*out = v; /* on failure, the view as far as it went */
	return rc;
}

/* ---- a series' days: made, checked, freed ----------------------------- */

void
tp_meeting_days_free(struct tp_meeting_days *d)
{
	struct tp_meeting_view *v;
	if (!d)
		return;
	v = atomic_load_explicit(&d->view, memory_order_relaxed);
	while (v) {
		struct tp_meeting_view *older = v->older;
		free(v);
		v = older;
	}
	if (d->it)
		icalrecur_iterator_free(d->it);
	pthread_mutex_destroy(&d->lock);
	free(d);
}

/* An iterator over the rule from @from, into d->it. */
static enum tp_status
start_rule(struct tp_meeting_days *d, const char *id, const char *rule,
	   struct tp_date from, bool *counted, struct tp_error *err)
{
	struct icalrecurrencetype r = icalrecurrencetype_from_string(rule);

	if (r.freq == ICAL_NO_RECURRENCE)
		return bad_rule(id, rule,
				"is not a recurrence rule (write it as in "
				"iCalendar, e.g. FREQ=MONTHLY;BYDAY=3TH)",
				err);
	if (r.freq < ICAL_DAILY_RECURRENCE)
		return bad_rule(id, rule, "repeats more often than daily", err);
	d->it = tp_ical_recur_new(r, from);
	if (!d->it)
		return bad_rule(id, rule, "cannot be expanded", err);
	*counted = r.count > 0;
	return TP_OK;
}

/* Every exception must cancel one of the rule's days, and no date be both
 * given and cancelled: checked with an iterator of its own, read only as
 * far as the last exception. */
static enum tp_status
check_exceptions(const struct tp_meeting_days *d, const char *id,
		 const char *rule, struct tp_date from, struct tp_error *err)
{
	struct tp_meeting_days probe = {.pending = INT32_MIN,
					.last_raw = INT32_MIN};
	enum tp_status rc = TP_OK;
	bool counted;
	size_t i = 0;

	if (!d->n_except)
		return TP_OK;
	if (rule)
		rc = start_rule(&probe, id, rule, from, &counted, err);
	while (rc == TP_OK && i < d->n_except) {
		char s[TP_DATE_STRLEN];
		struct tp_date x = d->except[i];
		int32_t day = INT32_MIN;
		if (sorted_has(d->dates, d->n_dates, x.day))
			rc = tp_error_setf(err, TP_ERR_INVALID, NULL,
					   "meeting series '%s': %s is both a "
					   "meeting and an exception",
					   id, tp_date_format(x, s));
		while (rc == TP_OK && (day = next_raw(&probe)) < x.day)
			;
		if (rc == TP_OK && day != x.day)
			rc = tp_error_setf(err, TP_ERR_INVALID, NULL,
					   "meeting series '%s': the exception "
					   "%s is not one of its meetings",
					   id, tp_date_format(x, s));
		/* the next exception may be the same day, or later */
		probe.pending = day;
		while (i < d->n_except && d->except[i].day == x.day)
			i++;
	}
	if (probe.it)
		icalrecur_iterator_free(probe.it);
	return rc;
}

enum tp_status
tp_meeting_days_new(const struct tp_meeting_rec *m,
		    struct tp_meeting_days **out, struct tp_date *first,
		    struct tp_error *err)
{
	struct tp_meeting_days *d = calloc(1, sizeof(*d));
	const struct tp_meeting_view *v;
	enum tp_status rc = TP_OK;
	bool counted = false;
	int32_t day0;

	*out = NULL;
	if (!d || pthread_mutex_init(&d->lock, NULL)) {
		free(d);
		return tp_error_nomem(err);
	}
	d->pending = d->last_raw = INT32_MIN;
	d->origin = m->rule_from.day;
	d->id = m->id;
	d->rule = m->rule ? m->rule : "";
	d->dates = m->dates;
	d->n_dates = m->n_dates;
	d->except = m->except;
	d->n_except = m->n_except;
	atomic_init(&d->view, NULL);
	if (m->rule)
		rc = start_rule(d, m->id, m->rule, m->rule_from, &counted, err);
	if (rc == TP_OK)
		rc = check_exceptions(d, m->id, m->rule, m->rule_from, err);
	/* The rule's first day, put back; then the first view: everything
	 * for a rule with COUNT (it ends), else up to that first day. */
	day0 = rc == TP_OK ? next_raw(d) : INT32_MAX;
	if (day0 != INT32_MAX)
		d->pending = day0;
	*first = day0 != INT32_MAX ? (struct tp_date){day0} : m->rule_from;
	if (rc == TP_OK)
		rc = extend(d, counted || day0 == INT32_MAX ? INT32_MAX : day0,
			    err);
	/* A first day that is an exception: read on to a meeting. */
	while (rc == TP_OK &&
	       (v = atomic_load_explicit(&d->view, memory_order_relaxed)) &&
	       v->n == 0 && !v->complete)
		rc = extend(d, v->covered + 1, err);
	if (rc == TP_OK && atomic_load_explicit(&d->view, memory_order_relaxed)
				       ->n == 0)
		rc = tp_error_setf(err, TP_ERR_INVALID, NULL,
				   "meeting series '%s' has no meetings: give "
				   "dates or a rule",
				   m->id);
	if (rc != TP_OK) {
		tp_meeting_days_free(d);
		return rc;
	}
	*out = d;
	return TP_OK;
}
