/*
 * test-store-tok.c -- the search index's tokenizer: its shortcut for known
 * characters gives exactly the tokens of unicode61 on the whole text
 * ("heed whole"), for every character and for texts of every kind, and
 * the tokens are what a search needs.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "text.h"
#include "util.h"

struct fx {
	struct store_tokenizer	*fast;
	struct store_tokenizer	*whole;
};

static int
fx_setup(void **state)
{
	struct fx	*fx = xcalloc(1, sizeof *fx);
	char		*cause = NULL;

	if ((fx->fast = store_tokenizer_open(0, &cause)) == NULL ||
	    (fx->whole = store_tokenizer_open(1, &cause)) == NULL)
		fail_msg("%s", cause);
	*state = fx;
	return 0;
}

static int
fx_teardown(void **state)
{
	struct fx	*fx = *state;

	store_tokenizer_close(fx->fast);
	store_tokenizer_close(fx->whole);
	free(fx);
	return 0;
}

/* Append one token to a buffer, each followed by a '|'. */
static int
add_token(void *arg, const char *tok, size_t n)
{
	struct buf	*b = arg;

	buf_add(b, tok, n);
	buf_addch(b, '|');
	return 0;
}

/* The tokens of text, as "a|b|c|"; a new string. */
static char *
tokens(struct store_tokenizer *t, const char *text, size_t n, int query)
{
	struct buf	b;

	buf_init(&b, 0);
	if (store_tokenizer_run(t, text, n, query, add_token, &b) != 0)
		fail_msg("the tokenizer failed");
	return buf_steal(&b);
}

/* Show bytes as C would write them, for a failure message. */
static char *
escaped(const char *s, size_t n)
{
	struct buf	b;
	size_t		i;

	buf_init(&b, 0);
	for (i = 0; i < n; i++) {
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] >= 0x7f)
			buf_printf(&b, "\\x%02x", (unsigned char)s[i]);
		else
			buf_addch(&b, s[i]);
	}
	return buf_steal(&b);
}

/*
 * Tell whether the shortcut gives the tokens unicode61 gives for text, as
 * a document and as a query; say where not.
 */
static int
same(struct fx *fx, const char *text, size_t n)
{
	char	*a, *b, *e;
	int	 query, ok = 1;

	for (query = 0; query < 2 && ok; query++) {
		a = tokens(fx->fast, text, n, query);
		b = tokens(fx->whole, text, n, query);
		if (strcmp(a, b) != 0) {
			e = escaped(text, n);
			print_error("\"%s\"%s: shortcut %s, unicode61 %s\n",
			    e, query ? " (query)" : "", a, b);
			free(e);
			ok = 0;
		}
		free(a);
		free(b);
	}
	return ok;
}

/*
 * Every character of the first three planes, between ASCII letters and
 * between Chinese ones, is read as unicode61 reads it: the shortcut's
 * tables of known characters hold no character that unicode61 folds or
 * splits otherwise.
 */
static void
test_every_character_as_unicode61(void **state)
{
	static const char *const around[][2] = {
		{ "Ab", "Cd" }, { "\xe4\xb8\xad", "\xe6\x96\x87" }
	};
	struct fx	*fx = *state;
	char		 text[32];
	size_t		 n, k, bad = 0;
	uint32_t	 c;

	for (c = 0x80; c < 0x30000 && bad < 10; c++) {
		if (c >= 0xd800 && c <= 0xdfff)
			continue;
		for (k = 0; k < nitems(around); k++) {
			n = strlen(around[k][0]);
			memcpy(text, around[k][0], n);
			n += text_encode(c, text + n);
			memcpy(text + n, around[k][1], strlen(around[k][1]));
			n += strlen(around[k][1]);
			bad += !same(fx, text, n);
		}
	}
	assert_int_equal(bad, 0);
}

