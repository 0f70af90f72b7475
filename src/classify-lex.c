/*
 * classify-lex.c -- the table of the classifier's lexicons (one file a
 * language: classify-lex-*.c), finding one by language tag, and the check
 * that every phrase is written as the classifier reads text.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "classify-private.h"
#include "util.h"

/* Every language with a lexicon, in the order they are tried. */
static const struct classify_lexicon *const classify_lexicons[] = {
	&classify_lex_en, &classify_lex_nl, &classify_lex_de,
	&classify_lex_fr, &classify_lex_es, &classify_lex_ro,
	&classify_lex_ar, &classify_lex_zh
};

/* Every lexicon but the shared one, in order; NULL after the last. */
const struct classify_lexicon *
classify_lexicon_at(size_t i)
{
	return i < nitems(classify_lexicons) ? classify_lexicons[i] : NULL;
}

/* The lexicon of a language tag ("nl", "zh-Hant", "EN_gb"), or NULL. */
const struct classify_lexicon *
classify_lexicon_find(const char *tag)
{
	char	code[4];
	size_t	i, n = 0;

	if (tag == NULL)
		return NULL;
	while (n < sizeof code - 1 && isalpha((unsigned char)tag[n])) {
		code[n] = (char)tolower((unsigned char)tag[n]);
		n++;
	}
	code[n] = '\0';
	if (isalpha((unsigned char)tag[n]))
		return NULL;
	for (i = 0; i < nitems(classify_lexicons); i++) {
		if (strcmp(classify_lexicons[i]->code, code) == 0)
			return classify_lexicons[i];
	}
	return NULL;
}

/* Return 1 if the language tag has a lexicon of its own. */
int
classify_lang_known(const char *tag)
{
	return classify_lexicon_find(tag) != NULL;
}

/* The codes with a lexicon, for a message. */
const char *
classify_lang_list(void)
{
	return "en, nl, de, fr, es, ro, ar, zh";
}

/*
 * Check one phrase of a group: words parted by one space, each folded
 * (a "*" may begin or end a word; "#" stands alone). 0, or -1 with
 * *cause.
 */
static int
classify_phrase_check(const struct classify_lexicon *lex, const char *p,
    size_t n, char **cause)
{
	char	*copy, *folded;
	size_t	 i, j = 0;
	int	 rc = 0;

	if (n == 0)
		return util_fail(cause, "%s: an empty phrase", lex->code);
	copy = xmalloc(n + 1);
	for (i = 0; i < n; i++) {
		if (p[i] == '*' && (i + 1 == n || p[i + 1] == ' ') && i > 0 &&
		    p[i - 1] != ' ')
			continue;
		if (p[i] == '*' && (i == 0 || p[i - 1] == ' ') && i + 1 < n &&
		    p[i + 1] != ' ')
			continue;
		copy[j++] = p[i] == '#' && (i == 0 || p[i - 1] == ' ') &&
		    (i + 1 == n || p[i + 1] == ' ') ? '0' : p[i];
	}
	copy[j] = '\0';
	folded = classify_fold(copy, j);
	if (strcmp(folded, copy) != 0)
		rc = util_fail(cause, "%s: \"%.*s\" is read as \"%s\"",
		    lex->code, (int)n, p, folded);
	free(folded);
	free(copy);
	return rc;
}

/* Return 1 if phrase p (n bytes) is one of the "|"-parted list. */
static int
classify_phrase_in(const char *list, const char *end, const char *p,
    size_t n)
{
	const char	*q, *bar;

	for (q = list; q < end; q = bar + 1) {
		if ((bar = memchr(q, '|', end - q)) == NULL)
			bar = end;
		if ((size_t)(bar - q) == n && memcmp(q, p, n) == 0)
			return 1;
	}
	return 0;
}

/*
 * Check that phrase p (n bytes) of group g comes neither earlier in g nor
 * in a group before it with the same cue. 0, or -1 with *cause.
 */
static int
classify_group_dups(const struct classify_lexicon *lex, size_t g,
    const char *p, size_t n, char **cause)
{
	const struct classify_group	*o;
	const char			*end;
	size_t				 k;

	for (k = 0; k <= g; k++) {
		o = &lex->groups[k];
		if (o->cue != lex->groups[g].cue)
			continue;
		end = k == g ? p : o->phrases + strlen(o->phrases);
		if (classify_phrase_in(o->phrases, end, p, n))
			return util_fail(cause, "%s: \"%.*s\" comes twice",
			    lex->code, (int)n, p);
	}
	return 0;
}

/* Check one lexicon, adding each fault found to b as a line. */
static void
classify_lexicon_check_one(const struct classify_lexicon *lex,
    struct buf *b)
{
	const char	*p, *bar;
	char		*cause;
	size_t		 g, n;

	for (g = 0; g < lex->ngroups; g++) {
		p = lex->groups[g].phrases;
		if (lex->groups[g].cue >= CUE_COUNT || *p == '\0') {
			buf_printf(b, "%s: group %zu is empty or has no cue\n",
			    lex->code, g);
			continue;
		}
		for (;; p = bar + 1) {
			bar = strchr(p, '|');
			n = bar != NULL ? (size_t)(bar - p) : strlen(p);
			cause = NULL;
			if (classify_phrase_check(lex, p, n, &cause) != 0 ||
			    classify_group_dups(lex, g, p, n, &cause) != 0) {
				buf_printf(b, "%s\n", cause);
				free(cause);
			}
			if (bar == NULL)
				break;
		}
	}
}

/* Check every lexicon; see classify.h. */
int
classify_lexicon_check(char **cause)
{
	struct buf	b;
	size_t		i;

	buf_init(&b, 0);
	classify_lexicon_check_one(&classify_lex_any, &b);
	for (i = 0; i < nitems(classify_lexicons); i++)
		classify_lexicon_check_one(classify_lexicons[i], &b);
	if (b.len == 0) {
		buf_free(&b);
		return 0;
	}
	b.data[--b.len] = '\0';
	if (cause != NULL)
		*cause = buf_steal(&b);
	buf_free(&b);
	return -1;
}
