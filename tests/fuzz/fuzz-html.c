/*
 * fuzz-html.c -- HTML to text (text_from_html and text_from_html_map),
 * then the sanitizer that every converted text goes through before it is
 * kept.
 *
 * Lines "@link HREF SHOW" at the head of the input map links, as the
 * Mastodon adapter maps its mentions; the rest is the HTML. The first
 * hrefs the HTML itself holds (href="...", as written) are mapped too, so
 * that mapped links are reached without the fuzzer guessing a URL.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "text.h"
#include "util.h"

#define FUZZ_LINKS	8

/* What the links of one input map to. */
struct fuzz_map {
	char	*hrefs[FUZZ_LINKS];
	char	*shows[FUZZ_LINKS];
	size_t	 n;
};

/* Add a pair to the map if there is room; the map takes copies. */
static void
map_add(struct fuzz_map *map, const char *href, size_t len,
    const char *show)
{
	if (map->n == FUZZ_LINKS)
		return;
	map->hrefs[map->n] = xstrndup(href, len);
	map->shows[map->n] = xstrdup(show);
	map->n++;
}

/* Read the @link lines at the head of s; return where the HTML starts. */
static char *
map_read(struct fuzz_map *map, char *s)
{
	char	*p = s, *line, *sp;

	while (p != NULL && strncmp(p, "@link ", 6) == 0) {
		line = fuzz_next_line(&p) + 6;
		if ((sp = strchr(line, ' ')) != NULL)
			*sp++ = '\0';
		map_add(map, line, strlen(line), sp != NULL ? sp : "");
	}
	return p != NULL ? p : s + strlen(s);
}

/* Map the double-quoted hrefs the HTML holds, as written. */
static void
map_scan(struct fuzz_map *map, const char *html)
{
	static const char *const shows[] = { "@who@example.social", "",
	    "two\nlines " };
	const char	*p = html, *end;
	size_t		 i = 0;

	while ((p = strstr(p, "href=\"")) != NULL) {
		p += 6;
		if ((end = strchr(p, '"')) == NULL)
			break;
		map_add(map, p, (size_t)(end - p), shows[i++ % nitems(shows)]);
		p = end + 1;
	}
}

/* Tell whether no href of the map is in the HTML as it is written. */
static int
map_absent(const struct fuzz_map *map, const char *html)
{
	size_t	i;

	for (i = 0; i < map->n; i++) {
		if (strstr(html, map->hrefs[i]) != NULL)
			return 0;
	}
	return 1;
}

/* Check what the converter gave for valid or invalid input. */
static void
check_text(const char *what, const char *text, int valid)
{
	size_t	 len = strlen(text);
	char	*clean;

	/* Nothing but characters of its own: valid in, valid out. */
	if (valid && !fuzz_valid_utf8(text, len))
		fuzz_fail("%s made invalid UTF-8 of valid", what);
	if (len > 0 && (text[0] == '\n' || text[len - 1] == '\n'))
		fuzz_fail("%s: a newline at an end", what);
	clean = text_sanitize(text, len);
	fuzz_check("text_sanitize(text_from_html)", clean, FUZZ_TEXT);
	free(clean);
}

/* Turn one input into text, with and without the map, and check both. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_map	 map;
	char		*input, *html, *text, *mapped;
	size_t		 i;
	int		 valid;

	memset(&map, 0, sizeof map);
	input = xstrndup((const char *)data, size);
	valid = fuzz_valid_utf8(input, strlen(input));
	html = map_read(&map, input);
	map_scan(&map, html);
	text = text_from_html(html);
	check_text("text_from_html", text, valid);
	mapped = text_from_html_map(html, (const char *const *)map.hrefs,
	    (const char *const *)map.shows, map.n);
	check_text("text_from_html_map", mapped, valid);
	/* A map that no link can match changes nothing. */
	if (strchr(html, '&') == NULL && map_absent(&map, html) &&
	    strcmp(text, mapped) != 0)
		fuzz_fail("text_from_html_map: a map that matches no href "
		    "changed the text");
	for (i = 0; i < map.n; i++) {
		free(map.hrefs[i]);
		free(map.shows[i]);
	}
	free(mapped);
	free(text);
	free(input);
	return 0;
}
