/* SPDX-License-Identifier: MIT */
/* A tender as it runs: `tenderplan started` and `tenderplan done` record
 * what happened to a stage in the plan file (edited in place as the other
 * editing commands do, cli-edit.c), and `tenderplan baseline` records the
 * approved dates as a snapshot inside it (tp-revision.h), against which
 * every view then shows slippage. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli-edit.h"
#include "cli-output.h"

#define PROGRESS_HELP(verb, what)                                              \
	"Usage: tenderplan " verb " PLAN.xml STAGE [--on DATE] [--clear]\n"    \
	"                       [--dry-run]\n"                                 \
	"\n"                                                                  \
	"Record that STAGE " what " on DATE (default today, Europe/London;\n" \
	"$TP_TODAY if set). The schedule keeps the dates recorded, the rules\n" \
	"are checked on them (a tender period that was too short is an\n"     \
	"error), and the schedule, check and export commands forecast what\n" \
	"has not happened from their today date.\n" CLI_EDIT_ABOUT_HELP     \
	"\n"                                                                  \
	"Options:\n"                                                          \
	"  --on DATE           the day it happened (default today)\n"         \
	"  --clear             remove the date recorded (a mistake)\n"

static const char started_usage[] =
	PROGRESS_HELP("started", "started") CLI_EDIT_OPTIONS_HELP
	"\n"
	"A milestone (a stage of no duration) happens on one day: 'started'\n"
	"records it as done.\n"
	"\n" CLI_EDIT_EXIT_HELP;

static const char done_usage[] =
	PROGRESS_HELP("done", "finished") CLI_EDIT_OPTIONS_HELP
	"\n"
	"A stage done without a start recorded is taken to have started as\n"
	"its links and duration allow before DATE.\n"
	"\n" CLI_EDIT_EXIT_HELP;

struct progress_opts {
	const char *cmd;
	bool dry_run, clear, has_on;
	struct tp_date on;
	enum tp_actual_end which;
	const char *stage;
};

static enum tp_status
opt_dry_run(void *ctx, const char *value, struct tp_error *err)
{
	((struct progress_opts *)ctx)->dry_run = true;
	return TP_OK;
}

static enum tp_status
opt_clear(void *ctx, const char *value, struct tp_error *err)
{
	((struct progress_opts *)ctx)->clear = true;
	return TP_OK;
}

static enum tp_status
opt_on(void *ctx, const char *value, struct tp_error *err)
{
	struct progress_opts *o = ctx;

	o->has_on = true;
	return cli_date_value("--on", value, &o->on, err);
}

static const struct cli_option progress_options[] = {
	{"--on", true, opt_on},
	{"--clear", false, opt_clear},
	{"--dry-run", false, opt_dry_run},
	{NULL, false, NULL},
};

/* A milestone that started has finished, the same day. */
static bool
is_milestone(struct tp_plan_edit *e, const char *stage)
{
	const struct tp_plan *p =
		tp_plan_doc_plan_const(tp_plan_edit_original(e));
	size_t i;

	return p && tp_plan_find_stage(p, stage, &i) &&
	       tp_plan_stage_is_milestone(p, i);
}

static int
record(struct tp_plan_edit *e, void *ctx)
{
	struct progress_opts *o = ctx;
	enum tp_actual_end which = o->which;
	struct tp_error err;

	if (which == TP_ACTUAL_START && is_milestone(e, o->stage)) {
		which = TP_ACTUAL_FINISH;
		if (!o->clear)
			printf("'%s' is a milestone: recorded as done.\n",
			       o->stage);
	}
	if (tp_plan_edit_set_stage_actual(e, o->stage, which,
					  o->clear ? NULL : &o->on,
					  &err) != TP_OK)
		return cli_edit_error(o->cmd, &err);
	return CLI_EXIT_OK;
}

