//! Settings from several sources: the order per OS, IT's values winning key by key (also over
//! `--config`), where each value came from, and errors naming the source of the wrong value.

use std::path::{Path, PathBuf};

use super::managed::registry::{self, RegKey, RegValue};
use super::*;
use crate::platform::{Folders, Os};

const POLICY: &str = r"HKLM\SOFTWARE\Policies\mailsetup";
const IT_ID: &str = "11111111-2222-3333-4444-555555555555";
const USER_ID: &str = "99999999-8888-7777-6666-555555555555";

fn policy(sections: &[(&str, &[(&str, RegValue)])]) -> Layer {
    let keys = sections
        .iter()
        .map(|(name, values)| RegKey {
            name: (*name).into(),
            values: values
                .iter()
                .map(|(n, v)| ((*n).to_string(), v.clone()))
                .collect(),
        })
        .collect();
    let table = registry::to_table(POLICY, keys).unwrap();
    Layer::from_table(table, Origin::Policy(POLICY.into()), None).unwrap()
}

fn file(origin: Origin, text: &str) -> Layer {
    Layer::from_text(text, origin, None).unwrap()
}

fn user(text: &str) -> Layer {
    file(
        Origin::UserFile("/home/ann/.config/mailsetup/settings.toml".into()),
        text,
    )
}

fn machine(text: &str) -> Layer {
    file(
        Origin::MachineFile("/etc/mailsetup/settings.toml".into()),
        text,
    )
}

fn text(v: &str) -> RegValue {
    RegValue::Text(v.into())
}

#[test]
fn the_sources_in_order_on_each_os() {
    let windows = Folders {
        app_data: Some(PathBuf::from(r"C:\Users\ann\AppData\Roaming")),
        program_data: Some(PathBuf::from(r"C:\ProgramData")),
        ..Folders::default()
    };
    let home = Folders {
        home: Some(PathBuf::from("/home/ann")),
        ..Folders::default()
    };
    let config = Path::new("/tmp/test.toml");
    let w = Locations::for_os(Os::Windows, &windows);
    let machine_w = PathBuf::from(r"C:\ProgramData")
        .join("mailsetup")
        .join("settings.toml");
    let user_w = PathBuf::from(r"C:\Users\ann\AppData\Roaming")
        .join("mailsetup")
        .join("settings.toml");
    assert_eq!(
        w.sources(None),
        [
            layers::Source::Policy(r"SOFTWARE\Policies\mailsetup".into()),
            layers::Source::MachineFile(machine_w.clone()),
            layers::Source::UserFile(user_w),
        ]
    );
    assert_eq!(
        w.sources(Some(config)),
        [
            layers::Source::Policy(r"SOFTWARE\Policies\mailsetup".into()),
            layers::Source::MachineFile(machine_w),
            layers::Source::ConfigFile(config.into()),
        ],
        "--config takes the user file's place, below IT"
    );
    let m = Locations::for_os(Os::MacOs, &home);
    assert_eq!(
        m.sources(None),
        [
            layers::Source::ManagedPreferences(
                "/Library/Managed Preferences/org.mailsetup.assistant.plist".into()
            ),
            layers::Source::MachineFile(
                "/Library/Application Support/mailsetup/settings.toml".into()
            ),
            layers::Source::UserFile(
                "/home/ann/Library/Application Support/mailsetup/settings.toml".into()
            ),
        ]
    );
    let l = Locations::for_os(Os::Linux, &home);
    assert_eq!(
        l.sources(Some(config)),
        [
            layers::Source::MachineFile("/etc/mailsetup/settings.toml".into()),
            layers::Source::ConfigFile(config.into()),
        ]
    );
}

