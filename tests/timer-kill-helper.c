/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helper of test-timer-kill: opens the store at argv[1] with the system
 * clock, adds a guardian and a child, starts a listening timer through
 * QingTimerService, prints "<guardian id> <child id>" and runs its main loop
 * (heartbeat included) until the test kills it with SIGKILL.
 */
#include <stdio.h>

#include "qing-timer-service.h"

int
main (int argc, char *argv[])
{
  g_autoptr (QingClock) clock = qing_clock_new_system ();
  g_autoptr (QingStore) store = NULL;
  g_autoptr (QingTimerService) service = NULL;
  g_autoptr (QingPerson) guardian = qing_person_new (QING_PERSON_GUARDIAN, "王丽华");
  g_autoptr (QingPerson) child = qing_person_new (QING_PERSON_STUDENT, "张小明");
  g_autoptr (QingRunningTimer) timer = NULL;
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr (GError) error = NULL;

  if (argc != 2)
    {
      g_printerr ("Usage: %s DATABASE\n", argv[0]);
      return 2;
    }
  store = qing_store_open (argv[1], clock, &error);
  if (store == NULL
      || !qing_store_add_person (store, guardian, &error)
      || !qing_store_add_child (store, qing_person_get_id (guardian), child, "母亲", &error))
    goto failed;
  service = qing_timer_service_new (store, clock, NULL);
  timer = qing_timer_service_start (service, qing_person_get_id (child),
                                    qing_person_get_id (guardian), QING_ROLE_PARENT, &error);
  if (timer == NULL)
    goto failed;

  printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", qing_person_get_id (guardian),
          qing_person_get_id (child));
  fflush (stdout);
  g_main_loop_run (loop);
  return 0;

failed:
  g_printerr ("%s\n", error->message);
  return 1;
}
