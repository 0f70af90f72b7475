/*
 * classify-doc.c -- a text read for the classifier: folded (lower case,
 * no accents, one form of each Arabic letter, simplified Chinese), cut
 * into tokens and clauses, with the signals that are not words counted
 * (question marks of every script, runs of "!", capitals, emoji, links,
 * phone numbers); and names that imitate the shop's.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "classify-private.h"
#include "text.h"
#include "util.h"

/* What a code point is to the tokenizer. */
#define FOLD_WORD	0	/* letters or digits: the folded bytes */
#define FOLD_SPACE	1	/* between words */
#define FOLD_CLAUSE	2	/* ends a clause: . , ! ? ; and the like */
#define FOLD_DROP	3	/* nothing: accents, apostrophes, joiners */
#define FOLD_EMOJI	4	/* ends a clause and is counted */

/* The base letters of U+00C0..U+00FF ("." for signs: × ÷; upper
 * case "A", "T", "S": æ, þ, ß, written out in classify_fold_latin). */
static const char classify_latin1[] =
    "aaaaaaAceeeeiiiidnooooo.ouuuuyTS"
    "aaaaaaAceeeeiiiidnooooo.ouuuuyTy";
/* The base letters of U+0100..U+017F; œ and ĳ are written out. */
static const char classify_latin_a[] =
    "aaaaaaccccccccdd" "ddeeeeeeeeeegggg" "gggghhhhiiiiiiii"
    "iiiijjkkklllllll" "lllnnnnnnnnnoooo" "oooorrrrrrssssss"
    "sstttttt" "uuuuuuuu" "uuuuwwyyyzzzzzzs";

/*
 * Traditional Chinese characters and their simplified forms, in pairs:
 * the lexicons are written in simplified characters.
 */
static const char classify_han_pairs[] =
    "謝谢請请嗎吗麼么沒没貨货壞坏錢钱問问這这個个時时為为還还發发"
    "訂订單单買买賣卖讚赞歡欢們们質质價价應应該该幾几會会說说話话"
    "種种號号從从見见過过務务態态騙骗獎奖點点聯联係系繫系碼码網网"
    "裡里裏里與与產产東东給给實实際际專专業业開开關关門门難难麗丽"
    "愛爱讓让帶带報报處处費费運运遲迟損损錯错對对極极爛烂動动機机"
    "後后復复覆复電电郵邮傳传經经兩两週周車车總总認认識识讀读寫写"
    "樣样誰谁滿满評评薦荐優优厲厉興兴驚惊鮮鲜貼贴熱热煩烦幫帮領领"
    "贈赠鏈链結结賺赚職职資资財财幣币匯汇購购漲涨銀银證证帳账賬账"
    "戶户凍冻選选獲获員员現现遞递達达訊讯試试驗验髒脏黴霉變变氣气"
    "憤愤夠够語语誤误丟丢遺遗貴贵涼凉強强換换團团隊队銷销儘尽盡尽"
    "馬马趕赶緊紧著着嗚呜啥啥覺觉掉掉壓压漂漂於于們们隻只";

/* The pairs of classify_han_pairs as code points, by traditional form:
 * read once, then searched by halves. */
#define HAN_PAIRS_MAX	256
static struct {
	uint32_t	trad, simple;
} classify_han_table[HAN_PAIRS_MAX];
static size_t classify_han_n;

