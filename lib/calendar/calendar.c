/* SPDX-License-Identifier: MIT */
/* Working-day calendars.
 *
 * tp_calendar_builder_build() turns weekends, region holidays, imported
 * days, extra holidays and closures into three tables over the built range
 * (days first .. last, index i = day - first):
 *
 *   bits[i / 64] bit i % 64   set when day i is a working day;
 *   block_rank[k]             working days in [0, 64 k);
 *   work[r]                   the serial of the r-th working day (from 0).
 *
 * rank(i), the number of working days in [0, i), is then one table read and
 * a popcount, and "the r-th working day" one array read, so add, between,
 * next, previous and adjust need no loop. For 1972-2199 (83,277 days, about
 * 59,000 working days) the bitmap and ranks take 16 KB and the working days
 * 237 KB; a whole UK calendar with its holidays and names is about 320 KB.
 *
 * Non-working days other than weekends also go into a sorted array of
 * struct tp_holiday, one per day, for tp_calendar_day_info(). */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "calendar-private.h"
#include "date-private.h"
#include "error-private.h"
#include "text-private.h"

#define WEEKEND_SAT_SUN ((1u << TP_SATURDAY) | (1u << TP_SUNDAY))
#define WEEKEND_ALL     0xfeu /* bits 1..7 */

struct tp_calendar {
	enum tp_region region;
	unsigned weekend;
	int32_t first; /* serial of the first day */
	int32_t last;  /* serial of the last day */
	uint32_t nwork;
	uint64_t *bits;
	uint32_t *block_rank;
	int32_t *work;
	struct tp_holiday *hols; /* sorted by date, one per day */
	size_t nhols;
	char *names; /* pool holding the names of user days */
	struct tp_holiday_list *region_list; /* during the build only */
};

/* ---- builder ------------------------------------------------------------ */

TP_EXPORT enum tp_status
tp_calendar_builder_new(struct tp_calendar_builder **out, struct tp_error *err)
{
	struct tp_calendar_builder *b;

	if (!out)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "no place to store the builder");
	b = calloc(1, sizeof(*b));
	if (!b)
		return tp_error_nomem(err);
	b->region = TP_REGION_ENGLAND_AND_WALES;
	b->weekend = WEEKEND_SAT_SUN;
	b->from_year = TP_CAL_DEFAULT_FROM;
	b->to_year = TP_CAL_DEFAULT_TO;
	*out = b;
	return TP_OK;
}

TP_EXPORT void
tp_calendar_builder_free(struct tp_calendar_builder *b)
{
	if (!b)
		return;
	tp_builder_rollback(b, (struct tp_builder_mark){0, 0});
	free(b->spans);
	free(b->replaced);
	free(b);
}

static bool
region_valid(enum tp_region region)
{
	return region >= TP_REGION_NONE && region <= TP_REGION_UK;
}

TP_EXPORT enum tp_status
tp_calendar_builder_set_region(struct tp_calendar_builder *b,
			       enum tp_region region, struct tp_error *err)
{
	if (!b)
		return tp_error_setf(err, TP_ERR_INVALID, NULL, "no builder");
	if (!region_valid(region))
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "unknown region number %d", (int)region);
	b->region = region;
	return TP_OK;
}

TP_EXPORT enum tp_status
tp_calendar_builder_set_weekend(struct tp_calendar_builder *b, unsigned mask,
				struct tp_error *err)
{
	if (!b)
		return tp_error_setf(err, TP_ERR_INVALID, NULL, "no builder");
	if (mask & ~WEEKEND_ALL)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "weekend mask 0x%x has bits other than "
				     "1 (Monday) to 7 (Sunday)",
				     mask);
	if (mask == WEEKEND_ALL)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "a weekend of all seven days leaves no "
				     "working day");
	b->weekend = mask;
	return TP_OK;
}

static enum tp_status
check_region_years(enum tp_region region, int from_year, struct tp_error *err)
{
	if (region != TP_REGION_NONE && from_year < TP_HOLIDAYS_FIRST_YEAR)
		return tp_error_setf(err, TP_ERR_RANGE, NULL,
				     "bank holidays are known from %d; a "
				     "calendar from %d needs region 'none'",
				     TP_HOLIDAYS_FIRST_YEAR, from_year);
	return TP_OK;
}

TP_EXPORT enum tp_status
tp_calendar_builder_set_range(struct tp_calendar_builder *b, int from_year,
			      int to_year, struct tp_error *err)
{
	enum tp_status rc;

	if (!b)
		return tp_error_setf(err, TP_ERR_INVALID, NULL, "no builder");
	if (from_year < TP_YEAR_MIN || to_year > TP_YEAR_MAX)
		return tp_error_setf(err, TP_ERR_RANGE, NULL,
				     "years %d to %d are outside the supported "
				     "range %d to %d",
				     from_year, to_year, TP_YEAR_MIN,
				     TP_YEAR_MAX);
	if (from_year > to_year)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "range from %d to %d ends before it "
				     "starts",
				     from_year, to_year);
	rc = check_region_years(b->region, from_year, err);
	if (rc)
		return rc;
	b->from_year = from_year;
	b->to_year = to_year;
	return TP_OK;
}

