/* SPDX-License-Identifier: MIT */
/* Working-day arithmetic on the England and Wales calendar (1972-2199):
 * random add (start 2000-2040, N in -300..300) and random between (spans up
 * to five years either way). Prints ns/op and a checksum; --quick runs a
 * tenth. Never asserts on time. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <tenderplan/tenderplan.h>

static uint64_t rng_state = 0x9e3779b97f4a7c15u;

static uint64_t
rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * UINT64_C(2685821657736338717);
}

static int32_t
rng_range(int32_t lo, int32_t hi)
{
	return lo + (int32_t)(rng() % (uint64_t)(hi - lo + 1));
}

static double
now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

int
main(int argc, char **argv)
{
	long n = 1000000;
	struct tp_calendar *cal = NULL;
	struct tp_error err;
	struct tp_date *a, *b;
	int32_t *k;
	uint64_t sum_add = 0, sum_between = 0;
	double t0, t_add, t_between;
	int32_t lo = TP_DATE(2000, 1, 1).day, hi = TP_DATE(2040, 12, 31).day;

	if (argc > 1 && strcmp(argv[1], "--quick") == 0)
		n = 100000;
	if (tp_calendar_new_region(TP_REGION_ENGLAND_AND_WALES, &cal, &err)) {
		fprintf(stderr, "bench-calendar: %s\n", err.message);
		return 1;
	}
	a = malloc((size_t)n * sizeof(*a));
	b = malloc((size_t)n * sizeof(*b));
	k = malloc((size_t)n * sizeof(*k));
	if (!a || !b || !k)
		return 1;
	for (long i = 0; i < n; i++) {
		a[i].day = rng_range(lo, hi);
		b[i].day = a[i].day + rng_range(-1826, 1826);
		k[i] = rng_range(-300, 300);
	}
	/* Warm up: fault in the tables and the inputs, untimed. */
	for (long i = 0; i < n; i++) {
		struct tp_date out;
		int32_t m;
		if (tp_calendar_add_working_days(cal, a[i], k[i], &out, NULL) ||
		    tp_calendar_working_days_between(cal, a[i], b[i], &m, NULL))
			return 1;
	}
	t0 = now_ns();
	for (long i = 0; i < n; i++) {
		struct tp_date out;
		if (tp_calendar_add_working_days(cal, a[i], k[i], &out, NULL))
			return 1;
		sum_add += (uint32_t)out.day;
	}
	t_add = now_ns() - t0;
	t0 = now_ns();
	for (long i = 0; i < n; i++) {
		int32_t out;
		if (tp_calendar_working_days_between(cal, a[i], b[i], &out,
						     NULL))
			return 1;
		sum_between += (uint64_t)(int64_t)out;
	}
	t_between = now_ns() - t0;
	printf("bench calendar add: %ld ops, %.2f ns/op, checksum %llu\n", n,
	       t_add / (double)n, (unsigned long long)sum_add);
	printf("bench calendar between: %ld ops, %.2f ns/op, checksum %llu\n",
	       n, t_between / (double)n, (unsigned long long)sum_between);
	free(a);
	free(b);
	free(k);
	tp_calendar_free(cal);
	return 0;
}
