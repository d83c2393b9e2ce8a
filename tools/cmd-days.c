/* SPDX-License-Identifier: MIT */
/* `tenderplan days add|between|is-working`: working-day arithmetic. The
 * conventions (what "add" and "between" count) are those of tp-calendar.h. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char days_usage[] =
	"Usage: tenderplan days SUBCOMMAND ARGUMENTS [OPTIONS]\n"
	"\n"
	"Working-day arithmetic on a UK calendar (weekends, bank holidays,\n"
	"Christmas Day and Good Friday, closures). Dates are YYYY-MM-DD.\n"
	"\n"
	"Subcommands:\n"
	"  add DATE N        the N-th working day after DATE\n"
	"  between A B       the working days from A (included) to B\n"
	"  is-working DATE   exit 0 if DATE is a working day, 1 if not\n"
	"\n"
	"Run 'tenderplan days SUBCOMMAND --help' for its options.\n";

static const char add_usage[] =
	"Usage: tenderplan days add DATE N [OPTIONS]\n"
	"       tenderplan days add - [OPTIONS] < PAIRS\n"
	"\n"
	"Print the N-th working day after DATE, DATE itself not counted. A\n"
	"negative N counts back; N = 0 gives DATE if it is a working day, else\n"
	"the next working day. With '-' instead of DATE N, read 'DATE N' pairs\n"
	"from standard input, one per line, and print one date per line.\n"
	"\n"
	"Options:\n" CLI_CALENDAR_OPTIONS_HELP
	"  --explain            also list each non-working day skipped, and why\n"
	"  -h, --help           print this text\n"
	"\n"
	"Exit status: 0 success; 2 bad arguments or input (for a bad line on\n"
	"standard input, its number is printed); 3 out of memory or output\n"
	"error.\n";

static const char between_usage[] =
	"Usage: tenderplan days between A B [OPTIONS]\n"
	"       tenderplan days between - [OPTIONS] < PAIRS\n"
	"\n"
	"Print the number of working days d with A <= d < B (minus the count\n"
	"from B to A when B is before A). With '-' instead of A B, read 'A B'\n"
	"pairs from standard input, one per line, and print one number per\n"
	"line.\n"
	"\n"
	"Options:\n" CLI_CALENDAR_OPTIONS_HELP
	"  --explain            also list the non-working days in the span\n"
	"  -h, --help           print this text\n"
	"\n"
	"Exit status: 0 success; 2 bad arguments or input (for a bad line on\n"
	"standard input, its number is printed); 3 out of memory or output\n"
	"error.\n";

static const char is_working_usage[] =
	"Usage: tenderplan days is-working DATE [OPTIONS]\n"
	"\n"
	"Exit with status 0 if DATE is a working day and 1 if it is not.\n"
	"\n"
	"Options:\n" CLI_CALENDAR_OPTIONS_HELP
	"  --explain            print DATE and why it is or is not a working\n"
	"                       day\n"
	"  -h, --help           print this text\n"
	"\n"
	"Exit status: 0 a working day; 1 not a working day; 2 bad arguments;\n"
	"3 out of memory.\n";

/* ---- arguments ---------------------------------------------------------- */

static int
date_arg(const char *cmd, const char *what, const char *arg,
	 struct tp_date *out)
{
	struct tp_error err;

	if (tp_date_parse(arg, -1, out, &err))
		return cli_usage_error(cmd, "%s '%s': %s", what, arg,
				       err.message);
	return CLI_EXIT_OK;
}

static int
count_arg(const char *cmd, const char *arg, int32_t *out)
{
	if (!cli_parse_int32(arg, strlen(arg), out))
		return cli_usage_error(cmd,
				       "N '%s' is not a whole number of "
				       "days",
				       arg);
	return CLI_EXIT_OK;
}

static int
build(const struct cli_calendar_opts *o, struct tp_calendar **cal)
{
	struct tp_error err;

	if (cli_calendar_build(o, cal, &err))
		return cli_lib_error(&err);
	return CLI_EXIT_OK;
}

/* The calendar for a single call about the years @p y0 to @p y1 (#11):
 * built for those years with a year to spare on either side, or for the
 * whole range if @p fits (run on the narrow calendar) says it is too
 * short. */
static int
build_for(const struct cli_calendar_opts *o, int y0, int y1,
	  bool (*fits)(const struct tp_calendar *cal, const void *arg),
	  const void *arg, struct tp_calendar **cal)
{
	struct tp_error err;
	bool narrow = false;

	if (cli_calendar_build_years(o, y0 - 1, y1 + 1, cal, &narrow, &err))
		return cli_lib_error(&err);
	if (!narrow || fits(*cal, arg))
		return CLI_EXIT_OK;
	tp_calendar_free(*cal);
	*cal = NULL;
	return build(o, cal);
}

static int
year_of(struct tp_date d)
{
	int y = 0, m, dd;
	tp_date_to_ymd(d, &y, &m, &dd);
	return y;
}

