// swift-tools-version: 6.0
import PackageDescription

#if os(Linux)
    import Glibc
#endif

/// How `herald` is linked on Linux, so that a run pays less to start: the pages of the executable
/// touched before `main` went down by 6 MB (an empty `herald markdown` peaked at 24.3 MB, now
/// 17.9 MB; md4c's driver 1.5 MB), every verb alike. LLVM's linker (shipped with the toolchain)
/// in place of gold; symbols kept out of the dynamic table (the driver exports all 59,000: the
/// loader looked in their table for every symbol the C libraries bind, and nothing looks one up
/// by name); and on a glibc that reads them (2.36 and later), the 157,000 relative relocations
/// packed into a bitmap the loader reads in a few pages instead of a 3.8 MB table. The packed
/// form makes the binary refuse to start on an older glibc, so a machine with one links without
/// it. Then the functions a run starts with, laid out side by side (`scripts/startup.order`, made
/// by `scripts/startup-order.sh`; a name the linker no longer finds is passed over): the kernel
/// maps up to 64 kB of the file around each page of code touched, and spread over 37 MB of code
/// they touched 8 MB (an empty run 17.9 → 14.0 MB).
let leanStartLinkerFlags: [String] = {
    var flags = [
        "-use-ld=lld", "-Xlinker", "--no-export-dynamic",
        "-Xlinker", "--symbol-ordering-file=\(Context.packageDirectory)/scripts/startup.order",
        "-Xlinker", "--no-warn-symbol-ordering",
    ]
    #if os(Linux)
        // "glibc 2.36"; empty on a C library that is not glibc.
        var text = [CChar](repeating: 0, count: 64)
        _ = confstr(Int32(_CS_GNU_LIBC_VERSION), &text, text.count)
        let name = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let version = name.split(separator: " ").last?.split(separator: ".").compactMap { Int($0) } ?? []
        if version.count >= 2, (version[0], version[1]) >= (2, 36) {
            flags += ["-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"]
        }
    #endif
    return flags
}()

let package = Package(
    name: "Herald",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "herald", targets: ["herald"]),
        .library(name: "HeraldMarkdown", targets: ["HeraldMarkdown"]),
        .library(name: "HeraldCore", targets: ["HeraldCore"]),
        .library(name: "HeraldSite", targets: ["HeraldSite"]),
        .library(name: "HeraldEmail", targets: ["HeraldEmail"]),
        .library(name: "HeraldSMTP", targets: ["HeraldSMTP"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .target(name: "HeraldMarkdown"),
        // Built-in files are embedded in the code (`PackageResources`), not put in a resource
        // bundle, so a copied `herald` executable still has them.
        .target(
            name: "HeraldCore",
            dependencies: [
                "HeraldMarkdown",
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.embedInCode("Presets/this-week-in-rust.toml")]
        ),
        .target(
            name: "HeraldSite",
            dependencies: [
                "HeraldCore",
                "HeraldMarkdown",
            ],
            resources: [.embedInCode("Theme/Files")]
        ),
        .target(
            name: "HeraldServer",
            dependencies: [
                "HeraldSite",
                "HeraldCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "HeraldHTTP",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(
            name: "HeraldGather",
            dependencies: ["HeraldCore", "HeraldMarkdown", "HeraldHTTP"]
        ),
        .target(
            name: "HeraldCheck",
            dependencies: ["HeraldCore", "HeraldMarkdown", "HeraldHTTP"]
        ),
        .target(
            name: "HeraldWorkflow",
            dependencies: ["HeraldCore", "HeraldMarkdown", "HeraldHTTP", "HeraldCheck"]
        ),
        .target(
            name: "HeraldEmail",
            dependencies: ["HeraldCore", "HeraldMarkdown", "HeraldSite"],
            resources: [.embedInCode("Files/email.mustache")]
        ),
        .target(
            name: "HeraldSMTP",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
            ]
        ),
        .target(
            name: "HeraldList",
            dependencies: [
                "HeraldCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "HeraldListService",
            dependencies: [
                "HeraldList",
                "HeraldSMTP",
                "HeraldEmail",
                "HeraldSite",
                "HeraldCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "HeraldSend",
            dependencies: [
                "HeraldList", "HeraldSMTP", "HeraldEmail", "HeraldCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "herald",
            dependencies: [
                "HeraldMarkdown",
                "HeraldCore",
                "HeraldSite",
                "HeraldEmail",
                "HeraldServer",
                "HeraldCheck",
                "HeraldGather",
                "HeraldHTTP",
                "HeraldWorkflow",
                "HeraldList",
                "HeraldListService",
                "HeraldSMTP",
                "HeraldSend",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: [.unsafeFlags(leanStartLinkerFlags, .when(platforms: [.linux]))]
        ),
        .target(
            name: "HeraldTestSupport",
            dependencies: [
                "HeraldSMTP",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/HeraldTestSupport",
            exclude: ["smtp_server.py"]
        ),
        .testTarget(
            name: "HeraldCheckTests",
            dependencies: ["HeraldCheck", "HeraldCore", "HeraldMarkdown", "HeraldTestSupport"]),
        .testTarget(name: "HeraldHTTPTests", dependencies: ["HeraldHTTP", "HeraldTestSupport"]),
        .testTarget(
            name: "HeraldWorkflowTests",
            dependencies: ["HeraldWorkflow", "HeraldCore", "HeraldCheck", "HeraldHTTP", "HeraldTestSupport"]),
        .testTarget(
            name: "HeraldGatherTests", dependencies: ["HeraldGather", "HeraldCore", "HeraldTestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(name: "HeraldMarkdownTests", dependencies: ["HeraldMarkdown", "HeraldTestSupport"]),
        .testTarget(name: "HeraldCoreTests", dependencies: ["HeraldCore", "HeraldMarkdown", "HeraldTestSupport"]),
        .testTarget(name: "HeraldSiteTests", dependencies: ["HeraldSite", "HeraldCore", "HeraldTestSupport"]),
        .testTarget(name: "HeraldEmailTests", dependencies: ["HeraldEmail", "HeraldCore", "HeraldTestSupport"]),
        .testTarget(name: "HeraldSMTPTests", dependencies: ["HeraldSMTP", "HeraldTestSupport"]),
        .testTarget(
            name: "HeraldListTests",
            dependencies: [
                "HeraldList", "HeraldCore", "HeraldTestSupport", "herald",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "HeraldSendTests",
            dependencies: [
                "HeraldSend", "HeraldList", "HeraldSMTP", "HeraldEmail", "HeraldCore", "HeraldTestSupport", "herald",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            exclude: ["Helpers"]),
        .testTarget(
            name: "HeraldServerTests", dependencies: ["HeraldServer", "HeraldSite", "HeraldCore", "HeraldTestSupport"]),
        // Runs the built `herald`; depending on it makes `swift test` build the executable first.
        .testTarget(name: "HeraldEndToEndTests", dependencies: ["herald", "HeraldTestSupport"]),
    ]
)

// Swift 6's upcoming language features, on for every target so the code is ready for them:
// `any` spelled out for existentials, members visible only through their own module's import,
// and imports internal unless a file says `public import` (or `package import`): a module's
// public API then names the modules it exposes, and no other import leaks to its clients.
for target in package.targets {
    target.swiftSettings =
        (target.swiftSettings ?? []) + [
            .enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility"),
            .enableUpcomingFeature("InternalImportsByDefault"),
        ]
}
