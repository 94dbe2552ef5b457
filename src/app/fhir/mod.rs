//! The directory in FHIR R4, shaped after Da Vinci PDex Plan-Net: read-only,
//! public approved listings only. `plan_net` maps a listing to its resources,
//! `code_systems` publishes our vocabulary, `search` answers reads and
//! searches, `capability` describes them and `export` writes Bulk Data NDJSON.

mod capability;
mod code_systems;
mod export;
mod plan_net;
mod search;
mod types;

pub use export::write_ndjson;
pub use search::{metadata, read, search};
pub use types::{to_json, Base, ResourceType};