int32_t
tp_builder_first_day(const struct tp_calendar_builder *b)
{
	return tp_days_from_civil(b->from_year, 1, 1);
}

int32_t
tp_builder_last_day(const struct tp_calendar_builder *b)
{
	return tp_days_from_civil(b->to_year, 12, 31);
}

/* Grow @*items (of @size bytes each) to hold one more than @n. */
static bool
reserve(void **items, size_t *cap, size_t n, size_t size)
{
	size_t ncap;
	void *p;

	if (n < *cap)
		return true;
	ncap = *cap ? *cap * 2 : 16;
	if (ncap > SIZE_MAX / size)
		return false;
	p = realloc(*items, ncap * size);
	if (!p)
		return false;
	*items = p;
	*cap = ncap;
	return true;
}

enum tp_status
tp_builder_add_span(struct tp_calendar_builder *b, int32_t first, int32_t last,
		    enum tp_holiday_kind kind, const char *name,
		    struct tp_error *err)
{
	struct tp_span *s;
	char *copy = NULL;

	if (!reserve((void **)&b->spans, &b->spans_cap, b->nspans,
		     sizeof(*b->spans)))
		return tp_error_nomem(err);
	if (name && !(copy = strdup(name)))
		return tp_error_nomem(err);
	s = &b->spans[b->nspans++];
	s->first = first;
	s->last = last;
	s->kind = kind;
	s->name = copy;
	return TP_OK;
}

enum tp_status
tp_builder_add_replaced(struct tp_calendar_builder *b, int from, int to,
			struct tp_error *err)
{
	if (!reserve((void **)&b->replaced, &b->replaced_cap, b->nreplaced,
		     sizeof(*b->replaced)))
		return tp_error_nomem(err);
	b->replaced[b->nreplaced].from = from;
	b->replaced[b->nreplaced].to = to;
	b->nreplaced++;
	return TP_OK;
}

struct tp_builder_mark
tp_builder_mark(const struct tp_calendar_builder *b)
{
	struct tp_builder_mark m = {b->nspans, b->nreplaced};
	return m;
}

void
tp_builder_rollback(struct tp_calendar_builder *b, struct tp_builder_mark mark)
{
	while (b->nspans > mark.nspans)
		free(b->spans[--b->nspans].name);
	b->nreplaced = mark.nreplaced;
}

static enum tp_status
check_date(struct tp_date d, const char *what, struct tp_error *err)
{
	char buf[TP_DATE_DESCRIBE_LEN];

	if (!tp_date_in_range(d))
		return tp_error_setf(err, TP_ERR_RANGE, NULL,
				     "%s %s is outside the supported dates "
				     "%d-01-01 to %d-12-31",
				     what, tp_date_describe(d, buf),
				     TP_YEAR_MIN, TP_YEAR_MAX);
	return TP_OK;
}

/* A holiday or closure name reaches MSPDI, SVG, HTML and terminals: it
 * must be text they can hold (#9). */
static enum tp_status
check_name(const char *name, const char *what, struct tp_error *err)
{
	char why[TP_TEXT_WHY_LEN];

	if (tp_text_ok(name, TP_TEXT_LINE, why))
		return TP_OK;
	return tp_error_setf(err, TP_ERR_INVALID, NULL,
			     "the %s name has %s; use UTF-8 text without "
			     "control characters, on one line",
			     what, why);
}

TP_EXPORT enum tp_status
tp_calendar_builder_add_holiday(struct tp_calendar_builder *b,
				struct tp_date date, const char *name,
				struct tp_error *err)
{
	enum tp_status rc;

	if (!b)
		return tp_error_setf(err, TP_ERR_INVALID, NULL, "no builder");
	rc = check_date(date, "holiday", err);
	if (!rc)
		rc = check_name(name, "holiday", err);
	if (rc)
		return rc;
	return tp_builder_add_span(b, date.day, date.day, TP_HOLIDAY_EXTRA,
				   name, err);
}

TP_EXPORT enum tp_status
tp_calendar_builder_add_closure(struct tp_calendar_builder *b,
				struct tp_date first, struct tp_date last,
				const char *name, struct tp_error *err)
{
	char buf1[TP_DATE_STRLEN], buf2[TP_DATE_STRLEN];
	enum tp_status rc;

	if (!b)
		return tp_error_setf(err, TP_ERR_INVALID, NULL, "no builder");
	if ((rc = check_date(first, "closure start", err)) ||
	    (rc = check_date(last, "closure end", err)) ||
	    (rc = check_name(name, "closure", err)))
		return rc;
	if (last.day < first.day)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "closure %s..%s ends before it starts",
				     tp_date_format(first, buf1),
				     tp_date_format(last, buf2));
	return tp_builder_add_span(b, first.day, last.day, TP_HOLIDAY_CLOSURE,
				   name, err);
}

