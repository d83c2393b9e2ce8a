/* SPDX-License-Identifier: MIT */
/* The tenderplan program, run as a user would run it: spawned with
 * posix_spawn, standard input fed and standard output, standard error and
 * exit status captured. The program is $TP_CLI; $TP_CLI_WRAPPER (words
 * separated by spaces, e.g. "valgrind -q --error-exitcode=99") may run it
 * under a checker.
 *
 * Expected dates come from ../shared/reference/uk-bank-holidays.md
 * ("the reference": the gov.uk feed tables of section 4 and the rules of
 * section 2), with weekdays and day counts checked by hand and with Debian's
 * python3 datetime (an independent computation), as noted beside each. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <setjmp.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

extern char **environ;

/* ---- running the program ------------------------------------------------ */

struct run {
	int status; /* exit status, or 128 + signal */
	char *out, *err;
	size_t out_len, err_len;
};

#define MAX_ARGS 64

static size_t
add_wrapper(char **argv, char *words)
{
	size_t n = 0;

	for (char *w = strtok(words, " "); w && n < MAX_ARGS / 2;
	     w = strtok(NULL, " "))
		argv[n++] = w;
	return n;
}

static pid_t
spawn_cli(const char *const *args, int in, int out, int err)
{
	static char wrapper[512];
	char *argv[MAX_ARGS + 2];
	const char *cli = getenv("TP_CLI");
	const char *wrap = getenv("TP_CLI_WRAPPER");
	posix_spawn_file_actions_t fa;
	size_t n = 0;
	pid_t pid;

	assert_non_null(cli);
	snprintf(wrapper, sizeof(wrapper), "%s", wrap ? wrap : "");
	n = add_wrapper(argv, wrapper);
	argv[n++] = (char *)cli;
	for (; *args && n < MAX_ARGS; args++)
		argv[n++] = (char *)*args;
	argv[n] = NULL;
	assert_int_equal(posix_spawn_file_actions_init(&fa), 0);
	posix_spawn_file_actions_adddup2(&fa, in, 0);
	posix_spawn_file_actions_adddup2(&fa, out, 1);
	posix_spawn_file_actions_adddup2(&fa, err, 2);
	assert_int_equal(posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ),
			 0);
	posix_spawn_file_actions_destroy(&fa);
	return pid;
}

/* Append what is readable on *fd to *buf; close it at the end. */
static void
drain(int *fd, char **buf, size_t *len)
{
	char chunk[65536];
	ssize_t n = read(*fd, chunk, sizeof(chunk));

	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return;
	if (n <= 0) {
		close(*fd);
		*fd = -1;
		return;
	}
	*buf = realloc(*buf, *len + (size_t)n + 1);
	assert_non_null(*buf);
	memcpy(*buf + *len, chunk, (size_t)n);
	*len += (size_t)n;
	(*buf)[*len] = '\0';
}

/* Write the next piece of the input; close the pipe when all is written or
 * the program stopped reading. */
static void
feed(int *fd, const char *input, size_t len, size_t *done)
{
	ssize_t n = *done < len ? write(*fd, input + *done, len - *done) : 0;

	if (n < 0 && errno == EAGAIN)
		return;
	if (n > 0)
		*done += (size_t)n;
	if (n < 0 || *done == len) {
		close(*fd);
		*fd = -1;
	}
}

static void
pump(int in, const char *input, size_t len, int out, int err, struct run *r)
{
	size_t done = 0;

	fcntl(in, F_SETFL, O_NONBLOCK);
	while (in >= 0 || out >= 0 || err >= 0) {
		struct pollfd p[3] = {
			{in, POLLOUT, 0}, {out, POLLIN, 0}, {err, POLLIN, 0}};
		if (poll(p, 3, -1) < 0 && errno == EINTR)
			continue;
		if (in >= 0 && p[0].revents)
			feed(&in, input, len, &done);
		if (out >= 0 && p[1].revents)
			drain(&out, &r->out, &r->out_len);
		if (err >= 0 && p[2].revents)
			drain(&err, &r->err, &r->err_len);
	}
}