#[test]
fn what_it_manages_wins_key_by_key() {
    let s = Settings::from_layers(vec![
        policy(&[("Microsoft", &[("client_id", text(IT_ID))])]),
        machine("[microsoft]\nclient_id = \"22222222-2222-2222-2222-222222222222\"\ntenant = \"contoso.onmicrosoft.com\"\n"),
        user(&format!(
            "[microsoft]\nclient_id = \"{USER_ID}\"\ntenant = \"fabrikam.com\"\nstart_page_seconds = 0\n"
        )),
    ])
    .unwrap();
    assert_eq!(
        s.microsoft.client_id.as_deref(),
        Some(IT_ID),
        "the policy wins"
    );
    assert_eq!(
        s.microsoft.tenant, "contoso.onmicrosoft.com",
        "IT's file wins"
    );
    assert_eq!(
        s.microsoft.start_page_seconds, 0,
        "what IT leaves alone, the user sets"
    );
    assert_eq!(
        s.origins["microsoft.client_id"],
        Origin::Policy(format!(r"{POLICY}\microsoft"))
    );
    assert_eq!(
        s.origins["microsoft.tenant"],
        Origin::MachineFile("/etc/mailsetup/settings.toml".into())
    );
    assert_eq!(
        s.source.as_deref(),
        Some(Path::new("/home/ann/.config/mailsetup/settings.toml"))
    );
    assert_eq!(s.sources.len(), 3);

    let values = s.values();
    assert_eq!(values.len(), schema::SCHEMA.len(), "every setting is shown");
    let by_key = |k: &str| values.iter().find(|v| v.key == k).unwrap().clone();
    let id = by_key("microsoft.client_id");
    assert_eq!(id.value.as_deref(), Some(IT_ID));
    assert!(id.it_managed);
    assert_eq!(
        id.from,
        r"IT policy for this computer (Group Policy or Intune), HKLM\SOFTWARE\Policies\mailsetup\microsoft"
    );
    let delay = by_key("microsoft.start_page_seconds");
    assert_eq!(
        (delay.value.as_deref(), delay.it_managed),
        (Some("0"), false)
    );
    assert_eq!(
        delay.from,
        "this user's settings file, /home/ann/.config/mailsetup/settings.toml"
    );
    let probe = by_key("timeouts.probe");
    assert_eq!(
        (probe.value.as_deref(), probe.origin, probe.from.as_str()),
        (Some("2.5"), Origin::Default, "built-in default")
    );
    assert_eq!(
        by_key("google.client_id").value,
        None,
        "not set, no default"
    );
    let json = serde_json::to_value(&id).unwrap();
    assert_eq!(json["origin"]["kind"], "policy");
    assert_eq!(json["origin"]["place"], format!(r"{POLICY}\microsoft"));
    assert_eq!(json["itManaged"], true);
}

#[test]
fn an_empty_managed_value_counts_as_missing() {
    let s = Settings::from_layers(vec![
        policy(&[(
            "microsoft",
            &[
                ("tenant", text("")),
                ("admin_accounts", RegValue::List(vec![String::new()])),
            ],
        )]),
        user("[microsoft]\ntenant = \"fabrikam.com\"\nadmin_accounts = [\"boss@fabrikam.com\"]\n"),
    ])
    .unwrap();
    assert_eq!(s.microsoft.tenant, "fabrikam.com");
    assert_eq!(s.microsoft.admin_accounts, ["boss@fabrikam.com"]);
    assert!(matches!(s.origins["microsoft.tenant"], Origin::UserFile(_)));
}

#[test]
fn a_managed_cloud_is_not_stepped_around_with_an_authority() {
    let s = Settings::from_layers(vec![
        machine("[microsoft]\ncloud = \"usgov\"\n"),
        user("[microsoft]\nauthority = \"https://login.example.net\"\n"),
    ])
    .unwrap();
    assert_eq!(
        s.microsoft.authority.as_str(),
        "https://login.microsoftonline.us/"
    );
    assert!(!s.origins.contains_key("microsoft.authority"));
    // A managed authority (of a known cloud: it brings that cloud) drops a user's cloud.
    let s = Settings::from_layers(vec![
        machine("[microsoft]\nauthority = \"https://login.microsoftonline.us\"\n"),
        user("[microsoft]\ncloud = \"china\"\n"),
    ])
    .unwrap();
    assert_eq!(s.microsoft.cloud, crate::provider::Cloud::UsGov);
    assert!(!s.origins.contains_key("microsoft.cloud"));
    // From the same source, an authority (a proxy) still goes with the cloud.
    let s = Settings::from_layers(vec![machine(
        "[microsoft]\ncloud = \"usgov\"\nauthority = \"https://login.example.net\"\n",
    )])
    .unwrap();
    assert_eq!(s.microsoft.authority.as_str(), "https://login.example.net/");
}

