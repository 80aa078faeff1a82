//! How the CLI shows things: progress lines on stderr, results on stdout (text or JSON).

use std::io::{IsTerminal, Write};

use mailsetup_core::address::Address;
use mailsetup_core::assistant::{AccountStatus, Outcome, Provisioning};
use mailsetup_core::deploy::DeploymentFile;
use mailsetup_core::findings::Finding;
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
                Progress::StepStarted { label, .. } => format!("  … {label}"),
                Progress::StepPassed {
                    label, ms, detail, ..
                } => match detail {
                    Some(d) => format!("  ✓ {label} ({ms} ms): {d}"),
                    None => format!("  ✓ {label} ({ms} ms)"),
                },
                Progress::StepFailed {
                    label, ms, finding, ..
                } => format!("  ✗ {label} ({ms} ms): {}", finding.title),
                Progress::StepNoted { label, detail, .. } => format!("  ℹ {label}: {detail}"),
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
                    "\n    To sign in, open {} on any device and enter the code\n\n        {}\n\n    (valid for {} minutes; Ctrl-C cancels)\n",
                    prompt.verification_uri,
                    prompt.user_code,
                    prompt.expires_in_secs / 60
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
        let what = outcome.action.label();
        let mut out = String::new();
        if outcome.passed {
            out.push_str(&format!("{what} for {}: passed.\n", outcome.address));
            if let Some(a) = &outcome.account {
                out.push_str(&format!(
                    "Signed in as {} and saved in this computer's vault.\n",
                    a.signed_in_as.as_deref().unwrap_or(&a.address)
                ));
            }
        } else {
            out.push_str(&format!("{what} for {}: FAILED.\n\n", outcome.address));
            for f in outcome.findings() {
                out.push_str(&f.to_text());
                out.push('\n');
            }
        }
        print!("{out}");
    }

    /// Why the report asked for was not written (stderr, also with `-q`: it was asked for).
    pub fn report_not_written(&self, path: &std::path::Path, f: &Finding) {
        eprintln!("The report was not written to {}.", path.display());
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
            println!(
                "No mailbox is set up on this computer yet, so there is nothing to verify. Set one up first: mailsetup signin <address>"
            );
            return;
        }
        let failed: Vec<&Outcome> = outcomes.iter().filter(|o| !o.passed).collect();
        println!(
            "Verified {} mailboxes: {} passed, {} failed.",
            outcomes.len(),
            outcomes.len() - failed.len(),
            failed.len()
        );
        for o in failed {
            println!("\n{}: FAILED", o.address);
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

    /// Prints a line of information on stdout (or `{"message": ...}` with `--json`).
    pub fn message(&self, text: &str) {
        if self.json {
            print_json(&serde_json::json!({ "message": text }));
        } else {
            println!("{text}");
        }
    }

    /// Prints the provisioning in effect.
    pub fn provisioning(&self, p: &Provisioning) {
        if self.json {
            print_json(p);
            return;
        }
        println!(
            "Settings file:   {}",
            p.settings_file
                .as_deref()
                .unwrap_or("(none: built-in defaults)")
        );
        println!("Cloud:           {:?}", p.cloud);
        println!("Authority:       {}", p.authority);
        println!("Tenant:          {}", p.tenant);
        println!(
            "Client ID:       {}",
            p.client_id
                .as_deref()
                .unwrap_or("(not set: Microsoft sign-in is not configured)")
        );
        println!(
            "Client type:     {:?}{}",
            p.client_type,
            if p.client_secret_stored {
                " (client secret stored in the vault)"
            } else {
                ""
            }
        );
        println!("Redirect URI:    {}", p.redirect);
        println!("SMTP / IMAP:     {} / {}", p.smtp, p.imap);
        println!(
            "Google sign-in:  {}",
            match &p.google_client_id {
                Some(id) if p.google_secret_stored =>
                    format!("{id} (client secret stored in the vault)"),
                Some(id) => id.clone(),
                None => "not set: Gmail and Google Workspace use App Passwords".into(),
            }
        );
        println!(
            "Outlook.com:     {}",
            p.outlook_client_id
                .as_deref()
                .unwrap_or("not set: personal Microsoft accounts cannot sign in")
        );
        settings_origins(p);
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
            println!("Written: {}", p.display());
        }
    }

    /// Prints the account list.
    pub fn accounts(&self, accounts: &[AccountStatus]) {
        if self.json {
            print_json(&accounts);
            return;
        }
        if accounts.is_empty() {
            println!("No mailboxes are set up on this computer.");
            return;
        }
        for a in accounts {
            let s = &a.summary;
            let check = match (s.last_check_passed, s.last_check_at) {
                (Some(true), Some(t)) => {
                    format!("last check passed {}", mailsetup_core::report::when(t))
                }
                (Some(false), Some(t)) => {
                    format!("last check FAILED {}", mailsetup_core::report::when(t))
                }
                _ => "not checked yet".into(),
            };
            let vault = if a.in_vault {
                "sign-in saved"
            } else {
                "sign-in MISSING from the vault"
            };
            let who = match s.signed_in_as.as_deref() {
                Some(w) if !w.eq_ignore_ascii_case(&s.mailbox) => format!("signed in as {w}; "),
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
            println!(
                "No mailbox on this computer signs in with Microsoft or Google: nothing to renew."
            );
        }
        for r in done {
            // Quiet (a scheduled task): only what failed, so the scheduler mails nothing daily.
            if self.quiet && r.finding.is_none() {
                continue;
            }
            match &r.finding {
                None => println!("✓ {}: renewed.", r.address),
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
        } else if removed {
            println!(
                "Removed {} and its saved sign-in from this computer.",
                address.display()
            );
        } else {
            println!(
                "{} was not set up on this computer; nothing to remove.",
                address.display()
            );
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
        let mut out = String::from("App registration check");
        if let Some(id) = &r.client_id {
            out.push_str(&format!(" of {id}"));
        }
        if let Some(t) = &r.tenant_id {
            out.push_str(&format!(" in organisation {t}"));
        }
        if let Some(who) = &r.signed_in {
            out.push_str(&format!(
                " (read as {who}; nothing of this sign-in was saved)"
            ));
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
    let mut out = format!(
        "\nThe files for staff are saved in {}:\n",
        files.saved.folder
    );
    for f in &files.saved.files {
        out.push_str(&format!("  {}\n      {}\n", f.name, f.purpose));
    }
    out.push_str("\nThey set these values (the others keep the app's defaults):\n");
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
    let mut out = match (opened, finding) {
        (false, Some(f)) => {
            let text = f.to_text().trim_end().replace('\n', "\n    ");
            format!(
                "  ! {text}\n\n    The address to open (the app waits up to {timeout_secs} s; Ctrl-C cancels):\n"
            )
        }
        _ => format!(
            "  {} Finish signing in there (waiting up to {timeout_secs} s; Ctrl-C cancels).\n    If no window opened, open this address yourself in a browser on this computer (in a private window if another account is signed in):\n",
            if private {
                "The sign-in page was handed to a private browser window."
            } else {
                "The sign-in page was handed to your web browser."
            }
        ),
    };
    out.push_str(&format!("\n        {start_url}\n"));
    if device_code {
        out.push_str("\n    No browser on this computer? Sign in with a code on another device instead: press Ctrl-C and run the sign-in again with --device-code.\n");
    }
    out
}

pub fn print_json(value: &impl serde::Serialize) {
    match serde_json::to_string_pretty(value) {
        Ok(s) => println!("{s}"),
        Err(e) => eprintln!("mailsetup: cannot print JSON: {e}"),
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

/// Asks a yes/no question on the terminal (stderr), default no.
pub fn ask_yes_no(question: &str) -> bool {
    eprint!("\n  {question} [y/N] ");
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    std::io::stdin().read_line(&mut line).is_ok()
        && matches!(line.trim().to_ascii_lowercase().as_str(), "y" | "yes")
}

/// Reads a secret: hidden on a terminal, else one line from standard input.
pub fn read_secret(prompt: &str) -> Result<secrecy::SecretString, Finding> {
    let text = if std::io::stdin().is_terminal() {
        rpassword::prompt_password(prompt).map_err(Finding::internal)?
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
        eprintln!("Paste the error text, then press Ctrl-D (Ctrl-Z then Enter on Windows):");
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

/// The settings sources read and every setting with where its value comes from.
fn settings_origins(p: &Provisioning) {
    println!();
    println!("Settings read, the first wins:");
    if p.settings_sources.is_empty() {
        println!("  none: every setting has its built-in default");
    }
    for s in &p.settings_sources {
        println!("  {s}");
    }
    println!();
    println!("Each setting, its value, and where the value comes from:");
    let width = p.settings.iter().map(|v| v.key.len()).max().unwrap_or(0);
    for v in &p.settings {
        println!(
            "  {:width$}  {}  [{}]",
            v.key,
            v.value.as_deref().unwrap_or("(not set)"),
            v.from
        );
    }
}
