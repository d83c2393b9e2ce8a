/* SPDX-License-Identifier: MIT */
/* Plan files edited in place (tp-plan-edit.h): reading the document,
 * indenting what is added as its neighbours are, and writing the result so
 * that the file's own bytes stay wherever no change reached.
 *
 * libxml2 keeps comments, element and attribute order and the whitespace
 * between elements, and writes most files back byte for byte (every file
 * `tenderplan new` writes). It does change how a tag is laid out inside
 * (attributes over several lines, single quotes), character references
 * and the XML declaration. So the text written is a three-way merge
 * (text-merge.c): of libxml2's writing of the document as read, the file
 * as read, and libxml2's writing of the edited document. The merge is
 * checked: read back by libxml2 it must give exactly the edited document,
 * or that document's own writing is used. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlstring.h>

#include "atomic-file.h"
#include "error-private.h"
#include "plan-edit-private.h"
#include "suggest-private.h"
#include "text-merge-private.h"

/* ---- libxml2 without its messages ------------------------------------ */

static void
quiet_structured(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

static void
quiet_generic(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	(void)fmt;
}

/* Parse @len bytes at @data; the file was read by the plan reader
 * already, so a failure here is lack of memory. libxml2's (per-thread)
 * handlers are restored before returning. */
static enum tp_status
parse(const char *data, size_t len, const char *source, xmlDocPtr *out,
      struct tp_error *err)
{
	xmlStructuredErrorFunc serror = xmlStructuredError;
	void *serror_ctx = xmlStructuredErrorContext;
	xmlGenericErrorFunc generic = xmlGenericError;
	void *generic_ctx = xmlGenericErrorContext;
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc = NULL;

	xmlSetStructuredErrorFunc(NULL, quiet_structured);
	xmlSetGenericErrorFunc(NULL, quiet_generic);
	ctxt = xmlNewParserCtxt();
	if (ctxt)
		doc = xmlCtxtReadMemory(ctxt, data, (int)len, source, NULL,
					XML_PARSE_NONET | XML_PARSE_BIG_LINES |
						XML_PARSE_NOERROR |
						XML_PARSE_NOWARNING);
	xmlFreeParserCtxt(ctxt);
	xmlSetStructuredErrorFunc(serror_ctx, serror);
	xmlSetGenericErrorFunc(generic_ctx, generic);
	if (!doc)
		return tp_error_nomem(err);
	*out = doc;
	return TP_OK;
}

/* libxml2's writing of @doc, without reformatting, into a new buffer. */
static enum tp_status
lay_out(xmlDocPtr doc, char **out, size_t *len, struct tp_error *err)
{
	xmlBufferPtr buf = xmlBufferCreate();
	xmlSaveCtxtPtr save =
		buf ? xmlSaveToBuffer(buf, (const char *)doc->encoding, 0)
		    : NULL;
	enum tp_status rc = TP_OK;

	if (!save || xmlSaveDoc(save, doc) < 0)
		rc = tp_error_nomem(err);
	if (save && xmlSaveClose(save) < 0 && rc == TP_OK)
		rc = tp_error_nomem(err);
	if (rc == TP_OK) {
		size_t n = (size_t)xmlBufferLength(buf);
		*out = malloc(n + 1);
		if (!*out) {
			rc = tp_error_nomem(err);
		} else {
			memcpy(*out, xmlBufferContent(buf), n);
			(*out)[n] = '\0';
			*len = n;
		}
	}
	xmlBufferFree(buf);
	return rc;
}

/* ---- reading the document ------------------------------------------- */

bool
tp_edit_is(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns &&
	       !strcmp((const char *)n->ns->href, TP_PLAN_XML_NS) &&
	       !strcmp((const char *)n->name, name);
}

xmlNodePtr
tp_edit_child(xmlNodePtr parent, const char *name)
{
	for (xmlNodePtr c = parent ? parent->children : NULL; c; c = c->next)
		if (tp_edit_is(c, name))
			return c;
	return NULL;
}

const char *
tp_edit_attr(xmlNodePtr n, const char *name)
{
	xmlAttrPtr a = xmlHasNsProp(n, (const xmlChar *)name, NULL);

	if (!a || !a->children || a->children->type != XML_TEXT_NODE)
		return NULL;
	return (const char *)a->children->content;
}

xmlNodePtr
tp_edit_stages(const struct tp_plan_edit *e)
{
	return tp_edit_child(xmlDocGetRootElement(e->xdoc), "stages");
}

xmlNodePtr
tp_edit_find_stage(const struct tp_plan_edit *e, const char *id)
{
	for (xmlNodePtr c = tp_edit_stages(e)->children; c && id; c = c->next)
		if (tp_edit_is(c, "stage") && tp_edit_attr(c, "id") &&
		    !strcmp(tp_edit_attr(c, "id"), id))
			return c;
	return NULL;
}

/* The stage ids of the document, for a suggestion. */
static const char *
nearest_stage(const struct tp_plan_edit *e, const char *id)
{
	const char *best = NULL;
	size_t best_d = (size_t)-1, d;

	for (xmlNodePtr c = tp_edit_stages(e)->children; c; c = c->next) {
		const char *s = tp_edit_is(c, "stage") ? tp_edit_attr(c, "id")
						       : NULL;
		if (s && tp_suggest_close(id, s, &d) && d < best_d) {
			best = s;
			best_d = d;
		}
	}
	return best;
}

enum tp_status
tp_edit_need_stage(const struct tp_plan_edit *e, const char *id,
		   xmlNodePtr *out, struct tp_error *err)
{
	const char *near;

	if (!id || !*id)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "no stage given");
	*out = tp_edit_find_stage(e, id);
	if (*out)
		return TP_OK;
	near = nearest_stage(e, id);
	return tp_error_setf(err, TP_ERR_INVALID, NULL,
			     "no stage '%.64s' in the plan%s%s%s", id,
			     near ? " (did you mean '" : "", near ? near : "",
			     near ? "'?)" : "");
}

