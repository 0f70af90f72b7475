/*
 * config-options.c -- the table of options: each one's name, type, where
 * it may be set, default, bounds and one line for people. It is the one
 * source of truth: the parser (config.c), the man page and config.example
 * are checked against it by the tests.
 */
#include <stddef.h>

#include "config.h"

static const char *const config_color_choices[] = {
	"auto", "always", "never", NULL
};

static const char *const config_charts_choices[] = {
	"auto", "unicode", "ascii", NULL
};

static const char *const config_inbox_order_choices[] = {
	"need", "age", NULL
};

const struct config_option config_options_table[OPT_COUNT] = {
	[OPT_RESPONSE_TARGET] = { "response_target", CONFIG_DURATION,
	    CONFIG_GLOBAL | CONFIG_ACCOUNT, "4h", 60, 30 * 86400, NULL,
	    "how soon a customer should have an answer; waiting times are "
	    "coloured against it" },
	[OPT_SYNC_INTERVAL] = { "sync_interval", CONFIG_DURATION,
	    CONFIG_GLOBAL | CONFIG_ACCOUNT, "2m", 30, 86400, NULL,
	    "how often the open inbox syncs in the background" },
	[OPT_HISTORY_DAYS] = { "history_days", CONFIG_INT,
	    CONFIG_GLOBAL | CONFIG_ACCOUNT, "14", 1, 365, NULL,
	    "how many days back the first sync of an account reaches" },
	[OPT_RECHECK_INTERVAL] = { "recheck_interval", CONFIG_DURATION,
	    CONFIG_GLOBAL | CONFIG_ACCOUNT, "1h", 0, 7 * 86400, NULL,
	    "how often a sync reads every comment of the history window "
	    "again (Facebook, Instagram) or asks about the waiting ones "
	    "(Bluesky, Mastodon), to find those edited, hidden or deleted "
	    "there (their APIs do not tell); 0 does it at every sync" },
	[OPT_COLOR] = { "color", CONFIG_ENUM, CONFIG_GLOBAL, "auto", 0, 0,
	    config_color_choices,
	    "auto (colour unless NO_COLOR is set or the terminal has none), "
	    "always or never" },
	[OPT_CHARTS] = { "charts", CONFIG_ENUM, CONFIG_GLOBAL, "auto", 0, 0,
	    config_charts_choices,
	    "how the statistics screen draws its bars: auto (Unicode blocks "
	    "in a UTF-8 locale without NO_COLOR, else ASCII), unicode or "
	    "ascii" },
	[OPT_EDITOR] = { "editor", CONFIG_STRING, CONFIG_GLOBAL, "", 0, 0,
	    NULL, "the editor for Ctrl-E in the composer; empty means "
	    "$VISUAL, then $EDITOR, then vi" },
	[OPT_BROWSER] = { "browser", CONFIG_STRING, CONFIG_GLOBAL, "", 0, 0,
	    NULL, "the command that opens a permalink; empty means "
	    "$BROWSER, then xdg-open" },
	[OPT_CACHE] = { "cache", CONFIG_STRING, CONFIG_GLOBAL, "", 0, 0,
	    NULL, "the cache file; empty means "
	    "$XDG_DATA_HOME/heed/cache.db" },
	[OPT_LOG_FILE] = { "log_file", CONFIG_STRING, CONFIG_GLOBAL, "", 0,
	    0, NULL, "the log file; empty means $XDG_STATE_HOME/heed/log" },
	[OPT_MARK_READ] = { "mark_read", CONFIG_BOOL, CONFIG_GLOBAL, "yes",
	    0, 1, NULL, "mark an item read when its thread is opened" },
	[OPT_SNOOZE_PRESETS] = { "snooze_presets", CONFIG_STRING,
	    CONFIG_GLOBAL, "1h 4h tomorrow 2d next-week", 0, 0, NULL,
	    "the choices offered by snooze: durations, tomorrow, next-week" },
	[OPT_MORNING_HOUR] = { "morning_hour", CONFIG_INT, CONFIG_GLOBAL,
	    "9", 0, 23, NULL,
	    "the hour at which tomorrow and next-week snoozes wake" },
	[OPT_TIME_FORMAT] = { "time_format", CONFIG_STRING, CONFIG_GLOBAL,
	    "%a %d %b %H:%M", 0, 0, NULL,
	    "strftime format for times in the thread view" },
	[OPT_INBOX_ORDER] = { "inbox_order", CONFIG_ENUM, CONFIG_GLOBAL,
	    "need", 0, 0, config_inbox_order_choices,
	    "need (what needs an answer first, then what is unclear, then "
	    "what asks nothing; the longest waiting first in each) or age "
	    "(the longest waiting first, whatever it is)" },
	[OPT_CA_FILE] = { "ca_file", CONFIG_STRING, CONFIG_GLOBAL, "", 0, 0,
	    NULL, "a file of CA certificates to trust instead of the "
	    "system's (for a private or test server); empty means the "
	    "system's" },
	[OPT_PLATFORM] = { "platform", CONFIG_STRING, CONFIG_ACCOUNT, "", 0,
	    0, NULL, "the account's platform: facebook, instagram, bluesky, "
	    "mastodon, or demo-page or demo-social (the simulated platforms "
	    "of the demo)" },
	[OPT_HANDLE] = { "handle", CONFIG_STRING, CONFIG_ACCOUNT, "", 0, 0,
	    NULL, "the business's handle on the platform" },
	[OPT_URL] = { "url", CONFIG_STRING, CONFIG_ACCOUNT, "", 0, 0, NULL,
	    "the service or instance URL, where the platform has one" },
	[OPT_CREDENTIAL_COMMAND] = { "credential_command", CONFIG_STRING,
	    CONFIG_ACCOUNT, "", 0, 0, NULL,
	    "a command that prints the account's secret (for example pass "
	    "show heed/shop); without it the secret is in the system "
	    "keyring" },
	[OPT_GRAPH_VERSION] = { "graph_version", CONFIG_STRING,
	    CONFIG_GLOBAL | CONFIG_ACCOUNT, "v26.0", 0, 0, NULL,
	    "the Graph API version Facebook and Instagram accounts use "
	    "(vNN.0)" },
	[OPT_APP_ID] = { "app_id", CONFIG_STRING, CONFIG_ACCOUNT, "", 0, 0,
	    NULL, "Facebook: the id of the Meta app heed logs in through "
	    "(for device login and token checks)" },
	[OPT_CLIENT_TOKEN] = { "client_token", CONFIG_STRING, CONFIG_ACCOUNT,
	    "", 0, 0, NULL, "Facebook: that app's client token (App "
	    "settings > Advanced); not a secret, unlike the app secret" },
	[OPT_PAGE] = { "page", CONFIG_STRING, CONFIG_ACCOUNT, "", 0, 0, NULL,
	    "Facebook: the Page to log in to, by id or name, when the user "
	    "manages several; without it heed login asks" },
	[OPT_FACEBOOK_ACCOUNT] = { "facebook_account", CONFIG_STRING,
	    CONFIG_ACCOUNT, "", 0, 0, NULL,
	    "Instagram: the Facebook account whose login (its Page) serves "
	    "this Instagram business account" },
	[OPT_REQUEST_TIMEOUT] = { "request_timeout", CONFIG_DURATION,
	    CONFIG_GLOBAL | CONFIG_ACCOUNT, "60s", 1, 600, NULL,
	    "how long heed waits for a platform to answer a request before "
	    "it counts the request as lost" },
	[OPT_CHECK_DELAYS] = { "check_delays", CONFIG_DURATIONS,
	    CONFIG_GLOBAL | CONFIG_ACCOUNT, "1m 3m 10m", 0, 86400, NULL,
	    "when a reply was sent and no answer came, how long after that "
	    "heed looks on the platform whether it went out; it is sent again "
	    "only if it is still missing at the last look" },
	[OPT_HOURS] = { "hours", CONFIG_STRING, CONFIG_GLOBAL | CONFIG_ACCOUNT,
	    "", 0, 0, NULL, "opening hours, such as \"mon-fri 09:00-17:30, "
	    "sat 10:00-16:00\"; waiting counts against response_target only "
	    "while open; empty means always open" },
	[OPT_CLOSED] = { "closed", CONFIG_STRING,
	    CONFIG_GLOBAL | CONFIG_ACCOUNT, "", 0, 0, NULL, "dates the shop "
	    "is closed, such as \"2026-12-25, 2026-12-31..2027-01-01\"" },
	[OPT_TIME_ZONE] = { "time_zone", CONFIG_STRING,
	    CONFIG_GLOBAL | CONFIG_ACCOUNT, "", 0, 0, NULL, "the time zone of "
	    "the opening hours, such as Europe/Amsterdam; empty means the "
	    "system's" },
	[OPT_ALERT] = { "alert", CONFIG_STRING, CONFIG_GLOBAL,
	    "bell title desktop", 0, 0, NULL, "how the open inbox tells of a "
	    "new conversation to answer or one about to pass its target: any "
	    "of bell, title (the window's title says how many wait) and "
	    "desktop (a desktop notification), or none" },
	[OPT_ALERT_BEFORE] = { "alert_before", CONFIG_DURATION,
	    CONFIG_GLOBAL, "30m", 0, 86400, NULL, "how long before a "
	    "conversation passes response_target heed alerts about it; 0 "
	    "alerts when it passes" },
	[OPT_ALERT_EVERY] = { "alert_every", CONFIG_DURATION, CONFIG_GLOBAL,
	    "2m", 0, 86400, NULL, "at most one alert in this time; what comes "
	    "meanwhile is told together in the next" },
	[OPT_QUIET_HOURS] = { "quiet_hours", CONFIG_STRING, CONFIG_GLOBAL, "",
	    0, 0, NULL, "when alerts keep quiet, such as \"22:00-07:00\" "
	    "(in time_zone); what comes meanwhile is told together after "
	    "them; empty means never" },
	[OPT_NOTIFY_COMMAND] = { "notify_command", CONFIG_STRING,
	    CONFIG_GLOBAL, "", 0, 0, NULL, "a command run at each alert (by "
	    "/bin/sh), with what it is about in HEED_* variables of its "
	    "environment, never in its command line; see heed(1), ALERTS" },
	[OPT_SEND_DELAY] = { "send_delay", CONFIG_DURATION,
	    CONFIG_GLOBAL | CONFIG_ACCOUNT, "10s", 0, 600, NULL, "how long a "
	    "confirmed reply waits in the outbox before it leaves, while u "
	    "takes it back into the composer; 0 sends at once" },
	[OPT_PROTECT] = { "protect", CONFIG_STRING,
	    CONFIG_GLOBAL | CONFIG_ACCOUNT, "", 0, 0, NULL, "words a reply "
	    "must never misspell, split or run together: the shop's name, "
	    "its products, its staff, between commas (quotes around a name "
	    "that holds a comma); the account's display name is always one; "
	    "see heed(1), CHECKING A REPLY" },
	[OPT_LANGUAGE] = { "language", CONFIG_STRING,
	    CONFIG_GLOBAL | CONFIG_ACCOUNT, "", 0, 0, NULL, "the language "
	    "of the shop's replies, such as en, nl or de_AT: a reply's "
	    "spelling and protected words are read in it when neither the "
	    "reply's own language nor the customer's can be told; empty "
	    "means the locale's (LC_ALL, LC_MESSAGES, LANG)" },
	[OPT_READ_MARKERS] = { "read_markers", CONFIG_BOOL,
	    CONFIG_GLOBAL | CONFIG_ACCOUNT, "no", 0, 1, NULL, "Mastodon: "
	    "share what was read with the user's other apps through the "
	    "instance's read marker: what they read is read in heed, and "
	    "what heed read moves the marker on" },
};

/* Return the option table and its size. */
const struct config_option *
config_options(size_t *n)
{
	*n = OPT_COUNT;
	return config_options_table;
}
