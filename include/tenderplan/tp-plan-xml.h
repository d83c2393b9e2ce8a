/* SPDX-License-Identifier: MIT */
/**
 * @file tp-plan-xml.h
 * Plan files: a plan together with how its calendar is described and the
 * procurement facts the rules checker needs, read from and written to the
 * XML plan format (namespace TP_PLAN_XML_NS, schema tenderplan-plan.xsd,
 * described in docs/plan-format.md).
 *
 * A struct tp_plan_doc owns one struct tp_plan (tp-plan.h). The plan keeps
 * the stages, dependencies, constraints, anchors, name, id, revision and
 * time zone; the document adds what a plan file says beyond that: the
 * calendar as described (region, closures, extra holidays, an iCalendar
 * file) rather than built, and the settings of the rules checker (struct
 * tp_rules_config, tp-rules.h).
 *
 * A document is filled by one thread; the read and write functions keep no
 * state between calls, and libxml2's error handlers are restored before
 * they return, so several threads may read or write different documents.
 *
 * NULL pointer arguments give TP_ERR_INVALID, or a getter's empty value
 * (NULL, 0, false, day 0), as tp-common.h says; exceptions are noted at
 * the function.
 */
#ifndef TP_PLAN_XML_H
#define TP_PLAN_XML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tp-calendar.h"
#include "tp-common.h"
#include "tp-date.h"
#include "tp-output.h"
#include "tp-plan.h"
#include "tp-rules.h"
#include "tp-schedule.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The namespace of version 1 of the plan format. */
#define TP_PLAN_XML_NS "urn:tenderplan:plan:1"
/** The schema's file name, looked up in the directory $TP_SCHEMA_DIR, the
 * installed data directory and the source tree's data/, in that order. It
 * is read without network access and may not import other documents. */
#define TP_PLAN_XML_SCHEMA "tenderplan-plan.xsd"
/** Largest plan file read, in bytes (8 MiB). */
#define TP_PLAN_XML_MAX_SIZE (8u * 1024u * 1024u)

/** A closure or extra holiday as described in a plan file. */
struct tp_plan_day_range {
	struct tp_date first; /**< first day */
	struct tp_date last;  /**< last day (= first for a holiday) */
	const char *name;     /**< borrowed from the document, or NULL */
};

/** Flags for the readers. */
enum tp_plan_read_flags {
	/** Do not open the iCalendar file a plan names (its path is kept)
	 * and do not build the calendar: for checking a file's syntax and
	 * for fuzzing. */
	TP_PLAN_READ_NO_CALENDAR = 1u << 0,
	/** Always validate with libxml2's schema validator. Without it the
	 * readers first check the file themselves against the schema's
	 * rules, and run the validator only when that check cannot pass
	 * the file (it then words the error); the result is the same, the
	 * validator's cost (most of the time of a read) is saved. Use it to
	 * test a changed schema. @since 0.1 */
	TP_PLAN_READ_SCHEMA = 1u << 1,
};

struct tp_plan_doc;

/**
 * A new document: an empty plan (see tp_plan_new()), calendar region
 * england-and-wales with nothing else, rule settings from
 * tp_rules_config_init(). Free with
 * tp_plan_doc_free(). @return TP_OK or TP_ERR_NOMEM.
 */
TP_EXPORT TP_NODISCARD enum tp_status tp_plan_doc_new(struct tp_plan_doc **out,
						      struct tp_error *err);

/** Free @p doc, its plan and its calendar. NULL is allowed. */
TP_EXPORT void tp_plan_doc_free(struct tp_plan_doc *doc);

/** The document's plan (borrowed, lives as long as @p doc). Modify it
 * through tp-plan.h. */
TP_EXPORT struct tp_plan *tp_plan_doc_plan(struct tp_plan_doc *doc);

/** The document's plan, read only. */
TP_EXPORT const struct tp_plan *
tp_plan_doc_plan_const(const struct tp_plan_doc *doc);

/** Set the calendar region (the holidays the plan's calendar uses).
 * Modifies. */
TP_EXPORT void tp_plan_doc_set_region(struct tp_plan_doc *doc,
				      enum tp_region region);

