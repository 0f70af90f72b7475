/*
 * config.h -- the configuration file: a table of typed options with
 * bounds, key bindings, accounts, saved replies and the owner's rules.
 *
 * The option table in config.c is the one source of truth: the man page
 * and config.example are checked against it by the tests.
 */
#ifndef HEED_CONFIG_H
#define HEED_CONFIG_H

#include <stddef.h>
#include <stdint.h>

#include "keys.h"
#include "rules.h"

enum config_type {
	CONFIG_BOOL,
	CONFIG_INT,
	CONFIG_DURATION,
	CONFIG_STRING,
	CONFIG_ENUM,
	CONFIG_DURATIONS	/* durations in rising order, spaces between */
};

#define CONFIG_GLOBAL	0x1	/* allowed at the top of the file */
#define CONFIG_ACCOUNT	0x2	/* allowed in an [account NAME] section */

enum config_opt {
	OPT_RESPONSE_TARGET,
	OPT_SYNC_INTERVAL,
	OPT_HISTORY_DAYS,
	OPT_RECHECK_INTERVAL,
	OPT_COLOR,
	OPT_CHARTS,
	OPT_EDITOR,
	OPT_BROWSER,
	OPT_CACHE,
	OPT_LOG_FILE,
	OPT_MARK_READ,
	OPT_SNOOZE_PRESETS,
	OPT_MORNING_HOUR,
	OPT_TIME_FORMAT,
	OPT_INBOX_ORDER,
	OPT_CA_FILE,
	OPT_PLATFORM,
	OPT_HANDLE,
	OPT_URL,
	OPT_CREDENTIAL_COMMAND,
	OPT_GRAPH_VERSION,
	OPT_APP_ID,
	OPT_CLIENT_TOKEN,
	OPT_PAGE,
	OPT_FACEBOOK_ACCOUNT,
	OPT_REQUEST_TIMEOUT,
	OPT_CHECK_DELAYS,
	OPT_HOURS,
	OPT_CLOSED,
	OPT_TIME_ZONE,
	OPT_ALERT,
	OPT_ALERT_BEFORE,
	OPT_ALERT_EVERY,
	OPT_QUIET_HOURS,
	OPT_NOTIFY_COMMAND,
	OPT_SEND_DELAY,
	OPT_PROTECT,
	OPT_LANGUAGE,
	OPT_READ_MARKERS,
	OPT_COUNT
};

enum config_inbox_order {
	INBOX_ORDER_NEED,
	INBOX_ORDER_AGE
};

enum config_color {
	COLOR_AUTO,
	COLOR_ALWAYS,
	COLOR_NEVER
};

enum config_charts {
	CHARTS_AUTO,
	CHARTS_UNICODE,
	CHARTS_ASCII
};

struct config_option {
	const char		*name;
	int			 type;		/* enum config_type */
	int			 scope;		/* CONFIG_GLOBAL, _ACCOUNT */
	const char		*def;		/* default, as written */
	int64_t			 min;
	int64_t			 max;
	const char *const	*choices;	/* CONFIG_ENUM */
	const char		*help;		/* one line for people */
};

struct config_value {
	int	 set;
	int64_t	 i;
	char	*s;
};

struct config_account {
	char			*name;
	int			 line;
	struct config_value	 v[OPT_COUNT];
	const char		*builtin_secret;	/* the demo's; lent */
};

struct config_reply {
	char	*name;
	char	*text;
};

/* A "[rule NAME]" section: the rule, and the line that starts it. */
struct config_rule {
	struct rule	*rule;
	int		 line;
};

/*
 * A "[view NAME]" section: a saved view, the filter expression it shows
 * of one of heed's views (from: enum store_view, the inbox by default).
 */
struct config_view {
	char	*name;
	char	*filter;
	int	 from;
	int	 line;
};

struct config {
	char			*path;		/* NULL: defaults only */
	struct config_value	 v[OPT_COUNT];
	struct config_account	*accounts;
	size_t			 naccounts;
	struct config_reply	*replies;
	size_t			 nreplies;
	struct config_rule	*rules;		/* in the order written */
	size_t			 nrules;
	struct config_view	*views;		/* in the order written */
	size_t			 nviews;
	int			 hours_line;	/* where hours are set at the
						   top (for their errors) */
	struct keymap		 keys;
};

const struct config_option	*config_options(size_t *);
/* The table itself, in the order of enum config_opt (config-options.c). */
extern const struct config_option config_options_table[OPT_COUNT];

/* Start from the defaults. */
void	config_init(struct config *);
/*
 * Read a file over the defaults. A missing file is an error only when
 * required. Errors read "file:line: what is wrong".
 */
int	config_load(struct config *, const char *, int, char **);
/* Parse from a string (for tests and the demo); name is for messages. */
int	config_parse(struct config *, const char *, const char *, char **);
void	config_free(struct config *);

/* Values, with account options falling back to the global ones. */
int64_t		 config_int(const struct config *,
		     const struct config_account *, enum config_opt);
/*
 * The account whose secret an account uses: itself, or for an Instagram
 * account the Facebook account named by facebook_account. *platform gets
 * the platform the secret is kept under in the keyring.
 */
const struct config_account *config_secret_owner(const struct config *,
		    const struct config_account *, const char **);
/*
 * The durations of a CONFIG_DURATIONS option into v (up to max of them);
 * returns how many.
 */
size_t		 config_durations(const struct config *,
		     const struct config_account *, enum config_opt, int64_t *,
		     size_t);
const char	*config_str(const struct config *,
		     const struct config_account *, enum config_opt);
const struct config_account *config_account_find(const struct config *,
		     const char *);
struct hours;
/*
 * The business hours of an account (NULL: the ones at the top of the
 * file): hours, closed and time_zone, parsed into h (free with
 * hours_free); 0, or -1 with *cause.
 */
int	config_hours(const struct config *, const struct config_account *,
	    struct hours *, char **);
/*
 * The quiet hours the config sets (quiet_hours, in the top's time_zone),
 * as hours that are "open" while alerts keep quiet; 0, 1 if none are set
 * (h left alone), or -1 with *cause.
 */
int	config_quiet(const struct config *, struct hours *, char **);
/* The saved view of a name, or NULL. */
const struct config_view *config_view_find(const struct config *,
		     const char *);
/* Add an account (the demo does); returns it for setting options. */
struct config_account *config_account_add(struct config *, const char *);
void	config_account_set(struct config_account *, enum config_opt,
	    const char *);

#endif
