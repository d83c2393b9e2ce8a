/* SPDX-License-Identifier: MIT */
/* The whole path a user takes, on thousands of plans: every built-in
 * template, in every region it may be used in, from 200 start dates and
 * 200 required contract-start dates spread over its regime's years; each
 * plan made as `tenderplan new` makes it, its calendars built as the plan
 * file reader builds them, scheduled in every mode, checked and exported.
 *
 * What is asserted, each against a computation that does not use the
 * scheduler:
 * - with a required contract start (a working day), the contract-start
 *   stage is on exactly that day, by default and with --backward, and the
 *   critical path has zero float; with a start date the critical path has
 *   zero float too;
 * - the latest day to advertise is exact: scheduling forward from the
 *   plan's latest start meets the contract start, from one working day
 *   later it does not;
 * - every statutory period is at least its minimum: the tender and
 *   participation deadlines against tp_earliest_deadline() of
 *   tp_min_period() from the scheduled invitation, the award against
 *   tp_standstill_compute() of the scheduled notice, the employee
 *   liability information against TUPE 2006 reg 11(6);
 * - the rules checker finds no error in a template's own schedule;
 * - every export format succeeds on a sample, iCalendar and schedule XML
 *   on every plan.
 * With TP_GEN_SAMPLE=FILE a sample of plans' statutory dates is written
 * for tests/generative-check.py, which recomputes them from the holiday
 * tables in tests/data/holidays (no library code at all). The number of
 * plans is printed. TP_TEST_QUICK=1 runs fewer dates (15 of 200). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <tenderplan/tenderplan.h>

#define NONE_STAGE ((size_t)-1)

struct counts {
	long plans, schedules, exports;
};

static struct counts counts;
static FILE *sample;

/* ---- plans as `tenderplan new` makes them ------------------------------- */

static struct tp_plan_doc *
make_plan(const char *id, enum tp_region region, bool start, struct tp_date d)
{
	struct tp_plan_doc *doc = NULL;
	struct tp_error err;
	struct tp_plan *p;
	assert_int_equal(tp_template_new(id, &doc, &err), TP_OK);
	if (tp_template_set_region(doc, region, &err) != TP_OK)
		fail_msg("%s in %s: %s", id, tp_region_name(region),
			 err.message);
	p = tp_plan_doc_plan(doc);
	if (start)
		assert_int_equal(tp_plan_set_start_date(p, d, &err), TP_OK);
	else
		assert_int_equal(tp_plan_set_contract_start(p, d, &err), TP_OK);
	if (tp_plan_doc_build_calendar(doc, NULL, &err) != TP_OK)
		fail_msg("%s: %s", id, err.message);
	counts.plans++;
	return doc;
}

static struct tp_schedule *
schedule(struct tp_plan_doc *doc, enum tp_schedule_mode mode)
{
	struct tp_schedule_options o;
	struct tp_schedule *s = NULL;
	struct tp_error err;
	tp_schedule_options_init(&o);
	o.mode = mode;
	if (tp_plan_doc_schedule(doc, &o, &s, &err) != TP_OK)
		fail_msg("%s: schedule: %s",
			 tp_plan_id(tp_plan_doc_plan_const(doc)), err.message);
	counts.schedules++;
	return s;
}

static size_t
first_of(const struct tp_plan *p, enum tp_stage_kind kind)
{
	tp_plan_foreach_stage (p, i)
		if (tp_plan_stage_kind(p, i) == kind)
			return i;
	return NONE_STAGE;
}

static const char *
label(const struct tp_plan_doc *doc)
{
	static char buf[160];
	const struct tp_plan *p = tp_plan_doc_plan_const(doc);
	struct tp_date d;
	char a[TP_DATE_STRLEN];
	bool start = tp_plan_start_date(p, &d);
	if (!start)
		tp_plan_contract_start(p, &d);
	snprintf(buf, sizeof(buf), "%s in %s, %s %s", tp_plan_id(p),
		 tp_region_name(tp_plan_doc_region(doc)),
		 start ? "start" : "contract start", tp_date_format(d, a));
	return buf;
}

/* ---- the assertions ------------------------------------------------------ */

