/*
 * graph-cases.h -- the Graph API adapter's tests over files of cases (the
 * .cases files under tests/data/facebook and tests/data/instagram): the
 * answer and the outbox entry a case gives, and checks of a page, an item,
 * an action's answer or a reconcile against the keys of a case.
 *
 * Include after <cmocka.h>, the adapter's headers and data.h.
 */

#ifndef GRAPH_CASES_H
#define GRAPH_CASES_H

#include <stdint.h>

struct platform_response case_answer(const struct data_case *);
const struct platform_ops *case_ops(const struct data_case *);
int		 case_action(const struct data_case *, const char *, int);
void		 assert_page_case(const struct data_case *,
		    const struct sync_page *);
void		 assert_item_case(const struct data_case *,
		    const struct item *);
struct outbox_entry case_entry(const struct data_case *, const char *,
		    const char *, const char *, int64_t);
void		 assert_refusal_case(const struct data_case *,
		    const char *);
void		 assert_action_case(const struct platform_ops *,
		    const struct platform_account *,
		    const struct outbox_entry *, const struct data_case *);
void		 assert_reconcile_case(const struct platform_ops *,
		    const struct platform_account *,
		    const struct outbox_entry *, const struct data_case *);

#endif
