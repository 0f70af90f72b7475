/*
 * classify-tally.c -- the names of the classifier's kinds and replies, and
 * the tally that measures it against labelled comments (heed classify
 * --eval, test-classify).
 */
#include <string.h>

#include "classify.h"
#include "util.h"

static const char *const classify_kind_names[CLASSIFY_KIND_COUNT] = {
	"other", "question", "complaint", "praise", "spam"
};
static const char *const classify_reply_names[CLASSIFY_REPLY_COUNT] = {
	"no", "unclear", "yes"
};

/* The name of a kind. */
const char *
classify_kind_name(enum classify_kind kind)
{
	if ((unsigned)kind >= CLASSIFY_KIND_COUNT)
		fatal("classify: no kind %d", (int)kind);
	return classify_kind_names[kind];
}

/* The name of a reply. */
const char *
classify_reply_name(enum classify_reply reply)
{
	if ((unsigned)reply >= CLASSIFY_REPLY_COUNT)
		fatal("classify: no reply %d", (int)reply);
	return classify_reply_names[reply];
}

/* Read a kind from its name; 0, or -1 if it is none. */
int
classify_kind_parse(const char *s, enum classify_kind *kind)
{
	int	i;

	for (i = 0; s != NULL && i < CLASSIFY_KIND_COUNT; i++) {
		if (strcmp(s, classify_kind_names[i]) == 0) {
			*kind = (enum classify_kind)i;
			return 0;
		}
	}
	return -1;
}

/* Read a reply from its name; 0, or -1 if it is none. */
int
classify_reply_parse(const char *s, enum classify_reply *reply)
{
	int	i;

	for (i = 0; s != NULL && i < CLASSIFY_REPLY_COUNT; i++) {
		if (strcmp(s, classify_reply_names[i]) == 0) {
			*reply = (enum classify_reply)i;
			return 0;
		}
	}
	return -1;
}

/* Count one message: expected kind and reply, then those found. */
void
classify_tally_add(struct classify_tally *t, enum classify_kind want,
    enum classify_reply want_reply, enum classify_kind got,
    enum classify_reply got_reply)
{
	t->kind[want][got]++;
	t->reply[want_reply][got_reply]++;
}

/* The share of messages found to be of a kind that are; -1: none found. */
double
classify_tally_precision(const struct classify_tally *t,
    enum classify_kind kind)
{
	unsigned	found = 0;
	int		i;

	for (i = 0; i < CLASSIFY_KIND_COUNT; i++)
		found += t->kind[i][kind];
	return found == 0 ? -1 : (double)t->kind[kind][kind] / found;
}

/* The share of messages of a kind found to be; -1: none expected. */
double
classify_tally_recall(const struct classify_tally *t,
    enum classify_kind kind)
{
	unsigned	expected = 0;
	int		i;

	for (i = 0; i < CLASSIFY_KIND_COUNT; i++)
		expected += t->kind[kind][i];
	return expected == 0 ? -1 : (double)t->kind[kind][kind] / expected;
}

/* The number of messages counted. */
unsigned
classify_tally_total(const struct classify_tally *t)
{
	unsigned	n = 0;
	int		i, j;

	for (i = 0; i < CLASSIFY_KIND_COUNT; i++) {
		for (j = 0; j < CLASSIFY_KIND_COUNT; j++)
			n += t->kind[i][j];
	}
	return n;
}

/* The share of messages whose kind was found right; -1: none counted. */
double
classify_tally_accuracy(const struct classify_tally *t)
{
	unsigned	right = 0, n = classify_tally_total(t);
	int		i;

	for (i = 0; i < CLASSIFY_KIND_COUNT; i++)
		right += t->kind[i][i];
	return n == 0 ? -1 : (double)right / n;
}
