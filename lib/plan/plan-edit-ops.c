/* SPDX-License-Identifier: MIT */
/* The changes of tp-plan-edit.h, made on the document: each checks its
 * arguments, does nothing when the value is already there, and records a
 * sentence saying what changed. Element order follows the schema
 * (data/tenderplan-plan.xsd): a new element goes where the schema puts it
 * among its siblings. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "error-private.h"
#include "plan-edit-private.h"

static const char *const plan_order[] = {
	"name", "time-zone", "calendar", "anchors", "rules", "meetings",
	"stages", NULL};
static const char *const stage_order[] = {"name", "owner", "notes", NULL};
static const char *const text_elements[] = {"name", "owner", "notes"};

/* ---- checks --------------------------------------------------------- */

static enum tp_status
need_edit(const struct tp_plan_edit *e, const char *what,
	  struct tp_error *err)
{
	if (!e)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "%s needs an edit", what);
	return TP_OK;
}

/* Letters, digits, '-', '_' and '.', 1 to @max bytes. */
static bool
id_ok(const char *id, size_t max)
{
	size_t n = id ? strlen(id) : 0;

	if (n == 0 || n > max)
		return false;
	for (const char *p = id; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' ||
		      *p == '.'))
			return false;
	return true;
}

static long
long_attr(xmlNodePtr n, const char *name, long dflt)
{
	const char *v = tp_edit_attr(n, name);

	return v ? strtol(v, NULL, 10) : dflt;
}

/* "15 working days", "1 week", "a milestone". */
static char *
say_duration(long amount, enum tp_unit unit, char *buf, size_t size)
{
	static const char *const one[] = {"working day", "calendar day", "week",
					  "month"};
	static const char *const many[] = {"working days", "calendar days",
					   "weeks", "months"};

	if (amount == 0)
		snprintf(buf, size, "a milestone");
	else
		snprintf(buf, size, "%ld %s", amount,
			 amount == 1 ? one[unit] : many[unit]);
	return buf;
}

/* ---- stage texts ---------------------------------------------------- */

/* Put @text (NULL: remove) in element @name under @parent, where
 * @order says; @what names the owner in the change ("stage 'a'"). */
static enum tp_status
set_text_child(struct tp_plan_edit *e, xmlNodePtr parent, const char *name,
	       const char *text, const char *const *order, const char *what,
	       struct tp_error *err)
{
	xmlNodePtr t = tp_edit_child(parent, name);
	char *old = t ? (char *)xmlNodeGetContent(t) : NULL;
	char a[80], b[80];
	enum tp_status rc = TP_OK;

	if (t && !old)
		return tp_error_nomem(err);
	if ((!old && !text) || (old && text && !strcmp(old, text)))
		goto out;
	if (!text) {
		tp_edit_remove(t);
		rc = tp_edit_note(e, err, "%s: %s removed (was %s)", what, name,
				  tp_edit_quote(old, a, sizeof(a)));
	} else if (t) {
		rc = tp_edit_set_text(t, text, err);
		if (rc == TP_OK)
			rc = tp_edit_note(e, err, "%s: %s %s -> %s", what, name,
					  tp_edit_quote(old, a, sizeof(a)),
					  tp_edit_quote(text, b, sizeof(b)));
	} else {
		t = tp_edit_new_element(e, name);
		rc = t ? tp_edit_set_text(t, text, err) : tp_error_nomem(err);
		if (rc == TP_OK)
			rc = tp_edit_insert_ordered(e, parent, t, order, err);
		else
			xmlFreeNode(t);
		if (rc == TP_OK)
			rc = tp_edit_note(e, err, "%s: %s set to %s", what,
					  name,
					  tp_edit_quote(text, b, sizeof(b)));
	}
out:
	xmlFree(old);
	return rc;
}

TP_EXPORT enum tp_status
tp_plan_edit_set_stage_text(struct tp_plan_edit *edit, const char *stage,
			    enum tp_stage_text which, const char *text,
			    struct tp_error *err)
{
	xmlNodePtr st;
	char what[96];
	enum tp_status rc = need_edit(edit, "tp_plan_edit_set_stage_text", err);

	if (rc == TP_OK && (unsigned)which > TP_STAGE_TEXT_NOTES)
		rc = tp_error_setf(err, TP_ERR_INVALID, stage,
				   "unknown stage text %d", (int)which);
	if (rc == TP_OK)
		rc = tp_edit_need_stage(edit, stage, &st, err);
	if (rc == TP_OK && text && *text)
		rc = tp_edit_check_text(text, text_elements[which], stage, err);
	if (rc != TP_OK)
		return rc;
	snprintf(what, sizeof(what), "stage '%s'", stage);
	return set_text_child(edit, st, text_elements[which],
			      text && *text ? text : NULL, stage_order, what,
			      err);
}

/* ---- stage attributes ----------------------------------------------- */

static enum tp_status
unit_of(xmlNodePtr st, enum tp_unit *out)
{
	const char *u = tp_edit_attr(st, "unit");

	*out = TP_UNIT_WORKING_DAYS;
	return u ? tp_unit_from_name(u, out, NULL) : TP_OK;
}

TP_EXPORT enum tp_status
tp_plan_edit_set_stage_duration(struct tp_plan_edit *edit, const char *stage,
				int32_t amount, enum tp_unit unit,
				struct tp_error *err)
{
	xmlNodePtr st;
	enum tp_unit old_unit;
	long old;
	char num[16], a[48], b[48];
	enum tp_status rc =
		need_edit(edit, "tp_plan_edit_set_stage_duration", err);