#[test]
fn errors_name_the_source_of_the_wrong_value() {
    // A wrong value from the policy names its subkey.
    let e = Settings::from_layers(vec![
        policy(&[("microsoft", &[("client_id", text("not-a-guid"))])]),
        user(&format!("[microsoft]\nclient_id = \"{USER_ID}\"\n")),
    ])
    .unwrap_err();
    assert_eq!(e.field, "microsoft.client_id");
    assert_eq!(
        e.source,
        Some(Origin::Policy(format!(r"{POLICY}\microsoft")))
    );
    assert!(
        e.to_string().starts_with(
            r"HKLM\SOFTWARE\Policies\mailsetup\microsoft: field `microsoft.client_id`: "
        ),
        "{e}"
    );
    // A user's wrong value that IT's replaces does no harm.
    let s = Settings::from_layers(vec![
        policy(&[("microsoft", &[("client_id", text(IT_ID))])]),
        user("[microsoft]\nclient_id = \"not-a-guid\"\n"),
    ])
    .unwrap();
    assert_eq!(s.microsoft.client_id.as_deref(), Some(IT_ID));
    // A wrong value in the user's file names the file, and the line for a wrong type.
    let e = Layer::from_text(
        "[microsoft]\n\ntenant = 5\n",
        Origin::UserFile("/u.toml".into()),
        None,
    )
    .unwrap_err();
    assert_eq!(e.source, Some(Origin::UserFile("/u.toml".into())));
    assert!(e.to_string().contains("line 3"), "{e}");
    let e = Settings::from_layers(vec![
        machine("[timeouts]\nprobe = 0.01\n"),
        user("[timeouts]\nconnect = 5\n"),
    ])
    .unwrap_err();
    assert_eq!(
        (e.field.as_str(), e.source),
        (
            "timeouts.probe",
            Some(Origin::MachineFile("/etc/mailsetup/settings.toml".into()))
        )
    );
    // An unknown value in the policy is named with its subkey.
    let table = registry::to_table(
        POLICY,
        vec![RegKey {
            name: "microsoft".into(),
            values: vec![("client_secret".into(), text("x"))],
        }],
    )
    .unwrap();
    let e = Layer::from_table(table, Origin::Policy(POLICY.into()), None).unwrap_err();
    assert_eq!(e.field, "microsoft.client_secret");
    assert_eq!(
        e.source,
        Some(Origin::Policy(format!(r"{POLICY}\microsoft")))
    );
    assert!(e.problem.contains("unknown field"), "{}", e.problem);
}

/// The Linux layer in `/etc` through an injected path: IT's file wins over the user's file and
/// over `--config`; a missing optional file is no source; a missing `--config` file is an error.
#[test]
fn the_machine_file_wins_over_the_users_and_over_config() {
    let dir = tempfile::tempdir().unwrap();
    let etc = dir.path().join("etc/mailsetup/settings.toml");
    let home = dir.path().join("home/.config/mailsetup/settings.toml");
    let config = dir.path().join("test.toml");
    for p in [&etc, &home] {
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    }
    std::fs::write(&etc, format!("[microsoft]\nclient_id = \"{IT_ID}\"\n")).unwrap();
    let users = format!("[microsoft]\nclient_id = \"{USER_ID}\"\ntenant = \"fabrikam.com\"\n");
    std::fs::write(&home, &users).unwrap();
    std::fs::write(&config, &users).unwrap();
    let at = Locations {
        machine_file: Some(etc.clone()),
        user_file: Some(home.clone()),
        ..Locations::default()
    };
    for chosen in [None, Some(config.as_path())] {
        let s = Settings::discover_at(&at, chosen).unwrap();
        assert_eq!(s.microsoft.client_id.as_deref(), Some(IT_ID), "{chosen:?}");
        assert_eq!(s.microsoft.tenant, "fabrikam.com");
        assert_eq!(
            s.origins["microsoft.client_id"],
            Origin::MachineFile(etc.display().to_string())
        );
    }
    let s = Settings::discover_at(&at, Some(&config)).unwrap();
    assert_eq!(
        s.origins["microsoft.tenant"],
        Origin::ConfigFile(config.display().to_string())
    );
    std::fs::remove_file(&etc).unwrap();
    let s = Settings::discover_at(&at, None).unwrap();
    assert_eq!(
        s.microsoft.client_id.as_deref(),
        Some(USER_ID),
        "no IT file: the user's"
    );
    assert_eq!(s.sources, [Origin::UserFile(home.display().to_string())]);
    let e = Settings::discover_at(&at, Some(&dir.path().join("missing.toml"))).unwrap_err();
    assert!(e.problem.contains("cannot read the file"), "{e}");
}

