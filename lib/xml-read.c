/* SPDX-License-Identifier: MIT */
/* Reading plan files (see docs/plan-format.md) with libxml2, safely: the
 * size is capped before parsing; no network (XML_PARSE_NONET); no entity
 * substitution or DTD loading (neither XML_PARSE_NOENT nor
 * XML_PARSE_DTDLOAD); a DOCTYPE stops the parser at once, so no entity
 * declaration is ever read; the document is validated against the schema
 * before it is used. libxml2 reports errors through handlers that this
 * file installs for the duration of one call and then restores, so nothing
 * is printed and no global setting outlives the call. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include <tenderplan/tp-plan-xml.h>

#include "error-private.h"
#include "meeting-xml-private.h"
#include "plan-doc-private.h"
#include "snapshot-private.h"
#include "xml-errors-private.h"

struct reader {
	const char *source;
	const char *base_dir;
	unsigned flags;
	struct tp_error *err;
	bool failed;  /* err holds the first error */
	bool doctype; /* a DOCTYPE was met */
	int doctype_line;
	struct tp_plan_doc *doc;
	int *stage_lines; /* line of each stage element, by index */
	bool has_rules;   /* a <rules> element was read */
};

/* ---- errors --------------------------------------------------------- */

/* Record the first error only; later ones are usually consequences. */
static enum tp_status fail_at(struct reader *rd, enum tp_status code, int line,
			      const char *fmt, ...) TP_PRINTF(4, 5);

static enum tp_status
fail_at(struct reader *rd, enum tp_status code, int line, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	if (rd->failed)
		return rd->err ? rd->err->code : code;
	rd->failed = true;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return tp_error_set_at(rd->err, code, rd->source, line, 0, "%s", msg);
}

/* After a library call failed and filled err: add the file position. */
static enum tp_status
locate(struct reader *rd, enum tp_status rc, int line)
{
	if (rc != TP_OK && !rd->failed) {
		rd->failed = true;
		tp_error_set_source(rd->err, rd->source, line);
	}
	return rc;
}

static int
node_line(xmlNodePtr node)
{
	long line = xmlGetLineNo(node);
	return line > 0 && line < 0x7fffffff ? (int)line : 0;
}

/* libxml2's structured errors (parser, schema parser and validator), in
 * the project's words (xml-errors.c); @xsd is the schema validated
 * against, which names what is allowed, or NULL. */
static void
report_xml_error(struct reader *rd, const xmlError *e, const char *xsd)
{
	struct tp_xml_problem p;

	if (!e || e->level == XML_ERR_WARNING || rd->failed)
		return;
	rd->failed = true; /* before describing: it reads the schema again */
	tp_xml_describe_error(e, xsd, &p);
	tp_error_set_at(rd->err, p.code, rd->source, p.line, p.column, "%s",
			p.message);
	if (rd->err)
		snprintf(rd->err->stage, sizeof(rd->err->stage), "%s",
			 p.stage);
}

static void
on_xml_error(void *ctx, xmlErrorPtr e)
{
	report_xml_error(ctx, e, NULL);
}

/* The validator's errors, with the schema's path. */
struct schema_errors {
	struct reader *rd;
	const char *xsd;
};

static void
on_schema_error(void *ctx, xmlErrorPtr e)
{
	const struct schema_errors *se = ctx;

	report_xml_error(se->rd, e, se->xsd);
}

/* "stage 'b' depends on unknown stage 'x'", with the nearest id. */
static enum tp_status
unknown_stage(struct reader *rd, xmlNodePtr n, const char *to,
	      const char *from)
{
	const char *near = tp_plan_suggest_stage(rd->doc->plan, from);

	fail_at(rd, TP_ERR_INVALID, node_line(n),
		"stage '%s' depends on unknown stage '%.64s'%s%s%s", to, from,
		near ? " (did you mean '" : "", near ? near : "",
		near ? "'?)" : "");
	if (rd->err)
		snprintf(rd->err->stage, sizeof(rd->err->stage), "%s", to);
	return TP_ERR_INVALID;
}

static void
on_generic_error(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	(void)fmt;
}

/* libxml2's process-wide (per-thread) handlers, saved for one call. */
struct saved_handlers {
	xmlStructuredErrorFunc serror;
	void *serror_ctx;
	xmlGenericErrorFunc generic;
	void *generic_ctx;
};

static void
install_handlers(struct reader *rd, struct saved_handlers *s)
{
	s->serror = xmlStructuredError;
	s->serror_ctx = xmlStructuredErrorContext;
	s->generic = xmlGenericError;
	s->generic_ctx = xmlGenericErrorContext;
	xmlSetStructuredErrorFunc(rd, on_xml_error);
	xmlSetGenericErrorFunc(NULL, on_generic_error);
}

static void
restore_handlers(const struct saved_handlers *s)
{
	xmlSetStructuredErrorFunc(s->serror_ctx, s->serror);
	xmlSetGenericErrorFunc(s->generic_ctx, s->generic);
}

