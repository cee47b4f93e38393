import Foundation
import HeraldCore

extension OutputWriter {
    /// Puts `staging` in the output's place; the old output is removed only once the new one is in.
    func swap(in staging: URL) throws(HeraldError) {
        let manager = FileManager.default
        guard manager.fileExists(atPath: output.path) else {
            do {
                try manager.moveItem(at: staging, to: output)
                return
            } catch {
                throw failure("cannot move the new site into place (\(error.localizedDescription))")
            }
        }
        let retired = output.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).herald-old-\(UUID().uuidString)")
        do {
            try manager.moveItem(at: output, to: retired)
        } catch {
            throw failure("cannot move the previous site aside (\(error.localizedDescription))")
        }
        do {
            try manager.moveItem(at: staging, to: output)
        } catch {
            try? manager.moveItem(at: retired, to: output)
            throw failure("cannot move the new site into place (\(error.localizedDescription)); the previous site is kept")
        }
        try? manager.removeItem(at: retired)
    }

    /// Moves each changed file from `staging` over its old version, removes what the site no
    /// longer has, and writes the manifest last.
    ///
    /// Each move is one `rename(2)`, so a reader sees the old file or the new one, never a part.
    /// If the process dies midway, the old manifest is still in place and names the old keys, so
    /// the next build makes the moved files again.
    func commit(
        _ paths: [String], from staging: URL, replacing previous: BuildManifest, with manifest: BuildManifest
    ) throws(HeraldError) {
        let manager = FileManager.default
        for path in paths {
            let destination = output.appendingPathComponent(path)
            do {
                try manager.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                if rename(staging.appendingPathComponent(path).path, destination.path) != 0 {
                    throw CocoaError(.fileWriteUnknown)
                }
            } catch {
                throw failure("cannot move \(path) into place (\(error.localizedDescription))")
            }
        }
        for path in previous.files.keys.sorted() where manifest.files[path] == nil && OutputWriter.staysInside(path) {
            let file = output.appendingPathComponent(path)
            try? manager.removeItem(at: file)
            // The folders it leaves empty (an issue's old address) go too; rmdir(2) keeps any
            // folder that still holds something.
            var folder = file.deletingLastPathComponent()
            while folder.path.count > output.path.count, rmdir(folder.path) == 0 {
                folder = folder.deletingLastPathComponent()
            }
        }
        let manifestName = BuildManifest.fileName
        if rename(staging.appendingPathComponent(manifestName).path, output.appendingPathComponent(manifestName).path) != 0 {
            throw failure("cannot move the build manifest into place")
        }
    }

    /// Whether a path from a manifest names a file inside the output: a manifest edited by hand
    /// must not make Herald delete anything outside it.
    static func staysInside(_ path: String) -> Bool {
        !path.hasPrefix("/") && !path.split(separator: "/").contains("..")
    }
}
