//! Alert e-mails over SMTP, always encrypted: `smtps://` (TLS from the first byte, port 465 by
//! default) or `smtp://` (STARTTLS, port 587 by default; a server that does not offer it is
//! refused, never spoken to in the clear). AUTH PLAIN (inside TLS) when a user is given. One
//! conversation per message: EHLO, [STARTTLS, EHLO], [AUTH], MAIL, RCPT, DATA, QUIT. Replies are
//! read within bounds (line length, lines per reply); the caller bounds the time.

use std::sync::Arc;

use base64::Engine as _;
use percent_encoding::percent_decode_str;
use tokio::{
    io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader},
    net::TcpStream,
};
use tokio_rustls::rustls::ClientConfig;

use crate::use_case::alert::Outcome;

/// The longest reply line read.
const MAX_LINE: usize = 4096;
/// Most lines of one reply (an EHLO answer lists one extension a line).
const MAX_LINES: usize = 100;

/// Where and how to send, from `--smtp-url`, `--smtp-password` and `--smtp-from`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Smtp {
    pub implicit_tls: bool,
    pub host: String,
    pub port: u16,
    pub user: Option<String>,
    pub password: Option<String>,
    pub from: String,
}

impl Smtp {
    /// Reads the URL: `smtps://[user[:password]@]host[:port]` or `smtp://…` (STARTTLS).
    pub fn parse(url: &str, password: Option<&str>, from: &str) -> Result<Self, String> {
        let (scheme, rest) = url
            .split_once("://")
            .ok_or("the SMTP URL must start with smtps:// or smtp://")?;
        let implicit_tls = match scheme.to_ascii_lowercase().as_str() {
            "smtps" => true,
            "smtp" => false,
            _ => return Err("the SMTP URL must start with smtps:// or smtp://".into()),
        };
        let rest = rest.trim_end_matches('/');
        let (userinfo, hostport) = match rest.rsplit_once('@') {
            Some((u, h)) => (Some(u), h),
            None => (None, rest),
        };
        let decode = |s: &str| percent_decode_str(s).decode_utf8_lossy().into_owned();
        let (user, url_password) = match userinfo {
            Some(u) => match u.split_once(':') {
                Some((u, p)) => (Some(decode(u)), Some(decode(p))),
                None => (Some(decode(u)), None),
            },
            None => (None, None),
        };
        let default_port = if implicit_tls { 465 } else { 587 };
        let (host, port) = match hostport.rsplit_once(':') {
            Some((h, p)) if !p.contains(']') => (
                h.to_owned(),
                p.parse().map_err(|_| format!("bad SMTP port {p:?}"))?,
            ),
            _ => (hostport.to_owned(), default_port),
        };
        if host.is_empty() {
            return Err("the SMTP URL names no host".into());
        }
        if from.is_empty()
            || from
                .chars()
                .any(|c| c.is_control() || c.is_whitespace() || c == '<' || c == '>')
            || !from.contains('@')
        {
            return Err(format!("--smtp-from {from:?} is not an e-mail address"));
        }
        Ok(Self {
            implicit_tls,
            host,
            port,
            user,
            password: password.map(str::to_owned).or(url_password),
            from: from.to_owned(),
        })
    }
}

/// What went wrong, and whether trying again later may help.
struct Failed {
    permanent: bool,
    message: String,
}

fn temporary(message: impl Into<String>) -> Failed {
    Failed {
        permanent: false,
        message: message.into(),
    }
}

/// One SMTP conversation over a stream.
struct Conversation<S> {
    stream: BufReader<S>,
}

impl<S: AsyncRead + AsyncWrite + Unpin> Conversation<S> {
    fn new(stream: S) -> Self {
        Self {
            stream: BufReader::new(stream),
        }
    }