static int
wait_status(pid_t pid)
{
	int st;

	while (waitpid(pid, &st, 0) < 0)
		assert_int_equal(errno, EINTR);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* A pipe whose ends the program does not inherit (dup2 onto 0, 1 and 2
 * clears the flag on the copies it does get): otherwise it would hold its
 * own input open and never see the end of it. */
static void
make_pipe(int fds[2])
{
	assert_int_equal(pipe(fds), 0);
	fcntl(fds[0], F_SETFD, FD_CLOEXEC);
	fcntl(fds[1], F_SETFD, FD_CLOEXEC);
}

/* Run the program with @p args (NULL-terminated) and @p input on stdin. */
static void
run_args(struct run *r, const char *input, const char *const *args)
{
	int in[2], out[2], err[2];
	pid_t pid;

	memset(r, 0, sizeof(*r));
	r->out = calloc(1, 1);
	r->err = calloc(1, 1);
	assert_true(r->out && r->err);
	make_pipe(in);
	make_pipe(out);
	make_pipe(err);
	pid = spawn_cli(args, in[0], out[1], err[1]);
	close(in[0]);
	close(out[1]);
	close(err[1]);
	pump(in[1], input ? input : "", input ? strlen(input) : 0, out[0],
	     err[0], r);
	r->status = wait_status(pid);
}

#define RUN(r, input, ...) \
	run_args((r), (input), (const char *const[]){__VA_ARGS__, NULL})

static void
run_free(struct run *r)
{
	free(r->out);
	free(r->err);
}

/* ---- checks ------------------------------------------------------------- */

static void
expect_ok(struct run *r, const char *out)
{
	if (r->status != 0 || strcmp(r->out, out) != 0)
		fail_msg("status %d, stdout '%s', stderr '%s'; expected '%s'",
			 r->status, r->out, r->err, out);
	assert_string_equal(r->err, "");
	run_free(r);
}

static size_t
count_lines(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += *s == '\n';
	return n;
}

/* Exit status 2, nothing on stdout, one line on stderr containing each of
 * the NULL-terminated strings after @p r. */
static void
expect_usage_error(struct run *r, ...)
{
	va_list ap;
	const char *needle;

	if (r->status != 2 || count_lines(r->err) != 1 ||
	    r->err[r->err_len - 1] != '\n')
		fail_msg("status %d, stderr '%s'", r->status, r->err);
	assert_string_equal(r->out, "");
	assert_true(!strncmp(r->err, "tenderplan", 10));
	va_start(ap, r);
	while ((needle = va_arg(ap, const char *)))
		if (!strstr(r->err, needle))
			fail_msg("'%s' not in stderr '%s'", needle, r->err);
	va_end(ap);
	run_free(r);
}

/* Help: exit 0, usage on stdout starting with @p start, nothing on
 * stderr. */
static void
expect_help(struct run *r, const char *start)
{
	if (r->status != 0 || strncmp(r->out, start, strlen(start)) != 0)
		fail_msg("status %d, stdout '%s'", r->status, r->out);
	assert_string_equal(r->err, "");
	run_free(r);
}

/* ---- temporary iCalendar files ------------------------------------------ */

/* Write @p text to a new temporary file; its name goes to @p path. */
static void
temp_file(char path[64], const char *text)
{
	int fd;
	size_t len = strlen(text);

	snprintf(path, 64, "/tmp/tp-test-cli-XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, len), (ssize_t)len);
	close(fd);
}

/* The shape of gov.uk's per-region files (reference section 3.2): CRLF,
 * DTEND the day after DTSTART. */
#define ICS_HEAD                                               \
	"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:PUBLISH\r\n" \
	"PRODID:-//uk.gov/GOVUK calendars//EN\r\nCALSCALE:GREGORIAN\r\n"
#define ICS_EVENT(start, end, summary, uid)                                \
	"BEGIN:VEVENT\r\nDTEND;VALUE=DATE:" end "\r\n"                     \
	"DTSTART;VALUE=DATE:" start "\r\nSUMMARY:" summary "\r\n"          \
	"UID:" uid "@gov.uk\r\nSEQUENCE:0\r\nDTSTAMP:20250101T000000Z\r\n" \
	"END:VEVENT\r\n"
#define ICS_TAIL "END:VCALENDAR\r\n"

/* ---- top level ---------------------------------------------------------- */

static void
version_and_help(void **state)
{
	struct run r;

	RUN(&r, NULL, "--version");
	assert_int_equal(r.status, 0);
	assert_true(!strncmp(r.out, "tenderplan ", 11));
	assert_int_equal(count_lines(r.out), 1);
	run_free(&r);
	RUN(&r, NULL, "--help");
	expect_help(&r, "Usage: tenderplan COMMAND");
	RUN(&r, NULL, "-h");
	expect_help(&r, "Usage: tenderplan COMMAND");
	RUN(&r, NULL, "holidays", "--help");
	expect_help(&r, "Usage: tenderplan holidays");
	RUN(&r, NULL, "days", "--help");
	expect_help(&r, "Usage: tenderplan days SUBCOMMAND");
	RUN(&r, NULL, "days", "add", "--help");
	expect_help(&r, "Usage: tenderplan days add DATE N");
	RUN(&r, NULL, "days", "between", "-h");
	expect_help(&r, "Usage: tenderplan days between A B");
	RUN(&r, NULL, "days", "is-working", "--help");
	expect_help(&r, "Usage: tenderplan days is-working DATE");
	/* --help wins over arguments that would be wrong. */
	RUN(&r, NULL, "days", "add", "2025-02-30", "--help");
	expect_help(&r, "Usage: tenderplan days add");
}

static void
bad_commands(void **state)
{
	struct run r;

	RUN(&r, NULL, "frobnicate");
	expect_usage_error(&r, "'frobnicate'", NULL);
	RUN(&r, NULL, "days");
	expect_usage_error(&r, "subcommand", NULL);
	RUN(&r, NULL, "days", "multiply", "2025-01-01", "2");
	expect_usage_error(&r, "'multiply'", NULL);
	run_args(&r, NULL, (const char *const[]){NULL});
	expect_usage_error(&r, "missing command", NULL);
}

/* ---- holidays ----------------------------------------------------------- */

/* Reference section 4, 2012 rows. */
static const char ew_2012[] = "2012-01-02\n2012-04-06\n2012-04-09\n"
			      "2012-05-07\n2012-06-04\n2012-06-05\n"
			      "2012-08-27\n2012-12-25\n2012-12-26\n";
static const char scotland_2012[] = "2012-01-02\n2012-01-03\n2012-04-06\n"
				    "2012-05-07\n2012-06-04\n2012-06-05\n"
				    "2012-08-06\n2012-11-30\n2012-12-25\n"
				    "2012-12-26\n";
static const char ni_2012[] = "2012-01-02\n2012-03-19\n2012-04-06\n"
			      "2012-04-09\n2012-05-07\n2012-06-04\n"
			      "2012-06-05\n2012-07-12\n2012-08-27\n"
			      "2012-12-25\n2012-12-26\n";

/* Keep the date column of "YYYY-MM-DD<TAB>name" lines; every line must
 * have a non-empty name. */
static char *
date_column(const char *out)
{
	char *dates = calloc(1, strlen(out) + 1), *p = dates;

	assert_non_null(dates);
	while (*out) {
		const char *nl = strchr(out, '\n');
		assert_non_null(nl);
		if (nl - out < 12 || out[10] != '\t')
			fail_msg("bad line '%.*s'", (int)(nl - out), out);
		memcpy(p, out, 10);
		p[10] = '\n';
		p += 11;
		out = nl + 1;
	}
	return dates;
}

static void
expect_holiday_dates(const char *region, const char *from, const char *to,
		     const char *dates)
{
	struct run r;
	char *got;

	RUN(&r, NULL, "holidays", "--region", region, "--from", from, "--to",
	    to);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "");
	got = date_column(r.out);
	assert_string_equal(got, dates);
	free(got);
	run_free(&r);
}

static void
holidays_2012_three_regions(void **state)
{
	struct run r;
	char *got;

	expect_holiday_dates("england-and-wales", "2012", "2012", ew_2012);
	expect_holiday_dates("scotland", "2012", "2012", scotland_2012);
	expect_holiday_dates("northern-ireland", "2012", "2012", ni_2012);
	/* Default region england-and-wales; --to defaults to --from; the
	 * name follows a tab. */
	RUN(&r, NULL, "holidays", "--from=2012");
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "2012-04-06\tGood Friday\n"));
	assert_non_null(strstr(r.out, "2012-12-25\tChristmas Day\n"));
	got = date_column(r.out);
	assert_string_equal(got, ew_2012);
	free(got);
	run_free(&r);
}

