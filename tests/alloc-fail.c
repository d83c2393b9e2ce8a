/* SPDX-License-Identifier: MIT */
#include <stddef.h>

#include "alloc-fail.h"

void *__real_malloc(size_t size);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t size);
void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t size);

/* Test programs are single-threaded while a failure is armed. */
static long countdown;
static bool happened;

void
alloc_fail_after(long n)
{
	countdown = n;
	happened = false;
}

bool
alloc_fail_happened(void)
{
	return happened;
}

static bool
should_fail(void)
{
	if (countdown > 0 && --countdown == 0) {
		happened = true;
		return true;
	}
	return false;
}

void *
__wrap_malloc(size_t size)
{
	return should_fail() ? NULL : __real_malloc(size);
}

void *
__wrap_calloc(size_t n, size_t size)
{
	return should_fail() ? NULL : __real_calloc(n, size);
}

void *
__wrap_realloc(void *p, size_t size)
{
	return should_fail() ? NULL : __real_realloc(p, size);
}
