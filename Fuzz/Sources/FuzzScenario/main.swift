import FuzzSupport
import PlacementPlanning

/// Any bytes are a scenario file and an assumptions file: a scenario, or problems naming the
/// table and key; never a trap.
func fuzzScenario(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let url = ScratchFile.write(UnsafeRawBufferPointer(start: start, count: count), name: "scenario.toml")
    let defaults = ScenarioFile.Defaults(municipalityCode: 615)
    _ = try? ScenarioFile.load(path: url.path, defaults: defaults)
    _ = try? ScenarioFile.loadAssumptions(path: url.path, defaults: defaults)
    return 0
}

FuzzDriver.run { data, count in
    guard let data else { return 0 }
    return fuzzScenario(UnsafeRawPointer(data), count)
}
