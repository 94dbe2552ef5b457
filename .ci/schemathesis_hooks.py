"""Hooks for .ci/schemathesis (loaded by schemathesis.toml): the rules the
OpenAPI document can say only in words, kept in what is drawn.

A search's `near` must name a place on the service's map, a gazetteer of
about 170,000 places that no enum in the document can carry. Every `near`
the fuzzer draws for a request it means to be valid is replaced by one of a
few places the map knows, so that every other search parameter is still
drawn from the document; the look-up itself is tested in tests/api.
"""

import schemathesis
from hypothesis import strategies as st

KNOWN_PLACES = ["97201", "97201-1234", "Portland, OR", "London, GB", "Sydney, AU", "Paris"]


@schemathesis.hook("flatmap_query").apply_to(method="GET", path="/api/v1/clinicians")
def near_a_known_place(context, query):
    near = (query or {}).get("near")
    # A blank `near` is one the document refuses: the negative phase keeps it.
    if not isinstance(near, str) or not near.strip():
        return st.just(query)
    return st.sampled_from(KNOWN_PLACES).map(lambda place: {**query, "near": place})


# The bodies that may carry an NPI: a listing, and a claim on one.
NPI_BODIES = r"^/api/v1/(submissions|manage|clinicians/\{id\}/claim)$"


def npi_check_digit(first_nine):
    """The Luhn check digit of an NPI, over the card issuer prefix 80840."""
    total = 24  # the prefix's share of the sum
    for position, digit in enumerate(reversed(first_nine)):
        digit = int(digit) * (2 if position % 2 == 0 else 1)
        total += digit - 9 if digit > 9 else digit
    return str((10 - total % 10) % 10)


def opening_after_it_opens(opening):
    """An opening whose `closes` is not after its `opens`, made one that is."""
    if not isinstance(opening, dict):
        return opening
    opens, closes = opening.get("opens"), opening.get("closes")
    if not (isinstance(opens, str) and isinstance(closes, str)) or closes > opens:
        return opening
    opens, closes = (closes, opens) if closes < opens else ("00:00", "23:59")
    return {**opening, "opens": opens, "closes": closes}


@schemathesis.hook("map_body").apply_to(path_regex=NPI_BODIES)
def with_rules_no_schema_states(context, body):
    """An NPI's check digit, a price range's order and an opening's closing
    time after its opening time, which JSON Schema cannot state (the document
    says them in words), are made right in every listing and claim drawn, so
    that what the document allows is what is sent and what it refuses is
    refused for that alone. Insurers come with `private_insurance`, a rule the
    document says in words too (as a schema, it would make the listing's too
    large for the generator); and each further place is given coordinates, as
    schemathesis.toml gives the main address, for the same reason."""
    if not isinstance(body, dict):
        return body
    body = dict(body)
    insurers, options = body.get("insurers"), body.get("payment_options")
    if isinstance(insurers, list) and insurers and isinstance(options, list) and "private_insurance" not in options:
        body["payment_options"] = options + ["private_insurance"]
    elif isinstance(insurers, list) and insurers and options is None:
        body["payment_options"] = ["private_insurance"]
    places = body.get("other_locations")
    if isinstance(places, list):
        body["other_locations"] = [
            {**place, "latitude": 45.52, "longitude": -122.68} if isinstance(place, dict) else place for place in places
        ]
    npi = body.get("npi")
    if isinstance(npi, str) and len(npi) == 10 and npi.isascii() and npi.isdigit():
        body["npi"] = npi[:9] + npi_check_digit(npi[:9])
    hours = body.get("opening_hours")
    if isinstance(hours, list):
        body["opening_hours"] = [opening_after_it_opens(opening) for opening in hours]
    for visit in ("self_pay_first_visit", "self_pay_follow_up"):
        prices = body.get(visit)
        if isinstance(prices, dict):
            low, high = prices.get("min"), prices.get("max")
            numbers = all(isinstance(p, (int, float)) and not isinstance(p, bool) for p in (low, high))
            if numbers and high < low:
                body[visit] = {**prices, "min": high, "max": low}
    return body

