/*
 * bench-guard.c -- measure the guard's protected words on the replies of
 * tests/data/guard: per file (a language), how many replies, how many
 * misspellings they hold, the findings that block but were not expected
 * (false positives), the misspellings not blocked (misses), and the
 * protected-word warnings given.
 *
 *	bench-guard [-nv] FILE.jsonl ...
 *
 * Each line: {"text": ..., "protect": [...], "shop": ..., "lang": ...,
 * "thread": [names of people in the thread, optional], "expect": [the
 * text of each protected-word finding expected to block]}.
 *
 * The guard is given the dictionary of each reply's lang (the real
 * enchant and hunspell, as heed check-reply gives it) when one is
 * installed; the output says which were, and which languages had none.
 * -n gives it none, to measure the guard alone. The user's own word
 * lists are kept out. -v prints each false positive, miss and warning.
 * Exit 1 if a file cannot be read.
 */
#include <ftw.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "guard.h"
#include "spell.h"
#include "util.h"

/* The dictionaries opened, a language each (NULL: none installed). */
#define BENCH_GUARD_LANGS	16

/* What one file adds up to. */
struct bench_guard_count {
	size_t	replies;
	size_t	expected;
	size_t	fp;
	size_t	misses;
	size_t	warned;
};

/* The run: its options and the checkers of the languages met. */
struct bench_guard {
	int		 verbose;
	int		 nodict;
	struct {
		char		*lang;
		struct spell	*spell;
	}		 langs[BENCH_GUARD_LANGS];
	size_t		 nlangs;
	const char	*dict;		/* of the file measured last */
};

/* Return the checker of a language, opened once; NULL if it has none. */
static struct spell *
bench_guard_spell(struct bench_guard *bg, const char *lang)
{
	char	*cause = NULL;
	size_t	 i;

	if (bg->nodict || lang == NULL)
		return NULL;
	for (i = 0; i < bg->nlangs; i++) {
		if (strcmp(bg->langs[i].lang, lang) == 0)
			return bg->langs[i].spell;
	}
	if (bg->nlangs == BENCH_GUARD_LANGS)
		return NULL;
	bg->langs[i].lang = xstrdup(lang);
	if (spell_open(lang, &bg->langs[i].spell, &cause) != SPELL_OK)
		free(cause);
	bg->nlangs++;
	return bg->langs[i].spell;
}

/* The guard's known_word: the open dictionary of the reply's language. */
static int
bench_guard_known(void *arg, const char *word, size_t len)
{
	return spell_known_word(arg, word, len);
}

