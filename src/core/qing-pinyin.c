/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pinyin for names: sort keys in phone-book order, initials, and search by
 * name, initials ("zs" → 张三) or pinyin ("zhangs").
 *
 * Readings come from Unicode's Unihan database (kMandarin, the customary
 * reading in mainland China), turned into a table at build time by
 * build-aux/gen-pinyin.py.  A character has one reading there, which is wrong
 * for a few surnames (曾 is zēng as a surname, céng otherwise), so the FIRST
 * characters of a name are looked up in surname_readings below before the
 * table.
 *
 * A name is split into tokens: each Han character is one token (its
 * syllable), each run of other letters or digits is one token (lowercased,
 * accents dropped), and everything else (spaces, "·", "-") only separates.
 */
#include "qing-pinyin.h"

#include <string.h>

#include "qing-pinyin-table.h"

/* Surnames whose reading differs from the character's usual one.  Used only
 * at the start of a name that has more characters after the surname.
 * Sources: 《现代汉语词典》 surname readings (姓). */
static const struct
{
  const char *surname;
  const char *syllables[2];
} surname_readings[] = {
  { "尉迟", { "yu4", "chi2" } },
  { "万俟", { "mo4", "qi2" } },
  { "单于", { "chan2", "yu2" } },
  { "长孙", { "zhang3", "sun1" } },
  { "曾", { "zeng1" } },
  { "单", { "shan4" } },
  { "解", { "xie4" } },
  { "仇", { "qiu2" } },
  { "朴", { "piao2" } },
  { "区", { "ou1" } },
  { "查", { "zha1" } },
  { "乐", { "yue4" } },
  { "长", { "chang2" } },
  { "任", { "ren2" } },
  { "华", { "hua4" } },
  { "那", { "na1" } },
  { "盖", { "ge3" } },
  { "覃", { "qin2" } },
  { "缪", { "miao4" } },
  { "翟", { "zhai2" } },
  { "员", { "yun4" } },
  { "繁", { "po2" } },
  { "秘", { "bi4" } },
  { "种", { "chong2" } },
  { "过", { "guo1" } },
  { "句", { "gou1" } },
};

typedef struct
{
  char *letters; /* lowercase ASCII syllable or word */
  char  tone;    /* '1'…'5' for a Han syllable, '0' for anything else */
} Token;

static void
token_clear (Token *token)
{
  g_free (token->letters);
}

/* The reading of @c as "zhang1", or NULL when Unihan has none. */
static const char *
lookup_syllable (gunichar c)
{
  gsize lo = 0, hi = G_N_ELEMENTS (qing_pinyin_entries);

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;
      gunichar code = qing_pinyin_entries[mid] >> QING_PINYIN_SYLLABLE_BITS;

      if (code == c)
        return qing_pinyin_syllables[qing_pinyin_entries[mid]
                                     & ((1u << QING_PINYIN_SYLLABLE_BITS) - 1)];
      if (code < c)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}

static void
push_syllable (GArray *tokens, const char *syllable)
{
  gsize len = strlen (syllable);
  Token token = { g_strndup (syllable, len - 1), syllable[len - 1] };

  g_array_append_val (tokens, token);
}

/* Pushes the surname override's syllables and returns how many bytes of
 * @name it covered, or 0 when @name does not start with a listed surname. */
static gsize
push_surname (GArray *tokens, const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (surname_readings); i++)
    {
      const char *surname = surname_readings[i].surname;
      gsize len = strlen (surname);

      /* Only a surname when a given name follows it. */
      if (strncmp (name, surname, len) != 0 || name[len] == '\0')
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (surname_readings[i].syllables); k++)
        if (surname_readings[i].syllables[k] != NULL)
          push_syllable (tokens, surname_readings[i].syllables[k]);
      return len;
    }
  return 0;
}

/* Lowercase ASCII for a Latin letter or digit (accents dropped), or 0. */
static char
plain_letter (gunichar c)
{
  gunichar decomposed[8];
  gsize n;

  if (c < 0x80)
    return g_ascii_isalnum (c) ? g_ascii_tolower (c) : 0;
  n = g_unichar_fully_decompose (g_unichar_tolower (c), FALSE, decomposed,
                                 G_N_ELEMENTS (decomposed));
  if (n > 0 && decomposed[0] < 0x80 && g_ascii_isalnum (decomposed[0]))
    return g_ascii_tolower (decomposed[0]);
  return 0;
}

static GArray *
tokenize (const char *name)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  g_autoptr (GString) word = g_string_new (NULL);
  const char *p = name;

  g_array_set_clear_func (tokens, (GDestroyNotify) token_clear);
  p += push_surname (tokens, name);

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *syllable = lookup_syllable (c);
      char letter = syllable == NULL ? plain_letter (c) : 0;

      if (letter != 0)
        {
          g_string_append_c (word, letter);
          continue;
        }
      if (word->len > 0)
        {
          Token token = { g_strdup (word->str), '0' };
          g_array_append_val (tokens, token);
          g_string_truncate (word, 0);
        }
      if (syllable != NULL)
        push_syllable (tokens, syllable);
      else if (g_unichar_isalnum (c))
        {
          /* A letter with no reading (a rare ideograph, kana…): keep it,
           * after every Latin letter in sort order. */
          Token token = { g_ucs4_to_utf8 (&c, 1, NULL, NULL, NULL), '0' };
          g_array_append_val (tokens, token);
        }
    }
  if (word->len > 0)
    {
      Token token = { g_strdup (word->str), '0' };
      g_array_append_val (tokens, token);
    }
  return tokens;
}

