/*
 * graph-private.h -- what the parts of the Graph API adapter share,
 * from the top down (each file calls only those below it):
 * graph.c (usage headers, sessions, the ops tables),
 * graph-facebook.c (a Page's posts, comments and actions),
 * graph-instagram.c (an Instagram business account's media, comments and
 * actions), graph-doctor.c (heed doctor's checks), graph-login.c (heed
 * login and the requests behind it), graph-util.c (requests, paging,
 * extra data, answers to writes), graph-error.c (the error envelope and
 * what each error means) and graph-json.c (members of an answer, checks
 * of values). Facebook and Instagram speak the same Graph API, through
 * the same Page token.
 */
#ifndef HEED_GRAPH_PRIVATE_H
#define HEED_GRAPH_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "graph.h"
#include "json.h"
#include "platform.h"
#include "util.h"

#define GRAPH_DEFAULT_URL	"https://graph.facebook.com"
#define GRAPH_DEFAULT_VERSION	"v26.0"
#define GRAPH_MAX_RESPONSE	(8 * 1024 * 1024)
#define GRAPH_MAX_ERROR_BODY	(64 * 1024)
#define GRAPH_MAX_ID		128	/* digits and underscores */
#define GRAPH_MAX_TEXT		(64 * 1024)	/* bytes of a comment kept */
#define GRAPH_MAX_CAUSE		200	/* columns of a server message */
#define GRAPH_MAX_CURSOR	8192
#define GRAPH_OVERLAP		300	/* seconds read again before a mark */
#define GRAPH_PAGING_FRESH	600	/* seconds a paging cursor is trusted */
#define GRAPH_PRIVATE_DAYS	7	/* a private reply is possible */
#define GRAPH_RECONCILE_SKEW	600	/* seconds of clock difference */
#define GRAPH_RECONCILE_LIMIT	"100"	/* comments read back per page */

/* Facebook's text limit is not documented; this is what heed allows. */
#define GRAPH_FB_TEXT_LIMIT	8000
/* Instagram's comment limit, as its app enforces it. */
#define GRAPH_IG_TEXT_LIMIT	2200

/* The Graph error envelope, read from an answer. */
struct graph_error {
	long	 code;		/* -1 when none */
	long	 subcode;	/* -1 when none */
	int	 transient;
	char	*message;	/* sanitized, one line, cut short; or NULL */
	char	*user_msg;	/* error_user_msg, the same way */
};

/* The query parameters of a cursor or a paging URL, decoded. */
struct graph_params {
	char	**keys;
	char	**values;
	size_t	  n;
};

/* graph-json.c */
int	 graph_valid_id(const char *);
int64_t	 graph_number(const char *);
int	 graph_valid_value(const char *);
const char *graph_str(const json_t *, const char *);
const char *graph_id(const json_t *, const char *);
int	 graph_time(const json_t *, const char *, int64_t *);
char	*graph_text(const json_t *, const char *);
char	*graph_line(const json_t *, const char *, size_t);
int	 graph_bool(const json_t *, const char *);

/* graph-util.c */
int	 graph_same_value(const char *, const char *);
void	 graph_query_int(struct buf *, const char *, int64_t);
void	 graph_params_parse(const char *, struct graph_params *);
const char *graph_params_get(const struct graph_params *, const char *);
void	 graph_params_clear(struct graph_params *);
void	 graph_params_from_next(const json_t *, struct graph_params *);
char	*graph_next_after(const json_t *, const char *, const char **);
int	 graph_start_token(const struct platform_account *, const char *,
	     const char *, const char *, const char *,
	     struct platform_request *, char **);
int	 graph_start(const struct platform_account *, const char *,
	     const char *, const char *, struct platform_request *, char **);
void	 graph_set_form(struct platform_request *, const char *);
json_t	*graph_load(const struct platform_response *, char **);
int64_t	 graph_window_start(const struct platform_account *);
char	*graph_extra(const char *, const char *, int, int);
char	*graph_extra_get(const char *, const char *);
int	 graph_extra_flag(const char *, const char *);
char	*graph_thread_top(const struct outbox_entry *);
int	 graph_same_text(const char *, const char *);
void	 graph_page_post(struct sync_page *, const struct post *);
void	 graph_page_fetch(struct sync_page *, const char *);
void	 graph_page_gone(struct sync_page *, const char *);
int	 graph_written(const struct platform_response *, char **, char **);
int	 graph_success(const struct platform_response *, const char *,
	    char **);

/* graph.c */
int64_t	 graph_pace(const struct platform_response *, int64_t);

/* graph-error.c */
void	 graph_error_read(const struct platform_response *,
	     struct graph_error *);
void	 graph_error_clear(struct graph_error *);
int	 graph_fail_status(const struct platform_response *, char **);
int	 instagram_fail_status(const struct platform_response *, char **);
enum platform_error graph_classify(const struct platform_response *,
	     char **);
enum platform_error instagram_classify(const struct platform_response *,
	     char **);

/* graph-login.c */
int	 graph_login(const struct platform_account *,
	     const struct platform_link *, size_t,
	     const struct platform_host *, struct platform_login *, char **);

/* graph-doctor.c */
void	 facebook_check(const struct platform_account *,
	     const struct platform_checker *);
void	 instagram_check(const struct platform_account *,
	     const struct platform_checker *);

/* graph-facebook.c */
int	 facebook_sync_request(const struct platform_account *, const char *,
		    struct platform_request *, char **);
int	 facebook_sync_parse(const struct platform_account *, const char *,
	     const struct platform_response *, struct sync_page *, char **);
int	 facebook_fetch_request(const struct platform_account *, const char *,
	     struct platform_request *, char **);
int	 facebook_fetch_parse(const struct platform_account *, const char *,
	     const struct platform_response *, struct sync_page *, char **);
int	 facebook_action_request(const struct platform_account *,
	     const struct outbox_entry *, struct platform_request *, char **);
int	 facebook_action_parse(const struct platform_account *,
	     const struct outbox_entry *, const struct platform_response *,
	     struct action_result *, char **);
int	 facebook_reconcile_request(const struct platform_account *,
	     const struct outbox_entry *, struct platform_request *, char **);
int	 facebook_reconcile_parse(const struct platform_account *,
	     const struct outbox_entry *, const struct platform_response *,
	     struct action_result *, char **);

/* graph-instagram.c */
int	 instagram_sync_request(const struct platform_account *, const char *,
		    struct platform_request *, char **);
int	 instagram_sync_parse(const struct platform_account *, const char *,
	     const struct platform_response *, struct sync_page *, char **);
int	 instagram_fetch_request(const struct platform_account *,
	     const char *, struct platform_request *, char **);
int	 instagram_fetch_parse(const struct platform_account *, const char *,
	     const struct platform_response *, struct sync_page *, char **);
int	 instagram_action_request(const struct platform_account *,
	     const struct outbox_entry *, struct platform_request *, char **);
int	 instagram_action_parse(const struct platform_account *,
	     const struct outbox_entry *, const struct platform_response *,
	     struct action_result *, char **);
int	 instagram_reconcile_request(const struct platform_account *,
	     const struct outbox_entry *, struct platform_request *, char **);
int	 instagram_reconcile_parse(const struct platform_account *,
	     const struct outbox_entry *, const struct platform_response *,
	     struct action_result *, char **);

#endif
