/* SPDX-License-Identifier: MIT */
/*
 * UK bank holidays, generated from rules for 1972 onwards.
 *
 * Sources (full references in ../../shared/reference/sources.md):
 * - Banking and Financial Dealings Act 1971 (c.80) s.1 and Schedule 1,
 *   paras 1 (England and Wales), 2 (Scotland) and 3 (Northern Ireland);
 *   s.1(6): the Scottish 2 January holiday runs from 1973.
 * - St Andrew's Day Bank Holiday (Scotland) Act 2007 (asp 2) s.1.
 * - Royal Proclamations under s.1(2)/(3) of the 1971 Act for the days that
 *   are not in Schedule 1 (New Year's Day and Early May in England, Wales
 *   and Northern Ireland; Boxing Day and Spring in Scotland; the Battle of
 *   the Boyne in Northern Ireland), and the weekday substitutes.
 * - BERR historical note on bank holidays (2009, UK Government Web
 *   Archive): New Year's Day (E&W, NI) and Boxing Day (Scotland) from 1974;
 *   Early May (E&W, NI) and Spring (Scotland) from 1978.
 * - gov.uk bank-holidays feed 2012-2028 for the substitute patterns.
 *
 * Christmas Day and Good Friday are common-law holidays in England, Wales
 * and Northern Ireland, not Schedule 1 bank holidays; they are never
 * working days and are listed here as "statutory" holidays with the rest.
 *
 * Years after the latest Royal Proclamation are predictions from the rules.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date-private.h"
#include "error-private.h"
#include <tenderplan/tp-calendar.h>

#define EW (1u << TP_REGION_ENGLAND_AND_WALES)
#define SC (1u << TP_REGION_SCOTLAND)
#define NI (1u << TP_REGION_NORTHERN_IRELAND)
#define ALL (EW | SC | NI)

/* The regular holidays, for the table of moves below. */
enum holiday_id {
	H_NEW_YEAR,
	H_JAN2,
	H_ST_PATRICK,
	H_GOOD_FRIDAY,
	H_EASTER_MONDAY,
	H_EARLY_MAY,
	H_SPRING,
	H_BOYNE,
	H_SUMMER,
	H_ST_ANDREW,
	H_CHRISTMAS,
	H_BOXING,
	H_NONE,
};

/*
 * A regular holiday moved to another day for one year, by proclamation
 * under s.1(2) of the 1971 Act.
 */
static const struct holiday_move {
	int year;
	enum holiday_id id;
	unsigned regions;
	int month, day;
	const char *name;
	/* source */
} moves[] = {
	/* Silver Jubilee: the spring holiday moved to Mon 6 Jun 1977 to make a
	 * four-day weekend with Tue 7 Jun (workalendar, Portfolio Performance;
	 * python-holidays keeps 30 May). No proclamation text was found: the
	 * weaker-evidence choice, see the note on issue #2. Scotland had no
	 * spring holiday before 1978, so nothing moved there. */
	{1977, H_SPRING, EW | NI, 6, 6, "Spring bank holiday"},
	/* VE Day 50th anniversary: Hansard written answer 2 Mar 1995 - Early
	 * May moved from 1 to 8 May in E&W and NI; in Scotland 8 May was added
	 * (see extras) and the statutory 1 May stayed. */
	{1995, H_EARLY_MAY, EW | NI, 5, 8, "Early May bank holiday (VE Day)"},
	/* Golden Jubilee: spring holiday on Mon 3 Jun 2002 (DCT-hs, QuantLib,
	 * python-holidays, workalendar agree on the dates). */
	{2002, H_SPRING, ALL, 6, 3, "Spring bank holiday"},
	/* Diamond Jubilee: gov.uk feed 2012. */
	{2012, H_SPRING, ALL, 6, 4, "Spring bank holiday"},
	/* VE Day 75th anniversary: gov.uk feed 2020. */
	{2020, H_EARLY_MAY, ALL, 5, 8, "Early May bank holiday (VE Day)"},
	/* Platinum Jubilee: gov.uk feed 2022. */
	{2022, H_SPRING, ALL, 6, 2, "Spring bank holiday"},
};

