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

## Yhteiset

did-you-mean = tarkoititko `{ $near }`?

## Muutosilmoitukset (CHANGE-*)

change-skip-missing = ei arvioitu: manifestissa ei ole kenttiä { $what } (katso SUBMISSION-KIND)
change-version-placeholder = `change.{ $key }` on `{ $value }`: anna versio niin kuin julkaisutiedotteesi sen nimeää
change-version-same = new_version `{ $new }` on sertifioitu versio `{ $certified }`: muutosilmoitus koskee uutta versiota
change-version-same-help = anna versio, jossa muutos julkaistaan; jos mikään ei muuttunut, ilmoitusta ei tarvita
change-version-older = new_version `{ $new }` on vanhempi kuin sertifioitu versio `{ $certified }`
change-version-older-help = tarkista versiot: certified_version on Kelan sertifioima, new_version muutettu versio
change-version-incomparable = new_version `{ $new }` ei ole verrattavissa certified_version-versioon `{ $certified }`: kirjoita molemmat pisteillä erotettuina lukuina, kuten 4.2.0 ja 4.3.0
change-schedule-not-needed = co_testing_needed = false: aikataulutettavaa yhteistestausta ei ole
change-schedule-backwards = suunniteltu testaus päättyy { $end }, ennen kuin se alkaa { $start }
change-schedule-backwards-help = planned_testing = {"{"} start = ENSIMMÄINEN PÄIVÄ, end = VIIMEINEN PÄIVÄ {"}"}
change-schedule-july = suunniteltu testaus { $start }–{ $end } sisältää päivän { $july }: heinäkuussa ei ole yhteistestausta
change-schedule-july-help = suunnittele yhteistestaus kesä- tai elokuulle tai ennen kesää tai sen jälkeen
change-schedule-late = lähetetty { $submitted }, { $days ->
        [one] { $days } päivä
       *[other] { $days } päivää
    } ennen suunnitellun testauksen alkua { $start }: yhteistestausta vaativasta muutoksesta ilmoitetaan vähintään kuukautta ennen (viimeistään { $latest })
change-schedule-late-help = siirrä suunniteltua testausta myöhemmäksi tai lähetä ilmoitus aiemmin
change-scope-empty = `change.affected_services` on tyhjä: nimeä palvelut, joiden toimintoihin tai rajapintoihin muutos vaikuttaa
change-scope-unknown = muutoksen koskema palvelu `{ $service }` ei ole kierroksen { $round } palvelu; palvelut ovat { $known }
change-scope-no-summary = `change.summary` ei kuvaa muutosta
change-scope-no-summary-help = kerro parilla lauseella, mikä järjestelmän toiminnoissa tai rajapinnoissa muuttuu

## Liittymishakemukset ja ympäristöt (ACCESS-*)

access-no-endpoint = connection.toml-tiedostossa ei ole [[endpoint]]-kohtaa: liittymishakemus antaa jokaisen yhteyspisteen, johon Kela yhdistää
access-no-endpoint-help = lisää kullekin palvelulle [[endpoint]], jossa name, service, url ja client_certificate
access-service-no-endpoint = ilmoitetulla palvelulla `{ $service }` ei ole [[endpoint]]-kohtaa connection.toml-tiedostossa
access-service-no-endpoint-help = liittymishakemus tehdään palveluittain: anna yhteyspiste, sen osoite ja sen asiakasvarmenne
access-no-source-ips = connection.toml ei anna lähde-IP-osoitteita: Kela avaa yhteydet niistä
access-no-source-ips-help = luettele ne kohtaan [network] source_ips = ["203.0.113.10"]
access-env-production = `system.environment` `{ $value }` on tuotanto: yhteistestauksen lähetys ei koskaan kohdistu tuotantoon
access-env-production-help = käytä arvoa asiakastesti (asiakastestiympäristö) tai tuotannonkuva (tuotannonkuvaympäristö)
access-env-vendor-registration = `system.environment` on `{ $value }`, mutta järjestelmätoimittajan ilmoittautuminen yhteistestataan asiakastestiympäristössä (asiakastesti)
access-env-customer-independent = `system.environment` on `{ $value }`, mutta omaa testausta varten liittyvä asiakasorganisaatio käyttää tuotannonkuvaympäristöä (tuotannonkuva)
access-env-customer-test = `system.environment` on `{ $value }`, mutta asiakasorganisaatio, joka liittyy tarkoitukseen { $purpose }, käyttää asiakastestiympäristöä (asiakastesti)
access-env-mismatch = connection.toml-tiedoston ympäristö `{ $stated }` ei ole manifestin `{ $value }`
access-env-mismatch-help = yksi lähetys kohdistuu yhteen ympäristöön: korjaa väärä
access-sandbox = yhteyspiste `{ $name }` on Kanta PHR:n hiekkalaatikossa ({ $host }): hiekkalaatikko on sovelluksen omaa kehitystä varten, avoin ja jaettu, eikä koskaan { $kind ->
        [registration] ilmoittautumisen
        [access-application] liittymishakemuksen
       *[change-notification] muutosilmoituksen
    } kohde
access-sandbox-help = anna sen asiakastestiympäristön osoite, jonka Kela avaa sinulle

## Testaussuunnitelmat (PLAN-TEST-PLAN)

plan-none = plan/-kansiossa ei ole testaussuunnitelmaa
plan-none-help = lisää testaussuunnitelma plan/-kansioon PDF-, DOCX-, ODT- tai XLSX-asiakirjana
plan-empty = `{ $path }` on tyhjä
plan-not-document = `{ $path }` on { $what ->
        [text] pelkkää tekstiä
        [binary] binääridataa
        [damaged-zip] vioittunut zip-tiedosto
        [other-office] muunlainen toimistotiedosto
       *[zip] zip-tiedosto
    } eikä PDF-, DOCX-, ODT- tai XLSX-asiakirja
plan-not-document-help = tallenna testaussuunnitelma tekstinkäsittely- tai taulukko-ohjelmasta PDF-, DOCX-, ODT- tai XLSX-muodossa; tiedoston nimi ei tee siitä sellaista

## Lomakkeet ja määräaika (BUNDLE-FORMS, BUNDLE-DEADLINE)

forms-no-service-skip = manifesti ei ilmoita yhtään tunnettua palvelua, joten lomakkeita ei vaadita (katso BUNDLE-MANIFEST)
forms-missing = { $form } puuttuu (tarvitaan palveluille { $services })
forms-missing-help = lisää se tiedostona, jonka nimi vastaa mallia { $patterns }
deadline-no-round-skip = manifestin kierroksella ei ole katalogia, joten määräaikaa ei ole (katso BUNDLE-MANIFEST)
deadline-no-submitted = manifestissa ei ole `submitted`-päivämäärää
deadline-no-submitted-help = lisää esimerkiksi `submitted = 2026-11-20` (TOML-päivämäärä ilman lainausmerkkejä)
deadline-not-a-date = `submitted` ei ole kalenteripäivä
deadline-late = lähetetty { $date } kierroksen { $round } ilmoittautumisen määräajan { $deadline } jälkeen (kierros alkaa { $starts }, ilmoittautuminen { $months ->
        [one] { $months } kuukausi
       *[other] { $months } kuukautta
    } ennen)
deadline-future = lähetyspäivä { $date } on tulevaisuudessa (nyt on { $today })
word-or = tai
