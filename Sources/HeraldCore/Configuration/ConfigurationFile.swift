import Foundation

/// Reading `herald.toml` from disk, with an answer a user can act on for every way it can fail.
///
/// Foundation reports a folder named `herald.toml` as "NSCocoaErrorDomain error 256"; the
/// system's own answer (`lstat`, `open`) says what is wrong.
enum ConfigurationFile {
    enum Reading {
        /// There is no such file: the newsletter uses the defaults.
        case missing
        case contents(Data)
        /// The path exists but cannot be read as a file: why, and what to do.
        case refused(String, fix: String)
    }

    static func read(_ url: URL) -> Reading {
        var status = stat()
        guard lstat(url.path, &status) == 0 else { return .missing }
        if status.st_mode & S_IFMT == S_IFLNK, stat(url.path, &status) != 0 {
            return .refused(
                "the configuration is a symbolic link to nothing",
                fix: "point it at the configuration file or remove it")
        }
        if status.st_mode & S_IFMT == S_IFDIR {
            return .refused(
                "the configuration is a folder, not a file",
                fix: "remove or rename the folder; herald.toml must be a TOML file")
        }
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .refused(
                "cannot read the configuration (\(SystemError.description(of: errno)))",
                fix: "check that the file can be read by this user")
        }
        defer { close(descriptor) }
        // Read by the one whole-file reader, whose error is the read's own (a `FileHandle` left
        // `errno` to say why, which a later call could have changed).
        do throws(POSIXError) {
            return .contents(Data(try ReadableFile.bytes(readingAll: descriptor)))
        } catch {
            return .refused(
                "cannot read the configuration (\(SystemError.description(of: error.code.rawValue)))",
                fix: "check that it is a regular file")
        }
    }
}
