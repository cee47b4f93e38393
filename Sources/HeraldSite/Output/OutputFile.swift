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
        /// Bytes made by Herald: a page, a feed.
        case generated(@Sendable () -> Data)
        /// A file copied as it is: an image, a theme asset.
        case copy(URL)
    }

    init(path: String, key: StableHash, generate: @escaping @Sendable () -> Data) {
        self.path = path
        self.key = key
        self.contents = .generated(generate)
    }

    init(path: String, key: StableHash, text: @escaping @Sendable () -> String) {
        self.init(path: path, key: key) { Data(text().utf8) }
    }

    init(path: String, copying source: URL) {
        self.path = path
        self.key = StableHash("copy", source.lastPathComponent, Theme.fileStamp(source))
        self.contents = .copy(source)
    }
}
