//! The daily renewal with the OS's own scheduler: `mailsetup renew --all --quiet` once a day,
//! so that a sign-in used only rarely never reaches Microsoft's 90 days unused
//! ([`crate::health`]). One command registers it (`mailsetup renew --schedule`), one removes it
//! (`--unschedule`).
//!
//! - Windows: a Task Scheduler task from an XML definition (`schtasks /Create /XML`, the
//!   documented way to set every option: <https://learn.microsoft.com/windows/win32/taskschd/schtasks>),
//!   run as the signed-in user only while they are logged on (their Credential Manager), daily,
//!   as soon as possible after a missed start, only with a network.
//! - macOS: a launchd agent in `~/Library/LaunchAgents` (`launchctl load -w`), daily at noon.
//! - Linux: a systemd user timer (`systemctl --user enable --now`), daily and `Persistent=`
//!   (a missed run runs at the next start); where there is no systemd user session (some
//!   containers, WSL) the user's crontab instead.
//!
//! What to write and run is a pure function of the OS, the folders and the program's path
//! ([`plan`], tested on any OS); [`register`] and [`unregister`] carry it out.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::findings::{Finding, FindingCode, Param};
use crate::platform::paths::BUNDLE_ID;
use crate::platform::{Folders, Os};

/// The task's name (Windows task, systemd units, the crontab line's marker).
pub const TASK_NAME: &str = "mailsetup-renew";

/// The crontab line's marker: the line it ends is this app's, and only that line is removed.
const CRON_MARKER: &str = "# mailsetup-renew (Mail Setup Assistant: daily renewal of sign-ins)";

/// Which scheduler a [`Plan`] uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheduler {
    /// Windows Task Scheduler.
    TaskScheduler,
    /// macOS launchd (a per-user agent).
    Launchd,
    /// A systemd user timer.
    SystemdUser,
    /// The user's crontab.
    Cron,
}

impl Plan {
    /// What registering it did, in words for the person.
    pub fn registered_words(&self) -> String {
        crate::l10n::tr_with(
            "schedule-registered",
            &[
                ("scheduler", self.scheduler.key().into()),
                ("command", self.command.join(" ").into()),
            ],
        )
    }
}

impl Scheduler {
    /// What removing the daily renewal did, in words for the person.
    pub fn removed_words(self) -> String {
        crate::l10n::tr_with("schedule-removed", &[("scheduler", self.key().into())])
    }

    /// Its key in the messages `schedule-registered` and `schedule-removed`.
    fn key(self) -> &'static str {
        match self {
            Scheduler::TaskScheduler => "task-scheduler",
            Scheduler::Launchd => "launchd",
            Scheduler::SystemdUser => "systemd",
            Scheduler::Cron => "cron",
        }
    }
}

/// What registering and removing the daily renewal writes and runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The scheduler.
    pub scheduler: Scheduler,
    /// The command the scheduler runs (program and arguments).
    pub command: Vec<String>,
    /// Files to write before registering (and to remove after unregistering).
    pub files: Vec<(PathBuf, Vec<u8>)>,
    /// Programs to run, in order, to register.
    pub register: Vec<Vec<String>>,
    /// Programs to run, in order, to remove it (failures ignored: it may be gone already).
    pub unregister: Vec<Vec<String>>,
    /// For the crontab: the session bus the command must reach the Secret Service on (cron
    /// starts jobs without `DBUS_SESSION_BUS_ADDRESS`), as a shell word.
    pub cron_bus: String,
}

/// What a Linux desktop session offers the scheduled renewal.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinuxSession {
    /// A systemd user session answers (`systemctl --user`).
    pub systemd: bool,
    /// `DBUS_SESSION_BUS_ADDRESS` of this session, when set.
    pub bus: Option<String>,
}

