/*
 * guard-greet.c -- a reply that greets someone by a name nobody in the
 * thread has ("Hi Anna" to Maria, a saved reply's last customer): "Hi",
 * "Dear Mr", "Hallo", "Bună", "Liebe", "Bonjour", "Hola", "مرحبا" and
 * the like at the start of a line or sentence, then a capitalised word
 * or an @handle; and in Chinese "王芳，你好", "你好，王芳", "亲爱的王芳".
 *
 * A name is someone's when it is a word of the customer's display name
 * or handle or of anyone else's in the thread, the start of one ("Kate"
 * for "Katherine"), or one letter off a long one ("Muresan").
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

/* Warn of a greeting to a name at word j that nobody in it has. */
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

/* Check the name greeted after the greeting at word i, if any. */
static void
guard_greet_at(const struct guard_input *in, const struct guard_words *w,
    size_t i, struct guard_report *r)
{
	const struct guard_word	*g;
	size_t			 j = i + 1, titles = 0;

	while (j < w->n && guard_greeting_word(w->v[j].key) == 2 &&
	    titles++ < 2)
		j++;
	if (j >= w->n || !guard_comma_gap(in->text, w->v[j - 1].start +
	    w->v[j - 1].len, w->v[j].start))
		return;
	g = &w->v[j];
	if (g->digits && !g->handle)
		return;
	if (!g->handle && (g->script == GUARD_SCRIPT_LATIN ||
	    g->script == GUARD_SCRIPT_GREEK ||
	    g->script == GUARD_SCRIPT_CYRILLIC) && !g->upper)
		return;
	if (g->script == GUARD_SCRIPT_CJK || guard_greeting_not_name(g->key) ||
	    guard_greeting_word(g->key) != 0 || guard_known_name(in, g) ||
	    guard_own_name(in, g))
		return;
	guard_greet_warn(in, g->start, g->len, r);
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

/* Warn of a Han name greeted at text[start, start + len) if nobody's. */
static void
guard_zh_name(const struct guard_input *in, size_t start, size_t len,
    struct guard_report *r)
{
	char	*word;
	int	 skip;

	if (len == 0)
		return;
	word = xstrndup(in->text + start, len);
	skip = guard_greeting_word(word) != 0 ||
	    guard_greeting_not_name(word) || guard_zh_known(in, word, len);
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
		if (guard_greeting_word(w->v[i].key) != 1)
			continue;
		if (i > 0 && !guard_sentence_gap(in->text, w->v[i - 1].start +
		    w->v[i - 1].len, w->v[i].start))
			continue;
		guard_greet_at(in, w, i, r);
	}
	guard_greet_zh(in, w, r);
}
