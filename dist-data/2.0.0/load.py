"""Load this data package into pandas, with the types its datapackage.json declares.

Needs Python 3.9+ and pandas (nothing else). Keep this file next to datapackage.json.

As a module:

    import load
    tables = load.load("path/to/package")        # {table name: DataFrame}
    meetings = load.load_table("meetings", "path/to/package")

As a script:

    python3 load.py [PACKAGE_DIR]                 # prints each table's rows and dtypes

Every CSV file is checked against the sha256 hash (and byte count) the descriptor gives before it
is read, so an altered or truncated download fails loudly instead of loading wrong data.

Types, from each field's declaration in the Table Schema:

    string                    -> pandas "string" (missing values are pd.NA)
    integer                   -> nullable "Int64"
    boolean                   -> nullable "boolean"
    date                      -> datetime64 (YYYY-MM-DD; missing values are NaT)
    string with categories    -> pd.CategoricalDtype(categories, ordered=categoriesOrdered)

Only an empty cell is a missing value: text such as "NA", "null" or "NaN" stays text. Values are
read as text first and converted field by field, so a value that does not fit its declared type
(or is not one of its declared categories) is an error rather than a silent NaN.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys

import pandas as pd

__all__ = ["load", "load_table", "read_descriptor", "verify_resource", "PackageError"]

DESCRIPTOR = "datapackage.json"


class PackageError(Exception):
    """The package is not as its descriptor says (altered file, unknown table, bad value)."""


def read_descriptor(path: str = ".") -> dict:
    """The package's datapackage.json as a dict."""
    file = os.path.join(path, DESCRIPTOR)
    if not os.path.isfile(file):
        raise PackageError(f"no {DESCRIPTOR} in {os.path.abspath(path)!r}: pass the package folder")
    with open(file, encoding="utf-8") as f:
        return json.load(f)


def _table_resources(descriptor: dict) -> list[dict]:
    """The CSV table resources, in descriptor order (their names are the table names)."""
    return [r for r in descriptor.get("resources", []) if r.get("type") == "table" and r.get("format") == "csv"]


