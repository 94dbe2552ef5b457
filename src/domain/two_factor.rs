//! Moderators' second factor: TOTP codes (RFC 6238: SHA-1, six digits, 30-second
//! steps, as every authenticator app expects), single-use recovery codes, and
//! the sealed form in which a TOTP secret is stored.

use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use rand::RngCore;
use totp_rs::{Algorithm, TOTP};

use super::token::{self, SessionKey};

/// The name authenticator apps show above the code.
const ISSUER: &str = "benzowise";
const STEP_SECONDS: u64 = 30;
const DIGITS: usize = 6;
/// 160 bits, the length RFC 4226 recommends.
const SECRET_BYTES: usize = 20;
/// How many recovery codes a moderator gets at enrolment.
pub const RECOVERY_CODES: usize = 10;

/// A TOTP shared secret, in the clear only in memory.
pub struct TotpSecret(Vec<u8>);

impl TotpSecret {
    pub fn generate() -> TotpSecret {
        let mut bytes = vec![0u8; SECRET_BYTES];
        rand::rng().fill_bytes(&mut bytes);
        TotpSecret(bytes)
    }

    #[expect(clippy::expect_used, reason = "the secret's length and the digit count are fixed above and valid")]
    fn totp(&self, account: &str) -> TOTP {
        // The otpauth label is `issuer:account`; a colon in a username would split it.
        let account = account.replace(':', "-");
        TOTP::new(Algorithm::SHA1, DIGITS, 0, STEP_SECONDS, self.0.clone(), Some(ISSUER.into()), account)
            .expect("a 160-bit secret and six digits are valid")
    }

    /// The secret as people type it into an app: base32 without padding.
    pub fn base32(&self) -> String {
        self.totp("").get_secret_base32()
    }

    /// The `otpauth://` address the QR code carries.
    pub fn otpauth_url(&self, account: &str) -> String {
        self.totp(account).get_url()
    }

    /// The QR code of the `otpauth://` address, drawn as an SVG image.
    pub fn qr_svg(&self, account: &str) -> Option<String> {
        let code = qrcode::QrCode::new(self.otpauth_url(account)).ok()?;
        Some(code.render::<qrcode::render::svg::Color>().min_dimensions(200, 200).quiet_zone(true).build())
    }

    /// The step a code belongs to, if it is this step's or the one just before
    /// (a code typed as the clock turned over). Later steps are not accepted:
    /// a clock running ahead is rarer than a slow typist.
    pub fn step_of(&self, code: &str, unix_seconds: u64) -> Option<u64> {
        let now = unix_seconds / STEP_SECONDS;
        let totp = self.totp("");
        [now, now.saturating_sub(1)]
            .into_iter()
            .find(|step| token::constant_time_eq(&totp.generate(step * STEP_SECONDS), code))
    }
}

/// Whether what a moderator typed looks like a TOTP code rather than a recovery code.
pub fn is_totp_code(typed: &str) -> bool {
    typed.len() == DIGITS && typed.bytes().all(|byte| byte.is_ascii_digit())
}

/// Seals TOTP secrets with a key derived from `SESSION_KEY`, so a copy of the
/// database alone does not give anyone the codes.
pub struct SecretSealer(ChaCha20Poly1305);

/// Authenticated encryption adds this many bytes of nonce in front.
const NONCE_BYTES: usize = 12;

impl SecretSealer {
    pub fn new(key: &SessionKey) -> SecretSealer {
        let derived = key.derive("benzowise totp secret v1");
        SecretSealer(ChaCha20Poly1305::new(Key::from_slice(&derived)))
    }

    /// The secret as stored: hex of nonce and ciphertext.
    #[expect(clippy::expect_used, reason = "ChaCha20-Poly1305 encrypts any message shorter than 256 GiB")]
    pub fn seal(&self, secret: &TotpSecret) -> String {
        let mut nonce = [0u8; NONCE_BYTES];
        rand::rng().fill_bytes(&mut nonce);
        let sealed = self.0.encrypt(Nonce::from_slice(&nonce), secret.0.as_slice()).expect("a 20-byte secret seals");
        hex::encode([nonce.as_slice(), &sealed].concat())
    }

