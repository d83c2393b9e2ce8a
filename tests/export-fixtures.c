/* SPDX-License-Identifier: MIT */
/* Expected dates are worked out by hand in the comments from the 2011-2013
 * England and Wales bank holidays (gov.uk; reference/uk-bank-holidays.md):
 * 26, 27 Dec 2011; 2 Jan, 6, 9 Apr, 7 May, 4, 5 Jun, 27 Aug, 25, 26 Dec
 * 2012; 1 Jan, 29 Mar, 1 Apr 2013. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export-fixtures.h"

struct stage_def {
	const char *id, *name;
	enum tp_stage_kind kind;
	int32_t amount;
	enum tp_unit unit;
	int time; /* minutes after midnight or -1 */
};

struct dep_def {
	const char *from, *to;
	enum tp_dep_type type;
	int32_t lag;
	enum tp_unit unit;
};

struct con_def {
	const char *stage;
	enum tp_constraint_type type;
	int y, m, d;
};

#define WD TP_UNIT_WORKING_DAYS
#define CD TP_UNIT_CALENDAR_DAYS
#define FS TP_DEP_FINISH_TO_START
#define SS TP_DEP_START_TO_START
#define FF TP_DEP_FINISH_TO_FINISH

/* Hartlepool 2011-12 (seed timetable 1). Forward from Tue 1 Nov 2011. */
static const struct stage_def hp_stages[] = {
	{"advert", "Advertisement for expressions of interest", TP_STAGE_ADVERT,
	 0, WD, -1},
	/* 28 calendar days from Tue 1 Nov end Mon 28 Nov */
	{"pqq-period", "PQQ documents distributed", TP_STAGE_PQQ_PERIOD, 28, CD,
	 -1},
	/* not before Fri 2 Dec (constraint), at noon */
	{"pqq-deadline", "Closing date for PQQ submissions",
	 TP_STAGE_PQQ_DEADLINE, 0, WD, 12 * 60},
	/* Mon 5 Dec + 15 working days: Fri 23 Dec */
	{"pqq-evaluation", "PQQ evaluation", TP_STAGE_PQQ_EVALUATION, 15, WD,
	 -1},
	{"itt-issue", "ITT letters and tender packs sent", TP_STAGE_ITT_ISSUE,
	 0, WD, -1},
	/* from Wed 28 Dec (26, 27 Dec holidays); 32 working days, 2 Jan a
	 * holiday: Fri 10 Feb 2012 */
	{"tender-period", "Tender period", TP_STAGE_TENDER_PERIOD, 32, WD, -1},
	{"tender-deadline", "Closing date for tender submissions",
	 TP_STAGE_TENDER_DEADLINE, 0, WD, 12 * 60},
	/* Thu 2 Feb 2012 by constraint, at noon */
	{"report-scrutiny", "Report sent to contract scrutiny",
	 TP_STAGE_GOVERNANCE_APPROVAL, 0, WD, 12 * 60},
	/* Mon 13 Feb */
	{"opening", "Opening of tenders by contract scrutiny", TP_STAGE_OPENING,
	 0, WD, -1},
	/* Mon 13 Feb to Fri 2 Mar */
	{"evaluation", "Evaluation of tender submissions, interviews",
	 TP_STAGE_EVALUATION, 15, WD, -1},
	/* Mon 5 Mar */
	{"director-approval", "Report to director seeking approval",
	 TP_STAGE_GOVERNANCE_APPROVAL, 0, WD, -1},
	/* Tue 6 Mar */
	{"intention", "Advise candidates of intention to award",
	 TP_STAGE_INTENTION_TO_AWARD, 0, WD, -1},
	/* Wed 7 Mar to Fri 16 Mar (10 calendar days) */
	{"standstill", "Standstill", TP_STAGE_STANDSTILL, 10, CD, -1},
	/* Mon 19 Mar */
	{"award", "Award finalised contract", TP_STAGE_AWARD, 0, WD, -1},
	/* Tue 20 Mar + 31 working days (6, 9 Apr holidays): Thu 3 May */
	{"mobilisation", "Roll out: lead in (TUPE issues etc.)",
	 TP_STAGE_MOBILISATION, 31, WD, -1},
	/* Fri 4 May */
	{"contract-start", "Contract commences in full",
	 TP_STAGE_CONTRACT_START, 0, WD, -1},
};

