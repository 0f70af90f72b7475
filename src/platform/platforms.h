/*
 * platforms.h -- the adapters' ops tables, and the simulated platform
 * server that stands behind the demo adapter.
 */
#ifndef HEED_PLATFORMS_H
#define HEED_PLATFORMS_H

#include "platform.h"

extern const struct platform_ops demo_page_ops;
extern const struct platform_ops demo_social_ops;
extern const struct platform_ops bluesky_ops;
extern const struct platform_ops facebook_ops;
extern const struct platform_ops instagram_ops;
extern const struct platform_ops mastodon_ops;

/*
 * The built-in demo's accounts, for heed --demo to configure: the i-th
 * one's name, platform and handle (static strings) and its URL (a new
 * string the caller frees); 0, or -1 past the last.
 */
int	demo_account_at(size_t, const char **, const char **, const char **,
	    char **);

/*
 * The demo server: an in-process stand-in for a remote platform, holding
 * the demo inbox in memory. It answers the demo adapter's requests as a
 * real server would answer over HTTP, so that the whole path (outbox,
 * sync, adapter, store) runs in the demo exactly as with a real platform.
 * The URL scheme is "demo://"; nothing here touches the network.
 */
struct demo_server;

/* Whether the demo server, not the network, answers a URL. */
int			 demo_server_serves(const char *);

/* Create the server with its inbox laid out relative to now. */
struct demo_server	*demo_server_new(int64_t);
void			 demo_server_free(struct demo_server *);
/*
 * Answer one request at the wall-clock time now. *status gets the HTTP
 * status, *body a new string (the caller frees). Never fails: a bad
 * request gets a 4xx answer.
 */
void			 demo_server_handle(struct demo_server *,
			     const struct platform_request *, int64_t, long *,
			     char **);
/* Let the next comment held back for "live" arrival appear; 1 if one did. */
int			 demo_server_release(struct demo_server *, int64_t);

#endif
