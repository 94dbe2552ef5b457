mod field_errors;
pub mod listing;
pub mod moderation;
pub mod npi;
pub mod payment;
pub mod report;
pub mod token;
pub mod two_factor;
pub mod utc;
pub mod vocabulary;

pub use field_errors::FieldErrors;
