/*
 * cmd.h -- the commands that are not the interface: accounts, login,
 * logout and doctor.
 */
#ifndef HEED_CMD_H
#define HEED_CMD_H

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
char	*cmd_ask_secret(const char *);
char	*cmd_ask_line(const char *);
int	 cmd_http_once(const struct config *, const struct platform_request *,
	     long *, char **, char **);

/* Facebook (cmd-meta.c). */
int	 cmd_meta_login(const struct config *, const struct config_account *);

#endif
