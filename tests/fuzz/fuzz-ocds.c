/* SPDX-License-Identifier: MIT */
/* Fuzz target: the OCDS audit reader (tenderplan audit), which parses
 * untrusted published data: whole-file and JSON-lines reading, the schema
 * checks, the period and threshold rules, then all three reports. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <tenderplan/tenderplan.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_error(const struct tp_error *err)
{
	/* Every failure explains itself in one line and names the input. */
	if (err->message[0] == '\0' || strchr(err->message, '\n') ||
	    strcmp(err->source, "fuzz.json") != 0)
		__builtin_trap();
}

static void
check_audit(const struct tp_ocds_audit *a)
{
	struct tp_ocds_audit_counts k;
	tp_ocds_audit_counts(a, &k);
	if (k.notices > k.releases || k.audited > k.notices ||
	    k.skipped > k.releases)
		__builtin_trap();
	for (size_t i = 0; i < tp_ocds_audit_count(a); i++) {
		const struct tp_ocds_finding *f = tp_ocds_audit_get(a, i);
		if (!f->finding.message[0] || !f->finding.rule_id[0] ||
		    f->period_days < -1 || f->minimum_days < -1)
			__builtin_trap();
	}
	for (int fmt = TP_OCDS_REPORT_TEXT; fmt <= TP_OCDS_REPORT_XML; fmt++) {
		char *out = NULL;
		size_t len = 0;
		struct tp_error err;
		if (tp_ocds_audit_write(a, (enum tp_ocds_report)fmt, &out, &len,
					&err) != TP_OK) {
			if (err.code != TP_ERR_NOMEM)
				__builtin_trap();
			continue;
		}
		if (strlen(out) != len)
			__builtin_trap();
		free(out);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tp_ocds_audit *a = NULL;
	struct tp_error err;
	if (tp_ocds_audit_buffer((const char *)data, size, "fuzz.json", NULL,
				 &a, &err) != TP_OK) {
		check_error(&err);
		return 0;
	}
	check_audit(a);
	tp_ocds_audit_free(a);
	return 0;
}
