//! The static files built into the binary, each served under a name that
//! carries a hash of its content (`/static/style.3f9a….css`), so that
//! browsers may keep it a year and a new version is a new address.

use std::sync::LazyLock;

use sha2::{Digest, Sha256};

/// A static file: its name, what it is, and its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asset {
    Stylesheet,
    /// The moderators' pages only, so the public ones carry none of it.
    WorkbenchStylesheet,
    LocateScript,
    SuggestScript,
    PrintScript,
    Icon,
}

impl Asset {
    pub const ALL: [Asset; 6] = [
        Asset::Stylesheet,
        Asset::WorkbenchStylesheet,
        Asset::LocateScript,
        Asset::SuggestScript,
        Asset::PrintScript,
        Asset::Icon,
    ];

    /// The file's name in `static/`, before its hash: `style` and `css` of `style.css`.
    fn name(self) -> (&'static str, &'static str) {
        match self {
            Asset::Stylesheet => ("style", "css"),
            Asset::WorkbenchStylesheet => ("workbench", "css"),
            Asset::LocateScript => ("locate", "js"),
            Asset::SuggestScript => ("suggest", "js"),
            Asset::PrintScript => ("print", "js"),
            Asset::Icon => ("icon", "svg"),
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Asset::Stylesheet | Asset::WorkbenchStylesheet => "text/css; charset=utf-8",
            Asset::LocateScript | Asset::SuggestScript | Asset::PrintScript => "text/javascript; charset=utf-8",
            Asset::Icon => "image/svg+xml",
        }
    }

    pub fn content(self) -> &'static str {
        match self {
            Asset::Stylesheet => include_str!("../static/style.css"),
            Asset::WorkbenchStylesheet => include_str!("../static/workbench.css"),
            Asset::LocateScript => include_str!("../static/locate.js"),
            Asset::SuggestScript => include_str!("../static/suggest.js"),
            Asset::PrintScript => include_str!("../static/print.js"),
            Asset::Icon => include_str!("../static/icon.svg"),
        }
    }

    /// The address the pages use: `/static/style.{hash}.css`.
    pub fn path(self) -> &'static str {
        static PATHS: LazyLock<Vec<String>> = LazyLock::new(|| {
            Asset::ALL
                .iter()
                .map(|asset| {
                    let hash = hex::encode(Sha256::digest(asset.content().as_bytes()));
                    let (stem, extension) = asset.name();
                    format!("/static/{stem}.{}.{extension}", &hash[..12])
                })
                .collect()
        });
        &PATHS[self as usize]
    }

    /// The file at a `/static/…` address: its fingerprinted one, or the
    /// plain name that pages from before fingerprints still ask for.
    pub fn at(path: &str) -> Option<(Asset, bool)> {
        Asset::ALL.into_iter().find_map(|asset| {
            let (stem, extension) = asset.name();
            if path == asset.path() {
                Some((asset, true))
            } else {
                (path == format!("/static/{stem}.{extension}")).then_some((asset, false))
            }
        })
    }
}

/// The favicon browsers ask for at `/favicon.ico` (`static/favicon.ico`,
/// the leaf of `static/icon.svg` at 32 × 32).
pub const FAVICON: &[u8] = include_bytes!("../static/favicon.ico");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_file_is_found_at_its_fingerprinted_and_its_plain_name() {
        for asset in Asset::ALL {
            assert_eq!(Asset::at(asset.path()), Some((asset, true)));
        }
        assert_eq!(Asset::at("/static/style.css"), Some((Asset::Stylesheet, false)));
        assert_eq!(Asset::at("/static/style.000000000000.css"), None);
        assert!(Asset::Stylesheet.path().starts_with("/static/style.") && Asset::Stylesheet.path().ends_with(".css"));
    }
}
