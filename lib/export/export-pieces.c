/* SPDX-License-Identifier: MIT */
/* An export written on several threads (#11), in pieces of a few plans.
 *
 * Each worker thread takes the next piece, writes it into a buffer of its
 * own with state of its own (the exporter's caches), and hands it back;
 * this thread writes the pieces to the output in order as they come. A
 * ring of 2 pieces per worker bounds the memory: a worker that is that far
 * ahead of the output waits. The bytes are those one thread would write,
 * and the error told is that of the first failing piece in order (no
 * piece after it is begun), as one thread would have stopped there. */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>

#include "error-private.h"
#include "export-private.h"
#include "threads-private.h"

#define SLOTS_PER_THREAD 2

struct slot {
	struct tp_sbuf buf;
	bool done;
	enum tp_status rc;
	struct tp_error err;
};

struct pieces {
	const struct tp_pieces *p;
	size_t n_pieces;
	pthread_mutex_t lock; /* guards what follows and the slots' done */
	pthread_cond_t cond;
	size_t next;    /* the next piece to take */
	size_t written; /* pieces written to the output */
	bool stop;      /* a piece failed, or the output did */
	struct slot *slots;
	size_t n_slots; /* piece i goes in slots[i % n_slots] */
};

struct worker {
	struct pieces *ps;
	void *state;
	pthread_t thread;
	bool running;
};

/* The next piece to write, waiting for room in the ring; n_pieces when
 * there is none. */
static size_t
take(struct pieces *ps)
{
	size_t i = ps->n_pieces;

	pthread_mutex_lock(&ps->lock);
	while (!ps->stop && ps->next < ps->n_pieces &&
	       ps->next >= ps->written + ps->n_slots)
		pthread_cond_wait(&ps->cond, &ps->lock);
	if (!ps->stop && ps->next < ps->n_pieces)
		i = ps->next++;
	pthread_mutex_unlock(&ps->lock);
	return i;
}

static void
write_piece(struct worker *w, size_t i)
{
	struct pieces *ps = w->ps;
	struct slot *s = &ps->slots[i % ps->n_slots];
	size_t first = i * TP_PIECES_PLANS;
	size_t n = ps->p->job->n - first;
	enum tp_status rc;

	if (n > TP_PIECES_PLANS)
		n = TP_PIECES_PLANS;
	s->buf.len = 0;
	rc = ps->p->write(w->state, first, n, &s->buf, &s->err);
	pthread_mutex_lock(&ps->lock);
	s->rc = rc;
	s->done = true;
	pthread_cond_broadcast(&ps->cond);
	pthread_mutex_unlock(&ps->lock);
}

static void *
work(void *arg)
{
	struct worker *w = arg;
	size_t i;

	while ((i = take(w->ps)) < w->ps->n_pieces)
		write_piece(w, i);
	return NULL;
}

static void
stop(struct pieces *ps)
{
	pthread_mutex_lock(&ps->lock);
	ps->stop = true;
	pthread_cond_broadcast(&ps->cond);
	pthread_mutex_unlock(&ps->lock);
}

/* Write the pieces to @out in order as the workers finish them. */
static enum tp_status
write_out(struct pieces *ps, struct tp_sbuf *out, struct tp_error *err)
{
	enum tp_status rc = TP_OK;

	for (size_t i = 0; rc == TP_OK && i < ps->n_pieces; i++) {
		struct slot *s = &ps->slots[i % ps->n_slots];
		pthread_mutex_lock(&ps->lock);
		while (!s->done)
			pthread_cond_wait(&ps->cond, &ps->lock);
		pthread_mutex_unlock(&ps->lock);
		rc = s->rc;
		if (rc != TP_OK) {
			if (err)
				*err = s->err;
			break;
		}
		rc = tp_sbuf_append(out, s->buf.data ? s->buf.data : "",
				    s->buf.len, err);
		pthread_mutex_lock(&ps->lock);
		s->done = false;
		ps->written++;
		pthread_cond_broadcast(&ps->cond);
		pthread_mutex_unlock(&ps->lock);
	}
	if (rc != TP_OK)
		stop(ps);
	return rc;
}

/* Everything on this thread, straight to @out. */
static enum tp_status
write_alone(const struct tp_pieces *p, struct tp_sbuf *out,
	    struct tp_error *err)
{
	return p->write(p->state, 0, p->job->n, out, err);
}

/* Start a thread for each worker with its state; how many started. */
static size_t
start(struct worker *w, size_t t, struct pieces *ps)
{
	size_t started = 0;

	for (size_t k = 0; k < t; k++) {
		struct tp_error ignored;
		w[k].ps = ps;
		if (ps->p->state_new(ps->p->state, &w[k].state, &ignored) !=
		    TP_OK)
			continue;
		w[k].running = !pthread_create(&w[k].thread, NULL, work, &w[k]);
		started += w[k].running;
	}
	return started;
}

static void
finish(struct worker *w, size_t t, struct pieces *ps)
{
	for (size_t k = 0; k < t; k++) {
		if (w[k].running)
			pthread_join(w[k].thread, NULL);
		if (w[k].state)
			ps->p->state_free(w[k].state);
	}
	for (size_t i = 0; i < ps->n_slots; i++)
		free(ps->slots[i].buf.data);
}

/* The ring and its lock for @p t workers; false when they cannot be had
 * (then nothing needs freeing). */
static bool
pieces_init(struct pieces *ps, size_t t)
{
	ps->n_slots = t * SLOTS_PER_THREAD;
	ps->slots = calloc(ps->n_slots, sizeof(*ps->slots));
	if (ps->slots && !pthread_mutex_init(&ps->lock, NULL)) {
		if (!pthread_cond_init(&ps->cond, NULL))
			return true;
		pthread_mutex_destroy(&ps->lock);
	}
	free(ps->slots);
	return false;
}

static enum tp_status
write_threaded(const struct tp_pieces *p, size_t n_pieces, size_t t,
	       struct tp_sbuf *out, struct tp_error *err)
{
	struct pieces ps = {.p = p, .n_pieces = n_pieces};
	struct worker *w = calloc(t, sizeof(*w));
	enum tp_status rc;

	if (!w || !pieces_init(&ps, t)) {
		free(w);
		return write_alone(p, out, err);
	}
	if (start(w, t, &ps) == 0) {
		/* No thread: nothing was taken, so one thread does it all. */
		finish(w, t, &ps);
		rc = write_alone(p, out, err);
	} else {
		rc = write_out(&ps, out, err);
		finish(w, t, &ps);
	}
	pthread_cond_destroy(&ps.cond);
	pthread_mutex_destroy(&ps.lock);
	free(ps.slots);
	free(w);
	return rc;
}

enum tp_status
tp_export_pieces(const struct tp_pieces *p, struct tp_sbuf *out,
		 struct tp_error *err)
{
	size_t n_pieces = (p->job->n + TP_PIECES_PLANS - 1) / TP_PIECES_PLANS;
	size_t t = tp_thread_count(p->job->opt->threads, n_pieces);

	if (t <= 1 || p->job->n < TP_PIECES_MIN_PLANS)
		return write_alone(p, out, err);
	return write_threaded(p, n_pieces, t, out, err);
}
