/* SPDX-License-Identifier: MIT */
/* `tenderplan export`: write a plan's schedule as iCalendar, schedule XML,
 * MS Project XML, an SVG Gantt chart, an HTML page, CSV or a text grid. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-export.h"
#include "cli-output.h"
#include "cli.h"

static const char export_usage[] =
	"Usage: tenderplan export PLAN.xml... --format F [--deadlines-only]\n"
	"                         [--alarm N] [--title TEXT] [--previous OLD.xml]\n"
	"                         [--deadline-minutes N] [-o FILE [--force]]\n"
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
	"  --deadline-minutes N\n"
	"                    ics: a timed deadline's event ends N minutes after\n"
	"                    it (1-1440, default 30)\n"
	"  --previous OLD.xml\n"
	"                    ics: compare with this earlier copy of the plan\n"
	"                    instead of the revision recorded in PLAN.xml by\n"
	"                    'tenderplan revise'\n"
	"  --no-cancelled    ics: leave out the stages removed since the\n"
	"                    previous revision (for calendars emptied before\n"
	"                    each import)\n"
	"  --title TEXT      calendar or page title (default: the plan's name)\n"
	"  --ocid-prefix P   ocds: the publisher's registered ocid prefix\n"
	"                    (default ocds-tenderplan, which is not\n"
	"                    registered, for drafts)\n"
	"  --today DATE      check against this date instead of today's\n"
	"                    (Europe/London; $TP_TODAY if set); in a plan\n"
	"                    with dates recorded by done or started, what\n"
	"                    has not happened is forecast from DATE\n"
	"  --no-check        leave out the rules checker's findings (shown by\n"
	"                    default in ics descriptions, xml, svg and html)\n"
	"  --bom             csv: begin with a UTF-8 byte order mark (for Excel)\n"
	"  -o, --output FILE write FILE (replaced whole, never half-written)\n"
	"                    instead of standard output; '-' is standard\n"
	"                    output. A FIFO or device is written to directly.\n"
	"                    Refused: one of the command's input files, an\n"
	"                    existing plan file, a read-only file or one with\n"
	"                    several hard links\n"
	"  --force           write FILE even so\n"
	"  -h, --help        print this text\n"
	"\n"
	"Several plan files, or a directory (its *.xml plans), make one\n"
	"portfolio document holding every plan, read in one run sharing their\n"
	"calendars: one calendar, XML document, CSV table or OCDS package,\n"
	"a text grid per plan, one MS Project file (a summary task per plan)\n"
	"or one Gantt chart (a header row per plan, one time axis: by week up\n"
	"to 80 weeks, else by month, quarter or year). Each plan's ids stay\n"
	"its own (an event's UID is STAGE.PLAN-ID@tenderplan), and two plans\n"
	"with one id are refused; each plan's slippage is against its own\n"
	"baseline, and in a portfolio calendar each plan's events follow the\n"
	"revision recorded in it. --previous takes one plan.\n"
	"\n"
	"In ics, each event's SEQUENCE rises only when its dates, time or text\n"
	"changed since the previous revision; stages and meeting series\n"
	"removed since then are sent as cancelled. SOURCE_DATE_EPOCH, if set,\n"
	"is the DTSTAMP.\n"
	"\n"
	"Exit status: 0 success; 2 bad arguments, a bad plan file or an output\n"
	"refused; 3 out of memory or the output could not be written.\n";

struct export_opts {
	enum tp_export_format format;
	bool format_set;
	struct tp_export_options opt;
	const char *output, *previous;
	bool no_check, force;
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

static enum tp_status
opt_force(void *ctx, const char *value, struct tp_error *err)
{
	((struct export_opts *)ctx)->force = true;
	return TP_OK;
}

static enum tp_status
opt_previous(void *ctx, const char *value, struct tp_error *err)
{
	((struct export_opts *)ctx)->previous = value;
	return TP_OK;
}

static enum tp_status
opt_no_cancelled(void *ctx, const char *value, struct tp_error *err)
{
	((struct export_opts *)ctx)->opt.omit_cancelled = true;
	return TP_OK;
}

static enum tp_status
opt_deadline_minutes(void *ctx, const char *value, struct tp_error *err)
{
	struct export_opts *o = ctx;
	long n;
	if (!cli_parse_long(value, 1, 24 * 60, &n))
		return cli_error_at(err, TP_ERR_INVALID, "--deadline-minutes",
				    0,
				    "'%s' is not a number of minutes from 1 "
				    "to 1440",
				    value);
	o->opt.deadline_minutes = (int32_t)n;
	return TP_OK;
}

static enum tp_status
opt_bom(void *ctx, const char *value, struct tp_error *err)
{
	((struct export_opts *)ctx)->opt.csv_bom = true;
	return TP_OK;
}

static const struct cli_option export_options[] = {
	{"--bom", false, opt_bom},
	{"--no-check", false, opt_no_check},
	{"--force", false, opt_force},
	{"--previous", true, opt_previous},
	{"--no-cancelled", false, opt_no_cancelled},
	{"--deadline-minutes", true, opt_deadline_minutes},
	{"--today", true, opt_today},
	{"--format", true, opt_format},
	{"--deadlines-only", false, opt_deadlines},
	{"--alarm", true, opt_alarm},
	{"--title", true, opt_title},
	{"--ocid-prefix", true, opt_ocid_prefix},
	{"--output", true, opt_output},
	{NULL, false, NULL},
};

/* Standard output: one plan's export, made in memory, written with
 * stdio. */
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
write_output(const struct tp_plan *plan, const struct tp_schedule *s,
	     const struct export_opts *o, struct tp_export_options *opt)
{
	struct tp_write_options wo;
	struct tp_error err;
	if (!o->output || !strcmp(o->output, "-"))
		return write_stdout(o->format, plan, s, opt);
	cli_write_options(&wo, o->force);
	opt->write = &wo;
	cli_signals_install();
	if (tp_export_to_file(o->format, plan, s, opt, o->output, &err) ==
	    TP_OK)
		return CLI_EXIT_OK;
	return cli_write_error(&err);
}