/* Whether the report has a protected-word block whose text is want. */
static int
bench_guard_found(const char *text, const struct guard_report *r,
    const char *want)
{
	size_t	i;

	for (i = 0; i < r->n; i++) {
		if (r->v[i].kind == GUARD_PROTECTED &&
		    r->v[i].severity == GUARD_BLOCK &&
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

/* Count the findings of one reply: false positives and warnings. */
static void
bench_guard_findings(const char *text, const struct guard_report *r,
    json_t *expect, struct bench_guard_count *c, int verbose)
{
	const struct guard_finding	*f;
	size_t				 i;
	int				 want;

	for (i = 0; i < r->n; i++) {
		f = &r->v[i];
		if (f->kind != GUARD_PROTECTED)
			continue;
		want = bench_guard_expected(expect, text, f->start, f->len);
		if (f->severity == GUARD_WARN) {
			c->warned++;
			if (verbose)
				printf("  warning (%s): \"%.*s\" in %s\n",
				    want ? "misspelt" : "not misspelt",
				    (int)f->len, text + f->start, text);
		} else if (!want) {
			c->fp++;
			if (verbose)
				printf("  false positive: \"%.*s\" in %s\n",
				    (int)f->len, text + f->start, text);
		}
	}
}

/* Check one reply and count what it gives. */
static void
bench_guard_one(struct bench_guard *bg, json_t *o,
    struct bench_guard_count *c)
{
	struct guard_input	 in;
	struct guard_report	 r;
	struct spell		*sp;
	json_t			*prot = json_object_get(o, "protect");
	json_t			*thread = json_object_get(o, "thread");
	json_t			*expect = json_object_get(o, "expect");
	const char		*words[64], *names[16], *s;
	size_t			 i;

	memset(&in, 0, sizeof in);
	in.text = json_string_value(json_object_get(o, "text"));
	if (in.text == NULL)
		return;
	for (i = 0; i < json_array_size(prot) && i < nitems(words); i++)
		words[in.nprotect++] = json_string_value(
		    json_array_get(prot, i));
	in.protect = words;
	for (i = 0; i < json_array_size(thread) && i < nitems(names); i++)
		names[in.nthread_names++] = json_string_value(
		    json_array_get(thread, i));
	in.thread_names = names;
	in.shop_name = json_string_value(json_object_get(o, "shop"));
	sp = bench_guard_spell(bg, json_string_value(json_object_get(o,
	    "lang")));
	if (sp != NULL) {
		in.known_word = bench_guard_known;
		in.known_arg = sp;
		bg->dict = spell_dict_tag(sp);
	}
	guard_check(&in, &r);
	c->replies++;
	bench_guard_findings(in.text, &r, expect, c, bg->verbose);
	for (i = 0; i < json_array_size(expect); i++) {
		s = json_string_value(json_array_get(expect, i));
		c->expected++;
		if (s != NULL && !bench_guard_found(in.text, &r, s)) {
			c->misses++;
			if (bg->verbose)
				printf("  miss: \"%s\" in %s\n", s, in.text);
		}
	}
	guard_free(&r);
}

/* Add a file's counts to the total. */
static void
bench_guard_add(struct bench_guard_count *all,
    const struct bench_guard_count *c)
{
	all->replies += c->replies;
	all->expected += c->expected;
	all->fp += c->fp;
	all->misses += c->misses;
	all->warned += c->warned;
}

/* Measure one file and print its row; 0, or -1 if it cannot be read. */
static int
bench_guard_file(struct bench_guard *bg, const char *path,
    struct bench_guard_count *all)
{
	struct bench_guard_count	 c;
	json_error_t			 err;
	json_t				*o;
	FILE				*fp;
	char				 line[8192];
	const char			*name;

	memset(&c, 0, sizeof c);
	if ((fp = fopen(path, "r")) == NULL) {
		fprintf(stderr, "bench-guard: %s: cannot open\n", path);
		return -1;
	}
	bg->dict = NULL;
	while (fgets(line, sizeof line, fp) != NULL) {
		if ((o = json_loads(line, 0, &err)) == NULL) {
			fprintf(stderr, "bench-guard: %s: %s\n", path,
			    err.text);
			fclose(fp);
			return -1;
		}
		bench_guard_one(bg, o, &c);
		json_decref(o);
	}
	fclose(fp);
	name = strrchr(path, '/') != NULL ? strrchr(path, '/') + 1 : path;
	printf("  %-12s %-7s %7zu %9zu %6zu %6zu %6zu\n", name,
	    bg->dict != NULL ? bg->dict : "none", c.replies, c.expected, c.fp,
	    c.misses, c.warned);
	bench_guard_add(all, &c);
	return 0;
}

/* Remove one file or directory met by nftw, after what is in it. */
static int
bench_guard_rm(const char *path, const struct stat *sb, int flag,
    struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/*
 * Keep the user's own word lists, heed's and enchant's, out of the
 * numbers: both live under a directory of the run's own. dir holds its
 * name, to be removed at the end; "" if none could be made.
 */
static void
bench_guard_private(char *dir, size_t len)
{
	const char	*tmp = getenv("TMPDIR");

	snprintf(dir, len, "%s/heed-bench-guard-XXXXXX",
	    tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL) {
		*dir = '\0';
		setenv("XDG_DATA_HOME", "/nonexistent", 1);
		setenv("XDG_CONFIG_HOME", "/nonexistent", 1);
		return;
	}
	setenv("XDG_DATA_HOME", dir, 1);
	setenv("XDG_CONFIG_HOME", dir, 1);
}

/* Say which dictionaries the guard was given. */
static void
bench_guard_dicts(const struct bench_guard *bg)
{
	size_t	i;

	if (bg->nodict) {
		printf("  (no dictionaries: -n)\n");
		return;
	}
	printf("  dictionaries:");
	for (i = 0; i < bg->nlangs; i++) {
		printf(" %s=%s", bg->langs[i].lang, bg->langs[i].spell !=
		    NULL ? spell_dict_tag(bg->langs[i].spell) : "none");
	}
	printf("\n");
}

int
main(int argc, char **argv)
{
	struct bench_guard		bg;
	struct bench_guard_count	all;
	char				dir[256];
	size_t				i;
	int				c, rc = 0;

	memset(&bg, 0, sizeof bg);
	memset(&all, 0, sizeof all);
	while ((c = getopt(argc, argv, "nv")) != -1) {
		if (c != 'n' && c != 'v') {
			fprintf(stderr, "usage: bench-guard [-nv] FILE...\n");
			return 2;
		}
		if (c == 'n')
			bg.nodict = 1;
		else
			bg.verbose = 1;
	}
	bench_guard_private(dir, sizeof dir);
	printf("  %-12s %-7s %7s %9s %6s %6s %6s\n", "file", "dict",
	    "replies", "misspelt", "fp", "misses", "warned");
	for (; optind < argc; optind++) {
		if (bench_guard_file(&bg, argv[optind], &all) != 0)
			rc = 1;
	}
	printf("  %-12s %-7s %7zu %9zu %6zu %6zu %6zu\n", "all", "",
	    all.replies, all.expected, all.fp, all.misses, all.warned);
	bench_guard_dicts(&bg);
	for (i = 0; i < bg.nlangs; i++) {
		spell_free(bg.langs[i].spell);
		free(bg.langs[i].lang);
	}
	if (*dir != '\0')
		nftw(dir, bench_guard_rm, 8, FTW_DEPTH | FTW_PHYS);
	return rc;
}