/* ---- building ----------------------------------------------------------- */

/* Scratch state of one build. tag[i] says what makes day i a holiday:
 * 0 nothing, 1 + j the j-th region holiday, 1 + nregion + s span s. */
struct build {
	const struct tp_calendar_builder *b;
	struct tp_calendar *cal;
	uint32_t ndays;
	uint32_t *tag;
	uint64_t *tagged; /* bit i set when tag[i] is */
	size_t nregion;
};

/* Give day i its first tag; later sources never replace it. */
static inline void
set_tag(struct build *st, uint32_t i, uint32_t tag)
{
	if (st->tag[i])
		return;
	st->tag[i] = tag;
	st->tagged[i / 64] |= UINT64_C(1) << (i % 64);
}

static const char *
default_name(enum tp_holiday_kind kind)
{
	switch (kind) {
	case TP_HOLIDAY_EXTRA:
		return "extra holiday";
	case TP_HOLIDAY_CLOSURE:
		return "closure";
	case TP_HOLIDAY_IMPORTED:
		return "imported holiday";
	default:
		return "holiday";
	}
}

static bool
is_good_friday(struct tp_date d, int year)
{
	return d.day == tp_easter_sunday(year).day - 2;
}

/* Christmas Day and Good Friday are common-law holidays in England, Wales
 * and Northern Ireland (not bank holidays under the Banking and Financial
 * Dealings Act 1971; see ../shared/reference/uk-bank-holidays.md s.1) and
 * bank holidays in Scotland (Sch. 1 para 2), so an imported list never
 * replaces them. */
static bool
region_day_replaced(const struct tp_calendar_builder *b, struct tp_date d)
{
	int y, m, dd;

	if (b->nreplaced == 0)
		return false;
	tp_date_to_ymd(d, &y, &m, &dd);
	if ((m == 12 && dd == 25) || is_good_friday(d, y))
		return false;
	for (size_t i = 0; i < b->nreplaced; i++)
		if (y >= b->replaced[i].from && y <= b->replaced[i].to)
			return true;
	return false;
}

static void
tag_region_days(struct build *st)
{
	const struct tp_holiday_list *list = st->cal->region_list;

	for (size_t j = 0; j < st->nregion; j++) {
		const struct tp_holiday *h = tp_holiday_list_get(list, j);
		int64_t i;
		if (!h)
			continue;
		i = (int64_t)h->date.day - st->cal->first;
		if (i < 0 || i >= st->ndays || st->tag[i])
			continue;
		if (region_day_replaced(st->b, h->date))
			continue;
		set_tag(st, (uint32_t)i, (uint32_t)(1 + j));
	}
}

/* Tags of the two common-law holidays when the region's list leaves them
 * out (it lists weekdays only, so a Sunday Christmas Day is missing, which
 * matters with a weekend other than Saturday and Sunday). */
#define TAG_COMMON_LAW  0x80000000u
#define TAG_CHRISTMAS   (TAG_COMMON_LAW | 0u)
#define TAG_GOOD_FRIDAY (TAG_COMMON_LAW | 1u)

static void
tag_day(struct build *st, int32_t day, uint32_t tag)
{
	int64_t i = (int64_t)day - st->cal->first;
	if (i >= 0 && i < st->ndays)
		set_tag(st, (uint32_t)i, tag);
}

/* Christmas Day and Good Friday are never working days in a calendar with
 * a region: common-law holidays in England, Wales and Northern Ireland,
 * Schedule 1 para 2 bank holidays in Scotland (Banking and Financial
 * Dealings Act 1971). */
static void
tag_common_law_days(struct build *st)
{
	for (int y = st->b->from_year; y <= st->b->to_year; y++) {
		tag_day(st, tp_days_from_civil(y, 12, 25), TAG_CHRISTMAS);
		tag_day(st, tp_easter_sunday(y).day - 2, TAG_GOOD_FRIDAY);
	}
}

/* Where several user days fall on one day, the first kind listed here
 * names it: a day from an imported list before a user's extra holiday
 * before a closure. */
