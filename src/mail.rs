//! Sending one message: through SMTP when `SMTP_URL` is set, otherwise into
//! `.eml` files in `MAIL_DIR`, so a fresh machine needs no mail server. What
//! to send and when is the outbox's business (`app::outbox`).

use std::path::PathBuf;
use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::{FileTransport, Message, SmtpTransport, Transport};

/// Where mail goes.
#[derive(Clone)]
pub enum MailTransport {
    /// `smtp://`, `smtps://` or `smtp://…?tls=required`, as lettre reads it.
    Smtp(SmtpUrl),
    /// A directory of `.eml` files.
    Files(PathBuf),
}

/// An SMTP URL, which may hold a password: it is never printed.
#[derive(Clone)]
pub struct SmtpUrl(String);

impl SmtpUrl {
    pub fn new(url: String) -> Self {
        SmtpUrl(url)
    }

    /// The URL with its password replaced, for logs.
    pub fn redacted(&self) -> String {
        match url::Url::parse(&self.0) {
            Ok(mut url) => {
                if url.password().is_some() {
                    let _ = url.set_password(Some("***"));
                }
                url.to_string()
            }
            Err(_) => "an unreadable SMTP_URL".to_string(),
        }
    }

    /// `text` without the password, if it holds it (an error message might).
    fn scrub(&self, text: &str) -> String {
        match url::Url::parse(&self.0).ok().and_then(|url| url.password().map(str::to_string)) {
            Some(password) if !password.is_empty() => text.replace(&password, "***"),
            _ => text.to_string(),
        }
    }
}

impl std::fmt::Debug for MailTransport {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MailTransport::Smtp(url) => write!(formatter, "Smtp({})", url.redacted()),
            MailTransport::Files(dir) => write!(formatter, "Files({})", dir.display()),
        }
    }
}

/// One message ready to go.
#[derive(Debug, Clone)]
pub struct Email {
    /// Stable across retries, so a receiver can tell a repeat.
    pub message_id: String,
    pub to: String,
    pub subject: String,
    pub body: String,
}

enum Sender {
    Smtp(Box<SmtpTransport>, SmtpUrl),
    Files(FileTransport),
}

pub struct Mailer {
    sender: Sender,
    from: Mailbox,
}

impl Mailer {
    pub fn new(transport: &MailTransport, from: &str) -> anyhow::Result<Mailer> {
        let from: Mailbox =
            from.parse().map_err(|error| anyhow::anyhow!("MAIL_FROM is not a mail address ({from:?}): {error}"))?;
        let sender = match transport {
            MailTransport::Smtp(url) => {
                let transport = SmtpTransport::from_url(&url.0)
                    .map_err(|error| anyhow::anyhow!("SMTP_URL cannot be used: {}", url.scrub(&error.to_string())))?
                    .timeout(Some(Duration::from_secs(15)))
                    .build();
                Sender::Smtp(Box::new(transport), url.clone())
            }
            MailTransport::Files(dir) => {
                std::fs::create_dir_all(dir)
                    .map_err(|error| anyhow::anyhow!("MAIL_DIR {} cannot be made: {error}", dir.display()))?;
                Sender::Files(FileTransport::new(dir))
            }
        };
        Ok(Mailer { sender, from })
    }

    /// Sends one message; blocks. The error is safe to log and store.
    pub fn send(&self, email: &Email) -> Result<(), String> {
        let to: Mailbox =
            email.to.parse().map_err(|error| format!("the address {:?} is not valid: {error}", email.to))?;
        let message = Message::builder()
            .message_id(Some(email.message_id.clone()))
            .from(self.from.clone())
            .to(to)
            .subject(email.subject.clone())
            .header(ContentType::TEXT_PLAIN)
            .body(email.body.clone())
            .map_err(|error| format!("the message cannot be built: {error}"))?;
        match &self.sender {
            Sender::Smtp(transport, url) => {
                transport.send(&message).map(drop).map_err(|error| url.scrub(&error.to_string()))
            }
            Sender::Files(transport) => transport.send(&message).map(drop).map_err(|error| error.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_password_never_shows() {
        let url = SmtpUrl::new("smtps://mailer:s3cret-pass@mail.example.org:465".into());
        assert_eq!(url.redacted(), "smtps://mailer:***@mail.example.org:465");
        assert_eq!(url.scrub("auth failed for s3cret-pass"), "auth failed for ***");
        assert!(!format!("{:?}", MailTransport::Smtp(url)).contains("s3cret"));
    }
}
