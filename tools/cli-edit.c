/* SPDX-License-Identifier: MIT */
/* What the editing commands share: running one change on a plan file,
 * checking it, saying what it changed and what that does to the dates
 * that matter (the latest day to advertise, the earliest contract start),
 * and writing the file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-edit.h"
#include "cli-output.h"
#include "cli-plan.h"

/* ---- option values ---------------------------------------------------- */

enum tp_status
cli_date_value(const char *opt, const char *value, struct tp_date *out,
	       struct tp_error *err)
{
	return cli_blame_option(tp_date_parse(value, -1, out, err), err, opt);
}

enum tp_status
cli_range_value(const char *opt, const char *value, struct tp_date *first,
		struct tp_date *last, struct tp_error *err)
{
	const char *dots = strstr(value, "..");

	if (!dots)
		return cli_date_value(opt, value, first, err) == TP_OK
			       ? (*last = *first, TP_OK)
			       : err->code;
	if (tp_date_parse(value, dots - value, first, err) != TP_OK ||
	    tp_date_parse(dots + 2, -1, last, err) != TP_OK)
		return cli_blame_option(err->code, err, opt);
	if (last->day < first->day)
		return cli_error_at(err, TP_ERR_INVALID, opt, 0,
				    "'%s' ends before it starts", value);
	return TP_OK;
}

int
cli_edit_error(const char *cmd, const struct tp_error *err)
{
	char buf[1024];

	fprintf(stderr, "tenderplan %s: %s\n", cmd,
		tp_error_format(err, buf, sizeof(buf)));
	return err->code == TP_ERR_NOMEM ? CLI_EXIT_FAIL : CLI_EXIT_USAGE;
}

/* ---- the effect of a change ------------------------------------------- */

/* The dates `tenderplan schedule` leads with, for one version of the
 * plan. */
struct effect {
	bool ok;
	char error[600];
	bool has_cs, has_start, end_is_cs;
	struct tp_date advert; /* latest day to advertise (has_cs) */
	struct tp_date end;    /* earliest contract start (has_start only) */
	int32_t end_float;     /* of the contract start (both anchors) */
	char driver[200];      /* a fixed date that sets the above, or "" */
	char **warnings;
	size_t n_warnings;
};

static void
effect_free(struct effect *m)
{
	for (size_t i = 0; i < m->n_warnings; i++)
		free(m->warnings[i]);
	free(m->warnings);
}

/* "set by the fixed date of 'cabinet' (start-on 2027-01-14)" when a
 * constraint, not an anchor, gives stage @i its date in @pass. */
static void
find_driver(const struct tp_schedule *s, const struct tp_plan *p, size_t i,
	    enum tp_pass pass, struct effect *m)
{
	struct tp_reason r;
	size_t at;
	char fixed[160];

	if (!tp_schedule_trace(s, i, pass, &at, &r) ||
	    r.kind != TP_REASON_CONSTRAINT)
		return;
	cli_describe_fixed(p, &r, fixed, sizeof(fixed));
	snprintf(m->driver, sizeof(m->driver), "%s by %s",
		 pass == TP_PASS_LATE ? "set" : "driven", fixed);
}

static void
keep_warnings(const struct tp_schedule *s, struct effect *m)
{
	size_t n = tp_schedule_diagnostic_count(s);

	m->warnings = calloc(n + 1, sizeof(*m->warnings));
	for (size_t i = 0; m->warnings && i < n; i++) {
		const struct tp_diagnostic *d = tp_schedule_diagnostic(s, i);
		if (d && (m->warnings[m->n_warnings] = strdup(d->message)))
			m->n_warnings++;
	}
}

static void
measure(struct tp_plan_doc *doc, struct effect *m)
{
	const struct tp_plan *p = tp_plan_doc_plan_const(doc);
	struct tp_schedule_options opt;
	struct tp_schedule *s = NULL;
	struct tp_error err;

	memset(m, 0, sizeof(*m));
	tp_schedule_options_init(&opt);
	if (tp_plan_doc_schedule(doc, &opt, &s, &err) != TP_OK) {
		tp_error_format(&err, m->error, sizeof(m->error));
		return;
	}
	m->ok = true;
	if (tp_plan_stage_count(p) > 0) {
		size_t adv = cli_advert_stage(s, p), end = cli_end_stage(s, p);
		m->has_cs = tp_schedule_has_contract_start(s);
		m->has_start = tp_schedule_has_start_date(s);
		m->end_is_cs =
			tp_plan_stage_kind(p, end) == TP_STAGE_CONTRACT_START;
		m->advert = tp_schedule_late_start(s, adv);
		m->end = tp_schedule_early_start(s, end);
		m->end_float = tp_schedule_total_float(s, end);
		if (m->has_cs)
			find_driver(s, p, adv, TP_PASS_LATE, m);
		else if (m->has_start)
			find_driver(s, p, end, TP_PASS_EARLY, m);
	}
	keep_warnings(s, m);
	tp_schedule_free(s);
}

/* "2026-10-05 -> 2026-09-28 (5 working days earlier)" */
static void
print_move(const char *label, bool had, struct tp_date a, bool has,
	   struct tp_date b, const struct tp_calendar *cal)
{
	char x[TP_DATE_STRLEN], y[TP_DATE_STRLEN];
	int32_t n = 0;
	bool counted;