/* Order two pairs by their traditional character. */
static int
classify_han_cmp(const void *a, const void *b)
{
	uint32_t	x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* Read classify_han_pairs into classify_han_table, once. */
static void
classify_han_load(void)
{
	const char	*p = classify_han_pairs, *end = p + sizeof
			    classify_han_pairs - 1;

	if (classify_han_n > 0)
		return;
	while (p < end && classify_han_n < HAN_PAIRS_MAX) {
		p += text_decode(p, end - p,
		    &classify_han_table[classify_han_n].trad);
		p += text_decode(p, end - p,
		    &classify_han_table[classify_han_n].simple);
		classify_han_n++;
	}
	qsort(classify_han_table, classify_han_n, sizeof *classify_han_table,
	    classify_han_cmp);
}

/* Return the simplified form of a traditional Chinese character. */
static uint32_t
classify_han_simple(uint32_t cp)
{
	size_t	lo = 0, hi, mid;

	classify_han_load();
	hi = classify_han_n;
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (classify_han_table[mid].trad == cp)
			return classify_han_table[mid].simple;
		if (classify_han_table[mid].trad < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return cp;
}

/* Return 1 for a Chinese character (or Japanese kana, read alike). */
int
classify_cp_han(uint32_t cp)
{
	return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 &&
	    cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff) ||
	    (cp >= 0x20000 && cp <= 0x2ffff) || (cp >= 0x3040 &&
	    cp <= 0x30ff);
}

/* Return 1 for an Arabic letter. */
static int
classify_is_arabic(uint32_t cp)
{
	return (cp >= 0x0620 && cp <= 0x064a) || (cp >= 0x066e &&
	    cp <= 0x06d3) || (cp >= 0x06fa && cp <= 0x06ff) ||
	    (cp >= 0x0750 && cp <= 0x077f);
}

/* Return 1 for a letter of another script that has words (Greek,
 * Cyrillic, Hebrew, Indic, Thai, Korean...). */
static int
classify_is_other_letter(uint32_t cp)
{
	return (cp >= 0x0370 && cp <= 0x052f) || (cp >= 0x05d0 &&
	    cp <= 0x05ea) || (cp >= 0x0900 && cp <= 0x0e7f) ||
	    (cp >= 0x1e00 && cp <= 0x1eff) || (cp >= 0xac00 &&
	    cp <= 0xd7af) || (cp >= 0x0180 && cp <= 0x024f);
}

/* Return 1 for a pictograph or symbol read as an emoji. */
static int
classify_is_emoji(uint32_t cp)
{
	return (cp >= 0x1f000 && cp <= 0x1faff) || (cp >= 0x2600 &&
	    cp <= 0x27bf) || (cp >= 0x2b00 && cp <= 0x2bff) ||
	    (cp >= 0x2300 && cp <= 0x23ff) || cp == 0x3030 ||
	    cp == 0x303d || cp == 0x3297 || cp == 0x3299;
}

/* Emoji by what they mostly say: ranges of code points and a class. */
static const struct {
	uint32_t	first, last;
	int		what;
} classify_emoji_table[] = {
	{ 0x1f600, 0x1f601, EMOJI_PRAISE },	/* 😀 😁 */
	{ 0x1f603, 0x1f604, EMOJI_PRAISE },	/* 😃 😄 */
	{ 0x1f606, 0x1f607, EMOJI_PRAISE },	/* 😆 😇 */
	{ 0x1f60a, 0x1f60e, EMOJI_PRAISE },	/* 😊 😋 😌 😍 😎 */
	{ 0x1f60f, 0x1f60f, EMOJI_EYEROLL },	/* 😏 */
	{ 0x1f611, 0x1f612, EMOJI_EYEROLL },	/* 😑 😒 */
	{ 0x1f613, 0x1f616, EMOJI_SAD },	/* 😓 😔 😕 😖 */
	{ 0x1f618, 0x1f618, EMOJI_PRAISE },	/* 😘 */
	{ 0x1f61a, 0x1f61a, EMOJI_PRAISE },	/* 😚 */
	{ 0x1f61e, 0x1f62b, EMOJI_SAD },	/* 😞 .. 😫 */
	{ 0x1f62d, 0x1f62d, EMOJI_SAD },	/* 😭 */
	{ 0x1f630, 0x1f630, EMOJI_SAD },	/* 😰 */
	{ 0x1f641, 0x1f641, EMOJI_SAD },	/* 🙁 */
	{ 0x1f642, 0x1f642, EMOJI_PRAISE },	/* 🙂 */
	{ 0x1f643, 0x1f644, EMOJI_EYEROLL },	/* 🙃 🙄 */
	{ 0x1f64c, 0x1f64c, EMOJI_PRAISE },	/* 🙌 */
	{ 0x1f64f, 0x1f64f, EMOJI_PLEAD },	/* 🙏 */
	{ 0x1f44c, 0x1f44d, EMOJI_PRAISE },	/* 👌 👍 */
	{ 0x1f44e, 0x1f44e, EMOJI_SAD },	/* 👎 */
	{ 0x1f44f, 0x1f44f, EMOJI_PRAISE },	/* 👏 */
	{ 0x1f447, 0x1f447, EMOJI_MONEY },	/* 👇 */
	{ 0x1f449, 0x1f449, EMOJI_MONEY },	/* 👉 */
	{ 0x1f338, 0x1f339, EMOJI_PRAISE },	/* 🌸 🌹 */
	{ 0x1f490, 0x1f490, EMOJI_PRAISE },	/* 💐 */
	{ 0x1f493, 0x1f493, EMOJI_PRAISE },	/* 💓 */
	{ 0x1f494, 0x1f494, EMOJI_SAD },	/* 💔 */
	{ 0x1f495, 0x1f49f, EMOJI_PRAISE },	/* 💕 .. 💟 */
	{ 0x1f4af, 0x1f4af, EMOJI_PRAISE },	/* 💯 */
	{ 0x1f4b0, 0x1f4b8, EMOJI_MONEY },	/* 💰 .. 💸 */
	{ 0x1f4c8, 0x1f4c8, EMOJI_MONEY },	/* 📈 */
	{ 0x1f4e9, 0x1f4e9, EMOJI_MONEY },	/* 📩 */
	{ 0x1f4f2, 0x1f4f2, EMOJI_MONEY },	/* 📲 */
	{ 0x1f517, 0x1f517, EMOJI_MONEY },	/* 🔗 */
	{ 0x1f381, 0x1f381, EMOJI_MONEY },	/* 🎁 */
	{ 0x1f389, 0x1f38a, EMOJI_PRAISE },	/* 🎉 🎊 */
	{ 0x1f525, 0x1f525, EMOJI_PRAISE },	/* 🔥 */
	{ 0x1f31f, 0x1f31f, EMOJI_PRAISE },	/* 🌟 */
	{ 0x1f5a4, 0x1f5a4, EMOJI_PRAISE },	/* 🖤 */
	{ 0x1f90d, 0x1f90e, EMOJI_PRAISE },	/* 🤍 🤎 */
	{ 0x1f911, 0x1f911, EMOJI_MONEY },	/* 🤑 */
	{ 0x1f914, 0x1f914, EMOJI_QUESTION },	/* 🤔 */
	{ 0x1f917, 0x1f917, EMOJI_PRAISE },	/* 🤗 */
	{ 0x1f921, 0x1f921, EMOJI_EYEROLL },	/* 🤡 */
	{ 0x1f924, 0x1f924, EMOJI_PRAISE },	/* 🤤 */
	{ 0x1f926, 0x1f926, EMOJI_SAD },	/* 🤦 */
	{ 0x1f929, 0x1f929, EMOJI_PRAISE },	/* 🤩 */
	{ 0x1f92c, 0x1f92c, EMOJI_SAD },	/* 🤬 */
	{ 0x1f970, 0x1f970, EMOJI_PRAISE },	/* 🥰 */
	{ 0x1f973, 0x1f973, EMOJI_PRAISE },	/* 🥳 */
	{ 0x1f979, 0x1f979, EMOJI_PRAISE },	/* 🥹 */
	{ 0x1f9e1, 0x1f9e1, EMOJI_PRAISE },	/* 🧡 */
	{ 0x2639, 0x2639, EMOJI_SAD },		/* ☹ */
	{ 0x263a, 0x263a, EMOJI_PRAISE },	/* ☺ */
	{ 0x2605, 0x2605, EMOJI_PRAISE },	/* ★ */
	{ 0x2665, 0x2665, EMOJI_PRAISE },	/* ♥ */
	{ 0x2728, 0x2728, EMOJI_PRAISE },	/* ✨ */
	{ 0x2753, 0x2754, EMOJI_QUESTION },	/* ❓ ❔ */
	{ 0x2763, 0x2764, EMOJI_PRAISE },	/* ❣ ❤ */
	{ 0x2b50, 0x2b50, EMOJI_PRAISE },	/* ⭐ */
};

/* Return what an emoji mostly says (enum classify_emoji). */
static int
classify_emoji_what(uint32_t cp)
{
	size_t	i;

	for (i = 0; i < nitems(classify_emoji_table); i++) {
		if (cp >= classify_emoji_table[i].first &&
		    cp <= classify_emoji_table[i].last)
			return classify_emoji_table[i].what;
	}
	return EMOJI_OTHER;
}

/* Fold a Latin letter beyond ASCII into out; 1 if it is one. */
static int
classify_fold_latin(uint32_t cp, char *out, size_t *n)
{
	char	c;

	if (cp == 0x152 || cp == 0x153)
		c = 'E';
	else if (cp == 0x132 || cp == 0x133)
		c = 'J';
	else if (cp >= 0xc0 && cp <= 0xff)
		c = classify_latin1[cp - 0xc0];
	else if (cp >= 0x100 && cp <= 0x17f)
		c = classify_latin_a[cp - 0x100];
	else if (cp >= 0x218 && cp <= 0x21b)
		c = cp < 0x21a ? 's' : 't';
	else
		return 0;
	switch (c) {
	case '.':
		return 0;
	case 'A':
		memcpy(out, "ae", *n = 2);
		break;
	case 'E':
		memcpy(out, "oe", *n = 2);
		break;
	case 'J':
		memcpy(out, "ij", *n = 2);
		break;
	case 'T':
		memcpy(out, "th", *n = 2);
		break;
	case 'S':
		memcpy(out, "ss", *n = 2);
		break;
	default:
		out[0] = c;
		*n = 1;
	}
	return 1;
}

/* Fold an Arabic code point: one alef, yeh and heh, no harakat. */
static int
classify_fold_arabic(uint32_t *cp)
{
	if ((*cp >= 0x064b && *cp <= 0x065f) || *cp == 0x0670 ||
	    *cp == 0x0640)
		return FOLD_DROP;
	if (*cp == 0x0622 || *cp == 0x0623 || *cp == 0x0625 ||
	    *cp == 0x0671)
		*cp = 0x0627;
	else if (*cp == 0x0649 || *cp == 0x06cc)
		*cp = 0x064a;
	else if (*cp == 0x0629)
		*cp = 0x0647;
	else if (*cp == 0x06a9)
		*cp = 0x0643;
	return FOLD_WORD;
}

/* What ASCII punctuation does: part clauses, words, or nothing. */
static int
classify_fold_ascii_sign(char c)
{
	switch (c) {
	case '\'':
	case '`':
		return FOLD_DROP;
	case '.':
	case ',':
	case '!':
	case '?':
	case ';':
	case ':':
	case '(':
	case ')':
	case '\n':
		return FOLD_CLAUSE;
	default:
		return FOLD_SPACE;
	}
}

/*
 * Fold one code point: write its folded bytes into out (at least 8
 * bytes), their count in *n, and return what it is (FOLD_*). *cp may
 * change (full-width forms become ASCII).
 */
static int
classify_fold_cp(uint32_t *cp, char *out, size_t *n)
{
	*n = 0;
	if (*cp >= 0xff01 && *cp <= 0xff5e)
		*cp -= 0xfee0;
	if (*cp < 0x80) {
		if ((*cp >= 'a' && *cp <= 'z') || (*cp >= '0' && *cp <= '9'))
			out[(*n)++] = (char)*cp;
		else if (*cp >= 'A' && *cp <= 'Z')
			out[(*n)++] = (char)(*cp + 32);
		else
			return classify_fold_ascii_sign((char)*cp);
		return FOLD_WORD;
	}
	if (classify_fold_latin(*cp, out, n))
		return FOLD_WORD;
	if ((*cp >= 0x0660 && *cp <= 0x0669) || (*cp >= 0x06f0 &&
	    *cp <= 0x06f9)) {
		out[(*n)++] = (char)('0' + (*cp & 0xf));
		return FOLD_WORD;
	}
	if (*cp >= 0x0600 && *cp <= 0x06ff && !classify_is_arabic(*cp) &&
	    !(*cp >= 0x064b && *cp <= 0x065f) && *cp != 0x0670 &&
	    *cp != 0x0640)
		return FOLD_CLAUSE;	/* ، ؛ ؟ and the like */
	if (*cp >= 0x0600 && *cp <= 0x077f &&
	    classify_fold_arabic(cp) == FOLD_DROP)
		return FOLD_DROP;
	if (classify_cp_han(*cp))
		*cp = classify_han_simple(*cp);
	if (classify_is_arabic(*cp) || classify_cp_han(*cp) ||
	    classify_is_other_letter(*cp)) {
		*n = text_encode(*cp, out);
		return FOLD_WORD;
	}
	if ((*cp >= 0x300 && *cp <= 0x36f) || *cp == 0x2018 ||
	    *cp == 0x2019 || *cp == 0x02bc || *cp == 0xb4 || *cp == 0x200d ||
	    *cp == 0xfe0f || *cp == 0xfe0e || (*cp >= 0x1f3fb &&
	    *cp <= 0x1f3ff))
		return FOLD_DROP;
	if (*cp == 0xbf || *cp == 0xa1 || *cp == 0x2026 || *cp == 0x2014 ||
	    *cp == 0x3001 || *cp == 0x3002 || *cp == 0x2049 ||
	    *cp == 0x203c || *cp == 0x2e2e)
		return FOLD_CLAUSE;
	return classify_is_emoji(*cp) ? FOLD_EMOJI : FOLD_SPACE;
}

/* Count a letter's case for the capitals signal (Latin letters only). */
static void
classify_count_case(uint32_t cp, int *upper, int *lower)
{
	if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xc0 && cp <= 0xde &&
	    cp != 0xd7))
		(*upper)++;
	else if ((cp >= 'a' && cp <= 'z') || (cp >= 0xdf && cp <= 0xff &&
	    cp != 0xf7))
		(*lower)++;
	else if (cp >= 0x100 && cp <= 0x17f) {
		/* Upper case is even, but in Ĺ..ň and Ź..ž where it is odd. */
		if (((cp >= 0x139 && cp <= 0x148) || cp >= 0x179) ==
		    (cp & 1) || cp == 0x178)
			(*upper)++;
		else
			(*lower)++;
	}
}

