/* SPDX-License-Identifier: MIT */
/* Reading plan files (see docs/plan-format.md) with libxml2, safely: the
 * size is capped before parsing; no network (XML_PARSE_NONET); no entity
 * substitution or DTD loading (neither XML_PARSE_NOENT nor
 * XML_PARSE_DTDLOAD); a DOCTYPE stops the parser at once, so no entity
 * declaration is ever read; the document passes the quick check of the
 * schema's rules (xml-check.c) or the schema's validator before it is used
 * (a big one stage by stage as it is parsed, see "reading while
 * parsing"). libxml2 reports errors through handlers that this
 * file installs for the duration of one call and then restores, so nothing
 * is printed and no global setting outlives the call.
 *
 * Before libxml2 sees the text, a linear scan (#9) refuses what libxml2
 * would read slowly or wrongly: more than PRESCAN_MAX_ATTRS attributes on
 * one element (libxml2 2.9.14's duplicate check is quadratic: 100,000
 * attributes took 282 s), any NUL character (libxml2 stops at one and
 * ignores what follows), and encodings the scan cannot follow. The schema
 * is read the same way, with XML_PARSE_NONET, and may not import or
 * include other documents, which libxml2's schema parser would fetch with
 * entity substitution and without NONET. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include <tenderplan/tp-plan-xml.h>

#include "date-private.h"
#include "error-private.h"
#include "meeting-xml-private.h"
#include "plan-doc-private.h"
#include "snapshot-private.h"
#include "xml-check-private.h"
#include "xml-errors-private.h"
#include "xml-node-private.h"
#include "xml-read-private.h"

/* What a reader object keeps from one read to the next (#11): the schema,
 * compiled on first use, and the calendar cache it lends documents. */
struct tp_plan_reader {
	xmlDocPtr sdoc;
	xmlSchemaParserCtxtPtr pctxt;
	xmlSchemaPtr schema;
	char xsd[4096]; /* its path, for messages */
	struct tp_calendar_cache *cache;
};

/* A dependency or constraint of a stage read while parsing, kept until
 * every stage is in the plan (a dependency may name a later stage). */
struct pending_link {
	size_t stage; /* index of the stage it belongs to */
	bool constraint;
	int32_t lag;
	enum tp_dep_type dep;
	enum tp_unit unit;
	enum tp_constraint_type ctype;
	struct tp_date date;
	char from[64]; /* the stage it depends on (an id has at most 63) */
};

struct reader {
	struct tp_plan_reader *owner;
	const char *source;
	const char *base_dir;
	unsigned flags;
	struct tp_error *err;
	bool failed;  /* err holds the first error */
	bool doctype; /* a DOCTYPE was met */
	int doctype_line;
	struct tp_plan_doc *doc;
	int *stage_lines; /* line of each stage element, by index */
	int ics_line;     /* line of the <ics> element */
	xmlParserCtxtPtr vparser; /* the validating reading, if under way */
	bool has_rules;   /* a <rules> element was read */
	/* For the validator's first error: the tree of the first reading
	 * (its messages name nodes from it) and the schema's path. */
	xmlDocPtr tree;
	const char *xsd;
	/* The reading while parsing (#11, see read_streaming()): */
	size_t lines_cap, n_lines;   /* room in stage_lines, and used */
	struct pending_link *links;  /* of the stages read so far */
	size_t n_links, links_cap;
	xmlNodePtr stages;           /* <stages>, once its first stage is read */
	bool bail;                   /* give up: read the whole tree instead */
};

/* ---- errors --------------------------------------------------------- */

/* Record the first error only; later ones are usually consequences. */
static enum tp_status fail_at(struct reader *rd, enum tp_status code, int line,
			      const char *fmt, ...) TP_PRINTF(4, 5);

static enum tp_status
fail_at(struct reader *rd, enum tp_status code, int line, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	if (rd->failed)
		return rd->err ? rd->err->code : code;
	rd->failed = true;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return tp_error_set_at(rd->err, code, rd->source, line, 0, "%s", msg);
}

/* After a library call failed and filled err: add the file position. */
static enum tp_status
locate(struct reader *rd, enum tp_status rc, int line)
{
	if (rc != TP_OK && !rd->failed) {
		rd->failed = true;
		tp_error_set_source(rd->err, rd->source, line);
	}
	return rc;
}

static int
node_line(xmlNodePtr node)
{
	long line = xmlGetLineNo(node);
	return line > 0 && line < 0x7fffffff ? (int)line : 0;
}

/* libxml2's structured errors (parser, schema parser and validator), in
 * the project's words (xml-errors.c); @xsd is the schema validated
 * against, which names what is allowed, or NULL. */
static void
report_xml_error(struct reader *rd, const xmlError *e, const char *xsd)
{
	struct tp_xml_problem p;

	if (!e || e->level == XML_ERR_WARNING || rd->failed)
		return;
	rd->failed = true; /* before describing: it reads the schema again */
	tp_xml_describe_error(e, xsd, &p);
	tp_error_set_at(rd->err, p.code, rd->source, p.line, p.column, "%s",
			p.message);
	if (rd->err)
		snprintf(rd->err->stage, sizeof(rd->err->stage), "%s",
			 p.stage);
}

static void
on_xml_error(void *ctx, xmlErrorPtr e)
{
	report_xml_error(ctx, e, NULL);
}

/* "stage 'b' depends on unknown stage 'x'", with the nearest id. */
static enum tp_status
unknown_stage(struct reader *rd, xmlNodePtr n, const char *to,
	      const char *from)
{
	const char *near = tp_plan_suggest_stage(rd->doc->plan, from);

	fail_at(rd, TP_ERR_INVALID, node_line(n),
		"stage '%s' depends on unknown stage '%.64s'%s%s%s", to, from,
		near ? " (did you mean '" : "", near ? near : "",
		near ? "'?)" : "");
	if (rd->err)
		snprintf(rd->err->stage, sizeof(rd->err->stage), "%s", to);
	return TP_ERR_INVALID;
}

static void
on_generic_error(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	(void)fmt;
}

/* libxml2's process-wide (per-thread) handlers, saved for one call. */
struct saved_handlers {
	xmlStructuredErrorFunc serror;
	void *serror_ctx;
	xmlGenericErrorFunc generic;
	void *generic_ctx;
};

static void
install_handlers(struct reader *rd, struct saved_handlers *s)
{
	s->serror = xmlStructuredError;
	s->serror_ctx = xmlStructuredErrorContext;
	s->generic = xmlGenericError;
	s->generic_ctx = xmlGenericErrorContext;
	xmlSetStructuredErrorFunc(rd, on_xml_error);
	xmlSetGenericErrorFunc(NULL, on_generic_error);
}

static void
restore_handlers(const struct saved_handlers *s)
{
	xmlSetStructuredErrorFunc(s->serror_ctx, s->serror);
	xmlSetGenericErrorFunc(s->generic_ctx, s->generic);
}

/* ---- the scan before parsing ----------------------------------------- */

/* More attributes than any element of the schema has (the most is 8),
 * namespace declarations included, with room to spare. */
#define PRESCAN_MAX_ATTRS 64

/* The text as code units: bytes (UTF-8 and other ASCII-compatible
 * encodings) or UTF-16 units. Markup is ASCII in all of them. */
struct units {
	const unsigned char *p;
	size_t n;    /* units */
	int size;    /* 1 or 2 bytes */
	bool big;    /* UTF-16BE */
	size_t pos;
};

static unsigned
unit_at(const struct units *u, size_t i)
{
	if (u->size == 1)
		return u->p[i];
	return u->big ? (unsigned)u->p[2 * i] << 8 | u->p[2 * i + 1]
		      : (unsigned)u->p[2 * i + 1] << 8 | u->p[2 * i];
}

/* The line of unit @pos, counted only when an error needs it (#11: the
 * scan counted every line of every file). */
static int
line_at(const struct units *u, size_t pos)
{
	size_t line = 1;

	if (u->size == 1) {
		const unsigned char *p = u->p, *end = u->p + pos;
		while ((p = memchr(p, '\n', (size_t)(end - p)))) {
			line++;
			p++;
		}
	} else {
		for (size_t i = 0; i < pos; i++)
			line += unit_at(u, i) == '\n';
	}
	return line < INT32_MAX ? (int)line : 0;
}

/* The next unit @c at or after u->pos, or u->n. */
static size_t
find_unit(const struct units *u, unsigned c, size_t from)
{
	if (u->size == 1) {
		const unsigned char *q =
			from < u->n ? memchr(u->p + from, (int)c, u->n - from)
				    : NULL;
		return q ? (size_t)(q - u->p) : u->n;
	}
	while (from < u->n && unit_at(u, from) != c)
		from++;
	return from;
}

/* Advance to just past the next occurrence of the ASCII @pat; false if
 * there is none. Counts lines on the way. */
static bool
skip_past(struct units *u, const char *pat)
{
	size_t k = strlen(pat);

	for (u->pos = find_unit(u, (unsigned char)pat[0], u->pos);
	     u->pos + k <= u->n;
	     u->pos = find_unit(u, (unsigned char)pat[0], u->pos + 1)) {
		size_t j = 1;
		while (j < k && unit_at(u, u->pos + j) == (unsigned char)pat[j])
			j++;
		if (j == k) {
			u->pos += k;
			return true;
		}
	}
	u->pos = u->n;
	return false;
}

static bool
starts_with(const struct units *u, const char *pat)
{
	size_t k = strlen(pat);

	if (u->pos + k > u->n)
		return false;
	if (u->size == 1)
		return memcmp(u->p + u->pos, pat, k) == 0;
	for (size_t j = 0; j < k; j++)
		if (unit_at(u, u->pos + j) != (unsigned char)pat[j])
			return false;
	return true;
}

/* A start tag at u->pos (just past '<'): count its attributes, one per
 * '=' outside quoted values. */
