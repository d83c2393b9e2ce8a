/* SPDX-License-Identifier: MIT */
/* Writing plan files (docs/plan-format.md) with libxml2's xmlTextWriter,
 * into memory; files are then replaced atomically (atomic-file.c). The
 * output reads back to an equivalent document: every field is written, and
 * dependencies and constraints appear under their stage in the order they
 * were added. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlstring.h>
#include <libxml/xmlwriter.h>

#include <tenderplan/tp-plan-xml.h>

#include "atomic-file.h"
#include "error-private.h"
#include "meeting-xml-private.h"
#include "plan-doc-private.h"
#include "snapshot-private.h"

struct writer {
	xmlTextWriterPtr w;
	const struct tp_plan_doc *doc;
	const struct tp_plan *plan;
	/* dependencies and constraints grouped by stage (CSR) */
	size_t *dep_start, *deps, *con_start, *cons;
};

/* ---- values --------------------------------------------------------- */

/* Only text XML 1.0 can carry: valid UTF-8, no control characters other
 * than tab, newline and carriage return. */
static bool
xml_text_ok(const char *s)
{
	if (xmlCheckUTF8((const xmlChar *)s) == 0)
		return false;
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 && *s != '\t' && *s != '\n' &&
		    *s != '\r')
			return false;
	return true;
}

static bool
wattr(struct writer *wr, const char *name, const char *value)
{
	return xmlTextWriterWriteAttribute(wr->w, (const xmlChar *)name,
					   (const xmlChar *)value) >= 0;
}

static bool
wattr_int(struct writer *wr, const char *name, long long v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%lld", v);
	return wattr(wr, name, buf);
}

static bool
wattr_date(struct writer *wr, const char *name, struct tp_date d)
{
	char buf[TP_DATE_STRLEN];

	return wattr(wr, name, tp_date_format(d, buf));
}

static bool
welem_text(struct writer *wr, const char *name, const char *text)
{
	return !text || xmlTextWriterWriteElement(wr->w, (const xmlChar *)name,
						  (const xmlChar *)text) >= 0;
}

static bool
wstart(struct writer *wr, const char *name)
{
	return xmlTextWriterStartElement(wr->w, (const xmlChar *)name) >= 0;
}

static bool
wend(struct writer *wr)
{
	return xmlTextWriterEndElement(wr->w) >= 0;
}

/* ---- calendar, anchors, rules --------------------------------------- */

static bool
write_range(struct writer *wr, const struct tp_plan_doc_range *r, bool closure)
{
	bool ok = wstart(wr, closure ? "closure" : "holiday");

	if (closure)
		ok = ok && wattr_date(wr, "from", r->first) &&
		     wattr_date(wr, "to", r->last);
	else
		ok = ok && wattr_date(wr, "date", r->first);
	ok = ok && (!r->name || wattr(wr, "name", r->name));
	return ok && wend(wr);
}

static bool
write_calendar(struct writer *wr)
{
	const struct tp_plan_doc *d = wr->doc;
	bool ok = wstart(wr, "calendar") &&
		  wattr(wr, "region", tp_region_name(d->region));

	for (size_t i = 0; ok && i < d->n_closures; i++)
		ok = write_range(wr, &d->closures[i], true);
	for (size_t i = 0; ok && i < d->n_holidays; i++)
		ok = write_range(wr, &d->holidays[i], false);
	if (ok && d->ics)
		ok = wstart(wr, "ics") && wattr(wr, "href", d->ics) &&
		     wattr(wr, "mode",
			   d->ics_mode == TP_ICS_REPLACE ? "replace" : "add") &&
		     wend(wr);
	return ok && wend(wr);
}

static bool
write_anchors(struct writer *wr)
{
	struct tp_date start, cs;
	bool has_start = tp_plan_start_date(wr->plan, &start);
	bool has_cs = tp_plan_contract_start(wr->plan, &cs);
	bool ok;

	if (!has_start && !has_cs)
		return true;
	ok = wstart(wr, "anchors");
	ok = ok && (!has_start || wattr_date(wr, "start", start));
	ok = ok && (!has_cs || wattr_date(wr, "contract-start", cs));
	return ok && wend(wr);
}

static bool
write_claims(struct writer *wr, unsigned claims)
{
	char buf[256] = "";
	size_t len = 0;

	for (unsigned bit = 1; bit && bit <= claims; bit <<= 1) {
		const char *name = tp_plan_claim_name((enum tp_claim)bit);
		if ((claims & bit) && name && len < sizeof(buf))
			len += (size_t)snprintf(buf + len, sizeof(buf) - len,
						"%s%s", len ? " " : "", name);
	}
	return wattr(wr, "claims", buf);
}