/* ---- indentation ---------------------------------------------------- */

/* The blank text, holding a line break, just before @n, or NULL. */
static xmlNodePtr
blank_before(xmlNodePtr n)
{
	xmlNodePtr p = n ? n->prev : NULL;

	if (p && p->type == XML_TEXT_NODE && xmlIsBlankNode(p) &&
	    p->content && strchr((const char *)p->content, '\n'))
		return p;
	return NULL;
}

static void
find_unit(struct tp_plan_edit *e)
{
	xmlNodePtr root = xmlDocGetRootElement(e->xdoc);
	xmlNodePtr c = root ? root->children : NULL;

	snprintf(e->unit, sizeof(e->unit), "  ");
	while (c && c->type != XML_ELEMENT_NODE)
		c = c->next;
	if (c && blank_before(c)) {
		const char *s = (const char *)blank_before(c)->content;
		const char *nl = strrchr(s, '\n');
		if (nl[1] && strlen(nl + 1) < sizeof(e->unit))
			snprintf(e->unit, sizeof(e->unit), "%s", nl + 1);
	}
}

xmlNodePtr
tp_edit_new_element(struct tp_plan_edit *e, const char *name)
{
	return xmlNewDocNode(e->xdoc, e->ns, (const xmlChar *)name, NULL);
}

/* Add a text node of @text before @next. */
static bool
blank_before_node(xmlNodePtr next, const char *text)
{
	xmlNodePtr t = xmlNewDocText(next->doc, (const xmlChar *)text);

	if (!t)
		return false;
	if (!xmlAddPrevSibling(next, t)) {
		xmlFreeNode(t);
		return false;
	}
	return true;
}

static xmlNodePtr
last_content(xmlNodePtr parent)
{
	xmlNodePtr last = NULL;

	for (xmlNodePtr c = parent->children; c; c = c->next)
		if (!(c->type == XML_TEXT_NODE && xmlIsBlankNode(c)))
			last = c;
	return last;
}

/* @parent has nothing but blanks: give it its first child on a line of
 * its own, one level in from the parent's own line. */