/** The calendar region. */
TP_EXPORT enum tp_region tp_plan_doc_region(const struct tp_plan_doc *doc);

/** Add a closure from @p first to @p last inclusive (@p name copied, may
 * be NULL). TP_ERR_INVALID if @p last is before @p first. Modifies. */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_doc_add_closure(struct tp_plan_doc *doc, struct tp_date first,
			struct tp_date last, const char *name,
			struct tp_error *err);

/** Number of closures. */
TP_EXPORT size_t tp_plan_doc_closure_count(const struct tp_plan_doc *doc);

/** Closure @p i; false (and @p out untouched) if there is none. */
TP_EXPORT bool tp_plan_doc_closure(const struct tp_plan_doc *doc, size_t i,
				   struct tp_plan_day_range *out);

/** Add one extra non-working day (@p name copied, may be NULL).
 * Modifies. */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_doc_add_holiday(struct tp_plan_doc *doc, struct tp_date date,
			const char *name, struct tp_error *err);

/** Number of extra holidays. */
TP_EXPORT size_t tp_plan_doc_holiday_count(const struct tp_plan_doc *doc);

/** Extra holiday @p i (first = last); false if there is none. */
TP_EXPORT bool tp_plan_doc_holiday(const struct tp_plan_doc *doc, size_t i,
				   struct tp_plan_day_range *out);

/**
 * Name an iCalendar file of holidays, as written in the plan file: a
 * relative path is relative to the plan file's directory. NULL removes it.
 * Modifies.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_doc_set_ics(struct tp_plan_doc *doc, const char *path,
		    enum tp_ics_mode mode, struct tp_error *err);

/** The iCalendar path as written, or NULL; its mode to @p mode if not
 * NULL. */
TP_EXPORT const char *tp_plan_doc_ics(const struct tp_plan_doc *doc,
				      enum tp_ics_mode *mode);

/**
 * Build the calendar the document describes and give it to the plan
 * (tp_plan_take_calendar()). A relative iCalendar path is taken relative to
 * @p base_dir (NULL: the current directory). Modifies.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_doc_build_calendar(struct tp_plan_doc *doc, const char *base_dir,
			   struct tp_error *err);

/**
 * Schedule the document's plan (as tp_schedule_compute_with(), @p opt may
 * be NULL) after building its calendars (tp_plan_doc_build_calendar()
 * must have run; the readers run it). Stages marked statutory count on
 * the calendar of the regime that applies: the plan's regime, or when the
 * plan leaves it to the date, the regime in force on the scheduled advert
 * (rebuilding the statutory calendar and scheduling again if the first
 * guess, from the anchors, was wrong). Modifies (the statutory calendar).
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_doc_schedule(struct tp_plan_doc *doc,
		     const struct tp_schedule_options *opt,
		     struct tp_schedule **out, struct tp_error *err);

/** The region of the statutory calendar the document's plan uses
 * (TP_REGION_UK for the Procurement Act 2023), or TP_REGION_NONE when its
 * statutory stages count on the plan's calendar or it has none. */
TP_EXPORT enum tp_region
tp_plan_doc_statutory_region(const struct tp_plan_doc *doc);

/**
 * Set the settings of the rules checker, after checking them: regime,
 * procedure, jurisdiction and notice means known, claims known, day
 * counts 0..TP_AMOUNT_MAX, citation NUL-terminated. TP_ERR_INVALID
 * otherwise. Modifies.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_doc_set_rules(struct tp_plan_doc *doc,
		      const struct tp_rules_config *rules,
		      struct tp_error *err);

/** The settings of the rules checker (borrowed; NULL only for a NULL
 * @p doc). */
TP_EXPORT const struct tp_rules_config *
tp_plan_doc_rules(const struct tp_plan_doc *doc);

/** The file name of claim bit @p claim ("electronic-tenders"), or NULL.
 * Names: pin, urgency, electronic-tenders, electronic-notice,
 * documents-with-notice, agreed-period, preselected, extreme-urgency,
 * protect-life, private-utility, user-choice, dynamic-market,
 * utilities-contract, voluntary-standstill, single-tenderer,
 * representations, competition, urgent-award (enum tp_claim). */
