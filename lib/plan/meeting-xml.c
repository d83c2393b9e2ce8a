/* SPDX-License-Identifier: MIT */
/* Meeting series and actual dates in plan files: read from the validated
 * tree, written with the document (docs/plan-format.md). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlstring.h>

#include <tenderplan/tp-meeting.h>

#include "error-private.h"
#include "meeting-xml-private.h"
#include "xml-node-private.h"

/* ---- reading ---------------------------------------------------------- */




/* Attribute @name of @n as a date; @present says whether it was there. */
static enum tp_status
attr_date(xmlNodePtr n, const char *name, struct tp_date *out, bool *present,
	  struct tp_error *err)
{
	char *v = tp_xml_attr(n, name);
	struct tp_error e;
	enum tp_status rc = TP_OK;

	*present = v != NULL;
	if (v && tp_date_parse(v, (long)strlen(v), out, &e) != TP_OK)
		rc = tp_error_setf(err, e.code, NULL, "%s=\"%s\": %s", name, v,
				   e.message);
	xmlFree(v);
	return rc;
}

static long
int_attr(xmlNodePtr n, const char *name)
{
	char *v = tp_xml_attr(n, name);
	long r = v ? strtol(v, NULL, 10) : 0; /* range checked by the schema */

	xmlFree(v);
	return r;
}

/* The <meeting> or <except> dates of a series into @out. */
static enum tp_status
read_dates(xmlNodePtr series, const char *name, struct tp_date **out,
	   size_t *n, int *line, struct tp_error *err)
{
	size_t count = 0;
	bool present;
	enum tp_status rc = TP_OK;

	for (xmlNodePtr c = series->children; c; c = c->next)
		count += tp_xml_is_elem(c, name);
	*out = calloc(count + 1, sizeof(**out));
	*n = 0;
	if (!*out)
		return tp_error_nomem(err);
	for (xmlNodePtr c = series->children; c && rc == TP_OK; c = c->next) {
		if (!tp_xml_is_elem(c, name))
			continue;
		*line = tp_xml_line(c);
		rc = attr_date(c, "date", &(*out)[(*n)++], &present, err);
	}
	return rc;
}

struct series_text {
	char *id, *name, *rule;
};

static enum tp_status
read_recur(xmlNodePtr series, struct tp_meeting_spec *m,
	   struct series_text *t, int *line, struct tp_error *err)
{
	bool present = false;
	enum tp_status rc = TP_OK;

	for (xmlNodePtr c = series->children; c && rc == TP_OK; c = c->next) {
		if (tp_xml_is_elem(c, "name")) {
			t->name = (char *)xmlNodeGetContent(c);
			m->name = t->name;
		} else if (tp_xml_is_elem(c, "recur")) {
			*line = tp_xml_line(c);
			t->rule = tp_xml_attr(c, "rule");
			m->rule = t->rule;
			rc = attr_date(c, "from", &m->rule_from, &present, err);
		}
	}
	return rc;
}

static enum tp_status
read_series(struct tp_plan *plan, xmlNodePtr n, int *line,
	    struct tp_error *err)
{
	struct tp_meeting_spec m;
	struct series_text t = {tp_xml_attr(n, "id"), NULL, NULL};
	struct tp_date *dates = NULL, *except = NULL;
	enum tp_status rc;

	tp_meeting_spec_init(&m);
	m.id = t.id;
	m.report_days = (int32_t)int_attr(n, "report-days");
	m.call_in_days = (int32_t)int_attr(n, "call-in-days");
	rc = read_recur(n, &m, &t, line, err);
	if (rc == TP_OK)
		rc = read_dates(n, "meeting", &dates, &m.n_dates, line, err);
	if (rc == TP_OK)
		rc = read_dates(n, "except", &except, &m.n_except, line, err);
	m.dates = dates;
	m.except = except;
	if (rc == TP_OK) {
		*line = tp_xml_line(n);
		rc = tp_plan_add_meeting_series(plan, &m, NULL, err);
	}
	free(dates);
	free(except);
	xmlFree(t.id);
	xmlFree(t.name);
	xmlFree(t.rule);
	return rc;
}

enum tp_status
tp_meetings_read_xml(struct tp_plan *plan, xmlNodePtr node, int *line,
		     struct tp_error *err)
{
	enum tp_status rc = TP_OK;

	*line = tp_xml_line(node);
	for (xmlNodePtr c = node->children; c && rc == TP_OK; c = c->next)
		if (tp_xml_is_elem(c, "series")) {
			*line = tp_xml_line(c);
			rc = read_series(plan, c, line, err);
		}
	return rc;
}

/* A later <stage> of the file with the id a derived stage of @node would
 * take: said now, in words, rather than as a duplicate id. */
static enum tp_status
derived_id_free(xmlNodePtr node, const char *id, struct tp_error *err)
{
	static const char *const suffix[] = {"report", "call-in"};
	static const char *const what[] = {"report deadline", "end of call-in"};
	char want[160];

	for (xmlNodePtr c = node->next; c; c = c->next) {
		char *other = tp_xml_is_elem(c, "stage") ? tp_xml_attr(c, "id") : NULL;
		for (int k = 0; other && k < 2; k++) {
			snprintf(want, sizeof(want), "%s.%s", id, suffix[k]);
			if (strcmp(other, want))
				continue;
			tp_error_setf(err, TP_ERR_INVALID, id,
				      "stage '%s' on line %d has the id of "
				      "the %s of '%s', which its meeting "
				      "series adds: rename that stage",
				      want, tp_xml_line(c), what[k], id);
			xmlFree(other);
			return TP_ERR_INVALID;
		}
		xmlFree(other);
	}
	return TP_OK;
}