static const struct dep_def hp_deps[] = {
	{"advert", "pqq-period", SS, 0, WD},
	{"pqq-period", "pqq-deadline", FS, 0, WD},
	{"pqq-deadline", "pqq-evaluation", FS, 0, WD},
	{"pqq-evaluation", "itt-issue", FF, 0, WD},
	{"itt-issue", "tender-period", FS, 0, WD},
	{"tender-period", "tender-deadline", FF, 0, WD},
	{"itt-issue", "report-scrutiny", FS, 0, WD},
	{"tender-deadline", "opening", FS, 0, WD},
	{"opening", "evaluation", SS, 0, WD},
	{"evaluation", "director-approval", FS, 0, WD},
	{"director-approval", "intention", FS, 0, WD},
	{"intention", "standstill", FS, 0, CD},
	{"standstill", "award", FS, 0, WD},
	{"award", "mobilisation", FS, 0, WD},
	{"mobilisation", "contract-start", FS, 0, WD},
};

static const struct con_def hp_cons[] = {
	{"pqq-deadline", TP_CONSTRAINT_START_NO_EARLIER_THAN, 2011, 12, 2},
	{"report-scrutiny", TP_CONSTRAINT_START_NO_EARLIER_THAN, 2012, 2, 2},
};

/* Thurrock 2012-13 (seed timetable 2). Forward from Mon 25 Jun 2012. */
static const struct stage_def th_stages[] = {
	{"advert", "Publication of contract notice", TP_STAGE_ADVERT, 0, WD,
	 -1},
	/* Mon 25 Jun + 18 working days: Wed 18 Jul */
	{"pqq-period", "Issue PQQs", TP_STAGE_PQQ_PERIOD, 18, WD, -1},
	/* Thu 19 Jul at noon (BST) */
	{"pqq-deadline", "PQQ return", TP_STAGE_PQQ_DEADLINE, 0, WD, 12 * 60},
	/* Fri 20 to Thu 26 Jul */
	{"pqq-evaluation", "Evaluation of PQQs", TP_STAGE_PQQ_EVALUATION, 5, WD,
	 -1},
	/* Fri 27 Jul */
	{"itt-issue", "Issue of invitation to tender", TP_STAGE_ITT_ISSUE, 0,
	 WD, -1},
	/* Mon 30 Jul + 28 working days (27 Aug a holiday): Thu 6 Sep */
	{"tender-period", "Tender period", TP_STAGE_TENDER_PERIOD, 28, WD, -1},
	/* Thu 6 Sep 2012 12:00 BST = 11:00 UTC */
	{"tender-deadline", "Closing date for tender submissions",
	 TP_STAGE_TENDER_DEADLINE, 0, WD, 12 * 60},
	/* Fri 7 Sep + 18 working days: Tue 2 Oct */
	{"evaluation", "Evaluation of tenders", TP_STAGE_EVALUATION, 18, WD,
	 -1},
	/* Wed 3 to Tue 9 Oct */
	{"interviews", "Interviews", TP_STAGE_INTERVIEWS, 5, WD, -1},
	/* Wed 10 Oct + 6 working days: Thu 18 Oct */
	{"notification", "Notification of result of evaluation",
	 TP_STAGE_INTENTION_TO_AWARD, 0, WD, -1},
	/* Fri 19 Oct to Thu 1 Nov: ten working days */
	{"standstill", "Standstill period", TP_STAGE_STANDSTILL, 10, WD, -1},
	/* Fri 2 Nov */
	{"award", "Award of contract", TP_STAGE_AWARD, 0, WD, -1},
	{"mobilisation", "Implementation", TP_STAGE_MOBILISATION, 60, WD, -1},
	/* start-on Mon 1 Apr 2013, Easter Monday: cannot be met */
	{"contract-start", "Contract commencement", TP_STAGE_CONTRACT_START, 0,
	 WD, -1},
};

static const struct dep_def th_deps[] = {
	{"advert", "pqq-period", SS, 0, WD},
	{"pqq-period", "pqq-deadline", FS, 0, WD},
	{"pqq-deadline", "pqq-evaluation", FS, 0, WD},
	{"pqq-evaluation", "itt-issue", FS, 0, WD},
	{"itt-issue", "tender-period", FS, 0, WD},
	{"tender-period", "tender-deadline", FF, 0, WD},
	{"tender-deadline", "evaluation", FS, 0, WD},
	{"evaluation", "interviews", FS, 0, WD},
	{"interviews", "notification", FS, 6, WD},
	{"notification", "standstill", FS, 0, WD},
	{"standstill", "award", FS, 0, WD},
	{"award", "mobilisation", FS, 0, WD},
	{"mobilisation", "contract-start", FS, 0, WD},
};

