/*
 * model.h -- the structs that carry posts, items and actions between the
 * adapters, the store, sync and the UI. No behaviour lives here.
 */
#ifndef HEED_MODEL_H
#define HEED_MODEL_H

#include <stddef.h>
#include <stdint.h>

enum item_kind {
	ITEM_COMMENT,		/* a comment on one of the business's posts */
	ITEM_REPLY,		/* a reply inside a thread */
	ITEM_MENTION,		/* a post that mentions the business */
	ITEM_QUOTE		/* a post that quotes the business */
};

enum item_status {
	STATUS_NEW,
	STATUS_READ,
	STATUS_DONE,
	STATUS_SNOOZED
};

/*
 * Where a customer's message waits in the inbox, in this order: it needs
 * an answer; whether it does is unclear; it asks nothing (praise,
 * thanks: "no reply needed?"); spam and scams, which have a view of
 * their own. A message is UNSORTED from ingest until heed has read it
 * (sorting.c), a moment later.
 */
enum item_lane {
	LANE_ANSWER,
	LANE_UNCLEAR,
	LANE_NO_REPLY,
	LANE_SPAM,
	LANE_UNSORTED = 7
};

/* Who said what a message is: the classifier, a rule, or the owner. */
enum item_kind_by {
	KIND_BY_CLASSIFIER,
	KIND_BY_RULE,
	KIND_BY_OWNER
};

#define ITEM_FLAG_ESCALATED	0x1
#define ITEM_FLAG_STARRED	0x2

/* A post (the business's own, or the root of a mentioning thread). */
struct post {
	int64_t	 id;		/* local id, 0 until stored */
	int64_t	 account_id;
	char	*remote_id;
	char	*author_name;
	char	*author_handle;
	char	*text;
	char	*permalink;
	int64_t	 created;
	int	 own;		/* written by the business */
};

/* One comment, reply or mention, with its triage state. */
struct item {
	int64_t	 id;		/* local id, 0 until stored */
	int64_t	 account_id;
	char	*remote_id;
	char	*post_remote_id;	/* the post it hangs on */
	char	*parent_remote_id;	/* NULL for a top-level comment */
	char	*author_name;
	char	*author_handle;
	char	*text;
	char	*lang;
	char	*permalink;
	char	*attachment;	/* one line describing an attachment */
	char	*warning;	/* the author's content warning; or NULL */
	char	*extra;		/* the adapter's own data (JSON); or NULL */
	char	*mark;		/* where it stands in the platform's read
				   marker (ordered by length, then bytes: a
				   Mastodon notification's id); or NULL.
				   Kept when it comes again without one */
	int64_t	 created;
	int64_t	 edited;
	int	 kind;		/* enum item_kind */
	int	 own;		/* written by the business */
	int	 hidden;	/* hidden on the platform */
	int	 deleted;	/* deleted on the platform */
	int	 liked;		/* liked by the business */
	int64_t	 like_count;

	/* Triage, filled by the store; ignored by upserts. */
	int	 status;	/* enum item_status */
	int64_t	 snooze_until;
	int	 flags;		/* ITEM_FLAG_* */
	int64_t	 done_at;	/* when it was marked done; 0 if not done */
	char	*note;
	int	 has_draft;
	int	 replied;	/* the business has answered it */
	int	 depth;		/* depth in a thread listing */

	/* What it is, filled by the store (sorting.c sets it). */
	int	 lane;		/* enum item_lane */
	int	 ckind;		/* enum classify_kind; -1 not sorted yet */
	int	 creply;	/* enum classify_reply; -1 not sorted yet */
	int	 urgency;	/* 0 to 3 */
	int	 kind_by;	/* enum item_kind_by */
	int64_t	 rank;		/* lane << 36 | created: the inbox order */
	char	*tags;		/* its tags, one space between; or NULL */
};

/* A growable list of items; free with item_list_free. */
struct item_list {
	struct item	*v;
	size_t		 n;
	size_t		 cap;
};

enum action_kind {
	ACTION_REPLY,
	ACTION_LIKE,
	ACTION_UNLIKE,
	ACTION_HIDE,
	ACTION_UNHIDE,
	ACTION_DELETE,
	ACTION_PRIVATE_REPLY,	/* a message to the comment's author */
	ACTION_MUTE,		/* mute the author (where there is no hide) */
	ACTION_BLOCK,		/* block the author */
	ACTION_REPORT		/* report the item to the moderators */
};

/*
 * The life of an outbox entry. CHECKING is an entry whose last attempt
 * may or may not have landed (no answer came, or the sender died): it is
 * looked for on the platform, patiently, and sent again only when the
 * checks agree that it is not there.
 */
enum outbox_state {
	OUTBOX_QUEUED,
	OUTBOX_SENDING,
	OUTBOX_SENT,
	OUTBOX_FAILED,
	OUTBOX_CHECKING
};

/* One action bound for a platform, as kept in the outbox. */
struct outbox_entry {
	int64_t	 id;
	int64_t	 account_id;
	int64_t	 item_id;	/* the item acted on (the parent of a reply) */
	int	 kind;		/* enum action_kind */
	int	 state;		/* enum outbox_state */
	char	*target_remote_id;
	char	*body;		/* reply text */
	char	*idem_key;	/* chosen once, before the first attempt */
	char	*remote_id;	/* what the platform created, once sent */
	char	*last_error;
	char	*target_extra;	/* the target item's extra; not stored */
	int	 attempts;
	int64_t	 created;
	int64_t	 next_attempt;
	int64_t	 updated;	/* last change; read only */
	char	*origin;	/* the heed that queued it (store_owner) */
	char	*lease_owner;	/* the heed sending it, while leased */
	int64_t	 lease_until;	/* 0: not leased */
	int64_t	 unknown_at;	/* when an attempt's outcome was lost */
	int	 checks;	/* checks since then that did not find it */
};

struct item	*item_list_add(struct item_list *);
void		 item_list_free(struct item_list *);
void		 item_clear(struct item *);
void		 item_copy(struct item *, const struct item *);
void		 post_clear(struct post *);
void		 outbox_entry_clear(struct outbox_entry *);

/* Whether an item waits for the shop's answer (its clock runs). */
int		 item_waits_for_answer(const struct item *);
const char	*item_status_name(int);
const char	*item_lane_name(int);
const char	*action_kind_name(int);
int		 action_kind_from_name(const char *);
const char	*outbox_state_name(int);
/* An activity row's detail in words, one safe line; new, or NULL. */
char		*activity_detail(const char *, const char *);

#endif