static void
holidays_several_years(void **state)
{
	/* Reference section 4: England and Wales 2022 has 10 days and 2023
	 * has 9, including the Platinum Jubilee, the State Funeral and the
	 * Coronation. */
	expect_holiday_dates("england-and-wales", "2022", "2023",
			     "2022-01-03\n2022-04-15\n2022-04-18\n2022-05-02\n"
			     "2022-06-02\n2022-06-03\n2022-08-29\n2022-09-19\n"
			     "2022-12-26\n2022-12-27\n"
			     "2023-01-02\n2023-04-07\n2023-04-10\n2023-05-01\n"
			     "2023-05-08\n2023-05-29\n2023-08-28\n2023-12-25\n"
			     "2023-12-26\n");
}

static void
holidays_bad_arguments(void **state)
{
	struct run r;

	RUN(&r, NULL, "holidays", "--region", "mars", "--from", "2012");
	expect_usage_error(&r, "--region", NULL);
	RUN(&r, NULL, "holidays");
	expect_usage_error(&r, "--from", NULL);
	RUN(&r, NULL, "holidays", "--from", "twenty");
	expect_usage_error(&r, "'twenty'", NULL);
	RUN(&r, NULL, "holidays", "--from", "2013", "--to", "2012");
	expect_usage_error(&r, "--to", NULL);
	RUN(&r, NULL, "holidays", "--from", "2012", "extra");
	expect_usage_error(&r, "'extra'", NULL);
	RUN(&r, NULL, "holidays", "--from");
	expect_usage_error(&r, "'--from'", NULL);
	RUN(&r, NULL, "holidays", "--from", "2012", "--colour", "red");
	expect_usage_error(&r, "'--colour'", NULL);
	/* Years before 1972 are an error, not a guess (tp-calendar.h). */
	RUN(&r, NULL, "holidays", "--from", "1971");
	expect_usage_error(&r, "tenderplan: ", NULL);
}

/* ---- days add ----------------------------------------------------------- */

static void
add_over_easter(void **state)
{
	struct run r;

	/* Good Friday 18 and Easter Monday 21 April 2025 (reference section 4,
	 * England and Wales 2025; 17 April 2025 is a Thursday): Thu 17 + 2
	 * working days = Tue 22 (1), Wed 23 (2). */
	RUN(&r, NULL, "days", "add", "2025-04-17", "2");
	expect_ok(&r, "2025-04-23\n");
	RUN(&r, NULL, "days", "add", "2025-04-23", "-2");
	expect_ok(&r, "2025-04-17\n");
	/* N = 0: a working day stays, Good Friday moves to Tue 22. */
	RUN(&r, NULL, "days", "add", "2025-04-17", "0");
	expect_ok(&r, "2025-04-17\n");
	RUN(&r, NULL, "days", "add", "2025-04-18", "0");
	expect_ok(&r, "2025-04-22\n");
	/* 2012: Good Friday 6, Easter Monday 9 April in England and Wales;
	 * Scotland has no Easter Monday (reference 1.2 and section 4). Thu
	 * 5 April 2012 + 1. */
	RUN(&r, NULL, "days", "add", "2012-04-05", "1");
	expect_ok(&r, "2012-04-10\n");
	RUN(&r, NULL, "days", "add", "2012-04-05", "1", "--region", "scotland");
	expect_ok(&r, "2012-04-09\n");
}

