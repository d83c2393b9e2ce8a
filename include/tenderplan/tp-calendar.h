/* SPDX-License-Identifier: MIT */
/**
 * @file tp-calendar.h
 * UK bank holidays and working-day calendars.
 *
 * A calendar is built once with a struct tp_calendar_builder (region,
 * weekend days, extra holidays, closures, holidays read from an iCalendar
 * file) and is then immutable: every tp_calendar_* query takes a const
 * pointer and many threads may query one calendar at once.
 *
 * Queries are O(1) (tables built by tp_calendar_builder_build()) except
 * tp_calendar_day_info(), which is O(log holidays). A date outside the
 * calendar's built range (tp_calendar_first_day() to tp_calendar_last_day())
 * is an error (TP_ERR_RANGE), never a guess.
 *
 * Conventions (the single place they are defined):
 * - tp_calendar_add_working_days(cal, d, n): the n-th working day after d,
 *   d itself not counted (n > 0); the n-th working day before d (n < 0);
 *   n = 0 gives d if it is a working day, else the next working day.
 * - tp_calendar_working_days_between(cal, a, b): the number of working days
 *   w with a <= w < b; minus the count over [b, a) when b < a.
 */
#ifndef TP_CALENDAR_H
#define TP_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tp-common.h"
#include "tp-date.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Built-in holiday regions. */
enum tp_region {
	TP_REGION_NONE = 0,              /**< no bank holidays (weekends only) */
	TP_REGION_ENGLAND_AND_WALES = 1, /**< "england-and-wales" */
	TP_REGION_SCOTLAND = 2,          /**< "scotland" */
	TP_REGION_NORTHERN_IRELAND = 3,  /**< "northern-ireland" */
	/** "uk": a bank holiday in any part of the UK, the working-day
	 * definition of the Procurement Act 2023 (s.123). */
	TP_REGION_UK = 4,
};

/** Why a day is a holiday. */
enum tp_holiday_kind {
	/** Listed in Schedule 1 of the Banking and Financial Dealings Act
	 * 1971, or a common-law holiday (Christmas Day, Good Friday). */
	TP_HOLIDAY_STATUTORY = 0,
	/** Appointed every year by Royal Proclamation under s.1(3) of the 1971
	 * Act (e.g. New Year's Day and Early May in England and Wales). */
	TP_HOLIDAY_PROCLAMATION = 1,
	/** A weekday in place of a holiday that fell at a weekend. */
	TP_HOLIDAY_SUBSTITUTE = 2,
	/** A single occasion (royal wedding, jubilee, state funeral), or a
	 * regular holiday moved for one year. */
	TP_HOLIDAY_ONE_OFF = 3,
	/** Added by the user (tp_calendar_builder_add_holiday()). */
	TP_HOLIDAY_EXTRA = 4,
	/** Read from an iCalendar file. */
	TP_HOLIDAY_IMPORTED = 5,
	/** Part of a closure period (tp_calendar_builder_add_closure()). */
	TP_HOLIDAY_CLOSURE = 6,
};

/** One holiday. @c name is owned by whatever returned the struct. */
struct tp_holiday {
	struct tp_date date;       /**< the day */
	enum tp_holiday_kind kind; /**< where the day comes from */
	/** Bit (1u << region) for each of england-and-wales, scotland and
	 * northern-ireland where the day is a holiday; 0 for user days. */
	unsigned regions;
	const char *name; /**< e.g. "Easter Monday"; a closure's name */
};

/** How to move a date that is not a working day. */
enum tp_roll {
	TP_ROLL_NONE = 0,      /**< leave the date as it is */
	TP_ROLL_FOLLOWING = 1, /**< the next working day */
	TP_ROLL_PRECEDING = 2, /**< the previous working day */
	/** the next working day, unless that is in the next month: then the
	 * previous one */
	TP_ROLL_MODIFIED_FOLLOWING = 3,
};

