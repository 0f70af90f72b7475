/*
 * fuzz-text.c -- the sanitizer and the UTF-8 functions of src/text.c. The
 * input is any bytes, as a remote string may be.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "text.h"
#include "util.h"

/* Check what text_sanitize promises besides the contract. */
static void
fuzz_check_shape(const char *what, const char *s, int lines)
{
	size_t	len = strlen(s);

	fuzz_check(what, s, lines);
	if (len > 0 && (s[0] == ' ' || s[0] == '\n' || s[len - 1] == ' ' ||
	    s[len - 1] == '\n'))
		fuzz_fail("%s: blank space at an end: \"%s\"", what, s);
	if (strstr(s, " \n") != NULL)
		fuzz_fail("%s: a space at the end of a line", what);
	if (strstr(s, "\n\n\n\n") != NULL)
		fuzz_fail("%s: more than two blank lines", what);
}

/* Sanitize, check, and check that sanitizing again changes nothing. */
static void
fuzz_sanitize(const char *what, const char *s, size_t n, int lines)
{
	char	*once, *twice;

	once = lines ? text_sanitize(s, n) : text_sanitize_line(s, n);
	fuzz_check_shape(what, once, lines);
	twice = lines ? text_sanitize(once, strlen(once)) :
	    text_sanitize_line(once, strlen(once));
	if (strcmp(once, twice) != 0)
		fuzz_fail("%s is not stable: \"%s\" became \"%s\"", what, once,
		    twice);
	free(twice);
	free(once);
}

/* Decode the whole input, checking each step against the encoder. */
static void
fuzz_decode_all(const char *s, size_t n)
{
	size_t		off = 0, used, enc;
	uint32_t	cp;
	char		buf[4];

	while (off < n) {
		used = text_decode(s + off, n - off, &cp);
		if (used == 0 || used > 4 || used > n - off)
			fuzz_fail("text_decode used %zu of %zu bytes", used,
			    n - off);
		if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			fuzz_fail("text_decode gave U+%X", (unsigned int)cp);
		enc = text_encode(cp, buf);
		if (cp != 0xFFFD && (enc != used ||
		    memcmp(buf, s + off, used) != 0))
			fuzz_fail("U+%X does not encode back to its bytes",
			    (unsigned int)cp);
		off += used;
	}
}

/* Check the UTF-8 functions and both sanitizers on one input. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*s = (const char *)data;
	char		*fixed, *str;
	size_t		 flen;
	int		 valid;

	valid = fuzz_valid_utf8(s, size);
	if (text_valid_utf8(s, size) != valid)
		fuzz_fail("text_valid_utf8 says %d, the decoder here %d",
		    !valid, valid);
	if (size > 0)
		fuzz_decode_all(s, size);
	fixed = text_repair_utf8(s, size, &flen);
	if (!fuzz_valid_utf8(fixed, flen) || fixed[flen] != '\0')
		fuzz_fail("text_repair_utf8 gave invalid UTF-8");
	if (valid && (flen != size || memcmp(fixed, s, size) != 0))
		fuzz_fail("text_repair_utf8 changed valid UTF-8");
	free(fixed);
	fuzz_sanitize("text_sanitize", s, size, FUZZ_TEXT);
	fuzz_sanitize("text_sanitize_line", s, size, FUZZ_LINE);
	str = xstrndup(s, size);
	text_has_rtl(str);
	free(str);
	return 0;
}
