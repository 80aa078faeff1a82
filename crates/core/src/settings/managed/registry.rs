//! Windows: the policy registry key `HKLM\SOFTWARE\Policies\mailsetup`, one subkey per settings
//! section (`...\mailsetup\microsoft` with the value `client_id`), turned into a settings table.
//!
//! [`to_table`] is a pure function of the values read, tested on every OS; only `read`
//! (compiled for Windows only) asks Windows. Value types (<https://learn.microsoft.com/windows/win32/sysinfo/registry-value-types>):
//! REG_SZ / REG_EXPAND_SZ for text, REG_DWORD / REG_QWORD (or REG_SZ) for numbers, REG_MULTI_SZ
//! for lists such as `admin_accounts` — what the ADMX template's `text`, `decimal`, `enum` and
//! `multiText` elements write ([`crate::deploy`]).

use toml::{Table, Value};

use crate::settings::schema::{self, Kind};
use crate::settings::{Origin, SettingsError};

/// `HKLM\` + the policy key, as the errors name it.
pub fn root_label(key: &str) -> String {
    format!(r"HKLM\{key}")
}

/// One registry value as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegValue {
    /// REG_SZ or REG_EXPAND_SZ (not expanded).
    Text(String),
    /// REG_DWORD or REG_QWORD.
    Number(u64),
    /// REG_MULTI_SZ.
    List(Vec<String>),
    /// Any other type (REG_BINARY, …), by its name.
    Other(String),
}

/// One subkey of the policy key (a settings section) and its values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegKey {
    /// The subkey's name, e.g. `microsoft`.
    pub name: String,
    /// Its values: name and value.
    pub values: Vec<(String, RegValue)>,
}

/// The settings table the policy key gives: section and value names matched to the schema's
/// without regard to case, each value typed as its setting takes it. An unknown section or
/// value stays as it is, for the settings check to refuse with its name. `root` is the
/// policy key as shown (`HKLM\SOFTWARE\Policies\mailsetup`).
///
/// # Errors
/// A value of a type the setting cannot take, naming the subkey and value.
pub fn to_table(root: &str, keys: Vec<RegKey>) -> Result<Table, SettingsError> {
    let mut table = Table::new();
    for key in keys {
        let section = schema::section(&key.name).map_or(key.name.clone(), str::to_owned);
        let mut values = Table::new();
        for (name, value) in key.values {
            let spec = schema::find(&section, &name);
            let name = spec.map_or(name, |s| s.key.to_owned());
            let field = format!("{section}.{name}");
            let typed = typed(spec.map(|s| s.kind), value).map_err(|problem| SettingsError {
                source: Some(Origin::Policy(format!(r"{root}\{}", key.name))),
                field,
                problem,
            })?;
            if let Some(v) = typed {
                values.insert(name, v);
            }
        }
        table.insert(section, Value::Table(values));
    }
    Ok(table)
}

/// The value as the setting of `kind` takes it; `None` for an empty one (empty counts as
/// missing, as in the file). Without a kind (an unknown value) as it is.
fn typed(kind: Option<Kind>, value: RegValue) -> Result<Option<Value>, String> {
    let v = match (kind, value) {
        (_, RegValue::Other(ty)) => {
            return Err(format!(
                "is a {ty} value: use REG_SZ for text, REG_DWORD for numbers, REG_MULTI_SZ for lists"
            ));
        }
        (_, RegValue::Text(t)) if t.trim().is_empty() => return Ok(None),
        (Some(Kind::Integer { .. }), RegValue::Text(t)) => {
            let n: u64 = t
                .trim()
                .parse()
                .map_err(|_| format!("{t:?} is not a whole number"))?;
            number(n)?
        }
        (Some(Kind::TextList), RegValue::Text(t)) => Value::Array(vec![Value::String(t)]),
        (Some(Kind::Text | Kind::Choice(_)), RegValue::Number(n)) => Value::String(n.to_string()),
        (
            Some(Kind::Text | Kind::Choice(_) | Kind::Integer { .. } | Kind::Seconds),
            RegValue::List(l),
        ) => {
            let mut items = l.into_iter().filter(|s| !s.trim().is_empty());
            match (items.next(), items.next()) {
                (None, _) => return Ok(None),
                (Some(one), None) => return typed(kind, RegValue::Text(one)),
                _ => {
                    return Err(
                        "holds several lines (REG_MULTI_SZ) where one value goes: use REG_SZ"
                            .into(),
                    );
                }
            }
        }
        (_, RegValue::Text(t)) => Value::String(t),
        (_, RegValue::Number(n)) => number(n)?,
        (_, RegValue::List(l)) => {
            // REG_MULTI_SZ ends with an empty string; blank lines are not entries.
            let items: Vec<Value> = l
                .into_iter()
                .filter(|s| !s.trim().is_empty())
                .map(Value::String)
                .collect();
            if items.is_empty() {
                return Ok(None);
            }
            Value::Array(items)
        }
    };
    Ok(Some(v))
}

fn number(n: u64) -> Result<Value, String> {
    i64::try_from(n)
        .map(Value::Integer)
        .map_err(|_| format!("{n} is too large"))
}

