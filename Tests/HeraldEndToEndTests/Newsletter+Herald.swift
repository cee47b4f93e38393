import HeraldTestSupport

extension Newsletter {
    /// Runs the built `herald` inside the newsletter's folder, on it (`--folder .`), so no path
    /// of the machine reaches what it writes.
    func herald(_ arguments: [String]) throws -> ProcessRun {
        try HeraldBinary.run(arguments + ["--folder", "."], in: folder)
    }
}
