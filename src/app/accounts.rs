//! Moderator accounts: admins invite moderators (a one-time link by mail,
//! valid 72 hours), disable them (their sessions end at once) and see them all.

use super::outbox;
use super::AppState;
use crate::db::events::{Actor, Event, Subject};
use crate::db::moderators::{Invite, Moderator, ModeratorAccount, OpenInvite, INVITE_HOURS};
use crate::db::outbox::NewMessage;
use crate::db::sessions::{Factors, ModeratorSession, NewSession};
use crate::db::write_transaction;
use crate::domain::moderation::Role;
use crate::domain::FieldErrors;
use crate::error::AppError;
use crate::i18n::{Lang, Text};

/// The shortest password an account may have, as for `benzowise moderator add`.
pub const MIN_PASSWORD: usize = 12;
const MAX_PASSWORD: usize = 1000;
const MAX_USERNAME: usize = 200;

/// Refuses anyone but an admin.
pub fn require_admin(role: Role) -> Result<(), AppError> {
    match role {
        Role::Admin => Ok(()),
        Role::Moderator => Err(AppError::Forbidden("only admins manage moderator accounts")),
    }
}

pub async fn list(state: &AppState) -> Result<Vec<ModeratorAccount>, AppError> {
    state.db(|conn| Ok(Moderator::all(conn)?.into_iter().map(ModeratorAccount::from).collect())).await
}

/// The invitations still open, for the admins to revoke.
pub async fn open_invitations(state: &AppState) -> Result<Vec<OpenInvite>, AppError> {
    state.db(|conn| Ok(Invite::open_ones(conn)?)).await
}

/// Ends an open invitation, such as one sent to a wrong address, and
/// records it in the audit trail; `404` when it is not open.
#[tracing::instrument(skip(state, token_hash))]
pub async fn revoke_invitation(state: &AppState, admin: Actor, token_hash: String) -> Result<(), AppError> {
    state
        .db(move |conn| {
            write_transaction(conn, |conn| {
                let username = Invite::revoke(conn, &token_hash)?.ok_or(AppError::NotFound)?;
                Event::record(conn, &admin, "revoke_invitation", Subject::default(), Some(&username), &[])?;
                Ok(())
            })
        })
        .await
}

/// What an admin fills in to invite someone.
pub struct InviteForm {
    pub username: Option<String>,
    pub email: Option<String>,
    pub admin: bool,
}

/// Writes an invitation, mails its link to the new moderator in `lang`, and
/// returns the link so the admin can also hand it over in person.
#[tracing::instrument(skip(state, form))]
pub async fn invite(state: &AppState, admin: Actor, lang: Lang, form: InviteForm) -> Result<String, AppError> {
    let mut errors = FieldErrors::new();
    let username = errors.required_text("username", form.username.map(|name| name.trim().to_string()), MAX_USERNAME);
    let email = errors.required_text("email", form.email.map(|email| email.trim().to_string()), 254);
    if let Some(address) = &email {
        if address.parse::<lettre::Address>().is_err() {
            errors.add("email", Text::new("field-error-email"));
        }
    }
    let (username, email) = errors.finish(username.zip(email))?;
    let role = if form.admin { Role::Admin } else { Role::Moderator };
    let links = state.links();
    let mail_from = state.settings.mail.from.clone();
    let inviter = admin.moderator_id().ok_or(AppError::Forbidden("only admins manage moderator accounts"))?;
    state
        .db(move |conn| {
            if Moderator::find_by_username(conn, &username)?.is_some() {
                return Err(AppError::Validation(vec![crate::error::FieldError::new(
                    "username",
                    Text::new("field-error-username-taken"),
                )]));
            }
            write_transaction(conn, |conn| {
                let secret = Invite::create(conn, &username, &email, role, inviter)?;
                let link = links.to(lang, &format!("/moderate/invite/{secret}"));
                let body = Text::new("mail-invite-body")
                    .arg("username", username.as_str())
                    .arg("link", link.as_str())
                    .arg("hours", INVITE_HOURS);
                outbox::queue(
                    conn,
                    &mail_from,
                    &NewMessage {
                        kind: "invite",
                        listing_id: None,
                        recipient: email.clone(),
                        subject: lang.t("mail-invite-subject"),
                        body: format!("{}\n\n{}\n", lang.text(&body), lang.t("mail-signature")),
                        once_key: None,
                    },
                )?;
                let reason = format!("{username} <{email}> as {}", role.as_str());
                Event::record(conn, &admin, "invite_moderator", Subject::default(), Some(&reason), &[])?;
                Ok(link)
            })
        })
        .await
}

/// The open invitation a link's secret names; used, expired or unknown links are `404`.
pub async fn invitation(state: &AppState, secret: String) -> Result<Invite, AppError> {
    state.db(move |conn| Invite::find_open(conn, &secret)?.ok_or(AppError::NotFound)).await
}

/// Creates the invited account with the password chosen, and logs it in.
#[tracing::instrument(skip_all)]
pub async fn accept_invite(
    state: &AppState,
    secret: String,
    password: Option<String>,
    repeated: Option<String>,
) -> Result<NewSession, AppError> {
    let password = new_password(password, repeated)?;
    let ttl = state.settings.session_ttl;
    state
        .db(move |conn| {
            write_transaction(conn, |conn| {
                let id = Invite::accept(conn, &secret, &password)?.ok_or(AppError::NotFound)?;
                Moderator::record_login(conn, id)?;
                Ok(ModeratorSession::start(conn, id, ttl, Factors::Password)?)
            })
        })
        .await
}

/// A password chosen twice the same, of a sensible length.
fn new_password(password: Option<String>, repeated: Option<String>) -> Result<String, AppError> {
    let mut errors = FieldErrors::new();
    let password = errors.require("password", password.filter(|p| !p.is_empty()));
    if let Some(password) = &password {
        let length = password.chars().count();
        if !(MIN_PASSWORD..=MAX_PASSWORD).contains(&length) {
            errors.add_range("password", "field-error-length-between", MIN_PASSWORD, MAX_PASSWORD);
        } else if repeated.as_deref() != Some(password.as_str()) {
            errors.add("password_again", Text::new("field-error-passwords-differ"));
        }
    }
    errors.finish(password)
}

/// Disables an account, ending its sessions at once, or enables it again.
/// Admins cannot disable themselves, so there is always one left.
#[tracing::instrument(skip(state))]
pub async fn set_disabled(state: &AppState, admin: Actor, id: i64, disabled: bool) -> Result<(), AppError> {
    if admin.moderator_id() == Some(id) {
        return Err(AppError::Conflict("you cannot disable your own account".into()));
    }
    state
        .db(move |conn| {
            write_transaction(conn, |conn| {
                let account = Moderator::find(conn, id)?;
                Moderator::set_disabled(conn, id, disabled)?;
                let action = if disabled { "disable_moderator" } else { "enable_moderator" };
                Event::record(conn, &admin, action, Subject::default(), Some(&account.username), &[])?;
                Ok(())
            })
        })
        .await
}
