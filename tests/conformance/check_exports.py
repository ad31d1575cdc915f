#!/usr/bin/env python3
"""Check argnet's exports by opening them with the libraries users use.

Usage: check_exports.py DIR [DIR ...]

Each DIR holds one graph exported by argnet (the integration test
`conformance` writes them):

    graph.json            argnet-graph/1, the expectation
    graph.graphml         read by NetworkX and igraph; validated against the
                          GraphML 1.0 schema (schemas/graphml-1.0) with xmllint
    graph.gexf            read by NetworkX; validated against the GEXF 1.3
                          grammar (schemas/gexf-1.3) with xmllint
    graph.node-link.json  read by NetworkX (node_link_graph), and compared
                          with what node_link_data writes for that graph
    graph.cyjs            read by NetworkX (cytoscape_graph)
    graph.gml             read by NetworkX (read_gml) and igraph (Read_GML)
    graph.dynamic.gexf    GEXF for Gephi's timeline, read by NetworkX
    graph.xlsx            read by openpyxl: every sheet, text cells are text
    graph.vos.json        VOSviewer JSON, checked against its documented shape
    nodes.csv, edges.csv, evidence.csv, statements.csv, actor_concept.csv
                          read by Python's csv module; nodes and edges loaded
                          into Kùzu, the four long tables read by DuckDB
    graph.aif.json        read by arguebuf (an AIF library) and by ARG-tech's
                          xaif reader (wrapped as {"AIF": ...}, as xAIF
                          carries it), and checked against the AIF rules
                          (RA/CA: premises in, one conclusion out; locutions
                          name L-nodes)
    *.dot                 rendered by Graphviz `dot` to SVG, parsed as XML

For every client it checks node and edge counts, ids, labels (exact, so
quotes, ampersands, angle brackets, line breaks and non-ASCII text must
survive), kinds, and the types and values of counts and measures.

Exit codes: 0 all good; 1 a check failed; 3 a client library is missing
(install tests/conformance/requirements.txt).
"""

import csv
import html
import json
import math
import shutil
import subprocess
import sys
import warnings
import xml.etree.ElementTree as ElementTree
from collections import Counter
from pathlib import Path

try:
    import arguebuf
    import igraph
    import networkx as nx
    import openpyxl
    import kuzu
    import duckdb
    from xaif import AIF as XAIF
except ImportError as error:
    print(f"missing client library: {error.name}; pip install -r tests/conformance/requirements.txt")
    sys.exit(3)

FAILURES = []


def check(condition, message):
    if not condition:
        FAILURES.append(message)
    return condition


def expected(folder):
    data = json.loads((folder / "graph.json").read_text(encoding="utf-8"))
    assert data["format"] == "argnet-graph/1", data["format"]
    return data


def edge_multiset(edges):
    return Counter((e["source"], e["target"], e["relation"]) for e in edges)


def check_nodes(client, graph_nodes, data, label_key="label"):
    """graph_nodes: dict id -> attribute dict, as the client read it."""
    name = f"{data['name']}: {client}"
    check(len(graph_nodes) == len(data["nodes"]), f"{name}: {len(graph_nodes)} nodes, want {len(data['nodes'])}")
    for node in data["nodes"]:
        got = graph_nodes.get(node["id"])
        if not check(got is not None, f"{name}: node {node['id']!r} missing"):
            continue
        check(got.get(label_key) == node["label"], f"{name}: label {got.get(label_key)!r} != {node['label']!r}")
        check(got.get("kind") == node["kind"], f"{name}: kind of {node['id']}: {got.get('kind')!r}")
        mentions = got.get("mentions")
        check(type(mentions) is int and mentions == node["mentions"],
              f"{name}: mentions of {node['id']}: {mentions!r} ({type(mentions).__name__})")
        for key, value in node["attributes"].items():
            value_got = got.get(key)
            if isinstance(value, bool):
                ok = value_got is value
            elif isinstance(value, int):
                ok = type(value_got) is int and value_got == value
            elif isinstance(value, float):
                ok = isinstance(value_got, float) and math.isclose(value_got, value)
            elif isinstance(value, list) and all(isinstance(item, str) for item in value):
                # JSON formats keep the list; GraphML and GEXF carry it as
                # text joined with "; " (as the README says).
                ok = value_got == value or value_got == "; ".join(value)
            else:
                ok = value_got == value
            check(ok, f"{name}: attribute {key} of {node['id']}: {value_got!r} != {value!r}")


