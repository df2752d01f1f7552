//! X.509 certificates as the CERT requirements need them: read from PEM or DER
//! (`rustls-pki-types`), inspected with `x509-parser` (names, validity, key, signature algorithm,
//! key usages, basic constraints, DNS names), and verified with `rustls-webpki` (chain to trust
//! anchors at an injected instant, for a usage; name coverage), using ring only.
//!
//! This crate never does IO and never touches private keys: bytes of certificates in, facts out.

#![forbid(unsafe_code)]

use jiff::Timestamp;
use rustls_pki_types::pem::PemObject as _;
use rustls_pki_types::{CertificateDer, ServerName, UnixTime};
use valmis_i18n::{Msg, msg};
use x509_parser::prelude::{FromDer as _, GeneralName, ParsedExtension, X509Certificate};
use x509_parser::public_key::PublicKey;

/// The public key of a certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Key {
    /// RSA with its modulus size in bits.
    Rsa { bits: usize },
    /// Elliptic curve with its curve name (`P-256`) and size in bits.
    Ec { curve: String, bits: usize },
    /// Anything else, by algorithm OID.
    Other(String),
}

impl Key {
    /// `RSA 2048`, `EC P-256`.
    pub fn describe(&self) -> String {
        match self {
            Self::Rsa { bits } => format!("RSA {bits}"),
            Self::Ec { curve, .. } => format!("EC {curve}"),
            Self::Other(oid) => format!("key algorithm {oid}"),
        }
    }
}

/// What a certificate says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Certificate {
    /// The DER bytes.
    pub der: Vec<u8>,
    /// Subject as a distinguished name (`C=FI, O=..., CN=...`).
    pub subject: String,
    /// Subject common name.
    pub subject_common_name: Option<String>,
    /// Subject `serialNumber` attribute (where Kanta puts an OID), not the certificate serial.
    pub subject_serial_number: Option<String>,
    /// Issuer as a distinguished name.
    pub issuer: String,
    /// Issuer common name.
    pub issuer_common_name: Option<String>,
    /// Issuer organizational unit (DVV names the certificate family there:
    /// `Terveydenhuollon testiammattivarmenteet`).
    pub issuer_organizational_unit: Option<String>,
    /// Whether the subject names a person (givenName, surname or pseudonym), as the
    /// certificates of professionals' cards do; service certificates name a system.
    pub subject_names_a_person: bool,
    /// Start of validity.
    pub not_before: Timestamp,
    /// End of validity.
    pub not_after: Timestamp,
    /// Public key.
    pub key: Key,
    /// Signature algorithm name (`sha256WithRSAEncryption`).
    pub signature_algorithm: String,
    /// Whether the signature algorithm uses SHA-1 or MD5.
    pub weak_signature: bool,
    /// Basic constraints CA flag.
    pub is_ca: bool,
    /// Extended key usages (`serverAuth`, `clientAuth`, ...); `None` without the extension.
    pub extended_key_usage: Option<Vec<String>>,
    /// Key usage bits set (`digitalSignature`, ...); `None` without the extension.
    pub key_usage: Option<Vec<String>>,
    /// DNS names of the subject alternative name extension.
    pub dns_names: Vec<String>,
    /// Whether subject and issuer are the same name (a root).
    pub self_issued: bool,
}

impl Certificate {
    /// Whether the extended key usage allows `usage` (`clientAuth`): true without the extension.
    pub fn allows(&self, usage: &str) -> bool {
        self.extended_key_usage.as_ref().is_none_or(|usages| usages.iter().any(|u| u == usage || u == "any"))
    }

    /// Days between the start and the end of validity.
    pub fn validity_days(&self) -> i64 {
        (self.not_after.as_second() - self.not_before.as_second()) / 86_400
    }

    /// A short name for messages: the subject common name, or the whole subject.
    pub fn name(&self) -> &str {
        self.subject_common_name.as_deref().unwrap_or(&self.subject)
    }
}

/// Why a file is not a certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError(pub Msg);

impl std::fmt::Display for ParseError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(formatter, "{}", self.0)
    }
}

impl std::error::Error for ParseError {}

