/* SPDX-License-Identifier: MIT */
/* tenderplan: the command-line program. Parses arguments, calls the
 * library, prints results and errors. Exit status: 0 success, 1 a negative
 * answer (is-working: not a working day), 2 bad arguments or bad input,
 * 3 out of memory or the output could not be written. */
#include <stdio.h>
#include <string.h>

#include "cli-edit.h"
#include "cli-export.h"
#include "cli-revise.h"
#include "cli-plan.h"
#include "cli.h"

static const char usage[] =
	"Usage: tenderplan COMMAND [ARGUMENTS] [OPTIONS]\n"
	"\n"
	"Commands:\n"
	"  holidays    list the bank holidays of a UK region\n"
	"  days        working-day arithmetic: add, between, is-working\n"
	"  templates   list the built-in procedure templates\n"
	"  new         write a plan file from a template\n"
	"  schedule    schedule a plan file and print its dates\n"
	"  standstill  when a standstill ends and the contract may be signed\n"
	"  check       check a plan against the procurement rules\n"
	"  validate    check plan files against the plan schema\n"
	"  audit       check published OCDS tender notices' periods\n"
	"  set         change a stage of a plan file (duration, name, fixed\n"
	"              date, ...), or the plan's id and name\n"
	"  add-stage   add a stage to a plan file\n"
	"  remove-stage  remove a stage from a plan file\n"
	"  link        make one stage follow another (type, lag)\n"
	"  unlink      make a stage no longer follow another\n"
	"  closure     add or remove an office closure (closure add|remove)\n"
	"  anchor      set or clear a plan's start or required contract start\n"
	"  meeting     add or remove a committee's meetings (meeting add|remove)\n"
	"  import      apply the edits of a stage table saved by a spreadsheet\n"
	"  export      write a plan's timetable for calendars, MS Project,\n"
	"              Gantt charts, OCDS (ics, xml, mspdi, svg, html, csv,\n"
	"              text, ocds)\n"
	"  revise      record the timetable sent out and start a new revision\n"
	"  started     record that a stage has started\n"
	"  done        record that a stage is done\n"
	"  baseline    record the approved timetable, for slippage\n"
	"\n"
	"Options:\n"
	"  --version   print the version\n"
	"  -h, --help  print this text\n"
	"\n"
	"Run 'tenderplan COMMAND --help' for a command's arguments.\n";

static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
} commands[] = {
	{"holidays", cli_cmd_holidays},
	{"days", cli_cmd_days},
	{"templates", cli_cmd_templates},
	{"new", cli_cmd_new},
	{"schedule", cli_cmd_schedule},
	{"standstill", cli_cmd_standstill},
	{"check", cli_cmd_check},
	{"validate", cli_cmd_validate},
	{"audit", cli_cmd_audit},
	{"export", cli_cmd_export},
	{"revise", cli_cmd_revise},
	{"set", cli_cmd_set},
	{"add-stage", cli_cmd_add_stage},
	{"remove-stage", cli_cmd_remove_stage},
	{"link", cli_cmd_link},
	{"unlink", cli_cmd_unlink},
	{"closure", cli_cmd_closure},
	{"anchor", cli_cmd_anchor},
	{"import", cli_cmd_import},
	{"started", cli_cmd_started},
	{"done", cli_cmd_done},
	{"baseline", cli_cmd_baseline},
	{"meeting", cli_cmd_meeting},
};

int
main(int argc, char **argv)
{
	if (argc < 2) {
		fputs("tenderplan: missing command (see 'tenderplan --help')\n",
		      stderr);
		return CLI_EXIT_USAGE;
	}
	if (cli_is_help(argv[1])) {
		fputs(usage, stdout);
		return cli_finish_stdout(CLI_EXIT_OK);
	}
	if (!strcmp(argv[1], "--version")) {
		printf("tenderplan %s\n", TP_VERSION);
		return cli_finish_stdout(CLI_EXIT_OK);
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].run(argc - 1, argv + 1);
	{
		char shown[512];
		fprintf(stderr,
			"tenderplan: unknown command '%s' (see 'tenderplan "
			"--help')\n",
			cli_escape(argv[1], shown, sizeof(shown)));
	}
	return CLI_EXIT_USAGE;
}
