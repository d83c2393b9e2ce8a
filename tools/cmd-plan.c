/* SPDX-License-Identifier: MIT */
/* `tenderplan templates`, `tenderplan new` and `tenderplan schedule`:
 * plans from templates, and their schedules as a table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli-output.h"
#include "cli-plan.h"
#include "cli.h"

/* ---- templates ------------------------------------------------------ */

static const char templates_usage[] =
	"Usage: tenderplan templates\n"
	"\n"
	"List the built-in procedure templates, one per line: the id, a tab,\n"
	"the regime (pcr2006, pcr2015, pcsr2015, pa2023, psr2023 or none), a\n"
	"tab, a description. Use an id with 'tenderplan new'.\n";

int
cli_cmd_templates(int argc, char **argv)
{
	struct cli_args args;
	int rc = cli_parse("templates", argc, argv, NULL, NULL, &args);

	if (rc)
		return rc;
	if (args.help) {
		cli_args_free(&args);
		fputs(templates_usage, stdout);
		return cli_finish_stdout(CLI_EXIT_OK);
	}
	if (args.n_pos) {
		cli_args_free(&args);
		return cli_usage_error("templates", "unexpected argument");
	}
	cli_args_free(&args);
	for (size_t i = 0; i < tp_template_count(); i++)
		printf("%s\t%s\t%s\n", tp_template_id(i),
		       tp_template_regime(i), tp_template_description(i));
	return cli_finish_stdout(CLI_EXIT_OK);
}

/* ---- new ------------------------------------------------------------ */

static const char new_usage[] =
	"Usage: tenderplan new TEMPLATE (--start DATE | --contract-start DATE)\n"
	"                      [--region R] [--name NAME] [--id ID]\n"
	"                      [-o FILE [--force]]\n"
	"\n"
	"Write a plan file made from TEMPLATE (see 'tenderplan templates'),\n"
	"scheduled forward from the advert on --start or backward from the\n"
	"required --contract-start (both may be given).\n"
	"\n"
	"Options:\n"
	"  --start DATE           the first day of the plan (YYYY-MM-DD)\n"
	"  --contract-start DATE  the day the contract must start\n"
	"  --region R             where the authority is: england-and-wales,\n"
	"                         scotland or northern-ireland set the\n"
	"                         calendar and the rules' jurisdiction (PCR\n"
	"                         and PA 2023 templates are not for Scotland,\n"
	"                         PCSR 2015 ones only for it); uk and none\n"
	"                         set the calendar only (default: the\n"
	"                         template's)\n"
	"  --name NAME            the plan's name\n"
	"  --id ID                the plan's id (letters, digits, '-', '_',\n"
	"                         '.'): calendar events are known by it, so\n"
	"                         each tender needs its own. Default: made\n"
	"                         from --name ('Children's centres 2027' gives\n"
	"                         childrens-centres-2027); without --name, a\n"
	"                         new one of the form tender-DATE-XXXXXXXX\n"
	"  -o, --output FILE      write FILE (atomically) instead of standard\n"
	"                         output; an existing file is refused\n"
	"  --force                replace FILE if it exists\n"
	"  -h, --help             print this text\n"
	"\n"
	"Exit status: 0 success; 2 bad arguments or an existing output; 3 out\n"
	"of memory or output error.\n";

struct new_opts {
	bool has_start, has_cs, has_region, force;
	struct tp_date start, cs;
	enum tp_region region;
	const char *name, *output, *id;
};

static enum tp_status
date_value(const char *opt, const char *value, struct tp_date *out,
	   struct tp_error *err)
{
	return cli_blame_option(
		tp_date_parse(value, (long)strlen(value), out, err), err, opt);
}

static enum tp_status
new_start(void *ctx, const char *value, struct tp_error *err)
{
	struct new_opts *o = ctx;

	o->has_start = true;
	return date_value("--start", value, &o->start, err);
}

static enum tp_status
new_cs(void *ctx, const char *value, struct tp_error *err)
{
	struct new_opts *o = ctx;

	o->has_cs = true;
	return date_value("--contract-start", value, &o->cs, err);
}

static enum tp_status
new_region(void *ctx, const char *value, struct tp_error *err)
{
	struct new_opts *o = ctx;
	enum tp_status rc = tp_region_from_name(value, &o->region, err);

	o->has_region = true;
	return cli_blame_option(rc, err, "--region");
}

static enum tp_status
new_name(void *ctx, const char *value, struct tp_error *err)
{
	((struct new_opts *)ctx)->name = value;
	return TP_OK;
}

static enum tp_status
new_output(void *ctx, const char *value, struct tp_error *err)
{
	((struct new_opts *)ctx)->output = value;
	return TP_OK;
}

