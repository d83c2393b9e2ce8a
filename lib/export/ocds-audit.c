/* SPDX-License-Identifier: MIT */
/* Reading published OCDS releases with jansson and auditing each tender
 * notice's period against the regime in force on its date (tp-ocds.h).
 * Input is untrusted: every field is checked for its type before use, a
 * bad release becomes a finding, and only an unreadable file is an error
 * (tests/fuzz/fuzz-ocds.c). */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "date-private.h"
#include "error-private.h"
#include "ocds-private.h"

/* Everything one audit needs while it reads. */
struct actx {
	struct tp_ocds_audit *a;
	struct tp_ocds_audit_options opt;
	icaltimezone *zone;
	struct tp_calendar *cal;
	bool nomem;
	/* the release being read */
	const char *ocid, *rid;
	char loc[64];
};

/* ---- findings -------------------------------------------------------------
 */

static char *
dup(const char *s)
{
	return strdup(s ? s : "");
}

struct result {
	enum tp_regime regime;
	long period, minimum;
};

static void add(struct actx *c, enum tp_severity sev, const char *rule,
		const char *citation, const struct result *r, const char *fix,
		const char *fmt, ...) TP_PRINTF(7, 8);

static void
add(struct actx *c, enum tp_severity sev, const char *rule,
    const char *citation, const struct result *r, const char *fix,
    const char *fmt, ...)
{
	struct tp_ocds_audit *a = c->a;
	char msg[640];
	va_list ap;
	if (c->nomem)
		return;
	if (a->count == a->cap) {
		size_t cap = a->cap ? a->cap * 2 : 32;
		struct tp_ocds_finding *p = realloc(a->items, cap * sizeof(*p));
		if (!p) {
			c->nomem = true;
			return;
		}
		a->items = p;
		a->cap = cap;
	}
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	struct tp_ocds_finding *x = &a->items[a->count++];
	x->finding =
		(struct tp_finding){sev,     dup(rule), dup(citation), dup(""),
				    dup(""), dup(msg),  dup(fix)};
	x->ocid = dup(c->ocid);
	x->release_id = dup(c->rid);
	x->location = dup(c->loc);
	x->regime = r ? r->regime : TP_REGIME_NONE;
	x->period_days = r ? r->period : -1;
	x->minimum_days = r ? r->minimum : -1;
	const struct tp_finding *f = &x->finding;
	if (!f->rule_id || !f->citation || !f->stage || !f->other_stage ||
	    !f->message || !f->fix || !x->ocid || !x->release_id ||
	    !x->location)
		c->nomem = true;
}

static void
free_finding(struct tp_ocds_finding *x)
{
	free((char *)x->finding.rule_id);
	free((char *)x->finding.citation);
	free((char *)x->finding.stage);
	free((char *)x->finding.other_stage);
	free((char *)x->finding.message);
	free((char *)x->finding.fix);
	free((char *)x->ocid);
	free((char *)x->release_id);
	free((char *)x->location);
}

/* ---- the schema rules for the fields the audit reads ----------------------
 */

#define SCHEMA "OCDS 1.1 release schema"

/* Closed codelists of OCDS 1.1.5 (the codelist CSV files of the standard; the
 * test test-ocds-audit compares them with tests/data/ocds/codelists). */
static const char *const release_tags[] = {"planning",
					   "planningUpdate",
					   "tender",
					   "tenderAmendment",
					   "tenderUpdate",
					   "tenderCancellation",
					   "award",
					   "awardUpdate",
					   "awardCancellation",
					   "contract",
					   "contractUpdate",
					   "contractAmendment",
					   "implementation",
					   "implementationUpdate",
					   "contractTermination",
					   "compiled",
					   NULL};
static const char *const tender_statuses[] = {
	"planning",     "planned",  "active",    "cancelled",
	"unsuccessful", "complete", "withdrawn", NULL};
static const char *const methods[] = {"open", "selective", "limited", "direct",
				      NULL};
static const char *const categories[] = {"goods", "works", "services", NULL};

static bool
in_list(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (!strcmp(*list, s))
			return true;
	return false;
}

static const char *
str(const json_t *obj, const char *key)
{
	return json_string_value(json_object_get(obj, key));
}

/* Each check writes why into @p why and returns false. */
static bool
need_string(const json_t *o, const char *key, const char *path, char *why,
	    size_t n)
{
	const json_t *v = json_object_get(o, key);
	if (json_is_string(v) && json_string_length(v) > 0)
		return true;
	snprintf(why, n, "%s%s is %s", path, key,
		 v ? "not a non-empty string" : "missing (required)");
	return false;
}

