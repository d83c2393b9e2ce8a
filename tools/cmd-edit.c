/* SPDX-License-Identifier: MIT */
/* `tenderplan remove-stage`, `link`, `unlink`, `closure add|remove` and
 * `anchor`: the structural changes to a plan file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-edit.h"

static const char remove_usage[] =
	"Usage: tenderplan remove-stage PLAN.xml STAGE [--relink-to OTHER]\n"
	"                               [--dry-run]\n"
	"\n"
	"Remove STAGE from the plan file, with its dependencies and fixed\n"
	"dates. While other stages follow it, it is removed only with\n"
	"--relink-to: they then follow OTHER instead, with the same type and\n"
	"lag.\n" CLI_EDIT_ABOUT_HELP
	"\n"
	"Options:\n"
	"  --relink-to OTHER   the stages that followed STAGE follow OTHER\n"
	CLI_EDIT_OPTIONS_HELP "\n" CLI_EDIT_EXIT_HELP;

static const char link_usage[] =
	"Usage: tenderplan link PLAN.xml FROM TO [--type T] [--lag L] [--dry-run]\n"
	"\n"
	"Make stage TO follow stage FROM, or change how it does: finish to\n"
	"start without lag unless --type and --lag say otherwise; of a link\n"
	"that exists, only what is given changes.\n" CLI_EDIT_ABOUT_HELP
	"\n"
	"Options:\n"
	"  --type T            finish-to-start (fs, the default): TO starts\n"
	"                      after FROM finishes; start-to-start (ss),\n"
	"                      finish-to-finish (ff), start-to-finish (sf)\n"
	"  --lag L             a gap of working days (2wd) or calendar days\n"
	"                      (14d) between them; negative (-2wd) to overlap\n"
	CLI_EDIT_OPTIONS_HELP "\n" CLI_EDIT_EXIT_HELP;

static const char unlink_usage[] =
	"Usage: tenderplan unlink PLAN.xml FROM TO [--dry-run]\n"
	"\n"
	"Stage TO no longer follows stage FROM.\n" CLI_EDIT_ABOUT_HELP
	"\n"
	"Options:\n" CLI_EDIT_OPTIONS_HELP "\n" CLI_EDIT_EXIT_HELP;

static const char closure_usage[] =
	"Usage: tenderplan closure SUBCOMMAND PLAN.xml FROM..TO [OPTIONS]\n"
	"\n"
	"Add or remove a closure of the plan's calendar: the days FROM to TO,\n"
	"both included, are not working days for the authority's own stages\n"
	"(statutory periods count on the statute's calendar).\n"
	"\n"
	"Subcommands:\n"
	"  add FROM..TO      close the office from FROM to TO (or one DATE)\n"
	"  remove FROM..TO   remove the closure with these dates\n"
	"\n"
	"Run 'tenderplan closure SUBCOMMAND --help' for its options.\n";

static const char closure_add_usage[] =
	"Usage: tenderplan closure add PLAN.xml FROM..TO [--name TEXT] [--dry-run]\n"
	"\n"
	"Close the office from FROM to TO, both included (or on one DATE): no\n"
	"working day of the authority's own stages falls in it.\n"
	CLI_EDIT_ABOUT_HELP
	"\n"
	"Options:\n"
	"  --name TEXT         what the closure is (\"Christmas closure\")\n"
	CLI_EDIT_OPTIONS_HELP "\n" CLI_EDIT_EXIT_HELP;

static const char closure_remove_usage[] =
	"Usage: tenderplan closure remove PLAN.xml FROM..TO [--dry-run]\n"
	"\n"
	"Remove the closure from FROM to TO.\n" CLI_EDIT_ABOUT_HELP
	"\n"
	"Options:\n" CLI_EDIT_OPTIONS_HELP "\n" CLI_EDIT_EXIT_HELP;

static const char anchor_usage[] =
	"Usage: tenderplan anchor PLAN.xml [--start DATE] [--contract-start DATE]\n"
	"                         [--clear WHICH] [--dry-run]\n"
	"\n"
	"Set the dates the plan is scheduled from: forward from --start (no\n"
	"stage starts earlier), back from the required --contract-start (no\n"
	"stage finishes later), or both.\n" CLI_EDIT_ABOUT_HELP
	"\n"
	"Options:\n"
	"  --start DATE          the first day of the plan\n"
	"  --contract-start DATE the day the contract must start\n"
	"  --clear WHICH         remove the start or contract-start anchor\n"
	CLI_EDIT_OPTIONS_HELP "\n" CLI_EDIT_EXIT_HELP;

struct edit_opts {
	bool dry_run;
	const char *relink_to;
	struct tp_plan_edit_link link;
	const char *name;
	bool has_start, has_cs, clear_start, clear_cs;
	struct tp_date start, cs, first, last;
	const char *a, *b; /* the stage arguments */
};

static enum tp_status
opt_dry_run(void *ctx, const char *value, struct tp_error *err)
{
	((struct edit_opts *)ctx)->dry_run = true;
	return TP_OK;
}

