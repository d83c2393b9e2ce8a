/* SPDX-License-Identifier: MIT */
/* `tenderplan check PLAN.xml`: the procurement rules checker. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tenderplan/tp-plan-xml.h>

#include "cli.h"

static const char check_usage[] =
	"Usage: tenderplan check PLAN.xml... [--xml] [--backward] [--today DATE]\n"
	"\n"
	"Schedule the plan and check it against the procurement rules its\n"
	"file names (regime, procedure, local rules, incumbent contract end):\n"
	"minimum periods, standstill, the order of notice and decision, TUPE\n"
	"and lead-in, service continuity, bank holidays, Christmas. One line\n"
	"per finding:\n"
	"  SEVERITY RULE-ID [STAGE]: message (citation) - fix\n"
	"Several plan files, or a directory (its *.xml plans), are checked in\n"
	"one run sharing their calendars: each file's findings under a\n"
	"\"file: PATH\" line, then a total; --xml takes one plan.\n"
	"\n"
	"Options:\n"
	"  --xml        the findings as XML (schema tenderplan-findings.xsd)\n"
	"  --backward   check the latest dates (from the contract start)\n"
	"               instead of the earliest\n"
	"  --today DATE check against this date instead of today's\n"
	"               (Europe/London; $TP_TODAY if set): a latest start\n"
	"               already past is a warning; in a plan with dates\n"
	"               recorded by done or started, what has not happened\n"
	"               is forecast from DATE\n"
	"  -h, --help   print this text\n"
	"\n"
	"Exit status: 0 no errors (warnings allowed); 1 errors found; 2 bad\n"
	"arguments or a plan that cannot be read or scheduled; 3 out of\n"
	"memory or output error.\n";

struct check_opts {
	bool xml, backward;
	struct cli_today today;
};

static enum tp_status
set_xml(void *ctx, const char *value, struct tp_error *err)
{
	((struct check_opts *)ctx)->xml = true;
	return TP_OK;
}

static enum tp_status
set_backward(void *ctx, const char *value, struct tp_error *err)
{
	((struct check_opts *)ctx)->backward = true;
	return TP_OK;
}

static enum tp_status
set_today(void *ctx, const char *value, struct tp_error *err)
{
	return cli_today_parse(value, &((struct check_opts *)ctx)->today, err);
}

static const struct cli_option check_options[] = {
	{"--today", true, set_today},
	{"--xml", false, set_xml},
	{"--backward", false, set_backward},
	{NULL, false, NULL},
};

static void
print_text(const struct tp_findings *f, int *total)
{
	int n[3] = {0, 0, 0};

	for (size_t i = 0; i < tp_findings_count(f); i++) {
		const struct tp_finding *x = tp_findings_get(f, i);
		n[x->severity]++;
		printf("%s %s%s%s%s: %s", tp_severity_name(x->severity),
		       x->rule_id, x->stage[0] ? " [" : "", x->stage,
		       x->stage[0] ? "]" : "", x->message);
		if (x->citation[0])
			printf(" (%s)", x->citation);
		if (x->fix[0])
			printf(" - %s", x->fix);
		putchar('\n');
	}
	printf("regime: %s; %d error%s, %d warning%s, %d info\n",
	       tp_regime_name(tp_findings_regime(f)), n[TP_SEVERITY_ERROR],
	       n[TP_SEVERITY_ERROR] == 1 ? "" : "s", n[TP_SEVERITY_WARNING],
	       n[TP_SEVERITY_WARNING] == 1 ? "" : "s", n[TP_SEVERITY_INFO]);
	for (int i = 0; total && i < 3; i++)
		total[i] += n[i];
}

static int
print_xml(const struct tp_findings *f, const struct tp_plan *plan)
{
	struct tp_error err;
	char *data = NULL;
	size_t len = 0;

	if (tp_findings_write_xml(f, tp_plan_id(plan), &data, &len, &err) !=
	    TP_OK)
		return cli_lib_error(&err);
	fwrite(data, 1, len, stdout);
	free(data);
	return CLI_EXIT_OK;
}

/* Read, schedule and check @p file; print the findings. */
static int
run_check(const char *file, const struct check_opts *o)
{
	struct tp_plan_doc *doc = NULL;
	struct tp_schedule *s = NULL;
	struct tp_findings *f = NULL;
	struct tp_error err;
	int rc = cli_load_schedule_today(file,
					 o->backward ? TP_SCHEDULE_BACKWARD
						     : TP_SCHEDULE_AUTO,
					 &o->today, &doc, &s);

	if (rc != CLI_EXIT_OK)
		return rc;
	if (cli_check(doc, s, &o->today, &f, &err) != TP_OK)
		rc = cli_lib_error(&err);
	else if (o->xml)
		rc = print_xml(f, tp_plan_doc_plan_const(doc));
	else
		print_text(f, NULL);
	if (rc == CLI_EXIT_OK &&
	    tp_findings_max_severity(f) == TP_SEVERITY_ERROR)
		rc = CLI_EXIT_NO;
	tp_findings_free(f);
	tp_schedule_free(s);
	tp_plan_doc_free(doc);
	return rc == CLI_EXIT_FAIL ? rc : cli_finish_stdout(rc);
}

