/* SPDX-License-Identifier: MIT */
/* Export a portfolio of 10,000 tenders (16 stages each, the Hartlepool
 * shape, advertised on successive days from 2011; one shared England and
 * Wales calendar) to one iCalendar file and one schedule XML document, in
 * memory. Prints MB/s and events per second; --quick exports 1,000. Never
 * asserts on time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../export-fixtures.h"

static double
now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
run(enum tp_export_format fmt, const struct tp_schedule *const *s, size_t n,
    size_t stages)
{
	struct tp_export_options opt;
	tp_export_options_init(&opt);
	opt.dtstamp = 1700000000;
	char *buf = NULL;
	size_t len = 0;
	struct tp_error err;
	double t0 = now_s();
	if (tp_export_portfolio_to_buffer(fmt, s, n, &opt, &buf, &len, &err)) {
		fprintf(stderr, "bench-export: %s\n", err.message);
		return 1;
	}
	double t = now_s() - t0;
	printf("bench-export %-4s %zu tenders, %zu stages: %.1f MB in %.3f s = "
	       "%.1f MB/s, %.0f stages/s\n",
	       tp_export_format_name(fmt), n, stages, (double)len / 1e6, t,
	       (double)len / 1e6 / t, (double)stages / t);
	free(buf);
	return 0;
}

int
main(int argc, char **argv)
{
	size_t n = argc > 1 && !strcmp(argv[1], "--quick") ? 1000 : 10000;
	struct tp_calendar *cal = NULL;
	struct fixture *f = calloc(n, sizeof(*f));
	const struct tp_schedule **s = calloc(n, sizeof(*s));
	int rc = 1;
	size_t stages = 0, built = 0;
	if (!f || !s ||
	    tp_calendar_new_region(TP_REGION_ENGLAND_AND_WALES, &cal, NULL))
		goto out;
	for (; built < n; built++) {
		struct tp_date start = {TP_DATE(2011, 1, 3).day +
					(int32_t)built};
		if (fixture_generic(&f[built], cal, (int)built, start))
			goto out;
		s[built] = f[built].sched;
		stages += tp_plan_stage_count(f[built].plan);
	}
	rc = run(TP_EXPORT_ICS, s, n, stages) ||
	     run(TP_EXPORT_XML, s, n, stages) ||
	     run(TP_EXPORT_CSV, s, n, stages);
out:
	for (size_t i = 0; i < built; i++)
		fixture_free(&f[i]);
	tp_calendar_free(cal);
	free(s);
	free(f);
	return rc;
}
