//! The national provider registry (CMS NPPES): its dissemination file's
//! rows as this directory keeps them, the NUCC labels of the taxonomies it
//! cares about, and how a listing compares with its NPI's entry.

pub mod file;
pub mod labels;
pub mod record;
pub mod verdict;
