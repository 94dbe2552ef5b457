pub mod gazetteer;
pub mod index;
pub mod query;
pub mod sync;
