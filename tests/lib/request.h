/*
 * request.h -- building a stream's request from a cursor, for the tests
 * of the adapters (the engine hands the cursor in the account).
 */
#ifndef HEED_TESTS_REQUEST_H
#define HEED_TESTS_REQUEST_H

#include "platform.h"

/* Build ops' request for a stream from cursor (or NULL), on a copy of pa. */
int	sync_request_at(const struct platform_ops *,
	    const struct platform_account *, const char *, const char *,
	    struct platform_request *, char **);

#endif
