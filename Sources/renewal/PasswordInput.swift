import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A password for `renewal user`: typed at a prompt without echo (twice, to catch a typo), or,
/// when the standard input is not a terminal, its first line — never a command-line argument,
/// which other users of the machine can read in the process list and the shell keeps in its
/// history.
enum PasswordInput {
    static func read(confirm: Bool) throws -> String {
        if isatty(STDIN_FILENO) != 0 {
            let first = prompt("密码 / Password: ")
            if confirm, prompt("再次输入 / Again: ") != first {
                throw ValidationError("两次输入的密码不一致 / the two passwords differ")
            }
            return first
        }
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw ValidationError("标准输入中没有密码 / no password on the standard input")
        }
        return line
    }

    private static func prompt(_ text: String) -> String {
        guard let typed = getpass(text) else { return "" }
        return String(cString: typed)
    }
}