/* Comments as people write them give unicode61's tokens. */
static void
test_texts_as_unicode61(void **state)
{
	static const char *const texts[] = {
		"Hello! Is the Earl Grey still in stock? Thanks :)",
		"Hoi, is de bestelling #4512 al verzonden? Groetjes, Anouk",
		"Bună ziua! Când vine comanda mea? Mulțumesc frumos.",
		"Grüße aus Köln – die Tasse kam zerbrochen an…",
		"Ça arrive quand? Très déçu 😡😡",
		"مرحبا، هل الطلب جاهز؟ شكراً جزيلاً 🙏🏽",
		"مُحَمَّد يسأل: متى يصل الطلب؟",
		"这个茶壶很漂亮！请问还有货吗？谢谢😍",
		"お茶はまだありますか？ありがとうございます。",
		"주문한 차가 아직 안 왔어요. 확인 부탁드립니다!",
		"שלום, מתי ההזמנה תגיע?",
		"ОЧЕНЬ вкусный чай, спасибо!",
		"Fam: 👨‍👩‍👧 ❤️ ☕ 🇳🇱 #teatime @tulip_and_tea",
		"“Curly quotes” and ‘single’ ones — plus ellipsis…",
		"ＦＵＬＬＷＩＤＴＨ１２３ letters, ｈａｌｆ",
		"ﬁne ligature, ß, İstanbul, ǅ, Ⅻ, ½, ²",
		"mixed茶壶abc and abc茶壶 and 茶é and e\xcc\x81",
		"tab\there\nnew line\r\nand\x01control",
		"a_b-c.d/e:f'g\"h",
		"",
		"   ",
		"x",
		"\xe4\xb8",			/* a character cut short */
		"ab\xe4\xb8" "cd",
		"\x80\x80 stray \xbf",
		"\xc0\xaf overlong \xe0\x80\xaf",
		"\xf0\x88\x80\x80",		/* U+8000 in four bytes */
		"ab\xe0\x83\x80\xf0\x80\xa0\x8c cd",	/* overlong letters */
		"\xed\xa0\x80 surrogate",
		"\xf4\x90\x80\x80 past U+10FFFF",
		"\xf8\x88\x80\x80\x80 five bytes",
		"\xe3\x80\x82\x80 a stop and a stray byte",
		"\xff\xfe\xfd",
	};
	struct fx	*fx = *state;
	size_t		 i, bad = 0;

	for (i = 0; i < nitems(texts); i++)
		bad += !same(fx, texts[i], strlen(texts[i]));
	assert_int_equal(bad, 0);
}

/* A word longer than the shortcut folds, and a text with NULs in it. */
static void
test_long_words_and_nuls(void **state)
{
	struct fx	*fx = *state;
	char		 text[1200];
	size_t		 i;

	for (i = 0; i < sizeof text; i++)
		text[i] = (char)('A' + i % 26);
	assert_true(same(fx, text, sizeof text));
	for (i = 0; i + 3 <= sizeof text; i += 3)
		memcpy(text + i, "\xe8\x8c\xb6", 3);		/* 茶 */
	assert_true(same(fx, text, sizeof text - sizeof text % 3));
	assert_true(same(fx, "ab\0cd\0\xe8\x8c\xb6", 9));
	/* Words about as long as the longest the shortcut folds itself. */
	for (i = 120; i <= 136; i++) {
		memset(text, 'Q', i);
		memcpy(text + i, "\\Qu061 茶壶", 13);
		memset(text + i + 13, 'q', 130);
		assert_true(same(fx, text, i + 143));
		assert_true(same(fx, text + 1, i + 142));
	}
}

/* Give the next number of a small fixed sequence (xorshift). */
static uint32_t
next(uint32_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 17;
	*x ^= *x << 5;
	return *x;
}

/* Texts made at random of pieces of every kind give unicode61's tokens. */
static void
test_random_texts_as_unicode61(void **state)
{
	static const char *const parts[] = {
		"a", "Z", "7", "Tea", "ß", "É", "é", "e\xcc\x81", "ﬁ", "Ｆ",
		" ", ",", ".", "_", "'", "-", "\t", "\n", "\xc2\xa0", "…",
		"茶", "壶", "。", "，", "！", "お", "カ", "ー", "한", "글",
		"م", "ر", "ح", "\xd9\x8b", "،", "؟", "ש", "ก", "ไ",
		"😀", "🙏", "🏽", "\xe2\x80\x8d", "\xef\xb8\x8f", "❤",
		"\x80", "\xe4\xb8", "\xc0\xaf", "\xff", "\xf0\x9f",
	};
	struct fx	*fx = *state;
	struct buf	 b;
	uint32_t	 x = 2463534242u;
	size_t		 round, k, len, bad = 0;

	for (round = 0; round < 20000 && bad < 10; round++) {
		buf_init(&b, 0);
		len = next(&x) % 24;
		for (k = 0; k < len; k++)
			buf_addstr(&b, parts[next(&x) % nitems(parts)]);
		bad += !same(fx, b.data != NULL ? b.data : "", b.len);
		buf_free(&b);
	}
	assert_int_equal(bad, 0);
}

