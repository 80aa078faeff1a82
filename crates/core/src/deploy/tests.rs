//! The deployment files: each lists every setting of the schema, the template's parts refer to
//! each other, the profile and the sample read back as the same settings, and the samples
//! committed under `deploy/` are current.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::*;
use crate::settings::managed::prefs;
use crate::settings::{Layer, Origin};

fn contents(format: Format) -> String {
    file(format, Values::Examples).contents
}

fn dotted_keys() -> BTreeSet<String> {
    SCHEMA.iter().map(Spec::dotted).collect()
}

/// The ADMX's policies as `section.key`, from the registry key and value each one writes.
fn admx_settings(admx: &str) -> BTreeSet<String> {
    let doc = roxmltree::Document::parse(admx).expect("the ADMX is well-formed XML");
    doc.descendants()
        .filter(|n| n.has_tag_name("policy"))
        .map(|p| {
            let key = p.attribute("key").unwrap();
            let section = key
                .strip_prefix(r"SOFTWARE\Policies\mailsetup\")
                .unwrap_or_else(|| panic!("{key} is below the app's policy key"));
            let element = p
                .descendants()
                .find(|n| n.attribute("valueName").is_some())
                .expect("each policy writes one value");
            assert_eq!(p.attribute("class"), Some("Machine"), "a computer policy");
            format!("{section}.{}", element.attribute("valueName").unwrap())
        })
        .collect()
}

#[test]
fn the_admx_has_a_computer_policy_for_every_setting() {
    assert_eq!(admx_settings(&contents(Format::Admx)), dotted_keys());
}

#[test]
fn the_adml_words_and_boxes_every_reference_of_the_admx() {
    let (admx, adml) = (contents(Format::Admx), contents(Format::Adml));
    let admx = roxmltree::Document::parse(&admx).unwrap();
    let adml = roxmltree::Document::parse(&adml).expect("the ADML is well-formed XML");
    let ids = |tag: &str| -> BTreeSet<String> {
        adml.descendants()
            .filter(|n| n.has_tag_name(tag))
            .map(|n| n.attribute("id").unwrap().to_string())
            .collect()
    };
    let (strings, presentations) = (ids("string"), ids("presentation"));
    let mut referenced = 0;
    for node in admx.descendants() {
        for attr in node.attributes() {
            let v = attr.value();
            if let Some(id) = v
                .strip_prefix("$(string.")
                .and_then(|r| r.strip_suffix(')'))
            {
                assert!(strings.contains(id), "no ADML string {id}");
                referenced += 1;
            }
            if let Some(id) = v
                .strip_prefix("$(presentation.")
                .and_then(|r| r.strip_suffix(')'))
            {
                assert!(presentations.contains(id), "no ADML presentation {id}");
            }
        }
    }
    assert!(referenced > SCHEMA.len() * 2);
    // Each policy's element has its box in the policy's presentation, and the reverse.
    for policy in admx.descendants().filter(|n| n.has_tag_name("policy")) {
        let name = policy.attribute("name").unwrap();
        let element_ids: BTreeSet<&str> = policy
            .descendants()
            .filter_map(|n| n.attribute("valueName").and(n.attribute("id")))
            .collect();
        let presentation = adml
            .descendants()
            .find(|n| n.has_tag_name("presentation") && n.attribute("id") == Some(name))
            .unwrap();
        let refs: BTreeSet<&str> = presentation
            .descendants()
            .filter_map(|n| n.attribute("refId"))
            .collect();
        assert_eq!(element_ids, refs, "{name}");
    }
}

/// The settings a profile forces: its managed preferences payload's dictionary.
fn forced_settings(profile: &str) -> plist::Value {
    let v = plist::Value::from_reader_xml(profile.as_bytes()).expect("the profile is a plist");
    let top = v.as_dictionary().unwrap();
    assert_eq!(top["PayloadType"].as_string(), Some("Configuration"));
    assert_eq!(top["PayloadScope"].as_string(), Some("System"));
    let payload = top["PayloadContent"].as_array().unwrap()[0]
        .as_dictionary()
        .unwrap();
    assert_eq!(
        payload["PayloadType"].as_string(),
        Some("com.apple.ManagedClient.preferences")
    );
    let domain = payload["PayloadContent"].as_dictionary().unwrap()
        [crate::platform::paths::BUNDLE_ID]
        .as_dictionary()
        .unwrap();
    domain["Forced"].as_array().unwrap()[0]
        .as_dictionary()
        .unwrap()["mcx_preference_settings"]
        .clone()
}

/// A folder with the sample's `corp-ca.pem`, so that every example can be read.
fn folder_with_ca() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let ca = mailsetup_testkit::TestCa::new();
    std::fs::write(dir.path().join("corp-ca.pem"), ca.pem()).unwrap();
    let base = dir.path().to_path_buf();
    (dir, base)
}

