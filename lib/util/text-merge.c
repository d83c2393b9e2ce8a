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
#include "text-private.h"

struct line {
	const char *p;
	size_t len; /* with its newline */
	uint64_t hash;
};

struct text {
	struct line *lines;
	size_t n;
};

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
						       tp_fnv1a(TP_FNV1A_INIT, s + start,
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

/* Align my->n lines of a with my->m of b in at most TP_MERGE_MAX_EDITS
 * edits; TP_ERR_RANGE (err untouched) when they need more. */
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
	return rc;
}

/* ---- anchoring far-apart texts -------------------------------------- */

/* Texts too far apart for one alignment (a file laid out differently on
 * every stage) are cut at the lines that occur once in each and in the
 * same order (as "patience diff" does: the longest increasing run of
 * them), and each piece between two such lines is aligned on its own. A
 * piece that still cannot be aligned stays unaligned: the merge then
 * takes that piece from the edited side. */
#define MAX_DEPTH 24

struct key {
	uint64_t hash;
	size_t line;
};

static int
by_hash(const void *x, const void *y)
{
	const struct key *a = x, *b = y;

	if (a->hash != b->hash)
		return a->hash < b->hash ? -1 : 1;
	return a->line < b->line ? -1 : a->line > b->line;
}

static struct key *
keys(const struct text *t, size_t from, size_t to)
{
	struct key *k = malloc((to - from + 1) * sizeof(*k));

	if (!k)
		return NULL;
	for (size_t i = from; i < to; i++)
		k[i - from] = (struct key){t->lines[i].hash, i};
	qsort(k, to - from, sizeof(*k), by_hash);
	return k;
}

/* Pairs (line of a, line of b) of lines that occur once on each side,
 * in the order of a; their number to *n. */
static size_t
unique_pairs(const struct text *a, const struct key *ka, size_t na,
	     const struct text *b, const struct key *kb, size_t nb,
	     size_t (*pairs)[2])
{
	size_t i = 0, j = 0, n = 0;

	while (i < na && j < nb) {
		uint64_t h = ka[i].hash;
		size_t ie = i, je = j;
		if (kb[j].hash < h) {
			j++;
			continue;
		}
		if (kb[j].hash > h) {
			i++;
			continue;
		}
		while (ie < na && ka[ie].hash == h)
			ie++;
		while (je < nb && kb[je].hash == h)
			je++;
		if (ie - i == 1 && je - j == 1 &&
		    same(a, ka[i].line, b, kb[j].line)) {
			pairs[n][0] = ka[i].line;
			pairs[n][1] = kb[j].line;
			n++;
		}
		i = ie;
		j = je;
	}
	return n;
}

static int
by_first(const void *x, const void *y)
{
	const size_t *a = x, *b = y;

	return a[0] < b[0] ? -1 : a[0] > b[0];
}

/* The longest run of @pairs (sorted by a) increasing in b, in place;
 * its length. Patience sorting, O(n log n). */
static size_t
increasing_run(size_t (*pairs)[2], size_t n, struct tp_error *err,
	       enum tp_status *rc)
{
	size_t *top = malloc((n + 1) * sizeof(*top));
	size_t *prev = malloc((n + 1) * sizeof(*prev));
	size_t piles = 0, len = 0;

	if (!top || !prev) {
		*rc = tp_error_nomem(err);
		free(top);
		free(prev);
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		size_t lo = 0, hi = piles;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (pairs[top[mid]][1] < pairs[i][1])
				lo = mid + 1;
			else
				hi = mid;
		}
		prev[i] = lo > 0 ? top[lo - 1] : (size_t)-1;
		top[lo] = i;
		piles += lo == piles;
	}
	if (piles > 0) {
		size_t (*run)[2] = malloc(piles * sizeof(*run));
		size_t k = top[piles - 1];
		if (!run) {
			*rc = tp_error_nomem(err);
		} else {
			for (len = piles; len > 0; k = prev[k])
				memcpy(run[--len], pairs[k], sizeof(*run));
			memcpy(pairs, run, piles * sizeof(*run));
			len = piles;
			free(run);
		}
	}
	free(top);
	free(prev);
	return len;
}

static enum tp_status align_range(const struct text *a, size_t a0, size_t a1,
				  const struct text *b, size_t b0, size_t b1,
				  long *match, int depth,
				  struct tp_error *err);

