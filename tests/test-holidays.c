/* SPDX-License-Identifier: MIT */
/* Built-in UK bank holidays.
 *
 * 1. The whole of 1972-2030 for each region is compared with
 *    tests/data/holidays/<region>.txt, written independently of lib/: the
 *    2012-2028 rows transcribed from the gov.uk feed table in
 *    shared/reference/uk-bank-holidays.md, the other years derived from the
 *    documented rules by a separate Python script (see the files' headers).
 * 2. Spot checks below, each from the reference or the research notes
 *    (weekdays checked by hand with a perpetual calendar). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <tenderplan/tenderplan.h>

static struct tp_holiday_list *
holidays(enum tp_region r, int from, int to)
{
	struct tp_holiday_list *l = NULL;
	struct tp_error err;
	if (tp_region_holidays(r, from, to, &l, &err) != TP_OK)
		fail_msg("%s", err.message);
	return l;
}

static const struct tp_holiday *
find(const struct tp_holiday_list *l, struct tp_date d)
{
	for (size_t i = 0; i < tp_holiday_list_count(l); i++)
		if (tp_holiday_list_get(l, i)->date.day == d.day)
			return tp_holiday_list_get(l, i);
	return NULL;
}

static bool
is_holiday(enum tp_region r, struct tp_date d)
{
	int y;
	tp_date_to_ymd(d, &y, NULL, NULL);
	struct tp_holiday_list *l = holidays(r, y, y);
	bool found = find(l, d) != NULL;
	tp_holiday_list_free(l);
	return found;
}

#define EW TP_REGION_ENGLAND_AND_WALES
#define SC TP_REGION_SCOTLAND
#define NI TP_REGION_NORTHERN_IRELAND

static int
count_year(enum tp_region r, int y)
{
	struct tp_holiday_list *l = holidays(r, y, y);
	int n = (int)tp_holiday_list_count(l);
	tp_holiday_list_free(l);
	return n;
}

static void
counts_per_year(void **state)
{
	/* uk-bank-holidays.md section 2.3, "Counts per year in GOVUK-JSON". */
	assert_int_equal(count_year(EW, 2013), 8);
	assert_int_equal(count_year(EW, 2012), 9);
	assert_int_equal(count_year(EW, 2022), 10);
	assert_int_equal(count_year(EW, 2023), 9);
	assert_int_equal(count_year(SC, 2013), 9);
	assert_int_equal(count_year(SC, 2012), 10);
	assert_int_equal(count_year(SC, 2022), 11);
	assert_int_equal(count_year(SC, 2023), 10);
	assert_int_equal(count_year(NI, 2013), 10);
	assert_int_equal(count_year(NI, 2012), 11);
	assert_int_equal(count_year(NI, 2022), 12);
	assert_int_equal(count_year(NI, 2023), 11);
}

static void
history_start_years(void **state)
{
	/* New Year's Day in E&W and NI from 1974 (BERR note): Mon 1 Jan 1973
	 * was a working day in England, Tue 1 Jan 1974 a holiday. */
	assert_false(is_holiday(EW, TP_DATE(1973, 1, 1)));
	assert_true(is_holiday(EW, TP_DATE(1974, 1, 1)));
	assert_false(is_holiday(NI, TP_DATE(1973, 1, 1)));
	/* Scotland: New Year's Day statutory; 2 January only from 1973
	 * (BFDA 1971 s.1(6)): Tue 2 Jan 1973 a holiday. */
	assert_true(is_holiday(SC, TP_DATE(1973, 1, 1)));
	assert_true(is_holiday(SC, TP_DATE(1973, 1, 2)));
	/* Early May in E&W from 1978 (Mon 1 May 1978); Mon 2 May 1977 was a
	 * holiday only in Scotland, where it is statutory. */
	assert_false(is_holiday(EW, TP_DATE(1977, 5, 2)));
	assert_true(is_holiday(SC, TP_DATE(1977, 5, 2)));
	assert_true(is_holiday(EW, TP_DATE(1978, 5, 1)));
	/* Scottish spring holiday from 1978: Mon 29 May 1978, not Mon 31 May
	 * 1976. */
	assert_false(is_holiday(SC, TP_DATE(1976, 5, 31)));
	assert_true(is_holiday(SC, TP_DATE(1978, 5, 29)));
	/* Scottish Boxing Day from 1974: Wed 26 Dec 1973 no, Thu 26 Dec 1974
	 * yes. */
	assert_false(is_holiday(SC, TP_DATE(1973, 12, 26)));
	assert_true(is_holiday(SC, TP_DATE(1974, 12, 26)));
	/* St Andrew's Day from 2007: Thu 30 Nov 2006 no, Fri 30 Nov 2007
	 * yes; never in England. */
	assert_false(is_holiday(SC, TP_DATE(2006, 11, 30)));
	assert_true(is_holiday(SC, TP_DATE(2007, 11, 30)));
	assert_false(is_holiday(EW, TP_DATE(2007, 11, 30)));
	/* Easter Monday is not a Scottish bank holiday: 21 Apr 2025. */
	assert_false(is_holiday(SC, TP_DATE(2025, 4, 21)));
	assert_true(is_holiday(EW, TP_DATE(2025, 4, 21)));
}

