<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>Administration</name>
    <message>
        <source>{n} MB</source>
        <translation>{n} MB</translation>
    </message>
    <message>
        <source>{n} kB</source>
        <translation>{n} kB</translation>
    </message>
</context>
<context>
    <name>AdministrationPage</name>
    <message>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Administration sections</source>
        <translation>Administrationsafsnit</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>&amp;Brugere</translation>
    </message>
    <message>
        <source>&amp;Audit log</source>
        <translation>&amp;Revisionslog</translation>
    </message>
    <message>
        <source>&amp;Backup</source>
        <translation>Sikkerheds&amp;kopi</translation>
    </message>
    <message>
        <source>Retent&amp;ion</source>
        <translation>&amp;Opbevaring</translation>
    </message>
    <message>
        <source>&amp;Workstations</source>
        <translation>&amp;Arbejdsstationer</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Brugernavn</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Sted</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tilstand</translation>
    </message>
    <message>
        <source>Users table</source>
        <translation>Brugertabel</translation>
    </message>
    <message>
        <source>&amp;New user…</source>
        <translation>&amp;Ny bruger…</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>Ny bruger</translation>
    </message>
    <message>
        <source>&amp;Disable…</source>
        <translation>&amp;Deaktivér…</translation>
    </message>
    <message>
        <source>Disable user</source>
        <translation>Deaktivér bruger</translation>
    </message>
    <message>
        <source>&amp;Enable…</source>
        <translation>&amp;Aktivér…</translation>
    </message>
    <message>
        <source>Enable user</source>
        <translation>Aktivér bruger</translation>
    </message>
    <message>
        <source>Un&amp;lock…</source>
        <translation>&amp;Lås op…</translation>
    </message>
    <message>
        <source>Unlock user</source>
        <translation>Lås bruger op</translation>
    </message>
    <message>
        <source>Change &amp;role…</source>
        <translation>Sk&amp;ift rolle…</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Skift rolle</translation>
    </message>
    <message>
        <source>Users error</source>
        <translation>Brugerfejl</translation>
    </message>
    <message>
        <source>Us&amp;er:</source>
        <translation>Br&amp;uger:</translation>
    </message>
    <message>
        <source>Audit user filter</source>
        <translation>Revisionsfilter for bruger</translation>
    </message>
    <message>
        <source>&amp;Person (case reference):</source>
        <translation>&amp;Person (sagsreference):</translation>
    </message>
    <message>
        <source>Audit person filter</source>
        <translation>Revisionsfilter for person</translation>
    </message>
    <message>
        <source>A&amp;ction:</source>
        <translation>Hand&amp;ling:</translation>
    </message>
    <message>
        <source>Audit action filter</source>
        <translation>Revisionsfilter for handling</translation>
    </message>
    <message>
        <source>Fro&amp;m (UTC day):</source>
        <translation>Fr&amp;a (UTC-dag):</translation>
    </message>
    <message>
        <source>Audit since filter</source>
        <translation>Revisionsfilter fra dato</translation>
    </message>
    <message>
        <source>&amp;To (UTC day):</source>
        <translation>&amp;Til (UTC-dag):</translation>
    </message>
    <message>
        <source>Audit until filter</source>
        <translation>Revisionsfilter til dato</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>V&amp;is</translation>
    </message>
    <message>
        <source>Apply audit filters</source>
        <translation>Anvend revisionsfiltre</translation>
    </message>
    <message>
        <source>P&amp;revious</source>
        <translation>Forrig&amp;e</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Forrige side</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Næste</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Næste side</translation>
    </message>
    <message>
        <source>Verif&amp;y audit log</source>
        <translation>Kontrollér revi&amp;sionslog</translation>
    </message>
    <message>
        <source>Verify audit log</source>
        <translation>Kontrollér revisionslog</translation>
    </message>
    <message>
        <source>Audit error</source>
        <translation>Revisionsfejl</translation>
    </message>
    <message>
        <source>Audit verify result</source>
        <translation>Resultat af revisionskontrol</translation>
    </message>
    <message>
        <source>Audit count</source>
        <translation>Antal revisionshændelser</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Tid (UTC)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Bruger</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Sag</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Udfald</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Arbejdsstation</translation>
    </message>
    <message>
        <source>Audit table</source>
        <translation>Revisionstabel</translation>
    </message>
    <message>
        <source>Enter or double-click: the event&apos;s details</source>
        <translation>Enter eller dobbeltklik: hændelsens detaljer</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Mappe til sikkerhedskopier</translation>
    </message>
    <message>
        <source>&amp;Choose folder…</source>
        <translation>Vælg ma&amp;ppe…</translation>
    </message>
    <message>
        <source>Choose backup folder</source>
        <translation>Vælg mappe til sikkerhedskopier</translation>
    </message>
    <message>
        <source>Dai&amp;ly automatic backup</source>
        <translation>Daglig au&amp;tomatisk sikkerhedskopi</translation>
    </message>
    <message>
        <source>Daily automatic backup</source>
        <translation>Daglig automatisk sikkerhedskopi</translation>
    </message>
    <message>
        <source>F&amp;older:</source>
        <translation>M&amp;appe:</translation>
    </message>
    <message>
        <source>Keep &amp;daily:</source>
        <translation>Behold &amp;daglige:</translation>
    </message>
    <message>
        <source>Keep daily backups</source>
        <translation>Behold daglige sikkerhedskopier</translation>
    </message>
    <message>
        <source>Keep &amp;weekly:</source>
        <translation>Behold &amp;ugentlige:</translation>
    </message>
    <message>
        <source>Keep weekly backups</source>
        <translation>Behold ugentlige sikkerhedskopier</translation>
    </message>
    <message>
        <source>Keep &amp;monthly:</source>
        <translation>Behold &amp;månedlige:</translation>
    </message>
    <message>
        <source>Keep monthly backups</source>
        <translation>Behold månedlige sikkerhedskopier</translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation>Gem &amp;indstillinger</translation>
    </message>
    <message>
        <source>Save backup settings</source>
        <translation>Gem indstillinger for sikkerhedskopi</translation>
    </message>
    <message>
        <source>Back up &amp;now</source>
        <translation>Tag sikkerhedskopi &amp;nu</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Tag sikkerhedskopi nu</translation>
    </message>
    <message>
        <source>Backup error</source>
        <translation>Fejl ved sikkerhedskopi</translation>
    </message>
    <message>
        <source>Backup result</source>
        <translation>Resultat af sikkerhedskopi</translation>
    </message>
    <message>
        <source>Backup progress</source>
        <translation>Fremskridt for sikkerhedskopi</translation>
    </message>
    <message>
        <source>Made (UTC)</source>
        <translation>Taget (UTC)</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Størrelse</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Rækker</translation>
    </message>
    <message>
        <source>Backups table</source>
        <translation>Tabel over sikkerhedskopier</translation>
    </message>
    <message>
        <source>Anonymise</source>
        <translation>Anonymisér</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Slet</translation>
    </message>
    <message>
        <source>&amp;Years after closing:</source>
        <translation>&amp;År efter afslutning:</translation>
    </message>
    <message>
        <source>Retention years</source>
        <translation>Opbevaringsperiode i år</translation>
    </message>
    <message>
        <source>&amp;Then:</source>
        <translation>&amp;Derefter:</translation>
    </message>
    <message>
        <source>Retention action</source>
        <translation>Handling efter opbevaringsperioden</translation>
    </message>
    <message>
        <source>Save &amp;policy</source>
        <translation>Gem &amp;politik</translation>
    </message>
    <message>
        <source>Save retention policy</source>
        <translation>Gem opbevaringspolitik</translation>
    </message>
    <message>
        <source>P&amp;review</source>
        <translation>Forhå&amp;ndsvis</translation>
    </message>
    <message>
        <source>Preview retention</source>
        <translation>Forhåndsvis opbevaring</translation>
    </message>
    <message>
        <source>Run on the previewed &amp;cases…</source>
        <translation>Kør på de viste &amp;sager…</translation>
    </message>
    <message>
        <source>Run retention</source>
        <translation>Kør opbevaring</translation>
    </message>
    <message>
        <source>Retention error</source>
        <translation>Fejl ved opbevaring</translation>
    </message>
    <message>
        <source>Retention result</source>
        <translation>Resultat af opbevaring</translation>
    </message>
    <message>
        <source>Archived on</source>
        <translation>Arkiveret den</translation>
    </message>
    <message>
        <source>Rows affected</source>
        <translation>Berørte rækker</translation>
    </message>
    <message>
        <source>Retention preview table</source>
        <translation>Tabel over forhåndsvisning af opbevaring</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>låst</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiveret</translation>
    </message>
    <message>
        <source>&amp;Why?</source>
        <translation>&amp;Hvorfor?</translation>
    </message>
    <message>
        <source>The user was created.</source>
        <translation>Brugeren blev oprettet.</translation>
    </message>
    <message>
        <source>&amp;Why is the account disabled?</source>
        <translation>&amp;Hvorfor deaktiveres kontoen?</translation>
    </message>
    <message>
        <source>The user was disabled.</source>
        <translation>Brugeren blev deaktiveret.</translation>
    </message>
    <message>
        <source>&amp;Why is the account enabled?</source>
        <translation>&amp;Hvorfor aktiveres kontoen?</translation>
    </message>
    <message>
        <source>The user was enabled.</source>
        <translation>Brugeren blev aktiveret.</translation>
    </message>
    <message>
        <source>&amp;How was the user&apos;s identity checked?</source>
        <translation>&amp;Hvordan blev brugerens identitet kontrolleret?</translation>
    </message>
    <message>
        <source>The user was unlocked.</source>
        <translation>Brugeren blev låst op.</translation>
    </message>
    <message>
        <source>The role was changed.</source>
        <translation>Rollen blev ændret.</translation>
    </message>
    <message>
        <source>Enter a date as YYYY-MM-DD.</source>
        <translation>Angiv en dato som ÅÅÅÅ-MM-DD.</translation>
    </message>
    <message>
        <source>Reading the audit log…</source>
        <translation>Læser revisionsloggen…</translation>
    </message>
    <message>
        <source>Events {first}–{last} of {total}</source>
        <translation>Hændelser {first}–{last} af {total}</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>Audit event %1</source>
        <translation>Revisionshændelse %1</translation>
    </message>
    <message>
        <source>Checking the audit log…</source>
        <translation>Kontrollerer revisionsloggen…</translation>
    </message>
    <message>
        <source>The audit log is intact: {n} rows verified.</source>
        <translation>Revisionsloggen er intakt: {n} rækker kontrolleret.</translation>
    </message>
    <message>
        <source>The audit log was tampered with, first at row {id} ({reason}).</source>
        <translation>Der er pillet ved revisionsloggen, første gang i række {id} ({reason}).</translation>
    </message>
    <message>
        <source>The audit log was tampered with ({reason}).</source>
        <translation>Der er pillet ved revisionsloggen ({reason}).</translation>
    </message>
    <message>
        <source>The backup settings were saved.</source>
        <translation>Indstillingerne for sikkerhedskopi blev gemt.</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Tager sikkerhedskopi…</translation>
    </message>
    <message>
        <source>The backup failed: {reason}</source>
        <translation>Sikkerhedskopien mislykkedes: {reason}</translation>
    </message>
    <message>
        <source>the disk of the backup folder is full.</source>
        <translation>disken med sikkerhedskopimappen er fuld.</translation>
    </message>
    <message>
        <source>this program may not write in the backup folder.</source>
        <translation>programmet har ikke lov til at skrive i sikkerhedskopimappen.</translation>
    </message>
    <message>
        <source>the backup folder is on a read-only disk.</source>
        <translation>sikkerhedskopimappen ligger på en skrivebeskyttet disk.</translation>
    </message>
    <message>
        <source>the backup folder does not exist (is the external disk connected?).</source>
        <translation>sikkerhedskopimappen findes ikke (er den eksterne disk tilsluttet?).</translation>
    </message>
    <message>
        <source>the backup folder is not a folder.</source>
        <translation>sikkerhedskopimappen er ikke en mappe.</translation>
    </message>
    <message>
        <source>the backup folder could not be written (system error %1).</source>
        <translation>der kunne ikke skrives i sikkerhedskopimappen (systemfejl %1).</translation>
    </message>
    <message>
        <source>The backup could not be verified.</source>
        <translation>Sikkerhedskopien kunne ikke kontrolleres.</translation>
    </message>
    <message>
        <source>The backup was made and verified: {rows} rows, {size}.</source>
        <translation>Sikkerhedskopien blev taget og kontrolleret: {rows} rækker, {size}.</translation>
    </message>
    <message>
        <source>The retention policy was saved.</source>
        <translation>Opbevaringspolitikken blev gemt.</translation>
    </message>
    <message>
        <source>Looking for closed cases past the period…</source>
        <translation>Søger efter afsluttede sager efter perioden…</translation>
    </message>
    <message>
        <source>{n} closed cases were archived before {cutoff}.</source>
        <translation>{n} afsluttede sager blev arkiveret før {cutoff}.</translation>
    </message>
    <message>
        <source>{action}: {n} closed cases. This cannot be undone; make a backup first if in doubt. Continue?</source>
        <translation>{action}: {n} afsluttede sager. Det kan ikke fortrydes; tag en sikkerhedskopi først, hvis du er i tvivl. Fortsæt?</translation>
    </message>
    <message>
        <source>Applying the retention policy…</source>
        <translation>Anvender opbevaringspolitikken…</translation>
    </message>
    <message>
        <source>{anonymised} cases anonymised, {erased} erased.</source>
        <translation>{anonymised} sager anonymiseret, {erased} slettet.</translation>
    </message>
    <message>
        <source>The final clean-up of the database files was postponed; it completes on its own shortly.</source>
        <translation>Den endelige oprydning i databasefilerne blev udsat; den fuldføres af sig selv om lidt.</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <source>New user</source>
        <translation>Ny bruger</translation>
    </message>
    <message>
        <source>(no site)</source>
        <translation>(intet sted)</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Brugernavn:</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Brugernavn</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Fulde navn:</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Fulde navn</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>&amp;Site:</source>
        <translation>&amp;Sted:</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Sted</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Adgangs&amp;kode:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Adgangskode</translation>
    </message>
    <message>
        <source>Repea&amp;t password:</source>
        <translation>&amp;Gentag adgangskode:</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Gentag adgangskode</translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation>Begr&amp;undelse:</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begrundelse</translation>
    </message>
    <message>
        <source>New user error</source>
        <translation>Fejl ved ny bruger</translation>
    </message>
    <message>
        <source>Create user</source>
        <translation>Opret bruger</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
    <message>
        <source>The passwords differ.</source>
        <translation>Adgangskoderne er forskellige.</translation>
    </message>
    <message>
        <source>Give a reason.</source>
        <translation>Angiv en begrundelse.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>New role</source>
        <translation>Ny rolle</translation>
    </message>
    <message>
        <source>New &amp;role:</source>
        <translation>Ny &amp;rolle:</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begrundelse</translation>
    </message>
    <message>
        <source>Kept in the audit log.</source>
        <translation>Gemmes i revisionsloggen.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
