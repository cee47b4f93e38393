// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Herald",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "herald", targets: ["herald"]),
        .library(name: "HeraldMarkdown", targets: ["HeraldMarkdown"]),
        .library(name: "HeraldCore", targets: ["HeraldCore"]),
        .library(name: "HeraldSite", targets: ["HeraldSite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .target(name: "HeraldMarkdown"),
        .target(
            name: "HeraldCore",
            dependencies: [
                "HeraldMarkdown",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .target(
            name: "HeraldSite",
            dependencies: [
                "HeraldCore",
                "HeraldMarkdown",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "herald",
            dependencies: [
                "HeraldMarkdown",
                "HeraldCore",
                "HeraldSite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "HeraldMarkdownTests", dependencies: ["HeraldMarkdown"]),
        .testTarget(name: "HeraldCoreTests", dependencies: ["HeraldCore", "HeraldMarkdown"]),
        .testTarget(name: "HeraldSiteTests", dependencies: ["HeraldSite", "HeraldCore"]),
    ]
)
