/* SPDX-License-Identifier: MIT */
/* Small libxml2 helpers shared by the XML-based export tests. */
#ifndef EXPORT_XML_UTIL_H
#define EXPORT_XML_UTIL_H

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

/* Evaluate @p expr (prefix "s:" bound to @p ns if not NULL) and return
 * the node count, or the string value through @p str (xmlFree it). */
static inline int
xpath_count(xmlDocPtr doc, const char *ns, const char *expr)
{
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	if (ns)
		xmlXPathRegisterNs(ctx, BAD_CAST "s", BAD_CAST ns);
	xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST expr, ctx);
	int n = o && o->nodesetval ? o->nodesetval->nodeNr : -1;
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(ctx);
	return n;
}

static inline char *
xpath_string(xmlDocPtr doc, const char *ns, const char *expr)
{
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	if (ns)
		xmlXPathRegisterNs(ctx, BAD_CAST "s", BAD_CAST ns);
	xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST expr, ctx);
	xmlChar *s = o ? xmlXPathCastToString(o) : NULL;
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(ctx);
	char *r = strdup(s ? (const char *)s : "");
	xmlFree(s);
	return r;
}

#endif
