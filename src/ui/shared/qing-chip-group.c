/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "qing-chip-group.h"
#include "qing-shared-style.h"

struct _QingChipGroup
{
  GtkWidget   parent_instance;

  GtkFlowBox *flow;
  GPtrArray  *chips;    /* GtkToggleButton, in item order */
  char      **selected; /* cached, in item order */
  gboolean    updating;
};

G_DEFINE_FINAL_TYPE (QingChipGroup, qing_chip_group, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
chip_id (GtkToggleButton *chip)
{
  return g_object_get_data (G_OBJECT (chip), "qing-chip-id");
}

/* Rebuilds the cached selection; notifies when it changed. */
static void
update_selected (QingChipGroup *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) selected = NULL;

  for (guint i = 0; i < self->chips->len; i++)
    {
      GtkToggleButton *chip = g_ptr_array_index (self->chips, i);
      if (gtk_toggle_button_get_active (chip))
        g_strv_builder_add (builder, chip_id (chip));
    }
  selected = g_strv_builder_end (builder);
  if (g_strv_equal ((const char * const *) selected, (const char * const *) self->selected))
    return;
  g_strfreev (self->selected);
  self->selected = g_steal_pointer (&selected);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
on_chip_toggled (GtkToggleButton *chip,
                 QingChipGroup   *self)
{
  if (!self->updating)
    update_selected (self);
}

static void
qing_chip_group_dispose (GObject *object)
{
  QingChipGroup *self = QING_CHIP_GROUP (object);

  if (self->flow)
    {
      gtk_widget_unparent (GTK_WIDGET (self->flow));
      self->flow = NULL;
    }
  g_clear_pointer (&self->chips, g_ptr_array_unref);
  G_OBJECT_CLASS (qing_chip_group_parent_class)->dispose (object);
}

static void
qing_chip_group_finalize (GObject *object)
{
  g_strfreev (QING_CHIP_GROUP (object)->selected);
  G_OBJECT_CLASS (qing_chip_group_parent_class)->finalize (object);
}

static void
qing_chip_group_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_boxed (value, QING_CHIP_GROUP (object)->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_chip_group_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_SELECTED:
      qing_chip_group_set_selected (QING_CHIP_GROUP (object), g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_chip_group_class_init (QingChipGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qing_chip_group_dispose;
  object_class->finalize = qing_chip_group_finalize;
  object_class->get_property = qing_chip_group_get_property;
  object_class->set_property = qing_chip_group_set_property;

  properties[PROP_SELECTED] =
    g_param_spec_boxed ("selected", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "qing-chip-group");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
qing_chip_group_init (QingChipGroup *self)
{
  self->chips = g_ptr_array_new ();
  self->selected = g_new0 (char *, 1);
  self->flow = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->flow, GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (self->flow, 6);
  gtk_flow_box_set_row_spacing (self->flow, 6);
  gtk_flow_box_set_max_children_per_line (self->flow, 30);
  /* GtkFlowBox lays children out in columns: equal widths read as a tidy
   * grid, where uneven ones leave ragged gaps */
  gtk_flow_box_set_homogeneous (self->flow, TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->flow), GTK_WIDGET (self));
  qing_shared_style_ensure (GTK_WIDGET (self));
}

/* Creates an empty chip group; returns a floating reference. */
GtkWidget *
qing_chip_group_new (void)
{
  return g_object_new (QING_TYPE_CHIP_GROUP, NULL);
}

/**
 * qing_chip_group_set_items:
 * @ids: (array zero-terminated=1): stable ids, the values of "selected"
 * @labels: (array zero-terminated=1) (nullable): translated labels, as many
 *   as @ids; NULL shows the ids themselves
 *
 * Replaces the chips; ids still present stay selected.
 */
void
qing_chip_group_set_items (QingChipGroup      *self,
                           const char * const *ids,
                           const char * const *labels)
{
  g_auto (GStrv) keep = NULL;
  GtkWidget *child;

  g_return_if_fail (QING_IS_CHIP_GROUP (self));
  g_return_if_fail (ids != NULL);
  g_return_if_fail (labels == NULL || g_strv_length ((char **) labels) == g_strv_length ((char **) ids));

  keep = g_strdupv (self->selected);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->flow))))
    gtk_flow_box_remove (self->flow, child);
  g_ptr_array_set_size (self->chips, 0);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      GtkWidget *chip = gtk_toggle_button_new_with_label (labels ? labels[i] : ids[i]);

      g_object_set_data_full (G_OBJECT (chip), "qing-chip-id", g_strdup (ids[i]), g_free);
      gtk_widget_add_css_class (chip, "qing-chip");
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (chip),
                                    g_strv_contains ((const char * const *) keep, ids[i]));
      g_signal_connect (chip, "toggled", G_CALLBACK (on_chip_toggled), self);
      gtk_flow_box_append (self->flow, chip);
      /* the chip takes the focus, not the flow box's child around it */
      gtk_widget_set_focusable (gtk_widget_get_parent (chip), FALSE);
      g_ptr_array_add (self->chips, chip);
    }
  update_selected (self);
}

/* Returns how many chips there are. */
guint
qing_chip_group_get_n_items (QingChipGroup *self)
{
  g_return_val_if_fail (QING_IS_CHIP_GROUP (self), 0);
  return self->chips->len;
}

/* Returns the ids of the chips that are on, in item order; owned by the
 * group and valid until the selection changes. */
const char * const *
qing_chip_group_get_selected (QingChipGroup *self)
{
  g_return_val_if_fail (QING_IS_CHIP_GROUP (self), NULL);
  return (const char * const *) self->selected;
}

/* Turns on exactly the chips of @ids (NULL: none); unknown ids are ignored. */
void
qing_chip_group_set_selected (QingChipGroup      *self,
                              const char * const *ids)
{
  g_return_if_fail (QING_IS_CHIP_GROUP (self));

  self->updating = TRUE;
  for (guint i = 0; i < self->chips->len; i++)
    {
      GtkToggleButton *chip = g_ptr_array_index (self->chips, i);
      gtk_toggle_button_set_active (chip, ids && g_strv_contains (ids, chip_id (chip)));
    }
  self->updating = FALSE;
  update_selected (self);
}

/* Returns the chip of @id, owned by the group, or NULL. */
GtkToggleButton *
qing_chip_group_get_chip (QingChipGroup *self,
                          const char    *id)
{
  g_return_val_if_fail (QING_IS_CHIP_GROUP (self), NULL);
  for (guint i = 0; i < self->chips->len; i++)
    if (g_strcmp0 (chip_id (g_ptr_array_index (self->chips, i)), id) == 0)
      return g_ptr_array_index (self->chips, i);
  return NULL;
}
