//! `benzowise serve` as an operator runs it: the real binary on its own
//! port, configured by environment variables, its log kept in a file.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use benzowise::db::Database;

use crate::helpers::{database_url, free_port};

pub struct Server {
    pub process: Child,
    pub address: String,
    /// Standard error: the log, at `RUST_LOG`'s level (`warn` unless set).
    pub log: PathBuf,
    _dir: tempfile::TempDir,
}

impl Server {
    pub fn start(database: &Database) -> Server {
        Server::start_with(database, &[])
    }

    pub fn start_with(database: &Database, settings: &[(&str, String)]) -> Server {
        let port = free_port();
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("stderr.log");
        let process = Command::new(env!("CARGO_BIN_EXE_benzowise"))
            .arg("serve")
            .env("RUST_LOG", "warn")
            .env("SUBMISSIONS_PER_HOUR", "1000000")
            .env("MAIL_DIR", dir.path().join("mail"))
            .envs(settings.iter().map(|(name, value)| (*name, value.as_str())))
            .env("DATABASE_URL", database_url(database))
            .env("BIND", format!("127.0.0.1:{port}"))
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .expect("the binary runs");
        let server = Server { process, address: format!("127.0.0.1:{port}"), log, _dir: dir };
        let started = Instant::now();
        while !server.is_healthy() {
            assert!(started.elapsed() < Duration::from_secs(30), "the server did not start");
            std::thread::sleep(Duration::from_millis(20));
        }
        server
    }

    /// Whether `/healthz` answers: the port alone opens before the server runs.
    fn is_healthy(&self) -> bool {
        let Ok(mut stream) = TcpStream::connect(&self.address) else { return false };
        let request = b"GET /healthz HTTP/1.1\r\nHost: benzowise.test\r\nConnection: close\r\n\r\n";
        let mut answer = String::new();
        stream.write_all(request).is_ok()
            && stream.read_to_string(&mut answer).is_ok()
            && answer.starts_with("HTTP/1.1 200")
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    pub fn port(&self) -> u16 {
        self.address.rsplit(':').next().unwrap().parse().unwrap()
    }

    pub fn signal(&self, name: &str) {
        let status = Command::new("kill").args([&format!("-{name}"), &self.process.id().to_string()]).status().unwrap();
        assert!(status.success());
    }

    /// What the server has logged so far.
    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// An answer read whole off the wire.
pub struct Answer {
    pub status: u16,
    pub head: String,
    pub body: String,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name).then(|| value.trim())
        })
    }
}

/// One HTTP/1.1 request on a connection of its own from `from`, a loopback
/// address such as 127.0.0.2 (every 127.x.y.z is this machine), so that one
/// test can be several clients. Blocking: it runs on real threads.
pub fn exchange(to: &str, from: &str, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Answer {
    use socket2::{Domain, Socket, Type};
    let socket = Socket::new(Domain::IPV4, Type::STREAM, None).unwrap();
    let source: std::net::SocketAddr = format!("{from}:0").parse().unwrap();
    socket.bind(&source.into()).unwrap();
    let target: std::net::SocketAddr = to.parse().unwrap();
    socket.connect(&target.into()).unwrap();
    let mut stream: TcpStream = socket.into();
    stream.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let mut request = format!("{method} {path} HTTP/1.1\r\nHost: benzowise.test\r\nConnection: close\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    stream.write_all(request.as_bytes()).unwrap();
    stream.write_all(body).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let status = head.split(' ').nth(1).and_then(|code| code.parse().ok()).unwrap_or(0);
    Answer { status, head: head.to_string(), body: body.to_string() }
}

/// `exchange` with a JSON body.
pub fn exchange_json(to: &str, from: &str, path: &str, body: &serde_json::Value, headers: &[(&str, &str)]) -> Answer {
    let mut all = vec![("content-type", "application/json")];
    all.extend_from_slice(headers);
    exchange(to, from, "POST", path, &all, &serde_json::to_vec(body).unwrap())
}
