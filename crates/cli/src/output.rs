//! How the CLI shows things: progress lines on stderr, results on stdout (text or JSON).

use std::io::{IsTerminal, Write};

use mailsetup_core::address::Address;
use mailsetup_core::assistant::{AccountStatus, Outcome, Provisioning};
use mailsetup_core::deploy::DeploymentFile;
use mailsetup_core::findings::Finding;
use mailsetup_core::l10n::{self, Language, tr, tr_with};
use mailsetup_core::progress::{Progress, ProgressSink};
use mailsetup_core::registration::{ItemStatus, RegistrationReport, StaffFiles};

/// Output settings for one run.
pub struct Output {
    json: bool,
    quiet: bool,
}

impl Output {
    pub fn new(json: bool, quiet: bool) -> Self {
        Output { json, quiet }
    }

    /// Whether results are printed as JSON.
    pub fn json(&self) -> bool {
        self.json
    }

    /// A sink that prints progress on stderr (when quiet, only what the person must act on).
    pub fn progress_sink(&self) -> impl ProgressSink + use<> {
        let quiet = self.quiet;
        move |event: Progress| {
            // What the person must act on (a link to open, a code to enter) is shown even when
            // quiet: without it the sign-in cannot finish.
            let needs_the_person = match &event {
                Progress::WaitingForBrowser { opened, .. } => !opened,
                Progress::DeviceCode { .. } => true,
                _ => false,
            };
            if quiet && !needs_the_person {
                return;
            }
            let line = match event {
                Progress::StepStarted { label, .. } => {
                    format!(
                        "  {}",
                        tr_with("cli-progress-started", &[("label", label.into())])
                    )
                }
                Progress::StepPassed {
                    label, ms, detail, ..
                } => {
                    let mut args = vec![("label", label.into()), ("ms", ms.to_string().into())];
                    let id = match detail {
                        Some(d) => {
                            args.push(("detail", d.into()));
                            "cli-progress-passed-detail"
                        }
                        None => "cli-progress-passed",
                    };
                    format!("  {}", tr_with(id, &args))
                }
                Progress::StepFailed {
                    label, ms, finding, ..
                } => format!(
                    "  {}",
                    tr_with(
                        "cli-progress-failed",
                        &[
                            ("label", label.into()),
                            ("ms", ms.to_string().into()),
                            ("title", finding.title.clone().into()),
                        ]
                    )
                ),
                Progress::StepNoted { label, detail, .. } => format!(
                    "  {}",
                    tr_with(
                        "cli-progress-noted",
                        &[("label", label.into()), ("detail", detail.into())]
                    )
                ),
                Progress::WaitingForBrowser {
                    start_url,
                    private,
                    timeout_secs,
                    opened,
                    finding,
                    device_code,
                    ..
                } => waiting_lines(
                    &start_url,
                    private,
                    timeout_secs,
                    opened,
                    finding.as_ref(),
                    device_code,
                ),
                Progress::DeviceCode { prompt } => format!(
                    "\n    {}\n\n        {}\n\n    {}\n",
                    tr_with(
                        "cli-signin-device-code-open",
                        &[("url", prompt.verification_uri.clone().into())]
                    ),
                    prompt.user_code,
                    tr_with(
                        "cli-signin-device-code-valid",
                        &[("minutes", (prompt.expires_in_secs / 60).into())]
                    )
                ),
                _ => return,
            };
            let _ = writeln!(std::io::stderr(), "{line}");
        }
    }

    /// Prints several outcomes (one JSON array with `--json`, or one object when there is one).
    pub fn outcomes(&self, outcomes: &[Outcome]) {
        match outcomes {
            [one] => self.outcome(one),
            many if self.json => print_json(&many),
            many => many.iter().for_each(|o| self.outcome(o)),
        }
    }

    /// Prints an outcome on stdout.
    pub fn outcome(&self, outcome: &Outcome) {
        if self.json {
            print_json(outcome);
            return;
        }
        let args = [
            ("action", outcome.action.label().into()),
            ("address", outcome.address.clone().into()),
        ];
        let mut out = String::new();
        if outcome.passed {
            out.push_str(&tr_with("cli-outcome-passed", &args));
            out.push('\n');
            if let Some(a) = &outcome.account {
                let account = a.signed_in_as.as_deref().unwrap_or(&a.address);
                out.push_str(&tr_with(
                    "cli-outcome-signed-in",
                    &[("account", account.to_owned().into())],
                ));
                out.push('\n');
            }
        } else {
            out.push_str(&tr_with("cli-outcome-failed", &args));
            out.push_str("\n\n");
            for f in outcome.findings() {
                out.push_str(&f.to_text());
                out.push('\n');
            }
        }
        print!("{out}");
    }

