/*
 * fuzz-bluesky.c -- the Bluesky adapter's parsers: pages of notifications
 * and of the account's feed, threads, the answers to writes and to
 * getRecord, sessions and error answers (input: see fuzz.h).
 */
#include "fuzz.h"
#include "platform/platforms.h"

/* The accounts of the recorded answers. */
static const char *const fuzz_users[] = {
	"did:plc:mcqbzvd55ymlvlxzgzcgyz25",
	"did:plc:ebqorp57pbssws6pqpjxtjhj", NULL
};

static const struct fuzz_adapter fuzz_bluesky = {
	.ops = &bluesky_ops,
	.handle = "@acmeshop.test",
	.users = fuzz_users,
	.base_url = "https://bsky.social",
	.target = "at://did:plc:hl4rnflhlnlu2op27egbdoik/app.bsky.feed.post/"
	    "3n2xiwwaqzc23"
};

/* Feed one input to the Bluesky parser it names. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_adapter_run(&fuzz_bluesky, data, size);
}
