//! The relay's rules against a scripted gateway, over real TCP on loopback: who may send, the
//! limits, and the replies. The real clients (swaks, Python `smtplib`) through to Dovecot are
//! in crates/cli/tests/relay.rs.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::Engine as _;
use secrecy::{ExposeSecret, SecretString};
use tokio::io::{AsyncBufReadExt as _, AsyncWriteExt as _, BufReader};
use tokio::net::TcpStream;
use tokio_util::sync::CancellationToken;

use super::*;

const PASSWORD: &str = "abcde-fghij-kmnpq-rstuv";

/// A message the gateway submitted: MAIL FROM, the recipients, the text.
type Submitted = (String, Vec<String>, Vec<u8>);

/// Knows one program of ann@example.edu; records what it submits; fails as told.
#[derive(Default)]
struct Scripted {
    sent: Mutex<Vec<Submitted>>,
    submit_fails: Mutex<Option<Finding>>,
    auth_fails: Mutex<Option<Finding>>,
}

#[async_trait::async_trait]
impl Gateway for Scripted {
    async fn authenticate(&self, user: &str, password: &SecretString) -> Result<Sender, Finding> {
        if user != "ann@example.edu" || password.expose_secret() != PASSWORD {
            return Err(Finding::new(FindingCode::RelayPasswordRefused));
        }
        if let Some(f) = self.auth_fails.lock().unwrap().clone() {
            return Err(f);
        }
        Ok(Sender {
            mailbox: Address::parse(user).unwrap(),
            program: "scanner".into(),
            send_as: vec!["office@example.edu".into()],
            grant: "g1".into(),
        })
    }

    async fn submit(&self, _: &Sender, from: &str, to: &[String], m: &[u8]) -> Result<(), Finding> {
        if let Some(f) = self.submit_fails.lock().unwrap().clone() {
            return Err(f);
        }
        self.sent
            .lock()
            .unwrap()
            .push((from.into(), to.to_vec(), m.to_vec()));
        Ok(())
    }
}

async fn start(gateway: Arc<Scripted>, limits: Limits) -> (SocketAddr, CancellationToken) {
    let relay = Relay::bind("127.0.0.1:0", gateway, limits).await.unwrap();
    let addr = relay.local_addr().unwrap();
    let stop = CancellationToken::new();
    tokio::spawn(relay.serve(stop.clone()));
    (addr, stop)
}

struct Client {
    read: BufReader<tokio::net::tcp::OwnedReadHalf>,
    write: tokio::net::tcp::OwnedWriteHalf,
}

impl Client {
    async fn open(addr: SocketAddr) -> (Client, String) {
        let (r, w) = TcpStream::connect(addr).await.unwrap().into_split();
        let mut c = Client {
            read: BufReader::new(r),
            write: w,
        };
        let greeting = c.reply().await;
        (c, greeting)
    }

    /// The next reply (all its lines), or "" when the relay closed the connection.
    async fn reply(&mut self) -> String {
        let mut all = String::new();
        loop {
            let mut line = String::new();
            let n = tokio::time::timeout(Duration::from_secs(10), self.read.read_line(&mut line))
                .await
                .expect("a reply within 10 s")
                .unwrap();
            all.push_str(&line);
            if n == 0 || line.as_bytes().get(3) == Some(&b' ') {
                return all;
            }
        }
    }

    async fn say(&mut self, line: &str) -> String {
        self.write
            .write_all(format!("{line}\r\n").as_bytes())
            .await
            .unwrap();
        self.reply().await
    }

    /// MAIL FROM the mailbox, one recipient, DATA: ready for the message's lines.
    async fn start_message(&mut self) {
        assert!(
            self.say("MAIL FROM:<ann@example.edu>")
                .await
                .starts_with("250")
        );
        assert!(
            self.say("RCPT TO:<bob@example.org>")
                .await
                .starts_with("250")
        );
        assert!(self.say("DATA").await.starts_with("354"));
    }

    async fn signed_in(addr: SocketAddr) -> Client {
        let (mut c, _) = Client::open(addr).await;
        assert!(c.say("EHLO test").await.contains("AUTH PLAIN LOGIN"));
        let blob = base64::engine::general_purpose::STANDARD
            .encode(format!("\0ann@example.edu\0{PASSWORD}"));
        assert!(
            c.say(&format!("AUTH PLAIN {blob}"))
                .await
                .starts_with("235")
        );
        c
    }
}

fn limits() -> Limits {
    Limits {
        max_message_bytes: 10_000,
        idle: Duration::from_secs(2),
        connections: 4,
        sign_in_within: Duration::from_secs(30),
    }
}

