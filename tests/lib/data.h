/*
 * data.h -- the files under tests/data, read by the unit tests: recorded
 * answers whole, and files of cases (tables of payloads and what each
 * must give).
 *
 * A file of cases ("*.cases") holds cases one after another. Each starts
 * with a line "== NAME", then "key: value" lines (the value is the rest of
 * the line, "" if nothing follows the colon), then optionally a line "--"
 * and the payload: every line up to the next "== " line or the end, less
 * the newlines at its end (so a blank line may part two cases). A case
 * without "--" has no payload (NULL). Lines that start with "#" before the
 * "--" of a case, or before the first case, are comments; no line of a
 * payload may start with "#".
 *
 * Three keys change how a case's payload is read:
 *
 *	payload: NAME	a case without "--" takes the payload of the case
 *			called NAME before it (one answer, several checks)
 *	file: PATH	a case without "--" takes the file tests/data/PATH
 *			whole (a recorded answer)
 *	bytes: hex	"\xHH" in the payload is the byte HH (for bytes that
 *			are not UTF-8, which a text file should not hold)
 *
 * Files are found relative to $SRCDIR, or the current directory.
 *
 * Include after <cmocka.h>.
 */

#ifndef TESTS_DATA_H
#define TESTS_DATA_H

#include <stddef.h>

#define DATA_CASE_KEYS	16

/* One case of a file: its name, its keys and values, its payload. */
struct data_case {
	const char	*file;
	const char	*name;
	int		 line;
	const char	*keys[DATA_CASE_KEYS];
	const char	*values[DATA_CASE_KEYS];
	size_t		 nkeys;
	const char	*body;		/* NULL: none */
	size_t		 len;
};

/* Every case of a file; the strings point into text. */
struct data_cases {
	char			*file;
	char			*text;
	struct data_case	*v;
	size_t			 n;
	char			**files;	/* what "file" keys read */
	size_t			 nfiles;
};

char		*data_read(const char *, size_t *);
char		*data_read_source(const char *, size_t *);
void		 data_cases_read(struct data_cases *, const char *);
void		 data_cases_free(struct data_cases *);
const struct data_case *data_case_find(const struct data_cases *,
		    const char *);
const char	*data_case_body(const struct data_cases *, const char *);
const char	*data_case_str(const struct data_case *, const char *);
long		 data_case_long(const struct data_case *, const char *);
int		 data_case_result(const struct data_case *, const char *);
int		 data_case_err(const struct data_case *, const char *);
const char	*data_case_where(const struct data_case *);

#endif
