/* SPDX-License-Identifier: MIT */
/* "Did you mean ...?" for stage ids, column names and attributes: the
 * optimal string alignment distance (Levenshtein with swaps of neighbours),
 * computed in two rows and cut off at a small limit. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <tenderplan/tp-plan.h>

#include "suggest-private.h"

#define MAX_LEN 255 /* longer names are never suggested */

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static size_t
min3(size_t a, size_t b, size_t c)
{
	size_t m = a < b ? a : b;
	return m < c ? m : c;
}

size_t
tp_edit_distance(const char *a, const char *b, size_t limit)
{
	size_t rows[3][MAX_LEN + 2], la = strlen(a), lb = strlen(b);
	size_t *prev2 = rows[0], *prev = rows[1], *cur = rows[2];

	if (la > MAX_LEN || lb > MAX_LEN ||
	    (la > lb ? la - lb : lb - la) > limit)
		return limit + 1;
	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t best = cur[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t cost = lower(a[i - 1]) != lower(b[j - 1]);
			cur[j] = min3(prev[j] + 1, cur[j - 1] + 1,
				      prev[j - 1] + cost);
			if (i > 1 && j > 1 &&
			    lower(a[i - 1]) == lower(b[j - 2]) &&
			    lower(a[i - 2]) == lower(b[j - 1]) &&
			    prev2[j - 2] + 1 < cur[j])
				cur[j] = prev2[j - 2] + 1;
			best = cur[j] < best ? cur[j] : best;
		}
		if (best > limit)
			return limit + 1;
		size_t *t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	return prev[lb] <= limit ? prev[lb] : limit + 1;
}

bool
tp_suggest_close(const char *typed, const char *candidate, size_t *dist)
{
	size_t len = strlen(typed);
	size_t limit = len <= 3 ? 1 : len <= 6 ? 2 : 3;
	size_t d = tp_edit_distance(typed, candidate, limit);

	if (d <= limit) {
		*dist = d;
		return true;
	}
	if (len >= 3 && strncmp(candidate, typed, len) == 0) {
		*dist = limit + 1;
		return true;
	}
	return false;
}

const char *
tp_suggest_name(const char *typed, const char *const *names, size_t n)
{
	const char *best = NULL;
	size_t best_d = (size_t)-1, d;

	if (!typed || !*typed)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (!names[i] || !strcmp(names[i], typed))
			continue;
		if (tp_suggest_close(typed, names[i], &d) && d < best_d) {
			best = names[i];
			best_d = d;
		}
	}
	return best;
}

TP_EXPORT const char *
tp_plan_suggest_stage(const struct tp_plan *plan, const char *id)
{
	const char *best = NULL;
	size_t best_d = (size_t)-1, d;

	if (!plan || !id || !*id || tp_plan_find_stage(plan, id, NULL))
		return NULL;
	tp_plan_foreach_stage (plan, i) {
		const char *s = tp_plan_stage_id(plan, i);
		if (tp_suggest_close(id, s, &d) && d < best_d) {
			best = s;
			best_d = d;
		}
	}
	return best;
}
