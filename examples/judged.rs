//! Dump judged statements as JSON lines (development aid):
//! `cargo run --release --example judged -- GRAPH GOLD`.
use std::path::Path;
fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let graph = argnet::export::read_graph(Path::new(&args[0]))?;
    let gold = argnet::eval::Gold::parse(&std::fs::read_to_string(&args[1])?, Path::new(&args[1]))?;
    for judged in argnet::eval::evaluate(&graph, &gold).judged {
        println!("{}", serde_json::to_string(&judged)?);
    }
    Ok(())
}
