/* SPDX-License-Identifier: MIT */
/* Editing a plan file in place (#12): a plan of 2,000 stages (each after
 * the stage half its number, so 11 deep; a name and notes each), laid out
 * as libxml2 writes it and as a person might (every stage tag over two
 * lines, single quotes: the three-way merge then has work on every
 * line). Times opening it, one change and its check (finish: the text
 * written, merged, read back), and a stage table changing every stage's
 * duration read back and checked. --quick uses 200 stages. Prints
 * figures; never asserts on time. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <tenderplan/tenderplan.h>

#include "bench-util.h"

struct buf {
	char *p;
	size_t len, cap;
};

static void
add(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
add(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
		if ((size_t)n < b->cap - b->len)
			break;
		b->cap = b->cap * 2 + (size_t)n + 1;
		b->p = realloc(b->p, b->cap);
		if (!b->p)
			exit(3);
	}
	b->len += (size_t)n;
}

static char *
plan_text(size_t n, bool by_hand, size_t *len)
{
	struct buf b = {malloc(1024), 0, 1024};
	const char q = by_hand ? '\'' : '"';

	add(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	add(&b, "<plan xmlns=\"urn:tenderplan:plan:1\" id=\"bench\">\n");
	add(&b, "  <anchors start=\"2026-01-05\"/>\n  <stages>\n");
	for (size_t i = 0; i < n; i++) {
		add(&b, "    <stage id=%cs%zu%c%s kind=%ccustom%c duration=%c5%c>\n",
		    q, i, q, by_hand ? "\n           " : "", q, q, q, q);
		add(&b, "      <name>Stage %zu</name>\n", i);
		add(&b, "      <notes>Notes on stage %zu &amp; more</notes>\n", i);
		if (i > 0)
			add(&b, "      <after stage=%cs%zu%c/>\n", q, i / 2, q);
		add(&b, "    </stage>\n");
	}
	add(&b, "  </stages>\n</plan>\n");
	*len = b.len;
	return b.p;
}

static char *
table_text(size_t n, size_t *len)
{
	struct buf b = {malloc(1024), 0, 1024};

	add(&b, "stage;duration\r\n");
	for (size_t i = 0; i < n; i++)
		add(&b, "s%zu;%zuwd\r\n", i, 6 + i % 3);
	*len = b.len;
	return b.p;
}

static int
bench(size_t n, bool by_hand)
{
	size_t len, tlen;
	char *text = plan_text(n, by_hand, &len), *table = table_text(n, &tlen);
	const char *how = by_hand ? "laid out by hand" : "libxml2's layout";
	struct tp_plan_edit *e = NULL;
	struct tp_error err;
	double t0, t1, t2, t3;
	char mid[32];
	int rc = 1;

	snprintf(mid, sizeof(mid), "s%zu", n / 2);
	t0 = bench_now_s();
	if (tp_plan_edit_new(text, len, "bench.xml", NULL, &e, &err))
		goto out;
	t1 = bench_now_s();
	if (tp_plan_edit_set_stage_duration(e, mid, 9, TP_UNIT_WORKING_DAYS,
					    &err) ||
	    tp_plan_edit_finish(e, &err))
		goto out;
	t2 = bench_now_s();
	printf("bench-edit %zu stages, %s (%.0f kB): open %.1f ms, one change "
	       "checked %.1f ms, layout %s\n",
	       n, how, (double)len / 1e3, (t1 - t0) * 1e3, (t2 - t1) * 1e3,
	       tp_plan_edit_layout_kept(e) ? "kept" : "relaid");
	tp_plan_edit_free(e);
	e = NULL;
	if (tp_plan_edit_new(text, len, "bench.xml", NULL, &e, &err))
		goto out;
	t2 = bench_now_s();
	if (tp_plan_edit_import_csv(e, table, tlen, "bench.csv", NULL, NULL,
				    &err) ||
	    tp_plan_edit_finish(e, &err))
		goto out;
	t3 = bench_now_s();
	printf("bench-edit %zu stages, %s: a table of %zu changes read back and "
	       "checked in %.1f ms, layout %s\n",
	       n, how, tp_plan_edit_change_count(e), (t3 - t2) * 1e3,
	       tp_plan_edit_layout_kept(e) ? "kept" : "relaid");
	rc = 0;
out:
	if (rc)
		fprintf(stderr, "bench-edit: %s\n", err.message);
	tp_plan_edit_free(e);
	free(text);
	free(table);
	return rc;
}

int
main(int argc, char **argv)
{
	size_t n = argc > 1 && !strcmp(argv[1], "--quick") ? 200 : 2000;

	return bench(n, false) || bench(n, true);
}
