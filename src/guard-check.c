/*
 * guard-check.c -- what the guard reads in a reply: it runs every check
 * (placeholders left in, protected words, greetings, and here those of
 * the whole text: the language, the same text sent to many, a parent
 * gone) into one report. See guard.h.
 */
#include <stdlib.h>
#include <string.h>

#include "guard-private.h"
#include "text.h"
#include "util.h"

/* Whether the word at byte start begins a sentence (or the text). */
static int
guard_first(const char *text, size_t start)
{
	while (start > 0 && (text[start - 1] == ' ' ||
	    text[start - 1] == '\t' || text[start - 1] == '"'))
		start--;
	return start == 0 || strchr(".!?:\n", text[start - 1]) != NULL;
}

/*
 * The words of a text that stay when the names go: no @handles, no
 * numbers, no capitalised word but the first of a sentence or a common
 * word ("Thanks" after a comma). Returns a
 * new string and the number of words in *n.
 */
static char *
guard_norm(const char *text, size_t *n)
{
	struct guard_words	w;
	struct buf		b;
	size_t			i;

	buf_init(&b, 1 << 20);
	guard_words_split(text, &w);
	*n = 0;
	for (i = 0; i < w.n; i++) {
		if (w.v[i].handle || w.v[i].digits || (w.v[i].upper &&
		    !guard_first(text, w.v[i].start) &&
		    !guard_common(w.v[i].key)))
			continue;
		buf_addstr(&b, w.v[i].key);
		buf_addch(&b, ' ');
		(*n)++;
	}
	guard_words_free(&w);
	return buf_steal(&b);
}

/* Warn when the same words went to more than a few customers today. */
static void
guard_check_automated(const struct guard_input *in, struct guard_report *r)
{
	char	*mine, *theirs, *msg;
	size_t	 i, n, m, same = 0;

	if (in->nrecent <= GUARD_AUTOMATED_MORE)
		return;
	mine = guard_norm(in->text, &n);
	for (i = 0; i < in->nrecent && n >= 4; i++) {
		if (in->recent[i] == NULL)
			continue;
		theirs = guard_norm(in->recent[i], &m);
		same += strcmp(mine, theirs) == 0;
		free(theirs);
	}
	free(mine);
	if (same <= GUARD_AUTOMATED_MORE)
		return;
	msg = xprintf("the same words (names and numbers aside) went to %zu "
	    "customers in the last day: this reads as automated", same);
	guard_add(r, GUARD_AUTOMATED, GUARD_WARN, 0, 0, msg, NULL);
	free(msg);
}

/* Warn when the reply is not in the language the customer wrote in. */
static void
guard_check_language(const struct guard_input *in, struct guard_report *r)
{
	const char	*mine;
	char		*msg;

	if (in->customer_lang == NULL || *in->customer_lang == '\0' ||
	    (mine = guard_lang_guess(in->text)) == NULL ||
	    strcmp(mine, in->customer_lang) == 0)
		return;
	msg = xprintf("the reply reads as %s, but the customer wrote in %s",
	    guard_lang_name(mine), guard_lang_name(in->customer_lang));
	guard_add(r, GUARD_LANGUAGE, GUARD_WARN, 0, 0, msg, NULL);
	free(msg);
}

/* Check a reply; see guard.h. */
void
guard_check(const struct guard_input *in, struct guard_report *r)
{
	struct guard_words	w;

	memset(r, 0, sizeof *r);
	if (in->text == NULL)
		return;
	guard_words_split(in->text, &w);
	guard_check_placeholders(in, &w, r);
	guard_check_protect(in, &w, r);
	guard_check_greeting(in, &w, r);
	guard_words_free(&w);
	guard_check_language(in, r);
	guard_check_automated(in, r);
	if (in->parent_deleted)
		guard_add(r, GUARD_PARENT_DELETED, GUARD_WARN, 0, 0, "the "
		    "comment this answers was deleted since it was read",
		    NULL);
	else if (in->parent_hidden)
		guard_add(r, GUARD_PARENT_HIDDEN, GUARD_WARN, 0, 0, "the "
		    "comment this answers was hidden since it was read", NULL);
	guard_sort(r);
}
