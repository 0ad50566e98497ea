/* unknot-trend-raster.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The trend chart's kept drawing, rasterised straight into memory at device pixels:
 * GTK 4.18 rasterises stroke and fill nodes through cairo on the CPU, with any
 * renderer, and cairo's general scan converter takes 15–25 ms for a year of zigzag
 * (every row crosses hundreds of edges). The chart's shapes are few and simple, so
 * each gets a rasteriser of its own, antialiased close to cairo's (a year at
 * 720×240: 0.5 % of the bytes differ by more than 8 of 255, none by half a pixel's
 * cover; tests/test-trend-chart.c checks it):
 *
 *  - a line of round joins and caps is the union of capsules, one a segment: a pixel
 *    is covered as a straight edge would cover it, at its distance from the nearest
 *    segment and across the direction to it, which also makes a join round; where
 *    two segments each cover part of a pixel, their union is estimated from how
 *    much their edges face each other (see cover ());
 *  - a dot likewise, by its distance to the centre;
 *  - a grid line or a bar is an axis-aligned rectangle, covered exactly;
 *  - the relief between two lines that share their x is, in each pixel column,
 *    the interval between them at 16 points across the column, covered exactly
 *    down the column, so the work is per column, not per crossing edge; it is
 *    painted as it goes, each pixel once.
 *
 * Shapes add to a coverage mask (8 bits a pixel); composite paints the mask in a
 * colour, source over, onto premultiplied pixels, and empties it, so that every
 * shape of one colour is blended once, as one path would be.
 *
 * Shapes are drawn into slices of rows, so that threads can draw a picture's
 * slices at once: a slice writes only its own rows (of the pixels, the mask and the
 * normals) and clears them itself when it is made, in its own thread; the whole
 * draws nothing, and its texture clears the rows no slice drew. Nothing a pixel
 * gets depends on where the slices are cut: the chart cuts them where the work is
 * equal (its estimate of the segments, dots and bands on each row), not the rows.
 *
 * Where the time goes, and what keeps it low: on most of a capsule's rows, the band
 * that it can reach (the radius and half a pixel's diagonal either side of its
 * line) lies wholly beside the segment, between its ends, and so does every pixel
 * it can cover: those rows take only the pixels whose middles lie where the edge
 * can cover (the radius and the edge's half width either side of the middle line),
 * each worked out across the segment alone, with no test of how far along it is;
 * within the radius less that half width a pixel is all in, and set so at once. Only the few rows near an end ask, pixel by pixel, whether it is
 * beside or around the end. A pixel already all in is skipped; one that nothing
 * covered yet takes its cover and normal as they are. The capsules mark the mask
 * for composite by their box, once each, which composite adds to its rows. Composite
 * skips empty mask sixteen pixels at a time and blends the rest without a branch, a
 * byte at a time, which the compiler vectorises. The relief skips the columns whose
 * band lies wholly outside a slice, and takes its colour at each coverage from a
 * table.
 */

#define G_LOG_DOMAIN "unknot-trend-raster"

#include "config.h"

#include <math.h>
#include <string.h>

#include "unknot-trend-raster.h"

#define BAND_SAMPLES 16

struct _UnknotTrendRaster
{
  int     width, height;
  int     top, bottom;  /* the rows drawn: all, or a slice's */
  gboolean slice;       /* the pixels and the mask are another's */
  guchar *pixels;      /* GDK_MEMORY_DEFAULT (cairo's ARGB32), width × 4 a row */
  guchar *cleared;     /* a row's pixels and mask are cleared (by its slice) */
  guchar *coverage;    /* 0–255 a pixel */
  gint8  *normals;     /* where a line partly covers a pixel, its edge's normal × 127 */
  int     y0, y1;      /* the rows the mask touches: [y0, y1) */
  int    *from, *to;   /* and in each row, [from, to) */
  int     box_y0, box_y1, box_from, box_to; /* and the box of every capsule's */
  float  *column;      /* the band's steps down one column, height + 2 */
  float  *fraction;    /* and their fractions */
  gboolean band_ready;
  guint32 band_source; /* the band's colour, and that at each coverage */
  guint32 band[256];
};