static void
tag_spans(struct build *st, enum tp_holiday_kind kind)
{
	const struct tp_calendar_builder *b = st->b;

	for (size_t s = 0; s < b->nspans; s++) {
		int32_t lo, hi;
		if (b->spans[s].kind != kind)
			continue;
		lo = b->spans[s].first > st->cal->first ? b->spans[s].first
							: st->cal->first;
		hi = b->spans[s].last < st->cal->last ? b->spans[s].last
						      : st->cal->last;
		for (int32_t d = lo; d <= hi; d++)
			set_tag(st, (uint32_t)(d - st->cal->first),
				(uint32_t)(1 + st->nregion + s));
	}
}

/* Names go into one pool owned by the calendar: the region list is freed
 * after the build, and its few dozen distinct names are stored once (a
 * list repeats "Christmas Day" every year). offs[j] is the offset of the
 * name of source j (region holidays, then spans), or SIZE_MAX for none. */
struct names {
	size_t *offs;
	size_t *distinct; /* region holidays whose name is stored */
	size_t ndistinct;
	size_t total;
};

static const char *
region_name(const struct build *st, size_t j)
{
	return tp_holiday_list_get(st->cal->region_list, j)->name;
}

/* The distinct name equal to region holiday @j's, by pointer (@same) or
 * by text, or SIZE_MAX. */
static size_t
find_name(const struct build *st, const struct names *nm, size_t j, bool same)
{
	const char *name = region_name(st, j);

	for (size_t k = 0; k < nm->ndistinct; k++) {
		const char *seen = region_name(st, nm->distinct[k]);
		if (same ? seen == name : strcmp(seen, name) == 0)
			return k;
	}
	return SIZE_MAX;
}

static void
place_region_name(const struct build *st, struct names *nm, size_t j)
{
	/* The rules name days with literals, so the same pointer mostly
	 * finds the name without comparing texts. */
	size_t k = find_name(st, nm, j, true);

	if (k == SIZE_MAX)
		k = find_name(st, nm, j, false);
	if (k != SIZE_MAX) {
		nm->offs[j] = nm->offs[nm->distinct[k]];
		return;
	}
	nm->offs[j] = nm->total;
	nm->total += strlen(region_name(st, j)) + 1;
	nm->distinct[nm->ndistinct++] = j;
}

static void
place_names(const struct build *st, struct names *nm)
{
	const struct tp_calendar_builder *b = st->b;

	for (size_t j = 0; j < st->nregion; j++)
		place_region_name(st, nm, j);
	for (size_t s = 0; s < b->nspans; s++) {
		nm->offs[st->nregion + s] = SIZE_MAX;
		if (!b->spans[s].name)
			continue;
		nm->offs[st->nregion + s] = nm->total;
		nm->total += strlen(b->spans[s].name) + 1;
	}
}

static enum tp_status
copy_names(struct build *st, struct names *nm, struct tp_error *err)
{
	const struct tp_calendar_builder *b = st->b;
	char *pool;

	place_names(st, nm);
	pool = st->cal->names = malloc(nm->total ? nm->total : 1);
	if (!pool)
		return tp_error_nomem(err);
	for (size_t k = 0; k < nm->ndistinct; k++) {
		const char *name = region_name(st, nm->distinct[k]);
		memcpy(pool + nm->offs[nm->distinct[k]], name,
		       strlen(name) + 1);
	}
	for (size_t s = 0; s < b->nspans; s++)
		if (b->spans[s].name)
			memcpy(pool + nm->offs[st->nregion + s],
			       b->spans[s].name, strlen(b->spans[s].name) + 1);
	return TP_OK;
}

static void
describe_tag(const struct build *st, const size_t *offs, uint32_t tag,
	     int32_t day, struct tp_holiday *h)
{
	const struct tp_span *s;

	if (tag & TAG_COMMON_LAW) {
		h->date.day = day;
		h->kind = TP_HOLIDAY_STATUTORY;
		h->regions =
			st->cal->region == TP_REGION_UK
				? (1u << TP_REGION_ENGLAND_AND_WALES) |
					  (1u << TP_REGION_SCOTLAND) |
					  (1u << TP_REGION_NORTHERN_IRELAND)
				: 1u << st->cal->region;
		h->name =
			tag == TAG_CHRISTMAS ? "Christmas Day" : "Good Friday";
		return;
	}
	if (tag <= st->nregion) {
		*h = *tp_holiday_list_get(st->cal->region_list, tag - 1);
		h->name = st->cal->names + offs[tag - 1];
		return;
	}
	s = &st->b->spans[tag - 1 - st->nregion];
	h->date.day = day;
	h->kind = s->kind;
	h->regions = 0;
	h->name = offs[tag - 1] == SIZE_MAX ? default_name(s->kind)
					    : st->cal->names + offs[tag - 1];
}

