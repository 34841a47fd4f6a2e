import Policy
import Registry

/// A store's refusal as a page shows it: each issue beside the field it names (by the issue's
/// path, as the store wrote it), the rest above the form. The messages are the store's own, in
/// the page's language; the page adds none of its own.
struct PageErrors: Encodable {
    var general: [String] = []
    /// Each field's messages, joined (a template shows them beside the field).
    var fields: [String: String] = [:]

    var isEmpty: Bool { general.isEmpty && fields.isEmpty }

    /// `fieldOf` maps a store path (`item`, `$.approvedInvestment`, `$.granted[0].amount`) to a
    /// form field's name; a path it does not know goes above the form.
    init(_ error: any Error, lang: Language, fieldOf: (String) -> String? = { _ in nil }) throws {
        switch error {
        case RegistryError.invalid(let issues):
            add(issues, lang: lang, fieldOf: fieldOf)
        case RegistryError.conflict(let text):
            general.append(text.text(lang))
        case let failure as ValidationFailure:
            add(failure.issues, lang: lang, fieldOf: fieldOf)
        case let refusal as Forbidden:
            general.append(refusal.message.text(lang))
        default:
            throw error
        }
    }

    init() {}
    init(general: [String]) { self.general = general }

    mutating func add(_ message: String, to field: String) {
        fields[field] = fields[field].map { "\($0) \(message)" } ?? message
    }

    mutating func add(_ issues: [ValidationIssue], lang: Language, fieldOf: (String) -> String?) {
        for issue in issues {
            if let field = fieldOf(issue.path) { add(issue.message.text(lang), to: field) }
            else { general.append(issue.message.text(lang)) }
        }
    }
}
