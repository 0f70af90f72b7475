/*
 * reply-check.c -- what the guard needs to read a reply, from the cache
 * and the config; see reply-check.h.
 */
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "reply-check.h"
#include "spell.h"
#include "util.h"

/* How many of the shop's replies of the last day are compared. */
#define REPLY_CHECK_RECENT_MOST	1000

/* The names of everyone in the thread but the shop; lent from it. */
static void
reply_check_names(struct reply_check *rc)
{
	const struct item	*it;
	size_t			 i;

	rc->names = xcalloc(rc->thread.items.n + 1, sizeof *rc->names);
	for (i = 0; i < rc->thread.items.n; i++) {
		it = &rc->thread.items.v[i];
		if (!it->own && it->author_name != NULL)
			rc->names[rc->nnames++] = it->author_name;
	}
}

/* The item answered and its thread; 0, or -1 with *cause. */
static int
reply_check_item(struct reply_check *rc, struct store *s, int64_t item,
    char **cause)
{
	if (item == 0)
		return 0;
	if (store_item_get(s, item, &rc->item, cause) != 0)
		return -1;
	rc->have_item = 1;
	if (store_thread_get(s, item, &rc->thread, cause) != 0)
		return -1;
	rc->have_thread = 1;
	reply_check_names(rc);
	return 0;
}

/* Gather what the guard needs; see reply-check.h. */
int
reply_check_load(struct reply_check *rc, struct store *s,
    const struct config *cfg, const struct config_account *a,
    int64_t account_id, int64_t item, char **cause)
{
	memset(rc, 0, sizeof *rc);
	rc->account = a;
	rc->account_id = account_id;
	if (reply_check_item(rc, s, item, cause) != 0)
		return -1;
	if (guard_protect_parse(config_str(cfg, a, OPT_PROTECT), &rc->protect,
	    &rc->nprotect, cause) != 0)
		return -1;
	if (account_id == 0)
		return 0;
	if (store_own_name(s, account_id, &rc->shop, cause) < 0 ||
	    store_own_texts(s, account_id, util_now() - 86400,
	    REPLY_CHECK_RECENT_MOST, &rc->recent, &rc->nrecent, cause) < 0)
		return -1;
	return 0;
}

/* Whether a misspelled word lies within what a finding is about. */
static int
reply_check_covered(const struct guard_report *r, const struct spell_miss *m)
{
	size_t	i;

	for (i = 0; i < r->n; i++) {
		if (r->v[i].len > 0 && m->start < r->v[i].start +
		    r->v[i].len && r->v[i].start < m->start + m->len)
			return 1;
	}
	return 0;
}

/* One misspelling as a finding: the word, and what was probably meant. */
static void
reply_check_miss(const struct spell *sp, const char *text,
    const struct spell_miss *m, struct guard_report *r)
{
	char	*msg;

	msg = xprintf("\"%.*s\" is not in the %s dictionary", (int)m->len,
	    text + m->start, spell_dict_tag(sp));
	guard_add(r, GUARD_SPELLING, GUARD_WARN, m->start, m->len, msg,
	    m->nsuggest > 0 ? m->suggest[0] : NULL);
	free(msg);
}

/*
 * Spelling, with the checker of the reply's language: each misspelled
 * word warns; a language with no dictionary says so once (why, from
 * spell_open; its words are not checked), and nothing is said when the
 * language cannot be told at all (no sp, no why).
 */
static void
reply_check_spelling(const struct reply_check *rc, const char *text,
    struct spell *sp, const char *why, struct guard_report *r)
{
	struct spell_misses	 m;
	const char		**protect;
	size_t			 i, n = 0;