	if (rc == TP_OK && (amount < 0 || amount > TP_AMOUNT_MAX))
		rc = tp_error_setf(err, TP_ERR_INVALID, stage,
				   "a duration is 0 to %d, not %ld",
				   TP_AMOUNT_MAX, (long)amount);
	if (rc == TP_OK && !tp_unit_name(unit))
		rc = tp_error_setf(err, TP_ERR_INVALID, stage,
				   "unknown unit %d", (int)unit);
	if (rc == TP_OK)
		rc = tp_edit_need_stage(edit, stage, &st, err);
	if (rc != TP_OK)
		return rc;
	old = long_attr(st, "duration", 0);
	unit_of(st, &old_unit);
	if (old == amount && (old_unit == unit || amount == 0))
		return TP_OK;
	snprintf(num, sizeof(num), "%ld", (long)amount);
	rc = tp_edit_set_attr(st, "duration", num, err);
	if (rc == TP_OK &&
	    (tp_edit_attr(st, "unit") || unit != TP_UNIT_WORKING_DAYS))
		rc = tp_edit_set_attr(st, "unit", tp_unit_name(unit), err);
	if (rc == TP_OK)
		rc = tp_edit_note(edit, err, "stage '%s': duration %s -> %s",
				  stage,
				  say_duration(old, old_unit, a, sizeof(a)),
				  say_duration(amount, unit, b, sizeof(b)));
	return rc;
}

TP_EXPORT enum tp_status
tp_plan_edit_set_stage_kind(struct tp_plan_edit *edit, const char *stage,
			    enum tp_stage_kind kind, struct tp_error *err)
{
	xmlNodePtr st;
	const char *old;
	enum tp_status rc = need_edit(edit, "tp_plan_edit_set_stage_kind", err);

	if (rc == TP_OK && !tp_stage_kind_name(kind))
		rc = tp_error_setf(err, TP_ERR_INVALID, stage,
				   "unknown stage kind %d", (int)kind);
	if (rc == TP_OK)
		rc = tp_edit_need_stage(edit, stage, &st, err);
	if (rc != TP_OK)
		return rc;
	old = tp_edit_attr(st, "kind") ? tp_edit_attr(st, "kind") : "custom";
	if (!strcmp(old, tp_stage_kind_name(kind)))
		return TP_OK;
	rc = tp_edit_note(edit, err, "stage '%s': kind %s -> %s", stage, old,
			  tp_stage_kind_name(kind));
	return rc == TP_OK ? tp_edit_set_attr(st, "kind",
					      tp_stage_kind_name(kind), err)
			   : rc;
}

TP_EXPORT enum tp_status
tp_plan_edit_set_stage_time(struct tp_plan_edit *edit, const char *stage,
			    int minutes, struct tp_error *err)
{
	xmlNodePtr st;
	const char *old;
	char hhmm[16] = "", was[16];
	enum tp_status rc = need_edit(edit, "tp_plan_edit_set_stage_time", err);

	if (rc == TP_OK && (minutes < -1 || minutes > 1439))
		rc = tp_error_setf(err, TP_ERR_INVALID, stage,
				   "a time of day is 0 to 1439 minutes after "
				   "midnight, or -1 for none, not %d",
				   minutes);
	if (rc == TP_OK)
		rc = tp_edit_need_stage(edit, stage, &st, err);
	if (rc != TP_OK)
		return rc;
	if (minutes >= 0)
		snprintf(hhmm, sizeof(hhmm), "%02d:%02d", (minutes / 60) % 24,
			 minutes % 60);
	old = tp_edit_attr(st, "time");
	if ((!old && minutes < 0) || (old && !strcmp(old, hhmm)))
		return TP_OK;
	snprintf(was, sizeof(was), "%s", old ? old : "");
	rc = tp_edit_set_attr(st, "time", minutes >= 0 ? hhmm : NULL, err);
	if (rc == TP_OK && minutes < 0)
		rc = tp_edit_note(edit, err, "stage '%s': time removed (was %s)",
				  stage, was);
	else if (rc == TP_OK)
		rc = tp_edit_note(edit, err, "stage '%s': time %s%s%s", stage,
				  was[0] ? was : "set to", was[0] ? " -> " : " ",
				  hhmm);
	return rc;
}

/* ---- constraints ---------------------------------------------------- */

static bool
is_constraint_of(xmlNodePtr c, const char *type)
{
	const char *t = tp_edit_attr(c, "type");

	return tp_edit_is(c, "constraint") && t && !strcmp(t, type);
}

/* Remove the constraints of @type after @keep (NULL: all of them). */
static enum tp_status
drop_constraints(struct tp_plan_edit *e, xmlNodePtr st, const char *stage,
		 const char *type, xmlNodePtr keep, struct tp_error *err)
{
	xmlNodePtr c = st->children, next;
	enum tp_status rc = TP_OK;

	for (; c && rc == TP_OK; c = next) {
		next = c->next;
		if (c == keep || !is_constraint_of(c, type))
			continue;
		rc = tp_edit_note(e, err, "stage '%s': %s %s removed", stage,
				  type,
				  tp_edit_attr(c, "date") ? tp_edit_attr(c, "date")
							  : "");
		tp_edit_remove(c);
	}
	return rc;
}

