//! Where settings come from and which wins, key by key.
//!
//! Highest first:
//! 1. the policy IT sets for the computer — Windows: the registry key
//!    `HKLM\SOFTWARE\Policies\mailsetup` (Group Policy, Intune); macOS: the managed preferences
//!    of an MDM profile;
//! 2. IT's settings file for the computer (`%ProgramData%\mailsetup\settings.toml`,
//!    `/Library/Application Support/mailsetup/settings.toml`, and on Linux
//!    `/etc/mailsetup/settings.toml`, which is the managed source there);
//! 3. the user's settings file — or instead the file given with `--config` /
//!    `$MAILSETUP_CONFIG` (tests, scripts). Managed values win over that file too: a user cannot
//!    step around IT by naming another file.
//!
//! Each source that exists gives a TOML table ([`Layer`]); [`merge`] puts them together key by
//! key (a higher source's key replaces a lower one's; empty values count as missing) and
//! remembers where each key came from. The merged table then goes through the one conversion
//! and validation in `raw.rs`, so a value is checked the same wherever it was set.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use toml::{Table, Value};

use super::managed::{prefs, registry};
use super::{Origin, SettingsError};
use crate::platform::{Folders, Os, paths};

/// Where each source is looked for on a computer. [`Locations::for_os`] gives them for any OS
/// (pure, tested on every OS); tests put a temporary folder in place of a machine path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Locations {
    /// Windows: the policy key under `HKEY_LOCAL_MACHINE`.
    pub policy_key: Option<String>,
    /// macOS: the managed preferences file.
    pub managed_preferences: Option<PathBuf>,
    /// IT's settings file for every user of the computer.
    pub machine_file: Option<PathBuf>,
    /// The user's settings file.
    pub user_file: Option<PathBuf>,
}

/// One place settings are read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The Windows policy key under `HKEY_LOCAL_MACHINE`.
    Policy(String),
    /// The macOS managed preferences file.
    ManagedPreferences(PathBuf),
    /// IT's settings file for the computer (skipped when missing).
    MachineFile(PathBuf),
    /// The user's settings file (skipped when missing).
    UserFile(PathBuf),
    /// The file given with `--config` / `$MAILSETUP_CONFIG` (an error when missing).
    ConfigFile(PathBuf),
}

impl Locations {
    /// The locations on `os` with its `folders`.
    pub fn for_os(os: Os, folders: &Folders) -> Locations {
        Locations {
            policy_key: paths::policy_registry_key(os).map(str::to_owned),
            managed_preferences: paths::managed_preferences_file(os),
            machine_file: paths::system_settings_file(os, folders),
            user_file: paths::user_settings_file(os, folders),
        }
    }

    /// The locations on this computer.
    pub fn current() -> Locations {
        Locations::for_os(Os::current(), &Folders::current())
    }

    /// The sources to read, highest first; `config` (from `--config` or `$MAILSETUP_CONFIG`)
    /// takes the user file's place, below what IT manages.
    pub fn sources(&self, config: Option<&Path>) -> Vec<Source> {
        let mut out = Vec::new();
        out.extend(self.policy_key.clone().map(Source::Policy));
        out.extend(
            self.managed_preferences
                .clone()
                .map(Source::ManagedPreferences),
        );
        out.extend(self.machine_file.clone().map(Source::MachineFile));
        match config {
            Some(c) => out.push(Source::ConfigFile(c.to_path_buf())),
            None => out.extend(self.user_file.clone().map(Source::UserFile)),
        }
        out
    }

    /// The folder a policy's relative paths (`tls.extra_ca_file`) are relative to: the machine
    /// settings file's.
    fn policy_base(&self) -> Option<PathBuf> {
        self.machine_file
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
    }

    /// Reads every source that exists, highest first.
    ///
    /// # Errors
    /// A source that exists but cannot be read or is not valid settings, named.
    pub fn read(&self, config: Option<&Path>) -> Result<Vec<Layer>, SettingsError> {
        let mut layers = Vec::new();
        for source in self.sources(config) {
            if let Some(layer) = read_source(&source, self.policy_base().as_deref())? {
                layers.push(layer);
            }
        }
        Ok(layers)
    }
}

/// One source's settings as a table, with where they came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Layer {
    /// Where the whole layer came from (for a policy: the policy key).
    pub origin: Origin,
    /// The settings, sections of keys, as written.
    pub table: Table,
}

impl Layer {
    /// A layer from TOML text, its form checked (syntax, known fields, types; errors name the
    /// line) and a relative `tls.extra_ca_file` made relative to `base_dir`.
    ///
    /// # Errors
    /// [`SettingsError`] naming `origin` and the field.
    pub fn from_text(
        text: &str,
        origin: Origin,
        base_dir: Option<&Path>,
    ) -> Result<Layer, SettingsError> {
        let named = |mut e: SettingsError| {
            e.source = Some(origin.clone());
            e
        };
        super::raw::RawFile::read(text).map_err(named)?;
        let table: Table = toml::from_str(text).map_err(|e| {
            named(SettingsError {
                source: None,
                field: String::new(),
                problem: e.message().to_string(),
            })
        })?;
        Ok(Layer::from_checked(table, origin, base_dir))
    }

