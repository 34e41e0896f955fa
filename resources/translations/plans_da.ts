<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>Contacts</name>
    <message>
        <source>Contacts</source>
        <translation>Kontakter</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Advarsler</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Kontaktperson</translation>
    </message>
    <message>
        <source>Current contact person</source>
        <translation>Nuværende kontaktperson</translation>
    </message>
    <message>
        <source>New contact person</source>
        <translation>Ny kontaktperson</translation>
    </message>
    <message>
        <source>Reason for the change</source>
        <translation>Begrundelse for skiftet</translation>
    </message>
    <message>
        <source>Required when the contact person changes</source>
        <translation>Skal udfyldes, når kontaktpersonen skiftes</translation>
    </message>
    <message>
        <source>A&amp;ssign contact person</source>
        <translation>&amp;Tildel kontaktperson</translation>
    </message>
    <message>
        <source>Assign contact person</source>
        <translation>Tildel kontaktperson</translation>
    </message>
    <message>
        <source>Contact person error</source>
        <translation>Fejl ved kontaktperson</translation>
    </message>
    <message>
        <source>Current:</source>
        <translation>Nuværende:</translation>
    </message>
    <message>
        <source>&amp;New contact person:</source>
        <translation>&amp;Ny kontaktperson:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Begrundelse:</translation>
    </message>
    <message>
        <source>Contact person history</source>
        <translation>Tidligere kontaktpersoner</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begrundelse</translation>
    </message>
    <message>
        <source>Turning 18</source>
        <translation>Fylder 18</translation>
    </message>
    <message>
        <source>Turning 18 prompt</source>
        <translation>Besked om at fylde 18</translation>
    </message>
    <message>
        <source>Turned 18</source>
        <translation>Fyldt 18</translation>
    </message>
    <message>
        <source>Reason for ending at 18</source>
        <translation>Begrundelse for ophør ved 18 år</translation>
    </message>
    <message>
        <source>End guardianship at &amp;18 and review the plan</source>
        <translation>Afslut repræsentationen ved &amp;18 år og revider planen</translation>
    </message>
    <message>
        <source>End guardianship at 18</source>
        <translation>Afslut repræsentationen ved 18 år</translation>
    </message>
    <message>
        <source>Guardian (personal representative)</source>
        <translation>Personlig repræsentant</translation>
    </message>
    <message>
        <source>Current guardian</source>
        <translation>Nuværende personlig repræsentant</translation>
    </message>
    <message>
        <source>Appointed on</source>
        <translation>Beskikket den</translation>
    </message>
    <message>
        <source>Guardian name</source>
        <translation>Repræsentantens navn</translation>
    </message>
    <message>
        <source>Guardian organisation</source>
        <translation>Repræsentantens organisation</translation>
    </message>
    <message>
        <source>Guardian phone</source>
        <translation>Repræsentantens telefon</translation>
    </message>
    <message>
        <source>Guardian e-mail</source>
        <translation>Repræsentantens e-mail</translation>
    </message>
    <message>
        <source>Reason for replacing or ending</source>
        <translation>Begrundelse for udskiftning eller ophør</translation>
    </message>
    <message>
        <source>Record &amp;guardian</source>
        <translation>Registrer re&amp;præsentant</translation>
    </message>
    <message>
        <source>Record guardian</source>
        <translation>Registrer repræsentant</translation>
    </message>
    <message>
        <source>End guardians&amp;hip</source>
        <translation>Af&amp;slut repræsentationen</translation>
    </message>
    <message>
        <source>End guardianship</source>
        <translation>Afslut repræsentationen</translation>
    </message>
    <message>
        <source>Guardian error</source>
        <translation>Fejl ved personlig repræsentant</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>Na&amp;vn:</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>Tele&amp;fon:</translation>
    </message>
    <message>
        <source>E-ma&amp;il:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>Appointed on:</source>
        <translation>Beskikket den:</translation>
    </message>
    <message>
        <source>Reason (replace or end):</source>
        <translation>Begrundelse (udskiftning eller ophør):</translation>
    </message>
    <message>
        <source>Guardian history</source>
        <translation>Tidligere repræsentanter</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>Repræsentant</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Appointed</source>
        <translation>Beskikket</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Ophørt</translation>
    </message>
    <message>
        <source>No contact person is appointed.</source>
        <translation>Der er ikke udpeget en kontaktperson.</translation>
    </message>
    <message>
        <source>This minor has no guardian: appoint one.</source>
        <translation>Den mindreårige har ingen personlig repræsentant: få en beskikket.</translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation>%1 siden %2</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <source>(estimated)</source>
        <translation>(anslået)</translation>
    </message>
    <message>
        <source>Turned 18 on %1%2. End the guardianship and review the action plan: the guardian&apos;s access to documents ends with it.</source>
        <translation>Fyldte 18 den %1%2. Afslut repræsentationen og revider handleplanen: repræsentantens adgang til dokumenter ophører samtidig.</translation>
    </message>
    <message>
        <source>Turns 18 on %1%2. Plan the transition with the guardian; the guardianship can be ended from that day.</source>
        <translation>Fylder 18 den %1%2. Planlæg overgangen sammen med repræsentanten; repræsentationen kan afsluttes fra den dag.</translation>
    </message>
    <message>
        <source>Choose a staff member.</source>
        <translation>Vælg en medarbejder.</translation>
    </message>
    <message>
        <source>Contact person assigned.</source>
        <translation>Kontaktperson tildelt.</translation>
    </message>
    <message>
        <source>Guardian recorded.</source>
        <translation>Personlig repræsentant registreret.</translation>
    </message>
    <message>
        <source>End the guardianship now? A minor without a guardian has no one to act for her until a new guardian is recorded.</source>
        <translation>Afslut repræsentationen nu? En mindreårig uden personlig repræsentant har ingen til at handle for sig, før en ny er registreret.</translation>
    </message>
    <message>
        <source>Guardianship ended.</source>
        <translation>Repræsentationen er afsluttet.</translation>
    </message>
    <message>
        <source>End the guardianship because she has turned 18, and mark the action plan for review today?</source>
        <translation>Afslut repræsentationen, fordi hun er fyldt 18, og sæt handleplanen til revision i dag?</translation>
    </message>
    <message>
        <source>Guardianship ended; the action plan is marked for review today.</source>
        <translation>Repræsentationen er afsluttet; handleplanen er sat til revision i dag.</translation>
    </message>
