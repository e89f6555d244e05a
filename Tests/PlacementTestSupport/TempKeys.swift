import Foundation
import PlacementStore

extension TempDir {
    /// A key folder inside this directory, so that no test writes a key to the real home.
    public var keys: KeyLocation { .folder(url.appendingPathComponent("keys")) }
}
