//! Certificates for the fixtures: a DVV-style test hierarchy (root, intermediate), the vendor's
//! test server certificate (presented as the client certificate in mutual TLS) and its
//! system-signature certificate, plus variants that break one CERT requirement each.
//!
//! Signed with rcgen on ring using the RSA test keys in `xtask/test-keys/` (PKCS#1 v1.5
//! signatures are deterministic), with fixed serial numbers and validity dates, so the bytes are
//! reproducible and `cargo xtask fixtures --check` can compare them. Validity is chosen around
//! the fixtures' pinned instant (2026-11-23) and the round's end (2027-06-30).

use std::path::Path;

use anyhow::Context as _;
use rcgen::{
    BasicConstraints, CertificateParams, DistinguishedName, DnType, DnValue, ExtendedKeyUsagePurpose, IsCa, Issuer,
    KeyPair, KeyUsagePurpose, PublicKeyData, SerialNumber,
};

use crate::fixtures::write;

/// Where the ready bundle keeps its certificates (relative to the bundle).
pub(crate) const ROOT: &str = "connection/certs/dvv-test-root.pem";
pub(crate) const SERVER_PEM: &str = "connection/certs/palvelinvarmenne.pem";
pub(crate) const SERVER_DER: &str = "connection/certs/palvelinvarmenne.der";
pub(crate) const SIGNING: &str = "connection/certs/allekirjoitusvarmenne.pem";

const ORGANISATION_OID: &str = "1.2.246.10.12345671.12.1";
pub(crate) const HOST: &str = "ehr-testi.esimerkki-terveys.fi";

fn key(root: &Path, name: &str) -> anyhow::Result<KeyPair> {
    let pem = std::fs::read_to_string(root.join("xtask/test-keys").join(format!("{name}.pem")))
        .with_context(|| format!("read test key {name}"))?;
    Ok(KeyPair::from_pem_and_sign_algo(&pem, &rcgen::PKCS_RSA_SHA256)?)
}

/// The public half of a 1024-bit RSA key: ring cannot sign with keys that small, and only the
/// certificate's subject key is needed.
struct WeakPublicKey(Vec<u8>);

impl PublicKeyData for WeakPublicKey {
    fn der_bytes(&self) -> &[u8] {
        &self.0
    }

    fn algorithm(&self) -> &'static rcgen::SignatureAlgorithm {
        &rcgen::PKCS_RSA_SHA256
    }
}

fn name(parts: &[(DnType, &str)]) -> DistinguishedName {
    let mut name = DistinguishedName::new();
    for (kind, value) in parts {
        name.push(kind.clone(), DnValue::Utf8String((*value).to_owned()));
    }
    name
}

fn serial_number() -> DnType {
    DnType::CustomDnType(vec![2, 5, 4, 5])
}

fn params(serial: u8, from: (i32, u8, u8), to: (i32, u8, u8)) -> CertificateParams {
    let mut params = CertificateParams::default();
    params.serial_number = Some(SerialNumber::from(vec![0x10, serial]));
    params.not_before = rcgen::date_time_ymd(from.0, from.1, from.2);
    params.not_after = rcgen::date_time_ymd(to.0, to.1, to.2);
    params
}

fn ca_params(
    serial: u8,
    common_name: &str,
    organisation: &str,
    from: (i32, u8, u8),
    to: (i32, u8, u8),
) -> CertificateParams {
    let mut params = params(serial, from, to);
    params.distinguished_name = name(&[
        (DnType::CountryName, "FI"),
        (DnType::OrganizationName, organisation),
        (DnType::CommonName, common_name),
    ]);
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    params
}

