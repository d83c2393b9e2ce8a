/* SPDX-License-Identifier: MIT */
/* tenderplan: the command-line program. Parses arguments, calls the
 * library, prints results and errors. Exit status: 0 success, 1 a negative
 * answer (is-working: not a working day; check: errors found), 2 bad input. */
#include <stdio.h>
#include <string.h>

#include <tenderplan/tenderplan.h>

static const char usage[] =
	"Usage: tenderplan COMMAND [OPTIONS]\n"
	"\n"
	"Commands:\n"
	"  --version   print the version\n"
	"  --help      this text\n";

int
main(int argc, char **argv)
{
	if (argc < 2) {
		fputs(usage, stderr);
		return 2;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		fputs(usage, stdout);
		return 0;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("tenderplan %s\n", TP_VERSION);
		return 0;
	}
	fprintf(stderr, "tenderplan: unknown command '%s' (try --help)\n",
		argv[1]);
	return 2;
}
