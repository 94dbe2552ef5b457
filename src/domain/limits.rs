//! The limits that requests' rules enforce and the OpenAPI document states,
//! one number each, so that the two cannot drift apart.

/// An email address: the longest path RFC 5321 allows.
pub const MAX_EMAIL: usize = 254;
/// A claimer's message to the moderators.
pub const MAX_MESSAGE: usize = 2_000;
/// A moderator's note or reason.
pub const MAX_NOTE: usize = 2_000;
/// The most a listed price may be, in whole units of the listing's currency.
pub const MAX_PRICE: i64 = 100_000;
/// The most private insurers a listing may name.
pub const MAX_INSURERS: usize = 20;