/* The state of reading a text into tokens. */
struct classify_reader {
	struct classify_doc	*doc;
	size_t			 cap;		/* of doc->tok */
	char			*fold;		/* 2 * rawlen + 2 bytes:
						   enough, as no code point
						   folds to more bytes than
						   it takes, and a space
						   parts tokens */
	size_t			 flen;
	int			 in_word;	/* a token is open */
	int			 word_upper, word_lower;
	int			 mention;	/* the next token follows "@" */
	int			 run;		/* of ! and ? */
};

/* Close the open token. */
static void
classify_word_end(struct classify_reader *r, size_t raw_end)
{
	struct classify_tok	*t;

	if (!r->in_word)
		return;
	t = &r->doc->tok[r->doc->ntok - 1];
	t->len = r->flen - t->off;
	t->raw_end = raw_end;
	if (r->word_upper >= 3 && r->word_lower == 0)
		t->flags |= TOK_CAPS;
	r->in_word = 0;
}

/* Open a token at raw offset off. */
static void
classify_word_start(struct classify_reader *r, size_t off, int flags)
{
	struct classify_doc	*d = r->doc;
	struct classify_tok	*t;

	if (d->ntok == r->cap) {
		r->cap = r->cap == 0 ? 32 : r->cap * 2;
		d->tok = xreallocarray(d->tok, r->cap, sizeof *d->tok);
	}
	if (r->flen > 0)
		r->fold[r->flen++] = ' ';
	t = &d->tok[d->ntok++];
	memset(t, 0, sizeof *t);
	t->off = r->flen;
	t->raw_off = off;
	t->clause = d->nclause;
	t->flags = flags | (r->mention ? TOK_MENTION : 0);
	r->mention = 0;
	r->in_word = 1;
	r->word_upper = r->word_lower = 0;
}

