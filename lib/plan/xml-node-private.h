/* SPDX-License-Identifier: MIT */
#ifndef TP_XML_NODE_PRIVATE_H
#define TP_XML_NODE_PRIVATE_H

/* Small questions about a libxml2 tree node, shared by the readers of the
 * plan format (xml-read.c, meeting-xml.c, snapshot-xml.c). */

#include <stdbool.h>
#include <string.h>

#include <libxml/tree.h>

/* Whether @p n is an element named @p name (the namespace is checked
 * once, at the root). */
static inline bool
tp_xml_is_elem(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	       !strcmp((const char *)n->name, name);
}

/* @p n's line in its file (1-based), or 0 when libxml2 does not know it
 * or it does not fit an int. */
static inline int
tp_xml_line(xmlNodePtr n)
{
	long line = xmlGetLineNo(n);
	return line > 0 && line < 0x7fffffff ? (int)line : 0;
}

/* An attribute's value (free with xmlFree), or NULL. */
static inline char *
tp_xml_attr(xmlNodePtr n, const char *name)
{
	return (char *)xmlGetNoNsProp(n, (const xmlChar *)name);
}

#endif
