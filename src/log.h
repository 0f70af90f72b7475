/*
 * log.h -- the log file, and the hook through which the UI shows messages.
 *
 * Library code never prints while curses owns the screen: it logs, and the
 * UI decides what to show.
 */
#ifndef HEED_LOG_H
#define HEED_LOG_H

#include "util.h"

enum log_level {
	LOG_DEBUG,
	LOG_INFO,
	LOG_WARN,
	LOG_ERROR
};

typedef void (*log_hook_cb)(enum log_level, const char *, void *);

/* Open (append, mode 0600) the log file; 0 or -1 with *cause. */
int	log_open(const char *, char **);
void	log_close(void);
/* Send messages at or above this level to stderr too (headless commands). */
void	log_set_stderr(enum log_level);
/* Call fn for every message at or above LOG_INFO (the UI status line). */
void	log_set_hook(log_hook_cb, void *);
void	log_msg(enum log_level, const char *, ...) printflike(2, 3);

#define log_debug(...)	log_msg(LOG_DEBUG, __VA_ARGS__)
#define log_info(...)	log_msg(LOG_INFO, __VA_ARGS__)
#define log_warn(...)	log_msg(LOG_WARN, __VA_ARGS__)
#define log_error(...)	log_msg(LOG_ERROR, __VA_ARGS__)

#endif
