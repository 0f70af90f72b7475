/*
 * fuzz-tok.c -- the search index's tokenizer (src/store-tok.c). The input
 * is any bytes, as a text in the cache or a search may hold. Its shortcut
 * for known characters must give exactly the tokens of unicode61 on the
 * whole text ("heed whole"), as a document and as a query, and never
 * fail.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "store.h"
#include "util.h"

static struct store_tokenizer	*fuzz_fast, *fuzz_whole;

/* Close the tokenizers when the fuzzer stops. */
static void
fuzz_cleanup(void)
{
	store_tokenizer_close(fuzz_fast);
	store_tokenizer_close(fuzz_whole);
}

/* Open the two tokenizers once. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char	*cause = NULL;

	(void)argc;
	(void)argv;
	if ((fuzz_fast = store_tokenizer_open(0, &cause)) == NULL ||
	    (fuzz_whole = store_tokenizer_open(1, &cause)) == NULL)
		fuzz_fail("cannot open a tokenizer: %s", cause);
	atexit(fuzz_cleanup);
	return 0;
}

/* Append one token and a separator byte no token holds. */
static int
fuzz_tok_add(void *arg, const char *tok, size_t n)
{
	struct buf	*b = arg;

	if (memchr(tok, '\x01', n) != NULL)
		fuzz_fail("a token holds a control character");
	buf_add(b, tok, n);
	buf_addch(b, '\x01');
	return 0;
}

/* The tokens of the input, joined; a new string. */
static char *
fuzz_tok_all(struct store_tokenizer *t, const uint8_t *data, size_t size,
    int query)
{
	struct buf	b;

	buf_init(&b, 0);
	if (store_tokenizer_run(t, (const char *)data, size, query,
	    fuzz_tok_add, &b) != 0)
		fuzz_fail("the tokenizer failed on %zu bytes", size);
	return buf_steal(&b);
}

/* Tokenize the input both ways, as a document and as a query. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*fast, *whole;
	int	 query;

	for (query = 0; query < 2; query++) {
		fast = fuzz_tok_all(fuzz_fast, data, size, query);
		whole = fuzz_tok_all(fuzz_whole, data, size, query);
		if (strcmp(fast, whole) != 0)
			fuzz_fail("the shortcut's tokens differ from "
			    "unicode61's%s", query ? " (query)" : "");
		free(fast);
		free(whole);
	}
	return 0;
}