static bool
write_local(struct writer *wr, const struct tp_rules_config *r)
{
	bool ok;

	if (!r->local_standstill_days && !r->local_min_tender_days &&
	    !r->local_report_days && !*r->local_citation)
		return true;
	ok = wstart(wr, "local");
	ok = ok &&
	     (!r->local_standstill_days ||
	      (wattr_int(wr, "standstill-days", r->local_standstill_days) &&
	       wattr(wr, "standstill-unit",
		     r->local_standstill_working_days ? "working-days"
						      : "calendar-days")));
	ok = ok && (!r->local_min_tender_days ||
		    wattr_int(wr, "min-tender-days", r->local_min_tender_days));
	ok = ok && (!r->local_report_days ||
		    wattr_int(wr, "report-days", r->local_report_days));
	ok = ok &&
	     (!*r->local_citation || wattr(wr, "citation", r->local_citation));
	return ok && wend(wr);
}

/* Every setting is written, so that reading needs no defaults (the
 * regime by date is written as no regime attribute, its meaning). */
static bool
write_rules(struct writer *wr)
{
	const struct tp_rules_config *r = &wr->doc->rules;
	bool ok = wstart(wr, "rules");

	/* By date is the reader's default: no attribute. */
	ok = ok && (r->regime == TP_REGIME_BY_DATE ||
		    wattr(wr, "regime", tp_regime_name(r->regime)));
	ok = ok && wattr(wr, "procedure", tp_procedure_name(r->procedure));
	ok = ok && write_claims(wr, r->claims);
	ok = ok && wattr(wr, "jurisdiction", tp_region_name(r->jurisdiction));
	ok = ok && (!r->has_incumbent_end ||
		    wattr_date(wr, "incumbent-end", r->incumbent_end));
	ok = ok && wattr(wr, "authority", tp_authority_name(r->authority));
	ok = ok &&
	     (!r->has_framework_concluded ||
	      wattr_date(wr, "framework-concluded", r->framework_concluded));
	ok = ok &&
	     wattr(wr, "notice-means",
		   r->notice_means == TP_NOTICE_OTHER ? "other" : "electronic");
	ok = ok && (r->authority_kind == TP_AUTHORITY_KIND_OTHER ||
		    wattr(wr, "authority-kind",
			  tp_authority_kind_name(r->authority_kind)));
	ok = ok && (r->health_service == TP_HEALTH_SERVICE_NONE ||
		    wattr(wr, "health-service",
			  tp_health_service_name(r->health_service)));
	ok = ok && (!r->cpv[0] || wattr(wr, "cpv", r->cpv));
	ok = ok && (!r->has_standstill_end ||
		    wattr_date(wr, "standstill-end", r->standstill_end));
	ok = ok && write_local(wr, r);
	ok = ok &&
	     (!r->min_lead_in_days ||
	      (wstart(wr, "lead-in") &&
	       wattr_int(wr, "min-days", r->min_lead_in_days) && wend(wr)));
	return ok && wend(wr);
}

/* ---- stages --------------------------------------------------------- */

static bool
write_after(struct writer *wr, size_t i)
{
	struct tp_dependency d;
	bool ok = tp_plan_dependency(wr->plan, i, &d) && wstart(wr, "after");

	ok = ok && wattr(wr, "stage", tp_plan_stage_id(wr->plan, d.from));
	ok = ok && wattr(wr, "type", tp_dep_type_name(d.type));
	ok = ok && (d.lag == 0 || wattr_int(wr, "lag", d.lag));
	ok = ok && (d.lag_unit == TP_UNIT_WORKING_DAYS ||
		    wattr(wr, "lag-unit", tp_unit_name(d.lag_unit)));
	return ok && wend(wr);
}

static bool
write_constraint(struct writer *wr, size_t i)
{
	struct tp_constraint c;
	bool ok =
		tp_plan_constraint(wr->plan, i, &c) && wstart(wr, "constraint");

	ok = ok && wattr(wr, "type", tp_constraint_type_name(c.type));
	ok = ok && wattr_date(wr, "date", c.date);
	return ok && wend(wr);
}