/// How a leaf certificate departs from the good one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Variant {
    #[default]
    Good,
    /// Valid two years: longer than a DVV server certificate.
    TooLong,
    /// Expires within the catalog's 30-day margin of 2026-11-23.
    ExpiresSoon,
    /// Expired on 2026-10-31.
    Expired,
    /// Issued by a CA with a production name.
    ProductionIssuer,
    /// A 1024-bit RSA key.
    WeakKey,
    /// serialNumber under another organisation.
    OtherOrganisation,
    /// Signing certificate without digitalSignature.
    NoDigitalSignature,
    /// Issued by VRK's older test CA for healthcare service providers (the corpus certificate's).
    TestIssuerHealthcare,
    /// Issued by VRK's test CA for social welfare and health care service providers (2016 on).
    TestIssuerSocialWelfare,
    /// Issued by a DVV test CA with a name the catalog does not list (hypothetical: DVV renames
    /// its CAs with each hierarchy), in the unit of social welfare and health care test
    /// service certificates.
    UnlistedTestIssuer,
    /// The system-signature certificate is a professional's card certificate: issued by the
    /// test CA for healthcare professionals, a person in the subject, nonRepudiation only.
    ProfessionalSigning,
}

/// The PEM and DER files of a bundle's PKI.
pub(crate) struct Files {
    pub(crate) root_pem: String,
    pub(crate) server_pem: String,
    pub(crate) server_der: Vec<u8>,
    pub(crate) signing_pem: String,
    pub(crate) signing_der: Vec<u8>,
}

/// Builds the hierarchy and the two end-entity certificates, `variant` applied.
pub(crate) fn generate(root: &Path, variant: Variant) -> anyhow::Result<Files> {
    let root_params = ca_params(1, "VRK TEST Root CA - G2", "Vaestorekisterikeskus TEST", (2020, 1, 1), (2040, 1, 1));
    let root_key = key(root, "root")?;
    let root_certificate = root_params.self_signed(&root_key)?;
    let root_issuer = Issuer::new(root_params, root_key);

    let (intermediate_name, organisation, unit) = match variant {
        Variant::ProductionIssuer => {
            ("VRK CA for Healthcare Service Providers", "Vaestorekisterikeskus", "Terveydenhuollon palveluvarmenteet")
        }
        Variant::TestIssuerHealthcare => (
            "VRK TEST CA for Healthcare Service Providers",
            "Vaestorekisterikeskus TEST",
            "Terveydenhuollon testipalveluvarmenteet",
        ),
        Variant::TestIssuerSocialWelfare => (
            "VRK TEST CA for Social Welfare and Health Care Service Providers",
            "Vaestorekisterikeskus TEST",
            "Sosiaali- ja terveydenhuollon testipalveluvarmenteet",
        ),
        Variant::UnlistedTestIssuer => (
            "DVV TEST Sote Service Certificates - G9R",
            "Digi- ja vaestotietovirasto TEST",
            "Sosiaali- ja terveydenhuollon testipalveluvarmenteet",
        ),
        _ => ("DVV TEST Service Certificates - G5R", "Digi- ja vaestotietovirasto TEST", ""),
    };
    let mut intermediate_params = ca_params(2, intermediate_name, organisation, (2024, 1, 1), (2034, 1, 1));
    if !unit.is_empty() {
        intermediate_params.distinguished_name.push(DnType::OrganizationalUnitName, unit);
    }
    let intermediate_key = key(root, "intermediate")?;
    let intermediate = intermediate_params.signed_by(&intermediate_key, &root_issuer)?;
    let issuer = Issuer::new(intermediate_params, intermediate_key);

    let serial_oid = if variant == Variant::OtherOrganisation { "1.2.246.10.7654321.12.1" } else { ORGANISATION_OID };
    let (from, to) = match variant {
        Variant::TooLong => ((2026, 10, 1), (2028, 10, 1)),
        Variant::ExpiresSoon => ((2026, 1, 1), (2026, 12, 10)),
        Variant::Expired => ((2025, 11, 1), (2026, 10, 31)),
        _ => ((2026, 10, 1), (2027, 9, 30)),
    };
    let mut server = params(3, from, to);
    server.distinguished_name = name(&[
        (DnType::CountryName, "FI"),
        (DnType::OrganizationName, "Esimerkki Terveys Oy"),
        (serial_number(), serial_oid),
        (DnType::CommonName, HOST),
    ]);
    server.subject_alt_names = vec![rcgen::SanType::DnsName(HOST.try_into()?)];
    server.key_usages = vec![KeyUsagePurpose::DigitalSignature, KeyUsagePurpose::KeyEncipherment];
    server.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth, ExtendedKeyUsagePurpose::ClientAuth];
    let server_certificate = if variant == Variant::WeakKey {
        let public = std::fs::read(root.join("xtask/test-keys/weak-rsa-public-key.der")).context("weak key")?;
        server.signed_by(&WeakPublicKey(public), &issuer)?
    } else {
        server.signed_by(&key(root, "server")?, &issuer)?
    };

    let mut signing = params(4, (2026, 10, 1), (2028, 9, 29));
    signing.distinguished_name = name(&[
        (DnType::CountryName, "FI"),
        (DnType::OrganizationName, "Esimerkki Terveys Oy"),
        (serial_number(), ORGANISATION_OID),
        (DnType::CommonName, "Esimerkki EHR järjestelmäallekirjoitus"),
    ]);
    signing.key_usages = if variant == Variant::NoDigitalSignature {
        vec![KeyUsagePurpose::KeyEncipherment]
    } else {
        vec![KeyUsagePurpose::DigitalSignature, KeyUsagePurpose::ContentCommitment]
    };
    signing.is_ca = IsCa::ExplicitNoCa;
    let (signing_certificate, signing_intermediate) = if variant == Variant::ProfessionalSigning {
        // A test professional's card certificate, shaped like the ones in Kela's samples: the
        // person's register number as pseudonym, the Terhikki number as serialNumber.
        let mut professional_ca = ca_params(
            5,
            "VRK TEST CA for Healthcare Professionals",
            "Vaestorekisterikeskus TEST",
            (2024, 1, 1),
            (2034, 1, 1),
        );
        professional_ca
            .distinguished_name
            .push(DnType::OrganizationalUnitName, "Terveydenhuollon testiammattivarmenteet");
        let professional_key = key(root, "intermediate")?;
        let professional_intermediate = professional_ca.signed_by(&professional_key, &root_issuer)?;
        let professional_issuer = Issuer::new(professional_ca, professional_key);
        signing.distinguished_name = name(&[
            (DnType::CountryName, "FI"),
            (DnType::CustomDnType(vec![2, 5, 4, 65]), "900123"),
            (serial_number(), "99900012345"),
            (DnType::CustomDnType(vec![2, 5, 4, 42]), "Laura"),
            (DnType::CustomDnType(vec![2, 5, 4, 4]), "Lääkäri-Testi"),
            (DnType::CommonName, "Lääkäri-Testi Laura 99900012345"),
        ]);
        signing.key_usages = vec![KeyUsagePurpose::ContentCommitment];
        (signing.signed_by(&key(root, "signing")?, &professional_issuer)?, professional_intermediate)
    } else {
        (signing.signed_by(&key(root, "signing")?, &issuer)?, intermediate.clone())
    };

    Ok(Files {
        root_pem: root_certificate.pem(),
        // The server certificate followed by its intermediate, as a TLS peer presents the chain.
        server_pem: format!("{}{}", server_certificate.pem(), intermediate.pem()),
        server_der: server_certificate.der().to_vec(),
        signing_pem: format!("{}{}", signing_certificate.pem(), signing_intermediate.pem()),
        signing_der: signing_certificate.der().to_vec(),
    })
}

