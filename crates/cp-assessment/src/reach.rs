//! Who can open an address: the facilitator's QR code is only useful if participants'
//! phones can reach the address it encodes. [`reach`] sorts an address's host into
//! [`Reach::Loopback`] (this computer only), [`Reach::Private`] (the same local network
//! only) or [`Reach::Public`].
//!
//! The host is read with `std::net`'s address parsers: IPv4, IPv6 (bracketed in a URL,
//! with or without a port or zone), names. Nothing here panics, whatever the input.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// Who can open an address, by its host.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// Only this computer: `localhost`, `*.localhost` (RFC 6761), 127.0.0.0/8, `::1`, and
    /// the "any address" 0.0.0.0 and `::` a server listens on (a browser opens them on this
    /// computer).
    Loopback,
    /// Only devices on the same local network: the private IPv4 ranges 10/8, 172.16/12 and
    /// 192.168/16 (RFC 1918), IPv4 link-local 169.254/16 (RFC 3927), IPv6 unique local
    /// fc00::/7 (RFC 4193) and link-local fe80::/10, and `*.local` names (mDNS, RFC 6762).
    Private,
    /// Any other host, e.g. a domain name or a public IP address.
    Public,
}

impl Reach {
    /// Stable id: "loopback", "private" or "public".
    pub fn as_str(self) -> &'static str {
        match self {
            Reach::Loopback => "loopback",
            Reach::Private => "private",
            Reach::Public => "public",
        }
    }
}

/// Who can open `address`: a URL (`http://192.168.1.20:8080/cp/`), or an authority or host
/// without a scheme (`[::1]:8080`, `localhost`). `None` when no host can be read from it
/// (empty, an unclosed `[`, a bracketed text that is no IPv6 address).
pub fn reach(address: &str) -> Option<Reach> {
    let host = host_of(address)?;
    if let Ok(ip) = host.parse::<IpAddr>() {
        return Some(ip_reach(ip));
    }
    let name = host.to_ascii_lowercase();
    // A trailing dot names the same host (a fully qualified name).
    let name = name.strip_suffix('.').unwrap_or(&name);
    if name.is_empty() {
        None
    } else if name == "localhost" || name.ends_with(".localhost") {
        Some(Reach::Loopback)
    } else if name.ends_with(".local") {
        Some(Reach::Private)
    } else {
        Some(Reach::Public)
    }
}

/// The host of `address`, without brackets, port, user information or IPv6 zone; `None`
/// when there is none or an IPv6 literal in brackets does not parse.
fn host_of(address: &str) -> Option<&str> {
    let address = address.trim();
    let after_scheme = address.split_once("://").map_or(address, |(_, rest)| rest);
    let authority = after_scheme
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default();
    // User information ("user:password@") comes before the last '@'.
    let authority = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    if let Some(bracketed) = authority.strip_prefix('[') {
        let (inside, _port) = bracketed.split_once(']')?;
        // A zone ("%25eth0" in a URL, "%eth0" elsewhere) names an interface, not the host.
        let ip = inside.split('%').next().unwrap_or_default();
        return ip.parse::<Ipv6Addr>().is_ok().then_some(ip);
    }
    // An IPv6 address written without brackets (no port can follow it then).
    let unzoned = authority.split('%').next().unwrap_or_default();
    if unzoned.parse::<Ipv6Addr>().is_ok() {
        return Some(unzoned);
    }
    let host = authority
        .split_once(':')
        .map_or(authority, |(host, _port)| host);
    (!host.is_empty()).then_some(host)
}

/// Who can open an IP address.
fn ip_reach(ip: IpAddr) -> Reach {
    match ip {
        IpAddr::V4(v4) => ipv4_reach(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            // ::ffff:a.b.c.d is the IPv4 address a.b.c.d.
            Some(v4) => ipv4_reach(v4),
            None => ipv6_reach(v6),
        },
    }
}

fn ipv4_reach(ip: Ipv4Addr) -> Reach {
    if ip.is_loopback() || ip.is_unspecified() {
        Reach::Loopback
    } else if ip.is_private() || ip.is_link_local() {
        Reach::Private
    } else {
        Reach::Public
    }
}

