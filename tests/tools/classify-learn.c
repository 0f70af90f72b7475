/*
 * classify-learn.c -- learn the weights of the classifier's learned part
 * from labelled comments, and write them as C (src/classify-weights.c).
 *
 *	classify-learn [-m MIN] OUT.c FILE.jsonl...
 *
 * Each line of the files is a JSON object with "text", "kind" and
 * perhaps "lang" (as heed classify --eval reads them). A text is read as features by
 * classify_features (src/classify-stat.c); a feature seen in fewer than
 * MIN comments (default 2) is dropped, as a word met once says more
 * about that comment than about its kind.
 *
 * The model is naive Bayes over features counted once a comment. For
 * each kind k and feature f, with c(f,k) the comments of kind k that
 * have f, T(k) the sum of c(f,k) over the features kept and V their
 * number, the weight is
 *
 *	log((c(f,k) + A) / (T(k) + A * V))
 *
 * (A = 0.5, add-half smoothing), less its mean over the kinds, so that a
 * feature as likely in every kind weighs 0 and one never seen is left
 * out; the prior of k is log((n(k) + 1) / (N + 5)) from the comments of
 * each kind, less its mean. The weights are written in hundredths,
 * sorted by the feature's hash (classify_feature_hash), which is what
 * classify-stat.c looks them up by. Two features with one hash count as
 * one; the tool says how many there were.
 *
 * make classify-weights runs it on the sets the classifier may be tuned
 * on; never on a set kept to measure it (see tests/bench/classify).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "classify.h"
#include "util.h"

#define LEARN_ALPHA	0.5
#define LEARN_SCALE	100.0
#define LEARN_PER_LINE	5

/* One feature and how many comments of each kind have it. */
struct learn_feat {
	uint32_t	 hash;
	char		*text;
	unsigned	 count[CLASSIFY_KIND_COUNT];
	int		 used;
};

/* Every feature met, by hash (open addressing), and the comments. */
struct learn {
	struct learn_feat	*slot;
	size_t			 nslot, nfeat;
	unsigned		 docs[CLASSIFY_KIND_COUNT];
	unsigned		 collisions;
	int			 kind;		/* of the comment being read */
};

/* Grow the table of features to twice its size. */
static void
learn_grow(struct learn *l)
{
	struct learn_feat	*old = l->slot;
	size_t			 n = l->nslot, i, j;

	l->nslot = n == 0 ? 4096 : 2 * n;
	l->slot = xcalloc(l->nslot, sizeof *l->slot);
	for (i = 0; i < n; i++) {
		if (old[i].hash == 0)
			continue;
		for (j = old[i].hash & (l->nslot - 1); l->slot[j].hash != 0;
		    j = (j + 1) & (l->nslot - 1))
			;
		l->slot[j] = old[i];
	}
	free(old);
}

/* Count one feature of the comment being read. */
static void
learn_count(const char *s, size_t n, uint32_t h, void *arg)
{
	struct learn		*l = arg;
	struct learn_feat	*f;
	size_t			 j;

	if (2 * (l->nfeat + 1) > l->nslot)
		learn_grow(l);
	for (j = h & (l->nslot - 1); l->slot[j].hash != 0 &&
	    l->slot[j].hash != h; j = (j + 1) & (l->nslot - 1))
		;
	f = &l->slot[j];
	if (f->hash == 0) {
		f->hash = h;
		f->text = xstrndup(s, n);
		l->nfeat++;
	} else if (strlen(f->text) != n || memcmp(f->text, s, n) != 0) {
		l->collisions++;
		free(f->text);
		f->text = xstrndup(s, n);
	}
	f->count[l->kind]++;
}

/* Read one file of labelled comments; 0, or -1 once said. */
static int
learn_file(struct learn *l, const char *path)
{
	FILE			*fp;
	char			*line = NULL;
	size_t			 cap = 0, lineno = 0;
	ssize_t			 n;
	json_t			*o;
	json_error_t		 err;
	enum classify_kind	 kind;
	int			 rc = 0;

	if ((fp = fopen(path, "r")) == NULL) {
		fprintf(stderr, "classify-learn: %s: %s\n", path,
		    strerror(errno));
		return -1;
	}
	while (rc == 0 && (n = getline(&line, &cap, fp)) != -1) {
		lineno++;
		if (n <= 1)
			continue;
		o = json_loadb(line, (size_t)n, 0, &err);
		if (o == NULL || !json_is_string(json_object_get(o, "text")) ||
		    !json_is_string(json_object_get(o, "kind")) ||
		    classify_kind_parse(json_string_value(json_object_get(o,
		    "kind")), &kind) != 0) {
			fprintf(stderr, "classify-learn: %s:%zu: no text and "
			    "kind\n", path, lineno);
			rc = -1;
		} else {
			l->kind = (int)kind;
			l->docs[kind]++;
			classify_features(json_string_value(json_object_get(o,
			    "text")), json_string_value(json_object_get(o,
			    "lang")), learn_count, l);
		}
		json_decref(o);
	}
	free(line);
	fclose(fp);
	return rc;
}

/* Order features by hash. */
static int
learn_cmp(const void *a, const void *b)
{
	const struct learn_feat	*x = a, *y = b;

	return x->hash < y->hash ? -1 : x->hash > y->hash;
}

