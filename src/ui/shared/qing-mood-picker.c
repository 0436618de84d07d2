/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <glib/gi18n.h>

#include "qing-chip-group.h"
#include "qing-mood-face.h"
#include "qing-mood-picker.h"
#include "qing-shared-style.h"

struct _QingMoodPicker
{
  GtkWidget        parent_instance;

  GtkWidget       *box;
  GtkWidget       *faces;
  GtkWidget       *face_words;
  GtkLabel        *extreme_low;
  GtkLabel        *extreme_high;
  GtkLabel        *valence_label;
  GtkToggleButton *energy_low;
  GtkToggleButton *energy_medium;
  GtkToggleButton *energy_high;
  QingChipGroup   *words_pleasant;
  QingChipGroup   *words_neutral;
  QingChipGroup   *words_unpleasant;
  QingChipGroup   *areas;
  GtkEntry        *note;

  GtkToggleButton *face_buttons[7];
  gboolean         valence_set;
  int              valence;
  QingMoodEnergy   energy;
  char           **words;
  guint            quiet; /* > 0 while resetting: one "changed" at the end */
  gboolean         syncing_energy;
};

G_DEFINE_FINAL_TYPE (QingMoodPicker, qing_mood_picker, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VALENCE,
  PROP_VALENCE_SET,
  PROP_ENERGY,
  PROP_WORDS,
  PROP_AREAS,
  PROP_NOTE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
changed (QingMoodPicker *self, int prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  if (self->quiet == 0)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
update_valence_label (QingMoodPicker *self)
{
  gtk_label_set_text (self->valence_label, self->valence_set
                      ? qing_mood_vocab_valence_label (self->valence)
                      : _("Choose a face"));
}

static void
on_face_toggled (GtkToggleButton *button,
                 QingMoodPicker  *self)
{
  if (gtk_toggle_button_get_active (button))
    qing_mood_picker_set_valence (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button),
                                                                            "qing-valence")));
}

static GtkWidget *
make_face_button (QingMoodPicker *self, int valence)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *face = qing_mood_face_new (valence);

  qing_mood_face_set_size (QING_MOOD_FACE (face), 34);
  gtk_button_set_child (GTK_BUTTON (button), face);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "qing-face");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  qing_mood_vocab_valence_label (valence), -1);
  gtk_widget_set_tooltip_text (button, qing_mood_vocab_valence_label (valence));
  g_object_set_data (G_OBJECT (button), "qing-valence", GINT_TO_POINTER (valence));
  if (valence > -3)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->face_buttons[0]);
  g_signal_connect (button, "toggled", G_CALLBACK (on_face_toggled), self);
  return button;
}

static void
on_energy_toggled (GtkToggleButton *button,
                   QingMoodPicker  *self)
{
  QingMoodEnergy energy = QING_MOOD_ENERGY_NONE;

  if (self->syncing_energy)
    return;
  /* exclusive, but a second click on the active level turns it off */
  if (gtk_toggle_button_get_active (button))
    energy = button == self->energy_low ? QING_MOOD_ENERGY_LOW
           : button == self->energy_medium ? QING_MOOD_ENERGY_MEDIUM
           : QING_MOOD_ENERGY_HIGH;
  else if (gtk_toggle_button_get_active (self->energy_low)
           || gtk_toggle_button_get_active (self->energy_medium)
           || gtk_toggle_button_get_active (self->energy_high))
    return; /* another level is being turned on */
  qing_mood_picker_set_energy (self, energy);
}

static void
collect_words (QingMoodPicker *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  g_strv_builder_addv (builder, (const char **) qing_chip_group_get_selected (self->words_pleasant));
  g_strv_builder_addv (builder, (const char **) qing_chip_group_get_selected (self->words_neutral));
  g_strv_builder_addv (builder,
                       (const char **) qing_chip_group_get_selected (self->words_unpleasant));
  g_strfreev (self->words);
  self->words = g_strv_builder_end (builder);
}

static void
on_words_changed (QingChipGroup  *group,
                  GParamSpec     *pspec,
                  QingMoodPicker *self)
{
  collect_words (self);
  changed (self, PROP_WORDS);
}

static void
on_areas_changed (QingChipGroup  *group,
                  GParamSpec     *pspec,
                  QingMoodPicker *self)
{
  changed (self, PROP_AREAS);
}

static void
on_note_changed (GtkEditable    *editable,
                 QingMoodPicker *self)
{
  changed (self, PROP_NOTE);
}

/* Arrow keys across the faces: Left/Right pick the neighbouring level. */
static void
step_valence (QingMoodPicker *self, int delta)
{
  int valence = self->valence_set ? CLAMP (self->valence + delta, -3, 3) : 0;

  qing_mood_picker_set_valence (self, valence);
  gtk_widget_grab_focus (GTK_WIDGET (self->face_buttons[valence + 3]));
}