/** What tp_calendar_builder_load_ics() does with the region's holidays. */
enum tp_ics_mode {
	/** add the file's days to the region's */
	TP_ICS_ADD = 0,
	/** drop the region's holidays in the years the file covers (its first
	 * to its last date within the builder's range: a recurring event
	 * without COUNT or UNTIL covers every year to the end of the range)
	 * and use the file's instead; Christmas Day and Good Friday stay
	 * non-working days whatever the file says */
	TP_ICS_REPLACE = 1,
};

/** Earliest year with built-in bank holidays (the 1971 Act's first full
 * year in force). Earlier years are an error, not a guess. */
#define TP_HOLIDAYS_FIRST_YEAR 1972

/* ---- regions and their holidays ---------------------------------------- */

/**
 * Look up a region by its name: "england-and-wales", "scotland",
 * "northern-ireland", "uk" or "none". TP_ERR_INVALID for anything else, with
 * a message listing the valid names.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_region_from_name(const char *name, enum tp_region *out,
		    struct tp_error *err);

/** The name of @p region as accepted by tp_region_from_name(), or NULL. */
TP_EXPORT const char *
tp_region_name(enum tp_region region);

/** A short English name for @p kind ("statutory", "substitute", …). */
TP_EXPORT const char *
tp_holiday_kind_name(enum tp_holiday_kind kind);

/** A list of holidays, sorted by date; see tp_region_holidays(). */
struct tp_holiday_list;

/**
 * The bank holidays (with Christmas Day and Good Friday) of @p region in
 * the years @p from_year to @p to_year inclusive, sorted by date. For
 * TP_REGION_UK a day that is a holiday in several parts appears once with
 * their bits in @c regions. Fails with TP_ERR_RANGE for a year before
 * TP_HOLIDAYS_FIRST_YEAR or after TP_YEAR_MAX. Free with
 * tp_holiday_list_free().
 *
 * Only weekdays are listed: a holiday that falls on a Saturday or Sunday
 * appears through its weekday substitute ("Boxing Day (substitute day)").
 * Years after the latest Royal Proclamation are predictions from the rules.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_region_holidays(enum tp_region region, int from_year, int to_year,
		   struct tp_holiday_list **out, struct tp_error *err);

/** Number of holidays in @p list. */
TP_EXPORT size_t
tp_holiday_list_count(const struct tp_holiday_list *list);

/** The @p i-th holiday; borrowed until the list is freed. NULL if out of
 * range. */
TP_EXPORT const struct tp_holiday *
tp_holiday_list_get(const struct tp_holiday_list *list, size_t i);

/** Free @p list. NULL is allowed. */
TP_EXPORT void
tp_holiday_list_free(struct tp_holiday_list *list);

/* ---- building a calendar ----------------------------------------------- */

struct tp_calendar_builder;
struct tp_calendar;

/**
 * A builder with the defaults: region england-and-wales, weekend Saturday
 * and Sunday, range 1972-01-01 to 2199-12-31, no extra days.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_calendar_builder_new(struct tp_calendar_builder **out,
			struct tp_error *err);

/** Free @p b. NULL is allowed. */
TP_EXPORT void
tp_calendar_builder_free(struct tp_calendar_builder *b);

/** Use the built-in holidays of @p region (TP_REGION_NONE for none). */
TP_EXPORT TP_NODISCARD enum tp_status
tp_calendar_builder_set_region(struct tp_calendar_builder *b,
			       enum tp_region region, struct tp_error *err);

/**
 * Weekend days as a bit mask: bit (1u << w) for each ISO weekday w (1 =
 * Monday … 7 = Sunday). The default is Saturday and Sunday. A mask that
 * leaves no working day in the week is TP_ERR_INVALID.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_calendar_builder_set_weekend(struct tp_calendar_builder *b, unsigned mask,
				struct tp_error *err);

/**
 * Limit the calendar to the years @p from_year to @p to_year. A smaller
 * range builds faster and uses less memory. With a region other than
 * TP_REGION_NONE, years before TP_HOLIDAYS_FIRST_YEAR are TP_ERR_RANGE.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_calendar_builder_set_range(struct tp_calendar_builder *b, int from_year,
			      int to_year, struct tp_error *err);

/** Add one non-working day. @p name is copied; NULL means "extra holiday";
 * it must be UTF-8 text without control characters, on one line
 * (TP_ERR_INVALID otherwise). Days outside the range built later are
 * ignored. */
