"""Load this data package into pandas, with the types its datapackage.json declares.

Needs Python 3.9+ and pandas (nothing else). Keep this file next to datapackage.json.

As a module:

    import load
    tables = load.load("path/to/package")        # {table name: DataFrame}
    meetings = load.load_table("meetings", "path/to/package")
    tables = load.load("https://example.org/data/latest/")   # a release folder's URL, or
    tables = load.load("https://example.org/data/2.0.0/datapackage.json")  # its descriptor's

As a script:

    python3 load.py [PACKAGE_DIR_OR_URL]          # prints each table's rows and dtypes

Every CSV file is checked against the sha256 hash and byte count the descriptor gives before it is
read, so an altered or truncated download fails loudly instead of loading wrong data. Paths in the
descriptor must stay inside the package (Data Package: relative, no "..", no URL) and name regular
files; anything else is refused.

From a URL (http or https), the descriptor is downloaded, then each table's file, which is checked
against its size and sha256 before it is kept in a cache folder under its sha256 (the user's cache
folder, e.g. ~/.cache/parlex, or the `cache_dir` given), so a file is downloaded once. Only the
standard library's urllib is used.

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
import io
import json
import os
import re
import stat
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request

import pandas as pd

__all__ = ["load", "load_table", "read_descriptor", "verify_resource", "PackageError"]

DESCRIPTOR = "datapackage.json"
# A descriptor larger than this is not one of ours (the 100,000-meeting package's is a few kB).
DESCRIPTOR_LIMIT = 64 << 20
TIMEOUT_SECONDS = 60


class PackageError(Exception):
    """The package is not as its descriptor says (altered file, unsafe path, unknown table, bad value)."""


def _is_url(path: object) -> bool:
    return isinstance(path, str) and re.match(r"(?i)https?://", path) is not None


def _urls(url: str) -> tuple[str, str]:
    """(the descriptor's URL, the package folder's URL ending in "/") for a folder or descriptor URL."""
    parts = urllib.parse.urlsplit(url)
    folder = parts.path
    if folder.endswith("/" + DESCRIPTOR) or folder == DESCRIPTOR:
        folder = folder[: -len(DESCRIPTOR)]
    elif not folder.endswith("/"):
        folder += "/"
    base = urllib.parse.urlunsplit((parts.scheme, parts.netloc, folder, "", ""))
    return base + DESCRIPTOR, base


def _download(url: str, limit: int, what: str) -> bytes:
    """The body at an http(s) URL, refused when it is longer than `limit` bytes."""
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS) as response:
            if not _is_url(response.geturl()):
                raise PackageError(f"{url}: redirected to {response.geturl()!r}, which is not http or https")
            body = response.read(limit + 1)
    except urllib.error.HTTPError as e:
        raise PackageError(f"{what}: {url} answered HTTP {e.code} {e.reason}") from None
    except (urllib.error.URLError, OSError) as e:
        raise PackageError(f"{what}: cannot download {url} ({getattr(e, 'reason', e)})") from None
    if len(body) > limit:
        raise PackageError(f"{what}: {url} is larger than the {limit} bytes expected: refused")
    return body


def read_descriptor(path: str = ".") -> dict:
    """The package's datapackage.json as a dict (`path`: the package folder, or its URL or its descriptor's)."""
    if _is_url(path):
        url, _ = _urls(path)
        try:
            return json.loads(_download(url, DESCRIPTOR_LIMIT, DESCRIPTOR))
        except ValueError as e:
            raise PackageError(f"{url} is not a JSON data package descriptor ({e})") from None
    file = os.path.join(path, DESCRIPTOR)
    if not os.path.isfile(file):
        raise PackageError(f"no {DESCRIPTOR} in {os.path.abspath(path)!r}: pass the package folder or its URL")
    with open(file, encoding="utf-8") as f:
        return json.load(f)


def _table_resources(descriptor: dict) -> list[dict]:
    """The CSV table resources, in descriptor order (their names are the table names)."""
    return [r for r in descriptor.get("resources", []) if r.get("type") == "table" and r.get("format") == "csv"]


def _relative_path(resource: dict) -> str:
    """The resource's path, refused unless it is a relative POSIX path inside the package."""
    name, value = resource.get("name"), resource.get("path")
    if not isinstance(value, str) or value == "":
        raise PackageError(f"{name}: the resource has no path (a single relative path is expected)")
    if value.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", value):
        raise PackageError(f"{name}: unsafe path {value!r} in {DESCRIPTOR}: an absolute path, where a path inside the package is expected")
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", value):
        raise PackageError(f"{name}: unsafe path {value!r} in {DESCRIPTOR}: a URL, where a path inside the package is expected")
    if "\0" in value:
        raise PackageError(f"{name}: unsafe path {value!r} in {DESCRIPTOR}: it holds a NUL character")
    if "\\" in value or ".." in value.split("/"):
        raise PackageError(f"{name}: unsafe path {value!r} in {DESCRIPTOR}: it leaves the package (\"..\" or a backslash), where a path inside the package is expected")
    return value


def _expected_digest(resource: dict) -> tuple[str, str | None]:
    """(hash algorithm, expected hex digest or None) from the resource's `hash` (no prefix: MD5)."""
    expected = resource.get("hash")
    if expected is None:
        return "sha256", None
    algorithm, value = expected.split(":", 1) if ":" in expected else ("md5", expected)
    if algorithm not in hashlib.algorithms_available:
        raise PackageError(f"{resource['name']}: cannot verify a {algorithm} hash")
    return algorithm, value.lower()


