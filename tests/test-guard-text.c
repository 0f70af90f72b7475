/*
 * test-guard-text.c -- what the guard reads in the words of a reply
 * (guard.h), in eight languages: the placeholders of a saved reply left
 * in and the brackets that are not one; the same reply sent to many,
 * whatever name it carries and wherever; and the order of the findings
 * by weight.
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

/* A reply and the placeholders the guard must find in it. */
struct guard_text_case {
	const char	*what;
	const char	*text;
	const char	*want;		/* "kind:span;kind:span", "" none */
};

static const struct guard_text_case guard_text_placeholders[] = {
	/* en: slots named in Title Case or by a slot word block */
	{ "en: [Customer Name]", "Hi [Customer Name], thanks for your "
	  "order!", "placeholder:[Customer Name]" },
	{ "en: [Your Name] as a signature", "Best wishes,\n[Your Name]",
	  "placeholder:[Your Name]" },
	{ "en: [Product Name] and [Tracking Link]", "The [Product Name] "
	  "ships today: [Tracking Link]", "placeholder:[Product Name];"
	  "placeholder:[Tracking Link]" },
	{ "en: [order #]", "Your order [order #] is on its way.",
	  "placeholder:[order #]" },
	{ "en: a slot word in lower case", "Hi [your name here], thanks!",
	  "placeholder:[your name here]" },
	{ "en: <Customer Name> in angle brackets", "Dear <Customer Name>, "
	  "thank you.", "placeholder:<Customer Name>" },
	{ "en: %NAME% and %%first_name%%", "Hi %NAME%, and %%first_name%% "
	  "too", "placeholder:%NAME%;placeholder:%%first_name%%" },
	{ "en: $NAME and ${order_id}", "Hi $NAME, your order ${order_id} "
	  "ships today", "placeholder:$NAME;placeholder:${order_id}" },
	{ "en: {{name}} as a whole", "Hi {{name}}, thanks!",
	  "placeholder:{{name}}" },
	{ "en: [#]", "Your order number is [#].", "placeholder:[#]" },
	/* en: brackets that are no slot */
	{ "en: a footnote number", "As we said [1], it ships today.", "" },
	{ "en: [sic]", "She wrote \"teh\" [sic] in her comment.", "" },
	{ "en: [link removed] is an editor's note", "Your comment had a "
	  "link [link removed] and was hidden.", "" },
	{ "en: [Update] is an editor's note", "[Update] It shipped this "
	  "morning.", "" },
	{ "en: an emoticon heart and smile", "We <3 you (: see you soon >",
	  "" },
	{ "en: a sentence in brackets", "See you Tuesday [we are closed on "
	  "Monday] and thanks!", "" },
	{ "en: a long Title Case aside", "[We Are Closed On Monday Evening] "
	  "sorry!", "" },
	{ "en: a lower-case word in brackets", "It was [almost] perfect.", "" },
	{ "en: one capitalised word is no slot, in capitals it is", "[Sale] "
	  "for [FIRSTNAME]", "placeholder:[FIRSTNAME]" },
	{ "en: a slot of two capitalised words", "Ships by [Courier Service]",
	  "placeholder:[Courier Service]" },
	{ "en: an order code with a digit", "Use the code [LENTE20] today.",
	  "" },
	{ "en: percentages and prices", "20% off, then 30% off: $5 or $10, "
	  "US$20.", "" },
	{ "en: a link and an address in angle brackets", "Track it at "
	  "<https://t.example/order/name> or write to <name@example.org>",
	  "" },
	{ "en: a Markdown link", "See [our opening hours](https://example."
	  "org/hours).", "" },
	/* nl */
	{ "nl: [naam] and [bestelnummer]", "Hoi [naam], je bestelling "
	  "[bestelnummer] is onderweg.", "placeholder:[naam];"
	  "placeholder:[bestelnummer]" },
	{ "nl: [Klantnaam], a compound of naam", "Beste [Klantnaam], "
	  "bedankt!", "placeholder:[Klantnaam]" },
	{ "nl: a day in brackets", "Wij zijn [maandag] gesloten.", "" },
	/* ro */
	{ "ro: [Nume] and [număr comandă]", "Bună [Nume], comanda "
	  "[număr comandă] a plecat.", "placeholder:[Nume];"
	  "placeholder:[număr comandă]" },
	{ "ro: [comanda] without its diacritic", "Comanda ta [comanda] a "
	  "plecat.", "placeholder:[comanda]" },
	{ "ro: a short aside", "Vă mulțumim [din suflet]!", "" },
	/* de */
	{ "de: [Kundenname] and [Bestellnummer]", "Hallo [Kundenname], Ihre "
	  "[Bestellnummer] ist unterwegs.", "placeholder:[Kundenname];"
	  "placeholder:[Bestellnummer]" },
	{ "de: [Lieferdatum]", "Sie kommt am [Lieferdatum].",
	  "placeholder:[Lieferdatum]" },
	{ "de: [Bild entfernt] is an editor's note", "Danke für das Foto "
	  "[Bild entfernt]!", "" },
	/* fr */
	{ "fr: [Prénom] and [numéro de commande]", "Bonjour [Prénom], votre "
	  "commande [numéro de commande] est partie.", "placeholder:[Prénom];"
	  "placeholder:[numéro de commande]" },
	{ "fr: [lien]", "Suivez-la ici : [lien]", "placeholder:[lien]" },
	{ "fr: an emoticon", "Merci (: à bientôt", "" },
	/* es */
	{ "es: [nombre del cliente] and [número de pedido]", "Hola [nombre "
	  "del cliente], tu pedido [número de pedido] ya salió.",
	  "placeholder:[nombre del cliente];placeholder:[número de pedido]" },
	{ "es: [sic] and a footnote", "Dijo \"grasias\" [sic] [2].", "" },
	/* ar */
	{ "ar: [اسم العميل] and [رقم الطلب]", "مرحبا [اسم العميل]، طلبك "
	  "[رقم الطلب] في الطريق", "placeholder:[اسم العميل];"
	  "placeholder:[رقم الطلب]" },
	{ "ar: a sentence in brackets", "شكرا لك [نحن مغلقون يوم الاثنين "
	  "كله]", "" },
	{ "ar: a word in brackets", "شكرا [جزيلا]", "" },
	/* zh */
	{ "zh: 【客户姓名】 and [订单号]",
	  "您好【客户姓名】，您的订单[订单号]已发货。",
	  "placeholder:【客户姓名】;placeholder:[订单号]" },
	{ "zh: a heading in 【】", "【重要】我们周一不营业。", "" },
	{ "zh: a label in 【】 with its value", "【订单号】：A12345，已发货。",
	  "" },
};

