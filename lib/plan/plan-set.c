/* SPDX-License-Identifier: MIT */
/* Reading many plan files in one go, on every core, sharing one calendar
 * cache (#11; tp-plan-xml.h). */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/parser.h>

#include <tenderplan/tp-plan-xml.h>

#include "error-private.h"
#include "threads-private.h"

struct tp_plan_set {
	struct tp_calendar_cache *cache;
	struct tp_plan_doc **docs;
	char **paths;
	size_t n, cap;
};

TP_EXPORT void
tp_plan_set_free(struct tp_plan_set *set)
{
	if (!set)
		return;
	for (size_t i = 0; i < set->n; i++) {
		tp_plan_doc_free(set->docs[i]);
		free(set->paths[i]);
	}
	free(set->docs);
	free(set->paths);
	/* After the documents: they borrow its calendars. */
	tp_calendar_cache_free(set->cache);
	free(set);
}

TP_EXPORT size_t
tp_plan_set_count(const struct tp_plan_set *set)
{
	return set ? set->n : 0;
}

TP_EXPORT struct tp_plan_doc *
tp_plan_set_doc(struct tp_plan_set *set, size_t i)
{
	return set && i < set->n ? set->docs[i] : NULL;
}

TP_EXPORT const char *
tp_plan_set_path(const struct tp_plan_set *set, size_t i)
{
	return set && i < set->n ? set->paths[i] : NULL;
}

/* ---- the list of files ------------------------------------------------ */

struct names {
	char **v;
	size_t n, cap;
};

static bool
names_add(struct names *l, char *s)
{
	if (!s)
		return false;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		char **v = realloc(l->v, cap * sizeof(*v));
		if (!v) {
			free(s);
			return false;
		}
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = s;
	return true;
}

static void
names_free(struct names *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
}

static int
by_bytes(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool
is_plan_name(const char *name)
{
	size_t n = strlen(name);
	return name[0] != '.' && n > 4 && !strcmp(name + n - 4, ".xml");
}

static char *
join(const char *dir, const char *name)
{
	size_t a = strlen(dir), b = strlen(name);
	bool slash = a > 0 && dir[a - 1] == '/';
	char *s = malloc(a + b + 2);

	if (s)
		snprintf(s, a + b + 2, "%s%s%s", dir, slash ? "" : "/", name);
	return s;
}

/* The plan files of directory @dir, sorted, appended to @out. */
static enum tp_status
list_dir(const char *dir, struct names *out, struct tp_error *err)
{
	DIR *d = opendir(dir);
	struct names found = {0};
	struct dirent *e;
	enum tp_status rc = TP_OK;

	if (!d)
		return tp_error_set_at(err, TP_ERR_IO, dir, 0, 0,
				       "cannot open the directory: %s",
				       strerror(errno));
	while (rc == TP_OK && (e = readdir(d)))
		if (is_plan_name(e->d_name) &&
		    !names_add(&found, join(dir, e->d_name)))
			rc = tp_error_nomem(err);
	closedir(d);
	if (rc == TP_OK && found.n == 0)
		rc = tp_error_set_at(err, TP_ERR_IO, dir, 0, 0,
				     "no plan files (*.xml) in this directory");
	if (rc == TP_OK)
		qsort(found.v, found.n, sizeof(*found.v), by_bytes);
	for (size_t i = 0; i < found.n; i++) {
		if (rc == TP_OK && !names_add(out, found.v[i]))
			rc = tp_error_nomem(err);
		else if (rc != TP_OK)
			free(found.v[i]);
	}
	free(found.v);
	return rc;
}

static enum tp_status
expand(const char *const *paths, size_t n, struct names *out,
       struct tp_error *err)
{
	struct stat st;
	enum tp_status rc = TP_OK;

	for (size_t i = 0; rc == TP_OK && i < n; i++) {
		if (!paths[i])
			return tp_error_setf(err, TP_ERR_INVALID, NULL,
					     "path %zu is NULL", i);
		if (stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode))
			rc = list_dir(paths[i], out, err);
		else if (!names_add(out, strdup(paths[i])))
			rc = tp_error_nomem(err);
	}
	return rc;
}

/* ---- reading ------------------------------------------------------------ */

/* Plan ids are unique across the set: the ids of exported events and
 * tasks are derived from them. A merge sort of indexes by id (qsort has
 * no context argument), then neighbours compared. */
