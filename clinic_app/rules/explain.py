"""Structured explanations: the rules return a key and its values, never a sentence.

``render(message, "da")`` / ``render(message, "en")`` turns one into text. This module is pure
Python (no Qt), so the UI, the CLI and the documents all render the same catalogue:

    from clinic_app.rules.explain import render
    label.setText(render(deadline.message, language))

Values are dates (ISO in both languages, as the UI shows them), numbers, vocabulary enums
(translated here), nested messages, or plain strings that are data (a partner's name).
Messages serialise to JSON (``to_json`` / ``from_json``) so stored deadlines keep them.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from clinic_app.vocabulary import (
    Authority,
    EventKind,
    ExtensionGround,
    HealthService,
    LegalStay,
    Payer,
)

Lang = Literal["en", "da"]


@dataclass(frozen=True)
class Message:
    """A catalogue key and its named values."""

    key: str
    values: tuple[tuple[str, object], ...] = ()

    def get(self, name: str) -> object:
        return dict(self.values).get(name)


def msg(key: str, **values: object) -> Message:
    """A message; values are sorted by name so equal messages compare equal."""
    if key not in CATALOGUE:
        raise KeyError(f"no such message: {key}")
    return Message(key, tuple(sorted(values.items())))


# --- vocabulary labels ------------------------------------------------------------------------

_ENUMS: dict[str, tuple[str, str]] = {
    Authority.IMMIGRATION_SERVICE: ("the Immigration Service", "Udlændingestyrelsen"),
    Authority.SIRI: ("SIRI", "SIRI"),
    Authority.CMM: ("the Centre against Human Trafficking", "Center mod Menneskehandel"),
    Authority.COURT: ("a court", "en domstol"),
    Authority.POLICE: ("the police", "politiet"),
    Authority.PROSECUTION: ("the prosecution", "anklagemyndigheden"),
    LegalStay.NONE: ("no legal stay", "intet lovligt ophold"),
    LegalStay.ASYLUM_SEEKER: ("asylum seeker", "asylansøger"),
    LegalStay.EU_CITIZEN: ("EU citizen", "EU-borger"),
    LegalStay.DANISH_CITIZEN: ("Danish citizen", "dansk statsborger"),
    LegalStay.RESIDENCE_PERMIT: ("residence permit", "opholdstilladelse"),
    ExtensionGround.RETURN_COOPERATION: (
        "cooperation on a prepared return",
        "samarbejde om en forberedt hjemrejse",
    ),
    ExtensionGround.PARTICULAR_REASONS: ("particular reasons", "særlige grunde"),
    ExtensionGround.OTHER: ("another reason", "anden grund"),
    Payer.IMMIGRATION_SERVICE: ("the Immigration Service", "Udlændingestyrelsen"),
    Payer.CMM: ("the Centre against Human Trafficking", "Center mod Menneskehandel"),
    Payer.OWN_INSURANCE: ("own insurance", "egen forsikring"),
    Payer.NATIONAL_HEALTH: (
        "region and municipality (yellow health card)",
        "region og kommune (det gule sundhedskort)",
    ),
    Payer.MUNICIPALITY: ("the municipality", "kommunen"),
    Payer.UNKNOWN: ("no source says who pays", "ingen kilde siger, hvem der betaler"),
    Payer.NONE: ("nobody", "ingen"),
    HealthService.GENERAL_PRACTICE: ("general practice", "almen praksis"),
    HealthService.PSYCHOLOGICAL_THERAPY: ("psychological therapy", "psykologbehandling"),
    HealthService.PSYCHIATRIC_THERAPY: ("psychiatric therapy", "psykiatrisk behandling"),
    HealthService.HOSPITALISATION: ("hospitalisation", "hospitalsindlæggelse"),
    HealthService.PHYSICAL_THERAPY: ("physiotherapy", "fysioterapi"),
    HealthService.DENTISTRY: ("dentistry", "tandbehandling"),
    HealthService.SUPPORT_PERSON: ("support person", "støtteperson"),
    HealthService.BODY_THERAPY: ("body therapy", "kropsterapi"),
}

# --- the catalogue: key -> (English, Danish) ---------------------------------------------------

CATALOGUE: dict[str, tuple[str, str]] = {
    # headline statuses (docs/rules.md, "Headline status")
    "status.history_needs_correction": ("History needs correction", "Historikken skal rettes"),
    "status.closed": ("Case closed", "Sagen er afsluttet"),
    "status.returned": ("Returned home (IOM follow-up)", "Rejst hjem (IOM's opfølgning)"),
    "status.permit": (
        "Temporary residence permit (Aliens Act §9c(5))",
        "Midlertidig opholdstilladelse (udlændingelovens § 9 c, stk. 5)",
    ),
    "status.asylum_granted": ("Asylum granted", "Asyl meddelt"),
    "status.asylum_pending": ("Asylum case pending", "Asylsag under behandling"),
    "status.identification_refused": (
        "Identification refused: reflection period ended",
        "Identifikation afvist: refleksionsperioden er ophørt",
    ),
    "status.reflection_extension_requested": (
        "Reflection period (extension requested, expected)",
        "Refleksionsperiode (forlængelse søgt, forventet)",
    ),
    "status.reflection_extended": (
        "Reflection period (extended)",
        "Refleksionsperiode (forlænget)",
    ),
    "status.reflection": ("Reflection period running", "Refleksionsperiode løber"),
    "status.expired_must_leave": (
        "Reflection period expired: must leave Denmark",
        "Refleksionsperioden er udløbet: skal udrejse",
    ),
    "status.return_prepared": (
        "Referred for assisted voluntary return",
        "Henvist til frivillig hjemrejse",
    ),
    "status.identified": ("Identified victim", "Identificeret offer"),
    "status.not_identified": ("Not identified as a victim", "Ikke identificeret som offer"),
    "status.presumed": ("Presumed victim", "Formodet offer"),
    # pieces
    "origin.identification": ("identification", "identifikationen"),
    "origin.start": ("the start", "starten"),
    "word.granted": ("granted", "meddelt"),
    "word.renewed": ("renewed", "forlænget"),
    # reflection period
    "reflection.end.initial": (
        "Reflection period ends {end}: {days} days from {origin} on {start}, rule set {rules}",
        "Refleksionsperioden slutter {end}: {days} dage fra {origin} den {start}, regelsæt {rules}",
    ),
    "reflection.end.granted": (
        "Reflection period ends {end} (granted): extension decided on {decided}, {total} days "
        "in total from {start}, rule set {rules}",
        "Refleksionsperioden slutter {end} (meddelt): forlængelse afgjort den {decided}, "
        "{total} dage i alt fra {start}, regelsæt {rules}",
    ),
    "reflection.end.expected": (
        "Reflection period expected to end {end} (EXPECTED, not granted): extension requested "
        "on {requested} on the ground of {ground}; granted until {granted}, rule set {rules}",
        "Refleksionsperioden forventes at slutte {end} (FORVENTET, ikke meddelt): forlængelse "
        "søgt den {requested} med begrundelsen {ground}; meddelt til {granted}, regelsæt {rules}",
    ),
    "reflection.end.permit": (
        "Reflection period ended {end}: residence permit granted, rule set {rules}",
        "Refleksionsperioden sluttede {end}: opholdstilladelse meddelt, regelsæt {rules}",
    ),
    "reflection.end.identification_refused": (
        "Reflection period ended {end}: identification refused by {authority}, rule set {rules}",
        "Refleksionsperioden sluttede {end}: identifikation afvist af {authority}, "
        "regelsæt {rules}",
    ),
    "reflection.max_end": (
        "Reflection period cannot run beyond {max_end}: at most {max_days} days in total from "
        "{start} under rule set {rules}, in force on {on} (extension on cooperation on a "
        "prepared return or for particular reasons)",
        "Refleksionsperioden kan ikke løbe ud over {max_end}: højst {max_days} dage i alt fra "
        "{start} efter regelsæt {rules}, gældende den {on} (forlængelse ved samarbejde om "
        "forberedt hjemrejse eller af særlige grunde)",
    ),
    "reflection.departed": (
        "Departed on {date}; the legal end of the reflection period stays {end}",
        "Udrejst den {date}; refleksionsperiodens retlige slutdato er fortsat {end}",
    ),
    "request.extends_nothing": (
        "Extension request of {date} extends nothing: {reason}",
        "Anmodningen om forlængelse af {date} forlænger ikke perioden: {reason}",
    ),
    "request.no_ground": (
        "it gives no ground the Aliens Act §33(14) knows (cooperation on a prepared return, or "
        "particular reasons)",
        "den angiver ingen begrundelse, som udlændingelovens § 33, stk. 14, kender (samarbejde "
        "om forberedt hjemrejse eller særlige grunde)",
    ),
    "request.late": (
        "it was filed after the period ended on {end}",
        "den blev indgivet efter periodens udløb den {end}",
    ),
    "request.beyond_max": (
        "it asks for {requested}, beyond the maximum {max_end} ({max_days} days, rule set "
        "{rules} in force on the request date)",
        "den beder om {requested}, ud over det højeste {max_end} ({max_days} dage, regelsæt "
        "{rules} gældende på anmodningsdagen)",
    ),
    "request.at_max": (
        "the period already runs to the maximum {max_end}",
        "perioden løber allerede til det højeste {max_end}",
    ),
    "request.refused": (
        "Extension requested on {date} was refused on {decided}",
        "Forlængelse søgt den {date} blev afslået den {decided}",
    ),
    # permits
    "permit.expiry": (
        "Residence permit (Aliens Act §9c(5)) expires {until}: {verb} on {date}, {source}, "
        "rule set {rules}",
        "Opholdstilladelsen (udlændingelovens § 9 c, stk. 5) udløber {until}: {verb} den {date}, "
        "{source}, regelsæt {rules}",
    ),
    "permit.source.letter": ("end date from the decision letter", "slutdato fra afgørelsen"),
    "permit.source.default": (
        "no end date recorded: {months} months assumed",
        "ingen slutdato registreret: {months} måneder antaget",
    ),
    "permit.ended": (
        "Residence permit (Aliens Act §9c(5)) ended {until}, rule set {rules}",
        "Opholdstilladelsen (udlændingelovens § 9 c, stk. 5) ophørte {until}, regelsæt {rules}",
    ),
    "permit.reminder": (
        "Ask the police or prosecution by {date} whether they will apply to renew the permit "
        "expiring {until} (the person cannot apply), rule set {rules}",
        "Spørg politiet eller anklagemyndigheden senest {date}, om de søger om forlængelse af "
        "tilladelsen, der udløber {until} (personen kan ikke selv søge), regelsæt {rules}",
    ),
    "avr.follow_up": (
        "IOM follow-up ends {until}: {months} months after return on {date}, rule set {rules}",
        "IOM's opfølgning slutter {until}: {months} måneder efter hjemrejsen den {date}, "
        "regelsæt {rules}",
    ),
    # age
    "turns18.exact": (
        "Turns 18 on {date} (documented birth date {born})",
        "Fylder 18 den {date} (dokumenteret fødselsdato {born})",
    ),
    "turns18.year": (
        "Turns 18 between {earliest} and {latest}: birth year {year} is estimated; a minor "
        "until the end of {latest_year} while in doubt",
        "Fylder 18 mellem {earliest} og {latest}: fødselsåret {year} er skønnet; mindreårig "
        "til udgangen af {latest_year}, så længe der er tvivl",
    ),
    "turns18.assessed": (
        "Turns 18 on about {date}: assessed as {age} years old on {assessed_on} (youngest "
        "reading assumed)",
        "Fylder 18 omkring {date}: vurderet til {age} år den {assessed_on} (yngste læsning "
        "antaget)",
    ),
    "turns18.uncertain": (
        "Turns 18 on about {date} (birth date uncertain)",
        "Fylder 18 omkring {date} (fødselsdato usikker)",
    ),
    "turns18.in_reflection": (
        "{text}, during the reflection period",
        "{text}, i refleksionsperioden",
    ),
    # obligations
    "guardian.missing": (
        "Minor (age {age}{uncertain}) has no current guardian (professional personal "
        "representative): appoint one",
        "Mindreårig (alder {age}{uncertain}) har ingen personlig repræsentant: en professionel "
        "repræsentant skal beskikkes",
    ),
    "word.uncertain": (", uncertain", ", usikker"),
    "contact.missing": (
        "No contact person appointed: every victim has a contact person who prepares the "
        "individual action plan with them",
        "Ingen kontaktperson: alle ofre har en kontaktperson, der laver den individuelle "
        "handleplan sammen med dem",
    ),
    "plan.review": (
        "Individual action plan review due {date}",
        "Handleplanen skal revideres {date}",
    ),
    "consent.expiry": (
        "Consent {consent} to share information with {partner} expires {date}",
        "Samtykke {consent} til at dele oplysninger med {partner} udløber {date}",
    ),
    "entitlement.end": (
        "Health entitlements paid by {payer} end {date}{expected}: {services}",
        "Sundhedsydelser betalt af {payer} slutter {date}{expected}: {services}",
    ),
    "entitlement.expected_suffix": (
        " (EXPECTED: follows the requested extension)",
        " (FORVENTET: følger den søgte forlængelse)",
    ),
    # review flags, invalid history
    "review.reflection_max": (
        "Manual review: the {what} of {date} falls between the tabling of bill L 129 "
        "(2013-01-30) and the consolidation act of 2013-06-25; whether 100 or 120 days was the "
        "maximum that day is not confirmed",
        "Manuel gennemgang: {what} af {date} ligger mellem fremsættelsen af lovforslag L 129 "
        "(30-01-2013) og lovbekendtgørelsen af 25-06-2013; om maksimum den dag var 100 eller 120 "
        "dage, er ikke bekræftet",
    ),
    "review.what.request": ("extension request", "anmodningen om forlængelse"),
    "review.what.start": ("reflection period", "refleksionsperioden"),
    "review.iom": (
        "Manual review: the departure of {date} falls in the period when IOM's follow-up went "
        "from 3 to 6 months; the date of that change is not known",
        "Manuel gennemgang: udrejsen den {date} ligger i perioden, hvor IOM's opfølgning gik fra "
        "3 til 6 måneder; datoen for ændringen kendes ikke",
    ),
    "review.permit_section": (
        "Manual review: the §9c(5) permit of {date} is dated before the day bill L 129 (which "
        "created §9c(5)) is confirmed to be in force",
        "Manuel gennemgang: tilladelsen efter § 9 c, stk. 5, af {date} er dateret før den dag, "
        "lovforslag L 129 (som indførte § 9 c, stk. 5) med sikkerhed var i kraft",
    ),
    "review.identifier_before_2022": (
        "Manual review: identification on {date} by {authority}; since 2022 only the Centre "
        "and the Immigration Service or SIRI identify, earlier rules are not modelled",
        "Manuel gennemgang: identifikation den {date} af {authority}; siden 2022 identificerer "
        "kun Center mod Menneskehandel og Udlændingestyrelsen eller SIRI, tidligere regler er "
        "ikke modelleret",
    ),
    "history.needs_correction": (
        "History needs correction ({count} problems): deadlines and entitlements computed from "
        "it are unreliable, and status documents cannot be printed until it is corrected",
        "Historikken skal rettes ({count} problemer): frister og ydelser beregnet ud fra den er "
        "upålidelige, og statusdokumenter kan ikke udskrives, før den er rettet",
    ),
    "doc.refused_invalid": (
        "Refused: this document states status, deadlines or who pays, and the person's history "
        "needs correction first ({problems})",
        "Afvist: dokumentet angiver status, frister eller betaler, og personens historik skal "
        "rettes først ({problems})",
    ),
    "unreliable.suffix": (
        "{text} [UNRELIABLE: history needs correction]",
        "{text} [UPÅLIDELIG: historikken skal rettes]",
    ),
    # notes beside the status
    "note.permit_no_work": (
        "A §9c(5) permit carries no right to work; a work permit can be applied for through "
        "the Immigration Service without conditions",
        "En tilladelse efter § 9 c, stk. 5, giver ikke ret til at arbejde; der kan søges "
        "arbejdstilladelse gennem Udlændingestyrelsen uden betingelser",
    ),
    "note.charges_withdrawable": (
        "A criminal charge directly linked to the trafficking may be withdrawn "
        "(Administration of Justice Act §722(2))",
        "En sigtelse for forhold, der er direkte forbundet med menneskehandlen, kan frafaldes "
        "(retsplejelovens § 722, stk. 2)",
    ),
    "note.avr_cooperation": (
        "Cooperates on a prepared return since {date}",
        "Samarbejder om en forberedt hjemrejse siden {date}",
    ),
    # entitlement lines
    "ent.necessary_dis": (
        "Covered: necessary care paid by the Immigration Service (no legal stay or asylum "
        "seeker), whether or not identified{until}",
        "Dækket: nødvendig behandling betalt af Udlændingestyrelsen (intet lovligt ophold eller "
        "asylansøger), uanset identifikation{until}",
    ),
    "ent.ordinary": (
        "Covered: ordinary public care through region and municipality (yellow health card)",
        "Dækket: almindelig offentlig behandling gennem region og kommune (gult sundhedskort)",
    ),
    "ent.ordinary_no_card": (
        "Legal stay but no yellow health card recorded: no source says who pays ordinary care",
        "Lovligt ophold, men intet gult sundhedskort registreret: ingen kilde siger, hvem der "
        "betaler almindelig behandling",
    ),
    "ent.stay_unknown": (
        "Legal stay not recorded: who pays depends on it; no source says until it is recorded",
        "Lovligt ophold ikke registreret: betaleren afhænger af det; ingen kilde siger det, før "
        "det er registreret",
    ),
    "ent.extended": (
        "Covered: extended care paid by {payer}{insurer}{until}: {basis}",
        "Dækket: udvidet behandling betalt af {payer}{insurer}{until}: {basis}",
    ),
    "ent.insurer": (" (insurer in {country})", " (forsikring i {country})"),
    "ent.until": (", until {date}", ", til {date}"),
    "ent.until_expected": (
        ", until {date} (EXPECTED: extension requested, not granted)",
        ", til {date} (FORVENTET: forlængelse søgt, ikke meddelt)",
    ),
    "ent.no_end": (", no end date known", ", ingen slutdato kendt"),
    "ent.not_identified": (
        "Not covered: extended care follows identification as a victim",
        "Ikke dækket: udvidet behandling følger identifikation som offer",
    ),
    "ent.refused": (
        "Not covered: identification refused on {date}; the extended care it carried ended",
        "Ikke dækket: identifikation afvist den {date}; den udvidede behandling ophørte",
    ),
    "ent.ended": ("Not covered: ended {date} ({basis})", "Ikke dækket: ophørte {date} ({basis})"),
    "ent.closed": ("Not covered: case closed on {date}", "Ikke dækket: sagen afsluttet den {date}"),
    "ent.departed": ("Not covered: departed on {date}", "Ikke dækket: udrejst den {date}"),
    "ent.manual": (
        "Manual decision ({payer} pays): {reason} [rule says: {rule}]",
        "Manuel afgørelse ({payer} betaler): {reason} [reglen siger: {rule}]",
    ),
    "ent.manual_none": (
        "Manual decision (not covered): {reason} [rule says: {rule}]",
        "Manuel afgørelse (ikke dækket): {reason} [reglen siger: {rule}]",
    ),
    "basis.reflection": ("reflection period until {date}", "refleksionsperiode til {date}"),
    "basis.reflection_expected": (
        "reflection period expected until {date}",
        "refleksionsperiode forventet til {date}",
    ),
    "basis.permit": ("residence permit until {date}", "opholdstilladelse til {date}"),
    "basis.asylum_pending": ("asylum case pending", "asylsag under behandling"),
    "basis.legal_stay": ("legal stay, case open", "lovligt ophold, sagen er åben"),
    "basis.nothing_recorded": (
        "no reflection period or permit recorded",
        "ingen refleksionsperiode eller tilladelse registreret",
    ),
    "basis.join": ("{a}; {b}", "{a}; {b}"),
    # violations
    "v.end_before_start": (
        "{kind} ends {end}, before it starts on {date}",
        "{kind} slutter {end}, før den starter {date}",
    ),
    "v.end_date_required": (
        "A granted extension needs the end date from the decision letter",
        "En meddelt forlængelse skal have slutdatoen fra afgørelsen",
    ),
    "v.renewal_end_required": (
        "A permit renewal needs the expiry date from the decision letter",
        "En forlængelse af tilladelsen skal have udløbsdatoen fra afgørelsen",
    ),
    "v.event_in_future": (
        "{kind} is dated {date}, after today ({today})",
        "{kind} er dateret {date}, efter i dag ({today})",
    ),
    "v.outcome_identification": (
        "An identification needs the outcome identified or not identified",
        "En identifikation skal have udfaldet identificeret eller ikke identificeret",
    ),
    "v.outcome_decision": (
        "A decision needs the outcome granted or refused",
        "En afgørelse skal have udfaldet meddelt eller afslået",
    ),
    "v.legal_stay_required": (
        "A legal-stay event needs the stay status",
        "En opholdshændelse skal have opholdsstatus",
    ),
    "v.ground_required": (
        "An extension request needs its ground (cooperation on a prepared return, particular "
        "reasons, or another reason)",
        "En anmodning om forlængelse skal have en begrundelse (samarbejde om forberedt "
        "hjemrejse, særlige grunde eller anden grund)",
    ),
    "v.permit_applicant_not_police": (
        "Only the police or the prosecution can apply for a §9c(5) permit; the person cannot apply",
        "Kun politiet eller anklagemyndigheden kan søge om tilladelse efter § 9 c, stk. 5; "
        "personen kan ikke selv søge",
    ),
    "v.identification_before_first_contact": (
        "Identification on {date} is before the first contact on {contact}",
        "Identifikation den {date} ligger før første kontakt den {contact}",
    ),
    "v.wrong_identification_authority": (
        "{authority} cannot identify a person whose legal stay is {stay}: no legal stay (incl. "
        "asylum seekers) -> the Immigration Service or SIRI; legal stay -> the Centre against "
        "Human Trafficking; a court in a criminal case",
        "{authority} kan ikke identificere en person med opholdsstatus {stay}: intet lovligt "
        "ophold (inkl. asylansøgere) -> Udlændingestyrelsen eller SIRI; lovligt ophold -> "
        "Center mod Menneskehandel; en domstol i en straffesag",
    ),
    "v.not_an_identifier": (
        "{authority} does not identify victims: only the Centre against Human Trafficking and "
        "the Immigration Service or SIRI identify; a court grants status in a criminal case",
        "{authority} identificerer ikke ofre: kun Center mod Menneskehandel og "
        "Udlændingestyrelsen eller SIRI identificerer; en domstol giver status i en straffesag",
    ),
    "v.legal_stay_unknown_at_identification": (
        "Identification on {date} while the legal stay is unknown: record the legal stay first "
        "(it decides who identifies)",
        "Identifikation den {date}, mens opholdsstatus er ukendt: registrér opholdsstatus først "
        "(den afgør, hvem der identificerer)",
    ),
    "v.reflection_before_identification": (
        "Reflection period starts {date} but the person is not identified as a victim on or "
        "before that date",
        "Refleksionsperioden starter {date}, men personen er ikke identificeret som offer på "
        "eller før den dato",
    ),
    "v.reflection_start_conflict": (
        "A second reflection period starting {date} conflicts with the one that started {first} "
        "and runs until {end}",
        "En ny refleksionsperiode fra {date} strider mod den, der startede {first} og løber til "
        "{end}",
    ),
    "v.extension_without_reflection": (
        "Extension event on {date} has no reflection period started before it",
        "Forlængelse den {date} har ingen refleksionsperiode startet før den",
    ),
    "v.reflection_beyond_maximum": (
        "Extension to {end} gives {total} days in total from {start}; rule set {rules} allows at "
        "most {max_days} days (until {max_end})",
        "Forlængelse til {end} giver {total} dage i alt fra {start}; regelsæt {rules} tillader "
        "højst {max_days} dage (til {max_end})",
    ),
    "v.extension_shortens": (
        "An extension to {end} would shorten the period, which already runs until {current}",
        "En forlængelse til {end} ville forkorte perioden, som allerede løber til {current}",
    ),
    "v.renewal_without_grant": (
        "Permit renewed on {date} but no permit was granted before",
        "Tilladelsen blev forlænget den {date}, men ingen tilladelse var meddelt før",
    ),
    "v.permit_without_police_application": (
        "Permit {verb} on {date} without an application by the police or prosecution since the "
        "previous decision (Aliens Act §9c(5))",
        "Tilladelse {verb} den {date} uden ansøgning fra politiet eller anklagemyndigheden siden "
        "forrige afgørelse (udlændingelovens § 9 c, stk. 5)",
    ),
    "v.permit_period_too_long": (
        "Permit valid to {end} exceeds {months} months from {start} (latest {latest}, rule set "
        "{rules})",
        "Tilladelse gyldig til {end} overstiger {months} måneder fra {start} (senest {latest}, "
        "regelsæt {rules})",
    ),
    "v.permit_before_section": (
        "A §9c(5) permit on {date} is dated before §9c(5) existed (created by bill L 129, "
        "tabled 2013-01-30)",
        "En tilladelse efter § 9 c, stk. 5, den {date} er dateret før § 9 c, stk. 5, fandtes "
        "(indført ved lovforslag L 129, fremsat 30-01-2013)",
    ),
    "v.departure_before_referral": (
        "Departure on {date} comes before any referral to IOM for assisted voluntary return",
        "Udrejse den {date} ligger før nogen henvisning til IOM om frivillig hjemrejse",
    ),
    "v.asylum_decision_without_application": (
        "Asylum decided on {date} without an earlier application",
        "Asyl afgjort den {date} uden en tidligere ansøgning",
    ),
    "v.birth_after_first_contact": (
        "Birth date {born} is after the first contact on {contact}",
        "Fødselsdatoen {born} ligger efter første kontakt den {contact}",
    ),
    "v.decision_without_request": (
        "Extension decided on {date} without a request before it",
        "Forlængelse afgjort den {date} uden en anmodning før den",
    ),
}

_EVENT_KINDS_DA = {
    "first_contact": "første kontakt",
    "identification": "identifikation",
    "legal_stay": "opholdsstatus",
    "reflection_start": "refleksionsperiode",
    "reflection_extension_requested": "anmodning om forlængelse",
    "reflection_extension_decided": "afgørelse om forlængelse",
    "permit_application": "ansøgning om opholdstilladelse",
    "permit_granted": "opholdstilladelse",
    "permit_renewed": "forlængelse af opholdstilladelse",
    "permit_ended": "ophør af opholdstilladelse",
    "asylum_applied": "asylansøgning",
    "asylum_decided": "asylafgørelse",
    "avr_cooperation": "samarbejde om hjemrejse",
    "avr_referral": "henvisning til IOM",
    "avr_departure": "udrejse",
}


def _value(value: object, lang: Lang) -> str:
    if isinstance(value, Message):
        return render(value, lang)
    if isinstance(value, tuple):
        return ", ".join(_value(v, lang) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, StrEnum):
        pair = _ENUMS.get(value)
        if pair is not None:
            return pair[1] if lang == "da" else pair[0]
        if lang == "da" and value.value in _EVENT_KINDS_DA:
            return _EVENT_KINDS_DA[value.value]
        return value.value.replace("_", " ")
    return str(value)


def render(message: Message, lang: str) -> str:
    """The message as text in ``lang`` ("da" or "en"; anything else gives English)."""
    en, da = CATALOGUE[message.key]
    template = da if lang == "da" else en
    language: Lang = "da" if lang == "da" else "en"
    return template.format(**{k: _value(v, language) for k, v in message.values})


def enum_text(value: StrEnum, lang: str) -> str:
    """A vocabulary value (authority, payer, ground, service, stay) in ``lang``."""
    return _value(value, "da" if lang == "da" else "en")


# --- JSON, for stored deadlines ---------------------------------------------------------------


def _encode(value: object) -> object:
    if isinstance(value, Message):
        return {"m": value.key, "v": {k: _encode(v) for k, v in value.values}}
    if isinstance(value, tuple):
        return {"t": [_encode(v) for v in value]}
    if isinstance(value, dt.date):
        return {"d": value.isoformat()}
    if isinstance(value, StrEnum):
        return {"e": type(value).__name__, "s": value.value}
    if isinstance(value, int):
        return value
    return str(value)


_ENUM_TYPES: dict[str, type[StrEnum]] = {
    cls.__name__: cls
    for cls in (Authority, EventKind, ExtensionGround, HealthService, LegalStay, Payer)
}


def _decode(value: object) -> object:
    if isinstance(value, dict):
        if "m" in value:
            return Message(
                str(value["m"]), tuple(sorted((k, _decode(v)) for k, v in value["v"].items()))
            )
        if "t" in value:
            return tuple(_decode(v) for v in value["t"])
        if "d" in value:
            return dt.date.fromisoformat(str(value["d"]))
        if "e" in value:
            cls = _ENUM_TYPES.get(str(value["e"]))
            return cls(str(value["s"])) if cls is not None else str(value["s"])
    return value


def to_json(message: Message) -> str:
    return json.dumps(_encode(message), ensure_ascii=False, sort_keys=True)


def from_json(text: str) -> Message | None:
    """The stored message, or None for rows written before messages were stored."""
    if not text:
        return None
    try:
        decoded = _decode(json.loads(text))
    except (ValueError, KeyError, TypeError):
        return None
    return decoded if isinstance(decoded, Message) and decoded.key in CATALOGUE else None
