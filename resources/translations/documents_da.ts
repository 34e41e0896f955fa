<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>Areas</name>
    <message>
        <source>Documents</source>
        <translation>Dokumenter</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Record consent</source>
        <translation>Registrér samtykke</translation>
    </message>
    <message>
        <source>Consent recipient</source>
        <translation>Samtykkets modtager</translation>
    </message>
    <message>
        <source>Any partner of the kind: %1</source>
        <translation>Enhver samarbejdspartner af typen: %1</translation>
    </message>
    <message>
        <source>Consent purpose</source>
        <translation>Samtykkets formål</translation>
    </message>
    <message>
        <source>Data: %1</source>
        <translation>Oplysninger: %1</translation>
    </message>
    <message>
        <source>Data that may be shared</source>
        <translation>Oplysninger, der må videregives</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Gyldigt fra</translation>
    </message>
    <message>
        <source>&amp;Ends on</source>
        <translation>&amp;Udløber den</translation>
    </message>
    <message>
        <source>Consent has an end date</source>
        <translation>Samtykket har en slutdato</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gyldigt til</translation>
    </message>
    <message>
        <source>What the person agreed to</source>
        <translation>Hvad personen har givet samtykke til</translation>
    </message>
    <message>
        <source>Consent error</source>
        <translation>Fejl i samtykke</translation>
    </message>
    <message>
        <source>&amp;Save consent</source>
        <translation>&amp;Gem samtykke</translation>
    </message>
    <message>
        <source>Save consent</source>
        <translation>Gem samtykke</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
    <message>
        <source>&amp;Recipient:</source>
        <translation>&amp;Modtager:</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>&amp;Formål:</translation>
    </message>
    <message>
        <source>Valid &amp;from:</source>
        <translation>Gyldigt f&amp;ra:</translation>
    </message>
    <message>
        <source>&amp;Agreed words:</source>
        <translation>&amp;Aftalt ordlyd:</translation>
    </message>
    <message>
        <source>Tick at least one kind of data.</source>
        <translation>Markér mindst én slags oplysninger.</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>Slutdatoen ligger før startdatoen.</translation>
    </message>
</context>
<context>
    <name>DocumentLabels</name>
    <message>
        <source>Individual action plan</source>
        <translation>Individuel handlingsplan</translation>
    </message>
    <message>
        <source>Health referral letter</source>
        <translation>Henvisning til sundhedsbehandling</translation>
    </message>
    <message>
        <source>Status confirmation</source>
        <translation>Bekræftelse af status</translation>
    </message>
    <message>
        <source>Consent form</source>
        <translation>Samtykkeerklæring</translation>
    </message>
    <message>
        <source>Referral to IOM (assisted return)</source>
        <translation>Henvisning til IOM (assisteret hjemrejse)</translation>
    </message>
    <message>
        <source>Case summary for the guardian</source>
        <translation>Sagsresumé til værgen</translation>
    </message>
    <message>
        <source>Visit summary</source>
        <translation>Besøgsresumé</translation>
    </message>
    <message>
        <source>Access report (own data)</source>
        <translation>Indsigtsrapport (egne oplysninger)</translation>
    </message>
    <message>
        <source>Statistics summary</source>
        <translation>Statistikresumé</translation>
    </message>
    <message>
        <source>police</source>
        <translation>politi</translation>
    </message>
    <message>
        <source>immigration</source>
        <translation>udlændingemyndighed</translation>
    </message>
    <message>
        <source>lawyer</source>
        <translation>advokat</translation>
    </message>
    <message>
        <source>health</source>
        <translation>sundhed</translation>
    </message>
    <message>
        <source>IOM</source>
        <translation>IOM</translation>
    </message>
    <message>
        <source>NGO</source>
        <translation>NGO</translation>
    </message>
    <message>
        <source>municipality</source>
        <translation>kommune</translation>
    </message>
    <message>
        <source>authority</source>
        <translation>myndighed</translation>
    </message>
    <message>
        <source>Confirm legal status</source>
        <translation>Bekræfte retsstilling</translation>
    </message>
    <message>
        <source>Coordinate support (action plan)</source>
        <translation>Koordinere støtte (handleplan)</translation>
    </message>
    <message>
        <source>Health care</source>
        <translation>Sundhedsbehandling</translation>
    </message>
    <message>
        <source>Assisted voluntary return</source>
        <translation>Assisteret frivillig hjemrejse</translation>
    </message>
    <message>
        <source>Identity (name)</source>
        <translation>Identitet (navn)</translation>
    </message>
    <message>
        <source>Legal status</source>
        <translation>Retsstilling</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Helbred</translation>
    </message>
    <message>
        <source>Action plan</source>
        <translation>Handleplan</translation>
    </message>
    <message>
        <source>Contact details</source>
        <translation>Kontaktoplysninger</translation>
    </message>
    <message>
        <source>Whereabouts</source>
        <translation>Opholdssted</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>udskrevet</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>gemt</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>eksporteret</translation>
    </message>