static bool
write_stage_attrs(struct writer *wr, size_t s)
{
	const struct tp_plan *p = wr->plan;
	int minutes = tp_plan_stage_time(p, s);
	bool ok = wattr(wr, "id", tp_plan_stage_id(p, s)) &&
		  wattr(wr, "kind",
			tp_stage_kind_name(tp_plan_stage_kind(p, s))) &&
		  wattr_int(wr, "duration", tp_plan_stage_amount(p, s)) &&
		  wattr(wr, "unit", tp_unit_name(tp_plan_stage_unit(p, s)));

	if (ok && minutes >= 0) {
		char buf[8];
		snprintf(buf, sizeof(buf), "%02d:%02d", minutes / 60 % 24,
			 minutes % 60);
		ok = wattr(wr, "time", buf);
	}
	if (ok && tp_plan_stage_calendar_kind(p, s) ==
			  TP_STAGE_CALENDAR_STATUTORY)
		ok = wattr(wr, "calendar", "statutory");
	return ok && tp_meetings_write_stage_attrs(wr->w, p, s);
}

static bool
write_stage(struct writer *wr, size_t s)
{
	const struct tp_plan *p = wr->plan;
	bool ok = wstart(wr, "stage") && write_stage_attrs(wr, s) &&
		  welem_text(wr, "name", tp_plan_stage_name(p, s)) &&
		  welem_text(wr, "owner", tp_plan_stage_owner(p, s)) &&
		  welem_text(wr, "notes", tp_plan_stage_notes(p, s));

	for (size_t k = wr->dep_start[s]; ok && k < wr->dep_start[s + 1]; k++)
		/* a meeting's report and call-in links are made on reading */
		if (!tp_plan_dependency_is_derived(p, wr->deps[k]))
			ok = write_after(wr, wr->deps[k]);
	for (size_t k = wr->con_start[s]; ok && k < wr->con_start[s + 1]; k++)
		ok = write_constraint(wr, wr->cons[k]);
	return ok && wend(wr);
}

/* Group item indexes by stage: start[s]..start[s+1] in @p items. */
static bool
group(size_t n_stages, size_t n_items, size_t (*stage_of)(const void *, size_t),
      const void *ctx, size_t **start_out, size_t **items_out)
{
	size_t *start = calloc(n_stages + 2, sizeof(*start));
	size_t *items = calloc(n_items + 1, sizeof(*items));

	*start_out = start;
	*items_out = items;
	if (!start || !items)
		return false;
	for (size_t i = 0; i < n_items; i++)
		start[stage_of(ctx, i) + 2]++;
	for (size_t s = 2; s <= n_stages + 1; s++)
		start[s] += start[s - 1];
	for (size_t i = 0; i < n_items; i++)
		items[start[stage_of(ctx, i) + 1]++] = i;
	return true;
}

static size_t
dep_target(const void *plan, size_t i)
{
	struct tp_dependency d = {0};

	(void)tp_plan_dependency(plan, i, &d);
	return d.to;
}

static size_t
constraint_stage(const void *plan, size_t i)
{
	struct tp_constraint c = {0};

	(void)tp_plan_constraint(plan, i, &c);
	return c.stage;
}

static bool
write_stages(struct writer *wr)
{
	bool ok = wstart(wr, "stages");

	tp_plan_foreach_stage (wr->plan, s) {
		if (!ok)
			break;
		/* a meeting's report and call-in stages are made on reading */
		if (tp_plan_stage_derived(wr->plan, s, NULL) == TP_DERIVED_NONE)
			ok = write_stage(wr, s);
	}
	return ok && wend(wr);
}

/* ---- the document --------------------------------------------------- */

static bool
write_plan(struct writer *wr)
{
	const char *id = tp_plan_id(wr->plan);
	bool ok = xmlTextWriterStartDocument(wr->w, "1.0", "UTF-8", NULL) >= 0;

	ok = ok && wstart(wr, "plan") && wattr(wr, "xmlns", TP_PLAN_XML_NS);
	ok = ok && (!id || wattr(wr, "id", id));
	ok = ok && wattr_int(wr, "revision", tp_plan_revision(wr->plan));
	ok = ok && welem_text(wr, "name", tp_plan_name(wr->plan));
	ok = ok && welem_text(wr, "time-zone", tp_plan_time_zone(wr->plan));
	ok = ok && write_calendar(wr) && write_anchors(wr) && write_rules(wr);
	ok = ok && tp_meetings_write_xml(wr->w, wr->plan);
	ok = ok && write_stages(wr) && tp_snapshots_write_xml(wr->w, wr->doc);
	ok = ok && wend(wr);
	return ok && xmlTextWriterEndDocument(wr->w) >= 0;
}