/* ---- parsing -------------------------------------------------------- */

/* SAX hook: the parser met <!DOCTYPE; stop before its internal subset. */
static void
on_internal_subset(void *ctx, const xmlChar *name, const xmlChar *ext_id,
		   const xmlChar *sys_id)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct reader *rd = ctxt->_private;

	(void)name;
	(void)ext_id;
	(void)sys_id;
	rd->doctype = true;
	rd->doctype_line = ctxt->input ? ctxt->input->line : 0;
	xmlStopParser(ctxt);
}

static enum tp_status
parse_xml(struct reader *rd, const char *data, size_t len, xmlDocPtr *out)
{
	const int options = XML_PARSE_NONET | XML_PARSE_BIG_LINES;
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	xmlDocPtr xdoc;

	if (!ctxt)
		return fail_at(rd, TP_ERR_NOMEM, 0, "out of memory");
	ctxt->_private = rd;
	ctxt->sax->internalSubset = on_internal_subset;
	xdoc = xmlCtxtReadMemory(ctxt, data, (int)len, rd->source, NULL,
				 options);
	xmlFreeParserCtxt(ctxt);
	if (rd->doctype) {
		xmlFreeDoc(xdoc);
		rd->failed = false; /* the DOCTYPE is the error to report */
		return fail_at(rd, TP_ERR_PARSE, rd->doctype_line,
			       "DOCTYPE declarations are not allowed in plan "
			       "files");
	}
	if (!xdoc || rd->failed) {
		xmlFreeDoc(xdoc);
		return fail_at(rd, TP_ERR_PARSE, 0,
			       "not a well-formed XML "
			       "document");
	}
	*out = xdoc;
	return TP_OK;
}

/* ---- schema --------------------------------------------------------- */

static bool
schema_in(const char *dir, char *path, size_t size)
{
	int n;

	if (!dir || !*dir)
		return false;
	n = snprintf(path, size, "%s/%s", dir, TP_PLAN_XML_SCHEMA);
	return n > 0 && (size_t)n < size && access(path, R_OK) == 0;
}

/* $TP_SCHEMA_DIR, then the source tree, then the installed copy. */
static enum tp_status
find_schema(struct reader *rd, char *path, size_t size)
{
	if (schema_in(getenv("TP_SCHEMA_DIR"), path, size) ||
	    schema_in(TP_SOURCE_DATADIR, path, size) ||
	    schema_in(TP_DATADIR, path, size))
		return TP_OK;
	return fail_at(rd, TP_ERR_IO, 0,
		       "cannot find the schema %s (looked in $TP_SCHEMA_DIR, "
		       "%s and %s)",
		       TP_PLAN_XML_SCHEMA, TP_SOURCE_DATADIR, TP_DATADIR);
}

static enum tp_status
validate(struct reader *rd, xmlDocPtr xdoc)
{
	char path[4096];
	xmlSchemaParserCtxtPtr pctxt = NULL;
	xmlSchemaPtr schema = NULL;
	xmlSchemaValidCtxtPtr vctxt = NULL;
	enum tp_status rc = find_schema(rd, path, sizeof(path));
	int ret;

	if (rc != TP_OK)
		return rc;
	pctxt = xmlSchemaNewParserCtxt(path);
	if (pctxt) {
		xmlSchemaSetParserStructuredErrors(pctxt, on_xml_error, rd);
		schema = xmlSchemaParse(pctxt);
	}
	if (!schema) {
		rd->failed = false;
		rc = fail_at(rd, TP_ERR_IO, 0, "cannot load the schema %s",
			     path);
		goto out;
	}
	vctxt = xmlSchemaNewValidCtxt(schema);
	if (!vctxt) {
		rc = fail_at(rd, TP_ERR_NOMEM, 0, "out of memory");
		goto out;
	}
	struct schema_errors se = {rd, path};
	xmlSchemaSetValidStructuredErrors(vctxt, on_schema_error, &se);
	ret = xmlSchemaValidateDoc(vctxt, xdoc);
	if (ret != 0)
		rc = fail_at(rd, ret < 0 ? TP_ERR_NOMEM : TP_ERR_PARSE, 0,
			     "the plan does not follow the schema");
out:
	xmlSchemaFreeValidCtxt(vctxt);
	xmlSchemaFree(schema);
	xmlSchemaFreeParserCtxt(pctxt);
	return rc;
}

static enum tp_status
check_root(struct reader *rd, xmlDocPtr xdoc)
{
	xmlNodePtr root = xmlDocGetRootElement(xdoc);
	const char *ns;

	if (!root)
		return fail_at(rd, TP_ERR_PARSE, 0, "empty document");
	ns = root->ns && root->ns->href ? (const char *)root->ns->href : "";
	if (strcmp((const char *)root->name, "plan") != 0 ||
	    strcmp(ns, TP_PLAN_XML_NS) != 0)
		return fail_at(rd, TP_ERR_PARSE, node_line(root),
			       "root element is '%s' in namespace '%s'; "
			       "expected 'plan' in namespace '%s'",
			       (const char *)root->name, ns, TP_PLAN_XML_NS);
	return TP_OK;
}

