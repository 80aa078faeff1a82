//! Loopback listener tests: the pure decision for every kind of request, then real sockets
//! (favicon first, garbage and TLS bytes, idle connections, wrong state, timeout, cancel).

use super::*;
use crate::findings::{Finding, FindingCode, Param};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const HOST: &str = "localhost:5321";
const START: &str = "/mailsetup-start/0neT1me";

fn head(target: &str) -> RequestHead {
    RequestHead {
        method: "GET".into(),
        target: target.into(),
        host: Some(HOST.into()),
    }
}

fn expect(path: &str, st: &CsrfToken) -> Expect {
    Expect {
        host: HOST.into(),
        start_path: START.into(),
        path: path.into(),
        state: CsrfToken::new(st.secret().clone()),
    }
}

fn state() -> CsrfToken {
    CsrfToken::new("s7aTe".into())
}

fn start(delay: u32) -> StartPage {
    StartPage {
        account: "ann@example.edu".into(),
        authorize_url: Url::parse(
            "https://login.example/t/oauth2/v2.0/authorize?client_id=c&state=s7aTe&x=a%26b",
        )
        .unwrap(),
        delay_secs: delay,
    }
}

/// The pure decision with the default start page.
fn decide(h: &RequestHead, path: &str, st: &CsrfToken) -> Decision {
    super::decide(h, &expect(path, st), Some(&start(0)))
}

#[test]
fn field_f11_error_wins_over_code_and_is_decoded() {
    let d = decide(
        &head("/?error=access_denied&error_description=x&code=C0DE&state=s7aTe"),
        "/",
        &state(),
    );
    match d.callback {
        Some(Callback::Error(e)) => assert_eq!(e.error, "access_denied"),
        other => panic!("expected an error callback, got {other:?}"),
    }
    let d = decide(
        &head(
            "/?error=access_denied&error_description=The+user+has+denied+access+to+the+scope+requested+by+the+client+application.&state=s7aTe",
        ),
        "/",
        &state(),
    );
    let Some(Callback::Error(e)) = d.callback else {
        panic!("error expected")
    };
    assert_eq!(
        e.error_description.as_deref(),
        Some("The user has denied access to the scope requested by the client application.")
    );
    assert!(d.page.title.contains("cancelled"));
}

#[test]
fn an_error_without_the_right_state_is_ignored_not_obeyed() {
    // Anyone on this computer (or a web page) could send this: it must not end the sign-in.
    for target in [
        "/?error=access_denied&error_description=Forged",
        "/?error=access_denied&state=",
        "/?error=invalid_request&state=WRONG&error_description=x",
    ] {
        let d = decide(&head(target), "/", &state());
        assert!(d.callback.is_none(), "{target}");
        assert!(d.state_mismatch, "{target}");
        assert_eq!(d.page.status, 400, "{target}");
        assert!(
            !String::from_utf8(d.page.render())
                .unwrap()
                .contains("Forged")
        );
    }
}

#[test]
fn a_request_for_another_host_is_refused() {
    // DNS rebinding: a web page at evil.example resolved to 127.0.0.1 sends its own name.
    for host in [
        Some("evil.example:5321"),
        Some("localhost:5322"),
        Some("127.0.0.1:5321"),
        None,
    ] {
        for target in ["/?code=C0DE&state=s7aTe", START] {
            let mut h = head(target);
            h.host = host.map(str::to_owned);
            let d = decide(&h, "/", &state());
            assert!(d.callback.is_none() && !d.started, "{host:?} {target}");
            assert_eq!(d.page.status, 400, "{host:?} {target}");
        }
    }
    let mut upper = head("/?code=C0DE&state=s7aTe");
    upper.host = Some("LOCALHOST:5321".into());
    assert!(
        decide(&upper, "/", &state()).callback.is_some(),
        "host names are case-insensitive"
    );
}

