/*
 * bench-gen.c -- build the synthetic caches the benchmarks read, through
 * the real store API.
 *
 *	bench-gen [--items N] [--out FILE]
 *		Write a cache of N items (default 1,000,000) to FILE (default
 *		$BUILD/bench/cache-1m.db), or reuse FILE if it is already a
 *		complete cache made by this generator.
 *	bench-gen --ingest-bench DIR [--items N] [--page N] [--runs N]
 *		Time the ingest of N items (default 100,000) in pages of
 *		--page (default 100) into a fresh cache in DIR, the way sync
 *		writes, --runs times (default 3), each followed by a plain
 *		SQLite ingest of the same rows (bench-gen-plain.c); print
 *		an "ingest_ms" and a "plain_ms" line per run, each with the
 *		time and the CPU time (user and system) in milliseconds.
 *
 * The corpus is deterministic: comments of about 300 characters in
 * English, Dutch, Arabic, Romanian and Chinese with emoji, from a pool of
 * 50,000 authors, spread over two years under 20,000 posts of two
 * accounts. The big cache also gets a realistic triage state: nearly
 * everything done, a few thousand items waiting, some snoozed and flagged.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bench-gen.h"
#include "model.h"
#include "store.h"
#include "util.h"

/* Bump when the corpus changes, so that an old cache is not reused. */
#define GEN_TAG		"bench-gen-v2"
#define GEN_SEED	0x68656564aa55aa55ULL
#define GEN_AUTHORS	50000
#define GEN_SPAN	(2 * 365 * 86400LL)	/* two years */
#define GEN_ITEMS_PER_POST 50			/* 1M items, 20,000 posts */
#define GEN_TX_PAGES	20			/* pages per transaction */
#define GEN_ANSWERED	5	/* the business answers one comment in 5 */

enum gen_lang { LANG_EN, LANG_NL, LANG_AR, LANG_RO, LANG_ZH, LANG_COUNT };

static const char *const words_en[] = {
	"the", "a", "my", "your", "this", "that", "is", "was", "and", "but",
	"for", "with", "to", "of", "in", "on", "it", "we", "you", "they",
	"order", "order", "order", "orders", "ordered", "tea", "teapot",
	"shop", "delivery", "package", "arrived", "today", "yesterday",
	"thanks", "thank", "love", "lovely", "beautiful", "cup", "cups",
	"green", "black", "jasmine", "oolong", "gift", "box", "price",
	"shipping", "when", "where", "how", "why", "please", "help",
	"question", "open", "closed", "weekend", "store", "online", "website",
	"discount", "code", "size", "colour", "broken", "wrong", "refund",
	"return", "again", "really", "very", "great", "amazing", "quick",
	"slow", "still", "waiting", "email", "reply", "friend", "recommend",
	"next", "week", "morning", "afternoon", "café", "sample", "taste",
	"flavour", "fresh", "leaves", "brew", "minutes", "water", "hot",
	"cold", "milk", "sugar", "honey"
};

static const char *const words_nl[] = {
	"de", "het", "een", "en", "ik", "je", "jullie", "wij", "is", "was",
	"niet", "wel", "voor", "met", "van", "op", "in", "bestelling",
	"bestelling", "bestellingen", "thee", "theepot", "winkel",
	"bezorging", "pakket", "vandaag", "gisteren", "bedankt", "dank",
	"mooi", "prachtig", "kopje", "groene", "zwarte", "cadeau", "doos",
	"prijs", "verzending", "wanneer", "waar", "hoe", "waarom",
	"alsjeblieft", "graag", "hulp", "vraag", "open", "gesloten",
	"weekend", "website", "kortingscode", "maat", "kleur", "kapot",
	"verkeerd", "terugbetaling", "retour", "weer", "echt", "heel",
	"geweldig", "snel", "langzaam", "nog", "wachten", "mail", "antwoord",
	"vriendin", "aanraden", "volgende", "week", "ochtend", "middag",
	"proeven", "smaak", "vers", "blaadjes", "zetten", "minuten", "water",
	"warm", "koud", "melk", "suiker", "honing", "één", "ook"
};

static const char *const words_ar[] = {
	"شكرا", "جزيلا", "الطلب", "طلبي", "الشاي", "إبريق", "المتجر",
	"التوصيل", "الطرد", "وصل", "اليوم", "أمس", "جميل", "رائع", "كوب",
	"أخضر", "أسود", "هدية", "صندوق", "السعر", "الشحن", "متى", "أين",
	"كيف", "لماذا", "من", "فضلك", "مساعدة", "سؤال", "مفتوح", "مغلق",
	"الموقع", "خصم", "رمز", "الحجم", "اللون", "مكسور", "خطأ", "استرداد",
	"مرة", "أخرى", "جدا", "سريع", "بطيء", "ما", "زلت", "أنتظر", "البريد",
	"الرد", "صديقتي", "أنصح", "الأسبوع", "القادم", "الصباح", "طعم",
	"طازج", "أوراق", "ماء", "ساخن", "بارد", "حليب", "سكر", "عسل", "في",
	"على", "و", "أنا", "نحن"
};

