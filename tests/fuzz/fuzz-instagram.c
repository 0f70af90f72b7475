/*
 * fuzz-instagram.c -- the Instagram adapter's parsers: pages of media,
 * of tags, of a media's comments and of a comment's replies, the answers
 * to writes and to the reads that look for a lost reply, sessions, error
 * answers and usage headers (input: see fuzz.h).
 */
#include "fuzz.h"
#include "platform/platforms.h"

/* The accounts of the recorded answers. */
static const char *const fuzz_users[] = {
	"17841406338772941", NULL
};

static const struct fuzz_adapter fuzz_instagram = {
	.ops = &instagram_ops,
	.handle = "ikroskun",
	.users = fuzz_users,
	.base_url = "https://graph.facebook.com",
	.target = "17858154961981086"
};

/* Feed one input to the Instagram parser it names. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_adapter_run(&fuzz_instagram, data, size);
}
