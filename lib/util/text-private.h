/* SPDX-License-Identifier: MIT */
#ifndef TP_TEXT_PRIVATE_H
#define TP_TEXT_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What text may hold (#9): every name, note and title that enters from a
 * file, an option or a caller is valid UTF-8 without control characters,
 * so that every XML, HTML and terminal output is well-formed whatever was
 * accepted. */
enum tp_text_kind {
	TP_TEXT_LINE = 0,  /* a name, an owner, a title: one line */
	TP_TEXT_LINES = 1, /* notes: tab, line feed and carriage return too */
};

/* Room for the phrase tp_text_check() writes. */
#define TP_TEXT_WHY_LEN 80

/* True if the @len bytes at @s are valid UTF-8 (RFC 3629: no overlong
 * forms, no surrogates, nothing above U+10FFFF) holding no NUL, no control
 * character (U+0000-U+001F, U+007F-U+009F; @kind TP_TEXT_LINES allows
 * tab, line feed and carriage return) and neither U+FFFE nor U+FFFF, which
 * XML 1.0 cannot carry. Otherwise false, with a phrase such as "a control
 * character (U+001B) at byte 7" in @why (TP_TEXT_WHY_LEN bytes; may be
 * NULL). */
bool
tp_text_check(const char *s, size_t len, enum tp_text_kind kind, char *why);

/* tp_text_check() on a NUL-terminated string; NULL is valid (no text). */
bool
tp_text_ok(const char *s, enum tp_text_kind kind, char *why);

/* Decode the UTF-8 sequence at @s (@n bytes available) as RFC 3629
 * section 4 defines it. @return its length (1-4) with the code point in
 * @cp, or 0 when the bytes are not UTF-8. */
size_t
tp_utf8_next(const unsigned char *s, size_t n, uint32_t *cp);

/* End the NUL-terminated @p s before a UTF-8 sequence left incomplete
 * at its end (where snprintf cut a longer text short), so that a cut
 * text stays UTF-8; anything else is left as it is. @return its length. */
size_t tp_utf8_mend_end(char *s);

/* @p v in decimal, as "%d" writes it, into @p buf. @return @p buf. */
const char *tp_int_text(int32_t v, char buf[12]);

/* @p v in decimal, as "%lld" writes it, into @p buf. @return @p buf. */
const char *tp_llong_text(long long v, char buf[21]);

/* A string put together in a fixed buffer without printf (#11), cut
 * short at the buffer's size as snprintf would and always terminated. */
struct tp_strb {
	char *buf;
	size_t size, len;
};

/* Start an empty string in @p buf of @p size bytes (at least 1). */
void tp_strb_init(struct tp_strb *b, char *buf, size_t size);

/* Append @p s (NULL appends nothing). */
void tp_strb_cat(struct tp_strb *b, const char *s);

/* Append @p v in decimal ("%lld"). */
void tp_strb_int(struct tp_strb *b, long long v);

/* The offset basis of FNV-1a, 64 bits: the @p h to start tp_fnv1a() with. */
#define TP_FNV1A_INIT 14695981039346656037u

/* FNV-1a, 64 bits, of @p n bytes at @p p, continuing from @p h (so that
 * several pieces hash as one). Unkeyed: for content hashes and for caches
 * that compare what they find, not for tables an input can flood. */
uint64_t tp_fnv1a(uint64_t h, const void *p, size_t n);

#endif