    /// The secret inside a stored value, unless it was sealed with another
    /// `SESSION_KEY` (then only recovery codes open the account).
    pub fn open(&self, stored: &str) -> Option<TotpSecret> {
        let bytes = hex::decode(stored).ok()?;
        if bytes.len() <= NONCE_BYTES {
            return None;
        }
        let (nonce, sealed) = bytes.split_at(NONCE_BYTES);
        self.0.decrypt(Nonce::from_slice(nonce), sealed).ok().map(TotpSecret)
    }
}

/// Ten fresh recovery codes such as `k4f9-x2mq-8hd3`: 60 random bits each, so
/// a plain SHA-256 is enough to store them.
pub fn recovery_codes() -> Vec<String> {
    const ALPHABET: &[u8] = b"23456789abcdefghjkmnpqrstuvwxyz";
    let mut rng = rand::rng();
    (0..RECOVERY_CODES)
        .map(|_| {
            let letters: Vec<u8> = (0..12).map(|_| ALPHABET[(rng.next_u32() as usize) % ALPHABET.len()]).collect();
            letters.chunks(4).map(|chunk| String::from_utf8_lossy(chunk).into_owned()).collect::<Vec<_>>().join("-")
        })
        .collect()
}

/// The stored form of a recovery code, whatever case and dashes it was typed with.
pub fn recovery_code_hash(typed: &str) -> String {
    let letters: String = typed.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_lowercase()).collect();
    token::hash(&letters)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(secret: &TotpSecret, unix_seconds: u64) -> String {
        secret.totp("").generate(unix_seconds)
    }

    #[test]
    fn a_code_is_accepted_in_its_step_and_the_next_only() {
        let secret = TotpSecret::generate();
        let issued = 1_800_000_000 - 1_800_000_000 % STEP_SECONDS;
        let typed = code(&secret, issued);
        assert_eq!(secret.step_of(&typed, issued + 5), Some(issued / STEP_SECONDS));
        assert_eq!(secret.step_of(&typed, issued + STEP_SECONDS + 5), Some(issued / STEP_SECONDS));
        assert_eq!(secret.step_of(&typed, issued + 2 * STEP_SECONDS + 5), None);
        assert_eq!(secret.step_of(&typed, issued - STEP_SECONDS), None);
    }

    #[test]
    fn a_sealed_secret_opens_only_with_the_same_key() {
        let key = SessionKey::new("0123456789abcdef0123456789abcdef").unwrap();
        let other = SessionKey::new("fedcba9876543210fedcba9876543210").unwrap();
        let secret = TotpSecret::generate();
        let stored = SecretSealer::new(&key).seal(&secret);
        assert!(!stored.contains(&hex::encode(&secret.0)));
        assert_eq!(SecretSealer::new(&key).open(&stored).map(|s| s.0), Some(secret.0));
        assert!(SecretSealer::new(&other).open(&stored).is_none());
        assert!(SecretSealer::new(&key).open("not hex").is_none());
    }

    #[test]
    fn recovery_codes_are_distinct_and_typed_any_way() {
        let codes = recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        assert_eq!(codes.iter().collect::<std::collections::HashSet<_>>().len(), RECOVERY_CODES);
        assert_eq!(recovery_code_hash(&codes[0]), recovery_code_hash(&codes[0].to_uppercase().replace('-', " ")));
        assert!(!is_totp_code(&codes[0]));
        assert!(is_totp_code("012345"));
    }

    #[test]
    fn the_qr_code_is_an_svg_of_the_otpauth_address() {
        let secret = TotpSecret::generate();
        let url = secret.otpauth_url("ines:admin");
        assert!(url.starts_with("otpauth://totp/benzowise:ines-admin?"), "{url}");
        assert!(url.contains(&format!("secret={}", secret.base32())));
        assert!(secret.qr_svg("ines").unwrap().contains("<svg"));
    }
}
