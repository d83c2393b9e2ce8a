/* SPDX-License-Identifier: MIT */
/* `tenderplan set` (a stage's fields, or the plan's id and name) and
 * `tenderplan add-stage`, which share the stage options. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-edit.h"

#define STAGE_FIELDS_HELP                                                      \
	"  --duration D        how long: 4w (weeks), 20wd (working days), 30d\n" \
	"                      (calendar days), 3m (months); 0 for a milestone\n" \
	"  --name TEXT         the stage's name\n"                               \
	"  --notes TEXT        notes on the stage\n"                             \
	"  --kind K            what the stage is (the kinds below), which\n"   \
	"                      decides the rules it is checked against\n"      \
	"  --fixed DATE[Thh:mm]  the stage starts on DATE (a Cabinet meeting,\n" \
	"                      say), at hh:mm if given\n"                        \
	"  --time HH:MM        the stage's time of day (tenders due 12:00)\n"   \
	"  --not-before DATE   the stage starts on DATE or later\n"             \
	"  --not-after DATE    the stage finishes on DATE or earlier\n"         \
	"  --meeting ID        the stage starts on a meeting of series ID\n"   \
	"                      (the plan's <meetings>: a Cabinet calendar)\n"

#define KINDS_HELP                                                             \
	"Stage kinds: custom, specification, approval-to-advertise, advert,\n" \
	"pqq-period, pqq-deadline, pqq-evaluation, itt-issue,\n"              \
	"clarification-deadline, tender-period, tender-deadline, opening,\n"  \
	"evaluation, moderation, interviews, governance-approval,\n"          \
	"intention-to-award, standstill, award, contract-signature,\n"        \
	"tupe-deadline, mobilisation, contract-start, prior-notice,\n"       \
	"transparency-notice, award-notice, further-decision,\n"             \
	"provider-identification, clarification-response.\n"

static const char set_usage[] =
	"Usage: tenderplan set PLAN.xml STAGE [--duration D] [--name TEXT]\n"
	"                      [--notes TEXT] [--kind K] [--fixed DATE[Thh:mm]]\n"
	"                      [--time HH:MM] [--not-before DATE]\n"
	"                      [--not-after DATE] [--meeting ID] [--clear FIELD]\n"
	"                      [--dry-run]\n"
	"       tenderplan set PLAN.xml [--id ID] [--name TEXT] [--clear name]\n"
	"                      [--dry-run]\n"
	"\n"
	"Change a stage of the plan file, or without STAGE the plan's own id\n"
	"and name.\n" CLI_EDIT_ABOUT_HELP
	"\n"
	"Stage options:\n" STAGE_FIELDS_HELP
	"  --clear FIELD       remove the stage's name, notes, time, fixed,\n"
	"                      not-before, not-after or meeting (repeatable)\n"
	"\n"
	"Plan options (without STAGE):\n"
	"  --id ID             the plan's id, 1 to 255 letters, digits, '-',\n"
	"                      '_' or '.' (calendar events exported before keep\n"
	"                      the old one)\n"
	"  --name TEXT         the plan's name; --clear name removes it\n"
	"\n"
	"Options:\n" CLI_EDIT_OPTIONS_HELP "\n" KINDS_HELP
	"\n" CLI_EDIT_EXIT_HELP;

static const char add_usage[] =
	"Usage: tenderplan add-stage PLAN.xml ID [--after STAGE] [--before STAGE]\n"
	"                            [--kind K] [--duration D] [--name TEXT]\n"
	"                            [--notes TEXT] [--fixed DATE[Thh:mm]]\n"
	"                            [--time HH:MM] [--not-before DATE]\n"
	"                            [--not-after DATE] [--meeting ID]\n"
	"                            [--dry-run]\n"
	"\n"
	"Add stage ID to the plan file: a milestone of kind custom unless the\n"
	"options say otherwise. It is written after the last stage it follows\n"
	"(--after), else before the first that follows it (--before), else at\n"
	"the end.\n" CLI_EDIT_ABOUT_HELP
	"\n"
	"Options:\n"
	"  --after STAGE       the new stage follows STAGE, finish to start\n"
	"                      (repeatable; 'tenderplan link' sets a type or lag)\n"
	"  --before STAGE      STAGE follows the new stage (repeatable)\n"
	STAGE_FIELDS_HELP CLI_EDIT_OPTIONS_HELP "\n" KINDS_HELP
	"\n" CLI_EDIT_EXIT_HELP;

/* ---- the stage options ------------------------------------------------ */