static enum tp_status
scan_start_tag(struct reader *rd, struct units *u)
{
	size_t start = u->pos, attrs = 0;
	unsigned quote = 0;

	for (; u->pos < u->n; u->pos++) {
		unsigned c = u->size == 1 ? u->p[u->pos] : unit_at(u, u->pos);
		if (quote && u->size == 1) { /* to the closing quote */
			u->pos = find_unit(u, quote, u->pos);
			if (u->pos == u->n)
				return TP_OK; /* cut short */
			quote = 0;
		} else if (quote) {
			quote = c == quote ? 0 : quote;
		} else if (c == '"' || c == '\'') {
			quote = c;
		} else if (c == '=' && ++attrs > PRESCAN_MAX_ATTRS) {
			return fail_at(rd, TP_ERR_PARSE, line_at(u, start),
				       "an element with more than %d "
				       "attributes; no element of a plan "
				       "file has so many",
				       PRESCAN_MAX_ATTRS);
		} else if (c == '>') {
			u->pos++;
			return TP_OK;
		}
	}
	return TP_OK; /* cut short: libxml2 says so */
}

/* Walk the markup: comments, CDATA, processing instructions and end tags
 * are skipped, start tags counted; a DOCTYPE ends the walk (the parser
 * stops there and reports it). */
static enum tp_status
scan_markup(struct reader *rd, struct units *u)
{
	enum tp_status rc;

	while ((u->pos = find_unit(u, '<', u->pos)) < u->n) {
		/* What follows the '<' (0 at the end) picks the test. */
		unsigned c = ++u->pos < u->n ? unit_at(u, u->pos) : 0;
		if (c == '!' && starts_with(u, "!--"))
			skip_past(u, "-->");
		else if (c == '!' && starts_with(u, "![CDATA["))
			skip_past(u, "]]>");
		else if (c == '!')
			return TP_OK;
		else if (c == '?')
			skip_past(u, "?>");
		else if (c == '/')
			skip_past(u, ">");
		else if ((rc = scan_start_tag(rd, u)))
			return rc;
	}
	return TP_OK;
}

static bool
ascii_iequal(const char *a, size_t n, const char *b)
{
	if (strlen(b) != n)
		return false;
	for (size_t i = 0; i < n; i++) {
		char x = a[i] >= 'a' && a[i] <= 'z' ? (char)(a[i] - 32) : a[i];
		if (x != b[i])
			return false;
	}
	return true;
}

/* The XML declaration as ASCII (at most @size - 1 units, other units as
 * '?'), or "" when the text does not start with one. */
static void
declaration(const struct units *u, char *buf, size_t size)
{
	size_t i = 0, k = 0;

	if (u->size == 2 && u->n > 0 && unit_at(u, 0) == 0xfeff)
		k = 1;
	else if (u->size == 1 && u->n >= 3 && u->p[0] == 0xef &&
		 u->p[1] == 0xbb && u->p[2] == 0xbf)
		k = 3;
	for (; k < u->n && i + 1 < size; k++) {
		unsigned c = unit_at(u, k);
		buf[i++] = c < 0x80 ? (char)c : '?';
		if (c == '>')
			break;
	}
	buf[i] = '\0';
	if (strncmp(buf, "<?xml", 5) != 0 || !strchr(buf, '>'))
		buf[0] = '\0';
}

/* The encoding the XML declaration names, if any, must be one whose
 * markup the scan reads as it is: UTF-8 and single-byte encodings with
 * ASCII, or UTF-16. Others (ISO-2022-JP, UTF-7, ...) could hide a '<' or
 * a '=' in a multi-byte character. */
static enum tp_status
check_declared_encoding(struct reader *rd, const struct units *u)
{
	static const char *const byte_encodings[] = {
		"UTF-8",       "UTF8",   "US-ASCII",     "ASCII", "ISO-8859-1",
		"ISO-8859-15", "LATIN1", "WINDOWS-1252", NULL,
	};
	static const char *const utf16_encodings[] = {"UTF-16", "UTF-16LE",
						      "UTF-16BE", NULL};
	const char *const *ok = u->size == 2 ? utf16_encodings : byte_encodings;
	char decl[256];
	const char *v, *e;
	char q;

	declaration(u, decl, sizeof(decl));
	v = strstr(decl, "encoding");
	if (!v)
		return TP_OK;
	v += 8;
	while (*v == ' ' || *v == '=' || *v == '\t' || *v == '\r' || *v == '\n')
		v++;
	if (*v != '"' && *v != '\'')
		return TP_OK; /* malformed: libxml2 says so */
	q = *v++;
	e = strchr(v, q);
	if (!e)
		return TP_OK;
	for (size_t i = 0; ok[i]; i++)
		if (ascii_iequal(v, (size_t)(e - v), ok[i]))
			return TP_OK;
	return fail_at(rd, TP_ERR_PARSE, 1,
		       "encoding \"%.*s\" is not supported; save the plan as "
		       "UTF-8",
		       (int)(e - v > 40 ? 40 : e - v), v);
}

static bool
bytes_are(const unsigned char *b, size_t len, const char *sig, size_t n)
{
	return len >= n && memcmp(b, sig, n) == 0;
}

/* How libxml2 2.9.14 guesses the encoding from the first bytes
 * (xmlDetectCharEncoding), so that the scan reads the text as the parser
 * will. */
static enum tp_status
find_units(struct reader *rd, const char *data, size_t len, struct units *u)
{
	const unsigned char *b = (const unsigned char *)data;

	memset(u, 0, sizeof(*u));
	u->p = b;
	u->size = 1;
	if (bytes_are(b, len, "\0\0\0<", 4) ||
	    bytes_are(b, len, "<\0\0\0", 4) ||
	    bytes_are(b, len, "\0\0<\0", 4) || bytes_are(b, len, "\0<\0\0", 4))
		return fail_at(rd, TP_ERR_PARSE, 1,
			       "UTF-32 (UCS-4) is not supported; save the "
			       "plan as UTF-8");
	if (bytes_are(b, len, "\x4c\x6f\xa7\x94", 4))
		return fail_at(rd, TP_ERR_PARSE, 1,
			       "EBCDIC is not supported; save the plan as "
			       "UTF-8");
	if (bytes_are(b, len, "<\0?\0", 4) ||
	    bytes_are(b, len, "\xff\xfe", 2)) {
		u->size = 2;
	} else if (bytes_are(b, len, "\0<\0?", 4) ||
		   bytes_are(b, len, "\xfe\xff", 2)) {
		u->size = 2;
		u->big = true;
	}
	u->n = len / (size_t)u->size;
	if (u->size == 2 && len % 2)
		return fail_at(rd, TP_ERR_PARSE, 0,
			       "the file is UTF-16 but has an odd number of "
			       "bytes; is it cut short?");
	return check_declared_encoding(rd, u);
}

/* No NUL anywhere: libxml2 stops reading at one, so what follows it (after
 * the root element, say) would be silently ignored. */
static enum tp_status
check_no_nul(struct reader *rd, const struct units *u)
{
	size_t at = find_unit(u, 0, 0);

	if (at < u->n)
		return fail_at(rd, TP_ERR_PARSE, line_at(u, at),
			       "the file contains a NUL character; a "
			       "plan file is text");
	return TP_OK;
}

static enum tp_status
prescan(struct reader *rd, const char *data, size_t len)
{
	struct units u;
	enum tp_status rc = find_units(rd, data, len, &u);

	if (rc == TP_OK)
		rc = check_no_nul(rd, &u);
	if (rc == TP_OK)
		rc = scan_markup(rd, &u);
	return rc;
}

/* ---- parsing -------------------------------------------------------- */

/* SAX hook: the parser met <!DOCTYPE; stop before its internal subset. */
static void
on_internal_subset(void *ctx, const xmlChar *name, const xmlChar *ext_id,
		   const xmlChar *sys_id)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct reader *rd = ctxt->_private;

	(void)name;
	(void)ext_id;
	(void)sys_id;
	rd->doctype = true;
	rd->doctype_line = ctxt->input ? ctxt->input->line : 0;
	xmlStopParser(ctxt);
}

/* The text has passed prescan(). */
static enum tp_status
parse_xml(struct reader *rd, const char *data, size_t len, xmlDocPtr *out)
{
	const int options = XML_PARSE_NONET | XML_PARSE_BIG_LINES;
	xmlParserCtxtPtr ctxt;
	xmlDocPtr xdoc;

	ctxt = xmlNewParserCtxt();
	if (!ctxt)
		return fail_at(rd, TP_ERR_NOMEM, 0, "out of memory");
	ctxt->_private = rd;
	ctxt->sax->internalSubset = on_internal_subset;
	xdoc = xmlCtxtReadMemory(ctxt, data, (int)len, rd->source, NULL,
				 options);
	xmlFreeParserCtxt(ctxt);
	if (rd->doctype) {
		xmlFreeDoc(xdoc);
		rd->failed = false; /* the DOCTYPE is the error to report */
		return fail_at(rd, TP_ERR_PARSE, rd->doctype_line,
			       "DOCTYPE declarations are not allowed in plan "
			       "files");
	}
	if (!xdoc || rd->failed) {
		xmlFreeDoc(xdoc);
		return fail_at(rd, TP_ERR_PARSE, 0,
			       "not a well-formed XML "
			       "document");
	}
	*out = xdoc;
	return TP_OK;
}

/* ---- schema --------------------------------------------------------- */

static bool
schema_in(const char *dir, char *path, size_t size)
{
	int n;

	if (!dir || !*dir)
		return false;
	n = snprintf(path, size, "%s/%s", dir, TP_PLAN_XML_SCHEMA);
	return n > 0 && (size_t)n < size && access(path, R_OK) == 0;
}

/* $TP_SCHEMA_DIR, then the installed copy, then the source tree: an
 * installed program uses the schema installed with it even where the tree
 * it was built from still exists, perhaps newer (#9). Tests name the
 * tree's copy in $TP_SCHEMA_DIR. */
