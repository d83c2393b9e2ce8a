/* SPDX-License-Identifier: MIT */
/* `tenderplan templates`, `new` and `schedule`, run as a user would: the
 * program ($TP_CLI, optionally under $TP_CLI_WRAPPER, e.g. "valgrind -q
 * --error-exitcode=99") is spawned with standard output and error going to
 * temporary files.
 *
 * Expected dates: the councils' tables in
 * ../shared/reference/seed-timetables.md, and day counts checked by
 * hand and with Debian's python3 datetime, as noted beside each. */
#include <fcntl.h>
#include <setjmp.h>
#include <spawn.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include <tenderplan/tenderplan.h>

extern char **environ;

struct run {
	int status;
	char *out, *err;
};

static char *
slurp_fd(int fd)
{
	size_t len = 0, cap = 4096;
	char *buf = malloc(cap);
	ssize_t n;

	assert_non_null(buf);
	lseek(fd, 0, SEEK_SET);
	while ((n = read(fd, buf + len, cap - len - 1)) > 0) {
		len += (size_t)n;
		if (cap - len < 2) {
			cap *= 2;
			buf = realloc(buf, cap);
			assert_non_null(buf);
		}
	}
	buf[len] = '\0';
	close(fd);
	return buf;
}

static int
temp_fd(void)
{
	char name[] = "/tmp/tp-cli-plan-XXXXXX";
	int fd = mkstemp(name);

	assert_true(fd >= 0);
	unlink(name);
	return fd;
}

static void
run_argv(struct run *r, const char *const *args)
{
	static char wrapper[512];
	char *argv[80];
	const char *cli = getenv("TP_CLI"), *wrap = getenv("TP_CLI_WRAPPER");
	int out = temp_fd(), err = temp_fd(), st;
	posix_spawn_file_actions_t fa;
	size_t n = 0;
	pid_t pid;

	assert_non_null(cli);
	snprintf(wrapper, sizeof(wrapper), "%s", wrap ? wrap : "");
	for (char *w = strtok(wrapper, " "); w && n < 16; w = strtok(NULL, " "))
		argv[n++] = w;
	argv[n++] = (char *)cli;
	for (; *args && n < 78; args++)
		argv[n++] = (char *)*args;
	argv[n] = NULL;
	assert_int_equal(posix_spawn_file_actions_init(&fa), 0);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, out, 1);
	posix_spawn_file_actions_adddup2(&fa, err, 2);
	assert_int_equal(posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ),
			 0);
	posix_spawn_file_actions_destroy(&fa);
	assert_int_equal(waitpid(pid, &st, 0), pid);
	r->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	r->out = slurp_fd(out);
	r->err = slurp_fd(err);
}

#define RUN(r, ...) run_argv((r), (const char *const[]){__VA_ARGS__, NULL})

static void
run_free(struct run *r)
{
	free(r->out);
	free(r->err);
}

static void
expect_status(const struct run *r, int status)
{
	if (r->status != status)
		fail_msg("status %d (expected %d)\nstdout: %s\nstderr: %s",
			 r->status, status, r->out, r->err);
}

static void
expect_in(const char *haystack, const char *needle)
{
	if (!strstr(haystack, needle))
		fail_msg("'%s' not found in:\n%s", needle, haystack);
}

static char *
example(const char *name)
{
	static char path[4096];
	const char *root = getenv("TP_SOURCE_ROOT");

	assert_non_null(root);
	snprintf(path, sizeof(path), "%s/examples/%s", root, name);
	return path;
}

/* ---- templates and new ------------------------------------------------ */