static inline int
floor_int (float v)
{
  int i = (int) v;

  return i - (v < (float) i);
}

static inline int
ceil_int (float v)
{
  return -floor_int (-v);
}

/* The mask has something in row @j, from @from to @to. */
static inline void
touch (UnknotTrendRaster *self,
       int                j,
       int                from,
       int                to)
{
  self->y0 = MIN (self->y0, j);
  self->y1 = MAX (self->y1, j + 1);
  self->from[j] = MIN (self->from[j], from);
  self->to[j] = MAX (self->to[j], to);
}

static void
untouch (UnknotTrendRaster *self)
{
  for (int j = self->top; j < self->bottom; j++)
    {
      self->from[j] = self->width;
      self->to[j] = 0;
    }
  self->y0 = self->bottom;
  self->y1 = self->top;
  self->box_y0 = self->box_y1 = self->top;
  self->box_from = self->box_to = 0;
}

/* [*from, *to) of the pixels that @lo to @hi may touch, clipped to [0, @size). */
static gboolean
span (float  lo,
      float  hi,
      int    size,
      int   *from,
      int   *to)
{
  *from = MAX (0, floor_int (lo));
  *to = MIN (size, ceil_int (hi));
  return *from < *to;
}

/* The rows [*from, *to) that @lo to @hi may touch, of those drawn. */
static gboolean
rows (UnknotTrendRaster *self,
      float              lo,
      float              hi,
      int               *from,
      int               *to)
{
  *from = MAX (self->top, floor_int (lo));
  *to = MIN (self->bottom, ceil_int (hi));
  return *from < *to;
}

static void
init_scratch (UnknotTrendRaster *self)
{
  self->column = g_malloc0_n (self->height + 2, sizeof (float));
  self->fraction = g_malloc0_n (self->height + 2, sizeof (float));
  self->from = g_new (int, self->height);
  self->to = g_new (int, self->height);
  untouch (self);
}

UnknotTrendRaster *
unknot_trend_raster_new (int width,
                         int height)
{
  UnknotTrendRaster *self = g_new0 (UnknotTrendRaster, 1);

  self->width = MAX (width, 1);
  self->height = MAX (height, 1);
  /* The whole draws nothing itself: its slices draw, each clearing its own rows first
   * (in its own thread), and the texture clears the rows that no slice drew. */
  self->top = 0;
  self->bottom = 0;
  self->pixels = g_malloc ((gsize) self->width * self->height * 4);
  self->coverage = g_malloc ((gsize) self->width * self->height);
  self->normals = g_malloc ((gsize) self->width * self->height * 2);
  self->cleared = g_malloc0 (self->height);
  init_scratch (self);
  return self;
}

/**
 * unknot_trend_raster_new_slice:
 *
 * Returns: the rows [@top, @bottom) of @whole, cleared: what is drawn in it goes
 * into the whole's pixels there, and nowhere else. Slices of different rows can be
 * made and drawn in at the same time, in threads of their own; free them before the
 * whole. Shapes are drawn only into slices (one of all the rows draws the whole).
 */
UnknotTrendRaster *
unknot_trend_raster_new_slice (UnknotTrendRaster *whole,
                               int                top,
                               int                bottom)
{
  UnknotTrendRaster *self = g_new0 (UnknotTrendRaster, 1);

  self->width = whole->width;
  self->height = whole->height;
  self->top = CLAMP (top, 0, whole->height);
  self->bottom = CLAMP (bottom, self->top, whole->height);
  self->slice = TRUE;
  self->pixels = whole->pixels;
  self->coverage = whole->coverage;
  self->normals = whole->normals;
  init_scratch (self);

  memset (self->pixels + (gsize) self->top * self->width * 4, 0,
          (gsize) (self->bottom - self->top) * self->width * 4);
  memset (self->coverage + (gsize) self->top * self->width, 0,
          (gsize) (self->bottom - self->top) * self->width);
  memset (whole->cleared + self->top, 1, self->bottom - self->top);
  return self;
}

