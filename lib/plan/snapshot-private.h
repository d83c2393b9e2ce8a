/* SPDX-License-Identifier: MIT */
/* Snapshots inside the library: their layout, the SEQUENCE rule shared by
 * the iCalendar writer and tp_snapshot_record(), and the XML hooks called
 * by the plan file reader and writer. See tp-revision.h. */
#ifndef TP_SNAPSHOT_PRIVATE_H
#define TP_SNAPSHOT_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

#include <tenderplan/tp-revision.h>

struct tp_snap_rec {
	char *id, *name;
	struct tp_date start, finish;
	int minutes;
	uint64_t hash;
	uint32_t sequence;
	bool removed;
};

/* Records with an index on their ids. */
struct tp_snap_list {
	struct tp_snap_rec *recs;
	size_t n, cap;
	/* open addressing on ids: slot = record index + 1, 0 empty */
	uint32_t *slots;
	size_t n_slots; /* a power of two, or 0 */
};

struct tp_snapshot {
	enum tp_snapshot_kind kind;
	uint32_t revision;
	int64_t taken;
	char *plan_id, *time_zone;
	struct tp_snap_list stages;
	/* meeting series (tp-meeting.h): start is the date the series'
	 * event begins on, finish its last meeting, minutes -1 */
	struct tp_snap_list series;
};

/* The links into each stage, grouped (CSR): the dependencies into stage s
 * are deps[start[s]] .. deps[start[s + 1] - 1], indexes for
 * tp_plan_dependency(). */
struct tp_dep_index {
	size_t *start;
	size_t *deps;
};

enum tp_status tp_dep_index_build(const struct tp_plan *plan,
				  struct tp_dep_index *idx,
				  struct tp_error *err);

void tp_dep_index_free(struct tp_dep_index *idx);

/* tp_snapshot_text_hash() with an index of @p plan (NULL: walk every
 * dependency). */
uint64_t tp_snapshot_hash_stage(const struct tp_plan *plan,
				const struct tp_dep_index *idx, size_t stage);

/* @p since if it can serve for @p plan (same plan id), else NULL. */
const struct tp_snapshot *tp_snapshot_usable(const struct tp_snapshot *since,
					     const struct tp_plan *plan);

/* The SEQUENCE of stage @p stage of @p sched's plan by the rule of
 * tp-revision.h; @p since must come from tp_snapshot_usable(). */
uint32_t tp_snapshot_sequence(const struct tp_snapshot *since,
			      const struct tp_schedule *sched,
			      const struct tp_dep_index *idx, size_t stage);

/* The SEQUENCE of a cancellation of @p rec, a stage of @p since missing
 * from the plan. */
uint32_t tp_snapshot_cancel_sequence(const struct tp_snap_rec *rec);

/* Stage record @p i of @p snap (i < tp_snapshot_stage_count()). */
const struct tp_snap_rec *tp_snapshot_rec(const struct tp_snapshot *snap,
					  size_t i);

/* Series record @p i of @p snap (i < tp_snapshot_series_count()). */
const struct tp_snap_rec *
tp_snapshot_series_rec(const struct tp_snapshot *snap, size_t i);

/* The SEQUENCE of the event of meeting series @p series of @p sched's plan:
 * the rule of tp-revision.h with its text tp_snapshot_hash_series(); a
 * series @p since does not have gets the plan's revision - 1 (snapshots
 * older than series records have none). @p since from
 * tp_snapshot_usable(). */
uint32_t tp_snapshot_series_sequence(const struct tp_snapshot *since,
				     const struct tp_schedule *sched,
				     size_t series);

/* A hash of what the event of meeting series @p series shows: its id,
 * name, dates, rule, exceptions, report and call-in days, and the stages
 * on it (summary and early start). */
uint64_t tp_snapshot_hash_series(const struct tp_schedule *sched,
				 size_t series);

/* ---- plan files -------------------------------------------------------- */

/* Read the <snapshots> element @p node into @p doc. On failure *line is
 * the line of the element at fault. */
enum tp_status tp_snapshots_read_xml(struct tp_plan_doc *doc, xmlNodePtr node,
				     int *line, struct tp_error *err);

/* Write <snapshots> (nothing when there are none). false on a libxml2
 * failure (out of memory). */
bool tp_snapshots_write_xml(xmlTextWriterPtr w, const struct tp_plan_doc *doc);

/* Free the document's snapshots (for tp_plan_doc_free()). */
void tp_plan_doc_free_snapshots(struct tp_plan_doc *doc);

/* "YYYY-MM-DDTHH:MM:SSZ" for @p t >= 0 into @p buf (32 bytes). */
void tp_snapshot_format_time(int64_t t, char buf[32]);

/* Parse what tp_snapshot_format_time() writes; false if it is not that. */
bool tp_snapshot_parse_time(const char *s, int64_t *out);

#endif
