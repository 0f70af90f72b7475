/*
 * test-spell.c -- spelling with the real enchant and the real hunspell
 * dictionaries that make deps installs: the misspelled words of replies
 * in six languages, found as spans; the words let be (handles, links,
 * tags, codes, protected and personal words); the personal word list;
 * a language without a dictionary; and the choice of the language.
 *
 * A dictionary that is missing fails the test, saying make deps installs
 * it: a check that passes because nothing was checked would prove nothing.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/resource.h>
#include <sys/stat.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "spell.h"
#include "util.h"

#include "lib/tmpdir.h"

/* The Debian package of each language's dictionary, for the message. */
static const struct {
	const char	*lang;
	const char	*package;
} dicts[] = {
	{ "en", "hunspell-en-us" }, { "nl", "hunspell-nl" },
	{ "ro", "hunspell-ro" }, { "de", "hunspell-de-de" },
	{ "fr", "hunspell-fr" }, { "es", "hunspell-es" },
};

/* Read a small file whole into a new string. */
static char *
read_all(const char *path)
{
	char	*text = xcalloc(1, 4096);
	FILE	*f;

	if ((f = fopen(path, "r")) == NULL)
		fail_msg("cannot open %s", path);
	fread(text, 1, 4095, f);
	fclose(f);
	return text;
}

/* Open a checker, or fail saying what is missing and how to get it. */
static struct spell *
open_lang(const char *lang)
{
	struct spell	*s;
	char		*cause = NULL;
	const char	*pkg = "its hunspell package";
	size_t		 i;

	for (i = 0; i < sizeof dicts / sizeof dicts[0]; i++) {
		if (strncmp(dicts[i].lang, lang, 2) == 0)
			pkg = dicts[i].package;
	}
	if (spell_open(lang, &s, &cause) != SPELL_OK)
		fail_msg("no checker for %s (%s): make deps installs %s and "
		    "libenchant-2-2", lang, cause, pkg);
	return s;
}

/* Join the words of the misses with "|" into out. */
static void
misses_words(const char *text, const struct spell_misses *m, char *out,
    size_t len)
{
	size_t	i, used = 0;

	out[0] = '\0';
	for (i = 0; i < m->n; i++)
		used += (size_t)snprintf(out + used, len - used, "%s%.*s",
		    i == 0 ? "" : "|", (int)m->v[i].len,
		    text + m->v[i].start);
}

/* Check a text and compare the misses, as "a|b", with want. */
static void
expect(struct spell *s, const char *text, const char *const *protect,
    const char *want)
{
	struct spell_misses	m = { NULL, 0 };
	char			got[512];

	spell_check(s, text, protect, 0, &m);
	misses_words(text, &m, got, sizeof got);
	if (strcmp(got, want) != 0)
		fail_msg("%s: \"%s\": misspelled \"%s\", want \"%s\"",
		    spell_dict_tag(s), text, got, want);
	spell_misses_clear(&m);
}

/* The replies: a misspelled one and a correct one in each language. */
static const struct {
	const char	*lang;
	const char	*text;
	const char	*missed;
} cases[] = {
	{ "en", "Thanks for your patience, we recieve the new stock on "
	    "Friday.", "recieve" },
	{ "en", "Thank you so much! Don't worry, your order ships tomorrow "
	    "and it’s well-known tea.", "" },
	{ "nl", "Bedankt voor je berict, we sturen het pakket morgen.",
	    "berict" },
	{ "nl", "Bedankt voor je bericht, we sturen het pakket morgen op. "
	    "Zo'n mooie foto!", "" },
	{ "ro", "Mulțumim pentru mesaj, comnada pleacă mâine.", "comnada" },
	{ "ro", "Mulțumim pentru mesaj, comanda pleacă mâine dimineață.",
	    "" },
	{ "de", "Vielen Dank für Ihre Nachriht, das Paket kommt morgen.",
	    "Nachriht" },
	{ "de", "Vielen Dank für Ihre Nachricht, das Paket kommt morgen. "
	    "Liebe Grüße!", "" },
	{ "fr", "Merci pour votre mesage, la commande part demain.",
	    "mesage" },
	{ "fr", "Merci pour votre message, l'été arrive et la commande part "
	    "demain. C’est parti !", "" },
	{ "es", "Gracias por tu menssaje, el pedido sale mañana.",
	    "menssaje" },
	{ "es", "Gracias por tu mensaje, el pedido sale mañana. ¡Qué "
	    "bonito!", "" },
};

/* Keep the user's own word lists (heed's and enchant's) out of it. */
static int
setup(void **state)
{
	char	dir[256], *sub;

	tmpdir_make(dir, sizeof dir, "spell");
	sub = xprintf("%s/data", dir);
	setenv("XDG_DATA_HOME", sub, 1);
	free(sub);
	sub = xprintf("%s/config", dir);
	setenv("XDG_CONFIG_HOME", sub, 1);
	free(sub);
	*state = xstrdup(dir);
	return 0;
}

