/*
 * tmpdir.c -- a private temporary directory for a unit test; see
 * tmpdir.h.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tmpdir.h"

/* Make a new directory named after the test into dir (len bytes). */
void
tmpdir_make(char *dir, size_t len, const char *name)
{
	const char	*tmp = getenv("TMPDIR");

	snprintf(dir, len, "%s/heed-%s-XXXXXX",
	    tmp != NULL && *tmp != '\0' ? tmp : "/tmp", name);
	assert_non_null(mkdtemp(dir));
}

/* Remove a directory made by tmpdir_make and the files in it. */
void
tmpdir_remove(const char *dir)
{
	struct dirent	*de;
	DIR		*d;
	char		 p[PATH_MAX];

	if ((d = opendir(dir)) != NULL) {
		while ((de = readdir(d)) != NULL) {
			if (strcmp(de->d_name, ".") == 0 ||
			    strcmp(de->d_name, "..") == 0)
				continue;
			snprintf(p, sizeof p, "%s/%s", dir, de->d_name);
			unlink(p);
		}
		closedir(d);
	}
	rmdir(dir);
}
