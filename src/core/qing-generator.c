/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The large-school generator (see qing-generator.h).
 *
 * Speed: millions of rows, so it writes with cached prepared statements
 * straight into the tables (no domain objects, no "row-changed" signals:
 * the database is new and nobody listens), one transaction per 100,000
 * rows or so (whole days), and
 * UUIDs whose first 12 hex digits count up, so the uuid indexes grow at
 * their end instead of being written all over.  The caller may turn
 * synchronous writes off while it runs (tools/qing-generate.c does).
 *
 * The school: classes of class_size students, each with a mentor (班主任);
 * one or two guardians per student; about 3 % of the students are
 * key-care (重点关爱) and 1 % show clear signs (有明显心理问题倾向), with
 * a counselor each.  Every day most students talk with a guardian in the
 * evening (some days for less than 15 minutes, some days not at all) and
 * about half have a mood entry; on school days mentors talk with about a
 * tenth of their class, counselors with their students, mentors with the
 * guardians of students who need care; now and then a flag is raised.
 */
#include "qing-generator.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "qing-person.h"
#include "qing-pinyin.h"
#include "qing-repository.h"
#include "qing-store-private.h"
#include "qing-types.h"

G_DEFINE_QUARK (qing-generator-error-quark, qing_generator_error)

#define DEFAULT_CLASS_SIZE 50
#define ROWS_PER_TRANSACTION 100000

/* Invented names: a common surname and one or two given-name characters. */
static const char *const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
  "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯",
  "邓", "曹", "彭", "曾", "肖", "田", "董", "潘", "袁", "蔡", "蒋", "余", "于", "杜",
};
static const char *const given[] = {
  "子", "涵", "雨", "桐", "浩", "然", "欣", "怡", "思", "远", "梓", "轩", "佳", "宁",
  "明", "辰", "诗", "琪", "博", "文", "一", "诺", "嘉", "懿", "俊", "杰", "晨", "曦",
  "可", "馨", "天", "佑", "若", "溪", "安", "语", "宇", "航", "心", "悦", "泽", "楷",
  "书", "瑶", "昊", "霖", "依", "彤", "铭", "朗", "景", "行", "小", "苗", "星", "雅",
};

static const char *const emotion_json[] = {
  "[\"happy\"]", "[\"calm\"]", "[\"proud\"]", "[\"tired\"]", "[\"anxious\"]",
  "[\"bored\"]", "[\"excited\"]", "[\"nervous\"]", "[\"sad\"]", "[\"grateful\"]",
};

static const char *const flag_observations[] = {
  N_("Quieter than usual in class for several days"),
  N_("Says they sleep badly before tests"),
  N_("Had a falling-out with close friends"),
  N_("Skipped lunch several times this week"),
};

typedef struct
{
  gint64        id;
  gint64        guardian[2];
  guint         n_guardians;
  gint64        class_id;
  gint64        mentor_id;
  gint64        counselor_id;
  QingCareLevel care;
  gint8         baseline;   /* usual mood, −1 … 2 */
  guint8        talk_rate;  /* percent of evenings with a parent talk */
} Student;

typedef struct
{
  QingStore                  *store;
  const QingGeneratorOptions *options;
  QingGeneratorCounts        *counts;
  QingSchoolCalendar         *calendar;
  GRand                      *rand;
  GTimeZone                  *tz;
  gint64                      now_utc;
  guint64                     uuid_counter;
  guint32                     uuid_base;
  GArray                     *students;   /* Student */
  GArray                     *mentors;    /* gint64 */
  GArray                     *counselors; /* gint64 */
  QingGeneratorProgress       progress;
  gpointer                    progress_data;
  guint                       day_index;
  GDate                       day;
  gint64                      midnight;
  gboolean                    school_day;
} Generator;