static enum tp_status
add_constraint(struct tp_plan_edit *e, xmlNodePtr st, const char *stage,
	       const char *type, const char *date, struct tp_error *err)
{
	xmlNodePtr c = tp_edit_new_element(e, "constraint");
	enum tp_status rc = c ? TP_OK : tp_error_nomem(err);

	if (rc == TP_OK)
		rc = tp_edit_set_attr(c, "type", type, err);
	if (rc == TP_OK)
		rc = tp_edit_set_attr(c, "date", date, err);
	if (rc != TP_OK) {
		xmlFreeNode(c);
		return rc;
	}
	rc = tp_edit_insert_ordered(e, st, c, stage_order, err);
	if (rc == TP_OK)
		rc = tp_edit_note(e, err, "stage '%s': %s %s added", stage,
				  type, date);
	return rc;
}

TP_EXPORT enum tp_status
tp_plan_edit_set_stage_constraint(struct tp_plan_edit *edit, const char *stage,
				  enum tp_constraint_type type,
				  const struct tp_date *date,
				  struct tp_error *err)
{
	const char *name = tp_constraint_type_name(type);
	xmlNodePtr st, first = NULL;
	char d[TP_DATE_STRLEN], was[TP_DATE_STRLEN] = "";
	enum tp_status rc =
		need_edit(edit, "tp_plan_edit_set_stage_constraint", err);

	if (rc == TP_OK && !name)
		rc = tp_error_setf(err, TP_ERR_INVALID, stage,
				   "unknown constraint type %d", (int)type);
	if (rc == TP_OK && date && !tp_date_in_range(*date))
		rc = tp_error_setf(err, TP_ERR_RANGE, stage,
				   "the date is outside the supported dates");
	if (rc == TP_OK)
		rc = tp_edit_need_stage(edit, stage, &st, err);
	if (rc != TP_OK)
		return rc;
	if (!date)
		return drop_constraints(edit, st, stage, name, NULL, err);
	tp_date_format(*date, d);
	for (xmlNodePtr c = st->children; c && !first; c = c->next)
		if (is_constraint_of(c, name))
			first = c;
	if (!first)
		return add_constraint(edit, st, stage, name, d, err);
	snprintf(was, sizeof(was), "%s",
		 tp_edit_attr(first, "date") ? tp_edit_attr(first, "date") : "");
	if (strcmp(was, d) != 0) {
		rc = tp_edit_set_attr(first, "date", d, err);
		if (rc == TP_OK)
			rc = tp_edit_note(edit, err, "stage '%s': %s %s -> %s",
					  stage, name, was, d);
	}
	return rc == TP_OK ? drop_constraints(edit, st, stage, name, first, err)
			   : rc;
}

/* ---- adding and removing stages --------------------------------------- */

static xmlNodePtr
last_element(xmlNodePtr parent)
{
	xmlNodePtr last = NULL;

	for (xmlNodePtr c = parent->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			last = c;
	return last;
}

static xmlNodePtr
previous_element(xmlNodePtr n)
{
	for (n = n->prev; n; n = n->prev)
		if (n->type == XML_ELEMENT_NODE)
			return n;
	return NULL;
}

static enum tp_status
check_new_stage(struct tp_plan_edit *e, const char *id,
		enum tp_stage_kind kind, int32_t amount, enum tp_unit unit,
		const char *name, struct tp_error *err)
{
	if (!id_ok(id, TP_STAGE_ID_MAX))
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "'%.64s' is not a stage id: 1 to %d "
				     "letters, digits, '-', '_' or '.'",
				     id ? id : "", TP_STAGE_ID_MAX);
	if (tp_edit_find_stage(e, id))
		return tp_error_setf(err, TP_ERR_INVALID, id,
				     "the plan already has a stage '%s'", id);
	if (!tp_stage_kind_name(kind) || !tp_unit_name(unit) || amount < 0 ||
	    amount > TP_AMOUNT_MAX)
		return tp_error_setf(err, TP_ERR_INVALID, id,
				     "bad kind, unit or duration for stage "
				     "'%s'",
				     id);
	return name && *name ? tp_edit_check_text(name, "name", id, err)
			     : TP_OK;
}

static enum tp_status
new_stage_element(struct tp_plan_edit *e, const char *id,
		  enum tp_stage_kind kind, int32_t amount, enum tp_unit unit,
		  xmlNodePtr *out, struct tp_error *err)
{
	xmlNodePtr st = tp_edit_new_element(e, "stage");
	char num[16];
	enum tp_status rc = st ? TP_OK : tp_error_nomem(err);

	snprintf(num, sizeof(num), "%ld", (long)amount);
	if (rc == TP_OK)
		rc = tp_edit_set_attr(st, "id", id, err);
	if (rc == TP_OK)
		rc = tp_edit_set_attr(st, "kind", tp_stage_kind_name(kind), err);
	if (rc == TP_OK)
		rc = tp_edit_set_attr(st, "duration", num, err);
	if (rc == TP_OK)
		rc = tp_edit_set_attr(st, "unit", tp_unit_name(unit), err);
	if (rc != TP_OK) {
		xmlFreeNode(st);
		return rc;
	}
	*out = st;
	return TP_OK;
}