/* Each reply of the table gives exactly its placeholders, which block. */
static void
test_guard_text_placeholders_block_and_others_do_not(void **state)
{
	const struct guard_text_case	*c;
	struct guard_input		 in;
	struct guard_report		 r;
	char				*got;
	size_t				 i;
	int				 bad = 0;

	(void)state;
	for (i = 0; i < nitems(guard_text_placeholders); i++) {
		c = &guard_text_placeholders[i];
		memset(&in, 0, sizeof in);
		in.text = c->text;
		guard_check(&in, &r);
		got = guard_case_summary(c->text, &r, -1, 0);
		if (strcmp(got, c->want) != 0) {
			print_error("%s:\n  got  \"%s\"\n  want \"%s\"\n",
			    c->what, got, c->want);
			bad++;
		}
		if (guard_blocks(&r) != (*c->want != '\0')) {
			print_error("%s: blocks %d\n", c->what,
			    guard_blocks(&r));
			bad++;
		}
		free(got);
		guard_free(&r);
	}
	assert_int_equal(bad, 0);
}

/* A reply and four of the shop's texts of the day. */
struct guard_same_case {
	const char	*what;
	const char	*text;
	const char	*recent[4];
	int		 automated;	/* whether it reads as automated */
};

static const struct guard_same_case guard_text_same[] = {
	/* en */
	{ "en: the same text, no name", "Thanks so much for your order, it "
	  "ships today!", { "Thanks so much for your order, it ships today!",
	  "Thanks so much for your order, it ships today!", "Thanks so much "
	  "for your order, it ships today!", "thanks so much for your order "
	  "- it ships today" }, 1 },
	{ "en: the name opens the text", "Anna, thanks so much for your "
	  "order, it ships today!", { "Bob, thanks so much for your order, "
	  "it ships today!", "Carla, thanks so much for your order, it ships "
	  "today!", "Dirk, thanks so much for your order, it ships today!",
	  "Eve, thanks so much for your order, it ships today!" }, 1 },
	{ "en: names in lower case", "Hi anna, thanks so much for your "
	  "order, it ships today!", { "Hi bob, thanks so much for your "
	  "order, it ships today!", "hi carla, thanks so much for your "
	  "order, it ships today!", "Hi dirk, thanks so much for your order, "
	  "it ships today!", "Hi eve, thanks so much for your order, it "
	  "ships today!" }, 1 },
	{ "en: names of one to three words, with particles", "Hi Bob de "
	  "Vries, thanks so much for your order, it ships today!", { "Hi "
	  "Anna, thanks so much for your order, it ships today!", "Hi Maria "
	  "José García, thanks so much for your order, it ships today!",
	  "Hi Jan van der Berg, thanks so much for your order, it ships "
	  "today!", "Hi Anna de Wit, thanks so much for your order, it ships "
	  "today!" }, 1 },
	{ "en: the name twice, and once left out", "Hi Anna, thanks so much "
	  "for your order, it ships today! Love to you, Anna", { "Hi Bob "
	  "Smith, thanks so much for your order, it ships today! Love to "
	  "you, Bob", "Hi Carla, thanks so much for your order, it ships "
	  "today! Love to you, Carla", "Hi Dirk, thanks so much for your "
	  "order, it ships today! Love to you", "Hi Eve, thanks so much for "
	  "your order, it ships today! Love to you, Eve" }, 1 },
	{ "en: handles, numbers and links aside", "Hi @anna_k, order 1041 "
	  "ships today: track it at https://t.example/x1 and thanks!",
	  { "Hi @bob, order 1042 ships today: track it at https://t.example"
	  "/y7 and thanks!", "Hi @carla, order 1043 ships today: track it "
	  "at http://t.example/zz and thanks!", "Hi @dirk.v, order 1044 "
	  "ships today: track it at www.t.example/q and thanks!", "Hi @eve, "
	  "order 1045 ships today: track it at https://t.example/w and "
	  "thanks!" }, 1 },
	{ "en: the same greeting and sign-off, other words", "Hi Anna, "
	  "sorry the parcel was late, we send a new one today. Love, Tulip & "
	  "Tea", { "Hi Bob, thanks for the lovely photo of your garden! "
	  "Love, Tulip & Tea", "Hi Carla, yes, the blue teapot is back in "
	  "stock. Love, Tulip & Tea", "Hi Dirk, we open at nine on Saturday. "
	  "Love, Tulip & Tea", "Hi Eve, the mug is dishwasher safe. Love, "
	  "Tulip & Tea" }, 0 },
	{ "en: short words between the same greeting and sign-off", "Hi "
	  "Anna, thank you! Love from all of us at Tulip & Tea", { "Hi Bob, "
	  "so sorry! Love from all of us at Tulip & Tea", "Hi Carla, see you "
	  "soon! Love from all of us at Tulip & Tea", "Hi Dirk, happy "
	  "birthday! Love from all of us at Tulip & Tea", "Hi Eve, you are "
	  "welcome! Love from all of us at Tulip & Tea" }, 0 },
	{ "en: the same frame, another word in it as well as the name",
	  "Thanks Anna for the lovely photo! Love, Tulip & Tea", { "Thanks "
	  "Bob for the kind words! Love, Tulip & Tea", "Thanks Carla for the "
	  "lovely review! Love, Tulip & Tea", "Thanks Dirk for the sweet "
	  "note! Love, Tulip & Tea", "Thanks Eve for the great idea! Love, "
	  "Tulip & Tea" }, 0 },
	{ "en: too short to tell", "Thanks Anna!", { "Thanks Bob!", "Thanks "
	  "Carla!", "Thanks Dirk!", "Thanks Eve!" }, 0 },
	/* nl */
	{ "nl: a name of two words and a double name", "Hoi Sanne, bedankt "
	  "voor je bestelling! We sturen hem vandaag op.", { "Hoi Lotte de "
	  "Jong, bedankt voor je bestelling! We sturen hem vandaag op.",
	  "Hoi Jan-Willem, bedankt voor je bestelling! We sturen hem vandaag "
	  "op.", "hoi karin, bedankt voor je bestelling! we sturen hem "
	  "vandaag op", "Hoi Femke, bedankt voor je bestelling! We sturen hem "
	  "vandaag op." }, 1 },
	/* ro */
	{ "ro: with and without diacritics", "Bună ziua Ioana, mulțumim "
	  "pentru comandă! O trimitem mâine.", { "Buna ziua Maria, multumim "
	  "pentru comanda! O trimitem maine.", "Bună ziua Andrei Popescu, "
	  "mulţumim pentru comandă! O trimitem mâine.", "Bună ziua Elena, "
	  "mulțumim pentru comandă! O trimitem mâine.", "Bună ziua Radu, "
	  "mulțumim pentru comandă! O trimitem mâine." }, 1 },
	/* de */
	{ "de: a greeting that follows the name's gender", "Liebe Anna, "
	  "vielen Dank für die Bestellung! Wir schicken sie heute.",
	  { "Lieber Herr Müller, vielen Dank für die Bestellung! Wir schicken "
	  "sie heute.", "Liebe Frau Schmidt, vielen Dank für die Bestellung! "
	  "Wir schicken sie heute.", "Lieber Jonas, vielen Dank für die "
	  "Bestellung! Wir schicken sie heute.", "Liebe Petra, vielen Dank "
	  "für die Bestellung! Wir schicken sie heute." }, 1 },
	{ "de: other replies", "Liebe Anna, vielen Dank für die Bestellung! "
	  "Wir schicken sie heute.", { "Lieber Jonas, die Tasse ist leider "
	  "ausverkauft.", "Liebe Petra, wir haben am Montag geschlossen.",
	  "Lieber Herr Müller, das Paket kommt morgen an.", "Liebe Frau "
	  "Schmidt, danke für das schöne Foto!" }, 0 },
	/* fr */
	{ "fr: a hyphenated name", "Bonjour Claire, merci pour votre "
	  "commande ! Nous l'envoyons demain.", { "Bonjour Jean-Pierre, merci "
	  "pour votre commande ! Nous l'envoyons demain.", "Bonjour Zoé, "
	  "merci pour votre commande ! Nous l'envoyons demain.", "Bonjour "
	  "Marie Dubois, merci pour votre commande ! Nous l'envoyons demain.",
	  "Bonjour Luc, merci pour votre commande ! Nous l'envoyons "
	  "demain." }, 1 },
	/* es */
	{ "es: accents and case", "¡Hola Lucía! Gracias por tu pedido, lo "
	  "enviamos mañana.", { "¡Hola lucia! Gracias por tu pedido, lo "
	  "enviamos manana.", "¡Hola Carlos Ruiz! Gracias por tu pedido, lo "
	  "enviamos mañana.", "Hola Sofía, gracias por tu pedido, lo enviamos "
	  "mañana", "¡Hola Pablo! Gracias por tu pedido, lo enviamos "
	  "mañana." }, 1 },
	/* ar */
	{ "ar: names and vowel marks", "مرحبا أحمد، شكرا لك على طلبك، "
	  "سنرسله غدا", { "مرحباً سارة، شكرا لك على طلبك، سنرسله غدا", "مرحبا "
	  "محمد بن سلمان، شكرا لك على طلبك، سنرسله غدا", "مرحبا فاطمة، شكراً "
	  "لك على طلبك، سنرسله غدا", "مرحبا علي، شكرا لك على طلبك، سنرسله "
	  "غدا" }, 1 },
	{ "ar: other replies", "مرحبا أحمد، شكرا لك على طلبك، سنرسله غدا",
	  { "مرحبا سارة، نعتذر عن التأخير في الشحن", "مرحبا محمد، المتجر "
	  "مغلق يوم الاثنين", "مرحبا فاطمة، الكوب متوفر الآن باللون الأزرق",
	  "مرحبا علي، يمكنك الدفع عند الاستلام" }, 0 },
	/* zh */
	{ "zh: names of two to four characters", "谢谢王芳，感谢您的耐心，"
	  "我们明天发货。", { "谢谢李娜，感谢您的耐心，我们明天发货。",
	  "谢谢欧阳娜娜，感谢您的耐心，我们明天发货。",
	  "谢谢张伟，感谢您的耐心，我们明天发货。",
	  "谢谢王小明，感谢您的耐心，我们明天发货！" }, 1 },
	{ "zh: other replies", "谢谢王芳，感谢您的耐心，我们明天发货。",
	  { "谢谢李娜，这款茶壶已经卖完了。", "谢谢张伟，我们周一不营业。",
	  "谢谢欧阳娜娜，包裹明天会到。",
	  "谢谢王小明，很高兴您喜欢这个杯子！" }, 0 },
};

