/*
 * test-guard-protect.c -- the guard's protected words (guard-protect.c,
 * guard-near.c): each reply of a table gives exactly the findings listed.
 * A case may give the guard a small dictionary of its own (a fake
 * known_word, so that the pure guard is tested without enchant): the
 * ordinary words near a protected one that it knows are let be, and the
 * ones it does not know still block. Without one, the guard does as it
 * can alone.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guard.h"
#include "util.h"
#include "lib/guard-case.h"

/* No dictionary for the language: known_word says -1 to every word. */
#define NO_DICT	"?"

/* One reply, the guard's words and dictionary, and what it must find. */
struct protect_case {
	const char	*what;
	const char	*text;
	const char	*protect;	/* as in the config */
	const char	*thread;	/* names in the thread, "|" between */
	const char	*known;		/* the dictionary, "|" between */
	const char	*want;		/* "kind:span;...", "(warn)" after */
};

static const struct protect_case protect_cases[] = {
	/* A: ordinary words near a protected one, known to the dictionary. */
	{ "en: a channel is no Chanel", "Subscribe to our YouTube channel",
	  "Chanel", NULL, "subscribe|to|our|channel", "" },
	{ "en: a known word is let be whatever its case",
	  "Visit the YouTube Channel", "Chanel", NULL,
	  "visit|the|channel", "" },
	{ "en: the brand misspelt lower case is no word: it blocks",
	  "Our new chanell bag", "Chanel", NULL, "our|new|channel|bag",
	  "protected-word:chanell" },
	{ "en: even better", "even better", "Bette", NULL, "even|better",
	  "" },
	{ "en: the aura", "The aura of this scent", "Laura", NULL,
	  "the|aura|of|this|scent|Laura", "" },
	{ "en: your brain", "Use your brain", "Brian", NULL,
	  "use|your|brain|Brian", "" },
	{ "en: without a dictionary, brain is still taken for Brian",
	  "Use your brain", "Brian", NULL, NULL, "protected-word:brain" },
	{ "en: a language without a dictionary is as none",
	  "Use your brain", "Brian", NULL, NO_DICT, "protected-word:brain" },
	{ "en: apply the code", "Apply the code", "Apple", NULL,
	  "apply|the|code|Apple", "" },
	{ "en: the tango", "Dance the tango", "Mango", NULL,
	  "dance|the|tango|mango", "" },
	{ "en: a primary goal", "Our primary goal", "Primark", NULL,
	  "our|primary|goal", "" },
	{ "en: Patagonian wool", "Patagonian wool", "Patagonia", NULL,
	  "Patagonian|wool|Patagonia", "" },
	{ "en: a word made of the name and an ending, without a dictionary",
	  "Patagonian wool", "Patagonia", NULL, NULL, "" },
	{ "nl: blokken are no Blokker", "We hebben de blokken weer binnen",
	  "Blokker", NULL, "we|hebben|de|blokken|weer|binnen|Blokker", "" },
	{ "ro: alte is no Altex", "Avem și alte produse", "Altex", NULL,
	  "avem|și|alte|produse", "" },
	{ "de: a plural the dictionary knows", "Die Sommerwinde sind schön",
	  "Sommerwind", NULL, "die|Sommerwinde|sind|schön|Sommerwind", "" },
	{ "de: a compound the dictionary knows", "Ein Sommerwein",
	  "Sommerwind", NULL, "ein|Sommerwein|Sommerwind", "" },
	{ "de: a compound misspelt blocks", "Ein Sommerwnid-Tee",
	  "Sommerwind", NULL, "ein|Sommerwein|Sommerwind|Tee",
	  "protected-word:Sommerwnid" },
	{ "fr: natural is the name and an ending", "100% natural", "Natura",
	  NULL, "naturel", "" },
	{ "fr: a known name a vowel away from staff's warns",
	  "Sandra répondra demain", "Sandro", NULL,
	  "Sandra|répondra|demain", "protected-word(warn):Sandra" },
	{ "nl: Marlies, a name the dictionary knows, warns", "Marlies",
	  "Marloes", NULL, "Marlies|Marloes", "protected-word(warn):Marlies" },
	{ "nl: Marlous, a name the dictionary knows, warns too",
	  "Marlous pakt alles in.", "Marloes", NULL,
	  "Marlous|Marloes|pakt|alles|in", "protected-word(warn):Marlous" },
	{ "en: Marlies unknown to the dictionary blocks", "Marlies",
	  "Marloes", NULL, "Marloes", "protected-word:Marlies" },
	{ "nl: Marlies in the thread is hers", "Marlies, bedankt!", "Marloes",
	  "Marlies de Vries", NULL, "" },
	{ "en: a name the dictionary knows, as written, is let be",
	  "Ask Lara at the desk", "Laura", NULL, "ask|Lara|at|the|desk", "" },
	{ "en: the same name in lower case is no word: it blocks",
	  "ask lara at the desk", "Laura", NULL, "ask|Lara|at|the|desk",
	  "protected-word:lara" },
	{ "en: a known name another letter away is let be",
	  "Ask Sara at the desk", "Zara", NULL, "ask|Sara|at|the|desk", "" },
	{ "en: a known word of a name of several still blocks beside it",
	  "Thanks from Tulip & Tae!", "\"Tulip & Tea\"", NULL,
	  "thanks|from|tulip|tea|tae", "protected-word:Tulip & Tae" },
	{ "en: a known word split from a name still blocks",
	  "Order at TulipTea", "\"Tulip & Tea\"", NULL,
	  "order|at|tulip|tea", "protected-word:TulipTea" },
	/* B: misspellings missed before. */
	{ "de: a misspelling with a plural ending", "Die Bubrerrys sind da.",
	  "Burberry", NULL, NULL, "protected-word:Bubrerrys" },
	{ "en: a plural of the brand is the brand", "Two Burberrys left",
	  "Burberry", NULL, NULL, "" },
	{ "en: a doubled last letter is no ending", "Our Burberryy coat",
	  "Burberry", NULL, NULL, "protected-word:Burberryy" },
	{ "fr: a short word of a name of three", "Fleurs du Lune",
	  "\"Fleurs de Lune\"", NULL, NULL,
	  "protected-word:Fleurs du Lune" },
	{ "fr: a short word beside one other word is not compared",
	  "La Maison est ouverte", "\"Ma Maison\"", NULL, NULL, "" },
	{ "nl: y for ij", "Boodschappen bij Albert Heyn", "\"Albert Heijn\"",
	  NULL, NULL, "protected-word:Albert Heyn" },
	{ "nl: ij right", "Boodschappen bij Albert Heijn", "\"Albert Heijn\"",
	  NULL, NULL, "" },
	{ "en: split and misspelt", "Our Lulu lemmon leggings", "Lululemon",
	  NULL, "our|leggings|Lulu|lemon", "protected-word:Lulu lemmon" },
	{ "en: split and misspelt, without a dictionary", "Lulu lemmon",
	  "Lululemon", NULL, NULL, "protected-word:Lulu lemmon" },
	{ "en: known words near a name once put together are let be",
	  "A summer wine", "Summerwind", NULL, "a|summer|wine", "" },
	{ "en: a split that begins elsewhere in the name is not it",
	  "Our lemon leggings", "Lululemon", NULL, NULL, "" },
	{ "ar: a letter missing from an Arabic name", "أهلا بكم في بيت الشي",
	  "\"بيت الشاي\"", NULL, NULL, "protected-word:بيت الشي" },
	{ "ar: alef maksura for ya is the same name",
	  "أهلا بكم في بيت الشاى", "\"بيت الشاي\"", NULL, NULL, "" },
	{ "ar: a hamza on the alef is the same name", "مرحبا بكم في أسواق",
	  "اسواق", NULL, NULL, "" },
	{ "ar: vowel marks are no letters", "أهلا بكم في بَيْت الشاي",
	  "\"بيت الشاي\"", NULL, NULL, "" },
	{ "ar: a word with a clitic before the name is the name",
	  "استمتع بالشاي", "الشاي", NULL, NULL, "" },
	{ "zh: a character missing from a Chinese name", "欢迎光临郁金茶馆。",
	  "郁金香茶馆", NULL, NULL, "protected-word:郁金茶馆" },
	{ "zh: the name itself", "欢迎光临郁金香茶馆。", "郁金香茶馆", NULL,
	  NULL, "" },
	{ "zh: the last two characters of a name swapped", "欢迎来到郁金香馆"
	  "茶。", "郁金香茶馆", NULL, NULL, "protected-word:郁金香馆茶" },
	{ "zh: a character doubled", "欢迎光临郁金香香茶馆", "郁金香茶馆",
	  NULL, NULL, "protected-word:郁金香香茶馆" },
	{ "zh: the name's start is another word", "郁金香今天到货了。",
	  "郁金香茶馆", NULL, NULL, "" },
	{ "zh: a variant of the last character is not flagged",
	  "欢迎光临郁金香茶舘。", "郁金香茶馆", NULL, NULL, "" },
	{ "zh: two characters of a name of three, elsewhere, are not it",
	  "龙井是今年的新茶。", "龙井茶", NULL, NULL, "" },
};

