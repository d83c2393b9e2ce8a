/* SPDX-License-Identifier: MIT */
/* Plan-file errors in plain words (see xml-errors-private.h). libxml2
 * reports a structured error: a code, the element, the value (str1) and
 * for facets what was allowed (str2); the attribute is named only in its
 * message text. Here they become "stage 'evaluation': unit must be one of
 * working-days, calendar-days, weeks, months, not 'week'". The attribute
 * and element names allowed, and what a type means, come from the schema
 * file itself, read again as a document on this error path only. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <tenderplan/tp-plan-xml.h>

#include "suggest-private.h"
#include "xml-errors-private.h"

#define XS_NS     "http://www.w3.org/2001/XMLSchema"
#define MAX_NAMES 40
#define VALUE_MAX 40 /* bytes of a bad value quoted back */

/* What the schema's own types mean, in the words of docs/plan-format.md. */
static const struct {
	const char *type;
	const char *words;
} type_words[] = {
	{"date", "a date written YYYY-MM-DD"},
	{"time", "a time of day written HH:MM, from 00:00 to 23:59"},
	{"id", "1 to 63 letters, digits, '-', '_' or '.'"},
	{"plan-id", "1 to 255 letters, digits, '-', '_' or '.'"},
	{"amount", "a whole number from 0 to 100000"},
	{"lag", "a whole number from -100000 to 100000"},
	{"text", "text of at most 4096 characters"},
	{"cpv", "a CPV code: 8 digits, with an optional '-' and check digit "
		"(85323000-9)"},
	{"unsignedInt", "a whole number, 0 or more"},
	{"int", "a whole number"},
};

/* Elements whose type is written inline, by name. */
static const struct {
	const char *name;
	const char *words;
} inline_words[] = {
	{"time-zone", "a time zone name such as Europe/London (1 to 63 "
		      "characters, no spaces)"},
	{"citation", "text of at most 127 characters"},
};

/* ---- small string helpers ------------------------------------------- */

static void appendf(char *buf, size_t size, const char *fmt, ...)
	TP_PRINTF(3, 4);

static void
appendf(char *buf, size_t size, const char *fmt, ...)
{
	size_t len = strlen(buf);
	va_list ap;

	if (len + 1 >= size)
		return;
	va_start(ap, fmt);
	vsnprintf(buf + len, size - len, fmt, ap);
	va_end(ap);
}

/* "{urn:tenderplan:plan:1}stage" -> "stage"; "tp:date" -> "date". */
static const char *
local_name(const char *s)
{
	const char *brace = s ? strchr(s, '}') : NULL;
	const char *colon;

	if (!s)
		return "";
	if (brace)
		return brace + 1;
	colon = strchr(s, ':');
	return colon ? colon + 1 : s;
}

/* Copy @s without libxml2's "{namespace}" prefixes and trailing blanks. */
static void
strip_namespaces(const char *s, char *buf, size_t size)
{
	size_t n = 0;

	for (; s && *s && n + 1 < size; s++) {
		const char *end = *s == '{' ? strchr(s, '}') : NULL;
		if (end) {
			s = end;
			continue;
		}
		buf[n++] = *s == '\n' ? ' ' : *s;
	}
	while (n > 0 && buf[n - 1] == ' ')
		n--;
	buf[n] = '\0';
}

/* The text of @msg between @start and the next @stop, namespaces
 * stripped, into @buf; false if @start is not in @msg. */
static bool
between(const char *msg, const char *start, const char *stop, char *buf,
	size_t size)
{
	const char *p = msg ? strstr(msg, start) : NULL;
	const char *q;
	char raw[512];
	size_t n;

	if (!p)
		return false;
	p += strlen(start);
	q = strstr(p, stop);
	n = q ? (size_t)(q - p) : strlen(p);
	if (n >= sizeof(raw))
		n = sizeof(raw) - 1;
	memcpy(raw, p, n);
	raw[n] = '\0';
	strip_namespaces(raw, buf, size);
	return true;
}