    /// Why the report asked for was not written (stderr, also with `-q`: it was asked for).
    pub fn report_not_written(&self, path: &std::path::Path, f: &Finding) {
        eprintln!(
            "{}",
            tr_with("cli-report-not-written", &[("path", path_value(path))])
        );
        eprint!("{}", f.to_text());
    }

    /// A line on stderr (unless quiet), e.g. where a report was written.
    pub fn note(&self, text: &str) {
        if !self.quiet {
            eprintln!("{text}");
        }
    }

    /// One line per account as a batch verification finishes it (stderr).
    pub fn batch_line(&self, o: &Outcome) {
        if self.quiet {
            return;
        }
        let first = o.findings().next().map(|f| format!(": {}", f.title));
        eprintln!(
            "  {} {}{}",
            if o.passed { "✓" } else { "✗" },
            o.address,
            first.unwrap_or_default()
        );
    }

    /// The summary of a batch verification.
    pub fn batch(&self, outcomes: &[Outcome]) {
        if self.json {
            print_json(&outcomes);
            return;
        }
        if outcomes.is_empty() {
            println!("{}", tr("cli-verify-all-none"));
            return;
        }
        let failed: Vec<&Outcome> = outcomes.iter().filter(|o| !o.passed).collect();
        println!(
            "{}",
            tr_with(
                "cli-verify-all-summary",
                &[
                    ("total", outcomes.len().into()),
                    ("passed", (outcomes.len() - failed.len()).into()),
                    ("failed", failed.len().into()),
                ]
            )
        );
        for o in failed {
            println!(
                "\n{}",
                tr_with(
                    "cli-verify-all-failed",
                    &[("address", o.address.clone().into())]
                )
            );
            for f in o.findings() {
                print!("{}", f.to_text());
            }
        }
    }

    /// Prints the findings of `explain`.
    pub fn explained(&self, findings: &[Finding]) {
        if self.json {
            print_json(&serde_json::json!({ "findings": findings }));
            return;
        }
        for (i, f) in findings.iter().enumerate() {
            if i > 0 {
                println!();
            }
            print!("{}", f.to_text());
        }
    }

    /// Prints a finding that stopped the command before any step.
    pub fn finding_only(&self, finding: &Finding) {
        if self.json {
            print_json(&serde_json::json!({ "passed": false, "finding": finding }));
        } else {
            eprint!("{}", finding.to_text());
        }
    }

    /// Prints a line of information on stdout, the words `text` makes (from the Fluent files);
    /// with `--json`, `{"message": ...}` in English whatever the language: JSON never changes
    /// with the language.
    pub fn message(&self, text: impl Fn() -> String) {
        if self.json {
            let text = l10n::with(Language::English, text);
            print_json(&serde_json::json!({ "message": text }));
        } else {
            println!("{}", text());
        }
    }

    /// Prints the provisioning in effect.
    pub fn provisioning(&self, p: &Provisioning) {
        if self.json {
            print_json(p);
            return;
        }
        let stored = || format!(" {}", tr("cli-admin-show-secret-stored"));
        let rows = [
            (
                "cli-admin-show-settings-file",
                p.settings_file
                    .clone()
                    .unwrap_or_else(|| tr("cli-admin-show-no-settings-file")),
            ),
            ("cli-admin-show-cloud", written(&p.cloud)),
            ("cli-admin-show-authority", p.authority.clone()),
            ("cli-admin-show-tenant", p.tenant.clone()),
            (
                "cli-admin-show-client-id",
                p.client_id
                    .clone()
                    .unwrap_or_else(|| tr("cli-admin-show-no-client-id")),
            ),
            (
                "cli-admin-show-client-type",
                format!(
                    "{}{}",
                    written(&p.client_type),
                    if p.client_secret_stored {
                        stored()
                    } else {
                        String::new()
                    }
                ),
            ),
            ("cli-admin-show-redirect", p.redirect.clone()),
            ("cli-admin-show-servers", format!("{} / {}", p.smtp, p.imap)),
            (
                "cli-admin-show-google",
                match &p.google_client_id {
                    Some(id) if p.google_secret_stored => format!("{id}{}", stored()),
                    Some(id) => id.clone(),
                    None => tr("cli-admin-show-no-google"),
                },
            ),
            (
                "cli-admin-show-outlook",
                p.outlook_client_id
                    .clone()
                    .unwrap_or_else(|| tr("cli-admin-show-no-outlook")),
            ),
        ];
        print!("{}", aligned(&rows));
        settings_origins(p);
        if let Some(f) = &p.vault_problem {
            println!();
            print!("{}", f.to_text());
        }
    }

