/* SPDX-License-Identifier: MIT */
/* The plan commands of the tenderplan program (cmd-plan.c,
 * cmd-schedule.c). argv[0] is the command name. */
#ifndef TP_CLI_PLAN_H
#define TP_CLI_PLAN_H

#include <stddef.h>

int cli_cmd_templates(int argc, char **argv);

int cli_cmd_new(int argc, char **argv);

int cli_cmd_schedule(int argc, char **argv);

struct tp_schedule;
struct tp_plan;
struct tp_reason;

/* The stage a timetable leads to: the first contract start, else the stage
 * that finishes last (cmd-schedule.c). */
size_t cli_end_stage(const struct tp_schedule *s, const struct tp_plan *p);

/* The first advert, else the stage that starts first. */
size_t cli_advert_stage(const struct tp_schedule *s, const struct tp_plan *p);

/* "the fixed date of 'cabinet' (start-on 2027-01-14)", for reason @r of
 * kind TP_REASON_CONSTRAINT, into @buf. */
void cli_describe_fixed(const struct tp_plan *p, const struct tp_reason *r,
			char *buf, size_t size);

#endif
