//! Security Whitepaper use cases: security events, certificate signing requests (checked, kept
//! for an operator or signed by a configured CA and sent back in CertificateSigned), log uploads
//! and signed firmware updates with their status notifications; and the commands operators
//! send (`impl OnBehalf` below), with the rows they leave.
//!
//! With `station.rs` and `transaction.rs`, one of the modules that write entities.
//!
//! **Certificate signing requests.** A CSR is answered `Accepted` when chargegate can process
//! it: PEM, a PKCS#10 request whose signature verifies, and a subject and key that the
//! whitepaper's certificate rules allow (§2.6.1: a CN that is the charge point's identity or
//! serial number and not a URL or IP address, an O, RSA ≥ 2048 or EC ≥ 224 bits). Anything
//! else is answered `Rejected`, and the row keeps the reason. An accepted request waits
//! (`Pending`) for an operator's `certificateSigned`, or, with `--csr-ca-cert` and
//! `--csr-ca-key`, is signed here at once and sent to the station after the answer.
//!
//! **OCPP 2.0.1.** A 2.0.1 station's SignCertificate takes the same path; its certificate goes
//! back in 2.0.1's CertificateSigned, typed as the CSR asked ([`Signing::for_v201`]). The
//! certificate commands send 2.0.1's messages to a 2.0.1 station; certificate kinds are named
//! by 2.0.1's `GetCertificateIdUseEnum` (1.6's `CentralSystemRootCertificate` is its
//! `CSMSRootCertificate`), and the kinds 1.6 lacks are refused for a 1.6 station.

use std::{net::IpAddr, sync::Arc, time::Duration};

use chrono::{DateTime, Utc};
use entity::{
    certificate_signing_request as csr_row, log_request, log_status_notification, security_event,
    signed_firmware_status_notification, signed_firmware_update, station,
};
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, EntityTrait, QueryFilter, QueryOrder, TryInsertResult,
};
use x509_parser::{
    certification_request::X509CertificationRequest,
    error::{PEMError, X509Error},
    pem::Pem,
    prelude::FromDer,
    public_key::PublicKey,
    x509::X509Name,
};

use ocpp::rpc::CommandError;

use crate::{
    bus::Event,
    config::Settings,
    context::Context,
    store::StoreError,
    use_case::command::{self, OnBehalf, Refused, at_least, text},
};
use ocpp::{
    rpc::{Command, Version},
    v16::{CiString, EmptyResponse, StatusResponse, Timestamp, security_ext::*},
    v201::{self, GetCertificateIdUseEnum as CertificateKind},
};

/// States of a certificate signing request (`certificate_signing_requests.state`).
pub mod state {
    /// Answered Rejected: it could not be processed.
    pub const REJECTED: &str = "Rejected";
    /// Answered Accepted; no certificate accepted by the station yet.
    pub const PENDING: &str = "Pending";
    /// The station accepted the certificate sent in CertificateSigned.
    pub const ACCEPTED: &str = "Accepted";
    /// The station rejected the certificate sent in CertificateSigned.
    pub const CERTIFICATE_REJECTED: &str = "CertificateRejected";
}

/// `signed_by` of certificates chargegate's configured CA signed.
pub const SIGNED_BY_CA: &str = "ca";

// ---------------------------------------------------------------------------------------------
// Station → central system.

/// SecurityEventNotification: stored (once, should the station send it again) and published.
pub async fn security_event(
    ctx: &Context,
    station_id: &Arc<str>,
    req: SecurityEventNotificationRequest,
) -> Result<EmptyResponse, StoreError> {
    let now = Utc::now();
    let row = security_event::ActiveModel {
        id: NotSet,
        station_id: Set(station_id.to_string()),
        event_type: Set(req.kind.as_str().to_owned()),
        timestamp: Set(req.timestamp.0),
        tech_info: Set(req.tech_info.as_ref().map(|t| t.as_str().to_owned())),
        received_at: Set(now),
    };
    let inserted = ctx
        .store
        .write(move |txn| {
            let row = row.clone();
            Box::pin(async move {
                let inserted = security_event::Entity::insert(row)
                    .on_conflict_do_nothing_on([
                        security_event::Column::StationId,
                        security_event::Column::EventType,
                        security_event::Column::Timestamp,
                    ])
                    .exec(txn)
                    .await?;
                Ok(match inserted {
                    TryInsertResult::Inserted(result) => Some(result.last_insert_id),
                    _ => None,
                })
            })
        })
        .await?;
    if let Some(id) = inserted {
        ctx.publish(Event::SecurityEvent {
            station_id: station_id.to_string(),
            id,
            event_type: req.kind.into_string(),
            timestamp: req.timestamp.0,
            tech_info: req.tech_info.map(CiString::into_string),
            received_at: now,
        })
        .await;
    }
    Ok(EmptyResponse {})
}

/// LogStatusNotification: stored (matched to its GetLog by `requestId` when read) and
/// published.
pub async fn log_status(
    ctx: &Context,
    station_id: &Arc<str>,
    req: LogStatusNotificationRequest,
) -> Result<EmptyResponse, StoreError> {
    let now = Utc::now();
    let row = log_status_notification::ActiveModel {
        id: NotSet,
        station_id: Set(station_id.to_string()),
        request_id: Set(req.request_id),
        status: Set(req.status.as_str().to_owned()),
        received_at: Set(now),
    };
    ctx.store.insert(row).await?;
    ctx.publish(Event::LogStatus {
        station_id: station_id.to_string(),
        status: req.status,
        request_id: req.request_id,
        at: now,
    })
    .await;
    Ok(EmptyResponse {})
}

/// SignedFirmwareStatusNotification: stored (matched to its SignedUpdateFirmware by
/// `requestId` when read) and published.
pub async fn signed_firmware_status(
    ctx: &Context,
    station_id: &Arc<str>,
    req: SignedFirmwareStatusNotificationRequest,
) -> Result<EmptyResponse, StoreError> {
    let now = Utc::now();
    let row = signed_firmware_status_notification::ActiveModel {
        id: NotSet,
        station_id: Set(station_id.to_string()),
        request_id: Set(req.request_id),
        status: Set(req.status.as_str().to_owned()),
        received_at: Set(now),
    };
    ctx.store.insert(row).await?;
    ctx.publish(Event::SignedFirmwareStatus {
        station_id: station_id.to_string(),
        status: req.status,
        request_id: req.request_id,
        at: now,
    })
    .await;
    Ok(EmptyResponse {})
}

/// The CA's work for an accepted request, to start once the SignCertificate answer is on its
/// way (see [`Signing::spawn`]).
pub struct Signing {
    ctx: Arc<Context>,
    station_id: Arc<str>,
    request: i32,
    csr: CsrInfo,
    signed_for: SignedFor,
}

/// Which CertificateSigned carries a certificate: the Security Whitepaper's (1.6), or 2.0.1's
/// with the `certificateType` the CSR asked for (omitted when the CSR gave none).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignedFor {
    V16,
    V201(Option<v201::CertificateSigningUseEnum>),
}

/// Sends CertificateSigned as `signed_for` says; the station's verdict in the whitepaper's
/// terms (2.0.1's are the same).
async fn send_signed(
    ctx: &Context,
    station_id: &str,
    chain: &CiString<10000>,
    signed_for: SignedFor,
) -> Result<CertificateSignedStatus, CommandError> {
    match signed_for {
        SignedFor::V16 => {
            let command = CertificateSigned {
                certificate_chain: chain.clone(),
            };
            Ok(command::send(ctx, station_id, &command).await?.status)
        }
        SignedFor::V201(certificate_type) => {
            let command = v201::CertificateSignedRequest {
                certificate_chain: chain.clone(),
                certificate_type,
                custom_data: None,
            };
            let status = command::send(ctx, station_id, &command).await?.status;
            Ok(CertificateSignedStatus::from_wire(status.as_str())
                .unwrap_or(CertificateSignedStatus::Rejected))
        }
    }
}

impl Signing {
    /// The certificate goes back in 2.0.1's CertificateSigned, of the type the station's
    /// SignCertificate asked for.
    pub fn for_v201(mut self, certificate_type: Option<v201::CertificateSigningUseEnum>) -> Self {
        self.signed_for = SignedFor::V201(certificate_type);
        self
    }