static void
critical_path_has_no_float(const struct tp_plan_doc *doc,
			   const struct tp_schedule *s)
{
	size_t n = 0;
	const size_t *path = tp_schedule_critical_path(s, &n);
	assert_true(n > 0);
	for (size_t i = 0; i < n; i++)
		if (tp_schedule_total_float(s, path[i]) != 0)
			fail_msg("%s: critical stage '%s' has %d days of float",
				 label(doc),
				 tp_plan_stage_id(tp_schedule_plan(s), path[i]),
				 (int)tp_schedule_total_float(s, path[i]));
	assert_int_equal(tp_schedule_min_float(s), 0);
	tp_plan_foreach_stage (tp_schedule_plan(s), i)
		assert_true(tp_schedule_total_float(s, i) >= 0);
}

static void
contract_starts_on(const struct tp_plan_doc *doc, const struct tp_schedule *s,
		   struct tp_date want)
{
	size_t cs = first_of(tp_schedule_plan(s), TP_STAGE_CONTRACT_START);
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN];
	assert_true(cs != NONE_STAGE);
	if (tp_schedule_early_start(s, cs).day != want.day)
		fail_msg("%s: contract starts %s, not %s", label(doc),
			 tp_date_format(tp_schedule_early_start(s, cs), a),
			 tp_date_format(want, b));
}

/* The calendar a statute counts on, built here (not the plan's). */
static const struct tp_calendar *
statute_calendar(enum tp_regime regime, enum tp_region jurisdiction)
{
	static struct tp_calendar *cals[5];
	enum tp_region r = regime == TP_REGIME_PA2023     ? TP_REGION_UK
			   : regime == TP_REGIME_PCSR2015 ? TP_REGION_SCOTLAND
			   : regime == TP_REGIME_PSR2023
				   ? TP_REGION_ENGLAND_AND_WALES
				   : jurisdiction;
	if (!cals[r])
		assert_int_equal(tp_calendar_new_region(r, &cals[r], NULL),
				 TP_OK);
	return cals[r];
}

static void
period_meets_minimum(const struct tp_plan_doc *doc,
		     const struct tp_schedule *s, enum tp_period_kind kind,
		     size_t from, bool from_start, size_t to)
{
	const struct tp_rules_config *r = tp_plan_doc_rules(doc);
	struct tp_min_period min;
	struct tp_date invited, earliest, deadline;
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN];
	if (from == NONE_STAGE || to == NONE_STAGE ||
	    tp_min_period(r->regime, r->procedure, kind, r->claims, &min,
			  NULL) != TP_OK ||
	    min.days < 0)
		return;
	invited = from_start ? tp_schedule_early_start(s, from)
			     : tp_schedule_early_finish(s, from);
	deadline = tp_schedule_early_finish(s, to);
	assert_int_equal(tp_earliest_deadline(
				 r->regime,
				 statute_calendar(r->regime, r->jurisdiction),
				 invited, min.days, &earliest, NULL),
			 TP_OK);
	if (deadline.day < earliest.day)
		fail_msg("%s: deadline %s before the earliest lawful %s (%s)",
			 label(doc), tp_date_format(deadline, a),
			 tp_date_format(earliest, b), min.citation);
	if (sample && counts.plans % 97 == 0)
		fprintf(sample, "period %s %s %s %s %d %s\n",
			tp_regime_name(r->regime),
			tp_region_name(r->jurisdiction),
			tp_date_format(invited, a), tp_date_format(deadline, b),
			(int)min.days, tp_plan_id(tp_plan_doc_plan_const(doc)));
}

