/*
 * platform-account.c -- the one way from a configured account to what its
 * platform adapter needs to know of it.
 */
#include <string.h>

#include "config.h"
#include "platform.h"
#include "platform-account.h"

/* Fill pa from the config's account a; see platform-account.h. */
void
platform_account_from_config(struct platform_account *pa,
    const struct config *cfg, const struct config_account *a, int64_t now)
{
	const struct config_account	*owner;
	const char			*platform;

	memset(pa, 0, sizeof *pa);
	pa->name = a->name;
	pa->handle = config_str(cfg, a, OPT_HANDLE);
	pa->base_url = config_str(cfg, a, OPT_URL);
	pa->version = config_str(cfg, a, OPT_GRAPH_VERSION);
	pa->history_days = config_int(cfg, a, OPT_HISTORY_DAYS);
	pa->recheck = config_int(cfg, a, OPT_RECHECK_INTERVAL);
	pa->now = now;
	/* The app belongs to the login, which may be another account's. */
	owner = config_secret_owner(cfg, a, &platform);
	pa->app_id = config_str(cfg, owner, OPT_APP_ID);
	pa->client_token = config_str(cfg, owner, OPT_CLIENT_TOKEN);
	pa->page = config_str(cfg, a, OPT_PAGE);
}