	if (sp == NULL) {
		if (why != NULL)
			guard_add(r, GUARD_SPELLING, GUARD_WARN, 0, 0, why,
			    NULL);
		return;
	}
	/*
	 * The shop's words are its own, and people's names theirs, whatever
	 * the dictionary says.
	 */
	protect = xcalloc(rc->nprotect + rc->nnames + 4, sizeof *protect);
	for (i = 0; i < rc->nprotect; i++)
		protect[n++] = rc->protect[i];
	for (i = 0; i < rc->nnames; i++)
		protect[n++] = rc->names[i];
	if (rc->shop != NULL)
		protect[n++] = rc->shop;
	if (rc->have_item && rc->item.author_name != NULL)
		protect[n++] = rc->item.author_name;
	if (rc->have_item && rc->item.author_handle != NULL)
		protect[n++] = rc->item.author_handle;
	memset(&m, 0, sizeof m);
	spell_check(sp, text, protect, SPELL_SUGGEST, &m);
	for (i = 0; i < m.n; i++) {
		/* A word another finding is about is said there, once. */
		if (!reply_check_covered(r, &m.v[i]))
			reply_check_miss(sp, text, &m.v[i], r);
	}
	spell_misses_clear(&m);
	free(protect);
}

/* Whether the open dictionary knows a word: the guard's known_word. */
static int
reply_check_known(void *arg, const char *word, size_t len)
{
	return spell_known_word(arg, word, len);
}

/*
 * Open the checker of the language a reply is read in: its own if it
 * can be told, else the customer's, else the account's (the language
 * option, else the locale's). NULL, with *why (new) when the language is
 * known but not checked, or without when no language is known.
 */
static struct spell *
reply_check_open(const struct reply_check *rc, const struct config *cfg,
    const char *text, const char *customer_lang, char **why)
{
	struct spell	*sp;
	const char	*lang;
	char		 buf[8];

	*why = NULL;
	lang = spell_lang_choose(guard_lang_guess(text), customer_lang,
	    spell_lang_default(config_str(cfg, rc->account, OPT_LANGUAGE),
	    buf, sizeof buf));
	if (lang == NULL)
		return NULL;
	if (spell_open(lang, &sp, why) != SPELL_OK)
		return NULL;
	return sp;
}

/* Check a text; see reply-check.h. */
void
reply_check_run(const struct reply_check *rc, const struct config *cfg,
    const char *text, struct guard_report *r)
{
	struct guard_input	 in;
	struct spell		*sp;
	char			*why;

	memset(&in, 0, sizeof in);
	in.text = text;
	in.protect = (const char *const *)rc->protect;
	in.nprotect = rc->nprotect;
	in.shop_name = rc->shop;
	in.recent = (const char *const *)rc->recent;
	in.nrecent = rc->nrecent;
	in.platform = config_str(cfg, rc->account, OPT_PLATFORM);
	if (rc->have_item) {
		in.customer_name = rc->item.author_name;
		in.customer_handle = rc->item.author_handle;
		in.customer_lang = rc->item.lang != NULL &&
		    *rc->item.lang != '\0' ? rc->item.lang :
		    guard_lang_guess(rc->item.text != NULL ? rc->item.text : "");
		in.thread_names = rc->names;
		in.nthread_names = rc->nnames;
		in.parent_deleted = rc->item.deleted;
		in.parent_hidden = rc->item.hidden;
	}
	/* One checker, for the guard's ordinary words and for spelling. */
	if ((sp = reply_check_open(rc, cfg, text, in.customer_lang,
	    &why)) != NULL) {
		in.known_word = reply_check_known;
		in.known_arg = sp;
	}
	guard_check(&in, r);
	reply_check_spelling(rc, text, sp, why, r);
	spell_free(sp);
	free(why);
	guard_sort(r);
}

void
reply_check_free(struct reply_check *rc)
{
	if (rc->have_item)
		item_clear(&rc->item);
	if (rc->have_thread)
		store_thread_free(&rc->thread);
	free(rc->names);
	guard_protect_free(rc->protect, rc->nprotect);
	free(rc->shop);
	store_own_texts_free(rc->recent, rc->nrecent);
	memset(rc, 0, sizeof *rc);
}