static enum tp_status
check_ids(struct tp_plan_set *set, struct tp_error *err)
{
	size_t *order = malloc((set->n + 1) * sizeof(*order));
	enum tp_status rc = TP_OK;

	if (!order)
		return tp_error_nomem(err);
	for (size_t i = 0; i < set->n; i++)
		order[i] = i;
	for (size_t width = 1; width < set->n; width *= 2) {
		size_t *tmp = malloc(set->n * sizeof(*tmp));
		if (!tmp) {
			free(order);
			return tp_error_nomem(err);
		}
		for (size_t lo = 0; lo < set->n; lo += 2 * width) {
			size_t mid = lo + width < set->n ? lo + width : set->n;
			size_t hi = lo + 2 * width < set->n ? lo + 2 * width
							    : set->n;
			size_t a = lo, b = mid, k = lo;
			while (a < mid || b < hi) {
				const char *x = a < mid ? tp_plan_id(
						  tp_plan_doc_plan_const(
							  set->docs[order[a]]))
							: NULL;
				const char *y = b < hi ? tp_plan_id(
						 tp_plan_doc_plan_const(
							 set->docs[order[b]]))
						       : NULL;
				if (b >= hi || (a < mid &&
						strcmp(x ? x : "", y ? y : "") <= 0))
					tmp[k++] = order[a++];
				else
					tmp[k++] = order[b++];
			}
		}
		free(order);
		order = tmp;
	}
	for (size_t k = 1; rc == TP_OK && k < set->n; k++) {
		const char *x = tp_plan_id(
			tp_plan_doc_plan_const(set->docs[order[k - 1]]));
		const char *y =
			tp_plan_id(tp_plan_doc_plan_const(set->docs[order[k]]));
		size_t i = order[k - 1] < order[k] ? order[k - 1] : order[k];
		size_t j = order[k - 1] < order[k] ? order[k] : order[k - 1];
		if (x && y && !strcmp(x, y) &&
		    !strcmp(set->paths[i], set->paths[j]))
			rc = tp_error_set_at(err, TP_ERR_INVALID,
					     set->paths[j], 0, 0,
					     "this plan file is named twice");
		else if (x && y && !strcmp(x, y))
			rc = tp_error_set_at(
				err, TP_ERR_INVALID, set->paths[j], 0, 0,
				"plan id '%.64s' is also the id of %.100s; "
				"give each plan its own id (their calendar "
				"events would share UIDs)",
				y, set->paths[i]);
	}
	free(order);
	return rc;
}

/* ---- reading on several threads -------------------------------------- */

/* Files per thread at the least. A thread costs tens of microseconds, a
 * small file about 130 (a 24-stage tender on the 2-core test machine),
 * but the first calendar of a set takes a millisecond to build, under the
 * cache's lock: below a few files a second thread mostly waits. */
#define SET_FILES_PER_THREAD 4

/* The files to read and what came of them, shared by the threads. Each
 * takes the next file in order; once a file has failed, no file after it
 * is begun, and the error kept is that of the first failing file in
 * order, as a reading from start to end would have stopped there: every
 * file before it was taken before it and is read to the end. */
struct job {
	char *const *files;
	size_t n;
	unsigned flags;
	struct tp_plan_doc **docs; /* docs[i] from files[i], by its reader */
	pthread_mutex_t lock;      /* guards what follows */
	size_t next;               /* the next file to take */
	size_t failed;             /* the first file that failed, or n */
	enum tp_status rc;         /* its status and error */
	struct tp_error err;
};

struct worker {
	struct job *job;
	struct tp_plan_reader *reader;
	pthread_t thread;
	bool running; /* thread started */
};

/* The next file to read, or n when there is none worth reading. */
static size_t
take(struct job *j)
{
	size_t i;

	pthread_mutex_lock(&j->lock);
	i = j->next < j->failed ? j->next++ : j->n;
	pthread_mutex_unlock(&j->lock);
	return i;
}

static void
record_failure(struct job *j, size_t i, enum tp_status rc,
	       const struct tp_error *err)
{
	pthread_mutex_lock(&j->lock);
	if (i < j->failed) {
		j->failed = i;
		j->rc = rc;
		j->err = *err;
	}
	pthread_mutex_unlock(&j->lock);
}

static void *
work(void *arg)
{
	struct worker *w = arg;
	struct job *j = w->job;
	struct tp_error err = {0};
	size_t i;

	while ((i = take(j)) < j->n) {
		enum tp_status rc = tp_plan_reader_read_file(
			w->reader, j->files[i], j->flags, &j->docs[i], &err);
		if (rc != TP_OK)
			record_failure(j, i, rc, &err);
	}
	return NULL;
}


