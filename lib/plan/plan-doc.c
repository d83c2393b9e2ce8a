/* SPDX-License-Identifier: MIT */
/* A plan document: a plan plus its calendar as described in a file and
 * the rule settings. See tp-plan-xml.h. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tenderplan/tp-plan-xml.h>

#include "calendar-cache-private.h"
#include "error-private.h"
#include "plan-doc-private.h"
#include "snapshot-private.h"
#include "rules-private.h"
#include "text-private.h"

static const char *const claim_names[] = {
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
};
#define N_CLAIMS (sizeof(claim_names) / sizeof(claim_names[0]))

const char *
tp_plan_claim_name(enum tp_claim claim)
{
	for (size_t i = 0; i < N_CLAIMS; i++)
		if ((unsigned)claim == 1u << i)
			return claim_names[i];
	return NULL;
}

enum tp_status
tp_plan_claim_from_name(const char *name, enum tp_claim *out,
			struct tp_error *err)
{
	if (!out)
		return tp_error_null(err, __func__);
	for (size_t i = 0; name && i < N_CLAIMS; i++) {
		if (!strcmp(name, claim_names[i])) {
			*out = (enum tp_claim)(1u << i);
			return TP_OK;
		}
	}
	return tp_error_setf(err, TP_ERR_INVALID, NULL,
			     "unknown claim '%.64s' (valid: pin, urgency, "
			     "electronic-tenders, electronic-notice, "
			     "documents-with-notice, agreed-period, "
			     "preselected, extreme-urgency, protect-life, "
			     "private-utility, user-choice, dynamic-market, "
			     "utilities-contract, voluntary-standstill, "
			     "single-tenderer, representations, competition, "
			     "urgent-award)",
			     name ? name : "");
}

enum tp_status
tp_plan_doc_new(struct tp_plan_doc **out, struct tp_error *err)
{
	if (!out)
		return tp_error_null(err, __func__);
	struct tp_plan_doc *doc = calloc(1, sizeof(*doc));
	enum tp_status rc;

	if (!doc)
		return tp_error_nomem(err);
	rc = tp_plan_new(&doc->plan, err);
	if (rc != TP_OK) {
		free(doc);
		return rc;
	}
	doc->region = TP_REGION_ENGLAND_AND_WALES;
	tp_rules_config_init(&doc->rules);
	*out = doc;
	return TP_OK;
}

static void
free_ranges(struct tp_plan_doc_range *r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(r[i].name);
	free(r);
}

void
tp_plan_doc_free(struct tp_plan_doc *doc)
{
	if (!doc)
		return;
	tp_plan_free(doc->plan);
	free_ranges(doc->closures, doc->n_closures);
	free_ranges(doc->holidays, doc->n_holidays);
	free(doc->ics);
	tp_plan_doc_free_snapshots(doc);
	free(doc);
}

struct tp_plan *
tp_plan_doc_plan(struct tp_plan_doc *doc)
{
	if (!doc)
		return NULL;
	return doc->plan;
}

const struct tp_plan *
tp_plan_doc_plan_const(const struct tp_plan_doc *doc)
{
	if (!doc)
		return NULL;
	return doc->plan;
}

void
tp_plan_doc_set_region(struct tp_plan_doc *doc, enum tp_region region)
{
	if (!doc)
		return;
	doc->region = region;
}

enum tp_region
tp_plan_doc_region(const struct tp_plan_doc *doc)
{
	if (!doc)
		return TP_REGION_NONE;
	return doc->region;
}

static enum tp_status
dup_opt(const char *s, char **out, struct tp_error *err)
{
	*out = NULL;
	if (s && !(*out = strdup(s)))
		return tp_error_nomem(err);
	return TP_OK;
}

/* Names and paths from a plan file are text (#9). */
static enum tp_status
check_text(const char *s, const char *what, struct tp_error *err)
{
	char why[TP_TEXT_WHY_LEN];

	if (tp_text_ok(s, TP_TEXT_LINE, why))
		return TP_OK;
	return tp_error_setf(err, TP_ERR_INVALID, NULL,
			     "the %s has %s; use UTF-8 text without control "
			     "characters, on one line",
			     what, why);
}

static enum tp_status
add_range(struct tp_plan_doc_range **arr, size_t *n, struct tp_date first,
	  struct tp_date last, const char *name, const char *what,
	  struct tp_error *err)
{
	struct tp_plan_doc_range *grown;
	char *copy;

	if (check_text(name, what, err))
		return TP_ERR_INVALID;
	if (dup_opt(name, &copy, err) != TP_OK)
		return TP_ERR_NOMEM;
	grown = realloc(*arr, (*n + 1) * sizeof(**arr));
	if (!grown) {
		free(copy);
		return tp_error_nomem(err);
	}
	grown[*n] = (struct tp_plan_doc_range){first, last, copy};
	*arr = grown;
	(*n)++;
	return TP_OK;
}