static enum tp_status
anchor(const struct text *a, size_t a0, size_t a1, const struct text *b,
       size_t b0, size_t b1, long *match, int depth, struct tp_error *err)
{
	struct key *ka = keys(a, a0, a1), *kb = keys(b, b0, b1);
	size_t(*pairs)[2] = malloc((a1 - a0 + 1) * sizeof(*pairs));
	enum tp_status rc = TP_OK;
	size_t n = 0, pa = a0, pb = b0;

	if (!ka || !kb || !pairs)
		rc = tp_error_nomem(err);
	if (rc == TP_OK) {
		n = unique_pairs(a, ka, a1 - a0, b, kb, b1 - b0, pairs);
		qsort(pairs, n, sizeof(*pairs), by_first);
		n = increasing_run(pairs, n, err, &rc);
	}
	free(ka);
	free(kb);
	for (size_t k = 0; rc == TP_OK && k <= n; k++) {
		size_t ea = k < n ? pairs[k][0] : a1;
		size_t eb = k < n ? pairs[k][1] : b1;
		rc = align_range(a, pa, ea, b, pb, eb, match, depth + 1, err);
		if (k < n) {
			match[ea] = (long)eb;
			pa = ea + 1;
			pb = eb + 1;
		}
	}
	free(pairs);
	return rc;
}

/* Align a[a0, a1) with b[b0, b1): common ends, then Myers, then anchors. */
static enum tp_status
align_range(const struct text *a, size_t a0, size_t a1, const struct text *b,
	    size_t b0, size_t b1, long *match, int depth, struct tp_error *err)
{
	struct myers my;
	enum tp_status rc;

	while (a0 < a1 && b0 < b1 && same(a, a0, b, b0))
		match[a0++] = (long)b0++;
	while (a0 < a1 && b0 < b1 && same(a, a1 - 1, b, b1 - 1))
		match[--a1] = (long)--b1;
	if (a0 == a1 || b0 == b1)
		return TP_OK;
	my = (struct myers){a, b, a0, b0, (long)(a1 - a0), (long)(b1 - b0),
			    NULL, 0};
	rc = myers(&my, match, err);
	if (rc != TP_ERR_RANGE)
		return rc;
	return depth < MAX_DEPTH ? anchor(a, a0, a1, b, b0, b1, match, depth, err)
				 : TP_OK;
}

