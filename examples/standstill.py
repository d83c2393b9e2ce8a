#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""When may the contract be signed? A standstill check from Python.

Calls libtenderplan's C API through cffi in ABI mode (Debian python3-cffi;
no compiler needed): the declarations below are copied from
<tenderplan/tp-common.h>, <tenderplan/tp-date.h> and
<tenderplan/tp-rules.h> and must match them exactly.

    examples/standstill.py [--library PATH] [--regime pa2023] [DATE]

DATE (default 2025-12-19) is the day the contract award notice is
published (Procurement Act 2023) or the award decision notices are sent
(PCR). The library is libtenderplan.so.0 as installed, or PATH (e.g.
build/lib/libtenderplan.so).
"""
import argparse
import sys

from cffi import FFI

CDEF = """
enum tp_status { TP_OK = 0, TP_ERR_NOMEM = 1, TP_ERR_INVALID = 2,
    TP_ERR_PARSE = 3, TP_ERR_CYCLE = 4, TP_ERR_RULE = 5, TP_ERR_IO = 6,
    TP_ERR_RANGE = 7 };
struct tp_error {
    enum tp_status code;
    int line, column;
    char source[256];
    char stage[64];
    char message[256];
    unsigned char reserved[64];
};
const char *tp_error_format(const struct tp_error *err, char *buf,
                            unsigned long size);

struct tp_date { int32_t day; };
enum tp_status tp_date_parse(const char *text, long len, struct tp_date *out,
                             struct tp_error *err);
char *tp_date_format(struct tp_date d, char *buf);

enum tp_region { TP_REGION_NONE = 0, TP_REGION_ENGLAND_AND_WALES = 1,
    TP_REGION_SCOTLAND = 2, TP_REGION_NORTHERN_IRELAND = 3,
    TP_REGION_UK = 4 };
const char *tp_region_name(enum tp_region region);

enum tp_regime { TP_REGIME_NONE = 0, TP_REGIME_PCR2006 = 1,
    TP_REGIME_PCR2015 = 2, TP_REGIME_PCSR2015 = 3, TP_REGIME_PA2023 = 4,
    TP_REGIME_LOCAL = 5, TP_REGIME_BY_DATE = 6, TP_REGIME_PSR2023 = 7 };
enum tp_notice_means { TP_NOTICE_ELECTRONIC = 0, TP_NOTICE_OTHER = 1,
    TP_NOTICE_MIXED = 2 };
enum tp_standstill_kind { TP_STANDSTILL_AWARD = 0, TP_STANDSTILL_VTN = 1 };
enum tp_status tp_regime_from_name(const char *name, enum tp_regime *out,
                                   struct tp_error *err);
const char *tp_regime_title(enum tp_regime regime);

struct tp_calendar;
struct tp_local_rules {
    int32_t standstill_days;
    bool standstill_working_days;
    int32_t min_tender_days;
    const char *citation;
};
struct tp_standstill_request {
    enum tp_regime regime;
    enum tp_notice_means means;
    struct tp_date sent;
    enum tp_region region;
    bool has_received;
    struct tp_date received;
    const struct tp_local_rules *local;
    const struct tp_calendar *calendar;
    enum tp_standstill_kind kind;
    struct tp_date sent_other;
    bool representations;
    bool has_further_decision;
    struct tp_date further_decision;
    bool exempt;
    bool has_stated_end;
    struct tp_date stated_end;
    unsigned char reserved[32];
};
struct tp_standstill {
    struct tp_date first_day;
    struct tp_date nominal_last_day;
    struct tp_date last_day;
    struct tp_date earliest_contract;
    int32_t days;
    bool working_days;
    bool extended;
    enum tp_region calendar_region;
    const char *citation;
    char warning[256];
    bool mandatory;
    bool open_ended;
    struct tp_date representations_until;
    unsigned char reserved[24];
};
enum tp_status tp_standstill_compute(const struct tp_standstill_request *req,
                                     struct tp_standstill *out,
                                     struct tp_error *err);
"""


class TenderplanError(Exception):
    """A call failed; the message is the library's error report."""


class Tenderplan:
    """The few calls this example needs."""

    def __init__(self, path):
        self.ffi = FFI()
        self.ffi.cdef(CDEF)
        self.lib = self.ffi.dlopen(path)

    def _check(self, status, err):
        if status != self.lib.TP_OK:
            buf = self.ffi.new("char[]", 1024)
            self.lib.tp_error_format(err, buf, len(buf))
            raise TenderplanError(self.ffi.string(buf).decode())

    def _date(self, text):
        err = self.ffi.new("struct tp_error *")
        out = self.ffi.new("struct tp_date *")
        raw = text.encode()
        self._check(self.lib.tp_date_parse(raw, len(raw), out, err), err)
        return out[0]

    def _text(self, date):
        buf = self.ffi.new("char[]", 11)  # TP_DATE_STRLEN
        return self.ffi.string(self.lib.tp_date_format(date, buf)).decode()

    def standstill(self, regime, sent):
        """The standstill after notices sent (or published) on `sent`,
        as a dict of "YYYY-MM-DD" dates and the rule applied."""
        err = self.ffi.new("struct tp_error *")
        req = self.ffi.new("struct tp_standstill_request *")  # zeroed
        out = self.ffi.new("struct tp_standstill *")
        reg = self.ffi.new("enum tp_regime *")
        self._check(self.lib.tp_regime_from_name(regime.encode(), reg, err),
                    err)
        req.regime = reg[0]
        req.means = self.lib.TP_NOTICE_ELECTRONIC
        req.sent = self._date(sent)
        req.region = self.lib.TP_REGION_ENGLAND_AND_WALES  # PCR only
        self._check(self.lib.tp_standstill_compute(req, out, err), err)
        return {
            "regime": self.ffi.string(self.lib.tp_regime_title(reg[0])).decode(),
            "rule": self.ffi.string(out.citation).decode(),
            "length": "%d %s days" % (out.days, "working" if out.working_days
                                      else "calendar"),
            "working-days-of": self.ffi.string(
                self.lib.tp_region_name(out.calendar_region)).decode(),
            "first-day": self._text(out.first_day),
            "last-day": self._text(out.last_day),
            "earliest-contract": self._text(out.earliest_contract),
            "warning": self.ffi.string(out.warning).decode(),
        }


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", default="libtenderplan.so.0")
    parser.add_argument("--regime", default="pa2023")
    parser.add_argument("date", nargs="?", default="2025-12-19")
    args = parser.parse_args(argv)
    try:
        tp = Tenderplan(args.library)
        s = tp.standstill(args.regime, args.date)
    except (OSError, TenderplanError) as e:
        print("standstill.py: %s" % e, file=sys.stderr)
        return 2
    print("sent: %s" % args.date)
    for key in ("regime", "rule", "length", "working-days-of", "first-day",
                "last-day"):
        print("%s: %s" % (key, s[key]))
    print("ends: midnight at the end of %s, Europe/London" % s["last-day"])
    print("earliest-contract: %s" % s["earliest-contract"])
    if s["warning"]:
        print("warning: %s" % s["warning"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
