/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The schema of the whole program, designed once for DOMAIN.md.
 *
 * Every table has: id INTEGER PRIMARY KEY, uuid TEXT UNIQUE NOT NULL (a
 * random UUID by default), created_utc and updated_utc (Unix seconds;
 * default now; a trigger moves updated_utc on UPDATE unless the UPDATE set
 * it).  Times are UTC Unix seconds (*_utc); local calendar days are TEXT
 * 'YYYY-MM-DD' (*_day, held_on, birthday).  Enumerations are the integer
 * values of src/core/qing-types.h (role 1..4, care level 0..2, visibility
 * 0..3, severity 1..3, talk mode 0..2) or are listed here.  Lists of words
 * are JSON arrays of strings (qing_store_strv_to_json()).
 *
 * settings            key → value (text) of the installation
 * persons             students, guardians, staff: kind 1 student 2 guardian
 *                     3 staff; name, pinyin_key, gender 0 ? 1 male 2 female,
 *                     birthday, student_number (unique), phone, note,
 *                     care_level (current confirmed level, kept by triggers
 *                     from care_levels), archived
 * person_roles        roles a person holds (QingRole), title (班主任, 任课教师,
 *                     专职…), group_id scope (e.g. 心理委员 of a class)
 * local_roles         "me": for each role this installation holds, the person
 *                     it speaks for
 * student_groups      kind 1 class 班级 / 2 mentor group 小组; name, grade,
 *                     school_year, mentor_id, archived
 * group_members       student in a group; group_kind copies the group's kind
 *                     (composite FK) so a student is in ≤ 1 class and ≤ 1
 *                     mentor group
 * guardian_links      guardian (any adult) ↔ child, relation (母亲, 父亲…)
 * care_levels         history: level, status 0 proposed 1 confirmed 2
 *                     declined, set_by/role/at, reason, confirmed_by/at,
 *                     decision_note (the counselor's reason for confirming
 *                     or declining; v2) (mentors propose, counselors confirm)
 * talks               student, listener + listener_role, start_utc,
 *                     duration_s, place, mode, topics (JSON), note,
 *                     visibility, with_guardian + guardian_id (talks with
 *                     parents are about a student); indexes by student
 *                     (and role, v2), by role and time, by listener
 * running_timers      one per student + listener: started_utc, paused_utc
 *                     (while paused), paused_total_s, last_seen_utc; elapsed
 *                     = (paused_utc or now) − started_utc − paused_total_s;
 *                     goal_notified_utc: when the 15:00 notification was
 *                     shown, NULL before (v2)
 * moods               student, recorded_by/role, at_utc, valence −3..+3,
 *                     energy −3..+3 or NULL, emotion_words and life_areas
 *                     (JSON), note, visibility, talk_id (entered after a talk)
 * flags               concern raised to the counselor: student, raised_by/
 *                     role/at, severity, observed, who_was_told (required for
 *                     危机), status 0 open 1 seen 2 in a case 3 closed, case_id
 * cases               个案: student, counselor, opened_at, title, status 0
 *                     open 1 monitoring 2 referred 3 closed (kept by triggers
 *                     from the events); deleted only with the student
 * case_events         APPEND-ONLY (triggers abort UPDATE and DELETE): kind 1
 *                     raised 2 noted 3 status changed 4 referred 5 closed;
 *                     at_utc, by_person_id + by_name (no FK: the log keeps
 *                     its author), status, referred_to, note
 * screenings          心理普测: instrument, title, held_on, key period, run_by
 * screening_results   per student: answers (JSON array), scores (JSON
 *                     object), total_score, risk_level 0..3
 * appointments        预约: student, counselor, requested_by, start_utc,
 *                     duration_s, place, status 0 requested 1 confirmed 2 done
 *                     3 cancelled 4 missed, talk_id, note, visibility
 * duty_roster         值班: day, shift (0 whole day), person, place
 * terms               first_day, last_day, name
 * calendar_exceptions kind 1 holiday (no school) / 2 make-up school day 调休;
 *                     first_day, last_day, name; follows_weekday: the
 *                     weekday whose timetable a make-up day runs, 1 Mon..7
 *                     Sun, NULL = Monday (v3)
 * key_periods         关键时段: kind 1 spring 2 school start 3 exams 4
 *                     graduation 5 emergency 6 other; first_day, last_day,
 *                     name, intervals (JSON object: rule → interval in days)
 * mentor_slots        a mentor's weekly time slots: weekday 1 Mon..7 Sun,
 *                     start_minute, length_minutes, capacity, label
 * plan_entries        a planned talk: mentor, student, day, slot, start_minute,
 *                     position, cycle_first_day, status 0 planned 1 done 2
 *                     skipped 3 moved, talk_id
 * peer_sessions       a class's peer-support session: group, day, led_by (or
 *                     led_by_name), participants, duration_s, topic, note
 * activities          what the school runs besides talks (work summary): kind
 *                     1 theme activity (5·25) 2 parent meeting 3 letter to
 *                     parents 4 newsletter / school site 5 training 6 other;
 *                     day, title, group_id, led_by, participants, note
 * notifications_sent  for dedup: purpose + dedup_key unique, sent_utc,
 *                     withdrawn_utc
 *
 * Deleting a student deletes their talks, moods, timers, flags, cases (and
 * events), care history, results, appointments and plan entries; deleting
 * an adult keeps the records they wrote with the author set to NULL.
 */