static inline unsigned
popcount64(uint64_t x)
{
#if defined(__GNUC__) && defined(__POPCNT__)
	return (unsigned)__builtin_popcountll(x);
#else
	/* SWAR count: faster than libgcc's table when there is no popcnt
	 * instruction. */
	x = x - ((x >> 1) & UINT64_C(0x5555555555555555));
	x = (x & UINT64_C(0x3333333333333333)) +
	    ((x >> 2) & UINT64_C(0x3333333333333333));
	x = (x + (x >> 4)) & UINT64_C(0x0f0f0f0f0f0f0f0f);
	return (unsigned)((x * UINT64_C(0x0101010101010101)) >> 56);
#endif
}

/* The index of the lowest set bit of @x, which is not 0. */
static inline uint32_t
lowest_bit(uint64_t x)
{
#if defined(__GNUC__)
	return (uint32_t)__builtin_ctzll(x);
#else
	uint32_t n = 0;
	while (!(x & 1)) {
		x >>= 1;
		n++;
	}
	return n;
#endif
}

/* Words in the bitmaps of a build: one more than the days need, so that
 * rank(ndays) reads a block. */
static inline uint32_t
nblocks(const struct build *st)
{
	return st->ndays / 64 + 1;
}

static enum tp_status
fill_holidays(struct build *st, struct tp_error *err)
{
	struct tp_calendar *cal = st->cal;
	size_t nsrc = st->nregion + st->b->nspans + 1;
	struct names nm = {NULL, NULL, 0, 0};
	enum tp_status rc = TP_OK;
	size_t n = 0;

	nm.offs = malloc(nsrc * sizeof(*nm.offs));
	nm.distinct = malloc(nsrc * sizeof(*nm.distinct));
	if (!nm.offs || !nm.distinct) {
		rc = tp_error_nomem(err);
		goto out;
	}
	rc = copy_names(st, &nm, err);
	if (rc)
		goto out;
	for (uint32_t k = 0; k < nblocks(st); k++)
		n += popcount64(st->tagged[k]);
	cal->hols = malloc((n ? n : 1) * sizeof(*cal->hols));
	if (!cal->hols) {
		rc = tp_error_nomem(err);
		goto out;
	}
	for (uint32_t k = 0; k < nblocks(st); k++)
		for (uint64_t w = st->tagged[k]; w; w &= w - 1) {
			uint32_t i = 64 * k + lowest_bit(w);
			describe_tag(st, nm.offs, st->tag[i],
				     cal->first + (int32_t)i,
				     &cal->hols[cal->nhols++]);
		}
out:
	free(nm.offs);
	free(nm.distinct);
	return rc;
}

/* Set the working bits and count them per block. Weekends repeat every 7
 * days, so every 7 words (448 days) repeat too: the first 7 words are
 * built day by day and copied on, then the tagged days are cleared. */
static void
fill_bits(struct build *st)
{
	struct tp_calendar *cal = st->cal;
	unsigned wd =
		(unsigned)tp_date_weekday(tp_date_from_serial(cal->first));
	uint32_t n = nblocks(st), rank = 0;
	uint64_t pattern[7] = {0};

	for (uint32_t i = 0; i < 7 * 64; i++) {
		if (!(cal->weekend & (1u << wd)))
			pattern[i / 64] |= UINT64_C(1) << (i % 64);
		wd = wd == 7 ? 1 : wd + 1;
	}
	for (uint32_t k = 0; k < n; k++)
		cal->bits[k] = pattern[k % 7] & ~st->tagged[k];
	/* No day past the last. */
	cal->bits[n - 1] &= (UINT64_C(1) << (st->ndays % 64)) - 1;
	for (uint32_t k = 0; k < n; k++) {
		cal->block_rank[k] = rank;
		rank += popcount64(cal->bits[k]);
	}
	cal->nwork = rank;
}

static enum tp_status
fill_work(struct build *st, struct tp_error *err)
{
	struct tp_calendar *cal = st->cal;
	uint32_t r = 0;

	cal->work = malloc((cal->nwork ? cal->nwork : 1) * sizeof(*cal->work));
	if (!cal->work)
		return tp_error_nomem(err);
	for (uint32_t k = 0; k < nblocks(st); k++)
		for (uint64_t w = cal->bits[k]; w; w &= w - 1)
			cal->work[r++] = cal->first + (int32_t)(64 * k) +
					 (int32_t)lowest_bit(w);
	return TP_OK;
}

static enum tp_status
alloc_tables(struct build *st, struct tp_error *err)
{
	struct tp_calendar *cal = st->cal;

	st->tag = calloc(st->ndays, sizeof(*st->tag));
	st->tagged = calloc(nblocks(st), sizeof(*st->tagged));
	cal->bits = calloc(nblocks(st), sizeof(*cal->bits));
	cal->block_rank = malloc(nblocks(st) * sizeof(*cal->block_rank));
	if (!st->tag || !st->tagged || !cal->bits || !cal->block_rank)
		return tp_error_nomem(err);
	return TP_OK;
}

