/*
 * fuzz-guard.c -- the guard (guard.h) on any reply. The input is the
 * value of protect, the shop's name and the customer's name, a line each,
 * then the reply. Every finding must lie inside the reply, start and end
 * on a character of valid UTF-8 input, carry a message, and come in
 * order of weight; guard_fill and the language guesser must take the
 * same text; a protect refused must say why in one line.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "guard.h"
#include "text.h"
#include "util.h"

/* Check the findings of one reply. */
static void
fuzz_guard_report(const char *text, const struct guard_report *r)
{
	size_t	len = strlen(text), i;
	int	valid = text_valid_utf8(text, len);

	for (i = 0; i < r->n; i++) {
		const struct guard_finding *f = &r->v[i];

		if (f->start > len || f->len > len - f->start)
			fuzz_fail("finding %zu at %zu+%zu outside %zu bytes", i,
			    f->start, f->len, len);
		if (valid && f->len > 0 && (!text_valid_utf8(text + f->start,
		    f->len)))
			fuzz_fail("finding %zu cuts a character", i);
		if (f->message == NULL || *f->message == '\0')
			fuzz_fail("finding %zu says nothing", i);
		if (f->kind < 0 || f->kind >= GUARD_KIND_COUNT)
			fuzz_fail("finding %zu of kind %d", i, f->kind);
		if (i > 0 && f->severity == GUARD_BLOCK &&
		    r->v[i - 1].severity != GUARD_BLOCK)
			fuzz_fail("a block after a warning");
	}
}

/* One input: protect, shop, customer, then the reply. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const recent[] = { "a b c d", "a b c d",
	    "a b c d", "a b c d" };
	struct guard_input	 in;
	struct guard_report	 r;
	char			*copy, *p, *prot, *shop, *who, **words = NULL;
	char			*cause = NULL, *filled;
	const char		*lang;
	size_t			 n = 0;

	copy = xmalloc(size + 1);
	memcpy(copy, data, size);
	copy[size] = '\0';
	p = copy;
	prot = fuzz_next_line(&p);
	shop = fuzz_next_line(&p);
	who = fuzz_next_line(&p);
	memset(&in, 0, sizeof in);
	in.text = p != NULL ? p : "";
	if (guard_protect_parse(prot, &words, &n, &cause) != 0) {
		if (cause == NULL || strchr(cause, '\n') != NULL)
			fuzz_fail("protect refused without a one-line reason");
		free(cause);
	}
	in.protect = (const char *const *)words;
	in.nprotect = n;
	in.shop_name = shop;
	in.customer_name = who;
	in.customer_handle = who;
	in.thread_names = (const char *const *)&shop;
	in.nthread_names = shop != NULL;
	in.customer_lang = "en";
	in.recent = recent;
	in.nrecent = nitems(recent);
	guard_check(&in, &r);
	fuzz_guard_report(in.text, &r);
	guard_free(&r);
	filled = guard_fill(in.text, who, shop);
	free(filled);
	lang = guard_lang_guess(in.text);
	if (lang != NULL && strlen(lang) != 2)
		fuzz_fail("a language of %zu letters", strlen(lang));
	guard_protect_free(words, n);
	free(copy);
	return 0;
}
