/* SPDX-License-Identifier: MIT */
/* `tenderplan schedule`: read a plan file, schedule it, print a table, or
 * with --explain say why one stage has its dates. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli-plan.h"
#include "cli.h"

static const char schedule_usage[] =
	"Usage: tenderplan schedule PLAN.xml... [--backward | --forward]\n"
	"                           [--explain STAGE] [--today DATE]\n"
	"\n"
	"Schedule the plan and print one line per stage: a '*' for the\n"
	"critical path, the stage id, its kind, its planned start and finish,\n"
	"its working days and its total float in working days (negative:\n"
	"late). From a start date the plan runs as early as it can and ends\n"
	"with the earliest contract start; from a required contract start it\n"
	"runs back to the latest day to advertise, and the contract starts on\n"
	"the day asked for; with both, the contract starts on its day and float\n"
	"shows the slack. --backward uses the contract start only, --forward\n"
	"the start date only. Either way the last lines say what drives the\n"
	"timetable when a date the plan fixes does, not the anchor.\n"
	"Several plan files, or a directory (its *.xml plans), are read in\n"
	"one run sharing their calendars: one table for each, headed by its\n"
	"file name; --explain takes one plan.\n"
	"\n"
	"Options:\n"
	"  --backward       from the required contract start only\n"
	"  --forward        from the start date only\n"
	"  --explain STAGE  say which dependency, constraint or anchor gave\n"
	"                   STAGE its dates and which non-working days were\n"
	"                   skipped\n"
	CLI_TODAY_HELP
	"  -h, --help       print this text\n"
	"\n"
	"Exit status: 0 a schedule was computed (even with warnings); 2 bad\n"
	"arguments or a bad plan file (FILE:LINE: message); 3 out of memory.\n";

struct schedule_opts {
	enum tp_schedule_mode mode;
	const char *explain;
	struct cli_today today;
};

static enum tp_status
opt_backward(void *ctx, const char *value, struct tp_error *err)
{
	((struct schedule_opts *)ctx)->mode = TP_SCHEDULE_BACKWARD;
	return TP_OK;
}

static enum tp_status
opt_forward(void *ctx, const char *value, struct tp_error *err)
{
	((struct schedule_opts *)ctx)->mode = TP_SCHEDULE_FORWARD;
	return TP_OK;
}

static enum tp_status
opt_explain(void *ctx, const char *value, struct tp_error *err)
{
	((struct schedule_opts *)ctx)->explain = value;
	return TP_OK;
}

static enum tp_status
opt_today(void *ctx, const char *value, struct tp_error *err)
{
	return cli_today_parse(value, &((struct schedule_opts *)ctx)->today,
			       err);
}

static const struct cli_option schedule_options[] = {
	{"--today", true, opt_today},
	{"--backward", false, opt_backward},
	{"--forward", false, opt_forward},
	{"--explain", true, opt_explain},
	{NULL, false, NULL},
};

/* ---- the table ------------------------------------------------------ */


static void
stage_dates(const struct tp_schedule *s, size_t i, enum tp_pass pass,
	    struct tp_date *start, struct tp_date *finish)
{
	*start = pass == TP_PASS_LATE ? tp_schedule_late_start(s, i)
				      : tp_schedule_early_start(s, i);
	*finish = pass == TP_PASS_LATE ? tp_schedule_late_finish(s, i)
				       : tp_schedule_early_finish(s, i);
}

/* What every row of the table shows besides the dates, worked out once:
 * asking each row would look through the whole plan each time. */
struct columns {
	bool progress;			 /* some stage has actual dates */
	const struct tp_snapshot *base; /* the latest baseline, or NULL */
};

static void
print_header(const struct tp_plan_doc *doc, const struct tp_schedule *s,
	     const struct columns *col)
{
	const struct tp_snapshot *base = col->base;
	const struct tp_plan *p = tp_plan_doc_plan_const(doc);
	const struct tp_rules_config *r = tp_plan_doc_rules(doc);
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN];

	printf("plan: %s\n",
	       tp_plan_name(p) ? tp_plan_name(p)
			       : (tp_plan_id(p) ? tp_plan_id(p) : "(unnamed)"));
	printf("regime: %s, procedure: %s\n", tp_regime_name(r->regime),
	       tp_procedure_name(r->procedure));
	printf("calendar: %s\n", tp_region_name(tp_plan_doc_region(doc)));
	printf("planned dates, from %s to %s\n",
	       tp_date_format(tp_schedule_plan_start(s), a),
	       tp_date_format(tp_schedule_plan_finish(s), b));
	if (base) {
		char taken[32];
		time_t t = (time_t)tp_snapshot_taken(base);
		struct tm tm;
		if (gmtime_r(&t, &tm))
			strftime(taken, sizeof(taken), "%Y-%m-%d", &tm);
		else
			snprintf(taken, sizeof(taken), "?");
		printf("baseline: the approved dates recorded on %s; slip is "
		       "in working days (+ later)\n",
		       taken);
	}
	printf("\n  %-24s %-22s %-10s  %-10s  %4s %6s%s%s\n", "stage", "kind",
	       "start", "finish", "days", "float",
	       col->progress ? "  progress" : "", base ? "   slip" : "");
}

