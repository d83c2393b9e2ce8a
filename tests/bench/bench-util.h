/* SPDX-License-Identifier: MIT */
/* What every benchmark measures with: wall and CPU clocks, and the peak
 * resident set of the process. */
#ifndef TP_BENCH_UTIL_H
#define TP_BENCH_UTIL_H

/* Monotonic wall-clock seconds. */
double bench_now_s(void);

/* This process's CPU seconds, which a machine shared with other builds
 * disturbs less than the wall clock. */
double bench_cpu_s(void);

/* Peak resident set of this process in KiB: VmHWM of /proc/self/status
 * (the high-water mark of this address space, new at exec). getrusage's
 * ru_maxrss is the fallback only: Linux carries it over from the parent
 * across fork and exec, so under meson it starts at the Python runner's
 * size. */
long bench_peak_kib(void);

/* Reset VmHWM to the current resident set (Linux 4.0+: "5" to
 * clear_refs); where that fails the peak is the process's so far. */
void bench_reset_peak(void);

#endif