static bool
opt_datetime(const struct actx *c, const json_t *o, const char *key,
	     const char *path, char *why, size_t n)
{
	const json_t *v = json_object_get(o, key);
	if (!v || json_is_null(v))
		return true;
	const char *s = json_string_value(v);
	if (s && tp_ocds_parse_datetime(s, NULL, NULL, NULL, NULL))
		return true;
	snprintf(why, n,
		 "%s%s %s%.40s%s is not an RFC 3339 date-time in "
		 "the years 1900-2199",
		 path, key, s ? "\"" : "", s ? s : "(not a string)",
		 s ? "\"" : "");
	return false;
}

static bool
opt_code(const json_t *o, const char *key, const char *const *list,
	 const char *codelist, const char *path, char *why, size_t n)
{
	const json_t *v = json_object_get(o, key);
	if (!v || json_is_null(v))
		return true;
	const char *s = json_string_value(v);
	if (s && in_list(list, s))
		return true;
	snprintf(why, n, "%s%s %s%.40s%s is not in the closed %s codelist",
		 path, key, s ? "\"" : "", s ? s : "(not a string)",
		 s ? "\"" : "", codelist);
	return false;
}

static bool
opt_object(const json_t *o, const char *key, const char *path, char *why,
	   size_t n)
{
	const json_t *v = json_object_get(o, key);
	if (!v || json_is_null(v) || json_is_object(v))
		return true;
	snprintf(why, n, "%s%s is not an object", path, key);
	return false;
}

static bool
check_tags(const json_t *r, char *why, size_t n)
{
	const json_t *tags = json_object_get(r, "tag");
	size_t i;
	const json_t *t;
	if (!json_is_array(tags)) {
		snprintf(why, n, "tag is %s",
			 tags ? "not an array" : "missing (required)");
		return false;
	}
	json_array_foreach(tags, i, t)
	{
		const char *s = json_string_value(t);
		if (!s || !in_list(release_tags, s)) {
			snprintf(why, n,
				 "tag %s%.40s%s is not in the closed "
				 "releaseTag codelist",
				 s ? "\"" : "", s ? s : "(not a string)",
				 s ? "\"" : "");
			return false;
		}
	}
	return true;
}

static bool
check_value(const json_t *t, char *why, size_t n)
{
	const json_t *v = json_object_get(t, "value");
	if (!opt_object(t, "value", "tender.", why, n))
		return false;
	const json_t *amount = json_object_get(v, "amount");
	const json_t *cur = json_object_get(v, "currency");
	if (amount && !json_is_null(amount) && !json_is_number(amount)) {
		snprintf(why, n, "tender.value.amount is not a number");
		return false;
	}
	if (cur && !json_is_null(cur) && !json_is_string(cur)) {
		snprintf(why, n, "tender.value.currency is not a string");
		return false;
	}
	return true;
}

static bool
check_tender(const struct actx *c, const json_t *t, char *why, size_t n)
{
	const json_t *period = json_object_get(t, "tenderPeriod");
	const json_t *details = json_object_get(t, "procurementMethodDetails");
	const json_t *id = json_object_get(t, "id");
	if (!json_is_string(id) && !json_is_integer(id)) {
		snprintf(why, n, "tender.id is %s",
			 id ? "not a string or integer" : "missing (required)");
		return false;
	}
	if (details && !json_is_null(details) && !json_is_string(details)) {
		snprintf(why, n,
			 "tender.procurementMethodDetails is not a "
			 "string");
		return false;
	}
	return opt_code(t, "status", tender_statuses, "tenderStatus", "tender.",
			why, n) &&
	       opt_code(t, "procurementMethod", methods, "method", "tender.",
			why, n) &&
	       opt_code(t, "mainProcurementCategory", categories,
			"procurementCategory", "tender.", why, n) &&
	       opt_datetime(c, t, "datePublished", "tender.", why, n) &&
	       opt_object(t, "tenderPeriod", "tender.", why, n) &&
	       opt_datetime(c, period, "startDate", "tender.tenderPeriod.", why,
			    n) &&
	       opt_datetime(c, period, "endDate", "tender.tenderPeriod.", why,
			    n) &&
	       check_value(t, why, n);
}

/* NULL if @p r keeps the schema's rules for the fields read here. */
static bool
release_valid(const struct actx *c, const json_t *r, char *why, size_t n)
{
	const char *init = str(r, "initiationType");
	if (!need_string(r, "ocid", "", why, n) ||
	    !need_string(r, "id", "", why, n) ||
	    !need_string(r, "date", "", why, n) ||
	    !opt_datetime(c, r, "date", "", why, n) || !check_tags(r, why, n))
		return false;
	if (!init || strcmp(init, "tender")) {
		snprintf(why, n, "initiationType is %s",
			 init ? "not \"tender\"" : "missing (required)");
		return false;
	}
	const json_t *t = json_object_get(r, "tender");
	if (!t)
		return true;
	if (!json_is_object(t)) {
		snprintf(why, n, "tender is not an object");
		return false;
	}
	return check_tender(c, t, why, n);
}

/* ---- procedures -----------------------------------------------------------
 */

