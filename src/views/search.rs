//! The search form and its results.

use maud::{html, Markup};

use super::layout::{field_error, page, Footer};
use super::map::{self, DistanceUnit};
use super::words;
use crate::domain::vocabulary::{self, CRITERIA, PAYMENT_OPTIONS, PROFESSIONS, SPECIALTIES, TAPER_APPROACHES};
use crate::error::FieldError;
use crate::places::iso;
use crate::search::index::{SearchPage, SearchResult};
use crate::search::query::{SearchParams, SearchQuery};

const RADII_MILES: &[u32] = &[5, 10, 25, 50, 100, 200, 300];
/// The languages the form offers, the most spoken in US homes first.
const COMMON_LANGUAGES: &[&str] = &["en", "es", "fr", "zh", "vi", "ko", "ar", "ru", "pt", "de", "hi", "tl"];

fn error_for<'a>(errors: &'a [FieldError], field: &str) -> Option<&'a str> {
    errors.iter().find(|e| e.field == field).map(|e| e.message.as_str())
}

fn checkbox(name: &str, value: &str, label: &str, params: &SearchParams) -> Markup {
    let id = format!("{name}-{value}");
    html! {
        label.choice for=(id) {
            input type="checkbox" id=(id) name=(name) value=(value) checked[params.all(name).contains(&value)];
            span { (label) }
        }
    }
}

/// A select whose empty first option means "any".
fn any_of(name: &str, label: &str, options: &[(&str, &str)], params: &SearchParams) -> Markup {
    html! {
        div {
            label for=(name) { (label) }
            select id=(name) name=(name) {
                option value="" { "Any" }
                @for (code, text) in options {
                    option value=(code) selected[params.get(name) == Some(*code)] { (text) }
                }
            }
        }
    }
}

/// The search form, keeping what was sent and showing errors beside fields.
pub fn form(params: &SearchParams, errors: &[FieldError]) -> Markup {
    let professions: Vec<(&str, &str)> = PROFESSIONS.iter().map(|p| (p.code, p.label)).collect();
    let specialties: Vec<(&str, &str)> = SPECIALTIES.iter().map(|s| (s.code, s.label)).collect();
    let languages: Vec<(&str, &str)> =
        COMMON_LANGUAGES.iter().map(|code| (*code, iso::language_name(code).unwrap_or(code))).collect();
    let licensed_in = params.get("licensed_in").map(str::to_ascii_uppercase);
    let near_error = error_for(errors, "near").or(error_for(errors, "lat")).or(error_for(errors, "lon"));
    let radius = params.get("radius").unwrap_or("25");
    let unit = params.get("unit").unwrap_or("mi");
    html! {
        form.stack method="get" action="/search" role="search" aria-label="Find a clinician" {
            div {
                label for="near" { "Where are you?" span.hint { "A US ZIP code, or a town with its state or country, such as “Portland, OR” or “Leeds, GB”." } }
                input type="text" id="near" name="near" value=[params.get("near")] autocomplete="postal-code"
                    aria-invalid=[near_error.map(|_| "true")] aria-describedby=[near_error.map(|_| "near-error")];
                (field_error("near", near_error))
            }
            div.row {
                div {
                    label for="radius" { "Within" }
                    select id="radius" name="radius" {
                        @for miles in RADII_MILES {
                            option value=(miles) selected[radius == miles.to_string()] { (miles) }
                        }
                    }
                    (field_error("radius_mi", error_for(errors, "radius_mi").or(error_for(errors, "radius_km"))))
                }
                div {
                    label for="unit" { "Unit" }
                    select id="unit" name="unit" {
                        option value="mi" selected[unit == "mi"] { "miles" }
                        option value="km" selected[unit == "km"] { "kilometres" }
                    }
                }
            }
            details open[params.pairs.len() > 3] {
                summary { "More choices: kind of clinician, ways to pay, taper approach, language" }
                div.row {
                    (any_of("profession", "Profession", &professions, params))
                    (any_of("specialty", "Specialty", &specialties, params))
                    (any_of("language", "Language", &languages, params))
                }
                fieldset {
                    legend { "Must offer" }
                    div.choices {
                        (checkbox("prescriber", "true", "Can prescribe (needed to run a taper)", params))
                        (checkbox("telehealth", "true", "Telehealth (video or phone visits)", params))
                        (checkbox("accepting", "true", "Accepting new patients", params))
                    }
                    div {
                        label for="licensed_in" { "Licensed for telehealth in" span.hint { "Leave the place empty to list everyone licensed there." } }
                        select id="licensed_in" name="licensed_in" aria-invalid=[error_for(errors, "licensed_in").map(|_| "true")] {
                            option value="" { "Anywhere" }
                            @for (country, country_name) in iso::REGION_COUNTRIES {
                                optgroup label=(country_name) {
                                    @for (code, name) in iso::regions_of(country) {
                                        option value=(code) selected[licensed_in.as_deref() == Some(code)] { (name) }
                                    }
                                }
                            }
                        }
                        (field_error("licensed_in", error_for(errors, "licensed_in")))
                    }
                }
                fieldset {
                    legend { "Ways to pay (any one of those you choose)" }
                    div.choices { @for option in PAYMENT_OPTIONS { (checkbox("payment", option.code, option.label, params)) } }
                }
                fieldset {
                    legend { "Taper approaches (all that you choose)" }
                    div.choices { @for approach in TAPER_APPROACHES { (checkbox("approach", approach.code, approach_name(approach.code), params)) } }
                }
                fieldset {
                    legend { "Benzo-wise practices (all that you choose)" }
                    div.choices { @for criterion in CRITERIA { (checkbox("criteria", criterion.code, criterion.label, params)) } }
                }
            }
            div { button type="submit" { "Search" } }
        }
        script src="/static/locate.js" defer {}
    }
}

