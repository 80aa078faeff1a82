//! `mailsetup`: the command-line Mail Setup Assistant, for helpdesks and scripts.
//!
//! A thin layer over `mailsetup-core`: it parses arguments, prints progress on stderr and the
//! result on stdout (text, or JSON with `--json`), and turns the outcome into an exit code:
//! 0 when everything asked for passed, 1 when something failed (the findings say what and how to
//! fix it), 2 for a command-line mistake.

mod output;
mod relay;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use mailsetup_core::address::Address;
use mailsetup_core::assistant::{
    AdminCheckOptions, Assistant, HelperFailure, MailServer, Outcome, Registration, SignInOptions,
    TokenForm, VerifyOptions,
};
use mailsetup_core::browser::BrowserKind;
use mailsetup_core::deploy::{self, Format, Values};
use mailsetup_core::findings::{Finding, FindingCode, Param};
use mailsetup_core::l10n::{tr, tr_with};
use mailsetup_core::settings::{CONFIG_ENV, Settings};
use tokio_util::sync::CancellationToken;

/// Set up and verify a mailbox with modern sign-in (OAuth2 / MFA).
#[derive(Parser, Debug)]
#[command(name = "mailsetup", version, about, long_about = None)]
struct Cli {
    /// Settings file (TOML), in place of the per-user settings file (default: $MAILSETUP_CONFIG,
    /// else the per-user file). What IT manages for the computer still wins over it: the
    /// Windows policy (HKLM\SOFTWARE\Policies\mailsetup), the macOS managed preferences, and
    /// IT's settings file (/etc/mailsetup/settings.toml on Linux).
    #[arg(long, global = true, value_name = "FILE", env = CONFIG_ENV)]
    config: Option<PathBuf>,
    /// Print the result as JSON on stdout (progress still goes to stderr).
    #[arg(long, global = true)]
    json: bool,
    /// Print no progress lines.
    #[arg(long, short, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Sign in to the mailbox in the system browser and save the sign-in in the OS vault.
    Signin {
        /// The mailbox address, e.g. ann@example.edu (for a shared mailbox: the shared address).
        address: String,
        /// Seconds to wait for the browser (default: the settings' sign_in timeout, 300), or
        /// with --device-code for the code to be entered (default: until the code expires).
        #[arg(long, value_name = "SECS")]
        timeout: Option<u64>,
        /// Open a private window (Edge InPrivate, Chrome/Chromium incognito, Firefox private);
        /// optionally name the browser: edge, chrome, chromium, brave, firefox.
        #[arg(long, value_name = "BROWSER", num_args = 0..=1, default_missing_value = "default")]
        private: Option<String>,
        /// Ask Microsoft to show the account picker instead of suggesting the address.
        #[arg(long)]
        pick_account: bool,
        /// Shared mailbox: sign in as this delegate (your own account), use the mailbox above.
        #[arg(long = "as", value_name = "DELEGATE")]
        sign_in_as: Option<String>,
        /// No browser here: sign in on another device with a code.
        #[arg(long)]
        device_code: bool,
        /// Accept this signed-in account if Microsoft returns a related account (alias, other
        /// sign-in name) instead of asking.
        #[arg(long, value_name = "ACCOUNT")]
        accept_account: Option<String>,
        /// Sign in with a password instead: a Google App Password, or another provider's
        /// password. Read from standard input (hidden on a terminal).
        #[arg(long, conflicts_with_all = ["device_code", "private", "pick_account", "sign_in_as"])]
        password: bool,
        #[command(flatten)]
        servers: ServerArgs,
    },
    /// Check the saved sign-in: renew the token, sign in to SMTP and IMAP.
    Verify {
        /// The mailbox address (or --all).
        #[arg(required_unless_present = "all", conflicts_with = "all")]
        address: Option<String>,
        /// Verify every mailbox set up on this computer, several at a time.
        #[arg(long)]
        all: bool,
        /// Also send a test message to the mailbox itself and find it over IMAP.
        #[arg(long)]
        send_test: bool,
        /// Also run the connection check, and write the helpdesk report to FILE (.html, .json,
        /// else text); with --all, one HTML report per mailbox into the folder FILE names
        /// (made when missing). A report never holds a secret.
        #[arg(long, value_name = "FILE")]
        report: Option<PathBuf>,
    },
    /// Check the connection to the mail servers: DNS (MX, A/AAAA), ports (submission, IMAP,
    /// and 25/465 for information), TLS version and certificate, SMTP EHLO before and after
    /// STARTTLS, IMAP capabilities, the sign-in service and the proxy settings.
    Diagnose {
        /// The mailbox address.
        address: String,
        #[command(flatten)]
        servers: ServerArgs,
        /// Write the helpdesk report to FILE (.html, .json, else text).
        #[arg(long, value_name = "FILE")]
        report: Option<PathBuf>,
    },
    /// Explain an error someone copied: an SMTP or IMAP reply or transcript, an AADSTS message,
    /// a token-endpoint JSON body, a browser error page's text. Reads standard input when TEXT
    /// is `-` or missing. Exit code 0 when the text was recognised, 1 when not.
    Explain {
        /// The text; `-` or nothing reads standard input (up to 1 MiB).
        text: Vec<String>,
    },
    /// Print a valid access token of a saved sign-in, for a mail program (renewed when needed,
    /// one renewal at a time however many programs ask): msmtp's `passwordeval`, curl's
    /// `--oauth2-bearer`, Python's smtplib and imaplib, git send-email, isync (README: "Use the
    /// sign-in in other mail programs"). Only the token goes to standard output, messages to
    /// standard error. Exit codes: 0 token printed; 77 sign in again (`mailsetup signin`);
    /// 75 temporary (network, provider, vault locked, another renewal still running): try again
    /// later; 1 anything else; 2 a command-line mistake.
    Token {
        /// The mailbox address.
        address: String,
        /// The form: the bare token; the SASL XOAUTH2 initial response base64-encoded
        /// (`xoauth2`) or raw (`xoauth2-raw`); or JSON with the expiry and the `user=` for each
        /// server (also with --json).
        #[arg(long, value_enum, default_value = "token")]
        format: TokenFormArg,
        /// The server an XOAUTH2 string is for: for a shared mailbox IMAP signs in as the
        /// mailbox and SMTP as the delegate who signed in.
        #[arg(
            long = "for",
            value_enum,
            value_name = "SERVER",
            default_value = "imap"
        )]
        server: ServerArg,
    },
    /// Renew saved sign-ins now with their refresh tokens, and say how long each lasts: one
    /// mailbox, or --all (for a scheduled task). Microsoft ends a sign-in unused for 90 days;
    /// a renewal starts the 90 days again. Exit code 0 when every renewal worked.
    Renew {
        /// The mailbox address (or --all).
        #[arg(required_unless_present_any = ["all", "schedule", "unschedule"], conflicts_with = "all")]
        address: Option<String>,
        /// Every mailbox signed in with Microsoft or Google on this computer.
        #[arg(long)]
        all: bool,
        /// Register `renew --all` once a day with this computer's scheduler (Windows Task
        /// Scheduler while you are logged on, launchd, a systemd user timer, else your crontab),
        /// for this account. (Google's 7 days for an OAuth client in "Testing" cannot be renewed
        /// away: IT publishes the client.)
        #[arg(long, conflicts_with_all = ["address", "all", "unschedule"])]
        schedule: bool,
        /// Remove the daily renewal from the scheduler.
        #[arg(long, conflicts_with_all = ["address", "all"])]
        unschedule: bool,
    },
    /// Run the local relay for programs on this computer that only know a user name and a
    /// password (scan-to-email software, an older mail program, a script): they send to it
    /// (127.0.0.1:1587, no encryption: it never leaves the computer) with a relay password, and
    /// it sends their mail with the mailbox's sign-in. Runs until Ctrl+C. `relay add` gives a
    /// program its password.
    #[command(args_conflicts_with_subcommands = true)]
    Relay {
        #[command(subcommand)]
        command: Option<relay::RelayCommand>,
        #[command(flatten)]
        serve: relay::ServeArgs,
    },
    /// List or remove the mailboxes set up on this computer.
    Accounts {
        #[command(subcommand)]
        command: AccountsCommand,
    },
    /// For administrators: the settings in effect and where each comes from, the check of the app
    /// registration, the deployment files for IT, and the client secret of a "Web" registration.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
}