/* The script of a folded code point as a TOK_* flag. */
static int
classify_script_flag(uint32_t cp)
{
	if (classify_cp_han(cp))
		return TOK_HAN;
	if (classify_is_arabic(cp))
		return TOK_ARABIC;
	if (cp >= '0' && cp <= '9')
		return TOK_DIGITS;
	return 0;
}

/* Add the folded bytes of one word character at raw offset off. */
static void
classify_read_word(struct classify_reader *r, uint32_t orig, uint32_t cp,
    const char *bytes, size_t n, size_t off)
{
	struct classify_doc	*d = r->doc;
	int			 script = classify_script_flag(cp);
	struct classify_tok	*t = r->in_word ? &d->tok[d->ntok - 1] : NULL;

	/* A Chinese character is a token of its own; scripts part words. */
	if (t != NULL && (script == TOK_HAN || (t->flags & TOK_HAN) ||
	    (script & TOK_ARABIC) != (t->flags & TOK_ARABIC)))
		classify_word_end(r, off);
	if (!r->in_word)
		classify_word_start(r, off, script);
	else if (script != TOK_DIGITS)
		d->tok[d->ntok - 1].flags &= ~TOK_DIGITS;
	memcpy(r->fold + r->flen, bytes, n);
	r->flen += n;
	classify_count_case(orig, &r->word_upper, &r->word_lower);
	classify_count_case(orig, &d->upper, &d->lower);
	if (script == TOK_HAN)
		d->han++;
	else if (script == TOK_ARABIC)
		d->arabic++;
	else if (script == 0)
		d->latin++;
}

