/*
 * test-text.c -- tests for the text module: sanitizing, widths, graphemes,
 * wrapping, HTML to text (src/text-html.c).
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

/* A string literal and its length, embedded NULs included. */
#define L(s)	(s), (sizeof (s) - 1)

/* The same string as input and as expected output. */
#define SAME(s)	L(s), (s)

#define FFFD	"\xef\xbf\xbd"
#define FAMILY	"\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d" \
		"\xf0\x9f\x91\xa7"
#define THUMB	"\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd"	/* with skin tone */
#define NL_FLAG	"\xf0\x9f\x87\xb3\xf0\x9f\x87\xb1"
#define BE_FLAG	"\xf0\x9f\x87\xa7\xf0\x9f\x87\xaa"
#define ENGLAND	"\xf0\x9f\x8f\xb4\xf3\xa0\x81\xa7\xf3\xa0\x81\xa2\xf3\xa0" \
		"\x81\xa5\xf3\xa0\x81\xae\xf3\xa0\x81\xa7\xf3\xa0\x81\xbf"
#define HEART	"\xe2\x9d\xa4\xef\xb8\x8f"		/* with VS16 */
#define ZHONG	"\xe4\xb8\xad"
#define WEN	"\xe6\x96\x87"
#define ZI	"\xe5\xad\x97"
#define E_ACUTE	"e\xcc\x81"
/* "marhaban" with fatha, sukun, fatha, fathatan: 5 letters, 4 marks. */
#define MARHABA	"\xd9\x85\xd9\x8e\xd8\xb1\xd9\x92\xd8\xad\xd9\x8e\xd8\xa8" \
		"\xd9\x8b\xd8\xa7"
#define ELLIPSIS "\xe2\x80\xa6"
#define SHALOM	"\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d"

struct str_case {
	const char	*name;
	const char	*in;
	size_t		 len;
	const char	*want;
};

/* Print a string with its bytes escaped, for failure messages. */
static void
show(const char *label, const char *s)
{
	char		 buf[1024];
	size_t		 n = 0;
	unsigned char	 c;

	for (; *s != '\0' && n + 5 < sizeof buf; s++) {
		c = (unsigned char)*s;
		if (c < 0x20 || c >= 0x7F || c == '\\')
			n += (size_t)snprintf(buf + n, sizeof buf - n,
			    "\\x%02x", c);
		else
			buf[n++] = (char)c;
	}
	buf[n] = '\0';
	print_message("  %s: \"%s\"\n", label, buf);
}

/* Assert that got equals want, naming the case when it does not. */
static void
check_str(const char *name, const char *got, const char *want)
{
	if (strcmp(got, want) != 0) {
		print_message("case \"%s\" failed\n", name);
		show("got ", got);
		show("want", want);
	}
	assert_string_equal(got, want);
}

/* Assert that got equals want, naming the case when it does not. */
static void
check_int(const char *name, long long got, long long want)
{
	if (got != want)
		print_message("case \"%s\": got %lld, want %lld\n", name, got,
		    want);
	assert_int_equal(got, want);
}

/* Run a table of cases through a sanitizer. */
static void
run_sanitize(const struct str_case *cases, size_t n,
    char *(*fn)(const char *, size_t))
{
	size_t	 i;
	char	*got;

	for (i = 0; i < n; i++) {
		got = fn(cases[i].in, cases[i].len);
		check_str(cases[i].name, got, cases[i].want);
		free(got);
	}
}

/* CSI, OSC, DCS, SOS, PM, APC and two-byte escapes vanish with their
 * parameters. */
static void
test_sanitize_drops_escape_sequences_with_parameters(void **state)
{
	static const struct str_case cases[] = {
		{ "CSI SGR", L("\x1b[31mred\x1b[0m"), "red" },
		{ "CSI many params", L("\x1b[1;31;42mX"), "X" },
		{ "CSI private mode", L("a\x1b[?1049hb"), "ab" },
		{ "CSI intermediate", L("a\x1b[0 qb"), "ab" },
		{ "CSI cursor move", L("a\x1b[10;20Hb"), "ab" },
		{ "CSI clear screen", L("\x1b[2J\x1b[Hok"), "ok" },
		{ "OSC title BEL", L("\x1b]0;evil title\x07" "after"),
		  "after" },
		{ "OSC title ST", L("\x1b]2;evil title\x1b\\after"), "after" },
		{ "OSC 8 hyperlink",
		  L("\x1b]8;;http://evil/\x1b\\link\x1b]8;;\x1b\\"), "link" },
		{ "OSC 52 clipboard", L("a\x1b]52;c;cm0gLXJmIH4=\x07z"), "az" },
		{ "OSC unterminated", L("x\x1b]0;title to the end"), "x" },
		{ "OSC cancelled by CAN", L("\x1b]0;t\x18" "after"), "after" },
		{ "OSC cut by new CSI", L("\x1b]0;t\x1b[31mx"), "x" },
		{ "DCS sixel", L("\x1bPq#0;2;0;0;0#0~~\x1b\\x"), "x" },
		{ "DCS with non-ASCII", L("\x1bP\xc3\xa9\xe4\xb8\xad\x1b\\x"),
		  "x" },
		{ "SOS", L("\x1bXsos data\x1b\\x"), "x" },
		{ "PM", L("\x1b^pm data\x1b\\x"), "x" },
		{ "APC", L("\x1b_apc data\x1b\\x"), "x" },
		{ "charset designation", L("\x1b(Bx\x1b)0y"), "xy" },
		{ "DEC screen test", L("\x1b#8x"), "x" },
		{ "reset", L("\x1b" "cx"), "x" },
		{ "save restore cursor", L("\x1b" "7x\x1b" "8"), "x" },
		{ "keypad mode", L("\x1b=x\x1b>"), "x" },
		{ "SS3", L("\x1bOPx"), "x" },
		{ "ESC ESC", L("a\x1b\x1b[mb"), "ab" },
		{ "ESC at end", L("a\x1b"), "a" },
		{ "CSI at end", L("a\x1b[12;"), "a" },
		{ "CSI aborted by text", L("\x1b[3\xe2\x82\xac" "x"),
		  "\xe2\x82\xac" "x" },
		{ "ESC before non-ASCII", L("\x1b\xc3\xa9"), "\xc3\xa9" },
		{ "8-bit CSI", L("\xc2\x9b" "31mred"), "red" },
		{ "8-bit OSC, 8-bit ST", L("\xc2\x9d" "0;title\xc2\x9c" "x"),
		  "x" },
		{ "8-bit DCS", L("\xc2\x90q#0\xc2\x9c" "x"), "x" },
		{ "8-bit APC", L("\xc2\x9f" "apc\x07" "x"), "x" },
		{ "8-bit SS2", L("\xc2\x8e" "Ax"), "x" },
	};

	(void)state;
	run_sanitize(cases, nitems(cases), text_sanitize);
}

/* Bidi embeddings, overrides, isolates and marks are removed. */
static void
test_sanitize_drops_bidi_controls(void **state)
{
	static const struct str_case cases[] = {
		{ "RLO filename", L("evil\xe2\x80\xaetxt.exe"), "eviltxt.exe" },
		{ "LRE", L("a\xe2\x80\xaa" "b"), "ab" },
		{ "RLE", L("a\xe2\x80\xab" "b"), "ab" },
		{ "PDF", L("a\xe2\x80\xac" "b"), "ab" },
		{ "LRO", L("a\xe2\x80\xad" "b"), "ab" },
		{ "LRI", L("a\xe2\x81\xa6" "b"), "ab" },
		{ "RLI", L("a\xe2\x81\xa7" "b"), "ab" },
		{ "FSI", L("a\xe2\x81\xa8" "b"), "ab" },
		{ "PDI", L("a\xe2\x81\xa9" "b"), "ab" },
		{ "LRM", L("a\xe2\x80\x8e" "b"), "ab" },
		{ "RLM", L("a\xe2\x80\x8f" "b"), "ab" },
		{ "ALM", L("a\xd8\x9c" "b"), "ab" },
		{ "BOM", L("\xef\xbb\xbf" "a\xef\xbb\xbf" "b"), "ab" },
		{ "interlinear annotation",
		  L("a\xef\xbf\xb9" "b\xef\xbf\xba" "c\xef\xbf\xbb"), "abc" },
		{ "deprecated format", L("a\xe2\x81\xaa\xe2\x81\xaf" "b"),
		  "ab" },
		{ "Trojan Source", L("if (x\xe2\x80\xae \xe2\x81\xa6// y"),
		  "if (x // y" },
	};

	(void)state;
	run_sanitize(cases, nitems(cases), text_sanitize);
}

/* C0, DEL and C1 controls go, raw or UTF-8-encoded; line breaks stay. */
static void
test_sanitize_drops_c0_and_c1_controls(void **state)
{
	static const struct str_case cases[] = {
		{ "BEL", L("a\x07" "b"), "ab" },
		{ "BS", L("a\x08" "b"), "ab" },
		{ "DEL", L("a\x7f" "b"), "ab" },
		{ "every C0", L("a\x01\x02\x03\x04\x05\x06\x0e\x0f\x10\x11\x12"
		  "\x13\x14\x15\x16\x17\x19\x1c\x1d\x1e\x1f" "b"), "ab" },
		{ "NUL inside", L("a\0b"), "ab" },
		{ "NULs around", L("\0\0a\0\0"), "a" },
		{ "NUL in escape", L("\x1b[3\0" "1mx"), "1mx" },
		{ "encoded U+0080", L("a\xc2\x80" "b"), "ab" },
		{ "encoded U+009A", L("a\xc2\x9a" "b"), "ab" },
		{ "encoded ST alone", L("a\xc2\x9c" "b"), "ab" },
		{ "raw C1 byte", L("a\x9b" "31mb"), "a" FFFD "31mb" },
		{ "raw C1 bytes", L("\x80\x9f"), FFFD FFFD },
		{ "NEL is a line break", L("a\xc2\x85" "b"), "a\nb" },
		{ "VT and FF are line breaks", L("a\x0b" "b\x0c" "c"),
		  "a\nb\nc" },
		{ "LS and PS are line breaks",
		  L("a\xe2\x80\xa8" "b\xe2\x80\xa9" "c"), "a\nb\nc" },
	};

	(void)state;
	run_sanitize(cases, nitems(cases), text_sanitize);
}