static int
print_row(const struct tp_schedule *s, const struct tp_plan *p, size_t i,
	  enum tp_pass pass, const struct columns *col)
{
	struct tp_date start, finish;
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN];
	int32_t days = 0;
	struct tp_error err;

	if (tp_schedule_working_days(s, i, pass, &days, &err) != TP_OK)
		return cli_lib_error(&err);
	stage_dates(s, i, pass, &start, &finish);
	printf("%c %-24s %-22s %s  %s  %4d %6d",
	       tp_schedule_is_critical(s, i) ? '*' : ' ',
	       tp_plan_stage_id(p, i),
	       tp_stage_kind_name(tp_plan_stage_kind(p, i)),
	       tp_date_format(start, a), tp_date_format(finish, b), (int)days,
	       (int)tp_schedule_total_float(s, i));
	if (col->progress)
		printf("  %-8s", tp_plan_stage_actual_finish(p, i, NULL) ? "done"
				 : tp_plan_stage_actual_start(p, i, NULL)
					 ? "started"
					 : "");
	if (col->base) {
		int32_t slip = 0;
		if (tp_snapshot_slippage(col->base, s, i, &slip))
			printf(slip > 0 ? " %+6d" : " %6d", (int)slip);
		else
			printf(" %6s", "new");
	}
	putchar('\n');
	return CLI_EXIT_OK;
}

/* The stage the timetable leads to: the first contract start, else the
 * stage that finishes last. */
size_t
cli_end_stage(const struct tp_schedule *s, const struct tp_plan *p)
{
	size_t end = 0;
	tp_plan_foreach_stage (p, i) {
		if (tp_plan_stage_kind(p, i) == TP_STAGE_CONTRACT_START)
			return i;
		if (tp_schedule_early_finish(s, i).day >
		    tp_schedule_early_finish(s, end).day)
			end = i;
	}
	return end;
}

/* The first advert, else the stage that starts first. */
size_t
cli_advert_stage(const struct tp_schedule *s, const struct tp_plan *p)
{
	size_t first = 0;
	tp_plan_foreach_stage (p, i) {
		if (tp_plan_stage_kind(p, i) == TP_STAGE_ADVERT)
			return i;
		if (tp_schedule_late_start(s, i).day <
		    tp_schedule_late_start(s, first).day)
			first = i;
	}
	return first;
}

/* "the fixed date of 'cabinet' (start-on 2027-01-14)" */
void
cli_describe_fixed(const struct tp_plan *p, const struct tp_reason *r, char *buf,
	       size_t size)
{
	struct tp_constraint k;
	char d[TP_DATE_STRLEN];

	if (!tp_plan_constraint(p, r->index, &k)) {
		snprintf(buf, size, "a constraint");
		return;
	}
	snprintf(buf, size, "the fixed date of '%s' (%s %s)",
		 tp_plan_stage_id(p, k.stage),
		 tp_constraint_type_name(k.type), tp_date_format(k.date, d));
}