static bool
insert_only(struct tp_plan_edit *e, xmlNodePtr parent, xmlNodePtr node)
{
	xmlNodePtr pws = blank_before(parent);
	char *inner;
	bool ok;

	if (!pws)
		return xmlAddChild(parent, node) != NULL;
	while (parent->children) {
		xmlNodePtr c = parent->children;
		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
	inner = malloc(strlen((const char *)pws->content) + strlen(e->unit) +
		       1);
	if (!inner)
		return false;
	strcpy(inner, (const char *)pws->content);
	strcat(inner, e->unit);
	ok = xmlAddChild(parent, node) != NULL;
	if (ok) {
		xmlNodePtr a = xmlNewDocText(e->xdoc, (const xmlChar *)inner);
		xmlNodePtr b = xmlNewDocText(e->xdoc, pws->content);
		ok = a && b && xmlAddPrevSibling(node, a) &&
		     xmlAddNextSibling(node, b);
		if (!ok) {
			xmlFreeNode(a);
			xmlFreeNode(b);
		}
	}
	free(inner);
	return ok;
}

enum tp_status
tp_edit_insert(struct tp_plan_edit *e, xmlNodePtr parent, xmlNodePtr after,
	       xmlNodePtr node, struct tp_error *err)
{
	xmlNodePtr first, ws;
	bool ok;

	if (!node)
		return tp_error_nomem(err);
	if (after) {
		ws = blank_before(after);
		ok = xmlAddNextSibling(after, node) != NULL;
		ok = ok && (!ws || blank_before_node(node,
						     (const char *)ws->content));
	} else if ((first = xmlFirstElementChild(parent))) {
		/* before the first element, after the comments above it */
		ws = blank_before(first);
		ok = xmlAddPrevSibling(first, node) != NULL;
		ok = ok && (!ws || blank_before_node(first,
						     (const char *)ws->content));
	} else if ((first = last_content(parent))) {
		return tp_edit_insert(e, parent, first, node, err);
	} else {
		ok = insert_only(e, parent, node);
	}
	if (!ok) {
		xmlUnlinkNode(node);
		xmlFreeNode(node);
		return tp_error_nomem(err);
	}
	return TP_OK;
}

static size_t
rank_of(xmlNodePtr n, const char *const *order)
{
	size_t i = 0;

	for (; order[i]; i++)
		if (!strcmp((const char *)n->name, order[i]))
			return i;
	return i;
}

enum tp_status
tp_edit_insert_ordered(struct tp_plan_edit *e, xmlNodePtr parent,
		       xmlNodePtr node, const char *const *order,
		       struct tp_error *err)
{
	xmlNodePtr after = NULL;
	size_t rank;

	if (!node)
		return tp_error_nomem(err);
	rank = rank_of(node, order);
	for (xmlNodePtr c = parent->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && rank_of(c, order) <= rank)
			after = c;
	return tp_edit_insert(e, parent, after, node, err);
}

void
tp_edit_remove(xmlNodePtr n)
{
	xmlNodePtr ws = blank_before(n);

	if (ws) {
		xmlUnlinkNode(ws);
		xmlFreeNode(ws);
	}
	xmlUnlinkNode(n);
	xmlFreeNode(n);
}

enum tp_status
tp_edit_set_attr(xmlNodePtr n, const char *name, const char *value,
		 struct tp_error *err)
{
	if (!value) {
		xmlUnsetNsProp(n, NULL, (const xmlChar *)name);
		return TP_OK;
	}
	if (!xmlSetNsProp(n, NULL, (const xmlChar *)name,
			  (const xmlChar *)value))
		return tp_error_nomem(err);
	return TP_OK;
}

enum tp_status
tp_edit_set_text(xmlNodePtr n, const char *text, struct tp_error *err)
{
	xmlNodePtr t = xmlNewDocText(n->doc, (const xmlChar *)text);

	if (!t)
		return tp_error_nomem(err);
	while (n->children) {
		xmlNodePtr c = n->children;
		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
	xmlAddChild(n, t);
	return TP_OK;
}

enum tp_status
tp_edit_check_text(const char *text, const char *what, const char *stage,
		   struct tp_error *err)
{
	size_t chars = 0;

	if (!xmlCheckUTF8((const xmlChar *)text))
		return tp_error_setf(err, TP_ERR_INVALID, stage,
				     "%s is not UTF-8 text", what);
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
			return tp_error_setf(err, TP_ERR_INVALID, stage,
					     "%s has a control character "
					     "(code %u), which a plan file "
					     "cannot hold",
					     what, (unsigned)*p);
		chars += (*p & 0xC0) != 0x80;
	}
	if (chars > 4096)
		return tp_error_setf(err, TP_ERR_INVALID, stage,
				     "%s is longer than 4096 characters (it "
				     "has %zu)",
				     what, chars);
	return TP_OK;
}

/* ---- changes -------------------------------------------------------- */

char *
tp_edit_quote(const char *s, char *buf, size_t size)
{
	size_t n = strlen(s);

	if (n > 60) {
		n = 57;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
		snprintf(buf, size, "'%.*s...'", (int)n, s);
	} else {
		snprintf(buf, size, "'%s'", s);
	}
	for (char *p = buf; *p; p++)
		if ((unsigned char)*p < 0x20)
			*p = ' ';
	return buf;
}

enum tp_status
tp_edit_note(struct tp_plan_edit *e, struct tp_error *err, const char *fmt,
	     ...)
{
	char buf[512];
	va_list ap;

	if (e->n_changes == e->cap_changes) {
		size_t cap = e->cap_changes ? e->cap_changes * 2 : 8;
		char **c = realloc(e->changes, cap * sizeof(*c));
		if (!c)
			return tp_error_nomem(err);
		e->changes = c;
		e->cap_changes = cap;
	}
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (!(e->changes[e->n_changes] = strdup(buf)))
		return tp_error_nomem(err);
	e->n_changes++;
	e->finished = false;
	return TP_OK;
}

/* ---- the edit ------------------------------------------------------- */

/* Every line ends in CRLF (and there is one). */
static bool
all_crlf(const char *s, size_t len)
{
	size_t lines = 0;

	for (size_t i = 0; i < len; i++) {
		if (s[i] != '\n')
			continue;
		if (i == 0 || s[i - 1] != '\r')
			return false;
		lines++;
	}
	return lines > 0;
}

static char *
dup_or_null(const char *s, bool *failed)
{
	char *d = s ? strdup(s) : NULL;

	*failed = *failed || (s && !d);
	return d;
}

static enum tp_status
start(struct tp_plan_edit *e, const char *data, size_t len,
      struct tp_error *err)
{
	enum tp_status rc =
		tp_plan_doc_read_memory(data, len, e->source, e->base_dir, 0,
					&e->before, err);

	if (rc == TP_OK && !(e->data = malloc(len + 1)))
		rc = tp_error_nomem(err);
	if (rc != TP_OK)
		return rc;
	memcpy(e->data, data, len);
	e->data[len] = '\0';
	e->len = len;
	e->crlf = all_crlf(data, len);
	rc = parse(data, len, e->source, &e->xdoc, err);
	if (rc == TP_OK)
		rc = lay_out(e->xdoc, &e->laid, &e->laid_len, err);
	if (rc == TP_OK) {
		xmlNodePtr root = xmlDocGetRootElement(e->xdoc);
		e->ns = xmlSearchNsByHref(e->xdoc, root,
					  (const xmlChar *)TP_PLAN_XML_NS);
		find_unit(e);
	}
	return rc;
}

TP_EXPORT enum tp_status
tp_plan_edit_new(const char *data, size_t len, const char *source_name,
		 const char *base_dir, struct tp_plan_edit **out,
		 struct tp_error *err)
{
	struct tp_plan_edit *e;
	bool failed = false;
	enum tp_status rc;

	if (!data || !out)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "tp_plan_edit_new needs the data and a "
				     "result pointer");
	if (!(e = calloc(1, sizeof(*e))))
		return tp_error_nomem(err);
	e->source = dup_or_null(source_name ? source_name : "<memory>",
				&failed);
	e->base_dir = dup_or_null(base_dir, &failed);
	rc = failed ? tp_error_nomem(err) : start(e, data, len, err);
	if (rc != TP_OK) {
		tp_plan_edit_free(e);
		return rc;
	}
	*out = e;
	return TP_OK;
}

