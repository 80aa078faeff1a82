//! The CLI in Spanish: its own words (crates/core/locales/<lang>/cli.ftl) and the findings
//! follow gettext's `LANGUAGE`, and the `[app] language` setting wins over it; codes, commands
//! and the `--json` output stay the same in every language. Needs no peers or network; the
//! client-secret check needs the vault `tests/run-all.sh` provides.

mod common;

use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// The reply Exchange Online gives when SMTP AUTH is off for the tenant.
const SMTP_AUTH_DISABLED: &str =
    "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.";

/// Runs `mailsetup <args>` with its own settings file (`settings`, TOML), account list and
/// config folders in `dir`, and `LANGUAGE=<language>`; returns (exit code, stdout, stderr).
fn run(dir: &Path, settings: &str, language: &str, args: &[&str]) -> (i32, String, String) {
    let file = dir.join("settings.toml");
    std::fs::write(&file, settings).unwrap();
    let out = Command::new(common::cli_binary())
        .args(args)
        .env("MAILSETUP_CONFIG", &file)
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("LANGUAGE", language)
        .env_remove("MAILSETUP_LOG")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json(dir: &Path, settings: &str, language: &str, args: &[&str]) -> Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let (_, stdout, stderr) = run(dir, settings, language, &all);
    serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {stdout}\nstderr: {stderr}"))
}

/// The JSON's shape: every key, every code and audience as they are; other text as `"…"`
/// (a finding's words are in the person's language, in JSON too).
fn shape(v: &Value) -> Value {
    match v {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let kept = matches!(k.as_str(), "code" | "audience" | "docUrl");
                    (k.clone(), if kept { v.clone() } else { shape(v) })
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(shape).collect()),
        Value::String(_) => Value::String("…".into()),
        other => other.clone(),
    }
}

fn assert_has(text: &str, words: &[&str]) {
    for w in words {
        assert!(text.contains(w), "{w:?} missing from:\n{text}");
    }
}

fn assert_has_not(text: &str, words: &[&str]) {
    for w in words {
        assert!(!text.contains(w), "{w:?} (English) in:\n{text}");
    }
}

#[test]
fn explain_speaks_spanish_with_the_same_code_and_json_shape() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (code, es, stderr) = run(d, "", "es", &["explain", SMTP_AUTH_DISABLED]);
    assert_eq!(code, 0, "{es}{stderr}");
    assert_has(
        &es,
        &[
            "El envío está deshabilitado para las aplicaciones en su organización",
            "[M365_SMTP_AUTH_DISABLED · para el administrador]",
            "Detalle técnico: 535 5.7.139",
        ],
    );
    assert_has_not(&es, &["for the administrator", "Evidence:", "More:"]);

    let (code, en, _) = run(d, "", "en", &["explain", SMTP_AUTH_DISABLED]);
    assert_eq!(code, 0, "{en}");
    assert_has(&en, &["[M365_SMTP_AUTH_DISABLED · for the administrator]"]);

    let es = json(d, "", "es", &["explain", SMTP_AUTH_DISABLED]);
    let en = json(d, "", "en", &["explain", SMTP_AUTH_DISABLED]);
    assert_eq!(
        es["findings"][0]["code"], "M365_SMTP_AUTH_DISABLED",
        "{es:#}"
    );
    assert_eq!(shape(&es), shape(&en), "es: {es:#}\nen: {en:#}");
    assert_ne!(es["findings"][0]["title"], en["findings"][0]["title"]);
}

