/* SPDX-License-Identifier: MIT */
/* A quick, conservative check of a parsed plan file against the rules of
 * data/tenderplan-plan.xsd (#11): validating every file with libxml2's
 * schema validator took some 70 % of reading a small plan. This walk says
 * "plainly valid" only when every element, attribute, value, order and
 * count is one the schema allows; anything it does not follow (an
 * unknown name, a value it is unsure of, a comment where text could be)
 * sends the file to the validator, which then decides and words the error
 * as before. So it may send a valid file to the validator, never pass an
 * invalid one; tests/test-portfolio.c checks that on mutated plans.
 *
 * The tables below transcribe the schema; a change to the schema must be
 * made here too, or the files it newly allows go the slow way (and the
 * files it newly refuses would be let through: the test catches that for
 * the mutations it makes). */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include <tenderplan/tp-plan-xml.h>

#include "xml-check-private.h"

enum vtype {
	V_DATE,
	V_TIME,
	V_ID,
	V_PLAN_ID,
	V_AMOUNT,
	V_LAG,
	V_UINT,
	V_SEQUENCE,
	V_TEXT,
	V_CITATION,
	V_CPV,
	V_CLAIMS,
	V_UTC,
	V_HASH,
	V_BOOL,
	V_TZ,
	V_ENUM,
	V_RULE, /* a recurrence rule: [A-Za-z0-9=;,:+\-]{1,255} */
	V_KIND, /* a stage kind: tp_stage_kind_from_name(), the list the
		 * schema's enumeration is kept equal to */
};

struct attr_rule {
	const char *name;
	enum vtype type;
	const char *const *values; /* V_ENUM */
	bool required;
};

#define LIST(...) ((const char *const[]){__VA_ARGS__, NULL})

static const char *const regions[] = {"england-and-wales", "scotland",
				      "northern-ireland", "uk", "none", NULL};
static const char *const lag_units[] = {"working-days", "calendar-days",
					NULL};
static const char *const units[] = {"working-days", "calendar-days", "weeks",
				    "months", NULL};
static const char *const dep_types[] = {
	"finish-to-start", "start-to-start", "finish-to-finish",
	"start-to-finish", "fs", "ss", "ff", "sf", NULL};
static const char *const constraint_types[] = {
	"start-no-earlier-than", "start-on", "finish-no-later-than",
	"finish-on", NULL};
static const char *const regimes[] = {"pcr2006", "pcr2015", "pcsr2015",
				      "pa2023", "psr2023", "local", "none",
				      "by-date", NULL};
static const char *const authorities[] = {"sub-central", "central-government",
					  NULL};
static const char *const procedures[] = {
	"open",
	"restricted",
	"negotiation",
	"competitive-dialogue",
	"innovation-partnership",
	"light-touch",
	"part-b",
	"competitive-flexible",
	"below-threshold",
	"call-off",
	"direct-award",
	"direct-award-a",
	"direct-award-b",
	"direct-award-c",
	"most-suitable-provider",
	"competitive-process",
	NULL,
};
static const char *const authority_kinds[] = {
	"other",	"council",		"icb", "nhs-trust",
	"nhs-foundation-trust", "nhs-england", NULL};
static const char *const health_services[] = {"none", "england", "wales",
					      NULL};
static const char *const claims[] = {
	"pin",
	"urgency",
	"electronic-tenders",
	"electronic-notice",
	"documents-with-notice",
	"agreed-period",
	"preselected",
	"extreme-urgency",
	"protect-life",
	"private-utility",
	"user-choice",
	"dynamic-market",
	"utilities-contract",
	"voluntary-standstill",
	"single-tenderer",
	"representations",
	"competition",
	"urgent-award",
	NULL,
};