TP_EXPORT const char *tp_plan_claim_name(enum tp_claim claim);

/** Parse a claim name; TP_ERR_INVALID listing the valid names otherwise. */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_claim_from_name(const char *name, enum tp_claim *out,
			struct tp_error *err);

/* ---- reading and writing ----------------------------------------------- */

/**
 * Read the plan file at @p path: at most TP_PLAN_XML_MAX_SIZE bytes of
 * UTF-8, ASCII, ISO-8859-1/15, windows-1252 or UTF-16, no NUL character,
 * no DOCTYPE, at most 64 attributes on an element, no network, validated
 * against the schema (see TP_PLAN_READ_SCHEMA), then checked (every dependency names a stage, ids
 * unique, dates valid, text without control characters, no cycle). Unless
 * @p flags has TP_PLAN_READ_NO_CALENDAR the calendar is built (an
 * iCalendar path relative to the file's directory; with region "none" it
 * covers 1900 to 2199). Errors (TP_ERR_PARSE, TP_ERR_INVALID,
 * TP_ERR_CYCLE, TP_ERR_IO, TP_ERR_RANGE, TP_ERR_NOMEM) set @c source to
 * @p path and @c line to the line concerned, except that an error in the
 * iCalendar file names that file and its line. @p out is written only on
 * success.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_doc_read_file(const char *path, unsigned flags,
		      struct tp_plan_doc **out, struct tp_error *err);

/**
 * As tp_plan_doc_read_file() from @p len bytes at @p data. @p source_name
 * (may be NULL: "<memory>") names it in errors; @p base_dir (may be NULL)
 * resolves a relative iCalendar path.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_doc_read_memory(const char *data, size_t len, const char *source_name,
			const char *base_dir, unsigned flags,
			struct tp_plan_doc **out, struct tp_error *err);

/**
 * Write @p doc as a plan file to @p path, atomically: a temporary file in
 * the same directory, flushed, then renamed over @p path; on failure
 * @p path is unchanged. The rules of tp-output.h apply with the default
 * options (a read-only file is refused with TP_ERR_REFUSED). TP_ERR_IO
 * names the file.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_doc_write_file(const struct tp_plan_doc *doc, const char *path,
		       struct tp_error *err);

/** As tp_plan_doc_write_file() with write options (tp-output.h; NULL for
 * the defaults). @since 0.1 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_doc_write_file_opts(const struct tp_plan_doc *doc, const char *path,
			    const struct tp_write_options *wo,
			    struct tp_error *err);

/**
 * Write @p doc as a plan file into a new buffer: @p *data (NUL-terminated,
 * release it with tp_free()) of @p *len bytes. Outputs written only on success.
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_doc_write_memory(const struct tp_plan_doc *doc, char **data,
			 size_t *len, struct tp_error *err);

/* ---- many plans in one process (#11) ------------------------------------ */

/**
 * A cache of calendars: each distinct calendar definition (region, extra
 * holidays and closures with their names, the iCalendar file named, by
 * path and identity on disk, and its mode; and each statutory calendar) is
 * built once and lent, read only, to every document that describes the
 * same one. The caller owns the cache; it must outlive every document
 * whose calendars came from it. A cache is changed by the documents
 * built, read or scheduled with it; it may be used by several threads at
 * once (a lock inside it guards it; a calendar met for the first time is
 * built under that lock, so one thread may wait for another's build), and
 * the calendars themselves may be read by any number of threads. Free it
 * when no thread uses it.
 */
struct tp_calendar_cache;

/** A new, empty cache; free it with tp_calendar_cache_free().
 * @return TP_OK, TP_ERR_INVALID (@p out NULL) or TP_ERR_NOMEM. @since 0.1 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_calendar_cache_new(struct tp_calendar_cache **out, struct tp_error *err);

/** Free @p cache and every calendar in it. NULL is allowed. @since 0.1 */
TP_EXPORT void tp_calendar_cache_free(struct tp_calendar_cache *cache);

/** How many calendars @p cache has built (0 for NULL). @since 0.1 */
TP_EXPORT size_t
tp_calendar_cache_count(const struct tp_calendar_cache *cache);

