# valmis's messages in English. Every id here is also in ../fi/valmis.ftl, with the same
# arguments (a test checks). Arguments are named: { $name }.

## The closing line of a run

closing-line = { $passed } passed, { $failed } failed, { $skipped } skipped{ $errors ->
        [0] {""}
        [one] , { $errors } error
       *[other] , { $errors } errors
    }

## Kinds of submission (SUBMISSION-KIND and the rules that need the kind)

kind-unknown-skip = not evaluated: the manifest's `kind` or `role` is not one valmis knows (see BUNDLE-MANIFEST)
kind-customer-no-section = a customer organisation's manifest has no [customer] section
kind-customer-no-section-help = add [customer] with purpose = "co-testing", "independent-testing" or "change-testing"
kind-customer-no-purpose = [customer] has no `purpose`
kind-customer-no-purpose-help = say what you join for: purpose = "co-testing", "independent-testing" or "change-testing"
kind-vendor-customer-section = [customer] belongs to role = "customer-organisation", and this submission is a vendor's
kind-vendor-plan = `{ $path }`: plan/ holds a customer organisation's test plan, and this submission is a vendor's
kind-vendor-help-remove-customer = remove [customer], or set role = "customer-organisation" if you join as a care provider
kind-vendor-help-remove-plan = remove plan/, or set role = "customer-organisation" if you join as a care provider
kind-change-by-customer = a change notification is a vendor's, for a certified system; this submission's role is customer-organisation
kind-change-by-customer-help = a customer organisation sends a registration (with its test plan) or an access application
kind-change-no-section = a change notification has no [change] section
kind-change-no-section-help = describe the change in [change]: { $keys }, and planned_testing = {"{"} start = DATE, end = DATE {"}"} when co-testing is needed
kind-change-no-key = [change] has no `{ $key }`
kind-change-no-planned = [change] says co-testing is needed but has no `planned_testing`
kind-change-no-planned-help = add planned_testing = {"{"} start = 2027-02-01, end = 2027-02-26 {"}"}: the days you plan to co-test
kind-change-section-elsewhere = [change] belongs to kind = "change-notification", and this submission is { $kind ->
        [access-application] an
       *[other] a
    } { $kind }
kind-change-section-elsewhere-help = remove [change], or set kind = "change-notification" if you notify Kela of a change

## Shared

did-you-mean = did you mean `{ $near }`?

## Change notifications (CHANGE-*)

change-skip-missing = not evaluated: the manifest has no { $what } (see SUBMISSION-KIND)
change-version-placeholder = `change.{ $key }` is `{ $value }`: give the version as your release notes name it
change-version-same = new_version `{ $new }` is the certified version `{ $certified }`: a change notification is for a new version
change-version-same-help = give the version the change is released in; if nothing changed, no notification is needed
change-version-older = new_version `{ $new }` is older than the certified version `{ $certified }`
change-version-older-help = check the two versions: certified_version is the one Kela certified, new_version the changed one
change-version-incomparable = new_version `{ $new }` cannot be compared with certified_version `{ $certified }`: write both as dotted numbers, like 4.2.0 and 4.3.0
change-schedule-not-needed = co_testing_needed = false: there is no co-testing to schedule
change-schedule-backwards = planned testing ends { $end }, before it starts { $start }
change-schedule-backwards-help = planned_testing = {"{"} start = FIRST DAY, end = LAST DAY {"}"}
change-schedule-july = planned testing { $start } to { $end } includes { $july }: there is no co-testing in July
change-schedule-july-help = plan the co-testing for June or August, or before or after the summer
change-schedule-late = submitted { $submitted }, { $days ->
        [one] { $days } day
       *[other] { $days } days
    } before the planned testing starts { $start }: a change that needs co-testing is notified at least one month before (by { $latest })
change-schedule-late-help = move the planned testing later, or send the notification earlier
change-scope-empty = `change.affected_services` is empty: name the services whose functions or interfaces change
change-scope-unknown = affected service `{ $service }` is not a service of round { $round }; services are { $known }
change-scope-no-summary = `change.summary` does not describe the change
change-scope-no-summary-help = say in a sentence or two what changes in the system's functions or interfaces

## Access applications and environments (ACCESS-*)

access-no-endpoint = connection.toml has no [[endpoint]]: an access application gives every endpoint Kela connects to
access-no-endpoint-help = add an [[endpoint]] with name, service, url and client_certificate for each service
access-service-no-endpoint = declared service `{ $service }` has no [[endpoint]] in connection.toml
access-service-no-endpoint-help = an access application is made per service: give the endpoint, its url and its client certificate
access-no-source-ips = connection.toml gives no source IP addresses: Kela opens the connections from them
access-no-source-ips-help = list them under [network] source_ips = ["203.0.113.10"]
access-env-production = `system.environment` `{ $value }` is production: a co-testing submission never targets production
access-env-production-help = use asiakastesti (the customer test environment) or tuotannonkuva (the production image)
access-env-vendor-registration = `system.environment` is `{ $value }`, but a vendor's registration is co-tested in the customer test environment (asiakastesti)
access-env-customer-independent = `system.environment` is `{ $value }`, but a customer organisation joining for independent testing uses the production image (tuotannonkuva)
access-env-customer-test = `system.environment` is `{ $value }`, but a customer organisation joining for { $purpose } uses the customer test environment (asiakastesti)
access-env-mismatch = connection.toml's environment `{ $stated }` is not the manifest's `{ $value }`
access-env-mismatch-help = one submission targets one environment: correct the one that is wrong
access-sandbox = endpoint `{ $name }` is in the Kanta PHR sandbox ({ $host }): the sandbox is for an app's own development, open and shared, never a { $kind } target
access-sandbox-help = give the address of the customer test environment Kela opens for you

## Test plans (PLAN-TEST-PLAN)

plan-none = plan/ holds no test plan
plan-none-help = put the test plan (testaussuunnitelma) in plan/ as a PDF, DOCX, ODT, ODS or XLSX document
plan-empty = `{ $path }` is empty
plan-blank = `{ $path }` is a { $kind } document with no text in its body: the test plan is not written yet
plan-blank-help = write the test plan into the document itself; a title, a header or a footer alone is not a plan
plan-unreadable = `{ $path }` looks like a { $kind } document but cannot be read: { $error }
plan-not-document = `{ $path }` is { $what ->
        [text] plain text
        [binary] binary data
        [damaged-zip] a damaged zip file
        [other-office] an office file of another kind
       *[zip] a zip file
    }, not a PDF, DOCX, ODT, ODS or XLSX document
plan-not-document-help = save the test plan from your word processor or spreadsheet as PDF, DOCX, ODT, ODS or XLSX; a file's name does not make it one

## Forms and the deadline (BUNDLE-FORMS, BUNDLE-DEADLINE)

forms-no-service-skip = the manifest declares no known service, so no form is required (see BUNDLE-MANIFEST)
forms-missing = { $form } is missing (needed for { $services })
forms-missing-help = add it as a file matching { $patterns }
deadline-no-round-skip = the manifest's round has no catalog, so there is no deadline (see BUNDLE-MANIFEST)
deadline-no-submitted = manifest has no `submitted` date
deadline-no-submitted-help = add e.g. `submitted = 2026-11-20` (a TOML date, no quotes)
deadline-not-a-date = `submitted` is not a calendar date
deadline-late = submitted { $date } is after the registration deadline { $deadline } of round { $round } (starts { $starts }, registration { $months ->
        [one] { $months } month
       *[other] { $months } months
    } before)
deadline-future = submitted { $date } is in the future (now is { $today })
word-or = or

## The bundle's entries (BUNDLE-PATHS); a fragment follows the entry's name

