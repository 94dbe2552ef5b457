//! The admins' list of ready-made rejection reasons, each in English and
//! Spanish: change one, remove one, add one.

use maud::{html, Markup};

use super::{csrf, error_summary, workbench, Bench};
use crate::db::reasons::ReadyReason;
use crate::error::FieldError;
use crate::i18n::Text;
use crate::t;
use crate::views::layout::field_error;
use crate::views::locale::Locale;

/// A reason form sent back with its errors: which reason (none for a new
/// one), what was typed, and what is wrong.
pub struct ReasonTyped<'a> {
    pub id: Option<i64>,
    pub text_en: &'a str,
    pub text_es: &'a str,
    pub errors: &'a [FieldError],
}

pub fn reasons(
    locale: &Locale,
    bench: &Bench,
    list: &[ReadyReason],
    typed: Option<&ReasonTyped>,
    notice: Option<&Text>,
) -> Markup {
    let typed_for = |id: Option<i64>| typed.filter(|typed| typed.id == id);
    let body = html! {
        p { (t!(locale, "moderate-reasons-lead")) }
        @if let Some(typed) = typed { (error_summary(locale, typed.errors)) }
        @for reason in list {
            section.card aria-labelledby=(format!("reason-{}", reason.id)) {
                h2 #(format!("reason-{}", reason.id)) { (t!(locale, "moderate-reasons-number", number = reason.id)) }
                form.stack method="post" action=(locale.href(&format!("/moderate/reasons/{}", reason.id))) {
                    (csrf(bench.csrf_token))
                    (reason_fields(locale, Some(reason.id), (&reason.text_en, &reason.text_es), typed_for(Some(reason.id))))
                    div.row {
                        button type="submit" name="action" value="save" { (t!(locale, "moderate-reasons-save")) }
                        button.danger type="submit" name="action" value="remove" { (t!(locale, "moderate-reasons-remove")) }
                    }
                }
            }
        }
        h2 #new-reason { (t!(locale, "moderate-reasons-add-heading")) }
        form.stack method="post" action=(locale.href("/moderate/reasons")) {
            (csrf(bench.csrf_token))
            (reason_fields(locale, None, ("", ""), typed_for(None)))
            div { button type="submit" { (t!(locale, "moderate-reasons-add")) } }
        }
    };
    workbench(locale, bench, &t!(locale, "moderate-reasons-title"), notice, body)
}

/// The two texts of a reason, with what was typed and its errors when sent back.
fn reason_fields(locale: &Locale, id: Option<i64>, (en, es): (&str, &str), typed: Option<&ReasonTyped>) -> Markup {
    let fields = [
        ("text_en", "moderate-reasons-english", "en", typed.map_or(en, |typed| typed.text_en)),
        ("text_es", "moderate-reasons-spanish", "es", typed.map_or(es, |typed| typed.text_es)),
    ];
    html! {
        @for (name, label, lang, value) in fields {
            @let field = id.map_or_else(|| name.to_string(), |id| format!("{name}-{id}"));
            @let error = typed.and_then(|typed| typed.errors.iter().find(|error| error.field == name)).map(|error| error.message_in(locale.lang));
            div {
                label for=(field) { (locale.text(&Text::new(label))) " " (t!(locale, "form-required")) }
                textarea id=(field) name=(name) lang=(lang) rows="3" required
                    aria-invalid=[error.as_ref().map(|_| "true")] aria-describedby=[error.as_ref().map(|_| format!("{field}-error"))] { (value) }
                (field_error(&field, error.as_deref()))
            }
        }
    }
}
