/* SPDX-License-Identifier: MIT */
/* Fuzz target: holidays from iCalendar data, then a calendar built from
 * them. Every failure must explain itself in one line naming the source
 * and a line of the input; every success must give a calendar whose
 * queries agree with each other. */
#include <stdint.h>
#include <string.h>

#include <tenderplan/tenderplan.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_error(const struct tp_error *err, enum tp_status rc, size_t lines)
{
	if (rc != TP_ERR_PARSE && rc != TP_ERR_NOMEM)
		__builtin_trap();
	if (err->code != rc || err->message[0] == '\0' ||
	    strchr(err->message, '\n'))
		__builtin_trap();
	if (rc == TP_ERR_PARSE && (strcmp(err->source, "fuzz.ics") != 0 ||
				   err->line < 1 || (size_t)err->line > lines))
		__builtin_trap();
}

static void
check_calendar(const struct tp_calendar *cal)
{
	struct tp_date d = TP_DATE(2025, 1, 1), e, back;
	int32_t n;
	bool w;

	for (int i = 0; i < 400; i += 7, d.day += 7) {
		if (tp_calendar_is_working_day(cal, d, &w, NULL) ||
		    tp_calendar_add_working_days(cal, d, 5, &e, NULL) ||
		    tp_calendar_working_days_between(cal, d, e, &n, NULL))
			__builtin_trap();
		/* (d, e] holds 5 working days, e among them, so [d, e) holds
		 * 4 and d if it works; 5 back from e is d if d works, else
		 * earlier. */
		if (n != 4 + w)
			__builtin_trap();
		if (tp_calendar_add_working_days(cal, e, -5, &back, NULL) ||
		    (w ? back.day != d.day : back.day >= d.day))
			__builtin_trap();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tp_calendar_builder *b = NULL;
	struct tp_calendar *cal = NULL;
	struct tp_error err;
	enum tp_ics_mode mode = size % 2 ? TP_ICS_REPLACE : TP_ICS_ADD;
	enum tp_status rc;
	size_t lines = 1;

	for (size_t i = 0; i < size; i++)
		lines += data[i] == '\n';
	if (tp_calendar_builder_new(&b, NULL) ||
	    tp_calendar_builder_set_range(b, 2000, 2040, NULL))
		__builtin_trap();
	rc = tp_calendar_builder_load_ics_data(b, (const char *)data, size,
					       "fuzz.ics", mode, &err);
	if (rc) {
		check_error(&err, rc, lines);
		goto out;
	}
	if (tp_calendar_builder_build(b, &cal, &err))
		__builtin_trap();
	check_calendar(cal);
	tp_calendar_free(cal);
out:
	tp_calendar_builder_free(b);
	return 0;
}
