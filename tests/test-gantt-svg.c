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
#include <tenderplan/tp-revision.h>

#define NS       "http://www.w3.org/2000/svg"
#define CRITICAL "#c8312a"

static double
fabs_(double x)
{
	return x < 0 ? -x : x;
}

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

/* ---- portfolios (#11) ---------------------------------------------------- */

static xmlDocPtr
export_portfolio(enum tp_export_format fmt, const struct tp_schedule *const *s,
		 size_t n, const struct tp_export_options *opt, char **text)
{
	char *buf = NULL;
	size_t len = 0;
	assert_int_equal(
		tp_export_portfolio_to_buffer(fmt, s, n, opt, &buf, &len, NULL),
		TP_OK);
	xmlDocPtr doc =
		fmt == TP_EXPORT_HTML
			? htmlReadMemory(buf, (int)len, "p.html", "UTF-8",
					 HTML_PARSE_NOERROR |
						 HTML_PARSE_NOWARNING)
			: xmlReadMemory(buf, (int)len, "p.svg", NULL,
					XML_PARSE_NONET);
	assert_non_null(doc);
	if (text)
		*text = buf;
	else
		free(buf);
	return doc;
}

static int
cmp_strp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every id attribute of the document, none twice; returns how many. */
static int
ids_unique(xmlDocPtr doc)
{
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST "//@id", ctx);
	int n = o && o->nodesetval ? o->nodesetval->nodeNr : 0;
	char **v = calloc((size_t)n + 1, sizeof(*v));
	assert_non_null(v);
	for (int i = 0; i < n; i++)
		v[i] = (char *)xmlNodeGetContent(o->nodesetval->nodeTab[i]);
	qsort(v, (size_t)n, sizeof(*v), cmp_strp);
	for (int i = 1; i < n; i++)
		if (!strcmp(v[i - 1], v[i]))
			fail_msg("id '%s' twice", v[i]);
	for (int i = 0; i < n; i++)
		xmlFree(v[i]);
	free(v);
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(ctx);
	return n;
}

static double
num_of(xmlDocPtr doc, const char *ns, const char *expr)
{
	char *v = xpath_string(doc, ns, expr);
	double d = atof(v);
	free(v);
	return d;
}

/* A stage's bar (a period) or diamond, in its group. */
static void
stage_expr(char *buf, size_t size, const struct tp_plan *p, size_t s,
	   const char *what)
{
	snprintf(buf, size, "//s:g[@id='stage:%s:%s']/%s", tp_plan_id(p),
		 tp_plan_stage_id(p, s), what);
}

/* Both reference plans in one chart: a group per plan ("tender:ID")
 * holding a group per stage ("stage:ID:STAGE"), ids unique; each stage's
 * tooltip gives the schedule's dates, and every bar sits where one shared
 * linear time axis puts its dates (fitted on two stages of different
 * plans, then checked on every stage of both: an axis per plan, or a
 * plan's rows drawn against another's dates, would fail). */
