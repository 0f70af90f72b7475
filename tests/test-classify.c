/*
 * test-classify.c -- the comment classifier (src/classify*.c): its
 * lexicons are well formed; tables of cases for each behaviour it
 * promises (negation in every language, each form of question mark,
 * questions without one, sarcasm, names imitating the shop's, links from
 * authors in many threads, follow-ups and shouting as urgency); and a
 * floor on the labelled sets of tests/data/classify, so that a change
 * that makes it worse fails.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classify.h"
#include "util.h"

#include "lib/data.h"

#define ANY	(-1)

/* One case: a text with its signals, and what it must give. */
struct classify_case {
	const char	*lang;
	const char	*text;
	int		 kind;		/* enum classify_kind */
	int		 reply;		/* enum classify_reply, or ANY */
};

/* Classify text in lang with no other signal. */
static void
classify_plain(const char *lang, const char *text, struct classify_result *r)
{
	struct classify_signals	sig;

	memset(&sig, 0, sizeof sig);
	sig.lang = lang;
	classify_text(text, &sig, r);
}

/* Check a table of cases, naming the first that fails. */
static void
check_cases(const struct classify_case *c, size_t n)
{
	struct classify_result	r;
	size_t			i;

	for (i = 0; i < n; i++) {
		classify_plain(c[i].lang, c[i].text, &r);
		if ((int)r.kind != c[i].kind || (c[i].reply != ANY &&
		    (int)r.reply != c[i].reply))
			fail_msg("%s \"%s\": %s/%s (%s), expected %s/%s",
			    c[i].lang != NULL ? c[i].lang : "-", c[i].text,
			    classify_kind_name(r.kind),
			    classify_reply_name(r.reply), r.why,
			    classify_kind_name(c[i].kind), c[i].reply == ANY ?
			    "any" : classify_reply_name(c[i].reply));
	}
}

/* Every phrase of every lexicon is written as the classifier reads text,
 * and none comes twice. */
static void
test_classify_lexicons_are_well_formed(void **state)
{
	char	*cause = NULL;

	(void)state;
	if (classify_lexicon_check(&cause) != 0)
		fail_msg("%s", cause);
}

/* Praise after a negation is a complaint, before or after the word, in
 * every language; a negated complaint is none. */
static void
test_classify_negation_in_every_language(void **state)
{
	static const struct classify_case cases[] = {
		{ "en", "I'm not happy with my order at all",
		    CLASSIFY_COMPLAINT, CLASSIFY_REPLY_YES },
		{ "nl", "Ik ben niet tevreden over de kwaliteit",
		    CLASSIFY_COMPLAINT, CLASSIFY_REPLY_YES },
		{ "de", "Ich bin mit dem Service nicht zufrieden",
		    CLASSIFY_COMPLAINT, CLASSIFY_REPLY_YES },
		{ "de", "Das Kleid gefällt mir leider nicht",
		    CLASSIFY_COMPLAINT, CLASSIFY_REPLY_YES },
		{ "fr", "Je ne suis pas contente de la commande",
		    CLASSIFY_COMPLAINT, CLASSIFY_REPLY_YES },
		{ "fr", "Franchement ça ne me plaît pas", CLASSIFY_COMPLAINT,
		    CLASSIFY_REPLY_YES },
		{ "es", "La lámpara no funciona", CLASSIFY_COMPLAINT,
		    CLASSIFY_REPLY_YES },
		{ "ro", "Nu sunt mulțumită, aparatul nu merge",
		    CLASSIFY_COMPLAINT, CLASSIFY_REPLY_YES },
		{ "ar", "لم يصل الطلب", CLASSIFY_COMPLAINT, CLASSIFY_REPLY_YES },
		{ "ar", "غير راضي عن الخدمة", CLASSIFY_COMPLAINT,
		    CLASSIFY_REPLY_YES },
		{ "zh", "我还没收到货", CLASSIFY_COMPLAINT, CLASSIFY_REPLY_YES },
		{ "zh", "对这次购物很不满意", CLASSIFY_COMPLAINT,
		    CLASSIFY_REPLY_YES },
		{ "en", "Not bad at all for the price", CLASSIFY_PRAISE,
		    CLASSIFY_REPLY_NO },
		{ "nl", "Helemaal niet slecht!", CLASSIFY_PRAISE,
		    CLASSIFY_REPLY_NO },
		{ "fr", "Pas mal du tout", CLASSIFY_PRAISE, CLASSIFY_REPLY_NO },
		{ "en", "Never had such good coffee", CLASSIFY_PRAISE,
		    CLASSIFY_REPLY_NO },
		{ "zh", "店员非常热情", CLASSIFY_PRAISE, CLASSIFY_REPLY_NO },
	};

	(void)state;
	check_cases(cases, nitems(cases));
}

/*
 * A question the customer quotes (what the shop's staff said to them) is
 * not one they ask: the complaint around it decides.
 */
