/* SPDX-License-Identifier: MIT */
/* Shared pieces of the tenderplan program: exit statuses, error printing,
 * option parsing and the calendar options common to the `days` commands. */
#ifndef TP_CLI_H
#define TP_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <tenderplan/tenderplan.h>

/* Exit statuses, as documented in README.md "Command line". */
enum cli_exit {
	CLI_EXIT_OK = 0,    /* success; is-working: a working day */
	CLI_EXIT_NO = 1,    /* is-working: not a working day */
	CLI_EXIT_USAGE = 2, /* bad arguments or bad input (dates, files) */
	CLI_EXIT_FAIL =
		3, /* out of memory, or the output could not be written */
};

/* Print "tenderplan CMD: <message> (see 'tenderplan CMD --help')" as one
 * line on stderr. @return CLI_EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) TP_PRINTF(2, 3);

/* Copy @p s into @p buf (@p size bytes, always NUL-terminated) for a
 * terminal: control characters, bidirectional controls and bytes that are
 * not UTF-8 become \\xNN or \\uNNNN; the rest is copied. @return @p buf. */
char *cli_escape(const char *s, char *buf, size_t size);

/* Print "tenderplan: " and tp_error_format(@p err) as one line on stderr.
 * @return the exit status for err->code. */
int cli_lib_error(const struct tp_error *err);

/* Fill @p err with @p code and a message about @p source (may be NULL) and
 * @p line (0 for none). @return @p code. */
enum tp_status cli_error_at(struct tp_error *err, enum tp_status code,
			    const char *source, int line, const char *fmt, ...)
	TP_PRINTF(5, 6);

/* Name option @p opt as the source of an error the library reported
 * about its value (if the error names no source yet). @return @p rc. */
enum tp_status cli_blame_option(enum tp_status rc, struct tp_error *err,
				const char *opt);

/* Flush stdout; on failure print why. @return @p status or CLI_EXIT_FAIL. */
int cli_finish_stdout(int status);

struct tp_plan_doc;

/* Several plans (#11): the files and directories (their *.xml) @p files
 * read as one set sharing calendars (tp_plan_set_read()), each scheduled
 * in @p mode (a plan recording actual dates forecast from @p today, as
 * cli_load_schedule_today() does). On failure prints the error (naming the file) and returns
 * its exit status, with nothing to free; on success free with
 * cli_plans_free(). */
struct cli_today;

struct cli_plans {
	struct tp_plan_set *set;
	struct tp_schedule **scheds;
	size_t n;
};

int cli_load_plans(const char *const *files, size_t n,
		   enum tp_schedule_mode mode, const struct cli_today *today,
		   struct cli_plans *out);

void cli_plans_free(struct cli_plans *p);

/* True if the arguments are one plan file (not a directory): the
 * commands then work as they always have. */
bool cli_single_file(const char *const *files, size_t n);

/* --today DATE, shared by schedule, check and export. */
struct cli_today {
	bool set;
	struct tp_date date;
};

/* Read the plan file @p file and schedule it in @p mode. On failure print
 * the error (naming the file) and return its exit status, with nothing to
 * free; on success the caller frees *doc and *sched. */
int cli_load_schedule(const char *file, enum tp_schedule_mode mode,
		      struct tp_plan_doc **doc, struct tp_schedule **sched);

/* As cli_load_schedule(); with @p today set (--today) and a plan that
 * records actual dates, what has not happened is forecast from today. */
int cli_load_schedule_today(const char *file, enum tp_schedule_mode mode,
			    const struct cli_today *today,
			    struct tp_plan_doc **doc,
			    struct tp_schedule **sched);


/* Parse the value of --today into @p t. */
enum tp_status cli_today_parse(const char *value, struct cli_today *t,
			       struct tp_error *err);

/* Today: --today if @p t is set, else $TP_TODAY, else the current date in
 * Europe/London. */
enum tp_status cli_today_date(const struct cli_today *t, struct tp_date *out,
			      struct tp_error *err);

/* Run the rules checker on @p s with today's date: --today, else $TP_TODAY
 * (YYYY-MM-DD, for tests and reproducible runs), else the current date in
 * Europe/London. */
enum tp_status cli_check(const struct tp_plan_doc *doc,
			 const struct tp_schedule *s, const struct cli_today *t,
			 struct tp_findings **out, struct tp_error *err);

#define CLI_TODAY_HELP                                                         \
	"  --today DATE     check against this date instead of today's\n"      \
	"                   (Europe/London; $TP_TODAY if set): a latest\n"     \
	"                   start already past is a warning; in a plan with\n" \
	"                   dates recorded by done or started, what has not\n" \
	"                   happened is forecast from DATE\n"

/* Print "regime: R; N errors, M warnings, K info" (no newline). */
void cli_print_findings_summary(const struct tp_findings *f);

/* True if @p arg asks for help ("--help" or "-h"). */
bool cli_is_help(const char *arg);

/* ---- option parsing ----------------------------------------------------- */

/* One option of a command. @c handle gets the value (NULL for a flag) and
 * returns TP_OK or fills @p err (its message names the option). */
struct cli_option {
	const char *name; /* with the leading "--" */
	bool takes_value;
	enum tp_status (*handle)(void *ctx, const char *value,
				 struct tp_error *err);
};

/* Arguments left once the options are taken out, in order. */
struct cli_args {
	const char **pos;
	size_t n_pos;
	bool help;
};

/* Walk @p argv (argv[0] is the command's own name): "--name", "--name VALUE"
 * and "--name=VALUE" are options from @p opts (NULL-terminated by a zero
 * name), "-h"/"--help" sets @c help, "--" ends the options, and everything
 * else, "-" and negative numbers included, is positional. Prints any error
 * itself. @return CLI_EXIT_OK or the exit status. Free with
 * cli_args_free(). */
