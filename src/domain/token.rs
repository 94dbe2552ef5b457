//! Secrets handed to people once: manage tokens, session and CSRF tokens,
//! and the key that signs session cookies.

use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::{Digest, Sha256};

/// A fresh random secret of 32 bytes, as URL-safe hex.
pub fn generate() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// The stored form of a manage token. The token has 256 bits of entropy, so a
/// plain SHA-256 is enough: no dictionary can reach it.
pub fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Compares two secrets in time that does not depend on where they differ.
pub fn constant_time_eq(left: &str, right: &str) -> bool {
    left.len() == right.len() && left.bytes().zip(right.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The server's `SESSION_KEY`. Session cookies carry an HMAC made with it, so
/// a cookie not signed with the current key is refused before any lookup, and
/// changing the key ends every moderator session at once. Never printed.
#[derive(Clone)]
pub struct SessionKey(Vec<u8>);

/// Shorter keys are refused at start-up: 32 characters of `openssl rand -hex 32` and up.
pub const SESSION_KEY_MIN_LEN: usize = 32;

impl SessionKey {
    pub fn new(key: &str) -> Option<SessionKey> {
        (key.len() >= SESSION_KEY_MIN_LEN).then(|| SessionKey(key.as_bytes().to_vec()))
    }

    /// A key for this process only (development: sessions end at restart).
    pub fn random() -> SessionKey {
        SessionKey(generate().into_bytes())
    }

    #[expect(clippy::expect_used, reason = "HMAC takes keys of any length")]
    fn mac(&self, token: &str) -> Hmac<Sha256> {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes keys of any length");
        mac.update(token.as_bytes());
        mac
    }

    /// A 32-byte key for one purpose, derived from this one, so that no two
    /// uses of `SESSION_KEY` share a key.
    pub fn derive(&self, purpose: &str) -> [u8; 32] {
        self.mac(purpose).finalize().into_bytes().into()
    }

    /// The cookie value for a session token: `token.signature`.
    pub fn sign(&self, token: &str) -> String {
        format!("{token}.{}", hex::encode(self.mac(token).finalize().into_bytes()))
    }

    /// The session token inside a cookie value, if this key signed it.
    pub fn verify<'a>(&self, cookie: &'a str) -> Option<&'a str> {
        let (token, signature) = cookie.rsplit_once('.')?;
        let signature = hex::decode(signature).ok()?;
        self.mac(token).verify_slice(&signature).ok().map(|_| token)
    }
}

impl std::fmt::Debug for SessionKey {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("SessionKey(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_cookies_signed_with_the_same_key_open_a_session() {
        let key = SessionKey::new("0123456789abcdef0123456789abcdef").unwrap();
        let other = SessionKey::new("fedcba9876543210fedcba9876543210").unwrap();
        let cookie = key.sign("secret-token");
        assert_eq!(key.verify(&cookie), Some("secret-token"));
        assert_eq!(other.verify(&cookie), None);
        assert_eq!(key.verify("secret-token"), None);
        assert_eq!(key.verify(&cookie.replace("secret", "secreT")), None);
        assert!(SessionKey::new("too short").is_none());
    }
}
