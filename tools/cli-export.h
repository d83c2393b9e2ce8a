/* SPDX-License-Identifier: MIT */
/* `tenderplan export` (cmd-export.c). argv[0] is the command name. */
#ifndef TP_CLI_EXPORT_H
#define TP_CLI_EXPORT_H

int cli_cmd_export(int argc, char **argv);

#endif