/* Count the punctuation that is a signal: ? and ! in every script. */
static void
classify_read_sign(struct classify_reader *r, uint32_t orig, uint32_t cp)
{
	struct classify_doc	*d = r->doc;
	int			 q, e;

	q = cp == '?' || orig == 0x061f || orig == 0xbf || orig == 0x2e2e ||
	    orig == 0x2753 || orig == 0x2754;
	e = cp == '!' || orig == 0xa1 || orig == 0x203c || orig == 0x2049;
	d->qmarks += q;
	d->inverted_q += orig == 0xbf;
	d->excl += e;
	if (q || e) {
		if (++r->run > d->punct_run)
			d->punct_run = r->run;
	} else
		r->run = 0;
}

/* Read the code point at raw offset off into the tokens and signals. */
static void
classify_read_cp(struct classify_reader *r, uint32_t orig, size_t off,
    size_t next)
{
	struct classify_doc	*d = r->doc;
	uint32_t		 cp = orig;
	char			 out[8];
	size_t			 n;
	int			 what;

	what = classify_fold_cp(&cp, out, &n);
	/* Digits keep their thousands and decimal signs: "12,50". */
	if ((cp == '.' || cp == ',') && r->in_word && next < d->rawlen &&
	    d->raw[next] >= '0' && d->raw[next] <= '9' &&
	    (d->tok[d->ntok - 1].flags & TOK_DIGITS))
		what = FOLD_DROP;
	if (what != FOLD_DROP)
		classify_read_sign(r, orig, cp);
	switch (what) {
	case FOLD_WORD:
		classify_read_word(r, orig, cp, out, n, off);
		break;
	case FOLD_DROP:
		break;
	case FOLD_EMOJI:
		d->emoji[classify_emoji_what(cp)]++;
		/* FALLTHROUGH */
	case FOLD_CLAUSE:
		classify_word_end(r, off);
		d->nclause++;
		break;
	default:
		classify_word_end(r, off);
		r->mention = cp == '@';
	}
}

/* Return 1 if a run of letters after a dot is a common top-level domain. */
static int
classify_tld(const char *s, size_t n)
{
	static const char *const tlds[] = {
		"com", "net", "org", "io", "ly", "me", "co", "info", "biz",
		"xyz", "top", "shop", "store", "site", "online", "link",
		"click", "live", "ru", "cn", "nl", "de", "fr", "es", "ro",
		"uk", "us", "eu", "app", "gg", "tk", "cc", "ws", "tv", "ai",
		"be", "it", "pl", "ch", "at", "sa", "ae", "eg", "tw", "hk"
	};
	size_t	i;

	for (i = 0; i < nitems(tlds); i++) {
		if (strlen(tlds[i]) == n && strncasecmp(s, tlds[i], n) == 0)
			return 1;
	}
	return 0;
}

/* Return 1 if a link starts at s[i]: "http://", "https://", "www.". */
int
classify_link_start(const char *s, size_t len, size_t i)
{
	return (i == 0 || isspace((unsigned char)s[i - 1])) &&
	    ((len - i >= 7 && strncasecmp(s + i, "http://", 7) == 0) ||
	    (len - i >= 8 && strncasecmp(s + i, "https://", 8) == 0) ||
	    (len - i >= 4 && strncasecmp(s + i, "www.", 4) == 0));
}