#include "qing-schema.h"

/* A random version 4 UUID in SQL, so rows inserted without one get one. */
#define UUID_SQL \
  "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || " \
  "substr(hex(randomblob(2)), 2) || '-' || " \
  "substr('89ab', 1 + (abs(random()) % 4), 1) || " \
  "substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"

#define NOW_SQL "CAST(strftime('%s', 'now') AS INTEGER)"

#define ROW_COLUMNS \
  "  id          INTEGER PRIMARY KEY,\n" \
  "  uuid        TEXT NOT NULL UNIQUE DEFAULT (" UUID_SQL "),\n" \
  "  created_utc INTEGER NOT NULL DEFAULT (" NOW_SQL "),\n" \
  "  updated_utc INTEGER NOT NULL DEFAULT (" NOW_SQL "),\n"

#define TOUCH(t) \
  "CREATE TRIGGER " t "_touch AFTER UPDATE ON " t " FOR EACH ROW\n" \
  "  WHEN NEW.updated_utc = OLD.updated_utc\n" \
  "  BEGIN UPDATE " t " SET updated_utc = " NOW_SQL " WHERE id = NEW.id; END;\n"

#define DAY_CHECK(c) \
  "CHECK (" c " GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')"
#define ROLE_CHECK(c) "CHECK (" c " IS NULL OR " c " BETWEEN 1 AND 4)"
#define JSON_CHECK(c) "CHECK (" c " IS NULL OR json_valid (" c "))"
#define VISIBILITY(d) \
  "  visibility INTEGER NOT NULL DEFAULT " d " CHECK (visibility BETWEEN 0 AND 3)"
#define PERSON_FK "REFERENCES persons (id)"

#define CURRENT_CARE_LEVEL(who) \
  "  UPDATE persons SET care_level = COALESCE ((SELECT level FROM care_levels\n" \
  "      WHERE student_id = " who " AND status = 1\n" \
  "      ORDER BY confirmed_at_utc DESC, id DESC LIMIT 1), 0)\n" \
  "    WHERE id = " who ";\n"

