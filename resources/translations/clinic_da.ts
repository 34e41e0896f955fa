<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>ClinicErrors</name>
    <message>
        <source>This field is required.</source>
        <translation>Feltet skal udfyldes.</translation>
    </message>
    <message>
        <source>The text is too long.</source>
        <translation>Teksten er for lang.</translation>
    </message>
    <message>
        <source>Contains invisible control characters.</source>
        <translation>Indeholder usynlige kontroltegn.</translation>
    </message>
    <message>
        <source>Unknown country code.</source>
        <translation>Ukendt landekode.</translation>
    </message>
    <message>
        <source>Use a language code such as ro or uk.</source>
        <translation>Brug en sprogkode som ro eller uk.</translation>
    </message>
    <message>
        <source>The date is in the future.</source>
        <translation>Datoen ligger i fremtiden.</translation>
    </message>
    <message>
        <source>Enter a date as YYYY-MM-DD or +days.</source>
        <translation>Skriv en dato som ÅÅÅÅ-MM-DD eller +dage.</translation>
    </message>
    <message>
        <source>The follow-up is before the visit.</source>
        <translation>Opfølgningen ligger før besøget.</translation>
    </message>
    <message>
        <source>Unknown service.</source>
        <translation>Ukendt ydelse.</translation>
    </message>
    <message>
        <source>Choose a clinic or mobile unit.</source>
        <translation>Vælg en klinik eller en mobil enhed.</translation>
    </message>
    <message>
        <source>Visits are recorded at a clinic or a mobile unit.</source>
        <translation>Besøg registreres på en klinik eller en mobil enhed.</translation>
    </message>
    <message>
        <source>Outings are made by a mobile unit.</source>
        <translation>Udkørsler foretages af en mobil enhed.</translation>
    </message>
    <message>
        <source>No visitor has this code.</source>
        <translation>Ingen besøgende har denne kode.</translation>
    </message>
    <message>
        <source>Fewer contacts than the rows recorded below.</source>
        <translation>Færre kontakter end rækkerne registreret nedenfor.</translation>
    </message>
    <message>
        <source>The value is not plausible.</source>
        <translation>Værdien er ikke sandsynlig.</translation>
    </message>
    <message>
        <source>Choose what kind of care.</source>
        <translation>Vælg hvilken slags behandling.</translation>
    </message>
    <message>
        <source>Unknown partner.</source>
        <translation>Ukendt samarbejdspartner.</translation>
    </message>
    <message>
        <source>Enter an age in years, or leave it empty.</source>
        <translation>Skriv en alder i år, eller lad feltet stå tomt.</translation>
    </message>
    <message>
        <source>Choose a visitor or a registered person, or create a new visitor.</source>
        <translation>Vælg en besøgende eller en registreret person, eller opret en ny besøgende.</translation>
    </message>
    <message>
        <source>A visit is either a person&apos;s or a visitor&apos;s.</source>
        <translation>Et besøg hører enten til en person eller til en besøgende.</translation>
    </message>
    <message>
        <source>Which language was interpreted?</source>
        <translation>Hvilket sprog blev der tolket til?</translation>
    </message>
    <message>
        <source>Give the reason for the referral.</source>
        <translation>Angiv årsagen til henvisningen.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>Du har ikke adgang til at gøre dette.</translation>
    </message>
    <message>
        <source>Not found: it may have been removed.</source>
        <translation>Ikke fundet: det er måske blevet fjernet.</translation>
    </message>
    <message>
        <source>Someone else changed this in the meantime. Reload and try again.</source>
        <translation>En anden har ændret dette i mellemtiden. Genindlæs og prøv igen.</translation>
    </message>
    <message>
        <source>The database could not be written: nothing was saved.</source>
        <translation>Der kunne ikke skrives til databasen: intet blev gemt.</translation>
    </message>
    <message>
        <source>Something went wrong: nothing was saved.</source>
        <translation>Noget gik galt: intet blev gemt.</translation>
    </message>