/// A short name for each taper approach; the vocabulary has the full meaning.
pub fn approach_name(code: &str) -> &'static str {
    match code {
        "symptom_guided" => "Symptom-guided pace",
        "micro_taper" => "Micro-taper",
        "liquid_titration" => "Liquid titration",
        "dry_cut_weighed" => "Dry cut, weighed",
        "hyperbolic" => "Hyperbolic (percentage) cuts",
        "diazepam_crossover" => "Diazepam crossover",
        "direct_taper" => "Direct taper",
        "cut_and_hold" => "Cut and hold",
        "tapering_strips" => "Tapering strips",
        "reduce_and_maintain" => "Reduce and maintain",
        _ => "",
    }
}

pub fn home(params: &SearchParams) -> Markup {
    page(
        "Find a benzo-wise clinician",
        Footer::default(),
        html! {
            h1 { "Find a benzo-wise clinician" }
            p.lead { "A benzo-wise clinician supports coming off benzodiazepines slowly, at a pace you help set. They do not stop the drug suddenly, they take your past withdrawal seriously, and they offer support beyond medication. Search for one near you, or one who sees patients by telehealth where you live." }
            (form(params, &[]))
        },
    )
}

fn page_link(params: &SearchParams, offset: usize) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    for (name, value) in params.pairs.iter().filter(|(name, _)| name != "offset") {
        query.append_pair(name, value);
    }
    query.append_pair("offset", &offset.to_string());
    format!("/search?{}", query.finish())
}

/// The unit the searcher chose: the form's `unit`, or `radius_km` as the API
/// takes it; miles otherwise, as the form's default.
fn chosen_unit(params: &SearchParams) -> DistanceUnit {
    if params.get("unit") == Some("km") || params.get("radius_km").is_some() {
        DistanceUnit::Kilometres
    } else {
        DistanceUnit::Miles
    }
}

