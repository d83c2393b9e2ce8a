/* SPDX-License-Identifier: MIT */
/* The text check behind every name, note and title (#9). Byte sequences
 * and verdicts are from RFC 3629 section 4 (the UTF-8 grammar: no overlong
 * forms, no surrogates D800-DFFF, nothing above U+10FFFF), XML 1.0 section
 * 2.2 (Char excludes U+FFFE and U+FFFF) and Unicode's Cc category
 * (U+0000-U+001F, U+007F-U+009F), each worked out by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "error-private.h"
#include "text-private.h"

struct text_case {
	const char *bytes;
	size_t len;
	bool line_ok, lines_ok;
	const char *why; /* part of the phrase for TP_TEXT_LINE */
};

#define T(s, a, b, w)                     \
	{                                 \
		s, sizeof(s) - 1, a, b, w \
	}

static const struct text_case cases[] = {
	T("", true, true, NULL),
	T("Early May bank holiday", true, true, NULL),
	T("New Year\xe2\x80\x99s Day", true, true, NULL), /* U+2019 */
	T("L\xc3\xa1 F\xc3\xa9ile P\xc3\xa1"
	  "draig",
	  true, true, NULL),
	T("\xf0\x9f\x8e\x84", true, true, NULL), /* U+1F384, 4 bytes */
	T("\xf4\x8f\xbf\xbf", true, true, NULL), /* U+10FFFF, the last */
	T("\xee\x80\x80", true, true, NULL),     /* U+E000, after surrogates */
	T("\xef\xbf\xbd", true, true, NULL),     /* U+FFFD */
	T("a\tb", false, true, "control character (U+0009) at byte 2"),
	T("a\nb", false, true, "control character (U+000A) at byte 2"),
	T("a\r\nb", false, true, "control character (U+000D) at byte 2"),
	T("\x1b[31m", false, false, "control character (U+001B) at byte 1"),
	T("a\x7f", false, false, "control character (U+007F) at byte 2"),
	T("\xc2\x85", false, false, "control character (U+0085) at byte 1"),
	T("\xc2\x9b", false, false, "control character (U+009B) at byte 1"),
	T("\xc2\xa0", true, true, NULL), /* U+00A0, after the C1 block */
	T("x\xef\xbf\xbe", false, false, "XML cannot hold (U+FFFE) at byte 2"),
	T("\xef\xbf\xbf", false, false, "XML cannot hold (U+FFFF) at byte 1"),
	T("caf\xe9", false, false, "not UTF-8 (0xE9) at byte 4"), /* Latin-1 */
	T("\xc0\xaf", false, false, "not UTF-8 (0xC0)"),     /* overlong '/' */
	T("\xe0\x80\xaf", false, false, "not UTF-8 (0xE0)"), /* overlong */
	T("\xf0\x80\x80\xaf", false, false, "not UTF-8 (0xF0)"),
	T("\xed\xa0\x80", false, false, "not UTF-8 (0xED)"),     /* U+D800 */
	T("\xed\xbf\xbf", false, false, "not UTF-8 (0xED)"),     /* U+DFFF */
	T("\xf4\x90\x80\x80", false, false, "not UTF-8 (0xF4)"), /* >10FFFF */
	T("\xf5\x80\x80\x80", false, false, "not UTF-8 (0xF5)"),
	T("\x80", false, false, "not UTF-8 (0x80) at byte 1"),      /* stray */
	T("a\xe2\x80", false, false, "not UTF-8 (0xE2) at byte 2"), /* cut */
	T("a\0b", false, false, "control character (U+0000) at byte 2"),
};

static void
verdicts(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct text_case *c = &cases[i];
		char why[TP_TEXT_WHY_LEN] = "";
		bool line = tp_text_check(c->bytes, c->len, TP_TEXT_LINE, why);
		bool lines =
			tp_text_check(c->bytes, c->len, TP_TEXT_LINES, NULL);
		if (line != c->line_ok || lines != c->lines_ok ||
		    (c->why && !strstr(why, c->why)))
			fail_msg("case %zu: line %d lines %d why '%s'", i, line,
				 lines, why);
	}
	assert_true(tp_text_ok(NULL, TP_TEXT_LINE, NULL));
	assert_false(tp_text_ok("\x01", TP_TEXT_LINES, NULL));
}

/* Every code point round-trips through the decoder as the encoder of RFC
 * 3629 section 3 writes it. */
