//! The directory in FHIR R4 as Da Vinci PDex Plan-Net 1.2.0 profiles it:
//! read-only, public approved listings only. `plan_net` maps a listing to
//! its resources, `code_systems` publishes our vocabulary, `parameters` is
//! the table of what each type is searched by, `criteria` reads a search's
//! parameters, `search` answers reads and searches, `bundle` writes the
//! searchset, `capability` describes it all and `export` writes Bulk Data
//! NDJSON.

mod bundle;
mod capability;
mod code_systems;
mod criteria;
mod export;
mod parameters;
mod plan_net;
mod search;
mod types;

pub use export::write_ndjson;
pub use search::{metadata, read, search};
pub use types::{to_json, Base, ResourceType};
