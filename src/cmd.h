/*
 * cmd.h -- heed's commands (each in its own cmd-*.c, listed in main.c's
 * table with the setup it needs), and what they share (cmd.c).
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

/* What a command needs set up before it runs (cmd_entry.needs). */
#define CMD_CONFIG	0x01	/* the config, read */
#define CMD_CACHE	0x02	/* the config, the log and the cache open */
#define CMD_READONLY	0x04	/* the cache read only: it must exist */
#define CMD_PATHS	0x08	/* only the paths, from a config that may
				   be broken (doctor reads it itself) */
#define CMD_NO_DEMO	0x10	/* not with --demo: real accounts only */
#define CMD_ARGS_FIRST	0x20	/* checks its arguments first, then calls
				   env->setup itself */
#define CMD_CACHE_PATH	0x40	/* with CMD_CONFIG: the paths worked out
				   too; the command opens the cache itself
				   if it needs to (heed login) */

/* What a command is given: the setup made for it. */
struct cmd_env {
	struct config		*cfg;
	struct store		*store;		/* with CMD_CACHE */
	const struct cmd_paths	*paths;		/* with CMD_PATHS or
						   CMD_CACHE_PATH */
	int			 demo;		/* --demo */
	int			 write;		/* a CMD_READONLY command with
						   CMD_ARGS_FIRST found it
						   must write after all */
	/* Make the setup of CMD_ARGS_FIRST; 0, or -1 once said why not. */
	int			(*setup)(struct cmd_env *);
	void			*arg;		/* for setup */
};

/* The exit status of a command given what it cannot take. */
#define CMD_EXIT_USAGE	2

/* One command of the table. */
struct cmd_entry {
	const char	*name;		/* NULL: no command, the inbox */
	int		 needs;		/* CMD_* */
	int		 failed;	/* the exit status if the setup fails */
	int		(*run)(struct cmd_env *, int, char **);
};

int	cmd_tui(struct cmd_env *, int, char **);	/* cmd-tui.c */
int	cmd_list(struct cmd_env *, int, char **);	/* cmd-list.c */
int	cmd_sync(struct cmd_env *, int, char **);	/* cmd-sync.c */
int	cmd_outbox(struct cmd_env *, int, char **);	/* cmd-outbox.c */
int	cmd_accounts(struct cmd_env *, int, char **);	/* cmd-account.c */
int	cmd_login(struct cmd_env *, int, char **);
int	cmd_logout(struct cmd_env *, int, char **);
int	cmd_doctor(struct cmd_env *, int, char **);	/* cmd-doctor.c */
int	cmd_classify(struct cmd_env *, int, char **);	/* cmd-classify.c */
int	cmd_rules(struct cmd_env *, int, char **);	/* cmd-rules.c */
int	cmd_status(struct cmd_env *, int, char **);	/* cmd-status.c */
int	cmd_log(struct cmd_env *, int, char **);	/* cmd-log.c */
int	cmd_alert(struct cmd_env *, int, char **);	/* cmd-alert.c */
int	cmd_alert_after_sync(struct cmd_env *, int);
int	cmd_stats(struct cmd_env *, int, char **);	/* cmd-stats.c */
int	cmd_check_reply(struct cmd_env *, int, char **); /* cmd-check-reply.c */

/* Shared by the commands (cmd.c). */
struct config_account;
struct platform_request;
/*
 * Print to a stream what the commands say: each line's text goes through
 * the sanitizer (no control character or escape reaches the terminal),
 * its indentation and the line breaks of the format are kept, nothing is
 * cut.
 */
void	 cmd_print(FILE *, const char *, ...) printflike(2, 3);
int	 cmd_demo_sync(struct cmd_env *);
int	 cmd_parse_when(const char *, int64_t, int64_t *);
char	*cmd_clean(const char *, int);
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

/*
 * The loopback redirect of a login in a browser (cmd-loopback.c). open
 * listens on 127.0.0.1 on a port the kernel chooses (NULL with a cause if
 * it cannot); wait waits up to whole seconds for one GET of the path and
 * gives its query (a new string): 0, or -1 with a cause; answer answers
 * that request with one line of plain text and stops listening; free
 * stops, if not done yet, and frees (NULL is fine).
 */
struct cmd_loopback;
struct cmd_loopback *cmd_loopback_open(int *, char **);
int	 cmd_loopback_wait(struct cmd_loopback *, const char *, int64_t,
	     char **, char **);
void	 cmd_loopback_answer(struct cmd_loopback *, const char *);
void	 cmd_loopback_free(struct cmd_loopback *);

#endif
