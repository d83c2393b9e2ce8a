/* SPDX-License-Identifier: MIT */
/* The calendar options shared by `tenderplan days` subcommands, and the
 * --explain output. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"

/* Weekday names accepted by --weekend, indexed by ISO weekday. */
static const char *const day_names[8][2] = {
	{NULL, NULL},         {"mon", "Monday"},   {"tue", "Tuesday"},
	{"wed", "Wednesday"}, {"thu", "Thursday"}, {"fri", "Friday"},
	{"sat", "Saturday"},  {"sun", "Sunday"},
};

/* "OPT: 'VALUE' WHAT" */
static enum tp_status
opt_error(struct tp_error *err, const char *opt, const char *value,
	  const char *what)
{
	return cli_error_at(err, TP_ERR_INVALID, opt, 0, "'%s' %s", value,
			    what);
}

static enum tp_status
set_region(void *ctx, const char *value, struct tp_error *err)
{
	struct cli_calendar_opts *o = ctx;
	return cli_blame_option(tp_region_from_name(value, &o->region, err), err,
			    "--region");
}

static int
weekday_from_name(const char *s, size_t len)
{
	for (int w = 1; w <= 7; w++)
		for (int k = 0; k < 2; k++)
			if (strlen(day_names[w][k]) == len &&
			    !strncasecmp(day_names[w][k], s, len))
				return w;
	return 0;
}

/* --weekend sat,sun | fri,sat | none; day names in any case, short or
 * long. */
static enum tp_status
set_weekend(void *ctx, const char *value, struct tp_error *err)
{
	struct cli_calendar_opts *o = ctx;
	unsigned mask = 0;
	const char *p = value;

	if (strcmp(value, "none") != 0) {
		for (;;) {
			size_t len = strcspn(p, ",");
			int w = weekday_from_name(p, len);
			if (!w)
				return opt_error(err, "--weekend", value,
						 "is not a list of days such "
						 "as sat,sun (or none)");
			mask |= 1u << w;
			if (!p[len])
				break;
			p += len + 1;
		}
	}
	o->weekend = mask;
	o->weekend_set = true;
	return TP_OK;
}

static enum tp_status
set_ics_mode(void *ctx, const char *value, struct tp_error *err)
{
	struct cli_calendar_opts *o = ctx;
	if (!strcmp(value, "add"))
		o->ics_mode = TP_ICS_ADD;
	else if (!strcmp(value, "replace"))
		o->ics_mode = TP_ICS_REPLACE;
	else
		return opt_error(err, "--holidays-mode", value,
				 "is not 'add' or 'replace'");
	return TP_OK;
}

static enum tp_status
add_ics(void *ctx, const char *value, struct tp_error *err)
{
	struct cli_calendar_opts *o = ctx;
	o->ics[o->n_ics++] = value;
	return TP_OK;
}

/* --closure FROM..TO, both days included. */
static enum tp_status
add_closure(void *ctx, const char *value, struct tp_error *err)
{
	struct cli_calendar_opts *o = ctx;
	const char *dots = strstr(value, "..");
	struct cli_closure c;

	if (!dots)
		return opt_error(err, "--closure", value,
				 "is not a range FROM..TO");
	if (tp_date_parse(value, dots - value, &c.first, err) ||
	    tp_date_parse(dots + 2, -1, &c.last, err))
		return cli_blame_option(err->code, err, "--closure");
	if (c.last.day < c.first.day)
		return opt_error(err, "--closure", value,
				 "ends before it starts");
	o->closures[o->n_closures++] = c;
	return TP_OK;
}

static enum tp_status
set_explain(void *ctx, const char *value, struct tp_error *err)
{
	struct cli_calendar_opts *o = ctx;
	o->explain = true;
	return TP_OK;
}

const struct cli_option cli_calendar_options[] = {
	{"--region", true, set_region},
	{"--weekend", true, set_weekend},
	{"--holidays", true, add_ics},
	{"--holidays-mode", true, set_ics_mode},
	{"--closure", true, add_closure},
	{"--explain", false, set_explain},
	{NULL, false, NULL},
};

bool
cli_calendar_opts_init(struct cli_calendar_opts *o, int argc)
{
	memset(o, 0, sizeof(*o));
	o->region = TP_REGION_ENGLAND_AND_WALES;
	o->ics_mode = TP_ICS_ADD;
	o->ics = calloc((size_t)argc + 1, sizeof(*o->ics));
	o->closures = calloc((size_t)argc + 1, sizeof(*o->closures));
	if (!o->ics || !o->closures) {
		cli_calendar_opts_free(o);
		return false;
	}
	return true;
}

