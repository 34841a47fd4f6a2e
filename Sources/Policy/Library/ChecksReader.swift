/// Reads the policy data of the plan's stated checks (`checks/`): the smart-factory
/// questionnaire (十二) and the second-hand grading scale (十五). Errors name file and path, as
/// for every other part of the library.
enum ChecksReader {
    /// Limits that keep a questionnaire a questionnaire: a form an enterprise fills in.
    static let maxQuestions = 200, maxOptions = 20, maxWeight = 1000, maxPoints = 100

    static func questionnaire(_ n: LibraryNode) -> SmartFactoryQuestionnaire? {
        guard let id = n.string("id"), let name = n.text("name"), let clause = n.string("clause") else { return nil }
        var questions: [SmartFactoryQuestionnaire.Question] = []
        var ids: Set<String> = []
        let questionNodes = n.required("questions")?.elements ?? []
        if questionNodes.isEmpty || questionNodes.count > maxQuestions { n.error("between 1 and \(maxQuestions) questions") }
        for q in questionNodes {
            guard let qid = q.string("id"), let dimension = q.text("dimension"), let text = q.text("text"),
                  let weight = q.string("weight").flatMap(Int.init) else { continue }
            if !ids.insert(qid).inserted { q.error("question id '\(qid)' is used twice") }
            if weight < 1 || weight > maxWeight { q.error("weight must be a whole number from 1 to \(maxWeight)") }
            var options: [SmartFactoryQuestionnaire.Option] = []
            for o in q.required("options")?.elements ?? [] {
                guard let oid = o.string("id"), let otext = o.text("text"), let points = o.string("points").flatMap(Int.init) else { continue }
                if points < 0 || points > maxPoints { o.error("points must be a whole number from 0 to \(maxPoints)") }
                if options.contains(where: { $0.id == oid }) { o.error("option id '\(oid)' is used twice") }
                options.append(.init(id: oid, text: otext, points: points))
            }
            if options.count < 2 || options.count > maxOptions { q.error("between 2 and \(maxOptions) options") }
            if options.allSatisfy({ $0.points == 0 }) { q.error("at least one option must score above 0") }
            questions.append(.init(id: qid, dimension: dimension, text: text, weight: weight, options: options))
        }
        var levels: [SmartFactoryQuestionnaire.Level] = []
        for l in n.required("levels")?.elements ?? [] {
            guard let lid = l.string("id"), let lname = l.text("name"), let rank = l.string("rank").flatMap(Int.init),
                  let from = l.string("from").flatMap(Int.init) else { continue }
            if from < 0 || from > 100 { l.error("from must be a score from 0 to 100") }
            levels.append(.init(id: lid, rank: rank, name: lname, from: from))
        }
        let sorted = levels.sorted { $0.from < $1.from }
        if levels.isEmpty { n.error("at least one level") }
        for (k, l) in sorted.enumerated() where l.rank != k + 1 {
            n.error("level '\(l.id)': ranks must be 1, 2, 3… in the order of the bands' scores")
        }
        if Set(sorted.map(\.from)).count != sorted.count { n.error("two levels start at the same score") }
        return SmartFactoryQuestionnaire(id: id, name: name, clause: clause, questions: questions, levels: levels,
                                         notes: n.child("notes")?.elements.compactMap(\.localized) ?? [])
    }

    static func scale(_ n: LibraryNode) -> SecondHandScale? {
        guard let id = n.string("id"), let name = n.text("name"), let clause = n.string("clause") else { return nil }
        var grades: [SecondHandScale.Grade] = []
        for g in n.required("grades")?.elements ?? [] {
            guard let gid = g.string("id"), let gname = g.text("name") else { continue }
            if grades.contains(where: { $0.id == gid }) { g.error("grade id '\(gid)' is used twice") }
            grades.append(.init(id: gid, name: gname, needsIdentification: g.required("needs_identification")?.bool ?? true,
                                supportable: g.required("supportable")?.bool ?? false))
        }
        if grades.isEmpty { n.error("at least one grade") }
        return SecondHandScale(id: id, name: name, clause: clause, grades: grades,
                               notes: n.child("notes")?.elements.compactMap(\.localized) ?? [])
    }
}
