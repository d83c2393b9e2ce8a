/* SPDX-License-Identifier: MIT */
/* The Health Care Services (Provider Selection Regime) Regulations 2023
 * (SI 2023/1348), read in legislation.gov.uk's revised text (as amended to
 * 24 Feb 2025 by SI 2025/163; mirrored by legalize-dev/legalize-uk,
 * uk/uksi-2023-1348.md): the processes of regs 6-11 and 18, which set no
 * minimum period for offers, and the CPV codes of Schedule 1. The
 * standstill of reg 12 is in rules.c. */
#include "config.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "error-private.h"
#include "rules-private.h"

enum tp_status
tp_psr2023_min_period(enum tp_procedure proc, struct tp_min_period *out,
		      struct tp_error *err)
{
	switch (proc) {
	case TP_PROC_PSR_A:
	case TP_PROC_PSR_B:
		return tp_min_period_set(out, -1, "PSR 2023 regs 7-8",
					 "no minimum: an award without a "
					 "competition");
	case TP_PROC_PSR_C:
		return tp_min_period_set(out, -1, "PSR 2023 reg 9",
					 "no minimum: an award to the existing "
					 "provider without a competition");
	case TP_PROC_PSR_MSP:
		return tp_min_period_set(out, -1, "PSR 2023 reg 10",
					 "no minimum for offers (reg 10(5) "
					 "sets 14 days before potential "
					 "providers are identified)");
	case TP_PROC_PSR_COMPETITIVE:
		return tp_min_period_set(out, -1, "PSR 2023 reg 11",
					 "the PSR sets no minimum period for "
					 "offers");
	case TP_PROC_CALL_OFF:
		return tp_min_period_set(out, -1, "PSR 2023 reg 18",
					 "no minimum for a contract based on a "
					 "framework agreement");
	case TP_PROC_OPEN:
	case TP_PROC_RESTRICTED:
	case TP_PROC_NEGOTIATION:
	case TP_PROC_COMPETITIVE_DIALOGUE:
	case TP_PROC_INNOVATION_PARTNERSHIP:
	case TP_PROC_LIGHT_TOUCH:
	case TP_PROC_PART_B:
	case TP_PROC_COMPETITIVE_FLEXIBLE:
	case TP_PROC_BELOW_THRESHOLD:
	case TP_PROC_DIRECT_AWARD:
		break;
	}
	return tp_error_setf(err, TP_ERR_RULE, NULL,
			     "PSR 2023 has no %s procedure: use "
			     "direct-award-a, direct-award-b, direct-award-c, "
			     "most-suitable-provider, competitive-process "
			     "(regs 6-11) or call-off (reg 18)",
			     tp_procedure_name(proc));
}

/* ---- Schedule 1 ------------------------------------------------------ */

/* "Relevant health care services" are health care services "which fall
 * within one or more of the CPV codes specified in the table in Schedule
 * 1, to the extent described in that table" (reg 2(1)). All 67 entries,
 * sorted by code; four are qualified by the words given. */
static const struct sch1 {
	long code;
	char check;
	const char *description, *qualifier;
} schedule1[] = {
	{85100000, '0', "Health services", NULL},
	{85110000, '3', "Hospital and related services", NULL},
	{85111000, '0', "Hospital services", NULL},
	{85111100, '1', "Surgical hospital services", NULL},
	{85111200, '2', "Medical hospital services", NULL},
	{85111300, '3', "Gynaecological hospital services", NULL},
	{85111310, '6', "In vitro fertilisation services", NULL},
	{85111320, '9', "Obstetrical hospital services", NULL},
	{85111400, '4', "Rehabilitation hospital services", NULL},
	{85111500, '5', "Psychiatric hospital services", NULL},
	{85111600, '6', "Orthotic services", NULL},
	{85111700, '7', "Oxygen-therapy services", NULL},
	{85111800, '8', "Pathology services", NULL},
	{85111810, '1', "Blood analysis services", NULL},
	{85111820, '4', "Bacteriological analysis services", NULL},
	{85111900, '9', "Hospital dialysis services", NULL},
	{85112200, '9', "Outpatient care services", NULL},
	{85120000, '6', "Medical practice and related services", NULL},
	{85121000, '3', "Medical practice services", NULL},
	{85121100, '4', "General-practitioner services", NULL},
	{85121200, '5', "Medical specialist services", NULL},
	{85121210, '8', "Gynaecologic or obstetric services", NULL},
	{85121220, '1', "Nephrology or nervous system specialist services",
	 NULL},
	{85121230, '4', "Cardiology services or pulmonary specialist services",
	 NULL},
	{85121231, '1', "Cardiology services", NULL},
	{85121232, '8', "Pulmonary specialists services", NULL},
	{85121240, '7', "ENT or audiologist services", NULL},
	{85121250, '0', "Gastroenterologist and geriatric services", NULL},
	{85121251, '7', "Gastroenterologist services", NULL},
	{85121252, '4', "Geriatric services", NULL},
	{85121270, '6', "Psychiatrist or psychologist services", NULL},
	{85121271, '3', "Home for the psychologically disturbed services",
	 NULL},
	{85121280, '9',
	 "Ophthalmologist, dermatology, or orthopaedics services", NULL},
	{85121281, '6', "Ophthalmologist services", NULL},
	{85121282, '3', "Dermatology services", NULL},
	{85121283, '0', "Orthopaedic services", NULL},
	{85121290, '2', "Paediatric or urologist services", NULL},
	{85121291, '9', "Paediatric services", NULL},
	{85121292, '6', "Urologist services", NULL},
	{85121300, '6', "Surgical specialist services", NULL},
	{85130000, '9', "Dental practice and related services", NULL},
	{85131000, '6', "Dental-practice services", NULL},
	{85131100, '7', "Orthodontic services", NULL},
	{85131110, '0', "Orthodontic-surgery services", NULL},
	{85140000, '2', "Miscellaneous health services", NULL},
	{85141000, '9', "Services provided by medical personnel", NULL},
	{85141100, '0', "Services provided by midwives", NULL},
	{85141200, '1', "Services provided by nurses", NULL},
	{85141210, '4', "Home medical treatment services", NULL},
	{85141211, '1', "Dialysis home medical treatment services", NULL},
	{85141220, '7', "Advisory services provided by nurses", NULL},
	{85142000, '6', "Paramedical services", NULL},
	{85142100, '7', "Physiotherapy services", NULL},
	{85143000, '3', "Ambulance services", NULL},
	{85144000, '0', "Residential health facilities services", NULL},
	{85144100, '1', "Residential nursing care services", NULL},
	{85145000, '7', "Services provided by medical laboratories", NULL},
	{85146000, '4', "Services provided by blood banks", NULL},
	{85146100, '5', "Services provided by sperm banks", NULL},
	{85146200, '6', "Services provided by transplant organ banks", NULL},
	{85148000, '8', "Medical analysis services", NULL},
	{85149000, '5', "Pharmacy services",
	 "but not including community pharmacy services that are arranged under The National Health Service (Pharmaceutical and Local Pharmaceutical Services) Regulations 2013"},
	{85150000, '5', "Medical imaging services", NULL},
	{85160000, '8', "Optician services", NULL},
	{85312330, '1', "Family-planning services",
	 "but only insofar as such services are provided to individuals to support sexual and reproductive health"},
	{85312500, '4', "Rehabilitation services",
	 "but only insofar as such services are provided to individuals to tackle substance misuse or for the rehabilitation of the mental or physical health of individuals"},
	{85323000, '9', "Community health services",
	 "but only in respect of community health services which are delivered to individuals"},
};

