/*
 * test-spell-known.c -- whether one word is known (spell_known_word),
 * with the real enchant and hunspell dictionaries that make deps
 * installs: ordinary words in any case, inflected and compound forms,
 * names only with their capital, the personal word list; and the
 * language a reply falls back to (spell_lang_default): the option, else
 * the locale's.
 *
 * A dictionary that is missing fails the test, saying make deps installs
 * it: a word that is known because nothing was asked would prove nothing.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spell.h"
#include "util.h"

#include "lib/tmpdir.h"

/* Open a checker, or fail saying what is missing. */
static struct spell *
open_lang(const char *lang)
{
	struct spell	*s;
	char		*cause = NULL;

	if (spell_open(lang, &s, &cause) != SPELL_OK)
		fail_msg("no checker for %s (%s): make deps installs its "
		    "hunspell dictionary and libenchant-2-2", lang, cause);
	return s;
}

/* Keep the user's own word lists (heed's and enchant's) out of it. */
static int
setup(void **state)
{
	char	dir[256], *sub;

	tmpdir_make(dir, sizeof dir, "spell-known");
	sub = xprintf("%s/data", dir);
	setenv("XDG_DATA_HOME", sub, 1);
	free(sub);
	sub = xprintf("%s/config", dir);
	setenv("XDG_CONFIG_HOME", sub, 1);
	free(sub);
	*state = xstrdup(dir);
	return 0;
}

/* Remove the test's directory and what enchant and heed wrote in it. */
static int
teardown(void **state)
{
	tmpdir_remove(*state);
	free(*state);
	return 0;
}

/* Words of five languages, as written, and whether each is known. */
static void
test_a_word_is_known_as_written(void **state)
{
	static const struct {
		const char	*lang, *word;
		int		 known;
	} c[] = {
		{ "en", "channel", 1 }, { "en", "Channel", 1 },
		{ "en", "CHANNEL", 1 }, { "en", "chanell", 0 },
		{ "en", "brain", 1 }, { "en", "Brian", 1 },
		{ "en", "brian", 0 },
		{ "en", "Patagonian", 1 }, { "en", "Bubrerrys", 0 },
		{ "en", "Lululemon", 0 }, { "en", "it’s", 1 },
		{ "nl", "blokken", 1 }, { "nl", "Marlies", 1 },
		{ "nl", "marlies", 0 }, { "nl", "Heyn", 0 },
		{ "ro", "alte", 1 }, { "ro", "și", 1 }, { "ro", "şi", 1 },
		{ "ro", "Altex", 0 },
		{ "de", "Sommerwinde", 1 }, { "de", "Sommerwein", 1 },
		{ "de", "sommerwinde", 0 }, { "de", "Sommerwnid", 0 },
		{ "fr", "Sandra", 1 }, { "fr", "répondra", 1 },
		{ "fr", "Sandro", 0 },
	};
	struct spell	*s;
	size_t		 i;
	int		 got;

	(void)state;
	for (i = 0; i < sizeof c / sizeof c[0]; i++) {
		s = open_lang(c[i].lang);
		got = spell_known_word(s, c[i].word, strlen(c[i].word));
		if (got != c[i].known)
			fail_msg("%s: %s: known %d, want %d", spell_dict_tag(s),
			    c[i].word, got, c[i].known);
		spell_free(s);
	}
}

/* Only the word's bytes are read, and the personal list counts. */
static void
test_the_bytes_given_and_the_personal_list(void **state)
{
	struct spell	*s;
	char		*cause = NULL;

	(void)state;
	s = open_lang("en");
	/* "brain" of "brains, Brian": the length is what counts. */
	assert_int_equal(spell_known_word(s, "brainz", 5), 1);
	assert_int_equal(spell_known_word(s, "", 0), 0);
	assert_int_equal(spell_known_word(s, "Marloes", 7), 0);
	assert_int_equal(spell_word_add("Marloes", &cause), 0);
	assert_int_equal(spell_known_word(s, "Marloes", 7), 1);
	assert_int_equal(spell_known_word(s, "MARLOES", 7), 1);
	spell_free(s);
}

/* The option's language first, else the locale's, else none. */
static void
test_the_default_language_is_the_option_then_the_locale(void **state)
{
	static const struct {
		const char	*option, *lc_all, *lc_messages, *lang, *want;
	} c[] = {
		{ "de_AT", "nl_NL.UTF-8", NULL, NULL, "de_AT" },
		{ "", "nl_NL.UTF-8", "fr_FR.UTF-8", "en_US.UTF-8", "nl" },
		{ NULL, NULL, "fr_FR.UTF-8", "en_US.UTF-8", "fr" },
		{ "", "", "", "ro_RO.UTF-8", "ro" },
		{ "", NULL, NULL, "es", "es" },
		{ "", NULL, NULL, "C.UTF-8", NULL },
		{ "", "POSIX", NULL, "en_US.UTF-8", NULL },
		{ "", NULL, NULL, NULL, NULL },
	};
	char		 buf[8];
	const char	*got;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof c / sizeof c[0]; i++) {
		if (c[i].lc_all != NULL)
			setenv("LC_ALL", c[i].lc_all, 1);
		else
			unsetenv("LC_ALL");
		if (c[i].lc_messages != NULL)
			setenv("LC_MESSAGES", c[i].lc_messages, 1);
		else
			unsetenv("LC_MESSAGES");
		if (c[i].lang != NULL)
			setenv("LANG", c[i].lang, 1);
		else
			unsetenv("LANG");
		got = spell_lang_default(c[i].option, buf, sizeof buf);
		if (c[i].want == NULL)
			assert_null(got);
		else
			assert_string_equal(got, c[i].want);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_word_is_known_as_written),
		cmocka_unit_test(test_the_bytes_given_and_the_personal_list),
		cmocka_unit_test(
		    test_the_default_language_is_the_option_then_the_locale),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