/* Remove the test's directory. */
static int
teardown(void **state)
{
	tmpdir_remove(*state);
	free(*state);
	return 0;
}

static void
test_misspellings_are_found_in_six_languages_and_correct_text_passes(
    void **state)
{
	struct spell	*s;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		s = open_lang(cases[i].lang);
		expect(s, cases[i].text, NULL, cases[i].missed);
		spell_free(s);
	}
}

static void
test_a_miss_is_the_exact_byte_span_of_the_word_with_suggestions(
    void **state)
{
	const char		*text = "Ça marche, à bientôt: la comande "
	    "arrive.";
	struct spell_misses	 m = { NULL, 0 };
	struct spell		*s;
	size_t			 i;
	int			 found = 0;

	(void)state;
	s = open_lang("fr");
	spell_check(s, text, NULL, SPELL_SUGGEST, &m);
	assert_int_equal(m.n, 1);
	assert_int_equal(m.v[0].start, (size_t)(strstr(text, "comande") -
	    text));
	assert_int_equal(m.v[0].len, strlen("comande"));
	assert_true(m.v[0].nsuggest >= 1 &&
	    m.v[0].nsuggest <= SPELL_SUGGEST_MAX);
	for (i = 0; i < m.v[0].nsuggest; i++)
		found |= strcmp(m.v[0].suggest[i], "commande") == 0;
	assert_true(found);
	spell_misses_clear(&m);
	/* Without SPELL_SUGGEST: the same span, no suggestions. */
	spell_check(s, text, NULL, 0, &m);
	assert_int_equal(m.n, 1);
	assert_int_equal(m.v[0].nsuggest, 0);
	spell_misses_clear(&m);
	spell_free(s);
}

static void
test_handles_links_tags_codes_numbers_and_emoji_are_not_words(void **state)
{
	struct spell	*s;

	(void)state;
	s = open_lang("en");
	expect(s, "Hi @annabxq, use the code LENTE20 or XMSQ at "
	    "https://tulipandtea.example/shop?zxq=1 or www.zxqshop.nl, mail "
	    "info@zxqtea.nl or see tulipxq.nl/faq #zxqsale #spring 2x 10:30 "
	    "3rd 😀🌷 (@bxqq) «#qqtea»", NULL, "");
	/* The same words as words are misspelled. */
	expect(s, "Hi annabxq, see zxqsale", NULL, "annabxq|zxqsale");
	spell_free(s);
}

static void
test_hyphenated_words_are_checked_whole_or_by_their_parts(void **state)
{
	const char	*text = "A tea-lover's well-knwon blend, a favourite";
	struct spell	*s;

	(void)state;
	s = open_lang("en_US");
	expect(s, text, NULL, "knwon|favourite");
	spell_free(s);
}

static void
test_protected_words_are_accepted_in_any_case(void **state)
{
	const char *const	 protect[] = { "Tulipandtea", "Zoë Hojicha-Bar",
	    NULL };
	struct spell		*s;

	(void)state;
	s = open_lang("en");
	expect(s, "Love from Tulipandtea and Zoë at the Hojicha-Bar", NULL,
	    "Tulipandtea|Zoë|Hojicha");
	expect(s, "Love from Tulipandtea and Zoë at the Hojicha-Bar, "
	    "TULIPANDTEA aside, tulipandtea", protect, "");
	/* A protected word misspelled stays a miss (the guard says more). */
	expect(s, "Love from Tulipnadtea", protect, "Tulipnadtea");
	spell_free(s);
}

static void
test_added_words_are_accepted_and_the_list_is_0600_without_doubles(
    void **state)
{
	struct spell	*s;
	struct stat	 sb;
	char		*path, *cause = NULL, *text;

	(void)state;
	path = spell_words_path();
	unlink(path);
	s = open_lang("nl");
	expect(s, "Onze hojicha en groene thee zijn er weer", NULL, "hojicha");
	assert_int_equal(spell_word_add("hojicha", &cause), 0);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	/* The open checker sees the new word, in any case. */
	expect(s, "Onze Hojicha en groene thee zijn er weer", NULL, "");
	assert_int_equal(spell_word_add("hojicha", &cause), 1);
	assert_int_equal(spell_word_add("Gyokuro", &cause), 0);
	text = read_all(path);
	assert_string_equal(text, "hojicha\nGyokuro\n");
	free(text);
	assert_int_equal(spell_word_add("two words", &cause), -1);
	assert_non_null(cause);
	free(cause);
	spell_free(s);
	free(path);
}

