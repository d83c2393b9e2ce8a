/* SPDX-License-Identifier: MIT */
/* Export front end: options, format names, dispatch to the writers, memory
 * buffers and atomic files. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomic-file.h"
#include "error-private.h"
#include "export-private.h"
#include "text-private.h"

#include <tenderplan/tp-revision.h>

static const char *const format_names[] = {
	[TP_EXPORT_ICS] = "ics",     [TP_EXPORT_XML] = "xml",
	[TP_EXPORT_MSPDI] = "mspdi", [TP_EXPORT_SVG] = "svg",
	[TP_EXPORT_HTML] = "html",   [TP_EXPORT_CSV] = "csv",
	[TP_EXPORT_TEXT] = "text",   [TP_EXPORT_OCDS] = "ocds",
};

#define N_FORMATS (sizeof(format_names) / sizeof(format_names[0]))

void
tp_export_options_init(struct tp_export_options *opt)
{
	if (!opt)
		return;
	memset(opt, 0, sizeof(*opt));
}

const char *
tp_export_format_name(enum tp_export_format format)
{
	if ((unsigned)format >= N_FORMATS)
		return NULL;
	return format_names[format];
}

enum tp_status
tp_export_format_from_name(const char *name, enum tp_export_format *out,
			   struct tp_error *err)
{
	if (!out)
		return tp_error_null(err, __func__);
	for (size_t i = 0; name && i < N_FORMATS; i++) {
		if (!strcmp(name, format_names[i])) {
			*out = (enum tp_export_format)i;
			return TP_OK;
		}
	}
	return tp_error_setf(err, TP_ERR_INVALID, NULL,
			     "unknown export format '%s' (valid: ics, xml, "
			     "mspdi, svg, html, csv, text, ocds)",
			     name ? name : "(null)");
}

/* ---- growable buffer ---------------------------------------------------- */

enum tp_status
tp_sbuf_flush(struct tp_sbuf *b, struct tp_error *err)
{
	enum tp_status rc = TP_OK;

	if (b->sink && b->len > 0)
		rc = tp_out_write(b->sink, b->data, b->len, err);
	if (b->sink)
		b->len = 0;
	return rc;
}

enum tp_status
tp_sbuf_append_slow(struct tp_sbuf *b, const char *s, size_t n,
		    struct tp_error *err)
{
	if (b->sink && b->len + n > TP_SBUF_FLUSH) {
		enum tp_status rc = tp_sbuf_flush(b, err);
		if (rc != TP_OK || n >= TP_SBUF_FLUSH)
			return rc != TP_OK ? rc
					   : tp_out_write(b->sink, s, n, err);
	}
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *p = realloc(b->data, cap);
		if (!p)
			return tp_error_nomem(err);
		b->data = p;
		b->cap = cap;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return TP_OK;
}

enum tp_status
tp_sbuf_puts(struct tp_sbuf *b, const char *s, struct tp_error *err)
{
	return tp_sbuf_append(b, s, strlen(s), err);
}

enum tp_status
tp_sbuf_printf(struct tp_sbuf *b, struct tp_error *err, const char *fmt, ...)
{
	char small[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "cannot format output text");
	if ((size_t)n < sizeof(small))
		return tp_sbuf_append(b, small, (size_t)n, err);
	char *big = malloc((size_t)n + 1);
	if (!big)
		return tp_error_nomem(err);
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	enum tp_status rc = tp_sbuf_append(b, big, (size_t)n, err);
	free(big);
	return rc;
}

/* ---- stage helpers shared by the writers --------------------------------- */

enum tp_stage_shape
tp_export_stage_shape(const struct tp_plan *plan, size_t stage)
{
	if (!tp_plan_stage_is_milestone(plan, stage))
		return TP_SHAPE_PERIOD;
	switch (tp_plan_stage_kind(plan, stage)) {
	case TP_STAGE_PQQ_DEADLINE:
	case TP_STAGE_CLARIFICATION_DEADLINE:
	case TP_STAGE_TENDER_DEADLINE:
	case TP_STAGE_TUPE_DEADLINE:
		return TP_SHAPE_DEADLINE;
	default:
		break;
	}
	/* A milestone at a time of day ("report by noon") is a deadline. */
	return tp_plan_stage_time(plan, stage) >= 0 ? TP_SHAPE_DEADLINE
						    : TP_SHAPE_MILESTONE;
}

