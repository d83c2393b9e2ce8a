/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "error-private.h"
#include "text-private.h"

TP_EXPORT const char *
tp_status_str(enum tp_status status)
{
	switch (status) {
	case TP_OK:
		return "success";
	case TP_ERR_NOMEM:
		return "out of memory";
	case TP_ERR_INVALID:
		return "invalid input";
	case TP_ERR_PARSE:
		return "parse error";
	case TP_ERR_CYCLE:
		return "dependency cycle";
	case TP_ERR_RULE:
		return "rule error";
	case TP_ERR_IO:
		return "input/output error";
	case TP_ERR_RANGE:
		return "out of range";
	case TP_ERR_REFUSED:
		return "refused";
	}
	return "unknown error";
}

TP_EXPORT void
tp_error_clear(struct tp_error *err)
{
	if (err)
		memset(err, 0, sizeof(*err));
}

static void
copy_str(char *dst, size_t size, const char *src)
{
	if (!src)
		src = "";
	snprintf(dst, size, "%s", src);
	/* A long file name cut short still ends on a whole character. */
	tp_utf8_mend_end(dst);
}

static void
set_message(struct tp_error *err, const char *fmt, va_list ap)
	TP_PRINTF(2, 0);

static void
set_message(struct tp_error *err, const char *fmt, va_list ap)
{
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	/* Cut short, a long name must not end mid-character: the message
	 * goes to terminals, logs and programs that read UTF-8. */
	tp_utf8_mend_end(err->message);
	/* One sentence, no newline: a newline in quoted input would break the
	 * "file:line: message" shape, so replace control characters. */
	for (char *p = err->message; *p; p++)
		if ((unsigned char)*p < 0x20)
			*p = ' ';
}

enum tp_status
tp_error_setf(struct tp_error *err, enum tp_status code, const char *stage,
	      const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return code;
	memset(err, 0, sizeof(*err));
	err->code = code;
	copy_str(err->stage, sizeof(err->stage), stage);
	va_start(ap, fmt);
	set_message(err, fmt, ap);
	va_end(ap);
	return code;
}

enum tp_status
tp_error_set_at(struct tp_error *err, enum tp_status code, const char *source,
		int line, int column, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return code;
	memset(err, 0, sizeof(*err));
	err->code = code;
	copy_str(err->source, sizeof(err->source), source);
	err->line = line;
	err->column = column;
	va_start(ap, fmt);
	set_message(err, fmt, ap);
	va_end(ap);
	return code;
}

void
tp_error_set_source(struct tp_error *err, const char *source, int line)
{
	if (!err)
		return;
	copy_str(err->source, sizeof(err->source), source);
	err->line = line;
}

enum tp_status
tp_error_nomem(struct tp_error *err)
{
	if (err) {
		memset(err, 0, sizeof(*err));
		err->code = TP_ERR_NOMEM;
		copy_str(err->message, sizeof(err->message), "out of memory");
	}
	return TP_ERR_NOMEM;
}

static size_t
append(char *buf, size_t size, size_t used, const char *fmt, ...)
	TP_PRINTF(4, 5);

static size_t
append(char *buf, size_t size, size_t used, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (used >= size)
		return used;
	va_start(ap, fmt);
	n = vsnprintf(buf + used, size - used, fmt, ap);
	va_end(ap);
	if (n < 0)
		return used;
	return used + (size_t)n;
}

TP_EXPORT char *
tp_error_format(const struct tp_error *err, char *buf, unsigned long size)
{
	size_t used = 0;

	if (!buf || size == 0)
		return buf;
	buf[0] = '\0';
	if (!err)
		return buf;
	if (err->source[0]) {
		used = append(buf, size, used, "%s:", err->source);
		if (err->line > 0)
			used = append(buf, size, used, "%d:", err->line);
		if (err->line > 0 && err->column > 0)
			used = append(buf, size, used, "%d:", err->column);
		used = append(buf, size, used, " ");
	}
	if (err->stage[0])
		used = append(buf, size, used, "%s: ", err->stage);
	append(buf, size, used, "%s",
	       err->message[0] ? err->message : tp_status_str(err->code));
	return buf;
}

enum tp_status
tp_error_null(struct tp_error *err, const char *func)
{
	return tp_error_setf(err, TP_ERR_INVALID, NULL,
			     "%s() was called with a NULL pointer", func);
}
