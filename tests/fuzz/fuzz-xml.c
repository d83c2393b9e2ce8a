/* SPDX-License-Identifier: MIT */
/* Fuzz target: the plan file reader (size cap, DOCTYPE refusal, schema
 * validation, plan building, cycle search), then the writer and the reader
 * again on what it wrote. The calendar is not built and no file named by
 * the input is opened (TP_PLAN_READ_NO_CALENDAR). */
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
	    strcmp(err->source, "fuzz.xml") != 0)
		__builtin_trap();
}

/* What the writer produces must read back. */
static void
rewrite(const struct tp_plan_doc *doc)
{
	struct tp_plan_doc *again = NULL;
	struct tp_error err;
	char *xml = NULL;
	size_t len = 0;

	if (tp_plan_doc_write_memory(doc, &xml, &len, &err) != TP_OK)
		return; /* e.g. control characters in a name */
	if (tp_plan_doc_read_memory(xml, len, "fuzz.xml", NULL,
				    TP_PLAN_READ_NO_CALENDAR, &again,
				    &err) != TP_OK)
		__builtin_trap();
	if (tp_plan_stage_count(tp_plan_doc_plan(again)) !=
	    tp_plan_stage_count(tp_plan_doc_plan_const(doc)))
		__builtin_trap();
	tp_plan_doc_free(again);
	free(xml);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tp_plan_doc *doc = NULL;
	struct tp_error err;

	if (tp_plan_doc_read_memory((const char *)data, size, "fuzz.xml", NULL,
				    TP_PLAN_READ_NO_CALENDAR, &doc,
				    &err) != TP_OK) {
		check_error(&err);
		return 0;
	}
	rewrite(doc);
	tp_plan_doc_free(doc);
	return 0;
}
