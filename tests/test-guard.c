/*
 * test-guard.c -- the guard (guard.h): each reply of a table, in eight
 * languages, gives exactly the findings listed (their kinds and the text
 * of their spans, in order of weight); saved-reply placeholders are
 * filled; the value of protect is split; the language guesser says what
 * it can and nothing when unsure.
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

/* One reply and what the guard must find in it. */
struct guard_case {
	const char	*what;
	const char	*text;
	const char	*protect;	/* as in the config, or NULL */
	const char	*shop;
	const char	*customer;
	const char	*thread;	/* other names, "|" between */
	const char	*lang;		/* the customer's */
	const char	*want;		/* "kind:span;kind:span", "" none */
};

static const struct guard_case guard_cases[] = {
	/* en */
	{ "en: a swap in a brand blocks", "Shop the new Bubrerry trench "
	  "today.", "Burberry", NULL, NULL, NULL, NULL,
	  "protected-word:Bubrerry" },
	{ "en: possessive and plural are the brand", "Burberry's coats and "
	  "two Burberrys in stock.", "Burberry", NULL, NULL, NULL, NULL, "" },
	{ "en: the flower is not the shop", "Fresh tulips and a pot of tea "
	  "at Tulip & Tea today!", NULL, "Tulip & Tea", NULL, NULL, NULL, "" },
	{ "en: a word of the shop's name misspelt", "Thank you from all of "
	  "us at Tulip & Tae!", NULL, "Tulip & Tea", NULL, NULL, NULL,
	  "protected-word:Tulip & Tae" },
	{ "en: the shop's name run together", "Order at TulipTea online.",
	  NULL, "Tulip & Tea", NULL, NULL, NULL, "protected-word:TulipTea" },
	{ "en: the shop's name split", "Welcome to Tu lip & Tea.", NULL,
	  "Tulip & Tea", NULL, NULL, NULL, "protected-word:Tu lip & Tea" },
	{ "en: a letter missing from a staff name", "Marlos will call you.",
	  "Marloes", NULL, NULL, NULL, NULL, "protected-word:Marlos" },
	{ "en: a short brand is flagged only for a swap", "Sara loved the "
	  "Maas, and the Maas in Mass; Mas is not it", "Maas", NULL,
	  NULL, NULL, NULL, "" },
	{ "en: placeholders block", "Hi {name}, your order [ORDER NUMBER] "
	  "ships <date>. Code XXX", NULL, NULL, NULL, NULL, NULL,
	  "placeholder:{name};placeholder:[ORDER NUMBER];placeholder:<date>;"
	  "placeholder:XXX" },
	{ "en: a Markdown link and kisses are no placeholders", "See "
	  "[here](https://example.org) xxx", NULL, NULL, NULL, NULL, NULL,
	  "" },
	{ "en: a greeting to a stranger", "Hi Anna, thanks for asking!", NULL,
	  NULL, "Maria Jones", NULL, "en", "greeting:Anna" },
	{ "en: a greeting to the customer", "Hi Maria, thanks for asking!",
	  NULL, NULL, "Maria Jones", NULL, "en", "" },
	{ "en: a title and a surname", "Dear Mr Smith, thank you.", NULL,
	  NULL, "John Smith", NULL, "en", "" },
	{ "en: a handle of someone else in the thread", "Hello @bob, thanks "
	  "for the tip! Hello @carl too.", NULL, NULL, "Maria Jones",
	  "Bob Smith", "en", "greeting:@carl" },
	{ "en: a reply in Dutch to an English comment", "Bedankt voor je "
	  "bericht, we sturen het vandaag nog op!", NULL, NULL, "Maria Jones",
	  NULL, "en", "language:" },
	/* nl */
	{ "nl: the shop's name with a letter missing", "Bedankt voor je "
	  "bestelling bij Tulp & Tea!", NULL, "Tulip & Tea", NULL, NULL,
	  NULL, "protected-word:Tulp & Tea" },
	{ "nl: tulpen are flowers", "De tulpen staan vandaag in de winkel.",
	  NULL, "Tulip & Tea", NULL, NULL, NULL, "" },
	{ "nl: Hoi to the wrong person", "Hoi Sanne, dank je wel!", NULL,
	  NULL, "Lotte Jansen", NULL, "nl", "greeting:Sanne" },
	{ "nl: Beste to everyone", "Beste allemaal, de winkel is open.", NULL,
	  NULL, "Lotte Jansen", NULL, "nl", "" },
	/* ro */
	{ "ro: a name without its diacritic", "Mulțumim că ați ales "
	  "Ceainaria Ada!", "Ceainăria Ada", NULL, NULL, NULL, NULL,
	  "protected-word:Ceainaria Ada" },
	{ "ro: Bună ziua greets nobody", "Bună ziua! Comanda a plecat.",
	  NULL, NULL, "Ioana Radu", NULL, "ro", "" },
	{ "ro: Bună to the wrong person", "Bună Maria, îmi pare rău.", NULL,
	  NULL, "Ioana Radu", NULL, "ro", "greeting:Maria" },
	/* de */
	{ "de: a doubled letter", "Viele Grüße vom Blumenhaus Mülller",
	  "Blumenhaus Müller", NULL, NULL, NULL, NULL,
	  "protected-word:Blumenhaus Mülller" },
	{ "de: Liebe to the customer", "Liebe Anna, danke für die "
	  "Bestellung!", NULL, NULL, "Anna Müller", NULL, "de", "" },
	{ "de: Liebe to someone else", "Liebe Petra, danke für die "
	  "Bestellung!", NULL, NULL, "Anna Müller", NULL, "de",
	  "greeting:Petra" },
	/* fr */
	{ "fr: a swap in the last word of a name", "Merci pour votre "
	  "commande chez Fleurs de Lnue !", "Fleurs de Lune", NULL, NULL,
	  NULL, NULL, "protected-word:Fleurs de Lnue" },
	{ "fr: la lune is the moon", "La lune est belle ce soir.",
	  "Fleurs de Lune", NULL, NULL, NULL, NULL, "" },
	{ "fr: Bonjour to the customer", "Bonjour Claire, merci !", NULL,
	  NULL, "Claire Dubois", NULL, "fr", "" },
	/* es */
	{ "es: a name without its accent is hers", "Hola Lucia, gracias "
	  "por tu pedido.", NULL, NULL, "Lucía García", NULL, "es", "" },
	{ "es: a doubled letter in a short word of a name", "Gracias por "
	  "comprar en Flores del Sool.", "Flores del Sol", NULL, NULL, NULL,
	  NULL, "protected-word:Flores del Sool" },
	{ "es: a reply in English to a Spanish comment", "Thank you so much, "
	  "we will send it today!", NULL, NULL, "Lucía García", NULL, "es",
	  "language:" },
	/* ar */
	{ "ar: the shop's Latin name in Arabic text", "شكرا لتسوقك من "
	  "Tulip & Tae", NULL, "Tulip & Tea", NULL, NULL, NULL,
	  "protected-word:Tulip & Tae" },
	{ "ar: greeting the customer", "مرحبا أحمد، شكرا لك", NULL, NULL,
	  "أحمد علي", NULL, "ar", "" },
	{ "ar: greeting someone else", "مرحبا سارة، شكرا لك", NULL, NULL,
	  "أحمد علي", NULL, "ar", "greeting:سارة" },
	{ "ar: alef maksura for ya is a spelling of the same name", "أهلا "
	  "بكم في بيت الشاي", "بيت الشاى", NULL, NULL, NULL, NULL, "" },
	{ "ar: a letter missing from an Arabic name blocks", "أهلا بكم في "
	  "بيت الشي", "بيت الشاى", NULL, NULL, NULL, NULL,
	  "protected-word:بيت الشي" },
	/* zh */
	{ "zh: the shop's Latin name in Chinese text", "感谢您选择Tulip & "
	  "Tae！", NULL, "Tulip & Tea", NULL, NULL, NULL,
	  "protected-word:Tulip & Tae" },
	{ "zh: greeting someone else", "王芳，你好！感谢您的耐心。", NULL,
	  NULL, "李娜", NULL, "zh", "greeting:王芳" },
	{ "zh: greeting the customer", "李娜，你好！感谢您的耐心。", NULL,
	  NULL, "李娜", NULL, "zh", "" },
	{ "zh: a reply in English to a Chinese comment", "Thanks, we ship "
	  "to Germany and it will be there soon!", NULL, NULL, "李娜", NULL,
	  "zh", "language:" },
	/* order of weight */
	{ "blocks come first, then by place", "Hi Anna, your {order} from "
	  "Bubrerry", "Burberry", NULL, "Maria Jones", NULL, NULL,
	  "placeholder:{order};protected-word:Bubrerry;greeting:Anna" },
};

