/* SPDX-License-Identifier: MIT */
/* Fuzz target: the whole pipeline (#9 item 6, #8 item 7). The input is a
 * plan file, optionally followed by a line "--ics--" and a holiday file
 * that takes the place of the one the plan names (no file is opened).
 * The plan is read, its calendar built, then scheduled in every mode;
 * each schedule is checked against the rules and exported in every
 * format (the OCDS JSON too) with the findings. Every failure must explain itself in one
 * line; every XML output (schedule XML, MSPDI, SVG, HTML, findings XML)
 * must be well-formed to libxml2, the iCalendar output must parse in
 * libical without errors (and be UTF-8), the OCDS output must parse in
 * jansson, and the
 * CSV and text outputs must be UTF-8 without control characters other
 * than tabs and line breaks. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <libical/ical.h>
#include <libxml/parser.h>

#include <tenderplan/tenderplan.h>

#include "plan-doc-private.h"
#include "text-private.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char separator[] = "\n--ics--\n";

/* Where the separator line starts, or NULL. */
static const char *
find_separator(const char *text, size_t size)
{
	const size_t k = sizeof(separator) - 1;

	for (size_t i = 0; i + k <= size; i++)
		if (text[i] == '\n' && memcmp(text + i, separator, k) == 0)
			return text + i;
	return NULL;
}

static void
check_error(const struct tp_error *err, enum tp_status rc)
{
	if (err->code != rc || err->message[0] == '\0' ||
	    strchr(err->message, '\n'))
		__builtin_trap();
}

