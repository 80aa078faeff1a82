// Mail Setup Assistant desktop app: everything happens in `mailsetup_desktop::run`.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    mailsetup_desktop::run();
}