/// The plan for `os`: `exe` is this program; `config` a settings file to pass on (when this run
/// was given one); `session` what a Linux session offers (ignored elsewhere).
///
/// # Errors
/// `SCHEDULE_FAILED` when a folder it needs is not known.
pub fn plan(
    os: Os,
    folders: &Folders,
    exe: &Path,
    config: Option<&Path>,
    session: &LinuxSession,
) -> Result<Plan, Finding> {
    let systemd = session.systemd;
    let mut command = vec![exe.display().to_string()];
    if let Some(c) = config {
        command.extend(["--config".into(), c.display().to_string()]);
    }
    command.extend(["renew", "--all", "--quiet"].map(String::from));
    // A line break would start a new crontab entry or unit directive, and `%` means "variable"
    // to Task Scheduler and "end of command" to cron: such a path is refused, not escaped.
    if let Some(odd) = command
        .iter()
        .find(|a| a.chars().any(char::is_control) || (os != Os::MacOs && a.contains('%')))
    {
        return Err(failed(format!(
            "the path {odd:?} has a line break, a control character or a % sign; move the program or the settings file to a plain path"
        )));
    }
    let no_folder = |what: &str| failed(format!("the {what} folder is not known"));
    Ok(match os {
        Os::Windows => {
            let data = crate::platform::paths::data_dir(os, folders)
                .ok_or_else(|| no_folder("application data"))?;
            let xml = data.join(format!("{TASK_NAME}.xml"));
            Plan {
                scheduler: Scheduler::TaskScheduler,
                files: vec![(xml.clone(), utf16_with_bom(&task_xml(&command)))],
                register: vec![argv(&[
                    "schtasks",
                    "/Create",
                    "/TN",
                    TASK_NAME,
                    "/XML",
                    &xml.display().to_string(),
                    "/F",
                ])],
                unregister: vec![argv(&["schtasks", "/Delete", "/TN", TASK_NAME, "/F"])],
                cron_bus: String::new(),
                command,
            }
        }
        Os::MacOs => {
            let home = folders.home.as_ref().ok_or_else(|| no_folder("home"))?;
            let agent = home
                .join("Library/LaunchAgents")
                .join(format!("{BUNDLE_ID}.renew.plist"));
            let path = agent.display().to_string();
            Plan {
                scheduler: Scheduler::Launchd,
                files: vec![(agent, launchd_plist(&command).into_bytes())],
                register: vec![argv(&["launchctl", "load", "-w", &path])],
                unregister: vec![argv(&["launchctl", "unload", "-w", &path])],
                cron_bus: String::new(),
                command,
            }
        }
        Os::Linux if systemd => systemd_plan(folders, command)?,
        Os::Linux => Plan {
            scheduler: Scheduler::Cron,
            files: Vec::new(),
            register: Vec::new(),
            unregister: Vec::new(),
            // A bus at a fixed path is the same at noon; else the one a systemd-style login
            // session keeps at /run/user/<uid>/bus.
            cron_bus: match session.bus.as_deref() {
                Some(b) if b.starts_with("unix:path=") && !b.contains('\'') => {
                    format!("'{b}'")
                }
                _ => "\"unix:path=/run/user/$(id -u)/bus\"".to_owned(),
            },
            command,
        },
    })
}

/// A systemd user timer and its service in `$XDG_CONFIG_HOME/systemd/user`.
fn systemd_plan(folders: &Folders, command: Vec<String>) -> Result<Plan, Finding> {
    let no_folder = |what: &str| failed(format!("the {what} folder is not known"));
    let config_home = crate::platform::paths::xdg_config_home(folders)
        .ok_or_else(|| no_folder("configuration"))?;
    let units = config_home.join("systemd/user");
    let timer = format!("{TASK_NAME}.timer");
    Ok(Plan {
        scheduler: Scheduler::SystemdUser,
        files: vec![
            (
                units.join(format!("{TASK_NAME}.service")),
                systemd_service(&command).into_bytes(),
            ),
            (units.join(&timer), SYSTEMD_TIMER.as_bytes().to_vec()),
        ],
        register: vec![
            argv(&["systemctl", "--user", "daemon-reload"]),
            argv(&["systemctl", "--user", "enable", "--now", &timer]),
        ],
        unregister: vec![argv(&["systemctl", "--user", "disable", "--now", &timer])],
        cron_bus: String::new(),
        command,
    })
}

fn argv(parts: &[&str]) -> Vec<String> {
    parts.iter().map(|p| (*p).to_owned()).collect()
}

fn failed(problem: impl AsRef<str>) -> Finding {
    Finding::new(FindingCode::ScheduleFailed).with(Param::Problem, problem)
}