static void
previous_level_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  step_valence (QING_MOOD_PICKER (widget), -1);
}

static void
next_level_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  step_valence (QING_MOOD_PICKER (widget), +1);
}

static void
add_arrow_shortcuts (QingMoodPicker *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  const struct { guint key; const char *action; } keys[] = {
    { GDK_KEY_Left, "mood-picker.previous-level" },
    { GDK_KEY_KP_Left, "mood-picker.previous-level" },
    { GDK_KEY_Right, "mood-picker.next-level" },
    { GDK_KEY_KP_Right, "mood-picker.next-level" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, 0),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (self->faces, controller);
}

static void
fill_chips (QingChipGroup *group, const QingMoodWord *table, gsize n, int kind, QingMoodGroup only)
{
  g_autoptr (GPtrArray) ids = g_ptr_array_new ();
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();

  for (gsize i = 0; i < n; i++)
    if (kind == 1 || table[i].group == only)
      {
        g_ptr_array_add (ids, (gpointer) table[i].id);
        g_ptr_array_add (labels, (gpointer) (kind == 1 ? qing_mood_vocab_area_label (table[i].id)
                                                       : qing_mood_vocab_word_label (table[i].id)));
      }
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (labels, NULL);
  qing_chip_group_set_items (group, (const char * const *) ids->pdata,
                             (const char * const *) labels->pdata);
}

static void
label_chip_groups (QingMoodPicker *self)
{
  struct { QingChipGroup *group; const char *label; } groups[] = {
    { self->words_pleasant, qing_mood_vocab_group_label (QING_MOOD_GROUP_PLEASANT) },
    { self->words_neutral, qing_mood_vocab_group_label (QING_MOOD_GROUP_NEUTRAL) },
    { self->words_unpleasant, qing_mood_vocab_group_label (QING_MOOD_GROUP_UNPLEASANT) },
    { self->areas, _("What is it about?") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    gtk_accessible_update_property (GTK_ACCESSIBLE (groups[i].group),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, groups[i].label, -1);
}

static void
qing_mood_picker_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), QING_TYPE_MOOD_PICKER);
  G_OBJECT_CLASS (qing_mood_picker_parent_class)->dispose (object);
}

static void
qing_mood_picker_finalize (GObject *object)
{
  g_strfreev (QING_MOOD_PICKER (object)->words);
  G_OBJECT_CLASS (qing_mood_picker_parent_class)->finalize (object);
}