static enum tp_status
build_tables(struct build *st, struct tp_error *err)
{
	const struct tp_calendar_builder *b = st->b;
	enum tp_status rc;

	if (b->region != TP_REGION_NONE) {
		rc = tp_region_holidays(b->region, b->from_year, b->to_year,
					&st->cal->region_list, err);
		if (rc)
			return rc;
		st->nregion = tp_holiday_list_count(st->cal->region_list);
	}
	rc = alloc_tables(st, err);
	if (rc)
		return rc;
	tag_region_days(st);
	if (b->region != TP_REGION_NONE)
		tag_common_law_days(st);
	tag_spans(st, TP_HOLIDAY_IMPORTED);
	tag_spans(st, TP_HOLIDAY_EXTRA);
	tag_spans(st, TP_HOLIDAY_CLOSURE);
	rc = fill_holidays(st, err);
	if (rc)
		return rc;
	fill_bits(st);
	/* The holidays now hold copies of everything they need. */
	tp_holiday_list_free(st->cal->region_list);
	st->cal->region_list = NULL;
	return fill_work(st, err);
}

TP_EXPORT enum tp_status
tp_calendar_builder_build(const struct tp_calendar_builder *b,
			  struct tp_calendar **out, struct tp_error *err)
{
	struct build st = {b, NULL, 0, NULL, NULL, 0};
	enum tp_status rc;

	if (!b || !out)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "no builder or no place for the calendar");
	rc = check_region_years(b->region, b->from_year, err);
	if (rc)
		return rc;
	st.cal = calloc(1, sizeof(*st.cal));
	if (!st.cal)
		return tp_error_nomem(err);
	st.cal->region = b->region;
	st.cal->weekend = b->weekend;
	st.cal->first = tp_builder_first_day(b);
	st.cal->last = tp_builder_last_day(b);
	st.ndays = (uint32_t)(st.cal->last - st.cal->first + 1);
	rc = build_tables(&st, err);
	free(st.tag);
	free(st.tagged);
	if (rc) {
		tp_calendar_free(st.cal);
		return rc;
	}
	*out = st.cal;
	return TP_OK;
}

TP_EXPORT enum tp_status
tp_calendar_new_region(enum tp_region region, struct tp_calendar **out,
		       struct tp_error *err)
{
	struct tp_calendar_builder *b = NULL;
	enum tp_status rc;

	rc = tp_calendar_builder_new(&b, err);
	if (rc)
		return rc;
	rc = tp_calendar_builder_set_region(b, region, err);
	if (!rc)
		rc = tp_calendar_builder_build(b, out, err);
	tp_calendar_builder_free(b);
	return rc;
}

TP_EXPORT void
tp_calendar_free(struct tp_calendar *cal)
{
	if (!cal)
		return;
	free(cal->bits);
	free(cal->block_rank);
	free(cal->work);
	free(cal->hols);
	free(cal->names);
	tp_holiday_list_free(cal->region_list);
	free(cal);
}

/* ---- queries ------------------------------------------------------------ */

TP_EXPORT enum tp_region
tp_calendar_region(const struct tp_calendar *cal)
{
	if (!cal)
		return TP_REGION_NONE;
	return cal->region;
}

TP_EXPORT struct tp_date
tp_calendar_first_day(const struct tp_calendar *cal)
{
	if (!cal)
		return (struct tp_date){0};
	return tp_date_from_serial(cal->first);
}

TP_EXPORT struct tp_date
tp_calendar_last_day(const struct tp_calendar *cal)
{
	if (!cal)
		return (struct tp_date){0};
	return tp_date_from_serial(cal->last);
}

/* What a user can do about a date beyond one end of the calendar. */
static const char *
range_hint(const struct tp_calendar *cal, bool before)
{
	if (before &&
	    cal->first == TP_DAYS_FROM_CIVIL_(TP_HOLIDAYS_FIRST_YEAR, 1, 1) &&
	    cal->region != TP_REGION_NONE)
		return "bank holidays are known only from 1972: move the dates "
		       "later or shorten the stages, or use region 'none' "
		       "(weekends only) for earlier dates";
	if (before && cal->first == tp_date_min().day)
		return "tenderplan's dates start on 1900-01-01";
	if (!before && cal->last == tp_date_max().day)
		return "tenderplan's dates end on 2199-12-31";
	return "build the calendar over more years";
}

static enum tp_status
out_of_range(const struct tp_calendar *cal, struct tp_date d,
	     struct tp_error *err)
{
	char buf[TP_DATE_DESCRIBE_LEN], lo[TP_DATE_STRLEN], hi[TP_DATE_STRLEN];

	return tp_error_setf(err, TP_ERR_RANGE, NULL,
			     "%s is outside the calendar, which runs from %s "
			     "to %s; %s",
			     tp_date_describe(d, buf),
			     tp_date_format(tp_calendar_first_day(cal), lo),
			     tp_date_format(tp_calendar_last_day(cal), hi),
			     range_hint(cal, d.day < cal->first));
}