static void
test_classify_quoted_question_is_not_asked(void **state)
{
	static const struct classify_case cases[] = {
		{ "nl", "Het kopje had een scheur en hij zei letterlijk: \"Het "
		    "is tweede keus, wat verwacht je dan?\" En draaide zich om. "
		    "Niet de toon die ik van jullie gewend ben.",
		    CLASSIFY_COMPLAINT, CLASSIFY_REPLY_YES },
		{ "en", "The lid arrived broken and support just wrote \"have "
		    "you tried glue?\" Really disappointed.", CLASSIFY_COMPLAINT,
		    CLASSIFY_REPLY_YES },
	};

	(void)state;
	check_cases(cases, nitems(cases));
}

/* A question asks with ?, ？, ؟ or ¿, and without a mark by its form. */
static void
test_classify_question_forms(void **state)
{
	static const struct classify_case cases[] = {
		{ "en", "Open on Sunday?", CLASSIFY_QUESTION,
		    CLASSIFY_REPLY_YES },
		{ "zh", "周日开门？", CLASSIFY_QUESTION, CLASSIFY_REPLY_YES },
		{ "ar", "تفتحون يوم الجمعة؟", CLASSIFY_QUESTION,
		    CLASSIFY_REPLY_YES },
		{ "es", "¿Abren el domingo", CLASSIFY_QUESTION,
		    CLASSIFY_REPLY_YES },
		{ "en", "does anyone know if you ship to Ireland",
		    CLASSIFY_QUESTION, CLASSIFY_REPLY_YES },
		{ "nl", "Hebben jullie ook groene thee", CLASSIFY_QUESTION,
		    CLASSIFY_REPLY_YES },
		{ "de", "Gibt es das auch in Blau", CLASSIFY_QUESTION,
		    CLASSIFY_REPLY_YES },
		{ "fr", "Est-ce que vous livrez en Belgique",
		    CLASSIFY_QUESTION, CLASSIFY_REPLY_YES },
		{ "es", "Alguien sabe si se puede pagar con tarjeta",
		    CLASSIFY_QUESTION, CLASSIFY_REPLY_YES },
		{ "ro", "Aveți și mărimea M", CLASSIFY_QUESTION,
		    CLASSIFY_REPLY_YES },
		{ "ar", "هل يوجد توصيل الى جدة", CLASSIFY_QUESTION,
		    CLASSIFY_REPLY_YES },
		{ "zh", "周日开门吗", CLASSIFY_QUESTION, CLASSIFY_REPLY_YES },
		{ "zh", "这个好不好用", CLASSIFY_QUESTION, CLASSIFY_REPLY_YES },
		{ "fr", "c'est quand le prochain atelier", CLASSIFY_QUESTION,
		    CLASSIFY_REPLY_YES },
		{ "en", "Thanks so much! Do you also ship to Belgium?",
		    CLASSIFY_QUESTION, CLASSIFY_REPLY_YES },
		{ "en", "What a beautiful teapot!", CLASSIFY_PRAISE,
		    CLASSIFY_REPLY_NO },
		{ "nl", "Wat een mooie tas!", CLASSIFY_PRAISE,
		    CLASSIFY_REPLY_NO },
		{ "es", "¡Qué bonito!", CLASSIFY_PRAISE, CLASSIFY_REPLY_NO },
	};

	(void)state;
	check_cases(cases, nitems(cases));
}

/* A complaint asked as a question is a complaint; one a question only
 * supposes is not. */
static void
test_classify_complaints_asked_as_questions(void **state)
{
	static const struct classify_case cases[] = {
		{ "en", "Where is my order??", CLASSIFY_COMPLAINT,
		    CLASSIFY_REPLY_YES },
		{ "en", "Why has nobody answered my email?",
		    CLASSIFY_COMPLAINT, CLASSIFY_REPLY_YES },
		{ "de", "Warum antwortet hier niemand?", CLASSIFY_COMPLAINT,
		    CLASSIFY_REPLY_YES },
		{ "zh", "为什么没人回复消息？", CLASSIFY_COMPLAINT,
		    CLASSIFY_REPLY_YES },
		{ "en", "Can I return it if it arrives damaged?",
		    CLASSIFY_QUESTION, CLASSIFY_REPLY_YES },
		{ "nl", "Kan ik het nog aanpassen? Ik koos per ongeluk de "
		    "verkeerde kleur", CLASSIFY_QUESTION, CLASSIFY_REPLY_YES },
	};

	(void)state;
	check_cases(cases, nitems(cases));
}

/* Sarcasm turns praise into a complaint: a marker, an emoji, "/s", a
 * word of praise left alone after a complaint. */
static void
test_classify_sarcasm(void **state)
{
	static const struct classify_case cases[] = {
		{ "en", "Great, another week without my order 🙄",
		    CLASSIFY_COMPLAINT, CLASSIFY_REPLY_YES },
		{ "en", "Thanks for nothing", CLASSIFY_COMPLAINT,
		    CLASSIFY_REPLY_YES },
		{ "en", "Love waiting three weeks for a parcel /s",
		    CLASSIFY_COMPLAINT, CLASSIFY_REPLY_YES },
		{ "en", "Cancelled without a word. Lovely.",
		    CLASSIFY_COMPLAINT, CLASSIFY_REPLY_YES },
		{ "de", "Na toll, wieder kein Paket", CLASSIFY_COMPLAINT,
		    CLASSIFY_REPLY_YES },
		{ "en", "Great tea, lovely people", CLASSIFY_PRAISE,
		    CLASSIFY_REPLY_NO },
	};

	(void)state;
	check_cases(cases, nitems(cases));
}

