/* SPDX-License-Identifier: MIT */
/* Reading many plan files in one go, sharing one reader and one calendar
 * cache (#11; tp-plan-xml.h). */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <tenderplan/tp-plan-xml.h>

#include "error-private.h"

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

TP_EXPORT enum tp_status
tp_plan_set_read(const char *const *paths, size_t n, unsigned flags,
		 struct tp_plan_set **out, struct tp_error *err)
{
	struct names files = {0};
	struct tp_plan_set *set = NULL;
	struct tp_plan_reader *reader = NULL;
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
	if (rc == TP_OK)
		rc = tp_plan_reader_new(&reader, err);
	if (rc == TP_OK)
		tp_plan_reader_set_calendar_cache(reader, set->cache);
	for (size_t i = 0; rc == TP_OK && i < files.n; i++) {
		rc = tp_plan_reader_read_file(reader, files.v[i], flags,
					      &set->docs[set->n], err);
		if (rc == TP_OK) {
			set->paths[set->n++] = files.v[i];
			files.v[i] = NULL;
		}
	}
	tp_plan_reader_free(reader);
	if (rc == TP_OK)
		rc = check_ids(set, err);
	names_free(&files);
	if (rc != TP_OK) {
		tp_plan_set_free(set);
		return rc;
	}
	*out = set;
	return TP_OK;
}
