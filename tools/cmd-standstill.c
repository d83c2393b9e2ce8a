/* SPDX-License-Identifier: MIT */
/* `tenderplan standstill`: when a standstill ends and the earliest day the
 * contract may be entered into. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char standstill_usage[] =
	"Usage: tenderplan standstill --regime REGIME --sent DATE [OPTIONS]\n"
	"\n"
	"Compute the standstill after the award decision notices were sent\n"
	"(PCR; with --notice mixed, the last one sent electronically), the\n"
	"contract award notice was published (Procurement Act 2023), the\n"
	"notice of intention to award was published (PSR 2023; not the day\n"
	"it was submitted, reg 12(2)) or, with --vtn, a voluntary\n"
	"transparency notice was published (PCR 2015 reg 99(3)) on DATE.\n"
	"Prints, among other lines:\n"
	"  last-day: YYYY-MM-DD           the standstill ends at midnight at\n"
	"                                 the end of this day (Europe/London)\n"
	"  earliest-contract: YYYY-MM-DD  the first day the contract may be\n"
	"                                 entered into\n"
	"\n"
	"Regimes: pcr2006 (reg 32A), pcr2015 (reg 87), pcsr2015 (Scotland,\n"
	"reg 86), pa2023 (s.51: eight working days, holidays of any part of\n"
	"the UK, whatever --region says), psr2023 (NHS Provider Selection\n"
	"Regime, reg 12: eight working days after the day after publication,\n"
	"England's holidays), local (--days N [--working-days]).\n"
	"PCR 2006 and PCR 2015 do not extend to Scotland (PCR 2006 reg 1(2),\n"
	"PCR 2015 reg 1(7)): for a Scottish authority use pcsr2015.\n"
	"\n"
	"Options:\n"
	"  --notice MEANS    electronic (default), other (e.g. post) or\n"
	"                    mixed (pcr2015 reg 87(5), pcr2006 reg 32A(5))\n"
	"  --sent-other DATE mixed: the day the last notice went by other means\n"
	"  --received DATE   other or mixed means: the day the last notice sent\n"
	"                    by other means arrived (it may end sooner)\n"
	"  --vtn             pcr2015: after a voluntary transparency notice\n"
	"                    (reg 99(3)(c): 10 days from the day after)\n"
	"  --representations psr2023: written representations were received\n"
	"                    (reg 12(3)); the standstill stays open (reg 12(10))\n"
	"  --further-decision DATE  psr2023: providers were told of the last\n"
	"                    further decision on DATE: the standstill ends no\n"
	"                    earlier than 5 working days after (reg 12(10))\n"
	"  --exempt          pa2023: no mandatory standstill (s.51(3)); prints\n"
	"                    the shortest voluntary one (s.51(5))\n"
	"  --stated-end DATE pa2023: the standstill end the contract award\n"
	"                    notice states (binds if later, s.51(1)(b), (4))\n"
	"  --region R        the authority's part of the UK for PCR 2006/2015\n"
	"                    and local rules (default england-and-wales)\n"
	"  --days N          local rules: the standstill length\n"
	"  --working-days    local rules: count N in working days\n"
	"  --citation TEXT   local rules: how to cite them\n"
	"  -h, --help        print this text\n"
	"\n"
	"Exit status: 0 success; 2 bad arguments; 3 out of memory or output\n"
	"error.\n";

struct standstill_opts {
	struct tp_standstill_request req;
	struct tp_local_rules local;
	bool regime_set, sent_set, sent_other_set;
};

static enum tp_status
set_regime(void *ctx, const char *value, struct tp_error *err)
{
	struct standstill_opts *o = ctx;
	o->regime_set = true;
	return cli_blame_option(tp_regime_from_name(value, &o->req.regime, err),
				err, "--regime");
}

static enum tp_status
set_sent(void *ctx, const char *value, struct tp_error *err)
{
	struct standstill_opts *o = ctx;
	o->sent_set = true;
	return cli_blame_option(tp_date_parse(value, -1, &o->req.sent, err),
				err, "--sent");
}

static enum tp_status
set_received(void *ctx, const char *value, struct tp_error *err)
{
	struct standstill_opts *o = ctx;
	o->req.has_received = true;
	return cli_blame_option(tp_date_parse(value, -1, &o->req.received, err),
				err, "--received");
}

static enum tp_status
set_notice(void *ctx, const char *value, struct tp_error *err)
{
	struct standstill_opts *o = ctx;
	if (!strcmp(value, "electronic"))
		o->req.means = TP_NOTICE_ELECTRONIC;
	else if (!strcmp(value, "other"))
		o->req.means = TP_NOTICE_OTHER;
	else if (!strcmp(value, "mixed"))
		o->req.means = TP_NOTICE_MIXED;
	else
		return cli_error_at(err, TP_ERR_INVALID, "--notice", 0,
				    "'%s' is not electronic, other or mixed",
				    value);
	return TP_OK;
}

static enum tp_status
set_sent_other(void *ctx, const char *value, struct tp_error *err)
{
	struct standstill_opts *o = ctx;
	o->sent_other_set = true;
	return cli_blame_option(
		tp_date_parse(value, -1, &o->req.sent_other, err), err,
		"--sent-other");
}

static enum tp_status
set_vtn(void *ctx, const char *value, struct tp_error *err)
{
	struct standstill_opts *o = ctx;
	o->req.kind = TP_STANDSTILL_VTN;
	return TP_OK;
}

static enum tp_status
set_representations(void *ctx, const char *value, struct tp_error *err)
{
	struct standstill_opts *o = ctx;
	o->req.representations = true;
	return TP_OK;
}

static enum tp_status
set_further_decision(void *ctx, const char *value, struct tp_error *err)
{
	struct standstill_opts *o = ctx;
	o->req.has_further_decision = true;
	o->req.representations = true;
	return cli_blame_option(
		tp_date_parse(value, -1, &o->req.further_decision, err), err,
		"--further-decision");
}

static enum tp_status
set_exempt(void *ctx, const char *value, struct tp_error *err)
{
	struct standstill_opts *o = ctx;
	o->req.exempt = true;
	return TP_OK;
}

static enum tp_status
set_stated_end(void *ctx, const char *value, struct tp_error *err)
{
	struct standstill_opts *o = ctx;
	o->req.has_stated_end = true;
	return cli_blame_option(
		tp_date_parse(value, -1, &o->req.stated_end, err), err,
		"--stated-end");
}

static enum tp_status
set_region(void *ctx, const char *value, struct tp_error *err)
{
	struct standstill_opts *o = ctx;
	return cli_blame_option(tp_region_from_name(value, &o->req.region, err),
				err, "--region");
}

static enum tp_status
set_days(void *ctx, const char *value, struct tp_error *err)
{
	struct standstill_opts *o = ctx;
	long n;
	if (!cli_parse_long(value, 1, 366, &n))
		return cli_error_at(err, TP_ERR_INVALID, "--days", 0,
				    "'%s' is not a number of days from 1 to "
				    "366",
				    value);
	o->local.standstill_days = (int32_t)n;
	return TP_OK;
}

static enum tp_status
set_working(void *ctx, const char *value, struct tp_error *err)
{
	struct standstill_opts *o = ctx;
	o->local.standstill_working_days = true;
	return TP_OK;
}

static enum tp_status
set_citation(void *ctx, const char *value, struct tp_error *err)
{
	struct standstill_opts *o = ctx;
	o->local.citation = value;
	return TP_OK;
}

static const struct cli_option standstill_options[] = {
	{"--regime", true, set_regime},
	{"--sent", true, set_sent},
	{"--received", true, set_received},
	{"--notice", true, set_notice},
	{"--region", true, set_region},
	{"--days", true, set_days},
	{"--working-days", false, set_working},
	{"--citation", true, set_citation},
	{"--sent-other", true, set_sent_other},
	{"--vtn", false, set_vtn},
	{"--representations", false, set_representations},
	{"--further-decision", true, set_further_decision},
	{"--exempt", false, set_exempt},
	{"--stated-end", true, set_stated_end},
	{NULL, false, NULL},
};

/* Why the last day is later than the count gives. */
static const char *
extension_reason(const struct standstill_opts *o)
{
	if (o->req.regime == TP_REGIME_PSR2023)
		return "extended: 5 working days after the last further "
		       "decision, PSR 2023 reg 12(10)";
	if (o->req.regime == TP_REGIME_PA2023)
		return "extended: the end the contract award notice states, "
		       "s.51(1)(b), (4)";
	return "not a working day: extended";
}

