fn main() {
    // Our own commands are listed here and granted to the main window in capabilities/main.json.
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(
        tauri_build::AppManifest::new().commands(&[
            "app_info",
            "page_text",
            "internal_finding",
            "parse_address",
            "check_connection",
            "sign_in",
            "confirm_sign_in",
            "cancel_sign_in",
            "list_browsers",
            "provisioning",
            "set_client_secret",
            "remove_client_secret",
            "check_registration",
            "save_files_for_staff",
            "verify",
            "list_accounts",
            "forget_account",
            "explain",
            "full_check",
            "report",
            "save_report",
            "sign_in_choices",
            "sign_in_password",
            "set_servers",
            "relay_status",
            "relay_switch",
            "relay_add",
            "relay_remove",
            "schedule_renewal",
        ]),
    ))
    .expect("tauri build configuration");
}
