/*
 * chart.c -- a bar of a chart as a string (chart.h). A bar has a solid
 * part (a median, a share) drawn to the eighth of a cell, and a light
 * part after it to a second figure (a 90th percentile) or to the end of
 * the scale, in whole cells; the string is padded with blanks to its
 * width, so that what follows it lines up. In ASCII the solid part is #
 * in whole cells.
 */
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "util.h"

/* The eighths of a cell, from one eighth to a full block. */
static const char *const chart_eighths[8] = {
	"\u258f", "\u258e", "\u258d", "\u258c", "\u258b", "\u258a", "\u2589",
	"\u2588"
};

/* The solid part of a bar, one full cell of it (lent). */
const char *
chart_solid(int ascii)
{
	return ascii ? "#" : chart_eighths[7];
}

/* One cell of the light part of a bar of a kind (lent). */
const char *
chart_light(int light, int ascii)
{
	if (light == CHART_TRACK)
		return ascii ? "-" : "\u00b7";
	return ascii ? "=" : "\u2591";
}

/* Scale v of max to units of width * per; a value above 0 shows. */
static size_t
chart_scale(int64_t v, int64_t max, size_t width, size_t per)
{
	size_t	units;

	if (v <= 0 || max <= 0)
		return 0;
	if (v >= max)
		return width * per;
	units = (size_t)(((double)v * (double)(width * per)) / (double)max +
	    0.5);
	return units > 0 ? units : 1;
}

/*
 * Draw a bar of width columns on a scale of 0 to max: solid up to solid,
 * then light cells up to light (CHART_TRACK: to the end), then blanks;
 * ascii draws it in #, = and -. A new string.
 */
char *
chart_bar(int64_t solid, int64_t light, int64_t max, size_t width,
    int ascii, int kind)
{
	struct buf	b;
	size_t		units, used, i, to;

	buf_init(&b, 0);
	units = chart_scale(solid, max, width, ascii ? 1 : 8);
	if (ascii)
		used = units;
	else
		used = units / 8 + (units % 8 != 0);
	for (i = 0; i < units / (ascii ? 1 : 8); i++)
		buf_addstr(&b, chart_solid(ascii));
	if (!ascii && units % 8 != 0)
		buf_addstr(&b, chart_eighths[units % 8 - 1]);
	to = kind == CHART_TRACK ? width : chart_scale(light, max, width, 1);
	for (i = used; i < to; i++)
		buf_addstr(&b, chart_light(kind, ascii));
	for (i = used > to ? used : to; i < width; i++)
		buf_addch(&b, ' ');
	return buf_steal(&b);
}