/* Whether a report holds a finding of a kind. */
static int
guard_text_has(const struct guard_report *r, int kind)
{
	size_t	i;

	for (i = 0; i < r->n; i++) {
		if (r->v[i].kind == kind)
			return 1;
	}
	return 0;
}

/*
 * A reply alike four of the day's texts but for a name (of one to three
 * words, anywhere, in any case, with or without accents) reads as
 * automated; replies that only share a greeting and a sign-off do not.
 */
static void
test_guard_text_same_reply_reads_as_automated(void **state)
{
	const struct guard_same_case	*c;
	struct guard_input		 in;
	struct guard_report		 r;
	size_t				 i;
	int				 bad = 0;

	(void)state;
	for (i = 0; i < nitems(guard_text_same); i++) {
		c = &guard_text_same[i];
		memset(&in, 0, sizeof in);
		in.text = c->text;
		in.recent = c->recent;
		in.nrecent = 4;
		guard_check(&in, &r);
		if (guard_text_has(&r, GUARD_AUTOMATED) != c->automated) {
			print_error("%s: automated %d, want %d\n", c->what,
			    !c->automated, c->automated);
			bad++;
		}
		if (r.n != (size_t)c->automated) {
			print_error("%s: %zu findings\n", c->what, r.n);
			bad++;
		}
		guard_free(&r);
		in.nrecent = 3;		/* three are not more than three */
		guard_check(&in, &r);
		if (guard_text_has(&r, GUARD_AUTOMATED)) {
			print_error("%s: automated with three\n", c->what);
			bad++;
		}
		guard_free(&r);
	}
	assert_int_equal(bad, 0);
}

