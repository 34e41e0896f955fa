<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>Areas</name>
    <message>
        <source>Dashboard</source>
        <translation>Overblik</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>Personer</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>Klinik</translation>
    </message>
    <message>
        <source>Action plans</source>
        <translation>Handleplaner</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
</context>
<context>
    <name>ConnectSharedDialog</name>
    <message>
        <source>Connect to a shared database</source>
        <translation>Forbind til en fælles database</translation>
    </message>
    <message>
        <source>Connect to a shared database window</source>
        <translation>Vinduet Forbind til en fælles database</translation>
    </message>
    <message>
        <source>An administrator joins this workstation: the server&apos;s details from your IT person, and a one-time enrolment code made on a joined workstation (Administration, or `clinic-app workstation enrol`) or the recovery key.</source>
        <translation>En administrator tilslutter denne arbejdsstation: serverens oplysninger fra jeres it-ansvarlige og en engangskode til tilmelding lavet på en tilsluttet arbejdsstation (Administration eller `clinic-app workstation enrol`) eller gendannelsesnøglen.</translation>
    </message>
    <message>
        <source>Connect explanation</source>
        <translation>Forklaring om forbindelse</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Server host</source>
        <translation>Serverens værtsnavn</translation>
    </message>
    <message>
        <source>Server port</source>
        <translation>Serverens port</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Database name</source>
        <translation>Databasens navn</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Database role</source>
        <translation>Databaserolle</translation>
    </message>
    <message>
        <source>Role password</source>
        <translation>Rollens adgangskode</translation>
    </message>
    <message>
        <source>Database role password</source>
        <translation>Databaserollens adgangskode</translation>
    </message>
    <message>
        <source>Encrypted connection, server certificate checked</source>
        <translation>Krypteret forbindelse, serverens certifikat kontrolleres</translation>
    </message>
    <message>
        <source>Verify the server certificate</source>
        <translation>Kontrollér serverens certifikat</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA-certifikatfil</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Gennemse…</translation>
    </message>
    <message>
        <source>Choose the CA certificate file</source>
        <translation>Vælg CA-certifikatfilen</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA-fil</translation>
    </message>
    <message>
        <source>This workstation</source>
        <translation>Denne arbejdsstation</translation>
    </message>
    <message>
        <source>Workstation name</source>
        <translation>Arbejdsstationens navn</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>Tilmeldingskode</translation>
    </message>
    <message>
        <source>Join with an enrolment code</source>
        <translation>Tilslut med en tilmeldingskode</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Gendannelsesnøgle</translation>
    </message>
    <message>
        <source>Join with the recovery key</source>
        <translation>Tilslut med gendannelsesnøglen</translation>
    </message>
    <message>
        <source>Join with</source>
        <translation>Tilslut med</translation>
    </message>
    <message>
        <source>Code or key</source>
        <translation>Kode eller nøgle</translation>
    </message>
    <message>
        <source>Enrolment code or recovery key</source>
        <translation>Tilmeldingskode eller gendannelsesnøgle</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Administrator user name</source>
        <translation>Administratorens brugernavn</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Adgangskode</translation>
    </message>
    <message>
        <source>Administrator password</source>
        <translation>Administratorens adgangskode</translation>
    </message>
    <message>
        <source>Connection error</source>
        <translation>Forbindelsesfejl</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Tilslut</translation>
    </message>
    <message>
        <source>Join this workstation</source>
        <translation>Tilslut denne arbejdsstation</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-certifikat</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt)</source>
        <translation>Certifikater (*.pem *.crt)</translation>
    </message>
    <message>
        <source>Give the server and the enrolment code or recovery key.</source>
        <translation>Angiv serveren og tilmeldingskoden eller gendannelsesnøglen.</translation>
    </message>
    <message>
        <source>Joining…</source>
        <translation>Tilslutter…</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>Contacts</source>
        <translation>Kontakter</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Kontaktperson</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>Værge</translation>
    </message>
    <message>
        <source>Contacts note</source>
        <translation>Bemærkning om kontakter</translation>
    </message>
    <message>
        <source>Contact person:</source>
        <translation>Kontaktperson:</translation>
    </message>
    <message>
        <source>Guardian:</source>
        <translation>Værge:</translation>
    </message>
    <message>
        <source>No contact person appointed.</source>
        <translation>Der er ikke udpeget en kontaktperson.</translation>
    </message>
    <message>
        <source>No guardian recorded: a minor needs a guardian.</source>
        <translation>Ingen værge registreret: en mindreårig skal have en værge.</translation>
    </message>
    <message>
        <source>Not needed (adult).</source>
        <translation>Ikke nødvendig (voksen).</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>When</source>
        <translation>Hvornår</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Sag</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Forklaring</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Dashboard page</source>
        <translation>Overbliksside</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Opdatér</translation>
    </message>
    <message>
        <source>Refresh dashboard</source>
        <translation>Opdatér overblik</translation>
    </message>
    <message>
        <source>Dashboard scopes</source>
        <translation>Overblikkets omfang</translation>
    </message>
    <message>
        <source>My caseload</source>
        <translation>Mine sager</translation>
    </message>
    <message>
        <source>This site</source>
        <translation>Dette sted</translation>
    </message>
    <message>
        <source>Today: %1</source>
        <translation>I dag: %1</translation>
    </message>
</context>
<context>
    <name>DashboardSection</name>
    <message>
        <source>count</source>
        <translation>antal</translation>
    </message>
    <message>
        <source>Counts by kind</source>
        <translation>Antal pr. type</translation>
    </message>
    <message>
        <source>items</source>
        <translation>punkter</translation>
    </message>
    <message>
        <source>message</source>
        <translation>besked</translation>
    </message>
    <message>
        <source>The site list is for a site&apos;s own staff; your account has no site.</source>
        <translation>Listen for et sted er for stedets eget personale; din konto har intet sted.</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n dag over fristen</numerusform>
            <numerusform>%n dage over fristen</numerusform>
        </translation>
    </message>
    <message>
        <source>today</source>
        <translation>i dag</translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>om %n dag</numerusform>
            <numerusform>om %n dage</numerusform>
        </translation>
    </message>
    <message>
        <source>(expected)</source>
        <translation>(forventet)</translation>
    </message>
    <message>
        <source>(unreliable)</source>
        <translation>(upålidelig)</translation>
    </message>
    <message>
        <source>Nothing due in the next 30 days.</source>
        <translation>Ingen frister de næste 30 dage.</translation>
    </message>
</context>
<context>
    <name>DuplicateDialog</name>
    <message>
        <source>Possible duplicates</source>
        <translation>Mulige dubletter</translation>
    </message>
    <message>
        <source>These records have a similar name and a matching birth year and nationality. Is the person already registered?</source>
        <translation>Disse sager har et lignende navn og samme fødselsår og nationalitet. Er personen allerede registreret?</translation>
    </message>
    <message>
        <source>Duplicate explanation</source>
        <translation>Forklaring om dubletter</translation>
    </message>
    <message>
        <source>Similar records</source>
        <translation>Lignende sager</translation>
    </message>
    <message>
        <source>also known as %1</source>
        <translation>også kendt som %1</translation>
    </message>
    <message>
        <source>born %1</source>
        <translation>født %1</translation>
    </message>
    <message>
        <source>&amp;Open the selected record</source>
        <translation>&amp;Åbn den valgte sag</translation>
    </message>
    <message>
        <source>Open the selected record</source>
        <translation>Åbn den valgte sag</translation>
    </message>
    <message>
        <source>&amp;Create a new record anyway</source>
        <translation>&amp;Opret en ny sag alligevel</translation>
    </message>
    <message>
        <source>Create a new record anyway</source>
        <translation>Opret en ny sag alligevel</translation>
    </message>
    <message>
        <source>&amp;Back to the form</source>
        <translation>&amp;Tilbage til formularen</translation>
    </message>
    <message>
        <source>Back to the form</source>
        <translation>Tilbage til formularen</translation>
    </message>
