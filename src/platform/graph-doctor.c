/*
 * graph-doctor.c -- what heed doctor asks the Graph API beyond the token:
 * whether the person behind a Page token has the Moderate task. Without
 * it Facebook sends comments without their ids, and none can be answered.
 *
 * The tasks are asked first; a Page's own token may not be told them, and
 * then the comments of the Page's newest posts show it: ids, or none.
 */
#include <stdlib.h>
#include <string.h>

#include "graph-private.h"
#include "text.h"

#define GRAPH_PROBE_POSTS	"10"	/* newest posts looked at */
#define GRAPH_PROBE_COMMENTS	"25"	/* comments of each */

/* Ask which tasks the token's person has on the Page. */
int
graph_tasks_request(const struct platform_account *pa, const char *token,
    struct platform_request *req, char **cause)
{
	struct buf	q;
	int		rc;

	buf_init(&q, 0);
	util_query(&q, "fields", "id,tasks");
	rc = graph_start_token(pa, token, "GET", "me", q.data, req, cause);
	buf_free(&q);
	return rc;
}

/*
 * Read the tasks: GRAPH_TASKS_MODERATE when MODERATE (or MANAGE, which
 * holds it) is among them, GRAPH_TASKS_LACKING when not, GRAPH_TASKS_UNSAID
 * when the answer names none. *list gets the tasks named, comma-separated
 * and sanitized (a new string), or NULL.
 */
enum graph_tasks
graph_tasks_parse(const struct platform_response *res, char **list)
{
	const json_t		*tasks, *t;
	json_t			*doc;
	enum graph_tasks	 r = GRAPH_TASKS_LACKING;
	struct buf		 b;
	const char		*s;
	size_t			 i;

	*list = NULL;
	if (res == NULL || res->status < 200 || res->status > 299 ||
	    (doc = graph_load(res, NULL)) == NULL)
		return GRAPH_TASKS_UNSAID;
	tasks = json_object_get(doc, "tasks");
	if (!json_is_array(tasks)) {
		jdoc_free(doc);
		return GRAPH_TASKS_UNSAID;
	}
	buf_init(&b, 4096);
	json_array_foreach(tasks, i, t) {
		if ((s = json_string_value(t)) == NULL)
			continue;
		if (strcmp(s, "MODERATE") == 0 || strcmp(s, "MANAGE") == 0)
			r = GRAPH_TASKS_MODERATE;
		buf_printf(&b, "%s%.40s", b.len > 0 ? ", " : "", s);
	}
	jdoc_free(doc);
	if (b.data != NULL)
		*list = text_sanitize_line(b.data, b.len);
	buf_free(&b);
	return r;
}

/* Ask for the comments of the Page's newest posts, with their ids. */
int
graph_ids_request(const struct platform_account *pa, const char *token,
    struct platform_request *req, char **cause)
{
	struct buf	q;
	int		rc;

	buf_init(&q, 0);
	util_query(&q, "fields", "id,comments.limit(" GRAPH_PROBE_COMMENTS
	    "){id,message}");
	util_query(&q, "limit", GRAPH_PROBE_POSTS);
	rc = graph_start_token(pa, token, "GET", "me/feed", q.data, req,
	    cause);
	buf_free(&q);
	return rc;
}

/*
 * Count the comments of that answer that came with an id (*with) and
 * without one (*without); 0, or -1 with a cause.
 */
int
graph_ids_parse(const struct platform_response *res, size_t *with,
    size_t *without, char **cause)
{
	const json_t	*posts, *p, *list, *c;
	json_t		*doc;
	size_t		 i, j;

	*with = *without = 0;
	if (res == NULL || res->status < 200 || res->status > 299)
		return graph_fail_status(res, cause);
	if ((doc = graph_load(res, cause)) == NULL)
		return -1;
	posts = json_object_get(doc, "data");
	if (!json_is_array(posts)) {
		jdoc_free(doc);
		return util_fail(cause, "malformed response: no data");
	}
	json_array_foreach(posts, i, p) {
		list = json_object_get(json_object_get(p, "comments"), "data");
		json_array_foreach(list, j, c) {
			if (graph_id(c, "id") != NULL)
				(*with)++;
			else
				(*without)++;
		}
	}
	jdoc_free(doc);
	return 0;
}