static void
templates_lists_all(void **state)
{
	struct run r;
	size_t lines = 0;

	(void)state;
	RUN(&r, "templates");
	expect_status(&r, 0);
	for (const char *p = r.out; *p; p++)
		lines += *p == '\n';
	assert_int_equal(lines, 15);
	/* id, a tab, the regime, a tab, a description */
	assert_true(!strncmp(r.out,
			     "pcr2015-open\tpcr2015\tPCR 2015 open procedure",
			     44));
	expect_in(r.out, "\npcsr2015-open\tpcsr2015\t");
	expect_in(r.out, "\nrfq-below-threshold\tnone\t");
	expect_in(r.out, "\npa2023-competitive-flexible\t");
	expect_in(r.out, "\npcr2006-part-b\t");
	expect_in(r.out, "\nframework-call-off\t");
	/* #14: the new procedures with their regime */
	expect_in(r.out, "\npsr2023-competitive\tpsr2023\t");
	expect_in(r.out, "\npsr2023-direct-award-c\tpsr2023\t");
	expect_in(r.out, "\npa2023-direct-award\tpa2023\t");
	expect_in(r.out, "\npa2023-call-off\tpa2023\t");
	assert_string_equal(r.err, "");
	run_free(&r);
}

static void
new_to_stdout(void **state)
{
	struct run r;

	(void)state;
	RUN(&r, "new", "pa2023-open", "--start", "2025-03-03", "--region",
	    "northern-ireland", "--name", "Caf\xc3\xa9 & <co>");
	expect_status(&r, 0);
	expect_in(r.out, "xmlns=\"urn:tenderplan:plan:1\"");
	expect_in(r.out, "<anchors start=\"2025-03-03\"/>");
	expect_in(r.out, "<calendar region=\"northern-ireland\"/>");
	/* --region sets the rules' jurisdiction too (#8 item 5). */
	expect_in(r.out, "jurisdiction=\"northern-ireland\"");
	/* The Act's standstill counts on the statute's calendar. */
	expect_in(r.out, "calendar=\"statutory\"");
	expect_in(r.out, "<name>Caf\xc3\xa9 &amp; &lt;co&gt;</name>");
	expect_in(r.out, "regime=\"pa2023\"");
	run_free(&r);
}

/* PCR 2015 reg 1(7): the Regulations do not extend to Scotland, nor does
 * the Procurement Act 2023 to devolved Scottish authorities; PCSR 2015
 * reg 1(7): those extend to Scotland only. */
static void
new_refuses_regime_outside_its_extent(void **state)
{
	struct run r;

	(void)state;
	RUN(&r, "new", "pcr2015-open", "--start", "2020-03-02", "--region",
	    "scotland");
	expect_status(&r, 2);
	expect_in(r.err, "use pcsr2015-open or pcsr2015-restricted");
	assert_string_equal(r.out, "");
	run_free(&r);
	RUN(&r, "new", "pa2023-open", "--start", "2026-03-02", "--region",
	    "scotland");
	expect_status(&r, 2);
	expect_in(r.err, "pcsr2015-open");
	run_free(&r);
	RUN(&r, "new", "pcsr2015-open", "--start", "2020-03-02", "--region",
	    "england-and-wales");
	expect_status(&r, 2);
	expect_in(r.err, "extend to Scotland only (reg 1(7))");
	run_free(&r);
	RUN(&r, "new", "pcsr2015-open", "--start", "2020-03-02");
	expect_status(&r, 0);
	expect_in(r.out, "<calendar region=\"scotland\"/>");
	expect_in(r.out, "jurisdiction=\"scotland\"");
	run_free(&r);
}

static void
new_to_file_then_schedule(void **state)
{
	char dir[] = "/tmp/tp-cli-plan-dir-XXXXXX", path[64];
	struct tp_plan_doc *doc = NULL;
	struct tp_error err;
	struct run r;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/plan.xml", dir);
	RUN(&r, "new", "pcr2015-open", "--start", "2025-03-03", "-o", path);
	expect_status(&r, 0);
	assert_string_equal(r.out, "");
	run_free(&r);
	assert_int_equal(tp_plan_doc_read_file(path, 0, &doc, &err), TP_OK);
	tp_plan_doc_free(doc);
	RUN(&r, "schedule", path);
	expect_status(&r, 0);
	/* The advert follows 20 + 5 working days from Mon 3 Mar 2025 (no
	 * holiday in March): Mon 7 Apr; 35 days from Tue 8 Apr end Mon 12 May
	 * (python3: date(2025,4,8)+timedelta(34)). */
	expect_in(r.out, "advert                   advert                 "
			 "2025-04-07  2025-04-07");
	expect_in(r.out, "2025-05-12  2025-05-12");
	run_free(&r);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(dir), 0);
}

