/* SPDX-License-Identifier: MIT */
/**
 * @file tenderplan.h
 * Umbrella header: include this one.
 */
#ifndef TENDERPLAN_H
#define TENDERPLAN_H

#include "tp-version.h"
#include "tp-common.h"
#include "tp-date.h"
#include "tp-calendar.h"
#include "tp-plan.h"
#include "tp-meeting.h"
#include "tp-schedule.h"
#include "tp-export.h"
#include "tp-plan-xml.h"
#include "tp-plan-edit.h"
#include "tp-templates.h"
#include "tp-rules.h"
#include "tp-check.h"
#include "tp-output.h"
#include "tp-revision.h"
#include "tp-ocds.h"

#endif
