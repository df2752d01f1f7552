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
plan-none-help = lisää testaussuunnitelma plan/-kansioon PDF-, DOCX-, ODT-, ODS- tai XLSX-asiakirjana
plan-empty = `{ $path }` on tyhjä
plan-blank = `{ $path }` on { $kind }-asiakirja, jonka leipätekstissä ei ole tekstiä: testaussuunnitelmaa ei ole vielä kirjoitettu
plan-blank-help = kirjoita testaussuunnitelma itse asiakirjaan; pelkkä otsikkotieto, ylätunniste tai alatunniste ei ole suunnitelma
plan-unreadable = `{ $path }` näyttää { $kind }-asiakirjalta, mutta sitä ei voi lukea: { $error }
plan-not-document = `{ $path }` on { $what ->
        [text] pelkkää tekstiä
        [binary] binääridataa
        [damaged-zip] vioittunut zip-tiedosto
        [other-office] muunlainen toimistotiedosto
       *[zip] zip-tiedosto
    } eikä PDF-, DOCX-, ODT-, ODS- tai XLSX-asiakirja
plan-not-document-help = tallenna testaussuunnitelma tekstinkäsittely- tai taulukko-ohjelmasta PDF-, DOCX-, ODT-, ODS- tai XLSX-muodossa; tiedoston nimi ei tee siitä sellaista

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

## Nipun kohteet (BUNDLE-PATHS); katkelma seuraa kohteen nimeä

