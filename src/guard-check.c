/*
 * guard-check.c -- what the guard reads in a reply: it runs every check
 * (placeholders left in, protected words, greetings, the same text sent
 * to many, and here the language and a parent gone) into one report.
 * See guard.h.
 */
#include <stdlib.h>
#include <string.h>

#include "guard-private.h"
#include "util.h"

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