static const char migration_1[] =
  "PRAGMA application_id = " G_STRINGIFY (QING_SCHEMA_APPLICATION_ID) ";\n"

  "CREATE TABLE settings (\n" ROW_COLUMNS
  "  key   TEXT NOT NULL UNIQUE,\n"
  "  value TEXT\n"
  ");\n" TOUCH ("settings")

  /* People and who they are to each other. */
  "CREATE TABLE persons (\n" ROW_COLUMNS
  "  kind           INTEGER NOT NULL CHECK (kind IN (1, 2, 3)),\n"
  "  name           TEXT NOT NULL CHECK (length (trim (name)) > 0),\n"
  "  pinyin_key     TEXT,\n"
  "  gender         INTEGER NOT NULL DEFAULT 0 CHECK (gender IN (0, 1, 2)),\n"
  "  birthday       TEXT " DAY_CHECK ("birthday") ",\n"
  "  student_number TEXT UNIQUE CHECK (student_number IS NULL\n"
  "                                    OR length (trim (student_number)) > 0),\n"
  "  phone          TEXT,\n"
  "  note           TEXT,\n"
  "  care_level     INTEGER NOT NULL DEFAULT 0 CHECK (care_level IN (0, 1, 2)),\n"
  "  archived       INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))\n"
  ");\n" TOUCH ("persons")
  "CREATE INDEX persons_by_kind_pinyin ON persons (kind, pinyin_key, name);\n"
  "CREATE INDEX persons_cared ON persons (care_level) WHERE care_level > 0;\n"

  "CREATE TABLE student_groups (\n" ROW_COLUMNS
  "  kind        INTEGER NOT NULL CHECK (kind IN (1, 2)),\n"
  "  name        TEXT NOT NULL CHECK (length (trim (name)) > 0),\n"
  "  grade       TEXT,\n"
  "  school_year TEXT,\n"
  "  mentor_id   INTEGER " PERSON_FK " ON DELETE SET NULL,\n"
  "  archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),\n"
  "  UNIQUE (id, kind)\n"
  ");\n" TOUCH ("student_groups")
  "CREATE INDEX student_groups_by_mentor ON student_groups (mentor_id);\n"

  "CREATE TABLE person_roles (\n" ROW_COLUMNS
  "  person_id INTEGER NOT NULL " PERSON_FK " ON DELETE CASCADE,\n"
  "  role      INTEGER NOT NULL " ROLE_CHECK ("role") ",\n"
  "  title     TEXT,\n"
  "  group_id  INTEGER REFERENCES student_groups (id) ON DELETE CASCADE,\n"
  "  UNIQUE (person_id, role, group_id)\n"
  ");\n" TOUCH ("person_roles")
  "CREATE INDEX person_roles_by_group ON person_roles (group_id) WHERE group_id IS NOT NULL;\n"

  "CREATE TABLE local_roles (\n" ROW_COLUMNS
  "  role      INTEGER NOT NULL UNIQUE " ROLE_CHECK ("role") ",\n"
  "  person_id INTEGER NOT NULL " PERSON_FK " ON DELETE CASCADE\n"
  ");\n" TOUCH ("local_roles")

  "CREATE TABLE group_members (\n" ROW_COLUMNS
  "  group_id   INTEGER NOT NULL,\n"
  "  group_kind INTEGER NOT NULL,\n"
  "  student_id INTEGER NOT NULL " PERSON_FK " ON DELETE CASCADE,\n"
  "  joined_utc INTEGER,\n"
  "  FOREIGN KEY (group_id, group_kind) REFERENCES student_groups (id, kind)\n"
  "    ON DELETE CASCADE ON UPDATE CASCADE,\n"
  "  UNIQUE (student_id, group_kind),\n"
  "  UNIQUE (group_id, student_id)\n"
  ");\n" TOUCH ("group_members")

  "CREATE TABLE guardian_links (\n" ROW_COLUMNS
  "  guardian_id INTEGER NOT NULL " PERSON_FK " ON DELETE CASCADE,\n"
  "  child_id    INTEGER NOT NULL " PERSON_FK " ON DELETE CASCADE,\n"
  "  relation    TEXT,\n"
  "  CHECK (guardian_id <> child_id),\n"
  "  UNIQUE (guardian_id, child_id)\n"
  ");\n" TOUCH ("guardian_links")
  "CREATE INDEX guardian_links_by_child ON guardian_links (child_id);\n"

  "CREATE TABLE care_levels (\n" ROW_COLUMNS
  "  student_id       INTEGER NOT NULL " PERSON_FK " ON DELETE CASCADE,\n"
  "  level            INTEGER NOT NULL CHECK (level IN (0, 1, 2)),\n"
  "  status           INTEGER NOT NULL DEFAULT 0 CHECK (status IN (0, 1, 2)),\n"
  "  set_by           INTEGER " PERSON_FK " ON DELETE SET NULL,\n"
  "  set_by_role      INTEGER " ROLE_CHECK ("set_by_role") ",\n"
  "  set_at_utc       INTEGER NOT NULL,\n"
  "  reason           TEXT,\n"
  "  confirmed_by     INTEGER " PERSON_FK " ON DELETE SET NULL,\n"
  "  confirmed_at_utc INTEGER,\n"
  "  CHECK (status <> 1 OR confirmed_at_utc IS NOT NULL)\n"
  ");\n" TOUCH ("care_levels")
  "CREATE INDEX care_levels_by_student ON care_levels (student_id, set_at_utc);\n"
  "CREATE TRIGGER care_levels_current_insert AFTER INSERT ON care_levels\n"
  "  WHEN NEW.status = 1 BEGIN\n" CURRENT_CARE_LEVEL ("NEW.student_id") "END;\n"
  "CREATE TRIGGER care_levels_current_update\n"
  "  AFTER UPDATE OF level, status, confirmed_at_utc ON care_levels BEGIN\n"
  CURRENT_CARE_LEVEL ("NEW.student_id") "END;\n"
  "CREATE TRIGGER care_levels_current_delete AFTER DELETE ON care_levels BEGIN\n"
  CURRENT_CARE_LEVEL ("OLD.student_id") "END;\n"

  /* Listening. */
  "CREATE TABLE talks (\n" ROW_COLUMNS
  "  student_id    INTEGER NOT NULL " PERSON_FK " ON DELETE CASCADE,\n"
  "  listener_id   INTEGER " PERSON_FK " ON DELETE SET NULL,\n"
  "  listener_role INTEGER NOT NULL " ROLE_CHECK ("listener_role") ",\n"
  "  start_utc     INTEGER NOT NULL,\n"
  "  duration_s    INTEGER NOT NULL CHECK (duration_s >= 0),\n"
  "  place         TEXT,\n"
  "  mode          INTEGER NOT NULL DEFAULT 0 CHECK (mode IN (0, 1, 2)),\n"
  "  topics        TEXT " JSON_CHECK ("topics") ",\n"
  "  note          TEXT,\n"
  VISIBILITY ("0") ",\n"
  "  with_guardian INTEGER NOT NULL DEFAULT 0 CHECK (with_guardian IN (0, 1)),\n"
  "  guardian_id   INTEGER " PERSON_FK " ON DELETE SET NULL\n"
  ");\n" TOUCH ("talks")
  /* Covering: the cadence engine reads only these columns. */
  "CREATE INDEX talks_by_student\n"
  "  ON talks (student_id, start_utc, duration_s, listener_role, listener_id, with_guardian);\n"
  /* The due list of a whole school: one range per role and window, with
   * cost growing with the students, not with the years of history. */
  "CREATE INDEX talks_by_role_time ON talks\n"
  "  (listener_role, start_utc, student_id, duration_s, listener_id, with_guardian);\n"
  "CREATE INDEX talks_by_listener ON talks (listener_id, start_utc);\n"
  "CREATE INDEX talks_by_guardian ON talks (guardian_id) WHERE guardian_id IS NOT NULL;\n"

  "CREATE TABLE running_timers (\n" ROW_COLUMNS
  "  student_id     INTEGER NOT NULL " PERSON_FK " ON DELETE CASCADE,\n"
  "  listener_id    INTEGER NOT NULL " PERSON_FK " ON DELETE CASCADE,\n"
  "  listener_role  INTEGER NOT NULL " ROLE_CHECK ("listener_role") ",\n"
  "  started_utc    INTEGER NOT NULL,\n"
  "  paused_utc     INTEGER CHECK (paused_utc IS NULL OR paused_utc >= started_utc),\n"
  "  paused_total_s INTEGER NOT NULL DEFAULT 0 CHECK (paused_total_s >= 0),\n"
  "  last_seen_utc  INTEGER NOT NULL,\n"
  "  with_guardian  INTEGER NOT NULL DEFAULT 0 CHECK (with_guardian IN (0, 1)),\n"
  "  guardian_id    INTEGER " PERSON_FK " ON DELETE SET NULL,\n"
  "  UNIQUE (student_id, listener_id)\n"
  ");\n" TOUCH ("running_timers")

  "CREATE TABLE moods (\n" ROW_COLUMNS
  "  student_id    INTEGER NOT NULL " PERSON_FK " ON DELETE CASCADE,\n"
  "  recorded_by   INTEGER " PERSON_FK " ON DELETE SET NULL,\n"
  "  recorded_role INTEGER " ROLE_CHECK ("recorded_role") ",\n"
  "  at_utc        INTEGER NOT NULL,\n"
  "  valence       INTEGER NOT NULL CHECK (valence BETWEEN -3 AND 3),\n"
  "  energy        INTEGER CHECK (energy IS NULL OR energy BETWEEN -3 AND 3),\n"
  "  emotion_words TEXT " JSON_CHECK ("emotion_words") ",\n"
  "  life_areas    TEXT " JSON_CHECK ("life_areas") ",\n"
  "  note          TEXT,\n"
  VISIBILITY ("0") ",\n"
  "  talk_id       INTEGER REFERENCES talks (id) ON DELETE SET NULL\n"
  ");\n" TOUCH ("moods")
  "CREATE INDEX moods_by_student ON moods (student_id, at_utc);\n"
  "CREATE INDEX moods_by_recorder ON moods (recorded_by) WHERE recorded_by IS NOT NULL;\n"
  "CREATE INDEX moods_by_talk ON moods (talk_id) WHERE talk_id IS NOT NULL;\n"

  /* Concerns, cases, screenings. */
  "CREATE TABLE cases (\n" ROW_COLUMNS
  "  student_id    INTEGER NOT NULL " PERSON_FK " ON DELETE CASCADE,\n"
  "  counselor_id  INTEGER " PERSON_FK " ON DELETE SET NULL,\n"
  "  opened_at_utc INTEGER NOT NULL,\n"
  "  title         TEXT,\n"
  "  status        INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 3)\n"
  ");\n" TOUCH ("cases")
  "CREATE INDEX cases_by_student ON cases (student_id);\n"
  "CREATE INDEX cases_by_status ON cases (status);\n"
  "CREATE TRIGGER cases_kept BEFORE DELETE ON cases\n"
  "  WHEN EXISTS (SELECT 1 FROM persons WHERE id = OLD.student_id)\n"
  "  BEGIN SELECT RAISE (ABORT, 'cases are kept while the student is'); END;\n"

  "CREATE TABLE case_events (\n" ROW_COLUMNS
  "  case_id      INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,\n"
  "  kind         INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 5),\n"
  "  at_utc       INTEGER NOT NULL,\n"
  "  by_person_id INTEGER,\n"
  "  by_name      TEXT,\n"
  "  status       INTEGER CHECK (status IS NULL OR status BETWEEN 0 AND 3),\n"
  "  referred_to  TEXT,\n"
  "  note         TEXT,\n"
  "  CHECK (kind <> 3 OR status IS NOT NULL)\n"
  ");\n"
  "CREATE INDEX case_events_by_case ON case_events (case_id, at_utc);\n"
  "CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events\n"
  "  BEGIN SELECT RAISE (ABORT, 'case events are append-only'); END;\n"
  "CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events\n"
  "  WHEN EXISTS (SELECT 1 FROM cases WHERE id = OLD.case_id)\n"
  "  BEGIN SELECT RAISE (ABORT, 'case events are append-only'); END;\n"
  "CREATE TRIGGER case_events_status AFTER INSERT ON case_events\n"
  "  WHEN NEW.kind IN (3, 4, 5) BEGIN\n"
  "  UPDATE cases SET status = CASE NEW.kind WHEN 3 THEN NEW.status\n"
  "      WHEN 4 THEN 2 ELSE 3 END\n"
  "    WHERE id = NEW.case_id;\n"
  "END;\n"

  "CREATE TABLE flags (\n" ROW_COLUMNS
  "  student_id    INTEGER NOT NULL " PERSON_FK " ON DELETE CASCADE,\n"
  "  raised_by     INTEGER " PERSON_FK " ON DELETE SET NULL,\n"
  "  raised_role   INTEGER " ROLE_CHECK ("raised_role") ",\n"
  "  raised_at_utc INTEGER NOT NULL,\n"
  "  severity      INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 3),\n"
  "  observed      TEXT NOT NULL CHECK (length (trim (observed)) > 0),\n"
  "  who_was_told  TEXT,\n"
  "  status        INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 3),\n"
  "  case_id       INTEGER REFERENCES cases (id) ON DELETE SET NULL,\n"
  VISIBILITY ("1") ",\n"
  "  CHECK (severity < 3 OR length (trim (coalesce (who_was_told, ''))) > 0)\n"
  ");\n" TOUCH ("flags")
  "CREATE INDEX flags_by_status ON flags (status, raised_at_utc);\n"
  "CREATE INDEX flags_by_student ON flags (student_id, raised_at_utc);\n"
  "CREATE INDEX flags_by_case ON flags (case_id) WHERE case_id IS NOT NULL;\n"

  "CREATE TABLE screenings (\n" ROW_COLUMNS
  "  instrument    TEXT NOT NULL,\n"
  "  title         TEXT,\n"
  "  held_on       TEXT NOT NULL " DAY_CHECK ("held_on") ",\n"
  "  key_period_id INTEGER REFERENCES key_periods (id) ON DELETE SET NULL,\n"
  "  run_by        INTEGER " PERSON_FK " ON DELETE SET NULL,\n"
  "  note          TEXT\n"
  ");\n" TOUCH ("screenings")

  "CREATE TABLE screening_results (\n" ROW_COLUMNS
  "  screening_id INTEGER NOT NULL REFERENCES screenings (id) ON DELETE CASCADE,\n"
  "  student_id   INTEGER NOT NULL " PERSON_FK " ON DELETE CASCADE,\n"
  "  answers      TEXT " JSON_CHECK ("answers") ",\n"
  "  scores       TEXT " JSON_CHECK ("scores") ",\n"
  "  total_score  REAL,\n"
  "  risk_level   INTEGER NOT NULL DEFAULT 0 CHECK (risk_level BETWEEN 0 AND 3),\n"
  "  UNIQUE (screening_id, student_id)\n"
  ");\n" TOUCH ("screening_results")
  "CREATE INDEX screening_results_by_student ON screening_results (student_id);\n"

  /* The counselors' management records. */
  "CREATE TABLE appointments (\n" ROW_COLUMNS
  "  student_id   INTEGER NOT NULL " PERSON_FK " ON DELETE CASCADE,\n"
  "  counselor_id INTEGER " PERSON_FK " ON DELETE SET NULL,\n"
  "  requested_by INTEGER " PERSON_FK " ON DELETE SET NULL,\n"
  "  start_utc    INTEGER NOT NULL,\n"
  "  duration_s   INTEGER NOT NULL DEFAULT 900 CHECK (duration_s > 0),\n"
  "  place        TEXT,\n"
  "  status       INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 4),\n"
  "  talk_id      INTEGER REFERENCES talks (id) ON DELETE SET NULL,\n"
  "  note         TEXT,\n"
  VISIBILITY ("1") "\n"
  ");\n" TOUCH ("appointments")
  "CREATE INDEX appointments_by_time ON appointments (start_utc);\n"
  "CREATE INDEX appointments_by_student ON appointments (student_id, start_utc);\n"
  "CREATE INDEX appointments_by_talk ON appointments (talk_id) WHERE talk_id IS NOT NULL;\n"

  "CREATE TABLE duty_roster (\n" ROW_COLUMNS
  "  day       TEXT NOT NULL " DAY_CHECK ("day") ",\n"
  "  shift     INTEGER NOT NULL DEFAULT 0 CHECK (shift >= 0),\n"
  "  person_id INTEGER NOT NULL " PERSON_FK " ON DELETE CASCADE,\n"
  "  place     TEXT,\n"
  "  note      TEXT,\n"
  "  UNIQUE (day, shift)\n"
  ");\n" TOUCH ("duty_roster")
  "CREATE INDEX duty_roster_by_person ON duty_roster (person_id, day);\n"

  /* The school calendar. */
  "CREATE TABLE terms (\n" ROW_COLUMNS
  "  name      TEXT,\n"
  "  first_day TEXT NOT NULL " DAY_CHECK ("first_day") ",\n"
  "  last_day  TEXT NOT NULL " DAY_CHECK ("last_day") ",\n"
  "  CHECK (first_day <= last_day)\n"
  ");\n" TOUCH ("terms")
  "CREATE INDEX terms_by_day ON terms (first_day);\n"

  "CREATE TABLE calendar_exceptions (\n" ROW_COLUMNS
  "  kind      INTEGER NOT NULL CHECK (kind IN (1, 2)),\n"
  "  first_day TEXT NOT NULL " DAY_CHECK ("first_day") ",\n"
  "  last_day  TEXT NOT NULL " DAY_CHECK ("last_day") ",\n"
  "  name      TEXT,\n"
  "  CHECK (first_day <= last_day)\n"
  ");\n" TOUCH ("calendar_exceptions")
  "CREATE INDEX calendar_exceptions_by_day ON calendar_exceptions (first_day);\n"

  "CREATE TABLE key_periods (\n" ROW_COLUMNS
  "  kind      INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 6),\n"
  "  first_day TEXT NOT NULL " DAY_CHECK ("first_day") ",\n"
  "  last_day  TEXT NOT NULL " DAY_CHECK ("last_day") ",\n"
  "  name      TEXT,\n"
  "  intervals TEXT " JSON_CHECK ("intervals") ",\n"
  "  CHECK (first_day <= last_day)\n"
  ");\n" TOUCH ("key_periods")
  "CREATE INDEX key_periods_by_day ON key_periods (first_day);\n"

  /* The mentor's plan. */
  "CREATE TABLE mentor_slots (\n" ROW_COLUMNS
  "  mentor_id      INTEGER NOT NULL " PERSON_FK " ON DELETE CASCADE,\n"
  "  weekday        INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),\n"
  "  start_minute   INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),\n"
  "  length_minutes INTEGER NOT NULL DEFAULT 15 CHECK (length_minutes > 0),\n"
  "  capacity       INTEGER NOT NULL DEFAULT 1 CHECK (capacity >= 1),\n"
  "  label          TEXT\n"
  ");\n" TOUCH ("mentor_slots")
  "CREATE INDEX mentor_slots_by_mentor ON mentor_slots (mentor_id, weekday, start_minute);\n"

  "CREATE TABLE plan_entries (\n" ROW_COLUMNS
  "  mentor_id       INTEGER NOT NULL " PERSON_FK " ON DELETE CASCADE,\n"
  "  student_id      INTEGER NOT NULL " PERSON_FK " ON DELETE CASCADE,\n"
  "  day             TEXT NOT NULL " DAY_CHECK ("day") ",\n"
  "  slot_id         INTEGER REFERENCES mentor_slots (id) ON DELETE SET NULL,\n"
  "  start_minute    INTEGER CHECK (start_minute IS NULL OR start_minute BETWEEN 0 AND 1439),\n"
  "  position        INTEGER NOT NULL DEFAULT 0,\n"
  "  cycle_first_day TEXT,\n"
  "  status          INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 3),\n"
  "  talk_id         INTEGER REFERENCES talks (id) ON DELETE SET NULL\n"
  ");\n" TOUCH ("plan_entries")
  "CREATE INDEX plan_entries_by_mentor ON plan_entries (mentor_id, day, start_minute);\n"
  "CREATE INDEX plan_entries_by_student ON plan_entries (student_id);\n"
  "CREATE INDEX plan_entries_by_slot ON plan_entries (slot_id) WHERE slot_id IS NOT NULL;\n"
  "CREATE INDEX plan_entries_by_talk ON plan_entries (talk_id) WHERE talk_id IS NOT NULL;\n"

  "CREATE TABLE peer_sessions (\n" ROW_COLUMNS
  "  group_id     INTEGER NOT NULL REFERENCES student_groups (id) ON DELETE CASCADE,\n"
  "  day          TEXT NOT NULL " DAY_CHECK ("day") ",\n"
  "  led_by       INTEGER " PERSON_FK " ON DELETE SET NULL,\n"
  "  led_by_name  TEXT,\n"
  "  participants INTEGER NOT NULL DEFAULT 0 CHECK (participants >= 0),\n"
  "  duration_s   INTEGER CHECK (duration_s IS NULL OR duration_s >= 0),\n"
  "  topic        TEXT,\n"
  "  note         TEXT\n"
  ");\n" TOUCH ("peer_sessions")
  "CREATE INDEX peer_sessions_by_group ON peer_sessions (group_id, day);\n"

  /* What the school runs besides talks, for the work summary. */
  "CREATE TABLE activities (\n" ROW_COLUMNS
  "  kind         INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 6),\n"
  "  day          TEXT NOT NULL " DAY_CHECK ("day") ",\n"
  "  title        TEXT NOT NULL CHECK (length (trim (title)) > 0),\n"
  "  group_id     INTEGER REFERENCES student_groups (id) ON DELETE SET NULL,\n"
  "  led_by       INTEGER " PERSON_FK " ON DELETE SET NULL,\n"
  "  participants INTEGER CHECK (participants IS NULL OR participants >= 0),\n"
  "  note         TEXT\n"
  ");\n" TOUCH ("activities")
  "CREATE INDEX activities_by_day ON activities (day);\n"

  "CREATE TABLE notifications_sent (\n" ROW_COLUMNS
  "  purpose       TEXT NOT NULL,\n"
  "  dedup_key     TEXT NOT NULL,\n"
  "  sent_utc      INTEGER NOT NULL,\n"
  "  withdrawn_utc INTEGER,\n"
  "  UNIQUE (purpose, dedup_key)\n"
  ");\n" TOUCH ("notifications_sent");