    /// Prints one deployment file as it is (with `--json`: its format, path and contents).
    pub fn deployment_file(&self, file: &DeploymentFile) {
        if self.json {
            print_json(file);
        } else {
            print!("{}", file.contents);
        }
    }

    /// Says which files were written.
    pub fn saved(&self, paths: &[std::path::PathBuf]) {
        if self.json {
            print_json(&serde_json::json!({ "saved": paths }));
            return;
        }
        for p in paths {
            println!(
                "{}",
                tr_with("cli-admin-export-written", &[("path", path_value(p))])
            );
        }
    }

    /// Prints the account list.
    pub fn accounts(&self, accounts: &[AccountStatus]) {
        if self.json {
            print_json(&accounts);
            return;
        }
        if accounts.is_empty() {
            println!("{}", tr("cli-accounts-none"));
            return;
        }
        for a in accounts {
            let s = &a.summary;
            let when = |t| [("when", mailsetup_core::report::when(t).into())];
            let check = match (s.last_check_passed, s.last_check_at) {
                (Some(true), Some(t)) => tr_with("cli-accounts-check-passed", &when(t)),
                (Some(false), Some(t)) => tr_with("cli-accounts-check-failed", &when(t)),
                _ => tr("cli-accounts-not-checked"),
            };
            let vault = tr(if a.in_vault {
                "cli-accounts-in-vault"
            } else {
                "cli-accounts-not-in-vault"
            });
            let who = match s.signed_in_as.as_deref() {
                Some(w) if !w.eq_ignore_ascii_case(&s.mailbox) => format!(
                    "{}; ",
                    tr_with(
                        "cli-accounts-signed-in-as",
                        &[("account", w.to_owned().into())]
                    )
                ),
                _ => String::new(),
            };
            println!(
                "{}  ({}, {}; {who}{}; {})",
                s.address,
                s.provider.label(),
                s.method.label(s.provider),
                vault,
                check
            );
            if let Some(h) = &a.health {
                println!("    {}", h.words);
            }
        }
    }

    /// Prints what `renew` did: one line per mailbox, then how long its sign-in lasts.
    pub fn renewed(&self, done: &[mailsetup_core::assistant::Renewed]) {
        if self.json {
            print_json(&done);
            return;
        }
        if done.is_empty() {
            println!("{}", tr("cli-renew-none"));
        }
        for r in done {
            // Quiet (a scheduled task): only what failed, so the scheduler mails nothing daily.
            if self.quiet && r.finding.is_none() {
                continue;
            }
            match &r.finding {
                None => println!(
                    "{}",
                    tr_with(
                        "cli-renew-renewed",
                        &[("address", r.address.clone().into())]
                    )
                ),
                Some(f) => println!("✗ {}: {}", r.address, f.title),
            }
            if let Some(h) = &r.health {
                println!("    {}", h.words);
            }
            if let Some(step) = r.finding.as_ref().and_then(|f| f.steps.first()) {
                println!("    {step}");
            }
        }
    }

    /// Reports the result of `accounts remove`.
    pub fn removed(&self, address: &Address, removed: bool) {
        if self.json {
            print_json(&serde_json::json!({ "address": address.display(), "removed": removed }));
        } else {
            let id = if removed {
                "cli-accounts-removed"
            } else {
                "cli-accounts-not-found"
            };
            let address = address.display().to_owned();
            println!("{}", tr_with(id, &[("address", address.into())]));
        }
    }
}