bool
tp_export_stage_shown(const struct tp_export_options *opt,
		      const struct tp_plan *plan, size_t stage)
{
	return !opt->deadlines_only ||
	       tp_export_stage_shape(plan, stage) != TP_SHAPE_PERIOD;
}

/* The options an exporter sees (run_job() makes them): the caller's, with
 * the findings indexed (#11: each stage looked up its findings by reading
 * them all, stages x findings). by_key points into the caller's array,
 * sorted by (has a plan id, plan id, stage or NULL, position), so that a
 * stage's findings are two runs (those for any plan, those for its plan)
 * merged back into the caller's order by position. */
struct export_opts {
	struct tp_export_options opt; /* first: exporters hold &opt */
	const struct tp_export_finding **by_key;
	/* A portfolio's baselines by schedule, sorted by its address. */
	struct sched_baseline *by_sched;
	size_t n_by_sched;
};

struct sched_baseline {
	uintptr_t sched;
	const struct tp_snapshot *snap;
};

static const char *
finding_stage(const struct tp_export_finding *f)
{
	return f->stage && *f->stage ? f->stage : NULL;
}

static int
cmp_str(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

/* Order of (has plan, plan, stage), then of position when @pos. */
static int
cmp_key(const struct tp_export_finding *f, bool has_plan, const char *plan,
	const char *stage)
{
	int c = (f->plan_id != NULL) - has_plan;
	if (!c && has_plan)
		c = strcmp(f->plan_id, plan);
	return c ? c : cmp_str(finding_stage(f), stage);
}

static int
cmp_findings(const struct tp_export_finding *a,
	     const struct tp_export_finding *b)
{
	int c = cmp_key(a, b->plan_id != NULL, b->plan_id, finding_stage(b));
	return c ? c : (a > b) - (a < b);
}

/* Merge sort (qsort is not stable and has no context). */
static void
sort_findings(const struct tp_export_finding **v,
	      const struct tp_export_finding **tmp, size_t n)
{
	size_t h = n / 2, i = 0, j = h, k = 0;

	if (n < 2)
		return;
	sort_findings(v, tmp, h);
	sort_findings(v + h, tmp, n - h);
	while (i < h || j < n)
		tmp[k++] = j >= n || (i < h && cmp_findings(v[i], v[j]) <= 0)
				   ? v[i++]
				   : v[j++];
	memcpy(v, tmp, n * sizeof(*v));
}

/* The first entry of by_key not before the key. */
static size_t
lower_bound(const struct export_opts *x, bool has_plan, const char *plan,
	    const char *stage)
{
	size_t lo = 0, hi = x->opt.n_findings;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cmp_key(x->by_key[mid], has_plan, plan, stage) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int
cmp_sched_baseline(const void *a, const void *b)
{
	const struct sched_baseline *x = a, *y = b;
	return (x->sched > y->sched) - (x->sched < y->sched);
}

static bool
same_id(const char *a, const char *b)
{
	return a && b ? !strcmp(a, b) : a == b;
}

/* A portfolio's baselines (#11): each entry of opt->baselines beside its
 * schedule, if it is of that schedule's plan, indexed by the schedule so
 * that the writers' per-stage lookups (tp_export_slip()) find it. */
static enum tp_status
index_baselines(struct export_opts *x, const struct tp_export_job *job,
		struct tp_error *err)
{
	const struct tp_snapshot *const *b = job->opt->baselines;
	size_t m = 0;

	for (size_t i = 0; b && i < job->n; i++)
		m += b[i] != NULL;
	if (!m)
		return TP_OK;
	x->by_sched = malloc(m * sizeof(*x->by_sched));
	if (!x->by_sched)
		return tp_error_nomem(err);
	for (size_t i = 0; i < job->n; i++) {
		const char *id = tp_plan_id(tp_schedule_plan(job->scheds[i]));
		if (b[i] && same_id(tp_snapshot_plan_id(b[i]), id))
			x->by_sched[x->n_by_sched++] = (struct sched_baseline){
				(uintptr_t)job->scheds[i], b[i]};
	}
	qsort(x->by_sched, x->n_by_sched, sizeof(*x->by_sched),
	      cmp_sched_baseline);
	return TP_OK;
}

static enum tp_status
export_opts_init(struct export_opts *x, const struct tp_export_job *job,
		 struct tp_error *err)
{
	const struct tp_export_options *opt = job->opt;
	size_t n = opt->n_findings;
	const struct tp_export_finding **tmp;
	enum tp_status rc;

	x->opt = *opt;
	x->by_key = NULL;
	x->by_sched = NULL;
	x->n_by_sched = 0;
	if (job->portfolio) {
		x->opt.baseline = NULL;
	} else {
		x->opt.baselines = NULL;
		x->opt.sinces = NULL;
	}
	if (job->portfolio && (rc = index_baselines(x, job, err)) != TP_OK)
		return rc;
	if (!n || !opt->findings) {
		x->opt.n_findings = 0;
		return TP_OK;
	}
	x->by_key = malloc(n * sizeof(*x->by_key));
	tmp = malloc(n * sizeof(*tmp));
	if (!x->by_key || !tmp) {
		free(x->by_key);
		free(tmp);
		free(x->by_sched);
		x->by_key = NULL;
		x->by_sched = NULL;
		return tp_error_nomem(err);
	}
	for (size_t i = 0; i < n; i++)
		x->by_key[i] = &opt->findings[i];
	sort_findings(x->by_key, tmp, n);
	free(tmp);
	return TP_OK;
}

enum tp_status
tp_export_foreach_finding(
	const struct tp_export_options *opt, const char *plan_id,
	const char *stage_id,
	enum tp_status (*fn)(const struct tp_export_finding *f, void *user),
	void *user)
{
	/* Exporters are only called by run_job(), with its options. */
	const struct export_opts *x = (const struct export_opts *)opt;
	const char *stage = stage_id && *stage_id ? stage_id : NULL;
	size_t n = opt->n_findings;
	size_t a = n ? lower_bound(x, false, NULL, stage) : 0;
	size_t b = n && plan_id ? lower_bound(x, true, plan_id, stage) : n;

	if (stage_id && !*stage_id)
		return TP_OK; /* "" matches no finding's stage */
	for (;;) {
		bool in_a = a < n && !cmp_key(x->by_key[a], false, NULL, stage);
		bool in_b = b < n && plan_id &&
			    !cmp_key(x->by_key[b], true, plan_id, stage);
		const struct tp_export_finding *f;
		if (!in_a && !in_b)
			return TP_OK;
		f = in_a && (!in_b || x->by_key[a] < x->by_key[b])
			    ? x->by_key[a++]
			    : x->by_key[b++];
		if (!f->message)
			continue;
		/* "" and NULL mean the same: no citation, no rule id */
		struct tp_export_finding g = *f;
		if (g.citation && !*g.citation)
			g.citation = NULL;
		if (g.rule_id && !*g.rule_id)
			g.rule_id = NULL;
		enum tp_status rc = fn(&g, user);
		if (rc != TP_OK)
			return rc;
	}
}

const struct tp_snapshot *
tp_export_baseline_of(const struct tp_export_options *opt,
		      const struct tp_schedule *sched)
{
	/* Exporters are only called by run_job(), with its options. */
	const struct export_opts *x = (const struct export_opts *)opt;
	struct sched_baseline key = {(uintptr_t)sched, NULL};
	const struct sched_baseline *hit;

	if (opt->baseline || !x->n_by_sched)
		return opt->baseline;
	hit = bsearch(&key, x->by_sched, x->n_by_sched, sizeof(key),
		      cmp_sched_baseline);
	return hit ? hit->snap : NULL;
}

bool
tp_export_slip(const struct tp_export_options *opt,
	       const struct tp_schedule *sched, size_t stage, int32_t *out)
{
	const struct tp_snapshot *b = tp_export_baseline_of(opt, sched);
	return b && tp_snapshot_slippage(b, sched, stage, out);
}

bool
tp_export_baseline(const struct tp_export_options *opt,
		   const struct tp_schedule *sched, size_t stage,
		   struct tp_date *start, struct tp_date *finish)
{
	struct tp_snapshot_stage st;
	const struct tp_snapshot *b = tp_export_baseline_of(opt, sched);
	const char *id = tp_plan_stage_id(tp_schedule_plan(sched), stage);
	if (!b || !tp_snapshot_find_stage(b, id, &st) || st.removed)
		return false;
	*start = st.start;
	*finish = st.finish;
	return true;
}

char *
tp_export_slip_text(int32_t n, char buf[16])
{
	snprintf(buf, 16, n > 0 ? "+%ld" : "%ld", (long)n);
	return buf;
}

char *
tp_export_slip_words(int32_t n, char *buf, size_t size)
{
	if (n == 0)
		snprintf(buf, size, "on time against the baseline");
	else
		snprintf(buf, size, "%ld working day%s %s than the baseline",
			 (long)(n < 0 ? -n : n), n == 1 || n == -1 ? "" : "s",
			 n > 0 ? "later" : "earlier");
	return buf;
}

const char *
tp_export_progress(const struct tp_plan *plan, size_t stage)
{
	if (tp_plan_stage_actual_finish(plan, stage, NULL))
		return "done";
	if (tp_plan_stage_actual_start(plan, stage, NULL))
		return "started";
	return NULL;
}

void
tp_export_hhmm(int minutes, char buf[6])
{
	unsigned m = (unsigned)minutes % (24 * 60);
	buf[0] = (char)('0' + m / 600);
	buf[1] = (char)('0' + m / 60 % 10);
	buf[2] = ':';
	buf[3] = (char)('0' + m % 60 / 10);
	buf[4] = (char)('0' + m % 10);
	buf[5] = '\0';
}

/* ---- dispatch ------------------------------------------------------------ */

static enum tp_status (*const writers[])(const struct tp_export_job *,
					 struct tp_sbuf *,
					 struct tp_error *) = {
	[TP_EXPORT_ICS] = tp_export_ics,     [TP_EXPORT_XML] = tp_export_xml,
	[TP_EXPORT_MSPDI] = tp_export_mspdi, [TP_EXPORT_SVG] = tp_export_svg,
	[TP_EXPORT_HTML] = tp_export_html,   [TP_EXPORT_CSV] = tp_export_csv,
	[TP_EXPORT_TEXT] = tp_export_text,   [TP_EXPORT_OCDS] = tp_export_ocds,
};

/* The options grew into their reserved bytes without changing size. */
_Static_assert(sizeof(struct tp_export_options) ==
		       offsetof(struct tp_export_options, n_findings) +
			       sizeof(size_t) + 64,
	       "struct tp_export_options changed size");

static const char *
plan_label(const struct tp_plan *p)
{
	const char *name = tp_plan_name(p);
	return name && *name ? name : "(unnamed)";
}

/* Every calendar UID is made from the plan id (iCalendar only). */
static enum tp_status
check_ids(enum tp_export_format format, const struct tp_export_job *job,
	  struct tp_error *err)
{
	for (size_t i = 0; format == TP_EXPORT_ICS && i < job->n; i++) {
		const struct tp_plan *p = tp_schedule_plan(job->scheds[i]);
		if (!tp_plan_id(p))
			return tp_error_setf(err, TP_ERR_INVALID, NULL,
					     "plan '%s' has no id: calendar "
					     "UIDs are made from it",
					     plan_label(p));
	}
	return TP_OK;
}

static enum tp_status
bad_text(struct tp_error *err, const char *what, size_t i, const char *why)
{
	char where[48] = "";

	if (i)
		snprintf(where, sizeof(where), " of finding %zu", i);
	return tp_error_setf(err, TP_ERR_INVALID, NULL,
			     "the %s%s has %s; use UTF-8 text without control "
			     "characters, on one line",
			     what, where, why);
}

/* The options' text reaches XML, HTML and terminals: the title (--title),
 * the findings and the removed ids must be text they can hold (#9). */
static enum tp_status
check_texts(const struct tp_export_options *opt, struct tp_error *err)
{
	char why[TP_TEXT_WHY_LEN];

	if (!tp_text_ok(opt->title, TP_TEXT_LINE, why))
		return bad_text(err, "title", 0, why);
	for (size_t i = 0; i < opt->n_findings; i++) {
		const struct tp_export_finding *f = &opt->findings[i];
		const char *const fields[] = {f->severity, f->rule_id,
					      f->citation, f->plan_id,
					      f->stage,    f->message};
		static const char *const names[] = {"severity", "rule id",
						    "citation", "plan id",
						    "stage id", "message"};
		for (size_t k = 0; k < 6; k++)
			if (!tp_text_ok(fields[k], TP_TEXT_LINE, why))
				return bad_text(err, names[k], i + 1, why);
	}
	for (size_t i = 0; opt->removed && i < opt->n_removed; i++)
		if (!tp_text_ok(opt->removed[i], TP_TEXT_LINE, why))
			return bad_text(err, "removed stage id", 0, why);
	return TP_OK;
}

static enum tp_status
check_job(enum tp_export_format format, const struct tp_export_job *job,
	  struct tp_error *err)
{
	enum tp_status rc;

	if ((unsigned)format >= N_FORMATS)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "unknown export format %d", (int)format);
	if (job->n == 0)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "nothing to export: no schedule given");
	for (size_t i = 0; i < job->n; i++)
		if (!job->scheds[i])
			return tp_error_setf(err, TP_ERR_INVALID, NULL,
					     "schedule %zu is missing", i + 1);
	int32_t a = job->opt->alarm_working_days;
	if (a < 0 || a > 250)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "alarm of %d working days: use 0 to 250",
				     (int)a);
	int32_t m = job->opt->deadline_minutes;
	if (m < 0 || m > 24 * 60)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "deadlines of %d minutes: use 1 to 1440",
				     (int)m);
	if (job->opt->n_findings && !job->opt->findings)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "%zu findings but no array of them",
				     job->opt->n_findings);
	if ((rc = check_texts(job->opt, err)))
		return rc;
	return check_ids(format, job, err);
}