static enum tp_status
find_schema(struct reader *rd, char *path, size_t size)
{
	if (schema_in(getenv("TP_SCHEMA_DIR"), path, size) ||
	    schema_in(TP_DATADIR, path, size) ||
	    schema_in(TP_SOURCE_DATADIR, path, size))
		return TP_OK;
	return fail_at(rd, TP_ERR_IO, 0,
		       "cannot find the schema %s (looked in $TP_SCHEMA_DIR, "
		       "%s and %s)",
		       TP_PLAN_XML_SCHEMA, TP_DATADIR, TP_SOURCE_DATADIR);
}

static bool
is_xsd(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
	       !strcmp((const char *)n->ns->href,
		       "http://www.w3.org/2001/XMLSchema") &&
	       !strcmp((const char *)n->name, name);
}

/* Our schemas are self-contained: a schema that imports, includes or
 * redefines another would make libxml2's schema parser read that one
 * itself, with entity substitution and over the network. */
static bool
self_contained(xmlNodePtr root)
{
	for (xmlNodePtr c = root ? root->children : NULL; c; c = c->next)
		if (is_xsd(c, "import") || is_xsd(c, "include") ||
		    is_xsd(c, "redefine") || is_xsd(c, "override"))
			return false;
	return root && !root->doc->intSubset;
}

/* The schema document, read without network, DTD or entities. */
static enum tp_status
load_schema_doc(struct reader *rd, const char *path, xmlDocPtr *out)
{
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	xmlDocPtr doc;

	if (!ctxt)
		return fail_at(rd, TP_ERR_NOMEM, 0, "out of memory");
	doc = xmlCtxtReadFile(ctxt, path, NULL,
			      XML_PARSE_NONET | XML_PARSE_NOCDATA);
	xmlFreeParserCtxt(ctxt);
	rd->failed = false; /* the schema's own errors are reported as one */
	if (!doc)
		return fail_at(rd, TP_ERR_IO, 0, "cannot read the schema %s",
			       path);
	if (!self_contained(xmlDocGetRootElement(doc))) {
		xmlFreeDoc(doc);
		return fail_at(rd, TP_ERR_IO, 0,
			       "the schema %s refers to other documents or "
			       "has a DOCTYPE; reinstall tenderplan",
			       path);
	}
	*out = doc;
	return TP_OK;
}

/* Where the streaming validator is, for its messages. */
static int
locate_in_stream(void *ctx, const char **file, unsigned long *line)
{
	xmlParserCtxtPtr ctxt = ctx;

	*file = NULL;
	*line = ctxt->input && ctxt->input->line > 0
			? (unsigned long)ctxt->input->line
			: 0;
	return 0;
}

/* The first validation error is the one reported: stop reading there.
 * libxml2 2.9.14's validator slows down more than quadratically with the
 * number of errors it reports (8,000 stages with two attributes that the
 * schema does not know, 300 KB, took 5.6 s; 60,000 did not finish in ten
 * minutes), so it must not go on (#9). */
/* The element a streaming validator's error is about: the last one named
 * as its message names it ("Element '{urn:...}stage'") that starts on or
 * before the error's line (a missing child is reported at the end tag). */
static void
last_named_before(xmlNodePtr n, const char *name, long line, xmlNodePtr *best)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (xmlGetLineNo(n) > line)
			return;
		if (!strcmp((const char *)n->name, name))
			*best = n;
		last_named_before(n->children, name, line, best);
	}
}

static xmlNodePtr
node_of(const struct reader *rd, const xmlError *e)
{
	const char *m = e->message ? strstr(e->message, "Element '") : NULL;
	char name[128];
	size_t k = 0;
	xmlNodePtr best = NULL;

	if (!m || !rd->tree)
		return NULL;
	m += strlen("Element '");
	if (*m == '{' && (m = strchr(m, '}')))
		m++;
	while (m && *m && *m != '\'' && k + 1 < sizeof(name))
		name[k++] = *m++;
	name[k] = '\0';
	last_named_before(xmlDocGetRootElement(rd->tree), name, e->line, &best);
	return best;
}

static void
on_validation_error(void *ctx, xmlErrorPtr e)
{
	struct reader *rd = ctx;
	xmlError copy;

	if (!e || rd->failed)
		return;
	copy = *e;
	if (!copy.node)
		copy.node = node_of(rd, e);
	report_xml_error(rd, &copy, rd->xsd);
	if (rd->failed && rd->vparser)
		xmlStopParser(rd->vparser);
}

/* Validate by reading @data again, without building a tree, through
 * libxml2's schema validator (xmlSchemaSAXPlug). The first reading has
 * already refused a DOCTYPE and checked the root element. */
static enum tp_status
validate_stream(struct reader *rd, xmlSchemaPtr schema, const char *data,
		size_t len)
{
	xmlSchemaValidCtxtPtr vctxt = xmlSchemaNewValidCtxt(schema);
	xmlParserCtxtPtr ctxt =
		vctxt ? xmlCreateMemoryParserCtxt(data, (int)len) : NULL;
	xmlSchemaSAXPlugPtr plug = NULL;
	enum tp_status rc = TP_OK;

	if (!ctxt) {
		rc = fail_at(rd, TP_ERR_NOMEM, 0, "out of memory");
		goto out;
	}
	/* No tree, no callbacks of our own: only the validator's. */
	memset(ctxt->sax, 0, sizeof(*ctxt->sax));
	ctxt->sax->initialized = XML_SAX2_MAGIC;
	xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
	rd->vparser = ctxt;
	xmlSchemaSetValidStructuredErrors(vctxt, on_validation_error, rd);
	xmlSchemaValidateSetLocator(vctxt, locate_in_stream, ctxt);
	plug = xmlSchemaSAXPlug(vctxt, &ctxt->sax, &ctxt->userData);
	if (!plug) {
		rc = fail_at(rd, TP_ERR_NOMEM, 0, "out of memory");
		goto out;
	}
	xmlParseDocument(ctxt);
	xmlSchemaSAXUnplug(plug);
	if (rd->failed)
		rc = rd->err ? rd->err->code : TP_ERR_PARSE;
	else if (xmlSchemaIsValid(vctxt) != 1)
		rc = fail_at(rd, TP_ERR_PARSE, 0,
			     "the plan does not follow the schema");
out:
	rd->vparser = NULL;
	xmlFreeParserCtxt(ctxt);
	xmlSchemaFreeValidCtxt(vctxt);
	return rc;
}

/* Compile the schema into the reader object, once. */
static enum tp_status
load_schema(struct reader *rd)
{
	struct tp_plan_reader *o = rd->owner;
	enum tp_status rc;

	if (o->schema)
		return TP_OK;
	rc = find_schema(rd, o->xsd, sizeof(o->xsd));
	if (rc == TP_OK)
		rc = load_schema_doc(rd, o->xsd, &o->sdoc);
	if (rc != TP_OK)
		return rc;
	o->pctxt = xmlSchemaNewDocParserCtxt(o->sdoc);
	if (o->pctxt) {
		xmlSchemaSetParserStructuredErrors(o->pctxt, on_xml_error, rd);
		o->schema = xmlSchemaParse(o->pctxt);
		/* The handler names this read's reader: not the next. */
		xmlSchemaSetParserStructuredErrors(o->pctxt, NULL, NULL);
	}
	if (!o->schema) {
		xmlSchemaFreeParserCtxt(o->pctxt);
		xmlFreeDoc(o->sdoc);
		o->pctxt = NULL;
		o->sdoc = NULL;
		rd->failed = false;
		return fail_at(rd, TP_ERR_IO, 0, "cannot load the schema %s",
			       o->xsd);
	}
	return TP_OK;
}

static enum tp_status
validate(struct reader *rd, const char *data, size_t len)
{
	enum tp_status rc = load_schema(rd);

	if (rc != TP_OK)
		return rc;
	rd->xsd = rd->owner->xsd;
	rc = validate_stream(rd, rd->owner->schema, data, len);
	rd->xsd = NULL;
	return rc;
}

static enum tp_status
check_root(struct reader *rd, xmlDocPtr xdoc)
{
	xmlNodePtr root = xmlDocGetRootElement(xdoc);
	const char *ns;

	if (!root)
		return fail_at(rd, TP_ERR_PARSE, 0, "empty document");
	ns = root->ns && root->ns->href ? (const char *)root->ns->href : "";
	if (strcmp((const char *)root->name, "plan") != 0 ||
	    strcmp(ns, TP_PLAN_XML_NS) != 0)
		return fail_at(rd, TP_ERR_PARSE, node_line(root),
			       "root element is '%s' in namespace '%s'; "
			       "expected 'plan' in namespace '%s'",
			       (const char *)root->name, ns, TP_PLAN_XML_NS);
	return TP_OK;
}

/* ---- small helpers on the validated tree ---------------------------- */



static enum tp_status
parse_date(struct reader *rd, xmlNodePtr n, const char *name,
	   struct tp_date *out, bool *present)
{
	char *v = tp_xml_attr(n, name);
	struct tp_error e;
	enum tp_status rc = TP_OK;

	*present = v != NULL;
	if (v && tp_date_parse(v, (long)strlen(v), out, &e) != TP_OK)
		rc = fail_at(rd, e.code, node_line(n), "%s=\"%s\": %s", name, v,
			     e.message);
	xmlFree(v);
	return rc;
}

static enum tp_status
need_date(struct reader *rd, xmlNodePtr n, const char *name,
	  struct tp_date *out)
{
	bool present;
	enum tp_status rc = parse_date(rd, n, name, out, &present);

	if (rc == TP_OK && !present)
		rc = fail_at(rd, TP_ERR_PARSE, node_line(n),
			     "missing attribute '%s'", name);
	return rc;
}

/* Integer attribute (already range-checked by the schema). */
static long
int_attr(xmlNodePtr n, const char *name, long dflt)
{
	char *v = tp_xml_attr(n, name);
	long r = v ? strtol(v, NULL, 10) : dflt;

	xmlFree(v);
	return r;
}