path-entry = kohde `{ $path }` { $issue }
path-refused = nippu hylätty: { $reason }
path-folder-unreadable = kansiota ei voi lukea: { $error }
path-folder-unlistable = kansion sisältöä ei voi luetella: { $error }
path-uninspectable = ei ole tutkittavissa: { $error }
path-symlink-dir = on symbolinen linkki; linkkejä ei seurata (kopioi tiedosto itse nippuun)
path-symlink-zip = on symbolinen linkki; linkkejä ei seurata (tallenna itse tiedosto)
path-special-file = ei ole tavallinen tiedosto (laite, pistoke tai putki), eikä sitä lueta
path-central-unreadable = kohdetta ei voi lukea keskushakemistosta: { $error }
path-backslashes = käyttää kansioerottimena merkkiä `\`; zip-nimissä erotin on `/` (luettu kuin se olisi)
path-encrypted = on salattu; ei Kelakaan voi avata sitä
path-too-large = ilmoittaa kooksi { $size } tavua; yhden tiedoston raja on { $limit }
path-absolute = on absoluuttinen polku; purettuna se kirjoittaisi kohdekansion ulkopuolelle
path-drive-letter = alkaa levyaseman kirjaimella; purettuna se kirjoittaisi kohdekansion ulkopuolelle
path-nul = sisältää NUL-merkin
path-zip-slip = sisältää osan `..`; purettuna se kirjoittaisi kohdekansion ulkopuolelle (zip slip)

## Kokonaan hylätty nippu

refused-too-many-entries = nipussa on yli { $limit } kohdetta; raja pitää vihamielisten nippujen hylkäämisen kevyenä
refused-declared-entries = arkisto ilmoittaa { $declared } kohdetta; raja on { $limit } (zip-pommi vai väärä tiedosto?)
refused-duplicate-names = arkistossa on kaksi samannimistä kohdetta; ei ole yksiselitteistä, kumpi pätee
refused-total-size = arkisto ilmoittaa yhteensä yli { $total } tavua purettuna; raja on { $limit } (zip-pommi?)
refused-ratio = kohde `{ $entry }` ilmoittaa { $size } tavua { $compressed } pakatusta tavusta, suhde yli { $ratio }:1 (zip-pommi?)
refused-overlapping = kohteet `{ $first }` ja `{ $second }` jakavat samat tavut arkistossa (päällekkäiset kohteet: zip-pommi tai vioittunut zip); pakkaa nippu uudelleen
refused-no-local-header = kohteella `{ $entry }` ei ole paikallista otsaketta siellä, minne keskushakemisto osoittaa; pakkaa nippu uudelleen
refused-local-header-name = kohteen `{ $entry }` paikallinen otsake nimeää tiedoston `{ $name }`, ei keskushakemiston nimeä (väärennetty tai vioittunut zip); pakkaa nippu uudelleen
refused-same-path = kaksi kohdetta tarkoittaa samaa polkua `{ $path }`; ei ole yksiselitteistä, kumpi pätee
refused-skip = nippu hylättiin ({ $reason }); katso { $rule }

## Mitkä vaatimukset arvioidaan (`--only`, `--skip`, lähetyksen palvelut)

no-check = valmiksessa ei ole tarkistusta vaatimukselle { $id }
select-not-a-pattern = { $flag } `{ $pattern }` ei ole kelvollinen malli: { $error }
select-matches-nothing = { $flag } `{ $pattern }` ei vastaa yhtään kierroksen { $round } vaatimusta{ $near }
select-none-near = {" "}(`valmis requirements` luettelee ne)
select-near = ; tarkoititko { $names }?
select-leaves-nothing = { $flags } ei jätä tarkistettavaksi yhtään kierroksen { $round } vaatimusta; ajo, joka ei tarkista mitään, ei ole koskaan valmis
select-not-selected = ei valittu (`--only` { $patterns })
select-skipped = ohitettu pyynnöstä (`--skip` { $patterns })
skip-kind-unknown = ei arvioitu: manifestin `{ $field }` ei ole valmiksen tuntema (katso BUNDLE-MANIFEST)
skip-no-service = koskee vain palveluja { $services }; yhtäkään niistä ei ole ilmoitettu
word-with = ja

## Yhteydet (CONN-*)

conn-not-needed-skip = yksikään ilmoitettu palvelu ei tarvitse yhteysasetuksia
conn-missing = tiedostoa connection/connection.toml ei ole; { $services } tarvitsee sen
conn-missing-help = kuvaa päätepisteet, varmenteet ja lähdeosoitteet: `valmis init` kirjoittaa kommentoidun connection.toml-tiedoston (muoto: docs/connection.md)
conn-invalid = connection.toml ei ole kelvollinen: { $message }
conn-format = yhteysasetusten muotoa { $format } ei tueta; tämä valmis lukee muotoa { $supported }
conn-environment = ympäristö `{ $environment }` ei ole mikään näistä: { $known }
conn-environment-help = yhteistestauksessa yhdistetään asiakastestiympäristöön: environment = "asiakastesti"
conn-no-endpoint = connection.toml-tiedostossa ei ole yhtään [[endpoint]]-osiota
conn-no-endpoint-help = lisää yksi [[endpoint]] kutakin palveluyhteyttä kohden
conn-no-endpoint-skip = connection.toml-tiedostossa ei ole yhtään [[endpoint]]-osiota (katso CONN-CONFIG)
conn-name-twice = päätepisteen nimi `{ $name }` on käytössä kahdesti
conn-no-signing = connection.toml-tiedostossa ei ole [signing]-varmennetta; { $services } allekirjoittaa sellaisella
conn-no-signing-help = lisää [signing] certificate = "certs/<järjestelmäallekirjoitusvarmenne>.pem"
conn-url-placeholder = päätepisteen `{ $name }` url on yhä mallin paikkamerkki `{ $url }`
conn-not-url = `{ $url }` ei ole URL-osoite: { $error }
conn-not-https = päätepiste `{ $name }` käyttää protokollaa { $scheme }, ei https
conn-not-https-help = Kanta-yhteydet käyttävät TLS-salausta molemminpuolisella tunnistuksella: https://…
conn-no-host = osoitteessa `{ $url }` ei ole palvelinta
conn-production-host = palvelin `{ $host }` on tuotanto-osoite
conn-production-host-help = yhteistestaus käyttää asiakastestiympäristöä; älä koskaan luettele tuotantopalvelimia
conn-service-unknown = palvelu `{ $service }` ei ole luettelon palvelu
conn-services-are = palvelut ovat { $known }
conn-service-undeclared = palvelua `{ $service }` ei ole ilmoitettu manifest.toml-tiedostossa
conn-service-undeclared-help = ilmoita se kohdassa [system] services tai poista päätepiste
conn-ips-not-needed-skip = [network] source_ips puuttuu, eikä yksikään ilmoitettu palvelu tarvitse niitä
conn-ips-missing = [network] source_ips puuttuu; { $services } yhdistää kiinteistä julkisista osoitteista
conn-ips-missing-help = luettele ne: [network] source_ips = ["198.51.100.20"]
conn-ip-placeholder = lähdeosoite `{ $address }` on yhä mallin paikkamerkki
conn-ip-placeholder-help = luettele kiinteät osoitteet, joista järjestelmäsi yhdistää, esimerkiksi "198.51.100.20"
conn-ip-invalid = `{ $address }` ei ole IP-osoite
conn-ip-invalid-help = kirjoita yksi osoite kohtaa kohden, esimerkiksi "198.51.100.20" tai "2001:db8::20" (ei osoitealueita eikä maskeja)
conn-ip-private = `{ $address }` on yksityinen, paikallinen tai muuten ei-julkinen osoite; { $services } tarvitsee julkiset osoitteet
conn-ip-private-help = anna kiinteät julkiset osoitteet, joista taustajärjestelmäsi yhdistää
probe-offline-skip = ajo ilman verkkoa: anna --online ja --client-key TIEDOSTO, niin päätepisteet koetellaan
probe-not-probed = päätepistettä `{ $name }` ei koeteltu
probe-failed = päätepiste `{ $name }`: { $failure }
probe-failed-at = päätepiste `{ $name }`: { $failure } ({ $address })
probe-help-url = korjaa päätepisteen url connection.toml-tiedostossa
probe-help-dns = tarkista palvelimen nimi; asiakastestiympäristön nimet selviävät vain siellä, missä Kelan ohjeet sanovat
probe-help-refused = tarkista portti sekä se, että palvelu on käynnissä ja palomuuri päästää tämän koneen osoitteen
probe-help-timeout = tarkista osoite, palomuurisäännöt ja se, että tämän koneen lähdeosoite on sallittu
probe-help-alert = tarkista, että palvelin hyväksyy asiakasvarmenteen: sen myöntäjä, clientAuth ja se, että se on Kelalle ilmoitettu varmenne
probe-help-unknown-issuer = lisää palvelinvarmenteen myöntänyt juurivarmenne ca_bundle-tiedostoon
probe-help-name-mismatch = käytä url-osoitteessa palvelinvarmenteen nimeämää palvelimen nimeä
probe-help-expired = palvelinvarmenne on uusittava
probe-help-tls-version = palvelimen on tarjottava TLS 1.2 tai 1.3
probe-help-client-rejected = palvelin ei luota tähän asiakasvarmenteeseen: sen asiakas-CA:n (nginx ssl_client_certificate) on sisällettävä päätepisteen client_certificate-varmenteen myöntäjä, ja varmenteen on oltava Kelalle ilmoitettu
probe-help-client-not-requested = päätepisteen on vaadittava molemminpuolinen TLS-tunnistus (nginx: ssl_verify_client on); jos välityspalvelin päättää TLS-yhteyden, käytä osoitetta, jossa asiakasvarmenne tarkistetaan
probe-help-redirect = anna url-kohtaan lopullinen https-osoite; valmis ei seuraa uudelleenohjauksia muille palvelimille eikä http-osoitteisiin
probe-help-other = katso viesti; `valmis probe` näyttää yhteyden yksityiskohdat

## Miksi sääntö ei voi arvioida (yhteiset syötteet)

not-in-file-pass = vaatimusta { $id } ei arvioitu tiedostokierroksella
manifest-missing-skip = manifest.toml puuttuu (katso BUNDLE-MANIFEST)
manifest-unreadable-skip = manifest.toml-tiedostoa ei voitu lukea (katso BUNDLE-MANIFEST)
pretest-unusable-skip = käyttökelpoista esitestiraporttia ei ole (katso PRETEST-REPORT)
conn-missing-skip = tiedostoa connection/connection.toml ei ole (katso CONN-CONFIG)
conn-unreadable-skip = tiedostoa connection/connection.toml ei voitu lukea (katso CONN-CONFIG)
arc-organisation = manifestin organisaatio
arc-test-organisation = manifestin testiorganisaatio
conn-not-utf8 = connection.toml ei ole kelvollista UTF-8-tekstiä; tallenna se UTF-8-muodossa
conn-path-empty = polku on tyhjä
conn-path-outside = `{ $path }` on oltava polku connection/-kansion sisällä (ei `..`, ei absoluuttista polkua)

## Nipun tiedoston lukeminen

read-not-found = `{ $path }` ei ole nipussa
read-too-large = `{ $path }` on liian suuri luettavaksi: { $reason }
read-failed = tiedoston `{ $path }` lukeminen epäonnistui: { $reason }
read-limit = { $size } tavua, raja on { $limit }
read-grew = se kasvoi lukemisen aikana yli { $limit } tavun
read-decompresses-more = se purkautuu suuremmaksi kuin otsakkeensa ilmoittamat { $declared } tavua

## Varmenteiden lukeminen ja tarkistus

pki-pem-unreadable = PEM-lohko { $block } ei ole luettavissa: { $error }
pki-pem-not-x509 = PEM-varmenne { $block } ei ole kelvollinen X.509-varmenne: { $error }
pki-pem-empty = PEM-tiedostossa ei ole CERTIFICATE-lohkoa
pki-not-certificate = ei PEM- eikä DER-muotoinen X.509-varmenne: { $error }
pki-der-error = { $error }
pki-trailing-bytes = varmenteen perässä on { $bytes } tavua
pki-unknown-issuer = ketju ei johda ca_bundle-tiedoston luottamusankkureihin (tuntematon myöntäjä)
pki-expired = ketjun varmenne on vanhentunut
pki-not-yet-valid = ketjun varmenne ei ole vielä voimassa
pki-eku-missing = varmenteesta puuttuu tähän käyttöön tarvittava laajennettu avaimen käyttötarkoitus (extendedKeyUsage)
pki-name-not-covered = varmenne ei kata tätä palvelimen nimeä
pki-bad-signature = ketjun allekirjoitus ei täsmää
pki-weak-algorithm = ketju käyttää allekirjoitusalgoritmia, jota ei hyväksytä (SHA-1 tai MD5?)
pki-ca-as-end-entity = CA-varmennetta käytetään loppukäyttäjän varmenteena
pki-end-entity-as-ca = loppukäyttäjän varmennetta käytetään CA-varmenteena
pki-other = { $error }

## Varmenteet (CERT-*)

cert-unreadable-skip = ei luettavissa (katso CERT-PARSE)
cert-none-skip = connection.toml ei viittaa yhteenkään asiakas- tai allekirjoitusvarmenteeseen
cert-parse-help = vie varmenne uudelleen DVV:n toimituksesta (PEM tai DER)
cert-copies-differ = `{ $path }` ja `{ $sibling }` ovat eri varmenteita ({ $first } ja { $other })
cert-copies-differ-help = pidä saman DVV-toimituksen PEM- ja DER-kopiot yhdessä tai poista vanhentunut
cert-copy-not-certificate = `{ $sibling }`, tiedoston `{ $path }` toinen kopio, ei ole varmenne
cert-not-yet-valid = { $who } ei ole vielä voimassa: `notBefore` { $date }
cert-expired = { $who } vanheni { $date } (`notAfter`)
cert-expired-help = tilaa uusi testivarmenne DVV:ltä
cert-expires-soon = { $who } vanhenee { $date } (`notAfter`), { $days } päivän kuluessa
cert-expires-soon-help = tilaa seuraava testivarmenne DVV:ltä nyt
cert-expires-in-round = { $who } vanhenee { $date } (`notAfter`), ennen kuin kierros { $round } päättyy { $ends }
cert-expires-in-round-help = tilaa seuraava testivarmenne ennen yhteistestausjaksoa
cert-too-long = { $who } on voimassa { $days } päivää ({ $from }–{ $to }); DVV:n { $kind ->
        [server] palvelinvarmenne
       *[signing] järjestelmäallekirjoitusvarmenne
    } on voimassa enintään { $maximum } päivää
cert-too-long-help = käytä DVV:n toimittamaa varmennetta; pidempään voimassa oleva ei ole DVV:n testivarmenne
cert-professional = { $who } on ammattihenkilön (henkilökohtainen) varmenne: myöntäjä `{ $issuer }`{ $unit } on sosiaali- ja terveydenhuollon ammattikorttien CA, ei palvelinvarmenteiden CA{ $person ->
        [yes] ; sen subject nimeää henkilön
       *[no] {""}
    }.{ $production ->
        [yes] {" "}Se on myös tuotannon CA.
       *[no] {""}
    }
cert-professional-help = järjestelmä allekirjoittaa ja yhdistää DVV:n palvelinvarmenteella (järjestelmäallekirjoitus- tai palvelinvarmenne, myöntäjä esim. `VRK TEST CA for Social Welfare and Health Care Service Providers`); tilaa testipalvelinvarmenne DVV:ltä
cert-production = { $who } on tuotantovarmenne: myöntäjä `{ $issuer }` { $how ->
        [listed] on tämän kierroksen luettelon tuotannon CA
       *[named] on nimetty kuin DVV:n tuotannon CA (nimessä ei ole sanaa TEST)
    }
cert-production-help = asiakastestiympäristö hyväksyy vain DVV:n testivarmenteita; tilaa testivarmenne DVV:ltä ja pidä tuotantovarmenteet poissa nipusta
cert-unknown-ca = { $who } on myöntäjän `{ $issuer }` myöntämä, eikä se ole kierroksen { $round } DVV-testi-CA
cert-unknown-ca-dvv-help = `{ $issuer }` on nimetty kuin DVV:n testi-CA: jos DVV myönsi varmenteen, lisää nimi luettelosi kohtaan [round] test_ca_names (--catalog KANSIO); kierros tuntee nämä: { $known }
cert-unknown-ca-help = tilaa testivarmenne DVV:ltä; kierros tuntee nämä: { $known }
cert-is-ca = { $who } on CA-varmenne (basicConstraints CA:TRUE)
cert-is-ca-help = määritä DVV:n järjestelmällesi myöntämä loppukäyttäjän varmenne, ei CA-varmennetta
cert-no-client-auth = { $who } ei voi tunnistaa TLS-asiakasta: extendedKeyUsage on { $usages } ilman clientAuth-käyttöä
cert-no-client-auth-help = tilaa DVV:ltä clientAuth-käytön sisältävä testipalvelinvarmenne molemminpuolista TLS-tunnistusta varten
cert-usage-absent = puuttuu
cert-cannot-sign = { $who } ei voi allekirjoittaa: keyUsage on { $usages } ilman digitalSignature-käyttöä{ $person ->
        [yes] {" "}(sen subject nimeää henkilön: ammattihenkilön korttivarmenne, ei järjestelmäallekirjoitusvarmenne)
       *[no] {""}
    }
cert-cannot-sign-help = tilaa DVV:n testijärjestelmäallekirjoitusvarmenne (`keyUsage` `digitalSignature`, `nonRepudiation`)
cert-weak-key = varmenteen { $who } avain on { $key }; vähintään RSA 2048 tai EC P-256 vaaditaan
cert-weak-key-help = tilaa uusi varmenne RSA 2048- tai 4096-avaimella (DVV)
cert-weak-signature = { $who } on allekirjoitettu algoritmilla { $algorithm }, jota ei enää hyväksytä
cert-weak-signature-help = tilaa uusi varmenne; DVV:n nykyiset varmenteet on allekirjoitettu SHA-256:lla
cert-serial-not-organisation = varmenteen { $who } subject serialNumber on `{ $serial }`, joka ei ole organisaation OID `{ $organisation }` eikä sen alla
cert-serial-not-organisation-help = tilaa varmenne, jonka serialNumber-kentässä on organisaatiosi tai järjestelmäsi OID
cert-no-serial = varmenteessa { $who } ei ole subject serialNumber -kenttää; Omatietovaranto tunnistaa sovelluksen siinä olevasta OID:sta
cert-no-serial-help = tilaa varmenne, jonka subject serialNumber -kentässä on sovelluksen OID
cert-no-dns = varmenteessa { $who } ei ole DNS-nimeä (subjectAltName); DVV:n palvelinvarmenteissa sellainen on oltava
cert-no-dns-help = tilaa testipalvelinvarmenne päätepisteen DNS-nimelle
cert-endpoint-ip = päätepiste `{ $endpoint }` on IP-osoite ({ $host }); DVV:n varmenteet nimeävät vain DNS-nimiä
cert-endpoint-ip-help = käytä päätepisteen url-osoitteessa DNS-nimeä, jolle varmenne tilattiin
cert-host-not-covered = { $who } ei kata päätepisteen `{ $endpoint }` palvelinta `{ $host }`; sen DNS-nimet ovat { $names }
cert-host-not-covered-help = käytä tälle palvelimelle tilattua varmennetta tai korjaa päätepisteen url
cert-chain-no-anchors = { $who }: ca_bundle ei ole luettavissa, joten ketjua ei voi tarkistaa (katso CERT-PARSE)
cert-chain = { $who } ei vahvistu ca_bundle-tiedostoon { $purpose ->
        [client] molemminpuolista TLS-tunnistusta (clientAuth)
       *[signing] allekirjoitusta
    } varten: { $reason }
cert-chain-help = lisää DVV:n testijuurivarmenne ca_bundle-tiedostoon ja välivarmenne varmenteen perään sen PEM-tiedostoon

## Varmennetiedostot

cert-path-placeholder = varmenteen polku kohdassa { $file }:{ $line } on yhä mallin paikkamerkki `{ $path }`
cert-path-missing = `{ $path }` (viitattu kohdasta { $file }:{ $line }) ei ole nipussa
cert-file-error = `{ $path }`: { $error }

## Manifesti (BUNDLE-MANIFEST)

manifest-not-utf8 = manifest.toml ei ole kelvollista UTF-8-tekstiä; tallenna se UTF-8-muodossa
manifest-missing = nipun juuressa ei ole manifest.toml-tiedostoa
manifest-missing-help = `valmis init KANSIO` kirjoittaa kommentoidun pohjan, josta aloittaa
manifest-unreadable = manifest.toml-tiedostoa ei voi lukea: { $reason }
manifest-syntax = TOML-syntaksivirhe: { $message }
manifest-no-format = manifestissa ei ole kenttää `format`; lisää `format = 1` sen ensimmäiseksi riviksi
manifest-format = manifestin muotoa { $format } ei tueta; tämä valmis lukee muotoa { $supported }
manifest-no-round = manifestissa ei ole kenttää `round` (yhteistestauskierros, esim. "2027-1")
manifest-round-unknown = kierrokselle `{ $round }` ei ole luetteloa; tunnetut kierrokset: { $known }
manifest-round-unknown-help = käytä tunnettua kierrosta tai anna kierroksen luettelo valitsimella --catalog KANSIO
manifest-value-unknown = `{ $key }` `{ $value }` ei ole valmiksen tuntema { $what ->
        [kind] lähetyksen laji
        [role] rooli
       *[purpose] asiakasorganisaation tarkoitus
    }; se on jokin näistä: { $allowed }
manifest-no-system = manifestissa ei ole [system]-taulukkoa (name, version, class, services, environment)
manifest-system-no-key = [system]-taulukossa ei ole kenttää `{ $key }`
manifest-system-not-one-of = järjestelmän { $key } `{ $value }` ei ole mikään näistä: { $allowed }
manifest-system-empty = järjestelmän { $key } on tyhjä
manifest-system-placeholder = järjestelmän { $key } on yhä mallin paikkamerkki `{ $value }`
manifest-system-choose = kirjoita jokin näistä: { $allowed }
manifest-services-empty = `system.services` on tyhjä: ilmoita vähintään yksi palvelu
manifest-service-unknown = tuntematon palvelu `{ $service }`; palvelut ovat { $known }
manifest-service-twice = palvelu `{ $service }` on ilmoitettu kahdesti
manifest-unknown-key-top = tuntematon kenttä `{ $key }` ylimmällä tasolla; odotettiin jotakin näistä: { $expected }
manifest-unknown-key-in = tuntematon kenttä `{ $key }` taulukossa [{ $table }]; odotettiin jotakin näistä: { $expected }
manifest-placeholder = kentän `{ $key }` arvo on yhä mallin paikkamerkki `{ $value }`
manifest-date-quoted-help = kirjoita päivämäärä ilman lainausmerkkejä: submitted = 2026-11-20
manifest-quote-help = laita arvo lainausmerkkeihin
manifest-wrong-type = kentän `{ $key }` on oltava { $expected }, mutta se on { $found }
manifest-not-string = kentän `{ $key }."{ $item }"` on oltava merkkijono, mutta se on { $found }
value-kind = { $kind ->
        [string] merkkijono
        [integer] kokonaisluku
        [boolean-expected] `true` tai `false`
        [date-expected] päivämäärä, kuten 2026-11-20
        [string-array] merkkijonojen taulukko
        [string-table] merkkijonojen taulukko (avain = arvo)
        [float] liukuluku
        [boolean] totuusarvo
        [date-time] aikaleima
        [date] päivämäärä
        [array] taulukko
        [array-mixed] taulukko, jossa on muita kuin merkkijonoja
       *[table] taulukko
    }

## Tunnisteet: Y-tunnukset, henkilötunnukset, OID:t

business-id-shape = ei ole muotoa NNNNNNN-C (seitsemän numeroa, yhdysmerkki, tarkistusnumero)
business-id-unissuable = millään Y-tunnuksella ei ole näitä seitsemää numeroa (painotettu summa antaa jakojäännöksen 1)
business-id-check-digit = tarkistusnumeron pitäisi olla { $expected }
hetu-shape = ei ole muotoa PPKKVVSNNNT (11 merkkiä)
hetu-century-sign = `{ $sign }` ei ole välimerkki (+ - Y X W V U A B C D E F)
hetu-date = päivämääräosa ei ole kalenteripäivä
hetu-individual-number = yksilönumeroita 000 ja 001 ei koskaan anneta
hetu-check-character = tarkistusmerkin pitäisi olla `{ $expected }`
oid-empty = tyhjä
oid-character = `{ $character }` ei ole sallittu (vain numeroita ja pisteitä)
oid-empty-arc = siinä on tyhjä osa (kaksi pistettä peräkkäin tai piste alussa tai lopussa)
oid-leading-zero = osassa on etunolla
oid-first-arc = ensimmäisen osan on oltava 0, 1 tai 2
oid-too-short = tarvitaan vähintään kaksi osaa

## Asiakirjojen OID-tunnisteet (DOC-OID)

oid-invalid = { $path }/@{ $attribute } `{ $value }` ei ole kelvollinen OID: { $error }
oid-invalid-help = Kannan tunnisteet ja koodistot ovat OID-tunnisteita: numeroita ja pisteitä ilman etunollia, kuten 1.2.246.10.12345671.11.2026.1001
oid-arc-not-business-id = { $path }/@{ $attribute } `{ $value }`: organisaation haara `{ $arc }` ei ole Y-tunnus ({ $error })
oid-arc-not-business-id-help = 1.2.246.10.<Y-tunnuksen numerot> on organisaation haara (JHS 159); mallin paikkamerkkihaara on korvattava organisaation omalla
oid-extension-no-root = elementissä { $path } on @extension mutta ei @root-attribuuttia: tunnistetta ei voi tulkita ilman sitä
oid-id-empty = { $path } on tyhjä: siinä ei ole @root- eikä @nullFlavor-attribuuttia
oid-root-and-null-flavor = elementissä { $path } on sekä @root että @nullFlavor `{ $flavor }`
oid-ii-rule-help = HL7:n II-sääntö: anna tunnisteen OID @root-attribuutissa tai kerro, miksi se on tuntematon, attribuutilla @nullFlavor="NI", ei molempia
oid-sample-value = { $path }/@root `{ $oid }` on julkaistun esimerkkiarvon `{ $sample }` alla ({ $origin })
oid-sample-value-help = korvaa esimerkkiarvo asiakirjan tuottavan organisaation OID-tunnisteella
arc-whose = { $whose ->
        [author-organisation] tekijän organisaatio
        [author-parent] tekijän yläorganisaatio
        [custodian] asiakirjan säilyttäjä (`custodian`)
        [provider] palvelunantaja
        [provider-unit] palvelunantajan yksikkö
       *[practitioner] tekijän ammattihenkilöhaara (SV-numero)
    }
oid-accepted-none = ei yhtään: asiakirja ei nimeä yhtään organisaatiota
oid-document-id-arc = { $path }/@root `{ $id }` ei ole minkään tämän asiakirjan nimeämän tai nipun ilmoittaman organisaation tai ammattihenkilön haaran alla; hyväksytyt: { $accepted }
oid-document-id-arc-help = anna asiakirjoille tunnisteet tuottavan organisaation haaran alta; jos kirjoitat Kelan osoittamalle testiorganisaatiolle, luettele sen OID kohdassa [organisation] test_organisations

## Yhteyshenkilöt ja organisaatio (BUNDLE-CONTACTS, BUNDLE-ORG)

manifest-wrong-type-skip = ei arvioitu: kenttää `{ $keys }` ei voitu lukea tai sen tyyppi on väärä (katso BUNDLE-MANIFEST)
contact-missing = { $role ->
        [technical] teknistä
       *[administrative] hallinnollista
    } yhteyshenkilöä ei ole: [contacts.{ $role }] puuttuu
contact-missing-help = lisää [contacts.{ $role }], jossa on name, email ja phone
contact-no-field = [contacts.{ $role }]-taulukossa ei ole kenttää `{ $field }`
contact-empty = { $role ->
        [technical] teknisen
       *[administrative] hallinnollisen
    } yhteyshenkilön { $field } on tyhjä
contact-placeholder = { $role ->
        [technical] teknisen
       *[administrative] hallinnollisen
    } yhteyshenkilön { $field } on yhä mallin paikkamerkki `{ $value }`
contact-email-invalid = { $role ->
        [technical] teknisen
       *[administrative] hallinnollisen
    } yhteyshenkilön sähköposti `{ $value }` ei ole osoite muotoa nimi@esimerkki.fi
contact-phone-invalid = { $role ->
        [technical] teknisen
       *[administrative] hallinnollisen
    } yhteyshenkilön puhelin `{ $value }` ei ole puhelinnumero (7–15 numeroa, esim. +358 40 123 4567)
contact-phone-national = { $role ->
        [technical] teknisen
       *[administrative] hallinnollisen
    } yhteyshenkilön puhelinnumero `{ $value }` on kansallisessa muodossa
contact-phone-national-help = kirjoita se kansainvälisessä muodossa, `{ $international }`
org-missing = manifestissa ei ole [organisation]-taulukkoa
org-missing-help = lisää [organisation], jossa on `name`, `business_id` ja `oid`
org-no-name = [organisation]-taulukossa ei ole kenttää `name`
org-name-empty = organisaation nimi on tyhjä
org-name-placeholder = organisaation nimi on yhä mallin paikkamerkki `{ $name }`
org-no-business-id = [organisation]-taulukossa ei ole kenttää `business_id` (Y-tunnus, esim. 1234567-1)
org-business-id-invalid = Y-tunnus `{ $id }` ei ole kelvollinen: { $error }
org-no-oid = [organisation]-taulukossa ei ole kenttää `oid` (1.2.246.10.<Y-tunnuksen numerot>)
org-oid-invalid = organisaation OID `{ $oid }` ei ole kelvollinen OID: { $error }
org-oid-not-under-arc = organisaation OID `{ $oid }` ei ole Y-tunnuksen { $business_id } haara `{ $arc }` eikä sen alla
org-oid-not-under-arc-help = käytä haaraa `{ $arc }` tai sen alle rekisteröityä OID-tunnistetta
org-business-id-placeholder = Y-tunnus on yhä mallin paikkamerkki `{ $id }`
org-business-id-placeholder-help = kirjoita organisaation Y-tunnus kaupparekisterin mukaan, esimerkiksi 1234567-1
org-oid-placeholder = organisaation OID on yhä mallin paikkamerkki `{ $oid }`
org-oid-placeholder-help = kirjoita 1.2.246.10 ja sen perään Y-tunnuksen numerot (1234567-1 antaa 1.2.246.10.12345671) tai sen alle rekisteröity OID
org-test-oid-invalid = testiorganisaatio `{ $oid }` ei ole kelvollinen OID: { $error }
org-test-oid-invalid-help = kirjoita Kelan osoittama organisaation OID, kuten 1.2.246.10.23456780
org-test-arc-not-business-id = testiorganisaatio `{ $oid }`: haara `{ $arc }` ei ole Y-tunnus ({ $error })
org-test-arc-not-business-id-help = tarkista OID Kelan osoittamaa vasten; paikkamerkki hylättäisiin

## Asiakirjat luettuina (DOC-WELLFORMED ja sitä seuraavat säännöt)

json-not-valid = ei kelvollista JSONia: { $error }
json-empty = asiakirja on tyhjä
json-too-large = JSONia ei voi lukea: asiakirja on yli 4 GiB
json-ends-early = ei kelvollista JSONia: teksti loppuu, vaikka odotettiin { $expected ->
        [end] asiakirjan loppua
        [comma-brace] merkkiä ',' tai '{"}"}'
        [comma-bracket] merkkiä ',' tai ']'
        [name] lainausmerkeissä olevaa jäsenen nimeä
        [colon] merkkiä ':'
       *[value] arvoa
    }
json-unexpected = ei kelvollista JSONia: löytyi { $found }, vaikka odotettiin { $expected ->
        [end] asiakirjan loppua
        [comma-brace] merkkiä ',' tai '{"}"}'
        [comma-bracket] merkkiä ',' tai ']'
        [name] lainausmerkeissä olevaa jäsenen nimeä
        [colon] merkkiä ':'
       *[value] arvoa
    }
json-comment = ei kelvollista JSONia: JSONissa ei saa olla kommentteja
json-too-deep = ei kelvollista JSONia: taulukoita ja olioita on sisäkkäin yli { $limit } tasoa
json-missing-comma = ei kelvollista JSONia: tästä puuttuu pilkku ennen seuraavaa arvoa
json-trailing-comma = ei kelvollista JSONia: ylimääräinen pilkku ennen sulkevaa sulkua
json-unknown-word = ei kelvollista JSONia: tuntematon sana (ainoat sanat ovat `true`, `false` ja `null`)
json-bad-number = ei kelvollista JSONia: luku, jota JSON ei salli (ei etunollia, plusmerkkejä, irrallisia pisteitä eikä 16-kantaisia lukuja)
json-unterminated-string = ei kelvollista JSONia: merkkijonoa ei ole suljettu
json-control-in-string = ei kelvollista JSONia: merkkijonossa on ohjausmerkki (kirjoita se `\`-merkinnällä, kuten `\n`)
json-bad-escape = ei kelvollista JSONia: `\`-merkintä, jota JSONissa ei ole (vain `\"` `\\` `\/` `\b` `\f` `\n` `\r` `\t` ja `\uXXXX`)
json-lone-surrogate = ei kelvollista JSONia: `\u`-merkintä on vain toinen puoli UTF-16-parista (emoji tarvitsee molemmat puolet)
document-over-budget = asiakirjassa on jopa { $cost } elementtiä, attribuuttia tai arvoa; valmis jäsentää enintään { $limit } asiakirjaa kohden (Kanta-asiakirjassa on muutama tuhat), joten sitä ei jäsennetty
document-over-budget-help = lähetä pienempi esimerkkiasiakirja: yhteistestaus tarvitsee edustavia asiakirjoja, ei massadataa
document-too-large = `{ $path }` on { $size } tavua; yli { $limit } tavun asiakirjoja ei lueta
document-not-utf8 = `{ $path }` ei ole UTF-8-tekstiä (ensimmäinen virheellinen tavu kohdassa { $offset }); tallenna se UTF-8-muodossa
xml-not-well-formed = XML ei ole hyvin muodostettua: { $error }
document-skip = { $why ->
        [unreadable] ei luettavissa
        [not-well-formed] ei hyvin muodostettu
        [over-budget] ei jäsennetty: liian monta solmua
       *[not-json] ei kelvollista JSONia
    } (katso DOC-WELLFORMED)
document-doctype = asiakirjassa on DOCTYPE- tai ENTITY-määrittely, jota ei hyväksytä
document-doctype-help = poista DOCTYPE: Kannan validointi hylkää sen, ja entiteetit avaavat oven XXE- ja billion laughs -hyökkäyksille
document-not-cda-skip = ei CDA R2 -muotoinen ClinicalDocument (katso DOC-CDA-HEADER)
documents-none-skip = documents/-kansiossa ei ole yhtään { $kind ->
        [xml] .xml-asiakirjaa
        [json] .json-asiakirjaa
       *[any] .xml- tai .json-asiakirjaa
    }
declared-unreadable-skip = ei luettavissa: { $reason }

