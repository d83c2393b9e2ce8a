/* SPDX-License-Identifier: MIT */
/* The VTIMEZONE of the iCalendar export (lib/calendar/ics-zone.c), year by year
 * from 1972 to 2199: the zone it describes, as libical reads it, must give
 * every local time the UTC offset that the C library's own reading of the
 * system tzdata gives (glibc's mktime with TZ=Europe/London: an independent
 * reader of the same data). Also its shape: TZID exactly Europe/London, no
 * X- or TZUNTIL property, no RDATE in UTC, truncated to the years asked
 * for. tests/ics-zone.py checks the exported files with Python's zoneinfo
 * and python-dateutil. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>
#include <libical/ical.h>

#include "export-private.h"

static long
civil_seconds(const struct tm *tm)
{
	struct tp_date d =
		TP_DATE(tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday);
	return (long)d.day * 86400 + tm->tm_hour * 3600 + tm->tm_min * 60 +
	       tm->tm_sec;
}

/* The UTC offset glibc gives local time y-mo-d h:mi in $TZ. */
static int
glibc_offset(int y, int mo, int d, int h, int mi)
{
	struct tm tm = {.tm_year = y - 1900,
			.tm_mon = mo - 1,
			.tm_mday = d,
			.tm_hour = h,
			.tm_min = mi,
			.tm_isdst = -1};
	time_t t = mktime(&tm);
	struct tm u;

	gmtime_r(&t, &u);
	return (int)(civil_seconds(&tm) - civil_seconds(&u));
}

static int
setup_tz(void **state)
{
	(void)state;
	setenv("TZ", "Europe/London", 1);
	tzset();
	return 0;
}

static void
check_shape(icalcomponent *vtz)
{
	icalproperty *id =
		icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY);
	assert_non_null(id);
	assert_string_equal(icalproperty_get_tzid(id), "Europe/London");
	assert_null(icalcomponent_get_first_property(vtz, ICAL_X_PROPERTY));
	assert_null(
		icalcomponent_get_first_property(vtz, ICAL_TZUNTIL_PROPERTY));
	for (icalcomponent *o =
		     icalcomponent_get_first_component(vtz, ICAL_ANY_COMPONENT);
	     o; o = icalcomponent_get_next_component(vtz, ICAL_ANY_COMPONENT))
		for (icalproperty *p = icalcomponent_get_first_property(
			     o, ICAL_RDATE_PROPERTY);
		     p; p = icalcomponent_get_next_property(
				o, ICAL_RDATE_PROPERTY))
			assert_false(icaltime_is_utc(
				icalproperty_get_rdate(p).time));
}

/* Local times checked each day: not 01:00-02:59, which the changes of the
 * clocks (always a Sunday, never a working day) make ambiguous. */
static const int check_hours[] = {0, 12, 23};

static int
check_year(icaltimezone *z, int y)
{
	int bad = 0;
	for (int mo = 1; mo <= 12; mo++)
		for (int d = 1; d <= icaltime_days_in_month(mo, y); d++)
			for (size_t k = 0; k < 3; k++) {
				struct icaltimetype t = icaltime_null_time();
				int dst;
				t.year = y;
				t.month = mo;
				t.day = d;
				t.hour = check_hours[k];
				t.minute = 30;
				int mine = icaltimezone_get_utc_offset(z, &t,
								       &dst);
				int ref = glibc_offset(y, mo, d, check_hours[k],
						       30);
				if (mine != ref && bad++ < 3)
					print_error("%04d-%02d-%02d %02d:30: "
						    "%d, tzdata %d\n",
						    y, mo, d, check_hours[k],
						    mine, ref);
			}
	return bad;
}

/* Under valgrind (TP_TEST_QUICK, tests/meson.build) every year would
 * take minutes: then the years where tzdata's rules change (1972-1982,
 * 1994-1999, 2036-2038, 2198-2199) and every seventh year between. */
static bool
year_checked(int y)
{
	if (!getenv("TP_TEST_QUICK"))
		return true;
	return y <= 1982 || (y >= 1994 && y <= 1999) ||
	       (y >= 2036 && y <= 2038) || y >= 2198 || y % 7 == 0;
}

/* A plan within one year: the zone covers that year and the next. */
static void
every_year_1972_to_2199(void **state)
{
	int bad = 0;
	(void)state;
	for (int y = 1972; y <= 2199; y++) {
		if (!year_checked(y))
			continue;
		icalcomponent *vtz = NULL;
		icaltimezone *z = NULL;
		struct tp_error err;
		assert_int_equal(tp_ics_vtimezone_range(
					 "Europe/London", TP_DATE(y, 1, 1),
					 TP_DATE(y, 12, 31), &vtz, &z, &err),
				 TP_OK);
		check_shape(vtz);
		bad += check_year(z, y);
		icaltimezone_free(z, 1);
		icalcomponent_free(vtz);
	}
	assert_int_equal(bad, 0);
}

