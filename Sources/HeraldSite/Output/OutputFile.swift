import Foundation

/// One file of the site: where it goes, what its contents depend on, and how to make them.
///
/// The ``key`` hashes every input the contents are made from; when the last build wrote the
/// same path with the same key, the file is carried over instead of being made again.
struct OutputFile: Sendable {
    /// The path inside the output folder, e.g. `blog/2024/02/07/this-week-in-rust-533/index.html`.
    let path: String
    let key: StableHash
    let contents: Contents

    enum Contents: Sendable {
        /// Made by Herald: a page, a feed, a file of the search index.
        case generated(@Sendable () -> GeneratedBytes)
        /// A file copied as it is: an image, a theme asset.
        case copy(URL)
    }

    /// What a generated file holds, in the form it was made in: a rendered page is written from
    /// the string's own storage, since copying a 50 MB issue's pages and feeds into `Data`
    /// before writing them cost a second.
    enum GeneratedBytes: Sendable {
        case text(String)
        case bytes([UInt8])
        /// Bytes made in runs, each handed to the writer as soon as it is made and then let go
        /// (the search index's parts).
        case runs(@Sendable (_ write: (ArraySlice<UInt8>) throws(POSIXError) -> Void) throws(POSIXError) -> Void)
        /// A page or feed in the pieces its templates wrote, written in turn.
        case rendered(RenderedText)

        /// The contents as text (UTF-8), for a step that rewrites a page.
        var text: String {
            switch self {
            case .text(let text): text
            case .bytes(let bytes): String(decoding: bytes, as: UTF8.self)
            case .runs(let make): String(decoding: GeneratedBytes.joined(make), as: UTF8.self)
            case .rendered(let rendered): rendered.text
            }
        }

        /// The runs `make` hands on, joined; it cannot fail, as nothing here is written.
        private static func joined(
            _ make: (_ write: (ArraySlice<UInt8>) throws(POSIXError) -> Void) throws(POSIXError) -> Void
        ) -> [UInt8] {
            var bytes: [UInt8] = []
            try? make { run throws(POSIXError) in bytes += run }
            return bytes
        }
    }

    init(path: String, key: StableHash, contents generate: @escaping @Sendable () -> GeneratedBytes) {
        self.path = path
        self.key = key
        self.contents = .generated(generate)
    }

    init(path: String, key: StableHash, bytes: @escaping @Sendable () -> [UInt8]) {
        self.init(path: path, key: key) { .bytes(bytes()) }
    }

    init(path: String, key: StableHash, text: @escaping @Sendable () -> String) {
        self.init(path: path, key: key) { .text(text()) }
    }

    init(path: String, key: StableHash, rendered: @escaping @Sendable () -> RenderedText) {
        self.init(path: path, key: key) { .rendered(rendered()) }
    }

    init(path: String, copying source: URL) {
        self.path = path
        self.key = StableHash("copy", source.lastPathComponent, Theme.fileStamp(source))
        self.contents = .copy(source)
    }
}
