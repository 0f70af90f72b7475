/*
 * spell.c -- spelling through enchant-2: the checker of one language,
 * the words of a text, and which of them enchant does not know.
 *
 * enchant (Debian's libenchant-2-2) and the GLib under it are loaded with
 * dlopen the first time a checker is opened, never at start: the inbox
 * needs them only once a reply is written, and they would cost every
 * start some milliseconds and a few megabytes. heed compiles against
 * enchant.h for the types; every function it calls comes from the table
 * below, GLib's character classes and case folding included, so that a
 * word is read the same whatever the locale.
 *
 * hunspell is asked first for every language: it is what Debian's
 * dictionaries (hunspell-en-us, hunspell-nl, ...) are made for.
 */
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <enchant.h>

#include "log.h"
#include "spell.h"
#include "spell-private.h"
#include "text.h"
#include "util.h"

/* The shared object heed loads, with its SONAME, and its package. */
#define SPELL_LIBENCHANT	"libenchant-2.so.2"
#define SPELL_PACKAGE		"libenchant-2-2"
#define SPELL_ORDERING		"hunspell,nuspell,aspell,hspell"

/* Words in capitals up to this many letters are codes or acronyms. */
#define SPELL_CAPS_MAX		10
/* The verdicts kept on words already asked about. */
#define SPELL_CACHE_SLOTS	8192
#define SPELL_CACHE_MAX		6000

/*
 * Every function of enchant and GLib heed calls: type, name, arguments.
 * GLib's gunichar is a 32-bit code point, gboolean an int, gssize a
 * ssize_t: the GLib names stay out of heed.
 */
#define SPELL_LIB(F) \
	F(EnchantBroker *, enchant_broker_init, (void)) \
	F(EnchantDict *, enchant_broker_request_dict, \
	    (EnchantBroker *, const char *const)) \
	F(void, enchant_broker_free_dict, (EnchantBroker *, EnchantDict *)) \
	F(int, enchant_broker_dict_exists, \
	    (EnchantBroker *, const char *const)) \
	F(void, enchant_broker_set_ordering, \
	    (EnchantBroker *, const char *const, const char *const)) \
	F(void, enchant_broker_list_dicts, \
	    (EnchantBroker *, EnchantDictDescribeFn, void *)) \
	F(int, enchant_dict_check, (EnchantDict *, const char *const, ssize_t)) \
	F(char **, enchant_dict_suggest, \
	    (EnchantDict *, const char *const, ssize_t, size_t *)) \
	F(void, enchant_dict_free_string_list, (EnchantDict *, char **)) \
	F(int, g_unichar_isalpha, (uint32_t)) \
	F(int, g_unichar_ismark, (uint32_t)) \
	F(int, g_unichar_isdigit, (uint32_t)) \
	F(int, g_unichar_islower, (uint32_t)) \
	F(int, g_unichar_isspace, (uint32_t)) \
	F(char *, g_utf8_casefold, (const char *, ssize_t)) \
	F(void, g_free, (void *))

/* The dictionaries kept open, a language or region each. */
#define SPELL_DICTS_MAX		16

/*
 * The loaded library: its handle, one broker, the dictionaries opened,
 * one pointer a function. A dictionary stays open once read: reading
 * one takes hunspell 50 to 150 ms, which a composer opened again should
 * not pay again.
 */
static struct {
	void		*dl;
	char		*error;		/* why it could not be loaded */
	EnchantBroker	*broker;
	struct {
		char		 tag[SPELL_TAG_LEN];
		EnchantDict	*dict;
	}		 dicts[SPELL_DICTS_MAX];
	size_t		 ndicts;
#define SPELL_LIB_FIELD(type, name, args) type (*name) args;
	SPELL_LIB(SPELL_LIB_FIELD)
#undef SPELL_LIB_FIELD
} lib;

/* A sorted set of folded words. */
struct spell_set {
	char	**v;
	size_t	  n;
	size_t	  cap;
	int	  sorted;
};

