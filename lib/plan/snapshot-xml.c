/* SPDX-License-Identifier: MIT */
/* Snapshots in plan files (docs/plan-format.md, "Snapshots"): read from
 * the validated tree, written with the document, and recorded into an
 * existing file by editing its tree, so that the user's comments, order and
 * layout stay (tp_plan_file_record()). */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

#include <tenderplan/tp-plan-xml.h>

#include "atomic-file.h"
#include "date-private.h"
#include "error-private.h"
#include "plan-doc-private.h"
#include "snapshot-private.h"
#include "xml-node-private.h"

/* ---- attributes, shared by the writer and the tree editor ------------- */

struct attr {
	const char *name;
	const char *value; /* points at buf or at a string of the snapshot */
	char buf[32];
};

#define MAX_ATTRS 8

static void
set_attr(struct attr *a, const char *name, const char *value)
{
	a->name = name;
	a->value = value;
}

static void set_attrf(struct attr *a, const char *name, const char *fmt, ...)
	TP_PRINTF(3, 4);

static void
set_attrf(struct attr *a, const char *name, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(a->buf, sizeof(a->buf), fmt, ap);
	va_end(ap);
	a->name = name;
	a->value = a->buf;
}

static size_t
snapshot_attrs(const struct tp_snapshot *s, struct attr *a)
{
	size_t n = 0;

	set_attr(&a[n++], "kind", tp_snapshot_kind_name(s->kind));
	set_attrf(&a[n++], "revision", "%" PRIu32, s->revision);
	tp_snapshot_format_time(s->taken, a[n].buf);
	set_attr(&a[n], "taken", a[n].buf);
	n++;
	if (s->plan_id)
		set_attr(&a[n++], "plan-id", s->plan_id);
	set_attr(&a[n++], "time-zone", s->time_zone);
	return n;
}

/* A stage's record, or with @p series a meeting series' (its event
 * begins on start, = finish; no finish or time is written). */
static size_t
rec_attrs(const struct tp_snap_rec *r, bool series, struct attr *a)
{
	size_t n = 0;

	set_attr(&a[n++], "id", r->id);
	tp_date_format(r->start, a[n].buf);
	set_attr(&a[n], "start", a[n].buf);
	n++;
	if (!series) {
		tp_date_format(r->finish, a[n].buf);
		set_attr(&a[n], "finish", a[n].buf);
		n++;
	}
	if (!series && r->minutes >= 0)
		set_attrf(&a[n++], "time", "%02d:%02d", r->minutes / 60,
			  r->minutes % 60);
	set_attrf(&a[n++], "sequence", "%" PRIu32, r->sequence);
	set_attrf(&a[n++], "text", "%016" PRIx64, r->hash);
	if (r->removed)
		set_attr(&a[n++], "removed", "true");
	if (r->name)
		set_attr(&a[n++], "name", r->name);
	return n;
}

/* The children of <snapshot>: its stages, then its meeting series. */
static size_t
child_count(const struct tp_snapshot *s)
{
	return s->stages.n + s->series.n;
}

static const char *
child_attrs(const struct tp_snapshot *s, size_t i, struct attr *a, size_t *n)
{
	bool series = i >= s->stages.n;

	*n = series ? rec_attrs(&s->series.recs[i - s->stages.n], true, a)
		    : rec_attrs(&s->stages.recs[i], false, a);
	return series ? "series" : "stage";
}

/* ---- writing with the document ---------------------------------------- */

static bool
write_elem(xmlTextWriterPtr w, const char *name, const struct attr *a, size_t n,
	   bool close)
{
	bool ok = xmlTextWriterStartElement(w, (const xmlChar *)name) >= 0;

	for (size_t i = 0; ok && i < n; i++)
		ok = xmlTextWriterWriteAttribute(w, (const xmlChar *)a[i].name,
						 (const xmlChar *)a[i].value) >=
		     0;
	return ok && (!close || xmlTextWriterEndElement(w) >= 0);
}

