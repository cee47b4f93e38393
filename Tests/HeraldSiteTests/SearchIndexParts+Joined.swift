@testable import HeraldSite

extension SearchIndexParts {
    /// The file's bytes joined from the runs the site writes (``chunks()``), for comparing whole
    /// files.
    func bytes() -> [UInt8] {
        Array(chunks().joined())
    }

    /// ``bytes()`` as text.
    func text() -> String {
        String(decoding: bytes(), as: UTF8.self)
    }
}
