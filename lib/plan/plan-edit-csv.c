/* SPDX-License-Identifier: MIT */
/* A stage table back from a spreadsheet (tp_plan_edit_import_csv()): RFC
 * 4180 records as Excel and LibreOffice save them (UTF-8 with or without a
 * byte order mark, comma, semicolon or tab, CRLF or LF, quoted fields with
 * line breaks, an Excel "sep=;" first line), checked whole before anything
 * changes. The values are compared with the table the export would write
 * (export-text.c gives both sides the same cells), so a table saved back
 * without changes changes nothing. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlstring.h>

#include <tenderplan/tp-meeting.h>

#include "error-private.h"
#include "export-private.h"
#include "plan-edit-private.h"
#include "suggest-private.h"

/* ---- records -------------------------------------------------------- */

struct record {
	char **cells;
	size_t n;
	int row; /* as the spreadsheet numbers it: the header is row 1 */
};

struct table {
	char *text; /* the cells, NUL-terminated, in one block */
	struct record *rows;
	size_t n_rows, cap_rows;
	char sep;
	const char *source;
	tp_plan_edit_problem_fn report;
	void *user;
	size_t problems;
};

static enum tp_status
add_cell(struct record *r, char *cell, struct tp_error *err)
{
	if ((r->n & (r->n + 1)) == 0 || r->n == 0) { /* 0, 1, 3, 7, ... */
		char **c = realloc(r->cells, (r->n * 2 + 2) * sizeof(*c));
		if (!c)
			return tp_error_nomem(err);
		r->cells = c;
	}
	r->cells[r->n++] = cell;
	return TP_OK;
}

static enum tp_status
new_record(struct table *t, int row, struct tp_error *err)
{
	if (t->n_rows == t->cap_rows) {
		size_t cap = t->cap_rows ? t->cap_rows * 2 : 64;
		struct record *r = realloc(t->rows, cap * sizeof(*r));
		if (!r)
			return tp_error_nomem(err);
		t->rows = r;
		t->cap_rows = cap;
	}
	t->rows[t->n_rows++] = (struct record){NULL, 0, row};
	return TP_OK;
}

/* The separator: an Excel "sep=X" first line says it (and is skipped);
 * else whichever of comma, semicolon and tab the first line has most of
 * outside quotes (comma when none). */
static char
separator(const char *s, size_t len, size_t *skip)
{
	size_t n[3] = {0, 0, 0};
	bool quoted = false;

	*skip = 0;
	if (len >= 5 && !strncmp(s, "sep=", 4) && s[4] && s[4] != '\n') {
		size_t i = 5;
		while (i < len && s[i] != '\n')
			i++;
		*skip = i < len ? i + 1 : i;
		return s[4];
	}
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		if (quoted)
			continue;
		if (s[i] == '\n' || s[i] == '\r')
			break;
		n[0] += s[i] == ',';
		n[1] += s[i] == ';';
		n[2] += s[i] == '\t';
	}
	if (n[1] > n[0] && n[1] >= n[2])
		return ';';
	return n[2] > n[0] ? '\t' : ',';
}

/* Split @len bytes at @s into records of cells, in t->text. */
static enum tp_status
split(struct table *t, const char *s, size_t len, struct tp_error *err)
{
	size_t i = 0, o = 0;
	int row = 1;
	enum tp_status rc = TP_OK;

	t->sep = separator(s, len, &i);
	if (!(t->text = malloc(len + 2)))
		return tp_error_nomem(err);
	while (rc == TP_OK && i < len) {
		rc = new_record(t, row, err);
		for (bool end = false; rc == TP_OK && !end;) {
			char *cell = t->text + o;
			bool quoted = i < len && s[i] == '"';
			i += quoted;
			while (i < len) {
				if (quoted && s[i] == '"' && i + 1 < len &&
				    s[i + 1] == '"') {
					t->text[o++] = '"';
					i += 2;
				} else if (quoted && s[i] == '"') {
					quoted = false;
					i++;
				} else if (!quoted && (s[i] == t->sep ||
						       s[i] == '\n' ||
						       s[i] == '\r')) {
					break;
				} else {
					t->text[o++] = s[i++];
				}
			}
			if (quoted)
				return tp_error_set_at(
					err, TP_ERR_PARSE, t->source, row, 0,
					"row %d: a quoted cell is never closed "
					"(a '\"' is missing)",
					row);
			t->text[o++] = '\0';
			rc = add_cell(&t->rows[t->n_rows - 1], cell, err);
			end = i >= len || s[i] != t->sep;
			if (!end)
				i++;
		}
		if (i < len && s[i] == '\r')
			i++;
		if (i < len && s[i] == '\n')
			i++;
		row++;
	}
	return rc;
}