static bool
write_snapshot(xmlTextWriterPtr w, const struct tp_snapshot *s)
{
	struct attr a[MAX_ATTRS];
	bool ok = write_elem(w, "snapshot", a, snapshot_attrs(s, a), false);

	for (size_t i = 0; ok && i < child_count(s); i++) {
		size_t n;
		const char *name = child_attrs(s, i, a, &n);
		ok = write_elem(w, name, a, n, true);
	}
	return ok && xmlTextWriterEndElement(w) >= 0;
}

bool
tp_snapshots_write_xml(xmlTextWriterPtr w, const struct tp_plan_doc *doc)
{
	bool ok;

	if (!doc->n_snapshots)
		return true;
	ok = xmlTextWriterStartElement(w, (const xmlChar *)"snapshots") >= 0;
	for (size_t i = 0; ok && i < doc->n_snapshots; i++)
		ok = write_snapshot(w, doc->snapshots[i]);
	return ok && xmlTextWriterEndElement(w) >= 0;
}

/* ---- reading (the schema has checked the shape) ------------------------ */




static enum tp_status
attr_date(xmlNodePtr n, const char *name, struct tp_date *out,
	  struct tp_error *err)
{
	char *v = tp_xml_attr(n, name);
	enum tp_status rc =
		v ? tp_date_parse(v, (long)strlen(v), out, err)
		  : tp_error_setf(err, TP_ERR_PARSE, NULL,
				  "snapshot stage without '%s'", name);

	xmlFree(v);
	return rc;
}

static uint64_t
attr_u64(xmlNodePtr n, const char *name, int base)
{
	char *v = tp_xml_attr(n, name);
	uint64_t r = v ? strtoull(v, NULL, base) : 0;

	xmlFree(v);
	return r;
}

/* time="HH:MM" to minutes, -1 without one; checked here too (#11). */
static enum tp_status
attr_minutes(xmlNodePtr n, int *minutes, struct tp_error *err)
{
	char *v = tp_xml_attr(n, "time");
	enum tp_status rc = TP_OK;

	*minutes = -1;
	if (v && !tp_hhmm_parse(v, minutes))
		rc = tp_error_setf(err, TP_ERR_PARSE, NULL,
				   "snapshot stage time=\"%.16s\": not a time "
				   "of day written HH:MM, from 00:00 to 23:59",
				   v);
	xmlFree(v);
	return rc;
}

static bool
attr_true(xmlNodePtr n, const char *name)
{
	char *v = tp_xml_attr(n, name);
	bool yes = v && (!strcmp(v, "true") || !strcmp(v, "1"));

	xmlFree(v);
	return yes;
}

/* A <stage> record, or with @p series a <series> one (its event begins on
 * start, = finish; no time). */
static enum tp_status
read_rec(struct tp_snapshot *snap, xmlNodePtr n, bool series,
	 struct tp_error *err)
{
	char *id = tp_xml_attr(n, "id"), *name = tp_xml_attr(n, "name");
	struct tp_snapshot_stage st = {.id = id, .name = name, .minutes = -1};
	enum tp_status rc = attr_date(n, "start", &st.start, err);

	st.finish = st.start;
	if (rc == TP_OK && !series)
		rc = attr_date(n, "finish", &st.finish, err);
	if (rc == TP_OK && !series)
		rc = attr_minutes(n, &st.minutes, err);
	st.text_hash = attr_u64(n, "text", 16);
	st.sequence = (uint32_t)attr_u64(n, "sequence", 10);
	st.removed = attr_true(n, "removed");
	if (rc == TP_OK)
		rc = series ? tp_snapshot_add_series(snap, &st, err)
			    : tp_snapshot_add_stage(snap, &st, err);
	xmlFree(id);
	xmlFree(name);
	return rc;
}