/// Server settings typed in, for a provider the app does not know (when autoconfig finds
/// nothing). Both servers use TLS: IMAP implicit TLS; SMTP STARTTLS, or implicit TLS on 465.
#[derive(clap::Args, Debug, Default)]
struct ServerArgs {
    /// IMAP server, e.g. imap.example.net:993 (TLS).
    #[arg(long, value_name = "HOST:PORT", requires = "smtp")]
    imap: Option<String>,
    /// SMTP submission server, e.g. smtp.example.net:587 (STARTTLS) or :465 (TLS).
    #[arg(long, value_name = "HOST:PORT", requires = "imap")]
    smtp: Option<String>,
    /// The login name when it is not the address.
    #[arg(long, value_name = "NAME", requires = "imap")]
    username: Option<String>,
}

/// `mailsetup token --format`.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum TokenFormArg {
    Token,
    Xoauth2,
    Xoauth2Raw,
    Json,
}

/// `mailsetup token --for`.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum ServerArg {
    Smtp,
    Imap,
}

#[derive(Subcommand, Debug)]
enum AdminCommand {
    /// Show the provisioning in effect (tenant, client id, cloud, servers) and every setting
    /// with where its value comes from (IT policy, IT's file, the user's file, default).
    Show,
    /// Check the app registration in the settings (client_id) in Microsoft Entra, item by item:
    /// it exists and is enabled, public client (or a valid stored secret for a "Web" one), the
    /// redirect URI, the delegated permissions and their admin consent, and no permissions it does
    /// not need. An administrator signs in in the browser (with Microsoft's "Microsoft Graph
    /// Command Line Tools" app, read-only); nothing of theirs is stored. Exit code 0 only when
    /// every item passed (and, with --save, the files were saved).
    Check {
        /// The administrator's account to sign in with (else Microsoft shows the account picker).
        #[arg(long = "as", value_name = "ADMIN")]
        admin: Option<String>,
        /// Seconds to wait for the browser (default: the settings' sign_in timeout, 300).
        #[arg(long, value_name = "SECS")]
        timeout: Option<u64>,
        /// When every item passed, save the deployment files for staff into this folder, with
        /// the values checked filled in (client id, your organisation's tenant id, registration
        /// type, redirect URI): mailsetup.admx and en-US/mailsetup.adml (Group Policy, Intune),
        /// mailsetup.mobileconfig (Mac MDM) and settings.toml (Linux).
        #[arg(long, value_name = "DIR")]
        save: Option<PathBuf>,
    },
    /// Write the deployment files for IT, with the settings in effect (or the examples): the
    /// Group Policy template (mailsetup.admx, en-US/mailsetup.adml), a macOS configuration
    /// profile (mailsetup.mobileconfig) and the settings file (settings.toml).
    Export {
        /// Which file (repeat for several): admx, adml, mobileconfig or toml. Default: all.
        #[arg(long = "format", value_name = "FORMAT", value_parser = ["admx", "adml", "mobileconfig", "toml"])]
        formats: Vec<String>,
        /// Write the files into this folder. Without it, the one file named with --format is
        /// printed on standard output.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Every setting's example instead of the settings in effect (the samples in deploy/).
        #[arg(long)]
        examples: bool,
    },
    /// Store the client secret of a confidential ("Web") registration in the OS vault. Reads it
    /// from standard input (not echoed on a terminal); never written to a file.
    SetClientSecret {
        /// The Google OAuth client's secret instead of the Microsoft registration's.
        #[arg(long)]
        google: bool,
    },
    /// Remove the stored client secret.
    RemoveClientSecret {
        /// The Google OAuth client's secret instead of the Microsoft registration's.
        #[arg(long)]
        google: bool,
    },
}

