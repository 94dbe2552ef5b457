#!/usr/bin/env python3
"""Validates FHIR R4 JSON against the Da Vinci PDex Plan-Net 1.2.0 profiles
with fhircraft, which builds a model of each profile from its
StructureDefinition snapshot (cardinalities, types, fixed values, slices and
FHIRPath invariants) and validates resources with it.

    .ci-cache/plan-net-venv/bin/python tests/fhir/plan_net.py [FILE...]   (standard input without FILE)

Each input is one JSON document, or NDJSON: one document a line. Every
resource the directory makes from a listing must declare its Plan-Net
profile in `meta.profile` and conform to it; a Bundle's entries are checked
one by one. Resources Plan-Net has no profile for (CodeSystem,
CapabilityStatement, OperationOutcome, Bundle) are checked against R4 itself.
Prints every error with where it is, then a summary; exits 1 when any
document has an error, 2 when an input is not JSON.

Plan-Net's profiles of Practitioner, PractitionerRole, Location and
Organization are based on US Core 3.1.1, which no package registry reachable
here carries. Their snapshots already hold every constraint US Core adds, so
they are built on R4's own definitions instead (see docs/interop.md). The
extensions they use come from the npm package hl7.fhir.uv.extensions.r4.
"""
import glob
import json
import os
import re
import sys
import warnings

from fhircraft.exceptions import DefinitionNotFoundError, FactoryAssemblerError
from fhircraft.fhir.resources.factory import FHIRModelFactory

from documents import labelled

PLAN_NET = "http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/plannet-"
LISTING_RESOURCES = {"Practitioner", "PractitionerRole", "Location", "HealthcareService", "Organization"}
R4 = "http://hl7.org/fhir/StructureDefinition/"
US_CORE = "http://hl7.org/fhir/us/core/StructureDefinition/"
PACKAGES = os.path.join(os.path.dirname(__file__), "..", "..", ".ci-cache", "plan-net")


class Profiles:
    """The packages' StructureDefinitions by URL, each made a model when first needed."""

    def __init__(self):
        self.factory = FHIRModelFactory("R4")
        self.definitions = {}
        for path in sorted(glob.glob(os.path.join(PACKAGES, "*", "package", "StructureDefinition-*.json"))):
            with open(path, encoding="utf-8") as file:
                definition = json.load(file)
            self.definitions.setdefault(definition["url"], definition)
        self.models = {}

    def model(self, url):
        if url not in self.models:
            self.models[url] = self.build(url)
        return self.models[url]

    def build(self, url):
        while True:
            try:
                return self.factory.build(canonical_url=url, mode="snapshot")
            except (DefinitionNotFoundError, FactoryAssemblerError) as error:
                missing = re.search(r"not found for (\S+?)\.? ", str(error))
                if not missing or missing.group(1) not in self.definitions:
                    raise
                definition = dict(self.definitions.pop(missing.group(1)))
                if definition["baseDefinition"].startswith(US_CORE):
                    definition["baseDefinition"] = R4 + definition["type"]
                self.factory.register(definition)


def problems(profiles, resource):
    """Every error in one resource, as (path, message)."""
    kind = resource.get("resourceType")
    claimed = (resource.get("meta") or {}).get("profile") or []
    if kind in LISTING_RESOURCES:
        if PLAN_NET + kind not in claimed:
            return [("meta.profile", f"does not claim {PLAN_NET + kind}")]
        url = PLAN_NET + kind
    elif kind == "Bundle":
        # The Bundle itself is R4's, which the two other validators check;
        # its entries are checked here one by one.
        return [
            (f"entry.{number}.resource.{path}", message)
            for number, entry in enumerate(resource.get("entry") or [])
            for path, message in problems(profiles, entry.get("resource") or {})
        ]
    else:
        url = R4 + str(kind)
    try:
        profiles.model(url).model_validate(resource)
    except Exception as error:  # pydantic's ValidationError, or a model that will not build
        errors = getattr(error, "errors", None)
        if not callable(errors):
            return [("", f"{type(error).__name__}: {error}")]
        return [(".".join(str(part) for part in issue["loc"]), issue["msg"]) for issue in errors()]
    return []


def main(names):
    profiles = Profiles()
    checked = errors = 0
    unreadable = False
    for label, document in labelled(names):
        if document is None:
            unreadable = True
            continue
        checked += 1
        for path, message in problems(profiles, document):
            errors += 1
            print(f"{label}: error at {path}: {message}")
    print(f"fhircraft against Plan-Net 1.2.0 validated {checked} resource(s): {errors} error(s)")
    return 2 if unreadable else 1 if errors else 0


if __name__ == "__main__":
    # fhircraft warns of every invariant at "warning" severity (dom-6, a
    # narrative): those are not errors.
    warnings.simplefilter("ignore")
    sys.exit(main(sys.argv[1:]))