/* Words in quotation marks are not the writer's own: what was iced on a
 * cake praises nothing. A text all in quotation marks is read. */
static void
test_classify_quoted_words_are_not_the_writers(void **state)
{
	static const struct classify_case cases[] = {
		{ "en", "They iced 'Happy retirement' on a wedding cake. Day "
		    "ruined.", CLASSIFY_COMPLAINT, CLASSIFY_REPLY_YES },
		{ "nl", "Er stond 'Fijne verjaardag' op de bruidstaart, dag "
		    "verpest", CLASSIFY_COMPLAINT, CLASSIFY_REPLY_YES },
		{ "zh", "蛋糕上写的是『生日快乐』，婚礼全毁了",
		    CLASSIFY_COMPLAINT, CLASSIFY_REPLY_YES },
		{ "en", "\"Best bakery in town\"", CLASSIFY_PRAISE,
		    CLASSIFY_REPLY_NO },
		{ "en", "don't know why, but I love it", CLASSIFY_PRAISE,
		    CLASSIFY_REPLY_NO },
	};

	(void)state;
	check_cases(cases, nitems(cases));
}

/* A choice offered in a clause asks, without a mark, in every language;
 * a complaint that is one side of it is only supposed; "or" in a set
 * phrase, or before a negation, asks nothing. */
static void
test_classify_choice_asks(void **state)
{
	static const struct classify_case cases[] = {
		{ "en", "the big teapot in white or in black",
		    CLASSIFY_QUESTION, CLASSIFY_REPLY_YES },
		{ "nl", "de thee los of in zakjes", CLASSIFY_QUESTION,
		    CLASSIFY_REPLY_YES },
		{ "de", "die Kerzen aus Soja oder aus Bienenwachs",
		    CLASSIFY_QUESTION, CLASSIFY_REPLY_YES },
		{ "fr", "le thé en vrac ou en sachets", CLASSIFY_QUESTION,
		    CLASSIFY_REPLY_YES },
		{ "es", "la camiseta de algodón o de lino", CLASSIFY_QUESTION,
		    CLASSIFY_REPLY_YES },
		{ "ro", "ceaiul vrac sau la plic", CLASSIFY_QUESTION,
		    CLASSIFY_REPLY_YES },
		{ "ar", "الشاي عندكم اخضر ولا الاسود", CLASSIFY_QUESTION,
		    CLASSIFY_REPLY_YES },
		{ "zh", "你们的茶是散装还是茶包", CLASSIFY_QUESTION,
		    CLASSIFY_REPLY_YES },
		{ "en", "Do these boots run small or large?", CLASSIFY_QUESTION,
		    CLASSIFY_REPLY_YES },
		{ "en", "It was more or less what I pictured", CLASSIFY_OTHER,
		    ANY },
		{ "zh", "等了十天还是没到", CLASSIFY_COMPLAINT,
		    CLASSIFY_REPLY_YES },
	};

	(void)state;
	check_cases(cases, nitems(cases));
}

/* Complaints without a classic word: sizes compared, an answer or a
 * telling denied, a wait since ordering, a product unlike its photo. */
static void
test_classify_complaints_by_their_shape(void **state)
{
	static const struct classify_case cases[] = {
		{ "en", "my usual M fits like an XL in this brand",
		    CLASSIFY_COMPLAINT, CLASSIFY_REPLY_YES },
		{ "nl", "de M valt als een XL", CLASSIFY_COMPLAINT,
		    CLASSIFY_REPLY_YES },
		{ "de", "Drei Mails geschickt und keine einzige Rückmeldung",
		    CLASSIFY_COMPLAINT, CLASSIFY_REPLY_YES },
		{ "en", "Nobody told us the tasting was moved",
		    CLASSIFY_COMPLAINT, CLASSIFY_REPLY_YES },
		{ "en", "ordered ten days ago, still says processing",
		    CLASSIFY_COMPLAINT, CLASSIFY_REPLY_YES },
		{ "es", "pedí hace 3 semanas y el seguimiento sigue igual",
		    CLASSIFY_COMPLAINT, CLASSIFY_REPLY_YES },
		{ "fr", "le tapis ne ressemble pas du tout à la photo",
		    CLASSIFY_COMPLAINT, CLASSIFY_REPLY_YES },
		{ "zh", "实物和图片差太多了", CLASSIFY_COMPLAINT,
		    CLASSIFY_REPLY_YES },
		{ "en", "Is the colour the same as in the photo?",
		    CLASSIFY_QUESTION, CLASSIFY_REPLY_YES },
		{ "en", "Ordered two weeks ago and it's already my favourite "
		    "mug. How long does the glaze last?", CLASSIFY_QUESTION,
		    CLASSIFY_REPLY_YES },
	};

	(void)state;
	check_cases(cases, nitems(cases));
}

