/* SPDX-License-Identifier: MIT */
/* Real objects for the generated NULL-argument test; see the header. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "api-null-fixtures.h"

/* A small PA 2023 open procedure: a closure, an extra holiday, an anchor,
 * every dependency and constraint kind the getters walk. */
const char fx_plan_xml[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<plan xmlns=\"urn:tenderplan:plan:1\" id=\"null-sweep\" revision=\"1\">\n"
	"  <name>API misuse fixture</name>\n"
	"  <calendar region=\"england-and-wales\">\n"
	"    <closure from=\"2025-08-26\" to=\"2025-08-27\" name=\"Staff days\"/>\n"
	"    <holiday date=\"2025-09-01\" name=\"Extra\"/>\n"
	"  </calendar>\n"
	"  <anchors start=\"2025-04-01\"/>\n"
	"  <rules regime=\"pa2023\" procedure=\"open\""
	" claims=\"electronic-tenders electronic-notice documents-with-notice\""
	" jurisdiction=\"england-and-wales\"/>\n"
	"  <meetings>\n"
	"    <series id=\"cabinet\">\n"
	"      <name>Cabinet</name>\n"
	"      <recur rule=\"FREQ=MONTHLY;BYDAY=3TH;COUNT=24\" from=\"2025-01-01\"/>\n"
	"    </series>\n"
	"    <series id=\"spare\">\n"
	"      <meeting date=\"2025-07-03\"/>\n"
	"    </series>\n"
	"  </meetings>\n"
	"  <stages>\n"
	"    <stage id=\"advert\" kind=\"advert\">\n"
	"      <name>Advert</name>\n"
	"    </stage>\n"
	"    <stage id=\"tender-period\" kind=\"tender-period\" duration=\"30\""
	" unit=\"calendar-days\">\n"
	"      <after stage=\"advert\" lag-unit=\"calendar-days\"/>\n"
	"    </stage>\n"
	"    <stage id=\"tender-deadline\" kind=\"tender-deadline\""
	" time=\"12:00\">\n"
	"      <after stage=\"tender-period\" type=\"finish-to-finish\"/>\n"
	"    </stage>\n"
	"    <stage id=\"evaluation\" kind=\"evaluation\" duration=\"10\">\n"
	"      <owner>Procurement team</owner>\n"
	"      <notes>Two evaluators.</notes>\n"
	"      <after stage=\"tender-deadline\"/>\n"
	"      <constraint type=\"start-no-earlier-than\" date=\"2025-05-12\"/>\n"
	"    </stage>\n"
	"    <stage id=\"award\" kind=\"award\">\n"
	"      <after stage=\"evaluation\"/>\n"
	"    </stage>\n"
	"  </stages>\n"
	"</plan>\n";

/* One release with a tender period (OCDS 1.1 release package). */
const char fx_ocds_json[] =
	"{\"uri\": \"https://example.org/p\", \"version\": \"1.1\","
	" \"publishedDate\": \"2025-01-01T00:00:00Z\","
	" \"publisher\": {\"name\": \"Example\"},"
	" \"releases\": [{\"ocid\": \"ocds-b5fd17-1\", \"id\": \"r1\","
	" \"date\": \"2025-01-01T00:00:00Z\", \"tag\": [\"tender\"],"
	" \"initiationType\": \"tender\","
	" \"tender\": {\"id\": \"t1\", \"procurementMethod\": \"open\","
	" \"tenderPeriod\": {\"startDate\": \"2025-01-01T00:00:00Z\","
	" \"endDate\": \"2025-02-10T12:00:00Z\"}}}]}";

/* One all-day event. */
const char fx_ics[] = "BEGIN:VCALENDAR\r\n"
		      "VERSION:2.0\r\n"
		      "PRODID:-//tenderplan tests//EN\r\n"
		      "BEGIN:VEVENT\r\n"
		      "UID:x1@example.org\r\n"
		      "DTSTAMP:20250101T120000Z\r\n"
		      "DTSTART;VALUE=DATE:20250602\r\n"
		      "SUMMARY:Extra day\r\n"
		      "END:VEVENT\r\n"
		      "END:VCALENDAR\r\n";

static void
must(enum tp_status rc, const struct tp_error *err, const char *what)
{
	if (rc != TP_OK)
		fail_msg("fixture %s: %s", what, err->message);
}

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

static void
fill_values(struct fx *fx)
{
	tp_rules_config_init(&fx->cfg);
	tp_check_options_init(&fx->check_opt);
	tp_export_options_init(&fx->export_opt);
	fx->export_opt.dtstamp = 1735689600; /* 2025-01-01, reproducible */
	tp_schedule_options_init(&fx->sched_opt);
	tp_write_options_init(&fx->write_opt);
	tp_plan_edit_link_init(&fx->link);
	tp_ocds_audit_options_init(&fx->ocds_opt);
	fx->snap_stage = (struct tp_snapshot_stage){
		.id = "extra",
		.name = "Extra",
		.start = TP_DATE(2025, 4, 1),
		.finish = TP_DATE(2025, 4, 2),
		.minutes = -1,
	};
	memset(&fx->standstill, 0, sizeof(fx->standstill));
	fx->standstill.regime = TP_REGIME_PCR2015;
	fx->standstill.means = TP_NOTICE_ELECTRONIC;
	fx->standstill.sent = TP_DATE(2025, 4, 17);
	fx->standstill.region = TP_REGION_ENGLAND_AND_WALES;
	memset(&fx->period, 0, sizeof(fx->period));
	fx->period.regime = TP_REGIME_PCR2015;
	fx->period.procedure = TP_PROC_OPEN;
	fx->period.kind = TP_PERIOD_TENDER;
	tp_error_clear(&fx->some_err);
	fx->some_err.code = TP_ERR_PARSE;
	fx->some_err.line = 3;
	snprintf(fx->some_err.source, sizeof(fx->some_err.source), "plan.xml");
	snprintf(fx->some_err.message, sizeof(fx->some_err.message), "bad");
	fx->date = TP_DATE(2025, 6, 2);
	tp_meeting_spec_init(&fx->meeting);
	fx->meeting_dates[0] = TP_DATE(2025, 6, 5);
	fx->meeting_dates[1] = TP_DATE(2025, 7, 10);
	fx->meeting.id = "extra";
	fx->meeting.dates = fx->meeting_dates;
	fx->meeting.n_dates = 2;
	tp_record_options_init(&fx->record_opt);
	fx->record_opt.taken = 1735689600;
	fx->paths[0] = fx->plan_path;
}

static void
make_files(struct fx *fx)
{
	const char *data = getenv("TP_TEST_DATA");
	snprintf(fx->dir, sizeof(fx->dir), "/tmp/tp-api-null-XXXXXX");
	assert_non_null(mkdtemp(fx->dir));
	snprintf(fx->plan_path, sizeof(fx->plan_path), "%s/plan.xml", fx->dir);
	snprintf(fx->out_path, sizeof(fx->out_path), "%s/out", fx->dir);
	snprintf(fx->ocds_path, sizeof(fx->ocds_path), "%s/ocds.json",
		 fx->dir);
	snprintf(fx->ics_path, sizeof(fx->ics_path), "%s/ics/replace-2025.ics",
		 data ? data : "tests/data");
	write_file(fx->plan_path, fx_plan_xml);
	write_file(fx->ocds_path, fx_ocds_json);
}

/* Each need with those it depends on. */
static unsigned
closure(unsigned need)
{
	if (need & (FX_FINDINGS | FX_SNAP | FX_CSV))
		need |= FX_SCHED;
	if (need & FX_SCHED)
		need |= FX_DOC;
	if (need & FX_CAL)
		need |= FX_BUILDER;
	return need;
}

static void
make_plan_objects(struct fx *fx, unsigned need, struct tp_error *e)
{
	size_t len;
	if (need & FX_DOC) {
		must(tp_plan_doc_read_memory(fx_plan_xml,
					     sizeof(fx_plan_xml) - 1,
					     "plan.xml", NULL, 0, &fx->doc, e),
		     e, "plan");
		fx->plan = tp_plan_doc_plan(fx->doc);
	}
	if (need & FX_SCHED) {
		must(tp_plan_doc_schedule(fx->doc, NULL, &fx->sched, e), e,
		     "schedule");
		fx->scheds[0] = fx->sched;
	}
	if (need & FX_FINDINGS)
		must(tp_plan_check(fx->sched, tp_plan_doc_rules(fx->doc),
				   &fx->findings, e),
		     e, "findings");
	if (need & FX_SNAP)
		must(tp_snapshot_record(fx->sched, NULL, TP_SNAPSHOT_REVISION,
					1735689600, &fx->snap, e),
		     e, "snapshot");
	if (need & FX_CSV)
		must(tp_export_to_buffer(TP_EXPORT_CSV, fx->plan, fx->sched,
					 NULL, &fx->csv, &len, e),
		     e, "csv");
	if (need & FX_EDIT) {
		must(tp_plan_edit_open(fx->plan_path, &fx->edit, e), e, "edit");
		must(tp_plan_edit_finish(fx->edit, e), e, "edit finish");
	}
	if (need & FX_TEMPLATE)
		must(tp_template_new("pa2023-open", &fx->template_doc, e), e,
		     "template");
}

static void
make_other_objects(struct fx *fx, unsigned need, struct tp_error *e)
{
	if (need & FX_BUILDER) {
		must(tp_calendar_builder_new(&fx->builder, e), e, "builder");
		must(tp_calendar_builder_set_range(fx->builder, 2020, 2030, e),
		     e, "range");
	}
	if (need & FX_CAL) {
		must(tp_calendar_builder_build(fx->builder, &fx->cal, e), e,
		     "calendar");
		fx->standstill.calendar = fx->cal;
	}
	if (need & FX_AUDIT)
		must(tp_ocds_audit_buffer(fx_ocds_json,
					  sizeof(fx_ocds_json) - 1, "fx.json",
					  NULL, &fx->audit, e),
		     e, "audit");
	if (need & FX_HOLIDAYS)
		must(tp_region_holidays(TP_REGION_ENGLAND_AND_WALES, 2025, 2025,
					&fx->holidays, e),
		     e, "holidays");
	if (need & FX_CACHE)
		must(tp_calendar_cache_new(&fx->cache, e), e, "cache");
	if (need & FX_READER)
		must(tp_plan_reader_new(&fx->reader, e), e, "reader");
	if (need & FX_SET)
		must(tp_plan_set_read(fx->paths, 1, 0, &fx->set, e), e, "set");
}

struct fx *
fx_new(unsigned need)
{
	struct tp_error e;
	struct fx *fx = calloc(1, sizeof(*fx));
	assert_non_null(fx);
	tp_error_clear(&e);
	need = closure(need);
	fill_values(fx);
	make_files(fx);
	make_plan_objects(fx, need, &e);
	make_other_objects(fx, need, &e);
	return fx;
}

void
fx_free(struct fx *fx)
{
	char path[160];
	tp_plan_edit_free(fx->edit);
	tp_free(fx->csv);
	tp_holiday_list_free(fx->holidays);
	tp_snapshot_free(fx->snap);
	tp_ocds_audit_free(fx->audit);
	tp_findings_free(fx->findings);
	tp_schedule_free(fx->sched);
	tp_calendar_free(fx->cal);
	tp_calendar_builder_free(fx->builder);
	tp_plan_doc_free(fx->doc);
	tp_plan_doc_free(fx->template_doc);
	tp_plan_set_free(fx->set);
	tp_plan_reader_free(fx->reader);
	tp_calendar_cache_free(fx->cache);
	unlink(fx->plan_path);
	unlink(fx->ocds_path);
	unlink(fx->out_path);
	snprintf(path, sizeof(path), "%s/holidays.ics", fx->dir);
	unlink(path);
	if (rmdir(fx->dir) != 0)
		fail_msg("a call left a file in %s", fx->dir);
	free(fx);
}

struct tp_calendar *
fx_take_calendar(void)
{
	struct tp_calendar *cal = NULL;
	struct tp_error e;
	must(tp_calendar_new_region(TP_REGION_SCOTLAND, &cal, &e), &e,
	     "calendar to take");
	return cal;
}

struct tp_snapshot *
fx_take_snapshot(struct fx *fx)
{
	struct tp_snapshot *snap = NULL;
	struct tp_error e;
	must(tp_snapshot_new(TP_SNAPSHOT_BASELINE, 1, 1735689600, "null-sweep",
			     NULL, &snap, &e),
	     &e, "snapshot to take");
	return snap;
}

int
fx_day_cb(struct tp_date d, const struct tp_day_info *info, void *user)
{
	(void)d;
	(void)info;
	(void)user;
	return 0;
}

void
fx_problem_cb(const struct tp_error *problem, void *user)
{
	(void)problem;
	(void)user;
}