/* The words of the current case's dictionary, "|" between. */
static const char *protect_known;

/* Whether an entry of the fake dictionary spells the word, as hunspell. */
static int
protect_entry_spells(const char *e, size_t elen, const char *word,
    size_t len)
{
	size_t	i;
	int	upper = 1, first;

	if (elen != len)
		return 0;
	if (memcmp(e, word, len) == 0)
		return 1;
	/* A word in lower case may begin with a capital. */
	first = e[0] >= 'a' && e[0] <= 'z' && word[0] == e[0] - 32 &&
	    memcmp(e + 1, word + 1, len - 1) == 0;
	/* Any word may be in capitals. */
	for (i = 0; i < len; i++) {
		if (e[i] != word[i] && !(e[i] >= 'a' && e[i] <= 'z' &&
		    word[i] == e[i] - 32))
			upper = 0;
	}
	return first || upper;
}

/* The fake known_word: whether the case's dictionary has the word. */
static int
protect_known_word(void *arg, const char *word, size_t len)
{
	const char	*p = protect_known, *bar;
	size_t		 elen;

	(void)arg;
	if (strcmp(p, NO_DICT) == 0)
		return -1;
	for (;;) {
		bar = strchr(p, '|');
		elen = bar != NULL ? (size_t)(bar - p) : strlen(p);
		if (protect_entry_spells(p, elen, word, len))
			return 1;
		if (bar == NULL)
			return 0;
		p = bar + 1;
	}
}