/* The plan's own holiday file, as a path from here (or NULL). */
static char *
ics_input(const char *file, const struct tp_plan_doc *doc)
{
	const char *ics = tp_plan_doc_ics(doc, NULL);
	const char *slash = strrchr(file, '/');
	size_t dir = slash ? (size_t)(slash - file) + 1 : 0;
	char *path;
	if (!ics)
		return NULL;
	if (ics[0] == '/' || !dir)
		return strdup(ics);
	path = malloc(dir + strlen(ics) + 1);
	if (path) {
		memcpy(path, file, dir);
		strcpy(path + dir, ics);
	}
	return path;
}

/* What the previous revision published: computed from OLD.xml (with the
 * revision OLD.xml itself recorded), which must be the same plan. */
static int
load_previous(const char *file, const char *old, const struct tp_plan *plan,
	      struct tp_snapshot **out)
{
	struct tp_plan_doc *doc = NULL;
	struct tp_schedule *s = NULL;
	struct tp_error err;
	int rc = cli_load_schedule(old, TP_SCHEDULE_AUTO, &doc, &s);
	if (rc != CLI_EXIT_OK)
		return rc;
	const char *a = tp_plan_id(tp_plan_doc_plan_const(doc));
	const char *b = tp_plan_id(plan);
	if (!a || !b || strcmp(a, b)) {
		fprintf(stderr,
			"tenderplan export: --previous %s is plan '%s', not "
			"'%s' as %s: give an earlier copy of the same plan\n",
			old, a ? a : "(no id)", b ? b : "(no id)", file);
		rc = CLI_EXIT_USAGE;
	} else if (tp_snapshot_record(s,
				      tp_plan_doc_latest_snapshot(
					      doc, TP_SNAPSHOT_REVISION),
				      TP_SNAPSHOT_REVISION, 0, out,
				      &err) != TP_OK) {
		rc = cli_lib_error(&err);
	}
	tp_schedule_free(s);
	tp_plan_doc_free(doc);
	return rc;
}

/* Say when calendars would miss a change: the plan differs from the
 * revision it is compared with, but its revision is not higher. */
