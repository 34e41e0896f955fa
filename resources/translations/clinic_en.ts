<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>ClinicPage</name>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n visit</numerusform>
            <numerusform>%n visits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Outing saved: %n contact(s) recorded.</source>
        <translation>
            <numerusform>Outing saved: %n contact recorded.</numerusform>
            <numerusform>Outing saved: %n contacts recorded.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpenReferralsView</name>
    <message numerus="yes">
        <source>%n open referral(s)</source>
        <translation>
            <numerusform>%n open referral</numerusform>
            <numerusform>%n open referrals</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutingForm</name>
    <message numerus="yes">
        <source>Outing saved: %1 on %2, %n contact(s) recorded.</source>
        <translation>
            <numerusform>Outing saved: %1 on %2, %n contact recorded.</numerusform>
            <numerusform>Outing saved: %1 on %2, %n contacts recorded.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message numerus="yes">
        <source>%n visit(s), last %1</source>
        <translation>
            <numerusform>%n visit, last %1</numerusform>
            <numerusform>%n visits, last %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n possible match(es): choose one with the arrow keys and Enter, or choose New visitor for someone else.</source>
        <translation>
            <numerusform>%n possible match: choose one with the arrow keys and Enter, or choose New visitor for someone else.</numerusform>
            <numerusform>%n possible matches: choose one with the arrow keys and Enter, or choose New visitor for someone else.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Warning: cover for %1 ends on %2 (in %n day(s)).</source>
        <translation>
            <numerusform>Warning: cover for %1 ends on %2 (in %n day).</numerusform>
            <numerusform>Warning: cover for %1 ends on %2 (in %n days).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitorHistoryView</name>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n visit</numerusform>
            <numerusform>%n visits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Link visitor %1 to %2 %3? Her %n visit(s) will show on that record.</source>
        <translation>
            <numerusform>Link visitor %1 to %2 %3? Her %n visit will show on that record.</numerusform>
            <numerusform>Link visitor %1 to %2 %3? Her %n visits will show on that record.</numerusform>
        </translation>
    </message>
</context>
</TS>
