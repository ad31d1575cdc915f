graph [
  directed 1
  multigraph 1
  name "every relation"
  node [
    id 0
    key "document:hearing.txt"
    label "Select Committee <hearing> &amp; &quot;notes&quot;"
    kind "document"
    mentions 0
    documents "hearing.txt"
    aliases ""
    first_date "2021-03-04"
    last_date "2021-03-04"
  ]
  node [
    id 1
    key "actor:ada-lovelace"
    label "Ada Lovelace"
    kind "actor"
    subkind "person"
    mentions 4
    documents "hearing.txt"
    aliases "Ada Lovelace; Lovelace"
    first_date "2021-03-04"
    last_date "2021-03-04"
    affiliation "Smith &amp; Sons <Ltd>"
    betweenness 0.5
    community 0
    pagerank 0.31
    verified 1
  ]
  node [
    id 2
    key "actor:smith-sons-ltd"
    label "Smith &amp; Sons <Ltd>"
    kind "actor"
    subkind "organisation"
    mentions 3
    documents "hearing.txt"
    aliases "Smith &amp; Sons <Ltd>"
    first_date "2021-03-04"
    last_date "2021-03-04"
    betweenness 0.25
    community 1
    pagerank 0.22
    verified 0
  ]
  node [
    id 3
    key "actor:&#252;n&#239;code-trust"
    label "&#220;n&#239;code Trust"
    kind "actor"
    subkind "organisation"
    mentions 1
    documents "hearing.txt"
    aliases "&#220;n&#239;code Trust"
    first_date "2021-03-04"
    last_date "2021-03-04"
    betweenness 0.0
    community 0
    pagerank 0.05
  ]
  node [
    id 4
    key "concept:big-society"
    label "Big Society"
    kind "concept"
    mentions 5
    documents "hearing.txt"
    aliases "Big Society"
    first_date "2021-03-04"
    last_date "2021-03-04"
    betweenness 0.75
    community 0
    pagerank 0.4
  ]
  node [
    id 5
    key "concept:payment-by-results"
    label "payment by results"
    kind "concept"
    mentions 2
    documents "hearing.txt"
    aliases "payment by results"
    first_date "2021-03-04"
    last_date "2021-03-04"
    betweenness 0.0
    community 1
    pagerank 0.12
  ]
  node [
    id 6
    key "claim:markets-fail-without-rules"
    label "Markets &quot;fail&quot;&#10;without #rules"
    kind "claim"
    mentions 2
    documents "hearing.txt"
    aliases ""
    first_date "2021-03-04"
    last_date "2021-03-04"
    betweenness 0.1
    community 0
    pagerank 0.08
  ]
  node [
    id 7
    key "source:the-green-book"
    label "The Green Book"
    kind "source"
    subkind "report"
    mentions 1
    documents "hearing.txt"
    aliases "The Green Book"
    first_date "2021-03-04"
    last_date "2021-03-04"
    pagerank 0.02
  ]
  node [
    id 8
    key "concept:total-place"
    label "Total Place"
    kind "concept"
    mentions 0
    documents ""
    aliases ""
  ]
  edge [
    source 0
    target 1
    relation "mentions"
    weight 2.0
    evidence_count 2
    evidence "Ada Lovelace, of Smith &amp; Sons <Ltd>, spoke first."
    evidence_document "hearing.txt"
    confidence 1.0
    first_date "2021-03-04"
    last_date "2021-03-04"
    evidence_all "hearing.txt: Ada Lovelace, of Smith &amp; Sons <Ltd>, spoke first.&#10;&#10;hearing.txt: Ada Lovelace said the Big Society &quot;works&quot; &amp; must grow."
  ]
  edge [
    source 0
    target 4
    relation "mentions"
    weight 3.0
    evidence_count 3
    evidence "Ada Lovelace said the Big Society &quot;works&quot; &amp; must grow."
    evidence_document "hearing.txt"
    confidence 1.0
    first_date "2021-03-04"
    last_date "2021-03-04"
    evidence_all "hearing.txt: Ada Lovelace said the Big Society &quot;works&quot; &amp; must grow.&#10;&#10;hearing.txt: Lovelace added that the Big Society&#10;needs <more> funding.&#10;&#10;hearing.txt: Smith &amp; Sons <Ltd> argued the Big Society is a cover for cuts."
  ]
  edge [
    source 0
    target 1
    relation "quotes"
    weight 1.0
    evidence_count 1
    evidence "Ada Lovelace said the Big Society &quot;works&quot; &amp; must grow."
    evidence_document "hearing.txt"
    confidence 1.0
    first_date "2021-03-04"
    last_date "2021-03-04"
    evidence_all "hearing.txt: Ada Lovelace said the Big Society &quot;works&quot; &amp; must grow."
  ]
  edge [
    source 1
    target 2
    relation "affiliated_with"
    weight 1.0
    evidence_count 1
    evidence "Ada Lovelace, of Smith &amp; Sons <Ltd>, spoke first."
    evidence_document "hearing.txt"
    confidence 0.8
    first_date "2021-03-04"
    last_date "2021-03-04"
    evidence_all "hearing.txt: Ada Lovelace, of Smith &amp; Sons <Ltd>, spoke first."
  ]
  edge [
    source 1
    target 4
    relation "supports"
    weight 2.0
    evidence_count 2
    evidence "Ada Lovelace said the Big Society &quot;works&quot; &amp; must grow."
    evidence_document "hearing.txt"
    confidence 0.9
    first_date "2021-03-04"
    last_date "2021-03-04"
    evidence_all "hearing.txt: Ada Lovelace said the Big Society &quot;works&quot; &amp; must grow.&#10;&#10;hearing.txt: Lovelace added that the Big Society&#10;needs <more> funding."
  ]
  edge [
    source 2
    target 4
    relation "critiques"
    weight 1.0
    evidence_count 1
    evidence "Smith &amp; Sons <Ltd> argued the Big Society is a cover for cuts."
    evidence_document "hearing.txt"
    confidence 0.85
    first_date "2021-03-04"
    last_date "2021-03-04"
    evidence_all "hearing.txt: Smith &amp; Sons <Ltd> argued the Big Society is a cover for cuts."
  ]
  edge [
    source 2
    target 5
    relation "supports"
    weight 1.0
    evidence_count 1
    evidence "Smith &amp; Sons <Ltd> backed payment by results."
    evidence_document "hearing.txt"
    confidence 0.9
    first_date "2021-03-04"
    last_date "2021-03-04"
    evidence_all "hearing.txt: Smith &amp; Sons <Ltd> backed payment by results."
  ]
  edge [
    source 6
    target 4
    relation "critiques"
    weight 1.0
    evidence_count 1
    evidence "Markets fail without rules, so the Big Society cannot replace the state."
    evidence_document "hearing.txt"
    confidence 0.6
    first_date "2021-03-04"
    last_date "2021-03-04"
    evidence_all "hearing.txt: Markets fail without rules, so the Big Society cannot replace the state."
  ]
  edge [
    source 3
    target 6
    relation "supports"
    weight 1.0
    evidence_count 1
    evidence "The &#220;n&#239;code Trust agreed that markets fail without rules."
    evidence_document "hearing.txt"
    confidence 0.75
    first_date "2021-03-04"
    last_date "2021-03-04"
    evidence_all "hearing.txt: The &#220;n&#239;code Trust agreed that markets fail without rules."
  ]
  edge [
    source 1
    target 7
    relation "cites"
    weight 1.0
    evidence_count 1
    evidence "Lovelace cited The Green Book."
    evidence_document "hearing.txt"
    confidence 0.95
    first_date "2021-03-04"
    last_date "2021-03-04"
    evidence_all "hearing.txt: Lovelace cited The Green Book."
  ]
  edge [
    source 4
    target 5
    relation "co_occurs"
    weight 1.0
    evidence_count 1
    evidence "The Big Society and payment by results came up together."
    evidence_document "hearing.txt"
    confidence 1.0
    first_date "2021-03-04"
    last_date "2021-03-04"
    evidence_all "hearing.txt: The Big Society and payment by results came up together."
  ]
]