static enum tp_status
new_id(void *ctx, const char *value, struct tp_error *err)
{
	((struct new_opts *)ctx)->id = value;
	return TP_OK;
}

static enum tp_status
new_force(void *ctx, const char *value, struct tp_error *err)
{
	((struct new_opts *)ctx)->force = true;
	return TP_OK;
}

static const struct cli_option new_options[] = {
	{"--start", true, new_start},   {"--contract-start", true, new_cs},
	{"--region", true, new_region}, {"--name", true, new_name},
	{"--output", true, new_output}, {"--id", true, new_id},
	{"--force", false, new_force},  {NULL, false, NULL},
};

/* ---- the plan id: never the template's, which every tender from it
 * would share (and with it every calendar UID) ---------------------- */

#define SLUG_MAX 63

/* ASCII for the Latin-1 letters (U+00C0-U+00FF) and Welsh w and y with
 * circumflex (U+0174-U+0177); "" for a separator. */
static const char *
ascii_of(unsigned cp)
{
	static const char *const latin1[64] = {
		"a", "a", "a", "a", "a", "a",  "ae", "c",  "e",  "e",  "e",
		"e", "i", "i", "i", "i", "d",  "n",  "o",  "o",  "o",  "o",
		"o", "",  "o", "u", "u", "u",  "u",  "y",  "th", "ss", "a",
		"a", "a", "a", "a", "a", "ae", "c",  "e",  "e",  "e",  "e",
		"i", "i", "i", "i", "d", "n",  "o",  "o",  "o",  "o",  "o",
		"",  "o", "u", "u", "u", "u",  "y",  "th", "y"};
	if (cp >= 0xC0 && cp <= 0xFF)
		return latin1[cp - 0xC0];
	if (cp >= 0x174 && cp <= 0x177)
		return cp < 0x176 ? "w" : "y";
	return "";
}

/* The next code point of UTF-8 text at *p (an invalid byte: itself as
 * U+FFFD, so a separator). */
static unsigned
next_cp(const unsigned char **p)
{
	const unsigned char *s = *p;
	unsigned cp = 0xFFFD;
	int n = s[0] >= 0xF0 ? 3 : s[0] >= 0xE0 ? 2 : s[0] >= 0xC0 ? 1 : 0;

	if (s[0] < 0x80) {
		*p = s + 1;
		return s[0];
	}
	for (int i = 1; i <= n; i++)
		if ((s[i] & 0xC0) != 0x80) {
			*p = s + 1;
			return 0xFFFD;
		}
	if (n > 0) {
		cp = s[0] & (0x3F >> n);
		for (int i = 1; i <= n; i++)
			cp = cp << 6 | (s[i] & 0x3F);
	}
	*p = s + (n > 0 ? n + 1 : 1);
	return cp;
}

static void
slug_put(char *out, size_t *len, bool *sep, const char *piece)
{
	size_t n = strlen(piece);

	if (*sep && *len > 0 && *len + 1 + n <= SLUG_MAX)
		out[(*len)++] = '-';
	*sep = false;
	if (*len + n <= SLUG_MAX) {
		memcpy(out + *len, piece, n);
		*len += n;
	}
}

/* A readable id from a name: lower-case ASCII letters and digits, runs of
 * anything else one '-', apostrophes dropped, '&' "and", accented Latin
 * letters without their accents; at most 63 bytes. "" if nothing is
 * left. */
static void
slug_of(const char *name, char out[SLUG_MAX + 1])
{
	const unsigned char *p = (const unsigned char *)name;
	size_t len = 0;
	bool sep = false;

	while (*p) {
		unsigned cp = next_cp(&p);
		char c[2] = {(char)cp, 0};
		if (cp == '\'' || cp == 0x2019)
			continue;
		if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
			slug_put(out, &len, &sep, c);
		else if (cp >= 'A' && cp <= 'Z')
			c[0] = (char)(cp - 'A' + 'a'),
			slug_put(out, &len, &sep, c);
		else if (cp == '&')
			sep = true, slug_put(out, &len, &sep, "and"),
			sep = true;
		else if (*ascii_of(cp))
			slug_put(out, &len, &sep, ascii_of(cp));
		else
			sep = true;
	}
	out[len] = '\0';
}

