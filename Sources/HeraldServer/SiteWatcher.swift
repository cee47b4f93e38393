import Foundation
import HeraldCore
import HeraldSite

/// Notices when the files a build reads change: the folders and files ``BuildInputs`` names.
///
/// A change is a difference between two ``InputSnapshot``s, walks of the watched folders that
/// fold each entry's name, times, size and inode into one fingerprint. That works the same on
/// every system and sees editors' rename-into-place saves. On Linux, inotify (``FolderEvents``)
/// says when to walk, so an idle preview costs nothing; elsewhere the folders are walked at
/// every poll (~2 ms for This Week in Rust's 600 files).
struct SiteWatcher: Sendable {
    /// What is watched: folders recursively, hidden files included (a theme may have some),
    /// missing ones watched for appearing; and single files such as `herald.toml`.
    let inputs: BuildInputs

    /// Calls `onChange` after each change from `baseline`, once the files have stayed the same
    /// for `settle`, until the task is cancelled. A change made while `onChange` runs is seen
    /// at the next poll.
    ///
    /// - Parameter baseline: taken before the build the changes are relative to, so a save
    ///   during that build is not missed.
    func watch(
        from baseline: InputSnapshot, every interval: Duration, settle: Duration, onChange: @Sendable () async -> Void
    ) async {
        var last = baseline
        #if os(Linux)
            let events = FolderEvents(folders: inputs.folders, files: inputs.files)
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
    func snapshot() -> InputSnapshot {
        InputSnapshot(of: inputs)
    }
}

extension SiteWatcher {
    /// A watcher of what a build of the newsletter at `folder` reads. Folder names come from
    /// `herald.toml` when it can be read; a `herald.toml` that does not parse is still watched,
    /// so fixing it triggers the rebuild that reports it fixed.
    static func watching(_ folder: URL) -> SiteWatcher {
        let inputs = BuildInputs(root: folder, configuration: try? NewsletterConfiguration.load(fromFolder: folder))
        return SiteWatcher(inputs: inputs)
    }
}