static void
warn_revision(const char *file, const struct tp_plan *plan,
	      const struct tp_schedule *s, const struct tp_snapshot *since,
	      const char *from)
{
	struct tp_snapshot_diff d;
	uint32_t rev = tp_plan_revision(plan);
	if (!since) {
		if (rev > 1)
			fprintf(stderr,
				"tenderplan: note: %s records no previous "
				"revision: every event gets SEQUENCE %u and "
				"removed stages are not cancelled (run "
				"'tenderplan revise %s' before the next "
				"changes)\n",
				file, (unsigned)(rev - 1), file);
		return;
	}
	if (!tp_plan_id(plan) || !tp_snapshot_plan_id(since) ||
	    strcmp(tp_plan_id(plan), tp_snapshot_plan_id(since))) {
		fprintf(stderr,
			"tenderplan: warning: %s: the plan id is now '%s' but "
			"revision %u was '%s': every event is new to "
			"calendars; remove the old ones by hand\n",
			file, tp_plan_id(plan) ? tp_plan_id(plan) : "",
			(unsigned)tp_snapshot_revision(since),
			tp_snapshot_plan_id(since) ? tp_snapshot_plan_id(since)
						   : "");
		return;
	}
	if (tp_snapshot_compare(since, s, &d, NULL) != TP_OK ||
	    tp_snapshot_revision(since) < rev ||
	    d.changed + d.added + d.removed == 0)
		return;
	fprintf(stderr,
		"tenderplan: warning: %s: %zu stage%s changed, %zu added and "
		"%zu removed since revision %u (%s), but the plan is still "
		"revision %u: run 'tenderplan revise %s' when you send a new "
		"revision, or calendars may keep the old dates\n",
		file, d.changed, d.changed == 1 ? "" : "s", d.added, d.removed,
		(unsigned)tp_snapshot_revision(since), from, (unsigned)rev,
		file);
}

/* The calendar's history: --previous, else the revision recorded in the
 * file. */
static int
find_since(const char *file, const struct tp_plan_doc *doc,
	   const struct tp_schedule *s, const struct export_opts *o,
	   struct tp_snapshot **own, struct tp_export_options *opt)
{
	const struct tp_plan *plan = tp_plan_doc_plan_const(doc);
	int rc = CLI_EXIT_OK;
	if (o->previous)
		rc = load_previous(file, o->previous, plan, own);
	if (rc != CLI_EXIT_OK)
		return rc;
	opt->since = o->previous ? *own
				 : tp_plan_doc_latest_snapshot(
					   doc, TP_SNAPSHOT_REVISION);
	if (o->format == TP_EXPORT_ICS)
		warn_revision(file, plan, s, opt->since,
			      o->previous ? o->previous
					  : "recorded in the plan");
	return CLI_EXIT_OK;
}

static int
check_output(const char *file, const struct tp_plan_doc *doc,
	     const struct export_opts *o)
{
	char *ics = ics_input(file, doc);
	const char *inputs[] = {file, o->previous, ics};
	int rc =
		cli_output_check("export", o->output, inputs, 3,
				 CLI_REFUSE_INPUTS | CLI_REFUSE_PLAN, o->force);
	free(ics);
	return rc;
}

static int
run_export(const char *file, const struct export_opts *o)
{
	struct tp_plan_doc *doc = NULL;
	struct tp_schedule *s = NULL;
	struct tp_snapshot *own = NULL;
	int64_t epoch = 0;
	int rc = cli_source_date_epoch("export", &epoch) < 0
			 ? CLI_EXIT_USAGE
			 : cli_load_schedule_today(file, TP_SCHEDULE_AUTO,
						   &o->today, &doc, &s);

	if (rc != CLI_EXIT_OK)
		return rc;
	const struct tp_plan *plan = tp_plan_doc_plan_const(doc);
	struct tp_export_options opt = o->opt;
	struct tp_findings *findings = NULL;
	struct tp_export_finding *list = NULL;
	if (epoch > 0)
		opt.dtstamp = epoch;
	rc = check_output(file, doc, o);
	if (rc == CLI_EXIT_OK)
		rc = find_since(file, doc, s, o, &own, &opt);
	/* slippage against the approved dates (tenderplan baseline) */
	opt.baseline = tp_plan_doc_latest_snapshot(doc, TP_SNAPSHOT_BASELINE);
	if (rc == CLI_EXIT_OK && !o->no_check)
		rc = add_findings(s, doc, &o->today, &findings, &list, &opt);
	if (rc == CLI_EXIT_OK)
		rc = write_output(plan, s, o, &opt);
	free(list);
	tp_findings_free(findings);
	tp_snapshot_free(own);
	tp_schedule_free(s);
	tp_plan_doc_free(doc);
	return rc;
}

