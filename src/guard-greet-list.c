/*
 * guard-greet-list.c -- what the greeting check knows of the words around
 * a greeting, language by language: the words a greeting goes on with
 * before a name may come ("Buenos días", "Bună ziua", "Merci beaucoup"),
 * the words that follow a greeting and are nobody's name ("Hi team",
 * "Beste allemaal", "مرحبا بك"), the sign-offs that begin like a greeting
 * ("Liebe Grüße", "Beste groeten"), the given names that are ordinary
 * words as well ("Rose", "Mark", "Claire"), and the shapes of a Chinese
 * name ("王芳", "李女士", "小王").
 *
 * The greetings themselves and their titles are in guard-lang.c. Words
 * are compared folded as names are (guard_name_key): "días" is "dias".
 * Every language's lists are asked, whatever the reply's language: a
 * short reply's language often cannot be told, and no word that goes on,
 * is no name or signs off in one of them is a name in another.
 */
#include <string.h>

#include "guard-private.h"
#include "text.h"
#include "util.h"

/* The lists of one language; each ends with NULL. */
struct guard_greet_lang {
	const char		*code;
	const char *const	*opens;		/* begin a greeting: "good" */
	const char *const	*goes_on;	/* "morning", "beaucoup" */
	const char *const	*no_name;	/* "team", "sir" */
	const char *const	*signoff;	/* "regards", "grüße" */
	const char *const	*given;		/* names that are words */
};

static const char *const guard_greet_none[] = { NULL };

static const char *const guard_greet_en_opens[] = { "good", NULL };
static const char *const guard_greet_en_goes_on[] = {
	"good", "morning", "afternoon", "evening", "day", NULL
};
static const char *const guard_greet_en_no_name[] = {
	"sir", "sirs", "madam", "ladies", "gents", "gentlemen", "lads",
	"love", "darling", "hun", "hon", "sweetie", "babe", "mate",
	"neighbour", "neighbours", "neighbor", "neighbors", "customers",
	"people", "both", "back", "too", "happy", "merry", "welcome",
	"gorgeous", "beautiful", "valued", "fellow", NULL
};
static const char *const guard_greet_en_signoff[] = {
	"regards", "wishes", "greetings", NULL
};
static const char *const guard_greet_en_given[] = {
	"rose", "mark", "will", "bill", "grace", "hope", "joy", "faith",
	"lily", "daisy", "ruby", "pearl", "amber", "holly", "ivy", "jack",
	"dawn", "april", "may", "june", "summer", "olive", "robin", "sandy",
	"frank", "iris", "violet", "heather", "hazel", "poppy", "dean",
	"drew", "grant", "rich", NULL
};

static const char *const guard_greet_nl_opens[] = {
	"goede", "goeie", "goedendag", "goedenavond", NULL
};
static const char *const guard_greet_nl_goes_on[] = {
	"goede", "goeie", "morgen", "middag", "avond", "dag", NULL
};
static const char *const guard_greet_nl_no_name[] = {
	"buren", "klanten", "lieverd", "schat", "allen", "vrienden",
	"mensen", "jongens", "meiden", "dames", "heren", NULL
};
static const char *const guard_greet_nl_signoff[] = {
	"groet", "groeten", "groetjes", "wensen", NULL
};
static const char *const guard_greet_nl_given[] = { "roos", NULL };

static const char *const guard_greet_ro_goes_on[] = {
	"ziua", "dimineața", "seara", "găsit", NULL
};
static const char *const guard_greet_ro_no_name[] = {
	"dragilor", "clienți", "doamnelor", "domnilor", "vecine", "vecina",
	"echipa", "tuturora", NULL
};

static const char *const guard_greet_de_opens[] = { "guten", NULL };
static const char *const guard_greet_de_goes_on[] = {
	"guten", "morgen", "tag", "abend", "schön", "vielmals", NULL
};
static const char *const guard_greet_de_no_name[] = {
	"ihr", "ihnen", "dir", "dich", "euch", "lieben", "liebes", "kunde",
	"kundin", "kunden", "freunde", "freundin", "nachbarn", "damen",
	"herren", "alle", "mitglieder", NULL
};
static const char *const guard_greet_de_signoff[] = {
	"grüße", "grüsse", "gruß", "gruss", "grüßen", "wünsche", NULL
};
static const char *const guard_greet_de_given[] = {
	"ernst", "frank", "heide", "rose", "iris", NULL
};