/* Sets @empty to whether the database holds no people yet. */
gboolean
qing_generator_is_empty (QingStore *store, gboolean *empty, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (QING_IS_STORE (store), FALSE);
  stmt = qing_store_prepare (store, "SELECT EXISTS (SELECT 1 FROM persons)", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return qing_store_set_error_from_db (store, error, _("Reading the database"));
  *empty = sqlite3_column_int (stmt, 0) == 0;
  return TRUE;
}

/* A UUID in the usual form whose first 48 bits count up. */
static void
next_uuid (Generator *gen, char out[37])
{
  guint64 n = (guint64) gen->uuid_base << 24 | gen->uuid_counter++;

  g_snprintf (out, 37, "%08x-%04x-7%03x-%04x-%04x%08x", (guint32) (n >> 16),
              (guint32) (n & 0xffff), g_rand_int (gen->rand) & 0xfff,
              0x8000 | (g_rand_int (gen->rand) & 0x3fff), g_rand_int (gen->rand) & 0xffff,
              g_rand_int (gen->rand));
}

static char *
invent_name (Generator *gen)
{
  GString *name = g_string_new (surnames[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (surnames))]);
  guint n = g_rand_int_range (gen->rand, 0, 10) < 7 ? 2 : 1;

  for (guint i = 0; i < n; i++)
    g_string_append (name, given[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (given))]);
  return g_string_free (name, FALSE);
}

/* Inserts a person; @number may be NULL.  Returns the id, 0 on error. */
static gint64
insert_person (Generator *gen, QingPersonKind kind, const char *name, QingGender gender,
               const char *number, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  g_autofree char *key = qing_pinyin_sort_key (name);
  char uuid[37];

  stmt = qing_store_prepare (gen->store,
                             "INSERT INTO persons (uuid, kind, name, pinyin_key, gender,"
                             " student_number, created_utc, updated_utc)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)", error);
  if (stmt == NULL)
    return 0;
  next_uuid (gen, uuid);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, kind);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, gender);
  if (number != NULL)
    sqlite3_bind_text (stmt, 6, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 7, gen->midnight);
  if (!qing_store_step_done (gen->store, stmt, _("Saving a person"), error))
    return 0;
  return sqlite3_last_insert_rowid (qing_store_get_db (gen->store));
}

/* Runs @sql with up to three integer values (0 binds NULL). */
static gint64
insert_ids (Generator *gen, const char *sql, gint64 a, gint64 b, gint64 c, const char *text,
            GError **error)
{
  g_autoptr (QingStoreStmt) stmt = qing_store_prepare (gen->store, sql, error);
  gint64 values[] = { a, b, c };

  if (stmt == NULL)
    return 0;
  for (int i = 0; i < 3; i++)
    if (values[i] != 0)
      sqlite3_bind_int64 (stmt, i + 1, values[i]);
  if (text != NULL)
    sqlite3_bind_text (stmt, 4, text, -1, SQLITE_TRANSIENT);
  if (!qing_store_step_done (gen->store, stmt, _("Saving the school"), error))
    return 0;
  return sqlite3_last_insert_rowid (qing_store_get_db (gen->store));
}

#define ROLE_SQL \
  "INSERT INTO person_roles (person_id, role, group_id, title) VALUES (?1, ?2, ?3, ?4)"

static gboolean
add_staff (Generator *gen, GError **error)
{
  for (guint i = 0; i < gen->options->n_mentors + gen->options->n_counselors; i++)
    {
      gboolean counselor = i >= gen->options->n_mentors;
      g_autofree char *name = invent_name (gen);
      gint64 id = insert_person (gen, QING_PERSON_STAFF, name,
                                 g_rand_boolean (gen->rand) ? QING_GENDER_FEMALE : QING_GENDER_MALE,
                                 NULL, error);

      if (id == 0)
        return FALSE;
      g_array_append_val (counselor ? gen->counselors : gen->mentors, id);
      if (counselor
          && insert_ids (gen, ROLE_SQL, id, QING_ROLE_COUNSELOR, 0, _("Full-time"), error) == 0)
        return FALSE;
      gen->counts->n_staff++;
    }
  return TRUE;
}

