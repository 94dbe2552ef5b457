//! Counters for `GET /metrics`, in the Prometheus text format.

use std::sync::atomic::{AtomicU64, Ordering};

#[derive(Default)]
pub struct Metrics {
    /// Responses by status class: 1xx..5xx.
    responses: [AtomicU64; 5],
    pub submissions: AtomicU64,
    pub honeypot_drops: AtomicU64,
}

impl Metrics {
    pub fn count_response(&self, status: u16) {
        if let Some(counter) = self.responses.get(usize::from(status / 100).wrapping_sub(1)) {
            counter.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// The exposition text; `listings` are `(status, count)` read from the database.
    pub fn render(&self, listings: &[(String, i64)], pending_submissions: i64) -> String {
        let mut out = String::new();
        out.push_str("# HELP benzowise_http_responses_total HTTP responses by status class.\n");
        out.push_str("# TYPE benzowise_http_responses_total counter\n");
        for (i, counter) in self.responses.iter().enumerate() {
            out.push_str(&format!(
                "benzowise_http_responses_total{{class=\"{}xx\"}} {}\n",
                i + 1,
                counter.load(Ordering::Relaxed)
            ));
        }
        out.push_str("# HELP benzowise_submissions_total Submissions accepted since start.\n");
        out.push_str("# TYPE benzowise_submissions_total counter\n");
        out.push_str(&format!("benzowise_submissions_total {}\n", self.submissions.load(Ordering::Relaxed)));
        out.push_str("# HELP benzowise_honeypot_drops_total Submissions dropped by the honeypot.\n");
        out.push_str("# TYPE benzowise_honeypot_drops_total counter\n");
        out.push_str(&format!("benzowise_honeypot_drops_total {}\n", self.honeypot_drops.load(Ordering::Relaxed)));
        out.push_str("# HELP benzowise_listings Listings by status.\n");
        out.push_str("# TYPE benzowise_listings gauge\n");
        for (status, count) in listings {
            out.push_str(&format!("benzowise_listings{{status=\"{status}\"}} {count}\n"));
        }
        out.push_str("# HELP benzowise_pending_submissions Submissions waiting for a moderator.\n");
        out.push_str("# TYPE benzowise_pending_submissions gauge\n");
        out.push_str(&format!("benzowise_pending_submissions {pending_submissions}\n"));
        out
    }
}
