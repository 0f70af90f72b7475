/*
 * platform.h -- the one interface every platform adapter implements.
 *
 * Adapters do no I/O. They turn a sync step or an outbox entry into a
 * request description, and a response body into model structs. sync runs
 * the requests; the store keeps the results. Each adapter is a table of
 * function pointers chosen by name (platform_find).
 */
#ifndef HEED_PLATFORM_H
#define HEED_PLATFORM_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "transport.h"

struct json_t;

#define PLATFORM_CAN_LIKE		0x01
#define PLATFORM_CAN_HIDE		0x02
#define PLATFORM_CAN_DELETE		0x04
#define PLATFORM_CAN_PRIVATE_REPLY	0x08
#define PLATFORM_CAN_UNLIKE		0x10
#define PLATFORM_DELETE_OWN_ONLY	0x20	/* only the business's own */
/*
 * Nothing makes a repeated write fail (no idempotency key, no client-chosen
 * record key): before an entry is sent again after an attempt whose outcome
 * is unknown, reconcile_request asks whether the first attempt landed.
 */
#define PLATFORM_NO_IDEMPOTENCY		0x40
/*
 * A mention (a post the business is tagged in, on someone else's account)
 * cannot be answered through the API: it is read and triaged only.
 */
#define PLATFORM_NO_MENTION_REPLY	0x80
/*
 * Where a reply cannot be hidden, what there is instead: muting or
 * blocking its author, reporting it to the moderators.
 */
#define PLATFORM_CAN_MUTE		0x100
#define PLATFORM_CAN_BLOCK		0x200
#define PLATFORM_CAN_REPORT		0x400

/* How a platform counts the length of a reply against its limit. */
enum platform_count {
	COUNT_CODEPOINTS,
	COUNT_GRAPHEMES,
	COUNT_UTF16,
	/*
	 * Mastodon's: characters, but every link counts as
	 * PLATFORM_URL_LENGTH and a mention as its user name ("@ann" of
	 * "@ann@example.social").
	 */
	COUNT_MASTODON
};
#define PLATFORM_URL_LENGTH	23

/* What the adapter needs to know about the account it works for. */
struct platform_account {
	int64_t		 id;		/* local account id */
	const char	*name;		/* name from the config */
	const char	*handle;	/* the business's handle there */
	const char	*base_url;	/* service / instance URL */
	const char	*version;	/* the API version, where it has one */
	int64_t		 history_days;
	int64_t		 recheck;	/* seconds between full reads */
	int64_t		 now;		/* the time to work against */
	const char	*app_id;	/* the login's app, where it has one */
	const char	*client_token;	/* that app's client token */
	const char	*page;		/* the Page to choose at login */
	const char	*cursor;	/* the stream's stored cursor, for
					   sync_request and sync_parse */
	const char	*secret;	/* lent; NULL if none is needed */
	/* Set once a session is open (platforms with session_request). */
	const char	*access;	/* short-lived token; memory only */
	const char	*user_id;	/* the account's id there (a DID) */
	const char	*service;	/* where requests go (a PDS URL) */
	/* For reconcile_request and _parse: the page of the answer to
	   read (an action_result's next), or NULL for the first. */
	const char	*reconcile_page;
};

/* An HTTP request to make, owned by the caller once built. */
struct platform_request {
	char	*method;	/* "GET", "POST", ... */
	char	*url;
	char	*body;		/* NULL for none */
	char	*content_type;	/* NULL for none */
	char	*authorization;	/* Authorization header value; a secret */
	char	*idempotency_key; /* Idempotency-Key header value; or NULL */
};

/* One response header; both strings are lent with the response. */
struct platform_header {
	const char	*name;
	const char	*value;
};

/*
 * What a request produced, from a transport to the engine and on to the
 * adapter; lent, never owned. A request that got no answer at all has an
 * error other than TRANSPORT_OK, a message that says why, status 0 and
 * an empty body.
 */