static enum tp_status
opt_relink(void *ctx, const char *value, struct tp_error *err)
{
	((struct edit_opts *)ctx)->relink_to = value;
	return TP_OK;
}

static enum tp_status
opt_type(void *ctx, const char *value, struct tp_error *err)
{
	struct edit_opts *o = ctx;

	o->link.set_type = true;
	if (tp_dep_type_from_name(value, &o->link.type, NULL) == TP_OK)
		return TP_OK;
	return cli_error_at(err, TP_ERR_INVALID, "--type", 0,
			    "'%s' is not a link type (valid: finish-to-start, "
			    "start-to-start, finish-to-finish, "
			    "start-to-finish, fs, ss, ff, sf)",
			    value);
}

static enum tp_status
opt_lag(void *ctx, const char *value, struct tp_error *err)
{
	struct edit_opts *o = ctx;

	o->link.set_lag = true;
	return cli_blame_option(
		tp_lag_parse(value, &o->link.lag, &o->link.lag_unit, err), err,
		"--lag");
}

static enum tp_status
opt_name(void *ctx, const char *value, struct tp_error *err)
{
	((struct edit_opts *)ctx)->name = value;
	return TP_OK;
}

static enum tp_status
opt_start(void *ctx, const char *value, struct tp_error *err)
{
	struct edit_opts *o = ctx;

	o->has_start = true;
	return cli_date_value("--start", value, &o->start, err);
}

static enum tp_status
opt_contract_start(void *ctx, const char *value, struct tp_error *err)
{
	struct edit_opts *o = ctx;

	o->has_cs = true;
	return cli_date_value("--contract-start", value, &o->cs, err);
}

static enum tp_status
opt_clear(void *ctx, const char *value, struct tp_error *err)
{
	struct edit_opts *o = ctx;

	if (!strcmp(value, "start"))
		o->clear_start = true;
	else if (!strcmp(value, "contract-start"))
		o->clear_cs = true;
	else
		return cli_error_at(err, TP_ERR_INVALID, "--clear", 0,
				    "'%s' is not an anchor (valid: start, "
				    "contract-start)",
				    value);
	return TP_OK;
}

static const struct cli_option remove_options[] = {
	{"--relink-to", true, opt_relink},
	{"--dry-run", false, opt_dry_run},
	{NULL, false, NULL},
};

static const struct cli_option link_options[] = {
	{"--type", true, opt_type},
	{"--lag", true, opt_lag},
	{"--dry-run", false, opt_dry_run},
	{NULL, false, NULL},
};

static const struct cli_option plain_options[] = {
	{"--dry-run", false, opt_dry_run},
	{NULL, false, NULL},
};

static const struct cli_option closure_add_options[] = {
	{"--name", true, opt_name},
	{"--dry-run", false, opt_dry_run},
	{NULL, false, NULL},
};

static const struct cli_option anchor_options[] = {
	{"--start", true, opt_start},
	{"--contract-start", true, opt_contract_start},
	{"--clear", true, opt_clear},
	{"--dry-run", false, opt_dry_run},
	{NULL, false, NULL},
};

/* ---- the changes ---------------------------------------------------- */

static int
remove_stage(struct tp_plan_edit *e, void *ctx)
{
	const struct edit_opts *o = ctx;
	struct tp_error err;

	if (tp_plan_edit_remove_stage(e, o->a, o->relink_to, &err) != TP_OK)
		return cli_edit_error("remove-stage", &err);
	return CLI_EXIT_OK;
}

static int
link_stages(struct tp_plan_edit *e, void *ctx)
{
	const struct edit_opts *o = ctx;
	struct tp_error err;

	if (tp_plan_edit_link(e, o->a, o->b, &o->link, &err) != TP_OK)
		return cli_edit_error("link", &err);
	return CLI_EXIT_OK;
}

static int
unlink_stages(struct tp_plan_edit *e, void *ctx)
{
	const struct edit_opts *o = ctx;
	struct tp_error err;

	if (tp_plan_edit_unlink(e, o->a, o->b, &err) != TP_OK)
		return cli_edit_error("unlink", &err);
	return CLI_EXIT_OK;
}

static int
add_closure(struct tp_plan_edit *e, void *ctx)
{
	const struct edit_opts *o = ctx;
	struct tp_error err;

	if (tp_plan_edit_add_closure(e, o->first, o->last, o->name, &err) !=
	    TP_OK)
		return cli_edit_error("closure add", &err);
	return CLI_EXIT_OK;
}

static int
remove_closure(struct tp_plan_edit *e, void *ctx)
{
	const struct edit_opts *o = ctx;
	struct tp_error err;

	if (tp_plan_edit_remove_closure(e, o->first, o->last, &err) != TP_OK)
		return cli_edit_error("closure remove", &err);
	return CLI_EXIT_OK;
}