/* Each maximal invalid subpart becomes one U+FFFD. */
static void
test_sanitize_replaces_invalid_utf8(void **state)
{
	static const struct str_case cases[] = {
		{ "lone continuation", L("a\x80" "b"), "a" FFFD "b" },
		{ "bad lead FE FF", L("\xfe\xff"), FFFD FFFD },
		{ "F5 lead", L("\xf5\x80"), FFFD FFFD },
		{ "overlong slash C0 AF", L("\xc0\xaf"), FFFD FFFD },
		{ "overlong NUL C0 80", L("\xc0\x80"), FFFD FFFD },
		{ "overlong E0 80 AF", L("\xe0\x80\xaf"), FFFD FFFD FFFD },
		{ "overlong F0 80 80 AF", L("\xf0\x80\x80\xaf"),
		  FFFD FFFD FFFD FFFD },
		{ "surrogate ED A0 80", L("\xed\xa0\x80"), FFFD FFFD FFFD },
		{ "surrogate pair", L("\xed\xa0\xbd\xed\xb8\x80"),
		  FFFD FFFD FFFD FFFD FFFD FFFD },
		{ "above U+10FFFF", L("\xf4\x90\x80\x80"),
		  FFFD FFFD FFFD FFFD },
		{ "truncated at end", L("a\xe2\x82"), "a" FFFD },
		{ "truncated before ASCII", L("\xe2\x82" "a"), FFFD "a" },
		{ "truncated 4-byte", L("\xf0\x9f\x98" "x"), FFFD "x" },
		{ "two truncated", L("\xe2\x82\xe2\x82"), FFFD FFFD },
		{ "valid U+FFFD kept", L(FFFD), FFFD },
		{ "largest scalar", L("\xf4\x8f\xbf\xbf"), "\xf4\x8f\xbf\xbf" },
	};

	(void)state;
	run_sanitize(cases, nitems(cases), text_sanitize);
}

/* Tabs, CR, blank-line runs and leading/trailing blank space are
 * normalized. */
static void
test_sanitize_normalizes_whitespace(void **state)
{
	static const struct str_case cases[] = {
		{ "tab", L("a\tb"), "a b" },
		{ "CR LF", L("a\r\nb"), "a\nb" },
		{ "CR", L("a\rb"), "a\nb" },
		{ "CR CR LF", L("a\r\r\nb"), "a\n\nb" },
		{ "two blank lines kept", L("a\n\n\nb"), "a\n\n\nb" },
		{ "four blank lines", L("a\n\n\n\n\nb"), "a\n\n\nb" },
		{ "blank lines of spaces", L("a\n \n\t\n  \n \nb"),
		  "a\n\n\nb" },
		{ "trim", L("\n\n  a  \n\n\n\n\nb  \n\n"), "a\n\n\nb" },
		{ "trailing spaces of lines", L("a  \nb \t\nc"), "a\nb\nc" },
		{ "indentation kept", L("a\n  b"), "a\n  b" },
		{ "inner spaces kept", L("a   b"), "a   b" },
		{ "only blank", L(" \t\r\n \n"), "" },
		{ "empty", L(""), "" },
	};

	(void)state;
	run_sanitize(cases, nitems(cases), text_sanitize);
}

/* The one-line variant turns each run of line breaks into one space. */
static void
test_sanitize_line_joins_lines(void **state)
{
	static const struct str_case cases[] = {
		{ "newline", L("a\nb"), "a b" },
		{ "blank lines", L("a\n\n\n\nb"), "a b" },
		{ "indented line", L("a\n   b"), "a b" },
		{ "CR LF", L("a\r\nb"), "a b" },
		{ "LS", L("a\xe2\x80\xa8" "b"), "a b" },
		{ "trim", L("\n  a\tb  \n"), "a b" },
		{ "escape", L("\x1b[1mName\x1b[0m\n"), "Name" },
	};

	(void)state;
	run_sanitize(cases, nitems(cases), text_sanitize_line);
}

/* Ordinary text of any script comes through unchanged. */
static void
test_sanitize_keeps_text(void **state)
{
	static const struct str_case cases[] = {
		{ "ASCII", SAME("Hello, world! <3 & ~") },
		{ "Latin accents", SAME("caf\xc3\xa9 na\xc3\xafve") },
		{ "combining accent", SAME(E_ACUTE) },
		{ "Chinese", SAME(ZHONG WEN) },
		{ "Arabic with harakat", SAME(MARHABA) },
		{ "Hebrew", SAME(SHALOM) },
		{ "ZWJ family", SAME(FAMILY) },
		{ "skin tone", SAME(THUMB) },
		{ "flag", SAME(NL_FLAG) },
		{ "tag sequence (England)", SAME(ENGLAND) },
		{ "heart with VS16", SAME(HEART) },
		{ "ZWNJ in Persian",
		  SAME("\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xb1") },
	};

	(void)state;
	run_sanitize(cases, nitems(cases), text_sanitize);
}

/* The output of sanitize is at most three times the input. */
static void
test_sanitize_output_is_bounded(void **state)
{
	char	in[300], *out;

	(void)state;
	memset(in, 0xff, sizeof in);
	out = text_sanitize(in, sizeof in);
	assert_int_equal(strlen(out), 3 * sizeof in);
	free(out);
}

struct decode_case {
	const char	*name;
	const char	*in;
	size_t		 len;
	uint32_t	 cp;
	size_t		 used;
};

/* text_decode returns the code point and the bytes it used. */
static void
test_decode_returns_code_point_and_length(void **state)
{
	static const struct decode_case cases[] = {
		{ "ASCII", L("A"), 0x41, 1 },
		{ "NUL", L("\0"), 0, 1 },
		{ "two bytes", L("\xc3\xa9"), 0xE9, 2 },
		{ "three bytes", L("\xe4\xb8\xad"), 0x4E2D, 3 },
		{ "four bytes", L("\xf0\x9f\x98\x80"), 0x1F600, 4 },
		{ "lone continuation", L("\x80"), 0xFFFD, 1 },
		{ "overlong", L("\xc1\xbf"), 0xFFFD, 1 },
		{ "overlong three", L("\xe0\x9f\xbf"), 0xFFFD, 1 },
		{ "surrogate", L("\xed\xbf\xbf"), 0xFFFD, 1 },
		{ "too big", L("\xf4\x90\x80\x80"), 0xFFFD, 1 },
		{ "truncated by length", L("\xe4\xb8"), 0xFFFD, 2 },
		{ "truncated by ASCII", L("\xf0\x9f\x98" "a"), 0xFFFD, 3 },
	};
	size_t		i, used;
	uint32_t	cp;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		used = text_decode(cases[i].in, cases[i].len, &cp);
		check_int(cases[i].name, cp, cases[i].cp);
		check_int(cases[i].name, (long long)used,
		    (long long)cases[i].used);
	}
	/* The length given is respected even when the bytes go on. */
	assert_int_equal(text_decode("\xe4\xb8\xad", 1, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
}

/* text_encode writes the shortest form; non-scalars become U+FFFD. */
static void
test_encode_writes_utf8(void **state)
{
	static const struct {
		uint32_t	 cp;
		const char	*want;
	} cases[] = {
		{ 0x24, "$" }, { 0xA2, "\xc2\xa2" }, { 0x20AC, "\xe2\x82\xac" },
		{ 0x10348, "\xf0\x90\x8d\x88" }, { 0xD800, FFFD },
		{ 0x110000, FFFD }, { 0x10FFFF, "\xf4\x8f\xbf\xbf" },
	};
	char	buf[5];
	size_t	i, n;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		n = text_encode(cases[i].cp, buf);
		buf[n] = '\0';
		assert_string_equal(buf, cases[i].want);
	}
}

/* text_valid_utf8 accepts valid UTF-8 only, NUL included. */
static void
test_valid_utf8_rejects_invalid(void **state)
{
	static const struct {
		const char	*in;
		size_t		 len;
		int		 want;
	} cases[] = {
		{ L(""), 1 }, { L("abc"), 1 }, { L("a\0b"), 1 },
		{ L(FFFD), 1 }, { L("\xf0\x9f\x98\x80"), 1 },
		{ L("\x80"), 0 }, { L("\xc0\x80"), 0 },
		{ L("\xed\xa0\x80"), 0 },
		{ L("\xf4\x90\x80\x80"), 0 }, { L("a\xe2\x82"), 0 },
		{ L("\xef\xbf"), 0 },
	};
	size_t	i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		check_int(cases[i].in, text_valid_utf8(cases[i].in,
		    cases[i].len), cases[i].want);
	}
}

/* text_repair_utf8 replaces each bad sequence with one U+FFFD. */
static void
test_repair_utf8(void **state)
{
	static const struct {
		const char	*in;
		size_t		 len;
		const char	*want;
		size_t		 wlen;
	} cases[] = {
		{ L("abc"), L("abc") },
		{ L("a\0b"), L("a\0b") },
		{ L("a\xff" "b"), L("a" FFFD "b") },
		{ L("\xe2\x82"), L(FFFD) },
		{ L("\xed\xa0\x80x"), L(FFFD FFFD FFFD "x") },
		{ L("\xf0\x9f\x98\x80\x80"), L("\xf0\x9f\x98\x80" FFFD) },
	};
	char	*out;
	size_t	 i, len;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		out = text_repair_utf8(cases[i].in, cases[i].len, &len);
		assert_int_equal(len, cases[i].wlen);
		assert_memory_equal(out, cases[i].want, len);
		assert_int_equal(out[len], '\0');
		assert_true(text_valid_utf8(out, len));
		free(out);
	}
}

