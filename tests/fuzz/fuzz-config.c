/*
 * fuzz-config.c -- the configuration parser (config_parse). The input is
 * a configuration file. A file heed refuses must say where and why in
 * one line; one it takes must hold values that can be drawn (a tab may
 * stay, as the user wrote it; a newline only in a saved reply), and the
 * values the rest of heed reads by number must be within their bounds.
 */
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "fuzz.h"
#include "util.h"

/* Check the values of one section (the top, or an account). */
static void
fuzz_check_values(const struct config_option *opts,
    const struct config_value *v)
{
	size_t	i;

	for (i = 0; i < OPT_COUNT; i++) {
		if (!v[i].set)
			continue;
		fuzz_check(opts[i].name, v[i].s, FUZZ_LINE | FUZZ_TAB);
		if ((opts[i].type == CONFIG_INT ||
		    opts[i].type == CONFIG_DURATION) &&
		    (v[i].i < opts[i].min || v[i].i > opts[i].max))
			fuzz_fail("%s = %lld is out of its bounds", opts[i].name,
			    (long long)v[i].i);
	}
}

/* Parse one configuration file and check what it gives. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct config_option	*opts;
	struct config			 cfg;
	char				*text, *cause = NULL;
	size_t				 i, n;

	opts = config_options(&n);
	text = xstrndup((const char *)data, size);
	config_init(&cfg);
	if (config_parse(&cfg, "heed.conf", text, &cause) != 0) {
		if (cause == NULL || strncmp(cause, "heed.conf:", 10) != 0)
			fuzz_fail("a refused file without where and why");
		fuzz_check("config cause", cause, FUZZ_LINE);
	} else {
		fuzz_check_values(opts, cfg.v);
		for (i = 0; i < cfg.naccounts; i++) {
			fuzz_check("account name", cfg.accounts[i].name,
			    FUZZ_LINE);
			fuzz_check_values(opts, cfg.accounts[i].v);
		}
		for (i = 0; i < cfg.nreplies; i++) {
			fuzz_check("reply name", cfg.replies[i].name,
			    FUZZ_LINE);
			fuzz_check("reply text", cfg.replies[i].text,
			    FUZZ_TEXT | FUZZ_TAB);
		}
	}
	free(cause);
	config_free(&cfg);
	free(text);
	return 0;
}