/// macOS: the managed preferences file (read with the plist crate) wins over the user's file;
/// a relative CA path in it is relative to the machine settings folder.
#[test]
fn managed_preferences_win_and_their_paths_are_relative_to_the_machine_folder() {
    let dir = tempfile::tempdir().unwrap();
    let prefs = dir.path().join("org.mailsetup.assistant.plist");
    let machine_dir = dir.path().join("Application Support/mailsetup");
    std::fs::create_dir_all(&machine_dir).unwrap();
    let ca = mailsetup_testkit::TestCa::new();
    std::fs::write(machine_dir.join("corp-ca.pem"), ca.pem()).unwrap();
    let mut microsoft = plist::Dictionary::new();
    microsoft.insert("client_id".into(), plist::Value::String(IT_ID.into()));
    let mut tls = plist::Dictionary::new();
    tls.insert(
        "extra_ca_file".into(),
        plist::Value::String("corp-ca.pem".into()),
    );
    let mut top = plist::Dictionary::new();
    top.insert("microsoft".into(), plist::Value::Dictionary(microsoft));
    top.insert("tls".into(), plist::Value::Dictionary(tls));
    plist::Value::Dictionary(top).to_file_xml(&prefs).unwrap();
    let user_file = dir.path().join("user.toml");
    std::fs::write(
        &user_file,
        format!("[microsoft]\nclient_id = \"{USER_ID}\"\n"),
    )
    .unwrap();
    let at = Locations {
        managed_preferences: Some(prefs.clone()),
        machine_file: Some(machine_dir.join("settings.toml")),
        user_file: Some(user_file),
        ..Locations::default()
    };
    let s = Settings::discover_at(&at, None).unwrap();
    assert_eq!(s.microsoft.client_id.as_deref(), Some(IT_ID));
    assert_eq!(
        s.origins["microsoft.client_id"],
        Origin::ManagedPreferences(prefs.display().to_string())
    );
    assert_eq!(s.extra_ca_file, Some(machine_dir.join("corp-ca.pem")));
    assert!(s.extra_ca_pem.is_some());
}

/// Settings values as a settings file.
fn written(values: &[(&schema::Spec, toml::Value)]) -> String {
    let mut table = toml::Table::new();
    for (spec, v) in values {
        table
            .entry(spec.section)
            .or_insert_with(|| toml::Value::Table(toml::Table::new()))
            .as_table_mut()
            .unwrap()
            .insert(spec.key.into(), v.clone());
    }
    toml::to_string(&table).unwrap()
}

/// What `set_values` gives, written as a settings file, reads back as the same settings.
#[test]
fn written_values_read_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let ca = mailsetup_testkit::TestCa::new();
    std::fs::write(dir.path().join("corp-ca.pem"), ca.pem()).unwrap();
    let examples: Vec<_> = schema::SCHEMA
        .iter()
        .map(|s| (s, s.example_value()))
        .collect();
    let s = Settings::parse(&written(&examples), Some(dir.path())).unwrap();
    let set = s.set_values();
    assert_eq!(
        set.len(),
        schema::SCHEMA.len(),
        "every example is a value set"
    );
    let t = Settings::parse(&written(&set), None).unwrap();
    assert_eq!(t, s, "the same settings");
}
