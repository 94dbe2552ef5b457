//! The lifecycle of a listing: which decisions each status allows, and the
//! field-level change recorded in the audit trail.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use super::limits::MAX_NOTE;
use super::listing::ListingContent;
use super::FieldErrors;
use crate::error::AppError;

/// A moderator's optional note for the audit trail (`field` names it in errors).
pub fn optional_note(field: &str, value: Option<String>) -> Result<Option<String>, AppError> {
    let mut errors = FieldErrors::new();
    let note = errors.text(field, value, MAX_NOTE);
    errors.check()?;
    Ok(note)
}

/// A reason or note a moderator must give, such as why a listing is suspended.
pub fn required_note(field: &str, value: Option<String>) -> Result<String, AppError> {
    let mut errors = FieldErrors::new();
    let note = errors.required_text(field, value, MAX_NOTE);
    errors.finish(note)
}

/// A stored status or kind that no version of the service writes.
#[derive(Debug, thiserror::Error)]
#[error("unknown {kind} in the database: {text:?}")]
pub struct UnknownStoredValue {
    kind: &'static str,
    text: String,
}

/// A decision that the current status does not allow; shown as `409 Conflict`.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct TransitionError(pub &'static str);

impl From<TransitionError> for AppError {
    fn from(error: TransitionError) -> Self {
        AppError::Conflict(error.0.to_string())
    }
}

macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $text),+ }
            }
        }

        impl TryFrom<String> for $name {
            type Error = UnknownStoredValue;

            /// Reads the stored form; anything else is an error, never a panic.
            fn try_from(text: String) -> Result<Self, UnknownStoredValue> {
                match text.as_str() {
                    $($text => Ok(Self::$variant),)+
                    _ => Err(UnknownStoredValue { kind: stringify!($name), text }),
                }
            }
        }
    };
}

text_enum!(
    /// What an audit event records.
    AuditAction {
        Approve => "approve",
        Reject => "reject",
        ResolveReport => "resolve_report",
        Withdraw => "withdraw",
        Suspend => "suspend",
        Reinstate => "reinstate",
        Confirm => "confirm",
        Reverify => "reverify",
        Availability => "availability",
        ReminderSoon => "reminder_soon",
        ReminderDue => "reminder_due",
        Lapse => "lapse",
        RecoverLink => "recover_link",
        InviteModerator => "invite_moderator",
        RevokeInvitation => "revoke_invitation",
        DisableModerator => "disable_moderator",
        EnableModerator => "enable_moderator",
        ResetTwoFactor => "reset_two_factor",
        Import => "import",
        Claim => "claim",
        RejectClaim => "reject_claim",
    }
);

impl AuditAction {
    /// Every action, in the order the audit filter lists them.
    pub const ALL: [AuditAction; 21] = [
        AuditAction::Approve,
        AuditAction::Reject,
        AuditAction::ResolveReport,
        AuditAction::Withdraw,
        AuditAction::Suspend,
        AuditAction::Reinstate,
        AuditAction::Confirm,
        AuditAction::Reverify,
        AuditAction::Availability,
        AuditAction::ReminderSoon,
        AuditAction::ReminderDue,
        AuditAction::Lapse,
        AuditAction::RecoverLink,
        AuditAction::InviteModerator,
        AuditAction::RevokeInvitation,
        AuditAction::DisableModerator,
        AuditAction::EnableModerator,
        AuditAction::ResetTwoFactor,
        AuditAction::Import,
        AuditAction::Claim,
        AuditAction::RejectClaim,
    ];
}

text_enum!(
    /// What a moderator account may do: admins also invite and disable moderators.
    Role {
        Admin => "admin",
        Moderator => "moderator",
    }
);

text_enum!(
    /// Where a listing stands. Only `Approved` is public; `Lapsed` was not
    /// confirmed by its clinician in time and is hidden until they confirm.
    ListingStatus {
        Pending => "pending",
        Rejected => "rejected",
        Approved => "approved",
        Suspended => "suspended",
        Withdrawn => "withdrawn",
        Lapsed => "lapsed",
    }
);

text_enum!(
    /// Where one submitted version stands.
    SubmissionStatus {
        Pending => "pending",
        Approved => "approved",
        Rejected => "rejected",
        Superseded => "superseded",
        Withdrawn => "withdrawn",
    }
);

text_enum!(
    /// A first version of a listing, or a change to one that was approved before.
    SubmissionKind {
        New => "new",
        Edit => "edit",
    }
);

text_enum!(
    ReportStatus {
        Open => "open",
        Resolved => "resolved",
    }
);

impl ListingStatus {
    pub fn is_public(self) -> bool {
        self == Self::Approved
    }

    /// The status after a moderator approves a pending submission. A suspended
    /// listing takes the new content but stays suspended until reinstated.
    pub fn approve(self) -> ListingStatus {
        match self {
            Self::Suspended => Self::Suspended,
            _ => Self::Approved,
        }
    }