static int
run_progress(const char *file, struct progress_opts *o)
{
	struct tp_date today;
	struct tp_error err;
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN];

	if (cli_today_date(NULL, &today, &err) != TP_OK)
		return cli_edit_error(o->cmd, &err);
	if (!o->has_on)
		o->on = today;
	else if (!o->clear && o->on.day > today.day)
		fprintf(stderr,
			"tenderplan %s: warning: %s is after today (%s)\n",
			o->cmd, tp_date_format(o->on, a),
			tp_date_format(today, b));
	return cli_edit_run(o->cmd, file, o->dry_run, record, o);
}

static int
progress(const char *cmd, const char *usage, enum tp_actual_end which,
	 int argc, char **argv)
{
	struct progress_opts o = {.cmd = cmd, .which = which};
	struct cli_args args;
	int rc = cli_parse(cmd, argc, argv, progress_options, &o, &args);

	if (rc)
		return rc;
	if (args.help) {
		fputs(usage, stdout);
		rc = cli_finish_stdout(CLI_EXIT_OK);
	} else if (args.n_pos != 2) {
		rc = cli_usage_error(cmd, "give a plan file and a stage");
	} else if (o.clear && o.has_on) {
		rc = cli_usage_error(cmd, "--clear takes no --on");
	} else {
		o.stage = args.pos[1];
		rc = run_progress(args.pos[0], &o);
	}
	cli_args_free(&args);
	return rc;
}

int
cli_cmd_started(int argc, char **argv)
{
	return progress("started", started_usage, TP_ACTUAL_START, argc, argv);
}

int
cli_cmd_done(int argc, char **argv)
{
	return progress("done", done_usage, TP_ACTUAL_FINISH, argc, argv);
}

/* ---- baseline ------------------------------------------------------------ */

static const char baseline_usage[] =
	"Usage: tenderplan baseline PLAN.xml [--today DATE] [--dry-run]\n"
	"                           [--force]\n"
	"\n"
	"Record the timetable as it stands as the approved baseline, inside\n"
	"PLAN.xml (run it when the committee approves the timetable). From\n"
	"then on 'tenderplan schedule' and every export show each stage's\n"
	"slippage against it in working days (+ later, - earlier), and the\n"
	"Gantt charts draw it as a thin bar. A later baseline replaces it for\n"
	"slippage; the earlier ones stay in the file as history. The plan's\n"
	"revision and the calendar's SEQUENCE numbers do not change: that is\n"
	"'tenderplan revise', which records what calendars were sent.\n"
	"\n"
	"The file is edited, not rewritten: comments and layout stay. It is\n"
	"replaced whole (never half-written) and read back before it is.\n"
	"\n"
	"Options:\n"
	"  --today DATE  in a plan with dates recorded by done or started,\n"
	"                forecast what has not happened from DATE\n"
	"  --dry-run     say what would be recorded; change nothing\n"
	"  --force       replace PLAN.xml even if it is read-only or has\n"
	"                other hard links\n"
	"  -h, --help    print this text\n"
	"\n"
	"SOURCE_DATE_EPOCH, if set, is the time recorded.\n"
	"\n"
	"Exit status: 0 success; 2 bad arguments, a bad plan file or a refused\n"
	"output; 3 out of memory or the file could not be written.\n";

struct baseline_opts {
	bool dry_run, force;
	struct cli_today today;
};

static enum tp_status
opt_b_dry_run(void *ctx, const char *value, struct tp_error *err)
{
	((struct baseline_opts *)ctx)->dry_run = true;
	return TP_OK;
}

static enum tp_status
opt_b_force(void *ctx, const char *value, struct tp_error *err)
{
	((struct baseline_opts *)ctx)->force = true;
	return TP_OK;
}

static enum tp_status
opt_b_today(void *ctx, const char *value, struct tp_error *err)
{
	return cli_today_parse(value, &((struct baseline_opts *)ctx)->today,
			       err);
}

static const struct cli_option baseline_options[] = {
	{"--today", true, opt_b_today},
	{"--dry-run", false, opt_b_dry_run},
	{"--force", false, opt_b_force},
	{NULL, false, NULL},
};

