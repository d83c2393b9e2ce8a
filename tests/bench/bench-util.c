/* SPDX-License-Identifier: MIT */
/* The benchmarks' clocks and memory figure (bench-util.h). */
#include <stdio.h>
#include <sys/resource.h>
#include <time.h>

#include "bench-util.h"

static double
seconds(clockid_t clock)
{
	struct timespec ts;
	clock_gettime(clock, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

double
bench_now_s(void)
{
	return seconds(CLOCK_MONOTONIC);
}

double
bench_cpu_s(void)
{
	return seconds(CLOCK_PROCESS_CPUTIME_ID);
}

long
bench_peak_kib(void)
{
	char line[256];
	long kib = -1;
	FILE *f = fopen("/proc/self/status", "r");

	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "VmHWM: %ld kB", &kib) == 1)
			break;
	if (f)
		fclose(f);
	if (kib < 0) {
		struct rusage ru;
		getrusage(RUSAGE_SELF, &ru);
		kib = ru.ru_maxrss; /* KiB on Linux */
	}
	return kib;
}

void
bench_reset_peak(void)
{
	FILE *f = fopen("/proc/self/clear_refs", "w");
	if (f) {
		fputs("5", f);
		fclose(f);
	}
}