static void
portfolio_one_axis(void **state)
{
	struct fixture a, b;
	assert_int_equal(fixture_hartlepool(&a, NULL), 0);
	assert_int_equal(fixture_thurrock(&b, NULL), 0);
	const struct fixture *fx[] = {&a, &b};
	const struct tp_schedule *s[] = {a.sched, b.sched};
	xmlDocPtr doc = export_portfolio(TP_EXPORT_SVG, s, 2, NULL, NULL);
	char e[400];
	size_t total =
		tp_plan_stage_count(a.plan) + tp_plan_stage_count(b.plan);

	assert_int_equal(ids_unique(doc), (int)(2 + total));
	assert_int_equal(xpath_count(doc, NS, "//s:g[@class='tender']"), 2);
	assert_int_equal(
		xpath_count(
			doc, NS,
			"//s:g[@id='tender:hartlepool-2011']/s:g[@class='stage']"),
		(int)tp_plan_stage_count(a.plan));
	assert_int_equal(
		xpath_count(
			doc, NS,
			"//s:g[@id='tender:thurrock-2012']/s:g[@class='stage']"),
		(int)tp_plan_stage_count(b.plan));
	/* the title: 2 tenders, from Hartlepool's start (1 Nov 2011, the
	 * fixture's start) */
	assert_int_equal(
		xpath_count(doc, NS,
			    "//s:text[starts-with(., 'Tender timetables (2 "
			    "tenders, 2011-11-01 to ')]"),
		1);
	/* the shared axis: x = x0 + k * day, fitted on Hartlepool's first
	 * period bar and Thurrock's last */
	size_t s0 = SIZE_MAX, s1 = SIZE_MAX;
	tp_plan_foreach_stage (a.plan, k)
		if (s0 == SIZE_MAX && !tp_plan_stage_is_milestone(a.plan, k))
			s0 = k;
	tp_plan_foreach_stage (b.plan, k)
		if (!tp_plan_stage_is_milestone(b.plan, k))
			s1 = k;
	stage_expr(e, sizeof(e), a.plan, s0, "s:rect[s:title]/@x");
	double xa = num_of(doc, NS, e);
	stage_expr(e, sizeof(e), b.plan, s1, "s:rect[s:title]/@x");
	double xb = num_of(doc, NS, e);
	int32_t da = tp_schedule_early_start(a.sched, s0).day;
	int32_t db = tp_schedule_early_start(b.sched, s1).day;
	double k = (xb - xa) / (db - da);
	assert_true(k > 0.5);
	for (int f = 0; f < 2; f++) {
		const struct fixture *x = fx[f];
		tp_plan_foreach_stage (x->plan, st) {
			struct tp_date d0 =
				tp_schedule_early_start(x->sched, st);
			struct tp_date d1 =
				tp_schedule_early_finish(x->sched, st);
			char t0[TP_DATE_STRLEN], t1[TP_DATE_STRLEN], want[80];
			snprintf(want, sizeof(want), ": %s to %s,",
				 tp_date_format(d0, t0),
				 tp_date_format(d1, t1));
			stage_expr(e, sizeof(e), x->plan, st, "*/s:title");
			char *tip = xpath_string(doc, NS, e);
			if (!strstr(tip, want))
				fail_msg("%s: tooltip '%s' lacks '%s'",
					 tp_plan_stage_id(x->plan, st), tip,
					 want);
			free(tip);
			if (tp_plan_stage_is_milestone(x->plan, st))
				continue;
			stage_expr(e, sizeof(e), x->plan, st,
				   "s:rect[s:title]/@x");
			double want_x = xa + k * (d0.day - da);
			if (fabs_(num_of(doc, NS, e) - want_x) > 0.15)
				fail_msg("%s: x %s, want %.2f",
					 tp_plan_stage_id(x->plan, st), e,
					 want_x);
			stage_expr(e, sizeof(e), x->plan, st,
				   "s:rect[s:title]/@width");
			assert_true(fabs_(num_of(doc, NS, e) -
					  k * (d1.day - d0.day + 1)) < 0.15);
		}
	}
	/* each plan's holidays within its own rows: Boxing Day 2011 (a
	 * Monday) in Hartlepool's, Christmas Day 2012 (a Tuesday) in
	 * Thurrock's and not in Hartlepool's, which ended in May 2012 */
	double th_top = num_of(
		doc, NS, "//s:g[@id='tender:thurrock-2012']/s:rect[1]/@y");
	assert_int_equal(
		xpath_count(doc, NS,
			    "//s:rect[s:title[starts-with(., '2012-12-25')]]"),
		1);
	assert_true(
		num_of(doc, NS,
		       "//s:rect[s:title[starts-with(., '2012-12-25')]]/@y") >=
		th_top - 8);
	double y = num_of(doc, NS,
			  "//s:rect[s:title[starts-with(., '2011-12-26')]]/@y");
	double h = num_of(
		doc, NS,
		"//s:rect[s:title[starts-with(., '2011-12-26')]]/@height");
	assert_true(y + h <= th_top);
	/* Thurrock's header row: its name cut short, not its id (54 bytes
	 * with the id, over the 42 a label holds) */
	char *lab = xpath_string(
		doc, NS, "string(//s:g[@id='tender:thurrock-2012']/s:text[1])");
	assert_string_equal(lab, "Thurrock: early offer of \xE2\x80\xA6 "
				 "(thurrock-2012)");
	free(lab);
	/* Thurrock's header row: its bar from its start, 25 Jun 2012 */
	char want[200], t1[TP_DATE_STRLEN];
	snprintf(want, sizeof(want),
		 "string(//s:g[@id='tender:thurrock-2012']/s:rect/s:title)");
	char *tip = xpath_string(doc, NS, want);
	snprintf(want, sizeof(want),
		 "Thurrock: early offer of help services (thurrock-2012): "
		 "2012-06-25 to %s, revision 1",
		 tp_date_format(tp_schedule_plan_finish(b.sched), t1));
	assert_non_null(strstr(tip, want));
	free(tip);
	xmlFreeDoc(doc);
	fixture_free(&a);
	fixture_free(&b);
}

/* The axis follows the span (tp-export.h): by week up to 80 weeks, then
 * by month, quarter or year; a plan without an id is "tender-K". Spans
 * worked out by hand from the generic plan (Hartlepool's stages, about
 * six months from its start). */