static char *
text_of(xmlNodePtr n)
{
	return (char *)xmlNodeGetContent(n);
}

/* ---- calendar, anchors, rules --------------------------------------- */

static enum tp_status
read_region(struct reader *rd, xmlNodePtr n, const char *name,
	    enum tp_region *out)
{
	char *v = tp_xml_attr(n, name);
	enum tp_status rc = TP_OK;

	if (v)
		rc = locate(rd, tp_region_from_name(v, out, rd->err),
			    node_line(n));
	xmlFree(v);
	return rc;
}

static enum tp_status
read_closure(struct reader *rd, xmlNodePtr n)
{
	struct tp_date from, to;
	enum tp_status rc = need_date(rd, n, "from", &from);
	char *name;

	if (rc == TP_OK)
		rc = need_date(rd, n, "to", &to);
	if (rc != TP_OK)
		return rc;
	name = tp_xml_attr(n, "name");
	rc = locate(rd,
		    tp_plan_doc_add_closure(rd->doc, from, to, name, rd->err),
		    node_line(n));
	xmlFree(name);
	return rc;
}

static enum tp_status
read_holiday(struct reader *rd, xmlNodePtr n)
{
	struct tp_date d;
	enum tp_status rc = need_date(rd, n, "date", &d);
	char *name;

	if (rc != TP_OK)
		return rc;
	name = tp_xml_attr(n, "name");
	rc = locate(rd, tp_plan_doc_add_holiday(rd->doc, d, name, rd->err),
		    node_line(n));
	xmlFree(name);
	return rc;
}

static enum tp_status
read_ics(struct reader *rd, xmlNodePtr n)
{
	char *href = tp_xml_attr(n, "href");
	char *mode = tp_xml_attr(n, "mode");
	enum tp_ics_mode m =
		mode && !strcmp(mode, "replace") ? TP_ICS_REPLACE : TP_ICS_ADD;
	enum tp_status rc =
		locate(rd, tp_plan_doc_set_ics(rd->doc, href, m, rd->err),
		       node_line(n));

	rd->ics_line = node_line(n);
	xmlFree(href);
	xmlFree(mode);
	return rc;
}

static enum tp_status
read_calendar(struct reader *rd, xmlNodePtr n)
{
	enum tp_region region = TP_REGION_ENGLAND_AND_WALES;
	enum tp_status rc = read_region(rd, n, "region", &region);

	tp_plan_doc_set_region(rd->doc, region);
	for (xmlNodePtr c = n->children; c && rc == TP_OK; c = c->next) {
		if (tp_xml_is_elem(c, "closure"))
			rc = read_closure(rd, c);
		else if (tp_xml_is_elem(c, "holiday"))
			rc = read_holiday(rd, c);
		else if (tp_xml_is_elem(c, "ics"))
			rc = read_ics(rd, c);
	}
	return rc;
}

static enum tp_status
read_anchors(struct reader *rd, xmlNodePtr n)
{
	struct tp_plan *plan = rd->doc->plan;
	struct tp_date d;
	bool present;
	enum tp_status rc = parse_date(rd, n, "start", &d, &present);

	if (rc == TP_OK && present)
		rc = locate(rd, tp_plan_set_start_date(plan, d, rd->err),
			    node_line(n));
	if (rc == TP_OK)
		rc = parse_date(rd, n, "contract-start", &d, &present);
	if (rc == TP_OK && present)
		rc = locate(rd, tp_plan_set_contract_start(plan, d, rd->err),
			    node_line(n));
	return rc;
}

static enum tp_status
copy_attr(struct reader *rd, xmlNodePtr n, const char *name, char *dst,
	  size_t size)
{
	char *v = tp_xml_attr(n, name);
	enum tp_status rc = TP_OK;

	if (v && strlen(v) >= size)
		rc = fail_at(rd, TP_ERR_PARSE, node_line(n),
			     "attribute '%s' is too long", name);
	else if (v)
		memcpy(dst, v, strlen(v) + 1);
	xmlFree(v);
	return rc;
}

/* Without the attribute the defaults of tp_rules_config_init() stay. */
static enum tp_status
read_claims(struct reader *rd, xmlNodePtr n, unsigned *claims)
{
	char *v = tp_xml_attr(n, "claims");
	enum tp_status rc = TP_OK;
	char *save = NULL;

	if (v)
		*claims = 0;
	for (char *w = v ? strtok_r(v, " \t\r\n", &save) : NULL;
	     w && rc == TP_OK; w = strtok_r(NULL, " \t\r\n", &save)) {
		enum tp_claim c = 0;
		rc = locate(rd, tp_plan_claim_from_name(w, &c, rd->err),
			    node_line(n));
		*claims |= (unsigned)c;
	}
	xmlFree(v);
	return rc;
}

static enum tp_status
read_local(struct reader *rd, xmlNodePtr n, struct tp_rules_config *r)
{
	char *unit = tp_xml_attr(n, "standstill-unit");

	r->local_standstill_days = (int32_t)int_attr(n, "standstill-days", 0);
	r->local_standstill_working_days =
		unit && !strcmp(unit, "working-days");
	r->local_min_tender_days = (int32_t)int_attr(n, "min-tender-days", 0);
	r->local_report_days = (int32_t)int_attr(n, "report-days", 0);
	xmlFree(unit);
	return copy_attr(rd, n, "citation", r->local_citation,
			 sizeof(r->local_citation));
}

static enum tp_status
read_rules_children(struct reader *rd, xmlNodePtr n, struct tp_rules_config *r)
{
	enum tp_status rc = TP_OK;

	for (xmlNodePtr c = n->children; c && rc == TP_OK; c = c->next) {
		if (tp_xml_is_elem(c, "local"))
			rc = read_local(rd, c, r);
		else if (tp_xml_is_elem(c, "lead-in"))
			r->min_lead_in_days =
				(int32_t)int_attr(c, "min-days", 0);
	}
	return rc;
}

/* regime, procedure, authority and notice-means (names checked by the
 * schema). No regime attribute: by date (tp_rules_config_init()). */
static enum tp_status
read_rule_names(struct reader *rd, xmlNodePtr n, struct tp_rules_config *r)
{
	char *regime = tp_xml_attr(n, "regime");
	char *proc = tp_xml_attr(n, "procedure");
	char *means = tp_xml_attr(n, "notice-means");
	char *authority = tp_xml_attr(n, "authority");
	enum tp_status rc = TP_OK;

	if (regime)
		rc = tp_regime_from_name(regime, &r->regime, rd->err);
	if (rc == TP_OK && proc)
		rc = tp_procedure_from_name(proc, &r->procedure, rd->err);
	if (rc == TP_OK && authority)
		rc = tp_authority_from_name(authority, &r->authority, rd->err);
	if (means)
		r->notice_means = strcmp(means, "other") ? TP_NOTICE_ELECTRONIC
							 : TP_NOTICE_OTHER;
	xmlFree(regime);
	xmlFree(proc);
	xmlFree(means);
	xmlFree(authority);
	return locate(rd, rc, node_line(n));
}

/* authority-kind, health-service and cpv (#14; names and the CPV pattern
 * checked by the schema, the names again here). */
static enum tp_status
read_health_settings(struct reader *rd, xmlNodePtr n, struct tp_rules_config *r)
{
	char *kind = tp_xml_attr(n, "authority-kind");
	char *health = tp_xml_attr(n, "health-service");
	enum tp_status rc = TP_OK;

	if (kind)
		rc = tp_authority_kind_from_name(kind, &r->authority_kind,
						 rd->err);
	if (rc == TP_OK && health)
		rc = tp_health_service_from_name(health, &r->health_service,
						 rd->err);
	xmlFree(kind);
	xmlFree(health);
	rc = locate(rd, rc, node_line(n));
	return rc == TP_OK ? copy_attr(rd, n, "cpv", r->cpv, sizeof(r->cpv))
			   : rc;
}

/* Without a jurisdiction attribute the rules follow the calendar's region
 * where that is a part of the UK (a plan read before the attribute was
 * written out, or written by hand). */
static void
default_jurisdiction(struct reader *rd, struct tp_rules_config *r)
{
	enum tp_region region = tp_plan_doc_region(rd->doc);

	if (region == TP_REGION_ENGLAND_AND_WALES ||
	    region == TP_REGION_SCOTLAND ||
	    region == TP_REGION_NORTHERN_IRELAND)
		r->jurisdiction = region;
}

static enum tp_status
read_rules(struct reader *rd, xmlNodePtr n)
{
	struct tp_rules_config r;
	bool present;
	enum tp_status rc;

	tp_rules_config_init(&r);
	default_jurisdiction(rd, &r);
	rc = read_rule_names(rd, n, &r);
	if (rc == TP_OK)
		rc = read_claims(rd, n, &r.claims);
	if (rc == TP_OK)
		rc = read_region(rd, n, "jurisdiction", &r.jurisdiction);
	if (rc == TP_OK)
		rc = parse_date(rd, n, "incumbent-end", &r.incumbent_end,
				&present);
	r.has_incumbent_end = rc == TP_OK && present;
	if (rc == TP_OK)
		rc = parse_date(rd, n, "framework-concluded",
				&r.framework_concluded, &present);
	r.has_framework_concluded = rc == TP_OK && present;
	if (rc == TP_OK)
		rc = parse_date(rd, n, "standstill-end", &r.standstill_end,
				&present);
	r.has_standstill_end = rc == TP_OK && present;
	if (rc == TP_OK)
		rc = read_health_settings(rd, n, &r);
	if (rc == TP_OK)
		rc = read_rules_children(rd, n, &r);
	if (rc == TP_OK)
		rc = locate(rd, tp_plan_doc_set_rules(rd->doc, &r, rd->err),
			    node_line(n));
	rd->has_rules = true;
	return rc;
}

/* A plan without <rules>: the defaults, in the calendar's part of the
 * UK. */