static enum tp_status
read_actual(struct tp_plan *plan, xmlNodePtr node, size_t index,
	    struct tp_error *err)
{
	struct tp_date start, finish;
	bool has_start = false, has_finish = false;
	enum tp_status rc = attr_date(node, "actual-start", &start, &has_start,
				      err);

	if (rc == TP_OK)
		rc = attr_date(node, "actual-finish", &finish, &has_finish,
			       err);
	if (rc == TP_OK && (has_start || has_finish))
		rc = tp_plan_set_stage_actual(plan, index,
					      has_start ? &start : NULL,
					      has_finish ? &finish : NULL, err);
	return rc;
}

enum tp_status
tp_meetings_read_stage_xml(struct tp_plan *plan, xmlNodePtr node,
			   size_t index, struct tp_error *err)
{
	char *series = tp_xml_attr(node, "meeting");
	enum tp_status rc = read_actual(plan, node, index, err);

	if (rc == TP_OK && series)
		rc = derived_id_free(node, tp_plan_stage_id(plan, index), err);
	if (rc == TP_OK && series)
		rc = tp_plan_set_stage_meeting(plan, index, series, err);
	if (rc != TP_OK && err && !err->stage[0])
		snprintf(err->stage, sizeof(err->stage), "%s",
			 tp_plan_stage_id(plan, index));
	xmlFree(series);
	return rc;
}

/* ---- writing ---------------------------------------------------------- */

static bool
wattr(xmlTextWriterPtr w, const char *name, const char *value)
{
	return xmlTextWriterWriteAttribute(w, (const xmlChar *)name,
					   (const xmlChar *)value) >= 0;
}

static bool
wdate(xmlTextWriterPtr w, const char *name, struct tp_date d)
{
	char buf[TP_DATE_STRLEN];
	return wattr(w, name, tp_date_format(d, buf));
}

static bool
wdays(xmlTextWriterPtr w, const char *name, int32_t n)
{
	char buf[16];
	snprintf(buf, sizeof(buf), "%ld", (long)n);
	return !n || wattr(w, name, buf);
}

static bool
wdate_elem(xmlTextWriterPtr w, const char *name, struct tp_date d)
{
	return xmlTextWriterStartElement(w, (const xmlChar *)name) >= 0 &&
	       wdate(w, "date", d) && xmlTextWriterEndElement(w) >= 0;
}

static bool
write_series(xmlTextWriterPtr w, const struct tp_meeting_spec *m)
{
	bool ok = xmlTextWriterStartElement(w, (const xmlChar *)"series") >= 0 &&
		  wattr(w, "id", m->id) &&
		  wdays(w, "report-days", m->report_days) &&
		  wdays(w, "call-in-days", m->call_in_days);

	if (ok && m->name)
		ok = xmlTextWriterWriteElement(w, (const xmlChar *)"name",
					       (const xmlChar *)m->name) >= 0;
	if (ok && m->rule)
		ok = xmlTextWriterStartElement(w, (const xmlChar *)"recur") >=
			     0 &&
		     wattr(w, "rule", m->rule) &&
		     wdate(w, "from", m->rule_from) &&
		     xmlTextWriterEndElement(w) >= 0;
	for (size_t i = 0; ok && i < m->n_dates; i++)
		ok = wdate_elem(w, "meeting", m->dates[i]);
	for (size_t i = 0; ok && i < m->n_except; i++)
		ok = wdate_elem(w, "except", m->except[i]);
	return ok && xmlTextWriterEndElement(w) >= 0;
}

bool
tp_meetings_write_xml(xmlTextWriterPtr w, const struct tp_plan *plan)
{
	struct tp_meeting_spec m;
	size_t n = tp_plan_meeting_series_count(plan);
	bool ok;

	if (!n)
		return true;
	ok = xmlTextWriterStartElement(w, (const xmlChar *)"meetings") >= 0;
	for (size_t i = 0; ok && i < n; i++)
		ok = tp_plan_meeting_series(plan, i, &m) && write_series(w, &m);
	return ok && xmlTextWriterEndElement(w) >= 0;
}

bool
tp_meetings_write_stage_attrs(xmlTextWriterPtr w, const struct tp_plan *plan,
			      size_t s)
{
	struct tp_meeting_spec m;
	struct tp_date d;
	size_t k = tp_plan_stage_meeting(plan, s);
	bool ok = true;

	if (k != TP_NO_MEETING)
		ok = tp_plan_meeting_series(plan, k, &m) &&
		     wattr(w, "meeting", m.id);
	/* A milestone's start is its finish: written once, as the finish. */
	if (ok && !tp_plan_stage_is_milestone(plan, s) &&
	    tp_plan_stage_actual_start(plan, s, &d))
		ok = wdate(w, "actual-start", d);
	if (ok && tp_plan_stage_actual_finish(plan, s, &d))
		ok = wdate(w, "actual-finish", d);
	return ok;
}

bool
tp_meetings_text_ok(const struct tp_plan *plan)
{
	struct tp_meeting_spec m;

	for (size_t i = 0; tp_plan_meeting_series(plan, i, &m); i++) {
		if (!m.name)
			continue;
		if (!xmlCheckUTF8((const xmlChar *)m.name) ||
		    strlen(m.name) > 4096)
			return false;
		for (const char *p = m.name; *p; p++)
			if ((unsigned char)*p < 0x20 && *p != '\t' &&
			    *p != '\n' && *p != '\r')
				return false;
	}
	return true;
}
