/* SPDX-License-Identifier: MIT */
/* Export a portfolio of 10,000 tenders (16 stages each, the Hartlepool
 * shape, advertised on successive days from 2011; one shared England and
 * Wales calendar): first to an iCalendar file, streamed, printing the peak
 * memory the export adds (goal: under 50 MB for 10,000 tenders, issue
 * #10); then to one iCalendar file, one schedule XML document and one CSV
 * table in memory. Prints MB/s and events per second; --quick exports
 * 1,000. Never asserts on time or memory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../export-fixtures.h"
#include "bench-util.h"

/* The streamed export to a file: the peak memory it adds to what the
 * plans and schedules already hold. */
static int
run_file(const struct tp_schedule *const *s, size_t n, size_t stages)
{
	char dir[] = "/tmp/bench-export-XXXXXX", path[64];
	struct tp_export_options opt;
	struct tp_error err;
	struct stat st;
	if (!mkdtemp(dir))
		return 1;
	snprintf(path, sizeof(path), "%s/portfolio.ics", dir);
	tp_export_options_init(&opt);
	opt.dtstamp = 1700000000;
	long kib0 = bench_peak_kib();
	double t0 = bench_now_s();
	enum tp_status rc = tp_export_portfolio_to_file(TP_EXPORT_ICS, s, n,
							&opt, path, &err);
	double t = bench_now_s() - t0;
	long kib1 = bench_peak_kib();
	if (rc != TP_OK || stat(path, &st) != 0) {
		fprintf(stderr, "bench-export: %s\n", err.message);
		unlink(path);
		rmdir(dir);
		return 1;
	}
	printf("bench-export ics  to a file, %zu tenders, %zu events: %.1f MB "
	       "in %.3f s = %.1f MB/s\n",
	       n, stages, (double)st.st_size / 1e6, t,
	       (double)st.st_size / 1e6 / t);
	printf("bench-export ics  to a file: peak memory %.1f MB added by the "
	       "export (goal < 50 MB for 10,000 tenders), %.1f MB in all with "
	       "the plans and schedules\n",
	       (double)(kib1 - kib0) * 1024 / 1e6, (double)kib1 * 1024 / 1e6);
	unlink(path);
	rmdir(dir);
	return 0;
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
	double t0 = bench_now_s();
	if (tp_export_portfolio_to_buffer(fmt, s, n, &opt, &buf, &len, &err)) {
		fprintf(stderr, "bench-export: %s\n", err.message);
		return 1;
	}
	double t = bench_now_s() - t0;
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
	rc = run_file(s, n, stages) || run(TP_EXPORT_ICS, s, n, stages) ||
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
