/* SPDX-License-Identifier: MIT */
/* `tenderplan export`: write a plan's schedule as iCalendar, schedule XML,
 * MS Project XML, an SVG Gantt chart, an HTML page, CSV or a text grid. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-export.h"
#include "cli.h"

static const char export_usage[] =
	"Usage: tenderplan export PLAN.xml --format F [--deadlines-only]\n"
	"                         [--alarm N] [--title TEXT] [-o FILE]\n"
	"\n"
	"Schedule the plan and write it in format F:\n"
	"  ics    iCalendar for Outlook, Google, Apple Calendar, Thunderbird\n"
	"  xml    schedule XML (data/tenderplan-schedule.xsd)\n"
	"  mspdi  MS Project XML, also read by ProjectLibre and GanttProject\n"
	"  svg    Gantt chart; html: a page with the chart and a table\n"
	"  csv    one row per stage; text: a weekly grid for the terminal\n"
	"  ocds   an Open Contracting Data Standard 1.1 release package\n"
	"\n"
	"Options:\n"
	"  --format F        one of the above (required)\n"
	"  --deadlines-only  only deadlines and milestones\n"
	"  --alarm N         ics: a reminder N working days before each\n"
	"                    deadline (0-250)\n"
	"  --title TEXT      calendar or page title (default: the plan's name)\n"
	"  --ocid-prefix P   ocds: the publisher's registered ocid prefix\n"
	"                    (default ocds-tenderplan, which is not\n"
	"                    registered, for drafts)\n"
	"  --today DATE      check against this date instead of today's\n"
	"                    (Europe/London; $TP_TODAY if set)\n"
	"  --no-check        leave out the rules checker's findings (shown by\n"
	"                    default in ics descriptions, xml, svg and html)\n"
	"  -o, --output FILE write FILE (replaced whole, never half-written)\n"
	"                    instead of standard output\n"
	"  -h, --help        print this text\n"
	"\n"
	"Exit status: 0 success; 2 bad arguments or a bad plan file; 3 out of\n"
	"memory or the output could not be written.\n";

struct export_opts {
	enum tp_export_format format;
	bool format_set;
	struct tp_export_options opt;
	const char *output;
	bool no_check;
	struct cli_today today;
};

static enum tp_status
opt_format(void *ctx, const char *value, struct tp_error *err)
{
	struct export_opts *o = ctx;
	enum tp_status rc = tp_export_format_from_name(value, &o->format, err);
	o->format_set = rc == TP_OK;
	return cli_blame_option(rc, err, "--format");
}

static enum tp_status
opt_deadlines(void *ctx, const char *value, struct tp_error *err)
{
	struct export_opts *o = ctx;
	o->opt.deadlines_only = true;
	return TP_OK;
}

static enum tp_status
opt_alarm(void *ctx, const char *value, struct tp_error *err)
{
	struct export_opts *o = ctx;
	long n;
	if (!cli_parse_long(value, 0, 250, &n))
		return cli_error_at(err, TP_ERR_INVALID, "--alarm", 0,
				    "'%s' is not a number of working days "
				    "from 0 to 250",
				    value);
	o->opt.alarm_working_days = (int32_t)n;
	return TP_OK;
}

static enum tp_status
opt_title(void *ctx, const char *value, struct tp_error *err)
{
	struct export_opts *o = ctx;
	o->opt.title = value;
	return TP_OK;
}

static enum tp_status
opt_ocid_prefix(void *ctx, const char *value, struct tp_error *err)
{
	((struct export_opts *)ctx)->opt.ocid_prefix = value;
	return TP_OK;
}

static enum tp_status
opt_output(void *ctx, const char *value, struct tp_error *err)
{
	struct export_opts *o = ctx;
	o->output = value;
	return TP_OK;
}

static enum tp_status
opt_today(void *ctx, const char *value, struct tp_error *err)
{
	return cli_today_parse(value, &((struct export_opts *)ctx)->today, err);
}

static enum tp_status
opt_no_check(void *ctx, const char *value, struct tp_error *err)
{
	struct export_opts *o = ctx;
	o->no_check = true;
	return TP_OK;
}

static const struct cli_option export_options[] = {
	{"--no-check", false, opt_no_check},
	{"--today", true, opt_today},
	{"--format", true, opt_format},
	{"--deadlines-only", false, opt_deadlines},
	{"--alarm", true, opt_alarm},
	{"--title", true, opt_title},
	{"--ocid-prefix", true, opt_ocid_prefix},
	{"--output", true, opt_output},
	{NULL, false, NULL},
};

static int
write_stdout(enum tp_export_format fmt, const struct tp_plan *plan,
	     const struct tp_schedule *s, const struct tp_export_options *opt)
{
	char *buf = NULL;
	size_t len = 0;
	struct tp_error err;
	if (tp_export_to_buffer(fmt, plan, s, opt, &buf, &len, &err) != TP_OK)
		return cli_lib_error(&err);
	size_t n = fwrite(buf, 1, len, stdout);
	free(buf);
	if (n != len) {
		fputs("tenderplan: cannot write the output\n", stderr);
		return CLI_EXIT_FAIL;
	}
	return cli_finish_stdout(CLI_EXIT_OK);
}

/* The rules checker's findings, as the exports take them: borrowed from
 * @p f, which must outlive @p opt's use. A plan the checker cannot judge
 * (no regime for its dates, say) is still exported, with a warning. */