/* The findings of every plan of @p p, each naming its plan. */
static int
add_portfolio_findings(const struct cli_plans *p, const struct export_opts *o,
		       struct tp_findings **f, struct tp_export_finding **list,
		       struct tp_export_options *opt)
{
	size_t total = 0, k = 0;
	struct tp_error err;

	for (size_t i = 0; i < p->n; i++) {
		if (cli_check(tp_plan_set_doc(p->set, i), p->scheds[i],
			      &o->today, &f[i], &err) != TP_OK) {
			char buf[600];
			fprintf(stderr,
				"tenderplan: warning: %s: rules not checked: "
				"%s\n",
				tp_plan_set_path(p->set, i),
				tp_error_format(&err, buf, sizeof(buf)));
			f[i] = NULL;
		}
		total += f[i] ? tp_findings_count(f[i]) : 0;
	}
	*list = calloc(total ? total : 1, sizeof(**list));
	if (!*list) {
		fputs("tenderplan: out of memory\n", stderr);
		return CLI_EXIT_FAIL;
	}
	for (size_t i = 0; i < p->n; i++) {
		const char *id = tp_plan_id(
			tp_plan_doc_plan_const(tp_plan_set_doc(p->set, i)));
		for (size_t j = 0; f[i] && j < tp_findings_count(f[i]); j++) {
			const struct tp_finding *x = tp_findings_get(f[i], j);
			(*list)[k++] = (struct tp_export_finding){
				tp_severity_name(x->severity),
				x->rule_id,
				x->citation,
				id ? id : "",
				x->stage,
				x->message};
		}
	}
	opt->findings = *list;
	opt->n_findings = k;
	return CLI_EXIT_OK;
}

/* The output may be none of the plans read, nor the holiday files they
 * name. */
static int
check_portfolio_output(const struct cli_plans *p, const struct export_opts *o)
{
	const char **inputs = calloc(2 * p->n + 1, sizeof(*inputs));
	char **ics = calloc(p->n + 1, sizeof(*ics));
	int rc;

	if (!inputs || !ics) {
		free(inputs);
		free(ics);
		fputs("tenderplan: out of memory\n", stderr);
		return CLI_EXIT_FAIL;
	}
	for (size_t i = 0; i < p->n; i++) {
		inputs[2 * i] = tp_plan_set_path(p->set, i);
		ics[i] = ics_input(inputs[2 * i], tp_plan_set_doc(p->set, i));
		inputs[2 * i + 1] = ics[i];
	}
	rc = cli_output_check("export", o->output, inputs, 2 * p->n,
			      CLI_REFUSE_INPUTS | CLI_REFUSE_PLAN, o->force);
	for (size_t i = 0; i < p->n; i++)
		free(ics[i]);
	free(ics);
	free(inputs);
	return rc;
}

static int
write_portfolio(const struct cli_plans *p, const struct export_opts *o,
		struct tp_export_options *opt)
{
	struct tp_write_options wo;
	struct tp_error err;
	const struct tp_schedule *const *s =
		(const struct tp_schedule *const *)p->scheds;
	char *buf = NULL;
	size_t len = 0, n;

	if (o->output && strcmp(o->output, "-")) {
		cli_write_options(&wo, o->force);
		opt->write = &wo;
		cli_signals_install();
		if (tp_export_portfolio_to_file(o->format, s, p->n, opt,
						o->output, &err) == TP_OK)
			return CLI_EXIT_OK;
		return cli_write_error(&err);
	}
	if (tp_export_portfolio_to_buffer(o->format, s, p->n, opt, &buf, &len,
					  &err) != TP_OK)
		return cli_lib_error(&err);
	n = fwrite(buf, 1, len, stdout);
	free(buf);
	if (n != len) {
		fputs("tenderplan: cannot write the output\n", stderr);
		return CLI_EXIT_FAIL;
	}
	return cli_finish_stdout(CLI_EXIT_OK);
}