/**
 * As tp_plan_doc_build_calendar(), taking the plan's calendar and its
 * statutory calendar from @p cache (building them there the first time a
 * definition is met); tp_plan_doc_schedule() takes any statutory calendar
 * it needs from the same cache. @p cache NULL: as
 * tp_plan_doc_build_calendar(). @since 0.1
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_doc_build_calendar_shared(struct tp_plan_doc *doc,
				  const char *base_dir,
				  struct tp_calendar_cache *cache,
				  struct tp_error *err);

/**
 * A plan reader: reads plan files as tp_plan_doc_read_file() does, keeping
 * between reads what does not change from file to file (the compiled
 * schema) and, when given one, sharing calendars through a
 * struct tp_calendar_cache. One thread at a time; free with
 * tp_plan_reader_free().
 */
struct tp_plan_reader;

/** A new reader. @return TP_OK, TP_ERR_INVALID or TP_ERR_NOMEM.
 * @since 0.1 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_reader_new(struct tp_plan_reader **out, struct tp_error *err);

/** Free @p reader (not its cache). NULL is allowed. @since 0.1 */
TP_EXPORT void tp_plan_reader_free(struct tp_plan_reader *reader);

/** Build the calendars of the documents read from now on through
 * @p cache (borrowed; it must outlive those documents), or, with NULL,
 * give each document its own. @since 0.1 */
TP_EXPORT void tp_plan_reader_set_calendar_cache(struct tp_plan_reader *reader,
						 struct tp_calendar_cache *cache);

/** As tp_plan_doc_read_file(), through @p reader. @since 0.1 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_reader_read_file(struct tp_plan_reader *reader, const char *path,
			 unsigned flags, struct tp_plan_doc **out,
			 struct tp_error *err);

/** As tp_plan_doc_read_memory(), through @p reader. @since 0.1 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_reader_read_memory(struct tp_plan_reader *reader, const char *data,
			   size_t len, const char *source_name,
			   const char *base_dir, unsigned flags,
			   struct tp_plan_doc **out, struct tp_error *err);

/**
 * A set of plan documents read together, sharing calendars: see
 * tp_plan_set_read().
 */
struct tp_plan_set;

/**
 * Read the plan files @p paths[0..n) in one go sharing one calendar
 * cache: a path naming a directory stands for the files in it whose names
 * end in ".xml" (not those beginning with "."), in byte order of their
 * names, not descending further. The files are read on several threads
 * (one per online CPU, at most 8, with a tp_plan_reader each; a few files
 * are read on the calling thread alone), which the call has joined before
 * it returns; the documents are in the order of the files whatever thread
 * read them. The documents share calendars (tp_calendar_cache_new(); the
 * set owns its cache). Two plans with the same id are refused
 * (TP_ERR_INVALID naming both files), as is a directory with no plan file
 * in it. An error stops the reading; the error reported is that of the
 * first failing file in order, as reading one file after another would
 * report it, naming its file (as tp_plan_doc_read_file()); @p out is
 * written only on success. Free with tp_plan_set_free(). Scheduling a
 * document may add a statutory calendar to the set's cache, which is safe
 * for several threads: different documents of one set may be scheduled by
 * different threads at once, each document by one thread at a time.
 * @since 0.1
 */
TP_EXPORT TP_NODISCARD enum tp_status
tp_plan_set_read(const char *const *paths, size_t n, unsigned flags,
		 struct tp_plan_set **out, struct tp_error *err);

/** Free @p set, its documents and its calendars. NULL is allowed.
 * @since 0.1 */
TP_EXPORT void tp_plan_set_free(struct tp_plan_set *set);

/** How many documents @p set holds. @since 0.1 */
TP_EXPORT size_t tp_plan_set_count(const struct tp_plan_set *set);

/** Document @p i (borrowed: lives as long as @p set), or NULL. Its
 * calendars belong to the set. @since 0.1 */
TP_EXPORT struct tp_plan_doc *tp_plan_set_doc(struct tp_plan_set *set,
					      size_t i);

/** The file document @p i was read from (borrowed), or NULL. @since 0.1 */
TP_EXPORT const char *tp_plan_set_path(const struct tp_plan_set *set,
				       size_t i);

#ifdef __cplusplus
}
#endif
#endif
