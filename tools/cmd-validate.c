/* SPDX-License-Identifier: MIT */
/* `tenderplan validate PLAN.xml...`: every plan file checked against the
 * plan schema with libxml2's validator (TP_PLAN_READ_SCHEMA), then by the
 * reader's own checks, each file on its own (#11). The other commands
 * read plans with a quick structural check instead and fall back to the
 * validator only when it cannot pass a file; this command always runs
 * it, for a changed schema, a hand-edited file, or a pipeline's gate. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <tenderplan/tp-plan-xml.h>

#include "cli.h"

static const char validate_usage[] =
	"Usage: tenderplan validate PLAN.xml... [--no-calendar]\n"
	"\n"
	"Check each plan file against the plan schema (tenderplan-plan.xsd,\n"
	"libxml2's validator) and the reader's own checks: every stage a\n"
	"dependency names exists, no cycle, dates and durations in range, the\n"
	"calendar (and its iCalendar file) readable. One line per file:\n"
	"  PATH: valid (N stages)\n"
	"  PATH:LINE:COLUMN: what is wrong\n"
	"A directory stands for its *.xml files. Every file is checked, and\n"
	"with several a total follows.\n"
	"\n"
	"Options:\n"
	"  --no-calendar  do not open the iCalendar file a plan names or\n"
	"                 build its calendar (the file's syntax only)\n"
	"  -h, --help     print this text\n"
	"\n"
	"Exit status: 0 every file valid; 1 a file invalid; 2 bad arguments\n"
	"or a file or directory that cannot be opened; 3 out of memory or\n"
	"output error.\n";

struct validate_opts {
	unsigned flags;
	size_t valid, invalid;
	int worst;
};

static enum tp_status
set_no_calendar(void *ctx, const char *value, struct tp_error *err)
{
	(void)value;
	(void)err;
	((struct validate_opts *)ctx)->flags |= TP_PLAN_READ_NO_CALENDAR;
	return TP_OK;
}

static const struct cli_option validate_options[] = {
	{"--no-calendar", false, set_no_calendar},
	{NULL, false, NULL},
};

static void
worsen(struct validate_opts *o, int rc)
{
	if (rc > o->worst)
		o->worst = rc;
}

/* Read @p path with the validator; one line on stdout for it. */
static void
validate_file(struct tp_plan_reader *reader, const char *path,
	      struct validate_opts *o)
{
	struct tp_plan_doc *doc = NULL;
	struct tp_error err;
	char msg[1200], esc[4096];
	enum tp_status rc = tp_plan_reader_read_file(reader, path, o->flags,
						     &doc, &err);

	if (rc == TP_OK) {
		size_t n = tp_plan_stage_count(tp_plan_doc_plan_const(doc));
		printf("%s: valid (%zu stage%s)\n",
		       cli_escape(path, esc, sizeof(esc)), n, n == 1 ? "" : "s");
		o->valid++;
		tp_plan_doc_free(doc);
		return;
	}
	if (!err.source[0])
		snprintf(err.source, sizeof(err.source), "%s", path);
	/* the plan file itself could not be opened (not a file it names) */
	bool unopened = rc == TP_ERR_IO && err.line == 0 &&
			!strcmp(err.source, path);
	tp_error_format(&err, msg, sizeof(msg));
	printf("%s\n", cli_escape(msg, esc, sizeof(esc)));
	o->invalid++;
	if (rc == TP_ERR_NOMEM)
		worsen(o, CLI_EXIT_FAIL);
	else if (unopened)
		worsen(o, CLI_EXIT_USAGE);
	else
		worsen(o, CLI_EXIT_NO);
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool
plan_name(const char *name)
{
	size_t n = strlen(name);
	return name[0] != '.' && n > 4 && !strcmp(name + n - 4, ".xml");
}

/* The *.xml files of directory @p dir in byte order, as
 * tp_plan_set_read() takes them; each validated. */
static void
validate_dir(struct tp_plan_reader *reader, const char *dir,
	     struct validate_opts *o)
{
	DIR *d = opendir(dir);
	char **names = NULL, esc[4096];
	size_t n = 0, cap = 0;
	struct dirent *e;

	if (!d) {
		printf("%s: cannot open the directory: %s\n",
		       cli_escape(dir, esc, sizeof(esc)), strerror(errno));
		o->invalid++;
		worsen(o, CLI_EXIT_USAGE);
		return;
	}
	while ((e = readdir(d))) {
		size_t len = strlen(dir) + strlen(e->d_name) + 2;
		if (!plan_name(e->d_name))
			continue;
		if (n == cap) {
			char **p = realloc(names, (cap ? 2 * cap : 16) *
							  sizeof(*names));
			if (!p)
				break;
			names = p;
			cap = cap ? 2 * cap : 16;
		}
		if (!(names[n] = malloc(len)))
			break;
		snprintf(names[n++], len, "%s%s%s", dir,
			 dir[strlen(dir) - 1] == '/' ? "" : "/", e->d_name);
	}
	if (e) {
		fputs("tenderplan: out of memory\n", stderr);
		worsen(o, CLI_EXIT_FAIL);
	}
	closedir(d);
	if (n == 0 && !e) {
		printf("%s: no plan files (*.xml) in this directory\n",
		       cli_escape(dir, esc, sizeof(esc)));
		o->invalid++;
		worsen(o, CLI_EXIT_USAGE);
	}
	if (n > 1)
		qsort(names, n, sizeof(*names), by_name);
	for (size_t i = 0; i < n; i++) {
		if (!e)
			validate_file(reader, names[i], o);
		free(names[i]);
	}
	free(names);
}

int
cli_cmd_validate(int argc, char **argv)
{
	struct validate_opts o = {0, 0, 0, CLI_EXIT_OK};
	struct tp_plan_reader *reader = NULL;
	struct cli_args args;
	struct tp_error err;
	int rc = cli_parse("validate", argc, argv, validate_options, &o,
			   &args);

	if (rc != CLI_EXIT_OK)
		return rc;
	if (args.help) {
		cli_args_free(&args);
		fputs(validate_usage, stdout);
		return cli_finish_stdout(CLI_EXIT_OK);
	}
	if (args.n_pos == 0) {
		cli_args_free(&args);
		return cli_usage_error("validate", "give one plan file or "
						   "more, or a directory");
	}
	if (tp_plan_reader_new(&reader, &err) != TP_OK) {
		cli_args_free(&args);
		return cli_lib_error(&err);
	}
	o.flags |= TP_PLAN_READ_SCHEMA;
	for (size_t i = 0; i < args.n_pos; i++) {
		struct stat st;
		if (stat(args.pos[i], &st) == 0 && S_ISDIR(st.st_mode))
			validate_dir(reader, args.pos[i], &o);
		else
			validate_file(reader, args.pos[i], &o);
	}
	if (o.valid + o.invalid > 1)
		printf("%zu files: %zu valid, %zu invalid\n",
		       o.valid + o.invalid, o.valid, o.invalid);
	tp_plan_reader_free(reader);
	cli_args_free(&args);
	return cli_finish_stdout(o.worst);
}
