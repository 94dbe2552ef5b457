"""Hooks for the /hsds run of .ci/schemathesis (loaded by
schemathesis-hsds.toml): the rules the HSDS specification's openapi.json
says only in words, kept in what is drawn.

The specification types `format`, `modified_after` and `proximity` as plain
strings and says in words what they take: `format` is `json` or `ndjson`,
`modified_after` a datetime, `proximity` a distance in metres. The API
refuses other values with a 422 that names the parameter (tests/api/hsds.rs
checks each), so every value drawn for them is made one of those the words
allow; every other parameter is still drawn from the document. `format` is
always `json` here: the document describes its answers as one JSON document,
which an NDJSON stream is not (tests/api/hsds.rs reads the streams line by
line).
"""

from datetime import datetime

import schemathesis


def is_datetime(text):
    try:
        datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
        return True
    except ValueError:
        return False


def is_distance(text):
    try:
        return 0 < float(text) < float("inf")
    except ValueError:
        return False


@schemathesis.hook("map_query")
def as_the_specification_says_in_words(context, query):
    if not isinstance(query, dict):
        return query
    query = dict(query)
    # A blank value is one the API takes as absent; Python's strip() would
    # also remove control characters that are not blank to the API.
    given = lambda name: isinstance(query.get(name), str) and query[name].strip(" \t\r\n") != ""
    if given("format"):
        query["format"] = "json"
    if given("modified_after") and not is_datetime(query["modified_after"]):
        query["modified_after"] = "2026-01-31T12:00:00Z"
    if given("proximity") and not is_distance(query["proximity"]):
        query["proximity"] = "25000"
    return query
