import Foundation

/// A block of the population reader split among the cores by bytes, not by lines: each share
/// takes the lines that start in its range of the block, reading its own bytes (a `pread` of
/// the file into its own buffer) and past its end to finish its last line. Nothing runs on one
/// core before the shares but the arithmetic of the ranges — reading, finding the line ends and
/// scanning all run on every core; after them, only the join.
///
/// A line belongs to the share its first byte falls in. A share's first line starts just after
/// the first line end at or after the byte before its range (at its start, when that byte ends a
/// line or the range starts the input); its last line is the last that starts in the range. So
/// every line is taken once, whole, by one share, and the shares in order hold the lines in
/// order: those of cutting the input at every line end, whatever the ranges.
extension ProjectFileLines {
    /// Where a share's bytes come from: the open file (read by position), or bytes in memory
    /// (the block the stream reader gathered), valid while the shares run.
    enum Source: @unchecked Sendable {
        case file(Int32)
        case memory(UnsafeRawBufferPointer)
    }

    /// A share's bytes of the file, `origin ..< origin + count`, in a buffer kept from block to
    /// block. Never zero-filled: `pread` writes the bytes it reads.
    final class Window {
        private(set) var base: UnsafeMutableRawPointer
        private var capacity: Int
        private(set) var origin = 0
        private(set) var count = 0

        init() {
            capacity = 1 << 16
            base = .allocate(byteCount: capacity, alignment: 64)
        }

        deinit { base.deallocate() }

        /// Reads `from ..< to` (fewer bytes at the file's end).
        func load(_ fd: Int32, from: Int, to: Int) {
            origin = from
            count = 0
            reserve(to - from)
            count = Self.read(fd, into: base, to - from, at: from)
        }

        /// Drops the bytes before `keep` and reads up to `more` after the rest; the count read
        /// (0 at the file's end).
        func extend(_ fd: Int32, keeping keep: Int, more: Int) -> Int {
            if keep > origin {
                let kept = origin + count - keep
                memmove(base, base + (keep - origin), kept)
                origin = keep
                count = kept
            }
            reserve(count + more)
            let got = Self.read(fd, into: base + count, more, at: origin + count)
            count += got
            return got
        }

        private func reserve(_ bytes: Int) {
            guard bytes > capacity else { return }
            let grown = max(bytes, capacity * 2)
            let new = UnsafeMutableRawPointer.allocate(byteCount: grown, alignment: 64)
            new.copyMemory(from: base, byteCount: count)
            base.deallocate()
            base = new
            capacity = grown
        }

        /// `pread` until `length` bytes or the file's end (a failed read is the end, as for the
        /// stream reader).
        static func read(_ fd: Int32, into at: UnsafeMutableRawPointer, _ length: Int, at offset: Int) -> Int {
            var got = 0
            while got < length {
                let r = pread(fd, at + got, length - got, off_t(offset + got))
                if r > 0 { got += r } else if r < 0 && errno == EINTR { continue } else { break }
            }
            return got
        }
    }

    /// The lines that start in `from ..< to` of an input of `size` bytes, taken into `mine` in
    /// order: `mine.lines` counts them (blank ones too), `mine.end` is where the last one ended
    /// (after its line end), `mine.tooLong` numbers a line longer than `maxLineBytes` (the share
    /// stops before it).
    static func takeLines(_ mine: inout Part, from: Int, to: Int, size: Int, source: Source, vocabulary: Vocabulary) {
        guard from < to else { return }
        // The bytes in view: `bytes[0]` is the input's byte `origin`; `known` bytes are in view.
        var bytes: UnsafePointer<UInt8>, origin: Int, known: Int, atEnd: Bool
        let lead = from > 0 ? from - 1 : 0
        switch source {
        case .memory(let m):
            bytes = m.baseAddress!.assumingMemoryBound(to: UInt8.self)
            origin = 0
            known = min(size, m.count)
            atEnd = true
        case .file(let fd):
            mine.window.load(fd, from: lead, to: to)
            bytes = UnsafePointer(mine.window.base.assumingMemoryBound(to: UInt8.self))
            origin = lead
            known = lead + mine.window.count
            atEnd = known >= size || known < to
        }
        @inline(__always) func lineEnd(from: Int) -> Int? {
            guard from < known, let hit = memchr(bytes + (from - origin), 0x0A, known - from) else { return nil }
            return origin + bytes.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
        // The first line starting in the range: at its start, or after the first line end in it.
        var p = from
        if from > 0 {
            guard let end = lineEnd(from: lead), end + 1 < to else { return }
            p = end + 1
        }
        while p < to && p < known {
            var searched = p
            var e: Int
            while true {
                if let end = lineEnd(from: searched) { e = end; break }
                if atEnd { e = known; break }
                guard known - p <= maxLineBytes, case .file(let fd) = source else { mine.tooLong = mine.lines + 1; return }
                // The line goes on past the bytes in view: keep it, read as much again after it.
                searched = known
                let got = mine.window.extend(fd, keeping: p, more: max(1 << 16, known - p))
                bytes = UnsafePointer(mine.window.base.assumingMemoryBound(to: UInt8.self))
                origin = mine.window.origin
                known = origin + mine.window.count
                if got == 0 || known >= size { atEnd = true }
            }
            guard e - p <= maxLineBytes else { mine.tooLong = mine.lines + 1; return }
            mine.lines += 1
            mine.take(UnsafeBufferPointer(start: bytes + (p - origin), count: e - p), number: mine.lines, vocabulary: vocabulary)
            p = e + 1
            mine.end = min(p, known)
        }
    }
}