/* text_find_unsafe stops at what text_sanitize would remove or break. */
static void
test_find_unsafe_stops_at_what_sanitize_removes(void **state)
{
	static const struct {
		const char	*in;
		size_t		 len;
		size_t		 want;
		uint32_t	 cp;
	} cases[] = {
		{ L(""), 0, 0 },
		{ L("caf\xc3\xa9 " ZHONG " " FAMILY), 28, 0 },
		{ L("a\x1b[31m"), 1, 0x1B },
		{ L("a\tb"), 1, '\t' },
		{ L("line\n"), 4, '\n' },
		{ L("\x7f"), 0, 0x7F },
		{ L("x\xc2\x85"), 1, 0x85 },
		{ L("\xc2\x9b" "31m"), 0, 0x9B },
		{ L("ab\xe2\x80\xae"), 2, 0x202E },
		{ L("\xe2\x81\xa6"), 0, 0x2066 },
		{ L(SHALOM "\xe2\x80\x8f"), 8, 0x200F },
		{ L("\xd8\x9c"), 0, 0x061C },
		{ L("a\xe2\x80\xa8" "b"), 1, 0x2028 },
		{ L("\xef\xbb\xbf"), 0, 0xFEFF },
	};
	size_t		i;
	uint32_t	cp;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		cp = 0;
		check_int(cases[i].in, (int)text_find_unsafe(cases[i].in,
		    cases[i].len, &cp), (int)cases[i].want);
		if (cases[i].want < cases[i].len)
			check_int(cases[i].in, (int)cp, (int)cases[i].cp);
	}
}

/* Code point widths: wide East Asian and emoji 2, marks and joiners 0. */
static void
test_cp_width_of_wide_and_zero_width(void **state)
{
	static const struct {
		uint32_t	cp;
		int		want;
	} cases[] = {
		{ 'a', 1 }, { 0xE9, 1 }, { 0xAD, 1 }, { 0x07, 0 }, { 0x9B, 0 },
		{ 0x0301, 0 }, { 0x064B, 0 }, { 0x064E, 0 }, { 0x065F, 0 },
		{ 0x0670, 0 }, { 0x0627, 1 }, { 0x05D0, 1 },	/* Arabic */
		{ 0x200B, 0 }, { 0x200C, 0 }, { 0x200D, 0 },	/* joiners */
		{ 0xFE00, 0 }, { 0xFE0F, 0 }, { 0xE0100, 0 },	/* selectors */
		{ 0xE0020, 0 }, { 0xE007F, 0 },			/* tags */
		{ 0x1100, 2 }, { 0x1160, 0 }, { 0xAC00, 2 }, { 0xD7A3, 2 },
		{ 0x3042, 2 }, { 0x30A2, 2 }, { 0xFF76, 1 },	/* kana */
		{ 0x4E2D, 2 }, { 0x9FFF, 2 }, { 0x3400, 2 }, { 0x3000, 2 },
		{ 0x20000, 2 }, { 0x3FFFD, 2 }, { 0x31350, 2 },
		{ 0xFF21, 2 }, { 0xFFE0, 2 },			/* fullwidth */
		{ 0x1F600, 2 }, { 0x1F44D, 2 }, { 0x1F680, 2 }, { 0x1F92F, 2 },
		{ 0x1F300, 2 }, { 0x1F64F, 2 }, { 0x1F9FF, 2 },
		{ 0x1F6DC, 2 }, { 0x1FAE8, 2 },			/* Unicode 15 */
		{ 0x2614, 2 }, { 0x26A1, 2 }, { 0x2705, 2 }, { 0x2B50, 2 },
		{ 0x2764, 1 }, { 0x263A, 1 },	/* text presentation */
		{ 0x1F3FB, 2 },			/* a modifier on its own */
		{ 0x1F1F3, 1 },			/* half a flag */
		{ 0x2026, 1 }, { 0xFFFD, 1 },
	};
	char	name[16];
	size_t	i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		snprintf(name, sizeof name, "U+%04X",
		    (unsigned int)cases[i].cp);
		check_int(name, text_cp_width(cases[i].cp), cases[i].want);
	}
}

struct count_case {
	const char	*name;
	const char	*s;
	size_t		 want;
};

/* Run a table of counting cases through fn. */
static void
run_counts(const struct count_case *cases, size_t n,
    size_t (*fn)(const char *))
{
	size_t	i;

	for (i = 0; i < n; i++)
		check_int(cases[i].name, (long long)fn(cases[i].s),
		    (long long)cases[i].want);
}

/*
 * String widths, as curses lays the code points out: wide counts 2, marks
 * 0, and a skin tone after an emoji the 2 curses gives it.
 */
static void
test_width_of_cjk_emoji_and_marks(void **state)
{
	static const struct count_case cases[] = {
		{ "empty", "", 0 },
		{ "ASCII", "hello", 5 },
		{ "precomposed", "caf\xc3\xa9", 4 },
		{ "combining", E_ACUTE, 1 },
		{ "Chinese", ZHONG WEN, 4 },
		{ "fullwidth", "\xef\xbd\x88\xef\xbd\x89", 4 },
		{ "Japanese", "\xe3\x81\x82\xe3\x82\xa2", 4 },
		{ "Korean", "\xed\x95\x9c\xea\xb5\xad", 4 },
		{ "emoji", "\xf0\x9f\x98\x80", 2 },
		{ "skin tone", THUMB, 4 },
		{ "modifier alone", "\xf0\x9f\x8f\xbd", 2 },
		{ "modifier after a letter", "a\xf0\x9f\x8f\xbd", 3 },
		{ "ZWJ family", FAMILY, 6 },
		{ "flag", NL_FLAG, 2 },
		{ "heart VS16", HEART, 1 },
		{ "England", ENGLAND, 2 },
		{ "Arabic harakat", MARHABA, 5 },
		{ "kana with a voiced mark", "\xe3\x81\x8b\xe3\x82\x99", 2 },
		{ "ideograph with an accent", ZHONG "\xcc\x81", 2 },
		{ "Cyrillic with a breve", "\xd0\xb8\xcc\x86", 1 },
		{ "Hangul joined by ZWJ", "\xea\xb0\x80\xe2\x80\x8d"
		  "\xea\xb0\x80", 4 },
		{ "mixed", "a" ZHONG "b\xf0\x9f\x98\x80", 6 },
	};

	(void)state;
	run_counts(cases, nitems(cases), text_width);
}

/* Grapheme counts: flags, skin tones, ZWJ sequences and marks count
 * once. */
static void
test_graphemes_count_user_perceived_characters(void **state)
{
	static const struct count_case cases[] = {
		{ "empty", "", 0 },
		{ "ASCII", "abc", 3 },
		{ "combining", E_ACUTE, 1 },
		{ "two combining", "e\xcc\x81\xcc\xa3x", 2 },
		{ "skin tone", THUMB, 1 },
		{ "ZWJ family", FAMILY, 1 },
		{ "family of four", FAMILY "\xe2\x80\x8d\xf0\x9f\x91\xa6", 1 },
		{ "flag", NL_FLAG, 1 },
		{ "two flags", NL_FLAG BE_FLAG, 2 },
		{ "three indicators", NL_FLAG "\xf0\x9f\x87\xa7", 2 },
		{ "England", ENGLAND, 1 },
		{ "heart VS16", HEART, 1 },
		{ "rainbow flag", "\xf0\x9f\x8f\xb3\xef\xb8\x8f\xe2\x80\x8d"
		  "\xf0\x9f\x8c\x88", 1 },
		{ "ZWJ between letters", "a\xe2\x80\x8d" "b", 2 },
		{ "Chinese", ZHONG WEN ZI, 3 },
		{ "Arabic harakat", MARHABA, 5 },
		{ "kana with a voiced mark", "\xe3\x81\x8b\xe3\x82\x99"
		  "\xe3\x81\x8b", 2 },
		{ "ideograph with an accent", ZHONG "\xcc\x81" WEN, 2 },
		{ "Cyrillic with a breve", "\xd0\xb8\xcc\x86\xd0\xb8", 2 },
		{ "Hangul joined by ZWJ", "\xea\xb0\x80\xe2\x80\x8d"
		  "\xea\xb0\x80", 2 },
		{ "Devanagari spacing mark", "\xe0\xa4\x95\xe0\xa4\xbf", 1 },
		{ "CR LF", "a\r\nb", 3 },
		{ "mixed", "hi " THUMB " " FAMILY " " NL_FLAG, 8 },
	};

	(void)state;
	run_counts(cases, nitems(cases), text_graphemes);
}

/* Code point counts treat each invalid sequence as one. */
static void
test_codepoints_count_scalars(void **state)
{
	static const struct count_case cases[] = {
		{ "empty", "", 0 },
		{ "mixed", "a\xe2\x82\xac\xf0\x9f\x98\x80", 3 },
		{ "family", FAMILY, 5 },
		{ "invalid", "\xff\xe2\x82", 2 },
	};

	(void)state;
	run_counts(cases, nitems(cases), text_codepoints);
}

/* text_fit returns the longest prefix within the width, whole
 * characters only. */
static void
test_fit_stops_before_a_character_that_overflows(void **state)
{
	static const struct {
		const char	*s;
		size_t		 width;
		size_t		 want;
		size_t		 used;
	} cases[] = {
		{ "abc", 2, 2, 2 },
		{ "abc", 5, 3, 3 },
		{ "abc", 0, 0, 0 },
		{ ZHONG WEN, 3, 3, 2 },
		{ ZHONG WEN, 4, 6, 4 },
		{ ZHONG WEN, 1, 0, 0 },
		{ E_ACUTE "x", 1, 3, 1 },
		/* An emoji and its skin tone fit whole or not at all. */
		{ THUMB "x", 4, 8, 4 },
		{ THUMB "x", 3, 0, 0 },
		{ THUMB "x", 2, 0, 0 },
		{ "ab" THUMB, 5, 2, 2 },
		{ "ab" THUMB, 6, 10, 6 },
		{ NL_FLAG, 1, 0, 0 },
	};
	size_t	i, got, used;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		got = text_fit(cases[i].s, cases[i].width, &used);
		check_int(cases[i].s, (long long)got, (long long)cases[i].want);
		check_int(cases[i].s, (long long)used,
		    (long long)cases[i].used);
	}
	assert_int_equal(text_fit("ab", 1, NULL), 1);
}