/* Return 1 if the dot at s[i] ends a bare domain ("bit.ly/x", "shop.nl"). */
int
classify_link_dot(const char *s, size_t len, size_t i)
{
	size_t	j;

	if (s[i] != '.' || i == 0 || !isalnum((unsigned char)s[i - 1]))
		return 0;
	for (j = i + 1; j < len && isalpha((unsigned char)s[j]); j++)
		;
	return j - i - 1 >= 2 && (j == len || s[j] == '/' ||
	    !isalnum((unsigned char)s[j])) && classify_tld(s + i + 1,
	    j - i - 1) && (j == len || s[j] != '.' || j + 1 == len ||
	    !isalpha((unsigned char)s[j + 1]));
}

/*
 * Count the links of the text (URLs, "www.", bare domains) and mark their
 * tokens, so that no phrase is read in "meta-help.com".
 */
static int
classify_mark_links(struct classify_doc *d)
{
	const char	*s = d->raw;
	size_t		 len = d->rawlen, i, from, k;
	int		 n = 0;

	for (i = 0; i < len; i++) {
		if (s[i] != '.' && s[i] != 'h' && s[i] != 'H' && s[i] != 'w' &&
		    s[i] != 'W')
			continue;
		if (!classify_link_start(s, len, i) &&
		    !classify_link_dot(s, len, i))
			continue;
		for (from = i; from > 0 && !isspace((unsigned char)s[from - 1]);
		    from--)
			;
		while (i < len && !isspace((unsigned char)s[i]))
			i++;
		for (k = 0; k < d->ntok; k++) {
			if (d->tok[k].raw_off >= from && d->tok[k].raw_off < i)
				d->tok[k].flags |= TOK_LINK;
		}
		n++;
	}
	return n;
}

/* Return 1 if the text holds a phone number (nine digits or more, with
 * spaces, dots or dashes between groups). */
static int
classify_has_phone(const char *s, size_t len)
{
	size_t	i;
	int	digits = 0;

	for (i = 0; i < len; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			if (++digits >= 9)
				return 1;
		} else if (!((s[i] == ' ' || s[i] == '-' || s[i] == '.') &&
		    digits > 0 && i + 1 < len && s[i + 1] >= '0' &&
		    s[i + 1] <= '9') && s[i] != '+')
			digits = 0;
	}
	return 0;
}

/* Return 1 if the text carries the sarcasm mark "/s" as a word. */
static int
classify_has_slash_s(const char *s, size_t len)
{
	size_t	i;

	for (i = 0; i + 1 < len; i++) {
		if (s[i] == '/' && (s[i + 1] == 's' || s[i + 1] == 'S') &&
		    (i == 0 || s[i - 1] == ' ') && (i + 2 == len ||
		    !isalnum((unsigned char)s[i + 2])))
			return 1;
	}
	return 0;
}

/* What a quotation mark may do where it stands (classify_mark_quotes). */
#define QUOTE_OPENS	0x1
#define QUOTE_CLOSES	0x2
/* A longer span of tokens is no quotation. */
#define QUOTE_SPAN_MAX	8

/* Return 1 if cp is a letter or digit of a script that parts words with
 * spaces: a quotation mark beside one is an apostrophe ("don't"). */
static int
classify_quote_wordish(uint32_t cp)
{
	return (cp < 0x80 && isalnum((int)cp)) || (cp >= 0xc0 &&
	    cp <= 0x24f && cp != 0xd7 && cp != 0xf7) || classify_is_arabic(cp);
}

/* Return what the quotation mark cp may do between prev and next (0 if
 * cp is none): "“", "«", "「" open, "」" closes, and a mark that may do
 * either opens where no word comes before it and closes where none comes
 * after. */
static int
classify_quote_role(uint32_t prev, uint32_t cp, uint32_t next)
{
	int	role = 0;

	if (cp == 0x300c || cp == 0x300e)
		return QUOTE_OPENS;
	if (cp == 0x300d || cp == 0x300f)
		return QUOTE_CLOSES;
	if (cp != '\'' && cp != '"' && cp != 0x2018 && cp != 0x2019 &&
	    cp != 0x201c && cp != 0x201d && cp != 0x201e && cp != 0xab &&
	    cp != 0xbb)
		return 0;
	if (!classify_quote_wordish(prev) && next != ' ' && next != 0)
		role |= QUOTE_OPENS;
	if (!classify_quote_wordish(next) && prev != ' ' && prev != 0)
		role |= QUOTE_CLOSES;
	return role;
}

/* Mark the tokens raw [from, to) holds as quoted, unless they are too
 * many or the whole text. */
