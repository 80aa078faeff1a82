## The steps of a check, a sign-in or a verification. Each message is one step (its name in
## kebab-case, after step-): its value says what the step is doing (shown while it runs);
## .passed says what it found when it went well, in one line for the person (the technical
## facts are in the step's details and in the helpdesk report).

step-prepare = Getting ready
    .passed = Ready
step-discover = Finding out who provides this mailbox
    .passed = The mailbox's provider is known
step-dns = Looking up the mail servers
    .passed = The mail servers were found
step-smtp-connect = Connecting securely to the sending server
    .passed = The sending server answered over a secure connection
step-imap-connect = Connecting securely to the mailbox server
    .passed = The mailbox server answered over a secure connection
step-loopback = Preparing the sign-in
    .passed = The sign-in is ready
step-open-browser = Opening the web browser
    .passed = The web browser opened the sign-in page
step-browser-sign-in = Waiting for you to sign in in the browser
    .passed = You signed in
step-device-code = Getting a sign-in code
    .passed = A sign-in code is ready
step-device-sign-in = Waiting for you to enter the code and sign in
    .passed = You signed in with the code
step-code-exchange = Completing the sign-in
    .passed = The sign-in is complete
step-token-check = Checking what the sign-in granted
    .passed = The sign-in allows reading and sending mail
step-account-check = Checking which account signed in
    .passed = The right account signed in
step-vault-store = Saving the sign-in in this computer's vault
    .passed = The sign-in is saved safely on this computer
step-vault-read = Reading the saved sign-in
    .passed = The saved sign-in was found
step-token-refresh = Renewing the sign-in
    .passed = The sign-in is up to date
step-smtp-auth = Signing in to the sending server
    .passed = The sending server accepted the sign-in
step-smtp-send = Sending a test message to the mailbox
    .passed = A test message was sent
step-imap-auth = Signing in to the mailbox
    .passed = The mailbox accepted the sign-in
step-imap-select = Opening the inbox
    .passed = The inbox opened
step-imap-find = Looking for the test message in the inbox
    .passed = The test message arrived in the inbox
step-port25 = Checking port 25 (for information)
    .passed = Port 25 was checked
step-port465 = Checking port 465 (for information)
    .passed = Port 465 was checked
step-identity-provider = Reaching the sign-in service
    .passed = The sign-in service answered
step-proxy = Looking at the proxy settings
    .passed = The proxy settings were read
step-password-form = Looking at the password's form
    .passed = The password's form was checked
step-clock = Comparing this computer's clock with the sign-in service's
    .passed = This computer's clock is right
step-read-registration = Reading the app registration from Microsoft Graph
    .passed = The app registration was read
step-client-secret-trial = Trying the stored client secret with Microsoft
    .passed = Microsoft accepted the stored client secret

## What was done, as a whole (the result's heading).
action-check = Connection check
action-sign-in = Sign-in
action-verify = Verification

## The kind of mailbox and how it signs in, in words.
provider-microsoft365 = Microsoft 365 work or school account
provider-microsoft-personal = personal Microsoft account (Outlook.com, Hotmail)
provider-google = Gmail or Google Workspace account
provider-other = mailbox at another provider
sign-in-method-oauth = OAuth 2.0 in the browser (XOAUTH2)
sign-in-method-app-password = Google App Password
sign-in-method-password = Password

## What the first step found out about the mailbox ($org: the organisation's name; $cloud: a
## Microsoft cloud's name; $domain: the mailbox's domain; $source: where the settings came from).
discovery-m365-cloud-org = This is a { $cloud } work or school account at { $org }.
discovery-m365-org = This is a Microsoft 365 work or school account at { $org }.
discovery-m365 = This is a Microsoft 365 work or school account.
discovery-personal = This is a personal Microsoft account (Outlook.com or Hotmail).
discovery-google = This mailbox is at Google (Gmail or Google Workspace).
discovery-unknown = The app could not tell who provides mail for { $domain }: enter the mail server settings (your provider or IT team has them).
discovery-autoconfig = The app found the mail settings for { $domain } ({ $source }).
discovery-settings-servers = The app could not tell who provides mail for { $domain }; it uses the mail servers named in the settings file.