static const struct attr_rule plan_attrs[] = {
	{"id", V_PLAN_ID, NULL, false},
	{"revision", V_UINT, NULL, false},
	{NULL, 0, NULL, false},
};
static const struct attr_rule calendar_attrs[] = {
	{"region", V_ENUM, regions, false},
	{NULL, 0, NULL, false},
};
static const struct attr_rule closure_attrs[] = {
	{"from", V_DATE, NULL, true},
	{"to", V_DATE, NULL, true},
	{"name", V_TEXT, NULL, false},
	{NULL, 0, NULL, false},
};
static const struct attr_rule holiday_attrs[] = {
	{"date", V_DATE, NULL, true},
	{"name", V_TEXT, NULL, false},
	{NULL, 0, NULL, false},
};
static const struct attr_rule ics_attrs[] = {
	{"href", V_TEXT, NULL, true},
	{"mode", V_ENUM, LIST("add", "replace"), false},
	{NULL, 0, NULL, false},
};
static const struct attr_rule anchors_attrs[] = {
	{"start", V_DATE, NULL, false},
	{"contract-start", V_DATE, NULL, false},
	{NULL, 0, NULL, false},
};
static const struct attr_rule local_attrs[] = {
	{"standstill-days", V_AMOUNT, NULL, false},
	{"standstill-unit", V_ENUM, lag_units, false},
	{"min-tender-days", V_AMOUNT, NULL, false},
	{"report-days", V_AMOUNT, NULL, false},
	{"citation", V_CITATION, NULL, false},
	{NULL, 0, NULL, false},
};
static const struct attr_rule lead_in_attrs[] = {
	{"min-days", V_AMOUNT, NULL, true},
	{NULL, 0, NULL, false},
};
static const struct attr_rule rules_attrs[] = {
	{"regime", V_ENUM, regimes, false},
	{"procedure", V_ENUM, procedures, false},
	{"claims", V_CLAIMS, NULL, false},
	{"jurisdiction", V_ENUM, regions, false},
	{"incumbent-end", V_DATE, NULL, false},
	{"authority", V_ENUM, authorities, false},
	{"framework-concluded", V_DATE, NULL, false},
	{"authority-kind", V_ENUM, authority_kinds, false},
	{"health-service", V_ENUM, health_services, false},
	{"cpv", V_CPV, NULL, false},
	{"standstill-end", V_DATE, NULL, false},
	{"notice-means", V_ENUM, LIST("electronic", "other"), false},
	{NULL, 0, NULL, false},
};
static const struct attr_rule after_attrs[] = {
	{"stage", V_ID, NULL, true},
	{"type", V_ENUM, dep_types, false},
	{"lag", V_LAG, NULL, false},
	{"lag-unit", V_ENUM, lag_units, false},
	{NULL, 0, NULL, false},
};
static const struct attr_rule constraint_attrs[] = {
	{"type", V_ENUM, constraint_types, true},
	{"date", V_DATE, NULL, true},
	{NULL, 0, NULL, false},
};
static const struct attr_rule stage_attrs[] = {
	{"id", V_ID, NULL, true},
	{"kind", V_KIND, NULL, false},
	{"duration", V_AMOUNT, NULL, false},
	{"unit", V_ENUM, units, false},
	{"time", V_TIME, NULL, false},
	{"calendar", V_ENUM, LIST("plan", "statutory"), false},
	{"meeting", V_ID, NULL, false},
	{"actual-start", V_DATE, NULL, false},
	{"actual-finish", V_DATE, NULL, false},
	{NULL, 0, NULL, false},
};
static const struct attr_rule series_attrs[] = {
	{"id", V_ID, NULL, true},
	{"report-days", V_AMOUNT, NULL, false},
	{"call-in-days", V_AMOUNT, NULL, false},
	{NULL, 0, NULL, false},
};
static const struct attr_rule recur_attrs[] = {
	{"rule", V_RULE, NULL, true},
	{"from", V_DATE, NULL, true},
	{NULL, 0, NULL, false},
};
static const struct attr_rule meeting_date_attrs[] = {
	{"date", V_DATE, NULL, true},
	{NULL, 0, NULL, false},
};
static const struct attr_rule snapshot_attrs[] = {
	{"kind", V_ENUM, LIST("revision", "baseline"), true},
	{"revision", V_UINT, NULL, true},
	{"taken", V_UTC, NULL, true},
	{"plan-id", V_PLAN_ID, NULL, false},
	{"time-zone", V_TZ, NULL, false},
	{NULL, 0, NULL, false},
};
static const struct attr_rule snap_stage_attrs[] = {
	{"id", V_ID, NULL, true},
	{"start", V_DATE, NULL, true},
	{"finish", V_DATE, NULL, true},
	{"time", V_TIME, NULL, false},
	{"sequence", V_SEQUENCE, NULL, true},
	{"text", V_HASH, NULL, true},
	{"removed", V_BOOL, NULL, false},
	{"name", V_TEXT, NULL, false},
	{NULL, 0, NULL, false},
};
static const struct attr_rule snap_series_attrs[] = {
	{"id", V_ID, NULL, true},
	{"start", V_DATE, NULL, true},
	{"sequence", V_SEQUENCE, NULL, true},
	{"text", V_HASH, NULL, true},
	{"removed", V_BOOL, NULL, false},
	{"name", V_TEXT, NULL, false},
	{NULL, 0, NULL, false},
};
static const struct attr_rule no_attrs[] = {{NULL, 0, NULL, false}};