enum proc_class {
	PROC_KNOWN,      /* a procedure with minimum periods */
	PROC_NO_MINIMUM, /* call-offs, direct awards, quotations */
	PROC_UNKNOWN,
};

struct proc {
	enum proc_class cls;
	enum tp_procedure procedure;
	enum tp_period_kind kind; /* what the notice's deadline is for */
	const char *label;        /* the words used, for messages */
	int threshold_label;      /* +1 "(above threshold)", -1 below, 0 */
};

static bool
has(const char *s, const char *word)
{
	size_t n = strlen(word);
	for (; s && *s; s++)
		if (!strncasecmp(s, word, n))
			return true;
	return false;
}

/* The words of Contracts Finder and Find a Tender in
 * procurementMethodDetails, then the method codelist. */
static const struct {
	const char *words;
	enum proc_class cls;
	enum tp_procedure procedure;
	enum tp_period_kind kind;
} proc_words[] = {
	{"call-off", PROC_NO_MINIMUM, TP_PROC_CALL_OFF, TP_PERIOD_TENDER},
	{"single tender", PROC_NO_MINIMUM, TP_PROC_BELOW_THRESHOLD,
	 TP_PERIOD_TENDER},
	{"direct award", PROC_NO_MINIMUM, TP_PROC_BELOW_THRESHOLD,
	 TP_PERIOD_TENDER},
	{"quotation", PROC_NO_MINIMUM, TP_PROC_BELOW_THRESHOLD,
	 TP_PERIOD_TENDER},
	{"without prior publication", PROC_NO_MINIMUM, TP_PROC_BELOW_THRESHOLD,
	 TP_PERIOD_TENDER},
	{"light touch", PROC_KNOWN, TP_PROC_LIGHT_TOUCH, TP_PERIOD_TENDER},
	{"competitive flexible", PROC_KNOWN, TP_PROC_COMPETITIVE_FLEXIBLE,
	 TP_PERIOD_PARTICIPATION},
	{"competitive dialogue", PROC_KNOWN, TP_PROC_COMPETITIVE_DIALOGUE,
	 TP_PERIOD_PARTICIPATION},
	{"innovation partnership", PROC_KNOWN, TP_PROC_INNOVATION_PARTNERSHIP,
	 TP_PERIOD_PARTICIPATION},
	{"negotiat", PROC_KNOWN, TP_PROC_NEGOTIATION, TP_PERIOD_PARTICIPATION},
	{"restricted", PROC_KNOWN, TP_PROC_RESTRICTED, TP_PERIOD_PARTICIPATION},
	{"open", PROC_KNOWN, TP_PROC_OPEN, TP_PERIOD_TENDER},
};

static struct proc
classify(const json_t *t)
{
	const char *details = str(t, "procurementMethodDetails");
	const char *method = str(t, "procurementMethod");
	struct proc p = {PROC_UNKNOWN, TP_PROC_OPEN, TP_PERIOD_TENDER,
			 details  ? details
			 : method ? method
				  : "none",
			 0};
	p.threshold_label = has(details, "above threshold")   ? 1
			    : has(details, "below threshold") ? -1
							      : 0;
	for (size_t i = 0;
	     details && i < sizeof(proc_words) / sizeof(proc_words[0]); i++) {
		if (has(details, proc_words[i].words)) {
			p.cls = proc_words[i].cls;
			p.procedure = proc_words[i].procedure;
			p.kind = proc_words[i].kind;
			return p;
		}
	}
	/* method alone: only "open" names one procedure; "selective" may be
	 * restricted, negotiated or a call-off */
	if (method && !strcmp(method, "open"))
		p.cls = PROC_KNOWN;
	else if (method &&
		 (!strcmp(method, "limited") || !strcmp(method, "direct")))
		p.cls = PROC_NO_MINIMUM;
	return p;
}

/* ---- thresholds -----------------------------------------------------------
 */

/* The thresholds (GBP) of PCR 2015 reg 5 / PCSR 2015 reg 5 and PA 2023
 * Sch 1 for procurements begun from @c from. 0: a value not verified from
 * a second source, not compared. From 1 Jan 2022 the thresholds include
 * VAT (Public Procurement (Agreement on Government Procurement)
 * (Thresholds) (Amendment) Regulations 2021; PPN 10/21) while notices
 * under the 2015 Regulations give values without it (PPN 10/21, PPN 11/23
 * para 6); under PA 2023 notices give values with VAT (PPN 11/23 para 6). */
struct thresholds {
	struct tp_date from;
	long central, sub_central, works, light_touch;
	bool vat_included, notice_has_vat;
	const char *source;
};

