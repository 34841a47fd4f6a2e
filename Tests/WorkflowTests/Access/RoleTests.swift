import Testing
@testable import Workflow

@Suite struct RoleTests {
    @Test func boundRolesNameTheirBinding() {
        #expect(Role.enterprise.bindsTo == .enterprise)
        #expect(Role.districtOfficer.bindsTo == .district)
        #expect(Role.department.bindsTo == .department)
        #expect(Role.bank.bindsTo == .institution)
        #expect(Role.cityOfficer.bindsTo == nil)
        #expect(Role.administrator.bindsTo == nil)
    }

    @Test func rawValuesAreStable() {
        #expect(Role.allCases.map(\.rawValue) == ["enterprise", "district_officer", "city_officer", "department", "bank", "administrator"])
    }
}
