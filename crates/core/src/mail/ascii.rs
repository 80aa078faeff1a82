//! The IMAP server's bytes as the IMAP parser sees them: every byte above 0x7F becomes `?`.
//!
//! `imap-proto` 0.17 (under `async-imap`) panics on a response code followed by a non-ASCII
//! byte, e.g. a greeting `* OK [CAPABILITY IMAP4rev1]\xb4Dovecot ready.`: it cuts the first
//! character off the text as if it were one byte (found by fuzzing; the input is in
//! `fuzz/regressions/replies/`, test `a_non_ascii_byte_after_a_response_code_is_not_a_crash`
//! below). Any server could send that. The app reads only ASCII from IMAP — capabilities, status
//! texts, the `Message-ID` of its test message — so replacing the other bytes loses nothing it
//! uses, and one byte for one byte keeps every literal's `{length}` right.

use std::fmt;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

/// Replaces every byte above 0x7F in `bytes` with `?`.
pub fn ascii_only(bytes: &mut [u8]) {
    for b in bytes.iter_mut().filter(|b| !b.is_ascii()) {
        *b = b'?';
    }
}

/// A stream whose reads pass through [`ascii_only`]; writes pass unchanged.
pub struct AsciiOnly<S>(pub S);

impl<S> fmt::Debug for AsciiOnly<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AsciiOnly")
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for AsciiOnly<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.0).poll_read(cx, buf);
        if polled.is_ready() {
            ascii_only(&mut buf.filled_mut()[before..]);
        }
        polled
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for AsciiOnly<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.0).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};

    use super::*;

    const GREETING: &[u8] = b"* OK [CAPABILITY IMAP4rev1 AUTH=XOAUTH2]\xb4Dovecot ready.\r\n";

    #[tokio::test]
    async fn reads_come_out_ascii_of_the_same_length_and_writes_pass_unchanged() {
        let (mut server, client) = tokio::io::duplex(256);
        let mut client = AsciiOnly(client);
        server.write_all(GREETING).await.unwrap();
        let mut got = vec![0; GREETING.len()];
        client.read_exact(&mut got).await.unwrap();
        assert_eq!(
            got,
            b"* OK [CAPABILITY IMAP4rev1 AUTH=XOAUTH2]?Dovecot ready.\r\n"
        );
        client.write_all("a1 NOOP é\r\n".as_bytes()).await.unwrap();
        let mut sent = vec![0; "a1 NOOP é\r\n".len()];
        server.read_exact(&mut sent).await.unwrap();
        assert_eq!(sent, "a1 NOOP é\r\n".as_bytes());
    }

    #[test]
    fn a_non_ascii_byte_after_a_response_code_is_not_a_crash() {
        // What the IMAP client parses: the greeting as the stream hands it over.
        let mut bytes = GREETING.to_vec();
        ascii_only(&mut bytes);
        let (_, response) = imap_proto::Response::parse(&bytes).unwrap();
        let imap_proto::Response::Data { outcome, .. } = response else {
            panic!("a greeting: {response:?}");
        };
        assert_eq!(outcome.information.as_deref(), Some("Dovecot ready."));
        // The same bytes unfiltered still crash imap-proto 0.17: drop this stream once an
        // imap-proto release no longer does (this line then fails).
        let raw = std::panic::catch_unwind(|| imap_proto::Response::parse(GREETING).is_ok());
        assert!(raw.is_err(), "imap-proto no longer panics here");
    }
}
