/* SPDX-License-Identifier: MIT */
/* Error reporting and option parsing shared by every command. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <tenderplan/tp-plan-xml.h>

#include "cli.h"
#include "text-private.h"

/* Characters that change how a terminal shows what follows: C0 and C1
 * controls (escape sequences) and the bidirectional controls (text that
 * reads differently from what it is, "Trojan Source"). */
static bool
hides_something(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x61c ||
	       cp == 0x200e || cp == 0x200f || (cp >= 0x202a && cp <= 0x202e) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

char *
cli_escape(const char *s, char *buf, size_t size)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), o = 0;

	if (size == 0)
		return buf;
	for (size_t i = 0; i < n && o + 1 < size;) {
		char esc[16];
		uint32_t cp = 0;
		size_t len = tp_utf8_next(p + i, n - i, &cp), k;

		if (len == 0)
			snprintf(esc, sizeof(esc), "\\x%02x", p[i]);
		else if (hides_something(cp))
			snprintf(esc, sizeof(esc),
				 cp < 0x80 ? "\\x%02x" : "\\u%04x",
				 (unsigned)cp);
		else
			esc[0] = '\0';
		if (!esc[0]) {
			if (o + len >= size)
				break;
			memcpy(buf + o, p + i, len);
			o += len;
		} else {
			k = strlen(esc);
			if (o + k >= size)
				break;
			memcpy(buf + o, esc, k);
			o += k;
		}
		i += len ? len : 1;
	}
	buf[o] = '\0';
	return buf;
}

/* Messages quote what the user gave (arguments, file names, text from
 * files): escaped, so that none of it can drive the terminal (#9). */
int
cli_usage_error(const char *cmd, const char *fmt, ...)
{
	char msg[1024], shown[4096];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	fprintf(stderr, "tenderplan %s: %s (see 'tenderplan %s --help')\n", cmd,
		cli_escape(msg, shown, sizeof(shown)), cmd);
	return CLI_EXIT_USAGE;
}

int
cli_lib_error(const struct tp_error *err)
{
	char buf[1024], shown[4096];

	tp_error_format(err, buf, sizeof(buf));
	fprintf(stderr, "tenderplan: %s\n",
		cli_escape(buf, shown, sizeof(shown)));
	return err->code == TP_ERR_NOMEM ? CLI_EXIT_FAIL : CLI_EXIT_USAGE;
}

enum tp_status
cli_error_at(struct tp_error *err, enum tp_status code, const char *source,
	     int line, const char *fmt, ...)
{
	va_list ap;

	tp_error_clear(err);
	err->code = code;
	err->line = line;
	snprintf(err->source, sizeof(err->source), "%s", source ? source : "");
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	return code;
}

int
cli_finish_stdout(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "tenderplan: cannot write the output: %s\n",
			strerror(errno));
		return CLI_EXIT_FAIL;
	}
	return status;
}

bool
cli_is_help(const char *arg)
{
	return !strcmp(arg, "--help") || !strcmp(arg, "-h");
}

bool
cli_parse_long(const char *s, long min, long max, long *out)
{
	char *end;
	long v;

	if (!*s || (*s != '-' && *s != '+' && (*s < '0' || *s > '9')))
		return false;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end || v < min || v > max)
		return false;
	*out = v;
	return true;
}

static const struct cli_option *
find_option(const struct cli_option *opts, const char *arg, size_t len)
{
	for (; opts && opts->name; opts++)
		if (strlen(opts->name) == len && !strncmp(opts->name, arg, len))
			return opts;
	return NULL;
}

/* Handle the option at argv[*i]; advances *i past its value. */
static int
parse_option(const char *cmd, int argc, char **argv, int *i,
	     const struct cli_option *opts, void *ctx)
{
	const char *arg = argv[*i], *eq = strchr(arg, '=');
	size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
	const struct cli_option *o = find_option(opts, arg, len);
	const char *value = eq ? eq + 1 : NULL;
	struct tp_error err;

	if (!o)
		return cli_usage_error(cmd, "unknown option '%.*s'", (int)len,
				       arg);
	if (!o->takes_value && value)
		return cli_usage_error(cmd, "option '%s' takes no value",
				       o->name);
	if (o->takes_value && !value) {
		if (*i + 1 >= argc)
			return cli_usage_error(cmd, "option '%s' needs a value",
					       o->name);
		value = argv[++*i];
	}
	if (o->handle(ctx, value, &err) != TP_OK)
		return cli_lib_error(&err);
	return CLI_EXIT_OK;
}

int
cli_parse(const char *cmd, int argc, char **argv, const struct cli_option *opts,
	  void *ctx, struct cli_args *out)
{
	bool options_done = false;
	int rc;

	out->help = false;
	out->n_pos = 0;
	out->pos = calloc((size_t)argc + 1, sizeof(*out->pos));
	if (!out->pos) {
		fputs("tenderplan: out of memory\n", stderr);
		return CLI_EXIT_FAIL;
	}
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (options_done || a[0] != '-' || !strcmp(a, "-") ||
		    (a[1] != '-' && a[1] != 'h')) {
			out->pos[out->n_pos++] = a;
		} else if (!strcmp(a, "--")) {
			options_done = true;
		} else if (cli_is_help(a)) {
			out->help = true;
		} else if ((rc = parse_option(cmd, argc, argv, &i, opts,
					      ctx))) {
			cli_args_free(out);
			return rc;
		}
	}
	return CLI_EXIT_OK;
}

void
cli_args_free(struct cli_args *args)
{
	free(args->pos);
	args->pos = NULL;
	args->n_pos = 0;
}