/* ---- small helpers on the validated tree ---------------------------- */

static bool
is_elem(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	       !strcmp((const char *)n->name, name);
}

/* An attribute's value (free with xmlFree), or NULL. */
static char *
attr(xmlNodePtr n, const char *name)
{
	return (char *)xmlGetNoNsProp(n, (const xmlChar *)name);
}

static enum tp_status
parse_date(struct reader *rd, xmlNodePtr n, const char *name,
	   struct tp_date *out, bool *present)
{
	char *v = attr(n, name);
	struct tp_error e;
	enum tp_status rc = TP_OK;

	*present = v != NULL;
	if (v && tp_date_parse(v, (long)strlen(v), out, &e) != TP_OK)
		rc = fail_at(rd, e.code, node_line(n), "%s=\"%s\": %s", name, v,
			     e.message);
	xmlFree(v);
	return rc;
}

static enum tp_status
need_date(struct reader *rd, xmlNodePtr n, const char *name,
	  struct tp_date *out)
{
	bool present;
	enum tp_status rc = parse_date(rd, n, name, out, &present);

	if (rc == TP_OK && !present)
		rc = fail_at(rd, TP_ERR_PARSE, node_line(n),
			     "missing attribute '%s'", name);
	return rc;
}

/* Integer attribute (already range-checked by the schema). */
static long
int_attr(xmlNodePtr n, const char *name, long dflt)
{
	char *v = attr(n, name);
	long r = v ? strtol(v, NULL, 10) : dflt;

	xmlFree(v);
	return r;
}

static char *
text_of(xmlNodePtr n)
{
	return (char *)xmlNodeGetContent(n);
}

/* ---- calendar, anchors, rules --------------------------------------- */

static enum tp_status
read_region(struct reader *rd, xmlNodePtr n, const char *name,
	    enum tp_region *out)
{
	char *v = attr(n, name);
	enum tp_status rc = TP_OK;

	if (v)
		rc = locate(rd, tp_region_from_name(v, out, rd->err),
			    node_line(n));
	xmlFree(v);
	return rc;
}

static enum tp_status
read_closure(struct reader *rd, xmlNodePtr n)
{
	struct tp_date from, to;
	enum tp_status rc = need_date(rd, n, "from", &from);
	char *name;

	if (rc == TP_OK)
		rc = need_date(rd, n, "to", &to);
	if (rc != TP_OK)
		return rc;
	name = attr(n, "name");
	rc = locate(rd,
		    tp_plan_doc_add_closure(rd->doc, from, to, name, rd->err),
		    node_line(n));
	xmlFree(name);
	return rc;
}

static enum tp_status
read_holiday(struct reader *rd, xmlNodePtr n)
{
	struct tp_date d;
	enum tp_status rc = need_date(rd, n, "date", &d);
	char *name;

	if (rc != TP_OK)
		return rc;
	name = attr(n, "name");
	rc = locate(rd, tp_plan_doc_add_holiday(rd->doc, d, name, rd->err),
		    node_line(n));
	xmlFree(name);
	return rc;
}

static enum tp_status
read_ics(struct reader *rd, xmlNodePtr n)
{
	char *href = attr(n, "href");
	char *mode = attr(n, "mode");
	enum tp_ics_mode m =
		mode && !strcmp(mode, "replace") ? TP_ICS_REPLACE : TP_ICS_ADD;
	enum tp_status rc =
		locate(rd, tp_plan_doc_set_ics(rd->doc, href, m, rd->err),
		       node_line(n));

	xmlFree(href);
	xmlFree(mode);
	return rc;
}

static enum tp_status
read_calendar(struct reader *rd, xmlNodePtr n)
{
	enum tp_region region = TP_REGION_ENGLAND_AND_WALES;
	enum tp_status rc = read_region(rd, n, "region", &region);

	tp_plan_doc_set_region(rd->doc, region);
	for (xmlNodePtr c = n->children; c && rc == TP_OK; c = c->next) {
		if (is_elem(c, "closure"))
			rc = read_closure(rd, c);
		else if (is_elem(c, "holiday"))
			rc = read_holiday(rd, c);
		else if (is_elem(c, "ics"))
			rc = read_ics(rd, c);
	}
	return rc;
}

static enum tp_status
read_anchors(struct reader *rd, xmlNodePtr n)
{
	struct tp_plan *plan = rd->doc->plan;
	struct tp_date d;
	bool present;
	enum tp_status rc = parse_date(rd, n, "start", &d, &present);

	if (rc == TP_OK && present)
		rc = locate(rd, tp_plan_set_start_date(plan, d, rd->err),
			    node_line(n));
	if (rc == TP_OK)
		rc = parse_date(rd, n, "contract-start", &d, &present);
	if (rc == TP_OK && present)
		rc = locate(rd, tp_plan_set_contract_start(plan, d, rd->err),
			    node_line(n));
	return rc;
}

