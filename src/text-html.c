/*
 * text-html.c -- the HTML of a post (a Mastodon status's content, an
 * account's note) turned into the text Mastodon's own apps show.
 *
 * This is not a browser, only a single pass over the string with a few
 * counters, so that no input, however deep or long, costs more than time
 * in proportion to its length or any stack. What it does:
 *
 *  - Text. Each run of whitespace (space, tab, CR, LF, FF) becomes one
 *    space, and a space at the start or end of a line goes. Inside <pre>
 *    spaces and line ends are kept as they are (a line end just after
 *    <pre> goes, as in a browser). Mastodon's own content never relies
 *    on either rule.
 *
 *  - Lines. <br> is a line break; a paragraph (<p>, <div>, a heading, a
 *    list, a quote, <pre>, <hr>, <table>) has a blank line before and
 *    after, a list item or table row a line break; inside a list a
 *    paragraph is a line break only. Breaks are held back until more
 *    text comes, so none leads or trails.
 *
 *  - Lists and quotes. An item of <ul> starts with "• ", of <ol> with its
 *    number ("1. ", or from the list's start attribute); a nested list,
 *    and a line that goes on in an item, are indented under it. Each
 *    line of a <blockquote> starts with "> ", once for each quote it is
 *    in; a blank line has none. Only the outer HTML_NEST quotes and lists
 *    shape a line (which keeps the text at most a few times as long as
 *    the HTML): deeper ones count, so that end tags match, but add
 *    nothing.
 *
 *  - Links. The text of <span class="invisible"> is dropped and "…"
 *    follows that of <span class="ellipsis">, which is how Mastodon shows
 *    a link it has cut short. A caller may map an href to what the whole
 *    link shows instead (the full @user@server of a mention). Spans and
 *    links left open end with the link or paragraph they are in (and at
 *    the end), so that one unclosed span cannot hide the rest of a post.
 *
 *  - Dropped with what they hold: <script>, <style>, <noscript> and
 *    <iframe> (to their first end tag, as a browser reads them), and
 *    <template> and <object> (nesting counted); to the end if the end
 *    tag is missing. Comments, <![CDATA[...]]>, <!...> and <?...> go.
 *    Other tags go and their contents stay. A tag cut short by the end of
 *    the string goes, as in a browser; a '<' that starts no tag (not
 *    followed by a letter, '/' and a letter, '!' or '?') is text.
 *
 *  - References. The named ones Mastodon and browsers write, and numeric
 *    ones (&#NNN; &#xHHH;, the ';' optional). A reference to NUL, a
 *    surrogate or past U+10FFFF is U+FFFD; to 0x80..0x9F the character
 *    windows-1252 has there, as browsers do; to another control nothing.
 *    &nbsp; is a space that does not collapse. A reference that is
 *    malformed or unknown stays as written.
 *
 * Everything else, bidi controls, ESC and C1 included, is left for
 * text_sanitize, which every caller runs on the result.
 */

#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

#define HTML_REPLACEMENT	0xFFFD
#define HTML_DROP		UINT32_MAX	/* a reference to nothing */
#define HTML_NEST		8		/* quotes and lists that
						   shape a line */
#define HTML_ELLIPSIS		"\xe2\x80\xa6"
#define HTML_BULLET		"\xe2\x80\xa2 "

enum html_kind {
	HTML_INLINE,		/* the tag goes, its contents stay */
	HTML_A,
	HTML_SPAN,
	HTML_BR,
	HTML_BLOCK,		/* a blank line before and after */
	HTML_LINE,		/* a line break before and after */
	HTML_CELL,		/* a space before */
	HTML_LI,
	HTML_UL,
	HTML_OL,
	HTML_QUOTE,
	HTML_PRE,
	HTML_RAW,		/* dropped to its first end tag */
	HTML_NESTED		/* dropped to its matching end tag */
};

struct html_kind_name {
	const char	*name;
	enum html_kind	 kind;
};

