/* SPDX-License-Identifier: MIT */
/*
 * Real objects for the generated NULL-argument test (tests/api-null-gen.py,
 * #9): every handle type of the public API, made from one small plan, so
 * that each call the generator writes has valid arguments everywhere but
 * in the one position it sets to NULL. Each call gets fresh objects
 * (fx_new() ... fx_free()): a call that modifies or takes one cannot reach
 * the next.
 */
#ifndef TP_API_NULL_FIXTURES_H
#define TP_API_NULL_FIXTURES_H

#include <tenderplan/tenderplan.h>

/* What fx_new() makes (each with what it needs); the value structs, the
 * directory and its files are always made. */
enum fx_need {
	FX_DOC = 1 << 0,      /* doc, plan */
	FX_SCHED = 1 << 1,    /* sched, scheds */
	FX_FINDINGS = 1 << 2, /* findings */
	FX_SNAP = 1 << 3,     /* snap */
	FX_CSV = 1 << 4,      /* csv */
	FX_EDIT = 1 << 5,     /* edit */
	FX_CAL = 1 << 6,      /* cal, standstill.calendar */
	FX_BUILDER = 1 << 7,  /* builder */
	FX_AUDIT = 1 << 8,    /* audit */
	FX_HOLIDAYS = 1 << 9, /* holidays */
	FX_TEMPLATE = 1 << 10, /* template_doc */
	FX_CACHE = 1 << 11,   /* cache */
	FX_READER = 1 << 12,  /* reader */
	FX_SET = 1 << 13,     /* set (of the plan file) */
};

struct fx {
	struct tp_plan_doc *doc;   /* the plan file below, read */
	struct tp_plan *plan;      /* doc's plan */
	struct tp_calendar *cal;   /* england-and-wales, 2020-2030 */
	struct tp_calendar_builder *builder;
	struct tp_schedule *sched; /* doc scheduled */
	const struct tp_schedule *scheds[1];
	struct tp_findings *findings;
	struct tp_ocds_audit *audit;
	struct tp_snapshot *snap; /* recorded from sched */
	struct tp_holiday_list *holidays;
	struct tp_plan_edit *edit; /* the plan file, finished */
	struct tp_plan_doc *template_doc; /* template pa2023-open */
	struct tp_rules_config cfg;
	struct tp_check_options check_opt;
	struct tp_export_options export_opt;
	struct tp_schedule_options sched_opt;
	struct tp_write_options write_opt;
	struct tp_plan_edit_link link;
	struct tp_snapshot_stage snap_stage;
	struct tp_standstill_request standstill;
	struct tp_period_query period;
	struct tp_ocds_audit_options ocds_opt;
	struct tp_error some_err;
	struct tp_date date;
	struct tp_calendar_cache *cache;
	struct tp_plan_reader *reader;
	struct tp_plan_set *set;
	struct tp_meeting_spec meeting; /* "extra", two dates */
	struct tp_date meeting_dates[2];
	struct tp_record_options record_opt;
	const char *paths[1]; /* plan_path */
	char *csv; /* the CSV export of sched, to import back */
	char dir[64];        /* a fresh directory for files */
	char plan_path[128]; /* dir/plan.xml, the plan file */
	char out_path[128];  /* dir/out, to be written */
	char ocds_path[128]; /* dir/ocds.json, fx_ocds_json */
	char ics_path[512];  /* a holiday file of the test data */
};

/* The plan file the fixtures are read from, and an OCDS package. */
extern const char fx_plan_xml[];
extern const char fx_ocds_json[];
extern const char fx_ics[];

/* Fresh objects, those of @p need (enum fx_need bits); fails the test if
 * any cannot be made. */
struct fx *
fx_new(unsigned need);
/* Free them, and remove the directory. */
void
fx_free(struct fx *fx);

/* A calendar or snapshot of its own, for the _take_ functions: whoever
 * it is passed to owns it (a leak shows under ASan and valgrind). */
struct tp_calendar *
fx_take_calendar(void);
struct tp_snapshot *
fx_take_snapshot(struct fx *fx);

/* Callbacks that do nothing. */
int
fx_day_cb(struct tp_date d, const struct tp_day_info *info, void *user);
void
fx_problem_cb(const struct tp_error *problem, void *user);

#endif
