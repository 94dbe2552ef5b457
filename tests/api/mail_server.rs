//! A real SMTP server for the tests: Debian's `python3-aiosmtpd`, writing each
//! message it accepts into a Maildir the tests read. Without it the mail tests
//! are skipped with a message, unless `BENZOWISE_MAIL_TESTS=required` (as in
//! `.ci/run`).

use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine;
use benzowise::mail::{MailTransport, SmtpUrl};

use crate::helpers::{free_port, spawn_app_with, TestApp};

const PYTHON: &str = "/usr/bin/python3";

/// One message as the server received it.
#[derive(Debug, Clone)]
pub struct ReceivedMail {
    pub to: String,
    pub subject: String,
    pub body: String,
    pub message_id: String,
}

pub struct MailServer {
    port: u16,
    maildir: tempfile::TempDir,
    process: Option<Child>,
}

impl MailServer {
    /// A running server on a free port, or `None` (skipped) without aiosmtpd.
    pub fn start() -> Option<MailServer> {
        let installed = Command::new(PYTHON)
            .args(["-c", "import aiosmtpd"])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|status| status.success());
        if !installed {
            assert!(
                std::env::var("BENZOWISE_MAIL_TESTS").as_deref() != Ok("required"),
                "BENZOWISE_MAIL_TESTS=required but python3-aiosmtpd is not installed"
            );
            eprintln!("skipped: install python3-aiosmtpd to run the mail tests");
            return None;
        }
        let mut server = MailServer { port: free_port(), maildir: tempfile::tempdir().unwrap(), process: None };
        server.resume();
        Some(server)
    }

    /// Where the app sends mail: this server.
    pub fn transport(&self) -> MailTransport {
        MailTransport::Smtp(SmtpUrl::new(self.url()))
    }

    /// The `SMTP_URL` of this server.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Stops accepting mail (an outage), keeping what arrived.
    pub fn stop(&mut self) {
        if let Some(mut process) = self.process.take() {
            let _ = process.kill();
            let _ = process.wait();
        }
    }

    /// Starts again on the same port and Maildir.
    pub fn resume(&mut self) {
        let mailbox = self.mailbox();
        let process = Command::new(PYTHON)
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{}", self.port)])
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(&mailbox)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("aiosmtpd starts");
        self.process = Some(process);
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(started.elapsed() < Duration::from_secs(10), "aiosmtpd listens within 10 s");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn mailbox(&self) -> PathBuf {
        self.maildir.path().join("mailbox")
    }

    /// Every message received so far, oldest first.
    pub fn received(&self) -> Vec<ReceivedMail> {
        let Ok(entries) = std::fs::read_dir(self.mailbox().join("new")) else { return Vec::new() };
        let mut files: Vec<_> = entries.filter_map(Result::ok).map(|entry| entry.path()).collect();
        // Maildir names start with the delivery time in seconds, then a counter.
        files.sort_by_key(|path| std::fs::metadata(path).and_then(|meta| meta.modified()).ok());
        files.iter().map(|path| parse(&std::fs::read_to_string(path).unwrap())).collect()
    }

    /// Waits until at least `count` messages arrived, and returns them all.
    pub async fn wait_for(&self, count: usize) -> Vec<ReceivedMail> {
        let started = Instant::now();
        loop {
            let received = self.received();
            if received.len() >= count {
                return received;
            }
            // Twenty seconds, and a tenth of a second more for each message expected.
            let patience = Duration::from_secs(20) + Duration::from_millis(100) * u32::try_from(count).unwrap();
            assert!(started.elapsed() < patience, "{count} messages within {patience:?}; got {}", received.len());
            actix_rt::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Drop for MailServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// An app whose mail goes to `server`.
pub async fn spawn_app_with_mail(server: &MailServer) -> TestApp {
    let transport = server.transport();
    spawn_app_with(move |settings| settings.mail.transport = transport).await
}

fn parse(source: &str) -> ReceivedMail {
    let (head, body) = source.split_once("\n\n").unwrap_or((source, ""));
    let header = |name: &str| {
        let mut value = String::new();
        let mut in_header = false;
        for line in head.lines() {
            if line.starts_with([' ', '\t']) && in_header {
                value.push_str(line.trim_start());
            } else {
                in_header = line.len() > name.len()
                    && line[..name.len()].eq_ignore_ascii_case(name)
                    && line[name.len()..].starts_with(':');
                if in_header {
                    value = line[name.len() + 1..].trim().to_string();
                }
            }
        }
        decode_words(&value)
    };
    let body = body.replace("\r\n", "\n");
    let body = match header("Content-Transfer-Encoding").to_ascii_lowercase().as_str() {
        "quoted-printable" => quoted_printable(&body),
        "base64" => {
            let joined: String = body.split_whitespace().collect();
            String::from_utf8(base64::engine::general_purpose::STANDARD.decode(joined).unwrap()).unwrap()
        }
        _ => body,
    };
    ReceivedMail { to: header("To"), subject: header("Subject"), body, message_id: header("Message-ID") }
}

/// RFC 2045 quoted-printable: `=XX` bytes and `=` at a line's end joining it to the next.
fn quoted_printable(text: &str) -> String {
    let joined = text.replace("=\n", "");
    let mut bytes = Vec::with_capacity(joined.len());
    let mut rest = joined.as_bytes();
    while let Some((&byte, tail)) = rest.split_first() {
        let escaped = (byte == b'=' && tail.len() >= 2)
            .then(|| std::str::from_utf8(&tail[..2]).ok().and_then(|hex| u8::from_str_radix(hex, 16).ok()))
            .flatten();
        match escaped {
            Some(decoded) => {
                bytes.push(decoded);
                rest = &tail[2..];
            }
            None => {
                bytes.push(byte);
                rest = tail;
            }
        }
    }
    String::from_utf8(bytes).unwrap()
}

/// RFC 2047 encoded words, as lettre writes a subject that is not ASCII;
/// the space between two encoded words is not part of the text.
fn decode_words(value: &str) -> String {
    let mut decoded = String::new();
    let mut previous_encoded = false;
    for word in value.split_whitespace() {
        let inner = word.strip_prefix("=?").and_then(|rest| rest.strip_suffix("?="));
        if !decoded.is_empty() && (!previous_encoded || inner.is_none()) {
            decoded.push(' ');
        }
        previous_encoded = inner.is_some();
        let Some(inner) = inner else {
            decoded.push_str(word);
            continue;
        };
        let mut parts = inner.splitn(3, '?');
        let (_charset, encoding, text) = (parts.next(), parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        let bytes = if encoding.eq_ignore_ascii_case("b") {
            base64::engine::general_purpose::STANDARD.decode(text).unwrap()
        } else {
            text.replace('_', " ").into_bytes()
        };
        decoded.push_str(&String::from_utf8(bytes).unwrap());
    }
    decoded
}
