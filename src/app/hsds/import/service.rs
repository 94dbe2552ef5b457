//! One service of a package read into a listing's fields: its contacts,
//! phones, languages, areas, terms and costs, and the profession that its
//! terms, NUCC code or credentials name.

use serde_json::{json, Value};
use uuid::Uuid;

use super::fields::{Candidate, Origin};
use super::links::Package;
use super::tables::Row;
use crate::app::hsds::taxonomy::{self, Group};
use crate::domain::crosswalk::{self, Reading};
use crate::domain::hours::{self, Weekday};
use crate::domain::listing::is_taxonomy_code;
use crate::domain::phone::{self, PhoneKind};
use crate::places::iso;

/// Why a service is not a listing; the import says so and goes on.
pub enum Skip {
    Status(String),
    NotAClinician,
}

impl std::fmt::Display for Skip {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Skip::Status(status) => write!(f, "its status is {status:?}, not active"),
            Skip::NotAClinician => f.write_str(
                "not a clinician: no profession, credential or NUCC taxonomy code, and no person named as its contact",
            ),
        }
    }
}

/// The service's columns a listing holds; the others are kept.
const SERVICE_READ: &[&str] =
    &["id", "organization_id", "name", "description", "url", "email", "status", "licenses", "last_modified"];

/// The service read into a listing's fields, or why it is not one.
pub fn read<'a>(package: &Package<'a>, service: &'a Row) -> Result<Candidate<'a>, Skip> {
    let status = service.get("status").unwrap_or("active");
    if !status.eq_ignore_ascii_case("active") {
        return Err(Skip::Status(status.to_string()));
    }
    let mut candidate = Candidate::new(service);
    candidate.copy(
        "service",
        service,
        &[
            ("full_name", "name"),
            ("credentials", "licenses"),
            ("statement", "description"),
            ("website", "url"),
            ("public_email", "email"),
        ],
    );
    candidate.keep_unread(package, "service", service, SERVICE_READ);
    let id = service.get("id").unwrap_or_default();
    let organization = service.get("organization_id").and_then(|org| Package::first(&package.organizations, org));
    let places = super::places::read(&mut candidate, package, service, organization);
    let keys = linked_keys(id, &places, organization);
    let contacts = Package::rows_of(&package.contacts, &keys);
    read_contact_and_practice(&mut candidate, service, organization, &contacts);
    read_phones(&mut candidate, package, &keys);
    read_schedules(&mut candidate, package, &keys);
    read_languages_and_areas(&mut candidate, package, id);
    for attribute in package.attributes.get(id).into_iter().flatten() {
        read_attribute(&mut candidate, package, attribute);
    }
    read_costs(&mut candidate, package, id);
    let others: Vec<(&str, &Row)> = keys.iter().filter_map(|key| package.others.get(key)).flatten().copied().collect();
    for (table, row) in others {
        candidate.keep_row(package, table, row);
    }
    read_profession(&mut candidate, &contacts)?;
    Ok(candidate)
}

/// The ids a service's contacts, phones and other rows may hang from: the
/// service, its places and locations, and its organization.
fn linked_keys<'a>(id: &'a str, places: &[(&'a Row, Option<&'a Row>)], organization: Option<&'a Row>) -> Vec<&'a str> {
    let mut keys = vec![id];
    for (at, location) in places {
        keys.extend(at.get("id"));
        keys.extend(location.and_then(|location| location.get("id")));
    }
    keys.extend(organization.and_then(|org| org.get("id")));
    keys
}

/// The contact email: the service's, else its places', locations' or
/// organization's contacts', else the organization's own. The practice is
/// the organization's name, when it is not the service's own.
fn read_contact_and_practice<'a>(
    candidate: &mut Candidate<'a>,
    service: &'a Row,
    organization: Option<&'a Row>,
    contacts: &[&'a Row],
) {
    let found = std::iter::once(("service", service))
        .chain(contacts.iter().map(|contact| ("contact", *contact)))
        .chain(organization.map(|org| ("organization", org)))
        .find_map(|(table, row)| row.get("email").map(|email| (email, table, row)));
    if let Some((email, table, row)) = found {
        candidate.set("contact_email", json!(email), Origin::of(table, "email", row));
    }
    let Some(organization) = organization else { return };
    if let Some(practice) = organization.get("name").filter(|name| Some(*name) != service.get("name")) {
        candidate.set("practice_name", json!(practice), Origin::of("organization", "name", organization));
    }
    if !candidate.has("website") {
        candidate.copy("organization", organization, &[("website", "website")]);
    }
}