#[derive(Subcommand, Debug)]
enum AccountsCommand {
    /// List the mailboxes set up on this computer.
    List,
    /// Remove a mailbox's saved sign-in from the vault and the list.
    Remove {
        /// The mailbox address.
        address: String,
    },
}

fn main() -> ExitCode {
    // A panic prints a fixed line, never its message (it may quote a pasted text or a token).
    mailsetup_core::crash::install();
    // The OS's language until the settings are read (they may choose another).
    mailsetup_core::l10n::init(None);
    let cli = Cli::parse();
    mailsetup_core::logging::init(cli.quiet);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!(
                "{}",
                tr_with("cli-cannot-start", &[("error", e.to_string().into())])
            );
            return ExitCode::from(1);
        }
    };
    let out = output::Output::new(cli.json, cli.quiet);
    if let Command::Token {
        address,
        format,
        server,
    } = &cli.command
    {
        let form = if cli.json {
            TokenForm::Json
        } else {
            token_form(*format)
        };
        let server = match server {
            ServerArg::Smtp => MailServer::Smtp,
            ServerArg::Imap => MailServer::Imap,
        };
        return runtime.block_on(token(cli.config.as_deref(), address, form, server));
    }
    match runtime.block_on(run(cli, &out)) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(finding) => {
            out.finding_only(&finding);
            ExitCode::from(1)
        }
    }
}

