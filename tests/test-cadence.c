/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>

#include "qing-cadence.h"

#define SH "Asia/Shanghai"
#define NY "America/New_York"
#define ANY (-1)
#define MIN15 QING_EFFECTIVE_TALK_SECONDS

/* listener ids per role, to check done_by */
#define PARENT_ID    11
#define MENTOR_ID    22
#define COUNSELOR_ID 33
#define PEER_ID      44

typedef struct
{
  const char *start; /* local ISO 8601, in the case's time zone */
  gint32      seconds;
  QingRole    role;
  gboolean    guardian;
} TalkRow;

typedef struct
{
  const char      *name;
  const char      *tz;
  QingCadenceRule  rule;
  QingCareLevel    care;
  const char      *now;
  TalkRow          talks[5]; /* ends at the first NULL start */
  QingCadenceState state;
  const char      *first;    /* expected period, "YYYY-MM-DD", or NULL */
  const char      *last;
  int              cycle;
  int              count;
  int              short_count;
  int              days_left;
  int              school_days_left;
  int              overdue_days;
  gboolean         missed_last;
  const char      *done_day; /* expected local day of the satisfying talk, or NULL */
} CadenceCase;

static const CadenceCase cases[] = {
  /* 14:59 against 15:00 */
  { "14:59 does not count", SH, QING_CADENCE_MENTOR_BIWEEKLY, QING_CARE_NORMAL, "2026-11-25T12:00:00",
    { { "2026-11-12T12:00:00", MIN15, QING_ROLE_MENTOR }, { "2026-11-24T12:10:00", MIN15 - 1, QING_ROLE_MENTOR } },
    QING_CADENCE_DUE, "2026-11-23", "2026-12-06", 7, 0, 1, 12, 8, 0, FALSE, NULL },
  { "15:00 counts", SH, QING_CADENCE_MENTOR_BIWEEKLY, QING_CARE_NORMAL, "2026-11-25T12:00:00",
    { { "2026-11-12T12:00:00", MIN15, QING_ROLE_MENTOR }, { "2026-11-24T12:10:00", MIN15, QING_ROLE_MENTOR } },
    QING_CADENCE_DONE, "2026-11-23", "2026-12-06", 7, 1, 0, 12, 8, 0, FALSE, "2026-11-24" },
  /* a talk from 23:50 to 00:10 is the first day's */
  { "across midnight counts for the day it began", SH, QING_CADENCE_PARENT_DAILY, QING_CARE_NORMAL,
    "2026-11-29T00:30:00", { { "2026-11-28T23:50:00", 20 * 60, QING_ROLE_PARENT } },
    QING_CADENCE_DUE, "2026-11-29", "2026-11-29", ANY, 0, 0, 1, ANY, 0, FALSE, NULL },
  { "across midnight, too short: yesterday missed", SH, QING_CADENCE_PARENT_DAILY, QING_CARE_NORMAL,
    "2026-11-29T00:30:00", { { "2026-11-28T23:50:00", 10 * 60, QING_ROLE_PARENT } },
    QING_CADENCE_OVERDUE, "2026-11-29", "2026-11-29", ANY, 0, 0, 1, ANY, 1, TRUE, NULL },
  { "across midnight, seen on its own day", SH, QING_CADENCE_PARENT_DAILY, QING_CARE_NORMAL,
    "2026-11-28T23:59:00", { { "2026-11-28T23:50:00", 20 * 60, QING_ROLE_PARENT } },
    QING_CADENCE_DONE, "2026-11-28", "2026-11-28", ANY, 1, 0, 1, ANY, 0, ANY, "2026-11-28" },
  /* parent: short talks are shown but do not add up to an effective one */
  { "parent short talks adding up to 15 do not count", SH, QING_CADENCE_PARENT_DAILY,
    QING_CARE_NORMAL, "2026-11-29T21:00:00",
    { { "2026-11-29T07:30:00", 8 * 60, QING_ROLE_PARENT },
      { "2026-11-29T20:00:00", 7 * 60, QING_ROLE_PARENT } },
    /* nothing yesterday: overdue by a day */
    QING_CADENCE_OVERDUE, "2026-11-29", "2026-11-29", ANY, 0, 2, 1, ANY, 1, TRUE, NULL },
  { "parent 14:59 + 14:59 is not a day done", SH, QING_CADENCE_PARENT_DAILY, QING_CARE_NORMAL,
    "2026-11-29T21:00:00", { { "2026-11-28T20:00:00", MIN15, QING_ROLE_PARENT },
                             { "2026-11-29T07:30:00", MIN15 - 1, QING_ROLE_PARENT },
                             { "2026-11-29T20:00:00", MIN15 - 1, QING_ROLE_PARENT } },
    QING_CADENCE_DUE, "2026-11-29", "2026-11-29", ANY, 0, 2, 1, ANY, 0, FALSE, NULL },
  { "parent: one 15:00 talk among short ones", SH, QING_CADENCE_PARENT_DAILY, QING_CARE_NORMAL,
    "2026-11-29T21:00:00", { { "2026-11-29T07:30:00", 5 * 60, QING_ROLE_PARENT },
                             { "2026-11-29T12:00:00", 5 * 60, QING_ROLE_PARENT },
                             { "2026-11-29T20:00:00", MIN15, QING_ROLE_PARENT } },
    QING_CADENCE_DONE, "2026-11-29", "2026-11-29", ANY, 1, 2, 1, ANY, 0, ANY, "2026-11-29" },
  { "parent talks short of 15 minutes", SH, QING_CADENCE_PARENT_DAILY, QING_CARE_NORMAL,
    "2026-11-29T21:00:00", { { "2026-11-29T07:30:00", 8 * 60, QING_ROLE_PARENT },
                             { "2026-11-29T20:00:00", 6 * 60 + 59, QING_ROLE_PARENT } },
    /* nothing yesterday: overdue by a day */
    QING_CADENCE_OVERDUE, "2026-11-29", "2026-11-29", ANY, 0, 2, 1, ANY, 1, TRUE, NULL },
  /* mentor short talks are reported but do not add up */
  { "mentor short talks do not add up", SH, QING_CADENCE_MENTOR_BIWEEKLY, QING_CARE_NORMAL,
    "2026-11-25T12:00:00", { { "2026-11-12T12:00:00", MIN15, QING_ROLE_MENTOR }, { "2026-11-23T12:10:00", 10 * 60, QING_ROLE_MENTOR },
                             { "2026-11-24T12:10:00", 10 * 60, QING_ROLE_MENTOR } },
    QING_CADENCE_DUE, NULL, NULL, 7, 0, 2, ANY, ANY, 0, FALSE, NULL },
  /* the last day of a cycle and the first day of the next */
  { "last day of cycle 7", SH, QING_CADENCE_MENTOR_BIWEEKLY, QING_CARE_NORMAL, "2026-12-06T21:00:00",
    { { "2026-12-06T20:00:00", 20 * 60, QING_ROLE_MENTOR } },
    QING_CADENCE_DONE, "2026-11-23", "2026-12-06", 7, 1, 0, 1, 0, 0, ANY, "2026-12-06" },
  { "first day of cycle 8 after a done cycle", SH, QING_CADENCE_MENTOR_BIWEEKLY, QING_CARE_NORMAL,
    "2026-12-07T08:00:00", { { "2026-12-06T20:00:00", 20 * 60, QING_ROLE_MENTOR } },
    QING_CADENCE_DUE, "2026-12-07", "2026-12-20", 8, 0, 0, 14, 10, 0, FALSE, NULL },
  { "first day of cycle 8 after a missed cycle", SH, QING_CADENCE_MENTOR_BIWEEKLY, QING_CARE_NORMAL,
    "2026-12-07T08:00:00", { { "2026-11-20T20:00:00", 20 * 60, QING_ROLE_MENTOR } },
    QING_CADENCE_OVERDUE, "2026-12-07", "2026-12-20", 8, 0, 0, 14, 10, 1, TRUE, NULL },
  { "overdue grows during the cycle", SH, QING_CADENCE_MENTOR_BIWEEKLY, QING_CARE_NORMAL,
    "2026-12-10T08:00:00", { { NULL } },
    QING_CADENCE_OVERDUE, "2026-12-07", "2026-12-20", 8, 0, 0, 11, 7, 4, TRUE, NULL },
  { "done now but missed last cycle", SH, QING_CADENCE_MENTOR_BIWEEKLY, QING_CARE_NORMAL,
    "2026-12-10T08:00:00", { { "2026-12-08T16:00:00", 15 * 60, QING_ROLE_MENTOR } },
    QING_CADENCE_DONE, "2026-12-07", "2026-12-20", 8, 1, 0, 11, 7, 0, TRUE, "2026-12-08" },
  /* term starts on Wednesday 2 Sep; cycle 1 begins on Monday 31 Aug */
  { "term start on a Wednesday", SH, QING_CADENCE_MENTOR_BIWEEKLY, QING_CARE_NORMAL,
    "2026-09-02T08:00:00", { { NULL } },
    QING_CADENCE_DUE, "2026-08-31", "2026-09-13", 1, 0, 0, 12, 8, 0, FALSE, NULL },
  { "before term nothing is due", SH, QING_CADENCE_MENTOR_BIWEEKLY, QING_CARE_NORMAL,
    "2026-09-01T08:00:00", { { NULL } },
    QING_CADENCE_NOT_APPLICABLE, NULL, NULL, ANY, 0, 0, ANY, ANY, 0, FALSE, NULL },
  { "winter break", SH, QING_CADENCE_PEER_BIWEEKLY, QING_CARE_NORMAL, "2027-02-05T08:00:00",
    { { NULL } }, QING_CADENCE_NOT_APPLICABLE, NULL, NULL, ANY, 0, 0, ANY, ANY, 0, FALSE, NULL },
  { "parents listen in the holidays too", SH, QING_CADENCE_PARENT_DAILY, QING_CARE_NORMAL,
    "2027-02-05T21:00:00", { { "2027-02-05T20:00:00", 30 * 60, QING_ROLE_PARENT } },
    QING_CADENCE_DONE, "2027-02-05", "2027-02-05", ANY, 1, 0, 1, 0, 0, ANY, "2027-02-05" },
  /* holiday and make-up day in the school days left */
  { "National Day in the cycle", SH, QING_CADENCE_MENTOR_BIWEEKLY, QING_CARE_NORMAL,
    "2026-09-30T10:00:00", { { "2026-09-27T10:00:00", 20 * 60, QING_ROLE_MENTOR } },
    QING_CADENCE_DUE, "2026-09-28", "2026-10-11", 3, 0, 0, 12, 4, 0, FALSE, NULL },
  { "a week of holiday but for the make-up Saturday", SH, QING_CADENCE_COUNSELOR_CLEAR_SIGNS_WEEKLY,
    QING_CARE_CLEAR_SIGNS, "2026-10-05T10:00:00", { { "2026-09-29T10:00:00", 20 * 60, QING_ROLE_COUNSELOR } },
    QING_CADENCE_DUE, "2026-10-05", "2026-10-11", 6, 0, 0, 7, 3, 0, FALSE, NULL },
  /* the last day of a month; monthly counselor rule: 1 required, 2 target */
  { "last day of November, one talk", SH, QING_CADENCE_COUNSELOR_KEY_CARE_MONTHLY, QING_CARE_KEY_CARE,
    "2026-11-30T23:00:00", { { "2026-11-30T22:00:00", 15 * 60, QING_ROLE_COUNSELOR } },
    QING_CADENCE_DONE, "2026-11-01", "2026-11-30", 3, 1, 0, 1, 1, 0, ANY, "2026-11-30" },
  { "first of December after a met November", SH, QING_CADENCE_COUNSELOR_KEY_CARE_MONTHLY,
    QING_CARE_KEY_CARE, "2026-12-01T08:00:00", { { "2026-11-30T22:00:00", 15 * 60, QING_ROLE_COUNSELOR } },
    QING_CADENCE_DUE, "2026-12-01", "2026-12-31", 4, 0, 0, 31, 23, 0, FALSE, NULL },
  { "first of December after an empty November", SH, QING_CADENCE_COUNSELOR_KEY_CARE_MONTHLY,
    QING_CARE_KEY_CARE, "2026-12-01T08:00:00", { { NULL } },
    QING_CADENCE_OVERDUE, "2026-12-01", "2026-12-31", 4, 0, 0, 31, 23, 1, TRUE, NULL },
  /* 29 February 2028 */
  { "29 February is the month's last day", SH, QING_CADENCE_COUNSELOR_KEY_CARE_MONTHLY,
    QING_CARE_KEY_CARE, "2028-02-29T23:59:00", { { "2028-02-29T23:30:00", 20 * 60, QING_ROLE_COUNSELOR },
                                                 { "2028-03-01T00:10:00", 20 * 60, QING_ROLE_COUNSELOR } },
    QING_CADENCE_DONE, "2028-02-01", "2028-02-29", 1, 1, 0, 1, 1, 0, FALSE, "2028-02-29" },
  { "1 March 2028 starts a new month", SH, QING_CADENCE_COUNSELOR_KEY_CARE_MONTHLY,
    QING_CARE_KEY_CARE, "2028-03-01T09:00:00", { { "2028-02-29T23:30:00", 20 * 60, QING_ROLE_COUNSELOR },
                                                 { "2028-03-01T00:10:00", 20 * 60, QING_ROLE_COUNSELOR } },
    QING_CADENCE_DONE, "2028-03-01", "2028-03-31", 2, 1, 0, 31, 23, 0, FALSE, "2028-03-01" },
  /* wrong role, wrong care level, guardians */
  { "a parent's talk is not the mentor's", SH, QING_CADENCE_MENTOR_BIWEEKLY, QING_CARE_NORMAL,
    "2026-11-25T12:00:00", { { "2026-11-12T12:00:00", MIN15, QING_ROLE_MENTOR }, { "2026-11-24T19:00:00", 40 * 60, QING_ROLE_PARENT },
                             { "2026-11-24T12:00:00", 40 * 60, QING_ROLE_COUNSELOR } },
    QING_CADENCE_DUE, NULL, NULL, 7, 0, 0, ANY, ANY, 0, FALSE, NULL },
  { "a peer's talk is not the counselor's", SH, QING_CADENCE_COUNSELOR_CLEAR_SIGNS_WEEKLY,
    QING_CARE_CLEAR_SIGNS, "2026-11-25T12:00:00", { { "2026-11-18T12:00:00", MIN15, QING_ROLE_COUNSELOR },
                                                 { "2026-11-24T12:00:00", 40 * 60, QING_ROLE_PEER } },
    QING_CADENCE_DUE, "2026-11-23", "2026-11-29", 13, 0, 0, 5, 3, 0, FALSE, NULL },
  { "key-care rule for a student without care", SH, QING_CADENCE_COUNSELOR_KEY_CARE_MONTHLY,
    QING_CARE_NORMAL, "2026-11-25T12:00:00", { { NULL } },
    QING_CADENCE_NOT_APPLICABLE, NULL, NULL, ANY, 0, 0, ANY, ANY, 0, FALSE, NULL },
  { "at-risk: a talk with the guardian is not one with the student", SH,
    QING_CADENCE_MENTOR_AT_RISK, QING_CARE_CLEAR_SIGNS, "2026-11-25T12:00:00",
    { { "2026-10-20T12:00:00", MIN15, QING_ROLE_MENTOR },
      { "2026-11-10T18:00:00", 30 * 60, QING_ROLE_MENTOR, TRUE } },
    QING_CADENCE_DUE, "2026-11-01", "2026-11-30", 3, 0, 0, 6, 4, 0, FALSE, NULL },
  { "at-risk guardian rule counts it", SH, QING_CADENCE_MENTOR_AT_RISK_GUARDIAN, QING_CARE_KEY_CARE,
    "2026-11-25T12:00:00", { { "2026-11-10T18:00:00", 30 * 60, QING_ROLE_MENTOR, TRUE } },
    QING_CADENCE_DONE, "2026-11-01", "2026-11-30", 3, 1, 0, 6, 4, 0, ANY, "2026-11-10" },
  { "future talks are ignored", SH, QING_CADENCE_MENTOR_BIWEEKLY, QING_CARE_NORMAL,
    "2026-11-25T12:00:00", { { "2026-11-12T12:00:00", MIN15, QING_ROLE_MENTOR }, { "2026-11-25T12:30:00", 30 * 60, QING_ROLE_MENTOR } },
    QING_CADENCE_DUE, NULL, NULL, 7, 0, 0, ANY, ANY, 0, FALSE, NULL },
  /* key period: exam season 11–22 Jan 2027 makes at-risk talks weekly */
  { "exam season: weekly instead of monthly", SH, QING_CADENCE_MENTOR_AT_RISK, QING_CARE_KEY_CARE,
    "2027-01-14T10:00:00", { { "2027-01-05T16:00:00", 20 * 60, QING_ROLE_MENTOR } },
    QING_CADENCE_DUE, "2027-01-11", "2027-01-17", 20, 0, 0, 4, 2, 0, FALSE, NULL },
  { "exam season: missed week is overdue", SH, QING_CADENCE_MENTOR_AT_RISK, QING_CARE_KEY_CARE,
    "2027-01-19T10:00:00", { { "2027-01-05T16:00:00", 20 * 60, QING_ROLE_MENTOR } },
    QING_CADENCE_OVERDUE, "2027-01-18", "2027-01-22", 21, 0, 0, 4, 4, 2, TRUE, NULL },
  { "before exam season the month is cut", SH, QING_CADENCE_MENTOR_AT_RISK, QING_CARE_KEY_CARE,
    "2027-01-08T10:00:00", { { "2027-01-05T16:00:00", 20 * 60, QING_ROLE_MENTOR } },
    QING_CADENCE_DONE, "2027-01-01", "2027-01-10", 5, 1, 0, 3, 1, 0, ANY, "2027-01-05" },
  /* every student, every day: one talk of 15 minutes with anyone */
  { "student: a mentor's 15:00 talk counts", SH, QING_CADENCE_STUDENT_DAILY, QING_CARE_NORMAL,
    "2026-11-25T20:00:00", { { "2026-11-24T19:00:00", 20 * 60, QING_ROLE_PARENT },
                             { "2026-11-25T12:00:00", MIN15, QING_ROLE_MENTOR } },
    QING_CADENCE_DONE, "2026-11-25", "2026-11-25", ANY, 1, 0, 1, ANY, 0, FALSE, "2026-11-25" },
  { "student: a parent's talk counts too", SH, QING_CADENCE_STUDENT_DAILY, QING_CARE_KEY_CARE,
    "2026-11-25T21:00:00", { { "2026-11-25T20:00:00", 20 * 60, QING_ROLE_PARENT } },
    QING_CADENCE_DONE, "2026-11-25", "2026-11-25", ANY, 1, 0, 1, ANY, 0, ANY, "2026-11-25" },
  { "student: a counselor's or a peer's too", SH, QING_CADENCE_STUDENT_DAILY,
    QING_CARE_CLEAR_SIGNS, "2026-11-25T21:00:00",
    { { "2026-11-24T10:00:00", MIN15, QING_ROLE_PEER },
      { "2026-11-25T10:00:00", MIN15, QING_ROLE_COUNSELOR } },
    QING_CADENCE_DONE, "2026-11-25", "2026-11-25", ANY, 1, 0, 1, ANY, 0, FALSE, "2026-11-25" },
  { "student: 14:59 does not count", SH, QING_CADENCE_STUDENT_DAILY, QING_CARE_NORMAL,
    "2026-11-25T21:00:00", { { "2026-11-25T12:00:00", MIN15 - 1, QING_ROLE_MENTOR } },
    QING_CADENCE_OVERDUE, "2026-11-25", "2026-11-25", ANY, 0, 1, 1, ANY, 1, TRUE, NULL },
  { "student: short talks of several people do not add up", SH, QING_CADENCE_STUDENT_DAILY,
    QING_CARE_NORMAL, "2026-11-25T21:00:00",
    { { "2026-11-24T20:00:00", 30 * 60, QING_ROLE_PARENT },
      { "2026-11-25T12:00:00", 10 * 60, QING_ROLE_MENTOR },
      { "2026-11-25T20:00:00", 10 * 60, QING_ROLE_PARENT } },
    QING_CADENCE_DUE, "2026-11-25", "2026-11-25", ANY, 0, 2, 1, ANY, 0, FALSE, NULL },
  { "student: across midnight counts for the start day", SH, QING_CADENCE_STUDENT_DAILY,
    QING_CARE_NORMAL, "2026-11-28T23:59:00", { { "2026-11-28T23:50:00", 20 * 60, QING_ROLE_PEER } },
    QING_CADENCE_DONE, "2026-11-28", "2026-11-28", ANY, 1, 0, 1, ANY, 0, ANY, "2026-11-28" },
  { "student: across midnight, not for the next day", SH, QING_CADENCE_STUDENT_DAILY,
    QING_CARE_NORMAL, "2026-11-29T00:30:00", { { "2026-11-28T23:50:00", 20 * 60, QING_ROLE_PEER } },
    QING_CADENCE_DUE, "2026-11-29", "2026-11-29", ANY, 0, 0, 1, ANY, 0, FALSE, NULL },
  { "student: a talk with the guardian is not one with the student", SH,
    QING_CADENCE_STUDENT_DAILY, QING_CARE_KEY_CARE, "2026-11-25T21:00:00",
    { { "2026-11-24T12:00:00", MIN15, QING_ROLE_MENTOR },
      { "2026-11-25T18:00:00", 30 * 60, QING_ROLE_MENTOR, TRUE } },
    QING_CADENCE_DUE, "2026-11-25", "2026-11-25", ANY, 0, 0, 1, ANY, 0, FALSE, NULL },
  { "student: every day, holidays too", SH, QING_CADENCE_STUDENT_DAILY, QING_CARE_NORMAL,
    "2027-02-05T21:00:00", { { "2027-02-05T20:00:00", 30 * 60, QING_ROLE_PARENT } },
    QING_CADENCE_DONE, "2027-02-05", "2027-02-05", ANY, 1, 0, 1, 0, 0, ANY, "2027-02-05" },
  /* New York: 8 March 2026 has 23 hours, 1 November 2026 has 25 */
  { "NY: 25-hour day, talk late in the evening", NY, QING_CADENCE_PARENT_DAILY, QING_CARE_NORMAL,
    "2026-11-01T23:58:00", { { "2026-11-01T23:40:00", 15 * 60, QING_ROLE_PARENT } },
    QING_CADENCE_DONE, "2026-11-01", "2026-11-01", ANY, 1, 0, 1, ANY, 0, ANY, "2026-11-01" },
  { "NY: the day after a 23-hour day", NY, QING_CADENCE_PARENT_DAILY, QING_CARE_NORMAL,
    "2026-03-09T20:00:00", { { "2026-03-09T00:30:00", 20 * 60, QING_ROLE_PARENT } },
    QING_CADENCE_DONE, "2026-03-09", "2026-03-09", ANY, 1, 0, 1, ANY, 0, TRUE, "2026-03-09" },
  { "NY: 23-hour day, talk before midnight", NY, QING_CADENCE_PARENT_DAILY, QING_CARE_NORMAL,
    "2026-03-09T20:00:00", { { "2026-03-08T23:30:00", 20 * 60, QING_ROLE_PARENT } },
    QING_CADENCE_DUE, "2026-03-09", "2026-03-09", ANY, 0, 0, 1, ANY, 0, FALSE, NULL },
  { "NY: weekly cycle ending on the 25-hour Sunday", NY, QING_CADENCE_COUNSELOR_CLEAR_SIGNS_WEEKLY,
    QING_CARE_CLEAR_SIGNS, "2026-11-02T10:00:00", { { "2026-11-01T23:30:00", 20 * 60, QING_ROLE_COUNSELOR } },
    QING_CADENCE_DUE, "2026-11-02", "2026-11-08", 10, 0, 0, 7, 5, 0, FALSE, NULL },
  { "SH: same cycle edge without daylight saving", SH, QING_CADENCE_COUNSELOR_CLEAR_SIGNS_WEEKLY,
    QING_CARE_CLEAR_SIGNS, "2026-11-02T10:00:00", { { "2026-11-01T23:30:00", 20 * 60, QING_ROLE_COUNSELOR } },
    QING_CADENCE_DUE, "2026-11-02", "2026-11-08", 10, 0, 0, 7, 5, 0, FALSE, NULL },
};

