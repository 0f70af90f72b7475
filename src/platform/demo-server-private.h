/*
 * demo-server-private.h -- what the two parts of the simulated platform
 * share: demo-server.c (the inbox in memory) and demo-server-api.c (the
 * requests it answers). "srv" names the server's own records.
 */
#ifndef HEED_DEMO_SERVER_PRIVATE_H
#define HEED_DEMO_SERVER_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#define SRV_HOLD	3	/* comments held back to arrive later */

/* A post of the shop's, as the server keeps it. */
struct srv_post {
	char	*id;
	char	*text;
	size_t	 account;	/* index into demo_accounts */
	int64_t	 created;
};

/* A comment or reply, as the server keeps it. */
struct srv_item {
	char	*id;
	char	*parent;	/* NULL for a top-level comment */
	char	*author;
	char	*handle;
	char	*lang;		/* NULL if unknown */
	char	*text;		/* NULL once deleted */
	char	*client_key;	/* for replies created through the API */
	size_t	 post;		/* index into posts */
	int64_t	 created;
	int64_t	 seq;		/* 0 while held back */
	int64_t	 like_count;
	int	 own;
	int	 hidden;
	int	 liked;
	int	 deleted;
};

/* The server: its posts and items, its clock and what it holds back. */
struct demo_server {
	struct srv_post	*posts;
	size_t		 nposts;
	struct srv_item	*items;
	size_t		 nitems;
	size_t		 capitems;
	int64_t		 seq;		/* last sequence number given */
	int64_t		 now;
	int64_t		 replies;	/* replies created, for their ids */
	char		*run;		/* this server's part of those ids */
	size_t		 held[SRV_HOLD];	/* item indices, oldest first */
	size_t		 nheld;
	size_t		 released;
};

/* demo-server.c */
int64_t		 demo_server_now(const struct demo_server *);
void		 demo_server_touch(struct demo_server *, struct srv_item *);
size_t		 demo_server_find_account(const char *, size_t);
struct srv_item	*demo_server_find_item(struct demo_server *, size_t,
		    const char *);
struct srv_item	*demo_server_add_item(struct demo_server *);
char		*demo_server_dup(const char *);

#endif