/* A tender under way (a date recorded as what happened) is forecast from
 * --today; a plan not yet started is only checked against it, so that a
 * latest start already past still shows. */
static void
forecast_from_today(struct tp_schedule_options *opt,
		    const struct tp_plan_doc *doc, const struct cli_today *today)
{
	opt->has_today = today && today->set &&
			 tp_plan_has_actuals(tp_plan_doc_plan_const(doc));
	if (opt->has_today)
		opt->today = today->date;
}

int
cli_load_schedule(const char *file, enum tp_schedule_mode mode,
		  struct tp_plan_doc **doc, struct tp_schedule **sched)
{
	return cli_load_schedule_today(file, mode, NULL, doc, sched);
}

int
cli_load_schedule_today(const char *file, enum tp_schedule_mode mode,
			const struct cli_today *today,
			struct tp_plan_doc **doc, struct tp_schedule **sched)
{
	struct tp_error err;

	struct tp_schedule_options opt;

	tp_schedule_options_init(&opt);
	opt.mode = mode;
	if (tp_plan_doc_read_file(file, 0, doc, &err) != TP_OK)
		return cli_lib_error(&err);
	forecast_from_today(&opt, *doc, today);
	if (tp_plan_doc_schedule(*doc, &opt, sched, &err) == TP_OK)
		return CLI_EXIT_OK;
	if (!err.source[0])
		snprintf(err.source, sizeof(err.source), "%s", file);
	tp_plan_doc_free(*doc);
	*doc = NULL;
	return cli_lib_error(&err);
}

bool
cli_single_file(const char *const *files, size_t n)
{
	struct stat st;
	return n == 1 && !(stat(files[0], &st) == 0 && S_ISDIR(st.st_mode));
}

void
cli_plans_free(struct cli_plans *p)
{
	for (size_t i = 0; p->scheds && i < p->n; i++)
		tp_schedule_free(p->scheds[i]);
	free(p->scheds);
	tp_plan_set_free(p->set);
	memset(p, 0, sizeof(*p));
}

int
cli_load_plans(const char *const *files, size_t n, enum tp_schedule_mode mode,
	       const struct cli_today *today, struct cli_plans *out)
{
	struct tp_error err;
	struct tp_schedule_options opt;
	struct cli_plans p = {0};

	tp_schedule_options_init(&opt);
	opt.mode = mode;
	if (tp_plan_set_read(files, n, 0, &p.set, &err) != TP_OK)
		return cli_lib_error(&err);
	p.scheds = calloc(tp_plan_set_count(p.set) + 1, sizeof(*p.scheds));
	if (!p.scheds) {
		tp_plan_set_free(p.set);
		fputs("tenderplan: out of memory\n", stderr);
		return CLI_EXIT_FAIL;
	}
	for (; p.n < tp_plan_set_count(p.set); p.n++) {
		struct tp_plan_doc *doc = tp_plan_set_doc(p.set, p.n);
		forecast_from_today(&opt, doc, today);
		if (tp_plan_doc_schedule(doc, &opt, &p.scheds[p.n], &err) ==
		    TP_OK)
			continue;
		if (!err.source[0])
			snprintf(err.source, sizeof(err.source), "%s",
				 tp_plan_set_path(p.set, p.n));
		cli_plans_free(&p);
		return cli_lib_error(&err);
	}
	*out = p;
	return CLI_EXIT_OK;
}

enum tp_status
cli_blame_option(enum tp_status rc, struct tp_error *err, const char *opt)
{
	if (rc != TP_OK && !err->source[0])
		snprintf(err->source, sizeof(err->source), "%s", opt);
	return rc;
}

void
cli_print_findings_summary(const struct tp_findings *f)
{
	int n[3] = {0, 0, 0};

	for (size_t i = 0; i < tp_findings_count(f); i++)
		n[tp_findings_get(f, i)->severity]++;
	printf("regime: %s; %d error%s, %d warning%s, %d info",
	       tp_regime_name(tp_findings_regime(f)), n[TP_SEVERITY_ERROR],
	       n[TP_SEVERITY_ERROR] == 1 ? "" : "s", n[TP_SEVERITY_WARNING],
	       n[TP_SEVERITY_WARNING] == 1 ? "" : "s", n[TP_SEVERITY_INFO]);
}

enum tp_status
cli_today_parse(const char *value, struct cli_today *t, struct tp_error *err)
{
	t->set = true;
	return cli_blame_option(
		tp_date_parse(value, (long)strlen(value), &t->date, err), err,
		"--today");
}

static enum tp_status
default_today(struct tp_date *out, struct tp_error *err)
{
	const char *env = getenv("TP_TODAY");

	if (env && *env)
		return cli_blame_option(
			tp_date_parse(env, (long)strlen(env), out, err), err,
			"TP_TODAY");
	return tp_date_today(TP_DEFAULT_TIME_ZONE, out, err);
}

enum tp_status
cli_today_date(const struct cli_today *t, struct tp_date *out,
	       struct tp_error *err)
{
	if (t && t->set) {
		*out = t->date;
		return TP_OK;
	}
	return default_today(out, err);
}

enum tp_status
cli_check(const struct tp_plan_doc *doc, const struct tp_schedule *s,
	  const struct cli_today *t, struct tp_findings **out,
	  struct tp_error *err)
{
	struct tp_check_options opt;
	enum tp_status rc = TP_OK;

	tp_check_options_init(&opt);
	opt.has_today = true;
	if (t && t->set)
		opt.today = t->date;
	else
		rc = default_today(&opt.today, err);
	if (rc == TP_OK)
		rc = tp_plan_check_with(s, tp_plan_doc_rules(doc), &opt, out,
					err);
	return rc;
}
