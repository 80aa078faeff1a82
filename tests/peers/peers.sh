#!/usr/bin/env bash
# The real local peers the tests and the demo use, all on 127.0.0.1 with ports chosen free at start:
#   - Dovecot 2.3: IMAPS, LMTP, and the SASL auth service; XOAUTH2/OAUTHBEARER tokens are validated
#     locally against the identity provider's RS256 signing key (real JWT checks: signature, exp,
#     issuer, email == SASL user); PLAIN/LOGIN over TLS against app passwords (a passwd-file);
#   - Postfix 3.7: submission with STARTTLS required (and an implicit-TLS submission port) and SASL
#     through Dovecot, delivering by LMTP into the Dovecot INBOX;
#   - the local OpenID provider (tests/peers/idp/idp.mjs) speaking Entra's v2.0 paths and Google's
#     OAuth paths over HTTPS, with the app-password test API and a local Thunderbird ISPDB;
#   - the providers' own autoconfig hosts (tests/peers/autoconfig/server.mjs) on
#     $MAILSETUP_AUTOCONFIG_ADDR:443 (default 127.0.0.1; a second instance needs another loopback
#     address, e.g. 127.0.0.2), routed by Host header;
#   - dnsmasq: a DNS server with the domains' MX records and the autoconfig hosts' addresses.
# A throw-away CA signs the servers' certificate; the app trusts it only through the settings file.
#
# Usage: peers.sh start    starts everything, prints the path of a settings file for the app
#        peers.sh stop     stops everything
#        peers.sh status   says what runs
# State lives in $MAILSETUP_PEERS_DIR (default: <repo>/target/peers). Needs root (Postfix, Dovecot,
# port 443).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
DIR=${MAILSETUP_PEERS_DIR:-$REPO/target/peers}

# Fixed directory data (tenants, the demo app registration): tests/peers/README.md explains them.
TENANT_EDU=5f0a7c4e-1b2d-4c3e-9f10-1234567890ab
TENANT_OTHER=8c2d4b6a-3e5f-4a7b-9c1d-0e2f4a6b8c0d
CONSUMER=9188040d-6c67-4c5b-b112-36a304b66dad
DEMO_CLIENT=6e1f5a3c-0d4b-4c8e-9a51-2b7c3d9e8f10
# Personal Microsoft accounts' app registration (signInAudience PersonalMicrosoftAccount: /consumers).
OUTLOOK_DEMO_CLIENT=0b7a5c3d-2e4f-4a6b-8c9d-1e2f3a4b5c6d
# Microsoft's "Microsoft Graph Command Line Tools" app: the administrator signs in with it for the
# registration check (a first-party public client that registers http://localhost).
GRAPH_TOOLS_CLIENT=14d82eec-204b-4c2f-b7e8-296a70dab67e
# Google mode's demo client (public: no secret).
GOOGLE_DEMO_CLIENT=123456789012-mailsetupdemo.apps.googleusercontent.com
KID=mailsetup-test-1
# The autoconfig hosts listen on this loopback address, port 443 (fixed by the protocol).
AC_ADDR=${MAILSETUP_AUTOCONFIG_ADDR:-127.0.0.1}
# Every domain whose mail the local Postfix delivers into Dovecot.
MAIL_DOMAINS="example.edu other.example hotmail.example gmail.example school.example small.example wellknown.example ispdb-only.example hosted-mail.example nothing.example"

