/*
 * platform-account.h -- the one way from a configured account to what its
 * platform adapter needs to know of it.
 */
#ifndef HEED_PLATFORM_ACCOUNT_H
#define HEED_PLATFORM_ACCOUNT_H

#include <stdint.h>

struct config;
struct config_account;
struct platform_account;

/*
 * Fill a platform_account from the config: name, handle, url, API version,
 * history and recheck, the app of the login (app_id and client_token, of
 * the account whose secret this one uses), the Page to choose, and the
 * time now. Its strings are lent from the config and live as long as it.
 * What only the caller knows (the local id, a stream's cursor, the secret,
 * a session) is left empty.
 */
void	platform_account_from_config(struct platform_account *,
	    const struct config *, const struct config_account *, int64_t);

#endif