void
unknot_trend_raster_free (UnknotTrendRaster *self)
{
  if (self == NULL)
    return;
  if (!self->slice)
    {
      g_free (self->pixels);
      g_free (self->coverage);
      g_free (self->normals);
      g_free (self->cleared);
    }
  g_free (self->column);
  g_free (self->fraction);
  g_free (self->from);
  g_free (self->to);
  g_free (self);
}

/* How much of a pixel lies inside a straight edge whose unit normal is (nx, ny), at
 * a distance from the pixel's middle: the area of the square the line cuts, exactly,
 * as cairo's scan converter all but has it. It depends on the distance across the
 * normal's larger part a and smaller part b: linear over a − b, quadratic at the
 * square's corners. */
typedef struct {
  float half;      /* (a + b) / 2: beyond this, all in or all out */
  float straight;  /* (a − b) / 2: within this, linear */
  float inverse_a, inverse_2ab;
} Edge;

static inline void
edge_init (Edge  *edge,
           float  nx,
           float  ny)
{
  float a = MAX (fabsf (nx), fabsf (ny)), b = MIN (fabsf (nx), fabsf (ny));

  edge->half = (a + b) / 2.0f;
  edge->straight = (a - b) / 2.0f;
  edge->inverse_a = a > 0.0f ? 1.0f / a : 0.0f;
  edge->inverse_2ab = b > 0.0f ? 1.0f / (2.0f * a * b) : 0.0f;
}

/* @inside: how far the pixel's middle is inside the edge (negative: outside). */
static inline float
edge_cover (const Edge *edge,
            float       inside)
{
  float t;

  if (inside >= edge->half)
    return 1.0f;
  if (inside <= -edge->half)
    return 0.0f;
  if (inside > edge->straight)
    {
      t = edge->half - inside;
      return 1.0f - t * t * edge->inverse_2ab;
    }
  if (inside < -edge->straight)
    {
      t = edge->half + inside;
      return t * t * edge->inverse_2ab;
    }
  return 0.5f + inside * edge->inverse_a;
}

/* As edge_init () and edge_cover () together, working out only what the pixel needs. */
static inline float
edge_coverage (float inside,
               float nx,
               float ny)
{
  float a = MAX (fabsf (nx), fabsf (ny)), b = MIN (fabsf (nx), fabsf (ny));
  float half = (a + b) / 2.0f, straight, t;

  if (inside >= half)
    return 1.0f;
  if (inside <= -half)
    return 0.0f;
  straight = (a - b) / 2.0f;
  if (inside > straight)
    {
      t = half - inside;
      return 1.0f - t * t * (b > 0.0f ? 1.0f / (2.0f * a * b) : 0.0f);
    }
  if (inside < -straight)
    {
      t = half + inside;
      return t * t * (b > 0.0f ? 1.0f / (2.0f * a * b) : 0.0f);
    }
  return 0.5f + inside * (a > 0.0f ? 1.0f / a : 0.0f);
}

/* A capsule covers @c (0–1) of pixel @i of @row, seen across the edge's outward
 * normal (@nx, @ny). Where another capsule of the line already partly covers it,
 * the two do not simply make the larger: a pixel that each covers from an opposite
 * side (in a sharp peak, between two steep segments) is covered by both together,
 * one that both cover from the same side (the rim of a join) by the larger alone.
 * The union is taken between the two by how much the edges face each other. */
static inline void
cover (UnknotTrendRaster *self,
       guchar            *row,
       gsize              index,
       int                i,
       float              c,
       float              nx,
       float              ny)
{
  gint8 *normal = self->normals + 2 * index;
  float old = row[i] / 255.0f;

  if (row[i] != 0)
    {
      float facing = (1.0f - (nx * normal[0] + ny * normal[1]) / 127.0f) / 2.0f;
      float larger = MAX (old, c), both = MIN (1.0f, old + c);

      if (c <= old)
        {
          nx = normal[0] / 127.0f;
          ny = normal[1] / 127.0f;
        }
      c = larger + CLAMP (facing, 0.0f, 1.0f) * (both - larger);
    }
  row[i] = (guchar) (255.0f * c + 0.5f);
  normal[0] = (gint8) (127.0f * nx);
  normal[1] = (gint8) (127.0f * ny);
}

