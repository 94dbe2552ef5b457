//! Any JSON body given as a listing: reading and parsing never panic, and a
//! refusal names at least one field.
#![no_main]

use benzowise::domain::listing::{ListingInput, NewListing};
use benzowise::places::Gazetteer;
use benzowise::error::AppError;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = serde_json::from_slice::<ListingInput>(data) else { return };
    match NewListing::parse(input, Gazetteer::shared()) {
        Ok(_) => {}
        Err(AppError::Validation(errors)) => {
            assert!(!errors.is_empty() && errors.iter().all(|e| !e.field.is_empty()))
        }
        Err(other) => panic!("a listing is refused only for its fields, not {other}"),
    }
});