static enum tp_status
run_job(enum tp_export_format format, const struct tp_export_job *job,
	struct tp_sbuf *out, struct tp_error *err)
{
	struct export_opts x;
	struct tp_export_job indexed = *job;
	enum tp_status rc = export_opts_init(&x, job, err);

	indexed.opt = &x.opt;
	if (rc == TP_OK)
		rc = writers[format](&indexed, out, err);
	if (rc == TP_OK && !out->data)
		rc = tp_sbuf_append(out, "", 0, err);
	free(x.by_key);
	free(x.by_sched);
	return rc;
}

static const struct tp_export_options *
options_or_defaults(const struct tp_export_options *opt,
		    struct tp_export_options *defaults)
{
	if (opt)
		return opt;
	tp_export_options_init(defaults);
	return defaults;
}

static enum tp_status
export_buffer(enum tp_export_format format, const struct tp_schedule *const *s,
	      size_t n, bool portfolio, const struct tp_export_options *opt,
	      char **out, size_t *len, struct tp_error *err)
{
	struct tp_export_options defaults;
	struct tp_export_job job = {.scheds = s,
				    .n = n,
				    .opt = options_or_defaults(opt, &defaults),
				    .portfolio = portfolio};
	struct tp_sbuf b = {0};
	enum tp_status rc = check_job(format, &job, err);
	if (rc == TP_OK)
		rc = run_job(format, &job, &b, err);
	if (rc != TP_OK) {
		free(b.data);
		return rc;
	}
	*out = b.data;
	if (len)
		*len = b.len;
	return TP_OK;
}

