//! The settings for staff that a passed registration check confirms: the settings in effect,
//! with the registration's client id, the organisation checked (the administrator's tenant id,
//! so staff sign in to that organisation only) and the cloud, registration type and redirect URI
//! the check judged the registration against. The deployment files are made from these values
//! ([`crate::deploy::Values::Given`]), so nobody types a GUID twice.

use serde::Serialize;
use toml::Value;

use super::RegistrationReport;
use crate::deploy::SavedFiles;
use crate::settings::Settings;
use crate::settings::schema::{SCHEMA, Spec, find};

/// The `[microsoft]` settings the check judged the registration against, written even where
/// they are the defaults: staff get what was checked, whatever a later version's defaults are.
const CHECKED: [&str; 3] = ["cloud", "client_type", "redirect"];

/// A value the files carry, for the message that lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FilledValue {
    /// The setting, `section.key`.
    pub key: String,
    /// Its label, in the app's language.
    pub label: String,
    /// Its value, as shown.
    pub value: String,
}

/// The files saved for staff and the values they carry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StaffFiles {
    /// The folder and the files, each with what it is for.
    #[serde(flatten)]
    pub saved: SavedFiles,
    /// Every value the files set, in the schema's order.
    pub values: Vec<FilledValue>,
}

/// The values the deployment files carry after `report`, a check run with `settings`: `None`
/// unless the check passed.
pub fn staff_values(
    settings: &Settings,
    report: &RegistrationReport,
) -> Option<Vec<(&'static Spec, Value)>> {
    if !report.passed {
        return None;
    }
    let client_id = report.client_id.clone()?;
    let tenant_id = report.tenant_id.clone()?;
    let mut values = settings.set_values();
    let mut pin = |key: &str, value: Value| {
        if let Some(spec) = find("microsoft", key) {
            values.retain(|(s, _)| *s != spec);
            values.push((spec, value));
        }
    };
    pin("client_id", Value::String(client_id));
    pin("tenant", Value::String(tenant_id));
    for key in CHECKED {
        if let Some(v) = find("microsoft", key).and_then(|spec| settings.value_of(spec)) {
            pin(key, v);
        }
    }
    values.sort_by_key(|(s, _)| SCHEMA.iter().position(|t| t == *s));
    Some(values)
}