path-entry = entry `{ $path }` { $issue }
path-refused = bundle refused: { $reason }
path-folder-unreadable = folder cannot be read: { $error }
path-folder-unlistable = folder cannot be listed: { $error }
path-uninspectable = cannot be inspected: { $error }
path-symlink-dir = is a symbolic link; links are not followed (copy the file in instead)
path-symlink-zip = is a symbolic link; links are not followed (store the file itself)
path-special-file = is not a regular file (a device, socket or pipe) and is not read
path-central-unreadable = entry cannot be read from the central directory: { $error }
path-backslashes = uses `\` as folder separator; zip names use `/` (read as if it did)
path-encrypted = is encrypted; Kela cannot open it either
path-too-large = declares { $size } bytes; the limit for one file is { $limit }
path-absolute = has an absolute path; extracting it would write outside the target folder
path-drive-letter = starts with a drive letter; extracting it would write outside the target folder
path-nul = contains a NUL character
path-zip-slip = contains `..`; extracting it would write outside the target folder (zip slip)

## A bundle refused as a whole

refused-too-many-entries = the bundle has more than { $limit } entries; the limit keeps hostile bundles cheap to reject
refused-declared-entries = the archive declares { $declared } entries; the limit is { $limit } (zip bomb or wrong file?)
refused-duplicate-names = the archive holds two entries with the same name; which one counts is ambiguous
refused-total-size = the archive declares more than { $total } bytes uncompressed in all; the limit is { $limit } (zip bomb?)
refused-ratio = entry `{ $entry }` declares { $size } bytes from { $compressed } compressed, a ratio over { $ratio }:1 (zip bomb?)
refused-overlapping = entries `{ $first }` and `{ $second }` share their bytes in the archive (overlapping entries: a zip bomb, or a damaged zip); zip the bundle again
refused-no-local-header = entry `{ $entry }` has no local header where the central directory says; zip the bundle again
refused-local-header-name = entry `{ $entry }`'s local header names `{ $name }`, not the central directory's name (a forged or damaged zip); zip the bundle again
refused-same-path = two entries both mean `{ $path }`; which one counts is ambiguous
refused-skip = the bundle was refused ({ $reason }); see { $rule }

## Which requirements run (--only, --skip, the submission's services)

no-check = valmis has no check for { $id }
select-not-a-pattern = { $flag } `{ $pattern }` is not a pattern: { $error }
select-matches-nothing = { $flag } `{ $pattern }` matches no requirement of round { $round }{ $near }
select-none-near = {" "}(`valmis requirements` lists them)
select-near = ; did you mean { $names }?
select-leaves-nothing = { $flags } leaves no requirement of round { $round } to check; a run that checks nothing is never ready
select-not-selected = not selected (--only { $patterns })
select-skipped = skipped on request (--skip { $patterns })
skip-kind-unknown = not evaluated: the manifest's `{ $field }` is not one valmis knows (see BUNDLE-MANIFEST)
skip-no-service = applies only to { $services }; none of them is declared
word-with = with

## Connections (CONN-*)

conn-not-needed-skip = no declared service needs a connection configuration
conn-missing = there is no connection/connection.toml; { $services } needs one
conn-missing-help = describe the endpoints, certificates and source addresses: `valmis init` writes a commented connection.toml (format in docs/connection.md)
conn-invalid = connection.toml is not valid: { $message }
conn-format = connection format { $format } is not supported; this valmis reads format { $supported }
conn-environment = environment `{ $environment }` is not one of { $known }
conn-environment-help = co-testing connects to the customer test environment: environment = "asiakastesti"
conn-no-endpoint = connection.toml has no [[endpoint]]
conn-no-endpoint-help = add one [[endpoint]] per service connection
conn-no-endpoint-skip = connection.toml has no [[endpoint]] (see CONN-CONFIG)
conn-name-twice = endpoint name `{ $name }` is used twice
conn-no-signing = connection.toml has no [signing] certificate; { $services } signs with one
conn-no-signing-help = add [signing] certificate = "certs/<system-signature certificate>.pem"
conn-url-placeholder = endpoint `{ $name }`'s url is still the template placeholder `{ $url }`
conn-not-url = `{ $url }` is not a URL: { $error }
conn-not-https = endpoint `{ $name }` uses { $scheme }, not https
conn-not-https-help = Kanta connections use TLS with mutual authentication: https://…
conn-no-host = `{ $url }` has no host
conn-production-host = host `{ $host }` is a production address
conn-production-host-help = co-testing uses the customer test environment; never list production hosts
conn-service-unknown = service `{ $service }` is not a service of the catalog
conn-services-are = services are { $known }
conn-service-undeclared = service `{ $service }` is not declared in manifest.toml
conn-service-undeclared-help = declare it under [system] services, or remove the endpoint
conn-ips-not-needed-skip = no [network] source_ips, and no declared service needs them
conn-ips-missing = [network] source_ips is missing; { $services } connects from static public addresses
conn-ips-missing-help = list them: [network] source_ips = ["198.51.100.20"]
conn-ip-placeholder = source address `{ $address }` is still the template placeholder
conn-ip-placeholder-help = list the static addresses your system connects from, like "198.51.100.20"
conn-ip-invalid = `{ $address }` is not an IP address
conn-ip-invalid-help = write one address per entry, like "198.51.100.20" or "2001:db8::20" (no ranges or masks)
conn-ip-private = `{ $address }` is a private, loopback or otherwise non-public address; { $services } needs public ones
conn-ip-private-help = give the static public addresses your backend connects from
probe-offline-skip = offline run: pass --online with --client-key FILE to probe the endpoints
probe-not-probed = endpoint `{ $name }` was not probed
probe-failed = endpoint `{ $name }`: { $failure }
probe-failed-at = endpoint `{ $name }`: { $failure } ({ $address })
probe-help-url = correct the endpoint url in connection.toml
probe-help-dns = check the host name; the customer test environment's names resolve only where Kela's instructions say
probe-help-refused = check the port, and that the service runs and the firewall admits this machine's address
probe-help-timeout = check the address, firewall rules and that this machine's source address is allowed
probe-help-alert = check that the server accepts the client certificate: its issuer, clientAuth, and that it is the one registered with Kela
probe-help-unknown-issuer = put the root that issued the server's certificate in ca_bundle
probe-help-name-mismatch = use the host name the server's certificate names in the url
probe-help-expired = the server's certificate must be renewed
probe-help-tls-version = the server must offer TLS 1.2 or 1.3
probe-help-client-rejected = the server does not trust this client certificate: its client CA (nginx ssl_client_certificate) must include the issuer of the endpoint's client_certificate, which must be the one registered with Kela
probe-help-client-not-requested = the endpoint must require mutual TLS (nginx: ssl_verify_client on); if a proxy ends TLS, use the address where the client certificate is checked
probe-help-redirect = put the final https address in the url; valmis does not follow redirects to other hosts or to http
probe-help-other = see the message; run `valmis probe` for the details of the connection

## Why a rule cannot look (shared inputs)

not-in-file-pass = { $id } was not evaluated by the file pass
manifest-missing-skip = there is no manifest.toml (see BUNDLE-MANIFEST)
manifest-unreadable-skip = manifest.toml could not be read (see BUNDLE-MANIFEST)
pretest-unusable-skip = no usable pre-test report (see PRETEST-REPORT)
conn-missing-skip = there is no connection/connection.toml (see CONN-CONFIG)
conn-unreadable-skip = connection/connection.toml could not be read (see CONN-CONFIG)
arc-organisation = the manifest's organisation
arc-test-organisation = a test organisation of the manifest
conn-not-utf8 = connection.toml is not valid UTF-8; save it as UTF-8
conn-path-empty = the path is empty
conn-path-outside = `{ $path }` must be a path inside connection/ (no `..`, no absolute path)

## Reading a file of the bundle

read-not-found = `{ $path }` is not in the bundle
read-too-large = `{ $path }` is too large to read: { $reason }
read-failed = failed to read `{ $path }`: { $reason }
read-limit = { $size } bytes, the limit is { $limit }
read-grew = it grew past { $limit } bytes while being read
read-decompresses-more = it decompresses to more than the { $declared } bytes its header declares

## Reading and verifying certificates

pki-pem-unreadable = PEM block { $block } is not readable: { $error }
pki-pem-not-x509 = PEM certificate { $block } is not a valid X.509 certificate: { $error }
pki-pem-empty = the PEM file has no CERTIFICATE block
pki-not-certificate = neither PEM nor a DER X.509 certificate: { $error }
pki-der-error = { $error }
pki-trailing-bytes = { $bytes } bytes after the certificate
pki-unknown-issuer = no chain to the trust anchors in ca_bundle (unknown issuer)
pki-expired = a certificate of the chain has expired
pki-not-yet-valid = a certificate of the chain is not valid yet
pki-eku-missing = the certificate lacks the extended key usage this use needs
pki-name-not-covered = the certificate does not cover this host name
pki-bad-signature = a signature in the chain does not verify
pki-weak-algorithm = the chain uses a signature algorithm that is not accepted (SHA-1 or MD5?)
pki-ca-as-end-entity = a CA certificate is used as an end-entity certificate
pki-end-entity-as-ca = an end-entity certificate is used as a CA
pki-other = { $error }

## Certificates (CERT-*)

cert-unreadable-skip = not readable (see CERT-PARSE)
cert-none-skip = connection.toml references no client or signing certificate
cert-parse-help = export the certificate again from the DVV delivery (PEM or DER)
cert-copies-differ = `{ $path }` and `{ $sibling }` are different certificates ({ $first } and { $other })
cert-copies-differ-help = keep the PEM and DER copies of one DVV delivery together, or remove the stale one
cert-copy-not-certificate = `{ $sibling }`, the other copy of `{ $path }`, is not a certificate
cert-not-yet-valid = { $who } is not valid yet: notBefore { $date }
cert-expired = { $who } expired on { $date } (notAfter)
cert-expired-help = order a new test certificate from DVV
cert-expires-soon = { $who } expires on { $date } (notAfter), within { $days } days
cert-expires-soon-help = order the next test certificate from DVV now
cert-expires-in-round = { $who } expires on { $date } (notAfter), before round { $round } ends on { $ends }
cert-expires-in-round-help = order the next test certificate before the co-testing period
cert-too-long = { $who } is valid for { $days } days ({ $from } to { $to }); a DVV { $kind ->
        [server] server certificate
       *[signing] system-signature certificate
    } is valid for at most { $maximum }
cert-too-long-help = use the certificate DVV delivered; a longer one is not a DVV test certificate
cert-professional = { $who } is a professional's (personal) certificate: issuer `{ $issuer }`{ $unit } is the CA of healthcare professionals' cards, not a service-certificate CA{ $person ->
        [yes] ; its subject names a person
       *[no] {""}
    }.{ $production ->
        [yes] {" "}It is also a production CA.
       *[no] {""}
    }
cert-professional-help = a system signs and connects with a DVV service certificate (system-signature or server certificate, issuer e.g. VRK TEST CA for Social Welfare and Health Care Service Providers); order a test service certificate from DVV
cert-production = { $who } is a production certificate: issuer `{ $issuer }` is { $how ->
        [listed] a production CA of this round's catalog
       *[named] named like a DVV production CA (no TEST in its name)
    }
cert-production-help = the customer test environment accepts only DVV test certificates; order a test certificate from DVV, and keep production certificates out of the bundle
cert-unknown-ca = { $who } is issued by `{ $issuer }`, which is not a DVV test CA of round { $round }
cert-unknown-ca-dvv-help = `{ $issuer }` is named like a DVV test CA: if DVV issued the certificate, add the name to [round] test_ca_names of your catalog (--catalog DIR); the round knows { $known }
cert-unknown-ca-help = order a test certificate from DVV; the round knows { $known }
cert-is-ca = { $who } is a CA certificate (basicConstraints CA:TRUE)
cert-is-ca-help = configure the end-entity certificate DVV issued to your system, not a CA certificate
cert-no-client-auth = { $who } cannot authenticate a TLS client: extendedKeyUsage is { $usages }, without clientAuth
cert-no-client-auth-help = order a test server certificate with clientAuth from DVV for mutual TLS
cert-usage-absent = absent
cert-cannot-sign = { $who } cannot sign: keyUsage is { $usages }, without digitalSignature{ $person ->
        [yes] {" "}(its subject names a person: a professional's card certificate, not a system-signature certificate)
       *[no] {""}
    }
cert-cannot-sign-help = order a DVV test system-signature certificate (keyUsage digitalSignature, nonRepudiation)
cert-weak-key = { $who } has a { $key } key; at least RSA 2048 or EC P-256 is required
cert-weak-key-help = order a new certificate with an RSA 2048 or 4096 key (DVV)
cert-weak-signature = { $who } is signed with { $algorithm }, which is no longer accepted
cert-weak-signature-help = order a new certificate; current DVV certificates are signed with SHA-256
cert-serial-not-organisation = { $who } has subject serialNumber `{ $serial }`, which is not the organisation's OID `{ $organisation }` or below it
cert-serial-not-organisation-help = order the certificate with your organisation's or system's OID in serialNumber
cert-no-serial = { $who } has no subject serialNumber; Kanta PHR identifies the app by the OID there
cert-no-serial-help = order the certificate with the app's OID in the subject serialNumber
cert-no-dns = { $who } has no DNS name (subjectAltName); DVV server certificates must have one
cert-no-dns-help = order a test server certificate for the endpoint's DNS name
cert-endpoint-ip = endpoint `{ $endpoint }` is an IP address ({ $host }); DVV certificates name DNS hosts only
cert-endpoint-ip-help = use the DNS name the certificate was ordered for in the endpoint url
cert-host-not-covered = { $who } does not cover `{ $host }` of endpoint `{ $endpoint }`; its DNS names are { $names }
cert-host-not-covered-help = use the certificate ordered for this host, or correct the endpoint url
cert-chain-no-anchors = { $who }: ca_bundle is not readable, so the chain cannot be checked (see CERT-PARSE)
cert-chain = { $who } does not validate to ca_bundle for { $purpose ->
        [client] mutual TLS (clientAuth)
       *[signing] signing
    }: { $reason }
cert-chain-help = put the DVV test root in ca_bundle and the intermediate CA after the certificate in its PEM file

## Certificate files

cert-path-placeholder = the certificate path at { $file }:{ $line } is still the template placeholder `{ $path }`
cert-path-missing = `{ $path }` (referenced from { $file }:{ $line }) is not in the bundle
cert-file-error = `{ $path }`: { $error }

## The manifest (BUNDLE-MANIFEST)

manifest-not-utf8 = manifest.toml is not valid UTF-8; save it as UTF-8
manifest-missing = there is no manifest.toml at the bundle root
manifest-missing-help = `valmis init DIR` writes a commented template to start from
manifest-unreadable = manifest.toml cannot be read: { $reason }
manifest-syntax = TOML syntax error: { $message }
manifest-no-format = manifest has no `format`; add `format = 1` as its first line
manifest-format = manifest format { $format } is not supported; this valmis reads format { $supported }
manifest-no-round = manifest has no `round` (the co-testing round, e.g. "2027-1")
manifest-round-unknown = round `{ $round }` has no catalog; known rounds: { $known }
manifest-round-unknown-help = use a known round, or give that round's catalog with --catalog DIR
manifest-value-unknown = `{ $key }` `{ $value }` is not a { $what ->
        [kind] kind of submission
        [role] role
       *[purpose] customer organisation's purpose
    } valmis knows; it is one of { $allowed }
manifest-no-system = manifest has no [system] table (name, version, class, services, environment)
manifest-system-no-key = [system] has no `{ $key }`
manifest-system-not-one-of = system { $key } `{ $value }` is not one of { $allowed }
manifest-system-empty = system { $key } is empty
manifest-system-placeholder = system { $key } is still the template placeholder `{ $value }`
manifest-system-choose = write one of { $allowed }
manifest-services-empty = `system.services` is empty: declare at least one service
manifest-service-unknown = unknown service `{ $service }`; services are { $known }
manifest-service-twice = service `{ $service }` is declared twice
manifest-unknown-key-top = unknown key `{ $key }` at the top level; expected one of { $expected }
manifest-unknown-key-in = unknown key `{ $key }` in [{ $table }]; expected one of { $expected }
manifest-placeholder = `{ $key }` is still the template placeholder `{ $value }`
manifest-date-quoted-help = write the date without quotes: submitted = 2026-11-20
manifest-quote-help = put the value in quotes
manifest-wrong-type = `{ $key }` must be { $expected }, found { $found }
manifest-not-string = `{ $key }."{ $item }"` must be a string, found { $found }
value-kind = { $kind ->
        [string] a string
        [integer] an integer
        [boolean-expected] true or false
        [date-expected] a date like 2026-11-20
        [string-array] an array of strings
        [string-table] a table of strings
        [float] a float
        [boolean] a boolean
        [date-time] a date-time
        [date] a date
        [array] an array
        [array-mixed] an array with non-strings
       *[table] a table
    }

## Identifiers: business ids, identity codes, OIDs

business-id-shape = not of the form NNNNNNN-C (seven digits, hyphen, check digit)
business-id-unissuable = no business id has these seven digits (weighted sum leaves remainder 1)
business-id-check-digit = the check digit should be { $expected }
hetu-shape = not of the form DDMMYYCZZZQ (11 characters)
hetu-century-sign = `{ $sign }` is not a century sign (+ - Y X W V U A B C D E F)
hetu-date = the date part is not a calendar date
hetu-individual-number = individual numbers 000 and 001 are never issued
hetu-check-character = the check character should be `{ $expected }`
oid-empty = empty
oid-character = `{ $character }` is not allowed (digits and dots only)
oid-empty-arc = has an empty arc (two dots in a row, or a dot at an end)
oid-leading-zero = an arc has a leading zero
oid-first-arc = the first arc must be 0, 1 or 2
oid-too-short = needs at least two arcs

## OIDs of documents (DOC-OID)

oid-invalid = { $path }/@{ $attribute } `{ $value }` is not a valid OID: { $error }
oid-invalid-help = Kanta identifiers and code systems are OIDs: digits and dots, no leading zeros, like 1.2.246.10.12345671.11.2026.1001
oid-arc-not-business-id = { $path }/@{ $attribute } `{ $value }`: organisation arc `{ $arc }` is not a business id ({ $error })
oid-arc-not-business-id-help = 1.2.246.10.<business id digits> is an organisation's arc (JHS 159); a template's placeholder arc must be replaced by the organisation's own
oid-extension-no-root = { $path } has an @extension but no @root: the identifier cannot be resolved without it
oid-id-empty = { $path } is empty: it has neither @root nor @nullFlavor
oid-root-and-null-flavor = { $path } has both @root and @nullFlavor `{ $flavor }`
oid-ii-rule-help = HL7's II rule: give the identifier's OID in @root, or say why it is unknown with @nullFlavor="NI", not both
oid-sample-value = { $path }/@root `{ $oid }` is under `{ $sample }`, a published sample value ({ $origin })
oid-sample-value-help = replace the sample value with an OID of the organisation that produces the document
arc-whose = { $whose ->
        [author-organisation] the author's organisation
        [author-parent] the author's parent organisation
        [custodian] the custodian
        [provider] the service provider
        [provider-unit] the service provider's unit
       *[practitioner] the author's practitioner arc (SV number)
    }
oid-accepted-none = none: the document names no organisation
oid-document-id-arc = { $path }/@root `{ $id }` is under no organisation or practitioner arc this document names or the bundle declares; accepted: { $accepted }
oid-document-id-arc-help = give documents ids under the producing organisation's arc; if you write for a test organisation Kela assigned, list its OID in [organisation] test_organisations

## Contacts and the organisation (BUNDLE-CONTACTS, BUNDLE-ORG)

manifest-wrong-type-skip = not evaluated: `{ $keys }` could not be read or has the wrong type (see BUNDLE-MANIFEST)
contact-missing = no { $role ->
        [technical] technical
       *[administrative] administrative
    } contact: [contacts.{ $role }] is missing
contact-missing-help = add [contacts.{ $role }] with name, email and phone
contact-no-field = [contacts.{ $role }] has no `{ $field }`
contact-empty = { $role ->
        [technical] technical
       *[administrative] administrative
    } contact's { $field } is empty
contact-placeholder = { $role ->
        [technical] technical
       *[administrative] administrative
    } contact's { $field } is still the template placeholder `{ $value }`
contact-email-invalid = { $role ->
        [technical] technical
       *[administrative] administrative
    } contact's e-mail `{ $value }` is not an address like name@example.fi
contact-phone-invalid = { $role ->
        [technical] technical
       *[administrative] administrative
    } contact's phone `{ $value }` is not a phone number (7–15 digits, e.g. +358 40 123 4567)
contact-phone-national = { $role ->
        [technical] technical
       *[administrative] administrative
    } contact's phone `{ $value }` is in national form
contact-phone-national-help = write it in international form, `{ $international }`
org-missing = manifest has no [organisation] table
org-missing-help = add [organisation] with name, business_id and oid
org-no-name = [organisation] has no `name`
org-name-empty = organisation name is empty
org-name-placeholder = organisation name is still the template placeholder `{ $name }`
org-no-business-id = [organisation] has no `business_id` (Y-tunnus, e.g. 1234567-1)
org-business-id-invalid = business id `{ $id }` is not valid: { $error }
org-no-oid = [organisation] has no `oid` (1.2.246.10.<business id digits>)
org-oid-invalid = organisation OID `{ $oid }` is not a valid OID: { $error }
org-oid-not-under-arc = organisation OID `{ $oid }` is not at or below `{ $arc }`, the arc of business id { $business_id }
org-oid-not-under-arc-help = use `{ $arc }` or an OID registered below it
org-business-id-placeholder = business id is still the template placeholder `{ $id }`
org-business-id-placeholder-help = write the organisation's business id (Y-tunnus) as in the Trade Register, like 1234567-1
org-oid-placeholder = organisation OID is still the template placeholder `{ $oid }`
org-oid-placeholder-help = write 1.2.246.10 followed by the business id's digits (1234567-1 gives 1.2.246.10.12345671), or an OID registered below it
org-test-oid-invalid = test organisation `{ $oid }` is not a valid OID: { $error }
org-test-oid-invalid-help = write the organisation OID Kela assigned, like 1.2.246.10.23456780
org-test-arc-not-business-id = test organisation `{ $oid }`: arc `{ $arc }` is not a business id ({ $error })
org-test-arc-not-business-id-help = check the OID against what Kela assigned; a placeholder would be refused

## Documents as read (DOC-WELLFORMED and the rules after it)

json-not-valid = not valid JSON: { $error }
json-empty = the document is empty
json-too-large = not valid JSON here: the document is larger than 4 GiB
json-ends-early = not valid JSON: the text ends where { $expected ->
        [end] the end of the document
        [comma-brace] ',' or '{"}"}'
        [comma-bracket] ',' or ']'
        [name] a member name in double quotes
        [colon] ':'
       *[value] a value
    } was expected
json-unexpected = not valid JSON: found { $found } where { $expected ->
        [end] the end of the document
        [comma-brace] ',' or '{"}"}'
        [comma-bracket] ',' or ']'
        [name] a member name in double quotes
        [colon] ':'
       *[value] a value
    } was expected
json-comment = not valid JSON: comments are not allowed in JSON
json-too-deep = not valid JSON: arrays and objects nested deeper than { $limit } levels
json-missing-comma = not valid JSON: a comma is missing here, before the next value
json-trailing-comma = not valid JSON: a trailing comma before the closing bracket
json-unknown-word = not valid JSON: an unknown word (the only words are true, false and null)
json-bad-number = not valid JSON: a number JSON does not allow (no leading zeros, plus signs, bare decimal points or hexadecimal)
json-unterminated-string = not valid JSON: a string is not closed
json-control-in-string = not valid JSON: a control character in a string (write it as an escape such as \n)
json-bad-escape = not valid JSON: an escape JSON does not have (only \" \\ \/ \b \f \n \r \t and \uXXXX)
json-lone-surrogate = not valid JSON: a \u escape of half a surrogate pair (an emoji needs both halves)
document-over-budget = the document has up to { $cost } elements, attributes or values; valmis parses at most { $limit } per document (a Kanta document has a few thousand), so it was not parsed
document-over-budget-help = send a smaller sample document: co-testing needs representative documents, not bulk data
document-too-large = `{ $path }` is { $size } bytes; documents larger than { $limit } bytes are not read
document-not-utf8 = `{ $path }` is not UTF-8 (first bad byte at offset { $offset }); save it as UTF-8
xml-not-well-formed = not well-formed XML: { $error }
document-skip = { $why ->
        [unreadable] not readable
        [not-well-formed] not well-formed
        [over-budget] not parsed: too many nodes
       *[not-json] not valid JSON
    } (see DOC-WELLFORMED)
document-doctype = the document has a DOCTYPE or ENTITY declaration, which is refused
document-doctype-help = remove the DOCTYPE: Kanta's validation rejects it, and entities open the door to XXE and billion-laughs attacks
document-not-cda-skip = not a CDA R2 ClinicalDocument (see DOC-CDA-HEADER)
documents-none-skip = documents/ holds no { $kind ->
        [xml] .xml
        [json] .json
       *[any] .xml or .json
    } document
declared-unreadable-skip = not readable: { $reason }

## Identity codes and secrets (PRIVACY-HETU, BUNDLE-SECRETS)

privacy-nothing-skip = the bundle has no text artefacts to scan
privacy-in-name = the file name holds personal identity code `{ $code }`, which is not a test identity (individual number not in 900–999)
privacy-in-name-help = rename the file (and its folder) without the identity code
privacy-not-test-identity = personal identity code `{ $code }` is not a test identity (individual number not in 900–999)
privacy-workbook-unscanned = `{ $path }` could not be scanned: { $error }
privacy-workbook-unscanned-help = save the workbook again from Excel (without stray cells far from the table), or export it as CSV
privacy-in-document = personal identity code `{ $code }` is not a test identity (individual number not in 900–999), in `{ $part }`, paragraph { $block }
privacy-in-note = personal identity code `{ $code }` is not a test identity (individual number not in 900–999), in the note on cell { $cell } (`{ $part }`)
privacy-in-sheet-name = personal identity code `{ $code }` is not a test identity (individual number not in 900–999), in the name of a sheet (`{ $part }`)
privacy-in-header-footer = personal identity code `{ $code }` is not a test identity (individual number not in 900–999), in a header or footer (`{ $part }`)
privacy-document-unscanned-help = save the document again from your word processor; a document that cannot be read could hide a real identity code
privacy-in-archive-name = the name of `{ $entry }` in the archive holds personal identity code `{ $code }`, which is not a test identity (individual number not in 900–999)
privacy-in-archive = { $finding }, in `{ $entry }` inside the archive
privacy-in-archive-line = { $finding }, in `{ $entry }` inside the archive, line { $line }
privacy-in-archive-cell = { $finding }, in `{ $entry }` inside the archive, cell { $cell }
privacy-in-embedded = { $finding }, in `{ $entry }` embedded in the document
privacy-in-embedded-cell = { $finding }, in `{ $entry }` embedded in the document, cell { $cell }
privacy-archive-unscanned-help = unpack the archive into the bundle instead, or zip it again without a password; an archive that cannot be read could hide a real identity code
office-not-zip = not a readable zip: { $error }
office-too-many-entries = { $entries } zip entries (at most { $limit })
office-part-unreadable = `{ $part }` could not be read: { $error }
office-too-large = its XML parts inflate to more than { $limit } bytes
archive-too-deep = `{ $entry }` is a zip inside zips more than { $depth } levels deep
archive-too-large = its files inflate to more than { $limit } MiB
secrets-key-store = `{ $path }` is a private key or key store file (.{ $extension })
secrets-pem-block = `{ $path }` contains a PEM `{ $label }` block
secrets-der-key = `{ $path }` is a DER-encoded private key
secrets-key-store-in-archive = `{ $entry }` inside the archive is a private key or key store file (.{ $extension })
secrets-pem-block-in-archive = `{ $entry }` inside the archive contains a PEM `{ $label }` block, line { $line }
secrets-der-key-in-archive = `{ $entry }` inside the archive is a DER-encoded private key
secrets-pem-block-in-document = `{ $path }` contains a PEM `{ $label }` block, in `{ $part }`, paragraph { $block }
secrets-pem-block-in-archive-document = `{ $entry }` inside the archive contains a PEM `{ $label }` block, in `{ $part }`, paragraph { $block }
secrets-pem-block-in-cell = `{ $path }` contains a PEM `{ $label }` block, in cell { $cell }
secrets-pem-block-in-archive-cell = `{ $entry }` inside the archive contains a PEM `{ $label }` block, in cell { $cell }
secrets-archive-unreadable = `{ $path }` could not be read to its end: { $error }
secrets-unreadable = could not read every file: { $reasons }
secrets-not-scanned = not scanned: { $reason }

## Files of the bundle (BUNDLE-HYGIENE, BUNDLE-INTEGRITY)

hygiene-tool-folder = `{ $path }` is a tool folder that does not belong in a submission
hygiene-leftover = `{ $path }` is an editor or OS leftover
hygiene-delete-help = { $macos ->
        [yes] delete it; zip without Finder's leftovers: `valmis pack nippu -o nippu.zip` leaves them out (or, on macOS, `zip -r -X nippu.zip nippu -x '*.DS_Store' -x '*/._*'`; Finder's Compress adds __MACOSX/ and ._ files)
       *[no] delete it from the bundle (`valmis pack` leaves it out)
    }
hygiene-empty = `{ $path }` is empty
hygiene-empty-help = an empty file is usually a failed export: export it again or remove it
hygiene-not-utf8 = `{ $path }` has a name that is not valid UTF-8
hygiene-unportable = `{ $path }` { $problem }
hygiene-unportable-folder = folder `{ $path }` { $problem }
hygiene-rename-help = rename it without spaces, control characters or \ : * ? " < > | (letters such as ä, ö and å are fine)
hygiene-collide = { $paths } differ only in letter case or in how their letters are composed, and collide on Windows and macOS
hygiene-collide-help = rename or remove all but one
name-space = has a space in its name
name-control = has the control character `{ $character }` in its name
name-windows-character = has `{ $character }`, a character Windows does not allow, in its name
name-decomposed = is written decomposed (NFD, as macOS may write `{ $composed }`): it collides with the composed name elsewhere
name-reserved = uses `{ $stem }`, a name Windows reserves
name-trailing-dot = ends with a dot, which Windows drops
name-leading-dash = starts with `-`, which command-line tools read as an option
integrity-no-files-skip = manifest has no [files] table, so no file contents are pinned
integrity-digest-form = digest of `{ $path }` must be "sha256:" and 64 hex digits
integrity-missing = `{ $path }` is listed in [files] but is not in the bundle
integrity-unreadable = `{ $path }` cannot be read to check its digest: { $error }
integrity-changed = SHA-256 of `{ $path }` is { $actual }…, [files] says { $expected }…: the file changed after it was pinned
integrity-changed-help = if the change is intended, pin it again: "{ $path }" = "sha256:{ $actual }"
integrity-unlisted = `{ $path }` is in the bundle but not listed in [files]

## The CDA header (DOC-CDA-HEADER, DOC-TIMESTAMPS, DOC-VERSIONING)

header-not-cda = the root element is `{ $name }` in namespace `{ $namespace }`, not ClinicalDocument in `{ $hl7 }`
header-none = (none)
header-missing-value = (missing)
header-not-cda-help = sample documents under documents/ must be HL7 CDA R2 documents (or FHIR JSON)
header-part = { $element ->
        [realmCode] realm FI
        [typeId] CDA R2 type id
        [id] the document's unique id (its @root is DOC-OID's)
        [code] the document type
        [effectiveTime] when the document was created
        [confidentialityCode] confidentiality
        [languageCode] language
        [recordTarget] the patient
        [author] the author
       *[custodian] the custodian organisation
    }
header-attribute-missing = { $path }/@{ $attribute } is missing ({ $what })
header-attribute-value = { $path }/@{ $attribute } is `{ $found }`, not `{ $expected }`
header-element-missing = /ClinicalDocument/{ $element } is missing ({ $what })
header-element-missing-help = add <{ $element }> to the header as Kanta's CDA R2 specification requires
timestamp-invalid = { $path }/@value `{ $value }` is not an HL7 timestamp
timestamp-invalid-help = write YYYYMMDDhhmmss with the offset, like 20261112091200+0200
versioning-set-id = versionNumber is 1 but setId/@root `{ $set_id }` differs from id/@root `{ $id }`
versioning-set-id-help = the first version of a document has setId equal to its id; later versions keep the setId and increase versionNumber

## The patient of a document (DOC-PATIENT)

patient-no-extension = { $path } has root { $root } but no @extension
patient-invalid = { $path }/@extension is not a valid personal identity code: { $error }
patient-invalid-help = use a Kela test identity, e.g. 010181-900C
patient-real = { $path }/@extension `{ $code }` is a real person's identity code, not a test identity
patient-real-help = Kanta's validation rejects documents with real identity codes: use a Kela test identity
patient-not-test-person = { $path }/@extension `{ $code }` is not a test person of the pre-test report
patient-not-test-person-help = sample documents should come from the pre-test runs; a reviewer will ask where this one is from
patient-birth-date = { $path }/@value `{ $value }` disagrees with the identity code's birth date { $expected }

## Schema validation (DOC-SCHEMA)

xsd-anonymous-type = an anonymous type
xsd-type-name = `{ $name }`
xsd-builtin = xs:{ $name }
xsd-not-valid = `{ $value }` is not a valid { $type_ }
xsd-out-of-range = `{ $value }` is out of range for { $type_ }
xsd-root-undeclared = the root element `{ $name }` is not declared by the schema (it declares { $declared }, ...)
xsd-idref = IDREF `{ $reference }` refers to no ID in the document
xsd-more = and { $more } more schema violations not listed
xsd-too-deep = elements nested deeper than { $depth } levels are not validated
xsd-xsi-type-unknown = element `{ $name }`: xsi:type `{ $value }` names no type of the schema
xsd-xsi-type-not-derived = element `{ $name }`: xsi:type `{ $value }` is not derived from its declared type { $declared }
xsd-not-nillable = element `{ $name }` is not nillable: xsi:nil is not allowed
xsd-attribute-simple-content = element `{ $name }`: attribute `{ $attribute }` is not allowed (simple content)
xsd-abstract = element `{ $name }` has the abstract type { $type_ }: name a concrete type with xsi:type
xsd-nil-content = element `{ $name }` is nil (xsi:nil) but has content
xsd-no-children = element `{ $name }` takes no child elements: `{ $child }` is not allowed
xsd-simple-content-child = element `{ $name }` has simple content: child element `{ $child }` is not allowed
xsd-element-value = element `{ $name }`: { $message }
xsd-element-fixed = element `{ $name }` must have the fixed value `{ $fixed }`
xsd-no-text = element `{ $name }` takes no text: `{ $text }`
xsd-attribute-value = element `{ $name }`, attribute `{ $attribute }`: { $message }
xsd-attribute-fixed = element `{ $name }`, attribute `{ $attribute }`: `{ $value }` is not the fixed value `{ $fixed }`
xsd-attribute-not-allowed = element `{ $name }`: attribute `{ $attribute }` is not allowed
xsd-attribute-required = element `{ $name }` is missing the required attribute `{ $attribute }`
xsd-expected = { $any ->
        [yes] { $has_before ->
            [yes] { $before },{" "}
           *[no] {""}
        }any element{ $has_after ->
            [yes] , { $after }
           *[no] {""}
        }
       *[no] { $names }
    }{ $more ->
        [0] {""}
       *[other] , { $more } more
    }
xsd-unexpected-no-more = element `{ $child }` is not expected in `{ $name }`: no more child elements are allowed
xsd-unexpected = element `{ $child }` is not expected in `{ $name }` here; expected { $expected }
xsd-strict-wildcard = element `{ $child }` is declared nowhere in the schema (a strict wildcard)
xsd-missing-children = element `{ $name }` is missing child elements: expected { $expected }
xsd-id-twice = the ID `{ $id }` is used twice in the document
xsd-invalid = not valid
xsd-list-item = list item { $message }
xsd-union = `{ $value }` is not a valid { $type_ } (none of its member types accepts it)
xsd-facet-of = { $message } ({ $type_ })
xsd-enumeration = `{ $value }` is not one of the allowed values { $allowed }{ $more ->
        [0] {""}
       *[other] , { $more } more
    }
xsd-pattern = `{ $value }` does not match the pattern `{ $patterns }`
xsd-length = `{ $value }` has { $length } { $unit ->
        [items] items
       *[characters] characters
    }, { $which ->
        [exact] not
        [minimum] fewer than
       *[maximum] more than
    } { $bound }
xsd-bound = `{ $value }` { $which ->
        [min-inclusive] is less than the minimum
        [max-inclusive] is more than the maximum
        [min-exclusive] must be more than
       *[max-exclusive] must be less than
    } { $bound }
xsd-digits = `{ $value }` has more than { $bound } { $which ->
        [total] digits
       *[fraction] fraction digits
    }

## The schema set (DOC-SCHEMA)

schema-absent-skip = no CDA schema set: the round's catalog names none ([round] cda_schema) and --cda-schema is not given
schema-help = Kanta's validation service rejects a document its schema rejects; valmis validated against { $origin }
schema-broken = the CDA schema set `{ $origin }` cannot be used: { $error }

## Reading the pre-test report

report-column-twice = column `{ $column }` appears twice in the header; only the first is read
report-column-unknown = unknown column `{ $column }` is ignored
report-header-unrecognised = the header row is not recognised: it must name at least `case_id` and `result` (or `testitapaus` and `tulos`); found { $found }
report-column-missing = the header has no `{ $english }` column (Finnish: `{ $finnish }`)
report-empty-row = an empty row
report-names = { $names }
report-line = line { $line }
report-sheet-row = { $sheet } row { $row }
report-csv-unreadable = not readable as CSV: { $error }
report-csv-extra-values = line { $line } has { $values } values but the header has { $columns } columns: quote values that contain `{ $delimiter }`
report-empty = the report is empty: it needs a header row and one row per case
report-bom-invalid = the file starts with a { $encoding } byte order mark but is not valid { $encoding }; broken characters are shown as �
report-windows-1252 = the file is not UTF-8; it was read as Windows-1252 (Excel's "CSV" on Finnish Windows): check that ä and ö look right and save it as "CSV UTF-8"
report-line-too-long = line { $line } is { $bytes } bytes long; a report line is at most { $limit } bytes (is this file the pre-test report?)
report-too-many-fields = line { $line } has { $fields } fields; a report has 8 columns and at most { $limit } are read (is this file the pre-test report?)
report-update-broken = the file starts with a { $encoding } byte order mark but is not valid { $encoding }; valmis run would change bytes it did not write: save the report again from Excel
report-update-column-added = the report had no `{ $column }` column: it is added at the end of the header
report-update-utf8 = a value the run wrote does not fit Windows-1252: the report is now stored as UTF-8 with a byte order mark (Excel's "CSV UTF-8")
report-update-write = the row could not be written as CSV: { $error }
xlsx-not-zip = not a readable XLSX workbook: the file is truncated or not a zip ({ $error }); save it again from Excel
xlsx-too-many-entries = not a plausible XLSX workbook: { $entries } zip entries (at most { $limit })
xlsx-ratio = not a plausible XLSX workbook: part `{ $part }` inflates { $ratio }:1 (a zip bomb?)
xlsx-inflated = not a plausible XLSX workbook: it inflates to { $inflated } bytes (at most { $limit })
xlsx-no-part = not a readable XLSX workbook: the file is a zip without the workbook part `{ $part }`; is it another file renamed to .xlsx?
xlsx-unreadable = not a readable XLSX workbook: { $error }; save it again from Excel as .xlsx
xlsx-malformed = not a readable XLSX workbook: its sheet data is malformed; save it again from Excel
xlsx-no-sheets = the workbook has no sheets
xlsx-sheet-empty = the first sheet `{ $sheet }` is empty: it needs a header row and one row per case
xlsx-merged = header cells { $sheet }!{ $from }:{ $to } are merged: unmerge them so that each column has its own header cell
xlsx-no-header = the first sheet `{ $sheet }` has no header row: it needs `case_id`, `result`, …
xlsx-sheet-unreadable = sheet `{ $sheet }` is not readable: { $error }
xlsx-too-many-cells = sheet `{ $sheet }` holds more than { $limit } cells; valmis reads sheets of at most that many
xlsx-area = sheet `{ $sheet }` spans { $from }:{ $to } ({ $area } cells); valmis reads sheets of at most { $limit } cells: delete the stray cells far from the table (Ctrl+End shows the last one)
report-json-not-utf8 = the JSON report is not UTF-8 (first bad byte at offset { $offset }); save it as UTF-8
report-json-not-array = the JSON report must be an array with one object per case; found { $found ->
        [string] a string
        [number] a number
        [boolean] a boolean
        [null] null
        [array] an array
        [object] an object
       *[nothing] nothing
    }
report-json-empty = the JSON report is an empty array: it needs one object per case
report-json-element = element { $index } is { $found ->
        [string] a string
        [number] a number
        [boolean] a boolean
        [null] null
        [array] an array
        [object] an object
       *[nothing] nothing
    }, not an object with the case's columns
report-json-not-text = `{ $name }` on line { $line } is { $found ->
        [string] a string
        [number] a number
        [boolean] a boolean
        [null] null
        [array] an array
        [object] an object
       *[nothing] nothing
    }; it must be text

## The pre-test report (PRETEST-*)

pretest-no-rows-skip = the report has no case rows (see PRETEST-REPORT)
pretest-not-applicable-skip = the case is not-applicable: there is no run to judge (see PRETEST-RESULT)
pretest-not-run-skip = the case has not been run yet (see PRETEST-RESULT)
result-missing = case { $case } has no result
result-todo = case { $case } has not been run yet (result is TODO)
result-todo-help = run the case in the customer test environment and fill in the row
result-unknown = result `{ $value }` is not one valmis knows
result-unknown-help = use pass, fail or not-applicable (also ok, hyväksytty, nok, hylätty, ei sovellu)
result-optional-failed = optional case { $case } failed; Kela will see the failure
result-failed = case { $case } failed; a mandatory case must pass before registration
result-failed-help = fix the system and run the case again: { $exercises }
result-not-applicable-refused = case { $case } does not allow not-applicable
result-run-help = run the case: { $exercises }
result-not-applicable-no-note = case { $case } is not-applicable without a note saying why
result-not-applicable-no-note-help = explain in `notes` (huomiot) why the case does not apply to this system
dates-missing = case { $case } has no executed_at
dates-not-a-date = `{ $value }` is not a date: use RFC 3339 (2026-11-12T09:14:00+02:00), YYYY-MM-DD (2026-11-12), YYYY-MM-DD HH:MM, or the Finnish 12.11.2026 with an optional time (12.11.2026 9.14)
dates-future = `{ $value }` is in the future (now is { $now })
dates-future-help = a report can only hold runs that happened; check the date and the clock of the test machine
dates-too-old = case { $case } ran on { $date }, { $age } days ago; round { $round } accepts runs from the last { $max_age } days (since { $oldest })
dates-too-old-help = run the case again in the customer test environment and update the row
environment-missing = case { $case } does not say where it ran
environment-missing-help = fill in `environment` (ympäristö): { $allowed }
environment-wrong = case { $case } ran in `{ $value }`; pre-tests count only in { $allowed }
environment-wrong-help = run the case again in the customer test environment (asiakastestiympäristö)
person-not-needed-skip = case { $case } declares no test person
person-missing = case { $case } does not name its test person
person-missing-help = fill in `test_person` (testihenkilö) with the test identity code used
person-real = `{ $code }` is a real person's identity code (individual number not in 900–999)
person-real-help = use only Kela's test identities; remove the real code from every file of the bundle
person-invalid = `{ $code }` is not a valid personal identity code: { $error }
person-invalid-help = use a test identity from Kela's list, e.g. 010181-900C
evidence-oid-unknown = document_oid `{ $oid }` is not the id of any document under documents/
evidence-oid-unknown-help = add the document the case stored to documents/, or correct document_oid to its id/@root
evidence-absent = evidence `{ $path }` is not in the bundle
evidence-absent-case-help = the bundle has `{ $actual }`; paths are case-sensitive on Kela's side
evidence-absent-comma-help = evidence paths are separated by `;`, not `,`: write `{ $paths }`
evidence-absent-help = add the file, or correct the path (relative to the bundle root)
evidence-none-asked-skip = case { $case } asks for no evidence and the row lists none
evidence-not-passed-skip = case { $case } did not pass and lists no evidence: evidence is asked of passed runs (see PRETEST-RESULT)
evidence-document = case { $case } needs the document it stored
evidence-document-help = add the document under documents/ and list its path in `evidence`
evidence-no-oid = case { $case } stored a document but gives no document_oid
evidence-no-oid-help = fill in `document_oid` (asiakirjan_oid) with the document's id/@root
evidence-oid-invalid = document_oid `{ $oid }` is not an OID: { $error }
evidence-validation-failed = `{ $file }` shows DONE_FAILED, but case { $case } is reported as passed
evidence-validation-failed-help = fix the document until the validation service says DONE_PASSED, then run the case again
evidence-validation = case { $case } needs a validation service result
evidence-validation-help = save the Kanta validation service result (showing DONE_PASSED) under evidence/ and list it
evidence-screenshot-mislabelled = `{ $file }` is named like an image or PDF but is not one; case { $case } needs a screenshot
evidence-screenshot = case { $case } needs a screenshot
evidence-screenshot-help = save a PNG, JPEG or PDF under evidence/ and list it in `evidence`
evidence-message-id = case { $case } needs a message id
evidence-message-id-help = give the acknowledged message's id (a UUID) in `notes`, or list the saved acknowledgement
report-missing = there is no pre-test report (pretest/report.csv, .xlsx or .json)
report-missing-help = pretest/ holds { $files }; the report must be named report.csv, report.xlsx or report.json
report-ambiguous = there are { $count } pre-test reports: { $paths }
report-ambiguous-help = keep one; valmis and Kela's reviewer must not have to guess which one counts
report-no-rows = the report has a header but no case rows
report-no-rows-help = add one row per pre-test case of the declared services (`valmis requirements --coverage`)
coverage-no-service-skip = the manifest declares no known service (see BUNDLE-MANIFEST)
coverage-no-cases-skip = the catalog declares no pre-test cases for { $services }
coverage-missing = mandatory case { $case } ({ $title }) of { $service } has no row
coverage-missing-help = run it and add a row with case_id `{ $case }`: { $exercises }
coverage-optional-skip = optional case { $case } ({ $title }) is not reported
coverage-twice = case { $case } is reported { $times } times ({ $rows }): keep one row per case
coverage-no-case-id = the row has no case_id
coverage-undeclared-service = case { $case } belongs to { $service }, which the manifest does not declare
coverage-unknown-case = `{ $id }` is not a pre-test case of { $services }; the declared cases are { $cases }

## FHIR resources (FHIR-*)

fhir-no-resource-type = { $pointer }: no resourceType
fhir-no-resource-type-help = a FHIR resource starts with "resourceType": "Observation" (or another R4 type)
fhir-unknown-type = { $pointer }/resourceType: `{ $name }` is not a FHIR R4 resource type
fhir-no-profile = { $pointer }/meta/profile: no Kanta PHR profile ({ $profile }…)
fhir-no-profile-help = Kanta PHR validates each resource against its declared fiphr profile; declare it in meta.profile
fhir-no-uuid = { $pointer }/identifier: no identifier with system urn:ietf:rfc:3986 and a urn:uuid: value
fhir-no-uuid-help = give each resource a urn:uuid identifier; conditional create uses it
fhir-no-offset = { $pointer }: dateTime `{ $value }` has a time but no offset
fhir-no-offset-help = write the offset, like 2026-11-12T09:14:00+02:00
fhir-not-test-person = { $pointer }/value `{ $code }` is not a test person of the pre-test report
fhir-real = { $pointer }/value `{ $code }` is a real person's identity code, not a test identity
fhir-invalid = { $pointer }/value is not a valid personal identity code: { $error }
fhir-identity-help = use a Kela test identity (individual number 900–999), e.g. 010181-900C

## The command line: errors and warnings

cli-error = valmis: error: { $message }
cli-invalid-catalog = invalid catalog: { $error }
cli-unknown-round = no catalog for round `{ $round }`; known: { $known }
cli-no-round = the catalog holds no round
cli-bad-now = { $name } `{ $text }` is not an RFC 3339 instant like 2026-11-23T09:00:00Z (or a date like 2026-11-23)
cli-now-no-offset = { $name } `{ $text }` has a time but no offset, so the instant it means is unknown: add `Z` for UTC (2026-11-23T09:00:00Z) or the offset (2026-11-23T09:00:00+02:00)
cli-now-impossible = { $name } `{ $text }` is no real instant: { $reason }
cli-now-no-month = there is no month { $month }
cli-now-no-day = { $month } has { $days } days
cli-now-no-time = { $time } is no time of day (hours 00–23, minutes and seconds 00–59)
cli-now-beyond = it is beyond the years valmis reckons with (up to 9999-12-30)
cli-now-offset = { $offset } is no UTC offset (they run from -23:59 to +23:59)
cli-bundle-is-file = `{ $path }` is a file: pass the bundle's folder, `valmis verify { $folder }` (or its zip)
cli-not-a-bundle = `{ $path }` is not a submission bundle: there is no manifest.toml at its root ({ $files ->
        [0] it is empty
        [one] it holds 1 other file
       *[other] it holds { $files } other files
    }). Pass the bundle's folder or zip, or start one with `valmis init DIR`

## Opening a bundle

open-unreadable = cannot read bundle `{ $path }`: { $reason }
open-not-a-bundle = bundle `{ $path }` is neither a directory nor a zip archive: { $reason }
open-no-zip-directory = bundle `{ $path }` is neither a directory nor a zip archive: no end-of-central-directory record

## Reading JSON reports and schema sets

json-report-invalid = { $file }:{ $line }:{ $column }: not a valmis JSON report: { $reason }
json-report-format = { $file }: JSON report format { $format } is not supported; valmis reads format 1
schema-set-no-entry = `{ $path }` holds no CDA_Fi.xsd: name the entry schema, like --cda-schema { $path }/CDA_Fi.xsd
schema-set-not-found = `{ $path }` is neither a schema file nor a folder
schema-set-unreadable = failed to read `{ $path }`: { $reason }
schema-set-too-many = `{ $path }` has more than { $limit } schema files
schema-set-too-large = `{ $path }` is larger than { $limit } bytes
schema-set-not-xsd = `{ $path }` is not a .xsd file

## Merging shards

merge-not-a-shard = { $file }: not a shard (its report has no `partition`; run verify with --partition K/N)
merge-waivers-in-shard = { $file }: a shard must not carry waivers or a baseline; give them to merge
merge-no-shard = no shard given
merge-other-split = { $file } is shard { $shard }, but { $first_file } is of { $declared } shards
merge-twice = { $file }: shard { $shard } is given twice
merge-missing = shard { $shard } is missing
merge-other-run = { $file } comes from a different run than { $first_file }: its { $fact ->
        [version] valmis version
        [round] round
        [catalog] catalog
        [bundle] bundle
        [now] `--now`
        [strict] `--strict`
       *[lang] language
    } is `{ $value }`, not `{ $first }`

## Harness templates

template-unclosed = `{"{{"}` without a closing `{"}}"}`
template-unknown = unknown variable `{"{{"}{ $name }{"}}"}`; known: { $known }

## The endpoints to probe

probe-anchors-unreadable = ca_bundle is not readable: { $reason }
probe-no-anchors = connection.toml names no ca_bundle
probe-client-unreadable = the client certificate of `{ $endpoint }` is not readable: { $reason }

## The command line: verify, merge and report files

cli-partition-post = --waivers and --baseline apply to the whole report: give them to `valmis merge`, not to a --partition run
cli-cda-schema = --cda-schema: { $error }
cli-waivers-unreadable = cannot read waivers `{ $file }`: { $reason }
cli-waivers-invalid = invalid waivers: { $error }
cli-baseline-unreadable = cannot read baseline `{ $file }`: { $reason }
cli-stdout-failed = failed to write to standard output: { $reason }
cli-shard-unreadable = cannot read shard `{ $file }`: { $reason }
cli-merge-json = merge writes the merged JSON report to OUT (`{ $out }`); leave out --json `{ $json }`, or give that path as OUT
cli-shard-now = the shards' `now` `{ $now }` is not a timestamp
cli-report-is-folder = { $flag } `{ $path }` is a folder; name the report file in it, like `{ $example }`
cli-output-not-writable = { $flag } `{ $path }` is neither a file nor a stream a report can go to (standard input, a block device or a socket); name a file, or `-` for standard output
cli-pack-stream = --output `{ $path }` is a stream, not a file: pack writes the zip you then verify and send; name a file such as submission.zip
cli-output-twice = { $flag } and { $other } both name `{ $path }`: the second would replace the first; give each its own file
cli-output-replaces-input = { $flag } `{ $path }` is { $input ->
    [bundle] the bundle this run reads
    [bundle-file] a file of the bundle this run reads (its manifest.toml or a file in one of its folders)
    [packed-file] a file of the bundle folder pack zips (only an earlier zip may be replaced)
    [waivers] the waivers file (`--waivers`) this run reads
    [baseline] the baseline (`--baseline`) this run reads; only `--json` may replace it
    [client-key] a private key (`--client-key`) this run reads
    [shard] a shard report this merge reads
    [catalog] a file of the catalog folder (`--catalog`) this run reads
    [cda-schema] a file of the CDA schema folder (`--cda-schema`) this run reads
    [cases] a file of the harness cases folder (`--cases`) this run reads
   *[other] a file this run reads
  }; valmis never writes over what it reads: name another file
cli-folder-failed = failed to create folder `{ $path }`: { $reason }
cli-temporary-failed = failed to create a temporary file in `{ $path }`: { $reason }
cli-write-failed = failed to write `{ $path }`: { $reason }
cli-step-summary-open = failed to open $GITHUB_STEP_SUMMARY `{ $path }`: { $reason }
cli-step-summary-write = failed to write $GITHUB_STEP_SUMMARY `{ $path }`: { $reason }

## The command line: probe

cli-probe-needs-key = probing needs the client certificate's private key: --client-key FILE (or VALMIS_CLIENT_KEY)
cli-key-unreadable = cannot read the client key `{ $path }`: { $reason }
cli-key-not-a-key = `{ $path }` is not a private key in PEM or DER (PKCS#8, PKCS#1 or SEC1)
cli-key-unknown-endpoint = --client-key { $name }=…: no endpoint `{ $name }` (endpoints: { $known })
cli-endpoint-needs-key = endpoint `{ $name }` needs its client certificate's private key: --client-key FILE, or --client-key { $name }=FILE
cli-unknown-endpoint = --endpoint `{ $name }`: connection.toml has { $known }
cli-nothing-to-probe = nothing to probe: { $reason } (`valmis verify` tells more)
cli-probing = probing { $endpoints ->
        [one] 1 endpoint
       *[other] { $endpoints } endpoints
    }, at most { $seconds } s per step…
probe-label-address = address
probe-address = { $address }, TCP connect { $ms } ms
probe-tls = { $version }, { $suite }, handshake { $ms } ms
probe-label-chain = server chain
probe-label-client = client cert
probe-client-asked = requested by the server
probe-client-not-asked = not requested
probe-label-failure = failure
probe-closing = { $endpoints ->
        [one] 1 endpoint
       *[other] { $endpoints } endpoints
    } probed, { $ok } ok, { $failed } failed

## The command line: run

file-io = { $error }
file-too-large = it is larger than { $mib } MiB, more than such a file ever holds: is it the right file?
file-not-text = it is not UTF-8 text
file-not-json = it is not a JSON report: its first byte is { $byte }, not `{ "{" }`
cli-file-unreadable = cannot read `{ $path }`: { $reason }
cli-cannot-read = cannot read `{ $path }`
cli-invalid-case = invalid harness case: { $error }
cli-run-needs-folder = valmis run writes evidence and the report into the bundle: give a bundle folder, not a zip
cli-run-bundle-link = `{ $path }` is a symbolic link; valmis run writes only into a real bundle folder: pass the folder it points to
cli-run-no-endpoint = connection.toml has no endpoint named `{ $name }`
cli-run-no-case = no harness case runs against `{ $name }` (service { $service })
cli-run-unknown-case = --case `{ $case }` is no harness case of `{ $name }` (service { $service }); its cases: { $known }
cli-run-no-cases = none
cli-run-cases-word = cases
cli-run-case-line = { $steps ->
        [one] 1 step
       *[other] { $steps } steps
    }, { $ms } ms{ $retried ->
        [0] {""}
       *[other] , { $retried } retried
    }
cli-run-running = running { $cases ->
        [one] 1 case
       *[other] { $cases } cases
    } against { $url } …
cli-run-not-finished = { $case }: not run to the end ({ $why }); its report row is left as it was
cli-run-link-inside = `{ $path }` in the bundle is a symbolic link; valmis run reads and writes only inside the bundle folder: replace the link with the real folder or file
cli-run-report-format = the report is `{ $file }`; valmis run keeps the report in pretest/report.csv
cli-run-cannot-update = cannot update `{ $path }`: { $error }
cli-run-notes-passed = valmis run: { $steps ->
        [one] 1 step
       *[other] { $steps } steps
    }, { $ms } ms
cli-run-notes-failed = valmis run: { $steps ->
        [one] 1 step
       *[other] { $steps } steps
    }, { $ms } ms; failed, see the harness JUnit
cli-run-row-changed = report row { $case } changed: { $before } → { $after }
cli-run-row-added = report row { $case } added: { $row }
cli-run-capture-not-oid = { $case }: the service's answer gave document_oid `{ $value }`, which is not an OID ({ $reason }); the report's document_oid is left empty
cli-run-backup = the report before this run is kept in { $path } (delete it before you send the bundle)
cli-run-evidence-asked = { $case }: `valmis verify` will still ask (PRETEST-EVIDENCE): { $finding }
cli-run-evidence-asked-help = a run saves the messages it exchanged; add what else the case asks for to its row's evidence (`valmis explain PRETEST-EVIDENCE`)
cli-run-test-person = --test-person must be a valid test identity code (individual number 900-999)

## Harness runs in reports

harness-step = step `{ $step }`: { $problem }
harness-step-golden = step `{ $step }`: the answer differs from the golden file
harness-not-finished = could not run the case to the end: { $why }
harness-fix = Compare the request and response saved under evidence/ with the expectation, fix the system, and run again.

## The command line: pack

cli-pack-not-folder = `{ $path }` is not a folder; pack takes the bundle folder
cli-pack-no-manifest = there is no manifest.toml in `{ $path }`; pack takes the bundle folder (`valmis init` writes one)
cli-pack-name-not-utf8 = `{ $path }` has a name that is not valid UTF-8; rename it before packing
cli-pack-manifest-not-toml = manifest.toml is not valid TOML, so its [files] cannot be refreshed: { $error }; `valmis verify` shows where
cli-pack-files-not-table = manifest.toml's `files` is not a table; make it a [files] table
cli-pack-digests-current = manifest.toml: [files] already lists every file with its digest
cli-pack-digests-refreshed = manifest.toml: [files] refreshed
cli-pack-added = added
cli-pack-removed = removed
cli-pack-changed = changed
cli-pack-left-out = Left out of the zip:
cli-pack-symlink = a symbolic link: pack copies files only
cli-pack-tool-folder = a tool or OS folder
cli-pack-the-zip = the zip being written
cli-pack-leftover = an editor or OS leftover
cli-pack-backup = a backup (valmis run keeps the report it changes as .bak)
cli-pack-wrote = Wrote { $path } ({ $files ->
        [one] 1 file
       *[other] { $files } files
    }, { $kib } KiB). Check what Kela will receive: valmis verify { $path }

## The command line: files

cli-cannot-resolve = cannot resolve `{ $path }`

## The command line: init and arguments

cli-init-unknown-service = unknown service `{ $service }`; services are { $known }
cli-init-change-by-customer = a change notification is a vendor's, for a certified system; a customer organisation sends a registration or an access application
cli-init-wrote = Wrote a bundle skeleton to { $path }:
cli-init-next = Fill in every TODO, add your forms, then run: valmis verify { $path }
cli-init-not-empty = `{ $path }` already exists and is not empty; init never overwrites files
cli-init-unusable = cannot use `{ $path }`: { $reason }
cli-partition-not-k-n = `{ $text }` is not K/N (like 2/4)
cli-partition-k = `{ $text }`: K is not a number
cli-partition-n = `{ $text }`: N is not a number
cli-partition-range = `{ $text }`: K/N needs 1 <= K <= N <= 1000
cli-parse-unknown-argument = unexpected argument `{ $arg }`
cli-parse-unknown-command = unknown command `{ $name }`
cli-parse-value-missing = `{ $arg }` needs a value
cli-parse-invalid-value = `{ $value }` is not a value of `{ $arg }`
cli-parse-possible = possible values: { $values }
cli-parse-value-rejected = `{ $value }` is not a value of `{ $arg }`: { $reason }
cli-parse-missing = missing required arguments: { $args }
cli-parse-conflict = `{ $arg }` cannot be used with `{ $other }`
cli-parse-twice = `{ $arg }` can be given only once
cli-parse-extra-value = `{ $arg }` takes no value: `{ $value }`
cli-parse-no-command = `{ $name }` needs a command: { $commands }
cli-parse-not-utf8 = an argument is not valid UTF-8
cli-parse-other = the command line is not valid ({ $kind })
cli-parse-more = For more information: `{ $help }`
cli-number-not = not a whole number
cli-number-range = not between { $min } and { $max }

## The command line: requirements and explain

explain-all = all
explain-column-id = ID
explain-column-area = AREA
explain-column-severity = SEVERITY
explain-column-services = SERVICES
explain-column-submissions = SUBMISSIONS
explain-column-title = TITLE
explain-built-in = embedded
explain-round = Round { $round }: { $title } ({ $origin } catalog)
explain-count = { $requirements ->
        [one] 1 requirement
       *[other] { $requirements } requirements
    }. `valmis explain ID` tells more about one.
explain-count-markdown = { $requirements ->
        [one] 1 requirement
       *[other] { $requirements } requirements
    }.
explain-unknown = no requirement or pre-test case `{ $id }` in round { $round } (`valmis requirements` lists the requirements, `valmis requirements --coverage BUNDLE` the pre-test cases)
explain-unknown-near = no requirement or pre-test case `{ $id }` in round { $round }; similar: { $near } (`valmis requirements` lists the requirements, `valmis requirements --coverage BUNDLE` the pre-test cases)
explain-empty = name what to explain: a requirement id (PRIVACY-HETU) or a pre-test case id (PA-01); `valmis requirements` lists the requirements
explain-every-service = every service
explain-every-kind = every kind
explain-facts = area: { $area }    severity: { $severity }    services: { $services }    submissions: { $submissions }
explain-what = What it checks and why:
explain-how = How to fix a failure:
explain-reference = Reference: { $reference }
explain-catalog-built-in = Catalog: built into valmis, round { $round } (`valmis requirements` lists it)
explain-catalog-file = Catalog: { $file } (round { $round })
explain-round-data = Catalog data of this round:
explain-none = (none)
explain-case-mandatory = mandatory
explain-case-mandatory-na = mandatory; not-applicable allowed with a note
explain-case-optional = optional
explain-case-of = pre-test case of { $service }    { $kind }
explain-case-exercises = What it exercises:
explain-case-no-evidence = none beyond the row
explain-case-evidence = Evidence a passed run must show: { $evidence } (`valmis explain PRETEST-EVIDENCE`)
explain-case-person-required = required
explain-case-person-not-needed = not needed
explain-case-person = Test person in the row: { $person }
explain-case-built-in = Declared in: the built-in case list of { $service } (round { $round }; `valmis requirements --coverage BUNDLE` shows every case)
explain-case-file = Declared in: { $file }:{ $line } (round { $round })

## Pre-test coverage (requirements --coverage)

coverage-no-report = there is no pre-test report (pretest/report.csv, .xlsx or .json)
coverage-reports = there are { $count } pre-test reports: { $paths }
coverage-other-service = a case of { $service }, which is not shown
coverage-stray-no-case-id = no case_id
coverage-undeclared = not a declared case

## The command line: requirements --coverage

cli-coverage-no-services = `{ $path }` declares no known service in manifest.toml; name one with --service (e.g. --service potilastiedon-arkisto)
cli-coverage-unknown-service = unknown service `{ $service }` (`valmis requirements` lists them)
cli-coverage-title = Pre-test coverage of { $path } (round { $round })
cli-coverage-report = report: { $report }
cli-coverage-illustrative = illustrative case list
cli-coverage-no-cases = the catalog declares no pre-test cases for this service
cli-coverage-yes = yes
cli-coverage-no = no
cli-coverage-column-case = CASE
cli-coverage-column-mandatory = MANDATORY
cli-coverage-column-result = RESULT
cli-coverage-column-executed = EXECUTED
cli-coverage-column-row = ROW
cli-coverage-stray = Rows that count for none of these services:
cli-coverage-closing = { $ready } of { $mandatory } mandatory cases ready. `valmis verify { $path }` checks results, evidence, dates and test persons.

## What a parser said (serde)

parser-unknown-field = unknown field `{ $field }`, expected one of { $expected }
parser-unknown-field-none = unknown field `{ $field }`; this table has no fields
parser-unknown-variant = unknown variant `{ $value }`, expected one of { $expected }
parser-missing-field = missing field `{ $field }`
parser-duplicate-field = field `{ $field }` is given twice
parser-invalid-type = invalid type: { $found }, expected { $expected }
parser-said = { $text }

## Reports: headings, labels and notes

report-round = round
report-round-title = Round
report-catalog = catalog
report-bundle = bundle
report-bundle-title = Bundle
report-now = now
report-strict = strict
report-ready = ready
report-not-ready = not ready
report-ready-title = Ready
report-not-ready-title = Not ready
report-status-ok = ok
report-status-warn = warn
report-status-fail = FAIL
report-status-error = ERROR
report-status-skip = skip
report-status-passed = passed
report-status-warning = warning
report-status-failed = FAILED
report-status-skipped = skipped
report-fix-label = fix:
report-see-label = see:
report-not-evaluated = could not be evaluated
report-not-evaluated-because = could not be evaluated: { $reason }
report-area-passed = { $count } passed
report-waivers = waivers
report-waivers-title = Waivers
report-waiver-state = { $state ->
        [active] active
        [expired] expired
       *[unused] unused
    }
report-waiver-line = { $requirement } { $subject } until { $expires } ({ $ticket }): { $reason } — matched { $matched }
report-since = since
report-since-title = Since the baseline
report-no-change = no change
report-no-change-sentence = No change.
report-more-in-json = more (see the JSON report)
report-baseline-newly-failing = newly failing
report-baseline-fixed = fixed
report-baseline-gone = gone (in the baseline, not in this report)
report-verdict-ready = ready: no blocking finding
report-verdict-unchecked = not ready: no requirement was checked (every one was skipped, see the reasons above)
report-verdict-blocking = not ready: { $count } blocking { $count ->
        [one] outcome
       *[other] outcomes
    }
report-level-error = error
report-level-warning = warning
report-level-help = help
report-at = at { $place }
report-show = Show:
report-filter-all = all
report-filter-failed = failed
report-filter-warned = warnings
report-filter-skipped = skipped
report-filter-passed = passed
report-problems = Problems
report-column-status = status
report-column-requirement = requirement
report-column-subject = subject
report-column-first-finding = first finding
report-column-details = details
report-column-state = state
report-column-expires = expires
report-column-ticket = ticket
report-column-matched = matched
report-column-reason = reason
report-column-area = area
report-column-passed = passed
report-column-failed = failed
report-column-errors = errors
report-column-skipped = skipped
report-column-title = title
report-column-subjects = subjects
report-column-findings = findings
report-and-more = (and { $count } more)
report-html-more-problems = +{ $count } more problems are not listed here; the JUnit and JSON reports list every one.
report-html-more-outcomes = +{ $count } more passed or skipped outcomes are not listed here; the JUnit and JSON reports list every one.
report-findings-count = { $count } finding(s)
report-how-to-fix-title = How to fix:
report-reference-title = Reference:
report-not-ready-because = Not ready because of
report-warnings-title = Warnings
report-findings-title = Findings
report-md-more-findings = **+{ $count } more findings** are not listed here (the summary is kept under { $kib } KiB); the JUnit and JSON reports list every one.
report-checked = checked
report-warning-checked = warning (checked; does not block without --strict)
report-how-to-fix = how to fix
report-reference = reference
report-sarif-omitted = +{ $count } more results are not in this SARIF file (code scanning accepts { $limit } per run); the JUnit and JSON reports list every one
report-github-omitted = +{ $count } more findings are not annotated (GitHub shows { $limit } per type and step); the step summary and the JUnit report list them
report-codequality-omitted = +{ $count } more valmis findings are not listed here (GitLab reads at most 30 MB of Code Quality); the JUnit and JSON reports list every one

## Waivers (WAIVERS)

waiver-waived = waived until { $expires } ({ $ticket }): { $reason }
waiver-no-requirement = waiver for { $waiver } names no requirement of round { $round }{ $near }
waiver-unused = waiver for { $waiver } matches nothing that fails: remove it
waiver-expired-unused = waiver expired on { $expires } ({ $ticket }) and matches nothing that fails: remove it
waiver-expired-failing = waiver expired on { $expires } ({ $ticket }): { $count } outcome(s) of { $waiver } fail again ({ $reason })
waiver-expired-help = fix what the waiver covered, or renew it with a new date and a reason
waiver-title = waivers are current and each one still waives something
waiver-fix = Remove waivers that no longer match a failing outcome; renew or fix expired ones.

## Catalogs, pre-test lists and waiver files: what is wrong in them

catalog-error-at = { $path }:{ $line }:{ $column }: { $message }
catalog-error-file = { $path }: { $message }
catalog-unreadable = failed to read catalog: { $error }
catalog-dir-unreadable = failed to read catalog directory: { $error }
catalog-none-here = no catalog.toml here nor in any sub-folder
catalog-pretest-dir-unreadable = failed to read pre-test directory: { $error }
catalog-round-twice = round `{ $round }` is also defined in { $other }
catalog-schema-missing = `cda_schema = "{ $entry }"`: `{ $path }` does not exist; copy the schema folder beside catalog.toml, or remove cda_schema (DOC-SCHEMA is then skipped)
catalog-schema-not-embedded = `cda_schema` `{ $entry }` must be under schemas/ to be built into valmis
catalog-schema-not-found = `cda_schema` `{ $entry }` is not among the schema files
catalog-schema-path = `cda_schema` `{ $path }` must be a .xsd file inside the catalog's folder, like schemas/kanta-cda/CDA_Fi.xsd
catalog-not-plain-date = `{ $field }` must be a plain date like 2027-03-01
catalog-bad-date = `{ $field }`: { $error }
catalog-field-not-for-check = `{ $field }` does not belong to a `check = "{ $check }"` requirement
catalog-field-needed = a `check = "{ $check }"` requirement needs `{ $field }`
catalog-bad-glob = bad glob: { $error }
catalog-bad-regex = bad regular expression: { $error }
catalog-bad-path = `path` must look like /ClinicalDocument/realmCode/@code or //title (names, optional final @attribute)
catalog-bad-pointer = `pointer` must be a JSON pointer like /meta/profile/0
catalog-bad-command = `command` must name a program: ["xmllint", "--noout", "{ "{document}" }"]
catalog-format = catalog format { $format } is not supported; this valmis reads format { $supported }
catalog-round-order = `round.ends` is before `round.starts`
catalog-round-id = round id `{ $id }` must look like `2027-1` (year, hyphen, number)
catalog-form-twice = form `{ $id }` is defined twice
catalog-service-twice = service `{ $id }` is defined twice
catalog-no-form = no `[[form]]` has id `{ $id }`
catalog-requirement-id = requirement id `{ $id }` must be upper-case words joined by hyphens, like BUNDLE-ORG
catalog-requirement-twice = requirement `{ $id }` is defined twice
catalog-no-service = no `[[service]]` has id `{ $id }`
catalog-reference-https = `reference` must be an https:// link
catalog-applies-to-twice = `applies_to` lists `{ $entry }` twice
catalog-applies-to = applies_to: { $error }
catalog-not-a-kind = `{ $text }`: `{ $kind }` is not a kind of submission; kinds are { $kinds }
catalog-not-a-role = `{ $text }`: `{ $role }` is not a role; roles are { $roles }
catalog-bad-oid = `{ $oid }` is not a valid OID: { $error }
catalog-builtin-missing = requirement `{ $id }` asks for a built-in check, but valmis has none by that id
catalog-no-round = the catalog set holds no round
pretest-list-format = pre-test format { $format } is not supported; this valmis reads format { $supported }
pretest-list-no-service = no `[[service]]` of the catalog has id `{ $service }`
pretest-list-name = the list for `{ $service }` must be named `pretest/{ $service }.toml`, not `{ $stem }.toml`
pretest-list-twice = service `{ $service }` already has a pre-test list
pretest-list-no-environment = `environments` must name at least one environment (`asiakastesti`)
pretest-list-case-id = case id `{ $id }` must be 1–64 letters, digits, `-`, `_` or `.`, without spaces
pretest-list-case-twice = case id `{ $id }` is declared twice (case ids are unique across services)
waivers-format = format { $format } is not supported; this valmis reads format { $supported }
waivers-bad-pattern = bad { $what } pattern `{ $pattern }`: { $error }
waivers-needs = a waiver needs a { $what }
waivers-expires = expires must be a date like 2027-01-31, not `{ $value }`
date-year-range = year { $value } is out of range
date-month-range = month { $value } is out of range
date-day-range = day { $value } is out of range

## Requirements a catalog declares (check = file-exists, xml, json, text-absent, external)

declared-no-file = no file of the bundle matches `{ $pattern }`
declared-no-file-skip = no file matches `{ $pattern }`
declared-not-xml-skip = not well-formed XML (see DOC-WELLFORMED)
declared-xml-mismatch = { $place } is `{ $value }`, which does not match `{ $pattern }`
declared-absent = `{ $path }` is not in the document
declared-not-json-skip = not valid JSON (see DOC-WELLFORMED)
declared-json-mismatch = `{ $pointer }` is `{ $value }`, which does not match `{ $pattern }`
declared-no-pattern = no pattern
declared-forbidden = `{ $text }` matches the forbidden pattern `{ $pattern }`
declared-needs-catalog-dir = `{ "{catalog}" }` needs a catalog folder (--catalog DIR)
declared-empty-command = empty command
declared-not-installed-skip = `{ $program }` is not installed, so this external validator cannot run
declared-cannot-start = cannot start `{ $program }`: { $error }
declared-timeout = `{ $program }` did not finish within { $seconds } s
declared-wait-failed = waiting for `{ $program }` failed: { $error }
declared-validator-said = { $program }: { $message }
declared-rejected = { $program } rejected the document ({ $code ->
        [signal] a signal
       *[other] exit code { $code }
    }): { $summary }
declared-no-svrl = `{ $program }` did not write an SVRL report (it began `{ $start }`)
declared-svrl-rule = rule { $rule }: { $text } (at { $location })
declared-svrl-no-id = (no id)

## Texts cut short and findings left out

safe-cut = ({ $count } more characters not shown)
safe-more-findings = +{ $count } more findings ({ $errors } errors, { $warnings } warnings) are not listed: one requirement lists at most { $max } per subject; fix these and run again

## Harness case declarations (harness/*.toml)

case-error-at = { $path }:{ $line }: { $message }
case-format = harness format { $format } is not supported; this valmis reads format { $supported }
case-no-step = a case needs at least one [[step]]
case-id = case id `{ $case }` names the folder evidence/<case>/: it must be letters, digits, -, _ or . and not start with .
case-step-name = step name `{ $name }` must be letters, digits, - or _
case-step-twice = step name `{ $name }` is used twice
case-method = method `{ $method }` is not an HTTP method valmis sends
case-bad-header-regex = expected header `{ $header }`: bad regular expression
case-capture = capture `{ $capture }` must be a JSON pointer, header:Name or regex:(…)

## The network: probing endpoints and running harness steps

probe-class = { $class ->
        [url] unusable URL
        [dns] DNS lookup failed
        [refused] connection refused
        [timeout] timed out
        [alert] TLS alert from the server
        [unknown-issuer] server certificate from an unknown issuer
        [name-mismatch] server certificate for another name
        [expired] server certificate expired or not yet valid
        [tls-version] no common TLS version
        [tls] TLS failure
        [http] HTTP request failed
        [client-certificate-rejected] client certificate rejected
        [client-certificate-not-requested] no client certificate requested
        [redirect] redirect (not followed)
       *[io] network error
    }
net-key-mismatch-endpoint = the client key does not fit the client certificate of endpoint `{ $endpoint }`: { $error }
net-key-mismatch = the client key does not fit the client certificate: { $error }
net-runtime = cannot start the network runtime: { $error }
net-task-failed = the probe task failed
net-not-https = `{ $url }` is not https
net-not-url = `{ $url }` is not a URL: { $error }
net-no-host = `{ $url }` has no host
net-resolve-timeout = resolving `{ $host }` took longer than { $limit }
net-no-resolve = `{ $host }` does not resolve: { $error }
net-no-address = `{ $host }` resolves to no address
net-tcp-timeout = no TCP answer from { $address } within { $limit }
net-refused = { $address } refused the connection (nothing listens on port { $port })
net-connect-failed = cannot connect to { $address }: { $error }
net-no-address-tried = no address could be tried
net-bad-server-name = `{ $host }` is not a valid server name
net-handshake-timeout = the TLS handshake with { $address } did not finish within { $limit }
net-http-client = cannot build the HTTP client: { $error }
net-http-timeout = no HTTP answer within { $limit }
net-http-failed = the HTTP request failed: { $error }
net-not-mutual = the server completed the TLS handshake without asking for a client certificate; Kanta's endpoints require mutual TLS, so this is not the endpoint, or a proxy before it ends TLS
net-redirect = HTTP { $status } redirect to { $location }; valmis never follows redirects: use the endpoint's final https address
net-no-location = (no Location header)
net-certificate-rejected = the server completed the TLS handshake but rejected the client certificate (HTTP { $status }{ $said })
net-forbidden = HTTP 403 Forbidden: the server (or a proxy before it) refuses this client
net-http-error = HTTP { $status }: the endpoint answered with an error
net-bad-anchor = a ca_bundle certificate is not a usable trust anchor: { $error }
net-verifier = cannot build the certificate verifier: { $error }
net-tls-config = cannot configure TLS: { $error }
net-unknown-issuer = the server's certificate does not chain to ca_bundle (unknown issuer)
net-name-mismatch = the server's certificate does not name the endpoint host
net-not-valid-now = the server's certificate is not valid now ({ $detail })
net-certificate-other = the server's certificate was rejected: { $detail }
net-alert = the server ended the handshake with alert { $alert }{ $hint ->
        [certificate-required] : the server requires a client certificate
        [unknown-ca] : the server does not trust the client certificate's issuer
        [bad-certificate] : the server rejected the client certificate
        [protocol-version] : no common TLS version (TLS 1.2 or 1.3 is required)
       *[none] {""}
    }
net-incompatible = the server's TLS is incompatible (TLS 1.2 or later is required): { $reason }
net-tls-failed = TLS failed: { $error }
net-closed = the server closed the connection during the TLS handshake (does it speak TLS on this port?)
net-handshake-failed = the TLS handshake failed: { $error }
net-unreadable-certificate = (unreadable certificate)

## Harness steps

harness-body-missing = body template `{ $file }` is missing
harness-refused-real-id = refused to send: the request would carry a real identity code ({ $codes }); templates may hold test identities only
harness-reading-failed = reading the answer failed: { $error }
harness-no-answer = no answer after { $count } attempt(s): { $last }
harness-body-too-long = the answer's body is longer than { $limit } bytes, the limit (`valmis run --max-body`); its first { $limit } bytes are kept as evidence and the rest was not read
harness-status = status { $got } where { $expected } was expected
harness-header = header `{ $name }` is { $value }, expected to match `{ $pattern }`
harness-header-absent = header `{ $name }` is absent, expected to match `{ $pattern }`
harness-golden-missing = golden file `{ $file }` is missing
harness-golden-error = golden file `{ $file }`: { $error }
harness-capture-nothing = capture `{ $name }` found nothing at `{ $from }`

## The skeleton `valmis init` writes

init-manifest-head = valmis bundle manifest, format 1. Fill in every TODO, then run `valmis verify`.
init-manifest-reference = Reference: `valmis explain BUNDLE-MANIFEST` (and BUNDLE-ORG, BUNDLE-CONTACTS, ...).
init-round = co-testing round; selects its requirement catalog
init-submitted-registration = TODO: the date you send the registration, without quotes (deadline { $deadline })
init-submitted-application = TODO: the date you send the application, without quotes
init-submitted-notification = TODO: the date you send the notification, without quotes
init-organisation-name = TODO: organisation name as in the Trade Register
init-example = e.g. { $example }
init-oid = 1.2.246.10.<business id digits>, e.g. { $example }
init-test-organisations = The test organisations Kela assigned you in the customer test environment, when your sample
    documents are written for them (DOC-OID accepts document ids under these arcs):
init-product-name = TODO: product name
init-files = Optional: pin file contents. When present, every file must be listed with its SHA-256.
init-files-example = sha256:<64 hex digits from sha256sum>
init-customer = What you join for; your test plan goes in plan/ (`valmis explain PLAN-TEST-PLAN`).
init-change = The change you notify Kela of (`valmis explain CHANGE-SCHEDULE` and CHANGE-VERSIONS, CHANGE-SCOPE).
init-certified-version = the version in Kela's certificate, e.g. { $example }
init-new-version = the version with the change, e.g. { $example }
init-change-summary = TODO: what changes in the system's functions or interfaces
init-co-testing-needed = false when Kela need not co-test the change
init-planned-testing = TODO when co-testing is needed: its first and last day, at least a month after `submitted`, not in July
init-guide-registration = A vendor's registration for Kanta co-testing (ilmoittautuminen yhteistestaukseen).

    Fill in manifest.toml, run the pre-test cases and record them in pretest/report.csv with
    their evidence under evidence/, add the forms under forms/, the connection data and DVV test
    certificates under connection/, and sample documents under documents/.
init-guide-customer-registration = A customer organisation's application to co-testing (asiakasorganisaation hakemus), with its
    test plan.

    Fill in manifest.toml (set [customer] purpose) and put the test plan in plan/.
init-guide-access = An access application to the Kanta customer test service (asiakastestipalvelun
    liittymishakemus), one per service.

    Fill in manifest.toml and connection/connection.toml: every endpoint with its url and DVV
    test certificate, and the source IP addresses Kela opens the connections from.
init-guide-customer-access = A customer organisation's access application to the Kanta customer test service
    (asiakastestipalvelun liittymishakemus), with its test plan.

    Fill in manifest.toml (set [customer] purpose: asiakastesti for co-testing and change
    testing, tuotannonkuva for independent testing), connection/connection.toml (every endpoint,
    its certificate, the source IP addresses), and put the test plan in plan/.
init-guide-change = A change notification for a certified system (muutosilmoitus).

    Fill in manifest.toml's [change]: the certified and the new version, the affected services,
    what changes, and whether co-testing is needed; if it is, the planned testing days, at
    least a month after you send this and not in July.
init-guide-closing = Every TODO fails its requirement until filled in: `valmis verify .` lists what is left,
    `valmis requirements --kind { $kind } --role { $role }` what is checked. Delete the README files when done.
init-forms-readme = Put the registration forms in this folder. Needed for the declared services:
init-forms-pattern = file name matching: { $patterns }
init-or = {" or "}
init-forms-delete = Delete this file when the forms are in place.
init-evidence-readme = Evidence files that report rows refer to (validation results, screenshots, message ids).
init-documents-readme = Sample CDA R2 (*.xml) and FHIR (*.json) documents with test identities only (individual number 900-999).
init-connection-readme = connection.toml and the DVV test certificates (PEM or DER) it names. Never private keys.
init-plan-readme = Put your test plan (testaussuunnitelma) here as a PDF, DOCX, ODT, ODS or XLSX document, then
    delete this file: PLAN-TEST-PLAN fails until plan/ holds the real document only.
init-connection-head = Connection data for the Kanta customer test environment, format 1. Fill in every TODO, then
    run `valmis verify`. Reference: `valmis explain CONN-CONFIG` (and CONN-ENDPOINTS, CERT-CHAIN, ...).
    Paths are relative to connection/. Private keys never go in the bundle: `valmis probe` takes
    the key with --client-key.
init-ca-bundle = the DVV test root (PEM), e.g. { $example }
init-endpoint = { $service }: your system's interface in the customer test environment.
init-endpoint-name = your name for it: `valmis probe --endpoint NAME` and `valmis run --endpoint NAME`
init-endpoint-url = https://… of the customer test environment
init-client-certificate = The DVV test server certificate + intermediate you present, e.g. { $example }:
init-signing = The DVV test system-signature certificate your system signs documents or prescriptions with.
init-network-access = The addresses your system connects from: Kela opens the connections for them (ACCESS-CONNECTION).
init-source-ips-access = one address per entry, e.g. { $example } through the access point
init-network-public = The static public addresses your backend connects from (Kanta PHR connects over the internet).
init-source-ips-public = one address per entry, e.g. { $example }
init-pretest-guide = The pre-test case report (esitestitapaukset): report.csv here, or report.xlsx / report.json.
    One row per case. Columns (English or Finnish headers):
init-column-case = the case id below
init-column-result = pass | fail | not-applicable (ok, hyväksytty, nok, hylätty, ei sovellu)
init-column-executed = RFC 3339 (2026-11-12T09:14:00+02:00) or YYYY-MM-DD
init-column-environment = where it ran: asiakastesti
init-column-test-person = the test identity code used (individual number 900-999)
init-column-document = id/@root of the stored document, when the case stores one
init-column-evidence = bundle paths separated by `;` (evidence/..., documents/...)
init-column-notes = free text; required for not-applicable
init-cases = Cases of the declared services (`valmis requirements --coverage .` shows what is missing):
init-no-cases = { $service }: the catalog declares no pre-test cases
init-illustrative = (illustrative list: use Kela's real one)
init-case-kind = { $kind ->
        [mandatory] mandatory
        [mandatory-na] mandatory, not-applicable allowed
       *[optional] optional
    }
init-case-evidence = evidence: { $kinds }

## The command line: an internal error

cli-internal-error = valmis: internal error{ $detail }
cli-internal-error-report = This is a bug in valmis; please report it with the command you ran.

## Schema sets (XSD) that cannot be compiled

xsd-restriction-no-base = xs:restriction has neither @base nor a simpleType
xsd-restricts-non-simple = a simple type restricts a type that is not a (compiled) simple type
xsd-list-no-item = xs:list has no item type
xsd-union-no-members = xs:union has no member types
xsd-simple-type-empty = xs:simpleType has no restriction, list or union
xsd-derives-from-itself = a type derives from itself
xsd-simple-content-empty = xs:simpleContent has no extension or restriction
xsd-no-base = no @base
xsd-simple-from-element = simple content derived from a type with element content
xsd-complex-content-empty = xs:complexContent has no extension or restriction
xsd-complex-from-simple = complex content derived from a simple type
xsd-attribute-groups-deep = attribute groups nest too deep (circular?)
xsd-attribute-group-no-ref = xs:attributeGroup without @ref
xsd-attribute-no-name = xs:attribute without @name or @ref
xsd-groups-deep = model groups nest too deep (circular group references?)
xsd-group-no-ref = xs:group without @ref
xsd-group-empty = xs:group has no model group
xsd-all = xs:all is not supported
xsd-substitution = substitution groups are not supported
xsd-element-no-name = xs:element without @name or @ref
xsd-max-below-min = maxOccurs is less than minOccurs
xsd-circular-type = a type could not be compiled (circular definition)
xsd-element-not-compiled = an element could not be compiled
xsd-regex-lone-backslash = ends with a lone backslash
xsd-regex-subtraction = character class subtraction is not supported
xsd-regex-unclosed = an unclosed character class
xsd-schema-at = { $location }:{ $line }: { $message }
xsd-schema-missing = the schema `{ $location }` is not available
xsd-schema-not-among = `{ $from }` refers to the schema `{ $location }`, which is not among the schema files
xsd-too-many-documents = more than { $max } schema documents
xsd-not-beside = `{ $target }` is not a schema file beside this one (URLs are never fetched)
xsd-unsupported = xs:{ $name } is not supported
xsd-type-undefined = the type `{ $name }` is not defined in the schema files
xsd-attribute-group-undefined = the attribute group `{ $name }` is not defined
xsd-attribute-undefined = the attribute `{ $name }` is not defined
xsd-group-undefined = the group `{ $name }` is not defined
xsd-not-particle = xs:{ $name } is not a particle
xsd-element-undeclared = the element `{ $name }` is not declared in the schema files
xsd-identity = identity constraints (xs:{ $name }) are not supported
xsd-not-count = @{ $name } `{ $value }` is not a count
xsd-occurs-too-high = occurrence bounds above { $max } are not supported
xsd-facet-no-value = xs:{ $name } without @value
xsd-facet-not-count = xs:{ $name } needs a count
xsd-bad-pattern = the pattern `{ $pattern }`: { $error }
xsd-too-many-states = a content model needs more than { $max } automaton states
xsd-not-well-formed = `{ $location }` is not well-formed XML: { $error }
xsd-not-schema = `{ $location }` is not an XML Schema document (its root is not xs:schema)
xsd-prefix-undeclared = { $location }:{ $line }: the prefix `{ $prefix }` of `{ $value }` is not declared
xsd-regex-escape-in-class = `\{ $escaped }` inside a character class is not supported
xsd-regex-no-property = `\{ $escaped }` without a property
xsd-regex-block = the block escape `\{ $escaped }{ $property }` is not supported
xsd-regex-unknown-escape = unknown escape `\{ $escaped }`
xsd-regex-not-runnable = not a regular expression valmis can run: { $error }

## The command line: --help

help-about = Checks a Kanta co-testing submission bundle and writes JUnit XML
help-long = Checks a Kanta co-testing (yhteistestaus) submission bundle before it goes to Kela.

    valmis reads the bundle (a directory or a .zip, never extracted), checks it against the requirement catalog of the co-testing round named in its manifest, and writes JUnit XML that GitHub Actions, GitLab CI and Jenkins show natively. The exit code gates the pipeline.
help-after = Exit codes:
    {"  "}0  ready: no blocking finding (errors; and warnings under --strict)
    {"  "}1  not ready: at least one blocking requirement failed or could not be evaluated,
    {"     "}or no requirement was checked at all (every one skipped: offline, not applicable)
    {"  "}2  usage error: bad arguments, unreadable bundle path, unusable catalog, an --only or
    {"     "}--skip pattern that matches no requirement, a selection that leaves none to check,
    {"     "}a report path that would replace a file valmis reads
    {"  "}3  internal error (a bug in valmis, or out of memory)
    {"  "}4  output error: a report or another file valmis writes could not be written (the
    {"     "}verdict is still printed; every other report is still written)

    Examples:
    {"  "}valmis verify submission/ --junit target/valmis/junit.xml
    {"  "}valmis verify bundle.zip --now 2026-11-23T09:00:00Z --strict
    {"  "}valmis verify --only 'BUNDLE-*' --skip BUNDLE-HYGIENE
    {"  "}valmis requirements --service potilastiedon-arkisto
    {"  "}valmis requirements --coverage submission/
    {"  "}valmis explain PRIVACY-HETU
    {"  "}valmis probe submission/ --client-key ~/keys/palvelinvarmenne.key
    {"  "}valmis run submission/ --endpoint phr --client-key ~/keys/palvelinvarmenne.key --junit harness.xml
    {"  "}valmis init my-submission
help-color = When to colour the terminal output
help-lang = Language of everything valmis says: findings, requirement titles, explanations and fixes, report headings, errors and warnings: en or fi. Defaults to VALMIS_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG: fi_* gives Finnish), else English. Requirement ids, statuses and the keys of JSON and SARIF stay the same in both
help-verify-about = Check a bundle against its round's requirements and report (the main command)
help-verify-long = Check a bundle against its round's requirements and report (the main command).

    Every requirement of the catalog is reported for every subject it applies to: passed, failed, could not be evaluated, or skipped with the reason. The last line of output is `N passed, N failed, N skipped`.
help-verify-bundle = The bundle: a directory or a .zip file
help-shared-catalog = Use the catalog(s) in DIR instead of the built-in one: a folder with catalog.toml, or a folder with one sub-folder per round (like testcases/)
help-verify-now = The instant all date rules use, RFC 3339 (2026-11-23T09:00:00Z) or a date (2026-11-23, meaning midnight UTC); a time needs its offset (`Z` or +02:00). Defaults to the clock; set it in CI for reproducible reports
help-verify-online = Allow checks that use the network: CONN-PROBE makes a real mutual-TLS handshake and an HTTP GET to every endpoint of connection/connection.toml, presenting its client certificate with the key from --client-key. Without it they are skipped, never failed
help-verify-client-key = Private key of the client certificates (PEM or DER), for --online: FILE for every endpoint, or NAME=FILE for endpoint NAME (repeatable). Read once, never copied into a report; it must not be in the bundle
help-verify-probe-timeout = Seconds (1 to 86400) to wait for each of connect, TLS handshake and HTTP answer, with --online
help-verify-cda-schema = Validate CDA documents (DOC-SCHEMA) against this XML Schema set instead of the round's (Kela's CDA_Fi.xsd, built in): a folder holding CDA_Fi.xsd, or the entry .xsd itself; every .xsd of its folder is read. Nothing is downloaded
help-verify-strict = Treat warnings as blocking
help-verify-timestamps = Write measured durations as JUnit `time` (and in the JSON). Without it every `time` is 0, so the same bundle gives the same report bytes
help-verify-only = Run only requirements whose id matches PATTERN (`*` globs, e.g. 'BUNDLE-*'); repeatable or comma-separated ('BUNDLE-*,CERT-*')
help-verify-skip = Skip requirements whose id matches PATTERN (`*` globs); repeatable or comma-separated
help-verify-quiet = Print nothing on standard output; rely on the exit code and report files
help-verify-verbose = List passed requirements one by one, not just their count
help-verify-jobs = Threads checking files and requirements, and writing JUnit, in parallel (0: one per core; at most 256). The output is the same for any number; `--jobs 1` uses the least memory
help-verify-partition = Check only shard K of N (e.g. 2/4), for a CI matrix or GitLab `parallel:`: the files of the per-file requirements (PRIVACY-HETU, DOC-*, FHIR-*) are split by a stable hash of their path; shard 1 also runs every other requirement. Write each shard's --json and join them with `valmis merge`; waivers and baselines belong to the merge
help-shared-junit = Write JUnit XML to FILE (atomically; parent folders are created), or to a stream: `-` is standard output, and the verdict then goes to standard error
help-shared-json = Write the report as JSON to FILE (same content as the JUnit XML); `-` is standard output
help-shared-sarif = Write SARIF 2.1.0 to FILE, for GitHub code scanning and other SARIF viewers: one rule per requirement (ruleId = requirement id), one result per finding, repository-relative paths
help-shared-gitlab-codequality = Write a GitLab Code Quality report to FILE (`artifacts:reports:codequality`), kept under GitLab's 30 MB limit with a last entry counting what did not fit
help-shared-waivers = Waivers (TOML, format 1): accepted problems with a requirement id, a subject glob, a reason, a ticket and an expiry date. An active waiver turns what it matches into skipped with its reason; an expired one fails ("waiver expired"); an unused one warns. Every report lists the waivers (as `WAIVERS` outcomes)
help-shared-baseline = An earlier run's JSON report (--json, format 1): the reports then say what changed since, namely requirements and subjects newly failing, fixed, and gone
help-shared-html = Write a self-contained HTML report to FILE: one file with no network access, verdict at the top, a table per area, each finding with its snippet, filter by status (works with JavaScript off)
help-shared-summary-md = Write a Markdown summary to FILE: verdict, counts per area, failed requirements and their findings, under 1 MiB. Under GitHub Actions (GITHUB_ACTIONS=true) the same summary is appended to $GITHUB_STEP_SUMMARY and the findings become annotations, worst first
help-requirements-about = List the requirements of a round as a table, or a bundle's pre-test coverage
help-requirements-long = List the requirements of a round as a table, or a bundle's pre-test coverage.

    With --coverage BUNDLE: per service the bundle declares, every pre-test case of the round with what the bundle's report says about it (pass, fail, not-applicable, missing, duplicate), so that you see what is missing before running anything else.
help-requirements-round = Round to list (default: the newest in the catalog)
help-requirements-service = Only requirements that apply to this service id (e.g. omatietovaranto). With --coverage: the service whose cases to show instead of the manifest's
help-requirements-kind = Only the requirements a submission of this kind belongs to: registration, access-application or change-notification (with --role: by that role)
help-requirements-role = With --kind: who submits, vendor (default) or customer-organisation
help-requirements-coverage = Instead of the requirements, show the pre-test coverage of BUNDLE: every declared case of its services with the result its report gives. Exit code 0 when every mandatory case passed (or is an allowed not-applicable), 1 otherwise
help-requirements-json = Print JSON instead of a table
help-requirements-markdown = Print the table as Markdown (docs/requirements.md carries it, and a test keeps it current)
help-explain-about = Explain one requirement (what it checks, why, how to fix a failure, its source) or one pre-test case (what it exercises, what evidence it needs)
help-explain-id = Requirement id, e.g. BUNDLE-ORG, or pre-test case id, e.g. PA-01 (case-insensitive)
help-explain-round = Round whose catalog to read (default: the newest)
help-init-about = Write a bundle skeleton with commented templates that say what is still to fill in
help-init-dir = Folder to create; it must not exist or be empty
help-init-services = Services to prepare forms for (default: potilastiedon-arkisto); repeatable or comma-separated (`--service eresepti,omatietovaranto`)
help-init-kind = The submission: registration (default), access-application or change-notification
help-init-role = Who submits: vendor (default) or customer-organisation
help-pack-about = Write the clean zip you send to Kela: refresh manifest.toml's [files] digests, leave out OS and editor leftovers (.DS_Store, __MACOSX/, ._*, ~$*, *.bak), and zip the rest
help-pack-long = Write the clean zip you send to Kela: refresh manifest.toml's [files] digests, leave out OS and editor leftovers (.DS_Store, __MACOSX/, ._*, ~$*, *.bak), and zip the rest.

    Only the [files] table of manifest.toml changes (every comment and other value stays); pack prints each digest it adds, changes or removes, and each file it leaves out. The zip is deterministic (sorted entries, fixed times) and written atomically. Then run `valmis verify` on the zip: it is exactly what Kela receives.
help-pack-after = Example:
    {"  "}valmis pack hakemus -o hakemus.zip && valmis verify hakemus.zip
help-pack-dir = The bundle folder (with manifest.toml at its root)
help-pack-output = The zip to write (replaced atomically when it exists)
help-probe-about = Probe every endpoint of connection/connection.toml with mutual TLS and report the details
help-probe-long = Probe every endpoint of connection/connection.toml with mutual TLS and report the details.

    For each endpoint: TCP connect time, TLS version and cipher suite, the server's chain and whether it validates to ca_bundle and names the host, whether the server asked for a client certificate, and the HTTP status of a GET. Failures are classified (DNS, refused, timeout, alert, unknown issuer, name mismatch, expired, TLS version). Exit code 0 when every endpoint answers, 1 otherwise, 2 for usage errors.
help-probe-bundle = The bundle: a directory or a .zip file
help-probe-client-key = Private key of the client certificates (PEM or DER): FILE for every endpoint, or NAME=FILE for endpoint NAME (repeat for endpoints with different certificates). Read once, never printed
help-probe-endpoint = Probe only the endpoint NAME of connection.toml (repeatable; default: every endpoint)
help-probe-timeout = Seconds (1 to 86400) to wait for each of connect, TLS handshake and HTTP answer
help-probe-json = Print JSON instead of text
help-run-about = Run the declared test cases against an endpoint, save the evidence, fill the report
help-run-long = Run the declared test cases against an endpoint, save the evidence, fill the report.

    Each harness case (testcases/<round>/harness/*.toml, or --cases DIR) runs its steps in order over HTTPS with mutual TLS: a request built from templates (variables uuid, now, now_hl7, test_person, organisation_oid, oid, and captures of earlier steps), the expected status and headers, and the body compared with a golden file after normalisation, shown as a unified diff. Every request and response is saved under evidence/<case>/ with SHA-256 and times, and pretest/report.csv gets one row per case, so `valmis verify` consumes the run directly; the run then says what evidence verify will still ask of those rows (a stored document, a validation result: what only a person can add). A template that would send a real identity code is refused. Exit code 0 when every case passed, 1 otherwise.
help-run-bundle = The bundle folder (evidence and the report are written into it)
help-run-endpoint = Endpoint name of connection/connection.toml to run against
help-run-client-key = Private key of the endpoint's client certificate (PEM or DER). Read once, never printed
help-run-cases = Harness cases from DIR instead of the built-in ones of the bundle's round
help-run-only = Run only these case ids; repeatable or comma-separated (`--case PA-01,PA-03`)
help-run-test-person = Test identity code the templates use ({"{"}{"{"}test_person{"}"}{"}"})
help-run-timeout = Seconds (1 to 86400) to wait for each step
help-run-retries = Extra attempts (0 to 100) after a transport error (never after an answer)
help-run-max-body = Read at most MIB mebibytes of each answer's body: a longer answer fails its step, and its first MIB MiB are kept as evidence
help-run-junit = Write JUnit XML (one test case per harness case) to FILE
help-merge-about = Merge the JSON reports of `verify --partition K/N` shards into one report
help-merge-long = Merge the JSON reports of `verify --partition K/N` shards into one report.

    Every shard 1..N must be there once, from the same valmis, round, catalog, bundle, now and --strict. The merged report is what one unsharded run gives: the same outcomes, the same JUnit bytes, one verdict and exit code (0 ready, 1 not ready, 2 usage error, 4 a report not written). OUT is the merged JSON; every other report can be written too, and waivers and a baseline apply here.
help-merge-out = Where to write the merged JSON report
help-merge-shards = The shards' JSON reports (--json of each `verify --partition K/N` run)
help-merge-quiet = Print nothing but errors
help-merge-verbose = List passed requirements one by one, not just their count
help-heading-commands = Commands
help-heading-options = Options
help-heading-arguments = Arguments
help-heading-usage = Usage:
help-flag-help = Print help
help-flag-version = Print version
help-help-command = Print this message or the help of the given subcommand(s)
