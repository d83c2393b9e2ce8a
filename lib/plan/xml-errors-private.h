/* SPDX-License-Identifier: MIT */
/* libxml2's parser and schema errors in the project's own words: the
 * element or attribute, the values allowed and what to write instead. */
#ifndef TP_XML_ERRORS_PRIVATE_H
#define TP_XML_ERRORS_PRIVATE_H

#include <libxml/xmlerror.h>

#include <tenderplan/tp-common.h>

/* One error, described. */
struct tp_xml_problem {
	enum tp_status code; /* TP_ERR_PARSE, or TP_ERR_NOMEM */
	int line, column;    /* 0 when libxml2 gave none */
	char stage[64];      /* the stage it is about, or "" */
	char message[256];   /* one sentence, no newline */
};

/* Describe @e, an error of libxml2's parser or of its schema validator.
 * @xsd is the schema file the document was validated against (read again
 * here to name the attributes and elements allowed), or NULL. Allocates
 * only to read @xsd; never fails (a message it cannot improve on is kept,
 * without libxml2's namespace braces). */
void tp_xml_describe_error(const xmlError *e, const char *xsd,
			   struct tp_xml_problem *out);

#endif
