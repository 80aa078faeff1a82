//! The Group Policy template (ADMX) and its English resources (ADML): one computer policy per
//! setting, one category per section, each writing the value the policy registry source reads
//! (`settings/managed/registry.rs`) below `HKLM\SOFTWARE\Policies\mailsetup\<section>`.
//!
//! The elements follow Microsoft's ADMX schema
//! (<https://learn.microsoft.com/previous-versions/windows/desktop/policy/admx-schema>): `text`
//! writes REG_SZ (also for seconds, which may have decimals), `decimal` REG_DWORD, `enum` the
//! chosen word as REG_SZ, `multiText` REG_MULTI_SZ; the ADML's `presentation` gives each its
//! input box (`textBox`, `decimalTextBox`, `dropdownList`, `multiTextBox`).

use std::fmt::Write as _;

use toml::Value;

use crate::html::escape;
use crate::platform::paths::POLICY_KEY;
use crate::settings::schema::{Kind, SCHEMA, SECTIONS, Spec, section_title};

const NAMESPACE: &str = "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions";
const XSI: &str = r#"xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance""#;

/// The policy's name (and string and presentation id), e.g. `microsoft_client_id`.
fn policy(spec: &Spec) -> String {
    format!("{}_{}", spec.section, spec.key)
}

/// The ADMX template.
pub(super) fn admx() -> String {
    let mut x = format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<!-- Mail Setup Assistant: Group Policy template. Made by `mailsetup admin export`; do not edit. -->
<policyDefinitions {XSI} revision="1.0" schemaVersion="1.0" xmlns="{NAMESPACE}">
  <policyNamespaces>
    <target prefix="mailsetup" namespace="MailSetup.Policies.MailSetupAssistant" />
  </policyNamespaces>
  <resources minRequiredRevision="1.0" />
  <supportedOn>
    <definitions>
      <definition name="SUPPORTED_MailSetup" displayName="$(string.SUPPORTED_MailSetup)" />
    </definitions>
  </supportedOn>
  <categories>
    <category name="MailSetup" displayName="$(string.MailSetup)" />
"#
    );
    for section in SECTIONS {
        let _ = writeln!(
            x,
            r#"    <category name="MailSetup_{section}" displayName="$(string.Cat_{section})"><parentCategory ref="MailSetup" /></category>"#
        );
    }
    x.push_str("  </categories>\n  <policies>\n");
    for spec in SCHEMA {
        let name = policy(spec);
        let _ = write!(
            x,
            r#"    <policy name="{name}" class="Machine" displayName="$(string.{name})" explainText="$(string.{name}_Help)" presentation="$(presentation.{name})" key="{POLICY_KEY}\{section}">
      <parentCategory ref="MailSetup_{section}" />
      <supportedOn ref="SUPPORTED_MailSetup" />
      <elements>
        {element}
      </elements>
    </policy>
"#,
            section = spec.section,
            element = element(spec),
        );
    }
    x.push_str("  </policies>\n</policyDefinitions>\n");
    x
}

/// The element that writes the setting's registry value.
fn element(spec: &Spec) -> String {
    let (id, name) = (spec.key, policy(spec));
    match spec.kind {
        Kind::Text | Kind::Seconds => format!(r#"<text id="{id}" valueName="{id}" />"#),
        Kind::Integer { min, max } => {
            format!(r#"<decimal id="{id}" valueName="{id}" minValue="{min}" maxValue="{max}" />"#)
        }
        Kind::TextList => format!(r#"<multiText id="{id}" valueName="{id}" />"#),
        Kind::Choice(items) => {
            let mut e = format!(r#"<enum id="{id}" valueName="{id}">"#);
            for item in items {
                let _ = write!(
                    e,
                    r#"<item displayName="$(string.{name}_{item})"><value><string>{item}</string></value></item>"#
                );
            }
            e.push_str("</enum>");
            e
        }
    }
}

/// The ADML resources: the words, and each policy's input box, filled with `values` where
/// given.
pub(super) fn adml(values: &[(&Spec, Option<Value>)]) -> String {
    let mut strings = String::new();
    let mut string = |id: &str, text: &str| {
        let _ = writeln!(
            strings,
            r#"      <string id="{id}">{}</string>"#,
            escape(text)
        );
    };
    string("MailSetup", "Mail Setup Assistant");
    string("SUPPORTED_MailSetup", "Mail Setup Assistant 0.1 and later");
    for section in SECTIONS {
        string(&format!("Cat_{section}"), &section_title(section));
    }
    let mut presentations = String::new();
    for (spec, value) in values {
        let name = policy(spec);
        string(&name, &spec.label());
        string(&format!("{name}_Help"), &explain(spec));
        if let Kind::Choice(items) = spec.kind {
            for item in items {
                string(&format!("{name}_{item}"), item);
            }
        }
        let _ = writeln!(
            presentations,
            r#"      <presentation id="{name}">{}</presentation>"#,
            input_box(spec, value.as_ref())
        );
    }
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<!-- Mail Setup Assistant: Group Policy template, English. Made by `mailsetup admin export`; do not edit. -->
<policyDefinitionResources {XSI} revision="1.0" schemaVersion="1.0" xmlns="{NAMESPACE}">
  <displayName>Mail Setup Assistant</displayName>
  <description>Settings of Mail Setup Assistant for every user of the computer. A setting set here wins over the user's own settings file.</description>
  <resources>
    <stringTable>
{strings}    </stringTable>
    <presentationTable>
{presentations}    </presentationTable>
  </resources>
</policyDefinitionResources>
"#
    )
}

/// The policy's explanation: what it does, where it is stored, an example.
fn explain(spec: &Spec) -> String {
    let ty = match spec.kind {
        Kind::Integer { .. } => "REG_DWORD",
        Kind::TextList => "REG_MULTI_SZ",
        _ => "REG_SZ",
    };
    let example = match spec.example_value() {
        Value::String(s) => s,
        Value::Array(a) => a
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(", "),
        v => v.to_string(),
    };
    format!(
        "{}\n\nExample: {example}\n\nWhen this policy is enabled, its value wins over the user's settings file. Registry: HKLM\\{POLICY_KEY}\\{}, value {} ({ty}).",
        spec.description(),
        spec.section,
        spec.key
    )
}

/// The input box, starting with `value` when given.
fn input_box(spec: &Spec, value: Option<&Value>) -> String {
    let (id, label) = (spec.key, escape(&spec.label()));
    let text = value.map(|v| match v {
        Value::String(s) => s.clone(),
        v => v.to_string(),
    });
    match spec.kind {
        Kind::Text | Kind::Seconds => match text {
            Some(t) => format!(
                r#"<textBox refId="{id}"><label>{label}</label><defaultValue>{}</defaultValue></textBox>"#,
                escape(&t)
            ),
            None => format!(r#"<textBox refId="{id}"><label>{label}</label></textBox>"#),
        },
        Kind::Integer { .. } => {
            let n = value
                .and_then(Value::as_integer)
                .or_else(|| spec.example_value().as_integer())
                .unwrap_or(0);
            format!(r#"<decimalTextBox refId="{id}" defaultValue="{n}">{label}</decimalTextBox>"#)
        }
        // A multi-line box has no starting value in the ADML schema.
        Kind::TextList => format!(r#"<multiTextBox refId="{id}">{label}</multiTextBox>"#),
        Kind::Choice(items) => {
            let at = text
                .and_then(|t| items.iter().position(|i| *i == t))
                .unwrap_or(0);
            format!(
                r#"<dropdownList refId="{id}" noSort="true" defaultItem="{at}">{label}</dropdownList>"#
            )
        }
    }
}
