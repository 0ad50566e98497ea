/* unknot-trend-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * NOT FINISHED: the interface only, so that the report and the trends page can be
 * written at the same time; it draws nothing yet.
 */

#define G_LOG_DOMAIN "Unknot"

#include "config.h"

#include "unknot-trend-chart.h"

struct _UnknotTrendChart
{
  GtkWidget  parent_instance;

  GArray    *days;
  int        selected_day;
};

G_DEFINE_FINAL_TYPE (UnknotTrendChart, unknot_trend_chart, GTK_TYPE_WIDGET)

static void
unknot_trend_chart_finalize (GObject *object)
{
  UnknotTrendChart *self = UNKNOT_TREND_CHART (object);

  g_clear_pointer (&self->days, g_array_unref);

  G_OBJECT_CLASS (unknot_trend_chart_parent_class)->finalize (object);
}

static void
unknot_trend_chart_class_init (UnknotTrendChartClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = unknot_trend_chart_finalize;
}

static void
unknot_trend_chart_init (UnknotTrendChart *self)
{
}

GtkWidget *
unknot_trend_chart_new (void)
{
  return g_object_new (UNKNOT_TYPE_TREND_CHART, NULL);
}

void
unknot_trend_chart_set_days (UnknotTrendChart *self,
                             GArray           *days,
                             GDateTime        *since,
                             GDateTime        *until)
{
  g_return_if_fail (UNKNOT_IS_TREND_CHART (self));

  g_clear_pointer (&self->days, g_array_unref);
  if (days != NULL)
    self->days = g_array_ref (days);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GArray *
unknot_trend_chart_get_days (UnknotTrendChart *self)
{
  g_return_val_if_fail (UNKNOT_IS_TREND_CHART (self), NULL);

  return self->days;
}

int
unknot_trend_chart_get_selected_day (UnknotTrendChart *self)
{
  g_return_val_if_fail (UNKNOT_IS_TREND_CHART (self), 0);

  return self->selected_day;
}

void
unknot_trend_chart_draw (GtkSnapshot                   *snapshot,
                         PangoContext                  *context,
                         GArray                        *days,
                         GDateTime                     *since,
                         GDateTime                     *until,
                         float                          width,
                         float                          height,
                         const UnknotTrendChartColours *colours)
{
}