/* Counting @n @unit (singular) from @d left the calendar (#9: the message
 * used to read "working day 1974-12-24-19999 falls outside ..."). */
static enum tp_status
result_out_of_range(const struct tp_calendar *cal, const char *unit,
		    struct tp_date d, int64_t n, struct tp_error *err)
{
	char buf[TP_DATE_STRLEN], lo[TP_DATE_STRLEN], hi[TP_DATE_STRLEN];
	bool before = n < 0;
	long long count = before ? -n : n ? n : 1; /* 0 rolls forward */

	return tp_error_setf(err, TP_ERR_RANGE, NULL,
			     "counting %lld %s%s %s %s leaves the calendar, "
			     "which runs from %s to %s; %s",
			     count, unit, count == 1 ? "" : "s",
			     before ? "back from" : "on from",
			     tp_date_format(d, buf),
			     tp_date_format(tp_calendar_first_day(cal), lo),
			     tp_date_format(tp_calendar_last_day(cal), hi),
			     range_hint(cal, before));
}

static inline bool
in_cal(const struct tp_calendar *cal, struct tp_date d)
{
	return d.day >= cal->first && d.day <= cal->last;
}

static enum tp_status
no_calendar(struct tp_error *err)
{
	return tp_error_setf(err, TP_ERR_INVALID, NULL,
			     "no calendar or no place for the result");
}

static inline bool
working_at(const struct tp_calendar *cal, uint32_t i)
{
	return (cal->bits[i / 64] >> (i % 64)) & 1;
}

/* Working days in the first @i days of the range (0 <= i <= days). */
static inline uint32_t
rank(const struct tp_calendar *cal, uint32_t i)
{
	uint64_t below = (UINT64_C(1) << (i % 64)) - 1;
	return cal->block_rank[i / 64] + popcount64(cal->bits[i / 64] & below);
}

TP_EXPORT enum tp_status
tp_calendar_is_working_day(const struct tp_calendar *cal, struct tp_date d,
			   bool *working, struct tp_error *err)
{
	if (!cal || !working)
		return no_calendar(err);
	if (!in_cal(cal, d))
		return out_of_range(cal, d, err);
	*working = working_at(cal, (uint32_t)(d.day - cal->first));
	return TP_OK;
}

/* The working day of rank @r (0-based), if there is one. */
static inline bool
nth_working(const struct tp_calendar *cal, int64_t r, struct tp_date *out)
{
	if (r < 0 || r >= cal->nwork)
		return false;
	out->day = cal->work[r];
	return true;
}

TP_EXPORT enum tp_status
tp_calendar_add_working_days(const struct tp_calendar *cal, struct tp_date d,
			     int32_t n, struct tp_date *out,
			     struct tp_error *err)
{
	uint32_t i;
	int64_t r;

	if (!cal || !out)
		return no_calendar(err);
	if (!in_cal(cal, d))
		return out_of_range(cal, d, err);
	i = (uint32_t)(d.day - cal->first);
	if (n == 0 && working_at(cal, i)) {
		*out = d;
		return TP_OK;
	}
	/* n > 0: working days up to and including d, then n more; n = 0 on a
	 * non-working day is the same as n = 1. n < 0: working days before
	 * d, then back |n|. */
	if (n >= 0)
		r = (int64_t)rank(cal, i + 1) + (n ? n : 1) - 1;
	else
		r = (int64_t)rank(cal, i) + n;
	if (!nth_working(cal, r, out))
		return result_out_of_range(cal, "working day", d, n, err);
	return TP_OK;
}

TP_EXPORT enum tp_status
tp_calendar_next_working_day(const struct tp_calendar *cal, struct tp_date d,
			     struct tp_date *out, struct tp_error *err)
{
	return tp_calendar_add_working_days(cal, d, 1, out, err);
}

TP_EXPORT enum tp_status
tp_calendar_previous_working_day(const struct tp_calendar *cal,
				 struct tp_date d, struct tp_date *out,
				 struct tp_error *err)
{
	return tp_calendar_add_working_days(cal, d, -1, out, err);
}

TP_EXPORT enum tp_status
tp_calendar_working_days_between(const struct tp_calendar *cal,
				 struct tp_date a, struct tp_date b,
				 int32_t *out, struct tp_error *err)
{
	if (!cal || !out)
		return no_calendar(err);
	if (!in_cal(cal, a))
		return out_of_range(cal, a, err);
	if (!in_cal(cal, b))
		return out_of_range(cal, b, err);
	*out = (int32_t)rank(cal, (uint32_t)(b.day - cal->first)) -
	       (int32_t)rank(cal, (uint32_t)(a.day - cal->first));
	return TP_OK;
}

