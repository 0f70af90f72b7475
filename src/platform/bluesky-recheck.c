/*
 * bluesky-recheck.c -- asking Bluesky about posts heed already holds:
 * whether the comments that still wait for the shop were deleted, and the
 * views of new quotes (which notifications give without the quoted post).
 *
 * Bluesky says nothing when someone deletes a post. getPosts, asked about
 * up to 25 posts, leaves out a deleted one; but it leaves out just the
 * same a post whose author blocked the shop or was blocked by it, and one
 * whose account is deactivated, suspended or taken down (the reference
 * AppView's getPosts: noBlocks, then views.post, which has no view for an
 * author it cannot show). A missing post is therefore only a suspect.
 * Its author is then looked up with getProfiles, which lists a blocked
 * account (with viewer.blocking or viewer.blockedBy) and leaves out one
 * that is not active: only a suspect whose author is listed, active and
 * unblocked was deleted (or taken down by Bluesky on its own).
 *
 * A single post is asked about with com.atproto.repo.getRecord instead,
 * which decides at once: RecordNotFound when the record is not there,
 * "Could not find repo" when its account cannot be shown, and the record
 * (blocks do not matter to it) otherwise. That is what the check before a
 * reply needs: one answer, before the reply goes.
 *
 * An answer that cannot be read whole, or that lists a post not asked
 * about or one twice, is an error: nothing is marked deleted from it.
 *
 * Follow-up requests travel as fetch keys: "check:" and "posts:" with
 * the posts' addresses after them, separated by spaces.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "platform/bluesky-private.h"
#include "util.h"

#define BLUESKY_KEY_CHECK	"check:"
#define BLUESKY_QUOTES_BYTES	2048	/* of quotes a cursor carries */
#define BLUESKY_KEY_POSTS	"posts:"

/* The posts a request asks about: valid addresses of posts, each once. */
struct bluesky_asked {
	char	*uris[BLUESKY_RECHECK_MAX];
	int	 seen[BLUESKY_RECHECK_MAX];	/* listed in the answer */
	size_t	 n;
};

/* Free the addresses of an asked list. */
static void
bluesky_asked_clear(struct bluesky_asked *a)
{
	size_t	i;

	for (i = 0; i < a->n; i++)
		free(a->uris[i]);
	memset(a, 0, sizeof *a);
}

/* Return the index of uri in the asked list, or -1. */
static int
bluesky_asked_find(const struct bluesky_asked *a, const char *uri)
{
	size_t	i;

	for (i = 0; uri != NULL && i < a->n; i++) {
		if (strcmp(a->uris[i], uri) == 0)
			return (int)i;
	}
	return -1;
}

/* Return 1 if uri is the address of a post. */
static int
bluesky_is_post(const char *uri)
{
	struct bluesky_uri	u;
	int			post;

	if (bluesky_split_uri(uri, &u) != 0)
		return 0;
	post = strcmp(u.collection, BLUESKY_POST) == 0;
	bluesky_uri_clear(&u);
	return post;
}

/* Add uri to the list if it names a post and is not there yet. */
static void
bluesky_asked_add(struct bluesky_asked *a, const char *uri)
{
	if (bluesky_is_post(uri) && a->n < BLUESKY_RECHECK_MAX &&
	    bluesky_asked_find(a, uri) < 0)
		a->uris[a->n++] = xstrdup(uri);
}

/*
 * Read the ids the engine asks about into a list. More than Bluesky
 * takes at once is a mistake said plainly; ids that are not posts'
 * addresses are left out (nothing is said of them either way).
 */
static int
bluesky_asked_ids(char *const *ids, size_t n, struct bluesky_asked *a,
    char **cause)
{
	size_t	i;

	memset(a, 0, sizeof *a);
	if (n > BLUESKY_RECHECK_MAX)
		return util_fail(cause, "Bluesky: %zu posts asked about at "
		    "once; Bluesky takes at most %d", n, BLUESKY_RECHECK_MAX);
	for (i = 0; i < n; i++)
		bluesky_asked_add(a, ids[i]);
	if (a->n == 0)
		return util_fail(cause, "Bluesky: nothing to ask about: no "
		    "post's address among %zu", n);
	return 0;
}

