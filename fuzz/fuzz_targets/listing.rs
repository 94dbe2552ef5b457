//! Any JSON body given as a listing: reading and parsing never panic, and a
//! refusal names at least one field.
#![no_main]

use benzowise::domain::listing::{ListingInput, NewListing};
use benzowise::search::gazetteer::Gazetteer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = serde_json::from_slice::<ListingInput>(data) else { return };
    if let Err(errors) = NewListing::parse(input, Gazetteer::shared()) {
        assert!(!errors.is_empty() && errors.iter().all(|e| !e.field.is_empty()));
    }
});