def verify_resource(resource: dict, path: str = ".") -> str:
    """Check a resource's file against the byte count and hash (sha256) the descriptor gives; return its path."""
    file = os.path.join(path, resource["path"])
    if not os.path.isfile(file):
        raise PackageError(f"{resource['name']}: file {resource['path']!r} is missing")
    expected = resource.get("hash")
    algorithm, value = expected.split(":", 1) if expected and ":" in expected else ("md5", expected)
    if expected is not None and algorithm not in hashlib.algorithms_available:
        raise PackageError(f"{resource['name']}: cannot verify a {algorithm} hash")
    digest = hashlib.new(algorithm if expected is not None else "sha256")
    size = 0
    with open(file, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
            size += len(chunk)
    if expected is not None and digest.hexdigest() != value.lower():
        raise PackageError(
            f"{resource['name']}: {resource['path']} does not match its {algorithm} hash in {DESCRIPTOR} "
            f"(expected {value}, found {digest.hexdigest()}): the file was altered or damaged; "
            "download the package again"
        )
    if "bytes" in resource and resource["bytes"] != size:
        raise PackageError(f"{resource['name']}: {resource['path']} has {size} bytes, {DESCRIPTOR} says {resource['bytes']}")
    return file


def _convert(column: pd.Series, field: dict, table: str) -> pd.Series:
    """A column read as text, converted to the field's declared type (strictly)."""
    name, kind = field["name"], field.get("type", "string")
    present = column.dropna()

    def check(ok: pd.Series, what: str) -> None:
        if not ok.all():
            bad = sorted(set(present[~ok]))[:3]
            raise PackageError(f"{table}.{name}: {what}, e.g. {bad!r}")

    def values(convert) -> list:
        return [pd.NA if v is pd.NA else convert(v) for v in column]

    if "categories" in field:
        categories = [str(c["value"] if isinstance(c, dict) else c) for c in field["categories"]]
        check(present.isin(categories), f"values outside the declared categories {categories}")
        dtype = pd.CategoricalDtype(categories=categories, ordered=bool(field.get("categoriesOrdered", False)))
        return column.astype(object).astype(dtype)
    if kind == "string":
        return column
    if kind == "integer":
        check(present.str.fullmatch(r"[+-]?[0-9]+"), "values that are not integers")
        return pd.Series(pd.array(values(int), dtype="Int64"), index=column.index, name=name)
    if kind == "boolean":
        true_values = [str(v) for v in field.get("trueValues", ["true", "True", "TRUE", "1"])]
        false_values = [str(v) for v in field.get("falseValues", ["false", "False", "FALSE", "0"])]
        check(present.isin(true_values + false_values), "values that are not booleans")
        return pd.Series(pd.array(values(lambda v: v in true_values), dtype="boolean"), index=column.index, name=name)
    if kind == "date":
        if field.get("format", "default") not in ("default", "%Y-%m-%d"):
            raise PackageError(f"{table}.{name}: date format {field['format']!r} is not supported")
        check(present.str.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}"), "values that are not YYYY-MM-DD dates")
        try:
            return pd.to_datetime(column.astype(object).where(column.notna(), None), format="%Y-%m-%d", errors="raise")
        except (ValueError, TypeError) as e:
            raise PackageError(f"{table}.{name}: values that are not real dates ({e})") from None
    raise PackageError(f"{table}.{name}: field type {kind!r} is not supported by load.py")


def _read_resource(resource: dict, path: str) -> pd.DataFrame:
    file = verify_resource(resource, path)
    fields = resource["schema"]["fields"]
    names = [f["name"] for f in fields]
    missing = resource["schema"].get("missingValues", [""])
    if missing != [""]:
        raise PackageError(f"{resource['name']}: only the empty string may mark a missing value, found {missing!r}")
    dialect = resource.get("dialect", {})
    frame = pd.read_csv(
        file,
        dtype="string",  # everything as text first; converted per field below
        keep_default_na=False,  # "NA", "null", "NaN", "None"... are text, not missing
        na_values=[""],
        encoding=resource.get("encoding", "utf-8"),
        sep=dialect.get("delimiter", ","),
        quotechar=dialect.get("quoteChar", '"'),
        doublequote=dialect.get("doubleQuote", True),
        skipinitialspace=False,
        skip_blank_lines=False,  # a blank line would be a row of missing values, never silently dropped
        engine="c",
    )
    if list(frame.columns) != names:
        raise PackageError(f"{resource['name']}: the CSV header {list(frame.columns)} is not the schema's fields {names}")
    for field in fields:
        frame[field["name"]] = _convert(frame[field["name"]], field, resource["name"])
    return frame


def load_table(name: str, path: str = ".") -> pd.DataFrame:
    """One table of the package at `path`, as a DataFrame with its declared types."""
    resources = {r["name"]: r for r in _table_resources(read_descriptor(path))}
    if name not in resources:
        raise PackageError(f"no table named {name!r}; the tables are {', '.join(resources)}")
    return _read_resource(resources[name], path)


def load(path: str = ".") -> dict[str, pd.DataFrame]:
    """Every table of the package at `path`: {table name: DataFrame}, in descriptor order."""
    return {r["name"]: _read_resource(r, path) for r in _table_resources(read_descriptor(path))}


def _main(argv: list[str]) -> int:
    path = argv[1] if len(argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    try:
        descriptor = read_descriptor(path)
        tables = load(path)
    except PackageError as e:
        print(f"load.py: {e}", file=sys.stderr)
        return 1
    print(f"{descriptor.get('title', descriptor.get('name'))} {descriptor.get('version', '')} - {len(tables)} tables, hashes verified")
    for name, frame in tables.items():
        print(f"\n{name}: {len(frame)} rows")
        for column, dtype in frame.dtypes.items():
            print(f"  {column:<24} {dtype}")
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv))
