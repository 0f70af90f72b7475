/*
 * graph.h -- what heed login and heed doctor ask the Graph API, built and
 * read here so the commands do no parsing of their own: Facebook Login
 * for Devices, the Pages a person manages, and what a token may do.
 * Nothing here does I/O.
 */
#ifndef HEED_GRAPH_H
#define HEED_GRAPH_H

#include <stddef.h>
#include <stdint.h>

#include "platform.h"

/* What heed asks a person to allow when logging in. */
#define GRAPH_LOGIN_SCOPE	"pages_show_list,pages_read_engagement," \
	"pages_read_user_content,pages_manage_engagement,pages_messaging," \
	"instagram_basic,instagram_manage_comments"

/* A device login started: the code to show and how to wait. */
struct graph_device {
	char	*code;		/* heed's, for polling; a secret */
	char	*user_code;	/* the person's, to type */
	char	*uri;		/* where to type it */
	int64_t	 interval;	/* seconds between polls */
	int64_t	 expires_in;	/* seconds */
};

enum graph_poll {
	GRAPH_POLL_DONE,
	GRAPH_POLL_PENDING,
	GRAPH_POLL_SLOW_DOWN,
	GRAPH_POLL_EXPIRED,
	GRAPH_POLL_DECLINED,
	GRAPH_POLL_ERROR
};

/* A Page the person manages, with its token. */
struct graph_page {
	char	*id;
	char	*name;		/* sanitized */
	char	*token;		/* a secret */
	char	*ig_id;		/* the linked Instagram account, or NULL */
	char	*ig_username;
	int	 moderate;	/* the person has the MODERATE task */
};

/* What debug_token says of a token. */
struct graph_token_info {
	int	  valid;
	char	 *type;		/* "PAGE", "USER", ... */
	char	 *error;	/* why not valid, or NULL */
	int64_t	  expires_at;	/* 0: never */
	int64_t	  data_access_expires_at;
	char	**scopes;
	size_t	  nscopes;
};

int	graph_device_request(const struct platform_account *, const char *,
	    struct platform_request *, char **);
int	graph_device_parse(const struct platform_response *,
	    struct graph_device *, char **);
void	graph_device_clear(struct graph_device *);
int	graph_poll_request(const struct platform_account *, const char *,
	    const char *, struct platform_request *, char **);
enum graph_poll graph_poll_parse(const struct platform_response *, char **,
	    char **);
int	graph_pages_request(const struct platform_account *, const char *,
	    const char *, struct platform_request *, char **);
int	graph_pages_parse(const struct platform_response *,
	    struct graph_page **, size_t *, char **, char **);
void	graph_pages_free(struct graph_page *, size_t);
int	graph_me_page_request(const struct platform_account *, const char *,
	    struct platform_request *, char **);
int	graph_me_page_parse(const struct platform_response *, const char *,
	    struct graph_page *, char **);
int	graph_debug_request(const struct platform_account *, const char *,
	    const char *, struct platform_request *, char **);
int	graph_debug_parse(const struct platform_response *,
	    struct graph_token_info *, char **);
void	graph_token_info_clear(struct graph_token_info *);

/* Whether the token's person has the Moderate task (graph-doctor.c). */
enum graph_tasks {
	GRAPH_TASKS_MODERATE,
	GRAPH_TASKS_LACKING,
	GRAPH_TASKS_UNSAID
};
int	graph_tasks_request(const struct platform_account *, const char *,
	    struct platform_request *, char **);
enum graph_tasks graph_tasks_parse(const struct platform_response *, char **);
int	graph_ids_request(const struct platform_account *, const char *,
	    struct platform_request *, char **);
int	graph_ids_parse(const struct platform_response *, size_t *, size_t *,
	    char **);
enum platform_error graph_error(const struct platform_response *, char **);

#endif
