import Foundation
import Policy
@testable import Workflow

/// The real policy library and its workflow data, loaded once for all tests.
enum Fixtures {
    static let policy: PolicyLibrary = {
        do { return try PolicyLibraryLoader.loadDefault() } catch { fatalError("policy library: \(error)") }
    }()

    static let workflow: WorkflowLibrary = {
        do { return try WorkflowLibrary.loadDefault(policy: policy) } catch { fatalError("workflow data: \(error)") }
    }()

    static var calendar: WorkingCalendar { workflow.calendar }
}

/// A day from its ISO text, for readable tests.
func day(_ iso: String) -> Day {
    guard let d = Day(iso: iso) else { fatalError("not a day: \(iso)") }
    return d
}
