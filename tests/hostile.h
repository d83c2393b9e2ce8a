/* SPDX-License-Identifier: MIT */
/* Hostile and oversized inputs made at test time with a fixed seed (#9):
 * holiday files up to the 16 MiB cap and plan files up to 8 MiB, each
 * with the outcome expected of it. Used by tests/test-hostile.c (which
 * checks the outcomes) and tests/bench/bench-hardening.c (which times
 * them). */
#ifndef TP_TEST_HOSTILE_H
#define TP_TEST_HOSTILE_H

#include <stdbool.h>
#include <stddef.h>

struct hostile_buf {
	char *data;
	size_t len, cap;
};

enum hostile_target {
	HOSTILE_ICS = 0,  /* a holiday file for tp_calendar_builder_load_ics */
	HOSTILE_PLAN = 1, /* a plan file for tp_plan_doc_read_memory */
};

struct hostile_case {
	const char *name;
	enum hostile_target target;
	/* Write the input, about @size bytes (at most the target's cap). */
	void (*make)(struct hostile_buf *b, size_t size);
	/* NULL when the input must be read; else a part of the message it
	 * must be refused with. */
	const char *expect;
	size_t full_size;  /* the size the benchmark and the slow test use */
	size_t quick_size; /* the size of a quick run */
	/* Costly whatever its size (libical walks thousands of years): left
	 * out under valgrind. */
	bool costly;
};

extern const struct hostile_case hostile_cases[];
extern const size_t hostile_ncases;

/* Run one case: read the input as its target and report the outcome.
 * @return true when the outcome is the expected one; @p what gets the
 * error message or "read" (at least 300 bytes). */
bool hostile_run(const struct hostile_case *c, const struct hostile_buf *b,
		 char *what, size_t size);

void hostile_buf_free(struct hostile_buf *b);

/* Stage ids whose FNV-1a hashes agree in their low 18 bits (all collide
 * in an open-addressing table of up to 262,144 slots), written into @ids
 * (@n of them, each at most 15 bytes and a NUL). */
void hostile_colliding_ids(char (*ids)[16], size_t n);

#endif
