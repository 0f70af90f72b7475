/*
 * guard-greet.c -- a reply that greets someone by a name nobody in the
 * thread has ("Hi Anna" to Maria, a saved reply's last customer): "Hi",
 * "Dear Mr", "Hallo", "Bună ziua", "Liebe", "Bonjour", "Buenos días",
 * "مرحبا" and the like at the start of a line or sentence, then a
 * capitalised word or an @handle; and in Chinese "王芳，你好", "你好，王芳",
 * "亲爱的王芳".
 *
 * A name is someone's when it is a word of the customer's display name
 * or handle or of anyone else's in the thread, folded (no case, no
 * accents), or a short form of one ("Sam" for Samantha; guard-name.c).
 * What follows a greeting and is no name is let be: the words of
 * guard-greet-list.c ("Hi team", "Merci beaucoup"), a sign-off ("Liebe
 * Grüße"), the shop's own names and protected words, and a word the
 * caller's dictionary knows, unless it is a given name too or close to
 * a name in the thread.
 *
 * In scripts without capitals a word is taken for a name only where it
 * clearly is one: in Arabic, alone between the greeting and a comma or
 * stop ("مرحبا سارة،"); in Chinese, in the shape of a name ("王芳",
 * "李女士"). A name is compared only with names written in its script:
 * "周女士" cannot be told from "Zhou Min", so it is not flagged.
 */
#include <stdlib.h>
#include <string.h>

#include "guard-private.h"
#include "text.h"
#include "util.h"

/* Whether a word is the shop's or one of its protected words. */
static int
guard_own_name(const struct guard_input *in, const struct guard_word *g)
{
	size_t	i;

	if (guard_name_has(in->shop_name, g))
		return 1;
	for (i = 0; i < in->nprotect; i++) {
		if (guard_name_has(in->protect[i], g))
			return 1;
	}
	return 0;
}

/* Whether text[from, to) ends a sentence or a line. */
static int
guard_sentence_gap(const char *text, size_t from, size_t to)
{
	uint32_t	c;

	while (from < to) {
		from += text_decode(text + from, to - from, &c);
		if (c == '\n' || c == '.' || c == '!' || c == '?' ||
		    c == 0x3002 || c == 0xff01 || c == 0xff1f)
			return 1;
	}
	return 0;
}

/* Whether text[from, to) holds only spaces, commas and colons. */
static int
guard_comma_gap(const char *text, size_t from, size_t to)
{
	uint32_t	c;

	while (from < to) {
		from += text_decode(text + from, to - from, &c);
		if (c != ' ' && c != ',' && c != '\t' && c != 0xa0 &&
		    c != ':' && c != 0xff0c && c != 0x3001 && c != 0xff1a &&
		    c != 0x60c)
			return 0;
	}
	return 1;
}

/* Warn of a greeting to the name at text[start, start + len), nobody's. */
static void
guard_greet_warn(const struct guard_input *in, size_t start, size_t len,
    struct guard_report *r)
{
	char	*msg;

	msg = xprintf("the reply greets \"%.*s\", but %s%s%s is not called "
	    "that, nor is anyone else in the thread", (int)len,
	    in->text + start, in->customer_name != NULL ? "the customer, " :
	    "the customer", in->customer_name != NULL ? in->customer_name :
	    "", in->customer_name != NULL ? "," : "");
	guard_add(r, GUARD_GREETING, GUARD_WARN, start, len, msg,
	    in->customer_name);
	free(msg);
}

/* Whether text[from, to) holds only spaces. */
static int
guard_space_gap(const char *text, size_t from, size_t to)
{
	uint32_t	c;

	while (from < to) {
		from += text_decode(text + from, to - from, &c);
		if (c != ' ' && c != '\t' && c != 0xa0)
			return 0;
	}
	return 1;
}

/*
 * Whether word j, of a script without capitals, stands where a name
 * would: right after the greeting or title, with no comma between
 * ("مرحبا، نعم" greets, then a sentence begins); alone before a comma, a
 * stop or the end ("شكراً جزيلاً على" goes on as a sentence); and not a
 * preposition with what it governs ("لك", "بكم", "لطلبك") nor a noun
 * with the article ("العميلة").
 */
