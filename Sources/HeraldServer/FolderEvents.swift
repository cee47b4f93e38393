#if os(Linux)
    import Foundation
    import Glibc

    /// Linux's inotify, used only to tell ``SiteWatcher`` *when* to look: without it the watcher
    /// walks every watched folder 20 times a second; with it, only after the kernel reports a
    /// change (and every few seconds, in case a change came through a folder not yet watched).
    ///
    /// Lives inside one watching task and is never shared, so it needs no locking.
    final class FolderEvents {
        private let descriptor: Int32
        private let folders: [URL]
        private let parents: [URL]
        private static let mask = UInt32(
            IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE | IN_DELETE
                | IN_DELETE_SELF | IN_MOVE_SELF)

        /// Watches every folder under `folders`, and the folders of `files` (for `herald.toml`
        /// and for watched folders that do not exist yet); `nil` when inotify is unavailable.
        init?(folders: [URL], files: [URL]) {
            descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            guard descriptor >= 0 else { return nil }
            self.folders = folders
            self.parents = files.map { $0.deletingLastPathComponent() }
            watchAll()
        }

        deinit {
            close(descriptor)
        }

        /// Adds watches for folders that appeared since the last call; watching a folder twice
        /// is harmless, the kernel keeps one watch.
        func watchAll() {
            for parent in parents { inotify_add_watch(descriptor, parent.path, Self.mask) }
            for folder in folders {
                guard inotify_add_watch(descriptor, folder.path, Self.mask) >= 0,
                    let enumerator = FileManager.default.enumerator(atPath: folder.path)
                else { continue }
                while let relative = enumerator.nextObject() as? String {
                    if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeDirectory {
                        inotify_add_watch(descriptor, folder.path + "/" + relative, Self.mask)
                    }
                }
            }
        }

        /// Whether any event arrived since the last call; reads them all without waiting.
        func drain() -> Bool {
            var buffer = [UInt8](repeating: 0, count: 16384)
            var any = false
            while buffer.withUnsafeMutableBytes({ read(descriptor, $0.baseAddress, $0.count) }) > 0 {
                any = true
            }
            return any
        }
    }
#endif
