/*
 * guard-lang.c -- the guard's knowledge of languages: a small guesser of
 * a reply's language (the script for Arabic and Chinese, counts of short
 * common words for English, Dutch, Romanian, German, French and
 * Spanish; nothing when unsure), the common words a protected word must
 * not be mistaken for, and the words that greet.
 *
 * The lists are short on purpose: words folded to lower case, the ones a
 * shop's reply is made of. They are separate from the classifier's
 * lexicons (classify-lex-*.c), which answer another question.
 */
#include <string.h>

#include "guard-private.h"
#include "util.h"

/* A language the guesser knows, with its most common short words. */
struct guard_lang {
	const char		*code;
	const char		*name;
	const char *const	*stop;
};

static const char *const guard_stop_en[] = {
	"the", "and", "you", "your", "to", "of", "is", "it", "for", "we",
	"our", "that", "this", "with", "are", "have", "be", "will", "can",
	"thank", "thanks", "please", "sorry", "hi", "hello", "just", "would",
	"not", "on", "my", "what", "so", "all", "was", "but", "if", "at",
	"get", "do", "us", "an", "they", "there", "again", "from", "i'm",
	"it's", "we're", "soon", "should", "could", "yes", "hope", NULL
};

static const char *const guard_stop_nl[] = {
	"het", "een", "en", "je", "jij", "jullie", "we", "wij", "ons", "onze",
	"van", "voor", "met", "niet", "dat", "dit", "zijn", "hebben", "heb",
	"kan", "kunnen", "graag", "bedankt", "dank", "hoi", "ook", "maar",
	"nog", "wel", "er", "naar", "bij", "u", "uw", "wordt", "zal", "komt",
	"jouw", "gaat", "sturen", "hebt", "heeft", "hoor", "even", "vandaag",
	"morgen", "zo", "snel", "mogelijk", "bestelling", "groet", "groetjes",
	"fijn", "dag", "we", "om", "alvast", "nee", "ja", NULL
};

static const char *const guard_stop_ro[] = {
	"și", "si", "în", "este", "sunt", "pentru", "cu", "la", "nu", "ce",
	"să", "sa", "mulțumim", "multumim", "vă", "ne", "noi", "comanda",
	"comandă", "o", "un", "din", "mai", "dar", "ați", "aveți", "puteți",
	"vom", "bună", "buna", "ziua", "foarte", "pe", "care", "îmi",
	"ne", "pare", "rău", "rau", "vreau", "dumneavoastră", "mulțumesc",
	"multumesc", "salut", "astăzi", "mâine", "trimitem", "livrare",
	"coletul", "v-am", "am", "avem", "imediat", "cât", "când", NULL
};

static const char *const guard_stop_de[] = {
	"der", "das", "und", "ist", "nicht", "ich", "wir", "sie", "ihr",
	"ihre", "unser", "unsere", "mit", "für", "auf", "ein", "eine",
	"einen", "es", "zu", "auch", "danke", "bitte", "gerne", "liebe",
	"lieber", "sehr", "schon", "noch", "haben", "wird", "können", "bei",
	"dem", "den", "dich", "dir", "uns", "euch", "dass", "leider",
	"bestellung", "heute", "morgen", "gruß", "grüße", "viele", "vielen",
	"dank", "schicken", "melden", "tut", "uns", "ist", "wie", NULL
};

static const char *const guard_stop_fr[] = {
	"le", "les", "et", "est", "vous", "votre", "vos", "nous", "notre",
	"pour", "avec", "pas", "ne", "une", "des", "du", "merci", "bonjour",
	"que", "qui", "sur", "dans", "ce", "cette", "sont", "avons", "être",
	"très", "bien", "commande", "désolé", "désolée", "désolés", "au",
	"aux", "ça", "je", "il", "elle", "nos", "mais", "aujourd'hui",
	"demain", "envoyer", "envoyons", "pouvez", "bonne", "journée",
	"cordialement", "c'est", "n'hésitez", "plaisir", NULL
};

static const char *const guard_stop_es[] = {
	"el", "los", "las", "y", "es", "que", "en", "una", "por", "para",
	"con", "gracias", "hola", "su", "sus", "tu", "te", "lo", "muy",
	"pedido", "nos", "nuestro", "nuestra", "está", "estamos", "tenemos",
	"pero", "cuando", "más", "también", "disculpa", "siento", "sentimos",
	"hoy", "mañana", "enviamos", "enviaremos", "podemos", "puedes",
	"gusto", "saludos", "del", "al", "como", "ya", "tienda", "muchas",
	"esta", "este", NULL
};

static const struct guard_lang guard_langs[] = {
	{ "en", "English", guard_stop_en },
	{ "nl", "Dutch", guard_stop_nl },
	{ "ro", "Romanian", guard_stop_ro },
	{ "de", "German", guard_stop_de },
	{ "fr", "French", guard_stop_fr },
	{ "es", "Spanish", guard_stop_es },
	{ "ar", "Arabic", NULL },
	{ "zh", "Chinese", NULL },
};