static GDate
day (int y, int m, int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

static QingSchoolCalendar *
school_calendar (gboolean with_exam_season)
{
  QingSchoolCalendar *cal = qing_school_calendar_new ();
  static const int terms[][6] = {
    { 2026, 9, 2, 2027, 1, 22 },
    { 2027, 2, 22, 2027, 7, 2 },
    { 2028, 2, 14, 2028, 7, 7 },
  };
  GDate a, b;
  guint exam;

  for (gsize i = 0; i < G_N_ELEMENTS (terms); i++)
    {
      a = day (terms[i][0], terms[i][1], terms[i][2]);
      b = day (terms[i][3], terms[i][4], terms[i][5]);
      g_assert_true (qing_school_calendar_add_term (cal, &a, &b, NULL));
    }
  a = day (2026, 10, 1), b = day (2026, 10, 7);
  g_assert_true (qing_school_calendar_add_holiday (cal, &a, &b, NULL));
  a = day (2026, 9, 27);
  g_assert_true (qing_school_calendar_add_makeup_day (cal, &a, NULL));
  a = day (2026, 10, 10);
  g_assert_true (qing_school_calendar_add_makeup_day (cal, &a, NULL));
  if (with_exam_season)
    {
      a = day (2027, 1, 11), b = day (2027, 1, 22);
      g_assert_true (qing_school_calendar_add_key_period (cal, QING_KEY_PERIOD_EXAM, &a, &b, &exam, NULL));
      g_assert_true (qing_school_calendar_set_key_period_interval (cal, exam, QING_CADENCE_MENTOR_AT_RISK,
                                                                   QING_CADENCE_PERIOD_WEEK, NULL));
    }
  return cal;
}

static gint64
local_unix (GTimeZone *tz, const char *iso)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_iso8601 (iso, tz);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

static gint64
listener_for (QingRole role)
{
  switch (role)
    {
    case QING_ROLE_PARENT:
      return PARENT_ID;
    case QING_ROLE_MENTOR:
      return MENTOR_ID;
    case QING_ROLE_COUNSELOR:
      return COUNSELOR_ID;
    default:
      return PEER_ID;
    }
}

static gsize
build_spans (const CadenceCase *c, GTimeZone *tz, QingTalkSpan *spans)
{
  gsize n = 0;

  for (; n < G_N_ELEMENTS (c->talks) && c->talks[n].start != NULL; n++)
    {
      spans[n] = (QingTalkSpan) {
        .start_utc = local_unix (tz, c->talks[n].start),
        .duration_s = c->talks[n].seconds,
        .student_id = 7,
        .listener_id = listener_for (c->talks[n].role),
        .listener_role = c->talks[n].role,
        .with_guardian = c->talks[n].guardian,
      };
    }
  return n;
}

static void
assert_iso_day (const GDate *date, const char *iso)
{
  char buf[16];

  g_assert_true (g_date_valid (date));
  g_snprintf (buf, sizeof buf, "%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
  g_assert_cmpstr (buf, ==, iso);
}

static void
check_case (const CadenceCase *c, QingSchoolCalendar *cal)
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier (c->tz);
  QingTalkSpan spans[G_N_ELEMENTS (c->talks)];
  gsize n = build_spans (c, tz, spans);
  QingCadenceStatus s;

  g_test_message ("%s", c->name);
  qing_cadence_evaluate (cal, tz, local_unix (tz, c->now), qing_cadence_rule_get_default (c->rule),
                         7, c->care, spans, n, &s);
  g_assert_cmpint (s.state, ==, c->state);
  g_assert_cmpint (s.student_id, ==, 7);
  if (c->first != NULL)
    assert_iso_day (&s.period_first, c->first);
  if (c->last != NULL)
    assert_iso_day (&s.period_last, c->last);
  if (c->cycle != ANY)
    g_assert_cmpint (s.cycle_number, ==, c->cycle);
  if (c->state == QING_CADENCE_NOT_APPLICABLE)
    return;
  g_assert_cmpint (s.count, ==, c->count);
  g_assert_cmpint (s.short_count, ==, c->short_count);
  if (c->days_left != ANY)
    g_assert_cmpint (s.days_left, ==, c->days_left);
  if (c->school_days_left != ANY)
    g_assert_cmpint (s.school_days_left, ==, c->school_days_left);
  g_assert_cmpint (s.overdue_days, ==, c->overdue_days);
  if (c->missed_last != ANY)
    g_assert_cmpint (s.missed_last_period, ==, c->missed_last);
  if (c->done_day != NULL)
    {
      assert_iso_day (&s.done_day, c->done_day);
      g_assert_cmpint (s.done_by, !=, 0);
      g_assert_cmpint (s.done_at_utc, >, 0);
    }
  else
    {
      g_assert_cmpint (s.done_at_utc, ==, 0);
      g_assert_cmpint (s.done_by, ==, 0);
    }
}

static void
test_case (gconstpointer data)
{
  g_autoptr (QingSchoolCalendar) cal = school_calendar (TRUE);
  check_case (data, cal);
}

static void
test_key_period_control (void)
{
  /* the same talks without the exam season: January is one monthly period */
  g_autoptr (QingSchoolCalendar) cal = school_calendar (FALSE);
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier (SH);
  QingTalkSpan span = { local_unix (tz, "2027-01-05T16:00:00"), 20 * 60, 7, MENTOR_ID,
                        QING_ROLE_MENTOR, FALSE };
  QingCadenceStatus s;

  qing_cadence_evaluate (cal, tz, local_unix (tz, "2027-01-19T10:00:00"),
                         qing_cadence_rule_get_default (QING_CADENCE_MENTOR_AT_RISK), 7,
                         QING_CARE_KEY_CARE, &span, 1, &s);
  g_assert_cmpint (s.state, ==, QING_CADENCE_DONE);
  g_assert_cmpint (s.period, ==, QING_CADENCE_PERIOD_MONTH);
  assert_iso_day (&s.period_first, "2027-01-01");
  assert_iso_day (&s.period_last, "2027-01-31");
}

/* A school may set the at-risk cadence itself: every two weeks here. */
static void
test_configured_interval (void)
{
  g_autoptr (QingSchoolCalendar) cal = school_calendar (FALSE);
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier (SH);
  QingCadenceRuleInfo info = *qing_cadence_rule_get_default (QING_CADENCE_MENTOR_AT_RISK);
  QingTalkSpan span = { local_unix (tz, "2026-11-05T16:00:00"), 20 * 60, 7, MENTOR_ID,
                        QING_ROLE_MENTOR, FALSE };
  gint64 now = local_unix (tz, "2026-11-25T10:00:00");
  QingCadenceStatus s;

  g_assert_cmpint (info.period, ==, QING_CADENCE_PERIOD_MONTH);
  qing_cadence_evaluate (cal, tz, now, &info, 7, QING_CARE_KEY_CARE, &span, 1, &s);
  g_assert_cmpint (s.state, ==, QING_CADENCE_DONE);

  info.period = QING_CADENCE_PERIOD_TWO_WEEKS;
  qing_cadence_evaluate (cal, tz, now, &info, 7, QING_CARE_KEY_CARE, &span, 1, &s);
  /* the talk of 5 Nov was in cycle 5; cycle 6 went without: overdue since 22 Nov */
  g_assert_cmpint (s.state, ==, QING_CADENCE_OVERDUE);
  g_assert_cmpuint (s.cycle_number, ==, 7);
  g_assert_cmpuint (s.overdue_days, ==, 3);
  /* the default table is untouched */
  g_assert_cmpint (qing_cadence_rule_get_default (QING_CADENCE_MENTOR_AT_RISK)->period, ==,
                   QING_CADENCE_PERIOD_MONTH);
}

static void
test_target (void)
{
  g_autoptr (QingSchoolCalendar) cal = school_calendar (FALSE);
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier (SH);
  const QingCadenceRuleInfo *info = qing_cadence_rule_get_default (QING_CADENCE_COUNSELOR_KEY_CARE_MONTHLY);
  QingTalkSpan spans[] = {
    { local_unix (tz, "2026-11-03T10:00:00"), 20 * 60, 7, COUNSELOR_ID, QING_ROLE_COUNSELOR, FALSE },
    { local_unix (tz, "2026-11-17T10:00:00"), 25 * 60, 7, COUNSELOR_ID + 1, QING_ROLE_COUNSELOR, FALSE },
  };
  QingCadenceStatus s;

  g_assert_cmpuint (info->required, ==, 1);
  g_assert_cmpuint (info->target, ==, 2);
  qing_cadence_evaluate (cal, tz, local_unix (tz, "2026-11-10T10:00:00"), info, 7,
                         QING_CARE_KEY_CARE, spans, 2, &s);
  g_assert_cmpint (s.state, ==, QING_CADENCE_DONE);
  g_assert_false (s.target_reached);
  g_assert_cmpint (s.done_by, ==, COUNSELOR_ID);
  qing_cadence_evaluate (cal, tz, local_unix (tz, "2026-11-20T10:00:00"), info, 7,
                         QING_CARE_KEY_CARE, spans, 2, &s);
  g_assert_cmpuint (s.count, ==, 2);
  g_assert_true (s.target_reached);
  /* the first talk made it done, not the second */
  g_assert_cmpint (s.done_at_utc, ==, spans[0].start_utc);
  g_assert_cmpint (s.last_talk_utc, ==, spans[1].start_utc);
  g_assert_cmpint (s.total_seconds, ==, 45 * 60);
}

/* Ten students, three of them with talks in the cycle; the batch must give
 * what one-by-one evaluation gives, and the summary the roster header. */
static void
test_many_and_summary (void)
{
  g_autoptr (QingSchoolCalendar) cal = school_calendar (FALSE);
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier (SH);
  gint64 now = local_unix (tz, "2026-11-25T12:00:00");
  QingCadenceRuleInfo rules[] = {
    *qing_cadence_rule_get_default (QING_CADENCE_MENTOR_BIWEEKLY),
    *qing_cadence_rule_get_default (QING_CADENCE_COUNSELOR_KEY_CARE_MONTHLY),
  };
  QingCadenceSubject subjects[10];
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (QingTalkSpan));
  g_autofree QingCadenceStatus *out = NULL;
  g_autofree char *header = NULL;
  g_autofree char *line = NULL;
  QingCadenceSummary sum;

  for (guint i = 0; i < G_N_ELEMENTS (subjects); i++)
    {
      subjects[i].student_id = 100 + i * 3;
      subjects[i].care = i == 4 ? QING_CARE_KEY_CARE : QING_CARE_NORMAL;
      /* everyone met cycle 6; students 0, 4 and 9 also cycle 7 */
      g_array_append_val (spans, ((QingTalkSpan) { local_unix (tz, "2026-11-12T12:00:00"), MIN15,
                                                   subjects[i].student_id, MENTOR_ID,
                                                   QING_ROLE_MENTOR, FALSE }));
      if (i == 0 || i == 4 || i == 9)
        g_array_append_val (spans, ((QingTalkSpan) { local_unix (tz, "2026-11-24T12:00:00"), MIN15,
                                                     subjects[i].student_id, MENTOR_ID,
                                                     QING_ROLE_MENTOR, FALSE }));
    }
  /* talks of a student who is not in the group are skipped */
  g_array_prepend_val (spans, ((QingTalkSpan) { local_unix (tz, "2026-11-24T12:00:00"), MIN15, 5,
                                                MENTOR_ID, QING_ROLE_MENTOR, FALSE }));

  out = qing_cadence_evaluate_many (cal, tz, now, rules, G_N_ELEMENTS (rules), subjects,
                                    G_N_ELEMENTS (subjects), (QingTalkSpan *) spans->data, spans->len);
  for (guint i = 0; i < G_N_ELEMENTS (subjects); i++)
    {
      const QingCadenceStatus *s = &out[i * 2];
      g_assert_cmpint (s->student_id, ==, subjects[i].student_id);
      g_assert_cmpint (s->rule, ==, QING_CADENCE_MENTOR_BIWEEKLY);
      g_assert_cmpint (s->state, ==, (i == 0 || i == 4 || i == 9) ? QING_CADENCE_DONE : QING_CADENCE_DUE);
      g_assert_cmpint (out[i * 2 + 1].state, ==, i == 4 ? QING_CADENCE_OVERDUE : QING_CADENCE_NOT_APPLICABLE);
    }

  qing_cadence_summarize (out, G_N_ELEMENTS (subjects), 2, &sum);
  g_assert_cmpuint (sum.n_applicable, ==, 10);
  g_assert_cmpuint (sum.n_done, ==, 3);
  g_assert_cmpuint (sum.n_due, ==, 7);
  g_assert_cmpuint (sum.n_overdue, ==, 0);
  header = qing_cadence_describe_cycle (&out[0], &sum);
  g_assert_cmpstr (header, ==, "Cycle 7 · Nov 23–Dec 6 · 3 of 10 done");
  line = qing_cadence_describe_status (&out[2]);
  g_assert_cmpstr (line, ==, "8 school days left");
  g_clear_pointer (&line, g_free);
  line = qing_cadence_describe_status (&out[0]);
  g_assert_cmpstr (line, ==, "Done on Nov 24");
  g_clear_pointer (&line, g_free);
  line = qing_cadence_describe_status (&out[9]);
  g_assert_cmpstr (line, ==, "Overdue by 25 days");

  qing_cadence_summarize (out + 1, G_N_ELEMENTS (subjects), 2, &sum);
  g_assert_cmpuint (sum.n_applicable, ==, 1);
  g_assert_cmpuint (sum.n_overdue, ==, 1);
}

