/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The large-school generator: fills an empty database with an invented
 * school (students in classes, mentors, counselors, guardians) and years of
 * daily talks and mood entries, for the benchmark and for trying the views
 * at scale.  Everything is invented and deterministic for a given seed and
 * a given "now" (the store's clock).
 *
 * Also the school calendar of one school year as the demo and the generator
 * write it (terms, holidays, make-up days, key periods).
 */
#pragma once

#include "qing-school-calendar.h"
#include "qing-store.h"

G_BEGIN_DECLS

#define QING_GENERATOR_ERROR (qing_generator_error_quark ())

typedef enum
{
  QING_GENERATOR_ERROR_NOT_EMPTY, /* the database already holds people */
  QING_GENERATOR_ERROR_INVALID,   /* an option out of range */
} QingGeneratorError;

typedef struct
{
  guint   n_students;    /* e.g. 3000 */
  guint   n_mentors;     /* e.g. 60: one class each, extra mentors get no class */
  guint   n_counselors;  /* e.g. 2 */
  guint   n_days;        /* days of history, ending on the clock's today */
  guint   class_size;    /* students per class; 0 means 50 */
  guint32 seed;
} QingGeneratorOptions;

typedef struct
{
  guint64 n_students;
  guint64 n_guardians;
  guint64 n_staff;
  guint64 n_classes;
  guint64 n_care;        /* students with a care level above normal */
  guint64 n_talks;
  guint64 n_moods;
  guint64 n_flags;
  guint64 n_terms;
} QingGeneratorCounts;

/* Called after each generated day (@day_index counts from 0 to @n_days − 1). */
typedef void (*QingGeneratorProgress) (const GDate               *day,
                                       guint                      day_index,
                                       guint                      n_days,
                                       const QingGeneratorCounts *counts,
                                       gpointer                   user_data);

GQuark   qing_generator_error_quark (void);

gboolean qing_generator_run (QingStore                  *store,
                             const QingGeneratorOptions *options,
                             QingGeneratorProgress       progress,
                             gpointer                    user_data,
                             QingGeneratorCounts        *counts,
                             GError                    **error);

gboolean qing_generator_is_empty (QingStore *store,
                                  gboolean  *empty,
                                  GError   **error);

gboolean qing_generator_add_school_year (QingStore          *store,
                                         QingSchoolCalendar *calendar,
                                         int                 first_year,
                                         guint              *n_terms,
                                         GError            **error);

int      qing_generator_school_year_of (const GDate *day);

/* The settings where the generator leaves the moment its history ends
 * (Unix seconds) and the time zone of its days. */
#define QING_GENERATOR_NOW_SETTING "generator-now-utc"
#define QING_GENERATOR_TZ_SETTING  "generator-timezone"

G_END_DECLS
