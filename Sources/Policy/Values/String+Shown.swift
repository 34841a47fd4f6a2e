extension String {
    /// The text as an error message repeats it: the first 40 characters, then "…" — a refused
    /// value can be as long as the body allows, and the answer need not be.
    var shown: String {
        var count = 0
        for index in indices {
            count += 1
            if count > 40 { return String(self[..<index]) + "…" }
        }
        return self
    }
}