/* Up to @max bytes of the file at @path; *@len > max means larger. */
static enum tp_status
slurp(const char *path, size_t max, char **data, size_t *len,
      struct tp_error *err)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t n;

	if (!f)
		return tp_error_set_at(err, TP_ERR_IO, path, 0, 0,
				       "cannot open: %s", strerror(errno));
	if (!(buf = malloc(max + 2))) {
		fclose(f);
		return tp_error_nomem(err);
	}
	n = fread(buf, 1, max + 1, f);
	if (ferror(f)) {
		fclose(f);
		free(buf);
		return tp_error_set_at(err, TP_ERR_IO, path, 0, 0,
				       "cannot read the file");
	}
	fclose(f);
	buf[n] = '\0';
	*data = buf;
	*len = n;
	return TP_OK;
}

static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t n = slash ? (size_t)(slash - path) : 0;
	char *dir;

	if (!slash)
		return strdup(".");
	dir = malloc(n + 2);
	if (dir) {
		memcpy(dir, path, n ? n : 1);
		dir[n ? n : 1] = '\0';
	}
	return dir;
}

TP_EXPORT enum tp_status
tp_plan_edit_open(const char *path, struct tp_plan_edit **out,
		  struct tp_error *err)
{
	char *data = NULL, *dir;
	size_t len = 0;
	enum tp_status rc;