/* Creates the classes and their mentors' roles; fills class_id/mentor_id. */
static gboolean
add_classes (Generator *gen, guint n_classes, GArray *class_ids, GError **error)
{
  for (guint c = 0; c < n_classes; c++)
    {
      guint per_grade = MAX (1, (n_classes + 2) / 3);
      g_autofree char *name = g_strdup_printf (_("Grade %u, class %u"), c / per_grade + 7,
                                               c % per_grade + 1);
      gint64 mentor = gen->mentors->len > 0
                      ? g_array_index (gen->mentors, gint64, c % gen->mentors->len) : 0;
      gint64 id = insert_ids (gen, "INSERT INTO student_groups (kind, mentor_id, name)"
                                   " VALUES (?1, ?2, ?4)", 1, mentor, 0, name, error);

      if (id == 0)
        return FALSE;
      g_array_append_val (class_ids, id);
      if (mentor != 0 && c < gen->mentors->len
          && insert_ids (gen, ROLE_SQL, mentor, QING_ROLE_MENTOR, id, _("Homeroom teacher"),
                         error) == 0)
        return FALSE;
      gen->counts->n_classes++;
    }
  return TRUE;
}

static gboolean
add_guardians (Generator *gen, Student *s, const char *child_name, GError **error)
{
  static const char *const relations[] = { N_("Mother"), N_("Father") };
  guint first = g_rand_int_range (gen->rand, 0, 2);

  s->n_guardians = g_rand_int_range (gen->rand, 0, 10) < 3 ? 2 : 1;
  for (guint g = 0; g < s->n_guardians; g++)
    {
      guint rel = (g + first) % 2;
      g_autofree char *own = invent_name (gen);
      g_autofree char *name = NULL;

      /* a father usually shares the child's surname */
      if (rel == 1)
        name = g_strdup_printf ("%.*s%s", (int) (g_utf8_next_char (child_name) - child_name),
                                child_name, g_utf8_next_char (own));
      else
        name = g_steal_pointer (&own);
      while (g_utf8_strlen (name, -1) < 2 || g_str_equal (name, child_name))
        {
          g_free (name);
          name = invent_name (gen);
        }
      s->guardian[g] = insert_person (gen, QING_PERSON_GUARDIAN, name,
                                      rel == 0 ? QING_GENDER_FEMALE : QING_GENDER_MALE, NULL,
                                      error);
      if (s->guardian[g] == 0
          || insert_ids (gen, "INSERT INTO guardian_links (guardian_id, child_id, relation)"
                              " VALUES (?1, ?2, ?4)", s->guardian[g], s->id, 0,
                         _(relations[rel]), error) == 0)
        return FALSE;
      gen->counts->n_guardians++;
    }
  return TRUE;
}