</context>
<context>
    <name>EntitlementsTab</name>
    <message>
        <source>Service</source>
        <translation>Ydelse</translation>
    </message>
    <message>
        <source>Covered</source>
        <translation>Dækket</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>Betales af</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Hvorfor</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begrundelse</translation>
    </message>
    <message>
        <source>Entitlements</source>
        <translation>Rettigheder</translation>
    </message>
    <message>
        <source>Health care covered today</source>
        <translation>Sundhedsydelser dækket i dag</translation>
    </message>
    <message>
        <source>Covered services</source>
        <translation>Dækkede ydelser</translation>
    </message>
    <message>
        <source>Manual decisions (override the rules)</source>
        <translation>Manuelle afgørelser (går forud for reglerne)</translation>
    </message>
    <message>
        <source>Add &amp;override…</source>
        <translation>Tilføj afgørel&amp;se…</translation>
    </message>
    <message>
        <source>Add override</source>
        <translation>Tilføj afgørelse</translation>
    </message>
    <message>
        <source>Re&amp;voke override</source>
        <translation>Tilbage&amp;kald afgørelse</translation>
    </message>
    <message>
        <source>Revoke override</source>
        <translation>Tilbagekald afgørelse</translation>
    </message>
    <message>
        <source>Manual decisions</source>
        <translation>Manuelle afgørelser</translation>
    </message>
    <message>
        <source>Entitlements message</source>
        <translation>Besked om rettigheder</translation>
    </message>
    <message>
        <source>Your role does not show entitlements for this person.</source>
        <translation>Din rolle viser ikke rettigheder for denne person.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>no end known</source>
        <translation>ingen kendt slutdato</translation>
    </message>
    <message>
        <source>(expected)</source>
        <translation>(forventet)</translation>
    </message>
    <message>
        <source>(unreliable)</source>
        <translation>(upålidelig)</translation>
    </message>
    <message>
        <source>until revoked</source>
        <translation>indtil tilbagekaldt</translation>
    </message>
    <message>
        <source>Select a decision first.</source>
        <translation>Vælg først en afgørelse.</translation>
    </message>
    <message>
        <source>Revoke this decision? The rules&apos; own answer applies again.</source>
        <translation>Tilbagekald denne afgørelse? Så gælder reglernes eget svar igen.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>This field is required.</source>
        <translation>Feltet skal udfyldes.</translation>
    </message>
    <message>
        <source>The text is too long.</source>
        <translation>Teksten er for lang.</translation>
    </message>
    <message>
        <source>Too short.</source>
        <translation>For kort.</translation>
    </message>
    <message>
        <source>Contains invisible control characters.</source>
        <translation>Indeholder usynlige kontroltegn.</translation>
    </message>
    <message>
        <source>Unknown country.</source>
        <translation>Ukendt land.</translation>
    </message>
    <message>
        <source>The date is in the future.</source>
        <translation>Datoen ligger i fremtiden.</translation>
    </message>
    <message>
        <source>The date is too early to be plausible.</source>
        <translation>Datoen er for tidlig til at være sandsynlig.</translation>
    </message>
    <message>
        <source>The date is before the person&apos;s birth.</source>
        <translation>Datoen ligger før personens fødsel.</translation>
    </message>
    <message>
        <source>The date is too far ahead to be plausible.</source>
        <translation>Datoen ligger for langt ude i fremtiden til at være sandsynlig.</translation>
    </message>
    <message>
        <source>Contains characters that are not valid text.</source>
        <translation>Indeholder tegn, der ikke er gyldig tekst.</translation>
    </message>
    <message>
        <source>Contains text-direction control characters.</source>
        <translation>Indeholder styretegn for tekstretning.</translation>
    </message>
    <message>
        <source>Contains only invisible characters.</source>
        <translation>Indeholder kun usynlige tegn.</translation>
    </message>
    <message>
        <source>Must be text.</source>
        <translation>Skal være tekst.</translation>
    </message>
    <message>
        <source>Unknown value; choose one from the list.</source>
        <translation>Ukendt værdi; vælg en fra listen.</translation>
    </message>
    <message>
        <source>This is a file; choose a folder.</source>
        <translation>Dette er en fil; vælg en mappe.</translation>
    </message>
    <message>
        <source>The value is not plausible.</source>
        <translation>Værdien er ikke sandsynlig.</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>Skriv et helt tal.</translation>
    </message>
    <message>
        <source>Enter a date as YYYY-MM-DD.</source>
        <translation>Skriv en dato som ÅÅÅÅ-MM-DD.</translation>
    </message>
    <message>
        <source>This name is already recorded.</source>
        <translation>Navnet er allerede registreret.</translation>
    </message>
    <message>
        <source>Only one name can be preferred.</source>
        <translation>Kun ét navn kan være foretrukket.</translation>
    </message>
    <message>
        <source>Only one name can be the official Latin spelling.</source>
        <translation>Kun ét navn kan være den officielle latinske stavemåde.</translation>
    </message>
    <message>
        <source>The official spelling must be in Latin letters.</source>
        <translation>Den officielle stavemåde skal være med latinske bogstaver.</translation>
    </message>
    <message>
        <source>Use a script code such as Latn, Arab or Thai.</source>
        <translation>Brug en skriftkode som Latn, Arab eller Thai.</translation>
    </message>
    <message>
        <source>A person keeps at least one name.</source>
        <translation>En person skal have mindst ét navn.</translation>
    </message>
    <message>
        <source>Unknown site.</source>
        <translation>Ukendt sted.</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>Slutdatoen er før startdatoen.</translation>
    </message>
    <message>
        <source>This user name is already in use.</source>
        <translation>Brugernavnet er allerede i brug.</translation>
    </message>
    <message>
        <source>The passwords differ.</source>
        <translation>Adgangskoderne er forskellige.</translation>
    </message>
    <message>
        <source>The password must not contain the user name.</source>
        <translation>Adgangskoden må ikke indeholde brugernavnet.</translation>
    </message>
    <message>
        <source>The password is too repetitive.</source>
        <translation>Adgangskoden gentager sig selv for meget.</translation>
    </message>
    <message>
        <source>This password is too common; choose another.</source>
        <translation>Adgangskoden er for almindelig; vælg en anden.</translation>
    </message>
    <message>
        <source>Enter an e-mail address such as name@example.dk.</source>
        <translation>Angiv en e-mailadresse som navn@eksempel.dk.</translation>
    </message>
    <message>
        <source>Use language codes such as en, ro or ar, separated by commas.</source>
        <translation>Brug sprogkoder som en, ro eller ar, adskilt af kommaer.</translation>
    </message>
    <message>
        <source>This enrolment code is not correct.</source>
        <translation>Tilmeldingskoden er ikke korrekt.</translation>
    </message>
    <message>
        <source>This enrolment code was already used.</source>
        <translation>Tilmeldingskoden er allerede brugt.</translation>
    </message>
    <message>
        <source>This enrolment code has expired; make a new one on a joined workstation.</source>
        <translation>Tilmeldingskoden er udløbet; lav en ny på en tilsluttet arbejdsstation.</translation>
    </message>
    <message>
        <source>An enrolment code has 20 letters and digits, in groups of 4.</source>
        <translation>En tilmeldingskode har 20 bogstaver og cifre i grupper af 4.</translation>
    </message>
    <message>
        <source>The recovery key does not fit this database.</source>
        <translation>Gendannelsesnøglen passer ikke til denne database.</translation>
    </message>
    <message>
        <source>The password needs at least 12 characters.</source>
        <translation>Adgangskoden skal have mindst 12 tegn.</translation>
    </message>
    <message>
        <source>The password is too long.</source>
        <translation>Adgangskoden er for lang.</translation>
    </message>
    <message>
        <source>Enter at least one name.</source>
        <translation>Skriv mindst ét navn.</translation>
    </message>
    <message>
        <source>The same name is entered twice.</source>
        <translation>Det samme navn er skrevet to gange.</translation>
    </message>
    <message>
        <source>Enter the birth date.</source>
        <translation>Skriv fødselsdatoen.</translation>
    </message>
    <message>
        <source>The birth date is before 1900.</source>
        <translation>Fødselsdatoen ligger før 1900.</translation>
    </message>
    <message>
        <source>Enter the estimated birth year.</source>
        <translation>Skriv det anslåede fødselsår.</translation>
    </message>
    <message>
        <source>The birth year is not plausible.</source>
        <translation>Fødselsåret er ikke sandsynligt.</translation>
    </message>
    <message>
        <source>Enter the date of the age assessment.</source>
        <translation>Skriv datoen for aldersvurderingen.</translation>
    </message>
    <message>
        <source>Enter the assessed age.</source>
        <translation>Skriv den vurderede alder.</translation>
    </message>
    <message>
        <source>The assessed age is not plausible.</source>
        <translation>Den vurderede alder er ikke sandsynlig.</translation>
    </message>
    <message>
        <source>Give a reason.</source>
        <translation>Angiv en begrundelse.</translation>
    </message>
    <message>
        <source>The user name or password is not correct.</source>
        <translation>Brugernavn eller adgangskode er forkert.</translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation>Din rolle giver ikke adgang til dette.</translation>
    </message>
    <message>
        <source>Someone else changed this record after you opened it.</source>
        <translation>En anden har ændret sagen, efter du åbnede den.</translation>
    </message>
    <message>
        <source>The change clashes with existing data.</source>
        <translation>Ændringen strider mod eksisterende data.</translation>
    </message>
    <message>
        <source>The record no longer exists or is not visible.</source>
        <translation>Sagen findes ikke længere eller er ikke synlig for dig.</translation>
    </message>
    <message>
        <source>The connection to the database server was lost, so this was not saved. Try again in a moment: the app reconnects by itself.</source>
        <translation>Forbindelsen til databaseserveren blev afbrudt, så dette blev ikke gemt. Prøv igen om lidt: programmet genopretter selv forbindelsen.</translation>
    </message>
    <message>
        <source>The secure connection to the database server failed: check the CA file and the server name.</source>
        <translation>Den sikre forbindelse til databaseserveren mislykkedes: kontrollér CA-filen og serverens navn.</translation>
    </message>
    <message>
        <source>The database server refused the role or its password.</source>
        <translation>Databaseserveren afviste rollen eller dens adgangskode.</translation>
    </message>
    <message>
        <source>This workstation is not joined to the shared database (or was revoked). An administrator must join it first.</source>
        <translation>Denne arbejdsstation er ikke tilsluttet den fælles database (eller er blevet tilbagekaldt). En administrator skal først tilslutte den.</translation>
    </message>
    <message>
        <source>The database could not be read or written. Nothing was saved.</source>
        <translation>Databasen kunne ikke læses eller skrives. Intet blev gemt.</translation>
    </message>
    <message>
        <source>The action could not be completed.</source>
        <translation>Handlingen kunne ikke gennemføres.</translation>
    </message>
    <message>
        <source>Something went wrong; the action was not completed and nothing was saved.</source>
        <translation>Noget gik galt; handlingen blev ikke gennemført, og intet blev gemt.</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Noget gik galt</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Add case event</source>
        <translation>Tilføj sagshændelse</translation>
    </message>
    <message>
        <source>Case event form</source>
        <translation>Formular for sagshændelse</translation>
    </message>
    <message>
        <source>&amp;Event:</source>
        <translation>&amp;Hændelse:</translation>
    </message>
    <message>
        <source>Event kind</source>
        <translation>Hændelsestype</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>ÅÅÅÅ-MM-DD</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Dato:</translation>
    </message>
    <message>
        <source>Event date</source>
        <translation>Dato for hændelse</translation>
    </message>
    <message>
        <source>E&amp;nd date:</source>
        <translation>Slut&amp;dato:</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Slutdato</translation>
    </message>
    <message>
        <source>&amp;Authority:</source>
        <translation>&amp;Myndighed:</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>Myndighed</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>&amp;Udfald:</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Udfald</translation>
    </message>
    <message>
        <source>&amp;Legal stay:</source>
        <translation>&amp;Lovligt ophold:</translation>
    </message>
    <message>
        <source>Legal stay</source>
        <translation>Lovligt ophold</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Kanal:</translation>
    </message>
    <message>
        <source>Contact channel</source>
        <translation>Kontaktkanal</translation>
    </message>
    <message>
        <source>A&amp;pplicant:</source>
        <translation>A&amp;nsøger:</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Ansøger</translation>
    </message>
    <message>
        <source>&amp;Ground:</source>
        <translation>&amp;Begrundelse:</translation>
    </message>
    <message>
        <source>Extension ground</source>
        <translation>Begrundelse for forlængelse</translation>
    </message>
    <message>
        <source>No&amp;tes:</source>
        <translation>No&amp;ter:</translation>
    </message>
    <message>
        <source>Event notes</source>
        <translation>Noter til hændelse</translation>
    </message>
    <message>
        <source>Form error</source>
        <translation>Fejl i formularen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Gem</translation>
    </message>
    <message>
        <source>Save event</source>
        <translation>Gem hændelse</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>(ikke angivet)</translation>
    </message>
    <message>
        <source>%1 error</source>
        <translation>Fejl i %1</translation>
    </message>
    <message>
        <source>Enter the date of the event.</source>
        <translation>Skriv datoen for hændelsen.</translation>
    </message>
    <message>
        <source>The date is in the future.</source>
        <translation>Datoen ligger i fremtiden.</translation>
    </message>
    <message>
        <source>Enter the date as YYYY-MM-DD.</source>
        <translation>Skriv datoen som ÅÅÅÅ-MM-DD.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Create the administrator</source>
        <translation>Opret administratoren</translation>
    </message>
    <message>
        <source>First run window</source>
        <translation>Vindue ved første start</translation>
    </message>
    <message>
        <source>This database has no users yet. Create the administrator account; the administrator then creates accounts for the staff.</source>
        <translation>Databasen har endnu ingen brugere. Opret administratorkontoen; administratoren opretter derefter konti til medarbejderne.</translation>
    </message>
    <message>
        <source>First run explanation</source>
        <translation>Forklaring ved første start</translation>
    </message>
    <message>
        <source>Administrator user name</source>
        <translation>Administratorens brugernavn</translation>
    </message>
    <message>
        <source>Administrator full name</source>
        <translation>Administratorens fulde navn</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Ny adgangskode</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Gentag adgangskode</translation>
    </message>
    <message>
        <source>At least 12 characters; not a common password and not your user name. A few unrelated words make a good password.</source>
        <translation>Mindst 12 tegn; ikke en almindelig adgangskode og ikke dit brugernavn. Nogle få ord uden sammenhæng giver en god adgangskode.</translation>
    </message>
    <message>
        <source>Password policy</source>
        <translation>Krav til adgangskode</translation>
    </message>
    <message>
        <source>Password error</source>
        <translation>Fejl i adgangskode</translation>
    </message>
    <message>
        <source>Repeat password error</source>
        <translation>Fejl i gentaget adgangskode</translation>
    </message>
    <message>
        <source>User name error</source>
        <translation>Fejl i brugernavn</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Brugernavn:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Fulde navn:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Adgangskode:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Gentag adgangskode:</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fejl</translation>
    </message>
    <message>
        <source>The database is encrypted; its key is in this computer&apos;s keychain. Write down the recovery key below and lock it away: it is shown only now, and without it a lost keychain or a new computer means the data cannot be opened.</source>
        <translation>Databasen er krypteret; nøglen ligger i computerens nøglering. Skriv gendannelsesnøglen nedenfor ned, og lås den inde: den vises kun nu, og uden den kan data ikke åbnes, hvis nøgleringen går tabt, eller der skiftes computer.</translation>
    </message>
    <message>
        <source>Recovery key explanation</source>
        <translation>Forklaring om gendannelsesnøgle</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Gendannelsesnøgle</translation>
    </message>
    <message>
        <source>Recovery key confirmation</source>
        <translation>Bekræftelse af gendannelsesnøgle</translation>
    </message>
    <message>
        <source>&amp;Type the last group of the recovery key to confirm you wrote it down:</source>
        <translation>&amp;Skriv den sidste gruppe af gendannelsesnøglen for at bekræfte, at du har skrevet den ned:</translation>
    </message>
    <message>
        <source>Recovery key confirmation error</source>
        <translation>Fejl i bekræftelse af gendannelsesnøgle</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>&amp;Create and log in</source>
        <translation>&amp;Opret og log ind</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>Opret administrator</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Afs&amp;lut</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Afslut</translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation>Skriv et brugernavn.</translation>
    </message>
    <message>
        <source>The passwords differ.</source>
        <translation>Adgangskoderne er forskellige.</translation>
    </message>
    <message>
        <source>That is not the last group of the recovery key above.</source>
        <translation>Det er ikke den sidste gruppe af gendannelsesnøglen ovenfor.</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Hændelse</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Registreret</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Noter</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historik</translation>
    </message>
    <message>
        <source>Event history</source>
        <translation>Hændelseshistorik</translation>
    </message>
    <message>
        <source>History message</source>
        <translation>Besked om historik</translation>
    </message>
    <message>
        <source>VOID: %1</source>
        <translation>ANNULLERET: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n hændelse</numerusform>
            <numerusform>%n hændelser</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation>Teamleder</translation>
    </message>
    <message>
        <source>Shelter staff</source>
        <translation>Krisecentermedarbejder</translation>
    </message>
    <message>
        <source>Nurse</source>
        <translation>Sygeplejerske</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Kontaktperson</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Kvinde</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Mand</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andet</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Ukendt</translation>
    </message>
    <message>
        <source>Exact birth date</source>
        <translation>Præcis fødselsdato</translation>
    </message>
    <message>
        <source>Estimated birth year</source>
        <translation>Anslået fødselsår</translation>
    </message>
    <message>
        <source>Age assessed</source>
        <translation>Alder vurderet</translation>
    </message>
    <message>
        <source>Sexual exploitation</source>
        <translation>Seksuel udnyttelse</translation>
    </message>
    <message>
        <source>Forced labour</source>
        <translation>Tvangsarbejde</translation>
    </message>
    <message>
        <source>Forced criminality</source>
        <translation>Tvungen kriminalitet</translation>
    </message>
    <message>
        <source>Organ removal</source>
        <translation>Organfjernelse</translation>
    </message>
    <message>
        <source>Other exploitation</source>
        <translation>Anden udnyttelse</translation>
    </message>
    <message>
        <source>Do not disclose location</source>
        <translation>Oplys ikke opholdssted</translation>
    </message>
    <message>
        <source>Trafficker searching</source>
        <translation>Menneskehandler leder efter personen</translation>
    </message>
    <message>
        <source>No photos</source>
        <translation>Ingen fotos</translation>
    </message>
    <message>
        <source>No phone contact</source>
        <translation>Ingen telefonkontakt</translation>
    </message>
    <message>
        <source>Health risk</source>
        <translation>Helbredsrisiko</translation>
    </message>
    <message>
        <source>Other safety concern</source>
        <translation>Anden sikkerhedsrisiko</translation>
    </message>
    <message>
        <source>History needs correction</source>
        <translation>Historikken skal rettes</translation>
    </message>
    <message>
        <source>Case closed</source>
        <translation>Sag afsluttet</translation>
    </message>
    <message>
        <source>Returned home (IOM follow-up)</source>
        <translation>Rejst hjem (IOM-opfølgning)</translation>
    </message>
    <message>
        <source>Identification refused: reflection period ended</source>
        <translation>Identifikation afvist: refleksionsperioden er ophørt</translation>
    </message>
    <message>
        <source>Reflection period (extension requested, expected)</source>
        <translation>Refleksionsperiode (forlængelse søgt, forventet)</translation>
    </message>
    <message>
        <source>Reflection period expired: must leave Denmark</source>
        <translation>Refleksionsperioden er udløbet: skal udrejse</translation>
    </message>
    <message>
        <source>Referred for assisted voluntary return</source>
        <translation>Henvist til støttet frivillig hjemrejse</translation>
    </message>
    <message>
        <source>Temporary residence permit</source>
        <translation>Midlertidig opholdstilladelse</translation>
    </message>
    <message>
        <source>Asylum granted</source>
        <translation>Asyl givet</translation>
    </message>
    <message>
        <source>Asylum case pending</source>
        <translation>Asylsag under behandling</translation>
    </message>
    <message>
        <source>Reflection period (extended)</source>
        <translation>Refleksionsperiode (forlænget)</translation>
    </message>
    <message>
        <source>Reflection period running</source>
        <translation>Refleksionsperiode løber</translation>
    </message>
    <message>
        <source>Identified victim</source>
        <translation>Identificeret offer</translation>
    </message>
    <message>
        <source>Not identified as a victim</source>
        <translation>Ikke identificeret som offer</translation>
    </message>
    <message>
        <source>Presumed victim</source>
        <translation>Formodet offer</translation>
    </message>
    <message>
        <source>First contact</source>
        <translation>Første kontakt</translation>
    </message>
    <message>
        <source>Identification decision</source>
        <translation>Afgørelse om identifikation</translation>
    </message>
    <message>
        <source>Legal stay</source>
        <translation>Lovligt ophold</translation>
    </message>
    <message>
        <source>Reflection period granted</source>
        <translation>Refleksionsperiode givet</translation>
    </message>
    <message>
        <source>Reflection period extension requested</source>
        <translation>Forlængelse af refleksionsperioden søgt</translation>
    </message>
    <message>
        <source>Reflection period extension decided</source>
        <translation>Afgørelse om forlængelse af refleksionsperioden</translation>
    </message>
    <message>
        <source>Residence permit applied for</source>
        <translation>Opholdstilladelse søgt</translation>
    </message>
    <message>
        <source>Residence permit granted</source>
        <translation>Opholdstilladelse givet</translation>
    </message>
    <message>
        <source>Residence permit renewed</source>
        <translation>Opholdstilladelse forlænget</translation>
    </message>
    <message>
        <source>Residence permit ended</source>
        <translation>Opholdstilladelse ophørt</translation>
    </message>
    <message>
        <source>Asylum applied for</source>
        <translation>Asyl søgt</translation>
    </message>
    <message>
        <source>Asylum decision</source>
        <translation>Afgørelse i asylsag</translation>
    </message>
    <message>
        <source>Cooperates on a prepared return</source>
        <translation>Samarbejder om en forberedt hjemrejse</translation>
    </message>
    <message>
        <source>Referred to IOM (voluntary return)</source>
        <translation>Henvist til IOM (frivillig hjemrejse)</translation>
    </message>
    <message>
        <source>Departure (voluntary return)</source>
        <translation>Udrejse (frivillig hjemrejse)</translation>
    </message>
    <message>
        <source>Charges withdrawn</source>
        <translation>Sigtelse frafaldet</translation>
    </message>
    <message>
        <source>Shelter stay started</source>
        <translation>Ophold på krisecenter begyndt</translation>
    </message>
    <message>
        <source>Shelter stay ended</source>
        <translation>Ophold på krisecenter sluttet</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>Danish Immigration Service</source>
        <translation>Udlændingestyrelsen</translation>
    </message>
    <message>
        <source>SIRI</source>
        <translation>SIRI</translation>
    </message>
    <message>
        <source>Centre against Human Trafficking</source>
        <translation>Center mod Menneskehandel</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>Retten</translation>
    </message>
    <message>
        <source>Police</source>
        <translation>Politiet</translation>
    </message>
    <message>
        <source>Prosecution</source>
        <translation>Anklagemyndigheden</translation>
    </message>
    <message>
        <source>Identified</source>
        <translation>Identificeret</translation>
    </message>
    <message>
        <source>Not identified</source>
        <translation>Ikke identificeret</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Givet</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Afslået</translation>
    </message>
    <message>
        <source>General practice</source>
        <translation>Almen lægepraksis</translation>
    </message>
    <message>
        <source>Psychological therapy</source>
        <translation>Psykologbehandling</translation>
    </message>
    <message>
        <source>Psychiatric therapy</source>
        <translation>Psykiatrisk behandling</translation>
    </message>
    <message>
        <source>Hospitalisation</source>
        <translation>Hospitalsindlæggelse</translation>
    </message>
    <message>
        <source>Physical therapy</source>
        <translation>Fysioterapi</translation>
    </message>
    <message>
        <source>Dentistry</source>
        <translation>Tandbehandling</translation>
    </message>
    <message>
        <source>Support person</source>
        <translation>Støtteperson</translation>
    </message>
    <message>
        <source>Body therapy</source>
        <translation>Kropsterapi</translation>
    </message>
    <message>
        <source>Own insurance</source>
        <translation>Egen forsikring</translation>
    </message>
    <message>
        <source>National health insurance</source>
        <translation>Den offentlige sygesikring</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <source>No source says who pays</source>
        <translation>Ingen kilde siger, hvem der betaler</translation>
    </message>
    <message>
        <source>Not covered</source>
        <translation>Ikke dækket</translation>
    </message>
    <message>
        <source>Cooperation on a prepared return</source>
        <translation>Samarbejde om en forberedt hjemrejse</translation>
    </message>
    <message>
        <source>Particular reasons</source>
        <translation>Særlige grunde</translation>
    </message>
    <message>
        <source>Another reason (extends nothing)</source>
        <translation>Anden grund (forlænger ikke)</translation>
    </message>
    <message>
        <source>No legal stay</source>
        <translation>Intet lovligt ophold</translation>
    </message>
    <message>
        <source>Asylum seeker</source>
        <translation>Asylansøger</translation>
    </message>
    <message>
        <source>EU citizen</source>
        <translation>EU-borger</translation>
    </message>
    <message>
        <source>Danish citizen</source>
        <translation>Dansk statsborger</translation>
    </message>
    <message>
        <source>Other legal stay (permit, visa)</source>
        <translation>Andet lovligt ophold (tilladelse, visum)</translation>
    </message>
    <message>
        <source>Street outreach</source>
        <translation>Opsøgende arbejde på gaden</translation>
    </message>
    <message>
        <source>Massage parlour</source>
        <translation>Massageklinik</translation>
    </message>
    <message>
        <source>Escort</source>
        <translation>Escort</translation>
    </message>
    <message>
        <source>Asylum centre</source>
        <translation>Asylcenter</translation>
    </message>
    <message>
        <source>Prison</source>
        <translation>Fængsel</translation>
    </message>
    <message>
        <source>Police raid</source>
        <translation>Politiaktion</translation>
    </message>
    <message>
        <source>Hotline</source>
        <translation>Hotline</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>Klinik</translation>
    </message>
    <message>
        <source>Self-referral</source>
        <translation>Henvendt sig selv</translation>
    </message>
    <message>
        <source>Reflection period ends</source>
        <translation>Refleksionsperiode slutter</translation>
    </message>
    <message>
        <source>Latest possible end of reflection period</source>
        <translation>Seneste mulige afslutning af refleksionsperiode</translation>
    </message>
    <message>
        <source>Residence permit expires</source>
        <translation>Opholdstilladelse udløber</translation>
    </message>
    <message>
        <source>Apply for permit renewal</source>
        <translation>Søg om forlængelse af opholdstilladelse</translation>
    </message>
    <message>
        <source>IOM follow-up ends</source>
        <translation>IOM-opfølgning slutter</translation>
    </message>
    <message>
        <source>Turns 18</source>
        <translation>Fylder 18</translation>
    </message>
    <message>
        <source>Health entitlement ends</source>
        <translation>Ret til sundhedsydelser ophører</translation>
    </message>
    <message>
        <source>Action plan review</source>
        <translation>Opfølgning på handleplan</translation>
    </message>
    <message>
        <source>Consent expires</source>
        <translation>Samtykke udløber</translation>
    </message>
    <message>
        <source>Guardian missing for a minor</source>
        <translation>Værge mangler for mindreårig</translation>
    </message>
    <message>
        <source>No contact person</source>
        <translation>Ingen kontaktperson</translation>
    </message>
    <message>
        <source>Manual review needed</source>
        <translation>Manuel gennemgang nødvendig</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overskredet</translation>
    </message>
    <message>
        <source>Due within 7 days</source>
        <translation>Frist inden for 7 dage</translation>
    </message>
    <message>
        <source>Due within 30 days</source>
        <translation>Frist inden for 30 dage</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Løber</translation>
    </message>
    <message>
        <source>Extended</source>
        <translation>Forlænget</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Afsluttet</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Gyldig</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Udløbet</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Under behandling</translation>
    </message>
    <message>
        <source>Referred to IOM</source>
        <translation>Henvist til IOM</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Rejst hjem</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Lock screen</source>
        <translation>Låseskærm</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Låst</translation>
    </message>
    <message>
        <source>Locked heading</source>
        <translation>Overskrift for låst skærm</translation>
    </message>
    <message>
        <source>Locked by</source>
        <translation>Låst af</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Adgangskode:</translation>
    </message>
    <message>
        <source>Unlock password</source>
        <translation>Adgangskode til oplåsning</translation>
    </message>
    <message>
        <source>Unlock error</source>
        <translation>Fejl ved oplåsning</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Lås op</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Lås op</translation>
    </message>
    <message>
        <source>&amp;Switch user…</source>
        <translation>&amp;Skift bruger…</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>Skift bruger</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Switch user</source>
        <translation>Skift bruger</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log ind</translation>
    </message>
    <message>
        <source>Log-in window</source>
        <translation>Loginvindue</translation>
    </message>
    <message>
        <source>Clinic App</source>
        <translation>Clinic App</translation>
    </message>
    <message>
        <source>Application name</source>
        <translation>Programnavn</translation>
    </message>
    <message>
        <source>Unsaved input in open forms will be discarded.</source>
        <translation>Det, der ikke er gemt i åbne formularer, bliver kasseret.</translation>
    </message>
    <message>
        <source>Switch user warning</source>
        <translation>Advarsel ved skift af bruger</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Brugernavn</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Adgangskode</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Brugernavn:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Adgangskode:</translation>
    </message>
    <message>
        <source>Log-in error</source>
        <translation>Fejl ved login</translation>
    </message>
    <message>
        <source>Log &amp;in</source>
        <translation>Log &amp;ind</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Afs&amp;lut</translation>
    </message>
    <message>
        <source>Start-up status</source>
        <translation>Status ved start</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Åbner databasen…</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Demo database with fictional people. Double-click an account (or select it and press Enter) to log in:</source>
        <translation>Demodatabase med opdigtede personer. Dobbeltklik på en konto (eller vælg den og tryk Enter) for at logge ind:</translation>
    </message>
    <message>
        <source>Demo accounts note</source>
        <translation>Bemærkning om demokonti</translation>
    </message>
    <message>
        <source>Demo accounts</source>
        <translation>Demokonti</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>Skriv dit brugernavn og din adgangskode.</translation>
    </message>
    <message>
        <source>The user name or password is not correct, or the account is locked. After 5 failed attempts an administrator must unlock the account.</source>
        <translation>Brugernavn eller adgangskode er forkert, eller kontoen er spærret. Efter 5 mislykkede forsøg skal en administrator låse kontoen op.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Main window</source>
        <translation>Hovedvindue</translation>
    </message>
    <message>
        <source>Clinic App</source>
        <translation>Clinic App</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Side</translation>
    </message>
    <message>
        <source>Logged-in user</source>
        <translation>Indlogget bruger</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Sted</translation>
    </message>
    <message>
        <source>Database location</source>
        <translation>Databasens placering</translation>
    </message>
    <message>
        <source>Background work</source>
        <translation>Arbejde i baggrunden</translation>
    </message>
    <message>
        <source>Status bar</source>
        <translation>Statuslinje</translation>
    </message>
    <message>
        <source>Menu bar</source>
        <translation>Menulinje</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <source>&amp;New person…</source>
        <translation>&amp;Ny person…</translation>
    </message>
    <message>
        <source>&amp;Switch user…</source>
        <translation>&amp;Skift bruger…</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Lås nu</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gå til</translation>
    </message>
    <message>
        <source>&amp;Find person</source>
        <translation>&amp;Find person</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Opdatér</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprog</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjælp</translation>
    </message>
    <message>
        <source>&amp;About Clinic App</source>
        <translation>&amp;Om Clinic App</translation>
    </message>
    <message>
        <source>User: %1 (%2)</source>
        <translation>Bruger: %1 (%2)</translation>
    </message>
    <message>
        <source>Site: %1</source>
        <translation>Sted: %1</translation>
    </message>
    <message>
        <source>all sites</source>
        <translation>alle steder</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>(demo)</source>
        <translation>(demo)</translation>
    </message>
    <message>
        <source>Locked by %1. Enter your password to continue, or switch user.</source>
        <translation>Låst af %1. Skriv din adgangskode for at fortsætte, eller skift bruger.</translation>
    </message>
    <message>
        <source>The password is not correct.</source>
        <translation>Adgangskoden er forkert.</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>Skift bruger</translation>
    </message>
    <message>
        <source>Unsaved input in open forms will be discarded, not saved. Switch user anyway?</source>
        <translation>Det, der ikke er gemt i åbne formularer, bliver kasseret, ikke gemt. Skift bruger alligevel?</translation>
    </message>
    <message>
        <source>About Clinic App</source>
        <translation>Om Clinic App</translation>
    </message>
    <message>
        <source>Clinic App %1: case, clinic and document management for shelters and drop-in clinics for victims of human trafficking.</source>
        <translation>Clinic App %1: sags-, klinik- og dokumenthåndtering for krisecentre og klinikker for ofre for menneskehandel.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Afslut</translation>
    </message>
    <message>
        <source>Unsaved input in open forms will be discarded, not saved. Quit anyway?</source>
        <translation>Det, der ikke er gemt i åbne formularer, bliver kasseret, ikke gemt. Afslut alligevel?</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <source>Latin</source>
        <translation>Latinsk</translation>
    </message>
    <message>
        <source>Cyrillic</source>
        <translation>Kyrillisk</translation>
    </message>
    <message>
        <source>Greek</source>
        <translation>Græsk</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>Arabisk</translation>
    </message>
    <message>
        <source>Hebrew</source>
        <translation>Hebraisk</translation>
    </message>
    <message>
        <source>Thai</source>
        <translation>Thai</translation>
    </message>
    <message>
        <source>Ethiopic (Ge&apos;ez)</source>
        <translation>Etiopisk (ge&apos;ez)</translation>
    </message>
    <message>
        <source>Devanagari</source>
        <translation>Devanagari</translation>
    </message>
    <message>
        <source>Bengali</source>
        <translation>Bengali</translation>
    </message>
    <message>
        <source>Chinese characters</source>
        <translation>Kinesiske tegn</translation>
    </message>
    <message>
        <source>Korean (Hangul)</source>
        <translation>Koreansk (hangul)</translation>
    </message>
    <message>
        <source>Detect from the letters</source>
        <translation>Genkend ud fra bogstaverne</translation>
    </message>
    <message>
        <source>Script of the name</source>
        <translation>Navnets skrift</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>ingen registreret</translation>
    </message>
    <message>
        <source>none recorded (transliteration: %1)</source>
        <translation>ingen registreret (translitteration: %1)</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Manual entitlement decision</source>
        <translation>Manuel afgørelse om rettighed</translation>
    </message>
    <message>
        <source>Manual entitlement form</source>
        <translation>Formular for manuel afgørelse</translation>
    </message>
    <message>
        <source>Health service</source>
        <translation>Sundhedsydelse</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>Betales af</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Gyldig fra</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (empty: today)</source>
        <translation>ÅÅÅÅ-MM-DD (tom: i dag)</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gyldig til</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (empty: until revoked)</source>
        <translation>ÅÅÅÅ-MM-DD (tom: indtil tilbagekaldt)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begrundelse</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Ydelse:</translation>
    </message>
    <message>
        <source>&amp;Paid by:</source>
        <translation>&amp;Betales af:</translation>
    </message>
    <message>
        <source>Valid &amp;from:</source>
        <translation>Gyldig &amp;fra:</translation>
    </message>
    <message>
        <source>Valid &amp;until:</source>
        <translation>Gyldig &amp;til:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>Begr&amp;undelse:</translation>
    </message>
    <message>
        <source>%1 error</source>
        <translation>Fejl i %1</translation>
    </message>
    <message>
        <source>Form error</source>
        <translation>Fejl i formularen</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>&amp;Gem</translation>
    </message>
    <message>
        <source>Save decision</source>
        <translation>Gem afgørelse</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
    <message>
        <source>Enter the date as YYYY-MM-DD.</source>
        <translation>Skriv datoen som ÅÅÅÅ-MM-DD.</translation>
    </message>
    <message>
        <source>Give a reason.</source>
        <translation>Angiv en begrundelse.</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Overview</source>
        <translation>Oversigt</translation>
    </message>
    <message>
        <source>Preferred name</source>
        <translation>Foretrukket navn</translation>
    </message>
    <message>
        <source>Official Latin spelling</source>
        <translation>Officiel stavemåde med latinske bogstaver</translation>
    </message>
    <message>
        <source>Case reference</source>
        <translation>Sagsnummer</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Køn</translation>
    </message>
    <message>
        <source>Birth</source>
        <translation>Fødsel</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alder</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nationalitet</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Tolk</translation>
    </message>
    <message>
        <source>Exploitation</source>
        <translation>Udnyttelse</translation>
    </message>
    <message>
        <source>Safety flags</source>
        <translation>Sikkerhedsmarkeringer</translation>
    </message>
    <message>
        <source>Health insurance</source>
        <translation>Sygeforsikring</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Sted</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Kontaktperson</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>Værge</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Noter</translation>
    </message>
    <message>
        <source>Names and aliases</source>
        <translation>Navne og aliasser</translation>
    </message>
    <message>
        <source>Add a&amp;lias…</source>
        <translation>Tilføj al&amp;ias…</translation>
    </message>
    <message>
        <source>Add alias</source>
        <translation>Tilføj alias</translation>
    </message>
    <message>
        <source>Re&amp;move name</source>
        <translation>F&amp;jern navn</translation>
    </message>
    <message>
        <source>Remove name</source>
        <translation>Fjern navn</translation>
    </message>
    <message>
        <source>assessed as %1 years old on %2 (born about %3)</source>
        <translation>vurderet til %1 år den %2 (født omkring %3)</translation>
    </message>
    <message>
        <source>(minor)</source>
        <translation>(mindreårig)</translation>
    </message>
    <message>
        <source>Needed: %1</source>
        <translation>Behov: %1</translation>
    </message>
    <message>
        <source>language not set</source>
        <translation>sprog ikke angivet</translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation>Ikke behov</translation>
    </message>
    <message>
        <source>own insurance</source>
        <translation>egen forsikring</translation>
    </message>
    <message>
        <source>registered in Denmark (yellow card)</source>
        <translation>registreret i Danmark (gult kort)</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>intet registreret</translation>
    </message>
    <message>
        <source>(not shown to your role)</source>
        <translation>(vises ikke for din rolle)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>MISSING</source>
        <translation>MANGLER</translation>
    </message>
    <message>
        <source>name</source>
        <translation>navn</translation>
    </message>
    <message>
        <source>alias</source>
        <translation>alias</translation>
    </message>
    <message>
        <source>preferred</source>
        <translation>foretrukket</translation>
    </message>
    <message>
        <source>official Latin spelling</source>
        <translation>officiel latinsk stavemåde</translation>
    </message>
    <message>
        <source>Other name or alias:</source>
        <translation>Andet navn eller alias:</translation>
    </message>
    <message>
        <source>Other records have a similar name (in any script): %1. Add the alias to this record anyway?</source>
        <translation>Andre sager har et lignende navn (i et hvilket som helst skriftsystem): %1. Vil du alligevel tilføje aliasset til denne sag?</translation>
    </message>
    <message>
        <source>Select a name first.</source>
        <translation>Vælg først et navn.</translation>
    </message>
    <message>
        <source>Remove the selected name from this record?</source>
        <translation>Fjern det valgte navn fra sagen?</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Register a person</source>
        <translation>Registrér en person</translation>
    </message>
    <message>
        <source>Edit person %1</source>
        <translation>Redigér person %1</translation>
    </message>
    <message>
        <source>Person form</source>
        <translation>Personformular</translation>
    </message>
    <message>
        <source>Person form fields</source>
        <translation>Felter i personformularen</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>&amp;Navn:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>S&amp;cript of the name:</source>
        <translation>Navnets skrift:</translation>
    </message>
    <message>
        <source>One name per line</source>
        <translation>Ét navn pr. linje</translation>
    </message>
    <message>
        <source>Other names, &amp;aliases:</source>
        <translation>Andre navne, &amp;aliasser:</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Aliasser</translation>
    </message>
    <message>
        <source>As in the passport or papers, in Latin letters</source>
        <translation>Som i passet eller papirerne, med latinske bogstaver</translation>
    </message>
    <message>
        <source>&amp;Official Latin spelling:</source>
        <translation>Officiel latinsk stavemåde:</translation>
    </message>
    <message>
        <source>Official Latin spelling</source>
        <translation>Officiel stavemåde med latinske bogstaver</translation>
    </message>
    <message>
        <source>Se&amp;x:</source>
        <translation>&amp;Køn:</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Køn</translation>
    </message>
    <message>
        <source>&amp;Birth known as:</source>
        <translation>&amp;Fødsel kendt som:</translation>
    </message>
    <message>
        <source>Birth date certainty</source>
        <translation>Sikkerhed om fødselsdato</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>ÅÅÅÅ-MM-DD</translation>
    </message>
    <message>
        <source>Birth &amp;date:</source>
        <translation>Fødsels&amp;dato:</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Fødselsdato</translation>
    </message>
    <message>
        <source>e.g. 2001</source>
        <translation>f.eks. 2001</translation>
    </message>
    <message>
        <source>Estimated birth &amp;year:</source>
        <translation>Anslået fødsels&amp;år:</translation>
    </message>
    <message>
        <source>Estimated birth year</source>
        <translation>Anslået fødselsår</translation>
    </message>
    <message>
        <source>Age assessed &amp;on:</source>
        <translation>Alder vurderet &amp;den:</translation>
    </message>
    <message>
        <source>Age assessment date</source>
        <translation>Dato for aldersvurdering</translation>
    </message>
    <message>
        <source>Assessed a&amp;ge:</source>
        <translation>Vurderet a&amp;lder:</translation>
    </message>
    <message>
        <source>Assessed age</source>
        <translation>Vurderet alder</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Ukendt</translation>
    </message>
    <message>
        <source>Na&amp;tionality:</source>
        <translation>Na&amp;tionalitet:</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nationalitet</translation>
    </message>
    <message>
        <source>Language codes, e.g. ro, en</source>
        <translation>Sprogkoder, f.eks. ro, en</translation>
    </message>
    <message>
        <source>&amp;Languages:</source>
        <translation>S&amp;prog:</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <source>&amp;Interpreter needed</source>
        <translation>&amp;Behov for tolk</translation>
    </message>
    <message>
        <source>Interpreter needed</source>
        <translation>Behov for tolk</translation>
    </message>
    <message>
        <source>Language code</source>
        <translation>Sprogkode</translation>
    </message>
    <message>
        <source>Interpreter language</source>
        <translation>Tolkesprog</translation>
    </message>
    <message>
        <source>Interpreter:</source>
        <translation>Tolk:</translation>
    </message>
    <message>
        <source>Forms of exploitation</source>
        <translation>Former for udnyttelse</translation>
    </message>
    <message>
        <source>Safety flags</source>
        <translation>Sikkerhedsmarkeringer</translation>
    </message>
    <message>
        <source>Has own &amp;health insurance</source>
        <translation>Har egen sygefor&amp;sikring</translation>
    </message>
    <message>
        <source>Own health insurance</source>
        <translation>Egen sygeforsikring</translation>
    </message>
    <message>
        <source>&amp;Registered in Denmark (yellow health card)</source>
        <translation>&amp;Registreret i Danmark (gult sundhedskort)</translation>
    </message>
    <message>
        <source>Registered in Denmark</source>
        <translation>Registreret i Danmark</translation>
    </message>
    <message>
        <source>Ins&amp;urer&apos;s country:</source>
        <translation>Fors&amp;ikringens land:</translation>
    </message>
    <message>
        <source>Insurer&apos;s country</source>
        <translation>Forsikringens land</translation>
    </message>
    <message>
        <source>No site</source>
        <translation>Intet sted</translation>
    </message>
    <message>
        <source>Sit&amp;e:</source>
        <translation>St&amp;ed:</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Sted</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>N&amp;oter:</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Noter</translation>
    </message>
    <message>
        <source>Form error</source>
        <translation>Fejl i formularen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Gem</translation>
    </message>
    <message>
        <source>Save person</source>
        <translation>Gem person</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
    <message>
        <source>%1 error</source>
        <translation>Fejl i %1</translation>
    </message>
    <message>
        <source>Enter the person&apos;s name.</source>
        <translation>Skriv personens navn.</translation>
    </message>
    <message>
        <source>The same name is entered twice.</source>
        <translation>Det samme navn er skrevet to gange.</translation>
    </message>
    <message>
        <source>The official spelling must be in Latin letters.</source>
        <translation>Den officielle stavemåde skal være med latinske bogstaver.</translation>
    </message>
    <message>
        <source>Enter the date as YYYY-MM-DD.</source>
        <translation>Skriv datoen som ÅÅÅÅ-MM-DD.</translation>
    </message>
    <message>
        <source>The date is in the future.</source>
        <translation>Datoen ligger i fremtiden.</translation>
    </message>
    <message>
        <source>The date is before 1900.</source>
        <translation>Datoen er før 1900.</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>Skriv et helt tal.</translation>
    </message>
    <message>
        <source>The value is not plausible.</source>
        <translation>Værdien er ikke sandsynlig.</translation>
    </message>
    <message>
        <source>Enter the birth date.</source>
        <translation>Skriv fødselsdatoen.</translation>
    </message>
    <message>
        <source>Enter the estimated birth year.</source>
        <translation>Skriv det anslåede fødselsår.</translation>
    </message>
    <message>
        <source>Enter the date of the age assessment.</source>
        <translation>Skriv datoen for aldersvurderingen.</translation>
    </message>
    <message>
        <source>Enter the assessed age.</source>
        <translation>Skriv den vurderede alder.</translation>
    </message>
    <message>
        <source>Use language codes such as en, ro or ar, separated by commas.</source>
        <translation>Brug sprogkoder som en, ro eller ar, adskilt af kommaer.</translation>
    </message>
    <message>
        <source>Use a language code such as en, ro or ar.</source>
        <translation>Brug en sprogkode som en, ro eller ar.</translation>
    </message>
    <message>
        <source>This record will not be at your site. You will then not be able to see or find it, and it is left out of your duplicate checks. Save it there anyway?</source>
        <translation>Denne sag vil ikke høre til dit sted. Du vil så ikke kunne se eller finde den, og den indgår ikke i dine dubletkontroller. Gem den der alligevel?</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Gemmer…</translation>
    </message>
    <message>
        <source>Registered %1.</source>
        <translation>%1 er registreret.</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 er gemt.</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>Ændret af en anden</translation>
    </message>
    <message>
        <source>Someone else changed this person&apos;s record after you opened it. Load their version? Your typed changes in this form will be replaced. Choose No to keep your input and copy what you need first.</source>
        <translation>En anden har ændret personens sag, efter du åbnede den. Vil du hente deres version? Det, du har skrevet i formularen, bliver erstattet. Vælg Nej for at beholde det, du har skrevet, og kopiér først det, du skal bruge.</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>Kassér ændringer?</translation>
    </message>
    <message>
        <source>You have typed changes that are not saved. Discard them?</source>
        <translation>Du har ændringer, der ikke er gemt. Vil du kassere dem?</translation>
    </message>