static void
quiet(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

static void
check_xml(const char *buf, size_t len)
{
	xmlDocPtr doc =
		xmlReadMemory(buf, (int)len, "out.xml", NULL, XML_PARSE_NONET);
	if (!doc)
		__builtin_trap(); /* not well-formed */
	xmlFreeDoc(doc);
}

static void
check_ics(const char *buf)
{
	icalcomponent *root = icalparser_parse_string(buf);
	if (!root || icalcomponent_count_errors(root) != 0)
		__builtin_trap();
	icalcomponent_free(root);
}

static void
check_output(enum tp_export_format f, const char *buf, size_t len)
{
	switch (f) {
	case TP_EXPORT_ICS:
		/* RFC 5545 3.1.4: UTF-8, which libical does not check */
		if (!tp_text_check(buf, len, TP_TEXT_LINES, NULL))
			__builtin_trap();
		check_ics(buf);
		break;
	case TP_EXPORT_OCDS: {
		json_t *j = json_loadb(buf, len, JSON_REJECT_DUPLICATES, NULL);
		if (!j)
			__builtin_trap();
		json_decref(j);
		break;
	}
	case TP_EXPORT_CSV:
	case TP_EXPORT_TEXT:
		if (!tp_text_check(buf, len, TP_TEXT_LINES, NULL))
			__builtin_trap();
		break;
	default:
		check_xml(buf, len);
		break;
	}
}

/* The checker's findings as the exports take them (as cmd-export.c does);
 * the findings XML too. */
static struct tp_export_finding *
check_rules(const struct tp_schedule *s, const struct tp_plan_doc *doc,
	    struct tp_findings **f, size_t *n)
{
	struct tp_export_finding *list;
	struct tp_error err;
	enum tp_status rc = tp_plan_check(s, tp_plan_doc_rules(doc), f, &err);
	char *xml = NULL;
	size_t len = 0;

	*n = 0;
	if (rc != TP_OK) {
		check_error(&err, rc);
		return NULL;
	}
	if (tp_findings_write_xml(*f, tp_plan_id(tp_plan_doc_plan_const(doc)),
				  &xml, &len, &err) == TP_OK)
		check_xml(xml, len);
	free(xml);
	*n = tp_findings_count(*f);
	list = calloc(*n + 1, sizeof(*list));
	if (!list)
		return NULL;
	for (size_t i = 0; i < *n; i++) {
		const struct tp_finding *k = tp_findings_get(*f, i);
		list[i] = (struct tp_export_finding){
			tp_severity_name(k->severity),
			k->rule_id,
			k->citation,
			NULL,
			k->stage,
			k->message};
	}
	return list;
}

static void
export_all(const struct tp_plan_doc *doc, const struct tp_schedule *s,
	   const struct tp_schedule *previous, unsigned variant)
{
	const struct tp_plan *plan = tp_plan_doc_plan_const(doc);
	struct tp_export_options opt;
	struct tp_findings *f = NULL;
	struct tp_export_finding *list;
	size_t n;

	tp_export_options_init(&opt);
	opt.deadlines_only = variant & 1;
	opt.alarm_working_days = (int32_t)(variant >> 1) % 4;
	opt.title = variant & 8 ? tp_plan_name(plan) : NULL;
	opt.dtstamp = 1735689600; /* 2025-01-01, so that runs repeat */
	opt.previous = variant & 16 ? previous : NULL;
	/* the plan's own latest revision: SEQUENCE and cancelled stages and
	 * meeting series from it */
	opt.since = variant & 32 ? tp_plan_doc_latest_snapshot(
					   doc, TP_SNAPSHOT_REVISION)
				 : NULL;
	list = check_rules(s, doc, &f, &n);
	opt.findings = list;
	opt.n_findings = list ? n : 0;
	for (int fmt = TP_EXPORT_ICS; fmt <= TP_EXPORT_OCDS; fmt++) {
		struct tp_error err;
		char *buf = NULL;
		size_t len = 0;
		enum tp_status rc =
			tp_export_to_buffer((enum tp_export_format)fmt, plan, s,
					    &opt, &buf, &len, &err);
		if (rc == TP_OK)
			check_output((enum tp_export_format)fmt, buf, len);
		else
			check_error(&err, rc);
		free(buf);
	}
	free(list);
	tp_findings_free(f);
}

/* The plan's calendar, from the holiday file of the input if it has one;
 * else without the file the plan names. */
static bool
build_calendar(struct tp_plan_doc *doc, const char *ics, size_t ics_len)
{
	struct tp_error err;
	enum tp_status rc;

	if (ics)
		rc = tp_plan_doc_build_calendar_ics_data(doc, ics, ics_len,
							 "fuzz.ics", &err);
	else if ((rc = tp_plan_doc_set_ics(doc, NULL, TP_ICS_ADD, &err)) ==
		 TP_OK)
		rc = tp_plan_doc_build_calendar(doc, NULL, &err);
	if (rc != TP_OK)
		check_error(&err, rc);
	return rc == TP_OK;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum tp_schedule_mode modes[] = {
		TP_SCHEDULE_AUTO, TP_SCHEDULE_FORWARD, TP_SCHEDULE_BACKWARD};
	const char *text = (const char *)data;
	const char *sep = find_separator(text, size);
	size_t plan_len = sep ? (size_t)(sep - text) : size;
	const char *ics = sep ? sep + sizeof(separator) - 1 : NULL;
	struct tp_schedule *s[3] = {NULL, NULL, NULL};
	struct tp_plan_doc *doc = NULL;
	struct tp_error err;
	enum tp_status rc;
	unsigned variant = 0;

	xmlSetStructuredErrorFunc(NULL, quiet);
	for (size_t i = 0; i < size && i < 64; i++)
		variant = variant * 31 + data[i];
	rc = tp_plan_doc_read_memory(text, plan_len, "fuzz.xml", NULL,
				     TP_PLAN_READ_NO_CALENDAR, &doc, &err);
	if (rc != TP_OK) {
		check_error(&err, rc);
		if (strcmp(err.source, "fuzz.xml") != 0)
			__builtin_trap();
		return 0;
	}
	if (!build_calendar(doc, ics, ics ? size - (size_t)(ics - text) : 0))
		goto out;
	for (size_t m = 0; m < 3; m++) {
		rc = tp_schedule_compute(tp_plan_doc_plan_const(doc), modes[m],
					 &s[m], &err);
		if (rc != TP_OK) {
			check_error(&err, rc);
			continue;
		}
		export_all(doc, s[m], m ? s[m - 1] : NULL, variant >> (m * 5));
	}
out:
	for (size_t m = 0; m < 3; m++)
		tp_schedule_free(s[m]);
	tp_plan_doc_free(doc);
	return 0;
}