TP_EXPORT enum tp_status
tp_plan_edit_add_stage(struct tp_plan_edit *edit, const char *id,
		       enum tp_stage_kind kind, int32_t amount,
		       enum tp_unit unit, const char *name,
		       const char *place_after, const char *place_before,
		       struct tp_error *err)
{
	xmlNodePtr st = NULL, after = NULL, before = NULL, stages;
	char a[48];
	enum tp_status rc = need_edit(edit, "tp_plan_edit_add_stage", err);

	if (rc == TP_OK)
		rc = check_new_stage(edit, id, kind, amount, unit, name, err);
	if (rc == TP_OK && place_after)
		rc = tp_edit_need_stage(edit, place_after, &after, err);
	if (rc == TP_OK && place_before)
		rc = tp_edit_need_stage(edit, place_before, &before, err);
	if (rc == TP_OK)
		rc = new_stage_element(edit, id, kind, amount, unit, &st, err);
	if (rc != TP_OK)
		return rc;
	stages = tp_edit_stages(edit);
	if (!after)
		after = before ? previous_element(before) : last_element(stages);
	rc = tp_edit_insert(edit, stages, after, st, err);
	if (rc == TP_OK && name && *name)
		rc = set_text_child(edit, st, "name", name, stage_order, "", err);
	if (rc == TP_OK && name && *name)
		free(edit->changes[--edit->n_changes]); /* said below */
	if (rc == TP_OK)
		rc = tp_edit_note(edit, err, "added stage '%s' (%s, %s)", id,
				  tp_stage_kind_name(kind),
				  say_duration(amount, unit, a, sizeof(a)));
	return rc;
}

/* The <after> of @st on stage @from, or NULL. */
static xmlNodePtr
dependency(xmlNodePtr st, const char *from)
{
	for (xmlNodePtr c = st->children; c; c = c->next) {
		const char *s = tp_edit_attr(c, "stage");
		if (tp_edit_is(c, "after") && s && !strcmp(s, from))
			return c;
	}
	return NULL;
}

/* "'a', 'b'": the stages that depend on @id; their number. */
static size_t
dependents(struct tp_plan_edit *e, const char *id, char *buf, size_t size)
{
	size_t n = 0, len = 0;

	buf[0] = '\0';
	for (xmlNodePtr s = tp_edit_stages(e)->children; s; s = s->next) {
		if (!tp_edit_is(s, "stage") || !dependency(s, id))
			continue;
		if (len + 1 < size)
			len += (size_t)snprintf(buf + len, size - len, "%s'%s'",
						n ? ", " : "",
						tp_edit_attr(s, "id"));
		n++;
	}
	return n;
}

/* Point the dependency @dep of @st on @id at @to instead. */
static enum tp_status
relink(struct tp_plan_edit *e, xmlNodePtr st, xmlNodePtr dep, const char *id,
       const char *to, struct tp_error *err)
{
	const char *sid = tp_edit_attr(st, "id");

	if (!strcmp(sid, to) || dependency(st, to)) {
		enum tp_status rc = tp_edit_note(
			e, err, "stage '%s': dependency on '%s' dropped (%s)",
			sid, id,
			!strcmp(sid, to) ? "it would depend on itself"
					 : "it already depends on the stage "
					   "relinked to");
		tp_edit_remove(dep);
		return rc;
	}
	return tp_edit_note(e, err, "stage '%s': now after '%s' (was after '%s')",
			    sid, to, id) == TP_OK
		       ? tp_edit_set_attr(dep, "stage", to, err)
		       : TP_ERR_NOMEM;
}

static enum tp_status
relink_all(struct tp_plan_edit *e, const char *id, const char *to,
	   struct tp_error *err)
{
	enum tp_status rc = TP_OK;

	for (xmlNodePtr s = tp_edit_stages(e)->children; s && rc == TP_OK;
	     s = s->next) {
		xmlNodePtr dep;
		if (!tp_edit_is(s, "stage") || !strcmp(tp_edit_attr(s, "id"), id))
			continue;
		while (rc == TP_OK && (dep = dependency(s, id)))
			rc = relink(e, s, dep, id, to, err);
	}
	return rc;
}

TP_EXPORT enum tp_status
tp_plan_edit_remove_stage(struct tp_plan_edit *edit, const char *id,
			  const char *relink_to, struct tp_error *err)
{
	xmlNodePtr st, target;
	char list[160];
	size_t n;
	enum tp_status rc = need_edit(edit, "tp_plan_edit_remove_stage", err);

	if (rc == TP_OK)
		rc = tp_edit_need_stage(edit, id, &st, err);
	if (rc == TP_OK && relink_to)
		rc = tp_edit_need_stage(edit, relink_to, &target, err);
	if (rc == TP_OK && relink_to && !strcmp(relink_to, id))
		rc = tp_error_setf(err, TP_ERR_INVALID, id,
				   "cannot relink to the stage removed");
	if (rc != TP_OK)
		return rc;
	n = dependents(edit, id, list, sizeof(list));
	if (n && !relink_to)
		return tp_error_setf(err, TP_ERR_INVALID, id,
				     "stage%s %s depend%s on '%s': say which "
				     "stage %s should follow instead (relink "
				     "to it), or unlink %s first",
				     n > 1 ? "s" : "", list, n > 1 ? "" : "s",
				     id, n > 1 ? "they" : "it",
				     n > 1 ? "them" : "it");
	rc = tp_edit_note(edit, err, "removed stage '%s'", id);
	if (rc == TP_OK && relink_to)
		rc = relink_all(edit, id, relink_to, err);
	if (rc == TP_OK)
		tp_edit_remove(st);
	return rc;
}