struct cut_case {
	const char	*s;
	size_t		 width;
	const char	*want;
};

/* text_first_line takes the first line and cuts it with an ellipsis. */
static void
test_first_line_cuts_with_ellipsis(void **state)
{
	static const struct cut_case cases[] = {
		{ "hello\nworld", 10, "hello" },
		{ "hello", 5, "hello" },
		{ "hello world", 8, "hello w" ELLIPSIS },
		{ "hello world", 7, "hello" ELLIPSIS },
		{ "abc", 1, ELLIPSIS },
		{ "abc", 0, "" },
		{ "", 3, "" },
		{ ZHONG WEN ZI, 6, ZHONG WEN ZI },
		{ ZHONG WEN ZI, 5, ZHONG WEN ELLIPSIS },
		{ ZHONG WEN ZI, 4, ZHONG ELLIPSIS },
		{ ZHONG WEN ZI, 2, ELLIPSIS },
		{ THUMB THUMB, 5, THUMB ELLIPSIS },
		{ THUMB THUMB, 4, ELLIPSIS },
		{ "ab" THUMB, 5, "ab" ELLIPSIS },
		{ E_ACUTE E_ACUTE E_ACUTE, 2, E_ACUTE ELLIPSIS },
	};
	size_t	 i;
	char	*got;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		got = text_first_line(cases[i].s, cases[i].width);
		check_str(cases[i].s, got, cases[i].want);
		assert_true(text_width(got) <= cases[i].width);
		free(got);
	}
}

/* text_pad gives exactly width columns, a space standing in for half a
 * wide character. */
static void
test_pad_gives_exact_width(void **state)
{
	static const struct cut_case cases[] = {
		{ "ab", 4, "ab  " },
		{ "", 3, "   " },
		{ "abcdef", 4, "abc" ELLIPSIS },
		{ ZHONG WEN, 4, ZHONG WEN },
		{ ZHONG WEN, 5, ZHONG WEN " " },
		{ ZHONG WEN ZI, 4, ZHONG ELLIPSIS " " },
		{ ZHONG WEN "x", 4, ZHONG ELLIPSIS " " },
		{ "x" ZHONG WEN, 4, "x" ZHONG ELLIPSIS },
		{ ZHONG, 1, ELLIPSIS },
		{ THUMB "a", 5, THUMB "a" },
		{ THUMB "abc", 5, THUMB ELLIPSIS },
		{ THUMB "abc", 4, ELLIPSIS "   " },
		{ "one\ntwo", 5, "one  " },
		{ "abc", 0, "" },
	};
	size_t	 i;
	char	*got;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		got = text_pad(cases[i].s, cases[i].width);
		check_str(cases[i].s, got, cases[i].want);
		assert_int_equal(text_width(got), cases[i].width);
		free(got);
	}
}

struct wrap_case {
	const char	*name;
	const char	*in;
	size_t		 width;
	const char	*want[8];	/* NULL-terminated */
};

/* Run a table of wrapping cases. */
static void
run_wrap(const struct wrap_case *cases, size_t n)
{
	char	**lines;
	size_t	  i, j, count, want;

	for (i = 0; i < n; i++) {
		count = text_wrap(cases[i].in, cases[i].width, &lines);
		for (want = 0; cases[i].want[want] != NULL; want++)
			/* nothing */;
		if (count != want)
			print_message("case \"%s\": %zu lines, want %zu\n",
			    cases[i].name, count, want);
		for (j = 0; j < count && j < want; j++)
			check_str(cases[i].name, lines[j], cases[i].want[j]);
		assert_int_equal(count, want);
		for (j = 0; j < count; j++)
			assert_true(text_width(lines[j]) <= cases[i].width);
		text_lines_free(lines, count);
	}
}

/* English wraps at spaces; long words and URLs are hard-broken. */
static void
test_wrap_breaks_at_spaces_and_long_words(void **state)
{
	static const struct wrap_case cases[] = {
		{ "English", "the quick brown fox jumps over the lazy dog", 10,
		  { "the quick", "brown fox", "jumps over", "the lazy", "dog",
		    NULL } },
		{ "fits", "short", 10, { "short", NULL } },
		{ "exact", "abc def", 7, { "abc def", NULL } },
		{ "spaces at break dropped", "abc    def", 5,
		  { "abc", "def", NULL } },
		{ "long URL",
		  "see https://example.com/a/very/long/path ok", 12,
		  { "see", "https://exam", "ple.com/a/ve", "ry/long/path", "ok",
		    NULL } },
		{ "long word then short", "abcdefgh ij", 3,
		  { "abc", "def", "gh", "ij", NULL } },
		{ "width one", "ab c", 1, { "a", "b", "c", NULL } },
	};

	(void)state;
	run_wrap(cases, nitems(cases));
}

/* Text without spaces in CJK wraps between any two characters. */
static void
test_wrap_breaks_cjk_anywhere(void **state)
{
	static const struct wrap_case cases[] = {
		/* "We don't use spaces in Chinese" */
		{ "Chinese", "\xe6\x88\x91\xe4\xbb\xac\xe5\x9c\xa8\xe4\xb8\xad"
		  "\xe6\x96\x87\xe9\x87\x8c\xe4\xb8\x8d\xe7\x94\xa8\xe7\xa9\xba"
		  "\xe6\xa0\xbc", 7,
		  { "\xe6\x88\x91\xe4\xbb\xac\xe5\x9c\xa8",
		    "\xe4\xb8\xad\xe6\x96\x87\xe9\x87\x8c",
		    "\xe4\xb8\x8d\xe7\x94\xa8\xe7\xa9\xba",
		    "\xe6\xa0\xbc", NULL } },
		{ "odd width", ZHONG WEN ZI, 3, { ZHONG, WEN, ZI, NULL } },
		{ "mixed with Latin", "ab" ZHONG WEN "cd", 4,
		  { "ab" ZHONG, WEN "cd", NULL } },
		{ "wide in one column", ZHONG "a", 1, { FFFD, "a", NULL } },
	};

	(void)state;
	run_wrap(cases, nitems(cases));
}

/* Emoji sequences stay whole unless wider than a line; marks stay with
 * their base. */
static void
test_wrap_keeps_clusters_whole(void **state)
{
	static const struct wrap_case cases[] = {
		{ "mixed emoji", "hi " THUMB " there " FAMILY " family", 8,
		  { "hi " THUMB, "there", FAMILY, "family", NULL } },
		{ "family wider than line", FAMILY, 4,
		  { "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d",
		    "\xf0\x9f\x91\xa7", NULL } },
		{ "skin tone not split", THUMB THUMB THUMB, 9,
		  { THUMB THUMB, THUMB, NULL } },
		{ "skin tone ending a line", "abcde " THUMB, 9,
		  { "abcde", THUMB, NULL } },
		{ "flags", NL_FLAG NL_FLAG NL_FLAG, 5,
		  { NL_FLAG NL_FLAG, NL_FLAG, NULL } },
		{ "combining marks", E_ACUTE E_ACUTE E_ACUTE, 2,
		  { E_ACUTE E_ACUTE, E_ACUTE, NULL } },
		{ "Arabic harakat", MARHABA " " MARHABA, 6,
		  { MARHABA, MARHABA, NULL } },
		{ "Arabic hard break", MARHABA, 3,
		  { "\xd9\x85\xd9\x8e\xd8\xb1\xd9\x92\xd8\xad\xd9\x8e",
		    "\xd8\xa8\xd9\x8b\xd8\xa7", NULL } },
	};

	(void)state;
	run_wrap(cases, nitems(cases));
}

/* Explicit newlines and empty lines survive wrapping. */
static void
test_wrap_keeps_newlines_and_empty_lines(void **state)
{
	static const struct wrap_case cases[] = {
		{ "empty text", "", 5, { "", NULL } },
		{ "blank line", "a\n\nb", 5, { "a", "", "b", NULL } },
		{ "trailing newline", "a\n", 5, { "a", "", NULL } },
		{ "trailing spaces dropped", "ab   \ncd", 5,
		  { "ab", "cd", NULL } },
		{ "indentation kept", "  a b", 10, { "  a b", NULL } },
		{ "indentation too wide", "    abcd", 5, { "abcd", NULL } },
		{ "wrap inside paragraph", "aa bb\ncc dd", 3,
		  { "aa", "bb", "cc", "dd", NULL } },
		{ "only spaces", "   ", 5, { "", NULL } },
	};

	(void)state;
	run_wrap(cases, nitems(cases));
}

/* text_next and text_prev step over whole characters. */
static void
test_next_prev_step_over_whole_characters(void **state)
{
	static const char	s[] = "a" ZHONG THUMB E_ACUTE NL_FLAG FAMILY
	    "\n" MARHABA;
	static const size_t	stops[] = { 0, 1, 4, 12, 15, 23, 41, 42, 46,
	    50, 54, 58, 60 };
	size_t			i, len = sizeof s - 1;

	(void)state;
	assert_int_equal(stops[nitems(stops) - 1], len);
	for (i = 0; i + 1 < nitems(stops); i++) {
		assert_int_equal(text_next(s, len, stops[i]), stops[i + 1]);
		assert_int_equal(text_prev(s, stops[i + 1]), stops[i]);
	}
	assert_int_equal(text_next(s, len, len), len);
	assert_int_equal(text_prev(s, 0), 0);
	/* From inside a character, prev goes to its start. */
	assert_int_equal(text_prev(s, 2), 1);
	/* CR LF is one step. */
	assert_int_equal(text_prev("a\r\nb", 3), 1);
	assert_int_equal(text_next("a\r\nb", 4, 1), 3);
}