TP_EXPORT TP_NODISCARD enum tp_status
tp_calendar_builder_add_holiday(struct tp_calendar_builder *b,
				struct tp_date date, const char *name,
				struct tp_error *err);

/**
 * Add a closure: every day from @p first to @p last inclusive is a
 * non-working day (e.g. an office's Christmas shutdown). @p name is copied;
 * NULL means "closure"; text as for tp_calendar_builder_add_holiday().
 * @p last before @p first is TP_ERR_INVALID.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_calendar_builder_add_closure(struct tp_calendar_builder *b,
				struct tp_date first, struct tp_date last,
				const char *name, struct tp_error *err);

/**
 * Read holidays from the iCalendar file at @p path (RFC 5545), as a
 * calendar app reads it: every VEVENT with an all-day DTSTART (VALUE=DATE)
 * gives one holiday per day up to its DTEND (exclusive; a missing or equal
 * DTEND means one day) or for its DURATION, named by its SUMMARY, on each
 * date of its recurrence set within the builder's years: DTSTART, the
 * dates of its RRULE (expanded with libical's recurrence iterator) and its
 * RDATEs, less its EXDATEs (an EXDATE of DTSTART removes it). An event
 * with STATUS:CANCELLED gives no days; one with a RECURRENCE-ID replaces
 * (or, cancelled, removes) that date of the series with its UID; two
 * events with one UID and the same dates count once. This covers the
 * per-region files gov.uk publishes and the exports of Outlook, Google
 * and Apple calendars. Duplicate days are merged.
 *
 * TP_ERR_PARSE with @c source and @c line set, and the builder unchanged,
 * for: a file that is not iCalendar or has no usable event; text that is
 * not UTF-8 or holds control characters; a SUMMARY that is not one line
 * or is longer than 256 bytes;
 * an event with a time of day, a date that does not exist, a single event
 * outside the builder's range (tp_calendar_builder_set_range() comes
 * first) or longer than 366 days; what RFC 5545 leaves undefined or this
 * reader does not follow (two DTSTARTs or DTENDs in one event, DTEND with
 * DURATION, a DTSTART its own RRULE does not give, a rule repeating within
 * a day, two events with one UID and other dates, RANGE=THISANDFUTURE,
 * METHOD:CANCEL); and, to bound the work, a file over 16 MiB, a line over
 * 1 MiB unfolded, components nested more than 16 deep, more than 50,000
 * events, 250,000 date, name and rule properties or 100,000 dates, or more
 * than 100 yearly RRULEs (a monthly, weekly or daily one counts as 50). A file that cannot be opened or read,
 * or a directory, is TP_ERR_IO. Nothing is printed.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_calendar_builder_load_ics(struct tp_calendar_builder *b, const char *path,
			     enum tp_ics_mode mode, struct tp_error *err);

/**
 * As tp_calendar_builder_load_ics() but from @p len bytes at @p data;
 * @p source_name (may be NULL) names it in errors.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_calendar_builder_load_ics_data(struct tp_calendar_builder *b,
				  const char *data, size_t len,
				  const char *source_name, enum tp_ics_mode mode,
				  struct tp_error *err);

/**
 * Build the calendar. The builder stays usable (and must still be freed).
 * Free the calendar with tp_calendar_free().
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_calendar_builder_build(const struct tp_calendar_builder *b,
			  struct tp_calendar **out, struct tp_error *err);

/** Shortcut: the default calendar of @p region (weekends + its holidays). */
TP_EXPORT TP_NODISCARD enum tp_status
tp_calendar_new_region(enum tp_region region, struct tp_calendar **out,
		       struct tp_error *err);