/* Each reply of the table gives exactly its findings. */
static void
test_guard_table_gives_exact_findings(void **state)
{
	struct guard_input	 in;
	struct guard_report	 r;
	const struct guard_case	*c;
	const char		*names[8];
	char			 buf[256], **prot, *got, *cause = NULL;
	size_t			 i, np;
	int			 bad = 0;

	(void)state;
	for (i = 0; i < nitems(guard_cases); i++) {
		c = &guard_cases[i];
		memset(&in, 0, sizeof in);
		assert_int_equal(guard_protect_parse(c->protect != NULL ?
		    c->protect : "", &prot, &np, &cause), 0);
		in.text = c->text;
		in.protect = (const char *const *)prot;
		in.nprotect = np;
		in.shop_name = c->shop;
		in.customer_name = c->customer;
		in.customer_lang = c->lang;
		in.thread_names = names;
		in.nthread_names = guard_case_names(c->thread, buf, sizeof buf,
		    names);
		guard_check(&in, &r);
		got = guard_case_summary(c->text, &r, -1, 0);
		if (strcmp(got, c->want) != 0) {
			print_error("%s:\n  got  \"%s\"\n  want \"%s\"\n",
			    c->what, got, c->want);
			bad++;
		}
		assert_int_equal(guard_blocks(&r), strstr(c->want,
		    "placeholder:") != NULL || strstr(c->want,
		    "protected-word:") != NULL);
		free(got);
		guard_free(&r);
		guard_protect_free(prot, np);
	}
	assert_int_equal(bad, 0);
}

