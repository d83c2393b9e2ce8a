/* SPDX-License-Identifier: MIT */
/* tp_free() releases every buffer the library hands out, through the
 * library's own free(): a caller with another C runtime (a binding) must
 * never need its own free(). The test reads a bundled example as a user's
 * program would, makes each kind of buffer, releases it with tp_free() and
 * checks, through a wrapper around the library's free() (linked with
 * -Wl,--wrap=free), that exactly that pointer reached free(). A tp_free()
 * that did nothing, or freed something else, fails here in every build;
 * ASan and valgrind also report a leak or a bad free. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <tenderplan/tenderplan.h>

void __real_free(void *ptr);
void __wrap_free(void *ptr);

/* Pointers that reached free() since the last reset (a few are enough:
 * only the call under test runs in between). */
static void *freed[8];
static size_t n_freed;

void
__wrap_free(void *ptr)
{
	if (ptr && n_freed < sizeof(freed) / sizeof(freed[0]))
		freed[n_freed++] = ptr;
	__real_free(ptr);
}

static void
release_and_check(char *buf)
{
	n_freed = 0;
	tp_free(buf);
	assert_int_equal(n_freed, 1);
	assert_ptr_equal(freed[0], buf);
}

struct loaded {
	struct tp_plan_doc *doc;
	struct tp_schedule *sched;
};

static int
load(void **state)
{
	static struct loaded l;
	char path[4096];
	const char *root = getenv("TP_SOURCE_ROOT");
	struct tp_error err;

	if (!root)
		return -1;
	/* The example with findings (its award falls inside its standstill:
	 * examples/README.md), so that the findings XML is not empty. */
	snprintf(path, sizeof(path), "%s/examples/thurrock-2012.xml", root);
	if (tp_plan_doc_read_file(path, 0, &l.doc, &err) != TP_OK ||
	    tp_schedule_compute(tp_plan_doc_plan_const(l.doc),
				TP_SCHEDULE_AUTO, &l.sched, &err) != TP_OK) {
		fprintf(stderr, "%s\n", err.message);
		return -1;
	}
	*state = &l;
	return 0;
}

static int
unload(void **state)
{
	struct loaded *l = *state;
	tp_schedule_free(l->sched);
	tp_plan_doc_free(l->doc);
	return 0;
}

static void
free_null(void **state)
{
	n_freed = 0;
	tp_free(NULL); /* allowed, does nothing */
	assert_int_equal(n_freed, 0);
}

static void
export_buffers(void **state)
{
	const struct loaded *l = *state;
	const struct tp_plan *plan = tp_plan_doc_plan_const(l->doc);

	for (int f = 0; tp_export_format_name((enum tp_export_format)f); f++) {
		char *buf = NULL;
		size_t len = 0;
		assert_int_equal(tp_export_to_buffer((enum tp_export_format)f,
						     plan, l->sched, NULL, &buf,
						     &len, NULL),
				 TP_OK);
		assert_non_null(buf);
		assert_true(len > 0 && buf[len] == '\0');
		release_and_check(buf);
	}
}

static void
portfolio_buffer(void **state)
{
	const struct loaded *l = *state;
	const struct tp_schedule *scheds[] = {l->sched, l->sched};
	char *buf = NULL;

	assert_int_equal(tp_export_portfolio_to_buffer(TP_EXPORT_CSV, scheds, 2,
						       NULL, &buf, NULL, NULL),
			 TP_OK);
	assert_non_null(strstr(buf, "thurrock"));
	release_and_check(buf);
}

static void
plan_xml_buffer(void **state)
{
	const struct loaded *l = *state;
	char *buf = NULL;
	size_t len = 0;

	assert_int_equal(tp_plan_doc_write_memory(l->doc, &buf, &len, NULL),
			 TP_OK);
	assert_non_null(strstr(buf, "urn:tenderplan:plan:1"));
	assert_int_equal(strlen(buf), len);
	release_and_check(buf);
}

static void
findings_xml_buffer(void **state)
{
	const struct loaded *l = *state;
	struct tp_findings *findings = NULL;
	char *buf = NULL;
	size_t len = 0;

	assert_int_equal(tp_plan_check(l->sched, tp_plan_doc_rules(l->doc),
				       &findings, NULL),
			 TP_OK);
	assert_int_equal(tp_findings_write_xml(findings, "thurrock", &buf,
					       &len, NULL),
			 TP_OK);
	assert_non_null(strstr(buf, "<finding"));
	assert_int_equal(strlen(buf), len);
	release_and_check(buf);
	tp_findings_free(findings);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(free_null),
		cmocka_unit_test(export_buffers),
		cmocka_unit_test(portfolio_buffer),
		cmocka_unit_test(plan_xml_buffer),
		cmocka_unit_test(findings_xml_buffer),
	};
	return cmocka_run_group_tests(tests, load, unload);
}