/* ---- values ------------------------------------------------------------- */

static bool
digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* [0-9]{1,10} with a value at most @max. */
static bool
number_at_most(const char *s, unsigned long long max)
{
	size_t n = strlen(s);
	unsigned long long v = 0;

	if (n < 1 || n > 10 || !digits(s, n))
		return false;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (unsigned)(s[i] - '0');
	return v <= max;
}

static bool
id_chars(const char *s, size_t max)
{
	size_t n = strlen(s);

	if (n < 1 || n > max)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		      (c >= '0' && c <= '9') || c == '_' || c == '.' ||
		      c == '-'))
			return false;
	}
	return true;
}

/* At most @max characters (UTF-8: bytes other than continuation bytes). */
static bool
chars_at_most(const char *s, size_t max)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80 && ++n > max)
			return false;
	return true;
}

/* YYYY-MM-DD in the first 10 bytes of @s. */
static bool
date_at(const char *s)
{
	return digits(s, 4) && s[4] == '-' && digits(s + 5, 2) &&
	       s[7] == '-' && digits(s + 8, 2);
}

static bool
is_date(const char *s)
{
	return strlen(s) == 10 && date_at(s);
}

/* HH:MM (00:00 to 23:59) in the first 5 bytes of @s. */
static bool
time_at(const char *s)
{
	return ((s[0] >= '0' && s[0] <= '1' && s[1] >= '0' && s[1] <= '9') ||
		(s[0] == '2' && s[1] >= '0' && s[1] <= '3')) &&
	       s[2] == ':' && s[3] >= '0' && s[3] <= '5' && s[4] >= '0' &&
	       s[4] <= '9';
}

static bool
is_time(const char *s)
{
	return strlen(s) == 5 && time_at(s);
}

