/*
 * bluesky-private.h -- what the parts of the Bluesky adapter share, from
 * the top down (each file calls only those below it): bluesky.c (the ops
 * table, sessions), bluesky-write.c (replies, likes, deletes, record
 * keys, facets), bluesky-sync.c (the sync streams and threads),
 * bluesky-recheck.c (whether held posts still exist; views of quotes),
 * bluesky-view.c (a post view read into an item or a post),
 * bluesky-embed.c (what a post carries, in a line), bluesky-error.c (what
 * an error answer means) and bluesky-util.c (time, identifiers, JSON and
 * URLs).
 */
#ifndef HEED_BLUESKY_PRIVATE_H
#define HEED_BLUESKY_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "json.h"
#include "platform.h"
#include "util.h"

#define BLUESKY_MAX_RESPONSE	(8 * 1024 * 1024)
#define BLUESKY_MAX_ERROR_BODY	(64 * 1024)	/* error bodies parsed */
#define BLUESKY_MAX_URI		512
#define BLUESKY_MAX_CID		128
#define BLUESKY_MAX_DID		256
#define BLUESKY_MAX_HANDLE	253
#define BLUESKY_MAX_LANG	35
#define BLUESKY_MAX_CURSOR	512
#define BLUESKY_MAX_SERVICE	512
#define BLUESKY_MAX_CAUSE	200	/* columns of a server message */
#define BLUESKY_MAX_BYTES	3000	/* a post's text, in UTF-8 bytes */
#define BLUESKY_MAX_GRAPHEMES	300	/* ... and in graphemes */

#define BLUESKY_POST		"app.bsky.feed.post"
#define BLUESKY_LIKE		"app.bsky.feed.like"

#define BLUESKY_RECHECK_MAX	25	/* posts getPosts takes at once */

/* What an error answer says of a record asked for by its address. */
enum bluesky_record {
	BLUESKY_RECORD_OTHER,	/* not an answer about the record */
	BLUESKY_RECORD_GONE,	/* RecordNotFound: it is not there */
	BLUESKY_RECORD_NO_REPO	/* its account cannot be shown */
};

/* The three parts of an at:// URI, each a new string. */
struct bluesky_uri {
	char	*authority;	/* a DID (or a handle) */
	char	*collection;	/* an NSID */
	char	*rkey;		/* the record key */
};

/* A post as the API shows it, its members checked; all lent. */
struct bluesky_view {
	const char	*uri;
	const char	*cid;		/* NULL if missing or malformed */
	const char	*did;		/* the author's */
	const char	*handle;	/* NULL if missing or malformed */
	const json_t	*author;
	const json_t	*record;
	const char	*root_uri;	/* NULL: not a reply */
	const char	*root_cid;
	const char	*parent_uri;
	const char	*parent_cid;
	const char	*lang;		/* NULL if none */
	int64_t		 created;	/* seconds */
	const json_t	*embed;		/* the view of its embed */
	const char	*like;		/* the account's like of it */
	int		 liked;
	int64_t		 likes;		/* 0 when not known */
};

/* bluesky-util.c */
int	 bluesky_valid_uri(const char *);
int	 bluesky_split_uri(const char *, struct bluesky_uri *);
void	 bluesky_uri_clear(struct bluesky_uri *);
int	 bluesky_valid_cid(const char *);
int	 bluesky_valid_did(const char *);
int	 bluesky_valid_handle(const char *);
int	 bluesky_valid_lang(const char *);
int	 bluesky_valid_cursor(const char *);
const char *bluesky_str(const json_t *, const char *);
const char *bluesky_path(const json_t *, const char *, const char *);
char	*bluesky_permalink(const char *, const char *);
char	*bluesky_own_handle(const struct platform_account *);
char	*bluesky_base(const struct platform_account *, int);
int	 bluesky_start(const struct platform_account *, const char *,
	     const char *, const char *, struct platform_request *, char **);
json_t	*bluesky_load(const struct platform_response *, char **);
char	*bluesky_extra(const char *, const char *, const char *,
	     const char *, const char *, const char *, const char *);
int	 bluesky_own_record(const struct platform_account *, const char *,
	     const char *);
int	 bluesky_get_time(const json_t *, const char *, int64_t *);

/* bluesky-error.c */
enum platform_error bluesky_classify(const struct platform_response *,
	     char **);
int	 bluesky_fail_status(const struct platform_response *, char **);
enum bluesky_record bluesky_record_missing(const struct platform_response *);

/* bluesky-view.c */
int	 bluesky_view_read(const json_t *, const json_t *, const json_t *,
	     struct bluesky_view *);
void	 bluesky_view_viewer(const struct platform_account *, const json_t *,
	     struct bluesky_view *);
int	 bluesky_is_ours(const struct platform_account *, const char *);
int	 bluesky_reply_kind(const struct platform_account *,
	     const struct bluesky_view *);
int	 bluesky_thread_kind(const struct platform_account *,
	     const struct bluesky_view *);
int	 bluesky_mentions(const struct platform_account *, const json_t *);
int	 bluesky_quotes(const struct platform_account *, const json_t *);
void	 bluesky_view_item(const struct platform_account *,
	     const struct bluesky_view *, int, struct item *);
void	 bluesky_page_post(const struct platform_account *,
	     struct sync_page *, const struct bluesky_view *);
int	 bluesky_post_item(const struct platform_account *, const json_t *,
	     struct item *);

/* bluesky-sync.c */
int	 bluesky_sync_request(const struct platform_account *, const char *,
		    struct platform_request *, char **);
int	 bluesky_sync_parse(const struct platform_account *, const char *,
	     const struct platform_response *, struct sync_page *, char **);
int	 bluesky_fetch_request(const struct platform_account *, const char *,
	     struct platform_request *, char **);
int	 bluesky_fetch_parse(const struct platform_account *, const char *,
	     const struct platform_response *, struct sync_page *, char **);

/* bluesky-embed.c */
char	*bluesky_embed_line(const struct platform_account *, const json_t *,
	     const json_t *);

/* bluesky-recheck.c */
int	 bluesky_recheck_request(const struct platform_account *,
	     char *const *, size_t, struct platform_request *, char **);
int	 bluesky_recheck_parse(const struct platform_account *,
	     char *const *, size_t, const struct platform_response *,
	     struct sync_page *, char **);
void	 bluesky_quote_fetches(struct sync_page *, json_t *, int);
int	 bluesky_lookup_key(const char *);
int	 bluesky_lookup_request(const struct platform_account *,
	     const char *, struct platform_request *, char **);
int	 bluesky_lookup_parse(const struct platform_account *, const char *,
	     const struct platform_response *, struct sync_page *, char **);

/* bluesky-write.c */
int	 bluesky_action_request(const struct platform_account *,
	     const struct outbox_entry *, struct platform_request *, char **);
int	 bluesky_action_parse(const struct platform_account *,
	     const struct outbox_entry *, const struct platform_response *,
	     struct action_result *, char **);
int	 bluesky_reconcile_request(const struct platform_account *,
	     const struct outbox_entry *, struct platform_request *, char **);
int	 bluesky_reconcile_parse(const struct platform_account *,
	     const struct outbox_entry *, const struct platform_response *,
	     struct action_result *, char **);

#endif