/// Every certificate of a file: PEM (`CERTIFICATE` blocks, in order) or one DER certificate.
pub fn read_certificates(bytes: &[u8]) -> Result<Vec<Certificate>, ParseError> {
    let looks_pem = bytes.windows(11).take(64 * 1024).any(|window| window == b"-----BEGIN ");
    if looks_pem {
        let mut found = Vec::new();
        for (index, item) in CertificateDer::pem_slice_iter(bytes).enumerate() {
            let der = item.map_err(|error| {
                ParseError(msg!("pki-pem-unreadable", block = index + 1, error = error.to_string()))
            })?;
            found.push(inspect(der.as_ref()).map_err(|ParseError(message)| {
                ParseError(msg!("pki-pem-not-x509", block = index + 1, error = message))
            })?);
        }
        if found.is_empty() {
            return Err(ParseError(msg!("pki-pem-empty")));
        }
        return Ok(found);
    }
    inspect(bytes)
        .map(|certificate| vec![certificate])
        .map_err(|ParseError(message)| ParseError(msg!("pki-not-certificate", error = message)))
}

fn timestamp(time: &x509_parser::time::ASN1Time) -> Timestamp {
    Timestamp::from_second(time.timestamp()).unwrap_or(Timestamp::MIN)
}

/// Bits of a big-endian unsigned integer, leading zero bytes ignored.
fn bit_length(bytes: &[u8]) -> usize {
    let trimmed: &[u8] = match bytes.iter().position(|&byte| byte != 0) {
        Some(first) => &bytes[first..],
        None => return 0,
    };
    (trimmed.len() - 1) * 8 + (8 - trimmed[0].leading_zeros() as usize)
}