/* Split a list written "'a', 'b'" or "a, b" (libxml2's sets and expected
 * lists) into names, in place; returns their number. */
static size_t
split_names(char *list, const char **names, size_t max)
{
	size_t n = 0;
	char *save = NULL;

	for (char *w = strtok_r(list, ", '()", &save); w && n < max;
	     w = strtok_r(NULL, ", '()", &save))
		names[n++] = w;
	return n;
}

static void
join_names(const char *const *names, size_t n, char *buf, size_t size)
{
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++)
		appendf(buf, size, "%s%s", i ? ", " : "", names[i]);
}

/* " (did you mean 'x'?)" when one of @names is near @typed, else "". */
static void
did_you_mean(const char *typed, const char *const *names, size_t n,
	     const char *open, const char *close, char *buf, size_t size)
{
	const char *best = tp_suggest_name(typed, names, n);

	buf[0] = '\0';
	if (best)
		snprintf(buf, size, " (did you mean %s%s%s?)", open, best,
			 close);
}

/* A value quoted back to the user, cut at VALUE_MAX bytes. */
static void
quote_value(const char *v, char *buf, size_t size)
{
	snprintf(buf, size, "%.*s%s", VALUE_MAX, v ? v : "",
		 v && strlen(v) > VALUE_MAX ? "..." : "");
}

/* ---- the schema as a document ---------------------------------------- */

static bool
is_xs(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns &&
	       !strcmp((const char *)n->ns->href, XS_NS) &&
	       !strcmp((const char *)n->name, name);
}

static bool
has_name(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)"name");
	bool same = v && !strcmp((const char *)v, name);

	xmlFree(v);
	return same;
}

/* A top-level complexType or simpleType called @name. */
static xmlNodePtr
top_type(xmlDocPtr xsd, const char *name)
{
	xmlNodePtr root = xmlDocGetRootElement(xsd);

	for (xmlNodePtr c = root ? root->children : NULL; c; c = c->next)
		if ((is_xs(c, "complexType") || is_xs(c, "simpleType")) &&
		    has_name(c, name))
			return c;
	return NULL;
}

/* The first xs:element called @name, depth first. */
static xmlNodePtr
find_element(xmlNodePtr n, const char *name)
{
	for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next) {
		xmlNodePtr hit;
		if (is_xs(c, "element") && has_name(c, name))
			return c;
		if ((hit = find_element(c, name)))
			return hit;
	}
	return NULL;
}

/* The type of declaration @decl (an xs:element or xs:attribute): its
 * inline type, the top-level type it names, or NULL (a built-in type,
 * whose name goes to @builtin). */
static xmlNodePtr
decl_type(xmlDocPtr xsd, xmlNodePtr decl, char *builtin, size_t size)
{
	xmlChar *t =
		decl ? xmlGetNoNsProp(decl, (const xmlChar *)"type") : NULL;
	xmlNodePtr type = NULL;

	builtin[0] = '\0';
	if (t) {
		snprintf(builtin, size, "%s", local_name((const char *)t));
		type = top_type(xsd, builtin);
		xmlFree(t);
		return type;
	}
	for (xmlNodePtr c = decl ? decl->children : NULL; c; c = c->next)
		if (is_xs(c, "complexType") || is_xs(c, "simpleType"))
			return c;
	return NULL;
}

static xmlNodePtr
element_type(xmlDocPtr xsd, const char *elem)
{
	char builtin[64];

	return decl_type(xsd, find_element(xmlDocGetRootElement(xsd), elem),
			 builtin, sizeof(builtin));
}

/* The value of declaration @c's name attribute (borrowed from the
 * schema document), or NULL. */
static const char *
decl_name(xmlNodePtr c)
{
	xmlAttrPtr a = xmlHasProp(c, (const xmlChar *)"name");

	return a && a->children ? (const char *)a->children->content : NULL;
}

static size_t
attribute_names(xmlNodePtr type, const char **names, size_t max)
{
	size_t n = 0;

	for (xmlNodePtr c = type ? type->children : NULL; c && n < max;
	     c = c->next)
		if (is_xs(c, "attribute") && decl_name(c))
			names[n++] = decl_name(c);
	return n;
}