/** Free @p cal. NULL is allowed. */
TP_EXPORT void
tp_calendar_free(struct tp_calendar *cal);

/* ---- queries (const; safe from many threads) --------------------------- */

/** The region the calendar was built with. */
TP_EXPORT enum tp_region
tp_calendar_region(const struct tp_calendar *cal);

/** First day of the built range. */
TP_EXPORT struct tp_date
tp_calendar_first_day(const struct tp_calendar *cal);

/** Last day of the built range. */
TP_EXPORT struct tp_date
tp_calendar_last_day(const struct tp_calendar *cal);

/** Set @p *working to whether @p d is a working day. */
TP_EXPORT TP_NODISCARD enum tp_status
tp_calendar_is_working_day(const struct tp_calendar *cal, struct tp_date d,
			   bool *working, struct tp_error *err);

/** The first working day strictly after @p d. */
TP_EXPORT TP_NODISCARD enum tp_status
tp_calendar_next_working_day(const struct tp_calendar *cal, struct tp_date d,
			     struct tp_date *out, struct tp_error *err);

/** The last working day strictly before @p d. */
TP_EXPORT TP_NODISCARD enum tp_status
tp_calendar_previous_working_day(const struct tp_calendar *cal,
				 struct tp_date d, struct tp_date *out,
				 struct tp_error *err);

/** @p d if it is a working day, else moved by @p roll. */
TP_EXPORT TP_NODISCARD enum tp_status
tp_calendar_adjust(const struct tp_calendar *cal, struct tp_date d,
		   enum tp_roll roll, struct tp_date *out,
		   struct tp_error *err);

/** The @p n-th working day after @p d; see the conventions above. */
TP_EXPORT TP_NODISCARD enum tp_status
tp_calendar_add_working_days(const struct tp_calendar *cal, struct tp_date d,
			     int32_t n, struct tp_date *out,
			     struct tp_error *err);

/** Working days in [a, b); see the conventions above. Both dates must lie
 * in the built range. */
TP_EXPORT TP_NODISCARD enum tp_status
tp_calendar_working_days_between(const struct tp_calendar *cal,
				 struct tp_date a, struct tp_date b,
				 int32_t *out, struct tp_error *err);

/** @p d plus @p n calendar days, then moved by @p roll. */
TP_EXPORT TP_NODISCARD enum tp_status
tp_calendar_add_days_rolled(const struct tp_calendar *cal, struct tp_date d,
			    int32_t n, enum tp_roll roll, struct tp_date *out,
			    struct tp_error *err);

/** Why a day is or is not a working day. */
struct tp_day_info {
	bool working;  /**< a working day */
	bool weekend;  /**< one of the weekend days */
	/** The holiday or closure that makes it non-working, or NULL; borrowed
	 * from the calendar. A weekend day can also be a holiday. */
	const struct tp_holiday *holiday;
};

/**
 * Describe @p d. O(log holidays). Where several reasons fall on one day the
 * holiday is the region's, else one read from a file, else an extra
 * holiday, else a closure. In a calendar with a region, Christmas Day and
 * Good Friday are described (and never working) even when they fall on a
 * weekend, which the region's weekday-only list leaves out.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_calendar_day_info(const struct tp_calendar *cal, struct tp_date d,
		     struct tp_day_info *out, struct tp_error *err);

/**
 * Call @p fn for each non-working day in [@p from, @p to] in date order,
 * with its description, until @p fn returns non-zero (that value is then
 * returned through @p stopped if not NULL). For --explain and Gantt shading.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_calendar_foreach_non_working(const struct tp_calendar *cal,
				struct tp_date from, struct tp_date to,
				int (*fn)(struct tp_date d,
					  const struct tp_day_info *info,
					  void *user),
				void *user, int *stopped,
				struct tp_error *err);

#ifdef __cplusplus
}
#endif
#endif