static enum tp_status
copy_attr(struct reader *rd, xmlNodePtr n, const char *name, char *dst,
	  size_t size)
{
	char *v = attr(n, name);
	enum tp_status rc = TP_OK;

	if (v && strlen(v) >= size)
		rc = fail_at(rd, TP_ERR_PARSE, node_line(n),
			     "attribute '%s' is too long", name);
	else if (v)
		memcpy(dst, v, strlen(v) + 1);
	xmlFree(v);
	return rc;
}

/* Without the attribute the defaults of tp_rules_config_init() stay. */
static enum tp_status
read_claims(struct reader *rd, xmlNodePtr n, unsigned *claims)
{
	char *v = attr(n, "claims");
	enum tp_status rc = TP_OK;
	char *save = NULL;

	if (v)
		*claims = 0;
	for (char *w = v ? strtok_r(v, " \t\r\n", &save) : NULL;
	     w && rc == TP_OK; w = strtok_r(NULL, " \t\r\n", &save)) {
		enum tp_claim c = 0;
		rc = locate(rd, tp_plan_claim_from_name(w, &c, rd->err),
			    node_line(n));
		*claims |= (unsigned)c;
	}
	xmlFree(v);
	return rc;
}

static enum tp_status
read_local(struct reader *rd, xmlNodePtr n, struct tp_rules_config *r)
{
	char *unit = attr(n, "standstill-unit");

	r->local_standstill_days = (int32_t)int_attr(n, "standstill-days", 0);
	r->local_standstill_working_days =
		unit && !strcmp(unit, "working-days");
	r->local_min_tender_days = (int32_t)int_attr(n, "min-tender-days", 0);
	r->local_report_days = (int32_t)int_attr(n, "report-days", 0);
	xmlFree(unit);
	return copy_attr(rd, n, "citation", r->local_citation,
			 sizeof(r->local_citation));
}

static enum tp_status
read_rules_children(struct reader *rd, xmlNodePtr n, struct tp_rules_config *r)
{
	enum tp_status rc = TP_OK;

	for (xmlNodePtr c = n->children; c && rc == TP_OK; c = c->next) {
		if (is_elem(c, "local"))
			rc = read_local(rd, c, r);
		else if (is_elem(c, "lead-in"))
			r->min_lead_in_days =
				(int32_t)int_attr(c, "min-days", 0);
	}
	return rc;
}

/* regime, procedure, authority and notice-means (names checked by the
 * schema). No regime attribute: by date (tp_rules_config_init()). */
static enum tp_status
read_rule_names(struct reader *rd, xmlNodePtr n, struct tp_rules_config *r)
{
	char *regime = attr(n, "regime");
	char *proc = attr(n, "procedure");
	char *means = attr(n, "notice-means");
	char *authority = attr(n, "authority");
	enum tp_status rc = TP_OK;

	if (regime)
		rc = tp_regime_from_name(regime, &r->regime, rd->err);
	if (rc == TP_OK && proc)
		rc = tp_procedure_from_name(proc, &r->procedure, rd->err);
	if (rc == TP_OK && authority)
		rc = tp_authority_from_name(authority, &r->authority, rd->err);
	if (means)
		r->notice_means = strcmp(means, "other") ? TP_NOTICE_ELECTRONIC
							 : TP_NOTICE_OTHER;
	xmlFree(regime);
	xmlFree(proc);
	xmlFree(means);
	xmlFree(authority);
	return locate(rd, rc, node_line(n));
}

/* Without a jurisdiction attribute the rules follow the calendar's region
 * where that is a part of the UK (a plan read before the attribute was
 * written out, or written by hand). */
static void
default_jurisdiction(struct reader *rd, struct tp_rules_config *r)
{
	enum tp_region region = tp_plan_doc_region(rd->doc);

	if (region == TP_REGION_ENGLAND_AND_WALES ||
	    region == TP_REGION_SCOTLAND ||
	    region == TP_REGION_NORTHERN_IRELAND)
		r->jurisdiction = region;
}

static enum tp_status
read_rules(struct reader *rd, xmlNodePtr n)
{
	struct tp_rules_config r;
	bool present;
	enum tp_status rc;

	tp_rules_config_init(&r);
	default_jurisdiction(rd, &r);
	rc = read_rule_names(rd, n, &r);
	if (rc == TP_OK)
		rc = read_claims(rd, n, &r.claims);
	if (rc == TP_OK)
		rc = read_region(rd, n, "jurisdiction", &r.jurisdiction);
	if (rc == TP_OK)
		rc = parse_date(rd, n, "incumbent-end", &r.incumbent_end,
				&present);
	r.has_incumbent_end = rc == TP_OK && present;
	if (rc == TP_OK)
		rc = parse_date(rd, n, "framework-concluded",
				&r.framework_concluded, &present);
	r.has_framework_concluded = rc == TP_OK && present;
	if (rc == TP_OK)
		rc = read_rules_children(rd, n, &r);
	if (rc == TP_OK)
		rc = locate(rd, tp_plan_doc_set_rules(rd->doc, &r, rd->err),
			    node_line(n));
	rd->has_rules = true;
	return rc;
}