/*
 * HTML to text. The contents below are the real ones of the Mastodon
 * samples (API notes, section 3): mastodon.social's status with a mention,
 * a custom emoji and a hashtag; the entity example of the documentation;
 * an account's note with a shortened link; a notification naming three
 * accounts on three servers; a local mention on a test server.
 */
#define MD_STATUS							\
	"<p><span class=\"h-card\"><a href=\"https://icosahedron.website/" \
	"@halcy\" class=\"u-url mention\" rel=\"nofollow noopener\" "	\
	"target=\"_blank\">@<span>halcy</span></a></span> you're a doo-doo " \
	"head</p><p>edit: editing this to have the maximum amount of fields " \
	"filled :trans_heart: <a href=\"https://icosahedron.website/tags/" \
	"ThisIsAHashtag\" class=\"mention hashtag\" rel=\"nofollow "	\
	"noopener\" target=\"_blank\">#<span>ThisIsAHashtag</span></a></p>"
#define MD_STATUS_TAIL							\
	" you're a doo-doo head\n\nedit: editing this to have the maximum " \
	"amount of fields filled :trans_heart: #ThisIsAHashtag"
#define MD_DOCS								\
	"<p>&quot;I lost my inheritance with one wrong digit on my sort " \
	"code&quot;</p><p><a href=\"https://www.theguardian.com/money/2019/" \
	"dec/07/i-lost-my-193000-inheritance-with-one-wrong-digit-on-my-" \
	"sort-code\" rel=\"nofollow noopener noreferrer\" target=\"_blank\">" \
	"<span class=\"invisible\">https://www.</span><span class=\""	\
	"ellipsis\">theguardian.com/money/2019/dec</span><span class=\"" \
	"invisible\">/07/" \
	"i-lost-my-193000-inheritance-with-one-wrong-digit-on-my-sort-code" \
	"</span></a></p>"
#define MD_NOTE								\
	"<p><a href=\"https://halcy.de/\" target=\"_blank\" rel=\"nofollow " \
	"noopener\" translate=\"no\"><span class=\"invisible\">https://" \
	"</span><span class=\"\">halcy.de/</span><span class=\"invisible\">" \
	"</span></a> ~ Local account.</p><p>Now also and possibly primarily " \
	"<span class=\"h-card\" translate=\"no\"><a href=\"https://"	\
	"icosahedron.website/@halcy\" class=\"u-url mention\">@<span>halcy" \
	"</span></a></span> . You should really follow me there. This "	\
	"account only exists for testing now.</p>"
#define MD_NOTE_HEAD							\
	"halcy.de/ ~ Local account.\n\nNow also and possibly primarily "
#define MD_NOTE_TAIL							\
	" . You should really follow me there. This account only exists " \
	"for testing now."
#define MD_MENTION(host)						\
	"<span class=\"h-card\" translate=\"no\"><a href=\"https://" host \
	"/@halcy\" class=\"u-url mention\" rel=\"nofollow noopener\" "	\
	"target=\"_blank\">@<span>halcy@" host "</span></a></span>"
#define MD_PING								\
	"____________LATENCYPING____________1774220754.2367332"		\
	"____________LATENCYPING____________"
#define MD_THREE							\
	"<p>" MD_MENTION("mastodon.social") " " MD_MENTION("glitch.social") \
	" " MD_MENTION("hachyderm.io") " " MD_PING "</p>"
#define MD_LOCAL							\
	"<p><span class=\"h-card\" translate=\"no\"><a href=\"http://"	\
	"localhost:3000/@mastodonpy_test\" class=\"u-url mention\">@<span>" \
	"mastodonpy_test</span></a></span> hello!</p>"

struct html_case {
	const char	*name;
	const char	*in;
	const char	*want;
};

/* Run a table of cases through text_from_html_map with one map. */
static void
run_html(const struct html_case *cases, size_t n, const char *const *hrefs,
    const char *const *shows, size_t nmap)
{
	size_t	 i;
	char	*got;

	for (i = 0; i < n; i++) {
		if (nmap == 0)
			got = text_from_html(cases[i].in);
		else
			got = text_from_html_map(cases[i].in, hrefs, shows,
			    nmap);
		check_str(cases[i].name, got, cases[i].want);
		free(got);
	}
}

/* The real contents come out as Mastodon's apps show them. */
static void
test_from_html_shows_mastodon_samples_as_the_apps_do(void **state)
{
	static const struct html_case cases[] = {
		{ "status with mention, emoji and hashtag", MD_STATUS,
		  "@halcy" MD_STATUS_TAIL },
		{ "documentation example", MD_DOCS,
		  "\"I lost my inheritance with one wrong digit on my sort "
		  "code\"\n\ntheguardian.com/money/2019/dec" ELLIPSIS },
		{ "note with a link cut short by nothing", MD_NOTE,
		  MD_NOTE_HEAD "@halcy" MD_NOTE_TAIL },
		{ "three remote mentions", MD_THREE,
		  "@halcy@mastodon.social @halcy@glitch.social "
		  "@halcy@hachyderm.io " MD_PING },
		{ "local mention", MD_LOCAL, "@mastodonpy_test hello!" },
		{ "one paragraph", "<p>Toot number 9!</p>", "Toot number 9!" },
		{ "empty", "", "" },
	};

	(void)state;
	run_html(cases, nitems(cases), NULL, NULL, 0);
}

/* Paragraphs are a blank line apart, <br> is a line break, and no break
 * leads or trails. */
static void
test_from_html_breaks_paragraphs_and_lines(void **state)
{
	static const struct html_case cases[] = {
		{ "paragraphs", "<p>one</p><p>two</p>", "one\n\ntwo" },
		{ "three forms of br", "<p>line<br>two<br />three<br/>four</p>",
		  "line\ntwo\nthree\nfour" },
		{ "br in capitals", "a<BR>b<Br/>c", "a\nb\nc" },
		{ "end tag of br is a br", "a</br>b", "a\nb" },
		{ "double br", "a<br><br>b", "a\n\nb" },
		{ "br then paragraph", "<p>a<br></p><p>b</p>", "a\n\nb" },
		{ "no leading or trailing breaks",
		  "<br><p>a</p><p></p><br>", "a" },
		{ "only breaks", "<p></p><br><br><p> </p>", "" },
		{ "paragraph not closed", "<p>a<p>b", "a\n\nb" },
		{ "end tag alone", "a</p>b", "a\n\nb" },
		{ "div and heading", "<h1>Title</h1><div>body</div>",
		  "Title\n\nbody" },
		{ "hr", "a<hr>b", "a\n\nb" },
		{ "whitespace collapses", "<p>\n  a \n b  </p>\n<p> c</p>",
		  "a b\n\nc" },
		{ "whitespace around br goes", "a  <br>  b", "a\nb" },
		{ "tab, CR and FF are whitespace", "a\t\r\n\fb", "a b" },
		{ "whitespace between inline tags",
		  "<b>bold</b> <i>it</i>", "bold it" },
		{ "whitespace reference collapses", "a&#10;&#32;b", "a b" },
		{ "nbsp does not collapse", "a&nbsp;&nbsp;b", "a  b" },
		{ "table", "<table><tr><td>a</td><td>b</td></tr><tr><td>c"
		  "</td><td>d</td></tr></table>", "a b\nc d" },
	};

	(void)state;
	run_html(cases, nitems(cases), NULL, NULL, 0);
}

/* A shortened link shows what Mastodon's apps show: the invisible parts
 * go, the visible part ends in "…". */
static void
test_from_html_shortens_links_as_the_apps_do(void **state)
{
	static const struct html_case cases[] = {
		{ "shortened link",
		  "<a href=\"https://example.com/a/very/long/path\"><span "
		  "class=\"invisible\">https://</span><span class=\"ellipsis\">"
		  "example.com/a/very/lo</span><span class=\"invisible\">"
		  "ng/path</span></a>", "example.com/a/very/lo" ELLIPSIS },
		{ "link in a sentence", "<p>see <a href=\"https://e.example/"
		  "x\" rel=\"nofollow noopener\" target=\"_blank\"><span "
		  "class=\"invisible\">https://</span><span class=\"\">"
		  "e.example/x</span><span class=\"invisible\"></span></a> "
		  "now</p>",
		  "see e.example/x now" },
		{ "single quotes", "<span class='invisible'>x</span>y", "y" },
		{ "unquoted", "<span class=invisible>x</span>y", "y" },
		{ "several classes", "<span class=\"a invisible b\">x</span>y",
		  "y" },
		{ "ellipsis among classes",
		  "<span class='x  ellipsis\tz'>ab</span>", "ab" ELLIPSIS },
		{ "spaces around the equals sign",
		  "<span class = \"invisible\" >x</span>y", "y" },
		{ "attribute name in capitals",
		  "<SPAN CLASS=\"invisible\">x</SPAN>y", "y" },
		{ "class names are case-sensitive",
		  "<span class=\"Invisible\">x</span>y", "xy" },
		{ "a class name must be whole",
		  "<span class=\"invisibles not-invisible\">x</span>y", "xy" },
		{ "another attribute named like it",
		  "<span data-class=\"invisible\" title=\"invisible\">x</span>",
		  "x" },
		{ "the first class attribute counts",
		  "<span class=\"\" class=\"invisible\">x</span>", "x" },
		{ "span inside an invisible one",
		  "<span class=\"invisible\">a<span>b</span>c</span>d", "d" },
		{ "invisible inside ellipsis",
		  "<span class=\"ellipsis\"><span class=\"invisible\">x</span>"
		  "y</span>", "y" ELLIPSIS },
		{ "ellipsis inside invisible",
		  "<span class=\"invisible\"><span class=\"ellipsis\">x</span>"
		  "</span>y", "y" },
		{ "both classes on one span",
		  "<span class=\"invisible ellipsis\">x</span>y", "y" },
		{ "whitespace of hidden text", "a <span class=\"invisible\"> x "
		  "</span> b", "a b" },
		{ "invisible left open ends with the paragraph",
		  "<p><span class=\"invisible\">a</p><p>b</p>", "b" },
		{ "invisible left open ends with the link",
		  "<a href=\"x\"><span class=\"invisible\">a</a>b", "b" },
		{ "ellipsis left open ends with the link",
		  "<a href=\"x\"><span class=\"ellipsis\">ab</a> c",
		  "ab" ELLIPSIS " c" },
		{ "ellipsis left open at the end",
		  "<span class=\"ellipsis\">ab", "ab" ELLIPSIS },
		{ "stray end tags", "</span></span></a>a<span class=invisible>"
		  "b</span>c", "ac" },
		{ "hashtag keeps its text",
		  "<a href=\"https://m.example/tags/ThisIsAHashtag\" class=\""
		  "mention hashtag\" rel=\"tag\">#<span>ThisIsAHashtag</span>"
		  "</a>", "#ThisIsAHashtag" },
	};

	(void)state;
	run_html(cases, nitems(cases), NULL, NULL, 0);
}