static void
new_bad_arguments(void **state)
{
	struct run r;

	(void)state;
	RUN(&r, "new", "pcr2015-open");
	expect_status(&r, 2);
	expect_in(r.err, "--start or --contract-start");
	run_free(&r);
	RUN(&r, "new", "pcr2015-lunch", "--start", "2025-03-03");
	expect_status(&r, 2);
	expect_in(r.err, "unknown template 'pcr2015-lunch'");
	run_free(&r);
	RUN(&r, "new", "pcr2015-open", "--start", "2025-02-30");
	expect_status(&r, 2);
	expect_in(r.err, "--start");
	assert_string_equal(r.out, "");
	run_free(&r);
	RUN(&r, "new", "pcr2015-open", "--start", "2025-03-03", "-o",
	    "/nonexistent-dir/plan.xml");
	expect_status(&r, 3);
	expect_in(r.err, "/nonexistent-dir/plan.xml");
	run_free(&r);
}

/* ---- schedule --------------------------------------------------------- */

static void
schedule_hartlepool(void **state)
{
	struct run r;

	(void)state;
	RUN(&r, "schedule", example("hartlepool-2011.xml"));
	expect_status(&r, 0);
	/* "28 days" from the advert on Tue 1 Nov 2011: the 28th day after
	 * is Tue 29 Nov (python3: date(2011,11,1)+timedelta(28)), not the
	 * council's 2 Dec. */
	expect_in(r.out, "* pqq-deadline             pqq-deadline           "
			 "2011-11-29  2011-11-29");
	/* The council's contract start, Fri 4 May 2012, is met. */
	expect_in(r.out, "contract-start           contract-start         "
			 "2012-05-04  2012-05-04");
	assert_string_equal(r.err, "");
	run_free(&r);
}

static void
schedule_thurrock(void **state)
{
	struct run r;

	(void)state;
	RUN(&r, "schedule", example("thurrock-2012.xml"));
	expect_status(&r, 0); /* unmet constraints are warnings */
	/* The council's standstill: Fri 19 Oct to Thu 1 Nov 2012, ten
	 * working days (seed-timetables.md; counted by hand). */
	expect_in(r.out, "standstill               standstill             "
			 "2012-10-19  2012-11-01    10");
	/* Its award on 19 Oct is inside the standstill; 1 Apr 2013 is
	 * Easter Monday (Easter Sunday 31 Mar 2013). */
	expect_in(r.out, "warning: stage 'award' cannot meet start-on "
			 "2012-10-19");
	expect_in(r.out, "start-on 2013-04-01 (not a working day)");
	run_free(&r);
}

static void
schedule_backward(void **state)
{
	char dir[] = "/tmp/tp-cli-plan-dir-XXXXXX", path[64];
	struct run r;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/plan.xml", dir);
	RUN(&r, "new", "pa2023-open", "--contract-start", "2026-04-01", "-o",
	    path);
	expect_status(&r, 0);
	run_free(&r);
	/* Wed 1 Apr 2026 is a working day everywhere in the UK (Good Friday
	 * is 3 Apr 2026): the contract starts on it, by default and with
	 * --backward alike (#8: it used to be a day early by default), and
	 * both views give the same latest day to advertise. */
	char *latest = NULL;
	for (int backward = 0; backward < 2; backward++) {
		if (backward)
			RUN(&r, "schedule", path, "--backward");
		else
			RUN(&r, "schedule", path);
		expect_status(&r, 0);
		expect_in(r.out, "planned dates");
		expect_in(r.out, "contract-start           contract-start  "
				 "       2026-04-01  2026-04-01");
		const char *l = strstr(r.out, "latest day to advertise: 2025-");
		assert_non_null(l);
		if (!latest)
			latest = strndup(l, 35);
		else
			assert_int_equal(strncmp(latest, l, 35), 0);
		expect_in(r.out, "rules: regime: pa2023; 0 errors");
		run_free(&r);
	}
	free(latest);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(dir), 0);
}