static void
qing_mood_picker_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  QingMoodPicker *self = QING_MOOD_PICKER (object);

  switch (prop_id)
    {
    case PROP_VALENCE:
      g_value_set_int (value, self->valence);
      break;
    case PROP_VALENCE_SET:
      g_value_set_boolean (value, self->valence_set);
      break;
    case PROP_ENERGY:
      g_value_set_int (value, self->energy);
      break;
    case PROP_WORDS:
      g_value_set_boxed (value, self->words);
      break;
    case PROP_AREAS:
      g_value_set_boxed (value, qing_chip_group_get_selected (self->areas));
      break;
    case PROP_NOTE:
      g_value_set_string (value, qing_mood_picker_get_note (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qing_mood_picker_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  QingMoodPicker *self = QING_MOOD_PICKER (object);

  switch (prop_id)
    {
    case PROP_VALENCE:
      qing_mood_picker_set_valence (self, g_value_get_int (value));
      break;
    case PROP_VALENCE_SET:
      if (!g_value_get_boolean (value))
        qing_mood_picker_reset (self);
      break;
    case PROP_ENERGY:
      qing_mood_picker_set_energy (self, g_value_get_int (value));
      break;
    case PROP_WORDS:
      qing_mood_picker_set_words (self, g_value_get_boxed (value));
      break;
    case PROP_AREAS:
      qing_mood_picker_set_areas (self, g_value_get_boxed (value));
      break;
    case PROP_NOTE:
      qing_mood_picker_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_properties (GObjectClass *object_class)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  properties[PROP_VALENCE] = g_param_spec_int ("valence", NULL, NULL, -3, 3, 0, flags);
  properties[PROP_VALENCE_SET] = g_param_spec_boolean ("valence-set", NULL, NULL, FALSE, flags);
  properties[PROP_ENERGY] = g_param_spec_int ("energy", NULL, NULL, 0, 3, 0, flags);
  properties[PROP_WORDS] = g_param_spec_boxed ("words", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_AREAS] = g_param_spec_boxed ("areas", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qing_mood_picker_class_init (QingMoodPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qing_mood_picker_dispose;
  object_class->finalize = qing_mood_picker_finalize;
  object_class->get_property = qing_mood_picker_get_property;
  object_class->set_property = qing_mood_picker_set_property;
  install_properties (object_class);

  /**
   * QingMoodPicker::changed:
   *
   * Emitted after any value changed (once for a reset).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (QING_TYPE_CHIP_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/qingting/Qingting/ui/shared/qing-mood-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, QingMoodPicker, box);
  gtk_widget_class_bind_template_child (widget_class, QingMoodPicker, faces);
  gtk_widget_class_bind_template_child (widget_class, QingMoodPicker, face_words);
  gtk_widget_class_bind_template_child (widget_class, QingMoodPicker, extreme_low);
  gtk_widget_class_bind_template_child (widget_class, QingMoodPicker, extreme_high);
  gtk_widget_class_bind_template_child (widget_class, QingMoodPicker, valence_label);
  gtk_widget_class_bind_template_child (widget_class, QingMoodPicker, energy_low);
  gtk_widget_class_bind_template_child (widget_class, QingMoodPicker, energy_medium);
  gtk_widget_class_bind_template_child (widget_class, QingMoodPicker, energy_high);
  gtk_widget_class_bind_template_child (widget_class, QingMoodPicker, words_pleasant);
  gtk_widget_class_bind_template_child (widget_class, QingMoodPicker, words_neutral);
  gtk_widget_class_bind_template_child (widget_class, QingMoodPicker, words_unpleasant);
  gtk_widget_class_bind_template_child (widget_class, QingMoodPicker, areas);
  gtk_widget_class_bind_template_child (widget_class, QingMoodPicker, note);
  gtk_widget_class_bind_template_callback (widget_class, on_energy_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_words_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_areas_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_note_changed);
  gtk_widget_class_install_action (widget_class, "mood-picker.previous-level", NULL,
                                   previous_level_cb);
  gtk_widget_class_install_action (widget_class, "mood-picker.next-level", NULL, next_level_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "qing-mood-picker");
}

static void
qing_mood_picker_init (QingMoodPicker *self)
{
  const QingMoodWord *table;
  gsize n;

  self->words = g_new0 (char *, 1);
  gtk_widget_init_template (GTK_WIDGET (self));
  qing_shared_style_ensure (GTK_WIDGET (self));

  for (int v = -3; v <= 3; v++)
    {
      GtkWidget *word = gtk_label_new (qing_mood_vocab_valence_label (v));

      self->face_buttons[v + 3] = GTK_TOGGLE_BUTTON (make_face_button (self, v));
      gtk_box_append (GTK_BOX (self->faces), GTK_WIDGET (self->face_buttons[v + 3]));
      /* words under the faces when they fit, else only the two extremes
       * (the squeezer picks); every face keeps its word as tooltip and
       * accessible label */
      gtk_label_set_justify (GTK_LABEL (word), GTK_JUSTIFY_CENTER);
      gtk_label_set_wrap (GTK_LABEL (word), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (word), PANGO_WRAP_WORD);
      gtk_widget_add_css_class (word, "qing-face-word");
      gtk_box_append (GTK_BOX (self->face_words), word);
    }
  gtk_label_set_text (self->extreme_low, qing_mood_vocab_valence_label (-3));
  gtk_label_set_text (self->extreme_high, qing_mood_vocab_valence_label (3));
  add_arrow_shortcuts (self);

  table = qing_mood_vocab_get_words (&n);
  fill_chips (self->words_pleasant, table, n, 0, QING_MOOD_GROUP_PLEASANT);
  fill_chips (self->words_neutral, table, n, 0, QING_MOOD_GROUP_NEUTRAL);
  fill_chips (self->words_unpleasant, table, n, 0, QING_MOOD_GROUP_UNPLEASANT);
  table = qing_mood_vocab_get_areas (&n);
  fill_chips (self->areas, table, n, 1, QING_MOOD_GROUP_NEUTRAL);
  label_chip_groups (self);
}

/* Creates an empty picker; returns a floating reference. */
GtkWidget *
qing_mood_picker_new (void)
{
  return g_object_new (QING_TYPE_MOOD_PICKER, NULL);
}

/* Returns whether a face is chosen. */
gboolean
qing_mood_picker_get_valence_set (QingMoodPicker *self)
{
  g_return_val_if_fail (QING_IS_MOOD_PICKER (self), FALSE);
  return self->valence_set;
}

/* Returns the chosen level, −3..+3 (0 when none is chosen). */
int
qing_mood_picker_get_valence (QingMoodPicker *self)
{
  g_return_val_if_fail (QING_IS_MOOD_PICKER (self), 0);
  return self->valence;
}

/* Chooses the face of @valence (−3..+3). */
void
qing_mood_picker_set_valence (QingMoodPicker *self,
                              int             valence)
{
  gboolean was_set;

  g_return_if_fail (QING_IS_MOOD_PICKER (self));
  g_return_if_fail (valence >= -3 && valence <= 3);
  if (self->valence_set && self->valence == valence)
    return;
  was_set = self->valence_set;
  self->valence_set = TRUE;
  self->valence = valence;
  gtk_toggle_button_set_active (self->face_buttons[valence + 3], TRUE);
  update_valence_label (self);
  if (!was_set)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALENCE_SET]);
  changed (self, PROP_VALENCE);
}

/* Returns the energy level, QING_MOOD_ENERGY_NONE when not given. */
QingMoodEnergy
qing_mood_picker_get_energy (QingMoodPicker *self)
{
  g_return_val_if_fail (QING_IS_MOOD_PICKER (self), QING_MOOD_ENERGY_NONE);
  return self->energy;
}

/* Sets the energy level; QING_MOOD_ENERGY_NONE clears it. */
void
qing_mood_picker_set_energy (QingMoodPicker *self,
                             QingMoodEnergy  energy)
{
  g_return_if_fail (QING_IS_MOOD_PICKER (self));
  g_return_if_fail (energy <= QING_MOOD_ENERGY_HIGH);
  if (self->energy == energy)
    return;
  self->energy = energy;
  self->syncing_energy = TRUE;
  gtk_toggle_button_set_active (self->energy_low, energy == QING_MOOD_ENERGY_LOW);
  gtk_toggle_button_set_active (self->energy_medium, energy == QING_MOOD_ENERGY_MEDIUM);
  gtk_toggle_button_set_active (self->energy_high, energy == QING_MOOD_ENERGY_HIGH);
  self->syncing_energy = FALSE;
  changed (self, PROP_ENERGY);
}

/* Returns the chosen emotion word ids in list order, owned by the picker. */
const char * const *
qing_mood_picker_get_words (QingMoodPicker *self)
{
  g_return_val_if_fail (QING_IS_MOOD_PICKER (self), NULL);
  return (const char * const *) self->words;
}

/* Chooses exactly the emotion words of @words (NULL: none); ids that are
 * not in the list are dropped. */
void
qing_mood_picker_set_words (QingMoodPicker     *self,
                            const char * const *words)
{
  g_return_if_fail (QING_IS_MOOD_PICKER (self));
  /* each group notifies on its own; on_words_changed() collects */
  qing_chip_group_set_selected (self->words_pleasant, words);
  qing_chip_group_set_selected (self->words_neutral, words);
  qing_chip_group_set_selected (self->words_unpleasant, words);
}

/* Returns the chosen life area ids in list order, owned by the picker. */
const char * const *
qing_mood_picker_get_areas (QingMoodPicker *self)
{
  g_return_val_if_fail (QING_IS_MOOD_PICKER (self), NULL);
  return qing_chip_group_get_selected (self->areas);
}

/* Chooses exactly the life areas of @areas (NULL: none). */
void
qing_mood_picker_set_areas (QingMoodPicker     *self,
                            const char * const *areas)
{
  g_return_if_fail (QING_IS_MOOD_PICKER (self));
  qing_chip_group_set_selected (self->areas, areas);
}

/* Returns the note, owned by the picker ("" when empty). */
const char *
qing_mood_picker_get_note (QingMoodPicker *self)
{
  g_return_val_if_fail (QING_IS_MOOD_PICKER (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->note));
}

/* Sets the note. */
void
qing_mood_picker_set_note (QingMoodPicker *self,
                           const char     *note)
{
  g_return_if_fail (QING_IS_MOOD_PICKER (self));
  if (g_strcmp0 (note ? note : "", qing_mood_picker_get_note (self)) == 0)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->note), note ? note : "");
}

/* Clears every value, ready for the next entry; emits "changed" once. */
void
qing_mood_picker_reset (QingMoodPicker *self)
{
  g_return_if_fail (QING_IS_MOOD_PICKER (self));

  self->quiet++;
  if (self->valence_set)
    {
      self->valence_set = FALSE;
      gtk_toggle_button_set_active (self->face_buttons[self->valence + 3], FALSE);
      self->valence = 0;
      update_valence_label (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALENCE_SET]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALENCE]);
    }
  qing_mood_picker_set_energy (self, QING_MOOD_ENERGY_NONE);
  qing_mood_picker_set_words (self, NULL);
  qing_mood_picker_set_areas (self, NULL);
  qing_mood_picker_set_note (self, "");
  self->quiet--;
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Returns the button of the face for @valence, owned by the picker (for
 * focus handling and tests). */
GtkWidget *
qing_mood_picker_get_face_button (QingMoodPicker *self,
                                  int             valence)
{
  g_return_val_if_fail (QING_IS_MOOD_PICKER (self), NULL);
  g_return_val_if_fail (valence >= -3 && valence <= 3, NULL);
  return GTK_WIDGET (self->face_buttons[valence + 3]);
}