/* The element names of a content model (sequence and choice, nested);
 * with @required, only those that must appear. */
static void
child_names(xmlNodePtr model, bool required, const char **names, size_t *n,
	    size_t max)
{
	for (xmlNodePtr c = model ? model->children : NULL; c && *n < max;
	     c = c->next) {
		xmlChar *min = xmlGetNoNsProp(c, (const xmlChar *)"minOccurs");
		bool optional = min && !strcmp((const char *)min, "0");
		xmlFree(min);
		if (required && optional)
			continue;
		if (is_xs(c, "element") && decl_name(c))
			names[(*n)++] = decl_name(c);
		else if (is_xs(c, "sequence") ||
			 (is_xs(c, "choice") && !required))
			child_names(c, required, names, n, max);
	}
}

static xmlNodePtr
attribute_decl(xmlNodePtr type, const char *attr)
{
	for (xmlNodePtr c = type ? type->children : NULL; c; c = c->next)
		if (is_xs(c, "attribute") && has_name(c, attr))
			return c;
	return NULL;
}

/* What a value of the schema type @type must be, in words, into @buf
 * (the subject's own words for the few types written inline); "" when
 * there are none. */
static void
type_in_words(const char *type, const char *subject, char *buf, size_t size)
{
	buf[0] = '\0';
	for (size_t i = 0; i < sizeof(inline_words) / sizeof(*inline_words);
	     i++)
		if (!strcmp(subject, inline_words[i].name))
			snprintf(buf, size, "%s", inline_words[i].words);
	for (size_t i = 0;
	     !buf[0] && type[0] && i < sizeof(type_words) / sizeof(*type_words);
	     i++)
		if (!strcmp(type, type_words[i].type))
			snprintf(buf, size, "%s", type_words[i].words);
}

/* ---- where in the plan --------------------------------------------- */

static bool
named(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE &&
	       !strcmp((const char *)n->name, name);
}

static xmlNodePtr
enclosing_stage(xmlNodePtr n)
{
	for (; n && n->type == XML_ELEMENT_NODE; n = n->parent)
		if (named(n, "stage") && named(n->parent, "stages"))
			return n;
	return NULL;
}

/* "stage 'evaluation'", "stage 'evaluation', after 'opening'",
 * "calendar, closure", "plan"; the stage id to @stage. */
static void
context_of(xmlNodePtr n, char *buf, size_t size, char *stage, size_t ssize)
{
	xmlNodePtr s = enclosing_stage(n);

	buf[0] = '\0';
	if (s) {
		xmlChar *id = xmlGetNoNsProp(s, (const xmlChar *)"id");
		if (id) {
			snprintf(buf, size, "stage '%s'", (const char *)id);
			snprintf(stage, ssize, "%s", (const char *)id);
		} else {
			snprintf(buf, size, "stage");
		}
		xmlFree(id);
		if (n != s) {
			xmlChar *from =
				xmlGetNoNsProp(n, (const xmlChar *)"stage");
			appendf(buf, size, ", %s", (const char *)n->name);
			if (from && named(n, "after"))
				appendf(buf, size, " '%s'", (const char *)from);
			xmlFree(from);
		}
		return;
	}
	if (!n || n->type != XML_ELEMENT_NODE || !n->parent ||
	    n->parent->type != XML_ELEMENT_NODE) {
		snprintf(buf, size, "plan");
		return;
	}
	context_of(n->parent, buf, size, stage, ssize);
	if (!strcmp(buf, "plan"))
		buf[0] = '\0';
	appendf(buf, size, "%s%s", buf[0] ? ", " : "", (const char *)n->name);
}

/* ---- schema errors -------------------------------------------------- */

struct described {
	const xmlError *e;
	xmlDocPtr xsd;
	xmlNodePtr node;   /* the element the error is about */
	char where[160];   /* context_of() the subject's owner */
	char subject[64];  /* the attribute, or the element with the value */
	char value[64];    /* the bad value, quoted back */
	bool is_attribute; /* subject is an attribute of node */
	struct tp_xml_problem *out;
};