static void
baseline_report(const char *file, const struct tp_record_result *r,
		bool dry_run)
{
	const struct tp_snapshot_diff *d = &r->since_previous;

	printf("%s: %s the timetable of revision %u as the baseline.\n", file,
	       dry_run ? "would record" : "recorded", (unsigned)r->recorded);
	if (r->had_previous)
		printf("Since the baseline before it: %zu stage%s changed, %zu "
		       "added, %zu removed, %zu unchanged.\n",
		       d->changed, d->changed == 1 ? "" : "s", d->added,
		       d->removed, d->same);
}

/* The schedule options of the baseline: as `tenderplan schedule` with the
 * same --today schedules it. */
static bool
baseline_today(const char *file, const struct cli_today *t,
	       struct tp_schedule_options *so)
{
	struct tp_plan_doc *doc = NULL;
	struct tp_error err;
	bool under_way = false;

	if (!t->set)
		return false;
	if (tp_plan_doc_read_file(file, 0, &doc, &err) == TP_OK)
		under_way = tp_plan_has_actuals(tp_plan_doc_plan_const(doc));
	tp_plan_doc_free(doc);
	so->has_today = under_way;
	so->today = t->date;
	return under_way;
}

static int
run_baseline(const char *file, const struct baseline_opts *o)
{
	struct tp_write_options wo;
	struct tp_record_options ro;
	struct tp_schedule_options so;
	struct tp_record_result res;
	struct tp_error err;
	int64_t taken = 0;
	int epoch = cli_source_date_epoch("baseline", &taken);
	FILE *f = fopen(file, "rb");

	if (!f) {
		fprintf(stderr, "tenderplan: %s: cannot open: %s\n", file,
			strerror(errno));
		return CLI_EXIT_USAGE;
	}
	fclose(f);
	if (epoch < 0)
		return CLI_EXIT_USAGE;
	if (epoch == 0)
		taken = (int64_t)time(NULL);
	cli_write_options(&wo, o->force);
	tp_schedule_options_init(&so);
	tp_record_options_init(&ro);
	ro.taken = taken;
	ro.flags = o->dry_run ? TP_RECORD_DRY_RUN : 0;
	ro.write = &wo;
	ro.schedule = baseline_today(file, &o->today, &so) ? &so : NULL;
	cli_signals_install();
	if (tp_plan_file_record_with(file, TP_SNAPSHOT_BASELINE, &ro, &res,
				     &err) != TP_OK)
		return err.code == TP_ERR_IO || err.code == TP_ERR_REFUSED
			       ? cli_write_error(&err)
			       : cli_lib_error(&err);
	baseline_report(file, &res, o->dry_run);
	return cli_finish_stdout(CLI_EXIT_OK);
}

int
cli_cmd_baseline(int argc, char **argv)
{
	struct baseline_opts o = {0};
	struct cli_args args;
	int rc = cli_parse("baseline", argc, argv, baseline_options, &o, &args);

	if (rc)
		return rc;
	if (args.help) {
		fputs(baseline_usage, stdout);
		rc = cli_finish_stdout(CLI_EXIT_OK);
	} else if (args.n_pos != 1) {
		rc = cli_usage_error("baseline", "give one plan file");
	} else {
		rc = run_baseline(args.pos[0], &o);
	}
	cli_args_free(&args);
	return rc;
}

/* ---- meeting add|remove -------------------------------------------------- */

static const char meeting_usage[] =
	"Usage: tenderplan meeting SUBCOMMAND PLAN.xml ID [OPTIONS]\n"
	"\n"
	"Add or remove a committee's meeting series (a Cabinet calendar): a\n"
	"stage tied to it with 'tenderplan set' then starts on one of its\n"
	"meetings, with its report deadline and call-in as stages of their\n"
	"own.\n"
	"\n"
	"Subcommands:\n"
	"  add ID      add the series ID\n"
	"  remove ID   remove the series ID (refused while stages meet at it)\n"
	"\n"
	"Run 'tenderplan meeting SUBCOMMAND --help' for its options.\n";

