/*
 * test-demo-data.c -- the demo inbox is consistent and as varied as it
 * claims: ids, threads and ages hang together, the languages and emoji are
 * really there, and only c-hostile carries terminal escapes.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "util.h"
#include "platform/demo-data.h"

#define HOUR	3600
#define DAY	(24 * HOUR)

/* Decode the UTF-8 sequence at *p and advance; -1 if it is malformed. */
static long
utf8_next(const char **p)
{
	const unsigned char	*s = (const unsigned char *)*p;
	long			 cp;
	int			 n, i;

	if (s[0] < 0x80) {
		(*p)++;
		return s[0];
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		n = 1;
		cp = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		n = 2;
		cp = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 3;
		cp = s[0] & 0x07;
	} else
		return -1;
	for (i = 1; i <= n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return -1;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return -1;
	*p += n + 1;
	return cp;
}

/* Return whether s holds a code point in [lo, hi] before any bad byte. */
static int
has_range(const char *s, long lo, long hi)
{
	long	cp;

	while (*s != '\0') {
		cp = utf8_next(&s);
		if (cp < 0)
			return 0;
		if (cp >= lo && cp <= hi)
			return 1;
	}
	return 0;
}

/* Find a post by id. */
static const struct demo_post *
find_post(const char *id)
{
	size_t	i;

	for (i = 0; i < demo_nposts; i++) {
		if (strcmp(demo_posts[i].id, id) == 0)
			return &demo_posts[i];
	}
	return NULL;
}

/* Find a comment by id. */
static const struct demo_comment *
find_comment(const char *id)
{
	size_t	i;

	for (i = 0; i < demo_ncomments; i++) {
		if (strcmp(demo_comments[i].id, id) == 0)
			return &demo_comments[i];
	}
	return NULL;
}

/* Find an account by name. */
static const struct demo_account *
find_account(const char *name)
{
	size_t	i;

	for (i = 0; i < demo_naccounts; i++) {
		if (strcmp(demo_accounts[i].name, name) == 0)
			return &demo_accounts[i];
	}
	return NULL;
}

/* Count the comments written in lang. */
static size_t
count_lang(const char *lang)
{
	size_t	i, n = 0;

	for (i = 0; i < demo_ncomments; i++) {
		if (strcmp(demo_comments[i].lang, lang) == 0)
			n++;
	}
	return n;
}

/* Return whether c sits somewhere below the comment with id root. */
static int
is_below(const struct demo_comment *c, const char *root)
{
	size_t	steps;

	for (steps = 0; c->parent != NULL; steps++) {
		assert_true(steps < demo_ncomments);
		if (strcmp(c->parent, root) == 0)
			return 1;
		c = find_comment(c->parent);
		assert_non_null(c);
	}
	return 0;
}

static void
test_demo_has_page_and_social_accounts(void **state)
{
	(void)state;
	assert_int_equal(demo_naccounts, 2);
	assert_string_equal(demo_accounts[0].name, "page");
	assert_string_equal(demo_accounts[0].flavour, "page");
	assert_string_equal(demo_accounts[1].name, "social");
	assert_string_equal(demo_accounts[1].flavour, "social");
	assert_string_equal(demo_accounts[0].display,
	    demo_accounts[1].display);
}

static void
test_demo_posts_are_p01_to_p15_on_known_accounts(void **state)
{
	char	id[32];
	size_t	i;

	(void)state;
	assert_int_equal(demo_nposts, 15);
	for (i = 0; i < demo_nposts; i++) {
		snprintf(id, sizeof id, "p-%02zu", i + 1);
		assert_string_equal(demo_posts[i].id, id);
		assert_non_null(find_account(demo_posts[i].account));
		assert_true(demo_posts[i].age >= HOUR);
		assert_true(demo_posts[i].age <= 13 * DAY);
		assert_true(strlen(demo_posts[i].text) > 40);
	}
}

static void
test_demo_comment_ids_are_numbered_in_order(void **state)
{
	char	id[32];
	size_t	i, n = 0;

	(void)state;
	assert_true(demo_ncomments >= 90);
	for (i = 0; i < demo_ncomments; i++) {
		if (strcmp(demo_comments[i].id, "c-hostile") == 0)
			continue;
		snprintf(id, sizeof id, "c-%03zu", ++n);
		assert_string_equal(demo_comments[i].id, id);
	}
	assert_int_equal(n + 1, demo_ncomments);
}

static void
test_demo_comments_are_younger_than_their_post(void **state)
{
	const struct demo_post	*p;
	size_t			 i;

	(void)state;
	for (i = 0; i < demo_ncomments; i++) {
		p = find_post(demo_comments[i].post);
		assert_non_null(p);
		assert_true(demo_comments[i].age > 0);
		assert_true(demo_comments[i].age < p->age);
	}
}

static void
test_demo_replies_are_younger_and_on_the_same_post(void **state)
{
	const struct demo_comment	*c, *parent;
	size_t				 i;

	(void)state;
	for (i = 0; i < demo_ncomments; i++) {
		c = &demo_comments[i];
		if (c->parent == NULL)
			continue;
		parent = find_comment(c->parent);
		assert_non_null(parent);
		assert_string_equal(parent->post, c->post);
		assert_true(parent->age > c->age);
		assert_false(is_below(c, c->id));	/* no cycles */
	}
}

static void
test_demo_own_comments_speak_as_the_shop(void **state)
{
	const struct demo_comment	*c;
	const struct demo_account	*a;
	size_t				 i, nown = 0;

	(void)state;
	for (i = 0; i < demo_ncomments; i++) {
		c = &demo_comments[i];
		a = find_account(find_post(c->post)->account);
		if (!c->own) {
			assert_string_not_equal(c->handle, a->handle);
			continue;
		}
		nown++;
		assert_string_equal(c->author, a->display);
		assert_string_equal(c->handle, a->handle);
		assert_non_null(strstr(c->text, "— Marloes"));
	}
	assert_true(nown >= 8);
}

static void
test_demo_handles_are_lowercase_ascii(void **state)
{
	const struct demo_comment	*c;
	const char			*s, *end;
	size_t				 i;

	(void)state;
	for (i = 0; i < demo_ncomments; i++) {
		c = &demo_comments[i];
		for (s = c->handle; *s != '\0'; s++)
			assert_non_null(strchr(
			    "abcdefghijklmnopqrstuvwxyz0123456789.-", *s));
		if (strcmp(find_post(c->post)->account, "social") != 0)
			continue;
		end = c->handle + strlen(c->handle) - strlen(".example");
		assert_string_equal(end, ".example");
	}
}

static void
test_demo_languages_meet_their_minima(void **state)
{
	static const struct {
		const char	*lang;
		size_t		 min;
	} cases[] = {
		{ "nl", 12 }, { "ar", 8 }, { "ro", 8 }, { "zh", 8 },
	};
	size_t	i;

	(void)state;
	for (i = 0; i < nitems(cases); i++)
		assert_true(count_lang(cases[i].lang) >= cases[i].min);
	assert_true(count_lang("en") * 2 > demo_ncomments);
	assert_int_equal(count_lang("en") + count_lang("nl") +
	    count_lang("ar") + count_lang("ro") + count_lang("zh"),
	    demo_ncomments);
}

static void
test_demo_languages_are_in_their_own_script(void **state)
{
	const struct demo_comment	*c;
	size_t				 i;

	(void)state;
	for (i = 0; i < demo_ncomments; i++) {
		c = &demo_comments[i];
		/* Romanian takes comma-below ș ț, never cedilla ş ţ. */
		assert_false(has_range(c->text, 0x15e, 0x15f));
		assert_false(has_range(c->text, 0x162, 0x163));
		if (strcmp(c->lang, "ar") == 0)
			assert_true(has_range(c->text, 0x600, 0x6ff));
		if (strcmp(c->lang, "zh") == 0)
			assert_true(has_range(c->text, 0x4e00, 0x9fff));
		if (strcmp(c->lang, "ro") == 0)
			assert_true(strstr(c->text, "ă") != NULL ||
			    strstr(c->text, "â") != NULL ||
			    strstr(c->text, "î") != NULL ||
			    strstr(c->text, "ș") != NULL ||
			    strstr(c->text, "ț") != NULL);
	}
}

static void
test_demo_text_is_clean_utf8_except_hostile(void **state)
{
	const char	*texts[256], *s;
	size_t		 i, n = 0;
	long		 cp;

	(void)state;
	assert_true(demo_nposts + 2 * demo_ncomments <= nitems(texts));
	for (i = 0; i < demo_nposts; i++)
		texts[n++] = demo_posts[i].text;
	for (i = 0; i < demo_ncomments; i++) {
		texts[n++] = demo_comments[i].author;
		if (strcmp(demo_comments[i].id, "c-hostile") != 0)
			texts[n++] = demo_comments[i].text;
	}
	for (i = 0; i < n; i++) {
		for (s = texts[i]; *s != '\0';) {
			cp = utf8_next(&s);
			assert_true(cp >= 0);
			assert_true(cp >= 0x20 || cp == '\n');
			assert_false(cp >= 0x7f && cp <= 0x9f);
			assert_false(cp >= 0x202a && cp <= 0x202e);
		}
	}
}

static void
test_demo_hostile_comment_attacks_the_terminal(void **state)
{
	static const char *needles[] = {
		"\x1b]0;HACKED\x07", "\x1b[2J", "\x1b[H", "\x1b[31m",
		"\xe2\x80\xae", "\x9b",
		"Congratulations! You won a free iPhone, claim at "
		"http://free-prize.example/claim",
	};
	const struct demo_comment	*c;
	size_t				 i;

	(void)state;
	c = find_comment("c-hostile");
	assert_non_null(c);
	assert_string_equal(c->author, "Prize Center");
	assert_false(c->own);
	for (i = 0; i < nitems(needles); i++)
		assert_non_null(strstr(c->text, needles[i]));
	for (i = 0; i < demo_ncomments; i++) {
		if (&demo_comments[i] != c)
			assert_null(strchr(demo_comments[i].text, 0x1b));
	}
}

static void
test_demo_has_a_heated_thread(void **state)
{
	const struct demo_comment	*root, *c;
	size_t				 i, j, below, found = 0;
	int64_t				 own_age;

	(void)state;
	for (i = 0; i < demo_ncomments; i++) {
		root = &demo_comments[i];
		if (root->parent != NULL || root->own)
			continue;
		below = 0;
		own_age = 0;
		for (j = 0; j < demo_ncomments; j++) {
			c = &demo_comments[j];
			if (!is_below(c, root->id))
				continue;
			below++;
			if (c->own && own_age == 0)
				own_age = c->age;
		}
		if (below < 8 || own_age == 0)
			continue;
		/* The angry customer answers again after the shop did. */
		for (j = 0; j < demo_ncomments; j++) {
			c = &demo_comments[j];
			if (is_below(c, root->id) && c->age < own_age &&
			    strcmp(c->handle, root->handle) == 0)
				found++;
		}
	}
	assert_true(found >= 1);
}

static void
test_demo_ages_skew_recent(void **state)
{
	size_t	i, day = 0, overdue = 0, old = 0;
	int64_t	age;

	(void)state;
	for (i = 0; i < demo_ncomments; i++) {
		age = demo_comments[i].age;
		assert_true(age >= 60);
		assert_true(age <= 12 * DAY);
		if (age < DAY)
			day++;
		if (age > 4 * HOUR && age < DAY)
			overdue++;
		if (age > 2 * DAY)
			old++;
	}
	assert_true(day * 3 >= demo_ncomments);
	assert_true(overdue >= 5);
	assert_true(old >= 3);
}

static void
test_demo_emoji_are_varied(void **state)
{
	static const char *needles[] = {
		"\xe2\x9d\xa4\xef\xb8\x8f",	/* ❤️ with VS16 */
		"\xe2\x80\x8d",			/* a ZWJ sequence */
		"\xf0\x9f\x87\xb3\xf0\x9f\x87\xb1",	/* 🇳🇱 */
		"\xf0\x9f\x87\xb7\xf0\x9f\x87\xb4",	/* 🇷🇴 */
	};
	size_t	i, j, found, tones = 0;

	(void)state;
	for (i = 0; i < nitems(needles); i++) {
		found = 0;
		for (j = 0; j < demo_ncomments; j++)
			found += strstr(demo_comments[j].text,
			    needles[i]) != NULL;
		assert_true(found >= 1);
	}
	for (j = 0; j < demo_ncomments; j++)
		tones += has_range(demo_comments[j].text, 0x1f3fb, 0x1f3ff);
	assert_true(tones >= 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_demo_has_page_and_social_accounts),
		cmocka_unit_test(
		    test_demo_posts_are_p01_to_p15_on_known_accounts),
		cmocka_unit_test(test_demo_comment_ids_are_numbered_in_order),
		cmocka_unit_test(
		    test_demo_comments_are_younger_than_their_post),
		cmocka_unit_test(
		    test_demo_replies_are_younger_and_on_the_same_post),
		cmocka_unit_test(test_demo_own_comments_speak_as_the_shop),
		cmocka_unit_test(test_demo_handles_are_lowercase_ascii),
		cmocka_unit_test(test_demo_languages_meet_their_minima),
		cmocka_unit_test(test_demo_languages_are_in_their_own_script),
		cmocka_unit_test(test_demo_text_is_clean_utf8_except_hostile),
		cmocka_unit_test(
		    test_demo_hostile_comment_attacks_the_terminal),
		cmocka_unit_test(test_demo_has_a_heated_thread),
		cmocka_unit_test(test_demo_ages_skew_recent),
		cmocka_unit_test(test_demo_emoji_are_varied),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