/*
 * One-off bank holidays, each appointed by Royal Proclamation under s.1(3)
 * of the 1971 Act. The next short-notice holiday is one line here.
 * Not listed: Wed 14 Nov 1973 (wedding of Princess Anne), for which no
 * proclamation was found and the sources disagree.
 */
static const struct one_off {
	int year, month, day;
	unsigned regions;
	const char *name;
} one_offs[] = {
	/* All libraries consulted agree (python-holidays, workalendar,
	 * Portfolio Performance); no Gazette text read. */
	{1977, 6, 7, ALL, "Silver Jubilee of Queen Elizabeth II"},
	/* python-holidays, workalendar, Portfolio Performance; no Gazette. */
	{1981, 7, 29, ALL, "Wedding of the Prince of Wales"},
	/* Hansard written answer 2 Mar 1995: an extra day in Scotland. */
	{1995, 5, 8, SC, "VE Day 50th anniversary"},
	/* DCT-hs exceptions list; python-holidays; QuantLib. */
	{1999, 12, 31, ALL, "Millennium celebrations"},
	/* DCT-hs; QuantLib. */
	{2002, 6, 4, ALL, "Golden Jubilee of Queen Elizabeth II"},
	/* DCT-hs; announced 23 Nov 2010. */
	{2011, 4, 29, ALL, "Wedding of Prince William and Catherine Middleton"},
	/* gov.uk feed. */
	{2012, 6, 5, ALL, "Diamond Jubilee of Queen Elizabeth II"},
	{2022, 6, 3, ALL, "Platinum Jubilee of Queen Elizabeth II"},
	{2022, 9, 19, ALL, "State Funeral of Queen Elizabeth II"},
	{2023, 5, 8, ALL, "Coronation of King Charles III"},
};

/*
 * Weekday substitutes that the rules would give but that no proclamation
 * appointed. Scotland, New Year 2010 and 2011: dracos.co.uk "Bad bank
 * holidays", confirmed by the Scottish Government (no Royal Proclamation).
 */
