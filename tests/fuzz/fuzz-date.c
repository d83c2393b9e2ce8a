/* SPDX-License-Identifier: MIT */
/* Fuzz target: ISO date parsing and the date arithmetic behind it. */
#include <stdint.h>
#include <string.h>

#include <tenderplan/tenderplan.h>

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tp_date d, e;
	struct tp_error err;
	char buf[TP_DATE_STRLEN];
	int32_t n = 0;

	if (size > 64)
		return 0;
	if (tp_date_parse((const char *)data, (long)size, &d, &err) != TP_OK) {
		/* Every failure explains itself in one line. */
		if (err.message[0] == '\0' || strchr(err.message, '\n'))
			__builtin_trap();
		return 0;
	}
	/* A parsed date formats back to exactly the input. */
	if (size != 10 || memcmp(tp_date_format(d, buf), data, 10))
		__builtin_trap();
	if (size >= 4)
		memcpy(&n, data, 4);
	if (tp_date_add_days(d, n, &e, NULL) == TP_OK && !tp_date_in_range(e))
		__builtin_trap();
	if (tp_date_add_months(d, n % 5000, &e, NULL) == TP_OK &&
	    !tp_date_in_range(e))
		__builtin_trap();
	return 0;
}