## Henkilötunnukset ja salaisuudet (PRIVACY-HETU, BUNDLE-SECRETS)

privacy-nothing-skip = nipussa ei ole tekstiaineistoa tarkistettavaksi
privacy-in-name = tiedoston nimessä on henkilötunnus `{ $code }`, joka ei ole testihenkilötunnus (yksilönumero ei ole välillä 900–999)
privacy-in-name-help = nimeä tiedosto (ja sen kansio) uudelleen ilman henkilötunnusta
privacy-not-test-identity = henkilötunnus `{ $code }` ei ole testihenkilötunnus (yksilönumero ei ole välillä 900–999)
privacy-workbook-unscanned = tiedostoa `{ $path }` ei voitu tarkistaa: { $error }
privacy-workbook-unscanned-help = tallenna työkirja uudelleen Excelistä (ilman taulukosta kaukana olevia irrallisia soluja) tai vie se CSV-muotoon
privacy-in-document = henkilötunnus `{ $code }` ei ole testihenkilötunnus (yksilönumero ei ole välillä 900–999), osassa `{ $part }`, kappale { $block }
privacy-in-note = henkilötunnus `{ $code }` ei ole testihenkilötunnus (yksilönumero ei ole välillä 900–999), solun { $cell } kommentissa (`{ $part }`)
privacy-in-sheet-name = henkilötunnus `{ $code }` ei ole testihenkilötunnus (yksilönumero ei ole välillä 900–999), taulukon nimessä (`{ $part }`)
privacy-in-header-footer = henkilötunnus `{ $code }` ei ole testihenkilötunnus (yksilönumero ei ole välillä 900–999), ylä- tai alatunnisteessa (`{ $part }`)
privacy-document-unscanned-help = tallenna asiakirja uudelleen tekstinkäsittelyohjelmasta; asiakirja, jota ei voi lukea, voi kätkeä oikean henkilötunnuksen
privacy-in-archive-name = arkiston tiedoston `{ $entry }` nimessä on henkilötunnus `{ $code }`, joka ei ole testihenkilötunnus (yksilönumero ei ole välillä 900–999)
privacy-in-archive = { $finding }, arkiston tiedostossa `{ $entry }`
privacy-in-archive-line = { $finding }, arkiston tiedostossa `{ $entry }`, rivillä { $line }
privacy-in-archive-cell = { $finding }, arkiston tiedostossa `{ $entry }`, solussa { $cell }
privacy-in-embedded = { $finding }, asiakirjaan upotetussa tiedostossa `{ $entry }`
privacy-in-embedded-cell = { $finding }, asiakirjaan upotetussa tiedostossa `{ $entry }`, solussa { $cell }
privacy-archive-unscanned-help = pura arkisto nippuun tai pakkaa se uudelleen ilman salasanaa; arkisto, jota ei voi lukea, voi kätkeä oikean henkilötunnuksen
office-not-zip = ei luettava zip: { $error }
office-too-many-entries = { $entries } zip-kohdetta (enintään { $limit })
office-part-unreadable = osaa `{ $part }` ei voitu lukea: { $error }
office-too-large = sen XML-osat purkautuvat yli { $limit } tavuksi
archive-too-deep = `{ $entry }` on zip-tiedosto sisäkkäisissä zip-tiedostoissa yli { $depth } tason syvyydessä
archive-too-large = sen tiedostot purkautuvat yli { $limit } MiB:n kokoisiksi
secrets-key-store = `{ $path }` on yksityinen avain tai avainsäilötiedosto (.{ $extension })
secrets-pem-block = `{ $path }` sisältää PEM-lohkon `{ $label }`
secrets-der-key = `{ $path }` on DER-koodattu yksityinen avain
secrets-key-store-in-archive = arkiston tiedosto `{ $entry }` on yksityinen avain tai avainsäilö (.{ $extension })
secrets-pem-block-in-archive = arkiston tiedostossa `{ $entry }` on PEM-lohko `{ $label }`, rivi { $line }
secrets-der-key-in-archive = arkiston tiedosto `{ $entry }` on DER-muotoinen yksityinen avain
secrets-pem-block-in-document = `{ $path }` sisältää PEM-lohkon `{ $label }` osassa `{ $part }`, kappale { $block }
secrets-pem-block-in-archive-document = arkiston tiedoston `{ $entry }` on PEM-lohko `{ $label }` osassa `{ $part }`, kappale { $block }
secrets-pem-block-in-cell = `{ $path }` sisältää PEM-lohkon `{ $label }` solussa { $cell }
secrets-pem-block-in-archive-cell = arkiston tiedoston `{ $entry }` solussa { $cell } on PEM-lohko `{ $label }`
secrets-archive-unreadable = tiedostoa `{ $path }` ei voitu lukea loppuun: { $error }
secrets-unreadable = kaikkia tiedostoja ei voitu lukea: { $reasons }
secrets-not-scanned = ei tarkistettu: { $reason }

## Nipun tiedostot (BUNDLE-HYGIENE, BUNDLE-INTEGRITY)

hygiene-tool-folder = `{ $path }` on työkalun kansio, joka ei kuulu lähetykseen
hygiene-leftover = `{ $path }` on editorin tai käyttöjärjestelmän jäänne
hygiene-delete-help = { $macos ->
        [yes] poista se; pakkaa ilman Finderin jäänteitä: `valmis pack nippu -o nippu.zip` jättää ne pois (tai macOS:ssä `zip -r -X nippu.zip nippu -x '*.DS_Store' -x '*/._*'`; Finderin Pakkaa-toiminto lisää __MACOSX/-kansion ja ._-tiedostot)
       *[no] poista se nipusta (`valmis pack` jättää sen pois)
    }
hygiene-empty = `{ $path }` on tyhjä
hygiene-empty-help = tyhjä tiedosto on yleensä epäonnistunut vienti: vie se uudelleen tai poista se
hygiene-not-utf8 = tiedoston `{ $path }` nimi ei ole kelvollista UTF-8-tekstiä
hygiene-unportable = `{ $path }` { $problem }
hygiene-unportable-folder = kansio `{ $path }` { $problem }
hygiene-rename-help = nimeä se uudelleen ilman välilyöntejä, ohjausmerkkejä ja merkkejä \ : * ? " < > | (kirjaimet kuten ä, ö ja å kelpaavat)
hygiene-collide = { $paths } eroavat vain kirjainkoon tai kirjainten koostamistavan osalta ja törmäävät Windowsissa ja macOS:ssä
hygiene-collide-help = nimeä uudelleen tai poista kaikki paitsi yksi
name-space = sisältää nimessään välilyönnin
name-control = sisältää nimessään ohjausmerkin `{ $character }`
name-windows-character = sisältää nimessään merkin `{ $character }`, jota Windows ei salli
name-decomposed = on kirjoitettu hajotettuna (NFD, kuten macOS voi kirjoittaa nimen `{ $composed }`): se törmää koostettuun nimeen muualla
name-reserved = käyttää nimeä `{ $stem }`, jonka Windows on varannut
name-trailing-dot = päättyy pisteeseen, jonka Windows pudottaa
name-leading-dash = alkaa merkillä `-`, jonka komentorivityökalut lukevat valitsimeksi
integrity-no-files-skip = manifestissa ei ole [files]-taulukkoa, joten tiedostojen sisältöjä ei ole kiinnitetty
integrity-digest-form = tiedoston `{ $path }` tiivisteen on oltava "sha256:" ja 64 heksadesimaalinumeroa
integrity-missing = `{ $path }` on lueteltu [files]-taulukossa, mutta sitä ei ole nipussa
integrity-unreadable = tiedostoa `{ $path }` ei voi lukea tiivisteen tarkistamiseksi: { $error }
integrity-changed = tiedoston `{ $path }` SHA-256 on { $actual }…, [files] sanoo { $expected }…: tiedosto muuttui kiinnittämisen jälkeen
integrity-changed-help = jos muutos on tarkoituksellinen, kiinnitä se uudelleen: "{ $path }" = "sha256:{ $actual }"
integrity-unlisted = `{ $path }` on nipussa, mutta sitä ei ole lueteltu [files]-taulukossa

## CDA-otsake (DOC-CDA-HEADER, DOC-TIMESTAMPS, DOC-VERSIONING)

header-not-cda = juurielementti on `{ $name }` nimiavaruudessa `{ $namespace }`, ei ClinicalDocument nimiavaruudessa `{ $hl7 }`
header-none = (ei mitään)
header-missing-value = (puuttuu)
header-not-cda-help = documents/-kansion esimerkkiasiakirjojen on oltava HL7 CDA R2 -asiakirjoja (tai FHIR JSON -asiakirjoja)
header-part = { $element ->
        [realmCode] alue FI
        [typeId] CDA R2 -tyyppitunniste
        [id] asiakirjan yksilöivä tunniste (sen @root on DOC-OID:n)
        [code] asiakirjan tyyppi
        [effectiveTime] asiakirjan luontiaika
        [confidentialityCode] luottamuksellisuus
        [languageCode] kieli
        [recordTarget] potilas
        [author] tekijä
       *[custodian] asiakirjan säilyttäjäorganisaatio
    }
header-attribute-missing = { $path }/@{ $attribute } puuttuu ({ $what })
header-attribute-value = { $path }/@{ $attribute } on `{ $found }`, ei `{ $expected }`
header-element-missing = /ClinicalDocument/{ $element } puuttuu ({ $what })
header-element-missing-help = lisää otsakkeeseen <{ $element }>, kuten Kannan CDA R2 -määrittely edellyttää
timestamp-invalid = { $path }/@value `{ $value }` ei ole HL7-aikaleima
timestamp-invalid-help = kirjoita muodossa `VVVVKKPPttmmss` aikavyöhykkeen siirtymän kanssa, kuten 20261112091200+0200
versioning-set-id = versionNumber on 1, mutta setId/@root `{ $set_id }` eroaa id/@root-arvosta `{ $id }`
versioning-set-id-help = asiakirjan ensimmäisen version setId on sama kuin sen id; myöhemmät versiot säilyttävät setId:n ja kasvattavat versionNumber-arvoa

## Asiakirjan potilas (DOC-PATIENT)

patient-no-extension = elementin { $path } root on { $root }, mutta siinä ei ole @extension-attribuuttia
patient-invalid = { $path }/@extension ei ole kelvollinen henkilötunnus: { $error }
patient-invalid-help = käytä Kelan testihenkilötunnusta, esim. 010181-900C
patient-real = { $path }/@extension `{ $code }` on todellisen henkilön henkilötunnus, ei testihenkilötunnus
patient-real-help = Kannan validointi hylkää asiakirjat, joissa on todellisia henkilötunnuksia: käytä Kelan testihenkilötunnusta
patient-not-test-person = { $path }/@extension `{ $code }` ei ole esitestiraportin testihenkilö
patient-not-test-person-help = esimerkkiasiakirjojen pitäisi olla peräisin esitestiajoista; tarkastaja kysyy, mistä tämä on peräisin
patient-birth-date = { $path }/@value `{ $value }` on ristiriidassa henkilötunnuksen syntymäajan { $expected } kanssa

## Skeemavalidointi (DOC-SCHEMA)

xsd-anonymous-type = nimetön tyyppi
xsd-type-name = `{ $name }`
xsd-builtin = xs:{ $name }
xsd-not-valid = `{ $value }` ei ole kelvollinen { $type_ }
xsd-out-of-range = `{ $value }` on tyypin { $type_ } arvoalueen ulkopuolella
xsd-root-undeclared = skeema ei määrittele juurielementtiä `{ $name }` (se määrittelee { $declared }, ...)
xsd-idref = IDREF `{ $reference }` ei viittaa mihinkään asiakirjan ID:hen
xsd-more = ja { $more } muuta skeemarikkomusta, joita ei luetella
xsd-too-deep = yli { $depth } tason syvyyteen sisäkkäisiä elementtejä ei validoida
xsd-xsi-type-unknown = elementti `{ $name }`: `xsi:type` `{ $value }` ei nimeä mitään skeeman tyyppiä
xsd-xsi-type-not-derived = elementti `{ $name }`: `xsi:type` `{ $value }` ei ole johdettu sen määritellystä tyypistä { $declared }
xsd-not-nillable = elementti `{ $name }` ei voi olla `nil`: `xsi:nil` ei ole sallittu
xsd-attribute-simple-content = elementti `{ $name }`: attribuutti `{ $attribute }` ei ole sallittu (yksinkertainen sisältö)
xsd-abstract = elementin `{ $name }` tyyppi { $type_ } on abstrakti: nimeä konkreettinen tyyppi `xsi:type`-attribuutilla
xsd-nil-content = elementti `{ $name }` on `nil` (`xsi:nil`), mutta siinä on sisältöä
xsd-no-children = elementillä `{ $name }` ei voi olla lapsielementtejä: `{ $child }` ei ole sallittu
xsd-simple-content-child = elementin `{ $name }` sisältö on yksinkertainen: lapsielementti `{ $child }` ei ole sallittu
xsd-element-value = elementti `{ $name }`: { $message }
xsd-element-fixed = elementin `{ $name }` arvon on oltava kiinteä arvo `{ $fixed }`
xsd-no-text = elementissä `{ $name }` ei voi olla tekstiä: `{ $text }`
xsd-attribute-value = elementti `{ $name }`, attribuutti `{ $attribute }`: { $message }
xsd-attribute-fixed = elementti `{ $name }`, attribuutti `{ $attribute }`: `{ $value }` ei ole kiinteä arvo `{ $fixed }`
xsd-attribute-not-allowed = elementti `{ $name }`: attribuutti `{ $attribute }` ei ole sallittu
xsd-attribute-required = elementistä `{ $name }` puuttuu pakollinen attribuutti `{ $attribute }`
xsd-expected = { $any ->
        [yes] { $has_before ->
            [yes] { $before },{" "}
           *[no] {""}
        }mikä tahansa elementti{ $has_after ->
            [yes] , { $after }
           *[no] {""}
        }
       *[no] { $names }
    }{ $more ->
        [0] {""}
       *[other] , { $more } muuta
    }
xsd-unexpected-no-more = elementtiä `{ $child }` ei odoteta elementissä `{ $name }`: lapsielementtejä ei sallita enempää
xsd-unexpected = elementtiä `{ $child }` ei odoteta tässä kohdassa elementtiä `{ $name }`; odotettiin: { $expected }
xsd-strict-wildcard = elementtiä `{ $child }` ei ole määritelty missään skeemassa (tiukka jokerimerkki)
xsd-missing-children = elementistä `{ $name }` puuttuu lapsielementtejä: odotettiin { $expected }
xsd-id-twice = ID `{ $id }` on käytössä asiakirjassa kahdesti
xsd-invalid = ei kelvollinen
xsd-list-item = luettelon kohde: { $message }
xsd-union = `{ $value }` ei ole kelvollinen { $type_ } (mikään sen jäsentyypeistä ei hyväksy sitä)
xsd-facet-of = { $message } ({ $type_ })
xsd-enumeration = `{ $value }` ei ole mikään sallituista arvoista { $allowed }{ $more ->
        [0] {""}
       *[other] , { $more } muuta
    }
xsd-pattern = `{ $value }` ei vastaa mallia `{ $patterns }`
xsd-length = `{ $value }`: { $length } { $unit ->
        [items] kohdetta
       *[characters] merkkiä
    }, { $which ->
        [exact] ei
        [minimum] vähemmän kuin
       *[maximum] enemmän kuin
    } { $bound }
xsd-bound = `{ $value }` { $which ->
        [min-inclusive] on pienempi kuin vähimmäisarvo
        [max-inclusive] on suurempi kuin enimmäisarvo
        [min-exclusive] on oltava suurempi kuin
       *[max-exclusive] on oltava pienempi kuin
    } { $bound }
xsd-digits = `{ $value }`: yli { $bound } { $which ->
        [total] numeroa
       *[fraction] desimaalia
    }

## Skeemajoukko (DOC-SCHEMA)

schema-absent-skip = CDA-skeemajoukkoa ei ole: kierroksen luettelo ei nimeä sellaista ([round] cda_schema), eikä valitsinta --cda-schema ole annettu
schema-help = Kannan validointipalvelu hylkää asiakirjan, jonka sen skeema hylkää; valmis validoi skeemaa { $origin } vasten
schema-broken = CDA-skeemajoukkoa `{ $origin }` ei voi käyttää: { $error }

## Esitestiraportin lukeminen