static void
award_after_standstill(const struct tp_plan_doc *doc,
		       const struct tp_schedule *s)
{
	const struct tp_plan *p = tp_schedule_plan(s);
	const struct tp_rules_config *r = tp_plan_doc_rules(doc);
	size_t ita = first_of(p, TP_STAGE_INTENTION_TO_AWARD);
	size_t award = first_of(p, TP_STAGE_AWARD);
	size_t st = first_of(p, TP_STAGE_STANDSTILL);
	struct tp_standstill_request req = {0};
	struct tp_standstill ss;
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN], c[TP_DATE_STRLEN];
	if (ita == NONE_STAGE || award == NONE_STAGE)
		return;
	req.regime = r->regime;
	req.means = TP_NOTICE_ELECTRONIC;
	req.sent = tp_schedule_early_finish(s, ita);
	req.region = r->jurisdiction;
	assert_int_equal(tp_standstill_compute(&req, &ss, NULL), TP_OK);
	if (tp_schedule_early_start(s, award).day < ss.earliest_contract.day)
		fail_msg("%s: award %s inside the standstill to %s (%s)",
			 label(doc),
			 tp_date_format(tp_schedule_early_start(s, award), a),
			 tp_date_format(ss.last_day, b), ss.citation);
	/* The standstill stage is the statute's, to the day (#14:
	 * the PSR 2023 one begins the day after publication and counts 8
	 * working days after that day; PA 2023 s.51(2) counts 8 beginning
	 * with the day), in every schedule with a start date. (With only a
	 * contract start a standstill may run a day longer, never shorter:
	 * the slack inside a chain of tp-schedule.h, "Passes".) */
	if (st != NONE_STAGE && tp_plan_start_date(p, NULL) &&
	    tp_schedule_early_finish(s, st).day != ss.last_day.day)
		fail_msg("%s: standstill stage ends %s, the rule on %s (%s)",
			 label(doc),
			 tp_date_format(tp_schedule_early_finish(s, st), a),
			 tp_date_format(ss.last_day, b), ss.citation);
	if (sample && counts.plans % 31 == 0)
		fprintf(sample, "standstill %s %s %s %s %s %s\n",
			tp_regime_name(r->regime),
			tp_region_name(r->jurisdiction),
			tp_date_format(req.sent, a),
			tp_date_format(tp_schedule_early_start(s, award), b),
			tp_date_format(ss.last_day, c),
			tp_plan_id(tp_plan_doc_plan_const(doc)));
}

/* TUPE 2006 reg 11(6) (SI 2006/246), as amended by SI 2014/16 reg 10 for
 * transfers from 1 May 2014 in Great Britain (reg 1(3)): employee
 * liability information at least 28 days before the transfer, else 14. */
static void
eli_in_time(const struct tp_plan_doc *doc, const struct tp_schedule *s)
{
	const struct tp_plan *p = tp_schedule_plan(s);
	size_t eli = first_of(p, TP_STAGE_TUPE_DEADLINE);
	size_t cs = first_of(p, TP_STAGE_CONTRACT_START);
	struct tp_date start;
	int32_t need;
	if (eli == NONE_STAGE || cs == NONE_STAGE)
		return;
	start = tp_schedule_early_start(s, cs);
	need = tp_plan_doc_rules(doc)->jurisdiction !=
				       TP_REGION_NORTHERN_IRELAND &&
			       start.day >= TP_DATE(2014, 5, 1).day
		       ? 28
		       : 14;
	assert_true(tp_date_diff(tp_schedule_early_finish(s, eli), start) >=
		    need);
}

static void
statutory_periods_hold(const struct tp_plan_doc *doc,
		       const struct tp_schedule *s)
{
	const struct tp_plan *p = tp_schedule_plan(s);
	size_t itt = first_of(p, TP_STAGE_ITT_ISSUE);
	size_t advert = first_of(p, TP_STAGE_ADVERT);
	period_meets_minimum(doc, s, TP_PERIOD_TENDER,
			     itt != NONE_STAGE ? itt : advert,
			     itt == NONE_STAGE,
			     first_of(p, TP_STAGE_TENDER_DEADLINE));
	period_meets_minimum(doc, s, TP_PERIOD_PARTICIPATION, advert, true,
			     first_of(p, TP_STAGE_PQQ_DEADLINE));
	award_after_standstill(doc, s);
	eli_in_time(doc, s);
}

static void
checker_finds_no_error(const struct tp_plan_doc *doc,
		       const struct tp_schedule *s)
{
	struct tp_findings *f = NULL;
	assert_int_equal(tp_plan_check(s, tp_plan_doc_rules(doc), &f, NULL),
			 TP_OK);
	for (size_t i = 0; i < tp_findings_count(f); i++) {
		const struct tp_finding *x = tp_findings_get(f, i);
		if (x->severity == TP_SEVERITY_ERROR)
			fail_msg("%s: %s [%s]: %s", label(doc), x->rule_id,
				 x->stage, x->message);
	}
	tp_findings_free(f);
}

