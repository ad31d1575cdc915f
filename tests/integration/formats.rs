//! Export stage: golden files for every format on the tiny fixture and on
//! the every-relation fixture, and hostile labels (quotes, ampersands,
//! angle brackets, line breaks, non-ASCII) read back exactly by our own
//! parsers of each format. (Other tools reading the same files: see
//! `conformance.rs`.)

use std::collections::BTreeSet;

use argnet::export::{
    self, ColourBy, CsvHeaders, DotStyle, ExportConfig, ExportFormat, LayoutEngine, NodeSizes,
    RankDir,
};
use argnet::model::ArgGraph;
use argnet::view;
use quick_xml::events::Event;

use crate::common::{assert_golden, every_relation_graph, require_graphviz, temp_dir, tiny_graph};

/// Every single-file text format, with its golden file suffix.
const TEXT_FORMATS: [(ExportFormat, &str); 10] = [
    (ExportFormat::Dot, "dot"),
    (ExportFormat::Json, "json"),
    (ExportFormat::GraphMl, "graphml"),
    (ExportFormat::Gexf, "gexf"),
    (ExportFormat::NodeLink, "node-link.json"),
    (ExportFormat::Cytoscape, "cyjs"),
    (ExportFormat::Aif, "aif.json"),
    (ExportFormat::Mermaid, "mmd"),
    (ExportFormat::Pajek, "net"),
    (ExportFormat::Gml, "gml"),
];

fn text_of(graph: &ArgGraph, format: ExportFormat) -> String {
    let config = ExportConfig::new(format).with_dot(DotStyle::overview(graph));
    let bytes = export::export_bytes(graph, &config, "golden".as_ref()).expect("export");
    String::from_utf8(bytes).expect("UTF-8")
}

fn assert_goldens(name: &str, graph: &ArgGraph) {
    for (format, suffix) in TEXT_FORMATS {
        assert_golden(&format!("{name}.{suffix}"), &text_of(graph, format));
    }
    for (headers, prefix) in [(CsvHeaders::Plain, ""), (CsvHeaders::Neo4j, "neo4j.")] {
        let (nodes, edges) = export::graph_to_csv(graph, headers);
        assert_golden(&format!("{name}.{prefix}nodes.csv"), &nodes);
        assert_golden(&format!("{name}.{prefix}edges.csv"), &edges);
    }
    assert_golden(
        &format!("{name}.evidence.csv"),
        &export::evidence_to_csv(graph),
    );
    assert_golden(
        &format!("{name}.statements.csv"),
        &export::statements_to_csv(graph),
    );
    assert_golden(
        &format!("{name}.actor_concept.csv"),
        &export::actor_concept_to_csv(graph),
    );
    assert_golden(
        &format!("{name}.dynamic.gexf"),
        &export::graph_to_gexf_dynamic(graph),
    );
}

#[test]
fn tiny_goldens() {
    assert_goldens("tiny", &tiny_graph());
}

#[test]
fn every_relation_goldens() {
    assert_goldens("every-relation", &every_relation_graph());
}

/// The slide style: sized by a stored measure, community colours, `dot`
/// layout left to right, the ego centre outlined.
fn styled(graph: &ArgGraph) -> DotStyle {
    let measure = view::Measure::parse("pagerank").unwrap();
    DotStyle::default()
        .with_layout(LayoutEngine::Dot)
        .with_rankdir(Some(RankDir::LeftRight))
        .with_sizes(NodeSizes {
            measure: measure.to_string(),
            scores: view::stored_scores(graph, &measure).unwrap(),
        })
        .with_highlight(Some("concept:big-society".into()))
        .with_title(Some("Who backs the \"Big Society\" & who doesn't".into()))
}

#[test]
fn styled_dot_golden() {
    let graph = every_relation_graph();
    let text = export::graph_to_dot_with(&graph, &styled(&graph));
    assert_golden("every-relation.styled.dot", &text);
    // Stance edges stand out; community colours replace kind colours.
    assert!(
        text.contains("color=\"#2e7d32\" penwidth=\"1.89\""),
        "{text}"
    );
    assert!(text.contains("color=\"#c62828\" penwidth=\"1.20\" style=\"dashed\""));
    assert!(text.contains(">community 0</td>") && text.contains(">community 1</td>"));
    let by_kind = export::graph_to_dot_with(&graph, &styled(&graph).with_colour(ColourBy::Kind));
    assert!(!by_kind.contains(">community 0</td>"));
}

