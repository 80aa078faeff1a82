//! Progress: typed events for every step, and the record of a run.
//!
//! Core emits [`Progress`] events through a [`ProgressSink`]; the desktop shell forwards them over
//! a Tauri `Channel`, the CLI prints them on stderr. [`Run`] times each step, emits
//! started/passed/failed events and keeps a [`StepRecord`] per step for results and reports.
//! Events never hold secrets: findings are redacted, the browser's start URL holds no secret,
//! and the device code's secret part never leaves [`crate::oauth::device`].

use std::future::Future;
use std::sync::Mutex;
use std::time::Instant;

use serde::{Deserialize, Serialize};

use crate::findings::Finding;

/// A step of the wizard or of a check. Serialised in `snake_case`.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumIter,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "kebab-case")]
#[non_exhaustive]
pub enum Step {
    /// Anything before the first real step (reported only when it fails).
    Prepare,
    /// Work out the provider from the address's domain.
    Discover,
    /// Look up the mail server names (A/AAAA).
    Dns,
    /// TCP + STARTTLS + EHLO on the submission port.
    SmtpConnect,
    /// TCP + TLS + greeting/capabilities on the IMAP port.
    ImapConnect,
    /// Check the app registration and open a local port for the sign-in answer.
    Loopback,
    /// Open the system browser.
    OpenBrowser,
    /// Wait for the user to finish signing in in the browser.
    BrowserSignIn,
    /// Ask for a device code.
    DeviceCode,
    /// Wait for the person to enter the device code and sign in.
    DeviceSignIn,
    /// Redeem the authorization code for tokens.
    CodeExchange,
    /// Check what the tokens grant (scopes, refresh token).
    TokenCheck,
    /// Compare the signed-in account with the mailbox.
    AccountCheck,
    /// Save the sign-in in the OS vault.
    VaultStore,
    /// Read the saved sign-in from the OS vault.
    VaultRead,
    /// Get a fresh access token (from the saved refresh token).
    TokenRefresh,
    /// Sign in to the submission server (SMTP AUTH).
    SmtpAuth,
    /// Send the test message to the mailbox itself.
    SmtpSend,
    /// Sign in to the IMAP server.
    ImapAuth,
    /// Open the inbox.
    ImapSelect,
    /// Find the test message in the inbox.
    ImapFind,
    /// Whether port 25 answers (information only: the app never sends on it).
    Port25,
    /// Whether port 465 answers (information only).
    Port465,
    /// Reach the identity provider's sign-in service over HTTPS.
    IdentityProvider,
    /// The proxy settings in use (information only).
    Proxy,
    /// Look at the password's form (App Password spaces; information only).
    PasswordForm,
    /// Compare this computer's clock with the sign-in service's (a warning at most).
    Clock,
    /// Read the app registration from Microsoft Graph (the registration check).
    ReadRegistration,
    /// Try the stored client secret with Microsoft (the registration check).
    ClientSecretTrial,
}

impl Step {
    /// What the step is doing, in plain words for progress lines (the message `step-<name>`).
    pub fn label(self) -> String {
        crate::l10n::tr(&self.message_id())
    }

    /// What a passed step found, in one line for the person (`step-<name>.passed`); the
    /// technical facts are its detail.
    pub fn passed(self) -> String {
        let id = self.message_id();
        crate::l10n::text(&id, Some("passed"), &crate::l10n::Args::new()).unwrap_or(id)
    }

    /// Its Fluent message: `step-` and its name in kebab-case (`step-smtp-connect`).
    pub fn message_id(self) -> String {
        let name: &'static str = self.into();
        format!("step-{name}")
    }
}

