/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Enumerations shared by the whole core: the store keeps their integer
 * values, so never renumber an existing member; add new ones at the end.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Who listened: the role a person acted in for a talk or a record. */
typedef enum
{
  QING_ROLE_PARENT    = 1, /* 家长 / 监护人 */
  QING_ROLE_MENTOR    = 2, /* 结对导师 (班主任 / 任课教师) */
  QING_ROLE_COUNSELOR = 3, /* 心理老师 */
  QING_ROLE_PEER      = 4, /* 同伴 / 心理委员 */
} QingRole;

/* How much attention a student needs (history kept in the store). */
typedef enum
{
  QING_CARE_NORMAL      = 0,
  QING_CARE_KEY_CARE    = 1, /* 重点关爱对象 */
  QING_CARE_CLEAR_SIGNS = 2, /* 有明显心理问题倾向 */
} QingCareLevel;

/* Who may see a record.  Confidential counselor records never leave the
 * counselor role, neither on screen nor in a notification. */
typedef enum
{
  QING_VISIBILITY_PRIVATE   = 0, /* only the person who recorded it */
  QING_VISIBILITY_COUNSELOR = 1, /* the recorder and the counselors */
  QING_VISIBILITY_SCHOOL    = 2, /* staff with a role for this student */
  QING_VISIBILITY_FAMILY    = 3, /* also the student's guardians */
} QingVisibility;

/* How serious a flag raised to the counselor is. */
typedef enum
{
  QING_SEVERITY_CONCERN = 1, /* 关注 */
  QING_SEVERITY_SERIOUS = 2, /* 重点 */
  QING_SEVERITY_CRISIS  = 3, /* 危机 */
} QingSeverity;

/* How a talk happened. */
typedef enum
{
  QING_TALK_MODE_IN_PERSON = 0,
  QING_TALK_MODE_PHONE     = 1,
  QING_TALK_MODE_ONLINE    = 2,
} QingTalkMode;

/* A talk counts as effective (有效沟通) from this many seconds on. */
#define QING_EFFECTIVE_TALK_SECONDS (15 * 60)

G_END_DECLS
