/*
 * bench-gen.h -- the floor of the ingest benchmark (bench-gen-plain.c),
 * used by bench-gen.c.
 */
#ifndef HEED_BENCH_GEN_H
#define HEED_BENCH_GEN_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"

struct plain;

/* Create a fresh database for a plain ingest at path; NULL with *cause. */
struct plain	*plain_open(const char *, char **);
/* Insert one page of posts and items in one transaction; 0 or -1. */
int		 plain_page(struct plain *, int64_t, const struct post *,
		    size_t, const struct item_list *, char **);
/* Close the database. */
void		 plain_close(struct plain *);

#endif