/* ---- dependencies --------------------------------------------------- */

TP_EXPORT void
tp_plan_edit_link_init(struct tp_plan_edit_link *how)
{
	if (how) {
		memset(how, 0, sizeof(*how));
		how->type = TP_DEP_FINISH_TO_START;
		how->lag_unit = TP_UNIT_WORKING_DAYS;
	}
}

static enum tp_status
check_link(const struct tp_plan_edit_link *how, struct tp_error *err)
{
	if (how->set_type && !tp_dep_type_name(how->type))
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "unknown dependency type %d",
				     (int)how->type);
	if (how->set_lag &&
	    ((how->lag_unit != TP_UNIT_WORKING_DAYS &&
	      how->lag_unit != TP_UNIT_CALENDAR_DAYS) ||
	     how->lag < -TP_AMOUNT_MAX || how->lag > TP_AMOUNT_MAX))
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "a lag is -%d to %d working or calendar "
				     "days",
				     TP_AMOUNT_MAX, TP_AMOUNT_MAX);
	return TP_OK;
}

/* "finish-to-start", "start-to-start, lag 2 working days". */
static char *
say_link(enum tp_dep_type type, long lag, enum tp_unit unit, char *buf,
	 size_t size)
{
	if (lag == 0)
		snprintf(buf, size, "%s", tp_dep_type_name(type));
	else
		snprintf(buf, size, "%s, lag %ld %s", tp_dep_type_name(type),
			 lag,
			 unit == TP_UNIT_CALENDAR_DAYS ? "calendar days"
						       : "working days");
	return buf;
}

struct link_state {
	enum tp_dep_type type;
	long lag;
	enum tp_unit unit;
};

static void
read_link(xmlNodePtr dep, struct link_state *s)
{
	const char *t = tp_edit_attr(dep, "type");
	const char *u = tp_edit_attr(dep, "lag-unit");

	s->type = TP_DEP_FINISH_TO_START;
	s->unit = TP_UNIT_WORKING_DAYS;
	if (t && tp_dep_type_from_name(t, &s->type, NULL) != TP_OK)
		s->type = TP_DEP_FINISH_TO_START;
	if (u && tp_unit_from_name(u, &s->unit, NULL) != TP_OK)
		s->unit = TP_UNIT_WORKING_DAYS;
	s->lag = long_attr(dep, "lag", 0);
}

/* Write @s into @dep as the plan writer would: the type always, a lag and
 * a calendar-day unit when they are not the defaults (or were written). */
static enum tp_status
write_link(xmlNodePtr dep, const struct link_state *s, bool force_type,
	   struct tp_error *err)
{
	char num[16];
	enum tp_status rc = TP_OK;

	snprintf(num, sizeof(num), "%ld", s->lag);
	if (force_type || tp_edit_attr(dep, "type") ||
	    s->type != TP_DEP_FINISH_TO_START)
		rc = tp_edit_set_attr(dep, "type", tp_dep_type_name(s->type),
				      err);
	if (rc == TP_OK && (tp_edit_attr(dep, "lag") || s->lag != 0))
		rc = tp_edit_set_attr(dep, "lag", num, err);
	if (rc == TP_OK &&
	    (tp_edit_attr(dep, "lag-unit") || s->unit != TP_UNIT_WORKING_DAYS))
		rc = tp_edit_set_attr(dep, "lag-unit", tp_unit_name(s->unit),
				      err);
	return rc;
}

static enum tp_status
change_link(struct tp_plan_edit *e, xmlNodePtr dep, const char *from,
	    const char *to, const struct tp_plan_edit_link *how,
	    struct tp_error *err)
{
	struct link_state old, s;
	char a[96], b[96];
	enum tp_status rc;

	read_link(dep, &old);
	s = old;
	if (how->set_type)
		s.type = how->type;
	if (how->set_lag) {
		s.lag = how->lag;
		s.unit = how->lag_unit;
	}
	if (s.type == old.type && s.lag == old.lag &&
	    (s.unit == old.unit || s.lag == 0))
		return TP_OK;
	rc = write_link(dep, &s, false, err);
	if (rc == TP_OK)
		rc = tp_edit_note(e, err, "stage '%s': after '%s' %s -> %s",
				  to, from,
				  say_link(old.type, old.lag, old.unit, a,
					   sizeof(a)),
				  say_link(s.type, s.lag, s.unit, b,
					   sizeof(b)));
	return rc;
}

static enum tp_status
new_link(struct tp_plan_edit *e, xmlNodePtr st, const char *from,
	 const char *to, const struct tp_plan_edit_link *how,
	 struct tp_error *err)
{
	struct link_state s = {TP_DEP_FINISH_TO_START, 0, TP_UNIT_WORKING_DAYS};
	xmlNodePtr dep = tp_edit_new_element(e, "after"), last = NULL;
	char a[96];
	enum tp_status rc = dep ? TP_OK : tp_error_nomem(err);