static void
decoder_matches_the_encoding(void **state)
{
	(void)state;
	for (uint32_t cp = 0; cp <= 0x10ffff; cp++) {
		unsigned char b[4];
		size_t n;
		uint32_t got = 0xffffffffu;
		if (cp < 0x80) {
			b[0] = (unsigned char)cp;
			n = 1;
		} else if (cp < 0x800) {
			b[0] = (unsigned char)(0xc0 | cp >> 6);
			b[1] = (unsigned char)(0x80 | (cp & 0x3f));
			n = 2;
		} else if (cp < 0x10000) {
			b[0] = (unsigned char)(0xe0 | cp >> 12);
			b[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
			b[2] = (unsigned char)(0x80 | (cp & 0x3f));
			n = 3;
		} else {
			b[0] = (unsigned char)(0xf0 | cp >> 18);
			b[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3f));
			b[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
			b[3] = (unsigned char)(0x80 | (cp & 0x3f));
			n = 4;
		}
		if (cp >= 0xd800 && cp <= 0xdfff) {
			assert_int_equal(tp_utf8_next(b, n, &got), 0);
			continue;
		}
		assert_int_equal(tp_utf8_next(b, n, &got), n);
		assert_int_equal(got, cp);
		if (n > 1) /* cut short */
			assert_int_equal(tp_utf8_next(b, n - 1, &got), 0);
	}
}

/* tp_int_text() writes what "%d" writes (snprintf is the reference),
 * at the ends of the range and around powers of ten. */
static void
int_text_is_printf(void **state)
{
	const int32_t v[] = {0, 1, -1, 9, 10, -10, 99, 100, 12345, -100000,
			     2147483647, -2147483647 - 1};
	char want[16], got[12];
	(void)state;
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		snprintf(want, sizeof(want), "%d", (int)v[i]);
		assert_string_equal(tp_int_text(v[i], got), want);
	}
	for (int32_t x = -3000; x <= 3000; x += 7) {
		snprintf(want, sizeof(want), "%d", (int)x);
		assert_string_equal(tp_int_text(x, got), want);
	}
}

/* tp_llong_text() writes what "%lld" writes, at both ends of the range. */
static void
llong_text_is_printf(void **state)
{
	const long long v[] = {0, -1, 10, 2147483648LL, -2147483649LL,
			       9223372036854775807LL,
			       -9223372036854775807LL - 1};
	char want[32], got[21];
	(void)state;
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		snprintf(want, sizeof(want), "%lld", v[i]);
		assert_string_equal(tp_llong_text(v[i], got), want);
	}
}

/* tp_strb keeps what snprintf keeps of the same text in every size of
 * buffer, cut short or not. */
static void
strb_is_snprintf(void **state)
{
	char want[40], got[40];
	(void)state;
	for (size_t size = 1; size <= sizeof(got); size++) {
		struct tp_strb b;
		snprintf(want, size, "%s: %lld to %s%s", "Stage \xC3\xA9",
			 -1234567LL, "2027-03-01", "");
		tp_strb_init(&b, got, size);
		tp_strb_cat(&b, "Stage \xC3\xA9");
		tp_strb_cat(&b, ": ");
		tp_strb_int(&b, -1234567LL);
		tp_strb_cat(&b, " to ");
		tp_strb_cat(&b, "2027-03-01");
		tp_strb_cat(&b, NULL);
		assert_string_equal(got, want);
		assert_int_equal(b.len, strlen(want));
	}
}

/* Every prefix of a text of 1- to 4-byte characters, mended, is the
 * longest run of whole characters in it: cut after a whole character it
 * stays as it is, inside one it ends before it. */
static void
mend_end_keeps_whole_characters(void **state)
{
	/* a, é (2), € (3), 😀 (4), b: boundaries after 1, 3, 6, 10, 11 */
	static const char text[] = "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"
				   "b";
	static const size_t whole[] = {0, 1, 1, 3, 3, 3, 6,
				       6, 6, 6, 10, 11};
	(void)state;
	for (size_t n = 0; n <= strlen(text); n++) {
		char buf[32];
		memcpy(buf, text, n);
		buf[n] = '\0';
		size_t got = tp_utf8_mend_end(buf);
		if (got != whole[n] || strlen(buf) != whole[n])
			fail_msg("prefix of %zu bytes: %zu kept, want %zu", n,
				 got, whole[n]);
		assert_true(tp_text_check(buf, got, TP_TEXT_LINE, NULL));
	}
	/* bytes that are not UTF-8 are not its business */
	char odd[] = "x\x80\x80\x80\x80";
	assert_int_equal(tp_utf8_mend_end(odd), 5);
}

/* An error's message, file and stage, cut short to their fields, end on a
 * whole character whatever byte the cut falls on: a long name in a message
 * went to terminals and logs as bytes that are not UTF-8. */
static void
error_fields_end_on_whole_characters(void **state)
{
	char text[1100] = "";
	(void)state;
	for (size_t pre = 0; pre < 4; pre++) {
		struct tp_error err;
		memset(text, 'a', pre);
		text[pre] = '\0';
		for (int i = 0; i < 500; i++)
			strcat(text, "\xc3\xa9");
		tp_error_setf(&err, TP_ERR_INVALID, text, "stage %s", text);
		assert_true(tp_text_ok(err.message, TP_TEXT_LINE, NULL));
		assert_true(tp_text_ok(err.stage, TP_TEXT_LINE, NULL));
		/* cut at the last whole character that fits, not before */
		assert_true(strlen(err.message) + 2 >= sizeof(err.message) - 1);
		assert_true(strlen(err.stage) + 2 >= sizeof(err.stage) - 1);
		tp_error_set_at(&err, TP_ERR_PARSE, text, 3, 1, "%s", text);
		assert_true(tp_text_ok(err.message, TP_TEXT_LINE, NULL));
		assert_true(tp_text_ok(err.source, TP_TEXT_LINE, NULL));
		assert_true(strlen(err.source) + 2 >= sizeof(err.source) - 1);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(verdicts),
		cmocka_unit_test(int_text_is_printf),
		cmocka_unit_test(llong_text_is_printf),
		cmocka_unit_test(strb_is_snprintf),
		cmocka_unit_test(decoder_matches_the_encoding),
		cmocka_unit_test(mend_end_keeps_whole_characters),
		cmocka_unit_test(error_fields_end_on_whole_characters),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
