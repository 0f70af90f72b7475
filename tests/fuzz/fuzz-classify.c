/*
 * fuzz-classify.c -- the comment classifier (src/classify*.c) on any
 * bytes, as a comment from a platform may be. The first byte picks the
 * signals (the language tag, a follow-up, a link, many threads, an
 * author imitating the shop or not), the rest is the text.
 */
#include <stdlib.h>
#include <string.h>

#include "classify.h"
#include "fuzz.h"
#include "util.h"

/* Classify one input and check what comes out. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const langs[] = {
		NULL, "en", "nl", "de", "fr", "es", "ro", "ar", "zh-Hant",
		"pt", "", "EN_gb", "x", "ar-EG", "zh", "nl-BE"
	};
	struct classify_signals	 sig;
	struct classify_result	 r;
	char			*text;
	uint8_t			 b = size > 0 ? data[0] : 0;

	memset(&sig, 0, sizeof sig);
	sig.lang = langs[b & 0xf];
	sig.followup = (b & 0x10) != 0;
	sig.has_link = (b & 0x20) != 0;
	sig.author_threads = (b & 0x40) ? 7 : 0;
	sig.author_name = (b & 0x80) ? "Tulip & Tea Support" : "Anna";
	sig.shop_name = "Tulip & Tea";
	text = xstrndup(size > 0 ? (const char *)data + 1 : "", size > 0 ?
	    size - 1 : 0);
	classify_text(text, &sig, &r);
	if ((unsigned)r.kind >= CLASSIFY_KIND_COUNT ||
	    (unsigned)r.reply >= CLASSIFY_REPLY_COUNT || r.urgency < 0 ||
	    r.urgency > 3)
		fuzz_fail("kind %d, reply %d, urgency %d", (int)r.kind,
		    (int)r.reply, r.urgency);
	if (strlen(r.why) >= sizeof r.why)
		fuzz_fail("the reason overflows");
	fuzz_check("why", r.why, FUZZ_LINE);
	if (r.lang == NULL || !classify_lang_known(r.lang) ==
	    (strcmp(r.lang, "all") != 0))
		fuzz_fail("lexicon \"%s\"", r.lang != NULL ? r.lang : "(null)");
	free(text);
	return 0;
}