static void
portfolio_axis_ticks(void **state)
{
	const struct {
		struct tp_date first, last; /* the two plans' starts */
		const char *present, *absent;
	} cases[] = {
		/* about 8 months: weeks */
		{TP_DATE(2025, 1, 6), TP_DATE(2025, 3, 3), "//s:text[.='w/c']",
		 "//s:text[.='Q1']"},
		/* 2025-01-06 to about Dec 2026, 100 weeks: months */
		{TP_DATE(2025, 1, 6), TP_DATE(2026, 6, 1), "//s:text[.='Sep']",
		 "//s:text[.='w/c']"},
		/* about 7.5 years: quarters, each year named */
		{TP_DATE(2020, 1, 6), TP_DATE(2027, 1, 4), "//s:text[.='Q3']",
		 "//s:text[.='Jan']"},
		/* about 30.5 years: years, 2000 to 2031 (32 years, 35 units
		 * each, under the 40 a name needs): every 2nd named */
		{TP_DATE(2000, 1, 3), TP_DATE(2030, 1, 7), "//s:text[.='2016']",
		 "//s:text[.='2015']"},
	};
	struct tp_calendar *cal;
	assert_int_equal(
		tp_calendar_new_region(TP_REGION_ENGLAND_AND_WALES, &cal, NULL),
		TP_OK);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct fixture a, b;
		assert_int_equal(fixture_generic(&a, cal, 1, cases[i].first),
				 0);
		assert_int_equal(fixture_generic(&b, cal, 2, cases[i].last), 0);
		assert_int_equal(tp_plan_set_id(b.plan, NULL, NULL), TP_OK);
		const struct tp_schedule *s[] = {a.sched, b.sched};
		xmlDocPtr doc =
			export_portfolio(TP_EXPORT_SVG, s, 2, NULL, NULL);
		if (xpath_count(doc, NS, cases[i].present) < 1 ||
		    xpath_count(doc, NS, cases[i].absent) != 0)
			fail_msg("case %zu: %s missing or %s present", i,
				 cases[i].present, cases[i].absent);
		assert_int_equal(xpath_count(doc, NS, "//s:g[@id='tender-2']"),
				 1);
		assert_int_equal(
			xpath_count(
				doc, NS,
				"//s:g[@id='tender-2']/s:g[starts-with(@id, "
				"'stage-2:')]"),
			(int)tp_plan_stage_count(b.plan));
		ids_unique(doc);
		/* a day under one unit wide (by quarter and by year): no
		 * holiday shading, nor its legend */
		int shaded = xpath_count(doc, NS, "//s:rect[@fill='#f2d4a8']");
		assert_true(i < 2 ? shaded > 1 : shaded == 0);
		xmlFreeDoc(doc);
		fixture_free(&a);
		fixture_free(&b);
	}
	tp_calendar_free(cal);
}

/* The HTML page of a portfolio: one chart, one table with a row naming
 * each plan above its stages, ids unique across the page. */
static void
portfolio_html(void **state)
{
	struct fixture a, b;
	assert_int_equal(fixture_hartlepool(&a, NULL), 0);
	assert_int_equal(fixture_thurrock(&b, NULL), 0);
	const struct tp_schedule *s[] = {a.sched, b.sched};
	struct tp_export_options opt;
	tp_export_options_init(&opt);
	opt.title = "Pipeline 2011-13";
	char *text = NULL;
	xmlDocPtr doc = export_portfolio(TP_EXPORT_HTML, s, 2, &opt, &text);
	assert_int_equal(xpath_count(doc, NULL, "//svg"), 1);
	assert_int_equal(xpath_count(doc, NULL, "//table/tr[@class='tender']"),
			 2);
	assert_int_equal(xpath_count(doc, NULL, "//table/tr"),
			 (int)(1 + 2 + tp_plan_stage_count(a.plan) +
			       tp_plan_stage_count(b.plan)));
	char *h1 = xpath_string(doc, NULL, "string(//h1)");
	assert_string_equal(h1, "Pipeline 2011-13");
	free(h1);
	/* Thurrock's row comes after Hartlepool's stages */
	assert_int_equal(
		xpath_count(doc, NULL,
			    "//table/tr[@class='tender'][2]/th[starts-with(., "
			    "'Thurrock: early offer of help services "
			    "(thurrock-2012): 2012-06-25 to')]"),
		1);
	ids_unique(doc);
	xmlFreeDoc(doc);
	/* the page as XML (it is written as XHTML-compatible markup) has
	 * the same ids, none twice */
	doc = xmlReadMemory(text, (int)strlen(text), "p.xml", NULL,
			    XML_PARSE_NONET | XML_PARSE_NOERROR |
				    XML_PARSE_NOWARNING);
	assert_non_null(doc);
	assert_int_equal(ids_unique(doc),
			 (int)(2 + tp_plan_stage_count(a.plan) +
			       tp_plan_stage_count(b.plan)));
	xmlFreeDoc(doc);
	free(text);
	fixture_free(&a);
	fixture_free(&b);
}

