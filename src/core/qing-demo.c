/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Demo data (qingting --demo): one invented family and one invented class,
 * written through the repository in ONE transaction, relative to the
 * store's clock.  Every name is made up.
 *
 * - The local user, 林晓燕, is a mother (role parent) of 王子涵 (13) and
 *   王雨桐 (9), and the mentor (班主任) of 七年级3班 with 12 students; her
 *   husband 王建国 is the children's other guardian.
 * - 何静怡 is the counselor (心理老师); 赵文博 mentors 王子涵's class.
 * - The school calendar of the current school year (qing-generator.c):
 *   terms, National Day with its make-up days, the exam season in January.
 * - Six weeks of talks: the mother with each child most evenings, some
 *   days under 15 minutes, some days none; the mentor with her students
 *   every two weeks (a few not yet this cycle); the counselor with the
 *   students who need care (confidential); moods for both children, with a
 *   gentle dip for 王子涵 over the last week.
 * - Care levels: 周博文 key-care (重点关爱), 马可馨 clear signs, a pending
 *   proposal for 吴嘉懿; one open flag and one closed.
 * - The counselor on duty (值班) every school day of two weeks, and two
 *   appointments (预约) in the coming days.
 */
#include "qing-demo.h"

#include <glib/gi18n-lib.h>

#include "qing-counselor-lists.h"
#include "qing-generator.h"
#include "qing-repository.h"
#include "qing-store-private.h"

G_DEFINE_QUARK (qing-demo-error-quark, qing_demo_error)

#define DEMO_DAYS 42
#define DEMO_SEED 20260901

/* The local user's class, in the order of their student numbers. */
static const char *const class_names[] = {
  "张小明", "李雨桐", "陈思远", "刘欣怡", "杨浩然", "黄诗琪",
  "周博文", "吴嘉懿", "徐一诺", "孙梓轩", "马可馨", "朱天佑",
};
/* One guardian each, same order. */
static const char *const class_guardians[] = {
  "张卫东", "李秀梅", "陈志强", "刘丽娟", "杨建平", "黄海燕",
  "周国庆", "吴晓红", "徐建军", "孙美玲", "马立新", "朱春华",
};

enum { BOWEN = 6, JIAYI = 7, KEXIN = 10 };

static const char *const parent_notes[] = {
  N_("Talked about the basketball match and a new friend"),
  N_("Homework took long; we planned the evening together"),
  N_("Says the maths test went better than expected"),
  N_("Told me about the class trip and who sat together"),
  N_("Talked about a book from the school library"),
};

typedef struct
{
  QingStore *store;
  GRand     *rand;
  GTimeZone *tz;
  GDate      today;
  gint64     now;
  QingSchoolCalendar *calendar;
  gint64     me;          /* 林晓燕: mother and mentor */
  gint64     father;      /* 王建国 */
  gint64     counselor;   /* 何静怡 */
  gint64     colleague;   /* 赵文博, mentor of 王子涵's class */
  gint64     zihan;       /* 王子涵 */
  gint64     yutong;      /* 王雨桐 */
  gint64     students[G_N_ELEMENTS (class_names)];
  gint64     guardians[G_N_ELEMENTS (class_names)];
} Demo;

/* The moment @hour:@minute local time, @days_ago days before today. */
static gint64
at_local (Demo *demo, guint days_ago, int hour, int minute)
{
  GDate day = demo->today;
  g_autoptr (GDateTime) dt = NULL;

  g_date_subtract_days (&day, days_ago);
  dt = g_date_time_new (demo->tz, g_date_get_year (&day), g_date_get_month (&day),
                        g_date_get_day (&day), hour, minute, 0);
  return g_date_time_to_unix (dt);
}

static gboolean
is_school_day (Demo *demo, guint days_ago)
{
  GDate day = demo->today;

  g_date_subtract_days (&day, days_ago);
  return qing_school_calendar_is_school_day (demo->calendar, &day);
}

static gint64
add_person (Demo *demo, QingPersonKind kind, const char *name, QingGender gender,
            const char *birthday, const char *number, GError **error)
{
  g_autoptr (QingPerson) person = qing_person_new (kind, name);

  qing_person_set_gender (person, gender);
  qing_person_set_birthday (person, birthday);
  qing_person_set_student_number (person, number);
  if (!qing_store_add_person (demo->store, person, error))
    return 0;
  return qing_person_get_id (person);
}