static enum tp_status
default_rules(struct reader *rd)
{
	struct tp_rules_config r;

	if (rd->has_rules)
		return TP_OK;
	tp_rules_config_init(&r);
	default_jurisdiction(rd, &r);
	return tp_plan_doc_set_rules(rd->doc, &r, rd->err);
}

/* ---- stages --------------------------------------------------------- */

static enum tp_status
read_stage_texts(struct reader *rd, xmlNodePtr n, size_t index)
{
	struct tp_plan *plan = rd->doc->plan;
	enum tp_status rc = TP_OK;

	for (xmlNodePtr c = n->children; c && rc == TP_OK; c = c->next) {
		char *t;
		if (!tp_xml_is_elem(c, "owner") && !tp_xml_is_elem(c, "notes"))
			continue;
		t = text_of(c);
		if (!t)
			return fail_at(rd, TP_ERR_NOMEM, 0, "out of memory");
		rc = tp_xml_is_elem(c, "owner")
			     ? tp_plan_set_stage_owner(plan, index, t, rd->err)
			     : tp_plan_set_stage_notes(plan, index, t, rd->err);
		rc = locate(rd, rc, node_line(c));
		xmlFree(t);
	}
	return rc;
}

static char *
stage_name(xmlNodePtr n)
{
	for (xmlNodePtr c = n->children; c; c = c->next)
		if (tp_xml_is_elem(c, "name"))
			return text_of(c);
	return NULL;
}

static enum tp_status
read_stage_time(struct reader *rd, xmlNodePtr n, size_t index)
{
	char *t = tp_xml_attr(n, "time");
	const char *id = tp_plan_stage_id(rd->doc->plan, index);
	enum tp_status rc = TP_OK;
	int minutes = 0;

	/* HH:MM: checked here, not left to the schema (#11: with a schema
	 * that allowed time="1", atoi(t + 3) read past the value). */
	if (t && !tp_hhmm_parse(t, &minutes)) {
		fail_at(rd, TP_ERR_PARSE, node_line(n),
			"stage '%s': time must be a time of day written "
			"HH:MM, from 00:00 to 23:59, not '%.16s'",
			id, t);
		if (rd->err)
			snprintf(rd->err->stage, sizeof(rd->err->stage), "%s",
				 id);
		rc = TP_ERR_PARSE;
	} else if (t) {
		rc = locate(rd,
			    tp_plan_set_stage_time(rd->doc->plan, index,
						   minutes, rd->err),
			    node_line(n));
	}
	xmlFree(t);
	return rc;
}

/* calendar="statutory": the stage counts on the statute's calendar. */
static enum tp_status
read_stage_calendar(struct reader *rd, xmlNodePtr n, size_t index)
{
	char *cal = tp_xml_attr(n, "calendar");
	enum tp_status rc = TP_OK;

	if (cal && strcmp(cal, "plan") != 0) {
		if (strcmp(cal, "statutory") != 0)
			rc = tp_error_setf(rd->err, TP_ERR_INVALID,
					   tp_plan_stage_id(rd->doc->plan,
							    index),
					   "stage '%s': calendar must be plan "
					   "or statutory, not '%.32s'",
					   tp_plan_stage_id(rd->doc->plan,
							    index),
					   cal);
		else
			rc = tp_plan_set_stage_calendar(
				rd->doc->plan, index,
				TP_STAGE_CALENDAR_STATUTORY, rd->err);
		rc = locate(rd, rc, node_line(n));
	}
	xmlFree(cal);
	return rc;
}

static enum tp_status
parse_kind_unit(struct reader *rd, xmlNodePtr n, enum tp_stage_kind *kind,
		enum tp_unit *unit)
{
	char *k = tp_xml_attr(n, "kind");
	char *u = tp_xml_attr(n, "unit");
	enum tp_status rc = TP_OK;

	*kind = TP_STAGE_CUSTOM;
	*unit = TP_UNIT_WORKING_DAYS;
	if (k)
		rc = tp_stage_kind_from_name(k, kind, rd->err);
	if (rc == TP_OK && u)
		rc = tp_unit_from_name(u, unit, rd->err);
	xmlFree(k);
	xmlFree(u);
	return locate(rd, rc, node_line(n));
}

static enum tp_status
add_stage(struct reader *rd, xmlNodePtr n, size_t *index)
{
	char *id = tp_xml_attr(n, "id");
	char *name = stage_name(n);
	enum tp_stage_kind kind;
	enum tp_unit unit;
	enum tp_status rc = parse_kind_unit(rd, n, &kind, &unit);

	if (rc == TP_OK)
		rc = locate(rd,
			    tp_plan_add_stage(
				    rd->doc->plan, id ? id : "", name, kind,
				    (int32_t)int_attr(n, "duration", 0), unit,
				    index, rd->err),
			    node_line(n));
	xmlFree(id);
	xmlFree(name);
	if (rc == TP_OK)
		rc = read_stage_time(rd, n, *index);
	if (rc == TP_OK)
		rc = read_stage_calendar(rd, n, *index);
	if (rc == TP_OK)
		rc = read_stage_texts(rd, n, *index);
	if (rc == TP_OK) /* meeting-xml.c: meeting and actual dates */
		rc = locate(rd,
			    tp_meetings_read_stage_xml(rd->doc->plan, n, *index,
						       rd->err),
			    node_line(n));
	return rc;
}

static enum tp_status
read_after(struct reader *rd, xmlNodePtr n, const char *to)
{
	char *from = tp_xml_attr(n, "stage");
	char *type = tp_xml_attr(n, "type");
	char *unit = tp_xml_attr(n, "lag-unit");
	enum tp_dep_type t = TP_DEP_FINISH_TO_START;
	enum tp_unit u = TP_UNIT_WORKING_DAYS;
	enum tp_status rc = TP_OK;

	if (!tp_plan_find_stage(rd->doc->plan, from ? from : "", NULL)) {
		rc = unknown_stage(rd, n, to, from ? from : "");
		goto out;
	}
	if (type)
		rc = tp_dep_type_from_name(type, &t, rd->err);
	if (rc == TP_OK && unit)
		rc = tp_unit_from_name(unit, &u, rd->err);
	if (rc == TP_OK)
		rc = tp_plan_add_dependency(rd->doc->plan, from ? from : "", to,
					    t, (int32_t)int_attr(n, "lag", 0),
					    u, rd->err);
	rc = locate(rd, rc, node_line(n));
out:
	xmlFree(from);
	xmlFree(type);
	xmlFree(unit);
	return rc;
}

static enum tp_status
read_constraint(struct reader *rd, xmlNodePtr n, const char *stage)
{
	char *type = tp_xml_attr(n, "type");
	enum tp_constraint_type t = TP_CONSTRAINT_START_NO_EARLIER_THAN;
	struct tp_date d;
	enum tp_status rc = need_date(rd, n, "date", &d);

	if (rc == TP_OK)
		rc = locate(rd,
			    tp_constraint_type_from_name(type ? type : "", &t,
							 rd->err),
			    node_line(n));
	if (rc == TP_OK)
		rc = locate(rd,
			    tp_plan_add_constraint(rd->doc->plan, stage, t, d,
						   rd->err),
			    node_line(n));
	xmlFree(type);
	return rc;
}

static enum tp_status
read_links(struct reader *rd, xmlNodePtr n, size_t index)
{
	const char *id = tp_plan_stage_id(rd->doc->plan, index);
	enum tp_status rc = TP_OK;

	for (xmlNodePtr c = n->children; c && rc == TP_OK; c = c->next) {
		if (tp_xml_is_elem(c, "after"))
			rc = read_after(rd, c, id);
		else if (tp_xml_is_elem(c, "constraint"))
			rc = read_constraint(rd, c, id);
	}
	return rc;
}

static size_t
count_stages(xmlNodePtr n)
{
	size_t count = 0;

	for (xmlNodePtr c = n->children; c; c = c->next)
		count += tp_xml_is_elem(c, "stage");
	return count;
}

/* All stages first, so that a dependency may name a later stage. A stage
 * tied to a meeting brings up to two derived stages after it (their line
 * is its own). */
static enum tp_status
read_stages(struct reader *rd, xmlNodePtr n)
{
	size_t count = 3 * count_stages(n), index = 0, k = 0;
	enum tp_status rc = TP_OK;

	rd->stage_lines = calloc(count + 1, sizeof(*rd->stage_lines));
	if (!rd->stage_lines)
		return fail_at(rd, TP_ERR_NOMEM, 0, "out of memory");
	for (xmlNodePtr c = n->children; c && rc == TP_OK; c = c->next) {
		if (!tp_xml_is_elem(c, "stage"))
			continue;
		rc = add_stage(rd, c, &index);
		for (; rc == TP_OK && k < tp_plan_stage_count(rd->doc->plan) &&
		       k < count;
		     k++)
			rd->stage_lines[k] = node_line(c);
	}
	for (xmlNodePtr c = n->children; c && rc == TP_OK; c = c->next) {
		char *id = tp_xml_is_elem(c, "stage") ? tp_xml_attr(c, "id") : NULL;
		if (id && tp_plan_find_stage(rd->doc->plan, id, &index))
			rc = read_links(rd, c, index);
		xmlFree(id);
	}
	return rc;
}

/* Committee meeting series (meeting-xml.c). */
static enum tp_status
read_meetings(struct reader *rd, xmlNodePtr n)
{
	int line = node_line(n);
	enum tp_status rc =
		tp_meetings_read_xml(rd->doc->plan, n, &line, rd->err);

	return locate(rd, rc, line);
}

/* ---- cycles --------------------------------------------------------- */

/* Successor lists in CSR form, for the cycle search. */
struct graph {
	size_t n;
	size_t *start; /* n + 1 */
	size_t *succ;
};