    /// Reads one reply: its code and its lines' texts.
    async fn reply(&mut self) -> Result<(u16, Vec<String>), Failed> {
        let mut lines = Vec::new();
        loop {
            let mut line = Vec::new();
            let n = (&mut self.stream)
                .take(MAX_LINE as u64)
                .read_until(b'\n', &mut line)
                .await
                .map_err(|e| temporary(format!("SMTP connection failed: {e}")))?;
            if n == 0 {
                return Err(temporary("the SMTP server closed the connection"));
            }
            if !line.ends_with(b"\n") {
                return Err(temporary("the SMTP server's reply line is too long"));
            }
            let text = String::from_utf8_lossy(&line).trim_end().to_owned();
            let code: u16 = text
                .get(..3)
                .and_then(|c| c.parse().ok())
                .ok_or_else(|| temporary(format!("unreadable SMTP reply {text:?}")))?;
            let last = text.as_bytes().get(3) != Some(&b'-');
            lines.push(text.get(4..).unwrap_or_default().to_owned());
            if last {
                return Ok((code, lines));
            }
            if lines.len() >= MAX_LINES {
                return Err(temporary("the SMTP server's reply has too many lines"));
            }
        }
    }

    async fn send(&mut self, line: &str) -> Result<(), Failed> {
        let stream = self.stream.get_mut();
        stream
            .write_all(line.as_bytes())
            .await
            .and(stream.write_all(b"\r\n").await)
            .and(stream.flush().await)
            .map_err(|e| temporary(format!("SMTP connection failed: {e}")))
    }

    /// Sends `line` and expects a reply with code `expect` (a 4xx is temporary, a 5xx
    /// permanent).
    async fn command(
        &mut self,
        line: &str,
        expect: &[u16],
        what: &str,
    ) -> Result<Vec<String>, Failed> {
        self.send(line).await?;
        self.expect(expect, what).await
    }

    async fn expect(&mut self, expect: &[u16], what: &str) -> Result<Vec<String>, Failed> {
        let (code, lines) = self.reply().await?;
        if expect.contains(&code) {
            return Ok(lines);
        }
        Err(Failed {
            permanent: (500..600).contains(&code),
            message: format!("SMTP {what}: {code} {}", lines.join(" ")),
        })
    }
}

/// The message: headers and a base64 text body, with CRLF line ends.
fn message(from: &str, to: &str, alert_id: &str, subject: &str, body: &str) -> String {
    let b64 = base64::engine::general_purpose::STANDARD;
    let subject: String = subject
        .chars()
        .filter(|c| !c.is_control())
        .take(200)
        .collect();
    let subject = if subject.is_ascii() {
        subject
    } else {
        format!("=?utf-8?B?{}?=", b64.encode(subject.as_bytes()))
    };
    let encoded = b64.encode(body.as_bytes());
    let mut text = format!(
        "From: {from}\r\nTo: {to}\r\nSubject: {subject}\r\nDate: {}\r\n\
         Message-ID: <{alert_id}@chargegate>\r\nX-Chargegate-Alert-Id: {alert_id}\r\n\
         MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\
         Content-Transfer-Encoding: base64\r\n\r\n",
        chrono::Utc::now().to_rfc2822()
    );
    for chunk in encoded.as_bytes().chunks(76) {
        text.push_str(std::str::from_utf8(chunk).unwrap_or_default());
        text.push_str("\r\n");
    }
    text
}

/// Sends one alert e-mail to `to` (the caller bounds its time).
pub async fn send(
    tls: &Arc<ClientConfig>,
    smtp: &Smtp,
    to: &str,
    alert_id: &str,
    subject: &str,
    body: &str,
) -> Outcome {
    match conversation(tls, smtp, to, alert_id, subject, body).await {
        Ok(()) => Outcome::Delivered,
        Err(Failed {
            permanent: true,
            message,
        }) => Outcome::GiveUp(message),
        Err(Failed { message, .. }) => Outcome::Retry(message),
    }
}

