/*
 * text.h -- everything that happens to a remote string before it is stored
 * or drawn: UTF-8 validation, removal of controls, escapes and bidi
 * overrides, display width, grapheme counting, wrapping, HTML to text.
 *
 * Strings are UTF-8 throughout. Functions returning char * give the caller a
 * new string to free.
 */
#ifndef HEED_TEXT_H
#define HEED_TEXT_H

#include <stddef.h>
#include <stdint.h>

/*
 * Make a remote string safe to store and to draw. Invalid UTF-8 becomes
 * U+FFFD; C0 controls (but newline, and tab which becomes a space), DEL, C1
 * controls, ESC sequences (CSI, OSC, DCS, ... including their parameters),
 * bidi embedding/override/isolate characters (U+202A..U+202E,
 * U+2066..U+2069), U+200E/U+200F/U+061C marks, and other format characters
 * that can fake layout are removed. CR LF and CR become LF. Runs of more
 * than two blank lines shrink to two; leading and trailing blank space is
 * trimmed. The result is valid UTF-8.
 */
char	*text_sanitize(const char *, size_t);

/* Like text_sanitize, but newlines become spaces too (one-line fields). */
char	*text_sanitize_line(const char *, size_t);

/*
 * Return the byte offset of the first character of s[0..n) that
 * text_sanitize would remove or turn into a line break (a control, tab
 * and newline included; a bidi control or mark; another format character
 * it drops), with its code point in *cp; n if there is none. For text that
 * must be refused rather than cleaned, such as a config line.
 */
size_t	 text_find_unsafe(const char *, size_t, uint32_t *);

/* Return 1 if the string is valid UTF-8 of the given length. */
int	 text_valid_utf8(const char *, size_t);
/* Copy with each invalid sequence made U+FFFD; the length in *outlen. */
char	*text_repair_utf8(const char *, size_t, size_t *);

/*
 * Decode one code point at s (at most n bytes); store it in *cp and return
 * the bytes used. Invalid input gives *cp = U+FFFD and uses the maximal
 * subpart (1 to 3 bytes: a lone or bad lead byte is 1, a truncated sequence
 * is its valid prefix), as the Unicode standard recommends, so that each
 * bad sequence becomes one U+FFFD. n must be > 0.
 */
size_t	 text_decode(const char *, size_t, uint32_t *);
/* Encode a code point into out (at least 4 bytes); return bytes written. */
size_t	 text_encode(uint32_t, char *);

/* A range of code points, and whether one is in a sorted table of them. */
struct text_range {
	uint32_t	lo;
	uint32_t	hi;
};
int	 text_in_ranges(const struct text_range *, size_t, uint32_t);

/* Display width of one code point: 0 (combining, ZWJ), 1 or 2 (wide). */
int	 text_cp_width(uint32_t);
/* Display width of a string (sum of code point widths, except that an
 * emoji modifier after an emoji adds nothing; -1 never). */
size_t	 text_width(const char *);
/* Number of user-perceived characters (extended grapheme clusters, close
 * enough: a base plus combining marks, variation selectors, ZWJ sequences,
 * emoji modifiers and regional-indicator pairs count once). */
size_t	 text_graphemes(const char *);
/* Number of code points. */
size_t	 text_codepoints(const char *);

/*
 * Return the byte length of the longest prefix of s that fits in the given
 * number of columns without splitting a character; store its width in
 * *used if not NULL.
 */
size_t	 text_fit(const char *, size_t, size_t *);

/*
 * Copy the first line of s, cut to fit width columns, with "…" at the end
 * when cut. Returns a new string.
 */
char	*text_first_line(const char *, size_t);

/*
 * A value to quote in a message: sanitized to one line, cut to width
 * columns (with an ellipsis when cut or too long to read whole). Returns
 * a new string.
 */
char	*text_quote(const char *, size_t);

/* Pad or cut s to exactly width columns (cut with "…"); new string. */
char	*text_pad(const char *, size_t);

/*
 * Wrap text to width columns: break at spaces where possible, hard-break
 * words longer than the width (never inside a character), keep explicit
 * newlines. Each line is a new string (without newline); store the array in
 * *lines (free with text_lines_free) and return the count. Width >= 1.
 */
size_t	 text_wrap(const char *, size_t, char ***);
void	 text_lines_free(char **, size_t);

/* Byte offset of the previous / next character boundary from off. */
size_t	 text_prev(const char *, size_t);
size_t	 text_next(const char *, size_t, size_t);

/*
 * Turn the HTML of a post (a Mastodon status's content, an account's
 * note) into the text Mastodon's apps show: paragraphs a blank line
 * apart, <br> a line break, no line break at either end; whitespace of
 * the source collapsed (but in <pre>); links cut short by Mastodon shown
 * cut, with "…" (the text of <span class="invisible"> dropped); list items
 * a line each with "• " or their number, quoted lines after "> ";
 * <script>, <style> and the like dropped with their contents; references
 * decoded (to NUL, a surrogate or past U+10FFFF: U+FFFD), malformed ones
 * kept as written. Valid UTF-8 in gives valid UTF-8 out. Controls, escapes
 * and bidi overrides in the text are left for text_sanitize, which the
 * caller runs on the result. Time is in proportion to the length, however
 * deep the nesting. The whole of the rules is in text-html.c. Returns a
 * new string.
 */
char	*text_from_html(const char *);

/*
 * Like text_from_html, but a link (<a>) whose href, its references
 * decoded, is exactly hrefs[i] shows shows[i] instead of its contents: for
 * a mention, the account's whole @user@server where the HTML has only
 * @user. No hrefs[i] or shows[i] may be NULL. shows[i] is plain text, not
 * HTML: written as it is, but for its whitespace, which collapses like the
 * content's. The first of equal hrefs wins. n is the number of pairs; both
 * arrays may be NULL when it is 0, which is text_from_html. Returns a new
 * string.
 */
char	*text_from_html_map(const char *, const char *const *,
	     const char *const *, size_t);

/* Return 1 if the string contains right-to-left letters (Arabic, Hebrew). */
int	 text_has_rtl(const char *);

#endif
