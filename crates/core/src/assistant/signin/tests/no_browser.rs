//! No browser can be started (no `xdg-open`, `$BROWSER` unset, no private-capable browser): the
//! sign-in does not end. The waiting event carries the link, why the browser did not open and
//! whether the code is offered; the listener waits, and the link opened by hand completes the
//! sign-in. An organisation that refused the code is not offered it again.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::*;
use crate::assistant::fakes::Harness;
use crate::browser::{Browser, BrowserError};
use crate::findings::classify::{self, EntraError, EntraPhase};
use crate::outcome::Outcome;
use crate::platform::Os;
use crate::progress::Status;

/// A computer where no browser (or no private window) can be started.
struct NoBrowser {
    private: bool,
}

impl Browser for NoBrowser {
    fn open(&self, _: &url::Url) -> Result<(), BrowserError> {
        Err(if self.private {
            BrowserError::none_found(Os::Linux)
        } else {
            BrowserError::system(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "No valid browsers detected. You can specify one in BROWSER environment variable",
            ))
        })
    }

    fn is_private(&self) -> bool {
        self.private
    }
}

/// A Microsoft 365 mailbox whose organisation discovery already found.
fn m365() -> (Harness, Address) {
    let mut s = settings();
    s.microsoft.tenant = TENANT.into();
    s.microsoft.tenant_provisioned = true;
    s.microsoft.start_page_seconds = 0;
    let h = harness(s);
    let ann = addr("ann@example.edu");
    let found = discovery(Found::Microsoft365, Some(TENANT));
    h.assistant.memory.keep_discovery(&ann, found);
    (h, ann)
}

/// A browser sign-in with `browser`, where the person copies the link from the waiting event
/// into a browser by hand. Returns the outcome and the waiting event.
async fn sign_in_by_hand(h: &Harness, ann: &Address, browser: NoBrowser) -> (Outcome, Progress) {
    let waiting = Arc::new(Mutex::new(None));
    let (seen, endpoint) = (Arc::clone(&waiting), Arc::clone(&h.endpoint));
    let sink = move |event: Progress| {
        if let Progress::WaitingForBrowser { start_url, .. } = &event {
            let (start, endpoint) = (url::Url::parse(start_url).unwrap(), Arc::clone(&endpoint));
            std::thread::spawn(move || sign_in_at(&start, &endpoint, "ann@example.edu"));
            *seen.lock().unwrap() = Some(event);
        }
    };
    let mut opts = SignInOptions::new(Arc::new(browser));
    opts.timeout = Some(Duration::from_secs(20));
    let outcome = h.assistant.sign_in(ann, &opts, &sink).await;
    let event = waiting.lock().unwrap().take().expect("a waiting event");
    (outcome, event)
}

#[tokio::test]
async fn a_browser_that_cannot_be_opened_leaves_the_sign_in_waiting() {
    let (h, ann) = m365();
    let (outcome, waiting) = sign_in_by_hand(&h, &ann, NoBrowser { private: false }).await;
    assert!(
        outcome.passed,
        "the link opened by hand completes it: {:?}",
        outcome.findings().collect::<Vec<_>>()
    );
    assert!(h.assistant.vault.load(&ann).await.unwrap().is_some());
    let Progress::WaitingForBrowser {
        start_url,
        opened,
        finding,
        device_code,
        timeout_secs,
        ..
    } = waiting
    else {
        unreachable!()
    };
    assert!(!opened);
    assert_eq!(timeout_secs, 20, "the normal wait, not an end at once");
    assert!(device_code, "the code is offered as the other way");
    let f = finding.expect("why the browser did not open");
    assert_eq!(f.code, FindingCode::BrowserOpenFailed);
    assert!(
        f.explanation
            .contains("(no web browser is set up on this computer)"),
        "{f:?}"
    );
    assert!(
        f.evidence
            .as_deref()
            .is_some_and(|e| e.starts_with("No valid browsers detected")),
        "{f:?}"
    );
    assert!(
        f.steps.iter().any(|s| s.contains(&start_url)),
        "the finding shows the link: {f:?}"
    );
    assert!(start_url.contains("/mailsetup-start/"), "{start_url}");
    // Opening the browser only informs: it is not a failed step of a sign-in that worked.
    let open = outcome
        .steps
        .iter()
        .find(|r| r.step == Step::OpenBrowser)
        .expect("the open step is recorded");
    assert_eq!(open.status, Status::Info);
    assert!(
        open.detail.as_deref().unwrap_or("").contains("not opened"),
        "{open:?}"
    );
}

