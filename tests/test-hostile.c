/* SPDX-License-Identifier: MIT */
/* Hostile inputs made at test time (tests/hostile.c, fixed seeds): each is
 * read or refused with the message expected of it, without crashing,
 * hanging or printing (#9). "--full" runs them at the size caps (16 MiB
 * holiday files, 8 MiB plans; suite slow); otherwise at the smallest size
 * that shows each case, and under valgrind (TP_TEST_QUICK) at most 256
 * KiB of the cases that show at 1 MiB, the costly ones left out. The timings
 * are tests/bench/bench-hardening.c's. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "hostile.h"

static bool full;

static void
every_case(void **state)
{
	bool quick = getenv("TP_TEST_QUICK") != NULL;
	size_t run = 0;

	(void)state;
	for (size_t i = 0; i < hostile_ncases; i++) {
		const struct hostile_case *c = &hostile_cases[i];
		size_t size = full ? c->full_size : c->quick_size;
		struct hostile_buf b = {0};
		char what[400];
		if (!full && quick) {
			if (size > ((size_t)1 << 20) || c->costly)
				continue;
			if (size > ((size_t)1 << 18))
				size = (size_t)1 << 18;
		}
		c->make(&b, size);
		if (!hostile_run(c, &b, what, sizeof(what)))
			fail_msg("%s (%zu bytes): %s; expected %s", c->name,
				 b.len, what, c->expect ? c->expect : "read");
		print_message("# %s, %zu bytes: %.60s\n", c->name, b.len, what);
		hostile_buf_free(&b);
		run++;
	}
	assert_true(run >= 8);
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_case),
	};

	full = argc > 1 && strcmp(argv[1], "--full") == 0;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
