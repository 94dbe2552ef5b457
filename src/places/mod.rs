//! Where places are: the offline gazetteer, the reading of places as people
//! type them, and the ISO code lists. Below the domain and the search, and
//! imports neither.

mod fuzzy;
mod gazetteer;
pub mod iso;
mod lookup;
mod names;
mod postcodes;

pub use gazetteer::{Gazetteer, Place, Town};
pub use lookup::Lookup;
