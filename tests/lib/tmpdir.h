/*
 * tmpdir.h -- a private temporary directory for a unit test, under
 * $TMPDIR (or /tmp), and its removal with everything in it.
 *
 * Include after <cmocka.h>.
 */
#ifndef TESTS_TMPDIR_H
#define TESTS_TMPDIR_H

#include <stddef.h>

void	tmpdir_make(char *, size_t, const char *);
void	tmpdir_remove(const char *);

#endif