/* tender-YYYY-MM-DD-XXXXXXXX: the anchor date and 32 random bits. */
static void
generated_id(const struct new_opts *o, char out[SLUG_MAX + 1])
{
	char date[TP_DATE_STRLEN];
	unsigned char r[4] = {0};
	FILE *f = fopen("/dev/urandom", "rb");

	if (!f || fread(r, 1, sizeof(r), f) != sizeof(r)) {
		unsigned long v = (unsigned long)time(NULL) ^
				  (unsigned long)getpid() << 12 ^
				  (unsigned long)clock();
		memcpy(r, &v, sizeof(r));
	}
	if (f)
		fclose(f);
	tp_date_format(o->has_start ? o->start : o->cs, date);
	snprintf(out, SLUG_MAX + 1, "tender-%s-%02x%02x%02x%02x", date, r[0],
		 r[1], r[2], r[3]);
}

static enum tp_status
set_plan_id(struct tp_plan *plan, const struct new_opts *o,
	    struct tp_error *err)
{
	char id[SLUG_MAX + 1] = "";

	if (o->id)
		return cli_blame_option(tp_plan_set_id(plan, o->id, err), err,
					"--id");
	if (o->name)
		slug_of(o->name, id);
	if (!*id) {
		generated_id(o, id);
		fprintf(stderr,
			"tenderplan new: note: the plan id is %s (give --name "
			"or --id for a readable one)\n",
			id);
	}
	return tp_plan_set_id(plan, id, err);
}

static enum tp_status
apply_new_opts(struct tp_plan_doc *doc, const struct new_opts *o,
	       struct tp_error *err)
{
	struct tp_plan *plan = tp_plan_doc_plan(doc);
	enum tp_status rc = TP_OK;

	if (o->has_region)
		rc = cli_blame_option(tp_template_set_region(doc, o->region, err),
				      err, "--region");
	if (rc == TP_OK && o->name)
		rc = tp_plan_set_name(plan, o->name, err);
	if (rc == TP_OK)
		rc = set_plan_id(plan, o, err);
	if (rc == TP_OK && o->has_start)
		rc = tp_plan_set_start_date(plan, o->start, err);
	if (rc == TP_OK && o->has_cs)
		rc = tp_plan_set_contract_start(plan, o->cs, err);
	return rc;
}

static int
write_stdout(const struct tp_plan_doc *doc)
{
	struct tp_error err;
	char *data = NULL;
	size_t len = 0;

	if (tp_plan_doc_write_memory(doc, &data, &len, &err) != TP_OK)
		return cli_lib_error(&err);
	fwrite(data, 1, len, stdout);
	free(data);
	return cli_finish_stdout(CLI_EXIT_OK);
}

static int
write_plan_file(const struct tp_plan_doc *doc, const struct new_opts *o)
{
	struct tp_write_options wo;
	struct tp_error err;

	cli_write_options(&wo, o->force);
	cli_signals_install();
	if (tp_plan_doc_write_file_opts(doc, o->output, &wo, &err) != TP_OK)
		return cli_write_error(&err);
	return CLI_EXIT_OK;
}

static int
run_new(const char *id, const struct new_opts *o)
{
	struct tp_plan_doc *doc = NULL;
	struct tp_error err;
	int rc = cli_output_check("new", o->output, NULL, 0,
				  CLI_REFUSE_EXISTING, o->force);

	if (rc != CLI_EXIT_OK)
		return rc;
	if (tp_template_new(id, &doc, &err) != TP_OK ||
	    apply_new_opts(doc, o, &err) != TP_OK)
		rc = cli_lib_error(&err);
	else if (!o->output || !strcmp(o->output, "-"))
		rc = write_stdout(doc);
	else
		rc = write_plan_file(doc, o);
	tp_plan_doc_free(doc);
	return rc;
}

/* cli_parse() takes "-o" for an argument: spell it "--output". */
static char **
expand_short(int argc, char **argv)
{
	char **copy = calloc((size_t)argc + 1, sizeof(*copy));

	for (int i = 0; copy && i < argc; i++)
		copy[i] = strcmp(argv[i], "-o") ? argv[i] : (char *)"--output";
	return copy;
}

int
cli_cmd_new(int argc, char **argv)
{
	struct new_opts o = {0};
	struct cli_args args = {0};
	char **av = expand_short(argc, argv);
	int rc;

	if (!av) {
		fputs("tenderplan: out of memory\n", stderr);
		return CLI_EXIT_FAIL;
	}
	rc = cli_parse("new", argc, av, new_options, &o, &args);
	if (rc)
		goto out;
	if (args.help) {
		fputs(new_usage, stdout);
		rc = cli_finish_stdout(CLI_EXIT_OK);
	} else if (args.n_pos != 1) {
		rc = cli_usage_error("new", "give one template id");
	} else if (!o.has_start && !o.has_cs) {
		rc = cli_usage_error("new", "give --start or --contract-start");
	} else {
		rc = run_new(args.pos[0], &o);
	}
	cli_args_free(&args);
out:
	free(av);
	return rc;
}