report-column-twice = sarake `{ $column }` esiintyy otsakerivillä kahdesti; vain ensimmäinen luetaan
report-column-unknown = tuntematon sarake `{ $column }` ohitetaan
report-header-unrecognised = otsakeriviä ei tunnisteta: siinä on oltava vähintään `case_id` ja `result` (tai `testitapaus` ja `tulos`); löytyi { $found }
report-column-missing = otsakerivillä ei ole saraketta `{ $finnish }` (englanniksi `{ $english }`)
report-empty-row = tyhjä rivi
report-names = { $names }
report-line = rivi { $line }
report-sheet-row = { $sheet } rivi { $row }
report-csv-unreadable = ei luettavissa CSV-muodossa: { $error }
report-csv-extra-values = rivillä { $line } on { $values } arvoa, mutta otsakerivillä on { $columns } saraketta: lainaa arvot, joissa on merkki `{ $delimiter }`
report-empty = raportti on tyhjä: siihen tarvitaan otsakerivi ja yksi rivi kutakin tapausta kohden
report-bom-invalid = tiedosto alkaa { $encoding }-tavujärjestysmerkillä, mutta se ei ole kelvollista { $encoding }-tekstiä; rikkinäiset merkit näytetään merkkinä �
report-windows-1252 = tiedosto ei ole UTF-8-tekstiä; se luettiin Windows-1252-merkistönä (Excelin "CSV" suomenkielisessä Windowsissa): tarkista, että ä ja ö näyttävät oikeilta, ja tallenna se muodossa "CSV UTF-8"
report-line-too-long = rivi { $line } on { $bytes } tavua pitkä; raportin rivi on enintään { $limit } tavua (onko tämä tiedosto esitestiraportti?)
report-too-many-fields = rivillä { $line } on { $fields } kenttää; raportissa on 8 saraketta, ja enintään { $limit } luetaan (onko tämä tiedosto esitestiraportti?)
report-update-broken = tiedosto alkaa { $encoding }-tavujärjestysmerkillä, mutta se ei ole kelvollista { $encoding }-tekstiä; valmis run muuttaisi tavuja, joita se ei kirjoittanut: tallenna raportti uudelleen Excelistä
report-update-column-added = raportissa ei ollut saraketta `{ $column }`: se lisätään otsakerivin loppuun
report-update-utf8 = ajon kirjoittama arvo ei mahdu Windows-1252-merkistöön: raportti tallennetaan nyt UTF-8-muodossa tavujärjestysmerkin kanssa (Excelin "CSV UTF-8")
report-update-write = riviä ei voitu kirjoittaa CSV-muotoon: { $error }
xlsx-not-zip = ei luettava XLSX-työkirja: tiedosto on katkennut tai ei ole zip ({ $error }); tallenna se uudelleen Excelistä
xlsx-too-many-entries = ei uskottava XLSX-työkirja: { $entries } zip-kohdetta (enintään { $limit })
xlsx-ratio = ei uskottava XLSX-työkirja: osa `{ $part }` purkautuu suhteessa { $ratio }:1 (zip-pommi?)
xlsx-inflated = ei uskottava XLSX-työkirja: se purkautuu { $inflated } tavuksi (enintään { $limit })
xlsx-no-part = ei luettava XLSX-työkirja: tiedosto on zip ilman työkirjan osaa `{ $part }`; onko se toinen tiedosto, joka on nimetty uudelleen .xlsx-päätteiseksi?
xlsx-unreadable = ei luettava XLSX-työkirja: { $error }; tallenna se uudelleen Excelistä .xlsx-muodossa
xlsx-malformed = ei luettava XLSX-työkirja: sen taulukkotiedot ovat virheelliset; tallenna se uudelleen Excelistä
xlsx-no-sheets = työkirjassa ei ole taulukoita
xlsx-sheet-empty = ensimmäinen taulukko `{ $sheet }` on tyhjä: siihen tarvitaan otsakerivi ja yksi rivi kutakin tapausta kohden
xlsx-merged = otsakesolut { $sheet }!{ $from }:{ $to } on yhdistetty: pura yhdistäminen, jotta jokaisella sarakkeella on oma otsakesolunsa
xlsx-no-header = ensimmäisessä taulukossa `{ $sheet }` ei ole otsakeriviä: siihen tarvitaan `case_id`, `result`, …
xlsx-sheet-unreadable = taulukko `{ $sheet }` ei ole luettavissa: { $error }
xlsx-too-many-cells = taulukossa `{ $sheet }` on yli { $limit } solua; valmis lukee enintään niin suuria taulukoita
xlsx-area = taulukko `{ $sheet }` ulottuu alueelle { $from }:{ $to } ({ $area } solua); valmis lukee enintään { $limit } solun taulukoita: poista taulukosta kaukana olevat irralliset solut (Ctrl+End näyttää viimeisen)
report-json-not-utf8 = JSON-raportti ei ole UTF-8-tekstiä (ensimmäinen virheellinen tavu kohdassa { $offset }); tallenna se UTF-8-muodossa
report-json-not-array = JSON-raportin on oltava taulukko, jossa on yksi objekti kutakin tapausta kohden; löytyi { $found ->
        [string] merkkijono
        [number] luku
        [boolean] totuusarvo
        [null] `null`
        [array] taulukko
        [object] objekti
       *[nothing] ei mitään
    }
report-json-empty = JSON-raportti on tyhjä taulukko: siihen tarvitaan yksi objekti kutakin tapausta kohden
report-json-element = alkio { $index } on { $found ->
        [string] merkkijono
        [number] luku
        [boolean] totuusarvo
        [null] `null`
        [array] taulukko
        [object] objekti
       *[nothing] ei mitään
    }, ei objekti, jossa on tapauksen sarakkeet
report-json-not-text = `{ $name }` rivillä { $line } on { $found ->
        [string] merkkijono
        [number] luku
        [boolean] totuusarvo
        [null] `null`
        [array] taulukko
        [object] objekti
       *[nothing] ei mitään
    }; sen on oltava tekstiä

## Esitestiraportti (PRETEST-*)

pretest-no-rows-skip = raportissa ei ole tapausrivejä (katso PRETEST-REPORT)
pretest-not-applicable-skip = tapaus on not-applicable: arvioitavaa ajoa ei ole (katso PRETEST-RESULT)
pretest-not-run-skip = tapausta ei ole vielä ajettu (katso PRETEST-RESULT)
result-missing = tapauksella { $case } ei ole tulosta
result-todo = tapausta { $case } ei ole vielä ajettu (tulos on TODO)
result-todo-help = aja tapaus asiakastestiympäristössä ja täytä rivi
result-unknown = tulos `{ $value }` ei ole valmiksen tuntema
result-unknown-help = käytä arvoa hyväksytty, hylätty tai ei sovellu (myös `pass`, `fail`, `not-applicable`, `ok`, `nok`)
result-optional-failed = valinnainen tapaus { $case } epäonnistui; Kela näkee epäonnistumisen
result-failed = tapaus { $case } epäonnistui; pakollisen tapauksen on mentävä läpi ennen ilmoittautumista
result-failed-help = korjaa järjestelmä ja aja tapaus uudelleen: { $title }
result-not-applicable-refused = tapaus { $case } ei salli tulosta not-applicable
result-run-help = aja tapaus: { $title }
result-not-applicable-no-note = tapaus { $case } on not-applicable ilman huomautusta, joka kertoo miksi
result-not-applicable-no-note-help = kerro sarakkeessa `huomiot` (`notes`), miksi tapaus ei koske tätä järjestelmää
dates-missing = tapauksella { $case } ei ole ajoaikaa (`executed_at`)
dates-not-a-date = `{ $value }` ei ole päivämäärä: käytä muotoa 12.11.2026 (kellonajan kanssa 12.11.2026 9.14), RFC 3339 (2026-11-12T09:14:00+02:00), `YYYY-MM-DD` (2026-11-12) tai `YYYY-MM-DD HH:MM`
dates-future = `{ $value }` on tulevaisuudessa (nyt on { $now })
dates-future-help = raportissa voi olla vain tapahtuneita ajoja; tarkista päivämäärä ja testikoneen kello
dates-too-old = tapaus { $case } ajettiin { $date }, { $age } päivää sitten; kierros { $round } hyväksyy viimeisten { $max_age } päivän ajot ({ $oldest } alkaen)
dates-too-old-help = aja tapaus uudelleen asiakastestiympäristössä ja päivitä rivi
environment-missing = tapaus { $case } ei kerro, missä se ajettiin
environment-missing-help = täytä `ympäristö` (`environment`): { $allowed }
environment-wrong = tapaus { $case } ajettiin ympäristössä `{ $value }`; esitestit lasketaan vain ympäristössä { $allowed }
environment-wrong-help = aja tapaus uudelleen asiakastestiympäristössä
person-not-needed-skip = tapaus { $case } ei ilmoita testihenkilöä
person-missing = tapaus { $case } ei nimeä testihenkilöään
person-missing-help = täytä `testihenkilö` (`test_person`) käytetyllä testihenkilötunnuksella
person-real = `{ $code }` on todellisen henkilön henkilötunnus (yksilönumero ei ole välillä 900–999)
person-real-help = käytä vain Kelan testihenkilötunnuksia; poista todellinen tunnus nipun jokaisesta tiedostosta
person-invalid = `{ $code }` ei ole kelvollinen henkilötunnus: { $error }
person-invalid-help = käytä Kelan luettelon testihenkilötunnusta, esim. 010181-900C
evidence-oid-unknown = `asiakirjan_oid` `{ $oid }` ei ole minkään documents/-kansion asiakirjan tunniste
evidence-oid-unknown-help = lisää tapauksen tallentama asiakirja documents/-kansioon tai korjaa `asiakirjan_oid` sen id/@root-arvoksi
evidence-absent = todiste `{ $path }` ei ole nipussa
evidence-absent-case-help = nipussa on `{ $actual }`; Kelan päässä polut ovat kirjainkoon suhteen tarkkoja
evidence-absent-comma-help = todisteiden polut erotetaan merkillä `;`, ei `,`: kirjoita `{ $paths }`
evidence-absent-help = lisää tiedosto tai korjaa polku (suhteessa nipun juureen)
evidence-none-asked-skip = tapaus { $case } ei vaadi todisteita, eikä rivi luettele niitä
evidence-not-passed-skip = tapaus { $case } ei mennyt läpi eikä luettele todisteita: todisteita vaaditaan läpi menneiltä ajoilta (katso PRETEST-RESULT)
evidence-document = tapaukseen { $case } tarvitaan sen tallentama asiakirja
evidence-document-help = lisää asiakirja documents/-kansioon ja luettele sen polku sarakkeessa `todisteet`
evidence-no-oid = tapaus { $case } tallensi asiakirjan, mutta ei anna sen tunnistetta (`asiakirjan_oid`)
evidence-no-oid-help = täytä `asiakirjan_oid` (`document_oid`) asiakirjan id/@root-arvolla
evidence-oid-invalid = `asiakirjan_oid` `{ $oid }` ei ole OID: { $error }
evidence-validation-failed = `{ $file }` näyttää tuloksen `DONE_FAILED`, mutta tapaus { $case } on raportoitu läpi menneeksi
evidence-validation-failed-help = korjaa asiakirjaa, kunnes validointipalvelu sanoo `DONE_PASSED`, ja aja sitten tapaus uudelleen
evidence-validation = tapaukseen { $case } tarvitaan validointipalvelun tulos
evidence-validation-help = tallenna Kannan validointipalvelun tulos (jossa näkyy `DONE_PASSED`) evidence/-kansioon ja luettele se
evidence-screenshot-mislabelled = `{ $file }` on nimetty kuin kuva tai PDF, mutta ei ole sellainen; tapaukseen { $case } tarvitaan kuvakaappaus
evidence-screenshot = tapaukseen { $case } tarvitaan kuvakaappaus
evidence-screenshot-help = tallenna PNG-, JPEG- tai PDF-tiedosto evidence/-kansioon ja luettele se sarakkeessa `todisteet`
evidence-message-id = tapaukseen { $case } tarvitaan sanoman tunniste
evidence-message-id-help = anna kuitatun sanoman tunniste (UUID) sarakkeessa `huomiot` tai luettele tallennettu kuittaus
report-missing = esitestiraporttia ei ole (pretest/report.csv, .xlsx tai .json)
report-missing-help = pretest/-kansiossa on { $files }; raportin nimen on oltava report.csv, report.xlsx tai report.json
report-ambiguous = esitestiraportteja on { $count }: { $paths }
report-ambiguous-help = säilytä yksi; valmiksen ja Kelan tarkastajan ei pidä joutua arvaamaan, mikä niistä pätee
report-no-rows = raportissa on otsakerivi mutta ei tapausrivejä
report-no-rows-help = lisää yksi rivi kutakin ilmoitettujen palvelujen esitestitapausta kohden (`valmis requirements --coverage`)
coverage-no-service-skip = manifesti ei ilmoita yhtään tunnettua palvelua (katso BUNDLE-MANIFEST)
coverage-no-cases-skip = luettelo ei määrittele esitestitapauksia palveluille { $services }
coverage-missing = palvelun { $service } pakollisella tapauksella { $case } ({ $title }) ei ole riviä
coverage-missing-help = aja se ({ $title }) ja lisää rivi, jonka testitapaus on `{ $case }`
coverage-optional-skip = valinnaista tapausta { $case } ({ $title }) ei ole raportoitu
coverage-twice = tapaus { $case } on raportoitu { $times } kertaa ({ $rows }): säilytä yksi rivi tapausta kohden
coverage-no-case-id = rivillä ei ole testitapausta (`case_id`)
coverage-undeclared-service = tapaus { $case } kuuluu palveluun { $service }, jota manifesti ei ilmoita
coverage-unknown-case = `{ $id }` ei ole palvelujen { $services } esitestitapaus; määritellyt tapaukset ovat { $cases }

## FHIR-resurssit (FHIR-*)

fhir-no-resource-type = { $pointer }: `resourceType` puuttuu
fhir-no-resource-type-help = FHIR-resurssi alkaa kentällä "resourceType": "Observation" (tai muulla R4-tyypillä)
fhir-unknown-type = { $pointer }/resourceType: `{ $name }` ei ole FHIR R4 -resurssityyppi
fhir-no-profile = { $pointer }/meta/profile: Omatietovarannon profiili puuttuu ({ $profile }…)
fhir-no-profile-help = Omatietovaranto validoi jokaisen resurssin sen ilmoittamaa fiphr-profiilia vasten; ilmoita se kentässä `meta.profile`
fhir-no-uuid = { $pointer }/identifier: ei tunnistetta, jonka system on `urn:ietf:rfc:3986` ja arvo `urn:uuid:`-muotoinen
fhir-no-uuid-help = anna jokaiselle resurssille `urn:uuid`-tunniste; ehdollinen luonti (conditional create) käyttää sitä
fhir-no-offset = { $pointer }: dateTime `{ $value }` sisältää kellonajan mutta ei aikavyöhykkeen siirtymää
fhir-no-offset-help = kirjoita siirtymä, kuten 2026-11-12T09:14:00+02:00
fhir-not-test-person = { $pointer }/value `{ $code }` ei ole esitestiraportin testihenkilö
fhir-real = { $pointer }/value `{ $code }` on todellisen henkilön henkilötunnus, ei testihenkilötunnus
fhir-invalid = { $pointer }/value ei ole kelvollinen henkilötunnus: { $error }
fhir-identity-help = käytä Kelan testihenkilötunnusta (yksilönumero 900–999), esim. 010181-900C

## Komentorivi: virheet ja varoitukset

cli-error = valmis: virhe: { $message }
cli-invalid-catalog = virheellinen katalogi: { $error }
cli-unknown-round = kierrokselle `{ $round }` ei ole katalogia; tunnetut: { $known }
cli-no-round = katalogissa ei ole yhtään kierrosta
cli-bad-now = { $name } `{ $text }` ei ole RFC 3339 -muotoinen hetki kuten 2026-11-23T09:00:00Z (eikä päivämäärä kuten 2026-11-23)
cli-now-no-offset = { $name } `{ $text }` sisältää kellonajan mutta ei aikavyöhykettä, joten hetki on epäselvä: lisää `Z` UTC-ajalle (2026-11-23T09:00:00Z) tai aikaero (2026-11-23T09:00:00+02:00)
cli-now-impossible = { $name } `{ $text }` ei ole todellinen hetki: { $reason }
cli-now-no-month = kuukautta { $month } ei ole
cli-now-no-day = kuussa { $month } on { $days } päivää
cli-now-no-time = { $time } ei ole kellonaika (tunnit 00–23, minuutit ja sekunnit 00–59)
cli-now-beyond = se on kauempana kuin vuodet, joita valmis käsittelee (viimeistään 9999-12-30)
cli-now-offset = { $offset } ei ole aikaero UTC:hen (ne ovat väliltä -23:59…+23:59)
cli-bundle-is-file = `{ $path }` on tiedosto: anna nipun kansio, `valmis verify { $folder }` (tai sen zip)
cli-not-a-bundle = `{ $path }` ei ole nippu: sen juuressa ei ole tiedostoa manifest.toml ({ $files ->
        [0] se on tyhjä
        [one] siinä on 1 muu tiedosto
       *[other] siinä on { $files } muuta tiedostoa
    }). Anna nipun kansio tai zip, tai aloita uusi komennolla `valmis init KANSIO`

## Nipun avaaminen

open-unreadable = nippua `{ $path }` ei voi lukea: { $reason }
open-not-a-bundle = nippu `{ $path }` ei ole kansio eikä zip-arkisto: { $reason }
open-no-zip-directory = nippu `{ $path }` ei ole kansio eikä zip-arkisto: sen lopusta puuttuu zip-arkiston keskushakemisto

## JSON-raporttien ja skeemajoukkojen lukeminen

json-report-invalid = { $file }:{ $line }:{ $column }: ei ole valmiksen JSON-raportti: { $reason }
json-report-format = { $file }: JSON-raportin muotoa { $format } ei tueta; valmis lukee muotoa 1
schema-set-no-entry = kansiossa `{ $path }` ei ole tiedostoa CDA_Fi.xsd: nimeä pääskeema, esimerkiksi --cda-schema { $path }/CDA_Fi.xsd
schema-set-not-found = `{ $path }` ei ole skeematiedosto eikä kansio
schema-set-unreadable = tiedostoa tai kansiota `{ $path }` ei voitu lukea: { $reason }
schema-set-too-many = kansiossa `{ $path }` on yli { $limit } skeematiedostoa
schema-set-too-large = `{ $path }` on suurempi kuin { $limit } tavua
schema-set-not-xsd = `{ $path }` ei ole .xsd-tiedosto

## Osien yhdistäminen

merge-not-a-shard = { $file }: ei ole osa (sen raportissa ei ole kenttää `partition`; aja `verify` valitsimella --partition K/N)
merge-waivers-in-shard = { $file }: osassa ei saa olla poikkeuslupia eikä vertailuraporttia; anna ne komennolle `merge`
merge-no-shard = yhtään osaa ei annettu
merge-other-split = { $file } on osa { $shard }, mutta { $first_file } on { $declared } osan jaosta
merge-twice = { $file }: osa { $shard } on annettu kahdesti
merge-missing = osa { $shard } puuttuu
merge-other-run = { $file } on eri ajosta kuin { $first_file }: sen { $fact ->
        [version] valmiksen versio
        [round] kierros
        [catalog] katalogi
        [bundle] nippu
        [now] `--now`
        [strict] `--strict`
       *[lang] kieli
    } on `{ $value }` eikä `{ $first }`

## Testiajon pohjat

template-unclosed = `{"{{"}` ilman sulkevaa merkkijonoa `{"}}"}`
template-unknown = tuntematon muuttuja `{"{{"}{ $name }{"}}"}`; tunnetut: { $known }

## Koeteltavat päätepisteet

probe-anchors-unreadable = `ca_bundle` ei ole luettavissa: { $reason }
probe-no-anchors = connection.toml ei nimeä `ca_bundle`-tiedostoa
probe-client-unreadable = päätepisteen `{ $endpoint }` asiakasvarmenne ei ole luettavissa: { $reason }

## Komentorivi: verify, merge ja raporttitiedostot

