/* SPDX-License-Identifier: MIT */
/* The date rules of the scheduler (schedule-rules.c), shared by the passes
 * (schedule.c). Each rule is written once, forwards; its backward use is
 * the exact inverse in the order sense (the latest input whose result is
 * still within a bound), found by the generic searches below. */
#ifndef TP_SCHEDULE_PRIVATE_H
#define TP_SCHEDULE_PRIVATE_H

#include <stdbool.h>
#include <stdint.h>

#include <tenderplan/tp-schedule.h>

#include "plan-private.h"

struct tp_meeting_rec;

/* The days a date may fall on: the working days of a calendar, or (for
 * the start of a calendar-day, week or month stage) any day; with @mtg,
 * only those of them that are meetings of the series (the start of a
 * stage tied to a meeting series, tp-meeting.h). */
struct tp_dom {
	const struct tp_calendar *cal;
	bool any;
	const struct tp_meeting_rec *mtg;
};

/* A monotone rule (never decreasing): a stage's duration (start to
 * finish) or a dependency (the predecessor's date to the bound on the
 * successor's). */
enum tp_rule_kind {
	TP_RULE_DURATION = 0,
	TP_RULE_LINK = 1,
};

struct tp_rule {
	enum tp_rule_kind kind;
	const struct tp_stage_rec *st; /* TP_RULE_DURATION: the stage */
	const struct tp_dep_rec *dep;  /* TP_RULE_LINK: the dependency */
	struct tp_dom in, out;         /* the days it maps between */
};

/* Everything a rule needs to evaluate; errors are written to @err. */
struct tp_rule_env {
	const struct tp_plan *plan;
	struct tp_error *err;
};

/* The domain of a stage's start and of its finish. The rules count on
 * these alone; a stage tied to a meeting series has its start moved onto
 * tp_sched_meeting_dom() by the passes, once its bounds are known. */
struct tp_dom tp_sched_start_dom(const struct tp_plan *plan, uint32_t stage);
struct tp_dom tp_sched_finish_dom(const struct tp_plan *plan, uint32_t stage);

/* The start domain of @stage restricted to its meetings (no restriction
 * for a stage that is not tied to a series). */
struct tp_dom tp_sched_meeting_dom(const struct tp_plan *plan, uint32_t stage);

/* True if a dependency counts from (or bounds) a finish. */
bool tp_sched_src_is_finish(const struct tp_dep_rec *d);
bool tp_sched_tgt_is_finish(const struct tp_dep_rec *d);

/* The duration rule of stage @v and the rule of dependency @d. */
struct tp_rule tp_sched_duration(const struct tp_plan *plan, uint32_t v);
struct tp_rule tp_sched_link(const struct tp_plan *plan,
			     const struct tp_dep_rec *d);

/* The first day of @dom on or after @d (TP_ROLL_FOLLOWING), and on or
 * before it. */
enum tp_status tp_dom_up(const struct tp_rule_env *e, struct tp_dom dom,
			 int32_t d, int32_t *out);
enum tp_status tp_dom_down(const struct tp_rule_env *e, struct tp_dom dom,
			   int32_t d, int32_t *out);

/* @r applied to @x (a day of r->in). */
enum tp_status tp_rule_apply(const struct tp_rule_env *e,
			     const struct tp_rule *r, int32_t x, int32_t *out);

/* The latest day x of r->in with r(x) <= y (backward pass). */
enum tp_status tp_rule_latest(const struct tp_rule_env *e,
			      const struct tp_rule *r, int32_t y,
			      int32_t *out);

/* The earliest day x of r->in with r(x) >= y (a finish bound turned into
 * a start bound in the forward pass). */
enum tp_status tp_rule_earliest(const struct tp_rule_env *e,
				const struct tp_rule *r, int32_t y,
				int32_t *out);

#endif