/* A long portfolio: one zone for 1975-2040 read back from its text. */
static void
one_zone_for_many_years(void **state)
{
	icalcomponent *vtz = NULL;
	int bad = 0;
	(void)state;
	assert_int_equal(
		tp_ics_vtimezone_range("Europe/London", TP_DATE(1975, 6, 1),
				       TP_DATE(2040, 6, 1), &vtz, NULL, NULL),
		TP_OK);
	char *text = icalcomponent_as_ical_string_r(vtz);
	icalcomponent *back = icalparser_parse_string(text);
	icalmemory_free_buffer(text);
	assert_non_null(back);
	icaltimezone *z = icaltimezone_new();
	assert_int_equal(icaltimezone_set_component(z, back), 1);
	for (int y = 1975; y <= 2041; y++)
		if (year_checked(y))
			bad += check_year(z, y);
	assert_int_equal(bad, 0);
	icaltimezone_free(z, 1);
	icalcomponent_free(vtz);
}

/* The whole zone (for OCDS times in any year): every year 1972-2199. */
static void
whole_zone_every_year(void **state)
{
	icalcomponent *vtz = NULL;
	int bad = 0;
	(void)state;
	assert_int_equal(tp_ics_vtimezone("Europe/London", &vtz, NULL), TP_OK);
	check_shape(vtz);
	icaltimezone *z = icaltimezone_new();
	assert_int_equal(icaltimezone_set_component(z, vtz), 1);
	for (int y = 1972; y <= 2199; y++)
		if (year_checked(y))
			bad += check_year(z, y);
	assert_int_equal(bad, 0);
	icaltimezone_free(z, 1);
}

/* libical 3.0.16's own Europe/London puts 23 Oct 1977 - 19 Mar 1978 in
 * BST; tzdata (its rule "GB-Eire 1972-1980 Oct Sun>=23 2:00s": GMT from
 * Sun 23 Oct 1977) and glibc put it in GMT. The repaired zone does too. */
static void
repairs_libical_1977(void **state)
{
	icalcomponent *vtz = NULL;
	icaltimezone *z = NULL;
	struct icaltimetype t = icaltime_null_time();
	int dst;
	(void)state;
	t.year = 1977;
	t.month = 11;
	t.day = 1;
	t.hour = 12;
	assert_int_equal(glibc_offset(1977, 11, 1, 12, 0), 0);
	assert_int_equal(
		tp_ics_vtimezone_range("Europe/London", TP_DATE(1977, 1, 1),
				       TP_DATE(1977, 12, 31), &vtz, &z, NULL),
		TP_OK);
	assert_int_equal(icaltimezone_get_utc_offset(z, &t, &dst), 0);
	icaltimezone_free(z, 1);
	icalcomponent_free(vtz);
}

/* The window: nothing before the first year is kept. */
static void
truncated_to_the_years(void **state)
{
	icalcomponent *vtz = NULL;
	(void)state;
	assert_int_equal(
		tp_ics_vtimezone_range("Europe/London", TP_DATE(2011, 3, 1),
				       TP_DATE(2012, 5, 4), &vtz, NULL, NULL),
		TP_OK);
	int n = 0;
	for (icalcomponent *o =
		     icalcomponent_get_first_component(vtz, ICAL_ANY_COMPONENT);
	     o; o = icalcomponent_get_next_component(vtz, ICAL_ANY_COMPONENT))
		n++;
	/* the 1981 BST rule and the 1996 GMT rule (DTSTARTs kept for
	 * Outlook), nothing from 1847-1980 */
	assert_true(n >= 2 && n <= 4);
	char *text = icalcomponent_as_ical_string_r(vtz);
	assert_null(strstr(text, "DTSTART:1847"));
	assert_null(strstr(text, "RDATE"));
	assert_null(strstr(text, "X-LIC-LOCATION"));
	icalmemory_free_buffer(text);
	icalcomponent_free(vtz);
}

static void
unknown_zone(void **state)
{
	icalcomponent *vtz = NULL;
	struct tp_error err;
	(void)state;
	assert_int_equal(
		tp_ics_vtimezone_range("Mars/Olympus", TP_DATE(2011, 3, 1),
				       TP_DATE(2012, 5, 4), &vtz, NULL, &err),
		TP_ERR_INVALID);
	assert_non_null(strstr(err.message, "Mars/Olympus"));
	assert_null(vtz);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_year_1972_to_2199),
		cmocka_unit_test(one_zone_for_many_years),
		cmocka_unit_test(whole_zone_every_year),
		cmocka_unit_test(repairs_libical_1977),
		cmocka_unit_test(truncated_to_the_years),
		cmocka_unit_test(unknown_zone),
	};
	int rc = cmocka_run_group_tests(tests, setup_tz, NULL);
	icaltimezone_free_builtin_timezones();
	return rc;
}