    /// The status after a rejection: a listing never approved becomes
    /// rejected; one already public keeps its approved version.
    pub fn reject(self) -> ListingStatus {
        match self {
            Self::Pending => Self::Rejected,
            other => other,
        }
    }

    /// The status after the clinician sends a new version.
    pub fn resubmit(self) -> ListingStatus {
        match self {
            Self::Rejected => Self::Pending,
            other => other,
        }
    }

    pub fn suspend(self) -> Result<ListingStatus, TransitionError> {
        match self {
            Self::Approved => Ok(Self::Suspended),
            _ => Err(TransitionError("only an approved listing can be suspended")),
        }
    }

    pub fn reinstate(self) -> Result<ListingStatus, TransitionError> {
        match self {
            Self::Suspended => Ok(Self::Approved),
            _ => Err(TransitionError("only a suspended listing can be reinstated")),
        }
    }

    pub fn withdraw(self) -> Result<ListingStatus, TransitionError> {
        match self {
            Self::Withdrawn => Err(TransitionError("the listing is already withdrawn")),
            _ => Ok(Self::Withdrawn),
        }
    }

    /// The status after the clinician confirms their details: a lapsed
    /// listing is public again at once, without a new review.
    pub fn confirm(self) -> Result<ListingStatus, TransitionError> {
        match self {
            Self::Approved | Self::Lapsed => Ok(Self::Approved),
            _ => Err(TransitionError("only a public or lapsed listing can be confirmed")),
        }
    }

    /// The status of a public listing whose clinician did not confirm it in time.
    pub fn lapse(self) -> Result<ListingStatus, TransitionError> {
        match self {
            Self::Approved => Ok(Self::Lapsed),
            _ => Err(TransitionError("only a public listing can lapse")),
        }
    }
}

impl SubmissionStatus {
    /// Only a pending submission can be decided; a second decision conflicts.
    pub fn decide(self, decision: SubmissionStatus) -> Result<SubmissionStatus, TransitionError> {
        match self {
            Self::Pending => Ok(decision),
            Self::Superseded => Err(TransitionError("a newer version of this listing was submitted")),
            Self::Withdrawn => Err(TransitionError("the clinician withdrew this listing")),
            Self::Approved | Self::Rejected => Err(TransitionError("this submission was already decided")),
        }
    }
}

/// One field's change, as kept in the audit trail and shown in the queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FieldChange {
    pub field: String,
    /// Any JSON value: text, number, list, object or null.
    pub from: Value,
    /// Any JSON value: text, number, list, object or null.
    pub to: Value,
}

impl FieldChange {
    pub fn new(field: &str, from: impl Serialize, to: impl Serialize) -> Self {
        Self {
            field: field.to_string(),
            from: serde_json::to_value(from).unwrap_or(Value::Null),
            to: serde_json::to_value(to).unwrap_or(Value::Null),
        }
    }
}

/// The fields that differ between two versions of a listing (answers count as
/// `answers.<question>`). With no old version every set field is a change.
pub fn changed_fields(old: Option<&ListingContent>, new: &ListingContent) -> Vec<FieldChange> {
    let flatten = |content: Option<&ListingContent>| -> Vec<(String, Value)> {
        let Some(Value::Object(map)) = content.map(|c| serde_json::to_value(c).unwrap_or(Value::Null)) else {
            return Vec::new();
        };
        let mut fields = Vec::new();
        for (key, value) in map {
            match value {
                Value::Object(inner) if key == "answers" => {
                    fields.extend(inner.into_iter().map(|(k, v)| (format!("answers.{k}"), v)));
                }
                other => fields.push((key, other)),
            }
        }
        fields
    };
    let before = flatten(old);
    let after = flatten(Some(new));
    after
        .into_iter()
        .filter_map(|(field, to)| {
            let from = before.iter().find(|(f, _)| *f == field).map(|(_, v)| v.clone()).unwrap_or(Value::Null);
            (from != to).then_some(FieldChange { field, from, to })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::ListingStatus;

    #[test]
    fn only_a_public_listing_lapses_and_confirming_brings_it_back() {
        assert_eq!(ListingStatus::Approved.lapse().ok(), Some(ListingStatus::Lapsed));
        assert_eq!(ListingStatus::Lapsed.confirm().ok(), Some(ListingStatus::Approved));
        assert_eq!(ListingStatus::Approved.confirm().ok(), Some(ListingStatus::Approved));
        for hidden in
            [ListingStatus::Pending, ListingStatus::Rejected, ListingStatus::Suspended, ListingStatus::Withdrawn]
        {
            assert!(hidden.confirm().is_err(), "{hidden:?}");
            assert!(hidden.lapse().is_err(), "{hidden:?}");
        }
        assert!(ListingStatus::Lapsed.lapse().is_err());
        assert!(!ListingStatus::Lapsed.is_public());
    }
}
