/* SPDX-License-Identifier: MIT */
/* export-sample FORMAT hartlepool|thurrock OUT [ALARM [deadlines]]: write
 * an export of a reference plan (built in export-fixtures.c) for the
 * script tests (python3-icalendar, xmllint, Chromium) until the plan
 * reader lets them use `tenderplan export` on examples/. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export-fixtures.h"

int
main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: export-sample FORMAT PLAN OUT [ALARM "
				"[deadlines]]\n");
		return 2;
	}
	struct tp_error err;
	enum tp_export_format fmt;
	if (tp_export_format_from_name(argv[1], &fmt, &err)) {
		fprintf(stderr, "export-sample: %s\n", err.message);
		return 2;
	}
	struct fixture f;
	int rc = !strcmp(argv[2], "thurrock") ? fixture_thurrock(&f, NULL)
					      : fixture_hartlepool(&f, NULL);
	if (rc) {
		fprintf(stderr, "export-sample: cannot build the plan\n");
		return 1;
	}
	struct tp_export_options opt;
	tp_export_options_init(&opt);
	opt.dtstamp = 1700000000;
	if (argc > 4)
		opt.alarm_working_days = atoi(argv[4]);
	opt.deadlines_only = argc > 5 && !strcmp(argv[5], "deadlines");
	/* A finding as the rules checker would give it, so that renders show
	 * how findings look (reference/seed-timetables.md, Thurrock). */
	static const struct tp_export_finding easter = {
		"warning",
		"calendar.non-working",
		"Banking and Financial Dealings Act 1971 Sch 1",
		NULL,
		"contract-start",
		"the contract start, 1 April 2013, is Easter Monday, a bank "
		"holiday in England"};
	if (!strcmp(argv[2], "thurrock")) {
		opt.findings = &easter;
		opt.n_findings = 1;
	}
	if (tp_export_to_file(fmt, f.plan, f.sched, &opt, argv[3], &err)) {
		char buf[600];
		fprintf(stderr, "export-sample: %s\n",
			tp_error_format(&err, buf, sizeof(buf)));
		rc = 1;
	}
	fixture_free(&f);
	return rc;
}