/* What the index keeps: words folded, unspaced scripts cut in two. */
static void
test_tokens_a_search_needs(void **state)
{
	static const struct {
		const char	*text;
		int		 query;
		const char	*want;
	} cases[] = {
		{ "Café au LAIT, s'il-vous-plaît!", 0,
		    "cafe|au|lait|s|il|vous|plait|" },
		{ "这个茶壶", 0, "这|个|这个|茶|个茶|壶|茶壶|" },
		{ "这个茶壶", 1, "这个|个茶|茶壶|" },
		{ "茶", 1, "茶|" },
		{ "Order #4512 (2x)", 0, "order|4512|2x|" },
		{ "مرحبا، شكراً", 0, "مرحبا|شكرا|" },
		{ "abc茶壶", 0, "abc|茶|壶|茶壶|" },
		{ "茶壶茶壶，茶", 0, "茶|壶|茶壶|壶茶|" },
		{ "茶壶茶壶", 1, "茶壶|壶茶|茶壶|" },
		{ "ＴＥＡ", 0, "ｔｅａ|" },
	};
	struct fx	*fx = *state;
	size_t		 i;
	char		*got;

	for (i = 0; i < nitems(cases); i++) {
		got = tokens(fx->fast, cases[i].text, strlen(cases[i].text),
		    cases[i].query);
		if (strcmp(got, cases[i].want) != 0)
			fail_msg("\"%s\": %s, want %s", cases[i].text, got,
			    cases[i].want);
		free(got);
	}
}

/* Tell whether the token of n bytes is one of the '|'-ended list's. */
static int
listed(const char *list, const char *tok, size_t n)
{
	const char	*p, *bar;

	for (p = list; (bar = strchr(p, '|')) != NULL; p = bar + 1) {
		if ((size_t)(bar - p) == n && memcmp(p, tok, n) == 0)
			return 1;
	}
	return 0;
}

/*
 * The characters and pairs of a run of n Chinese characters (three bytes
 * each), as a document gives them: each once, in the order they first
 * come. A new string.
 */
static char *
run_tokens(const char *text, size_t n)
{
	struct buf	 b;
	size_t		 i;
	const char	*c;

	buf_init(&b, 0);
	buf_addstr(&b, "");
	for (i = 0; i < n; i++) {
		c = text + 3 * i;
		if (!listed(b.data, c, 3)) {
			buf_add(&b, c, 3);
			buf_addch(&b, '|');
		}
		if (i > 0 && !listed(b.data, c - 3, 6)) {
			buf_add(&b, c - 3, 6);
			buf_addch(&b, '|');
		}
	}
	return buf_steal(&b);
}

/*
 * A document gives each character and pair of its unspaced runs once,
 * however often it repeats them, and the next document gives them
 * again; one with more of them than are remembered still gives every one.
 */
static void
test_document_tokens_once(void **state)
{
	static const size_t	 kinds[] = { 2, 7, 40, 3000 };
	struct fx		*fx = *state;
	char			 text[3 * 2000], *got, *want, *p, *bar;
	uint32_t		 x = 88172645u, c;
	size_t			 k, round, n, i;

	for (k = 0; k < nitems(kinds); k++) {
		for (round = 0; round < 20; round++) {
			n = 1 + next(&x) % 2000;
			for (i = 0; i < n; i++) {
				c = 0x4e00 + next(&x) % (uint32_t)kinds[k];
				text[3 * i] = (char)(0xe0 | c >> 12);
				text[3 * i + 1] = (char)(0x80 | (c >> 6 & 0x3f));
				text[3 * i + 2] = (char)(0x80 | (c & 0x3f));
			}
			got = tokens(fx->fast, text, 3 * n, 0);
			want = run_tokens(text, n);
			if (kinds[k] < 40)	/* all remembered: exact */
				assert_string_equal(got, want);
			for (p = want; (bar = strchr(p, '|')) != NULL;
			    p = bar + 1)
				assert_true(listed(got, p, (size_t)(bar - p)));
			for (p = got; (bar = strchr(p, '|')) != NULL;
			    p = bar + 1)
				assert_true(listed(want, p, (size_t)(bar - p)));
			free(got);
			free(want);
		}
	}
	got = tokens(fx->fast, "茶", 3, 0);
	assert_string_equal(got, "茶|");
	free(got);
	got = tokens(fx->fast, "茶", 3, 0);	/* another document */
	assert_string_equal(got, "茶|");
	free(got);
}

#define T(f) cmocka_unit_test_setup_teardown(f, fx_setup, fx_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_every_character_as_unicode61),
		T(test_texts_as_unicode61),
		T(test_long_words_and_nuls),
		T(test_random_texts_as_unicode61),
		T(test_tokens_a_search_needs),
		T(test_document_tokens_once),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
