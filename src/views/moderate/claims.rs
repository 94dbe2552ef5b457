//! Claims on unclaimed listings that wait for a moderator, the oldest first,
//! each with the registry's verdict on the NPI given and its two decisions.

use maud::{html, Markup};

use super::registry::npi_registry;
use super::{csrf, when, workbench, Bench};
use crate::app::listing_claims::WaitingClaim;
use crate::i18n::Text;
use crate::t;
use crate::views::locale::Locale;

pub fn waiting_claims(locale: &Locale, bench: &Bench, claims: &[WaitingClaim], notice: Option<&Text>) -> Markup {
    let body = html! {
        @if claims.is_empty() { p { (t!(locale, "moderate-claims-none")) } }
        @for waiting in claims { (claim_card(locale, bench, waiting)) }
    };
    workbench(locale, bench, &t!(locale, "moderate-claims-title"), notice, body)
}

fn claim_card(locale: &Locale, bench: &Bench, waiting: &WaitingClaim) -> Markup {
    let claim = &waiting.claim;
    let heading = format!("claim-{}", claim.id);
    let action = |what: &str| locale.href(&format!("/moderate/claims/{}/{what}", claim.id));
    html! {
        section.card aria-labelledby=(heading) {
            h2 #(heading) { a href=(locale.href(&format!("/moderate/listings/{}", claim.listing_id))) { (waiting.listing_name) } }
            dl.facts {
                dt { (t!(locale, "moderate-claims-email")) } dd { (claim.email) }
                dt { (t!(locale, "moderate-claims-received")) } dd { (when(locale.lang, claim.created_at)) }
                @if let Some(npi) = &claim.npi { dt { (t!(locale, "moderate-claims-npi")) } dd { (npi) } }
                @if let Some(message) = &claim.message { dt { (t!(locale, "moderate-claims-message")) } dd { (message) } }
            }
            (npi_registry(locale, waiting.npi_check.as_ref()))
            // Side by side as on a submission's review page, each decision in its own form.
            div.row {
                form.stack method="post" action=(action("approve")) {
                    (csrf(bench.csrf_token))
                    button type="submit" { (t!(locale, "moderate-claims-approve")) }
                }
                form.stack method="post" action=(action("reject")) {
                    (csrf(bench.csrf_token))
                    label for=(format!("reason-{}", claim.id)) { (t!(locale, "moderate-claims-reason")) }
                    input type="text" id=(format!("reason-{}", claim.id)) name="reason" required;
                    button.secondary type="submit" { (t!(locale, "moderate-claims-reject")) }
                }
            }
        }
    }
}
