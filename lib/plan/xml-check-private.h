/* SPDX-License-Identifier: MIT */
#ifndef TP_XML_CHECK_PRIVATE_H
#define TP_XML_CHECK_PRIVATE_H

#include <stdbool.h>

#include <libxml/tree.h>

/* True only if the plan element @root surely follows the plan schema
 * (xml-check.c); false when it does not or the check cannot tell, and the
 * schema validator must decide. */
bool tp_plan_xml_plainly_valid(xmlNodePtr root);

/* The same for one <stage> element of <stages>, children included. */
bool tp_plan_xml_stage_plainly_valid(xmlNodePtr stage);

#endif
