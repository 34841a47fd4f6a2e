// swift-tools-version: 6.1
import PackageDescription

// The engine (`Policy`) depends on Foundation and Yams only: no HTTP, no SQL. `Simulation`
// adds population runs on top of it. `Registry` is the project database (FluentKit on SQLite or
// PostgreSQL, with its own database setup and no Vapor), `API` the OpenAPI contract, `App` the
// Vapor server. The engine's tests (`PolicyTests`, `SimulationTests`) build without the server.
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
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/apple/swift-openapi-generator.git", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime.git", from: "1.13.4"),
        .package(url: "https://github.com/vapor/swift-openapi-vapor.git", from: "1.2.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/leaf-kit.git", from: "1.14.3"),
    ],
    targets: [
        .target(
            name: "Policy",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // The rules of the process, pure like the engine: roles, application states, materials and
        // deferrals, the review join, working-day clocks, commitment sampling. No I/O.
        .target(
            name: "Workflow",
            dependencies: ["Policy", "Spreadsheet", .product(name: "Yams", package: "Yams")]
        ),
        // Risk flags on arriving applications (issue 11, item 7), pure like the engine: a
        // population in, flags with their evidence out. No SQL, no HTTP.
        .target(
            name: "Risk",
            dependencies: ["Policy"]
        ),
        .target(
            name: "Simulation",
            dependencies: ["Policy", "Spreadsheet"]
        ),
        // CSV and XLSX as formats, knowing nothing of projects (nor of the engine).
        .target(
            name: "Spreadsheet",
            dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // The project's columns and rows on top of the spreadsheet formats.
        .target(
            name: "Tabular",
            dependencies: ["Policy", "Spreadsheet"]
        ),
        .target(
            name: "Registry",
            dependencies: [
                "Policy", "Tabular", "Spreadsheet", "Workflow", "Risk",
                // FluentKit, not Fluent: the registry knows no HTTP (Fluent is Vapor's integration).
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Outgoing mail over SMTP on SwiftNIO, knowing nothing of the platform: a message, its
        // rendering (RFC 5322 headers, RFC 2047 subject, dot-stuffing) and one conversation per mail.
        .target(
            name: "Mail",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .target(
            name: "API",
            dependencies: [.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")],
            resources: [.copy("openapi.yaml")],
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        .target(
            name: "App",
            dependencies: [
                "Policy", "Simulation", "Registry", "API", "Workflow", "Mail", "Risk",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "LeafKit", package: "leaf-kit"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "OpenAPIVapor", package: "swift-openapi-vapor"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        .executableTarget(
            name: "renewal",
            dependencies: [
                "Policy",
                "Simulation",
                "Registry",
                "App",
                "Risk",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "MatchBenchmark",
            dependencies: ["Policy", "Simulation", "Tabular", "Spreadsheet"],
            path: "Benchmarks/MatchBenchmark"
        ),
        .testTarget(
            name: "PolicyTests",
            dependencies: ["Policy"]
        ),
        .testTarget(
            name: "SpreadsheetTests",
            dependencies: ["Spreadsheet"]
        ),
        .testTarget(
            name: "TabularTests",
            dependencies: ["Tabular", "Spreadsheet", "Policy", "Simulation"]
        ),
        .testTarget(
            name: "WorkflowTests",
            dependencies: ["Workflow", "Policy"]
        ),
        // An SMTP server in the test process, for the mail tests and the outbox's.
        .target(
            name: "MailTestSupport",
            dependencies: [.product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                           .product(name: "NIOSSL", package: "swift-nio-ssl")],
            path: "Tests/MailTestSupport"
        ),
        .testTarget(
            name: "MailTests",
            dependencies: ["Mail", "MailTestSupport"]
        ),
        .testTarget(
            name: "RiskTests",
            dependencies: ["Risk", "Policy", "Simulation"]
        ),
        .testTarget(
            name: "SimulationTests",
            dependencies: ["Policy", "Simulation"]
        ),
        .testTarget(
            name: "AppTests",
            dependencies: [
                "App", "Registry", "Policy", "Workflow", "Mail", "MailTestSupport", "Risk",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