static int
add_findings(const struct tp_schedule *s, const struct tp_plan_doc *doc,
	     const struct cli_today *today, struct tp_findings **f,
	     struct tp_export_finding **list, struct tp_export_options *opt)
{
	struct tp_error err;
	if (cli_check(doc, s, today, f, &err) != TP_OK) {
		char buf[600];
		fprintf(stderr, "tenderplan: warning: rules not checked: %s\n",
			tp_error_format(&err, buf, sizeof(buf)));
		return CLI_EXIT_OK;
	}
	size_t n = tp_findings_count(*f);
	*list = calloc(n ? n : 1, sizeof(**list));
	if (!*list) {
		fputs("tenderplan: out of memory\n", stderr);
		return CLI_EXIT_FAIL;
	}
	for (size_t i = 0; i < n; i++) {
		const struct tp_finding *k = tp_findings_get(*f, i);
		(*list)[i] = (struct tp_export_finding){
			tp_severity_name(k->severity),
			k->rule_id,
			k->citation,
			NULL,
			k->stage,
			k->message};
	}
	opt->findings = *list;
	opt->n_findings = n;
	return CLI_EXIT_OK;
}

static int
write_output(const char *file, const struct tp_plan *plan,
	     const struct tp_schedule *s, const struct export_opts *o,
	     const struct tp_export_options *opt)
{
	struct tp_error err;
	if (!o->output || !strcmp(o->output, "-"))
		return write_stdout(o->format, plan, s, opt);
	if (tp_export_to_file(o->format, plan, s, opt, o->output, &err) ==
	    TP_OK)
		return CLI_EXIT_OK;
	int bad = cli_lib_error(&err);
	/* the plan was fine: the output could not be written */
	return err.code == TP_ERR_IO ? CLI_EXIT_FAIL : bad;
}

static int
run_export(const char *file, const struct export_opts *o)
{
	struct tp_plan_doc *doc = NULL;
	struct tp_schedule *s = NULL;
	int rc = cli_load_schedule(file, TP_SCHEDULE_AUTO, &doc, &s);

	if (rc != CLI_EXIT_OK)
		return rc;
	const struct tp_plan *plan = tp_plan_doc_plan_const(doc);
	struct tp_export_options opt = o->opt;
	struct tp_findings *findings = NULL;
	struct tp_export_finding *list = NULL;
	rc = o->no_check ? CLI_EXIT_OK
			 : add_findings(s, doc, &o->today, &findings, &list,
					&opt);
	if (rc == CLI_EXIT_OK)
		rc = write_output(file, plan, s, o, &opt);
	free(list);
	tp_findings_free(findings);
	tp_schedule_free(s);
	tp_plan_doc_free(doc);
	return rc;
}

/* cli_parse() takes long options only: "-o FILE" is "--output FILE". */
static char **
expand_short_options(int argc, char **argv)
{
	char **copy = calloc((size_t)argc + 1, sizeof(*copy));
	if (!copy)
		return NULL;
	static char output[] = "--output";
	bool done = false;
	for (int i = 0; i < argc; i++) {
		done = done || !strcmp(argv[i], "--");
		copy[i] = !done && i > 0 && !strcmp(argv[i], "-o") ? output
								   : argv[i];
	}
	return copy;
}

int
cli_cmd_export(int argc, char **argv)
{
	struct export_opts o = {.format = TP_EXPORT_ICS};
	struct cli_args args;
	tp_export_options_init(&o.opt);
	char **av = expand_short_options(argc, argv);
	if (!av) {
		fputs("tenderplan: out of memory\n", stderr);
		return CLI_EXIT_FAIL;
	}
	int rc = cli_parse("export", argc, av, export_options, &o, &args);
	free(av);
	if (rc)
		return rc;
	if (args.help) {
		fputs(export_usage, stdout);
		rc = cli_finish_stdout(CLI_EXIT_OK);
	} else if (args.n_pos != 1) {
		rc = cli_usage_error("export", "give one plan file");
	} else if (!o.format_set) {
		rc = cli_usage_error("export", "say which --format: ics, xml, "
					       "mspdi, svg, html, csv, text or "
					       "ocds");
	} else {
		rc = run_export(args.pos[0], &o);
	}
	cli_args_free(&args);
	return rc;
}