/// The Task Scheduler definition: daily at 12:00, started as soon as possible after a missed
/// start, only with a network, as the user while logged on (schema:
/// <https://learn.microsoft.com/windows/win32/taskschd/task-scheduler-schema>).
pub fn task_xml(command: &[String]) -> String {
    let (program, args) = command
        .split_first()
        .map_or(("", &[][..]), |(p, a)| (p.as_str(), a));
    let arguments = args
        .iter()
        .map(|a| windows_quote(a))
        .collect::<Vec<_>>()
        .join(" ");
    format!(
        r#"<?xml version="1.0" encoding="UTF-16"?>
<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">
  <RegistrationInfo>
    <Description>Mail Setup Assistant: renews the saved mail sign-ins once a day, so that they do not end unused.</Description>
  </RegistrationInfo>
  <Triggers>
    <CalendarTrigger>
      <StartBoundary>2026-01-01T12:00:00</StartBoundary>
      <ScheduleByDay><DaysInterval>1</DaysInterval></ScheduleByDay>
    </CalendarTrigger>
  </Triggers>
  <Principals>
    <Principal id="Author">
      <LogonType>InteractiveToken</LogonType>
      <RunLevel>LeastPrivilege</RunLevel>
    </Principal>
  </Principals>
  <Settings>
    <StartWhenAvailable>true</StartWhenAvailable>
    <RunOnlyIfNetworkAvailable>true</RunOnlyIfNetworkAvailable>
    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>
    <ExecutionTimeLimit>PT10M</ExecutionTimeLimit>
    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>
  </Settings>
  <Actions Context="Author">
    <Exec>
      <Command>{}</Command>
      <Arguments>{}</Arguments>
    </Exec>
  </Actions>
</Task>
"#,
        crate::html::escape(program),
        crate::html::escape(&arguments)
    )
}

/// One argument as Windows programs parse a command line (`CommandLineToArgvW`): quoted when
/// it has a space, a tab or a quote; backslashes before a quote doubled.
fn windows_quote(arg: &str) -> String {
    if !arg.is_empty() && !arg.contains([' ', '\t', '"']) {
        return arg.to_owned();
    }
    let mut out = String::from("\"");
    let mut backslashes = 0;
    for c in arg.chars() {
        match c {
            '\\' => backslashes += 1,
            '"' => {
                out.push_str(&"\\".repeat(backslashes * 2 + 1));
                out.push('"');
                backslashes = 0;
            }
            _ => {
                out.push_str(&"\\".repeat(backslashes));
                out.push(c);
                backslashes = 0;
            }
        }
    }
    out.push_str(&"\\".repeat(backslashes * 2));
    out.push('"');
    out
}

fn utf16_with_bom(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

/// The launchd agent: daily at 12:00 (a missed time runs when the Mac wakes).
pub fn launchd_plist(command: &[String]) -> String {
    let args: String = command
        .iter()
        .map(|a| format!("    <string>{}</string>\n", crate::html::escape(a)))
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>Label</key>
  <string>{BUNDLE_ID}.renew</string>
  <key>ProgramArguments</key>
  <array>
{args}  </array>
  <key>StartCalendarInterval</key>
  <dict>
    <key>Hour</key>
    <integer>12</integer>
    <key>Minute</key>
    <integer>0</integer>
  </dict>
</dict>
</plist>
"#
    )
}

/// The systemd service: one run of the command (systemd.service(5), systemd.syntax(7) quoting).
pub fn systemd_service(command: &[String]) -> String {
    let exec = command
        .iter()
        .map(|a| {
            let escaped = a
                .replace('\\', "\\\\")
                .replace('"', "\\\"")
                .replace('%', "%%")
                .replace('$', "$$");
            format!("\"{escaped}\"")
        })
        .collect::<Vec<_>>()
        .join(" ");
    format!(
        "[Unit]\nDescription=Mail Setup Assistant: renew the saved mail sign-ins\n\n[Service]\nType=oneshot\nExecStart={exec}\n"
    )
}

