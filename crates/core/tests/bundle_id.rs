//! The app's bundle identifier (tauri.conf.json `identifier`, which Tauri's bundler writes into
//! the macOS app's Info.plist as CFBundleIdentifier) is the preference domain whose managed
//! preferences the settings code reads (`/Library/Managed Preferences/<id>.plist`, installed by
//! an MDM profile: deploy/mailsetup.mobileconfig). If they differ, IT's profile silently does
//! nothing on a Mac.

use mailsetup_core::platform::paths::BUNDLE_ID;

#[test]
fn the_bundle_identifier_is_the_managed_preferences_domain() {
    let conf = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tauri.conf.json");
    let conf: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&conf).unwrap()).unwrap();
    assert_eq!(conf["identifier"], BUNDLE_ID, "tauri.conf.json identifier");
    let profile = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../deploy/mailsetup.mobileconfig"),
    )
    .unwrap();
    assert!(
        profile.contains(&format!("<key>{BUNDLE_ID}</key>")),
        "deploy/mailsetup.mobileconfig configures the domain {BUNDLE_ID}"
    );
}
