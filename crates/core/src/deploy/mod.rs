//! The deployment files IT uses to set the app's settings on every computer, all made from the
//! one settings schema ([`crate::settings::schema`]):
//!
//! | format | file | for |
//! |---|---|---|
//! | [`Format::Admx`] | `mailsetup.admx` | Windows Group Policy / Intune: the policy template (registry key `HKLM\SOFTWARE\Policies\mailsetup`) |
//! | [`Format::Adml`] | `en-US/mailsetup.adml` | its English words and input boxes |
//! | [`Format::Mobileconfig`] | `mailsetup.mobileconfig` | macOS: a configuration profile with managed preferences for the app |
//! | [`Format::Toml`] | `settings.toml` | IT's settings file for the computer (`/etc/mailsetup/settings.toml`, …) |
//!
//! Each is made either from the schema's examples ([`Values::Examples`]: the samples committed
//! under `deploy/`), from the settings in effect ([`Values::Of`]: `admin export`), or from
//! given values ([`Values::Given`]: "save for staff" after a passed registration check, so
//! nobody types an ID twice). A template cannot hold values: from settings, the ADML's input
//! boxes start with them. [`save_all`] writes them into a folder ([`new_folder`]: a new one
//! under the administrator's Documents) and says what each file is for.

mod admx;
mod folder;
mod mobileconfig;
mod sample;

pub use folder::{SavedFile, SavedFiles, default_parent, folder_date, new_folder, save_all};

use std::path::{Path, PathBuf};

use toml::Value;

use crate::findings::Finding;
use crate::settings::Settings;
use crate::settings::schema::{SCHEMA, Spec};

/// A kind of deployment file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// The Group Policy template.
    Admx,
    /// The template's English (en-US) resources.
    Adml,
    /// The macOS configuration profile.
    Mobileconfig,
    /// The settings file.
    Toml,
}

impl Format {
    /// Every format, in the order the files are written.
    pub const ALL: [Format; 4] = [
        Format::Admx,
        Format::Adml,
        Format::Mobileconfig,
        Format::Toml,
    ];

    /// `admx`, `adml`, `mobileconfig` or `toml`.
    pub fn parse(name: &str) -> Option<Format> {
        Format::ALL
            .into_iter()
            .find(|f| f.name() == name.to_ascii_lowercase())
    }

    /// The format's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Admx => "admx",
            Format::Adml => "adml",
            Format::Mobileconfig => "mobileconfig",
            Format::Toml => "toml",
        }
    }

    /// The file's path in a deployment folder (`/`-separated).
    pub fn path(self) -> &'static str {
        match self {
            Format::Admx => "mailsetup.admx",
            Format::Adml => "en-US/mailsetup.adml",
            Format::Mobileconfig => "mailsetup.mobileconfig",
            Format::Toml => "settings.toml",
        }
    }

    /// What the file is for and where it goes, in plain words for the administrator, in the
    /// app's language (`deploy-purpose-*` in `settings.ftl`).
    pub fn purpose(self) -> String {
        crate::l10n::tr(&format!("deploy-purpose-{}", self.name()))
    }
}

/// Which values the files carry.
#[derive(Debug, Clone, Copy)]
pub enum Values<'a> {
    /// The schema's example of every setting.
    Examples,
    /// The values these settings set (not the defaults).
    Of(&'a Settings),
    /// These values; the other settings are not set.
    Given(&'a [(&'static Spec, Value)]),
}

impl Values<'_> {
    /// Every setting with its value, if these values give one.
    fn each(&self) -> Vec<(&'static Spec, Option<Value>)> {
        match self {
            Values::Examples => SCHEMA
                .iter()
                .map(|s| (s, Some(s.example_value())))
                .collect(),
            Values::Of(settings) => Values::Given(&settings.set_values()).each(),
            Values::Given(set) => SCHEMA
                .iter()
                .map(|s| (s, set.iter().find(|(t, _)| *t == s).map(|(_, v)| v.clone())))
                .collect(),
        }
    }
}

/// One deployment file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DeploymentFile {
    /// Its format.
    pub format: Format,
    /// Its path in a deployment folder, e.g. `en-US/mailsetup.adml`.
    pub path: &'static str,
    /// Its contents.
    pub contents: String,
}

/// The file of `format` with `values`. The ADML made from the examples leaves its boxes
/// empty. The files' words are English whatever the app's language: the ADML is the template's
/// `en-US` resources, and the others are read by IT's tools and shared between administrators.
pub fn file(format: Format, values: Values<'_>) -> DeploymentFile {
    crate::l10n::with(crate::l10n::Language::English, || {
        english_file(format, values)
    })
}

fn english_file(format: Format, values: Values<'_>) -> DeploymentFile {
    let each = values.each();
    let examples = matches!(values, Values::Examples);
    let contents = match format {
        Format::Admx => admx::admx(),
        // The template's boxes start empty: an example ID must never be deployed by accident.
        Format::Adml if examples => {
            admx::adml(&each.iter().map(|(s, _)| (*s, None)).collect::<Vec<_>>())
        }
        Format::Adml => admx::adml(&each),
        Format::Mobileconfig => mobileconfig::profile(&each),
        Format::Toml => sample::toml(&each, examples),
    };
    DeploymentFile {
        format,
        path: format.path(),
        contents,
    }
}

/// Every deployment file with `values`.
pub fn files(values: Values<'_>) -> Vec<DeploymentFile> {
    Format::ALL.into_iter().map(|f| file(f, values)).collect()
}

impl DeploymentFile {
    /// Writes the file into the folder `dir` at its [`DeploymentFile::path`] (making the
    /// `en-US` folder as needed); returns where.
    ///
    /// # Errors
    /// `DEPLOYMENT_FILES_NOT_SAVED`, naming the file and why.
    pub fn save_in(&self, dir: &Path) -> Result<PathBuf, Finding> {
        let path = self
            .path
            .split('/')
            .fold(dir.to_path_buf(), |p, part| p.join(part));
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, &self.contents));
        written
            .map(|()| path.clone())
            .map_err(|e| folder::not_saved(&path, &e))
    }
}

#[cfg(test)]
mod tests;
