/* SPDX-License-Identifier: MIT */
#ifndef TP_CALENDAR_PRIVATE_H
#define TP_CALENDAR_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include <tenderplan/tp-calendar.h>

/* Default range of a new builder: the first year with built-in holidays to
 * the last supported year. */
#define TP_CAL_DEFAULT_FROM TP_HOLIDAYS_FIRST_YEAR
#define TP_CAL_DEFAULT_TO   TP_YEAR_MAX

/* The longest event an iCalendar file may contribute, in days. A holiday
 * or shutdown longer than a year is a mistake in the file, and the cap keeps
 * building a calendar from a hostile file cheap. */
#define TP_ICS_MAX_EVENT_DAYS 366

/* A run of user days (extra holiday, closure or imported event), both ends
 * inclusive, as serial day numbers. */
struct tp_span {
	int32_t first;
	int32_t last;
	enum tp_holiday_kind kind;
	char *name; /* owned */
};

/* Years whose region holidays an iCalendar file replaces (inclusive). */
struct tp_year_span {
	int from;
	int to;
};

struct tp_calendar_builder {
	enum tp_region region;
	unsigned weekend; /* bit (1u << ISO weekday) */
	int from_year;
	int to_year;
	struct tp_span *spans;
	size_t nspans;
	size_t spans_cap;
	struct tp_year_span *replaced;
	size_t nreplaced;
	size_t replaced_cap;
};

/* Where a builder's lists end, so that a failed import can be undone. */
struct tp_builder_mark {
	size_t nspans;
	size_t nreplaced;
};

/* Append a span; @name is copied (NULL is stored as NULL). */
enum tp_status
tp_builder_add_span(struct tp_calendar_builder *b, int32_t first,
		    int32_t last, enum tp_holiday_kind kind, const char *name,
		    struct tp_error *err);

/* Record that region holidays in @from..@to are replaced. */
enum tp_status
tp_builder_add_replaced(struct tp_calendar_builder *b, int from, int to,
			struct tp_error *err);

struct tp_builder_mark
tp_builder_mark(const struct tp_calendar_builder *b);

/* Drop everything added since @mark. */
void
tp_builder_rollback(struct tp_calendar_builder *b, struct tp_builder_mark mark);

/* First and last day of the builder's current range. */
int32_t
tp_builder_first_day(const struct tp_calendar_builder *b);

int32_t
tp_builder_last_day(const struct tp_calendar_builder *b);

#endif
