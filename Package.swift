// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way: Concurrency ← Core ← Store, Interchange, UI ← Generator, Terminal, Bench ← chorus.
let package = Package(
    name: "Chorus",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "chorus", targets: ["chorus"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .systemLibrary(name: "CLibpq", path: "Sources/CLibpq", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "ChorusConcurrency"),
        .target(name: "ChorusCore", dependencies: ["ChorusConcurrency"]),
        .target(name: "ChorusStore", dependencies: ["ChorusCore", "ChorusConcurrency", "CZlib"]),
        .target(name: "ChorusInterchange", dependencies: ["ChorusCore", "ChorusConcurrency"]),
        .target(name: "ChorusPostgres", dependencies: ["ChorusCore", "ChorusStore", "CLibpq"]),
        .target(name: "ChorusBench", dependencies: ["ChorusCore", "ChorusStore", "ChorusUI", "ChorusConcurrency", "ChorusGenerator", "ChorusInterchange"]),
        .target(name: "ChorusGenerator", dependencies: ["ChorusCore", "ChorusInterchange"]),
        .target(name: "ChorusOutbox", dependencies: ["ChorusCore", "ChorusInterchange", .product(name: "Mustache", package: "swift-mustache")]),
        .target(name: "ChorusUI", dependencies: ["ChorusCore", "ChorusConcurrency"]),
        .target(name: "ChorusTerminal", dependencies: ["ChorusUI", "CNcursesw"]),
        .executableTarget(
            name: "chorus",
            dependencies: [
                "ChorusCore", "ChorusStore", "ChorusInterchange", "ChorusGenerator",
                "ChorusUI", "ChorusTerminal", "ChorusOutbox", "ChorusPostgres",
                "ChorusBench", "ChorusConcurrency",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ChorusCoreTests", dependencies: ["ChorusCore", "ChorusStore", "ChorusGenerator"]),
        .testTarget(name: "ChorusStoreTests", dependencies: ["ChorusStore", "ChorusGenerator", "ChorusPostgres"]),
        .testTarget(name: "ChorusInterchangeTests", dependencies: ["ChorusInterchange", "ChorusGenerator"]),
        .testTarget(name: "ChorusUITests", dependencies: ["ChorusUI", "ChorusGenerator"]),
        .testTarget(name: "ChorusOutboxTests", dependencies: ["ChorusOutbox", "ChorusGenerator"]),
        .testTarget(name: "ChorusEndToEndTests", dependencies: ["chorus", "ChorusCore", "ChorusStore", "ChorusInterchange", "ChorusUI", "ChorusGenerator"]),
        .testTarget(name: "ChorusFuzzTests", dependencies: ["ChorusCore", "ChorusStore", "ChorusInterchange", "ChorusUI"]),
    ]
)
