/* SPDX-License-Identifier: MIT */
/* "Did you mean ...?": the nearest of a set of names to a misspelt one. */
#ifndef TP_SUGGEST_PRIVATE_H
#define TP_SUGGEST_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>

/* The edit distance (insertions, deletions, substitutions and swaps of two
 * neighbouring characters, letters compared without case) between @a and
 * @b, or @limit + 1 when it is greater than @limit. */
size_t tp_edit_distance(const char *a, const char *b, size_t limit);

/* Whether @candidate is close enough to @typed to suggest it: within an
 * edit distance that grows with the length of @typed (1 up to 3
 * characters, 2 up to 6, else 3), or @typed (3 characters or more) begins
 * @candidate. The distance goes to @dist (0 for a prefix is not used:
 * prefixes rank after every edit within the limit). */
bool tp_suggest_close(const char *typed, const char *candidate, size_t *dist);

/* The nearest of the @n names at @names (NULL entries skipped) to @typed,
 * by tp_suggest_close(), the first of equals; NULL for none. An exact match
 * is not a suggestion: it is skipped. */
const char *tp_suggest_name(const char *typed, const char *const *names,
			    size_t n);

#endif
