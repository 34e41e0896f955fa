<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>StatisticsPage</name>
    <message>
        <source>Identified and presumed victims</source>
        <translation>Identificerede og formodede ofre</translation>
    </message>
    <message>
        <source>Identified victims by form of exploitation</source>
        <translation>Identificerede ofre efter udnyttelsesform</translation>
    </message>
    <message>
        <source>Identified victims by gender</source>
        <translation>Identificerede ofre efter køn</translation>
    </message>
    <message>
        <source>Identified victims: adults and children</source>
        <translation>Identificerede ofre: voksne og børn</translation>
    </message>
    <message>
        <source>Identified victims by nationality</source>
        <translation>Identificerede ofre efter nationalitet</translation>
    </message>
    <message>
        <source>Identified victims by identifying authority</source>
        <translation>Identificerede ofre efter identificerende myndighed</translation>
    </message>
    <message>
        <source>Identified victims by outcome</source>
        <translation>Identificerede ofre efter udfald</translation>
    </message>
    <message>
        <source>Shelter stays begun, by shelter</source>
        <translation>Påbegyndte krisecenterophold efter krisecenter</translation>
    </message>
    <message>
        <source>Clinic activity</source>
        <translation>Klinikkens aktivitet</translation>
    </message>
    <message>
        <source>Identified</source>
        <translation>Identificeret</translation>
    </message>
    <message>
        <source>Presumed</source>
        <translation>Formodet</translation>
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
        <translation>Tvang til kriminalitet</translation>
    </message>
    <message>
        <source>Removal of organs</source>
        <translation>Fjernelse af organer</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andet</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Ikke registreret</translation>
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
        <source>Unknown</source>
        <translation>Ukendt</translation>
    </message>
    <message>
        <source>Adults</source>
        <translation>Voksne</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Børn</translation>
    </message>
    <message>
        <source>Immigration Service</source>
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
        <source>Prosecution service</source>
        <translation>Anklagemyndigheden</translation>
    </message>
    <message>
        <source>Asylum granted</source>
        <translation>Asyl givet</translation>
    </message>
    <message>
        <source>Assisted return</source>
        <translation>Assisteret hjemrejse</translation>
    </message>
    <message>
        <source>Residence permit</source>
        <translation>Opholdstilladelse</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Besøg</translation>
    </message>
    <message>
        <source>Anonymous visitors</source>
        <translation>Anonyme besøgende</translation>
    </message>
    <message>
        <source>Mobile outings</source>
        <translation>Opsøgende ture</translation>
    </message>
    <message>
        <source>Services given</source>
        <translation>Ydelser givet</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Henvisninger</translation>
    </message>
    <message>
        <source>Other nationalities</source>
        <translation>Andre nationaliteter</translation>
    </message>
    <message>
        <source>A person can have several forms of exploitation and is counted under each, so the columns add up to more than the total, which counts persons.</source>
        <translation>En person kan have flere udnyttelsesformer og tælles under hver, så kolonnerne summerer til mere end totalen, som tæller personer.</translation>
    </message>
    <message>
        <source>&apos;..&apos; marks a count that is hidden because it is small, or because it would let a small count be worked out from the totals.</source>
        <translation>&apos;..&apos; markerer et tal, der er skjult, fordi det er lille, eller fordi et lille tal ellers kunne regnes ud fra totalerne.</translation>
    </message>
    <message>
        <source>INTERNAL figures: small counts are shown. Not for publication.</source>
        <translation>INTERNE tal: små tal vises. Må ikke offentliggøres.</translation>
    </message>
    <message>
        <source>Presumed: first contact in the year and no identification decision recorded.</source>
        <translation>Formodet: første kontakt i året og ingen afgørelse om identifikation registreret.</translation>
    </message>
    <message>
        <source>Outcome recorded to date: asylum granted, else assisted return, else a permit.</source>
        <translation>Udfald registreret til dato: asyl, ellers assisteret hjemrejse, ellers opholdstilladelse.</translation>
    </message>
    <message>
        <source>Age on the day of identification, from the best known birth date.</source>
        <translation>Alder på identifikationsdagen ud fra den bedst kendte fødselsdato.</translation>
    </message>
    <message>
        <source>A year that is not over is not published yet: its figures are hidden.</source>
        <translation>Et år, der ikke er slut, er endnu ikke offentliggjort: dets tal er skjult.</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>From year</source>
        <translation>Fra år</translation>
    </message>
    <message>
        <source>To year</source>
        <translation>Til år</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Sted</translation>
    </message>
    <message>
        <source>All sites</source>
        <translation>Alle steder</translation>
    </message>
    <message>
        <source>&amp;Internal figures (small counts shown, audited)</source>
        <translation>&amp;Interne tal (små tal vises, logges)</translation>
    </message>
    <message>
        <source>Internal figures</source>
        <translation>Interne tal</translation>
    </message>
    <message>
        <source>&amp;Show figures</source>
        <translation>Vi&amp;s tal</translation>
    </message>
    <message>
        <source>Show figures</source>
        <translation>Vis tal</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>Fr&amp;a:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Til:</translation>
    </message>
    <message>
        <source>Sit&amp;e:</source>
        <translation>St&amp;ed:</translation>
    </message>
    <message>
        <source>E&amp;xploitation by year</source>
        <translation>&amp;Udnyttelse pr. år</translation>
    </message>
    <message>
        <source>Save chart as &amp;PNG…</source>
        <translation>Gem diagram som &amp;PNG…</translation>
    </message>
    <message>
        <source>published figures, threshold %1: counts below %1 hidden</source>
        <translation>offentliggjorte tal, tærskel %1: tal under %1 er skjult</translation>
    </message>
    <message>
        <source>(%1: the year is not over, nothing published)</source>
        <translation>(%1: året er ikke slut, intet offentliggjort)</translation>
    </message>
    <message>
        <source>Statistics status</source>
        <translation>Statistikstatus</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabel</translation>
    </message>
    <message>
        <source>Ta&amp;ble:</source>
        <translation>Ta&amp;bel:</translation>
    </message>
    <message>
        <source>Statistics table</source>
        <translation>Statistiktabel</translation>
    </message>
    <message>
        <source>Table notes</source>
        <translation>Noter til tabellen</translation>
    </message>
    <message>
        <source>Exploitation chart</source>
        <translation>Diagram over udnyttelsesformer</translation>
    </message>
    <message>
        <source>Nationality chart</source>
        <translation>Diagram over nationaliteter</translation>
    </message>
    <message>
        <source>Adults and children chart</source>
        <translation>Diagram over voksne og børn</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagrammer</translation>
    </message>
    <message>
        <source>&amp;Nationalities</source>
        <translation>&amp;Nationaliteter</translation>
    </message>
    <message>
        <source>&amp;Adults and children</source>
        <translation>V&amp;oksne og børn</translation>
    </message>
    <message>
        <source>Chart note</source>
        <translation>Note til diagrammet</translation>
    </message>
    <message>
        <source>Export tables as &amp;CSV…</source>
        <translation>Eksportér tabeller som &amp;CSV…</translation>
    </message>
    <message>
        <source>Save chart as P&amp;DF…</source>
        <translation>Gem diagram som P&amp;DF…</translation>
    </message>
    <message>
        <source>&amp;Yearly summary (PDF)…</source>
        <translation>Å&amp;rsoversigt (PDF)…</translation>
    </message>
    <message>
        <source>Publication threshold</source>
        <translation>Tærskel for offentliggørelse</translation>
    </message>
    <message>
        <source>Set th&amp;reshold</source>
        <translation>Sæt t&amp;ærskel</translation>
    </message>
    <message>
        <source>Smallest count pub&amp;lished:</source>
        <translation>Mindste offentliggjorte ta&amp;l:</translation>
    </message>
    <message>
        <source>Choose at most %1 years at a time.</source>
        <translation>Vælg højst %1 år ad gangen.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Tæller…</translation>
    </message>
    <message>
        <source>Counting statistics…</source>
        <translation>Tæller statistik…</translation>
    </message>
    <message>
        <source>all sites</source>
        <translation>alle steder</translation>
    </message>
    <message>
        <source>INTERNAL figures, not for publication</source>
        <translation>INTERNE tal, må ikke offentliggøres</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>År</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>I alt</translation>
    </message>
    <message>
        <source>Identified victims per year by form of exploitation (persons)</source>
        <translation>Identificerede ofre pr. år efter udnyttelsesform (personer)</translation>
    </message>
    <message>
        <source>Identified victims per year: adults and children (age at identification)</source>
        <translation>Identificerede ofre pr. år: voksne og børn (alder ved identifikation)</translation>
    </message>
    <message>
        <source>Hidden counts (&apos;..&apos;) are drawn as zero.</source>
        <translation>Skjulte tal (&apos;..&apos;) tegnes som nul.</translation>
    </message>
    <message>
        <source>The %1 most frequent nationalities of identified victims</source>
        <translation>De %1 hyppigste nationaliteter blandt identificerede ofre</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>Personer</translation>
    </message>
    <message>
        <source>Export statistics as CSV</source>
        <translation>Eksportér statistik som CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>Exporting statistics…</source>
        <translation>Eksporterer statistik…</translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation>Gem diagram som PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-billeder (*.png)</translation>
    </message>
    <message>
        <source>Chart saved.</source>
        <translation>Diagrammet er gemt.</translation>
    </message>
    <message>
        <source>Save chart as PDF</source>
        <translation>Gem diagram som PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>Threshold %1 applies to years published from now on.</source>
        <translation>Tærskel %1 gælder for år, der offentliggøres fra nu af.</translation>
    </message>
    <message>
        <source>Save the yearly summary</source>
        <translation>Gem årsoversigten</translation>
    </message>
    <message>
        <source>Preparing the yearly summary…</source>
        <translation>Forbereder årsoversigten…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gemt.</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gemt i %1</translation>
    </message>
    <message>
        <source>The file could not be written. Nothing was saved.</source>
        <translation>Filen kunne ikke skrives. Intet blev gemt.</translation>
    </message>
</context>
</TS>