static const char *const words_ro[] = {
	"comanda", "comanda", "comenzi", "ceai", "ceainic", "magazin",
	"livrare", "colet", "azi", "ieri", "mulțumesc", "mulțumim", "frumos",
	"minunat", "ceașcă", "verde", "negru", "cadou", "cutie", "prețul",
	"transport", "când", "unde", "cum", "de", "ce", "vă", "rog", "ajutor",
	"întrebare", "deschis", "închis", "site", "reducere", "cod", "mărime",
	"culoare", "spart", "greșit", "rambursare", "retur", "din", "nou",
	"foarte", "rapid", "încet", "încă", "aștept", "răspuns", "prietenă",
	"recomand", "săptămâna", "viitoare", "dimineața", "gust", "proaspăt",
	"frunze", "apă", "fierbinte", "rece", "lapte", "zahăr", "miere", "și",
	"eu", "noi", "este", "în", "pe", "cu", "pentru", "am"
};

static const char *const words_zh[] = {
	"茶壶", "茶叶", "茶杯", "绿茶", "红茶", "水壶", "订单", "快递", "包裹",
	"今天", "昨天", "谢谢", "喜欢", "漂亮", "礼物", "盒子", "价格", "运费",
	"什么", "时候", "哪里", "怎么", "为什么", "请问", "帮助", "问题", "开门",
	"关门", "周末", "网站", "折扣", "尺寸", "颜色", "破了", "错了", "退款",
	"退货", "非常", "很好", "快速", "还在", "等待", "邮件", "回复", "朋友",
	"推荐", "下周", "早上", "下午", "味道", "新鲜", "叶子", "热水", "牛奶",
	"白糖", "蜂蜜", "我们", "你们", "他们", "这个", "那个", "已经", "收到",
	"可以", "没有"
};

static const char *const gen_emoji[] = {
	"😀", "😍", "👍", "🙏", "🙏🏽", "❤️", "☕", "🍵", "🎁", "📦", "😢",
	"😡", "🇳🇱", "🇷🇴", "👨‍👩‍👧", "✨", "🔥", "💚"
};

static const char *const first_en[] = {
	"Olivia", "Amelia", "Isla", "Ava", "Jack", "Harry", "Oliver",
	"George", "Noah", "Grace", "Ella", "James", "William", "Thomas",
	"Daniel", "Chloe", "Lily", "Samuel", "Ruby", "Henry"
};
static const char *const last_en[] = {
	"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson",
	"Davies", "Robinson", "Wright", "Thompson", "Evans", "Walker",
	"White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke"
};
static const char *const first_nl[] = {
	"Emma", "Sophie", "Julia", "Anna", "Lotte", "Sanne", "Daan", "Sem",
	"Lucas", "Bram", "Thijs", "Ruben", "Fleur", "Noor", "Jesse", "Milan",
	"Femke", "Sven", "Lieke", "Joris"
};
static const char *const last_nl[] = {
	"de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker",
	"Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos",
	"Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer",
	"de Wit"
};
static const char *const first_ar[] = {
	"محمد", "أحمد", "فاطمة", "مريم", "يوسف", "ليلى", "عمر", "سارة",
	"خالد", "نور", "علي", "هدى", "حسن", "زينب", "كريم", "رنا", "سامي",
	"دينا", "طارق", "ياسمين"
};
static const char *const last_ar[] = {
	"العلي", "حداد", "منصور", "الخطيب", "سليمان", "ناصر", "عيسى", "يوسف",
	"حسين", "إبراهيم", "الشامي", "المصري", "عثمان", "صالح", "فرح",
	"خليل", "بكر", "داود", "جابر", "الحسن"
};
static const char *const first_ro[] = {
	"Andrei", "Mihai", "Ioana", "Elena", "Maria", "Alexandru", "Ștefan",
	"Cristina", "Gabriel", "Ana-Maria", "Răzvan", "Bianca", "Vlad",
	"Irina", "Bogdan", "Oana", "Radu", "Alina", "Sorin", "Diana"
};
static const char *const last_ro[] = {
	"Popescu", "Ionescu", "Popa", "Dumitru", "Stan", "Stoica", "Gheorghe",
	"Rusu", "Munteanu", "Matei", "Constantin", "Șerban", "Moldovan",
	"Lungu", "Mocanu", "Ene", "Dobre", "Barbu", "Nistor", "Florea"
};
static const char *const first_zh[] = {
	"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐",
	"孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"
};
static const char *const last_zh[] = {
	"芳", "娜", "伟", "洋", "敏", "静", "丽", "强", "磊", "军", "勇",
	"艳", "杰", "涛", "明", "超", "秀英", "华", "平", "刚"
};