/* Stream the export into @p path: the job is checked before the file is
 * touched, and a failure half way leaves the old file (tp-output.h). */
static enum tp_status
export_file(enum tp_export_format format, const struct tp_schedule *const *s,
	    size_t n, bool portfolio, const struct tp_export_options *opt,
	    const char *path, struct tp_error *err)
{
	struct tp_export_options defaults;
	struct tp_export_job job = {.scheds = s,
				    .n = n,
				    .opt = options_or_defaults(opt, &defaults),
				    .portfolio = portfolio};
	struct tp_sbuf b = {0};
	enum tp_status rc = check_job(format, &job, err);
	if (rc == TP_OK)
		rc = tp_out_open(path, job.opt->write, &b.sink, err);
	if (rc != TP_OK)
		return rc;
	rc = run_job(format, &job, &b, err);
	if (rc == TP_OK)
		rc = tp_sbuf_flush(&b, err);
	free(b.data);
	if (rc != TP_OK) {
		tp_out_abort(b.sink);
		return rc;
	}
	return tp_out_commit(b.sink, err);
}

static enum tp_status
check_pair(const struct tp_plan *plan, const struct tp_schedule *sched,
	   struct tp_error *err)
{
	if (!plan || !sched || tp_schedule_plan(sched) != plan)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "the schedule was not computed from this "
				     "plan");
	return TP_OK;
}

