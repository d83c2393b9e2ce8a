/* SPDX-License-Identifier: MIT */
/**
 * @file tp-output.h
 * How the library writes a file: tp_export_to_file(),
 * tp_export_portfolio_to_file(), tp_plan_doc_write_file_opts() and
 * tp_plan_file_revise() all follow these rules, so that nothing a user
 * made is lost by accident.
 *
 * - A regular file, old or new, is written whole to a temporary file
 *   "<name>.tmp-XXXXXX" in the same directory, flushed to disk and renamed
 *   over the old one: a reader sees the old file or the new one, never a
 *   part. On any failure the temporary file is removed and the old file is
 *   left as it was.
 * - A new file gets mode 0666 less the process's umask (and the
 *   directory's default ACL), as the shell's ">" gives. A replaced file
 *   keeps its mode and, where the process may set them, its owner and
 *   group.
 * - A symbolic link is followed (through a chain of them): its target is
 *   replaced, with the temporary file beside the target, and the link
 *   stays a link. A link to nothing creates its target.
 * - A character device (/dev/null, /dev/full, a terminal), a FIFO or a
 *   socket is written to directly and never replaced; so is a file reached
 *   through /proc (/dev/stdout, /dev/fd/N, /proc/self/fd/N), which is
 *   appended to as the shell's redirection left it. These writes are not
 *   atomic: a reader may see part of the output if the write fails.
 * - Refused (TP_ERR_REFUSED, the file untouched) unless TP_WRITE_FORCE is
 *   given: a read-only file (no write permission bit, or not writable by
 *   this process), and a file with more than one hard link (a new file
 *   renamed over this name would leave the other names with the old
 *   content; with the flag, this name gets the new file and the other
 *   names keep the old one).
 * - A directory is refused (TP_ERR_IO).
 *
 * The library installs no signal handler. A program that wants to remove
 * the temporary file when it is interrupted learns its name from
 * @c temp_file below, keeps a copy, and unlinks it in its handler.
 *
 * NULL pointer arguments give TP_ERR_INVALID, or a getter's empty value
 * (NULL, 0, false, day 0), as tp-common.h says; exceptions are noted at
 * the function.
 */
#ifndef TP_OUTPUT_H
#define TP_OUTPUT_H

#include "tp-common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Flags of struct tp_write_options. */
enum tp_write_flags {
	/** Replace a read-only file or one with several hard links. */
	TP_WRITE_FORCE = 1u << 0,
};

/** How to write a file. Initialise with tp_write_options_init(). */
struct tp_write_options {
	/** TP_WRITE_* flags. */
	unsigned flags;
	/**
	 * Called, if not NULL, with the temporary file's path as soon as it
	 * exists, and with NULL once it no longer does (renamed into place or
	 * removed). The path is valid only during the call: copy it. Called
	 * from the writing thread, never from a signal handler.
	 */
	void (*temp_file)(const char *path, void *user);
	/** Passed to @c temp_file. */
	void *user;
	/** Room to grow without an ABI break. */
	unsigned char reserved[32];
};

/** Set @p opt to the defaults: no flags, no callback. */
TP_EXPORT void tp_write_options_init(struct tp_write_options *opt);

#ifdef __cplusplus
}
#endif
#endif