enum clear_bit {
	CLEAR_NAME = 1 << 0,
	CLEAR_NOTES = 1 << 1,
	CLEAR_TIME = 1 << 2,
	CLEAR_FIXED = 1 << 3,
	CLEAR_NOT_BEFORE = 1 << 4,
	CLEAR_NOT_AFTER = 1 << 5,
	CLEAR_MEETING = 1 << 6,
};

static const char *const clear_names[] = {"name",       "notes",
					  "time",       "fixed",
					  "not-before", "not-after",
					  "meeting"};

struct set_opts {
	bool dry_run;
	bool has_duration, unit_given, has_kind, has_fixed, has_time;
	bool has_not_before, has_not_after;
	int32_t amount;
	enum tp_unit unit;
	enum tp_stage_kind kind;
	const char *name, *notes, *plan_id, *meeting;
	struct tp_date fixed, not_before, not_after;
	int fixed_time, time;
	unsigned clear;
	/* add-stage */
	const char **after, **before;
	size_t n_after, n_before;
	/* the arguments */
	const char *stage;
};

static enum tp_status
opt_dry_run(void *ctx, const char *value, struct tp_error *err)
{
	((struct set_opts *)ctx)->dry_run = true;
	return TP_OK;
}

static enum tp_status
opt_duration(void *ctx, const char *value, struct tp_error *err)
{
	struct set_opts *o = ctx;

	o->has_duration = true;
	return cli_blame_option(tp_duration_parse(value, &o->amount, &o->unit,
						  &o->unit_given, err),
				err, "--duration");
}

static enum tp_status
opt_name(void *ctx, const char *value, struct tp_error *err)
{
	((struct set_opts *)ctx)->name = value;
	return TP_OK;
}

static enum tp_status
opt_notes(void *ctx, const char *value, struct tp_error *err)
{
	((struct set_opts *)ctx)->notes = value;
	return TP_OK;
}

static enum tp_status
opt_kind(void *ctx, const char *value, struct tp_error *err)
{
	struct set_opts *o = ctx;

	o->has_kind = true;
	if (tp_stage_kind_from_name(value, &o->kind, NULL) == TP_OK)
		return TP_OK;
	return cli_error_at(err, TP_ERR_INVALID, "--kind", 0,
			    "'%s' is not a stage kind: the kinds are listed "
			    "at the end of 'tenderplan set --help'",
			    value);
}

/* DATE, or DATEThh:mm (also "DATE hh:mm"). */
static enum tp_status
opt_fixed(void *ctx, const char *value, struct tp_error *err)
{
	struct set_opts *o = ctx;
	size_t n = strlen(value);

	o->has_fixed = true;
	o->fixed_time = -1;
	if (n > 10 && (value[10] == 'T' || value[10] == ' ')) {
		if (tp_time_parse(value + 11, &o->fixed_time, err) != TP_OK)
			return cli_blame_option(err->code, err, "--fixed");
		n = 10;
	}
	return cli_blame_option(tp_date_parse(value, (long)n, &o->fixed, err),
				err, "--fixed");
}

static enum tp_status
opt_time(void *ctx, const char *value, struct tp_error *err)
{
	struct set_opts *o = ctx;

	o->has_time = true;
	return cli_blame_option(tp_time_parse(value, &o->time, err), err,
				"--time");
}

static enum tp_status
opt_not_before(void *ctx, const char *value, struct tp_error *err)
{
	struct set_opts *o = ctx;

	o->has_not_before = true;
	return cli_date_value("--not-before", value, &o->not_before, err);
}

static enum tp_status
opt_not_after(void *ctx, const char *value, struct tp_error *err)
{
	struct set_opts *o = ctx;

	o->has_not_after = true;
	return cli_date_value("--not-after", value, &o->not_after, err);
}

static enum tp_status
opt_clear(void *ctx, const char *value, struct tp_error *err)
{
	struct set_opts *o = ctx;

	for (size_t i = 0; i < sizeof(clear_names) / sizeof(*clear_names); i++)
		if (!strcmp(value, clear_names[i])) {
			o->clear |= 1u << i;
			return TP_OK;
		}
	return cli_error_at(err, TP_ERR_INVALID, "--clear", 0,
			    "'%s' is not a field to clear (valid: name, notes, "
			    "time, fixed, not-before, not-after, meeting)",
			    value);
}

