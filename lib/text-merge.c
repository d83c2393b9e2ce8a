/* SPDX-License-Identifier: MIT */
/* Three-way merge of lines (see text-merge-private.h). Lines are aligned
 * with Myers' O(ND) difference algorithm (E. Myers, "An O(ND) Difference
 * Algorithm and Its Variations", Algorithmica 1(2), 1986) after the common
 * first and last lines are set aside; the merge then walks the lines of
 * base that both other texts kept, as diff3 does. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "error-private.h"
#include "text-merge-private.h"

struct line {
	const char *p;
	size_t len; /* with its newline */
	uint64_t hash;
};

struct text {
	struct line *lines;
	size_t n;
};

static uint64_t
fnv1a(const char *p, size_t n)
{
	uint64_t h = 14695981039346656037u;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)p[i]) * 1099511628211u;
	return h;
}

static enum tp_status
split(const char *s, size_t len, struct text *t, struct tp_error *err)
{
	size_t n = 0, start = 0;

	for (size_t i = 0; i < len; i++)
		n += s[i] == '\n';
	t->lines = calloc(n + 2, sizeof(*t->lines));
	if (!t->lines)
		return tp_error_nomem(err);
	t->n = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && s[i] != '\n')
			continue;
		size_t end = i < len ? i + 1 : i;
		if (end > start) {
			t->lines[t->n] = (struct line){s + start, end - start,
						       fnv1a(s + start,
							     end - start)};
			t->n++;
		}
		start = end;
	}
	return TP_OK;
}

static bool
same(const struct text *a, size_t i, const struct text *b, size_t j)
{
	const struct line *x = &a->lines[i], *y = &b->lines[j];

	return x->hash == y->hash && x->len == y->len &&
	       memcmp(x->p, y->p, x->len) == 0;
}

/* ---- alignment ------------------------------------------------------ */

struct myers {
	const struct text *a, *b;
	size_t off_a, off_b; /* the common first lines set aside */
	long n, m;           /* lines of a and b between them */
	int32_t *trace;      /* V after each d: d*d + (k + d) */
	size_t trace_cap;
};

static bool
msame(const struct myers *my, long x, long y)
{
	return same(my->a, my->off_a + (size_t)x, my->b, my->off_b + (size_t)y);
}

static bool
save_row(struct myers *my, long d, const int32_t *v, long zero)
{
	size_t need = (size_t)(d + 1) * (size_t)(d + 1);

	if (need > my->trace_cap) {
		size_t cap = my->trace_cap ? my->trace_cap * 2 : 1024;
		while (cap < need)
			cap *= 2;
		int32_t *t = realloc(my->trace, cap * sizeof(*t));
		if (!t)
			return false;
		my->trace = t;
		my->trace_cap = cap;
	}
	memcpy(my->trace + (size_t)d * (size_t)d, v + zero - d,
	       (size_t)(2 * d + 1) * sizeof(*v));
	return true;
}

static int32_t
row(const struct myers *my, long d, long k)
{
	return my->trace[(size_t)d * (size_t)d + (size_t)(k + d)];
}

/* Walk back from (n, m), found at distance @d, marking the snakes. */
static void
backtrack(const struct myers *my, long d, long *match)
{
	long x = my->n, y = my->m;

	for (; d > 0; d--) {
		long k = x - y, pk, px, py, sx, sy;
		bool down = k == -d ||
			    (k != d && row(my, d - 1, k - 1) < row(my, d - 1, k + 1));
		pk = down ? k + 1 : k - 1;
		px = row(my, d - 1, pk);
		py = px - pk;
		sx = down ? px : px + 1;
		sy = down ? py + 1 : py;
		while (x > sx && y > sy) {
			x--;
			y--;
			match[my->off_a + (size_t)x] = (long)my->off_b + y;
		}
		x = px;
		y = py;
	}
	while (x > 0 && y > 0) {
		x--;
		y--;
		match[my->off_a + (size_t)x] = (long)my->off_b + y;
	}
}

static enum tp_status
myers(struct myers *my, long *match, struct tp_error *err)
{
	long max = my->n + my->m, dmax = max < TP_MERGE_MAX_EDITS
						 ? max
						 : TP_MERGE_MAX_EDITS;
	long zero = dmax + 1;
	int32_t *v = calloc((size_t)(2 * dmax + 3), sizeof(*v));
	enum tp_status rc = TP_ERR_RANGE;

	if (!v)
		return tp_error_nomem(err);
	for (long d = 0; d <= dmax && rc == TP_ERR_RANGE; d++) {
		for (long k = -d; k <= d; k += 2) {
			long x = (k == -d || (k != d && v[zero + k - 1] <
								v[zero + k + 1]))
					 ? v[zero + k + 1]
					 : v[zero + k - 1] + 1;
			long y = x - k;
			while (x < my->n && y < my->m && msame(my, x, y)) {
				x++;
				y++;
			}
			v[zero + k] = (int32_t)x;
			if (x >= my->n && y >= my->m) {
				backtrack(my, d, match);
				rc = TP_OK;
				break;
			}
		}
		if (rc == TP_ERR_RANGE && !save_row(my, d, v, zero))
			rc = tp_error_nomem(err);
	}
	free(v);
	free(my->trace);
	if (rc == TP_ERR_RANGE)
		tp_error_setf(err, TP_ERR_RANGE, NULL,
			      "the texts differ in more than %d lines",
			      TP_MERGE_MAX_EDITS);
	return rc;
}

