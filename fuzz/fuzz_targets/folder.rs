//! Fuzz the folder reader (`corpus::load`): the input is a script that
//! builds a small corpus folder (files with any bytes in their names and
//! contents, subfolders, links to `.`, `..`, files inside and outside the
//! corpus, `/dev/zero`, named pipes); reading it must not panic or hang,
//! must read only regular files inside the corpus, each once, and must
//! give every document its own id.
#![no_main]

use std::collections::HashSet;
use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

use argnet::corpus::{self, CorpusConfig};
use libfuzzer_sys::fuzz_target;

/// Link targets the script can pick.
const TARGETS: &[&str] = &[".", "..", "../outside.txt", "/dev/zero", "/dev/null", "a.txt", "sub", "missing"];

fuzz_target!(|data: &[u8]| {
    let Ok(dir) = tempfile::tempdir() else { return };
    let root = dir.path().join("corpus");
    std::fs::create_dir(&root).unwrap();
    std::fs::write(dir.path().join("outside.txt"), "OUTSIDE the corpus.\n").unwrap();
    std::fs::write(root.join("a.txt"), "Stephen Bubb: I support localism.\n").unwrap();
    let mut folders: Vec<PathBuf> = vec![root.clone()];
    // Each step: an op byte, a length byte, then that many name bytes.
    let mut rest = data;
    for _ in 0..16 {
        let [op, len, tail @ ..] = rest else { break };
        let take = (*len as usize % 12).min(tail.len());
        let (name, after) = tail.split_at(take);
        rest = after;
        let mut name: Vec<u8> = name.iter().map(|&b| if b == b'/' || b == 0 { b'_' } else { b }).collect();
        if name.is_empty() || name == b"." || name == b".." {
            name = b"n".to_vec();
        }
        let folder = folders[*op as usize % folders.len()].clone();
        let ext: &[u8] = if op & 0x10 == 0 { b".txt" } else { b".md" };
        let file = folder.join(OsStr::from_bytes(&[&name[..], ext].concat()));
        let _ = match op >> 5 {
            // Never open an existing path to write: it may be the pipe.
            0 | 1 => write_new(&file, format!("A file of {} name bytes.", name.len()).as_bytes()),
            2 => std::fs::create_dir(folder.join(OsStr::from_bytes(&name))).map(|()| {
                folders.push(folder.join(OsStr::from_bytes(&name)));
            }),
            3 | 4 => symlink(TARGETS[*len as usize % TARGETS.len()], &file),
            5 => symlink(TARGETS[*len as usize % TARGETS.len()], folder.join(OsStr::from_bytes(&name))),
            6 => mkfifo(&file),
            _ => write_new(&file, &[0xff, 0xfe, 0x00, name.first().copied().unwrap_or(0)]),
        };
    }
    let config = CorpusConfig {
        inputs: vec![root.clone()],
        manifest: None,
        max_document: None,
    };
    let Ok(corpus) = corpus::load(&config) else { return };
    let mut ids = HashSet::new();
    let mut real = HashSet::new();
    for document in &corpus.documents {
        assert!(ids.insert(document.id.clone()), "two documents have the id {}", document.id);
        let canonical = std::fs::canonicalize(&document.path).expect("a read document exists");
        assert!(
            canonical.starts_with(std::fs::canonicalize(&root).unwrap()),
            "{} is outside the corpus",
            canonical.display()
        );
        assert!(canonical.is_file(), "{} is not a regular file", canonical.display());
        assert!(real.insert(canonical.clone()), "{} is read twice", canonical.display());
        assert!(!document.text.contains("OUTSIDE"));
    }
});

fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    std::fs::OpenOptions::new().write(true).create_new(true).open(path)?.write_all(bytes)
}

fn mkfifo(path: &Path) -> std::io::Result<()> {
    let status = std::process::Command::new("mkfifo").arg(path).status()?;
    if status.success() { Ok(()) } else { Err(std::io::Error::other("mkfifo")) }
}
