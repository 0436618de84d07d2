/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *qing_pinyin_initials (const char *name);
char     *qing_pinyin_letters  (const char *name);
char     *qing_pinyin_sort_key (const char *name);
int       qing_pinyin_compare  (const char *a,
                                const char *b);
gboolean  qing_pinyin_matches  (const char *name,
                                const char *query);

G_END_DECLS