/*
 * Everyday words near the names shops give themselves, the flowers and
 * teas and seasons of their trade, that a protected word is never
 * mistaken for (besides the words above).
 */
static const char *const guard_common_words[] = {
	/* en */
	"tulip", "tulips", "tea", "teas", "tee", "ten", "team", "tear",
	"rose", "roses", "moon", "sun", "summer", "sunflower", "flower",
	"flowers", "lily", "lilies", "lavender", "berry", "berries",
	"blueberry", "strawberry", "cherry", "bloom", "blooms", "garden",
	"house", "home", "shop", "store", "studio", "market", "maker",
	"makers", "mass", "mars", "mask", "maps", "mary", "more", "marlow",
	"there", "their", "three", "other", "order", "orders", "ordered",
	"whole", "while", "white", "whit", "bakery", "barley", "burger",
	"lemon", "lemons", "melon", "linen", "lotus", "lupin", "tuition",
	"turnip", "tunic", "topic", "tropic", "trip", "tripe", "idea", "lego",
	"leg", "legs", "sale",
	"cafe", "café", "cake", "cakes", "chai", "matcha", "green", "leaf",
	"leaves", "petal", "petals", "bouquet", "gift", "gifts", "card",
	"sommelier", "some", "same", "moss", "mossy",
	/* nl */
	"tulp", "tulpen", "thee", "theetje", "roos", "rozen", "bloem",
	"bloemen", "bloemetje", "huis", "huisje", "winkel", "maan", "zon",
	"zomer", "lente", "herfst", "winter", "maas", "mos", "tuin",
	"lelie", "lelies", "lavendel", "bes", "bessen", "markt", "bakkerij",
	"kopje", "pot", "potje", "theepot", "koffie", "zeker", "zaterdag",
	"zondag", "lot",
	/* ro */
	"lalea", "lalele", "ceai", "ceaiuri", "trandafir", "trandafiri",
	"floare", "flori", "florărie", "florăria", "luna", "lună", "soare",
	"vară", "vara", "primăvară", "grădină", "gradina", "magazin",
	"cană", "cana", "cadou", "ceainic", "magnolie", "magnolii",
	"bucurie", "bucuria", "bucuros", "bucuroși", "bucuroasă",
	/* de */
	"tulpe", "tulpen", "tee", "tees", "rosen", "blume", "blumen",
	"haus", "häuser", "laden", "mond", "sonne", "sommer", "sommers",
	"garten", "lavendel", "beere", "beeren", "markt", "becher", "tasse",
	"kanne", "teekanne", "summe", "sommet", "somme", "müller", "mühle",
	"muller", "möller", "geschenk", "kuchen",
	/* fr */
	"tulipe", "tulipes", "thé", "thés", "rose", "fleur", "fleurs",
	"maison", "lune", "lunes", "soleil", "été", "jardin", "lavande",
	"baie", "baies", "marché", "boutique", "tasse", "théière", "cadeau",
	"lundi", "lune", "plume", "brune", "dune", "fleuri", "fleurie",
	"fleuriste", "mission", "raison", "saison", "lavage",
	/* es */
	"tulipán", "tulipanes", "té", "rosa", "rosas", "flor", "flores",
	"casa", "luna", "sol", "verano", "jardín", "lavanda", "baya",
	"bayas", "mercado", "tienda", "taza", "tetera", "regalo", "solo",
	"sola", "sal", "del", "flora", "floral", "teteria", "tetería",
	NULL
};

/* The words that greet (1) and the titles that may follow them (2). */
static const char *const guard_greetings[] = {
	"hi", "hello", "hey", "dear", "hiya", "thanks", "hoi", "hallo",
	"beste", "lieve", "dag", "goedemorgen", "goedemiddag", "bedankt",
	"bună", "buna", "salut", "dragă", "draga", "stimate", "stimată",
	"liebe", "lieber", "moin", "servus", "danke", "bonjour", "bonsoir",
	"cher", "chère", "merci", "coucou", "hola", "querida", "querido",
	"estimado", "estimada", "gracias", "مرحبا", "مرحباً", "أهلا",
	"اهلا", "أهلاً", "عزيزي", "عزيزتي", "شكرا", "شكراً", "你好",
	"您好", "亲爱的", "谢谢", NULL
};

static const char *const guard_titles[] = {
	"mr", "mrs", "ms", "miss", "dr", "mevrouw", "meneer", "mevr", "dhr",
	"heer", "herr", "frau", "monsieur", "madame", "mme", "mlle", "señor",
	"señora", "señorita", "sr", "sra", "srta", "doamna", "doamnă",
	"domnule", "dna", "dl", "don", "doña", "السيد", "السيدة", "يا",
	"sehr", "geehrte", "geehrter", NULL
};