static bool
graph_build(const struct tp_plan *plan, struct graph *g)
{
	size_t nd = tp_plan_dependency_count(plan);
	struct tp_dependency d;

	g->n = tp_plan_stage_count(plan);
	g->start = calloc(g->n + 2, sizeof(*g->start));
	g->succ = calloc(nd + 1, sizeof(*g->succ));
	if (!g->start || !g->succ)
		return false;
	for (size_t i = 0; tp_plan_dependency(plan, i, &d); i++)
		g->start[d.from + 2]++;
	for (size_t v = 2; v <= g->n + 1; v++)
		g->start[v] += g->start[v - 1];
	for (size_t i = 0; tp_plan_dependency(plan, i, &d); i++)
		g->succ[g->start[d.from + 1]++] = d.to;
	return true;
}

static void
graph_free(struct graph *g)
{
	free(g->start);
	free(g->succ);
}

/* Iterative depth-first search; state 0 new, 1 on the path, 2 done. On a
 * back edge, @p from receives the path's parent links and @p hit the
 * stage where the cycle closes. */
static bool
find_back_edge(const struct graph *g, unsigned char *state, size_t *parent,
	       size_t *next, size_t root, size_t *hit, size_t *tail)
{
	size_t v = root;

	state[v] = 1;
	next[v] = g->start[v];
	for (;;) {
		if (next[v] < g->start[v + 1]) {
			size_t w = g->succ[next[v]++];
			if (state[w] == 1) {
				*hit = w;
				*tail = v;
				return true;
			}
			if (state[w] == 0) {
				parent[w] = v;
				state[w] = 1;
				next[w] = g->start[w];
				v = w;
			}
			continue;
		}
		state[v] = 2;
		if (v == root)
			return false;
		v = parent[v];
	}
}

static enum tp_status
report_cycle(struct reader *rd, const size_t *parent, size_t hit, size_t tail)
{
	const struct tp_plan *plan = rd->doc->plan;
	char msg[200] = "";
	size_t path[64], n = 0, len = 0;

	for (size_t v = tail; n < 64; v = parent[v]) {
		path[n++] = v;
		if (v == hit)
			break;
	}
	for (size_t i = n; i-- > 0;)
		len += (size_t)snprintf(
			msg + len, len < sizeof(msg) ? sizeof(msg) - len : 0,
			"%s -> ", tp_plan_stage_id(plan, path[i]));
	if (len < sizeof(msg))
		snprintf(msg + len, sizeof(msg) - len, "%s",
			 tp_plan_stage_id(plan, hit));
	fail_at(rd, TP_ERR_CYCLE, rd->stage_lines[hit], "dependency cycle: %s",
		msg);
	if (rd->err)
		snprintf(rd->err->stage, sizeof(rd->err->stage), "%s",
			 tp_plan_stage_id(plan, hit));
	return TP_ERR_CYCLE;
}

static enum tp_status
check_cycles(struct reader *rd)
{
	struct graph g = {0};
	unsigned char *state = NULL;
	size_t *parent = NULL, *next = NULL, hit = 0, tail = 0;
	enum tp_status rc = TP_OK;

	if (!graph_build(rd->doc->plan, &g) || !(state = calloc(g.n + 1, 1)) ||
	    !(parent = calloc(g.n + 1, sizeof(*parent))) ||
	    !(next = calloc(g.n + 1, sizeof(*next)))) {
		rc = fail_at(rd, TP_ERR_NOMEM, 0, "out of memory");
		goto out;
	}
	for (size_t v = 0; v < g.n && rc == TP_OK; v++)
		if (state[v] == 0 &&
		    find_back_edge(&g, state, parent, next, v, &hit, &tail))
			rc = report_cycle(rd, parent, hit, tail);
out:
	graph_free(&g);
	free(state);
	free(parent);
	free(next);
	return rc;
}

/* ---- the document --------------------------------------------------- */

static enum tp_status
read_plan_attrs(struct reader *rd, xmlNodePtr root)
{
	char *id = tp_xml_attr(root, "id");
	enum tp_status rc = TP_OK;

	if (id)
		rc = locate(rd, tp_plan_set_id(rd->doc->plan, id, rd->err),
			    node_line(root));
	xmlFree(id);
	id = tp_xml_attr(root, "revision"); /* xs:unsignedInt */
	tp_plan_set_revision(rd->doc->plan,
			     id ? (uint32_t)strtoul(id, NULL, 10) : 1);
	xmlFree(id);
	return rc;
}

static enum tp_status
read_text_child(struct reader *rd, xmlNodePtr c)
{
	char *t = text_of(c);
	enum tp_status rc;

	if (!t)
		return fail_at(rd, TP_ERR_NOMEM, 0, "out of memory");
	rc = tp_xml_is_elem(c, "name")
		     ? tp_plan_set_name(rd->doc->plan, t, rd->err)
		     : tp_plan_set_time_zone(rd->doc->plan, t, rd->err);
	xmlFree(t);
	return locate(rd, rc, node_line(c));
}

/* Stored snapshots of the schedule (snapshot-xml.c). */
static enum tp_status
read_snapshots(struct reader *rd, xmlNodePtr n)
{
	int line = node_line(n);
	enum tp_status rc = tp_snapshots_read_xml(rd->doc, n, &line, rd->err);

	return locate(rd, rc, line);
}

/* One child of <plan>. */
static enum tp_status
read_plan_child(struct reader *rd, xmlNodePtr c)
{
	if (tp_xml_is_elem(c, "name") || tp_xml_is_elem(c, "time-zone"))
		return read_text_child(rd, c);
	if (tp_xml_is_elem(c, "calendar"))
		return read_calendar(rd, c);
	if (tp_xml_is_elem(c, "anchors"))
		return read_anchors(rd, c);
	if (tp_xml_is_elem(c, "rules"))
		return read_rules(rd, c);
	if (tp_xml_is_elem(c, "meetings"))
		return read_meetings(rd, c);
	if (tp_xml_is_elem(c, "stages"))
		return read_stages(rd, c);
	if (tp_xml_is_elem(c, "snapshots"))
		return read_snapshots(rd, c);
	return TP_OK;
}

static enum tp_status
read_plan(struct reader *rd, xmlNodePtr root)
{
	enum tp_status rc = read_plan_attrs(rd, root);

	for (xmlNodePtr c = root->children; c && rc == TP_OK; c = c->next)
		rc = read_plan_child(rd, c);
	if (rc == TP_OK)
		rc = default_rules(rd);
	if (rc == TP_OK)
		rc = check_cycles(rd);
	return rc;
}

/* An error in the iCalendar file the plan names is reported against that
 * file and its line, which the reader set; the plan's line naming it is
 * added when there is room (#9: it used to blame the plan). */
static enum tp_status
build_calendar(struct reader *rd)
{
	enum tp_status rc;
	size_t n;

	if (rd->flags & TP_PLAN_READ_NO_CALENDAR)
		return TP_OK;
	rc = tp_plan_doc_build_calendar_shared(rd->doc, rd->base_dir,
					       rd->owner->cache, rd->err);
	if (rc == TP_OK || !rd->err || !rd->err->source[0] ||
	    !tp_plan_doc_ics(rd->doc, NULL) || rc == TP_ERR_NOMEM)
		return locate(rd, rc, 0);
	rd->failed = true;
	n = strlen(rd->err->message);
	snprintf(rd->err->message + n, sizeof(rd->err->message) - n,
		 " (holidays named by %s line %d)", rd->source, rd->ics_line);
	if (strlen(rd->err->message) == sizeof(rd->err->message) - 1)
		rd->err->message[n] = '\0'; /* no room: the message alone */
	return rc;
}

/* ---- reading while parsing ----------------------------------------- */

/* A big plan is mostly <stage> elements. Building libxml2's tree of all
 * of them and walking it again took most of the time of reading one (#11:
 * freeing 300,000 small nodes scattered over 80 MB cost more than
 * parsing). So the first reading reads each stage as its end tag is
 * parsed, checks it with the quick structural check (xml-check.c), keeps
 * its dependencies and constraints in a small record until every stage is
 * in the plan, and frees its subtree at once: the tree stays small and in
 * the cache. Whatever this reading does not expect (a stage the quick
 * check cannot pass, a DOCTYPE, a parse error, any error of the plan's
 * own, a stage tied to a meeting) makes it give up (rd->bail), and the
 * plan is read again the whole-tree way below, which words every error
 * exactly as before and alone asks the schema's validator. So a file
 * either reads here to the plan the tree reading would have built or is
 * read by that reading; tests/test-portfolio.c checks both ways agree. */

static enum tp_status
bail(struct reader *rd)
{
	rd->bail = true;
	return TP_ERR_INVALID;
}

/* Out of memory is reported, not retried the other way. */
static enum tp_status
bail_nomem(struct reader *rd)
{
	rd->bail = true;
	return fail_at(rd, TP_ERR_NOMEM, 0, "out of memory");
}

static bool
in_plan_ns(xmlNodePtr n)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
	       !strcmp((const char *)n->ns->href, TP_PLAN_XML_NS);
}

/* A <stage> child of <stages> child of the root <plan>. */
static bool
is_plan_stage(xmlNodePtr n)
{
	xmlNodePtr stages = n->parent, root = stages ? stages->parent : NULL;

	return tp_xml_is_elem(n, "stage") && in_plan_ns(n) && in_plan_ns(stages) &&
	       tp_xml_is_elem(stages, "stages") && in_plan_ns(root) &&
	       tp_xml_is_elem(root, "plan") && root->parent &&
	       root->parent->type == XML_DOCUMENT_NODE;
}

static enum tp_status
push_link(struct reader *rd, const struct pending_link *l)
{
	if (rd->n_links == rd->links_cap) {
		size_t cap = rd->links_cap ? 2 * rd->links_cap : 256;
		struct pending_link *p =
			realloc(rd->links, cap * sizeof(*rd->links));
		if (!p)
			return bail_nomem(rd);
		rd->links = p;
		rd->links_cap = cap;
	}
	rd->links[rd->n_links++] = *l;
	return TP_OK;
}