static const struct thresholds threshold_table[] = {
	{TP_DATE_INIT(2015, 2, 26), 0, 172514, 4322012, 625050, false, false,
	 "PCR 2015 reg 5(1); sterling values for 2014-15"},
	{TP_DATE_INIT(2016, 1, 1), 106047, 164176, 4104394, 589148, false,
	 false, "PCR 2015 reg 5(1); PPN 18/15 (thresholds from 1 Jan 2016)"},
	{TP_DATE_INIT(2018, 1, 1), 118133, 181302, 4551413, 615278, false,
	 false, "PCR 2015 reg 5(1); PPN 04/17 (thresholds from 1 Jan 2018)"},
	{TP_DATE_INIT(2020, 1, 1), 122976, 189330, 4733252, 663540, false,
	 false,
	 "PCR 2015 reg 5(1); Cabinet Office thresholds from 1 Jan "
	 "2020"},
	{TP_DATE_INIT(2022, 1, 1), 138760, 213477, 5336937, 663540, true, false,
	 "PCR 2015 reg 5(1) as amended from 1 Jan 2022; PPN 10/21"},
	{TP_DATE_INIT(2024, 1, 1), 139688, 214904, 5372609, 663540, true, false,
	 "PCR 2015 reg 5(1) as amended from 1 Jan 2024; PPN 11/23"},
	{TP_DATE_INIT(2025, 2, 24), 139688, 214904, 5372609, 663540, true, true,
	 "PA 2023 Sch 1 (values of PPN 11/23)"},
	{TP_DATE_INIT(2026, 1, 1), 135018, 207720, 5193000, 663540, true, true,
	 "PA 2023 Sch 1 as amended by SI 2025/1200"},
};

static const struct thresholds *
thresholds_on(struct tp_date d)
{
	const struct thresholds *t = NULL;
	for (size_t i = 0;
	     i < sizeof(threshold_table) / sizeof(threshold_table[0]); i++)
		if (d.day >= threshold_table[i].from.day)
			t = &threshold_table[i];
	return t;
}

enum value_verdict {
	VALUE_ABOVE,
	VALUE_BELOW,
	VALUE_UNKNOWN,
};

/* The notice's own words "(above threshold)" or "(below threshold)"
 * decide when its value cannot; @p why gets both reasons. */
static enum value_verdict
by_label(const struct proc *p, char *why, size_t n, const char *reason)
{
	if (!p->threshold_label) {
		snprintf(why, n, "%.199s", reason);
		return VALUE_UNKNOWN;
	}
	snprintf(why, n, "the notice calls it %s threshold (%.150s)",
		 p->threshold_label > 0 ? "above" : "below", reason);
	return p->threshold_label > 0 ? VALUE_ABOVE : VALUE_BELOW;
}

/* Compare tender.value with the thresholds of @p d; why into @p why. */
static enum value_verdict
compare_value(const json_t *t, struct tp_date d, const struct proc *p,
	      char *why, size_t n)
{
	const json_t *v = json_object_get(t, "value");
	const json_t *amount = json_object_get(v, "amount");
	const char *cur = str(v, "currency");
	const char *cat = str(t, "mainProcurementCategory");
	const struct thresholds *th = thresholds_on(d);
	char reason[200];
	if (!th)
		return by_label(p, why, n,
				"no thresholds are held for that date");
	if (!json_is_number(amount))
		return by_label(p, why, n, "it gives no tender.value.amount");
	if (!cur || strcmp(cur, "GBP")) {
		snprintf(reason, sizeof(reason),
			 "its value is in %.8s, not GBP",
			 cur ? cur : "no stated currency");
		return by_label(p, why, n, reason);
	}
	if (!cat)
		return by_label(p, why, n,
				"it gives no mainProcurementCategory");
	double lo = json_number_value(amount), hi = lo;
	if (th->vat_included && !th->notice_has_vat)
		hi = lo * 1.2; /* up to 20% VAT on a value given without it */
	bool works = !strcmp(cat, "works");
	long low = works ? th->works : th->central;
	long high = works ? th->works : th->sub_central;
	const char *what = works ? "works" : "goods and services";
	const char *vat = hi > lo ? " (up to 20% more with VAT)" : "";
	if (high && lo >= (double)high) {
		snprintf(why, n,
			 "%.0f GBP is at or above the %ld GBP threshold "
			 "for %s",
			 lo, high, what);
		return VALUE_ABOVE;
	}
	if (low && hi < (double)low) {
		snprintf(why, n,
			 "%.0f GBP%s is below the %ld GBP threshold "
			 "for %s",
			 lo, vat, low, what);
		return VALUE_BELOW;
	}
	if (low)
		snprintf(
			reason, sizeof(reason),
			"%.0f GBP%s lies between the thresholds for central "
			"government (%ld GBP) and other authorities (%ld GBP), "
			"and OCDS does not say which the buyer is",
			lo, vat, low, high);
	else
		snprintf(reason, sizeof(reason),
			 "%.0f GBP is below the threshold for other "
			 "authorities and the central government one for "
			 "that date is not held",
			 lo);
	return by_label(p, why, n, reason);
}