static const struct con_def th_cons[] = {
	{"contract-start", TP_CONSTRAINT_START_ON, 2013, 4, 1},
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static int
add_stages(struct tp_plan *p, const struct stage_def *s, size_t n,
	   const char *without)
{
	for (size_t i = 0; i < n; i++) {
		size_t idx;
		if (without && !strcmp(without, s[i].id))
			continue;
		if (tp_plan_add_stage(p, s[i].id, s[i].name, s[i].kind,
				      s[i].amount, s[i].unit, &idx, NULL) ||
		    tp_plan_set_stage_time(p, idx, s[i].time, NULL))
			return -1;
	}
	return 0;
}

static int
add_links(struct tp_plan *p, const struct dep_def *d, size_t nd,
	  const struct con_def *c, size_t nc, const char *without)
{
	for (size_t i = 0; i < nd; i++) {
		if (without &&
		    (!strcmp(without, d[i].from) || !strcmp(without, d[i].to)))
			continue;
		if (tp_plan_add_dependency(p, d[i].from, d[i].to, d[i].type,
					   d[i].lag, d[i].unit, NULL))
			return -1;
	}
	for (size_t i = 0; i < nc; i++) {
		if (without && !strcmp(without, c[i].stage))
			continue;
		if (tp_plan_add_constraint(p, c[i].stage, c[i].type,
					   TP_DATE(c[i].y, c[i].m, c[i].d),
					   NULL))
			return -1;
	}
	return 0;
}

static int
build(struct fixture *f, const char *id, const char *name, struct tp_date start,
      const struct stage_def *s, size_t ns, const struct dep_def *d, size_t nd,
      const struct con_def *c, size_t nc, const char *without)
{
	memset(f, 0, sizeof(*f));
	if (tp_calendar_new_region(TP_REGION_ENGLAND_AND_WALES, &f->cal,
				   NULL) ||
	    tp_plan_new(&f->plan, NULL))
		goto fail;
	tp_plan_set_calendar(f->plan, f->cal);
	if (tp_plan_set_id(f->plan, id, NULL) ||
	    tp_plan_set_name(f->plan, name, NULL) ||
	    tp_plan_set_start_date(f->plan, start, NULL) ||
	    add_stages(f->plan, s, ns, without) ||
	    add_links(f->plan, d, nd, c, nc, without))
		goto fail;
	if (tp_schedule_compute(f->plan, TP_SCHEDULE_FORWARD, &f->sched, NULL))
		goto fail;
	return 0;
fail:
	fixture_free(f);
	return -1;
}

int
fixture_hartlepool(struct fixture *f, const char *without)
{
	return build(f, "hartlepool-2011",
		     "Hartlepool: parenting support and young people's "
		     "substance misuse services",
		     TP_DATE(2011, 11, 1), hp_stages, N(hp_stages), hp_deps,
		     N(hp_deps), hp_cons, N(hp_cons), without);
}

int
fixture_thurrock(struct fixture *f, const char *without)
{
	return build(f, "thurrock-2012",
		     "Thurrock: early offer of help services",
		     TP_DATE(2012, 6, 25), th_stages, N(th_stages), th_deps,
		     N(th_deps), th_cons, N(th_cons), without);
}

int
fixture_generic(struct fixture *f, const struct tp_calendar *cal, int k,
		struct tp_date start)
{
	return fixture_generic_without(f, cal, k, start, NULL);
}

int
fixture_generic_without(struct fixture *f, const struct tp_calendar *cal, int k,
			struct tp_date start, const char *without)
{
	char id[32];
	memset(f, 0, sizeof(*f));
	snprintf(id, sizeof(id), "bench-%d", k);
	if (tp_plan_new(&f->plan, NULL))
		return -1;
	tp_plan_set_calendar(f->plan, cal);
	if (tp_plan_set_id(f->plan, id, NULL) ||
	    tp_plan_set_name(f->plan, id, NULL) ||
	    tp_plan_set_start_date(f->plan, start, NULL) ||
	    add_stages(f->plan, hp_stages, N(hp_stages), without) ||
	    add_links(f->plan, hp_deps, N(hp_deps), NULL, 0, without) ||
	    tp_schedule_compute(f->plan, TP_SCHEDULE_FORWARD, &f->sched,
				NULL)) {
		fixture_free(f);
		return -1;
	}
	return 0;
}

void
fixture_free(struct fixture *f)
{
	tp_schedule_free(f->sched);
	tp_plan_free(f->plan);
	tp_calendar_free(f->cal);
	memset(f, 0, sizeof(*f));
}
