/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Looking at a database file before anything writes to it.  Private to
 * the store (opening and restoring).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Databases up to this size get a full PRAGMA quick_check when opened
 * (measured here: about 3 ms per MiB, so opening stays near 10 ms); larger
 * ones only the header and schema checks, as a school's 36 MiB would take
 * 120 ms and 5 years of one 3 s at every start.  The daily backup checks
 * every database in full, whatever its size. */
#define QING_STORE_QUICK_CHECK_MAX_BYTES (2 * 1024 * 1024)

/* How long a connection waits for another one's lock (another process
 * reading, or recovering the write-ahead log after a crash) before it
 * gives up.  The inspection waits too: a passing lock is not damage. */
#define QING_STORE_BUSY_TIMEOUT_MS 5000

/* The schema version this build writes (with the test hook's migration). */
guint    qing_store_known_version (void);

gboolean qing_store_inspect_file (const char *path,
                                  guint       known_version,
                                  gboolean    full_check,
                                  GError    **error);

G_END_DECLS
