/* SPDX-License-Identifier: MIT */
/* Batch mode of the tenderplan program: 1,000,000 random `DATE N` lines
 * (start 2000-2040, N in -300..300; --quick: 100,000) through
 * `tenderplan days add -`, against the same bytes through cat(1), and the
 * two halves of the program's work measured in-process: the text (split,
 * tp_date_parse, integer, format) and the arithmetic
 * (tp_calendar_add_working_days). Prints lines/s and MB/s of input; best of
 * three runs each. Never asserts on time. */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <tenderplan/tenderplan.h>

#include "bench-util.h"

#include "cli.h"

extern char **environ;

#define RUNS 3

static uint64_t rng_state = 0x2545f4914f6cdd1du;

static uint64_t
rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * UINT64_C(2685821657736338717);
}

/* The input text: @p n lines of "YYYY-MM-DD N\n". */
static char *
make_input(long n, size_t *len)
{
	int32_t lo = TP_DATE(2000, 1, 1).day, hi = TP_DATE(2040, 12, 31).day;
	char *buf = malloc((size_t)n * 16 + 1), *p = buf;

	if (!buf)
		return NULL;
	for (long i = 0; i < n; i++) {
		struct tp_date d = {lo +
				    (int32_t)(rng() % (uint64_t)(hi - lo))};
		p = cli_put_date(p, d);
		*p++ = ' ';
		p = cli_put_int(p, (long)(rng() % 601) - 300);
		*p++ = '\n';
	}
	*len = (size_t)(p - buf);
	*p = '\0';
	return buf;
}

/* A temporary file holding the input, already unlinked. */
static int
input_file(const char *text, size_t len)
{
	char path[] = "/tmp/tp-bench-cli-XXXXXX";
	int fd = mkstemp(path);

	if (fd < 0)
		return -1;
	unlink(path);
	if (write(fd, text, len) != (ssize_t)len) {
		close(fd);
		return -1;
	}
	return fd;
}

struct pass {
	double seconds;
	size_t out_bytes, out_lines;
	int status;
};

/* Run @p argv with standard input from @p in_fd (rewound) and standard
 * output read here and counted; the time includes start-up. */
static int
run_pass(char *const *argv, int in_fd, struct pass *r)
{
	static char buf[1 << 16];
	posix_spawn_file_actions_t fa;
	int out[2], st;
	pid_t pid;
	ssize_t n;
	double t0;

	if (lseek(in_fd, 0, SEEK_SET) != 0 || pipe(out) != 0)
		return -1;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, in_fd, 0);
	posix_spawn_file_actions_adddup2(&fa, out[1], 1);
	posix_spawn_file_actions_addclose(&fa, out[0]);
	memset(r, 0, sizeof(*r));
	t0 = bench_now_s();
	if (posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ) != 0)
		return -1;
	posix_spawn_file_actions_destroy(&fa);
	close(out[1]);
	while ((n = read(out[0], buf, sizeof(buf))) > 0 ||
	       (n < 0 && errno == EINTR))
		for (ssize_t i = 0; i < n; i++, r->out_bytes++)
			r->out_lines += buf[i] == '\n';
	close(out[0]);
	waitpid(pid, &st, 0);
	r->seconds = bench_now_s() - t0;
	r->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	return 0;
}

static int
best_pass(char *const *argv, int in_fd, struct pass *best)
{
	struct pass r;

	for (int i = 0; i < RUNS; i++) {
		if (run_pass(argv, in_fd, &r) != 0)
			return -1;
		if (i == 0 || r.seconds < best->seconds)
			*best = r;
	}
	return 0;
}

static void
report(const char *what, long lines, size_t in_bytes, double s)
{
	printf("bench-cli: %-34s %8.1f ms %7.2f M lines/s %8.1f MB/s "
	       "%6.1f ns/line\n",
	       what, s * 1e3, (double)lines / s / 1e6,
	       (double)in_bytes / s / 1e6, s * 1e9 / (double)lines);
}

/* In-process: the text half of a batch line (split, parse, format), with
 * no calendar. */
static double
text_only(const char *text, size_t len, long lines, char *out, uint64_t *check)
{
	double best = 0;

	for (int r = 0; r < RUNS; r++) {
		const char *p = text, *end = text + len;
		char *q = out;
		double t0 = bench_now_s();
		while (p < end) {
			const char *nl = memchr(p, '\n', (size_t)(end - p));
			const char *f1, *f2;
			size_t l1, l2;
			struct tp_date d;
			int32_t n;
			if (!cli_split2(p, (size_t)(nl - p), &f1, &l1, &f2,
					&l2) ||
			    tp_date_parse(f1, (long)l1, &d, NULL) ||
			    !cli_parse_int32(f2, l2, &n))
				return -1;
			q = cli_put_date(q, d);
			*q++ = '\n';
			p = nl + 1;
		}
		t0 = bench_now_s() - t0;
		best = r == 0 || t0 < best ? t0 : best;
		*check = (uint64_t)(q - out);
	}
	(void)lines;
	return best;
}