/* person_roles has no repository function yet; "me" (local_roles) has. */
static gboolean
add_role (Demo *demo, gint64 person, QingRole role, gint64 group, const char *title,
          gboolean local, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;

  stmt = qing_store_prepare (demo->store, "INSERT INTO person_roles (person_id, role, group_id,"
                                          " title) VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person);
  sqlite3_bind_int (stmt, 2, role);
  if (group != 0)
    sqlite3_bind_int64 (stmt, 3, group);
  sqlite3_bind_text (stmt, 4, title, -1, SQLITE_TRANSIENT);
  if (!qing_store_step_done (demo->store, stmt, _("Saving a role"), error))
    return FALSE;
  return !local || qing_store_set_local_person (demo->store, role, person, error);
}

static gint64
add_class (Demo *demo, const char *name, gint64 mentor, GError **error)
{
  g_autoptr (QingGroup) group = qing_group_new (QING_GROUP_CLASS, name, mentor);

  if (!qing_store_add_group (demo->store, group, error))
    return 0;
  return qing_group_get_id (group);
}

static gboolean
add_staff (Demo *demo, GError **error)
{
  demo->me = add_person (demo, QING_PERSON_STAFF, "林晓燕", QING_GENDER_FEMALE, "1984-03-18",
                         NULL, error);
  demo->counselor = add_person (demo, QING_PERSON_STAFF, "何静怡", QING_GENDER_FEMALE, NULL,
                                NULL, error);
  demo->colleague = add_person (demo, QING_PERSON_STAFF, "赵文博", QING_GENDER_MALE, NULL, NULL,
                                error);
  demo->father = add_person (demo, QING_PERSON_GUARDIAN, "王建国", QING_GENDER_MALE, NULL, NULL,
                             error);
  if (demo->me == 0 || demo->counselor == 0 || demo->colleague == 0 || demo->father == 0)
    return FALSE;
  return add_role (demo, demo->me, QING_ROLE_PARENT, 0, NULL, TRUE, error)
         && add_role (demo, demo->counselor, QING_ROLE_COUNSELOR, 0, _("Full-time"), FALSE,
                      error);
}

static gint64
add_child (Demo *demo, const char *name, QingGender gender, const char *birthday,
           const char *number, gint64 class_id, GError **error)
{
  g_autoptr (QingPerson) child = qing_person_new (QING_PERSON_STUDENT, name);
  gint64 id;

  qing_person_set_gender (child, gender);
  qing_person_set_birthday (child, birthday);
  qing_person_set_student_number (child, number);
  if (!qing_store_add_child (demo->store, demo->me, child, _("Mother"), error))
    return 0;
  id = qing_person_get_id (child);
  if (!qing_store_link_guardian (demo->store, demo->father, id, _("Father"), error)
      || (class_id != 0 && !qing_store_add_to_group (demo->store, class_id, id, error)))
    return 0;
  return id;
}

static gboolean
add_family (Demo *demo, GError **error)
{
  g_autofree char *name = g_strdup_printf (_("Grade %u, class %u"), 8, 1);
  gint64 other_class = add_class (demo, name, demo->colleague, error);

  if (other_class == 0
      || !add_role (demo, demo->colleague, QING_ROLE_MENTOR, other_class, _("Homeroom teacher"),
                    FALSE, error))
    return FALSE;
  demo->zihan = add_child (demo, "王子涵", QING_GENDER_MALE, "2013-05-12", "20230815",
                           other_class, error);
  if (demo->zihan == 0)
    return FALSE;
  /* the younger one goes to a primary school that does not use the program */
  demo->yutong = add_child (demo, "王雨桐", QING_GENDER_FEMALE, "2017-02-03", NULL, 0, error);
  return demo->yutong != 0;
}

static gboolean
add_my_class (Demo *demo, GError **error)
{
  g_autofree char *name = g_strdup_printf (_("Grade %u, class %u"), 7, 3);
  gint64 class_id = add_class (demo, name, demo->me, error);

  if (class_id == 0
      || !add_role (demo, demo->me, QING_ROLE_MENTOR, class_id, _("Homeroom teacher"), TRUE,
                    error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (class_names); i++)
    {
      g_autofree char *number = g_strdup_printf ("2025%04u", 301 + i);
      g_autofree char *birthday = g_strdup_printf ("2014-%02u-%02u", 1 + i, 3 + 2 * i);
      QingGender gender = i % 2 == 0 ? QING_GENDER_MALE : QING_GENDER_FEMALE;

      demo->students[i] = add_person (demo, QING_PERSON_STUDENT, class_names[i], gender,
                                      birthday, number, error);
      demo->guardians[i] = add_person (demo, QING_PERSON_GUARDIAN, class_guardians[i],
                                       i % 3 == 0 ? QING_GENDER_MALE : QING_GENDER_FEMALE, NULL,
                                       NULL, error);
      if (demo->students[i] == 0 || demo->guardians[i] == 0
          || !qing_store_add_to_group (demo->store, class_id, demo->students[i], error)
          || !qing_store_link_guardian (demo->store, demo->guardians[i], demo->students[i],
                                        i % 3 == 0 ? _("Father") : _("Mother"), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_care (Demo *demo, GError **error)
{
  return qing_store_set_care_level (demo->store, demo->students[BOWEN], QING_CARE_KEY_CARE,
                                    demo->counselor, QING_ROLE_COUNSELOR,
                                    _("Parents separated this term; his mentor asked for support"),
                                    error)
         && qing_store_set_care_level (demo->store, demo->students[KEXIN],
                                       QING_CARE_CLEAR_SIGNS, demo->counselor,
                                       QING_ROLE_COUNSELOR,
                                       _("Screening result and weeks of low mood; seen weekly"),
                                       error)
         && qing_store_propose_care_level (demo->store, demo->students[JIAYI],
                                           QING_CARE_KEY_CARE, demo->me, QING_ROLE_MENTOR,
                                           _("Withdrawn in class for two weeks"), error) > 0;
}

/* Saves a talk unless it would end after now. */
static gboolean
add_talk (Demo *demo, gint64 student, gint64 listener, QingRole role, gint64 start, int minutes,
          QingVisibility visibility, const char *note, GError **error)
{
  g_autoptr (QingTalk) talk = NULL;

  if (start + minutes * 60 > demo->now)
    return TRUE;
  talk = qing_talk_new (student, listener, role, start, minutes * 60);
  qing_talk_set_visibility (talk, visibility);
  qing_talk_set_note (talk, note);
  if (role == QING_ROLE_COUNSELOR)
    qing_talk_set_place (talk, _("Counseling room"));
  return qing_store_add_talk (demo->store, talk, error);
}

/* The mother's evening talks: most days 15–35 minutes, some days shorter,
 * a few days none (the rhythm differs a little between the children). */
static gboolean
add_family_talks (Demo *demo, GError **error)
{
  gint64 children[] = { demo->zihan, demo->yutong };

  for (guint d = 0; d < DEMO_DAYS; d++)
    for (guint c = 0; c < G_N_ELEMENTS (children); c++)
      {
        guint roll = g_rand_int_range (demo->rand, 0, 100);
        gint64 listener = roll % 5 == 0 ? demo->father : demo->me;
        int minutes = roll < 12 ? 0 : roll < 32 ? g_rand_int_range (demo->rand, 5, 15)
                                                : g_rand_int_range (demo->rand, 15, 36);
        const char *note = roll % 7 == 0
                           ? _(parent_notes[roll % G_N_ELEMENTS (parent_notes)]) : NULL;

        /* today: only the younger one so far, before bedtime */
        if (minutes == 0 || (d == 0 && c == 0))
          continue;
        if (!add_talk (demo, children[c], listener, QING_ROLE_PARENT,
                       at_local (demo, d, 19 + c, g_rand_int_range (demo->rand, 0, 50)), minutes,
                       QING_VISIBILITY_FAMILY, note, error))
          return FALSE;
      }
  return TRUE;
}

/* Every student of the class once every two weeks on a school day, but
 * three of them not yet in the current fortnight. */
static gboolean
add_mentor_talks (Demo *demo, GError **error)
{
  guint slot = 0;

  for (guint d = DEMO_DAYS - 1; d >= 1; d--)
    {
      if (!is_school_day (demo, d))
        continue;
      for (guint k = 0; k < 2; k++, slot++)
        {
          guint i = slot % G_N_ELEMENTS (class_names);
          gboolean recent = d < 9;
          int minutes = slot % 9 == 0 ? 10 : 15 + (int) (slot % 4) * 2; /* some too short */

          if (recent && (i == 2 || i == 5 || i == 9))
            continue;
          if (!add_talk (demo, demo->students[i], demo->me, QING_ROLE_MENTOR,
                         at_local (demo, d, 12 + 4 * k, 40), minutes,
                         QING_VISIBILITY_SCHOOL, NULL, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
add_counselor_talks (Demo *demo, GError **error)
{
  const char *note = _("Follow-up talk; agreed on small steps for the week");

  for (guint d = 1; d < DEMO_DAYS; d++)
    {
      if (!is_school_day (demo, d))
        continue;
      if (d % 7 == 3
          && !add_talk (demo, demo->students[KEXIN], demo->counselor, QING_ROLE_COUNSELOR,
                        at_local (demo, d, 15, 10), 30, QING_VISIBILITY_COUNSELOR, note, error))
        return FALSE;
      if ((d == 5 || d == 26)
          && !add_talk (demo, demo->students[BOWEN], demo->counselor, QING_ROLE_COUNSELOR,
                        at_local (demo, d, 16, 0), 25, QING_VISIBILITY_COUNSELOR, note, error))
        return FALSE;
    }
  /* the mentor phoned 周博文's father, and 王子涵's mentor talked with him */
  {
    g_autoptr (QingTalk) call = qing_talk_new (demo->students[BOWEN], demo->me, QING_ROLE_MENTOR,
                                               at_local (demo, 11, 18, 30), 20 * 60);

    qing_talk_set_with_guardian (call, TRUE);
    qing_talk_set_guardian_id (call, demo->guardians[BOWEN]);
    qing_talk_set_mode (call, QING_TALK_MODE_PHONE);
    qing_talk_set_visibility (call, QING_VISIBILITY_SCHOOL);
    if (!qing_store_add_talk (demo->store, call, error))
      return FALSE;
  }
  return add_talk (demo, demo->zihan, demo->colleague, QING_ROLE_MENTOR,
                   at_local (demo, 16, 12, 40), 18, QING_VISIBILITY_SCHOOL, NULL, error);
}

static gboolean
add_mood (Demo *demo, gint64 child, gint64 at, int valence, const char *word, const char *area,
          const char *note, GError **error)
{
  g_autoptr (QingMoodEntry) entry = qing_mood_entry_new (child, demo->me, at, valence);
  const char *words[] = { word, NULL };
  const char *areas[] = { area, NULL };

  qing_mood_entry_set_recorder_role (entry, QING_ROLE_PARENT);
  qing_mood_entry_set_visibility (entry, QING_VISIBILITY_FAMILY);
  qing_mood_entry_set_energy (entry, valence < 0 ? QING_ENERGY_LOW : QING_ENERGY_MEDIUM);
  qing_mood_entry_set_emotion_words (entry, word != NULL ? words : NULL);
  qing_mood_entry_set_life_areas (entry, area != NULL ? areas : NULL);
  qing_mood_entry_set_note (entry, note);
  return qing_store_add_mood (demo->store, entry, error);
}

/* Both children most days; 王子涵 slides from pleasant to slightly
 * unpleasant over the last week (worried about tests), 王雨桐 stays fine. */
static gboolean
add_moods (Demo *demo, GError **error)
{
  for (guint d = DEMO_DAYS - 1; d >= 1; d--)
    {
      gboolean dip = d <= 7;
      int zihan = dip ? (d <= 3 ? -1 : 0) - (d == 2) : 1 + g_rand_int_range (demo->rand, 0, 2);
      int yutong = 1 + g_rand_int_range (demo->rand, 0, 2);

      if (d % 6 != 4
          && !add_mood (demo, demo->zihan, at_local (demo, d, 21, 15), zihan,
                        dip ? (d % 2 ? "anxious" : "tired") : (d % 3 ? "calm" : "happy"),
                        dip ? "study" : (d % 4 ? "classmates" : NULL),
                        d == 2 ? _("Worried about the coming tests; going to bed late") : NULL,
                        error))
        return FALSE;
      if (d % 5 != 2
          && !add_mood (demo, demo->yutong, at_local (demo, d, 20, 30), yutong,
                        yutong > 1 ? "happy" : "calm", d % 3 ? "family" : NULL, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_flags (Demo *demo, GError **error)
{
  g_autoptr (QingFlag) open_flag = qing_flag_new (demo->students[JIAYI], demo->me,
                                                  QING_SEVERITY_CONCERN,
                                                  _("Quiet in class for several days and eats "
                                                    "little at lunch"));
  g_autoptr (QingFlag) closed = qing_flag_new (demo->students[KEXIN], demo->me,
                                               QING_SEVERITY_SERIOUS,
                                               _("Cried after the mid-term test and did not want "
                                                 "to go home"));

  qing_flag_set_raised_role (open_flag, QING_ROLE_MENTOR);
  qing_flag_set_raised_role (closed, QING_ROLE_MENTOR);
  return qing_store_raise_flag (demo->store, closed, error)
         && qing_store_set_flag_status (demo->store, qing_flag_get_id (closed), QING_FLAG_CLOSED,
                                        error)
         && qing_store_raise_flag (demo->store, open_flag, error);
}

/* The counselor is on duty every school day of this week and the next; a
 * confirmed appointment for 马可馨 tomorrow and one the mentor requested
 * for 吴嘉懿 (whose care level she proposed). */
static gboolean
add_counseling (Demo *demo, GError **error)
{
  GDate day = demo->today;
  gint64 kexin, jiayi;

  g_date_subtract_days (&day, g_date_get_weekday (&day) - 1);
  for (guint i = 0; i < 14; i++, g_date_add_days (&day, 1))
    if (qing_school_calendar_is_school_day (demo->calendar, &day)
        && !qing_store_set_duty (demo->store, &day, demo->counselor, _("Counseling room"), error))
      return FALSE;
  kexin = qing_store_add_appointment (demo->store, demo->students[KEXIN], demo->counselor,
                                      demo->counselor, at_local (demo, 0, 15, 30) + 86400,
                                      30 * 60, _("Counseling room"), error);
  if (kexin == 0
      || !qing_store_set_appointment_status (demo->store, kexin, QING_APPOINTMENT_CONFIRMED,
                                             error))
    return FALSE;
  jiayi = qing_store_add_appointment (demo->store, demo->students[JIAYI], demo->counselor,
                                      demo->me, at_local (demo, 0, 16, 10) + 2 * 86400, 20 * 60,
                                      _("Counseling room"), error);
  return jiayi != 0;
}

static gboolean
fill_in_transaction (QingStore *store, gpointer user_data, GError **error)
{
  Demo *demo = user_data;
  int year = qing_generator_school_year_of (&demo->today);

  return qing_generator_add_school_year (store, demo->calendar, year, NULL, error)
         && add_staff (demo, error)
         && add_family (demo, error)
         && add_my_class (demo, error)
         && add_care (demo, error)
         && add_family_talks (demo, error)
         && add_mentor_talks (demo, error)
         && add_counselor_talks (demo, error)
         && add_moods (demo, error)
         && add_flags (demo, error)
         && add_counseling (demo, error);
}

/* Fills the EMPTY database of @store with the demo school and family
 * (see the top of this file), in one transaction, relative to the store's
 * clock.  A database that already holds people is refused with
 * QING_DEMO_ERROR_NOT_EMPTY and left unchanged. */
gboolean
qing_demo_fill (QingStore *store, GError **error)
{
  g_autoptr (GDateTime) now = NULL;
  gboolean empty = FALSE;
  Demo demo = { 0 };
  gboolean ok;

  g_return_val_if_fail (QING_IS_STORE (store), FALSE);

  if (!qing_generator_is_empty (store, &empty, error))
    return FALSE;
  if (!empty)
    {
      g_set_error (error, QING_DEMO_ERROR, QING_DEMO_ERROR_NOT_EMPTY,
                   _("The database “%s” already holds records, so the demo data was not added. "
                     "Start Qingting with --demo and a new database file (--database) to try "
                     "it."), qing_store_get_path (store));
      return FALSE;
    }
  demo.store = store;
  demo.rand = g_rand_new_with_seed (DEMO_SEED);
  demo.tz = qing_clock_get_timezone (qing_store_get_clock (store));
  demo.now = qing_clock_get_now_unix (qing_store_get_clock (store));
  now = qing_clock_get_now (qing_store_get_clock (store));
  g_date_clear (&demo.today, 1);
  g_date_set_dmy (&demo.today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  demo.calendar = qing_school_calendar_new ();

  ok = qing_store_transaction (store, fill_in_transaction, &demo, error);
  g_rand_free (demo.rand);
  qing_school_calendar_unref (demo.calendar);
  return ok;
}