/// `values` as the message lists them.
pub fn filled(values: &[(&'static Spec, Value)]) -> Vec<FilledValue> {
    values
        .iter()
        .map(|(spec, v)| FilledValue {
            key: spec.dotted(),
            label: spec.label(),
            value: match v {
                Value::String(s) => s.clone(),
                Value::Array(items) => items
                    .iter()
                    .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_owned))
                    .collect::<Vec<_>>()
                    .join(", "),
                other => other.to_string(),
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deploy::{self, Format, Values};
    use crate::registration::{CheckItem, ItemId};

    const CLIENT_ID: &str = "6e1f5a3c-0d4b-4c8e-9a51-2b7c3d9e8f10";
    const TENANT_ID: &str = "5f0a7c4e-1b2d-4c3e-9f10-1234567890ab";

    /// The administrator's settings: any organisation, the registration's id, a timeout.
    fn settings() -> Settings {
        Settings::parse(
            &format!(
                "[microsoft]\ntenant = \"organizations\"\nclient_id = \"{CLIENT_ID}\"\n[timeouts]\nprobe = 2.5"
            ),
            None,
        )
        .unwrap()
    }

    fn report(passed: bool) -> RegistrationReport {
        let items = vec![if passed {
            CheckItem::passed(ItemId::Registration, "found")
        } else {
            CheckItem::failed(
                ItemId::Registration,
                crate::findings::Finding::new(crate::findings::FindingCode::RegistrationNotFound),
            )
        }];
        RegistrationReport {
            client_id: Some(CLIENT_ID.into()),
            tenant_id: Some(TENANT_ID.into()),
            signed_in: Some("admin@example.edu".into()),
            ..RegistrationReport::new(items, Vec::new())
        }
    }

    fn contents(format: Format, values: &[(&'static Spec, Value)]) -> String {
        deploy::file(format, Values::Given(values)).contents
    }

    #[test]
    fn only_a_passed_check_gives_values_for_staff() {
        assert!(staff_values(&settings(), &report(true)).is_some());
        assert_eq!(staff_values(&settings(), &report(false)), None);
        let no_tenant = RegistrationReport {
            tenant_id: None,
            ..report(true)
        };
        assert_eq!(staff_values(&settings(), &no_tenant), None);
    }

    #[test]
    fn the_settings_file_for_staff_holds_the_checked_values_and_lists_every_setting() {
        let values = staff_values(&settings(), &report(true)).unwrap();
        let toml = contents(Format::Toml, &values);
        let staff = Settings::parse(&toml, None).unwrap();
        assert_eq!(staff.microsoft.client_id.as_deref(), Some(CLIENT_ID));
        assert_eq!(
            staff.microsoft.tenant, TENANT_ID,
            "the organisation checked, not \"organizations\""
        );
        assert_eq!(
            staff.timeouts.probe.as_secs_f64(),
            2.5,
            "what else was set stays"
        );
        // What the check judged the registration against is written out, even as defaults.
        let set: Vec<String> = staff.set_values().iter().map(|(s, _)| s.dotted()).collect();
        assert_eq!(
            set,
            [
                "microsoft.cloud",
                "microsoft.tenant",
                "microsoft.client_id",
                "microsoft.client_type",
                "microsoft.redirect",
                "timeouts.probe"
            ]
        );
        for spec in SCHEMA {
            assert!(
                toml.lines()
                    .any(|l| l.starts_with(&format!("{} = ", spec.key))
                        || l.starts_with(&format!("# {} = ", spec.key))),
                "{} is in the file: {toml}",
                spec.dotted()
            );
        }
    }

    #[test]
    fn the_policy_template_lists_every_setting_and_its_boxes_start_with_the_checked_values() {
        let values = staff_values(&settings(), &report(true)).unwrap();
        let adml = contents(Format::Adml, &values);
        let doc = roxmltree::Document::parse(&adml).unwrap();
        let presentations: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("presentation"))
            .filter_map(|n| n.attribute("id"))
            .collect();
        let every: Vec<String> = SCHEMA
            .iter()
            .map(|s| format!("{}_{}", s.section, s.key))
            .collect();
        assert_eq!(presentations, every, "a box for every setting");
        let start = |id: &str| {
            doc.descendants()
                .find(|n| n.has_tag_name("textBox") && n.attribute("refId") == Some(id))
                .and_then(|b| b.descendants().find(|n| n.has_tag_name("defaultValue")))
                .and_then(|d| d.text())
                .map(str::to_owned)
        };
        assert_eq!(start("client_id").as_deref(), Some(CLIENT_ID));
        assert_eq!(start("tenant").as_deref(), Some(TENANT_ID));
        assert_eq!(start("redirect").as_deref(), Some("http://localhost"));
        assert_eq!(start("graph"), None, "what was not set starts empty");
        assert_eq!(
            contents(Format::Admx, &values),
            deploy::file(Format::Admx, Values::Examples).contents,
            "the template itself holds no values"
        );
    }

    #[test]
    fn the_mac_profile_forces_the_checked_values() {
        let values = staff_values(&settings(), &report(true)).unwrap();
        let profile = contents(Format::Mobileconfig, &values);
        let v = plist::Value::from_reader_xml(profile.as_bytes()).unwrap();
        let payload = v.as_dictionary().unwrap()["PayloadContent"]
            .as_array()
            .unwrap()[0]
            .as_dictionary()
            .unwrap();
        let forced = payload["PayloadContent"].as_dictionary().unwrap()
            [crate::platform::paths::BUNDLE_ID]
            .as_dictionary()
            .unwrap()["Forced"]
            .as_array()
            .unwrap()[0]
            .as_dictionary()
            .unwrap()["mcx_preference_settings"]
            .as_dictionary()
            .unwrap();
        let ms = forced["microsoft"].as_dictionary().unwrap();
        assert_eq!(ms["client_id"].as_string(), Some(CLIENT_ID));
        assert_eq!(ms["tenant"].as_string(), Some(TENANT_ID));
        assert_eq!(ms["client_type"].as_string(), Some("public"));
        assert_eq!(
            forced["timeouts"].as_dictionary().unwrap()["probe"].as_real(),
            Some(2.5)
        );
    }

    #[test]
    fn a_web_registration_is_saved_as_confidential() {
        let s = Settings::parse(
            &format!("[microsoft]\nclient_id = \"{CLIENT_ID}\"\nclient_type = \"confidential\"\nredirect = \"http://127.0.0.1/cb\""),
            None,
        )
        .unwrap();
        let values = staff_values(&s, &report(true)).unwrap();
        let staff = Settings::parse(&contents(Format::Toml, &values), None).unwrap();
        assert_eq!(
            staff.microsoft.client_type,
            crate::settings::ClientType::Confidential
        );
        assert_eq!(staff.microsoft.redirect, s.microsoft.redirect);
        let shown = filled(&values);
        assert!(shown.iter().any(|v| v.key == "microsoft.client_type"
            && v.label == "Registration type"
            && v.value == "confidential"));
    }
}