/* A language: its tag, words, name pools and whether words take spaces. */
static const struct gen_langdef {
	const char		*code;
	const char *const	*words;
	size_t			 nwords;
	const char *const	*first;
	const char *const	*last;
	size_t			 nnames;
	int			 spaced;
	unsigned		 weight;	/* share of items, in percent */
} gen_langs[LANG_COUNT] = {
	[LANG_EN] = { "en", words_en, nitems(words_en), first_en, last_en,
	    nitems(first_en), 1, 40 },
	[LANG_NL] = { "nl", words_nl, nitems(words_nl), first_nl, last_nl,
	    nitems(first_nl), 1, 25 },
	[LANG_AR] = { "ar", words_ar, nitems(words_ar), first_ar, last_ar,
	    nitems(first_ar), 1, 12 },
	[LANG_RO] = { "ro", words_ro, nitems(words_ro), first_ro, last_ro,
	    nitems(first_ro), 1, 13 },
	[LANG_ZH] = { "zh", words_zh, nitems(words_zh), first_zh, last_zh,
	    nitems(first_zh), 0, 10 },
};

/* A comment the business will answer, and when. */
struct gen_answer {
	char	*remote_id;
	int64_t	 due;
};

/* The generator's state; one per corpus. */
struct gen {
	uint64_t	 rng;
	int64_t		 now;		/* the newest item is about now */
	int64_t		 start;		/* the oldest is about now - span */
	size_t		 nitems;	/* items in the whole corpus */
	size_t		 nposts;
	size_t		 next_item;	/* index of the next item to make */
	size_t		 next_post;
	size_t		 next_page;
	int64_t		 account[2];	/* store ids */
	char		*recent[2][64];	/* recent customer item ids */
	size_t		 nrecent[2];
	size_t		 posts[2][16];	/* recent posts of each account */
	size_t		 nposts_of[2];
	struct gen_answer *answers[2];	/* comments waiting for an answer */
	size_t		 nanswers[2];
	size_t		 answers_head[2];
	size_t		 answers_cap[2];
};

/* One page for one account, ready for store_ingest. */
struct gen_page {
	int			 acct;		/* 0 or 1 */
	struct post		*posts;
	size_t			 nposts;
	size_t			 capposts;
	struct item_list	 items;
};