/// One progress event. JSON: `{"event":"stepStarted","step":"dns",...}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    tag = "event",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
#[non_exhaustive]
pub enum Progress {
    /// A step began.
    StepStarted {
        /// Which step.
        step: Step,
        /// Plain-language label of the step.
        label: String,
    },
    /// A step finished well.
    StepPassed {
        /// Which step.
        step: Step,
        /// Plain-language label of the step.
        label: String,
        /// Duration in milliseconds.
        ms: u64,
        /// What it found, in one line for the person ([`Step::passed`]).
        summary: String,
        /// The technical facts (e.g. "TLS 1.3, AUTH XOAUTH2 offered"): the page's "Details" and
        /// the helpdesk report.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        detail: Option<String>,
    },
    /// A step failed; the finding explains it.
    StepFailed {
        /// Which step.
        step: Step,
        /// Plain-language label of the step.
        label: String,
        /// Duration in milliseconds.
        ms: u64,
        /// The explanation.
        finding: Finding,
    },
    /// A step that only informs finished (it can neither pass nor fail the check).
    StepNoted {
        /// Which step.
        step: Step,
        /// Plain-language label of the step.
        label: String,
        /// Duration in milliseconds.
        ms: u64,
        /// What was found, in plain words.
        detail: String,
        /// A warning: something to fix that did not stop anything.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        finding: Option<Finding>,
    },
    /// The app is waiting for the user in the browser: sent once the browser was started, or
    /// could not be, and always with the link to open by hand (the wait goes on either way).
    WaitingForBrowser {
        /// The local start page the browser was sent to (served once, on this computer only).
        /// It holds no secret, so the page and the CLI show it for copying into a browser
        /// (another or a private window, or any browser when none could be started).
        start_url: String,
        /// Whether a private window was asked for.
        private: bool,
        /// How long the app waits, in seconds.
        timeout_secs: u64,
        /// Whether the browser (or the private window) was started. When not, `finding` says
        /// why and how to open the link by hand.
        opened: bool,
        /// Why the browser could not be started (`BROWSER_OPEN_FAILED` or
        /// `PRIVATE_WINDOW_UNAVAILABLE`, with the link in its steps).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        finding: Option<Finding>,
        /// Whether signing in with a code on another device is offered as the other way.
        device_code: bool,
    },
    /// The person must enter a code on another device (device code flow).
    DeviceCode {
        /// The code and where to enter it.
        prompt: crate::oauth::device::DeviceCodePrompt,
    },
}

/// Receives progress events. Implemented for any `Fn(Progress) + Send + Sync`.
pub trait ProgressSink: Send + Sync {
    /// Handles one event; must not block for long.
    fn emit(&self, event: Progress);
}

impl<F: Fn(Progress) + Send + Sync> ProgressSink for F {
    fn emit(&self, event: Progress) {
        self(event)
    }
}

/// A sink that drops every event.
pub fn ignore() -> impl ProgressSink {
    |_: Progress| {}
}

/// Result of one step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The step succeeded.
    Passed,
    /// The step failed.
    Failed,
    /// The step only informs (e.g. "port 25 is blocked": the app does not need it).
    Info,
}

/// What happened in one step, for results and reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StepRecord {
    /// Which step.
    pub step: Step,
    /// Passed or failed.
    pub status: Status,
    /// When the step started, in milliseconds after the action started (steps overlap).
    #[serde(default)]
    pub start_ms: u64,
    /// Duration in milliseconds.
    pub ms: u64,
    /// A short fact about a passed step.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub detail: Option<String>,
    /// Why a failed step failed, or the warning of an information-only step.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub finding: Option<Finding>,
}

/// Times steps, emits their events and records them. Shared by reference between concurrent
/// steps (records are kept behind a short-lived mutex that is never held across `.await`).
pub struct Run<'a> {
    sink: &'a dyn ProgressSink,
    records: Mutex<Vec<StepRecord>>,
    started: Instant,
}

/// What a step returns on success: the value and an optional detail line.
pub struct Done<T> {
    /// The step's value.
    pub value: T,
    /// A short fact worth showing.
    pub detail: Option<String>,
}

impl<T> From<T> for Done<T> {
    fn from(value: T) -> Self {
        Done {
            value,
            detail: None,
        }
    }
}

impl<T> Done<T> {
    /// A value with a detail line.
    pub fn with_detail(value: T, detail: impl Into<String>) -> Self {
        Done {
            value,
            detail: Some(detail.into()),
        }
    }
}

impl<'a> Run<'a> {
    /// A run that reports to `sink`.
    pub fn new(sink: &'a dyn ProgressSink) -> Self {
        Run {
            sink,
            records: Mutex::new(Vec::new()),
            started: Instant::now(),
        }
    }

    /// Emits an event that is not a step boundary.
    pub fn emit(&self, event: Progress) {
        self.sink.emit(event);
    }

    /// Runs one step: emits `stepStarted`, awaits `fut`, emits `stepPassed`/`stepFailed` with
    /// the duration, and records the outcome.
    pub async fn step<T, F>(&self, step: Step, fut: F) -> Result<T, Finding>
    where
        F: Future<Output = Result<T, Finding>>,
    {
        self.step_detail(step, async { fut.await.map(Done::from) })
            .await
    }

