/*
 * test-guard-greet.c -- the guard's greeting check (guard-greet.c,
 * guard-name.c): each reply of a table, in eight languages, greets
 * exactly the names listed as wrong, no more. The ordinary words that
 * follow a greeting, sign-offs, the shop's own names, names written with
 * or without their accents and short forms are no finding; a name one
 * letter off the customer's, or missing its last letter, is one. Some
 * cases ask a tiny fake dictionary (known_word) what an ordinary word is.
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

/* One reply and the greetings the guard must find wrong in it. */
struct greet_case {
	const char	*what;
	const char	*text;
	const char	*protect;	/* as in the config, or NULL */
	const char	*shop;
	const char	*customer;
	const char	*handle;	/* the customer's */
	const char	*thread;	/* other names, "|" between */
	int		 dict;		/* ask greet_known_word */
	const char	*want;		/* "greeting:span;...", "" none */
};

#define NO_OWN	NULL, NULL	/* no protected words, no shop name */

static const struct greet_case greet_cases[] = {
	/* en */
	{ "en: a name one letter off the customer's warns", "Hi Sarai, "
	  "thanks for your order!", NO_OWN, "Sarah Mitchell", NULL, NULL, 0,
	  "greeting:Sarai" },
	{ "en: a name missing its last letter is another name", "Hi Sara, "
	  "thanks for your order!", NO_OWN, "Sarah Mitchell", NULL, NULL, 0,
	  "greeting:Sara" },
	{ "en: the customer's own name", "Hi Sarah, thanks for your order!",
	  NO_OWN, "Sarah Mitchell", NULL, NULL, 0, "" },
	{ "en: a short form ending where a syllable may", "Hi Sam, and hi "
	  "Alex! Thanks Chris.", NO_OWN, "Samantha Green", NULL,
	  "Alexandra Ross|Christina Vos", 0, "" },
	{ "en: a short form that is another name warns", "Hi Paul, thanks!",
	  NO_OWN, "Paulina Nowak", NULL, NULL, 0, "greeting:Paul" },
	{ "en: the customer's handle", "Hi @sarah_m88, thanks!", NO_OWN,
	  "Sarah Mitchell", "@sarah_m88", NULL, 0, "" },
	{ "en: a Latin name for an Arabic-named customer, by her handle",
	  "Hi Nour, thanks!", NO_OWN, "نور الهاشمي", "@nour.alhashimi", NULL,
	  0, "" },
	{ "en: a Latin name nobody in the thread writes is not checked",
	  "Hi Anna, thanks!", NO_OWN, "李娜", NULL, NULL, 0, "" },
	{ "en: good morning to the wrong person", "Good morning Anna, it "
	  "ships today.", NO_OWN, "Maria Jones", NULL, NULL, 0,
	  "greeting:Anna" },
	{ "en: ordinary words after a greeting", "Good morning Everyone! "
	  "Hi Team. Dear Sir or Madam, Hello Lovely. Hi There.", NO_OWN,
	  "Maria Jones", NULL, NULL, 0, "" },
	{ "en: a word the dictionary knows is no name", "Hello Stranger, "
	  "long time!", NO_OWN, "Maria Jones", NULL, NULL, 1, "" },
	{ "en: without a dictionary the same word is taken for a name",
	  "Hello Stranger, long time!", NO_OWN, "Maria Jones", NULL, NULL, 0,
	  "greeting:Stranger" },
	{ "en: Rose and Mark are names, though words too", "Hi Rose! Hi "
	  "Mark!", NO_OWN, "Maria Jones", NULL, NULL, 1,
	  "greeting:Rose;greeting:Mark" },
	{ "en: Rose to Rose", "Hi Rose, thanks!", NO_OWN, "Rose Baker", NULL,
	  NULL, 1, "" },
	{ "en: a proper name the dictionary knows is still a name", "Hi "
	  "Karen, thanks!", NO_OWN, "Karin Smit", NULL, NULL, 1,
	  "greeting:Karen" },
	{ "en: a word of the shop's name", "Hello Tulip fans!", NULL,
	  "Tulip & Tea", "Maria Jones", NULL, NULL, 0, "" },
	{ "en: a staff name in protect", "Hi, Marloes here!", "Marloes",
	  NULL, "Maria Jones", NULL, NULL, 0, "" },
	{ "en: a sign-off", "Kind regards, Marloes\nThanks,\nMarloes",
	  NO_OWN, "Maria Jones", NULL, NULL, 0, "" },
	/* nl */
	{ "nl: Karen to Karin warns", "Hoi Karen, dank je wel!", NO_OWN,
	  "Karin Smit", NULL, NULL, 0, "greeting:Karen" },
	{ "nl: Karen to Karin warns, though the dictionary knows karen (carts)",
	  "Hoi Karen, dank je wel!", NO_OWN, "Karin Smit", NULL, NULL, 1,
	  "greeting:Karen" },
	{ "nl: Karin to Karin", "Hoi Karin, dank je wel!", NO_OWN,
	  "Karin Smit", NULL, NULL, 0, "" },
	{ "nl: sign-offs greet nobody", "Met vriendelijke groet, Marloes. "
	  "Beste groeten, Sanne. Lieve groetjes, Anke", NO_OWN, "Karin Smit",
	  NULL, NULL, 0, "" },
	{ "nl: a word the dictionary knows", "Hoi Buurvrouw, dank je!", NO_OWN,
	  "Karin Smit", NULL, NULL, 1, "" },
	{ "nl: goede morgen to the wrong person", "Goede morgen Sanne, dank "
	  "je!", NO_OWN, "Karin Smit", NULL, NULL, 0, "greeting:Sanne" },
	/* ro */
	{ "ro: Ioan is not Ioana", "Bună ziua Ioan, mulțumim!", NO_OWN,
	  "Ioana Radu", NULL, NULL, 0, "greeting:Ioan" },
	{ "ro: Ioana after bună ziua", "Bună ziua Ioana, mulțumim!", NO_OWN,
	  "Ioana Radu", NULL, NULL, 0, "" },
	{ "ro: a title and a surname after bună ziua", "Bună ziua, Doamna "
	  "Radu! Bună seara Ioana.", NO_OWN, "Ioana Radu", NULL, NULL, 0,
	  "" },
	{ "ro: a name written without its comma below", "Bună Stefan, "
	  "mulțumim!", NO_OWN, "Ștefan Pop", NULL, NULL, 0, "" },
	{ "ro: bună dimineața to the wrong person", "Bună dimineața Maria!",
	  NO_OWN, "Ioana Radu", NULL, NULL, 0, "greeting:Maria" },
	/* de */
	{ "de: Liebe Grüße is a sign-off, with a staff name", "Liebe Grüße, "
	  "Marloes", "Marloes", NULL, "Karin Smit", NULL, NULL, 0, "" },
	{ "de: Liebe Grüße, with a name not protected", "Liebe Grüße, Anke",
	  NO_OWN, "Karin Smit", NULL, NULL, 0, "" },
	{ "de: a title and a name without its umlaut", "Guten Tag Frau "
	  "Muller, danke schön!", NO_OWN, "Anna Müller", NULL, NULL, 0, "" },
	{ "de: guten Morgen to the wrong person", "Guten Morgen Petra!",
	  NO_OWN, "Anna Müller", NULL, NULL, 0, "greeting:Petra" },
	{ "de: ordinary words after danke and hallo", "Danke Schön! Hallo "
	  "Zusammen. Hallo Nachbarin.", NO_OWN, "Anna Müller", NULL, NULL, 1,
	  "" },
	/* fr */
	{ "fr: an accent the customer's name lacks", "Bonjour Hélène, "
	  "merci !", NO_OWN, "Helene Dubois", NULL, NULL, 0, "" },
	{ "fr: an accent the greeting lacks", "Bonjour Helene, merci !",
	  NO_OWN, "Hélène Dubois", NULL, NULL, 0, "" },
	{ "fr: merci beaucoup", "Merci Beaucoup ! Bonjour Mesdames.", NO_OWN,
	  "Hélène Dubois", NULL, NULL, 0, "" },
	{ "fr: merci beaucoup to the wrong person", "Merci beaucoup Claire !",
	  NO_OWN, "Hélène Dubois", NULL, NULL, 0, "greeting:Claire" },
	{ "fr: a word the dictionary knows", "Bonjour Voisine !", NO_OWN,
	  "Hélène Dubois", NULL, NULL, 1, "" },
	{ "fr: Jean is not Jeanne", "Bonjour Jean, merci !", NO_OWN,
	  "Jeanne Petit", NULL, NULL, 0, "greeting:Jean" },
	/* es */
	{ "es: buenas tardes", "Hola, Buenas tardes.", NO_OWN, "Lucía García",
	  NULL, NULL, 0, "" },
	{ "es: buenos días", "Hola, Buenos días:", NO_OWN, "Lucía García",
	  NULL, NULL, 0, "" },
	{ "es: buenos días to the customer, accent or not", "Buenos días "
	  "Lucia. Hola Lucía.", NO_OWN, "Lucía García", NULL, NULL, 0, "" },
	{ "es: buenas tardes to the wrong person", "Buenas tardes Carmen, "
	  "gracias.", NO_OWN, "Lucía García", NULL, NULL, 0,
	  "greeting:Carmen" },
	{ "es: Daniel is not Daniela", "Hola Daniel, gracias.", NO_OWN,
	  "Daniela Ruiz", NULL, NULL, 0, "greeting:Daniel" },
	{ "es: a word the dictionary knows", "Hola Guapa, gracias.", NO_OWN,
	  "Lucía García", NULL, NULL, 1, "" },
	/* ar */
	{ "ar: thanks very much", "شكراً جزيلاً على رسالتك", NO_OWN,
	  "نور الهاشمي", "@nour.alhashimi", NULL, 0, "" },
	{ "ar: ahlan wa sahlan", "أهلا وسهلا، كيف نساعدك؟", NO_OWN,
	  "نور الهاشمي", "@nour.alhashimi", NULL, 0, "" },
	{ "ar: a greeting, then a sentence", "مرحبا، نعم الطلب في الطريق",
	  NO_OWN, "نور الهاشمي", "@nour.alhashimi", NULL, 0, "" },
	{ "ar: thanks for your order", "شكرا لطلبك! عزيزتي العميلة، شكرا "
	  "لك", NO_OWN, "نور الهاشمي", "@nour.alhashimi", NULL, 0, "" },
	{ "ar: a name standing alone after a greeting", "مرحبا سارة، شكرا "
	  "لك", NO_OWN, "نور الهاشمي", "@nour.alhashimi", NULL, 0,
	  "greeting:سارة" },
	{ "ar: ya and a name", "مرحبا يا سارة!", NO_OWN, "نور الهاشمي", NULL,
	  NULL, 0, "greeting:سارة" },
	{ "ar: the customer's name", "مرحبا نور، شكرا لك", NO_OWN,
	  "نور الهاشمي", "@nour.alhashimi", NULL, 0, "" },
	{ "ar: a hamza on the alef is the same name", "أهلاً أحمد، شكرا لك",
	  NO_OWN, "احمد علي", NULL, NULL, 0, "" },
	{ "ar: a word the dictionary knows", "مرحبا جارتي، شكرا لك", NO_OWN,
	  "نور الهاشمي", NULL, NULL, 1, "" },
	{ "ar: an Arabic name to a Latin-named customer is not checked",
	  "مرحبا عمر، شكرا لك", NO_OWN, "Omar Darwish", "@omar.darwish",
	  NULL, 0, "" },
	/* zh */
	{ "zh: dear customer", "亲爱的顾客，您好！", NO_OWN, "李娜", NULL, NULL,
	  0, "" },
	{ "zh: hello, welcome", "你好，欢迎光临。", NO_OWN, "李娜", NULL, NULL,
	  0, "" },
	{ "zh: a name of someone else", "王芳，你好！", NO_OWN, "李娜", NULL,
	  NULL, 0, "greeting:王芳" },
	{ "zh: the customer's surname and a title", "李女士，您好！亲爱的李娜",
	  NO_OWN, "李娜", NULL, NULL, 0, "" },
	{ "zh: another surname and a title", "王先生，您好！", NO_OWN, "李娜",
	  NULL, NULL, 0, "greeting:王先生" },
	{ "zh: a question after a greeting", "你好，方便吗？您好，周末愉快！",
	  NO_OWN, "李娜", NULL, NULL, 0, "" },
	{ "zh: a Han name to a Latin-named customer is not checked",
	  "周女士，您好！王芳，你好！", NO_OWN, "Zhou Min", NULL, NULL, 0, "" },
};