/* Several plans: each one's findings under "file: PATH", then the
 * total. Exit 1 if any plan has an error. */
static int
run_check_many(const char *const *files, size_t n, const struct check_opts *o)
{
	struct cli_plans p = {0};
	struct tp_error err;
	int total[3] = {0, 0, 0};
	int rc = cli_load_plans(files, n,
				o->backward ? TP_SCHEDULE_BACKWARD
					    : TP_SCHEDULE_AUTO,
				&o->today, &p);

	for (size_t i = 0; rc == CLI_EXIT_OK && i < p.n; i++) {
		struct tp_findings *f = NULL;
		printf("%sfile: %s\n", i ? "\n" : "", tp_plan_set_path(p.set, i));
		if (cli_check(tp_plan_set_doc(p.set, i), p.scheds[i],
			      &o->today, &f, &err) != TP_OK) {
			if (!err.source[0])
				snprintf(err.source, sizeof(err.source), "%s",
					 tp_plan_set_path(p.set, i));
			rc = cli_lib_error(&err);
		} else {
			print_text(f, total);
		}
		tp_findings_free(f);
	}
	if (rc == CLI_EXIT_OK)
		printf("\n%zu plans: %d error%s, %d warning%s, %d info\n", p.n,
		       total[TP_SEVERITY_ERROR],
		       total[TP_SEVERITY_ERROR] == 1 ? "" : "s",
		       total[TP_SEVERITY_WARNING],
		       total[TP_SEVERITY_WARNING] == 1 ? "" : "s",
		       total[TP_SEVERITY_INFO]);
	if (rc == CLI_EXIT_OK && total[TP_SEVERITY_ERROR])
		rc = CLI_EXIT_NO;
	cli_plans_free(&p);
	return rc == CLI_EXIT_FAIL ? rc : cli_finish_stdout(rc);
}

int
cli_cmd_check(int argc, char **argv)
{
	struct check_opts o = {false, false, {false, {0}}};
	struct cli_args args;
	int rc = cli_parse("check", argc, argv, check_options, &o, &args);

	if (rc != CLI_EXIT_OK)
		return rc;
	if (args.help) {
		cli_args_free(&args);
		fputs(check_usage, stdout);
		return cli_finish_stdout(CLI_EXIT_OK);
	}
	if (args.n_pos == 0)
		rc = cli_usage_error("check", "give one plan file or more, "
						 "or a directory");
	else if (cli_single_file(args.pos, args.n_pos))
		rc = run_check(args.pos[0], &o);
	else if (o.xml)
		rc = cli_usage_error("check", "--xml takes one plan file");
	else
		rc = run_check_many(args.pos, args.n_pos, &o);
	cli_args_free(&args);
	return rc;
}