</context>
<context>
    <name>DocumentLogPanel</name>
    <message>
        <source>Filter by document type</source>
        <translation>Filtrér efter dokumenttype</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>Alle dokumenter</translation>
    </message>
    <message>
        <source>Filter by recipient</source>
        <translation>Filtrér efter modtager</translation>
    </message>
    <message>
        <source>&amp;Only shared without consent</source>
        <translation>&amp;Kun videregivet uden samtykke</translation>
    </message>
    <message>
        <source>Only shared without consent</source>
        <translation>Kun videregivet uden samtykke</translation>
    </message>
    <message>
        <source>Document log</source>
        <translation>Dokumentlog</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Hvornår</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Sag</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Modtager</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Af</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Sider</translation>
    </message>
    <message>
        <source>Reason without consent</source>
        <translation>Begrundelse uden samtykke</translation>
    </message>
    <message>
        <source>Log entries</source>
        <translation>Poster i loggen</translation>
    </message>
    <message>
        <source>Document log message</source>
        <translation>Meddelelse om dokumentloggen</translation>
    </message>
    <message>
        <source>&amp;Document:</source>
        <translation>&amp;Dokument:</translation>
    </message>
    <message>
        <source>&amp;Recipient:</source>
        <translation>&amp;Modtager:</translation>
    </message>
    <message>
        <source>All recipients</source>
        <translation>Alle modtagere</translation>
    </message>
    <message>
        <source>Only team leads and administrators see the whole log. Each person&apos;s record shows the documents printed about them.</source>
        <translation>Kun teamledere og administratorer ser hele loggen. Hver persons journal viser de dokumenter, der er udskrevet om personen.</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n dokument</numerusform>
            <numerusform>%n dokumenter</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <source>Documents sections</source>
        <translation>Dokumentafsnit</translation>
    </message>
    <message>
        <source>Document &amp;log</source>
        <translation>Dokument&amp;log</translation>
    </message>
    <message>
        <source>&amp;Partners</source>
        <translation>&amp;Samarbejdspartnere</translation>
    </message>
    <message>
        <source>Le&amp;tterhead</source>
        <translation>&amp;Brevhoved</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Udskriv…</translation>
    </message>
    <message>
        <source>Print document</source>
        <translation>Udskriv dokument</translation>
    </message>
    <message>
        <source>&amp;Record consent…</source>
        <translation>Registrér &amp;samtykke…</translation>
    </message>
    <message>
        <source>Record consent</source>
        <translation>Registrér samtykke</translation>
    </message>
    <message>
        <source>&amp;Withdraw consent</source>
        <translation>&amp;Tilbagekald samtykke</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation>Tilbagekald samtykke</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Samtykker</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Modtager</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Formål</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Oplysninger</translation>
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
        <source>State</source>
        <translation>Tilstand</translation>
    </message>
    <message>
        <source>Documents printed</source>
        <translation>Udskrevne dokumenter</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Hvornår</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Af</translation>
    </message>
    <message>
        <source>Reason without consent</source>
        <translation>Begrundelse uden samtykke</translation>
    </message>
    <message>
        <source>Documents error</source>
        <translation>Fejl ved dokumenter</translation>
    </message>
    <message>
        <source>Consents to share information</source>
        <translation>Samtykker til videregivelse af oplysninger</translation>
    </message>
    <message>
        <source>Documents printed or saved</source>
        <translation>Udskrevne eller gemte dokumenter</translation>
    </message>
    <message>
        <source>Any partner of the kind: %1</source>
        <translation>Enhver samarbejdspartner af typen: %1</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>tilbagekaldt</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>gældende</translation>
    </message>
    <message>
        <source>not in force</source>
        <translation>ikke gældende</translation>
    </message>
    <message>
        <source>until withdrawn</source>
        <translation>indtil tilbagekaldelse</translation>
    </message>
    <message>
        <source>Select the consent to withdraw.</source>
        <translation>Vælg det samtykke, der skal tilbagekaldes.</translation>
    </message>
    <message>
        <source>The person withdraws this consent. Documents can no longer be shared on it.</source>
        <translation>Personen tilbagekalder dette samtykke. Der kan ikke længere videregives dokumenter på grundlag af det.</translation>
    </message>