/* Spam that asks is spam: growth offers and money schemes with a way to
 * reach the sender. */
static void
test_classify_spam_dressed_as_a_question(void **state)
{
	static const struct classify_case cases[] = {
		{ "en", "Ready to go viral this month? DM us for a free audit",
		    CLASSIFY_SPAM, CLASSIFY_REPLY_NO },
		{ "en", "Need more customers? We help brands like yours, "
		    "message us", CLASSIFY_SPAM, CLASSIFY_REPLY_NO },
		{ "es", "¿Quieres ganar 300€ a la semana desde tu móvil? "
		    "Pregúntame cómo", CLASSIFY_SPAM, CLASSIFY_REPLY_NO },
		{ "de", "Lust auf mehr Reichweite? Schreib uns", CLASSIFY_SPAM,
		    CLASSIFY_REPLY_NO },
	};

	(void)state;
	check_cases(cases, nitems(cases));
}

/* Asking leave ("can I", "kann ich", "puis-je") supposes what follows:
 * a refund asked for as a policy is a question. */
static void
test_classify_asking_leave_supposes(void **state)
{
	static const struct classify_case cases[] = {
		{ "en", "Could I still get a refund once the seal is broken?",
		    CLASSIFY_QUESTION, CLASSIFY_REPLY_YES },
		{ "de", "Kann ich mein Geld zurück bekommen, wenn die Packung "
		    "offen ist?", CLASSIFY_QUESTION, CLASSIFY_REPLY_YES },
		{ "fr", "Puis-je être remboursé si le colis est ouvert ?",
		    CLASSIFY_QUESTION, CLASSIFY_REPLY_YES },
		{ "en", "Can I get a refund? The lid arrived cracked.",
		    CLASSIFY_COMPLAINT, CLASSIFY_REPLY_YES },
	};

	(void)state;
	check_cases(cases, nitems(cases));
}

/* Each phrase is found in every form the index must give it in: as
 * written, begun ("refund*"), inflected, after an intensifier, as the end
 * of a compound, with a number, behind Arabic clitics, in traditional
 * characters. */
static void
test_classify_phrases_found_in_every_form(void **state)
{
	static const struct classify_case cases[] = {
		{ "en", "you still have not refunded me", CLASSIFY_COMPLAINT,
		    CLASSIFY_REPLY_YES },
		{ "nl", "superlekkere taart", CLASSIFY_PRAISE,
		    CLASSIFY_REPLY_NO },
		{ "es", "las galletas estaban deliciosas", CLASSIFY_PRAISE,
		    CLASSIFY_REPLY_NO },
		{ "de", "Schon wieder eine Lieferverzögerung",
		    CLASSIFY_COMPLAINT, CLASSIFY_REPLY_YES },
		{ "en", "waited 12 days for a reply", CLASSIFY_COMPLAINT,
		    CLASSIFY_REPLY_YES },
		{ "ar", "والتوصيل متأخر كالعادة", CLASSIFY_COMPLAINT,
		    CLASSIFY_REPLY_YES },
		{ "zh", "請問還有貨嗎", CLASSIFY_QUESTION, CLASSIFY_REPLY_YES },
	};

	(void)state;
	check_cases(cases, nitems(cases));
}

/* Classify text from an author for a shop, with a number of threads. */
static void
classify_from(const char *text, const char *author, const char *shop,
    int threads, struct classify_result *r)
{
	struct classify_signals	sig;

	memset(&sig, 0, sizeof sig);
	sig.lang = "en";
	sig.author_name = author;
	sig.shop_name = shop;
	sig.author_threads = threads;
	classify_text(text, &sig, r);
}

/* A name imitating the shop's makes a request for a message a scam; the
 * same from a customer is none. */
static void
test_classify_imitated_shop_name_is_a_scam(void **state)
{
	static const char *const impostors[] = {
		"Tulip & Tea Support", "tuliptea_helpdesk", "Tu1ip & Tea",
		"Official Tulip and Tea", "TulipTea Help Desk"
	};
	const char		*text = "Hello! Please send us a message so we "
				    "can fix your order";
	struct classify_result	 r;
	size_t			 i;

	(void)state;
	for (i = 0; i < nitems(impostors); i++) {
		classify_from(text, impostors[i], "Tulip & Tea", 0, &r);
		if (r.kind != CLASSIFY_SPAM || r.reply != CLASSIFY_REPLY_NO)
			fail_msg("%s: %s (%s)", impostors[i],
			    classify_kind_name(r.kind), r.why);
	}
	classify_from(text, "Anna de Vries", "Tulip & Tea", 0, &r);
	assert_int_not_equal(r.kind, CLASSIFY_SPAM);
	classify_from(text, "Tulip Lover", "Tulip & Tea", 0, &r);
	assert_int_not_equal(r.kind, CLASSIFY_SPAM);
	/* The shop's name unknown: words of service alone imitate. */
	classify_from(text, "Customer Support Team", NULL, 0, &r);
	assert_int_equal(r.kind, CLASSIFY_SPAM);
	classify_from("Please DM us your card details to get your refund",
	    "Jan", NULL, 0, &r);
	assert_int_equal(r.kind, CLASSIFY_SPAM);
}