static enum tp_status
opt_meeting(void *ctx, const char *value, struct tp_error *err)
{
	((struct set_opts *)ctx)->meeting = value;
	return TP_OK;
}

static enum tp_status
opt_id(void *ctx, const char *value, struct tp_error *err)
{
	((struct set_opts *)ctx)->plan_id = value;
	return TP_OK;
}

static enum tp_status
opt_after(void *ctx, const char *value, struct tp_error *err)
{
	struct set_opts *o = ctx;

	o->after[o->n_after++] = value;
	return TP_OK;
}

static enum tp_status
opt_before(void *ctx, const char *value, struct tp_error *err)
{
	struct set_opts *o = ctx;

	o->before[o->n_before++] = value;
	return TP_OK;
}

static const struct cli_option set_options[] = {
	{"--duration", true, opt_duration},
	{"--name", true, opt_name},
	{"--notes", true, opt_notes},
	{"--kind", true, opt_kind},
	{"--fixed", true, opt_fixed},
	{"--time", true, opt_time},
	{"--not-before", true, opt_not_before},
	{"--not-after", true, opt_not_after},
	{"--meeting", true, opt_meeting},
	{"--clear", true, opt_clear},
	{"--id", true, opt_id},
	{"--dry-run", false, opt_dry_run},
	{NULL, false, NULL},
};

static const struct cli_option add_options[] = {
	{"--after", true, opt_after},
	{"--before", true, opt_before},
	{"--duration", true, opt_duration},
	{"--name", true, opt_name},
	{"--notes", true, opt_notes},
	{"--kind", true, opt_kind},
	{"--fixed", true, opt_fixed},
	{"--time", true, opt_time},
	{"--not-before", true, opt_not_before},
	{"--not-after", true, opt_not_after},
	{"--meeting", true, opt_meeting},
	{"--dry-run", false, opt_dry_run},
	{NULL, false, NULL},
};

/* A field both set and cleared, as "--fixed" (or NULL). */
static const char *
set_and_cleared(const struct set_opts *o)
{
	if (o->name && (o->clear & CLEAR_NAME))
		return "--name";
	if (o->notes && (o->clear & CLEAR_NOTES))
		return "--notes";
	if ((o->has_time || (o->has_fixed && o->fixed_time >= 0)) &&
	    (o->clear & CLEAR_TIME))
		return "--time";
	if (o->has_fixed && (o->clear & CLEAR_FIXED))
		return "--fixed";
	if (o->has_not_before && (o->clear & CLEAR_NOT_BEFORE))
		return "--not-before";
	if (o->has_not_after && (o->clear & CLEAR_NOT_AFTER))
		return "--not-after";
	if (o->meeting && (o->clear & CLEAR_MEETING))
		return "--meeting";
	return NULL;
}

/* --time and a time in --fixed: say it once. */
static bool
two_times(const struct set_opts *o)
{
	return o->has_time && o->has_fixed && o->fixed_time >= 0;
}

/* ---- making the changes ----------------------------------------------- */

/* The stage's unit as read, for "--duration 0" (which keeps it). */
static enum tp_unit
current_unit(struct tp_plan_edit *e, const char *stage)
{
	const struct tp_plan *p =
		tp_plan_doc_plan_const(tp_plan_edit_original(e));
	size_t i;

	return tp_plan_find_stage(p, stage, &i) ? tp_plan_stage_unit(p, i)
						: TP_UNIT_WORKING_DAYS;
}

static enum tp_status
set_constraint(struct tp_plan_edit *e, const char *stage, bool has,
	       struct tp_date d, bool clear, enum tp_constraint_type type,
	       struct tp_error *err)
{
	if (has)
		return tp_plan_edit_set_stage_constraint(e, stage, type, &d,
							 err);
	if (clear)
		return tp_plan_edit_set_stage_constraint(e, stage, type, NULL,
							 err);
	return TP_OK;
}

static enum tp_status
set_texts(struct tp_plan_edit *e, const struct set_opts *o, const char *st,
	  struct tp_error *err)
{
	enum tp_status rc = TP_OK;

