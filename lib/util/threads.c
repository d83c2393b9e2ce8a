/* SPDX-License-Identifier: MIT */
/* How many threads the calls that use several start (#11). */
#include "config.h"

#include <unistd.h>

#include "threads-private.h"

size_t
tp_thread_count(unsigned asked, size_t most)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	size_t t = asked ? asked : cpus > 1 ? (size_t)cpus : 1;

	if (t > TP_MAX_THREADS)
		t = TP_MAX_THREADS;
	if (t > most)
		t = most;
	return t ? t : 1;
}