static void say(struct described *d, const char *fmt, ...) TP_PRINTF(2, 3);

static void
say(struct described *d, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(d->out->message, sizeof(d->out->message), fmt, ap);
	va_end(ap);
}

/* "must be one of a, b, c, not 'v'", the list cut for room. */
static void
say_enumeration(struct described *d)
{
	char set[512], list[400], hint[96];
	const char *names[MAX_NAMES];
	size_t n;

	snprintf(set, sizeof(set), "%s", d->e->str2 ? d->e->str2 : "");
	n = split_names(set, names, MAX_NAMES);
	join_names(names, n, list, sizeof(list));
	did_you_mean(d->value, names, n, "'", "'", hint, sizeof(hint));
	if (strlen(d->where) + strlen(d->subject) + strlen(list) +
		    strlen(d->value) + strlen(hint) + 32 <
	    sizeof(d->out->message))
		say(d, "%s: %s must be one of %s, not '%s'%s", d->where,
		    d->subject, list, d->value, hint);
	else
		say(d,
		    "%s: %s must be one of the names tenderplan-plan(5) "
		    "lists, not '%s'%s",
		    d->where, d->subject, d->value, hint);
}

/* The subject's type in words: an attribute's, or an element's own. */
static void
subject_words(struct described *d, char *buf, size_t size)
{
	char type[64] = "";
	xmlNodePtr decl = NULL;

	if (d->xsd && d->is_attribute)
		decl = attribute_decl(
			element_type(d->xsd, (const char *)d->node->name),
			d->subject);
	else if (d->xsd)
		decl = find_element(xmlDocGetRootElement(d->xsd), d->subject);
	decl_type(d->xsd, decl, type, sizeof(type));
	type_in_words(type, d->subject, buf, size);
}

static void
say_bad_value(struct described *d)
{
	char words[160];

	subject_words(d, words, sizeof(words));
	if (!words[0]) {
		char raw[256];
		strip_namespaces(d->e->message, raw, sizeof(raw));
		say(d, "%s: %s: %s", d->where, d->subject,
		    strstr(raw, ": ") ? strstr(raw, ": ") + 2 : raw);
		return;
	}
	say(d, "%s: %s must be %s, not '%s'", d->where, d->subject, words,
	    d->value);
}

/* "The value has a length of '4100'; this exceeds the allowed maximum
 * length of '4096'": libxml2 orders str1 and str2 differently for
 * attributes and elements, so the numbers are read from the text. */
static void
say_too_long(struct described *d)
{
	char max[32] = "", has[32] = "";

	between(d->e->message, "maximum length of '", "'", max, sizeof(max));
	between(d->e->message, "has a length of '", "'", has, sizeof(has));
	if (max[0] && has[0])
		say(d, "%s: %s is longer than %s characters (it has %s)",
		    d->where, d->subject, max, has);
	else
		say(d, "%s: %s is too long", d->where, d->subject);
}

static void
say_unknown_attribute(struct described *d)
{
	const char *names[MAX_NAMES];
	char list[200], hint[96];
	size_t n = d->xsd ? attribute_names(
				    element_type(d->xsd,
						 (const char *)d->node->name),
				    names, MAX_NAMES)
			  : 0;

	join_names(names, n, list, sizeof(list));
	did_you_mean(d->subject, names, n, "'", "'", hint, sizeof(hint));
	if (n)
		say(d, "%s: unknown attribute '%s'%s (allowed: %s)", d->where,
		    d->subject, hint, list);
	else
		say(d, "%s: unknown attribute '%s' (this element takes none)",
		    d->where, d->subject);
}

/* Elements that may come here: libxml2's "Expected is ( ... )" list, else
 * every element of the parent's type. */