/* List the non-working days in [lo, hi) when --explain is given. */
static int
explain(const struct cli_calendar_opts *o, const struct tp_calendar *cal,
	struct tp_date lo, struct tp_date hi)
{
	struct tp_error err;

	if (!o->explain)
		return CLI_EXIT_OK;
	hi.day--;
	if (cli_explain_range(cal, lo, hi, &err))
		return cli_lib_error(&err);
	return CLI_EXIT_OK;
}

/* ---- add ---------------------------------------------------------------- */

static int
add_print(const struct cli_calendar_opts *o, const struct tp_calendar *cal,
	  struct tp_date d, int32_t n)
{
	struct tp_date r, lo, hi;
	struct tp_error err;
	char buf[TP_DATE_STRLEN];

	if (tp_calendar_add_working_days(cal, d, n, &r, &err))
		return cli_lib_error(&err);
	printf("%s\n", tp_date_format(r, buf));
	/* The days skipped lie strictly between d and r; with n = 0, d
	 * itself was skipped if r moved on from it. */
	lo = r.day < d.day ? r : d;
	hi = r.day < d.day ? d : r;
	lo.day += n != 0;
	return explain(o, cal, lo, hi);
}

struct add_arg {
	struct tp_date d;
	int32_t n;
};

/* The sum lands inside the calendar, the days skipped too. */
static bool
add_fits(const struct tp_calendar *cal, const void *arg)
{
	const struct add_arg *a = arg;
	struct tp_date r;
	return tp_calendar_add_working_days(cal, a->d, a->n, &r, NULL) ==
		       TP_OK &&
	       r.day > tp_calendar_first_day(cal).day &&
	       r.day < tp_calendar_last_day(cal).day;
}

static int
add_single(const char *cmd, const struct cli_calendar_opts *o,
	   const char **args)
{
	struct tp_calendar *cal = NULL;
	struct tp_date d;
	int32_t n;
	int rc = date_arg(cmd, "DATE", args[0], &d);

	if (!rc)
		rc = count_arg(cmd, args[1], &n);
	if (!rc) {
		/* 200 working days a year or more, with room. */
		struct add_arg a = {d, n};
		int span = (int)((n < 0 ? -(int64_t)n : n) / 200);
		int y = year_of(d);
		rc = build_for(o, n < 0 ? y - span : y, n < 0 ? y : y + span,
			       add_fits, &a, &cal);
	}
	if (!rc)
		rc = add_print(o, cal, d, n);
	tp_calendar_free(cal);
	return rc;
}

static enum tp_status
add_line(const struct tp_calendar *cal, const char *line, size_t len,
	 char **out, struct tp_error *err)
{
	const char *f1, *f2;
	size_t l1, l2;
	struct tp_date d;
	int32_t n;
	enum tp_status rc;

	if (!cli_split2(line, len, &f1, &l1, &f2, &l2))
		return cli_error_at(err, TP_ERR_PARSE, NULL, 0,
				    "expected 'DATE N', got '%.*s'",
				    (int)(len > 40 ? 40 : len), line);
	if ((rc = tp_date_parse(f1, (long)l1, &d, err)))
		return rc;
	if (!cli_parse_int32(f2, l2, &n))
		return cli_error_at(err, TP_ERR_PARSE, NULL, 0,
				    "'%.*s' is not a whole number of days",
				    (int)(l2 > 40 ? 40 : l2), f2);
	if ((rc = tp_calendar_add_working_days(cal, d, n, &d, err)))
		return rc;
	*out = cli_put_date(*out, d);
	*(*out)++ = '\n';
	return TP_OK;
}

/* ---- between ------------------------------------------------------------ */

static int
between_print(const struct cli_calendar_opts *o, const struct tp_calendar *cal,
	      struct tp_date a, struct tp_date b)
{
	struct tp_error err;
	int32_t n;

	if (tp_calendar_working_days_between(cal, a, b, &n, &err))
		return cli_lib_error(&err);
	printf("%ld\n", (long)n);
	return b.day < a.day ? explain(o, cal, b, a) : explain(o, cal, a, b);
}

static int
between_single(const char *cmd, const struct cli_calendar_opts *o,
	       const char **args)
{
	struct tp_calendar *cal = NULL;
	struct tp_date a, b;
	int rc = date_arg(cmd, "A", args[0], &a);

	if (!rc)
		rc = date_arg(cmd, "B", args[1], &b);
	if (!rc)
		rc = build(o, &cal);
	if (!rc)
		rc = between_print(o, cal, a, b);
	tp_calendar_free(cal);
	return rc;
}