enum tp_status
tp_plan_doc_add_closure(struct tp_plan_doc *doc, struct tp_date first,
			struct tp_date last, const char *name,
			struct tp_error *err)
{
	if (!doc)
		return tp_error_null(err, __func__);
	if (tp_date_compare(last, first) < 0)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "closure ends before it starts");
	return add_range(&doc->closures, &doc->n_closures, first, last, name,
			 "closure name", err);
}

size_t
tp_plan_doc_closure_count(const struct tp_plan_doc *doc)
{
	if (!doc)
		return 0;
	return doc->n_closures;
}

static bool
get_range(const struct tp_plan_doc_range *arr, size_t n, size_t i,
	  struct tp_plan_day_range *out)
{
	if (!out)
		return false;
	if (i >= n)
		return false;
	*out = (struct tp_plan_day_range){arr[i].first, arr[i].last,
					  arr[i].name};
	return true;
}

bool
tp_plan_doc_closure(const struct tp_plan_doc *doc, size_t i,
		    struct tp_plan_day_range *out)
{
	if (!doc)
		return false;
	return get_range(doc->closures, doc->n_closures, i, out);
}

enum tp_status
tp_plan_doc_add_holiday(struct tp_plan_doc *doc, struct tp_date date,
			const char *name, struct tp_error *err)
{
	if (!doc)
		return tp_error_null(err, __func__);
	return add_range(&doc->holidays, &doc->n_holidays, date, date, name,
			 "holiday name", err);
}

size_t
tp_plan_doc_holiday_count(const struct tp_plan_doc *doc)
{
	if (!doc)
		return 0;
	return doc->n_holidays;
}

bool
tp_plan_doc_holiday(const struct tp_plan_doc *doc, size_t i,
		    struct tp_plan_day_range *out)
{
	if (!doc)
		return false;
	return get_range(doc->holidays, doc->n_holidays, i, out);
}

enum tp_status
tp_plan_doc_set_ics(struct tp_plan_doc *doc, const char *path,
		    enum tp_ics_mode mode, struct tp_error *err)
{
	if (!doc)
		return tp_error_null(err, __func__);
	char *copy;

	if (path && !*path)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "empty iCalendar path");
	if (check_text(path, "iCalendar path", err))
		return TP_ERR_INVALID;
	if (dup_opt(path, &copy, err) != TP_OK)
		return TP_ERR_NOMEM;
	free(doc->ics);
	doc->ics = copy;
	doc->ics_mode = mode;
	return TP_OK;
}

const char *
tp_plan_doc_ics(const struct tp_plan_doc *doc, enum tp_ics_mode *mode)
{
	if (!doc)
		return NULL;
	if (mode)
		*mode = doc->ics_mode;
	return doc->ics;
}

/* The region, range, extra holidays and closures of @doc. */
static enum tp_status
fill_builder(const struct tp_plan_doc *doc, struct tp_calendar_builder *b,
	     struct tp_error *err)
{
	enum tp_status rc = tp_calendar_builder_set_region(b, doc->region, err);

	/* Without bank holidays the whole supported range makes sense, as on
	 * the command line (#9: region="none" rejected 1900). */
	if (rc == TP_OK && doc->region == TP_REGION_NONE)
		rc = tp_calendar_builder_set_range(b, TP_YEAR_MIN, TP_YEAR_MAX,
						   err);
	for (size_t i = 0; rc == TP_OK && i < doc->n_holidays; i++)
		rc = tp_calendar_builder_add_holiday(
			b, doc->holidays[i].first, doc->holidays[i].name, err);
	for (size_t i = 0; rc == TP_OK && i < doc->n_closures; i++)
		rc = tp_calendar_builder_add_closure(
			b, doc->closures[i].first, doc->closures[i].last,
			doc->closures[i].name, err);
	return rc;
}

/* The path of the iCalendar file the document names, relative to
 * @base_dir, into @path; "" when it names none. */
static enum tp_status
ics_path(const struct tp_plan_doc *doc, const char *base_dir, char *path,
	 size_t size, struct tp_error *err)
{
	int n;

	path[0] = '\0';
	if (!doc->ics)
		return TP_OK;
	n = doc->ics[0] == '/' || !base_dir || !*base_dir
		    ? snprintf(path, size, "%s", doc->ics)
		    : snprintf(path, size, "%s/%s", base_dir, doc->ics);
	if (n < 0 || (size_t)n >= size)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "iCalendar path too long");
	return TP_OK;
}

enum tp_status
tp_plan_doc_build_plan_calendar(const struct tp_plan_doc *doc,
				const char *ics_file, const char *ics_data,
				size_t ics_len, const char *ics_name,
				struct tp_calendar **out, struct tp_error *err)
{
	struct tp_calendar_builder *b = NULL;
	enum tp_status rc = tp_calendar_builder_new(&b, err);