typedef struct
{
  const char *name;
  const char *now;
  const char *days[12]; /* "YYYY-MM-DDTHH:MM:SS/minutes" parent talks */
  guint current;
  guint longest;
  gboolean today_done;
} StreakCase;

static const StreakCase streak_cases[] = {
  { "today not yet done keeps yesterday's streak", "2026-11-29T10:00:00",
    { "2026-11-26T20:00:00/15", "2026-11-27T20:00:00/20", "2026-11-28T20:00:00/16" }, 3, 3, FALSE },
  { "today done extends it", "2026-11-29T21:00:00",
    { "2026-11-27T20:00:00/20", "2026-11-28T20:00:00/16", "2026-11-29T20:00:00/15" }, 3, 3, TRUE },
  { "a missed day ends it", "2026-11-29T21:00:00",
    { "2026-11-20T20:00:00/20", "2026-11-21T20:00:00/20", "2026-11-22T20:00:00/20",
      "2026-11-23T20:00:00/20", "2026-11-25T20:00:00/20", "2026-11-26T20:00:00/20" }, 0, 4, FALSE },
  { "14:59 breaks it; short talks adding up to 15 do not count", "2026-11-29T21:00:00",
    { "2026-11-26T20:00:00/15", "2026-11-27T07:00:00/10", "2026-11-27T20:00:00/5",
      "2026-11-28T20:00:00/14.99", "2026-11-29T20:00:00/30" }, 1, 1, TRUE },
  { "14:59 + 14:59 do not make a day", "2026-11-29T21:00:00",
    { "2026-11-25T20:00:00/15", "2026-11-26T20:00:00/15", "2026-11-27T07:00:00/14.99",
      "2026-11-27T20:00:00/14.99", "2026-11-28T20:00:00/15", "2026-11-29T07:00:00/14.99",
      "2026-11-29T20:00:00/14.99" }, 1, 2, FALSE },
  { "a talk across midnight counts for its first day", "2026-11-29T21:00:00",
    { "2026-11-27T20:00:00/15", "2026-11-28T23:55:00/20" }, 2, 2, FALSE },
  { "no talks", "2026-11-29T21:00:00", { NULL }, 0, 0, FALSE },
};

