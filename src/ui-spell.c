/*
 * ui-spell.c -- the composer's spelling: misspelled words underlined as
 * the reply is typed, and a key that adds the word at the cursor to the
 * personal word list.
 *
 * Nothing is checked on the way of a key: the text is checked once typing
 * pauses (UI_SPELL_IDLE_MS after the last key), and only when it differs
 * from the text checked last. The first check opens the checker, which
 * loads enchant and a dictionary (a few milliseconds, once); nothing of it
 * happens before a reply is written. Between a key and the next check,
 * the underlines before and after the change stay where their words are.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classify.h"
#include "log.h"
#include "loop.h"
#include "spell.h"
#include "text.h"
#include "config.h"
#include "guard.h"
#include "ui-private.h"
#include "util.h"

#define UI_SPELL_IDLE_MS	300
/* The checkers kept open, one a language the reply was read in. */
#define UI_SPELL_LANGS		4

/* A misspelled word as drawn: its bytes in the text shown. */
struct ui_spell_span {
	size_t	start;
	size_t	end;
};

/* A language the reply was read in, and its checker. */
struct ui_spell_lang {
	char		*lang;
	struct spell	*spell;		/* NULL: not checked */
	char		*why;		/* then why not */
};

struct ui_spell {
	struct ui		*ui;
	const struct edit	*ed;		/* the composer's; lent */
	char			*customer_lang;	/* of the item answered */
	char			*account_lang;	/* the language option's */
	char			**words;	/* its own: see ui_spell_new */
	size_t			 nwords;
	struct ui_spell_lang	 open[UI_SPELL_LANGS];
	size_t			 nopen;
	struct spell		*spell;		/* of the last check; lent */
	const char		*why;		/* why it was not; lent */
	uint64_t		 timer;
	char			*checked;	/* the text last checked */
	struct spell_misses	 misses;	/* in that text */
	char			*shown_for;	/* the text spans are for */
	struct ui_spell_span	*spans;
	size_t			 nspans;
};

/*
 * The words a reply may use whatever the dictionary says: the account's
 * protected words, the shop's name, the customer's name and handle; a
 * NULL-terminated list (the check screen passes the same ones).
 */
static void
ui_spell_own_words(struct ui_spell *sp, const struct item *it)
{
	struct ui	*ui = sp->ui;
	char		*shop = NULL;
	size_t		 n;

	if (guard_protect_parse(config_str(ui->ctx.cfg, ui_account_config(ui,
	    it->account_id), OPT_PROTECT), &sp->words, &n, NULL) != 0) {
		sp->words = NULL;
		n = 0;
	}
	sp->nwords = n;
	sp->words = xreallocarray(sp->words, n + 4, sizeof *sp->words);
	if (store_own_name(ui->ctx.store, it->account_id, &shop, NULL) == 0 &&
	    shop != NULL)
		sp->words[n++] = shop;
	if (it->author_name != NULL)
		sp->words[n++] = xstrdup(it->author_name);
	if (it->author_handle != NULL)
		sp->words[n++] = xstrdup(it->author_handle);
	sp->words[n] = NULL;
	sp->nwords = n;
}

/* Start the spelling of a composer on its editor, for an item's reply. */
struct ui_spell *
ui_spell_new(struct ui *ui, const struct edit *ed, const struct item *it)
{
	struct ui_spell	*sp;

	sp = xcalloc(1, sizeof *sp);
	sp->ui = ui;
	sp->ed = ed;
	if (it->lang != NULL)
		sp->customer_lang = xstrdup(it->lang);
	sp->account_lang = xstrdup(config_str(ui->ctx.cfg,
	    ui_account_config(ui, it->account_id), OPT_LANGUAGE));
	ui_spell_own_words(sp, it);
	return sp;
}

/* Close the checker of a language. */
static void
ui_spell_close(struct ui_spell_lang *l)
{
	free(l->lang);
	spell_free(l->spell);
	free(l->why);
	memset(l, 0, sizeof *l);
}

/* Free the spelling of a composer; NULL does nothing. */
void
ui_spell_free(struct ui_spell *sp)
{
	size_t	i;

	if (sp == NULL)
		return;
	if (sp->timer != 0)
		loop_timer_cancel(sp->ui->ctx.loop, sp->timer);
	for (i = 0; i < sp->nopen; i++)
		ui_spell_close(&sp->open[i]);
	spell_misses_clear(&sp->misses);
	free(sp->customer_lang);
	free(sp->account_lang);
	guard_protect_free(sp->words, sp->nwords);
	free(sp->checked);
	free(sp->shown_for);
	free(sp->spans);
	free(sp);
}

