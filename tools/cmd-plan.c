/* SPDX-License-Identifier: MIT */
/* `tenderplan templates`, `tenderplan new` and `tenderplan schedule`:
 * plans from templates, and their schedules as a table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-plan.h"
#include "cli.h"

/* ---- templates ------------------------------------------------------ */

static const char templates_usage[] =
	"Usage: tenderplan templates\n"
	"\n"
	"List the built-in procedure templates, one per line: the id, a tab,\n"
	"the regime (pcr2006, pcr2015, pcsr2015, pa2023 or none), a tab, a\n"
	"description. Use an id with 'tenderplan new'.\n";

int
cli_cmd_templates(int argc, char **argv)
{
	struct cli_args args;
	int rc = cli_parse("templates", argc, argv, NULL, NULL, &args);

	if (rc)
		return rc;
	if (args.help) {
		cli_args_free(&args);
		fputs(templates_usage, stdout);
		return cli_finish_stdout(CLI_EXIT_OK);
	}
	if (args.n_pos) {
		cli_args_free(&args);
		return cli_usage_error("templates", "unexpected argument");
	}
	cli_args_free(&args);
	for (size_t i = 0; i < tp_template_count(); i++)
		printf("%s\t%s\t%s\n", tp_template_id(i),
		       tp_template_regime(i), tp_template_description(i));
	return cli_finish_stdout(CLI_EXIT_OK);
}

/* ---- new ------------------------------------------------------------ */

static const char new_usage[] =
	"Usage: tenderplan new TEMPLATE (--start DATE | --contract-start DATE)\n"
	"                      [--region R] [--name NAME] [-o FILE]\n"
	"\n"
	"Write a plan file made from TEMPLATE (see 'tenderplan templates'),\n"
	"scheduled forward from the advert on --start or backward from the\n"
	"required --contract-start (both may be given).\n"
	"\n"
	"Options:\n"
	"  --start DATE           the first day of the plan (YYYY-MM-DD)\n"
	"  --contract-start DATE  the day the contract must start\n"
	"  --region R             where the authority is: england-and-wales,\n"
	"                         scotland or northern-ireland set the\n"
	"                         calendar and the rules' jurisdiction (PCR\n"
	"                         and PA 2023 templates are not for Scotland,\n"
	"                         PCSR 2015 ones only for it); uk and none\n"
	"                         set the calendar only (default: the\n"
	"                         template's)\n"
	"  --name NAME            the plan's name\n"
	"  -o, --output FILE      write FILE (atomically) instead of standard\n"
	"                         output\n"
	"  -h, --help             print this text\n"
	"\n"
	"Exit status: 0 success; 2 bad arguments; 3 out of memory or output\n"
	"error.\n";

struct new_opts {
	bool has_start, has_cs, has_region;
	struct tp_date start, cs;
	enum tp_region region;
	const char *name, *output;
};

static enum tp_status
date_value(const char *opt, const char *value, struct tp_date *out,
	   struct tp_error *err)
{
	return cli_blame_option(
		tp_date_parse(value, (long)strlen(value), out, err), err, opt);
}

static enum tp_status
new_start(void *ctx, const char *value, struct tp_error *err)
{
	struct new_opts *o = ctx;

	o->has_start = true;
	return date_value("--start", value, &o->start, err);
}

static enum tp_status
new_cs(void *ctx, const char *value, struct tp_error *err)
{
	struct new_opts *o = ctx;

	o->has_cs = true;
	return date_value("--contract-start", value, &o->cs, err);
}

static enum tp_status
new_region(void *ctx, const char *value, struct tp_error *err)
{
	struct new_opts *o = ctx;
	enum tp_status rc = tp_region_from_name(value, &o->region, err);

	o->has_region = true;
	return cli_blame_option(rc, err, "--region");
}

static enum tp_status
new_name(void *ctx, const char *value, struct tp_error *err)
{
	((struct new_opts *)ctx)->name = value;
	return TP_OK;
}

static enum tp_status
new_output(void *ctx, const char *value, struct tp_error *err)
{
	((struct new_opts *)ctx)->output = value;
	return TP_OK;
}

static const struct cli_option new_options[] = {
	{"--start", true, new_start},   {"--contract-start", true, new_cs},
	{"--region", true, new_region}, {"--name", true, new_name},
	{"--output", true, new_output}, {NULL, false, NULL},
};

static enum tp_status
apply_new_opts(struct tp_plan_doc *doc, const struct new_opts *o,
	       struct tp_error *err)
{
	struct tp_plan *plan = tp_plan_doc_plan(doc);
	enum tp_status rc = TP_OK;

	if (o->has_region)
		rc = cli_blame_option(tp_template_set_region(doc, o->region, err),
				      err, "--region");
	if (rc == TP_OK && o->name)
		rc = tp_plan_set_name(plan, o->name, err);
	if (rc == TP_OK && o->has_start)
		rc = tp_plan_set_start_date(plan, o->start, err);
	if (rc == TP_OK && o->has_cs)
		rc = tp_plan_set_contract_start(plan, o->cs, err);
	return rc;
}

static int
write_stdout(const struct tp_plan_doc *doc)
{
	struct tp_error err;
	char *data = NULL;
	size_t len = 0;

	if (tp_plan_doc_write_memory(doc, &data, &len, &err) != TP_OK)
		return cli_lib_error(&err);
	fwrite(data, 1, len, stdout);
	free(data);
	return cli_finish_stdout(CLI_EXIT_OK);
}

static int
run_new(const char *id, const struct new_opts *o)
{
	struct tp_plan_doc *doc = NULL;
	struct tp_error err;
	int rc = CLI_EXIT_OK;

	if (tp_template_new(id, &doc, &err) != TP_OK ||
	    apply_new_opts(doc, o, &err) != TP_OK)
		rc = cli_lib_error(&err);
	else if (!o->output || !strcmp(o->output, "-"))
		rc = write_stdout(doc);
	else if (tp_plan_doc_write_file(doc, o->output, &err) != TP_OK)
		rc = err.code == TP_ERR_IO
			     ? (cli_lib_error(&err), CLI_EXIT_FAIL)
			     : cli_lib_error(&err);
	tp_plan_doc_free(doc);
	return rc;
}

/* cli_parse() takes "-o" for an argument: spell it "--output". */
static char **
expand_short(int argc, char **argv)
{
	char **copy = calloc((size_t)argc + 1, sizeof(*copy));

	for (int i = 0; copy && i < argc; i++)
		copy[i] = strcmp(argv[i], "-o") ? argv[i] : (char *)"--output";
	return copy;
}

int
cli_cmd_new(int argc, char **argv)
{
	struct new_opts o = {0};
	struct cli_args args = {0};
	char **av = expand_short(argc, argv);
	int rc;

	if (!av) {
		fputs("tenderplan: out of memory\n", stderr);
		return CLI_EXIT_FAIL;
	}
	rc = cli_parse("new", argc, av, new_options, &o, &args);
	if (rc)
		goto out;
	if (args.help) {
		fputs(new_usage, stdout);
		rc = cli_finish_stdout(CLI_EXIT_OK);
	} else if (args.n_pos != 1) {
		rc = cli_usage_error("new", "give one template id");
	} else if (!o.has_start && !o.has_cs) {
		rc = cli_usage_error("new", "give --start or --contract-start");
	} else {
		rc = run_new(args.pos[0], &o);
	}
	cli_args_free(&args);
out:
	free(av);
	return rc;
}
