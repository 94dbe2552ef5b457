pub mod claim;
pub mod crosswalk;
mod field_errors;
pub mod listing;
pub mod moderation;
pub mod npi;
pub mod nppes;
pub mod payment;
pub mod person_name;
pub mod report;
pub mod schema;
pub mod token;
pub mod two_factor;
pub mod urgent_help;
pub mod utc;
pub mod vocabulary;
pub mod whole_number;

pub use field_errors::FieldErrors;