/*
 * Return the checker for the language of a text, opening it the first
 * time; NULL with sp->why when that language is not checked.
 */
static struct spell *
ui_spell_for(struct ui_spell *sp, const char *text)
{
	struct classify_result	 res;
	const char		*guess = NULL, *lang;
	char			 buf[8];
	size_t			 i;

	classify_text(text, NULL, &res);
	if (res.lang != NULL && strcmp(res.lang, "all") != 0)
		guess = res.lang;
	lang = spell_lang_choose(guess, sp->customer_lang,
	    spell_lang_default(sp->account_lang, buf, sizeof buf));
	if (lang == NULL)
		lang = "";
	for (i = 0; i < sp->nopen; i++) {
		if (strcmp(sp->open[i].lang, lang) == 0)
			break;
	}
	if (i == sp->nopen) {
		if (sp->nopen == UI_SPELL_LANGS) {
			/* The oldest goes; sp->spell may be it. */
			ui_spell_close(&sp->open[0]);
			memmove(&sp->open[0], &sp->open[1],
			    (UI_SPELL_LANGS - 1) * sizeof sp->open[0]);
			i = --sp->nopen;
		}
		sp->open[i].lang = xstrdup(lang);
		if (spell_open(lang, &sp->open[i].spell, &sp->open[i].why) !=
		    SPELL_OK)
			log_debug("%s", sp->open[i].why);
		sp->nopen++;
	}
	sp->why = sp->open[i].why;
	return sp->open[i].spell;
}

/* Check the text now, unless it is the one checked last. */
static void
ui_spell_run(struct ui_spell *sp)
{
	const char	*text = sp->ed->text != NULL ? sp->ed->text : "";

	if (sp->checked != NULL && strcmp(sp->checked, text) == 0)
		return;
	spell_misses_clear(&sp->misses);
	free(sp->checked);
	sp->checked = xstrdup(text);
	free(sp->shown_for);
	sp->shown_for = NULL;
	sp->ui->dirty = 1;
	/* Nothing written yet: no reason to load anything. */
	if (edit_blank(sp->ed))
		return;
	if ((sp->spell = ui_spell_for(sp, text)) != NULL)
		spell_check(sp->spell, text, (const char *const *)sp->words, 0,
		    &sp->misses);
}

/* Check the text once typing has paused. */
static void
ui_spell_fire(void *arg)
{
	struct ui_spell	*sp = arg;

	sp->timer = 0;
	ui_spell_run(sp);
}

/* Say the text may have changed: check it again after a pause. */
void
ui_spell_touch(struct ui_spell *sp)
{
	const char	*text = sp->ed->text != NULL ? sp->ed->text : "";

	if (sp->timer != 0) {
		loop_timer_cancel(sp->ui->ctx.loop, sp->timer);
		sp->timer = 0;
	}
	if (sp->checked != NULL && strcmp(sp->checked, text) == 0)
		return;
	sp->timer = loop_timer_add(sp->ui->ctx.loop, UI_SPELL_IDLE_MS,
	    ui_spell_fire, sp);
}

/*
 * Return 1 if a byte next to a word, after an edit, leaves the word as it
 * was: a space or punctuation, or the end of the text.
 */
static int
ui_spell_apart(char ch)
{
	return ch == '\0' || ch == ' ' || ch == '\n' || ch == '\t' ||
	    strchr(".,;:!?()[]{}\"/", ch) != NULL;
}

/*
 * Map the misses of the text checked onto the text shown: those before
 * the first byte that differs and those after the last stay, moved by
 * what was inserted or deleted; the one at the change waits for the
 * next check.
 */
