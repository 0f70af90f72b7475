/*
 * chart.h -- bars for charts drawn in a terminal, as strings: eighths of
 * a cell in Unicode block characters, or whole cells of plain ASCII for
 * a terminal that cannot show them. No curses: the screen draws the
 * string it is given.
 */
#ifndef HEED_CHART_H
#define HEED_CHART_H

#include <stddef.h>
#include <stdint.h>

/* What the light part of a bar is drawn with. */
enum chart_light {
	CHART_SHADE,		/* a second figure: ░, or = in ASCII */
	CHART_TRACK		/* the rest of the scale: ·, or - in ASCII */
};

char	*chart_bar(int64_t, int64_t, int64_t, size_t, int, int);
const char *chart_solid(int);
const char *chart_light(int, int);

#endif