/* A link from an author who writes in many threads is spam; from one
 * thread it is not. */
static void
test_classify_link_from_many_threads_is_spam(void **state)
{
	struct classify_result	r;

	(void)state;
	classify_from("have a look https://short.example.io/abc", "Mark", NULL,
	    9, &r);
	assert_int_equal(r.kind, CLASSIFY_SPAM);
	assert_non_null(strstr(r.why, "many threads"));
	classify_from("have a look https://short.example.io/abc", "Mark", NULL,
	    1, &r);
	assert_int_not_equal(r.kind, CLASSIFY_SPAM);
	classify_from("Giveaway! Click the link in my bio to win an iPhone 🎁",
	    "Mark", NULL, 0, &r);
	assert_int_equal(r.kind, CLASSIFY_SPAM);
}

/* A follow-up raises the urgency and needs a reply; chasing an answer
 * is a complaint; capitals and runs of ! and ? raise the urgency. */
static void
test_classify_followup_and_shouting_raise_urgency(void **state)
{
	struct classify_signals	sig;
	struct classify_result	r, first;

	(void)state;
	memset(&sig, 0, sizeof sig);
	sig.lang = "en";
	classify_text("Still waiting for my refund", &sig, &first);
	sig.followup = 1;
	classify_text("Still waiting for my refund", &sig, &r);
	assert_int_equal(r.kind, CLASSIFY_COMPLAINT);
	assert_int_equal(r.urgency, first.urgency + 1);
	assert_non_null(strstr(r.why, "follow-up"));
	classify_text("Hello???", &sig, &r);
	assert_int_equal(r.reply, CLASSIFY_REPLY_YES);
	classify_text("Any answer to my message", &sig, &r);
	assert_int_equal(r.kind, CLASSIFY_COMPLAINT);
	sig.followup = 0;
	classify_text("where is my order", &sig, &first);
	classify_text("WHERE IS MY ORDER", &sig, &r);
	assert_int_equal(r.urgency, first.urgency + 1);
	assert_non_null(strstr(r.why, "capitals"));
	classify_text("where is my order!!!", &sig, &r);
	assert_int_equal(r.urgency, first.urgency + 1);
	classify_text("Thank you, lovely tea", &sig, &r);
	assert_int_equal(r.urgency, 0);
}

/* Praise and spam need no reply, tags of friends none, other is unclear;
 * the reason names what was found. */
static void
test_classify_reply_and_reason(void **state)
{
	static const struct classify_case cases[] = {
		{ "en", "@anna_k look at this", CLASSIFY_OTHER,
		    CLASSIFY_REPLY_NO },
		{ "en", "We had the carrot cake and two teas at the market",
		    CLASSIFY_OTHER, CLASSIFY_REPLY_UNCLEAR },
		{ NULL, "", CLASSIFY_OTHER, CLASSIFY_REPLY_NO },
		{ NULL, "🙏", CLASSIFY_PRAISE, CLASSIFY_REPLY_NO },
	};
	struct classify_result	r;

	(void)state;
	check_cases(cases, nitems(cases));
	classify_plain("en", "Still waiting for my order", &r);
	assert_string_equal(r.why, "complaint: 'Still waiting'");
	classify_plain(NULL, "", &r);
	assert_string_equal(r.why, "other: no words");
}

/* A text that opens or ends by tagging someone speaks to them: what it
 * asks is not asked of the shop, and needs no reply; unless the name
 * tagged is the shop's. A complaint shared with a friend is still one. */
static void
test_classify_tagging_someone_speaks_to_them(void **state)
{
	static const struct classify_case cases[] = {
		{ "en", "@lena have you tried their scones?", CLASSIFY_OTHER,
		    CLASSIFY_REPLY_NO },
		{ "en", "should we get one for mum? @sam", CLASSIFY_OTHER,
		    CLASSIFY_REPLY_NO },
		{ "es", "@marta te acuerdas de este sitio?", CLASSIFY_OTHER,
		    CLASSIFY_REPLY_NO },
		{ "zh", "@小李 你还记得这家店吗？", CLASSIFY_OTHER,
		    CLASSIFY_REPLY_NO },
		{ "en", "@sara they never answered my email either",
		    CLASSIFY_COMPLAINT, CLASSIFY_REPLY_YES },
	};
	struct classify_signals	sig;
	struct classify_result	r;

	(void)state;
	check_cases(cases, nitems(cases));
	memset(&sig, 0, sizeof sig);
	sig.lang = "en";
	sig.shop_name = "Tulip & Tea";
	classify_text("@tulipandtea do you ship to Spain?", &sig, &r);
	assert_int_equal(r.kind, CLASSIFY_QUESTION);
	classify_text("@lena do you like this one?", &sig, &r);
	assert_int_equal(r.kind, CLASSIFY_OTHER);
}

