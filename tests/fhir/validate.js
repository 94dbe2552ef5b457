#!/usr/bin/env node
// Validates FHIR R4 JSON with the npm package `fhir` (FHIR.js): the R4
// structure definitions and value sets it ships, unknown elements counted as
// errors.
//
//   node tests/fhir/validate.js [FILE...]     (standard input without FILE)
//
// Each input is one JSON document, or NDJSON: one resource a line. Prints
// every error and warning with where it is, then a summary; exits 1 when
// any resource has an error, 2 when an input is not JSON.
'use strict';

const fs = require('fs');
const { Fhir } = require('fhir');

const fhir = new Fhir();

function documents(name, text) {
  try {
    return [{ where: name, document: JSON.parse(text) }];
  } catch (_) {
    return text.split('\n').flatMap((line, index) => {
      if (line.trim() === '') return [];
      const where = `${name}:${index + 1}`;
      try {
        return [{ where, document: JSON.parse(line) }];
      } catch (error) {
        console.error(`${where}: not JSON: ${error.message}`);
        process.exitCode = 2;
        return [];
      }
    });
  }
}

const inputs = process.argv.length > 2
  ? process.argv.slice(2).map((name) => [name, fs.readFileSync(name, 'utf8')])
  : [['<stdin>', fs.readFileSync(0, 'utf8')]];

let [resources, errors, warnings] = [0, 0, 0];
for (const [name, text] of inputs) {
  for (const { where, document } of documents(name, text)) {
    resources += 1;
    const label = `${where} ${document.resourceType}/${document.id ?? '-'}`;
    for (const message of fhir.validate(document, { errorOnUnexpected: true }).messages) {
      if (message.severity === 'error') errors += 1;
      if (message.severity === 'warning') warnings += 1;
      console.log(`${label}: ${message.severity} at ${message.location}: ${message.message}`);
    }
  }
}
console.log(`fhir (npm) validated ${resources} resource(s): ${errors} error(s), ${warnings} warning(s)`);
if (errors > 0 && !process.exitCode) process.exitCode = 1;