enum tp_status
tp_export_to_buffer(enum tp_export_format format, const struct tp_plan *plan,
		    const struct tp_schedule *sched,
		    const struct tp_export_options *opt, char **out,
		    size_t *len, struct tp_error *err)
{
	if (!out)
		return tp_error_null(err, __func__);
	enum tp_status rc = check_pair(plan, sched, err);
	if (rc != TP_OK)
		return rc;
	return export_buffer(format, &sched, 1, false, opt, out, len, err);
}

enum tp_status
tp_export_to_file(enum tp_export_format format, const struct tp_plan *plan,
		  const struct tp_schedule *sched,
		  const struct tp_export_options *opt, const char *path,
		  struct tp_error *err)
{
	enum tp_status rc = check_pair(plan, sched, err);
	if (rc != TP_OK)
		return rc;
	return export_file(format, &sched, 1, false, opt, path, err);
}

/* ---- portfolios ---------------------------------------------------------- */

struct id_ref {
	const char *id;
	size_t index;
};

static int
cmp_id_ref(const void *a, const void *b)
{
	const struct id_ref *x = a, *y = b;
	int c = strcmp(x->id, y->id);
	return c ? c : (x->index > y->index) - (x->index < y->index);
}

/* Two plans of one id would share every calendar UID: refuse, naming
 * both (the first pair in the order given). */
