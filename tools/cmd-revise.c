/* SPDX-License-Identifier: MIT */
/* `tenderplan revise PLAN.xml`: record the schedule as it stands as the
 * previous revision, inside the plan file, and raise the revision. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli-output.h"
#include "cli-revise.h"
#include "cli.h"

static const char revise_usage[] =
	"Usage: tenderplan revise PLAN.xml [--dry-run] [--force]\n"
	"\n"
	"Start a new revision of a plan whose timetable has been sent out:\n"
	"the schedule as it stands now is recorded inside PLAN.xml as the\n"
	"previous revision (the dates, times and text of every event and its\n"
	"SEQUENCE), and the plan's revision goes up by one. Then change the\n"
	"plan and export it: in the .ics, only the events whose dates, times\n"
	"or text changed get a higher SEQUENCE, and stages you removed are\n"
	"sent as cancelled, so calendars that import it update those events.\n"
	"Run it before you change a plan you have sent out, not after.\n"
	"\n"
	"The file is edited, not rewritten: comments and layout stay. It is\n"
	"replaced whole (never half-written) and read back before it is.\n"
	"\n"
	"Options:\n"
	"  --dry-run   say what would be recorded; change nothing\n"
	"  --force     replace PLAN.xml even if it is read-only or has other\n"
	"              hard links\n"
	"  -h, --help  print this text\n"
	"\n"
	"SOURCE_DATE_EPOCH, if set, is the time recorded.\n"
	"\n"
	"Exit status: 0 success; 2 bad arguments, a bad plan file or a refused\n"
	"output; 3 out of memory or the file could not be written.\n";

struct revise_opts {
	bool dry_run, force;
};

static enum tp_status
opt_dry_run(void *ctx, const char *value, struct tp_error *err)
{
	((struct revise_opts *)ctx)->dry_run = true;
	return TP_OK;
}

static enum tp_status
opt_force(void *ctx, const char *value, struct tp_error *err)
{
	((struct revise_opts *)ctx)->force = true;
	return TP_OK;
}

static const struct cli_option revise_options[] = {
	{"--dry-run", false, opt_dry_run},
	{"--force", false, opt_force},
	{NULL, false, NULL},
};

static void
report(const char *file, const struct tp_record_result *r, bool dry_run)
{
	const struct tp_snapshot_diff *d = &r->since_previous;

	printf("%s: %s revision %u as the previous revision; the plan is now "
	       "revision %u.\n",
	       file, dry_run ? "would record" : "recorded",
	       (unsigned)r->recorded, (unsigned)r->revision);
	if (r->had_previous)
		printf("Since the revision recorded before it: %zu stage%s "
		       "changed, %zu added, %zu removed, %zu unchanged.\n",
		       d->changed, d->changed == 1 ? "" : "s", d->added,
		       d->removed, d->same);
	if (r->had_previous && (d->series_same || d->series_changed ||
				d->series_added || d->series_removed))
		printf("Meeting series: %u changed, %u added, %u removed, %u "
		       "unchanged.\n",
		       (unsigned)d->series_changed, (unsigned)d->series_added,
		       (unsigned)d->series_removed, (unsigned)d->series_same);
	if (!dry_run)
		printf("Now change the plan, then export it: calendars will "
		       "update the events that change.\n");
}

static int
run_revise(const char *file, const struct revise_opts *o)
{
	struct tp_write_options wo;
	struct tp_record_result res;
	struct tp_error err;
	int64_t taken = 0;
	int epoch = cli_source_date_epoch("revise", &taken);

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
	cli_signals_install();
	if (tp_plan_file_record(file, TP_SNAPSHOT_REVISION, taken,
				o->dry_run ? TP_RECORD_DRY_RUN : 0, &wo, &res,
				&err) != TP_OK)
		return err.code == TP_ERR_IO || err.code == TP_ERR_REFUSED
			       ? cli_write_error(&err)
			       : cli_lib_error(&err);
	report(file, &res, o->dry_run);
	return cli_finish_stdout(CLI_EXIT_OK);
}

int
cli_cmd_revise(int argc, char **argv)
{
	struct revise_opts o = {0};
	struct cli_args args;
	int rc = cli_parse("revise", argc, argv, revise_options, &o, &args);

	if (rc)
		return rc;
	if (args.help) {
		fputs(revise_usage, stdout);
		rc = cli_finish_stdout(CLI_EXIT_OK);
	} else if (args.n_pos != 1) {
		rc = cli_usage_error("revise", "give one plan file");
	} else {
		rc = run_revise(args.pos[0], &o);
	}
	cli_args_free(&args);
	return rc;
}
