/* SPDX-License-Identifier: MIT */
/* The commands that change a plan file in place (cmd-set.c, cmd-edit.c,
 * cmd-import.c) and what they share (cli-edit.c): each command parses its
 * options, then cli_edit_run() opens the file, lets the command make its
 * changes through tp-plan-edit.h, checks the result, prints the changes
 * and their effect, and writes the file (not with --dry-run). A new
 * command is one more option table and one more change function. */
#ifndef TP_CLI_EDIT_H
#define TP_CLI_EDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "cli.h"

/* Make a command's changes on @edit; print the error (cli_lib_error())
 * and return its exit status, or return CLI_EXIT_OK. */
typedef int (*cli_edit_fn)(struct tp_plan_edit *edit, void *ctx);

/* Open @file, make the changes with @fn, read the result back as the
 * plan reader does and schedule it (a change that leaves a plan that
 * cannot be read, or scheduled when it could be before, is refused and
 * the file left as it was), print each change and its effect on the
 * latest day to advertise and the contract start, and unless @dry_run
 * replace the file atomically. @cmd names the command in messages.
 * @return the exit status. */
int cli_edit_run(const char *cmd, const char *file, bool dry_run,
		 cli_edit_fn fn, void *ctx);

/* Print an error of the library about a change ("tenderplan set: ...").
 * @return its exit status. */
int cli_edit_error(const char *cmd, const struct tp_error *err);

/* The value of a date option, naming @opt in the error. */
enum tp_status cli_date_value(const char *opt, const char *value,
			      struct tp_date *out, struct tp_error *err);

/* FROM..TO (both days included) or one DATE, naming @opt in the error. */
enum tp_status cli_range_value(const char *opt, const char *value,
			       struct tp_date *first, struct tp_date *last,
			       struct tp_error *err);

#define CLI_EDIT_OPTIONS_HELP                                                  \
	"  --dry-run           print the change and its effect; write nothing\n" \
	"  -h, --help          print this text\n"

#define CLI_EDIT_EXIT_HELP                                                     \
	"Exit status: 0 the plan was changed (or already said so); 2 bad\n"   \
	"arguments, or the change was refused and the file left as it was;\n" \
	"3 out of memory or the file could not be written.\n"

#define CLI_EDIT_ABOUT_HELP                                                    \
	"The file is changed in place, keeping its comments and layout; the\n" \
	"result is checked as 'tenderplan schedule' reads a plan before it is\n" \
	"written (atomically). Each change is printed, with its effect on the\n" \
	"latest day to advertise or the earliest contract start.\n"

/* ---- the commands ------------------------------------------------------- */

int cli_cmd_set(int argc, char **argv);

int cli_cmd_add_stage(int argc, char **argv);

int cli_cmd_remove_stage(int argc, char **argv);

int cli_cmd_link(int argc, char **argv);

int cli_cmd_unlink(int argc, char **argv);

int cli_cmd_closure(int argc, char **argv);

int cli_cmd_anchor(int argc, char **argv);

int cli_cmd_import(int argc, char **argv);

int cli_cmd_started(int argc, char **argv);

int cli_cmd_done(int argc, char **argv);

int cli_cmd_baseline(int argc, char **argv);

int cli_cmd_meeting(int argc, char **argv);

#endif
