/* SPDX-License-Identifier: MIT */
/* The findings of a check as XML (data/tenderplan-findings.xsd), written
 * with libxml2's xmlTextWriter, which does all escaping. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "error-private.h"
#include "findings-xml-private.h"
#include <tenderplan/tp-check.h>

#define NS "urn:tenderplan:findings:1"

struct doc {
	size_t n;
	void (*get)(const void *list, size_t i, struct tp_xml_finding *out);
	const void *list;
};

static const struct tp_finding *
nth(const struct doc *d, size_t i, struct tp_xml_finding *x)
{
	*x = (struct tp_xml_finding){0};
	d->get(d->list, i, x);
	return x->f;
}

static int
count(const struct doc *d, enum tp_severity sev)
{
	struct tp_xml_finding x;
	int n = 0;
	for (size_t i = 0; i < d->n; i++)
		n += nth(d, i, &x)->severity == sev;
	return n;
}

static int
attr(xmlTextWriterPtr w, const char *name, const char *value)
{
	if (!value || !value[0])
		return 0;
	return xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST value);
}

static int
write_finding(xmlTextWriterPtr w, const struct tp_xml_finding *xf)
{
	const struct tp_finding *x = xf->f;
	int rc = xmlTextWriterStartElement(w, BAD_CAST "finding");
	if (rc >= 0)
		rc = attr(w, "severity", tp_severity_name(x->severity));
	if (rc >= 0)
		rc = attr(w, "rule", x->rule_id);
	if (rc >= 0)
		rc = attr(w, "stage", x->stage);
	if (rc >= 0)
		rc = attr(w, "other-stage", x->other_stage);
	if (rc >= 0)
		rc = attr(w, "ocid", xf->ocid);
	if (rc >= 0)
		rc = attr(w, "release", xf->release);
	if (rc >= 0)
		rc = attr(w, "regime", xf->regime);
	if (rc >= 0)
		rc = xmlTextWriterWriteElement(w, BAD_CAST "message",
					       BAD_CAST x->message);
	if (rc >= 0)
		rc = xmlTextWriterWriteElement(w, BAD_CAST "citation",
					       BAD_CAST x->citation);
	if (rc >= 0 && x->fix[0])
		rc = xmlTextWriterWriteElement(w, BAD_CAST "fix",
					       BAD_CAST x->fix);
	if (rc >= 0)
		rc = xmlTextWriterEndElement(w);
	return rc;
}

static int
write_counts(xmlTextWriterPtr w, const struct doc *f)
{
	int rc = 0;
	static const struct {
		const char *name;
		enum tp_severity sev;
	} sevs[] = {{"errors", TP_SEVERITY_ERROR},
		    {"warnings", TP_SEVERITY_WARNING},
		    {"infos", TP_SEVERITY_INFO}};
	for (size_t i = 0; rc >= 0 && i < 3; i++)
		rc = xmlTextWriterWriteFormatAttribute(
			w, BAD_CAST sevs[i].name, "%d", count(f, sevs[i].sev));
	return rc;
}

static int
write_doc(xmlTextWriterPtr w, const struct doc *d, const char *plan_id,
	  const char *source, const char *regime)
{
	struct tp_xml_finding x;
	int rc = xmlTextWriterSetIndent(w, 1);
	if (rc >= 0)
		rc = xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL);
	if (rc >= 0)
		rc = xmlTextWriterStartElementNS(w, NULL, BAD_CAST "findings",
						 BAD_CAST NS);
	if (rc >= 0)
		rc = attr(w, "plan", plan_id);
	if (rc >= 0)
		rc = attr(w, "source", source);
	if (rc >= 0)
		rc = attr(w, "regime", regime && regime[0] ? regime : "none");
	if (rc >= 0)
		rc = write_counts(w, d);
	for (size_t i = 0; rc >= 0 && i < d->n; i++) {
		nth(d, i, &x);
		rc = write_finding(w, &x);
	}
	if (rc >= 0)
		rc = xmlTextWriterEndDocument(w);
	return rc;
}

enum tp_status
tp_findings_xml_write(const char *plan_id, const char *source,
		      const char *regime, size_t n,
		      void (*get)(const void *list, size_t i,
				  struct tp_xml_finding *out),
		      const void *list, char **data, size_t *len,
		      struct tp_error *err)
{
	struct doc d = {n, get, list};
	xmlBufferPtr buf = xmlBufferCreate();
	xmlTextWriterPtr w = buf ? xmlNewTextWriterMemory(buf, 0) : NULL;
	enum tp_status rc = TP_OK;

	if (!w) {
		xmlBufferFree(buf);
		return tp_error_nomem(err);
	}
	if (write_doc(w, &d, plan_id, source, regime) < 0)
		rc = tp_error_setf(err, TP_ERR_NOMEM, NULL,
				   "cannot write the findings as XML");
	xmlFreeTextWriter(w); /* flushes into buf */
	if (rc == TP_OK) {
		size_t sz = (size_t)xmlBufferLength(buf);
		*data = malloc(sz + 1);
		if (!*data) {
			rc = tp_error_nomem(err);
		} else {
			memcpy(*data, xmlBufferContent(buf), sz);
			(*data)[sz] = '\0';
			if (len)
				*len = sz;
		}
	}
	xmlBufferFree(buf);
	return rc;
}

static void
get_checked(const void *list, size_t i, struct tp_xml_finding *out)
{
	out->f = tp_findings_get(list, i);
}

TP_EXPORT enum tp_status
tp_findings_write_xml(const struct tp_findings *findings, const char *plan_id,
		      char **data, size_t *len, struct tp_error *err)
{
	if (!findings || !data || !len)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "tp_findings_write_xml needs findings and "
				     "result pointers");
	return tp_findings_xml_write(plan_id, NULL,
				     tp_regime_name(tp_findings_regime(findings)),
				     tp_findings_count(findings), get_checked,
				     findings, data, len, err);
}
