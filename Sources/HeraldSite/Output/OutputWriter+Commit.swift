import Foundation
import HeraldCore

extension OutputWriter {
    /// Moves each changed file from `staging` over its old version, removes the files the
    /// previous manifest owned that the site no longer has, and moves the manifest last, all
    /// through a ``CommitJournal`` recorded first, so a build killed midway is finished by the next.
    func commit(
        _ paths: [ContainedPath], from staging: URL, removing removals: [ContainedPath]
    ) throws(HeraldError) {
        let journal = CommitJournal(
            staging: staging.lastPathComponent, moves: paths.map(\.rawValue) + [BuildManifest.fileName],
            removals: removals.map(\.rawValue))
        do {
            try journal.record(for: output)
        } catch {
            throw failure("cannot write the build journal (\(error.localizedDescription))")
        }
        do {
            try journal.replay(into: output)
        } catch {
            throw HeraldError(
                Problem(
                    .cannotWriteSite, file: displayPath,
                    message: "the new site could not be moved into place (\(error.localizedDescription))",
                    fix: "free the space or permission it needs; the next build finishes the move"))
        }
    }

    /// Finishes the commit of a build that was killed, then deletes the staging folders of
    /// builds that died before committing; called under the ``OutputLock``, so none of them is
    /// in use.
    func recover() throws(HeraldError) {
        if let journal = CommitJournal.read(for: output) {
            do {
                try journal.replay(into: output)
            } catch {
                throw failure("cannot finish the interrupted build (\(error.localizedDescription))")
            }
        } else {
            unlink(CommitJournal.url(for: output).path)
        }
        let parent = output.deletingLastPathComponent()
        let prefixes = [".\(output.lastPathComponent).herald-new-", ".\(output.lastPathComponent).herald-old-"]
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        where prefixes.contains(where: entry.hasPrefix) {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))
        }
    }

    /// Removes a file the manifest owns, and the folders it leaves empty; never a folder's
    /// contents, and never through a symbolic link, so a manifest naming `link/x` cannot reach
    /// outside the output.
    static func removeOwnedFile(_ path: ContainedPath, from output: URL) {
        var folder = output
        for component in path.parent.split(separator: "/") {
            folder.appendPathComponent(String(component))
            var status = stat()
            guard lstat(folder.path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { return }
        }
        guard unlink(path.url(in: output).path) == 0 else { return }
        // The folders it leaves empty (an issue's old address) go too; rmdir(2) keeps any
        // folder that still holds something.
        while folder.path.count > output.path.count, rmdir(folder.path) == 0 {
            folder = folder.deletingLastPathComponent()
        }
    }
}