static void
test_streaks (void)
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier (SH);
  const QingCadenceRuleInfo *info = qing_cadence_rule_get_default (QING_CADENCE_PARENT_DAILY);

  for (gsize c = 0; c < G_N_ELEMENTS (streak_cases); c++)
    {
      const StreakCase *sc = &streak_cases[c];
      QingTalkSpan spans[G_N_ELEMENTS (sc->days) + 1];
      QingCadenceStreak streak;
      gsize n = 0;

      g_test_message ("%s", sc->name);
      for (; n < G_N_ELEMENTS (sc->days) && sc->days[n] != NULL; n++)
        {
          g_auto (GStrv) parts = g_strsplit (sc->days[n], "/", 2);
          spans[n] = (QingTalkSpan) { local_unix (tz, parts[0]),
                                      (gint32) (g_ascii_strtod (parts[1], NULL) * 60), 7,
                                      PARENT_ID, QING_ROLE_PARENT, FALSE };
        }
      /* a mentor's long talk never makes a parent's day */
      spans[n++] = (QingTalkSpan) { local_unix (tz, "2026-11-24T12:00:00"), 3600, 7, MENTOR_ID,
                                    QING_ROLE_MENTOR, FALSE };
      qing_cadence_compute_streak (info, tz, local_unix (tz, sc->now), spans, n, &streak);
      g_assert_cmpuint (streak.current, ==, sc->current);
      g_assert_cmpuint (streak.longest, ==, sc->longest);
      g_assert_cmpint (streak.today_done, ==, sc->today_done);
    }
}

