/*
 * cmd.h -- the commands that are not the interface: accounts, login,
 * logout and doctor.
 */
#ifndef HEED_CMD_H
#define HEED_CMD_H

#include <stdio.h>

#include "util.h"

struct config;
struct store;

/* Where heed's files are, as worked out from options and the config. */
struct cmd_paths {
	const char	*config;	/* the config file */
	int		 config_named;	/* given with --config */
	const char	*cache;
	const char	*log;
};

int	cmd_accounts(struct config *, int, char **);
int	cmd_login(struct config *, int, char **);
int	cmd_logout(struct config *, int, char **);
int	cmd_doctor(const struct cmd_paths *, int, char **);
int	cmd_sync(struct config *, struct store *, int, char **);
int	cmd_outbox(struct store *, int, char **);

/* Shared by the commands (cmd-account.c). */
struct config_account;
struct platform_request;
/*
 * Print to a stream what the commands say: each line's text goes through
 * the sanitizer (no control character or escape reaches the terminal),
 * its indentation and the line breaks of the format are kept, nothing is
 * cut.
 */
void	 cmd_print(FILE *, const char *, ...) printflike(2, 3);
/* A value to quote in a message: sanitized, cut to width columns. */
char	*cmd_quote(const char *, size_t);
char	*cmd_ask_secret(const char *);
char	*cmd_ask_line(const char *);
int	 cmd_http_once(const struct config *, const struct platform_request *,
	     long *, char **, char **);
/* The answer to one request. */
struct cmd_answer {
	long	 status;	/* 0: the platform was not reached */
	char	*body;		/* may hold a secret: free with care */
	int64_t	 wait;		/* seconds a refusal asks heed to wait */
};
struct platform_ops;
int	 cmd_http_ask(const struct config *, const struct platform_ops *,
	     const struct platform_request *, struct cmd_answer *, char **);

/* Facebook (cmd-meta.c). */
int	 cmd_meta_login(const struct config *, const struct config_account *);

#endif
