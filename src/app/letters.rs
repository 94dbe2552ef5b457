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
    /// A one-time link that confirms a claim on an unclaimed listing.
    ClaimLink {
        link: String,
    },
    /// A claim was accepted: the listing is the claimer's, managed by `manage_link`.
    Claimed {
        manage_link: String,
    },
    /// A claim was declined, for `reason`.
    ClaimRejected {
        reason: String,
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
            Letter::ClaimLink { .. } => "claim-link",
            Letter::Claimed { .. } => "claimed",
            Letter::ClaimRejected { .. } => "claim-rejected",
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
            Letter::ClaimLink { link } => ("mail-claim-link-subject", "mail-claim-link-body", ("link", link)),
            Letter::Claimed { manage_link } => ("mail-claimed-subject", "mail-claimed-body", ("link", manage_link)),
            Letter::ClaimRejected { reason } => {
                ("mail-claim-rejected-subject", "mail-claim-rejected-body", ("reason", reason))
            }
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
    let to = Recipient { lang, listing_id: listing.id, name: &content.full_name, address: &content.contact_email };
    send_to(conn, mail_from, &to, letter)
}

/// Whom a letter goes to, when it is not (yet) the listing's contact.
#[derive(Debug, Clone, Copy)]
pub struct Recipient<'a> {
    pub lang: Lang,
    pub listing_id: i64,
    /// The listing's name, as the letter greets them.
    pub name: &'a str,
    pub address: &'a str,
}

/// Writes `letter` to `to`, such as someone claiming a listing.
pub fn send_to(conn: &mut AnyConnection, mail_from: &str, to: &Recipient, letter: &Letter) -> QueryResult<bool> {
    let (subject, body) = letter.texts(to.name);
    let body = match letter.due() {
        Some(due) => body.arg("due", to.lang.date(due)),
        None => body,
    };
    let message = NewMessage {
        kind: letter.kind(),
        listing_id: Some(to.listing_id),
        recipient: to.address.to_string(),
        subject: to.lang.text(&subject),
        body: format!("{}\n\n{}\n", to.lang.text(&body), to.lang.t("mail-signature")),
        once_key: letter.once_key(to.listing_id),
    };
    outbox::queue(conn, mail_from, &message)
}
