//! Who is at the other end of a TLS connection ([`TlsPeer`]: its address and its client
//! certificate's subject CN and O), read once after the handshake and attached to each request
//! of the connection.

use std::{net::SocketAddr, sync::Arc};

use tokio_rustls::server::TlsStream;

/// Who is at the other end of a TLS connection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TlsPeer {
    pub addr: SocketAddr,
    /// The subject CN of the client certificate, when the client presented one (rustls has
    /// then verified it against `--tls-client-ca`) and it has exactly one CN.
    pub client_cn: Option<Arc<str>>,
    /// The subject O values of the client certificate, joined by ", " (the CPO name).
    pub client_org: Option<Arc<str>>,
    /// Whether the client presented a (verified) certificate at all.
    pub client_certificate: bool,
}

/// The peer's address and the subject CN of its verified client certificate, if any.
pub fn peer_of<IO>(tls: &TlsStream<IO>, addr: SocketAddr) -> TlsPeer {
    let certificate = tls
        .get_ref()
        .1
        .peer_certificates()
        .and_then(|chain| chain.first());
    TlsPeer {
        addr,
        client_cn: certificate.and_then(|der| common_name(der)),
        client_org: certificate.and_then(|der| organization(der)),
        client_certificate: certificate.is_some(),
    }
}

/// The subject CN of a DER certificate, if it has exactly one and it is text.
pub fn common_name(der: &[u8]) -> Option<Arc<str>> {
    let (_, cert) = x509_parser::parse_x509_certificate(der).ok()?;
    let mut names = cert.subject().iter_common_name();
    let name = names.next()?.as_str().ok()?;
    if names.next().is_some() {
        return None;
    }
    Some(name.into())
}

/// The subject O values of a DER certificate, joined by ", " (none: `None`).
pub fn organization(der: &[u8]) -> Option<Arc<str>> {
    let (_, cert) = x509_parser::parse_x509_certificate(der).ok()?;
    let names: Vec<&str> = cert
        .subject()
        .iter_organization()
        .filter_map(|o| o.as_str().ok())
        .collect();
    (!names.is_empty()).then(|| names.join(", ").into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn certificate(names: &[&str]) -> Vec<u8> {
        let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
        params.distinguished_name = rcgen::DistinguishedName::new();
        params
            .distinguished_name
            .push(rcgen::DnType::OrganizationName, "Test CPO");
        for name in names {
            params
                .distinguished_name
                .push(rcgen::DnType::CommonName, *name);
        }
        let key = rcgen::KeyPair::generate().unwrap();
        params.self_signed(&key).unwrap().der().to_vec()
    }

    #[test]
    fn the_common_name_is_read_only_when_there_is_exactly_one() {
        assert_eq!(
            common_name(&certificate(&["CP-1"])).as_deref(),
            Some("CP-1")
        );
        assert_eq!(
            common_name(&certificate(&["RDAM 123"])).as_deref(),
            Some("RDAM 123")
        );
        assert_eq!(common_name(&certificate(&[])), None);
        assert_eq!(common_name(b"not a certificate"), None);
        assert_eq!(common_name(&[]), None);
    }
}
