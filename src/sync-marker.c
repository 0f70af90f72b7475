/*
 * sync-marker.c -- what was read, shared through the platform's read
 * marker (an account with read_markers on, a platform with marker ops).
 *
 * At the end of a run, after the streams and the recheck, the engine
 * reads the marker: every item still new in heed up to it was read in
 * another app, and is read in heed too. Then, when heed has read further
 * than the marker says (up to the first item still new: a marker means
 * "everything before this was read"), it moves the marker there. It never
 * moves it back. A failure costs only this run's sharing: it is logged,
 * and the next run tries again. The platform's marker is private to the
 * user: nothing here shows in public.
 */
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "log.h"
#include "store.h"
#include "sync-private.h"
#include "util.h"

/* Return 1 if the account shares its read marker. */
static int
sync_marker_on(const struct sync_account *a)
{
	return a->ops->marker_request != NULL && a->ops->marker_parse != NULL &&
	    config_int(a->sync->cfg, a->cfg, OPT_READ_MARKERS);
}

/* The end of this run's sharing: nothing more to do until the next. */
static void
sync_marker_done(struct sync_account *a)
{
	a->marker = SYNC_MARKER_DONE;
	free(a->marker_to);
	a->marker_to = NULL;
}

/*
 * At the end of a run, read the marker or move it, when that is due.
 * Return 1 if a request was made.
 */
int
sync_start_marker(struct sync_account *a)
{
	char	*cause = NULL;
	int	 rc;

	switch (a->marker) {
	case SYNC_MARKER_UNREAD:
		if (!sync_marker_on(a)) {
			sync_marker_done(a);
			return 0;
		}
		rc = a->ops->marker_request(&a->pa, NULL, &a->req, &cause);
		a->marker = SYNC_MARKER_READING;
		break;
	case SYNC_MARKER_TO_MOVE:
		rc = a->ops->marker_request(&a->pa, a->marker_to, &a->req,
		    &cause);
		a->marker = SYNC_MARKER_MOVING;
		break;
	default:
		return 0;
	}
	if (rc != 0) {
		log_warn("%s: the read marker was not shared: %s",
		    a->pa.name, cause);
		free(cause);
		sync_marker_done(a);
		return 0;
	}
	sync_ready(a, JOB_MARKER);
	return 1;
}

/*
 * The marker was read (at is where it stands, NULL when the user has
 * none yet): mark read what another app read, and move the marker when
 * heed has read further.
 */
static void
sync_marker_read(struct sync_account *a, const char *at)
{
	struct store	*s = a->sync->store;
	char		*cause = NULL, *to = NULL;
	size_t		 n = 0;

	if (at != NULL && store_marks_read(s, a->pa.id, at, &n, &cause) != 0)
		goto fail;
	if (n > 0) {
		log_info("%s: %zu message%s read in another app", a->pa.name,
		    n, n == 1 ? "" : "s");
		sync_notify(a->sync);
	}
	if (store_marks_next(s, a->pa.id, at, &to, &cause) != 0)
		goto fail;
	if (to == NULL) {
		sync_marker_done(a);
		return;
	}
	a->marker = SYNC_MARKER_TO_MOVE;
	free(a->marker_to);
	a->marker_to = to;
	return;
fail:
	log_error("%s: %s", a->pa.name, cause);
	free(cause);
	sync_marker_done(a);
}

/* Handle the answer to reading or moving the marker. */
void
sync_marker_response(struct sync_account *a,
    const struct platform_response *resp)
{
	char	*at = NULL, *cause = NULL;

	if (a->ops->marker_parse(&a->pa, resp, &at, &cause) != 0) {
		/* A login refused says so at the next read of a stream. */
		log_warn("%s: the read marker was not %s: %s", a->pa.name,
		    a->marker == SYNC_MARKER_MOVING ? "moved" : "read",
		    cause != NULL ? cause : "?");
		free(cause);
		sync_marker_done(a);
		return;
	}
	if (a->marker == SYNC_MARKER_READING)
		sync_marker_read(a, at);
	else {
		log_info("%s: read marker moved to %s", a->pa.name,
		    a->marker_to);
		sync_marker_done(a);
	}
	free(at);
}