#[test]
fn the_start_page_is_served_only_at_its_one_time_address_and_only_once() {
    let st = state();
    let first = super::decide(&head(START), &expect("/", &st), Some(&start(0)));
    assert!(first.started && first.page.status == 302);
    // After it was served (the listener passes no start page any more), or at a guessed address,
    // nobody else gets the authorization URL with its `state` and `nonce`.
    let again = super::decide(&head(START), &expect("/", &st), None);
    assert_eq!(
        (again.started, again.reopened, again.page.status),
        (false, true, 404)
    );
    // A link copied into a second browser says what to do, and holds nothing of the sign-in.
    assert_eq!(again.page.title, "This sign-in link was already used");
    let html = String::from_utf8(again.page.render()).unwrap();
    assert!(
        !html.contains("s7aTe") && !html.contains("login.example"),
        "{html}"
    );
    for guess in [
        "/mailsetup-start",
        "/mailsetup-start/",
        "/mailsetup-start/0neT1mE",
    ] {
        let d = super::decide(&head(guess), &expect("/", &st), Some(&start(0)));
        assert_eq!((d.started, d.page.status), (false, 404), "{guess}");
    }
}

#[test]
fn error_with_a_wrong_state_is_ignored() {
    let d = decide(&head("/?error=access_denied&state=WRONG"), "/", &state());
    assert!(d.callback.is_none() && d.state_mismatch);
}

#[test]
fn code_needs_the_exact_state() {
    let ok = decide(
        &head("/?code=C0DE&state=s7aTe&session_state=x"),
        "/",
        &state(),
    );
    assert!(matches!(ok.callback, Some(Callback::Code(ref c)) if c.secret() == "C0DE"));
    assert_eq!(ok.page.status, 200);
    for target in [
        "/?code=C0DE&state=WRONG",
        "/?code=C0DE",
        "/?code=C0DE&state=",
        "/?code=C0DE&state=s7aTe2",
        "/?code=C0DE&state=s7at",
    ] {
        let d = decide(&head(target), "/", &state());
        assert!(d.callback.is_none(), "{target}");
        assert!(d.state_mismatch, "{target}");
        assert_eq!(d.page.status, 400, "{target}");
    }
}

#[test]
fn only_get_on_the_registered_path_counts() {
    let cases = [
        (
            RequestHead {
                method: "POST".into(),
                ..head("/?code=C&state=s7aTe")
            },
            405,
        ),
        (head("/favicon.ico"), 404),
        (head("/other?code=C&state=s7aTe"), 404),
        (head("/"), 400),
        (head("http://evil.example/?code=C&state=s7aTe"), 400),
        (head("//evil.example/?code=C&state=s7aTe"), 400),
    ];
    for (h, status) in cases {
        let d = decide(&h, "/", &state());
        assert!(d.callback.is_none(), "{h:?}");
        assert_eq!(d.page.status, status, "{h:?}");
    }
    let d = decide(&head("/cb?code=C&state=s7aTe"), "/cb", &state());
    assert!(d.callback.is_some());
}

#[test]
fn pages_escape_what_the_request_carried() {
    let d = decide(
        &head("/?error=x&state=s7aTe&error_description=%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
        "/",
        &state(),
    );
    let html = String::from_utf8(d.page.render()).unwrap();
    assert!(!html.contains("<script>") && html.contains("&lt;script&gt;"));
    assert!(
        html.contains("Cache-Control: no-store") && html.contains("Referrer-Policy: no-referrer")
    );
}

#[test]
fn pages_speak_the_persons_language_and_say_so() {
    use crate::l10n::{Language, with};
    let page = |language| {
        with(language, || {
            String::from_utf8(Page::wrong_account("ann@x.edu", "office@x.edu").render()).unwrap()
        })
    };
    let english = page(Language::English);
    assert!(english.contains("<html lang=\"en\">"), "{english}");
    assert!(english.contains("Signed in as ann@x.edu, not office@x.edu"));
    let spanish = page(Language::Spanish);
    assert!(spanish.contains("<html lang=\"es\">"), "{spanish}");
    assert!(spanish.contains("Sesión iniciada como ann@x.edu, no como office@x.edu"));
    assert!(!spanish.contains("Signed in"), "{spanish}");
}

async fn send(addr: SocketAddr, bytes: impl AsRef<[u8]>) -> String {
    let mut s = TcpStream::connect(addr).await.unwrap();
    s.write_all(bytes.as_ref()).await.unwrap();
    let mut out = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(5), s.read_to_end(&mut out)).await;
    String::from_utf8_lossy(&out).into_owned()
}

