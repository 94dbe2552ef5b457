//! What the benchmarks that run the real binary share: the child process
//! watched for its peak memory while it runs, and a SQLite database's size.

#![allow(clippy::unwrap_used)] // a benchmark that cannot watch its child should stop at once

use std::path::Path;
use std::process::{Child, ExitStatus};
use std::time::{Duration, Instant};

/// The peak resident memory of a running process, in KiB.
fn peak_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Waits for `child`, reading its peak resident memory (VmHWM) as it runs:
/// returns how it ended, the seconds since `started` and the peak in KiB.
pub fn wait_watching(mut child: Child, started: Instant) -> (ExitStatus, f64, u64) {
    let mut peak = 0;
    let status = loop {
        peak = peak.max(peak_kib(child.id()).unwrap_or(0));
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    (status, started.elapsed().as_secs_f64(), peak)
}

/// A SQLite database's size with its WAL and shared-memory files, in bytes.
pub fn size_of(path: &Path) -> u64 {
    ["", "-wal", "-shm"]
        .iter()
        .filter_map(|suffix| std::fs::metadata(format!("{}{suffix}", path.display())).ok())
        .map(|meta| meta.len())
        .sum()
}
