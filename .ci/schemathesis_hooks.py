"""Hooks for .ci/schemathesis (loaded by schemathesis.toml).

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