impl Output {
    /// The registration check: each item with ✓ (passed), ✗ (failed) or – (not checked), what
    /// was seen, and the fix; or why the check could not run.
    /// Prints the registration check's report, and with it the files saved for staff (or why
    /// they could not be saved) when they were asked for after a check that passed.
    pub fn registration(
        &self,
        r: &RegistrationReport,
        saved: Option<&Result<StaffFiles, Finding>>,
    ) {
        if self.json {
            let mut v = serde_json::to_value(r).unwrap_or_default();
            match saved {
                Some(Ok(files)) => v["saved"] = serde_json::to_value(files).unwrap_or_default(),
                Some(Err(f)) => v["notSaved"] = serde_json::to_value(f).unwrap_or_default(),
                None => {}
            }
            print_json(&v);
            return;
        }
        let mut out = tr("cli-admin-check-title");
        let parts = [
            ("cli-admin-check-of", "client", &r.client_id),
            ("cli-admin-check-in-tenant", "tenant", &r.tenant_id),
            ("cli-admin-check-read-as", "admin", &r.signed_in),
        ];
        for (id, name, value) in parts {
            if let Some(value) = value {
                out.push(' ');
                out.push_str(&tr_with(id, &[(name, value.clone().into())]));
            }
        }
        out.push_str(":\n\n");
        for item in &r.items {
            let mark = match item.status {
                ItemStatus::Passed => "✓",
                ItemStatus::Failed => "✗",
                ItemStatus::NotChecked => "–",
            };
            out.push_str(&format!("{mark} {}\n", item.label));
            // A failed item's finding opens with what was seen (its title is the detail).
            if item.status != ItemStatus::Failed || item.finding.is_none() {
                out.push_str(&format!("    {}\n", item.detail));
            }
            if let Some(f) = &item.finding {
                let text = f.to_text().trim_end().replace('\n', "\n    ");
                out.push_str(&format!("\n    {text}\n"));
            }
            out.push('\n');
        }
        if let Some(f) = &r.finding {
            out.push_str(&f.to_text());
            out.push('\n');
        }
        out.push_str(&r.summary);
        out.push('\n');
        match saved {
            Some(Ok(files)) => out.push_str(&staff_files_text(files)),
            Some(Err(f)) => {
                out.push('\n');
                out.push_str(&f.to_text());
                out.push('\n');
            }
            None => {}
        }
        print!("{out}");
    }
}

/// The files saved for staff: the folder, each file with what it is for, the values filled in.
fn staff_files_text(files: &StaffFiles) -> String {
    let folder = [("folder", files.saved.folder.clone().into())];
    let mut out = format!("\n{}\n", tr_with("cli-admin-check-saved-in", &folder));
    for f in &files.saved.files {
        out.push_str(&format!("  {}\n      {}\n", f.name, f.purpose));
    }
    out.push_str(&format!("\n{}\n", tr("cli-admin-check-values")));
    for v in &files.values {
        out.push_str(&format!("  {}: {}\n", v.label, v.value));
    }
    out
}

/// What the CLI prints while the sign-in waits for the browser: the link on a line of its own
/// (to copy, or for a script to read), and the code as the other way when the core offers it.
/// When no browser could be started, the core's finding says why and what to do.
fn waiting_lines(
    start_url: &str,
    private: bool,
    timeout_secs: u64,
    opened: bool,
    finding: Option<&Finding>,
    device_code: bool,
) -> String {
    let seconds = [("seconds", timeout_secs.to_string().into())];
    let mut out = match (opened, finding) {
        (false, Some(f)) => {
            let text = f.to_text().trim_end().replace('\n', "\n    ");
            let address = tr_with("cli-signin-browser-address", &seconds);
            format!("  ! {text}\n\n    {address}\n")
        }
        _ => format!(
            "  {} {}\n    {}\n",
            tr(if private {
                "cli-signin-browser-private"
            } else {
                "cli-signin-browser-default"
            }),
            tr_with("cli-signin-browser-finish", &seconds),
            tr("cli-signin-browser-open-yourself"),
        ),
    };
    out.push_str(&format!("\n        {start_url}\n"));
    if device_code {
        out.push_str(&format!(
            "\n    {}\n",
            tr("cli-signin-browser-device-code-hint")
        ));
    }
    out
}

pub fn print_json(value: &impl serde::Serialize) {
    match serde_json::to_string_pretty(value) {
        Ok(s) => println!("{s}"),
        Err(e) => eprintln!(
            "{}",
            tr_with("cli-json-failed", &[("error", e.to_string().into())])
        ),
    }
}

/// Prints a secret and a line end on standard output (`mailsetup token`), written and flushed
/// at once; nothing else ever goes there. A closed pipe is a failure the caller reports.
pub fn print_secret_line(secret: &secrecy::SecretString) -> Result<(), Finding> {
    use secrecy::ExposeSecret as _;
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(secret.expose_secret().as_bytes())
        .and_then(|()| stdout.write_all(b"\n"))
        .and_then(|()| stdout.flush())
        .map_err(|e| {
            Finding::internal(format!(
                "the token could not be written to standard output: {e}"
            ))
        })
}