/* <after> or <constraint> of the stage at @index, into rd->links. The
 * quick check has passed them; what the names mean is looked up here. */
static enum tp_status
keep_link(struct reader *rd, xmlNodePtr n, size_t index)
{
	struct pending_link l = {.stage = index};
	char *a = NULL, *b = NULL;
	enum tp_status rc = TP_OK;

	if (tp_xml_is_elem(n, "after")) {
		a = tp_xml_attr(n, "stage");
		if (!a || strlen(a) >= sizeof(l.from))
			rc = bail(rd);
		else
			memcpy(l.from, a, strlen(a) + 1);
		xmlFree(a);
		a = tp_xml_attr(n, "type");
		b = tp_xml_attr(n, "lag-unit");
		l.dep = TP_DEP_FINISH_TO_START;
		l.unit = TP_UNIT_WORKING_DAYS;
		if (rc == TP_OK && a &&
		    tp_dep_type_from_name(a, &l.dep, NULL) != TP_OK)
			rc = bail(rd);
		if (rc == TP_OK && b &&
		    tp_unit_from_name(b, &l.unit, NULL) != TP_OK)
			rc = bail(rd);
		l.lag = (int32_t)int_attr(n, "lag", 0);
	} else if (tp_xml_is_elem(n, "constraint")) {
		l.constraint = true;
		a = tp_xml_attr(n, "type");
		if (need_date(rd, n, "date", &l.date) != TP_OK ||
		    tp_constraint_type_from_name(a ? a : "", &l.ctype, NULL) !=
			    TP_OK)
			rc = bail(rd);
	} else {
		return TP_OK;
	}
	xmlFree(a);
	xmlFree(b);
	return rc == TP_OK ? push_link(rd, &l) : rc;
}

/* @line for each stage the plan has gained (as read_stages() does). */
static enum tp_status
note_stage_lines(struct reader *rd, int line)
{
	size_t n = tp_plan_stage_count(rd->doc->plan);

	if (n + 1 > rd->lines_cap) {
		size_t cap = n + 1 > 2 * rd->lines_cap ? n + 64
						       : 2 * rd->lines_cap;
		int *p = realloc(rd->stage_lines, cap * sizeof(*p));
		if (!p)
			return bail_nomem(rd);
		rd->stage_lines = p;
		rd->lines_cap = cap;
	}
	for (; rd->n_lines < n; rd->n_lines++)
		rd->stage_lines[rd->n_lines] = line;
	return TP_OK;
}

/* Before the first stage: the root and what precedes <stages>, checked
 * (the quick check of the root sees them and this first stage, all the
 * tree holds) and read. */
static enum tp_status
read_head(struct reader *rd, xmlNodePtr stages)
{
	xmlNodePtr root = stages->parent;
	enum tp_status rc;

	if (!tp_plan_xml_plainly_valid(root) ||
	    tp_plan_doc_new(&rd->doc, rd->err) != TP_OK ||
	    read_plan_attrs(rd, root) != TP_OK)
		return bail(rd);
	for (xmlNodePtr c = root->children; c != stages; c = c->next)
		if ((rc = read_plan_child(rd, c)) != TP_OK)
			return bail(rd);
	rd->stages = stages;
	return TP_OK;
}

/* Free @stage and the white space before it: nothing else may be there
 * (the quick check would refuse it at the end). */
static enum tp_status
drop_stage(struct reader *rd, xmlNodePtr stage)
{
	xmlNodePtr stages = stage->parent;

	xmlUnlinkNode(stage);
	xmlFreeNode(stage);
	while (stages->children) {
		xmlNodePtr c = stages->children;
		const char *t = (const char *)c->content;
		if (c->type != XML_TEXT_NODE)
			return bail(rd);
		for (; t && *t; t++)
			if (*t != ' ' && *t != '\t' && *t != '\r' && *t != '\n')
				return bail(rd);
		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
	return TP_OK;
}

static enum tp_status
take_stage(struct reader *rd, xmlNodePtr n)
{
	size_t index = 0;
	enum tp_status rc = TP_OK;

	if (!rd->doc)
		rc = read_head(rd, n->parent);
	else if (n->parent != rd->stages ||
		 !tp_plan_xml_stage_plainly_valid(n))
		rc = bail(rd);
	/* A meeting series checks the ids of later stages (meeting-xml.c):
	 * not parsed yet. */
	if (rc == TP_OK && xmlHasProp(n, (const xmlChar *)"meeting"))
		rc = bail(rd);
	if (rc == TP_OK && add_stage(rd, n, &index) != TP_OK)
		rc = bail(rd);
	if (rc == TP_OK)
		rc = note_stage_lines(rd, node_line(n));
	for (xmlNodePtr c = n->children; c && rc == TP_OK; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			rc = keep_link(rd, c, index);
	return rc == TP_OK ? drop_stage(rd, n) : rc;
}

/* SAX: an end tag. The tree's own handler first, then a plan's stage is
 * read and dropped. */
static void
on_end_element(void *ctx, const xmlChar *localname, const xmlChar *prefix,
	       const xmlChar *uri)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct reader *rd = ctxt->_private;
	xmlNodePtr n = ctxt->node;

	xmlSAX2EndElementNs(ctx, localname, prefix, uri);
	if (rd->bail || !n || !is_plan_stage(n))
		return;
	if (take_stage(rd, n) != TP_OK || rd->failed) {
		rd->bail = true;
		xmlStopParser(ctxt);
	}
}

/* SAX: text. White space directly in <stages> or a <stage> (element-only
 * content: the quick check and the reading skip it) makes no node; all
 * other text goes to the tree's own handler. */
static void
on_characters(void *ctx, const xmlChar *ch, int len)
{
	xmlParserCtxtPtr ctxt = ctx;
	xmlNodePtr n = ctxt->node;
	int i = 0;

	if (n && (tp_xml_is_elem(n, "stage") || tp_xml_is_elem(n, "stages")) &&
	    in_plan_ns(n)) {
		while (i < len && (ch[i] == ' ' || ch[i] == '\n' ||
				   ch[i] == '\t' || ch[i] == '\r'))
			i++;
		if (i == len)
			return;
	}
	xmlSAX2Characters(ctx, ch, len);
}

static enum tp_status
apply_links(struct reader *rd)
{
	struct tp_plan *plan = rd->doc->plan;

	for (size_t i = 0; i < rd->n_links; i++) {
		const struct pending_link *l = &rd->links[i];
		const char *to = tp_plan_stage_id(plan, l->stage);
		enum tp_status rc =
			l->constraint
				? tp_plan_add_constraint(plan, to, l->ctype,
							 l->date, rd->err)
				: tp_plan_add_dependency(plan, l->from, to,
							 l->dep, l->lag,
							 l->unit, rd->err);
		if (rc != TP_OK)
			return bail(rd);
	}
	return TP_OK;
}

/* The rest, once parsed: the quick check of what the tree still holds,
 * the stages' links, what follows <stages>, then as read_plan(). */
static enum tp_status
read_tail(struct reader *rd, xmlDocPtr xdoc)
{
	xmlNodePtr root = xmlDocGetRootElement(xdoc);
	xmlNodePtr c = root ? root->children : NULL;

	if (check_root(rd, xdoc) != TP_OK ||
	    !tp_plan_xml_plainly_valid(root))
		return bail(rd);
	if (!rd->doc) { /* no stage: the whole tree is here */
		if (tp_plan_doc_new(&rd->doc, rd->err) != TP_OK ||
		    read_plan(rd, root) != TP_OK)
			return bail(rd);
		return TP_OK;
	}
	if (rd->stages->parent != root || apply_links(rd) != TP_OK)
		return bail(rd);
	while (c && c != rd->stages)
		c = c->next;
	for (c = c ? c->next : NULL; c; c = c->next)
		if (read_plan_child(rd, c) != TP_OK)
			return bail(rd);
	if (default_rules(rd) != TP_OK || check_cycles(rd) != TP_OK)
		return bail(rd);
	return TP_OK;
}

/* The reading while parsing; TP_OK with rd->doc, or rd->bail set. */
static enum tp_status
read_streaming(struct reader *rd, const char *data, size_t len)
{
	const int options = XML_PARSE_NONET | XML_PARSE_BIG_LINES;
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	xmlDocPtr xdoc;
	enum tp_status rc;

	if (!ctxt)
		return bail_nomem(rd);
	ctxt->_private = rd;
	ctxt->sax->internalSubset = on_internal_subset;
	ctxt->sax->endElementNs = on_end_element;
	/* Both, as libxml2 sends white space to the second only when they
	 * differ. */
	ctxt->sax->characters = on_characters;
	ctxt->sax->ignorableWhitespace = on_characters;
	xdoc = xmlCtxtReadMemory(ctxt, data, (int)len, rd->source, NULL,
				 options);
	xmlFreeParserCtxt(ctxt);
	if (rd->doctype || !xdoc || rd->failed || rd->bail)
		rc = bail(rd);
	else
		rc = read_tail(rd, xdoc);
	if (rd->failed)
		rc = bail(rd);
	xmlFreeDoc(xdoc);
	return rc;
}

/* Try the reading while parsing, with errors going to a scratch error
 * and libxml2's to the trial reader: TP_OK with the document in @rd;
 * TP_ERR_NOMEM reported in @rd; otherwise nothing changed in @rd and
 * @again set: read the whole tree. */
static enum tp_status
try_streaming(struct reader *rd, const char *data, size_t len, bool *again)
{
	struct tp_error scratch = {0};
	struct reader fast = {.owner = rd->owner,
			      .source = rd->source,
			      .base_dir = rd->base_dir,
			      .flags = rd->flags,
			      .err = &scratch};
	enum tp_status rc;

	xmlSetStructuredErrorFunc(&fast, on_xml_error);
	rc = read_streaming(&fast, data, len);
	xmlSetStructuredErrorFunc(rd, on_xml_error);
	free(fast.links);
	if (rc != TP_OK || fast.bail) {
		tp_plan_doc_free(fast.doc);
		free(fast.stage_lines);
		if (scratch.code != TP_ERR_NOMEM) {
			*again = true;
			return TP_ERR_INVALID;
		}
		rd->failed = true;
		if (rd->err)
			*rd->err = scratch;
		return TP_ERR_NOMEM;
	}
	rd->doc = fast.doc;
	rd->stage_lines = fast.stage_lines;
	rd->ics_line = fast.ics_line;
	rd->has_rules = fast.has_rules;
	return TP_OK;
}

/* ---- reading the whole tree ------------------------------------------ */

static enum tp_status
read_doc(struct reader *rd, const char *data, size_t len)
{
	xmlDocPtr xdoc = NULL;
	enum tp_status rc = prescan(rd, data, len);
	bool again = false;

	if (rc != TP_OK)
		return rc;
	/* Asked for the schema's validator: the whole tree. */
	if (!(rd->flags & TP_PLAN_READ_SCHEMA)) {
		rc = try_streaming(rd, data, len, &again);
		if (!again)
			return rc == TP_OK ? build_calendar(rd) : rc;
	}
	rc = parse_xml(rd, data, len, &xdoc);
	if (rc == TP_OK)
		rc = check_root(rd, xdoc);
	rd->tree = xdoc;
	/* The schema's validator only for a file the quick check cannot
	 * pass (#11), or when asked. */
	if (rc == TP_OK && ((rd->flags & TP_PLAN_READ_SCHEMA) ||
			    !tp_plan_xml_plainly_valid(
				    xmlDocGetRootElement(xdoc))))
		rc = validate(rd, data, len);
	rd->tree = NULL;
	if (rc == TP_OK)
		rc = tp_plan_doc_new(&rd->doc, rd->err);
	if (rc == TP_OK)
		rc = read_plan(rd, xmlDocGetRootElement(xdoc));
	if (rc == TP_OK)
		rc = build_calendar(rd);
	xmlFreeDoc(xdoc);
	return rc;
}

static enum tp_status
read_memory(struct tp_plan_reader *owner, const char *data, size_t len,
	    size_t file_size, const char *source_name, const char *base_dir,
	    unsigned flags, struct tp_plan_doc **out, struct tp_error *err)
{
	struct reader rd = {.owner = owner,
			    .source = source_name ? source_name : "<memory>",
			    .base_dir = base_dir,
			    .flags = flags,
			    .err = err};
	struct saved_handlers saved;
	enum tp_status rc;

	if (len > TP_PLAN_XML_MAX_SIZE)
		return fail_at(&rd, TP_ERR_PARSE, 0,
			       "file too large: %zu bytes, the limit is %u",
			       file_size > len ? file_size : len,
			       TP_PLAN_XML_MAX_SIZE);
	install_handlers(&rd, &saved);
	rc = read_doc(&rd, data, len);
	restore_handlers(&saved);
	free(rd.stage_lines);
	if (rc != TP_OK) {
		tp_plan_doc_free(rd.doc);
		return rc;
	}
	*out = rd.doc;
	return TP_OK;
}

static void
reader_clear(struct tp_plan_reader *r)
{
	xmlSchemaFree(r->schema);
	xmlSchemaFreeParserCtxt(r->pctxt);
	xmlFreeDoc(r->sdoc);
}

enum tp_status
tp_plan_doc_read_memory(const char *data, size_t len, const char *source_name,
			const char *base_dir, unsigned flags,
			struct tp_plan_doc **out, struct tp_error *err)
{
	if ((!data && len) || !out)
		return tp_error_null(err, __func__);
	struct tp_plan_reader once = {0};
	enum tp_status rc = read_memory(&once, data, len, 0, source_name,
					base_dir, flags, out, err);

	reader_clear(&once);
	return rc;
}

enum tp_status
tp_plan_doc_read_streamed(const char *data, size_t len, const char *source_name,
			  struct tp_plan_doc **out, struct tp_error *err)
{
	struct tp_plan_reader once = {0};
	struct reader rd = {.owner = &once,
			    .source = source_name ? source_name : "<memory>",
			    .base_dir = ".",
			    .flags = TP_PLAN_READ_NO_CALENDAR,
			    .err = err};
	struct saved_handlers saved;
	bool again = false;
	enum tp_status rc;

	if ((!data && len) || !out || len > TP_PLAN_XML_MAX_SIZE)
		return tp_error_null(err, __func__);
	install_handlers(&rd, &saved);
	rc = prescan(&rd, data ? data : "", len);
	if (rc == TP_OK)
		rc = try_streaming(&rd, data ? data : "", len, &again);
	restore_handlers(&saved);
	reader_clear(&once);
	free(rd.stage_lines);
	if (again)
		rc = tp_error_setf(err, TP_ERR_INVALID, NULL,
				   "the reading while parsing gave up");
	if (rc == TP_OK)
		*out = rd.doc;
	return rc;
}

TP_EXPORT enum tp_status
tp_plan_reader_new(struct tp_plan_reader **out, struct tp_error *err)
{
	struct tp_plan_reader *r;

	if (!out)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "no place to store the reader");
	r = calloc(1, sizeof(*r));
	if (!r)
		return tp_error_nomem(err);
	*out = r;
	return TP_OK;
}

