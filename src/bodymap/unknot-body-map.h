/* unknot-body-map.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_BODY_MAP (unknot_body_map_get_type ())

G_DECLARE_FINAL_TYPE (UnknotBodyMap, unknot_body_map, UNKNOT, BODY_MAP, GtkWidget)

GtkWidget   *unknot_body_map_new                (const char    *resource_path);
const char  *unknot_body_map_get_resource_path  (UnknotBodyMap *self);
GStrv        unknot_body_map_dup_region_ids     (UnknotBodyMap *self);
void         unknot_body_map_set_region_label   (UnknotBodyMap *self,
                                                 const char    *region_id,
                                                 const char    *label);
const char  *unknot_body_map_get_selected_region (UnknotBodyMap *self);
void         unknot_body_map_set_selected_region (UnknotBodyMap *self,
                                                  const char    *region_id);
gboolean     unknot_body_map_get_multiple       (UnknotBodyMap *self);
const char * const *unknot_body_map_get_selected_regions (UnknotBodyMap      *self);
void         unknot_body_map_set_selected_regions (UnknotBodyMap      *self,
                                                   const char * const *region_ids);
const char  *unknot_body_map_region_at          (UnknotBodyMap *self,
                                                 double         x,
                                                 double         y);
gboolean     unknot_body_map_find_region_point  (UnknotBodyMap    *self,
                                                 const char       *region_id,
                                                 graphene_point_t *point);
GtkWidget   *unknot_body_map_get_region_widget  (UnknotBodyMap *self,
                                                 const char    *region_id);
void         unknot_body_map_set_region_heat    (UnknotBodyMap *self,
                                                 const char    *region_id,
                                                 double         heat);
void         unknot_body_map_clear_heat         (UnknotBodyMap *self);
void         unknot_body_map_ensure_rendered    (UnknotBodyMap *self);
void         unknot_body_map_get_heat_colour    (double         heat,
                                                 GdkRGBA       *colour);

G_END_DECLS
