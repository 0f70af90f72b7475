/*
 * creds-private.h -- what the two halves of creds (the command in
 * creds.c, the keyring in creds-keyring.c) share.
 */
#ifndef HEED_CREDS_PRIVATE_H
#define HEED_CREDS_PRIVATE_H

#include "creds.h"
#include "util.h"

/* Set *cause (if cause is not NULL) to a new message and return r. */
enum creds_result creds_fail(char **, enum creds_result, const char *, ...)
		    printflike(3, 4);
/* Say how to do without the keyring into out; the result is out. */
const char	*creds_advice(const char *, char *, size_t);

#endif