/* A fake dictionary: lower-case words, and one name kept capitalised. */
static int
greet_known_word(void *arg, const char *word, size_t len)
{
	static const char *const words[] = {
		"rose", "mark", "stranger", "buurvrouw", "nachbarin",
		"voisine", "guapa", "جارتي", "Karen", "karen"
	};
	size_t	i;

	(void)arg;
	for (i = 0; i < nitems(words); i++) {
		if (strlen(words[i]) == len && memcmp(words[i], word, len) == 0)
			return 1;
	}
	return 0;
}

/* Check one case; 0 if it gives what it wants, else -1 (said). */
static int
greet_one(const struct greet_case *c)
{
	struct guard_input	 in;
	struct guard_report	 r;
	const char		*names[8];
	char			 buf[256], **prot, *got, *cause = NULL;
	size_t			 np;
	int			 ok;

	memset(&in, 0, sizeof in);
	assert_int_equal(guard_protect_parse(c->protect != NULL ? c->protect :
	    "", &prot, &np, &cause), 0);
	in.text = c->text;
	in.protect = (const char *const *)prot;
	in.nprotect = np;
	in.shop_name = c->shop;
	in.customer_name = c->customer;
	in.customer_handle = c->handle;
	in.thread_names = names;
	in.nthread_names = guard_case_names(c->thread, buf, sizeof buf, names);
	if (c->dict)
		in.known_word = greet_known_word;
	guard_check(&in, &r);
	got = guard_case_summary(c->text, &r, GUARD_GREETING, 0);
	ok = strcmp(got, c->want) == 0;
	if (!ok)
		print_error("%s:\n  got  \"%s\"\n  want \"%s\"\n", c->what, got,
		    c->want);
	free(got);
	guard_free(&r);
	guard_protect_free(prot, np);
	return ok ? 0 : -1;
}

