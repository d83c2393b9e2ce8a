/* SPDX-License-Identifier: MIT */
/* Checking text before it is stored (see text-private.h). libxml2's
 * xmlGetUTF8Char is not used: in 2.9.14 it accepts overlong forms and a
 * continuation byte as the first byte of a sequence. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "text-private.h"

/* The ranges of RFC 3629 section 4 (UTF8-2, UTF8-3, UTF8-4): the second
 * byte's range depends on the first, which excludes overlong forms,
 * surrogates (ED A0-BF) and code points above U+10FFFF (F4 90-BF). */
size_t
tp_utf8_next(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned char c = s[0], lo = 0x80, hi = 0xbf;
	size_t len;
	uint32_t v;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		len = 2;
		v = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		v = c & 0x0f;
		lo = c == 0xe0 ? 0xa0 : 0x80;
		hi = c == 0xed ? 0x9f : 0xbf;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		v = c & 0x07;
		lo = c == 0xf0 ? 0x90 : 0x80;
		hi = c == 0xf4 ? 0x8f : 0xbf;
	} else {
		return 0;
	}
	if (n < len || s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if (i > 1 && (s[i] < 0x80 || s[i] > 0xbf))
			return 0;
		v = (v << 6) | (s[i] & 0x3f);
	}
	*cp = v;
	return len;
}

static bool
allowed(uint32_t cp, enum tp_text_kind kind)
{
	if (cp == '\t' || cp == '\n' || cp == '\r')
		return kind == TP_TEXT_LINES;
	return cp >= 0x20 && !(cp >= 0x7f && cp <= 0x9f) && cp != 0xfffe &&
	       cp != 0xffff;
}

bool
tp_text_check(const char *s, size_t len, enum tp_text_kind kind, char *why)
{
	const unsigned char *p = (const unsigned char *)s;

	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = tp_utf8_next(p + i, len - i, &cp);
		if (n == 0) {
			if (why)
				snprintf(why, TP_TEXT_WHY_LEN,
					 "a byte that is not UTF-8 (0x%02X) "
					 "at byte %zu",
					 p[i], i + 1);
			return false;
		}
		if (!allowed(cp, kind)) {
			if (why)
				snprintf(
					why, TP_TEXT_WHY_LEN,
					"%s (U+%04X) at byte %zu",
					cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)
						? "a control character"
						: "a character XML cannot hold",
					(unsigned)cp, i + 1);
			return false;
		}
		i += n;
	}
	return true;
}

bool
tp_text_ok(const char *s, enum tp_text_kind kind, char *why)
{
	size_t n = 0;

	if (!s)
		return true;
	while (s[n])
		n++;
	return tp_text_check(s, n, kind, why);
}

/* @p v in decimal, as "%lld" writes it, into @p buf; without printf, for
 * exporters that write many numbers (#11). @return @p buf. */
const char *
tp_llong_text(long long v, char buf[21])
{
	char tmp[21];
	size_t n = 0, k = 0;
	unsigned long long u = v < 0 ? 0ull - (unsigned long long)v
				     : (unsigned long long)v;

	do
		tmp[n++] = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		buf[k++] = '-';
	while (n)
		buf[k++] = tmp[--n];
	buf[k] = '\0';
	return buf;
}

size_t
tp_utf8_mend_end(char *s)
{
	size_t len = strlen(s), lead = len, want;
	unsigned char c;

	/* back over at most three continuation bytes to a lead byte */
	while (lead > 0 && len - lead < 3 &&
	       ((unsigned char)s[lead - 1] & 0xC0) == 0x80)
		lead--;
	if (lead == 0)
		return len;
	c = (unsigned char)s[lead - 1];
	want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
	if (want > 1 && len - (lead - 1) < want) {
		s[lead - 1] = '\0';
		return lead - 1;
	}
	return len;
}

const char *
tp_int_text(int32_t v, char buf[12])
{
	char tmp[21];
	tp_llong_text(v, tmp);
	return memcpy(buf, tmp, strlen(tmp) + 1);
}

void
tp_strb_init(struct tp_strb *b, char *buf, size_t size)
{
	*b = (struct tp_strb){.buf = buf, .size = size};
	buf[0] = '\0';
}

void
tp_strb_cat(struct tp_strb *b, const char *s)
{
	size_t n = s ? strlen(s) : 0, room = b->size - 1 - b->len;

	if (n > room)
		n = room;
	memcpy(b->buf + b->len, s ? s : "", n);
	b->len += n;
	b->buf[b->len] = '\0';
}

void
tp_strb_int(struct tp_strb *b, long long v)
{
	char tmp[21];
	tp_strb_cat(b, tp_llong_text(v, tmp));
}

uint64_t
tp_fnv1a(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 1099511628211u;
	return h;
}