/// Reads one DER certificate.
pub fn inspect(der: &[u8]) -> Result<Certificate, ParseError> {
    let (rest, certificate) =
        X509Certificate::from_der(der).map_err(|error| ParseError(msg!("pki-der-error", error = error.to_string())))?;
    if !rest.is_empty() {
        return Err(ParseError(msg!("pki-trailing-bytes", bytes = rest.len())));
    }
    let first = |name: &x509_parser::x509::X509Name<'_>, attribute: &x509_parser::der_parser::Oid<'_>| {
        name.iter_by_oid(attribute).next().and_then(|value| value.as_str().ok()).map(str::to_owned)
    };
    let common_name = x509_parser::oid_registry::OID_X509_COMMON_NAME;
    let serial_number = x509_parser::oid_registry::OID_X509_SERIALNUMBER;
    let key = match certificate.public_key().parsed() {
        Ok(PublicKey::RSA(rsa)) => Key::Rsa { bits: bit_length(rsa.modulus) },
        Ok(PublicKey::EC(point)) => {
            let curve_oid = certificate
                .public_key()
                .algorithm
                .parameters
                .as_ref()
                .and_then(|parameters| parameters.as_oid().ok())
                .map(|oid| oid.to_id_string())
                .unwrap_or_default();
            let curve = match curve_oid.as_str() {
                "1.2.840.10045.3.1.7" => "P-256".to_owned(),
                "1.3.132.0.34" => "P-384".to_owned(),
                "1.3.132.0.35" => "P-521".to_owned(),
                "1.2.840.10045.3.1.1" => "P-192".to_owned(),
                "1.3.132.0.33" => "P-224".to_owned(),
                other => other.to_owned(),
            };
            Key::Ec { curve, bits: point.key_size() }
        }
        _ => Key::Other(certificate.public_key().algorithm.algorithm.to_id_string()),
    };
    let signature_oid = certificate.signature_algorithm.algorithm.to_id_string();
    let (signature_algorithm, weak_signature) = match signature_oid.as_str() {
        "1.2.840.113549.1.1.2" => ("md2WithRSAEncryption".to_owned(), true),
        "1.2.840.113549.1.1.4" => ("md5WithRSAEncryption".to_owned(), true),
        "1.2.840.113549.1.1.5" => ("sha1WithRSAEncryption".to_owned(), true),
        "1.2.840.10045.4.1" => ("ecdsa-with-SHA1".to_owned(), true),
        "1.2.840.10040.4.3" => ("dsa-with-sha1".to_owned(), true),
        "1.2.840.113549.1.1.11" => ("sha256WithRSAEncryption".to_owned(), false),
        "1.2.840.113549.1.1.12" => ("sha384WithRSAEncryption".to_owned(), false),
        "1.2.840.113549.1.1.13" => ("sha512WithRSAEncryption".to_owned(), false),
        "1.2.840.113549.1.1.10" => ("RSASSA-PSS".to_owned(), false),
        "1.2.840.10045.4.3.2" => ("ecdsa-with-SHA256".to_owned(), false),
        "1.2.840.10045.4.3.3" => ("ecdsa-with-SHA384".to_owned(), false),
        "1.2.840.10045.4.3.4" => ("ecdsa-with-SHA512".to_owned(), false),
        "1.3.101.112" => ("Ed25519".to_owned(), false),
        other => (other.to_owned(), false),
    };
    let mut is_ca = false;
    let mut extended_key_usage = None;
    let mut key_usage = None;
    let mut dns_names = Vec::new();
    for extension in certificate.extensions() {
        match extension.parsed_extension() {
            ParsedExtension::BasicConstraints(constraints) => is_ca = constraints.ca,
            ParsedExtension::ExtendedKeyUsage(usage) => {
                let mut names = Vec::new();
                for (set, name) in [
                    (usage.any, "any"),
                    (usage.server_auth, "serverAuth"),
                    (usage.client_auth, "clientAuth"),
                    (usage.code_signing, "codeSigning"),
                    (usage.email_protection, "emailProtection"),
                    (usage.time_stamping, "timeStamping"),
                    (usage.ocsp_signing, "OCSPSigning"),
                ] {
                    if set {
                        names.push(name.to_owned());
                    }
                }
                names.extend(usage.other.iter().map(|oid| oid.to_id_string()));
                extended_key_usage = Some(names);
            }
            ParsedExtension::KeyUsage(usage) => {
                let mut names = Vec::new();
                for (set, name) in [
                    (usage.digital_signature(), "digitalSignature"),
                    (usage.non_repudiation(), "nonRepudiation"),
                    (usage.key_encipherment(), "keyEncipherment"),
                    (usage.data_encipherment(), "dataEncipherment"),
                    (usage.key_agreement(), "keyAgreement"),
                    (usage.key_cert_sign(), "keyCertSign"),
                    (usage.crl_sign(), "cRLSign"),
                ] {
                    if set {
                        names.push(name.to_owned());
                    }
                }
                key_usage = Some(names);
            }
            ParsedExtension::SubjectAlternativeName(names) => {
                for name in &names.general_names {
                    if let GeneralName::DNSName(dns) = name {
                        dns_names.push((*dns).to_owned());
                    }
                }
            }
            _ => {}
        }
    }
    Ok(Certificate {
        der: der.to_vec(),
        subject: certificate.subject().to_string(),
        subject_common_name: first(certificate.subject(), &common_name),
        subject_serial_number: first(certificate.subject(), &serial_number),
        issuer: certificate.issuer().to_string(),
        issuer_common_name: first(certificate.issuer(), &common_name),
        issuer_organizational_unit: first(
            certificate.issuer(),
            &x509_parser::oid_registry::OID_X509_ORGANIZATIONAL_UNIT,
        ),
        subject_names_a_person: [
            x509_parser::oid_registry::OID_X509_GIVEN_NAME,
            x509_parser::oid_registry::OID_X509_SURNAME,
            // id-at-pseudonym (2.5.4.65): DVV puts the professional's register number there.
            x509_parser::der_parser::oid!(2.5.4.65),
        ]
        .iter()
        .any(|attribute| certificate.subject().iter_by_oid(attribute).next().is_some()),
        not_before: timestamp(&certificate.validity().not_before),
        not_after: timestamp(&certificate.validity().not_after),
        key,
        signature_algorithm,
        weak_signature,
        is_ca,
        extended_key_usage,
        key_usage,
        dns_names,
        self_issued: certificate.subject().as_raw() == certificate.issuer().as_raw(),
    })
}

/// What a chain is verified for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Usage {
    /// A TLS client certificate (mutual TLS): EKU clientAuth.
    ClientAuth,
    /// A TLS server certificate: EKU serverAuth.
    ServerAuth,
    /// Any other end-entity use (system signatures): an EKU, when present, is not checked.
    Signing,
}

/// Why a certificate is not accepted: for a chain (`verify_chain`) or a host name
/// (`verify_name`), in words a vendor can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VerifyError {
    /// A certificate of `ca_bundle` (1-based) cannot serve as a trust anchor.
    #[error("trust anchor {index} is not usable: {detail}")]
    Anchor { index: usize, detail: String },
    /// The certificate cannot be read as an end-entity certificate.
    #[error("not usable as an end-entity certificate: {0}")]
    NotEndEntity(String),
    /// The name to check is not a DNS host name.
    #[error("`{host}` is not a host name: {detail}")]
    NotHostName { host: String, detail: String },
    /// The chain or name was checked and refused: why.
    #[error("{0}")]
    Refused(Msg),
}