	if (!path || !out)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "tp_plan_edit_open needs a path and a "
				     "result pointer");
	rc = slurp(path, TP_PLAN_XML_MAX_SIZE, &data, &len, err);
	if (rc != TP_OK)
		return rc;
	dir = dir_of(path);
	rc = dir ? tp_plan_edit_new(data, len, path, dir, out, err)
		 : tp_error_nomem(err);
	free(dir);
	free(data);
	return rc;
}

TP_EXPORT void
tp_plan_edit_free(struct tp_plan_edit *edit)
{
	if (!edit)
		return;
	for (size_t i = 0; i < edit->n_changes; i++)
		free(edit->changes[i]);
	free(edit->changes);
	tp_plan_doc_free(edit->before);
	tp_plan_doc_free(edit->after);
	xmlFreeDoc(edit->xdoc);
	free(edit->result);
	free(edit->laid);
	free(edit->data);
	free(edit->base_dir);
	free(edit->source);
	free(edit);
}

TP_EXPORT struct tp_plan_doc *
tp_plan_edit_original(struct tp_plan_edit *edit)
{
	return edit ? edit->before : NULL;
}

TP_EXPORT size_t
tp_plan_edit_change_count(const struct tp_plan_edit *edit)
{
	return edit ? edit->n_changes : 0;
}

TP_EXPORT const char *
tp_plan_edit_change(const struct tp_plan_edit *edit, size_t i)
{
	return edit && i < edit->n_changes ? edit->changes[i] : NULL;
}

/* ---- finishing ------------------------------------------------------ */

/* @s with every LF preceded by CR (@to_crlf) or every CRLF made LF. */
static char *
line_ends(const char *s, size_t len, bool to_crlf, size_t *out_len)
{
	char *d = malloc(len * (to_crlf ? 2 : 1) + 1);
	size_t n = 0;

	if (!d)
		return NULL;
	for (size_t i = 0; i < len; i++) {
		if (to_crlf && s[i] == '\n')
			d[n++] = '\r';
		else if (!to_crlf && s[i] == '\r' && i + 1 < len &&
			 s[i + 1] == '\n')
			continue;
		d[n++] = s[i];
	}
	d[n] = '\0';
	*out_len = n;
	return d;
}

/* Whether libxml2 reads @text as the document it wrote as @theirs. */
static enum tp_status
same_document(const struct tp_plan_edit *e, const char *text, size_t len,
	      const char *theirs, size_t theirs_len, bool *same,
	      struct tp_error *err)
{
	xmlDocPtr doc = NULL;
	char *laid = NULL;
	size_t laid_len = 0;
	enum tp_status rc = parse(text, len, e->source, &doc, err);

	if (rc == TP_OK)
		rc = lay_out(doc, &laid, &laid_len, err);
	*same = rc == TP_OK && laid_len == theirs_len &&
		!memcmp(laid, theirs, laid_len);
	free(laid);
	xmlFreeDoc(doc);
	return rc;
}

