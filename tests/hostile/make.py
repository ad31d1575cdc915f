#!/usr/bin/env python3
"""Build the hostile inputs of the "Hostile input" issue into a folder.

Usage: make.py DIR SEEDS_CODEBOOK

Nothing here is committed as data: every input, the large ones included,
is written by this script, so the repository holds no megabytes of it.
Each input gets its own folder under DIR; tests/hostile/run.sh runs argnet
on each and checks the exit code, the message, what was written, and the
time and memory against the bounds in the README's "Limits" section.
"""

import gzip
import os
import random
import sys
import tomllib

root, codebook_path = sys.argv[1], sys.argv[2]
SPEECH = "Stephen Bubb: I strongly support localism. It is long overdue.\n"


def write(path, data, mode="w"):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, mode) as f:
        f.write(data)
    return full


codebook = tomllib.load(open(codebook_path, "rb"))
names = [e["name"] for key in ("actor", "concept") for e in codebook.get(key, [])]
random.seed(7)

# 1. A citation id of 70,000 characters.
write("long-id/cites.txt", "x" * 70_000 + " 2\n2 3\n3 1\n")

# 2. One 20 MB document on a single line (speech, sentence after sentence).
sentence = "Stephen Bubb said localism is vital, and the Big Society is a mistake. "
write("one-line/a.txt", sentence * (20_000_000 // len(sentence)))

# 3. A folder where the picture goes: the previous outputs must stay.
write("atomic/corpus/a.txt", SPEECH)

# 4. File names that differ only in invalid UTF-8 bytes.
for byte in (0xFF, 0xFE):
    name = os.path.join(root, "bytes-names").encode() + b"/d" + bytes([byte]) + b".txt"
    os.makedirs(os.path.join(root, "bytes-names"), exist_ok=True)
    with open(name, "wb") as f:
        f.write(SPEECH.encode())

# 5. Links inside and out of the corpus, a device and a named pipe.
links = os.path.join(root, "links/corpus")
write("links/corpus/a.txt", SPEECH)
write("links/secret.txt", "Outside: not part of the corpus.\n")
os.symlink(".", os.path.join(links, "me"))
os.symlink(os.path.join(root, "links/secret.txt"), os.path.join(links, "secret.txt"))
os.symlink("/dev/zero", os.path.join(links, "zero.txt"))
os.mkfifo(os.path.join(links, "pipe.txt"))

# 6. A 40 KB sentence (over Graphviz's 16,384-byte string limit).
words = " ".join(random.choice(["localism", "reform", "we", "support", "the"]) for _ in range(8000))
write("long-sentence/a.txt", "Stephen Bubb: " + words + ".\n")

# 7. A codebook where one name has two kinds.
write(
    "kinds/codebook.toml",
    '[[actor]]\nname = "Mercury"\nkind = "organisation"\n\n[[concept]]\nname = "localism"\n\n'
    '[[concept]]\nname = "Mercury"\n',
)
write("kinds/corpus/a.txt", SPEECH)

# 8. A gold file with a misspelt field.
write("gold/gold.json", '{\n  "documents": [],\n  "statments": []\n}\n')

# 9. Three invalid bytes in a UTF-8 text with curly quotes; a UTF-16 text.
write(
    "encoding/corpus/bytes.txt",
    "Stephen Bubb said: \u201cI strongly support localism.\u201d\n".encode() + b"\xff\xfe\xfd\n",
    "wb",
)
write("encoding/corpus/utf16.txt", "\ufeffIPPR: we oppose localism.\n".encode("utf-16-le"), "wb")

# 10. Gzip: a file that unpacks to 300 MiB (a bomb, against a lowered limit)
# and a 257 MiB line without a newline.
with gzip.open(os.path.join(root, "bomb.txt.gz"), "wb", compresslevel=9) as f:
    block = b"1 2\n" * (1 << 18)
    for _ in range(300):
        f.write(block)
with gzip.open(os.path.join(root, "long-line.txt.gz"), "wb", compresslevel=9) as f:
    block = b"7" * (1 << 20)
    for _ in range(257):
        f.write(block)

# 11. A 250 KB sentence naming a codebook entry every few words, and a
# codebook of 100,000 aliases.
out, size = [], 0
while size < 250_000:
    word = random.choice(names) if random.random() < 0.25 else random.choice(
        ["we", "support", "the", "but", "not", "oppose", "rather", "than", "and", "cut"])
    out.append(word)
    size += len(word) + 1
write("dense/corpus/a.txt", "Stephen Bubb: " + " ".join(out) + ".\n")
aliases = ", ".join(f'"alias number {i}"' for i in range(100_000))
write("aliases/codebook.toml",
      f'[[concept]]\nname = "localism"\naliases = [{aliases}]\n\n[[concept]]\nname = "{"long " * 6000}name"\n')
write("aliases/corpus/a.txt", SPEECH)

# 12. Terminal escapes in a document.
write("escapes/corpus/a.txt",
      "Stephen Bubb said: \u201cI strongly support localism \x1b]0;owned\x07\x1b[2J today.\u201d\n")

# 13. A Mermaid directive in the graph name is built by run.sh (--name).

# 14. Every file skipped; a 10 MB bad citation line.
write("skipped/corpus/a.txt", b"\x00\x01binary", "wb")
write("skipped/corpus/b.txt", b"", "wb")
write("bad-line/cites.txt", "1 2\n" + "1 2 " + "z" * 10_000_000 + "\n")

# 15. A text folder and a text file given to analyse.
write("wrong-kind/corpus/a.txt", SPEECH)

# 16. Documents in other formats: a page of 200,000 nested <div>s, a Word
# document whose text unpacks to 200 MiB (a zip bomb), a broken PDF.
import io
import zipfile
write("formats/corpus/deep.html",
      "<html><body>" + "<div>" * 200_000 + "Stephen Bubb supports localism." + "</div>" * 200_000 + "</body></html>")
buffer = io.BytesIO()
with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
    paragraph = "<w:p><w:r><w:t>localism </w:t></w:r></w:p>" * 1000
    with archive.open("word/document.xml", "w") as member:
        member.write(b"<w:document xmlns:w=\"x\"><w:body>")
        for _ in range(200 * 1024 * 1024 // len(paragraph)):
            member.write(paragraph.encode())
        member.write(b"</w:body></w:document>")
write("formats/corpus/bomb.docx", buffer.getvalue(), "wb")
write("formats/corpus/broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog", "wb")
