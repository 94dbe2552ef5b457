//! The mail a clinician gets, in the language they used on the site, written
//! into the outbox in the transaction of the change it tells them about.

use chrono::NaiveDate;
use diesel::QueryResult;

use super::outbox;
use crate::db::listings::Listing;
use crate::db::outbox::NewMessage;
use crate::db::AnyConnection;
use crate::domain::listing::ListingContent;
use crate::i18n::{Lang, Text};

/// What happened, with what the clinician needs to act on it.
#[derive(Debug, Clone)]
pub enum Letter {
    Received {
        manage_link: String,
    },
    Approved {
        profile_link: String,
    },
    Rejected {
        reason: String,
    },
    Suspended {
        reason: String,
    },
    Reinstated {
        profile_link: String,
    },
    /// A one-time link that replaces a lost manage link.
    Recovery {
        link: String,
    },
    /// The listing is due for confirmation in 30 days; `link` is "Lost your link?".
    ReminderSoon {
        due: NaiveDate,
        link: String,
    },
    /// The listing is due for confirmation today.
    ReminderDue {
        due: NaiveDate,
        link: String,
    },
    /// The listing was not confirmed in time and is hidden until it is.
    Lapsed {
        due: NaiveDate,
        link: String,
    },
}

impl Letter {
    fn kind(&self) -> &'static str {
        match self {
            Letter::Received { .. } => "received",
            Letter::Approved { .. } => "approved",
            Letter::Rejected { .. } => "rejected",
            Letter::Suspended { .. } => "suspended",
            Letter::Reinstated { .. } => "reinstated",
            Letter::Recovery { .. } => "recovery",
            Letter::ReminderSoon { .. } => "reminder-soon",
            Letter::ReminderDue { .. } => "reminder-due",
            Letter::Lapsed { .. } => "lapsed",
        }
    }

    /// The confirmation due date a freshness letter is about.
    fn due(&self) -> Option<NaiveDate> {
        match self {
            Letter::ReminderSoon { due, .. } | Letter::ReminderDue { due, .. } | Letter::Lapsed { due, .. } => {
                Some(*due)
            }
            _ => None,
        }
    }

    /// A freshness letter goes once per listing and due date, whichever
    /// process writes it (`reminder-soon:12:2027-12-02`).
    pub fn once_key(&self, listing_id: i64) -> Option<String> {
        self.due().map(|due| format!("{}:{listing_id}:{due}", self.kind()))
    }

    fn texts(&self, name: &str) -> (Text, Text) {
        let (subject, body, detail) = match self {
            Letter::Received { manage_link } => ("mail-received-subject", "mail-received-body", ("link", manage_link)),
            Letter::Approved { profile_link } => {
                ("mail-approved-subject", "mail-approved-body", ("link", profile_link))
            }
            Letter::Rejected { reason } => ("mail-rejected-subject", "mail-rejected-body", ("reason", reason)),
            Letter::Suspended { reason } => ("mail-suspended-subject", "mail-suspended-body", ("reason", reason)),
            Letter::Reinstated { profile_link } => {
                ("mail-reinstated-subject", "mail-reinstated-body", ("link", profile_link))
            }
            Letter::Recovery { link } => ("mail-recovery-subject", "mail-recovery-body", ("link", link)),
            Letter::ReminderSoon { link, .. } => {
                ("mail-reminder-soon-subject", "mail-reminder-soon-body", ("link", link))
            }
            Letter::ReminderDue { link, .. } => ("mail-reminder-due-subject", "mail-reminder-due-body", ("link", link)),
            Letter::Lapsed { link, .. } => ("mail-lapsed-subject", "mail-lapsed-body", ("link", link)),
        };
        (Text::new(subject), Text::new(body).arg("name", name).arg(detail.0, detail.1.as_str()))
    }
}

/// Writes `letter` to the clinician of `listing`, whose contact details are
/// in `content`; false when it was written before, or when the listing is
/// unclaimed and has nobody to write to.
pub fn send(
    conn: &mut AnyConnection,
    mail_from: &str,
    listing: &Listing,
    content: &ListingContent,
    letter: &Letter,
) -> QueryResult<bool> {
    if content.contact_email.is_empty() {
        return Ok(false);
    }
    let lang = Lang::from_code(&listing.language).unwrap_or_default();
    let (subject, body) = letter.texts(&content.full_name);
    let body = match letter.due() {
        Some(due) => body.arg("due", lang.date(due)),
        None => body,
    };
    let message = NewMessage {
        kind: letter.kind(),
        listing_id: Some(listing.id),
        recipient: content.contact_email.clone(),
        subject: lang.text(&subject),
        body: format!("{}\n\n{}\n", lang.text(&body), lang.t("mail-signature")),
        once_key: letter.once_key(listing.id),
    };
    outbox::queue(conn, mail_from, &message)
}
