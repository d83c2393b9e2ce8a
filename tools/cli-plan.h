/* SPDX-License-Identifier: MIT */
/* The plan commands of the tenderplan program (cmd-plan.c,
 * cmd-schedule.c). argv[0] is the command name. */
#ifndef TP_CLI_PLAN_H
#define TP_CLI_PLAN_H

int cli_cmd_templates(int argc, char **argv);

int cli_cmd_new(int argc, char **argv);

int cli_cmd_schedule(int argc, char **argv);

#endif
