## Findings: settings. Each message is one finding code (kebab-case): its value is the title;
## .explanation, .step-N (fix steps in order), .admin-explanation and .admin-step-N (the
## administrator's part), .windows-/.macos-/.linux-step-N (the vault's per-OS steps).
## Variables: see findings-common.ftl (param-*).

invalid-address = That is not an email address we can use
    .explanation = { $problem }
    .step-1 = Type just the mailbox address, for example ann@example.edu, and try again.

settings-invalid = The settings cannot be used
    .explanation = The app could not use its settings: { $problem }
    .step-1 = Correct the field named above where it is set: in the settings file named, or, when a registry key (HKLM\SOFTWARE\Policies\mailsetup) or a managed preferences file is named, in the Group Policy, Intune or MDM profile that IT deploys.
    .step-2 = Leave a field out (or empty) to use the standard value.
    .step-3 = Start the app again.

deployment-files-not-saved = The deployment files could not be saved
    .explanation = The app could not save the deployment files: { $problem }
    .step-1 = Choose a folder you can write to, for example your Documents folder, and save again.
    .step-2 = On a network share, check that the share is reachable and that you may write to it.

schedule-failed = The daily renewal could not be set up
    .explanation = The app could not register its daily renewal of sign-ins with this computer's scheduler: { $problem }. Nothing else changed: the sign-ins still work, and opening the app renews the ones that need it.
    .step-1 = Run `mailsetup renew --schedule` again in a terminal of the person's account (not as an administrator): the task belongs to their account.
    .step-2 = If it fails again, renew by hand from time to time instead (`mailsetup renew --all`), or let IT schedule that command with their own tools.

deployment-needs-passed-check = Check the app registration first
    .explanation = The files for staff carry the app registration that the check confirmed. No check has passed since the app started, so no files were saved.
    .step-1 = Choose "Check the app registration" and sign in with your administrator account.
    .step-2 = When every item has passed, save the files for staff again.

app-not-configured = Microsoft sign-in is not set up for this app yet
    .explanation = To sign in with Microsoft, the app needs your organisation's app registration (a client ID). None is configured, so the app cannot open the Microsoft sign-in page.
    .step-1 = In the Microsoft Entra admin center, register an app: Identity → Applications → App registrations → New registration.
    .step-2 = Under Authentication, add the platform "Mobile and desktop applications" with the redirect URI http://localhost.
    .step-3 = Under API permissions, add the delegated permissions SMTP.Send and IMAP.AccessAsUser.All (listed under Microsoft Graph → Office 365 Exchange Online), plus openid, profile, email and offline_access, and grant consent.
    .step-4 = Put the tenant ID and the application (client) ID into the Mail Setup Assistant settings file, [microsoft] client_id and tenant.

personal-sign-in-not-configured = Sign-in for personal Microsoft accounts is not set up for this app
    .explanation = Outlook.com and Hotmail accounts sign in at Microsoft's consumer service, which needs an app registration that accepts personal accounts. None is configured.
    .step-1 = In the Microsoft Entra admin center, register an app whose supported account types include "Personal Microsoft accounts".
    .step-2 = Under Authentication, add the platform "Mobile and desktop applications" with the redirect URI http://localhost; add the delegated permissions IMAP.AccessAsUser.All and SMTP.Send (Office 365 Exchange Online), plus offline_access.
    .step-3 = Put its application (client) ID into the settings file, [outlook] client_id.

client-secret-missing = The app registration needs a client secret
    .explanation = The settings say the app registration { $client_id } is a confidential ("Web") registration, so Microsoft requires a client secret, but none is stored on this computer.
    .step-1 = Preferably, change the registration to a public client: move the redirect URI to "Mobile and desktop applications" and set client_type = "public" in the settings.
    .step-2 = Otherwise enter the secret once in the app's Admin page (or run: mailsetup admin set-client-secret). It is kept only in this computer's password vault.

server-settings-needed = The app needs the mail server settings for { $domain }
    .explanation = The app could not find out which servers handle mail for { $domain }: the provider publishes no automatic settings.
    .step-1 = Enter the incoming (IMAP) and outgoing (SMTP) server names and ports. Your mail provider's help pages or your IT team have them.
    .step-2 = Use the secure ports: IMAP 993 (SSL/TLS), SMTP 587 (STARTTLS) or 465 (SSL/TLS). The app never sends a password over an unencrypted connection.
    .step-3 = On the command line, add them to the command: `--imap imap.example.net:993 --smtp smtp.example.net:587` (and `--username NAME` when the login is not the address).

password-sign-in-needed = { $domain } signs in with a password
    .explanation = This provider offers mail programs no sign-in in the browser. The app signs in with the mailbox's password instead: it checks the password on the mail server (only over an encrypted connection) and keeps it only in this computer's vault.
    .step-1 = Use the password sign-in: Password in the app, or `mailsetup signin { $mailbox } --password`.

internal = Something unexpected went wrong in the app
    .explanation = The app ran into an error it did not expect. No sign-in details were lost.
    .step-1 = Try again.
    .step-2 = If it repeats, send the report to the app's maintainers.