cli-partition-post = `--waivers` ja `--baseline` koskevat koko raporttia: anna ne komennolle `valmis merge`, älä --partition-ajolle
cli-cda-schema = --cda-schema: { $error }
cli-waivers-unreadable = poikkeuslupatiedostoa `{ $file }` ei voi lukea: { $reason }
cli-waivers-invalid = virheelliset poikkeusluvat: { $error }
cli-baseline-unreadable = vertailuraporttia `{ $file }` ei voi lukea: { $reason }
cli-stdout-failed = vakiotulosteeseen kirjoittaminen epäonnistui: { $reason }
cli-shard-unreadable = osaa `{ $file }` ei voi lukea: { $reason }
cli-merge-json = merge kirjoittaa yhdistetyn JSON-raportin tiedostoon OUT (`{ $out }`); jätä pois --json `{ $json }` tai anna se polku OUT-tiedostoksi
cli-shard-now = osien `now`-arvo `{ $now }` ei ole aikaleima
cli-report-is-folder = { $flag } `{ $path }` on kansio; nimeä raporttitiedosto sen sisällä, esimerkiksi `{ $example }`
cli-output-not-writable = { $flag } `{ $path }` ei ole tiedosto eikä virta, johon raportin voi kirjoittaa (vakiosyöte, lohkolaite tai pistoke); nimeä tiedosto, tai `-` vakiotulosteeseen kirjoittamiseksi
cli-pack-stream = --output `{ $path }` on virta eikä tiedosto: pack kirjoittaa zip-tiedoston, jonka tarkistat ja lähetät; nimeä tiedosto, esimerkiksi submission.zip
cli-output-twice = { $flag } ja { $other } nimeävät molemmat tiedoston `{ $path }`: jälkimmäinen korvaisi ensimmäisen; anna kummallekin oma tiedostonsa
cli-output-replaces-input = { $flag } `{ $path }` on { $input ->
    [bundle] paketti, jonka tämä ajo lukee
    [bundle-file] tämän ajon lukeman paketin tiedosto (sen manifest.toml tai tiedosto jossakin sen kansioista)
    [packed-file] tiedosto paketin kansiossa, jonka pack pakkaa (vain aiemman zip-tiedoston saa korvata)
    [waivers] tämän ajon lukema poikkeuslupien tiedosto (`--waivers`)
    [baseline] tämän ajon lukema vertailuraportti (`--baseline`); vain `--json` saa korvata sen
    [client-key] tämän ajon lukema yksityinen avain (`--client-key`)
    [shard] tämän yhdistämisen lukeman osan raportti
    [catalog] tämän ajon lukeman katalogikansion (`--catalog`) tiedosto
    [cda-schema] tämän ajon lukemien CDA-skeemojen kansion (`--cda-schema`) tiedosto
    [cases] tämän ajon lukemien testitapausten kansion (`--cases`) tiedosto
   *[other] tiedosto, jonka tämä ajo lukee
  }; valmis ei koskaan kirjoita lukemansa päälle: nimeä toinen tiedosto
cli-folder-failed = kansion `{ $path }` luominen epäonnistui: { $reason }
cli-temporary-failed = väliaikaisen tiedoston luominen kansioon `{ $path }` epäonnistui: { $reason }
cli-write-failed = tiedoston `{ $path }` kirjoittaminen epäonnistui: { $reason }
cli-step-summary-open = $GITHUB_STEP_SUMMARY-tiedoston `{ $path }` avaaminen epäonnistui: { $reason }
cli-step-summary-write = $GITHUB_STEP_SUMMARY-tiedostoon `{ $path }` kirjoittaminen epäonnistui: { $reason }

## Komentorivi: probe