/* A segment with round ends, as capsule () draws it on a row. */
typedef struct {
  float ax, ay, dx, dy;
  float length2, inverse;
  float radius, reach2, full2;
  float side_x, side_y;     /* the normal on the side where cross is positive */
  gint8 side[2], opposite[2]; /* and on either side, as cover () keeps them */
  Edge  edge;
} Capsule;

/* Pixel @i of row @j (whose coverage is @row and normals @normals), beside the
 * segment: the edge runs along it, at @cross (times the length) across it. */
static inline void
capsule_beside (UnknotTrendRaster *self,
                const Capsule     *k,
                guchar            *row,
                gint8             *normals,
                int                j,
                int                i,
                float              cross)
{
  float inside = k->radius - fabsf (cross) * k->inverse, c;

  if (row[i] == 255 || inside <= -k->edge.half)
    return;
  if (inside >= k->edge.half)
    {
      row[i] = 255;
      return;
    }
  c = edge_cover (&k->edge, inside);
  if (row[i] == 0)
    {
      const gint8 *normal = cross > 0.0f ? k->side : k->opposite;

      row[i] = (guchar) (255.0f * c + 0.5f);
      normals[2 * i] = normal[0];
      normals[2 * i + 1] = normal[1];
      return;
    }
  cover (self, row, (gsize) j * self->width + i, i, c,
         cross > 0.0f ? k->side_x : -k->side_x,
         cross > 0.0f ? k->side_y : -k->side_y);
}

/* Pixel @i of row @j, around an end: the edge is round. @px and @qy are the pixel's
 * middle from the segment's start, @along how far along the segment it is (times
 * its length): the nearer end is taken. */
static inline void
capsule_around (UnknotTrendRaster *self,
                const Capsule     *k,
                guchar            *row,
                int                j,
                int                i,
                float              px,
                float              qy,
                float              along)
{
  gboolean start = along < 0.5f * k->length2;
  float ex = start ? px : px - k->dx, ey = start ? qy : qy - k->dy;
  float distance2 = ex * ex + ey * ey, distance, nx, ny, c;

  if (row[i] == 255 || distance2 >= k->reach2)
    return;
  if (distance2 <= k->full2)
    {
      row[i] = 255;
      return;
    }
  distance = sqrtf (distance2);
  nx = ex / distance;
  ny = ey / distance;
  c = edge_coverage (k->radius - distance, nx, ny);
  if (c == 1.0f)
    {
      row[i] = 255;
      return;
    }
  cover (self, row, (gsize) j * self->width + i, i, c, nx, ny);
}

/* Rows @row0 to @row1 of a capsule near its ends, or all of one that is nearly
 * flat: a pixel is beside the segment or around an end by how far along it it is
 * (times its length). */
static void
capsule_near_ends (UnknotTrendRaster *self,
                   const Capsule     *k,
                   int                row0,
                   int                row1,
                   int                left,
                   int                right,
                   float              across,
                   float              slope)
{
  for (int j = row0; j < row1; j++)
    {
      float qy = j + 0.5f - k->ay;
      guchar *row = self->coverage + (gsize) j * self->width;
      gint8 *normals = self->normals + 2 * (gsize) j * self->width;
      int from = left, to = right;

      /* A capsule lies inside the band of its width around its whole line: on a row,
       * the pixels whose middles are in it. */
      if (across < G_MAXFLOAT)
        {
          float x = k->ax + qy * slope;

          from = MAX (left, ceil_int (x - across - 0.5f));
          to = MIN (right, floor_int (x + across - 0.5f) + 1);
        }

      for (int i = from; i < to; i++)
        {
          float px = i + 0.5f - k->ax, along = px * k->dx + qy * k->dy;

          if (along > 0.0f && along < k->length2)
            capsule_beside (self, k, row, normals, j, i, px * k->dy - qy * k->dx);
          else
            capsule_around (self, k, row, j, i, px, qy, along);
        }
    }
}

