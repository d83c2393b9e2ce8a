/* SPDX-License-Identifier: MIT */
/* Calendars built once per distinct definition and lent to every plan
 * document that describes the same one (#11; tp-plan-xml.h).
 *
 * A definition is written out as a key: the kind (a plan's own calendar or
 * a statute's), the region, the year range, every extra holiday and
 * closure with its name (names reach exports through
 * tp_calendar_day_info()), and for an imported iCalendar file its path as
 * opened, its mode and its identity on disk (device, inode, size and
 * modification time, so that a file rewritten between two reads is read
 * again). Keys are hashed with SipHash-1-3 under a random key per cache
 * into an open-addressed table.
 *
 * Several threads may use one cache at once (tp_plan_set_read() reads with
 * one reader per thread): a mutex guards the table from the lookup to the
 * insertion, the building of a missing calendar included, so that each
 * definition is built once and libical, which the import of an iCalendar
 * file uses, is never entered by two builds of one cache at once. The key
 * is written outside the lock. Entries hold pointers to their calendars,
 * so growing the table or dropping an entry moves no calendar lent out. */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <tenderplan/tp-plan-xml.h>

#include "calendar-cache-private.h"
#include "error-private.h"
#include "plan-doc-private.h"
#include "siphash-private.h"

struct entry {
	uint64_t hash;
	char *key;
	size_t len;
	struct tp_calendar *cal; /* owned */
};

struct tp_calendar_cache {
	uint64_t sipkey[2];
	pthread_mutex_t lock; /* guards what follows */
	struct entry *slots;  /* cap slots, empty when key is NULL */
	size_t cap, count;
};

struct key {
	char *p;
	size_t n, cap;
	bool nomem;
};

static void
key_put(struct key *k, const void *data, size_t n)
{
	if (k->nomem)
		return;
	if (k->n + n > k->cap) {
		size_t cap = (k->n + n) * 2 + 64;
		char *p = realloc(k->p, cap);
		if (!p) {
			k->nomem = true;
			return;
		}
		k->p = p;
		k->cap = cap;
	}
	memcpy(k->p + k->n, data, n);
	k->n += n;
}

static void
key_int(struct key *k, int64_t v)
{
	key_put(k, &v, sizeof(v));
}

/* A string with its length, so that no two lists share a key. */
static void
key_str(struct key *k, const char *s)
{
	size_t n = s ? strlen(s) : SIZE_MAX;
	key_put(k, &n, sizeof(n));
	if (s)
		key_put(k, s, n);
}

TP_EXPORT enum tp_status
tp_calendar_cache_new(struct tp_calendar_cache **out, struct tp_error *err)
{
	struct tp_calendar_cache *c;

	if (!out)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "no place to store the cache");
	c = calloc(1, sizeof(*c));
	if (!c || pthread_mutex_init(&c->lock, NULL)) {
		free(c);
		return tp_error_nomem(err);
	}
	tp_siphash_random_key(c->sipkey, c);
	*out = c;
	return TP_OK;
}

TP_EXPORT void
tp_calendar_cache_free(struct tp_calendar_cache *cache)
{
	if (!cache)
		return;
	for (size_t i = 0; i < cache->cap; i++) {
		free(cache->slots[i].key);
		tp_calendar_free(cache->slots[i].cal);
	}
	free(cache->slots);
	pthread_mutex_destroy(&cache->lock);
	free(cache);
}

TP_EXPORT size_t
tp_calendar_cache_count(const struct tp_calendar_cache *cache)
{
	/* The lock is not part of the cache's value: const as a getter. */
	pthread_mutex_t *lock = cache ? (pthread_mutex_t *)&cache->lock : NULL;
	size_t n;

	if (!cache)
		return 0;
	pthread_mutex_lock(lock);
	n = cache->count;
	pthread_mutex_unlock(lock);
	return n;
}

static struct entry *
find_slot(struct entry *slots, size_t cap, uint64_t hash, const char *key,
	  size_t len)
{
	for (size_t i = (size_t)hash & (cap - 1);; i = (i + 1) & (cap - 1)) {
		struct entry *e = &slots[i];
		if (!e->key ||
		    (e->hash == hash && e->len == len && !memcmp(e->key, key, len)))
			return e;
	}
}

static bool
grow(struct tp_calendar_cache *c)
{
	size_t cap = c->cap ? c->cap * 2 : 16;
	struct entry *slots = calloc(cap, sizeof(*slots));

	if (!slots)
		return false;
	for (size_t i = 0; i < c->cap; i++)
		if (c->slots[i].key)
			*find_slot(slots, cap, c->slots[i].hash,
				   c->slots[i].key, c->slots[i].len) =
				c->slots[i];
	free(c->slots);
	c->slots = slots;
	c->cap = cap;
	return true;
}

/* The calendar under @k, or a new entry (key taken) for the caller to
 * fill; NULL when out of memory (the key is freed). */
