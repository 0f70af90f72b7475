/*
 * fuzz-mastodon.c -- the Mastodon adapter's parsers: pages of
 * notifications and of the account's statuses (with their Link header),
 * threads, rechecks, the answers to writes and to the reads that
 * reconcile them, sessions, read markers and error answers (input: see
 * fuzz.h).
 */
#include "fuzz.h"
#include "platform/platforms.h"

/* The accounts of the recorded answers. */
static const char *const fuzz_users[] = {
	"43", "117020565966271181", NULL
};

static const struct fuzz_adapter fuzz_mastodon = {
	.ops = &mastodon_ops,
	.handle = "@halcy@mastodon.social",
	.users = fuzz_users,
	.base_url = "https://mastodon.social",
	.target = "110446983926957470"
};

/* Feed one input to the Mastodon parser it names. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_adapter_run(&fuzz_mastodon, data, size);
}
