import ChorusCore

/// `program.json`: the program's settings, its waves and its SKUs. Small and edited by hand
/// more than the rest, so it is written pretty-printed with sorted keys (one field per line)
/// through `Codable`; its currency is the one every other file's money is written in.
struct ProgramFile: Codable {
    var program: Program
    var waves: [Wave]
    var skus: [SKU]
}