/// A root with another name and key: a `ca_bundle` that does not anchor the bundle's chain.
pub(crate) fn other_root(root: &Path) -> anyhow::Result<String> {
    let params = ca_params(9, "Esimerkki TEST Root CA", "Esimerkki Terveys Oy", (2020, 1, 1), (2040, 1, 1));
    Ok(params.self_signed(&key(root, "signing")?)?.pem())
}

/// Writes the PKI into a bundle folder.
pub(crate) fn write_into(bundle: &Path, files: &Files) -> anyhow::Result<()> {
    write(bundle, ROOT, files.root_pem.as_bytes())?;
    write(bundle, SERVER_PEM, files.server_pem.as_bytes())?;
    write(bundle, SERVER_DER, &files.server_der)?;
    write(bundle, SIGNING, files.signing_pem.as_bytes())
}

/// The workspace root, for the test keys (wherever xtask runs from: `cargo test` runs it in
/// `xtask/`).
pub(crate) fn workspace() -> &'static Path {
    static ROOT: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    ROOT.get_or_init(crate::workspace_root)
}

use crate::fixtures::{Expectation, Fixture, edit, remove};

macro_rules! fails {
    ($requirements:expr, $subject:literal, $message:literal) => {
        &[Expectation { args: &[], exit: 1, failing: $requirements, subject: $subject, message: $message }]
    };
}