/* ---- auditing one notice --------------------------------------------------
 */

struct period {
	struct tp_date start, deadline;
	int deadline_seconds;
	const char *from; /* which field gave the start */
};

static bool
is_tag(const json_t *r, const char *tag)
{
	size_t i;
	const json_t *t;
	json_array_foreach(json_object_get(r, "tag"), i, t)
	{
		if (!strcmp(json_string_value(t), tag))
			return true;
	}
	return false;
}

static bool
is_notice(const json_t *r)
{
	return is_tag(r, "tender") || is_tag(r, "tenderUpdate") ||
	       is_tag(r, "tenderAmendment");
}

/* The zone and the calendar are built when a notice first needs them
 * (milliseconds each): input without notices never pays for them. */
static bool
have_zone(struct actx *c)
{
	if (!c->zone &&
	    tp_ocds_zone_new("Europe/London", &c->zone, NULL) != TP_OK)
		c->nomem = true;
	return c->zone != NULL;
}

static enum tp_status make_calendar(enum tp_region region,
				    struct tp_calendar **out,
				    struct tp_error *err);

static bool
have_calendar(struct actx *c)
{
	if (!c->cal &&
	    make_calendar(c->opt.jurisdiction, &c->cal, NULL) != TP_OK)
		c->nomem = true;
	return c->cal != NULL;
}

static bool
local_date(struct actx *c, const char *s, struct tp_date *d, int *secs)
{
	return s && have_zone(c) &&
	       tp_ocds_parse_datetime(s, c->zone, NULL, d, secs);
}

static bool
find_period(struct actx *c, const json_t *r, const json_t *t, struct period *p)
{
	const json_t *tp = json_object_get(t, "tenderPeriod");
	const char *start = str(tp, "startDate");
	p->from = "tender.tenderPeriod.startDate";
	if (!start) {
		start = str(t, "datePublished");
		p->from = "tender.datePublished";
	}
	if (!start && is_tag(r, "tender")) {
		start = str(r, "date");
		p->from = "the release date";
	}
	if (!local_date(c, str(tp, "endDate"), &p->deadline,
			&p->deadline_seconds)) {
		add(c, TP_SEVERITY_INFO, "audit.no-period", SCHEMA, NULL, "",
		    "the notice gives no tender.tenderPeriod.endDate: its "
		    "period cannot be checked");
		return false;
	}
	if (!local_date(c, start, &p->start, NULL)) {
		add(c, TP_SEVERITY_INFO, "audit.no-period", SCHEMA, NULL, "",
		    "an amendment without tender.tenderPeriod.startDate or "
		    "tender.datePublished: the day the period began is not "
		    "known");
		return false;
	}
	if (p->deadline.day < p->start.day) {
		char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN];
		add(c, TP_SEVERITY_WARNING, "audit.period-reversed", SCHEMA,
		    NULL, "",
		    "the tender period ends on %s, before it starts "
		    "on %s (%s)",
		    tp_date_format(p->deadline, b), tp_date_format(p->start, a),
		    p->from);
		return false;
	}
	return true;
}

static const char *
kind_name(const struct proc *p)
{
	return p->kind == TP_PERIOD_TENDER ? "tender"
					   : "participation (requests to "
					     "participate)";
}

/* The ordinary minimum, and the lowest the regime allows with a prior
 * information notice or a state of urgency, which a notice cannot show. */
static bool
minimums(enum tp_regime regime, const struct proc *p, struct tp_min_period *min,
	 struct tp_min_period *reduced)
{
	const unsigned base =
		TP_CLAIM_ELECTRONIC_TENDERS | TP_CLAIM_DOCUMENTS_WITH_NOTICE;
	struct tp_min_period pin, urgent;
	if (tp_min_period(regime, p->procedure, p->kind, base, min, NULL) !=
		    TP_OK ||
	    min->days < 0)
		return false;
	*reduced = *min;
	if (tp_min_period(regime, p->procedure, p->kind, base | TP_CLAIM_PIN,
			  &pin, NULL) == TP_OK &&
	    pin.days >= 0 && pin.days < reduced->days)
		*reduced = pin;
	if (tp_min_period(regime, p->procedure, p->kind,
			  base | TP_CLAIM_URGENCY, &urgent, NULL) == TP_OK &&
	    urgent.days >= 0 && urgent.days < reduced->days)
		*reduced = urgent;
	return true;
}

static void
no_minimum(struct actx *c, const struct proc *p, struct result *res,
	   const char *cite, const char *why)
{
	add(c, TP_SEVERITY_INFO,
	    p->cls == PROC_UNKNOWN ? "audit.procedure-unknown"
				   : "audit.no-minimum",
	    cite, res, "", "%s (procedure \"%.60s\"); the notice gave %ld days",
	    why, p->label, res->period);
}