/* In-process: the arithmetic half, on pre-parsed dates and counts. */
static double
arithmetic_only(const struct tp_calendar *cal, const struct tp_date *d,
		const int32_t *k, long lines, uint64_t *check)
{
	double best = 0;

	for (int r = 0; r < RUNS; r++) {
		uint64_t sum = 0;
		double t0 = bench_now_s();
		for (long i = 0; i < lines; i++) {
			struct tp_date out;
			if (tp_calendar_add_working_days(cal, d[i], k[i], &out,
							 NULL))
				return -1;
			sum += (uint32_t)out.day;
		}
		t0 = bench_now_s() - t0;
		best = r == 0 || t0 < best ? t0 : best;
		*check = sum;
	}
	return best;
}

static int
parse_all(const char *text, long lines, struct tp_date *d, int32_t *k)
{
	const char *p = text;

	for (long i = 0; i < lines; i++) {
		const char *nl = strchr(p, '\n');
		const char *sp = memchr(p, ' ', (size_t)(nl - p));
		if (tp_date_parse(p, (long)(sp - p), &d[i], NULL) ||
		    !cli_parse_int32(sp + 1, (size_t)(nl - sp - 1), &k[i]))
			return -1;
		p = nl + 1;
	}
	return 0;
}

static int
in_process(const char *text, size_t len, long lines)
{
	struct tp_calendar *cal = NULL;
	struct tp_date *d = malloc((size_t)lines * sizeof(*d));
	int32_t *k = malloc((size_t)lines * sizeof(*k));
	char *out = malloc((size_t)lines * 11);
	uint64_t c1 = 0, c2 = 0;
	double t_text, t_arith;
	int rc = -1;

	if (!d || !k || !out ||
	    tp_calendar_new_region(TP_REGION_ENGLAND_AND_WALES, &cal, NULL) ||
	    parse_all(text, lines, d, k))
		goto out;
	t_text = text_only(text, len, lines, out, &c1);
	t_arith = arithmetic_only(cal, d, k, lines, &c2);
	if (t_text < 0 || t_arith < 0)
		goto out;
	report("in-process text (parse+format)", lines, len, t_text);
	report("in-process arithmetic (add)", lines, len, t_arith);
	printf("bench-cli: checksums %llu %llu\n", (unsigned long long)c1,
	       (unsigned long long)c2);
	rc = 0;
out:
	tp_calendar_free(cal);
	free(d);
	free(k);
	free(out);
	return rc;
}

static int
spawned(const char *cli, int fd, long lines, size_t len)
{
	char cat[] = "cat", days[] = "days", add[] = "add", dash[] = "-";
	char *cat_argv[] = {cat, NULL};
	char *cli_argv[] = {(char *)cli, days, add, dash, NULL};
	struct pass cat_r, tp;

	if (best_pass(cat_argv, fd, &cat_r) || best_pass(cli_argv, fd, &tp))
		return -1;
	if (cat_r.status || tp.status || (long)tp.out_lines != lines) {
		fprintf(stderr,
			"bench-cli: cat exit %d, tenderplan exit %d, "
			"%zu answers for %ld lines\n",
			cat_r.status, tp.status, tp.out_lines, lines);
		return -1;
	}
	report("cat (same input, pipe out)", lines, len, cat_r.seconds);
	report("tenderplan days add - (pipe out)", lines, len, tp.seconds);
	printf("bench-cli: %ld lines, %.1f MB in, %.1f MB out; tenderplan "
	       "takes %.1fx the time of cat\n",
	       lines, (double)len / 1e6, (double)tp.out_bytes / 1e6,
	       tp.seconds / cat_r.seconds);
	return 0;
}

int
main(int argc, char **argv)
{
	long lines = argc > 1 && !strcmp(argv[1], "--quick") ? 100000 : 1000000;
	const char *cli = getenv("TP_CLI");
	size_t len = 0;
	char *text = make_input(lines, &len);
	int fd = text ? input_file(text, len) : -1, rc = 1;

	if (!cli || fd < 0) {
		fprintf(stderr, "bench-cli: no TP_CLI, or no temporary file\n");
		goto out;
	}
	if (spawned(cli, fd, lines, len) == 0 &&
	    in_process(text, len, lines) == 0)
		rc = 0;
out:
	if (fd >= 0)
		close(fd);
	free(text);
	return rc;
}
