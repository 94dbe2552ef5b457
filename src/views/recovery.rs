//! Lost-link recovery: the form asking for the contact email, the answer to
//! it, and the pages a recovery link opens.

use maud::{html, Markup};

use super::layout::{error_summary, field_error, page, Footer, Problem};
use super::locale::Locale;
use crate::app::recovery::Unusable;
use crate::error::FieldError;
use crate::t;

/// Where a clinician who lost their link starts.
pub const ASK_PATH: &str = "/manage/recovery";

/// The link to the recovery form, for the pages that offer it.
pub fn lost_link(locale: &Locale) -> Markup {
    html! { a href=(locale.href(ASK_PATH)) { (t!(locale, "recovery-lost-link")) } }
}

/// The form: the contact email as typed and, after a bad one, its error.
pub fn ask(locale: &Locale, email: &str, error: Option<&FieldError>) -> Markup {
    let title = t!(locale, "recovery-title");
    let error = error.map(|error| error.message_in(locale.lang));
    let problems: Vec<Problem> = error
        .iter()
        .map(|message| Problem { id: "email".into(), label: t!(locale, "recovery-email"), message: message.clone() })
        .collect();
    let body = html! {
        h1 { (title) }
        (error_summary(locale, &problems))
        p.lead { (t!(locale, "recovery-lead")) }
        form.stack method="post" action=(locale.href(ASK_PATH)) novalidate {
            div {
                label for="email" { (t!(locale, "recovery-email")) " " (t!(locale, "form-required")) }
                input type="email" id="email" name="email" value=(email) autocomplete="email" required
                    aria-invalid=[error.as_ref().map(|_| "true")] aria-describedby=[error.as_ref().map(|_| "email-error")];
                (field_error("email", error.as_deref()))
            }
            div { button type="submit" { (t!(locale, "recovery-button")) } }
        }
    };
    page(locale, &title, Footer::default(), body)
}

/// The answer to the form, the same whether or not a listing uses the address.
pub fn asked(locale: &Locale) -> Markup {
    let title = t!(locale, "recovery-sent-title");
    let body = html! {
        h1 { (title) }
        p role="status" { (t!(locale, "recovery-sent")) }
        p { a href=(locale.href("/")) { (t!(locale, "message-page-home")) } }
    };
    page(locale, &title, Footer::default(), body)
}

/// What a usable recovery link opens: a button, since opening a link changes nothing.
pub fn confirm(locale: &Locale, secret: &str) -> Markup {
    let title = t!(locale, "recovery-confirm-title");
    let body = html! {
        h1 { (title) }
        p { (t!(locale, "recovery-confirm-lead")) }
        form.stack method="post" action=(locale.href(&format!("/manage/recover/{secret}"))) {
            div { button type="submit" { (t!(locale, "recovery-confirm-button")) } }
        }
    };
    page(locale, &title, Footer::default(), body)
}

/// The new manage link, shown once.
pub fn recovered(locale: &Locale, listing_id: i64, manage_url: &str) -> Markup {
    let title = t!(locale, "recovery-done-title");
    let body = html! {
        h1 { (title) }
        div.notice.warn role="status" {
            h2 { (t!(locale, "recovery-done-save")) }
            p { (t!(locale, "recovery-done-why")) }
            p.token { a href=(manage_url) { (manage_url) } }
        }
        p { (t!(locale, "recovery-done-listing", id = listing_id.to_string())) }
    };
    page(locale, &title, Footer::default(), body)
}

/// A link that cannot be used, saying why and how to get another.
pub fn unusable(locale: &Locale, why: Unusable) -> Markup {
    let title = t!(locale, "recovery-unusable-title");
    let reason = match why {
        Unusable::Unknown => t!(locale, "recovery-unknown"),
        Unusable::Used => t!(locale, "recovery-used"),
        Unusable::Expired => t!(locale, "recovery-expired"),
    };
    let body = html! {
        h1 { (title) }
        p { (reason) }
        p { a href=(locale.href(ASK_PATH)) { (t!(locale, "recovery-ask-again")) } }
    };
    page(locale, &title, Footer::default(), body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, Text};

    #[test]
    fn the_form_reads_in_spanish_keeps_the_address_and_names_its_error() {
        let locale = Locale::new(Lang::Es, true, ASK_PATH);
        let error = FieldError::new("email", Text::new("field-error-email"));

        let html = ask(&locale, "rowan@", Some(&error)).into_string();

        assert!(html.contains("Obtener un nuevo enlace privado"), "{html}");
        assert!(html.contains(r#"action="/es/manage/recovery""#), "{html}");
        assert!(html.contains(r#"value="rowan@""#), "{html}");
        assert!(html.contains("debe ser una dirección de correo electrónico"), "{html}");
    }

    #[test]
    fn each_unusable_link_says_why_in_both_languages() {
        for lang in [Lang::En, Lang::Es] {
            let locale = Locale::new(lang, false, "/manage/recover/x");
            let pages: Vec<String> = [Unusable::Unknown, Unusable::Used, Unusable::Expired]
                .into_iter()
                .map(|why| unusable(&locale, why).into_string())
                .collect();
            assert!(pages.iter().all(|page| page.contains(r#"href="/manage/recovery""#)));
            assert!(pages[0] != pages[1] && pages[1] != pages[2], "{lang:?}");
        }
    }
}