/* A plan without <rules>: the defaults, in the calendar's part of the
 * UK. */
static enum tp_status
default_rules(struct reader *rd)
{
	struct tp_rules_config r;

	if (rd->has_rules)
		return TP_OK;
	tp_rules_config_init(&r);
	default_jurisdiction(rd, &r);
	return tp_plan_doc_set_rules(rd->doc, &r, rd->err);
}

/* ---- stages --------------------------------------------------------- */

static enum tp_status
read_stage_texts(struct reader *rd, xmlNodePtr n, size_t index)
{
	struct tp_plan *plan = rd->doc->plan;
	enum tp_status rc = TP_OK;

	for (xmlNodePtr c = n->children; c && rc == TP_OK; c = c->next) {
		char *t;
		if (!is_elem(c, "owner") && !is_elem(c, "notes"))
			continue;
		t = text_of(c);
		if (!t)
			return fail_at(rd, TP_ERR_NOMEM, 0, "out of memory");
		rc = is_elem(c, "owner")
			     ? tp_plan_set_stage_owner(plan, index, t, rd->err)
			     : tp_plan_set_stage_notes(plan, index, t, rd->err);
		rc = locate(rd, rc, node_line(c));
		xmlFree(t);
	}
	return rc;
}

static char *
stage_name(xmlNodePtr n)
{
	for (xmlNodePtr c = n->children; c; c = c->next)
		if (is_elem(c, "name"))
			return text_of(c);
	return NULL;
}

static enum tp_status
read_stage_time(struct reader *rd, xmlNodePtr n, size_t index)
{
	char *t = attr(n, "time");
	enum tp_status rc = TP_OK;

	if (t) /* HH:MM, checked by the schema */
		rc = locate(rd,
			    tp_plan_set_stage_time(rd->doc->plan, index,
						   atoi(t) * 60 + atoi(t + 3),
						   rd->err),
			    node_line(n));
	xmlFree(t);
	return rc;
}

/* calendar="statutory": the stage counts on the statute's calendar. */
static enum tp_status
read_stage_calendar(struct reader *rd, xmlNodePtr n, size_t index)
{
	char *cal = attr(n, "calendar");
	enum tp_status rc = TP_OK;

	if (cal && strcmp(cal, "plan") != 0) {
		if (strcmp(cal, "statutory") != 0)
			rc = tp_error_setf(rd->err, TP_ERR_INVALID,
					   tp_plan_stage_id(rd->doc->plan,
							    index),
					   "stage '%s': calendar must be plan "
					   "or statutory, not '%.32s'",
					   tp_plan_stage_id(rd->doc->plan,
							    index),
					   cal);
		else
			rc = tp_plan_set_stage_calendar(
				rd->doc->plan, index,
				TP_STAGE_CALENDAR_STATUTORY, rd->err);
		rc = locate(rd, rc, node_line(n));
	}
	xmlFree(cal);
	return rc;
}

static enum tp_status
parse_kind_unit(struct reader *rd, xmlNodePtr n, enum tp_stage_kind *kind,
		enum tp_unit *unit)
{
	char *k = attr(n, "kind");
	char *u = attr(n, "unit");
	enum tp_status rc = TP_OK;

	*kind = TP_STAGE_CUSTOM;
	*unit = TP_UNIT_WORKING_DAYS;
	if (k)
		rc = tp_stage_kind_from_name(k, kind, rd->err);
	if (rc == TP_OK && u)
		rc = tp_unit_from_name(u, unit, rd->err);
	xmlFree(k);
	xmlFree(u);
	return locate(rd, rc, node_line(n));
}

static enum tp_status
add_stage(struct reader *rd, xmlNodePtr n, size_t *index)
{
	char *id = attr(n, "id");
	char *name = stage_name(n);
	enum tp_stage_kind kind;
	enum tp_unit unit;
	enum tp_status rc = parse_kind_unit(rd, n, &kind, &unit);

	if (rc == TP_OK)
		rc = locate(rd,
			    tp_plan_add_stage(
				    rd->doc->plan, id ? id : "", name, kind,
				    (int32_t)int_attr(n, "duration", 0), unit,
				    index, rd->err),
			    node_line(n));
	xmlFree(id);
	xmlFree(name);
	if (rc == TP_OK)
		rc = read_stage_time(rd, n, *index);
	if (rc == TP_OK)
		rc = read_stage_calendar(rd, n, *index);
	if (rc == TP_OK)
		rc = read_stage_texts(rd, n, *index);
	if (rc == TP_OK) /* meeting-xml.c: meeting and actual dates */
		rc = locate(rd,
			    tp_meetings_read_stage_xml(rd->doc->plan, n, *index,
						       rd->err),
			    node_line(n));
	return rc;
}

