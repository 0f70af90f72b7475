/*
 * spell-words.c -- the personal word list: words the owner added with a
 * key in the composer, one a line in $XDG_DATA_HOME/heed/words.
 *
 * The file is the owner's: heed appends to it and never rewrites it, so
 * words typed into it by hand stay as they are. A word is appended under
 * an exclusive lock, after a look for it, so two windows adding the same
 * word write it once. A write that fails (a full disk) is cut back off,
 * leaving the file as it was.
 */
#include <sys/file.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "log.h"
#include "spell.h"
#include "spell-private.h"
#include "text.h"
#include "util.h"

/* The most of the file read: a list of words, not a dictionary. */
#define SPELL_WORDS_MAX_BYTES	(1024 * 1024)

/* Return a new string with the path of the personal word list. */
char *
spell_words_path(void)
{
	return util_xdg_path("data", "words");
}

/* Forget the words read. */
void
spell_words_clear(struct spell_words *w)
{
	size_t	i;

	for (i = 0; i < w->n; i++)
		free(w->v[i]);
	free(w->v);
	memset(w, 0, sizeof *w);
}

/* Read up to SPELL_WORDS_MAX_BYTES of an open file; a new string. */
static char *
spell_words_slurp(int fd)
{
	struct buf	 b;
	char		 chunk[4096];
	ssize_t		 n;

	buf_init(&b, SPELL_WORDS_MAX_BYTES);
	while ((n = read(fd, chunk, sizeof chunk)) > 0 ||
	    (n == -1 && errno == EINTR)) {
		if (n > 0 && buf_add(&b, chunk, (size_t)n) != 0)
			break;
	}
	buf_addch(&b, '\0');
	return buf_steal(&b);
}

/* Split text into its lines, trimmed, the empty ones and "#..." left out. */
static void
spell_words_parse(struct spell_words *w, char *text)
{
	char	*line, *next, *word;
	size_t	 cap = 0;

	for (line = text; line != NULL && *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		word = util_trim(line);
		if (*word == '\0' || *word == '#' ||
		    !text_valid_utf8(word, strlen(word)))
			continue;
		if (w->n == cap) {
			cap = cap == 0 ? 32 : cap * 2;
			w->v = xreallocarray(w->v, cap, sizeof *w->v);
		}
		w->v[w->n++] = xstrdup(word);
	}
}

/* Read the word list again if its file changed; see spell-private.h. */
int
spell_words_refresh(struct spell_words *w, const char *path)
{
	struct stat	 sb;
	int64_t		 mtime_ns;
	int		 fd;
	char		*text;

	if (stat(path, &sb) != 0) {
		if (w->read && w->n == 0 && w->ino == 0)
			return 0;
		spell_words_clear(w);
		w->read = 1;
		return 1;
	}
	mtime_ns = (int64_t)sb.st_mtim.tv_sec * 1000000000 +
	    sb.st_mtim.tv_nsec;
	if (w->read && w->dev == sb.st_dev && w->ino == sb.st_ino &&
	    w->size == sb.st_size && w->mtime_ns == mtime_ns)
		return 0;
	spell_words_clear(w);
	w->read = 1;
	w->dev = sb.st_dev;
	w->ino = sb.st_ino;
	w->size = sb.st_size;
	w->mtime_ns = mtime_ns;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) == -1) {
		log_warn("your word list %s cannot be read (%s): spelling "
		    "checks go on without it", path, strerror(errno));
		return 1;
	}
	if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode)) {
		text = spell_words_slurp(fd);
		spell_words_parse(w, text);
		free(text);
	} else
		log_warn("your word list %s is not a file: spelling checks "
		    "go on without it", path);
	close(fd);
	return 1;
}