/*
 * Blocks come first, by place; then what is about the whole reply or
 * whom it answers (the parent gone, the same text to many, the language,
 * the greeting); then the other spans; spelling last.
 */
static void
test_guard_text_order_of_weight(void **state)
{
	static const char *const recent[] = {
		"Hi Bob, your {order} from Bubrerry is on its wya now!",
		"Hi Carla, your {order} from Bubrerry is on its wya now!",
		"Hi Dirk, your {order} from Bubrerry is on its wya now!",
		"Hi Eve, your {order} from Bubrerry is on its wya now!",
	};
	static const char *const prot[] = { "Burberry" };
	static const char *const text = "Hi Anna, your {order} from Bubrerry "
	    "is on its wya now!";
	struct guard_input	 in;
	struct guard_report	 r;
	char			*got;

	(void)state;
	memset(&in, 0, sizeof in);
	in.text = text;
	in.protect = prot;
	in.nprotect = 1;
	in.customer_name = "Maria Jones";
	in.customer_lang = "nl";
	in.recent = recent;
	in.nrecent = 4;
	in.parent_deleted = 1;
	guard_check(&in, &r);
	guard_add(&r, GUARD_SPELLING, GUARD_WARN, 46, 3, "\"wya\" is not in "
	    "the en_GB dictionary", "way");
	guard_add(&r, GUARD_SPELLING, GUARD_WARN, 0, 0, "a note on spelling",
	    NULL);
	guard_sort(&r);
	got = guard_case_summary(text, &r, -1, 0);
	assert_string_equal(got, "placeholder:{order};protected-word:Bubrerry;"
	    "parent-deleted:;automated:;language:;greeting:Anna;spelling:wya;"
	    "spelling:");
	free(got);
	guard_free(&r);
}

