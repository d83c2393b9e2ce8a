/* SPDX-License-Identifier: MIT */
/* Fuzz target: editing a plan file in place (tp-plan-edit.h, #12). A plan
 * the reader accepts, whatever its layout, is changed (the first stage's
 * duration and name, a closure, a new stage linked after the first), and
 * the result must read back: the line merge that keeps the file's layout
 * either holds or gives way to libxml2's own writing, never to a broken
 * file. An input the reader refuses is refused with the reader's error. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <tenderplan/tenderplan.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
edit(struct tp_plan_edit *e)
{
	const struct tp_plan *p =
		tp_plan_doc_plan_const(tp_plan_edit_original(e));
	const char *first = tp_plan_stage_id(p, 0);
	struct tp_error err;

	(void)!tp_plan_edit_add_closure(e, TP_DATE(2026, 12, 24),
					TP_DATE(2027, 1, 1), "Christmas & <New "
							     "Year>",
					&err);
	if (first) {
		(void)!tp_plan_edit_set_stage_duration(e, first, 7,
						       TP_UNIT_WORKING_DAYS,
						       &err);
		(void)!tp_plan_edit_set_stage_text(e, first,
						   TP_STAGE_TEXT_NAME,
						   "A & \"B\"", &err);
		if (tp_plan_edit_add_stage(e, "fuzz-new", TP_STAGE_CUSTOM, 1,
					   TP_UNIT_WEEKS, "New", first, NULL,
					   &err) == TP_OK &&
		    tp_plan_edit_link(e, first, "fuzz-new", NULL, &err) !=
			    TP_OK)
			__builtin_trap();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tp_plan_edit *e = NULL;
	struct tp_error err;

	if (tp_plan_edit_new((const char *)data, size, "fuzz.xml", NULL, &e,
			     &err) != TP_OK) {
		if (err.message[0] == '\0' || strchr(err.message, '\n'))
			__builtin_trap();
		return 0;
	}
	edit(e);
	if (tp_plan_edit_finish(e, &err) != TP_OK &&
	    err.code != TP_ERR_NOMEM && err.code != TP_ERR_CYCLE)
		__builtin_trap();
	tp_plan_edit_free(e);
	return 0;
}
