/*
 * guard-case.c -- what the guard's table tests share; see guard-case.h.
 */
#include <stdio.h>
#include <string.h>

#include "guard.h"
#include "util.h"
#include "guard-case.h"

/* The findings of a report on one line; see guard-case.h. */
char *
guard_case_summary(const char *text, const struct guard_report *r, int kind,
    int marks)
{
	struct buf	b;
	size_t		i, n = 0;

	buf_init(&b, 0);
	for (i = 0; i < r->n; i++) {
		if (kind >= 0 && r->v[i].kind != kind)
			continue;
		buf_printf(&b, "%s%s%s:%.*s", n++ > 0 ? ";" : "",
		    guard_kind_name(r->v[i].kind), marks && r->v[i].severity ==
		    GUARD_WARN ? "(warn)" : "", (int)r->v[i].len,
		    text + r->v[i].start);
	}
	return buf_steal(&b);
}

/* Split "a|b" into up to 8 names; see guard-case.h. */
size_t
guard_case_names(const char *s, char *buf, size_t size, const char **v)
{
	size_t	n = 0;
	char	*p, *w;

	if (s == NULL)
		return 0;
	snprintf(buf, size, "%s", s);
	for (p = buf; n < 8 && (w = strsep(&p, "|")) != NULL;)
		v[n++] = w;
	return n;
}