/* With a contract start: the latest day to advertise, and what sets it. */
static void
print_latest_advert(const struct tp_schedule *s, const struct tp_plan *p)
{
	struct tp_reason r;
	struct tp_date cs;
	size_t at, advert = cli_advert_stage(s, p), end = cli_end_stage(s, p);
	char d[TP_DATE_STRLEN], c[TP_DATE_STRLEN], fixed[160];

	tp_plan_contract_start(p, &cs);
	if (tp_plan_stage_actual_finish(p, advert, &cs)) {
		/* it has happened: nothing is latest any more */
		printf("\nadvertised on %s (recorded); the contract can start "
		       "on %s\n",
		       tp_date_format(cs, d),
		       tp_date_format(tp_schedule_early_start(s, end), c));
		return;
	}
	printf("\nlatest day to advertise: %s",
	       tp_date_format(tp_schedule_late_start(s, advert), d));
	if (!tp_schedule_trace(s, advert, TP_PASS_LATE, &at, &r) ||
	    r.kind != TP_REASON_CONSTRAINT) {
		printf(" (to start the contract on %s)\n",
		       tp_date_format(tp_schedule_early_start(s, end), c));
		return;
	}
	cli_describe_fixed(p, &r, fixed, sizeof(fixed));
	if (tp_schedule_total_float(s, end) >= 0)
		printf("\n  set by %s, not by the contract start: the contract "
		       "start has %d working days of float\n",
		       fixed, (int)tp_schedule_total_float(s, end));
	else
		printf("\n  set by %s, not by the contract start, which "
		       "cannot be met anyway (%d working days late)\n",
		       fixed, (int)-tp_schedule_total_float(s, end));
}

/* With a start date: the earliest contract start, and what drives it. */
static void
print_earliest_end(const struct tp_schedule *s, const struct tp_plan *p)
{
	struct tp_reason r;
	size_t at, end = cli_end_stage(s, p);
	char d[TP_DATE_STRLEN], fixed[160];

	if (tp_schedule_has_contract_start(s))
		return; /* it starts on its date; float shows the slack */
	printf("\nearliest %s: %s",
	       tp_plan_stage_kind(p, end) == TP_STAGE_CONTRACT_START
		       ? "contract start"
		       : "finish",
	       tp_date_format(tp_schedule_early_start(s, end), d));
	if (tp_schedule_trace(s, end, TP_PASS_EARLY, &at, &r) &&
	    r.kind == TP_REASON_CONSTRAINT) {
		cli_describe_fixed(p, &r, fixed, sizeof(fixed));
		printf("\n  driven by %s, not by the start date: starting "
		       "earlier does not bring it forward\n",
		       fixed);
	} else {
		printf("\n");
	}
}

static void
print_summary(const struct tp_schedule *s, const struct tp_plan *p)
{
	if (tp_plan_stage_count(p) == 0)
		return;
	if (tp_schedule_has_start_date(s))
		print_earliest_end(s, p);
	if (tp_schedule_has_contract_start(s))
		print_latest_advert(s, p);
	for (size_t i = 0; i < tp_schedule_diagnostic_count(s); i++)
		printf("warning: %s\n", tp_schedule_diagnostic(s, i)->message);
}

/* The rules checker's verdict in one line, so that nobody exports an
 * unchecked plan without seeing it. */
static int
print_rules(const struct tp_plan_doc *doc, const struct tp_schedule *s,
	    const char *file, const struct cli_today *today)
{
	struct tp_findings *f = NULL;
	struct tp_error err;

	if (cli_check(doc, s, today, &f, &err) != TP_OK)
		return cli_lib_error(&err);
	/* What is already late matters before anything else. */
	for (size_t i = 0; i < tp_findings_count(f); i++) {
		const struct tp_finding *x = tp_findings_get(f, i);
		if (!strcmp(x->rule_id, "today.latest-start-past"))
			printf("warning: %s%s%s\n", x->message,
			       x->fix[0] ? " - " : "", x->fix);
	}
	printf("rules: ");
	cli_print_findings_summary(f);
	if (tp_findings_count(f))
		printf(" (tenderplan check %s)", file);
	putchar('\n');
	tp_findings_free(f);
	return CLI_EXIT_OK;
}

static int
print_table(const struct tp_plan_doc *doc, const struct tp_schedule *s,
	    enum tp_pass pass, const char *file, const struct cli_today *today)
{
	const struct tp_plan *p = tp_plan_doc_plan_const(doc);
	const struct columns col = {
		tp_plan_has_actuals(p),
		tp_plan_doc_latest_snapshot(doc, TP_SNAPSHOT_BASELINE)};
	int rc = CLI_EXIT_OK;

	print_header(doc, s, &col);
	tp_plan_foreach_stage (p, i) {
		if ((rc = print_row(s, p, i, pass, &col)))
			return rc;
	}
	print_summary(s, p);
	return print_rules(doc, s, file, today);
}

/* ---- --explain ------------------------------------------------------ */

static int
print_skipped(struct tp_date day, const struct tp_day_info *info, void *user)
{
	char d[TP_DATE_STRLEN], why[512];
	int *count = user;

	if ((*count)++ == 0)
		printf("  non-working days skipped:\n");
	printf("    %s %s\n", tp_date_format(day, d),
	       cli_describe_day(day, info, why, sizeof(why)));
	return 0;
}

