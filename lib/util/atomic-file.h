/* SPDX-License-Identifier: MIT */
/* Writing files by the rules of tp-output.h, for every writer: a regular
 * file through a temporary file renamed into place; devices, FIFOs and
 * /proc links directly; read-only and hard-linked files refused unless
 * forced. */
#ifndef TP_ATOMIC_FILE_H
#define TP_ATOMIC_FILE_H

#include <stddef.h>

#include <tenderplan/tp-common.h>
#include <tenderplan/tp-output.h>

/* One output being written. */
struct tp_out;

/* Open @p path (@p wo may be NULL for the defaults). Errors name @p path:
 * TP_ERR_REFUSED (read-only, hard links), TP_ERR_IO, TP_ERR_NOMEM. */
enum tp_status tp_out_open(const char *path, const struct tp_write_options *wo,
			   struct tp_out **out, struct tp_error *err);

/* Append @p len bytes. After a failure every later call fails the same way
 * without writing. */
enum tp_status tp_out_write(struct tp_out *o, const void *data, size_t len,
			    struct tp_error *err);

/* Flush to disk and put the file in place; frees @p o. On failure the
 * temporary file is removed and the old file is untouched. */
enum tp_status tp_out_commit(struct tp_out *o, struct tp_error *err);

/* Give up: remove the temporary file, leave the old file; frees @p o.
 * NULL is allowed. */
void tp_out_abort(struct tp_out *o);

/* Replace @p path by @p len bytes at @p data: open, write, commit. */
enum tp_status tp_atomic_write(const char *path, const void *data, size_t len,
			       const struct tp_write_options *wo,
			       struct tp_error *err);

#endif