static const char *const guard_greet_fr_goes_on[] = {
	"beaucoup", "infiniment", "encore", "bien", "mille", "fois", NULL
};
static const char *const guard_greet_fr_no_name[] = {
	"mesdames", "messieurs", "chers", "chères", "ami", "amie", "amis",
	"amies", "clients", "clientes", "cliente", "voisins", "voisines",
	"équipe", "à", "vous", "toi", NULL
};
static const char *const guard_greet_fr_signoff[] = {
	"cordialement", "salutations", "amitiés", "bisous", "bises", NULL
};
static const char *const guard_greet_fr_given[] = {
	"claire", "rose", "pierre", "marguerite", "violette", "aurore",
	"blanche", "constance", "flore", "jade", "marine", "olive", NULL
};

static const char *const guard_greet_es_opens[] = {
	"buenos", "buenas", "buen", NULL
};
static const char *const guard_greet_es_goes_on[] = {
	"buenos", "buenas", "buen", "día", "días", "tardes", "noches", NULL
};
static const char *const guard_greet_es_no_name[] = {
	"chicos", "chicas", "gente", "guapa", "guapo", "cariño", "vecina",
	"vecino", "equipo", "clientes", "señores", "usted", "ti", "mil",
	NULL
};
static const char *const guard_greet_es_signoff[] = {
	"saludos", "saludo", "abrazos", "abrazo", "besos", NULL
};
static const char *const guard_greet_es_given[] = {
	"rosa", "luz", "paz", "pilar", "dolores", "mercedes", "rocío",
	"consuelo", "esperanza", "soledad", "amparo", "estrella", "paloma",
	"blanca", "sol", "flor", "victoria", NULL
};

static const char *const guard_greet_ar_opens[] = { "صباح", "مساء", NULL };
static const char *const guard_greet_ar_goes_on[] = {
	"الخير", "النور", NULL
};
static const char *const guard_greet_ar_no_name[] = {
	"وسهلا", "جزيلا", "جميعا", "صديقي", "صديقتي", "أصدقائي", "أخي",
	"أختي", "حبيبي", "حبيبتي", "ومرحبا", NULL
};

static const struct guard_greet_lang guard_greet_langs[] = {
	{ "en", guard_greet_en_opens, guard_greet_en_goes_on,
	  guard_greet_en_no_name, guard_greet_en_signoff,
	  guard_greet_en_given },
	{ "nl", guard_greet_nl_opens, guard_greet_nl_goes_on,
	  guard_greet_nl_no_name, guard_greet_nl_signoff,
	  guard_greet_nl_given },
	{ "ro", guard_greet_none, guard_greet_ro_goes_on,
	  guard_greet_ro_no_name, guard_greet_none, guard_greet_none },
	{ "de", guard_greet_de_opens, guard_greet_de_goes_on,
	  guard_greet_de_no_name, guard_greet_de_signoff,
	  guard_greet_de_given },
	{ "fr", guard_greet_none, guard_greet_fr_goes_on,
	  guard_greet_fr_no_name, guard_greet_fr_signoff,
	  guard_greet_fr_given },
	{ "es", guard_greet_es_opens, guard_greet_es_goes_on,
	  guard_greet_es_no_name, guard_greet_es_signoff,
	  guard_greet_es_given },
	{ "ar", guard_greet_ar_opens, guard_greet_ar_goes_on,
	  guard_greet_ar_no_name, guard_greet_none, guard_greet_none },
};

/* Which list of a language a lookup asks. */
enum guard_greet_list {
	GUARD_GREET_OPENS,
	GUARD_GREET_GOES_ON,
	GUARD_GREET_NO_NAME,
	GUARD_GREET_SIGNOFF,
	GUARD_GREET_GIVEN
};

/* Whether a word, folded, is in one list of any language. */
static int
guard_greet_in(int list, const char *word)
{
	const struct guard_greet_lang	*l;
	const char *const		*v;
	char				 key[GUARD_WORD_MAX * 4 + 1];
	char				 entry[GUARD_WORD_MAX * 4 + 1];
	size_t				 i, k;

	guard_name_key(word, key, sizeof key);
	for (i = 0; i < nitems(guard_greet_langs); i++) {
		l = &guard_greet_langs[i];
		v = list == GUARD_GREET_OPENS ? l->opens :
		    list == GUARD_GREET_GOES_ON ? l->goes_on :
		    list == GUARD_GREET_NO_NAME ? l->no_name :
		    list == GUARD_GREET_SIGNOFF ? l->signoff : l->given;
		for (k = 0; v[k] != NULL; k++) {
			guard_name_key(v[k], entry, sizeof entry);
			if (strcmp(key, entry) == 0)
				return 1;
		}
	}
	return 0;
}