/* Each plan's own snapshots in a portfolio (#11): its latest baseline,
 * for its slippage, and its latest revision, its calendar history (with
 * the warning its own export gives). Both arrays are the caller's to free,
 * also on failure. */
static int
portfolio_snapshots(const struct cli_plans *p, const struct export_opts *o,
		    const struct tp_snapshot ***baselines,
		    const struct tp_snapshot ***sinces)
{
	*baselines = calloc(p->n, sizeof(**baselines));
	*sinces = calloc(p->n, sizeof(**sinces));
	if (!*baselines || !*sinces) {
		fputs("tenderplan: out of memory\n", stderr);
		return CLI_EXIT_FAIL;
	}
	for (size_t i = 0; i < p->n; i++) {
		const struct tp_plan_doc *doc = tp_plan_set_doc(p->set, i);
		(*baselines)[i] =
			tp_plan_doc_latest_snapshot(doc, TP_SNAPSHOT_BASELINE);
		(*sinces)[i] =
			tp_plan_doc_latest_snapshot(doc, TP_SNAPSHOT_REVISION);
		if (o->format == TP_EXPORT_ICS)
			warn_revision(tp_plan_set_path(p->set, i),
				      tp_plan_doc_plan_const(doc), p->scheds[i],
				      (*sinces)[i], "recorded in the plan");
	}
	return CLI_EXIT_OK;
}

/* Several plans, one portfolio document. */
static int
run_export_many(const char *const *files, size_t n,
		const struct export_opts *o)
{
	struct cli_plans p = {0};
	struct tp_export_options opt = o->opt;
	struct tp_findings **findings = NULL;
	struct tp_export_finding *list = NULL;
	const struct tp_snapshot **baselines = NULL, **sinces = NULL;
	int64_t epoch = 0;
	int rc = cli_source_date_epoch("export", &epoch) < 0
			 ? CLI_EXIT_USAGE
			 : cli_load_plans(files, n, TP_SCHEDULE_AUTO,
					  &o->today, &p);

	if (rc != CLI_EXIT_OK)
		return rc;
	if (epoch > 0)
		opt.dtstamp = epoch;
	rc = check_portfolio_output(&p, o);
	if (rc == CLI_EXIT_OK && !o->no_check &&
	    !(findings = calloc(p.n + 1, sizeof(*findings)))) {
		fputs("tenderplan: out of memory\n", stderr);
		rc = CLI_EXIT_FAIL;
	}
	if (rc == CLI_EXIT_OK && !o->no_check)
		rc = add_portfolio_findings(&p, o, findings, &list, &opt);
	if (rc == CLI_EXIT_OK)
		rc = portfolio_snapshots(&p, o, &baselines, &sinces);
	opt.baselines = baselines;
	opt.sinces = sinces;
	if (rc == CLI_EXIT_OK)
		rc = write_portfolio(&p, o, &opt);
	free(sinces);
	free(baselines);
	free(list);
	for (size_t i = 0; findings && i < p.n; i++)
		tp_findings_free(findings[i]);
	free(findings);
	cli_plans_free(&p);
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
	} else if (args.n_pos == 0) {
		rc = cli_usage_error("export", "give one plan file or more, "
						 "or a directory");
	} else if (!o.format_set) {
		rc = cli_usage_error("export", "say which --format: ics, xml, "
					       "mspdi, svg, html, csv, text or "
					       "ocds");
	} else if (cli_single_file(args.pos, args.n_pos)) {
		rc = run_export(args.pos[0], &o);
	} else if (o.previous) {
		rc = cli_usage_error("export", "--previous takes one plan file");
	} else {
		rc = run_export_many(args.pos, args.n_pos, &o);
	}
	cli_args_free(&args);
	return rc;
}