static int
guard_greet_caseless(const char *text, const struct guard_words *w,
    size_t j)
{
	const struct guard_word	*g = &w->v[j];

	if (!guard_space_gap(text, w->v[j - 1].start + w->v[j - 1].len,
	    g->start))
		return 0;
	if (j + 1 < w->n && guard_space_gap(text, g->start + g->len,
	    w->v[j + 1].start))
		return 0;
	if (g->script == GUARD_SCRIPT_ARABIC && g->n > 1 &&
	    (g->cp[0] == 0x644 || g->cp[0] == 0x628 || (g->cp[0] == 0x627 &&
	    g->cp[1] == 0x644)))
		return 0;
	return 1;
}

/* Whether word j, after a greeting, has the shape of a name. */
static int
guard_greet_shape(const char *text, const struct guard_words *w, size_t j)
{
	const struct guard_word	*g = &w->v[j];

	if (g->handle)
		return 1;
	if (g->digits)
		return 0;
	switch (g->script) {
	case GUARD_SCRIPT_LATIN:
	case GUARD_SCRIPT_GREEK:
	case GUARD_SCRIPT_CYRILLIC:
		return g->upper;
	case GUARD_SCRIPT_CJK:
		return 0;	/* guard_greet_zh */
	}
	return guard_greet_caseless(text, w, j);
}

/*
 * Whether a word greeted may be: no name at all, the shop's, someone's in
 * the thread, a name in a script nobody's is written in, or an ordinary
 * word the caller's dictionary knows ("Hoi Buurvrouw"), asked in lower
 * case, unless it is a given name too ("Rose", "Mark") or close to the
 * name of someone in the thread: dictionaries hold names that are words
 * as well ("karen" is Dutch for carts), and "Hoi Karen" to Karin is the
 * slip to catch.
 */
static int
guard_greet_fits(const struct guard_input *in, const struct guard_word *g)
{
	if (guard_greeting_not_name(g->key) || guard_greet_no_name(g->key) ||
	    guard_greeting_word(g->key) != 0)
		return 1;
	if (guard_own_name(in, g) || guard_known_name(in, g))
		return 1;
	if (g->handle)
		return 0;
	if (!guard_names_script(in, g->script))
		return 1;
	return in->known_word != NULL && !guard_greet_given(g->key) &&
	    !guard_near_name(in, g) &&
	    in->known_word(in->known_arg, g->key, strlen(g->key)) == 1;
}

/*
 * Check the name greeted after the greeting at word i, if any: past up
 * to two titles ("Dear Mr") and two words the greeting goes on with
 * ("Bună ziua", "Merci beaucoup"), with only spaces and commas between;
 * a sign-off ("Liebe Grüße") greets nobody.
 */
static void
guard_greet_at(const struct guard_input *in, const struct guard_words *w,
    size_t i, struct guard_report *r)
{
	const struct guard_word	*g;
	size_t			 j, titles = 0, on = 0;

	for (j = i + 1; j < w->n; j++) {
		g = &w->v[j];
		if (!guard_comma_gap(in->text, w->v[j - 1].start +
		    w->v[j - 1].len, g->start) || guard_greet_signoff(g->key))
			return;
		if (guard_greeting_word(g->key) == 2 && titles < 2)
			titles++;
		else if (guard_greet_goes_on(g->key) && on < 2)
			on++;
		else
			break;
	}
	if (j >= w->n || !guard_greet_shape(in->text, w, j) ||
	    guard_greet_fits(in, &w->v[j]))
		return;
	guard_greet_warn(in, w->v[j].start, w->v[j].len, r);
}

/* Whether bytes of Han characters are in someone's name, or hold one. */
static int
guard_zh_known(const struct guard_input *in, const char *s, size_t len)
{
	const char	*names[3] = { in->customer_name, in->customer_handle,
	    NULL };
	char		*name = xstrndup(s, len);
	size_t		 i;
	int		 found = 0;

	for (i = 0; i < 2 + in->nthread_names && !found; i++) {
		const char *n = i < 2 ? names[i] : in->thread_names[i - 2];

		if (n != NULL && *n != '\0')
			found = strstr(n, name) != NULL || strstr(name, n) !=
			    NULL;
	}
	free(name);
	return found;
}