	if (o->name || (o->clear & CLEAR_NAME))
		rc = tp_plan_edit_set_stage_text(e, st, TP_STAGE_TEXT_NAME,
						 o->name, err);
	if (rc == TP_OK && (o->notes || (o->clear & CLEAR_NOTES)))
		rc = tp_plan_edit_set_stage_text(e, st, TP_STAGE_TEXT_NOTES,
						 o->notes, err);
	if (rc == TP_OK && o->has_kind)
		rc = tp_plan_edit_set_stage_kind(e, st, o->kind, err);
	if (rc == TP_OK && o->has_duration)
		rc = tp_plan_edit_set_stage_duration(
			e, st, o->amount,
			o->unit_given ? o->unit : current_unit(e, st), err);
	return rc;
}

static enum tp_status
set_dates(struct tp_plan_edit *e, const struct set_opts *o, const char *st,
	  struct tp_error *err)
{
	enum tp_status rc = TP_OK;
	int time = o->has_time ? o->time
		   : o->has_fixed && o->fixed_time >= 0 ? o->fixed_time
							: -2;

	if (time >= -1 || (o->clear & CLEAR_TIME))
		rc = tp_plan_edit_set_stage_time(e, st, time >= 0 ? time : -1,
						 err);
	if (rc == TP_OK)
		rc = set_constraint(e, st, o->has_fixed, o->fixed,
				    o->clear & CLEAR_FIXED,
				    TP_CONSTRAINT_START_ON, err);
	if (rc == TP_OK)
		rc = set_constraint(e, st, o->has_not_before, o->not_before,
				    o->clear & CLEAR_NOT_BEFORE,
				    TP_CONSTRAINT_START_NO_EARLIER_THAN, err);
	if (rc == TP_OK)
		rc = set_constraint(e, st, o->has_not_after, o->not_after,
				    o->clear & CLEAR_NOT_AFTER,
				    TP_CONSTRAINT_FINISH_NO_LATER_THAN, err);
	if (rc == TP_OK && (o->meeting || (o->clear & CLEAR_MEETING)))
		rc = tp_plan_edit_set_stage_meeting(e, st, o->meeting, err);
	return rc;
}

static int
change_stage(struct tp_plan_edit *e, void *ctx)
{
	const struct set_opts *o = ctx;
	struct tp_error err;

	if (set_texts(e, o, o->stage, &err) != TP_OK ||
	    set_dates(e, o, o->stage, &err) != TP_OK)
		return cli_edit_error("set", &err);
	return CLI_EXIT_OK;
}

static int
change_plan(struct tp_plan_edit *e, void *ctx)
{
	const struct set_opts *o = ctx;
	struct tp_error err;
	enum tp_status rc = TP_OK;

	if (o->plan_id)
		rc = tp_plan_edit_set_plan_id(e, o->plan_id, &err);
	if (rc == TP_OK && (o->name || (o->clear & CLEAR_NAME)))
		rc = tp_plan_edit_set_plan_name(e, o->name, &err);
	return rc == TP_OK ? CLI_EXIT_OK : cli_edit_error("set", &err);
}

static bool
any_stage_option(const struct set_opts *o)
{
	return o->has_duration || o->notes || o->has_kind || o->has_fixed ||
	       o->has_time || o->has_not_before || o->has_not_after ||
	       o->meeting ||
	       (o->clear & ~(unsigned)CLEAR_NAME);
}

static int
run_set(const struct cli_args *a, struct set_opts *o)
{
	const char *both = set_and_cleared(o);

	if (a->n_pos < 1 || a->n_pos > 2)
		return cli_usage_error("set", "give a plan file and a stage "
					      "(or no stage, for the plan's id "
					      "and name)");
	if (both)
		return cli_usage_error("set", "%s is both set and cleared",
				       both);
	if (two_times(o))
		return cli_usage_error("set", "give the time once: in --fixed "
					      "DATEThh:mm or with --time");
	if (a->n_pos == 1 && any_stage_option(o))
		return cli_usage_error("set", "say which STAGE to change (only "
					      "--id, --name and --clear name "
					      "are the plan's)");
	if (a->n_pos == 2 && o->plan_id)
		return cli_usage_error("set", "--id is the plan's: give it "
					      "without a STAGE");
	if (!any_stage_option(o) && !o->name && !o->plan_id && !o->clear)
		return cli_usage_error("set", "say what to change");
	o->stage = a->n_pos == 2 ? a->pos[1] : NULL;
	return cli_edit_run("set", a->pos[0], o->dry_run,
			    o->stage ? change_stage : change_plan, o);
}

