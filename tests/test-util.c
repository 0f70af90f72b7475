/*
 * test-util.c -- what util-digest.c gives a login: SHA-256 on the test
 * vectors of FIPS 180-2 (and RFC 7636's PKCE example), base64url without
 * padding on RFC 4648's vectors, and random bytes that differ.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Write a digest as lower-case hexadecimal into hex (65 bytes). */
static void
to_hex(const unsigned char d[32], char hex[65])
{
	size_t	i;

	for (i = 0; i < 32; i++)
		snprintf(hex + 2 * i, 3, "%02x", d[i]);
}

/* SHA-256 of the messages of FIPS 180-2's examples, and of none. */
static void
test_sha256_gives_the_fips_180_vectors(void **state)
{
	static const struct {
		const char	*msg;
		const char	*digest;
	} cases[] = {
		{ "abc", "ba7816bf8f01cfea414140de5dae2223"
		    "b00361a396177a9cb410ff61f20015ad" },
		{ "", "e3b0c44298fc1c149afbf4c8996fb924"
		    "27ae41e4649b934ca495991b7852b855" },
		{ "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
		    "248d6a61d20638b8e5c026930c3e6039"
		    "a33ce45964ff2167f6ecedd419db06c1" },
		{ "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
		    "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
		    "cf5b16a778af8380036ce59e7b049237"
		    "0b249b11e8f07a51afac45037afee9d1" },
	};
	unsigned char	 d[32];
	char		 hex[65], *big;
	size_t		 i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		memset(d, 0, sizeof d);
		assert_int_equal(util_sha256(cases[i].msg,
		    strlen(cases[i].msg), d, NULL), 0);
		to_hex(d, hex);
		assert_string_equal(hex, cases[i].digest);
	}
	/* One million times "a". */
	big = xmalloc(1000000);
	memset(big, 'a', 1000000);
	assert_int_equal(util_sha256(big, 1000000, d, NULL), 0);
	to_hex(d, hex);
	assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67"
	    "f1809a48a497200e046d39ccc7112cd0");
	free(big);
}

/* base64url on RFC 4648's vectors, and on bytes that use - and _. */
static void
test_base64url_has_no_padding(void **state)
{
	static const struct {
		const char	*in;
		const char	*out;
	} cases[] = {
		{ "", "" },
		{ "f", "Zg" },
		{ "fo", "Zm8" },
		{ "foo", "Zm9v" },
		{ "foob", "Zm9vYg" },
		{ "fooba", "Zm9vYmE" },
		{ "foobar", "Zm9vYmFy" },
		{ "\xfb\xff\xbf", "-_-_" },
		{ "\x3e\x3f", "Pj8" },
	};
	unsigned char	 d[32];
	char		*s;
	size_t		 i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		s = util_base64url(cases[i].in, strlen(cases[i].in));
		assert_string_equal(s, cases[i].out);
		free(s);
	}
	/* RFC 7636, appendix B: the challenge of a known verifier. */
	assert_int_equal(util_sha256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWF"
	    "OEjXk", 43, d, NULL), 0);
	s = util_base64url(d, sizeof d);
	assert_string_equal(s, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
	free(s);
}

/* Random bytes fill what is asked, and two draws differ. */
static void
test_random_bytes_differ(void **state)
{
	unsigned char	a[300], b[300];

	(void)state;
	memset(a, 0, sizeof a);
	memset(b, 0, sizeof b);
	assert_int_equal(util_random(a, sizeof a, NULL), 0);
	assert_int_equal(util_random(b, sizeof b, NULL), 0);
	assert_memory_not_equal(a, b, sizeof a);
	/* The last bytes were written too (more than one read's worth). */
	assert_memory_not_equal(a + 260, b + 260, 40);
	assert_int_equal(util_random(a, 0, NULL), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sha256_gives_the_fips_180_vectors),
		cmocka_unit_test(test_base64url_has_no_padding),
		cmocka_unit_test(test_random_bytes_differ),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