	if (how->set_type)
		s.type = how->type;
	if (how->set_lag) {
		s.lag = how->lag;
		s.unit = how->lag ? how->lag_unit : TP_UNIT_WORKING_DAYS;
	}
	if (rc == TP_OK)
		rc = tp_edit_set_attr(dep, "stage", from, err);
	if (rc == TP_OK)
		rc = write_link(dep, &s, true, err);
	if (rc != TP_OK) {
		xmlFreeNode(dep);
		return rc;
	}
	for (xmlNodePtr c = st->children; c; c = c->next)
		if (tp_edit_is(c, "after"))
			last = c;
	rc = last ? tp_edit_insert(e, st, last, dep, err)
		  : tp_edit_insert_ordered(e, st, dep, stage_order, err);
	if (rc == TP_OK)
		rc = tp_edit_note(e, err, "stage '%s': now after '%s' (%s)", to,
				  from, say_link(s.type, s.lag, s.unit, a,
						 sizeof(a)));
	return rc;
}

TP_EXPORT enum tp_status
tp_plan_edit_link(struct tp_plan_edit *edit, const char *from, const char *to,
		  const struct tp_plan_edit_link *how, struct tp_error *err)
{
	struct tp_plan_edit_link none;
	xmlNodePtr a, b, dep;
	enum tp_status rc = need_edit(edit, "tp_plan_edit_link", err);

	tp_plan_edit_link_init(&none);
	if (!how)
		how = &none;
	if (rc == TP_OK)
		rc = check_link(how, err);
	if (rc == TP_OK)
		rc = tp_edit_need_stage(edit, from, &a, err);
	if (rc == TP_OK)
		rc = tp_edit_need_stage(edit, to, &b, err);
	if (rc == TP_OK && a == b)
		rc = tp_error_setf(err, TP_ERR_CYCLE, to,
				   "a stage cannot depend on itself");
	if (rc != TP_OK)
		return rc;
	dep = dependency(b, from);
	return dep ? change_link(edit, dep, from, to, how, err)
		   : new_link(edit, b, from, to, how, err);
}

/* "'a', 'b'": the stages @st depends on. */
static void
predecessors(xmlNodePtr st, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (xmlNodePtr c = st->children; c && len + 1 < size; c = c->next)
		if (tp_edit_is(c, "after") && tp_edit_attr(c, "stage"))
			len += (size_t)snprintf(buf + len, size - len,
						"%s'%s'", len ? ", " : "",
						tp_edit_attr(c, "stage"));
}

TP_EXPORT enum tp_status
tp_plan_edit_unlink(struct tp_plan_edit *edit, const char *from,
		    const char *to, struct tp_error *err)
{
	xmlNodePtr a, b, dep;
	char list[160];
	enum tp_status rc = need_edit(edit, "tp_plan_edit_unlink", err);

	if (rc == TP_OK)
		rc = tp_edit_need_stage(edit, from, &a, err);
	if (rc == TP_OK)
		rc = tp_edit_need_stage(edit, to, &b, err);
	if (rc != TP_OK)
		return rc;
	if (!(dep = dependency(b, from))) {
		predecessors(b, list, sizeof(list));
		return tp_error_setf(err, TP_ERR_INVALID, to,
				     "stage '%s' does not depend on '%s' (it "
				     "depends on %s)",
				     to, from, list[0] ? list : "no stage");
	}
	rc = tp_edit_note(edit, err, "stage '%s': no longer after '%s'", to,
			  from);
	while (rc == TP_OK && (dep = dependency(b, from)))
		tp_edit_remove(dep);
	return rc;
}

/* ---- calendar ------------------------------------------------------- */

static enum tp_status
need_calendar(struct tp_plan_edit *e, xmlNodePtr *out, struct tp_error *err)
{
	xmlNodePtr root = xmlDocGetRootElement(e->xdoc);
	xmlNodePtr cal = tp_edit_child(root, "calendar");
	enum tp_status rc = TP_OK;

	if (!cal) {
		cal = tp_edit_new_element(e, "calendar");
		rc = tp_edit_insert_ordered(e, root, cal, plan_order, err);
	}
	if (rc == TP_OK)
		*out = cal;
	return rc;
}

static bool
same_closure(xmlNodePtr c, const char *from, const char *to)
{
	const char *f = tp_edit_attr(c, "from"), *t = tp_edit_attr(c, "to");

	return tp_edit_is(c, "closure") && f && t && !strcmp(f, from) &&
	       !strcmp(t, to);
}