/* Give the next 64 random bits (splitmix64). */
static uint64_t
gen_next(struct gen *g)
{
	uint64_t	z;

	z = (g->rng += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Give a random number in [0, n). */
static size_t
gen_below(struct gen *g, size_t n)
{
	return (size_t)((gen_next(g) >> 11) % n);
}

/* Give a random number in [0, 1). */
static double
gen_unit(struct gen *g)
{
	return (double)(gen_next(g) >> 11) / 9007199254740992.0;
}

/* Start a corpus of n items ending now. */
static void
gen_init(struct gen *g, size_t n, int64_t now)
{
	memset(g, 0, sizeof *g);
	g->rng = GEN_SEED;
	g->now = now;
	g->start = now - GEN_SPAN;
	g->nitems = n;
	g->nposts = n / GEN_ITEMS_PER_POST > 0 ? n / GEN_ITEMS_PER_POST : 1;
}

/* Free what a generator holds. */
static void
gen_free(struct gen *g)
{
	size_t	a, i;

	for (a = 0; a < 2; a++) {
		for (i = 0; i < nitems(g->recent[a]); i++)
			free(g->recent[a][i]);
		for (i = g->answers_head[a]; i < g->nanswers[a]; i++)
			free(g->answers[a][i].remote_id);
		free(g->answers[a]);
	}
}

/* The creation time of item i: evenly spread, with a little jitter. */
static int64_t
gen_item_time(struct gen *g, size_t i)
{
	return g->start + (int64_t)((double)GEN_SPAN * (double)i /
	    (double)g->nitems) + (int64_t)gen_below(g, 50);
}

/* The creation time of post k. */
static int64_t
gen_post_time(const struct gen *g, size_t k)
{
	return g->start + (int64_t)((double)GEN_SPAN * (double)k /
	    (double)g->nposts) - 3600;
}

/* Count the code points of a UTF-8 string of n bytes. */
static size_t
gen_chars(const char *s, size_t n)
{
	size_t	i, c = 0;

	for (i = 0; i < n; i++) {
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			c++;
	}
	return c;
}

/* Pick a language by weight. */
static enum gen_lang
gen_pick_lang(struct gen *g)
{
	size_t	r = gen_below(g, 100), acc = 0;
	int	l;

	for (l = 0; l < LANG_COUNT; l++) {
		acc += gen_langs[l].weight;
		if (r < acc)
			return (enum gen_lang)l;
	}
	return LANG_EN;
}

/* Append one sentence of language l to b. */
static void
gen_sentence(struct gen *g, struct buf *b, enum gen_lang l)
{
	const struct gen_langdef	*d = &gen_langs[l];
	static const char *const	 ends[] = { ".", ".", "!", "?" };
	static const char *const	 ends_zh[] = { "。", "。", "！", "？" };
	size_t				 n, i, e;
	const char			*w;

	n = 4 + gen_below(g, 9);
	for (i = 0; i < n; i++) {
		w = d->words[gen_below(g, d->nwords)];
		if (l == LANG_EN && gen_below(g, 2000000) == 0)
			w = "zeppelin";		/* the rare word */
		if (d->spaced && b->len > 0 && b->data[b->len - 1] != '\n')
			buf_addch(b, ' ');
		if (d->spaced && i == 0 && w[0] >= 'a' && w[0] <= 'z') {
			buf_addch(b, (char)(w[0] - 'a' + 'A'));
			buf_addstr(b, w + 1);
		} else
			buf_addstr(b, w);
		if (i + 1 < n && gen_below(g, 8) == 0)
			buf_addstr(b, d->spaced ? "," : "，");
	}
	e = gen_below(g, nitems(ends));
	buf_addstr(b, d->spaced ? ends[e] : ends_zh[e]);
	if (gen_below(g, 6) == 0) {
		if (d->spaced)
			buf_addch(b, ' ');
		buf_addstr(b, gen_emoji[gen_below(g, nitems(gen_emoji))]);
	}
	if (gen_below(g, 12) == 0)
		buf_addch(b, '\n');
}

/* Make the text of a comment: about 300 characters; new string. */
static char *
gen_text(struct gen *g, enum gen_lang l)
{
	struct buf	b;
	size_t		target = 240 + gen_below(g, 121);
	enum gen_lang	other;

	buf_init(&b, 0);
	while (gen_chars(b.data, b.len) < target) {
		/* One comment in twenty switches language for a sentence. */
		other = gen_below(g, 20) == 0 ? gen_pick_lang(g) : l;
		gen_sentence(g, &b, other);
	}
	while (b.len > 0 && b.data[b.len - 1] == '\n')
		b.data[--b.len] = '\0';
	return buf_steal(&b);
}

/* Fill the author of an item from the pool; skewed to regulars. */
static void
gen_author(struct gen *g, struct item *it)
{
	const struct gen_langdef	*d;
	double				 u = gen_unit(g);
	size_t				 a, f, s;
	const char			*p;
	struct buf			 h;

	a = (size_t)(u * u * GEN_AUTHORS);
	d = &gen_langs[a % LANG_COUNT];
	f = (a / LANG_COUNT) % d->nnames;
	s = (a / LANG_COUNT / d->nnames) % d->nnames;
	it->author_name = xprintf("%s%s%s", d->first[f],
	    d->spaced ? " " : "", d->last[s]);
	/* Handles are ASCII: the name's ASCII letters, else the language. */
	buf_init(&h, 0);
	for (p = it->author_name; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
			buf_addch(&h, (char)(*p | 0x20));
	}
	if (h.len == 0)
		buf_addstr(&h, d->code);
	buf_printf(&h, "%zu", a);
	it->author_handle = buf_steal(&h);
}

/* Remember a customer item as one that replies may answer. */
static void
gen_remember(struct gen *g, int acct, const char *remote_id)
{
	size_t	slot = g->nrecent[acct]++ % nitems(g->recent[acct]);

	free(g->recent[acct][slot]);
	g->recent[acct][slot] = xstrdup(remote_id);
}

/* A recent customer item of an account, or NULL. */
static const char *
gen_recent(struct gen *g, int acct)
{
	size_t	n = g->nrecent[acct];

	if (n == 0)
		return NULL;
	if (n > nitems(g->recent[acct]))
		n = nitems(g->recent[acct]);
	return g->recent[acct][gen_below(g, n)];
}

/* Add post k (the business's own) to a page. */
static void
gen_post(struct gen *g, struct gen_page *pg, size_t k)
{
	struct post	*p;

	if (pg->nposts == pg->capposts) {
		pg->capposts = pg->capposts ? pg->capposts * 2 : 16;
		pg->posts = xreallocarray(pg->posts, pg->capposts,
		    sizeof *pg->posts);
	}
	p = &pg->posts[pg->nposts++];
	memset(p, 0, sizeof *p);
	p->account_id = g->account[pg->acct];
	g->posts[pg->acct][g->nposts_of[pg->acct]++ %
	    nitems(g->posts[pg->acct])] = k;
	p->remote_id = xprintf("p%06zu", k);
	p->author_name = xstrdup("Tulip & Tea");
	p->author_handle = xstrdup("tulipandtea");
	p->text = gen_text(g, k % 3 == 0 ? LANG_NL : LANG_EN);
	p->permalink = xprintf("https://social.example/@tulipandtea/p%06zu",
	    k);
	p->created = gen_post_time(g, k);
	p->own = 1;
}

/*
 * Pick the post an item hangs on: one of its account's recent posts that
 * is older than the item, mostly one of the newest few.
 */
static size_t
gen_pick_post(struct gen *g, int acct, int64_t created)
{
	size_t	n = g->nposts_of[acct], have, back, k;

	if (n == 0)
		return acct;	/* no post yet: the account's first */
	have = n < nitems(g->posts[acct]) ? n : nitems(g->posts[acct]);
	back = gen_below(g, 4) == 0 ? gen_below(g, have) : gen_below(g,
	    have < 3 ? have : 3);
	do {
		k = g->posts[acct][(n - 1 - back) % nitems(g->posts[acct])];
	} while (gen_post_time(g, k) > created && ++back < have);
	return k;
}

/* Queue a comment for an answer from the business a little later. */
static void
gen_answer_later(struct gen *g, int acct, const struct item *it)
{
	struct gen_answer	*a;

	if (g->answers_head[acct] > 0 &&
	    g->answers_head[acct] == g->nanswers[acct])
		g->answers_head[acct] = g->nanswers[acct] = 0;
	if (g->nanswers[acct] == g->answers_cap[acct]) {
		g->answers_cap[acct] = g->answers_cap[acct] ?
		    g->answers_cap[acct] * 2 : 256;
		g->answers[acct] = xreallocarray(g->answers[acct],
		    g->answers_cap[acct], sizeof *g->answers[acct]);
	}
	a = &g->answers[acct][g->nanswers[acct]++];
	a->remote_id = xstrdup(it->remote_id);
	a->due = it->created + 600 + (int64_t)gen_below(g, 6 * 3600);
}

/* Take the oldest comment due for an answer by then; NULL if none. */
static char *
gen_answer_due(struct gen *g, int acct, int64_t now)
{
	struct gen_answer	*a;

	if (g->answers_head[acct] == g->nanswers[acct])
		return NULL;
	a = &g->answers[acct][g->answers_head[acct]];
	if (a->due > now)
		return NULL;
	g->answers_head[acct]++;
	return a->remote_id;
}

/* Make a customer's comment, reply, mention or quote. */
static void
gen_customer(struct gen *g, struct item *it, int acct)
{
	enum gen_lang	 l = gen_pick_lang(g);
	size_t		 r = gen_below(g, 100);
	const char	*parent = gen_recent(g, acct);

	it->kind = r < 70 ? ITEM_COMMENT : r < 85 ? ITEM_REPLY :
	    r < 95 ? ITEM_MENTION : ITEM_QUOTE;
	if (it->kind == ITEM_REPLY && parent != NULL)
		it->parent_remote_id = xstrdup(parent);
	else if (it->kind == ITEM_REPLY)
		it->kind = ITEM_COMMENT;
	gen_author(g, it);
	it->text = gen_text(g, l);
	it->lang = xstrdup(gen_langs[l].code);
	it->hidden = gen_below(g, 200) == 0;
	it->deleted = gen_below(g, 300) == 0;
	gen_remember(g, acct, it->remote_id);
	/*
	 * replied marks, in the generator's own copy only (upserts ignore
	 * it), a comment that an answer further on will settle.
	 */
	if (!it->deleted && gen_below(g, GEN_ANSWERED) == 0) {
		it->replied = 1;
		gen_answer_later(g, acct, it);
	}
}

/* Make item i of the corpus into a page. */
static void
gen_item(struct gen *g, struct gen_page *pg, size_t i)
{
	struct item	*it;
	int64_t		 created = gen_item_time(g, i);
	int		 acct = pg->acct;
	char		*answered;

	it = item_list_add(&pg->items);
	it->account_id = g->account[acct];
	it->remote_id = xprintf("i%07zu", i);
	it->post_remote_id = xprintf("p%06zu", gen_pick_post(g, acct,
	    created));
	it->created = created;
	if ((answered = gen_answer_due(g, acct, created)) != NULL) {
		/* The business answering someone. */
		it->own = 1;
		it->kind = ITEM_REPLY;
		it->parent_remote_id = answered;
		it->author_name = xstrdup("Tulip & Tea");
		it->author_handle = xstrdup("tulipandtea");
		it->text = gen_text(g, gen_below(g, 2) ? LANG_EN : LANG_NL);
		it->lang = xstrdup("en");
	} else
		gen_customer(g, it, acct);
	it->permalink = xprintf("https://social.example/@%s/%07zu",
	    it->author_handle, i);
	if (gen_below(g, 33) == 0)
		it->attachment = xstrdup("photo: image/jpeg, 1.2 MB");
	if (gen_below(g, 50) == 0)
		it->edited = created + (int64_t)gen_below(g, 3600);
	it->like_count = (int64_t)(gen_below(g, 4) == 0 ? gen_below(g, 30) :
	    0);
}

/* Make the next page of up to n items, with the posts they hang on. */
static void
gen_page(struct gen *g, struct gen_page *pg, size_t n)
{
	size_t	end = g->next_item + n, i;
	int64_t	last;

	memset(pg, 0, sizeof *pg);
	pg->acct = (int)(g->next_page++ % 2);
	if (end > g->nitems)
		end = g->nitems;
	/* Every post created up to the last item of the page comes along. */
	last = g->start + (int64_t)((double)GEN_SPAN * (double)(end - 1) /
	    (double)g->nitems) + 3600;
	while (g->next_post < g->nposts &&
	    gen_post_time(g, g->next_post) <= last)
		gen_post(g, pg, g->next_post++);
	for (i = g->next_item; i < end; i++)
		gen_item(g, pg, i);
	g->next_item = end;
}

/* Free a page. */
static void
gen_page_free(struct gen_page *pg)
{
	size_t	i;

	for (i = 0; i < pg->nposts; i++)
		post_clear(&pg->posts[i]);
	free(pg->posts);
	item_list_free(&pg->items);
	memset(pg, 0, sizeof *pg);
}

/* Store a page for its account in one store_ingest, as sync does. */
static int
gen_ingest(struct gen *g, struct store *s, const struct gen_page *pg,
    char **cause)
{
	return store_ingest(s, g->account[pg->acct], pg->posts, pg->nposts,
	    &pg->items, NULL, 0, "notifications", "cursor", NULL, cause);
}

/* Give one item of a freshly ingested page its triage state. */
static int
gen_triage_item(struct gen *g, struct store *s, const struct item *it,
    char **cause)
{
	int64_t	id, age = g->now - it->created;
	double	r = gen_unit(g);
	int	rc;

	if (it->own || it->deleted)
		return 0;	/* not the business's to triage, or settled */
	if ((rc = store_item_find(s, it->account_id, it->remote_id, &id,
	    cause)) != 0)
		return rc == 1 ? util_fail(cause, "item %s was not stored",
		    it->remote_id) : -1;
	if (gen_below(g, 1000) == 0 && store_set_flags(s, id,
	    gen_below(g, 2) ? ITEM_FLAG_ESCALATED : ITEM_FLAG_STARRED, NULL,
	    cause) != 0)
		return -1;
	if (it->replied)
		return 0;	/* an answer settles it */
	if ((age < 2 * 86400 && r < 0.9) || r < 0.0025) {
		/* Waiting: the last two days, and a few forgotten ones. */
		if (gen_below(g, 2) == 0)
			return store_mark_read(s, id, cause);
		return 0;
	}
	if (r < 0.004) {
		return store_set_status(s, id, STATUS_SNOOZED, g->now + 86400 *
		    (int64_t)(30 + gen_below(g, 300)), cause);
	}
	return store_set_status(s, id, STATUS_DONE, 0, cause);
}

/* Triage a freshly ingested page. */
static int
gen_triage(struct gen *g, struct store *s, const struct gen_page *pg,
    char **cause)
{
	size_t	i;

	for (i = 0; i < pg->items.n; i++) {
		if (gen_triage_item(g, s, &pg->items.v[i], cause) != 0)
			return -1;
	}
	return 0;
}

/* Give the seconds elapsed since t0 on the monotonic clock. */
static double
gen_since(const struct timespec *t0)
{
	struct timespec	t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) +
	    (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* Make the two accounts of the corpus. */
static int
gen_accounts(struct gen *g, struct store *s, char **cause)
{
	if (store_account_ensure(s, GEN_TAG "-mastodon", "mastodon",
	    "tulipandtea", "https://social.example", &g->account[0],
	    cause) != 0)
		return -1;
	return store_account_ensure(s, GEN_TAG "-bluesky", "bluesky",
	    "tulipandtea.example", "https://bsky.example", &g->account[1],
	    cause);
}

/* Write the whole corpus with triage into s, a page of 1,000 at a time. */
static int
gen_fill(struct store *s, size_t n, char **cause)
{
	struct gen	 g;
	struct gen_page	 pg;
	struct timespec	 t0;
	size_t		 pages = 0, mark = 100000;
	int		 rc = 0;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	gen_init(&g, n, util_now());
	if (gen_accounts(&g, s, cause) != 0)
		return -1;
	while (rc == 0 && g.next_item < g.nitems) {
		/* Big transactions: each page is a savepoint inside one. */
		if (pages % GEN_TX_PAGES == 0 &&
		    (rc = store_begin(s, cause)) != 0)
			break;
		gen_page(&g, &pg, 1000);
		rc = gen_ingest(&g, s, &pg, cause);
		if (rc == 0)
			rc = gen_triage(&g, s, &pg, cause);
		gen_page_free(&pg);
		pages++;
		if (rc == 0 && (pages % GEN_TX_PAGES == 0 ||
		    g.next_item == g.nitems))
			rc = store_commit(s, cause);
		if (g.next_item >= mark) {
			printf("  %zu items, %.1f s\n", g.next_item,
			    gen_since(&t0));
			fflush(stdout);
			mark += 100000;
		}
	}
	if (rc != 0)
		store_rollback(s);
	gen_free(&g);
	return rc;
}

/* Tell whether path is a complete cache of n items from this generator. */
static int
gen_reusable(const char *path, size_t n)
{
	struct stat		 sb;
	struct store		*s;
	struct store_counts	 c;
	struct store_account	*acc;
	size_t			 nacc, i;
	int			 ok = 0;

	if (stat(path, &sb) != 0 || (uint64_t)sb.st_size < (uint64_t)n * 300)
		return 0;
	if ((s = store_open(path, STORE_READONLY, NULL)) == NULL)
		return 0;
	if (store_account_list(s, &acc, &nacc, NULL) == 0) {
		for (i = 0; i < nacc; i++) {
			if (strncmp(acc[i].name, GEN_TAG "-", sizeof GEN_TAG) ==
			    0)
				ok = 1;
		}
		store_account_list_free(acc, nacc);
	}
	if (ok && (store_counts(s, &c, NULL) != 0 ||
	    c.view[VIEW_ALL] != (int64_t)n))
		ok = 0;
	store_close(s);
	return ok;
}

/* Remove a cache and its WAL and shared-memory files. */
static void
gen_unlink(const char *path)
{
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
	char			*p;
	size_t			 i;

	for (i = 0; i < nitems(suffix); i++) {
		p = xprintf("%s%s", path, suffix[i]);
		unlink(p);
		free(p);
	}
}

/* Make (or reuse) the big cache at path. */
static int
gen_cache(const char *path, size_t n)
{
	struct store	*s;
	struct timespec	 t0;
	struct stat	 sb;
	char		*part, *cause = NULL;
	int		 rc;

	if (gen_reusable(path, n)) {
		stat(path, &sb);
		printf("bench-gen: reusing %s (%zu items, %.0f MB)\n", path, n,
		    (double)sb.st_size / 1e6);
		return 0;
	}
	printf("bench-gen: writing %zu items to %s\n", n, path);
	fflush(stdout);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	/* Write beside it and rename, so a killed run is never reused. */
	part = xprintf("%s.part", path);
	gen_unlink(part);
	gen_unlink(path);
	if ((s = store_open(part, 0, &cause)) == NULL) {
		fprintf(stderr, "bench-gen: %s\n", cause);
		free(cause);
		free(part);
		return -1;
	}
	rc = gen_fill(s, n, &cause);
	store_close(s);
	if (rc == 0 && rename(part, path) != 0)
		rc = util_fail(&cause, "rename %s: %s", part, strerror(errno));
	if (rc != 0) {
		fprintf(stderr, "bench-gen: %s\n", cause);
		free(cause);
		gen_unlink(part);
		free(part);
		return -1;
	}
	free(part);
	stat(path, &sb);
	printf("bench-gen: generated %zu items in %.1f s (%.0f MB)\n", n,
	    gen_since(&t0), (double)sb.st_size / 1e6);
	return 0;
}

/* The process's CPU time (user and system) so far, in seconds. */
static double
gen_cpu(void)
{
	struct timespec	t;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/*
 * Time one ingest of a prepared corpus into a fresh cache: the time it
 * took into secs[0], the CPU time into secs[1]; 0 or -1.
 */
static int
gen_ingest_once(const char *path, struct gen *g, struct gen_page *pages,
    size_t npages, double *secs, char **cause)
{
	struct store	*s;
	struct timespec	 t0;
	double		 c0;
	size_t		 i;
	int		 rc = 0;

	if ((s = store_open(path, 0, cause)) == NULL ||
	    gen_accounts(g, s, cause) != 0) {
		store_close(s);
		return -1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	c0 = gen_cpu();
	for (i = 0; i < npages && rc == 0; i++)
		rc = gen_ingest(g, s, &pages[i], cause);
	/* Every row searchable: the last batch is part of the cost. */
	if (rc == 0)
		rc = store_fts_flush(s, cause);
	if (rc == 0) {
		secs[0] = gen_since(&t0);
		secs[1] = gen_cpu() - c0;
	}
	store_close(s);
	return rc;
}

/* Time the plain SQLite ingest of the same pages, as above; 0 or -1. */
static int
gen_plain_once(const char *path, struct gen *g, struct gen_page *pages,
    size_t npages, double *secs, char **cause)
{
	struct plain	*p;
	struct timespec	 t0;
	double		 c0;
	size_t		 i;
	int		 rc = 0;

	if ((p = plain_open(path, cause)) == NULL)
		return -1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	c0 = gen_cpu();
	for (i = 0; i < npages && rc == 0; i++) {
		rc = plain_page(p, g->account[pages[i].acct], pages[i].posts,
		    pages[i].nposts, &pages[i].items, cause);
	}
	if (rc == 0) {
		secs[0] = gen_since(&t0);
		secs[1] = gen_cpu() - c0;
	}
	plain_close(p);
	return rc;
}

/*
 * Time the ingest of n items in pages of per_page, runs times, into a
 * fresh cache in dir, each beside the plain SQLite ingest of the same
 * pages (the floor), so that both see the same machine: heed first in
 * odd runs and the floor first in even ones, so that neither always
 * follows the other. Prints "ingest_ms MS CPU_MS" and "plain_ms MS
 * CPU_MS" lines, a pair a run.
 */
static int
gen_ingest_bench(const char *dir, size_t n, size_t per_page, int runs)
{
	struct gen	 g;
	struct gen_page	*pages;
	size_t		 npages = (n + per_page - 1) / per_page, i;
	double		 heed[2] = { 0, 0 }, plain[2] = { 0, 0 };
	char		*path, *cause = NULL;
	int		 run, rc = 0;

	/* Every fresh cache gives the accounts ids 1 and 2. */
	gen_init(&g, n, util_now());
	g.account[0] = 1;
	g.account[1] = 2;
	pages = xcalloc(npages, sizeof *pages);
	for (i = 0; i < npages; i++)
		gen_page(&g, &pages[i], per_page);
	path = xprintf("%s/ingest.db", dir);
	for (run = 0; run < runs && rc == 0; run++) {
		gen_unlink(path);
		if (run % 2 == 1) {
			rc = gen_plain_once(path, &g, pages, npages, plain,
			    &cause);
			gen_unlink(path);
		}
		if (rc == 0)
			rc = gen_ingest_once(path, &g, pages, npages, heed,
			    &cause);
		gen_unlink(path);
		if (rc == 0 && run % 2 == 0)
			rc = gen_plain_once(path, &g, pages, npages, plain,
			    &cause);
		gen_unlink(path);
		if (rc == 0) {
			printf("ingest_ms %.1f %.1f\n", heed[0] * 1e3,
			    heed[1] * 1e3);
			printf("plain_ms %.1f %.1f\n", plain[0] * 1e3,
			    plain[1] * 1e3);
		}
		fflush(stdout);
	}
	if (rc != 0) {
		fprintf(stderr, "bench-gen: %s\n", cause);
		free(cause);
	}
	free(path);
	for (i = 0; i < npages; i++)
		gen_page_free(&pages[i]);
	free(pages);
	gen_free(&g);
	return rc;
}

/* Parse a positive count option; exit on a bad one. */
static size_t
gen_count(const char *opt, const char *s)
{
	int64_t	v;

	if (util_parse_int(s, 1, 100000000, &v) != 0) {
		fprintf(stderr, "bench-gen: %s takes a positive number\n", opt);
		exit(2);
	}
	return (size_t)v;
}

int
main(int argc, char **argv)
{
	const char	*out = NULL, *ingest_dir = NULL, *build;
	size_t		 n = 0, page = 100, runs = 3;
	char		*path, *dir;
	int		 i, rc;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--items") == 0 && i + 1 < argc)
			n = gen_count(argv[i], argv[i + 1]), i++;
		else if (strcmp(argv[i], "--page") == 0 && i + 1 < argc)
			page = gen_count(argv[i], argv[i + 1]), i++;
		else if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc)
			runs = gen_count(argv[i], argv[i + 1]), i++;
		else if (strcmp(argv[i], "--out") == 0 && i + 1 < argc)
			out = argv[++i];
		else if (strcmp(argv[i], "--ingest-bench") == 0 && i + 1 < argc)
			ingest_dir = argv[++i];
		else {
			fprintf(stderr, "usage: bench-gen [--items N] [--out "
			    "FILE]\n       bench-gen --ingest-bench DIR "
			    "[--items N] [--page N] [--runs N]\n");
			return 2;
		}
	}
	if (ingest_dir != NULL) {
		return gen_ingest_bench(ingest_dir, n ? n : 100000, page,
		    (int)runs) == 0 ? 0 : 1;
	}
	if (n == 0)
		n = 1000000;
	if (out != NULL)
		path = xstrdup(out);
	else {
		build = getenv("BUILD");
		dir = xprintf("%s/bench", build != NULL && *build != '\0' ?
		    build : "build");
		util_mkdirs(dir, 0700);
		path = xprintf("%s/cache-1m.db", dir);
		free(dir);
	}
	rc = gen_cache(path, n);
	free(path);
	return rc == 0 ? 0 : 1;
}
