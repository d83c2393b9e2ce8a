/* SPDX-License-Identifier: MIT */
#ifndef TP_XML_OUT_H
#define TP_XML_OUT_H

/* A streaming XML writer for the exports (#11): the markup is appended to
 * a struct tp_sbuf as it is written, with the layout of libxml2's
 * xmlTextWriter in indent mode ("  " a level, an empty element as <a/>),
 * so the documents are byte for byte what that writer made. Text and
 * attribute values that can hold anything are escaped by libxml2
 * (xmlEncodeSpecialChars, xmlAttrSerializeTxtContent); only values the
 * exports make themselves (numbers, dates, fixed words) go out as they
 * are, through the _raw functions. Unlike xmlTextWriter it allocates
 * nothing per element: the open elements' names are kept as pointers,
 * so a name must outlive its element (they are string literals).
 *
 * Errors are sticky: after the first failure nothing more is written and
 * every call returns that status, so a writer can be called in a row and
 * checked once. */

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

#include "export-private.h"

#define TP_XO_DEPTH 32 /* deepest nesting of elements (the exports use 8) */

struct tp_xo {
	struct tp_sbuf *out;
	struct tp_error *err;
	enum tp_status rc;
	xmlDocPtr doc;         /* its encoding tells libxml2 how to escape */
	xmlBufferPtr scratch;  /* an attribute value being escaped */
	size_t depth;          /* elements open */
	bool open;             /* the innermost start tag awaits its '>' */
	bool indent_end;       /* the next end tag goes on a line of its own */
	const char *names[TP_XO_DEPTH];
};

/* The bytes libxml2's escaping changes in text and in attribute values
 * (xml-out.c; exposed for test-xml-out). */
extern const char tp_xo_text_changed[];
extern const char tp_xo_attr_changed[];

/* Start writing to @p out. Free with tp_xo_close() or tp_xo_discard(). */
enum tp_status tp_xo_open(struct tp_xo *x, struct tp_sbuf *out,
			  struct tp_error *err);

/* <?xml version="1.0" encoding="UTF-8"?> (with standalone="yes" if
 * @p standalone); after it attribute values keep their UTF-8, before it
 * (an HTML page) libxml2 writes characters past ASCII as references. */
enum tp_status tp_xo_declaration(struct tp_xo *x, bool standalone);

/* <!DOCTYPE @p name> on a line of its own. */
enum tp_status tp_xo_doctype(struct tp_xo *x, const char *name);

enum tp_status tp_xo_start(struct tp_xo *x, const char *name);

/* An attribute of the element just started: @p value escaped by
 * libxml2; the _raw form writes @p value as it is (the export's own
 * numbers and words, never markup characters or quotes). */
enum tp_status tp_xo_attr(struct tp_xo *x, const char *name,
			  const char *value);
enum tp_status tp_xo_attr_raw(struct tp_xo *x, const char *name,
			      const char *value);
enum tp_status tp_xo_attr_long(struct tp_xo *x, const char *name, long v);
enum tp_status tp_xo_attr_date(struct tp_xo *x, const char *name,
			       struct tp_date d);

/* Character data: @p s escaped by libxml2 (NULL writes nothing). */
enum tp_status tp_xo_text(struct tp_xo *x, const char *s);

/* <name>text</name>: escaped, or as it is, or a number. */
enum tp_status tp_xo_elem(struct tp_xo *x, const char *name, const char *s);
enum tp_status tp_xo_elem_raw(struct tp_xo *x, const char *name,
			      const char *s);
enum tp_status tp_xo_elem_long(struct tp_xo *x, const char *name, long v);

enum tp_status tp_xo_end(struct tp_xo *x);

/* End every open element and free the writer; @return its status (the
 * first failure, with @p err as it was set then). */
enum tp_status tp_xo_close(struct tp_xo *x);

/* Free the writer after a failure, writing nothing more. */
void tp_xo_discard(struct tp_xo *x);

#endif