#[test]
fn the_profile_sets_every_setting_and_reads_back_as_the_examples() {
    let (_dir, base) = folder_with_ca();
    let forced = forced_settings(&contents(Format::Mobileconfig));
    let origin = Origin::ManagedPreferences("test.plist".into());
    let table = prefs::to_table(&origin, forced).unwrap();
    let keys: BTreeSet<String> = table
        .iter()
        .flat_map(|(s, v)| {
            v.as_table()
                .unwrap()
                .keys()
                .map(move |k| format!("{s}.{k}"))
        })
        .collect();
    assert_eq!(keys, dotted_keys());
    let from_profile =
        Settings::from_layers(vec![Layer::from_table(table, origin, Some(&base)).unwrap()])
            .unwrap();
    assert_eq!(from_profile.set_values().len(), SCHEMA.len());
    assert_eq!(
        from_profile.microsoft.client_id.as_deref(),
        Some("11111111-2222-3333-4444-555555555555")
    );
}

/// The sample with every `# key = value` line of a setting turned on.
fn uncommented(sample: &str) -> String {
    sample
        .lines()
        .map(|l| {
            let setting = l.strip_prefix("# ").filter(|r| {
                r.split_once(" = ")
                    .is_some_and(|(k, _)| SCHEMA.iter().any(|s| s.key == k))
            });
            setting.unwrap_or(l).to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_sample_lists_every_setting_and_each_example_is_valid() {
    let sample = contents(Format::Toml);
    let defaults = Settings::parse(&sample, None).unwrap();
    assert!(
        defaults.set_values().is_empty(),
        "as written, the sample sets nothing"
    );
    let (_dir, base) = folder_with_ca();
    let all = Settings::parse(&uncommented(&sample), Some(&base)).unwrap();
    let set: BTreeSet<String> = all.set_values().iter().map(|(s, _)| s.dotted()).collect();
    assert_eq!(set, dotted_keys(), "every setting is in the sample");
    // The same settings as the profile's.
    let forced = forced_settings(&contents(Format::Mobileconfig));
    let origin = Origin::ManagedPreferences("test.plist".into());
    let table = prefs::to_table(&origin, forced).unwrap();
    let profile =
        Settings::from_layers(vec![Layer::from_table(table, origin, Some(&base)).unwrap()])
            .unwrap();
    assert_eq!(all.set_values(), profile.set_values());
}

#[test]
fn files_from_settings_carry_the_values_set() {
    let s = Settings::parse(
        "[microsoft]\ntenant = \"contoso.onmicrosoft.com\"\nclient_id = \"AAAAAAAA-2222-3333-4444-555555555555\"\ncloud = \"usgov\"\n[timeouts]\nprobe = 1.5",
        None,
    )
    .unwrap();
    let toml = file(Format::Toml, Values::Of(&s)).contents;
    let again = Settings::parse(&toml, None).unwrap();
    assert_eq!(again.set_values(), s.set_values(), "{toml}");
    assert!(toml.contains("client_id = \"aaaaaaaa-2222-3333-4444-555555555555\""));
    assert!(
        toml.contains("# start_page_seconds = 5"),
        "what is not set stays a comment"
    );

    let adml = file(Format::Adml, Values::Of(&s)).contents;
    assert!(adml.contains(
        r#"<textBox refId="client_id"><label>Application (client) ID</label><defaultValue>aaaaaaaa-2222-3333-4444-555555555555</defaultValue></textBox>"#
    ));
    assert!(adml.contains(r#"<dropdownList refId="cloud" noSort="true" defaultItem="1">"#));
    assert_eq!(
        file(Format::Admx, Values::Of(&s)),
        file(Format::Admx, Values::Examples),
        "the template holds no values"
    );

    let forced = forced_settings(&file(Format::Mobileconfig, Values::Of(&s)).contents);
    let table = prefs::to_table(&Origin::Text, forced).unwrap();
    let keys: Vec<String> = table
        .iter()
        .flat_map(|(sec, v)| {
            v.as_table()
                .unwrap()
                .keys()
                .map(move |k| format!("{sec}.{k}"))
        })
        .collect();
    assert_eq!(
        keys,
        [
            "microsoft.client_id",
            "microsoft.cloud",
            "microsoft.tenant",
            "timeouts.probe"
        ],
        "only what the settings set"
    );
}

#[test]
fn a_format_is_named_on_the_command_line() {
    for f in Format::ALL {
        assert_eq!(Format::parse(f.name()), Some(f));
    }
    assert_eq!(Format::parse("ADMX"), Some(Format::Admx));
    assert_eq!(Format::parse("reg"), None);
}

#[test]
fn files_are_saved_into_a_folder_or_the_finding_says_why() {
    let dir = tempfile::tempdir().unwrap();
    for f in files(Values::Examples) {
        let path = f.save_in(dir.path()).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), f.contents);
    }
    assert!(dir.path().join("en-US").join("mailsetup.adml").is_file());
    let blocked = dir.path().join("a-file");
    std::fs::write(&blocked, "").unwrap();
    let e = file(Format::Toml, Values::Examples)
        .save_in(&blocked)
        .unwrap_err();
    assert_eq!(
        e.code,
        crate::findings::FindingCode::DeploymentFilesNotSaved
    );
    assert!(e.explanation.contains("a-file"), "{}", e.explanation);
}

/// The repository's `deploy/` folder.
fn committed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../deploy")
}

/// Regenerate with `UPDATE_SNAPSHOTS=1 cargo test -p mailsetup-core deploy` (or
/// `mailsetup admin export --examples --out deploy`).
#[test]
fn the_committed_samples_are_current() {
    for f in files(Values::Examples) {
        let path = committed().join(f.path);
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &f.contents).unwrap();
        }
        let on_disk =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(
            on_disk.replace("\r\n", "\n") == f.contents,
            "{} is not current: run UPDATE_SNAPSHOTS=1 cargo test -p mailsetup-core deploy",
            path.display()
        );
    }
}

