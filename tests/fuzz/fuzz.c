/*
 * fuzz.c -- the parts every fuzz target shares: the sanitizer's contract,
 * checked once here for every string a parser gives out; the input of the
 * adapter targets; and the driver that feeds it to an adapter.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "util.h"

#define FUZZ_MAX_PARAMS		32
#define FUZZ_MAX_HEADERS	64
#define FUZZ_SHOWN		48	/* bytes of a bad string shown */

/* Report a broken property of a target and abort. */
void
fuzz_fail(const char *fmt, ...)
{
	va_list	ap;

	fputs("fuzz: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

/*
 * Decode one UTF-8 sequence of s[0..n) (RFC 3629: no overlong forms, no
 * surrogates, nothing past U+10FFFF) into *cp; return its length, or 0 if
 * it is not valid. Written apart from text_decode on purpose: the checks
 * must not trust the code they check.
 */
static size_t
fuzz_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	size_t		len, i;
	uint32_t	c, min;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xE0) == 0xC0) {
		len = 2;
		c = s[0] & 0x1F;
		min = 0x80;
	} else if ((s[0] & 0xF0) == 0xE0) {
		len = 3;
		c = s[0] & 0x0F;
		min = 0x800;
	} else if ((s[0] & 0xF8) == 0xF0) {
		len = 4;
		c = s[0] & 0x07;
		min = 0x10000;
	} else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

/* Return 1 if s[0..n) is valid UTF-8. */
int
fuzz_valid_utf8(const char *s, size_t n)
{
	size_t		off = 0, used;
	uint32_t	cp;

	while (off < n) {
		if ((used = fuzz_decode((const unsigned char *)s + off,
		    n - off, &cp)) == 0)
			return 0;
		off += used;
	}
	return 1;
}

/* Say what a code point is, if the contract forbids it; else NULL. */
static const char *
fuzz_forbidden(uint32_t cp, int lines)
{
	if (cp == '\n')
		return (lines & FUZZ_TEXT) ? NULL :
		    "a newline in a one-line field";
	if (cp == '\t' && (lines & FUZZ_TAB))
		return NULL;
	if (cp == 0x1B)
		return "ESC";
	if (cp < 0x20 || cp == 0x7F)
		return "a C0 control";
	if (cp >= 0x80 && cp <= 0x9F)
		return "a C1 control";
	if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
		return "a bidi control";
	if (cp == 0x200E || cp == 0x200F || cp == 0x061C)
		return "a bidi mark";
	if (cp == 0x2028 || cp == 0x2029)
		return "a line or paragraph separator";
	return NULL;
}

/* Abort, showing where in s the contract broke. */
static void
fuzz_broken(const char *what, const char *s, size_t n, size_t off,
    const char *why, uint32_t cp)
{
	struct buf	b;
	size_t		start, end, i;
	unsigned char	c;

	start = off > FUZZ_SHOWN / 2 ? off - FUZZ_SHOWN / 2 : 0;
	end = n - start > FUZZ_SHOWN ? start + FUZZ_SHOWN : n;
	buf_init(&b, 0);
	for (i = start; i < end; i++) {
		c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7F && c != '\\')
			buf_addch(&b, (char)c);
		else
			buf_printf(&b, "\\x%02x", c);
	}
	fuzz_fail("contract broken: %s holds %s (U+%04X) at byte %zu of %zu: "
	    "%s\"%s\"%s", what, why, (unsigned int)cp, off, n,
	    start > 0 ? "..." : "", b.data != NULL ? b.data : "",
	    end < n ? "..." : "");
}

/* Take the next line of an input; see fuzz.h. */
char *
fuzz_next_line(char **p)
{
	char	*s = *p, *nl;

	if (s == NULL)
		return NULL;
	if ((nl = strchr(s, '\n')) != NULL) {
		*nl = '\0';
		*p = nl + 1;
	} else
		*p = NULL;
	return s;
}

/* Check the contract on n bytes of a string. */
void
fuzz_check_len(const char *what, const char *s, size_t n, int lines)
{
	const unsigned char	*p = (const unsigned char *)s;
	const char		*why;
	size_t			 off = 0, used;
	uint32_t		 cp;

	if (s == NULL)
		return;
	while (off < n) {
		if ((used = fuzz_decode(p + off, n - off, &cp)) == 0)
			fuzz_broken(what, s, n, off, "invalid UTF-8", p[off]);
		if ((why = fuzz_forbidden(cp, lines)) != NULL)
			fuzz_broken(what, s, n, off, why, cp);
		off += used;
	}
}