static void
classify_quote_span(struct classify_doc *d, size_t from, size_t to)
{
	size_t		i, first = d->ntok, n = 0, used;
	uint32_t	cp;

	for (i = 0; i < d->ntok; i++) {
		if (d->tok[i].raw_off >= from && d->tok[i].raw_off < to) {
			if (first == d->ntok)
				first = i;
			n++;
		}
	}
	if (n == 0 || n > QUOTE_SPAN_MAX || n == d->ntok)
		return;
	for (i = first; i < first + n; i++)
		d->tok[i].flags |= TOK_QUOTED;
	/* A question quoted ("he said: 'what did you expect?'") is not one. */
	for (i = from; i < to && d->qmarks > 0; i += used) {
		used = text_decode(d->raw + i, to - i, &cp);
		if (cp == '?' || cp == 0x061f || cp == 0xff1f || cp == 0xbf ||
		    cp == 0x2e2e || cp == 0x2753 || cp == 0x2754)
			d->qmarks--;
	}
}

/*
 * Mark the tokens inside quotation marks: what the customer quotes (the
 * words iced on a cake, a shop's slogan) is not what they say. Texts
 * without a quotation mark pass after one look at their bytes.
 */
static void
classify_mark_quotes(struct classify_doc *d)
{
	const char	*s = d->raw;
	size_t		 len = d->rawlen, off = 0, used, open = 0;
	uint32_t	 prev = 0, cp, next;
	int		 role, opened = 0;

	if (memchr(s, '\'', len) == NULL && memchr(s, '"', len) == NULL &&
	    memchr(s, 0xe2, len) == NULL && memchr(s, 0xc2, len) == NULL &&
	    memchr(s, 0xe3, len) == NULL)
		return;
	while (off < len) {
		used = text_decode(s + off, len - off, &cp);
		next = 0;
		if (off + used < len)
			text_decode(s + off + used, len - off - used, &next);
		role = classify_quote_role(prev, cp, next);
		if (opened && (role & QUOTE_CLOSES)) {
			classify_quote_span(d, open, off);
			opened = 0;
		} else if (role & QUOTE_OPENS) {
			open = off + used;
			opened = 1;
		}
		prev = cp;
		off += used;
	}
}

/*
 * Read an ASCII letter or digit c that goes on the open token of Latin
 * script or digits, as classify_read_cp would, but at once: most of what
 * is read is. Return 0 if c is not such a byte.
 */
static int
classify_read_ascii(struct classify_reader *r, unsigned char c)
{
	struct classify_doc	*d = r->doc;
	struct classify_tok	*t;
	int			 upper = c >= 'A' && c <= 'Z';

	if (!r->in_word || !(upper || (c >= 'a' && c <= 'z') ||
	    (c >= '0' && c <= '9')))
		return 0;
	t = &d->tok[d->ntok - 1];
	if (t->flags & (TOK_HAN | TOK_ARABIC))
		return 0;
	r->run = 0;
	if (c > '9') {
		t->flags &= ~TOK_DIGITS;
		d->latin++;
		if (upper) {
			r->word_upper++;
			d->upper++;
			c += 'a' - 'A';
		} else {
			r->word_lower++;
			d->lower++;
		}
	}
	r->fold[r->flen++] = (char)c;
	return 1;
}

/* Read text (its first len bytes) into doc; see classify-private.h. */
void
classify_doc_read(struct classify_doc *d, const char *text, size_t len)
{
	struct classify_reader	 r;
	size_t			 off = 0, used, i;
	uint32_t		 cp;

	memset(d, 0, sizeof *d);
	memset(&r, 0, sizeof r);
	d->raw = text;
	d->rawlen = len;
	r.doc = d;
	r.fold = xmalloc(2 * len + 2);
	while (off < len) {
		if (classify_read_ascii(&r, (unsigned char)text[off])) {
			off++;
			continue;
		}
		if (text[off] == ' ') {
			/* What classify_read_cp does with a space. */
			classify_word_end(&r, off++);
			r.mention = 0;
			r.run = 0;
			continue;
		}
		used = text_decode(text + off, len - off, &cp);
		classify_read_cp(&r, cp, off, off + used);
		off += used;
	}
	classify_word_end(&r, off);
	r.fold[r.flen] = '\0';
	d->foldlen = r.flen;
	d->fold = r.fold;
	for (i = 0; i < d->ntok; i++) {
		if (d->tok[i].flags & TOK_CAPS)
			d->caps_words++;
		if (d->tok[i].flags & TOK_MENTION)
			d->mentions++;
	}
	d->links = classify_mark_links(d);
	classify_mark_quotes(d);
	d->phone = classify_has_phone(text, len);
	d->slash_s = classify_has_slash_s(text, len);
}

/* Free what classify_doc_read made. */
void
classify_doc_free(struct classify_doc *d)
{
	free(d->fold);
	free(d->tok);
	memset(d, 0, sizeof *d);
}

/* Fold s[0..len) into a new string; see classify-private.h. */
char *
classify_fold(const char *s, size_t len)
{
	struct classify_doc	 d;
	struct buf		 b;
	size_t			 i;

	classify_doc_read(&d, s, len);
	buf_init(&b, 0);
	for (i = 0; i < d.ntok; i++) {
		if (i > 0 && !((d.tok[i].flags & TOK_HAN) &&
		    (d.tok[i - 1].flags & TOK_HAN)))
			buf_addch(&b, ' ');
		buf_add(&b, d.fold + d.tok[i].off, d.tok[i].len);
	}
	classify_doc_free(&d);
	return buf_steal(&b);
}

