#ifndef CHORUS_NCURSESW_SHIM_H
#define CHORUS_NCURSESW_SHIM_H
// Wide-character curses needs this before the include, or cchar_t and friends vanish.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <ncursesw/curses.h>

// Swift cannot see these macros/globals reliably; expose them as functions.
static inline WINDOW *chorus_stdscr(void) { return stdscr; }
static inline int chorus_lines(void) { return LINES; }
static inline int chorus_cols(void) { return COLS; }
static inline int chorus_colors(void) { return COLORS; }
static inline int chorus_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int chorus_key_resize(void) { return KEY_RESIZE; }
static inline int chorus_err(void) { return ERR; }
#endif