/* Check the contract on a string; NULL is fine. */
void
fuzz_check(const char *what, const char *s, int lines)
{
	if (s != NULL)
		fuzz_check_len(what, s, strlen(s), lines);
}

/* Check every string of an item; only its text may hold newlines. */
void
fuzz_check_item(const struct item *it)
{
	if (it->remote_id == NULL || *it->remote_id == '\0')
		fuzz_fail("an item without a remote id");
	fuzz_check("item remote_id", it->remote_id, FUZZ_LINE);
	fuzz_check("item post_remote_id", it->post_remote_id, FUZZ_LINE);
	fuzz_check("item parent_remote_id", it->parent_remote_id, FUZZ_LINE);
	fuzz_check("item author_name", it->author_name, FUZZ_LINE);
	fuzz_check("item author_handle", it->author_handle, FUZZ_LINE);
	fuzz_check("item text", it->text, FUZZ_TEXT);
	fuzz_check("item lang", it->lang, FUZZ_LINE);
	fuzz_check("item permalink", it->permalink, FUZZ_LINE);
	fuzz_check("item attachment", it->attachment, FUZZ_LINE);
	fuzz_check("item warning", it->warning, FUZZ_LINE);
	fuzz_check("item extra", it->extra, FUZZ_LINE);
	fuzz_check("item mark", it->mark, FUZZ_LINE);
	fuzz_check("item note", it->note, FUZZ_LINE);
}

/* Check every string of a post; only its text may hold newlines. */
void
fuzz_check_post(const struct post *p)
{
	if (p->remote_id == NULL || *p->remote_id == '\0')
		fuzz_fail("a post without a remote id");
	fuzz_check("post remote_id", p->remote_id, FUZZ_LINE);
	fuzz_check("post author_name", p->author_name, FUZZ_LINE);
	fuzz_check("post author_handle", p->author_handle, FUZZ_LINE);
	fuzz_check("post text", p->text, FUZZ_TEXT);
	fuzz_check("post permalink", p->permalink, FUZZ_LINE);
}

/* Check everything a parsed page holds. */
void
fuzz_check_page(const struct sync_page *page)
{
	size_t	i;

	for (i = 0; i < page->nposts; i++)
		fuzz_check_post(&page->posts[i]);
	for (i = 0; i < page->items.n; i++)
		fuzz_check_item(&page->items.v[i]);
	for (i = 0; i < page->ngone; i++)
		fuzz_check("page gone", page->gone[i], FUZZ_LINE);
	for (i = 0; i < page->nfetch; i++) {
		if (*page->fetch[i] == '\0')
			fuzz_fail("a page names an empty fetch key");
		fuzz_check("page fetch", page->fetch[i], FUZZ_LINE);
	}
	fuzz_check("page next_cursor", page->next_cursor, FUZZ_LINE);
	fuzz_check("page notice", page->notice, FUZZ_LINE);
	fuzz_check("page sweep", page->sweep, FUZZ_LINE);
	fuzz_check("page incomplete", page->incomplete, FUZZ_LINE);
}

/* Copy n bytes of a parameter's value, undoing \n \t \\ and \xHH. */
static char *
fuzz_unescape(const char *s, size_t n)
{
	char	*out = xmalloc(n + 1), *o = out;
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (s[i] != '\\' || i + 1 == n) {
			*o++ = s[i];
			continue;
		}
		switch (s[++i]) {
		case 'n':
			*o++ = '\n';
			break;
		case 't':
			*o++ = '\t';
			break;
		case 'x':
			if (i + 2 < n && util_hex(s[i + 1]) >= 0 &&
			    util_hex(s[i + 2]) >= 0) {
				*o++ = (char)(util_hex(s[i + 1]) * 16 +
				    util_hex(s[i + 2]));
				i += 2;
			} else
				*o++ = 'x';
			break;
		default:
			*o++ = s[i];
			break;
		}
	}
	*o = '\0';
	return out;
}