static bool
in_list(const char *s, const char *const *values)
{
	for (size_t i = 0; values[i]; i++)
		if (!strcmp(s, values[i]))
			return true;
	return false;
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* An xs:list of claims: names separated by XML white space. */
static bool
is_claims(const char *s)
{
	char word[32];

	while (*s) {
		size_t n = 0;
		while (is_space(*s))
			s++;
		if (!*s)
			break;
		while (*s && !is_space(*s)) {
			if (n + 1 >= sizeof(word))
				return false;
			word[n++] = *s++;
		}
		word[n] = '\0';
		if (!in_list(word, claims))
			return false;
	}
	return true;
}

static bool
value_ok(const struct attr_rule *r, const char *v)
{
	size_t n = strlen(v);

	switch (r->type) {
	case V_DATE:
		return is_date(v);
	case V_TIME:
		return is_time(v);
	case V_ID:
		return id_chars(v, 63);
	case V_PLAN_ID:
		return id_chars(v, 255);
	case V_AMOUNT:
		return n <= 6 && number_at_most(v, 100000);
	case V_LAG:
		return v[0] == '-' ? n <= 7 && number_at_most(v + 1, 100000)
				   : n <= 6 && number_at_most(v, 100000);
	case V_UINT:
		return number_at_most(v, 4294967295ull);
	case V_SEQUENCE:
		return number_at_most(v, 2147483647ull);
	case V_TEXT:
		return n <= 4096 || chars_at_most(v, 4096);
	case V_CITATION:
		return n <= 127 || chars_at_most(v, 127);
	case V_CPV:
		return (n == 8 && digits(v, 8)) ||
		       (n == 10 && digits(v, 8) && v[8] == '-' &&
			digits(v + 9, 1));
	case V_CLAIMS:
		return is_claims(v);
	case V_UTC:
		return n == 20 && date_at(v) && v[10] == 'T' &&
		       time_at(v + 11) && v[16] == ':' && v[17] >= '0' &&
		       v[17] <= '5' && v[18] >= '0' && v[18] <= '9' &&
		       v[19] == 'Z';
	case V_HASH:
		if (n != 16)
			return false;
		for (size_t i = 0; i < n; i++)
			if (!((v[i] >= '0' && v[i] <= '9') ||
			      (v[i] >= 'a' && v[i] <= 'f')))
				return false;
		return true;
	case V_BOOL:
		return in_list(v, LIST("true", "false", "1", "0"));
	case V_TZ:
		if (n < 1 || n > 63)
			return false;
		for (size_t i = 0; i < n; i++)
			if (v[i] < '!' || v[i] > '~')
				return false;
		return true;
	case V_ENUM:
		return in_list(v, r->values);
	case V_RULE:
		if (n < 1 || n > 255)
			return false;
		for (size_t i = 0; i < n; i++)
			if (!((v[i] >= 'A' && v[i] <= 'Z') ||
			      (v[i] >= 'a' && v[i] <= 'z') ||
			      (v[i] >= '0' && v[i] <= '9') ||
			      strchr("=;,:+-", v[i])))
				return false;
		return true;
	case V_KIND: {
		enum tp_stage_kind kind;
		return tp_stage_kind_from_name(v, &kind, NULL) == TP_OK;
	}
	}
	return false;
}

/* ---- elements ----------------------------------------------------------- */

static bool
in_ns(xmlNodePtr n)
{
	return n->ns && n->ns->href &&
	       !strcmp((const char *)n->ns->href, TP_PLAN_XML_NS);
}

static bool
named(xmlNodePtr n, const char *name)
{
	return !strcmp((const char *)n->name, name);
}

/* An empty value (two bytes: value_ok() may look one past a '-'). */
static const char no_value[2] = "";

/* Every attribute known, without a namespace, with a good value; every
 * required one there. */
static bool
attrs_ok(xmlNodePtr n, const struct attr_rule *rules)
{
	size_t required = 0, seen = 0;

	for (const struct attr_rule *r = rules; r->name; r++)
		required += r->required;
	for (xmlAttrPtr a = n->properties; a; a = a->next) {
		const struct attr_rule *r = rules;
		const char *v;
		if (a->ns || a->type != XML_ATTRIBUTE_NODE)
			return false;
		while (r->name && strcmp(r->name, (const char *)a->name))
			r++;
		if (!r->name)
			return false;
		/* One text child holding the value, as the parser makes it
		 * (none for an empty value). */
		if (a->children && (a->children->next ||
				    a->children->type != XML_TEXT_NODE))
			return false;
		v = a->children && a->children->content
			    ? (const char *)a->children->content
			    : no_value;
		if (!value_ok(r, v))
			return false;
		seen += r->required;
	}
	return seen == required;
}

static bool
blank(const char *s)
{
	for (; s && *s; s++)
		if (!is_space(*s))
			return false;
	return true;
}

/* The next child element of an element-only content, skipping white
 * space; false (in @ok) for anything else (text, CDATA, comments: let the
 * validator judge those). */
static xmlNodePtr
next_elem(xmlNodePtr c, bool *ok)
{
	for (; c; c = c->next) {
		if (c->type == XML_ELEMENT_NODE)
			return in_ns(c) ? c : (*ok = false, NULL);
		if (c->type != XML_TEXT_NODE || !blank((const char *)c->content)) {
			*ok = false;
			return NULL;
		}
	}
	return NULL;
}

/* An element with attributes only: no child node at all. */
static bool
empty_ok(xmlNodePtr n, const struct attr_rule *rules)
{
	return !n->children && attrs_ok(n, rules);
}

/* An element of simple type tp:text (or the time zone): text only, no
 * attribute. */
static bool
text_ok(xmlNodePtr n, bool tz)
{
	size_t len = 0;
	const char *only = NULL;

	if (n->properties)
		return false;
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type != XML_TEXT_NODE || !c->content)
			return false;
		only = (const char *)c->content;
		len += strlen(only);
	}
	if (tz) /* one text node; [!-~]{1,63} */
		return n->children && !n->children->next &&
		       value_ok(&(struct attr_rule){"", V_TZ, NULL, false},
				only);
	if (len <= 4096)
		return true;
	len = 0;
	for (xmlNodePtr c = n->children; c; c = c->next)
		for (const char *s = (const char *)c->content; *s; s++)
			len += ((unsigned char)*s & 0xc0) != 0x80;
	return len <= 4096;
}

