//! Secrets handed to people once: manage tokens and CSRF tokens.

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
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
