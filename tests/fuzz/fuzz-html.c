/*
 * fuzz-html.c -- HTML to text (text_from_html), then the sanitizer that
 * every converted text goes through before it is kept.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "text.h"
#include "util.h"

/* Turn one input into text and sanitize it. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*html, *text, *clean;
	size_t	 len;

	html = xstrndup((const char *)data, size);
	text = text_from_html(html);
	len = strlen(text);
	/* Nothing but characters of its own: valid in, valid out. */
	if (fuzz_valid_utf8(html, strlen(html)) &&
	    !fuzz_valid_utf8(text, len))
		fuzz_fail("text_from_html made invalid UTF-8 of valid");
	if (len > 0 && (text[0] == '\n' || text[len - 1] == '\n'))
		fuzz_fail("text_from_html: a newline at an end");
	clean = text_sanitize(text, len);
	fuzz_check("text_sanitize(text_from_html)", clean, FUZZ_TEXT);
	free(clean);
	free(text);
	free(html);
	return 0;
}