int
cli_cmd_set(int argc, char **argv)
{
	struct set_opts o = {.fixed_time = -1};
	struct cli_args args;
	int rc = cli_parse("set", argc, argv, set_options, &o, &args);

	if (rc)
		return rc;
	if (args.help) {
		fputs(set_usage, stdout);
		rc = cli_finish_stdout(CLI_EXIT_OK);
	} else {
		rc = run_set(&args, &o);
	}
	cli_args_free(&args);
	return rc;
}

/* ---- add-stage ---------------------------------------------------------- */

/* Where the new stage's element goes: after the last (in the file) of
 * the stages it follows, else before the first of those that follow it. */
static void
placement(struct tp_plan_edit *e, const struct set_opts *o,
	  const char **after, const char **before)
{
	const struct tp_plan *p =
		tp_plan_doc_plan_const(tp_plan_edit_original(e));
	size_t best = 0, i;
	bool found = false;

	*after = *before = NULL;
	for (size_t k = 0; k < o->n_after; k++)
		if (tp_plan_find_stage(p, o->after[k], &i) &&
		    (!found || i > best)) {
			best = i;
			found = true;
			*after = o->after[k];
		}
	for (size_t k = 0; !found && k < o->n_before; k++)
		if (tp_plan_find_stage(p, o->before[k], &i) &&
		    (!*before || i < best)) {
			best = i;
			*before = o->before[k];
		}
}

static int
add_stage(struct tp_plan_edit *e, void *ctx)
{
	const struct set_opts *o = ctx;
	struct set_opts rest = *o;
	const char *after, *before;
	struct tp_error err;
	enum tp_status rc;

	placement(e, o, &after, &before);
	rc = tp_plan_edit_add_stage(
		e, o->stage, o->has_kind ? o->kind : TP_STAGE_CUSTOM,
		o->has_duration ? o->amount : 0,
		o->has_duration ? o->unit : TP_UNIT_WORKING_DAYS, o->name,
		after, before, &err);
	for (size_t k = 0; rc == TP_OK && k < o->n_after; k++)
		rc = tp_plan_edit_link(e, o->after[k], o->stage, NULL, &err);
	for (size_t k = 0; rc == TP_OK && k < o->n_before; k++)
		rc = tp_plan_edit_link(e, o->stage, o->before[k], NULL, &err);
	rest.name = NULL;
	rest.has_kind = rest.has_duration = false;
	if (rc == TP_OK)
		rc = set_texts(e, &rest, o->stage, &err);
	if (rc == TP_OK)
		rc = set_dates(e, &rest, o->stage, &err);
	return rc == TP_OK ? CLI_EXIT_OK : cli_edit_error("add-stage", &err);
}

int
cli_cmd_add_stage(int argc, char **argv)
{
	const char **list = calloc((size_t)argc * 2 + 2, sizeof(*list));
	struct set_opts o = {.fixed_time = -1, .after = list,
			     .before = list ? list + argc + 1 : NULL};
	struct cli_args args;
	int rc;

	if (!list) {
		fputs("tenderplan: out of memory\n", stderr);
		return CLI_EXIT_FAIL;
	}
	rc = cli_parse("add-stage", argc, argv, add_options, &o, &args);
	if (rc) {
		free(list);
		return rc;
	}
	if (args.help) {
		fputs(add_usage, stdout);
		rc = cli_finish_stdout(CLI_EXIT_OK);
	} else if (args.n_pos != 2) {
		rc = cli_usage_error("add-stage",
				     "give a plan file and the new stage's id");
	} else if (two_times(&o)) {
		rc = cli_usage_error("add-stage", "give the time once: in "
						  "--fixed DATEThh:mm or with "
						  "--time");
	} else {
		o.stage = args.pos[1];
		rc = cli_edit_run("add-stage", args.pos[0], o.dry_run,
				  add_stage, &o);
	}
	cli_args_free(&args);
	free(list);
	return rc;
}