#[test]
fn an_empty_account_list_and_the_settings_speak_spanish_and_json_does_not_change() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (code, out, err) = run(d, "", "es", &["accounts", "list"]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(out, "No hay buzones configurados en este equipo.\n");
    let (_, out, _) = run(d, "", "en", &["accounts", "list"]);
    assert_eq!(out, "No mailboxes are set up on this computer.\n");
    assert_eq!(
        json(d, "", "es", &["accounts", "list"]),
        json(d, "", "en", &["accounts", "list"])
    );

    let (code, out, err) = run(d, "", "es", &["admin", "show"]);
    assert_eq!(code, 0, "{out}{err}");
    assert_has(
        &out,
        &[
            "Archivo de configuración:",
            "ID de aplicación (cliente):",
            "Tipo de registro:",
            "public",
            "(sin definir: el inicio de sesión con Microsoft no está configurado)",
            "Cada ajuste, su valor y de dónde viene el valor:",
            // Setting names are never translated.
            "microsoft.client_id",
            "(sin definir)",
            "[valor predeterminado]",
        ],
    );
    assert_has_not(
        &out,
        &[
            "Settings file:",
            "Application (client) ID:",
            "Public",
            "[sin definir]",
            "(not set",
            "Each setting",
            "built-in default",
            "[not set]",
        ],
    );
    // The values line up after the longest label, counted in characters (not bytes).
    let columns: Vec<usize> = out
        .lines()
        .take_while(|l| !l.is_empty())
        .map(|l| {
            let label = l.find(": ").map_or(0, |i| i + 1);
            let rest = &l[label..];
            l[..label].chars().count() + rest.len() - rest.trim_start().len()
        })
        .collect();
    assert!(
        columns.len() == 10 && columns.iter().all(|c| *c == columns[0]),
        "{columns:?}\n{out}"
    );

    // The JSON has the same shape and facts; a setting's label and source are words.
    let es = json(d, "", "es", &["admin", "show"]);
    let en = json(d, "", "en", &["admin", "show"]);
    assert_eq!(shape(&es), shape(&en));
    let facts = |v: &Value| {
        let settings = v["settings"].as_array().unwrap();
        let facts: Vec<_> = settings
            .iter()
            .map(|s| (s["key"].clone(), s["value"].clone(), s["origin"].clone()))
            .collect();
        (facts, v["settingsSources"].as_array().map(Vec::len))
    };
    assert_eq!(facts(&es), facts(&en));
    let label = |v: &Value| v["settings"][1]["label"].clone();
    assert_eq!(
        (label(&en), label(&es)),
        ("Microsoft cloud".into(), "Nube de Microsoft".into())
    );
}

/// `[app] language = "es"` wins over `LANGUAGE=en`; `en` in the settings wins over `es`.
#[test]
fn the_language_setting_wins_over_the_os() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let spanish = "[app]\nlanguage = \"es\"\n";
    let (_, out, _) = run(d, spanish, "en", &["accounts", "list"]);
    assert_eq!(out, "No hay buzones configurados en este equipo.\n");
    let (_, out, _) = run(d, spanish, "en", &["admin", "show"]);
    assert_has(&out, &["Archivo de configuración:"]);
    assert_has_not(&out, &["Settings file:"]);
    // explain reads the setting too, when there is a settings file.
    let (_, out, _) = run(d, spanish, "en", &["explain", SMTP_AUTH_DISABLED]);
    assert_has(&out, &["[M365_SMTP_AUTH_DISABLED · para el administrador]"]);

    let english = "[app]\nlanguage = \"en\"\n";
    let (_, out, _) = run(d, english, "es", &["accounts", "list"]);
    assert_eq!(out, "No mailboxes are set up on this computer.\n");
}

/// A confirmation's words are Spanish on the terminal, and its JSON `message` is the English
/// one in both languages.
#[test]
fn a_confirmation_is_spanish_and_its_json_message_english() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let settings = format!("[microsoft]\nclient_id = \"{}\"\n", uuid::Uuid::new_v4());
    let args = ["admin", "remove-client-secret"];
    let (code, out, err) = run(d, &settings, "es", &args);
    assert_eq!(
        code, 0,
        "{out}{err}\n(the vault is needed: run the tests with tests/run-all.sh)"
    );
    assert_eq!(out, "No había ningún secreto de cliente guardado.\n");
    let (_, out, _) = run(d, &settings, "en", &args);
    assert_eq!(out, "No client secret was stored.\n");
    let es = json(d, &settings, "es", &args);
    assert_eq!(es, json(d, &settings, "en", &args));
    assert_eq!(es["message"], "No client secret was stored.");
}
