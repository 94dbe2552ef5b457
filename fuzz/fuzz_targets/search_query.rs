//! Any query string given to the search: parsing never panics, a refusal
//! names a parameter, and an accepted query stays within the documented ranges.
#![no_main]

use benzowise::places::Gazetteer;
use benzowise::search::query::{SearchParams, SearchQuery};
use benzowise::error::AppError;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let gazetteer = Gazetteer::shared();
    let params = SearchParams::from_query_string(&text);
    match SearchQuery::parse(&params, gazetteer) {
        Ok(query) => {
            assert!((1..=100).contains(&query.limit) && query.offset <= 10_000);
            assert!((1.0..=500.0).contains(&query.radius_km));
            if let Some(center) = &query.center {
                assert!((-90.0..=90.0).contains(&center.lat) && (-180.0..=180.0).contains(&center.lon));
            }
        }
        Err(AppError::Validation(errors)) => {
            assert!(!errors.is_empty() && errors.iter().all(|e| !e.field.is_empty()))
        }
        Err(other) => panic!("a search is refused only for its parameters, not {other}"),
    }
    for place in gazetteer.suggest(&text, 10) {
        assert!((-90.0..=90.0).contains(&place.lat));
    }
});