/* Why a meeting was ruled out, or NULL if it was not in the way. */
static const char *
ruled_out(const struct tp_plan *p, size_t i, struct tp_date d,
	  struct tp_date bound, bool early)
{
	bool working = true;
	if (early ? d.day < bound.day : d.day > bound.day)
		return early ? "before the earliest day the stage can start"
			     : "after the latest day the stage can start";
	if (tp_calendar_is_working_day(tp_plan_stage_calendar(p, i), d,
				       &working, NULL) == TP_OK &&
	    !working)
		return "not a working day";
	return NULL;
}

/* The meetings from index @p lo to @p hi excluded, ruled out for the one
 * chosen, and the cancelled ones from @p from to @p to, in date order. */
static void
print_ruled_out(const struct tp_plan *p, size_t i, const struct tp_date *d,
		size_t lo, size_t hi, const struct tp_meeting_spec *m,
		int32_t from, int32_t to, struct tp_date bound, bool early)
{
	char a[TP_DATE_STRLEN];
	size_t e = 0;
	bool any = false;

	while (e < m->n_except && m->except[e].day < from)
		e++;
	for (size_t j = lo; j < hi || (e < m->n_except &&
				       m->except[e].day <= to);) {
		bool cancelled = e < m->n_except && m->except[e].day <= to &&
				 (j >= hi || m->except[e].day < d[j].day);
		struct tp_date x = cancelled ? m->except[e++] : d[j++];
		const char *why =
			cancelled ? "cancelled (an exception of the series)"
				  : ruled_out(p, i, x, bound, early);
		if (!why)
			continue;
		if (!any)
			printf("  meetings ruled out:\n");
		any = true;
		printf("    %s %s\n", tp_date_format(x, a), why);
	}
}

/* For a stage tied to a meeting series: the meeting chosen, the bound it
 * was chosen against, and the meetings ruled out: every one between the
 * bound and the chosen meeting (not working days) and the two beyond the
 * bound (too early forward, too late backward), with the cancelled ones
 * among them. */
static void
explain_meeting(const struct tp_schedule *s, size_t i, enum tp_pass pass,
		struct tp_date chosen)
{
	const struct tp_plan *p = tp_schedule_plan(s);
	size_t k = tp_plan_stage_meeting(p, i), n = 0, lo, hi, c = 0;
	struct tp_meeting_spec m;
	struct tp_date bound;
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN];
	bool early = pass != TP_PASS_LATE;

	if (!tp_plan_meeting_series(p, k, &m) ||
	    !tp_schedule_meeting_bound(s, i, pass, &bound))
		return;
	/* the meetings up to three years past the later of the two: enough
	 * for the two after the bound, and the rule is read no further */
	struct tp_date last = TP_DATE(TP_YEAR_MAX, 12, 31), to = bound;
	if (chosen.day > to.day)
		to = chosen;
	to.day = to.day < last.day - 3 * 366 ? to.day + 3 * 366 : last.day;
	const struct tp_date *d = tp_plan_meeting_dates_between(
		p, k, TP_DATE(TP_YEAR_MIN, 1, 1), to, &n);
	printf("  meeting chosen: %s of %s%s%s%s, the %s meeting on or %s "
	       "%s that the stage can start on\n",
	       tp_date_format(chosen, a), m.id, m.name ? " (" : "",
	       m.name ? m.name : "", m.name ? ")" : "",
	       early ? "first" : "last", early ? "after" : "before",
	       tp_date_format(bound, b));
	while (c < n && d[c].day != chosen.day)
		c++;
	if (c == n)
		return;
	if (early) {
		/* the two meetings before the bound, then up to the chosen */
		size_t beyond = 0;
		lo = c;
		while (lo > 0 && (d[lo - 1].day >= bound.day || beyond++ < 2))
			lo--;
		hi = c;
	} else {
		size_t beyond = 0;
		lo = c + 1;
		hi = c + 1;
		while (hi < n && (d[hi].day <= bound.day || beyond++ < 2))
			hi++;
	}
	if (early)
		print_ruled_out(p, i, d, lo, hi, &m,
				lo < hi ? d[lo].day : bound.day, chosen.day,
				bound, early);
	else
		print_ruled_out(p, i, d, lo, hi, &m, chosen.day,
				lo < hi ? d[hi - 1].day : bound.day, bound,
				early);
}