</context>
<context>
    <name>Plans</name>
    <message>
        <source>Safety and housing</source>
        <translation>Sikkerhed og bolig</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Sundhed</translation>
    </message>
    <message>
        <source>Legal</source>
        <translation>Juridisk</translation>
    </message>
    <message>
        <source>Psychosocial support</source>
        <translation>Psykosocial støtte</translation>
    </message>
    <message>
        <source>Education and up-skilling</source>
        <translation>Uddannelse og opkvalificering</translation>
    </message>
    <message>
        <source>Return and reintegration, or residence</source>
        <translation>Hjemrejse og reintegration eller ophold</translation>
    </message>
    <message>
        <source>Schooling</source>
        <translation>Skolegang</translation>
    </message>
    <message>
        <source>Family tracing (only in the child&apos;s best interest)</source>
        <translation>Familieopsporing (kun hvis det er til barnets bedste)</translation>
    </message>
    <message>
        <source>Durable solution</source>
        <translation>Varig løsning</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Kladde</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>Aftalt</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>Erstattet</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åben</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>I gang</translation>
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
        <source>Set</source>
        <translation>Angiv</translation>
    </message>
    <message>
        <source>set</source>
        <translation>angivet</translation>
    </message>
    <message>
        <source>Someone else changed this meanwhile. It was reloaded: check and try again.</source>
        <translation>En anden har ændret dette imens. Det er indlæst igen: kontrollér og prøv igen.</translation>
    </message>
    <message>
        <source>This version is already agreed.</source>
        <translation>Denne version er allerede aftalt.</translation>
    </message>
    <message>
        <source>An earlier version cannot be changed.</source>
        <translation>En tidligere version kan ikke ændres.</translation>
    </message>
    <message>
        <source>The case is archived.</source>
        <translation>Sagen er arkiveret.</translation>
    </message>
    <message>
        <source>The plan or the case is archived.</source>
        <translation>Planen eller sagen er arkiveret.</translation>
    </message>
    <message>
        <source>This guardianship has ended.</source>
        <translation>Denne repræsentation er afsluttet.</translation>
    </message>
    <message>
        <source>The change clashes with other data.</source>
        <translation>Ændringen er i strid med andre data.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>Du har ikke tilladelse til at gøre dette.</translation>
    </message>
    <message>
        <source>This record no longer exists.</source>
        <translation>Denne post findes ikke længere.</translation>
    </message>
    <message>
        <source>The change was not saved.</source>
        <translation>Ændringen blev ikke gemt.</translation>
    </message>
    <message>
        <source>Give a reason for the change.</source>
        <translation>Angiv en begrundelse for ændringen.</translation>
    </message>
    <message>
        <source>For a minor, name the guardian who agreed to the plan.</source>
        <translation>For en mindreårig skal den personlige repræsentant, der har godkendt planen, angives.</translation>
    </message>
    <message>
        <source>Confirm that the person agreed to the plan.</source>
        <translation>Bekræft, at personen har godkendt planen.</translation>
    </message>
    <message>
        <source>Confirm that family tracing was assessed to be in the child&apos;s best interest.</source>
        <translation>Bekræft, at familieopsporing er vurderet til at være til barnets bedste.</translation>
    </message>
    <message>
        <source>Add at least one goal before agreeing.</source>
        <translation>Tilføj mindst ét mål, før planen aftales.</translation>
    </message>
    <message>
        <source>The person has not turned 18 yet: the guardianship continues until then.</source>
        <translation>Personen er endnu ikke fyldt 18: repræsentationen fortsætter indtil da.</translation>
    </message>
    <message>
        <source>Guardians are appointed for minors only.</source>
        <translation>Personlige repræsentanter beskikkes kun for mindreårige.</translation>
    </message>
    <message>
        <source>This is already the contact person.</source>
        <translation>Dette er allerede kontaktpersonen.</translation>
    </message>
    <message>
        <source>Choose an active user.</source>
        <translation>Vælg en aktiv bruger.</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>Feltet skal udfyldes.</translation>
    </message>
    <message>
        <source>This area is for children&apos;s plans only.</source>
        <translation>Dette område gælder kun børns planer.</translation>
    </message>
    <message>
        <source>Choose one responsible: a staff member, a partner or a name.</source>
        <translation>Vælg én ansvarlig: en medarbejder, en samarbejdspartner eller et navn.</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>Slutdatoen ligger før startdatoen.</translation>
    </message>
    <message>
        <source>The review date is before the plan period starts.</source>
        <translation>Revisionsdatoen ligger før planperiodens start.</translation>
    </message>
    <message>
        <source>Enter an e-mail address such as name@example.dk.</source>
        <translation>Angiv en e-mailadresse som navn@example.dk.</translation>
    </message>
    <message>
        <source>Use digits, spaces and + - ( ) only.</source>
        <translation>Brug kun cifre, mellemrum og + - ( ).</translation>
    </message>
    <message>
        <source>The date is in the future.</source>
        <translation>Datoen ligger i fremtiden.</translation>
    </message>
    <message>
        <source>The text is too long.</source>
        <translation>Teksten er for lang.</translation>
    </message>
    <message>
        <source>The text contains invisible control characters.</source>
        <translation>Teksten indeholder usynlige kontroltegn.</translation>
    </message>
    <message>
        <source>This template is for persons under 18.</source>
        <translation>Denne skabelon er til personer under 18 år.</translation>
    </message>
    <message>
        <source>The date is before the start of the current assignment.</source>
        <translation>Datoen ligger før starten af den nuværende tildeling.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fejl</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Gem</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Gem</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <source>title</source>
        <translation>titel</translation>
    </message>
    <message>
        <source>description</source>
        <translation>beskrivelse</translation>
    </message>
    <message>
        <source>responsible</source>
        <translation>ansvarlig</translation>
    </message>
    <message>
        <source>due date</source>
        <translation>frist</translation>
    </message>
    <message>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <source>order</source>
        <translation>rækkefølge</translation>
    </message>
    <message>
        <source>Plan editor</source>
        <translation>Handleplan</translation>
    </message>
    <message>
        <source>Plan title</source>
        <translation>Planens titel</translation>
    </message>
    <message>
        <source>Plan period</source>
        <translation>Planperiode</translation>
    </message>
    <message>
        <source>Plan state</source>
        <translation>Planens tilstand</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Aftale</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Bemærkning</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Choose a version to read (Alt+V)</source>
        <translation>Vælg en version at læse (Alt+V)</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>Sammenlign med</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>&amp;Version:</translation>
    </message>
    <message>
        <source>Co&amp;mpare with:</source>
        <translation>Sammen&amp;lign med:</translation>
    </message>
    <message>
        <source>Goals and tasks</source>
        <translation>Mål og opgaver</translation>
    </message>
    <message>
        <source>Goal or task</source>
        <translation>Mål eller opgave</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ansvarlig</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>Forskelle</translation>
    </message>
    <message>
        <source>Add &amp;goal</source>
        <translation>Tilføj &amp;mål</translation>
    </message>
    <message>
        <source>Add &amp;task</source>
        <translation>Tilføj &amp;opgave</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Rediger</translation>
    </message>
    <message>
        <source>Mark &amp;done</source>
        <translation>Markér &amp;udført</translation>
    </message>
    <message>
        <source>Add &amp;note</source>
        <translation>Tilføj &amp;note</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Flyt o&amp;p</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Flyt n&amp;ed</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Fjern</translation>
    </message>
    <message>
        <source>Plan detai&amp;ls</source>
        <translation>Planoplysn&amp;inger</translation>
    </message>
    <message>
        <source>&amp;Agree plan</source>
        <translation>&amp;Aftal planen</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Ud&amp;skriv…</translation>
    </message>
    <message>
        <source>review %1</source>
        <translation>revision %1</translation>
    </message>
    <message>
        <source>no review date</source>
        <translation>ingen revisionsdato</translation>
    </message>
    <message>
        <source>(due)</source>
        <translation>(forfalden)</translation>
    </message>
    <message>
        <source>Version %1 of %2: %3</source>
        <translation>Version %1 af %2: %3</translation>
    </message>
    <message>
        <source>Agreed on %1 with the person</source>
        <translation>Aftalt den %1 med personen</translation>
    </message>
    <message>
        <source>contact person %1</source>
        <translation>kontaktperson %1</translation>
    </message>
    <message>
        <source>guardian %1</source>
        <translation>personlig repræsentant %1</translation>
    </message>
    <message>
        <source>An earlier version: it cannot be changed.</source>
        <translation>En tidligere version: den kan ikke ændres.</translation>
    </message>
    <message>
        <source>Agreed and frozen: a change makes a new draft version.</source>
        <translation>Aftalt og låst: en ændring opretter en ny kladdeversion.</translation>
    </message>
    <message>
        <source>Read only.</source>
        <translation>Skrivebeskyttet.</translation>
    </message>
    <message>
        <source>Showing the health goals only.</source>
        <translation>Viser kun sundhedsmålene.</translation>
    </message>
    <message>
        <source>Health goals are not shown.</source>
        <translation>Sundhedsmål vises ikke.</translation>
    </message>
    <message>
        <source>No comparison</source>
        <translation>Ingen sammenligning</translation>
    </message>
    <message>
        <source>Version %1 (%2, %3)</source>
        <translation>Version %1 (%2, %3)</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overskredet</translation>
    </message>
    <message>
        <source>Differences from version %1 to version %2</source>
        <translation>Forskelle fra version %1 til version %2</translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation>Ingen forskelle.</translation>
    </message>
    <message>
        <source>+ Goal added: %1</source>
        <translation>+ Mål tilføjet: %1</translation>
    </message>
    <message>
        <source>− Goal removed: %1</source>
        <translation>− Mål fjernet: %1</translation>
    </message>
    <message>
        <source>~ Goal changed (%3): %1</source>
        <translation>~ Mål ændret (%3): %1</translation>
    </message>
    <message>
        <source>+ Task added: %1 (goal: %2)</source>
        <translation>+ Opgave tilføjet: %1 (mål: %2)</translation>
    </message>
    <message>
        <source>− Task removed: %1 (goal: %2)</source>
        <translation>− Opgave fjernet: %1 (mål: %2)</translation>
    </message>
    <message>
        <source>~ Task changed (%3): %1 (goal: %2)</source>
        <translation>~ Opgave ændret (%3): %1 (mål: %2)</translation>
    </message>
    <message>
        <source>Version %1 was made as a draft; version %2 stays as agreed.</source>
        <translation>Version %1 er oprettet som kladde; version %2 forbliver som aftalt.</translation>
    </message>
    <message>
        <source>Action plan</source>
        <translation>Handleplan</translation>
    </message>
    <message numerus="yes">
        <source>Remove the goal “%1” and its %n task(s)?</source>
        <translation>
            <numerusform>Fjern målet “%1” og dets %n opgave?</numerusform>
            <numerusform>Fjern målet “%1” og dets %n opgaver?</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove the task “%1”?</source>
        <translation>Fjern opgaven “%1”?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <source>Family tracing was assessed to be in the child&apos;s best interest</source>
        <translation>Familieopsporing er vurderet til at være til barnets bedste</translation>
    </message>
    <message>
        <source>Edit goal</source>
        <translation>Rediger mål</translation>
    </message>
    <message>
        <source>Add goal</source>
        <translation>Tilføj mål</translation>
    </message>
    <message>
        <source>&amp;Area</source>
        <translation>O&amp;mråde</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Beskrivelse</translation>
    </message>
    <message>
        <source>Best &amp;interest</source>
        <translation>Barnets &amp;bedste</translation>
    </message>
    <message>
        <source>Nobody yet</source>
        <translation>Ingen endnu</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>Medarbejder</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Samarbejdspartner</translation>
    </message>
    <message>
        <source>Other (name)</source>
        <translation>Anden (navn)</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Edit task</source>
        <translation>Rediger opgave</translation>
    </message>
    <message>
        <source>Add task</source>
        <translation>Tilføj opgave</translation>
    </message>
    <message>
        <source>&amp;Task</source>
        <translation>&amp;Opgave</translation>
    </message>
    <message>
        <source>&amp;Responsible</source>
        <translation>&amp;Ansvarlig</translation>
    </message>
    <message>
        <source>&amp;Staff member</source>
        <translation>&amp;Medarbejder</translation>
    </message>
    <message>
        <source>&amp;Partner</source>
        <translation>&amp;Samarbejdspartner</translation>
    </message>
    <message>
        <source>&amp;Other responsible</source>
        <translation>Anden ans&amp;varlig</translation>
    </message>
    <message>
        <source>D&amp;ue date</source>
        <translation>&amp;Frist</translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation>S&amp;tatus</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>Note on the task</source>
        <translation>Note til opgaven</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>Periode fra</translation>
    </message>
    <message>
        <source>Period to</source>
        <translation>Periode til</translation>
    </message>
    <message>
        <source>Review date</source>
        <translation>Revisionsdato</translation>
    </message>
    <message>
        <source>Plan details</source>
        <translation>Planoplysninger</translation>
    </message>
    <message>
        <source>Period &amp;from</source>
        <translation>Periode &amp;fra</translation>
    </message>
    <message>
        <source>Period t&amp;o</source>
        <translation>Periode t&amp;il</translation>
    </message>
    <message>
        <source>&amp;Review date</source>
        <translation>&amp;Revisionsdato</translation>
    </message>
    <message>
        <source>The person agreed to this plan</source>
        <translation>Personen har godkendt denne plan</translation>
    </message>
    <message>
        <source>Contact person: %1</source>
        <translation>Kontaktperson: %1</translation>
    </message>
    <message>
        <source>you</source>
        <translation>dig</translation>
    </message>
    <message>
        <source>Agree plan</source>
        <translation>Aftal planen</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>&amp;Person</translation>
    </message>
    <message>
        <source>&amp;Guardian (minors)</source>
        <translation>Personlig &amp;repræsentant (mindreårige)</translation>
    </message>
    <message>
        <source>Action plans</source>
        <translation>Handleplaner</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>Planer</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>&amp;New plan</source>
        <translation>&amp;Ny plan</translation>
    </message>
    <message>
        <source>New plan</source>
        <translation>Ny plan</translation>
    </message>
    <message>
        <source>No action plan yet.</source>
        <translation>Ingen handleplan endnu.</translation>
    </message>
    <message>
        <source>No plans</source>
        <translation>Ingen planer</translation>
    </message>
    <message>
        <source>Choose a plan to open it.</source>
        <translation>Vælg en plan for at åbne den.</translation>
    </message>
    <message>
        <source>No template</source>
        <translation>Ingen skabelon</translation>
    </message>
    <message>
        <source>New action plan</source>
        <translation>Ny handleplan</translation>
    </message>
    <message>
        <source>T&amp;emplate</source>
        <translation>&amp;Skabelon</translation>
    </message>
    <message>
        <source>Period &amp;to</source>
        <translation>Periode t&amp;il</translation>
    </message>
    <message>
        <source>days</source>
        <translation>dage</translation>
    </message>
    <message>
        <source>Days ahead</source>
        <translation>Dage frem</translation>
    </message>
    <message>
        <source>Review due within:</source>
        <translation>Revision inden for:</translation>
    </message>
    <message>
        <source>&amp;Whole team (not only my caseload)</source>
        <translation>Hele &amp;teamet (ikke kun mine sager)</translation>
    </message>
    <message>
        <source>Whole team</source>
        <translation>Hele teamet</translation>
    </message>
    <message>
        <source>&amp;Open plan</source>
        <translation>&amp;Åbn plan</translation>
    </message>
    <message>
        <source>Open plan</source>
        <translation>Åbn plan</translation>
    </message>
    <message>
        <source>Action plans status</source>
        <translation>Status for handleplaner</translation>
    </message>
    <message>
        <source>Plans due for review</source>
        <translation>Planer til revision</translation>
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
        <source>Open tasks</source>
        <translation>Åbne opgaver</translation>
    </message>
    <message>
        <source>Turning 18 within 60 days</source>
        <translation>Fylder 18 inden for 60 dage</translation>
    </message>
    <message>
        <source>Turning 18</source>
        <translation>Fylder 18</translation>
    </message>
    <message>
        <source>Turns 18</source>
        <translation>Fylder 18</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>Personlig repræsentant</translation>
    </message>
    <message>
        <source>Open &amp;contacts</source>
        <translation>Åbn &amp;kontakter</translation>
    </message>
    <message>
        <source>Open contacts</source>
        <translation>Åbn kontakter</translation>
    </message>
    <message>
        <source>%1 plan(s) due for review, %2 person(s) turning 18.</source>
        <translation>%1 plan(er) til revision, %2 person(er) fylder 18.</translation>
    </message>
    <message>
        <source>(overdue)</source>
        <translation>(overskredet)</translation>
    </message>
    <message>
        <source>(estimated)</source>
        <translation>(anslået)</translation>
    </message>
    <message>
        <source>(passed: end the guardianship)</source>
        <translation>(passeret: afslut repræsentationen)</translation>
    </message>
</context>
</TS>