static void
exports_succeed(const struct tp_plan_doc *doc, const struct tp_schedule *s,
		bool all)
{
	const struct tp_plan *p = tp_plan_doc_plan_const(doc);
	for (int f = 0; tp_export_format_name((enum tp_export_format)f);
	     f++) {
		char *out = NULL;
		size_t len = 0;
		struct tp_error err;
		if (!all && f != TP_EXPORT_ICS && f != TP_EXPORT_XML)
			continue;
		if (tp_export_to_buffer((enum tp_export_format)f, p, s, NULL,
					&out, &len, &err) != TP_OK)
			fail_msg("%s: export %s: %s", label(doc),
				 tp_export_format_name(
					 (enum tp_export_format)f),
				 err.message);
		assert_true(len > 0);
		free(out);
		counts.exports++;
	}
}

static void
whole_path(const struct tp_plan_doc *doc, const struct tp_schedule *s)
{
	statutory_periods_hold(doc, s);
	checker_finds_no_error(doc, s);
	exports_succeed(doc, s, counts.plans % 50 == 0);
}

/* ---- the generator ------------------------------------------------------- */

/* The years a template's regime applies to the advert (its forward
 * start) or to the contract start (backward, about a year later). */
static void
regime_years(enum tp_regime regime, int *y0, int *y1)
{
	switch (regime) {
	case TP_REGIME_PCR2006: /* reg 32A from 20 Dec 2009 */
		*y0 = 2010, *y1 = 2014;
		return;
	case TP_REGIME_PCR2015: /* 26 Feb 2015 - 23 Feb 2025 */
		*y0 = 2015, *y1 = 2024;
		return;
	case TP_REGIME_PCSR2015: /* from 18 Apr 2016 */
		*y0 = 2016, *y1 = 2030;
		return;
	case TP_REGIME_PA2023: /* from 24 Feb 2025 */
		*y0 = 2025, *y1 = 2030;
		return;
	case TP_REGIME_PSR2023: /* PSR 2023 reg 1(1): from 1 Jan 2024 */
		*y0 = 2024, *y1 = 2030;
		return;
	default:
		*y0 = 2008, *y1 = 2030;
		return;
	}
}

/* The i-th of @n dates spread over [@lo, @hi], on every weekday. */
static struct tp_date
spread(int32_t lo, int32_t hi, int i, int n)
{
	struct tp_date d = {lo + (int32_t)((int64_t)(hi - lo) * i / n) +
			    i % 7};
	return d;
}

static struct tp_date
working_on_or_after(const struct tp_calendar *cal, struct tp_date d)
{
	struct tp_date out;
	assert_int_equal(tp_calendar_adjust(cal, d, TP_ROLL_FOLLOWING, &out,
					    NULL),
			 TP_OK);
	return out;
}

static void
forward_case(const char *id, enum tp_region region, struct tp_date d)
{
	struct tp_plan_doc *doc = make_plan(id, region, true, d);
	struct tp_schedule *s = schedule(doc, TP_SCHEDULE_AUTO);
	struct tp_schedule *f = schedule(doc, TP_SCHEDULE_FORWARD);
	critical_path_has_no_float(doc, s);
	critical_path_has_no_float(doc, f);
	whole_path(doc, s);
	tp_schedule_free(f);
	tp_schedule_free(s);
	tp_plan_doc_free(doc);
}

/* From the plan's latest start the contract start is met; from the next
 * working day it is not (the latest day to advertise is exact). */
static void
latest_start_is_exact(struct tp_plan_doc *doc, const struct tp_schedule *s,
		      struct tp_date cs)
{
	const struct tp_calendar *cal =
		tp_plan_calendar(tp_plan_doc_plan_const(doc));
	struct tp_schedule_options o;
	struct tp_schedule *a = NULL, *b = NULL;
	struct tp_date lo = tp_schedule_plan_start(s), next;
	assert_int_equal(tp_calendar_next_working_day(cal, lo, &next, NULL),
			 TP_OK);
	tp_schedule_options_init(&o);
	o.mode = TP_SCHEDULE_FORWARD;
	o.override_start = true;
	o.start = lo;
	assert_int_equal(tp_plan_doc_schedule(doc, &o, &a, NULL), TP_OK);
	o.start = next;
	assert_int_equal(tp_plan_doc_schedule(doc, &o, &b, NULL), TP_OK);
	if (tp_schedule_plan_finish(a).day > cs.day ||
	    tp_schedule_plan_finish(b).day <= cs.day)
		fail_msg("%s: the latest start is not exact", label(doc));
	tp_schedule_free(a);
	tp_schedule_free(b);
}

