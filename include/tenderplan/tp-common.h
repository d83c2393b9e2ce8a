/* SPDX-License-Identifier: MIT */
/**
 * @file tp-common.h
 * Export macros, status codes and the error report shared by every module.
 *
 * NULL pointer arguments, the rule for every public function: a pointer
 * argument that a function's description does not allow to be NULL may
 * still be NULL without a crash. A function that returns enum tp_status
 * then returns TP_ERR_INVALID (its @c err filled in, if given) and writes
 * no output; a getter returns its empty value: NULL for a pointer, 0 for
 * a number, the value 0 for an enum (TP_REGION_NONE, TP_SEVERITY_INFO, …),
 * false for a bool and day 0 for a struct tp_date, unless its description
 * names another; a function returning void does nothing. Every trailing
 * struct tp_error *err may be NULL: the error is then not reported, the
 * status still returned. Every _free() function accepts NULL. A _take_
 * function frees what it was given when it cannot keep it.
 * tests/api-null-gen.py checks all of this for every exported function.
 */
#ifndef TP_COMMON_H
#define TP_COMMON_H

#ifdef __cplusplus
extern "C" {
#endif

/** @def TP_EXPORT
 * Marks a function the shared library exports (lib/tenderplan.map lists
 * them). */
#if defined(__GNUC__) && __GNUC__ >= 4
#define TP_EXPORT __attribute__((visibility("default")))
#else
#define TP_EXPORT
#endif

/** @def TP_NODISCARD
 * The compiler warns when the result (a status) is ignored. */
/** @def TP_PRINTF
 * Argument @p a is a printf format used with the arguments from @p b. */
#if defined(__GNUC__)
#define TP_NODISCARD __attribute__((warn_unused_result))
#define TP_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define TP_NODISCARD
#define TP_PRINTF(a, b)
#endif

/** Result of every call that can fail. Stable numbers: never renumbered. */
enum tp_status {
	TP_OK = 0,          /**< success */
	TP_ERR_NOMEM = 1,   /**< out of memory */
	TP_ERR_INVALID = 2, /**< bad argument or inconsistent input */
	TP_ERR_PARSE = 3,   /**< a file or string could not be read */
	TP_ERR_CYCLE = 4,   /**< a dependency cycle between stages */
	TP_ERR_RULE = 5,    /**< a procurement rule cannot be applied */
	TP_ERR_IO = 6,      /**< reading or writing a file failed */
	TP_ERR_RANGE = 7,   /**< a date outside the supported or built range */
	TP_ERR_REFUSED = 8, /**< not done, to protect a user's file (tp-output.h) */
};

/**
 * What went wrong, filled in by the function that failed. The caller owns it
 * (usually on the stack), so reporting never allocates. Fields that do not
 * apply are 0 or "". A function given NULL instead reports nothing.
 */
struct tp_error {
	enum tp_status code;        /**< same as the returned status */
	int line;                   /**< 1-based line in @ref source, or 0 */
	int column;                 /**< 1-based column, or 0 */
	char source[256];           /**< file name (or "<stdin>"), or "" */
	char stage[64];             /**< stage id the error is about, or "" */
	char message[256];          /**< one sentence, no newline */
	unsigned char reserved[64]; /**< room to grow without an ABI break */
};

/**
 * A short English name for a status ("out of memory", …). Never NULL; the
 * string is static.
 */
TP_EXPORT const char *
tp_status_str(enum tp_status status);

/**
 * Reset @p err to "no error" (code TP_OK, empty strings). NULL is allowed.
 */
TP_EXPORT void
tp_error_clear(struct tp_error *err);

/**
 * Format @p err as "source:line:column: stage: message" (parts that are
 * empty or 0 are left out) into @p buf of @p size bytes, always
 * NUL-terminated when @p size > 0; @p err NULL gives "". @return @p buf.
 */
TP_EXPORT char *
tp_error_format(const struct tp_error *err, char *buf, unsigned long size);

/**
 * Release a buffer the library allocated and handed to the caller (each
 * function that returns one says so), such as the text of
 * tp_export_to_buffer(), tp_export_portfolio_to_buffer(),
 * tp_plan_doc_write_memory() or tp_findings_write_xml(). Use this rather
 * than free() when the caller may not share the library's C runtime
 * (bindings for other languages, another libc or allocator). NULL is
 * allowed and does nothing. Objects with a _free() function of their own
 * (tp_plan_free(), …) are released by that function, not by this one.
 */
TP_EXPORT void
tp_free(void *ptr);

#ifdef __cplusplus
}
#endif
#endif