static void
one_offs_and_moves(void **state)
{
	/* Silver Jubilee Tue 7 Jun 1977, spring moved to Mon 6 Jun (E&W). */
	assert_true(is_holiday(EW, TP_DATE(1977, 6, 7)));
	assert_true(is_holiday(SC, TP_DATE(1977, 6, 7)));
	assert_true(is_holiday(EW, TP_DATE(1977, 6, 6)));
	assert_false(is_holiday(EW, TP_DATE(1977, 5, 30)));
	/* Royal wedding Wed 29 Jul 1981. */
	assert_true(is_holiday(NI, TP_DATE(1981, 7, 29)));
	/* 1995: Early May moved to Mon 8 May in E&W and NI; Scotland had Mon
	 * 1 May and Mon 8 May (Hansard WA 2 Mar 1995). */
	assert_false(is_holiday(EW, TP_DATE(1995, 5, 1)));
	assert_true(is_holiday(EW, TP_DATE(1995, 5, 8)));
	assert_true(is_holiday(SC, TP_DATE(1995, 5, 1)));
	assert_true(is_holiday(SC, TP_DATE(1995, 5, 8)));
	/* Millennium Fri 31 Dec 1999; 2002 spring Mon 3 Jun + Tue 4 Jun
	 * instead of Mon 27 May. */
	assert_true(is_holiday(SC, TP_DATE(1999, 12, 31)));
	assert_false(is_holiday(EW, TP_DATE(2002, 5, 27)));
	assert_true(is_holiday(EW, TP_DATE(2002, 6, 3)));
	assert_true(is_holiday(EW, TP_DATE(2002, 6, 4)));
	/* Fri 29 Apr 2011 royal wedding. */
	assert_true(is_holiday(EW, TP_DATE(2011, 4, 29)));
	/* 2020: Early May on Fri 8 May (VE Day), Mon 4 May a working day. */
	assert_false(is_holiday(EW, TP_DATE(2020, 5, 4)));
	assert_true(is_holiday(EW, TP_DATE(2020, 5, 8)));
	/* 2022: Thu 2 Jun, Fri 3 Jun, Mon 19 Sep; not Mon 30 May. */
	assert_false(is_holiday(EW, TP_DATE(2022, 5, 30)));
	assert_true(is_holiday(EW, TP_DATE(2022, 6, 2)));
	assert_true(is_holiday(NI, TP_DATE(2022, 9, 19)));
	/* Coronation Mon 8 May 2023. */
	assert_true(is_holiday(SC, TP_DATE(2023, 5, 8)));
	/* Wed 14 Nov 1973 is deliberately not a holiday (no proclamation). */
	assert_false(is_holiday(EW, TP_DATE(1973, 11, 14)));
}

static void
scottish_new_year_substitutes(void **state)
{
	/* 4 Jan 2010 and 4 Jan 2011 were not proclaimed (dracos.co.uk, the
	 * Scottish Government); 4 Jan 1999 was (Gazette L-55182-5SI) and
	 * 4 Jan 2005 was (2004 proclamation). Mon 3 Jan 2011 is 2 January's
	 * statutory Monday (Sch 1 para 2). */
	assert_false(is_holiday(SC, TP_DATE(2010, 1, 4)));
	assert_false(is_holiday(SC, TP_DATE(2011, 1, 4)));
	assert_true(is_holiday(SC, TP_DATE(2011, 1, 3)));
	assert_true(is_holiday(SC, TP_DATE(1999, 1, 4)));
	assert_true(is_holiday(SC, TP_DATE(2005, 1, 4)));
	assert_true(is_holiday(SC, TP_DATE(2005, 1, 3)));
	/* gov.uk 2016 and 2022. */
	assert_true(is_holiday(SC, TP_DATE(2016, 1, 4)));
	assert_true(is_holiday(SC, TP_DATE(2022, 1, 4)));
}

static void
kinds_and_names(void **state)
{
	struct tp_holiday_list *l = holidays(EW, 2012, 2026);
	const struct tp_holiday *h;

	h = find(l, TP_DATE(2012, 6, 5));
	assert_non_null(h);
	assert_int_equal(h->kind, TP_HOLIDAY_ONE_OFF);
	assert_non_null(strstr(h->name, "Diamond Jubilee"));
	h = find(l, TP_DATE(2026, 12, 28));
	assert_int_equal(h->kind, TP_HOLIDAY_SUBSTITUTE);
	assert_string_equal(h->name, "Boxing Day (substitute day)");
	h = find(l, TP_DATE(2025, 1, 1));
	assert_int_equal(h->kind, TP_HOLIDAY_PROCLAMATION);
	h = find(l, TP_DATE(2025, 4, 18));
	assert_string_equal(h->name, "Good Friday");
	assert_int_equal(h->regions, 1u << EW);
	tp_holiday_list_free(l);
	assert_string_equal(tp_holiday_kind_name(TP_HOLIDAY_ONE_OFF),
			    "one-off");
}

