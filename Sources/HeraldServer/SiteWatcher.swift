import Foundation
import HeraldCore
import HeraldSite

// Linux defines the dispatch sources' members in CDispatch, which member import visibility asks for.
#if canImport(CDispatch)
    import CDispatch
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Notices when the files a build reads change: the folders and files ``BuildInputs`` names.
///
/// A change is a difference between two *snapshots*: a walk of the watched folders that folds
/// each entry's name, modification time, size and inode into one fingerprint. That works the
/// same on every system and sees editors' rename-into-place saves; the walk uses `readdir` and
/// `fstatat` relative to open folders and allocates nothing per file. On Linux, inotify
/// (``FolderEvents``) says when to walk, so an idle preview costs nothing; elsewhere the folders
/// are walked at every poll (~2 ms for This Week in Rust's 600 files).
struct SiteWatcher: Sendable {
    /// Folders whose files are watched, recursively, hidden files included (a theme may have
    /// some); missing ones are watched for appearing.
    let folders: [URL]
    /// Single files watched, such as `herald.toml`.
    let files: [URL]

    /// The state of every watched file at one poll, folded into a number: equal fingerprints
    /// mean nothing changed.
    struct Snapshot: Equatable {
        fileprivate var fingerprint: UInt64
    }

    /// Calls `onChange` after each change from `baseline`, once the files have stayed the same
    /// for `settle`, until the task is cancelled. A change made while `onChange` runs is seen
    /// at the next poll.
    ///
    /// - Parameter baseline: taken before the build the changes are relative to, so a save
    ///   during that build is not missed.
    func watch(
        from baseline: Snapshot, every interval: Duration, settle: Duration, onChange: @Sendable () async -> Void
    ) async {
        var last = baseline
        #if os(Linux)
            let events = FolderEvents(folders: folders, files: files)
            // Polls between two walks when inotify reports nothing: a safety net, every ~2 s.
            let pollsPerWalk = 40
            var quietPolls = 0
        #endif
        while !Task.isCancelled {
            do { try await Task.sleep(for: interval) } catch { return }
            #if os(Linux)
                if let events {
                    let changed = events.drain()
                    quietPolls = changed ? 0 : quietPolls + 1
                    guard changed || quietPolls >= pollsPerWalk else { continue }
                    quietPolls = 0
                }
            #endif
            var current = snapshot()
            guard current != last else { continue }
            while true {
                do { try await Task.sleep(for: settle) } catch { return }
                let settled = snapshot()
                if settled == current { break }
                current = settled
            }
            last = current
            #if os(Linux)
                events?.watchAll()
                _ = events?.drain()
            #endif
            await onChange()
        }
    }

    /// The watched files as they are now.
    func snapshot() -> Snapshot {
        var fingerprint = Fingerprint()
        for file in files {
            var status = stat()
            fingerprint.add(file.path.utf8)
            if stat(file.path, &status) == 0 { fingerprint.add(status) }
        }
        for folder in folders {
            fingerprint.add(folder.path.utf8)
            let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY)
            if descriptor >= 0 { fingerprint.addFolder(descriptor) }
        }
        return Snapshot(fingerprint: fingerprint.hash)
    }
}

/// A hash fed with file names and `stat` results as a folder is walked.
private struct Fingerprint {
    private var hasher = StableHash()
    var hash: UInt64 { hasher.value }

    mutating func add(_ bytes: some Sequence<UInt8>) {
        hasher.add(bytes)
    }

    mutating func add(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { add($0) }
    }

    mutating func add(_ status: stat) {
        #if canImport(Darwin)
            let modified = status.st_mtimespec
        #else
            let modified = status.st_mtim
        #endif
        add(UInt64(truncatingIfNeeded: modified.tv_sec))
        add(UInt64(truncatingIfNeeded: modified.tv_nsec))
        add(UInt64(truncatingIfNeeded: status.st_size))
        add(UInt64(truncatingIfNeeded: status.st_ino))
    }

    /// Adds every entry of the open folder `descriptor`, and of its subfolders, then closes it.
    /// Symbolic links are followed for files but never into folders, so a link to a folder
    /// above cannot make the walk endless.
    mutating func addFolder(_ descriptor: Int32) {
        guard let folder = fdopendir(descriptor) else {
            close(descriptor)
            return
        }
        defer { closedir(folder) }
        while let entry = readdir(folder) {
            let isDotOrDotDot = withUnsafeBytes(of: entry.pointee.d_name) { name in
                name[0] == UInt8(ascii: ".") && (name[1] == 0 || (name[1] == UInt8(ascii: ".") && name[2] == 0))
            }
            if isDotOrDotDot { continue }
            withUnsafeBytes(of: entry.pointee.d_name) { name in add(name.prefix { $0 != 0 }) }
            var status = stat()
            let found = withUnsafePointer(to: entry.pointee.d_name) { name in
                name.withMemoryRebound(to: CChar.self, capacity: 1) { fstatat(descriptor, $0, &status, 0) == 0 }
            }
            guard found else { continue }
            add(status)
            guard status.st_mode & S_IFMT == S_IFDIR else { continue }
            let subfolder = withUnsafePointer(to: entry.pointee.d_name) { name in
                name.withMemoryRebound(to: CChar.self, capacity: 1) {
                    openat(descriptor, $0, O_RDONLY | O_DIRECTORY | O_NOFOLLOW)
                }
            }
            if subfolder >= 0 { addFolder(subfolder) }
        }
    }
}

extension SiteWatcher {
    /// A watcher of what a build of the newsletter at `folder` reads. Folder names come from
    /// `herald.toml` when it can be read; a `herald.toml` that does not parse is still watched,
    /// so fixing it triggers the rebuild that reports it fixed.
    static func watching(_ folder: URL) -> SiteWatcher {
        let inputs = BuildInputs(root: folder, configuration: try? NewsletterConfiguration.load(fromFolder: folder))
        return SiteWatcher(folders: inputs.folders, files: inputs.files)
    }
}
