; The Windows installer of Mail Setup Assistant: the desktop app, the `mailsetup` command-line
; tool (on the system PATH), a Start-menu shortcut and an uninstaller in "Apps" / "Add or remove
; programs". Per machine only (C:\Program Files), for staff double-clicking it and for IT
; deploying it silently (Intune, GPO, SCCM): `mailsetup-setup.exe /S`.
;
; Built on Linux with Debian's makensis by `scripts/windows.sh installer` (which passes the
; defines below); why not with Tauri's bundler: docs/windows-deploy.md. Uses only what ships
; with NSIS itself: no plugin is downloaded.
;
; Exit codes of the installer (documented for IT in docs/windows-deploy.md):
;   0  installed
;   1  cancelled by the person at the computer (NSIS)
;   2  stopped by an error, e.g. a file in use or not writable (NSIS)
;   3  the Microsoft Edge WebView2 Runtime is missing: nothing was installed
;   4  not run as an administrator: nothing was installed
;
; Switches: /S (silent), /D=<folder> (install folder, last on the command line; NSIS), and
; /SKIPWEBVIEW2CHECK (install even when the WebView2 Runtime is not there yet, for IT when the
; runtime is deployed in a later step; the desktop app then says what is missing when started,
; the command-line tool does not need it).

Unicode true
; A 64-bit installer: the app is 64-bit only, and a 64-bit installer sees the 64-bit registry and
; C:\Program Files without redirection.
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel admin
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "pass -DVERSION=x.y.z (scripts/windows.sh installer does)"
!endif
!ifndef BIN_DIR
  !error "pass -DBIN_DIR=<the Windows release build's folder> (scripts/windows.sh installer does)"
!endif
!ifndef OUTFILE
  !define OUTFILE "mailsetup-${VERSION}-setup.exe"
!endif

!define APP_NAME "Mail Setup Assistant"
!define PUBLISHER "Mail Setup Assistant"
!define DESKTOP_EXE "mailsetup-desktop.exe"
; The "Add or remove programs" entry: HKLM\...\Uninstall\<key>, per machine.
; https://learn.microsoft.com/en-us/windows/win32/msi/uninstall-registry-key
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\MailSetupAssistant"
; The system-wide environment (PATH for all users).
; https://learn.microsoft.com/en-us/windows/win32/procthread/environment-variables
!define ENV_KEY "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"
; The WebView2 Runtime's version value `pv`, per machine (the 32-bit registry view on 64-bit
; Windows) or per user; installed when it exists and is neither empty nor 0.0.0.0.
; https://learn.microsoft.com/en-us/microsoft-edge/webview2/concepts/distribution#detect-if-a-webview2-runtime-is-already-installed
!define WEBVIEW2_KEY_MACHINE "SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"
!define WEBVIEW2_KEY_USER "Software\Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"
!define EXIT_NO_WEBVIEW2 3
!define EXIT_NOT_ADMIN 4

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "StrFunc.nsh"
!include "WinMessages.nsh"
${StrStr}
${UnStrRep}

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP_NAME}"
; An earlier install's folder, so that an update goes to the same place.
InstallDirRegKey HKLM "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${APP_NAME}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "${APP_NAME} setup"
VIAddVersionKey "LegalCopyright" "MIT OR Apache-2.0"

!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif
!define MUI_ABORTWARNING
; No "Start now" box on the finish page: the installer runs as administrator, and so would the
; app it started. Staff start it from the Start menu.
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Var PathNote

; Stops the installer with an exit code, after a plain message (in a silent install only the
; exit code: nobody is there to read it).
!macro StopWith code message
  MessageBox MB_OK|MB_ICONSTOP "${message}" /SD IDOK
  SetErrorLevel ${code}
  Quit
!macroend

Function .onInit
  SetShellVarContext all
  UserInfo::GetAccountType
  Pop $0
  ${If} $0 != "Admin"
    !insertmacro StopWith ${EXIT_NOT_ADMIN} "${APP_NAME} is installed for everyone on this computer, which needs an administrator.$\r$\n$\r$\nPlease ask your IT department or helpdesk to install it."
  ${EndIf}
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/SKIPWEBVIEW2CHECK" $1
  ${If} ${Errors}
    Call WebView2Installed
    Pop $1
    ${If} $1 != "yes"
      !insertmacro StopWith ${EXIT_NO_WEBVIEW2} "This computer is missing a part of Windows that ${APP_NAME} needs to show its window: the Microsoft Edge WebView2 Runtime. Nothing was installed.$\r$\n$\r$\nPlease ask your IT department or helpdesk to install it first.$\r$\n$\r$\nFor IT: deploy the Evergreen WebView2 Runtime with Microsoft's Evergreen Standalone Installer (offline), https://developer.microsoft.com/microsoft-edge/webview2/ , then run this installer again."
    ${EndIf}
  ${EndIf}
