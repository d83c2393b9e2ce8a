/* SPDX-License-Identifier: MIT */
#ifndef TP_PLAN_PRIVATE_H
#define TP_PLAN_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <tenderplan/tp-plan.h>

/* Stage, dependency and constraint indexes are uint32_t inside; a plan
 * holds at most TP_PLAN_MAX_ITEMS of each (the schedule packs reason
 * indexes in 29 bits). */
#define TP_PLAN_MAX_ITEMS ((uint32_t)1 << 28)

/* Strings live in arena blocks that never move, so pointers to them stay
 * valid until the plan is freed; no per-stage malloc. */
struct tp_arena_block {
	struct tp_arena_block *next;
	size_t used, size;
	char data[];
};

struct tp_stage_rec {
	const char *id;
	const char *name;
	const char *owner;
	const char *notes;
	int32_t amount;
	int16_t minutes; /* time of day, -1 for none */
	uint8_t kind;
	uint8_t unit;
	uint8_t calendar; /* enum tp_stage_calendar */
	uint8_t derived;  /* enum tp_derived_role (tp-meeting.h) */
	/* meeting.c: the series the stage is tied to, + 1 (0: none); for a
	 * tied stage its derived report and call-in stages, + 1 (0: none);
	 * for a derived stage its meeting stage. */
	uint32_t meeting, report, call_in, derived_of;
	/* What happened: day serials, TP_NO_DAY for none. */
	int32_t actual_start, actual_finish;
};

/* No actual date. */
#define TP_NO_DAY INT32_MIN

struct tp_dep_rec {
	uint32_t from, to;
	int32_t lag;
	uint8_t type;
	uint8_t unit;
	bool derived; /* added for a meeting's report or call-in */
};

struct tp_constraint_rec {
	uint32_t stage;
	uint8_t type;
	struct tp_date date;
};

struct tp_plan {
	const char *name;
	const char *id;
	const char *time_zone;
	uint32_t revision;
	bool has_start, has_contract_start;
	struct tp_date start, contract_start;
	const struct tp_calendar *cal;
	struct tp_calendar *owned_cal;
	/* The statute's calendar for statutory stages; NULL: cal. */
	const struct tp_calendar *stat_cal;
	struct tp_calendar *owned_stat_cal;

	struct tp_stage_rec *stages;
	uint32_t n_stages, cap_stages;
	struct tp_dep_rec *deps;
	uint32_t n_deps, cap_deps;
	struct tp_constraint_rec *constraints;
	uint32_t n_constraints, cap_constraints;
	/* Meeting series (meeting.c). */
	struct tp_meeting_rec *meetings;
	uint32_t n_meetings, cap_meetings;

	/* Open addressing on stage ids: slot = stage index + 1, 0 empty;
	 * keyed SipHash-1-3, the key drawn at random for each plan. */
	uint32_t *slots;
	uint32_t n_slots; /* a power of two, or 0 */
	uint64_t hash_key[2];

	struct tp_arena_block *arena;
	size_t arena_hint; /* size of the next block */
};

/* Append a dependency without the checks of tp_plan_add_dependency()
 * and without mirroring it for meetings (plan.c). */
enum tp_status tp_plan_push_dep(struct tp_plan *plan, uint32_t from,
				uint32_t to, uint8_t type, int32_t lag,
				uint8_t unit, bool derived,
				struct tp_error *err);

/* Copy @s into the plan's arena (plan.c); NULL on no memory. */
const char *tp_plan_strdup(struct tp_plan *plan, const char *s);

/* Mirror user dependency @dep for the report and call-in stages of the
 * meetings it touches (meeting.c). */
enum tp_status tp_meetings_on_dependency(struct tp_plan *plan, uint32_t dep,
					 struct tp_error *err);

/* Free the meeting series (meeting.c, for tp_plan_free()). */
void tp_meetings_free(struct tp_plan *plan);

#endif