/* Say whether a word fits on a line of the list: one word, UTF-8. */
static int
spell_word_valid(const char *word, char **cause)
{
	size_t	len = strlen(word), i;

	if (len == 0)
		return util_fail(cause, "there is no word at the cursor");
	if (len > SPELL_WORD_MAX)
		return util_fail(cause, "the word is too long for the word "
		    "list (%d bytes at most)", SPELL_WORD_MAX);
	if (!text_valid_utf8(word, len))
		return util_fail(cause, "the word is not valid UTF-8");
	for (i = 0; i < len; i++) {
		if ((unsigned char)word[i] <= ' ' || word[i] == 0x7f)
			return util_fail(cause, "a word for the list has no "
			    "spaces or control characters");
	}
	if (word[0] == '#')
		return util_fail(cause, "a word for the list cannot start "
		    "with #");
	return 0;
}

/* Return 1 if text (NUL-terminated) has a line that is word. */
static int
spell_words_has(const char *text, const char *word)
{
	size_t		 len = strlen(word);
	const char	*p = text;

	while ((p = strstr(p, word)) != NULL) {
		if ((p == text || p[-1] == '\n') &&
		    (p[len] == '\n' || p[len] == '\r' || p[len] == '\0'))
			return 1;
		p += len;
	}
	return 0;
}

/* Append line to the open list of size bytes; 0, or -1 with it cut back. */
static int
spell_words_append(int fd, const char *path, off_t size, const char *line,
    char **cause)
{
	size_t	 len = strlen(line), done = 0;
	ssize_t	 n;
	int	 saved;

	while (done < len) {
		n = write(fd, line + done, len - done);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0) {
			saved = n == 0 ? ENOSPC : errno;
			/* A line half written would glue two words. */
			if (ftruncate(fd, size) != 0)
				log_warn("cannot cut %s back after a failed "
				    "write: %s", path, strerror(errno));
			return util_fail(cause, "the word could not be added "
			    "to your word list %s: %s", path,
			    strerror(saved));
		}
		done += (size_t)n;
	}
	if (fsync(fd) != 0) {
		saved = errno;
		if (ftruncate(fd, size) != 0)
			log_warn("cannot cut %s back: %s", path,
			    strerror(errno));
		return util_fail(cause, "the word could not be added to your "
		    "word list %s: %s", path, strerror(saved));
	}
	return 0;
}

/* Add a word to the personal word list; see spell.h. */
int
spell_word_add(const char *word, char **cause)
{
	struct stat	 sb;
	char		*path, *dir, *slash, *text = NULL, *line, last;
	int		 fd = -1, rc = -1;

	if (spell_word_valid(word, cause) != 0)
		return -1;
	path = spell_words_path();
	dir = xstrdup(path);
	if ((slash = strrchr(dir, '/')) != NULL && slash != dir)
		*slash = '\0';
	if (util_mkdirs(dir, 0700) != 0) {
		util_fail(cause, "cannot make %s for your word list: %s", dir,
		    strerror(errno));
		goto out;
	}
	fd = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC | O_NOCTTY |
	    O_NONBLOCK, 0600);
	if (fd == -1 || fstat(fd, &sb) != 0) {
		util_fail(cause, "cannot open your word list %s: %s", path,
		    strerror(errno));
		goto out;
	}
	if (!S_ISREG(sb.st_mode)) {
		util_fail(cause, "your word list %s is not a file", path);
		goto out;
	}
	while (flock(fd, LOCK_EX) != 0 && errno == EINTR)
		;
	if (fstat(fd, &sb) != 0 || lseek(fd, 0, SEEK_SET) == -1) {
		util_fail(cause, "cannot read your word list %s: %s", path,
		    strerror(errno));
		goto out;
	}
	text = spell_words_slurp(fd);
	if (spell_words_has(text, word)) {
		rc = 1;
		goto out;
	}
	/* A last line without its newline gets one first. */
	if (sb.st_size == 0 || pread(fd, &last, 1, sb.st_size - 1) != 1)
		last = '\n';
	line = xprintf("%s%s\n", last != '\n' ? "\n" : "", word);
	rc = spell_words_append(fd, path, sb.st_size, line, cause);
	free(line);
out:
	if (fd != -1)
		close(fd);
	free(text);
	free(dir);
	free(path);
	return rc;
}