static void
compare(struct actx *c, const struct period *pd, const struct proc *p,
	struct result *res, const char *value_note)
{
	struct tp_min_period min, reduced;
	struct tp_date earliest, earliest_reduced;
	char a[TP_DATE_STRLEN], b[TP_DATE_STRLEN], e[TP_DATE_STRLEN];
	char fix[96];
	if (!minimums(res->regime, p, &min, &reduced)) {
		no_minimum(c, p, res, tp_regime_title(res->regime),
			   "the regime sets no minimum for this procedure");
		return;
	}
	res->minimum = min.days;
	if (!have_calendar(c))
		return;
	if (tp_earliest_deadline(res->regime, c->cal, pd->start, min.days,
				 &earliest, NULL) != TP_OK ||
	    tp_earliest_deadline(res->regime, c->cal, pd->start, reduced.days,
				 &earliest_reduced, NULL) != TP_OK) {
		no_minimum(c, p, res, "", "the dates are outside the calendar");
		return;
	}
	c->a->counts.audited++;
	tp_date_format(pd->start, a);
	tp_date_format(pd->deadline, b);
	tp_date_format(earliest, e);
	if (pd->deadline.day >= earliest.day) {
		add(c, TP_SEVERITY_INFO, "audit.period-met", min.citation, res,
		    "",
		    "the %s period from %s (%s) to %s is %ld days; the "
		    "minimum is %ld (%s)%s",
		    kind_name(p), a, pd->from, b, res->period, (long)min.days,
		    min.explanation, value_note);
		return;
	}
	bool reducible = pd->deadline.day >= earliest_reduced.day;
	bool tender = p->kind == TP_PERIOD_TENDER;
	snprintf(fix, sizeof(fix), "earliest lawful deadline: %s", e);
	add(c, reducible ? TP_SEVERITY_WARNING : TP_SEVERITY_ERROR,
	    reducible ? (tender ? "audit.tender-reduced"
				: "audit.participation-reduced")
		      : (tender ? "audit.tender-minimum"
				: "audit.participation-minimum"),
	    min.citation, res, fix,
	    "the %s period from %s (%s) to %s is %ld days; the minimum is %ld "
	    "(%s)%s%s",
	    kind_name(p), a, pd->from, b, res->period, (long)min.days,
	    min.explanation,
	    reducible ? "; lawful only after a qualifying prior information "
			"notice or in a state of urgency, which the notice "
			"does not show"
		      : "",
	    value_note);
}

static void
audit_notice(struct actx *c, const json_t *r, const json_t *t)
{
	struct period pd;
	struct result res = {TP_REGIME_NONE, -1, -1};
	char why[240] = "", note[320] = "", d[TP_DATE_STRLEN];
	if (!json_is_object(t)) {
		add(c, TP_SEVERITY_INFO, "audit.no-period", SCHEMA, NULL, "",
		    "a tender notice without a tender section");
		return;
	}
	if (!find_period(c, r, t, &pd))
		return;
	res.period = tp_date_diff(pd.start, pd.deadline);
	tp_date_format(pd.start, d);
	if (tp_regime_for(pd.start, c->opt.jurisdiction, &res.regime, NULL) !=
		    TP_OK ||
	    res.regime == TP_REGIME_NONE) {
		res.regime = TP_REGIME_NONE;
		add(c, TP_SEVERITY_INFO, "audit.regime-none", "", &res, "",
		    "no statutory regime is modelled for a procurement begun "
		    "on %s; the notice gave %ld days",
		    d, res.period);
		return;
	}
	struct proc p = classify(t);
	if (p.cls == PROC_UNKNOWN) {
		no_minimum(c, &p, &res, "",
			   "the procedure is not one the audit recognises");
		return;
	}
	if (p.cls == PROC_NO_MINIMUM) {
		no_minimum(c, &p, &res, tp_regime_title(res.regime),
			   "no minimum period applies to this kind of award");
		return;
	}
	enum value_verdict v = compare_value(t, pd.start, &p, why, sizeof(why));
	const struct thresholds *th = thresholds_on(pd.start);
	if (v == VALUE_BELOW) {
		add(c, TP_SEVERITY_INFO, "audit.below-threshold",
		    th ? th->source : "", &res, "",
		    "below the threshold in force on %s: %s; no statutory "
		    "minimum period applies; the notice gave %ld days",
		    d, why, res.period);
		return;
	}
	if (v == VALUE_UNKNOWN)
		snprintf(note, sizeof(note),
			 "; applies only at or above the threshold, and the "
			 "value cannot be compared: %s",
			 why);
	compare(c, &pd, &p, &res, note);
}

/* ---- releases, packages, lines ------------------------------------------- */

