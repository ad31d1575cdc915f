//! Export stage: write files so that a reader never sees half of one. Each
//! file goes to a temporary file in the same folder first; only when every
//! file of a set has been written are they renamed into place.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::error::{Error, Result};

/// Write every `(path, bytes)` pair, all or nothing: if any temporary file
/// cannot be written, no target file is touched. Creates missing folders.
pub fn write_files(files: &[(PathBuf, Vec<u8>)]) -> Result<()> {
    let mut staged = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        staged.push((path, stage(path, bytes)?));
    }
    for (path, temp) in staged {
        temp.persist(path).map_err(|e| Error::Write {
            path: path.clone(),
            source: e.error,
        })?;
    }
    Ok(())
}

/// Write one file atomically.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let temp = stage(path, bytes)?;
    temp.persist(path).map_err(|e| Error::Write {
        path: path.to_owned(),
        source: e.error,
    })?;
    Ok(())
}

fn stage(path: &Path, bytes: &[u8]) -> Result<NamedTempFile> {
    let write_error = |source| Error::Write {
        path: path.to_owned(),
        source,
    };
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    fs::create_dir_all(folder).map_err(|source| Error::Write {
        path: folder.to_owned(),
        source,
    })?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".argnet-").suffix(".tmp");
    // Temporary files are private (0600); outputs are ordinary files.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o644));
    }
    let mut temp = builder.tempfile_in(folder).map_err(write_error)?;
    temp.write_all(bytes).map_err(write_error)?;
    temp.flush().map_err(write_error)?;
    Ok(temp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_all_files_and_leaves_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("sub/a.txt");
        let b = dir.path().join("sub/b.txt");
        write_files(&[(a.clone(), b"A".to_vec()), (b.clone(), b"B".to_vec())]).unwrap();
        assert_eq!(fs::read(&a).unwrap(), b"A");
        assert_eq!(fs::read(&b).unwrap(), b"B");
        let names: Vec<_> = fs::read_dir(dir.path().join("sub")).unwrap().collect();
        assert_eq!(names.len(), 2);
    }

    #[test]
    fn nothing_is_written_when_one_file_cannot_be() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("file");
        fs::write(&blocker, b"x").unwrap();
        let good = dir.path().join("good.txt");
        // A path below a regular file cannot be created.
        let bad = blocker.join("bad.txt");
        let err = write_files(&[(good.clone(), b"G".to_vec()), (bad, b"B".to_vec())]);
        assert!(err.is_err());
        assert!(!good.exists());
    }
}
