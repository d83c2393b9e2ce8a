/* SPDX-License-Identifier: MIT */
/* Editing a plan file's meeting series (`tenderplan meeting add|remove`),
 * as the rest of plan-edit-ops.c edits it: the document in place. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include <tenderplan/tp-meeting.h>

#include "error-private.h"
#include "plan-edit-private.h"

static const char *const plan_order[] = {
	"name", "time-zone", "calendar", "anchors", "rules", "meetings",
	"stages", NULL};

static xmlNodePtr
find_series(xmlNodePtr meetings, const char *id)
{
	for (xmlNodePtr c = meetings ? meetings->children : NULL; c;
	     c = c->next) {
		const char *v = tp_edit_attr(c, "id");
		if (tp_edit_is(c, "series") && v && !strcmp(v, id))
			return c;
	}
	return NULL;
}

static bool
id_ok(const char *id)
{
	size_t n = id ? strlen(id) : 0;
	if (n == 0 || n > TP_STAGE_ID_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((id[i] >= 'a' && id[i] <= 'z') ||
		      (id[i] >= 'A' && id[i] <= 'Z') ||
		      (id[i] >= '0' && id[i] <= '9') || id[i] == '-' ||
		      id[i] == '_' || id[i] == '.'))
			return false;
	return true;
}

static enum tp_status
check_spec(const struct tp_meeting_spec *m, struct tp_error *err)
{
	if (!id_ok(m->id))
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "a meeting series id is 1 to %d letters, "
				     "digits, '-', '_' or '.'",
				     TP_STAGE_ID_MAX);
	if (m->name && *m->name &&
	    tp_edit_check_text(m->name, "the series' name", NULL, err) !=
		    TP_OK)
		return err ? err->code : TP_ERR_INVALID;
	if (m->report_days < 0 || m->report_days > TP_AMOUNT_MAX ||
	    m->call_in_days < 0 || m->call_in_days > TP_AMOUNT_MAX)
		return tp_error_setf(err, TP_ERR_INVALID, m->id,
				     "series '%s': report and call-in days "
				     "are 0 to %d",
				     m->id, TP_AMOUNT_MAX);
	if ((m->n_dates && !m->dates) || (m->n_except && !m->except))
		return tp_error_setf(err, TP_ERR_INVALID, m->id,
				     "series '%s': dates missing", m->id);
	if (!m->rule && m->n_dates == 0)
		return tp_error_setf(err, TP_ERR_INVALID, m->id,
				     "series '%s' has no meeting: give a rule "
				     "or dates",
				     m->id);
	if (m->rule && !tp_date_in_range(m->rule_from))
		return tp_error_setf(err, TP_ERR_INVALID, m->id,
				     "series '%s': a rule needs the date it "
				     "counts from",
				     m->id);
	for (size_t i = 0; i < m->n_dates + m->n_except; i++) {
		struct tp_date d = i < m->n_dates ? m->dates[i]
						  : m->except[i - m->n_dates];
		if (!tp_date_in_range(d))
			return tp_error_setf(err, TP_ERR_RANGE, m->id,
					     "series '%s': a date is outside "
					     "the supported dates",
					     m->id);
	}
	return TP_OK;
}

/* A child of @series, after @after (NULL: first); it becomes @after. */
static enum tp_status
add_child(struct tp_plan_edit *e, xmlNodePtr series, xmlNodePtr *after,
	  xmlNodePtr c, struct tp_error *err)
{
	enum tp_status rc = c ? tp_edit_insert(e, series, *after, c, err)
			      : tp_error_nomem(err);
	if (rc == TP_OK)
		*after = c;
	return rc;
}

static enum tp_status
dated(struct tp_plan_edit *e, xmlNodePtr series, xmlNodePtr *after,
      const char *name, struct tp_date d, struct tp_error *err)
{
	char s[TP_DATE_STRLEN];
	xmlNodePtr c = tp_edit_new_element(e, name);
	enum tp_status rc =
		c ? tp_edit_set_attr(c, "date", tp_date_format(d, s), err)
		  : tp_error_nomem(err);
	if (rc != TP_OK) {
		xmlFreeNode(c);
		return rc;
	}
	return add_child(e, series, after, c, err);
}

static enum tp_status
fill_series(struct tp_plan_edit *e, xmlNodePtr series,
	    const struct tp_meeting_spec *m, struct tp_error *err)
{
	char d[TP_DATE_STRLEN];
	xmlNodePtr after = NULL, c;
	enum tp_status rc = TP_OK;

	if (m->name && *m->name) {
		c = tp_edit_new_element(e, "name");
		rc = c ? tp_edit_set_text(c, m->name, err)
		       : tp_error_nomem(err);
		if (rc == TP_OK)
			rc = add_child(e, series, &after, c, err);
		else
			xmlFreeNode(c);
	}
	if (rc == TP_OK && m->rule) {
		c = tp_edit_new_element(e, "recur");
		rc = c ? tp_edit_set_attr(c, "rule", m->rule, err)
		       : tp_error_nomem(err);
		if (rc == TP_OK)
			rc = tp_edit_set_attr(c, "from",
					      tp_date_format(m->rule_from, d),
					      err);
		if (rc == TP_OK)
			rc = add_child(e, series, &after, c, err);
		else
			xmlFreeNode(c);
	}
	for (size_t i = 0; rc == TP_OK && i < m->n_dates; i++)
		rc = dated(e, series, &after, "meeting", m->dates[i], err);
	for (size_t i = 0; rc == TP_OK && i < m->n_except; i++)
		rc = dated(e, series, &after, "except", m->except[i], err);
	return rc;
}

