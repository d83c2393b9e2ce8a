/* SPDX-License-Identifier: MIT */
/* examples/plan-demo, run as a user runs it ($TP_EXAMPLE), must print the
 * dates below, each counted by hand on a 2025 calendar (England and Wales:
 * Spring bank holiday Mon 26 May, Summer bank holiday Mon 25 Aug). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static char out[65536];

static void
run_demo(void)
{
	const char *exe = getenv("TP_EXAMPLE");
	FILE *p;
	size_t n;

	assert_non_null(exe);
	p = popen(exe, "r");
	assert_non_null(p);
	n = fread(out, 1, sizeof(out) - 1, p);
	out[n] = '\0';
	assert_int_equal(pclose(p), 0);
}

/* The table row of @stage has @start and @finish. */
static void
expect_row(const char *stage, const char *start, const char *finish)
{
	char want[128];
	for (const char *line = out; line && *line;
	     line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
		size_t len = strlen(stage);
		if (strncmp(line, stage, len) || line[len] != ' ')
			continue;
		snprintf(want, sizeof(want), "%s %s", start, finish);
		const char *eol = strchr(line, '\n');
		const char *hit = strstr(line, want);
		if (!hit || (eol && hit > eol))
			fail_msg("row '%s' lacks '%s'", stage, want);
		return;
	}
	fail_msg("no row for stage '%s' in:\n%s", stage, out);
}

static void
demo_dates(void **state)
{
	run_demo();
	/* Advert on the start date, Mon 3 Mar 2025; a 30-calendar-day PQQ
	 * period from it ends Tue 1 Apr (3 Mar + 29). */
	expect_row("advert", "2025-03-03", "2025-03-03");
	expect_row("pqq", "2025-03-03", "2025-04-01");
	/* Deadline: the next working day, Wed 2 Apr. */
	expect_row("pqq-due", "2025-04-02", "2025-04-02");
	/* Tender period of 30 days from Thu 17 Apr ends Fri 16 May; the
	 * deadline follows on Mon 19 May. */
	expect_row("tender", "2025-04-17", "2025-05-16");
	expect_row("tender-due", "2025-05-19", "2025-05-19");
	/* 15 working days from Tue 20 May: 20-23 May, 27-30 May (Mon 26 is
	 * the Spring bank holiday), 2-6 Jun, 9, 10 Jun. */
	expect_row("evaluation", "2025-05-20", "2025-06-10");
	/* Standstill of 10 calendar days from Fri 13 Jun would end Sun 22
	 * Jun: it runs on to Mon 23 Jun; the award follows Tue 24 Jun (the
	 * same dates as PCR 2015 reg 87(2) gives for notices on Thu 12 Jun). */
	expect_row("standstill", "2025-06-13", "2025-06-23");
	expect_row("award", "2025-06-24", "2025-06-24");
	/* Two months from Wed 25 Jun end Sun 24 Aug; Mon 25 Aug is the
	 * Summer bank holiday, so Tue 26 Aug. The contract could start Wed
	 * 27 Aug, but it starts on the required contract start, Wed 1 Oct
	 * 2025 (tp-schedule.h, "Anchors"), with the slack as its float:
	 * 27 Aug to 1 Oct is 25 working days (27-29 Aug, 1-5, 8-12, 15-19,
	 * 22-26, 29-30 Sep). */
	expect_row("tupe", "2025-06-25", "2025-08-26");
	expect_row("start", "2025-10-01", "2025-10-01");
	assert_non_null(strstr(out, "2025-10-01 2025-10-01 2025-10-01    25"));
	assert_non_null(strstr(out, "skips 2025-06-14 weekend"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(demo_dates),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
