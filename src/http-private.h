/*
 * http-private.h -- what the parts of the HTTP transport share: http.c
 * (libcurl, loaded at run time, on the poll loop) and http-limits.c (the
 * Retry-After and rate-limit headers of an answer).
 */
#ifndef HEED_HTTP_PRIVATE_H
#define HEED_HTTP_PRIVATE_H

#include <time.h>

/*
 * Read an HTTP date ("Wed, 21 Oct 2026 07:28:00 GMT") with libcurl's
 * curl_getdate; -1 if it is not one.
 */
time_t	http_getdate(const char *);

#endif