</context>
<context>
    <name>PersonTableModel</name>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Sag</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Født</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nationalitet</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>Mindreårig</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Sted</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Kontaktperson</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Arkiveret</translation>
    </message>
</context>
<context>
    <name>PersonTabs</name>
    <message>
        <source>Overview</source>
        <translation>Oversigt</translation>
    </message>
    <message>
        <source>Legal timeline</source>
        <translation>Juridisk tidslinje</translation>
    </message>
    <message>
        <source>Entitlements</source>
        <translation>Rettigheder</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakter</translation>
    </message>
    <message>
        <source>Action plans</source>
        <translation>Handleplaner</translation>
    </message>
    <message>
        <source>Clinic visits</source>
        <translation>Klinikbesøg</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historik</translation>
    </message>
</context>
<context>
    <name>PersonWindow</name>
    <message>
        <source>Person record</source>
        <translation>Personsag</translation>
    </message>
    <message>
        <source>Person name</source>
        <translation>Personens navn</translation>
    </message>
    <message>
        <source>Person summary</source>
        <translation>Resumé af person</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Redigér…</translation>
    </message>
    <message>
        <source>Edit person</source>
        <translation>Redigér person</translation>
    </message>
    <message>
        <source>&amp;Archive…</source>
        <translation>&amp;Arkivér…</translation>
    </message>
    <message>
        <source>Archive person</source>
        <translation>Arkivér person</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Luk</translation>
    </message>
    <message>
        <source>Close person record</source>
        <translation>Luk personsag</translation>
    </message>
    <message>
        <source>Safety flags</source>
        <translation>Sikkerhedsmarkeringer</translation>
    </message>
    <message>
        <source>Archived notice</source>
        <translation>Besked om arkivering</translation>
    </message>
    <message>
        <source>Record error</source>
        <translation>Fejl i sagen</translation>
    </message>
    <message>
        <source>Record tabs</source>
        <translation>Faner i sagen</translation>
    </message>
    <message>
        <source>%1 – person record</source>
        <translation>%1 – personsag</translation>
    </message>
    <message>
        <source>age %1</source>
        <translation>%1 år</translation>
    </message>
    <message>
        <source>MINOR</source>
        <translation>MINDREÅRIG</translation>
    </message>
    <message>
        <source>Safety flag</source>
        <translation>Sikkerhedsmarkering</translation>
    </message>
    <message>
        <source>Archived: %1</source>
        <translation>Arkiveret: %1</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Genopret</translation>
    </message>
    <message>
        <source>Restore person</source>
        <translation>Genopret person</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Genopret</translation>
    </message>
    <message>
        <source>Take this person out of the archive?</source>
        <translation>Tag personen ud af arkivet?</translation>
    </message>
    <message>
        <source>Why is the case closed and archived? (required)</source>
        <translation>Hvorfor afsluttes og arkiveres sagen? (skal udfyldes)</translation>
    </message>
    <message>
        <source>Give a reason.</source>
        <translation>Angiv en begrundelse.</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>Kassér ændringer?</translation>
    </message>
    <message>
        <source>You have typed changes that are not saved. Discard them?</source>
        <translation>Du har ændringer, der ikke er gemt. Vil du kassere dem?</translation>
    </message>