/* The days of a month that met a daily rule, as the parent's calendar
 * marks them: one talk of 15 minutes, never short ones adding up. */
static void
test_mark_days (void)
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier (SH);
  const QingCadenceRuleInfo *parent = qing_cadence_rule_get_default (QING_CADENCE_PARENT_DAILY);
  const QingCadenceRuleInfo *student = qing_cadence_rule_get_default (QING_CADENCE_STUDENT_DAILY);
  QingTalkSpan spans[] = {
    /* out of order on purpose */
    { local_unix (tz, "2026-11-03T20:00:00"), MIN15, 7, PARENT_ID, QING_ROLE_PARENT, FALSE },
    { local_unix (tz, "2026-11-01T20:00:00"), MIN15 - 1, 7, PARENT_ID, QING_ROLE_PARENT, FALSE },
    { local_unix (tz, "2026-11-01T21:00:00"), MIN15 - 1, 7, PARENT_ID, QING_ROLE_PARENT, FALSE },
    { local_unix (tz, "2026-11-02T07:00:00"), 5 * 60, 7, PARENT_ID, QING_ROLE_PARENT, FALSE },
    { local_unix (tz, "2026-11-02T12:00:00"), 5 * 60, 7, PARENT_ID, QING_ROLE_PARENT, FALSE },
    { local_unix (tz, "2026-11-02T20:00:00"), 5 * 60, 7, PARENT_ID, QING_ROLE_PARENT, FALSE },
    { local_unix (tz, "2026-11-04T23:50:00"), 20 * 60, 7, PARENT_ID, QING_ROLE_PARENT, FALSE },
    { local_unix (tz, "2026-11-06T12:00:00"), 40 * 60, 7, MENTOR_ID, QING_ROLE_MENTOR, FALSE },
    { local_unix (tz, "2026-10-31T20:00:00"), 30 * 60, 7, PARENT_ID, QING_ROLE_PARENT, FALSE },
    { local_unix (tz, "2026-11-08T20:00:00"), 30 * 60, 7, PARENT_ID, QING_ROLE_PARENT, FALSE },
  };
  /* 1: 14:59 + 14:59; 2: 3 × 5 min; 3: 15:00; 4: across midnight; 6: mentor */
  static const gboolean parent_met[] = { FALSE, FALSE, TRUE, TRUE, FALSE, FALSE, FALSE };
  static const gboolean student_met[] = { FALSE, FALSE, TRUE, TRUE, FALSE, TRUE, FALSE };
  gboolean met[7];
  GDate first;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, 11, 2026);
  qing_cadence_mark_days (parent, tz, &first, G_N_ELEMENTS (met), spans, G_N_ELEMENTS (spans), met);
  for (guint i = 0; i < G_N_ELEMENTS (met); i++)
    g_assert_cmpint (met[i], ==, parent_met[i]);
  qing_cadence_mark_days (student, tz, &first, G_N_ELEMENTS (met), spans, G_N_ELEMENTS (spans),
                          met);
  for (guint i = 0; i < G_N_ELEMENTS (met); i++)
    g_assert_cmpint (met[i], ==, student_met[i]);
}