/* The order holds however the findings were added. */
static void
test_guard_text_order_does_not_depend_on_adding(void **state)
{
	struct guard_report	r;
	char			*got;

	(void)state;
	memset(&r, 0, sizeof r);
	guard_add(&r, GUARD_SPELLING, GUARD_WARN, 0, 3, "s", NULL);
	guard_add(&r, GUARD_GREETING, GUARD_WARN, 10, 4, "g", NULL);
	guard_add(&r, GUARD_PARENT_HIDDEN, GUARD_WARN, 0, 0, "h", NULL);
	guard_add(&r, GUARD_LANGUAGE, GUARD_WARN, 0, 0, "l", NULL);
	guard_add(&r, GUARD_PLACEHOLDER, GUARD_BLOCK, 20, 3, "p", NULL);
	guard_add(&r, GUARD_AUTOMATED, GUARD_WARN, 0, 0, "a", NULL);
	guard_add(&r, GUARD_PROTECTED, GUARD_BLOCK, 5, 3, "w", NULL);
	guard_sort(&r);
	got = guard_case_summary("abcdefghijklmnopqrstuvwxyz", &r, -1, 0);
	assert_string_equal(got, "protected-word:fgh;placeholder:uvw;"
	    "parent-hidden:;automated:;language:;greeting:klmn;spelling:abc");
	free(got);
	guard_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    test_guard_text_placeholders_block_and_others_do_not),
		cmocka_unit_test(test_guard_text_same_reply_reads_as_automated),
		cmocka_unit_test(test_guard_text_order_of_weight),
		cmocka_unit_test(
		    test_guard_text_order_does_not_depend_on_adding),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