/// The systemd timer: daily, and a missed run runs at the next start (`Persistent=`).
pub const SYSTEMD_TIMER: &str = "[Unit]\nDescription=Mail Setup Assistant: renew the saved mail sign-ins daily\n\n[Timer]\nOnCalendar=daily\nPersistent=true\nRandomizedDelaySec=1h\n\n[Install]\nWantedBy=timers.target\n";

/// `crontab` with this app's line (daily at 12:00) in place of any earlier one of it.
pub fn crontab_with(existing: &str, command: &[String], bus: &str) -> String {
    let line = command
        .iter()
        .map(|a| format!("'{}'", a.replace('\'', r"'\''")).replace('%', r"\%"))
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = crontab_without(existing);
    out.push_str(&format!(
        "0 12 * * * DBUS_SESSION_BUS_ADDRESS={bus} {line} {CRON_MARKER}\n"
    ));
    out
}

/// `crontab` without this app's line; every other line kept as it was.
pub fn crontab_without(existing: &str) -> String {
    existing
        .lines()
        .filter(|l| !l.ends_with(CRON_MARKER))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// Whether a systemd user session answers here.
pub fn systemd_user_session() -> bool {
    Command::new("systemctl")
        .args(["--user", "show-environment"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// The plan for this computer and this program.
///
/// # Errors
/// `SCHEDULE_FAILED` when this program's path or a folder is not known.
pub fn plan_here(config: Option<&Path>) -> Result<Plan, Finding> {
    let exe = std::env::current_exe().map_err(|e| failed(format!("this program's path: {e}")))?;
    plan_with(&exe, config)
}

/// The command-line program's file name on `os`.
pub fn cli_name(os: Os) -> &'static str {
    if os == Os::Windows {
        "mailsetup.exe"
    } else {
        "mailsetup"
    }
}

/// The command-line program installed with the desktop app `app_exe`: every installer puts both
/// in one folder (the NSIS install folder, the .app's `Contents/MacOS`, `/usr/bin` for the .deb
/// and .rpm: scripts/package.sh checks the installed files).
pub fn cli_beside(os: Os, app_exe: &Path) -> PathBuf {
    app_exe.with_file_name(cli_name(os))
}

/// The plan for the desktop app: the scheduler runs the command-line program installed with it
/// (a scheduled task has no window to show).
///
/// # Errors
/// `SCHEDULE_FAILED` when the command-line program is not beside the app, or as [`plan_here`].
pub fn plan_for_app() -> Result<Plan, Finding> {
    let app = std::env::current_exe().map_err(|e| failed(format!("this program's path: {e}")))?;
    let cli = cli_beside(Os::current(), &app);
    if !cli.is_file() {
        return Err(failed(format!(
            "the command-line program is not installed with the app (looked for {})",
            cli.display()
        )));
    }
    plan_with(&cli, None)
}

fn plan_with(exe: &Path, config: Option<&Path>) -> Result<Plan, Finding> {
    let os = Os::current();
    let session = LinuxSession {
        systemd: os == Os::Linux && systemd_user_session(),
        bus: std::env::var("DBUS_SESSION_BUS_ADDRESS").ok(),
    };
    plan(os, &Folders::current(), exe, config, &session)
}

/// Removes the daily renewal wherever this program may have registered it: on Linux both the
/// systemd timer and the crontab line (registered over SSH, removed from the desktop, or the other
/// way round); elsewhere the one scheduler. Returns the scheduler of this session's plan.
///
/// # Errors
/// As [`unregister`], for the scheduler this session uses; the other one's failure (no crontab
/// program, no systemd session) is only logged.
pub fn unregister_here() -> Result<Scheduler, Finding> {
    let here = plan_here(None)?;
    if Os::current() == Os::Linux {
        let exe =
            std::env::current_exe().map_err(|e| failed(format!("this program's path: {e}")))?;
        let other = LinuxSession {
            systemd: here.scheduler == Scheduler::Cron,
            bus: None,
        };
        if let Err(f) =
            plan(Os::Linux, &Folders::current(), &exe, None, &other).and_then(|p| unregister(&p))
        {
            tracing::info!(code = %f.code, "the other Linux scheduler: nothing removed");
        }
    }
    unregister(&here)?;
    Ok(here.scheduler)
}

/// Writes the plan's files and runs its registration.
///
/// # Errors
/// `SCHEDULE_FAILED` naming the step that failed and what it said.
pub fn register(plan: &Plan) -> Result<(), Finding> {
    for (path, bytes) in &plan.files {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| failed(format!("{} cannot be made: {e}", dir.display())))?;
        }
        std::fs::write(path, bytes)
            .map_err(|e| failed(format!("{} cannot be written: {e}", path.display())))?;
    }
    if plan.scheduler == Scheduler::Cron {
        let now = read_crontab()?;
        return write_crontab(&crontab_with(&now, &plan.command, &plan.cron_bus));
    }
    // Registering again replaces the task (launchd will not load a job that is loaded).
    for c in &plan.unregister {
        let _ = run(c);
    }
    plan.register.iter().try_for_each(|c| run(c))
}

/// Runs the plan's removal and removes its files. Nothing registered is not a failure.
///
/// # Errors
/// `SCHEDULE_FAILED` when the crontab cannot be rewritten or a file cannot be removed.
pub fn unregister(plan: &Plan) -> Result<(), Finding> {
    if plan.scheduler == Scheduler::Cron {
        let now = read_crontab()?;
        let without = crontab_without(&now);
        return if without == now {
            Ok(())
        } else {
            write_crontab(&without)
        };
    }
    for c in &plan.unregister {
        if let Err(f) = run(c) {
            tracing::info!(code = %f.code, "unregistering: a step failed (already removed?)");
        }
    }
    for (path, _) in &plan.files {
        match std::fs::remove_file(path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(failed(format!("{} cannot be removed: {e}", path.display())));
            }
            _ => {}
        }
    }
    if plan.scheduler == Scheduler::SystemdUser {
        let _ = run(&argv(&["systemctl", "--user", "daemon-reload"]));
    }
    Ok(())
}