static enum tp_status
new_snapshot(xmlNodePtr n, struct tp_snapshot **out, struct tp_error *err)
{
	char *kind = tp_xml_attr(n, "kind"), *taken = tp_xml_attr(n, "taken");
	char *plan_id = tp_xml_attr(n, "plan-id"), *tz = tp_xml_attr(n, "time-zone");
	enum tp_snapshot_kind k = TP_SNAPSHOT_REVISION;
	int64_t t = 0;
	enum tp_status rc = tp_snapshot_kind_from_name(kind, &k, err);

	if (rc == TP_OK && !tp_snapshot_parse_time(taken, &t))
		rc = tp_error_setf(err, TP_ERR_PARSE, NULL,
				   "snapshot taken=\"%s\": not a time as "
				   "YYYY-MM-DDTHH:MM:SSZ",
				   taken ? taken : "");
	if (rc == TP_OK)
		rc = tp_snapshot_new(k, (uint32_t)attr_u64(n, "revision", 10),
				     t, plan_id, tz, out, err);
	xmlFree(kind);
	xmlFree(taken);
	xmlFree(plan_id);
	xmlFree(tz);
	return rc;
}

static enum tp_status
read_snapshot(struct tp_plan_doc *doc, xmlNodePtr n, int *line,
	      struct tp_error *err)
{
	struct tp_snapshot *snap = NULL;
	enum tp_status rc = new_snapshot(n, &snap, err);

	*line = tp_xml_line(n);
	for (xmlNodePtr c = n->children; c && rc == TP_OK; c = c->next) {
		bool series = tp_xml_is_elem(c, "series");
		if (!series && !tp_xml_is_elem(c, "stage"))
			continue;
		*line = tp_xml_line(c);
		rc = read_rec(snap, c, series, err);
	}
	if (rc != TP_OK) {
		tp_snapshot_free(snap);
		return rc;
	}
	*line = tp_xml_line(n);
	return tp_plan_doc_take_snapshot(doc, snap, err);
}

enum tp_status
tp_snapshots_read_xml(struct tp_plan_doc *doc, xmlNodePtr node, int *line,
		      struct tp_error *err)
{
	enum tp_status rc = TP_OK;

	*line = tp_xml_line(node);
	for (xmlNodePtr c = node->children; c && rc == TP_OK; c = c->next)
		if (tp_xml_is_elem(c, "snapshot"))
			rc = read_snapshot(doc, c, line, err);
	return rc;
}

/* ---- editing a file's tree --------------------------------------------- */

/* The whitespace before @p n if it is only whitespace, else @p dflt. */
static const char *
indent_before(xmlNodePtr n, const char *dflt)
{
	xmlNodePtr t = n ? n->prev : NULL;
	const char *s;

	if (!t || t->type != XML_TEXT_NODE || !t->content)
		return dflt;
	s = (const char *)t->content;
	if (!*s || s[strspn(s, " \t\r\n")] != '\0' || !strchr(s, '\n'))
		return dflt;
	return strrchr(s, '\n'); /* from the last line break */
}

static xmlNodePtr
child_elem(xmlNodePtr parent, const char *name)
{
	for (xmlNodePtr c = parent->children; c; c = c->next)
		if (tp_xml_is_elem(c, name))
			return c;
	return NULL;
}

static xmlNodePtr
last_child_elem(xmlNodePtr parent, const char *name)
{
	xmlNodePtr last = NULL;

	for (xmlNodePtr c = parent->children; c; c = c->next)
		if (tp_xml_is_elem(c, name))
			last = c;
	return last;
}

/* @p base plus @p more spaces, in @p buf. */
static const char *
deeper(char *buf, size_t size, const char *base, int more)
{
	if (snprintf(buf, size, "%s%*s", base, more, "") >= (int)size)
		buf[size - 1] = '\0';
	return buf;
}

static bool
add_text(xmlNodePtr parent, const char *text)
{
	xmlNodePtr t = xmlNewDocText(parent->doc, (const xmlChar *)text);

	return t && xmlAddChild(parent, t);
}

static xmlNodePtr
new_elem(xmlNodePtr like, const char *name, const struct attr *a, size_t n)
{
	xmlNodePtr e =
		xmlNewDocNode(like->doc, like->ns, (const xmlChar *)name, NULL);

	for (size_t i = 0; e && i < n; i++)
		if (!xmlNewProp(e, (const xmlChar *)a[i].name,
				(const xmlChar *)a[i].value)) {
			xmlFreeNode(e);
			return NULL;
		}
	return e;
}

