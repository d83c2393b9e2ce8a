/* SPDX-License-Identifier: MIT */
/**
 * @file tp-ocds.h
 * Auditing published Open Contracting Data Standard (OCDS) 1.1 notices:
 * for each tender notice, the period it gave against the minimum of the
 * regime in force on its date.
 *
 * Input is a release package (an object with a "releases" array), a single
 * release, or JSON lines of releases or packages, as Find a Tender and
 * Contracts Finder publish them. A release that is not JSON, or breaks the
 * rules of the OCDS 1.1 release schema for the fields the audit reads
 * (the required fields, their types, the closed codelists of tag,
 * tender.status, tender.procurementMethod and
 * tender.mainProcurementCategory, and date-times), is reported as a
 * finding and skipped; only a file that cannot be read at all is an error.
 *
 * For each tender notice (tag "tender", "tenderUpdate" or
 * "tenderAmendment"):
 * - the period runs from tender.tenderPeriod.startDate, or
 *   tender.datePublished, or the release date of a "tender" release, to
 *   tender.tenderPeriod.endDate, as local dates in Europe/London;
 * - the regime is tp_regime_for() on the start date in the jurisdiction of
 *   the options;
 * - the procedure comes from tender.procurementMethodDetails (Contracts
 *   Finder and Find a Tender words) or tender.procurementMethod; for a
 *   procedure with a selection stage (restricted, negotiation, dialogue,
 *   innovation partnership, competitive flexible) the notice's deadline is
 *   for requests to participate and is checked against that minimum;
 * - tender.value is compared with the thresholds in force on the start
 *   date, where it can be (see tp_ocds_audit_write() findings for why not).
 *
 * Rule ids: ocds.malformed, ocds.schema-invalid, audit.no-period,
 * audit.period-reversed,
 * audit.regime-none, audit.procedure-unknown, audit.no-minimum,
 * audit.below-threshold, audit.tender-minimum, audit.participation-minimum,
 * audit.tender-reduced, audit.participation-reduced, audit.period-met.
 *
 * A struct tp_ocds_audit is read-only once made: many threads may read one.
 *
 * NULL pointer arguments give TP_ERR_INVALID, or a getter's empty value
 * (NULL, 0, false, day 0), as tp-common.h says; exceptions are noted at
 * the function.
 */
#ifndef TP_OCDS_H
#define TP_OCDS_H

#include <stddef.h>

#include "tp-calendar.h"
#include "tp-common.h"
#include "tp-rules.h"

#ifdef __cplusplus
extern "C" {
#endif

/** How to audit. Initialise with tp_ocds_audit_options_init(). */
struct tp_ocds_audit_options {
	/** Whose law applies (tp_regime_for()): england-and-wales (the
	 * default), scotland or northern-ireland. OCDS does not say. */
	enum tp_region jurisdiction;
	/** Room to grow without an ABI break. */
	unsigned char reserved[60];
};

/** Set @p opt to the defaults (england-and-wales). */
TP_EXPORT void tp_ocds_audit_options_init(struct tp_ocds_audit_options *opt);

/** One finding about one release. Strings are owned by the audit. */
struct tp_ocds_finding {
	/** Severity, rule id, citation, message and fix as for check;
	 * @c stage and @c other_stage are "". */
	struct tp_finding finding;
	/** The release's ocid and id ("" if it has none). */
	const char *ocid;
	const char *release_id; /**< see @c ocid */
	/** Where it is: "line 12" (JSON lines) or "releases[22]". */
	const char *location;
	/** The regime applied (TP_REGIME_NONE when none was). */
	enum tp_regime regime;
	/** The period the notice gave and the minimum, in days; -1 when not
	 * known or not applicable. */
	long period_days;
	long minimum_days; /**< see @c period_days */
};

/** Counts of what an audit read. */
struct tp_ocds_audit_counts {
	size_t releases; /**< releases found (valid or not) */
	size_t notices;  /**< tender notices among the valid ones */
	size_t audited;  /**< notices whose period was compared */
	size_t skipped;  /**< releases reported as malformed or invalid */
};

/** The result of one audit. */
struct tp_ocds_audit;

/**
 * Audit @p len bytes of OCDS JSON at @p data; @p source names it in
 * messages (may be NULL). @p opt may be NULL for the defaults. Errors:
 * TP_ERR_PARSE when the whole input is not JSON (naming @p source, the
 * line and column) or holds no release at all, TP_ERR_INVALID for bad
 * arguments, TP_ERR_NOMEM. Free the result with tp_ocds_audit_free().
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_ocds_audit_buffer(const char *data, size_t len, const char *source,
		     const struct tp_ocds_audit_options *opt,
		     struct tp_ocds_audit **out, struct tp_error *err);

/** As tp_ocds_audit_buffer() on the file @p path ("-" is standard input);
 * TP_ERR_IO naming the file if it cannot be read. */
TP_EXPORT TP_NODISCARD enum tp_status
tp_ocds_audit_file(const char *path, const struct tp_ocds_audit_options *opt,
		   struct tp_ocds_audit **out, struct tp_error *err);

/** Free @p audit. NULL is allowed. */
TP_EXPORT void tp_ocds_audit_free(struct tp_ocds_audit *audit);

/** Number of findings. */
TP_EXPORT size_t tp_ocds_audit_count(const struct tp_ocds_audit *audit);

/** Finding @p i, borrowed until the audit is freed; NULL if out of
 * range. */
TP_EXPORT const struct tp_ocds_finding *
tp_ocds_audit_get(const struct tp_ocds_audit *audit, size_t i);

/** What was read; zeros for NULL. */
TP_EXPORT void tp_ocds_audit_counts(const struct tp_ocds_audit *audit,
				    struct tp_ocds_audit_counts *out);

/** The highest severity found; TP_SEVERITY_INFO for none. */
TP_EXPORT enum tp_severity
tp_ocds_audit_max_severity(const struct tp_ocds_audit *audit);

/** Report formats of tp_ocds_audit_write(). */
enum tp_ocds_report {
	/** One line per finding as "tenderplan check" prints them,
	 * "SEVERITY RULE [OCID RELEASE]: message (citation) - fix", and a
	 * summary line. */
	TP_OCDS_REPORT_TEXT = 0,
	/** RFC 4180 CSV with a header row: severity, rule, ocid, release,
	 * location, regime, period_days, minimum_days, message, citation,
	 * fix. */
	TP_OCDS_REPORT_CSV = 1,
	/** The findings XML of tp_findings_write_xml()
	 * (data/tenderplan-findings.xsd), each finding with its ocid and
	 * release. */
	TP_OCDS_REPORT_XML = 2,
};

/**
 * Write the findings of @p audit as @p format into a new NUL-terminated
 * buffer at @p data (release it with tp_free()) of @p len bytes (@p len
 * may be NULL).
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_ocds_audit_write(const struct tp_ocds_audit *audit,
		    enum tp_ocds_report format, char **data, size_t *len,
		    struct tp_error *err);

#ifdef __cplusplus
}
#endif
#endif