static void
free_table(struct table *t)
{
	for (size_t i = 0; i < t->n_rows; i++)
		free(t->rows[i].cells);
	free(t->rows);
	free(t->text);
}

/* ---- problems ------------------------------------------------------- */

/* "A", ..., "Z", "AA": the spreadsheet's name of column @i (from 0). */
static char *
column_letters(size_t i, char buf[8])
{
	char tmp[8];
	size_t n = 0;

	for (i++; i > 0 && n < 7; i = (i - 1) / 26)
		tmp[n++] = (char)('A' + (i - 1) % 26);
	for (size_t k = 0; k < n; k++)
		buf[k] = tmp[n - 1 - k];
	buf[n] = '\0';
	return buf;
}

static void
problem(struct table *t, const struct record *r, size_t col, const char *name,
	const char *stage, const char *fmt, ...) TP_PRINTF(6, 7);

static void
problem(struct table *t, const struct record *r, size_t col, const char *name,
	const char *stage, const char *fmt, ...)
{
	struct tp_error p;
	char what[200], letters[8];
	va_list ap;

	t->problems++;
	if (!t->report)
		return;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	if (name)
		tp_error_set_at(&p, TP_ERR_INVALID, t->source, r->row,
				(int)col + 1, "row %d, column %s (%s)%s%s%s: %s",
				r->row, column_letters(col, letters), name,
				stage ? ", stage '" : "", stage ? stage : "",
				stage ? "'" : "", what);
	else
		tp_error_set_at(&p, TP_ERR_INVALID, t->source, r->row, 0,
				"row %d: %s", r->row, what);
	snprintf(p.stage, sizeof(p.stage), "%s", stage ? stage : "");
	t->report(&p, t->user);
}

/* A value quoted in a problem: cut at 40 bytes. */
static const char *
shown(const char *v, char *buf, size_t size)
{
	snprintf(buf, size, "%.40s%s", v, strlen(v) > 40 ? "..." : "");
	for (char *p = buf; *p; p++)
		if ((unsigned char)*p < 0x20)
			*p = ' ';
	return buf;
}

/* ---- the header ----------------------------------------------------- */

/* "not-before", "Not before" -> "not_before". */
static void
column_key(const char *cell, char *buf, size_t size)
{
	size_t n = 0;

	while (*cell == ' ')
		cell++;
	for (; *cell && n + 1 < size; cell++)
		buf[n++] = *cell == '-' || *cell == ' ' ? '_'
			   : *cell >= 'A' && *cell <= 'Z'
				   ? (char)(*cell + 32)
				   : *cell;
	while (n > 0 && buf[n - 1] == '_')
		n--;
	buf[n] = '\0';
}

/* map[c]: the tenderplan column of table column c, or -1. False when
 * there is no stage column (the rows cannot be read). */
static bool
read_header(struct table *t, int *map, size_t n)
{
	const struct record *h = &t->rows[0];
	bool seen[TP_CSV_COLUMNS] = {false}, has_stage = false;
	char key[64], v[64];

	for (size_t c = 0; c < n; c++) {
		const char *near;
		int col = -1;
		column_key(h->cells[c], key, sizeof(key));
		for (int k = 0; k < TP_CSV_COLUMNS; k++)
			if (!strcmp(key, tp_csv_header[k]))
				col = k;
		map[c] = col;
		if (col >= 0 && seen[col]) {
			problem(t, h, c, key, NULL,
				"the column '%s' is in the table twice", key);
			map[c] = -1;
		} else if (col >= 0) {
			seen[col] = true;
			has_stage = has_stage || col == TP_CSV_STAGE;
		} else if (key[0]) {
			near = tp_suggest_name(key, tp_csv_header, TP_CSV_COLUMNS);
			problem(t, h, c, shown(h->cells[c], v, sizeof(v)), NULL,
				"not a column of the stage table%s%s%s; the "
				"columns read back are stage, name, time, "
				"duration, fixed, not_before, not_after and "
				"notes: rename or delete this one",
				near ? " (did you mean '" : "",
				near ? near : "", near ? "'?)" : "");
		}
	}
	if (!has_stage)
		problem(t, h, 0, NULL, NULL,
			"the table has no 'stage' column, which says which "
			"stage each row is: export the plan with 'tenderplan "
			"export --format csv' and edit that");
	return has_stage;
}

