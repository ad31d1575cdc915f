graph [
  directed 1
  multigraph 1
  name "tiny"
  node [
    id 0
    key "document:a.txt"
    label "Tiny &quot;quoted&quot; &amp; <escaped>&#10;title"
    kind "document"
    mentions 0
    documents "a.txt"
    aliases ""
    first_date "2020-01-31"
    last_date "2020-01-31"
    author "Ada Lovelace"
  ]
  node [
    id 1
    key "document:sub/b.md"
    label "Notes"
    kind "document"
    mentions 0
    documents "sub/b.md"
    aliases ""
  ]
  node [
    id 2
    key "actor:ada-the-analyst-lovelace"
    label "Ada &quot;The Analyst&quot; Lovelace"
    kind "actor"
    subkind "person"
    mentions 1
    documents "a.txt"
    aliases "Lovelace"
    first_date "2020-01-31"
    last_date "2020-01-31"
    affiliation "Smith &amp; Sons <Ltd>"
    codebook_aliases "Lovelace"
  ]
  node [
    id 3
    key "concept:big-society"
    label "Big Society"
    kind "concept"
    mentions 2
    documents "a.txt"
    aliases "Big Society"
    first_date "2020-01-31"
    last_date "2020-01-31"
  ]
  node [
    id 4
    key "concept:&#252;n&#239;code-reform"
    label "&#220;n&#239;code reform"
    kind "concept"
    mentions 2
    documents "a.txt; sub/b.md"
    aliases "unicode reform; &#220;n&#239;code reform"
    first_date "2020-01-31"
    last_date "2020-01-31"
    codebook_aliases "unicode reform"
  ]
  node [
    id 5
    key "actor:smith-sons-ltd"
    label "Smith &amp; Sons <Ltd>"
    kind "actor"
    subkind "organisation"
    mentions 1
    documents "a.txt"
    aliases "Smith &amp; Sons"
    first_date "2020-01-31"
    last_date "2020-01-31"
    codebook_aliases "Smith &amp; Sons"
  ]
  node [
    id 6
    key "concept:payment-by-results"
    label "payment by results"
    kind "concept"
    mentions 3
    documents "a.txt; sub/b.md"
    aliases "PbR; payment by results"
    first_date "2020-01-31"
    last_date "2020-01-31"
    codebook_aliases "PbR"
  ]
  node [
    id 7
    key "actor:mr-smith"
    label "Mr. Smith"
    kind "actor"
    subkind "person"
    mentions 1
    documents "a.txt"
    aliases "Mr. Smith"
    first_date "2020-01-31"
    last_date "2020-01-31"
    discovered 1
  ]
  node [
    id 8
    key "claim:the-big-society-needs-&#252;n&#239;code-reform"
    label "The Big Society needs &#220;n&#239;code reform"
    kind "claim"
    mentions 0
    documents "a.txt"
    aliases ""
    first_date "2020-01-31"
    last_date "2020-01-31"
  ]
  node [
    id 9
    key "claim:smith-sons-disagreed-about-pbr"
    label "Smith &amp; Sons disagreed about PbR"
    kind "claim"
    mentions 0
    documents "a.txt"
    aliases ""
    first_date "2020-01-31"
    last_date "2020-01-31"
  ]
  node [
    id 10
    key "claim:mr-smith-likes-payment-by-results-and-the-big-society"
    label "Mr. Smith likes payment by results and the Big Society"
    kind "claim"
    mentions 0
    documents "a.txt"
    aliases ""
    first_date "2020-01-31"
    last_date "2020-01-31"
  ]
  edge [
    source 0
    target 2
    relation "mentions"
    weight 1.0
    evidence_count 1
    evidence "Lovelace said the Big Society needs &#220;n&#239;code reform."
    evidence_document "a.txt"
    confidence 1.0
    first_date "2020-01-31"
    last_date "2020-01-31"
    evidence_all "a.txt: Lovelace said the Big Society needs &#220;n&#239;code reform."
  ]
  edge [
    source 0
    target 3
    relation "mentions"
    weight 2.0
    evidence_count 2
    evidence "Lovelace said the Big Society needs &#220;n&#239;code reform."
    evidence_document "a.txt"
    confidence 1.0
    first_date "2020-01-31"
    last_date "2020-01-31"
    evidence_all "a.txt: Lovelace said the Big Society needs &#220;n&#239;code reform.&#10;&#10;a.txt: Mr. Smith likes payment by results&#10;and the Big Society."
  ]
  edge [
    source 0
    target 4
    relation "mentions"
    weight 1.0
    evidence_count 1
    evidence "Lovelace said the Big Society needs &#220;n&#239;code reform."
    evidence_document "a.txt"
    confidence 1.0
    first_date "2020-01-31"
    last_date "2020-01-31"
    evidence_all "a.txt: Lovelace said the Big Society needs &#220;n&#239;code reform."
  ]
  edge [
    source 0
    target 5
    relation "mentions"
    weight 1.0
    evidence_count 1
    evidence "Smith &amp; Sons disagreed about PbR."
    evidence_document "a.txt"
    confidence 1.0
    first_date "2020-01-31"
    last_date "2020-01-31"
    evidence_all "a.txt: Smith &amp; Sons disagreed about PbR."
  ]
  edge [
    source 0
    target 6
    relation "mentions"
    weight 2.0
    evidence_count 2
    evidence "Smith &amp; Sons disagreed about PbR."
    evidence_document "a.txt"
    confidence 1.0
    first_date "2020-01-31"
    last_date "2020-01-31"
    evidence_all "a.txt: Smith &amp; Sons disagreed about PbR.&#10;&#10;a.txt: Mr. Smith likes payment by results&#10;and the Big Society."
  ]
  edge [
    source 0
    target 7
    relation "mentions"
    weight 1.0
    evidence_count 1
    evidence "Mr. Smith likes payment by results&#10;and the Big Society."
    evidence_document "a.txt"
    confidence 1.0
    first_date "2020-01-31"
    last_date "2020-01-31"
    evidence_all "a.txt: Mr. Smith likes payment by results&#10;and the Big Society."
  ]
  edge [
    source 3
    target 4
    relation "co_occurs"
    weight 1.0
    evidence_count 1
    evidence "Lovelace said the Big Society needs &#220;n&#239;code reform."
    evidence_document "a.txt"
    confidence 1.0
    first_date "2020-01-31"
    last_date "2020-01-31"
    evidence_all "a.txt: Lovelace said the Big Society needs &#220;n&#239;code reform."
  ]
  edge [
    source 3
    target 6
    relation "co_occurs"
    weight 1.0
    evidence_count 1
    evidence "Mr. Smith likes payment by results&#10;and the Big Society."
    evidence_document "a.txt"
    confidence 1.0
    first_date "2020-01-31"
    last_date "2020-01-31"
    evidence_all "a.txt: Mr. Smith likes payment by results&#10;and the Big Society."
  ]
  edge [
    source 2
    target 3
    relation "supports"
    weight 1.0
    evidence_count 1
    evidence "Lovelace said the Big Society needs &#220;n&#239;code reform."
    evidence_document "a.txt"
    confidence 0.536
    first_date "2020-01-31"
    last_date "2020-01-31"
    evidence_all "a.txt: Lovelace said the Big Society needs &#220;n&#239;code reform."
  ]
  edge [
    source 2
    target 8
    relation "asserts"
    weight 1.0
    evidence_count 1
    evidence "Lovelace said the Big Society needs &#220;n&#239;code reform."
    evidence_document "a.txt"
    confidence 0.536
    first_date "2020-01-31"
    last_date "2020-01-31"
    evidence_all "a.txt: Lovelace said the Big Society needs &#220;n&#239;code reform."
  ]
  edge [
    source 8
    target 3
    relation "supports"
    weight 1.0
    evidence_count 1
    evidence "Lovelace said the Big Society needs &#220;n&#239;code reform."
    evidence_document "a.txt"
    confidence 0.536
    first_date "2020-01-31"
    last_date "2020-01-31"
    evidence_all "a.txt: Lovelace said the Big Society needs &#220;n&#239;code reform."
  ]
  edge [
    source 2
    target 4
    relation "supports"
    weight 1.0
    evidence_count 1
    evidence "Lovelace said the Big Society needs &#220;n&#239;code reform."
    evidence_document "a.txt"
    confidence 0.822
    first_date "2020-01-31"
    last_date "2020-01-31"
    evidence_all "a.txt: Lovelace said the Big Society needs &#220;n&#239;code reform."
  ]
  edge [
    source 8
    target 4
    relation "supports"
    weight 1.0
    evidence_count 1
    evidence "Lovelace said the Big Society needs &#220;n&#239;code reform."
    evidence_document "a.txt"
    confidence 0.822
    first_date "2020-01-31"
    last_date "2020-01-31"
    evidence_all "a.txt: Lovelace said the Big Society needs &#220;n&#239;code reform."
  ]
  edge [
    source 5
    target 6
    relation "critiques"
    weight 2.0
    evidence_count 2
    evidence "Smith &amp; Sons disagreed about PbR."
    evidence_document "a.txt"
    confidence 0.849
    first_date "2020-01-31"
    last_date "2020-01-31"
    evidence_all "a.txt: Smith &amp; Sons disagreed about PbR.&#10;&#10;a.txt: Mr. Smith likes payment by results&#10;and the Big Society."
  ]
  edge [
    source 5
    target 9
    relation "asserts"
    weight 1.0
    evidence_count 1
    evidence "Smith &amp; Sons disagreed about PbR."
    evidence_document "a.txt"
    confidence 0.849
    first_date "2020-01-31"
    last_date "2020-01-31"
    evidence_all "a.txt: Smith &amp; Sons disagreed about PbR."
  ]
  edge [
    source 9
    target 6
    relation "critiques"
    weight 1.0
    evidence_count 1
    evidence "Smith &amp; Sons disagreed about PbR."
    evidence_document "a.txt"
    confidence 0.849
    first_date "2020-01-31"
    last_date "2020-01-31"
    evidence_all "a.txt: Smith &amp; Sons disagreed about PbR."
  ]
  edge [
    source 5
    target 3
    relation "supports"
    weight 1.0
    evidence_count 1
    evidence "Mr. Smith likes payment by results&#10;and the Big Society."
    evidence_document "a.txt"
    confidence 0.61
    first_date "2020-01-31"
    last_date "2020-01-31"
    evidence_all "a.txt: Mr. Smith likes payment by results&#10;and the Big Society."
  ]
  edge [
    source 5
    target 10
    relation "asserts"
    weight 1.0
    evidence_count 1
    evidence "Mr. Smith likes payment by results&#10;and the Big Society."
    evidence_document "a.txt"
    confidence 0.61
    first_date "2020-01-31"
    last_date "2020-01-31"
    evidence_all "a.txt: Mr. Smith likes payment by results&#10;and the Big Society."
  ]
  edge [
    source 10
    target 3
    relation "supports"
    weight 1.0
    evidence_count 1
    evidence "Mr. Smith likes payment by results&#10;and the Big Society."
    evidence_document "a.txt"
    confidence 0.61
    first_date "2020-01-31"
    last_date "2020-01-31"
    evidence_all "a.txt: Mr. Smith likes payment by results&#10;and the Big Society."
  ]
  edge [
    source 10
    target 6
    relation "critiques"
    weight 1.0
    evidence_count 1
    evidence "Mr. Smith likes payment by results&#10;and the Big Society."
    evidence_document "a.txt"
    confidence 0.849
    first_date "2020-01-31"
    last_date "2020-01-31"
    evidence_all "a.txt: Mr. Smith likes payment by results&#10;and the Big Society."
  ]
  edge [
    source 7
    target 3
    relation "supports"
    weight 1.0
    evidence_count 1
    evidence "Mr. Smith likes payment by results&#10;and the Big Society."
    evidence_document "a.txt"
    confidence 0.622
    first_date "2020-01-31"
    last_date "2020-01-31"
    evidence_all "a.txt: Mr. Smith likes payment by results&#10;and the Big Society."
  ]
  edge [
    source 7
    target 10
    relation "asserts"
    weight 1.0
    evidence_count 1
    evidence "Mr. Smith likes payment by results&#10;and the Big Society."
    evidence_document "a.txt"
    confidence 0.622
    first_date "2020-01-31"
    last_date "2020-01-31"
    evidence_all "a.txt: Mr. Smith likes payment by results&#10;and the Big Society."
  ]
  edge [
    source 7
    target 6
    relation "supports"
    weight 1.0
    evidence_count 1
    evidence "Mr. Smith likes payment by results&#10;and the Big Society."
    evidence_document "a.txt"
    confidence 0.622
    first_date "2020-01-31"
    last_date "2020-01-31"
    evidence_all "a.txt: Mr. Smith likes payment by results&#10;and the Big Society."
  ]
  edge [
    source 10
    target 6
    relation "supports"
    weight 1.0
    evidence_count 1
    evidence "Mr. Smith likes payment by results&#10;and the Big Society."
    evidence_document "a.txt"
    confidence 0.622
    first_date "2020-01-31"
    last_date "2020-01-31"
    evidence_all "a.txt: Mr. Smith likes payment by results&#10;and the Big Society."
  ]
  edge [
    source 1
    target 6
    relation "mentions"
    weight 1.0
    evidence_count 1
    evidence "PbR and unicode reform appear together here."
    evidence_document "sub/b.md"
    confidence 1.0
    evidence_all "sub/b.md: PbR and unicode reform appear together here."
  ]
  edge [
    source 1
    target 4
    relation "mentions"
    weight 1.0
    evidence_count 1
    evidence "PbR and unicode reform appear together here."
    evidence_document "sub/b.md"
    confidence 1.0
    evidence_all "sub/b.md: PbR and unicode reform appear together here."
  ]
  edge [
    source 6
    target 4
    relation "co_occurs"
    weight 1.0
    evidence_count 1
    evidence "PbR and unicode reform appear together here."
    evidence_document "sub/b.md"
    confidence 1.0
    evidence_all "sub/b.md: PbR and unicode reform appear together here."
  ]
]
