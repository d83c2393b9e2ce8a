/* SPDX-License-Identifier: MIT */
#include <stdatomic.h>
#include <stddef.h>

#include "alloc-fail.h"

void *__real_malloc(size_t size);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t size);
void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t size);

/* Atomic: tp_plan_set_read() allocates on several threads at once. Which
 * thread's allocation is the n-th then depends on their timing. */
static atomic_long countdown;
static atomic_bool happened;

void
alloc_fail_after(long n)
{
	atomic_store(&countdown, n);
	atomic_store(&happened, false);
}

bool
alloc_fail_happened(void)
{
	return atomic_load(&happened);
}

static bool
should_fail(void)
{
	if (atomic_load(&countdown) <= 0 ||
	    atomic_fetch_sub(&countdown, 1) != 1)
		return false;
	atomic_store(&happened, true);
	return true;
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
