"""Load a package with its load.py (imported as a module, as a user would) and dump what pandas
read as JSON: per table, row count, dtypes, categories and every value (dates as YYYY-MM-DD,
missing values as null). Usage: python3 dump_pandas.py PACKAGE_DIR OUT.json [SOURCE [CACHE_DIR]]
(SOURCE: what to load, e.g. the package's URL; by default PACKAGE_DIR itself)"""

import json
import math
import sys

package, out = sys.argv[1], sys.argv[2]
source = sys.argv[3] if len(sys.argv) > 3 else package
cache_dir = sys.argv[4] if len(sys.argv) > 4 else None
sys.path.insert(0, package)
import load  # noqa: E402  (the package's own load.py)

import pandas as pd  # noqa: E402


def cell(value):
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if hasattr(value, "item"):  # numpy scalars (int64, bool_) -> Python
        return value.item()
    return value


dump = {}
for name, frame in load.load(source, cache_dir=cache_dir).items():
    dtypes = {column: str(dtype) for column, dtype in frame.dtypes.items()}
    levels = {c: (list(map(str, d.categories)) if isinstance(d, pd.CategoricalDtype) else None) for c, d in frame.dtypes.items()}
    ordered = {c: (bool(d.ordered) if isinstance(d, pd.CategoricalDtype) else None) for c, d in frame.dtypes.items()}
    columns = [[cell(v) for v in frame[c].astype(object)] for c in frame.columns]
    dump[name] = {
        "rows": len(frame),
        "columns": [str(c) for c in frame.columns],
        "types": dtypes,
        "levels": levels,
        "ordered": ordered,
        "data": [list(row) for row in zip(*columns)] if columns else [],
    }

with open(out, "w", encoding="utf-8") as f:
    json.dump(dump, f, ensure_ascii=False)