/* ---- values --------------------------------------------------------- */

static void
trim(char *s)
{
	size_t n = strlen(s), i = 0;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	while (s[i] == ' ' || s[i] == '\t')
		i++;
	memmove(s, s + i, n - i + 1);
}

/* Line breaks inside a cell as the plan file holds them (LF). */
static void
unix_lines(char *s)
{
	char *w = s;

	for (const char *r = s; *r; r++)
		if (!(*r == '\r' && r[1] == '\n'))
			*w++ = *r == '\r' ? '\n' : *r;
	*w = '\0';
}

static bool
digits(const char *s, size_t min, size_t max, long *out, const char **end)
{
	size_t n = 0;
	long v = 0;

	while (s[n] >= '0' && s[n] <= '9' && n < max)
		v = v * 10 + (s[n++] - '0');
	*out = v;
	*end = s + n;
	return n >= min;
}

/* YYYY-MM-DD, or DD/MM/YYYY and DD/MM/YY as Excel saves dates in the UK. */
static enum tp_status
parse_day(const char *s, struct tp_date *out, struct tp_error *err)
{
	long d, m, y;
	const char *p;

	if (!strchr(s, '/'))
		return tp_date_parse(s, -1, out, err);
	const char *year;

	if (!digits(s, 1, 2, &d, &p) || *p != '/' ||
	    !digits(p + 1, 1, 2, &m, &p) || *p != '/' ||
	    !digits(year = p + 1, 2, 4, &y, &p) || *p || p - year == 3)
		return tp_error_setf(err, TP_ERR_PARSE, NULL, "not a date");
	if (y < 100)
		y += 2000;
	return tp_date_from_ymd((int)y, (int)m, (int)d, out, err);
}

/* ---- one row -------------------------------------------------------- */

/* An edit the table asks for, checked but not yet made. */
struct change {
	const char *stage;
	enum tp_csv_column col;
	const char *text; /* name, notes, meeting: NULL removes */
	int minutes;      /* time: -1 removes */
	int32_t amount;   /* duration */
	enum tp_unit unit;
	bool has_date; /* fixed, not_before, not_after, actual dates */
	struct tp_date date;
};

struct import {
	struct tp_plan_edit *e;
	const struct tp_plan *plan;
	const struct tp_schedule *sched;
	int32_t *cons;
	struct table t;
	int map[256];
	size_t n_map;
	const struct record **by_stage; /* the row naming each stage */
	struct change *changes;
	size_t n_changes;
};

#define DATE_ADVICE "write a date as YYYY-MM-DD or DD/MM/YYYY"

static void
check_text(struct import *im, const struct record *r, size_t c,
	   const char *name, const char *stage, struct change *ch, char *cell)
{
	struct tp_error e;

	unix_lines(cell);
	if (*cell && tp_edit_check_text(cell, "the text", stage, &e) != TP_OK) {
		problem(&im->t, r, c, name, stage, "%s", e.message);
		return;
	}
	ch->text = *cell ? cell : NULL;
	im->n_changes++;
}

/* Check the cell of editable column @col; a change if it differs. */
static void
read_editable(struct import *im, const struct record *r, size_t c,
	      enum tp_csv_column col, size_t s, char *cell)
{
	const char *name = tp_csv_header[col];
	const char *stage = tp_plan_stage_id(im->plan, s);
	struct change *ch = &im->changes[im->n_changes];
	char now[TP_DURATION_STRLEN], v[64];
	struct tp_error e;
	bool given;