static size_t
allowed_children(struct described *d, char *buf, size_t size,
		 const char **names, size_t max)
{
	const char *m = d->e->message;
	size_t n = 0;

	if (between(m, "Expected is one of (", ")", buf, size) ||
	    between(m, "Expected is (", ")", buf, size))
		return split_names(buf, names, max);
	if (!d->xsd || !d->node->parent)
		return 0;
	child_names(element_type(d->xsd, (const char *)d->node->parent->name),
		    false, names, &n, max);
	return n;
}

static void
say_unexpected_element(struct described *d)
{
	char buf[400], list[300], hint[96], where[160], stage[64] = "";
	const char *names[MAX_NAMES];
	size_t n = allowed_children(d, buf, sizeof(buf), names, MAX_NAMES);
	const char *name = (const char *)d->node->name;

	context_of(d->node->parent, where, sizeof(where), stage, sizeof(stage));
	join_names(names, n, list, sizeof(list));
	did_you_mean(name, names, n, "<", ">", hint, sizeof(hint));
	if (d->node->ns == NULL ||
	    strcmp((const char *)d->node->ns->href, TP_PLAN_XML_NS) != 0)
		say(d, "%s: element <%s> is not in the plan namespace %s%s%s",
		    where, name, TP_PLAN_XML_NS, n ? "; expected here: " : "",
		    list);
	else if (strstr(d->e->message, "Expected is"))
		say(d, "%s: <%s> is not allowed here%s (expected here: %s)",
		    where, name, hint, list);
	else if (n)
		say(d,
		    "%s: <%s> is not allowed here%s (<%s> holds, in this "
		    "order: %s)",
		    where, name, hint, (const char *)d->node->parent->name,
		    list);
	else
		say(d, "%s: <%s> is not allowed here", where, name);
}

/* "Missing child element(s)": the required ones not there. */
static void
say_missing_child(struct described *d)
{
	const char *names[MAX_NAMES];
	char buf[400], list[300] = "";
	size_t n = 0;

	if (d->xsd)
		child_names(element_type(d->xsd, (const char *)d->node->name),
			    true, names, &n, MAX_NAMES);
	for (size_t i = 0; i < n; i++) {
		bool present = false;
		for (xmlNodePtr c = d->node->children; c; c = c->next)
			present = present || named(c, names[i]);
		if (!present)
			appendf(list, sizeof(list), "%s<%s>",
				list[0] ? ", " : "", names[i]);
	}
	if (list[0]) {
		say(d, "%s: missing element %s", d->where, list);
		return;
	}
	if (between(d->e->message, "Expected is one of (", ")", buf,
		    sizeof(buf)) ||
	    between(d->e->message, "Expected is (", ")", buf, sizeof(buf)))
		say(d, "%s: an element is missing (expected: %s)", d->where,
		    buf);
	else
		say(d, "%s: an element is missing", d->where);
}

static void
say_text_not_allowed(struct described *d, bool empty)
{
	const char *names[MAX_NAMES];
	char list[300];
	size_t n = 0;

	if (empty) {
		say(d, "%s: <%s> must be empty: text is not allowed in it",
		    d->where, (const char *)d->node->name);
		return;
	}
	if (d->xsd)
		child_names(element_type(d->xsd, (const char *)d->node->name),
			    false, names, &n, MAX_NAMES);
	join_names(names, n, list, sizeof(list));
	say(d,
	    "%s: text is not allowed directly inside <%s>; it belongs in one "
	    "of its elements (%s)",
	    d->where, (const char *)d->node->name, list);
}

/* Name the subject: the attribute the message names, or the element. */
static void
find_subject(struct described *d)
{
	char attr[64];
	xmlNodePtr owner = d->node;

	d->is_attribute =
		between(d->e->message, "attribute '", "'", attr, sizeof(attr));
	if (d->is_attribute) {
		snprintf(d->subject, sizeof(d->subject), "%s", attr);
	} else {
		snprintf(d->subject, sizeof(d->subject), "%s",
			 (const char *)d->node->name);
		owner = d->node->parent;
	}
	quote_value(d->e->str1, d->value, sizeof(d->value));
	context_of(owner, d->where, sizeof(d->where), d->out->stage,
		   sizeof(d->out->stage));
}

