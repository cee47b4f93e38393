import Foundation
import HeraldCore

/// Writes a planned site into a staging folder beside the output and commits it at the end, so
/// a build that fails leaves the old site as it was.
///
/// Files whose key matches the last build's manifest are left as they are; the rest are made on
/// every core. Nothing is deleted but files a readable manifest names and the writer's own
/// staging folders. A writer holds the output's ``OutputLock`` while it lives, and on opening
/// the output it first finishes a commit a killed build left (see ``CommitJournal``).
struct OutputWriter {
    /// The output folder, absolute, symbolic links resolved.
    let output: URL
    /// How the output is named in problems.
    let displayPath: String
    private let lock: OutputLock

    /// Checks that `output` is a safe place to write, takes its lock and finishes any commit a
    /// killed build left.
    ///
    /// - Parameters:
    ///   - protected: folders that must survive the build (the newsletter, its content).
    ///   - sourceFolders: folders the build reads every file of; a site written inside one would
    ///     be read back as issues or copied into itself by the next build.
    /// - Throws: ``HeraldError`` with ``ProblemCode/unsafeOutput`` when the output is, or
    ///   contains, a protected folder, lies in a source folder, is a file, or is a folder Herald
    ///   did not write.
    init(output: URL, displayPath: String, protecting protected: [URL], outside sourceFolders: [URL])
        throws(HeraldError)
    {
        let resolved = output.standardizedFileURL.resolvingSymlinksInPath()
        self.output = resolved
        self.displayPath = displayPath
        func refuse(_ message: String, fix: String) -> HeraldError {
            HeraldError(Problem(.unsafeOutput, file: displayPath, message: message, fix: fix))
        }
        let outputComponents = resolved.pathComponents
        if outputComponents.count <= 1 {
            throw refuse(
                "the output folder is the file system's root", fix: "pass --out with a folder of its own, such as _site"
            )
        }
        for folder in protected {
            let components = folder.standardizedFileURL.resolvingSymlinksInPath().pathComponents
            if components.starts(with: outputComponents) {
                throw refuse(
                    "the output folder is or contains \(folder.path), which the build reads; replacing it would delete the newsletter",
                    fix: "pass --out with a folder of its own, such as _site")
            }
        }
        for folder in sourceFolders {
            let components = folder.standardizedFileURL.resolvingSymlinksInPath().pathComponents
            if outputComponents.starts(with: components) {
                throw refuse(
                    "the output folder is inside \(folder.path), whose files the build reads",
                    fix: "pass --out with a folder outside it, such as _site")
            }
        }
        let parent = resolved.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw refuse(
                "cannot create the folder \(parent.path) (\(error.localizedDescription))", fix: "pass another --out")
        }
        lock = try OutputLock(on: parent, displayPath: displayPath)
        try recover()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw refuse("the output path is a file, not a folder", fix: "remove it or pass another --out")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: resolved.path)) ?? []
        if !entries.isEmpty && !entries.contains(BuildManifest.fileName) {
            throw refuse(
                "the output folder holds files that Herald did not write, and no manifest says which are Herald's",
                fix: "empty or remove it, or pass another --out")
        }
    }

    /// What a write did.
    struct Summary: Sendable {
        /// Paths made in this build, sorted.
        var written: [String]
        /// How many files were carried over unchanged from the last build.
        var reused: Int
    }

    /// Makes what changed into a staging folder beside the output, then puts it in place.
    ///
    /// With no output folder yet, the staging folder becomes the output in one rename. Otherwise
    /// only the changed files are staged and committed (see ``commit(_:from:removing:)``); files
    /// the site no longer has are removed only when the previous manifest names them. Either way
    /// every failure to make a file happens before the output is touched.
    ///
    /// - Parameters:
    ///   - later: files found only once something slow is made (the search index's), made
    ///     beside `files`, so that the making of the pages fills the cores the other leaves idle.
    ///   - stamp: what the site is made from, saved once it is in place; without one, any stamp
    ///     of an earlier build is removed before the site changes.
    func write(
        _ files: [OutputFile], later: (@Sendable () -> [OutputFile])? = nil, stamp: BuildStamp?
    ) throws(HeraldError) -> Summary {
        let manager = FileManager.default
        var planned = try contained(files)
        let previous = BuildManifest.read(in: output)
        let reusable = previous?.hasCurrentKeys == true ? previous : nil
        var manifest = BuildManifest()
        var toMake = changed(planned, since: reusable, recordingIn: &manifest)
        // Nothing to make and the same manifest: the site is already this build's, and a
        // rebuild that found nothing changed stages, encodes and commits nothing.
        if later == nil, toMake.isEmpty, let reusable, reusable.files == manifest.files {
            record(stamp)
            return Summary(written: [], reused: files.count)
        }
        let staging = output.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).herald-new-\(UUID().uuidString)")
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw failure("cannot create \(staging.path) (\(error.localizedDescription))")
        }
        do throws(HeraldError) {
            if let later {
                let found = BackgroundWork(later)
                try make(toMake, in: staging)
                let laterPlanned = try contained(found.value())
                let laterToMake = changed(laterPlanned, since: reusable, recordingIn: &manifest)
                try make(laterToMake, in: staging)
                planned += laterPlanned
                toMake += laterToMake
            } else {
                try make(toMake, in: staging)
            }
            do {
                try manifest.data().write(to: staging.appendingPathComponent(BuildManifest.fileName))
            } catch {
                throw failure("cannot write the build manifest (\(error.localizedDescription))")
            }
            if manager.fileExists(atPath: output.path) {
                let kept = Set(planned.map(\.path))
                let removals = (previous?.ownedPaths ?? []).subtracting(kept).sorted()
                BuildStamp.remove(from: output)
                try commit(toMake.map(\.path), from: staging, removing: removals)
            } else if rename(staging.path, output.path) != 0 {
                throw failure("cannot move the new site into place (\(SystemError.description(of: errno)))")
            }
            var stamp = stamp
            stamp?.fileCount = planned.count
            record(stamp)
            return Summary(written: toMake.map(\.path.rawValue).sorted(), reused: planned.count - toMake.count)
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
    }

    /// `files` with their paths checked to stay inside the output.
    private func contained(_ files: [OutputFile]) throws(HeraldError) -> [(file: OutputFile, path: ContainedPath)] {
        var planned: [(file: OutputFile, path: ContainedPath)] = []
        for file in files {
            do {
                planned.append((file, try ContainedPath(file.path)))
            } catch {
                throw HeraldError(
                    Problem(
                        .unsafePath, file: displayPath, message: error.description,
                        fix: "rename the file or change the setting the path comes from; the site is unchanged"))
            }
        }
        return planned
    }

    /// The files of `planned` that are not in the output with the key `previous` recorded for
    /// them, each file's key recorded in `manifest`.
    private func changed(
        _ planned: [(file: OutputFile, path: ContainedPath)], since previous: BuildManifest?,
        recordingIn manifest: inout BuildManifest
    ) -> [(file: OutputFile, path: ContainedPath)] {
        let outputPath = output.path
        // Which files are already there with their key: a `stat` each, on every core.
        let unchanged = planned.concurrentMap { entry in
            previous?.files[entry.path.rawValue] == entry.file.key.hex
                && FileManager.default.fileExists(atPath: outputPath + "/" + entry.path.rawValue)
        }
        var toMake: [(file: OutputFile, path: ContainedPath)] = []
        for (entry, isUnchanged) in zip(planned, unchanged) {
            manifest.files[entry.path.rawValue] = entry.file.key.hex
            if !isUnchanged { toMake.append(entry) }
        }
        return toMake
    }

    /// The stamp of the site in the output when it was built from `key` and every file its
    /// manifest names is still there; `nil` otherwise, and the site must be built.
    func unchangedSite(builtFrom key: String) -> BuildStamp? {
        guard let stamp = BuildStamp.read(in: output), stamp.key == key,
            let manifest = BuildManifest.read(in: output), manifest.hasCurrentKeys,
            manifest.files.count == stamp.fileCount
        else { return nil }
        let outputPath = output.path
        let present = Array(manifest.files.keys).concurrentMap {
            FileManager.default.fileExists(atPath: outputPath + "/" + $0)
        }
        return present.allSatisfy { $0 } ? stamp : nil
    }

    /// Saves `stamp` in the output through a file staged beside it (which ``recover()`` removes
    /// if the build dies first), or removes the stamp there when there is none. A stamp that
    /// cannot be saved only means the next build reads every issue.
    private func record(_ stamp: BuildStamp?) {
        guard let stamp else {
            BuildStamp.remove(from: output)
            return
        }
        let staged = output.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).herald-new-\(UUID().uuidString)")
        do {
            let bytes = [UInt8](stamp.data())
            try OutputWriter.create(staged) { file throws(POSIXError) in try file.write(bytes) }
            guard rename(staged.path, output.appendingPathComponent(BuildStamp.fileName).path) == 0 else {
                throw POSIXError.fromErrno
            }
        } catch {
            unlink(staged.path)
            BuildStamp.remove(from: output)
        }
    }

    /// Writes `files` under `folder` on every core.
    private func make(_ files: [(file: OutputFile, path: ContainedPath)], in folder: URL) throws(HeraldError) {
        var folders = Set<String>()
        for entry in files where !entry.path.parent.isEmpty {
            folders.insert(entry.path.parent)
        }
        // Each folder made once with `mkdir`, its parents first: through `FileManager`, which
        // builds a URL and asks after every parent of each of a site's 700 folders, this was a
        // tenth of writing a site, on one core.
        let base = folder.path
        var made = Set<String>()
        for parent in folders.sorted() {
            var prefix = ""
            for component in parent.split(separator: "/") {
                prefix += prefix.isEmpty ? String(component) : "/" + component
                guard made.insert(prefix).inserted else { continue }
                if mkdir(base + "/" + prefix, 0o777) != 0, errno != EEXIST {
                    throw failure("cannot create the folder \(prefix) (\(SystemError.description(of: errno)))")
                }
            }
        }
        let failures = files.concurrentMap { file, path -> (path: String, error: any Error)? in
            do {
                switch file.contents {
                case .generated(let generate):
                    let generated = generate()
                    try OutputWriter.create(path.url(in: folder)) { file throws(POSIXError) in
                        switch generated {
                        case .text(let text): try file.write(text)
                        case .bytes(let bytes): try file.write(bytes)
                        case .runs(let make): try make { run throws(POSIXError) in try file.write(run) }
                        case .rendered(let rendered): for piece in rendered.allPieces { try piece.write(to: file) }
                        }
                    }
                case .copy(let source):
                    try FileManager.default.copyItem(at: source, to: path.url(in: folder))
                }
                return nil
            } catch {
                return (file.path, error)
            }
        }
        if let (path, error) = failures.compactMap({ $0 }).min(by: { $0.path < $1.path }) {
            throw failure("cannot write \(path) (\(error.localizedDescription))")
        }
    }

    /// Writes a new file without `Data.write`'s `fsync`: the staging folder is thrown away on
    /// failure, and syncing 600 pages cost more than making them.
    private static func create(_ url: URL, writing write: (WritableFile) throws(POSIXError) -> Void) throws(POSIXError)
    {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw POSIXError.fromErrno }
        defer { close(descriptor) }
        try write(WritableFile(descriptor: descriptor))
    }

    func failure(_ message: String) -> HeraldError {
        HeraldError(
            Problem(.cannotWriteSite, file: displayPath, message: message, fix: "the previous site is unchanged"))
    }
}
