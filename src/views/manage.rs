//! A clinician's private page for their listing.

use maud::{html, Markup};

use super::layout::{page, Footer};
use super::submit::listing_form;
use crate::app::manage::ManageStatus;
use crate::domain::listing::ListingContent;
use crate::domain::moderation::{ListingStatus, SubmissionStatus};
use crate::error::FieldError;

/// A listing's content as the form's fields, so the edit form starts filled in.
pub fn form_values(content: &ListingContent) -> Vec<(String, String)> {
    let mut values = Vec::new();
    let mut put = |name: &str, value: Option<String>| {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            values.push((name.to_string(), value));
        }
    };
    put("full_name", Some(content.full_name.clone()));
    put("credentials", content.credentials.clone());
    put("profession", Some(content.profession.clone()));
    put("specialty", Some(content.specialty.clone()));
    put("taxonomy_code", content.taxonomy_code.clone());
    put("npi", content.npi.clone());
    put("practice_name", content.practice_name.clone());
    put("address_line", content.address_line.clone());
    put("city", Some(content.city.clone()));
    put("region", content.region.clone());
    put("postal_code", content.postal_code.clone());
    put("country", Some(content.country.clone()));
    put("phone", content.phone.clone());
    put("website", content.website.clone());
    put("public_email", content.public_email.clone());
    put("contact_email", Some(content.contact_email.clone()));
    put("telehealth", content.telehealth.then(|| "true".to_string()));
    put("accepting_new_patients", content.accepting_new_patients.then(|| "true".to_string()));
    put("licensed_regions", Some(content.licensed_regions.join(", ")));
    put("languages", Some(content.languages.join(", ")));
    for code in &content.taper_approaches {
        put("taper_approaches", Some(code.clone()));
    }
    for code in &content.criteria {
        put("criteria", Some(code.clone()));
    }
    for code in &content.payment_options {
        put("payment_options", Some(code.clone()));
    }
    put("insurers", Some(content.insurers.join("\n")));
    for (visit, price) in
        [("self_pay_first_visit", content.self_pay_first_visit), ("self_pay_follow_up", content.self_pay_follow_up)]
    {
        if let Some(range) = price {
            put(&format!("{visit}.min"), Some(range.min.to_string()));
            put(&format!("{visit}.max"), Some(range.max.to_string()));
        }
    }
    put("max_monthly_reduction_pct", content.max_monthly_reduction_pct.map(|p| p.to_string()));
    for (question, answer) in content.answers.iter() {
        put(&format!("answers.{question}"), Some(answer.to_string()));
    }
    put("statement", content.statement.clone());
    values
}

fn status_text(view: &ManageStatus) -> &'static str {
    match view.status {
        ListingStatus::Pending => "Waiting for a moderator. It is not public yet.",
        ListingStatus::Rejected => "Not accepted. See the moderator's reason below; you can send a corrected version.",
        ListingStatus::Approved => "Public in the directory.",
        ListingStatus::Suspended => "Suspended by a moderator: not public until reinstated.",
        ListingStatus::Withdrawn => "Withdrawn by you: not public. Sending a new version puts it back in review.",
    }
}

/// A sent edit that did not pass: the form's values and their errors.
pub type RejectedEdit<'a> = (&'a [(String, String)], &'a [FieldError]);

/// The manage page; `edit` holds the form's values and errors after a bad edit.
pub fn manage(token: &str, view: &ManageStatus, edit: Option<RejectedEdit>, notice: Option<&str>) -> Markup {
    let prefilled = view.listing.as_ref().map(form_values).unwrap_or_default();
    let (values, errors) = edit.unwrap_or((&prefilled, &[]));
    let body = html! {
        h1 { "Your listing" }
        @if let Some(notice) = notice { p.notice role="status" { (notice) } }
        p.notice.warn { "This page's address is your private key to the listing. Do not share it." }
        dl.facts {
            dt { "Listing number" } dd { (view.listing_id) }
            dt { "Status" } dd { (status_text(view)) }
            @if view.status == ListingStatus::Approved { dt { "Public page" } dd { a href=(format!("/clinicians/{}", view.listing_id)) { "See it as patients do" } } }
            @if let Some(reason) = &view.suspension_reason { dt { "Why it is suspended" } dd { (reason) } }
            @if let Some(latest) = &view.latest_submission {
                dt { "Latest version" } dd {
                    (match latest.status {
                        SubmissionStatus::Pending => "Waiting for review",
                        SubmissionStatus::Approved => "Approved",
                        SubmissionStatus::Rejected => "Not accepted",
                        SubmissionStatus::Superseded => "Replaced by a newer version",
                        SubmissionStatus::Withdrawn => "Withdrawn",
                    })
                    ", sent " (latest.submitted_at.format("%-d %B %Y"))
                }
                @if let Some(reason) = &latest.rejection_reason { dt { "Moderator's reason" } dd { (reason) } }
            }
        }
        h2 { "Change your listing" }
        p { "Send a full new version. A moderator reviews it; until then, the approved version stays public." }
        (listing_form(values, errors, &format!("/manage/{token}"), "Send the new version for review"))
        @if view.status != ListingStatus::Withdrawn {
            h2 { "Withdraw your listing" }
            form.stack method="post" action=(format!("/manage/{token}/withdraw")) {
                label.choice for="confirm" {
                    input type="checkbox" id="confirm" name="confirm" value="yes" required;
                    span { "Yes, take my listing out of the directory now." }
                }
                div { button.danger type="submit" { "Withdraw" } }
            }
        }
    };
    page("Your listing", Footer::default(), body)
}