    /// As [`Run::step`], for a step that also reports a detail line.
    pub async fn step_detail<T, F>(&self, step: Step, fut: F) -> Result<T, Finding>
    where
        F: Future<Output = Result<Done<T>, Finding>>,
    {
        self.sink.emit(Progress::StepStarted {
            step,
            label: step.label(),
        });
        let start = Instant::now();
        let result = fut.await;
        let ms = u64::try_from(start.elapsed().as_millis()).unwrap_or(u64::MAX);
        match result {
            Ok(Done { value, detail }) => {
                self.record(StepRecord {
                    step,
                    status: Status::Passed,
                    start_ms: self.offset(start),
                    ms,
                    detail: detail.clone(),
                    finding: None,
                });
                self.sink.emit(Progress::StepPassed {
                    step,
                    label: step.label(),
                    ms,
                    summary: step.passed(),
                    detail,
                });
                Ok(value)
            }
            Err(finding) => {
                let finding = finding.finish();
                self.record(StepRecord {
                    step,
                    status: Status::Failed,
                    start_ms: self.offset(start),
                    ms,
                    detail: None,
                    finding: Some(finding.clone()),
                });
                self.sink.emit(Progress::StepFailed {
                    step,
                    label: step.label(),
                    ms,
                    finding: finding.clone(),
                });
                Err(finding)
            }
        }
    }

    /// Runs an information-only step: its result is a sentence, never a pass or a failure.
    pub async fn note<F>(&self, step: Step, fut: F) -> String
    where
        F: Future<Output = String>,
    {
        self.sink.emit(Progress::StepStarted {
            step,
            label: step.label(),
        });
        let start = Instant::now();
        let detail = fut.await;
        let ms = u64::try_from(start.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.record(StepRecord {
            step,
            status: Status::Info,
            start_ms: self.offset(start),
            ms,
            detail: Some(detail.clone()),
            finding: None,
        });
        self.sink.emit(Progress::StepNoted {
            step,
            label: step.label(),
            ms,
            detail: detail.clone(),
            finding: None,
        });
        detail
    }

    /// Records a warning: `finding` explains something to fix that stopped nothing (the step is
    /// information only, so the action still passes).
    pub fn warn(&self, step: Step, finding: Finding) {
        let finding = finding.finish();
        self.sink.emit(Progress::StepStarted {
            step,
            label: step.label(),
        });
        self.record(StepRecord {
            step,
            status: Status::Info,
            start_ms: self.offset(Instant::now()),
            ms: 0,
            detail: Some(finding.title.clone()),
            finding: Some(finding.clone()),
        });
        self.sink.emit(Progress::StepNoted {
            step,
            label: step.label(),
            ms: 0,
            detail: finding.title.clone(),
            finding: Some(finding),
        });
    }

    /// Records `step` as failed at once (a decision, not work) and returns the finding.
    pub fn fail(&self, step: Step, finding: Finding) -> Finding {
        let finding = finding.finish();
        self.sink.emit(Progress::StepStarted {
            step,
            label: step.label(),
        });
        self.record(StepRecord {
            step,
            status: Status::Failed,
            start_ms: self.offset(Instant::now()),
            ms: 0,
            detail: None,
            finding: Some(finding.clone()),
        });
        self.sink.emit(Progress::StepFailed {
            step,
            label: step.label(),
            ms: 0,
            finding: finding.clone(),
        });
        finding
    }

    fn offset(&self, at: Instant) -> u64 {
        u64::try_from(at.duration_since(self.started).as_millis()).unwrap_or(u64::MAX)
    }

    // A lock poisoned by a panic in another step is taken over: a push cannot be left half
    // done, and dropping the records would hide what happened from the person.
    fn record(&self, record: StepRecord) {
        self.records
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(record);
    }

    /// The number of steps recorded so far (a mark for [`Run::overcome_since`]).
    pub fn mark(&self) -> usize {
        self.records
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .len()
    }

    /// The failures recorded since `mark` were overcome (a retry that passed): they stay in
    /// the timeline as information, with their findings, and no longer fail the run.
    pub fn overcome_since(&self, mark: usize) {
        let mut records = self
            .records
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        for r in records.iter_mut().skip(mark) {
            if r.status == Status::Failed {
                r.status = Status::Info;
            }
        }
    }

    /// Consumes the run, returning its records.
    pub fn into_records(self) -> Vec<StepRecord> {
        self.records
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}