fn ipv6_reach(ip: Ipv6Addr) -> Reach {
    let first = ip.segments()[0];
    if ip.is_loopback() || ip.is_unspecified() {
        Reach::Loopback
    } else if first & 0xfe00 == 0xfc00 || first & 0xffc0 == 0xfe80 {
        // fc00::/7 (unique local) and fe80::/10 (link-local).
        Reach::Private
    } else {
        Reach::Public
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_are_read_from_urls_authorities_and_bare_hosts() {
        let cases = [
            ("http://127.0.0.1:4373/", Some("127.0.0.1")),
            ("https://example.org/cp/#r1.abc", Some("example.org")),
            ("http://[::1]:8080/cp/", Some("::1")),
            ("http://[fe80::1%25eth0]:8080/", Some("fe80::1")),
            ("fe80::1%eth0", Some("fe80::1")),
            ("http://user:secret@10.0.0.5:80/x", Some("10.0.0.5")),
            ("localhost:8080", Some("localhost")),
            ("  HTTP://LocalHost/  ", Some("LocalHost")),
            ("::1", Some("::1")),
            ("http://example.org?x=1", Some("example.org")),
            ("", None),
            ("http://", None),
            ("http://:8080/", None),
            ("http://[::1/", None),
            ("http://[not-an-ip]:80/", None),
        ];
        for (address, host) in cases {
            assert_eq!(host_of(address), host, "{address:?}");
        }
    }

    #[test]
    fn loopback_addresses_are_this_computer_only() {
        for address in [
            "http://127.0.0.1:4373/",
            "http://127.255.0.9/",
            "http://localhost:8080/",
            "http://LOCALHOST./",
            "http://app.localhost/",
            "http://[::1]:8080/cp/",
            "http://[::ffff:127.0.0.1]/",
            "http://0.0.0.0:8080/",
            "http://[::]/",
        ] {
            assert_eq!(reach(address), Some(Reach::Loopback), "{address}");
        }
    }

    #[test]
    fn private_and_link_local_addresses_need_the_same_network() {
        for address in [
            "http://10.1.2.3:8080/",
            "http://172.16.0.1/",
            "http://172.31.255.254/",
            "http://192.168.1.20:8080/cp/",
            "http://169.254.10.1/",
            "http://[fd12:3456:789a::1]:8080/",
            "http://[fc00::1]/",
            "http://[fe80::1%25wlan0]:8080/",
            "http://[febf::1]/",
            "http://[::ffff:192.168.0.7]/",
            "http://my-laptop.local:8080/",
            "http://My-Laptop.LOCAL./",
        ] {
            assert_eq!(reach(address), Some(Reach::Private), "{address}");
        }
    }

    #[test]
    fn other_hosts_are_public() {
        for address in [
            "https://example.org/cp/",
            "http://172.32.0.1/",
            "http://172.15.255.255/",
            "http://192.169.0.1/",
            "http://8.8.8.8/",
            "http://[2001:db8::1]:443/",
            "http://[fec0::1]/",
            "http://localhost.example.org/",
            "http://local/",
            "http://128.0.0.1/",
        ] {
            assert_eq!(reach(address), Some(Reach::Public), "{address}");
        }
    }

    #[test]
    fn malformed_input_never_panics() {
        let inputs = [
            "",
            " ",
            "://",
            "[",
            "]",
            "[]",
            "[:::]",
            "http://[",
            "http://@",
            "http://@@@/",
            "%",
            "http://%25/",
            "http://[::1]]]/",
            "http://999.1.1.1/",
            "\u{0}\u{ffff}",
            "http://例子.测试/",
            "http://[::1%]/",
        ];
        for input in inputs {
            let _ = reach(input);
        }
        assert_eq!(reach(""), None);
        assert_eq!(reach("http://["), None);
        assert_eq!(reach("http://@/"), None);
        assert_eq!(reach("http://999.1.1.1/"), Some(Reach::Public));
        assert_eq!(reach("http://例子.测试/"), Some(Reach::Public));
        assert_eq!(Reach::Loopback.as_str(), "loopback");
    }
}