</context>
<context>
    <name>LetterheadPanel</name>
    <message>
        <source>Organisation name</source>
        <translation>Organisationens navn</translation>
    </message>
    <message>
        <source>Organisation address</source>
        <translation>Organisationens adresse</translation>
    </message>
    <message>
        <source>Organisation phone</source>
        <translation>Organisationens telefon</translation>
    </message>
    <message>
        <source>Organisation email</source>
        <translation>Organisationens e-mail</translation>
    </message>
    <message>
        <source>Letterhead error</source>
        <translation>Fejl i brevhoved</translation>
    </message>
    <message>
        <source>&amp;Save letterhead</source>
        <translation>Ge&amp;m brevhoved</translation>
    </message>
    <message>
        <source>Save letterhead</source>
        <translation>Gem brevhoved</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>Pho&amp;ne:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>Letterhead saved.</source>
        <translation>Brevhovedet er gemt.</translation>
    </message>
</context>
<context>
    <name>PartnerPanel</name>
    <message>
        <source>Partners</source>
        <translation>Samarbejdspartnere</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>May receive</source>
        <translation>Må modtage</translation>
    </message>
    <message>
        <source>Partner name</source>
        <translation>Partnerens navn</translation>
    </message>
    <message>
        <source>Partner kind</source>
        <translation>Partnerens type</translation>
    </message>
    <message>
        <source>Partner phone</source>
        <translation>Partnerens telefon</translation>
    </message>
    <message>
        <source>Partner email</source>
        <translation>Partnerens e-mail</translation>
    </message>
    <message>
        <source>Partner address</source>
        <translation>Partnerens adresse</translation>
    </message>
    <message>
        <source>Partner notes</source>
        <translation>Noter om partneren</translation>
    </message>
    <message>
        <source>Contact name</source>
        <translation>Kontaktpersonens navn</translation>
    </message>
    <message>
        <source>Contact role</source>
        <translation>Kontaktpersonens rolle</translation>
    </message>
    <message>
        <source>Partner error</source>
        <translation>Fejl ved partner</translation>
    </message>
    <message>
        <source>Ne&amp;w partner</source>
        <translation>N&amp;y partner</translation>
    </message>
    <message>
        <source>New partner</source>
        <translation>Ny partner</translation>
    </message>
    <message>
        <source>&amp;Save partner</source>
        <translation>Gem &amp;partner</translation>
    </message>
    <message>
        <source>Save partner</source>
        <translation>Gem partner</translation>
    </message>
    <message>
        <source>Add &amp;contact</source>
        <translation>Tilføj &amp;kontakt</translation>
    </message>
    <message>
        <source>Add contact</source>
        <translation>Tilføj kontakt</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Navn:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <source>Ph&amp;one:</source>
        <translation>Tel&amp;efon:</translation>
    </message>
    <message>
        <source>E&amp;mail:</source>
        <translation>E-&amp;mail:</translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation>A&amp;dresse:</translation>
    </message>
    <message>
        <source>Not&amp;es:</source>
        <translation>N&amp;oter:</translation>
    </message>
    <message>
        <source>Contact n&amp;ame:</source>
        <translation>Kontaktn&amp;avn:</translation>
    </message>
    <message>
        <source>Contact &amp;role:</source>
        <translation>Kontakt&amp;rolle:</translation>
    </message>
    <message>
        <source>Partner saved.</source>
        <translation>Partneren er gemt.</translation>
    </message>
    <message>
        <source>A partner with this name exists.</source>
        <translation>Der findes allerede en partner med dette navn.</translation>
    </message>
    <message>
        <source>Not an e-mail address.</source>
        <translation>Ikke en e-mailadresse.</translation>
    </message>
    <message>
        <source>Contact added.</source>
        <translation>Kontakten er tilføjet.</translation>
    </message>
