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
plan-none-help = put the test plan (testaussuunnitelma) in plan/ as a PDF, DOCX, ODT or XLSX document
plan-empty = `{ $path }` is empty
plan-not-document = `{ $path }` is { $what ->
        [text] plain text
        [binary] binary data
        [damaged-zip] a damaged zip file
        [other-office] an office file of another kind
       *[zip] a zip file
    }, not a PDF, DOCX, ODT or XLSX document
plan-not-document-help = save the test plan from your word processor or spreadsheet as PDF, DOCX, ODT or XLSX; a file's name does not make it one

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