/* <snapshot> with its stages and series, children indented under
 * @p indent. */
static xmlNodePtr
snapshot_node(xmlNodePtr like, const struct tp_snapshot *s, const char *indent)
{
	struct attr a[MAX_ATTRS];
	char inner[256];
	xmlNodePtr e = new_elem(like, "snapshot", a, snapshot_attrs(s, a));
	bool ok = e != NULL;

	deeper(inner, sizeof(inner), indent, 2);
	for (size_t i = 0; ok && i < child_count(s); i++) {
		size_t n;
		const char *name = child_attrs(s, i, a, &n);
		xmlNodePtr st = new_elem(like, name, a, n);
		ok = st && add_text(e, inner) && xmlAddChild(e, st);
		if (!ok)
			xmlFreeNode(st);
	}
	ok = ok && (!child_count(s) || add_text(e, indent));
	if (!ok) {
		xmlFreeNode(e);
		return NULL;
	}
	return e;
}

/* Put the text @p text before @p n. libxml2 merges a text node into a
 * neighbouring one (and frees it), so the new node is not used after. */
static bool
text_before(xmlNodePtr n, const char *text)
{
	xmlNodePtr t = xmlNewDocText(n->doc, (const xmlChar *)text);

	if (!t)
		return false;
	if (!xmlAddPrevSibling(n, t)) {
		xmlFreeNode(t);
		return false;
	}
	return true;
}

/* <snapshots> after <stages>, indented as <stages> is. */
static xmlNodePtr
new_list(xmlNodePtr stages, const char *ind)
{
	xmlNodePtr list = new_elem(stages, "snapshots", NULL, 0);

	if (!list)
		return NULL;
	if (!xmlAddNextSibling(stages, list)) {
		xmlFreeNode(list);
		return NULL;
	}
	return text_before(list, ind) ? list : NULL;
}

/* Add the snapshot as the last child of <snapshots>, creating that after
 * <stages> if need be, in the file's indentation. */
static bool
insert_snapshot(xmlNodePtr root, const struct tp_snapshot *s)
{
	xmlNodePtr stages = child_elem(root, "stages");
	xmlNodePtr list = child_elem(root, "snapshots"), node, last;
	const char *ind = indent_before(stages, "\n  ");
	char in1[256];
	bool fresh = list == NULL;

	if (!stages)
		return false;
	deeper(in1, sizeof(in1), ind, 2);
	if (fresh && !(list = new_list(stages, ind)))
		return false;
	last = last_child_elem(list, "snapshot");
	if (last)
		snprintf(in1, sizeof(in1), "%s", indent_before(last, in1));
	node = snapshot_node(stages, s, in1);
	if (!node)
		return false;
	/* before the whitespace that closes the list, if there is some */
	if (list->last && list->last->type == XML_TEXT_NODE) {
		if (!xmlAddPrevSibling(list->last, node)) {
			xmlFreeNode(node);
			return false;
		}
		return text_before(node, in1);
	}
	if (!xmlAddChild(list, node)) {
		xmlFreeNode(node);
		return false;
	}
	return text_before(node, in1) && add_text(list, ind);
}

