/* SPDX-License-Identifier: MIT */
#ifndef TP_THREADS_PRIVATE_H
#define TP_THREADS_PRIVATE_H

#include <stddef.h>

/* The most threads a call of the library starts: more gain little, since
 * a set's readers each compile their own copy of the schema when a file
 * needs libxml2's validator, and an export's pieces are written out by
 * one thread. */
#define TP_MAX_THREADS 8

/* How many threads to share @p most pieces of work between: @p asked, or
 * one per online core when it is 0; at most TP_MAX_THREADS and @p most,
 * at least 1. */
size_t tp_thread_count(unsigned asked, size_t most);

#endif