static gboolean
set_care (Generator *gen, Student *s, GError **error)
{
  guint r = g_rand_int_range (gen->rand, 0, 100);
  g_autoptr (QingStoreStmt) stmt = NULL;

  s->care = r < 1 ? QING_CARE_CLEAR_SIGNS : r < 4 ? QING_CARE_KEY_CARE : QING_CARE_NORMAL;
  if (s->care == QING_CARE_NORMAL || s->counselor_id == 0)
    {
      s->care = QING_CARE_NORMAL;
      return TRUE;
    }
  stmt = qing_store_prepare (gen->store,
                             "INSERT INTO care_levels (student_id, level, status, set_by,"
                             " set_by_role, set_at_utc, reason, confirmed_by, confirmed_at_utc)"
                             " VALUES (?1, ?2, 1, ?3, 3, ?4, ?5, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, s->id);
  sqlite3_bind_int (stmt, 2, s->care);
  sqlite3_bind_int64 (stmt, 3, s->counselor_id);
  sqlite3_bind_int64 (stmt, 4, gen->midnight);
  sqlite3_bind_text (stmt, 5, s->care == QING_CARE_CLEAR_SIGNS
                              ? _("Screening result and the mentor's observation")
                              : _("Family changes; the mentor asked for support"),
                     -1, SQLITE_TRANSIENT);
  if (!qing_store_step_done (gen->store, stmt, _("Saving the care level"), error))
    return FALSE;
  s->baseline -= 1;
  gen->counts->n_care++;
  return TRUE;
}

static gboolean
add_student (Generator *gen, guint index, GArray *class_ids, GError **error)
{
  guint class_size = gen->options->class_size ? gen->options->class_size : DEFAULT_CLASS_SIZE;
  g_autofree char *name = invent_name (gen);
  g_autofree char *number = g_strdup_printf ("S%06u", index + 1);
  guint c = MIN (index / class_size, class_ids->len - 1);
  Student s = { 0 };

  s.id = insert_person (gen, QING_PERSON_STUDENT, name,
                        g_rand_boolean (gen->rand) ? QING_GENDER_FEMALE : QING_GENDER_MALE,
                        number, error);
  if (s.id == 0)
    return FALSE;
  s.class_id = g_array_index (class_ids, gint64, c);
  s.mentor_id = gen->mentors->len > 0
                ? g_array_index (gen->mentors, gint64, c % gen->mentors->len) : 0;
  s.counselor_id = gen->counselors->len > 0
                   ? g_array_index (gen->counselors, gint64, index % gen->counselors->len) : 0;
  s.baseline = g_rand_int_range (gen->rand, 0, 3);
  s.talk_rate = g_rand_int_range (gen->rand, 70, 100);
  if (insert_ids (gen, "INSERT INTO group_members (group_id, group_kind, student_id)"
                       " VALUES (?1, ?2, ?3)", s.class_id, 1, s.id, NULL, error) == 0
      || !add_guardians (gen, &s, name, error)
      || !set_care (gen, &s, error))
    return FALSE;
  g_array_append_val (gen->students, s);
  gen->counts->n_students++;
  return TRUE;
}

/* "Me": the first student's guardian, the first mentor and counselor. */
static gboolean
set_local_roles (Generator *gen, GError **error)
{
  const Student *first = &g_array_index (gen->students, Student, 0);

  if (!qing_store_set_local_person (gen->store, QING_ROLE_PARENT, first->guardian[0], error))
    return FALSE;
  if (gen->mentors->len > 0
      && !qing_store_set_local_person (gen->store, QING_ROLE_MENTOR,
                                       g_array_index (gen->mentors, gint64, 0), error))
    return FALSE;
  return gen->counselors->len == 0
         || qing_store_set_local_person (gen->store, QING_ROLE_COUNSELOR,
                                         g_array_index (gen->counselors, gint64, 0), error);
}

static gboolean
add_school (QingStore *store, gpointer user_data, GError **error)
{
  Generator *gen = user_data;
  guint class_size = gen->options->class_size ? gen->options->class_size : DEFAULT_CLASS_SIZE;
  guint n_classes = MAX (1, (gen->options->n_students + class_size / 2) / class_size);
  g_autoptr (GArray) class_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n_terms = 0;
  GDate last = gen->day;
  int last_year;

  g_date_add_days (&last, gen->options->n_days - 1);
  last_year = qing_generator_school_year_of (&last);
  for (int y = qing_generator_school_year_of (&gen->day); y <= last_year; y++)
    if (!qing_generator_add_school_year (store, gen->calendar, y, &n_terms, error))
      return FALSE;
  gen->counts->n_terms = n_terms;
  n_classes = MIN (n_classes, gen->options->n_students);
  if (!add_staff (gen, error) || !add_classes (gen, n_classes, class_ids, error))
    return FALSE;
  for (guint i = 0; i < gen->options->n_students; i++)
    if (!add_student (gen, i, class_ids, error))
      return FALSE;
  return set_local_roles (gen, error);
}

/* One talk; returns FALSE on error.  Talks after "now" are not written. */
static gboolean
insert_talk (Generator *gen, const Student *s, gint64 listener, QingRole role, gint64 start,
             gint duration, QingVisibility visibility, gint64 guardian, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  char uuid[37];

  if (start + duration > gen->now_utc)
    return TRUE;
  stmt = qing_store_prepare (gen->store,
                             "INSERT INTO talks (uuid, student_id, listener_id, listener_role,"
                             " start_utc, duration_s, mode, visibility, with_guardian, guardian_id,"
                             " created_utc, updated_utc)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)", error);
  if (stmt == NULL)
    return FALSE;
  next_uuid (gen, uuid);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, s->id);
  sqlite3_bind_int64 (stmt, 3, listener);
  sqlite3_bind_int (stmt, 4, role);
  sqlite3_bind_int64 (stmt, 5, start);
  sqlite3_bind_int (stmt, 6, duration);
  sqlite3_bind_int (stmt, 7, guardian != 0 ? QING_TALK_MODE_PHONE : QING_TALK_MODE_IN_PERSON);
  sqlite3_bind_int (stmt, 8, visibility);
  sqlite3_bind_int (stmt, 9, guardian != 0);
  if (guardian != 0)
    sqlite3_bind_int64 (stmt, 10, guardian);
  sqlite3_bind_int64 (stmt, 11, start + duration);
  if (!qing_store_step_done (gen->store, stmt, _("Saving a talk"), error))
    return FALSE;
  gen->counts->n_talks++;
  return TRUE;
}

