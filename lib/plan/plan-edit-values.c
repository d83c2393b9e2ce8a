/* SPDX-License-Identifier: MIT */
/* Durations, lags and times of day as people write them on the command
 * line and in spreadsheets: "4w", "20wd", "30d", "3m", "-2wd", "12:00". */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tenderplan/tp-plan-edit.h>

#include "error-private.h"

#define DURATION_ADVICE                                                        \
	"write a number and a unit, as 20wd (working days), 30d (calendar "   \
	"days), 4w (weeks) or 3m (months)"

static const struct {
	const char *word;
	enum tp_unit unit;
} unit_words[] = {
	{"wd", TP_UNIT_WORKING_DAYS},
	{"working-days", TP_UNIT_WORKING_DAYS},
	{"working days", TP_UNIT_WORKING_DAYS},
	{"working-day", TP_UNIT_WORKING_DAYS},
	{"working day", TP_UNIT_WORKING_DAYS},
	{"d", TP_UNIT_CALENDAR_DAYS},
	{"cd", TP_UNIT_CALENDAR_DAYS},
	{"day", TP_UNIT_CALENDAR_DAYS},
	{"days", TP_UNIT_CALENDAR_DAYS},
	{"calendar-days", TP_UNIT_CALENDAR_DAYS},
	{"calendar days", TP_UNIT_CALENDAR_DAYS},
	{"calendar-day", TP_UNIT_CALENDAR_DAYS},
	{"calendar day", TP_UNIT_CALENDAR_DAYS},
	{"w", TP_UNIT_WEEKS},
	{"wk", TP_UNIT_WEEKS},
	{"week", TP_UNIT_WEEKS},
	{"weeks", TP_UNIT_WEEKS},
	{"m", TP_UNIT_MONTHS},
	{"month", TP_UNIT_MONTHS},
	{"months", TP_UNIT_MONTHS},
};

static const char *const unit_short[] = {"wd", "d", "w", "m"};

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* The text without blanks around it, lower case, into @buf; false if it
 * does not fit. */
static bool
trimmed(const char *s, char *buf, size_t size)
{
	size_t n;

	while (is_blank(*s))
		s++;
	n = strlen(s);
	while (n > 0 && is_blank(s[n - 1]))
		n--;
	if (n >= size)
		return false;
	for (size_t i = 0; i < n; i++)
		buf[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + 32) : s[i];
	buf[n] = '\0';
	return true;
}

/* A whole number of at most 7 digits at @p; advances it. */
static bool
number(const char **p, long *out)
{
	long v = 0;
	int digits = 0;

	while (**p >= '0' && **p <= '9' && digits < 8) {
		v = v * 10 + (**p - '0');
		(*p)++;
		digits++;
	}
	*out = v;
	return digits > 0 && digits < 8;
}

static bool
unit_word(const char *w, enum tp_unit *out)
{
	while (is_blank(*w))
		w++;
	for (size_t i = 0; i < sizeof(unit_words) / sizeof(*unit_words); i++)
		if (!strcmp(w, unit_words[i].word)) {
			*out = unit_words[i].unit;
			return true;
		}
	return false;
}

TP_EXPORT enum tp_status
tp_duration_parse(const char *text, int32_t *amount, enum tp_unit *unit,
		  bool *unit_given, struct tp_error *err)
{
	char buf[64];
	const char *p = buf;
	long v;
	enum tp_unit u = TP_UNIT_WORKING_DAYS;

	if (!text || !amount || !unit)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "tp_duration_parse needs a text and "
				     "results");
	if (!trimmed(text, buf, sizeof(buf)) || !number(&p, &v) ||
	    (*p ? !unit_word(p, &u) : v != 0))
		return tp_error_setf(err, TP_ERR_PARSE, NULL,
				     "'%.40s' is not a duration: %s", text,
				     DURATION_ADVICE);
	if (v > TP_AMOUNT_MAX)
		return tp_error_setf(err, TP_ERR_PARSE, NULL,
				     "'%.40s' is too long a duration (at most "
				     "%d)",
				     text, TP_AMOUNT_MAX);
	*amount = (int32_t)v;
	*unit = u;
	if (unit_given)
		*unit_given = *p != '\0';
	return TP_OK;
}

TP_EXPORT char *
tp_duration_format(int32_t amount, enum tp_unit unit,
		   char buf[TP_DURATION_STRLEN])
{
	if (!buf)
		return NULL;
	if (amount == 0)
		snprintf(buf, TP_DURATION_STRLEN, "0");
	else
		snprintf(buf, TP_DURATION_STRLEN, "%ld%s", (long)amount,
			 (unsigned)unit < 4 ? unit_short[unit] : "?");
	return buf;
}

TP_EXPORT enum tp_status
tp_lag_parse(const char *text, int32_t *lag, enum tp_unit *unit,
	     struct tp_error *err)
{
	char buf[64];
	const char *p = buf;
	long v;
	bool minus;
	enum tp_unit u = TP_UNIT_WORKING_DAYS;

	if (!text || !lag || !unit)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "tp_lag_parse needs a text and results");
	if (!trimmed(text, buf, sizeof(buf)))
		goto bad;
	minus = *p == '-';
	p += *p == '-' || *p == '+';
	if (!number(&p, &v) || (*p ? !unit_word(p, &u) : v != 0))
		goto bad;
	if (u != TP_UNIT_WORKING_DAYS && u != TP_UNIT_CALENDAR_DAYS)
		return tp_error_setf(err, TP_ERR_PARSE, NULL,
				     "'%.40s': a lag counts days: write "
				     "working days (2wd) or calendar days "
				     "(14d)",
				     text);
	if (v > TP_AMOUNT_MAX)
		return tp_error_setf(err, TP_ERR_PARSE, NULL,
				     "'%.40s' is too long a lag (at most %d)",
				     text, TP_AMOUNT_MAX);
	*lag = (int32_t)(minus ? -v : v);
	*unit = u;
	return TP_OK;
bad:
	return tp_error_setf(err, TP_ERR_PARSE, NULL,
			     "'%.40s' is not a lag: write a number of working "
			     "days (2wd, or -2wd to start before) or calendar "
			     "days (14d)",
			     text);
}

TP_EXPORT enum tp_status
tp_time_parse(const char *text, int *minutes, struct tp_error *err)
{
	char buf[16];
	const char *p = buf;
	long h, m, s = 0;

	if (!text || !minutes)
		return tp_error_setf(err, TP_ERR_INVALID, NULL,
				     "tp_time_parse needs a text and a result");
	if (!trimmed(text, buf, sizeof(buf)) || !number(&p, &h) ||
	    p - buf > 2 || *p++ != ':' || !number(&p, &m) ||
	    p - buf != (buf[1] == ':' ? 4 : 5) ||
	    (*p == ':' && (p++, !number(&p, &s) || s != 0)) || *p || h > 23 ||
	    m > 59)
		return tp_error_setf(err, TP_ERR_PARSE, NULL,
				     "'%.40s' is not a time of day: write "
				     "HH:MM, from 00:00 to 23:59",
				     text);
	*minutes = (int)(h * 60 + m);
	return TP_OK;
}
