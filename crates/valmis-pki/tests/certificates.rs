//! Certificate inspection and chain verification on a real DVV test certificate and on
//! hierarchies generated here with rcgen (explicit validity dates).

use jiff::Timestamp;
use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair, KeyUsagePurpose,
};
use valmis_pki::{Key, Usage, read_certificates, verify_chain, verify_name};

fn corpus(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/../../fixtures/certs/{name}", env!("CARGO_MANIFEST_DIR"))).expect("corpus certificate")
}

fn at(text: &str) -> Timestamp {
    text.parse().expect("timestamp")
}

#[test]
fn the_real_vrk_test_certificate_reads_the_same_from_pem_and_der() {
    let pem = read_certificates(&corpus("vrk-test-system-signature-2013.pem")).expect("PEM");
    let der = read_certificates(&corpus("vrk-test-system-signature-2013.der")).expect("DER");
    assert_eq!(pem, der, "the PEM and DER copies are one certificate");
    let [certificate] = pem.as_slice() else { panic!("one certificate") };
    assert_eq!(certificate.issuer_common_name.as_deref(), Some("VRK TEST CA for Healthcare Service Providers"));
    assert_eq!(certificate.subject_serial_number.as_deref(), Some("1.2.246.556.10001.1"));
    assert_eq!(certificate.subject_common_name.as_deref(), Some("INT_Reseptikeskus"));
    assert_eq!(certificate.key, Key::Rsa { bits: 2048 });
    assert_eq!(certificate.signature_algorithm, "sha1WithRSAEncryption");
    assert!(certificate.weak_signature, "SHA-1");
    assert!(!certificate.is_ca);
    assert_eq!(
        certificate.key_usage.as_deref(),
        Some(&["digitalSignature".to_owned(), "nonRepudiation".to_owned()][..])
    );
    assert!(certificate.not_after < at("2026-11-23T00:00:00Z"), "expired");
    assert!(certificate.validity_days() > 730, "longer than today's two-year maximum: {}", certificate.validity_days());
}

#[test]
fn garbage_is_a_clear_error() {
    let error = read_certificates(b"not a certificate").expect_err("garbage");
    assert!(error.to_string().contains("neither PEM nor a DER"), "{error}");
    let error =
        read_certificates(b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n").expect_err("bad PEM");
    assert!(error.to_string().contains("PEM certificate 1 is not a valid X.509"), "{error}");
    let error =
        read_certificates(b"-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n").expect_err("no cert");
    assert!(error.to_string().contains("no CERTIFICATE block"), "{error}");
}

struct Pki {
    root: rcgen::Certificate,
    intermediate: rcgen::Certificate,
    issuer: Issuer<'static, KeyPair>,
}

fn ca(name: &str) -> CertificateParams {
    let mut params = CertificateParams::new(Vec::<String>::new()).expect("params");
    params.distinguished_name.push(DnType::CommonName, name);
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    params.not_before = rcgen::date_time_ymd(2025, 1, 1);
    params.not_after = rcgen::date_time_ymd(2035, 1, 1);
    params
}

fn pki() -> Pki {
    let root_key = KeyPair::generate().expect("key");
    let root_params = ca("VRK TEST Root CA - G2");
    let root = root_params.self_signed(&root_key).expect("root");
    let root_issuer = Issuer::new(root_params, root_key);
    let intermediate_key = KeyPair::generate().expect("key");
    let intermediate_params = ca("DVV TEST Service Certificates - G5R");
    let intermediate = intermediate_params.signed_by(&intermediate_key, &root_issuer).expect("intermediate");
    Pki { root, intermediate, issuer: Issuer::new(intermediate_params, intermediate_key) }
}

fn leaf(pki: &Pki, host: &str, usages: &[ExtendedKeyUsagePurpose], from: (i32, u8, u8), to: (i32, u8, u8)) -> Vec<u8> {
    let mut params = CertificateParams::new(vec![host.to_owned()]).expect("params");
    params.distinguished_name.push(DnType::CommonName, host);
    params.extended_key_usages = usages.to_vec();
    params.not_before = rcgen::date_time_ymd(from.0, from.1, from.2);
    params.not_after = rcgen::date_time_ymd(to.0, to.1, to.2);
    params.signed_by(&KeyPair::generate().expect("key"), &pki.issuer).expect("leaf").der().to_vec()
}

#[test]
fn chains_verify_for_their_usage_at_the_given_instant() {
    let pki = pki();
    let both = [ExtendedKeyUsagePurpose::ServerAuth, ExtendedKeyUsagePurpose::ClientAuth];
    let server = leaf(&pki, "ehr.esimerkki-terveys.fi", &both, (2026, 6, 1), (2027, 5, 31));
    let now = at("2026-11-23T12:00:00Z");
    let chain = [pki.intermediate.der().as_ref()];
    let anchors = [pki.root.der().as_ref()];
    assert_eq!(verify_chain(&server, &chain, &anchors, now, Usage::ClientAuth), Ok(()));
    assert_eq!(verify_chain(&server, &chain, &anchors, now, Usage::ServerAuth), Ok(()));
    assert_eq!(verify_name(&server, "ehr.esimerkki-terveys.fi"), Ok(()));
    assert!(verify_name(&server, "muu.esimerkki.fi").expect_err("other host").to_string().contains("does not cover"));
    // A caller tells the kinds apart without reading the words.
    assert!(matches!(verify_name(&server, "ei isäntä"), Err(valmis_pki::VerifyError::NotHostName { .. })));
    assert!(matches!(
        verify_name(b"garbage", "ehr.esimerkki-terveys.fi"),
        Err(valmis_pki::VerifyError::NotEndEntity(_))
    ));
    assert!(matches!(verify_name(&server, "muu.esimerkki.fi"), Err(valmis_pki::VerifyError::Refused(_))));

    let error = verify_chain(&server, &[], &anchors, now, Usage::ClientAuth).expect_err("no intermediate").to_string();
    assert!(error.contains("unknown issuer"), "{error}");
    // A root with the same name but another key (a re-issued or forged test CA).
    let other = self::pki();
    let error = verify_chain(&server, &chain, &[other.root.der().as_ref()], now, Usage::ClientAuth)
        .expect_err("wrong CA")
        .to_string();
    assert!(error.contains("signature in the chain does not verify"), "{error}");
    let error = verify_chain(&server, &chain, &anchors, at("2027-07-01T00:00:00Z"), Usage::ClientAuth)
        .expect_err("later")
        .to_string();
    assert!(error.contains("expired"), "{error}");

    let server_only =
        leaf(&pki, "ehr.esimerkki-terveys.fi", &[ExtendedKeyUsagePurpose::ServerAuth], (2026, 6, 1), (2027, 5, 31));
    let error =
        verify_chain(&server_only, &chain, &anchors, now, Usage::ClientAuth).expect_err("no clientAuth").to_string();
    assert!(error.contains("extended key usage"), "{error}");

    let signing = leaf(&pki, "allekirjoitus", &[], (2026, 6, 1), (2028, 5, 31));
    assert_eq!(verify_chain(&signing, &chain, &anchors, now, Usage::Signing), Ok(()), "no EKU needed to sign");
    let certificate = &read_certificates(&server).expect("reads")[0];
    assert!(certificate.allows("clientAuth") && certificate.allows("serverAuth"));
    assert_eq!(certificate.dns_names, ["ehr.esimerkki-terveys.fi"]);
    assert_eq!(certificate.issuer_common_name.as_deref(), Some("DVV TEST Service Certificates - G5R"));
    assert!(matches!(certificate.key, Key::Ec { ref curve, bits: 256 } if curve == "P-256"));
}
