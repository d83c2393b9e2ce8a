/* SPDX-License-Identifier: MIT */
/* OCDS: export a portfolio of 10,000 tenders (the fixture shape of
 * bench-export) as one release package, and audit 100,000 published
 * releases as JSON lines (the 100 of the Contracts Finder package of 20
 * Oct 2022, repeated). Prints MB/s and releases per second; --quick does a
 * tenth. Never asserts on time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "../export-fixtures.h"
#include "bench-util.h"

static int
bench_export(size_t n)
{
	struct tp_calendar *cal = NULL;
	struct fixture *f = calloc(n, sizeof(*f));
	const struct tp_schedule **s = calloc(n, sizeof(*s));
	struct tp_export_options opt;
	char *buf = NULL;
	size_t len = 0, built = 0, stages = 0;
	int rc = 1;
	tp_export_options_init(&opt);
	opt.dtstamp = 1700000000;
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
	double t0 = bench_now_s(), c0 = bench_cpu_s();
	if (tp_export_portfolio_to_buffer(TP_EXPORT_OCDS, s, n, &opt, &buf,
					  &len, NULL) != TP_OK)
		goto out;
	double t = bench_now_s() - t0, c = bench_cpu_s() - c0;
	printf("bench-ocds export %zu tenders, %zu stages: %.1f MB in %.3f s "
	       "(%.3f s CPU) = %.1f MB/s, %.0f stages/s of CPU\n",
	       n, stages, (double)len / 1e6, t, c, (double)len / 1e6 / c,
	       (double)stages / c);
	rc = 0;
out:
	free(buf);
	for (size_t i = 0; i < built; i++)
		fixture_free(&f[i]);
	tp_calendar_free(cal);
	free(s);
	free(f);
	return rc;
}

/* The releases of the package, one compact line each, @p copies times. */
static char *
json_lines(size_t copies, size_t *len, size_t *releases)
{
	char path[1024];
	const char *dir = getenv("TP_TEST_DATA");
	snprintf(path, sizeof(path), "%s/ocds/contracts-finder-2022-10-20.json",
		 dir ? dir : "tests/data");
	json_t *pkg = json_load_file(path, 0, NULL);
	json_t *list = json_object_get(pkg, "releases");
	size_t one = 0, n = json_array_size(list);
	char **lines = calloc(n, sizeof(*lines));
	for (size_t i = 0; lines && i < n; i++) {
		lines[i] = json_dumps(json_array_get(list, i), JSON_COMPACT);
		one += lines[i] ? strlen(lines[i]) + 1 : 0;
	}
	char *buf = lines && n ? malloc(one * copies + 1) : NULL;
	size_t at = 0;
	for (size_t c = 0; buf && c < copies; c++)
		for (size_t i = 0; i < n; i++) {
			size_t k = strlen(lines[i]);
			memcpy(buf + at, lines[i], k);
			buf[at + k] = '\n';
			at += k + 1;
		}
	for (size_t i = 0; lines && i < n; i++)
		free(lines[i]);
	free(lines);
	json_decref(pkg);
	*len = at;
	*releases = n * copies;
	return buf;
}

static int
bench_audit(size_t copies)
{
	size_t len = 0, n = 0;
	char *buf = json_lines(copies, &len, &n);
	struct tp_ocds_audit *a = NULL;
	struct tp_error err;
	if (!buf) {
		fprintf(stderr, "bench-ocds: cannot read the test data\n");
		return 1;
	}
	double t0 = bench_now_s(), c0 = bench_cpu_s();
	enum tp_status rc =
		tp_ocds_audit_buffer(buf, len, "bench.jsonl", NULL, &a, &err);
	double t = bench_now_s() - t0, c = bench_cpu_s() - c0;
	if (rc == TP_OK)
		printf("bench-ocds audit %zu releases (%.1f MB of JSON lines), "
		       "%zu findings: %.3f s (%.3f s CPU) = %.1f MB/s, %.0f "
		       "releases/s of CPU\n",
		       n, (double)len / 1e6, tp_ocds_audit_count(a), t, c,
		       (double)len / 1e6 / c, (double)n / c);
	else
		fprintf(stderr, "bench-ocds: %s\n", err.message);
	tp_ocds_audit_free(a);
	free(buf);
	return rc != TP_OK;
}

int
main(int argc, char **argv)
{
	bool quick = argc > 1 && !strcmp(argv[1], "--quick");
	return bench_export(quick ? 1000 : 10000) ||
	       bench_audit(quick ? 100 : 1000);
}
