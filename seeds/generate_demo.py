#!/usr/bin/env python3
"""Writes seeds/demo_listings.json: fictional demo listings for `serve --demo`.

Every person, practice, phone number and address here is invented. Places come
from the gazetteer files beside this script. Re-run to regenerate; the random
seed is fixed so the output is stable: python3 seeds/generate_demo.py
"""
import csv
import json
import math
import random
from pathlib import Path

HERE = Path(__file__).parent
random.seed(20261128)

US_METROS = [
    ("New York City", "NY"), ("Los Angeles", "CA"), ("Chicago", "IL"), ("Houston", "TX"), ("Phoenix", "AZ"),
    ("Philadelphia", "PA"), ("San Antonio", "TX"), ("San Diego", "CA"), ("Dallas", "TX"), ("Austin", "TX"),
    ("Jacksonville", "FL"), ("San Jose", "CA"), ("Columbus", "OH"), ("Charlotte", "NC"), ("Indianapolis", "IN"),
    ("San Francisco", "CA"), ("Seattle", "WA"), ("Denver", "CO"), ("Arlington", "VA"), ("Boston", "MA"),
    ("Nashville", "TN"), ("Detroit", "MI"), ("Portland", "OR"), ("Las Vegas", "NV"), ("Memphis", "TN"),
    ("Louisville", "KY"), ("Baltimore", "MD"), ("Milwaukee", "WI"), ("Albuquerque", "NM"), ("Tucson", "AZ"),
    ("Sacramento", "CA"), ("Kansas City", "MO"), ("Atlanta", "GA"), ("Miami", "FL"), ("Raleigh", "NC"),
    ("Minneapolis", "MN"), ("Tampa", "FL"), ("New Orleans", "LA"), ("Cleveland", "OH"), ("Pittsburgh", "PA"),
    ("Salt Lake City", "UT"), ("St. Louis", "MO"), ("Boise", "ID"), ("Burlington", "VT"), ("Anchorage", "AK"),
    ("Honolulu", "HI"), ("Omaha", "NE"), ("Richmond", "VA"),
]
ABROAD = [
    ("Toronto", "CA", "08", "ON"), ("Vancouver", "CA", "02", "BC"), ("Montréal", "CA", "10", "QC"),
    ("London", "GB", "ENG", "ENG"), ("Manchester", "GB", "ENG", "ENG"), ("Edinburgh", "GB", "SCT", "SCT"),
    ("Sydney", "AU", "02", "NSW"), ("Melbourne", "AU", "07", "VIC"), ("Brisbane", "AU", "04", "QLD"),
]
NEIGHBOURS = {
    "OR": ["WA", "CA", "ID"], "WA": ["OR", "ID"], "NY": ["NJ", "CT", "PA"], "CA": ["OR", "NV", "AZ"],
    "TX": ["OK", "NM", "LA"], "MA": ["NH", "RI", "CT"], "DC": ["MD", "VA"], "IL": ["IN", "WI"],
}
FIRST = ["Avery", "Jordan", "Morgan", "Riley", "Casey", "Quinn", "Rowan", "Harper", "Elena", "Samir", "Priya",
         "Tomás", "Mei", "Kwame", "Ingrid", "Dmitri", "Aisha", "Mateo", "Noor", "Hana", "Lucas", "Ines", "Olu",
         "Farah", "Jonah", "Grace", "Wen", "Ravi", "Sofia", "Malik", "Beatriz", "Theo", "Lena", "Arjun", "Maeve"]
LAST = ["Whitfield", "Okafor", "Lindqvist", "Castellanos", "Nakamura", "Brennan", "Adeyemi", "Halvorsen",
        "Moreau", "Petrov", "Delgado", "Fairweather", "Ashby", "Kowalski", "Ramanathan", "Oduya", "Silvestri",
        "Marchetti", "Thornbury", "Vasquez", "Holloway", "Iverson", "Quartey", "Beaumont", "Sandoval", "Larkspur"]
PROFESSIONS = [("physician", "MD", 40), ("nurse_practitioner", "PMHNP-BC", 18), ("physician_assistant", "PA-C", 8),
               ("pharmacist", "PharmD, BCPP", 8), ("psychologist", "PhD", 12), ("therapist", "LCSW", 14)]