cli-probe-needs-key = koettelu tarvitsee asiakasvarmenteen yksityisen avaimen: --client-key TIEDOSTO (tai VALMIS_CLIENT_KEY)
cli-key-unreadable = asiakasavainta `{ $path }` ei voi lukea: { $reason }
cli-key-not-a-key = `{ $path }` ei ole yksityinen avain PEM- tai DER-muodossa (PKCS#8, PKCS#1 tai SEC1)
cli-key-unknown-endpoint = --client-key { $name }=…: päätepistettä `{ $name }` ei ole (päätepisteet: { $known })
cli-endpoint-needs-key = päätepiste `{ $name }` tarvitsee asiakasvarmenteensa yksityisen avaimen: --client-key TIEDOSTO tai --client-key { $name }=TIEDOSTO
cli-unknown-endpoint = --endpoint `{ $name }`: connection.toml-tiedoston päätepisteet ovat { $known }
cli-nothing-to-probe = koeteltavaa ei ole: { $reason } (`valmis verify` kertoo lisää)
cli-probing = koetellaan { $endpoints ->
        [one] 1 päätepiste
       *[other] { $endpoints } päätepistettä
    }, enintään { $seconds } s vaihetta kohden…
probe-label-address = osoite
probe-address = { $address }, TCP-yhteys { $ms } ms
probe-tls = { $version }, { $suite }, kättely { $ms } ms
probe-label-chain = palvelimen ketju
probe-label-client = asiakasvarmenne
probe-client-asked = palvelin pyysi sitä
probe-client-not-asked = ei pyydetty
probe-label-failure = virhe
probe-closing = { $endpoints ->
        [one] 1 päätepiste koeteltu
       *[other] { $endpoints } päätepistettä koeteltu
    }, { $ok } kunnossa, { $failed } epäonnistui

## Komentorivi: run

file-io = { $error }
file-too-large = se on suurempi kuin { $mib } MiB, enemmän kuin tällainen tiedosto koskaan sisältää: onko se oikea tiedosto?
file-not-text = se ei ole UTF-8-tekstiä
file-not-json = se ei ole JSON-raportti: sen ensimmäinen tavu on { $byte } eikä `{ "{" }`
cli-file-unreadable = tiedostoa `{ $path }` ei voi lukea: { $reason }
cli-cannot-read = tiedostoa tai kansiota `{ $path }` ei voi lukea
cli-invalid-case = virheellinen testiajon tapaus: { $error }
cli-run-needs-folder = `valmis run` kirjoittaa todisteet ja raportin nippuun: anna nipun kansio, ei zip-tiedostoa
cli-run-bundle-link = `{ $path }` on symbolinen linkki; `valmis run` kirjoittaa vain todelliseen nipun kansioon: anna kansio, johon linkki osoittaa
cli-run-no-endpoint = connection.toml-tiedostossa ei ole päätepistettä nimeltä `{ $name }`
cli-run-no-case = yksikään testiajon tapaus ei kohdistu päätepisteeseen `{ $name }` (palvelu { $service })
cli-run-unknown-case = --case `{ $case }` ei ole päätepisteen `{ $name }` (palvelu { $service }) testiajon tapaus; sen tapaukset: { $known }
cli-run-no-cases = ei yhtään
cli-run-cases-word = tapausta
cli-run-case-line = { $steps ->
        [one] 1 vaihe
       *[other] { $steps } vaihetta
    }, { $ms } ms{ $retried ->
        [0] {""}
       *[other] , { $retried } uusittu
    }
cli-run-running = ajetaan { $cases ->
        [one] 1 tapaus
       *[other] { $cases } tapausta
    } kohteeseen { $url } …
cli-run-not-finished = { $case }: ajo ei päässyt loppuun ({ $why }); sen raporttirivi jätettiin ennalleen
cli-run-link-inside = nipun `{ $path }` on symbolinen linkki; `valmis run` lukee ja kirjoittaa vain nipun kansion sisällä: korvaa linkki todellisella kansiolla tai tiedostolla
cli-run-report-format = raportti on `{ $file }`; `valmis run` pitää raportin tiedostossa pretest/report.csv
cli-run-cannot-update = tiedostoa `{ $path }` ei voi päivittää: { $error }
cli-run-notes-passed = valmis run: { $steps ->
        [one] 1 vaihe
       *[other] { $steps } vaihetta
    }, { $ms } ms
cli-run-notes-failed = valmis run: { $steps ->
        [one] 1 vaihe
       *[other] { $steps } vaihetta
    }, { $ms } ms; epäonnistui, katso testiajon `JUnit`-raportti
cli-run-row-changed = raporttirivi { $case } muuttui: { $before } → { $after }
cli-run-row-added = raporttirivi { $case } lisättiin: { $row }
cli-run-capture-not-oid = { $case }: palvelun vastauksesta saatu document_oid `{ $value }` ei ole OID ({ $reason }); raportin asiakirjan_oid jätetään tyhjäksi
cli-run-backup = ajoa edeltänyt raportti on tallessa tiedostossa { $path } (poista se ennen kuin lähetät nipun)
cli-run-evidence-asked = { $case }: `valmis verify` vaatii vielä (PRETEST-EVIDENCE): { $finding }
cli-run-evidence-asked-help = ajo tallentaa pyynnöt ja vastaukset; lisää muut tapauksen vaatimat todisteet sen rivin todisteisiin (`valmis explain PRETEST-EVIDENCE`)
cli-run-test-person = --test-person-arvon on oltava kelvollinen testihenkilötunnus (yksilönumero 900–999)

## Testiajot raporteissa

harness-step = vaihe `{ $step }`: { $problem }
harness-step-golden = vaihe `{ $step }`: vastaus poikkeaa vertailutiedostosta
harness-not-finished = tapausta ei voitu ajaa loppuun: { $why }
harness-fix = Vertaa evidence/-kansioon tallennettua pyyntöä ja vastausta odotettuun, korjaa järjestelmä ja aja uudelleen.

## Komentorivi: pack

cli-pack-not-folder = `{ $path }` ei ole kansio; `pack` ottaa nipun kansion
cli-pack-no-manifest = kansiossa `{ $path }` ei ole tiedostoa manifest.toml; `pack` ottaa nipun kansion (`valmis init` kirjoittaa sellaisen)
cli-pack-name-not-utf8 = tiedoston `{ $path }` nimi ei ole kelvollista UTF-8:aa; nimeä se uudelleen ennen pakkaamista
cli-pack-manifest-not-toml = manifest.toml ei ole kelvollista TOMLia, joten sen [files]-taulukkoa ei voi päivittää: { $error }; `valmis verify` näyttää kohdan
cli-pack-files-not-table = manifest.toml-tiedoston `files` ei ole taulukko; tee siitä [files]-taulukko
cli-pack-digests-current = manifest.toml: [files] luettelee jo jokaisen tiedoston tiivisteineen
cli-pack-digests-refreshed = manifest.toml: [files] päivitetty
cli-pack-added = lisätty
cli-pack-removed = poistettu
cli-pack-changed = muuttunut
cli-pack-left-out = Jätetty pois zip-tiedostosta:
cli-pack-symlink = symbolinen linkki: `pack` kopioi vain tiedostoja
cli-pack-tool-folder = työkalun tai käyttöjärjestelmän kansio
cli-pack-the-zip = kirjoitettava zip-tiedosto itse
cli-pack-leftover = editorin tai käyttöjärjestelmän jäänne
cli-pack-backup = varmuuskopio (`valmis run` säilyttää muuttamansa raportin .bak-tiedostona)
cli-pack-wrote = Kirjoitettiin { $path } ({ $files ->
        [one] 1 tiedosto
       *[other] { $files } tiedostoa
    }, { $kib } KiB). Tarkista, mitä Kela saa: valmis verify { $path }

## Komentorivi: tiedostot

cli-cannot-resolve = polkua `{ $path }` ei voi selvittää

## Komentorivi: init ja valitsimet

cli-init-unknown-service = tuntematon palvelu `{ $service }`; palvelut ovat { $known }
cli-init-change-by-customer = muutosilmoituksen tekee järjestelmätoimittaja sertifioidusta järjestelmästä; asiakasorganisaatio lähettää rekisteröitymisen tai käyttöoikeushakemuksen
cli-init-wrote = Nipun runko kirjoitettiin kansioon { $path }:
cli-init-next = Täytä jokainen TODO, lisää lomakkeet ja aja sitten: valmis verify { $path }
cli-init-not-empty = `{ $path }` on jo olemassa eikä ole tyhjä; `init` ei koskaan kirjoita tiedostojen päälle
cli-init-unusable = kansiota `{ $path }` ei voi käyttää: { $reason }
cli-partition-not-k-n = `{ $text }` ei ole muotoa K/N (kuten 2/4)
cli-partition-k = `{ $text }`: K ei ole luku
cli-partition-n = `{ $text }`: N ei ole luku
cli-partition-range = `{ $text }`: K/N edellyttää 1 <= K <= N <= 1000
cli-parse-unknown-argument = tuntematon argumentti `{ $arg }`
cli-parse-unknown-command = tuntematon komento `{ $name }`
cli-parse-value-missing = `{ $arg }` tarvitsee arvon
cli-parse-invalid-value = `{ $value }` ei ole valitsimen `{ $arg }` arvo
cli-parse-possible = mahdolliset arvot: { $values }
cli-parse-value-rejected = `{ $value }` ei kelpaa valitsimen `{ $arg }` arvoksi: { $reason }
cli-parse-missing = pakollisia argumentteja puuttuu: { $args }
cli-parse-conflict = `{ $arg }` ei käy yhdessä valitsimen `{ $other }` kanssa
cli-parse-twice = `{ $arg }` voidaan antaa vain kerran
cli-parse-extra-value = `{ $arg }` ei ota arvoa: `{ $value }`
cli-parse-no-command = `{ $name }` tarvitsee komennon: { $commands }
cli-parse-not-utf8 = argumentti ei ole kelvollista UTF-8-tekstiä
cli-parse-other = komentorivi ei kelpaa ({ $kind })
cli-parse-more = Lisätietoja: `{ $help }`
cli-number-not = ei ole kokonaisluku
cli-number-range = ei ole välillä { $min }–{ $max }

## Komentorivi: requirements ja explain

explain-all = kaikki
explain-column-id = TUNNUS
explain-column-area = ALUE
explain-column-severity = VAKAVUUS
explain-column-services = PALVELUT
explain-column-submissions = LÄHETYKSET
explain-column-title = OTSIKKO
explain-built-in = sisäänrakennettu
explain-round = Kierros { $round }: { $title } (katalogi: { $origin })
explain-count = { $requirements ->
        [one] 1 vaatimus
       *[other] { $requirements } vaatimusta
    }. `valmis explain TUNNUS` kertoo yhdestä enemmän.
explain-count-markdown = { $requirements ->
        [one] 1 vaatimus
       *[other] { $requirements } vaatimusta
    }.
explain-unknown = kierroksella { $round } ei ole vaatimusta eikä esitestitapausta `{ $id }` (`valmis requirements` luettelee vaatimukset, `valmis requirements --coverage NIPPU` esitestitapaukset)
explain-unknown-near = kierroksella { $round } ei ole vaatimusta eikä esitestitapausta `{ $id }`; samankaltaisia: { $near } (`valmis requirements` luettelee vaatimukset, `valmis requirements --coverage NIPPU` esitestitapaukset)
explain-empty = kerro, mitä selitetään: vaatimuksen tunnus (PRIVACY-HETU) tai esitestitapauksen tunnus (PA-01); `valmis requirements` luettelee vaatimukset
explain-every-service = kaikki palvelut
explain-every-kind = kaikki lajit
explain-facts = alue: { $area }    vakavuus: { $severity }    palvelut: { $services }    lähetykset: { $submissions }
explain-what = Mitä tarkistetaan ja miksi:
explain-how = Näin korjaat:
explain-reference = Lähde: { $reference }
explain-catalog-built-in = Katalogi: valmiiseen sisäänrakennettu, kierros { $round } (`valmis requirements` luettelee sen)
explain-catalog-file = Katalogi: { $file } (kierros { $round })
explain-round-data = Tämän kierroksen katalogidata:
explain-none = (ei yhtään)
explain-case-mandatory = pakollinen
explain-case-mandatory-na = pakollinen; `not-applicable` sallittu huomautuksen kanssa
explain-case-optional = valinnainen
explain-case-of = palvelun { $service } esitestitapaus    { $kind }
explain-case-exercises = Mitä tapaus harjoittaa:
explain-case-no-evidence = ei muita kuin raporttirivi
explain-case-evidence = Todisteet, jotka läpi menneen ajon on esitettävä: { $evidence } (`valmis explain PRETEST-EVIDENCE`)
explain-case-person-required = vaaditaan
explain-case-person-not-needed = ei tarvita
explain-case-person = Testihenkilö rivillä: { $person }
explain-case-built-in = Määritelty: palvelun { $service } sisäänrakennetussa tapausluettelossa (kierros { $round }; `valmis requirements --coverage NIPPU` näyttää jokaisen tapauksen)
explain-case-file = Määritelty: { $file }:{ $line } (kierros { $round })

## Esitestien kattavuus (requirements --coverage)

coverage-no-report = esitestiraporttia ei ole (pretest/report.csv, .xlsx tai .json)
coverage-reports = esitestiraportteja on { $count }: { $paths }
coverage-other-service = palvelun { $service } tapaus, jota ei näytetä
coverage-stray-no-case-id = ei `case_id`-arvoa
coverage-undeclared = ei määritelty tapaus

## Komentorivi: requirements --coverage

cli-coverage-no-services = `{ $path }` ei ilmoita manifest.toml-tiedostossa yhtään tunnettua palvelua; nimeä palvelu valitsimella --service (esimerkiksi --service potilastiedon-arkisto)
cli-coverage-unknown-service = tuntematon palvelu `{ $service }` (`valmis requirements` luettelee palvelut)
cli-coverage-title = Esitestien kattavuus: { $path } (kierros { $round })
cli-coverage-report = raportti: { $report }
cli-coverage-illustrative = esimerkinomainen tapausluettelo
cli-coverage-no-cases = katalogi ei määrittele tälle palvelulle esitestitapauksia
cli-coverage-yes = kyllä
cli-coverage-no = ei
cli-coverage-column-case = TAPAUS
cli-coverage-column-mandatory = PAKOLLINEN
cli-coverage-column-result = TULOS
cli-coverage-column-executed = SUORITETTU
cli-coverage-column-row = RIVI
cli-coverage-stray = Rivit, jotka eivät kuulu millekään näistä palveluista:
cli-coverage-closing = { $ready }/{ $mandatory } pakollisesta tapauksesta valmiina. `valmis verify { $path }` tarkistaa tulokset, todisteet, päivämäärät ja testihenkilöt.

## Mitä jäsennin sanoi (serde)

parser-unknown-field = tuntematon kenttä `{ $field }`; odotettiin jotakin näistä: { $expected }
parser-unknown-field-none = tuntematon kenttä `{ $field }`; tässä taulukossa ei ole kenttiä
parser-unknown-variant = tuntematon arvo `{ $value }`; odotettiin jotakin näistä: { $expected }
parser-missing-field = kenttä `{ $field }` puuttuu
parser-duplicate-field = kenttä `{ $field }` on annettu kahdesti
parser-invalid-type = väärä tyyppi: { $found }, odotettiin: { $expected }
parser-said = jäsennin ilmoitti: { $text }

## Raportit: otsikot, nimet ja huomautukset

report-round = kierros
report-round-title = Kierros
report-catalog = katalogi
report-bundle = nippu
report-bundle-title = Nippu
report-now = hetki
report-strict = tiukka
report-ready = valmis
report-not-ready = ei valmis
report-ready-title = Valmis
report-not-ready-title = Ei valmis
report-status-ok = ok
report-status-warn = varoitus
report-status-fail = HYLÄTTY
report-status-error = VIRHE
report-status-skip = ohitettu
report-status-passed = hyväksytty
report-status-warning = varoitus
report-status-failed = HYLÄTTY
report-status-skipped = ohitettu
report-fix-label = korjaus:
report-see-label = lähde:
report-not-evaluated = ei voitu arvioida
report-not-evaluated-because = ei voitu arvioida: { $reason }
report-area-passed = { $count } hyväksytty
report-waivers = poikkeusluvat
report-waivers-title = Poikkeusluvat
report-waiver-state = { $state ->
        [active] voimassa
        [expired] vanhentunut
       *[unused] käyttämätön
    }
report-waiver-line = { $requirement } { $subject } voimassa { $expires } asti ({ $ticket }): { $reason } — osumia { $matched }
report-since = muutokset vertailuraportista
report-since-title = Muutokset vertailuraportista
report-no-change = ei muutoksia
report-no-change-sentence = Ei muutoksia.
report-more-in-json = lisää (katso JSON-raportti)
report-baseline-newly-failing = uusia hylättyjä
report-baseline-fixed = korjattuja
report-baseline-gone = poistuneita (vertailuraportissa, ei tässä)
report-verdict-ready = valmis: ei estäviä havaintoja
report-verdict-unchecked = ei valmis: yhtään vaatimusta ei tarkistettu (kaikki ohitettiin, katso syyt yllä)
report-verdict-blocking = ei valmis: { $count ->
        [one] { $count } estävä tulos
       *[other] { $count } estävää tulosta
    }
report-level-error = virhe
report-level-warning = varoitus
report-level-help = ohje
report-at = kohdassa { $place }
report-show = Näytä:
report-filter-all = kaikki
report-filter-failed = hylätyt
report-filter-warned = varoitukset
report-filter-skipped = ohitetut
report-filter-passed = hyväksytyt
report-problems = Ongelmat
report-column-status = tila
report-column-requirement = vaatimus
report-column-subject = kohde
report-column-first-finding = ensimmäinen havainto
report-column-details = tiedot
report-column-state = tila
report-column-expires = voimassa
report-column-ticket = tiketti
report-column-matched = osumia
report-column-reason = syy
report-column-area = alue
report-column-passed = hyväksytty
report-column-failed = hylätty
report-column-errors = virheitä
report-column-skipped = ohitettu
report-column-title = otsikko
report-column-subjects = kohteita
report-column-findings = havaintoja
report-and-more = (ja { $count } muuta)
report-html-more-problems = +{ $count } { $count ->
        [one] ongelma
       *[other] ongelmaa
    } lisää jäi tästä pois; `JUnit`- ja `JSON`-raportit listaavat kaikki.
report-html-more-outcomes = +{ $count } { $count ->
        [one] hyväksytty tai ohitettu tulos
       *[other] hyväksyttyä tai ohitettua tulosta
    } lisää jäi tästä pois; `JUnit`- ja `JSON`-raportit listaavat kaikki.
report-findings-count = { $count ->
        [one] { $count } havainto
       *[other] { $count } havaintoa
    }
report-how-to-fix-title = Näin korjaat:
report-reference-title = Lähde:
report-not-ready-because = Ei valmis, koska
report-warnings-title = Varoitukset
report-findings-title = Havainnot
report-md-more-findings = **+{ $count } { $count ->
        [one] havainto
       *[other] havaintoa
    } lisää** jäi tästä pois (yhteenveto pidetään alle { $kib } KiB:n); `JUnit`- ja `JSON`-raportit listaavat kaikki.
report-checked = tarkistettu
report-warning-checked = varoitus (tarkistettu; ei estä ilman valitsinta `--strict`)
report-how-to-fix = näin korjaat
report-reference = lähde
report-sarif-omitted = +{ $count } { $count ->
        [one] tulos
       *[other] tulosta
    } lisää puuttuu tästä SARIF-tiedostosta (`code scanning` hyväksyy { $limit } tulosta ajoa kohden); `JUnit`- ja `JSON`-raportit listaavat kaikki
report-github-omitted = +{ $count } { $count ->
        [one] havainto
       *[other] havaintoa
    } lisää jäi merkitsemättä (GitHub näyttää { $limit } kutakin lajia vaihetta kohden); vaiheen yhteenveto ja `JUnit`-raportti listaavat ne
report-codequality-omitted = +{ $count } valmiksen { $count ->
        [one] havainto
       *[other] havaintoa
    } lisää jäi tästä pois (GitLab lukee `Code Quality` -raporttia enintään 30 Mt); `JUnit`- ja `JSON`-raportit listaavat kaikki

## Poikkeusluvat (WAIVERS)

waiver-waived = ohitettu poikkeusluvan nojalla { $expires } asti ({ $ticket }): { $reason }
waiver-no-requirement = poikkeuslupa kohteelle { $waiver } ei nimeä mitään kierroksen { $round } vaatimusta{ $near }
waiver-unused = poikkeuslupa kohteelle { $waiver } ei osu mihinkään hylättyyn: poista se
waiver-expired-unused = poikkeuslupa vanheni { $expires } ({ $ticket }) eikä osu mihinkään hylättyyn: poista se
waiver-expired-failing = poikkeuslupa vanheni { $expires } ({ $ticket }): { $count ->
        [one] { $count } tulos
       *[other] { $count } tulosta
    } kohteesta { $waiver } hylätään taas ({ $reason })
waiver-expired-help = korjaa se, minkä poikkeuslupa kattoi, tai uusi lupa uudella päivämäärällä ja perustelulla
waiver-title = poikkeusluvat ovat voimassa, ja jokainen niistä kattaa vielä jotakin
waiver-fix = Poista poikkeusluvat, jotka eivät enää osu hylättyyn tulokseen; uusi vanhentuneet tai korjaa niiden kattamat puutteet.

## Katalogit, esitestiluettelot ja poikkeuslupatiedostot: mikä niissä on vialla

catalog-error-at = { $path }:{ $line }:{ $column }: { $message }
catalog-error-file = { $path }: { $message }
catalog-unreadable = katalogia ei voi lukea: { $error }
catalog-dir-unreadable = katalogikansiota ei voi lukea: { $error }
catalog-none-here = täällä eikä yhdessäkään alikansiossa ole tiedostoa `catalog.toml`
catalog-pretest-dir-unreadable = esitestikansiota ei voi lukea: { $error }
catalog-round-twice = kierros `{ $round }` on määritelty myös tiedostossa { $other }
catalog-schema-missing = `cda_schema = "{ $entry }"`: `{ $path }` ei ole olemassa; kopioi skeemakansio tiedoston `catalog.toml` viereen tai poista `cda_schema` (DOC-SCHEMA ohitetaan silloin)
catalog-schema-not-embedded = `cda_schema` `{ $entry }` on oltava kansiossa `schemas/`, jotta sen voi rakentaa ohjelmaan
catalog-schema-not-found = `cda_schema` `{ $entry }` ei ole skeematiedostojen joukossa
catalog-schema-path = `cda_schema` `{ $path }` on oltava `.xsd`-tiedosto katalogin kansiossa, esimerkiksi `schemas/kanta-cda/CDA_Fi.xsd`
catalog-not-plain-date = `{ $field }` on annettava pelkkänä päivämääränä, esimerkiksi 2027-03-01
catalog-bad-date = `{ $field }`: { $error }
catalog-field-not-for-check = `{ $field }` ei kuulu vaatimukseen, jonka tarkistus on `check = "{ $check }"`
catalog-field-needed = vaatimus, jonka tarkistus on `check = "{ $check }"`, tarvitsee kentän `{ $field }`
catalog-bad-glob = virheellinen `glob`-kuvio: { $error }
catalog-bad-regex = virheellinen säännöllinen lauseke: { $error }
catalog-bad-path = `path` on annettava muodossa `/ClinicalDocument/realmCode/@code` tai `//title` (nimiä ja lopussa valinnainen `@attribuutti`)
catalog-bad-pointer = `pointer` on annettava JSON-osoittimena, esimerkiksi `/meta/profile/0`
catalog-bad-command = `command` nimeää ajettavan ohjelman: `["xmllint", "--noout", "{ "{document}" }"]`
catalog-format = katalogin muotoa { $format } ei tueta; tämä `valmis` lukee muotoa { $supported }
catalog-round-order = `round.ends` on ennen päivää `round.starts`
catalog-round-id = kierroksen tunnuksen `{ $id }` on oltava muotoa `2027-1` (vuosi, yhdysmerkki, numero)
catalog-form-twice = lomake `{ $id }` on määritelty kahdesti
catalog-service-twice = palvelu `{ $id }` on määritelty kahdesti
catalog-no-form = minkään `[[form]]`-taulukon tunnus ei ole `{ $id }`
catalog-requirement-id = vaatimuksen tunnuksen `{ $id }` on oltava isoin kirjaimin kirjoitettuja sanoja yhdysmerkein liitettyinä, esimerkiksi BUNDLE-ORG
catalog-requirement-twice = vaatimus `{ $id }` on määritelty kahdesti
catalog-no-service = minkään `[[service]]`-taulukon tunnus ei ole `{ $id }`
catalog-reference-https = `reference` on annettava `https://`-linkkinä
catalog-applies-to-twice = `applies_to` luettelee arvon `{ $entry }` kahdesti
catalog-applies-to = `applies_to`: { $error }
catalog-not-a-kind = `{ $text }`: `{ $kind }` ei ole lähetyksen laji; lajit ovat { $kinds }
catalog-not-a-role = `{ $text }`: `{ $role }` ei ole rooli; roolit ovat { $roles }
catalog-bad-oid = `{ $oid }` ei ole kelvollinen OID: { $error }
catalog-builtin-missing = vaatimus `{ $id }` pyytää sisäänrakennettua tarkistusta, mutta tässä `valmis`-versiossa ei ole sen nimistä
catalog-no-round = katalogeissa ei ole yhtään kierrosta
pretest-list-format = esitestiluettelon muotoa { $format } ei tueta; tämä `valmis` lukee muotoa { $supported }
pretest-list-no-service = minkään katalogin `[[service]]`-taulukon tunnus ei ole `{ $service }`
pretest-list-name = palvelun `{ $service }` luettelon nimen on oltava `pretest/{ $service }.toml`, ei `{ $stem }.toml`
pretest-list-twice = palvelulla `{ $service }` on jo esitestiluettelo
pretest-list-no-environment = `environments` nimeää vähintään yhden ympäristön (`asiakastesti`)
pretest-list-case-id = tapauksen tunnus `{ $id }` koostuu 1–64 kirjaimesta, numerosta tai merkistä `-`, `_` tai `.` ilman välilyöntejä
pretest-list-case-twice = tapauksen tunnus `{ $id }` on annettu kahdesti (tunnukset ovat yksilöllisiä kaikkien palvelujen kesken)
waivers-format = muotoa { $format } ei tueta; tämä `valmis` lukee muotoa { $supported }
waivers-bad-pattern = virheellinen `{ $what }`-kuvio `{ $pattern }`: { $error }
waivers-needs = poikkeusluvalta puuttuu `{ $what }`
waivers-expires = `expires` on annettava päivämääränä, esimerkiksi 2027-01-31, ei `{ $value }`
date-year-range = vuosi { $value } on sallitun alueen ulkopuolella
date-month-range = kuukausi { $value } on sallitun alueen ulkopuolella
date-day-range = päivä { $value } on sallitun alueen ulkopuolella

## Katalogin määrittelemät vaatimukset (check = file-exists, xml, json, text-absent, external)

declared-no-file = yksikään nipun tiedosto ei vastaa kuviota `{ $pattern }`
declared-no-file-skip = mikään tiedosto ei vastaa kuviota `{ $pattern }`
declared-not-xml-skip = XML ei ole hyvin muodostettua (katso DOC-WELLFORMED)
declared-xml-mismatch = { $place } on `{ $value }`, mikä ei vastaa lauseketta `{ $pattern }`
declared-absent = `{ $path }` puuttuu asiakirjasta
declared-not-json-skip = JSON ei ole kelvollista (katso DOC-WELLFORMED)
declared-json-mismatch = `{ $pointer }` on `{ $value }`, mikä ei vastaa lauseketta `{ $pattern }`
declared-no-pattern = kuvio puuttuu
declared-forbidden = `{ $text }` vastaa kiellettyä kuviota `{ $pattern }`
declared-needs-catalog-dir = `{ "{catalog}" }` tarvitsee katalogikansion (`--catalog DIR`)
declared-empty-command = komento on tyhjä
declared-not-installed-skip = `{ $program }` ei ole asennettu, joten tätä ulkoista tarkistusohjelmaa ei voi ajaa
declared-cannot-start = ohjelmaa `{ $program }` ei voi käynnistää: { $error }
declared-timeout = `{ $program }` ei valmistunut { $seconds } sekunnissa
declared-wait-failed = ohjelman `{ $program }` odottaminen epäonnistui: { $error }
declared-validator-said = { $program }: { $message }
declared-rejected = { $program } hylkäsi asiakirjan ({ $code ->
        [signal] signaali
       *[other] paluuarvo { $code }
    }): { $summary }
declared-no-svrl = `{ $program }` ei kirjoittanut SVRL-raporttia (tuloste alkoi `{ $start }`)
declared-svrl-rule = sääntö { $rule }: { $text } (kohdassa { $location })
declared-svrl-no-id = (ei tunnusta)

## Lyhennetyt tekstit ja luettelematta jätetyt havainnot

safe-cut = ({ $count ->
        [one] { $count } merkki
       *[other] { $count } merkkiä
    } jätetty näyttämättä)
safe-more-findings = +{ $count } { $count ->
        [one] havainto
       *[other] havaintoa
    } lisää ({ $errors ->
        [one] { $errors } virhe
       *[other] { $errors } virhettä
    }, { $warnings ->
        [one] { $warnings } varoitus
       *[other] { $warnings } varoitusta
    }) jätettiin luettelematta: yhdestä vaatimuksesta luetellaan enintään { $max } havaintoa kohdetta kohden; korjaa nämä ja aja uudelleen

## Testiajon tapausten määrittelyt (harness/*.toml)

case-error-at = { $path }:{ $line }: { $message }
case-format = testiajon muotoa { $format } ei tueta; tämä `valmis` lukee muotoa { $supported }
case-no-step = tapauksessa on oltava vähintään yksi `[[step]]`
case-id = tapauksen tunnus `{ $case }` nimeää kansion evidence/<tapaus>/: siinä saa olla vain kirjaimia, numeroita sekä merkkejä `-`, `_` ja `.`, eikä se saa alkaa pisteellä
case-step-name = vaiheen nimessä `{ $name }` saa olla vain kirjaimia, numeroita sekä merkkejä `-` ja `_`
case-step-twice = vaiheen nimi `{ $name }` on käytössä kahdesti
case-method = `{ $method }` ei ole HTTP-metodi, jota `valmis` lähettää
case-bad-header-regex = odotettu otsake `{ $header }`: virheellinen säännöllinen lauseke
case-capture = talteenoton `{ $capture }` on oltava JSON-osoitin, `header:Nimi` tai `regex:(…)`

## Verkko: päätepisteiden koettelu ja testiajon vaiheet

probe-class = { $class ->
        [url] käyttökelvoton URL-osoite
        [dns] nimipalvelukysely epäonnistui
        [refused] yhteys torjuttiin
        [timeout] aikakatkaisu
        [alert] palvelimen TLS-hälytys
        [unknown-issuer] palvelinvarmenteen myöntäjä on tuntematon
        [name-mismatch] palvelinvarmenne on toiselle nimelle
        [expired] palvelinvarmenne on vanhentunut tai ei vielä voimassa
        [tls-version] yhteistä TLS-versiota ei ole
        [tls] TLS-virhe
        [http] HTTP-pyyntö epäonnistui
        [client-certificate-rejected] asiakasvarmenne hylättiin
        [client-certificate-not-requested] asiakasvarmennetta ei pyydetty
        [redirect] uudelleenohjaus (ei seurattu)
       *[io] verkkovirhe
    }
net-key-mismatch-endpoint = yksityinen avain ei sovi päätepisteen `{ $endpoint }` asiakasvarmenteeseen: { $error }
net-key-mismatch = yksityinen avain ei sovi asiakasvarmenteeseen: { $error }
net-runtime = verkkoliikenteen ajoympäristöä ei voi käynnistää: { $error }
net-task-failed = koettelu keskeytyi virheeseen
net-not-https = `{ $url }` ei ole https-osoite
net-not-url = `{ $url }` ei ole URL-osoite: { $error }
net-no-host = osoitteessa `{ $url }` ei ole palvelimen nimeä
net-resolve-timeout = nimen `{ $host }` selvittäminen kesti yli { $limit }
net-no-resolve = nimeä `{ $host }` ei voi selvittää: { $error }
net-no-address = nimi `{ $host }` ei vastaa yhtään osoitetta
net-tcp-timeout = osoitteesta { $address } ei tullut TCP-vastausta ajassa { $limit }
net-refused = { $address } torjui yhteyden (portissa { $port } ei ole kuuntelijaa)
net-connect-failed = osoitteeseen { $address } ei saada yhteyttä: { $error }
net-no-address-tried = yhtään osoitetta ei voitu kokeilla
net-bad-server-name = `{ $host }` ei ole kelvollinen palvelimen nimi
net-handshake-timeout = TLS-kättely osoitteen { $address } kanssa ei valmistunut ajassa { $limit }
net-http-client = HTTP-asiakasta ei voi muodostaa: { $error }
net-http-timeout = HTTP-vastausta ei tullut ajassa { $limit }
net-http-failed = HTTP-pyyntö epäonnistui: { $error }
net-not-mutual = palvelin päätti TLS-kättelyn pyytämättä asiakasvarmennetta; Kannan päätepisteet vaativat kaksisuuntaisen TLS:n, joten tämä ei ole oikea päätepiste tai sen edessä oleva välityspalvelin päättää TLS-yhteyden
net-redirect = HTTP { $status } -uudelleenohjaus osoitteeseen { $location }; `valmis` ei koskaan seuraa uudelleenohjauksia: käytä päätepisteen lopullista https-osoitetta
net-no-location = (ei Location-otsaketta)
net-certificate-rejected = palvelin päätti TLS-kättelyn mutta hylkäsi asiakasvarmenteen (HTTP { $status }{ $said })
net-forbidden = `HTTP 403 Forbidden`: palvelin (tai sen edessä oleva välityspalvelin) torjuu tämän asiakkaan
net-http-error = HTTP { $status }: päätepiste vastasi virheellä
net-bad-anchor = `ca_bundle`-tiedoston varmenne ei kelpaa luottamusankkuriksi: { $error }
net-verifier = varmenteiden tarkistinta ei voi muodostaa: { $error }
net-tls-config = TLS-asetuksia ei voi muodostaa: { $error }
net-unknown-issuer = palvelinvarmenteen ketju ei johda `ca_bundle`-tiedoston varmenteisiin (tuntematon myöntäjä)
net-name-mismatch = palvelinvarmenne ei nimeä päätepisteen palvelinta
net-not-valid-now = palvelinvarmenne ei ole nyt voimassa ({ $detail })
net-certificate-other = palvelinvarmenne hylättiin: { $detail }
net-alert = palvelin päätti kättelyn hälytykseen { $alert }{ $hint ->
        [certificate-required] : palvelin vaatii asiakasvarmenteen
        [unknown-ca] : palvelin ei luota asiakasvarmenteen myöntäjään
        [bad-certificate] : palvelin hylkäsi asiakasvarmenteen
        [protocol-version] : yhteistä TLS-versiota ei ole (TLS 1.2 tai 1.3 vaaditaan)
       *[none] {""}
    }
net-incompatible = palvelimen TLS ei ole yhteensopiva (TLS 1.2 tai uudempi vaaditaan): { $reason }
net-tls-failed = TLS epäonnistui: { $error }
net-closed = palvelin sulki yhteyden TLS-kättelyn aikana (puhuuko se TLS:ää tässä portissa?)
net-handshake-failed = TLS-kättely epäonnistui: { $error }
net-unreadable-certificate = (lukukelvoton varmenne)

## Testiajon vaiheet

harness-body-missing = viestipohja `{ $file }` puuttuu
harness-refused-real-id = lähetys estetty: pyynnössä olisi oikea henkilötunnus ({ $codes }); pohjissa saa olla vain testihenkilöitä
harness-reading-failed = vastauksen lukeminen epäonnistui: { $error }
harness-no-answer = ei vastausta { $count } yrityksen jälkeen: { $last }
harness-body-too-long = vastauksen runko on pidempi kuin raja { $limit } tavua (`valmis run --max-body`); sen ensimmäiset { $limit } tavua tallennetaan todisteeksi eikä loppua luettu
harness-status = tila { $got }, odotettiin { $expected }
harness-header = otsake `{ $name }` on { $value }, odotettiin lauseketta `{ $pattern }`
harness-header-absent = otsake `{ $name }` puuttuu, odotettiin lauseketta `{ $pattern }`
harness-golden-missing = vertailutiedosto `{ $file }` puuttuu
harness-golden-error = vertailutiedosto `{ $file }`: { $error }
harness-capture-nothing = talteenotto `{ $name }` ei löytänyt mitään kohdasta `{ $from }`

## `valmis init` -komennon kirjoittama runko

init-manifest-head = valmiksen nipun manifesti, muoto 1. Täytä jokainen TODO ja aja sitten `valmis verify`.
init-manifest-reference = Ohjeet: `valmis explain BUNDLE-MANIFEST` (sekä BUNDLE-ORG, BUNDLE-CONTACTS, ...).
init-round = yhteistestauskierros; valitsee kierroksen vaatimukset
init-submitted-registration = TODO: päivä, jona lähetät ilmoittautumisen, ilman lainausmerkkejä (määräaika { $deadline })
init-submitted-application = TODO: päivä, jona lähetät hakemuksen, ilman lainausmerkkejä
init-submitted-notification = TODO: päivä, jona lähetät muutosilmoituksen, ilman lainausmerkkejä
init-organisation-name = TODO: organisaation nimi kaupparekisterin mukaan
init-example = esim. { $example }
init-oid = 1.2.246.10.<Y-tunnuksen numerot>, esim. { $example }
init-test-organisations = Kelan sinulle asiakastestiympäristöön osoittamat testiorganisaatiot, kun esimerkkiasiakirjasi
    on kirjoitettu niille (DOC-OID hyväksyy asiakirjojen tunnukset näiden haarojen alta):
init-product-name = TODO: tuotteen nimi
init-files = Valinnainen: kiinnitä tiedostojen sisältö. Kun osio on mukana, jokainen tiedosto on lueteltava SHA-256-tiivisteineen.
init-files-example = sha256:<64 heksadesimaalinumeroa `sha256sum`-ohjelmalta>
init-customer = Mihin liityt; testaussuunnitelma kuuluu kansioon plan/ (`valmis explain PLAN-TEST-PLAN`).
init-change = Muutos, josta ilmoitat Kelalle (`valmis explain CHANGE-SCHEDULE` sekä CHANGE-VERSIONS, CHANGE-SCOPE).
init-certified-version = Kelan sertifioinnissa hyväksytty versio, esim. { $example }
init-new-version = muutoksen sisältävä versio, esim. { $example }
init-change-summary = TODO: mitä järjestelmän toiminnoissa tai rajapinnoissa muuttuu
init-co-testing-needed = false, kun Kelan ei tarvitse yhteistestata muutosta
init-planned-testing = TODO, kun yhteistestausta tarvitaan: sen ensimmäinen ja viimeinen päivä, vähintään kuukausi `submitted`-päivän jälkeen, ei heinäkuussa
init-guide-registration = Järjestelmätoimittajan ilmoittautuminen Kannan yhteistestaukseen.

    Täytä manifest.toml, suorita esitestitapaukset ja kirjaa ne tiedostoon pretest/report.csv
    todisteineen kansioon evidence/, lisää lomakkeet kansioon forms/, yhteystiedot ja DVV:n
    testivarmenteet kansioon connection/ sekä esimerkkiasiakirjat kansioon documents/.
init-guide-customer-registration = Asiakasorganisaation hakemus yhteistestaukseen testaussuunnitelmineen.

    Täytä manifest.toml (anna `[customer]`-osion `purpose`) ja lisää testaussuunnitelma kansioon plan/.
init-guide-access = Kannan asiakastestipalvelun liittymishakemus, yksi kutakin palvelua kohden.

    Täytä manifest.toml ja connection/connection.toml: jokainen päätepiste osoitteineen ja DVV:n
    testivarmenteineen sekä lähdeosoitteet, joista Kela avaa yhteydet.
init-guide-customer-access = Asiakasorganisaation liittymishakemus Kannan asiakastestipalveluun testaussuunnitelmineen.

    Täytä manifest.toml (anna `[customer]`-osion `purpose`: asiakastesti yhteistestaukseen ja
    muutostestaukseen, tuotannonkuva omatoimiseen testaukseen), connection/connection.toml
    (jokainen päätepiste, sen varmenne, lähdeosoitteet) ja lisää testaussuunnitelma kansioon plan/.
init-guide-change = Sertifioidun järjestelmän muutosilmoitus.

    Täytä manifest.toml-tiedoston `[change]`-osio: sertifioitu ja uusi versio, muutoksen koskemat
    palvelut, mikä muuttuu ja tarvitaanko yhteistestausta; jos tarvitaan, suunnitellut
    testauspäivät vähintään kuukausi lähettämisen jälkeen, ei heinäkuussa.
init-guide-closing = Jokainen TODO hylkää vaatimuksensa, kunnes se on täytetty: `valmis verify .` luettelee, mitä on jäljellä,
    `valmis requirements --kind { $kind } --role { $role }` sen, mitä tarkistetaan. Poista README-tiedostot lopuksi.
init-forms-readme = Lisää ilmoittautumislomakkeet tähän kansioon. Ilmoitetut palvelut tarvitsevat nämä:
init-forms-pattern = tiedoston nimi vastaa kuviota: { $patterns }
init-or = {" tai "}
init-forms-delete = Poista tämä tiedosto, kun lomakkeet ovat paikallaan.
init-evidence-readme = Todistetiedostot, joihin raportin rivit viittaavat (validointitulokset, kuvakaappaukset, viestitunnukset).
init-documents-readme = CDA R2 (*.xml)- ja FHIR (*.json) -esimerkkiasiakirjat, joissa on vain testihenkilöitä (yksilönumero 900–999).
init-connection-readme = connection.toml ja sen nimeämät DVV:n testivarmenteet (PEM tai DER). Ei koskaan yksityisiä avaimia.
init-plan-readme = Lisää testaussuunnitelma tähän PDF-, DOCX-, ODT-, ODS- tai XLSX-asiakirjana ja poista sitten tämä
    tiedosto: PLAN-TEST-PLAN hylätään, kunnes kansiossa plan/ on vain varsinainen asiakirja.
init-connection-head = Kannan asiakastestiympäristön yhteystiedot, muoto 1. Täytä jokainen TODO ja aja sitten
    `valmis verify`. Ohjeet: `valmis explain CONN-CONFIG` (sekä CONN-ENDPOINTS, CERT-CHAIN, ...).
    Polut ovat suhteessa kansioon connection/. Yksityiset avaimet eivät koskaan kuulu nippuun:
    `valmis probe` ottaa avaimen valitsimella `--client-key`.
init-ca-bundle = DVV:n testijuurivarmenne (PEM), esim. { $example }
init-endpoint = { $service }: järjestelmäsi rajapinta asiakastestiympäristössä.
init-endpoint-name = oma nimesi sille: `valmis probe --endpoint NIMI` ja `valmis run --endpoint NIMI`
init-endpoint-url = asiakastestiympäristön https://…-osoite
init-client-certificate = DVV:n testipalvelinvarmenne ja välivarmenne, jotka esität, esim. { $example }:
init-signing = DVV:n testijärjestelmäallekirjoitusvarmenne, jolla järjestelmäsi allekirjoittaa asiakirjat tai reseptit.
init-network-access = Osoitteet, joista järjestelmäsi ottaa yhteyden: Kela avaa yhteydet niille (ACCESS-CONNECTION).
init-source-ips-access = yksi osoite kohtaa kohden, esim. { $example } liityntäpisteen kautta
init-network-public = Kiinteät julkiset osoitteet, joista taustajärjestelmäsi ottaa yhteyden (Omatietovaranto liitetään internetin yli).
init-source-ips-public = yksi osoite kohtaa kohden, esim. { $example }
init-pretest-guide = Esitestitapausten raportti: report.csv tässä kansiossa tai report.xlsx / report.json.
    Yksi rivi tapausta kohden. Sarakkeet (englannin- tai suomenkieliset otsikot):
init-column-case = tapauksen tunnus alla
init-column-result = pass | fail | not-applicable (tai `ok`, hyväksytty, `nok`, hylätty, ei sovellu)
init-column-executed = RFC 3339 (2026-11-12T09:14:00+02:00) tai VVVV-KK-PP
init-column-environment = missä tapaus suoritettiin: asiakastesti
init-column-test-person = käytetty testihenkilötunnus (yksilönumero 900–999)
init-column-document = tallennetun asiakirjan id/@root, kun tapaus tallentaa asiakirjan
init-column-evidence = nipun polut `;`-merkillä erotettuina (evidence/..., documents/...)
init-column-notes = vapaa teksti; pakollinen, kun tulos on not-applicable
init-cases = Ilmoitettujen palvelujen tapaukset (`valmis requirements --coverage .` näyttää, mitä puuttuu):
init-no-cases = { $service }: katalogi ei määrittele esitestitapauksia
init-illustrative = (havainnollistava luettelo: käytä Kelan varsinaista)
init-case-kind = { $kind ->
        [mandatory] pakollinen
        [mandatory-na] pakollinen, not-applicable sallittu
       *[optional] valinnainen
    }
init-case-evidence = todisteet: { $kinds }

## Komentorivi: sisäinen virhe

cli-internal-error = valmis: sisäinen virhe{ $detail }
cli-internal-error-report = Tämä on valmiksen ohjelmointivirhe; ilmoita siitä ja kerro komento, jonka ajoit.

## Skeemajoukot (XSD), joita ei voi kääntää

xsd-restriction-no-base = `xs:restriction`-elementillä ei ole `@base`-attribuuttia eikä `simpleType`-elementtiä
xsd-restricts-non-simple = yksinkertainen tyyppi rajaa tyyppiä, joka ei ole (käännetty) yksinkertainen tyyppi
xsd-list-no-item = xs:list-elementillä ei ole alkiotyyppiä
xsd-union-no-members = xs:union-elementillä ei ole jäsentyyppejä
xsd-simple-type-empty = `xs:simpleType`-elementissä ei ole `restriction`-, `list`- eikä `union`-osaa
xsd-derives-from-itself = tyyppi periytyy itsestään
xsd-simple-content-empty = `xs:simpleContent`-elementissä ei ole `extension`- eikä `restriction`-osaa
xsd-no-base = @base puuttuu
xsd-simple-from-element = yksinkertainen sisältö on johdettu tyypistä, jolla on elementtisisältö
xsd-complex-content-empty = `xs:complexContent`-elementissä ei ole `extension`- eikä `restriction`-osaa
xsd-complex-from-simple = monimutkainen sisältö on johdettu yksinkertaisesta tyypistä
xsd-attribute-groups-deep = attribuuttiryhmät ovat sisäkkäin liian syvällä (kehäviittaus?)
xsd-attribute-group-no-ref = xs:attributeGroup ilman @ref-attribuuttia
xsd-attribute-no-name = xs:attribute ilman @name- tai @ref-attribuuttia
xsd-groups-deep = malliryhmät ovat sisäkkäin liian syvällä (kehämäisiä ryhmäviittauksia?)
xsd-group-no-ref = xs:group ilman @ref-attribuuttia
xsd-group-empty = xs:group-elementissä ei ole malliryhmää
xsd-all = xs:all ei ole tuettu
xsd-substitution = korvausryhmiä (`substitution groups`) ei tueta
xsd-element-no-name = xs:element ilman @name- tai @ref-attribuuttia
xsd-max-below-min = `maxOccurs` on pienempi kuin `minOccurs`
xsd-circular-type = tyyppiä ei voitu kääntää (kehämäinen määrittely)
xsd-element-not-compiled = elementtiä ei voitu kääntää
xsd-regex-lone-backslash = päättyy yksinäiseen kenoviivaan
xsd-regex-subtraction = merkkiluokkien vähennystä ei tueta
xsd-regex-unclosed = sulkematon merkkiluokka
xsd-schema-at = { $location }:{ $line }: { $message }
xsd-schema-missing = skeemaa `{ $location }` ei ole saatavilla
xsd-schema-not-among = `{ $from }` viittaa skeemaan `{ $location }`, jota ei ole skeematiedostojen joukossa
xsd-too-many-documents = yli { $max } skeema-asiakirjaa
xsd-not-beside = `{ $target }` ei ole tämän viereinen skeematiedosto (URL-osoitteita ei koskaan haeta)
xsd-unsupported = xs:{ $name } ei ole tuettu
xsd-type-undefined = tyyppiä `{ $name }` ei ole määritelty skeematiedostoissa
xsd-attribute-group-undefined = attribuuttiryhmää `{ $name }` ei ole määritelty
xsd-attribute-undefined = attribuuttia `{ $name }` ei ole määritelty
xsd-group-undefined = ryhmää `{ $name }` ei ole määritelty
xsd-not-particle = xs:{ $name } ei ole partikkeli
xsd-element-undeclared = elementtiä `{ $name }` ei ole esitelty skeematiedostoissa
xsd-identity = identiteettirajoitteita (xs:{ $name }) ei tueta
xsd-not-count = @{ $name } `{ $value }` ei ole lukumäärä
xsd-occurs-too-high = yli { $max } esiintymän rajoja ei tueta
xsd-facet-no-value = xs:{ $name } ilman @value-attribuuttia
xsd-facet-not-count = xs:{ $name } vaatii lukumäärän
xsd-bad-pattern = malli `{ $pattern }`: { $error }
xsd-too-many-states = sisältömalli tarvitsee yli { $max } automaatin tilaa
xsd-not-well-formed = `{ $location }` ei ole hyvin muodostettua XML:ää: { $error }
xsd-not-schema = `{ $location }` ei ole XML Schema -asiakirja (sen juuri ei ole xs:schema)
xsd-prefix-undeclared = { $location }:{ $line }: arvon `{ $value }` etuliitettä `{ $prefix }` ei ole esitelty
xsd-regex-escape-in-class = `\{ $escaped }` merkkiluokan sisällä ei ole tuettu
xsd-regex-no-property = `\{ $escaped }` ilman ominaisuutta
xsd-regex-block = lohkoviittausta `\{ $escaped }{ $property }` ei tueta
xsd-regex-unknown-escape = tuntematon koodinvaihto `\{ $escaped }`
xsd-regex-not-runnable = ei säännöllinen lauseke, jota `valmis` voi ajaa: { $error }

## Komentorivi: --help

help-about = Tarkistaa Kannan yhteistestaukseen lähetettävän nipun ennen kuin se lähtee Kelalle
help-long = Tarkistaa Kannan yhteistestaukseen lähetettävän nipun ennen kuin se lähtee Kelalle.

    `valmis` lukee nipun (kansion tai .zip-tiedoston, purkamatta sitä), tarkistaa sen manifestissa nimetyn yhteistestauskierroksen vaatimuksia vasten ja kirjoittaa `JUnit XML` -raportin, jonka `GitHub Actions`, `GitLab CI` ja `Jenkins` näyttävät sellaisenaan. Paluuarvo ohjaa putkea.
help-after = Paluuarvot:
    {"  "}0  valmis: ei estäviä havaintoja (virheitä; valitsimella --strict ei myöskään varoituksia)
    {"  "}1  ei valmis: ainakin yksi estävä vaatimus hylättiin tai sitä ei voitu arvioida,
    {"     "}tai yhtään vaatimusta ei tarkistettu (kaikki ohitettiin: ei verkkoa, ei sovellu)
    {"  "}2  käyttövirhe: virheelliset argumentit, lukukelvoton nipun polku, käyttökelvoton katalogi,
    {"     "}--only- tai --skip-kuvio, joka ei vastaa yhtään vaatimusta, valinta, joka ei jätä
    {"     "}mitään tarkistettavaa, tai raportin polku, joka korvaisi valmiksen lukeman tiedoston
    {"  "}3  sisäinen virhe (valmiksen ohjelmointivirhe tai muistin loppuminen)
    {"  "}4  tulostusvirhe: raporttia tai muuta tiedostoa ei voitu kirjoittaa (tulos tulostetaan
    {"     "}silti; kaikki muut raportit kirjoitetaan)

    Esimerkkejä:
    {"  "}valmis verify hakemus/ --junit target/valmis/junit.xml
    {"  "}valmis verify nippu.zip --now 2026-11-23T09:00:00Z --strict
    {"  "}valmis verify --only 'BUNDLE-*' --skip BUNDLE-HYGIENE
    {"  "}valmis requirements --service potilastiedon-arkisto
    {"  "}valmis requirements --coverage hakemus/
    {"  "}valmis explain PRIVACY-HETU
    {"  "}valmis probe hakemus/ --client-key ~/avaimet/palvelinvarmenne.key
    {"  "}valmis run hakemus/ --endpoint phr --client-key ~/avaimet/palvelinvarmenne.key --junit harness.xml
    {"  "}valmis init oma-hakemus
help-color = Milloin päätteen tuloste väritetään: auto (kun vakiotuloste on pääte eikä NO_COLOR ole asetettu), `always` tai `never`
help-lang = Kaiken valmiksen sanoman kieli: havainnot, vaatimusten otsikot, selitykset ja korjausohjeet, raporttien otsikot, virheet ja varoitukset: en tai fi. Oletus on VALMIS_LANG-muuttujan arvo, muuten lokaalin kieli (LC_ALL, LC_MESSAGES, LANG: fi_* antaa suomen), muuten englanti. Vaatimusten tunnukset, tilat sekä JSON- ja SARIF-avaimet ovat samat molemmilla kielillä
help-verify-about = Tarkista nippu kierroksensa vaatimuksia vasten ja raportoi (pääkomento)
help-verify-long = Tarkista nippu kierroksensa vaatimuksia vasten ja raportoi (pääkomento).

    Jokaisesta katalogin vaatimuksesta raportoidaan jokaisen kohteen tulos: hyväksytty, hylätty, ei voitu arvioida tai ohitettu syineen. Tulosteen viimeinen rivi on `N passed, N failed, N skipped`.
help-verify-bundle = Nippu: kansio tai .zip-tiedosto
help-shared-catalog = Käytä sisäänrakennetun katalogin sijaan kansion DIR katalogia: kansio, jossa on catalog.toml, tai kansio, jossa on yksi alikansio kutakin kierrosta kohden (kuten testcases/)
help-verify-now = Hetki, jota kaikki päivämääräsäännöt käyttävät: RFC 3339 (2026-11-23T09:00:00Z) tai päivämäärä (2026-11-23, eli keskiyö UTC); kellonaikaan kuuluu aikaero (`Z` tai +02:00). Oletus on kello; anna se CI:ssä, niin raportit toistuvat samoina
help-verify-online = Salli verkkoa käyttävät tarkistukset: CONN-PROBE tekee oikean kaksisuuntaisen TLS-kättelyn ja HTTP GET -pyynnön jokaiseen connection/connection.toml-tiedoston päätepisteeseen ja esittää sen asiakasvarmenteen --client-key-avaimella. Ilman tätä ne ohitetaan, ei koskaan hylätä
help-verify-client-key = Asiakasvarmenteiden yksityinen avain (PEM tai DER) --online-tarkistuksiin: FILE kaikille päätepisteille tai NAME=FILE päätepisteelle NAME (toistettavissa). Luetaan kerran, ei koskaan kopioida raporttiin; se ei saa olla nipussa
help-verify-probe-timeout = Sekunnit (1–86400), jotka odotetaan kutakin yhteydenottoa, TLS-kättelyä ja HTTP-vastausta --online-tarkistuksissa
help-verify-cda-schema = Validoi CDA-asiakirjat (DOC-SCHEMA) tätä XML Schema -joukkoa vasten kierroksen oman (Kelan CDA_Fi.xsd, sisäänrakennettu) sijaan: kansio, jossa on CDA_Fi.xsd, tai itse aloitus-.xsd; sen kansion jokainen .xsd luetaan. Mitään ei ladata verkosta
help-verify-strict = Käsittele varoitukset estävinä
help-verify-timestamps = Kirjoita mitatut kestot `JUnit`-raportin `time`-arvoiksi (ja JSONiin). Ilman tätä jokainen `time` on 0, jolloin sama nippu antaa samat raporttitavut
help-verify-only = Aja vain vaatimukset, joiden tunnus vastaa kuviota PATTERN (`*`-jokerit, esim. 'BUNDLE-*'); toistettavissa tai luettelona, erottimena pilkku ('BUNDLE-*,CERT-*')
help-verify-skip = Ohita vaatimukset, joiden tunnus vastaa kuviota PATTERN (`*`-jokerit); toistettavissa tai luettelona, erottimena pilkku
help-verify-quiet = Älä tulosta mitään vakiotulosteeseen; luota paluuarvoon ja raporttitiedostoihin
help-verify-verbose = Luettele hyväksytyt vaatimukset yksitellen, ei vain niiden määrää
help-verify-jobs = Säikeet, jotka tarkistavat tiedostoja ja vaatimuksia ja kirjoittavat `JUnit`-raporttia rinnakkain (0: yksi kutakin ydintä kohden; enintään 256). Tulos on sama säikeiden määrästä riippumatta; `--jobs 1` käyttää vähiten muistia
help-verify-partition = Tarkista vain osa K N:stä (esim. 2/4) CI-matriisia tai `GitLab`-palvelun `parallel:`-asetusta varten: tiedostokohtaisten vaatimusten (PRIVACY-HETU, DOC-*, FHIR-*) tiedostot jaetaan polun vakaan tiivisteen mukaan; osa 1 ajaa myös kaikki muut vaatimukset. Kirjoita kunkin osan --json ja yhdistä ne komennolla `valmis merge`; poikkeusluvat ja vertailuraportit kuuluvat yhdistämiseen
help-shared-junit = Kirjoita `JUnit XML` tiedostoon FILE (atomisesti; yläkansiot luodaan) tai virtaan: `-` on vakiotuloste, ja tulos kirjoitetaan silloin virhetulosteeseen (stderr)
help-shared-json = Kirjoita raportti JSON-muodossa tiedostoon FILE (sama sisältö kuin `JUnit XML` -raportissa); `-` on vakiotuloste
help-shared-sarif = Kirjoita SARIF 2.1.0 tiedostoon FILE `GitHub`-palvelun `code scanning` -toimintoa ja muita SARIF-katselimia varten: yksi sääntö vaatimusta kohden (ruleId = vaatimuksen tunnus), yksi tulos havaintoa kohden, polut suhteessa repositorioon
help-shared-gitlab-codequality = Kirjoita `GitLab`-palvelun `Code Quality` -raportti tiedostoon FILE (`artifacts:reports:codequality`) `GitLab`-palvelun 30 Mt:n rajan alle; viimeinen merkintä kertoo, mitä ei mahtunut
help-shared-waivers = Poikkeusluvat (TOML, muoto 1): hyväksytyt ongelmat vaatimuksen tunnuksella, kohteen kuviolla, perustelulla, tiketillä ja päättymispäivällä. Voimassa oleva lupa muuttaa osumansa ohitetuiksi perusteluineen; vanhentunut hylätään ("poikkeuslupa vanheni"); käyttämätön varoittaa. Jokainen raportti luettelee poikkeusluvat (`WAIVERS`-tuloksina)
help-shared-baseline = Aiemman ajon JSON-raportti (--json, muoto 1): raportit kertovat silloin, mikä on muuttunut sen jälkeen: uudet hylätyt, korjatut ja poistuneet vaatimukset ja kohteet
help-shared-html = Kirjoita itsenäinen HTML-raportti tiedostoon FILE: yksi tiedosto ilman verkkoyhteyksiä, tulos ylimpänä, taulukko aluetta kohden, jokainen havainto katkelmineen, suodatus tilan mukaan (toimii ilman `JavaScript`-tukea)
help-shared-summary-md = Kirjoita Markdown-yhteenveto tiedostoon FILE: tulos, määrät alueittain, hylätyt vaatimukset ja niiden havainnot, alle 1 MiB. `GitHub Actions` -ajossa (GITHUB_ACTIONS=true) sama yhteenveto lisätään tiedostoon $GITHUB_STEP_SUMMARY ja havainnoista tulee merkintöjä, vakavimmat ensin
help-requirements-about = Luettele kierroksen vaatimukset taulukkona tai nipun esitestikattavuus
help-requirements-long = Luettele kierroksen vaatimukset taulukkona tai nipun esitestikattavuus.

    Valitsimella --coverage BUNDLE: jokaisesta nipun ilmoittamasta palvelusta kierroksen jokainen esitestitapaus sekä se, mitä nipun raportti siitä sanoo (pass, fail, not-applicable, puuttuu, kahdesti), jotta näet, mitä puuttuu, ennen kuin ajat mitään muuta.
help-requirements-round = Lueteltava kierros (oletus: katalogin uusin)
help-requirements-service = Vain tätä palvelua (esim. omatietovaranto) koskevat vaatimukset. Valitsimella --coverage: palvelu, jonka tapaukset näytetään manifestin palvelujen sijaan
help-requirements-kind = Vain tämänlajiseen lähetykseen kuuluvat vaatimukset: registration, access-application tai change-notification (valitsimella --role: tämän roolin lähettämänä)
help-requirements-role = Valitsimen --kind kanssa: lähettäjä, vendor (oletus) tai customer-organisation
help-requirements-coverage = Näytä vaatimusten sijaan nipun BUNDLE esitestikattavuus: sen palvelujen jokainen ilmoitettu tapaus ja tulos, jonka raportti sille antaa. Paluuarvo 0, kun jokainen pakollinen tapaus meni läpi (tai on sallittu not-applicable), muuten 1
help-requirements-json = Tulosta JSON taulukon sijaan
help-requirements-markdown = Tulosta taulukko `Markdown`-muodossa (docs/requirements.md sisältää sen, ja testi pitää sen ajan tasalla)
help-explain-about = Selitä yksi vaatimus (mitä se tarkistaa, miksi, miten hylkäys korjataan, lähde) tai yksi esitestitapaus (mitä se koettelee, mitä todisteita se tarvitsee)
help-explain-id = Vaatimuksen tunnus, esim. BUNDLE-ORG, tai esitestitapauksen tunnus, esim. PA-01 (kirjainkoolla ei väliä)
help-explain-round = Kierros, jonka katalogi luetaan (oletus: uusin)
help-init-about = Kirjoita nipun runko, jonka kommentoidut pohjat kertovat, mitä on vielä täytettävä
help-init-dir = Luotava kansio; se ei saa olla olemassa tai sen on oltava tyhjä
help-init-services = Palvelut, joille lomakkeet valmistellaan (oletus: potilastiedon-arkisto); toistettavissa tai luettelona, erottimena pilkku (`--service eresepti,omatietovaranto`)
help-init-kind = Lähetys: registration (oletus), access-application tai change-notification
help-init-role = Lähettäjä: vendor (oletus) tai customer-organisation
help-pack-about = Kirjoita Kelalle lähetettävä siisti zip: päivitä manifest.toml-tiedoston [files]-tiivisteet, jätä pois käyttöjärjestelmän ja editorien jäänteet (.DS_Store, __MACOSX/, ._*, ~$*, *.bak) ja pakkaa loput
help-pack-long = Kirjoita Kelalle lähetettävä siisti zip: päivitä manifest.toml-tiedoston [files]-tiivisteet, jätä pois käyttöjärjestelmän ja editorien jäänteet (.DS_Store, __MACOSX/, ._*, ~$*, *.bak) ja pakkaa loput.

    Vain manifest.toml-tiedoston [files]-taulukko muuttuu (kaikki kommentit ja muut arvot säilyvät); pack tulostaa jokaisen lisäämänsä, muuttamansa tai poistamansa tiivisteen ja jokaisen pois jättämänsä tiedoston. Zip on toistettava (lajitellut kohteet, kiinteät ajat) ja kirjoitetaan atomisesti. Aja sitten `valmis verify` zipille: se on juuri se, minkä Kela saa.
help-pack-after = Esimerkki:
    {"  "}valmis pack hakemus -o hakemus.zip && valmis verify hakemus.zip
help-pack-dir = Nipun kansio (manifest.toml juuressa)
help-pack-output = Kirjoitettava zip (korvataan atomisesti, jos se on olemassa)
help-probe-about = Koettele jokaista connection/connection.toml-tiedoston päätepistettä kaksisuuntaisella TLS:llä ja raportoi yksityiskohdat
help-probe-long = Koettele jokaista connection/connection.toml-tiedoston päätepistettä kaksisuuntaisella TLS:llä ja raportoi yksityiskohdat.

    Jokaisesta päätepisteestä: TCP-yhteyden aika, TLS-versio ja salausjoukko, palvelimen varmenneketju ja se, johtaako se ca_bundle-tiedoston varmenteisiin ja nimeääkö se palvelimen, pyysikö palvelin asiakasvarmennetta, sekä GET-pyynnön HTTP-tila. Epäonnistumiset luokitellaan (DNS, torjuttu, aikakatkaisu, hälytys, tuntematon myöntäjä, väärä nimi, vanhentunut, TLS-versio). Paluuarvo 0, kun jokainen päätepiste vastaa, muuten 1, ja 2 käyttövirheissä.
help-probe-bundle = Nippu: kansio tai .zip-tiedosto
help-probe-client-key = Asiakasvarmenteiden yksityinen avain (PEM tai DER): FILE kaikille päätepisteille tai NAME=FILE päätepisteelle NAME (toista päätepisteille, joilla on eri varmenteet). Luetaan kerran, ei koskaan tulosteta
help-probe-endpoint = Koettele vain connection.toml-tiedoston päätepistettä NAME (toistettavissa; oletus: jokainen päätepiste)
help-probe-timeout = Sekunnit (1–86400), jotka odotetaan kutakin yhteydenottoa, TLS-kättelyä ja HTTP-vastausta
help-probe-json = Tulosta JSON tekstin sijaan
help-run-about = Aja määritellyt testitapaukset päätepistettä vasten, tallenna todisteet ja täytä raportti
help-run-long = Aja määritellyt testitapaukset päätepistettä vasten, tallenna todisteet ja täytä raportti.

    Jokainen testiajon tapaus (testcases/<round>/harness/*.toml tai --cases DIR) ajaa vaiheensa järjestyksessä HTTPS:n yli kaksisuuntaisella TLS:llä: pohjista rakennettu pyyntö (muuttujat uuid, now, now_hl7, test_person, organisation_oid, oid sekä aiempien vaiheiden talteenotot), odotettu tila ja otsakkeet sekä runko, jota verrataan normalisoinnin jälkeen vertailutiedostoon ja jonka erot näytetään `unified diff` -muodossa. Jokainen pyyntö ja vastaus tallennetaan kansioon evidence/<case>/ SHA-256-tiivisteineen ja aikoineen, ja pretest/report.csv saa yhden rivin tapausta kohden, joten `valmis verify` käyttää ajon tuloksia suoraan; ajo kertoo lopuksi, mitä todisteita verify vielä vaatii niiltä riveiltä (tallennettu asiakirja, validointitulos: mitä vain ihminen voi lisätä). Pohja, joka lähettäisi oikean henkilötunnuksen, torjutaan. Paluuarvo 0, kun jokainen tapaus meni läpi, muuten 1.
help-run-bundle = Nipun kansio (todisteet ja raportti kirjoitetaan siihen)
help-run-endpoint = connection/connection.toml-tiedoston päätepiste, jota vasten ajetaan
help-run-client-key = Päätepisteen asiakasvarmenteen yksityinen avain (PEM tai DER). Luetaan kerran, ei koskaan tulosteta
help-run-cases = Testiajon tapaukset kansiosta DIR nipun kierroksen sisäänrakennettujen sijaan
help-run-only = Aja vain nämä tapaukset; toistettavissa tai luettelona, erottimena pilkku (`--case PA-01,PA-03`)
help-run-test-person = Testihenkilötunnus, jota pohjat käyttävät ({"{"}{"{"}test_person{"}"}{"}"})
help-run-timeout = Sekunnit (1–86400), jotka odotetaan kutakin vaihetta
help-run-retries = Lisäyritykset (0–100) siirtovirheen jälkeen (ei koskaan vastauksen jälkeen)
help-run-max-body = Lue kunkin vastauksen rungosta enintään MIB mebitavua: pidempi vastaus hylkää vaiheensa, ja sen ensimmäiset MIB MiB tallennetaan todisteeksi
help-run-junit = Kirjoita `JUnit XML` (yksi testitapaus testiajon tapausta kohden) tiedostoon FILE
help-merge-about = Yhdistä `verify --partition K/N` -osien JSON-raportit yhdeksi raportiksi
help-merge-long = Yhdistä `verify --partition K/N` -osien JSON-raportit yhdeksi raportiksi.

    Jokaisen osan 1..N on oltava mukana kerran, samasta valmiksesta, kierroksesta, katalogista, nipusta, hetkestä ja --strict-asetuksesta. Yhdistetty raportti on sama kuin yhden jakamattoman ajon: samat tulokset, samat `JUnit`-tavut, yksi tulos ja paluuarvo (0 valmis, 1 ei valmis, 2 käyttövirhe, 4 raporttia ei kirjoitettu). OUT on yhdistetty JSON; kaikki muutkin raportit voidaan kirjoittaa, ja poikkeusluvat ja vertailuraportti sovelletaan tässä.
help-merge-out = Mihin yhdistetty JSON-raportti kirjoitetaan
help-merge-shards = Osien JSON-raportit (kunkin `verify --partition K/N` -ajon --json)
help-merge-quiet = Älä tulosta muuta kuin virheet
help-merge-verbose = Luettele hyväksytyt vaatimukset yksitellen, ei vain niiden määrää
help-heading-commands = Komennot
help-heading-options = Valitsimet
help-heading-arguments = Argumentit
help-heading-usage = Käyttö:
help-flag-help = Näytä ohje
help-flag-version = Näytä versio
help-help-command = Näytä tämä ohje tai annettujen alikomentojen ohje
