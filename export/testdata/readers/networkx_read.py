"""Reads a GraphML or GEXF export with networkx and prints what it holds.

Run with Debian's /usr/bin/python3 (python3-networkx):
    networkx_read.py graphml|gexf FILE
"""
import json
import sys

import networkx as nx
from networkx.readwrite import gexf

kind, path = sys.argv[1], sys.argv[2]
if kind == "gexf":
    # Debian bookworm's networkx (2.8) knows the GEXF 1.1 and 1.2 namespaces;
    # 1.3 moved the namespace and kept the elements and attributes this
    # reader reads, so teach it the namespace and let its own code parse.
    gexf.GEXF.versions.setdefault("1.3", {
        "NS_GEXF": "http://gexf.net/1.3",
        "NS_VIZ": "http://gexf.net/1.3/viz",
        "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
        "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
        "VERSION": "1.3",
    })
    G = nx.read_gexf(path, version="1.3")
elif kind == "graphml":
    G = nx.read_graphml(path)
else:
    sys.exit("unknown format " + kind)

out = {
    "networkx": nx.__version__,
    "directed": G.is_directed(),
    "mode": G.graph.get("mode", ""),
    "nodes": G.number_of_nodes(),
    "edges": G.number_of_edges(),
    "node_data": {n: d for n, d in G.nodes(data=True)},
    "edge_data": [[u, v, d] for u, v, d in G.edges(data=True)],
}
print(json.dumps(out, ensure_ascii=False, default=str))
