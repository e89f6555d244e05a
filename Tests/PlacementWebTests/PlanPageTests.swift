import Foundation
import Hummingbird
import HummingbirdTesting
import PlacementWeb
import Testing

/// The capacity plan: a run in the background with its progress, and the scenario form that
/// writes a scenario the planner can run and download.
@Suite struct PlanPageTests {
    /// Polls the plan's progress as the page's script does, until it is done.
    static func waitForPlan(_ b: inout Browser, _ id: Int) async throws -> String {
        for _ in 0..<1200 {
            let p = try await b.get("/plan/\(id)/progress")
            #expect(p.status == .ok && p.headers[.contentType] == "application/json")
            if p.text.contains("\"finished\": true") { return p.text }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        Issue.record("the plan did not finish in two minutes")
        return ""
    }

    @Test func aPlanRunsInTheBackgroundAndItsProgressReachesEveryRun() async throws {
        let world = try WebWorld()
        try await world.app().test(.router) { client in
            var b = Browser(client)
            try await b.login("planner")
            // The day as a Dane writes it.
            let ran = try await b.post("/plan/run", [("as_of", "23-11-2026"), ("years", "2"), ("runs", "3"), ("fixed", "on")], csrf: try await b.token())
            #expect(ran.status == .seeOther && ran.location == "/plan?job=1")
            // At first look the plan is running (a bar, and a reload for a browser without
            // script) or already done (the browser test sees the bar of a longer plan).
            let first = try await b.get("/plan?job=1")
            #expect((first.text.contains("<div class=\"plan-progress\" data-progress=\"/plan/1/progress\">")
                     && first.text.contains("<noscript><meta http-equiv=\"refresh\" content=\"2\"></noscript>"))
                    || first.text.contains("src=\"/plan/1/document\""))
            let done = try await Self.waitForPlan(&b, 1)
            // Without randomness one run; one simulation per offer type the demo has demand for.
            #expect(done == "{\n  \"done\": 6,\n  \"total\": 6,\n  \"finished\": true,\n  \"failed\": false,\n  \"text\": \"6 af 6 simuleringer\"\n}")
            let page = try await b.get("/plan?job=1")
            #expect(page.text.contains("src=\"/plan/1/document\""))
            #expect(!page.text.contains("http-equiv=\"refresh\""))
            let document = try await b.get("/plan/1/document")
            #expect(document.text.hasPrefix("<!DOCTYPE html>") && document.text.contains("<h1>"))
            #expect(try await b.get("/plan/1/download?format=json").status == .ok)
            #expect(try await b.get("/plan/2/progress").status == .notFound)
        }
    }

    @Test func theScenarioFormWritesAScenarioThePlanRunsAndTheTOMLDownloads() async throws {
        let world = try WebWorld()
        try await world.app().test(.router) { client in
            var b = Browser(client)
            try await b.login("planner")
            let form = try await b.get("/plan")
            #expect(form.text.contains("action=\"/plan/scenario\""))
            #expect(form.text.contains("<option value=\"615-004\">"))
            let kept = try await b.post("/plan/scenario", [
                ("name", "Nyt \"Engbo\" og lukning"), ("new_name", "Engbo"), ("new_offer_type", "SEL108"),
                ("new_target_groups", "autism"), ("new_target_groups", "intellectual_disability"), ("new_places", "8"),
                ("new_daily_rate", "3.900,50"), ("new_opens_on", "01-08-2027"),
                ("closure_residence", "615-004"), ("closure_on", "2028-07-01"),
                ("rate_residence", ""),
            ], csrf: form.csrf)
            #expect(kept.status == .seeOther && kept.location == "/plan?written=1")
            let toml = try await b.get("/plan/scenarios/1")
            #expect(toml.headers[.contentDisposition] == "attachment; filename=\"scenarie-1.toml\"")
            #expect(toml.text == """
                # Written with the web app's scenario form.
                name = "Nyt \\"Engbo\\" og lukning"

                [[new_residence]]
                name = "Engbo"
                offer_type = "SEL108"
                target_groups = ["autism", "intellectual_disability"]
                places = "8"
                daily_rate = "3.900,50"
                opens_on = 2027-08-01

                [[closure]]
                residence_id = "615-004"
                closes_on = 2028-07-01

                """)
            let page = try await b.get("/plan?written=1")
            #expect(page.text.contains("Scenariet &quot;Nyt &quot;Engbo&quot; og lukning&quot; er gemt"))
            #expect(page.text.contains("<input id=\"w-1\" type=\"checkbox\" name=\"written\" value=\"1\" checked>"))
            let ran = try await b.post("/plan/run", [("as_of", "2026-11-23"), ("years", "2"), ("runs", "2"), ("fixed", "on"), ("written", "1")], csrf: page.csrf)
            #expect(ran.location == "/plan?job=1")
            let done = try await Self.waitForPlan(&b, 1)
            // The baseline's 6 and the scenario's two offer types (§ 108 opens, ABL § 105 closes).
            #expect(done.hasPrefix("{\n  \"done\": 8,\n  \"total\": 8,\n  \"finished\": true,\n  \"failed\": false"))
            #expect(try await b.get("/plan/1/document").text.contains("Nyt &quot;Engbo&quot; og lukning"))
        }
    }

    @Test(arguments: [
        ([("name", "Tomt")], "Udfyld mindst én ændring"),
        ([("name", ""), ("closure_residence", "615-004"), ("closure_on", "2028-07-01")], "Giv scenariet et navn."),
        ([("name", "Lukning"), ("closure_residence", "615-004"), ("closure_on", "31-02-2028")], "Lukker: &quot;31-02-2028&quot; er ikke en dag"),
        // The scenario file's own reader judges the rest, naming the key.
        ([("name", "Nyt"), ("new_name", "Engbo"), ("new_offer_type", "SEL108"), ("new_target_groups", "autism"), ("new_places", "otte"),
          ("new_daily_rate", "3900"), ("new_opens_on", "2027-08-01")], "places"),
        ([("name", "Lukning"), ("closure_residence", "615-004")], "closes_on"),
    ])
    func aScenarioTheFileReaderRefusesIsNotKept(fields: [(String, String)], message: String) async throws {
        let world = try WebWorld()
        try await world.app().test(.router) { client in
            var b = Browser(client)
            try await b.login("planner")
            let refused = try await b.post("/plan/scenario", fields, csrf: try await b.token())
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains(message))
            #expect(try await b.get("/plan/scenarios/1").status == .notFound)
        }
    }

    @Test func aReadOnlyUserSeesPlansButCannotRunOrWriteThem() async throws {
        let world = try WebWorld()
        try await world.app().test(.router) { client in
            var b = Browser(client)
            try await b.login("reader")
            let page = try await b.get("/plan")
            #expect(!page.text.contains("action=\"/plan/run\"") && !page.text.contains("action=\"/plan/scenario\""))
            let token = try await b.token()
            #expect(try await b.post("/plan/run", [("as_of", "2026-11-23"), ("years", "2"), ("runs", "3")], csrf: token).status == .forbidden)
            #expect(try await b.post("/plan/scenario", [("name", "X"), ("closure_residence", "615-004"), ("closure_on", "2028-07-01")], csrf: token).status == .forbidden)
            // A planner's form without its token is refused too.
            var planner = Browser(client)
            try await planner.login("planner")
            #expect(try await planner.post("/plan/scenario", [("name", "X"), ("closure_residence", "615-004"), ("closure_on", "2028-07-01")], csrf: nil).status == .forbidden)
        }
    }
}