	if (rc == TP_OK)
		rc = fill_builder(doc, b, err);
	if (rc == TP_OK && ics_data)
		rc = tp_calendar_builder_load_ics_data(
			b, ics_data, ics_len, ics_name, doc->ics_mode, err);
	else if (rc == TP_OK && ics_file)
		rc = tp_calendar_builder_load_ics(b, ics_file, doc->ics_mode,
						  err);
	if (rc == TP_OK)
		rc = tp_calendar_builder_build(b, out, err);
	tp_calendar_builder_free(b);
	return rc;
}

static enum tp_status
build(struct tp_plan_doc *doc, const char *base_dir, const char *ics_data,
      size_t ics_len, const char *ics_name, struct tp_calendar_cache *cache,
      struct tp_error *err)
{
	char path[4096];
	const struct tp_calendar *shared = NULL;
	struct tp_calendar *cal = NULL;
	enum tp_status rc = TP_OK;

	if (!ics_data)
		rc = ics_path(doc, base_dir, path, sizeof(path), err);
	if (rc != TP_OK)
		return rc;
	doc->cache = cache;
	if (cache && !ics_data) {
		rc = tp_calendar_cache_plan(cache, doc, path[0] ? path : NULL,
					    &shared, err);
		if (rc == TP_OK)
			tp_plan_set_calendar(doc->plan, shared);
	} else {
		rc = tp_plan_doc_build_plan_calendar(
			doc, !ics_data && path[0] ? path : NULL, ics_data,
			ics_len, ics_name, &cal, err);
		if (rc == TP_OK)
			tp_plan_take_calendar(doc->plan, cal);
	}
	if (rc == TP_OK)
		rc = tp_plan_doc_build_statutory_calendar(doc, err);
	return rc;
}

enum tp_status
tp_plan_doc_build_calendar(struct tp_plan_doc *doc, const char *base_dir,
			   struct tp_error *err)
{
	if (!doc)
		return tp_error_null(err, __func__);
	return build(doc, base_dir, NULL, 0, NULL, NULL, err);
}

enum tp_status
tp_plan_doc_build_calendar_shared(struct tp_plan_doc *doc,
				  const char *base_dir,
				  struct tp_calendar_cache *cache,
				  struct tp_error *err)
{
	if (!doc)
		return tp_error_null(err, __func__);
	return build(doc, base_dir, NULL, 0, NULL, cache, err);
}

enum tp_status
tp_plan_doc_build_calendar_ics_data(struct tp_plan_doc *doc, const char *data,
				    size_t len, const char *source_name,
				    struct tp_error *err)
{
	return build(doc, NULL, data ? data : "", len, source_name, NULL,
		     err);
}

static bool
terminated(const char *s, size_t size)
{
	return memchr(s, '\0', size) != NULL;
}

static bool
day_count_ok(int32_t n)
{
	return n >= 0 && n <= TP_AMOUNT_MAX;
}

static enum tp_status
check_rules(const struct tp_rules_config *r, struct tp_error *err)
{
	if (!tp_regime_name(r->regime) || !tp_procedure_name(r->procedure) ||
	    !tp_region_name(r->jurisdiction))
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "rule settings: unknown regime, "
				     "procedure or jurisdiction");
	if (r->notice_means != TP_NOTICE_ELECTRONIC &&
	    r->notice_means != TP_NOTICE_OTHER)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "rule settings: unknown notice means");
	if (!tp_authority_name(r->authority) ||
	    !tp_authority_kind_name(r->authority_kind) ||
	    !tp_health_service_name(r->health_service))
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "rule settings: unknown authority, "
				     "authority kind or health service");
	if (!terminated(r->cpv, sizeof(r->cpv)) ||
	    (r->cpv[0] && !tp_cpv_well_formed(r->cpv)))
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "rule settings: a CPV code is 8 digits, "
				     "optionally '-' and a check digit (e.g. "
				     "85323000-9)");
	if (r->claims >> N_CLAIMS)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "unknown claim bits 0x%x", r->claims);
	if (!terminated(r->local_citation, sizeof(r->local_citation)))
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "rule settings: unterminated citation");
	/* The citation is shown in findings and every export (#9). */
	if (check_text(r->local_citation, "local rule's citation", err))
		return TP_ERR_INVALID;
	if (!day_count_ok(r->local_standstill_days) ||
	    !day_count_ok(r->local_min_tender_days) ||
	    !day_count_ok(r->min_lead_in_days))
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "rule settings: day counts must be 0 to "
				     "%d",
				     TP_AMOUNT_MAX);
	return TP_OK;
}

enum tp_status
tp_plan_doc_set_rules(struct tp_plan_doc *doc,
		      const struct tp_rules_config *rules, struct tp_error *err)
{
	if (!doc || !rules)
		return tp_error_null(err, __func__);
	enum tp_status rc = check_rules(rules, err);

	if (rc == TP_OK)
		doc->rules = *rules;
	return rc;
}

const struct tp_rules_config *
tp_plan_doc_rules(const struct tp_plan_doc *doc)
{
	if (!doc)
		return NULL;
	return &doc->rules;
}
