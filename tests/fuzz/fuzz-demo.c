/*
 * fuzz-demo.c -- the demo adapter's parsers, as they read the demo
 * server's answers: inbox pages, the answers to actions and error answers
 * (input: see fuzz.h). Both demo flavours share these parsers.
 */
#include "fuzz.h"
#include "platform/platforms.h"

static const struct fuzz_adapter fuzz_demo = {
	.ops = &demo_page_ops,
	.handle = "Cafe Demo",
	.users = NULL,
	.base_url = "demo://page",
	.target = "c-001"
};

/* Feed one input to the demo parser it names. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_adapter_run(&fuzz_demo, data, size);
}