def check_edges(client, triples, weights, data):
    """triples: list of (source, target, relation); weights: matching list."""
    name = f"{data['name']}: {client}"
    check(len(triples) == len(data["edges"]), f"{name}: {len(triples)} edges, want {len(data['edges'])}")
    check(Counter(triples) == edge_multiset(data["edges"]), f"{name}: edges differ")
    want = {(e["source"], e["target"], e["relation"]): e["weight"] for e in data["edges"]}
    for triple, weight in zip(triples, weights):
        check(isinstance(weight, float) and math.isclose(weight, want.get(triple, math.nan)),
              f"{name}: weight of {triple}: {weight!r}")


def networkx_edges(graph, relation_key="relation"):
    triples, weights = [], []
    for source, target, attributes in graph.edges(data=True):
        triples.append((source, target, attributes.get(relation_key)))
        weights.append(attributes.get("weight"))
    return triples, weights


def check_graphml(folder, data):
    path = folder / "graph.graphml"
    ElementTree.parse(path)
    read_ids = nx.read_graphml(path)
    # GraphML ids are XML name tokens (a space or "/" is escaped as
    # _xHHHH_); every node's exact argnet id is its "key" attribute.
    graph = nx.relabel_nodes(read_ids, {n: a["key"] for n, a in read_ids.nodes(data=True)})
    check_nodes("networkx.read_graphml", dict(graph.nodes(data=True)), data)
    check_edges("networkx.read_graphml", *networkx_edges(graph), data)
    read = igraph.Graph.Read_GraphML(str(path))
    read.vs["id"] = read.vs["key"]
    name = f"{data['name']}: igraph.Read_GraphML"
    check(read.vcount() == len(data["nodes"]), f"{name}: {read.vcount()} vertices")
    check(read.ecount() == len(data["edges"]), f"{name}: {read.ecount()} edges")
    check(read.vs["id"] == [n["id"] for n in data["nodes"]] if data["nodes"] else True, f"{name}: ids differ")
    if data["nodes"]:
        check(read.vs["label"] == [n["label"] for n in data["nodes"]], f"{name}: labels differ")
        check([int(m) for m in read.vs["mentions"]] == [n["mentions"] for n in data["nodes"]], f"{name}: mentions differ")
    if data["edges"]:
        ids = read.vs["id"]
        triples = [(ids[e.source], ids[e.target], e["relation"]) for e in read.es]
        check(Counter(triples) == edge_multiset(data["edges"]), f"{name}: edges differ")
        # evidence_all: every sentence, "document: sentence", blank-line separated.
        got = Counter((ids[e.source], ids[e.target], e["relation"], e["evidence_all"] or "") for e in read.es)
        want = Counter((e["source"], e["target"], e["relation"],
                        "\n\n".join(f"{x['document']}: {x['text']}" for x in e["evidence"]))
                       for e in data["edges"])
        check(got == want, f"{name}: evidence_all does not hold every sentence")
    schema = xsd_valid(path, SCHEMAS / "graphml-1.0" / "graphml.xsd", f"{data['name']}: graphml")
    return f"NetworkX {len(graph)} nodes/{graph.number_of_edges()} edges; igraph {read.vcount()}/{read.ecount()}; {schema}"


def check_gexf(folder, data):
    path = folder / "graph.gexf"
    root = ElementTree.parse(path).getroot()
    check(root.get("version") == "1.3", f"{data['name']}: GEXF version {root.get('version')}")
    graph = nx.read_gexf(path)
    check_nodes("networkx.read_gexf", dict(graph.nodes(data=True)), data)
    check_edges("networkx.read_gexf", *networkx_edges(graph), data)
    schema = relaxng_valid(path, SCHEMAS / "gexf-1.3" / "gexf.rng", f"{data['name']}: gexf")
    return f"NetworkX {len(graph)} nodes/{graph.number_of_edges()} edges; {schema}"