static void
print_standstill(const struct standstill_opts *o, const struct tp_standstill *s)
{
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN];

	printf("regime: %s (%s)\n", tp_regime_name(o->req.regime),
	       tp_regime_title(o->req.regime));
	printf("rule: %s\n", s->citation);
	printf("sent: %s\n", tp_date_format(o->req.sent, a));
	printf("length: %ld %s days\n", (long)s->days,
	       s->working_days ? "working" : "calendar");
	printf("working-days-of: %s\n", tp_region_name(s->calendar_region));
	printf("first-day: %s\n", tp_date_format(s->first_day, a));
	if (s->extended)
		printf("nominal-last-day: %s (%s)\n",
		       tp_date_format(s->nominal_last_day, a),
		       extension_reason(o));
	printf("last-day: %s\n", tp_date_format(s->last_day, a));
	printf("ends: midnight at the end of %s, Europe/London\n",
	       tp_date_format(s->last_day, a));
	printf("earliest-contract: %s\n",
	       tp_date_format(s->earliest_contract, b));
	printf("mandatory: %s\n", s->mandatory ? "yes" : "no (voluntary)");
	if (o->req.regime == TP_REGIME_PSR2023)
		printf("representations-until: %s\n",
		       tp_date_format(s->representations_until, a));
	if (s->open_ended)
		printf("open-ended: yes (representations; no further "
		       "decision yet)\n");
	if (s->warning[0])
		printf("warning: %s\n", s->warning);
}