/*
 * Warn of a Han name greeted at text[start, start + len) if it is clearly
 * a name (guard_greet_zh_name) and nobody's; when nobody in the thread
 * has a name in Han characters, it cannot be told ("周女士" to Zhou Min).
 */
static void
guard_zh_name(const struct guard_input *in, size_t start, size_t len,
    struct guard_report *r)
{
	char	*word;
	size_t	 off, n;
	int	 skip;

	if (len == 0 || !guard_names_script(in, GUARD_SCRIPT_CJK) ||
	    !guard_greet_zh_name(in->text + start, len, &off, &n))
		return;
	word = xstrndup(in->text + start + off, n);
	skip = guard_greeting_word(word) != 0 ||
	    guard_greeting_not_name(word) || guard_zh_known(in, word, n);
	free(word);
	if (!skip)
		guard_greet_warn(in, start, len, r);
}

/*
 * A Chinese greeting in word i (a run of Han characters): "亲爱的王芳",
 * "王芳你好", or the greeting alone with the name as the word just
 * before it or after it ("王芳，你好！", "你好，王芳！").
 */
static void
guard_greet_zh_word(const struct guard_input *in, const struct guard_words *w,
    size_t i, const char *greet, struct guard_report *r)
{
	const struct guard_word	*g = &w->v[i], *o;
	const char		*t = in->text;
	size_t			 gl = strlen(greet);

	if (g->len > gl && strncmp(t + g->start, greet, gl) == 0) {
		if (g->letters <= 4 + 3)
			guard_zh_name(in, g->start + gl, g->len - gl, r);
	} else if (g->len > gl && strncmp(t + g->start + g->len - gl, greet,
	    gl) == 0) {
		if (g->letters <= 4 + 2 && (i == 0 || guard_sentence_gap(t,
		    w->v[i - 1].start + w->v[i - 1].len, g->start)))
			guard_zh_name(in, g->start, g->len - gl, r);
	} else if (g->len == gl && strncmp(t + g->start, greet, gl) == 0) {
		if (i + 1 < w->n && (o = &w->v[i + 1])->script ==
		    GUARD_SCRIPT_CJK && o->letters <= 4 &&
		    guard_comma_gap(t, g->start + g->len, o->start) &&
		    (i + 2 == w->n || guard_sentence_gap(t, o->start + o->len,
		    w->v[i + 2].start)))
			guard_zh_name(in, o->start, o->len, r);
		else if (i > 0 && (o = &w->v[i - 1])->script ==
		    GUARD_SCRIPT_CJK && o->letters <= 4 &&
		    guard_comma_gap(t, o->start + o->len, g->start) &&
		    (i == 1 || guard_sentence_gap(t, w->v[i - 2].start +
		    w->v[i - 2].len, o->start)))
			guard_zh_name(in, o->start, o->len, r);
	}
}

/* The Chinese greetings of a reply (its Han words are whole runs). */
static void
guard_greet_zh(const struct guard_input *in, const struct guard_words *w,
    struct guard_report *r)
{
	static const char *const greet[] = { "你好", "您好", "亲爱的" };
	size_t			 i, g;

	for (i = 0; i < w->n; i++) {
		if (w->v[i].script != GUARD_SCRIPT_CJK)
			continue;
		for (g = 0; g < nitems(greet); g++) {
			if (strstr(w->v[i].key, greet[g]) != NULL) {
				guard_greet_zh_word(in, w, i, greet[g], r);
				break;
			}
		}
	}
}

/* Check the greetings of a reply against the names of its thread. */
void
guard_check_greeting(const struct guard_input *in,
    const struct guard_words *w, struct guard_report *r)
{
	size_t	i;

	if (in->customer_name == NULL && in->customer_handle == NULL)
		return;
	for (i = 0; i < w->n; i++) {
		if (guard_greeting_word(w->v[i].key) != 1 &&
		    (!guard_greet_opens(w->v[i].key) || i + 1 == w->n ||
		    !guard_greet_goes_on(w->v[i + 1].key)))
			continue;
		if (i > 0 && !guard_sentence_gap(in->text, w->v[i - 1].start +
		    w->v[i - 1].len, w->v[i].start))
			continue;
		guard_greet_at(in, w, i, r);
	}
	guard_greet_zh(in, w, r);
}
