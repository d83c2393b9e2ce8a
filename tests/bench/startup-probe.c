/* SPDX-License-Identifier: MIT */
/* The least a program linked with libical does: start, make one
 * property, exit. bench-startup compares tenderplan's start-up with it
 * and with /bin/true, to show what the libraries cost (#11). */
#include <libical/ical.h>

int
main(void)
{
	icalproperty *p = icalproperty_new_summary("x");

	icalproperty_free(p);
	return 0;
}