/*
 * Words that an impostor adds to a shop's name ("Tulip & Tea Support",
 * "tuliptea_helpdesk", "Official Tulip & Tea"), folded.
 */
static const char *const classify_service_words[] = {
	"support", "help", "helpdesk", "helpline", "desk", "team", "official",
	"officiel", "oficial", "oficiala", "care", "customer", "customers",
	"service", "services", "client", "clients", "cliente", "clientes",
	"klantenservice", "klanten", "kundenservice", "kundendienst",
	"servicio", "atencion", "asistenta", "suport", "admin",
	"administrator", "giveaway", "giveaways", "promo", "promos",
	"promotions", "rewards", "winners", "contest", "real", "the", "hq",
	"info", "page", "verified", "assistance", "hulp", "hilfe", "aide",
	"ayuda", "ajutor", "center", "centre", "dept", "department",
	"refund", "refunds", "claims", "payments", "billing", "security",
	"account", "accounts", "de", "du", "al",
	"دعم", "خدمه", "العملاء", "الرسمي", "الدعم", "فريق", "客服",
	"官方", "售后", "中心"
};

/* Words that join the parts of a name, left out of every name's key:
 * "Tulip and Tea" is "Tulip & Tea". */
static const char *const classify_name_joins[] = {
	"and", "en", "und", "et", "y", "si", "e", "n"
};

/* Return 1 if a folded word is one of the n words of list. */
static int
classify_word_in(const char *const *list, size_t n, const char *s,
    size_t len)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (strlen(list[i]) == len && memcmp(list[i], s, len) == 0)
			return 1;
	}
	return 0;
}

/*
 * Write the key of a name into key (size KEY_MAX): its folded words run
 * together, look-alike digits read as letters (0 o, 1 i, 3 e, 4 a, 5 s,
 * 7 t; and l as i, as 1 and l look alike); with strip, without the words
 * an impostor adds, whose count goes to *stripped. Return the key's
 * length.
 */
#define KEY_MAX	96
static size_t
classify_name_key(const char *name, int strip, char *key, int *stripped)
{
	static const char	 from[] = "013457l", to[] = "oieasti";
	struct classify_doc	 d;
	const char		*p;
	size_t			 i, j, n = 0;

	classify_doc_read(&d, name, strlen(name));
	*stripped = 0;
	for (i = 0; i < d.ntok; i++) {
		p = d.fold + d.tok[i].off;
		if (classify_word_in(classify_name_joins,
		    nitems(classify_name_joins), p, d.tok[i].len))
			continue;
		if (strip && classify_word_in(classify_service_words,
		    nitems(classify_service_words), p, d.tok[i].len)) {
			(*stripped)++;
			continue;
		}
		for (j = 0; j < d.tok[i].len && n + 1 < KEY_MAX; j++) {
			const char *c = strchr(from, p[j]);

			key[n++] = c != NULL && p[j] != '\0' ?
			    to[c - from] : p[j];
		}
	}
	key[n] = '\0';
	classify_doc_free(&d);
	return n;
}

/* Return 1 if a and b are at most one edit (a letter changed, added or
 * left out, or two swapped) apart. */
static int
classify_one_edit(const char *a, size_t na, const char *b, size_t nb)
{
	size_t	i = 0;

	if (na > nb + 1 || nb > na + 1)
		return 0;
	while (i < na && i < nb && a[i] == b[i])
		i++;
	if (na == nb)
		return strcmp(a + i + (i < na), b + i + (i < nb)) == 0 ||
		    (i + 1 < na && a[i] == b[i + 1] && a[i + 1] == b[i] &&
		    strcmp(a + i + 2, b + i + 2) == 0);
	return na > nb ? strcmp(a + i + 1, b + i) == 0 :
	    strcmp(a + i, b + i + 1) == 0;
}

/* Return 1 if an author's name imitates the shop's; see the header. */
int
classify_name_imitates(const char *author, const char *shop)
{
	char	akey[KEY_MAX], skey[KEY_MAX];
	size_t	na, ns;
	int	stripped, shop_stripped;

	if (author == NULL || *author == '\0')
		return 0;
	na = classify_name_key(author, 1, akey, &stripped);
	ns = shop != NULL ? classify_name_key(shop, 0, skey, &shop_stripped) :
	    0;
	if (ns == 0)
		return na == 0 && stripped >= 2;
	if (na == 0)
		return 0;
	if (strcmp(akey, skey) == 0)
		return 1;
	if (ns >= 5 && classify_one_edit(akey, na, skey, ns))
		return 1;
	/* "Tulip Support" for "Tulip & Tea"; "tulipteaofficial" */
	if (stripped > 0 && na >= 4 && strstr(skey, akey) == skey)
		return 1;
	return ns >= 4 && strstr(akey, skey) != NULL && na <= ns + 12;
}