static enum tp_status
check_unique_ids(const struct tp_schedule *const *s, size_t n,
		 struct tp_error *err)
{
	struct id_ref *refs = n > 1 ? malloc(n * sizeof(*refs)) : NULL;
	size_t m = 0, a = SIZE_MAX, b = SIZE_MAX;
	if (n > 1 && !refs)
		return tp_error_nomem(err);
	for (size_t i = 0; i < n && n > 1; i++) {
		const char *id =
			s[i] ? tp_plan_id(tp_schedule_plan(s[i])) : NULL;
		if (id)
			refs[m++] = (struct id_ref){id, i};
	}
	if (m > 1)
		qsort(refs, m, sizeof(*refs), cmp_id_ref);
	for (size_t i = 1; i < m; i++)
		if (!strcmp(refs[i - 1].id, refs[i].id) &&
		    (a == SIZE_MAX || refs[i].index < b ||
		     (refs[i].index == b && refs[i - 1].index < a))) {
			a = refs[i - 1].index;
			b = refs[i].index;
		}
	free(refs);
	if (a == SIZE_MAX)
		return TP_OK;
	const struct tp_plan *pa = tp_schedule_plan(s[a]);
	const struct tp_plan *pb = tp_schedule_plan(s[b]);
	return tp_error_setf(err, TP_ERR_INVALID, NULL,
			     "plans %zu ('%s') and %zu ('%s') have the same id "
			     "'%s': give each tender its own id",
			     a + 1, plan_label(pa), b + 1, plan_label(pb),
			     tp_plan_id(pa));
}

static void
portfolio_options(const struct tp_export_options *opt,
		  struct tp_export_options *o)
{
	if (opt)
		*o = *opt;
	else
		tp_export_options_init(o);
	o->previous = NULL;
	o->removed = NULL;
	o->n_removed = 0;
	o->since = NULL;
	o->baseline = NULL; /* each plan's: o->baselines */
}

enum tp_status
tp_export_portfolio_to_buffer(enum tp_export_format format,
			      const struct tp_schedule *const *scheds, size_t n,
			      const struct tp_export_options *opt, char **out,
			      size_t *len, struct tp_error *err)
{
	if (!out)
		return tp_error_null(err, __func__);
	struct tp_export_options o;
	enum tp_status rc = scheds ? check_unique_ids(scheds, n, err)
				   : tp_error_setf(err, TP_ERR_INVALID, NULL,
						   "no schedules given");
	if (rc != TP_OK)
		return rc;
	portfolio_options(opt, &o);
	return export_buffer(format, scheds, n, true, &o, out, len, err);
}

enum tp_status
tp_export_portfolio_to_file(enum tp_export_format format,
			    const struct tp_schedule *const *scheds, size_t n,
			    const struct tp_export_options *opt,
			    const char *path, struct tp_error *err)
{
	struct tp_export_options o;
	enum tp_status rc = scheds ? check_unique_ids(scheds, n, err)
				   : tp_error_setf(err, TP_ERR_INVALID, NULL,
						   "no schedules given");
	if (rc != TP_OK)
		return rc;
	portfolio_options(opt, &o);
	return export_file(format, scheds, n, true, &o, path, err);
}
