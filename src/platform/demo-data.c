/*
 * demo-data.c -- the content of the built-in demo inbox.
 *
 * Tulip & Tea is a small tea and ceramics shop on the Nieuwe Binnenweg in
 * Rotterdam, with an online store. Marloes runs it with Daan (who does the
 * market stall) and Nadia; Ilse van Dam throws the Maas teapots in Delft.
 * The shop writes warm, short English or Dutch and signs "— Marloes".
 *
 * The data is meant to look like a real inbox, so it is uneven on purpose:
 * typos, unanswered questions, spam, a thread that got heated, and one
 * comment (c-hostile) carrying the escape sequences an attacker would send
 * to a terminal. Ages are seconds before now; replies are always younger
 * than their parent and comments younger than their post.
 */

#include <string.h>

#include "util.h"
#include "platform/demo-data.h"
#include "platform/platforms.h"

#define MINUTE	60
#define HOUR	(60 * MINUTE)
#define DAY	(24 * HOUR)

/* Who the shop is on each demo account. */
#define PAGE_HANDLE	"tulipandtea"
#define SOCIAL_HANDLE	"tulipandtea.example"
#define SHOP_NAME	"Tulip & Tea"

const struct demo_account demo_accounts[] = {
	{ "page", "page", PAGE_HANDLE, SHOP_NAME },
	{ "social", "social", SOCIAL_HANDLE, SHOP_NAME },
};
const size_t demo_naccounts = nitems(demo_accounts);

const struct demo_post demo_posts[] = {
	{ "page", "p-01", 11 * DAY + 20 * HOUR,
	  "New in the shop: the Maas teapot 🫖\n\n"
	  "Hand-thrown in Delft by Ilse van Dam, with a celadon glaze the "
	  "colour of the river on a grey morning. 600 ml, a stainless steel "
	  "filter, and every one slightly different. €64, in the shop and "
	  "online from today.\n\n"
	  "There are only 30 in this first batch, so if you've been waiting, "
	  "now is the moment. — Marloes" },
	{ "social", "p-02", 10 * DAY + 4 * HOUR,
	  "Spent the morning at Ilse's studio in Delft, watching the next "
	  "Maas teapots come out of the kiln. 1280 °C, eleven hours, and about "
	  "one in five cracks anyway. That's why they cost what they cost.\n\n"
	  "Each lid is matched to its pot by hand before glazing, so no two "
	  "lids are interchangeable. — Marloes" },
	{ "page", "p-03", 8 * DAY + 12 * HOUR,
	  "Opening hours around the holidays 🇳🇱\n\n"
	  "Koningsdag: closed. We'll be out on the Nieuwe Binnenweg with a "
	  "crate of iced tea like everyone else 🧡\n"
	  "The day after: 12:00–17:00.\n"
	  "Bevrijdingsdag (5 May): open as usual, 10:00–18:00.\n\n"
	  "Online orders placed on those days ship the next working day. "
	  "— Marloes" },
	{ "social", "p-04", 7 * DAY + 2 * HOUR,
	  "Just in: Oriental Beauty oolong from a small farm in Hsinchu, "
	  "Taiwan. The leaves are nibbled by leafhoppers in summer, which is "
	  "where the honey and muscat taste comes from. 50 g for €14.50, and "
	  "only 4 kg in the whole lot. — Marloes" },
	{ "page", "p-05", 5 * DAY + 20 * HOUR,
	  "Workshop: gongfu cha with Wang Lei 🍵\n\n"
	  "Next Saturday, 14:00–16:30, in the shop. Wang Lei grew up among "
	  "the tea gardens of Fuding and will show you how to brew in a "
	  "gaiwan, how to taste, and why the fifth infusion is often the best "
	  "one.\n\n"
	  "8 places, €35 including all the tea you can drink and a little bag "
	  "to take home. Sign up in the shop or at "
	  "tulipandtea.example/workshop. Taught in English and 中文. "
	  "— Marloes" },
	{ "social", "p-06", 4 * DAY + 3 * HOUR,
	  "This Saturday you'll find us at the makers' market on the "
	  "Deliplein with our seconds table: cups and bowls with a tiny glaze "
	  "flaw, all 50% off. 11:00–17:00, cash or card. Daan is running the "
	  "stall, come say hi 👋 — Marloes" },
	{ "page", "p-07", 2 * DAY + 8 * HOUR,
	  "GIVEAWAY 🎁\n\n"
	  "We're turning three! To say thank you, we're giving away a Maas "
	  "teapot, two cups and 100 g of our house blend.\n\n"
	  "To enter: follow the page, tell us in a comment who you'd drink "
	  "tea with, and tag them. Entries close in a week, and then we draw "
	  "the winner at random.\n\n"
	  "We will never ask for your card details or send you a link to "
	  "claim a prize. Only this page is us. — Marloes" },
	{ "page", "p-08", 1 * DAY + 23 * HOUR,
	  "An apology about shipping 📦\n\n"
	  "Orders from the past week and a half are running 5 to 7 days late. "
	  "Our courier cancelled our pickup twice, and then a cage of our "
	  "parcels sat at their sorting centre for three days. None of that "
	  "is your problem, and I'm sorry.\n\n"
	  "Everything is moving again. If you ordered in that window you'll "
	  "get an email with your tracking today, and a €10 voucher for your "
	  "next order. If something is urgent (a birthday, a gift), message "
	  "us and we'll do what we can.\n\n"
	  "— Marloes" },
	{ "page", "p-09", 1 * DAY + 20 * HOUR,
	  "Spring sale 🌷\n\n"
	  "20% off all matcha bowls and bamboo whisks for one week, "
	  "in the shop and online with the code LENTE20.\n\n"
	  "These are the same bowls we always sell, nothing made cheaply for "
	  "the sale. — Marloes" },
	{ "social", "p-10", 1 * DAY + 16 * HOUR,
	  "New on the shelf: a 2016 sheng pu'er cake from Bulang mountain in "
	  "Yunnan. 357 g, pressed by a family cooperative we've bought from "
	  "for three years. Bitter at first, then a sweetness at the back of "
	  "your throat that lasts and lasts: 回甘 (huígān). €58 a cake, or a "
	  "25 g sample for €6. — Marloes" },
	{ "page", "p-11", 1 * DAY + 8 * HOUR,
	  "Eid gift boxes are here 🌙✨\n\n"
	  "A hand-hammered Moroccan teapot, four painted glasses, 100 g of "
	  "gunpowder green and a bag of dried nana mint, in a box with a gold "
	  "ribbon. €49, or €59 with two extra glasses.\n\n"
	  "Order before Thursday 12:00 for delivery in the Netherlands and "
	  "Belgium before Eid. عيد مبارك to everyone celebrating! — Marloes" },
	{ "page", "p-12", 22 * HOUR,
	  "Moederdag is coming up 💐\n\n"
	  "Every order can be gift-wrapped for free: our own paper, a sprig of "
	  "dried lavender and a handwritten card. Tick \"gift wrap\" at "
	  "checkout and tell us what to write. In the shop we wrap while you "
	  "wait, and pour you a cup while we do. — Marloes" },
	{ "social", "p-13", 16 * HOUR,
	  "Behind the counter today: Ilse is mending a customer's "
	  "grandmother's teapot with kintsugi. Urushi lacquer first, then gold "
	  "powder, then weeks of waiting while it cures. The crack becomes the "
	  "best part of the pot.\n\n"
	  "We take on a few repairs a month. If you have a broken piece you "
	  "love, send us a photo. — Marloes" },
	{ "page", "p-14", 6 * HOUR,
	  "They're back 🫖 Twenty Maas teapots from Ilse's last firing, in "
	  "celadon and, new, a deep iron brown we're calling \"Maas bij "
	  "nacht\". Online now, in the shop from 12:00. Thank you to everyone "
	  "who asked every single week 😄 — Marloes" },
	{ "social", "p-15", 1 * HOUR + 5 * MINUTE,
	  "Afternoon in the shop: rain on the windows, a pot of Oriental "
	  "Beauty on the counter, and Mochi asleep on the parcel scale again "
	  "(4.2 kg, we checked). Come in and warm up, we're open until 18:00. "
	  "— Marloes" },
};
const size_t demo_nposts = nitems(demo_posts);

