/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QingChipGroup: a set of strings shown as toggle chips that wrap in a
 * GtkFlowBox; any number can be on.  Used for emotion words, life areas and
 * talk topics.  Each chip has a stable id and a (translated) label.
 *
 * Properties:
 *   selected  GStrv  the ids of the chips that are on, in item order
 *                    (read/write; notifies on every toggle)
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define QING_TYPE_CHIP_GROUP (qing_chip_group_get_type ())
G_DECLARE_FINAL_TYPE (QingChipGroup, qing_chip_group, QING, CHIP_GROUP, GtkWidget)

GtkWidget          *qing_chip_group_new (void);
void                qing_chip_group_set_items (QingChipGroup      *self,
                                               const char * const *ids,
                                               const char * const *labels);
guint               qing_chip_group_get_n_items (QingChipGroup *self);
const char * const *qing_chip_group_get_selected (QingChipGroup *self);
void                qing_chip_group_set_selected (QingChipGroup      *self,
                                                  const char * const *ids);
GtkToggleButton    *qing_chip_group_get_chip (QingChipGroup *self,
                                              const char    *id);

G_END_DECLS
