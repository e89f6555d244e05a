// swift-tools-version: 6.0
import PackageDescription

// libFuzzer targets for the readers, apart from the main package so that `swift build` and
// `make test` never see them. Built and run by `make fuzz` (Fuzz/run.sh):
//   swift build --package-path Fuzz -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
// Each target is a main.swift handing its input function to libFuzzer's driver (FuzzSupport).
let package = Package(
    name: "PlacementFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "placement", path: ".."),
        // To build the XML parts into a workbook in memory (the root package reads with it too).
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // Bytes as a CSV file: encoding, BOM, delimiter and line-ending detection, then every row.
        .executableTarget(name: "FuzzCSV", dependencies: [.product(name: "Spreadsheet", package: "placement"), "FuzzSupport"]),
        // Bytes as an .xlsx file (a ZIP archive).
        .executableTarget(name: "FuzzXLSX", dependencies: [.product(name: "Spreadsheet", package: "placement"), "FuzzSupport"]),
        // Bytes as the XML parts of a workbook, zipped here so the fuzzer works on the XML itself.
        .executableTarget(name: "FuzzXLSXParts", dependencies: [.product(name: "Spreadsheet", package: "placement"), "FuzzSupport"]),
        // Bytes as a CSV sheet, or the XML of an .xlsx sheet, imported (dry run) into an in-memory database.
        .executableTarget(name: "FuzzImport", dependencies: [.product(name: "PlacementEngines", package: "placement"), "FuzzSupport"]),
        // Bytes as a scenario (and an assumptions) TOML file.
        .executableTarget(name: "FuzzScenario", dependencies: [.product(name: "PlacementEngines", package: "placement"), "FuzzSupport"]),
        // Bytes as `key value` lines given to the matching policy.
        .executableTarget(name: "FuzzPolicy", dependencies: [.product(name: "PlacementEngines", package: "placement"), "FuzzSupport"]),
        // Bytes as a demand sheet (CSV).
        .executableTarget(name: "FuzzDemand", dependencies: [.product(name: "PlacementEngines", package: "placement"), "FuzzSupport"]),
        // Bytes as DIMACS min-cost-flow text.
        .executableTarget(name: "FuzzDIMACS", dependencies: [.product(name: "FlowSolver", package: "placement"), "FuzzSupport"]),
        // libFuzzer's driver, a scratch file per process (the readers take files, as the program does),
        // and workbooks zipped from their XML parts.
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "CLibFuzzer"),
    ]
)