static void
union_of_the_uk(void **state)
{
	/* Procurement Act 2023 s.123: a bank holiday in any part of the UK.
	 * 2025: Mon 14 Jul Boyne (NI), Mon 4 Aug (Scotland), Mon 1 Dec St
	 * Andrew's substitute, Fri 2 Jan 2026 (Scotland) - reference
	 * procurement-rules.md section 3.2 worked examples. */
	struct tp_holiday_list *l = holidays(TP_REGION_UK, 2025, 2026);
	const struct tp_holiday *h = find(l, TP_DATE(2025, 7, 14));
	assert_non_null(h);
	assert_int_equal(h->regions, 1u << NI);
	assert_non_null(strstr(h->name, "Northern Ireland"));
	assert_non_null(find(l, TP_DATE(2025, 8, 4)));
	assert_non_null(find(l, TP_DATE(2025, 8, 25)));
	assert_non_null(find(l, TP_DATE(2025, 12, 1)));
	assert_non_null(find(l, TP_DATE(2026, 1, 2)));
	h = find(l, TP_DATE(2025, 12, 25));
	assert_int_equal(h->regions, (1u << EW) | (1u << SC) | (1u << NI));
	assert_string_equal(h->name, "Christmas Day");
	/* Each date once, sorted. */
	for (size_t i = 1; i < tp_holiday_list_count(l); i++)
		assert_true(tp_holiday_list_get(l, i - 1)->date.day <
			    tp_holiday_list_get(l, i)->date.day);
	tp_holiday_list_free(l);
}

static void
errors(void **state)
{
	struct tp_holiday_list *l = NULL;
	struct tp_error err;
	enum tp_region r;
	assert_int_equal(tp_region_holidays(EW, 1971, 1975, &l, &err),
			 TP_ERR_RANGE);
	assert_non_null(strstr(err.message, "1972"));
	assert_null(l);
	assert_int_equal(tp_region_holidays(EW, 1980, 1979, &l, &err),
			 TP_ERR_INVALID);
	assert_int_equal(tp_region_holidays(EW, 2000, 2200, &l, &err),
			 TP_ERR_RANGE);
	assert_int_equal(tp_region_from_name("wales", &r, &err),
			 TP_ERR_INVALID);
	assert_non_null(strstr(err.message, "'wales'"));
	assert_int_equal(tp_region_from_name("scotland", &r, NULL), TP_OK);
	assert_int_equal(r, SC);
	assert_string_equal(tp_region_name(TP_REGION_UK), "uk");
	assert_null(tp_region_name((enum tp_region)42));
	/* No holidays at all for "none". */
	assert_int_equal(tp_region_holidays(TP_REGION_NONE, 2000, 2001, &l,
					    NULL),
			 TP_OK);
	assert_int_equal(tp_holiday_list_count(l), 0);
	tp_holiday_list_free(l);
}

/* Compare 1972-2030 with the expected file, line by line. */
static void
check_region_file(enum tp_region r)
{
	char path[1024], line[256];
	const char *dir = getenv("TP_TEST_DATA");
	struct tp_holiday_list *l = holidays(r, 1972, 2030);
	size_t i = 0;
	int lineno = 0;
	FILE *f;

	assert_non_null(dir);
	snprintf(path, sizeof(path), "%s/holidays/%s.txt", dir,
		 tp_region_name(r));
	f = fopen(path, "r");
	if (!f)
		fail_msg("cannot open %s", path);
	while (fgets(line, sizeof(line), f)) {
		struct tp_date want;
		char got[TP_DATE_STRLEN];
		lineno++;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		if (tp_date_parse(line, 10, &want, NULL) != TP_OK)
			fail_msg("%s:%d: bad line", path, lineno);
		if (i >= tp_holiday_list_count(l))
			fail_msg("%s:%d: %.10s missing (library ends early)",
				 path, lineno, line);
		tp_date_format(tp_holiday_list_get(l, i)->date, got);
		if (tp_holiday_list_get(l, i)->date.day != want.day)
			fail_msg("%s:%d: expected %.10s, library gives %s",
				 path, lineno, line, got);
		i++;
	}
	fclose(f);
	if (i != tp_holiday_list_count(l))
		fail_msg("%s: library has %zu more holidays", path,
			 tp_holiday_list_count(l) - i);
	tp_holiday_list_free(l);
}

static void
england_and_wales_1972_2030(void **state)
{
	check_region_file(EW);
}

static void
scotland_1972_2030(void **state)
{
	check_region_file(SC);
}

static void
northern_ireland_1972_2030(void **state)
{
	check_region_file(NI);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(counts_per_year),
		cmocka_unit_test(history_start_years),
		cmocka_unit_test(one_offs_and_moves),
		cmocka_unit_test(scottish_new_year_substitutes),
		cmocka_unit_test(kinds_and_names),
		cmocka_unit_test(union_of_the_uk),
		cmocka_unit_test(errors),
		cmocka_unit_test(england_and_wales_1972_2030),
		cmocka_unit_test(scotland_1972_2030),
		cmocka_unit_test(northern_ireland_1972_2030),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