static void
capsule (UnknotTrendRaster *self,
         float              ax,
         float              ay,
         float              bx,
         float              by,
         float              radius)
{
  Capsule k;
  /* Beyond the radius by half a pixel's diagonal, a pixel is out. */
  float reach = radius + G_SQRT2 / 2;
  float dx = bx - ax, dy = by - ay;
  float length2 = dx * dx + dy * dy;
  float length = sqrtf (length2);
  gboolean steep = fabsf (dy) > 1e-3f;
  /* How far across a row the band around the segment's middle line reaches. */
  float across = steep ? reach * length / fabsf (dy) : G_MAXFLOAT;
  float top = MIN (ay, by), bottom = MAX (ay, by);
  /* Within the radius less half a pixel's diagonal, a pixel is all in. */
  float full = MAX (0.0f, radius - (float) G_SQRT2 / 2);
  float inverse = length > 0 ? 1.0f / length : 0.0f;
  float slope = steep ? dx / dy : 0.0f;
  /* Beside the segment, a pixel whose middle is within inner of it (times the
   * length) is all in, and one beyond outer all out; on a row, outer is outer_x
   * either side of the middle line. */
  float inner, outer, outer_x;
  int row0, row1, left, right, middle0, middle1;

  if (!rows (self, top - reach, bottom + reach, &row0, &row1) ||
      !span (MIN (ax, bx) - reach, MAX (ax, bx) + reach, self->width, &left, &right))
    return;

  k.ax = ax;
  k.ay = ay;
  k.dx = dx;
  k.dy = dy;
  k.length2 = length2;
  k.inverse = inverse;
  k.radius = radius;
  k.reach2 = reach * reach;
  k.full2 = full * full;
  k.side_x = dy * inverse;
  k.side_y = -dx * inverse;
  k.side[0] = (gint8) (127.0f * k.side_x);
  k.side[1] = (gint8) (127.0f * k.side_y);
  k.opposite[0] = (gint8) (127.0f * -k.side_x);
  k.opposite[1] = (gint8) (127.0f * -k.side_y);
  edge_init (&k.edge, dx * inverse, dy * inverse);
  inner = (radius - k.edge.half) * length;
  outer = (radius + k.edge.half) * length;
  outer_x = steep ? outer / fabsf (dy) : 0.0f;

  /* The mask has something in these rows, in the capsule's columns at most: the
   * box of all the capsules since the last composite (a line's segments spread across
   * most of the picture, so that narrowing each row would gain composite little). */
  if (self->box_y0 >= self->box_y1)
    {
      self->box_y0 = row0;
      self->box_y1 = row1;
      self->box_from = left;
      self->box_to = right;
    }
  else
    {
      self->box_y0 = MIN (self->box_y0, row0);
      self->box_y1 = MAX (self->box_y1, row1);
      self->box_from = MIN (self->box_from, left);
      self->box_to = MAX (self->box_to, right);
    }

  /* The rows whose band (across either side of the middle line) lies wholly
   * beside the segment: there every pixel that the capsule can cover is beside it
   * (one that is along it before its start, or past its end, is at least reach
   * across it, and so out). On a row qy below the start, the band's middle is
   * qy length² / dy along, and its ends across |dx| either side of it: the rows
   * whose middles are more than reach |dx| / length from either end's, towards the
   * other. */
  middle0 = middle1 = row1;
  if (steep)
    {
      float margin = reach * fabsf (dx) * inverse;

      middle0 = CLAMP (ceil_int (top + margin - 0.5f), row0, row1);
      middle1 = CLAMP (floor_int (bottom - margin - 0.5f) + 1, middle0, row1);
    }

  capsule_near_ends (self, &k, row0, middle0, left, right, across, slope);
  for (int j = middle0; j < middle1; j++)
    {
      float qy = j + 0.5f - ay, x = ax + qy * slope, cross;
      guchar *row = self->coverage + (gsize) j * self->width;
      gint8 *normals = self->normals + 2 * (gsize) j * self->width;
      /* The first and last pixels whose middles lie within outer_x of x; truncating
       * rounds as flooring does wherever the clamp to [left, right) (not negative)
       * does not decide (and at most leaves out a pixel whose middle lies at outer_x,
       * which nothing covers). */
      int from = MAX (left, (int) (x - outer_x + 0.5f));
      int to = MIN (right, (int) (x + outer_x + 0.5f));

      /* Across the segment, times its length: a step right adds dy. */
      cross = (from + 0.5f - ax) * dy - qy * dx;
      for (int i = from; i < to; i++, cross += dy)
        {
          if (fabsf (cross) <= inner)
            row[i] = 255;
          else
            capsule_beside (self, &k, row, normals, j, i, cross);
        }
    }
  capsule_near_ends (self, &k, middle1, row1, left, right, across, slope);
}

