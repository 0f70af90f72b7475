/*
 * preload-enospc.c -- a full disk for one file and its companions, at a
 * test's command: loaded with LD_PRELOAD, it makes every write to a file
 * whose path starts with $HEED_ENOSPC_PATH fail with ENOSPC while the file
 * $HEED_ENOSPC_FLAG exists. SQLite then sees what it sees on a full disk
 * (its journal, WAL and database writes refused; SQLITE_FULL), and the
 * test fills and frees the "disk" by creating and removing the flag.
 *
 * Only the writes are refused: reads, and the files of any other path,
 * work as before, as they would on a full filesystem shared with nothing
 * else that heed writes.
 */
#define _GNU_SOURCE

#include <sys/types.h>
#include <sys/uio.h>

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Return 1 if a write to fd must fail as on a full disk. */
static int
enospc_refused(int fd)
{
	const char	*flag = getenv("HEED_ENOSPC_FLAG");
	const char	*want = getenv("HEED_ENOSPC_PATH");
	char		 link[64], path[4096];
	ssize_t		 n;
	int		 saved = errno;

	if (flag == NULL || want == NULL || *want == '\0' ||
	    access(flag, F_OK) != 0) {
		errno = saved;
		return 0;
	}
	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	n = readlink(link, path, sizeof path - 1);
	errno = saved;
	if (n <= 0)
		return 0;
	path[n] = '\0';
	return strncmp(path, want, strlen(want)) == 0;
}

/* Find the next definition of a function (libc's). */
static void *
enospc_next(const char *name)
{
	void	*fn = dlsym(RTLD_NEXT, name);

	if (fn == NULL)
		abort();
	return fn;
}

/* write(2), refused on a full disk. */
ssize_t
write(int fd, const void *buf, size_t len)
{
	static ssize_t	(*real)(int, const void *, size_t);

	if (real == NULL)
		real = enospc_next("write");
	if (len > 0 && enospc_refused(fd)) {
		errno = ENOSPC;
		return -1;
	}
	return real(fd, buf, len);
}

/* pwrite(2), refused on a full disk. */
ssize_t
pwrite(int fd, const void *buf, size_t len, off_t off)
{
	static ssize_t	(*real)(int, const void *, size_t, off_t);

	if (real == NULL)
		real = enospc_next("pwrite");
	if (len > 0 && enospc_refused(fd)) {
		errno = ENOSPC;
		return -1;
	}
	return real(fd, buf, len, off);
}

/* pwrite64, which SQLite calls on Linux; refused on a full disk. */
ssize_t
pwrite64(int fd, const void *buf, size_t len, off64_t off)
{
	static ssize_t	(*real)(int, const void *, size_t, off64_t);

	if (real == NULL)
		real = enospc_next("pwrite64");
	if (len > 0 && enospc_refused(fd)) {
		errno = ENOSPC;
		return -1;
	}
	return real(fd, buf, len, off);
}

/* writev(2), refused on a full disk. */
ssize_t
writev(int fd, const struct iovec *iov, int n)
{
	static ssize_t	(*real)(int, const struct iovec *, int);

	if (real == NULL)
		real = enospc_next("writev");
	if (n > 0 && enospc_refused(fd)) {
		errno = ENOSPC;
		return -1;
	}
	return real(fd, iov, n);
}

/* fallocate(2): no room to reserve on a full disk. */
int
fallocate(int fd, int mode, off_t off, off_t len)
{
	static int	(*real)(int, int, off_t, off_t);

	if (real == NULL)
		real = enospc_next("fallocate");
	if (enospc_refused(fd)) {
		errno = ENOSPC;
		return -1;
	}
	return real(fd, mode, off, len);
}
