/*
 * demo-data.h -- the content of the built-in demo inbox: a small shop's
 * posts and the comments on them, as the simulated platform serves them.
 */
#ifndef HEED_DEMO_DATA_H
#define HEED_DEMO_DATA_H

/* The URL scheme of the demo accounts, which the demo server answers. */
#define DEMO_SERVER_SCHEME	"demo://"

#include <stddef.h>
#include <stdint.h>

/* One of the shop's accounts on the simulated platform. */
struct demo_account {
	const char	*name;		/* account name in heed ("page") */
	const char	*flavour;	/* "page" (Facebook-like) or "social" */
	const char	*handle;	/* the shop's handle there */
	const char	*display;	/* the shop's display name */
};

/* A post of the shop's. */
struct demo_post {
	const char	*account;	/* demo_account.name */
	const char	*id;		/* remote id, unique */
	int64_t		 age;		/* seconds before now */
	const char	*text;
};

/* A comment, a reply in a thread, or one of the shop's own replies. */
struct demo_comment {
	const char	*post;		/* demo_post.id */
	const char	*id;		/* remote id, unique */
	const char	*parent;	/* demo_comment.id, NULL if top level */
	const char	*author;	/* display name */
	const char	*handle;	/* handle, without @ */
	const char	*lang;		/* BCP 47: "en", "nl", "ar", "ro", "zh" */
	int64_t		 age;		/* seconds before now */
	int		 own;		/* written by the shop */
	const char	*text;		/* raw, as a platform would send it */
};

extern const struct demo_account	demo_accounts[];
extern const size_t			demo_naccounts;
extern const struct demo_post		demo_posts[];
extern const size_t			demo_nposts;
extern const struct demo_comment	demo_comments[];
extern const size_t			demo_ncomments;

#endif