</context>
<context>
    <name>ClinicLabels</name>
    <message>
        <source>Consultation</source>
        <translation>Konsultation</translation>
    </message>
    <message>
        <source>STI testing</source>
        <translation>Test for kønssygdomme</translation>
    </message>
    <message>
        <source>Pregnancy test</source>
        <translation>Graviditetstest</translation>
    </message>
    <message>
        <source>Contraception</source>
        <translation>Prævention</translation>
    </message>
    <message>
        <source>Vaccination</source>
        <translation>Vaccination</translation>
    </message>
    <message>
        <source>Wound care</source>
        <translation>Sårpleje</translation>
    </message>
    <message>
        <source>Psychosocial talk</source>
        <translation>Psykosocial samtale</translation>
    </message>
    <message>
        <source>Counselling on rights</source>
        <translation>Rådgivning om rettigheder</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Henvisning</translation>
    </message>
    <message>
        <source>Age unknown</source>
        <translation>Alder ukendt</translation>
    </message>
    <message>
        <source>Under 18</source>
        <translation>Under 18</translation>
    </message>
    <message>
        <source>18–24</source>
        <translation>18–24</translation>
    </message>
    <message>
        <source>25–34</source>
        <translation>25–34</translation>
    </message>
    <message>
        <source>35–44</source>
        <translation>35–44</translation>
    </message>
    <message>
        <source>45 or older</source>
        <translation>45 eller ældre</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Fremmødetolk</translation>
    </message>
    <message>
        <source>By phone</source>
        <translation>Telefontolk</translation>
    </message>
    <message>
        <source>By video</source>
        <translation>Videotolk</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>Rutine</translation>
    </message>
    <message>
        <source>Soon</source>
        <translation>Snarest</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Akut</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åben</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Udført</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulleret</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Læge</translation>
    </message>
    <message>
        <source>Dentist</source>
        <translation>Tandlæge</translation>
    </message>
    <message>
        <source>Psychologist</source>
        <translation>Psykolog</translation>
    </message>
    <message>
        <source>Psychiatrist</source>
        <translation>Psykiater</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>Hospital</translation>
    </message>
    <message>
        <source>Physiotherapist</source>
        <translation>Fysioterapeut</translation>
    </message>
    <message>
        <source>Specialist</source>
        <translation>Speciallæge</translation>
    </message>
    <message>
        <source>General practice</source>
        <translation>Almen praksis</translation>
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
        <source>the Immigration Service</source>
        <translation>Udlændingestyrelsen</translation>
    </message>
    <message>
        <source>the Centre against Human Trafficking</source>
        <translation>Center mod Menneskehandel</translation>
    </message>
    <message>
        <source>her own insurance</source>
        <translation>hendes egen forsikring</translation>
    </message>
    <message>
        <source>national health insurance</source>
        <translation>den offentlige sygesikring</translation>
    </message>
    <message>
        <source>the municipality</source>
        <translation>kommunen</translation>
    </message>
    <message>
        <source>no source says who pays</source>
        <translation>ingen kilde siger, hvem der betaler</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Ryd</translation>
    </message>
