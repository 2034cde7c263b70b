#ifndef CHORUS_NCURSESW_SHIM_H
#define CHORUS_NCURSESW_SHIM_H
// Wide-character curses needs this before the include, or cchar_t and friends vanish.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// curses on the process's own terminal; stdin/stdout are globals Swift 6 will not touch.
static inline SCREEN *chorus_new_terminal_screen(void) { return newterm(NULL, stdout, stdin); }
// Whether the current locale encodes text as UTF-8, which wide characters need.
static inline int chorus_locale_is_utf8(void) { return strcmp(nl_langinfo(CODESET), "UTF-8") == 0; }

// Swift cannot see these macros/globals reliably; expose them as functions.
static inline WINDOW *chorus_stdscr(void) { return stdscr; }
static inline WINDOW *chorus_curscr(void) { return curscr; }
static inline int chorus_lines(void) { return LINES; }
static inline int chorus_cols(void) { return COLS; }
static inline int chorus_colors(void) { return COLORS; }
static inline int chorus_color_pairs(void) { return COLOR_PAIRS; }
static inline int chorus_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int chorus_key_resize(void) { return KEY_RESIZE; }
static inline int chorus_key_code_yes(void) { return KEY_CODE_YES; }
static inline int chorus_err(void) { return ERR; }
// The mouse: left press and click, the wheel (buttons 4 and 5), as function values Swift can see.
static inline int chorus_key_mouse(void) { return KEY_MOUSE; }
static inline mmask_t chorus_mouse_click_mask(void) { return BUTTON1_PRESSED | BUTTON1_CLICKED; }
static inline mmask_t chorus_mouse_wheel_up_mask(void) { return BUTTON4_PRESSED; }
static inline mmask_t chorus_mouse_wheel_down_mask(void) { return BUTTON5_PRESSED; }
// glibc declares wcwidth only for some feature macros; curses' own answer is what matters.
extern int wcwidth(wchar_t character);
static inline int chorus_wcwidth(wchar_t character) { return wcwidth(character); }
static inline attr_t chorus_a_normal(void) { return A_NORMAL; }
static inline attr_t chorus_a_bold(void) { return A_BOLD; }
static inline attr_t chorus_a_dim(void) { return A_DIM; }
static inline attr_t chorus_a_underline(void) { return A_UNDERLINE; }
static inline attr_t chorus_a_reverse(void) { return A_REVERSE; }

// The size the terminal has now, even when no SIGWINCH reached curses (after a suspend).
static inline int chorus_terminal_size(int *rows, int *cols) {
    struct winsize size;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0) return -1;
    *rows = size.ws_row;
    *cols = size.ws_col;
    return 0;
}

// Signals only set a flag (the one thing a handler may safely do); the console loop polls it
// between key reads and then restores the terminal itself. Only Signals.swift calls these,
// so the static flag below exists once.
static volatile sig_atomic_t chorus_pending_signal = 0;

static void chorus_record_signal(int signal_number) { chorus_pending_signal = signal_number; }

static inline void chorus_catch_signals(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = chorus_record_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    sigaction(SIGTSTP, &action, NULL);
}

static inline void chorus_release_signals(void) {
    signal(SIGTERM, SIG_DFL);
    signal(SIGINT, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    signal(SIGTSTP, SIG_DFL);
}

static inline int chorus_take_signal(void) {
    int signal_number = chorus_pending_signal;
    chorus_pending_signal = 0;
    return signal_number;
}
#endif
