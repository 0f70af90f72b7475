/*
 * request.c -- building a stream's request from a cursor; see request.h.
 */
#include "platform.h"

#include "request.h"

/* Build ops' request for a stream from cursor, on a copy of pa. */
int
sync_request_at(const struct platform_ops *ops,
    const struct platform_account *pa, const char *stream, const char *cursor,
    struct platform_request *req, char **cause)
{
	struct platform_account	a = *pa;

	a.cursor = cursor;
	return ops->sync_request(&a, stream, req, cause);
}