/* The merge of the file's layout with the edited document @theirs. */
static enum tp_status
merge(struct tp_plan_edit *e, char *theirs, size_t theirs_len, char **out,
      size_t *len, struct tp_error *err)
{
	size_t ours_len = e->len;
	char *ours = e->crlf ? line_ends(e->data, e->len, false, &ours_len)
			     : e->data;
	bool conflict = false, same = false;
	enum tp_status rc = TP_OK;

	if (!ours) {
		free(theirs);
		return tp_error_nomem(err);
	}
	e->layout_kept = true;
	if (ours_len == e->laid_len && !memcmp(ours, e->laid, ours_len)) {
		*out = theirs; /* libxml2 writes this file as it is */
		*len = theirs_len;
		goto done;
	}
	rc = tp_text_merge(e->laid, e->laid_len, ours, ours_len, theirs,
			   theirs_len, out, len, &conflict, err);
	if (rc == TP_ERR_RANGE)
		goto theirs_whole;
	if (rc != TP_OK) {
		free(theirs);
		goto done;
	}
	rc = same_document(e, *out, *len, theirs, theirs_len, &same, err);
	if (rc != TP_OK || same) {
		free(rc == TP_OK ? theirs : *out);
		if (rc != TP_OK)
			free(theirs);
		e->layout_kept = !conflict;
		goto done;
	}
	free(*out);
theirs_whole: /* the merge did not hold: libxml2's layout throughout */
	*out = theirs;
	*len = theirs_len;
	e->layout_kept = false;
	rc = TP_OK;
done:
	if (ours != e->data)
		free(ours);
	return rc;
}

static enum tp_status
text_of_edit(struct tp_plan_edit *e, char **out, size_t *len,
	     struct tp_error *err)
{
	char *theirs = NULL, *text = NULL;
	size_t theirs_len = 0, text_len = 0;
	enum tp_status rc = lay_out(e->xdoc, &theirs, &theirs_len, err);

	if (rc == TP_OK)
		rc = merge(e, theirs, theirs_len, &text, &text_len, err);
	if (rc == TP_OK && e->crlf) {
		char *crlf = line_ends(text, text_len, true, len);
		free(text);
		text = crlf;
		if (!text)
			rc = tp_error_nomem(err);
	} else if (rc == TP_OK) {
		*len = text_len;
	}
	if (rc == TP_OK)
		*out = text;
	return rc;
}

TP_EXPORT enum tp_status
tp_plan_edit_finish(struct tp_plan_edit *edit, struct tp_error *err)
{
	char *text = NULL;
	size_t len = 0;
	struct tp_plan_doc *after = NULL;
	enum tp_status rc;

	if (!edit)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "tp_plan_edit_finish needs an edit");
	rc = text_of_edit(edit, &text, &len, err);
	if (rc == TP_OK)
		rc = tp_plan_doc_read_memory(text, len, edit->source,
					     edit->base_dir, 0, &after, err);
	if (rc != TP_OK) {
		free(text);
		return rc;
	}
	free(edit->result);
	tp_plan_doc_free(edit->after);
	edit->result = text;
	edit->result_len = len;
	edit->after = after;
	edit->finished = true;
	return TP_OK;
}

TP_EXPORT const char *
tp_plan_edit_result(const struct tp_plan_edit *edit, size_t *len)
{
	if (!edit || !edit->finished)
		return NULL;
	if (len)
		*len = edit->result_len;
	return edit->result;
}

TP_EXPORT struct tp_plan_doc *
tp_plan_edit_result_doc(struct tp_plan_edit *edit)
{
	return edit && edit->finished ? edit->after : NULL;
}

TP_EXPORT bool
tp_plan_edit_layout_kept(const struct tp_plan_edit *edit)
{
	return edit && edit->finished && edit->layout_kept;
}

TP_EXPORT enum tp_status
tp_plan_edit_write_file(const struct tp_plan_edit *edit, const char *path,
			const struct tp_write_options *wo,
			struct tp_error *err)
{
	char *now = NULL;
	size_t len = 0;
	enum tp_status rc;

	if (!edit || !path || !edit->finished)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "tp_plan_edit_write_file needs a finished "
				     "edit and a path");
	rc = slurp(path, edit->len, &now, &len, err);
	if (rc == TP_OK && (len != edit->len || memcmp(now, edit->data, len)))
		rc = tp_error_set_at(err, TP_ERR_IO, path, 0, 0,
				     "the file changed since it was read "
				     "(another program wrote it); nothing was "
				     "written: run the command again");
	free(now);
	if (rc == TP_OK)
		rc = tp_atomic_write(path, edit->result, edit->result_len, wo,
				     err);
	return rc;
}
