extension ProblemCode {
    /// A value from the configuration or an issue's header would make a path outside the folder
    /// it is written into (a `Slug:` with `..`, a control character in a file name).
    public static let unsafePath = ProblemCode(rawValue: "unsafe-path")
}
