/*
 * mastodon-marker.c -- the read marker Mastodon keeps for the user's
 * notifications (/api/v1/markers, read:statuses to read it and
 * write:statuses to move it), which every app of the user shares: the id
 * of the last notification read. An item brought by a notification
 * carries that notification's id as its mark (mastodon-sync.c).
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "platform/mastodon-private.h"
#include "util.h"

/* Build the request that reads the marker (mark NULL) or moves it. */
int
mastodon_marker_request(const struct platform_account *pa, const char *mark,
    struct platform_request *req, char **cause)
{
	json_t	*last;

	if (mark == NULL)
		return mastodon_start(pa, "GET", "/api/v1/markers",
		    "?timeline[]=notifications", req, cause);
	if (!mastodon_valid_id(mark))
		return util_fail(cause, "Mastodon: not a notification's id");
	if (mastodon_start(pa, "POST", "/api/v1/markers", NULL, req,
	    cause) != 0)
		return -1;
	last = json_pack("{s:s}", "last_read_id", mark);
	platform_request_json(req, json_pack("{s:o}", "notifications", last));
	return 0;
}

/*
 * Read either answer: the notifications' marker in *mark (a new string;
 * NULL when the user has none yet). An error, or an answer that is no
 * marker, is a failure with the server's words.
 */
int
mastodon_marker_parse(const struct platform_account *pa,
    const struct platform_response *res, char **mark, char **cause)
{
	const json_t	*m;
	json_t		*doc;
	const char	*id;

	(void)pa;
	*mark = NULL;
	if (res == NULL || res->status < 200 || res->status > 299)
		return mastodon_fail_status(res, cause);
	if ((doc = mastodon_load(res, cause)) == NULL)
		return -1;
	m = json_object_get(doc, "notifications");
	if (m != NULL && !json_is_null(m)) {
		if ((id = mastodon_id(m, "last_read_id")) == NULL) {
			jdoc_free(doc);
			return util_fail(cause, "Mastodon: the read marker "
			    "names no notification");
		}
		*mark = xstrdup(id);
	}
	jdoc_free(doc);
	return 0;
}