/// What a search from a place that found few adds, so the patient need not
/// search again: the nearest matches beyond the radius, and the telehealth
/// clinicians licensed in the place's region (`None` when it is unknown).
#[derive(Default)]
pub struct Nearby<'a> {
    pub beyond: Option<&'a SearchPage<'a>>,
    pub licensed_here: Option<(&'a str, &'a SearchPage<'a>)>,
}

pub fn results(params: &SearchParams, query: &SearchQuery, page_of_results: &SearchPage, nearby: &Nearby) -> Markup {
    let shows_demo = [Some(page_of_results), nearby.beyond, nearby.licensed_here.map(|(_, page)| page)]
        .into_iter()
        .flatten()
        .any(|page| page.results.iter().any(|result| result.demo));
    let place = query.center.as_ref().map(|center| center.label.clone());
    let heading = match &place {
        Some(label) => format!("Clinicians near {label}"),
        None => {
            format!("Telehealth clinicians licensed in {}", words::region(query.licensed_in.as_deref().unwrap_or("")))
        }
    };
    let first = query.offset + 1;
    let last = query.offset + page_of_results.results.len();
    let body = html! {
        h1 { (heading) }
        p aria-live="polite" {
            @if page_of_results.total == 0 {
                "No clinicians match."
            } @else {
                "Showing " (first) "–" (last) " of " (page_of_results.total) " clinicians"
                @if place.is_some() { ", nearest first" } "."
            }
        }
        @if page_of_results.total == 0 {
            div.notice {
                p { "Nobody matches yet. You could:" }
                ul {
                    li { "choose a larger distance;" }
                    li { "remove some of the choices under “More choices”;" }
                    @if nearby.licensed_here.is_none() {
                        li { "look for clinicians who offer " strong { "telehealth" } " and are licensed where you live." }
                    }
                }
            }
        }
        div.results.with-map[query.center.is_some()] {
            (map::results_map(query, page_of_results, chosen_unit(params)))
            ol.cards start=(first) {
                @for result in &page_of_results.results { li.card { (card(result)) } }
            }
        }
        nav.pager aria-label="Pages of results" {
            @if query.offset > 0 {
                a href=(page_link(params, query.offset.saturating_sub(query.limit))) { "← Nearer results" }
            } @else { span {} }
            @if last < page_of_results.total {
                a href=(page_link(params, last)) { "More results →" }
            }
        }
        (nearby_sections(params, nearby))
        h2 { "Search again" }
        (form(params, &[]))
    };
    page(&heading, Footer { shows_demo }, body)
}

/// The sections a search that found few adds below its results.
fn nearby_sections(params: &SearchParams, nearby: &Nearby) -> Markup {
    html! {
        @if let Some(beyond) = nearby.beyond {
            section aria-labelledby="beyond" {
                h2 #beyond { "The nearest a little further away" }
                @if beyond.results.is_empty() {
                    p { "No clinician with these choices within 500 km (about 310 miles) either." }
                } @else {
                    p { "These match your choices, beyond the distance you chose, nearest first." }
                    ul.cards { @for result in &beyond.results { li.card { (card(result)) } } }
                }
            }
        }
        @if let Some((region, licensed)) = nearby.licensed_here {
            section aria-labelledby="licensed-here" {
                h2 #licensed-here { "By telehealth, licensed in " (words::region(region)) }
                @if licensed.results.is_empty() {
                    p { "No clinician with these choices offers telehealth with a licence in " (words::region(region)) " yet." }
                } @else {
                    p { "These clinicians see patients by video or phone and are licensed where you searched, so distance does not matter." }
                    ul.cards { @for result in &licensed.results { li.card { (card(result)) } } }
                    p { a href=(licensed_link(params, region)) { "All " (licensed.total) " telehealth clinicians licensed in " (words::region(region)) } }
                }
            }
        }
    }
}