/* Each reply of the table greets exactly its wrong names. */
static void
test_guard_greet_table_gives_exact_findings(void **state)
{
	size_t	i;
	int	bad = 0;

	(void)state;
	for (i = 0; i < nitems(greet_cases); i++) {
		if (greet_one(&greet_cases[i]) != 0)
			bad++;
	}
	assert_int_equal(bad, 0);
}

/* A wrong name's finding has its span and suggests the customer's name. */
static void
test_guard_greet_finding_says_who(void **state)
{
	struct guard_input	 in;
	struct guard_report	 r;

	(void)state;
	memset(&in, 0, sizeof in);
	in.text = "Hoi Karen, dank je wel!";
	in.customer_name = "Karin Smit";
	guard_check(&in, &r);
	assert_int_equal(r.n, 1);
	assert_int_equal(r.v[0].kind, GUARD_GREETING);
	assert_int_equal(r.v[0].severity, GUARD_WARN);
	assert_int_equal(r.v[0].start, 4);
	assert_int_equal(r.v[0].len, 5);
	assert_string_equal(r.v[0].suggestion, "Karin Smit");
	assert_non_null(strstr(r.v[0].message, "\"Karen\""));
	assert_int_equal(guard_blocks(&r), 0);
	guard_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_guard_greet_table_gives_exact_findings),
		cmocka_unit_test(test_guard_greet_finding_says_who),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
