//! The Mail Setup Assistant desktop shell: a thin Tauri layer over `mailsetup-core`.
//!
//! The page (`ui/`) calls the [`commands`]; each command translates its input, calls one core
//! function and returns a serde value or a [`error::CommandError`]. Progress streams back over a
//! Tauri `Channel`. No decision is made here: everything that decides lives in the core crate.

pub mod commands;
pub mod error;
pub mod helpdesk;
pub mod providers;
pub mod relay;
pub mod state;

use tauri::Runtime;

/// Builds the app on any Tauri runtime (the real one, or the mock runtime in tests).
pub fn build<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder
        .manage(state::AppState::load())
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::page_text,
            commands::internal_finding,
            commands::parse_address,
            commands::check_connection,
            commands::sign_in,
            commands::confirm_sign_in,
            commands::cancel_sign_in,
            commands::list_browsers,
            commands::provisioning,
            commands::set_client_secret,
            commands::remove_client_secret,
            commands::check_registration,
            commands::save_files_for_staff,
            commands::verify,
            commands::list_accounts,
            commands::forget_account,
            helpdesk::explain,
            helpdesk::full_check,
            helpdesk::report,
            helpdesk::save_report,
            helpdesk::schedule_renewal,
            relay::relay_status,
            relay::relay_switch,
            relay::relay_add,
            relay::relay_remove,
            providers::sign_in_choices,
            providers::sign_in_password,
            providers::set_servers,
        ])
}

/// Starts the desktop app. Its log also goes to a file in the platform log folder: a Windows
/// GUI program has no console (see `mailsetup_core::logging`).
pub fn run() {
    // A panic prints and logs a fixed line, never its message (it may quote what was pasted).
    mailsetup_core::crash::install();
    if mailsetup_core::logging::init_with_file().is_some() {
        tracing::info!(
            version = mailsetup_core::VERSION,
            os = %mailsetup_core::platform::version::describe_current(),
            "Mail Setup Assistant started"
        );
    }
    let app = build(tauri::Builder::default()).setup(|app| {
        renew_idle_sign_ins(app.handle());
        Ok(())
    });
    if let Err(e) = app.run(tauri::generate_context!()) {
        eprintln!("Mail Setup Assistant could not start: {e}");
        std::process::exit(1);
    }
}

/// Renews the sign-ins that would end soon if unused (Microsoft ends one after 90 days), in the
/// background while the person works ([`mailsetup_core::health`]). What happened goes to the log.
fn renew_idle_sign_ins<R: Runtime>(app: &tauri::AppHandle<R>) {
    use tauri::Manager as _;
    let Ok(assistant) = app.state::<state::AppState>().assistant.clone() else {
        return;
    };
    tauri::async_runtime::spawn(async move {
        match assistant.renew_all(true).await {
            Ok(done) => {
                for r in done {
                    match &r.finding {
                        None => tracing::info!(mailbox = %r.address, "idle sign-in renewed"),
                        Some(f) => {
                            tracing::warn!(mailbox = %r.address, code = %f.code, "idle sign-in not renewed")
                        }
                    }
                }
            }
            Err(f) => tracing::warn!(code = %f.code, "the idle sign-ins could not be listed"),
        }
    });
}

#[cfg(test)]
mod tests {
    use tauri::ipc::{CallbackFn, InvokeBody};
    use tauri::test::{INVOKE_KEY, get_ipc_response, mock_builder, mock_context, noop_assets};
    use tauri::webview::InvokeRequest;

    fn request(cmd: &str, body: serde_json::Value) -> InvokeRequest {
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(body),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        }
    }

    #[test]
    fn commands_answer_through_ipc_with_data_or_findings() {
        let app = super::build(mock_builder())
            .build(mock_context(noop_assets()))
            .expect("app builds");
        let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();

        let ok = get_ipc_response(
            &webview,
            request(
                "parse_address",
                serde_json::json!({ "address": " Ann@Example.EDU " }),
            ),
        )
        .expect("a valid address parses");
        let v: serde_json::Value = ok.deserialize().unwrap();
        assert_eq!(v["display"], "Ann@example.edu");
        assert_eq!(v["normalized"], "ann@example.edu");
        assert_eq!(v["smtp"], "smtp.office365.com:587");

        let err = get_ipc_response(
            &webview,
            request(
                "parse_address",
                serde_json::json!({ "address": "Ann <ann@example.edu>" }),
            ),
        )
        .expect_err("an invalid address is refused");
        assert_eq!(err["code"], "INVALID_ADDRESS");
        assert_eq!(err["audience"], "user");

        // A call that failed before it reached a command still reads as the core's finding.
        let internal: serde_json::Value = get_ipc_response(
            &webview,
            request(
                "internal_finding",
                serde_json::json!({ "detail": "command x not allowed" }),
            ),
        )
        .expect("the core's finding")
        .deserialize()
        .unwrap();
        assert_eq!(internal["code"], "INTERNAL");
        assert_eq!(
            internal["title"],
            "Something unexpected went wrong in the app"
        );
        assert!(
            internal.get("evidence").is_none(),
            "the detail goes to the log"
        );

        // What the Sign in step may offer is decided in core, per provider.
        let choices = |address: &str| -> serde_json::Value {
            get_ipc_response(
                &webview,
                request("sign_in_choices", serde_json::json!({ "address": address })),
            )
            .expect("choices")
            .deserialize()
            .unwrap()
        };
        let m365 = choices("ann@example.edu");
        assert_eq!(m365["oauthProvider"], "Microsoft");
        assert_eq!(m365["sharedMailbox"], true);
        assert_eq!(m365["deviceCode"], m365["oauth"] == "Microsoft");
        let gmail = choices("kim@gmail.com");
        assert_eq!(gmail["oauthProvider"], "Google");
        assert_eq!(
            (&gmail["sharedMailbox"], &gmail["deviceCode"]),
            (&serde_json::json!(false), &serde_json::json!(false))
        );
    }
}