static enum tp_status
read_after(struct reader *rd, xmlNodePtr n, const char *to)
{
	char *from = attr(n, "stage");
	char *type = attr(n, "type");
	char *unit = attr(n, "lag-unit");
	enum tp_dep_type t = TP_DEP_FINISH_TO_START;
	enum tp_unit u = TP_UNIT_WORKING_DAYS;
	enum tp_status rc = TP_OK;

	if (!tp_plan_find_stage(rd->doc->plan, from ? from : "", NULL)) {
		rc = unknown_stage(rd, n, to, from ? from : "");
		goto out;
	}
	if (type)
		rc = tp_dep_type_from_name(type, &t, rd->err);
	if (rc == TP_OK && unit)
		rc = tp_unit_from_name(unit, &u, rd->err);
	if (rc == TP_OK)
		rc = tp_plan_add_dependency(rd->doc->plan, from ? from : "", to,
					    t, (int32_t)int_attr(n, "lag", 0),
					    u, rd->err);
	rc = locate(rd, rc, node_line(n));
out:
	xmlFree(from);
	xmlFree(type);
	xmlFree(unit);
	return rc;
}

static enum tp_status
read_constraint(struct reader *rd, xmlNodePtr n, const char *stage)
{
	char *type = attr(n, "type");
	enum tp_constraint_type t = TP_CONSTRAINT_START_NO_EARLIER_THAN;
	struct tp_date d;
	enum tp_status rc = need_date(rd, n, "date", &d);

	if (rc == TP_OK)
		rc = locate(rd,
			    tp_constraint_type_from_name(type ? type : "", &t,
							 rd->err),
			    node_line(n));
	if (rc == TP_OK)
		rc = locate(rd,
			    tp_plan_add_constraint(rd->doc->plan, stage, t, d,
						   rd->err),
			    node_line(n));
	xmlFree(type);
	return rc;
}

static enum tp_status
read_links(struct reader *rd, xmlNodePtr n, size_t index)
{
	const char *id = tp_plan_stage_id(rd->doc->plan, index);
	enum tp_status rc = TP_OK;

	for (xmlNodePtr c = n->children; c && rc == TP_OK; c = c->next) {
		if (is_elem(c, "after"))
			rc = read_after(rd, c, id);
		else if (is_elem(c, "constraint"))
			rc = read_constraint(rd, c, id);
	}
	return rc;
}

static size_t
count_stages(xmlNodePtr n)
{
	size_t count = 0;

	for (xmlNodePtr c = n->children; c; c = c->next)
		count += is_elem(c, "stage");
	return count;
}

/* All stages first, so that a dependency may name a later stage. A stage
 * tied to a meeting brings up to two derived stages after it (their line
 * is its own). */
static enum tp_status
read_stages(struct reader *rd, xmlNodePtr n)
{
	size_t count = 3 * count_stages(n), index = 0, k = 0;
	enum tp_status rc = TP_OK;

	rd->stage_lines = calloc(count + 1, sizeof(*rd->stage_lines));
	if (!rd->stage_lines)
		return fail_at(rd, TP_ERR_NOMEM, 0, "out of memory");
	for (xmlNodePtr c = n->children; c && rc == TP_OK; c = c->next) {
		if (!is_elem(c, "stage"))
			continue;
		rc = add_stage(rd, c, &index);
		for (; rc == TP_OK && k < tp_plan_stage_count(rd->doc->plan) &&
		       k < count;
		     k++)
			rd->stage_lines[k] = node_line(c);
	}
	for (xmlNodePtr c = n->children; c && rc == TP_OK; c = c->next) {
		char *id = is_elem(c, "stage") ? attr(c, "id") : NULL;
		if (id && tp_plan_find_stage(rd->doc->plan, id, &index))
			rc = read_links(rd, c, index);
		xmlFree(id);
	}
	return rc;
}

/* Committee meeting series (meeting-xml.c). */
static enum tp_status
read_meetings(struct reader *rd, xmlNodePtr n)
{
	int line = node_line(n);
	enum tp_status rc =
		tp_meetings_read_xml(rd->doc->plan, n, &line, rd->err);

	return locate(rd, rc, line);
}

/* ---- cycles --------------------------------------------------------- */

/* Successor lists in CSR form, for the cycle search. */
struct graph {
	size_t n;
	size_t *start; /* n + 1 */
	size_t *succ;
};

