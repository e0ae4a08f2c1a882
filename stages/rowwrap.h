/*
 * rowwrap.h - which lines of an unruled band are one row.
 */
#ifndef RETABLE_ROWWRAP_H
#define RETABLE_ROWWRAP_H

struct glayout;

int	 rowwrap_groups(const struct glayout *, int first, int n, int *group);
int	 rowwrap_items(const struct glayout *, int first, int n);

#endif
