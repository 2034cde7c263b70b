// ChorusTerminal: the only code that talks to ncurses.
//
// Owns the terminal: wide-character input (keys, paste, mouse, resize) turned into ChorusUI's
// `Key`s, and ChorusUI's frames copied to the screen with the theme's colours. Everything it
// shows is decided in ChorusUI; keep it thin.