static bool
graph_build(const struct tp_plan *plan, struct graph *g)
{
	size_t nd = tp_plan_dependency_count(plan);
	struct tp_dependency d;

	g->n = tp_plan_stage_count(plan);
	g->start = calloc(g->n + 2, sizeof(*g->start));
	g->succ = calloc(nd + 1, sizeof(*g->succ));
	if (!g->start || !g->succ)
		return false;
	for (size_t i = 0; tp_plan_dependency(plan, i, &d); i++)
		g->start[d.from + 2]++;
	for (size_t v = 2; v <= g->n + 1; v++)
		g->start[v] += g->start[v - 1];
	for (size_t i = 0; tp_plan_dependency(plan, i, &d); i++)
		g->succ[g->start[d.from + 1]++] = d.to;
	return true;
}

static void
graph_free(struct graph *g)
{
	free(g->start);
	free(g->succ);
}

/* Iterative depth-first search; state 0 new, 1 on the path, 2 done. On a
 * back edge, @p from receives the path's parent links and @p hit the
 * stage where the cycle closes. */
static bool
find_back_edge(const struct graph *g, unsigned char *state, size_t *parent,
	       size_t *next, size_t root, size_t *hit, size_t *tail)
{
	size_t v = root;

	state[v] = 1;
	next[v] = g->start[v];
	for (;;) {
		if (next[v] < g->start[v + 1]) {
			size_t w = g->succ[next[v]++];
			if (state[w] == 1) {
				*hit = w;
				*tail = v;
				return true;
			}
			if (state[w] == 0) {
				parent[w] = v;
				state[w] = 1;
				next[w] = g->start[w];
				v = w;
			}
			continue;
		}
		state[v] = 2;
		if (v == root)
			return false;
		v = parent[v];
	}
}

static enum tp_status
report_cycle(struct reader *rd, const size_t *parent, size_t hit, size_t tail)
{
	const struct tp_plan *plan = rd->doc->plan;
	char msg[200] = "";
	size_t path[64], n = 0, len = 0;

	for (size_t v = tail; n < 64; v = parent[v]) {
		path[n++] = v;
		if (v == hit)
			break;
	}
	for (size_t i = n; i-- > 0;)
		len += (size_t)snprintf(
			msg + len, len < sizeof(msg) ? sizeof(msg) - len : 0,
			"%s -> ", tp_plan_stage_id(plan, path[i]));
	if (len < sizeof(msg))
		snprintf(msg + len, sizeof(msg) - len, "%s",
			 tp_plan_stage_id(plan, hit));
	fail_at(rd, TP_ERR_CYCLE, rd->stage_lines[hit], "dependency cycle: %s",
		msg);
	if (rd->err)
		snprintf(rd->err->stage, sizeof(rd->err->stage), "%s",
			 tp_plan_stage_id(plan, hit));
	return TP_ERR_CYCLE;
}

static enum tp_status
check_cycles(struct reader *rd)
{
	struct graph g = {0};
	unsigned char *state = NULL;
	size_t *parent = NULL, *next = NULL, hit = 0, tail = 0;
	enum tp_status rc = TP_OK;

	if (!graph_build(rd->doc->plan, &g) || !(state = calloc(g.n + 1, 1)) ||
	    !(parent = calloc(g.n + 1, sizeof(*parent))) ||
	    !(next = calloc(g.n + 1, sizeof(*next)))) {
		rc = fail_at(rd, TP_ERR_NOMEM, 0, "out of memory");
		goto out;
	}
	for (size_t v = 0; v < g.n && rc == TP_OK; v++)
		if (state[v] == 0 &&
		    find_back_edge(&g, state, parent, next, v, &hit, &tail))
			rc = report_cycle(rd, parent, hit, tail);
out:
	graph_free(&g);
	free(state);
	free(parent);
	free(next);
	return rc;
}

/* ---- the document --------------------------------------------------- */

static enum tp_status
read_plan_attrs(struct reader *rd, xmlNodePtr root)
{
	char *id = attr(root, "id");
	enum tp_status rc = TP_OK;

	if (id)
		rc = locate(rd, tp_plan_set_id(rd->doc->plan, id, rd->err),
			    node_line(root));
	xmlFree(id);
	id = attr(root, "revision"); /* xs:unsignedInt */
	tp_plan_set_revision(rd->doc->plan,
			     id ? (uint32_t)strtoul(id, NULL, 10) : 1);
	xmlFree(id);
	return rc;
}

static enum tp_status
read_text_child(struct reader *rd, xmlNodePtr c)
{
	char *t = text_of(c);
	enum tp_status rc;

	if (!t)
		return fail_at(rd, TP_ERR_NOMEM, 0, "out of memory");
	rc = is_elem(c, "name")
		     ? tp_plan_set_name(rd->doc->plan, t, rd->err)
		     : tp_plan_set_time_zone(rd->doc->plan, t, rd->err);
	xmlFree(t);
	return locate(rd, rc, node_line(c));
}

/* Stored snapshots of the schedule (snapshot-xml.c). */
static enum tp_status
read_snapshots(struct reader *rd, xmlNodePtr n)
{
	int line = node_line(n);
	enum tp_status rc = tp_snapshots_read_xml(rd->doc, n, &line, rd->err);

	return locate(rd, rc, line);
}