def _check_bytes(resource: dict, data: bytes, shown: str) -> bytes:
    """The file's bytes, refused unless they have the byte count and hash the descriptor gives."""
    algorithm, value = _expected_digest(resource)
    found = hashlib.new(algorithm, data).hexdigest()
    if value is not None and found != value:
        raise PackageError(
            f"{resource['name']}: {shown} does not match its {algorithm} hash in {DESCRIPTOR} "
            f"(expected {value}, found {found}): the file was altered or damaged; "
            "download the package again"
        )
    if "bytes" in resource and resource["bytes"] != len(data):
        raise PackageError(f"{resource['name']}: {shown} has {len(data)} bytes, {DESCRIPTOR} says {resource['bytes']}")
    return data


def _read_regular(file: str, limit: int | None, name: str, shown: str) -> bytes:
    """A regular file's bytes (a FIFO, device or folder is refused without blocking), up to `limit` + 1."""
    try:
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise PackageError(f"{name}: file {shown!r} is missing") from None
    except OSError as e:
        raise PackageError(f"{name}: cannot open {shown!r} ({e.strerror})") from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise PackageError(f"{name}: {shown!r} is not a regular file (a folder, FIFO or device): refused")
    with os.fdopen(fd, "rb") as f:
        return f.read() if limit is None else f.read(limit + 1)


def _local_bytes(resource: dict, path: str) -> tuple[str, bytes]:
    """(file path, verified bytes) of a resource in the package folder at `path`."""
    relative = _relative_path(resource)
    file = os.path.join(path, relative)
    root, real = os.path.realpath(path), os.path.realpath(file)
    if os.path.commonpath([root, real]) != root:
        raise PackageError(f"{resource['name']}: {relative} leads outside the package (to {real!r}) through a link: refused")
    data = _read_regular(real, resource.get("bytes") if isinstance(resource.get("bytes"), int) else None, resource["name"], relative)
    return file, _check_bytes(resource, data, relative)


def default_cache_dir() -> str:
    """The user's cache folder for parlex downloads (XDG on Linux, Library/Caches on macOS, LOCALAPPDATA on Windows)."""
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return os.path.join(os.environ["LOCALAPPDATA"], "parlex", "Cache")
    if sys.platform == "darwin":
        return os.path.join(os.path.expanduser("~"), "Library", "Caches", "parlex")
    return os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "parlex")


def _remote_bytes(resource: dict, url: str, cache_dir: str | None) -> tuple[str, bytes]:
    """(cached file path, verified bytes) of a resource of the package at `url`, downloaded once."""
    relative = _relative_path(resource)
    algorithm, value = _expected_digest(resource)
    size = resource.get("bytes")
    if algorithm != "sha256" or value is None or not re.fullmatch(r"[0-9a-f]{64}", value) or not isinstance(size, int):
        raise PackageError(f"{resource['name']}: {DESCRIPTOR} gives no sha256 hash and byte count for {relative}, so a download of it cannot be checked: refused")
    folder = cache_dir if cache_dir is not None else default_cache_dir()
    cached = os.path.join(folder, value)
    if os.path.lexists(cached):
        try:
            return cached, _check_bytes(resource, _read_regular(cached, size, resource["name"], cached), cached)
        except PackageError:
            pass  # a damaged cache entry is downloaded again and replaced
    _, base = _urls(url)
    source = urllib.parse.urljoin(base, urllib.parse.quote(relative))
    data = _check_bytes(resource, _download(source, size, resource["name"]), source)
    os.makedirs(folder, exist_ok=True)
    fd, partial = tempfile.mkstemp(prefix=f".{value}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(partial, cached)
    except BaseException:
        if os.path.exists(partial):
            os.remove(partial)
        raise
    return cached, data


def _resource_bytes(resource: dict, path: str, cache_dir: str | None) -> tuple[str, bytes]:
    return _remote_bytes(resource, path, cache_dir) if _is_url(path) else _local_bytes(resource, path)


def verify_resource(resource: dict, path: str = ".", cache_dir: str | None = None) -> str:
    """Check a resource's file against the byte count and hash (sha256) the descriptor gives; return its (local) path."""
    return _resource_bytes(resource, path, cache_dir)[0]


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


def _read_resource(resource: dict, path: str, cache_dir: str | None = None) -> pd.DataFrame:
    _, data = _resource_bytes(resource, path, cache_dir)
    fields = resource["schema"]["fields"]
    names = [f["name"] for f in fields]
    missing = resource["schema"].get("missingValues", [""])
    if missing != [""]:
        raise PackageError(f"{resource['name']}: only the empty string may mark a missing value, found {missing!r}")
    dialect = resource.get("dialect", {})
    frame = pd.read_csv(
        io.BytesIO(data),  # the very bytes whose hash was checked
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


def load_table(name: str, path: str = ".", cache_dir: str | None = None) -> pd.DataFrame:
    """One table of the package at `path` (a folder or a URL), as a DataFrame with its declared types."""
    resources = {r["name"]: r for r in _table_resources(read_descriptor(path))}
    if name not in resources:
        raise PackageError(f"no table named {name!r}; the tables are {', '.join(resources)}")
    return _read_resource(resources[name], path, cache_dir)


def load(path: str = ".", cache_dir: str | None = None) -> dict[str, pd.DataFrame]:
    """Every table of the package at `path` (a folder or a URL): {table name: DataFrame}, in descriptor order."""
    descriptor = read_descriptor(path)
    return {r["name"]: _read_resource(r, path, cache_dir) for r in _table_resources(descriptor)}


def _main(argv: list[str]) -> int:
    path = argv[1] if len(argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    try:
        descriptor = read_descriptor(path)
        tables = {r["name"]: _read_resource(r, path) for r in _table_resources(descriptor)}
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