</context>
<context>
    <name>ClinicPage</name>
    <message>
        <source>Clinic page</source>
        <translation>Klinikside</translation>
    </message>
    <message>
        <source>S&amp;ite:</source>
        <translation>S&amp;ted:</translation>
    </message>
    <message>
        <source>Clinic site</source>
        <translation>Klinik</translation>
    </message>
    <message>
        <source>Da&amp;y:</source>
        <translation>&amp;Dag:</translation>
    </message>
    <message>
        <source>Day shown</source>
        <translation>Vist dag</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <source>Show today</source>
        <translation>Vis i dag</translation>
    </message>
    <message>
        <source>&amp;Mobile outing…</source>
        <translation>&amp;Mobil udkørsel…</translation>
    </message>
    <message>
        <source>Record mobile outing</source>
        <translation>Registrér mobil udkørsel</translation>
    </message>
    <message>
        <source>Clinic page message</source>
        <translation>Besked på kliniksiden</translation>
    </message>
    <message>
        <source>Clinic views</source>
        <translation>Klinikvisninger</translation>
    </message>
    <message>
        <source>Visits of the day</source>
        <translation>Dagens besøg</translation>
    </message>
    <message>
        <source>Visit count</source>
        <translation>Antal besøg</translation>
    </message>
    <message>
        <source>Correct visit…</source>
        <translation>Ret besøg…</translation>
    </message>
    <message>
        <source>Correct visit</source>
        <translation>Ret besøg</translation>
    </message>
    <message>
        <source>Load the selected visit into the form to correct it</source>
        <translation>Hent det valgte besøg ind i formularen for at rette det</translation>
    </message>
    <message>
        <source>Void visit…</source>
        <translation>Annullér besøg…</translation>
    </message>
    <message>
        <source>Void visit</source>
        <translation>Annullér besøg</translation>
    </message>
    <message>
        <source>Remove a visit recorded in error (the audit log keeps who did it and why)</source>
        <translation>Fjern et besøg registreret ved en fejl (revisionsloggen gemmer hvem og hvorfor)</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Besøg</translation>
    </message>
    <message>
        <source>Daily summary</source>
        <translation>Dagsoversigt</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Oversigt</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Henvisninger</translation>
    </message>
    <message>
        <source>Visitor history</source>
        <translation>Besøgshistorik</translation>
    </message>
    <message>
        <source>Visit form area</source>
        <translation>Område med besøgsformular</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Ydelser</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Årsag</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Opfølgning</translation>
    </message>
    <message>
        <source>Outing</source>
        <translation>Udkørsel</translation>
    </message>
    <message>
        <source>No clinic or mobile unit is set up yet.</source>
        <translation>Der er endnu ikke oprettet en klinik eller mobil enhed.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n besøg</numerusform>
            <numerusform>%n besøg</numerusform>
        </translation>
    </message>
    <message>
        <source>No visits recorded at this site on this day.</source>
        <translation>Ingen besøg registreret på dette sted denne dag.</translation>
    </message>
    <message>
        <source>Visits: %1</source>
        <translation>Besøg: %1</translation>
    </message>
    <message>
        <source>Registered persons: %1</source>
        <translation>Registrerede personer: %1</translation>
    </message>
    <message>
        <source>Anonymous visitors: %1 (new: %2)</source>
        <translation>Anonyme besøgende: %1 (nye: %2)</translation>
    </message>
    <message>
        <source>Referrals made: %1</source>
        <translation>Henvisninger: %1</translation>
    </message>
    <message>
        <source>Follow-ups due: %1</source>
        <translation>Opfølgninger i dag: %1</translation>
    </message>
    <message>
        <source>Outings: %1, contacts made: %2</source>
        <translation>Udkørsler: %1, kontakter: %2</translation>
    </message>
    <message>
        <source>Services:</source>
        <translation>Ydelser:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>Select a visit in the list first.</source>
        <translation>Vælg først et besøg på listen.</translation>
    </message>
    <message>
        <source>The form holds unsaved input, which will be discarded. Continue?</source>
        <translation>Formularen indeholder ikke-gemte oplysninger, som vil blive kasseret. Fortsæt?</translation>
    </message>
    <message>
        <source>Void the visit of %1 at %2? It is removed from the day, her history and the statistics; the audit log keeps who voided it and why. Why is it void?</source>
        <translation>Annullér besøget for %1 kl. %2? Det fjernes fra dagen, hendes historik og statistikken; revisionsloggen gemmer hvem der annullerede det og hvorfor. Hvorfor annulleres det?</translation>
    </message>
    <message>
        <source>Not voided: give the reason.</source>
        <translation>Ikke annulleret: angiv begrundelsen.</translation>
    </message>
    <message>
        <source>The visit was voided.</source>
        <translation>Besøget blev annulleret.</translation>
    </message>
    <message numerus="yes">
        <source>Outing saved: %n contact(s) recorded.</source>
        <translation>
            <numerusform>Udkørsel gemt: %n kontakt registreret.</numerusform>
            <numerusform>Udkørsel gemt: %n kontakter registreret.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewCardCode</name>
    <message>
        <source>New card code panel</source>
        <translation>Panel med ny kortkode</translation>
    </message>
    <message>
        <source>Her card code (write it on her card, she gives it next time):</source>
        <translation>Hendes kortkode (skriv den på hendes kort, hun oplyser den næste gang):</translation>
    </message>
    <message>
        <source>New card code explanation</source>
        <translation>Forklaring til ny kortkode</translation>
    </message>
    <message>
        <source>New card code</source>
        <translation>Ny kortkode</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopiér</translation>
    </message>
    <message>
        <source>Copy card code</source>
        <translation>Kopiér kortkode</translation>
    </message>
    <message>
        <source>Print card…</source>
        <translation>Udskriv kort…</translation>
    </message>
    <message>
        <source>Print card</source>
        <translation>Udskriv kort</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Færdig</translation>
    </message>
    <message>
        <source>Hide card code</source>
        <translation>Skjul kortkode</translation>
    </message>