/* Write the weights of the features kept (f, n of them) to fp. */
static void
learn_write_weights(FILE *fp, const struct learn_feat *f, size_t n)
{
	double		 total[CLASSIFY_KIND_COUNT] = { 0 }, lp[CLASSIFY_KIND_COUNT];
	double		 mean;
	size_t		 i;
	int		 k;

	for (i = 0; i < n; i++)
		for (k = 0; k < CLASSIFY_KIND_COUNT; k++)
			total[k] += f[i].count[k];
	fprintf(fp, "const struct classify_weight classify_weights[] = {\n");
	for (i = 0; i < n; i++) {
		mean = 0;
		for (k = 0; k < CLASSIFY_KIND_COUNT; k++) {
			lp[k] = log((f[i].count[k] + LEARN_ALPHA) /
			    (total[k] + LEARN_ALPHA * (double)n));
			mean += lp[k] / CLASSIFY_KIND_COUNT;
		}
		fprintf(fp, "%s{0x%08x,{", i % LEARN_PER_LINE == 0 ? "\t" :
		    " ", (unsigned)f[i].hash);
		for (k = 0; k < CLASSIFY_KIND_COUNT; k++)
			fprintf(fp, "%s%ld", k > 0 ? "," : "",
			    lround((lp[k] - mean) * LEARN_SCALE));
		fprintf(fp, "}},%s", i % LEARN_PER_LINE == LEARN_PER_LINE - 1 ||
		    i + 1 == n ? "\n" : "");
	}
	fprintf(fp, "};\nconst size_t classify_nweights = %zu;\n", n);
}

/* Write the whole file: a header, the priors, the weights. */
static void
learn_write(FILE *fp, struct learn *l, unsigned min, int argc, char **argv)
{
	struct learn_feat	*kept;
	double			 lp[CLASSIFY_KIND_COUNT], mean = 0;
	unsigned		 docs = 0, sum;
	size_t			 i, n = 0;
	int			 k;

	kept = xreallocarray(NULL, l->nfeat + 1, sizeof *kept);
	for (i = 0; i < l->nslot; i++) {
		for (sum = 0, k = 0; k < CLASSIFY_KIND_COUNT; k++)
			sum += l->slot[i].count[k];
		if (l->slot[i].hash != 0 && sum >= min)
			kept[n++] = l->slot[i];
	}
	qsort(kept, n, sizeof *kept, learn_cmp);
	for (k = 0; k < CLASSIFY_KIND_COUNT; k++)
		docs += l->docs[k];
	fprintf(fp, "/*\n * classify-weights.c -- written by "
	    "tests/tools/classify-learn.c (make\n * classify-weights); do "
	    "not edit. %zu features seen in %u comments or\n * more, of %u "
	    "comments in:\n", n, min, docs);
	for (i = 0; i < (size_t)argc; i++)
		fprintf(fp, " *\t%s\n", argv[i]);
	fprintf(fp, " */\n#include \"classify-private.h\"\n\n"
	    "const int16_t classify_weight_prior[CLASSIFY_KIND_COUNT] = {\n\t");
	for (k = 0; k < CLASSIFY_KIND_COUNT; k++) {
		lp[k] = log((l->docs[k] + 1.0) / (docs + CLASSIFY_KIND_COUNT));
		mean += lp[k] / CLASSIFY_KIND_COUNT;
	}
	for (k = 0; k < CLASSIFY_KIND_COUNT; k++)
		fprintf(fp, "%s%ld", k > 0 ? ", " : "",
		    lround((lp[k] - mean) * LEARN_SCALE));
	fprintf(fp, "\n};\n\n");
	learn_write_weights(fp, kept, n);
	free(kept);
}

int
main(int argc, char **argv)
{
	struct learn	 l;
	FILE		*fp;
	unsigned	 min = 2;
	size_t		 i;
	int		 c, rc = 0;

	while ((c = getopt(argc, argv, "m:")) != -1) {
		if (c != 'm')
			goto usage;
		min = (unsigned)strtoul(optarg, NULL, 10);
	}
	argc -= optind;
	argv += optind;
	if (argc < 2)
		goto usage;
	memset(&l, 0, sizeof l);
	learn_grow(&l);
	for (c = 1; c < argc && rc == 0; c++)
		rc = learn_file(&l, argv[c]);
	if (rc != 0)
		return 1;
	if ((fp = fopen(argv[0], "w")) == NULL) {
		fprintf(stderr, "classify-learn: %s: %s\n", argv[0],
		    strerror(errno));
		return 1;
	}
	learn_write(fp, &l, min, argc - 1, argv + 1);
	if (fclose(fp) != 0) {
		fprintf(stderr, "classify-learn: %s: write error\n", argv[0]);
		return 1;
	}
	if (l.collisions > 0)
		fprintf(stderr, "classify-learn: %u features shared a hash\n",
		    l.collisions);
	for (i = 0; i < l.nslot; i++)
		free(l.slot[i].text);
	free(l.slot);
	return 0;
usage:
	fprintf(stderr, "usage: classify-learn [-m MIN] OUT.c FILE.jsonl...\n");
	return 2;
}