/// A browser's request for `target` on the listener at `addr`.
fn get(addr: SocketAddr, target: &str) -> Vec<u8> {
    format!("GET {target} HTTP/1.1\r\nHost: {addr}\r\n\r\n").into_bytes()
}

fn ipv4_form() -> RedirectForm {
    RedirectForm::without_path(LoopbackHost::Ipv4)
}

#[tokio::test]
async fn field_f10_listener_addresses_match_the_redirect_uri() {
    // 127.0.0.1 form: exactly the host:port of redirect_uri.
    let lb = Loopback::bind(&ipv4_form()).await.unwrap();
    let uri = lb.redirect_uri().clone();
    assert_eq!(uri.scheme(), "http");
    assert_eq!(uri.host_str(), Some("127.0.0.1"));
    assert_eq!(uri.path(), "/");
    let expected: SocketAddr = format!("127.0.0.1:{}", uri.port().unwrap())
        .parse()
        .unwrap();
    assert_eq!(lb.local_addrs(), vec![expected]);
    assert_eq!(
        uri.as_str(),
        format!("http://127.0.0.1:{}/", expected.port())
    );

    // localhost form: every loopback address `localhost` resolves to here is listened on,
    // so the browser's connection lands whichever family it tries first.
    let lb = Loopback::bind(&RedirectForm::default()).await.unwrap();
    let uri = lb.redirect_uri().clone();
    assert_eq!(uri.host_str(), Some("localhost"));
    let port = uri.port().unwrap();
    let addrs = lb.local_addrs();
    assert!(
        addrs
            .iter()
            .all(|a| a.port() == port && a.ip().is_loopback())
    );
    for resolved in tokio::net::lookup_host(("localhost", port)).await.unwrap() {
        if resolved.ip().is_loopback() && TcpStream::connect(resolved).await.is_ok() {
            assert!(
                addrs.contains(&resolved),
                "{resolved} not covered by {addrs:?}"
            );
        }
    }
    assert!(addrs.contains(&format!("127.0.0.1:{port}").parse().unwrap()));
}

#[tokio::test]
async fn field_f22_taken_port_falls_back_and_total_failure_is_explained() {
    let busy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let busy_port = busy.local_addr().unwrap().port();
    let ips = [IpAddr::V4(Ipv4Addr::LOCALHOST)];
    // The registered form has no port: a taken port is skipped for a free ephemeral one.
    let lb = Loopback::bind_on(&ipv4_form(), &ips, [busy_port, 0])
        .await
        .unwrap();
    assert_ne!(lb.redirect_uri().port(), Some(busy_port));
    // When every candidate fails, the error becomes LOOPBACK_PORT_UNAVAILABLE.
    let err = Loopback::bind_on(&ipv4_form(), &ips, [busy_port])
        .await
        .unwrap_err();
    assert!(
        matches!(err, LoopbackError::Bind(ref e) if e.kind() == io::ErrorKind::AddrInUse),
        "{err:?}"
    );
    let f =
        Finding::new(FindingCode::LoopbackPortUnavailable).with(Param::Problem, err.to_string());
    assert_eq!(
        f.title,
        "Another program or security software is blocking sign-in"
    );
    assert!(f.explanation.contains("127.0.0.1"));
}

