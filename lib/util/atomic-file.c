/* SPDX-License-Identifier: MIT */
/* Writing files without losing what was there: see tp-output.h for the
 * rules and atomic-file.h for the calls. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "atomic-file.h"
#include "error-private.h"

/* Longest chain of symbolic links followed (Linux's own limit). */
#define MAX_LINKS  40
#define TMP_SUFFIX ".tmp-XXXXXX"
#define TMP_TRIES  100

struct tp_out {
	int fd;
	bool direct;  /* written in place: device, FIFO, /proc link */
	char *path;   /* as given, for messages */
	char *target; /* the file replaced, links followed */
	char *tmp;    /* the temporary file, or NULL */
	bool failed;
	struct tp_error error; /* the first failure, repeated */
	struct tp_write_options wo;
};

void
tp_write_options_init(struct tp_write_options *opt)
{
	if (opt)
		memset(opt, 0, sizeof(*opt));
}

static enum tp_status
io_error(struct tp_error *err, const char *path, const char *what, int errnum)
{
	return tp_error_set_at(err, TP_ERR_IO, path, 0, 0, "cannot %s: %s",
			       what, strerror(errnum));
}

/* ---- following links ----------------------------------------------- */

/* "dir/" of @p path ("" for none), joined with @p rel, in a new string. */
static char *
join_beside(const char *path, const char *rel)
{
	const char *slash = strrchr(path, '/');
	size_t n = slash ? (size_t)(slash - path) + 1 : 0, m = strlen(rel);
	char *s = malloc(n + m + 1);

	if (s) {
		memcpy(s, path, n);
		memcpy(s + n, rel, m + 1);
	}
	return s;
}

/* Where the link @p link points, relative links taken from its directory.
 * NULL with errno set on failure. */
static char *
follow(const char *link, off_t size_hint)
{
	size_t cap = size_hint > 0 ? (size_t)size_hint + 1 : 256;

	for (;;) {
		char *buf = malloc(cap), *next;
		ssize_t n = buf ? readlink(link, buf, cap) : -1;
		if (n < 0) {
			free(buf);
			return NULL;
		}
		if ((size_t)n < cap) {
			buf[n] = '\0';
			next = buf[0] == '/' ? strdup(buf)
					     : join_beside(link, buf);
			free(buf);
			if (!next)
				errno = ENOMEM;
			return next;
		}
		free(buf);
		cap *= 2;
	}
}

/* The file a write to @p path lands in: the end of its chain of links
 * (a file that may not exist yet). @p proc is set if the chain passes
 * through /proc (/dev/stdout, /dev/fd/N). */
static enum tp_status
resolve(const char *path, char **target, bool *proc, struct tp_error *err)
{
	char *cur = strdup(path);

	for (int hop = 0; cur; hop++) {
		struct stat st;
		char *next;
		if (!strncmp(cur, "/proc/", 6))
			*proc = true;
		if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode)) {
			*target = cur;
			return TP_OK;
		}
		if (hop == MAX_LINKS) {
			free(cur);
			return io_error(err, path, "follow the link", ELOOP);
		}
		next = follow(cur, st.st_size);
		free(cur);
		if (!next)
			return errno == ENOMEM
				       ? tp_error_nomem(err)
				       : io_error(err, path, "follow the link",
						  errno);
		cur = next;
	}
	return tp_error_nomem(err);
}

/* ---- opening -------------------------------------------------------- */

static void
temp_gone(struct tp_out *o)
{
	if (o->tmp && o->wo.temp_file)
		o->wo.temp_file(NULL, o->wo.user);
	free(o->tmp);
	o->tmp = NULL;
}

static void
out_free(struct tp_out *o)
{
	if (!o)
		return;
	if (o->fd >= 0)
		close(o->fd);
	if (o->tmp) {
		unlink(o->tmp);
		temp_gone(o);
	}
	free(o->path);
	free(o->target);
	free(o);
}

static enum tp_status
open_direct(struct tp_out *o, int extra, struct tp_error *err)
{
	o->direct = true;
	o->fd = open(o->path, O_WRONLY | O_NOCTTY | O_CLOEXEC | extra);
	return o->fd < 0 ? io_error(err, o->path, "open", errno) : TP_OK;
}