static void
test_adding_a_word_to_a_full_disk_fails_plainly_and_changes_nothing(
    void **state)
{
	struct rlimit	 saved, lim;
	char		*path, *cause = NULL, *text;
	FILE		*f;

	(void)state;
	path = spell_words_path();
	/* Made by heed first, then written over by hand. */
	assert_true(spell_word_add("sencha", &cause) >= 0);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("sencha", f);	/* no newline at the end, as by hand */
	fclose(f);
	/* A file may not grow: as on a full disk, writes fail or fall short. */
	signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &saved), 0);
	lim = saved;
	lim.rlim_cur = 9;
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);
	assert_int_equal(spell_word_add("matcha", &cause), -1);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &saved), 0);
	assert_non_null(cause);
	if (strstr(cause, path) == NULL || strstr(cause, "could not be "
	    "added") == NULL)
		fail_msg("unclear: %s", cause);
	free(cause);
	text = read_all(path);
	assert_string_equal(text, "sencha");
	free(text);
	assert_int_equal(spell_word_add("matcha", &cause), 0);
	text = read_all(path);
	assert_string_equal(text, "sencha\nmatcha\n");
	free(text);
	free(path);
}

static void
test_a_language_without_a_dictionary_says_so_plainly(void **state)
{
	struct spell	*s = NULL;
	char		*cause = NULL;

	(void)state;
	assert_int_equal(spell_open("zh", &s, &cause), SPELL_NO_DICT);
	assert_null(s);
	assert_string_equal(cause, "Spelling is not checked in Chinese: no "
	    "dictionary");
	free(cause);
	assert_int_equal(spell_open("zh-Hant", &s, &cause), SPELL_NO_DICT);
	free(cause);
	assert_int_equal(spell_open("xq", &s, &cause), SPELL_NO_DICT);
	assert_string_equal(cause, "Spelling is not checked in xq: no "
	    "dictionary");
	free(cause);
	assert_int_equal(spell_open(NULL, &s, &cause), SPELL_NO_LANG);
	free(cause);
	assert_int_equal(spell_open("1!", &s, &cause), SPELL_NO_LANG);
	free(cause);
}

static void
test_a_language_gets_its_usual_dictionary_or_its_region(void **state)
{
	static const struct {
		const char	*lang;
		const char	*tag;
	} want[] = {
		{ "de", "de_DE" }, { "de-AT", "de_DE" }, { "nl", "nl_NL" },
		{ "nl-BE", "nl_BE" }, { "ro", "ro_RO" }, { "es", "es_ES" },
		{ "es_MX", "es_MX" }, { "FR", "fr_FR" },
	};
	struct spell	*s;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		s = open_lang(want[i].lang);
		if (strcmp(spell_dict_tag(s), want[i].tag) != 0)
			fail_msg("%s: dictionary %s, want %s", want[i].lang,
			    spell_dict_tag(s), want[i].tag);
		spell_free(s);
	}
	s = open_lang("en");
	assert_true(strcmp(spell_dict_tag(s), "en_US") == 0 ||
	    strcmp(spell_dict_tag(s), "en_GB") == 0);
	spell_free(s);
}

static void
test_the_reply_language_then_the_customer_then_the_account(void **state)
{
	static const struct {
		const char	*reply, *customer, *account, *want;
	} c[] = {
		{ "nl", "en", "de", "nl" },
		{ NULL, "en", "de", "en" },
		{ "", "fr", "de", "fr" },
		{ "und", "und", "ro", "ro" },
		{ NULL, NULL, "es", "es" },
		{ NULL, "", NULL, NULL },
		{ NULL, NULL, NULL, NULL },
	};
	const char	*got;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof c / sizeof c[0]; i++) {
		got = spell_lang_choose(c[i].reply, c[i].customer,
		    c[i].account);
		if (c[i].want == NULL)
			assert_null(got);
		else
			assert_string_equal(got, c[i].want);
	}
	assert_string_equal(spell_lang_name("ro-RO"), "Romanian");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_misspellings_are_found_in_six_languages_and_correct_text_passes),
		cmocka_unit_test(test_a_miss_is_the_exact_byte_span_of_the_word_with_suggestions),
		cmocka_unit_test(test_handles_links_tags_codes_numbers_and_emoji_are_not_words),
		cmocka_unit_test(test_hyphenated_words_are_checked_whole_or_by_their_parts),
		cmocka_unit_test(test_protected_words_are_accepted_in_any_case),
		cmocka_unit_test(test_added_words_are_accepted_and_the_list_is_0600_without_doubles),
		cmocka_unit_test(test_adding_a_word_to_a_full_disk_fails_plainly_and_changes_nothing),
		cmocka_unit_test(test_a_language_without_a_dictionary_says_so_plainly),
		cmocka_unit_test(test_a_language_gets_its_usual_dictionary_or_its_region),
		cmocka_unit_test(test_the_reply_language_then_the_customer_then_the_account),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