def check_node_link(folder, data):
    text = (folder / "graph.node-link.json").read_text(encoding="utf-8")
    ours = json.loads(text)
    graph = nx.node_link_graph(ours, edges="edges")
    check(graph.is_multigraph() and graph.is_directed(), f"{data['name']}: node-link is not a MultiDiGraph")
    check_nodes("networkx.node_link_graph", dict(graph.nodes(data=True)), data)
    check_edges("networkx.node_link_graph", *networkx_edges(graph), data)
    # What NetworkX itself writes for the graph it read must be our file.
    again = nx.node_link_data(graph, edges="edges")
    check(again == ours, f"{data['name']}: node_link_data(node_link_graph(ours)) != ours")
    for edge in data["edges"]:
        got = graph.edges[edge["source"], edge["target"], edge["relation"]]
        check(got["evidence"] == edge["evidence"], f"{data['name']}: node-link evidence of {edge['source']}->{edge['target']}")
    return f"NetworkX {len(graph)} nodes/{graph.number_of_edges()} edges; node_link_data round trip equal"


def check_cytoscape(folder, data):
    ours = json.loads((folder / "graph.cyjs").read_text(encoding="utf-8"))
    graph = nx.cytoscape_graph(ours)
    check_nodes("networkx.cytoscape_graph", dict(graph.nodes(data=True)), data)
    check_nodes("networkx.cytoscape_graph (name)", dict(graph.nodes(data=True)), data, label_key="name")
    check_edges("networkx.cytoscape_graph", *networkx_edges(graph, "interaction"), data)
    return f"NetworkX {len(graph)} nodes/{graph.number_of_edges()} edges"


def one_line(text):
    """A CSV cell: a line break and the white space around it are one space."""
    if "\n" not in text and "\r" not in text:
        return text
    return " ".join(part.strip() for part in text.replace("\r", "\n").split("\n") if part.strip())


def statements(data):
    """(actor label, concept label, stance, sentence) of every statement."""
    label = {n["id"]: n["label"] for n in data["nodes"]}
    kind = {n["id"]: n["kind"] for n in data["nodes"]}
    rows = []
    for edge in data["edges"]:
        if edge["relation"] in ("supports", "critiques") and kind[edge["source"]] == "actor" \
                and kind[edge["target"]] == "concept":
            stance = "support" if edge["relation"] == "supports" else "critique"
            for evidence in edge["evidence"]:
                rows.append((label[edge["source"]], label[edge["target"]], stance, evidence["text"]))
    return rows