static void
add_explain(void **state)
{
	struct run r;

	/* The answer first, then each day skipped, in date order. */
	RUN(&r, NULL, "days", "add", "--explain", "2025-04-17", "2");
	expect_ok(&r, "2025-04-23\n"
		      "2025-04-18 Good Friday\n"
		      "2025-04-19 Saturday\n"
		      "2025-04-20 Sunday\n"
		      "2025-04-21 Easter Monday\n");
	RUN(&r, NULL, "days", "add", "2025-04-23", "-2", "--explain");
	expect_ok(&r, "2025-04-17\n"
		      "2025-04-18 Good Friday\n"
		      "2025-04-19 Saturday\n"
		      "2025-04-20 Sunday\n"
		      "2025-04-21 Easter Monday\n");
	/* N = 0 from Good Friday: the start day itself is skipped. */
	RUN(&r, NULL, "days", "add", "2025-04-18", "0", "--explain");
	expect_ok(&r, "2025-04-22\n"
		      "2025-04-18 Good Friday\n"
		      "2025-04-19 Saturday\n"
		      "2025-04-20 Sunday\n"
		      "2025-04-21 Easter Monday\n");
	/* Nothing skipped: only the answer (Tue 22 to Wed 23). */
	RUN(&r, NULL, "days", "add", "2025-04-22", "1", "--explain");
	expect_ok(&r, "2025-04-23\n");
}

static void
add_uk_region(void **state)
{
	struct run r;

	/* St Patrick's Day 2012 was a Saturday, so Mon 19 March was the
	 * Northern Ireland holiday (reference 2.1 and section 4); "uk" counts
	 * a holiday anywhere in the UK (Procurement Act 2023 s.123). Fri 16
	 * March 2012 + 1. */
	RUN(&r, NULL, "days", "add", "2012-03-16", "1");
	expect_ok(&r, "2012-03-19\n");
	RUN(&r, NULL, "days", "add", "2012-03-16", "1", "--region", "uk");
	expect_ok(&r, "2012-03-20\n");
	RUN(&r, NULL, "days", "add", "2012-03-16", "1", "--region=none");
	expect_ok(&r, "2012-03-19\n");
}

static void
add_closure(void **state)
{
	struct run r;

	/* Wed 24 December 2025 + 1: Christmas Day Thu 25, Boxing Day Fri 26
	 * (reference section 4, 2025), the weekend, then Mon 29. With a
	 * closure 29-31 December, and New Year's Day Thu 1 January 2026
	 * (reference section 4, 2026), the answer is Fri 2 January 2026. */
	RUN(&r, NULL, "days", "add", "2025-12-24", "1");
	expect_ok(&r, "2025-12-29\n");
	RUN(&r, NULL, "days", "add", "2025-12-24", "1", "--closure",
	    "2025-12-29..2025-12-31", "--explain");
	expect_ok(&r, "2026-01-02\n"
		      "2025-12-25 Christmas Day\n"
		      "2025-12-26 Boxing Day\n"
		      "2025-12-27 Saturday\n"
		      "2025-12-28 Sunday\n"
		      "2025-12-29 closure\n"
		      "2025-12-30 closure\n"
		      "2025-12-31 closure\n"
		      "2026-01-01 New Year's Day\n");
	/* Two closures, the second as --closure=…: Fri 7 and Mon 10 March
	 * 2025 (Thu 6 March 2025 is a Thursday by python3 datetime). */
	RUN(&r, NULL, "days", "add", "2025-03-06", "1", "--closure",
	    "2025-03-07..2025-03-07", "--closure=2025-03-10..2025-03-10");
	expect_ok(&r, "2025-03-11\n");
}

static void
add_weekend(void **state)
{
	struct run r;

	/* A Friday-Saturday weekend: Thu 6 March 2025 + 1 = Sun 9 March. */
	RUN(&r, NULL, "days", "add", "2025-03-06", "1", "--weekend", "fri,sat");
	expect_ok(&r, "2025-03-09\n");
	/* No weekend at all: Sat 8 March. */
	RUN(&r, NULL, "days", "add", "2025-03-07", "1", "--weekend", "none");
	expect_ok(&r, "2025-03-08\n");
	RUN(&r, NULL, "days", "add", "2025-03-06", "1", "--weekend", "fri,xyz");
	expect_usage_error(&r, "--weekend", "fri,xyz", NULL);
}

static void
add_ics_file(void **state)
{
	struct run r;
	char path[64];

	/* A company day on Fri 7 March 2025, in the shape of gov.uk's files:
	 * Thu 6 + 1 skips it and the weekend. */
	temp_file(path, ICS_HEAD ICS_EVENT("20250307", "20250308",
					   "Company day", "a-1") ICS_TAIL);
	RUN(&r, NULL, "days", "add", "2025-03-06", "1", "--holidays", path,
	    "--explain");
	expect_ok(&r, "2025-03-10\n"
		      "2025-03-07 Company day\n"
		      "2025-03-08 Saturday\n"
		      "2025-03-09 Sunday\n");
	RUN(&r, NULL, "days", "add", "2025-03-06", "1", "--holidays", path,
	    "--holidays-mode", "add");
	expect_ok(&r, "2025-03-10\n");
	unlink(path);
}