static enum tp_status
between_line(const struct tp_calendar *cal, const char *line, size_t len,
	     char **out, struct tp_error *err)
{
	const char *f1, *f2;
	size_t l1, l2;
	struct tp_date a, b;
	int32_t n;
	enum tp_status rc;

	if (!cli_split2(line, len, &f1, &l1, &f2, &l2))
		return cli_error_at(err, TP_ERR_PARSE, NULL, 0,
				    "expected 'A B', got '%.*s'",
				    (int)(len > 40 ? 40 : len), line);
	if ((rc = tp_date_parse(f1, (long)l1, &a, err)) ||
	    (rc = tp_date_parse(f2, (long)l2, &b, err)) ||
	    (rc = tp_calendar_working_days_between(cal, a, b, &n, err)))
		return rc;
	*out = cli_put_int(*out, n);
	*(*out)++ = '\n';
	return TP_OK;
}

/* ---- is-working --------------------------------------------------------- */

static int
is_working_print(const struct cli_calendar_opts *o,
		 const struct tp_calendar *cal, struct tp_date d)
{
	struct tp_day_info info;
	struct tp_error err;
	char buf[TP_DATE_STRLEN], why[512];

	if (tp_calendar_day_info(cal, d, &info, &err))
		return cli_lib_error(&err);
	if (o->explain)
		printf("%s %s\n", tp_date_format(d, buf),
		       cli_describe_day(d, &info, why, sizeof(why)));
	return info.working ? CLI_EXIT_OK : CLI_EXIT_NO;
}

static int
is_working_single(const char *cmd, const struct cli_calendar_opts *o,
		  const char **args)
{
	struct tp_calendar *cal = NULL;
	struct tp_date d;
	int rc = date_arg(cmd, "DATE", args[0], &d);

	if (!rc)
		rc = build(o, &cal);
	if (!rc)
		rc = is_working_print(o, cal, d);
	tp_calendar_free(cal);
	return rc;
}

/* ---- dispatch ----------------------------------------------------------- */

struct days_sub {
	const char *name; /* for messages: "days add" */
	const char *usage;
	const char *args_help;
	size_t n_args;
	int (*single)(const char *cmd, const struct cli_calendar_opts *o,
		      const char **args);
	cli_line_fn line; /* NULL: no batch mode */
};

static const struct days_sub subs[] = {
	{"days add", add_usage, "DATE N (or -)", 2, add_single, add_line},
	{"days between", between_usage, "A B (or -)", 2, between_single,
	 between_line},
	{"days is-working", is_working_usage, "DATE", 1, is_working_single,
	 NULL},
};

static int
run_batch(const struct days_sub *sub, const struct cli_calendar_opts *o)
{
	struct tp_calendar *cal = NULL;
	int rc;

	if (o->explain)
		return cli_usage_error(sub->name, "--explain cannot be used "
						  "with '-' (standard input)");
	rc = build(o, &cal);
	if (!rc)
		rc = cli_batch_run(cal, sub->line, STDIN_FILENO, STDOUT_FILENO);
	tp_calendar_free(cal);
	return rc;
}

static int
dispatch(const struct days_sub *sub, const struct cli_calendar_opts *o,
	 const struct cli_args *a)
{
	if (a->help) {
		fputs(sub->usage, stdout);
		return CLI_EXIT_OK;
	}
	if (sub->line && a->n_pos >= 1 && !strcmp(a->pos[0], "-"))
		return a->n_pos == 1
			       ? run_batch(sub, o)
			       : cli_usage_error(sub->name,
						 "'-' (standard input) takes "
						 "no other argument, got %zu "
						 "arguments",
						 a->n_pos);
	if (a->n_pos != sub->n_args)
		return cli_usage_error(
			sub->name, "expected %s, got %zu argument%s",
			sub->args_help, a->n_pos, a->n_pos == 1 ? "" : "s");
	return sub->single(sub->name, o, a->pos);
}

static int
run_sub(const struct days_sub *sub, int argc, char **argv)
{
	struct cli_calendar_opts o;
	struct cli_args a;
	int rc;

	if (!cli_calendar_opts_init(&o, argc)) {
		fputs("tenderplan: out of memory\n", stderr);
		return CLI_EXIT_FAIL;
	}
	rc = cli_parse(sub->name, argc, argv, cli_calendar_options, &o, &a);
	if (!rc) {
		rc = dispatch(sub, &o, &a);
		cli_args_free(&a);
	}
	cli_calendar_opts_free(&o);
	return cli_finish_stdout(rc);
}

int
cli_cmd_days(int argc, char **argv)
{
	if (argc < 2)
		return cli_usage_error("days", "missing subcommand");
	if (cli_is_help(argv[1])) {
		fputs(days_usage, stdout);
		return cli_finish_stdout(CLI_EXIT_OK);
	}
	for (size_t i = 0; i < sizeof(subs) / sizeof(subs[0]); i++)
		if (!strcmp(argv[1], subs[i].name + strlen("days ")))
			return run_sub(&subs[i], argc - 1, argv + 1);
	return cli_usage_error("days", "unknown subcommand '%s'", argv[1]);
}