static void
describe_schema(struct described *d)
{
	switch (d->e->code) {
	case XML_SCHEMAV_CVC_ENUMERATION_VALID:
		say_enumeration(d);
		break;
	case XML_SCHEMAV_CVC_PATTERN_VALID:
	case XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_1:
	case XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_2:
	case XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_3:
	case XML_SCHEMAV_CVC_MININCLUSIVE_VALID:
	case XML_SCHEMAV_CVC_MAXINCLUSIVE_VALID:
	case XML_SCHEMAV_CVC_MINEXCLUSIVE_VALID:
	case XML_SCHEMAV_CVC_MAXEXCLUSIVE_VALID:
	case XML_SCHEMAV_CVC_MINLENGTH_VALID:
		say_bad_value(d);
		break;
	case XML_SCHEMAV_CVC_MAXLENGTH_VALID:
	case XML_SCHEMAV_CVC_LENGTH_VALID:
		say_too_long(d);
		break;
	case XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_1:
	case XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_2:
		say_unknown_attribute(d);
		break;
	case XML_SCHEMAV_CVC_COMPLEX_TYPE_4:
		context_of(d->node, d->where, sizeof(d->where), d->out->stage,
			   sizeof(d->out->stage));
		say(d, "%s: the attribute '%s' is required", d->where,
		    d->e->str1 ? d->e->str1 : "?");
		break;
	case XML_SCHEMAV_ELEMENT_CONTENT:
		context_of(d->node, d->where, sizeof(d->where), d->out->stage,
			   sizeof(d->out->stage));
		if (strstr(d->e->message, "Missing child"))
			say_missing_child(d);
		else
			say_unexpected_element(d);
		break;
	case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_1:
	case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_3:
		context_of(d->node, d->where, sizeof(d->where), d->out->stage,
			   sizeof(d->out->stage));
		say_text_not_allowed(
			d, d->e->code == XML_SCHEMAV_CVC_COMPLEX_TYPE_2_1);
		break;
	default: {
		char raw[256];
		strip_namespaces(d->e->message, raw, sizeof(raw));
		say(d, "%s: %s", d->where, raw);
	}
	}
}

/* ---- well-formedness errors ---------------------------------------- */

#define AMP_ADVICE                                                           \
	"write & as &amp; (or change the text with the tenderplan command, " \
	"which writes it for you)"

