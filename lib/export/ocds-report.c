/* SPDX-License-Identifier: MIT */
/* The findings of an OCDS audit as text, CSV (RFC 4180) or the findings
 * XML of the rules checker (findings-xml-private.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error-private.h"
#include "export-private.h"
#include "findings-xml-private.h"
#include "ocds-private.h"

static const char *
regime_name(enum tp_regime r)
{
	const char *n = tp_regime_name(r);
	return n ? n : "none";
}

static void
count(const struct tp_ocds_audit *a, int n[3])
{
	n[0] = n[1] = n[2] = 0;
	for (size_t i = 0; i < a->count; i++)
		n[a->items[i].finding.severity]++;
}

/* "SEVERITY RULE [OCID RELEASE]: message (citation) - fix", as check. */
static enum tp_status
text_line(struct tp_sbuf *b, const struct tp_ocds_finding *x,
	  struct tp_error *err)
{
	const struct tp_finding *f = &x->finding;
	enum tp_status rc = tp_sbuf_printf(
		b, err, "%s %s [%s%s%s%s%s]: %s", tp_severity_name(f->severity),
		f->rule_id, x->ocid[0] ? x->ocid : "no ocid",
		x->release_id[0] ? " " : "", x->release_id,
		x->location[0] ? ", " : "", x->location, f->message);
	if (rc == TP_OK && f->citation[0])
		rc = tp_sbuf_printf(b, err, " (%s)", f->citation);
	if (rc == TP_OK && f->fix[0])
		rc = tp_sbuf_printf(b, err, " - %s", f->fix);
	return rc == TP_OK ? tp_sbuf_puts(b, "\n", err) : rc;
}

static enum tp_status
write_text(const struct tp_ocds_audit *a, struct tp_sbuf *b,
	   struct tp_error *err)
{
	enum tp_status rc = TP_OK;
	const struct tp_ocds_audit_counts *k = &a->counts;
	int n[3];
	for (size_t i = 0; rc == TP_OK && i < a->count; i++)
		rc = text_line(b, &a->items[i], err);
	count(a, n);
	if (rc == TP_OK)
		rc = tp_sbuf_printf(
			b, err,
			"%s: %zu release%s, %zu tender notice%s, %zu period%s "
			"compared, %zu skipped; %d error%s, %d warning%s, %d "
			"info\n",
			a->source[0] ? a->source : "input", k->releases,
			k->releases == 1 ? "" : "s", k->notices,
			k->notices == 1 ? "" : "s", k->audited,
			k->audited == 1 ? "" : "s", k->skipped,
			n[TP_SEVERITY_ERROR],
			n[TP_SEVERITY_ERROR] == 1 ? "" : "s",
			n[TP_SEVERITY_WARNING],
			n[TP_SEVERITY_WARNING] == 1 ? "" : "s",
			n[TP_SEVERITY_INFO]);
	return rc;
}

/* One CSV field, quoted when needed, quotes doubled (RFC 4180). */
static enum tp_status
csv_field(struct tp_sbuf *b, const char *s, bool last, struct tp_error *err)
{
	bool quote = strpbrk(s, ",\"\r\n") != NULL;
	enum tp_status rc = quote ? tp_sbuf_puts(b, "\"", err) : TP_OK;
	for (const char *p = s; rc == TP_OK && *p; p++) {
		rc = tp_sbuf_append(b, p, 1, err);
		if (rc == TP_OK && *p == '"')
			rc = tp_sbuf_puts(b, "\"", err);
	}
	if (rc == TP_OK && quote)
		rc = tp_sbuf_puts(b, "\"", err);
	return rc == TP_OK ? tp_sbuf_puts(b, last ? "\r\n" : ",", err) : rc;
}

static enum tp_status
csv_row(struct tp_sbuf *b, const char *const *v, size_t n, struct tp_error *err)
{
	enum tp_status rc = TP_OK;
	for (size_t i = 0; rc == TP_OK && i < n; i++)
		rc = csv_field(b, v[i], i + 1 == n, err);
	return rc;
}

static enum tp_status
write_csv(const struct tp_ocds_audit *a, struct tp_sbuf *b,
	  struct tp_error *err)
{
	static const char *const header[] = {
		"severity", "rule",     "ocid",        "release",
		"location", "regime",   "period_days", "minimum_days",
		"message",  "citation", "fix"};
	enum tp_status rc = csv_row(b, header, 11, err);
	for (size_t i = 0; rc == TP_OK && i < a->count; i++) {
		const struct tp_ocds_finding *x = &a->items[i];
		char period[24] = "", minimum[24] = "";
		if (x->period_days >= 0)
			snprintf(period, sizeof(period), "%ld", x->period_days);
		if (x->minimum_days >= 0)
			snprintf(minimum, sizeof(minimum), "%ld",
				 x->minimum_days);
		const char *v[] = {tp_severity_name(x->finding.severity),
				   x->finding.rule_id,
				   x->ocid,
				   x->release_id,
				   x->location,
				   x->regime ? regime_name(x->regime) : "",
				   period,
				   minimum,
				   x->finding.message,
				   x->finding.citation,
				   x->finding.fix};
		rc = csv_row(b, v, 11, err);
	}
	return rc;
}

static void
get_xml(const void *list, size_t i, struct tp_xml_finding *out)
{
	const struct tp_ocds_finding *x =
		&((const struct tp_ocds_audit *)list)->items[i];
	out->f = &x->finding;
	out->ocid = x->ocid;
	out->release = x->release_id;
	out->regime = x->regime ? regime_name(x->regime) : NULL;
}

TP_EXPORT enum tp_status
tp_ocds_audit_write(const struct tp_ocds_audit *audit,
		    enum tp_ocds_report format, char **data, size_t *len,
		    struct tp_error *err)
{
	struct tp_sbuf b = {0};
	enum tp_status rc;
	if (!audit || !data)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "tp_ocds_audit_write: no audit or no "
				     "result pointer");
	switch (format) {
	case TP_OCDS_REPORT_TEXT:
		rc = write_text(audit, &b, err);
		break;
	case TP_OCDS_REPORT_CSV:
		rc = write_csv(audit, &b, err);
		break;
	case TP_OCDS_REPORT_XML:
		/* the regimes differ by notice: each finding names its own */
		return tp_findings_xml_write(NULL, audit->source, "by-date",
					     audit->count, get_xml, audit, data,
					     len, err);
	default:
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "unknown report format %d", (int)format);
	}
	if (rc == TP_OK && !b.data)
		rc = tp_sbuf_puts(&b, "", err);
	if (rc != TP_OK) {
		free(b.data);
		return rc;
	}
	*data = b.data;
	if (len)
		*len = b.len;
	return TP_OK;
}