</context>
<context>
    <name>PersonsPage</name>
    <message>
        <source>Persons page</source>
        <translation>Personside</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Søg:</translation>
    </message>
    <message>
        <source>Search persons</source>
        <translation>Søg personer</translation>
    </message>
    <message>
        <source>Name, alias, case reference or birth year</source>
        <translation>Navn, alias, sagsnummer eller fødselsår</translation>
    </message>
    <message>
        <source>&amp;New person…</source>
        <translation>&amp;Ny person…</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>Ny person</translation>
    </message>
    <message>
        <source>Register a new person (Ctrl+N)</source>
        <translation>Registrér en ny person (Ctrl+N)</translation>
    </message>
    <message>
        <source>Site filter</source>
        <translation>Filter for sted</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Filter for status</translation>
    </message>
    <message>
        <source>Minor filter</source>
        <translation>Filter for alder</translation>
    </message>
    <message>
        <source>Contact person filter</source>
        <translation>Filter for kontaktperson</translation>
    </message>
    <message>
        <source>Archived filter</source>
        <translation>Filter for arkiv</translation>
    </message>
    <message>
        <source>S&amp;ite:</source>
        <translation>S&amp;ted:</translation>
    </message>
    <message>
        <source>Sta&amp;tus:</source>
        <translation>Stat&amp;us:</translation>
    </message>
    <message>
        <source>&amp;Age:</source>
        <translation>&amp;Alder:</translation>
    </message>
    <message>
        <source>&amp;Contact person:</source>
        <translation>&amp;Kontaktperson:</translation>
    </message>
    <message>
        <source>A&amp;rchive:</source>
        <translation>A&amp;rkiv:</translation>
    </message>
    <message>
        <source>Persons table</source>
        <translation>Persontabel</translation>
    </message>
    <message>
        <source>Result count</source>
        <translation>Antal resultater</translation>
    </message>
    <message>
        <source>Choose columns…</source>
        <translation>Vælg kolonner…</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Minors</source>
        <translation>Mindreårige</translation>
    </message>
    <message>
        <source>Adults</source>
        <translation>Voksne</translation>
    </message>
    <message>
        <source>My caseload</source>
        <translation>Mine sager</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktive</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Arkiveret</translation>
    </message>
    <message>
        <source>Active and archived</source>
        <translation>Aktive og arkiverede</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) found</source>
        <translation>
            <numerusform>%n person fundet</numerusform>
            <numerusform>%n personer fundet</numerusform>
        </translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Kolonner</translation>
    </message>