/// The search for every telehealth clinician licensed in `region`, keeping the patient's other choices.
fn licensed_link(params: &SearchParams, region: &str) -> String {
    const PLACE_PARAMETERS: [&str; 10] =
        ["near", "lat", "lon", "radius", "unit", "radius_km", "radius_mi", "offset", "licensed_in", "telehealth"];
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    for (name, value) in params.pairs.iter().filter(|(name, _)| !PLACE_PARAMETERS.contains(&name.as_str())) {
        query.append_pair(name, value);
    }
    query.append_pair("telehealth", "true").append_pair("licensed_in", region);
    format!("/search?{}", query.finish())
}

/// One result as a card: name, kind of clinician, distance and place, how they see patients, how they taper.
fn card(result: &SearchResult) -> Markup {
    html! {
        h2 { a href=(format!("/clinicians/{}", result.id)) { (result.full_name) @if let Some(credentials) = result.credentials { ", " (credentials) } } }
        p {
            @if result.demo { span.badge.demo { "Demo: fictional" } }
            @if result.prescriber { span.badge.strong { "Prescriber" } } @else { span.badge { "Supports a taper; does not prescribe" } }
            (vocabulary::profession(result.profession).map_or("", |p| p.label))
        }
        p.meta {
            @if let (Some(km), Some(mi)) = (result.distance_km, result.distance_mi) { (format!("{mi:.1} miles ({km:.1} km) away · ")) }
            (words::place(result.city, result.region, result.country))
        }
        p {
            (if result.telehealth { "Offers telehealth" } else { "In person only" }) " · "
            (if result.accepting_new_patients { "Accepting new patients" } else { "Not accepting new patients now" })
        }
        p {
            "Payment: "
            @if result.payment_options.iter().next().is_none() { "ask the practice" }
            @for (position, code) in result.payment_options.iter().enumerate() {
                @if position > 0 { ", " }
                (vocabulary::find(PAYMENT_OPTIONS, code).map_or(code, |term| term.label))
            }
        }
        @if result.taper_approaches.iter().next().is_some() {
            h3 { "Taper approaches" }
            ul.tags { @for code in result.taper_approaches.iter() { li { (approach_name(code)) } } }
        }
        @if result.criteria.iter().next().is_some() {
            h3 { "Practices" }
            ul.tags { @for code in result.criteria.iter() { li { (vocabulary::find(CRITERIA, code).map_or(code, |t| t.label)) } } }
        }
    }
}

pub fn with_errors(params: &SearchParams, errors: &[FieldError]) -> Markup {
    page(
        "Check your search",
        Footer::default(),
        html! {
            h1 { "Check your search" }
            div.errors role="alert" {
                h2 { "Something in the search needs a change" }
                ul { @for error in errors { li { a href=(format!("#{}", anchor(&error.field))) { (label(&error.field)) ": " (error.message) } } } }
            }
            (form(params, errors))
        },
    )
}

fn label(field: &str) -> &str {
    match field {
        "near" | "lat" | "lon" => "Place",
        "radius_km" | "radius_mi" => "Distance",
        "licensed_in" => "Licensed for telehealth in",
        "approach" => "Taper approaches",
        "criteria" => "Practices",
        "payment" => "Ways to pay",
        other => other,
    }
}

/// The form control a parameter's error should link to.
fn anchor(field: &str) -> &str {
    match field {
        "lat" | "lon" => "near",
        "radius_km" | "radius_mi" => "radius",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ways_to_pay_chosen_stay_ticked() {
        let form = form(&SearchParams::from_query_string("near=97201&payment=medicaid&payment=sliding_scale"), &[]);
        let form = form.into_string();
        for option in PAYMENT_OPTIONS {
            let ticked = ["medicaid", "sliding_scale"].contains(&option.code);
            let checkbox =
                format!(r#"name="payment" value="{}"{}>"#, option.code, if ticked { " checked" } else { "" });
            assert!(form.contains(&checkbox), "{checkbox}");
            assert!(form.contains(option.label));
        }
    }
}
