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