/* match[i]: the line of @b that line i of @a is aligned with, or -1. */
static enum tp_status
align(const struct text *a, const struct text *b, long *match,
      struct tp_error *err)
{
	for (size_t i = 0; i < a->n; i++)
		match[i] = -1;
	return align_range(a, 0, a->n, b, 0, b->n, match, 0, err);
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

/* A run of base lines [bs, be) that one side replaced by its lines
 * [s, e) (either may be empty). */
struct hunk {
	size_t bs, be, s, e;
};

struct side {
	const struct text *t;
	const long *to; /* base line -> line of this side, or -1 */
	struct hunk *h;
	size_t n, next;
};

struct three {
	struct text base, ours, theirs;
	long *to_ours, *to_theirs;
	struct side o, th;
};

/* The side's hunks: the runs between lines aligned with base. */
static bool
find_hunks(struct side *sd, size_t nb)
{
	long pb = -1, px = -1;

	sd->n = sd->next = 0;
	if (!(sd->h = calloc(nb + 2, sizeof(*sd->h))))
		return false;
	for (size_t b = 0; b <= nb; b++) {
		if (b < nb && sd->to[b] < 0)
			continue;
		long xb = b < nb ? sd->to[b] : (long)sd->t->n;
		if ((long)b > pb + 1 || xb > px + 1)
			sd->h[sd->n++] = (struct hunk){(size_t)(pb + 1), b,
						       (size_t)(px + 1),
						       (size_t)xb};
		pb = (long)b;
		px = xb;
	}
	return true;
}

/* Where base boundary @x (not inside one of the side's hunks) falls in
 * the side's lines, as the start (@end false) or the end of a run: an
 * insertion at @x lies between the two. */
static size_t
pos_at(const struct side *sd, size_t x, bool end)
{
	for (size_t i = 0; i < sd->n; i++) {
		const struct hunk *h = &sd->h[i];
		if (end ? h->be == x : h->bs == x)
			return end ? h->e : h->s;
	}
	for (size_t i = 0; i < sd->n; i++) {
		const struct hunk *h = &sd->h[i];
		if (end ? h->bs == x : h->be == x)
			return end ? h->s : h->e;
	}
	return x == 0 ? 0 : (size_t)sd->to[x - 1] + 1;
}

/* Both sides changed base[gs, ge), ours to [os, oe), theirs to [ts, te)
 * (one of them laid out, the other edited). Where ours has as many lines
 * as base (attributes requoted, say), line by line: ours where theirs kept
 * the base line, theirs where it changed it; else theirs. */
static bool
both_changed(const struct three *t, struct out *o, size_t gs, size_t ge,
	     size_t os, size_t oe, size_t ts, size_t te, bool *conflict)
{
	size_t b = gs;

	if (same_run(&t->ours, os, oe, &t->theirs, ts, te))
		return put(o, &t->theirs, ts, te);
	if (oe - os != ge - gs) {
		*conflict = true;
		return put(o, &t->theirs, ts, te);
	}
	for (size_t x = ts; x < te; x++) {
		for (; b < ge && t->to_theirs[b] < 0; b++)
			if (!same(&t->base, b, &t->ours, os + (b - gs)))
				*conflict = true; /* a line of ours replaced */
		if (b < ge && (size_t)t->to_theirs[b] == x) {
			if (!put(o, &t->ours, os + (b - gs), os + (b - gs) + 1))
				return false;
			b++;
		} else if (!put(o, &t->theirs, x, x + 1)) {
			return false;
		}
	}
	for (; b < ge; b++)
		if (!same(&t->base, b, &t->ours, os + (b - gs)))
			*conflict = true;
	return true;
}

/* The next hunk of either side, by where it starts in base. */
static struct side *
next_side(struct three *t)
{
	bool o = t->o.next < t->o.n, th = t->th.next < t->th.n;

	if (o && (!th || t->o.h[t->o.next].bs <= t->th.h[t->th.next].bs))
		return &t->o;
	return th ? &t->th : NULL;
}

/* Take the hunks that overlap base[gs, ge) (an insertion at the same
 * place counts), widening it; say which sides had one. */
static void
gather(struct three *t, size_t gs, size_t *ge, bool *o, bool *th)
{
	struct side *sd;

	while ((sd = next_side(t))) {
		const struct hunk *h = &sd->h[sd->next];
		if (!(h->bs < *ge || (h->bs == gs && (gs == *ge || h->bs == h->be))))
			break;
		*ge = h->be > *ge ? h->be : *ge;
		*o = *o || sd == &t->o;
		*th = *th || sd == &t->th;
		sd->next++;
	}
}

static bool
walk(struct three *t, struct out *o, bool *conflict)
{
	size_t p = 0;
	struct side *sd;

	while ((sd = next_side(t))) {
		size_t gs = sd->h[sd->next].bs, ge = gs;
		bool ours = false, theirs = false, ok;
		gather(t, gs, &ge, &ours, &theirs);
		if (!put(o, &t->base, p, gs))
			return false;
		if (ours && theirs)
			ok = both_changed(t, o, gs, ge, pos_at(&t->o, gs, false),
					  pos_at(&t->o, ge, true),
					  pos_at(&t->th, gs, false),
					  pos_at(&t->th, ge, true), conflict);
		else if (ours)
			ok = put(o, &t->ours, pos_at(&t->o, gs, false),
				 pos_at(&t->o, ge, true));
		else
			ok = put(o, &t->theirs, pos_at(&t->th, gs, false),
				 pos_at(&t->th, ge, true));
		if (!ok)
			return false;
		p = ge;
	}
	return put(o, &t->base, p, t->base.n);
}

enum tp_status
tp_text_merge(const char *base, size_t base_len, const char *ours,
	      size_t ours_len, const char *theirs, size_t theirs_len,
	      char **out, size_t *len, bool *conflict, struct tp_error *err)
{
	struct three t;
	struct out o = {NULL, 0, 0};
	enum tp_status rc;

	memset(&t, 0, sizeof(t));
	rc = split(base, base_len, &t.base, err);
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
	t.o = (struct side){&t.ours, t.to_ours, NULL, 0, 0};
	t.th = (struct side){&t.theirs, t.to_theirs, NULL, 0, 0};
	if (rc == TP_OK &&
	    (!find_hunks(&t.o, t.base.n) || !find_hunks(&t.th, t.base.n) ||
	     !put(&o, &t.base, 0, 0) || !walk(&t, &o, conflict)))
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
	free(t.o.h);
	free(t.th.h);
	return rc;
}