/* Read the addresses after a fetch key's prefix into a list. */
static int
bluesky_asked_key(const char *key, size_t skip, struct bluesky_asked *a,
    char **cause)
{
	const char	*p = key + skip, *end;
	char		*uri;
	size_t		 count = 0;

	memset(a, 0, sizeof *a);
	while (*p != '\0') {
		if ((end = strchr(p, ' ')) == NULL)
			end = p + strlen(p);
		uri = xstrndup(p, end - p);
		if (++count > BLUESKY_RECHECK_MAX || !bluesky_valid_uri(uri)) {
			free(uri);
			bluesky_asked_clear(a);
			return util_fail(cause, "Bluesky: not a list of posts");
		}
		bluesky_asked_add(a, uri);
		free(uri);
		p = *end == ' ' ? end + 1 : end;
	}
	if (a->n == 0)
		return util_fail(cause, "Bluesky: not a list of posts");
	return 0;
}

/* Return a fetch key: prefix, then the addresses separated by spaces. */
static char *
bluesky_key(const char *prefix, char *const *uris, size_t n)
{
	struct buf	b;
	size_t		i;

	buf_init(&b, 0);
	buf_addstr(&b, prefix);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_addch(&b, ' ');
		buf_addstr(&b, uris[i]);
	}
	return buf_steal(&b);
}

/* Add a key to the page's fetches. */
static void
bluesky_fetch_key(struct sync_page *page, char *key)
{
	page->fetch = xreallocarray(page->fetch, page->nfetch + 1,
	    sizeof *page->fetch);
	page->fetch[page->nfetch++] = key;
}

/* Build a getPosts request for the listed posts. */
static int
bluesky_get_posts(const struct platform_account *pa,
    const struct bluesky_asked *a, struct platform_request *req,
    char **cause)
{
	struct buf	q;
	size_t		i;
	int		rc;

	buf_init(&q, 0);
	for (i = 0; i < a->n; i++)
		util_query(&q, "uris", a->uris[i]);
	rc = bluesky_start(pa, "GET", "app.bsky.feed.getPosts", q.data, req,
	    cause);
	buf_free(&q);
	return rc;
}

/* Build a getRecord request for one post. */
static int
bluesky_get_record(const struct platform_account *pa, const char *uri,
    struct platform_request *req, char **cause)
{
	struct bluesky_uri	u;
	struct buf		q;
	int			rc;

	if (bluesky_split_uri(uri, &u) != 0)
		return util_fail(cause, "Bluesky: not a post's address");
	buf_init(&q, 0);
	util_query(&q, "repo", u.authority);
	util_query(&q, "collection", u.collection);
	util_query(&q, "rkey", u.rkey);
	rc = bluesky_start(pa, "GET", "com.atproto.repo.getRecord", q.data,
	    req, cause);
	buf_free(&q);
	bluesky_uri_clear(&u);
	return rc;
}

/* Build the request that asks whether posts heed holds still exist. */
int
bluesky_recheck_request(const struct platform_account *pa, char *const *ids,
    size_t n, struct platform_request *req, char **cause)
{
	struct bluesky_asked	a;
	int			rc;

	if (bluesky_asked_ids(ids, n, &a, cause) != 0)
		return -1;
	if (a.n == 1)
		rc = bluesky_get_record(pa, a.uris[0], req, cause);
	else
		rc = bluesky_get_posts(pa, &a, req, cause);
	bluesky_asked_clear(&a);
	return rc;
}

/*
 * Read a getPosts answer against what was asked: every post it lists is
 * marked seen, and those whose views can be read are added to the page as
 * items, up to date. 0, or -1 when the answer is not one to trust whole.
 */
static int
bluesky_posts_read(const struct platform_account *pa,
    const struct platform_response *res, struct bluesky_asked *a,
    struct sync_page *page, char **cause)
{
	const json_t	*posts, *p;
	const char	*why = NULL;
	json_t		*doc;
	struct item	 it;
	size_t		 i;
	int		 k;

