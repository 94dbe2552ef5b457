#!/usr/bin/env python3
"""Validates FHIR R4 JSON with fhirkit-rs (`import fhirkit`): every resource
and datatype of R4 4.0.1, every problem reported with its path.

    .ci-cache/fhir-venv/bin/python tests/fhir/validate.py [FILE...]   (standard input without FILE)

Each input is one JSON document, or NDJSON: one resource a line. Prints every
error and warning with where it is, then a summary; exits 1 when any resource
has an error, 2 when an input is not JSON.
"""
import sys

import fhirkit
from documents import labelled


def main(names):
    resources = errors = warnings = 0
    unreadable = False
    for label, document in labelled(names):
        if document is None:
            unreadable = True
            continue
        resources += 1
        for issue in fhirkit.validate(document):
            errors += issue.severity == "error"
            warnings += issue.severity == "warning"
            print(f"{label}: {issue.severity} at {issue.path}: {issue.message}")
    print(f"fhirkit-rs {fhirkit.__version__} (FHIR {fhirkit.FHIR_VERSION}) validated {resources} resource(s): "
          f"{errors} error(s), {warnings} warning(s)")
    return 2 if unreadable else 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
