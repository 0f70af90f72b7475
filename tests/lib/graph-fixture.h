/*
 * graph-fixture.h -- what the Graph API adapter's tests share: the
 * accounts of the recorded samples, the samples themselves, answers to
 * hand the adapter, and checks of what it gives back.
 *
 * Include after <cmocka.h> and the adapter's headers.
 */

#ifndef GRAPH_FIXTURE_H
#define GRAPH_FIXTURE_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "platform.h"

#define GRAPH		"https://graph.facebook.com/v26.0/"
#define FB_POST_Q	"fields=id%2Cmessage%2Ccreated_time%2Cupdated_time" \
			"%2Cpermalink_url%2Cfrom%7Bid%2Cname%7D%2Cattachments" \
			"%7Btype%2Ctitle%2Curl%7D"
#define FB_COMMENT_Q	"fields=id%2Cmessage%2Cfrom%7Bid%2Cname%7D" \
			"%2Ccreated_time%2Cparent%7Bid%7D%2Cis_hidden" \
			"%2Ccan_reply_privately%2Clike_count%2Cuser_likes" \
			"%2Cpermalink_url%2Cattachment%7Btype%2Ctitle%2Curl%7D" \
			"%2Cprivate_reply_conversation"
#define IG_REPLY_F	"id%2Ctext%2Cusername%2Cfrom%7Bid%2Cusername%7D" \
			"%2Ctimestamp%2Clike_count%2Chidden%2Cparent_id"
#define IG_COMMENT_Q	"fields=" IG_REPLY_F "%2Creplies%7B" IG_REPLY_F "%7D"
#define IG_MEDIA_Q	"fields=id%2Ccaption%2Ccomments_count%2Clike_count" \
			"%2Cmedia_type%2Cpermalink%2Ctimestamp%2Cusername"
#define ME_Q		"me?fields=id%2Cname%2Cinstagram_business_account" \
			"%7Bid%2Cusername%7D"

/* The Page of the feed samples ("Facebook for Developers"). */
#define PAGE_ID		"19292868552"
#define FEED_POST1	PAGE_ID "_10158349356748553"
#define FEED_POST2	PAGE_ID "_10158347294088553"
#define FEED_POST3	PAGE_ID "_10158345715593553"
#define FEED_POST4	PAGE_ID "_10158343840773553"
#define FEED_POST5	PAGE_ID "_10158333323653553"
#define STREAM_POST	PAGE_ID "_10158407654328553"

/* The Page of comment_node_all_fields.json ("MyLife"). */
#define MYLIFE_ID	"2121008874780932"
#define CAR_POST	MYLIFE_ID "_2954961744718970"
#define CAR_COMMENT	"2954961744718970_2966313500250461"

/* The Instagram account of the samples, and its media. */
#define IG_ID		"17841406338772941"
#define IG_MEDIA	"17846368219941692"
#define IG_TOP		"17892250648466172"
#define IG_REPLY	"17845747489952795"

/* The accounts the samples were recorded for, each at a moment. */
extern const struct platform_account fb_page;
extern const struct platform_account fb_four;
extern const struct platform_account fb_mylife;
extern const struct platform_account ig_acct;

/* The recorded samples under tests/data, and what reads each one. */
struct graph_sample {
	const char	*file;
	const char	*read_by;
};
extern const struct graph_sample graph_samples[];
extern const size_t graph_nsamples;

char		*sample(const char *, size_t *);
json_t		*json_of(const char *);
json_t		*sample_json(const char *);
char		*dump(json_t *);
char		*wrap_data(json_t *);
char		*sample_in_data(const char *);
char		*sample_member_in_data(const char *, const char *);
char		*big_body(const char *, char, size_t, const char *);

struct platform_response answer(long, const char *);
struct platform_response network_failure(const char *);

int		 clean(const char *);
int		 clean_line(const char *);
void		 assert_page_clean(const struct sync_page *);
void		 assert_request(const struct platform_request *, const char *,
		    const char *, const char *, const char *);
const struct item *find_item(const struct sync_page *, const char *);

int		 stream(const struct platform_ops *,
		    const struct platform_account *, const char *, const char *,
		    long, const char *, struct sync_page *, char **);
int		 fetch(const struct platform_ops *,
		    const struct platform_account *, const char *, long,
		    const char *, struct sync_page *, char **);
char		*stream_url(const struct platform_ops *,
		    const struct platform_account *, const char *,
		    const char *);
struct outbox_entry entry(int, const char *, const char *, const char *,
		    int64_t);

int		 no_live_documents(void **);

#endif