	if (res == NULL || res->status < 200 || res->status > 299)
		return bluesky_fail_status(res, cause);
	if ((doc = bluesky_load(res, cause)) == NULL)
		return -1;
	if (!json_is_array(posts = json_object_get(doc, "posts")))
		why = "no posts";
	json_array_foreach(posts, i, p) {
		if (!json_is_object(p) ||
		    !bluesky_valid_uri(bluesky_str(p, "uri")))
			why = "a post without its address";
		else if ((k = bluesky_asked_find(a, bluesky_str(p,
		    "uri"))) < 0)
			why = "a post it was not asked about";
		else if (a->seen[k])
			why = "the same post twice";
		else {
			a->seen[k] = 1;
			if (bluesky_post_item(pa, p, &it) == 0)
				*item_list_add(&page->items) = it;
			continue;
		}
		break;
	}
	jdoc_free(doc);
	if (why != NULL) {
		item_list_free(&page->items);
		return util_fail(cause, "Bluesky: malformed answer about "
		    "posts: %s", why);
	}
	return 0;
}

/*
 * Read a getRecord answer about one post: 0 with the post in page->gone
 * when the record is not there, 0 alone when it is (or when its account
 * cannot be shown: deactivated, suspended or taken down, which may pass),
 * -1 on any other answer.
 */
static int
bluesky_record_read(const char *uri, const struct platform_response *res,
    struct sync_page *page, char **cause)
{
	const char	*got;
	json_t		*doc;
	int		 rc = 0;

	if (res == NULL)
		return util_fail(cause, "Bluesky: no answer");
	switch (bluesky_record_missing(res)) {
	case BLUESKY_RECORD_GONE:
		page->gone = xreallocarray(NULL, 1, sizeof *page->gone);
		page->gone[0] = xstrdup(uri);
		page->ngone = 1;
		return 0;
	case BLUESKY_RECORD_NO_REPO:
		return 0;
	default:
		break;
	}
	if (res->status < 200 || res->status > 299)
		return bluesky_fail_status(res, cause);
	if ((doc = bluesky_load(res, cause)) == NULL)
		return -1;
	got = bluesky_str(doc, "uri");
	if (got == NULL || strcmp(got, uri) != 0 ||
	    !bluesky_valid_cid(bluesky_str(doc, "cid")) ||
	    !json_is_object(json_object_get(doc, "value")))
		rc = util_fail(cause, "Bluesky: malformed answer about a "
		    "post: not its record");
	jdoc_free(doc);
	return rc;
}

/* Return 1 if a post's address names its author by a DID. */
static int
bluesky_by_did(const char *uri)
{
	struct bluesky_uri	u;
	int			did;

	if (bluesky_split_uri(uri, &u) != 0)
		return 0;
	did = bluesky_valid_did(u.authority);
	bluesky_uri_clear(&u);
	return did;
}

/*
 * Read the answer about posts heed holds: those it shows are up to date
 * in page->items; a post it leaves out is a suspect, whose author is
 * looked up next (a "check:" fetch), or, asked about alone, is decided
 * here (getRecord). Nothing is marked from an answer that is not whole.
 */
int
bluesky_recheck_parse(const struct platform_account *pa, char *const *ids,
    size_t n, const struct platform_response *res, struct sync_page *page,
    char **cause)
{
	struct bluesky_asked	 a;
	char			*suspects[BLUESKY_RECHECK_MAX];
	size_t			 i, ns = 0;
	int			 rc;

	if (bluesky_asked_ids(ids, n, &a, cause) != 0)
		return -1;
	if (a.n == 1)
		rc = bluesky_record_read(a.uris[0], res, page, cause);
	else if ((rc = bluesky_posts_read(pa, res, &a, page, cause)) == 0) {
		/* Only an author named by a DID can be looked up. */
		for (i = 0; i < a.n; i++) {
			if (!a.seen[i] && bluesky_by_did(a.uris[i]))
				suspects[ns++] = a.uris[i];
		}
		if (ns > 0)
			bluesky_fetch_key(page, bluesky_key(BLUESKY_KEY_CHECK,
			    suspects, ns));
	}
	page->more = 0;
	bluesky_asked_clear(&a);
	return rc;
}

/*
 * Name a fetch of the views of the first n quotes of a list; drop them.
 * A quote that is not a post (another collection) cannot be asked about.
 */