struct platform_response {
	long				 status;	/* 0 if none */
	const char			*body;		/* NUL-terminated */
	size_t				 len;
	const struct platform_header	*headers;	/* NULL: none known */
	size_t				 nheaders;
	enum transport_error		 error;
	const char			*message;	/* why; "" if none */
	/*
	 * 1 if the request may have reached the server (it was written to
	 * the connection), so a non-idempotent action must not simply be
	 * sent again; 0 if it certainly did not (DNS, connect, TLS).
	 */
	int				 request_sent;
	uint64_t			 id;		/* the transport's */
	int64_t				 elapsed_ms;
};

/* What one page of sync produced; owned by whoever called parse. */
struct sync_page {
	struct post	*posts;
	size_t		 nposts;
	struct item_list items;
	char		*next_cursor;	/* where the stream goes on from */
	int		 more;		/* 1: fetch the next page now */
	char		**gone;		/* remote ids deleted on the platform */
	size_t		 ngone;
	char		**fetch;	/* keys for fetch_request: threads */
	size_t		 nfetch;
	char		*notice;	/* something the user should know */
	size_t		 text_limit;	/* a reply's length limit on this
					   account, when the page says it
					   (0: not said) */
	/*
	 * A sweep: the pages of one chain of fetches list every item of
	 * the post sweep names (the first page says sweep_first). When
	 * the whole chain has been read, the post's items that none of
	 * its pages listed are gone from the platform. A page that could
	 * not read all its entries names no sweep, which spoils it.
	 */
	char		*sweep;
	int		 sweep_first;
	/*
	 * Why this page cannot count toward a sweep although it names one
	 * (a repeated cursor, an empty page that says more follow): the
	 * sweep then marks nothing deleted, and the log says why.
	 */
	char		*incomplete;
};

/* A session the platform opened; owned by whoever called parse. */
struct platform_session {
	char	*access;	/* short-lived token, kept in memory only */
	char	*refresh;	/* the long-lived secret to keep from now on */
	char	*user_id;	/* the account's id there */
	char	*handle;	/* the account's handle there */
	char	*service;	/* where requests go from now on; NULL: url */
};

/* What a sent action produced. */
struct action_result {
	char		*remote_id;	/* the created reply's id, if any */
	struct item	 created;	/* the created item, if the platform says */
	int		 have_created;
	char		*next;		/* reconcile: not on this page; the
					   next one to read */
	char		*target_extra;	/* the acted-on item's new extra (a
					   like's record, to undo it); or NULL */
};

/* Why a request failed, as far as the adapter can tell from the answer. */
enum platform_error {
	PLATFORM_OK,
	PLATFORM_ERR_AUTH,	/* credentials expired or revoked */
	PLATFORM_ERR_RATE,	/* slow down */
	PLATFORM_ERR_TEMPORARY,	/* try again later */
	PLATFORM_ERR_PERMANENT,	/* will never work: tell the user */
	PLATFORM_ERR_DUPLICATE,	/* the action was already done */
	PLATFORM_ERR_SESSION,	/* the short-lived token ran out: renew */
	PLATFORM_ERR_GONE,	/* the target no longer exists there */
	PLATFORM_ERR_DENIED	/* the login lacks a permission for it */
};

/*
 * What a command lends an adapter's login operation: the ways to reach the
 * platform and the person at the terminal. The adapter does no I/O of its
 * own and reads no clock; it asks through these.
 */
