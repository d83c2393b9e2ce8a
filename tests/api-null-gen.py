#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Write the NULL-argument test of the public API (#9).

Usage: api-null-gen.py OUTPUT.c MAPFILE HEADER-DIRECTORY|HEADER...

Reads every exported function (TP_EXPORT) of the public headers and writes
a cmocka test that calls each one with NULL in each pointer position, every
other argument valid (real objects of tests/api-null-fixtures.c, valid
strings, real output pointers), and checks the documented result:

- a function that returns enum tp_status gives TP_ERR_INVALID, fills in the
  struct tp_error (code and message) and writes no output; again with
  err NULL (errors are then just not reported);
- a getter gives its documented empty value (NULL, 0, false, {0});
- a void function does nothing (tp_*_free(NULL) included);
- where the header says NULL is allowed (NULL_OK below), the call works:
  TP_OK for a status, unless STATUS_WITH_NULL says otherwise;
- the err position itself: every argument valid and err NULL gives TP_OK.

Under ASan and UBSan (./quickstart test) and valgrind a crash, a leak (a
_take_ function that drops what it was given) or an out-of-bounds access
fails the test. The generator does not fail on what it cannot cover: it
writes a failing test case naming it (an exported symbol of MAPFILE that
no header declares and EXEMPT does not list, a pointer type without a
fixture, a table entry naming a function or argument that does not exist),
so that a new function cannot slip by unchecked.
"""

import glob
import os
import re
import sys

# ---- what the headers say about NULL --------------------------------------

# (function, argument): NULL is allowed there (the header says so).
NULL_OK = {
    ('tp_plan_add_meeting_series', 'index'),
    ('tp_plan_find_meeting_series', 'index'),
    ('tp_plan_meeting_dates', 'count'),
    ('tp_plan_meeting_dates_between', 'count'),
    ('tp_plan_doc_build_calendar_shared', 'base_dir'),
    ('tp_plan_reader_read_memory', 'source_name'),
    ('tp_plan_reader_read_memory', 'base_dir'),
    ('tp_plan_file_record_with', 'out'),
    ('tp_plan_set_stage_actual', 'start'),
    ('tp_plan_set_stage_actual', 'finish'),
    ('tp_plan_edit_set_stage_meeting', 'series'),
    ('tp_plan_edit_set_stage_actual', 'date'),
    ('tp_plan_reader_set_calendar_cache', 'cache'),
    ('tp_plan_doc_build_calendar_shared', 'cache'),
    ('tp_plan_file_record_with', 'opt'),
    ('tp_error_clear', 'err'), ('tp_free', 'ptr'),
    ('tp_error_format', 'err'),
    ('tp_date_to_ymd', 'year'), ('tp_date_to_ymd', 'month'),
    ('tp_date_to_ymd', 'day'),
    ('tp_calendar_builder_add_holiday', 'name'),
    ('tp_calendar_builder_add_closure', 'name'),
    ('tp_calendar_builder_load_ics_data', 'source_name'),
    ('tp_calendar_foreach_non_working', 'user'),
    ('tp_calendar_foreach_non_working', 'stopped'),
    ('tp_check_options_init', 'opt'),
    ('tp_plan_check_with', 'opt'),
    ('tp_findings_write_xml', 'plan_id'),
    ('tp_export_to_buffer', 'opt'), ('tp_export_to_buffer', 'len'),
    ('tp_export_to_file', 'opt'),
    ('tp_export_portfolio_to_buffer', 'opt'),
    ('tp_export_portfolio_to_buffer', 'len'),
    ('tp_export_portfolio_to_file', 'opt'),
    ('tp_ocds_audit_buffer', 'source'), ('tp_ocds_audit_buffer', 'opt'),
    ('tp_ocds_audit_file', 'opt'),
    ('tp_ocds_audit_write', 'len'),
    ('tp_duration_parse', 'unit_given'),
    ('tp_plan_edit_new', 'source_name'), ('tp_plan_edit_new', 'base_dir'),
    ('tp_plan_edit_set_stage_text', 'text'),
    ('tp_plan_edit_set_stage_constraint', 'date'),
    ('tp_plan_edit_add_stage', 'name'),
    ('tp_plan_edit_add_stage', 'place_after'),
    ('tp_plan_edit_add_stage', 'place_before'),
    ('tp_plan_edit_remove_stage', 'relink_to'),
    ('tp_plan_edit_link', 'how'),
    ('tp_plan_edit_add_closure', 'name'),
    ('tp_plan_edit_set_anchor', 'date'),
    ('tp_plan_edit_set_plan_id', 'id'),
    ('tp_plan_edit_set_plan_name', 'name'),
    ('tp_plan_edit_import_csv', 'source_name'),
    ('tp_plan_edit_import_csv', 'report'),
    ('tp_plan_edit_import_csv', 'user'),
    ('tp_plan_edit_result', 'len'),
    ('tp_plan_edit_write_file', 'wo'),
    ('tp_plan_doc_add_closure', 'name'), ('tp_plan_doc_add_holiday', 'name'),
    ('tp_plan_doc_set_ics', 'path'), ('tp_plan_doc_ics', 'mode'),
    ('tp_plan_doc_build_calendar', 'base_dir'),
    ('tp_plan_doc_schedule', 'opt'),
    ('tp_plan_doc_read_memory', 'source_name'),
    ('tp_plan_doc_read_memory', 'base_dir'),
    ('tp_plan_doc_write_file_opts', 'wo'),
    ('tp_plan_set_name', 'name'), ('tp_plan_set_id', 'id'),
    ('tp_plan_set_time_zone', 'tz'),
    ('tp_plan_set_calendar', 'cal'),
    ('tp_plan_set_statutory_calendar', 'cal'),
    ('tp_plan_start_date', 'out'), ('tp_plan_contract_start', 'out'),
    ('tp_plan_add_stage', 'name'), ('tp_plan_add_stage', 'index'),
    ('tp_plan_set_stage_name', 'name'), ('tp_plan_set_stage_owner', 'owner'),
    ('tp_plan_set_stage_notes', 'notes'),
    ('tp_plan_find_stage', 'index'),
    ('tp_snapshot_new', 'plan_id'), ('tp_snapshot_new', 'time_zone'),
    ('tp_snapshot_find_stage', 'out'),
    ('tp_snapshot_record', 'since'),
    ('tp_plan_file_record', 'wo'), ('tp_plan_file_record', 'out'),
    ('tp_schedule_options_init', 'opt'),
    ('tp_schedule_compute_with', 'opt'),
    ('tp_schedule_trace', 'at'), ('tp_schedule_trace', 'out'),
    ('tp_schedule_foreach_skipped', 'user'),
    ('tp_schedule_foreach_skipped', 'stopped'),
}

# Status of a call with NULL in a NULL_OK position (or err NULL), all
# else valid, where it is not TP_OK.
STATUS_WITH_NULL = {
}

# Return value of a call with NULL in a position, where it is not the
# empty value of the type (NULL, 0, false, {0}); a C expression, with the
# arguments as a_<name>.
RETURN_WITH_NULL = {
    ('tp_error_format', 'err'): 'a_buf',
    ('tp_schedule_describe', 'sched'): 'a_buf',
    ('tp_plan_stage_time', 'plan'): '-1',
    ('tp_plan_start_date', 'out'): 'true',
    ('tp_plan_find_stage', 'index'): 'true',
    ('tp_schedule_trace', 'at'): 'true',
    ('tp_schedule_trace', 'out'): 'true',
    ('tp_plan_doc_ics', 'mode'): None,  # not checked: NULL, as it has none
    ('tp_plan_edit_result', 'len'): 'NOT_NULL',
    ('tp_snapshot_find_stage', 'out'): 'true',
    ('tp_findings_regime', 'findings'): 'TP_REGIME_NONE',
    ('tp_snapshot_time_zone', 'snap'): 'TP_DEFAULT_TIME_ZONE',
    ('tp_plan_time_zone', 'plan'): 'TP_DEFAULT_TIME_ZONE',
    ('tp_plan_stage_meeting', 'plan'): 'TP_NO_MEETING',
    ('tp_plan_meeting_dates', 'count'): 'NOT_NULL',
    # the Cabinet's 17 Apr 2025 (the default date for from and to)
    ('tp_plan_meeting_dates_between', 'count'): 'NOT_NULL',
}

# Outputs the header says are written even when the call fails.
WRITTEN_ON_ERROR = {
    ('tp_snapshot_compare', 'out'),  # "@p out is always filled"
}

# Exported symbols that no header declares, each with the reason.
EXEMPT = {
}

# ---- argument values ------------------------------------------------------

OPAQUE = {
    'tp_plan': 'fx->plan', 'tp_calendar': 'fx->cal',
    'tp_calendar_builder': 'fx->builder', 'tp_schedule': 'fx->sched',
    'tp_plan_doc': 'fx->doc', 'tp_plan_edit': 'fx->edit',
    'tp_findings': 'fx->findings', 'tp_ocds_audit': 'fx->audit',
    'tp_snapshot': 'fx->snap', 'tp_holiday_list': 'fx->holidays',
    'tp_calendar_cache': 'fx->cache', 'tp_plan_reader': 'fx->reader',
    'tp_plan_set': 'fx->set',
}
FREE = {
    'tp_plan': 'tp_plan_free', 'tp_calendar': 'tp_calendar_free',
    'tp_calendar_builder': 'tp_calendar_builder_free',
    'tp_schedule': 'tp_schedule_free', 'tp_plan_doc': 'tp_plan_doc_free',
    'tp_plan_edit': 'tp_plan_edit_free', 'tp_findings': 'tp_findings_free',
    'tp_ocds_audit': 'tp_ocds_audit_free', 'tp_snapshot': 'tp_snapshot_free',
    'tp_holiday_list': 'tp_holiday_list_free', 'char': 'tp_free',
    'tp_calendar_cache': 'tp_calendar_cache_free',
    'tp_plan_reader': 'tp_plan_reader_free', 'tp_plan_set': 'tp_plan_set_free',
}
# (function, argument) whose object the callee takes over.
TAKE = {
    ('tp_plan_take_calendar', 'cal'): 'fx_take_calendar()',
    ('tp_plan_take_statutory_calendar', 'cal'): 'fx_take_calendar()',
    ('tp_plan_doc_take_snapshot', 'snap'): 'fx_take_snapshot(fx)',
}
# const struct inputs.
INPUT = {
    'tp_rules_config': '&fx->cfg', 'tp_check_options': '&fx->check_opt',
    'tp_export_options': '&fx->export_opt',
    'tp_schedule_options': '&fx->sched_opt',
    'tp_write_options': '&fx->write_opt', 'tp_plan_edit_link': '&fx->link',
    'tp_snapshot_stage': '&fx->snap_stage',
    'tp_standstill_request': '&fx->standstill',
    'tp_period_query': '&fx->period', 'tp_ocds_audit_options': '&fx->ocds_opt',
    'tp_error': '&fx->some_err', 'tp_date': '&fx->date',
    'tp_meeting_spec': '&fx->meeting', 'tp_record_options': '&fx->record_opt',
}
# Fixture fields and the FX_* bit that makes them.
FIELD_BITS = {
    'doc': 'FX_DOC', 'plan': 'FX_DOC', 'sched': 'FX_SCHED',
    'scheds': 'FX_SCHED', 'findings': 'FX_FINDINGS', 'snap': 'FX_SNAP',
    'csv': 'FX_CSV', 'edit': 'FX_EDIT', 'cal': 'FX_CAL',
    'standstill': 'FX_CAL', 'builder': 'FX_BUILDER', 'audit': 'FX_AUDIT',
    'holidays': 'FX_HOLIDAYS', 'cache': 'FX_CACHE', 'reader': 'FX_READER',
    'set': 'FX_SET',
}

# Strings and numbers by (function, argument), then by argument name.
ARGS = {
    ('tp_region_from_name', 'name'): '"scotland"',
    ('tp_stage_kind_from_name', 'name'): '"advert"',
    ('tp_unit_from_name', 'name'): '"working-days"',
    ('tp_dep_type_from_name', 'name'): '"fs"',
    ('tp_constraint_type_from_name', 'name'): '"start-on"',
    ('tp_export_format_from_name', 'name'): '"ics"',
    ('tp_snapshot_kind_from_name', 'name'): '"revision"',
    ('tp_regime_from_name', 'name'): '"pa2023"',
    ('tp_authority_from_name', 'name'): '"central-government"',
    ('tp_authority_kind_from_name', 'name'): '"council"',
    ('tp_health_service_from_name', 'name'): '"england"',
    ('tp_procedure_from_name', 'name'): '"open"',
    ('tp_plan_claim_from_name', 'name'): '"pin"',
    ('tp_template_new', 'id'): '"pa2023-open"',
    ('tp_calendar_builder_load_ics', 'path'): 'fx->ics_path',
    ('tp_calendar_builder_load_ics_data', 'data'): 'fx_ics',
    ('tp_calendar_builder_load_ics_data', 'len'): 'strlen(fx_ics)',
    ('tp_date_parse', 'text'): '"2025-04-17"',
    ('tp_date_today', 'tzid'): '"Europe/London"',
    ('tp_export_to_file', 'path'): 'fx->out_path',
    ('tp_export_portfolio_to_file', 'path'): 'fx->out_path',
    ('tp_export_ics_uid', 'plan_id'): '"p"',
    ('tp_export_ics_uid', 'stage_id'): '"s"',
    ('tp_ocds_audit_buffer', 'data'): 'fx_ocds_json',
    ('tp_ocds_audit_buffer', 'len'): 'strlen(fx_ocds_json)',
    ('tp_ocds_audit_file', 'path'): 'fx->ocds_path',
    ('tp_duration_parse', 'text'): '"20wd"',
    ('tp_lag_parse', 'text'): '"2wd"',
    ('tp_time_parse', 'text'): '"12:00"',
    ('tp_plan_edit_new', 'data'): 'fx_plan_xml',
    ('tp_plan_edit_new', 'len'): 'strlen(fx_plan_xml)',
    ('tp_plan_edit_open', 'path'): 'fx->plan_path',
    ('tp_plan_edit_set_stage_text', 'stage'): '"advert"',
    ('tp_plan_edit_set_stage_text', 'text'): '"New name"',
    ('tp_plan_edit_set_stage_duration', 'stage'): '"evaluation"',
    ('tp_plan_edit_set_stage_kind', 'stage'): '"advert"',
    ('tp_plan_edit_set_stage_kind', 'kind'): 'TP_STAGE_ADVERT',
    ('tp_plan_edit_set_stage_time', 'stage'): '"tender-deadline"',
    ('tp_plan_edit_set_stage_constraint', 'stage'): '"award"',
    ('tp_plan_edit_add_stage', 'id'): '"extra"',
    ('tp_plan_edit_add_stage', 'name'): '"Extra"',
    ('tp_plan_edit_add_stage', 'place_after'): '"advert"',
    ('tp_plan_edit_add_stage', 'place_before'): 'NULL',
    ('tp_plan_edit_remove_stage', 'id'): '"award"',
    ('tp_plan_edit_remove_stage', 'relink_to'): 'NULL',
    ('tp_plan_edit_link', 'from'): '"advert"',
    ('tp_plan_edit_link', 'to'): '"award"',
    ('tp_plan_edit_unlink', 'from'): '"evaluation"',
    ('tp_plan_edit_unlink', 'to'): '"award"',
    ('tp_plan_edit_add_closure', 'first'): 'TP_DATE(2025, 12, 29)',
    ('tp_plan_edit_add_closure', 'last'): 'TP_DATE(2025, 12, 30)',
    ('tp_plan_edit_remove_closure', 'first'): 'TP_DATE(2025, 8, 26)',
    ('tp_plan_edit_remove_closure', 'last'): 'TP_DATE(2025, 8, 27)',
    ('tp_plan_edit_set_plan_id', 'id'): '"new-id"',
    ('tp_plan_edit_set_plan_name', 'name'): '"New name"',
    ('tp_plan_edit_import_csv', 'data'): 'fx->csv',
    ('tp_plan_edit_import_csv', 'len'): 'strlen(fx->csv)',
    ('tp_plan_edit_write_file', 'path'): 'fx->plan_path',
    ('tp_plan_doc_set_ics', 'path'): '"holidays.ics"',
    ('tp_plan_doc_read_file', 'path'): 'fx->plan_path',
    ('tp_plan_doc_read_memory', 'data'): 'fx_plan_xml',
    ('tp_plan_doc_read_memory', 'len'): 'strlen(fx_plan_xml)',
    ('tp_plan_doc_write_file', 'path'): 'fx->out_path',
    ('tp_plan_doc_write_file_opts', 'path'): 'fx->out_path',
    ('tp_plan_set_id', 'id'): '"new-id"',
    ('tp_plan_set_time_zone', 'tz'): '"Europe/Paris"',
    ('tp_plan_add_stage', 'id'): '"extra"',
    ('tp_plan_find_stage', 'id'): '"advert"',
    ('tp_plan_suggest_stage', 'id'): '"advrt"',
    ('tp_plan_add_dependency', 'from_id'): '"advert"',
    ('tp_plan_add_dependency', 'to_id'): '"award"',
    ('tp_plan_add_constraint', 'stage_id'): '"award"',
    ('tp_snapshot_new', 'plan_id'): '"null-sweep"',
    ('tp_snapshot_new', 'time_zone'): '"Europe/London"',
    ('tp_snapshot_find_stage', 'id'): '"advert"',
    ('tp_snapshot_add_stage', 'stage'): '&fx->snap_stage',
    ('tp_snapshot_add_series', 'series'): '&fx->snap_stage',
    ('tp_snapshot_record', 'since'): 'fx->snap',
    ('tp_plan_file_record', 'path'): 'fx->plan_path',
    ('tp_earliest_deadline', 'regime'): 'TP_REGIME_PCR2015',
    ('tp_regime_for', 'jurisdiction'): 'TP_REGION_ENGLAND_AND_WALES',
    ('tp_min_period', 'regime'): 'TP_REGIME_PCR2015',
    ('tp_min_period', 'kind'): 'TP_PERIOD_TENDER',
    ('tp_rules_config_authority', 'regime'): 'TP_REGIME_PCR2015',
    ('tp_region_holidays', 'region'): 'TP_REGION_SCOTLAND',
    ('tp_calendar_new_region', 'region'): 'TP_REGION_SCOTLAND',
    ('tp_template_set_region', 'doc'): 'fx->template_doc',
    ('tp_template_set_region', 'region'): 'TP_REGION_ENGLAND_AND_WALES',
    ('tp_plan_reserve', 'stages'): '10',
    ('tp_plan_reserve', 'dependencies'): '10',
    ('tp_plan_set_stage_time', 'minutes'): '600',
    ('tp_plan_edit_set_stage_time', 'minutes'): '600',
    ('tp_plan_add_stage', 'amount'): '5',
    ('tp_plan_set_stage_duration', 'amount'): '5',
    ('tp_plan_edit_set_stage_duration', 'amount'): '5',
    ('tp_plan_edit_add_stage', 'amount'): '5',
    ('tp_export_portfolio_to_buffer', 'n'): '1',
    ('tp_export_portfolio_to_file', 'n'): '1',
    ('tp_calendar_builder_set_weekend', 'mask'): '(1u << 6) | (1u << 7)',
    ('tp_plan_reader_read_file', 'path'): 'fx->plan_path',
    ('tp_plan_reader_read_memory', 'data'): 'fx_plan_xml',
    ('tp_plan_reader_read_memory', 'len'): 'strlen(fx_plan_xml)',
    ('tp_plan_set_read', 'paths'): 'fx->paths',
    ('tp_plan_set_read', 'n'): '1',
    ('tp_plan_set_doc', 'i'): '0',
    ('tp_plan_set_path', 'i'): '0',
    ('tp_plan_set_stage_meeting', 'series_id'): '"cabinet"',
    ('tp_plan_find_meeting_series', 'id'): '"cabinet"',
    ('tp_plan_edit_set_stage_meeting', 'stage'): '"evaluation"',
    ('tp_plan_edit_set_stage_meeting', 'series'): '"cabinet"',
    ('tp_plan_edit_remove_meeting_series', 'id'): '"spare"',
    ('tp_plan_edit_set_stage_actual', 'stage'): '"advert"',
    ('tp_plan_file_record_with', 'path'): 'fx->plan_path',
}
BY_NAME = {
    'year': '2025', 'month': '4', 'day': '17', 'from_year': '2025',
    'to_year': '2026', 'len': '-1', 'taken': '1735689600', 'revision': '2',
    'days': '10', 'months': '1', 'n': '2', 'first': 'TP_DATE(2025, 12, 29)',
    'last': 'TP_DATE(2025, 12, 30)', 'from': 'TP_DATE(2025, 4, 1)',
    'to': 'TP_DATE(2025, 5, 1)', 'status': 'TP_OK', 'minutes': '600',
}

def strip_comments(text):
    return re.sub(r'/\*.*?\*/', ' ', text, flags=re.S)


def split_params(text):
    out, depth, cur = [], 0, ''
    for c in text:
        if c == '(':
            depth += 1
        elif c == ')':
            depth -= 1
        if c == ',' and depth == 0:
            out.append(cur.strip())
            cur = ''
            continue
        cur += c
    if cur.strip():
        out.append(cur.strip())
    return [] if out == ['void'] else out


class Param:
    def __init__(self, decl):
        self.decl = decl
        m = re.match(r'.*\(\s*\*\s*(\w+)\s*\)\s*\(.*\)$', decl)
        if m:  # function pointer
            self.name, self.type, self.array = m.group(1), 'callback', None
            return
        m = re.match(r'(.*?)(\w+)\s*(\[(\w+)\])?$', decl)
        self.name = m.group(2)
        self.type = ' '.join(m.group(1).replace('*', ' * ').split())
        self.array = m.group(4)

    def is_pointer(self):
        return ('*' in self.type or self.array or self.type == 'callback'
                or self.type.endswith('_fn'))


DEFINED = set()  # structs the headers define (not opaque)


def parse_headers(paths):
    funcs = []
    for path in paths:
        text = strip_comments(open(path, encoding='utf-8').read())
        DEFINED.update(re.findall(r'\bstruct (tp_\w+)\s*\{', text))
        text = re.sub(r'^\s*#.*$', '', text, flags=re.M)
        for m in re.finditer(r'\bTP_EXPORT\b(.*?);', text, flags=re.S):
            decl = ' '.join(m.group(1).split())
            decl = re.sub(r'\bTP_NODISCARD\b|\bTP_PRINTF\(\d+, *\d+\)', '',
                          decl).strip()
            mm = re.match(r'(.*?)\b(tp_\w+)\s*\((.*)\)$', decl)
            if not mm:
                raise SystemExit('%s: cannot read "%s"' % (path, decl))
            ret = ' '.join(mm.group(1).replace('*', ' * ').split())
            funcs.append((path.split('/')[-1], ret, mm.group(2),
                          [Param(p) for p in split_params(mm.group(3))]))
    return funcs


def parse_map(path):
    text = strip_comments(open(path, encoding='utf-8').read())
    return set(re.findall(r'^\s*(tp_\w+)\s*;', text, flags=re.M))


def struct_name(ptype):
    m = re.search(r'struct (tp_\w+)', ptype)
    return m.group(1) if m else None


class Problem(Exception):
    pass


def classify(func, p):
    """How to pass a valid argument p; (kind, C expression, declaration)."""
    key = (func, p.name)
    if p.type == 'struct tp_error *' and p.name == 'err' and \
            STATUS_RET[func]:
        return 'err', '&e', None
    if key in TAKE:
        return 'take', TAKE[key], None
    if p.type == 'callback':
        return 'callback', 'fx_day_cb', None
    if p.type == 'tp_plan_edit_problem_fn':
        return 'callback', 'fx_problem_cb', None
    if p.array:  # char buf[N]
        return 'buf', 'a_' + p.name, 'char a_%s[%s]' % (p.name, p.array)
    if p.type == 'char *' and p.name == 'buf':
        return 'buf', 'a_buf', 'char a_buf[256]'
    if p.type == 'void *':
        return 'user', ARGS.get(key, 'fx'), None
    if p.type == 'const struct tp_schedule * const *':
        return 'in', 'fx->scheds', None
    if p.type == 'const char * const *' and key in ARGS:
        return 'in', ARGS[key], None
    if p.type == 'const char *':
        return 'in', ARGS.get(key, '"x"'), None
    s = struct_name(p.type)
    stars = p.type.count('*')
    if stars == 2:  # T **out
        base = p.type.replace('*', '').strip()
        name = s or base
        if name not in FREE:
            raise Problem('no free function for %s' % p.type)
        return 'outhandle', '&a_' + p.name, '%s *a_%s = NULL' % (base,
                                                                  p.name)
    if stars != 1:
        if p.is_pointer():
            raise Problem('no fixture for argument "%s"' % p.decl)
        return 'value', value_for(func, p), None
    if s in OPAQUE:
        return 'handle', ARGS.get(key, OPAQUE[s]), None
    if p.type.startswith('const '):
        if key in ARGS:
            return 'in', ARGS[key], None
        if s in INPUT:
            return 'in', INPUT[s], None
        raise Problem('no fixture for argument "%s"' % p.decl)
    # a pointer to a complete type the callee writes (or an init target)
    if s and s not in DEFINED:
        raise Problem('no fixture for the handle in "%s" (add it to OPAQUE '
                      'and tests/api-null-fixtures.c)' % p.decl)
    base = p.type.replace('*', '').strip()
    return 'out', '&a_' + p.name, '%s a_%s' % (base, p.name)


def value_for(func, p):
    key = (func, p.name)
    if key in ARGS:
        return ARGS[key]
    if p.type == 'struct tp_date':
        return BY_NAME.get(p.name, 'TP_DATE(2025, 4, 17)')
    if p.name == 'size':
        return None  # the size of the buffer, filled in by Call
    if p.type.startswith('enum '):
        return BY_NAME.get(p.name, '(%s)0' % p.type)
    if p.name in BY_NAME:
        return BY_NAME[p.name]
    return '0'


STATUS_RET = {}


class Call:
    """One function with its valid arguments."""

    def __init__(self, header, ret, name, params):
        STATUS_RET[name] = ret == 'enum tp_status'
        self.header, self.ret, self.name, self.params = \
            header, ret, name, params
        self.kinds = []
        for p in params:
            self.kinds.append(classify(name, p))
        buf = [k for k in self.kinds if k[0] == 'buf']
        for i, p in enumerate(params):
            if p.name == 'size' and not p.is_pointer():
                self.kinds[i] = ('value', 'sizeof(%s)' % buf[0][1], None)

    def pointer_positions(self):
        return [i for i, p in enumerate(self.params) if p.is_pointer()]

    def has_err(self):
        return any(k[0] == 'err' for k in self.kinds)


def empty_value(ret):
    if ret == 'void':
        return None
    if '*' in ret:
        return 'NULL'
    if ret == 'bool':
        return 'false'
    if ret == 'struct tp_date':
        return 'DATE0'
    return '0'


def fixture_bits(code):
    bits = set()
    for field in re.findall(r'fx->(\w+)', code):
        if field in FIELD_BITS:
            bits.add(FIELD_BITS[field])
        if field == 'template_doc':
            bits.add('FX_TEMPLATE')
    return ' | '.join(sorted(bits)) or '0'


def emit_call(call, null_at, err_expr):
    args = []
    for i, k in enumerate(call.kinds):
        if i == null_at:
            args.append('NULL')
        elif k[0] == 'err':
            args.append(err_expr)
        else:
            args.append(k[1])
    lhs = ''
    if call.ret == 'enum tp_status':
        lhs = 'rc = '
    elif call.ret != 'void':
        lhs = 'r = '
    return '%s%s(%s);' % (lhs, call.name, ', '.join(args))


def cleanup(call, null_at):
    lines = []
    for i, (p, k) in enumerate(zip(call.params, call.kinds)):
        if k[0] != 'outhandle' or i == null_at:
            continue
        base = struct_name(p.type) or 'char'
        lines.append('%s(a_%s);' % (FREE[base], p.name))
        lines.append('a_%s = NULL;' % p.name)
    return lines


def untouched(call, null_at):
    """Checks that no output was written."""
    out = []
    for i, (p, k) in enumerate(zip(call.params, call.kinds)):
        if i == null_at or (call.name, p.name) in WRITTEN_ON_ERROR:
            continue
        if k[0] == 'outhandle':
            out.append('assert_null(a_%s);' % p.name)
        elif k[0] == 'out':
            out.append('untouched(%s, sizeof(*%s));' % (k[1], k[1]))
    return out


def test_body(call, null_at):
    """The C statements of one case; null_at is a position or 'err'."""
    p = call.params[null_at] if null_at != 'err' else None
    pname = p.name if p else 'err'
    key = (call.name, pname)
    body, decls = [], []
    idx = -1 if null_at == 'err' else null_at
    for i, k in enumerate(call.kinds):
        if k[2] and (i != idx or k[0] == 'buf'):
            decls.append(k[2] + ';')
    if call.ret == 'enum tp_status':
        decls.append('enum tp_status rc;')
    elif call.ret != 'void':
        decls.append('%s r;' % call.ret)
    for i, k in enumerate(call.kinds):
        if i == idx:
            continue
        if k[0] == 'out':  # a pattern no call writes, see untouched()
            body.append('memset(%s, 0xa5, sizeof(*%s));' % (k[1], k[1]))
        if k[0] == 'buf':
            body.append('memset(%s, 0, sizeof(%s));' % (k[1], k[1]))
    allowed = null_at == 'err' or key in NULL_OK
    if call.ret == 'enum tp_status':
        body.append('tp_error_clear(&e);')
        if null_at == 'err':
            body.append(emit_call(call, idx, 'NULL'))
            body.append('assert_int_equal(rc, %s);' %
                        STATUS_WITH_NULL.get(key, 'TP_OK'))
            body += cleanup(call, idx)
        elif allowed:
            body.append(emit_call(call, idx, '&e'))
            body.append('status_is(rc, %s, &e);' %
                        STATUS_WITH_NULL.get(key, 'TP_OK'))
            body += cleanup(call, idx)
        else:
            body.append(emit_call(call, idx, '&e'))
            body.append('invalid(rc, &e);')
            body += untouched(call, idx)
            body += cleanup(call, idx)
            if call.has_err():
                body.append(emit_call(call, idx, 'NULL'))
                body.append('assert_int_equal(rc, TP_ERR_INVALID);')
                body += untouched(call, idx)
                body += cleanup(call, idx)
    else:
        body.append(emit_call(call, idx, '&e'))
        want = RETURN_WITH_NULL.get(key, None if allowed
                                    else empty_value(call.ret))
        if key in RETURN_WITH_NULL and RETURN_WITH_NULL[key] is None:
            want = None
        if want is not None and call.ret != 'void':
            if want == 'NOT_NULL':
                body.append('assert_non_null(r);')
            elif want == 'DATE0':
                body.append('assert_int_equal(r.day, 0);')
            elif call.ret == 'const char *' and want != 'NULL':
                body.append('assert_string_equal(r, %s);' % want)
            else:
                body.append('assert_true(r == %s);' % want)
        body += cleanup(call, idx)
    if 'struct tp_error e;' not in decls:
        decls.insert(0, 'struct tp_error e;')
    code = '\n'.join(body)
    bits = fixture_bits(code + ' '.join(decls))
    return decls, body, bits


def c_test(out, call, null_at):
    pname = 'err' if null_at == 'err' else call.params[null_at].name
    tname = 'null_%s__%s' % (call.name, pname)
    decls, body, bits = test_body(call, null_at)
    out.append('static void\n%s(void **state)\n{' % tname)
    out.append('\tstruct fx *fx = fx_new(%s);' % bits)
    for d in decls:
        out.append('\t' + d)
    out.append('\t(void)state;')
    out.append('\ttp_error_clear(&e);')
    for b in body:
        out.append('\t' + b)
    out.append('\t(void)e;')
    for k in call.kinds:
        if k[0] == 'buf':
            out.append('\t(void)%s;' % k[1])
    if any(b.startswith('r = ') for b in body):
        out.append('\t(void)r;')
    out.append('\tfx_free(fx);\n}\n')
    return tname


def failing_test(out, tname, message):
    out.append('static void\n%s(void **state)\n{\n\t(void)state;\n'
               '\tfail_msg("%%s", "%s");\n}\n' % (tname,
                                                 message.replace('"', "'")))
    return tname


def check_tables(funcs):
    """Table entries that name nothing are problems."""
    params = {(f[2], p.name) for f in funcs for p in f[3]}
    params |= {(f[2], 'err') for f in funcs}
    problems = []
    for table, name in ((NULL_OK, 'NULL_OK'), (ARGS, 'ARGS'),
                        (TAKE, 'TAKE'), (STATUS_WITH_NULL, 'STATUS'),
                        (WRITTEN_ON_ERROR, 'WRITTEN_ON_ERROR'),
                        (RETURN_WITH_NULL, 'RETURN_WITH_NULL')):
        for key in table:
            if key not in params:
                problems.append('%s lists %s(%s), which does not exist'
                                % (name, key[0], key[1]))
    return problems


def main():
    output, mapfile, headers = sys.argv[1], sys.argv[2], sys.argv[3:]
    if len(headers) == 1 and os.path.isdir(headers[0]):
        headers = glob.glob(os.path.join(headers[0], '*.h'))
    funcs = parse_headers(sorted(headers))
    exported = parse_map(mapfile)
    declared = {f[2] for f in funcs}
    out, tests = [], []
    problems = check_tables(funcs)
    for sym in sorted(exported - declared - set(EXEMPT)):
        problems.append('%s is exported but no public header declares it '
                        '(add it to EXEMPT in tests/api-null-gen.py with '
                        'the reason)' % sym)
    for sym in sorted(declared - exported):
        problems.append('%s is declared TP_EXPORT but not in '
                        'lib/tenderplan.map' % sym)
    n_funcs = n_positions = 0
    for header, ret, name, params in funcs:
        try:
            call = Call(header, ret, name, params)
        except Problem as e:
            problems.append('%s: %s' % (name, e))
            continue
        n_funcs += 1
        for i in call.pointer_positions():
            if call.kinds[i][0] == 'err':
                tests.append(c_test(out, call, 'err'))
            else:
                tests.append(c_test(out, call, i))
            n_positions += 1
    for i, msg in enumerate(problems):
        tests.append(failing_test(out, 'coverage_%d' % i, msg))
    with open(output, 'w', encoding='utf-8') as f:
        f.write(PROLOGUE % {'funcs': n_funcs, 'positions': n_positions,
                            'exempt': len(EXEMPT)})
        f.write('\n'.join(out))
        f.write('\nint\nmain(int argc, char **argv)\n{\n'
                '\tconst struct CMUnitTest tests[] = {\n')
        for t in tests:
            f.write('\t\tcmocka_unit_test(%s),\n' % t)
        f.write('\t};\n\tif (argc > 1)\n\t\tcmocka_set_test_filter(argv[1]);'
                '\n\treturn cmocka_run_group_tests(tests, NULL, NULL);\n}\n')


PROLOGUE = '''/* Generated by tests/api-null-gen.py from the public headers: do not
 * edit. %(funcs)d functions, %(positions)d pointer positions, %(exempt)d
 * exempt symbols. Each case calls one function with NULL in one pointer
 * position and valid arguments elsewhere (#9). Run one case with its name
 * as the argument: test-api-null null_tp_plan_name__plan. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "api-null-fixtures.h"

/* A failed call: TP_ERR_INVALID, reported in @p e. */
static void
invalid(enum tp_status rc, const struct tp_error *e)
{
	if (rc != TP_ERR_INVALID)
		fail_msg("status %%d (%%s), not TP_ERR_INVALID: %%s", (int)rc,
			 tp_status_str(rc), e->message);
	assert_int_equal(e->code, TP_ERR_INVALID);
	assert_true(e->message[0] != '\\0');
}

/* No byte of the output at @p p was written: still the pattern 0xa5. */
static void
untouched(const void *p, size_t size)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < size; i++)
		if (b[i] != 0xa5)
			fail_msg("a failed call wrote its output (byte %%zu)", i);
}

static void
status_is(enum tp_status rc, enum tp_status want, const struct tp_error *e)
{
	if (rc != want)
		fail_msg("status %%d (%%s), not %%d: %%s", (int)rc,
			 tp_status_str(rc), (int)want, e->message);
}

'''

if __name__ == '__main__':
    main()
