//! HSDS ids: UUIDs that stay the same for the same listing across runs and
//! exports, and that lead back to the listing without a lookup table.
//!
//! A listing's records get version 8 UUIDs laid out as: six bytes of the
//! directory's namespace (stored in its database on first start: from its
//! public address when one is set, else random; so two directories never
//! share ids, and every command run on one directory writes the same ids), the record's kind, an ordinal (the n-th language of a service,
//! say), and the listing id. The taxonomy's ids do not depend on the
//! deployment (version 5 UUIDs of the term's path), so a 211 that filters on
//! "micro-taper" once filters on it everywhere.

use diesel::QueryResult;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::db::{settings, AnyConnection};

/// What kind of HSDS record an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Kind {
    Organization = 1,
    Service = 2,
    Location = 3,
    ServiceAtLocation = 4,
    Address = 5,
    Phone = 6,
    Language = 7,
    ServiceArea = 8,
    Attribute = 9,
    CostOption = 10,
    Schedule = 11,
}

/// The ids of one deployment's listings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListingIds {
    namespace: [u8; 6],
}

impl ListingIds {
    /// The ids of the deployment published at `public_address`.
    pub fn of(public_address: &str) -> ListingIds {
        let digest = Sha256::new().chain_update(b"benzowise hsds ids\0").chain_update(public_address).finalize();
        let mut namespace = [0; 6];
        namespace.copy_from_slice(&digest[..6]);
        ListingIds { namespace }
    }

    /// The ids of the directory whose database `conn` opens. The first call
    /// stores the namespace: derived from `public_url` when it is set (the
    /// ids such a directory has always served), else random.
    pub fn of_directory(conn: &mut AnyConnection, public_url: Option<&str>) -> QueryResult<ListingIds> {
        let first = match public_url {
            Some(address) => ListingIds::of(address),
            None => ListingIds { namespace: rand::random() },
        };
        let stored = settings::hsds_namespace(conn, &hex::encode(first.namespace))?;
        let mut namespace = [0; 6];
        // A namespace not of this shape was not written here; the first one stands in.
        match hex::decode_to_slice(&stored, &mut namespace) {
            Ok(()) => Ok(ListingIds { namespace }),
            Err(_) => Ok(first),
        }
    }

    /// The id of the `ordinal`-th record of `kind` of a listing.
    pub fn id(&self, kind: Kind, listing_id: i64, ordinal: usize) -> Uuid {
        let mut bytes = [0; 16];
        bytes[..6].copy_from_slice(&self.namespace);
        bytes[6] = kind as u8;
        // Ordinals beyond 255 would wrap; lists are capped far below that.
        bytes[7] = ordinal as u8;
        bytes[8..].copy_from_slice(&listing_id.to_be_bytes());
        // `new_v8` sets the version and variant bits: the top nibble of byte 6
        // (below the kind) and the top two bits of byte 8 (a listing id's top
        // bits, zero for any id below 2^62).
        Uuid::new_v8(bytes)
    }

    /// The listing a `kind` id of this deployment names.
    pub fn listing(&self, kind: Kind, id: &Uuid) -> Option<i64> {
        let listing_id = self.listing_of_part(kind, id)?;
        (id.as_bytes()[7] == 0).then_some(listing_id)
    }

    /// The listing whose record of `kind`, of any ordinal, this id of this deployment is.
    pub fn listing_of_part(&self, kind: Kind, id: &Uuid) -> Option<i64> {
        let bytes = id.as_bytes();
        let ours = id.get_version_num() == 8 && bytes[..6] == self.namespace && bytes[6] & 0x0f == kind as u8;
        let listing_id = i64::from_be_bytes(bytes[8..].try_into().ok()?) & 0x3fff_ffff_ffff_ffff;
        ours.then_some(listing_id)
    }
}

/// The HSDS identity of a listing: the namespace and number its ids are
/// made of. A listing imported from another benzowise directory keeps the
/// ids it had there (its service id says which), so that a directory moved
/// or merged through HSDS serves the same ids; any other listing has this
/// directory's namespace and its own id.
pub fn identity(ids: &ListingIds, listing_id: i64, import_key: Option<&str>) -> (ListingIds, i64) {
    let imported = import_key.and_then(|key| key.strip_prefix("hsds:")).and_then(|id| id.parse::<Uuid>().ok());
    imported.and_then(|id| origin(Kind::Service, &id)).unwrap_or((*ids, listing_id))
}

/// The namespace and number of an id of `kind` laid out as benzowise lays
/// ids out, from whichever directory it comes.
pub fn origin(kind: Kind, id: &Uuid) -> Option<(ListingIds, i64)> {
    let mut namespace = [0; 6];
    namespace.copy_from_slice(&id.as_bytes()[..6]);
    let ids = ListingIds { namespace };
    ids.listing(kind, id).map(|number| (ids, number))
}

/// The namespace of the taxonomy's ids, the same in every deployment.
const TAXONOMY_NAMESPACE: &str = "urn:benzowise:hsds:taxonomy";

/// The id of a taxonomy term, from its path such as `taper_approach/micro_taper`.
pub fn term(path: &str) -> Uuid {
    Uuid::new_v5(&Uuid::new_v5(&Uuid::NAMESPACE_URL, TAXONOMY_NAMESPACE.as_bytes()), path.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_leads_back_to_its_listing_only_for_its_kind_and_deployment() {
        let ids = ListingIds::of("https://benzowise.example");
        let service = ids.id(Kind::Service, 4_000_123, 0);
        assert_eq!(service.get_version_num(), 8);
        assert_eq!(ids.listing(Kind::Service, &service), Some(4_000_123));
        assert_eq!(ids.listing(Kind::Location, &service), None);
        assert_eq!(ListingIds::of("https://other.example").listing(Kind::Service, &service), None);
        assert_eq!(ids.listing(Kind::Service, &ids.id(Kind::Service, 1, 2)), None, "an ordinal names a part");
        assert_eq!(service, ListingIds::of("https://benzowise.example").id(Kind::Service, 4_000_123, 0));
    }

    #[test]
    fn term_ids_are_fixed() {
        assert_eq!(term("taper_approach/micro_taper"), term("taper_approach/micro_taper"));
        assert_ne!(term("taper_approach/micro_taper"), term("criterion/micro_taper"));
    }
}