/**
 * unknot_trend_raster_stroke_polyline:
 * @xy: (array): @n_points pairs of x and y
 *
 * A line through the points, of round joins and caps, into the mask.
 */
void
unknot_trend_raster_stroke_polyline (UnknotTrendRaster *self,
                                     const float       *xy,
                                     guint              n_points,
                                     float              line_width)
{
  float radius = line_width / 2.0f;

  if (n_points == 1)
    capsule (self, xy[0], xy[1], xy[0], xy[1], radius);
  for (guint i = 1; i < n_points; i++)
    capsule (self, xy[2 * i - 2], xy[2 * i - 1], xy[2 * i], xy[2 * i + 1], radius);
}

void
unknot_trend_raster_fill_circle (UnknotTrendRaster *self,
                                 float              x,
                                 float              y,
                                 float              radius)
{
  capsule (self, x, y, x, y, radius);
}

/* How much of [@i, @i + 1) lies in [@lo, @hi). */
static inline float
overlap (int   i,
         float lo,
         float hi)
{
  return MAX (0.0f, MIN (hi, i + 1.0f) - MAX (lo, (float) i));
}

void
unknot_trend_raster_fill_rect (UnknotTrendRaster *self,
                               float              x,
                               float              y,
                               float              width,
                               float              height)
{
  int left, right, row0, row1;

  if (!span (x, x + width, self->width, &left, &right) ||
      !rows (self, y, y + height, &row0, &row1))
    return;

  for (int j = row0; j < row1; j++)
    {
      float down = 255.0f * overlap (j, y, y + height);
      guchar *row = self->coverage + (gsize) j * self->width;

      touch (self, j, left, right);
      for (int i = left; i < right; i++)
        row[i] = (guchar) MIN (255.0f, row[i] + down * overlap (i, x, x + width) + 0.5f);
    }
}

/* Each of the four bytes of @x times @a / 255, rounded (as pixman does it). */
static inline guint32
multiply (guint32 x,
          guint   a)
{
  guint32 low = (x & 0xff00ff) * a + 0x800080;
  guint32 high = ((x >> 8) & 0xff00ff) * a + 0x800080;

  low = ((low + ((low >> 8) & 0xff00ff)) >> 8) & 0xff00ff;
  high = (high + ((high >> 8) & 0xff00ff)) & 0xff00ff00;
  return high | low;
}

/* @colour premultiplied, as a pixel: alpha in the top byte, then red, green, blue,
 * as cairo's ARGB32 has it (in memory, the bytes of GDK_MEMORY_DEFAULT). */
static guint32
premultiply (const GdkRGBA *colour)
{
  float alpha = CLAMP (colour->alpha, 0.0f, 1.0f);

  return (guint32) (255.0f * alpha + 0.5f) << 24 |
         (guint32) (255.0f * CLAMP (colour->red, 0.0f, 1.0f) * alpha + 0.5f) << 16 |
         (guint32) (255.0f * CLAMP (colour->green, 0.0f, 1.0f) * alpha + 0.5f) << 8 |
         (guint32) (255.0f * CLAMP (colour->blue, 0.0f, 1.0f) * alpha + 0.5f);
}

/* The source at its coverage, @s (multiply (source, coverage), or the source
 * itself at 255), over @pixel. */
static inline guint32
over (guint32 pixel,
      guint32 s)
{
  return (s >> 24) == 255 ? s : s + multiply (pixel, 255 - (s >> 24));
}

/**
 * unknot_trend_raster_paint_band:
 * @x: (array): @n_points x, increasing
 * @y1: (array): one line's y at each x
 * @y2: (array): the other's
 *
 * Paints the area between two lines that share their x (wherever they cross, too)
 * in @colour straight onto the pixels, column by column, without the mask: each
 * pixel is painted once.
 */