static struct entry *
lookup(struct tp_calendar_cache *c, struct key *k)
{
	uint64_t hash;
	struct entry *e;

	if (k->nomem || ((c->count + 1) * 4 > c->cap * 3 && !grow(c))) {
		free(k->p);
		return NULL;
	}
	hash = tp_siphash(c->sipkey, k->p, k->n, 1, 3);
	e = find_slot(c->slots, c->cap, hash, k->p, k->n);
	if (e->key) {
		free(k->p);
		return e;
	}
	e->hash = hash;
	e->key = k->p;
	e->len = k->n;
	e->cal = NULL;
	return e;
}

/* Give up an entry whose calendar could not be built. */
static void
drop(struct tp_calendar_cache *c, struct entry *e)
{
	size_t cap = c->cap;
	struct entry *slots = c->slots;
	size_t i = (size_t)(e - slots);

	free(e->key);
	e->key = NULL;
	/* Re-insert the run after the hole (linear probing deletion). */
	for (size_t j = (i + 1) & (cap - 1); slots[j].key;
	     j = (j + 1) & (cap - 1)) {
		struct entry moved = slots[j];
		slots[j].key = NULL;
		*find_slot(slots, cap, moved.hash, moved.key, moved.len) =
			moved;
	}
}

/* Builds the calendar of a definition met for the first time. */
typedef enum tp_status (*build_fn)(const void *arg, struct tp_calendar **out,
				   struct tp_error *err);

/* The calendar under @k (its text taken), built by @build from @arg if it
 * is not there yet: under the lock, so that two threads meeting a new
 * definition at once build it once. */
static enum tp_status
lend(struct tp_calendar_cache *c, struct key *k, build_fn build,
     const void *arg, const struct tp_calendar **out, struct tp_error *err)
{
	struct entry *e;
	enum tp_status rc = TP_OK;

	pthread_mutex_lock(&c->lock);
	e = lookup(c, k);
	if (!e) {
		rc = tp_error_nomem(err);
	} else if (!e->cal) {
		rc = build(arg, &e->cal, err);
		if (rc == TP_OK)
			c->count++;
		else
			drop(c, e);
	}
	if (rc == TP_OK)
		*out = e->cal;
	pthread_mutex_unlock(&c->lock);
	return rc;
}

struct plan_def {
	const struct tp_plan_doc *doc;
	const char *ics_path;
};

static enum tp_status
build_plan(const void *arg, struct tp_calendar **out, struct tp_error *err)
{
	const struct plan_def *d = arg;

	return tp_plan_doc_build_plan_calendar(d->doc, d->ics_path, NULL, 0,
					       NULL, out, err);
}

enum tp_status
tp_calendar_cache_plan(struct tp_calendar_cache *c,
		       const struct tp_plan_doc *doc, const char *ics_path,
		       const struct tp_calendar **out, struct tp_error *err)
{
	struct key k = {0};
	struct stat st;
	const struct plan_def def = {doc, ics_path};

	key_int(&k, 'P');
	key_int(&k, doc->region);
	key_int(&k, (int64_t)doc->n_holidays);
	for (size_t i = 0; i < doc->n_holidays; i++) {
		key_int(&k, doc->holidays[i].first.day);
		key_str(&k, doc->holidays[i].name);
	}
	key_int(&k, (int64_t)doc->n_closures);
	for (size_t i = 0; i < doc->n_closures; i++) {
		key_int(&k, doc->closures[i].first.day);
		key_int(&k, doc->closures[i].last.day);
		key_str(&k, doc->closures[i].name);
	}
	key_str(&k, ics_path);
	if (ics_path) {
		key_int(&k, doc->ics_mode);
		/* A file that cannot be examined fails to build below,
		 * saying why. */
		if (stat(ics_path, &st) != 0)
			memset(&st, 0, sizeof(st));
		key_int(&k, (int64_t)st.st_dev);
		key_int(&k, (int64_t)st.st_ino);
		key_int(&k, (int64_t)st.st_size);
		key_int(&k, (int64_t)st.st_mtim.tv_sec);
		key_int(&k, (int64_t)st.st_mtim.tv_nsec);
	}
	return lend(c, &k, build_plan, &def, out, err);
}

struct statute_def {
	enum tp_region region;
	int from_year, to_year;
};

static enum tp_status
build_statute(const void *arg, struct tp_calendar **out, struct tp_error *err)
{
	const struct statute_def *d = arg;
	struct tp_calendar_builder *b = NULL;
	enum tp_status rc = tp_calendar_builder_new(&b, err);

	if (rc == TP_OK)
		rc = tp_calendar_builder_set_region(b, d->region, err);
	if (rc == TP_OK)
		rc = tp_calendar_builder_set_range(b, d->from_year, d->to_year,
						   err);
	if (rc == TP_OK)
		rc = tp_calendar_builder_build(b, out, err);
	tp_calendar_builder_free(b);
	return rc;
}

enum tp_status
tp_calendar_cache_statutory(struct tp_calendar_cache *c, enum tp_region region,
			    int from_year, int to_year,
			    const struct tp_calendar **out, struct tp_error *err)
{
	struct key k = {0};
	const struct statute_def def = {region, from_year, to_year};

	key_int(&k, 'S');
	key_int(&k, region);
	key_int(&k, from_year);
	key_int(&k, to_year);
	return lend(c, &k, build_statute, &def, out, err);
}
