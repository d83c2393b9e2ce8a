/* SPDX-License-Identifier: MIT */
/* Output safety for the commands that write files (cli-output.c): what the
 * program refuses to overwrite, the temporary file removed on SIGINT,
 * SIGTERM and SIGHUP, and SOURCE_DATE_EPOCH. The library's own rules
 * (tp-output.h) apply underneath. */
#ifndef TP_CLI_OUTPUT_H
#define TP_CLI_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <tenderplan/tenderplan.h>

/* What to refuse in cli_output_check(). */
enum cli_refuse {
	CLI_REFUSE_INPUTS = 1u << 0,   /* the output is one of the inputs */
	CLI_REFUSE_PLAN = 1u << 1,     /* the output is an existing plan file */
	CLI_REFUSE_EXISTING = 1u << 2, /* any existing regular file */
};

/* Check the output path @p output of command @p cmd before anything is
 * written: the same file (device and inode, links followed) as one of the
 * @p n_inputs paths in @p inputs (NULL entries skipped), an existing plan
 * file, or any existing file, as @p refuse says. Devices and FIFOs are
 * never refused. With @p force nothing is refused. Prints the refusal
 * (naming the file and --force). @return CLI_EXIT_OK or CLI_EXIT_USAGE. */
int cli_output_check(const char *cmd, const char *output,
		     const char *const *inputs, size_t n_inputs,
		     unsigned refuse, bool force);

/* Write options for the library: TP_WRITE_FORCE with @p force, and the
 * temporary file recorded for the signal handlers. */
void cli_write_options(struct tp_write_options *wo, bool force);

/* Install the SIGINT, SIGTERM and SIGHUP handlers that remove the
 * temporary file being written (if any) and die of the signal. */
void cli_signals_install(void);

/* SOURCE_DATE_EPOCH: 1 and the seconds in @p out if set, 0 if not set,
 * -1 (after printing why) if it is not a number of seconds. */
int cli_source_date_epoch(const char *cmd, int64_t *out);

/* Print the library's error for a failed write and return its exit status:
 * 3 for an I/O error, 2 (with a hint at --force) for a refusal. */
int cli_write_error(const struct tp_error *err);

#endif
