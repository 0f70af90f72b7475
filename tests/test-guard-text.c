/*
 * test-guard-text.c -- what the guard reads in the words of a reply
 * (guard.h), in eight languages: the placeholders of a saved reply left
 * in and the brackets that are not one.
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
	{ "en: an emoticon heart and smile", "We <3 you (: see you soon >", "" },
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
	{ "zh: 【客户姓名】 and [订单号]", "您好【客户姓名】，您的订单[订单号]已发货。",
	  "placeholder:【客户姓名】;placeholder:[订单号]" },
	{ "zh: a heading in 【】", "【重要】我们周一不营业。", "" },
	{ "zh: a label in 【】 with its value", "【订单号】：A12345，已发货。",
	  "" },
};

/* The findings of a report as "kind:span;kind:span"; new string. */
static char *
guard_text_summary(const char *text, const struct guard_report *r)
{
	struct buf	b;
	size_t		i;

	buf_init(&b, 0);
	for (i = 0; i < r->n; i++) {
		buf_printf(&b, "%s%s:%.*s", i > 0 ? ";" : "",
		    guard_kind_name(r->v[i].kind), (int)r->v[i].len,
		    text + r->v[i].start);
	}
	return buf_steal(&b);
}

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
		got = guard_text_summary(c->text, &r);
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    test_guard_text_placeholders_block_and_others_do_not),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