SPECIALTY_FOR = {
    "physician": ["psychiatry", "primary_care", "geriatrics", "addiction_medicine", "neurology", "other"],
    "nurse_practitioner": ["psychiatry", "primary_care", "geriatrics", "addiction_medicine"],
    "physician_assistant": ["primary_care", "psychiatry", "addiction_medicine"],
    "pharmacist": ["pharmacotherapy"],
    "psychologist": ["psychotherapy", "other"],
    "therapist": ["psychotherapy", "other"],
}
APPROACHES = ["symptom_guided", "micro_taper", "liquid_titration", "dry_cut_weighed", "hyperbolic",
              "diazepam_crossover", "direct_taper", "cut_and_hold", "tapering_strips", "reduce_and_maintain"]
CRITERIA = ["slow_taper_supported", "patient_sets_pace", "no_abrupt_stops", "plans_exit_at_start",
            "non_drug_support", "combination_caution", "withdrawal_history_respected", "accepts_transfers",
            "ashton_manual"]
LANGUAGES = ["es", "fr", "zh", "vi", "ko", "ar", "pt", "de", "hi", "ru", "tl"]
DURATIONS = [
    "Ideally no longer than two to four weeks, and I plan how we will come off at the very first visit.",
    "As short as possible. When someone has been on them for years, we talk about tapering only when they are ready.",
    "I rarely start benzodiazepines; most of my patients arrive already taking them, often for many years.",
]
PLANS = [
    "We reduce slowly, usually 5 to 10% of the current dose every two to four weeks, and hold when symptoms flare.",
    "Often a crossover to diazepam first, then small cuts with a liquid or a milligram scale; the patient sets the pace.",
    "Small cuts, long holds, and a plan we revisit every visit. Nobody is ever stopped abruptly.",
]
SLOW = [
    "Yes. Tapers of a year or longer are normal in my practice.",
    "Yes, symptom-based: we slow down or pause whenever withdrawal gets hard.",
    "Yes, including micro-tapers with daily tiny reductions.",
]


