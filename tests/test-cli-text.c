/* SPDX-License-Identifier: MIT */
/* The batch-mode text helpers of the tenderplan program (tools/cli-text.c):
 * the fast date formatter against tp_date_format() for every day of the
 * supported range (an independent implementation: H. Hinnant's
 * civil_from_days and snprintf), integers, and field splitting. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "cli.h"

static void
put_date_every_day(void **state)
{
	char want[TP_DATE_STRLEN], got[CLI_DATE_LEN + 1];

	for (int32_t day = tp_date_min().day; day <= tp_date_max().day; day++) {
		struct tp_date d = {day};
		char *end = cli_put_date(got, d);
		*end = '\0';
		assert_int_equal(end - got, CLI_DATE_LEN);
		if (strcmp(got, tp_date_format(d, want)) != 0)
			fail_msg("day %d: got %s, want %s", day, got, want);
	}
}

static void
put_int(void **state)
{
	static const struct {
		long v;
		const char *s;
	} cases[] = {{0, "0"},
		     {7, "7"},
		     {-7, "-7"},
		     {300, "300"},
		     {-300, "-300"},
		     {2147483647L, "2147483647"},
		     {-2147483647L - 1, "-2147483648"}};
	char buf[24];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		*cli_put_int(buf, cases[i].v) = '\0';
		assert_string_equal(buf, cases[i].s);
	}
}

static void
parse_int32(void **state)
{
	int32_t v = 0;

	assert_true(cli_parse_int32("42", 2, &v));
	assert_int_equal(v, 42);
	assert_true(cli_parse_int32("-300", 4, &v));
	assert_int_equal(v, -300);
	assert_true(cli_parse_int32("+5", 2, &v));
	assert_int_equal(v, 5);
	assert_true(cli_parse_int32("2147483647", 10, &v));
	assert_int_equal(v, INT32_MAX);
	assert_true(cli_parse_int32("-2147483648", 11, &v));
	assert_int_equal(v, INT32_MIN);
	/* Only the given length is read: "12" of "123". */
	assert_true(cli_parse_int32("123", 2, &v));
	assert_int_equal(v, 12);
	assert_false(cli_parse_int32("2147483648", 10, &v));
	assert_false(cli_parse_int32("-2147483649", 11, &v));
	assert_false(cli_parse_int32("99999999999999999999", 20, &v));
	assert_false(cli_parse_int32("", 0, &v));
	assert_false(cli_parse_int32("-", 1, &v));
	assert_false(cli_parse_int32("1.5", 3, &v));
	assert_false(cli_parse_int32("1 ", 2, &v));
	assert_false(cli_parse_int32("0x10", 4, &v));
}

static void
split2(void **state)
{
	const char *f1, *f2;
	size_t l1, l2;
	const char *line = " \t2025-04-17  -2\t ";

	assert_true(cli_split2(line, strlen(line), &f1, &l1, &f2, &l2));
	assert_int_equal(l1, 10);
	assert_memory_equal(f1, "2025-04-17", 10);
	assert_int_equal(l2, 2);
	assert_memory_equal(f2, "-2", 2);
	assert_false(cli_split2("", 0, &f1, &l1, &f2, &l2));
	assert_false(cli_split2("2025-04-17", 10, &f1, &l1, &f2, &l2));
	assert_false(cli_split2("a b c", 5, &f1, &l1, &f2, &l2));
	/* The length bounds the line: "a b" of "a b c". */
	assert_true(cli_split2("a b c", 3, &f1, &l1, &f2, &l2));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(put_date_every_day),
		cmocka_unit_test(put_int),
		cmocka_unit_test(parse_int32),
		cmocka_unit_test(split2),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
