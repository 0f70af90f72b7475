/*
 * fuzz-filter.c -- the queue's filter expressions (the \ key: author:,
 * lang:, platform:, account:, kind:, older:, newer: and words) and the
 * search (the / key), against a real cache of a few items. The input is
 * what the user types, as the prompt keeps it (edit.c: valid UTF-8, no
 * controls). An expression refused must say why in one line; one taken
 * must run in every view, and so must the search.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "edit.h"
#include "filter.h"
#include "fuzz.h"
#include "store.h"
#include "text.h"
#include "util.h"

static struct store	*fuzz_store;
static char		 fuzz_dir[] = "/tmp/heed-fuzz-filter.XXXXXX";
static char		*fuzz_path;

/* Add an item of the seed cache. */
static void
fuzz_seed_item(struct item_list *l, int64_t account, const char *id,
    const char *author, const char *text, const char *lang, int kind)
{
	struct item	*it = item_list_add(l);

	it->account_id = account;
	it->remote_id = xstrdup(id);
	it->post_remote_id = xstrdup("p1");
	it->author_name = xstrdup(author);
	it->author_handle = xprintf("@%s", author);
	it->text = xstrdup(text);
	it->lang = lang != NULL ? xstrdup(lang) : NULL;
	it->created = 1795400000 - 3600 * (int64_t)l->n;
	it->kind = kind;
}

/* Remove the cache when the fuzzer stops. */
static void
fuzz_cleanup(void)
{
	char	*p;

	store_close(fuzz_store);
	p = xprintf("%s-wal", fuzz_path);
	unlink(p);
	free(p);
	p = xprintf("%s-shm", fuzz_path);
	unlink(p);
	free(p);
	unlink(fuzz_path);
	rmdir(fuzz_dir);
	free(fuzz_path);
}

/* Make the cache: two accounts, a post and a few items. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct item_list	 l;
	struct post		 p;
	int64_t			 a, b;
	char			*cause = NULL;

	(void)argc;
	(void)argv;
	if (mkdtemp(fuzz_dir) == NULL)
		fuzz_fail("cannot make %s", fuzz_dir);
	fuzz_path = xprintf("%s/cache.db", fuzz_dir);
	if ((fuzz_store = store_open(fuzz_path, 0, &cause)) == NULL ||
	    store_account_ensure(fuzz_store, "shop", "bluesky",
	    "acmeshop.test", "https://bsky.social", &a, &cause) != 0 ||
	    store_account_ensure(fuzz_store, "cafe", "facebook", "Cafe",
	    "https://graph.facebook.com", &b, &cause) != 0)
		fuzz_fail("cannot make the cache: %s", cause);
	atexit(fuzz_cleanup);
	memset(&l, 0, sizeof l);
	memset(&p, 0, sizeof p);
	p.account_id = a;
	p.remote_id = (char *)"p1";
	p.text = (char *)"New teapots in the shop";
	p.created = 1795300000;
	fuzz_seed_item(&l, a, "i1", "marloes", "Is the Maas teapot still "
	    "available?", "en", ITEM_COMMENT);
	fuzz_seed_item(&l, a, "i2", "kato", "Prachtig! Hoeveel kost het?",
	    "nl", ITEM_REPLY);
	fuzz_seed_item(&l, a, "i3", "yuki", "\xe6\x9d\xb1\xe4\xba\xac\xe3"
	    "\x81\xab\xe9\x80\x81\xe3\x82\x8c\xe3\x81\xbe\xe3\x81\x99\xe3\x81"
	    "\x8b", "ja", ITEM_MENTION);
	fuzz_seed_item(&l, a, "i4", "amir", "\xd9\x85\xd8\xb1\xd8\xad\xd8"
	    "\xa8\xd8\xa7 caf\xc3\xa9", NULL, ITEM_QUOTE);
	if (store_ingest(fuzz_store, a, &p, 1, &l, NULL, 0, "notifications",
	    NULL, NULL, &cause) != 0)
		fuzz_fail("cannot fill the cache: %s", cause);
	item_list_free(&l);
	return 0;
}

/* Type one filter into the prompt, apply it and search with it. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct store_filter	 f;
	struct item_list	 l;
	struct edit		 e;
	char			*cause = NULL;
	size_t			 off = 0;
	uint32_t		 cp;
	int			 v;

	/* What the prompt holds after the input is typed into it. */
	edit_init(&e, 0);
	while (off < size) {
		off += text_decode((const char *)data + off, size - off, &cp);
		edit_insert(&e, cp);
	}
	memset(&l, 0, sizeof l);
	if (filter_parse(fuzz_store, e.text, &f, &cause) != 0) {
		if (cause == NULL)
			fuzz_fail("a filter refused without saying why");
		fuzz_check("filter cause", cause, FUZZ_LINE);
		free(cause);
		cause = NULL;
	} else {
		for (v = 0; v < VIEW_COUNT; v++) {
			if (store_queue_page(fuzz_store, (enum store_view)v, &f,
			    NULL, 1, 20, &l, &cause) != 0)
				fuzz_fail("a filter taken fails in view %d: %s",
				    v, cause);
		}
		filter_clear(&f);
	}
	if (store_search(fuzz_store, e.text, 20, &l, &cause) != 0)
		fuzz_fail("a search fails: %s", cause);
	item_list_free(&l);
	edit_free(&e);
	return 0;
}