/* Refuse to replace a file the user would not expect to lose. */
static enum tp_status
check_replace(const struct tp_out *o, const struct stat *st,
	      struct tp_error *err)
{
	if (o->wo.flags & TP_WRITE_FORCE)
		return TP_OK;
	if ((st->st_mode & 0222) == 0 ||
	    (faccessat(AT_FDCWD, o->target, W_OK, AT_EACCESS) != 0 &&
	     errno == EACCES))
		return tp_error_set_at(err, TP_ERR_REFUSED, o->path, 0, 0,
				       "the file is read-only: not replaced");
	if (st->st_nlink > 1)
		return tp_error_set_at(
			err, TP_ERR_REFUSED, o->path, 0, 0,
			"the file has %lu names (hard links), which would keep "
			"the old content: not replaced",
			(unsigned long)st->st_nlink);
	return TP_OK;
}

static void
random_suffix(char *x, size_t n, unsigned salt)
{
	static const char chars[] = "abcdefghijklmnopqrstuvwxyz"
				    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	unsigned char r[16];

	if (n > sizeof(r) || getrandom(r, n, GRND_NONBLOCK) != (ssize_t)n) {
		/* no entropy yet: O_EXCL still keeps names apart */
		uint64_t v = (uint64_t)(uintptr_t)x ^
			     (uint64_t)time(NULL) * 2654435761u ^
			     (uint64_t)getpid() << 16 ^ (uint64_t)salt * 40503u;
		for (size_t i = 0; i < sizeof(r); i++) {
			v = v * 6364136223846793005u + 1442695040888963407u;
			r[i] = (unsigned char)(v >> 33);
		}
	}
	for (size_t i = 0; i < n; i++)
		x[i] = chars[r[i] % (sizeof(chars) - 1)];
}

/* The new file keeps the old one's owner, group and mode where it may. */
static enum tp_status
keep_attributes(struct tp_out *o, const struct stat *st, struct tp_error *err)
{
	if (fchown(o->fd, st->st_uid, st->st_gid) != 0)
		(void)!fchown(o->fd, (uid_t)-1, st->st_gid);
	if (fchmod(o->fd, st->st_mode & 07777) != 0)
		return io_error(err, o->path, "set the file mode", errno);
	return TP_OK;
}

/* A new file in the target's directory: 0666 less the umask (the kernel
 * applies it, so reading the umask is not needed), or 0600 until the old
 * file's mode is copied. */
static enum tp_status
open_temp(struct tp_out *o, const struct stat *old, struct tp_error *err)
{
	size_t n = strlen(o->target), nx = sizeof(TMP_SUFFIX) - 1;

	o->tmp = malloc(n + nx + 1);
	if (!o->tmp)
		return tp_error_nomem(err);
	memcpy(o->tmp, o->target, n);
	memcpy(o->tmp + n, TMP_SUFFIX, nx + 1);
	for (unsigned i = 0; o->fd < 0 && i < TMP_TRIES; i++) {
		random_suffix(o->tmp + n + 5, nx - 5, i);
		o->fd = open(o->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
			     old ? 0600 : 0666);
		if (o->fd < 0 && errno != EEXIST) {
			int e = errno;
			free(o->tmp);
			o->tmp = NULL;
			return io_error(err, o->path, "create a temporary file",
					e);
		}
	}
	if (o->fd < 0) {
		free(o->tmp);
		o->tmp = NULL;
		return io_error(err, o->path, "create a temporary file",
				EEXIST);
	}
	if (o->wo.temp_file)
		o->wo.temp_file(o->tmp, o->wo.user);
	return old ? keep_attributes(o, old, err) : TP_OK;
}