/**
 * qing_pinyin_initials:
 * @name: a name in UTF-8
 *
 * Returns the first letter of the pinyin of each Chinese character of @name,
 * with Latin letters kept (lowercased): "张三" → "zs", "Anna 李" → "annal".
 * The caller owns the returned string.
 */
char *
qing_pinyin_initials (const char *name)
{
  g_autoptr (GArray) tokens = NULL;
  GString *initials = g_string_new (NULL);

  g_return_val_if_fail (name != NULL, NULL);

  tokens = tokenize (name);
  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *token = &g_array_index (tokens, Token, i);

      if (token->tone != '0')
        g_string_append_c (initials, token->letters[0]);
      else if (g_ascii_isalnum (token->letters[0]))
        g_string_append (initials, token->letters);
    }
  return g_string_free (initials, FALSE);
}

/**
 * qing_pinyin_letters:
 * @name: a name in UTF-8
 *
 * Returns the pinyin of @name without tones, syllables and words separated
 * by one space: "张三" → "zhang san", "吕梁" → "lv liang".  The caller owns
 * the returned string.
 */
char *
qing_pinyin_letters (const char *name)
{
  g_autoptr (GArray) tokens = NULL;
  GString *letters = g_string_new (NULL);

  g_return_val_if_fail (name != NULL, NULL);

  tokens = tokenize (name);
  for (guint i = 0; i < tokens->len; i++)
    {
      if (i > 0)
        g_string_append_c (letters, ' ');
      g_string_append (letters, g_array_index (tokens, Token, i).letters);
    }
  return g_string_free (letters, FALSE);
}

/**
 * qing_pinyin_sort_key:
 * @name: a name in UTF-8
 *
 * Returns a key that sorts names with strcmp() in pinyin order, as a Chinese
 * phone book does (阿明 陈七 李四 孙九 王五 张三), whatever the locale: first
 * by the toneless syllables, then by the tones, then by the text itself.
 * Latin names sort among them by their letters.  Compute the key once per
 * name when sorting a long list.  The caller owns the returned string.
 */
char *
qing_pinyin_sort_key (const char *name)
{
  g_autoptr (GArray) tokens = NULL;
  GString *key;

  g_return_val_if_fail (name != NULL, NULL);

  tokens = tokenize (name);
  key = g_string_new (NULL);
  /* Levels are separated by \1, which sorts before the syllable separator
   * (a space) and every letter, so "li" comes before "li si" and "lin". */
  for (guint i = 0; i < tokens->len; i++)
    {
      if (i > 0)
        g_string_append_c (key, ' ');
      g_string_append (key, g_array_index (tokens, Token, i).letters);
    }
  g_string_append_c (key, '\1');
  for (guint i = 0; i < tokens->len; i++)
    g_string_append_c (key, g_array_index (tokens, Token, i).tone);
  g_string_append_c (key, '\1');
  g_string_append (key, name);
  return g_string_free (key, FALSE);
}

/**
 * qing_pinyin_compare:
 * @a: a name in UTF-8
 * @b: another name in UTF-8
 *
 * Compares two names in pinyin order (see qing_pinyin_sort_key()).
 *
 * Returns: < 0 if @a comes first, 0 if they are equal, > 0 otherwise
 */
int
qing_pinyin_compare (const char *a,
                     const char *b)
{
  g_autofree char *key_a = qing_pinyin_sort_key (a);
  g_autofree char *key_b = qing_pinyin_sort_key (b);

  return strcmp (key_a, key_b);
}

/* Whether @query (from @pos) spells tokens[index…] where each token may be
 * shortened to any non-empty prefix: "zs", "zhangs" and "zhsan" all match
 * 张三. */
static gboolean
match_tokens (GArray *tokens, guint index, const char *query)
{
  const char *letters;

  if (*query == '\0')
    return TRUE;
  if (index >= tokens->len)
    return FALSE;
  letters = g_array_index (tokens, Token, index).letters;
  /* ü is stored as "v" (as pinyin input methods type it); "u" finds it too. */
  for (gsize k = 0;
       letters[k] != '\0' && (letters[k] == query[k] || (letters[k] == 'v' && query[k] == 'u'));
       k++)
    if (match_tokens (tokens, index + 1, query + k + 1))
      return TRUE;
  return FALSE;
}

/**
 * qing_pinyin_matches:
 * @name: a name in UTF-8
 * @query: what the user typed
 *
 * Whether a search for @query should find @name: @query is part of the
 * name ("小明" finds 张小明), or, ignoring case, spaces and apostrophes, the
 * start of its pinyin where each syllable may be cut short ("zs", "zhangs",
 * "zhangsan", "zxm" find 张三 or 张小明).  An empty query matches every name.
 */
gboolean
qing_pinyin_matches (const char *name,
                     const char *query)
{
  g_autofree char *folded_name = NULL;
  g_autofree char *folded_query = NULL;
  g_autoptr (GString) plain = NULL;
  g_autoptr (GArray) tokens = NULL;

  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  folded_name = g_utf8_casefold (name, -1);
  folded_query = g_utf8_casefold (query, -1);
  if (strstr (folded_name, folded_query) != NULL)
    return TRUE;

  plain = g_string_new (NULL);
  for (const char *p = folded_query; *p != '\0'; p++)
    if (*p != ' ' && *p != '\'')
      g_string_append_c (plain, g_ascii_tolower (*p));
  if (plain->len == 0)
    return FALSE;

  tokens = tokenize (name);
  if (match_tokens (tokens, 0, plain->str))
    return TRUE;
  return FALSE;
}