static enum tp_status
modified_following(const struct tp_calendar *cal, struct tp_date d,
		   struct tp_date *out, struct tp_error *err)
{
	struct tp_date next;
	int m1, m2;

	if (tp_calendar_add_working_days(cal, d, 1, &next, NULL) == TP_OK) {
		tp_date_to_ymd(d, NULL, &m1, NULL);
		tp_date_to_ymd(next, NULL, &m2, NULL);
		if (m1 == m2) {
			*out = next;
			return TP_OK;
		}
	}
	/* The next working day is in the next month (or beyond the range,
	 * which is then the next month too): take the previous one. */
	return tp_calendar_add_working_days(cal, d, -1, out, err);
}

TP_EXPORT enum tp_status
tp_calendar_adjust(const struct tp_calendar *cal, struct tp_date d,
		   enum tp_roll roll, struct tp_date *out, struct tp_error *err)
{
	if (!cal || !out)
		return no_calendar(err);
	if (roll < TP_ROLL_NONE || roll > TP_ROLL_MODIFIED_FOLLOWING)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "unknown roll convention %d", (int)roll);
	if (!in_cal(cal, d))
		return out_of_range(cal, d, err);
	if (roll == TP_ROLL_NONE ||
	    working_at(cal, (uint32_t)(d.day - cal->first))) {
		*out = d;
		return TP_OK;
	}
	if (roll == TP_ROLL_FOLLOWING)
		return tp_calendar_add_working_days(cal, d, 1, out, err);
	if (roll == TP_ROLL_PRECEDING)
		return tp_calendar_add_working_days(cal, d, -1, out, err);
	return modified_following(cal, d, out, err);
}

TP_EXPORT enum tp_status
tp_calendar_add_days_rolled(const struct tp_calendar *cal, struct tp_date d,
			    int32_t n, enum tp_roll roll, struct tp_date *out,
			    struct tp_error *err)
{
	int64_t day = (int64_t)d.day + n;
	struct tp_date t;

	if (!cal || !out)
		return no_calendar(err);
	if (!in_cal(cal, d))
		return out_of_range(cal, d, err);
	if (day < cal->first || day > cal->last)
		return result_out_of_range(cal, "calendar day", d, n, err);
	t.day = (int32_t)day;
	return tp_calendar_adjust(cal, t, roll, out, err);
}

static const struct tp_holiday *
find_holiday(const struct tp_calendar *cal, int32_t day)
{
	size_t lo = 0, hi = cal->nhols;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cal->hols[mid].date.day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < cal->nhols && cal->hols[lo].date.day == day)
		return &cal->hols[lo];
	return NULL;
}

static void
describe(const struct tp_calendar *cal, struct tp_date d,
	 struct tp_day_info *out)
{
	out->working = working_at(cal, (uint32_t)(d.day - cal->first));
	out->weekend = (cal->weekend >> tp_date_weekday(d)) & 1;
	out->holiday = out->working ? NULL : find_holiday(cal, d.day);
}

TP_EXPORT enum tp_status
tp_calendar_day_info(const struct tp_calendar *cal, struct tp_date d,
		     struct tp_day_info *out, struct tp_error *err)
{
	if (!cal || !out)
		return no_calendar(err);
	if (!in_cal(cal, d))
		return out_of_range(cal, d, err);
	describe(cal, d, out);
	return TP_OK;
}

TP_EXPORT enum tp_status
tp_calendar_foreach_non_working(
	const struct tp_calendar *cal, struct tp_date from, struct tp_date to,
	int (*fn)(struct tp_date d, const struct tp_day_info *info, void *user),
	void *user, int *stopped, struct tp_error *err)
{
	uint32_t i, end;

	if (!cal || !fn)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "no calendar or no function to call");
	if (!in_cal(cal, from))
		return out_of_range(cal, from, err);
	if (!in_cal(cal, to))
		return out_of_range(cal, to, err);
	if (stopped)
		*stopped = 0;
	if (to.day < from.day)
		return TP_OK;
	i = (uint32_t)(from.day - cal->first);
	end = (uint32_t)(to.day - cal->first);
	while (i <= end) {
		/* Skip working days a word at a time. */
		uint64_t idle = ~cal->bits[i / 64] >> (i % 64);
		struct tp_day_info info;
		struct tp_date d;
		int r;
		if (!idle) {
			i = (i / 64 + 1) * 64;
			continue;
		}
		i += (uint32_t)__builtin_ctzll(idle);
		if (i > end)
			break;
		d = tp_date_from_serial(cal->first + (int32_t)i);
		describe(cal, d, &info);
		if ((r = fn(d, &info, user))) {
			if (stopped)
				*stopped = r;
			break;
		}
		i++;
	}
	return TP_OK;
}