static enum tp_status
series_attrs(xmlNodePtr s, const struct tp_meeting_spec *m,
	     struct tp_error *err)
{
	char n[16];
	enum tp_status rc = tp_edit_set_attr(s, "id", m->id, err);
	snprintf(n, sizeof(n), "%d", (int)m->report_days);
	if (rc == TP_OK && m->report_days)
		rc = tp_edit_set_attr(s, "report-days", n, err);
	snprintf(n, sizeof(n), "%d", (int)m->call_in_days);
	if (rc == TP_OK && m->call_in_days)
		rc = tp_edit_set_attr(s, "call-in-days", n, err);
	return rc;
}

TP_EXPORT enum tp_status
tp_plan_edit_add_meeting_series(struct tp_plan_edit *edit,
				const struct tp_meeting_spec *spec,
				struct tp_error *err)
{
	xmlNodePtr root, meetings, s, last = NULL;
	enum tp_status rc;

	if (!edit || !edit->xdoc || !spec)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "tp_plan_edit_add_meeting_series needs "
				     "an edit and a series");
	if ((rc = check_spec(spec, err)))
		return rc;
	root = xmlDocGetRootElement(edit->xdoc);
	meetings = tp_edit_child(root, "meetings");
	if (find_series(meetings, spec->id))
		return tp_error_setf(err, TP_ERR_INVALID, spec->id,
				     "the plan already has a meeting series "
				     "'%s'",
				     spec->id);
	if (!meetings) {
		meetings = tp_edit_new_element(edit, "meetings");
		rc = meetings ? tp_edit_insert_ordered(edit, root, meetings,
						       plan_order, err)
			      : tp_error_nomem(err);
	}
	for (xmlNodePtr c = meetings ? meetings->children : NULL; c;
	     c = c->next)
		if (tp_edit_is(c, "series"))
			last = c;
	s = rc == TP_OK ? tp_edit_new_element(edit, "series") : NULL;
	if (rc == TP_OK && !s)
		rc = tp_error_nomem(err);
	if (rc == TP_OK && (rc = series_attrs(s, spec, err)) != TP_OK)
		xmlFreeNode(s);
	if (rc == TP_OK)
		rc = tp_edit_insert(edit, meetings, last, s, err);
	if (rc == TP_OK)
		rc = fill_series(edit, s, spec, err);
	if (rc == TP_OK)
		rc = tp_edit_note(edit, err,
				  "meetings: series '%s' added (%s%s%s%zu "
				  "date%s, %zu cancelled; reports %d working "
				  "days before, call-in %d after)",
				  spec->id, spec->rule ? "rule " : "",
				  spec->rule ? spec->rule : "",
				  spec->rule ? ", " : "", spec->n_dates,
				  spec->n_dates == 1 ? "" : "s",
				  spec->n_except, (int)spec->report_days,
				  (int)spec->call_in_days);
	return rc;
}

/* The stages tied to series @id, as "'a', 'b'" into @buf; how many. */
static size_t
tied_stages(const struct tp_plan_edit *e, const char *id, char *buf,
	    size_t size)
{
	size_t n = 0, at = 0;
	xmlNodePtr stages = tp_edit_stages(e);

	buf[0] = '\0';
	for (xmlNodePtr c = stages ? stages->children : NULL; c; c = c->next) {
		const char *m = tp_edit_attr(c, "meeting");
		if (!tp_edit_is(c, "stage") || !m || strcmp(m, id))
			continue;
		if (n++ < 5 && at < size) {
			int k = snprintf(buf + at, size - at, "%s'%s'",
					 at ? ", " : "",
					 tp_edit_attr(c, "id"));
			at += k > 0 ? (size_t)k : 0;
		}
	}
	return n;
}

TP_EXPORT enum tp_status
tp_plan_edit_remove_meeting_series(struct tp_plan_edit *edit, const char *id,
				   struct tp_error *err)
{
	char list[256];
	xmlNodePtr root, meetings, s;
	size_t n;

	if (!edit || !edit->xdoc || !id)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "tp_plan_edit_remove_meeting_series "
				     "needs an edit and an id");
	root = xmlDocGetRootElement(edit->xdoc);
	meetings = tp_edit_child(root, "meetings");
	if (!(s = find_series(meetings, id)))
		return tp_error_setf(err, TP_ERR_INVALID, id,
				     "the plan has no meeting series '%s'",
				     id);
	if ((n = tied_stages(edit, id, list, sizeof(list))) > 0)
		return tp_error_setf(err, TP_ERR_INVALID, id,
				     "stage%s %s%s still meet%s at '%s': "
				     "untie %s first (tenderplan set PLAN "
				     "STAGE --clear meeting)",
				     n == 1 ? "" : "s", list,
				     n > 5 ? " and more" : "",
				     n == 1 ? "s" : "", id,
				     n == 1 ? "it" : "them");
	tp_edit_remove(s);
	if (!xmlFirstElementChild(meetings))
		tp_edit_remove(meetings);
	return tp_edit_note(edit, err, "meetings: series '%s' removed", id);
}
