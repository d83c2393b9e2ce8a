/* SPDX-License-Identifier: MIT */
/* `tenderplan revise` (cmd-revise.c). argv[0] is the command name. */
#ifndef TP_CLI_REVISE_H
#define TP_CLI_REVISE_H

int cli_cmd_revise(int argc, char **argv);

#endif