static void
bluesky_quote_key(struct sync_page *page, json_t *pending, size_t n)
{
	char		*uris[BLUESKY_RECHECK_MAX] = { NULL }, *uri;
	size_t		 i, posts = 0;

	if (n > BLUESKY_RECHECK_MAX)
		n = BLUESKY_RECHECK_MAX;
	for (i = 0; i < n; i++) {
		uri = (char *)json_string_value(json_array_get(pending, i));
		if (bluesky_is_post(uri))
			uris[posts++] = uri;
	}
	if (posts > 0)
		bluesky_fetch_key(page, bluesky_key(BLUESKY_KEY_POSTS, uris,
		    posts));
	for (i = 0; i < n; i++)
		json_array_remove(pending, 0);
}

/*
 * Gather the new quotes of a page (items that quote and stand alone: a
 * notification carries only the quoted post's address) into pending, and
 * name the fetches of their views that are due: 25 to a key, or fewer
 * when the addresses grow long (pending travels in the stream's cursor),
 * and whatever is left when the run ends (last).
 */
void
bluesky_quote_fetches(struct sync_page *page, json_t *pending, int last)
{
	const struct item	*it;
	const json_t		*v;
	size_t			 i, k, bytes;

	for (i = 0; i < page->items.n; i++) {
		it = &page->items.v[i];
		if (it->kind != ITEM_QUOTE || it->parent_remote_id != NULL ||
		    strcmp(it->remote_id, it->post_remote_id) != 0)
			continue;
		json_array_foreach(pending, k, v) {
			if (strcmp(json_string_value(v), it->remote_id) == 0)
				break;
		}
		if (k == json_array_size(pending))
			json_array_append_new(pending,
			    json_string(it->remote_id));
	}
	for (;;) {
		bytes = 0;
		json_array_foreach(pending, k, v) {
			bytes += strlen(json_string_value(v)) + 1;
			if (k + 1 == BLUESKY_RECHECK_MAX ||
			    bytes > BLUESKY_QUOTES_BYTES)
				break;
		}
		if (k == json_array_size(pending))
			break;
		bluesky_quote_key(page, pending, k + 1);
	}
	if (last && json_array_size(pending) > 0)
		bluesky_quote_key(page, pending, json_array_size(pending));
}

/* Return 1 if a fetch key is one of this file's, not a thread's. */
int
bluesky_lookup_key(const char *key)
{
	return key != NULL && (strncmp(key, BLUESKY_KEY_CHECK,
	    strlen(BLUESKY_KEY_CHECK)) == 0 || strncmp(key, BLUESKY_KEY_POSTS,
	    strlen(BLUESKY_KEY_POSTS)) == 0);
}

/* Build a getProfiles request for the authors of the listed posts. */
static int
bluesky_get_profiles(const struct platform_account *pa,
    const struct bluesky_asked *a, struct platform_request *req,
    char **cause)
{
	struct bluesky_uri	u;
	struct buf		q;
	char			*dids[BLUESKY_RECHECK_MAX];
	size_t			i, j, n = 0;
	int			rc;

	for (i = 0; i < a->n; i++) {
		if (bluesky_split_uri(a->uris[i], &u) != 0)
			continue;
		for (j = 0; j < n && strcmp(dids[j], u.authority) != 0; j++)
			;
		if (j == n && bluesky_valid_did(u.authority)) {
			dids[n++] = u.authority;
			u.authority = NULL;
		}
		bluesky_uri_clear(&u);
	}
	if (n == 0)
		return util_fail(cause, "Bluesky: no author to look up");
	buf_init(&q, 0);
	for (i = 0; i < n; i++)
		util_query(&q, "actors", dids[i]);
	rc = bluesky_start(pa, "GET", "app.bsky.actor.getProfiles", q.data,
	    req, cause);
	buf_free(&q);
	for (i = 0; i < n; i++)
		free(dids[i]);
	return rc;
}

/* Build the request of a lookup key: a check's profiles, or posts. */
int
bluesky_lookup_request(const struct platform_account *pa, const char *key,
    struct platform_request *req, char **cause)
{
	struct bluesky_asked	a;
	int			check, rc;