    /// A layer from a table read from a policy, its form checked.
    ///
    /// # Errors
    /// [`SettingsError`] naming the policy and the field.
    pub fn from_table(
        table: Table,
        origin: Origin,
        base_dir: Option<&Path>,
    ) -> Result<Layer, SettingsError> {
        let layer = Layer { origin, table };
        super::raw::RawFile::from_table(layer.table.clone()).map_err(|mut e| {
            e.source = Some(layer.origin_of(&e.field));
            e
        })?;
        Ok(Layer::from_checked(layer.table, layer.origin, base_dir))
    }

    fn from_checked(mut table: Table, origin: Origin, base_dir: Option<&Path>) -> Layer {
        if let (Some(base), Some(Value::Table(tls))) = (base_dir, table.get_mut("tls"))
            && let Some(Value::String(f)) = tls.get_mut("extra_ca_file")
            && !f.trim().is_empty()
            && Path::new(f.trim()).is_relative()
        {
            *f = base.join(f.trim()).display().to_string();
        }
        Layer { origin, table }
    }

    /// Where the value at `field` (dotted) came from: a policy names the section's subkey.
    fn origin_of(&self, field: &str) -> Origin {
        match &self.origin {
            Origin::Policy(root) => match field.split(['.', '[']).next() {
                Some(section) if !section.is_empty() => {
                    Origin::Policy(format!(r"{root}\{section}"))
                }
                _ => self.origin.clone(),
            },
            o => o.clone(),
        }
    }
}

/// Reads one source; `None` when it is not there (a missing `--config` file is an error).
fn read_source(
    source: &Source,
    policy_base: Option<&Path>,
) -> Result<Option<Layer>, SettingsError> {
    match source {
        Source::Policy(key) => {
            let root = registry::root_label(key);
            let Some(keys) = read_policy(key)? else {
                return Ok(None);
            };
            let table = registry::to_table(&root, keys)?;
            Layer::from_table(table, Origin::Policy(root), policy_base).map(Some)
        }
        Source::ManagedPreferences(path) => {
            let Some(table) = prefs::read(path)? else {
                return Ok(None);
            };
            let origin = Origin::ManagedPreferences(path.display().to_string());
            Layer::from_table(table, origin, policy_base).map(Some)
        }
        Source::MachineFile(p) => read_file(p, Origin::MachineFile(shown(p)), false),
        Source::UserFile(p) => read_file(p, Origin::UserFile(shown(p)), false),
        Source::ConfigFile(p) => read_file(p, Origin::ConfigFile(shown(p)), true),
    }
}

#[cfg(windows)]
fn read_policy(key: &str) -> Result<Option<Vec<registry::RegKey>>, SettingsError> {
    registry::read(key)
}

#[cfg(not(windows))]
fn read_policy(_key: &str) -> Result<Option<Vec<registry::RegKey>>, SettingsError> {
    Ok(None)
}

fn shown(p: &Path) -> String {
    p.display().to_string()
}

fn read_file(path: &Path, origin: Origin, required: bool) -> Result<Option<Layer>, SettingsError> {
    if !required && !path.is_file() {
        return Ok(None);
    }
    // At most one byte over the cap is read: a device or a huge file named by mistake is
    // refused by the size check, not read whole.
    let text = super::read_capped(path).map_err(|e| SettingsError {
        source: Some(origin.clone()),
        field: String::new(),
        problem: format!("cannot read the file ({e})"),
    })?;
    super::check_size(&text).map_err(|mut e| {
        e.source = Some(origin.clone());
        e
    })?;
    Layer::from_text(&text, origin, path.parent()).map(Some)
}

/// A key a higher source sets makes a lower source's value of another key meaningless: cloud
/// and authority are one choice (`raw/convert.rs`, `cloud_and_authority`), so a managed
/// `microsoft.cloud` drops a user's `microsoft.authority` and a managed authority a user's
/// cloud — the user cannot step around IT's choice, nor make it fail as two clouds.
const FOLLOWS: &[(&str, &str)] = &[
    ("microsoft.cloud", "microsoft.authority"),
    ("microsoft.authority", "microsoft.cloud"),
];

/// The layers (highest first) merged key by key, and where each key's value came from.
pub fn merge(layers: &[Layer]) -> (Table, BTreeMap<String, Origin>) {
    let mut merged = Table::new();
    // Per key: its origin and the rank of its layer (0 = highest).
    let mut from: BTreeMap<String, (usize, Origin)> = BTreeMap::new();
    for (rank, layer) in layers.iter().enumerate().rev() {
        for (section, values) in &layer.table {
            let Value::Table(values) = values else {
                continue;
            };
            let into = merged
                .entry(section.clone())
                .or_insert_with(|| Value::Table(Table::new()));
            let Value::Table(into) = into else { continue };
            for (key, value) in values {
                if is_empty(value) {
                    continue;
                }
                let dotted = format!("{section}.{key}");
                into.insert(key.clone(), value.clone());
                from.insert(dotted.clone(), (rank, layer.origin_of(&dotted)));
            }
        }
    }
    for (leader, follower) in FOLLOWS {
        if let (Some((lead, _)), Some((follow, _))) = (from.get(*leader), from.get(*follower))
            && lead < follow
        {
            let (section, key) = follower.split_once('.').unwrap_or_default();
            if let Some(Value::Table(t)) = merged.get_mut(section) {
                t.remove(key);
            }
            from.remove(*follower);
        }
    }
    (merged, from.into_iter().map(|(k, (_, o))| (k, o)).collect())
}

/// Empty text and empty lists count as missing.
fn is_empty(v: &Value) -> bool {
    match v {
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}
