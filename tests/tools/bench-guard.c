/*
 * bench-guard.c -- measure the guard's protected words on the replies of
 * tests/data/guard: per file (a language), how many replies, how many
 * misspellings they hold, the findings that were not expected (false
 * positives) and the misspellings not found (misses).
 *
 *	bench-guard [-v] FILE.jsonl ...
 *
 * Each line: {"text": ..., "protect": [...], "shop": ..., "lang": ...,
 * "expect": [the text of each protected-word finding expected]}. -v
 * prints each false positive and miss. Exit 1 if a file cannot be read.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "guard.h"
#include "util.h"

/* What one file adds up to. */
struct bench_guard_count {
	size_t	replies;
	size_t	expected;
	size_t	fp;
	size_t	misses;
};

/* Whether the report has a protected-word finding whose text is want. */
static int
bench_guard_found(const char *text, const struct guard_report *r,
    const char *want)
{
	size_t	i;

	for (i = 0; i < r->n; i++) {
		if (r->v[i].kind == GUARD_PROTECTED &&
		    strlen(want) == r->v[i].len &&
		    strncmp(text + r->v[i].start, want, r->v[i].len) == 0)
			return 1;
	}
	return 0;
}

/* Whether the array of expected texts holds the span text[start, len). */
static int
bench_guard_expected(json_t *expect, const char *text, size_t start,
    size_t len)
{
	size_t		 i;
	const char	*s;

	for (i = 0; i < json_array_size(expect); i++) {
		s = json_string_value(json_array_get(expect, i));
		if (s != NULL && strlen(s) == len &&
		    strncmp(text + start, s, len) == 0)
			return 1;
	}
	return 0;
}

/* Check one reply and count what it gives. */
static void
bench_guard_one(json_t *o, struct bench_guard_count *c, int verbose)
{
	struct guard_input	 in;
	struct guard_report	 r;
	json_t			*prot = json_object_get(o, "protect");
	json_t			*expect = json_object_get(o, "expect");
	const char		*words[64], *s;
	size_t			 i;

	memset(&in, 0, sizeof in);
	in.text = json_string_value(json_object_get(o, "text"));
	if (in.text == NULL)
		return;
	for (i = 0; i < json_array_size(prot) && i < nitems(words); i++)
		words[in.nprotect++] = json_string_value(json_array_get(prot, i));
	in.protect = words;
	in.shop_name = json_string_value(json_object_get(o, "shop"));
	guard_check(&in, &r);
	c->replies++;
	for (i = 0; i < r.n; i++) {
		if (r.v[i].kind != GUARD_PROTECTED || bench_guard_expected(
		    expect, in.text, r.v[i].start, r.v[i].len))
			continue;
		c->fp++;
		if (verbose)
			printf("  false positive: \"%.*s\" in %s\n",
			    (int)r.v[i].len, in.text + r.v[i].start, in.text);
	}
	for (i = 0; i < json_array_size(expect); i++) {
		s = json_string_value(json_array_get(expect, i));
		c->expected++;
		if (s != NULL && !bench_guard_found(in.text, &r, s)) {
			c->misses++;
			if (verbose)
				printf("  miss: \"%s\" in %s\n", s, in.text);
		}
	}
	guard_free(&r);
}

/* Measure one file and print its row; 0, or -1 if it cannot be read. */
static int
bench_guard_file(const char *path, struct bench_guard_count *all,
    int verbose)
{
	struct bench_guard_count	 c = { 0, 0, 0, 0 };
	json_error_t			 err;
	json_t				*o;
	FILE				*fp;
	char				 line[8192];
	const char			*name;

	if ((fp = fopen(path, "r")) == NULL) {
		fprintf(stderr, "bench-guard: %s: cannot open\n", path);
		return -1;
	}
	while (fgets(line, sizeof line, fp) != NULL) {
		if ((o = json_loads(line, 0, &err)) == NULL) {
			fprintf(stderr, "bench-guard: %s: %s\n", path, err.text);
			fclose(fp);
			return -1;
		}
		bench_guard_one(o, &c, verbose);
		json_decref(o);
	}
	fclose(fp);
	name = strrchr(path, '/') != NULL ? strrchr(path, '/') + 1 : path;
	printf("  %-12s %7zu %9zu %6zu %6zu\n", name, c.replies, c.expected,
	    c.fp, c.misses);
	all->replies += c.replies;
	all->expected += c.expected;
	all->fp += c.fp;
	all->misses += c.misses;
	return 0;
}

int
main(int argc, char **argv)
{
	struct bench_guard_count	all = { 0, 0, 0, 0 };
	int				c, verbose = 0, rc = 0;

	while ((c = getopt(argc, argv, "v")) != -1) {
		if (c != 'v') {
			fprintf(stderr, "usage: bench-guard [-v] FILE...\n");
			return 2;
		}
		verbose = 1;
	}
	printf("  %-12s %7s %9s %6s %6s\n", "file", "replies", "misspelt",
	    "fp", "misses");
	for (; optind < argc; optind++) {
		if (bench_guard_file(argv[optind], &all, verbose) != 0)
			rc = 1;
	}
	printf("  %-12s %7zu %9zu %6zu %6zu\n", "all", all.replies,
	    all.expected, all.fp, all.misses);
	return rc;
}
