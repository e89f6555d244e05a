// swift-tools-version: 6.0
import PackageDescription

// One settings list for every target, so the language mode is decided in one place.
let settings: [SwiftSetting] = [
    // Existential `any` spelled out: protocol-typed values are visible at the call site.
    .enableUpcomingFeature("ExistentialAny"),
]

// The solver's release code keeps rbp as a register: SwiftPM compiles with frame pointers
// (-Xcc -fno-omit-frame-pointer, for backtraces), and cost scaling's push and relabel loops run
// out of registers with one fewer, about 9 % slower (random-many size 2 of make bench-solver:
// 16.0 s against 14.6 s). The network simplex is unaffected, and so is every other module (the
// capacity plan within 2 %), so they keep their frame pointers. SwiftPM puts its own flag after
// a target's, so -fomit-frame-pointer would lose; clang's -mframe-pointer=none, handed on by
// -Xclang, comes after every driver flag whatever the order. A crash inside the solver still
// unwinds from the tables that -g writes; only a frame-pointer walk would stop there.
let solverSettings: [SwiftSetting] = [
    .unsafeFlags(["-Xcc", "-Xclang", "-Xcc", "-mframe-pointer=none"], .when(configuration: .release)),
]

let package = Package(
    name: "placement",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "placement", targets: ["placement"]),
        // The readers and engines as libraries, for the fuzzing package in Fuzz/ (which depends
        // on this one by path and can only use its products).
        .library(name: "Spreadsheet", targets: ["Spreadsheet"]),
        .library(name: "FlowSolver", targets: ["FlowSolver"]),
        .library(name: "PlacementEngines", targets: ["PlacementModel", "PlacementStore", "PlacementImport", "PlacementMatching", "PlacementPlanning"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // The web app (placement serve): HTTP server, and bcrypt for the users' passwords.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
    ],
    targets: [
        // Pure domain values: money, days, weeks, offer types, citizens, residences. No I/O.
        .target(
            name: "PlacementModel",
            exclude: ["ReferenceData/SOURCES.md"],
            resources: [
                .embedInCode("ReferenceData/kommuner.csv"),
                .embedInCode("ReferenceData/postnumre.csv"),
            ],
            swiftSettings: settings),
        // A general min-cost-flow solver. Knows nothing of citizens or residences.
        .target(name: "FlowSolver", swiftSettings: settings + solverSettings),
        // Reading and writing CSV and XLSX as sheets of cells. Knows nothing of the domain.
        .target(
            name: "Spreadsheet",
            dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: settings),
        // The SQLite store: schema.sql (embedded), migrations, reference data, the facade.
        .target(
            name: "PlacementStore",
            dependencies: [
                "PlacementModel", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                // SHA-256 for the audit chain, HMAC for pseudonyms and the key check.
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.embedInCode("schema.sql")],
            swiftSettings: settings),
        // Engines.
        .target(
            name: "PlacementImport",
            dependencies: [
                "PlacementModel", "PlacementStore", "Spreadsheet",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: settings),
        .target(
            name: "PlacementGenerator",
            dependencies: ["PlacementModel"],
            swiftSettings: settings),
        .target(
            name: "PlacementMatching",
            dependencies: ["PlacementModel", "PlacementStore", "FlowSolver"],
            swiftSettings: settings),
        .target(
            name: "PlacementReports",
            dependencies: [
                // The plan's renderers live here with the report's: one presentation layer.
                "PlacementModel", "PlacementStore", "PlacementMatching", "PlacementPlanning", "Spreadsheet",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: settings),
        .target(
            name: "PlacementPlanning",
            dependencies: [
                "PlacementModel", "PlacementStore", "PlacementMatching", "Spreadsheet",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            swiftSettings: settings),
        // The planners' web app over the same database: pages, logins, sessions. Calls the
        // engines and the store; nothing depends on it but the CLI's `serve`.
        .target(
            name: "PlacementWeb",
            dependencies: [
                "PlacementModel", "PlacementStore", "PlacementImport", "PlacementMatching",
                "PlacementReports", "PlacementPlanning", "Spreadsheet",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: settings),
        // Evidence for policy: the equity audit (and, later, replays of the past under another policy).
        .target(
            name: "PlacementEvidence",
            dependencies: ["PlacementModel", "PlacementStore", "PlacementMatching", "PlacementPlanning", "PlacementReports"],
            swiftSettings: settings),
        // The command-line interface as a library, so tests can run the commands.
        .target(
            name: "PlacementCommands",
            dependencies: [
                "PlacementModel", "PlacementStore", "PlacementImport", "PlacementGenerator",
                "PlacementMatching", "PlacementReports", "PlacementPlanning", "PlacementEvidence", "FlowSolver", "Spreadsheet",
                "PlacementWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: settings),
        .executableTarget(name: "placement", dependencies: ["PlacementCommands"], swiftSettings: settings),

        .target(
            name: "PlacementTestSupport",
            dependencies: ["PlacementModel", "PlacementStore"],
            path: "Tests/PlacementTestSupport",
            swiftSettings: settings),
        .testTarget(name: "PlacementModelTests", dependencies: ["PlacementModel"], swiftSettings: settings),
        .testTarget(name: "PlacementGeneratorTests", dependencies: ["PlacementGenerator", "PlacementModel"], swiftSettings: settings),
        .testTarget(name: "FlowSolverTests", dependencies: ["FlowSolver"], swiftSettings: settings),
        .testTarget(
            name: "SpreadsheetTests",
            dependencies: ["Spreadsheet", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Fixtures")],
            swiftSettings: settings),
        .testTarget(
            name: "PlacementMatchingTests",
            dependencies: ["PlacementMatching", "PlacementReports", "PlacementTestSupport"],
            swiftSettings: settings),
        .testTarget(
            name: "PlacementStoreTests",
            dependencies: ["PlacementStore", "PlacementTestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: settings),
        .testTarget(
            name: "PlacementImportTests",
            // ZIPFoundation: to damage workbooks in the tests themselves instead of committing broken files.
            dependencies: ["PlacementImport", "PlacementGenerator", "PlacementTestSupport", "Spreadsheet",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            // Read from the source tree by path: they are files as planners send them.
            exclude: ["Fixtures"],
            swiftSettings: settings),
        .testTarget(
            name: "PlacementReportsTests",
            dependencies: ["PlacementReports", "PlacementTestSupport", "Spreadsheet"],
            swiftSettings: settings),
        .testTarget(
            name: "PlacementPlanningTests",
            dependencies: ["PlacementPlanning", "PlacementReports", "PlacementMatching", "PlacementTestSupport", "Spreadsheet"],
            swiftSettings: settings),
        .testTarget(
            name: "PlacementEvidenceTests",
            dependencies: ["PlacementEvidence", "PlacementReports", "PlacementStore", "PlacementModel", "PlacementMatching", "PlacementTestSupport"],
            swiftSettings: settings),
        // Scans Sources/ for try!, as! and force unwraps (no dependencies: it reads the files).
        .testTarget(name: "SourceLintTests", swiftSettings: settings),
        .testTarget(
            name: "PlacementWebTests",
            dependencies: [
                "PlacementWeb", "PlacementTestSupport", "PlacementStore", "PlacementModel", "PlacementImport",
                "PlacementMatching", "PlacementReports",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: settings),
        .testTarget(
            name: "PlacementCommandsTests",
            dependencies: ["PlacementCommands", "PlacementTestSupport", "Spreadsheet",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            // Golden files are read from the source tree by path (and re-recorded there).
            exclude: ["Golden"],
            swiftSettings: settings),
    ]
)