struct platform_host {
	void	*arg;		/* given back to each operation */
	/*
	 * Send one request (cleared after) and wait for its answer: 0 with
	 * the status and the body (a new string, to wipe), or -1 with a
	 * cause when the platform was not reached.
	 */
	int	(*send)(void *, struct platform_request *, long *, char **,
		    char **);
	int64_t	(*now)(void *);
	/* Wait whole seconds; what was said before is shown first. */
	void	(*sleep)(void *, int64_t);
	/* Say whole lines to the person; trouble (1) or not (0). */
	void	(*say)(void *, int, const char *);
	/* Ask the person for a line, not echoed if secret (1); new string. */
	char	*(*ask)(void *, const char *, int);
	/*
	 * What heed's cache keeps under a name for the platform, beside any
	 * one account (the app heed registered on a Mastodon instance): recall
	 * gives a new string, or NULL when nothing is kept (or there is no
	 * cache yet); remember keeps a value, or forgets the name when it is
	 * NULL: 0, or -1 with a cause.
	 */
	char	*(*recall)(void *, const char *);
	int	 (*remember)(void *, const char *, const char *, char **);
	/*
	 * A loopback redirect for a login in a browser (optional: NULL when
	 * the command offers none). redirect_open listens on 127.0.0.1, on a
	 * port the kernel chooses: 0 with the port, 1 when the person chose
	 * another way (nothing is opened), -1 with a cause. redirect_wait
	 * waits up to whole seconds for one request to the path and gives
	 * its query, after '?' ("" if none; a new string): 0, or -1 with a
	 * cause (nothing came). redirect_answer answers that request with a
	 * short plain page of one line, the login's outcome, and closes the
	 * listener; the command closes it anyway once the login is over.
	 */
	int	 (*redirect_open)(void *, int *, char **);
	int	 (*redirect_wait)(void *, const char *, int64_t, char **,
		    char **);
	void	 (*redirect_answer)(void *, const char *);
	/*
	 * Open an address in the person's browser (optional: NULL unless the
	 * person asked heed to, as heed never opens one on its own); what it
	 * did, or why it could not, is said.
	 */
	void	 (*browse)(void *, const char *);
};

/* Another account that uses an account's login, for heed login to name. */
struct platform_link {
	const char	*name;
	const char	*platform;
};

/* What a login operation gives the command; owned by the command. */
struct platform_login {
	char	*secret;	/* to keep in the keyring; a secret */
	char	*said;		/* to say once it is kept; or NULL */
};

/* How one check of heed doctor came out. */
enum platform_mark {
	PLATFORM_MARK_OK,
	PLATFORM_MARK_NOTE,	/* nothing wrong, nothing proved either */
	PLATFORM_MARK_FAIL,
	PLATFORM_MARK_WAIT	/* not made: the platform asks to wait */
};

/* What heed doctor lends an adapter's check operation. */
struct platform_checker {
	void		*arg;		/* given back to each operation */
	const char	*relogin;	/* how to get a new login */
	/* Report one check, with the fix to show unless it passed. */
	void	(*report)(void *, enum platform_mark, const char *,
		    const char *);
	/*
	 * Send a request of a check (cleared after) and judge its answer:
	 * 0 with a 2xx status and the body (a new string, to wipe); -1 once
	 * a failure is reported, saying what could not be done (what). When
	 * quiet, only a platform asking to wait is reported; any other
	 * failure returns 1 unreported.
	 */
	int	(*send)(void *, struct platform_request *, const char *, int,
		    long *, char **);
};

struct platform_ops {
	const char	*name;		/* config name: "demo", "bluesky", ... */
	const char	*label;		/* for people: "Bluesky" */
	const char	*tag;		/* two letters for the queue */
	unsigned int	 caps;		/* PLATFORM_CAN_* */
	size_t		 text_limit;	/* reply length limit */
	int		 count;		/* enum platform_count */
	const char	*no_hide_why;	/* when hiding is not possible, why */
	const char	*secret_kind;	/* keyring "kind"; NULL: needs none */
	const char	*secret_prompt;	/* what heed login asks for */
	const char	*const *streams;	/* NULL-terminated stream names */
	const char	*const *stream_labels;	/* each in words; or NULL */

