/* SPDX-License-Identifier: MIT */
/* Write a whole file or nothing: a temporary file beside the target,
 * written, flushed to disk and renamed over it. For every writer. */
#ifndef TP_ATOMIC_FILE_H
#define TP_ATOMIC_FILE_H

#include <stddef.h>

#include <tenderplan/tp-common.h>

/* Replace @path by @len bytes at @data. The temporary file
 * "<path>.tmp-XXXXXX" is removed on failure and @path is left as it was.
 * A new file gets mode 0644, a replaced one keeps its mode. TP_ERR_IO (source =
 * @path) naming the failed step, or TP_ERR_NOMEM. */
enum tp_status tp_atomic_write(const char *path, const void *data, size_t len,
			       struct tp_error *err);

#endif