static int
check_required(const struct standstill_opts *o)
{
	if (!o->regime_set)
		return cli_usage_error("standstill", "missing --regime");
	if (!o->sent_set)
		return cli_usage_error("standstill", "missing --sent");
	if (o->req.regime == TP_REGIME_BY_DATE || o->req.regime == TP_REGIME_NONE)
		return cli_usage_error("standstill",
				       "--regime %s has no standstill: name "
				       "pcr2006, pcr2015, pcsr2015, pa2023, "
				       "psr2023 or local",
				       tp_regime_name(o->req.regime));
	if ((o->req.means == TP_NOTICE_MIXED) != o->sent_other_set)
		return cli_usage_error("standstill",
				       o->sent_other_set
					       ? "--sent-other is for --notice "
						 "mixed"
					       : "--notice mixed needs "
						 "--sent-other DATE (the last "
						 "notice sent by other means)");
	if ((o->req.regime == TP_REGIME_PCR2015 ||
	     o->req.regime == TP_REGIME_PCR2006) &&
	    o->req.region == TP_REGION_SCOTLAND)
		return cli_usage_error("standstill",
				       "--regime %s does not extend to Scotland "
				       "(%s): use --regime pcsr2015",
				       tp_regime_name(o->req.regime),
				       o->req.regime == TP_REGIME_PCR2015
					       ? "PCR 2015 reg 1(7)"
					       : "PCR 2006 reg 1(2)");
	if (o->req.regime == TP_REGIME_LOCAL && o->local.standstill_days <= 0)
		return cli_usage_error("standstill",
				       "--regime local needs --days N");
	if (o->req.regime != TP_REGIME_LOCAL &&
	    (o->local.standstill_days || o->local.standstill_working_days))
		return cli_usage_error("standstill",
				       "--days and --working-days are for "
				       "--regime local");
	return CLI_EXIT_OK;
}

int
cli_cmd_standstill(int argc, char **argv)
{
	struct standstill_opts o;
	struct cli_args args;
	struct tp_standstill s;
	struct tp_error err;
	int rc;

	memset(&o, 0, sizeof(o));
	o.req.region = TP_REGION_ENGLAND_AND_WALES;
	o.req.local = &o.local;
	rc = cli_parse("standstill", argc, argv, standstill_options, &o,
		       &args);
	if (rc != CLI_EXIT_OK)
		return rc;
	if (args.help) {
		cli_args_free(&args);
		fputs(standstill_usage, stdout);
		return cli_finish_stdout(CLI_EXIT_OK);
	}
	if (args.n_pos > 0)
		rc = cli_usage_error("standstill", "unexpected argument '%s'",
				     args.pos[0]);
	cli_args_free(&args);
	if (rc == CLI_EXIT_OK)
		rc = check_required(&o);
	if (rc != CLI_EXIT_OK)
		return rc;
	if (tp_standstill_compute(&o.req, &s, &err) != TP_OK)
		return cli_lib_error(&err);
	print_standstill(&o, &s);
	return cli_finish_stdout(CLI_EXIT_OK);
}