</context>
<context>
    <name>PersonTabs</name>
    <message>
        <source>Documents</source>
        <translation>Dokumenter</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <source>Print document</source>
        <translation>Udskriv dokument</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Dokumenttype</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Modtager</translation>
    </message>
    <message>
        <source>Document language</source>
        <translation>Dokumentets sprog</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Engelsk</translation>
    </message>
    <message>
        <source>Danish</source>
        <translation>Dansk</translation>
    </message>
    <message>
        <source>&amp;Include the person&apos;s name</source>
        <translation>&amp;Medtag personens navn</translation>
    </message>
    <message>
        <source>Include name</source>
        <translation>Medtag navn</translation>
    </message>
    <message>
        <source>Print the dra&amp;ft instead of the agreed plan</source>
        <translation>Udskriv ud&amp;kastet i stedet for den aftalte plan</translation>
    </message>
    <message>
        <source>Print the draft</source>
        <translation>Udskriv udkastet</translation>
    </message>
    <message>
        <source>Sharing status</source>
        <translation>Status for videregivelse</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Retsgrundlag</translation>
    </message>
    <message>
        <source>&amp;Reason for sharing without consent:</source>
        <translation>&amp;Begrundelse for videregivelse uden samtykke:</translation>
    </message>
    <message>
        <source>Reason for sharing without consent</source>
        <translation>Begrundelse for videregivelse uden samtykke</translation>
    </message>
    <message>
        <source>&amp;Document:</source>
        <translation>&amp;Dokument:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Til:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprog:</translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation>&amp;Vis udkast</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vis udkast</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Udskriv…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Udskriv</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Gem som PDF…</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Gem som PDF</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <source>Document preview</source>
        <translation>Forhåndsvisning af dokument</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Sider</translation>
    </message>
    <message>
        <source>Print error</source>
        <translation>Fejl ved udskrivning</translation>
    </message>
    <message>
        <source>The visitor (own copy)</source>
        <translation>Den besøgende (egen kopi)</translation>
    </message>
    <message>
        <source>The current guardian</source>
        <translation>Den nuværende værge</translation>
    </message>
    <message>
        <source>The person (own copy)</source>
        <translation>Personen selv (egen kopi)</translation>
    </message>
    <message>
        <source>No partner in the directory may receive this document.</source>
        <translation>Ingen samarbejdspartner i registret må modtage dette dokument.</translation>
    </message>
    <message>
        <source>Legal basis: %1</source>
        <translation>Retsgrundlag: %1</translation>
    </message>
    <message>
        <source>This partner may not receive this kind of document.</source>
        <translation>Denne samarbejdspartner må ikke modtage denne slags dokument.</translation>
    </message>
    <message>
        <source>This document cannot be addressed to this recipient.</source>
        <translation>Dette dokument kan ikke stiles til denne modtager.</translation>
    </message>
    <message>
        <source>The case summary goes only to the current guardian of a person under 18; there is no current guardianship.</source>
        <translation>Sagsresuméet gives kun til den nuværende værge for en person under 18 år; der er ikke noget nuværende værgemål.</translation>
    </message>
    <message>
        <source>The person has not given a valid consent that covers this partner, the purpose and the data in this document. Without it the document cannot be shared with this partner. Record the consent first, or choose another recipient.</source>
        <translation>Personen har ikke givet et gyldigt samtykke, der dækker denne samarbejdspartner, formålet og oplysningerne i dette dokument. Uden samtykke kan dokumentet ikke videregives til denne partner. Registrér først samtykket, eller vælg en anden modtager.</translation>
    </message>
    <message>
        <source>There is no consent, but the law allows sharing in this case with a stated reason. Give the reason below: it is kept in the document log.</source>
        <translation>Der er intet samtykke, men loven tillader videregivelse i dette tilfælde med en angivet begrundelse. Skriv begrundelsen nedenfor: den gemmes i dokumentloggen.</translation>
    </message>
    <message>
        <source>Your role does not allow printing this document for this person.</source>
        <translation>Din rolle tillader ikke at udskrive dette dokument for denne person.</translation>
    </message>
    <message>
        <source>This document cannot be printed for this recipient.</source>
        <translation>Dette dokument kan ikke udskrives til denne modtager.</translation>
    </message>
    <message>
        <source>Preparing the document…</source>
        <translation>Dokumentet klargøres…</translation>
    </message>
    <message>
        <source>The document cannot be printed for this recipient.</source>
        <translation>Dokumentet kan ikke udskrives til denne modtager.</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n side</numerusform>
            <numerusform>%n sider</numerusform>
        </translation>
    </message>
    <message>
        <source>The file could not be written. Nothing was saved.</source>
        <translation>Filen kunne ikke skrives. Intet blev gemt.</translation>
    </message>
    <message>
        <source>Document saved and logged.</source>
        <translation>Dokumentet er gemt og logført.</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gemt i %1</translation>
    </message>
    <message>
        <source>The printer could not be used. The attempt is in the document log.</source>
        <translation>Printeren kunne ikke bruges. Forsøget står i dokumentloggen.</translation>
    </message>
    <message>
        <source>Document sent to the printer and logged.</source>
        <translation>Dokumentet er sendt til printeren og logført.</translation>
    </message>
    <message>
        <source>Not printed or saved: the sharing is no longer allowed.</source>
        <translation>Ikke udskrevet eller gemt: videregivelsen er ikke længere tilladt.</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Save document as PDF</source>
        <translation>Gem dokument som PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-dokumenter (*.pdf)</translation>
    </message>
</context>
</TS>