def load_cities():
    by_key = {}
    with open(HERE / "cities.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            key = (row["name"], row["country"], row["admin1"])
            if key not in by_key or int(row["population"]) > int(by_key[key]["population"]):
                by_key[key] = row
    return by_key


def load_zips():
    with open(HERE / "us_zip_centroids.csv", newline="", encoding="utf-8") as f:
        return [(r["zip"], float(r["lat"]), float(r["lon"])) for r in csv.DictReader(f)]


def jitter(lat, lon, km):
    distance = km * math.sqrt(random.random())
    bearing = random.uniform(0, 2 * math.pi)
    dlat = distance * math.cos(bearing) / 111.0
    dlon = distance * math.sin(bearing) / (111.0 * math.cos(math.radians(lat)))
    return round(lat + dlat, 5), round(lon + dlon, 5)


def nearest_zip(zips, lat, lon):
    return min(zips, key=lambda z: (z[1] - lat) ** 2 + ((z[2] - lon) * math.cos(math.radians(lat))) ** 2)[0]


PAYMENTS = ["medicare", "medicaid", "private_insurance", "tricare", "self_pay", "sliding_scale", "free_care"]
US_ONLY_PAYMENTS = {"medicare", "medicaid", "tricare"}
DEMO_INSURERS = ["Example Mutual (demo)", "Sample Health Plan (demo)", "Placeholder Care Co-op (demo)"]


def payment(n, country):
    """Payment fields from a generator of their own, so the other fields stay as they were."""
    rng = random.Random(f"payment-{n}")
    offered = [code for code in PAYMENTS if country == "US" or code not in US_ONLY_PAYMENTS]
    if rng.random() < 0.15:
        return {}  # says nothing: patients are told to ask the practice
    options = sorted(rng.sample(offered, k=rng.randint(1, 4)), key=PAYMENTS.index)
    fields = {"payment_options": options}
    if "private_insurance" in options:
        fields["insurers"] = rng.sample(DEMO_INSURERS, k=rng.randint(1, 2))
    if "self_pay" in options or "sliding_scale" in options:
        first = rng.randrange(120, 300, 10)
        fields["self_pay_first_visit"] = {"min": first, "max": first + rng.choice([0, 50, 100])}
        follow = rng.randrange(60, 200, 10)
        fields["self_pay_follow_up"] = {"min": follow, "max": follow + rng.choice([0, 30, 60])}
    return fields


def listing(n, city, country, region, lat, lon, postal):
    profession, credentials, _ = random.choices(PROFESSIONS, weights=[p[2] for p in PROFESSIONS])[0]
    first, last = random.choice(FIRST), random.choice(LAST)
    telehealth = random.random() < 0.6
    subdivision = f"{country}-{region}"
    licensed = [subdivision] + [f"US-{s}" for s in NEIGHBOURS.get(region, []) if random.random() < 0.4] if telehealth else []
    languages = ["en"] + random.sample(LANGUAGES, k=random.choice([0, 0, 0, 1, 1, 2]))
    approaches = sorted(random.sample(APPROACHES, k=random.randint(1, 5)), key=APPROACHES.index)
    criteria = sorted(random.sample(CRITERIA, k=random.randint(2, 8)), key=CRITERIA.index)
    phone_area = {"US": f"({random.randint(201, 989)}) 555-01{n % 100:02d}", "CA": f"+1 416 555 01{n % 100:02d}",
                  "GB": f"+44 20 7946 0{n % 1000:03d}", "AU": f"+61 2 5550 {n % 10000:04d}"}[country]
    return {
        "full_name": f"{first} {last}",
        "credentials": credentials,
        "profession": profession,
        "specialty": random.choice(SPECIALTY_FOR[profession]),
        "practice_name": f"{random.choice(['Riverbend', 'Cedar', 'Harbor', 'Maple', 'Quiet Hills', 'Northside'])} "
                         f"{random.choice(['Clinic', 'Health', 'Practice', 'Wellness Centre' if country != 'US' else 'Family Medicine'])} (demo)",
        "address_line": f"{random.randint(10, 9999)} Example Street",
        "city": city,
        "region": region,
        "postal_code": postal,
        "country": country,
        "latitude": lat,
        "longitude": lon,
        "phone": phone_area,
        "website": f"https://example.org/demo/{n}",
        "public_email": f"demo{n}@example.org" if random.random() < 0.5 else None,
        "contact_email": f"demo{n}-private@example.org",
        "telehealth": telehealth,
        "licensed_regions": licensed,
        "accepting_new_patients": random.random() < 0.7,
        "languages": languages,
        "taper_approaches": approaches,
        "criteria": criteria,
        **payment(n, country),
        "max_monthly_reduction_pct": random.choice([5, 5, 10, 10, 10, 15, 20, 25, None]),
        "answers": {
            "typical_duration": random.choice(DURATIONS),
            "dependence_plan": random.choice(PLANS),
            "slow_taper": random.choice(SLOW),
        },
        "statement": "Fictional demo listing: this clinician does not exist. " + random.choice([
            "I work with people who want to come off benzodiazepines at a pace their nervous system can manage.",
            "Many of my patients were told to stop quickly. Here, the taper goes as slowly as it needs to.",
            "I coordinate with therapists and pharmacists so that nobody tapers alone.",
        ]),
    }


def main():
    cities, zips = load_cities(), load_zips()
    listings = []
    for city, state in US_METROS:
        row = cities[(city, "US", state)]
        for _ in range(random.randint(5, 8)):
            lat, lon = jitter(float(row["lat"]), float(row["lon"]), 20)
            listings.append(listing(len(listings) + 1, city, "US", state, lat, lon, nearest_zip(zips, lat, lon)))
    for city, country, admin1, region in ABROAD:
        row = cities[(city, country, admin1)]
        for _ in range(3):
            lat, lon = jitter(float(row["lat"]), float(row["lon"]), 10)
            listings.append(listing(len(listings) + 1, city, country, region, lat, lon, None))
    for entry in listings:
        for key in [k for k, v in entry.items() if v is None]:
            del entry[key]
    document = {
        "note": "FICTIONAL DEMO DATA. Every person, practice, address, phone number and email here is invented "
                "for demonstration; none is a real clinician. Generated by seeds/generate_demo.py.",
        "demo": True,
        "listings": listings,
    }
    (HERE / "demo_listings.json").write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(listings)} listings in {len(US_METROS)} US metros and {len(ABROAD)} cities abroad")


if __name__ == "__main__":
    main()
