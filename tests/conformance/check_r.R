# Read argnet's GraphML and CSV exports with R's igraph, as an R user would.
# Usage: Rscript check_r.R DIR [DIR ...]
# Each DIR holds graph.graphml, nodes.csv and edges.csv. For each, prints
#   DIR graphml VERTICES EDGES DIRECTED
#   DIR csv VERTICES EDGES
# and writes the vertex ids igraph read (GraphML: the `key` attribute,
# argnet's exact id) to DIR/r-graphml-ids.txt and
# DIR/r-csv-ids.txt, one per line, for the caller to compare.
# Exit code 3 when igraph is not installed.
if (!suppressMessages(requireNamespace("igraph", quietly = TRUE))) {
  cat("missing R package igraph; apt-get install r-cran-igraph\n")
  quit(status = 3)
}
suppressMessages(library(igraph))
for (dir in commandArgs(trailingOnly = TRUE)) {
  g <- read_graph(file.path(dir, "graph.graphml"), format = "graphml")
  cat(dir, "graphml", vcount(g), ecount(g), is_directed(g), "\n")
  writeLines(V(g)$key, file.path(dir, "r-graphml-ids.txt"), useBytes = TRUE)
  nodes <- read.csv(file.path(dir, "nodes.csv"), encoding = "UTF-8",
                    stringsAsFactors = FALSE, check.names = FALSE)
  edges <- read.csv(file.path(dir, "edges.csv"), encoding = "UTF-8",
                    stringsAsFactors = FALSE, check.names = FALSE)
  h <- graph_from_data_frame(edges, vertices = nodes, directed = TRUE)
  cat(dir, "csv", vcount(h), ecount(h), "\n")
  writeLines(V(h)$name, file.path(dir, "r-csv-ids.txt"), useBytes = TRUE)
}