/* The tags that do something; the most common first. */
static const struct html_kind_name html_kinds[] = {
	{ "span", HTML_SPAN },		{ "a", HTML_A },
	{ "p", HTML_BLOCK },		{ "br", HTML_BR },
	{ "li", HTML_LI },		{ "ul", HTML_UL },
	{ "ol", HTML_OL },		{ "blockquote", HTML_QUOTE },
	{ "pre", HTML_PRE },		{ "div", HTML_BLOCK },
	{ "h1", HTML_BLOCK },		{ "h2", HTML_BLOCK },
	{ "h3", HTML_BLOCK },		{ "h4", HTML_BLOCK },
	{ "h5", HTML_BLOCK },		{ "h6", HTML_BLOCK },
	{ "hr", HTML_BLOCK },		{ "table", HTML_BLOCK },
	{ "dl", HTML_BLOCK },		{ "section", HTML_BLOCK },
	{ "article", HTML_BLOCK },	{ "aside", HTML_BLOCK },
	{ "header", HTML_BLOCK },	{ "footer", HTML_BLOCK },
	{ "figure", HTML_BLOCK },	{ "details", HTML_BLOCK },
	{ "tr", HTML_LINE },		{ "dt", HTML_LINE },
	{ "dd", HTML_LINE },		{ "caption", HTML_LINE },
	{ "figcaption", HTML_LINE },	{ "summary", HTML_LINE },
	{ "td", HTML_CELL },		{ "th", HTML_CELL },
	{ "script", HTML_RAW },		{ "style", HTML_RAW },
	{ "noscript", HTML_RAW },	{ "iframe", HTML_RAW },
	{ "template", HTML_NESTED },	{ "object", HTML_NESTED }
};

struct html_entity {
	const char	*name;
	uint32_t	 cp;
};

static const struct html_entity html_entities[] = {
	{ "amp", '&' },		{ "lt", '<' },		{ "gt", '>' },
	{ "quot", '"' },	{ "apos", '\'' },	{ "nbsp", 0xA0 },
	{ "AMP", '&' },		{ "LT", '<' },		{ "GT", '>' },
	{ "QUOT", '"' },
	{ "hellip", 0x2026 },	{ "mdash", 0x2014 },	{ "ndash", 0x2013 },
	{ "lsquo", 0x2018 },	{ "rsquo", 0x2019 },	{ "ldquo", 0x201C },
	{ "rdquo", 0x201D },	{ "laquo", 0x00AB },	{ "raquo", 0x00BB },
	{ "copy", 0x00A9 },	{ "reg", 0x00AE },	{ "trade", 0x2122 },
	{ "middot", 0x00B7 },	{ "bull", 0x2022 }
};

/* What browsers make of references to 0x80..0x9F (0: nothing). */
static const uint16_t html_cp1252[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
};

/* A tag as read: its name and the attributes that matter, as written. */
struct html_tag {
	const char	*name;
	size_t		 namelen;
	int		 end;		/* </name> */
	int		 cut;		/* the string ended inside it */
	const char	*class;		/* NULL if it has none */
	size_t		 classlen;
	const char	*href;
	size_t		 hreflen;
	const char	*start;
	size_t		 startlen;
};

/* A quote or a list that shapes the lines in it. */
struct html_level {
	enum html_kind	 kind;		/* HTML_QUOTE, HTML_UL or HTML_OL */
	long long	 number;	/* of the current item (HTML_OL) */
};

struct html {
	char			*out;
	size_t			 len;
	size_t			 cap;

	const char *const	*hrefs;		/* the caller's map */
	const char *const	*shows;
	size_t			 nmap;
	char			*attr;		/* an href, decoded */
	size_t			 attrcap;

	size_t			 breaks;	/* line ends held back */
	int			 space;		/* a space held back */
	int			 bol;		/* at the start of a line */
	int			 item;		/* an item's marker is due */
	size_t			 pre;		/* <pre> open */
	int			 pre_start;	/* just after <pre> */

	size_t			 spans;		/* spans open */
	size_t			 invisible;	/* depth of the outer
						   invisible span, or 0 */
	size_t			 ellipsis;	/* of the ellipsis span, 0 */
	int			 link;		/* a link is open */
	int			 link_hidden;	/* its show was written */
	size_t			 link_spans;	/* spans open outside it */

	struct html_level	 levels[HTML_NEST];
	size_t			 nest;		/* quotes and lists open */
	size_t			 lists;		/* lists among levels */
};

/* Tell whether c is HTML whitespace. */
static int
html_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Tell whether c is an ASCII letter. */
static int
html_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Tell whether c is an ASCII letter or digit. */
static int
html_alnum(char c)
{
	return html_letter(c) || (c >= '0' && c <= '9');
}