/* A finding of a protected word says what was meant, with its span. */
static void
test_guard_protected_word_has_span_and_suggestion(void **state)
{
	static const char *const prot[] = { "Burberry" };
	struct guard_input	 in;
	struct guard_report	 r;

	(void)state;
	memset(&in, 0, sizeof in);
	in.text = "Our Bubrerry sale";
	in.protect = prot;
	in.nprotect = 1;
	guard_check(&in, &r);
	assert_int_equal(r.n, 1);
	assert_int_equal(r.v[0].kind, GUARD_PROTECTED);
	assert_int_equal(r.v[0].severity, GUARD_BLOCK);
	assert_int_equal(r.v[0].start, 4);
	assert_int_equal(r.v[0].len, 8);
	assert_string_equal(r.v[0].suggestion, "Burberry");
	assert_string_equal(guard_kind_name(r.v[0].kind), "protected-word");
	guard_free(&r);
}

/* More than three customers given the same words today: automated. */
static void
test_guard_same_text_to_many_reads_as_automated(void **state)
{
	static const char *const four[] = {
		"Hi Anna, thanks so much for your order, it ships today!",
		"Hi Bob, thanks so much for your order, it ships today!",
		"Hi @carla, thanks so much for your order, it ships today!",
		"Hi Dirk, Thanks so much for your  order, it ships today!",
		"Something else entirely, about your 2 cups.",
	};
	struct guard_input	 in;
	struct guard_report	 r;

	(void)state;
	memset(&in, 0, sizeof in);
	in.text = "Hi Eve, thanks so much for your order, it ships today!";
	in.recent = four;
	in.nrecent = 5;
	guard_check(&in, &r);
	assert_int_equal(r.n, 1);
	assert_int_equal(r.v[0].kind, GUARD_AUTOMATED);
	assert_int_equal(r.v[0].severity, GUARD_WARN);
	assert_int_equal(r.v[0].len, 0);
	guard_free(&r);
	in.nrecent = 3;		/* three: not yet more than three */
	guard_check(&in, &r);
	assert_int_equal(r.n, 0);
	guard_free(&r);
}

