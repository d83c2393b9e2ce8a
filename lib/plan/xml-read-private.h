/* SPDX-License-Identifier: MIT */
#ifndef TP_XML_READ_PRIVATE_H
#define TP_XML_READ_PRIVATE_H

#include <stddef.h>

#include <tenderplan/tp-plan-xml.h>

/* For tests (xml-read.c, #11): read @data only the way that reads each
 * stage while parsing, without the calendar; TP_ERR_INVALID when that way
 * gives up on the file (which tp_plan_doc_read_memory() would then read
 * as a whole tree). */
enum tp_status tp_plan_doc_read_streamed(const char *data, size_t len,
					 const char *source_name,
					 struct tp_plan_doc **out,
					 struct tp_error *err);

#endif
