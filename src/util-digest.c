/*
 * util-digest.c -- SHA-256, random bytes and base64url, for what a login
 * must prove (OAuth's PKCE) and keep unguessable (its state).
 *
 * No digest is written by hand here: SHA-256 comes from OpenSSL's
 * libcrypto.so.3, which is on every system heed runs on (libcurl4 depends
 * on it). It is loaded with dlopen the first time a digest is needed, as
 * libcurl itself is, so that heed's start pays nothing for it. Random
 * bytes come from the kernel (getrandom(2)).
 */
#include <sys/random.h>

#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define UTIL_LIBCRYPTO	"libcrypto.so.3"

/* libcrypto's one-shot SHA-256, as loaded; NULL until then. */
static unsigned char *(*util_sha256_fn)(const unsigned char *, size_t,
    unsigned char *);
static char	*util_crypto_error;	/* why it could not be loaded */

/*
 * Load libcrypto the first time a digest is needed; 0, or -1 with
 * util_crypto_error. It stays loaded, as OpenSSL expects.
 */
static int
util_crypto_load(void)
{
	void	*dl;

	if (util_sha256_fn != NULL)
		return 0;
	if (util_crypto_error != NULL)
		return -1;
	if ((dl = dlopen(UTIL_LIBCRYPTO, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		util_crypto_error = xprintf("cannot load %s (%s): install the "
		    "libssl3 package", UTIL_LIBCRYPTO, dlerror());
		return -1;
	}
	if ((*(void **)&util_sha256_fn = dlsym(dl, "SHA256")) == NULL) {
		util_crypto_error = xprintf("%s has no SHA256",
		    UTIL_LIBCRYPTO);
		dlclose(dl);
		return -1;
	}
	return 0;
}

/*
 * Write the SHA-256 digest of len bytes at data into out; 0, or -1 with
 * *cause (which may be NULL) when libcrypto cannot be had.
 */
int
util_sha256(const void *data, size_t len, unsigned char out[32],
    char **cause)
{
	if (util_crypto_load() != 0)
		return util_fail(cause, "%s", util_crypto_error);
	if (util_sha256_fn(data, len, out) == NULL)
		return util_fail(cause, "SHA-256 failed in %s", UTIL_LIBCRYPTO);
	return 0;
}

/*
 * Fill len bytes at out with random bytes from the kernel, fit for
 * secrets; 0, or -1 with *cause (which may be NULL).
 */
int
util_random(void *out, size_t len, char **cause)
{
	unsigned char	*p = out;
	ssize_t		 n;

	while (len > 0) {
		n = getrandom(p, len > 256 ? 256 : len, 0);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			return util_fail(cause, "no random bytes from the "
			    "kernel: %s", n == -1 ? strerror(errno) : "none");
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/*
 * Encode len bytes as base64url (RFC 4648, section 5) without padding, as
 * OAuth writes them: a new string.
 */
char *
util_base64url(const void *data, size_t len)
{
	static const char	 abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
				     "abcdefghijklmnopqrstuvwxyz0123456789-_";
	const unsigned char	*p = data;
	char			*out, *o;
	uint32_t		 v;
	size_t			 i;

	out = o = xmalloc(len / 3 * 4 + 4 + 1);
	for (i = 0; i + 2 < len; i += 3) {
		v = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8 | p[i + 2];
		*o++ = abc[v >> 18 & 63];
		*o++ = abc[v >> 12 & 63];
		*o++ = abc[v >> 6 & 63];
		*o++ = abc[v & 63];
	}
	if (len - i == 1) {
		v = (uint32_t)p[i] << 16;
		*o++ = abc[v >> 18 & 63];
		*o++ = abc[v >> 12 & 63];
	} else if (len - i == 2) {
		v = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8;
		*o++ = abc[v >> 18 & 63];
		*o++ = abc[v >> 12 & 63];
		*o++ = abc[v >> 6 & 63];
	}
	*o = '\0';
	return out;
}
