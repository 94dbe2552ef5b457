pub mod index;
pub(crate) mod json;
pub mod query;
pub mod sync;
pub mod text;