/* Each plan's own baseline in a portfolio (opt.baselines, parallel to
 * the schedules). Hartlepool's contract started on Fri 4 May 2012
 * (reference/seed-timetables.md); against a baseline of Wed 2 May it is
 * 2 working days late (Thu 3, Fri 4). Thurrock's entry is a snapshot of
 * another plan id: not used. The single-plan field is ignored. */
static void
portfolio_baselines(void **state)
{
	struct fixture a, b;
	struct tp_snapshot *ha, *wrong;
	assert_int_equal(fixture_hartlepool(&a, NULL), 0);
	assert_int_equal(fixture_thurrock(&b, NULL), 0);
	const struct tp_plan *pa = a.plan;
	size_t cs = SIZE_MAX;
	tp_plan_foreach_stage (pa, k)
		if (!strcmp(tp_plan_stage_id(pa, k), "contract-start"))
			cs = k;
	assert_true(tp_date_equal(tp_schedule_early_finish(a.sched, cs),
				  TP_DATE(2012, 5, 4)));
	struct tp_snapshot_stage st = {.id = "contract-start",
				       .start = TP_DATE(2012, 5, 2),
				       .finish = TP_DATE(2012, 5, 2),
				       .minutes = -1};
	assert_int_equal(tp_snapshot_new(TP_SNAPSHOT_BASELINE, 1, 0,
					 "hartlepool-2011", NULL, &ha, NULL),
			 TP_OK);
	assert_int_equal(tp_snapshot_add_stage(ha, &st, NULL), TP_OK);
	assert_int_equal(tp_snapshot_new(TP_SNAPSHOT_BASELINE, 1, 0,
					 "hartlepool-2011", NULL, &wrong, NULL),
			 TP_OK);
	st.start = st.finish = TP_DATE(2013, 3, 27);
	assert_int_equal(tp_snapshot_add_stage(wrong, &st, NULL), TP_OK);
	const struct tp_snapshot *bl[] = {ha, wrong};
	const struct tp_schedule *s[] = {a.sched, b.sched};
	struct tp_export_options opt;
	tp_export_options_init(&opt);
	opt.baselines = bl;
	opt.baseline = wrong; /* single plans only */
	char *csv = NULL;
	assert_int_equal(tp_export_portfolio_to_buffer(TP_EXPORT_CSV, s, 2,
						       &opt, &csv, NULL, NULL),
			 TP_OK);
	const char *h = strstr(csv, "\nhartlepool-2011,contract-start,");
	const char *t = strstr(csv, "\nthurrock-2012,contract-start,");
	assert_non_null(h);
	assert_non_null(t);
	const char *he = strchr(h + 1, '\n'), *te = strchr(t + 1, '\n');
	assert_true(he - h > 14 && !strncmp(he - 14, ",2012-05-02,2\r", 14));
	assert_true(te - t > 3 && !strncmp(te - 3, ",,\r", 3));
	free(csv);
	/* the chart: Hartlepool's baseline bar and its legend; none for
	 * Thurrock */
	xmlDocPtr doc = export_portfolio(TP_EXPORT_SVG, s, 2, &opt, NULL);
	assert_int_equal(
		xpath_count(doc, NS,
			    "//s:g[@id='stage:hartlepool-2011:contract-start']/"
			    "s:rect[s:title[starts-with(., 'baseline: "
			    "2012-05-02 to 2012-05-02; now 2 working days "
			    "later')]]"),
		1);
	assert_int_equal(xpath_count(doc, NS,
				     "//s:g[@id='tender:thurrock-2012']//"
				     "s:title[starts-with(., 'baseline')]"),
			 0);
	assert_int_equal(
		xpath_count(doc, NS, "//s:text[starts-with(., 'baseline (')]"),
		1);
	xmlFreeDoc(doc);
	tp_snapshot_free(ha);
	tp_snapshot_free(wrong);
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
		cmocka_unit_test(portfolio_one_axis),
		cmocka_unit_test(portfolio_axis_ticks),
		cmocka_unit_test(portfolio_html),
		cmocka_unit_test(portfolio_baselines),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	xmlCleanupParser();
	return rc;
}