	if (!bluesky_lookup_key(key))
		return util_fail(cause, "Bluesky: not a lookup");
	check = strncmp(key, BLUESKY_KEY_CHECK, strlen(BLUESKY_KEY_CHECK)) == 0;
	if (bluesky_asked_key(key, strlen(check ? BLUESKY_KEY_CHECK :
	    BLUESKY_KEY_POSTS), &a, cause) != 0)
		return -1;
	rc = check ? bluesky_get_profiles(pa, &a, req, cause) :
	    bluesky_get_posts(pa, &a, req, cause);
	bluesky_asked_clear(&a);
	return rc;
}

/*
 * Return 1 if a profile shows an account the shop can see and that no
 * block stands between: listed with a viewer that says blockedBy false
 * and names no block of the shop's (blocking, blockingByList).
 */
static int
bluesky_profile_open(const json_t *profile)
{
	const json_t	*viewer = json_object_get(profile, "viewer");
	const json_t	*blocking = json_object_get(viewer, "blocking");
	const json_t	*list = json_object_get(viewer, "blockingByList");

	return json_is_object(viewer) &&
	    json_is_false(json_object_get(viewer, "blockedBy")) &&
	    (blocking == NULL || json_is_null(blocking)) &&
	    (list == NULL || json_is_null(list));
}

/* Return the DID that authors a post's address (a new string), or NULL. */
static char *
bluesky_author_of(const char *uri)
{
	struct bluesky_uri	 u;
	char			*did;

	if (bluesky_split_uri(uri, &u) != 0)
		return NULL;
	did = u.authority;
	u.authority = NULL;
	bluesky_uri_clear(&u);
	return did;
}

/*
 * Decide the suspects of a check from their authors' profiles: gone when
 * the author is listed and open (so the post alone is missing). An answer
 * with an entry that is not a profile, or a profile twice, or one not
 * asked about, decides nothing.
 */
static int
bluesky_check_read(const struct bluesky_asked *a,
    const struct platform_response *res, struct sync_page *page,
    char **cause)
{
	const json_t	*profiles, *p;
	const char	*did, *why = NULL;
	json_t		*doc, *open;
	char		*author;
	size_t		 i;

	if (res == NULL || res->status < 200 || res->status > 299)
		return bluesky_fail_status(res, cause);
	if ((doc = bluesky_load(res, cause)) == NULL)
		return -1;
	open = json_object();
	if (!json_is_array(profiles = json_object_get(doc, "profiles")))
		why = "no profiles";
	json_array_foreach(profiles, i, p) {
		did = bluesky_str(p, "did");
		if (!json_is_object(p) || !bluesky_valid_did(did))
			why = "a profile without its DID";
		else if (json_object_get(open, did) != NULL)
			why = "the same profile twice";
		else {
			json_object_set_new(open, did,
			    json_boolean(bluesky_profile_open(p)));
			continue;
		}
		break;
	}
	for (i = 0; why == NULL && i < a->n; i++) {
		author = bluesky_author_of(a->uris[i]);
		if (author != NULL && json_is_true(json_object_get(open,
		    author))) {
			page->gone = xreallocarray(page->gone, page->ngone + 1,
			    sizeof *page->gone);
			page->gone[page->ngone++] = xstrdup(a->uris[i]);
		}
		free(author);
	}
	json_decref(open);
	jdoc_free(doc);
	if (why != NULL)
		return util_fail(cause, "Bluesky: malformed answer about "
		    "accounts: %s", why);
	return 0;
}

/* Parse the answer to a lookup key into page. */
int
bluesky_lookup_parse(const struct platform_account *pa, const char *key,
    const struct platform_response *res, struct sync_page *page,
    char **cause)
{
	struct bluesky_asked	a;
	int			check, rc;

	if (!bluesky_lookup_key(key))
		return util_fail(cause, "Bluesky: not a lookup");
	check = strncmp(key, BLUESKY_KEY_CHECK, strlen(BLUESKY_KEY_CHECK)) == 0;
	if (bluesky_asked_key(key, strlen(check ? BLUESKY_KEY_CHECK :
	    BLUESKY_KEY_POSTS), &a, cause) != 0)
		return -1;
	if (check)
		rc = bluesky_check_read(&a, res, page, cause);
	else
		rc = bluesky_posts_read(pa, res, &a, page, cause);
	page->more = 0;
	bluesky_asked_clear(&a);
	return rc;
}
