/* SPDX-License-Identifier: MIT */
/* SVG Gantt and HTML page: well-formed, one row per stage, bars and
 * diamonds where the schedule puts them, critical path in red, holidays
 * shaded, week-commencing-Monday columns. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/HTMLparser.h>

#include "export-fixtures.h"
#include "export-xml-util.h"

#define NS       "http://www.w3.org/2000/svg"
#define CRITICAL "#c8312a"

static xmlDocPtr
export_svg(const struct fixture *f, const struct tp_export_options *opt)
{
	char *buf = NULL;
	size_t len = 0;
	assert_int_equal(tp_export_to_buffer(TP_EXPORT_SVG, f->plan, f->sched,
					     opt, &buf, &len, NULL),
			 TP_OK);
	xmlDocPtr doc =
		xmlReadMemory(buf, (int)len, "g.svg", NULL, XML_PARSE_NONET);
	free(buf);
	assert_non_null(doc);
	return doc;
}

static int
count_shapes(const struct fixture *f, bool periods, bool critical_only)
{
	int n = 0;
	tp_plan_foreach_stage (f->plan, s) {
		if (tp_plan_stage_is_milestone(f->plan, s) == periods)
			continue;
		n += !critical_only || tp_schedule_is_critical(f->sched, s);
	}
	return n;
}

static void
rows_bars_and_diamonds(void **state)
{
	struct fixture f;
	assert_int_equal(fixture_hartlepool(&f, NULL), 0);
	xmlDocPtr doc = export_svg(&f, NULL);
	/* bars are the rects with a tooltip naming dates ("to"), milestones
	 * polygons with one; the legend has none */
	assert_int_equal(
		xpath_count(doc, NS, "//s:rect[s:title[contains(., ' to ')]]"),
		count_shapes(&f, true, false));
	assert_int_equal(xpath_count(doc, NS, "//s:polygon[s:title]"),
			 count_shapes(&f, false, false));
	assert_int_equal(
		xpath_count(
			doc, NS,
			"//s:rect[s:title[contains(., ' to ')]][@fill='" CRITICAL
			"']"),
		count_shapes(&f, true, true));
	assert_true(count_shapes(&f, true, true) > 0);
	/* the tender deadline with its time (hand check: 10 Feb 2012, noon) */
	assert_int_equal(xpath_count(doc, NS, "//s:text[.='10 Feb 12:00']"), 1);
	/* holiday shading on weekdays only (Christmas Day 2011 was a Sunday):
	 * 26 and 27 Dec 2011, 2 Jan, 6 and 9 Apr 2012, and the early May bank
	 * holiday, 7 May 2012, in the spare week after w/c 30 Apr: six. */
	assert_int_equal(
		xpath_count(doc, NS, "//s:rect[@fill='#f2d4a8'][s:title]"), 6);
	assert_int_equal(
		xpath_count(doc, NS,
			    "//s:rect[s:title[starts-with(., '2011-12-26')]]"),
		1);
	/* week columns: w/c Mon 31 Oct 2011 is the first ("31") */
	assert_int_equal(xpath_count(doc, NS, "//s:text[.='w/c']"), 1);
	char *first = xpath_string(
		doc, NS,
		"string(//s:text[.='w/c']/following-sibling::s:text[1])");
	assert_string_equal(first, "31");
	free(first);
	assert_int_equal(xpath_count(doc, NS, "//s:text[.='Nov 2011']"), 1);
	assert_int_equal(xpath_count(doc, NS, "//s:text[.='Apr 2012']"), 1);
	xmlFreeDoc(doc);
	fixture_free(&f);
}

static void
deadlines_only_rows(void **state)
{
	struct fixture f;
	assert_int_equal(fixture_thurrock(&f, NULL), 0);
	struct tp_export_options opt;
	tp_export_options_init(&opt);
	opt.deadlines_only = true;
	xmlDocPtr doc = export_svg(&f, &opt);
	assert_int_equal(
		xpath_count(doc, NS, "//s:rect[s:title[contains(., ' to ')]]"),
		0);
	assert_int_equal(xpath_count(doc, NS, "//s:polygon[s:title]"),
			 count_shapes(&f, false, false));
	/* Thurrock tenders due Thu 6 Sep 2012 at noon */
	assert_int_equal(xpath_count(doc, NS, "//s:text[.='6 Sep 12:00']"), 1);
	xmlFreeDoc(doc);
	fixture_free(&f);
}

static void
html_page_embeds_svg(void **state)
{
	struct fixture f;
	assert_int_equal(fixture_thurrock(&f, NULL), 0);
	const struct tp_export_finding fnd = {
		"error", NULL,    "PCR 2006 reg 32A",
		NULL,    "award", "award inside the standstill"};
	struct tp_export_options opt;
	tp_export_options_init(&opt);
	opt.findings = &fnd;
	opt.n_findings = 1;
	char *buf = NULL;
	size_t len = 0;
	assert_int_equal(tp_export_to_buffer(TP_EXPORT_HTML, f.plan, f.sched,
					     &opt, &buf, &len, NULL),
			 TP_OK);
	assert_true(strncmp(buf, "<!DOCTYPE html>", 15) == 0);
	assert_null(strstr(buf, "<?xml"));
	assert_null(strstr(buf, "http://") ? strstr(buf, "src=\"http") : NULL);
	htmlDocPtr doc =
		htmlReadMemory(buf, (int)len, "p.html", "UTF-8",
			       HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	assert_non_null(doc);
	assert_int_equal(xpath_count(doc, NULL, "//svg"), 1);
	assert_int_equal(xpath_count(doc, NULL, "//table/tr"),
			 (int)tp_plan_stage_count(f.plan) + 1);
	char *t = xpath_string(doc, NULL, "string(//h1)");
	assert_string_equal(t, tp_plan_name(f.plan));
	free(t);
	assert_non_null(
		strstr(buf, "award inside the standstill (PCR 2006 reg 32A)"));
	xmlFreeDoc(doc);
	free(buf);
	fixture_free(&f);
}

static void
one_plan_only(void **state)
{
	struct fixture a, b;
	assert_int_equal(fixture_hartlepool(&a, NULL), 0);
	assert_int_equal(fixture_thurrock(&b, NULL), 0);
	const struct tp_schedule *s[] = {a.sched, b.sched};
	char *buf = NULL;
	struct tp_error err;
	assert_int_equal(tp_export_portfolio_to_buffer(TP_EXPORT_SVG, s, 2,
						       NULL, &buf, NULL, &err),
			 TP_ERR_INVALID);
	assert_non_null(strstr(err.message, "one plan"));
	fixture_free(&a);
	fixture_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rows_bars_and_diamonds),
		cmocka_unit_test(deadlines_only_rows),
		cmocka_unit_test(html_page_embeds_svg),
		cmocka_unit_test(one_plan_only),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	xmlCleanupParser();
	return rc;
}