/* Children in the order @names gives, each at most once unless @many
 * says so; @check judges each. */
struct slot {
	const char *name;
	bool many;
	bool (*check)(xmlNodePtr);
};

static bool
sequence_ok(xmlNodePtr n, const struct slot *slots, const char *required)
{
	bool ok = true, found = required == NULL;
	size_t k = 0;

	for (xmlNodePtr c = next_elem(n->children, &ok); ok && c;
	     c = next_elem(c->next, &ok)) {
		while (slots[k].name && !named(c, slots[k].name))
			k++;
		if (!slots[k].name || !slots[k].check(c))
			return false;
		if (required && !strcmp(slots[k].name, required))
			found = true;
		if (!slots[k].many)
			k++;
	}
	return ok && found;
}

static bool
check_closure(xmlNodePtr n)
{
	return empty_ok(n, closure_attrs);
}

static bool
check_holiday(xmlNodePtr n)
{
	return empty_ok(n, holiday_attrs);
}

static bool
check_ics(xmlNodePtr n)
{
	return empty_ok(n, ics_attrs);
}

static bool
check_calendar(xmlNodePtr n)
{
	static const struct slot slots[] = {
		{"closure", true, check_closure},
		{"holiday", true, check_holiday},
		{"ics", false, check_ics},
		{NULL, false, NULL},
	};
	return attrs_ok(n, calendar_attrs) && sequence_ok(n, slots, NULL);
}

static bool
check_anchors(xmlNodePtr n)
{
	return empty_ok(n, anchors_attrs);
}

static bool
check_local(xmlNodePtr n)
{
	return empty_ok(n, local_attrs);
}

static bool
check_lead_in(xmlNodePtr n)
{
	return empty_ok(n, lead_in_attrs);
}

static bool
check_rules(xmlNodePtr n)
{
	static const struct slot slots[] = {
		{"local", false, check_local},
		{"lead-in", false, check_lead_in},
		{NULL, false, NULL},
	};
	return attrs_ok(n, rules_attrs) && sequence_ok(n, slots, NULL);
}

static bool
check_text(xmlNodePtr n)
{
	return text_ok(n, false);
}

static bool
check_tz(xmlNodePtr n)
{
	return text_ok(n, true);
}

static bool
check_link(xmlNodePtr n)
{
	if (named(n, "after"))
		return empty_ok(n, after_attrs);
	return named(n, "constraint") && empty_ok(n, constraint_attrs);
}

