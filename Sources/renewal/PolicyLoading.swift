import ArgumentParser
import Foundation
import Policy

/// Loading of the policy library and of input files for the commands, with errors a user reads.
enum PolicyLoading {
    static func load(_ folder: String?) throws -> PolicyLibrary {
        do {
            if let folder { return try PolicyLibraryLoader.load(directory: URL(fileURLWithPath: folder)) }
            return try PolicyLibraryLoader.loadDefault()
        } catch let errors as PolicyLibraryErrors {
            FileHandle.standardError.write(Data("policy library refused:\n\(errors)\n".utf8))
            throw ExitCode(3)
        }
    }
}

enum InputReading {
    static func read(_ file: String) throws -> String {
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let d = FileManager.default.contents(atPath: file) else {
                throw ValidationError("cannot read \(file)")
            }
            data = d
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("\(file) is not UTF-8 text")
        }
        return text
    }
}