static enum tp_status
read_plan(struct reader *rd, xmlNodePtr root)
{
	enum tp_status rc = read_plan_attrs(rd, root);

	for (xmlNodePtr c = root->children; c && rc == TP_OK; c = c->next) {
		if (is_elem(c, "name") || is_elem(c, "time-zone"))
			rc = read_text_child(rd, c);
		else if (is_elem(c, "calendar"))
			rc = read_calendar(rd, c);
		else if (is_elem(c, "anchors"))
			rc = read_anchors(rd, c);
		else if (is_elem(c, "rules"))
			rc = read_rules(rd, c);
		else if (is_elem(c, "meetings"))
			rc = read_meetings(rd, c);
		else if (is_elem(c, "stages"))
			rc = read_stages(rd, c);
		else if (is_elem(c, "snapshots"))
			rc = read_snapshots(rd, c);
	}
	if (rc == TP_OK)
		rc = default_rules(rd);
	if (rc == TP_OK)
		rc = check_cycles(rd);
	return rc;
}

static enum tp_status
build_calendar(struct reader *rd)
{
	if (rd->flags & TP_PLAN_READ_NO_CALENDAR)
		return TP_OK;
	return locate(
		rd, tp_plan_doc_build_calendar(rd->doc, rd->base_dir, rd->err),
		0);
}

static enum tp_status
read_doc(struct reader *rd, const char *data, size_t len)
{
	xmlDocPtr xdoc = NULL;
	enum tp_status rc = parse_xml(rd, data, len, &xdoc);

	if (rc == TP_OK)
		rc = check_root(rd, xdoc);
	if (rc == TP_OK)
		rc = validate(rd, xdoc);
	if (rc == TP_OK)
		rc = tp_plan_doc_new(&rd->doc, rd->err);
	if (rc == TP_OK)
		rc = read_plan(rd, xmlDocGetRootElement(xdoc));
	if (rc == TP_OK)
		rc = build_calendar(rd);
	xmlFreeDoc(xdoc);
	return rc;
}

enum tp_status
tp_plan_doc_read_memory(const char *data, size_t len, const char *source_name,
			const char *base_dir, unsigned flags,
			struct tp_plan_doc **out, struct tp_error *err)
{
	struct reader rd = {.source = source_name ? source_name : "<memory>",
			    .base_dir = base_dir,
			    .flags = flags,
			    .err = err};
	struct saved_handlers saved;
	enum tp_status rc;

	if (len > TP_PLAN_XML_MAX_SIZE)
		return fail_at(&rd, TP_ERR_PARSE, 0,
			       "file too large: %zu bytes, the limit is %u",
			       len, TP_PLAN_XML_MAX_SIZE);
	install_handlers(&rd, &saved);
	rc = read_doc(&rd, data, len);
	restore_handlers(&saved);
	free(rd.stage_lines);
	if (rc != TP_OK) {
		tp_plan_doc_free(rd.doc);
		return rc;
	}
	*out = rd.doc;
	return TP_OK;
}

/* ---- files ---------------------------------------------------------- */

static enum tp_status
slurp(const char *path, char **data, size_t *len, struct tp_error *err)
{
	FILE *f = fopen(path, "rb");
	size_t cap = TP_PLAN_XML_MAX_SIZE + 1, n;
	char *buf;

	if (!f)
		return tp_error_set_at(err, TP_ERR_IO, path, 0, 0,
				       "cannot open: %s", strerror(errno));
	buf = malloc(cap);
	if (!buf) {
		fclose(f);
		return tp_error_nomem(err);
	}
	n = fread(buf, 1, cap, f);
	if (ferror(f)) {
		fclose(f);
		free(buf);
		return tp_error_set_at(err, TP_ERR_IO, path, 0, 0,
				       "cannot read the file");
	}
	fclose(f);
	*data = buf;
	*len = n;
	return TP_OK;
}

/* The directory part of @p path ("." for none), in a new string. */
static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t n = slash ? (size_t)(slash - path) : 0;
	char *dir;

	if (!slash)
		return strdup(".");
	if (n == 0)
		n = 1; /* "/plan.xml" */
	dir = malloc(n + 1);
	if (dir) {
		memcpy(dir, path, n);
		dir[n] = '\0';
	}
	return dir;
}

enum tp_status
tp_plan_doc_read_file(const char *path, unsigned flags,
		      struct tp_plan_doc **out, struct tp_error *err)
{
	char *data = NULL, *dir = NULL;
	size_t len = 0;
	enum tp_status rc = slurp(path, &data, &len, err);

	if (rc != TP_OK)
		return rc;
	dir = dir_of(path);
	if (!dir)
		rc = tp_error_nomem(err);
	else
		rc = tp_plan_doc_read_memory(data, len, path, dir, flags, out,
					     err);
	free(dir);
	free(data);
	return rc;
}