int cli_parse(const char *cmd, int argc, char **argv,
	      const struct cli_option *opts, void *ctx, struct cli_args *out);

void cli_args_free(struct cli_args *args);

/* Parse a whole decimal integer in [min, max] from @p s. */
bool cli_parse_long(const char *s, long min, long max, long *out);

/* ---- calendar options (region, weekend, files, closures) ---------------- */

struct cli_closure {
	struct tp_date first, last;
};

struct cli_calendar_opts {
	enum tp_region region;
	unsigned weekend; /* ISO weekday bits, as
			     tp_calendar_builder_set_weekend */
	bool weekend_set;
	enum tp_ics_mode ics_mode;
	bool explain;
	const char **ics;
	size_t n_ics;
	struct cli_closure *closures;
	size_t n_closures;
};

/* Defaults (england-and-wales, Saturday and Sunday) with room for @p argc
 * files and closures. @return false when out of memory. */
bool cli_calendar_opts_init(struct cli_calendar_opts *o, int argc);

void cli_calendar_opts_free(struct cli_calendar_opts *o);

/* The options above as a cli_option table for cli_parse() with a
 * struct cli_calendar_opts as ctx. */
extern const struct cli_option cli_calendar_options[];

/* Build the calendar the options describe. */
enum tp_status cli_calendar_build(const struct cli_calendar_opts *o,
				  struct tp_calendar **out,
				  struct tp_error *err);

/* As cli_calendar_build(), covering only @p from_year to @p to_year
 * (clamped to the years with holidays) when the options name a region
 * and no holiday file or closure (#11: a single call need not build
 * 228 years); otherwise the whole range. A date outside it is
 * TP_ERR_RANGE: the caller then builds the whole calendar. @p *narrow
 * says whether it was narrowed. */
enum tp_status cli_calendar_build_years(const struct cli_calendar_opts *o,
					int from_year, int to_year,
					struct tp_calendar **out, bool *narrow,
					struct tp_error *err);

/* Why @p d is not a working day: the holiday's name, the weekday's for a
 * weekend ("Saturday"), or both ("Christmas Day (Sunday)"). Writes at most
 * @p size bytes into @p buf. @return @p buf. */
char *cli_describe_day(struct tp_date d, const struct tp_day_info *info,
		       char *buf, size_t size);

/* Print "YYYY-MM-DD reason" for every non-working day in [from, to] to
 * stdout (nothing when to < from). */
enum tp_status cli_explain_range(const struct tp_calendar *cal,
				 struct tp_date from, struct tp_date to,
				 struct tp_error *err);

/* ---- batch mode (cli-batch.c) ------------------------------------------ */

/* Answer one input line of @p len bytes (no newline) by writing at most
 * CLI_BATCH_ANSWER_MAX bytes, newline included, at *out and advancing it. */
typedef enum tp_status (*cli_line_fn)(const struct tp_calendar *cal,
				      const char *line, size_t len, char **out,
				      struct tp_error *err);

#define CLI_BATCH_ANSWER_MAX 64

/* Answer every line of @p in_fd on @p out_fd, in order. A bad line stops
 * the run with "tenderplan: <stdin>:LINE: message" on stderr after the
 * answers to the lines before it. @return the exit status. */
int cli_batch_run(const struct tp_calendar *cal, cli_line_fn fn, int in_fd,
		  int out_fd);

/* ---- commands ----------------------------------------------------------- */

/* argv[0] is the command name ("days", "holidays"). */
int cli_cmd_days(int argc, char **argv);

int cli_cmd_holidays(int argc, char **argv);

int cli_cmd_standstill(int argc, char **argv);

int cli_cmd_check(int argc, char **argv);
int cli_cmd_validate(int argc, char **argv);

int cli_cmd_audit(int argc, char **argv);

/* The help text of the calendar options, for the usage strings. */
#define CLI_CALENDAR_OPTIONS_HELP                                              \
	"  --region R           england-and-wales (default), scotland,\n"      \
	"                       northern-ireland, uk (a bank holiday in any\n" \
	"                       part of the UK) or none (weekends only)\n"     \
	"  --holidays FILE.ics  also read holidays from an iCalendar file,\n"  \
	"                       such as gov.uk's (repeatable)\n"               \
	"  --holidays-mode M    add (default): add the files' days to the\n"   \
	"                       region's; replace: use them instead of the\n"  \
	"                       region's in the years the files cover\n"       \
	"  --closure FROM..TO   the days FROM to TO, both included, are not\n" \
	"                       working days (repeatable)\n"                   \
	"  --weekend DAYS       weekend days, e.g. fri,sat or none\n"          \
	"                       (default sat,sun)\n"

/* ---- fast text helpers for batch mode (cli-text.c) ---------------------- */

/* Bytes written by cli_put_date(). */
#define CLI_DATE_LEN 10

/* Write @p d as "YYYY-MM-DD" (no NUL) at @p p; @return p + 10. The date
 * must lie in 0000..9999, as every tp_date in the supported range does. */
char *cli_put_date(char *p, struct tp_date d);

/* Write @p v in decimal (no NUL) at @p p, which has room for 11 bytes;
 * @return the end. */
char *cli_put_int(char *p, long v);

/* Parse a decimal integer (optional sign) of exactly @p len bytes that fits
 * in int32_t. */
bool cli_parse_int32(const char *s, size_t len, int32_t *out);

/* Split @p line of @p len bytes into exactly two fields separated by spaces
 * or tabs (leading and trailing blanks allowed). @return false otherwise. */
bool cli_split2(const char *line, size_t len, const char **f1, size_t *l1,
		const char **f2, size_t *l2);

#endif