/// Reads the policy key `HKLM\<key>`: `None` when it does not exist (no policy is set).
///
/// # Errors
/// The key exists but cannot be read.
#[cfg(windows)]
pub fn read(key: &str) -> Result<Option<Vec<RegKey>>, SettingsError> {
    use windows_registry::LOCAL_MACHINE;
    let Ok(root) = LOCAL_MACHINE.open(key) else {
        return Ok(None);
    };
    let failed = |e| unreadable(key, e);
    let names: Vec<String> = root.keys().map_err(failed)?.collect();
    let mut keys = Vec::new();
    for name in names {
        let sub = root.open(&name).map_err(failed)?;
        let values = sub
            .values()
            .map_err(failed)?
            .map(|(n, v)| (n, reg_value(v)))
            .collect();
        keys.push(RegKey { name, values });
    }
    Ok(Some(keys))
}

#[cfg(windows)]
fn unreadable(key: &str, e: impl std::fmt::Display) -> SettingsError {
    SettingsError {
        source: Some(Origin::Policy(root_label(key))),
        field: String::new(),
        problem: format!("cannot read the policy key ({e})"),
    }
}

#[cfg(windows)]
fn reg_value(v: windows_registry::Value) -> RegValue {
    use windows_registry::Type;
    match v.ty() {
        Type::String | Type::ExpandString => String::try_from(v).map_or_else(
            |_| RegValue::Other("unreadable text".into()),
            RegValue::Text,
        ),
        Type::U32 | Type::U64 => u64::try_from(v).map_or_else(
            |_| RegValue::Other("unreadable number".into()),
            RegValue::Number,
        ),
        Type::MultiString => Vec::<String>::try_from(v).map_or_else(
            |_| RegValue::Other("unreadable list".into()),
            RegValue::List,
        ),
        Type::Bytes => RegValue::Other("REG_BINARY".into()),
        Type::Other(n) => RegValue::Other(format!("registry type {n}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(name: &str, values: &[(&str, RegValue)]) -> RegKey {
        RegKey {
            name: name.into(),
            values: values
                .iter()
                .map(|(n, v)| ((*n).to_string(), v.clone()))
                .collect(),
        }
    }

    const ROOT: &str = r"HKLM\SOFTWARE\Policies\mailsetup";

    #[test]
    fn values_become_a_settings_table_typed_by_the_schema() {
        let t = to_table(
            ROOT,
            vec![
                key(
                    "Microsoft",
                    &[
                        (
                            "Client_ID",
                            RegValue::Text("11111111-2222-3333-4444-555555555555".into()),
                        ),
                        ("start_page_seconds", RegValue::Text(" 7 ".into())),
                        (
                            "admin_accounts",
                            RegValue::List(vec![
                                "a@contoso.com".into(),
                                "b@contoso.com".into(),
                                String::new(),
                            ]),
                        ),
                        ("tenant", RegValue::Text(String::new())),
                    ],
                ),
                key(
                    "timeouts",
                    &[
                        ("probe", RegValue::Text("2.5".into())),
                        ("connect", RegValue::Number(12)),
                    ],
                ),
            ],
        )
        .unwrap();
        let expected: Table = toml::from_str(
            r#"
            [microsoft]
            client_id = "11111111-2222-3333-4444-555555555555"
            start_page_seconds = 7
            admin_accounts = ["a@contoso.com", "b@contoso.com"]
            [timeouts]
            probe = "2.5"
            connect = 12
            "#,
        )
        .unwrap();
        assert_eq!(
            t, expected,
            "names matched without case; an empty REG_SZ is left out"
        );
    }

    #[test]
    fn a_number_or_list_where_text_goes_is_taken_or_named() {
        let t = to_table(
            ROOT,
            vec![key(
                "microsoft",
                &[
                    ("tenant", RegValue::Number(42)),
                    (
                        "client_type",
                        RegValue::List(vec!["public".into(), String::new()]),
                    ),
                    ("admin_accounts", RegValue::Text("a@contoso.com".into())),
                ],
            )],
        )
        .unwrap();
        assert_eq!(t["microsoft"]["tenant"].as_str(), Some("42"));
        assert_eq!(t["microsoft"]["client_type"].as_str(), Some("public"));
        assert_eq!(
            t["microsoft"]["admin_accounts"],
            Value::Array(vec![Value::String("a@contoso.com".into())])
        );
        for (value, field, words) in [
            (
                ("client_id", RegValue::Other("REG_BINARY".into())),
                "microsoft.client_id",
                "REG_BINARY",
            ),
            (
                ("start_page_seconds", RegValue::Text("five".into())),
                "microsoft.start_page_seconds",
                "whole number",
            ),
            (
                ("tenant", RegValue::List(vec!["a".into(), "b".into()])),
                "microsoft.tenant",
                "several lines",
            ),
        ] {
            let e = to_table(ROOT, vec![key("microsoft", &[value])]).unwrap_err();
            assert_eq!(e.field, field);
            assert_eq!(
                e.source,
                Some(Origin::Policy(format!(r"{ROOT}\microsoft"))),
                "the error names the subkey"
            );
            assert!(e.problem.contains(words), "{}", e.problem);
        }
    }

    #[test]
    fn unknown_names_stay_for_the_settings_check_to_refuse() {
        let t = to_table(ROOT, vec![key("mystery", &[("x", RegValue::Number(1))])]).unwrap();
        assert_eq!(t["mystery"]["x"].as_integer(), Some(1));
    }
}