static void
add_ics_replace(void **state)
{
	struct run r;
	char path[64];

	/* A file covering 2025 with one day, Mon 5 May 2025: in replace mode
	 * it stands for the region's 2025 holidays, so Easter Monday 21 April
	 * is a working day while Good Friday stays a holiday (tp-calendar.h,
	 * TP_ICS_REPLACE). Thu 17 April + 2 = Mon 21 (1), Tue 22 (2). */
	temp_file(path,
		  ICS_HEAD ICS_EVENT("20250505", "20250506",
				     "Early May bank holiday", "b-1") ICS_TAIL);
	RUN(&r, NULL, "days", "add", "2025-04-17", "2", "--holidays", path,
	    "--holidays-mode", "replace");
	expect_ok(&r, "2025-04-22\n");
	/* Added instead, Easter Monday stays: Wed 23. */
	RUN(&r, NULL, "days", "add", "2025-04-17", "2", "--holidays", path);
	expect_ok(&r, "2025-04-23\n");
	RUN(&r, NULL, "days", "add", "2025-04-17", "2", "--holidays", path,
	    "--holidays-mode", "merge");
	expect_usage_error(&r, "--holidays-mode", "'merge'", NULL);
	unlink(path);
}

static void
add_bad_files(void **state)
{
	struct run r;
	char path[64];

	RUN(&r, NULL, "days", "add", "2025-03-06", "1", "--holidays",
	    "/nonexistent/tp-holidays.ics");
	expect_usage_error(&r, "tenderplan: ", "/nonexistent/tp-holidays.ics",
			   NULL);
	temp_file(path, "this is not an iCalendar file\n");
	RUN(&r, NULL, "days", "add", "2025-03-06", "1", "--holidays", path);
	expect_usage_error(&r, "tenderplan: ", path, NULL);
	unlink(path);
}

static void
add_bad_arguments(void **state)
{
	struct run r;

	RUN(&r, NULL, "days", "add", "2025-02-30", "1");
	expect_usage_error(&r, "'2025-02-30'", NULL);
	RUN(&r, NULL, "days", "add", "2025-1-5", "1");
	expect_usage_error(&r, "'2025-1-5'", NULL);
	RUN(&r, NULL, "days", "add", "2025-03-06", "1.5");
	expect_usage_error(&r, "'1.5'", NULL);
	RUN(&r, NULL, "days", "add", "2025-03-06", "99999999999");
	expect_usage_error(&r, "'99999999999'", NULL);
	RUN(&r, NULL, "days", "add", "2025-03-06");
	expect_usage_error(&r, "got 1 argument", NULL);
	RUN(&r, NULL, "days", "add", "2025-03-06", "1", "2");
	expect_usage_error(&r, "got 3 arguments", NULL);
	RUN(&r, NULL, "days", "add", "2025-03-06", "1", "--frobnicate");
	expect_usage_error(&r, "'--frobnicate'", NULL);
	RUN(&r, NULL, "days", "add", "2025-03-06", "1", "--region");
	expect_usage_error(&r, "'--region'", NULL);
	RUN(&r, NULL, "days", "add", "2025-03-06", "1", "--region", "mars");
	expect_usage_error(&r, "--region", NULL);
	RUN(&r, NULL, "days", "add", "2025-03-06", "1", "--explain=yes");
	expect_usage_error(&r, "'--explain'", NULL);
	RUN(&r, NULL, "days", "add", "2025-03-06", "1", "--closure",
	    "2025-12-27");
	expect_usage_error(&r, "--closure", "'2025-12-27'", NULL);
	RUN(&r, NULL, "days", "add", "2025-03-06", "1", "--closure",
	    "2025-12-31..2025-12-27");
	expect_usage_error(&r, "--closure", "ends before it starts", NULL);
	RUN(&r, NULL, "days", "add", "2025-03-06", "1", "--closure",
	    "2025-12-27..2025-13-01");
	expect_usage_error(&r, "--closure", NULL);
	/* Before the calendar's range (1972) or past the supported range. */
	RUN(&r, NULL, "days", "add", "1960-01-04", "1");
	expect_usage_error(&r, "tenderplan: ", NULL);
	RUN(&r, NULL, "days", "add", "2199-12-30", "10");
	expect_usage_error(&r, "tenderplan: ", NULL);
}

/* ---- days between ------------------------------------------------------- */

static void
between_counts(void **state)
{
	struct run r;

	/* Hartlepool (seed-timetables.md section 1): advert Tue 1 November
	 * 2011, PQQ closing Fri 2 December 2011. Weekdays in [1 Nov, 2 Dec):
	 * 22 in November plus Thu 1 December = 23; no English holiday
	 * (python3 datetime count). Scotland loses St Andrew's Day, Wed 30
	 * November 2011 (reference 2.1): 22. */
	RUN(&r, NULL, "days", "between", "2011-11-01", "2011-12-02");
	expect_ok(&r, "23\n");
	RUN(&r, NULL, "days", "between", "2011-12-02", "2011-11-01");
	expect_ok(&r, "-23\n");
	RUN(&r, NULL, "days", "between", "2011-11-01", "2011-12-02", "--region",
	    "scotland");
	expect_ok(&r, "22\n");
	RUN(&r, NULL, "days", "between", "2011-11-01", "2011-11-01");
	expect_ok(&r, "0\n");
	/* ITT period 23 December 2011 to 10 February 2012 over Christmas:
	 * Christmas Day 2011 was a Sunday, so Mon 26 and Tue 27 December
	 * (reference 2.1 table) and Mon 2 January 2012 (section 4): 35
	 * weekdays less 3 = 32 (python3 datetime count). */
	RUN(&r, NULL, "days", "between", "2011-12-23", "2012-02-10");
	expect_ok(&r, "32\n");
}

