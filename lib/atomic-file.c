/* SPDX-License-Identifier: MIT */
/* Whole-or-nothing file writes: see atomic-file.h. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic-file.h"
#include "error-private.h"

static enum tp_status
io_error(struct tp_error *err, const char *path, const char *what, int errnum)
{
	return tp_error_set_at(err, TP_ERR_IO, path, 0, 0, "cannot %s: %s",
			       what, strerror(errnum));
}

static enum tp_status
write_all(int fd, const char *p, size_t len, const char *path,
	  struct tp_error *err)
{
	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return io_error(err, path, "write", errno);
		p += n;
		len -= (size_t)n;
	}
	return TP_OK;
}

/* The mode for the new file: the old file's, else rw-r--r--. */
static mode_t
target_mode(const char *path)
{
	struct stat st;

	if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
		return st.st_mode & 07777;
	return 0644;
}

static enum tp_status
fill_temp(int fd, const char *path, const void *data, size_t len,
	  struct tp_error *err)
{
	enum tp_status rc = write_all(fd, data, len, path, err);

	if (rc == TP_OK && fchmod(fd, target_mode(path)) != 0)
		rc = io_error(err, path, "set the file mode", errno);
	if (rc == TP_OK && fsync(fd) != 0)
		rc = io_error(err, path, "flush the file", errno);
	return rc;
}

enum tp_status
tp_atomic_write(const char *path, const void *data, size_t len,
		struct tp_error *err)
{
	size_t plen = strlen(path);
	char *tmp = malloc(plen + sizeof(".tmp-XXXXXX"));
	enum tp_status rc;
	int fd;

	if (!tmp)
		return tp_error_nomem(err);
	memcpy(tmp, path, plen);
	memcpy(tmp + plen, ".tmp-XXXXXX", sizeof(".tmp-XXXXXX"));
	fd = mkstemp(tmp);
	if (fd < 0) {
		rc = io_error(err, path, "create a temporary file", errno);
		goto out;
	}
	rc = fill_temp(fd, path, data, len, err);
	if (close(fd) != 0 && rc == TP_OK)
		rc = io_error(err, path, "close the file", errno);
	if (rc == TP_OK && rename(tmp, path) != 0)
		rc = io_error(err, path, "rename the temporary file", errno);
	if (rc != TP_OK)
		unlink(tmp);
out:
	free(tmp);
	return rc;
}
