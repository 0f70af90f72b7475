/*
 * mastodon-private.h -- what the parts of the Mastodon adapter share, from
 * the top down (each file calls only those below it): mastodon.c (the ops
 * table, the session read from verify_credentials), mastodon-doctor.c
 * (heed doctor's checks), mastodon-login.c (registering the app, the
 * authorization, revoking at logout), mastodon-oauth.c (what login and
 * doctor share: forms, scopes, PKCE, OAuth errors), mastodon-write.c
 * (replies, favourites, deletes, moderation, reconcile),
 * mastodon-sync.c (the streams, threads and rechecks), mastodon-status.c
 * (a status read into an item or a post), mastodon-error.c (what an error
 * answer means) and mastodon-util.c (identifiers, time, JSON, URLs).
 *
 * Mastodon speaks REST with JSON answers. Identifiers are opaque strings
 * (never numbers: they are compared by length, then byte by byte), the
 * content of a status is sanitized HTML, and an OAuth token with no
 * expiry is the one secret kept.
 */
#ifndef HEED_MASTODON_PRIVATE_H
#define HEED_MASTODON_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "json.h"
#include "platform.h"
#include "util.h"

#define MASTODON_MAX_RESPONSE	(8 * 1024 * 1024)
#define MASTODON_MAX_ERROR_BODY	(64 * 1024)	/* error bodies parsed */
#define MASTODON_MAX_ID		64	/* bytes of an identifier */
#define MASTODON_MAX_ACCT	320	/* user@domain */
#define MASTODON_MAX_TOKEN	(4 * 1024)
#define MASTODON_MAX_URL	2048
#define MASTODON_MAX_LANG	35
#define MASTODON_MAX_CAUSE	200	/* columns of a server message */
#define MASTODON_MAX_CW		1024	/* bytes of a content warning */
#define MASTODON_MAX_MENTIONS	50	/* accounts a reply names */
#define MASTODON_CHARACTERS	500	/* the default limit of a status */
#define MASTODON_RECHECK_MAX	20	/* statuses GET /api/v1/statuses takes */

/* A status as the API shows it, its members checked; all lent. */
struct mastodon_status {
	const json_t	*json;
	const char	*id;
	const char	*account_id;
	const char	*acct;		/* the author's user or user@domain */
	const char	*display_name;	/* NULL if empty */
	const char	*url;		/* web address; NULL if not https */
	const char	*reply_to;	/* in_reply_to_id; NULL: top level */
	const char	*reply_to_account;
	const char	*visibility;	/* public|unlisted|private|direct */
	const char	*spoiler;	/* the content warning; NULL if none */
	const char	*lang;		/* NULL if none */
	int64_t		 created;	/* seconds */
	int64_t		 edited;	/* seconds; 0 if never */
	int		 favourited;
	int64_t		 favourites;
};

/* mastodon-util.c */
int	 mastodon_valid_id(const char *);
int	 mastodon_id_cmp(const char *, const char *);
int	 mastodon_valid_acct(const char *);
int	 mastodon_valid_url(const char *);
int	 mastodon_valid_token(const char *);
int	 mastodon_valid_lang(const char *);
const char *mastodon_id(const json_t *, const char *);
char	*mastodon_base(const struct platform_account *);
const char *mastodon_token(const struct platform_account *);
int	 mastodon_start(const struct platform_account *, const char *,
	     const char *, const char *, struct platform_request *, char **);
json_t	*mastodon_load(const struct platform_response *, char **);
json_t	*mastodon_load_array(const struct platform_response *, char **);
int	 mastodon_get_time(const json_t *, const char *, int64_t *);
char	*mastodon_link(const struct platform_response *, const char *,
	     const char *);

/* mastodon-error.c */
enum platform_error mastodon_classify(const struct platform_response *,
	     char **);
int	 mastodon_fail_status(const struct platform_response *, char **);

/* mastodon-status.c */
int	 mastodon_status_read(const json_t *, struct mastodon_status *);
int	 mastodon_is_ours(const struct platform_account *,
	     const struct mastodon_status *);
int	 mastodon_mentions_us(const struct platform_account *,
	     const struct mastodon_status *);
char	*mastodon_status_text(const struct mastodon_status *);
int	 mastodon_thread_kind(const struct platform_account *,
	     const struct mastodon_status *, const char *, int);
void	 mastodon_status_item(const struct platform_account *,
	     const struct mastodon_status *, const char *, int, int,
	     struct item *);
void	 mastodon_page_post(const struct platform_account *,
	     struct sync_page *, const struct mastodon_status *);