/* match[i]: the line of @b that line i of @a is aligned with, or -1. */
static enum tp_status
align(const struct text *a, const struct text *b, long *match,
      struct tp_error *err)
{
	size_t pre = 0, suf = 0;
	struct myers my = {a, b, 0, 0, 0, 0, NULL, 0};

	for (size_t i = 0; i < a->n; i++)
		match[i] = -1;
	while (pre < a->n && pre < b->n && same(a, pre, b, pre)) {
		match[pre] = (long)pre;
		pre++;
	}
	while (suf < a->n - pre && suf < b->n - pre &&
	       same(a, a->n - 1 - suf, b, b->n - 1 - suf)) {
		match[a->n - 1 - suf] = (long)(b->n - 1 - suf);
		suf++;
	}
	my.off_a = my.off_b = pre;
	my.n = (long)(a->n - pre - suf);
	my.m = (long)(b->n - pre - suf);
	if (my.n == 0 || my.m == 0)
		return TP_OK;
	return myers(&my, match, err);
}

/* ---- the merge ------------------------------------------------------ */

struct out {
	char *p;
	size_t len, cap;
};

static bool
put(struct out *o, const struct text *t, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		const struct line *l = &t->lines[i];
		if (o->len + l->len + 1 > o->cap) {
			size_t cap = o->cap ? o->cap * 2 : 4096;
			while (cap < o->len + l->len + 1)
				cap *= 2;
			char *p = realloc(o->p, cap);
			if (!p)
				return false;
			o->p = p;
			o->cap = cap;
		}
		memcpy(o->p + o->len, l->p, l->len);
		o->len += l->len;
		o->p[o->len] = '\0';
	}
	return true;
}

static bool
same_run(const struct text *a, size_t a0, size_t a1, const struct text *b,
	 size_t b0, size_t b1)
{
	if (a1 - a0 != b1 - b0)
		return false;
	for (size_t i = 0; i < a1 - a0; i++)
		if (!same(a, a0 + i, b, b0 + i))
			return false;
	return true;
}

struct three {
	struct text base, ours, theirs;
	long *to_ours, *to_theirs;
};

/* Emit the lines between two anchors: base[i, m), ours[j, jo),
 * theirs[k, kt). */
static bool
chunk(const struct three *t, struct out *o, size_t i, size_t m, size_t j,
      size_t jo, size_t k, size_t kt, bool *conflict)
{
	if (same_run(&t->base, i, m, &t->ours, j, jo))
		return put(o, &t->theirs, k, kt);
	if (same_run(&t->base, i, m, &t->theirs, k, kt))
		return put(o, &t->ours, j, jo);
	if (!same_run(&t->ours, j, jo, &t->theirs, k, kt))
		*conflict = true;
	return put(o, &t->theirs, k, kt);
}

static bool
walk(const struct three *t, struct out *o, bool *conflict)
{
	size_t i = 0, j = 0, k = 0, nb = t->base.n;

	for (;;) {
		size_t m = i;
		while (m < nb && (t->to_ours[m] < 0 || t->to_theirs[m] < 0))
			m++;
		size_t jo = m < nb ? (size_t)t->to_ours[m] : t->ours.n;
		size_t kt = m < nb ? (size_t)t->to_theirs[m] : t->theirs.n;
		if (!chunk(t, o, i, m, j, jo, k, kt, conflict))
			return false;
		if (m == nb)
			return true;
		if (!put(o, &t->ours, jo, jo + 1))
			return false;
		i = m + 1;
		j = jo + 1;
		k = kt + 1;
	}
}

enum tp_status
tp_text_merge(const char *base, size_t base_len, const char *ours,
	      size_t ours_len, const char *theirs, size_t theirs_len,
	      char **out, size_t *len, bool *conflict, struct tp_error *err)
{
	struct three t = {{0}, {0}, {0}, NULL, NULL};
	struct out o = {NULL, 0, 0};
	enum tp_status rc = split(base, base_len, &t.base, err);

	*conflict = false;
	if (rc == TP_OK)
		rc = split(ours, ours_len, &t.ours, err);
	if (rc == TP_OK)
		rc = split(theirs, theirs_len, &t.theirs, err);
	if (rc == TP_OK &&
	    (!(t.to_ours = calloc(t.base.n + 1, sizeof(long))) ||
	     !(t.to_theirs = calloc(t.base.n + 1, sizeof(long)))))
		rc = tp_error_nomem(err);
	if (rc == TP_OK)
		rc = align(&t.base, &t.ours, t.to_ours, err);
	if (rc == TP_OK)
		rc = align(&t.base, &t.theirs, t.to_theirs, err);
	if (rc == TP_OK && (!put(&o, &t.base, 0, 0) || !walk(&t, &o, conflict)))
		rc = tp_error_nomem(err);
	if (rc == TP_OK && !o.p && !(o.p = calloc(1, 1)))
		rc = tp_error_nomem(err);
	if (rc == TP_OK) {
		*out = o.p;
		*len = o.len;
	} else {
		free(o.p);
	}
	free(t.base.lines);
	free(t.ours.lines);
	free(t.theirs.lines);
	free(t.to_ours);
	free(t.to_theirs);
	return rc;
}