static gboolean
insert_mood (Generator *gen, const Student *s, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  gint64 at = gen->midnight + 20 * 3600 + g_rand_int_range (gen->rand, 0, 7200);
  int valence = CLAMP (s->baseline + g_rand_int_range (gen->rand, -2, 2), -3, 3);
  char uuid[37];

  if (at > gen->now_utc)
    return TRUE;
  stmt = qing_store_prepare (gen->store,
                             "INSERT INTO moods (uuid, student_id, recorded_by, recorded_role,"
                             " at_utc, valence, energy, emotion_words, visibility, created_utc,"
                             " updated_utc) VALUES (?1, ?2, ?3, 1, ?4, ?5, ?6, ?7, 3, ?4, ?4)",
                             error);
  if (stmt == NULL)
    return FALSE;
  next_uuid (gen, uuid);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, s->id);
  sqlite3_bind_int64 (stmt, 3, s->guardian[0]);
  sqlite3_bind_int64 (stmt, 4, at);
  sqlite3_bind_int (stmt, 5, valence);
  if (g_rand_boolean (gen->rand))
    sqlite3_bind_int (stmt, 6, g_rand_int_range (gen->rand, -1, 2));
  if (g_rand_int_range (gen->rand, 0, 10) < 4)
    sqlite3_bind_text (stmt, 7, emotion_json[g_rand_int_range (gen->rand, 0,
                                                               G_N_ELEMENTS (emotion_json))],
                       -1, SQLITE_STATIC);
  if (!qing_store_step_done (gen->store, stmt, _("Saving a mood entry"), error))
    return FALSE;
  gen->counts->n_moods++;
  return TRUE;
}

/* A talk of at least 15 minutes most of the time, a short one otherwise. */
static gint
talk_length (Generator *gen, guint percent_effective, gint longest)
{
  if (g_rand_int_range (gen->rand, 0, 100) < (gint32) percent_effective)
    return g_rand_int_range (gen->rand, QING_EFFECTIVE_TALK_SECONDS, longest);
  return g_rand_int_range (gen->rand, 180, QING_EFFECTIVE_TALK_SECONDS);
}

static gboolean
add_school_talks (Generator *gen, const Student *s, GError **error)
{
  gint64 afternoon = gen->midnight + 12 * 3600 + 1800;

  if (s->mentor_id != 0 && g_rand_int_range (gen->rand, 0, 10) == 0
      && !insert_talk (gen, s, s->mentor_id, QING_ROLE_MENTOR,
                       afternoon + g_rand_int_range (gen->rand, 0, 4 * 3600),
                       talk_length (gen, 85, 1500), QING_VISIBILITY_SCHOOL, 0, error))
    return FALSE;
  if (s->care == QING_CARE_NORMAL)
    return TRUE;
  if (g_rand_int_range (gen->rand, 0, s->care == QING_CARE_CLEAR_SIGNS ? 4 : 12) == 0
      && !insert_talk (gen, s, s->counselor_id, QING_ROLE_COUNSELOR,
                       afternoon + g_rand_int_range (gen->rand, 0, 4 * 3600),
                       talk_length (gen, 95, 3000), QING_VISIBILITY_COUNSELOR, 0, error))
    return FALSE;
  if (s->mentor_id != 0 && g_rand_int_range (gen->rand, 0, 20) == 0
      && !insert_talk (gen, s, s->mentor_id, QING_ROLE_MENTOR,
                       afternoon + 5 * 3600 + g_rand_int_range (gen->rand, 0, 3600),
                       talk_length (gen, 80, 1800), QING_VISIBILITY_SCHOOL, s->guardian[0],
                       error))
    return FALSE;
  return TRUE;
}