</context>
<context>
    <name>Roles</name>
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
        <source>Statistics only</source>
        <translation>Kun statistik</translation>
    </message>
</context>
<context>
    <name>WorkstationsTab</name>
    <message>
        <source>Workstations</source>
        <translation>Arbejdsstationer</translation>
    </message>
    <message>
        <source>Computers joined to the shared database. To join one more, make a one-time code here and type it on the new computer within two hours.</source>
        <translation>Computere, der er tilsluttet den fælles database. For at tilslutte endnu en skal du lave en engangskode her og indtaste den på den nye computer inden for to timer.</translation>
    </message>
    <message>
        <source>Workstations explanation</source>
        <translation>Forklaring om arbejdsstationer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>Tilsluttet</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Hvordan</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Workstations table</source>
        <translation>Tabel over arbejdsstationer</translation>
    </message>
    <message>
        <source>Make an enrolment code</source>
        <translation>Lav en tilmeldingskode</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Tilbagekald…</translation>
    </message>
    <message>
        <source>Revoke the selected workstation</source>
        <translation>Tilbagekald den valgte arbejdsstation</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>Tilmeldingskode</translation>
    </message>
    <message>
        <source>Workstations error</source>
        <translation>Fejl ved arbejdsstationer</translation>
    </message>
    <message>
        <source>revoked %1 by %2</source>
        <translation>tilbagekaldt %1 af %2</translation>
    </message>
    <message>
        <source>active (this one)</source>
        <translation>aktiv (denne)</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>created the database</source>
        <translation>oprettede databasen</translation>
    </message>
    <message>
        <source>enrolment code</source>
        <translation>tilmeldingskode</translation>
    </message>
    <message>
        <source>recovery key</source>
        <translation>gendannelsesnøgle</translation>
    </message>
    <message>
        <source>Enrolment code (shown only now): %1 — valid until %2 UTC.</source>
        <translation>Tilmeldingskode (vises kun nu): %1 — gyldig til %2 UTC.</translation>
    </message>
    <message>
        <source>Select a workstation first.</source>
        <translation>Vælg først en arbejdsstation.</translation>
    </message>
    <message>
        <source>Revoke workstation</source>
        <translation>Tilbagekald arbejdsstation</translation>
    </message>
    <message>
        <source>Why is %1 revoked?</source>
        <translation>Hvorfor tilbagekaldes %1?</translation>
    </message>
    <message>
        <source>%1 will no longer be able to open or change the database.</source>
        <translation>%1 vil ikke længere kunne åbne eller ændre databasen.</translation>
    </message>
</context>
</TS>