/* A parent deleted or hidden since it was read warns, whole-text. */
static void
test_guard_parent_deleted_or_hidden_warns(void **state)
{
	struct guard_input	 in;
	struct guard_report	 r;

	(void)state;
	memset(&in, 0, sizeof in);
	in.text = "Thanks!";
	in.parent_hidden = 1;
	guard_check(&in, &r);
	assert_int_equal(r.n, 1);
	assert_int_equal(r.v[0].kind, GUARD_PARENT_HIDDEN);
	guard_free(&r);
	in.parent_deleted = 1;
	guard_check(&in, &r);
	assert_int_equal(r.n, 1);
	assert_int_equal(r.v[0].kind, GUARD_PARENT_DELETED);
	assert_int_equal(guard_blocks(&r), 0);
	guard_free(&r);
}

/* guard_fill fills the first name and the shop, leaves the rest. */
static void
test_guard_fill_names_and_shop(void **state)
{
	static const struct {
		const char	*text, *customer, *shop, *want;
	} cases[] = {
		{ "Hi {name}, love from {shop}! {order}", "Maria Jones",
		  "Tulip & Tea", "Hi Maria, love from Tulip & Tea! {order}" },
		{ "Dear {first_name} {NAME}", "Ana", NULL, "Dear Ana Ana" },
		{ "Hi {name} from {shop}", "@maria.j", NULL,
		  "Hi {name} from {shop}" },
		{ "Hi {name}", "maria_jones88", "Shop", "Hi {name}" },
		{ "你好{name}", "李娜", NULL, "你好李娜" },
		{ "{name", "Maria", NULL, "{name" },
		{ "Hi {name}", NULL, NULL, "Hi {name}" },
	};
	size_t	i;
	char	*got;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		got = guard_fill(cases[i].text, cases[i].customer,
		    cases[i].shop);
		assert_string_equal(got, cases[i].want);
		free(got);
	}
}

/* protect is split at commas, with quotes around a name with a comma. */
static void
test_guard_protect_parse_splits_and_refuses(void **state)
{
	char	**w, *cause = NULL;
	size_t	 n;

	(void)state;
	assert_int_equal(guard_protect_parse("Burberry, \"Tulip, Tea & Co\","
	    " Marloes ,, ", &w, &n, &cause), 0);
	assert_int_equal(n, 3);
	assert_string_equal(w[0], "Burberry");
	assert_string_equal(w[1], "Tulip, Tea & Co");
	assert_string_equal(w[2], "Marloes");
	guard_protect_free(w, n);
	assert_int_equal(guard_protect_parse("\"Tulip", &w, &n, &cause), -1);
	assert_non_null(strstr(cause, "quote"));
	free(cause);
}

/* The guesser tells the eight languages, and nothing when unsure. */
static void
test_guard_lang_guess(void **state)
{
	static const struct {
		const char	*text, *want;
	} cases[] = {
		{ "Thank you so much, we will send it today!", "en" },
		{ "Bedankt voor je bericht, we sturen het vandaag op.", "nl" },
		{ "Mulțumim pentru comandă, o trimitem mâine.", "ro" },
		{ "Vielen Dank für die Bestellung, wir schicken sie heute.",
		  "de" },
		{ "Merci pour votre commande, nous l'envoyons demain.", "fr" },
		{ "Gracias por tu pedido, lo enviamos mañana.", "es" },
		{ "شكرا لك على طلبك، سنرسله غدا", "ar" },
		{ "感谢您的订单，我们明天发货。", "zh" },
		{ "OK", NULL },
		{ "Tulip & Tea", NULL },
		{ "", NULL },
	};
	const char	*got;
	size_t		 i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		got = guard_lang_guess(cases[i].text);
		if (cases[i].want == NULL)
			assert_null(got);
		else {
			assert_non_null(got);
			assert_string_equal(got, cases[i].want);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_guard_table_gives_exact_findings),
		cmocka_unit_test(
		    test_guard_protected_word_has_span_and_suggestion),
		cmocka_unit_test(
		    test_guard_same_text_to_many_reads_as_automated),
		cmocka_unit_test(test_guard_parent_deleted_or_hidden_warns),
		cmocka_unit_test(test_guard_fill_names_and_shop),
		cmocka_unit_test(test_guard_protect_parse_splits_and_refuses),
		cmocka_unit_test(test_guard_lang_guess),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
