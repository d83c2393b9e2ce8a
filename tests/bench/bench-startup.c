/* SPDX-License-Identifier: MIT */
/* What one command costs from start to exit (issue #11, item 5: a
 * single-call command should cost little more than starting a process).
 * Each command below is started R times, the commands taking turns so that
 * a busy machine disturbs them alike, and the median and the fastest run
 * of each are printed with how much the median exceeds /bin/true's:
 *
 *   /bin/true                       a process and nothing else
 *   startup-probe                   a program linked with libical only
 *                                   (libical brings ICU and libstdc++)
 *   tenderplan --version            the program's own start-up
 *   tenderplan days add             working-day arithmetic
 *   tenderplan standstill           a PA 2023 standstill
 *   tenderplan schedule             the Hartlepool example, printed
 *
 * Prints, never asserts on time; a command that fails (non-zero exit) is
 * an error. TP_CLI names the program, TP_STARTUP_PROBE the probe and
 * TP_SOURCE_ROOT the tree (for the example).
 *
 *   bench-startup [--quick]     R = 101, --quick: 11 */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-util.h"

extern char **environ;

#define MAX_ARGS 8
#define MAX_RUNS 101

struct command {
	const char *name;
	const char *argv[MAX_ARGS];
	double runs[MAX_RUNS];
};

/* Seconds from spawning @p argv to reaping it, its output to /dev/null;
 * negative if it could not start or did not exit 0. */
static double
run_once(const char *const *argv)
{
	posix_spawn_file_actions_t fa;
	double t0, t;
	pid_t pid;
	int st, rc;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	t0 = bench_now_s();
	/* posix_spawn does not change the strings; its type predates const */
	rc = posix_spawn(&pid, argv[0], &fa, NULL, (char *const *)argv,
			 environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0)
		return -1;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	t = bench_now_s() - t0;
	return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? t : -1;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double
median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), cmp_double);
	return v[n / 2];
}

int
main(int argc, char **argv)
{
	const char *cli = getenv("TP_CLI"), *probe = getenv("TP_STARTUP_PROBE");
	const char *root = getenv("TP_SOURCE_ROOT");
	char example[4096];
	int runs = argc > 1 && !strcmp(argv[1], "--quick") ? 11 : MAX_RUNS;

	if (!cli || !probe || !root) {
		fprintf(stderr, "bench-startup: set TP_CLI, TP_STARTUP_PROBE "
				"and TP_SOURCE_ROOT\n");
		return 1;
	}
	snprintf(example, sizeof(example), "%s/examples/hartlepool-2011.xml",
		 root);
	struct command cmds[] = {
		{"/bin/true", {"/bin/true"}, {0}},
		{"startup-probe (libical)", {probe}, {0}},
		{"tenderplan --version", {cli, "--version"}, {0}},
		{"tenderplan days add", {cli, "days", "add",
					 "2026-12-01", "10"}, {0}},
		{"tenderplan standstill", {cli, "standstill",
					   "--regime", "pa2023", "--sent",
					   "2026-12-01"}, {0}},
		{"tenderplan schedule", {cli, "schedule", example},
		 {0}},
	};
	size_t n = sizeof(cmds) / sizeof(cmds[0]);

	for (int r = 0; r < runs; r++)
		for (size_t c = 0; c < n; c++)
			if ((cmds[c].runs[r] = run_once(cmds[c].argv)) < 0) {
				fprintf(stderr,
					"bench-startup: '%s' failed to run "
					"or exited non-zero\n",
					cmds[c].name);
				return 1;
			}
	printf("bench-startup: %d runs each, taking turns\n", runs);
	double base = median(cmds[0].runs, runs);
	for (size_t c = 0; c < n; c++) {
		double med = median(cmds[c].runs, runs);
		printf("  %-26s median %6.2f ms  fastest %6.2f ms  "
		       "+%5.2f ms over /bin/true\n",
		       cmds[c].name, med * 1e3, cmds[c].runs[0] * 1e3,
		       (med - base) * 1e3);
	}
	return 0;
}
