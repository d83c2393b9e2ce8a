/* SPDX-License-Identifier: MIT */
/* `tenderplan audit FILE.json`: published OCDS tender notices against the
 * minimum periods of the regime in force on their dates. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tenderplan/tp-ocds.h>

#include "cli.h"

static const char audit_usage[] =
	"Usage: tenderplan audit FILE.json [--csv | --xml]\n"
	"                        [--jurisdiction R]\n"
	"\n"
	"Read OCDS releases as Find a Tender and Contracts Finder publish\n"
	"them (a release package, or JSON lines of releases; '-' reads\n"
	"standard input) and, for each tender notice, compare the period it\n"
	"gave with the minimum of the regime in force on its date, for its\n"
	"procedure and value. A release that is not valid JSON or breaks the\n"
	"OCDS schema is reported and skipped. One line per finding:\n"
	"  SEVERITY RULE-ID [OCID RELEASE, WHERE]: message (citation) - fix\n"
	"\n"
	"Options:\n"
	"  --csv               the findings as CSV\n"
	"  --xml               the findings as XML (tenderplan-findings.xsd)\n"
	"  --jurisdiction R    whose law: england-and-wales (default),\n"
	"                      scotland or northern-ireland\n"
	"  -h, --help          print this text\n"
	"\n"
	"What the data can show: README.md, \"Auditing published notices\".\n"
	"\n"
	"Exit status: 0 no errors (warnings allowed); 1 a notice's period is\n"
	"shorter than the law allows; 2 bad arguments or a file that cannot\n"
	"be read as OCDS; 3 out of memory or output error.\n";

struct audit_opts {
	enum tp_ocds_report format;
	struct tp_ocds_audit_options opt;
};

static enum tp_status
set_csv(void *ctx, const char *value, struct tp_error *err)
{
	((struct audit_opts *)ctx)->format = TP_OCDS_REPORT_CSV;
	return TP_OK;
}

static enum tp_status
set_xml(void *ctx, const char *value, struct tp_error *err)
{
	((struct audit_opts *)ctx)->format = TP_OCDS_REPORT_XML;
	return TP_OK;
}

static enum tp_status
set_jurisdiction(void *ctx, const char *value, struct tp_error *err)
{
	struct audit_opts *o = ctx;
	enum tp_status rc =
		tp_region_from_name(value, &o->opt.jurisdiction, NULL);
	if (rc != TP_OK || o->opt.jurisdiction == TP_REGION_UK ||
	    o->opt.jurisdiction == TP_REGION_NONE)
		return cli_error_at(err, TP_ERR_INVALID, "--jurisdiction", 0,
				    "unknown jurisdiction '%s' (expected "
				    "england-and-wales, scotland or "
				    "northern-ireland)",
				    value);
	return TP_OK;
}

static const struct cli_option audit_options[] = {
	{"--csv", false, set_csv},
	{"--xml", false, set_xml},
	{"--jurisdiction", true, set_jurisdiction},
	{NULL, false, NULL},
};

static int
run_audit(const char *file, const struct audit_opts *o)
{
	struct tp_ocds_audit *a = NULL;
	struct tp_error err;
	char *data = NULL;
	size_t len = 0;

	if (tp_ocds_audit_file(file, &o->opt, &a, &err) != TP_OK)
		return cli_lib_error(&err);
	int rc = CLI_EXIT_OK;
	if (tp_ocds_audit_write(a, o->format, &data, &len, &err) != TP_OK)
		rc = cli_lib_error(&err);
	else if (fwrite(data, 1, len, stdout) != len)
		rc = CLI_EXIT_FAIL;
	if (rc == CLI_EXIT_OK &&
	    tp_ocds_audit_max_severity(a) == TP_SEVERITY_ERROR)
		rc = CLI_EXIT_NO;
	tp_free(data);
	tp_ocds_audit_free(a);
	return rc == CLI_EXIT_FAIL ? rc : cli_finish_stdout(rc);
}

int
cli_cmd_audit(int argc, char **argv)
{
	struct audit_opts o = {TP_OCDS_REPORT_TEXT, {0}};
	struct cli_args args;
	tp_ocds_audit_options_init(&o.opt);
	int rc = cli_parse("audit", argc, argv, audit_options, &o, &args);

	if (rc != CLI_EXIT_OK)
		return rc;
	if (args.help) {
		cli_args_free(&args);
		fputs(audit_usage, stdout);
		return cli_finish_stdout(CLI_EXIT_OK);
	}
	if (args.n_pos != 1)
		rc = cli_usage_error("audit",
				     "expected one OCDS file, got %zu "
				     "arguments",
				     args.n_pos);
	else
		rc = run_audit(args.pos[0], &o);
	cli_args_free(&args);
	return rc;
}