/* A link whose href the caller maps shows what the caller says, contents
 * and all; other links keep their text. */
static void
test_from_html_map_replaces_mapped_links(void **state)
{
	static const char *const hrefs[] = {
		"https://icosahedron.website/@halcy",
		"https://mastodon.social/@halcy",
		"https://glitch.social/@halcy",
		"https://hachyderm.io/@halcy",
		"https://x.example/@a?b=1&c=2",
		"https://m.example/@bob",
		"https://m.example/@plain",
	};
	static const char *const shows[] = {
		"@halcy@icosahedron.website",
		"@halcy",
		"@halcy@glitch.social",
		"@halcy@hachyderm.io",
		"@a@x.example",
		"@bob@m.example",
		"a&amp;b <i>\n x",
	};
	static const struct html_case cases[] = {
		{ "remote mention shows its acct", MD_STATUS,
		  "@halcy@icosahedron.website" MD_STATUS_TAIL },
		{ "mention in a note", MD_NOTE,
		  MD_NOTE_HEAD "@halcy@icosahedron.website" MD_NOTE_TAIL },
		{ "three mentions as the status's mentions name them",
		  MD_THREE, "@halcy @halcy@glitch.social @halcy@hachyderm.io "
		  MD_PING },
		{ "unmapped mention keeps its text", MD_LOCAL,
		  "@mastodonpy_test hello!" },
		{ "href references are decoded",
		  "<a href=\"https://x.example/@a?b=1&amp;c=2\">@<span>a</span>"
		  "</a>", "@a@x.example" },
		{ "single-quoted href", "<a href='https://m.example/@bob'>@bob"
		  "</a> hi", "@bob@m.example hi" },
		{ "unquoted href after another attribute",
		  "<a class=u-url HREF=https://m.example/@bob>@bob</a>",
		  "@bob@m.example" },
		{ "a prefix is not a match",
		  "<a href=\"https://m.example/@bo\">@bo</a>", "@bo" },
		{ "a longer href is not a match",
		  "<a href=\"https://m.example/@bobby\">@bobby</a>", "@bobby" },
		{ "case matters", "<a href=\"HTTPS://M.EXAMPLE/@bob\">x</a>",
		  "x" },
		{ "the first href counts", "<a href=\"https://m.example/@no\" "
		  "href=\"https://m.example/@bob\">x</a>", "x" },
		{ "link left open ends with the paragraph",
		  "<p><a href=\"https://m.example/@bob\">@<span>bob</p><p>next"
		  "</p>", "@bob@m.example\n\nnext" },
		{ "a new link ends the last",
		  "<a href=\"https://m.example/@bob\">x<a href=\"y\">y</a>z",
		  "@bob@m.exampleyz" },
		{ "a mapped link inside an invisible span is hidden",
		  "<span class=\"invisible\"><a href=\"https://m.example/"
		  "@bob\">x</a></span>y", "y" },
		{ "what a link shows is plain text",
		  "<a href=\"https://m.example/@plain\">x</a>",
		  "a&amp;b <i> x" },
		{ "hashtag is not mapped",
		  "<a href=\"https://m.example/tags/c\" class=\"mention hashtag"
		  "\">#<span>c</span></a>", "#c" },
	};

	(void)state;
	run_html(cases, nitems(cases), hrefs, shows, nitems(hrefs));
}

/* A map that no link's href matches exactly, or no map at all, changes
 * nothing. */
static void
test_from_html_map_that_matches_nothing_changes_nothing(void **state)
{
	static const char *const inputs[] = { MD_STATUS, MD_NOTE, MD_THREE,
	    MD_DOCS, MD_LOCAL, "" };
	static const char *const hrefs[] = {
		"https://icosahedron.website/@halc",
		"https://icosahedron.website/@halcy/",
		"icosahedron.website/@halcy",
		"https://mastodon.social/@HALCY",
		"http://localhost:3000/@mastodonpy_test ",
		"https://halcy.de",
		"",
	};
	static const char *const shows[] = { "1", "2", "3", "4", "5", "6",
	    "7" };
	size_t	 i;
	char	*a, *b, *c;

	(void)state;
	for (i = 0; i < nitems(inputs); i++) {
		a = text_from_html(inputs[i]);
		b = text_from_html_map(inputs[i], NULL, NULL, 0);
		c = text_from_html_map(inputs[i], hrefs, shows, nitems(hrefs));
		check_str("no map", b, a);
		check_str("a map that matches nothing", c, a);
		free(a);
		free(b);
		free(c);
	}
}

/* The common named references and numeric ones are decoded; what is
 * malformed or unknown stays as written. */
static void
test_from_html_decodes_references(void **state)
{
	static const struct html_case cases[] = {
		{ "entities", "&amp; &lt;b&gt; &quot;q&quot; &#39;s &apos;",
		  "& <b> \"q\" 's '" },
		{ "legacy capitals", "&AMP;&LT;&GT;&QUOT;", "&<>\"" },
		{ "nbsp", "a&nbsp;b", "a b" },
		{ "named typography", "&hellip;&mdash;&rsquo;",
		  ELLIPSIS "\xe2\x80\x94\xe2\x80\x99" },
		{ "hex reference", "&#x1F600;&#X1f44d;",
		  "\xf0\x9f\x98\x80\xf0\x9f\x91\x8d" },
		{ "decimal reference", "&#128512;&#233;",
		  "\xf0\x9f\x98\x80\xc3\xa9" },
		{ "largest code point", "&#x10FFFF;", "\xf4\x8f\xbf\xbf" },
		{ "leading zeros", "&#x0000041;&#000066;", "AB" },
		{ "reference without semicolon", "&#65 b", "A b" },
		{ "NUL reference", "a&#0;b", "a" FFFD "b" },
		{ "surrogate references", "&#xD800;&#xdfff;&#55296;",
		  FFFD FFFD FFFD },
		{ "too large references",
		  "&#x110000;&#99999999999;&#xFFFFFFFFFFFFFFFFF1;",
		  FFFD FFFD FFFD },
		{ "windows-1252 references", "&#150;&#x93;x&#x94;&#128;",
		  "\xe2\x80\x93\xe2\x80\x9cx\xe2\x80\x9d\xe2\x82\xac" },
		{ "control references dropped", "a&#7;&#x1b;&#x81;&#127;b",
		  "ab" },
		{ "unknown entity kept", "&bogus; &amp", "&bogus; &amp" },
		{ "malformed references kept", "A & B &#; &#x; &#xg; & amp; &",
		  "A & B &#; &#x; &#xg; & amp; &" },
		{ "long name kept", "&abcdefghijklmnopqrstuvwxyz;",
		  "&abcdefghijklmnopqrstuvwxyz;" },
		{ "reference to a tag is text",
		  "&lt;script&gt;x&lt;/script&gt;", "<script>x</script>" },
	};

	(void)state;
	run_html(cases, nitems(cases), NULL, NULL, 0);
}

/* Custom emoji stay as :shortcode:, and every script passes through. */
static void
test_from_html_keeps_shortcodes_and_scripts(void **state)
{
	static const struct html_case cases[] = {
		{ "shortcodes", "<p>:blobcat: hi :blob_cat_2::ablobwave:</p>",
		  ":blobcat: hi :blob_cat_2::ablobwave:" },
		{ "shortcode in a link", "<a href=\"x\">:heart:</a>",
		  ":heart:" },
		{ "CJK", "<p>" ZHONG WEN ZI "</p>", ZHONG WEN ZI },
		{ "Arabic", "<p>" MARHABA "</p>", MARHABA },
		{ "Hebrew", SHALOM " <b>" SHALOM "</b>", SHALOM " " SHALOM },
		{ "emoji", "<p>" FAMILY THUMB "<br>" NL_FLAG ENGLAND HEART
		  "</p>", FAMILY THUMB "\n" NL_FLAG ENGLAND HEART },
		{ "combining marks", "caf" E_ACUTE, "caf" E_ACUTE },
	};

	(void)state;
	run_html(cases, nitems(cases), NULL, NULL, 0);
}

/* Scripts, styles and the like go with their contents; comments and
 * CDATA go; a '<' that starts no tag is text. */
