//! `mailsetup admin show` says where each setting's value comes from; `mailsetup admin export`
//! writes the deployment files (ADMX/ADML, .mobileconfig, settings file) with the settings in
//! effect, or the samples committed under deploy/. (What IT manages winning over the user's
//! file is tested per source in the core and, for the Windows registry, in tests/windows.rs.)

mod common;

use common::{TestEnv, repo};
use serde_json::{Value, json};

fn setting<'a>(show: &'a Value, key: &str) -> &'a Value {
    show["settings"]
        .as_array()
        .expect("admin show lists the settings")
        .iter()
        .find(|s| s["key"] == key)
        .unwrap_or_else(|| panic!("{key} in {show:#}"))
}

#[test]
fn admin_show_says_where_each_value_comes_from() {
    let env = TestEnv::new("adminshow", json!({}));
    let (code, show) = env.run_json(&["admin", "show"]);
    assert_eq!(code, 0, "{show:#}");
    let file = env.settings.display().to_string();
    let id = setting(&show, "microsoft.client_id");
    assert_eq!(id["value"], env.client_id);
    assert_eq!(id["origin"], json!({ "kind": "configFile", "place": file }));
    assert_eq!(
        id["from"],
        format!("the settings file given with --config or MAILSETUP_CONFIG, {file}")
    );
    assert_eq!(id["itManaged"], false);
    let probe = setting(&show, "timeouts.connect");
    assert_eq!(probe["origin"]["kind"], "default");
    assert_eq!(probe["from"], "built-in default");
    assert_eq!(
        show["settings"].as_array().unwrap().len(),
        mailsetup_core::settings::schema::SCHEMA.len(),
        "every setting of the schema"
    );
    assert_eq!(
        show["settingsSources"],
        json!([format!(
            "the settings file given with --config or MAILSETUP_CONFIG, {file}"
        )])
    );

    let (code, text, _) = env.run(&["admin", "show"]);
    assert_eq!(code, 0);
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("microsoft.client_id "))
        .unwrap_or_else(|| panic!("a line for microsoft.client_id:\n{text}"));
    assert!(
        line.contains(&env.client_id) && line.contains(&file),
        "{line}"
    );
}

#[test]
fn admin_export_writes_the_deployment_files_with_the_settings_in_effect() {
    let env = TestEnv::new("adminexport", json!({}));
    let out = env.dir.path().join("deploy");
    let (code, v) = env.run_json(&["admin", "export", "--out", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{v:#}");
    assert_eq!(v["saved"].as_array().unwrap().len(), 4, "{v:#}");
    let read = |p: &str| std::fs::read_to_string(out.join(p)).unwrap();
    let toml = read("settings.toml");
    assert!(
        toml.contains(&format!("client_id = \"{}\"", env.client_id)),
        "{toml}"
    );
    assert!(
        read("en-US/mailsetup.adml")
            .contains(&format!("<defaultValue>{}</defaultValue>", env.client_id)),
        "the ADML's box starts with the client id in effect"
    );
    assert!(read("mailsetup.mobileconfig").contains(&env.client_id));
    assert!(read("mailsetup.admx").contains(r"SOFTWARE\Policies\mailsetup\microsoft"));

    // The examples are the samples committed under deploy/.
    for (format, path) in [
        ("toml", "settings.toml"),
        ("admx", "mailsetup.admx"),
        ("adml", "en-US/mailsetup.adml"),
        ("mobileconfig", "mailsetup.mobileconfig"),
    ] {
        let (code, printed, _) = env.run(&["admin", "export", "--examples", "--format", format]);
        assert_eq!(code, 0);
        let committed = std::fs::read_to_string(repo().join("deploy").join(path)).unwrap();
        assert_eq!(printed, committed, "{path}");
    }
    // Several files need a folder: a command-line mistake.
    let (code, _, stderr) = env.run(&["admin", "export"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("--out DIR"), "{stderr}");
}
