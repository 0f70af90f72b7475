/*
 * config-alert.c -- the settings of alerts that are more than a value: the
 * ways named by alert, and quiet_hours, which becomes business hours of
 * its own ("open" while alerts keep quiet) so that its time zone and its
 * nights are counted as opening hours are.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config-alert.h"
#include "hours.h"
#include "util.h"

static const struct {
	const char	*word;
	int		 way;
} config_alert_words[] = {
	{ "bell", ALERT_BELL },
	{ "title", ALERT_TITLE },
	{ "desktop", ALERT_DESKTOP },
	{ "none", 0 },
};

/* Read the words of alert into ALERT_* bits; 0, or -1 with *cause. */
int
config_alert_ways(const char *value, int *ways, char **cause)
{
	char	*copy, *p, *word;
	size_t	 i;
	int	 rc = 0, none = 0, n = 0;

	*ways = 0;
	copy = xstrdup(value);
	for (p = copy; rc == 0 && (word = strsep(&p, " \t,")) != NULL;) {
		if (*word == '\0')
			continue;
		for (i = 0; i < nitems(config_alert_words); i++) {
			if (strcmp(word, config_alert_words[i].word) == 0)
				break;
		}
		if (i == nitems(config_alert_words)) {
			*cause = xprintf("unknown way \"%.40s\" (bell, title, "
			    "desktop or none)", word);
			rc = -1;
			break;
		}
		*ways |= config_alert_words[i].way;
		none += config_alert_words[i].way == 0;
		n++;
	}
	if (rc == 0 && none > 0 && n > 1) {
		*cause = xstrdup("none goes alone");
		rc = -1;
	}
	free(copy);
	return rc;
}

/* Read "HH:MM" into minutes of the day; -1 if it is not one. */
static int
config_clock_time(const char *s, size_t len)
{
	int	h, m;

	if (len != 5 || s[2] != ':' || strspn(s, "0123456789") != 2 ||
	    strspn(s + 3, "0123456789") != 2)
		return -1;
	h = (s[0] - '0') * 10 + (s[1] - '0');
	m = (s[3] - '0') * 10 + (s[4] - '0');
	if (h > 24 || m > 59 || (h == 24 && m != 0))
		return -1;
	return h * 60 + m;
}

/*
 * Parse quiet hours ("22:00-07:00": over midnight when the end comes
 * first; blanks around it do not count) in a time zone (NULL: the
 * system's) into hours open while it is quiet. 0; 1 if it is empty
 * (never quiet, h left alone); -1 with *cause.
 */
int
config_quiet_parse(const char *value, const char *tz, struct hours *h,
    char **cause)
{
	const char	*dash;
	char		*copy, *v, *spec;
	int		 from, to, rc;

	copy = xstrdup(value);
	v = util_trim(copy);
	if (*v == '\0') {
		free(copy);
		return 1;
	}
	dash = strchr(v, '-');
	if (dash == NULL || (from = config_clock_time(v,
	    (size_t)(dash - v))) == -1 || (to = config_clock_time(dash + 1,
	    strlen(dash + 1))) == -1 || from == to) {
		*cause = xstrdup("a span such as 22:00-07:00 is expected");
		free(copy);
		return -1;
	}
	if (from < to)
		spec = xprintf("mon-sun %.5s-%.5s", v, dash + 1);
	else if (to == 0)
		spec = xprintf("mon-sun %.5s-24:00", v);
	else
		spec = xprintf("mon-sun %.5s-24:00 00:00-%.5s", v, dash + 1);
	rc = hours_parse(h, spec, NULL, tz, cause);
	free(spec);
	free(copy);
	return rc;
}
