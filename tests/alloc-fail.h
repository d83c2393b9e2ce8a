/* SPDX-License-Identifier: MIT */
/* Allocation failures for tests. A test program linked with alloc-fail.c
 * and -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc (tests/meson.build:
 * alloc_wrap) sends the library's allocations through these wrappers.
 * Allocations made inside other shared libraries (libical, libxml2) are
 * not wrapped. */
#ifndef TP_TEST_ALLOC_FAIL_H
#define TP_TEST_ALLOC_FAIL_H

#include <stdbool.h>

/* Make the @n-th allocation from now fail (n >= 1); 0 disarms. */
void
alloc_fail_after(long n);

/* True if the failure armed by the last alloc_fail_after() happened. */
bool
alloc_fail_happened(void);

#endif
