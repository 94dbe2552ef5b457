//! The client's address, for rate limits and logs. Behind a reverse proxy the
//! TCP peer is the proxy; only a proxy named in `TRUSTED_PROXIES` is believed
//! when it says, in `Forwarded` or `X-Forwarded-For`, whom it forwards for.

use std::net::{IpAddr, SocketAddr};

use actix_web::http::header::HeaderMap;
use actix_web::{HttpMessage, HttpRequest};
use ipnet::IpNet;

/// The client's address as worked out once per request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddress(pub Option<IpAddr>);

impl std::fmt::Display for ClientAddress {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Some(address) => address.fmt(formatter),
            None => formatter.write_str("unknown"),
        }
    }
}

/// The client behind `peer`: the peer itself unless it is a trusted proxy;
/// then the forwarded addresses, read from the right (the hop nearest us),
/// skipping trusted proxies, give the first one that is not. Proxies on the
/// way each append the address they were reached from, so only what lies
/// right of the last untrusted hop can be believed.
pub fn resolve(peer: Option<IpAddr>, headers: &HeaderMap, trusted: &[IpNet]) -> ClientAddress {
    let is_trusted = |address: &IpAddr| trusted.iter().any(|net| net.contains(address));
    let Some(mut client) = peer else { return ClientAddress(None) };
    if !is_trusted(&client) {
        return ClientAddress(Some(client));
    }
    for hop in forwarded_for(headers).iter().rev() {
        // A hop a trusted proxy could not name (`unknown`, an obfuscated name)
        // ends the chain at that proxy.
        let Some(address) = parse_address(hop) else { break };
        client = address;
        if !is_trusted(&address) {
            break;
        }
    }
    ClientAddress(Some(client))
}

/// The forwarded-for chain, leftmost first: `Forwarded`'s `for=` values when
/// that header is present, else `X-Forwarded-For`'s.
fn forwarded_for(headers: &HeaderMap) -> Vec<String> {
    let values = |name: &str| -> Vec<String> {
        headers
            .get_all(name)
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(','))
            .map(|item| item.trim().to_string())
            .collect()
    };
    let forwarded = values("forwarded");
    if forwarded.is_empty() {
        return values("x-forwarded-for");
    }
    forwarded
        .iter()
        .map(|element| {
            element
                .split(';')
                .filter_map(|pair| pair.trim().split_once('='))
                .find(|(name, _)| name.eq_ignore_ascii_case("for"))
                .map(|(_, value)| value.trim_matches('"').to_string())
                .unwrap_or_default()
        })
        .collect()
}

/// `192.0.2.1`, `192.0.2.1:8080`, `2001:db8::1` or `[2001:db8::1]:8080`.
fn parse_address(text: &str) -> Option<IpAddr> {
    let text = text.trim();
    text.parse::<IpAddr>()
        .ok()
        .or_else(|| text.parse::<SocketAddr>().ok().map(|socket| socket.ip()))
        .or_else(|| text.strip_prefix('[').and_then(|rest| rest.strip_suffix(']')).and_then(|ip| ip.parse().ok()))
}

/// The client address of a request, as its root span worked it out.
pub fn client_address(req: &HttpRequest) -> ClientAddress {
    req.extensions().get::<ClientAddress>().copied().unwrap_or(ClientAddress(req.peer_addr().map(|peer| peer.ip())))
}

#[cfg(test)]
mod tests {
    use actix_web::http::header::{HeaderName, HeaderValue};

    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(HeaderName::from_bytes(name.as_bytes()).unwrap(), HeaderValue::from_str(value).unwrap());
        }
        map
    }

    fn ip(text: &str) -> Option<IpAddr> {
        Some(text.parse().unwrap())
    }

    #[test]
    fn an_untrusted_peer_is_the_client_whatever_it_forwards() {
        let sent = headers(&[("x-forwarded-for", "203.0.113.9")]);
        assert_eq!(resolve(ip("198.51.100.7"), &sent, &[]).0, ip("198.51.100.7"));
        let trusted = ["10.0.0.0/8".parse().unwrap()];
        assert_eq!(resolve(ip("198.51.100.7"), &sent, &trusted).0, ip("198.51.100.7"));
    }

    #[test]
    fn behind_trusted_proxies_the_first_untrusted_hop_from_the_right_is_the_client() {
        let trusted: Vec<IpNet> = vec!["10.0.0.0/8".parse().unwrap(), "192.0.2.5/32".parse().unwrap()];
        // The client forged the first entry; the proxies appended the rest.
        let sent = headers(&[("x-forwarded-for", "1.2.3.4, 198.51.100.7"), ("x-forwarded-for", "192.0.2.5")]);
        assert_eq!(resolve(ip("10.1.1.1"), &sent, &trusted).0, ip("198.51.100.7"));
        let forwarded = headers(&[("forwarded", r#"for=1.2.3.4, for="[2001:db8::17]:4711";proto=https"#)]);
        assert_eq!(resolve(ip("10.1.1.1"), &forwarded, &trusted).0, ip("2001:db8::17"));
        let unknown = headers(&[("x-forwarded-for", "unknown")]);
        assert_eq!(resolve(ip("10.1.1.1"), &unknown, &trusted).0, ip("10.1.1.1"));
        assert_eq!(resolve(ip("10.1.1.1"), &HeaderMap::new(), &trusted).0, ip("10.1.1.1"));
        let all_trusted = headers(&[("x-forwarded-for", "10.9.9.9:5000")]);
        assert_eq!(resolve(ip("10.1.1.1"), &all_trusted, &trusted).0, ip("10.9.9.9"));
    }
}