#[tokio::test]
async fn a_private_window_that_cannot_be_opened_leaves_a_working_link() {
    let (h, ann) = m365();
    let (outcome, waiting) = sign_in_by_hand(&h, &ann, NoBrowser { private: true }).await;
    assert!(
        outcome.passed,
        "{:?}",
        outcome.findings().collect::<Vec<_>>()
    );
    let Progress::WaitingForBrowser {
        private,
        opened,
        finding,
        ..
    } = waiting
    else {
        unreachable!()
    };
    assert!(private && !opened);
    let f = finding.expect("why no private window");
    assert_eq!(f.code, FindingCode::PrivateWindowUnavailable);
    assert!(f.to_text().contains("ann@example.edu"), "{}", f.to_text());
}

#[tokio::test]
async fn a_device_code_block_means_no_device_code_offer() {
    let (h, ann) = m365();
    let profile = ctx_for(&settings(), &ann).profile;
    assert!(h.assistant.sign_in_choices(&ann).device_code);
    // The organisation's Conditional Access refuses the code (Entra's answer to the polling).
    let blocked = EntraError {
        error: "invalid_grant".into(),
        error_description: Some(
            "AADSTS530033: Remote device flow blocked due to device based conditional access.\r\nTrace ID: 0000aaaa-11bb-cccc-dd22-eeeeee333333".into(),
        ),
        error_codes: vec![530033],
        ..Default::default()
    };
    let f = classify::entra(&blocked, EntraPhase::DeviceCode);
    let f = h.assistant.device_code_failed(f, &ann, &profile);
    assert_eq!(f.code, FindingCode::DeviceCodeBlocked);
    assert!(f.to_text().contains("mailsetup signin ann@example.edu"));
    // From now on the code is offered neither on the sign-in page ...
    assert!(!h.assistant.sign_in_choices(&ann).device_code);
    // ... nor while waiting for a browser that could not be opened.
    let (outcome, waiting) = sign_in_by_hand(&h, &ann, NoBrowser { private: false }).await;
    assert!(outcome.passed);
    let Progress::WaitingForBrowser { device_code, .. } = waiting else {
        unreachable!()
    };
    assert!(!device_code);
    // Another organisation is still offered it; any other failure does not block it.
    let bob = addr("bob@other.example");
    assert!(h.assistant.offers_device_code(Some(&profile), &bob));
    let expired = Finding::new(FindingCode::DeviceCodeExpired);
    let _ = h.assistant.device_code_failed(expired, &bob, &profile);
    assert!(h.assistant.offers_device_code(Some(&profile), &bob));
    // AADSTS53003 answering the code flow blocks it too.
    let policy = EntraError {
        error: "invalid_grant".into(),
        error_codes: vec![53003],
        ..Default::default()
    };
    let f = classify::entra(&policy, EntraPhase::DeviceCode);
    let _ = h.assistant.device_code_failed(f, &bob, &profile);
    assert!(!h.assistant.offers_device_code(Some(&profile), &bob));
}

#[test]
fn google_has_no_code_for_mail() {
    let mut s = settings();
    s.google.client_id = Some("1234-abc.apps.googleusercontent.com".into());
    let h = harness(s.clone());
    let google = crate::profile::google_oauth(&s.google);
    assert!(
        !h.assistant
            .offers_device_code(Some(&google), &addr("ann@school.example"))
    );
    assert!(
        !h.assistant
            .offers_device_code(None, &addr("ann@example.net"))
    );
}
