// swift-tools-version: 6.1
import PackageDescription

// The engine (`Policy`) depends on Foundation and Yams only: no HTTP, no SQL.
// Everything that talks to the outside world sits in targets above it.
let package = Package(
    name: "Renewal",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Policy", targets: ["Policy"]),
        .executable(name: "renewal", targets: ["renewal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: [
        .target(
            name: "Policy",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "Simulation",
            dependencies: ["Policy"]
        ),
        .executableTarget(
            name: "renewal",
            dependencies: [
                "Policy",
                "Simulation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "MatchBenchmark",
            dependencies: ["Policy", "Simulation"],
            path: "Benchmarks/MatchBenchmark"
        ),
        .testTarget(
            name: "PolicyTests",
            dependencies: ["Policy"]
        ),
        .testTarget(
            name: "SimulationTests",
            dependencies: ["Policy", "Simulation"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
