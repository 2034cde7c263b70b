/// A theme as written in `Themes/NAME.json`: an optional parent, a palette of named colours,
/// and styles per role that may use those names. Everything is optional, so a partial theme
/// that changes only `"accent"` inherits every other role from its parent (the default).
///
/// ```json
/// { "inherits": "default", "palette": { "accent": "#d75f00" }, "roles": { "title": { "fg": "accent", "bold": true } } }
/// ```
struct ThemeFile: Decodable, Hashable, Sendable {
    var inherits: String?
    var palette: [String: ColorValue] = [:]
    var roles: [String: RoleStyle] = [:]

    struct RoleStyle: Decodable, Hashable, Sendable {
        var fg: ColorValue?
        var bg: ColorValue?
        var bold: Bool?
        var dim: Bool?
        var underline: Bool?
        var reverse: Bool?
    }

    /// A colour as written: a 0–255 index or a name (palette entry, ANSI name, `#rrggbb`).
    enum ColorValue: Decodable, Hashable, Sendable {
        case index(Int)
        case name(String)

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let index = try? container.decode(Int.self) {
                self = .index(index)
            } else {
                self = .name(try container.decode(String.self))
            }
        }
    }

    enum CodingKeys: String, CodingKey { case inherits, palette, roles }

    init(inherits: String? = nil, palette: [String: ColorValue] = [:], roles: [String: RoleStyle] = [:]) {
        self.inherits = inherits
        self.palette = palette
        self.roles = roles
    }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        inherits = try container.decodeIfPresent(String.self, forKey: .inherits)
        palette = try container.decodeIfPresent([String: ColorValue].self, forKey: .palette) ?? [:]
        roles = try container.decodeIfPresent([String: RoleStyle].self, forKey: .roles) ?? [:]
    }

    /// This file laid over `parent`: palette entries and whole role styles replace the parent's.
    func layered(over parent: ThemeFile) -> ThemeFile {
        ThemeFile(inherits: nil, palette: parent.palette.merging(palette) { $1 }, roles: parent.roles.merging(roles) { $1 })
    }

    /// Resolves names to colours; throws a message naming the role or colour that is wrong.
    func resolved(name: String) throws(ThemeError) -> Theme {
        var styles: [StyleRole: Style] = [:]
        for (roleName, role) in roles {
            guard let styleRole = StyleRole(rawValue: roleName) else {
                throw ThemeError("unknown role \"\(roleName)\"; roles are \(StyleRole.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            styles[styleRole] = Style(
                foreground: try color(role.fg, in: roleName), background: try color(role.bg, in: roleName),
                bold: role.bold ?? false, dim: role.dim ?? false, underline: role.underline ?? false, reverse: role.reverse ?? false)
        }
        return Theme(name: name, styles: styles)
    }

    private func color(_ value: ColorValue?, in role: String, depth: Int = 0) throws(ThemeError) -> ThemeColor {
        switch value {
        case nil:
            return .terminalDefault
        case .index(let index):
            guard (0...255).contains(index) else { throw ThemeError("role \"\(role)\": colour \(index) is not between 0 and 255") }
            return .index(UInt8(index))
        case .name(let name):
            if let entry = palette[name], depth < 8 { return try color(entry, in: role, depth: depth + 1) }
            guard let color = ThemeColor(name: name) else {
                throw ThemeError("role \"\(role)\": \"\(name)\" is not a palette entry, colour name, 0–255 or #rrggbb")
            }
            return color
        }
    }
}

/// Why a theme could not be used, in words for the status bar.
struct ThemeError: Error, Hashable, Sendable {
    var message: String
    init(_ message: String) { self.message = message }
}