/* One verdict of enchant on a word. */
struct spell_cached {
	char	*word;
	int	 ok;
};

struct spell {
	EnchantDict		*dict;
	char			 tag[SPELL_TAG_LEN];
	char			 lang[4];
	char			*words_path;
	struct spell_words	 words;
	struct spell_set	 personal;	/* the word list, folded */
	struct spell_cached	*cache;		/* SPELL_CACHE_SLOTS */
	size_t			 ncached;
};

/* What the word scanner found in a span. */
struct spell_word {
	size_t	 start;
	size_t	 end;
	size_t	 letters;
	int	 digit;
	int	 lower;
	int	 hyphen;
};

enum {
	SPELL_CP_SEP,
	SPELL_CP_LETTER,
	SPELL_CP_DIGIT,
	SPELL_CP_JOIN
};

/*
 * Load enchant the first time it is needed and start its broker; 0, or
 * -1 with lib.error. It stays loaded: GLib does not support unloading.
 */
static int
spell_load(void)
{
	void	*dl;

	if (lib.dl != NULL)
		return 0;
	if (lib.error != NULL)
		return -1;
	if ((dl = dlopen(SPELL_LIBENCHANT, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		lib.error = xprintf("cannot load %s (%s): install the %s "
		    "package", SPELL_LIBENCHANT, dlerror(), SPELL_PACKAGE);
		return -1;
	}
	/* dlsym on the handle also searches GLib, which enchant needs. */
#define SPELL_LIB_LOAD(type, name, args)				\
	if ((*(void **)&lib.name = dlsym(dl, #name)) == NULL) {		\
		lib.error = xprintf("%s has no %s: it is too old",	\
		    SPELL_LIBENCHANT, #name);				\
		dlclose(dl);						\
		return -1;						\
	}
	SPELL_LIB(SPELL_LIB_LOAD)
#undef SPELL_LIB_LOAD
	if ((lib.broker = lib.enchant_broker_init()) == NULL) {
		lib.error = xprintf("%s could not start", SPELL_LIBENCHANT);
		dlclose(dl);
		return -1;
	}
	lib.enchant_broker_set_ordering(lib.broker, "*", SPELL_ORDERING);
	lib.dl = dl;
	log_debug("spell: %s loaded", SPELL_LIBENCHANT);
	return 0;
}

/* What spell_find_any looks for among the dictionaries, and found. */
struct spell_any {
	const char	*lang;
	char		 tag[SPELL_TAG_LEN];
};

/* Keep the first dictionary of the language enchant lists. */
static void
spell_any_cb(const char *const tag, const char *const provider,
    const char *const desc, const char *const file, void *arg)
{
	struct spell_any	*a = arg;
	size_t			 n = strlen(a->lang);

	(void)provider;
	(void)desc;
	(void)file;
	if (a->tag[0] == '\0' && strncmp(tag, a->lang, n) == 0 &&
	    (tag[n] == '_' || tag[n] == '-') && strlen(tag) < SPELL_TAG_LEN)
		snprintf(a->tag, sizeof a->tag, "%s", tag);
}

/* Open the dictionary of a tag, or take the one open already. */
static EnchantDict *
spell_request(const char *tag)
{
	EnchantDict	*dict;
	size_t		 i;

	for (i = 0; i < lib.ndicts; i++) {
		if (strcmp(lib.dicts[i].tag, tag) == 0)
			return lib.dicts[i].dict;
	}
	lib.enchant_broker_set_ordering(lib.broker, tag, SPELL_ORDERING);
	dict = lib.enchant_broker_request_dict(lib.broker, tag);
	if (dict != NULL && lib.ndicts < SPELL_DICTS_MAX) {
		snprintf(lib.dicts[lib.ndicts].tag, SPELL_TAG_LEN, "%s", tag);
		lib.dicts[lib.ndicts++].dict = dict;
	}
	return dict;
}

/* Find the dictionary to use for a language; NULL if none is installed. */
static EnchantDict *
spell_find_dict(const char *lang, const char *region, char *tag)
{
	char			tags[SPELL_TAGS_MAX][SPELL_TAG_LEN];
	struct spell_any	a;
	size_t			n, i;

	n = spell_lang_tags(lang, region, tags);
	for (i = 0; i < n; i++) {
		/* Debian's enchant.ordering puts aspell first for English. */
		lib.enchant_broker_set_ordering(lib.broker, tags[i],
		    SPELL_ORDERING);
		if (lib.enchant_broker_dict_exists(lib.broker, tags[i])) {
			snprintf(tag, SPELL_TAG_LEN, "%s", tags[i]);
			return spell_request(tags[i]);
		}
	}
	memset(&a, 0, sizeof a);
	a.lang = lang;
	lib.enchant_broker_list_dicts(lib.broker, spell_any_cb, &a);
	if (a.tag[0] == '\0')
		return NULL;
	snprintf(tag, SPELL_TAG_LEN, "%s", a.tag);
	return spell_request(a.tag);
}

/* Say why a language has no checker, naming its package if heed knows. */
static enum spell_status
spell_no_dict(const char *lang, char **cause)
{
	const char	*pkg = spell_lang_package(lang);

	if (pkg != NULL)
		util_fail(cause, "Spelling is not checked in %s: no dictionary "
		    "(install the %s package)", spell_lang_name(lang), pkg);
	else
		util_fail(cause, "Spelling is not checked in %s: no dictionary",
		    spell_lang_name(lang));
	return SPELL_NO_DICT;
}

/* Open a checker for a language; see spell.h. */
enum spell_status
spell_open(const char *tag, struct spell **out, char **cause)
{
	struct spell	*s;
	EnchantDict	*dict;
	char		 lang[4], region[4], found[SPELL_TAG_LEN];

	*out = NULL;
	if (tag == NULL || *tag == '\0') {
		util_fail(cause, "Spelling is not checked: the language of the "
		    "reply is not known");
		return SPELL_NO_LANG;
	}
	if (spell_lang_split(tag, lang, region) != 0) {
		util_fail(cause, "Spelling is not checked: \"%s\" is not a "
		    "language heed knows", tag);
		return SPELL_NO_LANG;
	}
	if (spell_load() != 0) {
		util_fail(cause, "Spelling is not checked: %s", lib.error);
		return SPELL_NO_LIBRARY;
	}
	if ((dict = spell_find_dict(lang, region, found)) == NULL)
		return spell_no_dict(lang, cause);
	s = xcalloc(1, sizeof *s);
	s->dict = dict;
	snprintf(s->tag, sizeof s->tag, "%s", found);
	snprintf(s->lang, sizeof s->lang, "%s", lang);
	s->words_path = spell_words_path();
	s->cache = xcalloc(SPELL_CACHE_SLOTS, sizeof *s->cache);
	log_debug("spell: %s checked with the %s dictionary", tag, s->tag);
	*out = s;
	return SPELL_OK;
}

/* Empty a set. */
static void
spell_set_clear(struct spell_set *set)
{
	size_t	i;

	for (i = 0; i < set->n; i++)
		free(set->v[i]);
	free(set->v);
	memset(set, 0, sizeof *set);
}

/* Forget every verdict kept. */
static void
spell_cache_clear(struct spell *s)
{
	size_t	i;

	for (i = 0; i < SPELL_CACHE_SLOTS; i++) {
		free(s->cache[i].word);
		s->cache[i].word = NULL;
	}
	s->ncached = 0;
}

/* Return 1 if a dictionary is one kept open. */
static int
spell_kept(const EnchantDict *dict)
{
	size_t	i;

	for (i = 0; i < lib.ndicts; i++) {
		if (lib.dicts[i].dict == dict)
			return 1;
	}
	return 0;
}

/* Free a checker; spell_free(NULL) does nothing. */
void
spell_free(struct spell *s)
{
	if (s == NULL)
		return;
	/* Past SPELL_DICTS_MAX languages a dictionary is not kept. */
	if (!spell_kept(s->dict))
		lib.enchant_broker_free_dict(lib.broker, s->dict);
	spell_cache_clear(s);
	free(s->cache);
	spell_words_clear(&s->words);
	spell_set_clear(&s->personal);
	free(s->words_path);
	free(s);
}

/* The dictionary's tag, such as "en_US". */
const char *
spell_dict_tag(const struct spell *s)
{
	return s->tag;
}

/* Free what a check found and empty it. */
void
spell_misses_clear(struct spell_misses *m)
{
	size_t	i, j;

	for (i = 0; i < m->n; i++) {
		for (j = 0; j < m->v[i].nsuggest; j++)
			free(m->v[i].suggest[j]);
	}
	free(m->v);
	m->v = NULL;
	m->n = 0;
}

/* Copy a word with its typographic apostrophes made ASCII; new string. */
static char *
spell_plain(const char *s, size_t len)
{
	struct buf	 b;
	size_t		 off, next;
	uint32_t	 cp;

	buf_init(&b, 0);
	for (off = 0; off < len; off = next) {
		next = off + text_decode(s + off, len - off, &cp);
		if (cp == 0x2019 || cp == 0x02bc)
			buf_addch(&b, '\'');
		else
			buf_add(&b, s + off, next - off);
	}
	buf_addch(&b, '\0');
	return buf_steal(&b);
}

/* Fold a word for comparing without case; a new string. */
static char *
spell_fold(const char *s, size_t len)
{
	char	*plain, *g, *folded;

	plain = spell_plain(s, len);
	if ((g = lib.g_utf8_casefold(plain, -1)) == NULL)
		return plain;
	folded = xstrdup(g);
	lib.g_free(g);
	free(plain);
	return folded;
}

/* Add a word, given away, to a set. */
static void
spell_set_add(struct spell_set *set, char *word)
{
	if (set->n == set->cap) {
		set->cap = set->cap == 0 ? 16 : set->cap * 2;
		set->v = xreallocarray(set->v, set->cap, sizeof *set->v);
	}
	set->v[set->n++] = word;
	set->sorted = 0;
}

/* Compare two words of a set for qsort and bsearch. */
static int
spell_set_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Return 1 if a folded word is in a set. */
static int
spell_set_has(struct spell_set *set, const char *folded)
{
	if (set->n == 0)
		return 0;
	if (!set->sorted) {
		qsort(set->v, set->n, sizeof *set->v, spell_set_cmp);
		set->sorted = 1;
	}
	return bsearch(&folded, set->v, set->n, sizeof *set->v,
	    spell_set_cmp) != NULL;
}

/* Classify a code point for the word scanner. */
static int
spell_cp_class(uint32_t cp)
{
	if (cp == '\'' || cp == '-' || cp == 0x2019 || cp == 0x02bc ||
	    cp == 0x2010 || cp == 0x2011)
		return SPELL_CP_JOIN;
	if (cp < 0x80) {
		if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
			return SPELL_CP_LETTER;
		return cp >= '0' && cp <= '9' ? SPELL_CP_DIGIT : SPELL_CP_SEP;
	}
	if (lib.g_unichar_isalpha(cp) || lib.g_unichar_ismark(cp))
		return SPELL_CP_LETTER;
	return lib.g_unichar_isdigit(cp) ? SPELL_CP_DIGIT : SPELL_CP_SEP;
}

/* Return the class of the code point at off of text[0..len), in *cp. */
static int
spell_class_at(const char *text, size_t len, size_t off, size_t *next,
    uint32_t *cp)
{
	*next = off + text_decode(text + off, len - off, cp);
	return spell_cp_class(*cp);
}

/* Note what a letter or digit says of the word it is in. */
static void
spell_word_note(struct spell_word *w, uint32_t cp, int class)
{
	if (class == SPELL_CP_DIGIT) {
		w->digit = 1;
		return;
	}
	w->letters++;
	if ((cp >= 'a' && cp <= 'z') || (cp >= 0x80 &&
	    lib.g_unichar_islower(cp)))
		w->lower = 1;
}

/*
 * Find the next word of text[from..len): letters, marks and digits, with
 * an apostrophe inside joining two parts ("don't", "l'été"), and a hyphen
 * too if hyphens is 1 ("e-mail"). 1 with *w, or 0 when there is none.
 */
static int
spell_next_word(const char *text, size_t len, size_t from, int hyphens,
    struct spell_word *w)
{
	size_t		off = from, next, after;
	uint32_t	cp, cp2;
	int		class, class2;

	memset(w, 0, sizeof *w);
	for (; off < len; off = next) {
		class = spell_class_at(text, len, off, &next, &cp);
		if (class == SPELL_CP_LETTER || class == SPELL_CP_DIGIT)
			break;
	}
	if (off >= len)
		return 0;
	w->start = off;
	while (off < len) {
		class = spell_class_at(text, len, off, &next, &cp);
		if (class == SPELL_CP_JOIN && next < len) {
			class2 = spell_class_at(text, len, next, &after, &cp2);
			if (class2 != SPELL_CP_LETTER &&
			    class2 != SPELL_CP_DIGIT)
				break;
			if (cp == '-' || cp == 0x2010 || cp == 0x2011) {
				if (!hyphens)
					break;
				w->hyphen = 1;
			}
			off = next;
			continue;
		}
		if (class != SPELL_CP_LETTER && class != SPELL_CP_DIGIT)
			break;
		spell_word_note(w, cp, class);
		off = next;
	}
	w->end = off;
	return 1;
}

/* Add a name's words to a set, folded, and the parts of hyphenated ones. */
static void
spell_set_add_name(struct spell_set *set, const char *name)
{
	struct spell_word	w;
	size_t			len = strlen(name), from;
	int			hyphens;

	for (hyphens = 1; hyphens >= 0; hyphens--) {
		for (from = 0; spell_next_word(name, len, from, hyphens, &w);
		    from = w.end)
			spell_set_add(set, spell_fold(name + w.start,
			    w.end - w.start));
	}
}

/* Read the personal word list again if it changed. */
static void
spell_personal_refresh(struct spell *s)
{
	size_t	i;

	if (spell_words_refresh(&s->words, s->words_path) == 0)
		return;
	spell_set_clear(&s->personal);
	for (i = 0; i < s->words.n; i++)
		spell_set_add_name(&s->personal, s->words.v[i]);
}

/* Copy a Romanian word with s and t under a cedilla as under a comma. */
static char *
spell_ro_comma(const char *word)
{
	struct buf	 b;
	size_t		 off, next, len = strlen(word);
	uint32_t	 cp;
	char		 enc[4];

	buf_init(&b, 0);
	for (off = 0; off < len; off = next) {
		next = off + text_decode(word + off, len - off, &cp);
		/* Ş ş (U+015E, U+015F) and Ţ ţ (U+0162, U+0163). */
		if (cp == 0x015e || cp == 0x015f)
			cp += 0x0218 - 0x015e;
		else if (cp == 0x0162 || cp == 0x0163)
			cp += 0x021a - 0x0162;
		buf_add(&b, enc, text_encode(cp, enc));
	}
	buf_addch(&b, '\0');
	return buf_steal(&b);
}

/* Hash a word for the cache (FNV-1a). */
static uint32_t
spell_hash(const char *word)
{
	uint32_t	h = 2166136261u;

	for (; *word != '\0'; word++)
		h = (h ^ (unsigned char)*word) * 16777619u;
	return h;
}

/* Ask the dictionary about a word; 1 if it knows it. */
static int
spell_dict_knows(struct spell *s, const char *word)
{
	char	*alt;
	int	 ok;

	/* An error (< 0) is no reason to warn about a word. */
	ok = lib.enchant_dict_check(s->dict, word, -1) <= 0;
	/* Romanian is often typed with the older cedilla letters. */
	if (!ok && strcmp(s->lang, "ro") == 0) {
		alt = spell_ro_comma(word);
		ok = lib.enchant_dict_check(s->dict, alt, -1) <= 0;
		free(alt);
	}
	return ok;
}

/* Return 1 if the dictionary knows a word, asking it once a word. */
static int
spell_known(struct spell *s, const char *word)
{
	size_t	i, h = spell_hash(word) % SPELL_CACHE_SLOTS;
	int	ok;

	for (i = h; s->cache[i].word != NULL; i = (i + 1) % SPELL_CACHE_SLOTS) {
		if (strcmp(s->cache[i].word, word) == 0)
			return s->cache[i].ok;
	}
	ok = spell_dict_knows(s, word);
	if (s->ncached >= SPELL_CACHE_MAX) {
		spell_cache_clear(s);
		i = h;
	}
	s->cache[i].word = xstrdup(word);
	s->cache[i].ok = ok;
	s->ncached++;
	return ok;
}

/* Whether the dictionary or the word list knows a word; see spell.h. */
int
spell_known_word(struct spell *s, const char *word, size_t len)
{
	char	*folded, *plain;
	int	 ok;

	if (len == 0)
		return 0;
	spell_personal_refresh(s);
	folded = spell_fold(word, len);
	ok = spell_set_has(&s->personal, folded);
	free(folded);
	if (ok)
		return 1;
	plain = spell_plain(word, len);
	ok = spell_known(s, plain);
	free(plain);
	return ok;
}

/* What one check works with. */
struct spell_run {
	struct spell		*s;
	const char		*text;
	size_t			 len;
	struct spell_set	 protect;
	int			 flags;
	struct spell_misses	*out;
	size_t			 cap;
};

/* Return 1 if a word is spelled well, or is one to let be. */
static int
spell_word_ok(struct spell_run *r, const struct spell_word *w)
{
	char	*folded, *plain;
	int	 ok;

	if (w->digit || (!w->lower && w->letters <= SPELL_CAPS_MAX))
		return 1;
	folded = spell_fold(r->text + w->start, w->end - w->start);
	ok = spell_set_has(&r->s->personal, folded) ||
	    spell_set_has(&r->protect, folded);
	free(folded);
	if (ok)
		return 1;
	plain = spell_plain(r->text + w->start, w->end - w->start);
	ok = spell_known(r->s, plain);
	free(plain);
	return ok;
}

/* Add a misspelled word to what the check found, with suggestions. */
static void
spell_miss_add(struct spell_run *r, const struct spell_word *w)
{
	struct spell_miss	*m;
	char			*plain, **list;
	size_t			 n, i;

	if (r->out->n == r->cap) {
		r->cap = r->cap == 0 ? 8 : r->cap * 2;
		r->out->v = xreallocarray(r->out->v, r->cap,
		    sizeof *r->out->v);
	}
	m = &r->out->v[r->out->n++];
	memset(m, 0, sizeof *m);
	m->start = w->start;
	m->len = w->end - w->start;
	if (!(r->flags & SPELL_SUGGEST))
		return;
	plain = spell_plain(r->text + w->start, m->len);
	list = lib.enchant_dict_suggest(r->s->dict, plain, -1, &n);
	for (i = 0; list != NULL && i < n && i < SPELL_SUGGEST_MAX; i++)
		m->suggest[m->nsuggest++] = xstrdup(list[i]);
	if (list != NULL)
		lib.enchant_dict_free_string_list(r->s->dict, list);
	free(plain);
}

/*
 * Check one word. A hyphenated one the dictionary does not know whole is
 * read in its parts: well-spelled parts make it a word ("tea-lover"),
 * and only the parts misspelled are marked.
 */
static void
spell_check_word(struct spell_run *r, const struct spell_word *w)
{
	struct spell_word	part;
	size_t			from;

	if (spell_word_ok(r, w))
		return;
	if (!w->hyphen) {
		spell_miss_add(r, w);
		return;
	}
	for (from = w->start; spell_next_word(r->text, w->end, from, 0,
	    &part); from = part.end) {
		if (!spell_word_ok(r, &part))
			spell_miss_add(r, &part);
	}
}

/* Return 1 if a code point parts runs of text (a space of any kind). */
static int
spell_is_space(uint32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || (cp >= '\t' && cp <= '\r');
	return lib.g_unichar_isspace(cp) || cp == 0x200b;
}

/*
 * Return 1 if a run of text without spaces is a handle, a tag, a URL, a
 * domain or an address rather than words: "@anna", "(#sale)",
 * "https://...", "www.shop.nl", "shop.nl/x", "anna@example.com".
 */
static int
spell_run_skip(const char *c, size_t n)
{
	size_t		i = 0, j, next;
	uint32_t	cp;
	int		class;

	for (; i < n; i = next) {
		next = i + text_decode(c + i, n - i, &cp);
		class = spell_cp_class(cp);
		if (cp == '@' || cp == '#' || class == SPELL_CP_LETTER ||
		    class == SPELL_CP_DIGIT)
			break;
	}
	if (i < n && (c[i] == '@' || c[i] == '#'))
		return 1;
	if (n - i >= 4 && strncasecmp(c + i, "www.", 4) == 0)
		return 1;
	for (j = i + 1; j < n; j++) {
		if (c[j] == '@' || (c[j] == ':' && j + 2 < n &&
		    c[j + 1] == '/' && c[j + 2] == '/'))
			return 1;
		if (c[j] == '.' && j + 1 < n && c[j + 1] >= 'a' &&
		    c[j + 1] <= 'z' && ((c[j - 1] >= 'a' && c[j - 1] <= 'z') ||
		    (c[j - 1] >= '0' && c[j - 1] <= '9')))
			return 1;
	}
	return 0;
}

/* Check the words of text[start..end), a run without spaces. */
static void
spell_check_run(struct spell_run *r, size_t start, size_t end)
{
	struct spell_word	w;
	size_t			from;

	if (spell_run_skip(r->text + start, end - start))
		return;
	for (from = start; spell_next_word(r->text, end, from, 1, &w);
	    from = w.end)
		spell_check_word(r, &w);
}

/* Check a text; see spell.h. */
void
spell_check(struct spell *s, const char *text, const char *const *protect,
    int flags, struct spell_misses *out)
{
	struct spell_run	r;
	size_t			off = 0, next, start;
	uint32_t		cp;

	spell_misses_clear(out);
	spell_personal_refresh(s);
	memset(&r, 0, sizeof r);
	r.s = s;
	r.text = text;
	r.len = strlen(text);
	r.flags = flags;
	r.out = out;
	for (; protect != NULL && *protect != NULL; protect++)
		spell_set_add_name(&r.protect, *protect);
	while (off < r.len) {
		next = off + text_decode(text + off, r.len - off, &cp);
		if (spell_is_space(cp)) {
			off = next;
			continue;
		}
		for (start = off; off < r.len; off = next) {
			next = off + text_decode(text + off, r.len - off, &cp);
			if (spell_is_space(cp))
				break;
		}
		spell_check_run(&r, start, off);
	}
	spell_set_clear(&r.protect);
}

/* Find the word at a byte offset of a text; see spell.h. */
int
spell_word_at(const struct spell *s, const char *text, size_t off,
    size_t *start, size_t *end)
{
	struct spell_word	w;
	size_t			len = strlen(text), from;

	(void)s;	/* open, so GLib is there for the scanner */
	if (off > len)
		return -1;
	for (from = off; from > 0 && text[from - 1] != '\n'; from--)
		;
	for (; spell_next_word(text, len, from, 1, &w) && w.start <= off;
	    from = w.end) {
		if (off <= w.end) {
			*start = w.start;
			*end = w.end;
			return 0;
		}
	}
	return -1;
}
