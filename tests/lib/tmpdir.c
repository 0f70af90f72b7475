/*
 * tmpdir.c -- a private temporary directory for a unit test; see
 * tmpdir.h.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ftw.h>
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

/* Remove one file or directory met by nftw, after what is in it. */
static int
tmpdir_remove_one(const char *path, const struct stat *sb, int flag,
    struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/*
 * Remove a directory made by tmpdir_make and everything in it, however
 * deep (a test's data and config directories, what enchant wrote there).
 */
void
tmpdir_remove(const char *dir)
{
	nftw(dir, tmpdir_remove_one, 8, FTW_DEPTH | FTW_PHYS);
}
