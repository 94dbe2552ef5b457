//! A note to each moderator with an address when submissions or reports are
//! waiting, at most one per `MODERATOR_DIGEST_MINUTES`.

use chrono::NaiveDateTime;
use diesel::QueryResult;

use super::outbox;
use super::Links;
use crate::db::moderators::Moderator;
use crate::db::outbox::NewMessage;
use crate::db::reports::Report;
use crate::db::submissions::Submission;
use crate::db::AnyConnection;
use crate::i18n::{Lang, Text};

/// Writes the digest of the window `now` falls in to every moderator with an
/// address, if anything is waiting. Windows are fixed slices of time and each
/// digest's `once_key` names its window, so however often this runs, on
/// however many instances, a moderator gets one digest a window at most.
/// Returns how many were written.
pub fn write_due(
    conn: &mut AnyConnection,
    mail_from: &str,
    links: &Links,
    every: std::time::Duration,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let window = now.and_utc().timestamp() / i64::try_from(every.as_secs().max(60)).unwrap_or(3600);
    let (pending, reports) = (Submission::count_pending(conn)?, Report::count_open(conn)?);
    if pending + reports == 0 {
        return Ok(0);
    }
    // Moderators read the English digest: the site keeps no language per moderator.
    let lang = Lang::En;
    let body = Text::new("mail-digest-body")
        .arg("submissions", pending)
        .arg("reports", reports)
        .arg("link", links.to(lang, "/moderate"));
    let mut written = 0;
    for (moderator_id, email) in Moderator::mail_addresses(conn)? {
        let message = NewMessage {
            kind: "digest",
            listing_id: None,
            recipient: email,
            subject: lang.text(&Text::new("mail-digest-subject").arg("count", pending + reports)),
            body: format!("{}\n\n{}\n", lang.text(&body), lang.t("mail-signature")),
            once_key: Some(format!("digest:{moderator_id}:{window}")),
        };
        if outbox::queue(conn, mail_from, &message)? {
            written += 1;
        }
    }
    Ok(written)
}
