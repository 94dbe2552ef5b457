//! Importing HSDS packages the world writes: a 211's package (AIRS terms,
//! NUCC codes, phone-only services, a service at three places, a virtual
//! location, ISO 639-3 languages, a closed service, a peer group and a bad
//! row), and the directory's own export of its demo listings.

use std::path::{Path, PathBuf};

use benzowise::app::moderation::QueueItem;
use benzowise::app::seed;
use serde_json::{json, Value};

use crate::cli::benzowise;
use crate::helpers::{fresh_database, spawn_app, spawn_app_on, visible_text, ModeratorSession, TestApp};
use crate::hsds::{assert_valid_package_if_tools, tables_without_dates, unzip};

fn package_211() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/api/hsds_211")
}

fn said(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn item<'a>(queue: &'a [QueueItem], name: &str) -> &'a QueueItem {
    queue.iter().find(|item| item.listing.full_name == name).unwrap_or_else(|| panic!("{name} is in the queue"))
}

async fn approve_with(app: &TestApp, who: &ModeratorSession, submission_id: i64, body: Value) -> u16 {
    let path = format!("/api/v1/moderation/submissions/{submission_id}/approve");
    app.as_moderator(who, "POST", &path, Some(&body)).await.status
}

#[actix_rt::test]
async fn a_211_package_imports_what_it_can_and_says_what_became_of_every_service() {
    assert_valid_package_if_tools(&package_211());
    let app = spawn_app().await;
    let work = tempfile::tempdir().unwrap();
    let rejects = work.path().join("rejects.csv");
    let package = package_211();
    let args = ["import", "--format", "hsds", package.to_str().unwrap(), "--rejects", rejects.to_str().unwrap()];

    let output = benzowise(&app.database, &args, "");

    let told = said(&output);
    assert_eq!(output.status.code(), Some(2), "some rows were refused:\n{told}");
    assert!(told.contains("skipped services.csv line 5: its status is \"inactive\", not active"), "{told}");
    assert!(told.contains("skipped services.csv line 6: not a clinician"), "{told}");
    assert!(told.contains("refused locations.csv line 7, column latitude"), "{told}");
    assert!(
        told.contains("3 service(s) imported as pending (1 unclaimed, 1 with a profession or specialty to be chosen)"),
        "{told}"
    );
    let tokens = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(tokens.contains("\"Samuel Oduya, PA-C\",\n"), "an unclaimed listing gets no manage token:\n{tokens}");

    let moderator = app.login_moderator("mod").await;
    let queue = app.moderation_queue(&moderator).await;
    assert_eq!(queue.len(), 3);

    let adebayo = &item(&queue, "Dr. Miriam Adebayo").listing;
    assert_eq!(
        (adebayo.profession.as_str(), adebayo.specialty.as_str()),
        ("physician", "psychiatry"),
        "from the NUCC code"
    );
    assert_eq!(adebayo.taxonomy_code.as_deref(), Some("2084P0800X"));
    assert_eq!(adebayo.contact_email, "intake@riversidech.example.org", "the organization's email");
    assert_eq!(adebayo.practice_name.as_deref(), Some("Riverside Community Health"));
    assert_eq!(adebayo.phone.as_deref(), Some("503-555-0140"), "the first voice number");
    let numbers: Vec<(&str, &str, Option<&str>)> = adebayo
        .phones
        .iter()
        .map(|phone| (phone.number.as_str(), phone.kind.code(), phone.extension.as_deref()))
        .collect();
    assert_eq!(
        numbers,
        [
            ("503-555-0140", "voice", None),
            ("503-555-0141", "fax", None),
            ("503-555-0142", "tty", None),
            ("503-555-0143", "voice", Some("12")),
        ],
        "every number of the service, its locations and their places, with kinds and extensions"
    );
    assert_eq!(
        adebayo.address_line.as_deref(),
        Some("5329 NE Martin Luther King Jr Blvd, Suite 200"),
        "the second address line on the street's"
    );
    assert_eq!(adebayo.city, "Portland");
    let further: Vec<String> = adebayo
        .other_locations
        .iter()
        .map(|place| {
            let parts =
                [place.name.as_deref(), place.address_line.as_deref(), Some(&place.city), place.postal_code.as_deref()];
            parts.into_iter().flatten().collect::<Vec<_>>().join(", ")
        })
        .collect();
    assert_eq!(
        further,
        [
            "Riverside Gresham Clinic, 1350 NE Cleveland Ave, Gresham, 97030",
            "Riverside Beaverton Clinic, 12500 SW Broadway St, Beaverton, 97005",
        ],
        "the second and third sites are further places, each at its own point"
    );
    assert_eq!((adebayo.other_locations[0].latitude, adebayo.other_locations[0].longitude), (45.4984, -122.431));
    let hours: Vec<_> =
        adebayo.opening_hours.iter().map(|h| (h.day.code(), h.opens.as_str(), h.closes.as_str())).collect();
    let weekdays = ["mon", "tue", "wed", "thu", "fri"].map(|day| (day, "08:30", "17:00"));
    assert_eq!(hours, weekdays, "a weekly schedule, a day each");
    assert_eq!(adebayo.languages, ["en", "es", "yue"], "ISO 639-3 codes, kept short where they can be");
    assert_eq!(adebayo.payment_options, ["medicaid", "sliding_scale"]);

    let oduya = &item(&queue, "Samuel Oduya, PA-C").listing;
    assert_eq!(oduya.profession, "physician_assistant", "from the credential");
    assert_eq!(oduya.to_be_chosen(), ["specialty"]);
    assert_eq!(oduya.contact_email, "", "no email anywhere: unclaimed");
    assert_eq!(oduya.phone.as_deref(), Some("503-555-0177"));
    assert_eq!(oduya.phones[1].kind.code(), "text", "a number for text messages");

    let reyes = &item(&queue, "Jordan Reyes, LCSW").listing;
    assert_eq!((reyes.profession.as_str(), reyes.specialty.as_str()), ("therapist", "psychotherapy"));
    assert!(reyes.telehealth, "a virtual location is telehealth");
    assert_eq!(reyes.licensed_regions, ["US-OR", "US-WA"]);
    assert_eq!(reyes.languages, ["ase", "en"]);
    assert_eq!(reyes.contact_email, "jreyes@riversidech.example.org", "the service's contact");
    assert_eq!(reyes.city, "Portland", "placed where its organization is");

    // What the listing cannot hold is on the review page, with its file and line.
    let review = app
        .as_moderator(
            &moderator,
            "GET",
            &format!("/moderate/submissions/{}", item(&queue, "Dr. Miriam Adebayo").submission_id),
            None,
        )
        .await;
    let page = visible_text(&review.text);
    for kept in [
        "phones.csv line 2, description: Intake line",
        "phones.csv line 5, description: Gresham front desk",
        "services.csv line 2, fees_description: Sliding scale; no one is turned away",
        "services.csv line 2, eligibility_description: Adults 18 and over",
        "schedules.csv line 2, description: Weekdays",
        "attributes.csv line 3, taxonomy_term_id: Substance Use Disorder Counseling",
        "cost_options.csv line 4, option: Facility fee",
    ] {
        assert!(page.contains(kept), "{kept} is shown to the moderator:\n{page}");
    }

    // The specialty left to be chosen must be chosen to approve.
    let oduya_id = item(&queue, "Samuel Oduya, PA-C").submission_id;
    let review = app.as_moderator(&moderator, "GET", &format!("/moderate/submissions/{oduya_id}"), None).await;
    assert!(review.text.contains(r#"<select id="specialty" name="specialty" required"#), "the approve form asks");
    assert_eq!(approve_with(&app, &moderator, oduya_id, json!({})).await, 422);
    assert_eq!(approve_with(&app, &moderator, oduya_id, json!({"specialty": "nonsense"})).await, 422);
    assert_eq!(approve_with(&app, &moderator, oduya_id, json!({"specialty": "primary_care"})).await, 200);
    let listing_id = item(&queue, "Samuel Oduya, PA-C").listing_id;
    let public: Value = app.get(&format!("/api/v1/clinicians/{listing_id}")).await.json();
    assert_eq!((public["specialty"].as_str(), public["claimed"].as_bool()), (Some("primary_care"), Some(false)));
    let profile = visible_text(&app.get(&format!("/clinicians/{listing_id}")).await.text);
    assert!(profile.contains("Added from a public list; not yet confirmed by the clinician."), "{profile}");
    assert!(!profile.contains("confirmed by the clinician in"), "approval is no clinician's confirmation: {profile}");
    let perfil = visible_text(&app.get(&format!("/es/clinicians/{listing_id}")).await.text);
    assert!(perfil.contains("Añadido desde una lista pública; el profesional aún no lo ha confirmado."), "{perfil}");
    let events = app.audit_events(&moderator).await;
    let approval = events.iter().find(|event| event.action == "approve").unwrap();
    assert!(
        approval.changes.iter().any(|change| change.field == "specialty" && change.to == "primary_care"),
        "the choice is in the audit trail: {:?}",
        approval.changes
    );

    // Importing again adds nothing; the rejects file, fixed, loads.
    let again = benzowise(&app.database, &["import", "--format", "hsds", package.to_str().unwrap()], "");
    assert!(said(&again).contains("0 service(s) imported as pending"), "{}", said(&again));
    let refused = std::fs::read_to_string(&rejects).unwrap();
    assert!(refused.starts_with("problem,"), "{refused}");
    assert!(refused.contains("Dr. Tomas Lindqvist, MD") && refused.contains("column latitude"), "{refused}");
    let fixed = work.path().join("fixed.csv");
    assert!(refused.contains(",physician,,"), "the specialty to be chosen is an empty column:\n{refused}");
    std::fs::write(&fixed, refused.replace("95.52", "45.52").replace(",physician,,", ",physician,addiction_medicine,"))
        .unwrap();
    let loaded = benzowise(&app.database, &["seed", fixed.to_str().unwrap(), "--status", "pending"], "");
    assert!(loaded.status.success(), "{}", said(&loaded));
    let queue = app.moderation_queue(&moderator).await;
    let lindqvist = &item(&queue, "Dr. Tomas Lindqvist, MD").listing;
    assert_eq!((lindqvist.latitude, lindqvist.profession.as_str()), (45.52, "physician"));
}

#[actix_rt::test]
async fn strict_and_dry_runs_write_nothing() {
    let app = spawn_app().await;
    let package = package_211();
    for flag in ["--strict", "--dry-run"] {
        let output = benzowise(&app.database, &["import", "--format", "hsds", package.to_str().unwrap(), flag], "");
        assert_eq!(output.status.code(), Some(2), "{flag}: {}", said(&output));
        assert_eq!(benzowise::db::listings::Listing::count(&mut app.connect()).unwrap(), 0, "{flag} writes nothing");
    }
}

/// Approves every pending submission, a page of the queue at a time.
async fn approve_all(app: &TestApp, who: &ModeratorSession) -> usize {
    let mut approved = 0;
    loop {
        let queue = app.moderation_queue(who).await;
        if queue.is_empty() {
            return approved;
        }
        for item in &queue {
            assert_eq!(app.approve(who, item.submission_id).await.status, 200);
            approved += 1;
        }
    }
}

#[actix_rt::test]
async fn the_demo_directory_round_trips_through_hsds_with_the_same_ids() {
    let source = spawn_app().await;
    let demo = seed::load_demo_if_empty(&mut source.connect()).unwrap();
    let work = tempfile::tempdir().unwrap();
    let package = work.path().join("demo.zip");
    let exported = benzowise(&source.database, &["export", "--format", "hsds", package.to_str().unwrap()], "");
    assert!(exported.status.success(), "{}", said(&exported));
    let first = work.path().join("first");
    unzip(&package, &first);

    let (database, _dir) = fresh_database();
    let target = spawn_app_on(database).await;
    let imported = benzowise(&target.database, &["import", "--format", "hsds", package.to_str().unwrap()], "");
    assert!(imported.status.success(), "{}", said(&imported));
    assert!(said(&imported).contains(&format!("{demo} service(s) imported as pending")), "{}", said(&imported));
    let moderator = target.login_moderator("mod").await;
    assert_eq!(approve_all(&target, &moderator).await, demo);

    let again = work.path().join("again.zip");
    assert!(benzowise(&target.database, &["export", "--format", "hsds", again.to_str().unwrap()], "").status.success());
    let second = work.path().join("second");
    unzip(&again, &second);
    assert_eq!(tables_without_dates(&first), tables_without_dates(&second), "the same services, ids and all");
}

#[actix_rt::test]
async fn a_further_place_whose_point_is_not_a_number_refuses_its_service_naming_the_cell() {
    let work = tempfile::tempdir().unwrap();
    let package = work.path().join("package");
    std::fs::create_dir(&package).unwrap();
    for entry in std::fs::read_dir(package_211()).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, package.join(path.file_name().unwrap())).unwrap();
    }
    // Gresham, Dr. Adebayo's second site, on line 3.
    let locations = std::fs::read_to_string(package.join("locations.csv")).unwrap();
    std::fs::write(package.join("locations.csv"), locations.replace("45.4984", "north")).unwrap();
    let app = spawn_app().await;

    let output = benzowise(&app.database, &["import", "--format", "hsds", package.to_str().unwrap()], "");

    let told = said(&output);
    assert_eq!(output.status.code(), Some(2), "{told}");
    assert!(told.contains("refused locations.csv line 3, column latitude: must be a number"), "{told}");
}