/// How long a scheduler's command may take: they answer in well under a second, but one that
/// waits for a service that never starts (Wine's Task Scheduler) must not hang the app.
const COMMAND_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

/// Runs `argv`, waiting at most [`COMMAND_TIMEOUT`]. Its standard error goes to a file, never
/// a pipe: a service the command starts may inherit the pipe and keep it open for good.
fn run(argv: &[String]) -> Result<(), Finding> {
    let Some((program, args)) = argv.split_first() else {
        return Ok(());
    };
    let log = std::env::temp_dir().join(format!(
        "mailsetup-schedule-{}-{}.log",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos())
    ));
    let stderr = std::fs::File::create(&log)
        .map_err(|e| failed(format!("{} cannot be made: {e}", log.display())))?;
    let child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(stderr)
        .spawn();
    let status = child
        .map_err(|e| failed(format!("{program} cannot be started: {e}")))
        .and_then(|mut c| wait_at_most(&mut c, COMMAND_TIMEOUT, program));
    let said = std::fs::read_to_string(&log).unwrap_or_default();
    let _ = std::fs::remove_file(&log);
    if status?.success() {
        return Ok(());
    }
    let said = said.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    Err(failed(format!("`{}` failed: {said}", argv.join(" "))))
}

fn wait_at_most(
    child: &mut std::process::Child,
    limit: std::time::Duration,
    program: &str,
) -> Result<std::process::ExitStatus, Finding> {
    let started = std::time::Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Ok(status),
            Ok(None) if started.elapsed() < limit => {
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(failed(format!(
                    "{program} did not finish within {} s (is the scheduler service running?)",
                    limit.as_secs()
                )));
            }
            Err(e) => return Err(failed(format!("{program}: {e}"))),
        }
    }
}

/// The user's crontab (empty when they have none).
fn read_crontab() -> Result<String, Finding> {
    let out = Command::new("crontab")
        .arg("-l")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| {
            failed(format!(
                "neither a systemd user session nor cron is available here (crontab: {e})"
            ))
        })?;
    if !out.status.success() {
        // "no crontab for <user>": none yet. Anything else: the table is left alone.
        let said = String::from_utf8_lossy(&out.stderr);
        return if said.contains("no crontab for") {
            Ok(String::new())
        } else {
            Err(failed(format!("crontab -l failed: {}", said.trim())))
        };
    }
    // A table that is not UTF-8 is not rewritten (its other lines would change).
    String::from_utf8(out.stdout)
        .map_err(|_| failed("the crontab holds text that is not UTF-8; it was left as it was"))
}

