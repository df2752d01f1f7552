# valmiksen viestit suomeksi. Jokainen tunniste on myös tiedostossa ../en/valmis.ftl samoin
# argumentein (testi tarkistaa). Argumentit ovat nimettyjä: { $nimi }.

## Ajon viimeinen rivi

closing-line = { $passed } hyväksytty, { $failed } hylätty, { $skipped } ohitettu{ $errors ->
        [0] {""}
        [one] , { $errors } virhe
       *[other] , { $errors } virhettä
    }

## Lähetyksen laji (SUBMISSION-KIND ja lajia tarvitsevat säännöt)

kind-unknown-skip = ei arvioitu: manifestin `kind` tai `role` ei ole valmiksen tuntema (katso BUNDLE-MANIFEST)
kind-customer-no-section = asiakasorganisaation manifestissa ei ole [customer]-osiota
kind-customer-no-section-help = lisää [customer], jossa purpose = "co-testing", "independent-testing" tai "change-testing"
kind-customer-no-purpose = [customer]-osiossa ei ole kenttää `purpose`
kind-customer-no-purpose-help = kerro, mitä varten liityt: purpose = "co-testing", "independent-testing" tai "change-testing"
kind-vendor-customer-section = [customer] kuuluu rooliin role = "customer-organisation", ja tämä lähetys on järjestelmätoimittajan
kind-vendor-plan = `{ $path }`: plan/-kansio on asiakasorganisaation testaussuunnitelmaa varten, ja tämä lähetys on järjestelmätoimittajan
kind-vendor-help-remove-customer = poista [customer] tai aseta role = "customer-organisation", jos liityt palvelunantajana
kind-vendor-help-remove-plan = poista plan/ tai aseta role = "customer-organisation", jos liityt palvelunantajana
kind-change-by-customer = muutosilmoituksen tekee järjestelmätoimittaja sertifioidusta järjestelmästä; tämän lähetyksen rooli on customer-organisation
kind-change-by-customer-help = asiakasorganisaatio lähettää ilmoittautumisen (testaussuunnitelmineen) tai liittymishakemuksen
kind-change-no-section = muutosilmoituksessa ei ole [change]-osiota
kind-change-no-section-help = kuvaa muutos [change]-osiossa: { $keys } sekä planned_testing = {"{"} start = PÄIVÄ, end = PÄIVÄ {"}"}, kun yhteistestausta tarvitaan
kind-change-no-key = [change]-osiossa ei ole kenttää `{ $key }`
kind-change-no-planned = [change] kertoo yhteistestausta tarvittavan, mutta siinä ei ole kenttää `planned_testing`
kind-change-no-planned-help = lisää planned_testing = {"{"} start = 2027-02-01, end = 2027-02-26 {"}"}: päivät, joille yhteistestaus suunnitellaan
kind-change-section-elsewhere = [change] kuuluu lajiin kind = "change-notification", ja tämän lähetyksen laji on { $kind }
kind-change-section-elsewhere-help = poista [change] tai aseta kind = "change-notification", jos ilmoitat Kelalle muutoksesta