#define N_SCH1 (sizeof(schedule1) / sizeof(schedule1[0]))

bool
tp_cpv_well_formed(const char *code)
{
	size_t n = code ? strlen(code) : 0;

	if (n != 8 && n != 10)
		return false;
	for (size_t i = 0; i < 8; i++)
		if (code[i] < '0' || code[i] > '9')
			return false;
	return n == 8 || (code[8] == '-' && code[9] >= '0' && code[9] <= '9');
}

static int
cmp_code(const void *key, const void *elem)
{
	long k = *(const long *)key, c = ((const struct sch1 *)elem)->code;

	return k < c ? -1 : k > c;
}

/* The number of leading digits that identify the entry's category in the
 * CPV tree: up to its last non-zero digit (85110000 -> 4, "8511"). */
static int
prefix_len(long code)
{
	int n = 8;

	while (n > 1 && code % 10 == 0) {
		code /= 10;
		n--;
	}
	return n;
}

static bool
under(long child, const struct sch1 *parent)
{
	long div = 1;

	for (int i = prefix_len(parent->code); i < 8; i++)
		div *= 10;
	return child / div == parent->code / div;
}

/* The same entries' codes with their check digits, in the same order. */
static const char *const schedule1_text[] = {
	"85100000-0", "85110000-3", "85111000-0", "85111100-1", "85111200-2",
	"85111300-3", "85111310-6", "85111320-9", "85111400-4", "85111500-5",
	"85111600-6", "85111700-7", "85111800-8", "85111810-1", "85111820-4",
	"85111900-9", "85112200-9", "85120000-6", "85121000-3", "85121100-4",
	"85121200-5", "85121210-8", "85121220-1", "85121230-4", "85121231-1",
	"85121232-8", "85121240-7", "85121250-0", "85121251-7", "85121252-4",
	"85121270-6", "85121271-3", "85121280-9", "85121281-6", "85121282-3",
	"85121283-0", "85121290-2", "85121291-9", "85121292-6", "85121300-6",
	"85130000-9", "85131000-6", "85131100-7", "85131110-0", "85140000-2",
	"85141000-9", "85141100-0", "85141200-1", "85141210-4", "85141211-1",
	"85141220-7", "85142000-6", "85142100-7", "85143000-3", "85144000-0",
	"85144100-1", "85145000-7", "85146000-4", "85146100-5", "85146200-6",
	"85148000-8", "85149000-5", "85150000-5", "85160000-8", "85312330-1",
	"85312500-4", "85323000-9",
};
static_assert(sizeof(schedule1_text) / sizeof(schedule1_text[0]) == N_SCH1,
	      "one text per Schedule 1 entry");

void
tp_psr2023_cpv_lookup(const char *code, struct tp_cpv_match *out)
{
	const struct sch1 *e = NULL;
	long n = 0;

	memset(out, 0, sizeof(*out));
	out->status = TP_CPV_NOT_LISTED;
	if (!tp_cpv_well_formed(code))
		return;
	for (size_t i = 0; i < 8; i++)
		n = n * 10 + (code[i] - '0');
	e = bsearch(&n, schedule1, N_SCH1, sizeof(schedule1[0]), cmp_code);
	if (e) {
		out->status = e->qualifier ? TP_CPV_QUALIFIED : TP_CPV_LISTED;
		out->check_digit_differs =
			code[8] == '-' && code[9] != e->check;
	} else {
		/* The deepest listed parent, if any. */
		for (size_t i = 0; i < N_SCH1; i++)
			if (under(n, &schedule1[i]) &&
			    (!e || prefix_len(schedule1[i].code) >
					   prefix_len(e->code)))
				e = &schedule1[i];
		if (!e)
			return;
		out->status = TP_CPV_CHILD;
	}
	out->listed_code = schedule1_text[e - schedule1];
	out->description = e->description;
	out->qualifier = e->qualifier;
}
