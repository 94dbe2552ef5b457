//! Sharp edges: limits under concurrency, secrets in debug output, odd
//! database URLs and stored values, and `HEAD` requests.
