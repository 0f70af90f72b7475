/*
 * guard-slot.c -- the placeholders of a saved reply left in the text:
 * {name}, {{name}} and ${name}; a slot named between brackets ([Customer
 * Name], [order #], <date>, [Kundenname], [اسم العميل], 【客户姓名】);
 * %NAME% and %%name%%; $NAME; and XXX or ___ left for a number or a name.
 *
 * Between square or angle brackets a phrase is a slot when it is short
 * (one to four words) and names one: by a word of the list below in any
 * of the eight languages (or a German or Dutch compound ending in one),
 * by "#", or by every word beginning with a capital (one word must be in
 * capitals: "[Sale]" is none, "[NAME]" is one). What holds a digit
 * is filled in ("[1]", "[LENTE20]"), and an editor's note is no slot
 * ("[sic]", "[link removed]", "[Update]"): both are left alone, as are a
 * sentence in brackets, an emoticon ("<3") and a Markdown link. In
 * Chinese, 【】 before a colon is a heading ("【订单号】：A123").
 */
#include <stdlib.h>
#include <string.h>

#include "guard-private.h"
#include "text.h"
#include "util.h"

/* The longest phrase between brackets that may be a slot, in bytes. */
#define GUARD_SLOT_MAX		64
/* The most words of a slot's name, and Chinese characters. */
#define GUARD_SLOT_WORDS	4
#define GUARD_SLOT_HAN		8

/*
 * Words that name a slot, as guard_base_key writes them (no capitals,
 * no accents; Arabic without its article).
 */
static const char *const guard_slot_words[] = {
	/* en */
	"name", "names", "customer", "client", "order", "number", "nr",
	"num", "id", "link", "url", "product", "item", "date", "time",
	"tracking", "code", "amount", "price", "address", "email", "phone",
	"shop", "store", "company", "signature",
	/* nl */
	"naam", "klant", "bestelling", "nummer", "datum", "artikel", "adres",
	"winkel", "bedrag", "prijs", "tijd",
	/* ro */
	"nume", "numele", "prenume", "clientul", "clienta", "comanda",
	"comenzii", "numar", "numarul", "produs", "produsul", "data",
	"adresa", "suma", "pret", "pretul", "magazin",
	/* de */
	"kunde", "kundin", "kunden", "bestellung", "produkt", "adresse",
	"betrag", "preis", "uhrzeit",
	/* fr */
	"nom", "prenom", "commande", "numero", "produit", "article", "lien",
	"montant", "prix", "boutique", "heure",
	/* es */
	"nombre", "apellido", "cliente", "pedido", "producto", "articulo",
	"fecha", "enlace", "direccion", "importe", "precio", "tienda", "hora",
	/* ar */
	"اسم", "عميل", "طلب", "رقم", "رابط", "منتج", "تاريخ", "عنوان", "سعر",
	"مبلغ",
	NULL
};

/* The ends of compounds that name a slot (Kundenname, klantnaam). */
static const char *const guard_slot_ends[] = {
	"name", "naam", "nummer", "datum", "link", NULL
};

/* Chinese words that name a slot, found anywhere in a run of Han. */
static const char *const guard_slot_han[] = {
	"姓名", "名字", "名称", "昵称", "订单", "单号", "编号", "号码", "链接",
	"网址", "产品", "商品", "日期", "地址", "金额", "价格", NULL
};

/* Words of an editor's note between brackets: "[sic]", "[Bild entfernt]". */
static const char *const guard_slot_notes[] = {
	"sic", "removed", "deleted", "redacted", "edited", "edit", "update",
	"updated", "omitted", "hidden", "translated", "translation",
	"verwijderd", "bewerkt", "aangepast", "entfernt", "geloscht",
	"bearbeitet", "supprime", "modifie", "efface", "eliminado", "editado",
	"borrado", "sters", "eliminat", "editat", "محذوف", "حذف", "删除",
	"编辑", NULL
};

/* Whether a word is in a NULL-ended list. */
static int
guard_slot_in(const char *const *list, const char *word)
{
	size_t	i;

	for (i = 0; list[i] != NULL; i++) {
		if (strcmp(list[i], word) == 0)
			return 1;
	}
	return 0;
}