/* A reader for each of the @t workers, sharing @cache: as many as memory
 * allows, at least one; *@made says how many. */
static enum tp_status
make_readers(struct worker *w, size_t t, struct job *j,
	     struct tp_calendar_cache *cache, size_t *made,
	     struct tp_error *err)
{
	enum tp_status rc = TP_OK;
	size_t k;

	for (k = 0; k < t; k++) {
		w[k].job = j;
		rc = tp_plan_reader_new(&w[k].reader, k ? NULL : err);
		if (rc != TP_OK)
			break;
		tp_plan_reader_set_calendar_cache(w[k].reader, cache);
	}
	*made = k;
	return k ? TP_OK : rc;
}

static void
free_readers(struct worker *w, size_t t)
{
	for (size_t k = 0; k < t; k++)
		tp_plan_reader_free(w[k].reader);
}

/* Run work() on @t workers, w[0] on this thread: a thread that cannot be
 * started leaves its files to the others. */
static void
run(struct worker *w, size_t t)
{
	/* Before libxml2 is first used from a new thread: its own
	 * initialisation is guarded, but its per-thread state assumes that
	 * it has run. */
	if (t > 1)
		xmlInitParser();
	for (size_t k = 1; k < t; k++)
		w[k].running = !pthread_create(&w[k].thread, NULL, work, &w[k]);
	work(&w[0]);
	for (size_t k = 1; k < t; k++)
		if (w[k].running)
			pthread_join(w[k].thread, NULL);
}

/* Read files[0..n) into docs[0..n) with a thread per core, at most
 * TP_MAX_THREADS and at least SET_FILES_PER_THREAD files each,
 * this one among them. On an error every document read is freed and
 * docs[] is all NULL again. */
static enum tp_status
read_all(char *const *files, size_t n, unsigned flags,
	 struct tp_calendar_cache *cache, struct tp_plan_doc **docs,
	 struct tp_error *err)
{
	struct worker one = {0}, *w = &one;
	struct job j = {.files = files, .n = n, .flags = flags, .docs = docs,
			.failed = n};
	size_t t = tp_thread_count(0, n / SET_FILES_PER_THREAD);

	if (t > 1 && !(w = calloc(t, sizeof(*w)))) {
		w = &one;
		t = 1;
	}
	j.rc = make_readers(w, t, &j, cache, &t, err);
	if (j.rc == TP_OK && pthread_mutex_init(&j.lock, NULL))
		j.rc = tp_error_nomem(err);
	if (j.rc != TP_OK)
		goto out;
	run(w, t);
	pthread_mutex_destroy(&j.lock);
	if (j.failed < n) {
		for (size_t i = 0; i < n; i++) {
			tp_plan_doc_free(docs[i]);
			docs[i] = NULL;
		}
		if (err)
			*err = j.err;
	}
out:
	free_readers(w, t);
	if (w != &one)
		free(w);
	return j.rc;
}

TP_EXPORT enum tp_status
tp_plan_set_read(const char *const *paths, size_t n, unsigned flags,
		 struct tp_plan_set **out, struct tp_error *err)
{
	struct names files = {0};
	struct tp_plan_set *set = NULL;
	enum tp_status rc;

	if ((!paths && n) || !out)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "tp_plan_set_read needs the paths and a "
				     "place for the set");
	rc = expand(paths, n, &files, err);
	if (rc == TP_OK && !(set = calloc(1, sizeof(*set))))
		rc = tp_error_nomem(err);
	if (rc == TP_OK && files.n &&
	    (!(set->docs = calloc(files.n, sizeof(*set->docs))) ||
	     !(set->paths = calloc(files.n, sizeof(*set->paths)))))
		rc = tp_error_nomem(err);
	if (rc == TP_OK)
		rc = tp_calendar_cache_new(&set->cache, err);
	if (rc == TP_OK && files.n)
		rc = read_all(files.v, files.n, flags, set->cache, set->docs,
			      err);
	if (rc == TP_OK) {
		for (size_t i = 0; i < files.n; i++) {
			set->paths[i] = files.v[i];
			files.v[i] = NULL;
		}
		set->n = files.n;
		rc = check_ids(set, err);
	}
	names_free(&files);
	if (rc != TP_OK) {
		tp_plan_set_free(set);
		return rc;
	}
	*out = set;
	return TP_OK;
}