	/*
	 * Build the request for the next page of a stream, from where the
	 * account's cursor (pa->cursor) says it stopped.
	 */
	int	(*sync_request)(const struct platform_account *, const char *,
		    struct platform_request *, char **);
	/* Parse one page of a stream. */
	int	(*sync_parse)(const struct platform_account *, const char *,
		    const struct platform_response *, struct sync_page *,
		    char **);
	/* Build the request that carries out an outbox entry. */
	int	(*action_request)(const struct platform_account *,
		    const struct outbox_entry *, struct platform_request *,
		    char **);
	/* Parse the answer to an action. */
	int	(*action_parse)(const struct platform_account *,
		    const struct outbox_entry *,
		    const struct platform_response *, struct action_result *,
		    char **);
	/* Classify a failed response (status and body). */
	enum platform_error (*classify)(const struct platform_response *,
		    char **);

	/*
	 * Sessions (optional; NULL when the stored secret is used as it is).
	 * login_request turns a password into a session (heed login, and a
	 * credential_command's output); session_request renews one from the
	 * stored secret (pa->secret); session_parse reads either answer.
	 */
	int	(*login_request)(const struct platform_account *, const char *,
		    struct platform_request *, char **);
	int	(*session_request)(const struct platform_account *,
		    struct platform_request *, char **);
	int	(*session_parse)(const struct platform_account *,
		    const struct platform_response *, struct platform_session *,
		    char **);

	/*
	 * Follow-up fetches (optional): a page names keys in sync_page.fetch
	 * (a thread to fill in); each is fetched and parsed into a page of
	 * its own, which never moves a cursor but may name further keys (the
	 * next page of a long thread).
	 */
	int	(*fetch_request)(const struct platform_account *, const char *,
		    struct platform_request *, char **);
	int	(*fetch_parse)(const struct platform_account *, const char *,
		    const struct platform_response *, struct sync_page *,
		    char **);

	/*
	 * Reconciling (optional): after a PLATFORM_ERR_DUPLICATE answer, or
	 * before sending again on a PLATFORM_NO_IDEMPOTENCY platform, ask
	 * the platform what the entry created. reconcile_parse returns 0 and
	 * fills the result when it is there, 1 when it is not (send again),
	 * -1 on a bad answer. When the answer has more pages, 1 comes with
	 * result.next set: the engine reads that page (pa->reconcile_page)
	 * before it believes the entry is not there.
	 */
	int	(*reconcile_request)(const struct platform_account *,
		    const struct outbox_entry *, struct platform_request *,
		    char **);
	int	(*reconcile_parse)(const struct platform_account *,
		    const struct outbox_entry *,
		    const struct platform_response *, struct action_result *,
		    char **);

	/*
	 * Rechecking (optional), for a platform that says nothing when a
	 * comment is deleted but can be asked about items by id (Bluesky's
	 * getPosts). Every recheck_interval the engine gives the adapter
	 * the remote ids of up to recheck_max items that still wait for the
	 * business; recheck_parse lists in page->gone those the platform no
	 * longer has, and may give the others, updated, in page->items. An
	 * answer it cannot read whole is an error (nothing is marked). The
	 * engine also rechecks the item a reply answers just before the
	 * reply goes out: a reply to a deleted comment is not sent.
	 */
	size_t	 recheck_max;
	int	(*recheck_request)(const struct platform_account *,
		    char *const *, size_t, struct platform_request *, char **);
	int	(*recheck_parse)(const struct platform_account *,
		    char *const *, size_t, const struct platform_response *,
		    struct sync_page *, char **);

	/*
	 * Read markers (optional), where the platform keeps how far the
	 * user has read, for all the user's apps (items carry their place
	 * in it: struct item's mark). marker_request reads the marker (mark
	 * NULL) or moves it to mark; marker_parse reads either answer: the
	 * marker in *mark (a new string; NULL when none is set yet), or -1
	 * with the cause of an error or of an answer it cannot read.
	 */
	int	(*marker_request)(const struct platform_account *,
		    const char *, struct platform_request *, char **);
	int	(*marker_parse)(const struct platform_account *,
		    const struct platform_response *, char **, char **);

