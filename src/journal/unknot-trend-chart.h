/* unknot-trend-chart.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_TREND_CHART (unknot_trend_chart_get_type ())

G_DECLARE_FINAL_TYPE (UnknotTrendChart, unknot_trend_chart, UNKNOT, TREND_CHART, GtkWidget)

/* The colours of one drawing of the chart; the widget takes them from its style. */
typedef struct {
  GdkRGBA before;   /* the line of the pain before a session */
  GdkRGBA after;    /* the line of the pain after it */
  GdkRGBA relief;   /* the area between the two */
  GdkRGBA grid;     /* axes and grid lines */
  GdkRGBA text;     /* the labels of the axes */
} UnknotTrendChartColours;

GtkWidget *unknot_trend_chart_new              (void);
/* @days: (element-type UnknotJournalStatsDay): what unknot_journal_stats_days () gives;
 * @since and @until bound the days shown (@since NULL: from the first day in @days). */
void       unknot_trend_chart_set_days         (UnknotTrendChart              *self,
                                                GArray                        *days,
                                                GDateTime                     *since,
                                                GDateTime                     *until);
GArray    *unknot_trend_chart_get_days         (UnknotTrendChart              *self);
/* The day pointed at or moved to with the keyboard, as yyyymmdd; 0 for none. */
int        unknot_trend_chart_get_selected_day (UnknotTrendChart              *self);

/* The selected day's values in words; NULL for none. */
const char *unknot_trend_chart_get_selection_text (UnknotTrendChart           *self);
void       unknot_trend_chart_select_day       (UnknotTrendChart              *self,
                                                int                            day);
/* What the chart shows in words (unknot_journal_stats_describe ()): the start of its
 * accessible description, before the selected day's values. */
void       unknot_trend_chart_set_summary      (UnknotTrendChart              *self,
                                                const char                    *summary);
const char *unknot_trend_chart_get_summary     (UnknotTrendChart              *self);
/* Where a day and a pain are in the allocated widget (for tests and pointers). */
double     unknot_trend_chart_get_day_x        (UnknotTrendChart              *self,
                                                int                            day);
double     unknot_trend_chart_get_value_y      (UnknotTrendChart              *self,
                                                double                         pain);

/* Draws the chart without a widget, the same way, e.g. into a printed report. */
void       unknot_trend_chart_draw             (GtkSnapshot                   *snapshot,
                                                PangoContext                  *context,
                                                GArray                        *days,
                                                GDateTime                     *since,
                                                GDateTime                     *until,
                                                float                          width,
                                                float                          height,
                                                const UnknotTrendChartColours *colours);

G_END_DECLS
