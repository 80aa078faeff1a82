//! macOS: the managed preferences an MDM profile installs for the app's preference domain
//! (`/Library/Managed Preferences/org.mailsetup.assistant.plist`): a dictionary per settings
//! section, as in the `.mobileconfig` sample ([`crate::deploy`]), turned into a settings table.
//!
//! [`to_table`] is a pure function of the property list, tested on every OS; [`read`] reads the
//! file with the `plist` crate (binary or XML).

use std::path::Path;

use plist::Value as Plist;
use toml::{Table, Value};

use crate::settings::{Origin, SettingsError};

/// The settings table the property list gives. Apple's own profile keys (`PayloadUUID`, …:
/// <https://developer.apple.com/documentation/devicemanagement/commonpayloadkeys>) are not
/// settings and are left out; an unknown section or key stays, for the settings check to
/// refuse with its name. `origin` names the file in errors.
///
/// # Errors
/// A value no setting can take (a date, data, a nested dictionary), naming the key.
pub fn to_table(origin: &Origin, plist: Plist) -> Result<Table, SettingsError> {
    let error = |field: String, problem: &str| SettingsError {
        source: Some(origin.clone()),
        field,
        problem: problem.into(),
    };
    let Plist::Dictionary(top) = plist else {
        return Err(error(
            String::new(),
            "is not a dictionary of settings sections",
        ));
    };
    let mut table = Table::new();
    for (section, value) in top {
        if section.starts_with("Payload") {
            continue;
        }
        let Plist::Dictionary(values) = value else {
            return Err(error(section, "must be a dictionary of settings"));
        };
        let mut out = Table::new();
        for (key, v) in values {
            let field = format!("{section}.{key}");
            let v = toml_value(v).map_err(|p| error(field, p))?;
            out.insert(key, v);
        }
        table.insert(section, Value::Table(out));
    }
    Ok(table)
}

fn toml_value(v: Plist) -> Result<Value, &'static str> {
    Ok(match v {
        Plist::String(s) => Value::String(s),
        Plist::Boolean(b) => Value::Boolean(b),
        Plist::Real(r) => Value::Float(r),
        Plist::Integer(i) => Value::Integer(i.as_signed().ok_or("is too large a number")?),
        Plist::Array(items) => Value::Array(
            items
                .into_iter()
                .map(|i| match i {
                    Plist::String(s) => Ok(Value::String(s)),
                    _ => Err("must be a list of strings"),
                })
                .collect::<Result<_, _>>()?,
        ),
        _ => return Err("must be a string, a number or a list of strings"),
    })
}

/// Reads the managed preferences file: `None` when there is none (no profile sets them).
///
/// # Errors
/// The file exists but is not a property list of settings.
pub fn read(path: &Path) -> Result<Option<Table>, SettingsError> {
    if !path.is_file() {
        return Ok(None);
    }
    let origin = Origin::ManagedPreferences(path.display().to_string());
    let plist = Plist::from_file(path).map_err(|e| SettingsError {
        source: Some(origin.clone()),
        field: String::new(),
        problem: format!("cannot read the property list ({e})"),
    })?;
    to_table(&origin, plist).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin() -> Origin {
        Origin::ManagedPreferences(
            "/Library/Managed Preferences/org.mailsetup.assistant.plist".into(),
        )
    }

    /// The file as macOS writes it for a profile with the `.mobileconfig` sample's payload.
    const XML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>PayloadUUID</key><string>0E1B2C3D-0000-4000-8000-000000000000</string>
  <key>microsoft</key>
  <dict>
    <key>client_id</key><string>11111111-2222-3333-4444-555555555555</string>
    <key>admin_accounts</key><array><string>admin@contoso.com</string></array>
    <key>start_page_seconds</key><integer>3</integer>
  </dict>
  <key>timeouts</key>
  <dict><key>probe</key><real>2.5</real></dict>
</dict>
</plist>"#;

    #[test]
    fn sections_are_dictionaries_and_payload_keys_are_left_out() {
        let plist = Plist::from_reader_xml(XML.as_bytes()).unwrap();
        let t = to_table(&origin(), plist).unwrap();
        let expected: Table = toml::from_str(
            r#"
            [microsoft]
            client_id = "11111111-2222-3333-4444-555555555555"
            admin_accounts = ["admin@contoso.com"]
            start_page_seconds = 3
            [timeouts]
            probe = 2.5
            "#,
        )
        .unwrap();
        assert_eq!(t, expected);
    }

    #[test]
    fn a_value_no_setting_takes_is_named_with_the_file() {
        let mut section = plist::Dictionary::new();
        section.insert("client_id".into(), Plist::Data(vec![1, 2]));
        let mut top = plist::Dictionary::new();
        top.insert("microsoft".into(), Plist::Dictionary(section));
        let e = to_table(&origin(), Plist::Dictionary(top)).unwrap_err();
        assert_eq!(e.field, "microsoft.client_id");
        assert_eq!(e.source, Some(origin()));
        let e = to_table(&origin(), Plist::String("x".into())).unwrap_err();
        assert!(e.problem.contains("dictionary"), "{}", e.problem);
    }

    #[test]
    fn a_file_is_read_binary_or_xml_and_a_missing_one_is_no_layer() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("org.mailsetup.assistant.plist");
        assert_eq!(read(&path).unwrap(), None);
        let plist = Plist::from_reader_xml(XML.as_bytes()).unwrap();
        plist.to_file_binary(&path).unwrap();
        let t = read(&path).unwrap().unwrap();
        assert_eq!(t["microsoft"]["start_page_seconds"].as_integer(), Some(3));
        std::fs::write(&path, "not a plist").unwrap();
        let e = read(&path).unwrap_err();
        assert!(e.problem.contains("property list"), "{}", e.problem);
    }
}