static void
between_explain(void **state)
{
	struct run r;

	/* Mon 2 to Mon 16 April 2012: 10 weekdays less Good Friday 6 and
	 * Easter Monday 9 April 2012 (reference section 4) = 8. */
	RUN(&r, NULL, "days", "between", "2012-04-02", "2012-04-16",
	    "--explain");
	expect_ok(&r, "8\n"
		      "2012-04-06 Good Friday\n"
		      "2012-04-07 Saturday\n"
		      "2012-04-08 Sunday\n"
		      "2012-04-09 Easter Monday\n"
		      "2012-04-14 Saturday\n"
		      "2012-04-15 Sunday\n");
	RUN(&r, NULL, "days", "between", "2012-04-16", "2012-04-02",
	    "--explain");
	expect_ok(&r, "-8\n"
		      "2012-04-06 Good Friday\n"
		      "2012-04-07 Saturday\n"
		      "2012-04-08 Sunday\n"
		      "2012-04-09 Easter Monday\n"
		      "2012-04-14 Saturday\n"
		      "2012-04-15 Sunday\n");
}

static void
between_bad_arguments(void **state)
{
	struct run r;

	RUN(&r, NULL, "days", "between", "2012-04-02", "tomorrow");
	expect_usage_error(&r, "'tomorrow'", NULL);
	RUN(&r, NULL, "days", "between", "2012-04-02");
	expect_usage_error(&r, "got 1 argument", NULL);
}

/* ---- days is-working ---------------------------------------------------- */

static void
is_working_status(void **state)
{
	struct run r;

	/* Reference section 4, 2025: Good Friday 18 April; Thu 17 is a
	 * working day, Sat 19 is not. */
	RUN(&r, NULL, "days", "is-working", "2025-04-17");
	expect_ok(&r, "");
	RUN(&r, NULL, "days", "is-working", "2025-04-18");
	assert_int_equal(r.status, 1);
	assert_string_equal(r.out, "");
	assert_string_equal(r.err, "");
	run_free(&r);
	RUN(&r, NULL, "days", "is-working", "2025-04-19");
	assert_int_equal(r.status, 1);
	run_free(&r);
	/* St Andrew's Day, Fri 30 November 2012, is a holiday in Scotland
	 * only (reference section 4). */
	RUN(&r, NULL, "days", "is-working", "2012-11-30");
	expect_ok(&r, "");
	RUN(&r, NULL, "days", "is-working", "2012-11-30", "--region",
	    "scotland", "--explain");
	assert_int_equal(r.status, 1);
	assert_string_equal(r.out, "2012-11-30 St Andrew's Day\n");
	run_free(&r);
	RUN(&r, NULL, "days", "is-working", "2025-04-17", "--explain");
	expect_ok(&r, "2025-04-17 working day\n");
	RUN(&r, NULL, "days", "is-working", "2025-04-31");
	expect_usage_error(&r, "'2025-04-31'", NULL);
	RUN(&r, NULL, "days", "is-working");
	expect_usage_error(&r, "got 0 arguments", NULL);
}

/* ---- batch mode --------------------------------------------------------- */

static void
batch_add(void **state)
{
	struct run r;

	/* The dates of add_over_easter and add_closure, with blanks around
	 * the fields, a CRLF line and no newline at the end. */
	RUN(&r,
	    "2025-04-17 2\n"
	    "  2025-04-23\t-2  \n"
	    "2025-04-18 0\r\n"
	    "2012-04-05 1\n"
	    "2025-12-24 1",
	    "days", "add", "-");
	expect_ok(&r, "2025-04-23\n2025-04-17\n2025-04-22\n2012-04-10\n"
		      "2025-12-29\n");
	RUN(&r, "2012-04-05 1\n", "days", "add", "-", "--region", "scotland");
	expect_ok(&r, "2012-04-09\n");
	RUN(&r, "", "days", "add", "-");
	expect_ok(&r, "");
}

static void
batch_between(void **state)
{
	struct run r;

	/* The counts of between_counts and between_explain. */
	RUN(&r,
	    "2011-11-01 2011-12-02\n2011-12-02 2011-11-01\n"
	    "2012-04-02 2012-04-16\n2011-11-01 2011-11-01\n",
	    "days", "between", "-");
	expect_ok(&r, "23\n-23\n8\n0\n");
}

/* A bad line stops the run: the answers before it, then its number. */
static void
expect_bad_line(const char *sub, const char *input, const char *out,
		const char *where)
{
	struct run r;

	RUN(&r, input, "days", sub, "-");
	if (r.status != 2 || strcmp(r.out, out) != 0 ||
	    count_lines(r.err) != 1 || !strstr(r.err, where))
		fail_msg("status %d, stdout '%s', stderr '%s'", r.status, r.out,
			 r.err);
	run_free(&r);
}

static void
batch_bad_lines(void **state)
{
	expect_bad_line("add",
			"2025-04-17 2\n2025-04-17 2\n2025-02-30 1\n"
			"2025-04-17 2\n",
			"2025-04-23\n2025-04-23\n", "<stdin>:3: ");
	expect_bad_line("add", "2025-04-17 2\n2025-04-17\n", "2025-04-23\n",
			"<stdin>:2: ");
	expect_bad_line("add", "2025-04-17 2\n\n", "2025-04-23\n",
			"<stdin>:2: ");
	expect_bad_line("add", "2025-04-17 two\n", "", "<stdin>:1: ");
	expect_bad_line("add", "2025-04-17 2 3\n", "", "<stdin>:1: ");
	expect_bad_line("add", "1960-01-04 1\n", "", "<stdin>:1: ");
	expect_bad_line("between", "2011-11-01 2011-12-02\nx y\n", "23\n",
			"<stdin>:2: ");
}