/* Return c in lower case if it is an ASCII letter. */
static char
html_lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c | 0x20) : c;
}

/* Tell whether s[0..n) is name (lower case) in any ASCII case. */
static int
html_same(const char *s, size_t n, const char *name)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (name[i] == '\0' || html_lower(s[i]) != name[i])
			return 0;
	}
	return name[n] == '\0';
}

/* Append bytes to the output, which always has room for a NUL after. */
static void
html_add(struct html *h, const char *p, size_t n)
{
	while (h->len + n >= h->cap) {
		h->cap *= 2;
		h->out = xrealloc(h->out, h->cap);
	}
	memcpy(h->out + h->len, p, n);
	h->len += n;
}

/* Tell whether text written now would be dropped. */
static int
html_hidden(const struct html *h)
{
	return h->link_hidden || h->invisible > 0;
}

/* Return the index of the innermost list that shapes lines, or
 * HTML_NEST if there is none. */
static size_t
html_list(const struct html *h)
{
	size_t	i = h->nest < HTML_NEST ? h->nest : HTML_NEST;

	while (i > 0) {
		if (h->levels[--i].kind != HTML_QUOTE)
			return i;
	}
	return HTML_NEST;
}

/* Write what starts a line: "> " for each quote, the indent of each
 * list, and the marker of an item that starts here. */
static void
html_prefix(struct html *h)
{
	const struct html_level	*lv;
	size_t			 i, top, list = html_list(h);
	char			 num[32];

	top = h->nest < HTML_NEST ? h->nest : HTML_NEST;
	for (i = 0; i < top; i++) {
		lv = &h->levels[i];
		if (lv->kind == HTML_QUOTE)
			html_add(h, "> ", 2);
		else if (i == list && h->item && lv->kind == HTML_UL)
			html_add(h, HTML_BULLET, strlen(HTML_BULLET));
		else if (i == list && h->item) {
			snprintf(num, sizeof num, "%lld. ", lv->number);
			html_add(h, num, strlen(num));
		} else
			html_add(h, "   ", lv->kind == HTML_OL ? 3 : 2);
	}
	h->item = 0;
}

/* Write the line ends or the space held back, and what starts a line. */
static void
html_flush(struct html *h)
{
	size_t	i;

	if (h->len > 0 && h->breaks > 0) {
		for (i = 0; i < h->breaks; i++)
			html_add(h, "\n", 1);
		h->bol = 1;
	} else if (h->len > 0 && h->space && !h->bol)
		html_add(h, " ", 1);
	h->breaks = 0;
	h->space = 0;
	if (h->bol) {
		html_prefix(h);
		h->bol = 0;
	}
}

/* Write bytes of text (no whitespace to collapse in them). */
static void
html_text(struct html *h, const char *p, size_t n)
{
	h->pre_start = 0;
	if (html_hidden(h))
		return;
	html_flush(h);
	html_add(h, p, n);
}

/* Hold back a line break. */
static void
html_br(struct html *h)
{
	if (html_hidden(h))
		return;
	h->breaks++;
	h->space = 0;
}

/* Take one whitespace character c of the source (next is the one after
 * it, or NUL): a space to collapse, or inside <pre> itself. */
static void
html_white(struct html *h, char c, char next)
{
	int	first = h->pre_start;

	h->pre_start = 0;
	if (html_hidden(h))
		return;
	if (h->pre == 0)
		h->space = 1;
	else if (c == '\r' && next == '\n')
		h->pre_start = first;	/* the LF is the line end */
	else if (c == '\n' || c == '\r') {
		if (!first)
			html_br(h);
	} else
		html_text(h, &c, 1);
}

/* Write text as it comes in the source, collapsing its whitespace. */
static void
html_plain(struct html *h, const char *s, size_t n)
{
	size_t	i = 0, run;

	while (i < n) {
		if (html_space(s[i])) {
			html_white(h, s[i], i + 1 < n ? s[i + 1] : '\0');
			i++;
			continue;
		}
		for (run = 1; i + run < n && !html_space(s[i + run]); run++)
			/* nothing */;
		html_text(h, s + i, run);
		i += run;
	}
}