FunctionEnd

; Pushes "yes" when a WebView2 Runtime is installed (per machine or for this user), else "no".
Function WebView2Installed
  SetRegView 64
  ReadRegStr $0 HKLM "${WEBVIEW2_KEY_MACHINE}" "pv"
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKCU "${WEBVIEW2_KEY_USER}" "pv"
  ${EndIf}
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    Push "no"
  ${Else}
    Push "yes"
  ${EndIf}
FunctionEnd

Section "Install"
  SetShellVarContext all
  SetRegView 64
  SetOutPath "$INSTDIR"
  File "${BIN_DIR}\${DESKTOP_EXE}"
  File "${BIN_DIR}\WebView2Loader.dll"
  ; The command-line tool alone in bin\, the one folder put on PATH.
  SetOutPath "$INSTDIR\bin"
  File "${BIN_DIR}\mailsetup.exe"
  SetOutPath "$INSTDIR"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${DESKTOP_EXE}"

  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${DESKTOP_EXE},0"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" "$0"

  Call AddToPath
SectionEnd

; Appends "$INSTDIR\bin" to the system PATH unless it is there. NSIS strings hold at most
; ${NSIS_MAX_STRLEN} characters: a longer PATH is left untouched (never cut short), with a note
; in the log; IT then adds the folder itself or calls the tool by its full path.
Function AddToPath
  StrCpy $PathNote ""
  ClearErrors
  ReadRegStr $0 HKLM "${ENV_KEY}" "Path"
  ${If} ${Errors}
  ${AndIf} $0 == ""
    ; Absent, or longer than a string here: which one cannot be told apart, so leave it alone.
    StrCpy $PathNote "skipped"
  ${EndIf}
  ; The longest PATH this can still write and the uninstaller still read and clean (it adds
  ; two characters): ${NSIS_MAX_STRLEN} less the terminating zero.
  StrLen $1 "$0"
  StrLen $2 ";$INSTDIR\bin"
  IntOp $1 $1 + $2
  IntOp $1 $1 + 2
  ${If} $1 >= ${NSIS_MAX_STRLEN}
    StrCpy $PathNote "skipped"
  ${EndIf}
  ${If} $PathNote == "skipped"
    DetailPrint "The system PATH was not changed (too long to edit safely here). The command-line tool is $INSTDIR\bin\mailsetup.exe."
    Return
  ${EndIf}
  ${StrStr} $2 ";$0;" ";$INSTDIR\bin;"
  ${If} $2 != ""
    Return
  ${EndIf}
  ${If} $0 == ""
    StrCpy $0 "$INSTDIR\bin"
  ${Else}
    StrCpy $0 "$0;$INSTDIR\bin"
  ${EndIf}
  WriteRegExpandStr HKLM "${ENV_KEY}" "Path" "$0"
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
FunctionEnd

Section "Uninstall"
  SetShellVarContext all
  SetRegView 64
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$INSTDIR\${DESKTOP_EXE}"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\bin\mailsetup.exe"
  Delete "$INSTDIR\uninstall.exe"
  ; Only the folders the installer made, and only when empty (never a folder's whole contents:
  ; /D may have pointed somewhere shared).
  RMDir "$INSTDIR\bin"
  RMDir "$INSTDIR"
  Call un.RemoveFromPath
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  ; What stays, on purpose: each person's settings, account list and log (%APPDATA%\mailsetup,
  ; %LOCALAPPDATA%\mailsetup), their sign-ins in Credential Manager, and what IT deployed
  ; (HKLM\SOFTWARE\Policies\mailsetup, %ProgramData%\mailsetup).
SectionEnd

; Removes "$INSTDIR\bin" from the system PATH (every occurrence, nothing else).
Function un.RemoveFromPath
  ClearErrors
  ReadRegStr $0 HKLM "${ENV_KEY}" "Path"
  StrLen $1 "$0"
  IntOp $1 $1 + 2
  ${If} ${Errors}
  ${OrIf} $1 >= ${NSIS_MAX_STRLEN}
    DetailPrint "The system PATH was not changed (too long to edit safely here): remove $INSTDIR\bin from it."
    Return
  ${EndIf}
  ${UnStrRep} $1 ";$0;" ";$INSTDIR\bin;" ";"
  ${If} $1 == ";$0;"
    Return
  ${EndIf}
  ; Drop the two added semicolons again.
  StrCpy $1 $1 "" 1
  StrCpy $1 $1 -1
  WriteRegExpandStr HKLM "${ENV_KEY}" "Path" "$1"
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
FunctionEnd
