/*
 * text.c -- UTF-8 decoding, making remote strings safe.
 *
 * Display width, clusters and wrapping are in text-width.c; HTML to text
 * is in text-html.c.
 */

#include <assert.h>
#include <stdint.h>
#include <string.h>

#include "text.h"
#include "util.h"

#define TEXT_REPLACEMENT	0xFFFD

/* Decode one code point; on invalid input consume its maximal subpart. */
size_t
text_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char	*p = (const unsigned char *)s;
	unsigned char		 lo = 0x80, hi = 0xBF;
	uint32_t		 c = p[0];
	size_t			 need, i;

	assert(n > 0);
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF)
		need = 1;
	else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		if (c == 0xE0)
			lo = 0xA0;	/* overlong */
		else if (c == 0xED)
			hi = 0x9F;	/* surrogates */
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		if (c == 0xF0)
			lo = 0x90;	/* overlong */
		else if (c == 0xF4)
			hi = 0x8F;	/* above U+10FFFF */
	} else {
		*cp = TEXT_REPLACEMENT;
		return 1;
	}
	c &= 0x3F >> need;
	for (i = 1; i <= need; i++) {
		if (i >= n || p[i] < lo || p[i] > hi) {
			*cp = TEXT_REPLACEMENT;
			return i;
		}
		c = (c << 6) | (p[i] & 0x3F);
		lo = 0x80;
		hi = 0xBF;
	}
	*cp = c;
	return need + 1;
}

