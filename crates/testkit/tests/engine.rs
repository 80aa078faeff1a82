//! Engine behaviour that the transcripts do not show: `C?:` lines, `!sleep`, shutting down.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use common::localhost;
use mailsetup_testkit::{Script, ScriptedServer, TestCa};

fn connect(server: &ScriptedServer) -> (BufReader<TcpStream>, TcpStream) {
    let tcp = TcpStream::connect(server.addr()).unwrap();
    tcp.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    (BufReader::new(tcp.try_clone().unwrap()), tcp)
}

fn line(r: &mut BufReader<TcpStream>) -> String {
    let mut s = String::new();
    r.read_line(&mut s).unwrap();
    s.trim_end().to_string()
}

#[test]
fn optional_lines_sleep_and_alternatives() {
    let ca = TestCa::new();
    let script = Script::new(
        "S: 220 hi\n\
         C?: HELP\n\
         S: 214 help\n\
         C: EHLO|HELO x\n\
         !sleep 300\n\
         S: 250 ok\n",
    );
    let server = ScriptedServer::smtp(script, localhost(&ca));

    // Skips the optional HELP (and its reply).
    let (mut r, mut w) = connect(&server);
    assert_eq!(line(&mut r), "220 hi");
    let start = Instant::now();
    w.write_all(b"HELO me\r\n").unwrap();
    assert_eq!(line(&mut r), "250 ok");
    assert!(start.elapsed() >= Duration::from_millis(300));
    // End of script: the server closes.
    assert_eq!(r.read(&mut [0u8; 1]).unwrap(), 0);

    // Sends it.
    let (mut r, mut w) = connect(&server);
    line(&mut r);
    w.write_all(b"help\r\n").unwrap();
    assert_eq!(line(&mut r), "214 help");
    w.write_all(b"EHLO me\r\n").unwrap();
    assert_eq!(line(&mut r), "250 ok");

    assert!(server.wait_closed(Duration::from_secs(5)));
    assert!(server.mismatches().is_empty(), "{:#?}", server.transcript());
    assert_eq!(server.connections(), 2);
}

#[test]
fn dropping_the_server_closes_connections_and_the_port() {
    let ca = TestCa::new();
    let server = ScriptedServer::smtp(
        Script::new("S: 220 hi\nC: EHLO x\nS: 250 ok\n"),
        localhost(&ca),
    );
    let addr = server.addr();
    let (mut r, _w) = connect(&server);
    assert_eq!(line(&mut r), "220 hi");
    assert!(
        !server.wait_closed(Duration::from_millis(100)),
        "client still connected"
    );
    let start = Instant::now();
    drop(server);
    assert!(start.elapsed() < Duration::from_secs(2));
    assert_eq!(r.read(&mut [0u8; 1]).unwrap_or(0), 0);
    assert!(TcpStream::connect(addr).is_err());
}

#[tokio::test]
async fn usable_from_a_tokio_test() {
    let ca = TestCa::new();
    let server = ScriptedServer::smtp(Script::new("S: 220 hi\n"), localhost(&ca));
    let tcp = tokio::net::TcpStream::connect(server.addr()).await.unwrap();
    let mut r = tokio::io::BufReader::new(tcp);
    let mut s = String::new();
    tokio::io::AsyncBufReadExt::read_line(&mut r, &mut s)
        .await
        .unwrap();
    assert_eq!(s, "220 hi\r\n");
    drop(server); // from inside a runtime: must not panic or hang
}