/* mastodon-sync.c */
int	 mastodon_sync_request(const struct platform_account *, const char *,
	     struct platform_request *, char **);
int	 mastodon_sync_parse(const struct platform_account *, const char *,
	     const struct platform_response *, struct sync_page *, char **);
int	 mastodon_fetch_request(const struct platform_account *, const char *,
	     struct platform_request *, char **);
int	 mastodon_fetch_parse(const struct platform_account *, const char *,
	     const struct platform_response *, struct sync_page *, char **);
int	 mastodon_recheck_request(const struct platform_account *,
	     char *const *, size_t, struct platform_request *, char **);
int	 mastodon_recheck_parse(const struct platform_account *,
	     char *const *, size_t, const struct platform_response *,
	     struct sync_page *, char **);

/* mastodon-marker.c */
int	 mastodon_marker_request(const struct platform_account *,
	     const char *, struct platform_request *, char **);
int	 mastodon_marker_parse(const struct platform_account *,
	     const struct platform_response *, char **, char **);

/* mastodon-write.c */
int	 mastodon_action_request(const struct platform_account *,
	     const struct outbox_entry *, struct platform_request *, char **);
int	 mastodon_action_parse(const struct platform_account *,
	     const struct outbox_entry *, const struct platform_response *,
	     struct action_result *, char **);
int	 mastodon_reconcile_request(const struct platform_account *,
	     const struct outbox_entry *, struct platform_request *, char **);
int	 mastodon_reconcile_parse(const struct platform_account *,
	     const struct outbox_entry *, const struct platform_response *,
	     struct action_result *, char **);

/* What an item's extra data says of it, for an action on it; lent. */
struct mastodon_target {
	json_t		*doc;
	const char	*visibility;
	const char	*spoiler;
	const char	*acct;
	const char	*aid;		/* the author's account id */
	const char	*lang;
	const char	*root;
	const json_t	*mentions;
};
int	 mastodon_target_read(const char *, struct mastodon_target *);
void	 mastodon_target_clear(struct mastodon_target *);

/*
 * heed login, heed logout and heed doctor: mastodon-login.c (the login's
 * conversation, and revoking a token) and mastodon-doctor.c (the checks
 * of a kept token) share the pieces of OAuth in mastodon-oauth.c, which
 * calls only the files below it.
 */
#define MASTODON_OOB		"urn:ietf:wg:oauth:2.0:oob"
/*
 * The loopback redirect as registered: the instance takes it with any
 * port (RFC 8252, section 7.3); heed's is chosen by the kernel when the
 * login starts.
 */
#define MASTODON_LOOPBACK	"http://127.0.0.1/callback"
#define MASTODON_CALLBACK	"/callback"
#define MASTODON_REDIRECTS	MASTODON_OOB " " MASTODON_LOOPBACK
#define MASTODON_MAX_CODE	512		/* bytes of a code */
#define MASTODON_MAX_SCOPES	500		/* scopes read from a list */

/* A permission heed asks for, what for, and whether heed needs it. */
struct mastodon_scope {
	const char	*name;
	const char	*why;
	int		 required;
};
extern const struct mastodon_scope mastodon_scopes[];
extern const size_t mastodon_nscopes;

/* The app heed registered on an instance, as the cache keeps it. */
struct mastodon_app {
	char	*client_id;
	char	*client_secret;		/* a secret */
	char	*scopes;		/* space-separated, as registered */
};

/* mastodon-oauth.c */
void	 mastodon_form(const char *, const char *, const struct buf *,
	     struct platform_request *);
int	 mastodon_valid_value(const char *, size_t);
void	 mastodon_oauth_error(const struct platform_response *, char **,
	     char **);
int	 mastodon_listed(const json_t *, const char *);
int	 mastodon_has_scope(const char *, const char *);
void	 mastodon_app_clear(struct mastodon_app *);
char	*mastodon_pkce_challenge(const char *, char **);
char	*mastodon_query_get(const char *, const char *);
int	 mastodon_handle_is(const struct platform_account *, const char *);
int	 mastodon_whose_request(const struct platform_account *, const char *,
	     struct platform_request *, char **);
char	*mastodon_whose_parse(const struct platform_response *, char **);

/* mastodon-login.c */
int	 mastodon_login(const struct platform_account *,
	     const struct platform_link *, size_t, const struct platform_host *,
	     struct platform_login *, char **);
int	 mastodon_logout(const struct platform_account *,
	     const struct platform_host *, char **);

/* mastodon-doctor.c */
void	 mastodon_check(const struct platform_account *,
	     const struct platform_checker *);

#endif
