/* SPDX-License-Identifier: MIT */
/* Fuzz target: a stage table read back into a plan
 * (tp_plan_edit_import_csv(), #12). Every problem names a row and says
 * what is wrong in one line; a table accepted makes only changes the plan
 * reader accepts (its cells are checked before anything changes). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <tenderplan/tenderplan.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char plan[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<plan xmlns=\"urn:tenderplan:plan:1\" id=\"fuzz\">\n"
	"  <anchors start=\"2026-01-05\"/>\n"
	"  <stages>\n"
	"    <stage id=\"a\" kind=\"advert\" time=\"12:00\">\n"
	"      <name>Advert</name>\n"
	"    </stage>\n"
	"    <stage id=\"b\" duration=\"4\" unit=\"weeks\">\n"
	"      <notes>Four weeks</notes>\n"
	"      <after stage=\"a\"/>\n"
	"      <constraint type=\"start-on\" date=\"2026-02-02\"/>\n"
	"    </stage>\n"
	"  </stages>\n"
	"</plan>\n";

static void
check_problem(const struct tp_error *p, void *user)
{
	(void)user;
	if (p->message[0] == '\0' || strchr(p->message, '\n') ||
	    p->line < 1 || strcmp(p->source, "fuzz.csv") != 0)
		__builtin_trap();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tp_plan_edit *e = NULL;
	struct tp_error err;
	enum tp_status rc;

	if (tp_plan_edit_new(plan, sizeof(plan) - 1, "plan.xml", NULL, &e,
			     &err) != TP_OK)
		__builtin_trap();
	rc = tp_plan_edit_import_csv(e, (const char *)data, size, "fuzz.csv",
				     check_problem, NULL, &err);
	if (rc == TP_OK && tp_plan_edit_finish(e, &err) != TP_OK &&
	    err.code != TP_ERR_NOMEM)
		__builtin_trap();
	if (rc != TP_OK && tp_plan_edit_change_count(e) != 0)
		__builtin_trap(); /* refused: nothing changed */
	tp_plan_edit_free(e);
	return 0;
}