	tp_csv_unneutralise(cell);
	if (col == TP_CSV_NAME || col == TP_CSV_NOTES) {
		unix_lines(cell);
		if (!strcmp(cell, tp_csv_editable(im->plan, im->cons, s, col,
						  now, sizeof(now))))
			return;
		*ch = (struct change){.stage = stage, .col = col};
		check_text(im, r, c, name, stage, ch, cell);
		return;
	}
	trim(cell);
	if (!strcmp(cell, tp_csv_editable(im->plan, im->cons, s, col, now,
					  sizeof(now))))
		return;
	*ch = (struct change){.stage = stage, .col = col, .minutes = -1};
	if (col == TP_CSV_TIME && *cell &&
	    tp_time_parse(cell, &ch->minutes, &e) != TP_OK) {
		problem(&im->t, r, c, name, stage, "%s", e.message);
		return;
	}
	if (col == TP_CSV_DURATION && !*cell) {
		problem(&im->t, r, c, name, stage,
			"empty: write 0 for a milestone, or a number and a "
			"unit such as 20wd (working days) or 4w (weeks)");
		return;
	}
	if (col == TP_CSV_DURATION &&
	    tp_duration_parse(cell, &ch->amount, &ch->unit, &given, &e) !=
		    TP_OK) {
		problem(&im->t, r, c, name, stage, "%s", e.message);
		return;
	}
	if (col == TP_CSV_DURATION && !given)
		ch->unit = tp_plan_stage_unit(im->plan, s);
	if (col == TP_CSV_MEETING && *cell &&
	    !tp_plan_find_meeting_series(im->plan, cell, NULL)) {
		problem(&im->t, r, c, name, stage,
			"'%s' is not a meeting series of the plan: write the id "
			"of one of its <series>, or leave the cell empty",
			shown(cell, v, sizeof(v)));
		return;
	}
	if (col == TP_CSV_MEETING)
		ch->text = *cell ? cell : NULL;
	if (((col >= TP_CSV_FIXED && col <= TP_CSV_NOT_AFTER) ||
	     col == TP_CSV_ACTUAL_START || col == TP_CSV_ACTUAL_FINISH) &&
	    *cell) {
		if (parse_day(cell, &ch->date, &e) != TP_OK) {
			problem(&im->t, r, c, name, stage, "'%s' %s%s",
				shown(cell, v, sizeof(v)),
				e.code == TP_ERR_PARSE ? "is not a date: "
						       : "is not a day: ",
				e.code == TP_ERR_PARSE ? DATE_ADVICE
						       : e.message);
			return;
		}
		ch->has_date = true;
	}
	im->n_changes++;
}

/* A computed start or finish that is not the plan's: the plan changed
 * since the table was exported, or the cell was edited. */
static void
check_computed(struct import *im, const struct record *r, size_t c,
	       enum tp_csv_column col, size_t s, char *cell)
{
	const char *stage = tp_plan_stage_id(im->plan, s);
	struct tp_date want = col == TP_CSV_START
				      ? tp_schedule_early_start(im->sched, s)
				      : tp_schedule_early_finish(im->sched, s);
	struct tp_date got;
	char a[TP_DATE_STRLEN], v[64];

	trim(cell);
	if (!*cell)
		return;
	if (parse_day(cell, &got, NULL) == TP_OK && tp_date_equal(got, want))
		return;
	problem(&im->t, r, c, tp_csv_header[col], stage,
		"'%s' is not the plan's %s, %s: the plan changed since this "
		"table was exported, or the cell was edited (%s is computed: "
		"change duration, fixed, not_before or not_after instead)",
		shown(cell, v, sizeof(v)), tp_csv_header[col],
		tp_date_format(want, a), tp_csv_header[col]);
}

/* The stage row @r is about, or a problem. */
static bool
row_stage(struct import *im, const struct record *r, size_t *s)
{
	char v[64];
	const char *near;

	for (size_t c = 0; c < r->n && c < im->n_map; c++) {
		if (im->map[c] != TP_CSV_STAGE)
			continue;
		char *id = r->cells[c];
		tp_csv_unneutralise(id);
		trim(id);
		if (!*id) {
			problem(&im->t, r, c, "stage", NULL,
				"no stage id: each row names the stage it is "
				"about");
			return false;
		}
		if (tp_plan_find_stage(im->plan, id, s)) {
			if (!im->by_stage[*s]) {
				im->by_stage[*s] = r;
				return true;
			}
			problem(&im->t, r, c, "stage", id,
				"the stage is on row %d too",
				im->by_stage[*s]->row);
			return false;
		}
		near = tp_plan_suggest_stage(im->plan, id);
		problem(&im->t, r, c, "stage", NULL,
			"no stage '%s' in the plan%s%s%s: rows change the "
			"plan's stages (add one with tenderplan add-stage)",
			shown(id, v, sizeof(v)), near ? " (did you mean '" : "",
			near ? near : "", near ? "'?)" : "");
		return false;
	}
	return false;
}

