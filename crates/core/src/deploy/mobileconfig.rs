//! The macOS configuration profile: a `com.apple.ManagedClient.preferences` payload that
//! forces the app's settings for its preference domain (the bundle id), which macOS keeps in
//! `/Library/Managed Preferences/org.mailsetup.assistant.plist` for a device profile
//! (<https://developer.apple.com/documentation/devicemanagement/managedpreferences>; the
//! profile keys: <https://developer.apple.com/documentation/devicemanagement/toplevel>).
//! Written with the `plist` crate; the settings are one dictionary per section, as the managed
//! preferences source reads them (`settings/managed/prefs.rs`).

use plist::{Dictionary, Value as Plist};
use toml::Value;

use crate::platform::paths::BUNDLE_ID;
use crate::settings::schema::{SECTIONS, Spec};

/// A stable UUID for a payload identifier: the same file every time it is made, so a profile
/// installed again replaces the one before.
fn uuid_for(identifier: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(identifier.as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    uuid::Builder::from_custom_bytes(bytes)
        .into_uuid()
        .hyphenated()
        .to_string()
        .to_uppercase()
}

/// The profile with `values` (settings without a value are left out).
pub(super) fn profile(values: &[(&Spec, Option<Value>)]) -> String {
    let mut settings = Dictionary::new();
    for section in SECTIONS {
        let mut dict = Dictionary::new();
        for (spec, value) in values.iter().filter(|(s, _)| s.section == *section) {
            if let Some(v) = value {
                dict.insert(spec.key.into(), plist_value(v));
            }
        }
        if !dict.is_empty() {
            settings.insert((*section).into(), Plist::Dictionary(dict));
        }
    }
    let mut forced = Dictionary::new();
    forced.insert(
        "mcx_preference_settings".into(),
        Plist::Dictionary(settings),
    );
    let mut domain = Dictionary::new();
    domain.insert(
        "Forced".into(),
        Plist::Array(vec![Plist::Dictionary(forced)]),
    );
    let mut content = Dictionary::new();
    content.insert(BUNDLE_ID.into(), Plist::Dictionary(domain));

    let payload_id = format!("{BUNDLE_ID}.settings");
    let mut payload = payload_keys(
        &payload_id,
        "com.apple.ManagedClient.preferences",
        "Mail Setup Assistant settings",
    );
    payload.insert("PayloadContent".into(), Plist::Dictionary(content));

    let profile_id = format!("{BUNDLE_ID}.profile");
    let mut profile = payload_keys(&profile_id, "Configuration", "Mail Setup Assistant");
    profile.insert(
        "PayloadDescription".into(),
        Plist::String("Settings of Mail Setup Assistant for every user of this Mac, set by IT. They win over a user's own settings file.".into()),
    );
    profile.insert("PayloadScope".into(), Plist::String("System".into()));
    profile.insert(
        "PayloadContent".into(),
        Plist::Array(vec![Plist::Dictionary(payload)]),
    );

    let mut out = Vec::new();
    let options = plist::XmlWriteOptions::default().indent(b' ', 2);
    // Cannot fail: writing into memory.
    Plist::Dictionary(profile)
        .to_writer_xml_with_options(&mut out, &options)
        .expect("a property list written to memory");
    let mut text = String::from_utf8_lossy(&out).into_owned();
    text.push('\n');
    text
}

/// The keys every payload has: identifier, type, UUID, version and name.
fn payload_keys(identifier: &str, ty: &str, name: &str) -> Dictionary {
    let mut d = Dictionary::new();
    d.insert("PayloadDisplayName".into(), Plist::String(name.into()));
    d.insert("PayloadIdentifier".into(), Plist::String(identifier.into()));
    d.insert("PayloadType".into(), Plist::String(ty.into()));
    d.insert("PayloadUUID".into(), Plist::String(uuid_for(identifier)));
    d.insert("PayloadVersion".into(), Plist::Integer(1.into()));
    d
}

fn plist_value(v: &Value) -> Plist {
    match v {
        Value::String(s) => Plist::String(s.clone()),
        Value::Integer(i) => Plist::Integer((*i).into()),
        Value::Float(f) => Plist::Real(*f),
        Value::Boolean(b) => Plist::Boolean(*b),
        Value::Array(items) => Plist::Array(items.iter().map(plist_value).collect()),
        other => Plist::String(other.to_string()),
    }
}
