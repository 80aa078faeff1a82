//! `mailsetup`: the command-line Mail Setup Assistant, for helpdesks and scripts.
//!
//! A thin layer over `mailsetup-core`: it parses arguments, prints progress on stderr and the
//! result on stdout (text, or JSON with `--json`), and turns the outcome into an exit code:
//! 0 when everything asked for passed, 1 when something failed (the findings say what and how to
//! fix it), 2 for a command-line mistake.

mod output;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};
use mailsetup_core::address::Address;
use mailsetup_core::assistant::{Assistant, SignInOptions, VerifyOptions};
use mailsetup_core::browser::SystemBrowser;
use mailsetup_core::findings::Finding;
use mailsetup_core::settings::{CONFIG_ENV, Settings};
use tokio_util::sync::CancellationToken;

/// Set up and verify a mailbox with modern sign-in (OAuth2 / MFA).
#[derive(Parser, Debug)]
#[command(name = "mailsetup", version, about, long_about = None)]
struct Cli {
    /// Settings file (TOML). Default: $MAILSETUP_CONFIG, else the per-user settings file.
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
        /// The mailbox address, e.g. ann@example.edu.
        address: String,
        /// Seconds to wait for the browser (default: the settings' sign_in timeout, 300).
        #[arg(long, value_name = "SECS")]
        timeout: Option<u64>,
    },
    /// Check the saved sign-in: renew the token, sign in to SMTP and IMAP.
    Verify {
        /// The mailbox address.
        address: String,
        /// Also send a test message to the mailbox itself and find it over IMAP.
        #[arg(long)]
        send_test: bool,
    },
    /// Check the connection to the mail servers (DNS, TLS, SMTP and IMAP capabilities).
    Diagnose {
        /// The mailbox address.
        address: String,
    },
    /// List or remove the mailboxes set up on this computer.
    Accounts {
        #[command(subcommand)]
        command: AccountsCommand,
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
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("MAILSETUP_LOG")
                .unwrap_or_else(|_| "warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("mailsetup: cannot start: {e}");
            return ExitCode::from(1);
        }
    };
    let out = output::Output::new(cli.json, cli.quiet);
    match runtime.block_on(run(cli, &out)) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(finding) => {
            out.finding_only(&finding);
            ExitCode::from(1)
        }
    }
}

/// Runs the command; `Ok(passed)` or a finding that stopped it before any step.
async fn run(cli: Cli, out: &output::Output) -> Result<bool, Finding> {
    let settings = Settings::discover(cli.config.as_deref())?;
    let assistant = Assistant::new(settings)?;
    let sink = out.progress_sink();
    match cli.command {
        Command::Signin { address, timeout } => {
            let address = Address::parse(&address)?;
            let cancel = CancellationToken::new();
            let on_ctrl_c = cancel.clone();
            tokio::spawn(async move {
                if tokio::signal::ctrl_c().await.is_ok() {
                    on_ctrl_c.cancel();
                }
            });
            let opts = SignInOptions {
                browser: Arc::new(SystemBrowser),
                cancel,
                timeout: timeout.map(std::time::Duration::from_secs),
            };
            let outcome = assistant.sign_in(&address, &opts, &sink).await;
            out.outcome(&outcome);
            Ok(outcome.passed)
        }
        Command::Verify { address, send_test } => {
            let address = Address::parse(&address)?;
            let outcome = assistant
                .verify(&address, VerifyOptions { send_test }, &sink)
                .await;
            out.outcome(&outcome);
            Ok(outcome.passed)
        }
        Command::Diagnose { address } => {
            let address = Address::parse(&address)?;
            let outcome = assistant.check_connection(&address, &sink).await;
            out.outcome(&outcome);
            Ok(outcome.passed)
        }
        Command::Accounts {
            command: AccountsCommand::List,
        } => {
            let accounts = assistant.accounts().await?;
            out.accounts(&accounts);
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