TP_EXPORT enum tp_status
tp_plan_edit_add_closure(struct tp_plan_edit *edit, struct tp_date first,
			 struct tp_date last, const char *name,
			 struct tp_error *err)
{
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN], q[80];
	xmlNodePtr root, cal, after = NULL, c;
	enum tp_status rc = need_edit(edit, "tp_plan_edit_add_closure", err);

	if (rc == TP_OK && (!tp_date_in_range(first) || !tp_date_in_range(last)))
		rc = tp_error_setf(err, TP_ERR_RANGE, NULL,
				   "a closure date is outside the supported "
				   "dates");
	if (rc == TP_OK && last.day < first.day)
		rc = tp_error_setf(err, TP_ERR_INVALID, NULL,
				   "the closure ends before it starts");
	if (rc == TP_OK && name && *name)
		rc = tp_edit_check_text(name, "the closure's name", NULL, err);
	if (rc != TP_OK)
		return rc;
	tp_date_format(first, a);
	tp_date_format(last, b);
	root = xmlDocGetRootElement(edit->xdoc);
	cal = tp_edit_child(root, "calendar");
	for (c = cal ? cal->children : NULL; c; c = c->next) {
		if (same_closure(c, a, b))
			return tp_error_setf(err, TP_ERR_INVALID, NULL,
					     "the plan already has the closure "
					     "%s..%s",
					     a, b);
		if (tp_edit_is(c, "closure") && tp_edit_attr(c, "from") &&
		    strcmp(tp_edit_attr(c, "from"), a) <= 0)
			after = c;
	}
	rc = need_calendar(edit, &cal, err);
	c = rc == TP_OK ? tp_edit_new_element(edit, "closure") : NULL;
	if (rc == TP_OK && !c)
		rc = tp_error_nomem(err);
	if (rc == TP_OK)
		rc = tp_edit_set_attr(c, "from", a, err);
	if (rc == TP_OK)
		rc = tp_edit_set_attr(c, "to", b, err);
	if (rc == TP_OK && name && *name)
		rc = tp_edit_set_attr(c, "name", name, err);
	if (rc != TP_OK) {
		xmlFreeNode(c);
		return rc;
	}
	rc = tp_edit_insert(edit, cal, after, c, err);
	if (rc == TP_OK)
		rc = tp_edit_note(edit, err, "calendar: closure %s..%s added%s%s",
				  a, b, name && *name ? " " : "",
				  name && *name ? tp_edit_quote(name, q, sizeof(q))
						: "");
	return rc;
}

/* "2025-12-24..2026-01-02, ...": the plan's closures. */
static void
closures(xmlNodePtr cal, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (xmlNodePtr c = cal ? cal->children : NULL; c && len + 1 < size;
	     c = c->next)
		if (tp_edit_is(c, "closure") && tp_edit_attr(c, "from") &&
		    tp_edit_attr(c, "to"))
			len += (size_t)snprintf(buf + len, size - len,
						"%s%s..%s", len ? ", " : "",
						tp_edit_attr(c, "from"),
						tp_edit_attr(c, "to"));
}

TP_EXPORT enum tp_status
tp_plan_edit_remove_closure(struct tp_plan_edit *edit, struct tp_date first,
			    struct tp_date last, struct tp_error *err)
{
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN], list[180];
	xmlNodePtr cal;
	enum tp_status rc = need_edit(edit, "tp_plan_edit_remove_closure", err);

	if (rc != TP_OK)
		return rc;
	tp_date_format(first, a);
	tp_date_format(last, b);
	cal = tp_edit_child(xmlDocGetRootElement(edit->xdoc), "calendar");
	for (xmlNodePtr c = cal ? cal->children : NULL; c; c = c->next)
		if (same_closure(c, a, b)) {
			rc = tp_edit_note(edit, err,
					  "calendar: closure %s..%s removed", a,
					  b);
			tp_edit_remove(c);
			return rc;
		}
	closures(cal, list, sizeof(list));
	return tp_error_setf(err, TP_ERR_INVALID, NULL,
			     "the plan has no closure %s..%s (%s%s)", a, b,
			     list[0] ? "its closures: " : "it has none",
			     list);
}

/* ---- anchors and the plan ------------------------------------------- */

TP_EXPORT enum tp_status
tp_plan_edit_set_anchor(struct tp_plan_edit *edit, enum tp_plan_anchor which,
			const struct tp_date *date, struct tp_error *err)
{
	const char *name = which == TP_ANCHOR_START ? "start" : "contract-start";
	xmlNodePtr root, anchors;
	char d[TP_DATE_STRLEN] = "", was[TP_DATE_STRLEN] = "";
	enum tp_status rc = need_edit(edit, "tp_plan_edit_set_anchor", err);

	if (rc == TP_OK && which != TP_ANCHOR_START &&
	    which != TP_ANCHOR_CONTRACT_START)
		rc = tp_error_setf(err, TP_ERR_INVALID, NULL,
				   "unknown anchor %d", (int)which);
	if (rc == TP_OK && date && !tp_date_in_range(*date))
		rc = tp_error_setf(err, TP_ERR_RANGE, NULL,
				   "the date is outside the supported dates");
	if (rc != TP_OK)
		return rc;
	root = xmlDocGetRootElement(edit->xdoc);
	anchors = tp_edit_child(root, "anchors");
	if (anchors && tp_edit_attr(anchors, name))
		snprintf(was, sizeof(was), "%s", tp_edit_attr(anchors, name));
	if (date)
		tp_date_format(*date, d);
	if (!strcmp(was, d))
		return TP_OK;
	if (!date) {
		rc = tp_edit_note(edit, err, "anchors: %s removed (was %s)",
				  name, was);
		tp_edit_set_attr(anchors, name, NULL, err);
		if (!anchors->properties && !xmlFirstElementChild(anchors))
			tp_edit_remove(anchors);
		return rc;
	}
	if (!anchors) {
		anchors = tp_edit_new_element(edit, "anchors");
		rc = tp_edit_insert_ordered(edit, root, anchors, plan_order, err);
	}
	if (rc == TP_OK)
		rc = tp_edit_set_attr(anchors, name, d, err);
	if (rc == TP_OK)
		rc = tp_edit_note(edit, err, "anchors: %s %s%s%s", name,
				  was[0] ? was : "set to", was[0] ? " -> " : " ",
				  d);
	return rc;
}