static void
ui_spell_map(struct ui_spell *sp, const char *now)
{
	const char		*was = sp->checked;
	size_t			 wlen, nlen, pre = 0, suf = 0, i;
	const struct spell_miss	*m;

	if (sp->shown_for != NULL && strcmp(sp->shown_for, now) == 0)
		return;
	free(sp->shown_for);
	sp->shown_for = xstrdup(now);
	sp->nspans = 0;
	if (was == NULL || sp->misses.n == 0)
		return;
	wlen = strlen(was);
	nlen = strlen(now);
	while (pre < wlen && pre < nlen && was[pre] == now[pre])
		pre++;
	while (suf < wlen - pre && suf < nlen - pre &&
	    was[wlen - 1 - suf] == now[nlen - 1 - suf])
		suf++;
	sp->spans = xreallocarray(sp->spans, sp->misses.n, sizeof *sp->spans);
	for (i = 0; i < sp->misses.n; i++) {
		m = &sp->misses.v[i];
		if (wlen == nlen && pre == wlen)
			sp->spans[sp->nspans++] = (struct ui_spell_span){
			    m->start, m->start + m->len };
		else if (m->start + m->len < pre ||
		    (m->start + m->len == pre && ui_spell_apart(now[pre])))
			sp->spans[sp->nspans++] = (struct ui_spell_span){
			    m->start, m->start + m->len };
		else if (m->start > wlen - suf || (m->start == wlen - suf &&
		    nlen > suf && ui_spell_apart(now[nlen - suf - 1])))
			sp->spans[sp->nspans++] = (struct ui_spell_span){
			    m->start + nlen - wlen,
			    m->start + m->len + nlen - wlen };
	}
}

/*
 * Draw a row of the composer, bytes [off, off + len) of the text, at
 * (y, x) in at most width columns, its misspelled words underlined.
 */
void
ui_spell_draw_row(struct ui_spell *sp, int y, int x, const char *text,
    size_t off, size_t len, size_t width)
{
	char	*line = xstrndup(text + off, len);
	size_t	 limit = text_fit(line, width, NULL), pos = 0, a, b, i;

	ui_spell_map(sp, text);
	move(y, x);
	for (i = 0; i < sp->nspans && pos < limit; i++) {
		if (sp->spans[i].end <= off + pos ||
		    sp->spans[i].start >= off + limit)
			continue;
		a = sp->spans[i].start > off + pos ? sp->spans[i].start - off :
		    pos;
		b = sp->spans[i].end - off < limit ? sp->spans[i].end - off :
		    limit;
		if (a > pos)
			addnstr(line + pos, (int)(a - pos));
		attron(A_UNDERLINE);
		addnstr(line + a, (int)(b - a));
		attroff(A_UNDERLINE);
		pos = b;
	}
	if (pos < limit)
		addnstr(line + pos, (int)(limit - pos));
	free(line);
}

/* Why the reply's spelling is not checked, for the composer; or NULL. */
const char *
ui_spell_note(const struct ui_spell *sp)
{
	return sp->spell == NULL ? sp->why : NULL;
}

/*
 * Find the word at the cursor: a misspelled one the cursor is in or just
 * after, else the word there. 0 with its bytes, or -1.
 */
static int
ui_spell_word_at(struct ui_spell *sp, size_t *start, size_t *end)
{
	const char	*text = sp->ed->text != NULL ? sp->ed->text : "";
	size_t		 cur = sp->ed->cursor, i;

	ui_spell_map(sp, text);
	for (i = 0; i < sp->nspans; i++) {
		if (sp->spans[i].start <= cur && cur <= sp->spans[i].end) {
			*start = sp->spans[i].start;
			*end = sp->spans[i].end;
			return 0;
		}
	}
	if (sp->spell == NULL)
		return -1;
	return spell_word_at(sp->spell, text, cur, start, end);
}

/* Add the word at the cursor to the personal word list, and check again. */
void
ui_spell_add_word(struct ui_spell *sp)
{
	struct ui	*ui = sp->ui;
	size_t		 start, end;
	char		*word, *path, *cause = NULL;
	int		 rc;

	ui_spell_run(sp);
	if (sp->spell == NULL && sp->why != NULL) {
		ui_message(ui, 1, "%s.", sp->why);
		return;
	}
	if (ui_spell_word_at(sp, &start, &end) != 0) {
		ui_message(ui, 1, "Put the cursor on a word to add it to your "
		    "word list.");
		return;
	}
	word = xstrndup(sp->ed->text + start, end - start);
	path = spell_words_path();
	if ((rc = spell_word_add(word, &cause)) == -1)
		ui_message(ui, 1, "%s.", cause);
	else if (rc == 1)
		ui_message(ui, 0, "\"%s\" is in your word list already (%s).",
		    word, path);
	else
		ui_message(ui, 0, "\"%s\" is in your word list now (%s): it "
		    "is not marked again.", word, path);
	free(cause);
	free(path);
	free(word);
	/* The list changed: check again now. */
	free(sp->checked);
	sp->checked = NULL;
	ui_spell_run(sp);
}
