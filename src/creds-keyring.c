/*
 * creds-keyring.c -- secrets in the system keyring: the Secret Service,
 * through libsecret.
 *
 * libsecret and the GLib chain under it (some twenty libraries) are
 * loaded with dlopen the first time a secret is needed, never at start:
 * most runs of heed (the inbox on a cache, heed list) need none, and
 * loading them cost a third of the time to the first screen and half of
 * its memory. heed compiles against libsecret's headers for the types;
 * every function it calls comes from the table below.
 *
 * The keyring is used by commands such as heed login and when an account
 * first needs its secret, never from the UI loop while it draws. Every
 * call opens its own SecretService (not libsecret's cached one) under a
 * main context of its own, and lets go of both at the end, so no GLib
 * object outlives a call and each call connects to the
 * DBUS_SESSION_BUS_ADDRESS of the moment.
 *
 * No secret ever goes into a message. Buffers that held one are wiped.
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libsecret/secret.h>

#include "creds.h"
#include "creds-private.h"
#include "text.h"
#include "util.h"

/* The shared object heed loads, with its SONAME. */
#define CREDS_LIBSECRET	"libsecret-1.so.0"

/* Every function of libsecret and GLib heed calls: type, name, arguments. */
#define CREDS_LIB(F) \
	F(gboolean, g_error_matches, (const GError *, GQuark, gint)) \
	F(GQuark, g_dbus_error_quark, (void)) \
	F(GQuark, g_io_error_quark, (void)) \
	F(GQuark, secret_error_get_quark, (void)) \
	F(gboolean, g_dbus_error_strip_remote_error, (GError *)) \
	F(void, g_error_free, (GError *)) \
	F(GMainContext *, g_main_context_new, (void)) \
	F(void, g_main_context_push_thread_default, (GMainContext *)) \
	F(void, g_main_context_pop_thread_default, (GMainContext *)) \
	F(gboolean, g_main_context_iteration, (GMainContext *, gboolean)) \
	F(void, g_main_context_unref, (GMainContext *)) \
	F(GDBusConnection *, g_bus_get_sync, \
	    (GBusType, GCancellable *, GError **)) \
	F(void, g_dbus_connection_set_exit_on_close, \
	    (GDBusConnection *, gboolean)) \
	F(void, g_object_unref, (gpointer)) \
	F(GHashTable *, g_hash_table_new, (GHashFunc, GEqualFunc)) \
	F(gboolean, g_hash_table_insert, (GHashTable *, gpointer, gpointer)) \
	F(void, g_hash_table_unref, (GHashTable *)) \
	F(guint, g_str_hash, (gconstpointer)) \
	F(gboolean, g_str_equal, (gconstpointer, gconstpointer)) \
	F(void, g_list_free_full, (GList *, GDestroyNotify)) \
	F(GType, secret_service_get_type, (void)) \
	F(SecretService *, secret_service_open_sync, \
	    (GType, const gchar *, SecretServiceFlags, GCancellable *, \
	    GError **)) \
	F(GList *, secret_service_search_sync, \
	    (SecretService *, const SecretSchema *, GHashTable *, \
	    SecretSearchFlags, GCancellable *, GError **)) \
	F(gboolean, secret_service_store_sync, \
	    (SecretService *, const SecretSchema *, GHashTable *, \
	    const gchar *, const gchar *, SecretValue *, GCancellable *, \
	    GError **)) \
	F(gboolean, secret_item_get_locked, (SecretItem *)) \
	F(SecretValue *, secret_item_get_secret, (SecretItem *)) \
	F(gboolean, secret_item_delete_sync, \
	    (SecretItem *, GCancellable *, GError **)) \
	F(SecretValue *, secret_value_new, \
	    (const gchar *, gssize, const gchar *)) \
	F(const gchar *, secret_value_get, (SecretValue *, gsize *)) \
	F(void, secret_value_unref, (gpointer))