</context>
<context>
    <name>OpenReferralsView</name>
    <message>
        <source>Open referrals</source>
        <translation>Åbne henvisninger</translation>
    </message>
    <message>
        <source>Open referrals table</source>
        <translation>Tabel over åbne henvisninger</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Markér som udført</translation>
    </message>
    <message>
        <source>Mark referral done</source>
        <translation>Markér henvisning som udført</translation>
    </message>
    <message>
        <source>Cancel referral</source>
        <translation>Annullér henvisning</translation>
    </message>
    <message>
        <source>Referrals status</source>
        <translation>Status for henvisninger</translation>
    </message>
    <message>
        <source>Made on</source>
        <translation>Oprettet</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Hast</translation>
    </message>
    <message>
        <source>Referred to</source>
        <translation>Henvist til</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Samarbejdspartner</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Sted</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Årsag</translation>
    </message>
    <message numerus="yes">
        <source>%n open referral(s)</source>
        <translation>
            <numerusform>%n åben henvisning</numerusform>
            <numerusform>%n åbne henvisninger</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a referral first.</source>
        <translation>Vælg først en henvisning.</translation>
    </message>
    <message>
        <source>Mark the referral of %1 to %2 as done? It leaves the open list.</source>
        <translation>Markér henvisningen af %1 til %2 som udført? Den forsvinder fra listen over åbne.</translation>
    </message>
    <message>
        <source>Cancel the referral of %1 to %2? It leaves the open list and cannot be reopened; a new referral would be needed.</source>
        <translation>Annullér henvisningen af %1 til %2? Den forsvinder fra listen over åbne og kan ikke genåbnes; der skal i så fald laves en ny henvisning.</translation>
    </message>
