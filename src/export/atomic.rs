//! Export stage: write files so that a reader never sees half of one. Each
//! file goes to a temporary file in the same folder first; only when every
//! file of a set has been written are they renamed into place.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::error::{Error, Result};

/// Write every `(path, bytes)` pair, all or nothing: if any temporary file
/// cannot be written, or a target is a folder, no target file is touched;
/// if a rename fails midway, the files already replaced are put back.
/// Creates missing folders.
pub fn write_files(files: &[(PathBuf, Vec<u8>)]) -> Result<()> {
    for (path, _) in files {
        if path.is_dir() {
            return Err(Error::Write {
                path: path.clone(),
                source: std::io::Error::new(
                    std::io::ErrorKind::IsADirectory,
                    "a folder has this name; move it or choose another --name",
                ),
            });
        }
    }
    let mut staged = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        staged.push((path, stage(path, bytes)?));
    }
    // Each replaced file is kept (a hard link) until the whole set is in place.
    let mut placed: Vec<(&PathBuf, Option<PathBuf>)> = Vec::with_capacity(files.len());
    for (path, temp) in staged {
        let kept = keep_old(path);
        if let Err(e) = temp.persist(path) {
            if let Some(kept) = kept {
                let _ = fs::remove_file(kept);
            }
            for (path, kept) in placed.into_iter().rev() {
                let _ = match kept {
                    Some(kept) => fs::rename(kept, path),
                    None => fs::remove_file(path),
                };
            }
            return Err(Error::Write {
                path: path.clone(),
                source: e.error,
            });
        }
        placed.push((path, kept));
    }
    for kept in placed.into_iter().filter_map(|(_, kept)| kept) {
        let _ = fs::remove_file(kept);
    }
    Ok(())
}

/// The error without the name of the hidden temporary file that tempfile
/// adds ("… at path \"out/.argnet-x1Y2.tmp\""): the message names the
/// output the user asked for instead.
fn without_temp_path(error: std::io::Error) -> std::io::Error {
    let code = error
        .get_ref()
        .and_then(|inner| inner.source())
        .and_then(|source| source.downcast_ref::<std::io::Error>())
        .and_then(std::io::Error::raw_os_error)
        .or_else(|| error.raw_os_error());
    match code {
        Some(code) => std::io::Error::from_raw_os_error(code),
        None => std::io::Error::from(error.kind()),
    }
}

/// A hard link to the file at `path`, if there is one to keep.
fn keep_old(path: &Path) -> Option<PathBuf> {
    if !path.is_file() {
        return None;
    }
    let name = path.file_name()?.to_string_lossy();
    let kept = path.with_file_name(format!(".argnet-{name}.{}.old", std::process::id()));
    let _ = fs::remove_file(&kept);
    fs::hard_link(path, &kept).ok().map(|()| kept)
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
    let mut temp = builder
        .tempfile_in(folder)
        .map_err(|e| write_error(without_temp_path(e)))?;
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

    #[test]
    fn a_folder_in_the_way_leaves_the_earlier_files_of_the_set_alone() {
        let dir = tempfile::tempdir().unwrap();
        let json = dir.path().join("g.json");
        let svg = dir.path().join("g.svg");
        fs::write(&json, b"old").unwrap();
        fs::create_dir(&svg).unwrap();
        let err =
            write_files(&[(json.clone(), b"new".to_vec()), (svg, b"<svg/>".to_vec())]).unwrap_err();
        assert!(err.to_string().contains("g.svg"), "{err}");
        assert_eq!(fs::read(&json).unwrap(), b"old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn errors_do_not_name_the_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let error = tempfile::Builder::new()
            .prefix(".argnet-")
            .tempfile_in(dir.path().join("missing"))
            .unwrap_err();
        assert!(error.to_string().contains(".argnet-"), "{error}");
        let plain = without_temp_path(error);
        assert!(!plain.to_string().contains(".argnet-"), "{plain}");
        assert_eq!(plain.kind(), std::io::ErrorKind::NotFound);
    }

    #[test]
    fn replaced_files_leave_no_kept_copies() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        fs::write(&a, b"old").unwrap();
        write_files(&[(a.clone(), b"new".to_vec())]).unwrap();
        assert_eq!(fs::read(&a).unwrap(), b"new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
