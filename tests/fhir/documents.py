"""What the FHIR validators' scripts read: files or standard input, each one
JSON document or NDJSON (one document a line)."""
import json
import sys


def documents(name, text):
    try:
        return [(name, json.loads(text))]
    except json.JSONDecodeError:
        found = []
        for number, line in enumerate(text.split("\n"), start=1):
            if line.strip():
                try:
                    found.append((f"{name}:{number}", json.loads(line)))
                except json.JSONDecodeError as error:
                    print(f"{name}:{number}: not JSON: {error}", file=sys.stderr)
                    found.append((f"{name}:{number}", None))
        return found


def labelled(names):
    """Every document of the named files (standard input without names), each
    with a label saying where it is and what it is; None in place of both for
    a file or line that is not JSON."""
    inputs = [(name, open(name, encoding="utf-8").read()) for name in names] or [("<stdin>", sys.stdin.read())]
    for name, text in inputs:
        for where, document in documents(name, text):
            if document is None:
                yield None, None
            else:
                yield f"{where} {document.get('resourceType')}/{document.get('id', '-')}", document