fn token_form(arg: TokenFormArg) -> TokenForm {
    match arg {
        TokenFormArg::Token => TokenForm::Bare,
        TokenFormArg::Xoauth2 => TokenForm::Xoauth2,
        TokenFormArg::Xoauth2Raw => TokenForm::Xoauth2Raw,
        TokenFormArg::Json => TokenForm::Json,
    }
}

/// `mailsetup token`: the token alone on standard output, a failure on standard error with the
/// exit code a calling program can act on ([`HelperFailure`]).
async fn token(
    config: Option<&std::path::Path>,
    address: &str,
    form: TokenForm,
    server: MailServer,
) -> ExitCode {
    let printed = async {
        // The settings first: they choose the language of any failure, the address's too.
        let settings = Settings::discover(config)?;
        mailsetup_core::l10n::init(settings.language);
        let address = Address::parse(address)?;
        let assistant = Assistant::new(settings)?;
        let token = assistant.token(&address).await?;
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let text = token.render(form, server, now)?;
        output::print_secret_line(&text)
    };
    match printed.await {
        Ok(()) => ExitCode::SUCCESS,
        Err(finding) => {
            eprint!("mailsetup token: {}", finding.to_text());
            ExitCode::from(HelperFailure::of(finding.code).exit_code())
        }
    }
}

