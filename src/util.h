/*
 * util.h -- allocation, growable buffers, time and small string helpers.
 */
#ifndef HEED_UTIL_H
#define HEED_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#define HEED_VERSION "0.1.0"

#define nitems(a) (sizeof (a) / sizeof (a)[0])

#if defined(__GNUC__)
#define printflike(a, b) __attribute__((format(printf, a, b)))
#define noreturn_fn __attribute__((noreturn))
#else
#define printflike(a, b)
#define noreturn_fn
#endif

/* Out of memory and bugs: print and exit; the x allocators never fail. */
void *xmalloc(size_t);
void *xcalloc(size_t, size_t);
void *xrealloc(void *, size_t);
void *xreallocarray(void *, size_t, size_t);
char *xstrdup(const char *);
char *xstrndup(const char *, size_t);
char *xprintf(const char *, ...) printflike(1, 2);
char *xvprintf(const char *, va_list) printflike(1, 0);
noreturn_fn void fatal_at(const char *, int, const char *, ...)
    printflike(3, 4);
#define fatal(...) fatal_at(__FILE__, __LINE__, __VA_ARGS__)

/* Set a hook that restores the terminal before fatal() prints. */
void util_set_fatal_hook(void (*)(void));

/* Set *cause (if not NULL) to a new formatted string; return -1. */
int util_fail(char **, const char *, ...) printflike(2, 3);

/* Reverse an array of n elements of size bytes each, in place. */
void util_reverse(void *, size_t, size_t);
/* The value of a hexadecimal digit, or -1. */
int		 util_hex(char);
/* A file's type in words, for a message about one that is not plain. */
const char	*util_file_type(unsigned int);

/*
 * A growable byte buffer with a hard limit; data is always NUL-terminated.
 * buf_add returns -1 (leaving the buffer unchanged) when the limit would be
 * exceeded, the defence against hostile bodies.
 */
struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
	size_t	 limit;
};
void	 buf_init(struct buf *, size_t);
int	 buf_add(struct buf *, const void *, size_t);
int	 buf_addstr(struct buf *, const char *);
int	 buf_addch(struct buf *, char);
int	 buf_printf(struct buf *, const char *, ...) printflike(2, 3);
void	 buf_reset(struct buf *);
char	*buf_steal(struct buf *);
void	 buf_free(struct buf *);
void	 util_query(struct buf *, const char *, const char *);
char	*util_url_site(const char *);
const char *util_open_url(const char *, const char *);

/* Current time in seconds and in milliseconds (monotonic). */
int64_t	 util_now(void);
int64_t	 util_mono_ms(void);

/* Parse "90s", "15m", "4h", "2d", "1w" or plain seconds; 0 or -1. */
int	 util_parse_duration(const char *, int64_t *);
/* Format a duration compactly ("now", "5m", "3h", "2d", "6w"). */
void	 util_format_age(int64_t, char *, size_t);
/* Parse a decimal integer within [min, max]; 0 or -1. */
int	 util_parse_int(const char *, int64_t, int64_t, int64_t *);

/* Strip spaces at both ends in place; return the argument. */
char	*util_trim(char *);
/* Create a directory and its parents with the given mode; 0 or -1. */
int	 util_mkdirs(const char *, unsigned int);
/* Return a new path for an XDG file (kind "config" or "data"). */
char	*util_xdg_path(const char *, const char *);
/* Wipe and free a secret string. */
void	 util_free_secret(char *);

/*
 * What a login must prove and keep unguessable (util-digest.c): the
 * SHA-256 digest of bytes (from libcrypto, loaded on first use), random
 * bytes from the kernel (each 0, or -1 with *cause), and bytes written as
 * base64url without padding (a new string).
 */
int	 util_sha256(const void *, size_t, unsigned char[32], char **);
int	 util_random(void *, size_t, char **);
char	*util_base64url(const void *, size_t);

/*
 * Parse an RFC 3339 time into milliseconds since the epoch, leniently:
 * any number of fraction digits, "Z" or an offset with or without a colon
 * ("+0000" as the Graph API writes it), "t" or a space between date and
 * time, no zone (UTC). 0, or -1 if it is not a time.
 */
int	 util_parse_time_ms(const char *, int64_t *);
/* Write milliseconds since the epoch as "2026-11-23T06:30:12.106Z". */
void	 util_format_time_ms(int64_t, char *, size_t);

/* Days from 1970-01-01 to a proleptic Gregorian year, month and day. */
int64_t	 util_days_from_civil(int64_t, int64_t, int64_t);
/* The year, month and day of a count of days from 1970-01-01. */
void	 util_civil_from_days(int64_t, int64_t *, int *, int *);
/* The number of days in a month (1 to 12) of a year. */
int	 util_month_days(int, int);

#endif