/// Replaces the bundle's PKI with a variant.
fn variant(bundle: &Path, variant: Variant) -> anyhow::Result<()> {
    write_into(bundle, &generate(workspace(), variant)?)
}

pub(crate) fn fixtures() -> Vec<Fixture> {
    vec![
        Fixture {
            name: "conn-config-missing",
            rehash: true,
            change: |d| remove(d, "connection/connection.toml"),
            expectations: fails!(
                &["CONN-CONFIG"],
                "",
                "there is no connection/connection.toml; potilastiedon-arkisto needs one"
            ),
        },
        Fixture {
            name: "conn-config-schema",
            rehash: true,
            change: |d| edit(d, "connection/connection.toml", "client_certificate =", "client_cert ="),
            expectations: fails!(&["CONN-CONFIG"], "", "unknown field `client_cert`"),
        },
        Fixture {
            name: "conn-config-signing",
            rehash: true,
            change: |d| {
                edit(
                    d,
                    "connection/connection.toml",
                    "[signing]\ncertificate = \"certs/allekirjoitusvarmenne.pem\"",
                    "",
                )
            },
            expectations: fails!(
                &["CONN-CONFIG"],
                "",
                "has no [signing] certificate; potilastiedon-arkisto signs with one"
            ),
        },
        Fixture {
            name: "conn-endpoints-http",
            rehash: true,
            change: |d| edit(d, "connection/connection.toml", "url = \"https://", "url = \"http://"),
            expectations: fails!(&["CONN-ENDPOINTS"], "arkisto", "endpoint `arkisto` uses http, not https"),
        },
        Fixture {
            name: "conn-endpoints-service",
            rehash: true,
            change: |d| {
                edit(d, "connection/connection.toml", "service = \"potilastiedon-arkisto\"", "service = \"eresepti\"")
            },
            expectations: fails!(&["CONN-ENDPOINTS"], "arkisto", "service `eresepti` is not declared in manifest.toml"),
        },
        Fixture {
            name: "conn-endpoints-production",
            rehash: true,
            change: |d| edit(d, "connection/connection.toml", HOST, "arkisto.prod.kanta.fi"),
            // The certificate does not cover the production host either.
            expectations: fails!(
                &["CONN-ENDPOINTS", "CERT-SUBJECT"],
                "arkisto",
                "host `arkisto.prod.kanta.fi` is a production address"
            ),
        },
        Fixture {
            name: "conn-source-ips",
            rehash: true,
            change: |d| edit(d, "connection/connection.toml", "\"10.12.34.56\"", "\"10.12.34.256\""),
            expectations: fails!(&["CONN-SOURCE-IPS"], "", "`10.12.34.256` is not an IP address"),
        },
        Fixture {
            name: "cert-parse",
            rehash: true,
            change: |d| write(d, SERVER_PEM, "Palvelinvarmenne tilattu DVV:ltä, toimitus odottaa.\n".as_bytes()),
            expectations: fails!(
                &["CERT-PARSE"],
                "connection/certs/palvelinvarmenne.pem",
                "neither PEM nor a DER X.509 certificate"
            ),
        },
        Fixture {
            name: "cert-parse-copies",
            rehash: true,
            change: |d| {
                // A DER copy left over from another certificate.
                let files = generate(workspace(), Variant::Good)?;
                write(d, SERVER_DER, &files.signing_der)
            },
            expectations: fails!(
                &["CERT-PARSE"],
                "connection/certs/palvelinvarmenne.pem",
                "are different certificates"
            ),
        },
        Fixture {
            name: "cert-validity",
            rehash: true,
            change: |d| variant(d, Variant::TooLong),
            expectations: fails!(
                &["CERT-VALIDITY"],
                "connection/certs/palvelinvarmenne.pem",
                "a DVV server certificate is valid for at most 365"
            ),
        },
        Fixture {
            name: "cert-validity-expired",
            rehash: true,
            change: |d| variant(d, Variant::Expired),
            // An expired certificate also breaks its chain.
            expectations: fails!(
                &["CERT-CHAIN", "CERT-VALIDITY"],
                "connection/certs/palvelinvarmenne.pem",
                "expired on 2026-10-31 (notAfter)"
            ),
        },
        Fixture {
            name: "cert-validity-expiring",
            rehash: true,
            change: |d| variant(d, Variant::ExpiresSoon),
            expectations: &[
                Expectation {
                    args: &[],
                    exit: 0,
                    failing: &[],
                    subject: "",
                    message: "expires on 2026-12-10 (notAfter), within 30 days",
                },
                Expectation {
                    args: &["--strict"],
                    exit: 1,
                    failing: &["CERT-VALIDITY"],
                    subject: "connection/certs/palvelinvarmenne.pem",
                    message: "expires on 2026-12-10 (notAfter), within 30 days",
                },
            ],
        },
        Fixture {
            name: "cert-issuer",
            rehash: true,
            change: |d| variant(d, Variant::ProductionIssuer),
            expectations: fails!(
                &["CERT-ISSUER"],
                "connection/certs/palvelinvarmenne.pem",
                "is a production certificate: issuer `VRK CA for Healthcare Service Providers`"
            ),
        },
        Fixture {
            name: "cert-issuer-test-healthcare",
            rehash: true,
            change: |d| variant(d, Variant::TestIssuerHealthcare),
            expectations: &[Expectation {
                args: &["-v"],
                exit: 0,
                failing: &[],
                subject: "",
                message: "ok CERT-ISSUER: connection/certs/palvelinvarmenne.pem",
            }],
        },
        Fixture {
            name: "cert-issuer-test-social-welfare",
            rehash: true,
            change: |d| variant(d, Variant::TestIssuerSocialWelfare),
            expectations: &[Expectation {
                args: &["-v"],
                exit: 0,
                failing: &[],
                subject: "",
                message: "ok CERT-ISSUER: connection/certs/allekirjoitusvarmenne.pem",
            }],
        },
        Fixture {
            name: "cert-issuer-test-unit",
            rehash: true,
            change: |d| variant(d, Variant::UnlistedTestIssuer),
            expectations: &[Expectation {
                args: &["-v"],
                exit: 0,
                failing: &[],
                subject: "",
                message: "ok CERT-ISSUER: connection/certs/palvelinvarmenne.pem",
            }],
        },
        Fixture {
            name: "cert-issuer-professional",
            rehash: true,
            change: |d| variant(d, Variant::ProfessionalSigning),
            expectations: fails!(
                &["CERT-ISSUER", "CERT-USAGE", "CERT-SUBJECT"],
                "connection/certs/allekirjoitusvarmenne.pem",
                "is a professional's (personal) certificate: issuer `VRK TEST CA for Healthcare Professionals`, OU `Terveydenhuollon testiammattivarmenteet` is the CA of healthcare professionals' cards, not a service-certificate CA"
            ),
        },
        Fixture {
            name: "cert-usage",
            rehash: true,
            change: |d| variant(d, Variant::NoDigitalSignature),
            expectations: fails!(
                &["CERT-USAGE"],
                "connection/certs/allekirjoitusvarmenne.pem",
                "cannot sign: keyUsage is keyEncipherment, without digitalSignature"
            ),
        },
        Fixture {
            name: "cert-key",
            rehash: true,
            change: |d| variant(d, Variant::WeakKey),
            expectations: fails!(&["CERT-KEY"], "connection/certs/palvelinvarmenne.pem", "has a RSA 1024 key"),
        },
        Fixture {
            name: "cert-subject",
            rehash: true,
            change: |d| variant(d, Variant::OtherOrganisation),
            expectations: fails!(
                &["CERT-SUBJECT"],
                "connection/certs/palvelinvarmenne.pem",
                "subject serialNumber `1.2.246.10.7654321.12.1`"
            ),
        },
        Fixture {
            name: "cert-chain",
            rehash: true,
            change: |d| write(d, ROOT, other_root(workspace())?.as_bytes()),
            expectations: fails!(
                &["CERT-CHAIN"],
                "connection/certs/palvelinvarmenne.pem",
                "does not validate to ca_bundle for mutual TLS (clientAuth)"
            ),
        },
    ]
}