static void
quiet_error(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

/* The file's tree with the snapshot added and the revision set, as bytes
 * (free with xmlFree). */
static enum tp_status
edit_tree(const char *path, const char *data, size_t len,
	  const struct tp_snapshot *s, uint32_t revision, xmlChar **out,
	  int *out_len, struct tp_error *err)
{
	xmlStructuredErrorFunc saved = xmlStructuredError;
	void *saved_ctx = xmlStructuredErrorContext;
	xmlDocPtr xdoc;
	char rev[16];
	bool ok;

	xmlSetStructuredErrorFunc(NULL, quiet_error);
	xdoc = xmlReadMemory(data, (int)len, path, NULL,
			     XML_PARSE_NONET | XML_PARSE_BIG_LINES);
	xmlSetStructuredErrorFunc(saved_ctx, saved);
	if (!xdoc || !xmlDocGetRootElement(xdoc)) {
		xmlFreeDoc(xdoc);
		return tp_error_set_at(err, TP_ERR_PARSE, path, 0, 0,
				       "cannot read the file again to edit it");
	}
	snprintf(rev, sizeof(rev), "%" PRIu32, revision);
	ok = xmlSetProp(xmlDocGetRootElement(xdoc), (const xmlChar *)"revision",
			(const xmlChar *)rev) != NULL &&
	     insert_snapshot(xmlDocGetRootElement(xdoc), s);
	if (ok) {
		xmlDocDumpMemoryEnc(xdoc, out, out_len, "UTF-8");
		ok = *out != NULL;
	}
	xmlFreeDoc(xdoc);
	return ok ? TP_OK : tp_error_nomem(err);
}

/* ---- recording --------------------------------------------------------- */

static enum tp_status
slurp(const char *path, char **data, size_t *len, struct tp_error *err)
{
	FILE *f = fopen(path, "rb");
	size_t cap = TP_PLAN_XML_MAX_SIZE + 1;
	char *buf;

	if (!f)
		return tp_error_set_at(err, TP_ERR_IO, path, 0, 0,
				       "cannot open: %s", strerror(errno));
	buf = malloc(cap);
	if (!buf) {
		fclose(f);
		return tp_error_nomem(err);
	}
	*len = fread(buf, 1, cap, f);
	if (ferror(f)) {
		fclose(f);
		free(buf);
		return tp_error_set_at(err, TP_ERR_IO, path, 0, 0,
				       "cannot read the file");
	}
	fclose(f);
	*data = buf;
	return TP_OK;
}

static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t n = slash ? (size_t)(slash - path) : 1;
	char *dir = malloc(n + 1);

	if (!dir)
		return NULL;
	if (!slash)
		memcpy(dir, ".", 2);
	else if (n == 0)
		memcpy(dir, "/", 2);
	else {
		memcpy(dir, path, n);
		dir[n] = '\0';
	}
	return dir;
}

/* Read the result back: it must be a valid plan with one more snapshot. */
static enum tp_status
check_result(const char *path, const xmlChar *data, int len, size_t want,
	     uint32_t revision, struct tp_error *err)
{
	struct tp_plan_doc *doc = NULL;
	enum tp_status rc = tp_plan_doc_read_memory(
		(const char *)data, (size_t)len, path, NULL,
		TP_PLAN_READ_NO_CALENDAR, &doc, err);

	if (rc == TP_OK &&
	    (tp_plan_doc_snapshot_count(doc) != want ||
	     tp_plan_revision(tp_plan_doc_plan_const(doc)) != revision))
		rc = tp_error_set_at(err, TP_ERR_INVALID, path, 0, 0,
				     "the edited file did not read back as "
				     "expected: not written");
	tp_plan_doc_free(doc);
	return rc;
}

struct record_job {
	const char *path;
	enum tp_snapshot_kind kind;
	int64_t taken;
	unsigned flags;
	const struct tp_write_options *wo;
	const struct tp_schedule_options *so;
	struct tp_record_result res;
	char *data;
	size_t len;
	struct tp_plan_doc *doc;
	struct tp_schedule *sched;
	struct tp_snapshot *snap;
};

static enum tp_status
load(struct record_job *j, struct tp_error *err)
{
	char *dir = NULL;
	enum tp_status rc = slurp(j->path, &j->data, &j->len, err);

	if (rc == TP_OK && !(dir = dir_of(j->path)))
		rc = tp_error_nomem(err);
	if (rc == TP_OK)
		rc = tp_plan_doc_read_memory(j->data, j->len, j->path, dir, 0,
					     &j->doc, err);
	free(dir);
	/* as `tenderplan schedule` and the exports schedule it: with the
	 * statute's calendar of the regime in force on the advert */
	if (rc == TP_OK &&
	    tp_plan_doc_schedule(j->doc, j->so, &j->sched, err) != TP_OK) {
		rc = err ? err->code : TP_ERR_INVALID;
		if (err && !err->source[0])
			tp_error_set_source(err, j->path, 0);
	}
	return rc;
}

