//! Saving the deployment files into a folder an administrator finds again: by default a new
//! folder named after the day under their Documents folder ("Mail Setup deployment files
//! 2026-05-12"), never one that already exists, so files saved before are not overwritten. What
//! was saved comes back as [`SavedFiles`]: the folder, and each file with what it is for.
//! A folder that cannot be written is said in plain words (`DEPLOYMENT_FILES_NOT_SAVED`).

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{DeploymentFile, Format};
use crate::findings::{Finding, FindingCode, Param};

/// The start of a new folder's name; the date follows.
pub const FOLDER_NAME: &str = "Mail Setup deployment files";

/// How many folders of the same day are tried (`… (2)` to `… (99)`) before giving up.
const SAME_DAY: u32 = 99;

/// One file saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedFile {
    /// Its format.
    pub format: Format,
    /// Its name in the folder, e.g. `en-US/mailsetup.adml`.
    pub name: &'static str,
    /// Its full path.
    pub path: String,
    /// What it is for and where it goes ([`Format::purpose`]).
    pub purpose: String,
}

/// The files saved, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedFiles {
    /// The folder they are in.
    pub folder: String,
    /// Each file, in the order of [`Format::ALL`].
    pub files: Vec<SavedFile>,
}

/// Where a new folder of files goes by default: the Documents folder, else Downloads, else the
/// home folder.
pub fn default_parent() -> PathBuf {
    dirs::document_dir()
        .or_else(dirs::download_dir)
        .or_else(dirs::home_dir)
        .unwrap_or_else(std::env::temp_dir)
}

/// The date of `epoch_secs` in `zone`, as a folder name carries it: `2026-05-12`.
pub fn folder_date(epoch_secs: u64, zone: &jiff::tz::TimeZone) -> String {
    i64::try_from(epoch_secs)
        .ok()
        .and_then(|s| jiff::Timestamp::from_second(s).ok())
        .map(|t| t.to_zoned(zone.clone()).strftime("%Y-%m-%d").to_string())
        .unwrap_or_else(|| epoch_secs.to_string())
}

/// Makes a new folder `"<FOLDER_NAME> <date>"` in `parent` (made as needed), or `… (2)`, `… (3)`
/// when that one exists; returns it.
///
/// # Errors
/// `DEPLOYMENT_FILES_NOT_SAVED`, saying why in plain words.
pub fn new_folder(parent: &Path, date: &str) -> Result<PathBuf, Finding> {
    std::fs::create_dir_all(parent).map_err(|e| not_saved(parent, &e))?;
    for n in 1..=SAME_DAY {
        let name = match n {
            1 => format!("{FOLDER_NAME} {date}"),
            n => format!("{FOLDER_NAME} {date} ({n})"),
        };
        let dir = parent.join(name);
        match std::fs::create_dir(&dir) {
            Ok(()) => return Ok(dir),
            Err(e) if e.kind() == ErrorKind::AlreadyExists => {}
            Err(e) => return Err(not_saved(&dir, &e)),
        }
    }
    Err(Finding::new(FindingCode::DeploymentFilesNotSaved).with(
        Param::Problem,
        crate::l10n::tr_with(
            "detail-deploy-too-many-folders",
            &[
                ("folder", parent.display().to_string().into()),
                ("count", SAME_DAY.into()),
            ],
        ),
    ))
}

/// Writes `files` into the folder `dir` (made as needed).
///
/// # Errors
/// `DEPLOYMENT_FILES_NOT_SAVED`, naming the file or folder and why in plain words.
pub fn save_all(files: &[DeploymentFile], dir: &Path) -> Result<SavedFiles, Finding> {
    std::fs::create_dir_all(dir).map_err(|e| not_saved(dir, &e))?;
    let mut saved = Vec::with_capacity(files.len());
    for f in files {
        let path = f.save_in(dir)?;
        saved.push(SavedFile {
            format: f.format,
            name: f.path,
            path: path.display().to_string(),
            purpose: f.format.purpose(),
        });
    }
    Ok(SavedFiles {
        folder: dir.display().to_string(),
        files: saved,
    })
}

/// The finding for `path` that could not be written.
pub(super) fn not_saved(path: &Path, e: &std::io::Error) -> Finding {
    let tr = crate::l10n::tr;
    let why = match e.kind() {
        ErrorKind::PermissionDenied => tr("detail-deploy-not-allowed"),
        ErrorKind::ReadOnlyFilesystem => tr("detail-deploy-read-only"),
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => tr("detail-deploy-disk-full"),
        ErrorKind::NotFound => tr("detail-deploy-no-folder"),
        // Windows says "already exists" (ERROR_ALREADY_EXISTS) where Unix says "not a
        // directory" when a file stands where a folder of the path should be (test
        // `a_folder_in_the_way_of_a_file_is_said_in_plain_words`, run under Wine too).
        ErrorKind::NotADirectory | ErrorKind::AlreadyExists => tr("detail-deploy-file-in-the-way"),
        _ => crate::l10n::tr_with(
            "detail-deploy-system-said",
            &[("error", e.to_string().into())],
        ),
    };
    Finding::new(FindingCode::DeploymentFilesNotSaved).with(
        Param::Problem,
        crate::l10n::tr_with(
            "detail-deploy-not-written",
            &[
                ("path", path.display().to_string().into()),
                ("why", why.into()),
            ],
        ),
    )
}
