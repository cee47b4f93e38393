public import Foundation

/// The one way Herald changes a draft on disk: from a ``DraftSnapshot``, under the folder's
/// lock, only while the file still holds the snapshot's bytes, whole or not at all.
///
/// `herald submit`, `publish`, `gather --into-draft` and `check --fix` all plan from a snapshot
/// and write through here, so each of them keeps the file's permissions and byte-order mark,
/// never leaves half a file, and never overwrites a save made after its reading: that write
/// fails with ``ProblemCode/draftChanged`` and the command plans again from a new snapshot.
public enum DraftEditor {
    /// Writes `plan` with `write`; when the file changed since the plan's snapshot was read,
    /// plans again from the file as it is now and writes that, up to `attempts` writes in all.
    ///
    /// This is how every verb that edits a draft meets a concurrent save: its work is planned
    /// again on top of the save rather than written over it or given up.
    ///
    /// - Returns: the plan that was written.
    /// - Throws: what `replan` throws, or `failure` of the last write's error.
    package static func write<Plan, Failure: Error>(
        _ plan: Plan, attempts: Int, with write: (Plan) throws(HeraldError) -> Void,
        replanning replan: (Plan) throws(Failure) -> Plan, failure: (HeraldError) -> Failure
    ) throws(Failure) -> Plan {
        var plan = plan
        for attempt in 1...max(1, attempts) {
            do throws(HeraldError) {
                try write(plan)
                return plan
            } catch  where error.isDraftChanged && attempt < attempts {
                plan = try replan(plan)
            } catch {
                throw failure(error)
            }
        }
        return plan
    }

    /// Replaces the file with `text` (without byte-order mark; the file's own is kept).
    ///
    /// - Throws: ``HeraldError`` with ``ProblemCode/draftChanged`` when the file no longer holds
    ///   the snapshot's bytes, or ``ProblemCode/unreadable`` when it cannot be written.
    public static func replace(_ snapshot: DraftSnapshot, with text: String) throws(HeraldError) {
        let mark = snapshot.hasByteOrderMark ? DraftSnapshot.byteOrderMark : []
        try replace(snapshot, withBytes: mark + Array(text.utf8))
    }

    /// Replaces the file with `bytes`, exactly as given.
    public static func replace(_ snapshot: DraftSnapshot, withBytes bytes: [UInt8]) throws(HeraldError) {
        let folder = snapshot.url.deletingLastPathComponent()
        try FolderLock.holding(folder, displayPath: snapshot.displayPath) { () throws(HeraldError) in
            try write(bytes, over: snapshot)
        }
    }

    /// Creates a new file with `text`; refuses an existing one.
    public static func create(at url: URL, text: String, displayPath: String) throws(HeraldError) {
        try AtomicFile.create(at: url, contents: Data(text.utf8), displayPath: displayPath)
    }

    /// Takes the snapshot's file out of its folder while `work` writes what replaces it (how
    /// `herald publish` moves a draft into the archive), all under the folder's lock.
    ///
    /// The file is first renamed aside, so a save from here on makes a new file at its place
    /// instead of changing the one being published. If the set-aside file is not the snapshot,
    /// or a save arrived while `work` ran, `undo` removes what `work` wrote, the newest save is
    /// left at the file's place, and the call throws ``ProblemCode/draftChanged``: an editor's
    /// save is never lost.
    ///
    /// - Parameters:
    ///   - work: writes the replacement files; given the locked folder to replace files in it.
    ///   - undo: removes what `work` wrote (all or part of it), when it must be taken back.
    public static func retire(
        _ snapshot: DraftSnapshot, replacingWith work: (LockedFolder) throws(HeraldError) -> Void,
        undo: (LockedFolder) -> Void
    ) throws(HeraldError) {
        let folder = snapshot.url.deletingLastPathComponent()
        try FolderLock.holding(folder, displayPath: snapshot.displayPath) { () throws(HeraldError) in
            let manager = FileManager.default
            let aside = folder.appendingPathComponent(
                ".\(snapshot.url.lastPathComponent).\(UUID().uuidString).retiring")
            guard rename(snapshot.url.path, aside.path) == 0 else {
                if errno == ENOENT { throw changed(snapshot) }
                throw unwritable(snapshot, reason: SystemError.description(of: errno))
            }
            func putBack() {
                if !manager.fileExists(atPath: snapshot.url.path) {
                    _ = rename(aside.path, snapshot.url.path)
                } else if holds(snapshot, at: aside) {
                    try? manager.removeItem(at: aside)
                }
            }
            guard holds(snapshot, at: aside) else {
                putBack()
                throw changed(snapshot)
            }
            let locked = LockedFolder(url: folder)
            do throws(HeraldError) {
                try work(locked)
            } catch {
                undo(locked)
                putBack()
                throw error
            }
            guard holds(snapshot, at: aside), !manager.fileExists(atPath: snapshot.url.path) else {
                undo(locked)
                putBack()
                throw changed(snapshot)
            }
            try? manager.removeItem(at: aside)
        }
    }

    /// A folder whose lock the caller holds: files in it are replaced without locking again.
    public struct LockedFolder: Sendable {
        let url: URL

        /// ``DraftEditor/replace(_:with:)`` for a file in this folder or another one.
        public func replace(_ snapshot: DraftSnapshot, with text: String) throws(HeraldError) {
            let bytes = (snapshot.hasByteOrderMark ? DraftSnapshot.byteOrderMark : []) + Array(text.utf8)
            if snapshot.url.deletingLastPathComponent().standardizedFileURL.path == url.standardizedFileURL.path {
                try DraftEditor.write(bytes, over: snapshot)
            } else {
                try DraftEditor.replace(snapshot, withBytes: bytes)
            }
        }
    }

    /// The write itself; the caller holds the folder's lock. ``AtomicFile`` keeps the file's
    /// permissions and follows a symbolic link to the file it names.
    static func write(_ bytes: [UInt8], over snapshot: DraftSnapshot) throws(HeraldError) {
        guard holds(snapshot, at: snapshot.url) else { throw changed(snapshot) }
        try AtomicFile.replace(at: snapshot.url, displayPath: snapshot.displayPath) { file throws(POSIXError) in
            try file.write(bytes)
        }
    }

    private static func holds(_ snapshot: DraftSnapshot, at url: URL) -> Bool {
        FileManager.default.contents(atPath: url.path).map { Array($0) == snapshot.bytes } ?? false
    }

    private static func changed(_ snapshot: DraftSnapshot) -> HeraldError {
        HeraldError(
            Problem(
                .draftChanged, file: snapshot.displayPath,
                message: "the file changed while Herald was working on it, so Herald left it as it is",
                fix: "run the command again"))
    }

    private static func unwritable(_ snapshot: DraftSnapshot, reason: String) -> HeraldError {
        HeraldError(Problem(.unreadable, file: snapshot.displayPath, message: "cannot write the file (\(reason))"))
    }
}

extension HeraldError {
    /// Whether this is a ``DraftEditor`` write refused because the file changed since its
    /// snapshot: planning again from a new snapshot can succeed.
    public var isDraftChanged: Bool { problems.contains { $0.code == .draftChanged } }
}

extension ProblemCode {
    /// A file changed between Herald's reading and its write, so the write was not made.
    public static let draftChanged = ProblemCode(rawValue: "draft-changed")
}