/// Runs the command; `Ok(passed)` or a finding that stopped it before any step.
async fn run(cli: Cli, out: &output::Output) -> Result<bool, Finding> {
    if let Command::Explain { text } = &cli.command {
        // Needs no settings, network or vault: works on any helpdesk computer. Settings that
        // can be read only choose the language (a broken file is no reason not to explain).
        if let Ok(settings) = Settings::discover(cli.config.as_deref()) {
            mailsetup_core::l10n::init(settings.language);
        }
        return explain(text, out);
    }
    let settings = Settings::discover(cli.config.as_deref())?;
    mailsetup_core::l10n::init(settings.language);
    let assistant = Assistant::new(settings)?;
    let sink = out.progress_sink();
    match cli.command {
        Command::Signin {
            address,
            timeout,
            private,
            pick_account,
            sign_in_as,
            device_code,
            accept_account,
            password,
            servers,
        } => {
            let address = Address::parse(&address)?;
            use_servers(&assistant, &address, servers)?;
            if password {
                let secret = output::read_secret("cli-signin-password-prompt")?;
                let outcome = assistant.sign_in_password(&address, &secret, &sink).await;
                out.outcome(&outcome);
                return Ok(outcome.passed);
            }
            let choice = private.as_deref().map(browser_kind).transpose()?.flatten();
            let browser = mailsetup_core::browser::for_sign_in(private.is_some(), choice);
            let opts = SignInOptions {
                browser,
                cancel: cancel_on_ctrl_c(),
                timeout: timeout.map(std::time::Duration::from_secs),
                pick_account,
                sign_in_as: sign_in_as.as_deref().map(Address::parse).transpose()?,
            };
            let mut outcome = if device_code {
                assistant.sign_in_with_code(&address, &opts, &sink).await
            } else {
                assistant.sign_in(&address, &opts, &sink).await
            };
            if let Some(question) = outcome.confirm.clone() {
                let accept = match accept_account {
                    Some(name) => {
                        Address::parse(&name).is_ok_and(|a| a.same_mailbox(&question.signed_in))
                    }
                    None if std::io::stdin().is_terminal() => {
                        output::ask_yes_no(&question.question)
                    }
                    None => {
                        let f = Finding::new(FindingCode::AccountConfirmationNeeded)
                            .with(Param::SignedIn, &question.signed_in)
                            .with(Param::Mailbox, &question.mailbox)
                            .finish();
                        out.finding_only(&f);
                        let _ = assistant
                            .confirm_sign_in(&address, false, &mailsetup_core::progress::ignore())
                            .await;
                        return Ok(false);
                    }
                };
                outcome = assistant.confirm_sign_in(&address, accept, &sink).await;
            }
            out.outcome(&outcome);
            Ok(outcome.passed)
        }
        Command::Verify {
            all: true,
            send_test,
            report,
            ..
        } => {
            if let Some(dir) = &report {
                std::fs::create_dir_all(dir).map_err(|e| {
                    Finding::internal(format!("the folder {} cannot be made: {e}", dir.display()))
                })?;
            }
            let opts = VerifyOptions { send_test };
            let outcomes = assistant
                .verify_all(opts, report.is_some(), &|o: &Outcome| out.batch_line(o))
                .await?;
            out.batch(&outcomes);
            let mut written = true;
            if let Some(dir) = report.as_deref() {
                for address in outcomes
                    .iter()
                    .filter_map(|o| Address::parse(&o.address).ok())
                {
                    match assistant
                        .report(&address)
                        .and_then(|r| r.save_in(dir, "html"))
                    {
                        Ok(path) => out.note(&tr_with(
                            "cli-report-written",
                            &[("path", output::path_value(&path))],
                        )),
                        Err(f) => {
                            out.report_not_written(dir, &f);
                            written = false;
                        }
                    }
                }
            }
            // Nothing verified is not a pass: a scheduled check must notice an empty computer.
            Ok(written && !outcomes.is_empty() && outcomes.iter().all(|o| o.passed))
        }
        Command::Verify {
            address,
            send_test,
            report,
            ..
        } => {
            let address = Address::parse(address.as_deref().unwrap_or_default())?;
            let opts = VerifyOptions { send_test };
            let outcomes = if report.is_some() {
                assistant.full_check(&address, opts, &sink).await
            } else {
                vec![assistant.verify(&address, opts, &sink).await]
            };
            out.outcomes(&outcomes);
            let written = report.is_none_or(|p| write_report(&assistant, &address, &p, out));
            Ok(written && outcomes.iter().all(|o| o.passed))
        }
        Command::Diagnose {
            address,
            report,
            servers,
        } => {
            let address = Address::parse(&address)?;
            use_servers(&assistant, &address, servers)?;
            let outcome = assistant.check_connection(&address, &sink).await;
            out.outcome(&outcome);
            let written = report.is_none_or(|p| write_report(&assistant, &address, &p, out));
            Ok(written && outcome.passed)
        }
        Command::Explain { .. } => unreachable!("explain returns before the settings are read"),
        Command::Token { .. } => unreachable!("token returns from main"),
        Command::Renew { schedule: true, .. } => {
            let config = cli.config.as_deref().map(std::path::absolute).transpose();
            let config =
                config.map_err(|e| Finding::internal(format!("the settings path: {e}")))?;
            let plan = mailsetup_core::schedule::plan_here(config.as_deref())?;
            mailsetup_core::schedule::register(&plan)?;
            out.message(|| plan.registered_words());
            Ok(true)
        }
        Command::Renew {
            unschedule: true, ..
        } => {
            let scheduler = mailsetup_core::schedule::unregister_here()?;
            out.message(|| scheduler.removed_words());
            Ok(true)
        }
        Command::Renew { address, all, .. } => {
            let done = if all {
                assistant.renew_all(false).await?
            } else {
                let address = Address::parse(address.as_deref().unwrap_or_default())?;
                vec![assistant.renew_one(&address).await]
            };
            out.renewed(&done);
            Ok(done.iter().all(|r| r.renewed))
        }
        Command::Relay {
            command: None,
            serve,
        } => relay::serve(assistant, &serve, out).await,
        Command::Relay {
            command: Some(command),
            ..
        } => {
            let listen = mailsetup_core::relay::DEFAULT_LISTEN;
            relay::manage(&assistant, command, listen, out).await
        }
        Command::Accounts {
            command: AccountsCommand::List,
        } => {
            let accounts = assistant.accounts().await?;
            out.accounts(&accounts);
            Ok(true)
        }
        Command::Admin {
            command: AdminCommand::Show,
        } => {
            out.provisioning(&assistant.provisioning().await);
            Ok(true)
        }
        Command::Admin {
            command:
                AdminCommand::Check {
                    admin,
                    timeout,
                    save,
                },
        } => {
            let mut opts =
                AdminCheckOptions::new(mailsetup_core::browser::for_sign_in(false, None));
            opts.cancel = cancel_on_ctrl_c();
            opts.timeout = timeout.map(std::time::Duration::from_secs);
            opts.admin = admin;
            let report = assistant.check_registration(&opts, &sink).await;
            let asked = save.is_some();
            let saved = save
                .filter(|_| report.passed)
                .map(|dir| assistant.save_for_staff(Some(&dir)));
            out.registration(&report, saved.as_ref());
            if asked && !report.passed {
                out.note(&tr("cli-admin-check-not-saved"));
            }
            Ok(report.passed && saved.is_none_or(|s| s.is_ok()))
        }
        Command::Admin {
            command:
                AdminCommand::Export {
                    formats,
                    out: dir,
                    examples,
                },
        } => {
            let values = if examples {
                Values::Examples
            } else {
                Values::Of(assistant.settings())
            };
            export(&formats, dir.as_deref(), values, out)
        }
        Command::Admin {
            command: AdminCommand::SetClientSecret { google },
        } => {
            let secret = output::read_secret("cli-admin-secret-prompt")?;
            assistant
                .set_client_secret(registration(google), &secret)
                .await?;
            out.message(|| tr("cli-admin-secret-stored"));
            Ok(true)
        }
        Command::Admin {
            command: AdminCommand::RemoveClientSecret { google },
        } => {
            let removed = assistant.remove_client_secret(registration(google)).await?;
            out.message(|| {
                tr(if removed {
                    "cli-admin-secret-removed"
                } else {
                    "cli-admin-secret-none"
                })
            });
            Ok(true)
        }
        Command::Accounts {
            command: AccountsCommand::Remove { address },
        } => {
            let address = Address::parse(&address)?;
            let removed = assistant.forget(&address).await?;
            out.removed(&address, removed);
            Ok(true)
        }
    }
}

