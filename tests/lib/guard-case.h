/*
 * guard-case.h -- what the guard's table tests share: a report written
 * as one line to compare with a case's, and a case's names split.
 */
#ifndef TESTS_GUARD_CASE_H
#define TESTS_GUARD_CASE_H

#include <stddef.h>

#include "guard.h"

/*
 * The findings of a report as "kind:span;kind:span", only those of kind
 * (-1: all), with "(warn)" after the kind of a warning when marks is set;
 * a new string.
 */
char	*guard_case_summary(const char *, const struct guard_report *, int,
	    int);
/* Split "a|b" into up to 8 names, lent from a copy in buf. */
size_t	 guard_case_names(const char *, char *, size_t, const char **);

#endif
