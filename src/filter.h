/*
 * filter.h -- the queue's filter expressions ("author:anna lang:nl older:4h
 * teapot"), parsed into a store_filter. No curses: the queue screen, the
 * tests and the fuzzer all use it.
 */
#ifndef HEED_FILTER_H
#define HEED_FILTER_H

struct store;
struct store_filter;

/*
 * Parse an expression into f (free with filter_clear), looking account
 * names up in store; 0, or -1 with *cause (one line, safe to show).
 */
int	filter_parse(struct store *, const char *, struct store_filter *,
	    char **);
/* Free the strings of a filter and zero it. */
void	filter_clear(struct store_filter *);

#endif
