/* SPDX-License-Identifier: MIT */
/* `tenderplan import`: the edits of a stage table (from `export --format
 * csv`, changed in a spreadsheet) back into the plan file. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-edit.h"

static const char import_usage[] =
	"Usage: tenderplan import PLAN.xml TABLE.csv [--dry-run]\n"
	"\n"
	"Apply a stage table written by 'tenderplan export' in the csv format\n"
	"and changed in Excel, LibreOffice or another spreadsheet: its columns\n"
	"name, time, duration, fixed, not_before, not_after and notes are read\n"
	"back into the stages its stage column names. The table may be saved\n"
	"as CSV with commas or semicolons, in UTF-8 with or without a byte\n"
	"order mark ('CSV UTF-8' in Excel), with dates as YYYY-MM-DD or\n"
	"DD/MM/YYYY. The computed columns are not read, but a start or finish\n"
	"that is not the plan's means the plan changed since the export (or\n"
	"the cell was edited), and is an error. Every wrong cell is named, and\n"
	"nothing changes until all are right.\n" CLI_EDIT_ABOUT_HELP
	"\n"
	"Options:\n" CLI_EDIT_OPTIONS_HELP "\n" CLI_EDIT_EXIT_HELP;

/* Larger tables are refused: a plan file holds at most 8 MiB. */
#define TABLE_MAX (16u * 1024u * 1024u)

struct import_opts {
	bool dry_run;
	const char *table;
	char *data;
	size_t len;
};

static enum tp_status
opt_dry_run(void *ctx, const char *value, struct tp_error *err)
{
	((struct import_opts *)ctx)->dry_run = true;
	return TP_OK;
}

static const struct cli_option import_options[] = {
	{"--dry-run", false, opt_dry_run},
	{NULL, false, NULL},
};

static int
read_table(struct import_opts *o)
{
	FILE *f = fopen(o->table, "rb");

	if (!f) {
		fprintf(stderr, "tenderplan import: %s: cannot open: %s\n",
			o->table, strerror(errno));
		return CLI_EXIT_USAGE;
	}
	o->data = malloc(TABLE_MAX + 1);
	if (!o->data) {
		fclose(f);
		fputs("tenderplan: out of memory\n", stderr);
		return CLI_EXIT_FAIL;
	}
	o->len = fread(o->data, 1, TABLE_MAX + 1, f);
	if (ferror(f) || o->len > TABLE_MAX) {
		fprintf(stderr, "tenderplan import: %s: %s\n", o->table,
			ferror(f) ? "cannot read the file"
				  : "larger than 16 MiB: not a stage table");
		fclose(f);
		return CLI_EXIT_USAGE;
	}
	fclose(f);
	return CLI_EXIT_OK;
}

static void
print_problem(const struct tp_error *p, void *user)
{
	(void)user;
	fprintf(stderr, "tenderplan import: %s: %s\n", p->source, p->message);
}

static int
import(struct tp_plan_edit *e, void *ctx)
{
	const struct import_opts *o = ctx;
	struct tp_error err;

	if (tp_plan_edit_import_csv(e, o->data, o->len, o->table,
				    print_problem, NULL, &err) != TP_OK)
		return cli_edit_error("import", &err);
	return CLI_EXIT_OK;
}

int
cli_cmd_import(int argc, char **argv)
{
	struct import_opts o = {0};
	struct cli_args a;
	int rc = cli_parse("import", argc, argv, import_options, &o, &a);

	if (rc)
		return rc;
	if (a.help) {
		fputs(import_usage, stdout);
		rc = cli_finish_stdout(CLI_EXIT_OK);
	} else if (a.n_pos != 2) {
		rc = cli_usage_error("import", "give a plan file and a table");
	} else {
		o.table = a.pos[1];
		rc = read_table(&o);
		if (rc == CLI_EXIT_OK)
			rc = cli_edit_run("import", a.pos[0], o.dry_run, import,
					  &o);
	}
	free(o.data);
	cli_args_free(&a);
	return rc;
}