/* Read one line of the head (without its end). */
static void
fuzz_head_line(struct fuzz_input *in, const char *s, size_t n)
{
	const char	*sp, *colon;
	char		*status;

	if (n > 0 && s[n - 1] == '\r')
		n--;
	sp = memchr(s, ' ', n);
	if (n > 1 && s[0] == '@' && in->nparams < FUZZ_MAX_PARAMS) {
		in->params = xreallocarray(in->params, in->nparams + 1,
		    sizeof *in->params);
		in->params[in->nparams].name = xstrndup(s + 1, sp != NULL ?
		    (size_t)(sp - s - 1) : n - 1);
		in->params[in->nparams++].value = sp != NULL ?
		    fuzz_unescape(sp + 1, n - (size_t)(sp + 1 - s)) :
		    xstrdup("");
	} else if (n > 5 && memcmp(s, "HTTP/", 5) == 0 && sp != NULL) {
		status = xstrndup(sp + 1, n - (size_t)(sp + 1 - s));
		in->res.status = strtol(status, NULL, 10);
		free(status);
	} else if ((colon = memchr(s, ':', n)) != NULL && colon != s &&
	    in->nheaders < FUZZ_MAX_HEADERS) {
		in->headers = xreallocarray(in->headers, in->nheaders + 1,
		    sizeof *in->headers);
		in->headers[in->nheaders].name = xstrndup(s,
		    (size_t)(colon - s));
		for (colon++; colon < s + n && *colon == ' '; colon++)
			/* nothing */;
		in->headers[in->nheaders++].value = xstrndup(colon,
		    (size_t)(s + n - colon));
	}
}

/* Split an input into what heed asked and the answer to it. */
void
fuzz_input_read(struct fuzz_input *in, const uint8_t *data, size_t size)
{
	const char	*s = (const char *)data, *end = s + size, *nl, *sp;
	const char	*status;
	size_t		 n;
	int		 first = 1;

	memset(in, 0, sizeof *in);
	in->res.status = 200;
	if (size == 0)
		s = end = "";
	for (;;) {
		nl = memchr(s, '\n', (size_t)(end - s));
		n = nl != NULL ? (size_t)(nl - s) : (size_t)(end - s);
		if (first) {
			sp = memchr(s, ' ', n);
			in->op = xstrndup(s, sp != NULL ? (size_t)(sp - s) : n);
			in->arg = sp != NULL ? fuzz_unescape(sp + 1,
			    n - (size_t)(sp + 1 - s)) : xstrdup("");
			first = 0;
		} else if (n == 0 || (n == 1 && *s == '\r'))
			break;
		else
			fuzz_head_line(in, s, n);
		if (nl == NULL) {
			s = end;
			break;
		}
		s = nl + 1;
	}
	if (nl != NULL)
		s = nl + 1;
	/* Exactly the body's bytes: ASan guards the first one past it. */
	in->res.len = (size_t)(end - s);
	in->body = xmalloc(in->res.len > 0 ? in->res.len : 1);
	memcpy(in->body, s, in->res.len);
	in->res.body = in->body;
	in->res.headers = in->headers;
	in->res.nheaders = in->nheaders;
	in->answered = 1;
	if ((status = fuzz_param(in, "status", NULL)) != NULL) {
		if (strcmp(status, "none") == 0)
			in->answered = 0;
		else
			in->res.status = strtol(status, NULL, 10);
	}
}

/* Free an input. */
void
fuzz_input_free(struct fuzz_input *in)
{
	size_t	i;

	free(in->op);
	free(in->arg);
	for (i = 0; i < in->nparams; i++) {
		free(in->params[i].name);
		free(in->params[i].value);
	}
	free(in->params);
	for (i = 0; i < in->nheaders; i++) {
		free((char *)in->headers[i].name);
		free((char *)in->headers[i].value);
	}
	free(in->headers);
	free(in->body);
	memset(in, 0, sizeof *in);
}

/* Return the last value of a parameter, or def. */
const char *
fuzz_param(const struct fuzz_input *in, const char *name, const char *def)
{
	size_t	i;

	for (i = in->nparams; i > 0; i--) {
		if (strcmp(in->params[i - 1].name, name) == 0)
			return in->params[i - 1].value;
	}
	return def;
}

/* Return a parameter read as a number, or def. */
int64_t
fuzz_param_int(const struct fuzz_input *in, const char *name, int64_t def)
{
	const char	*v = fuzz_param(in, name, NULL);

	return v != NULL ? (int64_t)strtoll(v, NULL, 10) : def;
}
