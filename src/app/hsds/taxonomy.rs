//! The directory's own vocabulary as one HSDS taxonomy: a top-level term per
//! code list (professions, specialties, taper approaches, benzo-wise
//! criteria, payment options, features, identifiers), each code a term below
//! it. Services carry the terms as attributes, so a 211 filters on
//! "micro-taper" like on any other term.

use std::sync::LazyLock;

use serde_json::{json, Value};
use uuid::Uuid;

use super::{ids, values};
use crate::app::Links;
use crate::domain::vocabulary::{self, Term};
use crate::i18n::{Lang, Text};

/// The taxonomy's name in the `taxonomy` column of each term.
pub const TAXONOMY_NAME: &str = "benzowise";

/// A code list of the taxonomy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Profession,
    Specialty,
    TaperApproach,
    Criterion,
    PaymentOption,
    /// Yes-or-no facts about a service: telehealth, new patients.
    Feature,
    /// Facts with a value: the NPI, the NUCC taxonomy code, the largest monthly reduction.
    Detail,
}

pub const GROUPS: [Group; 7] = [
    Group::Profession,
    Group::Specialty,
    Group::TaperApproach,
    Group::Criterion,
    Group::PaymentOption,
    Group::Feature,
    Group::Detail,
];

pub const TELEHEALTH: &str = "telehealth";
pub const ACCEPTING_NEW_PATIENTS: &str = "accepting_new_patients";
pub const NPI: &str = "npi";
pub const NUCC_TAXONOMY_CODE: &str = "nucc_taxonomy_code";
pub const MAX_MONTHLY_REDUCTION_PCT: &str = "max_monthly_reduction_pct";

impl Group {
    pub fn code(self) -> &'static str {
        match self {
            Group::Profession => "profession",
            Group::Specialty => "specialty",
            Group::TaperApproach => "taper_approach",
            Group::Criterion => "criterion",
            Group::PaymentOption => "payment_option",
            Group::Feature => "feature",
            Group::Detail => "detail",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Group::Profession => "Profession",
            Group::Specialty => "Specialty",
            Group::TaperApproach => "Taper approach",
            Group::Criterion => "Benzo-wise criterion",
            Group::PaymentOption => "Payment option",
            Group::Feature => "Feature",
            Group::Detail => "Detail",
        }
    }

    fn description(self) -> &'static str {
        match self {
            Group::Profession => "The clinician's profession; physicians, nurse practitioners, physician assistants and pharmacists can prescribe a taper.",
            Group::Specialty => "The clinician's main field of practice.",
            Group::TaperApproach => "A way of reducing a benzodiazepine dose that the clinician supports.",
            Group::Criterion => "A practice that makes a clinician benzo-wise: gradual, patient-led tapering.",
            Group::PaymentOption => "A way a patient can pay.",
            Group::Feature => "A fact about the service that is true when the attribute is present.",
            Group::Detail => "A fact about the service whose value is the attribute's value.",
        }
    }

    /// The codes of the group with their English names.
    fn codes(self) -> Vec<(&'static str, String)> {
        let labelled = |terms: &[Term]| terms.iter().map(|term| (term.code, term.label(Lang::En))).collect();
        match self {
            Group::Profession => vocabulary::PROFESSIONS.iter().map(|term| (term.code, term.label(Lang::En))).collect(),
            Group::Specialty => labelled(vocabulary::SPECIALTIES),
            Group::TaperApproach => labelled(vocabulary::TAPER_APPROACHES),
            Group::Criterion => labelled(vocabulary::CRITERIA),
            Group::PaymentOption => labelled(vocabulary::PAYMENT_OPTIONS),
            Group::Feature => vec![
                (TELEHEALTH, Lang::En.text(&Text::new("search-form-telehealth"))),
                (ACCEPTING_NEW_PATIENTS, Lang::En.text(&Text::new("search-form-accepting"))),
            ],
            Group::Detail => vec![
                (NPI, "National Provider Identifier (NPI)".to_string()),
                (NUCC_TAXONOMY_CODE, "NUCC health care provider taxonomy code".to_string()),
                (MAX_MONTHLY_REDUCTION_PCT, "Largest monthly dose reduction offered, in percent".to_string()),
            ],
        }
    }
}

/// One term of the taxonomy.
#[derive(Debug, Clone)]
pub struct TaxonomyTerm {
    pub id: Uuid,
    pub group: Group,
    /// `None` for a group's own top-level term.
    pub code: Option<&'static str>,
    pub name: String,
    description: String,
}

impl TaxonomyTerm {
    /// The term as HSDS writes it, its URI under the deployment's address.
    pub fn record(&self, links: &Links) -> Value {
        let parent_id = self.code.map(|_| group_term_id(self.group));
        values::record(json!({
            "id": self.id,
            "code": self.code.unwrap_or(self.group.code()),
            "name": self.name,
            "description": self.description,
            "parent_id": parent_id,
            "taxonomy": TAXONOMY_NAME,
            "language": "en",
            "taxonomy_id": taxonomy_id(),
            "term_uri": links.to(Lang::En, &format!("/hsds/taxonomy_terms/{}", self.id)),
        }))
    }
}

fn group_term_id(group: Group) -> Uuid {
    ids::term(group.code())
}

/// The id of the term for `code` in `group`.
pub fn term_id(group: Group, code: &str) -> Uuid {
    ids::term(&format!("{}/{code}", group.code()))
}

pub fn taxonomy_id() -> Uuid {
    ids::term("")
}

/// Every term, each group's term first, then its codes.
pub fn terms() -> &'static [TaxonomyTerm] {
    static TERMS: LazyLock<Vec<TaxonomyTerm>> = LazyLock::new(|| {
        GROUPS
            .iter()
            .flat_map(|&group| {
                let top = TaxonomyTerm {
                    id: group_term_id(group),
                    group,
                    code: None,
                    name: group.name().to_string(),
                    description: group.description().to_string(),
                };
                let codes = group.codes().into_iter().map(move |(code, name)| TaxonomyTerm {
                    id: term_id(group, code),
                    group,
                    code: Some(code),
                    description: format!("{}: {name}", group.name()),
                    name,
                });
                std::iter::once(top).chain(codes)
            })
            .collect()
    });
    &TERMS
}

/// The term with this id, if it is one of ours.
pub fn find(id: &Uuid) -> Option<&'static TaxonomyTerm> {
    terms().iter().find(|term| term.id == *id)
}

/// The taxonomy itself.
pub fn taxonomy(links: &Links) -> Value {
    json!({
        "id": taxonomy_id(),
        "name": TAXONOMY_NAME,
        "description": "The vocabulary of benzowise, a directory of clinicians who support gradual, patient-led benzodiazepine tapering.",
        "uri": links.to(Lang::En, &format!("/hsds/taxonomies/{}", taxonomy_id())),
        "version": "1",
    })
}