static int
set_anchors(struct tp_plan_edit *e, void *ctx)
{
	const struct edit_opts *o = ctx;
	struct tp_error err;
	enum tp_status rc = TP_OK;

	if (o->has_start || o->clear_start)
		rc = tp_plan_edit_set_anchor(e, TP_ANCHOR_START,
					     o->has_start ? &o->start : NULL,
					     &err);
	if (rc == TP_OK && (o->has_cs || o->clear_cs))
		rc = tp_plan_edit_set_anchor(e, TP_ANCHOR_CONTRACT_START,
					     o->has_cs ? &o->cs : NULL, &err);
	return rc == TP_OK ? CLI_EXIT_OK : cli_edit_error("anchor", &err);
}

/* ---- the commands --------------------------------------------------- */

/* Parse, print help, check the number of arguments, run. */
static int
command(const char *cmd, int argc, char **argv,
	const struct cli_option *options, const char *usage, size_t n_args,
	const char *args_help, cli_edit_fn fn, struct edit_opts *o)
{
	struct cli_args a;
	int rc = cli_parse(cmd, argc, argv, options, o, &a);

	if (rc)
		return rc;
	if (a.help) {
		fputs(usage, stdout);
		rc = cli_finish_stdout(CLI_EXIT_OK);
	} else if (a.n_pos != n_args) {
		rc = cli_usage_error(cmd, "give %s", args_help);
	} else {
		o->a = n_args > 1 ? a.pos[1] : NULL;
		o->b = n_args > 2 ? a.pos[2] : NULL;
		rc = fn ? cli_edit_run(cmd, a.pos[0], o->dry_run, fn, o)
			: CLI_EXIT_OK;
	}
	cli_args_free(&a);
	return rc;
}

int
cli_cmd_remove_stage(int argc, char **argv)
{
	struct edit_opts o = {0};

	return command("remove-stage", argc, argv, remove_options,
		       remove_usage, 2, "a plan file and the stage to remove",
		       remove_stage, &o);
}

int
cli_cmd_link(int argc, char **argv)
{
	struct edit_opts o = {0};

	tp_plan_edit_link_init(&o.link);
	return command("link", argc, argv, link_options, link_usage, 3,
		       "a plan file, then FROM and TO (TO follows FROM)",
		       link_stages, &o);
}

int
cli_cmd_unlink(int argc, char **argv)
{
	struct edit_opts o = {0};

	return command("unlink", argc, argv, plain_options, unlink_usage, 3,
		       "a plan file, then FROM and TO", unlink_stages, &o);
}

static int
run_closure(const char *cmd, int argc, char **argv, bool add)
{
	struct edit_opts o = {0};
	struct cli_args a;
	struct tp_error err;
	int rc = cli_parse(cmd, argc, argv,
			   add ? closure_add_options : plain_options, &o, &a);

	if (rc)
		return rc;
	if (a.help) {
		fputs(add ? closure_add_usage : closure_remove_usage, stdout);
		rc = cli_finish_stdout(CLI_EXIT_OK);
	} else if (a.n_pos != 2) {
		rc = cli_usage_error(cmd, "give a plan file and FROM..TO");
	} else if (cli_range_value(cmd, a.pos[1], &o.first, &o.last, &err) !=
		   TP_OK) {
		rc = cli_lib_error(&err);
	} else {
		rc = cli_edit_run(cmd, a.pos[0], o.dry_run,
				  add ? add_closure : remove_closure, &o);
	}
	cli_args_free(&a);
	return rc;
}

int
cli_cmd_closure(int argc, char **argv)
{
	if (argc < 2 || cli_is_help(argv[1])) {
		fputs(closure_usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? CLI_EXIT_USAGE : cli_finish_stdout(CLI_EXIT_OK);
	}
	if (!strcmp(argv[1], "add"))
		return run_closure("closure add", argc - 1, argv + 1, true);
	if (!strcmp(argv[1], "remove"))
		return run_closure("closure remove", argc - 1, argv + 1, false);
	return cli_usage_error("closure", "unknown subcommand '%s' (valid: add, "
					  "remove)",
			       argv[1]);
}

int
cli_cmd_anchor(int argc, char **argv)
{
	struct edit_opts o = {0};
	struct cli_args a;
	int rc = cli_parse("anchor", argc, argv, anchor_options, &o, &a);

	if (rc)
		return rc;
	if (a.help) {
		fputs(anchor_usage, stdout);
		rc = cli_finish_stdout(CLI_EXIT_OK);
	} else if (a.n_pos != 1) {
		rc = cli_usage_error("anchor", "give one plan file");
	} else if ((o.has_start && o.clear_start) || (o.has_cs && o.clear_cs)) {
		rc = cli_usage_error("anchor", "an anchor is both set and "
					       "cleared");
	} else if (!o.has_start && !o.has_cs && !o.clear_start && !o.clear_cs) {
		rc = cli_usage_error("anchor", "say which anchor to set or "
					       "clear");
	} else {
		rc = cli_edit_run("anchor", a.pos[0], o.dry_run, set_anchors,
				  &o);
	}
	cli_args_free(&a);
	return rc;
}