/// Every number with its kind and extension, in the package's order, so
/// that the first voice one is the listing's phone; a kind a listing has no
/// place for (video, pager) or a number it cannot hold is kept for the moderator.
fn read_phones<'a>(candidate: &mut Candidate<'a>, package: &Package<'a>, keys: &[&str]) {
    const READ: [&str; 9] = [
        "id",
        "number",
        "extension",
        "type",
        "service_id",
        "location_id",
        "service_at_location_id",
        "organization_id",
        "contact_id",
    ];
    for phone in Package::rows_of(&package.phones, keys) {
        match listing_phone(phone) {
            Some(number) => {
                candidate.push("phones", number, Origin::of("phone", "number", phone));
                candidate.keep_unread(package, "phone", phone, &READ);
            }
            None => candidate.keep_row(package, "phone", phone),
        }
    }
}

/// An HSDS phone as a listing's: RFC 6350's `cell` is a voice number and
/// `textphone` a TTY.
fn listing_phone(row: &Row) -> Option<Value> {
    let number = row.get("number").filter(|number| phone::is_phone_number(number))?;
    let kind = match row.get("type") {
        None => PhoneKind::Voice,
        Some(kind) if kind.eq_ignore_ascii_case("cell") => PhoneKind::Voice,
        Some(kind) if kind.eq_ignore_ascii_case("textphone") => PhoneKind::Tty,
        Some(kind) => PhoneKind::from_code(kind)?,
    };
    let extension = row.get("extension");
    if extension.is_some_and(|digits| !phone::is_extension(digits)) {
        return None;
    }
    Some(json!({ "number": number, "kind": kind.code(), "extension": extension }))
}

/// Weekly schedules as opening hours, a day each; any other (monthly, every
/// other week, without both times) is kept for the moderator.
fn read_schedules<'a>(candidate: &mut Candidate<'a>, package: &Package<'a>, keys: &[&str]) {
    const READ: [&str; 9] =
        ["id", "service_id", "location_id", "service_at_location_id", "freq", "wkst", "byday", "opens_at", "closes_at"];
    for schedule in Package::rows_of(&package.schedules, keys) {
        match weekly_hours(schedule) {
            Some(days) => {
                for day in days {
                    candidate.push("opening_hours", day, Origin::of("schedule", "opens_at", schedule));
                }
                candidate.keep_unread(package, "schedule", schedule, &READ);
            }
            None => candidate.keep_row(package, "schedule", schedule),
        }
    }
}

/// A weekly schedule's days with its times (`08:30`, or `08:30:00` cut to minutes).
fn weekly_hours(row: &Row) -> Option<Vec<Value>> {
    let weekly = row.get("freq").is_none_or(|freq| freq.eq_ignore_ascii_case("WEEKLY"));
    let every_week = row.get("interval").is_none_or(|interval| interval.trim() == "1");
    let time = |column: &str| {
        let text = row.get(column)?;
        let minutes = text.strip_suffix(":00").filter(|minutes| minutes.len() == 5).unwrap_or(text);
        hours::is_time_of_day(minutes).then_some(minutes)
    };
    let (opens, closes) = (time("opens_at")?, time("closes_at")?);
    let days: Option<Vec<Weekday>> = row.get("byday")?.split(',').map(|day| Weekday::from_code(day.trim())).collect();
    let days = days.filter(|days| weekly && every_week && !days.is_empty() && closes > opens)?;
    Some(days.into_iter().map(|day| json!({ "day": day.code(), "opens": opens, "closes": closes })).collect())
}

/// Languages by ISO 639-1 or 639-3 code, and licensed regions from service
/// areas named by an ISO subdivision code; the rest is kept in words.
fn read_languages_and_areas<'a>(candidate: &mut Candidate<'a>, package: &Package<'a>, id: &str) {
    for language in package.languages.get(id).into_iter().flatten() {
        let origin = Origin::of("language", "code", language);
        match language.get("code") {
            Some(code) => match iso::language_code(code) {
                Some(kept) => candidate.push("languages", json!(kept), origin),
                None => {
                    let name = iso::language_name_639_3(code).or(language.get("name")).unwrap_or("a language");
                    candidate.kept.push(format!(
                        "{} line {}, code: {code} ({name})",
                        package.tables.file("language"),
                        language.line
                    ));
                }
            },
            None => candidate.keep_row(package, "language", language),
        }
    }
    for area in package.service_areas.get(id).into_iter().flatten() {
        match area.get("name") {
            Some(region) if iso::is_subdivision(region) => {
                candidate.push("licensed_regions", json!(region), Origin::of("service_area", "name", area))
            }
            _ => candidate.keep_row(package, "service_area", area),
        }
    }
}