/* A comment that mixes languages is read in both when the words of the
 * other one outnumber those of the language given. */
static void
test_classify_mixed_languages(void **state)
{
	static const struct classify_case cases[] = {
		{ "de", "Danke! but the parcel never arrived, nobody replies",
		    CLASSIFY_COMPLAINT, CLASSIFY_REPLY_YES },
		{ "nl", "thanks but the mug arrived broken", CLASSIFY_COMPLAINT,
		    CLASSIFY_REPLY_YES },
	};

	(void)state;
	check_cases(cases, nitems(cases));
}

/* The language given is read when the text is in its script; else the
 * script and common words decide; traditional Chinese reads as simple. */
static void
test_classify_language_choice(void **state)
{
	struct classify_result	r;

	(void)state;
	assert_true(classify_lang_known("zh-Hant"));
	assert_true(classify_lang_known("EN_gb"));
	assert_false(classify_lang_known("pt"));
	assert_false(classify_lang_known("english"));
	assert_false(classify_lang_known(NULL));
	classify_plain("zh-Hant", "還沒收到貨，請退款", &r);
	assert_int_equal(r.kind, CLASSIFY_COMPLAINT);
	assert_string_equal(r.lang, "zh");
	classify_plain("en", "لم يصل الطلب", &r);
	assert_string_equal(r.lang, "ar");
	assert_int_equal(r.kind, CLASSIFY_COMPLAINT);
	classify_plain(NULL, "Ik ben niet tevreden met de bestelling", &r);
	assert_string_equal(r.lang, "nl");
	assert_int_equal(r.kind, CLASSIFY_COMPLAINT);
	classify_plain("pt", "Prachtig!", &r);
	assert_string_equal(r.lang, "all");
	assert_int_equal(r.kind, CLASSIFY_PRAISE);
}

/* Bytes that are not UTF-8, controls and a text past the limit are read
 * without harm, and the reason stays valid UTF-8 within its size. */
static void
test_classify_hostile_text(void **state)
{
	struct classify_result	 r;
	char			*big;
	size_t			 n = CLASSIFY_TEXT_MAX * 2, i;

	(void)state;
	classify_plain("en", "not \xff\xfe happy \x1b[31m at all", &r);
	assert_int_equal(r.kind, CLASSIFY_COMPLAINT);
	big = xmalloc(n + 1);
	for (i = 0; i < n; i++)
		big[i] = "still waiting 没收到 é "[i % 26];
	big[n] = '\0';
	classify_plain(NULL, big, &r);
	assert_true(strlen(r.why) < sizeof r.why);
	free(big);
}

/* Kinds and replies are read back from their names, and nothing else. */
static void
test_classify_names_round_trip(void **state)
{
	enum classify_kind	k;
	enum classify_reply	y;
	int			i;

	(void)state;
	for (i = 0; i < CLASSIFY_KIND_COUNT; i++) {
		assert_int_equal(classify_kind_parse(classify_kind_name(
		    (enum classify_kind)i), &k), 0);
		assert_int_equal(k, i);
	}
	for (i = 0; i < CLASSIFY_REPLY_COUNT; i++) {
		assert_int_equal(classify_reply_parse(classify_reply_name(
		    (enum classify_reply)i), &y), 0);
		assert_int_equal(y, i);
	}
	assert_int_equal(classify_kind_parse("complaints", &k), -1);
	assert_int_equal(classify_kind_parse("", &k), -1);
	assert_int_equal(classify_kind_parse(NULL, &k), -1);
	assert_int_equal(classify_reply_parse("maybe", &y), -1);
}

/* Precision, recall and the share right come from the counts. */
static void
test_classify_tally_counts(void **state)
{
	struct classify_tally	t;

	(void)state;
	memset(&t, 0, sizeof t);
	assert_true(classify_tally_accuracy(&t) < 0);
	assert_true(classify_tally_precision(&t, CLASSIFY_SPAM) < 0);
	/* 3 complaints found as such, 1 as a question; 1 question found as
	 * a complaint. */
	classify_tally_add(&t, CLASSIFY_COMPLAINT, CLASSIFY_REPLY_YES,
	    CLASSIFY_COMPLAINT, CLASSIFY_REPLY_YES);
	classify_tally_add(&t, CLASSIFY_COMPLAINT, CLASSIFY_REPLY_YES,
	    CLASSIFY_COMPLAINT, CLASSIFY_REPLY_YES);
	classify_tally_add(&t, CLASSIFY_COMPLAINT, CLASSIFY_REPLY_YES,
	    CLASSIFY_COMPLAINT, CLASSIFY_REPLY_YES);
	classify_tally_add(&t, CLASSIFY_COMPLAINT, CLASSIFY_REPLY_YES,
	    CLASSIFY_QUESTION, CLASSIFY_REPLY_YES);
	classify_tally_add(&t, CLASSIFY_QUESTION, CLASSIFY_REPLY_YES,
	    CLASSIFY_COMPLAINT, CLASSIFY_REPLY_YES);
	assert_int_equal(classify_tally_total(&t), 5);
	assert_true(classify_tally_precision(&t, CLASSIFY_COMPLAINT) == 0.75);
	assert_true(classify_tally_recall(&t, CLASSIFY_COMPLAINT) == 0.75);
	assert_true(classify_tally_precision(&t, CLASSIFY_QUESTION) == 0);
	assert_true(classify_tally_accuracy(&t) == 0.6);
}

