"""Checks nodes.csv and edges.csv against the header rules of neo4j-admin
import (the documented CSV header format), and prints their counts as JSON.

    neo4j_csv_check.py DIR
"""
import csv
import json
import os
import re
import sys

TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char",
         "string", "point", "date", "localtime", "time", "localdatetime",
         "datetime", "duration"}
PROP = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)(?::([a-z]+)(\[\])?)?$")
ID = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)?:ID(\([^)]+\))?$")
REL_TYPE = re.compile(r"^[A-Z_][A-Z0-9_]*$")

errors = []


def fail(msg):
    errors.append(msg)


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if not rows:
        fail(f"{path}: empty")
        return [], []
    return rows[0], rows[1:]


def properties(path, header, special):
    names = set()
    types = {}
    for i, col in enumerate(header):
        if col in special or ID.match(col):
            continue
        m = PROP.match(col)
        if not m:
            fail(f"{path}: column {i + 1} {col!r} is not name[:type]")
            continue
        name, typ = m.group(1), m.group(2) or "string"
        if typ not in TYPES:
            fail(f"{path}: column {col!r}: unknown type {typ}")
        if name in names:
            fail(f"{path}: property {name} twice")
        names.add(name)
        types[i] = (name, typ, bool(m.group(3)))
    return types


def check_values(path, row_no, row, types):
    for i, (name, typ, array) in types.items():
        v = row[i]
        if v == "":
            continue
        for item in (v.split(";") if array else [v]):
            if typ in ("int", "long") and not re.fullmatch(r"-?\d+", item):
                fail(f"{path}:{row_no}: {name}={item!r} is not a {typ}")


d = sys.argv[1]
npath, epath = os.path.join(d, "nodes.csv"), os.path.join(d, "edges.csv")
nh, nrows = read(npath)
eh, erows = read(epath)

ids = [i for i, c in enumerate(nh) if ID.match(c)]
if len(ids) != 1:
    fail(f"{npath}: {len(ids)} :ID columns, want 1")
labels = [i for i, c in enumerate(nh) if c == ":LABEL"]
ntypes = properties(npath, nh, {":LABEL"})
for need in (":START_ID", ":END_ID", ":TYPE"):
    if eh.count(need) != 1:
        fail(f"{epath}: {eh.count(need)} {need} columns, want 1")
etypes = properties(epath, eh, {":START_ID", ":END_ID", ":TYPE"})
label_col = next((i for i, (n, _, _) in ntypes.items() if n == "label"), None)
if label_col is None:
    fail(f"{npath}: no label column")

node_ids = set()
for r, row in enumerate(nrows, start=2):
    if len(row) != len(nh):
        fail(f"{npath}:{r}: {len(row)} fields, header has {len(nh)}")
        continue
    if ids:
        if row[ids[0]] in node_ids:
            fail(f"{npath}:{r}: id {row[ids[0]]} twice")
        node_ids.add(row[ids[0]])
    if labels and not all(row[labels[0]].split(";")):
        fail(f"{npath}:{r}: empty label in {row[labels[0]]!r}")
    if label_col is not None and not row[label_col].strip():
        fail(f"{npath}:{r}: node without a label")
    check_values(npath, r, row, ntypes)

if not errors:
    s, e, t = eh.index(":START_ID"), eh.index(":END_ID"), eh.index(":TYPE")
    for r, row in enumerate(erows, start=2):
        if len(row) != len(eh):
            fail(f"{epath}:{r}: {len(row)} fields, header has {len(eh)}")
            continue
        for end in (row[s], row[e]):
            if end not in node_ids:
                fail(f"{epath}:{r}: no node {end}")
        if not REL_TYPE.match(row[t]):
            fail(f"{epath}:{r}: relationship type {row[t]!r}")
        check_values(epath, r, row, etypes)

if errors:
    sys.exit("\n".join(errors))
print(json.dumps({"nodes": len(nrows), "edges": len(erows), "node_header": nh, "edge_header": eh}, ensure_ascii=False))