/* Every rule of the enumeration has a default, a label and a description;
 * the new daily rule counts talks by anyone with the student. */
static void
test_rule_table (void)
{
  const QingCadenceRuleInfo *info;

  for (guint r = 1; r < QING_CADENCE_N_RULES; r++)
    {
      g_assert_nonnull (qing_cadence_rule_get_default (r));
      g_assert_cmpint (qing_cadence_rule_get_default (r)->rule, ==, r);
      /* no default rule lets short talks add up (DOMAIN.md) */
      g_assert_false (qing_cadence_rule_get_default (r)->sums_talks);
      g_assert_cmpint (qing_cadence_rule_get_default (r)->min_seconds, ==, MIN15);
      g_assert_nonnull (qing_cadence_rule_get_label (r));
      g_assert_nonnull (qing_cadence_rule_get_description (r));
    }
  g_assert_null (qing_cadence_rule_get_default (QING_CADENCE_N_RULES));
  g_assert_null (qing_cadence_rule_get_label (QING_CADENCE_N_RULES));
  /* stored value: never renumbered */
  g_assert_cmpint (QING_CADENCE_STUDENT_DAILY, ==, 8);
  info = qing_cadence_rule_get_default (QING_CADENCE_STUDENT_DAILY);
  g_assert_cmpint (info->listener_role, ==, QING_CADENCE_ANY_ROLE);
  g_assert_cmpint (info->period, ==, QING_CADENCE_PERIOD_DAY);
  g_assert_false (info->school_only);
  g_assert_false (info->with_guardian);
  for (QingCareLevel care = QING_CARE_NORMAL; care <= QING_CARE_CLEAR_SIGNS; care++)
    g_assert_true (qing_cadence_rule_applies (info, care));
  g_assert_cmpstr (qing_cadence_rule_get_label (QING_CADENCE_STUDENT_DAILY), ==,
                   "Every student, every day");
}

