/*
 * json-lib.c -- libjansson, loaded with dlopen the first time heed reads
 * or builds JSON, never at start.
 *
 * The first screen needs no JSON, and a library linked in is loaded and
 * relocated before main runs, and searched for every symbol heed binds:
 * libjansson added 0.04 to 0.07 ms to every start, measured from exec to
 * the end of heed --version, when the first screen may take only a few
 * tenths of a millisecond more than its floor (tests/tools/bench-floor.c).
 *
 * Each function of jansson's API that heed calls is defined here under
 * its own name, as jansson.h declares it, so the rest of heed calls
 * jansson as usual: the first call loads the library, and every call goes
 * on to the library's function. jansson.h's inline functions
 * (json_decref, json_incref, json_object_set, json_array_append) and its
 * macros (json_object_foreach, json_array_foreach, json_is_*) come down to
 * the functions below.
 *
 * jansson is a hard dependency like the C library: heed cannot do without
 * it, so a library that cannot be loaded ends heed with the reason.
 */
#include <dlfcn.h>
#include <stdarg.h>
#include <stddef.h>

#include <jansson.h>

#include "util.h"

/* The shared object heed loads, with its SONAME. */
#define JSON_LIB	"libjansson.so.4"

/*
 * Every function of jansson heed calls that returns a value: type, name,
 * parameters, and the arguments that pass them on.
 */
#define JSON_LIB_VALUE(F) \
	F(json_t *, json_object, (void), ()) \
	F(json_t *, json_array, (void), ()) \
	F(json_t *, json_string, (const char *value), (value)) \
	F(json_t *, json_stringn, (const char *value, size_t len), \
	    (value, len)) \
	F(json_t *, json_stringn_nocheck, (const char *value, size_t len), \
	    (value, len)) \
	F(json_t *, json_integer, (json_int_t value), (value)) \
	F(json_t *, json_true, (void), ()) \
	F(json_t *, json_false, (void), ()) \
	F(json_t *, json_null, (void), ()) \
	F(size_t, json_object_size, (const json_t *object), (object)) \
	F(json_t *, json_object_get, (const json_t *object, const char *key), \
	    (object, key)) \
	F(int, json_object_set_new, \
	    (json_t *object, const char *key, json_t *value), \
	    (object, key, value)) \
	F(int, json_object_setn_new_nocheck, (json_t *object, const char *key, \
	    size_t key_len, json_t *value), (object, key, key_len, value)) \
	F(int, json_object_del, (json_t *object, const char *key), \
	    (object, key)) \
	F(int, json_object_update, (json_t *object, json_t *other), \
	    (object, other)) \
	F(void *, json_object_iter, (json_t *object), (object)) \
	F(void *, json_object_key_to_iter, (const char *key), (key)) \
	F(void *, json_object_iter_next, (json_t *object, void *iter), \
	    (object, iter)) \
	F(const char *, json_object_iter_key, (void *iter), (iter)) \
	F(json_t *, json_object_iter_value, (void *iter), (iter)) \
	F(size_t, json_array_size, (const json_t *array), (array)) \
	F(json_t *, json_array_get, (const json_t *array, size_t index), \
	    (array, index)) \
	F(int, json_array_append_new, (json_t *array, json_t *value), \
	    (array, value)) \
	F(int, json_array_remove, (json_t *array, size_t index), \
	    (array, index)) \
	F(const char *, json_string_value, (const json_t *string), (string)) \
	F(size_t, json_string_length, (const json_t *string), (string)) \
	F(json_int_t, json_integer_value, (const json_t *integer), (integer)) \
	F(double, json_number_value, (const json_t *json), (json)) \
	F(json_t *, json_loads, \
	    (const char *input, size_t flags, json_error_t *error), \
	    (input, flags, error)) \
	F(json_t *, json_loadb, (const char *buffer, size_t buflen, \
	    size_t flags, json_error_t *error), (buffer, buflen, flags, error)) \
	F(char *, json_dumps, (const json_t *json, size_t flags), \
	    (json, flags)) \
	F(json_t *, json_vpack_ex, (json_error_t *error, size_t flags, \
	    const char *fmt, va_list ap), (error, flags, fmt, ap))

/* The functions that return nothing, likewise. */
#define JSON_LIB_VOID(F) \
	F(void, json_delete, (json_t *json), (json)) \
	F(void, json_set_alloc_funcs, \
	    (json_malloc_t malloc_fn, json_free_t free_fn), \
	    (malloc_fn, free_fn))

/* The library once loaded, and its functions. */
static struct {
	void	*dl;
#define JSON_LIB_FIELD(type, name, params, args)	type (*name) params;
	JSON_LIB_VALUE(JSON_LIB_FIELD)
	JSON_LIB_VOID(JSON_LIB_FIELD)
#undef JSON_LIB_FIELD
} json_lib;

/* Load libjansson the first time it is needed, or end heed saying why. */
static void
json_lib_load(void)
{
	void	*dl;

	if ((dl = dlopen(JSON_LIB, RTLD_NOW | RTLD_LOCAL)) == NULL)
		fatal("cannot load %s (%s): install the libjansson4 package",
		    JSON_LIB, dlerror());
#define JSON_LIB_SYM(type, name, params, args)				\
	if ((*(void **)&json_lib.name = dlsym(dl, #name)) == NULL)	\
		fatal("%s has no %s: it is too old (heed needs jansson "	\
		    "2.14 or newer)", JSON_LIB, #name);
	JSON_LIB_VALUE(JSON_LIB_SYM)
	JSON_LIB_VOID(JSON_LIB_SYM)
#undef JSON_LIB_SYM
	json_lib.dl = dl;
}

/*
 * The functions of jansson.h, each loading the library on first use and
 * calling the library's own.
 */
#define JSON_LIB_DEFINE_VALUE(type, name, params, args)		\
type									\
name params								\
{									\
	if (json_lib.dl == NULL)					\
		json_lib_load();					\
	return json_lib.name args;					\
}
#define JSON_LIB_DEFINE_VOID(type, name, params, args)		\
type									\
name params								\
{									\
	if (json_lib.dl == NULL)					\
		json_lib_load();					\
	json_lib.name args;						\
}
JSON_LIB_VALUE(JSON_LIB_DEFINE_VALUE)
JSON_LIB_VOID(JSON_LIB_DEFINE_VOID)
#undef JSON_LIB_DEFINE_VALUE
#undef JSON_LIB_DEFINE_VOID

/* Build a value from a format (jansson's json_pack). */
json_t *
json_pack(const char *fmt, ...)
{
	va_list	 ap;
	json_t	*json;

	va_start(ap, fmt);
	json = json_vpack_ex(NULL, 0, fmt, ap);
	va_end(ap);
	return json;
}
