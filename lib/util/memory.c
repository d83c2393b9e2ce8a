/* SPDX-License-Identifier: MIT */
/* tp_free(): buffers the library hands to its callers are released by the
 * library's own C runtime, so that a caller linked against another one
 * (a language binding, a program built with another libc or allocator)
 * never passes our pointer to its free(). */
#include "config.h"

#include <stdlib.h>

#include <tenderplan/tp-common.h>

TP_EXPORT void
tp_free(void *ptr)
{
	free(ptr);
}