/* Talks before the window start cannot change a status: the store reads
 * only the window, whatever the years of history. */
static void
test_window_start (void)
{
  g_autoptr (QingSchoolCalendar) cal = school_calendar (TRUE);
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier (SH);
  gint64 now = local_unix (tz, "2026-11-25T12:00:00");
  QingCadenceRuleInfo rules[QING_CADENCE_N_RULES - 1];
  QingCadenceSubject subject = { 7, QING_CARE_KEY_CARE };
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (QingTalkSpan));
  g_autofree QingCadenceStatus *all = NULL;
  g_autofree QingCadenceStatus *windowed = NULL;
  g_autoptr (QingCadenceFrame) mentor = NULL;
  gint64 start;
  guint first_in_window = 0;

  for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
    rules[r] = *qing_cadence_rule_get_default (r + 1);
  mentor = qing_cadence_frame_new (cal, tz, now, &rules[QING_CADENCE_MENTOR_BIWEEKLY - 1]);
  g_assert_cmpint (qing_cadence_frame_get_window_start (mentor), ==,
                   local_unix (tz, "2026-11-09T00:00:00"));
  start = qing_cadence_get_window_start (cal, tz, now, rules, G_N_ELEMENTS (rules));
  /* the monthly rules reach back furthest: to the previous month */
  g_assert_cmpint (start, ==, local_unix (tz, "2026-10-01T00:00:00"));

  /* two years of talks by every role, every third day */
  for (gint64 t = now - 730 * 86400; t < now; t += 3 * 86400)
    {
      QingRole role = (QingRole) ((t / 86400) % 4 + 1);
      QingTalkSpan span = { t, MIN15 + 60, 7, listener_for (role), role, FALSE };

      g_array_append_val (spans, span);
      if (t < start)
        first_in_window++;
    }
  all = qing_cadence_evaluate_many (cal, tz, now, rules, G_N_ELEMENTS (rules), &subject, 1,
                                    (QingTalkSpan *) spans->data, spans->len);
  windowed = qing_cadence_evaluate_many (cal, tz, now, rules, G_N_ELEMENTS (rules), &subject, 1,
                                         &g_array_index (spans, QingTalkSpan, first_in_window),
                                         spans->len - first_in_window);
  for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
    {
      g_assert_cmpint (all[r].state, ==, windowed[r].state);
      g_assert_cmpuint (all[r].count, ==, windowed[r].count);
      g_assert_cmpint (all[r].missed_last_period, ==, windowed[r].missed_last_period);
      g_assert_cmpint (all[r].done_at_utc, ==, windowed[r].done_at_utc);
    }
}