#[test]
fn only_loopback_addresses_are_listened_on() {
    let ok = [
        "127.0.0.1:1587",
        "[::1]:1587",
        "127.0.0.2:0",
        "[::ffff:127.0.0.1]:25",
        "localhost:1587",
    ];
    for ok in ok {
        assert!(check_listen(ok).is_ok(), "{ok}");
    }
    assert_eq!(
        check_listen("localhost:2525").unwrap(),
        "127.0.0.1:2525".parse().unwrap()
    );
    for bad in [
        "0.0.0.0:1587",
        "[::]:1587",
        "192.168.1.10:1587",
        "[::ffff:0.0.0.0]:25",
    ] {
        let f = check_listen(bad).unwrap_err();
        assert_eq!(f.code, FindingCode::RelayNotLoopback, "{bad}");
    }
    for typo in [
        "1587",
        "127.0.0.1:99999",
        "localhost",
        "example.com:1587",
        "localhost:x",
    ] {
        let f = check_listen(typo).unwrap_err();
        assert_eq!(f.code, FindingCode::RelayListenInvalid, "{typo}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn binding_a_non_loopback_address_is_refused() {
    let Err(f) = Relay::bind("0.0.0.0:0", Arc::new(Scripted::default()), limits()).await else {
        panic!("bound to every interface");
    };
    assert_eq!(f.code, FindingCode::RelayNotLoopback);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_program_sends_as_its_mailbox_and_its_send_as_and_nothing_else() {
    let gw = Arc::new(Scripted::default());
    let (addr, _stop) = start(gw.clone(), limits()).await;
    let mut c = Client::signed_in(addr).await;
    let refused = c.say("MAIL FROM:<boss@example.edu>").await;
    assert!(
        refused.starts_with("550 5.7.1 mailsetup relay: "),
        "{refused}"
    );
    assert!(refused.contains("[RELAY_SENDER_NOT_ALLOWED]"), "{refused}");
    assert!(c.say("MAIL FROM:<>").await.starts_with('5'));
    for from in ["Ann@Example.edu", "office@example.edu"] {
        assert!(
            c.say(&format!("MAIL FROM:<{from}>"))
                .await
                .starts_with("250")
        );
        assert!(c.say("RCPT TO:<bob@example.org>").await.starts_with("250"));
        assert!(c.say("DATA").await.starts_with("354"));
        let done = c.say("Subject: hi\r\n\r\n..leading dot\r\n.").await;
        assert!(done.starts_with("250 2.0.0"), "{done}");
    }
    let sent = gw.sent.lock().unwrap().clone();
    assert_eq!(sent.len(), 2);
    // The allowed address as set up here, not the program's spelling of it.
    assert_eq!(sent[0].0, "ann@example.edu");
    assert_eq!(sent[1].1, ["bob@example.org"]);
    assert_eq!(sent[0].2, b"Subject: hi\r\n\r\n.leading dot\r\n");
}

#[tokio::test(flavor = "multi_thread")]
async fn nothing_is_relayed_without_a_sign_in() {
    let gw = Arc::new(Scripted::default());
    let (addr, _stop) = start(gw.clone(), limits()).await;
    let (mut c, greeting) = Client::open(addr).await;
    assert!(greeting.starts_with("220"), "{greeting}");
    c.say("EHLO test").await;
    let r = c.say("MAIL FROM:<ann@example.edu>").await;
    assert!(r.starts_with("530 5.7.0 mailsetup relay: "), "{r}");
    assert!(r.contains("[RELAY_AUTH_REQUIRED]"), "{r}");
    assert!(c.say("RCPT TO:<bob@example.org>").await.starts_with('5'));
    assert!(gw.sent.lock().unwrap().is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn wrong_passwords_are_refused_and_the_third_closes_the_connection() {
    let (addr, _stop) = start(Arc::new(Scripted::default()), limits()).await;
    let (mut c, _) = Client::open(addr).await;
    c.say("EHLO test").await;
    let plain = |p: &str| {
        base64::engine::general_purpose::STANDARD.encode(format!("\0ann@example.edu\0{p}"))
    };
    let r = c.say(&format!("AUTH PLAIN {}", plain("guess"))).await;
    assert!(r.starts_with("535 5.7.8"), "{r}");
    assert!(r.contains("[RELAY_PASSWORD_REFUSED]"), "{r}");
    // Someone else's authorisation identity is not offered.
    let other = base64::engine::general_purpose::STANDARD
        .encode(format!("boss@example.edu\0ann@example.edu\0{PASSWORD}"));
    assert!(
        c.say(&format!("AUTH PLAIN {other}"))
            .await
            .starts_with("535")
    );
    assert!(
        c.say(&format!("AUTH PLAIN {}", plain("guess2")))
            .await
            .starts_with("535")
    );
    assert_eq!(c.reply().await, "", "closed after three failures");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_sign_in_that_ended_answers_auth_with_535_and_the_reason() {
    let gw = Arc::new(Scripted::default());
    *gw.auth_fails.lock().unwrap() = Some(Finding::new(FindingCode::ReauthPolicy));
    let (addr, _stop) = start(gw, limits()).await;
    let (mut c, _) = Client::open(addr).await;
    c.say("EHLO test").await;
    let login = c.say("AUTH LOGIN").await;
    assert!(login.starts_with("334"), "{login}");
    let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s);
    assert!(c.say(&b64("ann@example.edu")).await.starts_with("334"));
    let r = c.say(&b64(PASSWORD)).await;
    assert!(
        r.starts_with("535 5.7.8") && r.contains("[REAUTH_POLICY]"),
        "{r}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn an_oversize_message_is_refused_and_not_submitted() {
    let gw = Arc::new(Scripted::default());
    let (addr, _stop) = start(gw.clone(), limits()).await;
    let mut c = Client::signed_in(addr).await;
    c.start_message().await;
    let body = "x".repeat(998);
    for _ in 0..20 {
        c.write
            .write_all(format!("{body}\r\n").as_bytes())
            .await
            .unwrap();
    }
    let r = c.say(".").await;
    assert!(
        r.starts_with("552 5.3.4") && r.contains("[RELAY_MESSAGE_TOO_BIG]"),
        "{r}"
    );
    assert!(gw.sent.lock().unwrap().is_empty());
    // The connection goes on: a smaller message passes.
    c.start_message().await;
    assert!(c.say("small\r\n.").await.starts_with("250"));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_servers_refusal_after_data_reaches_the_program() {
    let gw = Arc::new(Scripted::default());
    *gw.submit_fails.lock().unwrap() = Some(crate::findings::classify::smtp_reply(
        "550 5.7.1 Message content rejected",
    ));
    let (addr, _stop) = start(gw, limits()).await;
    let mut c = Client::signed_in(addr).await;
    c.start_message().await;
    let r = c.say("hello\r\n.").await;
    assert!(r.starts_with("550 5.7.1 mailsetup relay: "), "{r}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_silent_client_is_disconnected_and_a_long_line_closes() {
    let (addr, _stop) = start(Arc::new(Scripted::default()), limits()).await;
    let (mut c, _) = Client::open(addr).await;
    let started = std::time::Instant::now();
    let r = c.reply().await;
    assert!(r.starts_with("421 4.4.2"), "{r}");
    // About the idle limit (2 s), not at once: measured from the greeting's arrival, after the
    // relay's wait began, and Windows' timers are coarse (an exact bound failed under Wine).
    assert!(started.elapsed() >= Duration::from_millis(1_500));
    assert_eq!(c.reply().await, "");
    let (mut c, _) = Client::open(addr).await;
    let long = "A".repeat(MAX_LINE + 10);
    let r = c.say(&long).await;
    assert!(r.starts_with("421 5.5.2"), "{r}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_trickling_client_is_disconnected_too() {
    let (addr, _stop) = start(Arc::new(Scripted::default()), limits()).await;
    let (mut c, _) = Client::open(addr).await;
    // One byte a second never finishes a line within the idle limit.
    for b in b"EHLO" {
        c.write.write_all(&[*b]).await.unwrap();
        tokio::time::sleep(Duration::from_millis(700)).await;
    }
    let r = c.reply().await;
    assert!(r.starts_with("421 4.4.2"), "{r}");
}

#[tokio::test(flavor = "multi_thread")]
async fn connections_over_the_limit_are_told_to_come_back() {
    let (addr, _stop) = start(
        Arc::new(Scripted::default()),
        Limits {
            connections: 1,
            ..limits()
        },
    )
    .await;
    let (_first, greeting) = Client::open(addr).await;
    assert!(greeting.starts_with("220"));
    let (_second, busy) = Client::open(addr).await;
    assert!(busy.starts_with("421 4.7.0"), "{busy}");
}

#[tokio::test(flavor = "multi_thread")]
async fn stopping_the_relay_ends_its_connections() {
    let (addr, stop) = start(Arc::new(Scripted::default()), limits()).await;
    let (mut c, _) = Client::open(addr).await;
    stop.cancel();
    assert_eq!(c.reply().await, "");
    assert!(TcpStream::connect(addr).await.is_err());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_spawned_relay_stops_when_its_handle_is_dropped() {
    let relay = Relay::bind("127.0.0.1:0", Arc::new(Scripted::default()), limits())
        .await
        .unwrap();
    let running = relay.spawn().unwrap();
    let at = running.at;
    let (_c, greeting) = Client::open(at).await;
    assert!(greeting.starts_with("220"));
    drop(running);
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert!(TcpStream::connect(at).await.is_err());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_dot_after_a_bare_line_feed_does_not_end_the_message() {
    let gw = Arc::new(Scripted::default());
    let (addr, _stop) = start(gw.clone(), limits()).await;
    let mut c = Client::signed_in(addr).await;
    c.start_message().await;
    // Each of \n.\n, \n.\r\n and \r\n.\n is text; commands after them are text too.
    let smuggled = "one\n.\nMAIL FROM:<office@example.edu>\r\nRCPT TO:<victim@evil.example>\r\nDATA\r\ntwo\r\n.\nthree\n.\r\nfour\ra\r.\rb\r\n.";
    let r = c.say(smuggled).await;
    assert!(r.starts_with("250 2.0.0"), "{r}");
    let sent = gw.sent.lock().unwrap().clone();
    assert_eq!(sent.len(), 1, "one message, nothing smuggled");
    assert_eq!(sent[0].1, ["bob@example.org"]);
    let text = String::from_utf8(sent[0].2.clone()).unwrap();
    assert!(text.contains("RCPT TO:<victim@evil.example>"), "{text}");
    assert!(
        !text.replace("\r\n", "").contains('\n') && !text.replace("\r\n", "").contains('\r'),
        "only CRLF line ends reach the server: {text:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn rset_and_ehlo_after_auth_keep_the_program_signed_in_and_starttls_is_refused() {
    let gw = Arc::new(Scripted::default());
    let (addr, _stop) = start(gw.clone(), limits()).await;
    let mut c = Client::signed_in(addr).await;
    let r = c.say("STARTTLS").await;
    assert!(r.starts_with("502 5.5.1"), "{r}");
    // smtplib sends RSET after a refusal; PHPMailer between messages.
    assert!(
        c.say("MAIL FROM:<boss@example.edu>")
            .await
            .starts_with("550")
    );
    assert!(c.say("RSET").await.starts_with("250"));
    assert!(c.say("EHLO again").await.starts_with("250"));
    assert!(
        c.say("MAIL FROM:<ann@example.edu>")
            .await
            .starts_with("250")
    );
    assert!(c.say("RCPT TO:<bob@example.org>").await.starts_with("250"));
    assert!(c.say("DATA").await.starts_with("354"));
    assert!(c.say("hi\r\n.").await.starts_with("250"));
    assert_eq!(gw.sent.lock().unwrap().len(), 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn recipients_are_limited_at_rcpt() {
    let (addr, _stop) = start(Arc::new(Scripted::default()), limits()).await;
    let mut c = Client::signed_in(addr).await;
    c.say("MAIL FROM:<ann@example.edu>").await;
    for i in 0..MAX_RECIPIENTS {
        assert!(
            c.say(&format!("RCPT TO:<r{i}@example.org>"))
                .await
                .starts_with("250")
        );
    }
    // A signed-in program's refusals are normal SMTP: the connection goes on (RFC 5321 lets
    // it send the refused recipients in a second message).
    for i in 0..30 {
        let r = c.say(&format!("RCPT TO:<more{i}@example.org>")).await;
        assert!(r.starts_with("452 4.5.3"), "{r}");
    }
    assert!(c.say("DATA").await.starts_with("354"));
    assert!(c.say("hi\r\n.").await.starts_with("250"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_flood_of_commands_without_auth_ends_at_the_sign_in_deadline() {
    let quick = Limits {
        sign_in_within: Duration::from_secs(1),
        ..limits()
    };
    let (addr, _stop) = start(Arc::new(Scripted::default()), quick).await;
    let (mut c, _) = Client::open(addr).await;
    let started = std::time::Instant::now();
    let mut last = String::new();
    while started.elapsed() < Duration::from_secs(5) {
        last = c.say("NOOP").await;
        if !last.starts_with("250") {
            break;
        }
    }
    assert!(last.starts_with("421 4.7.0"), "{last}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_program_that_never_signs_in_or_only_errs_is_disconnected() {
    let quick = Limits {
        sign_in_within: Duration::from_secs(3),
        ..limits()
    };
    let (addr, _stop) = start(Arc::new(Scripted::default()), quick).await;
    let (mut c, _) = Client::open(addr).await;
    let started = std::time::Instant::now();
    // NOOP within the idle limit does not keep a connection without AUTH open.
    let mut last = String::new();
    for _ in 0..5 {
        last = c.say("NOOP").await;
        if last.starts_with("421") || last.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(1_200)).await;
    }
    if !last.starts_with("421") {
        last = c.reply().await;
    }
    assert!(last.starts_with("421 4.7.0"), "{last}");
    assert!(started.elapsed() < Duration::from_secs(6));
    let (mut c, _) = Client::open(addr).await;
    let mut replies = Vec::new();
    for _ in 0..30 {
        let r = c.say("BOGUS").await;
        if r.is_empty() {
            break;
        }
        replies.push(r);
    }
    assert!(
        replies.len() <= 21,
        "closed after 20 refused commands, not {}",
        replies.len()
    );
}
