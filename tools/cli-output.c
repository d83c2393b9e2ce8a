/* SPDX-License-Identifier: MIT */
/* What the program refuses to overwrite, and the temporary file removed
 * when it is interrupted: see cli-output.h. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/xmlreader.h>

#include "cli-output.h"
#include "cli.h"

/* ---- refusals ----------------------------------------------------------- */

/* True if the file at @p path starts with a <plan> element in the plan
 * namespace: a plan file, valid or not. Only its head is read. */
static bool
is_plan_file(const char *path)
{
	char buf[64 * 1024];
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	ssize_t n = fd >= 0 ? read(fd, buf, sizeof(buf)) : -1;
	xmlTextReaderPtr r;
	bool plan = false;

	if (fd >= 0)
		close(fd);
	if (n <= 0)
		return false;
	r = xmlReaderForMemory(buf, (int)n, path, NULL,
			       XML_PARSE_NONET | XML_PARSE_NOERROR |
				       XML_PARSE_NOWARNING);
	while (r && xmlTextReaderRead(r) == 1) {
		const xmlChar *ns, *name;
		if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT)
			continue;
		name = xmlTextReaderConstLocalName(r);
		ns = xmlTextReaderConstNamespaceUri(r);
		plan = name && ns && !strcmp((const char *)name, "plan") &&
		       !strcmp((const char *)ns, TP_PLAN_XML_NS);
		break;
	}
	xmlFreeTextReader(r);
	return plan;
}

static int
refused(const char *cmd, const char *output, const char *why)
{
	fprintf(stderr,
		"tenderplan %s: %s: %s; not overwritten (give another -o, or "
		"--force to replace it)\n",
		cmd, output, why);
	return CLI_EXIT_USAGE;
}

int
cli_output_check(const char *cmd, const char *output, const char *const *inputs,
		 size_t n_inputs, unsigned refuse, bool force)
{
	struct stat out, in;

	if (force || !output || !strcmp(output, "-") ||
	    stat(output, &out) != 0 || !S_ISREG(out.st_mode))
		return CLI_EXIT_OK;
	for (size_t i = 0; (refuse & CLI_REFUSE_INPUTS) && i < n_inputs; i++)
		if (inputs[i] && stat(inputs[i], &in) == 0 &&
		    in.st_dev == out.st_dev && in.st_ino == out.st_ino)
			return refused(cmd, output,
				       strcmp(inputs[i], output)
					       ? "the same file as an input"
					       : "it is an input of this "
						 "command");
	if (refuse & CLI_REFUSE_EXISTING)
		return refused(cmd, output, "the file exists");
	if ((refuse & CLI_REFUSE_PLAN) && is_plan_file(output))
		return refused(cmd, output, "it is a plan file");
	return CLI_EXIT_OK;
}

int
cli_write_error(const struct tp_error *err)
{
	char buf[1024];

	if (err->code == TP_ERR_REFUSED) {
		fprintf(stderr, "tenderplan: %s (--force to replace it)\n",
			tp_error_format(err, buf, sizeof(buf)));
		return CLI_EXIT_USAGE;
	}
	cli_lib_error(err);
	return err->code == TP_ERR_IO ? CLI_EXIT_FAIL : CLI_EXIT_USAGE;
}

/* ---- the temporary file and signals ------------------------------------ */

/* The temporary file being written, for the signal handlers: the name is
 * copied in full before @c temp_armed is set, and @c temp_armed is cleared
 * before the name changes, so a handler sees a whole name or none. */
static char temp_path[PATH_MAX + 32];
static volatile sig_atomic_t temp_armed;

#ifdef TP_CLI_TEST_HOOKS
/* Test builds only (tools/meson.build: tenderplan-test-hooks): with
 * TP_TEST_STALL_FILE set, write the temporary file's name there and wait
 * for a signal, so that a test can interrupt a write in progress. */
static void
stall_for_test(const char *path)
{
	const char *note = getenv("TP_TEST_STALL_FILE");
	FILE *f = note ? fopen(note, "w") : NULL;

	if (!f)
		return;
	fprintf(f, "%s\n", path);
	fclose(f);
	for (;;)
		pause();
}
#endif

static void
on_temp_file(const char *path, void *user)
{
	(void)user;
	temp_armed = 0;
	atomic_signal_fence(memory_order_seq_cst);
	if (!path || strlen(path) >= sizeof(temp_path))
		return;
	memcpy(temp_path, path, strlen(path) + 1);
	atomic_signal_fence(memory_order_seq_cst); /* the name, then the flag */
	temp_armed = 1;
#ifdef TP_CLI_TEST_HOOKS
	stall_for_test(path);
#endif
}

void
cli_write_options(struct tp_write_options *wo, bool force)
{
	tp_write_options_init(wo);
	wo->flags = force ? TP_WRITE_FORCE : 0;
	wo->temp_file = on_temp_file;
}

/* Async-signal-safe: unlink(), sigaction() and raise() only. */
static void
on_signal(int sig)
{
	struct sigaction dfl;

	if (temp_armed)
		unlink(temp_path);
	temp_armed = 0;
	memset(&dfl, 0, sizeof(dfl));
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(sig, &dfl, NULL);
	raise(sig);
}

void
cli_signals_install(void)
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigfillset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		struct sigaction old;
		/* a signal ignored by whoever started us stays ignored */
		if (sigaction(sigs[i], NULL, &old) == 0 &&
		    old.sa_handler == SIG_IGN)
			continue;
		sigaction(sigs[i], &sa, NULL);
	}
}

/* ---- SOURCE_DATE_EPOCH -------------------------------------------------- */

int
cli_source_date_epoch(const char *cmd, int64_t *out)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	long v;

	if (!s || !*s)
		return 0;
	/* at most 9999-12-31: seconds, digits only */
	if (*s == '-' || *s == '+' ||
	    !cli_parse_long(s, 0, 253402300799L, &v)) {
		fprintf(stderr,
			"tenderplan %s: SOURCE_DATE_EPOCH='%s' is not a number "
			"of seconds since 1970-01-01\n",
			cmd, s);
		return -1;
	}
	*out = v;
	return 1;
}