	if (!had && !has)
		return;
	if (!had) {
		printf("%s: %s (none before)\n", label, tp_date_format(b, y));
		return;
	}
	if (!has) {
		printf("%s: none now (was %s)\n", label, tp_date_format(a, x));
		return;
	}
	if (tp_date_equal(a, b)) {
		printf("%s: %s (unchanged)\n", label, tp_date_format(a, x));
		return;
	}
	counted = cal && tp_calendar_working_days_between(
				 cal, a.day < b.day ? a : b,
				 a.day < b.day ? b : a, &n, NULL) == TP_OK;
	printf("%s: %s -> %s", label, tp_date_format(a, x),
	       tp_date_format(b, y));
	if (counted)
		printf(" (%d working day%s %s)", (int)n, n == 1 ? "" : "s",
		       b.day < a.day ? "earlier" : "later");
	putchar('\n');
}

static bool
had_warning(const struct effect *m, const char *w)
{
	for (size_t i = 0; i < m->n_warnings; i++)
		if (!strcmp(m->warnings[i], w))
			return true;
	return false;
}

static void
print_effect(const struct effect *b, const struct effect *a,
	     const struct tp_plan_doc *doc)
{
	const struct tp_calendar *cal =
		tp_plan_calendar(tp_plan_doc_plan_const(doc));
	const char *end = a->end_is_cs || (!a->ok && b->end_is_cs)
				  ? "earliest contract start"
				  : "earliest finish";

	if (!a->ok)
		return;
	print_move("latest day to advertise", b->ok && b->has_cs, b->advert,
		   a->has_cs, a->advert, cal);
	print_move(end, b->ok && b->has_start && !b->has_cs, b->end,
		   a->has_start && !a->has_cs, a->end, cal);
	if (a->has_cs && a->has_start &&
	    (!b->ok || !b->has_cs || !b->has_start ||
	     b->end_float != a->end_float))
		printf("float of the contract start: %d working days\n",
		       (int)a->end_float);
	if (a->driver[0])
		printf("  %s\n", a->driver);
	for (size_t i = 0; i < a->n_warnings; i++)
		if (!had_warning(b, a->warnings[i]))
			printf("warning: %s\n", a->warnings[i]);
}

/* ---- running a change --------------------------------------------------- */

static int
refuse(const char *cmd, const char *file, const char *why)
{
	fprintf(stderr,
		"tenderplan %s: refused, %s is left as it was: the plan "
		"would not be valid after this change: %s\n",
		cmd, file, why);
	return CLI_EXIT_USAGE;
}

/* The edit made: check it, say what it does, write it. */
static int
conclude(const char *cmd, const char *file, bool dry_run,
	 struct tp_plan_edit *e, struct effect *before)
{
	struct tp_error err;
	struct tp_write_options wo;
	struct effect after;
	char buf[1024];
	int rc = CLI_EXIT_OK;

	if (tp_plan_edit_finish(e, &err) != TP_OK) {
		if (err.code == TP_ERR_NOMEM)
			return cli_lib_error(&err);
		/* the line is one of the edited text, not of the file */
		err.source[0] = '\0';
		err.line = err.column = 0;
		return refuse(cmd, file,
			      tp_error_format(&err, buf, sizeof(buf)));
	}
	measure(tp_plan_edit_result_doc(e), &after);
	if (before->ok && !after.ok) {
		rc = refuse(cmd, file, after.error);
		goto out;
	}
	for (size_t i = 0; i < tp_plan_edit_change_count(e); i++)
		printf("%s\n", tp_plan_edit_change(e, i));
	print_effect(before, &after, tp_plan_edit_result_doc(e));
	if (!after.ok)
		printf("the plan cannot be scheduled yet: %s\n", after.error);
	if (!tp_plan_edit_layout_kept(e))
		printf("note: some lines around the change are now laid out "
		       "as tenderplan writes them (a tag on one line, double "
		       "quotes)\n");
	if (dry_run) {
		printf("dry run: %s not written\n", file);
	} else if (cli_signals_install(), cli_write_options(&wo, false),
		   tp_plan_edit_write_file(e, file, &wo, &err) != TP_OK) {
		rc = cli_lib_error(&err);
		rc = err.code == TP_ERR_IO ? CLI_EXIT_FAIL : rc;
	} else {
		printf("wrote %s\n", file);
	}
out:
	effect_free(&after);
	return rc;
}

int
cli_edit_run(const char *cmd, const char *file, bool dry_run, cli_edit_fn fn,
	     void *ctx)
{
	struct tp_plan_edit *e = NULL;
	struct tp_error err;
	struct effect before;
	int rc;

	if (tp_plan_edit_open(file, &e, &err) != TP_OK)
		return cli_lib_error(&err);
	measure(tp_plan_edit_original(e), &before);
	rc = fn(e, ctx);
	if (rc == CLI_EXIT_OK && tp_plan_edit_change_count(e) == 0)
		printf("%s: nothing to change: the plan says so already\n",
		       file);
	else if (rc == CLI_EXIT_OK)
		rc = conclude(cmd, file, dry_run, e, &before);
	effect_free(&before);
	tp_plan_edit_free(e);
	return rc ? rc : cli_finish_stdout(CLI_EXIT_OK);
}