/* Close the spans above depth; an ellipsis span gets its "…". */
static void
html_span_close(struct html *h, size_t depth)
{
	/* An invisible span inside the ellipsis one closes first. */
	if (h->invisible > depth && h->invisible > h->ellipsis)
		h->invisible = 0;
	if (h->ellipsis > depth) {
		h->ellipsis = 0;
		html_text(h, HTML_ELLIPSIS, strlen(HTML_ELLIPSIS));
	}
	if (h->invisible > depth)
		h->invisible = 0;
	h->spans = depth;
}

/* Close the open link, and the spans opened in it. */
static void
html_link_close(struct html *h)
{
	if (!h->link)
		return;
	html_span_close(h, h->link_spans);
	h->link = 0;
	h->link_hidden = 0;
}

/* Hold back the line ends of a block boundary (one inside a list), once
 * the spans and the link it ends are closed. */
static void
html_block(struct html *h, size_t breaks)
{
	html_link_close(h);
	html_span_close(h, 0);
	if (h->lists > 0 && breaks > 1)
		breaks = 1;
	if (h->breaks < breaks)
		h->breaks = breaks;
	h->space = 0;
}

/*
 * Decode a numeric reference at p (the '#' after a '&'); store its code
 * point in *cp and return the bytes it takes after the '&', or 0 if it is
 * none. It ends at the first byte that is not a digit (or its ';'), so it
 * never runs past the quote or space that ends an attribute's value.
 */
static size_t
html_numeric(const char *p, uint32_t *cp)
{
	const char	*q = p + 1;
	int		 hex = (*q == 'x' || *q == 'X'), d;
	uint32_t	 c = 0;
	size_t		 digits = 0;

	for (q += hex;; q++, digits++) {
		if (hex)
			d = util_hex(*q);
		else
			d = (*q >= '0' && *q <= '9') ? *q - '0' : -1;
		if (d < 0)
			break;
		if (c <= 0x10FFFF)	/* keep it past the maximum */
			c = c * (hex ? 16 : 10) + (uint32_t)d;
	}
	if (digits == 0)
		return 0;
	if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		c = HTML_REPLACEMENT;
	else if (c >= 0x80 && c <= 0x9F)
		c = html_cp1252[c - 0x80] != 0 ? html_cp1252[c - 0x80] :
		    HTML_DROP;
	else if ((c < 0x20 && !html_space((char)c)) || c == 0x7F)
		c = HTML_DROP;
	*cp = c;
	return (size_t)(q - p) + (*q == ';');
}

/* Decode the reference at p (after a '&'), as html_numeric does; a
 * named one needs its ';', and ends at its first byte that is not a
 * letter or digit too. */
static size_t
html_ref(const char *p, uint32_t *cp)
{
	size_t	n, i;

	if (*p == '#')
		return html_numeric(p, cp);
	for (n = 0; n < 8 && html_alnum(p[n]); n++)
		/* nothing */;
	if (p[n] != ';')
		return 0;
	for (i = 0; i < nitems(html_entities); i++) {
		if (strncmp(html_entities[i].name, p, n) == 0 &&
		    html_entities[i].name[n] == '\0') {
			*cp = html_entities[i].cp;
			return n + 1;
		}
	}
	return 0;
}

/* Handle the '&' at p in text; return where the text goes on. */
static const char *
html_amp(struct html *h, const char *p)
{
	uint32_t	cp;
	size_t		n = html_ref(p + 1, &cp);
	char		buf[4];

	if (n == 0)
		html_text(h, "&", 1);
	else if (cp == 0xA0)
		html_text(h, " ", 1);
	else if (cp < 0x80 && html_space((char)cp))
		html_white(h, (char)cp, '\0');
	else if (cp != HTML_DROP)
		html_text(h, buf, text_encode(cp, buf));
	return p + 1 + n;
}

/* Decode the references of an attribute's value into h->attr. */
static const char *
html_decode(struct html *h, const char *s, size_t n)
{
	size_t		i = 0, o = 0, used;
	uint32_t	cp;

	/* No reference is shorter than what it decodes to. */
	if (h->attrcap < n + 1) {
		h->attrcap = n + 1;
		h->attr = xrealloc(h->attr, h->attrcap);
	}
	while (i < n) {
		if (s[i] == '&' && (used = html_ref(s + i + 1, &cp)) > 0) {
			i += 1 + used;
			if (cp != HTML_DROP)
				o += text_encode(cp, h->attr + o);
		} else
			h->attr[o++] = s[i++];
	}
	assert(i == n && o <= n);
	h->attr[o] = '\0';
	return h->attr;
}