/* Whether a word begins a greeting when a time of day follows ("good"). */
int
guard_greet_opens(const char *word)
{
	return guard_greet_in(GUARD_GREET_OPENS, word);
}

/* Whether a greeting may go on past a word before its name ("ziua"). */
int
guard_greet_goes_on(const char *word)
{
	return guard_greet_in(GUARD_GREET_GOES_ON, word);
}

/* Whether a word after a greeting is nobody's name ("team", "بك"). */
int
guard_greet_no_name(const char *word)
{
	return guard_greet_in(GUARD_GREET_NO_NAME, word);
}

/* Whether a word after a greeting word makes it a sign-off ("Grüße"). */
int
guard_greet_signoff(const char *word)
{
	return guard_greet_in(GUARD_GREET_SIGNOFF, word);
}

/* Whether a word is a given name as well as an ordinary word ("Rose"). */
int
guard_greet_given(const char *word)
{
	return guard_greet_in(GUARD_GREET_GIVEN, word);
}

/*
 * Common Chinese surnames, less the ones that begin everyday words more
 * often than names (方便, 高兴, 马上, 白茶, 付款, 金额, 顾客).
 */
static const char guard_greet_zh_surnames[] =
    "王李张刘陈杨黄赵吴周徐孙朱胡郭林罗郑梁宋唐韩冯邓曹彭肖田董袁潘蒋蔡"
    "杜叶苏魏吕丁沈姚卢姜崔谭陆汪廖贾韦邹孟熊秦邱尹薛闫段雷侯黎贺郝龚邵"
    "严戴孔汤";

/* What follows a surname, or a name, to address someone. */
static const char *const guard_greet_zh_titles[] = {
	"先生", "女士", "小姐", "老师", "太太", NULL
};

/* Everyday words that begin with a surname of the list above. */
static const char *const guard_greet_zh_words[] = {
	"周末", "黄色", "叶子", "陆续", "陈列", "张贴", "李子", "王者",
	"孙子", "田园", "林子", "严重", NULL
};

/* Whether bytes s (len) are in a NULL-ended list of strings. */
static int
guard_greet_zh_in(const char *const *list, const char *s, size_t len)
{
	size_t	i;

	for (i = 0; list[i] != NULL; i++) {
		if (strlen(list[i]) == len && memcmp(list[i], s, len) == 0)
			return 1;
	}
	return 0;
}

/* Whether a code point is one of a string of them. */
static int
guard_greet_zh_one(const char *set, uint32_t c)
{
	char	buf[5];

	buf[text_encode(c, buf)] = '\0';
	return strstr(set, buf) != NULL;
}

/*
 * Whether Han characters s (len bytes, the greeting taken off) are
 * clearly a name: a surname or a name, then a title ("王先生", "李女士");
 * 小, 老 or 阿 and a surname ("小王"); or two or three characters that
 * begin with a common surname, end with no particle and are no everyday
 * word ("王芳", but not "周末" nor "黄色的"). *off and *n: the bytes of the
 * name itself ("王" of "王先生").
 */
int
guard_greet_zh_name(const char *s, size_t len, size_t *off, size_t *n)
{
	uint32_t	cp[4];
	size_t		at[5], k, used = 0;

	for (k = 0; k < 4 && used < len; k++) {
		at[k] = used;
		used += text_decode(s + used, len - used, &cp[k]);
	}
	if (used < len || k < 2)
		return 0;
	at[k] = used;
	*off = 0;
	if (k >= 3 && guard_greet_zh_in(guard_greet_zh_titles, s + at[k - 2],
	    len - at[k - 2])) {
		*n = at[k - 2];
		return 1;
	}
	if (k == 2 && guard_greet_zh_one("小老阿", cp[0]) &&
	    guard_greet_zh_one(guard_greet_zh_surnames, cp[1])) {
		*off = at[1];
		*n = len - at[1];
		return 1;
	}
	if (k > 3 || !guard_greet_zh_one(guard_greet_zh_surnames, cp[0]) ||
	    guard_greet_zh_one("吗呢吧啊呀哦了的么", cp[k - 1]) ||
	    guard_greet_zh_in(guard_greet_zh_words, s, len))
		return 0;
	*n = len;
	return 1;
}
