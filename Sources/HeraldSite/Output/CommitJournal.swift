import Foundation
import HeraldCore

/// The list of renames and removals that turn the old site into the new one, written beside the
/// output before the first of them, so a build killed midway is finished by the next one.
///
/// Herald keeps the output a plain folder, so a static host uploading `_site`, a `CNAME` in it
/// and a gh-pages `.git/` inside it all keep working; a symbolic link swapped between two
/// generations would have been atomic for readers too, but would move those files out of the
/// folder users know. Instead every step is a `rename(2)` or an `unlink(2)` that the journal
/// names in advance, each one safe to do twice: a file already moved is no longer in staging, a
/// file already removed is gone. Whoever opens the output next (``OutputWriter``, under its
/// ``OutputLock``) replays a journal it finds before reading anything from the folder, so after
/// any kill the site is the old one (no journal yet) or the new one (journal replayed), never a
/// mix that stays.
struct CommitJournal: Codable, Sendable {
    /// The staging folder's name, beside the output.
    var staging: String
    /// Paths moved from staging into the output, the manifest last.
    var moves: [String]
    /// Paths the old manifest named that the new site no longer has.
    var removals: [String]

    /// Where the journal of `output` lives: `.NAME.herald-journal` beside it.
    static func url(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).herald-journal")
    }

    /// The journal left by a build that did not finish, if any; one that cannot be read is
    /// `nil`, since a journal is complete once it exists (it is renamed into place).
    static func read(for output: URL) -> CommitJournal? {
        guard let data = FileManager.default.contents(atPath: url(for: output).path) else { return nil }
        return try? JSONDecoder().decode(CommitJournal.self, from: data)
    }

    /// Writes the journal whole (a temporary file synced, then renamed) before any step is taken.
    func record(for output: URL) throws {
        let destination = CommitJournal.url(for: output)
        let temporary = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString).tmp")
        let data = try JSONEncoder().encode(self)
        try data.write(to: temporary)
        let descriptor = open(temporary.path, O_RDONLY)
        if descriptor >= 0 {
            fsync(descriptor)
            close(descriptor)
        }
        guard rename(temporary.path, destination.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw POSIXError.fromErrno
        }
    }

    /// Takes every step that is not yet taken, then removes the journal and the staging folder.
    ///
    /// - Throws: the first rename that fails for another reason than its source being gone; the
    ///   journal then stays for the next build to try again.
    func replay(into output: URL) throws {
        let manager = FileManager.default
        let stagingFolder = output.deletingLastPathComponent().appendingPathComponent(staging)
        for path in moves {
            guard let contained = try? ContainedPath(path) else { continue }
            let source = contained.url(in: stagingFolder)
            let destination = contained.url(in: output)
            guard manager.fileExists(atPath: source.path) else { continue }
            try manager.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard rename(source.path, destination.path) == 0 else {
                throw POSIXError.fromErrno
            }
        }
        for path in removals {
            guard let contained = try? ContainedPath(path) else { continue }
            OutputWriter.removeOwnedFile(contained, from: output)
        }
        unlink(CommitJournal.url(for: output).path)
        try? manager.removeItem(at: stagingFolder)
    }
}
