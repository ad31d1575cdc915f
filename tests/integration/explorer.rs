//! The explorer page in a real browser: headless Chromium (the system's,
//! driven by puppeteer-core from tests/conformance) opens the page that
//! `argnet build` writes, searches, clicks a node and a line, and must show
//! the sentence behind the line, with no console error. Without Chromium or
//! puppeteer-core the tests fail when CI=true and are skipped otherwise.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

use crate::common::{root, seeds, temp_dir};

fn argnet() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("argnet").expect("argnet binary")
}

/// Can node load puppeteer-core, and is there a Chromium? Fails in CI
/// without.
fn require_browser(test: &str) -> bool {
    let folder = root().join("tests/conformance");
    let probe = Command::new("node")
        .current_dir(&folder)
        .args(["-e", "require.resolve('puppeteer-core')"])
        .output();
    let browsers = [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ];
    let browser = std::env::var("ARGNET_CHROMIUM")
        .ok()
        .map(PathBuf::from)
        .into_iter()
        .chain(browsers.iter().map(PathBuf::from))
        .any(|p| p.exists());
    let reason = match probe {
        Ok(output) if output.status.success() && browser => return true,
        Ok(output) if output.status.success() => {
            "no Chromium (apt-get install chromium, or set ARGNET_CHROMIUM)".to_owned()
        }
        Ok(_) => "puppeteer-core is not installed in tests/conformance (npm ci there)".to_owned(),
        Err(error) => format!("cannot run node: {error}"),
    };
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{test}: {reason}, and CI=true requires it");
    }
    eprintln!("{test}: skipped: {reason}");
    false
}

/// What to do in the page: search the concept with the most stance
/// sentences, and open one of its lines; the sentence comes from the
/// graph JSON that `build` wrote beside the page.
fn spec_from_graph(graph: &Path, sentence_containing: Option<&str>) -> Value {
    let data: Value = serde_json::from_str(&std::fs::read_to_string(graph).unwrap()).unwrap();
    let stance = |e: &&Value| e["relation"] == "supports" || e["relation"] == "critiques";
    let edges: Vec<&Value> = data["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(stance)
        .collect();
    let edge = match sentence_containing {
        Some(part) => edges
            .iter()
            .find(|e| {
                e["evidence"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|v| v["text"].as_str().unwrap().contains(part))
            })
            .copied()
            .unwrap_or_else(|| panic!("no stance sentence contains {part}: {data}")),
        None => edges
            .iter()
            .max_by_key(|e| {
                (
                    e["evidence"].as_array().unwrap().len(),
                    e["target"].to_string(),
                )
            })
            .copied()
            .expect("a stance edge"),
    };
    let node = edge["target"].as_str().unwrap();
    let label = data["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == node)
        .unwrap()["label"]
        .as_str()
        .unwrap()
        .to_owned();
    let evidence = edge["evidence"].as_array().unwrap();
    let sentence = evidence
        .iter()
        .map(|v| v["text"].as_str().unwrap())
        .find(|t| sentence_containing.is_none_or(|part| t.contains(part)))
        .unwrap();
    json!({
        "search": label.to_lowercase().chars().take(6).collect::<String>(),
        "node": node,
        "label": label,
        "edge": {
            "source": edge["source"],
            "target": node,
            "relation": edge["relation"],
            "sentence": sentence,
        },
        "hostile": sentence_containing.is_some(),
    })
}

/// Run check_explorer.mjs; its JSON line (size, load and ready times).
fn open_in_chromium(page: &Path, spec: &Value, name: &str) -> Value {
    let dir = page.parent().unwrap();
    let spec_path = dir.join("spec.json");
    std::fs::write(&spec_path, spec.to_string()).unwrap();
    let shots = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("explorer");
    std::fs::create_dir_all(&shots).unwrap();
    let output = Command::new("node")
        .arg(root().join("tests/conformance/check_explorer.mjs"))
        .arg(page)
        .arg(shots.join(format!("{name}.png")))
        .arg(&spec_path)
        .output()
        .expect("run check_explorer.mjs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "check_explorer.mjs failed on {name}:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    println!("{name}: {stdout}screenshots in {}", shots.display());
    serde_json::from_str(stdout.trim()).expect("one JSON line")
}

#[test]
fn explorer_page_of_the_seeds_works_in_chromium() {
    let test = "explorer_page_of_the_seeds_works_in_chromium";
    if !require_browser(test) {
        return;
    }
    let out = temp_dir();
    argnet()
        .args(["build", "--no-svg", "--out"])
        .arg(out.path())
        .arg(seeds())
        .assert()
        .success();
    let spec = spec_from_graph(&out.path().join("seeds.json"), None);
    let result = open_in_chromium(&out.path().join("seeds.html"), &spec, "seeds");
    assert!(result["nodes_shown"].as_u64().unwrap() > 10, "{result}");
}

#[test]
fn document_text_with_script_shows_as_text_in_chromium() {
    let test = "document_text_with_script_shows_as_text_in_chromium";
    if !require_browser(test) {
        return;
    }
    let dir = temp_dir();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(
        corpus.join("hostile.txt"),
        "Council debate\n\nJane Smith said: \"We strongly support the housing plan <script>window.__pwned = 1</script> because families need homes.\" </script><img src=x onerror=\"window.__pwned = 2\"> & 'more'.\n\nJane Smith said the housing plan was a good start.\n",
    )
    .unwrap();
    std::fs::write(
        corpus.join("codebook.toml"),
        "[[actor]]\nname = \"Jane Smith\"\nkind = \"person\"\n\n[[concept]]\nname = \"housing plan <script>window.__pwned = 3</script>\"\naliases = [\"housing plan\"]\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    argnet()
        .args(["build", "--no-svg", "--out"])
        .arg(&out)
        .arg(&corpus)
        .assert()
        .success();
    let spec = spec_from_graph(&out.join("corpus.json"), Some("<script>"));
    let mut spec = spec;
    spec["search"] = json!("housing");
    open_in_chromium(&out.join("corpus.html"), &spec, "hostile");
}
