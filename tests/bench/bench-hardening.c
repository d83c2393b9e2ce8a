/* SPDX-License-Identifier: MIT */
/* Hostile inputs at the size caps (#9): every generator of tests/hostile.c
 * at its full size (holiday files 16 MiB, plan files 8 MiB; --quick: the
 * smallest size that shows the case, 1 to 5 MiB), read as the library reads
 * them. Prints the size, the time and the outcome of each; the goal is 2 s for
 * any of them on the 2-core CI machine, but nothing here asserts on time. A
 * wrong outcome fails.
 *
 * For contrast, the stage table the plan used before (linear probing on
 * FNV-1a, unkeyed) is timed on the same colliding ids: it is quadratic in
 * them, so it runs on 10,000 ids (--quick: 3,000), not 100,000. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <tenderplan/tenderplan.h>

#include "bench-util.h"

#include "../hostile.h"

static uint32_t
fnv1a(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The old table: open addressing, two thirds full at most. */
static double
time_fnv_table(size_t n)
{
	char(*ids)[16] = malloc(n * sizeof(*ids));
	uint32_t slots = 8, *table;
	double t0;
	size_t probes = 0;

	while (slots < n + n / 2)
		slots *= 2;
	table = calloc(slots, sizeof(*table));
	if (!ids || !table)
		abort();
	hostile_colliding_ids(ids, n);
	t0 = bench_now_s();
	for (size_t i = 0; i < n; i++) {
		uint32_t k = fnv1a(ids[i]) & (slots - 1);
		while (table[k] && strcmp(ids[table[k] - 1], ids[i]) != 0) {
			k = (k + 1) & (slots - 1);
			probes++;
		}
		table[k] = (uint32_t)i + 1;
	}
	t0 = bench_now_s() - t0;
	printf("  old FNV-1a table, %zu colliding ids: %.3f s (%zu probes)\n",
	       n, t0, probes);
	free(table);
	free(ids);
	return t0;
}

int
main(int argc, char **argv)
{
	bool quick = argc > 1 && strcmp(argv[1], "--quick") == 0;
	double worst = 0;
	int bad = 0;

	printf("hostile inputs%s:\n", quick ? " (quick: smaller sizes)" : "");
	for (size_t i = 0; i < hostile_ncases; i++) {
		const struct hostile_case *c = &hostile_cases[i];
		size_t size = c->full_size;
		struct hostile_buf b = {0};
		char what[400];
		double t;
		bool ok;

		if (quick)
			size = c->quick_size;
		c->make(&b, size);
		t = bench_now_s();
		ok = hostile_run(c, &b, what, sizeof(what));
		t = bench_now_s() - t;
		if (t > worst)
			worst = t;
		printf("  %-28s %9zu bytes %7.3f s  %s%.90s\n", c->name, b.len,
		       t, ok ? "" : "UNEXPECTED: ", what);
		bad += !ok;
		hostile_buf_free(&b);
	}
	{
		struct rusage ru;
		getrusage(RUSAGE_SELF, &ru);
		printf("  slowest: %.3f s (goal: under 2 s each); peak "
		       "memory %ld MiB (inputs included)\n",
		       worst, ru.ru_maxrss / 1024);
	}
	time_fnv_table(quick ? 3000 : 10000);
	return bad ? 1 : 0;
}