	/*
	 * Pacing (optional): read the platform's own usage headers and
	 * return how many milliseconds the account's next request should
	 * wait (0: no need), on top of Retry-After and RateLimit-*.
	 */
	int64_t	(*pace)(const struct platform_response *, int64_t);

	/*
	 * Logging in through another account (optional): an account of this
	 * platform uses the login of the account its facebook_account names,
	 * which must be of the platform login_via; login_via_why says what to
	 * set when it is not.
	 */
	const char	*login_via;
	const char	*login_via_why;
	/*
	 * Logging in by a conversation (optional): heed login runs it instead
	 * of asking for secret_prompt. It talks to the person and the
	 * platform through the host, and fills the login: the secret to keep,
	 * and what to say once it is kept. The links are the other accounts
	 * that use this account's login.
	 */
	int	(*login)(const struct platform_account *,
		    const struct platform_link *, size_t,
		    const struct platform_host *, struct platform_login *,
		    char **);
	/*
	 * Checking a login on the platform (optional): heed doctor runs it
	 * with the secret in pa->secret, and the adapter reports each check
	 * through the checker.
	 */
	void	(*check)(const struct platform_account *,
		    const struct platform_checker *);
	/*
	 * Ending a login on the platform (optional): heed logout runs it with
	 * the kept secret in pa->secret before it deletes that secret, to
	 * revoke it there too. 0 once revoked; -1 with a cause that says why
	 * not and how to revoke it by hand (the secret is deleted all the
	 * same).
	 */
	int	(*logout)(const struct platform_account *,
		    const struct platform_host *, char **);
	/*
	 * The words a reply starts with (optional), as the platform's own
	 * apps write them ("@author @others " on Mastodon), from the extra
	 * data of the item answered: the composer starts with them. A new
	 * string, or NULL.
	 */
	char	*(*reply_prefix)(const struct platform_account *,
		    const char *);
};

/*
 * For the login and check operations: say a formatted line through the
 * host; send a request through the host (cleared after): 0 with the
 * answer in the response (its body in *body, a new string to wipe), or
 * -1 with a cause when the platform was not reached; and send a request
 * of a check through the checker, which judges it (see platform_checker:
 * 0, -1 once reported, 1 when quiet and it failed).
 */
void	platform_say(const struct platform_host *, int, const char *, ...)
	    __attribute__((__format__ (__printf__, 3, 4)));
int	platform_host_call(const struct platform_host *,
	    struct platform_request *, struct platform_response *, char **,
	    char **);
int	platform_checker_call(const struct platform_checker *,
	    struct platform_request *, const char *, int,
	    struct platform_response *, char **);

/* Find a response header by name, ignoring case; NULL if absent. */
const char *platform_header(const struct platform_response *, const char *);

/* Say why a request got no answer, in one clean line; a new string. */
char	*platform_unreached(const struct platform_response *, size_t,
	    const char *);

const struct platform_ops *platform_find(const char *);
const struct platform_ops *const *platform_all(void);

/* Length of a reply as the platform counts it. */
size_t	platform_text_length(const struct platform_ops *, const char *);

/* Add a key to a list of a page (fetch, gone) unless it is there. */
void	sync_page_key(char ***, size_t *, const char *);
/* Add a zeroed post to a page and return it. */
struct post *sync_page_post(struct sync_page *);

/* Make a JSON object a request's body (the object is consumed). */
void	platform_request_json(struct platform_request *, struct json_t *);

void	platform_request_clear(struct platform_request *);
void	sync_page_clear(struct sync_page *);
void	action_result_clear(struct action_result *);
void	platform_session_clear(struct platform_session *);
void	platform_login_clear(struct platform_login *);

#endif