/* Version 2: the counselor's note on a care level decision (it was
 * appended to the mentor's reason), the 15:00 notification of a timer in
 * its own row (it was a "timer-goal:<uuid>" setting, moved here), and
 * talks by student and role, so "the last mentor talk" of each student is
 * one seek. */
static const char migration_2[] =
  "ALTER TABLE care_levels ADD COLUMN decision_note TEXT;\n"
  "ALTER TABLE running_timers ADD COLUMN goal_notified_utc INTEGER;\n"
  "UPDATE running_timers SET goal_notified_utc = (SELECT s.updated_utc FROM settings s\n"
  "    WHERE s.key = 'timer-goal:' || running_timers.uuid)\n"
  "  WHERE EXISTS (SELECT 1 FROM settings s WHERE s.key = 'timer-goal:' || running_timers.uuid);\n"
  "DELETE FROM settings WHERE key GLOB 'timer-goal:*';\n"
  "CREATE INDEX IF NOT EXISTS talks_by_student_role ON talks\n"
  "  (student_id, listener_role, start_utc, duration_s, listener_id, with_guardian);\n";

/* Version 3: a make-up school day (调休) runs the timetable of a given
 * weekday ("this Sunday follows Friday's timetable"); NULL keeps the old
 * meaning, Monday. */
static const char migration_3[] =
  "ALTER TABLE calendar_exceptions ADD COLUMN follows_weekday INTEGER\n"
  "  CHECK (follows_weekday IS NULL OR follows_weekday BETWEEN 1 AND 7);\n";

static const QingMigration migrations[] = {
  { migration_1, FALSE },
  { migration_2, FALSE },
  { migration_3, FALSE },
};

/* Returns the migrations in order (static, not to be freed). */
const QingMigration *
qing_schema_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