/* #8 item 3: --today, and $TP_TODAY when it is not given (the tests set
 * TP_TODAY=2026-12-01). pa2023-open for a contract start on Thu 1 Apr
 * 2027 has its latest day to advertise in autumn 2026 (the schedule
 * test above): on 1 Dec 2026 that is past, on 1 Aug 2026 it is not. */
static void
today_option(void **state)
{
	char dir[] = "/tmp/tp-cli-plan-dir-XXXXXX", path[64];
	struct run r;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/plan.xml", dir);
	RUN(&r, "new", "pa2023-open", "--contract-start", "2027-04-01", "-o",
	    path);
	expect_status(&r, 0);
	run_free(&r);
	RUN(&r, "schedule", path);
	expect_status(&r, 0);
	expect_in(r.out, "warning: the latest day to advertise, 2026-");
	expect_in(r.out, "is before today (2026-12-01)");
	run_free(&r);
	RUN(&r, "check", path, "--today", "2026-08-01");
	expect_status(&r, 0);
	assert_null(strstr(r.out, "today.latest-start-past"));
	run_free(&r);
	RUN(&r, "check", path, "--today", "2026-12-01");
	expect_status(&r, 0); /* a warning, not an error */
	expect_in(r.out, "warning today.latest-start-past [advert]");
	expect_in(r.out, "starting today, the contract start can be on 2027-");
	run_free(&r);
	RUN(&r, "check", path, "--today", "2026-02-30");
	expect_status(&r, 2);
	expect_in(r.err, "--today");
	run_free(&r);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(dir), 0);
}

static void
schedule_explain(void **state)
{
	struct run r;

	(void)state;
	RUN(&r, "schedule", example("hartlepool-2011.xml"), "--explain",
	    "tender-period");
	expect_status(&r, 0);
	expect_in(r.out, "'itt-issue'");
	/* Christmas 2011 fell on a Sunday: Boxing Day Mon 26 Dec, Christmas
	 * substitute Tue 27 Dec, New Year substitute Mon 2 Jan 2012
	 * (uk-bank-holidays.md). */
	expect_in(r.out, "2011-12-26 Boxing Day");
	expect_in(r.out, "2011-12-27 Christmas Day (substitute day)");
	expect_in(r.out, "2012-01-02 New Year's Day (substitute day)");
	run_free(&r);
	RUN(&r, "schedule", example("hartlepool-2011.xml"), "--explain",
	    "lunch");
	expect_status(&r, 2);
	expect_in(r.err, "no stage 'lunch'");
	run_free(&r);
}

static void
schedule_bad_input(void **state)
{
	char path[4096];
	const char *data = getenv("TP_TEST_DATA");
	struct run r;

	(void)state;
	assert_non_null(data);
	snprintf(path, sizeof(path), "%s/xml/unknown-stage/input.xml", data);
	RUN(&r, "schedule", path);
	expect_status(&r, 2);
	expect_in(r.err, "input.xml:7:");
	expect_in(r.err, "unknown stage 'tender-deadline'");
	assert_string_equal(r.out, "");
	run_free(&r);
	RUN(&r, "schedule", "/nonexistent/plan.xml");
	expect_status(&r, 2);
	expect_in(r.err, "/nonexistent/plan.xml");
	run_free(&r);
	RUN(&r, "schedule");
	expect_status(&r, 2);
	run_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(templates_lists_all),
		cmocka_unit_test(new_to_stdout),
		cmocka_unit_test(new_refuses_regime_outside_its_extent),
		cmocka_unit_test(today_option),
		cmocka_unit_test(new_to_file_then_schedule),
		cmocka_unit_test(new_bad_arguments),
		cmocka_unit_test(schedule_hartlepool),
		cmocka_unit_test(schedule_thurrock),
		cmocka_unit_test(schedule_backward),
		cmocka_unit_test(schedule_explain),
		cmocka_unit_test(schedule_bad_input),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