#[tokio::test]
async fn survives_junk_then_accepts_the_real_answer() {
    let lb = Loopback::bind(&ipv4_form()).await.unwrap();
    let addr = lb.local_addrs()[0];
    let st = state();
    let cancel = CancellationToken::new();
    let waiter = tokio::spawn(async move {
        lb.wait(&st, start(0), Duration::from_secs(20), &cancel)
            .await
    });

    // An idle pre-connect that never sends anything must not block others.
    let _idle = TcpStream::connect(addr).await.unwrap();
    assert!(
        send(addr, get(addr, "/favicon.ico"))
            .await
            .starts_with("HTTP/1.1 404")
    );
    assert!(
        send(addr, b"\x00\xff garbage \r\n\r\n")
            .await
            .starts_with("HTTP/1.1 400")
    );
    // A TLS ClientHello (someone tried https://127.0.0.1:port).
    let hello = [
        0x16, 0x03, 0x01, 0x00, 0xa5, 0x01, 0x00, 0x00, 0xa1, 0x03, 0x03, 0x13, 0x37, b'\r', b'\n',
        b'\r', b'\n',
    ];
    assert!(send(addr, &hello).await.starts_with("HTTP/1.1 400"));
    let huge = format!("GET /?{} HTTP/1.1\r\n", "a".repeat(MAX_HEAD_BYTES + 10));
    assert!(
        send(addr, huge.as_bytes())
            .await
            .starts_with("HTTP/1.1 431")
    );
    assert!(
        send(addr, get(addr, "/?code=X&state=WRONG"))
            .await
            .starts_with("HTTP/1.1 400")
    );
    let browser = tokio::spawn(send(addr, get(addr, "/?code=REAL&state=s7aTe")));
    let received = waiter.await.unwrap().expect("a code arrives");
    match &received.callback {
        Callback::Code(c) => assert_eq!(c.secret(), "REAL"),
        other => panic!("{other:?}"),
    }
    // The browser connection is held until the app knows who signed in.
    received
        .reply
        .send(Page::signed_in("ann@example.edu"))
        .await;
    let page = browser.await.unwrap();
    assert!(
        page.starts_with("HTTP/1.1 200") && page.contains("Signed in as ann@example.edu"),
        "{page}"
    );
    // The port is released once the wait is over.
    assert!(TcpListener::bind(addr).await.is_ok());
}

