import Crypto
import Foundation

/// The secret that turns CPR numbers into a database's pseudonyms. It is never stored in the
/// database file (GDPR art. 4(5): data is pseudonymised only while the additional information
/// is kept separately): it lives in a key file (`KeyFile`, `KeyLocation`), so the database and
/// its backups alone cannot turn a pseudonym back into a CPR number.
public struct PseudonymKey: Sendable, Equatable {
    public let bytes: Data

    public init?(bytes: Data) {
        guard bytes.count >= 32 else { return nil }
        self.bytes = bytes
    }

    private init(randomBytes: Data) { bytes = randomBytes }

    /// 32 bytes from the system's secure random source.
    public static func random() -> PseudonymKey {
        var g = SystemRandomNumberGenerator()
        return PseudonymKey(randomBytes: Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &g) }))
    }

    /// The pseudonym of a CPR number given as its ten digits: HMAC-SHA256 with the key, the
    /// first 50 bits in base 32 without 0/O and 1/I, prefixed `P-`. The same number always gives
    /// the same pseudonym with one key, and the pseudonym reveals nothing without it.
    public func pseudonym(ofDigits digits: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(digits.utf8), using: SymmetricKey(data: bytes))
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var bits: UInt64 = 0
        for byte in mac.prefix(8) { bits = bits << 8 | UInt64(byte) }
        var out = "P-"
        for i in 0..<10 { out.append(alphabet[Int((bits >> UInt64(59 - 5 * i)) & 31)]) }
        return out
    }

    /// What the database keeps to recognise its key (setting `key_check`): a MAC of the
    /// database's id, which says whether a key file is the right one and, the key being 256
    /// random bits, nothing about the key or any pseudonym.
    public func check(databaseId: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("placement key check \(databaseId)".utf8), using: SymmetricKey(data: bytes))
        return mac.prefix(16).map { String(format: "%02x", $0) }.joined()
    }
}