static bool
strings_ok(const struct tp_plan_doc *doc, const char **bad)
{
	const struct tp_plan *p = doc->plan;
	const char *s[3];

	tp_plan_foreach_stage (p, i) {
		s[0] = tp_plan_stage_name(p, i);
		s[1] = tp_plan_stage_owner(p, i);
		s[2] = tp_plan_stage_notes(p, i);
		for (size_t k = 0; k < 3; k++)
			if (s[k] && !xml_text_ok(s[k])) {
				*bad = tp_plan_stage_id(p, i);
				return false;
			}
	}
	*bad = "";
	if (tp_plan_name(p) && !xml_text_ok(tp_plan_name(p)))
		return false;
	for (size_t i = 0; i < doc->n_closures; i++)
		if (doc->closures[i].name &&
		    !xml_text_ok(doc->closures[i].name))
			return false;
	for (size_t i = 0; i < doc->n_holidays; i++)
		if (doc->holidays[i].name &&
		    !xml_text_ok(doc->holidays[i].name))
			return false;
	if (!tp_meetings_text_ok(p))
		return false;
	return !doc->ics || xml_text_ok(doc->ics);
}

static enum tp_status
render(struct writer *wr, xmlBufferPtr buf, struct tp_error *err)
{
	const struct tp_plan *p = wr->plan;
	const char *bad;

	if (!strings_ok(wr->doc, &bad))
		return tp_error_setf(err, TP_ERR_INVALID, *bad ? bad : NULL,
				     "text that XML cannot hold (control "
				     "characters or invalid UTF-8)");
	if (!group(tp_plan_stage_count(p), tp_plan_dependency_count(p),
		   dep_target, p, &wr->dep_start, &wr->deps) ||
	    !group(tp_plan_stage_count(p), tp_plan_constraint_count(p),
		   constraint_stage, p, &wr->con_start, &wr->cons))
		return tp_error_nomem(err);
	wr->w = xmlNewTextWriterMemory(buf, 0);
	if (!wr->w)
		return tp_error_nomem(err);
	xmlTextWriterSetIndent(wr->w, 1);
	xmlTextWriterSetIndentString(wr->w, (const xmlChar *)"  ");
	if (!write_plan(wr))
		return tp_error_nomem(err);
	xmlFreeTextWriter(wr->w); /* flushes into buf */
	wr->w = NULL;
	return TP_OK;
}

enum tp_status
tp_plan_doc_write_memory(const struct tp_plan_doc *doc, char **data,
			 size_t *len, struct tp_error *err)
{
	if (!doc || !data || !len)
		return tp_error_null(err, __func__);
	struct writer wr = {.doc = doc, .plan = doc->plan};
	xmlBufferPtr buf = xmlBufferCreate();
	enum tp_status rc;
	char *copy = NULL;

	if (!buf)
		return tp_error_nomem(err);
	rc = render(&wr, buf, err);
	if (wr.w)
		xmlFreeTextWriter(wr.w);
	if (rc == TP_OK) {
		size_t n = (size_t)xmlBufferLength(buf);
		copy = malloc(n + 1);
		if (!copy) {
			rc = tp_error_nomem(err);
		} else {
			memcpy(copy, xmlBufferContent(buf), n);
			copy[n] = '\0';
			*data = copy;
			*len = n;
		}
	}
	xmlBufferFree(buf);
	free(wr.dep_start);
	free(wr.deps);
	free(wr.con_start);
	free(wr.cons);
	return rc;
}

enum tp_status
tp_plan_doc_write_file_opts(const struct tp_plan_doc *doc, const char *path,
			    const struct tp_write_options *wo,
			    struct tp_error *err)
{
	char *data = NULL;
	size_t len = 0;
	enum tp_status rc =
		doc ? tp_plan_doc_write_memory(doc, &data, &len, err)
		    : tp_error_setf(err, TP_ERR_INVALID, NULL, "no plan given");

	if (rc == TP_OK)
		rc = tp_atomic_write(path, data, len, wo, err);
	free(data);
	return rc;
}

enum tp_status
tp_plan_doc_write_file(const struct tp_plan_doc *doc, const char *path,
		       struct tp_error *err)
{
	return tp_plan_doc_write_file_opts(doc, path, NULL, err);
}