static void
describe_parser(const xmlError *e, struct tp_xml_problem *out)
{
	const char *m = e->message ? e->message : "";
	const char *s1 = e->str1 ? e->str1 : "";
	const char *s2 = e->str2 ? e->str2 : "";
	char raw[200];

	switch (e->code) {
	case XML_ERR_NAME_REQUIRED:
		if (strncmp(m, "xmlParseEntityRef", 17) != 0) {
			snprintf(out->message, sizeof(out->message),
				 "a '<' must begin a tag such as <stage>; to "
				 "write '<' in text, write &lt;");
			return;
		}
		snprintf(out->message, sizeof(out->message),
			 "a bare '&' in the text: %s", AMP_ADVICE);
		return;
	case XML_ERR_ENTITYREF_NO_NAME:
	case XML_ERR_ENTITYREF_SEMICOL_MISSING:
		snprintf(out->message, sizeof(out->message),
			 "a bare '&' in the text: %s", AMP_ADVICE);
		return;
	case XML_ERR_UNDECLARED_ENTITY:
	case XML_WAR_UNDECLARED_ENTITY:
		snprintf(out->message, sizeof(out->message),
			 "unknown entity '&%.40s;': plan files know only "
			 "&amp; &lt; &gt; &quot; &apos; - write the character "
			 "itself (the file is UTF-8), or %s",
			 s1, "&amp; for a bare '&'");
		return;
	case XML_ERR_TAG_NAME_MISMATCH:
		snprintf(out->message, sizeof(out->message),
			 "</%.40s> does not close <%.40s>, opened on line %d: "
			 "close elements in the order they were opened",
			 s2, s1, e->int1);
		return;
	case XML_ERR_TAG_NOT_FINISHED:
		snprintf(out->message, sizeof(out->message),
			 "the file ends inside <%.40s>, opened on line %d: "
			 "it is never closed",
			 s1, e->int1);
		return;
	case XML_ERR_DOCUMENT_EMPTY:
		snprintf(out->message, sizeof(out->message), "%s",
			 strstr(m, "Start tag")
				 ? "not a plan file: an XML plan begins with "
				   "<?xml ...?> or <plan"
				 : "the file is empty");
		return;
	case XML_ERR_DOCUMENT_END:
		snprintf(out->message, sizeof(out->message),
			 "more after the end of the plan: </plan> must be "
			 "the last tag of the file");
		return;
	case XML_ERR_ATTRIBUTE_REDEFINED:
		snprintf(out->message, sizeof(out->message),
			 "the attribute '%.40s' is written twice in one tag",
			 s1);
		return;
	case XML_ERR_ATTRIBUTE_NOT_STARTED:
	case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
		snprintf(out->message, sizeof(out->message),
			 "an attribute's value must be in quotes, as "
			 "id=\"evaluation\"");
		return;
	case XML_ERR_ATTRIBUTE_NOT_FINISHED:
		snprintf(out->message, sizeof(out->message),
			 "an attribute's value has no closing quote");
		return;
	case XML_ERR_LT_IN_ATTRIBUTE:
		snprintf(out->message, sizeof(out->message),
			 "a '<' inside an attribute's value: write it as &lt;");
		return;
	case XML_ERR_GT_REQUIRED:
		snprintf(out->message, sizeof(out->message),
			 "a tag is not closed with '>'");
		return;
	case XML_ERR_INVALID_CHAR:
	case XML_ERR_INVALID_ENCODING:
		snprintf(out->message, sizeof(out->message), "%s",
			 strstr(m, "UTF-8")
				 ? "the file is not UTF-8 text: save it as "
				   "UTF-8"
				 : "a character that XML does not allow (a "
				   "control character)");
		return;
	case XML_ERR_COMMENT_NOT_FINISHED:
		snprintf(out->message, sizeof(out->message),
			 "a comment <!-- is never closed with -->");
		return;
	case XML_ERR_HYPHEN_IN_COMMENT:
		snprintf(out->message, sizeof(out->message),
			 "'--' inside a comment: XML comments may not contain "
			 "two hyphens together");
		return;
	case XML_ERR_RESERVED_XML_NAME:
		snprintf(
			out->message, sizeof(out->message),
			"<?xml ...?> must be the very first thing in the file");
		return;
	default:
		strip_namespaces(m, raw, sizeof(raw));
		snprintf(out->message, sizeof(out->message),
			 "not well-formed XML: %s", raw);
	}
}

/* ---- entry point ---------------------------------------------------- */

void
tp_xml_describe_error(const xmlError *e, const char *xsd,
		      struct tp_xml_problem *out)
{
	memset(out, 0, sizeof(*out));
	out->code = e->code == XML_ERR_NO_MEMORY ? TP_ERR_NOMEM : TP_ERR_PARSE;
	out->line = e->line > 0 ? e->line : 0;
	if (out->code == TP_ERR_NOMEM) {
		snprintf(out->message, sizeof(out->message), "out of memory");
		return;
	}
	if (e->domain != XML_FROM_SCHEMASV || !e->node ||
	    ((xmlNodePtr)e->node)->type != XML_ELEMENT_NODE) {
		out->column = e->domain == XML_FROM_PARSER && e->int2 > 0
				      ? e->int2
				      : 0;
		describe_parser(e, out);
		return;
	}
	struct described d = {.e = e, .node = e->node, .out = out};
	if (xsd)
		d.xsd = xmlReadFile(xsd, NULL,
				    XML_PARSE_NONET | XML_PARSE_NOERROR |
					    XML_PARSE_NOWARNING);
	if (!out->line)
		out->line = (int)xmlGetLineNo(d.node);
	find_subject(&d);
	describe_schema(&d);
	xmlFreeDoc(d.xsd);
}
