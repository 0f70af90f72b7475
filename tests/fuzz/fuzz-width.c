/*
 * fuzz-width.c -- display width, fitting, cutting, wrapping and stepping
 * over characters (src/text-width.c). The first byte of the input is the
 * width in columns, the rest the text: measured as it comes (any bytes
 * must be safe) and once sanitized, as the screen gets it, where the
 * functions must also agree with each other.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "text.h"
#include "util.h"

#define FUZZ_STEP_BACK	256	/* bytes stepped back over */

/* Keep the non-space bytes of s[0..n) in b. */
static void
fuzz_ink(struct buf *b, const char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (s[i] != ' ' && s[i] != '\n')
			buf_addch(b, s[i]);
	}
}

/* Fit, cut and pad s to width, checking the promised widths. */
static void
fuzz_fit(const char *s, size_t width, int clean)
{
	char	*line, *pad, *prefix;
	size_t	 n, used;

	n = text_fit(s, width, &used);
	if (used > width || n > strlen(s))
		fuzz_fail("text_fit(%zu) took %zu bytes, %zu columns", width,
		    n, used);
	line = text_first_line(s, width);
	pad = text_pad(s, width);
	if (strchr(line, '\n') != NULL || strchr(pad, '\n') != NULL)
		fuzz_fail("a newline in a first line");
	if (clean) {
		prefix = xstrndup(s, n);
		if (text_width(prefix) != used)
			fuzz_fail("text_fit says %zu columns, text_width %zu",
			    used, text_width(prefix));
		free(prefix);
		if (text_width(line) > width || text_width(pad) != width)
			fuzz_fail("cut to %zu: %zu and %zu columns", width,
			    text_width(line), text_width(pad));
		fuzz_check("text_pad", pad, FUZZ_LINE);
	}
	free(pad);
	free(line);
}

/* Wrap s to width; once clean, check widths and that nothing is lost. */
static void
fuzz_wrap(const char *s, size_t width, int clean)
{
	struct buf	  in, out;
	char		**lines;
	size_t		  n, i;

	n = text_wrap(s, width, &lines);
	if (n == 0)
		fuzz_fail("text_wrap gave no line");
	buf_init(&in, 0);
	buf_init(&out, 0);
	for (i = 0; i < n; i++) {
		if (strchr(lines[i], '\n') != NULL)
			fuzz_fail("a newline in a wrapped line");
		if (clean && text_width(lines[i]) > width)
			fuzz_fail("a wrapped line of %zu columns in %zu",
			    text_width(lines[i]), width);
		fuzz_ink(&out, lines[i], strlen(lines[i]));
	}
	/* A wide character that cannot fit one column becomes U+FFFD. */
	fuzz_ink(&in, s, strlen(s));
	if (clean && width >= 2 && (in.len != out.len || (in.len > 0 &&
	    memcmp(in.data, out.data, in.len) != 0)))
		fuzz_fail("text_wrap(%zu) lost or added text", width);
	buf_free(&in);
	buf_free(&out);
	text_lines_free(lines, n);
}

/*
 * Step forward over every character of s, and back over those of its
 * first bytes (text_prev reads from the start of the line, as the editor
 * needs: over a whole long line, stepping back is quadratic).
 */
static void
fuzz_step(const char *s, int clean)
{
	size_t	len = strlen(s), off = 0, next, prev, count = 0;

	while (off < len) {
		next = text_next(s, len, off);
		if (next <= off || next > len)
			fuzz_fail("text_next(%zu) gave %zu", off, next);
		off = next;
		count++;
	}
	if (clean && count != text_graphemes(s))
		fuzz_fail("%zu steps over %zu characters", count,
		    text_graphemes(s));
	for (off = 0; off < len && off < FUZZ_STEP_BACK; off = next) {
		next = text_next(s, len, off);
		prev = text_prev(s, next);
		if (clean && prev != off)
			fuzz_fail("text_prev(%zu) gave %zu, not %zu", next, prev,
			    off);
		if (prev >= next)
			fuzz_fail("text_prev(%zu) gave %zu", next, prev);
	}
}

/* Measure one string. */
static void
fuzz_measure(const char *s, size_t width, int clean)
{
	size_t	w, g, c;

	w = text_width(s);
	g = text_graphemes(s);
	c = text_codepoints(s);
	if (g > c || w > 2 * c || c > strlen(s))
		fuzz_fail("width %zu, %zu characters, %zu code points", w, g,
		    c);
	fuzz_fit(s, width, clean);
	fuzz_wrap(s, width, clean);
	fuzz_step(s, clean);
}

/* Measure, fit, wrap and step over one input and its clean form. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*raw, *clean;
	size_t	 width;

	if (size == 0)
		return 0;
	width = data[0] % 100;
	raw = xstrndup((const char *)data + 1, size - 1);
	clean = text_sanitize(raw, strlen(raw));
	if (width > 0) {
		fuzz_measure(raw, width, 0);
		fuzz_measure(clean, width, 1);
	} else {
		text_fit(clean, 0, NULL);
		free(text_first_line(clean, 0));
		free(text_pad(clean, 0));
	}
	free(clean);
	free(raw);
	return 0;
}