/// Asks a yes/no question on the terminal (stderr), default no. The language's words for yes
/// are taken, and `y` and `yes` always.
pub fn ask_yes_no(question: &str) -> bool {
    eprint!("\n  {question} {} ", tr("cli-yes-no"));
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    if std::io::stdin().read_line(&mut line).is_err() {
        return false;
    }
    let answer = line.trim().to_lowercase();
    let yes = tr("cli-yes-answers");
    ["y", "yes"]
        .into_iter()
        .chain(yes.split_whitespace())
        .any(|word| word.to_lowercase() == answer)
}

/// Reads a secret: hidden on a terminal after the prompt (the message `prompt_id` and a space),
/// else one line from standard input.
pub fn read_secret(prompt_id: &str) -> Result<secrecy::SecretString, Finding> {
    let text = if std::io::stdin().is_terminal() {
        rpassword::prompt_password(format!("{} ", tr(prompt_id))).map_err(Finding::internal)?
    } else {
        let mut line = String::new();
        std::io::stdin()
            .read_line(&mut line)
            .map_err(Finding::internal)?;
        line
    };
    Ok(secrecy::SecretString::from(text.trim().to_owned()))
}

/// What was pasted on standard input for `explain`.
pub enum Pasted {
    /// The text (invalid UTF-8 replaced, not refused).
    Text(String),
    /// More than `explain` reads: the finding that says so, with the size.
    TooLong(Box<Finding>),
}

/// How much past the cap standard input is read to count it: an endless input (`/dev/zero`)
/// ends there.
const COUNT_AT_MOST: u64 = 64 * 1024 * 1024;

/// Reads standard input for `explain`: up to its cap (1 MiB; a pasted error is far smaller).
/// Past the cap, the rest is read only to count it (up to [`COUNT_AT_MOST`] more), never kept.
pub fn read_stdin() -> Result<Pasted, Finding> {
    use mailsetup_core::findings::classify::explain::{
        MAX_TEXT_BYTES, too_long, too_long_at_least,
    };
    use std::io::Read;
    if std::io::stdin().is_terminal() {
        eprintln!("{}", tr("cli-explain-paste"));
    }
    let mut stdin = std::io::stdin().lock();
    let mut bytes = Vec::new();
    (&mut stdin)
        .take(MAX_TEXT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(Finding::internal)?;
    if bytes.len() > MAX_TEXT_BYTES {
        let rest = std::io::copy(&mut (&mut stdin).take(COUNT_AT_MOST), &mut std::io::sink())
            .map_err(Finding::internal)?;
        let read = bytes
            .len()
            .saturating_add(usize::try_from(rest).unwrap_or(usize::MAX));
        let finding = if rest == COUNT_AT_MOST {
            too_long_at_least(read)
        } else {
            too_long(read)
        };
        return Ok(Pasted::TooLong(Box::new(finding)));
    }
    Ok(Pasted::Text(String::from_utf8_lossy(&bytes).into_owned()))
}

/// A setting's value as a settings file writes it (`global`, `public`), not Rust's name for it.
fn written(value: &impl serde::Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The settings sources read and every setting with where its value comes from.
fn settings_origins(p: &Provisioning) {
    println!();
    println!("{}", tr("cli-admin-show-sources"));
    if p.settings_sources.is_empty() {
        println!("  {}", tr("cli-admin-show-no-sources"));
    }
    for s in &p.settings_sources {
        println!("  {s}");
    }
    println!();
    println!("{}", tr("cli-admin-show-settings"));
    let not_set = tr("cli-admin-show-not-set");
    let width = p.settings.iter().map(|v| v.key.len()).max().unwrap_or(0);
    for v in &p.settings {
        match &v.value {
            Some(value) => println!("  {:width$}  {value}  [{}]", v.key, v.from),
            // Not set and without a default: where it came from says so again.
            None => println!("  {:width$}  {not_set}", v.key),
        }
    }
}

/// A path as a message's variable.
pub fn path_value(path: &std::path::Path) -> l10n::Value {
    path.display().to_string().into()
}

/// The column the values start at after `labels` (each followed by two spaces at least),
/// counted in characters, so that the values line up in every language.
pub fn label_width(labels: &[String]) -> usize {
    labels.iter().map(|l| l.chars().count()).max().unwrap_or(0) + 2
}

/// Lines of `label value`, each label (a message id) padded to [`label_width`].
fn aligned(rows: &[(&str, String)]) -> String {
    let labels: Vec<String> = rows.iter().map(|(id, _)| tr(id)).collect();
    let width = label_width(&labels);
    let mut out = String::new();
    for (label, (_, value)) in labels.iter().zip(rows) {
        out.push_str(&format!("{label:<width$}{value}\n"));
    }
    out
}