static void
backward_case(const char *id, enum tp_region region, struct tp_date d)
{
	struct tp_plan_doc *doc = make_plan(id, region, false, d);
	struct tp_schedule *s = schedule(doc, TP_SCHEDULE_AUTO);
	struct tp_schedule *b = schedule(doc, TP_SCHEDULE_BACKWARD);
	contract_starts_on(doc, s, d);
	contract_starts_on(doc, b, d);
	critical_path_has_no_float(doc, s);
	critical_path_has_no_float(doc, b);
	latest_start_is_exact(doc, s, d);
	whole_path(doc, s);
	/* Both anchors, the start a fortnight before the latest: the
	 * contract still starts on its day, and float shows the slack. */
	struct tp_date early = {tp_schedule_plan_start(s).day - 14};
	assert_int_equal(tp_plan_set_start_date(tp_plan_doc_plan(doc), early,
						NULL),
			 TP_OK);
	struct tp_schedule *both = schedule(doc, TP_SCHEDULE_AUTO);
	contract_starts_on(doc, both, d);
	assert_true(tp_schedule_min_float(both) >= 0);
	assert_int_equal(tp_schedule_diagnostic_count(both), 0);
	whole_path(doc, both);
	tp_schedule_free(both);
	tp_schedule_free(b);
	tp_schedule_free(s);
	tp_plan_doc_free(doc);
}

static bool
region_allowed(enum tp_regime regime, enum tp_region r)
{
	if (regime == TP_REGIME_PCSR2015)
		return r == TP_REGION_SCOTLAND || r == TP_REGION_UK ||
		       r == TP_REGION_NONE;
	/* PSR 2023 reg 1(2): "apply in relation to England only". */
	if (regime == TP_REGIME_PSR2023)
		return r == TP_REGION_ENGLAND_AND_WALES || r == TP_REGION_UK ||
		       r == TP_REGION_NONE;
	return r != TP_REGION_SCOTLAND;
}

static void
every_template(void **state)
{
	const char *quick = getenv("TP_TEST_QUICK");
	/* Quick mode (sanitizers, valgrind, the independent check) keeps
	 * its cost as it was before the four #14 templates: 15 dates. */
	int n = quick && *quick == '1' ? 15 : 200;
	const char *path = getenv("TP_GEN_SAMPLE");
	(void)state;
	sample = path ? fopen(path, "w") : NULL;
	for (size_t t = 0; t < tp_template_count(); t++) {
		const char *id = tp_template_id(t);
		enum tp_regime regime;
		int y0, y1;
		assert_int_equal(
			tp_regime_from_name(tp_template_regime(t), &regime,
					    NULL),
			TP_OK);
		regime_years(regime, &y0, &y1);
		for (int r = 0; r <= TP_REGION_UK; r++) {
			struct tp_calendar *cal = NULL;
			if (!region_allowed(regime, (enum tp_region)r))
				continue;
			assert_int_equal(tp_calendar_new_region(
						 (enum tp_region)r, &cal,
						 NULL),
					 TP_OK);
			for (int i = 0; i < n; i++) {
				forward_case(id, (enum tp_region)r,
					     spread(TP_DATE(y0, 1, 1).day,
						    TP_DATE(y1, 6, 30).day, i,
						    n));
				backward_case(
					id, (enum tp_region)r,
					working_on_or_after(
						cal,
						spread(TP_DATE(y0 + 1, 1, 1).day,
						       TP_DATE(y1, 12, 1).day,
						       i, n)));
			}
			tp_calendar_free(cal);
		}
	}
	if (sample)
		fclose(sample);
	printf("# %ld plans from %zu templates, %ld schedules, %ld exports\n",
	       counts.plans, tp_template_count(), counts.schedules,
	       counts.exports);
	assert_true(counts.plans >= (quick && *quick == '1' ? 500 : 5000));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_template),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