static enum tp_status
record(struct record_job *j, struct tp_error *err)
{
	const struct tp_snapshot *prev =
		tp_plan_doc_latest_snapshot(j->doc, j->kind);
	const struct tp_snapshot *since =
		tp_plan_doc_latest_snapshot(j->doc, TP_SNAPSHOT_REVISION);
	uint32_t rev = tp_plan_revision(tp_plan_doc_plan_const(j->doc));
	enum tp_status rc;

	if (j->kind == TP_SNAPSHOT_REVISION && rev == UINT32_MAX)
		return tp_error_set_at(err, TP_ERR_INVALID, j->path, 0, 0,
				       "the revision cannot be raised further");
	rc = tp_snapshot_record(j->sched, since, j->kind, j->taken, &j->snap,
				err);
	j->res.recorded = rev;
	j->res.revision = j->kind == TP_SNAPSHOT_REVISION ? rev + 1 : rev;
	j->res.had_previous = prev != NULL;
	if (rc == TP_OK && prev)
		rc = tp_snapshot_compare(prev, j->sched, &j->res.since_previous,
					 err);
	return rc;
}

static enum tp_status
rewrite(struct record_job *j, struct tp_error *err)
{
	xmlChar *out = NULL;
	int out_len = 0;
	enum tp_status rc = edit_tree(j->path, j->data, j->len, j->snap,
				      j->res.revision, &out, &out_len, err);

	if (rc == TP_OK && (size_t)out_len > TP_PLAN_XML_MAX_SIZE)
		rc = tp_error_set_at(
			err, TP_ERR_INVALID, j->path, 0, 0,
			"with the snapshot the file would be %d bytes, over "
			"the limit of %u for a plan file: not written (a plan "
			"this large is better split into one file per tender)",
			out_len, (unsigned)TP_PLAN_XML_MAX_SIZE);
	if (rc == TP_OK)
		rc = check_result(j->path, out, out_len,
				  tp_plan_doc_snapshot_count(j->doc) + 1,
				  j->res.revision, err);
	if (rc == TP_OK && !(j->flags & TP_RECORD_DRY_RUN))
		rc = tp_atomic_write(j->path, out, (size_t)out_len, j->wo, err);
	xmlFree(out);
	return rc;
}

void
tp_record_options_init(struct tp_record_options *opt)
{
	if (opt)
		memset(opt, 0, sizeof(*opt));
}

enum tp_status
tp_plan_file_record(const char *path, enum tp_snapshot_kind kind, int64_t taken,
		    unsigned flags, const struct tp_write_options *wo,
		    struct tp_record_result *out, struct tp_error *err)
{
	struct tp_record_options o;

	tp_record_options_init(&o);
	o.taken = taken;
	o.flags = flags;
	o.write = wo;
	return tp_plan_file_record_with(path, kind, &o, out, err);
}

enum tp_status
tp_plan_file_record_with(const char *path, enum tp_snapshot_kind kind,
			 const struct tp_record_options *opt,
			 struct tp_record_result *out, struct tp_error *err)
{
	struct tp_record_options defaults;
	struct record_job j;
	enum tp_status rc;

	if (!opt) {
		tp_record_options_init(&defaults);
		opt = &defaults;
	}
	j = (struct record_job){.path = path,
				.kind = kind,
				.taken = opt->taken,
				.flags = opt->flags,
				.wo = opt->write,
				.so = opt->schedule};
	if (!path || !tp_snapshot_kind_name(kind) || opt->taken < 0)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "record: no file, a bad kind or a bad "
				     "time");
	rc = load(&j, err);
	if (rc == TP_OK)
		rc = record(&j, err);
	if (rc == TP_OK)
		rc = rewrite(&j, err);
	if (rc == TP_OK && out)
		*out = j.res;
	tp_snapshot_free(j.snap);
	tp_schedule_free(j.sched);
	tp_plan_doc_free(j.doc);
	free(j.data);
	return rc;
}
