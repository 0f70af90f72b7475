/*
 * platform.c -- the registry of platform adapters: the table the config's
 * platform names are looked up in. It sits above the adapters; what they
 * and the engine share (headers, the cleaning of requests and answers)
 * is in platform-util.c, below them.
 */
#include <stddef.h>
#include <string.h>

#include "platform.h"
#include "platform/platforms.h"

static const struct platform_ops *const platform_table[] = {
	&demo_page_ops,
	&demo_social_ops,
	&bluesky_ops,
	&facebook_ops,
	&instagram_ops,
	&mastodon_ops,
	NULL
};

/* Find an adapter by its config name. */
const struct platform_ops *
platform_find(const char *name)
{
	size_t	i;

	for (i = 0; platform_table[i] != NULL; i++) {
		if (strcmp(platform_table[i]->name, name) == 0)
			return platform_table[i];
	}
	return NULL;
}

/* Return the NULL-terminated table of every adapter. */
const struct platform_ops *const *
platform_all(void)
{
	return platform_table;
}
