/*
 * spell-lang.c -- which language a reply is checked in, the dictionary
 * tags to ask enchant for, and how to name a language in a message. Pure:
 * no enchant, no I/O.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spell.h"
#include "spell-private.h"
#include "util.h"

/*
 * The languages heed names: code, name, the usual dictionaries in order
 * of preference, and the Debian package of the first.
 */
static const struct {
	const char	*code;
	const char	*name;
	const char	*tags[3];
	const char	*package;
} spell_langs[] = {
	{ "en", "English", { "en_US", "en_GB", "en_AU" }, "hunspell-en-us" },
	{ "nl", "Dutch", { "nl_NL", "nl_BE", NULL }, "hunspell-nl" },
	{ "ro", "Romanian", { "ro_RO", NULL, NULL }, "hunspell-ro" },
	{ "de", "German", { "de_DE", "de_AT", "de_CH" }, "hunspell-de-de" },
	{ "fr", "French", { "fr_FR", "fr", "fr_BE" }, "hunspell-fr" },
	{ "es", "Spanish", { "es_ES", "es_MX", NULL }, "hunspell-es" },
	{ "it", "Italian", { "it_IT", NULL, NULL }, "hunspell-it" },
	{ "pt", "Portuguese", { "pt_PT", "pt_BR", NULL }, "hunspell-pt-pt" },
	{ "pl", "Polish", { "pl_PL", NULL, NULL }, "hunspell-pl" },
	{ "sv", "Swedish", { "sv_SE", NULL, NULL }, "hunspell-sv" },
	{ "da", "Danish", { "da_DK", NULL, NULL }, "hunspell-da" },
	{ "ru", "Russian", { "ru_RU", NULL, NULL }, "hunspell-ru" },
	{ "tr", "Turkish", { "tr_TR", NULL, NULL }, NULL },
	{ "ar", "Arabic", { "ar", NULL, NULL }, "hunspell-ar" },
	{ "he", "Hebrew", { "he_IL", "he", NULL }, "hunspell-he" },
	{ "zh", "Chinese", { NULL, NULL, NULL }, NULL },
	{ "ja", "Japanese", { NULL, NULL, NULL }, NULL },
	{ "ko", "Korean", { NULL, NULL, NULL }, "hunspell-ko" },
};

/* Return 1 if a language tag says nothing: NULL, empty or "und". */
static int
spell_lang_unknown(const char *lang)
{
	return lang == NULL || *lang == '\0' || strcmp(lang, "und") == 0;
}

/* Choose the language of a reply; see spell.h. */
const char *
spell_lang_choose(const char *reply_guess, const char *customer_lang,
    const char *account_lang)
{
	if (!spell_lang_unknown(reply_guess))
		return reply_guess;
	if (!spell_lang_unknown(customer_lang))
		return customer_lang;
	if (!spell_lang_unknown(account_lang))
		return account_lang;
	return NULL;
}

/* The account's language: the option's, else the locale's; see spell.h. */
const char *
spell_lang_default(const char *configured, char *buf, size_t len)
{
	static const char *const	 vars[] = {
		"LC_ALL", "LC_MESSAGES", "LANG"
	};
	const char			*loc = NULL;
	char				 lang[4], region[4];
	size_t				 i;

	if (!spell_lang_unknown(configured))
		return configured;
	/* The first of them set wins, as setlocale reads them. */
	for (i = 0; i < nitems(vars) && loc == NULL; i++) {
		loc = getenv(vars[i]);
		if (loc != NULL && *loc == '\0')
			loc = NULL;
	}
	if (loc == NULL || len == 0 || strcmp(loc, "C") == 0 ||
	    strncmp(loc, "C.", 2) == 0 || strcmp(loc, "POSIX") == 0 ||
	    spell_lang_split(loc, lang, region) != 0)
		return NULL;
	snprintf(buf, len, "%s", lang);
	return buf;
}

/*
 * Split a tag ("en", "en-GB", "pt_br", "zh-Hant") into its language in
 * lower case and its region in upper case ("" if none); 0, or -1 if it
 * does not start with a language of two or three letters.
 */
int
spell_lang_split(const char *tag, char lang[4], char region[4])
{
	size_t	i, n;

	lang[0] = region[0] = '\0';
	for (n = 0; n < 3 && ((tag[n] >= 'a' && tag[n] <= 'z') ||
	    (tag[n] >= 'A' && tag[n] <= 'Z')); n++)
		lang[n] = (char)(tag[n] | 0x20);
	lang[n] = '\0';
	if (n < 2 || (tag[n] != '\0' && tag[n] != '-' && tag[n] != '_'))
		return -1;
	if (tag[n] == '\0')
		return 0;
	tag += n + 1;
	for (i = 0; i < 2 && ((tag[i] >= 'a' && tag[i] <= 'z') ||
	    (tag[i] >= 'A' && tag[i] <= 'Z')); i++)
		region[i] = (char)(tag[i] & ~0x20);
	region[i] = '\0';
	/* A script such as "Hant" is not a region. */
	if (i != 2 || (tag[2] != '\0' && tag[2] != '-' && tag[2] != '_'))
		region[0] = '\0';
	return 0;
}

/* Find a language in the table; -1 if heed has no entry for it. */
static int
spell_lang_find(const char *lang)
{
	size_t	i;

	for (i = 0; i < nitems(spell_langs); i++) {
		if (strcmp(spell_langs[i].code, lang) == 0)
			return (int)i;
	}
	return -1;
}

/* Name a language by its code ("Dutch"); the code itself if unknown. */
const char *
spell_lang_name(const char *tag)
{
	char	lang[4], region[4];
	int	i;

	if (tag == NULL || spell_lang_split(tag, lang, region) != 0 ||
	    (i = spell_lang_find(lang)) == -1)
		return tag != NULL ? tag : "an unknown language";
	return spell_langs[i].name;
}

/* The Debian package with a dictionary of the language, or NULL. */
const char *
spell_lang_package(const char *lang)
{
	int	i;

	if ((i = spell_lang_find(lang)) == -1)
		return NULL;
	return spell_langs[i].package;
}

/*
 * Fill tags with the dictionary tags to try for a language tag, most
 * wanted first: its own region, the usual ones of the language, the bare
 * language, and "xx_XX". Returns how many (at most SPELL_TAGS_MAX).
 */
size_t
spell_lang_tags(const char *lang, const char *region,
    char tags[][SPELL_TAG_LEN])
{
	size_t	n = 0, j;
	int	i;
	char	upper[4];

	if (*region != '\0')
		snprintf(tags[n++], SPELL_TAG_LEN, "%s_%s", lang, region);
	if ((i = spell_lang_find(lang)) != -1) {
		for (j = 0; j < nitems(spell_langs[i].tags) &&
		    spell_langs[i].tags[j] != NULL; j++)
			snprintf(tags[n++], SPELL_TAG_LEN, "%s",
			    spell_langs[i].tags[j]);
	}
	snprintf(tags[n++], SPELL_TAG_LEN, "%s", lang);
	for (j = 0; lang[j] != '\0' && j < 3; j++)
		upper[j] = (char)(lang[j] & ~0x20);
	upper[j] = '\0';
	snprintf(tags[n++], SPELL_TAG_LEN, "%s_%s", lang, upper);
	return n;
}