static const char meeting_add_usage[] =
	"Usage: tenderplan meeting add PLAN.xml ID [--name TEXT]\n"
	"                              [--rule RRULE --from DATE] [--date DATE]\n"
	"                              [--except DATE] [--report-days N]\n"
	"                              [--call-in-days N] [--dry-run]\n"
	"\n"
	"Add the meeting series ID: the meetings of an iCalendar recurrence\n"
	"rule, dates of its own, or both, less the cancelled ones.\n"
	CLI_EDIT_ABOUT_HELP
	"\n"
	"Options:\n"
	"  --name TEXT         the committee (\"Cabinet\")\n"
	"  --rule RRULE        a recurrence rule: FREQ=MONTHLY;BYDAY=3TH is the\n"
	"                      third Thursday of each month (RFC 5545)\n"
	"  --from DATE         the day the rule counts from\n"
	"  --date DATE         a meeting on DATE (repeatable)\n"
	"  --except DATE       no meeting on DATE: cancelled (repeatable)\n"
	"  --report-days N     reports are due N working days before each\n"
	"                      meeting (default 0: no report deadline)\n"
	"  --call-in-days N    decisions can be called in for N working days\n"
	"                      after it (default 0: no call-in)\n"
	CLI_EDIT_OPTIONS_HELP "\n" CLI_EDIT_EXIT_HELP;

static const char meeting_remove_usage[] =
	"Usage: tenderplan meeting remove PLAN.xml ID [--dry-run]\n"
	"\n"
	"Remove the meeting series ID; refused while stages meet at it (untie\n"
	"them first with 'tenderplan set', clearing their meeting).\n"
	CLI_EDIT_ABOUT_HELP
	"\n"
	"Options:\n" CLI_EDIT_OPTIONS_HELP "\n" CLI_EDIT_EXIT_HELP;

#define MEETING_DATES_MAX 400

struct meeting_opts {
	bool dry_run, has_from;
	struct tp_meeting_spec spec;
	struct tp_date dates[MEETING_DATES_MAX], except[MEETING_DATES_MAX];
	size_t n_dates, n_except;
	const char *id;
};

static enum tp_status
opt_m_dry_run(void *ctx, const char *value, struct tp_error *err)
{
	((struct meeting_opts *)ctx)->dry_run = true;
	return TP_OK;
}

static enum tp_status
opt_m_name(void *ctx, const char *value, struct tp_error *err)
{
	((struct meeting_opts *)ctx)->spec.name = value;
	return TP_OK;
}

static enum tp_status
opt_m_rule(void *ctx, const char *value, struct tp_error *err)
{
	((struct meeting_opts *)ctx)->spec.rule = value;
	return TP_OK;
}

static enum tp_status
opt_m_from(void *ctx, const char *value, struct tp_error *err)
{
	struct meeting_opts *o = ctx;

	o->has_from = true;
	return cli_date_value("--from", value, &o->spec.rule_from, err);
}

static enum tp_status
push_date(const char *opt, const char *value, struct tp_date *to, size_t *n,
	  struct tp_error *err)
{
	if (*n >= MEETING_DATES_MAX)
		return cli_error_at(err, TP_ERR_INVALID, opt, 0,
				    "at most %d dates; write a --rule",
				    MEETING_DATES_MAX);
	if (cli_date_value(opt, value, &to[*n], err) != TP_OK)
		return err->code;
	(*n)++;
	return TP_OK;
}

static enum tp_status
opt_m_date(void *ctx, const char *value, struct tp_error *err)
{
	struct meeting_opts *o = ctx;

	return push_date("--date", value, o->dates, &o->n_dates, err);
}

static enum tp_status
opt_m_except(void *ctx, const char *value, struct tp_error *err)
{
	struct meeting_opts *o = ctx;

	return push_date("--except", value, o->except, &o->n_except, err);
}

static enum tp_status
days_value(const char *opt, const char *value, int32_t *out,
	   struct tp_error *err)
{
	char *end = NULL;
	long v = strtol(value, &end, 10);

	if (!*value || *end || v < 0 || v > TP_AMOUNT_MAX)
		return cli_error_at(err, TP_ERR_INVALID, opt, 0,
				    "'%s' is not a number of working days "
				    "from 0 to %d",
				    value, TP_AMOUNT_MAX);
	*out = (int32_t)v;
	return TP_OK;
}

