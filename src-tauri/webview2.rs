//! Windows only: the app's window is a WebView2 web view, which needs the **Microsoft Edge
//! WebView2 Runtime**. Windows 11 and up-to-date Windows 10 have it; a PC without it would show
//! nothing at all. So before any window is created, `main` asks for the runtime's version and,
//! when there is none, shows a plain message box that says what is missing and what IT
//! installs, then exits with [`EXIT_CODE`].
//!
//! The decision ([`missing_runtime`]) is a pure function, tested on every platform; the texts
//! are in [`text`], in one place, for translation.

/// The exit code when the WebView2 Runtime is missing (1 is "could not start" for other reasons).
pub const EXIT_CODE: i32 = 3;

/// The words shown to the person and to IT. Plain sentences, no jargon in the first two: the
/// person who sees this is often not the one who can fix it.
pub mod text {
    /// The message box's title (also how tests find the window).
    pub const TITLE: &str = "Mail Setup Assistant cannot start";
    /// What is wrong, for the person at the computer.
    pub const WHAT: &str = "This computer is missing a part of Windows that Mail Setup Assistant \
        needs to show its window: the Microsoft Edge WebView2 Runtime.";
    /// What they can do.
    pub const WHAT_TO_DO: &str = "Please ask your IT department or helpdesk to install it. \
        Once it is installed, start Mail Setup Assistant again.";
    /// For IT: what exactly to install and where from.
    pub const FOR_IT: &str = "For IT: install the Evergreen WebView2 Runtime from Microsoft, \
        https://developer.microsoft.com/microsoft-edge/webview2/ (on PCs without internet \
        access, use the Evergreen Standalone Installer, the offline installer).";
    /// Introduces the technical reason Windows gave, when there is one.
    pub const DETAIL: &str = "Technical detail:";
}

/// What the message box says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The window title.
    pub title: &'static str,
    /// The message: the person's paragraphs, then the line for IT.
    pub message: String,
}

/// Decides from the answer to "which WebView2 Runtime is installed?" (`Ok(version)` or the
/// error's text): `None` when the app can start, otherwise the notice to show.
pub fn missing_runtime(version: Result<&str, &str>) -> Option<Notice> {
    let detail = match version {
        Ok(v) if !v.trim().is_empty() => return None,
        Ok(_) => None,
        Err(e) => Some(e.trim()).filter(|e| !e.is_empty()),
    };
    let mut message = format!("{}\n\n{}\n\n{}", text::WHAT, text::WHAT_TO_DO, text::FOR_IT);
    if let Some(detail) = detail {
        message.push_str(&format!("\n\n{} {detail}", text::DETAIL));
    }
    Some(Notice {
        title: text::TITLE,
        message,
    })
}

/// Asks WebView2 for the installed runtime's version; shows the notice and exits when there is
/// none. Call before anything creates a window.
#[cfg(windows)]
pub fn require_runtime() {
    let version = tauri::webview_version().map_err(|e| e.to_string());
    if let Some(notice) = missing_runtime(version.as_deref().map_err(String::as_str)) {
        eprintln!("{}\n{}", notice.title, notice.message);
        rfd::MessageDialog::new()
            .set_level(rfd::MessageLevel::Error)
            .set_title(notice.title)
            .set_description(&notice.message)
            .set_buttons(rfd::MessageButtons::Ok)
            .show();
        std::process::exit(EXIT_CODE);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_installed_runtime_starts_the_app() {
        assert_eq!(missing_runtime(Ok("131.0.2903.112")), None);
    }

    #[test]
    fn no_runtime_names_it_and_tells_it_what_to_install() {
        let notice = missing_runtime(Err(
            "WebView2 error: WindowsError(Error { code: HRESULT(0x80070002) })",
        ))
        .expect("a notice");
        assert_eq!(notice.title, "Mail Setup Assistant cannot start");
        let m = &notice.message;
        assert!(m.contains("Microsoft Edge WebView2 Runtime"), "{m}");
        assert!(m.contains("ask your IT department"), "{m}");
        assert!(
            m.contains("For IT: install the Evergreen WebView2 Runtime"),
            "{m}"
        );
        assert!(
            m.contains("https://developer.microsoft.com/microsoft-edge/webview2/"),
            "{m}"
        );
        assert!(m.contains("Standalone Installer"), "{m}");
        // The person's words come first; the technical detail last, for IT.
        assert!(m.find("missing").unwrap() < m.find("For IT").unwrap());
        assert!(
            m.ends_with("Technical detail: WebView2 error: WindowsError(Error { code: HRESULT(0x80070002) })"),
            "{m}"
        );
    }

    #[test]
    fn an_empty_version_is_no_runtime_and_an_empty_error_adds_no_detail() {
        for answer in [Ok(" "), Err(""), Err("  ")] {
            let notice = missing_runtime(answer).expect("a notice");
            assert!(!notice.message.contains("Technical detail"), "{answer:?}");
            assert!(notice.message.ends_with("the offline installer)."));
        }
    }
}