#[tokio::test]
async fn field_f09_no_callback_times_out_reports_mismatch_and_frees_the_port() {
    let lb = Loopback::bind(&ipv4_form()).await.unwrap();
    let addr = lb.local_addrs()[0];
    let err = lb
        .wait(
            &state(),
            start(0),
            Duration::from_millis(300),
            &CancellationToken::new(),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            LoopbackError::TimedOut {
                state_mismatch: false,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(TcpListener::bind(addr).await.is_ok(), "port must be freed");
    let f = Finding::new(FindingCode::SigninNoCallback).with(Param::Duration, "2 minutes");
    assert_eq!(f.title, "The sign-in did not come back to the app");
    assert!(f.steps[0].contains("AADSTS"));

    let lb = Loopback::bind(&ipv4_form()).await.unwrap();
    let addr = lb.local_addrs()[0];
    let waiter = tokio::spawn(async move {
        lb.wait(
            &state(),
            start(0),
            Duration::from_millis(800),
            &CancellationToken::new(),
        )
        .await
    });
    send(addr, get(addr, "/?code=X&state=forged")).await;
    let err = waiter.await.unwrap().unwrap_err();
    assert!(
        matches!(
            err,
            LoopbackError::TimedOut {
                state_mismatch: true,
                ..
            }
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_second_request_for_the_start_page_ends_the_sign_in() {
    // Another program that read the browser's command line fetched the start page first: the
    // browser's own request then ends the wait at once, instead of leaving the person at a page
    // that never comes, and whoever holds the first copy cannot finish the sign-in.
    let lb = Loopback::bind(&ipv4_form()).await.unwrap();
    let addr = lb.local_addrs()[0];
    let path = lb.start_url().path().to_owned();
    let waiter = tokio::spawn(async move {
        lb.wait(
            &state(),
            start(0),
            Duration::from_secs(30),
            &CancellationToken::new(),
        )
        .await
    });
    let first = send(addr, get(addr, &path)).await;
    assert!(first.starts_with("HTTP/1.1 302"), "{first}");
    let second = send(addr, get(addr, &path)).await;
    assert!(second.starts_with("HTTP/1.1 404"), "{second}");
    assert!(second.contains("stopped this sign-in"), "{second}");
    let err = waiter.await.unwrap().unwrap_err();
    assert!(matches!(err, LoopbackError::StartReopened), "{err:?}");
    // A guess at the start address is not a second request: it changes nothing.
    let lb = Loopback::bind(&ipv4_form()).await.unwrap();
    let addr = lb.local_addrs()[0];
    let waiter = tokio::spawn(async move {
        lb.wait(
            &state(),
            start(0),
            Duration::from_millis(400),
            &CancellationToken::new(),
        )
        .await
    });
    send(addr, get(addr, "/mailsetup-start/guess")).await;
    let err = waiter.await.unwrap().unwrap_err();
    assert!(matches!(err, LoopbackError::TimedOut { .. }), "{err:?}");
}

#[tokio::test]
async fn cancel_stops_the_wait() {
    let lb = Loopback::bind(&ipv4_form()).await.unwrap();
    let cancel = CancellationToken::new();
    let c2 = cancel.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(100)).await;
        c2.cancel();
    });
    let err = lb
        .wait(&state(), start(0), Duration::from_secs(30), &cancel)
        .await
        .unwrap_err();
    assert!(matches!(err, LoopbackError::Cancelled));
}

#[tokio::test]
async fn slow_or_partial_requests_do_not_hang_the_listener() {
    let lb = Loopback::bind(&ipv4_form()).await.unwrap();
    let addr = lb.local_addrs()[0];
    let waiter = tokio::spawn(async move {
        lb.wait(
            &state(),
            start(0),
            Duration::from_secs(20),
            &CancellationToken::new(),
        )
        .await
    });
    let mut partial = TcpStream::connect(addr).await.unwrap();
    partial.write_all(b"GET /?code=").await.unwrap(); // never finished
    let browser = tokio::spawn(send(
        addr,
        format!("GET /?code=Z&state=s7aTe HTTP/1.0\r\nHost: {addr}\r\n\r\n"),
    ));
    let received = waiter.await.unwrap().expect("a code arrives");
    assert!(matches!(received.callback, Callback::Code(_)));
    drop(received); // an unanswered reply still tells the browser something
    let page = browser.await.unwrap();
    assert!(
        page.starts_with("HTTP/1.1 200") && page.contains("Sign-in received"),
        "{page}"
    );
}

#[test]
fn start_page_redirects_or_shows_the_account_and_a_link() {
    let now = super::decide(&head(START), &expect("/", &state()), Some(&start(0)));
    assert!(now.callback.is_none());
    let bytes = String::from_utf8(now.page.render()).unwrap();
    assert!(
        bytes.starts_with("HTTP/1.1 302 Found\r\nLocation: https://login.example/t/oauth2/v2.0/authorize?client_id=c&state=s7aTe&x=a%26b\r\n"),
        "{bytes}"
    );
    let later = super::decide(&head(START), &expect("/", &state()), Some(&start(5)));
    let html = String::from_utf8(later.page.render()).unwrap();
    assert!(html.starts_with("HTTP/1.1 200"));
    assert!(
        html.contains("Sign in as ann@example.edu") && html.contains("Use another account"),
        "{html}"
    );
    assert!(
        html.contains("content=\"5;url=https://login.example/t/oauth2/v2.0/authorize?client_id=c&amp;state=s7aTe&amp;x=a%26b\""),
        "{html}"
    );
    // A redirect path registered as the start path's prefix is still the redirect path.
    let d = super::decide(
        &head(START_PATH),
        &expect(START_PATH, &state()),
        Some(&start(0)),
    );
    assert_eq!((d.started, d.page.status), (false, 400));
}