/* Encode a code point as UTF-8 (U+FFFD if it is not a scalar value). */
size_t
text_encode(uint32_t cp, char *out)
{
	unsigned char	*p = (unsigned char *)out;

	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = TEXT_REPLACEMENT;
	if (cp < 0x80) {
		p[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		p[0] = (unsigned char)(0xC0 | (cp >> 6));
		p[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		p[0] = (unsigned char)(0xE0 | (cp >> 12));
		p[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		p[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	p[0] = (unsigned char)(0xF0 | (cp >> 18));
	p[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	p[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	p[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Return 1 if s[0..n) is valid UTF-8. */
int
text_valid_utf8(const char *s, size_t n)
{
	size_t		off = 0, used;
	uint32_t	cp;

	while (off < n) {
		used = text_decode(s + off, n - off, &cp);
		/* A real U+FFFD is the only 3-byte way to get one. */
		if (cp == TEXT_REPLACEMENT &&
		    (used != 3 || memcmp(s + off, "\xef\xbf\xbd", 3) != 0))
			return 0;
		off += used;
	}
	return 1;
}

/*
 * Return a new copy of s[0..n) in which each invalid UTF-8 sequence is
 * U+FFFD, NUL-terminated, with its length in *outlen. For a remote answer
 * that must parse as JSON although one string in it is broken.
 */
char *
text_repair_utf8(const char *s, size_t n, size_t *outlen)
{
	struct buf	 b;
	size_t		 off = 0, used;
	uint32_t	 cp;
	char		 enc[4];

	buf_init(&b, 0);
	while (off < n) {
		used = text_decode(s + off, n - off, &cp);
		if (cp == TEXT_REPLACEMENT)
			buf_add(&b, enc, text_encode(cp, enc));
		else
			buf_add(&b, s + off, used);
		off += used;
	}
	*outlen = b.len;
	return buf_steal(&b);
}

/*
 * Sanitizing runs every code point through a small state machine modelled
 * on the ECMA-48 parser of a VT500-class terminal, so that the parameters
 * of an escape sequence vanish with it. A C1 control encoded as UTF-8 acts
 * like its ESC form (U+009B like ESC [); sent as a raw byte it is not UTF-8
 * and becomes U+FFFD like any other invalid byte. VT, FF, NEL and U+2028/9
 * are line breaks. What is left goes to san_put, which holds back spaces
 * and newlines so that spaces at the end of a line, blank space at either
 * end of the text and blank lines past two are never written.
 */
enum san_state {
	SAN_TEXT,
	SAN_ESC,		/* after ESC */
	SAN_ESC_INTER,		/* ESC and intermediate bytes */
	SAN_CSI,		/* CSI parameters and intermediates */
	SAN_STRING,		/* OSC, DCS, SOS, PM or APC string */
	SAN_STRING_ESC,		/* ESC inside a string: ST or a new sequence */
	SAN_SHIFT		/* SS2 or SS3: one character follows */
};

struct san {
	char		*out;
	size_t		 len;
	size_t		 newlines;	/* held back */
	size_t		 spaces;	/* held back */
	int		 started;	/* something visible was written */
	int		 oneline;
	int		 cr;		/* last character was CR */
	enum san_state	 state;
};

/* Write a code point that survived, holding back blank space. */
static void
san_put(struct san *san, uint32_t cp)
{
	size_t	n;

	if (cp == '\n') {
		san->spaces = 0;	/* trailing spaces of a line */
		if (san->started)
			san->newlines++;
		return;
	}
	if (cp == ' ') {
		if (san->started)
			san->spaces++;
		return;
	}
	if (san->newlines > 0 && san->oneline) {
		san->out[san->len++] = ' ';
		san->spaces = 0;
	} else if (san->newlines > 0) {
		n = san->newlines > 3 ? 3 : san->newlines;
		memset(san->out + san->len, '\n', n);
		san->len += n;
	}
	memset(san->out + san->len, ' ', san->spaces);
	san->len += san->spaces;
	san->newlines = san->spaces = 0;
	san->len += text_encode(cp, san->out + san->len);
	san->started = 1;
}

/* Tell whether a code point is removed outright. */
static int
san_drops(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
		return 1;		/* C0 (but newline), DEL, C1 */
	if (cp == 0x061C || cp == 0x200E || cp == 0x200F || cp == 0xFEFF)
		return 1;		/* marks, BOM */
	if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x206F))
		return 1;		/* bidi, deprecated format controls */
	if (cp >= 0xFFF9 && cp <= 0xFFFB)
		return 1;		/* interlinear annotation */
	return 0;
}

/* Find the first character sanitizing would remove or make a break. */
size_t
text_find_unsafe(const char *s, size_t n, uint32_t *cp)
{
	size_t		off = 0, used;
	uint32_t	c;

	while (off < n) {
		used = text_decode(s + off, n - off, &c);
		if (san_drops(c) || c == 0x2028 || c == 0x2029) {
			*cp = c;
			return off;
		}
		off += used;
	}
	return n;
}

/* Handle a code point outside any escape sequence. */
static void
san_text(struct san *san, uint32_t cp)
{
	int	cr = san->cr;

	san->cr = 0;
	switch (cp) {
	case 0x1B:
		san->state = SAN_ESC;
		return;
	case 0x9B:
		san->state = SAN_CSI;
		return;
	case 0x90: case 0x98: case 0x9D: case 0x9E: case 0x9F:
		san->state = SAN_STRING;	/* DCS SOS OSC PM APC */
		return;
	case 0x8E: case 0x8F:
		san->state = SAN_SHIFT;
		return;
	case '\r':
		san->cr = 1;
		san_put(san, '\n');
		return;
	case '\n':
		if (!cr)
			san_put(san, '\n');
		return;
	case '\t':
		san_put(san, ' ');
		return;
	case 0x0B: case 0x0C: case 0x85: case 0x2028: case 0x2029:
		san_put(san, '\n');	/* VT FF NEL LS PS */
		return;
	}
	if (!san_drops(cp))
		san_put(san, cp);
}

/* Handle the code point after ESC. */
static void
san_esc(struct san *san, uint32_t cp)
{
	san->state = SAN_TEXT;
	switch (cp) {
	case '[':
		san->state = SAN_CSI;
		return;
	case ']': case 'P': case 'X': case '^': case '_':
		san->state = SAN_STRING;
		return;
	case 'N': case 'O':
		san->state = SAN_SHIFT;
		return;
	}
	if (cp >= 0x20 && cp <= 0x2F)
		san->state = SAN_ESC_INTER;
	else if (cp < 0x30 || cp > 0x7E)
		san_text(san, cp);	/* not a sequence: ESC alone goes */
}

/* Feed one code point through the escape-sequence state machine. */
static void
san_feed(struct san *san, uint32_t cp)
{
	switch (san->state) {
	case SAN_TEXT:
		san_text(san, cp);
		return;
	case SAN_ESC:
		san_esc(san, cp);
		return;
	case SAN_ESC_INTER:
		if (cp >= 0x20 && cp <= 0x2F)
			return;
		san->state = SAN_TEXT;
		if (cp >= 0x30 && cp <= 0x7E)
			return;		/* final byte */
		break;
	case SAN_CSI:
		if (cp >= 0x20 && cp <= 0x3F)
			return;
		san->state = SAN_TEXT;
		if (cp >= 0x40 && cp <= 0x7E)
			return;		/* final byte */
		break;
	case SAN_STRING:
		if (cp == 0x1B)
			san->state = SAN_STRING_ESC;
		else if (cp == 0x07 || cp == 0x9C || cp == 0x18 || cp == 0x1A)
			san->state = SAN_TEXT;	/* BEL, ST, CAN, SUB */
		return;
	case SAN_STRING_ESC:
		if (cp == '\\')
			san->state = SAN_TEXT;
		else
			san_esc(san, cp);
		return;
	case SAN_SHIFT:
		san->state = SAN_TEXT;
		if (cp >= 0x20 && cp <= 0x7E)
			return;
		break;
	}
	san_text(san, cp);	/* a character that ended a sequence early */
}

/* Sanitize s[0..n); oneline turns newlines into spaces. */
static char *
sanitize(const char *s, size_t n, int oneline)
{
	struct san	san;
	size_t		off;
	uint32_t	cp;

	/* U+FFFD for each bad byte at worst: three bytes out for one in. */
	if (n > (SIZE_MAX - 1) / 3)
		fatal("string too long: %zu bytes", n);
	memset(&san, 0, sizeof san);
	san.out = xmalloc(3 * n + 1);
	san.oneline = oneline;
	for (off = 0; off < n; /* nothing */) {
		/* Visible ASCII in plain text, with no space or line held
		 * back, goes through as it is: most of what comes does. */
		if (san.state == SAN_TEXT && s[off] > ' ' && s[off] < 0x7f &&
		    san.newlines == 0 && san.spaces == 0) {
			san.out[san.len++] = s[off++];
			san.cr = 0;
			san.started = 1;
			continue;
		}
		off += text_decode(s + off, n - off, &cp);
		san_feed(&san, cp);
	}
	san.out[san.len] = '\0';
	return xrealloc(san.out, san.len + 1);
}

/* Make a remote string safe to store and draw. */
char *
text_sanitize(const char *s, size_t n)
{
	return sanitize(s, n, 0);
}

/* Make a remote string safe for a one-line field. */
char *
text_sanitize_line(const char *s, size_t n)
{
	return sanitize(s, n, 1);
}

/* Return 1 if the string contains right-to-left letters. */
int
text_has_rtl(const char *s)
{
	size_t		len = strlen(s), off = 0;
	uint32_t	cp;

	while (off < len) {
		off += text_decode(s + off, len - off, &cp);
		if ((cp >= 0x0590 && cp <= 0x06FF) ||
		    (cp >= 0x0750 && cp <= 0x077F) ||
		    (cp >= 0x08A0 && cp <= 0x08FF) ||
		    (cp >= 0xFB1D && cp <= 0xFDFF) ||
		    (cp >= 0xFE70 && cp <= 0xFEFF))
			return 1;
	}
	return 0;
}