#[test]
fn a_new_folder_is_named_after_the_day_and_never_reused() {
    let parent = tempfile::tempdir().unwrap();
    let inside = parent.path().join("Documents");
    let first = new_folder(&inside, "2026-05-12").unwrap();
    assert_eq!(
        first,
        inside.join("Mail Setup deployment files 2026-05-12"),
        "the parent is made as needed"
    );
    let second = new_folder(&inside, "2026-05-12").unwrap();
    assert_eq!(
        second,
        inside.join("Mail Setup deployment files 2026-05-12 (2)")
    );
    assert!(first.is_dir() && second.is_dir());
}

#[test]
fn a_folder_in_the_way_of_a_file_is_said_in_plain_words() {
    let parent = tempfile::tempdir().unwrap();
    let blocked = parent.path().join("Documents");
    std::fs::write(&blocked, "").unwrap();
    let e = new_folder(&blocked, "2026-05-12").unwrap_err();
    assert_eq!(
        e.code,
        crate::findings::FindingCode::DeploymentFilesNotSaved
    );
    let e = save_all(&files(Values::Examples), &blocked.join("x")).unwrap_err();
    assert!(
        e.explanation.contains("Documents") && e.explanation.contains("could not be written:"),
        "{}",
        e.explanation
    );
    assert!(!e.explanation.contains("os error"), "{}", e.explanation);
}

#[test]
fn the_folder_date_is_the_day_in_the_time_zone() {
    // 2026-05-12 23:30 UTC is already the 13th in Berlin.
    let at = 1_778_628_600;
    assert_eq!(folder_date(at, &jiff::tz::TimeZone::UTC), "2026-05-12");
    let berlin = jiff::tz::TimeZone::fixed(jiff::tz::offset(2));
    assert_eq!(folder_date(at, &berlin), "2026-05-13");
}

#[test]
fn every_file_saved_says_what_it_is_for() {
    let dir = tempfile::tempdir().unwrap();
    let saved = save_all(&files(Values::Examples), dir.path()).unwrap();
    assert_eq!(saved.folder, dir.path().display().to_string());
    let names: Vec<&str> = saved.files.iter().map(|f| f.name).collect();
    assert_eq!(
        names,
        [
            "mailsetup.admx",
            "en-US/mailsetup.adml",
            "mailsetup.mobileconfig",
            "settings.toml"
        ]
    );
    for (f, words) in saved.files.iter().zip([
        "Group Policy",
        "en-US",
        "MDM",
        "/etc/mailsetup/settings.toml",
    ]) {
        assert!(std::path::Path::new(&f.path).is_file(), "{}", f.path);
        assert!(f.purpose.contains(words), "{}: {}", f.name, f.purpose);
    }
    let json = serde_json::to_value(&saved).unwrap();
    assert_eq!(json["files"][3]["format"], "toml");
    assert_eq!(json["files"][3]["name"], "settings.toml");
}