/* Return what the caller maps the tag's href to, or NULL. */
static const char *
html_show(struct html *h, const struct html_tag *t)
{
	const char	*href;
	size_t		 i;

	if (h->nmap == 0 || t->href == NULL)
		return NULL;
	href = html_decode(h, t->href, t->hreflen);
	for (i = 0; i < h->nmap; i++) {
		if (strcmp(h->hrefs[i], href) == 0)
			return h->shows[i];
	}
	return NULL;
}

/* Open a link (ending one left open); a mapped one shows what the caller
 * says instead of its contents. */
static void
html_link_open(struct html *h, const struct html_tag *t)
{
	const char	*show;

	html_link_close(h);
	h->link = 1;
	h->link_spans = h->spans;
	if ((show = html_show(h, t)) != NULL) {
		html_plain(h, show, strlen(show));
		h->link_hidden = 1;
	}
}

/* Tell whether the tag's class list holds word. */
static int
html_has_class(const struct html_tag *t, const char *word)
{
	const char	*p = t->class, *end;
	size_t		 n, len = strlen(word);

	if (p == NULL)
		return 0;
	for (end = p + t->classlen; p < end; /* nothing */) {
		if (html_space(*p)) {
			p++;
			continue;
		}
		for (n = 1; p + n < end && !html_space(p[n]); n++)
			/* nothing */;
		if (n == len && memcmp(p, word, n) == 0)
			return 1;
		p += n;
	}
	return 0;
}

/* Open or close a span. */
static void
html_span(struct html *h, const struct html_tag *t)
{
	if (t->end) {
		/* Not one opened outside the open link. */
		if (h->spans > (h->link ? h->link_spans : 0))
			html_span_close(h, h->spans - 1);
		return;
	}
	h->spans++;
	if (h->invisible == 0 && html_has_class(t, "invisible"))
		h->invisible = h->spans;
	if (h->ellipsis == 0 && html_has_class(t, "ellipsis"))
		h->ellipsis = h->spans;
}

/* The number of an ordered list's first item: its start attribute (at
 * most nine digits, as a browser reads it), 1 by default. */
static long long
html_start(const struct html_tag *t)
{
	const char	*p = t->start, *end;
	long long	 n = 0, sign = 1;
	int		 digits = 0;

	if (p == NULL)
		return 1;
	end = p + t->startlen;
	while (p < end && html_space(*p))
		p++;
	if (p < end && (*p == '-' || *p == '+'))
		sign = (*p++ == '-') ? -1 : 1;
	for (; p < end && *p >= '0' && *p <= '9' && digits < 9; p++, digits++)
		n = n * 10 + (*p - '0');
	return digits > 0 ? sign * n : 1;
}

/* Close the innermost open quote or list of the given kind, and any
 * opened inside it; an end tag that matches none does nothing. */
static void
html_level_close(struct html *h, enum html_kind kind)
{
	size_t	i;

	if (h->nest > HTML_NEST) {
		h->nest--;		/* too deep to tell: take it */
		return;
	}
	for (i = h->nest; i > 0 && h->levels[i - 1].kind != kind; i--)
		/* nothing */;
	while (i > 0 && h->nest >= i) {
		if (h->levels[--h->nest].kind != HTML_QUOTE)
			h->lists--;
	}
}

/* Open or close a quote or a list. */
static void
html_level(struct html *h, const struct html_tag *t, enum html_kind kind)
{
	struct html_level	*lv;

	if (t->end) {
		html_level_close(h, kind);
		html_block(h, 2);
		h->item = 0;	/* an item that showed nothing */
		return;
	}
	html_block(h, 2);
	if (h->nest < HTML_NEST) {
		lv = &h->levels[h->nest];
		lv->kind = kind;
		lv->number = kind == HTML_OL ? html_start(t) - 1 : 0;
		if (kind != HTML_QUOTE)
			h->lists++;
	}
	h->nest++;
}

