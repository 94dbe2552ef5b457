pub mod iso;
pub mod listing;
pub mod moderation;
pub mod npi;
pub mod token;
pub mod utc;
pub mod vocabulary;

use serde::Serialize;
use utoipa::ToSchema;

/// One bad field of a request, as reported in a problem's `errors`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: &str, message: &str) -> Self {
        Self { field: field.to_string(), message: message.to_string() }
    }
}
