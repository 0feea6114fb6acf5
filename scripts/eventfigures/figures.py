"""Issue 9's corpus figures from an N-Quads export of kg (see ../event-figures).

figures.py DUMP.nq [SAMPLE [SEED]]

An event is a node of type kg:Event with a kg:modality; its article is the
graph it is stated in, named by the article's kg:sourcePath. Positions and
claims (the corpus layer) are not events and are left out.
"""
import collections
import json
import random
import re
import sys

KG = "https://kg.example.org/ns#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
TERM = re.compile(r'<([^>]*)>|"((?:[^"\\]|\\.)*)"(?:\^\^<[^>]*>|@([A-Za-z-]+))?|(_:\S+)')
# the label a reader of English takes first
PREFER = {"en": 0, "hi-Latn": 1}
ROLES = ["agent", "patient", "theme", "recipient", "participant", "target", "location",
         "origin", "destination", "addressee", "involves", "topic"]


def unescape(s):
    return json.loads('"' + s.replace('\t', '\\t') + '"')


def terms(line):
    out = []
    for m in TERM.finditer(line):
        if m.group(1) is not None:
            out.append(("iri", m.group(1)))
        elif m.group(2) is not None:
            out.append(("lit", unescape(m.group(2)), m.group(3) or ""))
        else:
            out.append(("bnode", m.group(4)))
    return out


def main():
    path = sys.argv[1]
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 9
    props = collections.defaultdict(lambda: collections.defaultdict(list))
    graph_of = {}
    labels = {}
    source = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            t = terms(line)
            if len(t) < 3:
                continue
            s, p, o = t[0][1], t[1][1], t[2]
            g = t[3][1] if len(t) > 3 else ""
            if p == KG + "sourcePath":
                source[s] = o[1]
            if p == LABEL and o[0] == "lit":
                rank = PREFER.get(o[2], 2)
                if s not in labels or rank < labels[s][0]:
                    labels[s] = (rank, o[1])
            if "/event/" in s:
                props[s][p].append(o[1])
                graph_of[s] = g
    events = {e: pr for e, pr in props.items()
              if KG + "Event" in pr.get(RDF_TYPE, []) and pr.get(KG + "modality")}
    by_article = collections.defaultdict(list)
    for e, pr in events.items():
        by_article[graph_of[e]].append(pr)
    articles = set(source)
    def cls(pr):
        cs = [c[len(KG):] for c in pr.get(RDF_TYPE, []) if c.startswith(KG) and c != KG + "Event"]
        return cs[0] if cs else "Event"
    statement_only = [a for a in articles if all(cls(pr) == "Statement" for pr in by_article.get(a, []))]
    generic = sum(1 for pr in events.values() if "true" in pr.get(KG + "generic", []))
    n, m = len(articles), len(events)
    print("articles %d; with no event other than a Statement %d (%.1f%%), of which with no event at all %d"
          % (n, len(statement_only), 100.0 * len(statement_only) / max(n, 1),
             sum(1 for a in statement_only if not by_article.get(a))))
    print("events %d; generic %d (%.1f%%)" % (m, generic, 100.0 * generic / max(m, 1)))
    counts = collections.Counter(cls(pr) for pr in events.values())
    print("by class: " + " ".join("%s=%d" % kv for kv in counts.most_common()))
    print()
    order = sorted(events, key=lambda e: (source.get(graph_of[e], ""), e))
    rnd = random.Random(seed)
    sample = rnd.sample(order, min(size, len(order)))
    for i, e in enumerate(sample, 1):
        pr = events[e]
        c = cls(pr)
        if c == "Event":
            c += "(%s)" % ",".join(pr.get(KG + "gloss", []))
        roles = []
        for r in ROLES:
            vals = sorted(labels.get(v, (0, v.rsplit("/", 1)[-1]))[1] for v in pr.get(KG + r, []))
            if vals:
                roles.append("%s=%s" % (r, "+".join(vals)))
        date = ",".join(pr.get(KG + "date", []))
        src = "+".join(sorted(labels.get(v, (0, v.rsplit("/", 1)[-1]))[1] for v in pr.get(KG + "reportedBy", [])))
        art = source.get(graph_of[e], graph_of[e]).rsplit("/", 1)[-1]
        print("%2d %s %s %s%s %s%s" % (i, art, c, " ".join(roles), " @" + date if date else "",
                                       ",".join(pr.get(KG + "modality", [])), " <" + src + ">" if src else ""))
        print("      " + " ".join(pr.get(KG + "evidence", [""])[0].split()))


if __name__ == "__main__":
    main()
