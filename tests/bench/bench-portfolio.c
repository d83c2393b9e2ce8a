/* SPDX-License-Identifier: MIT */
/* A national portfolio (issue #11): N tenders shaped like
 * examples/hartlepool-2011.xml (24 stages each, its dates shifted by whole
 * weeks, tender k by k % 520 weeks, so the portfolio spans ten years),
 * written as N plan files into a temporary directory and as one plan file
 * holding M of them (M = N / 6, at least 1, capped so the file stays
 * under the 8 MiB limit: 166 and 1,542 for the default sizes, so that the
 * big file's growth exponent also spans about tenfold; with M = N the cap
 * left 1,000 against 1,542, too close for an exponent to mean anything;
 * every stage id prefixed "tK-"). Then, in one process:
 *
 *   read      the N small files (tp_plan_set_read(): one reader, one
 *             calendar cache) and the one big file;
 *   schedule  every plan (tp_plan_doc_schedule());
 *   check     every schedule (tp_plan_check_with());
 *   snapshot  every schedule recorded (tp_snapshot_record(): each stage's
 *             text hash and SEQUENCE) and compared with its snapshot;
 *   export    the N schedules as one portfolio document to every format
 *             (ics, xml, mspdi, csv, text, ocds, svg, html), and the big
 *             plan to every format, each to a file;
 *
 * printing for each step the wall time, the time per stage, the CPU time
 * (on a shared machine the wall time also counts waiting for a core), the
 * peak resident set during the step (VmHWM, reset before each step through
 * /proc/self/clear_refs where the kernel allows) and, when two sizes run,
 * the growth exponent log(t2/t1) / log(N2/N1) of both. Prints, never
 * asserts.
 *
 *   bench-portfolio [--quick] [--tenders N] [--keep] [--only FMT,...]
 *                   [--threads N]
 *     default: N = 1,000 then 10,000; --quick: 50 then 500 (CI);
 *     --tenders N: that size only; --keep: leave the files (path printed);
 *     --only ics,xml: export to those formats only (quicker turns);
 *     --threads N: tp_export_options.threads (default 0, one per core).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <tenderplan/tenderplan.h>

#include "bench-util.h"

#include "config.h"

/* The source tree's example (TP_SOURCE_DATADIR is its data/). */
#define TP_BENCH_EXAMPLE TP_SOURCE_DATADIR "/../examples/hartlepool-2011.xml"

#define MAX_STEPS 40
#define WEEKS     520

struct step {
	char name[48];
	double seconds;
	double cpu; /* this process's CPU time: on a busy machine the wall
		       time includes waiting for a core */
	size_t stages;
	long peak_kib;
	long bytes; /* output size, or -1 */
};

struct run {
	size_t n;
	struct step steps[MAX_STEPS];
	size_t n_steps;
};

static struct step *
begin(struct run *r, const char *name, size_t stages, double *t0)
{
	struct step *s = &r->steps[r->n_steps++];
	snprintf(s->name, sizeof(s->name), "%s", name);
	s->stages = stages;
	s->bytes = -1;
	bench_reset_peak();
	s->cpu = bench_cpu_s();
	*t0 = bench_now_s();
	return s;
}

static void
end(struct step *s, double t0)
{
	s->seconds = bench_now_s() - t0;
	s->cpu = bench_cpu_s() - s->cpu;
	s->peak_kib = bench_peak_kib();
	printf("  %-22s %9.3f s %8.2f us/stage %8.3f s cpu %8.1f MB peak",
	       s->name, s->seconds,
	       s->seconds * 1e6 / (double)(s->stages ? s->stages : 1), s->cpu,
	       (double)s->peak_kib / 1024.0);
	if (s->bytes >= 0)
		printf(" %9.1f MB out", (double)s->bytes / 1e6);
	printf("\n");
	fflush(stdout);
}

/* Natural logarithm of @x > 0 without libm: x = m 2^k with m in [1, 2),
 * ln m = 2 atanh((m - 1) / (m + 1)) by its series. */
