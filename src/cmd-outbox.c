/*
 * cmd-outbox.c -- heed outbox: what waits to be sent, and what failed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "store.h"
#include "text.h"
#include "util.h"

/*
 * The line under an outbox entry: who holds it, what heed is waiting for,
 * and the last error; new, or NULL for none.
 */
static char *
cmd_outbox_why(struct store *store, const struct outbox_entry *e,
    int64_t now)
{
	const char	*err = e->last_error;
	char		 when[48], *clean, *out;

	clean = err != NULL ? text_sanitize_line(err, strlen(err)) : NULL;
	if (e->lease_owner != NULL && e->lease_until >= now &&
	    strcmp(e->lease_owner, store_owner(store)) != 0) {
		out = xprintf("being sent or checked by another heed right "
		    "now%s%s", clean != NULL ? "; before: " : "",
		    clean != NULL ? clean : "");
	} else if (e->state == OUTBOX_CHECKING) {
		util_format_age(e->next_attempt > now ? e->next_attempt - now :
		    0, when, sizeof when);
		out = xprintf("heed is checking whether it went out (next look "
		    "in %s): %s", when, clean != NULL ? clean : "its answer "
		    "was lost");
	} else if (e->state == OUTBOX_SENDING)
		out = xprintf("a heed stopped while sending it; the next sync "
		    "looks whether it went out before anything is sent again");
	else
		out = clean != NULL ? xstrdup(clean) : NULL;
	free(clean);
	return out;
}

/* heed outbox: what waits to be sent and what failed, with the reason. */
int
cmd_outbox(struct cmd_env *env, int argc, char **argv)
{
	struct store		*store = env->store;
	struct outbox_entry	*e;
	struct store_account	*acc;
	char			*cause = NULL, *line, *body, age[16];
	const char		*name;
	size_t			 n, nacc, i, j;
	int64_t			 now = util_now();

	(void)argv;
	if (argc != 1) {
		cmd_print(stderr, "usage: heed outbox\n");
		return 2;
	}
	if (store_outbox_list(store, &e, &n, &cause) != 0 ||
	    store_account_list(store, &acc, &nacc, &cause) != 0) {
		cmd_print(stderr, "heed outbox: %s\n", cause);
		free(cause);
		return 1;
	}
	if (n == 0)
		cmd_print(stdout, "The outbox is empty: everything was "
		    "sent.\n");
	for (i = 0; i < n; i++) {
		for (name = "?", j = 0; j < nacc; j++) {
			if (acc[j].id == e[i].account_id)
				name = acc[j].name;
		}
		util_format_age(now - e[i].created, age, sizeof age);
		body = text_sanitize_line(e[i].body != NULL ? e[i].body : "",
		    e[i].body != NULL ? strlen(e[i].body) : 0);
		line = text_first_line(body, 50);
		free(body);
		cmd_print(stdout, "%-8s %-6s %-12s %5s  tries %d  %s\n",
		    outbox_state_name(e[i].state), action_kind_name(e[i].kind),
		    name, age, e[i].attempts, line);
		free(line);
		line = cmd_outbox_why(store, &e[i], now);
		if (line != NULL)
			cmd_print(stdout, "         %s\n", line);
		free(line);
	}
	store_account_list_free(acc, nacc);
	store_outbox_list_free(e, n);
	return 0;
}
