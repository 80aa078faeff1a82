//! `mailsetup relay`: runs the local relay for programs that only know passwords
//! ([`mailsetup_core::relay`]), or adds, lists and removes those programs.

use std::sync::Arc;
use std::time::Duration;

use mailsetup_core::address::Address;
use mailsetup_core::assistant::{AddedProgram, Assistant, RelayProgramInfo};
use mailsetup_core::findings::Finding;
use mailsetup_core::l10n::{tr, tr_with};
use mailsetup_core::relay::{DEFAULT_LISTEN, Limits, Relay};
use secrecy::ExposeSecret as _;
use tokio_util::sync::CancellationToken;

use crate::output::{Output, label_width, print_json};

/// `mailsetup relay …`.
#[derive(clap::Subcommand, Debug)]
pub enum RelayCommand {
    /// Allow a program to send through the relay as a mailbox set up on this computer: a new
    /// relay password for it is shown once (kept in the OS vault). Adding the same name again
    /// (upper and lower case are the same) replaces its password.
    Add {
        /// The mailbox address (signed in with Microsoft or Google on this computer).
        address: String,
        /// A name for the program, e.g. "scanner" or "accounts app".
        program: String,
        /// Another address the program may send from (an alias, or a mailbox the account may
        /// send as); repeat for more.
        #[arg(long = "send-as", value_name = "ADDRESS")]
        send_as: Vec<String>,
    },
    /// List the programs allowed to use the relay (never their passwords).
    List,
    /// Revoke a program's local password: it can no longer send through the relay.
    Remove {
        /// The mailbox address.
        address: String,
        /// The program's name.
        program: String,
    },
}

/// The options of `mailsetup relay` (serving).
#[derive(clap::Args, Debug)]
pub struct ServeArgs {
    /// Where to listen: an address of this computer's loopback interface and a port.
    #[arg(long, value_name = "ADDRESS:PORT", default_value = DEFAULT_LISTEN)]
    pub listen: String,
    /// The largest message taken, in megabytes.
    #[arg(long, value_name = "MB", default_value_t = 25)]
    pub max_size: usize,
    /// Disconnect a program that sends nothing for this many seconds.
    #[arg(long, value_name = "SECS", default_value_t = 120)]
    pub idle_timeout: u64,
}

/// Runs the relay until Ctrl-C (or the process is stopped).
///
/// # Errors
/// `RELAY_NOT_LOOPBACK`, `RELAY_CANNOT_LISTEN`; the account list's or vault's finding.
pub async fn serve(assistant: Assistant, args: &ServeArgs, out: &Output) -> Result<bool, Finding> {
    let assistant = Arc::new(assistant);
    let programs = assistant.relay_programs().await?;
    let limits = Limits {
        max_message_bytes: args.max_size.saturating_mul(1024 * 1024),
        idle: Duration::from_secs(args.idle_timeout.max(1)),
        ..Limits::default()
    };
    let relay = Relay::bind(&args.listen, assistant, limits).await?;
    let at = relay.local_addr()?;
    let at = at.to_string();
    out.message(|| tr_with("cli-relay-listening", &[("address", at.clone().into())]));
    if programs.is_empty() {
        out.note(&tr("cli-relay-no-program-yet"));
    }
    for p in &programs {
        let may_send = tr_with(
            "cli-relay-may-send",
            &[
                ("program", p.name.clone().into()),
                ("mailbox", p.mailbox.clone().into()),
            ],
        );
        out.note(&format!("  {may_send}"));
    }
    out.note(&tr("cli-relay-stop"));
    let stop = CancellationToken::new();
    let on_signal = stop.clone();
    tokio::spawn(async move {
        let _ = tokio::signal::ctrl_c().await;
        on_signal.cancel();
    });
    relay.serve(stop).await;
    Ok(true)
}

/// `relay add|list|remove`.
///
/// # Errors
/// The assistant's finding.
pub async fn manage(
    assistant: &Assistant,
    command: RelayCommand,
    listen: &str,
    out: &Output,
) -> Result<bool, Finding> {
    match command {
        RelayCommand::Add {
            address,
            program,
            send_as,
        } => {
            let address = Address::parse(&address)?;
            let added = assistant.relay_add(&address, &program, &send_as).await?;
            added_program(&added, listen, out);
            Ok(true)
        }
        RelayCommand::List => {
            programs(&assistant.relay_programs().await?, out);
            Ok(true)
        }
        RelayCommand::Remove { address, program } => {
            let address = Address::parse(&address)?;
            let removed = assistant.relay_remove(&address, &program).await?;
            let id = if removed {
                "cli-relay-removed"
            } else {
                "cli-relay-not-found"
            };
            out.message(|| {
                tr_with(
                    id,
                    &[
                        ("program", program.clone().into()),
                        ("address", address.display().to_owned().into()),
                    ],
                )
            });
            Ok(removed)
        }
    }
}

fn added_program(added: &AddedProgram, listen: &str, out: &Output) {
    let at = mailsetup_core::relay::check_listen(listen).ok();
    let host = at.map_or_else(|| "127.0.0.1".to_owned(), |a| a.ip().to_string());
    let port = at.map_or(1587, |a| a.port());
    if out.json() {
        print_json(&serde_json::json!({
            "mailbox": added.info.mailbox,
            "name": added.info.name,
            "sendAs": added.info.send_as,
            "host": host,
            "port": port,
            "user": added.user,
            "password": added.password.expose_secret(),
            "replaced": added.replaced,
        }));
        return;
    }
    let name = || ("name", added.info.name.clone().into());
    let mailbox = || ("mailbox", added.info.mailbox.clone().into());
    if added.replaced {
        println!("{}", tr_with("cli-relay-add-replaced", &[name()]));
    }
    println!("{}", tr_with("cli-relay-add-enter", &[name(), mailbox()]));
    let server = tr_with(
        "cli-relay-add-server-value",
        &[("host", host.into()), ("port", port.to_string().into())],
    );
    let labels = [
        "cli-relay-add-server",
        "cli-relay-add-security",
        "cli-relay-add-user",
        "cli-relay-add-password",
    ]
    .map(tr);
    let width = label_width(&labels);
    let [server_label, security, user, password] = &labels;
    println!("  {server_label:<width$}{server}");
    let none = tr("cli-relay-add-security-value");
    println!("  {security:<width$}{none}");
    println!("  {user:<width$}{}", added.user);
    // The secret goes straight to standard output, never into another string.
    println!("  {password:<width$}{}", added.password.expose_secret());
    println!("{}", tr("cli-relay-add-shown-once"));
    println!("{}", tr("cli-relay-add-must-run"));
    println!("{}", tr_with("cli-relay-add-revoke", &[mailbox(), name()]));
}

fn programs(list: &[RelayProgramInfo], out: &Output) {
    if out.json() {
        print_json(&list);
        return;
    }
    if list.is_empty() {
        println!("{}", tr("cli-relay-list-none"));
    }
    for p in list {
        let others: Vec<&String> = p.send_as.iter().filter(|a| **a != p.mailbox).collect();
        let also = if others.is_empty() {
            String::new()
        } else {
            let others: Vec<&str> = others.iter().map(|a| a.as_str()).collect();
            let others = others.join(", ");
            format!(
                " {}",
                tr_with("cli-relay-list-also", &[("others", others.into())])
            )
        };
        let program = tr_with(
            "cli-relay-list-program",
            &[
                ("program", p.name.clone().into()),
                ("mailbox", p.mailbox.clone().into()),
            ],
        );
        println!("{program}{also}");
    }
}