/* Whether a run of Han characters holds one of a list's words. */
static int
guard_slot_han_has(const char *const *list, const char *key)
{
	size_t	i;

	for (i = 0; list[i] != NULL; i++) {
		if (strstr(key, list[i]) != NULL)
			return 1;
	}
	return 0;
}

/* Whether a word (its base key) names a slot. */
static int
guard_slot_word(const struct guard_word *g, const char *base)
{
	size_t	i, n = strlen(base), e;

	if (g->script == GUARD_SCRIPT_CJK)
		return guard_slot_han_has(guard_slot_han, g->key);
	if (g->script == GUARD_SCRIPT_ARABIC && strncmp(base, "ال", 4) == 0 &&
	    n > 6)
		base += 4;	/* the article */
	if (guard_slot_in(guard_slot_words, base))
		return 1;
	for (i = 0; guard_slot_ends[i] != NULL; i++) {
		e = strlen(guard_slot_ends[i]);
		if (n > e + 2 && strcmp(base + n - e, guard_slot_ends[i]) == 0)
			return 1;
	}
	return 0;
}

/* Whether a word marks an editor's note ("sic", "removed", "entfernt"). */
static int
guard_slot_note(const struct guard_word *g, const char *base)
{
	if (g->script == GUARD_SCRIPT_CJK)
		return guard_slot_han_has(guard_slot_notes, g->key);
	return guard_slot_in(guard_slot_notes, base);
}

/* Whether a phrase holds a "#" that stands for a number not given. */
static int
guard_slot_hash(const char *s)
{
	for (; (s = strchr(s, '#')) != NULL; s++) {
		if (s[1] < '0' || s[1] > '9')
			return 1;
	}
	return 0;
}

/* Whether a phrase holds a small letter (of a script with capitals). */
static int
guard_slot_lower(const char *s)
{
	size_t		len = strlen(s), off = 0;
	uint32_t	c;
	int		script;

	while (off < len) {
		off += text_decode(s + off, len - off, &c);
		script = guard_script(c);
		if ((script == GUARD_SCRIPT_LATIN || script ==
		    GUARD_SCRIPT_GREEK || script == GUARD_SCRIPT_CYRILLIC) &&
		    !guard_is_upper(c))
			return 1;
	}
	return 0;
}

/*
 * Whether the words of a phrase between brackets name a slot: 1 to 4 of
 * them, none with a digit, none an editor's, and one a slot's word, or
 * a "#" among them, or each with a capital (two words or more, or one in
 * capitals: "[Sale]" is no slot, "[NAME]" is).
 */
static int
guard_slot_words_name(const char *phrase, const struct guard_words *w)
{
	char	base[sizeof w->v[0].key];
	size_t	i, letters = 0;
	int	slot = 0, title = 1;

	if (w->n == 0)
		return guard_slot_hash(phrase);
	if (w->n > GUARD_SLOT_WORDS)
		return 0;
	for (i = 0; i < w->n; i++) {
		const struct guard_word	*g = &w->v[i];

		if (g->digits || g->handle || (g->script == GUARD_SCRIPT_CJK &&
		    g->letters > GUARD_SLOT_HAN))
			return 0;
		guard_base_key(g, base);
		if (guard_slot_note(g, base))
			return 0;
		slot |= guard_slot_word(g, base);
		letters += (size_t)g->letters;
		if (!g->upper || (g->script != GUARD_SCRIPT_LATIN &&
		    g->script != GUARD_SCRIPT_GREEK &&
		    g->script != GUARD_SCRIPT_CYRILLIC))
			title = 0;
	}
	return slot || guard_slot_hash(phrase) || (title && letters >= 2 &&
	    (w->n >= 2 || !guard_slot_lower(phrase)));
}

/*
 * Whether the bytes between square or angle brackets name a slot (not
 * when they hold more brackets or a link).
 */
