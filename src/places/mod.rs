//! Where places are: the offline gazetteer and the ISO code lists. Below the
//! domain and the search, and imports neither.

mod gazetteer;
pub mod iso;

pub use gazetteer::{Gazetteer, Place, Town};