static enum tp_status
opt_m_report(void *ctx, const char *value, struct tp_error *err)
{
	return days_value("--report-days", value,
			  &((struct meeting_opts *)ctx)->spec.report_days, err);
}

static enum tp_status
opt_m_call_in(void *ctx, const char *value, struct tp_error *err)
{
	return days_value("--call-in-days", value,
			  &((struct meeting_opts *)ctx)->spec.call_in_days,
			  err);
}

static const struct cli_option meeting_add_options[] = {
	{"--name", true, opt_m_name},
	{"--rule", true, opt_m_rule},
	{"--from", true, opt_m_from},
	{"--date", true, opt_m_date},
	{"--except", true, opt_m_except},
	{"--report-days", true, opt_m_report},
	{"--call-in-days", true, opt_m_call_in},
	{"--dry-run", false, opt_m_dry_run},
	{NULL, false, NULL},
};

static const struct cli_option meeting_remove_options[] = {
	{"--dry-run", false, opt_m_dry_run},
	{NULL, false, NULL},
};

static int
add_series(struct tp_plan_edit *e, void *ctx)
{
	struct meeting_opts *o = ctx;
	struct tp_error err;

	o->spec.id = o->id;
	o->spec.dates = o->dates;
	o->spec.n_dates = o->n_dates;
	o->spec.except = o->except;
	o->spec.n_except = o->n_except;
	if (tp_plan_edit_add_meeting_series(e, &o->spec, &err) != TP_OK)
		return cli_edit_error("meeting add", &err);
	return CLI_EXIT_OK;
}

static int
remove_series(struct tp_plan_edit *e, void *ctx)
{
	struct meeting_opts *o = ctx;
	struct tp_error err;

	if (tp_plan_edit_remove_meeting_series(e, o->id, &err) != TP_OK)
		return cli_edit_error("meeting remove", &err);
	return CLI_EXIT_OK;
}

static int
run_meeting(const char *cmd, int argc, char **argv, bool add)
{
	struct meeting_opts *o = calloc(1, sizeof(*o));
	struct cli_args a;
	int rc;

	if (!o) {
		fprintf(stderr, "tenderplan %s: out of memory\n", cmd);
		return CLI_EXIT_FAIL;
	}
	tp_meeting_spec_init(&o->spec);
	rc = cli_parse(cmd, argc, argv,
		       add ? meeting_add_options : meeting_remove_options, o,
		       &a);
	if (rc) {
		free(o);
		return rc;
	}
	if (a.help) {
		fputs(add ? meeting_add_usage : meeting_remove_usage, stdout);
		rc = cli_finish_stdout(CLI_EXIT_OK);
	} else if (a.n_pos != 2) {
		rc = cli_usage_error(cmd, "give a plan file and a series id");
	} else if (add && (o->spec.rule != NULL) != o->has_from) {
		rc = cli_usage_error(cmd, "--rule and --from go together");
	} else if (add && !o->spec.rule && o->n_dates == 0) {
		rc = cli_usage_error(cmd, "give a --rule and --from, or --date");
	} else {
		o->id = a.pos[1];
		rc = cli_edit_run(cmd, a.pos[0], o->dry_run,
				  add ? add_series : remove_series, o);
	}
	cli_args_free(&a);
	free(o);
	return rc;
}

int
cli_cmd_meeting(int argc, char **argv)
{
	if (argc < 2 || cli_is_help(argv[1])) {
		fputs(meeting_usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? CLI_EXIT_USAGE
				: cli_finish_stdout(CLI_EXIT_OK);
	}
	if (!strcmp(argv[1], "add"))
		return run_meeting("meeting add", argc - 1, argv + 1, true);
	if (!strcmp(argv[1], "remove"))
		return run_meeting("meeting remove", argc - 1, argv + 1, false);
	return cli_usage_error("meeting",
			       "unknown subcommand '%s' (valid: add, remove)",
			       argv[1]);
}