async fn conversation(
    tls: &Arc<ClientConfig>,
    smtp: &Smtp,
    to: &str,
    alert_id: &str,
    subject: &str,
    body: &str,
) -> Result<(), Failed> {
    let host = smtp.host.trim_start_matches('[').trim_end_matches(']');
    let tcp = TcpStream::connect((host, smtp.port)).await.map_err(|e| {
        temporary(format!(
            "cannot connect to the SMTP server {}:{}: {e}",
            smtp.host, smtp.port
        ))
    })?;
    let tls_stream = if smtp.implicit_tls {
        super::tls::connect(tls, &smtp.host, tcp)
            .await
            .map_err(temporary)?
    } else {
        let mut plain = Conversation::new(tcp);
        plain.expect(&[220], "greeting").await?;
        let extensions = plain.command("EHLO chargegate", &[250], "EHLO").await?;
        if !extensions
            .iter()
            .any(|e| e.trim().eq_ignore_ascii_case("STARTTLS"))
        {
            return Err(temporary(
                "the SMTP server does not offer STARTTLS; not sending in the clear",
            ));
        }
        plain.command("STARTTLS", &[220], "STARTTLS").await?;
        let tcp = plain.stream.into_inner();
        super::tls::connect(tls, &smtp.host, tcp)
            .await
            .map_err(temporary)?
    };
    let mut c = Conversation::new(tls_stream);
    if smtp.implicit_tls {
        c.expect(&[220], "greeting").await?;
    }
    c.command("EHLO chargegate", &[250], "EHLO").await?;
    if let Some(user) = &smtp.user {
        let token = base64::engine::general_purpose::STANDARD.encode(format!(
            "\0{user}\0{}",
            smtp.password.as_deref().unwrap_or_default()
        ));
        c.command(&format!("AUTH PLAIN {token}"), &[235], "AUTH")
            .await?;
    }
    c.command(&format!("MAIL FROM:<{}>", smtp.from), &[250], "MAIL FROM")
        .await?;
    c.command(&format!("RCPT TO:<{to}>"), &[250, 251], "RCPT TO")
        .await?;
    c.command("DATA", &[354], "DATA").await?;
    let text = message(&smtp.from, to, alert_id, subject, body);
    // Dot-stuffing (base64 and these headers never start a line with '.', but still), then the
    // end mark, in one write.
    let mut data = String::with_capacity(text.len() + 8);
    for line in text.strip_suffix("\r\n").unwrap_or(&text).split("\r\n") {
        if line.starts_with('.') {
            data.push('.');
        }
        data.push_str(line);
        data.push_str("\r\n");
    }
    data.push('.');
    c.command(&data, &[250], "message").await?;
    let _ = c.command("QUIT", &[221], "QUIT").await;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_read() {
        let s = Smtp::parse(
            "smtps://ops%40x:p%3Ass@mail.example.com",
            None,
            "cg@example.com",
        )
        .unwrap();
        assert_eq!(
            (
                s.implicit_tls,
                s.host.as_str(),
                s.port,
                s.user.as_deref(),
                s.password.as_deref()
            ),
            (true, "mail.example.com", 465, Some("ops@x"), Some("p:ss"))
        );
        let s = Smtp::parse("smtp://mail:2525", Some("pw"), "cg@example.com").unwrap();
        assert_eq!(
            (s.implicit_tls, s.port, s.user, s.password.as_deref()),
            (false, 2525, None, Some("pw"))
        );
        assert!(Smtp::parse("http://mail", None, "cg@example.com").is_err());
        assert!(Smtp::parse("smtp://mail", None, "cg\r\n@x").is_err());
    }

    #[test]
    fn the_message_has_its_headers_and_a_base64_body() {
        let m = message("a@b.c", "d@e.f", "0123", "Faulted\r\nBcc: x@y.z", "hello");
        assert!(m.contains("Subject: FaultedBcc: x@y.z\r\n"));
        assert!(m.contains("Message-ID: <0123@chargegate>\r\n"));
        assert!(m.ends_with("\r\n\r\naGVsbG8=\r\n"));
    }
}