/*
 * Fields: post, id, parent, author, handle, lang, age, own, text. The
 * shop's own replies use OWN_PAGE or OWN_SOCIAL for author and handle.
 */
#define OWN_PAGE	SHOP_NAME, PAGE_HANDLE
#define OWN_SOCIAL	SHOP_NAME, SOCIAL_HANDLE

const struct demo_comment demo_comments[] = {
	/* p-01: the Maas launch. */
	{ "p-01", "c-001", NULL, "Andreea Ionescu", "andreea.ionescu", "en",
	  11 * DAY + 18 * HOUR, 0,
	  "Do you ship to Romania? How much would shipping be for one teapot? "
	  "Its gorgeous" },
	{ "p-01", "c-002", "c-001", OWN_PAGE, "en",
	  11 * DAY + 15 * HOUR, 1,
	  "Hi Andreea! Yes, we ship to Romania with DHL: €12.95 for a teapot, "
	  "double-boxed, usually 4–6 working days. — Marloes" },
	{ "p-01", "c-003", "c-002", "Andreea Ionescu", "andreea.ionescu", "ro",
	  10 * DAY + 6 * HOUR, 0,
	  "Mulțumesc frumos! Am comandat două, unul e cadou pentru mama mea "
	  "🇷🇴❤️" },
	{ "p-01", "c-004", NULL, "Pieter Bakker", "pieter.bakker.010", "nl",
	  11 * DAY + 9 * HOUR, 0,
	  "Wat een mooie kleur! Is de binnenkant ook geglazuurd? Heb ooit een "
	  "pot gehad waar alles naar klei ging smaken 😅" },
	{ "p-01", "c-005", "c-004", OWN_PAGE, "nl",
	  11 * DAY + 4 * HOUR, 1,
	  "Hoi Pieter! Ja, binnen helemaal geglazuurd, alleen de voet is "
	  "onbehandeld. Dus geen kleismaak, beloofd. — Marloes" },

	/* p-02: at the potter's studio. */
	{ "p-02", "c-006", NULL, "Bram Hoekstra", "bram.bsky.example", "en",
	  9 * DAY + 22 * HOUR, 0,
	  "one in five?! does Ilse sell the cracked ones? i'd happily take a "
	  "wonky one for my desk" },
	{ "p-02", "c-007", "c-006", OWN_SOCIAL, "en",
	  9 * DAY + 19 * HOUR, 1,
	  "She keeps the cracked ones for kintsugi practice, but she has a "
	  "seconds sale at the studio twice a year. I'll post when the next "
	  "one is! — Marloes" },
	{ "p-02", "c-008", NULL, "林美", "meilin.bsky.example", "zh",
	  3 * DAY + 2 * HOUR, 0,
	  "太美了！请问这种青瓷茶壶适合泡乌龙吗？还是更适合绿茶？" },

	/* p-03: holiday opening hours. */
	{ "p-03", "c-009", NULL, "Joost de Boer", "joost.deboer", "nl",
	  8 * DAY + 3 * HOUR, 0,
	  "Zijn jullie met Hemelvaart ook open? Wil nog een cadeautje komen "
	  "halen voor m'n schoonmoeder" },
	{ "p-03", "c-010", "c-009", OWN_PAGE, "nl",
	  8 * DAY + 1 * HOUR, 1,
	  "Hoi Joost, met Hemelvaart zijn we gewoon open van 12:00 tot 17:00. "
	  "Tot dan! — Marloes" },
	{ "p-03", "c-011", NULL, "Sarah Mitchell", "sarah.mitchell.92", "en",
	  5 * HOUR, 0,
	  "So are you open this Saturday or not?? Google says closed, your "
	  "website says 10–6 🙄" },

	/* p-04: Oriental Beauty. */
	{ "p-04", "c-012", NULL, "陈静", "chenjing.bsky.example", "zh",
	  6 * DAY + 23 * HOUR, 0,
	  "终于等到东方美人了！请问是今年的还是去年的？"
	  "东方美人一般是夏天采的吧。" },
	{ "p-04", "c-013", "c-012", OWN_SOCIAL, "en",
	  6 * DAY + 20 * HOUR, 1,
	  "Good eye 🙂 It's last summer's picking, the proper leafhopper "
	  "season, kept sealed and cool since. — Marloes" },
	{ "p-04", "c-014", "c-013", "陈静", "chenjing.bsky.example", "zh",
	  6 * DAY + 18 * HOUR, 0,
	  "明白了，谢谢！那我先订两包 👍🏻" },
	{ "p-04", "c-015", NULL, "Tom Hargreaves", "tomhargreaves.bsky.example",
	  "en", 1 * DAY + 4 * HOUR, 0,
	  "wait is this the one you were pouring at the market on saturday? "
	  "the honey one? i need it" },

	/* p-05: the gongfu cha workshop. */
	{ "p-05", "c-016", NULL, "Wei Zhang", "zhang.wei.rtm", "zh",
	  5 * DAY + 16 * HOUR, 0,
	  "我妈妈下周来鹿特丹看我，她不会说英文，可以带她一起来吗？"
	  "需要另外报名吗？" },
	{ "p-05", "c-017", "c-016", OWN_PAGE, "en",
	  5 * DAY + 13 * HOUR, 1,
	  "Of course she can come! Wang Lei teaches in English and Mandarin, "
	  "so your mother will be fine. Please book two places so we have a "
	  "cup ready for her 😊 — Marloes" },
	{ "p-05", "c-018", "c-017", "Wei Zhang", "zhang.wei.rtm", "zh",
	  5 * DAY + 9 * HOUR, 0,
	  "太好了，已经帮她报名了。谢谢你们！🙏" },
	{ "p-05", "c-019", NULL, "Lotte Jansen", "lotte.jansen", "nl",
	  1 * DAY + 20 * HOUR, 0,
	  "Is dit ook leuk als je er echt niks van weet? Ik drink eigenlijk "
	  "alleen thee uit zakjes 🙈" },
	{ "p-05", "c-020", "c-019", "Joost de Boer", "joost.deboer", "nl",
	  1 * DAY + 15 * HOUR, 0,
	  "Ik deed de vorige keer mee en wist er ook niks van. Echt een "
	  "aanrader, Wang Lei is super geduldig en je gaat naar huis met een "
	  "tas vol thee 👍" },
	{ "p-05", "c-021", "c-020", "Lotte Jansen", "lotte.jansen", "nl",
	  1 * DAY + 13 * HOUR, 0,
	  "Oké, overtuigd. Net aangemeld!" },
	{ "p-05", "c-022", NULL, "Amira Saleh", "amira.saleh", "ar",
	  3 * DAY + 1 * HOUR, 0,
	  "مرحباً، هل الورشة مناسبة للأطفال؟ ابنتي عمرها ١٢ سنة وتحب الشاي "
	  "كثيراً وتريد أن تتعلم." },
	{ "p-05", "c-023", "c-022", OWN_PAGE, "en",
	  2 * DAY + 21 * HOUR, 1,
	  "Hi Amira, 12 is a lovely age for it! She'll need her own place, "
	  "but for under-16s it's €20 😊 — Marloes" },
	{ "p-05", "c-024", NULL, "Dirk van Leeuwen", "dirk.vanleeuwen", "en",
	  1 * DAY + 7 * HOUR, 0,
	  "Any chance you'll do an evening one? Saturdays are impossible for "
	  "me with work" },
	{ "p-05", "c-025", NULL, "黄小梅", "huang.xiaomei", "zh",
	  18 * HOUR, 0,
	  "去年在福鼎参加过一次白茶品鉴会，印象特别深。老师说白茶是"
	  "“一年茶、三年药、七年宝”，那次我们喝的是一饼存了八年的寿眉，"
	  "汤色像琥珀一样，入口有枣香和淡淡的药香，喝到第七八泡还是很甜。"
	  "回荷兰以后一直找不到好的白茶，超市里的都是碎叶子，泡出来没什么"
	  "味道。看到你们请了福鼎的老师来做工作坊，真的很开心！想问一下，"
	  "工作坊会不会带老白茶来让大家品尝？如果有的话，可以提前预订一饼吗？"
	  "我想寄回国送给我爸爸，他也特别喜欢喝茶。" },

	/* p-06: the market stall. */
	{ "p-06", "c-026", NULL, "Rachel Osei", "rachelosei.bsky.example", "en",
	  4 * DAY, 0,
	  "Will there be matcha bowls too or only cups?" },
	{ "p-06", "c-027", "c-026", OWN_SOCIAL, "en",
	  3 * DAY + 22 * HOUR, 1,
	  "A few matcha bowls too, but the seconds always go fast, so come "
	  "early! — Marloes" },
	{ "p-06", "c-028", NULL, "Martijn Smit", "martijnsmit.bsky.example",
	  "nl", 1 * DAY + 22 * HOUR, 0,
	  "Eerlijk gezegd viel het me zaterdag tegen. Ik vroeg de jongen "
	  "achter de kraam of ik een kopje mocht ruilen omdat er een "
	  "haarscheurtje in zat (niet zo'n 'glazuurfoutje', echt een scheur) "
	  "en hij zei letterlijk: \"Het is tweede keus, wat verwacht je "
	  "dan?\" En draaide zich om. Niet de toon die ik van jullie gewend "
	  "ben." },
	{ "p-06", "c-029", NULL, "Mihaela Constantin", "mihaela.bsky.example",
	  "ro", 1 * DAY + 16 * HOUR, 0,
	  "Am fost sâmbătă la stand și Daan a fost super drăguț cu noi, ne-a "
	  "explicat tot despre glazuri. Am plecat cu trei cești la jumătate "
	  "de preț 😍 Data viitoare venim și cu prietenii!" },
	{ "p-06", "c-030", "c-028", "Martijn Smit", "martijnsmit.bsky.example",
	  "nl", 1 * DAY + 2 * HOUR, 0,
	  "Nog steeds geen reactie trouwens. Ik heb het kopje hier nog staan, "
	  "scheur en al." },

	/* p-07: the giveaway, and the spam it attracts. */
	{ "p-07", "c-031", NULL, "Emma de Vries", "emma.devries", "nl",
	  2 * DAY + 6 * HOUR, 0,
	  "Met mijn oma! Zij heeft me leren theedrinken, altijd met een "
	  "stroopwafel op het kopje 🥰🇳🇱 @Lotte de Vries" },
	{ "p-07", "c-032", NULL, "خالد المنصوري", "khalid.almansouri", "ar",
	  2 * DAY + 1 * HOUR, 0,
	  "مع والدي، كل مساء بعد المغرب نشرب الشاي معاً في الشرفة ونتكلم عن كل "
	  "شيء. مبروك على السنة الثالثة! 🎉" },
	{ "p-07", "c-033", NULL, "Hannah Clarke", "hannah.clarke", "en",
	  1 * DAY + 22 * HOUR, 0,
	  "My sister! She moved to Leeds last year and I miss our Sunday tea "
	  "so much 💕 @Becky Clarke" },
	{ "p-07", "c-034", "c-033", "Tulip & Tea Giveaway 🎁",
	  "tulipandtea.giveaway.official", "en",
	  1 * DAY + 18 * HOUR, 0,
	  "Congratulations @Hannah Clarke 🎉🎁 You have been selected as one "
	  "of our 3 winners! To receive your prize please confirm your "
	  "shipping details within 24 HOURS here 👉 "
	  "http://tulipandtea-giveaway.claim-prize.example/winner?ref=hc88213 "
	  "Unclaimed prizes will go to another participant." },
	{ "p-07", "c-035", "c-034", "Hannah Clarke", "hannah.clarke", "en",
	  1 * DAY + 16 * HOUR, 0,
	  "Oh wow!! is this real?? the link is asking for my card number for "
	  "\"shipping verification\" 🤔" },
	{ "p-07", "c-036", "c-035", OWN_PAGE, "en",
	  1 * DAY + 15 * HOUR, 1,
	  "Hannah, please don't fill that in! That account isn't us, it's a "
	  "copy of our page with our logo. We've reported it. We never ask "
	  "for card details, and the draw isn't until next week. — Marloes" },
	{ "p-07", "c-037", "c-036", "Hannah Clarke", "hannah.clarke", "en",
	  1 * DAY + 13 * HOUR, 0,
	  "Phew. Thanks for the heads up, I nearly did it 🙈 reported it too" },
	{ "p-07", "c-038", NULL, "Ionuț Dumitrescu", "ionut.dumitrescu", "ro",
	  1 * DAY + 8 * HOUR, 0,
	  "Cu soția mea, duminică dimineața, înainte să se trezească cei mici "
	  "😄 👨‍👩‍👧 @Ana Dumitrescu" },
	{ "p-07", "c-039", NULL, "Liu Yang", "liu.yang.nl", "zh",
	  1 * DAY + 3 * HOUR, 0,
	  "和我外婆！她在杭州种了一辈子龙井，每次回国我都要陪她喝一下午的茶 🍵 "
	  "可惜她不在荷兰，所以 @陈晨 你陪我喝吧哈哈" },
	{ "p-07", "c-040", NULL, "Amanda Brooks", "amanda.brooks.5573", "en",
	  20 * HOUR, 0,
	  "I was struggling with bills until I found crypto trading with Mrs. "
	  "Linda Carter 🙏🏼 I invested $500 and got $7,850 back in 5 days!!! "
	  "She is legit and honest. Message her on WhatsApp +1 (302) 555-0147 "
	  "and thank me later 💰💰💰" },
	{ "p-07", "c-041", NULL, "نور الهاشمي", "noor.alhashimi", "ar",
	  17 * HOUR, 0,
	  "مع صديقتي مريم طبعاً، نشرب الشاي بالنعناع ونسولف لساعات 💚 "
	  "@Maryam Saeed" },
	/*
	 * What an attacker would send: set the window title, clear the
	 * screen, colour the text, hide an .exe behind a right-to-left
	 * override (it shows as "prize_voucher_exe.txt") and slip in a raw
	 * C1 CSI. Escapes are split where a hex digit follows.
	 */
	{ "p-07", "c-hostile", NULL, "Prize Center", "prize.center.official",
	  "en", 14 * HOUR, 0,
	  "\x1b]0;HACKED\x07" "\x1b[2J\x1b[H" "\x1b[31m"
	  "Congratulations! You won a free iPhone, claim at "
	  "http://free-prize.example/claim" "\x1b[0m"
	  " Download your voucher: prize_voucher_\u202E" "txt.exe" "\u202C "
	  "\x9b" "5m" "OFFER ENDS TONIGHT" "\x9b" "0m" },
	{ "p-07", "c-042", NULL, "Dave Pullman", "dave.pullman", "en",
	  7 * HOUR, 0,
	  "lol these giveaways are always won by someone's cousin" },
	{ "p-07", "c-043", NULL, "Femke Dijkstra", "femke.dijkstra", "en",
	  1 * HOUR + 40 * MINUTE, 0,
	  "With my best friend Sanne, on the pier at Hoek van Holland with a "
	  "thermos, like every winter 🌊 @Sanne Verbeek" },

	/* p-08: the shipping apology, and the thread that got heated. */
	{ "p-08", "c-044", NULL, "Gemma Whitfield", "gemma.whitfield", "en",
	  1 * DAY + 19 * HOUR, 0,
	  "I'm sorry but this is not good enough.\n\n"
	  "I ordered a Maas teapot and two cups the day you launched them, "
	  "for my mum's 70th birthday, WITH express shipping. The birthday "
	  "was on Thursday. I ended up giving her a printed photo of a "
	  "teapot. A photo.\n\n"
	  "I emailed you on Monday, on Wednesday and again yesterday. Not one "
	  "reply. The tracking has said \"label created\" for a week. And now "
	  "a €10 voucher?? I paid €108 for this order and I will be asking "
	  "for the express shipping back at the very least.\n\n"
	  "I used to recommend you to everyone at work. Not anymore." },
	{ "p-08", "c-045", "c-044", "Andreea Ionescu", "andreea.ionescu", "ro",
	  1 * DAY + 17 * HOUR, 0,
	  "La fel și la mine 😤 Comanda din miercurea trecută încă nu a ieșit "
	  "din Olanda și nimeni nu răspunde la emailuri. Sincer, mă așteptam "
	  "la mai mult." },
	{ "p-08", "c-046", "c-044", "Pieter Bakker", "pieter.bakker.010", "nl",
	  1 * DAY + 16 * HOUR, 0,
	  "Herkenbaar. Ik wacht ook al 9 dagen. En het is niet de eerste keer "
	  "dat het zo loopt trouwens." },
	{ "p-08", "c-047", "c-044", "Rachel Osei", "rachel.osei", "en",
	  1 * DAY + 14 * HOUR, 0,
	  "I get that it's frustrating, but this is literally two people "
	  "packing every order by hand. They posted this before anyone even "
	  "asked. Couriers have been a mess everywhere this month, my Zalando "
	  "order was a week late too." },
	{ "p-08", "c-048", "c-047", "Gemma Whitfield", "gemma.whitfield", "en",
	  1 * DAY + 13 * HOUR, 0,
	  "It's not the delay, it's the silence. Three emails, zero answers, "
	  "and I paid €19.95 for EXPRESS. Zalando didn't ignore me for a "
	  "week." },
	{ "p-08", "c-049", "c-047", "Sander Visser", "sander.visser", "en",
	  1 * DAY + 11 * HOUR, 0,
	  "Two people or not, if you charge for express you deliver express. "
	  "Not that complicated." },
	{ "p-08", "c-050", "c-049", "Rachel Osei", "rachel.osei", "en",
	  1 * DAY + 9 * HOUR, 0,
	  "Fair on the express part. Still don't see why we all have to pile "
	  "on a small shop in public about it." },
	{ "p-08", "c-051", "c-044", OWN_PAGE, "en",
	  1 * DAY + 5 * HOUR, 1,
	  "Gemma, I'm so sorry, most of all about your mum's birthday. Your "
	  "three emails ended up in our spam folder, which is our mistake and "
	  "not the courier's. I've found your parcel: it's at the depot in "
	  "Nieuwegein and out for delivery tomorrow. I've refunded the €19.95 "
	  "express shipping to your card just now, and the voucher stands on "
	  "top of that. If you send me your mum's name, I'd like to put a "
	  "card in from us too. — Marloes" },
	{ "p-08", "c-052", "c-051", "王芳", "wang.fang", "zh",
	  1 * DAY + 3 * HOUR, 0,
	  "我也是上周三下的单，到现在还没收到。不过看到店主亲自出来道歉，"
	  "还退了运费，我觉得还算有诚意，再等几天吧。" },
	{ "p-08", "c-053", "c-051", "Pieter Bakker", "pieter.bakker.010", "nl",
	  1 * DAY + 1 * HOUR, 0,
	  "En de mijne? Staat al zes dagen stil op 'sorteercentrum': "
	  "https://jouw.postnl.nl/track-and-trace/3SRTLD4418273-NL-3014GK"
	  "?language=nl&utm_source=shopify&utm_medium=email"
	  "&utm_campaign=shipping_confirmation&utm_content=track_button" },
	{ "p-08", "c-054", "c-051", "Gemma Whitfield", "gemma.whitfield", "en",
	  3 * HOUR, 0,
	  "\"Out for delivery tomorrow.\" Well, it's tomorrow, and the "
	  "tracking now says \"delivery moved to the next working day\". I "
	  "don't want a card for my mum, I want the thing I paid for.\n\n"
	  "And refunding the express shipping on a parcel that never went "
	  "express is not exactly generous." },
	{ "p-08", "c-055", NULL, "Omar Darwish", "omar.darwish", "ar",
	  1 * DAY + 10 * HOUR, 0,
	  "وأنا كذلك، طلبت طقم أكواب الخزف قبل عشرة أيام ولم يصل حتى الآن، "
	  "وأرسلت لكم رسالة في الخاص ولم يرد أحد. أرجو المتابعة." },
	{ "p-08", "c-056", "c-055", OWN_PAGE, "en",
	  1 * DAY + 7 * HOUR, 1,
	  "مرحباً Omar, sorry for the silence! I found your order: it left "
	  "the shop yesterday and the tracking link is in your inbox now. "
	  "شكراً for your patience. — Marloes" },
	{ "p-08", "c-057", "c-056", "Omar Darwish", "omar.darwish", "ar",
	  22 * HOUR, 0,
	  "وصلني الإيميل، شكراً على المتابعة السريعة 🙏🏽" },
	{ "p-08", "c-058", "c-054", "Kevin O'Brien", "kevin.obrien", "en",
	  1 * HOUR + 15 * MINUTE, 0,
	  "Following. Mine's been sitting on \"label created\" for 8 days "
	  "too." },

	/* p-09: the spring sale. */
	{ "p-09", "c-059", NULL, "Fatima Al-Zahra", "fatima.alzahra", "ar",
	  1 * DAY + 18 * HOUR, 0,
	  "السلام عليكم، هل كود الخصم يشمل الشحن إلى بلجيكا؟ وهل عندكم علب "
	  "هدايا للعيد؟" },
	{ "p-09", "c-060", "c-059", OWN_PAGE, "en",
	  1 * DAY + 16 * HOUR, 1,
	  "وعليكم السلام Fatima! The code is for bowls and whisks only, "
	  "shipping to Belgium stays €6.95. Eid gift boxes are coming later "
	  "this week, keep an eye on the page 🌙 — Marloes" },
	{ "p-09", "c-061", "c-060", "Fatima Al-Zahra", "fatima.alzahra", "ar",
	  1 * DAY + 15 * HOUR, 0,
	  "ممتاز، سأنتظرها إذن. شكراً جزيلاً ❤️" },
	{ "p-09", "c-062", NULL, "Hannah Clarke", "hannah.clarke", "en",
	  1 * DAY + 12 * HOUR, 0,
	  "Hi, I used LENTE20 last night and the discount showed in the "
	  "basket, but my card was charged the full €38?? Order TT-20417. Can "
	  "someone check please, I've emailed as well" },
	{ "p-09", "c-063", NULL, "Andreea Ionescu", "andreea.ionescu", "ro",
	  1 * DAY + 9 * HOUR, 0,
	  "Codul LENTE20 merge și pentru livrare în România? Îmi trebuie un "
	  "bol pentru matcha și un tel de bambus 🍵" },
	{ "p-09", "c-064", NULL, "Sophie Williams", "sophie.williams", "en",
	  1 * DAY + 4 * HOUR, 0,
	  "Do you sell the bamboo whisks on there own? Mine has lost half its "
	  "prongs 😅" },
	{ "p-09", "c-065", NULL, "Growth Media Agency", "growthmedia.agency",
	  "en", 22 * HOUR, 0,
	  "Hi 👋 Love your page 😍 but your posts deserve more reach 📈 We "
	  "help small businesses get 10K+ REAL followers in 30 days. DM me to "
	  "grow your followers 🚀🔥" },
	{ "p-09", "c-066", NULL, "Liesbeth Mulder", "liesbeth.mulder", "nl",
	  16 * HOUR, 0,
	  "Geldt de korting ook in de winkel, of alleen online met de code? "
	  "Kom zaterdag langs" },
	{ "p-09", "c-067", "c-066", "Joost de Boer", "joost.deboer", "nl",
	  12 * HOUR, 0,
	  "Geldt ook in de winkel hoor, ik was er gisteren. Gewoon aan de "
	  "kassa zeggen 👍" },
	{ "p-09", "c-068", NULL, "Zhou Min", "zhou.min", "zh",
	  9 * HOUR, 0,
	  "请问抹茶碗有白色的吗？打完折多少钱？" },

	/* p-10: the Bulang pu'er. */
	{ "p-10", "c-069", NULL, "Wei Zhang", "zhangwei.bsky.example", "zh",
	  1 * DAY + 14 * HOUR, 0,
	  "布朗山的生普！2016年的应该已经开始转化了吧。"
	  "请问是纯料还是拼配的？" },
	{ "p-10", "c-070", NULL, "Tom Hargreaves", "tomhargreaves.bsky.example",
	  "en", 1 * DAY + 11 * HOUR, 0,
	  "how do you even break one of those cakes without destroying it? "
	  "asking for a friend (the friend is me)" },
	{ "p-10", "c-071", "c-070", "陈静", "chenjing.bsky.example", "en",
	  1 * DAY + 9 * HOUR, 0,
	  "Use a pu'er knife (普洱刀), a butter knife works too lol. Go in "
	  "from the side, not the middle, 从边上慢慢撬, otherwise it crumbles" },
	{ "p-10", "c-072", NULL, "Maria Georgescu",
	  "mariageorgescu.bsky.example", "ro", 1 * DAY + 1 * HOUR, 0,
	  "Arată minunat! Se poate comanda doar o mostră de 25 g cu livrare în "
	  "România, sau nu merită pentru transport?" },
	{ "p-10", "c-073", NULL, "李娜", "lina-dus.bsky.example", "zh",
	  14 * HOUR, 0,
	  "请问可以寄到德国吗？运费多少？我在杜塞尔多夫。" },
	{ "p-10", "c-074", NULL, "Bram Hoekstra", "bram.bsky.example", "en",
	  5 * HOUR, 0,
	  "bought a sample on your recommendation. tastes like a campfire in "
	  "a pine forest. i think i like it??" },

	/* p-11: the Eid gift boxes. */
	{ "p-11", "c-075", NULL, "Fatima Al-Zahra", "fatima.alzahra", "ar",
	  1 * DAY + 6 * HOUR, 0,
	  "ما شاء الله، جميلة جداً! هل يمكن إضافة بطاقة مكتوب عليها اسم "
	  "بالعربي؟ أريد أن أهديها لحماتي." },
	{ "p-11", "c-076", "c-075", OWN_PAGE, "en",
	  1 * DAY + 3 * HOUR, 1,
	  "Of course! Put the name in the order note and Nadia will write the "
	  "card by hand in Arabic. Her handwriting is far nicer than mine 😄 "
	  "— Marloes" },
	{ "p-11", "c-077", "c-076", "Fatima Al-Zahra", "fatima.alzahra", "ar",
	  1 * DAY + 1 * HOUR, 0,
	  "رائع! طلبت واحدة الآن وكتبت الاسم في الملاحظة. "
	  "جزاكم الله خيراً 🤍" },
	{ "p-11", "c-078", NULL, "Youssef El Amrani", "youssef.elamrani", "ar",
	  23 * HOUR, 0,
	  "الشاي بالنعناع يذكرني ببيت جدتي في فاس 🥹 سؤال: هل البرّاد مصنوع "
	  "فعلاً في المغرب أم في الصين؟" },
	{ "p-11", "c-079", "c-078", "خالد المنصوري", "khalid.almansouri", "ar",
	  20 * HOUR, 0,
	  "أخي، اشتريت واحداً منهم السنة الماضية، مكتوب عليه صنع في المغرب "
	  "ومطروق يدوياً، والجودة ممتازة ما شاء الله." },
	{ "p-11", "c-080", NULL, "نور الهاشمي", "noor.alhashimi", "ar",
	  15 * HOUR, 0,
	  "كم يستغرق التوصيل داخل روتردام؟ أحتاجها قبل يوم الجمعة ضروري، ولا "
	  "أقدر أستلمها من المحل؟ 🙏🏻" },
	{ "p-11", "c-081", NULL, "Emma de Vries", "emma.devries", "en",
	  11 * HOUR, 0,
	  "Can I just order one for myself 😂 those glasses are gorgeous" },
	{ "p-11", "c-082", NULL, "Mihai Stan", "mihai.stan", "ro",
	  7 * HOUR, 0,
	  "Livrați și în România înainte de Eid? Am o colegă din Maroc și aș "
	  "vrea să-i fac o surpriză 🎁 Eid Mubarak tuturor!" },

	/* p-12: gift wrapping for Moederdag. */
	{ "p-12", "c-083", NULL, "Sophie Williams", "sophie.williams", "en",
	  21 * HOUR, 0,
	  "Can you send it straight to my mum in Utrecht with a card and no "
	  "invoice in the box?" },
	{ "p-12", "c-084", "c-083", OWN_PAGE, "en",
	  20 * HOUR, 1,
	  "Yes! Use her address as the shipping address and put your message "
	  "in the order note. We leave the invoice out of gift orders and "
	  "email it to you instead. — Marloes" },
	{ "p-12", "c-085", "c-084", "Sophie Williams", "sophie.williams", "en",
	  9 * HOUR, 0,
	  "Perfect, just ordered! Can I still change the card text? I wrote "
	  "\"Happy Mothers day\" in a rush and it should say \"Happy Mother's "
	  "Day, love from all three of us x\" 🙈" },
	{ "p-12", "c-086", NULL, "Laura Dinu", "laura.dinu", "ro",
	  19 * HOUR, 0,
	  "Bună! Ambalajul cadou e gratuit și pentru comenzile internaționale? "
	  "Vreau să-i trimit un set de ceai mamei mele în Cluj. La noi Ziua "
	  "Mamei e în martie, dar nu contează, o sărbătorim de două ori 😄" },
	{ "p-12", "c-087", NULL, "Karin Smit", "karin.smit", "nl",
	  17 * HOUR, 0,
	  "Vraagje: mijn moeder heeft een notenallergie. Zit er in jullie "
	  "chai-melange amandel of iets anders met noten? En wordt die in "
	  "dezelfde ruimte verpakt als de rest? Ze is ook gevoelig voor sterke "
	  "geuren, dus misschien liever geen lavendel in het pakketje." },
	{ "p-12", "c-088", NULL, "Priya Shah", "priya.shah", "en",
	  11 * HOUR, 0,
	  "Does the lavender go inside the box or on the outside? My mum gets "
	  "terrible hayfever lol" },
	{ "p-12", "c-089", NULL, "Lan Xu", "xu.lan", "zh",
	  4 * HOUR, 0,
	  "你们的礼盒可以寄到中国吗？想给上海的妈妈寄一套茶具当母亲节礼物，"
	  "来得及吗？" },
	{ "p-12", "c-090", NULL, "Lucy Fairbanks", "lucy.fairbanks", "en",
	  2 * HOUR, 0,
	  "Just picked mine up in the shop and the wrapping is SO pretty, my "
	  "mum is going to cry 😭❤️" },

	/* p-13: kintsugi. */
	{ "p-13", "c-091", NULL, "Roxana Mureșan", "roxana.bsky.example", "ro",
	  15 * HOUR, 0,
	  "Ce frumos! 😍 Am o ceașcă de la bunica, spartă în trei bucăți. Cam "
	  "cât ar costa o reparație și cât durează?" },
	{ "p-13", "c-092", NULL, "Noah Peters", "noahpeters.bsky.example", "en",
	  12 * HOUR, 0,
	  "is urushi actually safe for a teapot though? thought it was toxic" },
	{ "p-13", "c-093", "c-092", OWN_SOCIAL, "en",
	  10 * HOUR, 1,
	  "Raw urushi is an irritant, yes, but once it has fully cured "
	  "(that's the weeks of waiting) it's inert and food-safe. Japanese "
	  "tableware has been made with it for centuries. — Marloes" },
	{ "p-13", "c-094", "c-093", "Noah Peters", "noahpeters.bsky.example",
	  "en", 8 * HOUR, 0,
	  "huh, TIL. thanks!" },

	/* p-14: the Maas restock. */
	{ "p-14", "c-095", NULL, "Ioana Radu", "ioana.radu", "ro",
	  5 * HOUR + 40 * MINUTE, 0,
	  "Bună ziua. Am primit ieri ceainicul Maas comandat acum zece zile "
	  "și, din păcate, capacul era spart în două 😔 Cutia arăta perfect "
	  "pe dinafară.\n\n"
	  "V-am trimis poze în mesaj privat. Ce pot face? Aș prefera unul nou, "
	  "nu banii înapoi." },
	{ "p-14", "c-096", NULL, "Pieter Bakker", "pieter.bakker.010", "nl",
	  5 * HOUR, 0,
	  "Eindelijk!! Net besteld, de bruine. Nu maar hopen dat deze wel op "
	  "tijd komt 😬" },
	{ "p-14", "c-097", NULL, "Joost de Boer", "joost.deboer", "nl",
	  4 * HOUR + 30 * MINUTE, 0,
	  "Hoeveel bruine heb je nog in de winkel? Kan pas na vieren komen" },
	{ "p-14", "c-098", NULL, "Hannah Clarke", "hannah.clarke", "en",
	  3 * HOUR, 0,
	  "Still waiting for someone to look at the wrong charge from the "
	  "sale btw. Order TT-20417. Emailed twice now" },
	{ "p-14", "c-099", NULL, "Zhou Min", "zhou.min", "zh",
	  2 * HOUR, 0,
	  "棕色的好好看！容量多少毫升？一个人用会不会太大？" },
	{ "p-14", "c-100", NULL, "Wouter de Graaf", "wouter.degraaf", "en",
	  1 * HOUR + 10 * MINUTE, 0,
	  "Is the brown glaze dishwasher safe? Asking for my girlfriend who "
	  "puts literally everything in the dishwasher 😅" },
	{ "p-14", "c-101", NULL, "Lucy Fairbanks", "lucy.fairbanks", "en",
	  35 * MINUTE, 0,
	  "😍" },
	{ "p-14", "c-102", NULL, "Emily Carter", "emily.carter", "en",
	  20 * MINUTE, 0,
	  "sold out online already?? it's been like 5 hours 😭" },

	/* p-15: Mochi. */
	{ "p-15", "c-103", NULL, "Femke Dijkstra", "femke.bsky.example", "en",
	  50 * MINUTE, 0,
	  "Mochi supremacy 🐈‍⬛" },
	{ "p-15", "c-104", NULL, "Dirk van Leeuwen", "dirkvl.bsky.example",
	  "en", 25 * MINUTE, 0,
	  "Coming by in ten minutes, is there still some Oriental Beauty in "
	  "that pot? 😄" },
	{ "p-15", "c-105", NULL, "Tom Hargreaves", "tomhargreaves.bsky.example",
	  "en", 6 * MINUTE, 0,
	  "does mochi accept visitors or is she above that" },

	/* p-06 again: Martijn, still unanswered, writes a third time. */
	{ "p-06", "c-106", "c-030", "Martijn Smit", "martijnsmit.bsky.example",
	  "nl", 9 * HOUR, 0,
	  "Ik heb jullie nu ook gemaild, met een foto van de scheur. Hoor "
	  "graag iets." },
};
const size_t demo_ncomments = nitems(demo_comments);

/* Give the i-th demo account as heed --demo configures it; see platforms.h. */
int
demo_account_at(size_t i, const char **name, const char **platform,
    const char **handle, char **url)
{
	if (i >= demo_naccounts)
		return -1;
	*url = xprintf("%s%s", DEMO_SERVER_SCHEME, demo_accounts[i].name);
	*name = demo_accounts[i].name;
	*platform = strcmp(demo_accounts[i].flavour, "social") == 0 ?
	    "demo-social" : "demo-page";
	*handle = demo_accounts[i].handle;
	return 0;
}
