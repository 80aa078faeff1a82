//! The settings IT manages for the computer through the OS's own tools, read into settings
//! tables: the Windows policy registry key ([`registry`], set by Group Policy or Intune) and the
//! macOS managed preferences ([`prefs`], installed by an MDM profile). On Linux IT's file in
//! `/etc` is the managed source, read like any settings file ([`super::layers`]).

pub mod prefs;
pub mod registry;