static void
read_release(struct actx *c, const json_t *r)
{
	char why[200];
	c->a->counts.releases++;
	c->ocid = str(r, "ocid");
	c->rid = str(r, "id");
	if (!json_is_object(r)) {
		c->a->counts.skipped++;
		add(c, TP_SEVERITY_WARNING, "ocds.malformed", SCHEMA, NULL, "",
		    "a release must be a JSON object; skipped");
		return;
	}
	if (!release_valid(c, r, why, sizeof(why))) {
		c->a->counts.skipped++;
		add(c, TP_SEVERITY_WARNING, "ocds.schema-invalid", SCHEMA, NULL,
		    "", "%s; release skipped", why);
		return;
	}
	if (!is_notice(r))
		return;
	c->a->counts.notices++;
	audit_notice(c, r, json_object_get(r, "tender"));
}

/* A package's releases, or a release. @p where is "" or "line N".
 * @return false if @p v is neither. */
static bool
read_value(struct actx *c, const json_t *v, const char *where)
{
	const json_t *list = json_object_get(v, "releases");
	size_t i;
	const json_t *r;
	if (json_is_array(list)) {
		json_array_foreach(list, i, r)
		{
			snprintf(c->loc, sizeof(c->loc), "%s%sreleases[%zu]",
				 where, where[0] ? ", " : "", i);
			read_release(c, r);
		}
		return true;
	}
	if (json_is_object(v) &&
	    (json_object_get(v, "ocid") || json_object_get(v, "tag"))) {
		snprintf(c->loc, sizeof(c->loc), "%s", where);
		read_release(c, v);
		return true;
	}
	return false;
}

static enum tp_status
not_ocds(const char *source, int line, struct tp_error *err)
{
	return tp_error_set_at(err, TP_ERR_PARSE, source, line, 0,
			       "not OCDS: expected a release package (an "
			       "object with a \"releases\" array), a release, "
			       "or JSON lines of them");
}

/* JSON lines: each line a release or package; a bad line is a finding. */
static enum tp_status
read_lines(struct actx *c, const char *data, size_t len, const char *source,
	   struct tp_error *err)
{
	bool any = false;
	int line = 0, first_bad = 0;
	for (size_t at = 0; at < len;) {
		const char *p = data + at, *nl = memchr(p, '\n', len - at);
		size_t n = nl ? (size_t)(nl - p) : len - at;
		at += n + 1;
		line++;
		char where[32];
		snprintf(where, sizeof(where), "line %d", line);
		size_t k = 0;
		while (k < n && strchr(" \t\r", p[k]))
			k++;
		if (k == n)
			continue;
		json_error_t e;
		json_t *v = json_loadb(p, n, 0, &e);
		c->ocid = c->rid = NULL;
		snprintf(c->loc, sizeof(c->loc), "%s", where);
		if (v && read_value(c, v, where)) {
			any = true;
		} else {
			first_bad = first_bad ? first_bad : line;
			c->a->counts.releases++;
			c->a->counts.skipped++;
			if (v)
				add(c, TP_SEVERITY_WARNING, "ocds.malformed",
				    SCHEMA, NULL, "",
				    "not a release or release package; "
				    "skipped");
			else
				add(c, TP_SEVERITY_WARNING, "ocds.malformed",
				    "RFC 8259", NULL, "",
				    "not valid JSON at column %d: %s; "
				    "skipped",
				    e.column, e.text);
		}
		json_decref(v);
	}
	return any ? TP_OK : not_ocds(source, first_bad, err);
}

static bool
first_line_is_json(const char *data, size_t len)
{
	size_t at = 0;
	while (at < len && strchr(" \t\r\n", data[at]) && data[at])
		at++;
	const char *nl = memchr(data + at, '\n', len - at);
	size_t n = nl ? (size_t)(nl - (data + at)) : len - at;
	json_t *v = n ? json_loadb(data + at, n, 0, NULL) : NULL;
	bool ok = v != NULL;
	json_decref(v);
	return ok;
}

static enum tp_status
read_all(struct actx *c, const char *data, size_t len, const char *source,
	 struct tp_error *err)
{
	json_error_t e;
	if (first_line_is_json(data, len))
		return read_lines(c, data, len, source, err);
	json_t *v = json_loadb(data, len, 0, &e);
	if (!v)
		return tp_error_set_at(err, TP_ERR_PARSE, source, e.line,
				       e.column, "not valid JSON: %s", e.text);
	bool ok = read_value(c, v, "");
	json_decref(v);
	return ok ? TP_OK : not_ocds(source, 0, err);
}

/* ---- public API ------------------------------------------------------------
 */

TP_EXPORT void
tp_ocds_audit_options_init(struct tp_ocds_audit_options *opt)
{
	if (!opt)
		return;
	memset(opt, 0, sizeof(*opt));
	opt->jurisdiction = TP_REGION_ENGLAND_AND_WALES;
}