/* Check one case; 0 if it gives exactly its findings, else 1. */
static int
protect_one(const struct protect_case *c)
{
	struct guard_input	 in;
	struct guard_report	 r;
	const char		*names[8];
	char			 buf[256], **prot, *got, *cause = NULL;
	size_t			 np;
	int			 bad = 0;

	memset(&in, 0, sizeof in);
	assert_int_equal(guard_protect_parse(c->protect, &prot, &np, &cause),
	    0);
	in.text = c->text;
	in.protect = (const char *const *)prot;
	in.nprotect = np;
	in.thread_names = names;
	in.nthread_names = guard_case_names(c->thread, buf, sizeof buf, names);
	protect_known = c->known;
	if (c->known != NULL)
		in.known_word = protect_known_word;
	guard_check(&in, &r);
	got = guard_case_summary(c->text, &r, -1, 1);
	if (strcmp(got, c->want) != 0) {
		print_error("%s:\n  got  \"%s\"\n  want \"%s\"\n", c->what, got,
		    c->want);
		bad = 1;
	} else if (guard_blocks(&r) != (*c->want != '\0' &&
	    strstr(c->want, "(warn)") == NULL)) {
		print_error("%s: blocks %d\n", c->what, guard_blocks(&r));
		bad = 1;
	}
	free(got);
	guard_free(&r);
	guard_protect_free(prot, np);
	return bad;
}

/* Each reply of the table gives exactly its findings. */
static void
test_protect_table_gives_exact_findings(void **state)
{
	size_t	i;
	int	bad = 0;

	(void)state;
	for (i = 0; i < nitems(protect_cases); i++)
		bad += protect_one(&protect_cases[i]);
	assert_int_equal(bad, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_protect_table_gives_exact_findings),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