/// A cancel token that Ctrl-C fires (the wait for the browser ends as cancelled).
fn cancel_on_ctrl_c() -> CancellationToken {
    let cancel = CancellationToken::new();
    let on_ctrl_c = cancel.clone();
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            on_ctrl_c.cancel();
        }
    });
    cancel
}

/// `admin export`: the files into `dir`, or the one file on standard output.
fn export(
    formats: &[String],
    dir: Option<&std::path::Path>,
    values: Values<'_>,
    out: &output::Output,
) -> Result<bool, Finding> {
    let formats: Vec<Format> = if formats.is_empty() {
        Format::ALL.to_vec()
    } else {
        formats.iter().filter_map(|f| Format::parse(f)).collect()
    };
    let Some(dir) = dir else {
        let [format] = formats[..] else {
            use clap::CommandFactory as _;
            Cli::command()
                .error(
                    clap::error::ErrorKind::MissingRequiredArgument,
                    tr("cli-admin-export-one-format"),
                )
                .exit();
        };
        out.deployment_file(&deploy::file(format, values));
        return Ok(true);
    };
    let mut saved = Vec::new();
    for format in formats {
        saved.push(deploy::file(format, values).save_in(dir)?);
    }
    out.saved(&saved);
    Ok(true)
}

fn registration(google: bool) -> Registration {
    if google {
        Registration::Google
    } else {
        Registration::Microsoft
    }
}