log() { printf 'peers: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

wait_port() { # host port seconds
  local i
  for ((i = 0; i < $3 * 10; i++)); do
    if (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  return 1
}

free_ports() { # count
  python3 - "$1" <<'EOF'
import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
EOF
}

make_tls() {
  local t=$DIR/tls
  mkdir -p "$t"
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=Mail Setup Assistant test CA" \
    -keyout "$t/ca.key" -out "$t/ca.crt" -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" >/dev/null 2>&1
  openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout "$t/server.key" -out "$t/server.csr" >/dev/null 2>&1
  printf '%s\n' "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature,keyEncipherment" \
    "extendedKeyUsage=serverAuth" \
    "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:127.0.0.2,DNS:autoconfig.small.example,DNS:wellknown.example,DNS:autoconfig.wellknown.example$(case $AC_ADDR in 127.0.0.1 | 127.0.0.2) ;; *) echo ",IP:$AC_ADDR" ;; esac)" \
    >"$t/server.ext"
  openssl x509 -req -in "$t/server.csr" -CA "$t/ca.crt" -CAkey "$t/ca.key" -CAcreateserial -days 30 \
    -extfile "$t/server.ext" -out "$t/server.crt" >/dev/null 2>&1
  # SPKI hash of the leaf, so a test browser can be told to accept it (--ignore-certificate-errors-spki-list).
  openssl x509 -in "$t/server.crt" -pubkey -noout | openssl pkey -pubin -outform der 2>/dev/null |
    openssl dgst -sha256 -binary | base64 >"$t/server.spki"
  chmod 644 "$t"/*.crt
}

make_signing_key() {
  mkdir -p "$DIR/idp" "$DIR/dovecot/keys/default/RS256"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$DIR/idp/signing.key" >/dev/null 2>&1
  openssl pkey -in "$DIR/idp/signing.key" -pubout -out "$DIR/dovecot/keys/default/RS256/$KID" 2>/dev/null
}

write_idp_config() {
  cat >"$DIR/idp/config.json" <<EOF
{
  "port": $IDP_PORT,
  "grants_port": $GRANTS_PORT,
  "grants_file": "$DIR/grants.json",
  "base": "https://127.0.0.1:$IDP_PORT",
  "tls": { "key": "$DIR/tls/server.key", "cert": "$DIR/tls/server.crt" },
  "signing": { "key": "$DIR/idp/signing.key", "kid": "$KID" },
  "tenants": [
    { "id": "$TENANT_EDU", "name": "Example College", "domains": ["example.edu"] },
    { "id": "$TENANT_OTHER", "name": "Other Organisation", "domains": ["other.example"] }
  ],
  "personal_domains": ["hotmail.example"],
  "default_user": "demo@example.edu",
  "google": { "domains": ["gmail.example", "school.example"], "personal_domains": ["gmail.example"], "default_user": "demo@gmail.example" },
  "app_passwords": { "file": "$DIR/dovecot/app-passwords", "list": "$DIR/passwords.json" },
  "ispdb_dir": "$DIR/autoconfig/ispdb",
  "clients": [
    { "client_id": "$DEMO_CLIENT", "type": "public", "redirect_uris": ["http://localhost", "http://127.0.0.1"] },
    { "client_id": "$OUTLOOK_DEMO_CLIENT", "type": "public", "sign_in_audience": "PersonalMicrosoftAccount", "redirect_uris": ["http://localhost", "http://127.0.0.1"] },
    { "client_id": "$GOOGLE_DEMO_CLIENT", "provider": "google" },
    { "client_id": "$GRAPH_TOOLS_CLIENT", "type": "public", "first_party": true, "display_name": "Microsoft Graph Command Line Tools", "redirect_uris": ["http://localhost"] }
  ]
}
EOF
}

# The password accounts at start. The provider writes Dovecot's passwd-file from this list and keeps
# both up to date through POST /_test/app_passwords; the secret scan reads this file.
write_passwords() {
  cat >"$DIR/passwords.json" <<EOF
[
  { "user": "demo@gmail.example", "password": "abcdefghijklmnop" },
  { "user": "demo@small.example", "password": "Demo-Password-2026" }
]
EOF
  chmod 644 "$DIR/passwords.json"
}

# Autoconfig documents from tests/peers/autoconfig/ with the ports filled in, and the autoconfig
# hosts' routes (Host header + path -> document).
write_autoconfig() {
  local a=$DIR/autoconfig f
  mkdir -p "$a/ispdb"
  for f in small.example.xml wellknown.example.xml ispdb/hosted-mail.example.xml ispdb/gmail.example.xml; do
    sed -e "s/@IMAPS_PORT@/$IMAPS_PORT/g" -e "s/@SUBMISSION_PORT@/$SUBMISSION_PORT/g" \
      -e "s/@SMTPS_PORT@/$SMTPS_PORT/g" -e "s#@IDP@#https://127.0.0.1:$IDP_PORT#g" "$HERE/autoconfig/$f" >"$a/$f"
  done
  : >"$a/requests.jsonl"
  cat >"$a/server.json" <<EOF
{
  "addr": "$AC_ADDR",
  "port": 443,
  "tls": { "key": "$DIR/tls/server.key", "cert": "$DIR/tls/server.crt" },
  "requests_log": "$a/requests.jsonl",
  "routes": [
    { "host": "autoconfig.small.example", "path": "/mail/config-v1.1.xml", "file": "$a/small.example.xml" },
    { "host": "wellknown.example", "path": "/.well-known/autoconfig/mail/config-v1.1.xml", "file": "$a/wellknown.example.xml" }
  ]
}
EOF
}

write_dovecot_config() {
  local d=$DIR/dovecot
  mkdir -p "$d/run" "$d/state" "$DIR/mail"
  chown mail:mail "$DIR/mail"
  cat >"$d/oauth2.conf.ext" <<EOF
introspection_mode = local
local_validation_key_dict = fs:posix:prefix=$d/keys/
username_attribute = email
issuers = https://sts.windows.net/$TENANT_EDU/ https://sts.windows.net/$TENANT_OTHER/ https://sts.windows.net/$CONSUMER/ https://127.0.0.1:$IDP_PORT/google
EOF
  cat >"$d/delegate.json" <<EOF
{ "keys": "$d/keys", "grants": "$DIR/grants.json",
  "issuers": ["https://sts.windows.net/$TENANT_EDU/", "https://sts.windows.net/$TENANT_OTHER/", "https://sts.windows.net/$CONSUMER/"] }
EOF
  cat >"$d/delegate.lua" <<EOF
-- Generated by tests/peers/peers.sh: shared-mailbox delegation (see tests/peers/dovecot/delegate-check.py).
local check = "python3 $HERE/dovecot/delegate-check.py $d/delegate.json "
function auth_password_verify(req, pass)
  if not string.match(req.user, "^[%w%.%-%+_]+@[%w%.%-]+$") then
    return dovecot.auth.PASSDB_RESULT_USER_UNKNOWN, "not an address"
  end
  local p = io.popen(check .. req.user, "w")
  p:write(pass)
  if p:close() then
    return dovecot.auth.PASSDB_RESULT_OK, ""
  end
  return dovecot.auth.PASSDB_RESULT_PASSWORD_MISMATCH, "no Full Access"
end
EOF
  echo '{}' >"$DIR/grants.json"
  chmod 644 "$DIR/grants.json"
  cat >"$d/dovecot.conf" <<EOF
# Generated by tests/peers/peers.sh
instance_name = mailsetup-peers
base_dir = $d/run
state_dir = $d/state
protocols = imap lmtp
listen = 127.0.0.1
log_path = $d/dovecot.log
auth_verbose = yes
ssl = required
ssl_cert = <$DIR/tls/server.crt
ssl_key = <$DIR/tls/server.key
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = yes
# PLAIN/LOGIN (app passwords) only over TLS (disable_plaintext_auth): IMAPS is TLS, and Postfix
# tells the auth service when its SMTP session is (after STARTTLS).
auth_mechanisms = xoauth2 oauthbearer plain login
# Tests sign in many times in a row from 127.0.0.1: no failure penalty (Dovecot delays failed
# logins: https://doc.dovecot.org/2.3/configuration_manual/authentication/auth_penalty/).
auth_failure_delay = 0
mail_location = maildir:$DIR/mail/%d/%n
first_valid_uid = 8
mail_uid = mail
mail_gid = mail
default_internal_user = dovecot
default_login_user = dovenull
passdb {
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = $d/oauth2.conf.ext
  result_failure = continue
}
# Shared mailboxes: a delegate's token for a mailbox it has Full Access to (see delegate-check.py).
passdb {
  driver = lua
  mechanisms = xoauth2 oauthbearer
  args = file=$d/delegate.lua blocking=yes
}
# App passwords (PLAIN/LOGIN only): written by the provider (POST /_test/app_passwords), atomically;
# Dovecot re-reads the file when its mtime or size changed (it looks at most once a second).
passdb {
  driver = passwd-file
  mechanisms = plain login
  args = scheme=PLAIN username_format=%Lu $d/app-passwords
}
userdb {
  driver = static
  args = uid=mail gid=mail home=$DIR/mail/%d/%n allow_all_users=yes
}
service imap-login {
  inet_listener imap {
    port = 0
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $IMAPS_PORT
    ssl = yes
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = $LMTP_PORT
  }
}
service auth {
  inet_listener {
    address = 127.0.0.1
    port = $AUTH_PORT
  }
}
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
protocol lmtp {
  postmaster_address = postmaster@example.edu
}
EOF
}

write_postfix_config() {
  local p=$DIR/postfix
  mkdir -p "$p/queue" "$p/data"
  chown postfix "$p/data"
  cat >"$p/main.cf" <<EOF
# Generated by tests/peers/peers.sh
compatibility_level = 3.6
queue_directory = $p/queue
data_directory = $p/data
mail_owner = postfix
setgid_group = postdrop
myhostname = mail.example.edu
mydomain = example.edu
mydestination =
mynetworks = 127.0.0.0/8
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
maillog_file = $p/postfix.log
maillog_file_prefixes = $DIR
alias_maps =
alias_database =
local_recipient_maps =
relay_domains =
virtual_mailbox_domains = $MAIL_DOMAINS
virtual_transport = lmtp:inet:127.0.0.1:$LMTP_PORT
smtpd_banner = \$myhostname ESMTP mailsetup local peer
smtpd_tls_cert_file = $DIR/tls/server.crt
smtpd_tls_key_file = $DIR/tls/server.key
smtpd_tls_security_level = may
smtpd_sasl_type = dovecot
smtpd_sasl_path = inet:127.0.0.1:$AUTH_PORT
smtpd_sasl_auth_enable = no
# Real-size XOAUTH2 lines are longer than the 2048 default
# (https://www.postfix.org/postconf.5.html#line_length_limit).
line_length_limit = 16384
smtpd_relay_restrictions = permit_sasl_authenticated, reject_unauth_destination
smtpd_recipient_restrictions = permit_sasl_authenticated, reject
# Send As: who may use a MAIL FROM address (the address itself, plus delegates granted Send As
# through the local provider's /_test/grants API, which serves this table).
smtpd_sender_login_maps = tcp:127.0.0.1:$GRANTS_PORT
# A content policy that refuses a message after DATA, as real servers do (the relay's test
# "server rejects after DATA": crates/cli/tests/relay.rs).
header_checks = regexp:$p/header_checks
EOF
  printf '%s\n' '/^Subject:.*REFUSE-AFTER-DATA/ REJECT 5.7.1 Message content rejected by policy' \
    >"$p/header_checks"
  cat >"$p/master.cf" <<EOF
# Generated by tests/peers/peers.sh: only what the peers need, nothing chrooted.
127.0.0.1:$SUBMISSION_PORT inet n - n - - smtpd
  -o syslog_name=postfix/submission
  -o smtpd_tls_security_level=encrypt
  -o smtpd_tls_auth_only=yes
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_client_restrictions=permit_sasl_authenticated,reject
  -o smtpd_sender_restrictions=reject_sender_login_mismatch
  -o smtpd_relay_restrictions=permit_sasl_authenticated,reject
  -o smtpd_recipient_restrictions=permit_sasl_authenticated,reject
# Implicit-TLS submission (the "SSL" port 465 of autoconfig documents).
127.0.0.1:$SMTPS_PORT inet n - n - - smtpd
  -o syslog_name=postfix/submissions
  -o smtpd_tls_wrappermode=yes
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_client_restrictions=permit_sasl_authenticated,reject
  -o smtpd_sender_restrictions=reject_sender_login_mismatch
  -o smtpd_relay_restrictions=permit_sasl_authenticated,reject
  -o smtpd_recipient_restrictions=permit_sasl_authenticated,reject
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
proxywrite unix -       -       n       -       1       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
local     unix  -       n       n       -       -       local
virtual   unix  -       n       n       -       -       virtual
lmtp      unix  -       -       n       -       -       lmtp
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
EOF
}

dns_answers() { # port: true when the DNS server answers an MX query
  python3 - "$1" <<'PY'
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(0.2)
q = b"\x12\x34\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00\x07example\x03edu\x00\x00\x0f\x00\x01"
s.sendto(q, ("127.0.0.1", int(sys.argv[1])))
s.recvfrom(512)
PY
}

start_dns() {
  mkdir -p "$DIR/dns"
  # MX records as the real providers publish them (crates/core/src/discovery.rs names the forms
  # and their sources); the autoconfig hosts' addresses
  # (exact names: autoconfig.wellknown.example deliberately has none). --local makes dnsmasq answer
  # like an authoritative server under the test domains: NXDOMAIN for a name it has nothing for,
  # an empty answer for another record type (not REFUSED, what it says without upstream servers).
  dnsmasq --keep-in-foreground --no-resolv --no-hosts --no-poll --bind-interfaces \
    --listen-address=127.0.0.1 --port="$DNS_PORT" --user=root --log-facility="$DIR/dns/dns.log" \
    --local=/example/ --local=/example.edu/ \
    --mx-host=example.edu,example-edu.mail.protection.outlook.com,0 \
    --mx-host=other.example,other-example.mail.protection.outlook.com,0 \
    --mx-host=hotmail.example,hotmail-example.olc.protection.outlook.com,5 \
    --mx-host=gmail.example,aspmx.l.google.com,1 \
    --mx-host=school.example,aspmx.l.google.com,1 \
    --mx-host=small.example,mx.small.example,10 \
    --mx-host=wellknown.example,mx.wellknown.example,10 \
    --mx-host=ispdb-only.example,mx1.hosted-mail.example,10 \
    --mx-host=nothing.example,mx.nothing.example,10 \
    --host-record=autoconfig.small.example,"$AC_ADDR" \
    --host-record=wellknown.example,"$AC_ADDR" \
    </dev/null >/dev/null 2>&1 &
  echo $! >"$DIR/dns/pid"
  for _ in $(seq 1 50); do
    if dns_answers "$DNS_PORT" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  die "dnsmasq did not start: see $DIR/dns/dns.log"
}

write_settings() {
  cat >"$DIR/settings.toml" <<EOF
# Mail Setup Assistant settings for the local peers (generated by tests/peers/peers.sh).
# The demo and the tests point the app at 127.0.0.1 with these; real use points at Microsoft.
[microsoft]
authority = "https://127.0.0.1:$IDP_PORT"
tenant = "organizations"
client_id = "$DEMO_CLIENT"
redirect = "http://localhost"
# Headless test browsers do not follow the start page's timed refresh: go straight on.
start_page_seconds = 0
# Microsoft Graph for the registration check (admin check): the provider's read-only Graph.
graph = "https://127.0.0.1:$IDP_PORT/graph"

[servers]
smtp = "127.0.0.1:$SUBMISSION_PORT"
imap = "127.0.0.1:$IMAPS_PORT"

[dns]
server = "127.0.0.1:$DNS_PORT"

[google]
client_id = "$GOOGLE_DEMO_CLIENT"
authorize_url = "https://127.0.0.1:$IDP_PORT/google/o/oauth2/v2/auth"
token_url = "https://127.0.0.1:$IDP_PORT/google/token"

[outlook]
client_id = "$OUTLOOK_DEMO_CLIENT"

[autoconfig]
ispdb = "https://127.0.0.1:$IDP_PORT/ispdb/v1.1/"

[tls]
extra_ca_file = "tls/ca.crt"

[timeouts]
sign_in = 60
EOF
  cat >"$DIR/peers.json" <<EOF
{
  "dir": "$DIR",
  "settings": "$DIR/settings.toml",
  "idp": "https://127.0.0.1:$IDP_PORT",
  "ca": "$DIR/tls/ca.crt",
  "spki": "$(cat "$DIR/tls/server.spki")",
  "smtp_port": $SUBMISSION_PORT,
  "smtps_port": $SMTPS_PORT,
  "imap_port": $IMAPS_PORT,
  "lmtp_port": $LMTP_PORT,
  "dns_port": $DNS_PORT,
  "demo_client_id": "$DEMO_CLIENT",
  "tenant_edu": "$TENANT_EDU",
  "tenant_other": "$TENANT_OTHER",
  "mail_dir": "$DIR/mail",
  "google_demo_client_id": "$GOOGLE_DEMO_CLIENT",
  "outlook_demo_client_id": "$OUTLOOK_DEMO_CLIENT",
  "autoconfig_addr": "$AC_ADDR",
  "autoconfig_requests": "$DIR/autoconfig/requests.jsonl",
  "app_passwords_file": "$DIR/dovecot/app-passwords",
  "passwords": "$DIR/passwords.json"
}
EOF
}

start() {
  [ "$(id -u)" = 0 ] || die "needs root (Postfix and Dovecot run as system daemons); try: sudo $0 start"
  for c in dovecot postfix node openssl python3 dnsmasq; do
    command -v "$c" >/dev/null || die "$c is missing: run scripts/setup.sh first"
  done
  [[ $AC_ADDR =~ ^127\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$ ]] ||
    die "MAILSETUP_AUTOCONFIG_ADDR must be a loopback address such as 127.0.0.2 (got $AC_ADDR)"
  stop >/dev/null 2>&1 || true
  if (exec 3<>"/dev/tcp/$AC_ADDR/443") 2>/dev/null; then
    die "$AC_ADDR:443 is taken (another peers instance?): give this one its own address, e.g. MAILSETUP_AUTOCONFIG_ADDR=127.0.0.2"
  fi
  rm -rf "$DIR"
  mkdir -p "$DIR"
  read -r IMAPS_PORT LMTP_PORT AUTH_PORT SUBMISSION_PORT SMTPS_PORT IDP_PORT DNS_PORT GRANTS_PORT < <(free_ports 8)
  make_tls
  make_signing_key
  write_idp_config
  write_passwords
  write_dovecot_config
  write_postfix_config
  write_autoconfig

  # The provider first: it writes Dovecot's app-password file.
  nohup node "$HERE/idp/idp.mjs" "$DIR/idp/config.json" </dev/null >"$DIR/idp/idp.log" 2>&1 &
  echo $! >"$DIR/idp/pid"
  wait_port 127.0.0.1 "$IDP_PORT" 10 || die "the OpenID provider did not start: see $DIR/idp/idp.log"
  [ -f "$DIR/dovecot/app-passwords" ] || die "the provider did not write $DIR/dovecot/app-passwords: see $DIR/idp/idp.log"
  dovecot -c "$DIR/dovecot/dovecot.conf" </dev/null >/dev/null 2>&1 || die "dovecot did not start: see $DIR/dovecot/dovecot.log"
  wait_port 127.0.0.1 "$IMAPS_PORT" 10 || die "dovecot is not listening on $IMAPS_PORT: see $DIR/dovecot/dovecot.log"
  wait_port 127.0.0.1 "$AUTH_PORT" 10 || die "dovecot auth is not listening"
  postfix -c "$DIR/postfix" start </dev/null >"$DIR/postfix/start.log" 2>&1 || die "postfix did not start: see $DIR/postfix/start.log and postfix.log"
  wait_port 127.0.0.1 "$SUBMISSION_PORT" 10 || die "postfix is not listening on $SUBMISSION_PORT: see $DIR/postfix/postfix.log"
  wait_port 127.0.0.1 "$SMTPS_PORT" 10 || die "postfix is not listening on $SMTPS_PORT: see $DIR/postfix/postfix.log"
  nohup node "$HERE/autoconfig/server.mjs" "$DIR/autoconfig/server.json" </dev/null >"$DIR/autoconfig/server.log" 2>&1 &
  echo $! >"$DIR/autoconfig/pid"
  { wait_port "$AC_ADDR" 443 10 && kill -0 "$(cat "$DIR/autoconfig/pid")" 2>/dev/null; } ||
    die "the autoconfig hosts did not start on $AC_ADDR:443: see $DIR/autoconfig/server.log"
  start_dns
  write_settings
  log "Dovecot IMAPS 127.0.0.1:$IMAPS_PORT · Postfix submission 127.0.0.1:$SUBMISSION_PORT (implicit TLS $SMTPS_PORT) · OpenID provider https://127.0.0.1:$IDP_PORT · autoconfig hosts https://$AC_ADDR:443"
  echo "$DIR/settings.toml"
}

stop() {
  if [ -f "$DIR/dns/pid" ]; then
    kill "$(cat "$DIR/dns/pid")" 2>/dev/null || true
    rm -f "$DIR/dns/pid"
  fi
  if [ -f "$DIR/autoconfig/pid" ]; then
    kill "$(cat "$DIR/autoconfig/pid")" 2>/dev/null || true
    rm -f "$DIR/autoconfig/pid"
  fi
  if [ -f "$DIR/idp/pid" ]; then
    kill "$(cat "$DIR/idp/pid")" 2>/dev/null || true
    rm -f "$DIR/idp/pid"
  fi
  if [ -f "$DIR/postfix/main.cf" ]; then
    postfix -c "$DIR/postfix" stop >/dev/null 2>&1 || true
  fi
  if [ -f "$DIR/dovecot/dovecot.conf" ]; then
    local pid
    pid=$(cat "$DIR/dovecot/run/master.pid" 2>/dev/null || true)
    doveadm -c "$DIR/dovecot/dovecot.conf" stop >/dev/null 2>&1 || dovecot -c "$DIR/dovecot/dovecot.conf" stop >/dev/null 2>&1 || true
    # `dovecot stop` returns before the master exits: wait for it.
    if [ -n "$pid" ]; then
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
  fi
  log "stopped"
}

status() {
  [ -f "$DIR/peers.json" ] || { echo "not started"; return 1; }
  local ok=0
  local hp
  for hp in $(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
out = ["127.0.0.1:%s" % p for p in (d["imap_port"], d["smtp_port"], d["idp"].rsplit(":", 1)[1])]
if "autoconfig_addr" in d:
    out.append(d["autoconfig_addr"] + ":443")
print(" ".join(out))' "$DIR/peers.json"); do
    if wait_port "${hp%:*}" "${hp##*:}" 1; then echo "$hp up"; else echo "$hp DOWN"; ok=1; fi
  done
  return $ok
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
