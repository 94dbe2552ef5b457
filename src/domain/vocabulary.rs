//! The fixed code lists of the directory. Codes are stable API values;
//! labels are for people.

use serde::Serialize;
use utoipa::ToSchema;

/// One entry of a code list.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
pub struct Term {
    pub code: &'static str,
    pub label: &'static str,
}

const fn term(code: &'static str, label: &'static str) -> Term {
    Term { code, label }
}

/// A profession and whether it can prescribe (and so run a taper).
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
pub struct ProfessionTerm {
    pub code: &'static str,
    pub label: &'static str,
    pub prescriber: bool,
}

pub const PROFESSIONS: &[ProfessionTerm] = &[
    ProfessionTerm { code: "physician", label: "Physician (MD, DO, MBBS)", prescriber: true },
    ProfessionTerm { code: "nurse_practitioner", label: "Nurse practitioner", prescriber: true },
    ProfessionTerm { code: "physician_assistant", label: "Physician assistant", prescriber: true },
    ProfessionTerm { code: "pharmacist", label: "Clinical pharmacist", prescriber: true },
    ProfessionTerm { code: "psychologist", label: "Psychologist", prescriber: false },
    ProfessionTerm { code: "therapist", label: "Counselor, therapist or clinical social worker", prescriber: false },
];

pub const SPECIALTIES: &[Term] = &[
    term("psychiatry", "Psychiatry"),
    term("primary_care", "Primary care (family, internal or general medicine)"),
    term("geriatrics", "Geriatrics"),
    term("addiction_medicine", "Addiction medicine"),
    term("neurology", "Neurology"),
    term("pharmacotherapy", "Pharmacotherapy"),
    term("psychotherapy", "Psychotherapy"),
    term("other", "Other"),
];

pub const TAPER_APPROACHES: &[Term] = &[
    term(
        "symptom_guided",
        "Pace set with the patient; cuts are paused or slowed when withdrawal symptoms are significant",
    ),
    term("micro_taper", "Very small reductions made daily or every few days"),
    term("liquid_titration", "Dose suspended in a measured liquid (or a licensed oral liquid) for tiny, accurate cuts"),
    term("dry_cut_weighed", "Tablets cut or ground and weighed on a milligram scale"),
    term("hyperbolic", "Each cut a percentage of the current dose, so steps shrink and the end is slowest"),
    term(
        "diazepam_crossover",
        "Switch a short-acting benzodiazepine to diazepam step by step, then taper (Ashton Manual)",
    ),
    term("direct_taper", "Taper the drug already taken, without switching"),
    term("cut_and_hold", "One cut, then hold until stable before the next"),
    term("tapering_strips", "Pharmacy-made daily pouches of slowly decreasing doses"),
    term("reduce_and_maintain", "Will hold at the lowest tolerated dose if further cuts are not tolerated"),
];

pub const CRITERIA: &[Term] = &[
    term("slow_taper_supported", "Supports tapers that take as long as the patient needs, a year or more"),
    term("patient_sets_pace", "Lets the patient set the pace and pause when symptoms are hard"),
    term("no_abrupt_stops", "Never stops a benzodiazepine abruptly; knows the seizure risk of doing so"),
    term("plans_exit_at_start", "When prescribing, plans from the start how and when the drug will be reduced"),
    term("non_drug_support", "Offers or refers to non-drug tools: therapy, CBT-I, grounding, sleep hygiene"),
    term("combination_caution", "Cautious with benzodiazepines combined with opioids or other sedatives"),
    term("withdrawal_history_respected", "Takes a patient's past withdrawal experiences seriously"),
    term("accepts_transfers", "Accepts patients transferring care part-way through a taper"),
    term("ashton_manual", "Familiar with the Ashton Manual"),
];

/// How a patient can pay; a search for several matches a listing that takes any.
pub const PAYMENT_OPTIONS: &[Term] = &[
    term("medicare", "Medicare"),
    term("medicaid", "Medicaid"),
    term("private_insurance", "Private insurance"),
    term("tricare", "TRICARE (military insurance)"),
    term("self_pay", "Paying yourself"),
    term("sliding_scale", "Sliding-scale fees"),
    term("free_care", "Free care"),
];

/// The first-visit questions; the code is the key under `answers`.
pub const QUESTIONS: &[Term] = &[
    term("typical_duration", "How long do you typically keep patients on benzodiazepines?"),
    term("dependence_plan", "How do you handle tapering off if a patient develops dependence?"),
    term("slow_taper", "Do you support very slow, symptom-based tapers?"),
];

/// Why a member of the public reports a listing.
pub const REPORT_REASONS: &[Term] = &[
    term("inaccurate", "Information on the listing is wrong or out of date"),
    term("not_benzo_wise", "The clinician did not practise as the listing says"),
    term("closed", "The practice has closed or moved"),
    term("impersonation", "The listing was not made by the clinician it names"),
    term("other", "Something else"),
];

/// Phrases a moderator must be shown when they appear in an answer or statement.
pub const RED_FLAGS: &[&str] = &[
    "just stop",
    "cold turkey",
    "two-week taper",
    "2 week taper",
    "withdrawal isn't",
    "withdrawal is not a big",
    "not addictive",
];

pub fn profession(code: &str) -> Option<&'static ProfessionTerm> {
    PROFESSIONS.iter().find(|p| p.code == code)
}

pub fn find(list: &'static [Term], code: &str) -> Option<&'static Term> {
    list.iter().find(|t| t.code == code)
}

/// Every red-flag phrase found in `text`, compared case-insensitively.
/// Typographic apostrophes count as plain ones so "isn’t" is caught too.
pub fn red_flags_in(text: &str) -> Vec<&'static str> {
    let folded = text.to_lowercase().replace('\u{2019}', "'");
    RED_FLAGS.iter().copied().filter(|flag| folded.contains(flag)).collect()
}

/// The whole vocabulary, as served by `GET /api/v1/vocabulary`.
#[derive(Debug, Serialize, ToSchema)]
pub struct Vocabulary {
    pub professions: &'static [ProfessionTerm],
    pub specialties: &'static [Term],
    pub taper_approaches: &'static [Term],
    pub criteria: &'static [Term],
    pub payment_options: &'static [Term],
    pub questions: &'static [Term],
    pub report_reasons: &'static [Term],
    pub red_flags: &'static [&'static str],
}

pub static VOCABULARY: Vocabulary = Vocabulary {
    professions: PROFESSIONS,
    specialties: SPECIALTIES,
    taper_approaches: TAPER_APPROACHES,
    criteria: CRITERIA,
    payment_options: PAYMENT_OPTIONS,
    questions: QUESTIONS,
    report_reasons: REPORT_REASONS,
    red_flags: RED_FLAGS,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn red_flags_are_found_whatever_the_case() {
        assert_eq!(red_flags_in("You can JUST STOP, it's fine"), vec!["just stop"]);
        assert_eq!(red_flags_in("Withdrawal isn’t real"), vec!["withdrawal isn't"]);
        assert!(red_flags_in("We taper slowly over a year").is_empty());
    }
}
