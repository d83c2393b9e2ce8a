/* SPDX-License-Identifier: MIT */
/* Text helpers for batch mode. They run once or twice per input line, so
 * they avoid stdio, locale-dependent calls and allocation. */
#include <stdint.h>
#include <string.h>

#include "cli.h"

static char *
put_digits(char *p, unsigned v, int width)
{
	for (int i = width - 1; i >= 0; i--) {
		p[i] = (char)('0' + v % 10);
		v /= 10;
	}
	return p + width;
}

char *
cli_put_date(char *p, struct tp_date d)
{
	int y, m, dd;

	tp_date_to_ymd(d, &y, &m, &dd);
	p = put_digits(p, (unsigned)y, 4);
	*p++ = '-';
	p = put_digits(p, (unsigned)m, 2);
	*p++ = '-';
	return put_digits(p, (unsigned)dd, 2);
}

char *
cli_put_int(char *p, long v)
{
	char tmp[24];
	int n = 0;
	unsigned long u = v < 0 ? 0ul - (unsigned long)v : (unsigned long)v;

	do {
		tmp[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		*p++ = '-';
	while (n)
		*p++ = tmp[--n];
	return p;
}

bool
cli_parse_int32(const char *s, size_t len, int32_t *out)
{
	size_t i = 0;
	bool neg = false;
	int64_t v = 0;

	if (len > 0 && (s[0] == '-' || s[0] == '+')) {
		neg = s[0] == '-';
		i = 1;
	}
	if (i == len)
		return false;
	for (; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
		if (v > (int64_t)INT32_MAX + 1)
			return false;
	}
	v = neg ? -v : v;
	if (v > INT32_MAX)
		return false;
	*out = (int32_t)v;
	return true;
}

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Take the field starting at or after *i; false if there is none. */
static bool
next_field(const char *line, size_t len, size_t *i, const char **f, size_t *l)
{
	size_t start;

	while (*i < len && is_blank(line[*i]))
		(*i)++;
	if (*i == len)
		return false;
	start = *i;
	while (*i < len && !is_blank(line[*i]))
		(*i)++;
	*f = line + start;
	*l = *i - start;
	return true;
}

bool
cli_split2(const char *line, size_t len, const char **f1, size_t *l1,
	   const char **f2, size_t *l2)
{
	size_t i = 0;
	const char *f3;
	size_t l3;

	return next_field(line, len, &i, f1, l1) &&
	       next_field(line, len, &i, f2, l2) &&
	       !next_field(line, len, &i, &f3, &l3);
}
