/* SPDX-License-Identifier: MIT */
#ifndef TP_ERROR_PRIVATE_H
#define TP_ERROR_PRIVATE_H

#include <tenderplan/tp-common.h>

/* Fill in @err (if not NULL): code, stage id (NULL for none) and a printf
 * message; source/line/column are cleared. Returns @code. */
enum tp_status
tp_error_setf(struct tp_error *err, enum tp_status code, const char *stage,
	      const char *fmt, ...) TP_PRINTF(4, 5);

/* As tp_error_setf() but also names a file position (line/column may be 0). */
enum tp_status
tp_error_set_at(struct tp_error *err, enum tp_status code, const char *source,
		int line, int column, const char *fmt, ...) TP_PRINTF(6, 7);

/* Set @err->source (if not NULL) without touching the rest. */
void
tp_error_set_source(struct tp_error *err, const char *source, int line);

/* TP_ERR_NOMEM with a fixed message; never allocates. */
enum tp_status
tp_error_nomem(struct tp_error *err);

/* The entry check of a public function given NULL where it needs a
 * pointer (#9): TP_ERR_INVALID, "FUNC() was called with a NULL pointer".
 * Pass __func__. */
enum tp_status
tp_error_null(struct tp_error *err, const char *func);

#endif