    /// Signs and sends CertificateSigned on a task of its own.
    ///
    /// Call it after the answer is encoded, with no await between that and returning it: the
    /// session writes the answer of its in-flight CALL before it takes the next command from its
    /// queue (its `select!` is biased towards the answer), so the station gets the
    /// SignCertificate answer before the CertificateSigned CALL.
    pub fn spawn(self) {
        tokio::spawn(async move {
            let Signing {
                ctx,
                station_id,
                request,
                csr,
                signed_for,
            } = self;
            // Reading the CA files (read each time, so a renewed CA needs no restart) and signing
            // block: off the runtime's threads.
            let settings = ctx.settings.clone();
            let chain = tokio::task::spawn_blocking(move || -> Result<String, NotSigned> {
                let ca = load_ca(&settings)?.ok_or(CaError::NotConfigured)?;
                Ok(ca.sign(&csr, settings.csr_certificate_validity.0)?)
            })
            .await
            .unwrap_or_else(|e| Err(NotSigned::Task(e)));
            let chain = chain.and_then(|c| CiString::<10000>::new(c).map_err(NotSigned::Chain));
            let chain = match chain {
                Ok(chain) => chain,
                Err(reason) => {
                    tracing::warn!(station = %station_id, request, %reason, "CSR not signed");
                    let _ = note_failure(&ctx, request, format!("not signed: {reason}")).await;
                    return;
                }
            };
            let answer = send_signed(&ctx, &station_id, &chain, signed_for).await;
            if let Err(e) = &answer {
                tracing::warn!(station = %station_id, request, error = %e, "CertificateSigned not answered");
            }
            let _ = record_sent(&ctx, request, &chain, SIGNED_BY_CA, &answer).await;
        });
    }
}