#[test]
fn graphviz_renders_every_dot_style() {
    if !require_graphviz("graphviz_renders_every_dot_style") {
        return;
    }
    let graph = every_relation_graph();
    let styles = [
        DotStyle::overview(&graph),
        styled(&graph),
        DotStyle::default().with_legend(false),
    ];
    for layout in [
        LayoutEngine::Dot,
        LayoutEngine::Neato,
        LayoutEngine::Fdp,
        LayoutEngine::Sfdp,
        LayoutEngine::Circo,
    ] {
        for style in &styles {
            let dot = export::graph_to_dot_with(&graph, &style.clone().with_layout(layout));
            let svg = export::render(&dot, export::ImageFormat::Svg, None)
                .unwrap_or_else(|e| panic!("{layout:?}: {e:?}\n{dot}"));
            let svg = String::from_utf8(svg).unwrap();
            // Each edge's tooltip carries its sentence (escaped for XML).
            assert!(svg.contains("Smith &amp; Sons &lt;Ltd&gt; backed payment by results."));
        }
    }
}

fn labels(graph: &ArgGraph) -> BTreeSet<String> {
    graph.nodes().map(|(_, n)| n.label.clone()).collect()
}

/// Element texts and attribute values of an XML document, as an XML
/// parser reads them (entities and character references resolved,
/// attribute whitespace normalised).
fn xml_strings(text: &str) -> BTreeSet<String> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut found = BTreeSet::new();
    let mut current = String::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Eof => break,
            Event::Text(t) => current.push_str(&t.xml10_content().expect("text")),
            Event::GeneralRef(r) => match r.resolve_char_ref().expect("character reference") {
                Some(c) => current.push(c),
                None => {
                    let name = r.decode().expect("entity name");
                    let resolved = quick_xml::escape::resolve_predefined_entity(&name)
                        .unwrap_or_else(|| panic!("unknown entity {name}"));
                    current.push_str(resolved);
                }
            },
            Event::End(_) => {
                found.insert(std::mem::take(&mut current));
            }
            Event::Start(e) | Event::Empty(e) => {
                current.clear();
                for attribute in e.attributes() {
                    let attribute = attribute.expect("attribute");
                    let value = attribute
                        .normalized_value(quick_xml::XmlVersion::Explicit1_0)
                        .expect("escaped value");
                    found.insert(value.into_owned());
                }
            }
            _ => {}
        }
    }
    found
}

fn json_strings(value: &serde_json::Value, found: &mut BTreeSet<String>) {
    match value {
        serde_json::Value::String(s) => {
            found.insert(s.clone());
        }
        serde_json::Value::Array(items) => items.iter().for_each(|i| json_strings(i, found)),
        serde_json::Value::Object(map) => map.values().for_each(|v| json_strings(v, found)),
        _ => {}
    }
}

#[test]
fn hostile_labels_survive_every_format() {
    for graph in [tiny_graph(), every_relation_graph()] {
        let wanted = labels(&graph);
        assert!(
            wanted.iter().any(|l| l.contains('\n')),
            "a label with a line break"
        );
        assert!(wanted.iter().any(|l| l.contains('&') && l.contains('<')));
        let check = |format: &str, found: BTreeSet<String>| {
            for label in &wanted {
                assert!(found.contains(label), "{format}: label {label:?} lost");
            }
        };
        check("graphml", xml_strings(&export::graph_to_graphml(&graph)));
        check("gexf", xml_strings(&export::graph_to_gexf(&graph)));
        for text in [
            export::graph_to_node_link(&graph),
            export::graph_to_cytoscape(&graph),
            export::graph_to_json(&graph),
        ] {
            let mut found = BTreeSet::new();
            json_strings(&serde_json::from_str(&text).unwrap(), &mut found);
            check("json", found);
        }
        // CSV rows are one line each: a line break becomes a space.
        let (nodes, _) = export::graph_to_csv(&graph, CsvHeaders::Plain);
        assert_eq!(nodes.lines().count(), graph.node_count() + 1);
        let mut reader = csv::Reader::from_reader(nodes.as_bytes());
        let found: BTreeSet<String> = reader
            .records()
            .map(|r| r.unwrap().get(1).unwrap().to_owned())
            .collect();
        for label in &wanted {
            let one_line = label
                .split('\n')
                .map(str::trim)
                .collect::<Vec<_>>()
                .join(" ");
            assert!(found.contains(&one_line), "csv: label {label:?} lost");
        }
        // DOT: the tooltip starts with the label, escaped for DOT.
        let dot = export::graph_to_dot(&graph);
        let parsed = graphviz_rust::parse(&dot).expect("graphviz-rust parses our DOT");
        drop(parsed);
        for label in &wanted {
            let escaped = label
                .replace('&', "&amp;")
                .replace('\\', "\\\\")
                .replace('"', "\\\"")
                .replace('\n', "\\n");
            assert!(
                dot.contains(&format!("tooltip=\"{escaped}\\n")),
                "dot: {label:?}"
            );
        }
    }
}

