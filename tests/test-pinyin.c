/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "qing-pinyin.h"

static void
test_initials (void)
{
  static const struct
  {
    const char *name;
    const char *initials;
  } cases[] = {
    { "张三", "zs" },
    { "李四", "ls" },
    { "欧阳娜娜", "oynn" },
    { "曾小贤", "zxx" },       /* surname 曾 is zēng, not céng */
    { "单雨桐", "syt" },       /* surname 单 is shàn */
    { "尉迟恭明", "ycgm" },    /* compound surname 尉迟 is yùchí */
    { "吕子涵", "lzh" },
    { "Anna", "anna" },
    { "Tom 王", "tomw" },
    { "阿依古丽·买买提", "aygl" "mmt" },
    { "", "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *initials = qing_pinyin_initials (cases[i].name);
      g_assert_cmpstr (initials, ==, cases[i].initials);
    }
}

static void
test_letters (void)
{
  g_autofree char *zhang = qing_pinyin_letters ("张三");
  g_autofree char *lv = qing_pinyin_letters ("吕梁");
  g_autofree char *ceng_alone = qing_pinyin_letters ("曾");

  g_assert_cmpstr (zhang, ==, "zhang san");
  g_assert_cmpstr (lv, ==, "lv liang");
  /* A lone character is not read as a surname. */
  g_assert_cmpstr (ceng_alone, ==, "ceng");
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return qing_pinyin_compare (*(const char **) a, *(const char **) b);
}

static void
assert_sorts_to (const char *const *expected, gsize n)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();

  /* Insert in reverse, then sort. */
  for (gsize i = n; i > 0; i--)
    g_ptr_array_add (names, (gpointer) expected[i - 1]);
  g_ptr_array_sort (names, compare_names);
  for (gsize i = 0; i < n; i++)
    g_assert_cmpstr (g_ptr_array_index (names, i), ==, expected[i]);
}

static void
test_phone_book_order (void)
{
  static const char *const plain[] = { "阿明", "陈七", "李四", "孙九", "王五", "张三" };
  /* Latin names among Chinese by letters; syllable by syllable (li yi <
   * li yi ming < lin); same letters by tone (李 lǐ before 丽 lì); 曾 as a
   * surname is zēng, before 张 zhāng. */
  static const char *const mixed[] = {
    "阿明", "Anna", "Ben", "陈七", "Lee", "李一", "丽一", "李一鸣", "林一", "曾小贤", "张三", "Zoe",
  };

  assert_sorts_to (plain, G_N_ELEMENTS (plain));
  assert_sorts_to (mixed, G_N_ELEMENTS (mixed));
  g_assert_cmpint (qing_pinyin_compare ("王五", "王五"), ==, 0);
  g_assert_cmpint (qing_pinyin_compare ("anna", "Anna"), !=, 0);
}

static void
test_tone_order (void)
{
  /* 妈 mā < 麻 má < 马 mǎ < 骂 mà once the letters are equal. */
  static const char *const names[] = { "妈一", "麻一", "马一", "骂一" };

  assert_sorts_to (names, G_N_ELEMENTS (names));
}

static void
test_matches (void)
{
  static const struct
  {
    const char *name;
    const char *query;
    gboolean    found;
  } cases[] = {
    { "张三", "zs", TRUE },
    { "张三", "ZS", TRUE },
    { "张三", "zhangs", TRUE },
    { "张三", "zhang san", TRUE },
    { "张三", "zhangsan", TRUE },
    { "张三", "z", TRUE },
    { "张三", "张", TRUE },
    { "张三", "三", TRUE },
    { "张三", "", TRUE },
    { "张三", "ls", FALSE },
    { "张三", "sz", FALSE },
    { "张三", "zhangsang", FALSE },
    { "李四", "zs", FALSE },
    { "张小明", "zxm", TRUE },
    { "张小明", "小明", TRUE },
    { "欧阳娜娜", "oyn", TRUE },
    { "欧阳娜娜", "ouyang", TRUE },
    { "曾小贤", "zxx", TRUE },
    { "曾小贤", "cxx", FALSE },
    { "吕子涵", "lvzh", TRUE },
    { "吕子涵", "luzh", TRUE },
    { "Anna Li", "al", TRUE },
    { "Anna Li", "li", TRUE },
    { "Anna Li", "ANN", TRUE },
    { "Anna Li", "bob", FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean found = qing_pinyin_matches (cases[i].name, cases[i].query);

      if (found != cases[i].found)
        g_error ("qing_pinyin_matches (\"%s\", \"%s\") = %d, expected %d",
                 cases[i].name, cases[i].query, found, cases[i].found);
    }
}

static int
compare_keys (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static void
test_many_names_fast (void)
{
  /* 3,000 names sort in well under a second (keys computed once). */
  static const char surnames[] = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
  static const char given[] = "子涵雨桐小明梓萱浩然欣怡一诺思远佳琪宇轩";
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  glong n_s = g_utf8_strlen (surnames, -1), n_g = g_utf8_strlen (given, -1);
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < 3000; i++)
    {
      const char *s = g_utf8_offset_to_pointer (surnames, i % n_s);
      const char *g1 = g_utf8_offset_to_pointer (given, (i / n_s) % n_g);
      const char *g2 = g_utf8_offset_to_pointer (given, (i * 7) % n_g);
      g_autofree char *name = g_strdup_printf ("%.3s%.3s%.3s", s, g1, g2);

      g_ptr_array_add (keys, qing_pinyin_sort_key (name));
    }
  g_ptr_array_sort (keys, compare_keys);
  g_assert_cmpuint (keys->len, ==, 3000);
  for (guint i = 1; i < keys->len; i++)
    g_assert_cmpint (strcmp (g_ptr_array_index (keys, i - 1), g_ptr_array_index (keys, i)), <=, 0);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pinyin/initials", test_initials);
  g_test_add_func ("/pinyin/letters", test_letters);
  g_test_add_func ("/pinyin/phone-book-order", test_phone_book_order);
  g_test_add_func ("/pinyin/tone-order", test_tone_order);
  g_test_add_func ("/pinyin/matches", test_matches);
  g_test_add_func ("/pinyin/many-names", test_many_names_fast);

  return g_test_run ();
}