def check_csv(folder, data):
    with open(folder / "nodes.csv", newline="", encoding="utf-8") as file:
        nodes = list(csv.DictReader(file))
    with open(folder / "edges.csv", newline="", encoding="utf-8") as file:
        edges = list(csv.DictReader(file))
    name = f"{data['name']}: csv"
    check([n["id"] for n in nodes] == [n["id"] for n in data["nodes"]], f"{name}: node ids differ")
    check([n["label"] for n in nodes] == [one_line(n["label"]) for n in data["nodes"]], f"{name}: labels differ")
    check([int(n["mentions"]) for n in nodes] == [n["mentions"] for n in data["nodes"]], f"{name}: mentions differ")
    triples = [(e["source"], e["target"], e["relation"]) for e in edges]
    check_edges("csv", triples, [float(e["weight"]) for e in edges], data)
    unformula = lambda text: text[1:] if text[:2] in ("'=", "'+", "'-", "'@") else text
    for row, edge in zip(edges, data["edges"]):
        first = edge["evidence"][0]["text"] if edge["evidence"] else ""
        check(unformula(row["evidence"]) == one_line(first), f"{name}: evidence {row['evidence']!r} != {first!r}")
    # evidence.csv: every sentence of every edge, in edge order.
    with open(folder / "evidence.csv", newline="", encoding="utf-8") as file:
        evidence = list(csv.DictReader(file))
    want = [(e["source"], e["target"], e["relation"], one_line(x["text"])) for e in data["edges"] for x in e["evidence"]]
    got = [(r["source"], r["target"], r["relation"], unformula(r["sentence"])) for r in evidence]
    check(got == want, f"{name}: evidence.csv holds {len(got)} sentences, the graph {len(want)}")
    # statements.csv: one row per statement, as DNA exports them.
    with open(folder / "statements.csv", newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    want = [(a, c, s, one_line(t)) for a, c, s, t in statements(data)]
    got = [(unformula(r["actor"]), unformula(r["concept"]), r["stance"], unformula(r["text"])) for r in rows]
    check(got == [(one_line(a), one_line(c), s, t) for a, c, s, t in want], f"{name}: statements.csv differs")
    check(all(r["agreement"] == ("1" if r["stance"] == "support" else "0") for r in rows), f"{name}: agreement")
    with open(folder / "actor_concept.csv", newline="", encoding="utf-8") as file:
        matrix = list(csv.reader(file))
    net = Counter()
    for actor, concept, stance, _ in statements(data):
        net[(one_line(actor), one_line(concept))] += 1 if stance == "support" else -1
    concepts = [unformula(c) for c in matrix[0][1:]] if matrix else []
    got = {(unformula(row[0]), concepts[i]): int(v) for row in matrix[1:] for i, v in enumerate(row[1:]) if int(v)}
    check(got == {k: v for k, v in net.items() if v}, f"{name}: actor_concept.csv differs")
    return f"{len(nodes)} node rows, {len(edges)} edge rows, {len(evidence)} evidence rows, {len(rows)} statements, {max(len(matrix) - 1, 0)}×{len(concepts)} matrix"


def check_databases(folder, data):
    """Kùzu (its default COPY FROM, which stops at a line break inside a
    quoted cell) and DuckDB (read_csv_auto) load our CSV files."""
    import tempfile
    name = f"{data['name']}: kuzu/duckdb"
    with open(folder / "nodes.csv", newline="", encoding="utf-8") as file:
        node_header = next(csv.reader(file))
    with open(folder / "edges.csv", newline="", encoding="utf-8") as file:
        edge_header = next(csv.reader(file))
    with tempfile.TemporaryDirectory() as scratch:
        connection = kuzu.Connection(kuzu.Database(str(Path(scratch) / "db")))
        columns = ", ".join(f"`{c}` STRING" for c in node_header)
        connection.execute(f"CREATE NODE TABLE Node({columns}, PRIMARY KEY(id))")
        columns = ", ".join(f"`{c}` STRING" for c in edge_header[2:])
        connection.execute(f"CREATE REL TABLE Edge(FROM Node TO Node, {columns})")
        connection.execute(f"COPY Node FROM '{folder / 'nodes.csv'}' (header=true)")
        if data["edges"]:
            connection.execute(f"COPY Edge FROM '{folder / 'edges.csv'}' (header=true)")
        nodes = connection.execute("MATCH (n:Node) RETURN count(n)").get_next()[0]
        edges = connection.execute("MATCH ()-[e:Edge]->() RETURN count(e)").get_next()[0]
    check(nodes == len(data["nodes"]), f"{name}: Kùzu loaded {nodes} nodes")
    check(edges == len(data["edges"]), f"{name}: Kùzu loaded {edges} edges")
    sentences = sum(len(e["evidence"]) for e in data["edges"])
    counts = {}
    for table in ("nodes", "edges", "evidence", "statements"):
        path = folder / f"{table}.csv"
        counts[table] = duckdb.sql(f"SELECT count(*) FROM read_csv_auto('{path}', header=true)").fetchall()[0][0]
    check(counts["nodes"] == len(data["nodes"]), f"{name}: DuckDB read {counts['nodes']} nodes")
    check(counts["edges"] == len(data["edges"]), f"{name}: DuckDB read {counts['edges']} edges")
    check(counts["evidence"] == sentences, f"{name}: DuckDB read {counts['evidence']} evidence rows")
    check(counts["statements"] == len(statements(data)), f"{name}: DuckDB read {counts['statements']} statements")
    return f"Kùzu {nodes} nodes, {edges} edges; DuckDB {counts['nodes']} / {counts['edges']} / {counts['evidence']} evidence / {counts['statements']} statements"


def check_gml(folder, data):
    path = folder / "graph.gml"
    graph = nx.read_gml(path, label="key")
    check(graph.is_directed() and graph.is_multigraph(), f"{data['name']}: gml: not a directed multigraph")
    # GML has no booleans: true and false are written as 1 and 0.
    flags = {key for n in data["nodes"] for key, value in n["attributes"].items() if isinstance(value, bool)}
    nodes = {}
    for key, attributes in graph.nodes(data=True):
        nodes[key] = {k: (bool(v) if k in flags and isinstance(v, int) else v) for k, v in attributes.items()}
    check_nodes("networkx.read_gml", nodes, data)
    check_edges("networkx.read_gml", *networkx_edges(graph), data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # "unknown entities returned verbatim"
        read = igraph.Graph.Read_GML(str(path))
    name = f"{data['name']}: igraph.Read_GML"
    check(read.vcount() == len(data["nodes"]), f"{name}: {read.vcount()} vertices")
    check(read.ecount() == len(data["edges"]), f"{name}: {read.ecount()} edges")
    if data["nodes"]:
        # igraph decodes &quot; and &amp; but leaves &#N; as written.
        keys = [html.unescape(key) for key in read.vs["key"]]
        check(keys == [n["id"] for n in data["nodes"]], f"{name}: keys differ")
    return f"networkx {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges; igraph {read.vcount()} vertices, {read.ecount()} edges"


def check_vosviewer(folder, data):
    """VOSviewer JSON: no VOSviewer library exists, so check the structure
    VOSviewer's documentation gives: items with numeric ids, labels and
    clusters; undirected links with strengths that sum the edge weights."""
    network = json.loads((folder / "graph.vos.json").read_text(encoding="utf-8"))["network"]
    name = f"{data['name']}: vosviewer"
    items, links = network["items"], network["links"]
    check([i["id"] for i in items] == list(range(1, len(data["nodes"]) + 1)), f"{name}: item ids")
    check([i["label"] for i in items] == [n["label"] for n in data["nodes"]], f"{name}: labels differ")
    check(all(isinstance(i["cluster"], int) and i["cluster"] >= 0 for i in items), f"{name}: clusters")
    check(all("description" not in i for i in items), f"{name}: an item has an HTML description")
    number = {n["id"]: k + 1 for k, n in enumerate(data["nodes"])}
    want = Counter()
    for e in data["edges"]:
        a, b = number[e["source"]], number[e["target"]]
        if a != b:
            want[(min(a, b), max(a, b))] += e["weight"]
    got = {(l["source_id"], l["target_id"]): l["strength"] for l in links}
    check(got.keys() == want.keys() and all(math.isclose(got[k], want[k]) for k in want), f"{name}: links differ")
    return f"{len(items)} items, {len(links)} links"


SCHEMAS = Path(__file__).resolve().parent / "schemas"


def xsd_valid(path, schema, name):
    """Validate with xmllint against an XML schema (no network)."""
    xmllint = shutil.which("xmllint")
    if xmllint is None:
        import os
        if os.environ.get("CI") == "true":
            check(False, f"{name}: xmllint is missing (apt-get install libxml2-utils), and CI=true requires it")
        return "xmllint not installed: schema not checked"
    result = subprocess.run([xmllint, "--noout", "--nonet", "--schema", str(schema), str(path)],
                            capture_output=True)
    check(result.returncode == 0, f"{name}: not valid GraphML 1.0: {result.stderr.decode()[-500:]}")
    return "valid against the GraphML 1.0 schema"


def relaxng_valid(path, grammar, name):
    """Validate with xmllint against a RELAX NG grammar; the root's
    xsi:schemaLocation (undeclared in the GEXF grammar) is removed first."""
    xmllint = shutil.which("xmllint")
    if xmllint is None:
        import os
        if os.environ.get("CI") == "true":
            check(False, f"{name}: xmllint is missing (apt-get install libxml2-utils), and CI=true requires it")
        return "xmllint not installed: schema not checked"
    text = path.read_text(encoding="utf-8")
    start = text.find(" xsi:schemaLocation=\"")
    if start >= 0:
        end = text.index('"', start + len(" xsi:schemaLocation=\"")) + 1
        text = text[:start] + text[end:]
    result = subprocess.run([xmllint, "--noout", "--relaxng", str(grammar), "-"],
                            input=text.encode("utf-8"), capture_output=True)
    check(result.returncode == 0, f"{name}: not valid GEXF 1.3: {result.stderr.decode()[-500:]}")
    return "valid against the GEXF 1.3 grammar"


def check_dynamic_gexf(folder, data):
    graph = nx.read_gexf(folder / "graph.dynamic.gexf")
    check_nodes("networkx.read_gexf (dynamic)", dict(graph.nodes(data=True)), data)
    check_edges("networkx.read_gexf (dynamic)", *networkx_edges(graph, "relation"), data)
    dated = sum(1 for _, attributes in graph.nodes(data=True) if "start" in attributes)
    spells = sum(len(a.get("spells", [])) for _, _, a in graph.edges(data=True))
    schema = relaxng_valid(folder / "graph.dynamic.gexf", SCHEMAS / "gexf-1.3" / "gexf.rng", f"{data['name']}: dynamic gexf")
    return f"{graph.number_of_nodes()} nodes ({dated} dated), {graph.number_of_edges()} edges, {spells} spells; {schema}"


def check_xlsx(folder, data):
    book = openpyxl.load_workbook(folder / "graph.xlsx")
    name = f"{data['name']}: openpyxl"
    check(book.sheetnames == ["nodes", "edges", "evidence", "statements", "actor_concept"],
          f"{name}: sheets {book.sheetnames}")
    rows = {sheet: list(book[sheet].iter_rows(values_only=True)) for sheet in book.sheetnames}
    header = rows["nodes"][0]
    nodes = [dict(zip(header, row)) for row in rows["nodes"][1:]]
    check([n["id"] for n in nodes] == [n["id"] for n in data["nodes"]], f"{name}: node ids differ")
    check([n["label"] for n in nodes] == [n["label"] for n in data["nodes"]], f"{name}: labels differ")
    check([n["mentions"] for n in nodes] == [n["mentions"] for n in data["nodes"]], f"{name}: mentions differ")
    check(len(rows["edges"]) - 1 == len(data["edges"]), f"{name}: {len(rows['edges']) - 1} edge rows")
    sentences = [x["text"] for e in data["edges"] for x in e["evidence"]]
    header = rows["evidence"][0]
    got = [dict(zip(header, row))["sentence"] or "" for row in rows["evidence"][1:]]
    check(got == sentences, f"{name}: evidence sheet holds {len(got)} sentences, the graph {len(sentences)}")
    check(len(rows["statements"]) - 1 == len(statements(data)), f"{name}: statements sheet")
    # No cell is a formula, whatever the text starts with.
    formulas = [cell.coordinate for sheet in book for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]
    check(not formulas, f"{name}: formula cells {formulas[:5]}")
    return f"{len(nodes)} nodes, {len(rows['edges']) - 1} edges, {len(got)} sentences, {len(rows['statements']) - 1} statements, no formulas"


def check_aif(folder, data):
    ours = json.loads((folder / "graph.aif.json").read_text(encoding="utf-8"))
    name = f"{data['name']}: aif"
    nodes = {n["nodeID"]: n for n in ours["nodes"]}
    check(len(nodes) == len(ours["nodes"]), f"{name}: duplicate node ids")
    for edge in ours["edges"]:
        check(edge["fromID"] in nodes and edge["toID"] in nodes, f"{name}: edge {edge['edgeID']} dangles")
    incoming, outgoing = Counter(), Counter()
    for edge in ours["edges"]:
        outgoing[edge["fromID"]] += 1
        incoming[edge["toID"]] += 1
    for node in ours["nodes"]:
        if node["type"] in ("RA", "CA", "YA"):
            check(incoming[node["nodeID"]] >= 1 and outgoing[node["nodeID"]] == 1,
                  f"{name}: {node['type']} node {node['nodeID']} has {incoming[node['nodeID']]} in, {outgoing[node['nodeID']]} out")
    people = {p["participantID"] for p in ours["participants"]}
    for locution in ours["locutions"]:
        check(nodes.get(locution["nodeID"], {}).get("type") == "L", f"{name}: locution {locution['nodeID']} is not an L-node")
        check(locution["personID"] in people, f"{name}: locution names unknown participant {locution['personID']}")
    # One scheme node per evidence sentence of an actor's stance edge (one
    # for an edge without evidence), one per stance edge from a claim. With
    # claims (asserts edges) an actor's stance is its claim's: its own
    # stance edges give none, and each asserting sentence is one L-node
    # asserting (YA) the claim.
    kinds = {n["id"]: n["kind"] for n in data["nodes"]}
    has_claims = any(e["relation"] == "asserts" for e in data["edges"])
    want = Counter()
    for edge in data["edges"]:
        if edge["relation"] not in ("supports", "critiques"):
            continue
        if kinds[edge["source"]] == "claim":
            count = 1
        elif has_claims and kinds[edge["source"]] == "actor":
            count = 0
        else:
            count = max(1, len(edge["evidence"]))
        want["RA" if edge["relation"] == "supports" else "CA"] += count
    got = Counter(n["type"] for n in ours["nodes"] if n["type"] in ("RA", "CA"))
    check(got == +want, f"{name}: scheme nodes {dict(got)} != {dict(+want)}")
    if has_claims:
        asserting = sum(len(e["evidence"]) for e in data["edges"] if e["relation"] == "asserts")
        ya = sum(1 for n in ours["nodes"] if n["type"] == "YA")
        check(ya == asserting, f"{name}: {ya} YA nodes, {asserting} asserting sentences")
    graph = arguebuf.load.aif(ours)
    atoms = len(graph.atom_nodes)
    schemes = len(graph.scheme_nodes)
    check(atoms == sum(1 for n in ours["nodes"] if n["type"] == "I"), f"{name}: arguebuf read {atoms} I-nodes")
    check(schemes == sum(got.values()), f"{name}: arguebuf read {schemes} scheme nodes")
    texts = {node.plain_text for node in graph.atom_nodes.values()}
    for node in ours["nodes"]:
        if node["type"] == "I":
            check(node["text"] in texts, f"{name}: I-node text {node['text']!r} lost")
    # ARG-tech's own reader (PyPI xaif): the same relations and speakers.
    x = XAIF({"AIF": ours})
    check(x.is_valid_json_aif(), f"{name}: xaif: not valid JSON AIF")
    has_l = any(n["type"] == "L" for n in ours["nodes"])
    check(x.is_json_aif_dialog() == has_l, f"{name}: xaif: dialog {x.is_json_aif_dialog()}, L-nodes {has_l}")
    relations = x._get_relations_argument(ours["nodes"], ours["edges"], "argument-relation")
    check(len(relations["relation"]) == sum(got.values()),
          f"{name}: xaif read {len(relations['relation'])} argument relations, want {sum(got.values())}")
    said = x._get_relations_locution(ours["nodes"], ours["edges"], "locution")
    ya = sum(1 for n in ours["nodes"] if n["type"] == "YA")
    check(len(said["relation"]) == ya, f"{name}: xaif read {len(said['relation'])} locution links, want {ya}")
    for node in ours["nodes"]:
        if node["type"] == "L":
            speaker, person = x.get_speaker(node["nodeID"])
            check(person != "None", f"{name}: xaif finds no speaker for L-node {node['nodeID']}")
            inode, _ = x.get_i_node_ya_nodes_for_l_node(node["nodeID"])
            check(nodes.get(inode, {}).get("type") == "I", f"{name}: xaif: L-node {node['nodeID']} asserts no I-node")
    return (f"arguebuf {atoms} I-nodes, {schemes} RA/CA nodes, {len(ours['locutions'])} locutions; "
            f"xaif {len(relations['relation'])} argument relations, {len(said['relation'])} locution links")


def check_dot(folder, data):
    dot = shutil.which("dot")
    if dot is None:
        check(False, f"{data['name']}: Graphviz `dot` is not installed")
        return "no Graphviz"
    rendered = 0
    for path in sorted(folder.glob("*.dot")):
        result = subprocess.run([dot, "-Tsvg", str(path)], capture_output=True)
        if check(result.returncode == 0, f"{data['name']}: dot failed on {path.name}: {result.stderr.decode(errors='replace')}"):
            root = ElementTree.fromstring(result.stdout)
            titles = [t.text for t in root.iter("{http://www.w3.org/2000/svg}title")]
            for node in data["nodes"]:
                check(node["id"] in titles, f"{data['name']}: {path.name}: node {node['id']} not in the SVG")
            rendered += 1
    return f"Graphviz rendered {rendered} DOT files to SVG"


def check_pajek(folder, data):
    path = folder / "graph.net"
    read = igraph.Graph.Read_Pajek(str(path))
    name = f"{data['name']}: igraph.Read_Pajek"
    pajek_label = lambda text: "".join("'" if c == '"' else (" " if ord(c) < 32 or 127 <= ord(c) < 160 else c) for c in text)
    labels = [pajek_label(n["label"]) for n in data["nodes"]]
    check(read.vcount() == len(data["nodes"]), f"{name}: {read.vcount()} vertices")
    check(read.ecount() == len(data["edges"]), f"{name}: {read.ecount()} edges")
    if data["nodes"]:
        check(read.vs["name"] == labels, f"{name}: labels differ")
    if data["edges"]:
        ids = {n["id"]: i for i, n in enumerate(data["nodes"])}
        got = Counter((e.source, e.target, e["label"], e["weight"]) for e in read.es)
        want = Counter((ids[e["source"]], ids[e["target"]], e["relation"], float(e["weight"])) for e in data["edges"])
        check(got == want, f"{name}: edges differ")
    # NetworkX names Pajek vertices by label, so nodes sharing a label
    # become one; every arc is kept.
    nx_read = nx.read_pajek(path)
    name = f"{data['name']}: networkx.read_pajek"
    check(nx_read.number_of_nodes() == len(set(labels)), f"{name}: {nx_read.number_of_nodes()} nodes, want {len(set(labels))} distinct labels")
    check(nx_read.number_of_edges() == len(data["edges"]), f"{name}: {nx_read.number_of_edges()} edges")
    return f"igraph {read.vcount()} vertices, {read.ecount()} edges; NetworkX {nx_read.number_of_nodes()} nodes (distinct labels), {nx_read.number_of_edges()} edges"


CHECKS = [
    ("graphml", check_graphml),
    ("gexf", check_gexf),
    ("pajek", check_pajek),
    ("gml", check_gml),
    ("dynamic-gexf", check_dynamic_gexf),
    ("xlsx", check_xlsx),
    ("vosviewer", check_vosviewer),
    ("node-link", check_node_link),
    ("cytoscape", check_cytoscape),
    ("csv", check_csv),
    ("kuzu-duckdb", check_databases),
    ("aif", check_aif),
    ("dot", check_dot),
]


def main(folders):
    print(f"networkx {nx.__version__}, igraph {igraph.__version__}, openpyxl {openpyxl.__version__}, arguebuf {arguebuf.__version__ if hasattr(arguebuf, '__version__') else 'installed'}")
    for folder in map(Path, folders):
        data = expected(folder)
        for name, run in CHECKS:
            before = len(FAILURES)
            try:
                summary = run(folder, data)
            except Exception as error:  # a client refusing the file is a failure
                check(False, f"{data['name']}: {name}: {type(error).__name__}: {error}")
                summary = "raised"
            status = "ok" if len(FAILURES) == before else "FAILED"
            print(f"{data['name']}: {name}: {status}: {summary}")
    for failure in FAILURES:
        print(f"FAIL {failure}")
    print(f"{'all checks passed' if not FAILURES else f'{len(FAILURES)} failures'}")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))