</context>
<context>
    <name>OutingForm</name>
    <message>
        <source>Mobile-unit outing</source>
        <translation>Udkørsel med mobil enhed</translation>
    </message>
    <message>
        <source>Outing form</source>
        <translation>Udkørselsformular</translation>
    </message>
    <message>
        <source>Mobile unit</source>
        <translation>Mobil enhed</translation>
    </message>
    <message>
        <source>Outing date</source>
        <translation>Udkørselsdato</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Område</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personale</translation>
    </message>
    <message>
        <source>Contacts made</source>
        <translation>Kontakter</translation>
    </message>
    <message>
        <source>as recorded below</source>
        <translation>som registreret nedenfor</translation>
    </message>
    <message>
        <source>Materials handed out</source>
        <translation>Udleverede materialer</translation>
    </message>
    <message>
        <source>Outing notes</source>
        <translation>Noter om udkørslen</translation>
    </message>
    <message>
        <source>Mobile unit error</source>
        <translation>Fejl ved mobil enhed</translation>
    </message>
    <message>
        <source>Outing date error</source>
        <translation>Fejl ved udkørselsdato</translation>
    </message>
    <message>
        <source>Area error</source>
        <translation>Fejl ved område</translation>
    </message>
    <message>
        <source>Staff error</source>
        <translation>Fejl ved personale</translation>
    </message>
    <message>
        <source>Contacts made error</source>
        <translation>Fejl ved kontakter</translation>
    </message>
    <message>
        <source>Materials error</source>
        <translation>Fejl ved materialer</translation>
    </message>
    <message>
        <source>Outing notes error</source>
        <translation>Fejl ved noter om udkørslen</translation>
    </message>
    <message>
        <source>&amp;Mobile unit:</source>
        <translation>&amp;Mobil enhed:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Dato:</translation>
    </message>
    <message>
        <source>&amp;Area:</source>
        <translation>Omr&amp;åde:</translation>
    </message>
    <message>
        <source>S&amp;taff:</source>
        <translation>&amp;Personale:</translation>
    </message>
    <message>
        <source>&amp;Contacts made:</source>
        <translation>&amp;Kontakter:</translation>
    </message>
    <message>
        <source>Mate&amp;rials:</source>
        <translation>Mate&amp;rialer:</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;oter:</translation>
    </message>
    <message>
        <source>Contacts (&amp;grid):</source>
        <translation>Kontakter (gi&amp;tter):</translation>
    </message>
    <message>
        <source>Service digits: %1</source>
        <translation>Taster for ydelser: %1</translation>
    </message>
    <message>
        <source>Contacts grid</source>
        <translation>Kontaktgitter</translation>
    </message>
    <message>
        <source>Contacts grid error</source>
        <translation>Fejl i kontaktgitteret</translation>
    </message>
    <message>
        <source>Outing form status</source>
        <translation>Status for udkørslen</translation>
    </message>
    <message>
        <source>&amp;Save outing (Ctrl+Enter)</source>
        <translation>&amp;Gem udkørsel (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Save outing</source>
        <translation>Gem udkørsel</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
    <message>
        <source>Cancel outing</source>
        <translation>Annullér udkørsel</translation>
    </message>
    <message>
        <source>Card code</source>
        <translation>Kortkode</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>Kaldenavn</translation>
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
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Ydelser</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message numerus="yes">
        <source>Outing saved: %1 on %2, %n contact(s) recorded.</source>
        <translation>
            <numerusform>Udkørsel gemt: %1 den %2, %n kontakt registreret.</numerusform>
            <numerusform>Udkørsel gemt: %1 den %2, %n kontakter registreret.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved: please check the outing.</source>
        <translation>Ikke gemt: kontrollér udkørslen.</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Række %1: %2</translation>
    </message>
</context>
<context>
    <name>PersonVisitsTab</name>
    <message>
        <source>Clinic visits</source>
        <translation>Klinikbesøg</translation>
    </message>
    <message>
        <source>Clinic visits note</source>
        <translation>Note om klinikbesøg</translation>
    </message>
    <message>
        <source>Clinic visits table</source>
        <translation>Tabel over klinikbesøg</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Henvisninger</translation>
    </message>
    <message>
        <source>Referrals heading</source>
        <translation>Overskrift for henvisninger</translation>
    </message>
    <message>
        <source>Referrals table</source>
        <translation>Tabel over henvisninger</translation>
    </message>
    <message>
        <source>Print &amp;visit summary…</source>
        <translation>Udskriv &amp;besøgsresumé…</translation>
    </message>
    <message>
        <source>Print visit summary</source>
        <translation>Udskriv besøgsresumé</translation>
    </message>
    <message>
        <source>Print &amp;referral letter…</source>
        <translation>Udskriv &amp;henvisning…</translation>
    </message>
    <message>
        <source>Print referral letter</source>
        <translation>Udskriv henvisning</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Sted</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Ydelser</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Årsag</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Opfølgning</translation>
    </message>
    <message>
        <source>Visitor code</source>
        <translation>Besøgskode</translation>
    </message>
    <message>
        <source>Clinical notes</source>
        <translation>Kliniske notater</translation>
    </message>
    <message>
        <source>Made on</source>
        <translation>Oprettet</translation>
    </message>
    <message>
        <source>Referred to</source>
        <translation>Henvist til</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Hast</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Samarbejdspartner</translation>
    </message>
    <message>
        <source>Only the date and place of clinic visits are shown to your role.</source>
        <translation>Din rolle ser kun dato og sted for klinikbesøg.</translation>
    </message>
    <message>
        <source>Select a visit to print its summary.</source>
        <translation>Vælg et besøg for at udskrive resuméet.</translation>
    </message>
    <message>
        <source>Select a referral to print its letter.</source>
        <translation>Vælg en henvisning for at udskrive brevet.</translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <source>Visit form</source>
        <translation>Besøgsformular</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>Hv&amp;em:</translation>
    </message>
    <message>
        <source>Visitor code, nickname or case reference</source>
        <translation>Besøgskode, kaldenavn eller sagsnummer</translation>
    </message>
    <message>
        <source>Card code, nickname or case reference; Enter picks</source>
        <translation>Kortkode, kaldenavn eller sagsnummer; Enter vælger</translation>
    </message>
    <message>
        <source>&amp;New visitor</source>
        <translation>N&amp;y besøgende</translation>
    </message>
    <message>
        <source>New visitor</source>
        <translation>Ny besøgende</translation>
    </message>
    <message>
        <source>Record the visit for a new anonymous visitor</source>
        <translation>Registrér besøget for en ny anonym besøgende</translation>
    </message>
    <message>
        <source>Who error</source>
        <translation>Fejl ved hvem</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Fundne</translation>
    </message>
    <message>
        <source>Chosen visitor or person</source>
        <translation>Valgt besøgende eller person</translation>
    </message>
    <message>
        <source>New visitor (a card code is given on saving)</source>
        <translation>Ny besøgende (en kortkode gives ved gem)</translation>
    </message>
    <message>
        <source>New visitor details</source>
        <translation>Oplysninger om ny besøgende</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>Kaldenavn</translation>
    </message>
    <message>
        <source>Approximate age</source>
        <translation>Omtrentlig alder</translation>
    </message>
    <message>
        <source>years, e.g. 25</source>
        <translation>år, fx 25</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nationalitet</translation>
    </message>
    <message>
        <source>country code, e.g. RO</source>
        <translation>landekode, fx RO</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <source>language code, e.g. ro</source>
        <translation>sprogkode, fx ro</translation>
    </message>
    <message>
        <source>Nickname error</source>
        <translation>Fejl ved kaldenavn</translation>
    </message>
    <message>
        <source>Age error</source>
        <translation>Fejl ved alder</translation>
    </message>
    <message>
        <source>Nationality error</source>
        <translation>Fejl ved nationalitet</translation>
    </message>
    <message>
        <source>Language error</source>
        <translation>Fejl ved sprog</translation>
    </message>
    <message>
        <source>Nic&amp;kname:</source>
        <translation>&amp;Kaldenavn:</translation>
    </message>
    <message>
        <source>&amp;Age:</source>
        <translation>&amp;Alder:</translation>
    </message>
    <message>
        <source>Na&amp;tionality:</source>
        <translation>Nat&amp;ionalitet:</translation>
    </message>
    <message>
        <source>Lang&amp;uage:</source>
        <translation>S&amp;prog:</translation>
    </message>
    <message>
        <source>Services (Alt+1…9)</source>
        <translation>Ydelser (Alt+1…9)</translation>
    </message>
    <message>
        <source>Services given</source>
        <translation>Givne ydelser</translation>
    </message>
    <message>
        <source>Services error</source>
        <translation>Fejl ved ydelser</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Henvisning</translation>
    </message>
    <message>
        <source>Referral details</source>
        <translation>Oplysninger om henvisningen</translation>
    </message>
    <message>
        <source>Referred to</source>
        <translation>Henvist til</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Hast</translation>
    </message>
    <message>
        <source>Referral reason</source>
        <translation>Årsag til henvisning</translation>
    </message>
    <message>
        <source>Referred to error</source>
        <translation>Fejl ved henvist til</translation>
    </message>
    <message>
        <source>Referral reason error</source>
        <translation>Fejl ved årsag til henvisning</translation>
    </message>
    <message>
        <source>Referre&amp;d to:</source>
        <translation>He&amp;nvist til:</translation>
    </message>
    <message>
        <source>Urgen&amp;cy:</source>
        <translation>Ha&amp;st:</translation>
    </message>
    <message>
        <source>Referral r&amp;eason:</source>
        <translation>&amp;Årsag til henvisning:</translation>
    </message>
    <message>
        <source>Reason for the visit</source>
        <translation>Årsag til besøget</translation>
    </message>
    <message>
        <source>Interpreter language</source>
        <translation>Tolkesprog</translation>
    </message>
    <message>
        <source>language code, or empty</source>
        <translation>sprogkode, eller tomt</translation>
    </message>
    <message>
        <source>Interpreter mode</source>
        <translation>Tolkeform</translation>
    </message>
    <message>
        <source>No interpreter</source>
        <translation>Ingen tolk</translation>
    </message>
    <message>
        <source>Clinical notes</source>
        <translation>Kliniske notater</translation>
    </message>
    <message>
        <source>Seen by nurses only</source>
        <translation>Kun synlige for sygeplejersker</translation>
    </message>
    <message>
        <source>Follow-up date</source>
        <translation>Opfølgningsdato</translation>
    </message>
    <message>
        <source>YYYY-MM-DD or +days, e.g. +14</source>
        <translation>ÅÅÅÅ-MM-DD eller +dage, fx +14</translation>
    </message>
    <message>
        <source>Reason error</source>
        <translation>Fejl ved årsag</translation>
    </message>
    <message>
        <source>Interpreter error</source>
        <translation>Fejl ved tolk</translation>
    </message>
    <message>
        <source>Clinical notes error</source>
        <translation>Fejl ved kliniske notater</translation>
    </message>
    <message>
        <source>Follow-up error</source>
        <translation>Fejl ved opfølgning</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>Å&amp;rsag:</translation>
    </message>
    <message>
        <source>Inter&amp;preter:</source>
        <translation>To&amp;lk:</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;oter:</translation>
    </message>
    <message>
        <source>Fo&amp;llow-up:</source>
        <translation>Opf&amp;ølgning:</translation>
    </message>
    <message>
        <source>Health-care cover</source>
        <translation>Dækning af sundhedsydelser</translation>
    </message>
    <message>
        <source>Entitlement panel</source>
        <translation>Panel for rettigheder</translation>
    </message>
    <message>
        <source>Entitlements</source>
        <translation>Rettigheder</translation>
    </message>
    <message>
        <source>Entitlement warnings</source>
        <translation>Advarsler om rettigheder</translation>
    </message>
    <message>
        <source>Visit form status</source>
        <translation>Status for besøgsformularen</translation>
    </message>
    <message>
        <source>&amp;Save visit (Ctrl+Enter)</source>
        <translation>Gem &amp;besøg (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Save visit</source>
        <translation>Gem besøg</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Ryd</translation>
    </message>
    <message>
        <source>Clear form</source>
        <translation>Ryd formularen</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s), last %1</source>
        <translation>
            <numerusform>%n besøg, senest %1</numerusform>
            <numerusform>%n besøg, senest %1</numerusform>
        </translation>
    </message>
    <message>
        <source>registered as %1</source>
        <translation>registreret som %1</translation>
    </message>
    <message numerus="yes">
        <source>%n possible match(es): choose one with the arrow keys and Enter, or choose New visitor for someone else.</source>
        <translation>
            <numerusform>%n mulig match: vælg med piletasterne og Enter, eller vælg Ny besøgende, hvis det er en anden.</numerusform>
            <numerusform>%n mulige match: vælg et med piletasterne og Enter, eller vælg Ny besøgende, hvis det er en anden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown card code</source>
        <translation>Ukendt kortkode</translation>
    </message>
    <message>
        <source>No visitor has the card code %1. Check the card: a mistyped code would start a second record for the same woman.

Record her as a new visitor?</source>
        <translation>Ingen besøgende har kortkoden %1. Kontrollér kortet: en forkert indtastet kode ville oprette en ekstra registrering for den samme kvinde.

Registrér hende som ny besøgende?</translation>
    </message>
    <message>
        <source>No visitor has this card code.</source>
        <translation>Ingen besøgende har denne kortkode.</translation>
    </message>
    <message>
        <source>New visitor: a card code is given on saving</source>
        <translation>Ny besøgende: en kortkode gives ved gem</translation>
    </message>
    <message>
        <source>%1: not covered</source>
        <translation>%1: ikke dækket</translation>
    </message>
    <message>
        <source>no end date known</source>
        <translation>ingen kendt slutdato</translation>
    </message>
    <message>
        <source>%1: covered, paid by %2, until %3</source>
        <translation>%1: dækket, betales af %2, indtil %3</translation>
    </message>
    <message>
        <source>Warning: %1 is not covered.</source>
        <translation>Advarsel: %1 er ikke dækket.</translation>
    </message>
    <message numerus="yes">
        <source>Warning: cover for %1 ends on %2 (in %n day(s)).</source>
        <translation>
            <numerusform>Advarsel: dækningen af %1 ophører %2 (om %n dag).</numerusform>
            <numerusform>Advarsel: dækningen af %1 ophører %2 (om %n dage).</numerusform>
        </translation>
    </message>
    <message>
        <source>Check cover for %1 with the receiving partner.</source>
        <translation>Afklar dækningen af %1 med modtageren.</translation>
    </message>
    <message>
        <source>Not saved: please check the form.</source>
        <translation>Ikke gemt: kontrollér formularen.</translation>
    </message>
    <message>
        <source>Choose a clinic or mobile unit first.</source>
        <translation>Vælg først en klinik eller en mobil enhed.</translation>
    </message>
    <message>
        <source>Not saved: someone else changed this visit meanwhile. Clear the form and open the visit again.</source>
        <translation>Ikke gemt: en anden har ændret besøget imens. Ryd formularen og åbn besøget igen.</translation>
    </message>
    <message>
        <source>Saved: %1 at %2.</source>
        <translation>Gemt: %1 kl. %2.</translation>
    </message>
    <message>
        <source>Corrected: %1 at %2.</source>
        <translation>Rettet: %1 kl. %2.</translation>
    </message>
    <message>
        <source>Correcting the visit of %1 on %2 at %3</source>
        <translation>Retter besøget for %1 den %2 kl. %3</translation>
    </message>
    <message>
        <source>&amp;Save correction (Ctrl+Enter)</source>
        <translation>Gem rettet &amp;besøg (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation>Gem rettelse</translation>
    </message>
    <message>
        <source>Cancel correction</source>
        <translation>Fortryd rettelse</translation>
    </message>
</context>
<context>
    <name>VisitorHistoryView</name>
    <message>
        <source>Visitor history</source>
        <translation>Besøgshistorik</translation>
    </message>
    <message>
        <source>Find visitor:</source>
        <translation>Find besøgende:</translation>
    </message>
    <message>
        <source>Find visitor by code or nickname</source>
        <translation>Find besøgende ud fra kode eller kaldenavn</translation>
    </message>
    <message>
        <source>Card code or nickname, then Enter</source>
        <translation>Kortkode eller kaldenavn, derefter Enter</translation>
    </message>
    <message>
        <source>Visitors found</source>
        <translation>Fundne besøgende</translation>
    </message>
    <message>
        <source>Visitor details</source>
        <translation>Oplysninger om besøgende</translation>
    </message>
    <message>
        <source>Visitor&apos;s visits</source>
        <translation>Den besøgendes besøg</translation>
    </message>
    <message>
        <source>Link to case reference:</source>
        <translation>Knyt til sagsnummer:</translation>
    </message>
    <message>
        <source>Case reference to link to</source>
        <translation>Sagsnummer der skal knyttes til</translation>
    </message>
    <message>
        <source>Link visitor</source>
        <translation>Knyt besøgende</translation>
    </message>
    <message>
        <source>Link visitor to person</source>
        <translation>Knyt besøgende til person</translation>
    </message>
    <message>
        <source>She now has a case: her visits and referrals move to her record</source>
        <translation>Hun har nu en sag: hendes besøg og henvisninger flyttes til hendes journal</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Fjern kobling</translation>
    </message>
    <message>
        <source>Unlink visitor from person</source>
        <translation>Fjern koblingen mellem besøgende og person</translation>
    </message>
    <message>
        <source>Linked in error: her visits and referrals go back to the visitor</source>
        <translation>Knyttet ved en fejl: hendes besøg og henvisninger føres tilbage til den besøgende</translation>
    </message>
    <message>
        <source>Print for the visitor…</source>
        <translation>Udskriv til den besøgende…</translation>
    </message>
    <message>
        <source>Print for the visitor</source>
        <translation>Udskriv til den besøgende</translation>
    </message>
    <message>
        <source>A visit summary or referral letter for the selected visit, by card code</source>
        <translation>Besøgsresumé eller henvisning for det valgte besøg, efter kortkode</translation>
    </message>
    <message>
        <source>Visitor history status</source>
        <translation>Status for besøgshistorik</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Sted</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Ydelser</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Årsag</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Opfølgning</translation>
    </message>
    <message>
        <source>Clinical notes</source>
        <translation>Kliniske notater</translation>
    </message>
    <message>
        <source>No visitor found.</source>
        <translation>Ingen besøgende fundet.</translation>
    </message>
    <message>
        <source>(no nickname)</source>
        <translation>(intet kaldenavn)</translation>
    </message>
    <message>
        <source>nationality unknown</source>
        <translation>nationalitet ukendt</translation>
    </message>
    <message>
        <source>language unknown</source>
        <translation>sprog ukendt</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n besøg</numerusform>
            <numerusform>%n besøg</numerusform>
        </translation>
    </message>
    <message>
        <source>registered as %1</source>
        <translation>registreret som %1</translation>
    </message>
    <message numerus="yes">
        <source>Link visitor %1 to %2 %3? Her %n visit(s) will show on that record.</source>
        <translation>
            <numerusform>Knyt besøgende %1 til %2 %3? Hendes %n besøg vises derefter på den sag.</numerusform>
            <numerusform>Knyt besøgende %1 til %2 %3? Hendes %n besøg vises derefter på den sag.</numerusform>
        </translation>
    </message>
    <message>
        <source>Why is this visitor this person?</source>
        <translation>Hvorfor er denne besøgende denne person?</translation>
    </message>
    <message>
        <source>No person has this case reference.</source>
        <translation>Ingen person har dette sagsnummer.</translation>
    </message>
    <message>
        <source>Linked: her visits now show on her record.</source>
        <translation>Knyttet: hendes besøg vises nu i hendes journal.</translation>
    </message>
    <message>
        <source>Unlink visitor</source>
        <translation>Fjern kobling af besøgende</translation>
    </message>
    <message>
        <source>Why was the link wrong?</source>
        <translation>Hvorfor var koblingen forkert?</translation>
    </message>
    <message>
        <source>Unlinked: her visits are the visitor&apos;s again.</source>
        <translation>Koblingen er fjernet: hendes besøg hører igen til den besøgende.</translation>
    </message>
</context>
</TS>
