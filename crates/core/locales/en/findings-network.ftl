## Findings: network. Each message is one finding code (kebab-case): its value is the title;
## .explanation, .step-N (fix steps in order), .admin-explanation and .admin-step-N (the
## administrator's part), .windows-/.macos-/.linux-step-N (the vault's per-OS steps).
## Variables: see findings-common.ftl (param-*).

dns-failed = The mail server name { $server } could not be found
    .explanation = This computer could not look up the address of { $server }. Usually the internet connection is down, the DNS server is not answering, or the name is mistyped in the settings.
    .step-1 = Check that this computer can open web pages.
    .step-2 = If it can, check the server name in the settings for typos.
    .step-3 = On a company network, ask whoever runs the network whether { $server } is blocked.

connect-refused = { $server } refused the connection
    .explanation = The server answered, but said nothing is accepting connections on that port, or a firewall on the way rejected it.
    .step-1 = Check the port number in the settings (submission is 587, IMAP is 993).
    .step-2 = Ask the network administrator whether outgoing connections to this port are allowed.

connect-timeout = No answer from { $server } within { $duration }
    .explanation = The connection got no reply at all. A firewall, a web filter or a proxy is probably dropping traffic to this port silently.
    .step-1 = Try from another network (for example a phone hotspot) to see whether the local network is blocking it.
    .step-2 = Ask the network administrator to allow outgoing connections to { $server }.
    .step-3 = If the network only allows web traffic through a proxy, mail programs cannot work there; ask for an exception.

tls-certificate-invalid = The secure connection to { $server } could not be trusted
    .explanation = The server's certificate is not trusted by this computer, has expired, or was issued for another name. Sign-in details are never sent over such a connection. This often means a security product or proxy intercepts secure connections. ({ $problem })
    .step-1 = Check that the computer's date and time are correct.
    .step-2 = If the organisation uses a TLS-inspecting proxy or security product, its certificate authority must be trusted: add it as extra_ca_file in the [tls] section of the settings, or exclude { $server } from inspection.
    .step-3 = Check the server name in the settings.

tls-failed = The secure connection to { $server } failed
    .explanation = The encrypted connection could not be set up ({ $problem }). Microsoft 365 and Gmail require TLS 1.2 or newer.
    .step-1 = Check whether a security product or proxy interferes with secure connections.
    .step-2 = Try from another network to compare.

server-timeout = { $server } stopped answering
    .explanation = The server accepted the connection but did not reply within { $duration }.
    .step-1 = Try again in a few minutes.
    .step-2 = If it keeps happening, try from another network.

network-idp-unreachable = Can't reach { $provider } sign-in
    .explanation = The app could not reach the { $provider } sign-in service ({ $problem }). This is a network or proxy problem, not a problem with the account; the saved sign-in was kept.
    .step-1 = Check the internet connection.
    .step-2 = If the organisation uses a proxy, make sure it is set in the system settings or in HTTPS_PROXY, and that it allows the sign-in service (login.microsoftonline.com for Microsoft; accounts.google.com and oauth2.googleapis.com for Google).
    .step-3 = Try again later.

loopback-port-unavailable = Another program or security software is blocking sign-in
    .explanation = To receive the sign-in answer, the app opens a private port on this computer (127.0.0.1). It could not open one ({ $problem }).
    .step-1 = Close other programs that may hold many local ports, then try again.
    .step-2 = Check whether security software blocks programs from listening on 127.0.0.1 and allow Mail Setup Assistant.

clock-skew = This computer's clock is wrong
    .explanation = This computer's clock is { $problem } compared with { $provider }'s sign-in service. Everything still works, but a wrong clock makes secure connections and sign-ins fail sooner or later, and times in reports read wrong.
    .step-1 = Set the date, time and time zone to be set automatically: Windows — Settings → Time & language → Date & time; macOS — System Settings → General → Date & Time; Linux — the desktop's Date & Time settings, or `timedatectl set-ntp true`.
    .step-2 = If the clock drifts again, tell the helpdesk: the computer's time service or its battery may need attention.