static void
test_from_html_drops_hostile_markup(void **state)
{
	static const struct html_case cases[] = {
		{ "script", "a<script>alert('<p>x</p>')</script>b", "ab" },
		{ "script in capitals", "a<SCRIPT>x</ScRiPt >b", "ab" },
		{ "script end tag with attributes", "a<script>x</script x=1>b",
		  "ab" },
		{ "script without an end", "a<script>x<p>y</p>", "a" },
		{ "script end tag cut short", "a<script>x</script", "a" },
		{ "a longer name is not the end", "a<script>x</scripts>b",
		  "a" },
		{ "style", "a<style>p { color: red }</style>b", "ab" },
		{ "template", "a<template><p>x</p></template>b", "ab" },
		{ "nested template", "a<template><template>x</template>y"
		  "</template>b", "ab" },
		{ "noscript", "a<noscript>x</noscript>b", "ab" },
		{ "iframe", "a<iframe src=\"x\">y</iframe>b", "ab" },
		{ "nested object", "a<object><object>x</object>y</object>b",
		  "ab" },
		{ "stray end of script", "a</script>b", "ab" },
		{ "comment", "a<!-- <p>x</p> -->b", "ab" },
		{ "empty comments", "a<!---->b<!-->c<!--->d", "abcd" },
		{ "comment ended by --!>", "a<!-- x --!>b", "ab" },
		{ "comment without an end", "a<!-- x", "a" },
		{ "CDATA", "a<![CDATA[<p>x</p>]]>b", "ab" },
		{ "CDATA without an end", "a<![CDATA[x", "a" },
		{ "doctype and processing instruction",
		  "a<!DOCTYPE html>b<?xml version=\"1.0\"?>c", "abc" },
		{ "lone angle brackets", "a < b > c", "a < b > c" },
		{ "angle bracket before a digit", "1 <2 and x <= y",
		  "1 <2 and x <= y" },
		{ "angle bracket and slash", "a </ b </>", "a </ b </>" },
		{ "angle bracket at the end", "a <", "a <" },
		{ "quoted >", "<a title=\"x>y\">t</a>", "t" },
		{ "single-quoted >", "<a title='x>y'>t</a>", "t" },
		{ "unquoted value ends at >", "<a title=x>y>t</a>", "y>t" },
		{ "quote inside a name", "<a b\"c=\"d>e\">t</a>", "t" },
		{ "unclosed tag", "a<span class=\"x", "a" },
		{ "unclosed quote", "a<span class=\"x>y</span>", "a" },
		{ "tag cut short", "a<b", "a" },
		{ "unknown tags", "<x-foo bar>a</x-foo><svg>b</svg>", "ab" },
		{ "NUL-free bytes in a tag name", "a<sp\xc3\xa9n>b", "ab" },
	};

	(void)state;
	run_html(cases, nitems(cases), NULL, NULL, 0);
}

/* Lists give a line per item, quotes a "> " before each line, and <pre>
 * keeps its spaces and lines. */
static void
test_from_html_shows_lists_quotes_and_code(void **state)
{
	static const struct html_case cases[] = {
		{ "list", "<ul><li>one</li><li>two</li></ul>after",
		  "\xe2\x80\xa2 one\n\xe2\x80\xa2 two\n\nafter" },
		{ "numbered list between paragraphs", "<p>Menu:</p><ol><li>tea"
		  "</li><li>cake</li></ol><p>Thanks</p>",
		  "Menu:\n\n1. tea\n2. cake\n\nThanks" },
		{ "numbered from start", "<ol start=\"9\"><li>a</li><li>b</li>"
		  "</ol>", "9. a\n10. b" },
		{ "start that is not all digits", "<ol start=\" 3x\"><li>a</li>"
		  "</ol><ol start=\"x\"><li>b</li></ol><ol start=-2><li>c</ol>",
		  "3. a\n\n1. b\n\n-2. c" },
		{ "items not closed", "<ul><li>a<li>b</ul>c",
		  "\xe2\x80\xa2 a\n\xe2\x80\xa2 b\n\nc" },
		{ "nested list", "<ul><li>a<ul><li>x</li><li>y</li></ul></li>"
		  "<li>b</li></ul>", "\xe2\x80\xa2 a\n  \xe2\x80\xa2 x\n"
		  "  \xe2\x80\xa2 y\n\xe2\x80\xa2 b" },
		{ "nested numbers go on", "<ol><li>a<ol><li>x</li></ol></li>"
		  "<li>b</li></ol>", "1. a\n   1. x\n2. b" },
		{ "paragraphs in items", "<ul><li><p>a</p></li><li><p>b</p>"
		  "</li></ul>", "\xe2\x80\xa2 a\n\xe2\x80\xa2 b" },
		{ "line break in an item", "<ul><li>a<br>b</li></ul>",
		  "\xe2\x80\xa2 a\n  b" },
		{ "empty item", "<ul><li></li><li>b</li></ul>",
		  "\xe2\x80\xa2 b" },
		{ "item outside a list", "a<li>b", "a\nb" },
		{ "an empty item's marker stays in its list",
		  "<ul><li></ul><blockquote>x</blockquote>", "> x" },
		{ "quote", "<blockquote><p>quoted<br>text</p></blockquote>"
		  "<p>reply</p>", "> quoted\n> text\n\nreply" },
		{ "quote of two paragraphs",
		  "<p>x</p><blockquote><p>a</p><p>b</p></blockquote>",
		  "x\n\n> a\n\n> b" },
		{ "quote in a quote", "<blockquote><p>a</p><blockquote><p>b</p>"
		  "</blockquote><p>c</p></blockquote>", "> a\n\n> > b\n\n> c" },
		{ "list in a quote", "<blockquote><ul><li>a</li><li>b</li></ul>"
		  "</blockquote>", "> \xe2\x80\xa2 a\n> \xe2\x80\xa2 b" },
		{ "end of quote closes the list in it",
		  "<blockquote><ul><li>a</blockquote>b",
		  "> \xe2\x80\xa2 a\n\nb" },
		{ "end of another kind is ignored",
		  "<ul><li>a</blockquote><li>b</ol></ul>",
		  "\xe2\x80\xa2 a\n\xe2\x80\xa2 b" },
		{ "pre keeps spaces and lines",
		  "<pre><code>int x;\n  return x;\n</code></pre><p>after</p>",
		  "int x;\n  return x;\n\nafter" },
		{ "newline after <pre> goes", "<pre>\nx\n\ny</pre>",
		  "x\n\ny" },
		{ "CR LF in pre", "<pre>a\r\nb\rc</pre>", "a\nb\nc" },
		{ "pre in a quote", "<blockquote><pre>a\n b</pre></blockquote>",
		  "> a\n>  b" },
		{ "inline code", "<p>use <code>make  check</code> now</p>",
		  "use make check now" },
	};

	(void)state;
	run_html(cases, nitems(cases), NULL, NULL, 0);
}

/* Return a new string of s repeated n times, between head and tail. */
static char *
repeat(const char *head, const char *s, size_t n, const char *tail)
{
	size_t	 hl = strlen(head), sl = strlen(s), tl = strlen(tail), i;
	char	*out;

	out = xmalloc(hl + sl * n + tl + 1);
	memcpy(out, head, hl);
	for (i = 0; i < n; i++)
		memcpy(out + hl + i * sl, s, sl);
	memcpy(out + hl + n * sl, tail, tl + 1);
	return out;
}

/* Four levels of quote. */
#define Q4	"> > > > "

/* Deep nesting neither recurses nor shapes lines past eight levels, and
 * megabytes of content convert at once (a quadratic walk would not end). */
static void
test_from_html_survives_deep_and_huge_input(void **state)
{
	static const struct {
		const char	*name;
		const char	*head;
		const char	*part;
		size_t		 n;
		const char	*tail;
		const char	*want;	/* NULL: check the length only */
		size_t		 len;
	} cases[] = {
		{ "10^5 nested spans", "a", "<span>", 100000, "b", "ab", 0 },
		{ "10^5 spans closed", "<span>", "<span>x</span>", 100000,
		  "", NULL, 100000 },
		{ "10^5 invisible spans", "a", "<span class=\"invisible\">",
		  100000, "b</p>c", "a\n\nc", 0 },
		{ "10^5 nested quotes", "", "<blockquote>", 100000, "x",
		  Q4 Q4 "x", 0 },
		{ "10^5 nested lists", "", "<ul><li>", 100000, "x", NULL,
		  7 * 2 + 4 + 1 },
		{ "10^5 quotes closed", "", "</blockquote>", 100000, "x", "x",
		  0 },
		{ "10^5 templates", "a", "<template>", 100000, "</template>b",
		  "a", 0 },
		{ "10^5 comment openings", "a", "<!--", 100000, "", "a", 0 },
		{ "megabytes of dashes in a comment", "a<!--", "-", 4000000,
		  "", "a", 0 },
		{ "megabytes of comments", "a", "<!-- x -->", 400000, "b",
		  "ab", 0 },
		{ "megabytes of CDATA", "a", "<![CDATA[x]]>", 300000, "b",
		  "ab", 0 },
		{ "megabytes of '<'", "", "<", 4000000, "", NULL, 4000000 },
		{ "megabytes of '&'", "", "&#", 2000000, "", NULL, 4000000 },
		{ "megabytes of '<' in a script", "<script>", "<", 4000000,
		  "", "", 0 },
		{ "megabytes in an attribute", "a<a href=\"", "x", 4000000,
		  "\">b</a>", "ab", 0 },
		{ "megabytes of paragraphs", "",
		  "<p>w &amp; <span class=\"invisible\">x</span></p>", 100000,
		  "", NULL, 100000 * 5 - 2 },
		{ "megabytes of text", "", "word ", 1000000, "", NULL,
		  5000000 - 1 },
	};
	static const char *const hrefs[] = { "x" };
	static const char *const shows[] = { "@x" };
	size_t	 i;
	char	*in, *got;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		in = repeat(cases[i].head, cases[i].part, cases[i].n,
		    cases[i].tail);
		got = text_from_html_map(in, hrefs, shows, nitems(hrefs));
		if (cases[i].want != NULL)
			check_str(cases[i].name, got, cases[i].want);
		else
			check_int(cases[i].name, (long long)strlen(got),
			    (long long)cases[i].len);
		free(got);
		free(in);
	}
}

