/*
 * bench-floor.c -- the floor under heed's first screen.
 *
 *	bench-floor CACHE
 *
 * The least a program can do to show the inbox: open the cache with
 * SQLite, read the first 38 inbox rows by the same index heed uses, paint
 * them with ncurses, end with a status line and a key line like heed's
 * (so that tests/tools/bench.c sees the same end of frame), and wait for
 * q. It links SQLite and ncurses and nothing else; bench times heed
 * against it in the same run, turn about.
 */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <curses.h>
#include <sqlite3.h>

#define FLOOR_ROWS	38

/* Read the first inbox rows and paint them; give how many, or -1. */
static int
floor_paint(sqlite3 *db)
{
	sqlite3_stmt	*st;
	const char	*author, *text;
	int		 n = 0;

	/* The inbox in its order since schema 7: lane, then waiting time. */
	if (sqlite3_prepare_v2(db, "SELECT author_name, text FROM items "
	    "INDEXED BY items_inbox WHERE queue = 0 ORDER BY rank, id "
	    "LIMIT ?1", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int(st, 1, FLOOR_ROWS);
	mvaddstr(0, 0, "Inbox");
	while (sqlite3_step(st) == SQLITE_ROW) {
		author = (const char *)sqlite3_column_text(st, 0);
		text = (const char *)sqlite3_column_text(st, 1);
		move(n + 1, 0);
		printw("%-20.20s %.*s", author != NULL ? author : "",
		    COLS > 22 ? COLS - 22 : 0, text != NULL ? text : "");
		n++;
	}
	sqlite3_finalize(st);
	return n;
}

int
main(int argc, char **argv)
{
	sqlite3	*db;
	int	 n, key;

	if (argc != 2) {
		fprintf(stderr, "usage: bench-floor CACHE\n");
		return 2;
	}
	setlocale(LC_ALL, "");
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		fprintf(stderr, "bench-floor: %s: %s\n", argv[1],
		    sqlite3_errmsg(db));
		return 1;
	}
	initscr();
	raw();
	noecho();
	keypad(stdscr, TRUE);
	if ((n = floor_paint(db)) < 0) {
		endwin();
		fprintf(stderr, "bench-floor: %s\n", sqlite3_errmsg(db));
		sqlite3_close(db);
		return 1;
	}
	mvprintw(LINES - 2, 0, " %d waiting, %d over 1h | ", n, n);
	mvaddstr(LINES - 1, 0, " Tab view  q quit");
	refresh();
	while ((key = getch()) != 'q' && key != ERR)
		;
	endwin();
	sqlite3_close(db);
	return 0;
}
