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
