/* SPDX-License-Identifier: MIT */
/* A three-way merge of lines (diff3), for keeping a plan file's own layout
 * when libxml2 writes an edited document: base is libxml2's writing of the
 * file as read, ours the file itself, theirs libxml2's writing of the edited
 * document. Where only ours differs from base (a tag split over lines,
 * single quotes, a missing final newline) ours is kept; where theirs
 * differs, theirs is taken; where both differ, theirs wins. */
#ifndef TP_TEXT_MERGE_PRIVATE_H
#define TP_TEXT_MERGE_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>

#include <tenderplan/tp-common.h>

/* Largest number of differing lines aligned in one piece (Myers' O(ND)
 * search keeps D^2 words); texts further apart are first cut into pieces
 * at the lines each has once. */
#define TP_MERGE_MAX_EDITS 500

/* Merge as above into a new NUL-terminated buffer *@out of *@len bytes
 * (free()). *@conflict is set when some lines changed on both sides, or
 * could not be aligned (theirs was taken there). TP_ERR_NOMEM. */
enum tp_status tp_text_merge(const char *base, size_t base_len,
			     const char *ours, size_t ours_len,
			     const char *theirs, size_t theirs_len, char **out,
			     size_t *len, bool *conflict, struct tp_error *err);

#endif