static bool
blank_row(const struct record *r)
{
	for (size_t c = 0; c < r->n; c++)
		for (const char *p = r->cells[c]; *p; p++)
			if (*p != ' ' && *p != '\t')
				return false;
	return true;
}

/* The plan column: empty, or the plan's id. */
static void
check_plan(struct import *im, const struct record *r, size_t c, size_t s,
	   const char *id, char *cell)
{
	char v[64];

	tp_csv_unneutralise(cell);
	trim(cell);
	if (*cell && (!id || strcmp(cell, id)))
		problem(&im->t, r, c, "plan", tp_plan_stage_id(im->plan, s),
			"this row is for plan '%s', not this plan ('%s')",
			shown(cell, v, sizeof(v)), id ? id : "");
}

static void
read_row(struct import *im, const struct record *r)
{
	const char *id = tp_plan_id(im->plan);
	char v[64];
	size_t s;

	if (blank_row(r) || !row_stage(im, r, &s))
		return;
	for (size_t c = 0; c < r->n; c++) {
		char *cell = r->cells[c];
		int col = c < im->n_map ? im->map[c] : -1;
		if (!xmlCheckUTF8((const xmlChar *)cell)) {
			problem(&im->t, r, c, col >= 0 ? tp_csv_header[col] : "?",
				tp_plan_stage_id(im->plan, s),
				"not UTF-8 text: save the table as 'CSV UTF-8' "
				"(Excel) or with the character set UTF-8 "
				"(LibreOffice)");
			continue;
		}
		if (col < 0 && *cell && c >= im->n_map)
			problem(&im->t, r, c, "?", tp_plan_stage_id(im->plan, s),
				"a cell beyond the last column of the header "
				"('%s')",
				shown(cell, v, sizeof(v)));
		else if (col == TP_CSV_PLAN)
			check_plan(im, r, c, s, id, cell);
		else if (col == TP_CSV_START || col == TP_CSV_FINISH)
			check_computed(im, r, c, (enum tp_csv_column)col, s,
				       cell);
		else if (col >= 0 && tp_csv_is_editable((enum tp_csv_column)col))
			read_editable(im, r, c, (enum tp_csv_column)col, s,
				      cell);
	}
}

/* ---- making the changes --------------------------------------------- */

static enum tp_status
apply(struct tp_plan_edit *e, const struct change *ch, struct tp_error *err)
{
	static const enum tp_constraint_type types[] = {
		TP_CONSTRAINT_START_ON, TP_CONSTRAINT_START_NO_EARLIER_THAN,
		TP_CONSTRAINT_FINISH_NO_LATER_THAN};

	switch (ch->col) {
	case TP_CSV_NAME:
		return tp_plan_edit_set_stage_text(e, ch->stage,
						   TP_STAGE_TEXT_NAME, ch->text,
						   err);
	case TP_CSV_NOTES:
		return tp_plan_edit_set_stage_text(
			e, ch->stage, TP_STAGE_TEXT_NOTES, ch->text, err);
	case TP_CSV_TIME:
		return tp_plan_edit_set_stage_time(e, ch->stage, ch->minutes,
						   err);
	case TP_CSV_DURATION:
		return tp_plan_edit_set_stage_duration(e, ch->stage, ch->amount,
						       ch->unit, err);
	case TP_CSV_MEETING:
		return tp_plan_edit_set_stage_meeting(e, ch->stage, ch->text,
						      err);
	case TP_CSV_ACTUAL_START:
	case TP_CSV_ACTUAL_FINISH:
		return tp_plan_edit_set_stage_actual(
			e, ch->stage,
			ch->col == TP_CSV_ACTUAL_START ? TP_ACTUAL_START
						       : TP_ACTUAL_FINISH,
			ch->has_date ? &ch->date : NULL, err);
	default:
		return tp_plan_edit_set_stage_constraint(
			e, ch->stage, types[ch->col - TP_CSV_FIXED],
			ch->has_date ? &ch->date : NULL, err);
	}
}