static int
explain_pass(const struct tp_schedule *s, size_t i, enum tp_pass pass)
{
	struct tp_reason r;
	struct tp_date start, finish;
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN], why[512];
	struct tp_error err;
	int count = 0;
	bool ok = pass == TP_PASS_EARLY ? tp_schedule_early_reason(s, i, &r)
					: tp_schedule_late_reason(s, i, &r);

	if (!ok)
		return CLI_EXIT_OK;
	stage_dates(s, i, pass, &start, &finish);
	printf("%s: %s to %s\n", pass == TP_PASS_EARLY ? "earliest" : "latest",
	       tp_date_format(start, a), tp_date_format(finish, b));
	printf("  %s\n", tp_schedule_describe(s, i, pass, why, sizeof(why)));
	if (tp_schedule_foreach_skipped(s, i, pass, print_skipped, &count, NULL,
					&err) != TP_OK)
		return cli_lib_error(&err);
	if (!count)
		printf("  no non-working days skipped\n");
	explain_meeting(s, i, pass, start);
	return CLI_EXIT_OK;
}

static int
explain(const struct tp_schedule *s, const char *id, const char *file)
{
	const struct tp_plan *p = tp_schedule_plan(s);
	size_t i;
	int rc;

	if (!tp_plan_find_stage(p, id, &i)) {
		const char *near = tp_plan_suggest_stage(p, id);
		fprintf(stderr, "tenderplan: %s: no stage '%s'%s%s%s\n", file,
			id, near ? " (did you mean '" : "", near ? near : "",
			near ? "'?)" : "");
		return CLI_EXIT_USAGE;
	}
	printf("%s (%s): %s\n", id,
	       tp_stage_kind_name(tp_plan_stage_kind(p, i)),
	       tp_plan_stage_name(p, i) ? tp_plan_stage_name(p, i) : "");
	if ((rc = explain_pass(s, i, TP_PASS_EARLY)))
		return rc;
	if ((rc = explain_pass(s, i, TP_PASS_LATE)))
		return rc;
	printf("total float: %d working days%s\n",
	       (int)tp_schedule_total_float(s, i),
	       tp_schedule_is_critical(s, i) ? " (critical)" : "");
	return CLI_EXIT_OK;
}

/* ---- the command ---------------------------------------------------- */

static int
run_schedule(const char *file, const struct schedule_opts *o)
{
	struct tp_plan_doc *doc = NULL;
	struct tp_schedule *s = NULL;
	int rc = cli_load_schedule_today(file, o->mode, &o->today, &doc, &s);

	if (rc != CLI_EXIT_OK)
		return rc;
	if (o->explain)
		rc = explain(s, o->explain, file);
	else
		rc = print_table(doc, s, TP_PASS_EARLY, file, &o->today);
	tp_schedule_free(s);
	tp_plan_doc_free(doc);
	return rc ? rc : cli_finish_stdout(CLI_EXIT_OK);
}

/* Several plans: each table under a "file: PATH" line, a blank line
 * between them. */
static int
run_schedule_many(const char *const *files, size_t n,
		  const struct schedule_opts *o)
{
	struct cli_plans p = {0};
	int rc = cli_load_plans(files, n, o->mode, &o->today, &p);

	for (size_t i = 0; rc == CLI_EXIT_OK && i < p.n; i++) {
		const char *file = tp_plan_set_path(p.set, i);
		printf("%sfile: %s\n", i ? "\n" : "", file);
		rc = print_table(tp_plan_set_doc(p.set, i), p.scheds[i],
				 TP_PASS_EARLY, file, &o->today);
	}
	cli_plans_free(&p);
	return rc ? rc : cli_finish_stdout(CLI_EXIT_OK);
}

int
cli_cmd_schedule(int argc, char **argv)
{
	struct schedule_opts o = {TP_SCHEDULE_AUTO, NULL, {false, {0}}};
	struct cli_args args;
	int rc = cli_parse("schedule", argc, argv, schedule_options, &o, &args);

	if (rc)
		return rc;
	if (args.help) {
		fputs(schedule_usage, stdout);
		rc = cli_finish_stdout(CLI_EXIT_OK);
	} else if (args.n_pos == 0) {
		rc = cli_usage_error("schedule", "give one plan file or more, "
						 "or a directory");
	} else if (cli_single_file(args.pos, args.n_pos)) {
		rc = run_schedule(args.pos[0], &o);
	} else if (o.explain) {
		rc = cli_usage_error("schedule", "--explain takes one plan "
						 "file");
	} else {
		rc = run_schedule_many(args.pos, args.n_pos, &o);
	}
	cli_args_free(&args);
	return rc;
}