static const struct not_proclaimed {
	int year, month, day;
	unsigned regions;
} not_proclaimed[] = {
	{2010, 1, 4, SC},
	{2011, 1, 4, SC},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

struct tp_holiday_list {
	size_t count, cap;
	struct tp_holiday *items;
	char **owned; /* names allocated for the list, parallel to items */
};

/* ---- building one region's year --------------------------------------- */

struct year_builder {
	struct tp_holiday_list *list;
	int year;
	unsigned region;
	enum tp_status rc;
};

static enum tp_status
list_push(struct tp_holiday_list *list, struct tp_date d,
	  enum tp_holiday_kind kind, unsigned regions, const char *name)
{
	if (list->count == list->cap) {
		size_t cap = list->cap ? list->cap * 2 : 64;
		struct tp_holiday *items =
			realloc(list->items, cap * sizeof(*items));
		if (!items)
			return TP_ERR_NOMEM;
		list->items = items;
		char **owned = realloc(list->owned, cap * sizeof(*owned));
		if (!owned)
			return TP_ERR_NOMEM;
		list->owned = owned;
		list->cap = cap;
	}
	list->items[list->count] = (struct tp_holiday){d, kind, regions, name};
	list->owned[list->count] = NULL;
	list->count++;
	return TP_OK;
}

static struct tp_date
ymd(int y, int m, int d)
{
	return tp_date_from_serial(tp_days_from_civil(y, m, d));
}

static const struct holiday_move *
find_move(int year, enum holiday_id id, unsigned region)
{
	for (size_t i = 0; i < COUNT(moves); i++)
		if (moves[i].year == year && moves[i].id == id &&
		    (moves[i].regions & region))
			return &moves[i];
	return NULL;
}

static bool
is_not_proclaimed(struct tp_date d, unsigned region)
{
	for (size_t i = 0; i < COUNT(not_proclaimed); i++) {
		const struct not_proclaimed *n = &not_proclaimed[i];
		if ((n->regions & region) && d.day == ymd(n->year, n->month,
							  n->day).day)
			return true;
	}
	return false;
}

/* Add a holiday on a weekday; weekend dates are dropped (their substitute
 * days are added separately). Applies the moves table. */
static void
add(struct year_builder *yb, enum holiday_id id, struct tp_date d,
    enum tp_holiday_kind kind, const char *name)
{
	const struct holiday_move *mv = find_move(yb->year, id, yb->region);

	if (yb->rc != TP_OK)
		return;
	if (mv) {
		d = ymd(mv->year, mv->month, mv->day);
		kind = TP_HOLIDAY_ONE_OFF;
		name = mv->name;
	}
	if (tp_date_weekday(d) >= TP_SATURDAY)
		return;
	if (kind == TP_HOLIDAY_SUBSTITUTE && is_not_proclaimed(d, yb->region))
		return;
	yb->rc = list_push(yb->list, d, kind, yb->region, name);
}

/* A holiday on a fixed date whose Saturday or Sunday moves to the next
 * Monday (St Patrick's Day, the Boyne, St Andrew's Day, New Year's Day in
 * E&W and NI). */
static void
add_fixed_monday(struct year_builder *yb, enum holiday_id id, int month,
		 int day, enum tp_holiday_kind kind, const char *name,
		 const char *sub_name)
{
	struct tp_date d = ymd(yb->year, month, day);
	enum tp_weekday wd = tp_date_weekday(d);

	if (wd < TP_SATURDAY)
		add(yb, id, d, kind, name);
	else
		add(yb, id, tp_date_from_serial(d.day + (8 - (int)wd)),
		    TP_HOLIDAY_SUBSTITUTE, sub_name);
}

/* Christmas Day and Boxing Day with their substitutes, as the 1971 Act
 * Sch 1 paras 1-3 and the yearly proclamations give them (pattern confirmed
 * in the gov.uk feed 2012-2028 and by the 1998 proclamation): 25 Dec on a
 * Friday: Mon 28 for Boxing Day; on a Saturday: Mon 27 and Tue 28; on a
 * Sunday: Mon 26 and Tue 27. @boxing is false for Scotland before 1974. */
static void
add_christmas(struct year_builder *yb, enum tp_holiday_kind boxing_kind,
	      bool boxing)
{
	int y = yb->year;
	static const char xmas[] = "Christmas Day",
			  xmas_sub[] = "Christmas Day (substitute day)",
			  box[] = "Boxing Day",
			  box_sub[] = "Boxing Day (substitute day)";

	switch (tp_date_weekday(ymd(y, 12, 25))) {
	case TP_FRIDAY:
		add(yb, H_CHRISTMAS, ymd(y, 12, 25), TP_HOLIDAY_STATUTORY,
		    xmas);
		if (boxing)
			add(yb, H_BOXING, ymd(y, 12, 28),
			    TP_HOLIDAY_SUBSTITUTE, box_sub);
		break;
	case TP_SATURDAY:
		add(yb, H_CHRISTMAS, ymd(y, 12, 27), TP_HOLIDAY_SUBSTITUTE,
		    xmas_sub);
		if (boxing)
			add(yb, H_BOXING, ymd(y, 12, 28),
			    TP_HOLIDAY_SUBSTITUTE, box_sub);
		break;
	case TP_SUNDAY:
		/* Sch 1 para 2: a Sunday Christmas Day in Scotland is
		 * observed on 26 Dec. */
		if (boxing) {
			add(yb, H_BOXING, ymd(y, 12, 26), boxing_kind, box);
			add(yb, H_CHRISTMAS, ymd(y, 12, 27),
			    TP_HOLIDAY_SUBSTITUTE, xmas_sub);
		} else {
			add(yb, H_CHRISTMAS, ymd(y, 12, 26),
			    TP_HOLIDAY_SUBSTITUTE, xmas_sub);
		}
		break;
	default:
		add(yb, H_CHRISTMAS, ymd(y, 12, 25), TP_HOLIDAY_STATUTORY,
		    xmas);
		if (boxing)
			add(yb, H_BOXING, ymd(y, 12, 26), boxing_kind, box);
		break;
	}
}

static void
add_easter(struct year_builder *yb, bool monday)
{
	struct tp_date easter = tp_easter_sunday(yb->year);

	add(yb, H_GOOD_FRIDAY, tp_date_from_serial(easter.day - 2),
	    TP_HOLIDAY_STATUTORY, "Good Friday");
	if (monday)
		add(yb, H_EASTER_MONDAY, tp_date_from_serial(easter.day + 1),
		    TP_HOLIDAY_STATUTORY, "Easter Monday");
}

/* England and Wales (Sch 1 para 1) and Northern Ireland (para 3). */
static void
add_ew_ni(struct year_builder *yb, bool ni)
{
	int y = yb->year;

	/* New Year's Day by proclamation from 1974 (BERR note). */
	if (y >= 1974)
		add_fixed_monday(yb, H_NEW_YEAR, 1, 1, TP_HOLIDAY_PROCLAMATION,
				 "New Year's Day",
				 "New Year's Day (substitute day)");
	/* Sch 1 para 3: 17 March, or 18 March if a Sunday; a Saturday moves
	 * to the Monday by proclamation (gov.uk feed 2012, 2018). */
	if (ni)
		add_fixed_monday(yb, H_ST_PATRICK, 3, 17, TP_HOLIDAY_STATUTORY,
				 "St Patrick's Day",
				 "St Patrick's Day (substitute day)");
	add_easter(yb, true);
	/* Early May by proclamation from 1978 (BERR note). */
	if (y >= 1978)
		add(yb, H_EARLY_MAY, tp_date_nth_weekday(y, 5, TP_MONDAY, 1),
		    TP_HOLIDAY_PROCLAMATION, "Early May bank holiday");
	add(yb, H_SPRING, tp_date_nth_weekday(y, 5, TP_MONDAY, -1),
	    TP_HOLIDAY_STATUTORY, "Spring bank holiday");
	/* Battle of the Boyne, proclaimed every year for Northern Ireland
	 * under s.1(3)/(5) (Gazette notice 4631404 for 2025). */
	if (ni)
		add_fixed_monday(yb, H_BOYNE, 7, 12, TP_HOLIDAY_PROCLAMATION,
				 "Battle of the Boyne (Orangemen's Day)",
				 "Battle of the Boyne (substitute day)");
	add(yb, H_SUMMER, tp_date_nth_weekday(y, 8, TP_MONDAY, -1),
	    TP_HOLIDAY_STATUTORY, "Summer bank holiday");
	add_christmas(yb, TP_HOLIDAY_STATUTORY, true);
}

/* New Year in Scotland, Sch 1 para 2: 1 January (3 January if a Sunday)
 * and 2 January (3 January if a Sunday), the latter from 1973 (s.1(6)).
 * Weekend days get weekday substitutes by proclamation (gov.uk pattern;
 * Gazette L-55182-5SI for 4 Jan 1999), except in 2010 and 2011. */
static void
add_scottish_new_year(struct year_builder *yb)
{
	int y = yb->year;
	static const char ny[] = "New Year's Day",
			  ny_sub[] = "New Year's Day (substitute day)",
			  jan2[] = "2nd January",
			  jan2_sub[] = "2nd January (substitute day)";

	if (y < 1973) {
		/* 1972: 1 January was a Saturday; no 2 January holiday. */
		add(yb, H_NEW_YEAR, ymd(y, 1, 1), TP_HOLIDAY_STATUTORY, ny);
		return;
	}
	switch (tp_date_weekday(ymd(y, 1, 1))) {
	case TP_FRIDAY:
		add(yb, H_NEW_YEAR, ymd(y, 1, 1), TP_HOLIDAY_STATUTORY, ny);
		add(yb, H_JAN2, ymd(y, 1, 4), TP_HOLIDAY_SUBSTITUTE, jan2_sub);
		break;
	case TP_SATURDAY:
		add(yb, H_JAN2, ymd(y, 1, 3), TP_HOLIDAY_SUBSTITUTE, jan2_sub);
		add(yb, H_NEW_YEAR, ymd(y, 1, 4), TP_HOLIDAY_SUBSTITUTE,
		    ny_sub);
		break;
	case TP_SUNDAY:
		add(yb, H_JAN2, ymd(y, 1, 2), TP_HOLIDAY_STATUTORY, jan2);
		add(yb, H_NEW_YEAR, ymd(y, 1, 3), TP_HOLIDAY_SUBSTITUTE,
		    ny_sub);
		break;
	default:
		add(yb, H_NEW_YEAR, ymd(y, 1, 1), TP_HOLIDAY_STATUTORY, ny);
		add(yb, H_JAN2, ymd(y, 1, 2), TP_HOLIDAY_STATUTORY, jan2);
		break;
	}
}

/* Scotland, Sch 1 para 2 as amended by asp 2007/2. */
static void
add_scotland(struct year_builder *yb)
{
	int y = yb->year;

	add_scottish_new_year(yb);
	add_easter(yb, false);
	add(yb, H_EARLY_MAY, tp_date_nth_weekday(y, 5, TP_MONDAY, 1),
	    TP_HOLIDAY_STATUTORY, "Early May bank holiday");
	/* Spring holiday by proclamation from 1978 (BERR note). */
	if (y >= 1978)
		add(yb, H_SPRING, tp_date_nth_weekday(y, 5, TP_MONDAY, -1),
		    TP_HOLIDAY_PROCLAMATION, "Spring bank holiday");
	add(yb, H_SUMMER, tp_date_nth_weekday(y, 8, TP_MONDAY, 1),
	    TP_HOLIDAY_STATUTORY, "Summer bank holiday");
	/* St Andrew's Day Bank Holiday (Scotland) Act 2007 s.1: 30 November,
	 * or the next Monday if it falls at a weekend; first in 2007. */
	if (y >= 2007)
		add_fixed_monday(yb, H_ST_ANDREW, 11, 30, TP_HOLIDAY_STATUTORY,
				 "St Andrew's Day",
				 "St Andrew's Day (substitute day)");
	/* Boxing Day by proclamation from 1974 (BERR note). */
	add_christmas(yb, TP_HOLIDAY_PROCLAMATION, y >= 1974);
}

static void
add_one_offs(struct year_builder *yb)
{
	for (size_t i = 0; i < COUNT(one_offs) && yb->rc == TP_OK; i++) {
		const struct one_off *o = &one_offs[i];
		if (o->year == yb->year && (o->regions & yb->region))
			yb->rc = list_push(yb->list,
					   ymd(o->year, o->month, o->day),
					   TP_HOLIDAY_ONE_OFF, yb->region,
					   o->name);
	}
}

static int
compare_holidays(const void *pa, const void *pb)
{
	const struct tp_holiday *a = pa, *b = pb;
	if (a->date.day != b->date.day)
		return a->date.day < b->date.day ? -1 : 1;
	return (a->regions > b->regions) - (a->regions < b->regions);
}

/* Sort the days from @p from on: one year's, a few dozen at most, in
 * place by insertion, keeping equal days in the order given (as glibc's
 * merge sort did when the whole list was sorted at the end). */
static void
sort_year(struct tp_holiday_list *list, size_t from)
{
	struct tp_holiday *v = list->items;

	for (size_t i = from + 1; i < list->count; i++) {
		struct tp_holiday h = v[i];
		size_t j = i;
		for (; j > from && compare_holidays(&v[j - 1], &h) > 0; j--)
			v[j] = v[j - 1];
		v[j] = h;
	}
}

static enum tp_status
add_year(struct tp_holiday_list *list, enum tp_region region, int y)
{
	struct year_builder yb = {list, y, 1u << region, TP_OK};

	if (region == TP_REGION_SCOTLAND)
		add_scotland(&yb);
	else
		add_ew_ni(&yb, region == TP_REGION_NORTHERN_IRELAND);
	add_one_offs(&yb);
	return yb.rc;
}

/* The days of @p from_region to @p to_region (one region, or the three
 * parts of the UK), year by year, each year's sorted: every day of a
 * year falls in that year (substitute days included), so the list comes
 * out sorted by compare_holidays without sorting it whole. */
static enum tp_status
add_region_years(struct tp_holiday_list *list, enum tp_region from_region,
		 enum tp_region to_region, int from_year, int to_year)
{
	for (int y = from_year; y <= to_year; y++) {
		size_t from = list->count;
		for (int r = from_region; r <= (int)to_region; r++) {
			enum tp_status rc =
				add_year(list, (enum tp_region)r, y);
			if (rc != TP_OK)
				return rc;
		}
		sort_year(list, from);
	}
	return TP_OK;
}

/* ---- the union of the three parts (Procurement Act 2023 s.123) -------- */

static const char *
region_label(unsigned regions)
{
	switch (regions) {
	case EW:
		return "England and Wales";
	case SC:
		return "Scotland";
	case NI:
		return "Northern Ireland";
	case EW | SC:
		return "England, Wales and Scotland";
	case EW | NI:
		return "England, Wales and Northern Ireland";
	case SC | NI:
		return "Scotland and Northern Ireland";
	}
	return "";
}

/* Name a union day from its entries [first, last): "Christmas Day" when
 * every part has it under one name; "St Andrew's Day (Scotland)" when only
 * some parts do; names with their parts joined by "; " otherwise. */
static char *
union_name(const struct tp_holiday *first, const struct tp_holiday *last,
	   unsigned all)
{
	char buf[512];
	size_t used = 0;
	bool same = true;

	for (const struct tp_holiday *h = first + 1; h < last; h++)
		same = same && !strcmp(h->name, first->name);
	if (same && all == ALL)
		return strdup(first->name);
	if (same)
		snprintf(buf, sizeof(buf), "%s (%s)", first->name,
			 region_label(all));
	else
		for (const struct tp_holiday *h = first; h < last; h++) {
			int n = snprintf(buf + used, sizeof(buf) - used,
					 "%s%s (%s)", h == first ? "" : "; ",
					 h->name, region_label(h->regions));
			if (n < 0 || (size_t)n >= sizeof(buf) - used)
				break;
			used += (size_t)n;
		}
	return strdup(buf);
}

/* Merge the per-region entries of one sorted list into one entry per
 * date. Entries of one date are in region order (compare_holidays). */
static enum tp_status
merge_union(const struct tp_holiday_list *in, struct tp_holiday_list *out)
{
	for (size_t i = 0, j; i < in->count; i = j) {
		unsigned all = 0;
		enum tp_holiday_kind kind = in->items[i].kind;
		for (j = i; j < in->count &&
			    in->items[j].date.day == in->items[i].date.day;
		     j++) {
			all |= in->items[j].regions;
			if (in->items[j].kind < kind)
				kind = in->items[j].kind;
		}
		char *name = union_name(&in->items[i], &in->items[j], all);
		if (!name || list_push(out, in->items[i].date, kind, all,
				       name) != TP_OK) {
			free(name);
			return TP_ERR_NOMEM;
		}
		out->owned[out->count - 1] = name;
	}
	return TP_OK;
}

/* ---- public API --------------------------------------------------------- */

static const char *const region_names[] = {
	[TP_REGION_NONE] = "none",
	[TP_REGION_ENGLAND_AND_WALES] = "england-and-wales",
	[TP_REGION_SCOTLAND] = "scotland",
	[TP_REGION_NORTHERN_IRELAND] = "northern-ireland",
	[TP_REGION_UK] = "uk",
};

TP_EXPORT const char *
tp_region_name(enum tp_region region)
{
	if ((unsigned)region >= COUNT(region_names))
		return NULL;
	return region_names[region];
}

TP_EXPORT enum tp_status
tp_region_from_name(const char *name, enum tp_region *out,
		    struct tp_error *err)
{
	if (!out)
		return tp_error_null(err, __func__);
	for (size_t i = 0; name && i < COUNT(region_names); i++)
		if (!strcmp(name, region_names[i])) {
			*out = (enum tp_region)i;
			return TP_OK;
		}
	return tp_error_setf(err, TP_ERR_INVALID, NULL,
			     "unknown region '%.64s' (expected "
			     "england-and-wales, scotland, northern-ireland, "
			     "uk or none)",
			     name ? name : "");
}

TP_EXPORT const char *
tp_holiday_kind_name(enum tp_holiday_kind kind)
{
	switch (kind) {
	case TP_HOLIDAY_STATUTORY:
		return "statutory";
	case TP_HOLIDAY_PROCLAMATION:
		return "proclamation";
	case TP_HOLIDAY_SUBSTITUTE:
		return "substitute";
	case TP_HOLIDAY_ONE_OFF:
		return "one-off";
	case TP_HOLIDAY_EXTRA:
		return "extra";
	case TP_HOLIDAY_IMPORTED:
		return "imported";
	case TP_HOLIDAY_CLOSURE:
		return "closure";
	}
	return "unknown";
}

TP_EXPORT void
tp_holiday_list_free(struct tp_holiday_list *list)
{
	if (!list)
		return;
	for (size_t i = 0; i < list->count; i++)
		free(list->owned[i]);
	free(list->owned);
	free(list->items);
	free(list);
}

TP_EXPORT size_t
tp_holiday_list_count(const struct tp_holiday_list *list)
{
	return list ? list->count : 0;
}

TP_EXPORT const struct tp_holiday *
tp_holiday_list_get(const struct tp_holiday_list *list, size_t i)
{
	if (!list || i >= list->count)
		return NULL;
	return &list->items[i];
}

static enum tp_status
check_years(enum tp_region region, int from_year, int to_year,
	    struct tp_error *err)
{
	if (!tp_region_name(region))
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "unknown region number %d", (int)region);
	if (from_year > to_year)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "the year range %d to %d is empty",
				     from_year, to_year);
	if (from_year < TP_HOLIDAYS_FIRST_YEAR || to_year > TP_YEAR_MAX)
		return tp_error_setf(err, TP_ERR_RANGE, NULL,
				     "bank holidays are known from %d to %d, "
				     "not %d to %d",
				     TP_HOLIDAYS_FIRST_YEAR, TP_YEAR_MAX,
				     from_year, to_year);
	return TP_OK;
}