/* The loaded library: its handle and one pointer per function. */
static struct {
	void	*dl;
	char	*error;		/* why it could not be loaded */
#define CREDS_LIB_FIELD(type, name, args) type (*name) args;
	CREDS_LIB(CREDS_LIB_FIELD)
#undef CREDS_LIB_FIELD
} lib;

/*
 * Load libsecret the first time it is needed; 0, or -1 with lib.error.
 * It stays loaded: GLib does not support being unloaded.
 */
static int
creds_load(void)
{
	void	*dl;

	if (lib.dl != NULL)
		return 0;
	if (lib.error != NULL)
		return -1;
	if ((dl = dlopen(CREDS_LIBSECRET, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		lib.error = xprintf("cannot load %s (%s): install the "
		    "libsecret-1-0 package", CREDS_LIBSECRET, dlerror());
		return -1;
	}
	/* dlsym on the handle also searches GLib, which libsecret needs. */
#define CREDS_LIB_LOAD(type, name, args)				\
	if ((*(void **)&lib.name = dlsym(dl, #name)) == NULL) {		\
		lib.error = xprintf("%s has no %s: it is too old",	\
		    CREDS_LIBSECRET, #name);				\
		dlclose(dl);						\
		return -1;						\
	}
	CREDS_LIB(CREDS_LIB_LOAD)
#undef CREDS_LIB_LOAD
	lib.dl = dl;
	return 0;
}

static const SecretSchema creds_schema = {
	.name = "org.heed.Credential",
	.flags = SECRET_SCHEMA_NONE,
	.attributes = {
		{ "account", SECRET_SCHEMA_ATTRIBUTE_STRING },
		{ "platform", SECRET_SCHEMA_ATTRIBUTE_STRING },
		{ "kind", SECRET_SCHEMA_ATTRIBUTE_STRING },
		{ NULL, 0 }
	}
};

/* A connection to the Secret Service for one call. */
struct creds_conn {
	GMainContext	*context;	/* thread-default during the call */
	GDBusConnection	*bus;
	SecretService	*service;
	const char	*account;	/* for the advice in messages */
};

/* Say the keyring stayed locked. */
static enum creds_result
creds_locked(char **cause)
{
	return creds_fail(cause, CREDS_LOCKED, "the keyring is locked and was "
	    "not unlocked (the unlock prompt was dismissed or could not be "
	    "shown): unlock it (log in to your desktop, or use seahorse) and "
	    "try again, or set credential_command for this account");
}

/* Say whether an error is a D-Bus error with this code. */
static int
creds_dbus(const GError *error, int code)
{
	return lib.g_error_matches(error, lib.g_dbus_error_quark(), code);
}

/* Say whether an error is a GIO error with this code. */
static int
creds_io(const GError *error, int code)
{
	return lib.g_error_matches(error, lib.g_io_error_quark(), code);
}

/* Say whether an error means nothing answers for the Secret Service. */
static int
creds_no_service(const GError *error)
{
	return creds_dbus(error, G_DBUS_ERROR_SERVICE_UNKNOWN) ||
	    creds_dbus(error, G_DBUS_ERROR_NAME_HAS_NO_OWNER);
}

/* Say whether an error means the bus could not start the Secret Service. */
static int
creds_no_start(const GError *error)
{
	return error->domain == lib.g_dbus_error_quark() &&
	    error->code >= G_DBUS_ERROR_SPAWN_EXEC_FAILED &&
	    error->code <= G_DBUS_ERROR_SPAWN_NO_MEMORY;
}

/* Say whether an error means the Secret Service stopped answering. */
static int
creds_no_answer(const GError *error)
{
	return creds_dbus(error, G_DBUS_ERROR_NO_REPLY) ||
	    creds_dbus(error, G_DBUS_ERROR_TIMEOUT) ||
	    creds_dbus(error, G_DBUS_ERROR_TIMED_OUT) ||
	    creds_io(error, G_IO_ERROR_TIMED_OUT) ||
	    creds_dbus(error, G_DBUS_ERROR_DISCONNECTED) ||
	    creds_io(error, G_IO_ERROR_CLOSED);
}

/*
 * Turn a GError from the bus or libsecret into a result and a message,
 * and free it. A dismissed prompt leaves the keyring locked; libsecret
 * reports it as IsLocked or, from a prompt, as cancelled.
 */
static enum creds_result
creds_gerror(const struct creds_conn *c, GError *error, char **cause)
{
	char			 advice[512];
	enum creds_result	 r;

	creds_advice(c->account, advice, sizeof advice);
	lib.g_dbus_error_strip_remote_error(error);
	if (lib.g_error_matches(error, lib.secret_error_get_quark(),
	    SECRET_ERROR_IS_LOCKED) || creds_io(error, G_IO_ERROR_CANCELLED))
		r = creds_locked(cause);
	else if (creds_no_service(error))
		r = creds_fail(cause, CREDS_UNREACHABLE, "no Secret Service "
		    "is running (gnome-keyring or KeePassXC with Secret "
		    "Service): start one, or %s", advice);
	else if (creds_no_start(error))
		r = creds_fail(cause, CREDS_UNREACHABLE, "the Secret Service "
		    "could not be started (%s): check gnome-keyring or "
		    "KeePassXC, or %s", error->message, advice);
	else if (creds_no_answer(error))
		r = creds_fail(cause, CREDS_UNREACHABLE, "the Secret Service "
		    "stopped answering (%s): restart it, or log out and in "
		    "again, or %s", error->message, advice);
	else
		r = creds_fail(cause, CREDS_FAILED, "the system keyring "
		    "failed: %s", error->message);
	lib.g_error_free(error);
	return r;
}

/* Connect to the session bus and the Secret Service, or say why not. */
static enum creds_result
creds_connect(struct creds_conn *c, const char *account, char **cause)
{
	const char	*address;
	char		 advice[512];
	GError		*error = NULL;

	memset(c, 0, sizeof *c);
	c->account = account;
	creds_advice(account, advice, sizeof advice);
	/* Without this GLib would try to autolaunch a bus. */
	address = getenv("DBUS_SESSION_BUS_ADDRESS");
	if (address == NULL || *address == '\0')
		return creds_fail(cause, CREDS_UNREACHABLE, "no D-Bus session "
		    "bus (DBUS_SESSION_BUS_ADDRESS is not set), so the system "
		    "keyring cannot be reached: %s", advice);
	if (creds_load() != 0)
		return creds_fail(cause, CREDS_UNREACHABLE, "the system "
		    "keyring cannot be used: %s; or %s", lib.error, advice);
	c->context = lib.g_main_context_new();
	lib.g_main_context_push_thread_default(c->context);
	c->bus = lib.g_bus_get_sync(G_BUS_TYPE_SESSION, NULL, &error);
	if (c->bus == NULL) {
		creds_fail(cause, CREDS_UNREACHABLE, "cannot connect to the "
		    "D-Bus session bus at %s (%s), so the system keyring "
		    "cannot be reached (a stale DBUS_SESSION_BUS_ADDRESS, as "
		    "in an old tmux or screen session?): %s", address,
		    error->message, advice);
		lib.g_error_free(error);
		return CREDS_UNREACHABLE;
	}
	/* Losing the bus must not make GLib send heed a SIGTERM. */
	lib.g_dbus_connection_set_exit_on_close(c->bus, FALSE);
	c->service = lib.secret_service_open_sync(
	    lib.secret_service_get_type(), NULL, SECRET_SERVICE_OPEN_SESSION,
	    NULL, &error);
	if (c->service == NULL)
		return creds_gerror(c, error, cause);
	return CREDS_OK;
}

/* Let go of the Secret Service and of everything GLib kept for it. */
static void
creds_disconnect(struct creds_conn *c)
{
	int	i;

	if (c->service != NULL)
		lib.g_object_unref(c->service);
	if (c->bus != NULL)
		lib.g_object_unref(c->bus);
	c->service = NULL;
	c->bus = NULL;
	if (c->context != NULL) {
		/*
		 * Run what GLib deferred to this context, such as freeing
		 * signal subscriptions: they hold the last references to the
		 * shared bus connection, which must go with the call.
		 */
		for (i = 0; i < 1000; i++) {
			if (!lib.g_main_context_iteration(c->context, FALSE))
				break;
		}
		lib.g_main_context_pop_thread_default(c->context);
		lib.g_main_context_unref(c->context);
		c->context = NULL;
	}
}

/* Check the names are text D-Bus can carry (they are not secret). */
static enum creds_result
creds_check_names(const char *account, const char *platform,
    const char *kind, char **cause)
{
	if (account == NULL || platform == NULL || kind == NULL)
		fatal("creds: missing account, platform or kind");
	if (!text_valid_utf8(account, strlen(account)) ||
	    !text_valid_utf8(platform, strlen(platform)) ||
	    !text_valid_utf8(kind, strlen(kind)))
		return creds_fail(cause, CREDS_FAILED, "the account name, "
		    "platform or credential kind is not valid UTF-8");
	return CREDS_OK;
}

/* Return a new attribute table for a credential; it borrows the names. */
static GHashTable *
creds_attributes(const char *account, const char *platform, const char *kind)
{
	GHashTable	*attrs;

	attrs = lib.g_hash_table_new(lib.g_str_hash, lib.g_str_equal);
	lib.g_hash_table_insert(attrs, (gpointer)"account", (gpointer)account);
	lib.g_hash_table_insert(attrs, (gpointer)"platform",
	    (gpointer)platform);
	lib.g_hash_table_insert(attrs, (gpointer)"kind", (gpointer)kind);
	return attrs;
}

/* Free a list of items; NULL (also before libsecret is loaded) is none. */
static void
creds_free_items(GList *items)
{
	if (items != NULL)
		lib.g_list_free_full(items, lib.g_object_unref);
}

/*
 * Find the items for a credential, unlocking them if the keyring asks.
 * Return CREDS_OK with a list the caller frees, or CREDS_MISSING.
 */
static enum creds_result
creds_search(struct creds_conn *c, const char *platform, const char *kind,
    SecretSearchFlags flags, GList **items, char **cause)
{
	GHashTable	*attrs;
	GError		*error = NULL;

	attrs = creds_attributes(c->account, platform, kind);
	*items = lib.secret_service_search_sync(c->service, &creds_schema,
	    attrs, flags | SECRET_SEARCH_UNLOCK, NULL, &error);
	lib.g_hash_table_unref(attrs);
	if (error != NULL) {
		creds_free_items(*items);
		*items = NULL;
		return creds_gerror(c, error, cause);
	}
	return *items == NULL ? CREDS_MISSING : CREDS_OK;
}

/* Fail with CREDS_LOCKED if any item stayed locked. */
static enum creds_result
creds_check_unlocked(GList *items, char **cause)
{
	GList	*l;

	for (l = items; l != NULL; l = l->next) {
		if (lib.secret_item_get_locked(l->data))
			return creds_locked(cause);
	}
	return CREDS_OK;
}

/* Store a secret for (account, platform, kind), replacing any earlier one. */
enum creds_result
creds_store(const char *account, const char *platform, const char *kind,
    const char *secret, char **cause)
{
	struct creds_conn	 c;
	enum creds_result	 r;
	GHashTable		*attrs;
	SecretValue		*value;
	GError			*error = NULL;
	char			*label;

	if ((r = creds_check_names(account, platform, kind, cause)) != CREDS_OK)
		return r;
	if (secret == NULL || *secret == '\0')
		return creds_fail(cause, CREDS_FAILED, "refusing to store an "
		    "empty secret");
	if ((r = creds_connect(&c, account, cause)) != CREDS_OK) {
		creds_disconnect(&c);
		return r;
	}
	attrs = creds_attributes(account, platform, kind);
	label = xprintf("heed: %s (%s %s)", account, platform, kind);
	value = lib.secret_value_new(secret, -1, "text/plain");
	/* CreateItem with replace: the old secret goes in the same step. */
	if (!lib.secret_service_store_sync(c.service, &creds_schema, attrs,
	    SECRET_COLLECTION_DEFAULT, label, value, NULL, &error))
		r = creds_gerror(&c, error, cause);
	lib.secret_value_unref(value);
	free(label);
	lib.g_hash_table_unref(attrs);
	creds_disconnect(&c);
	return r;
}

/* Copy an item's secret into a new string; CREDS_FAILED if it has none. */
static enum creds_result
creds_copy_secret(SecretItem *item, char **secret, char **cause)
{
	SecretValue	*value;
	const gchar	*data;
	gsize		 len;

	if ((value = lib.secret_item_get_secret(item)) == NULL)
		return creds_fail(cause, CREDS_FAILED, "the system keyring "
		    "gave no secret for the item it found");
	data = lib.secret_value_get(value, &len);
	if (len == 0 || memchr(data, '\0', len) != NULL) {
		lib.secret_value_unref(value);
		return creds_fail(cause, CREDS_FAILED, "the secret in the "
		    "system keyring is empty or not text: run heed login "
		    "again");
	}
	*secret = xmalloc(len + 1);
	memcpy(*secret, data, len);
	(*secret)[len] = '\0';
	lib.secret_value_unref(value);	/* libsecret wipes its copy */
	return CREDS_OK;
}

/* Look a secret up; *secret is set only on CREDS_OK. */
enum creds_result
creds_lookup(const char *account, const char *platform, const char *kind,
    char **secret, char **cause)
{
	struct creds_conn	 c;
	enum creds_result	 r;
	GList			*items = NULL;

	if ((r = creds_check_names(account, platform, kind, cause)) != CREDS_OK)
		return r;
	if ((r = creds_connect(&c, account, cause)) == CREDS_OK &&
	    (r = creds_search(&c, platform, kind, SECRET_SEARCH_LOAD_SECRETS,
	    &items, cause)) == CREDS_OK &&
	    (r = creds_check_unlocked(items, cause)) == CREDS_OK)
		r = creds_copy_secret(items->data, secret, cause);
	creds_free_items(items);
	creds_disconnect(&c);
	return r;
}

/* Delete a secret; CREDS_MISSING if there was none. */
enum creds_result
creds_delete(const char *account, const char *platform, const char *kind,
    char **cause)
{
	struct creds_conn	 c;
	enum creds_result	 r;
	GList			*items = NULL, *l;
	GError			*error = NULL;

	if ((r = creds_check_names(account, platform, kind, cause)) != CREDS_OK)
		return r;
	if ((r = creds_connect(&c, account, cause)) == CREDS_OK &&
	    (r = creds_search(&c, platform, kind, SECRET_SEARCH_ALL, &items,
	    cause)) == CREDS_OK &&
	    (r = creds_check_unlocked(items, cause)) == CREDS_OK) {
		for (l = items; l != NULL; l = l->next) {
			if (!lib.secret_item_delete_sync(l->data, NULL,
			    &error)) {
				r = creds_gerror(&c, error, cause);
				break;
			}
		}
	}
	creds_free_items(items);
	creds_disconnect(&c);
	return r;
}

/* Check that the keyring answers at all, with a search that finds nothing. */
enum creds_result
creds_ping(char **cause)
{
	struct creds_conn	 c;
	enum creds_result	 r;
	GHashTable		*attrs;
	GList			*items;
	GError			*error = NULL;

	if ((r = creds_connect(&c, NULL, cause)) == CREDS_OK) {
		attrs = creds_attributes("", "", "");
		items = lib.secret_service_search_sync(c.service, &creds_schema,
		    attrs, SECRET_SEARCH_NONE, NULL, &error);
		if (error != NULL)
			r = creds_gerror(&c, error, cause);
		creds_free_items(items);
		lib.g_hash_table_unref(attrs);
	}
	creds_disconnect(&c);
	return r;
}