static bool
check_stage(xmlNodePtr n)
{
	bool ok = true;
	xmlNodePtr c = next_elem(n->children, &ok);

	if (!attrs_ok(n, stage_attrs))
		return false;
	/* name?, owner?, notes?, (after | constraint)* */
	if (ok && c && named(c, "name")) {
		if (!check_text(c))
			return false;
		c = next_elem(c->next, &ok);
	}
	if (ok && c && named(c, "owner")) {
		if (!check_text(c))
			return false;
		c = next_elem(c->next, &ok);
	}
	if (ok && c && named(c, "notes")) {
		if (!check_text(c))
			return false;
		c = next_elem(c->next, &ok);
	}
	for (; ok && c; c = next_elem(c->next, &ok))
		if (!check_link(c))
			return false;
	return ok;
}

static bool
check_stages(xmlNodePtr n)
{
	static const struct slot slots[] = {
		{"stage", true, check_stage},
		{NULL, false, NULL},
	};
	return attrs_ok(n, no_attrs) && sequence_ok(n, slots, NULL);
}

static bool
check_recur(xmlNodePtr n)
{
	return empty_ok(n, recur_attrs);
}

static bool
check_meeting_date(xmlNodePtr n)
{
	return (named(n, "meeting") || named(n, "except")) &&
	       empty_ok(n, meeting_date_attrs);
}

/* name?, recur?, (meeting | except)* */
static bool
check_series(xmlNodePtr n)
{
	bool ok = true;
	xmlNodePtr c = next_elem(n->children, &ok);

	if (!attrs_ok(n, series_attrs))
		return false;
	if (ok && c && named(c, "name")) {
		if (!check_text(c))
			return false;
		c = next_elem(c->next, &ok);
	}
	if (ok && c && named(c, "recur")) {
		if (!check_recur(c))
			return false;
		c = next_elem(c->next, &ok);
	}
	for (; ok && c; c = next_elem(c->next, &ok))
		if (!check_meeting_date(c))
			return false;
	return ok;
}

static bool
check_meetings(xmlNodePtr n)
{
	static const struct slot slots[] = {
		{"series", true, check_series},
		{NULL, false, NULL},
	};
	return attrs_ok(n, no_attrs) && sequence_ok(n, slots, NULL);
}

static bool
check_snap_stage(xmlNodePtr n)
{
	return empty_ok(n, snap_stage_attrs);
}

static bool
check_snap_series(xmlNodePtr n)
{
	return empty_ok(n, snap_series_attrs);
}

/* stage*, series* */
static bool
check_snapshot(xmlNodePtr n)
{
	static const struct slot slots[] = {
		{"stage", true, check_snap_stage},
		{"series", true, check_snap_series},
		{NULL, false, NULL},
	};
	return attrs_ok(n, snapshot_attrs) && sequence_ok(n, slots, NULL);
}

static bool
check_snapshots(xmlNodePtr n)
{
	static const struct slot slots[] = {
		{"snapshot", true, check_snapshot},
		{NULL, false, NULL},
	};
	return attrs_ok(n, no_attrs) && sequence_ok(n, slots, NULL);
}

bool
tp_plan_xml_plainly_valid(xmlNodePtr root)
{
	static const struct slot slots[] = {
		{"name", false, check_text},
		{"time-zone", false, check_tz},
		{"calendar", false, check_calendar},
		{"anchors", false, check_anchors},
		{"rules", false, check_rules},
		{"meetings", false, check_meetings},
		{"stages", false, check_stages},
		{"snapshots", false, check_snapshots},
		{NULL, false, NULL},
	};

	return root && root->type == XML_ELEMENT_NODE && in_ns(root) &&
	       named(root, "plan") && attrs_ok(root, plan_attrs) &&
	       sequence_ok(root, slots, "stages");
}

/* One <stage> of <stages> on its own, for the reader that reads a stage
 * as soon as it ends (xml-read.c, #11). */
bool
tp_plan_xml_stage_plainly_valid(xmlNodePtr stage)
{
	return stage && stage->type == XML_ELEMENT_NODE && in_ns(stage) &&
	       named(stage, "stage") && check_stage(stage);
}