TP_EXPORT enum tp_status
tp_plan_edit_set_plan_id(struct tp_plan_edit *edit, const char *id,
			 struct tp_error *err)
{
	xmlNodePtr root;
	const char *old;
	char was[300];
	enum tp_status rc = need_edit(edit, "tp_plan_edit_set_plan_id", err);

	if (rc == TP_OK && id && !id_ok(id, 255))
		rc = tp_error_setf(err, TP_ERR_INVALID, NULL,
				   "'%.64s' is not a plan id: 1 to 255 "
				   "letters, digits, '-', '_' or '.'",
				   id);
	if (rc != TP_OK)
		return rc;
	root = xmlDocGetRootElement(edit->xdoc);
	old = tp_edit_attr(root, "id");
	if ((!old && !id) || (old && id && !strcmp(old, id)))
		return TP_OK;
	snprintf(was, sizeof(was), "%s", old ? old : "");
	rc = tp_edit_set_attr(root, "id", id, err);
	if (rc == TP_OK && !id)
		rc = tp_edit_note(edit, err, "plan: id removed (was '%s')", was);
	else if (rc == TP_OK && was[0])
		rc = tp_edit_note(edit, err, "plan: id '%s' -> '%s'", was, id);
	else if (rc == TP_OK)
		rc = tp_edit_note(edit, err, "plan: id set to '%s'", id);
	return rc;
}

TP_EXPORT enum tp_status
tp_plan_edit_set_plan_name(struct tp_plan_edit *edit, const char *name,
			   struct tp_error *err)
{
	enum tp_status rc = need_edit(edit, "tp_plan_edit_set_plan_name", err);

	if (rc == TP_OK && name && *name)
		rc = tp_edit_check_text(name, "the plan's name", NULL, err);
	if (rc != TP_OK)
		return rc;
	return set_text_child(edit, xmlDocGetRootElement(edit->xdoc), "name",
			      name && *name ? name : NULL, plan_order, "plan",
			      err);
}

/* ---- what happened --------------------------------------------------- */

TP_EXPORT enum tp_status
tp_plan_edit_set_stage_actual(struct tp_plan_edit *edit, const char *stage,
			      enum tp_actual_end which,
			      const struct tp_date *date, struct tp_error *err)
{
	const char *name = which == TP_ACTUAL_FINISH ? "actual-finish"
						     : "actual-start";
	xmlNodePtr st;
	char d[TP_DATE_STRLEN] = "", was[TP_DATE_STRLEN] = "";
	enum tp_status rc =
		need_edit(edit, "tp_plan_edit_set_stage_actual", err);

	if (rc == TP_OK && which != TP_ACTUAL_START &&
	    which != TP_ACTUAL_FINISH)
		rc = tp_error_setf(err, TP_ERR_INVALID, stage,
				   "unknown actual date %d", (int)which);
	if (rc == TP_OK && date && !tp_date_in_range(*date))
		rc = tp_error_setf(err, TP_ERR_RANGE, stage,
				   "the date is outside the supported dates");
	if (rc == TP_OK)
		rc = tp_edit_need_stage(edit, stage, &st, err);
	if (rc != TP_OK)
		return rc;
	if (tp_edit_attr(st, name))
		snprintf(was, sizeof(was), "%s", tp_edit_attr(st, name));
	if (date)
		tp_date_format(*date, d);
	if (!strcmp(was, d))
		return TP_OK;
	rc = tp_edit_set_attr(st, name, date ? d : NULL, err);
	if (rc == TP_OK && !date)
		rc = tp_edit_note(edit, err, "stage '%s': %s removed (was %s)",
				  stage, name, was);
	else if (rc == TP_OK)
		rc = tp_edit_note(edit, err, "stage '%s': %s %s%s%s", stage,
				  name, was[0] ? was : "set to",
				  was[0] ? " -> " : " ", d);
	return rc;
}

TP_EXPORT enum tp_status
tp_plan_edit_set_stage_meeting(struct tp_plan_edit *edit, const char *stage,
			       const char *series, struct tp_error *err)
{
	xmlNodePtr st;
	char was[TP_STAGE_ID_MAX + 1] = "";
	enum tp_status rc =
		need_edit(edit, "tp_plan_edit_set_stage_meeting", err);

	if (rc == TP_OK && series && !id_ok(series, TP_STAGE_ID_MAX))
		rc = tp_error_setf(err, TP_ERR_INVALID, stage,
				   "a meeting series id is 1 to %d letters, "
				   "digits, '-', '_' or '.'",
				   TP_STAGE_ID_MAX);
	if (rc == TP_OK)
		rc = tp_edit_need_stage(edit, stage, &st, err);
	if (rc != TP_OK)
		return rc;
	if (tp_edit_attr(st, "meeting"))
		snprintf(was, sizeof(was), "%s", tp_edit_attr(st, "meeting"));
	if (!strcmp(was, series ? series : ""))
		return TP_OK;
	rc = tp_edit_set_attr(st, "meeting", series, err);
	if (rc == TP_OK && !series)
		rc = tp_edit_note(edit, err,
				  "stage '%s': no longer on the meetings of "
				  "'%s'",
				  stage, was);
	else if (rc == TP_OK)
		rc = tp_edit_note(edit, err, "stage '%s': meeting %s%s%s",
				  stage, was[0] ? was : "set to",
				  was[0] ? " -> " : " ", series);
	return rc;
}