fn write_crontab(text: &str) -> Result<(), Finding> {
    use std::io::Write as _;
    let mut child = Command::new("crontab")
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| failed(format!("crontab cannot be started: {e}")))?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(text.as_bytes())
            .map_err(|e| failed(format!("crontab: {e}")))?;
    }
    let out = child
        .wait_with_output()
        .map_err(|e| failed(format!("crontab: {e}")))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(failed(format!(
            "crontab refused the new table: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_app_schedules_the_command_line_program_installed_with_it() {
        // Compared as paths (the separator is the OS's own: these tests also run on Windows).
        for (os, app, cli) in [
            (
                Os::Windows,
                r"C:\Program Files\Mail Setup Assistant\mailsetup-desktop.exe",
                "mailsetup.exe",
            ),
            (
                Os::MacOs,
                "/Applications/Mail Setup Assistant.app/Contents/MacOS/mailsetup-desktop",
                "mailsetup",
            ),
            (Os::Linux, "/usr/bin/mailsetup-desktop", "mailsetup"),
        ] {
            let app = Path::new(app);
            let beside = cli_beside(os, app);
            assert_eq!(beside.parent(), app.parent(), "{os:?}");
            assert_eq!(
                beside.file_name(),
                Some(std::ffi::OsStr::new(cli)),
                "{os:?}"
            );
        }
    }

    fn folders() -> Folders {
        Folders {
            home: Some("/home/ann".into()),
            local_app_data: Some(r"C:\Users\Ann\AppData\Local".into()),
            app_data: Some(r"C:\Users\Ann\AppData\Roaming".into()),
            ..Folders::default()
        }
    }

    #[test]
    fn windows_registers_a_daily_task_for_the_logged_on_user() {
        let exe = Path::new(r"C:\Program Files\Mail Setup Assistant\mailsetup.exe");
        let p = plan(Os::Windows, &folders(), exe, None, &LinuxSession::default()).unwrap();
        assert_eq!(p.scheduler, Scheduler::TaskScheduler);
        assert_eq!(
            p.register[0][..4],
            argv(&["schtasks", "/Create", "/TN", TASK_NAME])
        );
        let xml = task_xml(&p.command);
        assert!(
            xml.contains(r"<Command>C:\Program Files\Mail Setup Assistant\mailsetup.exe</Command>")
        );
        assert!(xml.contains("<Arguments>renew --all --quiet</Arguments>"));
        assert!(
            xml.contains("<LogonType>InteractiveToken</LogonType>"),
            "the user's vault"
        );
        assert!(xml.contains("<StartWhenAvailable>true</StartWhenAvailable>"));
        // The file is UTF-16 with a byte order mark, as schtasks reads it.
        assert_eq!(&p.files[0].1[..2], &[0xFF, 0xFE]);
        assert!(p.files[0].0.ends_with("mailsetup-renew.xml"));
    }

    #[test]
    fn arguments_with_spaces_quotes_and_markup_survive_every_format() {
        let cmd: Vec<String> = argv(&[
            "/opt/Mail Setup/mailsetup",
            "--config",
            r#"/tmp/a "b" & c%d\"#,
            "renew",
        ]);
        assert_eq!(windows_quote(r"C:\a b\"), r#""C:\a b\\""#);
        assert_eq!(windows_quote(r#"say "hi""#), r#""say \"hi\"""#);
        assert!(task_xml(&cmd).contains("&quot;b\\&quot; &amp; c%d"));
        let unit = systemd_service(&cmd);
        assert!(unit.contains(r#"ExecStart="/opt/Mail Setup/mailsetup" "--config" "/tmp/a \"b\" & c%%d\\" "renew""#), "{unit}");
        let cron = crontab_with("", &cmd, "x");
        assert!(cron.starts_with("0 12 * * * DBUS_SESSION_BUS_ADDRESS=x '/opt/Mail Setup/mailsetup' '--config' '/tmp/a \"b\" & c\\%d\\' 'renew' # mailsetup-renew"), "{cron}");
        let plist = launchd_plist(&cmd);
        assert!(
            plist.contains("<string>/tmp/a &quot;b&quot; &amp; c%d\\</string>"),
            "{plist}"
        );
    }

    #[test]
    fn odd_paths_are_refused_not_half_escaped() {
        let f = folders();
        let session = LinuxSession::default();
        for (os, path) in [
            (Os::Linux, "/x\n* * * * * sh /tmp/evil #"),
            (Os::Linux, "/tmp/100%/settings.toml"),
            (Os::Windows, r"C:\%TEMP%\settings.toml"),
            (Os::MacOs, "/tmp/a\rb"),
        ] {
            let got = plan(
                os,
                &f,
                Path::new("/usr/bin/mailsetup"),
                Some(Path::new(path)),
                &session,
            );
            assert_eq!(
                got.err().map(|e| e.code),
                Some(FindingCode::ScheduleFailed),
                "{path:?}"
            );
        }
        // systemd expands `$`: written as `$$`.
        let unit = systemd_service(&argv(&["/opt/$HOME/mailsetup"]));
        assert!(
            unit.contains(r#"ExecStart="/opt/$$HOME/mailsetup""#),
            "{unit}"
        );
        // cron gets the session bus: the bus of this session at a fixed path, else the login
        // session's.
        let cron = |bus: Option<&str>| {
            let s = LinuxSession {
                systemd: false,
                bus: bus.map(str::to_owned),
            };
            plan(Os::Linux, &f, Path::new("/usr/bin/mailsetup"), None, &s)
                .unwrap()
                .cron_bus
        };
        assert_eq!(
            cron(Some("unix:path=/run/user/1000/bus")),
            "'unix:path=/run/user/1000/bus'"
        );
        assert_eq!(
            cron(Some("unix:abstract=/tmp/dbus-x,guid=1")),
            "\"unix:path=/run/user/$(id -u)/bus\""
        );
        assert_eq!(cron(None), "\"unix:path=/run/user/$(id -u)/bus\"");
    }

    #[test]
    fn the_crontab_keeps_every_other_line_and_holds_one_of_ours() {
        let cmd = argv(&["/usr/bin/mailsetup", "renew", "--all", "--quiet"]);
        let theirs = "MAILTO=ann\n30 2 * * * backup.sh\n";
        let once = crontab_with(theirs, &cmd, "'unix:path=/run/user/1000/bus'");
        let twice = crontab_with(&once, &cmd, "'unix:path=/run/user/1000/bus'");
        assert_eq!(once, twice, "registering again does not add a second line");
        assert!(once.starts_with(theirs));
        assert_eq!(crontab_without(&twice), theirs);
    }

    #[test]
    fn linux_uses_a_systemd_user_timer_else_the_crontab_and_macos_an_agent() {
        let exe = Path::new("/usr/bin/mailsetup");
        let f = folders();
        let home = f.home.clone().unwrap();
        let p = plan(
            Os::Linux,
            &f,
            exe,
            Some(Path::new("/etc/x.toml")),
            &LinuxSession {
                systemd: true,
                bus: None,
            },
        )
        .unwrap();
        assert_eq!(p.scheduler, Scheduler::SystemdUser);
        // Joined as the code joins them, so the test holds on any OS's separators.
        assert_eq!(
            p.files[0].0,
            home.join(".config")
                .join("systemd/user")
                .join("mailsetup-renew.service")
        );
        assert_eq!(
            p.command,
            argv(&[
                "/usr/bin/mailsetup",
                "--config",
                "/etc/x.toml",
                "renew",
                "--all",
                "--quiet"
            ])
        );
        assert!(SYSTEMD_TIMER.contains("Persistent=true"));
        let p = plan(Os::Linux, &f, exe, None, &LinuxSession::default()).unwrap();
        assert_eq!(p.scheduler, Scheduler::Cron);
        let p = plan(Os::MacOs, &f, exe, None, &LinuxSession::default()).unwrap();
        assert_eq!(
            p.files[0].0,
            home.join("Library/LaunchAgents")
                .join(format!("{BUNDLE_ID}.renew.plist"))
        );
        assert_eq!(p.register[0][..3], argv(&["launchctl", "load", "-w"]));
    }
}
