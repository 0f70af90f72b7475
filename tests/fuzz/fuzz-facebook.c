/*
 * fuzz-facebook.c -- the Facebook adapter's parsers: pages of a Page's
 * feed and of a post's comments, the answers to writes and to the reads
 * that look for a lost reply, sessions, error answers and usage headers
 * (input: see fuzz.h).
 */
#include "fuzz.h"
#include "platform/platforms.h"

/* The accounts of the recorded answers. */
static const char *const fuzz_users[] = {
	"19292868552", "2121008874780932", NULL
};

static const struct fuzz_adapter fuzz_facebook = {
	.ops = &facebook_ops,
	.handle = "Facebook for Developers",
	.users = fuzz_users,
	.base_url = "https://graph.facebook.com",
	.target = "10158407654328553_10158407835073553"
};

/* Feed one input to the Facebook parser it names. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_adapter_run(&fuzz_facebook, data, size);
}