/// Hands typed-in servers to the assistant for `address`.
fn use_servers(assistant: &Assistant, address: &Address, args: ServerArgs) -> Result<(), Finding> {
    let (Some(imap), Some(smtp)) = (args.imap, args.smtp) else {
        return Ok(());
    };
    assistant.set_servers(address, &imap, &smtp, args.username)
}

/// Writes the helpdesk report for `address` to `path`, in the format its extension names;
/// `false` when it could not be written. The outcome is already printed (one JSON document on
/// standard output): why the report is missing goes to standard error.
fn write_report(
    assistant: &Assistant,
    address: &Address,
    path: &std::path::Path,
    out: &output::Output,
) -> bool {
    match assistant.report(address).and_then(|r| r.write_to(path)) {
        Ok(()) => {
            out.note(&tr_with(
                "cli-report-written",
                &[("path", output::path_value(path))],
            ));
            true
        }
        Err(f) => {
            out.report_not_written(path, &f);
            false
        }
    }
}

/// `explain`: the findings in a pasted text; passed when every part was recognised (a text over
/// the cap is not read at all).
fn explain(text: &[String], out: &output::Output) -> Result<bool, Finding> {
    use mailsetup_core::findings::classify::explain;
    let pasted = match text {
        [] => output::read_stdin()?,
        [dash] if dash == "-" => output::read_stdin()?,
        words => output::Pasted::Text(words.join(" ")),
    };
    let findings = match pasted {
        output::Pasted::Text(text) => explain(&text),
        output::Pasted::TooLong(finding) => vec![*finding],
    };
    out.explained(&findings);
    Ok(findings.iter().all(|f| {
        !matches!(
            f.code,
            FindingCode::UnrecognisedReply | FindingCode::PastedTextTooLong
        )
    }))
}

fn browser_kind(name: &str) -> Result<Option<BrowserKind>, Finding> {
    if name.is_empty() || name == "default" {
        return Ok(None);
    }
    BrowserKind::parse(name).map(Some).ok_or_else(|| {
        Finding::new(FindingCode::PrivateWindowUnavailable)
            .with(
                Param::Problem,
                tr_with(
                    "cli-signin-unknown-browser",
                    &[("name", format!("{name:?}").into())],
                ),
            )
            .finish()
    })
}