</context>
<context>
    <name>StartChoiceDialog</name>
    <message>
        <source>Welcome</source>
        <translation>Velkommen</translation>
    </message>
    <message>
        <source>Start choice window</source>
        <translation>Vinduet Startvalg</translation>
    </message>
    <message>
        <source>There is no database on this computer yet. Create one here (for a single workstation), or connect to the shared database of your organisation.</source>
        <translation>Der er endnu ingen database på denne computer. Opret en her (til en enkelt arbejdsstation), eller forbind til jeres organisations fælles database.</translation>
    </message>
    <message>
        <source>Start choice explanation</source>
        <translation>Forklaring om startvalg</translation>
    </message>
    <message>
        <source>Create a new database on this computer</source>
        <translation>Opret en ny database på denne computer</translation>
    </message>
    <message>
        <source>Create a local database</source>
        <translation>Opret en lokal database</translation>
    </message>
    <message>
        <source>Connect to a shared database…</source>
        <translation>Forbind til en fælles database…</translation>
    </message>
    <message>
        <source>Connect to a shared database</source>
        <translation>Forbind til en fælles database</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>This is a demo database of fictional people: open it with “clinic-app demo”.</source>
        <translation>Dette er en demodatabase med fiktive personer: åbn den med “clinic-app demo”.</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Advarsel: %1</translation>
    </message>
    <message>
        <source>This database is not a demo database.</source>
        <translation>Denne database er ikke en demodatabase.</translation>
    </message>
    <message>
        <source>The database key is not in this computer&apos;s keychain.</source>
        <translation>Databasenøglen findes ikke i denne computers nøglering.</translation>
    </message>
    <message>
        <source>Type the recovery key that was printed when the database was set up. The key is then put back in the keychain.</source>
        <translation>Skriv den gendannelsesnøgle, der blev udskrevet, da databasen blev oprettet. Nøglen lægges derefter tilbage i nøgleringen.</translation>
    </message>
    <message>
        <source>This computer has no usable system keychain for the database key.</source>
        <translation>Denne computer har ingen brugbar nøglering til databasenøglen.</translation>
    </message>
    <message>
        <source>Type the recovery key that was printed when the database was set up; it opens the database for this session.</source>
        <translation>Skriv den gendannelsesnøgle, der blev udskrevet, da databasen blev oprettet; den åbner databasen for denne session.</translation>
    </message>
    <message>
        <source>The system keychain could not be read.</source>
        <translation>Systemets nøglering kunne ikke læses.</translation>
    </message>
    <message>
        <source>Unlock the keychain and start again, or type the recovery key.</source>
        <translation>Lås nøgleringen op og start igen, eller skriv gendannelsesnøglen.</translation>
    </message>
    <message>
        <source>The key in this computer&apos;s keychain does not open this database.</source>
        <translation>Nøglen i denne computers nøglering åbner ikke denne database.</translation>
    </message>
    <message>
        <source>Type the recovery key of this database; the right key is then put back in the keychain.</source>
        <translation>Skriv databasens gendannelsesnøgle; den rigtige nøgle lægges derefter tilbage i nøgleringen.</translation>
    </message>
    <message>
        <source>That is not a recovery key.</source>
        <translation>Det er ikke en gendannelsesnøgle.</translation>
    </message>
    <message>
        <source>Check the recovery key and type it again.</source>
        <translation>Kontrollér gendannelsesnøglen og skriv den igen.</translation>
    </message>
    <message>
        <source>The key file (.keywrap) next to the database is missing.</source>
        <translation>Nøglefilen (.keywrap) ved siden af databasen mangler.</translation>
    </message>
    <message>
        <source>Copy the key file back from a backup folder (each backup has its own) next to the database, then start again. Nothing was changed.</source>
        <translation>Kopiér nøglefilen tilbage fra en backupmappe (hver backup har sin egen) ved siden af databasen, og start igen. Intet blev ændret.</translation>
    </message>
    <message>
        <source>The key file (.keywrap) next to the database is damaged.</source>
        <translation>Nøglefilen (.keywrap) ved siden af databasen er beskadiget.</translation>
    </message>
    <message>
        <source>Copy the key file back from a backup folder next to the database, then start again. Nothing was changed.</source>
        <translation>Kopiér nøglefilen tilbage fra en backupmappe ved siden af databasen, og start igen. Intet blev ændret.</translation>
    </message>
    <message>
        <source>The database was created by a newer version of Clinic App.</source>
        <translation>Databasen blev oprettet af en nyere version af Clinic App.</translation>
    </message>
    <message>
        <source>Install the newer version of Clinic App. Nothing was changed.</source>
        <translation>Installér den nyere version af Clinic App. Intet blev ændret.</translation>
    </message>
    <message>
        <source>The database is locked by another program.</source>
        <translation>Databasen er låst af et andet program.</translation>
    </message>
    <message>
        <source>Close the other program (or wait until a backup has finished), then start again. Nothing was changed.</source>
        <translation>Luk det andet program (eller vent, til en backup er færdig), og start igen. Intet blev ændret.</translation>
    </message>
    <message>
        <source>The database is read-only: nothing could be saved.</source>
        <translation>Databasen er skrivebeskyttet: intet kunne gemmes.</translation>
    </message>
    <message>
        <source>Check the permissions of the database file and its folder, or whether the drive is write-protected, then start again.</source>
        <translation>Kontrollér rettighederne til databasefilen og dens mappe, eller om drevet er skrivebeskyttet, og start igen.</translation>
    </message>
    <message>
        <source>The disk is full: nothing could be saved.</source>
        <translation>Disken er fuld: intet kunne gemmes.</translation>
    </message>
    <message>
        <source>Free some space on the drive, then start again. Nothing was lost.</source>
        <translation>Frigør plads på drevet, og start igen. Intet gik tabt.</translation>
    </message>
    <message>
        <source>The database file is missing.</source>
        <translation>Databasefilen mangler.</translation>
    </message>
    <message>
        <source>Restore a backup (Administration or `clinic-app restore`); no empty database is put in its place.</source>
        <translation>Gendan en backup (Administration eller `clinic-app restore`); der lægges ikke en tom database i stedet.</translation>
    </message>
    <message>
        <source>The database file is empty (zero bytes).</source>
        <translation>Databasefilen er tom (nul byte).</translation>
    </message>
    <message>
        <source>Restore a backup; the empty file was not changed.</source>
        <translation>Gendan en backup; den tomme fil blev ikke ændret.</translation>
    </message>
    <message>
        <source>The database location is a folder, not a file.</source>
        <translation>Databasens placering er en mappe, ikke en fil.</translation>
    </message>
    <message>
        <source>Check the database location (--db or CLINIC_APP_DB).</source>
        <translation>Kontrollér databasens placering (--db eller CLINIC_APP_DB).</translation>
    </message>
    <message>
        <source>The file is damaged or is not a Clinic App database.</source>
        <translation>Filen er beskadiget eller er ikke en Clinic App-database.</translation>
    </message>
    <message>
        <source>Restore a backup. Nothing was changed.</source>
        <translation>Gendan en backup. Intet blev ændret.</translation>
    </message>
    <message>
        <source>The file is an unencrypted database, but an encrypted one was expected.</source>
        <translation>Filen er en ukrypteret database, men en krypteret var forventet.</translation>
    </message>
    <message>
        <source>Open it with a sqlite:/// location.</source>
        <translation>Åbn den med en sqlite:///-placering.</translation>
    </message>
    <message>
        <source>The keychain would store the database key in plain text, which is refused.</source>
        <translation>Nøgleringen ville gemme databasenøglen som klartekst, hvilket afvises.</translation>
    </message>
    <message>
        <source>Use the operating system&apos;s keychain, or type the recovery key.</source>
        <translation>Brug styresystemets nøglering, eller skriv gendannelsesnøglen.</translation>
    </message>
    <message>
        <source>This database is protected by a passphrase (no system keychain).</source>
        <translation>Databasen er beskyttet af en adgangssætning (ingen nøglering).</translation>
    </message>
    <message>
        <source>Type the passphrase to open it. If it is forgotten, the recovery key opens it.</source>
        <translation>Skriv adgangssætningen for at åbne den. Er den glemt, åbner gendannelsesnøglen den.</translation>
    </message>
    <message>
        <source>The passphrase does not open this database.</source>
        <translation>Adgangssætningen åbner ikke denne database.</translation>
    </message>
    <message>
        <source>Type it again, or use the recovery key.</source>
        <translation>Skriv den igen, eller brug gendannelsesnøglen.</translation>
    </message>
    <message>
        <source>The passphrase is too short.</source>
        <translation>Adgangssætningen er for kort.</translation>
    </message>
    <message>
        <source>Choose a passphrase of at least 12 characters.</source>
        <translation>Vælg en adgangssætning på mindst 12 tegn.</translation>
    </message>
    <message>
        <source>The database file cannot be opened.</source>
        <translation>Databasefilen kan ikke åbnes.</translation>
    </message>
    <message>
        <source>Check the permissions of the database file and its folder.</source>
        <translation>Kontrollér rettighederne til databasefilen og dens mappe.</translation>
    </message>
    <message>
        <source>The database could not be opened.</source>
        <translation>Databasen kunne ikke åbnes.</translation>
    </message>
    <message>
        <source>Details are in the log file. Nothing was changed.</source>
        <translation>Detaljer står i logfilen. Intet blev ændret.</translation>
    </message>