/* 3,000 students, every rule, about 30 talks each in the window: one pass
 * must stay far below what a UI refresh can afford. */
static void
test_many_is_cheap (void)
{
  g_autoptr (QingSchoolCalendar) cal = school_calendar (TRUE);
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier (SH);
  gint64 now = local_unix (tz, "2026-11-25T12:00:00");
  const guint n_students = 3000, per_student = 30;
  g_autofree QingCadenceSubject *subjects = g_new (QingCadenceSubject, n_students);
  g_autofree QingTalkSpan *spans = g_new (QingTalkSpan, n_students * per_student);
  g_autofree QingCadenceStatus *out = NULL;
  QingCadenceRuleInfo rules[QING_CADENCE_N_RULES - 1];
  QingCadenceSummary sum;
  gint64 t0, best = G_MAXINT64;

  for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
    rules[r] = *qing_cadence_rule_get_default (r + 1);
  for (guint i = 0; i < n_students; i++)
    {
      subjects[i] = (QingCadenceSubject) { i + 1, i % 10 == 0 ? QING_CARE_KEY_CARE : QING_CARE_NORMAL };
      for (guint k = 0; k < per_student; k++)
        spans[i * per_student + k] = (QingTalkSpan) {
          now - (gint64) (per_student - k) * 86400 + i, 600 + (gint32) ((i + k) % 3) * 300, i + 1,
          k % 4 + 1, k % 4 + 1, FALSE };
    }
  for (int run = 0; run < 5; run++)
    {
      g_clear_pointer (&out, g_free);
      t0 = g_get_monotonic_time ();
      out = qing_cadence_evaluate_many (cal, tz, now, rules, G_N_ELEMENTS (rules), subjects,
                                        n_students, spans, n_students * per_student);
      best = MIN (best, g_get_monotonic_time () - t0);
    }
  g_test_message ("3000 students x %u rules, %u talks each: %.2f ms", (guint) G_N_ELEMENTS (rules),
                  per_student, best / 1000.0);
  qing_cadence_summarize (out, n_students, G_N_ELEMENTS (rules), &sum);
  g_assert_cmpuint (sum.n_applicable, ==, n_students);
  g_assert_cmpuint (sum.n_done + sum.n_due + sum.n_overdue, ==, n_students);
  g_assert_cmpint (best, <, 250 * 1000);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cadence/case/%02" G_GSIZE_FORMAT, i);
      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/cadence/key-period-control", test_key_period_control);
  g_test_add_func ("/cadence/configured-interval", test_configured_interval);
  g_test_add_func ("/cadence/target", test_target);
  g_test_add_func ("/cadence/many-and-summary", test_many_and_summary);
  g_test_add_func ("/cadence/streaks", test_streaks);
  g_test_add_func ("/cadence/mark-days", test_mark_days);
  g_test_add_func ("/cadence/rule-table", test_rule_table);
  g_test_add_func ("/cadence/window-start", test_window_start);
  g_test_add_func ("/cadence/many-is-cheap", test_many_is_cheap);
  return g_test_run ();
}