static void
batch_long_line(void **state)
{
	size_t n = 10000;
	char *input = malloc(n + 20);

	assert_non_null(input);
	memcpy(input, "2025-04-17 2\n", 13);
	memset(input + 13, ' ', n);
	strcpy(input + 13 + n, "x\n");
	expect_bad_line("add", input, "2025-04-23\n", "<stdin>:2: ");
	free(input);
}

/* More than one 1 MiB input buffer, so that lines straddle refills. */
static void
batch_many_lines(void **state)
{
	static const char *const in[] = {"2025-04-17 2\n", "2012-04-05 1\n",
					 "2025-12-24 -3\n"};
	/* Wed 24 December 2025 - 3 = Fri 19 (Tue 23, Mon 22, Fri 19). */
	static const char *const out[] = {"2025-04-23\n", "2012-04-10\n",
					  "2025-12-19\n"};
	size_t lines = 120000;
	char *input = malloc(lines * 14 + 1), *expect = malloc(lines * 11 + 1);
	char *p = input, *q = expect;
	struct run r;

	assert_true(input && expect);
	for (size_t i = 0; i < lines; i++) {
		p += sprintf(p, "%s", in[i % 3]);
		q += sprintf(q, "%s", out[i % 3]);
	}
	RUN(&r, input, "days", "add", "-");
	assert_int_equal(r.status, 0);
	assert_int_equal(r.out_len, (size_t)(q - expect));
	assert_true(!strcmp(r.out, expect));
	run_free(&r);
	free(input);
	free(expect);
}

static void
batch_bad_arguments(void **state)
{
	struct run r;

	RUN(&r, "2025-04-17 2\n", "days", "add", "-", "--explain");
	expect_usage_error(&r, "--explain", NULL);
	RUN(&r, "2025-04-17 2\n", "days", "add", "-", "2");
	expect_usage_error(&r, "got 2 arguments", NULL);
}

/* ---- standstill ------------------------------------------------------------ */

/* True if @p out has exactly the line @p line. */
static bool
has_line(const char *out, const char *line)
{
	size_t n = strlen(line);
	for (const char *p = out; (p = strstr(p, line)); p += n)
		if ((p == out || p[-1] == '\n') && p[n] == '\n')
			return true;
	return false;
}

static void
expect_standstill(struct run *r, const char *last, const char *contract)
{
	if (r->status != 0 || !has_line(r->out, last) ||
	    !has_line(r->out, contract))
		fail_msg("status %d, stdout '%s', stderr '%s'", r->status,
			 r->out, r->err);
	assert_string_equal(r->err, "");
	run_free(r);
}

static void
standstill_cases(void **state)
{
	struct run r;

	/* Issue #4 / Lexology note: PCR 2006 reg 32A, notices e-mailed Tue 23
	 * Mar 2010; the 10th day is Good Friday 2 Apr, so the standstill runs
	 * to the end of Tue 6 Apr and the contract may follow on 7 Apr. */
	RUN(&r, NULL, "standstill", "--regime", "pcr2006", "--sent",
	    "2010-03-23");
	assert_true(has_line(r.out, "nominal-last-day: 2010-04-02 (not a "
				    "working day: extended)"));
	expect_standstill(&r, "last-day: 2010-04-06",
			  "earliest-contract: 2010-04-07");
	/* By post, 15 days: Thu 18 Dec 2025 -> Fri 2 Jan 2026 in England
	 * (reference 1.4 table). */
	RUN(&r, NULL, "standstill", "--regime", "pcr2015", "--sent",
	    "2025-12-18", "--notice", "other");
	expect_standstill(&r, "last-day: 2026-01-02",
			  "earliest-contract: 2026-01-03");
	/* Scotland (PCSR 2015 reg 86): 2 January is a holiday there. */
	RUN(&r, NULL, "standstill", "--regime", "pcsr2015", "--sent",
	    "2025-12-18", "--notice", "other");
	expect_standstill(&r, "last-day: 2026-01-05",
			  "earliest-contract: 2026-01-06");
	/* PA 2023: eight working days of the whole UK whatever the region:
	 * Fri 19 Dec 2025 -> Mon 5 Jan 2026 (reference 3.2). */
	RUN(&r, NULL, "standstill", "--regime", "pa2023", "--sent",
	    "2025-12-19", "--region", "england-and-wales");
	assert_true(has_line(r.out, "working-days-of: uk"));
	expect_standstill(&r, "last-day: 2026-01-05",
			  "earliest-contract: 2026-01-06");
	/* Thurrock's own rule: ten working days from Fri 19 Oct 2012. */
	RUN(&r, NULL, "standstill", "--regime", "local", "--sent",
	    "2012-10-18", "--days", "10", "--working-days");
	expect_standstill(&r, "last-day: 2012-11-01",
			  "earliest-contract: 2012-11-02");
	/* A regime outside its period: computed, with a warning. */
	RUN(&r, NULL, "standstill", "--regime", "pa2023", "--sent",
	    "2024-12-24");
	assert_non_null(strstr(r.out, "warning: "));
	expect_standstill(&r, "last-day: 2025-01-08",
			  "earliest-contract: 2025-01-09");
}