static gboolean
maybe_raise_flag (Generator *gen, const Student *s, GError **error)
{
  g_autoptr (QingStoreStmt) stmt = NULL;
  gint64 at = gen->midnight + 15 * 3600;
  gboolean recent = gen->now_utc - at < 30 * 24 * 3600;

  if (s->care == QING_CARE_NORMAL || s->mentor_id == 0 || at > gen->now_utc
      || g_rand_int_range (gen->rand, 0, 120) != 0)
    return TRUE;
  stmt = qing_store_prepare (gen->store,
                             "INSERT INTO flags (student_id, raised_by, raised_role, raised_at_utc,"
                             " severity, observed, status, created_utc, updated_utc)"
                             " VALUES (?1, ?2, 2, ?3, 1, ?4, ?5, ?3, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, s->id);
  sqlite3_bind_int64 (stmt, 2, s->mentor_id);
  sqlite3_bind_int64 (stmt, 3, at);
  sqlite3_bind_text (stmt, 4, _(flag_observations[g_rand_int_range (gen->rand, 0,
                                                  G_N_ELEMENTS (flag_observations))]),
                     -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, recent ? 0 : 3);
  if (!qing_store_step_done (gen->store, stmt, _("Raising a flag"), error))
    return FALSE;
  gen->counts->n_flags++;
  return TRUE;
}

static gboolean
add_day (Generator *gen, GError **error)
{
  for (guint i = 0; i < gen->students->len; i++)
    {
      const Student *s = &g_array_index (gen->students, Student, i);

      if (g_rand_int_range (gen->rand, 0, 100) < s->talk_rate)
        {
          guint who = s->n_guardians == 2 && g_rand_int_range (gen->rand, 0, 4) == 0 ? 1 : 0;
          gint64 start = gen->midnight + 18 * 3600 + 1800
                         + g_rand_int_range (gen->rand, 0, 3 * 3600);

          if (!insert_talk (gen, s, s->guardian[who], QING_ROLE_PARENT, start,
                            talk_length (gen, 70, 2400), QING_VISIBILITY_FAMILY, 0, error))
            return FALSE;
        }
      if (gen->school_day && !add_school_talks (gen, s, error))
        return FALSE;
      if (g_rand_int_range (gen->rand, 0, 100) < 45 && !insert_mood (gen, s, error))
        return FALSE;
      if (gen->school_day && !maybe_raise_flag (gen, s, error))
        return FALSE;
    }
  return TRUE;
}

static void start_day (Generator *gen);

/* Days until about ROWS_PER_TRANSACTION rows are written: fewer commits
 * write the same index pages to the file fewer times. */
static gboolean
add_days (QingStore *store, gpointer user_data, GError **error)
{
  Generator *gen = user_data;
  guint64 first_row = gen->counts->n_talks + gen->counts->n_moods;

  while (gen->day_index < gen->options->n_days
         && gen->counts->n_talks + gen->counts->n_moods - first_row < ROWS_PER_TRANSACTION)
    {
      start_day (gen);
      if (!add_day (gen, error))
        return FALSE;
      if (gen->progress != NULL)
        gen->progress (&gen->day, gen->day_index, gen->options->n_days, gen->counts,
                       gen->progress_data);
      g_date_add_days (&gen->day, 1);
      gen->day_index++;
    }
  return TRUE;
}

static void
start_day (Generator *gen)
{
  g_autoptr (GDateTime) midnight = g_date_time_new (gen->tz, g_date_get_year (&gen->day),
                                                    g_date_get_month (&gen->day),
                                                    g_date_get_day (&gen->day), 0, 0, 0);
  gen->midnight = g_date_time_to_unix (midnight);
  gen->school_day = qing_school_calendar_is_school_day (gen->calendar, &gen->day);
}

static gboolean
check_options (QingStore *store, const QingGeneratorOptions *options, GError **error)
{
  gboolean empty = FALSE;

  if (options->n_students == 0 || options->n_days == 0 || options->n_days > 20 * 366)
    {
      g_set_error_literal (error, QING_GENERATOR_ERROR, QING_GENERATOR_ERROR_INVALID,
                           _("Choose at least one student and between 1 day and 20 years of "
                             "history."));
      return FALSE;
    }
  if (!qing_generator_is_empty (store, &empty, error))
    return FALSE;
  if (!empty)
    {
      g_set_error (error, QING_GENERATOR_ERROR, QING_GENERATOR_ERROR_NOT_EMPTY,
                   _("The database “%s” already holds records. Invented data is only written "
                     "into a new, empty database; nothing was changed."),
                   qing_store_get_path (store));
      return FALSE;
    }
  return TRUE;
}

static void
generator_clear (Generator *gen)
{
  g_clear_pointer (&gen->calendar, qing_school_calendar_unref);
  g_clear_pointer (&gen->rand, g_rand_free);
  g_clear_pointer (&gen->students, g_array_unref);
  g_clear_pointer (&gen->mentors, g_array_unref);
  g_clear_pointer (&gen->counselors, g_array_unref);
}

/* Fills the EMPTY database of @store with an invented school as @options
 * says: the people in one transaction, then one transaction per whole
 * days of about 100,000 rows of history, the last day being the clock's today (nothing after the
 * clock's now).  Calls @progress (may be NULL) after each day and leaves
 * the totals in @counts (may be NULL).  Refuses a database that already
 * holds people.  Leaves the end of the history and the time zone in the
 * settings QING_GENERATOR_NOW_SETTING and QING_GENERATOR_TZ_SETTING. */
gboolean
qing_generator_run (QingStore                  *store,
                    const QingGeneratorOptions *options,
                    QingGeneratorProgress       progress,
                    gpointer                    user_data,
                    QingGeneratorCounts        *counts,
                    GError                    **error)
{
  QingGeneratorCounts local_counts = { 0 };
  Generator gen = { 0 };
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *now_text = NULL;
  gboolean ok;

  g_return_val_if_fail (QING_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (!check_options (store, options, error))
    return FALSE;
  gen.store = store;
  gen.options = options;
  gen.counts = counts != NULL ? counts : &local_counts;
  memset (gen.counts, 0, sizeof *gen.counts);
  gen.calendar = qing_school_calendar_new ();
  gen.rand = g_rand_new_with_seed (options->seed);
  gen.tz = qing_clock_get_timezone (qing_store_get_clock (store));
  gen.now_utc = qing_clock_get_now_unix (qing_store_get_clock (store));
  gen.uuid_base = g_rand_int (gen.rand);
  gen.students = g_array_new (FALSE, FALSE, sizeof (Student));
  gen.mentors = g_array_new (FALSE, FALSE, sizeof (gint64));
  gen.counselors = g_array_new (FALSE, FALSE, sizeof (gint64));

  now = qing_clock_get_now (qing_store_get_clock (store));
  g_date_clear (&gen.day, 1);
  g_date_set_dmy (&gen.day, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  g_date_subtract_days (&gen.day, options->n_days - 1);
  start_day (&gen);

  gen.progress = progress;
  gen.progress_data = user_data;
  ok = qing_store_transaction (store, add_school, &gen, error);
  while (ok && gen.day_index < options->n_days)
    ok = qing_store_transaction (store, add_days, &gen, error);
  now_text = g_strdup_printf ("%" G_GINT64_FORMAT, gen.now_utc);
  ok = ok && qing_store_set_setting (store, QING_GENERATOR_NOW_SETTING, now_text, error)
       && qing_store_set_setting (store, QING_GENERATOR_TZ_SETTING,
                                  g_time_zone_get_identifier (gen.tz), error);
  generator_clear (&gen);
  return ok;
}
