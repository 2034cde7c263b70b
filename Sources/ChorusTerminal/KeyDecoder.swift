import CNcursesw
import ChorusUI

/// Turns what curses reads into console keys.
enum KeyDecoder {
    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        // Terminals that send Home and End as VT220 Find and Select (`\e[1~`, `\e[4~`), or from the keypad.
        case KEY_HOME, KEY_FIND, KEY_A1: .home
        case KEY_END, KEY_SELECT, KEY_C1: .end
        case KEY_NPAGE: .pageDown
        case KEY_PPAGE: .pageUp
        case KEY_BTAB: .backTab
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_ENTER: .enter
        default: extendedKey(code)
        }
    }

    /// Keys terminfo names but curses gives no constant: Ctrl- and Alt-arrows move by a word,
    /// as in a shell.
    private static func extendedKey(_ code: Int32) -> Key? {
        guard let name = keyname(code).map({ String(cString: $0) }) else { return nil }
        switch name {
        case "kLFT3", "kLFT5": return .alt(.character("b"))
        case "kRIT3", "kRIT5": return .alt(.character("f"))
        default: return nil
        }
    }

    /// Esc followed at once by `key`: Alt-`key`, for characters and Backspace.
    static func alt(_ key: Key) -> Key? {
        switch key {
        case .character, .backspace: .alt(key)
        default: nil
        }
    }

    static func character(_ value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(value + 96)!))
        case 0..<32, 0x80..<0xA0: return nil
        default: return Unicode.Scalar(value).map { .character(Character($0)) }
        }
    }
}