#[test]
fn aif_of_the_stance_graph() {
    let graph = every_relation_graph();
    let aif: serde_json::Value = serde_json::from_str(&export::graph_to_aif(&graph)).unwrap();
    let count = |kind: &str| {
        aif["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| n["type"] == kind)
            .count()
    };
    // Ada's two sentences for the Big Society and Smith's two stances are
    // RA/CA through their sentences; the claim critiques directly.
    assert_eq!((count("RA"), count("CA")), (4, 2));
    assert_eq!(count("L"), count("YA"));
    assert_eq!(aif["locutions"][0]["timestamp"], "2021-03-04 00:00:00");
    let names: Vec<&str> = aif["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["firstname"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Ada", "Smith & Sons <Ltd>", "Ünïcode Trust"]);
    // Mentions, co-occurrence, citations have no AIF counterpart.
    assert!(!export::graph_to_aif(&graph).contains("The Green Book"));
}

#[test]
fn csv_export_writes_two_files_atomically() {
    let dir = temp_dir();
    let out = dir.path().join("csv");
    let config = ExportConfig::new(ExportFormat::Csv);
    let files = export::export_files(&every_relation_graph(), &config, &out).unwrap();
    export::write_files(&files).unwrap();
    let nodes = std::fs::read_to_string(out.join("nodes.csv")).unwrap();
    let edges = std::fs::read_to_string(out.join("edges.csv")).unwrap();
    assert_eq!(
        nodes.lines().next(),
        Some(
            "\"id\",\"label\",\"kind\",\"subkind\",\"mentions\",\"documents\",\"aliases\",\"first_date\",\"last_date\",\"author\",\"affiliation\",\"betweenness\",\"community\",\"pagerank\",\"verified\""
        )
    );
    assert!(edges.starts_with(
        "\"source\",\"target\",\"relation\",\"weight\",\"evidence_count\",\"evidence\",\"evidence_document\",\"confidence\",\"first_date\",\"last_date\"\n"
    ));
}

#[test]
fn hostile_text_never_breaks_a_format() {
    use argnet::model::{Evidence, Node, NodeKind, Relation};
    let pieces = [
        "\0", "\u{1}", "\u{7f}", "\u{fffe}", "\u{ffff}", "]]>", "<!--", "-->", "%%", "\"", "'",
        "\\", "\\\"", "&amp;", "&#0;", "#quot;", "`", "|", ";", ",", "\r\n", "\n", "\t", "{", "}",
        "[", "]", "(", ")", "<br>", "€", "𝄞", " ",
    ];
    let mut graph = ArgGraph::new(pieces.concat());
    let mut previous = None;
    for (number, piece) in pieces.iter().enumerate() {
        let kind = NodeKind::ALL[number % NodeKind::ALL.len()];
        let mut node = Node::new(kind, &format!("x{number}{piece}y"));
        node.attributes
            .insert(format!("note{piece}"), (*piece).into());
        node.aliases.insert((*piece).to_owned());
        let index = graph.add_node(node);
        if let Some(before) = previous {
            let evidence = Evidence {
                document: (*piece).to_owned(),
                span: 0..1,
                text: pieces.concat(),
                confidence: 0.5,
                basis: None,
            };
            let relation = Relation::ALL[number % Relation::ALL.len()];
            graph.add_occurrence(before, index, relation, Some(evidence));
        }
        previous = Some(index);
    }
    for text in [
        export::graph_to_graphml(&graph),
        export::graph_to_gexf(&graph),
    ] {
        xml_strings(&text);
    }
    for text in [
        export::graph_to_json(&graph),
        export::graph_to_node_link(&graph),
        export::graph_to_cytoscape(&graph),
        export::graph_to_aif(&graph),
    ] {
        serde_json::from_str::<serde_json::Value>(&text).expect("valid JSON");
    }
    let again = export::graph_from_json(&export::graph_to_json(&graph), "g.json".as_ref()).unwrap();
    assert_eq!(export::graph_to_json(&again), export::graph_to_json(&graph));
    let (nodes, edges) = export::graph_to_csv(&graph, CsvHeaders::Neo4j);
    for table in [nodes, edges] {
        let mut reader = csv::Reader::from_reader(table.as_bytes());
        let width = reader.headers().unwrap().len();
        for record in reader.records() {
            assert_eq!(record.unwrap().len(), width);
        }
    }
    for style in [
        DotStyle::overview(&graph),
        DotStyle::default().with_legend(false),
    ] {
        let dot = export::graph_to_dot_with(&graph, &style);
        graphviz_rust::parse(&dot).expect("graphviz-rust parses our DOT");
    }
    // Every Mermaid statement stays on its own line.
    let mermaid = export::graph_to_mermaid(&graph);
    for line in mermaid.lines().skip(2) {
        assert!(line.starts_with("  "), "{line:?}");
    }
    if require_graphviz("hostile_text_never_breaks_a_format") {
        let dot = export::graph_to_dot(&graph);
        let svg = export::render(&dot, export::ImageFormat::Svg, None).expect("dot renders");
        xml_strings(&String::from_utf8(svg).expect("UTF-8 SVG"));
    }
}