void
unknot_trend_raster_paint_band (UnknotTrendRaster *self,
                                const float       *x,
                                const float       *y1,
                                const float       *y2,
                                guint              n_points,
                                const GdkRGBA     *colour)
{
  guint32 source = premultiply (colour);
  int left, right;
  guint k = 0, near = 0;

  if (n_points < 2 || !span (x[0], x[n_points - 1], self->width, &left, &right))
    return;
  /* The colour at each coverage, once a slice. */
  if (!self->band_ready || self->band_source != source)
    {
      self->band_ready = TRUE;
      self->band_source = source;
      for (guint c = 0; c < 256; c++)
        self->band[c] = c >= 255 ? source : multiply (source, c);
    }

  for (int i = left; i < right; i++)
    {
      int row0 = self->bottom, row1 = self->top, last_top = self->top - 1, first_bottom = self->bottom + 1;
      float above = G_MAXFLOAT, below = -G_MAXFLOAT;

      /* A column whose band lies wholly above or below the slice's rows (by more
       * than a pixel, far more than rounding between its points can move it) paints
       * nothing here: its samples would all be clamped to the slice's edge. */
      while (near + 2 < n_points && x[near + 1] < i)
        near++;
      for (guint m = near; m + 1 < n_points && x[m] <= i + 1; m++)
        {
          above = MIN (above, MIN (MIN (y1[m], y1[m + 1]), MIN (y2[m], y2[m + 1])));
          below = MAX (below, MAX (MAX (y1[m], y1[m + 1]), MAX (y2[m], y2[m + 1])));
        }
      if (below < self->top - 1 || above > self->bottom + 1)
        continue;

      for (int s = 0; s < BAND_SAMPLES; s++)
        {
          float xs = i + (s + 0.5f) / BAND_SAMPLES;
          float t, a, b, lo, hi;
          int flo, fhi;

          if (xs < x[0] || xs > x[n_points - 1])
            continue;
          while (k + 2 < n_points && xs > x[k + 1])
            k++;
          t = x[k + 1] > x[k] ? (xs - x[k]) / (x[k + 1] - x[k]) : 0.0f;
          a = y1[k] + t * (y1[k + 1] - y1[k]);
          b = y2[k] + t * (y2[k + 1] - y2[k]);
          lo = CLAMP (MIN (a, b), (float) self->top, (float) self->bottom);
          hi = CLAMP (MAX (a, b), (float) self->top, (float) self->bottom);
          flo = (int) lo;  /* lo and hi are not negative */
          fhi = (int) hi;

          /* Down the column, [lo, hi) covers a row r by [r ≥ flo] − [r ≥ fhi], plus
           * its fraction in the row of each end. */
          self->column[flo] += 1.0f;
          self->column[fhi] -= 1.0f;
          self->fraction[fhi] += hi - fhi;
          self->fraction[flo] -= lo - flo;
          row0 = MIN (row0, flo);
          row1 = MAX (row1, fhi + 1);
          last_top = MAX (last_top, flo);
          first_bottom = MIN (first_bottom, fhi);
        }

      if (row0 >= row1)
        continue;
      {
        float steps = 0.0f;
        /* Between the lowest top and the highest bottom, no sample starts or ends:
         * every row there is covered as much as the last. */
        int middle0 = last_top + 1, middle1 = MAX (middle0, first_bottom);

        guint32 *column = (guint32 *) (gpointer) (self->pixels + (gsize) i * 4);

        for (int j = row0; j < row1; j++)
          {
            guint32 *cell = column + (gsize) j * self->width;
            float c;

            if (j == middle0 && middle1 > middle0)
              {
                guint32 full = self->band[(guint) (steps * (255.0f / BAND_SAMPLES) + 0.5f)];

                for (int m = middle0; m < middle1; m++)
                  column[(gsize) m * self->width] = over (column[(gsize) m * self->width], full);
                /* On from the first row after the middle. */
                j = middle1 - 1;
                continue;
              }

            steps += self->column[j];
            c = (steps + self->fraction[j]) * (255.0f / BAND_SAMPLES);
            self->column[j] = self->fraction[j] = 0.0f;
            if (j < self->bottom && c >= 0.5f)
              *cell = over (*cell, self->band[(guint) MIN (255.0f, c + 0.5f)]);
          }
      }
    }
}