/* Start a list item: a line of its own, with its marker. */
static void
html_item(struct html *h)
{
	size_t	i;

	html_block(h, 1);
	h->item = 1;
	if ((i = html_list(h)) != HTML_NEST &&
	    h->levels[i].kind == HTML_OL)
		h->levels[i].number++;
}

/* Keep the first class, href and start attribute of a tag. */
static void
html_keep(struct html_tag *t, const char *name, size_t n, const char *v,
    size_t vlen)
{
	if (v == NULL)
		v = "";
	if (t->class == NULL && html_same(name, n, "class")) {
		t->class = v;
		t->classlen = vlen;
	} else if (t->href == NULL && html_same(name, n, "href")) {
		t->href = v;
		t->hreflen = vlen;
	} else if (t->start == NULL && html_same(name, n, "start")) {
		t->start = v;
		t->startlen = vlen;
	}
}

/* Read one attribute at p (not '>', '/', whitespace or NUL); return
 * where the tag goes on. A quoted value may hold '>'. */
static const char *
html_attr(struct html_tag *t, const char *p)
{
	const char	*name = p, *v = NULL, *q;
	size_t		 n, vlen = 0;

	/* A first '=' is part of the name. */
	for (p++; *p != '\0' && !html_space(*p) && *p != '/' && *p != '>' &&
	    *p != '='; p++)
		/* nothing */;
	n = (size_t)(p - name);
	for (q = p; html_space(*q); q++)
		/* nothing */;
	if (*q == '=') {
		for (q++; html_space(*q); q++)
			/* nothing */;
		if (*q == '"' || *q == '\'') {
			if ((p = strchr(q + 1, *q)) == NULL)
				return q + strlen(q);	/* never closed */
			v = q + 1;
			vlen = (size_t)(p++ - v);
		} else {
			for (v = p = q; *p != '\0' && !html_space(*p) &&
			    *p != '>'; p++)
				/* nothing */;
			vlen = (size_t)(p - v);
		}
	}
	html_keep(t, name, n, v, vlen);
	return p;
}

/* Read the tag at p (after the '<'); return where the text goes on. */
static const char *
html_parse_tag(struct html_tag *t, const char *p)
{
	memset(t, 0, sizeof *t);
	if (*p == '/') {
		t->end = 1;
		p++;
	}
	t->name = p;
	while (*p != '\0' && !html_space(*p) && *p != '/' && *p != '>')
		p++;
	t->namelen = (size_t)(p - t->name);
	for (;;) {
		while (html_space(*p) || *p == '/')
			p++;
		if (*p == '>')
			return p + 1;
		if (*p == '\0') {
			t->cut = 1;
			return p;
		}
		p = html_attr(t, p);
	}
}

/* Tell whether p starts with name (lower case, n bytes) in any case, and
 * the name ends there. */
static int
html_name_at(const char *p, const char *name, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (html_lower(p[i]) != name[i])
			return 0;
	}
	return p[n] == '\0' || p[n] == '>' || p[n] == '/' ||
	    html_space(p[n]);
}

/* Skip the contents of an element dropped whole and its end tag; p is
 * after its start tag. Return where the text goes on. */
static const char *
html_skip(const char *p, const char *name, int nested)
{
	struct html_tag	 end;
	size_t		 n = strlen(name), depth = 1;

	for (; *p != '\0'; p++) {
		if (*p != '<')
			continue;
		if (p[1] == '/' && html_name_at(p + 2, name, n) &&
		    --depth == 0)
			return html_parse_tag(&end, p + 1);
		if (nested && html_name_at(p + 1, name, n))
			depth++;
	}
	return p;
}

/*
 * Return the first place at or after p that starts with s, or NULL. A
 * plain walk, for what strstr costs is the C library's business (the
 * sanitizer build's measures the whole string at each call).
 */
static const char *
html_find(const char *p, const char *s)
{
	size_t	n = strlen(s);

	for (; *p != '\0'; p++) {
		if (*p == s[0] && strncmp(p, s, n) == 0)
			return p;
	}
	return NULL;
}

/* Skip a comment, CDATA, <!...> or <?...>; p is at the '!' or '?'.
 * Return where the text goes on: the end if it never ends. */