/* Words after a greeting that are no one's name. */
static const char *const guard_not_names[] = {
	"there", "all", "everyone", "everybody", "folks", "friend",
	"friends", "team", "again", "guys", "lovely", "you", "ya", "and",
	"allemaal", "iedereen", "daar", "tag", "zusammen", "allerseits",
	"leute", "tout", "tous", "toutes", "le", "la", "les", "todos",
	"todas", "amigos", "amiga", "amigo", "ziua", "dimineața",
	"dimineata", "seara", "tuturor", "prieteni", "días", "dias",
	"tardes", "noches", "morgen", "avond", "middag", "soir", "matin",
	"customer", "klant", "client", "kunde", "cliente", "clientă",
	"so", "for", "voor", "für", "pour", "por", "pentru", "a", "de",
	"und", "et", "en", "y", "și", "si", "谢谢", "感谢", "大家", "朋友",
	"各位", "亲", "你们", "您", "你", "欢迎", NULL
};

/* Whether a word is in a NULL-ended list. */
static int
guard_in(const char *const *list, const char *word)
{
	size_t	i;

	for (i = 0; list[i] != NULL; i++) {
		if (strcmp(list[i], word) == 0)
			return 1;
	}
	return 0;
}

/* Whether a folded word is a common word of a language heed knows. */
int
guard_common(const char *word)
{
	size_t	i;

	for (i = 0; i < nitems(guard_langs); i++) {
		if (guard_langs[i].stop != NULL &&
		    guard_in(guard_langs[i].stop, word))
			return 1;
	}
	return guard_in(guard_common_words, word);
}

/* Whether a folded word greets (1) or is a title after a greeting (2). */
int
guard_greeting_word(const char *word)
{
	if (guard_in(guard_greetings, word))
		return 1;
	return guard_in(guard_titles, word) ? 2 : 0;
}

/* Whether a folded word after a greeting is nobody's name. */
int
guard_greeting_not_name(const char *word)
{
	return guard_in(guard_not_names, word);
}

/* The name of a language in English, or its code if heed has none. */
const char *
guard_lang_name(const char *code)
{
	size_t	i;

	for (i = 0; i < nitems(guard_langs); i++) {
		if (strcmp(guard_langs[i].code, code) == 0)
			return guard_langs[i].name;
	}
	return code;
}

/* Add the letters only one language writes to its count. */
static void
guard_lang_letters(const struct guard_word *g, int *hits)
{
	size_t	i;

	for (i = 0; i < g->n; i++) {
		switch (g->cp[i]) {
		case 0x103: case 0x219: case 0x21b:	/* ă ș ț */
			hits[2] += 2;
			break;
		case 0xdf: case 0xe4: case 0xf6: case 0xfc:	/* ß ä ö ü */
			hits[3]++;
			break;
		case 0xe7: case 0xe8: case 0xea: case 0x153: case 0xf9:
			hits[4]++;		/* ç è ê œ ù */
			break;
		case 0xf1:			/* ñ */
			hits[5] += 2;
			break;
		}
	}
}

/* Guess among the Latin-script languages by their common words. */
static const char *
guard_lang_latin(const struct guard_words *w)
{
	int	hits[6] = { 0 };
	size_t	i, l, best = 0, second = 0;

	for (i = 0; i < w->n; i++) {
		if (w->v[i].script != GUARD_SCRIPT_LATIN || w->v[i].handle)
			continue;
		for (l = 0; l < 6; l++)
			hits[l] += guard_in(guard_langs[l].stop, w->v[i].key);
		guard_lang_letters(&w->v[i], hits);
	}
	for (l = 1; l < 6; l++) {
		if (hits[l] > hits[best])
			best = l;
	}
	second = best == 0 ? 1 : 0;
	for (l = 0; l < 6; l++) {
		if (l != best && hits[l] > hits[second])
			second = l;
	}
	if (hits[best] < 2 || hits[best] < 2 * hits[second])
		return NULL;
	return guard_langs[best].code;
}

/* Guess the language of a text; NULL when it cannot be told. */
const char *
guard_lang_guess(const char *text)
{
	struct guard_words	 w;
	const char		*lang = NULL;
	size_t			 i, latin = 0, arabic = 0, cjk = 0, other = 0;

	guard_words_split(text, &w);
	for (i = 0; i < w.n; i++) {
		if (w.v[i].handle)
			continue;
		switch (w.v[i].script) {
		case GUARD_SCRIPT_LATIN:
			latin++;
			break;
		case GUARD_SCRIPT_ARABIC:
			arabic++;
			break;
		case GUARD_SCRIPT_CJK:
			cjk += w.v[i].letters;
			break;
		case GUARD_SCRIPT_GREEK:
		case GUARD_SCRIPT_CYRILLIC:
		case GUARD_SCRIPT_OTHER:
			other++;
			break;
		}
	}
	if (cjk >= 2 && cjk >= latin + arabic + other)
		lang = "zh";
	else if (arabic >= 2 && arabic >= latin + other)
		lang = "ar";
	else if (latin > other && cjk == 0 && arabic * 3 < latin)
		lang = guard_lang_latin(&w);
	guard_words_free(&w);
	return lang;
}