/* Where a pixel's alpha lies among its bytes in memory. */
#define ALPHA (G_BYTE_ORDER == G_LITTLE_ENDIAN ? 3 : 0)

/* x × y / 255, rounded, for bytes: as multiply () does it, one channel at a time. */
static inline guint16
times (guint16 x,
       guint16 y)
{
  guint16 t = x * y + 0x80;

  return (t + (t >> 8)) >> 8;
}

/* @source at @mask over @n pixels, and the mask emptied: the same bytes as over ()
 * gives with multiply (source, mask), without a branch (at a coverage or an alpha of
 * 255 multiplying changes nothing, at 0 it gives nothing), one byte at a time so that
 * the compiler can do many at once. */
static inline void
over_run (guchar       *pixels,
          guchar       *mask,
          int           n,
          const guchar  source[4])
{
  for (int k = 0; k < n; k++)
    {
      guint16 alpha = times (source[ALPHA], mask[k]);

      for (int c = 0; c < 4; c++)
        pixels[4 * k + c] = times (source[c], mask[k]) + times (pixels[4 * k + c], 255 - alpha);
      mask[k] = 0;
    }
}

#define RUN 16

/**
 * unknot_trend_raster_composite:
 *
 * Paints the mask in @colour over the pixels, and empties the mask.
 */
void
unknot_trend_raster_composite (UnknotTrendRaster *self,
                               const GdkRGBA     *colour)
{
  guint32 pixel = premultiply (colour);
  guchar source[4];

  /* The pixel's bytes as they lie in memory. */
  memcpy (source, &pixel, sizeof source);

  /* The rows that the capsules' box adds, with its columns. */
  if (self->box_y0 < self->box_y1)
    {
      for (int j = self->box_y0; j < self->box_y1; j++)
        {
          self->from[j] = MIN (self->from[j], self->box_from);
          self->to[j] = MAX (self->to[j], self->box_to);
        }
      self->y0 = MIN (self->y0, self->box_y0);
      self->y1 = MAX (self->y1, self->box_y1);
      self->box_y0 = self->box_y1 = self->top;
    }

  for (int j = self->y0; j < self->y1; j++)
    {
      guchar *row = self->coverage + (gsize) j * self->width;
      guchar *p = self->pixels + (gsize) j * self->width * 4;
      int i = self->from[j], end = self->to[j];

      /* Most of the mask is empty: it is skipped RUN pixels at a time. Past the
       * row's end, it is empty too, and blending nothing changes nothing: the last
       * run is a whole one where the picture is wide enough. */
      for (; i < end && i + RUN <= self->width; i += RUN)
        {
          guint64 run[RUN / 8];

          memcpy (run, row + i, sizeof run);
          if ((run[0] | run[1]) != 0)
            over_run (p + 4 * i, row + i, RUN, source);
        }
      if (i < end)
        over_run (p + 4 * i, row + i, end - i, source);
    }
  for (int j = self->y0; j < self->y1; j++)
    {
      self->from[j] = self->width;
      self->to[j] = 0;
    }
  self->y0 = self->bottom;
  self->y1 = self->top;
}

/**
 * unknot_trend_raster_free_to_texture:
 *
 * Returns: (transfer full): the pixels, painted so far, as a texture; @self is freed
 */
GdkTexture *
unknot_trend_raster_free_to_texture (UnknotTrendRaster *self)
{
  g_return_val_if_fail (!self->slice, NULL);

  for (int j = 0; j < self->height; j++)
    if (!self->cleared[j])
      memset (self->pixels + (gsize) j * self->width * 4, 0, (gsize) self->width * 4);

  g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&self->pixels),
                                              (gsize) self->width * self->height * 4);
  GdkTexture *texture = gdk_memory_texture_new (self->width, self->height,
                                                GDK_MEMORY_DEFAULT,
                                                bytes, (gsize) self->width * 4);

  unknot_trend_raster_free (self);
  return texture;
}