/// Cost options that name a way of paying the directory lists; the others kept.
fn read_costs<'a>(candidate: &mut Candidate<'a>, package: &Package<'a>, id: &str) {
    for cost in package.cost_options.get(id).into_iter().flatten() {
        let option = cost.get("option").unwrap_or_default().to_lowercase();
        let free = cost.get("amount").and_then(|amount| amount.parse::<f64>().ok()) == Some(0.0);
        let payment = [
            ("sliding", "sliding_scale"),
            ("medicaid", "medicaid"),
            ("medicare", "medicare"),
            ("tricare", "tricare"),
            ("insurance", "private_insurance"),
            ("free", "free_care"),
            ("self-pay", "self_pay"),
            ("self pay", "self_pay"),
        ]
        .into_iter()
        .find(|(words, _)| option.contains(words))
        .map(|(_, code)| code)
        .or(free.then_some("free_care"));
        match payment {
            Some(code) => candidate.push("payment_options", json!(code), Origin::of("cost_option", "option", cost)),
            None => candidate.keep_row(package, "cost_option", cost),
        }
    }
}

/// One attribute: a term of ours fills a field, a NUCC code names the
/// profession, any other term is kept for the moderator.
fn read_attribute<'a>(candidate: &mut Candidate<'a>, package: &Package<'a>, attribute: &'a Row) {
    let term_id = attribute.get("taxonomy_term_id").unwrap_or_default();
    let ours =
        term_id.parse::<Uuid>().ok().and_then(|id| taxonomy::find(&id)).and_then(|term| Some((term.group, term.code?)));
    let Some((group, code)) = ours else {
        let term = Package::first(&package.terms, term_id);
        match term.and_then(|term| term.get("code")).filter(|code| is_taxonomy_code(code)) {
            Some(code) if !candidate.has("taxonomy_code") => {
                candidate.set("taxonomy_code", json!(code), Origin::attribute(attribute))
            }
            _ => {
                let name = term.and_then(|term| term.get("name")).unwrap_or(term_id);
                let value = attribute.get("value").map(|value| format!(": {value}")).unwrap_or_default();
                let file = package.tables.file("attribute");
                candidate.kept.push(format!("{file} line {}, taxonomy_term_id: {name}{value}", attribute.line));
            }
        }
        return;
    };
    read_our_term(candidate, group, code, attribute);
}

fn read_our_term<'a>(candidate: &mut Candidate<'a>, group: Group, code: &'static str, attribute: &'a Row) {
    let value = attribute.get("value").unwrap_or_default();
    let origin = Origin::attribute(attribute);
    match (group, code) {
        (Group::Profession, _) => candidate.set("profession", json!(code), origin),
        (Group::Specialty, _) => candidate.set("specialty", json!(code), origin),
        (Group::TaperApproach, _) => candidate.push("taper_approaches", json!(code), origin),
        (Group::Criterion, _) => candidate.push("criteria", json!(code), origin),
        (Group::PaymentOption, _) => candidate.push("payment_options", json!(code), origin),
        (Group::Feature, taxonomy::TELEHEALTH) => candidate.set("telehealth", json!(true), origin),
        (Group::Feature, _) => candidate.set("accepting_new_patients", json!(true), origin),
        (Group::Detail, taxonomy::NPI) => candidate.set("npi", json!(value), origin),
        (Group::Detail, taxonomy::NUCC_TAXONOMY_CODE) => candidate.set("taxonomy_code", json!(value), origin),
        (Group::Detail, _) => {
            let pct = value.parse::<i64>().map_or_else(|_| json!(value), |pct| json!(pct));
            candidate.set("max_monthly_reduction_pct", pct, origin)
        }
    }
}

/// Profession and specialty, where our own terms left them out: from the
/// NUCC code, else from credentials in the service's licences and name or
/// its contacts' names and titles. A service none of them names is a
/// clinician's only when a person is its contact; its profession is then
/// left for the moderator to choose.
fn read_profession<'a>(candidate: &mut Candidate<'a>, contacts: &[&'a Row]) -> Result<(), Skip> {
    let service = candidate.service;
    let code = candidate.input.get("taxonomy_code").and_then(Value::as_str).map(str::to_string);
    let texts = [("credentials", "licenses", service), ("full_name", "name", service)]
        .into_iter()
        .map(|(_, column, row)| ("service", column, row))
        .chain(contacts.iter().flat_map(|contact| [("contact", "name", *contact), ("contact", "title", *contact)]));
    let from_code = code.as_deref().and_then(crosswalk::taxonomy);
    let from_credentials = texts
        .filter_map(|(table, column, row)| {
            Some((crosswalk::credentials(row.get(column)?)?, Origin::of(table, column, row)))
        })
        .next();
    let origin = candidate.origins.get("taxonomy_code").copied();
    let reading: Option<(Reading, Origin)> = from_code.zip(origin).or(from_credentials);
    if let Some((reading, origin)) = reading {
        if !candidate.has("profession") {
            candidate.set("profession", json!(reading.profession), origin);
        }
        if let (false, Some(specialty)) = (candidate.has("specialty"), reading.specialty) {
            candidate.set("specialty", json!(specialty), origin);
        }
    }
    let offered_by_a_person = contacts.iter().any(|contact| contact.get("name").is_some());
    if !candidate.has("profession") && !offered_by_a_person {
        return Err(Skip::NotAClinician);
    }
    Ok(())
}