/* Make every change, or none: on failure the document is put back. */
static enum tp_status
apply_all(struct import *im, struct tp_error *err)
{
	struct tp_plan_edit *e = im->e;
	xmlDocPtr copy = xmlCopyDoc(e->xdoc, 1);
	size_t n_changes = e->n_changes;
	enum tp_status rc = copy ? TP_OK : tp_error_nomem(err);

	for (size_t i = 0; rc == TP_OK && i < im->n_changes; i++)
		rc = apply(e, &im->changes[i], err);
	if (rc == TP_OK) {
		xmlFreeDoc(copy);
		return TP_OK;
	}
	if (copy) {
		xmlFreeDoc(e->xdoc);
		e->xdoc = copy;
		e->ns = xmlSearchNsByHref(copy, xmlDocGetRootElement(copy),
					  (const xmlChar *)TP_PLAN_XML_NS);
	}
	while (e->n_changes > n_changes)
		free(e->changes[--e->n_changes]);
	return rc;
}

static enum tp_status
prepare(struct import *im, const char *data, size_t len, struct tp_error *err)
{
	struct tp_schedule_options opt;
	size_t n = tp_plan_stage_count(im->plan), cells = 0;
	struct tp_schedule *s = NULL;
	enum tp_status rc;

	if (len >= 2 && ((data[0] == '\xFF' && data[1] == '\xFE') ||
			 (data[0] == '\xFE' && data[1] == '\xFF')))
		return tp_error_set_at(err, TP_ERR_PARSE, im->t.source, 0, 0,
				       "the table is UTF-16 ('Unicode text'): "
				       "save it as 'CSV UTF-8' instead");
	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) {
		data += 3;
		len -= 3;
	}
	rc = split(&im->t, data, len, err);
	for (size_t i = 0; rc == TP_OK && i < im->t.n_rows; i++)
		cells += im->t.rows[i].n;
	if (rc == TP_OK &&
	    (!(im->by_stage = calloc(n + 1, sizeof(*im->by_stage))) ||
	     !(im->changes = calloc(cells + 1, sizeof(*im->changes)))))
		rc = tp_error_nomem(err);
	if (rc == TP_OK)
		rc = tp_csv_constraints_new(im->plan, &im->cons, err);
	tp_schedule_options_init(&opt);
	if (rc == TP_OK && n > 0)
		rc = tp_plan_doc_schedule(im->e->before, &opt, &s, err);
	im->sched = s;
	return rc;
}

static enum tp_status
read_table(struct import *im, struct tp_error *err)
{
	if (im->t.n_rows == 0)
		return tp_error_set_at(err, TP_ERR_PARSE, im->t.source, 0, 0,
				       "the table is empty");
	im->n_map = im->t.rows[0].n < 256 ? im->t.rows[0].n : 256;
	if (read_header(&im->t, im->map, im->n_map))
		for (size_t i = 1; i < im->t.n_rows; i++)
			read_row(im, &im->t.rows[i]);
	if (im->t.problems)
		return tp_error_set_at(err, TP_ERR_INVALID, im->t.source, 0, 0,
				       "%zu cell%s of the table %s wrong; "
				       "nothing was changed",
				       im->t.problems,
				       im->t.problems == 1 ? "" : "s",
				       im->t.problems == 1 ? "is" : "are");
	return apply_all(im, err);
}

TP_EXPORT enum tp_status
tp_plan_edit_import_csv(struct tp_plan_edit *edit, const char *data,
			size_t len, const char *source_name,
			tp_plan_edit_problem_fn report, void *user,
			struct tp_error *err)
{
	struct import im = {0};
	enum tp_status rc;

	if (!edit || !data)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "tp_plan_edit_import_csv needs an edit "
				     "and a table");
	im.e = edit;
	im.plan = tp_plan_doc_plan_const(edit->before);
	im.t.source = source_name ? source_name : "<table>";
	im.t.report = report;
	im.t.user = user;
	rc = prepare(&im, data, len, err);
	if (rc == TP_OK)
		rc = read_table(&im, err);
	tp_schedule_free((struct tp_schedule *)im.sched);
	free(im.cons);
	free(im.by_stage);
	free(im.changes);
	free_table(&im.t);
	return rc;
}
