/*
 * creds.h -- secrets: the system keyring (Secret Service, through
 * libsecret) or a command the user names. The only module that knows
 * libsecret; no GLib type appears here.
 *
 * Secrets are returned as new strings the caller must wipe and free with
 * util_free_secret(). They never go to a log, a message, the cache, the
 * config, a command line or a child's environment.
 */
#ifndef HEED_CREDS_H
#define HEED_CREDS_H

enum creds_result {
	CREDS_OK,		/* found (or done) */
	CREDS_MISSING,		/* the keyring has no such secret */
	CREDS_UNREACHABLE,	/* no D-Bus session or no Secret Service */
	CREDS_LOCKED,		/* the keyring is locked and stays locked */
	CREDS_FAILED		/* anything else; *cause says what */
};

/*
 * Store a secret for (account, platform, kind), replacing any earlier
 * one in one step (a refreshed token is never half written).
 */
enum creds_result creds_store(const char *, const char *, const char *,
		    const char *, char **);
/* Look a secret up; *secret is set only on CREDS_OK. */
enum creds_result creds_lookup(const char *, const char *, const char *,
		    char **, char **);
/* Delete a secret; CREDS_MISSING if there was none. */
enum creds_result creds_delete(const char *, const char *, const char *,
		    char **);
/* Check that the keyring answers at all. */
enum creds_result creds_ping(char **);

/*
 * Run the user's credential command through /bin/sh and take the first
 * line of its output as the secret. The command line is the user's own,
 * from the config; nothing from outside is added to it. Fails if the
 * command fails, prints nothing, or prints more than 64 KiB.
 */
enum creds_result creds_command(const char *, char **, char **);

/* Say in plain words what a result means and how to fix it. */
const char	*creds_result_name(enum creds_result);

#endif
