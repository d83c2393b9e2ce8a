/* SPDX-License-Identifier: MIT */
/* No crash on a valid plan (#8 item 7): every plan of the XML fuzz corpus,
 * the examples and every template is read, scheduled in each mode and
 * checked; the findings must be produced (or the call fail with a status),
 * written as XML, and never print "(null)" for a missing name. Run under
 * ASan and valgrind by ./quickstart test like every unit test. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <tenderplan/tenderplan.h>

static const enum tp_schedule_mode modes[] = {
	TP_SCHEDULE_FORWARD, TP_SCHEDULE_BACKWARD, TP_SCHEDULE_AUTO};

/* Check @plan scheduled in every mode; returns how many checks ran. */
static int
check_all_modes(const struct tp_plan *plan, const struct tp_rules_config *r,
		const char *what)
{
	int checked = 0;

	for (size_t m = 0; m < sizeof(modes) / sizeof(modes[0]); m++) {
		struct tp_schedule *s = NULL;
		struct tp_findings *f = NULL;
		char *xml = NULL;
		size_t len = 0;
		enum tp_status rc;
		if (tp_schedule_compute(plan, modes[m], &s, NULL) != TP_OK)
			continue; /* e.g. backward without a contract start */
		rc = tp_plan_check(s, r, &f, NULL);
		if (rc == TP_OK) {
			checked++;
			for (size_t i = 0; i < tp_findings_count(f); i++) {
				const struct tp_finding *x =
					tp_findings_get(f, i);
				if (strstr(x->message, "(null)"))
					fail_msg("%s: %s", what, x->message);
			}
			assert_int_equal(tp_findings_write_xml(f, NULL, &xml,
							       &len, NULL),
					 TP_OK);
			free(xml);
		} else {
			assert_true(rc == TP_ERR_RANGE || rc == TP_ERR_INVALID);
		}
		tp_findings_free(f);
		tp_schedule_free(s);
	}
	return checked;
}

static int
check_file(const char *path)
{
	struct tp_plan_doc *doc = NULL;
	struct tp_calendar *cal = NULL;
	enum tp_region region;
	int n;

	if (tp_plan_doc_read_file(path, TP_PLAN_READ_NO_CALENDAR, &doc,
				  NULL) != TP_OK)
		return 0; /* the corpus holds bad files on purpose */
	region = tp_plan_doc_region(doc);
	assert_int_equal(tp_calendar_new_region(region, &cal, NULL), TP_OK);
	tp_plan_set_calendar(tp_plan_doc_plan(doc), cal);
	n = check_all_modes(tp_plan_doc_plan_const(doc),
			    tp_plan_doc_rules(doc), path);
	tp_plan_doc_free(doc);
	tp_calendar_free(cal);
	return n;
}

static int
check_dir(const char *dir)
{
	char path[2048];
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		if (len < 5 || strcmp(e->d_name + len - 4, ".xml"))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		n += check_file(path);
	}
	closedir(d);
	return n;
}

static void
corpus_and_examples(void **state)
{
	char dir[1024];
	const char *root = getenv("TP_SOURCE_ROOT");
	int n = 0;

	assert_non_null(root);
	snprintf(dir, sizeof(dir), "%s/tests/fuzz/corpus/xml", root);
	n += check_dir(dir);
	snprintf(dir, sizeof(dir), "%s/examples", root);
	n += check_dir(dir);
	print_message("# checked %d schedules of plan files\n", n);
	assert_true(n > 0);
}

/* Every template, without names on its stages, in every region. */
static void
templates_unnamed(void **state)
{
	static const enum tp_region regions[] = {
		TP_REGION_ENGLAND_AND_WALES, TP_REGION_SCOTLAND,
		TP_REGION_NORTHERN_IRELAND};

	for (size_t t = 0; tp_template_id(t); t++)
		for (size_t g = 0; g < 3; g++) {
			struct tp_plan_doc *doc = NULL;
			struct tp_calendar *cal = NULL;
			struct tp_rules_config r;
			struct tp_plan *plan;
			assert_int_equal(tp_template_new(tp_template_id(t),
							 &doc, NULL),
					 TP_OK);
			plan = tp_plan_doc_plan(doc);
			for (size_t i = 0; i < tp_plan_stage_count(plan); i++)
				assert_int_equal(tp_plan_set_stage_name(plan, i,
									NULL,
									NULL),
						 TP_OK);
			assert_int_equal(tp_calendar_new_region(regions[g],
								&cal, NULL),
					 TP_OK);
			tp_plan_set_calendar(plan, cal);
			assert_int_equal(tp_plan_set_start_date(
						 plan, TP_DATE(2025, 9, 1),
						 NULL),
					 TP_OK);
			r = *tp_plan_doc_rules(doc);
			r.jurisdiction = regions[g];
			assert_true(check_all_modes(plan, &r,
						    tp_template_id(t)) > 0);
			tp_plan_doc_free(doc);
			tp_calendar_free(cal);
		}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(corpus_and_examples),
		cmocka_unit_test(templates_unnamed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