/* What the converter leaves (controls, escapes, bidi overrides) goes in
 * text_sanitize, which every caller runs after it. */
static void
test_from_html_then_sanitize_is_safe(void **state)
{
	static const struct html_case cases[] = {
		{ "ESC sequence in text", "<p>a\x1b[31mred</p>", "ared" },
		{ "C1 CSI in text", "<p>a\xc2\x9b" "31mb</p>", "ab" },
		{ "bidi override in text", "<p>x\xe2\x80\xaey</p>", "xy" },
		{ "bidi override as a reference", "<p>&#x202e;evil&#8237;</p>",
		  "evil" },
		{ "isolate in a link", "<a href=\"y\">@\xe2\x81\xa6" "bob</a>",
		  "@bob" },
		{ "ESC as a reference", "a&#27;[31mb", "a[31mb" },
		{ "line separator", "a&#x2028;b", "a\nb" },
		{ "invalid UTF-8", "<p>a\xff\xc3</p>", "a" FFFD FFFD },
	};
	static const char *const hrefs[] = { "https://m.example/@bob" };
	static const char *const shows[] = { "@bob@m.example" };
	size_t	 i;
	char	*html, *got;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		html = text_from_html_map(cases[i].in, hrefs, shows, 1);
		got = text_sanitize(html, strlen(html));
		check_str(cases[i].name, got, cases[i].want);
		free(got);
		free(html);
	}
}

/* Hebrew and Arabic letters are right-to-left; others are not. */
static void
test_has_rtl_finds_hebrew_and_arabic(void **state)
{
	static const struct count_case cases[] = {
		{ "ASCII", "hello", 0 },
		{ "empty", "", 0 },
		{ "CJK", ZHONG WEN, 0 },
		{ "Hebrew", "abc " SHALOM, 1 },
		{ "Arabic", MARHABA, 1 },
		{ "Arabic supplement", "\xdd\x90", 1 },		/* U+0750 */
		{ "Arabic extended-A", "\xe0\xa2\xa0", 1 },	/* U+08A0 */
		{ "presentation forms", "\xef\xad\x90", 1 },	/* U+FB50 */
		{ "presentation forms B", "\xef\xba\x8d", 1 },	/* U+FE8D */
		{ "Syriac is not listed", "\xdc\x90", 0 },	/* U+0710 */
	};
	size_t	i;

	(void)state;
	for (i = 0; i < nitems(cases); i++)
		check_int(cases[i].name, text_has_rtl(cases[i].s),
		    (long long)cases[i].want);
}

/* Fragments that random strings are built from, to reach every state. */
static const char *const fuzz_parts[] = {
	"\x1b", "[", "]", "P", "_", "\x07", "\\", "0;", "31", "m", ";",
	"\xc2\x9b", "\xc2\x9d", "\xc2\x9c", "\xc2\x85", "\xc2\x80",
	"\xe2\x80\xae", "\xe2\x81\xa6", "\xe2\x80\xa8", "\xe2\x80\x8f",
	"\xef\xbb\xbf", "\r", "\n", "\t", " ", "  ", "\x18",
	ZHONG, "\xf0\x9f\x91\x8d", "\xf0\x9f\x8f\xbd", "\xe2\x80\x8d",
	"\xcc\x81", "\xd9\x8e", "\xef\xb8\x8f", "\xf0\x9f\x87\xb3",
	"\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x82", "\xc0\xaf", "a", "word",
};

/* Return the next number of a fixed-seed xorshift generator. */
static uint32_t
fuzz_random(uint32_t *seed)
{
	uint32_t	x = *seed;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *seed = x;
}

/* Fill buf with a random string of random bytes and fragments. */
static size_t
fuzz_string(uint32_t *seed, char *buf, size_t size)
{
	size_t		 len = 0, n, parts = fuzz_random(seed) % 40;
	const char	*p;

	while (parts-- > 0) {
		if (fuzz_random(seed) % 3 == 0) {
			if (len + 1 > size)
				break;
			buf[len++] = (char)(fuzz_random(seed) & 0xFF);
			continue;
		}
		p = fuzz_parts[fuzz_random(seed) % nitems(fuzz_parts)];
		n = strlen(p);
		if (len + n > size)
			break;
		memcpy(buf + len, p, n);
		len += n;
	}
	return len;
}

/* Check that sanitized output holds nothing a terminal would act on. */
static void
fuzz_check_safe(const char *out, size_t inlen, int oneline)
{
	size_t		len = strlen(out), off = 0;
	uint32_t	cp;

	assert_true(len <= 3 * inlen);
	assert_true(text_valid_utf8(out, len));
	assert_null(memchr(out, 0x1B, len));
	if (len > 0) {
		assert_true(out[0] != ' ' && out[0] != '\n');
		assert_true(out[len - 1] != ' ' && out[len - 1] != '\n');
	}
	assert_null(strstr(out, "\n\n\n\n"));
	while (off < len) {
		off += text_decode(out + off, len - off, &cp);
		assert_false(cp < 0x20 && (cp != '\n' || oneline));
		assert_false(cp >= 0x7F && cp <= 0x9F);
		assert_false(cp >= 0x202A && cp <= 0x202E);
		assert_false(cp >= 0x2066 && cp <= 0x2069);
		assert_false(cp == 0x200E || cp == 0x200F || cp == 0x061C);
		assert_false(cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF);
		assert_false(cp >= 0xFFF9 && cp <= 0xFFFB);
	}
}

/* Check wrapping and stepping over sanitized output. */
static void
fuzz_check_layout(const char *out, size_t width)
{
	char	**lines;
	size_t	  len = strlen(out), n, i, off, steps = 0;
	size_t	  stops[1024];

	n = text_wrap(out, width, &lines);
	assert_true(n >= 1);
	for (i = 0; i < n; i++) {
		assert_true(text_width(lines[i]) <= width);
		assert_null(strchr(lines[i], '\n'));
		assert_true(text_valid_utf8(lines[i], strlen(lines[i])));
	}
	text_lines_free(lines, n);

	for (off = 0; off < len; off = text_next(out, len, off)) {
		assert_true(steps < nitems(stops));
		stops[steps++] = off;
	}
	assert_int_equal(off, len);
	while (steps > 0) {
		off = text_prev(out, off);
		assert_int_equal(off, stops[--steps]);
	}
	assert_true(text_graphemes(out) <= text_codepoints(out));
}

/* 20,000 random strings: sanitized output is always safe to draw, and
 * wraps within the width. */
static void
test_sanitize_random_input_is_always_safe(void **state)
{
	uint32_t	 seed = 0x5EED1234;
	char		 buf[512], *out;
	size_t		 len, i;

	(void)state;
	for (i = 0; i < 20000; i++) {
		len = fuzz_string(&seed, buf, sizeof buf);
		out = text_sanitize(buf, len);
		fuzz_check_safe(out, len, 0);
		fuzz_check_layout(out, 1 + fuzz_random(&seed) % 20);
		free(out);
		out = text_sanitize_line(buf, len);
		fuzz_check_safe(out, len, 1);
		free(out);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    test_sanitize_drops_escape_sequences_with_parameters),
		cmocka_unit_test(test_sanitize_drops_bidi_controls),
		cmocka_unit_test(test_sanitize_drops_c0_and_c1_controls),
		cmocka_unit_test(test_sanitize_replaces_invalid_utf8),
		cmocka_unit_test(test_sanitize_normalizes_whitespace),
		cmocka_unit_test(test_sanitize_line_joins_lines),
		cmocka_unit_test(test_sanitize_keeps_text),
		cmocka_unit_test(test_sanitize_output_is_bounded),
		cmocka_unit_test(test_decode_returns_code_point_and_length),
		cmocka_unit_test(test_encode_writes_utf8),
		cmocka_unit_test(test_valid_utf8_rejects_invalid),
		cmocka_unit_test(test_repair_utf8),
		cmocka_unit_test(test_find_unsafe_stops_at_what_sanitize_removes),
		cmocka_unit_test(test_cp_width_of_wide_and_zero_width),
		cmocka_unit_test(test_width_of_cjk_emoji_and_marks),
		cmocka_unit_test(
		    test_graphemes_count_user_perceived_characters),
		cmocka_unit_test(test_codepoints_count_scalars),
		cmocka_unit_test(
		    test_fit_stops_before_a_character_that_overflows),
		cmocka_unit_test(test_first_line_cuts_with_ellipsis),
		cmocka_unit_test(test_pad_gives_exact_width),
		cmocka_unit_test(test_wrap_breaks_at_spaces_and_long_words),
		cmocka_unit_test(test_wrap_breaks_cjk_anywhere),
		cmocka_unit_test(test_wrap_keeps_clusters_whole),
		cmocka_unit_test(test_wrap_keeps_newlines_and_empty_lines),
		cmocka_unit_test(test_next_prev_step_over_whole_characters),
		cmocka_unit_test(
		    test_from_html_shows_mastodon_samples_as_the_apps_do),
		cmocka_unit_test(test_from_html_breaks_paragraphs_and_lines),
		cmocka_unit_test(test_from_html_shortens_links_as_the_apps_do),
		cmocka_unit_test(test_from_html_map_replaces_mapped_links),
		cmocka_unit_test(
		    test_from_html_map_that_matches_nothing_changes_nothing),
		cmocka_unit_test(test_from_html_decodes_references),
		cmocka_unit_test(test_from_html_keeps_shortcodes_and_scripts),
		cmocka_unit_test(test_from_html_drops_hostile_markup),
		cmocka_unit_test(test_from_html_shows_lists_quotes_and_code),
		cmocka_unit_test(test_from_html_survives_deep_and_huge_input),
		cmocka_unit_test(test_from_html_then_sanitize_is_safe),
		cmocka_unit_test(test_has_rtl_finds_hebrew_and_arabic),
		cmocka_unit_test(test_sanitize_random_input_is_always_safe),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
