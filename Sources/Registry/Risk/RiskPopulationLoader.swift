import FluentKit
import Foundation
import Policy
import Risk

/// The registry's projects and enterprises as the risk flags compare them, a thousand projects
/// at a time in id order (six queries a batch: the projects, then each kind of child eagerly, so
/// no IN list passes SQLite's limit on bound values), and only what the flags read: no interest
/// rows, categories or status history. (`renewal risk scan` and the submission use it.)
public enum RiskPopulationLoader {
    public static func load(on db: any Database, batch: Int = 1000) async throws -> RiskPopulation {
        var byEnterprise: [String: (Enterprise, [Project])] = [:]
        var order: [String] = []
        var after: UUID?
        while true {
            let query = ProjectModel.query(on: db)
                .with(\.$enterprise).with(\.$loans).with(\.$leases).with(\.$equipment).with(\.$certifications)
                .sort(\.$id).limit(batch)
            if let after { query.filter(\.$id > after) }
            let projects = try await query.all()
            for model in projects {
                let e = model.enterprise
                if byEnterprise[e.creditCode] == nil {
                    byEnterprise[e.creditCode] = (e.domain(), [])
                    order.append(e.creditCode)
                }
                byEnterprise[e.creditCode]!.1.append(model.riskProject())
            }
            guard projects.count == batch, let last = projects.last?.id else { break }
            after = last
        }
        return RiskPopulation(order.map { ProjectFile(enterprise: byEnterprise[$0]!.0, projects: byEnterprise[$0]!.1) })
    }
}

extension ProjectModel {
    /// The project with what the risk flags read (its enterprise, loans, leases, equipment and
    /// certifications loaded).
    func riskProject() -> Project {
        func day(_ s: String?) -> Day? { s.flatMap(Day.init(iso:)) }
        var p = Project(id: code, name: name, startDate: day(startDate), endDate: day(endDate), applicationDate: day(applicationDate),
                        investment: Investment(declared: declaredFen.map(Money.init(fen:)), approved: approvedFen.map(Money.init(fen:))))
        p.loans = loans.sorted { $0.position < $1.position }.map {
            Loan(id: $0.code, lender: $0.lender, principal: Money(fen: $0.principalFen), contractNumber: $0.contractNumber)
        }
        p.leases = leases.sorted { $0.position < $1.position }.map {
            Lease(id: $0.code, lessor: $0.lessor, equipmentInvestment: Money(fen: $0.equipmentInvestmentFen), contractNumber: $0.contractNumber)
        }
        p.equipment = equipment.sorted { $0.position < $1.position }.map {
            EquipmentItem(name: $0.name, quantity: $0.quantity, unitPrice: Money(fen: $0.unitPriceFen),
                          serialNumber: $0.serialNumber, invoiceNumber: $0.invoiceNumber)
        }
        p.certifications = certifications.sorted { $0.position < $1.position }.map {
            CertificationContract(productId: $0.productId, kind: CertificationContract.Kind(rawValue: $0.kind) ?? .certification,
                                  amount: Money(fen: $0.amountFen), contractNumber: $0.contractNumber)
        }
        p.innovativeProductContract = innovativeContractFen.map { ProductContract(amount: Money(fen: $0), contractNumber: innovativeContractNumber) }
        p.marketContract = marketContractFen.map { ProductContract(amount: Money(fen: $0), contractNumber: marketContractNumber) }
        p.softwareSales = softwareSalesFen.map { ProductContract(amount: Money(fen: $0), contractNumber: softwareSalesNumber) }
        return p
    }
}
