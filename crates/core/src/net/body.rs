//! HTTPS answers read with a size cap: the body is read chunk by chunk and refused as soon as it
//! passes the cap, so no server can make the app hold more than the cap in memory or hand a
//! parser more than the cap.

/// The largest JSON answer read from a sign-in or discovery service: 256 KiB. Real ones are far
/// smaller (a token answer with its three tokens about 10 KB, Entra's OpenID configuration
/// about 2 KB).
pub const MAX_JSON_BYTES: usize = 256 * 1024;

/// Why an answer's body could not be read.
#[derive(Debug, thiserror::Error)]
pub enum BodyError {
    /// The body is longer than the cap.
    #[error("the answer is larger than {0} bytes")]
    TooLarge(usize),
    /// Reading the body failed.
    #[error(transparent)]
    Read(#[from] reqwest::Error),
}

/// The body of `resp`, at most `cap` bytes.
///
/// # Errors
/// [`BodyError::TooLarge`] as soon as the announced length or the bytes received pass `cap`;
/// [`BodyError::Read`] when the connection fails.
pub async fn read_capped(mut resp: reqwest::Response, cap: usize) -> Result<Vec<u8>, BodyError> {
    if resp.content_length().is_some_and(|n| n > cap as u64) {
        return Err(BodyError::TooLarge(cap));
    }
    let mut body = Vec::new();
    while let Some(chunk) = resp.chunk().await? {
        if body.len() + chunk.len() > cap {
            return Err(BodyError::TooLarge(cap));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(body: Vec<u8>) -> reqwest::Response {
        reqwest::Response::from(oauth2::http::Response::new(body))
    }

    #[tokio::test]
    async fn a_body_up_to_the_cap_is_read_and_one_byte_more_is_refused() {
        let body = read_capped(response(vec![b'x'; 100]), 100).await.unwrap();
        assert_eq!(body.len(), 100);
        let e = read_capped(response(vec![b'x'; 101]), 100)
            .await
            .unwrap_err();
        assert!(matches!(e, BodyError::TooLarge(100)), "{e}");
        assert_eq!(e.to_string(), "the answer is larger than 100 bytes");
    }
}