void
cli_calendar_opts_free(struct cli_calendar_opts *o)
{
	free(o->ics);
	free(o->closures);
	o->ics = NULL;
	o->closures = NULL;
}

static enum tp_status
configure(struct tp_calendar_builder *b, const struct cli_calendar_opts *o,
	  struct tp_error *err)
{
	enum tp_status rc = tp_calendar_builder_set_region(b, o->region, err);

	/* Without bank holidays the whole supported range makes sense. */
	if (!rc && o->region == TP_REGION_NONE)
		rc = tp_calendar_builder_set_range(b, TP_YEAR_MIN, TP_YEAR_MAX,
						   err);
	if (!rc && o->weekend_set)
		rc = cli_blame_option(
			tp_calendar_builder_set_weekend(b, o->weekend, err),
			err, "--weekend");
	for (size_t i = 0; !rc && i < o->n_closures; i++)
		rc = tp_calendar_builder_add_closure(b, o->closures[i].first,
						     o->closures[i].last, NULL,
						     err);
	for (size_t i = 0; !rc && i < o->n_ics; i++)
		rc = cli_blame_option(tp_calendar_builder_load_ics(
					  b, o->ics[i], o->ics_mode, err),
				  err, o->ics[i]);
	return rc;
}

enum tp_status
cli_calendar_build(const struct cli_calendar_opts *o, struct tp_calendar **out,
		   struct tp_error *err)
{
	struct tp_calendar_builder *b = NULL;
	enum tp_status rc = tp_calendar_builder_new(&b, err);

	if (rc)
		goto out;
	rc = configure(b, o, err);
	if (!rc)
		rc = tp_calendar_builder_build(b, out, err);
out:
	tp_calendar_builder_free(b);
	return rc;
}

char *
cli_describe_day(struct tp_date d, const struct tp_day_info *info, char *buf,
		 size_t size)
{
	const char *wd = day_names[tp_date_weekday(d)][1];
	const struct tp_holiday *h = info->holiday;
	const char *name = NULL;
	char shown[256];

	/* A holiday's name may come from a file: escaped for the terminal
	 * (#9), as every other text this command prints comes from us. */
	if (h)
		name = cli_escape(h->name ? h->name
					  : tp_holiday_kind_name(h->kind),
				  shown, sizeof(shown));
	if (name && info->weekend)
		snprintf(buf, size, "%s (%s)", name, wd);
	else if (name)
		snprintf(buf, size, "%s", name);
	else if (info->weekend)
		snprintf(buf, size, "%s", wd);
	else
		snprintf(buf, size, "%s",
			 info->working ? "working day" : "not a working day");
	return buf;
}

static int
print_non_working(struct tp_date d, const struct tp_day_info *info, void *user)
{
	char date[TP_DATE_STRLEN], why[512];

	printf("%s %s\n", tp_date_format(d, date),
	       cli_describe_day(d, info, why, sizeof(why)));
	return 0;
}

enum tp_status
cli_explain_range(const struct tp_calendar *cal, struct tp_date from,
		  struct tp_date to, struct tp_error *err)
{
	if (to.day < from.day)
		return TP_OK;
	return tp_calendar_foreach_non_working(cal, from, to, print_non_working,
					       NULL, NULL, err);
}

enum tp_status
cli_calendar_build_years(const struct cli_calendar_opts *o, int from_year,
			 int to_year, struct tp_calendar **out, bool *narrow,
			 struct tp_error *err)
{
	struct tp_calendar_builder *b = NULL;
	enum tp_status rc;

	*narrow = o->region != TP_REGION_NONE && o->n_ics == 0 &&
		  o->n_closures == 0;
	if (!*narrow)
		return cli_calendar_build(o, out, err);
	if (from_year < TP_HOLIDAYS_FIRST_YEAR)
		from_year = TP_HOLIDAYS_FIRST_YEAR;
	if (to_year > TP_YEAR_MAX)
		to_year = TP_YEAR_MAX;
	if (to_year < from_year)
		to_year = from_year;
	rc = tp_calendar_builder_new(&b, err);
	if (!rc)
		rc = configure(b, o, err);
	if (!rc)
		rc = tp_calendar_builder_set_range(b, from_year, to_year, err);
	if (!rc)
		rc = tp_calendar_builder_build(b, out, err);
	tp_calendar_builder_free(b);
	return rc;
}