static void
standstill_bad_arguments(void **state)
{
	struct run r;

	RUN(&r, NULL, "standstill", "--help");
	expect_help(&r, "Usage: tenderplan standstill");
	RUN(&r, NULL, "standstill", "--sent", "2012-10-18");
	expect_usage_error(&r, "--regime", NULL);
	RUN(&r, NULL, "standstill", "--regime", "pcr2015");
	expect_usage_error(&r, "--sent", NULL);
	RUN(&r, NULL, "standstill", "--regime", "pcr2016", "--sent",
	    "2012-10-18");
	expect_usage_error(&r, "pcr2016", NULL);
	RUN(&r, NULL, "standstill", "--regime", "pcr2015", "--sent",
	    "2011-02-30");
	expect_usage_error(&r, "2011-02-30", NULL);
	RUN(&r, NULL, "standstill", "--regime", "pcr2015", "--sent",
	    "2012-10-18", "--notice", "fax");
	expect_usage_error(&r, "fax", NULL);
	RUN(&r, NULL, "standstill", "--regime", "local", "--sent",
	    "2012-10-18");
	expect_usage_error(&r, "--days", NULL);
	RUN(&r, NULL, "standstill", "--regime", "pcr2015", "--sent",
	    "2012-10-18", "--days", "5");
	expect_usage_error(&r, "local", NULL);
	RUN(&r, NULL, "standstill", "--regime", "pcr2015", "--sent",
	    "2012-10-18", "extra");
	expect_usage_error(&r, "extra", NULL);
}

/* ---- check ----------------------------------------------------------------- */

static char *
example(const char *name)
{
	static char path[1024];
	snprintf(path, sizeof(path), "%s/examples/%s",
		 getenv("TP_SOURCE_ROOT"), name);
	return path;
}

static void
check_examples(void **state)
{
	struct run r;

	/* Thurrock 2012: award on Fri 19 Oct, inside the council's own
	 * ten-working-day standstill (19 Oct - 1 Nov); the contract start,
	 * 1 Apr 2013, is Easter Monday. Errors: exit 1. */
	RUN(&r, NULL, "check", example("thurrock-2012.xml"));
	if (r.status != 1 || !strstr(r.out, "[award]") ||
	    !strstr(r.out, "earliest lawful award: 2012-11-02") ||
	    !strstr(r.out, "Easter Monday"))
		fail_msg("status %d, stdout '%s', stderr '%s'", r.status, r.out,
			 r.err);
	run_free(&r);
	/* Hartlepool 2011-12: the old contracts ended 31 Mar 2012, the new
	 * ones began 4 May 2012; the ITT ran over Christmas. */
	RUN(&r, NULL, "check", example("hartlepool-2011.xml"));
	if (!strstr(r.out, "continuity.gap") ||
	    !strstr(r.out, "practice.tender-over-holidays") ||
	    !strstr(r.out, "regime: pcr2006"))
		fail_msg("status %d, stdout '%s', stderr '%s'", r.status, r.out,
			 r.err);
	run_free(&r);
	RUN(&r, NULL, "check", example("thurrock-2012.xml"), "--xml");
	if (r.status != 1 || strncmp(r.out, "<?xml", 5) ||
	    !strstr(r.out, "rule=\"local.standstill\""))
		fail_msg("status %d, stdout '%s'", r.status, r.out);
	run_free(&r);
}

static void
check_bad_arguments(void **state)
{
	struct run r;
	char path[64];

	RUN(&r, NULL, "check", "--help");
	expect_help(&r, "Usage: tenderplan check");
	RUN(&r, NULL, "check");
	expect_usage_error(&r, "one plan file", NULL);
	RUN(&r, NULL, "check", "/nonexistent/plan.xml");
	expect_usage_error(&r, "/nonexistent/plan.xml", NULL);
	temp_file(path, "<plan>not ours</plan>\n");
	RUN(&r, NULL, "check", path);
	expect_usage_error(&r, path, NULL);
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(version_and_help),
		cmocka_unit_test(bad_commands),
		cmocka_unit_test(holidays_2012_three_regions),
		cmocka_unit_test(holidays_several_years),
		cmocka_unit_test(holidays_bad_arguments),
		cmocka_unit_test(add_over_easter),
		cmocka_unit_test(add_explain),
		cmocka_unit_test(add_uk_region),
		cmocka_unit_test(add_closure),
		cmocka_unit_test(add_weekend),
		cmocka_unit_test(add_ics_file),
		cmocka_unit_test(add_ics_replace),
		cmocka_unit_test(add_bad_files),
		cmocka_unit_test(add_bad_arguments),
		cmocka_unit_test(between_counts),
		cmocka_unit_test(between_explain),
		cmocka_unit_test(between_bad_arguments),
		cmocka_unit_test(is_working_status),
		cmocka_unit_test(batch_add),
		cmocka_unit_test(batch_between),
		cmocka_unit_test(batch_bad_lines),
		cmocka_unit_test(batch_long_line),
		cmocka_unit_test(batch_many_lines),
		cmocka_unit_test(batch_bad_arguments),
		cmocka_unit_test(standstill_cases),
		cmocka_unit_test(standstill_bad_arguments),
		cmocka_unit_test(check_examples),
		cmocka_unit_test(check_bad_arguments),
	};

	/* The program may stop reading early (a bad batch line). */
	signal(SIGPIPE, SIG_IGN);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