static const char *
html_skip_markup(const char *p)
{
	const char	*q = NULL;

	if (strncmp(p, "!--", 3) == 0) {
		p += 3;
		if (*p == '>')
			return p + 1;		/* <!--> */
		if (strncmp(p, "->", 2) == 0)
			return p + 2;		/* <!---> */
		for (q = p; (q = html_find(q, "--")) != NULL; q++) {
			if (q[2] == '>')
				return q + 3;
			if (q[2] == '!' && q[3] == '>')
				return q + 4;
		}
	} else if (strncmp(p, "![CDATA[", 8) == 0) {
		if ((q = html_find(p, "]]>")) != NULL)
			return q + 3;
	} else if ((q = strchr(p, '>')) != NULL)
		return q + 1;
	return p + strlen(p);
}

/* Return the entry of html_kinds for a tag, or NULL if it has none. */
static const struct html_kind_name *
html_lookup(const struct html_tag *t)
{
	size_t	i;

	for (i = 0; i < nitems(html_kinds); i++) {
		if (html_same(t->name, t->namelen, html_kinds[i].name))
			return &html_kinds[i];
	}
	return NULL;
}

/* Act on a tag; p is after it. Return where the text goes on. */
static const char *
html_act(struct html *h, const struct html_tag *t, const char *p)
{
	const struct html_kind_name	*e = html_lookup(t);
	enum html_kind			 kind = HTML_INLINE;

	if (e != NULL)
		kind = e->kind;
	h->pre_start = 0;
	switch (kind) {
	case HTML_A:
		if (t->end)
			html_link_close(h);
		else
			html_link_open(h, t);
		break;
	case HTML_SPAN:
		html_span(h, t);
		break;
	case HTML_BR:
		html_br(h);
		break;
	case HTML_BLOCK:
		html_block(h, 2);
		break;
	case HTML_LINE:
		html_block(h, 1);
		break;
	case HTML_CELL:
		if (!t->end && !html_hidden(h))
			h->space = 1;
		break;
	case HTML_LI:
		if (t->end)
			html_block(h, 1);
		else
			html_item(h);
		break;
	case HTML_UL:
	case HTML_OL:
	case HTML_QUOTE:
		html_level(h, t, kind);
		break;
	case HTML_PRE:
		html_block(h, 2);
		if (!t->end) {
			h->pre++;
			h->pre_start = 1;
		} else if (h->pre > 0)
			h->pre--;
		break;
	case HTML_RAW:
	case HTML_NESTED:
		if (!t->end)
			return html_skip(p, e->name, kind == HTML_NESTED);
		break;
	case HTML_INLINE:
		break;
	}
	return p;
}

/* Tell whether the '<' at p starts a tag, an end tag or other markup. */
static int
html_opens(const char *p)
{
	if (html_letter(p[1]) || p[1] == '!' || p[1] == '?')
		return 1;
	return p[1] == '/' && html_letter(p[2]);
}

/* Handle the markup after a '<' at p; return where the text goes on. */
static const char *
html_markup(struct html *h, const char *p)
{
	struct html_tag	t;

	if (*p == '!' || *p == '?')
		return html_skip_markup(p);
	p = html_parse_tag(&t, p);
	if (t.cut)
		return p;	/* the string ended inside: it goes */
	return html_act(h, &t, p);
}

/* Turn HTML into text, showing mapped links as the caller says. */
char *
text_from_html_map(const char *s, const char *const *hrefs,
    const char *const *shows, size_t n)
{
	struct html	 h;
	const char	*p = s;
	size_t		 len;

	memset(&h, 0, sizeof h);
	h.hrefs = hrefs;
	h.shows = shows;
	h.nmap = n;
	h.cap = strlen(s) + 16;
	h.out = xmalloc(h.cap);
	h.bol = 1;
	while (*p != '\0') {
		if (*p == '<' && html_opens(p))
			p = html_markup(&h, p + 1);
		else if (*p == '&')
			p = html_amp(&h, p);
		else {
			len = strcspn(p + 1, "<&") + 1;
			html_plain(&h, p, len);
			p += len;
		}
	}
	html_link_close(&h);
	html_span_close(&h, 0);	/* an ellipsis left open gets its "…" */
	h.out[h.len] = '\0';
	free(h.attr);
	return h.out;
}

/* Turn HTML into text. */
char *
text_from_html(const char *s)
{
	return text_from_html_map(s, NULL, NULL, 0);
}