static int
guard_slot_phrase(const char *s, size_t len)
{
	struct guard_words	 w;
	char			*phrase;
	int			 slot;

	if (len == 0 || len > GUARD_SLOT_MAX || memchr(s, '\n', len) != NULL)
		return 0;
	phrase = xstrndup(s, len);
	if (strpbrk(phrase, "[]<>{}") != NULL || strstr(phrase, "【") !=
	    NULL || strstr(phrase, "://") != NULL) {
		free(phrase);
		return 0;
	}
	guard_words_split(phrase, &w);
	slot = guard_slot_words_name(phrase, &w);
	guard_words_free(&w);
	free(phrase);
	return slot;
}

/* Whether the bytes between braces are a placeholder: {order}, {ORDER NO}. */
static int
guard_slot_braces(const char *s, size_t len)
{
	size_t	i, letters = 0, space = 0;

	if (len == 0 || len > GUARD_SLOT_MAX)
		return 0;
	for (i = 0; i < len; i++) {
		if (strchr("\n{}[<", s[i]) != NULL)
			return 0;
		space += s[i] == ' ';
		letters += (s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z');
	}
	return space == 0 || letters >= 2;
}

/* Report a placeholder at text[start, start + len). */
static void
guard_slot_found(const struct guard_input *in, size_t start, size_t len,
    struct guard_report *r)
{
	char	*msg;

	msg = xprintf("the placeholder \"%.*s\" is still in the reply: fill "
	    "it in or take it out", (int)len, in->text + start);
	guard_add(r, GUARD_PLACEHOLDER, GUARD_BLOCK, start, len, msg, NULL);
	free(msg);
}

/* The brackets a placeholder is put between. */
static const struct {
	const char	*open;
	const char	*close;
} guard_slot_brackets[] = {
	{ "{", "}" }, { "[", "]" }, { "<", ">" }, { "【", "】" }
};

/* Whether text after 【】 makes them a heading: a colon next. */
static int
guard_slot_heading(const char *s)
{
	s += strspn(s, " ");
	return *s == ':' || strncmp(s, "：", strlen("：")) == 0;
}

/*
 * Whether the brackets of kind k from text[*at] to text[*end] (just past
 * the one that closes) are a placeholder. They widen to take in "{{" and
 * "}}", "[[" and "]]", and the "$" of "${name}".
 */
static int
guard_slot_pair(const char *t, size_t k, size_t *at, size_t *end)
{
	size_t	olen = strlen(guard_slot_brackets[k].open);
	size_t	clen = strlen(guard_slot_brackets[k].close);
	size_t	len = *end - clen - *at - olen;
	char	o = *guard_slot_brackets[k].open;
	char	c = *guard_slot_brackets[k].close;

	if (k == 1 && t[*end] == '(')
		return 0;	/* a link as Markdown writes one */
	if (k == 3 && guard_slot_heading(t + *end))
		return 0;
	if (!(k == 0 ? guard_slot_braces(t + *at + olen, len) :
	    guard_slot_phrase(t + *at + olen, len)))
		return 0;
	while (olen == 1 && *at > 0 && t[*at - 1] == o && t[*end] == c) {
		(*at)--;
		(*end)++;
	}
	if (k == 0 && *at > 0 && t[*at - 1] == '$')
		(*at)--;
	return 1;
}

/* Find the placeholders between brackets or braces. */
static void
guard_slot_check_brackets(const struct guard_input *in,
    struct guard_report *r)
{
	const char	*t = in->text, *q;
	size_t		 p, k, at, end;

	for (p = 0; t[p] != '\0'; p++) {
		for (k = 0; k < nitems(guard_slot_brackets); k++) {
			if (strncmp(t + p, guard_slot_brackets[k].open,
			    strlen(guard_slot_brackets[k].open)) == 0)
				break;
		}
		if (k == nitems(guard_slot_brackets) || (q = strstr(t + p +
		    strlen(guard_slot_brackets[k].open),
		    guard_slot_brackets[k].close)) == NULL)
			continue;
		at = p;
		end = (size_t)(q - t) + strlen(guard_slot_brackets[k].close);
		if (guard_slot_pair(t, k, &at, &end)) {
			guard_slot_found(in, at, end - at, r);
			p = end - 1;
		}
	}
}

/* Whether a byte may be in the name of a variable: NAME, first_name. */
static int
guard_slot_ident(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_';
}

/* Whether len bytes hold two letters or more. */
static int
guard_slot_letters(const char *s, size_t len)
{
	size_t	i, letters = 0;

	for (i = 0; i < len; i++) {
		letters += (s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z');
	}
	return letters >= 2;
}

/* Whether a placeholder found already holds byte at ("[%NAME%]"). */
static int
guard_slot_covered(const struct guard_report *r, size_t at)
{
	size_t	i;

	for (i = 0; i < r->n; i++) {
		if (r->v[i].kind == GUARD_PLACEHOLDER && r->v[i].start <= at &&
		    at < r->v[i].start + r->v[i].len)
			return 1;
	}
	return 0;
}

/*
 * Whether a variable's name (len bytes, after a "$") names a slot: in
 * capitals (with digits or "_"), or made of words of which one names a
 * slot ("first_name", "order_id").
 */
static int
guard_slot_variable(const char *s, size_t len)
{
	struct guard_words	 w;
	char			*name, base[sizeof w.v[0].key];
	size_t			 i, lower = 0;
	int			 slot = 0;

	for (i = 0; i < len; i++)
		lower += s[i] >= 'a' && s[i] <= 'z';
	if (lower == 0 && guard_slot_letters(s, len))
		return 1;
	name = xstrndup(s, len);
	for (i = 0; i < len; i++) {
		if (name[i] == '_')
			name[i] = ' ';
	}
	guard_words_split(name, &w);
	for (i = 0; i < w.n && !slot; i++) {
		guard_base_key(&w.v[i], base);
		slot = !w.v[i].digits && guard_slot_word(&w.v[i], base);
	}
	guard_words_free(&w);
	free(name);
	return slot;
}

/*
 * Find %NAME% and %%name%% (a name of two letters or more between per
 * cent signs, not after a number), and $NAME or $first_name (not a price
 * nor "US$").
 */
static void
guard_slot_check_signs(const struct guard_input *in, struct guard_report *r)
{
	const char	*t = in->text;
	size_t		 p, n, at, end;

	for (p = 0; t[p] != '\0'; p++) {
		if ((t[p] != '%' && t[p] != '$') || (p > 0 &&
		    guard_slot_ident(t[p - 1])) || (t[p + 1] >= '0' &&
		    t[p + 1] <= '9'))
			continue;
		for (n = 0; guard_slot_ident(t[p + 1 + n]); n++)
			;
		if (n == 0 || (t[p] == '%' && t[p + 1 + n] != '%'))
			continue;
		at = p;
		end = p + 1 + n + (t[p] == '%');
		if (guard_slot_covered(r, p) || (t[p] == '%' ?
		    !guard_slot_letters(t + p + 1, n) :
		    !guard_slot_variable(t + p + 1, n)))
			continue;
		if (t[p] == '%' && at > 0 && t[at - 1] == '%' &&
		    t[end] == '%') {
			at--;
			end++;
		}
		guard_slot_found(in, at, end - at, r);
		p = end - 1;
	}
}

/* Find XXX and ___ left for a number or a name. */
static void
guard_slot_check_marks(const struct guard_input *in,
    const struct guard_words *w, struct guard_report *r)
{
	const char	*t = in->text;
	size_t		 i, n;

	for (i = 0; i < w->n; i++) {
		for (n = 0; n < w->v[i].len && t[w->v[i].start + n] == 'X';
		    n++)
			;
		if (n >= 3 && n == w->v[i].len)
			guard_slot_found(in, w->v[i].start, n, r);
	}
	for (i = 0; t[i] != '\0'; i++) {
		for (n = 0; t[i + n] == '_'; n++)
			;
		if (n >= 3)
			guard_slot_found(in, i, n, r);
		i += n > 0 ? n - 1 : 0;
	}
}

/* Find the placeholders of a saved reply left in the text. */
void
guard_check_placeholders(const struct guard_input *in,
    const struct guard_words *w, struct guard_report *r)
{
	guard_slot_check_brackets(in, r);
	guard_slot_check_signs(in, r);
	guard_slot_check_marks(in, w, r);
}
