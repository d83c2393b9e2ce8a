/* SPDX-License-Identifier: MIT */
/* The findings XML (data/tenderplan-findings.xsd) of check-xml.c, shared
 * by the rules checker and the OCDS audit. */
#ifndef TP_FINDINGS_XML_PRIVATE_H
#define TP_FINDINGS_XML_PRIVATE_H

#include <stddef.h>

#include <tenderplan/tp-rules.h>

/* One finding and, for an audit, the release it is about (NULL or "":
 * the attribute is left out). */
struct tp_xml_finding {
	const struct tp_finding *f;
	const char *ocid, *release, *regime;
};

/* The document: root attributes plan, source and regime (NULL or "" left
 * out, except regime: "none"), then finding i = 0..n-1 as @p get gives
 * it. Into a new NUL-terminated buffer (free()). */
enum tp_status tp_findings_xml_write(
	const char *plan_id, const char *source, const char *regime, size_t n,
	void (*get)(const void *list, size_t i, struct tp_xml_finding *out),
	const void *list, char **data, size_t *len, struct tp_error *err);

#endif
