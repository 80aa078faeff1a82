//! The IMAP server's bytes as the IMAP parser sees them: ASCII only (every byte above 0x7F
//! becomes `?`), and at most [`MAX_BYTES`] per connection.
//!
//! `imap-proto` 0.17 (under `async-imap`) panics on a response code followed by a non-ASCII
//! byte, e.g. a greeting `* OK [CAPABILITY IMAP4rev1]\xb4Dovecot ready.`: it cuts the first
//! character off the text as if it were one byte (found by fuzzing; the input is in
//! `fuzz/regressions/replies/`, test `a_non_ascii_byte_after_a_response_code_is_not_a_crash`
//! below). Any server could send that. The app reads only ASCII from IMAP — capabilities, status
//! texts, the UID of its test message — so replacing the other bytes loses nothing it uses, and
//! one byte for one byte keeps every literal's `{length}` right.
//!
//! `async-imap` also keeps a response of any length in memory until it ends; the app's whole
//! conversation (greeting, capabilities, sign-in, `SELECT`, a few searches) is a few kilobytes,
//! so a server that sends more than [`MAX_BYTES`] gets a read error instead.

use std::fmt;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

/// The most the app reads from one IMAP connection: 16 MiB.
pub const MAX_BYTES: usize = 16 * 1024 * 1024;

/// Replaces every byte above 0x7F in `bytes` with `?`.
pub fn ascii_only(bytes: &mut [u8]) {
    for b in bytes.iter_mut().filter(|b| !b.is_ascii()) {
        *b = b'?';
    }
}

/// A stream whose reads pass through [`ascii_only`] and stop with an error past `left` bytes;
/// writes pass unchanged.
pub struct ServerBytes<S> {
    inner: S,
    left: usize,
}

impl<S> ServerBytes<S> {
    /// `inner`, read at most [`MAX_BYTES`].
    pub fn new(inner: S) -> Self {
        Self::with_limit(inner, MAX_BYTES)
    }

    fn with_limit(inner: S, left: usize) -> Self {
        ServerBytes { inner, left }
    }
}

impl<S> fmt::Debug for ServerBytes<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ServerBytes")
            .field("left", &self.left)
            .finish_non_exhaustive()
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for ServerBytes<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        if self.left == 0 && buf.remaining() > 0 {
            return Poll::Ready(Err(io::Error::other(format!(
                "the server sent more than {MAX_BYTES} bytes on one connection"
            ))));
        }
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.inner).poll_read(cx, buf);
        if polled.is_ready() {
            let read = &mut buf.filled_mut()[before..];
            ascii_only(read);
            let n = read.len();
            self.left = self.left.saturating_sub(n);
        }
        polled
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for ServerBytes<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
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
        let mut client = ServerBytes::new(client);
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

    #[tokio::test]
    async fn past_the_limit_a_read_fails_instead_of_growing_a_response() {
        let (mut server, client) = tokio::io::duplex(64);
        let mut client = ServerBytes::with_limit(client, 8);
        server.write_all(b"* OK 123456789\r\n").await.unwrap();
        let mut got = [0; 8];
        client.read_exact(&mut got).await.unwrap();
        let e = client.read(&mut [0; 8]).await.unwrap_err();
        assert!(e.to_string().contains("more than"), "{e}");
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