</context>
<context>
    <name>StartupErrorDialog</name>
    <message>
        <source>The database could not be opened</source>
        <translation>Databasen kunne ikke åbnes</translation>
    </message>
    <message>
        <source>Start-up error window</source>
        <translation>Vindue med startfejl</translation>
    </message>
    <message>
        <source>Choose a passphrase (at least 12 characters): it protects the database key instead of a keychain and is asked at each start. The recovery key is shown next; keep both safe.</source>
        <translation>Vælg en adgangssætning (mindst 12 tegn): den beskytter databasenøglen i stedet for en nøglering og skal skrives ved hver start. Gendannelsesnøglen vises bagefter; opbevar begge sikkert.</translation>
    </message>
    <message>
        <source>Start-up problem</source>
        <translation>Startproblem</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Hvad du skal gøre</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Adgangssætning</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Adgangssætning:</translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation>Gentag adgangssætning</translation>
    </message>
    <message>
        <source>R&amp;epeat passphrase:</source>
        <translation>G&amp;entag adgangssætning:</translation>
    </message>
    <message>
        <source>&amp;Create with this passphrase</source>
        <translation>&amp;Opret med denne adgangssætning</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Åbn</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Gendannelsesnøgle</translation>
    </message>
    <message>
        <source>&amp;Recovery key:</source>
        <translation>&amp;Gendannelsesnøgle:</translation>
    </message>
    <message>
        <source>&amp;Open with the recovery key</source>
        <translation>&amp;Åbn med gendannelsesnøglen</translation>
    </message>
    <message>
        <source>Open with the recovery key</source>
        <translation>Åbn med gendannelsesnøglen</translation>
    </message>
    <message>
        <source>Recovery key error</source>
        <translation>Fejl i gendannelsesnøgle</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Afslut</translation>
    </message>
    <message>
        <source>The passphrases differ.</source>
        <translation>Adgangssætningerne er forskellige.</translation>
    </message>
    <message>
        <source>Type the passphrase.</source>
        <translation>Skriv adgangssætningen.</translation>
    </message>
    <message>
        <source>Type the recovery key.</source>
        <translation>Skriv gendannelsesnøglen.</translation>
    </message>
    <message>
        <source>This recovery key does not open the database.</source>
        <translation>Denne gendannelsesnøgle åbner ikke databasen.</translation>
    </message>
    <message>
        <source>That is not a recovery key: check it and type it again.</source>
        <translation>Det er ikke en gendannelsesnøgle: kontrollér den og skriv den igen.</translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <source>Due</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Forklaring</translation>
    </message>
    <message>
        <source>Rule set</source>
        <translation>Regelsæt</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Hændelse</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Noter</translation>
    </message>
    <message>
        <source>Legal timeline</source>
        <translation>Juridisk tidslinje</translation>
    </message>
    <message>
        <source>Status today</source>
        <translation>Status i dag</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Identification</source>
        <translation>Identifikation</translation>
    </message>
    <message>
        <source>Legal stay</source>
        <translation>Lovligt ophold</translation>
    </message>
    <message>
        <source>Reflection period</source>
        <translation>Refleksionsperiode</translation>
    </message>
    <message>
        <source>Residence permit</source>
        <translation>Opholdstilladelse</translation>
    </message>
    <message>
        <source>Asylum</source>
        <translation>Asyl</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Hjemrejse</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alder</translation>
    </message>
    <message>
        <source>Problems in the history</source>
        <translation>Problemer i historikken</translation>
    </message>
    <message>
        <source>Manual review</source>
        <translation>Manuel gennemgang</translation>
    </message>
    <message>
        <source>Notes beside the status</source>
        <translation>Bemærkninger til status</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>Frister</translation>
    </message>
    <message>
        <source>Case events</source>
        <translation>Sagshændelser</translation>
    </message>
    <message>
        <source>A&amp;dd event…</source>
        <translation>Tilføj &amp;hændelse…</translation>
    </message>
    <message>
        <source>Add event</source>
        <translation>Tilføj hændelse</translation>
    </message>
    <message>
        <source>&amp;Void event…</source>
        <translation>A&amp;nnullér hændelse…</translation>
    </message>
    <message>
        <source>Void event</source>
        <translation>Annullér hændelse</translation>
    </message>
    <message>
        <source>decided by: %1</source>
        <translation>afgøres af: %1</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>ikke registreret</translation>
    </message>
    <message>
        <source>EXPECTED (requested %1, not granted); granted until %2</source>
        <translation>FORVENTET (søgt %1, ikke meddelt); meddelt til %2</translation>
    </message>
    <message>
        <source>granted</source>
        <translation>meddelt</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 dage</translation>
    </message>
    <message>
        <source>at most until %1</source>
        <translation>højst til %1</translation>
    </message>
    <message>
        <source>valid until %1</source>
        <translation>gyldig til %1</translation>
    </message>
    <message>
        <source>renewed %1 times</source>
        <translation>forlænget %1 gange</translation>
    </message>
    <message>
        <source>departed %1</source>
        <translation>udrejst %1</translation>
    </message>
    <message>
        <source>cooperates on return since %1</source>
        <translation>samarbejder om hjemrejse siden %1</translation>
    </message>
    <message>
        <source>follow-up until %1</source>
        <translation>opfølgning til %1</translation>
    </message>
    <message>
        <source>(minor)</source>
        <translation>(mindreårig)</translation>
    </message>
    <message>
        <source>turns 18 between %1 and %2</source>
        <translation>fylder 18 mellem %1 og %2</translation>
    </message>
    <message>
        <source>History needs correction: deadlines below are unreliable and status documents cannot be printed until it is corrected.</source>
        <translation>Historikken skal rettes: fristerne nedenfor er upålidelige, og statusdokumenter kan ikke udskrives, før den er rettet.</translation>
    </message>
    <message>
        <source>(expected)</source>
        <translation>(forventet)</translation>
    </message>
    <message>
        <source>(unreliable)</source>
        <translation>(upålidelig)</translation>
    </message>
    <message>
        <source>Select an event first.</source>
        <translation>Vælg først en hændelse.</translation>
    </message>
    <message>
        <source>Why is this event wrong? It stays in the history, marked void.</source>
        <translation>Hvorfor er hændelsen forkert? Den bliver i historikken, markeret som annulleret.</translation>
    </message>
    <message>
        <source>Give a reason.</source>
        <translation>Angiv en begrundelse.</translation>
    </message>
</context>
</TS>
