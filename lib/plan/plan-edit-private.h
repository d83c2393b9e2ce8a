/* SPDX-License-Identifier: MIT */
/* Plan files edited in place (tp-plan-edit.h): the edit itself and the
 * document helpers shared by plan-edit.c (reading, indentation, writing),
 * plan-edit-ops.c (the changes) and plan-edit-csv.c (spreadsheets). */
#ifndef TP_PLAN_EDIT_PRIVATE_H
#define TP_PLAN_EDIT_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

#include <tenderplan/tp-plan-edit.h>

struct tp_plan_edit {
	char *source;   /* names the file in errors */
	char *base_dir; /* for a relative iCalendar path, or NULL */
	char *data;     /* the file as read */
	size_t len;
	char *laid; /* libxml2's writing of the document as read */
	size_t laid_len;
	bool crlf; /* every line of the file ends in CRLF */
	xmlDocPtr xdoc;
	xmlNsPtr ns;   /* the plan namespace, for new elements */
	char unit[16]; /* one level of indentation, as the file indents */
	struct tp_plan_doc *before;
	char **changes;
	size_t n_changes, cap_changes;
	/* tp_plan_edit_finish() */
	bool finished;
	char *result;
	size_t result_len;
	bool layout_kept;
	struct tp_plan_doc *after;
};

/* ---- reading the document (plan-edit.c) ---- */

/* An element of the plan namespace called @name. */
bool tp_edit_is(xmlNodePtr n, const char *name);

/* The first child element of @parent called @name, or NULL. */
xmlNodePtr tp_edit_child(xmlNodePtr parent, const char *name);

/* The value of attribute @name of @n, borrowed from the document (valid
 * until the attribute changes), or NULL. */
const char *tp_edit_attr(xmlNodePtr n, const char *name);

/* <stages>, which the schema requires. */
xmlNodePtr tp_edit_stages(const struct tp_plan_edit *e);

/* The <stage> with id @id, or NULL. */
xmlNodePtr tp_edit_find_stage(const struct tp_plan_edit *e, const char *id);

/* As tp_edit_find_stage(); TP_ERR_INVALID "no stage 'x' (did you mean
 * 'y'?)" when there is none. */
enum tp_status tp_edit_need_stage(const struct tp_plan_edit *e, const char *id,
				  xmlNodePtr *out, struct tp_error *err);

/* ---- changing it ---- */

/* A new element of the plan namespace (not yet in the tree). */
xmlNodePtr tp_edit_new_element(struct tp_plan_edit *e, const char *name);

/* Put @node into @parent after @after (NULL: before its first child
 * element, after any comments above that, or after the comments of a
 * parent without elements), on a line of its own indented as its
 * neighbours are. On failure @node is freed. */
enum tp_status tp_edit_insert(struct tp_plan_edit *e, xmlNodePtr parent,
			      xmlNodePtr after, xmlNodePtr node,
			      struct tp_error *err);

/* Put @node into @parent after the last child element whose name comes
 * before @node's in @order (a NULL-terminated list of names in the order
 * the schema gives; names not listed come last), or first. */
enum tp_status tp_edit_insert_ordered(struct tp_plan_edit *e,
				      xmlNodePtr parent, xmlNodePtr node,
				      const char *const *order,
				      struct tp_error *err);

/* Take @n out of the tree with the blank line space before it, and free
 * it. */
void tp_edit_remove(xmlNodePtr n);

/* Set attribute @name of @n to @value (NULL removes it); a new attribute
 * comes after the others. */
enum tp_status tp_edit_set_attr(xmlNodePtr n, const char *name,
				const char *value, struct tp_error *err);

/* Replace the content of element @n by the text @text. */
enum tp_status tp_edit_set_text(xmlNodePtr n, const char *text,
				struct tp_error *err);

/* Whether @text is one the schema's text type allows: UTF-8, no control
 * characters but tab, newline and carriage return, at most 4096
 * characters. TP_ERR_INVALID naming @what otherwise. */
enum tp_status tp_edit_check_text(const char *text, const char *what,
				  const char *stage, struct tp_error *err);

/* Record a change (a sentence); invalidates an earlier finish. */
enum tp_status tp_edit_note(struct tp_plan_edit *e, struct tp_error *err,
			    const char *fmt, ...) TP_PRINTF(3, 4);

/* @s quoted for a change or an error: "'text'" cut at 60 bytes. */
char *tp_edit_quote(const char *s, char *buf, size_t size);

#endif
