/*
 * config-alert.h -- the settings of alerts that are more than a value
 * (config-alert.c): the ways named by alert, and the span of quiet_hours.
 * Pure: no config, no I/O; config.c checks the values with these as it
 * reads them.
 */
#ifndef HEED_CONFIG_ALERT_H
#define HEED_CONFIG_ALERT_H

struct hours;

/* The ways an alert reaches the owner (alert = bell title desktop). */
enum config_alert_way {
	ALERT_BELL = 1 << 0,
	ALERT_TITLE = 1 << 1,
	ALERT_DESKTOP = 1 << 2
};

/* Read the words of alert into ALERT_* bits; 0, or -1 with *cause. */
int	config_alert_ways(const char *, int *, char **);
/*
 * Parse quiet hours ("22:00-07:00") in a time zone (NULL: the system's)
 * into hours "open" while alerts keep quiet; 0, 1 if empty (h left
 * alone), or -1 with *cause.
 */
int	config_quiet_parse(const char *, const char *, struct hours *,
	    char **);

#endif