/// Verifies that `end_entity` chains to one of `anchors` through `intermediates` at `now`, for
/// `usage`, with the signature algorithms webpki supports on ring.
pub fn verify_chain(
    end_entity: &[u8],
    intermediates: &[&[u8]],
    anchors: &[&[u8]],
    now: Timestamp,
    usage: Usage,
) -> Result<(), VerifyError> {
    let anchor_ders: Vec<CertificateDer<'_>> = anchors.iter().map(|der| CertificateDer::from(*der)).collect();
    let mut trust_anchors = Vec::new();
    for (index, der) in anchor_ders.iter().enumerate() {
        let anchor = webpki::anchor_from_trusted_cert(der)
            .map_err(|error| VerifyError::Anchor { index: index + 1, detail: format!("{error:?}") })?;
        trust_anchors.push(anchor.to_owned());
    }
    let end_entity_der = CertificateDer::from(end_entity);
    let certificate = webpki::EndEntityCert::try_from(&end_entity_der)
        .map_err(|error| VerifyError::NotEndEntity(format!("{error:?}")))?;
    let intermediate_ders: Vec<CertificateDer<'_>> =
        intermediates.iter().map(|der| CertificateDer::from(*der)).collect();
    let seconds = u64::try_from(now.as_second()).unwrap_or(0);
    let time = UnixTime::since_unix_epoch(std::time::Duration::from_secs(seconds));
    // Signing certificates are checked for chain and validity only; webpki insists on an EKU
    // purpose, and one no certificate names is "not checked" when the extension is absent.
    const NO_PURPOSE: &[u8] = &[0x2b, 0x06, 0x01, 0x04, 0x01, 0x83, 0x9d, 0x5d, 0x01];
    let key_usage = match usage {
        Usage::ClientAuth => webpki::KeyUsage::client_auth(),
        Usage::ServerAuth => webpki::KeyUsage::server_auth(),
        Usage::Signing => webpki::KeyUsage::required_if_present(NO_PURPOSE),
    };
    let verified = certificate.verify_for_usage(
        webpki::ALL_VERIFICATION_ALGS,
        &trust_anchors,
        &intermediate_ders,
        time,
        key_usage,
        None,
        None,
    );
    match verified {
        Ok(_) => Ok(()),
        Err(webpki::Error::RequiredEkuNotFoundContext(_)) if usage == Usage::Signing => Ok(()),
        Err(error) => Err(VerifyError::Refused(describe_error(&error))),
    }
}

/// Whether `end_entity` is valid for the DNS name `host`.
pub fn verify_name(end_entity: &[u8], host: &str) -> Result<(), VerifyError> {
    let der = CertificateDer::from(end_entity);
    let certificate =
        webpki::EndEntityCert::try_from(&der).map_err(|error| VerifyError::NotEndEntity(format!("{error:?}")))?;
    let name = ServerName::try_from(host)
        .map_err(|error| VerifyError::NotHostName { host: host.to_owned(), detail: error.to_string() })?;
    certificate.verify_is_valid_for_subject_name(&name).map_err(|error| VerifyError::Refused(describe_error(&error)))
}

/// webpki errors in words a vendor can act on.
fn describe_error(error: &webpki::Error) -> Msg {
    match error {
        webpki::Error::UnknownIssuer => msg!("pki-unknown-issuer"),
        webpki::Error::CertExpired { .. } => msg!("pki-expired"),
        webpki::Error::CertNotValidYet { .. } => msg!("pki-not-yet-valid"),
        webpki::Error::RequiredEkuNotFoundContext(_) => msg!("pki-eku-missing"),
        webpki::Error::CertNotValidForName(_) => msg!("pki-name-not-covered"),
        webpki::Error::InvalidSignatureForPublicKey => msg!("pki-bad-signature"),
        webpki::Error::UnsupportedSignatureAlgorithmContext(_)
        | webpki::Error::UnsupportedSignatureAlgorithmForPublicKeyContext(_) => msg!("pki-weak-algorithm"),
        webpki::Error::CaUsedAsEndEntity => msg!("pki-ca-as-end-entity"),
        webpki::Error::EndEntityUsedAsCa => msg!("pki-end-entity-as-ca"),
        other => msg!("pki-other", error = format!("{other:?}")),
    }
}
