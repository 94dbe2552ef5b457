//! Accounts: the admins' list of moderators with invitations, the page an
//! invitation opens, and setting up two factors.

use maud::{html, Markup, PreEscaped};

use super::{csrf, error_summary, text_field, when, workbench, Bench};
use crate::app::two_factor::Enrolment;
use crate::db::moderators::{Invite, ModeratorAccount, OpenInvite, INVITE_HOURS};
use crate::domain::moderation::Role;
use crate::error::FieldError;
use crate::i18n::Text;
use crate::t;
use crate::views::layout::{field_error, page, Footer};
use crate::views::locale::Locale;

/// What an admin typed to invite someone, kept after an error.
#[derive(Default)]
pub struct InviteForm<'a> {
    pub username: &'a str,
    pub email: &'a str,
    pub admin: bool,
    pub errors: &'a [FieldError],
    /// The link of the invitation just written, shown once.
    pub link: Option<&'a str>,
}

pub fn moderators(
    locale: &Locale,
    bench: &Bench,
    (accounts, invitations): (&[ModeratorAccount], &[OpenInvite]),
    form: &InviteForm,
    notice: Option<&Text>,
) -> Markup {
    let lang = locale.lang;
    let [name, role, two_factor, last_login, status, actions, email, expires] = [
        "moderate-login-username",
        "moderate-accounts-role",
        "moderate-accounts-two-factor",
        "moderate-accounts-last-login",
        "moderate-listing-status",
        "moderate-accounts-actions",
        "moderate-invite-email",
        "moderate-invites-expires",
    ]
    .map(|id| locale.text(&Text::new(id)));
    let body = html! {
        table.stack {
            thead { tr {
                th scope="col" { (name) } th scope="col" { (role) } th scope="col" { (two_factor) }
                th scope="col" { (last_login) } th scope="col" { (status) } th scope="col" { span.visually-hidden { (actions) } }
            } }
            tbody {
                @for account in accounts {
                    tr {
                        td data-label=(name) { (account.username) @if let Some(email) = &account.email { br; small { (email) } } }
                        td data-label=(role) { (role_words(locale, account.role)) }
                        td data-label=(two_factor) { @if account.two_factor { (t!(locale, "moderate-yes")) } @else { (t!(locale, "moderate-no")) } }
                        td data-label=(last_login) { @match account.last_login_at { Some(at) => (when(lang, at)), None => (t!(locale, "moderate-accounts-never")) } }
                        td data-label=(status) { @if account.disabled { (t!(locale, "moderate-accounts-disabled")) } @else { (t!(locale, "moderate-accounts-active")) } }
                        td {
                            @if account.username != bench.username {
                                form method="post" action=(locale.href(&format!("/moderate/moderators/{}/{}", account.id, if account.disabled { "enable" } else { "disable" }))) {
                                    (csrf(bench.csrf_token))
                                    @if account.disabled {
                                        button.secondary type="submit" { (t!(locale, "moderate-accounts-enable", username = account.username.as_str())) }
                                    } @else {
                                        button.danger type="submit" { (t!(locale, "moderate-accounts-disable", username = account.username.as_str())) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        @if !invitations.is_empty() {
            h2 #open-invitations { (t!(locale, "moderate-invites-open-heading")) }
            table.stack {
                thead { tr {
                    th scope="col" { (name) } th scope="col" { (email) }
                    th scope="col" { (expires) } th scope="col" { span.visually-hidden { (actions) } }
                } }
                tbody {
                    @for invitation in invitations {
                        tr {
                            td data-label=(name) { (invitation.username) } td data-label=(email) { (invitation.email) }
                            td data-label=(expires) { (when(lang, invitation.expires_at)) }
                            td {
                                form method="post" action=(locale.href(&format!("/moderate/invitations/{}/revoke", invitation.token_hash))) {
                                    (csrf(bench.csrf_token))
                                    button.danger type="submit" { (t!(locale, "moderate-invites-revoke", username = invitation.username.as_str())) }
                                }
                            }
                        }
                    }
                }
            }
        }
        h2 #invite { (t!(locale, "moderate-invite-heading")) }
        @if let Some(link) = form.link {
            div.notice role="status" {
                p { (t!(locale, "moderate-invite-sent", hours = INVITE_HOURS)) }
                p { code #invite-link { (link) } }
            }
        }
        p { (t!(locale, "moderate-invite-lead", hours = INVITE_HOURS)) }
        (error_summary(locale, form.errors))
        form.stack method="post" action=(locale.href("/moderate/moderators/invite")) novalidate {
            (csrf(bench.csrf_token))
            (text_field(locale, "username", &t!(locale, "moderate-login-username"), form.username, form.errors, true))
            (text_field(locale, "email", &t!(locale, "moderate-invite-email"), form.email, form.errors, true))
            div.check { input type="checkbox" #admin name="admin" value="1" checked[form.admin]; label for="admin" { (t!(locale, "moderate-invite-admin")) } }
            div { button type="submit" { (t!(locale, "moderate-invite-button")) } }
        }
    };
    workbench(locale, bench, &t!(locale, "moderate-accounts-title"), notice, body)
}

fn role_words(locale: &Locale, role: Role) -> String {
    match role {
        Role::Admin => t!(locale, "moderate-role-admin"),
        Role::Moderator => t!(locale, "moderate-role-moderator"),
    }
}

/// What an invitation opens: choosing a password for the new account.
pub fn invitation(locale: &Locale, secret: &str, invite: &Invite, errors: &[FieldError]) -> Markup {
    let title = t!(locale, "moderate-join-title");
    let error =
        |field: &str| errors.iter().find(|error| error.field == field).map(|error| error.message_in(locale.lang));
    let password_field = |name: &str, label: String, autocomplete: &str| {
        let error = error(name);
        html! {
            div {
                label for=(name) { (label) }
                input type="password" id=(name) name=(name) autocomplete=(autocomplete) required
                    aria-invalid=[error.as_ref().map(|_| "true")] aria-describedby=[error.as_ref().map(|_| format!("{name}-error"))];
                (field_error(name, error.as_deref()))
            }
        }
    };
    let body = html! {
        h1 { (title) }
        p { (t!(locale, "moderate-join-lead", username = invite.username.as_str(), role = role_words(locale, invite.role))) }
        (error_summary(locale, errors))
        form.stack method="post" action=(locale.href(&format!("/moderate/invite/{secret}"))) novalidate {
            input type="hidden" name="username" value=(invite.username) autocomplete="username";
            (password_field("password", t!(locale, "moderate-join-password"), "new-password"))
            (password_field("password_again", t!(locale, "moderate-join-password-again"), "new-password"))
            div { button type="submit" { (t!(locale, "moderate-join-button")) } }
        }
    };
    page(locale, &title, Footer::default(), body)
}

/// Setting up two factors: the QR code and the secret as text, then one code to confirm.
pub fn enrolment(
    locale: &Locale,
    bench: &Bench,
    enrolment: &Enrolment,
    errors: &[FieldError],
    required: bool,
) -> Markup {
    let body = html! {
        @if enrolment.enabled {
            p role="status" { (t!(locale, "moderate-two-factor-on", count = locale.lang.count(enrolment.recovery_codes_left as usize))) }
        } @else {
            @if required { p.notice.warn role="alert" { (t!(locale, "moderate-two-factor-required")) } }
            ol.steps {
                li {
                    p { (t!(locale, "moderate-two-factor-scan")) }
                    // The SVG is drawn by the QR encoder from the secret's address; nothing typed by a person is in it.
                    figure.qr role="img" aria-label=(t!(locale, "moderate-two-factor-qr-label")) { (PreEscaped(&enrolment.qr_svg)) }
                }
                li {
                    p { (t!(locale, "moderate-two-factor-type")) }
                    p { code #totp-secret { (enrolment.secret_base32) } }
                }
                li {
                    (error_summary(locale, errors))
                    form.stack method="post" action=(locale.href("/moderate/two-factor")) novalidate {
                        (csrf(bench.csrf_token))
                        (text_field(locale, "code", &t!(locale, "moderate-two-factor-code"), "", errors, true))
                        div { button type="submit" { (t!(locale, "moderate-two-factor-button")) } }
                    }
                }
            }
        }
    };
    workbench(locale, bench, &t!(locale, "moderate-two-factor-title"), None, body)
}

/// The recovery codes, shown once when two factors go on.
pub fn recovery_codes(locale: &Locale, bench: &Bench, codes: &[String]) -> Markup {
    let body = html! {
        p role="status" { (t!(locale, "moderate-recovery-lead")) }
        ul #recovery-codes { @for code in codes { li { code { (code) } } } }
        p { a href=(locale.href("/moderate")) { (t!(locale, "moderate-recovery-continue")) } }
    };
    workbench(locale, bench, &t!(locale, "moderate-recovery-title"), None, body)
}
