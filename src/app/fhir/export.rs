//! The approved directory as FHIR Bulk Data NDJSON: one file per resource
//! type (`Practitioner.ndjson`, …), one resource a line, written a batch of
//! listings at a time so that memory stays flat however large the directory.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;

use super::code_systems::CodeList;
use super::plan_net::ListingResources;
use super::types::{to_json, Base, ResourceType};
use crate::app::listings;
use crate::db::AnyConnection;

/// One resource type's file, written under a temporary name until the end,
/// so that a failed export never leaves a file that looks whole.
struct Output {
    kind: ResourceType,
    path: PathBuf,
    partial: PathBuf,
    writer: BufWriter<File>,
    written: usize,
}

impl Output {
    fn create(dir: &Path, kind: ResourceType) -> anyhow::Result<Output> {
        let path = dir.join(format!("{}.ndjson", kind.name()));
        let partial = dir.join(format!("{}.ndjson.partial", kind.name()));
        let file = File::create(&partial).with_context(|| format!("cannot write {}", partial.display()))?;
        Ok(Output { kind, path, partial, writer: BufWriter::new(file), written: 0 })
    }

    fn write(&mut self, resource: &serde_json::Value) -> std::io::Result<()> {
        self.writer.write_all(&to_json(resource))?;
        self.writer.write_all(b"\n")?;
        self.written += 1;
        Ok(())
    }

    fn finish(self) -> anyhow::Result<(ResourceType, usize)> {
        self.writer.into_inner().map_err(|error| error.into_error())?.sync_all()?;
        std::fs::rename(&self.partial, &self.path)
            .with_context(|| format!("cannot rename {} to {}", self.partial.display(), self.path.display()))?;
        Ok((self.kind, self.written))
    }
}

/// Writes every public listing's resources and our code systems into `dir`
/// (made if missing; earlier files of the same names are replaced), calling
/// `progress` with the number of listings after each batch. Returns how many
/// resources of each type were written.
pub fn write_ndjson(
    conn: &mut AnyConnection,
    dir: &Path,
    base: &Base,
    mut progress: impl FnMut(usize),
) -> anyhow::Result<Vec<(ResourceType, usize)>> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot make the directory {}", dir.display()))?;
    let mut outputs =
        ResourceType::ALL.into_iter().map(|kind| Output::create(dir, kind)).collect::<anyhow::Result<Vec<_>>>()?;
    for output in outputs.iter_mut().filter(|output| output.kind == ResourceType::CodeSystem) {
        for list in CodeList::ALL {
            output.write(&list.code_system(base))?;
        }
    }
    listings::each_public_batch(conn, |batch| -> anyhow::Result<()> {
        for listing in &batch {
            let resources = ListingResources::new(listing, base);
            for output in outputs.iter_mut() {
                for resource in resources.all_of(output.kind) {
                    output.write(&resource)?;
                }
            }
        }
        progress(batch.len());
        Ok(())
    })?;
    outputs.into_iter().map(Output::finish).collect()
}