static enum tp_status
open_replacing(struct tp_out *o, struct tp_error *err)
{
	bool proc = false;
	struct stat st;
	enum tp_status rc = resolve(o->path, &o->target, &proc, err);

	if (rc != TP_OK)
		return rc;
	if (proc) /* a descriptor's file: as the shell opened it */
		return open_direct(o, O_APPEND, err);
	if (lstat(o->target, &st) != 0) {
		if (errno != ENOENT)
			return io_error(err, o->path, "examine the file",
					errno);
		return open_temp(o, NULL, err);
	}
	rc = check_replace(o, &st, err);
	return rc == TP_OK ? open_temp(o, &st, err) : rc;
}

enum tp_status
tp_out_open(const char *path, const struct tp_write_options *wo,
	    struct tp_out **out, struct tp_error *err)
{
	struct tp_out *o;
	struct stat st;
	enum tp_status rc;

	if (!path || !*path || !out)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "no output file named");
	o = calloc(1, sizeof(*o));
	if (!o || !(o->path = strdup(path))) {
		free(o);
		return tp_error_nomem(err);
	}
	o->fd = -1;
	if (wo)
		o->wo = *wo;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		rc = io_error(err, path, "write", EISDIR);
	else if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
		rc = open_direct(o, 0, err); /* device, FIFO, socket */
	else
		rc = open_replacing(o, err);
	if (rc != TP_OK) {
		out_free(o);
		return rc;
	}
	*out = o;
	return TP_OK;
}

/* ---- writing -------------------------------------------------------- */

static enum tp_status
fail(struct tp_out *o, enum tp_status rc, struct tp_error *err)
{
	if (!o->failed && err) {
		o->error = *err;
		o->failed = true;
	} else if (!o->failed) {
		tp_error_set_at(&o->error, rc, o->path, 0, 0, "write failed");
		o->failed = true;
	}
	return rc;
}

static enum tp_status
repeat(const struct tp_out *o, struct tp_error *err)
{
	if (err)
		*err = o->error;
	return o->error.code;
}

enum tp_status
tp_out_write(struct tp_out *o, const void *data, size_t len,
	     struct tp_error *err)
{
	const char *p = data;

	if (o->failed)
		return repeat(o, err);
	while (len > 0) {
		ssize_t n = write(o->fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return fail(o, io_error(err, o->path, "write", errno),
				    err);
		p += n;
		len -= (size_t)n;
	}
	return TP_OK;
}

/* The rename is on disk once the directory is: best effort. */
static void
sync_directory(const char *target)
{
	char *dir = join_beside(target, ".");
	int fd = dir ? open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;

	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
	free(dir);
}

static enum tp_status
commit_direct(struct tp_out *o, struct tp_error *err)
{
	int fd = o->fd;

	o->fd = -1;
	if (close(fd) != 0 && errno != EINTR)
		return io_error(err, o->path, "close the file", errno);
	return TP_OK;
}

static enum tp_status
commit_temp(struct tp_out *o, struct tp_error *err)
{
	int fd = o->fd;

	if (fsync(fd) != 0)
		return io_error(err, o->path, "flush the file to disk", errno);
	o->fd = -1;
	if (close(fd) != 0 && errno != EINTR)
		return io_error(err, o->path, "close the file", errno);
	if (rename(o->tmp, o->target) != 0)
		return io_error(err, o->path, "rename the temporary file",
				errno);
	temp_gone(o);
	sync_directory(o->target);
	return TP_OK;
}

enum tp_status
tp_out_commit(struct tp_out *o, struct tp_error *err)
{
	enum tp_status rc;

	if (!o)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "no output open");
	if (o->failed)
		rc = repeat(o, err);
	else
		rc = o->direct ? commit_direct(o, err) : commit_temp(o, err);
	out_free(o); /* removes the temporary file if it is still there */
	return rc;
}

void
tp_out_abort(struct tp_out *o)
{
	out_free(o);
}

enum tp_status
tp_atomic_write(const char *path, const void *data, size_t len,
		const struct tp_write_options *wo, struct tp_error *err)
{
	struct tp_out *o = NULL;
	enum tp_status rc = tp_out_open(path, wo, &o, err);

	if (rc != TP_OK)
		return rc;
	rc = tp_out_write(o, data, len, err);
	if (rc != TP_OK) {
		tp_out_abort(o);
		return rc;
	}
	return tp_out_commit(o, err);
}