/* What a labelled file gave: the tally, and the count per language and
 * kind. */
struct labelled {
	struct classify_tally	 tally;
	unsigned		 per_lang[8][CLASSIFY_KIND_COUNT];
	unsigned		 n;
};

static const char *const labelled_langs[8] = {
	"en", "nl", "de", "fr", "es", "ro", "ar", "zh"
};

/* Return a string member of o, or NULL. */
static const char *
member(const json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

/* Classify one labelled line (a JSON object) into l. */
static void
labelled_line(struct labelled *l, const char *file, size_t lineno,
    const char *s, size_t len)
{
	struct classify_signals	 sig;
	struct classify_result	 r;
	enum classify_kind	 want;
	enum classify_reply	 want_reply;
	json_error_t		 err;
	json_t			*o;
	size_t			 i;

	if ((o = json_loadb(s, len, 0, &err)) == NULL)
		fail_msg("%s:%zu: %s", file, lineno, err.text);
	if (member(o, "text") == NULL || classify_kind_parse(member(o,
	    "kind"), &want) != 0 || classify_reply_parse(member(o, "reply"),
	    &want_reply) != 0)
		fail_msg("%s:%zu: no text, kind or reply", file, lineno);
	memset(&sig, 0, sizeof sig);
	sig.lang = member(o, "lang");
	sig.author_name = member(o, "author");
	sig.shop_name = member(o, "shop");
	sig.followup = json_is_true(json_object_get(o, "followup"));
	sig.author_threads = (int)json_integer_value(json_object_get(o,
	    "author_threads"));
	classify_text(member(o, "text"), &sig, &r);
	classify_tally_add(&l->tally, want, want_reply, r.kind, r.reply);
	for (i = 0; i < nitems(labelled_langs); i++) {
		if (sig.lang != NULL && strcmp(sig.lang, labelled_langs[i]) == 0)
			l->per_lang[i][want]++;
	}
	l->n++;
	json_decref(o);
}

/* Classify every line of tests/data/classify/NAME into l. */
static void
labelled_read(const char *name, struct labelled *l)
{
	char	*path = xprintf("classify/%s", name), *text, *p, *nl;
	size_t	 lineno = 0;

	memset(l, 0, sizeof *l);
	text = data_read(path, NULL);
	for (p = text; *p != '\0'; p = nl + 1) {
		if ((nl = strchr(p, '\n')) == NULL)
			nl = p + strlen(p);
		lineno++;
		if (nl > p)
			labelled_line(l, path, lineno, p, nl - p);
		if (*nl == '\0')
			break;
	}
	free(text);
	free(path);
}

/* Fail unless the share v of what (kind or all) reaches floor. */
static void
check_floor(const char *file, const char *what, double v, double floor)
{
	if (v < floor)
		fail_msg("%s: %s %.3f is below its floor %.2f", file, what, v,
		    floor);
}

/* Check a labelled file against floors on the share right and on
 * precision and recall of complaints and questions. */
static void
check_labelled(const char *name, double right, double complaint,
    double question)
{
	struct labelled	l;

	labelled_read(name, &l);
	check_floor(name, "kinds right", classify_tally_accuracy(&l.tally),
	    right);
	check_floor(name, "complaint precision", classify_tally_precision(
	    &l.tally, CLASSIFY_COMPLAINT), complaint);
	check_floor(name, "complaint recall", classify_tally_recall(&l.tally,
	    CLASSIFY_COMPLAINT), complaint);
	check_floor(name, "question precision", classify_tally_precision(
	    &l.tally, CLASSIFY_QUESTION), question);
	check_floor(name, "question recall", classify_tally_recall(&l.tally,
	    CLASSIFY_QUESTION), question);
}

/* Collect the features of a text as "|"-parted text, checking hashes. */
static void
collect_feature(const char *s, size_t n, uint32_t h, void *arg)
{
	struct buf	*b = arg;

	assert_int_equal(h, classify_feature_hash(s, n));
	buf_add(b, s, n);
	buf_addch(b, '|');
}

/* The learned part reads word beginnings, pairs, clause openers, Chinese
 * characters and marks, each once, and leaves out words quoted and
 * phrases that mean nothing. */
static void
test_classify_features_each_once(void **state)
{
	struct buf	b;

	(void)state;
	buf_init(&b, 0);
	classify_features("Shipping shipping, ok?", "en", collect_feature, &b);
	buf_addch(&b, '\0');
	assert_string_equal(b.data, "wshipp|sshipp|bship ship|wok|sok|?q|?s|");
	buf_reset(&b);
	classify_features("还没到吗", "zh", collect_feature, &b);
	buf_addch(&b, '\0');
	assert_string_equal(b.data, "h还|s还|h没|H还 没|h到|H没 到|h吗|H到 吗|"
	    "e吗|");
	buf_reset(&b);
	classify_features("it was more or less 'great'", "en", collect_feature,
	    &b);
	buf_addch(&b, '\0');
	assert_string_equal(b.data, "wit|sit|wwas|bit was|");
	buf_free(&b);
}

/* The labelled set holds 400 comments or more, 40 or more in each of
 * the eight languages, every kind in each. */
static void
test_classify_labelled_set_covers_every_language_and_kind(void **state)
{
	struct labelled	l;
	unsigned	n;
	size_t		i;
	int		k;

	(void)state;
	labelled_read("labelled.jsonl", &l);
	assert_true(l.n >= 400);
	for (i = 0; i < nitems(labelled_langs); i++) {
		for (n = 0, k = 0; k < CLASSIFY_KIND_COUNT; k++) {
			if (l.per_lang[i][k] == 0)
				fail_msg("%s has no %s", labelled_langs[i],
				    classify_kind_name((enum classify_kind)k));
			n += l.per_lang[i][k];
		}
		if (n < 40)
			fail_msg("%s has %u comments", labelled_langs[i], n);
	}
}

/*
 * The floors below are what was measured when they were set, less a
 * margin (make bench prints the numbers): the share of kinds right, then
 * the lower of precision and recall for complaints and for questions. A
 * change that makes the classifier worse on any set fails here.
 * labelled, heldout ... heldout5 and heldout7 have all been tuned on by
 * now, and the learned weights (src/classify-weights.c) are learned from
 * them, so their floors say little about comments not seen. heldout6
 * was written before the learned part and never tuned on: its floors
 * are the ones that guard what the classifier does with new comments.
 * heldout8 was written after the last round and measured untouched (see
 * tests/bench/classify), and heldout9 after it, before the round of
 * spam cues and Arabic that followed; neither is tuned on. heldout10
 * was written after that round and is not tuned on either: its floors
 * are its untouched numbers less the margin.
 */
static void
test_classify_labelled_set_floor(void **state)
{
	(void)state;
	check_labelled("labelled.jsonl", 0.95, 0.96, 0.97);
	check_labelled("heldout.jsonl", 0.95, 0.95, 0.95);
	check_labelled("heldout2.jsonl", 0.97, 0.97, 0.97);
	check_labelled("heldout3.jsonl", 0.95, 0.91, 0.94);
	check_labelled("heldout4.jsonl", 0.96, 0.94, 0.97);
	check_labelled("heldout5.jsonl", 0.90, 0.85, 0.83);
	check_labelled("heldout6.jsonl", 0.93, 0.88, 0.89);
	check_labelled("heldout7.jsonl", 0.93, 0.93, 0.90);
	check_labelled("heldout8.jsonl", 0.88, 0.85, 0.88);
	check_labelled("heldout9.jsonl", 0.94, 0.90, 0.91);
	check_labelled("heldout10.jsonl", 0.85, 0.83, 0.91);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_classify_lexicons_are_well_formed),
		cmocka_unit_test(test_classify_negation_in_every_language),
		cmocka_unit_test(test_classify_question_forms),
		cmocka_unit_test(test_classify_quoted_question_is_not_asked),
		cmocka_unit_test(test_classify_complaints_asked_as_questions),
		cmocka_unit_test(test_classify_sarcasm),
		cmocka_unit_test(
		    test_classify_quoted_words_are_not_the_writers),
		cmocka_unit_test(test_classify_choice_asks),
		cmocka_unit_test(test_classify_complaints_by_their_shape),
		cmocka_unit_test(test_classify_spam_dressed_as_a_question),
		cmocka_unit_test(test_classify_asking_leave_supposes),
		cmocka_unit_test(test_classify_phrases_found_in_every_form),
		cmocka_unit_test(test_classify_imitated_shop_name_is_a_scam),
		cmocka_unit_test(test_classify_link_from_many_threads_is_spam),
		cmocka_unit_test(
		    test_classify_followup_and_shouting_raise_urgency),
		cmocka_unit_test(test_classify_reply_and_reason),
		cmocka_unit_test(
		    test_classify_tagging_someone_speaks_to_them),
		cmocka_unit_test(test_classify_mixed_languages),
		cmocka_unit_test(test_classify_language_choice),
		cmocka_unit_test(test_classify_hostile_text),
		cmocka_unit_test(test_classify_names_round_trip),
		cmocka_unit_test(test_classify_tally_counts),
		cmocka_unit_test(test_classify_features_each_once),
		cmocka_unit_test(
		    test_classify_labelled_set_covers_every_language_and_kind),
		cmocka_unit_test(test_classify_labelled_set_floor),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