static enum tp_status
make_calendar(enum tp_region region, struct tp_calendar **out,
	      struct tp_error *err)
{
	struct tp_calendar_builder *b = NULL;
	enum tp_status rc = tp_calendar_builder_new(&b, err);
	if (rc == TP_OK)
		rc = tp_calendar_builder_set_region(b, region, err);
	if (rc == TP_OK)
		rc = tp_calendar_builder_set_range(b, 2000, TP_YEAR_MAX, err);
	if (rc == TP_OK)
		rc = tp_calendar_builder_build(b, out, err);
	tp_calendar_builder_free(b);
	return rc;
}

static enum tp_status
setup(struct actx *c, const struct tp_ocds_audit_options *opt,
      const char *source, struct tp_error *err)
{
	if (opt)
		c->opt = *opt;
	else
		tp_ocds_audit_options_init(&c->opt);
	enum tp_region j = c->opt.jurisdiction;
	if (j != TP_REGION_ENGLAND_AND_WALES && j != TP_REGION_SCOTLAND &&
	    j != TP_REGION_NORTHERN_IRELAND)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "jurisdiction: use england-and-wales, "
				     "scotland or northern-ireland");
	c->a = calloc(1, sizeof(*c->a));
	if (!c->a || !(c->a->source = dup(source)))
		return tp_error_nomem(err);
	return TP_OK;
}

TP_EXPORT enum tp_status
tp_ocds_audit_buffer(const char *data, size_t len, const char *source,
		     const struct tp_ocds_audit_options *opt,
		     struct tp_ocds_audit **out, struct tp_error *err)
{
	struct actx c = {0};
	if (!out || (!data && len))
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "tp_ocds_audit_buffer: no data or no "
				     "result pointer");
	enum tp_status rc = setup(&c, opt, source, err);
	if (rc == TP_OK)
		rc = read_all(&c, data ? data : "", len, source, err);
	if (rc == TP_OK && c.nomem)
		rc = tp_error_nomem(err);
	tp_ocds_zone_free(c.zone);
	tp_calendar_free(c.cal);
	if (rc != TP_OK) {
		tp_ocds_audit_free(c.a);
		return rc;
	}
	*out = c.a;
	return TP_OK;
}

static enum tp_status
slurp(FILE *f, const char *path, char **data, size_t *len, struct tp_error *err)
{
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	while (buf) {
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (n < cap)
			break;
		char *p = cap > (SIZE_MAX >> 2) ? NULL : realloc(buf, cap * 2);
		if (!p) {
			free(buf);
			buf = NULL;
			break;
		}
		buf = p;
		cap *= 2;
	}
	if (!buf)
		return tp_error_nomem(err);
	if (ferror(f)) {
		free(buf);
		return tp_error_set_at(err, TP_ERR_IO, path, 0, 0,
				       "cannot read the file");
	}
	*data = buf;
	*len = n;
	return TP_OK;
}

TP_EXPORT enum tp_status
tp_ocds_audit_file(const char *path, const struct tp_ocds_audit_options *opt,
		   struct tp_ocds_audit **out, struct tp_error *err)
{
	if (!path)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "tp_ocds_audit_file: no file name");
	bool stdin_ = !strcmp(path, "-");
	const char *name = stdin_ ? "<stdin>" : path;
	FILE *f = stdin_ ? stdin : fopen(path, "rb");
	if (!f)
		return tp_error_set_at(err, TP_ERR_IO, name, 0, 0,
				       "cannot open the file: %s",
				       strerror(errno));
	char *data = NULL;
	size_t len = 0;
	enum tp_status rc = slurp(f, name, &data, &len, err);
	if (!stdin_)
		fclose(f);
	if (rc == TP_OK)
		rc = tp_ocds_audit_buffer(data, len, name, opt, out, err);
	free(data);
	return rc;
}

TP_EXPORT void
tp_ocds_audit_free(struct tp_ocds_audit *a)
{
	if (!a)
		return;
	for (size_t i = 0; i < a->count; i++)
		free_finding(&a->items[i]);
	free(a->items);
	free(a->source);
	free(a);
}

TP_EXPORT size_t
tp_ocds_audit_count(const struct tp_ocds_audit *a)
{
	return a ? a->count : 0;
}

TP_EXPORT const struct tp_ocds_finding *
tp_ocds_audit_get(const struct tp_ocds_audit *a, size_t i)
{
	return a && i < a->count ? &a->items[i] : NULL;
}

TP_EXPORT void
tp_ocds_audit_counts(const struct tp_ocds_audit *a,
		     struct tp_ocds_audit_counts *out)
{
	if (!out)
		return;
	if (a)
		*out = a->counts;
	else
		memset(out, 0, sizeof(*out));
}

TP_EXPORT enum tp_severity
tp_ocds_audit_max_severity(const struct tp_ocds_audit *a)
{
	enum tp_severity max = TP_SEVERITY_INFO;
	for (size_t i = 0; a && i < a->count; i++)
		if (a->items[i].finding.severity > max)
			max = a->items[i].finding.severity;
	return max;
}
