//! Where a setting's value came from: a policy IT manages, a settings file, or the built-in
//! default — in words for `admin show` and the administrator page, and naming the place in a
//! [`super::SettingsError`].

use serde::Serialize;

/// The source of one value (or of a whole layer of settings). JSON:
/// `{"kind": "policy", "place": "HKLM\\SOFTWARE\\Policies\\mailsetup\\microsoft"}`,
/// `{"kind": "default"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "place", rename_all = "camelCase")]
pub enum Origin {
    /// Windows: the policy registry key IT sets with Group Policy or Intune (the section's
    /// subkey, e.g. `HKLM\SOFTWARE\Policies\mailsetup\microsoft`).
    Policy(String),
    /// macOS: the managed preferences an MDM profile installs
    /// (`/Library/Managed Preferences/<bundle id>.plist`).
    ManagedPreferences(String),
    /// The settings file IT deploys for every user of the computer.
    MachineFile(String),
    /// The user's own settings file.
    UserFile(String),
    /// The file given with `--config` or `$MAILSETUP_CONFIG` (in place of the user's file).
    ConfigFile(String),
    /// Settings given as text (tests, embedding), not read from any place.
    Text,
    /// Not set anywhere: the built-in default.
    Default,
}

impl Origin {
    /// The registry key, file path or nothing.
    pub fn place(&self) -> Option<&str> {
        match self {
            Origin::Policy(p)
            | Origin::ManagedPreferences(p)
            | Origin::MachineFile(p)
            | Origin::UserFile(p)
            | Origin::ConfigFile(p) => Some(p),
            Origin::Text | Origin::Default => None,
        }
    }

    /// Whether IT manages it for the computer: a value from here wins over the user's file
    /// (and over `--config`), so only IT can change it.
    pub fn it_managed(&self) -> bool {
        matches!(
            self,
            Origin::Policy(_) | Origin::ManagedPreferences(_) | Origin::MachineFile(_)
        )
    }

    /// Where the value came from, in plain words, e.g. `IT policy for this computer (Group
    /// Policy or Intune), HKLM\SOFTWARE\Policies\mailsetup\microsoft`.
    /// In the app's language (`origin-*` in `settings.ftl`).
    pub fn describe(&self) -> String {
        let (id, place) = match self {
            Origin::Policy(p) => ("origin-policy", p),
            Origin::ManagedPreferences(p) => ("origin-managed-preferences", p),
            Origin::MachineFile(p) => ("origin-machine-file", p),
            Origin::UserFile(p) => ("origin-user-file", p),
            Origin::ConfigFile(p) => ("origin-config-file", p),
            Origin::Text => return crate::l10n::tr("origin-text"),
            Origin::Default => return crate::l10n::tr("origin-default"),
        };
        crate::l10n::tr_with(id, &[("place", place.clone().into())])
    }
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe())
    }
}

/// One setting as it is in effect, for `admin show` and the administrator page: which
/// setting, its value, and where that value came from. No secret is a setting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SettingValue {
    /// Dotted name, e.g. `microsoft.client_id`.
    pub key: String,
    /// The setting's label in the app's language, e.g. `Application (client) ID`.
    pub label: String,
    /// The value in effect as written in a settings file (lists joined with `, `), `None`
    /// when not set and without a default.
    pub value: Option<String>,
    /// Where it came from.
    pub origin: Origin,
    /// [`Origin::describe`].
    pub from: String,
    /// [`Origin::it_managed`]: only IT can change it.
    pub it_managed: bool,
}