static double
ln(double x)
{
	int k = 0;
	double z, z2, term, sum = 0;

	while (x >= 2) {
		x /= 2;
		k++;
	}
	while (x < 1) {
		x *= 2;
		k--;
	}
	z = (x - 1) / (x + 1);
	z2 = z * z;
	term = z;
	for (int i = 1; i < 40; i += 2) {
		sum += term / i;
		term *= z2;
	}
	return 2 * sum + k * 0.69314718055994530942;
}

/* ---- generating the plans ------------------------------------------------- */

struct buf {
	char *p;
	size_t n, cap;
};

static void
put(struct buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		b->cap = (b->n + n + 1) * 2;
		b->p = realloc(b->p, b->cap);
		if (!b->p) {
			perror("bench-portfolio");
			exit(1);
		}
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static void
puts_(struct buf *b, const char *s)
{
	put(b, s, strlen(s));
}

static bool
is_date_at(const char *s)
{
	for (int i = 0; i < 10; i++) {
		bool dash = i == 4 || i == 7;
		if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return false;
	}
	return s[10] == '"';
}

/* Copy @src[0..n) with each "YYYY-MM-DD" attribute value shifted by @days,
 * the plan id (the value beginning "hartlepool") replaced by @id when not
 * NULL and, when @prefix is not NULL, every other id="..." and
 * stage="..." value prefixed. */
static void
emit(struct buf *b, const char *src, size_t n, int days, const char *id,
     const char *prefix)
{
	const char *end = src + n;
	bool open = false;

	while (src < end) {
		const char *q = memchr(src, '"', (size_t)(end - src));
		if (!q) {
			put(b, src, (size_t)(end - src));
			return;
		}
		put(b, src, (size_t)(q - src) + 1);
		src = q + 1;
		open = !open;
		if (!open)
			continue;
		if (end - src >= 11 && is_date_at(src)) {
			struct tp_date d;
			char out[TP_DATE_STRLEN];
			if (tp_date_parse(src, 10, &d, NULL) != TP_OK)
				exit(1);
			d.day += days;
			tp_date_format(d, out);
			put(b, out, 10);
			src += 10;
		} else if (!strncmp(src, "hartlepool", 10)) {
			if (id) {
				puts_(b, id);
				src = memchr(src, '"', (size_t)(end - src));
			}
		} else if (prefix && (!strncmp(q - 4, " id=", 4) ||
				      !strncmp(q - 7, " stage=", 7))) {
			puts_(b, prefix);
		}
	}
}

struct tmpl {
	char *text;
	size_t len;
	const char *stages_open;  /* "<stages>" */
	const char *stages_close; /* "</stages>" */
};

static int
load_template(struct tmpl *t)
{
	const char *src = getenv("TP_BENCH_EXAMPLE");
	const char *path = src ? src : TP_BENCH_EXAMPLE;
	FILE *f = fopen(path, "rb");
	long n;

	if (!f) {
		fprintf(stderr, "bench-portfolio: %s: %s\n", path,
			strerror(errno));
		return 1;
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	t->text = calloc((size_t)n + 1, 1);
	if (!t->text || fread(t->text, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		return 1;
	}
	fclose(f);
	t->len = (size_t)n;
	t->stages_open = strstr(t->text, "<stages>");
	t->stages_close = strstr(t->text, "</stages>");
	if (!t->stages_open || !t->stages_close)
		return 1;
	t->stages_open += strlen("<stages>");
	return 0;
}

static int
write_file(const char *path, const struct buf *b)
{
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(b->p, 1, b->n, f) != b->n || fclose(f) != 0) {
		fprintf(stderr, "bench-portfolio: cannot write %s\n", path);
		return 1;
	}
	return 0;
}

/* N small files dir/tK.xml and dir/big/portfolio.xml with M tenders. */
static int
generate(const struct tmpl *t, const char *dir, size_t n, size_t *m_out)
{
	struct buf b = {0};
	char path[4200], id[32], prefix[32];
	size_t m = 0;

	for (size_t k = 0; k < n; k++) {
		b.n = 0;
		snprintf(id, sizeof(id), "tender-%05zu", k);
		emit(&b, t->text, t->len, (int)(k % WEEKS) * 7, id, NULL);
		snprintf(path, sizeof(path), "%s/%s.xml", dir, id);
		if (write_file(path, &b))
			return 1;
	}
	/* The big plan: the head of the template (with the first tender's
	 * anchors), then M tenders' stages, then its tail. */
	b.n = 0;
	emit(&b, t->text, (size_t)(t->stages_open - t->text), 0,
	     "portfolio", NULL);
	for (size_t k = 0; k < (n >= 6 ? n / 6 : 1); k++) {
		struct buf one = {0};
		snprintf(prefix, sizeof(prefix), "t%zu-", k);
		emit(&one, t->stages_open,
		     (size_t)(t->stages_close - t->stages_open),
		     (int)(k % WEEKS) * 7, NULL, prefix);
		if (b.n + one.n + 64 > 8u * 1024u * 1024u - 4096u) {
			free(one.p);
			break;
		}
		put(&b, one.p, one.n);
		free(one.p);
		m++;
	}
	emit(&b, t->stages_close, t->len - (size_t)(t->stages_close - t->text),
	     0, NULL, NULL);
	snprintf(path, sizeof(path), "%s/big", dir);
	if (mkdir(path, 0700) != 0)
		return 1;
	snprintf(path, sizeof(path), "%s/big/portfolio.xml", dir);
	if (write_file(path, &b))
		return 1;
	free(b.p);
	*m_out = m;
	return 0;
}

/* ---- the steps --------------------------------------------------------- */

static const enum tp_export_format portfolio_formats[] = {
	TP_EXPORT_ICS,	TP_EXPORT_XML, TP_EXPORT_MSPDI, TP_EXPORT_CSV,
	TP_EXPORT_TEXT, TP_EXPORT_OCDS, TP_EXPORT_SVG,	TP_EXPORT_HTML,
};
static const enum tp_export_format all_formats[] = {
	TP_EXPORT_ICS,	TP_EXPORT_XML, TP_EXPORT_MSPDI, TP_EXPORT_CSV,
	TP_EXPORT_TEXT, TP_EXPORT_OCDS, TP_EXPORT_SVG,	TP_EXPORT_HTML,
};

/* --only: a comma-separated list of format names, or NULL for all. */
static const char *only_formats;
/* --threads: tp_export_options.threads. */
static unsigned export_threads;

static bool
format_wanted(const char *name)
{
	size_t n = strlen(name);
	const char *p = only_formats;

	if (!p)
		return true;
	for (; p; p = strchr(p, ',')) {
		p += *p == ',';
		if (!strncmp(p, name, n) && (p[n] == ',' || p[n] == '\0'))
			return true;
	}
	return false;
}

static long
file_size(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

static int
fail(const char *what, const struct tp_error *err)
{
	fprintf(stderr, "bench-portfolio: %s: %s%s%s line %d: %s\n", what,
		err->source, err->stage[0] ? " stage " : "", err->stage,
		err->line, err->message);
	return 1;
}

/* Read the N small files in one tp_plan_set_read() call: one reader,
 * one calendar cache. */
static int
read_small(struct run *r, const char *dir, size_t n, struct tp_plan_doc **docs,
	   struct tp_plan_set **set)
{
	struct tp_error err;
	double t0;
	const char *paths[1] = {dir};
	struct step *s = begin(r, "read N files", n * 24, &t0);

	if (tp_plan_set_read(paths, 1, 0, set, &err) != TP_OK)
		return fail("read", &err);
	if (tp_plan_set_count(*set) != n) {
		fprintf(stderr, "bench-portfolio: read %zu plans, not %zu\n",
			tp_plan_set_count(*set), n);
		return 1;
	}
	for (size_t k = 0; k < n; k++)
		docs[k] = tp_plan_set_doc(*set, k);
	end(s, t0);
	return 0;
}

static int
schedule_all(struct run *r, const char *name, struct tp_plan_doc **docs,
	     size_t n, size_t stages, struct tp_schedule **scheds)
{
	struct tp_error err;
	double t0;
	struct step *s = begin(r, name, stages, &t0);

	for (size_t k = 0; k < n; k++)
		if (tp_plan_doc_schedule(docs[k], NULL, &scheds[k], &err) !=
		    TP_OK)
			return fail("schedule", &err);
	end(s, t0);
	return 0;
}

static int
check_all(struct run *r, const char *name, struct tp_plan_doc **docs,
	  struct tp_schedule **scheds, size_t n, size_t stages)
{
	struct tp_error err;
	double t0;
	struct step *s = begin(r, name, stages, &t0);
	size_t findings = 0;

	for (size_t k = 0; k < n; k++) {
		struct tp_findings *f = NULL;
		if (tp_plan_check_with(scheds[k], tp_plan_doc_rules(docs[k]),
				       NULL, &f, &err) != TP_OK)
			return fail("check", &err);
		findings += tp_findings_count(f);
		tp_findings_free(f);
	}
	end(s, t0);
	printf("  %-22s %zu findings\n", "", findings);
	return 0;
}

/* Record a snapshot of each schedule (every stage's text hash and
 * SEQUENCE) and compare the schedule with it: what `tenderplan revise`
 * and an iCalendar export against a revision do (#11). */
static int
snapshot_all(struct run *r, const char *name, struct tp_schedule **scheds,
	     size_t n, size_t stages)
{
	struct tp_error err;
	double t0;
	struct step *s = begin(r, name, stages, &t0);
	size_t same = 0;

	for (size_t k = 0; k < n; k++) {
		struct tp_snapshot *snap = NULL;
		struct tp_snapshot_diff d;
		if (tp_snapshot_record(scheds[k], NULL, TP_SNAPSHOT_REVISION,
				       1700000000, &snap, &err) != TP_OK ||
		    tp_snapshot_compare(snap, scheds[k], &d, &err) != TP_OK) {
			tp_snapshot_free(snap);
			return fail("snapshot", &err);
		}
		same += d.same;
		tp_snapshot_free(snap);
	}
	end(s, t0);
	if (same != stages) {
		fprintf(stderr, "bench-portfolio: %zu of %zu stages the same "
				"as their own snapshot\n",
			same, stages);
		return 1;
	}
	return 0;
}

static int
export_all(struct run *r, const char *dir, const char *what,
	   const enum tp_export_format *formats, size_t n_formats,
	   const struct tp_schedule *const *scheds, size_t n, size_t stages)
{
	struct tp_export_options opt;
	struct tp_error err;
	char path[4200], name[48];

	tp_export_options_init(&opt);
	opt.dtstamp = 1700000000;
	opt.threads = export_threads;
	for (size_t f = 0; f < n_formats; f++) {
		const char *fmt = tp_export_format_name(formats[f]);
		double t0;
		struct step *s;
		enum tp_status rc;

		if (!format_wanted(fmt))
			continue;
		snprintf(name, sizeof(name), "export %s %s", what, fmt);
		snprintf(path, sizeof(path), "%s/out-%s.%s", dir, what, fmt);
		s = begin(r, name, stages, &t0);
		rc = n == 1 ? tp_export_to_file(formats[f],
						tp_schedule_plan(scheds[0]),
						scheds[0], &opt, path, &err)
			    : tp_export_portfolio_to_file(formats[f], scheds, n,
							  &opt, path, &err);
		if (rc != TP_OK) {
			r->n_steps--;
			printf("  %-22s not available: %s\n", name,
			       err.message);
			continue;
		}
		s->bytes = file_size(path);
		end(s, t0);
		unlink(path);
	}
	return 0;
}

static int
read_big(struct run *r, const char *dir, size_t stages,
	 struct tp_plan_doc **doc)
{
	char path[4200];
	struct tp_error err;
	double t0;
	struct step *s = begin(r, "read 1 big file", stages, &t0);

	snprintf(path, sizeof(path), "%s/big/portfolio.xml", dir);
	if (tp_plan_doc_read_file(path, 0, doc, &err) != TP_OK)
		return fail("read big", &err);
	end(s, t0);
	return 0;
}

static int
run_size(const struct tmpl *t, size_t n, bool keep, struct run *r)
{
	char dir[] = "/tmp/bench-portfolio-XXXXXX";
	struct tp_plan_doc **docs = calloc(n, sizeof(*docs)), *big = NULL;
	struct tp_schedule **scheds = calloc(n, sizeof(*scheds)), *bs = NULL;
	struct tp_plan_set *set = NULL;
	size_t m = 0;
	int bad = 0;
	char cmd[128];

	r->n = n;
	if (!docs || !scheds || !mkdtemp(dir) || generate(t, dir, n, &m))
		return 1;
	printf("bench-portfolio: %zu tenders (%zu stages) in %s; big file: "
	       "%zu tenders (%zu stages)\n",
	       n, n * 24, dir, m, m * 24);
	bad = read_small(r, dir, n, docs, &set) ||
	      schedule_all(r, "schedule N plans", docs, n, n * 24, scheds) ||
	      check_all(r, "check N plans", docs, scheds, n, n * 24) ||
	      snapshot_all(r, "snapshot N plans", scheds, n, n * 24) ||
	      export_all(r, dir, "N", portfolio_formats,
			 sizeof(portfolio_formats) /
				 sizeof(portfolio_formats[0]),
			 (const struct tp_schedule *const *)scheds, n, n * 24);
	for (size_t k = 0; k < n; k++)
		tp_schedule_free(scheds[k]);
	tp_plan_set_free(set);
	if (!bad)
		bad = read_big(r, dir, m * 24, &big) ||
		      schedule_all(r, "schedule big plan", &big, 1, m * 24,
				   &bs) ||
		      check_all(r, "check big plan", &big, &bs, 1, m * 24) ||
		      snapshot_all(r, "snapshot big plan", &bs, 1, m * 24) ||
		      export_all(r, dir, "big", all_formats,
				 sizeof(all_formats) / sizeof(all_formats[0]),
				 (const struct tp_schedule *const *)&bs, 1,
				 m * 24);
	tp_schedule_free(bs);
	tp_plan_doc_free(big);
	free(docs);
	free(scheds);
	if (keep) {
		printf("bench-portfolio: files kept in %s\n", dir);
	} else {
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
		if (system(cmd) != 0)
			fprintf(stderr, "bench-portfolio: cannot remove %s\n",
				dir);
	}
	return bad;
}

int
main(int argc, char **argv)
{
	size_t sizes[2] = {1000, 10000}, n_sizes = 2;
	bool keep = false;
	struct tmpl t;
	static struct run runs[2];

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--quick")) {
			sizes[0] = 50;
			sizes[1] = 500;
		} else if (!strcmp(argv[i], "--tenders") && i + 1 < argc) {
			sizes[0] = (size_t)atol(argv[++i]);
			n_sizes = 1;
		} else if (!strcmp(argv[i], "--keep")) {
			keep = true;
		} else if (!strcmp(argv[i], "--only") && i + 1 < argc) {
			only_formats = argv[++i];
		} else if (!strcmp(argv[i], "--threads") && i + 1 < argc) {
			export_threads = (unsigned)atoi(argv[++i]);
		} else {
			fprintf(stderr, "usage: bench-portfolio [--quick] "
					"[--tenders N] [--keep] "
					"[--only FMT,...] [--threads N]\n");
			return 2;
		}
	}
	if (load_template(&t))
		return 1;
	for (size_t i = 0; i < n_sizes; i++)
		if (sizes[i] < 1 || run_size(&t, sizes[i], keep, &runs[i]))
			return 1;
	if (n_sizes == 2) {
		printf("bench-portfolio: growth exponent, %zu -> %zu tenders "
		       "(1.0 is linear)\n",
		       runs[0].n, runs[1].n);
		for (size_t s = 0; s < runs[0].n_steps && s < runs[1].n_steps;
		     s++) {
			const struct step *a = &runs[0].steps[s],
					  *b = &runs[1].steps[s];
			if (strcmp(a->name, b->name) || a->seconds <= 0 ||
			    a->stages == b->stages)
				continue;
			double k = ln((double)b->stages / (double)a->stages);
			printf("  %-22s %5.2f wall", a->name,
			       ln(b->seconds / a->seconds) / k);
			if (a->cpu > 0 && b->cpu > 0)
				printf(" %5.2f cpu", ln(b->cpu / a->cpu) / k);
			printf("\n");
		}
	}
	free(t.text);
	return 0;
}
