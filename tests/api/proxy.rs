//! A real reverse proxy for the tests: Debian's `nginx`, on a free port in
//! front of instances of the service, adding `X-Forwarded-For` as it is set
//! up in front of real deployments (its own `set_real_ip_from` is not used:
//! the service must find the client itself). Without nginx the proxy tests
//! are skipped with a message, unless `BENZOWISE_PROXY_TESTS=required` (as in
//! `.ci/run`).

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::helpers::free_port;

const NGINX: &str = "/usr/sbin/nginx";

pub struct Proxy {
    pub address: String,
    process: Child,
    _dir: tempfile::TempDir,
}

impl Proxy {
    /// nginx balancing requests round-robin over `upstream_ports`, or `None`
    /// (skipped) where nginx is not installed.
    pub fn start(upstream_ports: &[u16]) -> Option<Proxy> {
        if !std::path::Path::new(NGINX).exists() {
            assert!(
                std::env::var("BENZOWISE_PROXY_TESTS").as_deref() != Ok("required"),
                "BENZOWISE_PROXY_TESTS=required but nginx is not installed"
            );
            eprintln!("skipped: install nginx to run the reverse-proxy tests");
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        let port = free_port();
        let servers: String = upstream_ports.iter().map(|port| format!("server 127.0.0.1:{port};\n")).collect();
        let prefix = dir.path().display();
        let config = format!(
            "daemon off;\nmaster_process off;\nworker_processes 1;\npid {prefix}/nginx.pid;\n\
             error_log {prefix}/error.log;\nevents {{ worker_connections 512; }}\n\
             http {{\n  access_log off;\n  client_body_temp_path {prefix}/body;\n  proxy_temp_path {prefix}/proxy;\n\
             fastcgi_temp_path {prefix}/fastcgi;\n  uwsgi_temp_path {prefix}/uwsgi;\n  scgi_temp_path {prefix}/scgi;\n\
             upstream benzowise {{\n{servers}}}\n\
             server {{\n    listen 127.0.0.1:{port};\n    location / {{\n      proxy_pass http://benzowise;\n\
             proxy_set_header Host $host;\n      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n    }}\n  }}\n}}\n"
        );
        let config_path = dir.path().join("nginx.conf");
        std::fs::write(&config_path, config).unwrap();
        let process = Command::new(NGINX)
            .arg("-p")
            .arg(dir.path())
            .arg("-c")
            .arg(&config_path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("nginx runs");
        let proxy = Proxy { address: format!("127.0.0.1:{port}"), process, _dir: dir };
        let started = Instant::now();
        while std::net::TcpStream::connect(&proxy.address).is_err() {
            assert!(started.elapsed() < Duration::from_secs(10), "nginx did not start");
            std::thread::sleep(Duration::from_millis(20));
        }
        Some(proxy)
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}
