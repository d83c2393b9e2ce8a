/* SPDX-License-Identifier: MIT */
/* `tenderplan holidays`: list a region's bank holidays. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char holidays_usage[] =
	"Usage: tenderplan holidays --from YEAR [--to YEAR] [--region R]\n"
	"\n"
	"Print the bank holidays of region R (with Christmas Day and Good\n"
	"Friday) in the years YEAR to YEAR, one per line: YYYY-MM-DD, a tab,\n"
	"the name.\n"
	"\n"
	"Options:\n"
	"  --region R   england-and-wales (default), scotland,\n"
	"               northern-ireland or uk (a bank holiday in any part\n"
	"               of the UK)\n"
	"  --from YEAR  the first year (1972 or later)\n"
	"  --to YEAR    the last year (default: the first)\n"
	"  -h, --help   print this text\n"
	"\n"
	"Exit status: 0 success; 2 bad arguments; 3 out of memory or output\n"
	"error.\n";

struct holidays_opts {
	enum tp_region region;
	long from, to;
	bool from_set, to_set;
};

static enum tp_status
set_region(void *ctx, const char *value, struct tp_error *err)
{
	struct holidays_opts *o = ctx;
	return cli_blame_option(tp_region_from_name(value, &o->region, err),
				err, "--region");
}

static enum tp_status
year_value(const char *opt, const char *value, long *out, bool *set,
	   struct tp_error *err)
{
	if (!cli_parse_long(value, 0, 9999, out))
		return cli_error_at(err, TP_ERR_INVALID, opt, 0,
				    "'%s' is not a year", value);
	*set = true;
	return TP_OK;
}

static enum tp_status
set_from(void *ctx, const char *value, struct tp_error *err)
{
	struct holidays_opts *o = ctx;
	return year_value("--from", value, &o->from, &o->from_set, err);
}

static enum tp_status
set_to(void *ctx, const char *value, struct tp_error *err)
{
	struct holidays_opts *o = ctx;
	return year_value("--to", value, &o->to, &o->to_set, err);
}

static const struct cli_option holidays_options[] = {
	{"--region", true, set_region},
	{"--from", true, set_from},
	{"--to", true, set_to},
	{NULL, false, NULL},
};

static int
print_holidays(const struct holidays_opts *o)
{
	struct tp_holiday_list *list = NULL;
	struct tp_error err;
	char buf[TP_DATE_STRLEN];

	if (tp_region_holidays(o->region, (int)o->from, (int)o->to, &list,
			       &err))
		return cli_lib_error(&err);
	for (size_t i = 0; i < tp_holiday_list_count(list); i++) {
		const struct tp_holiday *h = tp_holiday_list_get(list, i);
		printf("%s\t%s\n", tp_date_format(h->date, buf),
		       h->name ? h->name : tp_holiday_kind_name(h->kind));
	}
	tp_holiday_list_free(list);
	return CLI_EXIT_OK;
}

static int
check_and_print(struct holidays_opts *o, const struct cli_args *a)
{
	const char *cmd = "holidays";

	if (a->help) {
		fputs(holidays_usage, stdout);
		return CLI_EXIT_OK;
	}
	if (a->n_pos)
		return cli_usage_error(cmd, "unexpected argument '%s'",
				       a->pos[0]);
	if (!o->from_set)
		return cli_usage_error(cmd, "--from YEAR is required");
	if (!o->to_set)
		o->to = o->from;
	if (o->to < o->from)
		return cli_usage_error(cmd, "--to %ld is before --from %ld",
				       o->to, o->from);
	return print_holidays(o);
}

int
cli_cmd_holidays(int argc, char **argv)
{
	struct holidays_opts o = {.region = TP_REGION_ENGLAND_AND_WALES};
	struct cli_args a;
	int rc = cli_parse("holidays", argc, argv, holidays_options, &o, &a);

	if (rc)
		return rc;
	rc = check_and_print(&o, &a);
	cli_args_free(&a);
	return cli_finish_stdout(rc);
}