/// Why a CSR the configured CA was to sign got no certificate (kept on its row).
#[derive(Debug, thiserror::Error)]
enum NotSigned {
    #[error(transparent)]
    Ca(#[from] CaError),
    #[error(transparent)]
    Sign(#[from] SignError),
    #[error("signing task failed: {0}")]
    Task(tokio::task::JoinError),
    /// The chain does not fit CertificateSigned's `certificateChain`.
    #[error("certificate chain: {0}")]
    Chain(ocpp::v16::TooLong),
}

/// SignCertificate: the CSR is read and checked and kept with its state; the answer is
/// `Accepted` when it can be processed. With a CA configured, the returned [`Signing`] signs it
/// and sends the certificate.
pub async fn sign_certificate(
    ctx: &Arc<Context>,
    station_id: &Arc<str>,
    req: SignCertificateRequest,
) -> Result<(SignCertificateResponse, Option<Signing>), StoreError> {
    let now = Utc::now();
    let pem = req.csr.as_str();
    let read = read_csr(pem);
    let checked = match &read {
        Ok(info) => {
            let identities = station_identities(ctx, station_id).await?;
            check_csr(info, &identities, ctx.settings.cpo_name.as_deref())
                .map_err(|e| e.to_string())
        }
        Err(e) => Err(e.to_string()),
    };
    let accepted = checked.is_ok();
    let (common_name, organization) = match &read {
        Ok(info) => (info.common_name.clone(), info.organization.clone()),
        Err(_) => (None, None),
    };
    let row = csr_row::ActiveModel {
        id: NotSet,
        station_id: Set(station_id.to_string()),
        csr: Set(pem.to_owned()),
        common_name: Set(common_name),
        organization: Set(organization),
        state: Set(if accepted {
            state::PENDING
        } else {
            state::REJECTED
        }
        .to_owned()),
        reason: Set(checked.as_ref().err().cloned()),
        certificate_chain: Set(None),
        signed_by: Set(None),
        sent_at: Set(None),
        station_status: Set(None),
        answered_at: Set(None),
        received_at: Set(now),
    };
    let id = ctx.store.insert(row).await?.id;
    if let Err(reason) = &checked {
        tracing::info!(station = %station_id, request = id, %reason, "CSR rejected");
    }
    ctx.publish(Event::CertificateSigningRequest {
        station_id: station_id.to_string(),
        id,
        state: if accepted {
            state::PENDING
        } else {
            state::REJECTED
        }
        .to_owned(),
        at: now,
    })
    .await;
    let status = if accepted {
        GenericStatus::Accepted
    } else {
        GenericStatus::Rejected
    };
    let signing = match read {
        Ok(csr) if accepted && ctx.settings.csr_ca_cert.is_some() => Some(Signing {
            ctx: ctx.clone(),
            station_id: station_id.clone(),
            request: id,
            csr,
            signed_for: SignedFor::V16,
        }),
        _ => None,
    };
    Ok((SignCertificateResponse { status }, signing))
}

/// The names a station's certificate may carry as CN: its charge point identity and the serial
/// numbers of its last BootNotification.
async fn station_identities(ctx: &Context, station_id: &str) -> Result<Vec<String>, StoreError> {
    let row = station::Entity::find_by_id(station_id)
        .one(ctx.store.reader())
        .await?;
    let mut names = vec![station_id.to_owned()];
    if let Some(row) = row {
        names.extend(row.charge_point_serial_number);
        names.extend(row.charge_box_serial_number);
    }
    Ok(names)
}

/// Keeps why a request's certificate could not be signed or sent; its state stays.
async fn note_failure(ctx: &Context, id: i32, reason: String) -> Result<(), StoreError> {
    ctx.store
        .write(move |txn| {
            let reason = reason.clone();
            Box::pin(async move {
                csr_row::Entity::update_many()
                    .col_expr(
                        csr_row::Column::Reason,
                        sea_orm::sea_query::Expr::value(reason),
                    )
                    .filter(csr_row::Column::Id.eq(id))
                    .exec(txn)
                    .await?;
                Ok(())
            })
        })
        .await
}

/// Records a CertificateSigned sent for request `id`: the chain, who signed it, the station's
/// answer and the new state (or, without an answer, why).
async fn record_sent(
    ctx: &Context,
    id: i32,
    chain: &CiString<10000>,
    signed_by: &str,
    answer: &Result<CertificateSignedStatus, CommandError>,
) -> Result<(), StoreError> {
    let now = Utc::now();
    let (new_state, station_status, reason) = match answer {
        Ok(status) => (
            Some(match status {
                CertificateSignedStatus::Accepted => state::ACCEPTED,
                CertificateSignedStatus::Rejected => state::CERTIFICATE_REJECTED,
            }),
            Some(status.as_str().to_owned()),
            None,
        ),
        Err(e) => (None, None, Some(format!("CertificateSigned: {e}"))),
    };
    let mut row = csr_row::ActiveModel {
        id: Set(id),
        certificate_chain: Set(Some(chain.as_str().to_owned())),
        signed_by: Set(Some(signed_by.to_owned())),
        sent_at: Set(Some(now)),
        reason: Set(reason),
        ..Default::default()
    };
    if let (Some(new_state), Some(status)) = (new_state, station_status) {
        row.state = Set(new_state.to_owned());
        row.station_status = Set(Some(status));
        row.answered_at = Set(Some(now));
    }
    let station_id = ctx
        .store
        .write(move |txn| {
            let row = row.clone();
            Box::pin(async move {
                let updated = csr_row::Entity::update(row).exec(txn).await?;
                Ok(updated.station_id)
            })
        })
        .await?;
    if let Some(new_state) = new_state {
        ctx.publish(Event::CertificateSigningRequest {
            station_id,
            id,
            state: new_state.to_owned(),
            at: now,
        })
        .await;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// CSRs and certificates: reading and checking (pure, unit-tested).

/// Why a certificate signing request could not be read (kept on its row as the reason).
#[derive(Debug, thiserror::Error)]
pub enum CsrError {
    #[error("not readable as PEM: {0}")]
    Pem(PEMError),
    /// No PEM block of this label.
    #[error("no PEM block (-----BEGIN {0}-----)")]
    NoPemBlock(&'static str),
    #[error("more than one PEM block")]
    SeveralPemBlocks,
    #[error("a PEM block labelled {found:?}, not {expected}")]
    WrongLabel {
        found: String,
        expected: &'static str,
    },
    #[error("not a PKCS#10 certificate signing request: {0}")]
    NotPkcs10(x509_parser::nom::Err<X509Error>),
    #[error("bytes after the certificate signing request")]
    TrailingBytes,
    /// The request is not signed by the key it carries.
    #[error("the request's signature does not verify: {0}")]
    BadSignature(X509Error),
    /// The subject has this attribute (CN, O, OU) more than once.
    #[error("the subject has more than one {0}")]
    SeveralNames(&'static str),
    /// The subject's attribute (CN, O, OU) is not a string.
    #[error("the subject's {0} is not a string")]
    NameNotText(&'static str),
}

/// Which of the whitepaper's rules for a charge point certificate (§2.6.1) a readable request
/// breaks (kept on its row as the reason).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CsrRejection {
    #[error("the subject has no CN (the charge point's serial number)")]
    NoCommonName,
    #[error("the CN {0:?} is a URL or an IP address")]
    CommonNameIsAddress(String),
    #[error("the CN {0:?} is neither the charge point's identity nor a serial number it reported")]
    UnknownCommonName(String),
    #[error("the subject has no O (the CPO name)")]
    NoOrganization,
    /// With `--cpo-name`: an O that does not contain it (A00.FR.404).
    #[error("the O {organization:?} does not name the CPO {cpo:?} (A00.FR.404)")]
    NotTheCpo { organization: String, cpo: String },
    #[error("a {kind} key of {bits} bits is too weak (RSA needs 2048 bits, EC 224)")]
    WeakKey { kind: &'static str, bits: usize },
}

/// Why a PEM text is not a list of certificates; blocks are counted from 1.
#[derive(Debug, thiserror::Error)]
pub enum CertificateError {
    #[error("PEM block {block}: not readable: {error}")]
    Unreadable { block: usize, error: PEMError },
    #[error("PEM block {block} is labelled {label:?}, not CERTIFICATE")]
    NotCertificate { block: usize, label: String },
    #[error("PEM block {block}: not an X.509 certificate: {error}")]
    NotX509 {
        block: usize,
        error: x509_parser::nom::Err<X509Error>,
    },
    #[error("PEM block {block}: bytes after the certificate")]
    TrailingBytes { block: usize },
    #[error("no PEM certificate (-----BEGIN CERTIFICATE-----)")]
    NoCertificate,
}

/// What chargegate reads from a CSR.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsrInfo {
    pub common_name: Option<String>,
    pub organization: Option<String>,
    pub organizational_unit: Option<String>,
    /// The DER SubjectPublicKeyInfo.
    pub public_key: Vec<u8>,
    /// `RSA`, `EC`, `Ed25519`… and the key size in bits (0 when unknown).
    pub key_kind: &'static str,
    pub key_bits: usize,
}

/// The only attribute of `kind` in `name`, or `None`; an error when there are several or it is
/// not a string.
fn single<'a>(
    mut values: impl Iterator<Item = &'a x509_parser::x509::AttributeTypeAndValue<'a>>,
    what: &'static str,
) -> Result<Option<String>, CsrError> {
    let Some(first) = values.next() else {
        return Ok(None);
    };
    if values.next().is_some() {
        return Err(CsrError::SeveralNames(what));
    }
    first
        .as_str()
        .map(|s| Some(s.to_owned()))
        .map_err(|_| CsrError::NameNotText(what))
}

/// A subject's CN, O and OU.
type Names = (Option<String>, Option<String>, Option<String>);

fn names(subject: &X509Name<'_>) -> Result<Names, CsrError> {
    Ok((
        single(subject.iter_common_name(), "CN")?,
        single(subject.iter_organization(), "O")?,
        single(subject.iter_organizational_unit(), "OU")?,
    ))
}

/// The one PEM block of `pem`, which must be labelled `label` (or `NEW label`).
fn one_pem(pem: &str, label: &'static str) -> Result<Pem, CsrError> {
    let mut blocks = Pem::iter_from_buffer(pem.as_bytes());
    let block = match blocks.next() {
        Some(Ok(block)) => block,
        Some(Err(e)) => return Err(CsrError::Pem(e)),
        None => return Err(CsrError::NoPemBlock(label)),
    };
    if blocks.next().is_some() {
        return Err(CsrError::SeveralPemBlocks);
    }
    if block.label != label && block.label != format!("NEW {label}") {
        return Err(CsrError::WrongLabel {
            found: block.label,
            expected: label,
        });
    }
    Ok(block)
}

/// Reads a PEM encoded PKCS#10 request (RFC 2986) and verifies its signature (the station
/// holds the private key).
pub fn read_csr(pem: &str) -> Result<CsrInfo, CsrError> {
    let block = one_pem(pem, "CERTIFICATE REQUEST")?;
    let (rest, csr) =
        X509CertificationRequest::from_der(&block.contents).map_err(CsrError::NotPkcs10)?;
    if !rest.is_empty() {
        return Err(CsrError::TrailingBytes);
    }
    csr.verify_signature().map_err(CsrError::BadSignature)?;
    let info = &csr.certification_request_info;
    let (common_name, organization, organizational_unit) = names(&info.subject)?;
    let (key_kind, key_bits) = match info.subject_pki.parsed() {
        Ok(PublicKey::RSA(rsa)) => ("RSA", rsa.key_size()),
        Ok(PublicKey::EC(ec)) => ("EC", ec.key_size()),
        Ok(PublicKey::DSA(_)) => ("DSA", 0),
        _ => match info.subject_pki.algorithm.algorithm.to_id_string().as_str() {
            "1.3.101.112" => ("Ed25519", 256),
            "1.3.101.113" => ("Ed448", 456),
            _ => ("unknown", 0),
        },
    };
    Ok(CsrInfo {
        common_name,
        organization,
        organizational_unit,
        public_key: info.subject_pki.raw.to_vec(),
        key_kind,
        key_bits,
    })
}

/// Whether `name` looks like a URL or an IP address, which a charge point's CN must not be
/// (whitepaper A00.FR.511).
fn url_or_ip(name: &str) -> bool {
    name.contains("://")
        || name.parse::<IpAddr>().is_ok()
        || name
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<IpAddr>()
            .is_ok()
}

/// The whitepaper's rules for a charge point certificate, applied to its request: a CN that is
/// one of `identities` (A00.FR.405, A00.FR.511: the charge point's unique serial number; we
/// accept its identity or the serial numbers it reported) and not a URL or IP address, an O
/// (A00.FR.509, A02.FR.13: the CpoName), and a key of at least 2048 bits for RSA or 224 for
/// elliptic curves (A00.FR.501–503).
pub fn check_csr(
    info: &CsrInfo,
    identities: &[String],
    cpo_name: Option<&str>,
) -> Result<(), CsrRejection> {
    let cn = info
        .common_name
        .as_deref()
        .filter(|cn| !cn.trim().is_empty())
        .ok_or(CsrRejection::NoCommonName)?;
    if url_or_ip(cn) {
        return Err(CsrRejection::CommonNameIsAddress(cn.to_owned()));
    }
    if !identities.iter().any(|id| id == cn) {
        return Err(CsrRejection::UnknownCommonName(cn.to_owned()));
    }
    if info
        .organization
        .as_deref()
        .is_none_or(|o| o.trim().is_empty())
    {
        return Err(CsrRejection::NoOrganization);
    }
    if let Some(cpo) = cpo_name
        && !names_cpo(info.organization.as_deref(), cpo)
    {
        return Err(CsrRejection::NotTheCpo {
            organization: info.organization.clone().unwrap_or_default(),
            cpo: cpo.to_owned(),
        });
    }
    let strong = match info.key_kind {
        "RSA" | "DSA" => info.key_bits >= 2048,
        "EC" => info.key_bits >= 224,
        "Ed25519" | "Ed448" => true,
        _ => false,
    };
    if !strong {
        return Err(CsrRejection::WeakKey {
            kind: info.key_kind,
            bits: info.key_bits,
        });
    }
    Ok(())
}

/// One certificate of a PEM text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CertificateInfo {
    /// The DER SubjectPublicKeyInfo.
    pub public_key: Vec<u8>,
    pub subject: String,
}

/// Reads every `CERTIFICATE` block of `pem` (at least one; no other blocks).
pub fn read_certificates(pem: &str) -> Result<Vec<CertificateInfo>, CertificateError> {
    let mut out = Vec::new();
    for (i, block) in Pem::iter_from_buffer(pem.as_bytes()).enumerate() {
        let number = i + 1;
        let block = block.map_err(|error| CertificateError::Unreadable {
            block: number,
            error,
        })?;
        if block.label != "CERTIFICATE" {
            return Err(CertificateError::NotCertificate {
                block: number,
                label: block.label,
            });
        }
        let (rest, cert) =
            x509_parser::parse_x509_certificate(&block.contents).map_err(|error| {
                CertificateError::NotX509 {
                    block: number,
                    error,
                }
            })?;
        if !rest.is_empty() {
            return Err(CertificateError::TrailingBytes { block: number });
        }
        out.push(CertificateInfo {
            public_key: cert.tbs_certificate.subject_pki.raw.to_vec(),
            subject: cert.tbs_certificate.subject.to_string(),
        });
    }
    if out.is_empty() {
        return Err(CertificateError::NoCertificate);
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// The configured CA.

/// Why the CA of `--csr-ca-cert` and `--csr-ca-key` cannot be used (at start, or when a CSR is
/// to be signed: the files are read each time).
#[derive(Debug, thiserror::Error)]
pub enum CaError {
    #[error("--csr-ca-cert and --csr-ca-key go together: give both or neither")]
    HalfConfigured,
    /// A CSR was to be signed, and no CA is configured.
    #[error("no CA is configured")]
    NotConfigured,
    #[error("cannot read {}: {error}", path.display())]
    Unreadable {
        path: std::path::PathBuf,
        error: std::io::Error,
    },
    #[error(
        "{}: not a private key chargegate can sign with (PKCS#8 PEM, RSA, ECDSA P-256/P-384 or Ed25519): {error}",
        path.display()
    )]
    BadKey {
        path: std::path::PathBuf,
        error: rcgen::Error,
    },
    /// The certificate file is not readable as PEM.
    #[error("{}: {error}", path.display())]
    Pem {
        path: std::path::PathBuf,
        error: PEMError,
    },
    /// A block of the certificate file (counted from 1) is not a certificate.
    #[error("{}: block {block} is not a certificate: {error}", path.display())]
    NotCertificate {
        path: std::path::PathBuf,
        block: usize,
        error: x509_parser::nom::Err<X509Error>,
    },
    #[error("{}: no certificate", .0.display())]
    NoCertificate(std::path::PathBuf),
    /// The key is not the one of the certificate file's first certificate.
    #[error("{} is not the key of the first certificate of {}", key.display(), cert.display())]
    KeyMismatch {
        key: std::path::PathBuf,
        cert: std::path::PathBuf,
    },
    /// The certificate cannot issue certificates with the key.
    #[error("{}: {error}", path.display())]
    Issuer {
        path: std::path::PathBuf,
        error: rcgen::Error,
    },
    #[error("--csr-certificate-validity must be at least 1h")]
    ValidityTooShort,
}

/// Why the configured CA could not sign a request.
#[derive(Debug, thiserror::Error)]
pub enum SignError {
    #[error("the request's key cannot be certified here: {0}")]
    UnsupportedKey(rcgen::Error),
    #[error("the CA certificate has expired")]
    CaExpired,
    /// A validity date the certificate format cannot hold.
    #[error("date out of range: {0}")]
    DateOutOfRange(time::error::ComponentRange),
    #[error("no randomness for a serial: {0}")]
    NoRandomness(getrandom::Error),
    #[error("signing failed: {0}")]
    Signing(rcgen::Error),
}

/// The CA of `--csr-ca-cert` and `--csr-ca-key`: the certificate file (the CA first, then any
/// certificates up to the root, all sent with each signed certificate) and its private key.
pub struct Ca {
    issuer: rcgen::Issuer<'static, rcgen::KeyPair>,
    /// The certificates of the CA file, as PEM, sent after the station's certificate.
    chain: Vec<String>,
    not_after: DateTime<Utc>,
}

/// Reads the configured CA; `None` when none is configured. Checks that the key belongs to the
/// first certificate.
pub fn load_ca(settings: &Settings) -> Result<Option<Ca>, CaError> {
    let (cert_path, key_path) = match (&settings.csr_ca_cert, &settings.csr_ca_key) {
        (None, None) => return Ok(None),
        (Some(c), Some(k)) => (c, k),
        _ => return Err(CaError::HalfConfigured),
    };
    let read = |path: &std::path::Path| {
        std::fs::read_to_string(path).map_err(|error| CaError::Unreadable {
            path: path.to_owned(),
            error,
        })
    };
    let cert_pem = read(cert_path)?;
    let key_pem = read(key_path)?;
    let key = rcgen::KeyPair::from_pem(&key_pem).map_err(|error| CaError::BadKey {
        path: key_path.clone(),
        error,
    })?;
    let mut chain = Vec::new();
    let mut first: Option<(Vec<u8>, DateTime<Utc>)> = None;
    for (i, block) in Pem::iter_from_buffer(cert_pem.as_bytes()).enumerate() {
        let block = block.map_err(|error| CaError::Pem {
            path: cert_path.clone(),
            error,
        })?;
        let (_, cert) = x509_parser::parse_x509_certificate(&block.contents).map_err(|error| {
            CaError::NotCertificate {
                path: cert_path.clone(),
                block: i + 1,
                error,
            }
        })?;
        if first.is_none() {
            let not_after = DateTime::<Utc>::from_timestamp(
                cert.tbs_certificate.validity.not_after.timestamp(),
                0,
            )
            .unwrap_or(DateTime::<Utc>::MAX_UTC);
            first = Some((
                cert.tbs_certificate
                    .subject_pki
                    .subject_public_key
                    .data
                    .to_vec(),
                not_after,
            ));
        }
        chain.push(pem_of("CERTIFICATE", &block.contents));
    }
    let Some((ca_key, not_after)) = first else {
        return Err(CaError::NoCertificate(cert_path.clone()));
    };
    if rcgen::PublicKeyData::der_bytes(&key) != ca_key.as_slice() {
        return Err(CaError::KeyMismatch {
            key: key_path.clone(),
            cert: cert_path.clone(),
        });
    }
    let issuer =
        rcgen::Issuer::from_ca_cert_pem(&cert_pem, key).map_err(|error| CaError::Issuer {
            path: cert_path.clone(),
            error,
        })?;
    Ok(Some(Ca {
        issuer,
        chain,
        not_after,
    }))
}

fn pem_of(label: &str, der: &[u8]) -> String {
    use base64::Engine as _;
    let body = base64::engine::general_purpose::STANDARD.encode(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for line in body.as_bytes().chunks(64) {
        out.push_str(&String::from_utf8_lossy(line));
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

impl Ca {
    /// A client certificate for `csr`: its subject's CN, O and OU, its public key, a random
    /// serial number, valid from now for `validity` (never beyond the CA's own end), key usage
    /// digitalSignature, extended key usage clientAuth, not a CA. Returns the PEM chain: the new
    /// certificate, then the CA file's certificates.
    pub fn sign(&self, csr: &CsrInfo, validity: Duration) -> Result<String, SignError> {
        use rcgen::{
            CertificateParams, DistinguishedName, DnType, ExtendedKeyUsagePurpose, IsCa,
            KeyUsagePurpose, SerialNumber, SubjectPublicKeyInfo,
        };
        let key =
            SubjectPublicKeyInfo::from_der(&csr.public_key).map_err(SignError::UnsupportedKey)?;
        let mut dn = DistinguishedName::new();
        for (kind, value) in [
            (DnType::CommonName, &csr.common_name),
            (DnType::OrganizationName, &csr.organization),
            (DnType::OrganizationalUnitName, &csr.organizational_unit),
        ] {
            if let Some(value) = value {
                dn.push(kind, value.as_str());
            }
        }
        let now = Utc::now();
        let until = chrono::Duration::from_std(validity)
            .ok()
            .and_then(|v| now.checked_add_signed(v))
            .unwrap_or(self.not_after)
            .min(self.not_after);
        if until <= now {
            return Err(SignError::CaExpired);
        }
        let time = |t: DateTime<Utc>| {
            time::OffsetDateTime::from_unix_timestamp(t.timestamp())
                .map_err(SignError::DateOutOfRange)
        };
        let mut serial = [0u8; 16];
        getrandom::fill(&mut serial).map_err(SignError::NoRandomness)?;
        serial[0] = (serial[0] & 0x7f) | 0x01;
        let mut params = CertificateParams::default();
        params.distinguished_name = dn;
        params.not_before = time(now)?;
        params.not_after = time(until)?;
        params.serial_number = Some(SerialNumber::from_slice(&serial));
        params.is_ca = IsCa::ExplicitNoCa;
        params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
        params.use_authority_key_identifier_extension = true;
        let cert = params
            .signed_by(&key, &self.issuer)
            .map_err(SignError::Signing)?;
        let mut chain = cert.pem();
        for ca in &self.chain {
            chain.push_str(ca);
        }
        Ok(chain)
    }
}

// ---------------------------------------------------------------------------------------------
// Central system → station, on an operator's behalf.

/// GetLog arguments as an operator gives them.
#[derive(Clone, Debug, Default)]
pub struct GetLogArgs {
    pub log_type: Option<LogType>,
    pub request_id: Option<i32>,
    pub remote_location: String,
    pub oldest_timestamp: Option<DateTime<Utc>>,
    pub latest_timestamp: Option<DateTime<Utc>>,
    pub retries: Option<i32>,
    pub retry_interval: Option<i32>,
}

/// SignedUpdateFirmware arguments as an operator gives them.
#[derive(Clone, Debug, Default)]
pub struct SignedUpdateFirmwareArgs {
    pub request_id: Option<i32>,
    pub location: String,
    pub retrieve_date_time: Option<DateTime<Utc>>,
    pub install_date_time: Option<DateTime<Utc>>,
    pub signing_certificate: String,
    pub signature: String,
    pub retries: Option<i32>,
    pub retry_interval: Option<i32>,
}

fn invalid(field: &'static str, message: impl Into<String>) -> Refused {
    Refused::Invalid {
        field,
        message: message.into(),
    }
}

fn timestamp(t: DateTime<Utc>) -> Timestamp {
    use chrono::SubsecRound as _;
    Timestamp(t.trunc_subsecs(6))
}

/// The error text kept on a request row when no answer came.
fn failure(e: &Refused) -> String {
    match e {
        Refused::Command(e) => e.to_string(),
        other => format!("{other:?}"),
    }
}

/// What GetInstalledCertificateIds found, in either version.
#[derive(Debug)]
pub struct InstalledCertificates {
    pub status: GetInstalledCertificateStatus,
    pub chains: Vec<InstalledChain>,
}

/// One installed certificate: its kind, hash data and (2.0.1, a V2G chain) its sub-CAs'.
#[derive(Debug)]
pub struct InstalledChain {
    pub certificate_type: CertificateKind,
    pub hash: CertificateHashData,
    pub children: Vec<CertificateHashData>,
}

/// Refuses a 2.0.1-only value for a 1.6 station.
fn only_201(station_id: &str, value: &str) -> Refused {
    Refused::Unsupported(format!(
        "station {station_id} speaks OCPP 1.6, whose Security Whitepaper has no {value}"
    ))
}

/// A certificate kind as a 1.6 station knows it (`None` for a 2.0.1 station); the kinds only
/// 2.0.1 has are refused for a 1.6 one.
fn use_16(
    version: Version,
    station_id: &str,
    kind: CertificateKind,
) -> Result<Option<CertificateUse>, Refused> {
    if version == Version::V201 {
        return Ok(None);
    }
    match kind {
        CertificateKind::CsmsRootCertificate => {
            Ok(Some(CertificateUse::CentralSystemRootCertificate))
        }
        CertificateKind::ManufacturerRootCertificate => {
            Ok(Some(CertificateUse::ManufacturerRootCertificate))
        }
        other => Err(only_201(station_id, other.as_str())),
    }
}

/// Hash data that names a certificate, each field within its bounds: the issuer's name and key
/// hashes identifierStrings of at most 128 characters, the serial number at most 40.
fn checked_hash_data(
    hash_algorithm: HashAlgorithm,
    issuer_name_hash: &str,
    issuer_key_hash: &str,
    serial_number: &str,
) -> Result<CertificateHashData, Refused> {
    let identifier = |value: &str, field: &'static str| {
        let value = text::<128>(value, field)?;
        if value.as_str().is_empty() || !is_identifier_string(value.as_str()) {
            return Err(invalid(
                field,
                "an identifierString: letters, digits and * - _ = + | @ . only",
            ));
        }
        Ok(value)
    };
    Ok(CertificateHashData {
        hash_algorithm,
        issuer_name_hash: identifier(issuer_name_hash, "issuerNameHash")?,
        issuer_key_hash: identifier(issuer_key_hash, "issuerKeyHash")?,
        serial_number: text::<40>(serial_number, "serialNumber")?,
    })
}

/// [`checked_hash_data`] in 2.0.1's type (CustomerInformation's `customerCertificate`).
pub(crate) fn checked_hash_data_201(
    hash_algorithm: HashAlgorithm,
    issuer_name_hash: &str,
    issuer_key_hash: &str,
    serial_number: &str,
) -> Result<v201::CertificateHashData, Refused> {
    checked_hash_data(
        hash_algorithm,
        issuer_name_hash,
        issuer_key_hash,
        serial_number,
    )
    .map(hash_201)
}

/// Hash data in 2.0.1's type (the same fields; the algorithms are spelled alike).
fn hash_201(h: CertificateHashData) -> v201::CertificateHashData {
    v201::CertificateHashData {
        hash_algorithm: match h.hash_algorithm {
            HashAlgorithm::Sha256 => v201::HashAlgorithmEnum::Sha256,
            HashAlgorithm::Sha384 => v201::HashAlgorithmEnum::Sha384,
            HashAlgorithm::Sha512 => v201::HashAlgorithmEnum::Sha512,
        },
        issuer_name_hash: h.issuer_name_hash,
        issuer_key_hash: h.issuer_key_hash,
        serial_number: h.serial_number,
        custom_data: None,
    }
}

/// 2.0.1's hash data in the whitepaper's type.
fn hash_16(h: v201::CertificateHashData) -> CertificateHashData {
    CertificateHashData {
        hash_algorithm: match h.hash_algorithm {
            v201::HashAlgorithmEnum::Sha256 => HashAlgorithm::Sha256,
            v201::HashAlgorithmEnum::Sha384 => HashAlgorithm::Sha384,
            v201::HashAlgorithmEnum::Sha512 => HashAlgorithm::Sha512,
        },
        issuer_name_hash: h.issuer_name_hash,
        issuer_key_hash: h.issuer_key_hash,
        serial_number: h.serial_number,
    }
}

impl OnBehalf<'_> {
    /// CertificateSigned with a chain an operator had signed elsewhere, for request
    /// `request_id` (or the station's newest pending one). The station's answer is kept on the
    /// request.
    pub async fn certificate_signed(
        &self,
        station_id: &str,
        certificate_chain: &str,
        request_id: Option<i32>,
        certificate_type: Option<v201::CertificateSigningUseEnum>,
    ) -> Result<CertificateSignedStatus, Refused> {
        let signed_for = match (self.permit(station_id, false).await?, certificate_type) {
            (Version::V201, kind) => SignedFor::V201(kind),
            // A 1.6 station's certificate is its charge point certificate.
            (
                Version::V16,
                None | Some(v201::CertificateSigningUseEnum::ChargingStationCertificate),
            ) => SignedFor::V16,
            (Version::V16, Some(kind)) => return Err(only_201(station_id, kind.as_str())),
        };
        let chain = text::<10000>(certificate_chain, "certificateChain")?;
        let certificates = read_certificates(chain.as_str())
            .map_err(|e| invalid("certificateChain", e.to_string()))?;
        let db = self.ctx.store.reader();
        let request = match request_id {
            Some(id) => Some(
                csr_row::Entity::find_by_id(id)
                    .one(db)
                    .await?
                    .filter(|r| r.station_id == station_id)
                    .ok_or_else(|| {
                        Refused::NotFound(format!(
                            "no certificate signing request {id} of station {station_id}"
                        ))
                    })?,
            ),
            None => {
                csr_row::Entity::find()
                    .filter(csr_row::Column::StationId.eq(station_id))
                    .filter(csr_row::Column::State.eq(state::PENDING))
                    .order_by_desc(csr_row::Column::Id)
                    .one(db)
                    .await?
            }
        };
        if let Some(request) = &request {
            if request.state == state::REJECTED {
                return Err(invalid(
                    "requestId",
                    format!(
                        "request {} was answered Rejected; the station will not take a certificate for it",
                        request.id
                    ),
                ));
            }
            let csr = read_csr(&request.csr).map_err(|e| invalid("requestId", e.to_string()))?;
            if certificates[0].public_key != csr.public_key {
                return Err(invalid(
                    "certificateChain",
                    format!(
                        "the first certificate ({}) does not carry the public key of request {}",
                        certificates[0].subject, request.id
                    ),
                ));
            }
        }
        let answer = send_signed(self.ctx, station_id, &chain, signed_for).await;
        if let Some(request) = &request {
            record_sent(self.ctx, request.id, &chain, &self.caller.sub, &answer).await?;
        }
        self.logged(station_id, CertificateSigned::ACTION, &answer);
        answer.map_err(Refused::Command)
    }

    fn logged<T>(&self, station_id: &str, action: &str, result: &Result<T, CommandError>) {
        let by = &self.caller.sub;
        match result {
            Ok(_) => tracing::info!(station = %station_id, action, by = %by, "command answered"),
            Err(e) => {
                tracing::info!(station = %station_id, action, by = %by, error = %e, "command failed")
            }
        }
    }

    /// InstallCertificate of a root certificate (checked to be one PEM X.509 certificate). A
    /// 1.6 station has only the CSMS (central system) and manufacturer roots; no version
    /// installs a V2G certificate chain this way (CertificateSigned does).
    pub async fn install_certificate(
        &self,
        station_id: &str,
        certificate_type: CertificateKind,
        certificate: &str,
    ) -> Result<CertificateStatus, Refused> {
        let version = self.permit(station_id, false).await?;
        let as_16 = use_16(version, station_id, certificate_type)?;
        let certificate = text::<5500>(certificate, "certificate")?;
        let read = read_certificates(certificate.as_str())
            .map_err(|e| invalid("certificate", e.to_string()))?;
        if read.len() != 1 {
            return Err(invalid("certificate", "give exactly one certificate"));
        }
        if let Some(certificate_type) = as_16 {
            let command = InstallCertificate {
                certificate_type,
                certificate,
            };
            return Ok(self.send(station_id, command).await?.status);
        }
        let certificate_type = v201::InstallCertificateUseEnum::from_wire(
            certificate_type.as_str(),
        )
        .ok_or_else(|| {
            invalid(
                "certificateType",
                "a V2G certificate chain is installed by CertificateSigned, not InstallCertificate",
            )
        })?;
        let command = v201::InstallCertificateRequest {
            certificate_type,
            certificate,
            custom_data: None,
        };
        let status = self.send(station_id, command).await?.status;
        Ok(CertificateStatus::from_wire(status.as_str()).unwrap_or(CertificateStatus::Rejected))
    }

    /// DeleteCertificate of the certificate with this hash data.
    pub async fn delete_certificate(
        &self,
        station_id: &str,
        hash_algorithm: HashAlgorithm,
        issuer_name_hash: &str,
        issuer_key_hash: &str,
        serial_number: &str,
    ) -> Result<DeleteCertificateStatus, Refused> {
        let version = self.permit(station_id, false).await?;
        let certificate_hash_data = checked_hash_data(
            hash_algorithm,
            issuer_name_hash,
            issuer_key_hash,
            serial_number,
        )?;
        if version == Version::V201 {
            let command = v201::DeleteCertificateRequest {
                certificate_hash_data: hash_201(certificate_hash_data),
                custom_data: None,
            };
            let status = self.send(station_id, command).await?.status;
            return Ok(DeleteCertificateStatus::from_wire(status.as_str())
                .unwrap_or(DeleteCertificateStatus::Failed));
        }
        let command = DeleteCertificate {
            certificate_hash_data,
        };
        Ok(self.send(station_id, command).await?.status)
    }

    /// GetInstalledCertificateIds of one kind of certificate. A 1.6 station's answer is a flat
    /// list: each certificate is a chain of its own, of the kind asked for.
    pub async fn get_installed_certificate_ids(
        &self,
        station_id: &str,
        certificate_type: CertificateKind,
    ) -> Result<InstalledCertificates, Refused> {
        let version = self.permit(station_id, false).await?;
        if let Some(as_16) = use_16(version, station_id, certificate_type)? {
            let command = GetInstalledCertificateIds {
                certificate_type: as_16,
            };
            let answer = self.send(station_id, command).await?;
            return Ok(InstalledCertificates {
                status: answer.status,
                chains: answer
                    .certificate_hash_data
                    .into_iter()
                    .map(|hash| InstalledChain {
                        certificate_type,
                        hash,
                        children: Vec::new(),
                    })
                    .collect(),
            });
        }
        let command = v201::GetInstalledCertificateIdsRequest {
            certificate_type: Some(vec![certificate_type]),
            custom_data: None,
        };
        let answer = self.send(station_id, command).await?;
        Ok(InstalledCertificates {
            status: GetInstalledCertificateStatus::from_wire(answer.status.as_str())
                .unwrap_or(GetInstalledCertificateStatus::NotFound),
            chains: answer
                .certificate_hash_data_chain
                .unwrap_or_default()
                .into_iter()
                .map(|chain| InstalledChain {
                    certificate_type: chain.certificate_type,
                    hash: hash_16(chain.certificate_hash_data),
                    children: chain
                        .child_certificate_hash_data
                        .unwrap_or_default()
                        .into_iter()
                        .map(hash_16)
                        .collect(),
                })
                .collect(),
        })
    }

    /// ExtendedTriggerMessage (1.6), or 2.0.1's TriggerMessage, whose triggers include these
    /// (the charge point certificate's is `SignChargingStationCertificate`): asks the station
    /// to send one of its messages now.
    pub async fn extended_trigger_message(
        &self,
        station_id: &str,
        requested_message: ExtendedMessageTrigger,
        connector_id: Option<i32>,
    ) -> Result<ExtendedTriggerMessageStatus, Refused> {
        let version = self.permit(station_id, false).await?;
        let connector_id = connector_id
            .map(|c| at_least(c, 1, "connectorId"))
            .transpose()?;
        if version == Version::V201 {
            let requested = match requested_message {
                ExtendedMessageTrigger::SignChargePointCertificate => {
                    v201::MessageTriggerEnum::SignChargingStationCertificate
                }
                other => v201::MessageTriggerEnum::from_wire(other.as_str()).ok_or_else(|| {
                    Refused::Unsupported(format!("no 2.0.1 trigger {}", other.as_str()))
                })?,
            };
            let command = v201::TriggerMessageRequest {
                evse: connector_id.map(command::evse),
                requested_message: requested,
                custom_data: None,
            };
            let status = self.send(station_id, command).await?.status;
            return Ok(ExtendedTriggerMessageStatus::from_wire(status.as_str())
                .unwrap_or(ExtendedTriggerMessageStatus::Rejected));
        }
        let command = ExtendedTriggerMessage {
            requested_message,
            connector_id,
        };
        Ok(self.send(station_id, command).await?.status)
    }

    /// GetLog. The request is stored first (its row id is the `requestId` when none is given),
    /// then sent; the answer (or why none came) is kept on it. Returns the row and the answer.
    pub async fn get_log(
        &self,
        station_id: &str,
        args: GetLogArgs,
    ) -> Result<(log_request::Model, GetLogResponse), Refused> {
        let version = self.permit(station_id, false).await?;
        let log_type = args
            .log_type
            .ok_or_else(|| invalid("logType", "required"))?;
        let remote_location = text::<512>(&args.remote_location, "remoteLocation")?;
        if remote_location.as_str().trim().is_empty() {
            return Err(invalid("remoteLocation", "required"));
        }
        let request_id = args
            .request_id
            .map(|r| at_least(r, 0, "requestId"))
            .transpose()?;
        let retries = args
            .retries
            .map(|r| at_least(r, 0, "retries"))
            .transpose()?;
        let retry_interval = args
            .retry_interval
            .map(|r| at_least(r, 0, "retryInterval"))
            .transpose()?;
        if let (Some(oldest), Some(latest)) = (args.oldest_timestamp, args.latest_timestamp)
            && oldest > latest
        {
            return Err(invalid(
                "oldestTimestamp",
                "must not be after latestTimestamp",
            ));
        }
        let oldest = args.oldest_timestamp.map(timestamp);
        let latest = args.latest_timestamp.map(timestamp);
        let row = log_request::ActiveModel {
            id: NotSet,
            station_id: Set(station_id.to_owned()),
            request_id: Set(request_id.unwrap_or(0)),
            log_type: Set(log_type.as_str().to_owned()),
            remote_location: Set(remote_location.as_str().to_owned()),
            oldest_timestamp: Set(oldest.map(|t| t.0)),
            latest_timestamp: Set(latest.map(|t| t.0)),
            retries: Set(retries),
            retry_interval: Set(retry_interval),
            requested_by: Set(self.caller.sub.clone()),
            requested_at: Set(Utc::now()),
            status: Set(None),
            filename: Set(None),
            error: Set(None),
        };
        let stored = store_log_request(self.ctx, row, request_id).await?;
        let answer = if version == Version::V201 {
            // 2.0.1's GetLog is the extension's, with a status reason beside the answer.
            let command = v201::GetLogRequest {
                log: v201::LogParameters {
                    remote_location,
                    oldest_timestamp: oldest,
                    latest_timestamp: latest,
                    custom_data: None,
                },
                log_type: match log_type {
                    LogType::DiagnosticsLog => v201::LogEnum::DiagnosticsLog,
                    LogType::SecurityLog => v201::LogEnum::SecurityLog,
                },
                request_id: stored.request_id,
                retries,
                retry_interval,
                custom_data: None,
            };
            self.send(station_id, command)
                .await
                .map(|answer| GetLogResponse {
                    status: command::same(answer.status.as_str(), LogStatus::Rejected),
                    filename: answer.filename,
                })
        } else {
            let command = GetLog {
                log_type,
                request_id: stored.request_id,
                retries,
                retry_interval,
                log: LogParameters {
                    remote_location,
                    oldest_timestamp: oldest,
                    latest_timestamp: latest,
                },
            };
            self.send(station_id, command).await
        };
        let stored = record_log_answer(self.ctx, stored.id, &answer).await?;
        Ok((stored, answer?))
    }

    /// SignedUpdateFirmware, stored like GetLog.
    pub async fn signed_update_firmware(
        &self,
        station_id: &str,
        args: SignedUpdateFirmwareArgs,
    ) -> Result<(signed_firmware_update::Model, SignedUpdateFirmwareStatus), Refused> {
        let version = self.permit(station_id, false).await?;
        let location = text::<512>(&args.location, "location")?;
        if location.as_str().trim().is_empty() {
            return Err(invalid("location", "required"));
        }
        let retrieve = args
            .retrieve_date_time
            .map(timestamp)
            .ok_or_else(|| invalid("retrieveDateTime", "required"))?;
        let install = args.install_date_time.map(timestamp);
        let signing_certificate = text::<5500>(&args.signing_certificate, "signingCertificate")?;
        let read = read_certificates(signing_certificate.as_str())
            .map_err(|e| invalid("signingCertificate", e.to_string()))?;
        if read.len() != 1 {
            return Err(invalid(
                "signingCertificate",
                "give exactly one certificate",
            ));
        }
        let signature = text::<800>(&args.signature, "signature")?;
        {
            use base64::Engine as _;
            let decoded = base64::engine::general_purpose::STANDARD.decode(signature.as_str());
            if signature.as_str().is_empty() || decoded.is_err() {
                return Err(invalid("signature", "not Base64"));
            }
        }
        let request_id = args
            .request_id
            .map(|r| at_least(r, 0, "requestId"))
            .transpose()?;
        let retries = args
            .retries
            .map(|r| at_least(r, 0, "retries"))
            .transpose()?;
        let retry_interval = args
            .retry_interval
            .map(|r| at_least(r, 0, "retryInterval"))
            .transpose()?;
        let row = signed_firmware_update::ActiveModel {
            id: NotSet,
            station_id: Set(station_id.to_owned()),
            request_id: Set(request_id.unwrap_or(0)),
            location: Set(location.as_str().to_owned()),
            retrieve_date_time: Set(retrieve.0),
            install_date_time: Set(install.map(|t| t.0)),
            signing_certificate: Set(signing_certificate.as_str().to_owned()),
            signature: Set(signature.as_str().to_owned()),
            retries: Set(retries),
            retry_interval: Set(retry_interval),
            requested_by: Set(self.caller.sub.clone()),
            requested_at: Set(Utc::now()),
            status: Set(None),
            error: Set(None),
        };
        let stored = store_firmware_update(self.ctx, row, request_id).await?;
        let answer = if version == Version::V201 {
            // 2.0.1's UpdateFirmware carries the extension's signed firmware.
            let command = v201::UpdateFirmwareRequest {
                retries,
                retry_interval,
                request_id: stored.request_id,
                firmware: v201::Firmware {
                    location,
                    retrieve_date_time: retrieve,
                    install_date_time: install,
                    signing_certificate: Some(signing_certificate),
                    signature: Some(signature),
                    custom_data: None,
                },
                custom_data: None,
            };
            self.send(station_id, command)
                .await
                .map(|answer| StatusResponse {
                    status: command::same(
                        answer.status.as_str(),
                        SignedUpdateFirmwareStatus::Rejected,
                    ),
                })
        } else {
            let command = SignedUpdateFirmware {
                retries,
                retry_interval,
                request_id: stored.request_id,
                firmware: Firmware {
                    location,
                    retrieve_date_time: retrieve,
                    install_date_time: install,
                    signing_certificate,
                    signature,
                },
            };
            self.send(station_id, command).await
        };
        let stored = record_firmware_answer(self.ctx, stored.id, &answer).await?;
        Ok((stored, answer?.status))
    }
}

/// Stores a GetLog request; its `requestId` is the row's id when the operator gave none.
async fn store_log_request(
    ctx: &Context,
    row: log_request::ActiveModel,
    request_id: Option<i32>,
) -> Result<log_request::Model, StoreError> {
    ctx.store
        .write(move |txn| {
            let row = row.clone();
            Box::pin(async move {
                let id = log_request::Entity::insert(row)
                    .exec(txn)
                    .await?
                    .last_insert_id;
                let request_id = request_id.unwrap_or(id);
                let row = log_request::ActiveModel {
                    id: Set(id),
                    request_id: Set(request_id),
                    ..Default::default()
                };
                log_request::Entity::update(row).exec(txn).await
            })
        })
        .await
}

/// Keeps the station's answer to GetLog request `id` (its status and file name), or why none
/// came.
async fn record_log_answer(
    ctx: &Context,
    id: i32,
    answer: &Result<GetLogResponse, Refused>,
) -> Result<log_request::Model, StoreError> {
    let update = log_request::ActiveModel {
        id: Set(id),
        status: Set(answer.as_ref().ok().map(|a| a.status.as_str().to_owned())),
        filename: Set(answer
            .as_ref()
            .ok()
            .and_then(|a| a.filename.as_ref().map(|f| f.as_str().to_owned()))),
        error: Set(answer.as_ref().err().map(failure)),
        ..Default::default()
    };
    ctx.store
        .write(move |txn| {
            let update = update.clone();
            Box::pin(async move { log_request::Entity::update(update).exec(txn).await })
        })
        .await
}

/// Stores a SignedUpdateFirmware request; its `requestId` is the row's id when the operator
/// gave none.
async fn store_firmware_update(
    ctx: &Context,
    row: signed_firmware_update::ActiveModel,
    request_id: Option<i32>,
) -> Result<signed_firmware_update::Model, StoreError> {
    ctx.store
        .write(move |txn| {
            let row = row.clone();
            Box::pin(async move {
                let id = signed_firmware_update::Entity::insert(row)
                    .exec(txn)
                    .await?
                    .last_insert_id;
                let row = signed_firmware_update::ActiveModel {
                    id: Set(id),
                    request_id: Set(request_id.unwrap_or(id)),
                    ..Default::default()
                };
                signed_firmware_update::Entity::update(row).exec(txn).await
            })
        })
        .await
}

/// Keeps the station's answer to SignedUpdateFirmware request `id`, or why none came.
async fn record_firmware_answer(
    ctx: &Context,
    id: i32,
    answer: &Result<StatusResponse<SignedUpdateFirmwareStatus>, Refused>,
) -> Result<signed_firmware_update::Model, StoreError> {
    let update = signed_firmware_update::ActiveModel {
        id: Set(id),
        status: Set(answer.as_ref().ok().map(|a| a.status.as_str().to_owned())),
        error: Set(answer.as_ref().err().map(failure)),
        ..Default::default()
    };
    ctx.store
        .write(move |txn| {
            let update = update.clone();
            Box::pin(async move {
                signed_firmware_update::Entity::update(update)
                    .exec(txn)
                    .await
            })
        })
        .await
}

/// Checks the CA settings at start: both files or neither, readable, the key the first
/// certificate's, a validity of at least an hour.
pub fn check_settings(settings: &Settings) -> Result<(), CaError> {
    load_ca(settings).map(drop)?;
    if settings.csr_certificate_validity.0 < Duration::from_secs(3600) {
        return Err(CaError::ValidityTooShort);
    }
    Ok(())
}

/// Whether a subject O names the CPO (A00.FR.404: it "contains the CPO name"; compared
/// without regard to case).
pub fn names_cpo(organization: Option<&str>, cpo_name: &str) -> bool {
    organization.is_some_and(|o| o.to_lowercase().contains(&cpo_name.to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csr(cn: Option<&str>, o: Option<&str>) -> (String, rcgen::KeyPair) {
        let key = rcgen::KeyPair::generate().unwrap();
        let mut params = rcgen::CertificateParams::default();
        params.distinguished_name = rcgen::DistinguishedName::new();
        if let Some(cn) = cn {
            params
                .distinguished_name
                .push(rcgen::DnType::CommonName, cn);
        }
        if let Some(o) = o {
            params
                .distinguished_name
                .push(rcgen::DnType::OrganizationName, o);
        }
        let pem = params.serialize_request(&key).unwrap().pem().unwrap();
        (pem, key)
    }

    fn ids(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_good_csr_is_read_and_passes() {
        let (pem, key) = csr(Some("CP-1"), Some("Example CPO"));
        let info = read_csr(&pem).unwrap();
        assert_eq!(info.common_name.as_deref(), Some("CP-1"));
        assert_eq!(info.organization.as_deref(), Some("Example CPO"));
        assert_eq!((info.key_kind, info.key_bits), ("EC", 256));
        assert_eq!(
            info.public_key,
            rcgen::PublicKeyData::subject_public_key_info(&key)
        );
        assert_eq!(check_csr(&info, &ids(&["CP-1"]), None), Ok(()));
        // The serial number the station reported works as well as its identity.
        assert_eq!(check_csr(&info, &ids(&["station-9", "CP-1"]), None), Ok(()));
        // With a CPO name (A00.FR.404) the O must name it, in any case.
        assert_eq!(
            check_csr(&info, &ids(&["CP-1"]), Some("example cpo")),
            Ok(())
        );
        let other = check_csr(&info, &ids(&["CP-1"]), Some("Other Operator"))
            .unwrap_err()
            .to_string();
        assert!(other.contains("does not name the CPO"), "{other}");
    }

    #[test]
    fn bad_csrs_are_told_apart() {
        assert!(
            read_csr("hello")
                .unwrap_err()
                .to_string()
                .contains("no PEM block")
        );
        assert!(
            read_csr(
                "-----BEGIN CERTIFICATE REQUEST-----\n!!!\n-----END CERTIFICATE REQUEST-----\n"
            )
            .unwrap_err()
            .to_string()
            .contains("PEM")
        );
        assert!(
            read_csr(
                "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n"
            )
            .unwrap_err()
            .to_string()
            .contains("PKCS#10")
        );
        let (pem, _) = csr(Some("CP-1"), Some("CPO"));
        let relabelled = pem.replace("CERTIFICATE REQUEST", "PRIVATE KEY");
        assert!(
            read_csr(&relabelled)
                .unwrap_err()
                .to_string()
                .contains("labelled")
        );
        let twice = format!("{pem}{pem}");
        assert!(
            read_csr(&twice)
                .unwrap_err()
                .to_string()
                .contains("more than one")
        );

        // A signature that does not verify: one byte of the DER changed near its end.
        let block = one_pem(&pem, "CERTIFICATE REQUEST").unwrap();
        let mut der = block.contents.clone();
        let last = der.len() - 3;
        der[last] ^= 0x55;
        let forged = pem_of("CERTIFICATE REQUEST", &der);
        assert!(read_csr(&forged).is_err());

        let checks = |cn: Option<&str>, o: Option<&str>, names: &[&str]| {
            let (pem, _) = csr(cn, o);
            check_csr(&read_csr(&pem).unwrap(), &ids(names), None)
        };
        assert!(
            checks(None, Some("CPO"), &["CP-1"])
                .unwrap_err()
                .to_string()
                .contains("no CN")
        );
        assert!(
            checks(Some("CP-2"), Some("CPO"), &["CP-1"])
                .unwrap_err()
                .to_string()
                .contains("neither")
        );
        assert!(
            checks(Some("CP-1"), None, &["CP-1"])
                .unwrap_err()
                .to_string()
                .contains("no O")
        );
        for cn in ["10.0.0.7", "::1", "https://cp.example.org"] {
            assert!(
                checks(Some(cn), Some("CPO"), &[cn])
                    .unwrap_err()
                    .to_string()
                    .contains("URL or an IP"),
                "{cn}"
            );
        }
    }

    #[test]
    fn weak_keys_are_refused() {
        let info = CsrInfo {
            common_name: Some("CP-1".into()),
            organization: Some("CPO".into()),
            organizational_unit: None,
            public_key: Vec::new(),
            key_kind: "RSA",
            key_bits: 1024,
        };
        assert!(
            check_csr(&info, &ids(&["CP-1"]), None)
                .unwrap_err()
                .to_string()
                .contains("too weak")
        );
        let strong = CsrInfo {
            key_bits: 2048,
            ..info.clone()
        };
        assert_eq!(check_csr(&strong, &ids(&["CP-1"]), None), Ok(()));
        let small_ec = CsrInfo {
            key_kind: "EC",
            key_bits: 192,
            ..info.clone()
        };
        assert!(check_csr(&small_ec, &ids(&["CP-1"]), None).is_err());
        let unknown = CsrInfo {
            key_kind: "unknown",
            key_bits: 0,
            ..info
        };
        assert!(check_csr(&unknown, &ids(&["CP-1"]), None).is_err());
    }

    #[test]
    fn certificates_are_read_from_pem() {
        let key = rcgen::KeyPair::generate().unwrap();
        let cert = rcgen::CertificateParams::new(vec!["x.example".into()])
            .unwrap()
            .self_signed(&key)
            .unwrap();
        let one = read_certificates(&cert.pem()).unwrap();
        assert_eq!(one.len(), 1);
        assert_eq!(
            one[0].public_key,
            rcgen::PublicKeyData::subject_public_key_info(&key)
        );
        assert_eq!(
            read_certificates(&format!("{}{}", cert.pem(), cert.pem()))
                .unwrap()
                .len(),
            2
        );
        assert!(read_certificates("").is_err());
        assert!(read_certificates("not a certificate").is_err());
        let (request, _) = csr(Some("CP"), Some("O"));
        assert!(
            read_certificates(&request)
                .unwrap_err()
                .to_string()
                .contains("labelled")
        );
        assert!(
            read_certificates("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")
                .is_err()
        );
    }

    #[test]
    fn urls_and_addresses_are_recognised() {
        assert!(url_or_ip("192.168.1.1"));
        assert!(url_or_ip("[fe80::1]"));
        assert!(url_or_ip("wss://cs.example.org/ocpp"));
        assert!(!url_or_ip("CP-0001"));
        assert!(!url_or_ip("SN12345678"));
    }
}
