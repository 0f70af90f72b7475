/*
 * fuzz.h -- what the fuzz targets share: the contract that every string a
 * parser hands out keeps, the reading of an adapter target's input, and
 * the driver that feeds that input to an adapter's parsers.
 */
#ifndef HEED_FUZZ_H
#define HEED_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "platform.h"
#include "util.h"

/* The entry points libFuzzer calls. */
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);
int	LLVMFuzzerInitialize(int *, char ***);

/*
 * The sanitizer's contract, checked on a string a parser gave out: valid
 * UTF-8 without ESC or any other C0 control, DEL, C1 controls (U+0080 to
 * U+009F), bidi embeddings, overrides and isolates (U+202A..U+202E,
 * U+2066..U+2069), bidi marks (U+200E, U+200F, U+061C) or line and
 * paragraph separators (U+2028, U+2029). FUZZ_TEXT allows the newline,
 * for the fields that hold several lines (an item's or a post's text, a
 * saved reply); FUZZ_LINE does not. FUZZ_TAB allows the tab, which only
 * the config's values may hold (the user may write one there, as in an
 * editor's arguments). A broken contract names the field and the
 * character, then aborts, which libFuzzer reports as a crash.
 */
#define FUZZ_LINE	0
#define FUZZ_TEXT	1
#define FUZZ_TAB	2
void	fuzz_check(const char *, const char *, int);
void	fuzz_check_len(const char *, const char *, size_t, int);
/* Return 1 if s[0..n) is valid UTF-8 (decoded here, not by text.c). */
int	fuzz_valid_utf8(const char *, size_t);
/*
 * Take the next line of an input (ended in place), or NULL after the
 * last: targets whose input is settings a line each.
 */
char	*fuzz_next_line(char **);
/* Report a broken property of a target and abort. */
noreturn_fn void fuzz_fail(const char *, ...) printflike(1, 2);

void	fuzz_check_item(const struct item *);
void	fuzz_check_post(const struct post *);
void	fuzz_check_page(const struct sync_page *);

/*
 * An adapter target's input reads like an HTTP answer with what heed asked
 * in front of it:
 *
 *	OP [ARG]		sync STREAM, fetch KEY, action KIND,
 *				reconcile KIND, recheck (@ids), session,
 *				marker (a read marker's answer), or
 *				classify (which also reads the pacing
 *				headers)
 *	@NAME VALUE		heed's side: cursor, page, target, extra, text,
 *				user, ids, ...; \n \t \\ and \xHH are escapes
 *	HTTP/1.1 STATUS ...	the answer's status (200 if none)
 *	Name: value		the answer's headers
 *				(a blank line)
 *	body			the rest, to the last byte
 *
 * The body gets a buffer of its own with nothing after its last byte, so
 * that ASan catches a parser reading past it.
 */
struct fuzz_param {
	char	*name;
	char	*value;
};

struct fuzz_input {
	char			*op;
	char			*arg;		/* "" when none */
	struct fuzz_param	*params;
	size_t			 nparams;
	struct platform_header	*headers;
	size_t			 nheaders;
	struct platform_response res;
	int			 answered;	/* 0: @status none */
	char			*body;
};

void		 fuzz_input_read(struct fuzz_input *, const uint8_t *, size_t);
void		 fuzz_input_free(struct fuzz_input *);
const char	*fuzz_param(const struct fuzz_input *, const char *,
		     const char *);
int64_t		 fuzz_param_int(const struct fuzz_input *, const char *,
		     int64_t);

/* What an adapter target assumes of the account when the input is silent. */
struct fuzz_adapter {
	const struct platform_ops	*ops;
	const char			*handle;	/* from the config */
	const char *const		*users;		/* ids a session may
							   give; @user N picks
							   one, the first by
							   default */
	const char			*base_url;
	const char			*target;	/* an item's remote id */
};

/* Feed one input to the adapter's parser that its first line names. */
int	fuzz_adapter_run(const struct fuzz_adapter *, const uint8_t *, size_t);

#endif