TP_EXPORT void
tp_plan_reader_free(struct tp_plan_reader *reader)
{
	if (!reader)
		return;
	reader_clear(reader);
	free(reader);
}

TP_EXPORT void
tp_plan_reader_set_calendar_cache(struct tp_plan_reader *reader,
				  struct tp_calendar_cache *cache)
{
	if (reader)
		reader->cache = cache;
}

TP_EXPORT enum tp_status
tp_plan_reader_read_memory(struct tp_plan_reader *reader, const char *data,
			   size_t len, const char *source_name,
			   const char *base_dir, unsigned flags,
			   struct tp_plan_doc **out, struct tp_error *err)
{
	if (!reader || !out || (!data && len))
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "tp_plan_reader_read_memory needs a "
				     "reader, the text and a place for the "
				     "document");
	return read_memory(reader, data ? data : "", len, 0, source_name,
			   base_dir, flags, out, err);
}

/* ---- files ---------------------------------------------------------- */

/* The file at @path into a new buffer: at most TP_PLAN_XML_MAX_SIZE + 1
 * bytes (one more than the limit, so that a longer file is seen to be
 * one); its size as fstat(2) gives it to @size (0 if unknown). */
static enum tp_status
slurp(const char *path, char **data, size_t *len, size_t *size,
      struct tp_error *err)
{
	FILE *f = fopen(path, "rb");
	size_t cap = TP_PLAN_XML_MAX_SIZE + 1, n;
	struct stat st;
	char *buf;
	int e;

	if (!f)
		return tp_error_set_at(err, TP_ERR_IO, path, 0, 0,
				       "cannot open: %s", strerror(errno));
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(f);
		return tp_error_set_at(err, TP_ERR_IO, path, 0, 0,
				       "this is a directory, not a plan file");
	}
	*size = fstat(fileno(f), &st) == 0 && st.st_size > 0
			? (size_t)st.st_size
			: 0;
	/* A small file needs a small buffer (#11: 8 MiB for every plan). */
	if (*size > 0 && *size < cap)
		cap = *size + 1;
	buf = malloc(cap);
	if (!buf) {
		fclose(f);
		return tp_error_nomem(err);
	}
	n = fread(buf, 1, cap, f);
	if (n == cap && cap < TP_PLAN_XML_MAX_SIZE + 1 && !ferror(f)) {
		/* It grew since fstat(2): read on, up to the limit and one. */
		char *more = realloc(buf, TP_PLAN_XML_MAX_SIZE + 1);
		if (!more) {
			fclose(f);
			free(buf);
			return tp_error_nomem(err);
		}
		buf = more;
		n += fread(buf + n, 1, TP_PLAN_XML_MAX_SIZE + 1 - n, f);
	}
	if (ferror(f)) {
		e = errno;
		fclose(f);
		free(buf);
		return tp_error_set_at(err, TP_ERR_IO, path, 0, 0,
				       "cannot read the file: %s", strerror(e));
	}
	fclose(f);
	*data = buf;
	*len = n;
	return TP_OK;
}

/* The directory part of @p path ("." for none), in a new string. */
static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t n = slash ? (size_t)(slash - path) : 0;
	char *dir;

	if (!slash)
		return strdup(".");
	if (n == 0)
		n = 1; /* "/plan.xml" */
	dir = malloc(n + 1);
	if (dir) {
		memcpy(dir, path, n);
		dir[n] = '\0';
	}
	return dir;
}

static enum tp_status
read_file(struct tp_plan_reader *owner, const char *path, unsigned flags,
	  struct tp_plan_doc **out, struct tp_error *err)
{
	char *data = NULL, *dir = NULL;
	size_t len = 0, size = 0;
	enum tp_status rc = slurp(path, &data, &len, &size, err);

	if (rc != TP_OK)
		return rc;
	dir = dir_of(path);
	if (!dir)
		rc = tp_error_nomem(err);
	else
		rc = read_memory(owner, data, len, size, path, dir, flags, out,
				 err);
	free(dir);
	free(data);
	return rc;
}

enum tp_status
tp_plan_doc_read_file(const char *path, unsigned flags,
		      struct tp_plan_doc **out, struct tp_error *err)
{
	if (!path || !out)
		return tp_error_null(err, __func__);
	struct tp_plan_reader once = {0};
	enum tp_status rc = read_file(&once, path, flags, out, err);

	reader_clear(&once);
	return rc;
}

TP_EXPORT enum tp_status
tp_plan_reader_read_file(struct tp_plan_reader *reader, const char *path,
			 unsigned flags, struct tp_plan_doc **out,
			 struct tp_error *err)
{
	if (!reader || !path || !out)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "tp_plan_reader_read_file needs a reader, "
				     "a path and a place for the document");
	return read_file(reader, path, flags, out, err);
}