static enum tp_status
fill_list(struct tp_holiday_list *list, enum tp_region region, int from_year,
	  int to_year)
{
	enum tp_status rc = TP_OK;

	if (region == TP_REGION_NONE)
		return TP_OK;
	if (region != TP_REGION_UK)
		return add_region_years(list, region, region, from_year,
					to_year);

	struct tp_holiday_list all = {0};
	rc = add_region_years(&all, TP_REGION_ENGLAND_AND_WALES,
			      TP_REGION_NORTHERN_IRELAND, from_year, to_year);
	if (rc == TP_OK)
		rc = merge_union(&all, list);
	free(all.items);
	free(all.owned);
	return rc;
}

TP_EXPORT enum tp_status
tp_region_holidays(enum tp_region region, int from_year, int to_year,
		   struct tp_holiday_list **out, struct tp_error *err)
{
	if (!out)
		return tp_error_null(err, __func__);
	struct tp_holiday_list *list;
	enum tp_status rc = check_years(region, from_year, to_year, err);

	if (rc != TP_OK)
		return rc;
	list = calloc(1, sizeof(*list));
	if (!list)
		return tp_error_nomem(err);
	rc = fill_list(list, region, from_year, to_year);
	if (rc != TP_OK) {
		tp_holiday_list_free(list);
		return tp_error_nomem(err);
	}
	*out = list;
	return TP_OK;
}
