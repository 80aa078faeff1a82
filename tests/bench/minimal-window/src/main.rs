// A minimal Tauri window: the yardstick the desktop bench compares the app with.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("minimal window");
}
