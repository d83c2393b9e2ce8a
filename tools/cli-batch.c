/* SPDX-License-Identifier: MIT */
/* Batch mode: one question per input line, one answer per output line.
 * Input and output go through two large buffers with read(2) and write(2),
 * so the per-line cost is the parsing, the arithmetic and the formatting,
 * with no allocation and no stdio locking. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#define IN_SIZE  (1u << 20)
#define OUT_SIZE (1u << 20)
/* A longer line cannot be a question: fail rather than grow the buffer. */
#define LINE_MAX_LEN 4096

struct batch {
	int in_fd, out_fd;
	char *in, *out;
	size_t in_len, in_pos, out_len;
	bool eof, write_failed;
	long line;
};

static enum tp_status
read_more(struct batch *b, struct tp_error *err)
{
	ssize_t n;

	memmove(b->in, b->in + b->in_pos, b->in_len - b->in_pos);
	b->in_len -= b->in_pos;
	b->in_pos = 0;
	do
		n = read(b->in_fd, b->in + b->in_len, IN_SIZE - b->in_len);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return cli_error_at(err, TP_ERR_IO, "<stdin>", 0,
				    "cannot read: %s", strerror(errno));
	b->eof = n == 0;
	b->in_len += (size_t)n;
	return TP_OK;
}

static bool
flush_out(struct batch *b)
{
	size_t done = 0;

	while (done < b->out_len) {
		ssize_t n = write(b->out_fd, b->out + done, b->out_len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		done += (size_t)n;
	}
	b->out_len = 0;
	return true;
}

/* The next line without its newline (and without a CR before it). Sets
 * *len to SIZE_MAX at the end of the input. */
static enum tp_status
next_line(struct batch *b, const char **line, size_t *len, struct tp_error *err)
{
	for (;;) {
		char *start = b->in + b->in_pos;
		size_t avail = b->in_len - b->in_pos;
		char *nl = memchr(start, '\n', avail);
		if (nl || (b->eof && avail)) {
			size_t n = nl ? (size_t)(nl - start) : avail;
			b->in_pos += nl ? n + 1 : n;
			b->line++;
			*line = start;
			*len = n && start[n - 1] == '\r' ? n - 1 : n;
			return TP_OK;
		}
		if (b->eof) {
			*len = SIZE_MAX;
			return TP_OK;
		}
		if (avail > LINE_MAX_LEN)
			return cli_error_at(
				err, TP_ERR_PARSE, "<stdin>", (int)b->line + 1,
				"line is longer than %d bytes", LINE_MAX_LEN);
		if (read_more(b, err))
			return err->code;
	}
}

static enum tp_status
answer_all(struct batch *b, const struct tp_calendar *cal, cli_line_fn fn,
	   struct tp_error *err)
{
	const char *line = NULL;
	size_t len = 0;
	char *p;

	for (;;) {
		if (next_line(b, &line, &len, err))
			return err->code;
		if (len == SIZE_MAX)
			return TP_OK;
		p = b->out + b->out_len;
		if (fn(cal, line, len, &p, err)) {
			snprintf(err->source, sizeof(err->source), "<stdin>");
			err->line = (int)b->line;
			return err->code;
		}
		b->out_len = (size_t)(p - b->out);
		if (b->out_len > OUT_SIZE - CLI_BATCH_ANSWER_MAX &&
		    !flush_out(b)) {
			b->write_failed = true;
			return TP_ERR_IO;
		}
	}
}

int
cli_batch_run(const struct tp_calendar *cal, cli_line_fn fn, int in_fd,
	      int out_fd)
{
	struct batch b = {.in_fd = in_fd, .out_fd = out_fd};
	struct tp_error err;
	enum tp_status rc;
	int status = CLI_EXIT_OK;

	b.in = malloc(IN_SIZE);
	b.out = malloc(OUT_SIZE);
	if (!b.in || !b.out) {
		fputs("tenderplan: out of memory\n", stderr);
		status = CLI_EXIT_FAIL;
		goto out;
	}
	rc = answer_all(&b, cal, fn, &err);
	/* The answers to the good lines come first, then the error. */
	if (b.write_failed || !flush_out(&b)) {
		fprintf(stderr, "tenderplan: cannot write the output: %s\n",
			strerror(errno));
		status = CLI_EXIT_FAIL;
	} else if (rc) {
		status = cli_lib_error(&err);
	}
out:
	free(b.in);
	free(b.out);
	return status;
}
