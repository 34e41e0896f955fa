"""Labels of the letter conventions and the readers' answer boxes, English and Danish.

Kept apart from :mod:`clinic_app.documents.labels` (which merges them) so each stays short:
key -> (English, Danish). Placeholders are filled by :func:`~clinic_app.documents.labels.label`.
"""

from __future__ import annotations

LETTER_LABELS: dict[str, tuple[str, str]] = {
    # every page
    "without_consent": (
        "Shared without the person's consent under {basis}",
        "Videregivet uden den pågældendes samtykke efter {basis}",
    ),
    "draft_watermark": ("DRAFT", "UDKAST"),
    # action plan
    "draft_note": (
        "This is a draft, not the agreed plan. It is for discussion only: do not sign it or "
        "act on it.",
        "Dette er et udkast og ikke den aftalte plan. Det er kun til drøftelse: det skal ikke "
        "underskrives eller lægges til grund.",
    ),
    "review_date": ("Review date", "Opfølgningsdato"),
    "open_ended": ("open-ended", "uden slutdato"),
    "health_omitted": (
        "The plan also has goals for health. They are not included in this copy, because the "
        "person's consent to sharing does not cover health information.",
        "Planen har også mål for sundhed. De er udeladt i denne kopi, fordi den pågældendes "
        "samtykke til videregivelse ikke omfatter helbredsoplysninger.",
    ),
    # health referral
    "referral_answer_reason": ("Why we refer", "Årsag til henvisningen"),
    "referral_answer_asked": ("What we ask of you", "Hvad vi beder om"),
    "referral_asked": (
        "Please see the person for the reason above and treat as needed.",
        "Vi beder jer se personen af ovenstående årsag og behandle efter behov.",
    ),
    "referral_no_reason": (
        "No specific referral: this letter states which health services are covered.",
        "Ingen konkret henvisning: brevet oplyser, hvilke sundhedsydelser der er dækket.",
    ),
    "referral_asked_entitlement": (
        "Please treat the person within the services covered below.",
        "Vi beder jer behandle personen inden for de dækkede ydelser nedenfor.",
    ),
    "referral_answer_payer": ("Who pays, and until when", "Hvem betaler, og til hvornår"),
    "referral_covered_intro": (
        "The services below are covered. Please send invoices to the payer stated, quoting "
        "the case reference.",
        "Nedenstående ydelser er dækket. Send venligst regningen til den angivne betaler med "
        "angivelse af sagsreferencen.",
    ),
    "referral_not_covered": (
        "No health services are covered for this person at present. Before treatment that is "
        "not urgent, please contact the referring staff member below about payment.",
        "Der er i øjeblikket ingen dækkede sundhedsydelser for personen. Kontakt venligst den "
        "henvisende medarbejder nedenfor om betaling før behandling, der ikke er akut.",
    ),
    "referrer": ("Referred by", "Henvist af"),
    "interpreter_need": ("Interpreter needed", "Behov for tolk"),
    "interpreter_none": ("No interpreter needed", "Ingen tolk nødvendig"),
    # consent form
    "consent_for": ("For", "Til"),
    "consent_your_form": (
        "This form is yours: read it (or have it read to you by an interpreter) before you sign.",
        "Denne blanket er din: læs den (eller få den læst op af en tolk), før du skriver under.",
    ),
    # status confirmation
    "status_answer": ("Status in brief", "Status kort fortalt"),
    "current_stay": ("Legal stay", "Opholdsgrundlag"),
    "current_deadline": ("Current deadline", "Aktuel frist"),
    "then": ("What happens then", "Hvad sker der derefter"),
    "no_deadline": ("No deadline is running.", "Der løber ingen frist."),
    "estimated_date": (
        "about {date} (estimated from an uncertain birth date)",
        "ca. {date} (skønnet ud fra en usikker fødselsdato)",
    ),
    "Role.administrator": ("Administrator", "Administrator"),
    "Role.team_lead": ("Team leader", "Teamleder"),
    "Role.shelter_staff": ("Shelter staff", "Medarbejder på krisecenter"),
    "Role.nurse": ("Nurse", "Sygeplejerske"),
    "Role.contact_person": ("Contact person", "Kontaktperson"),
    "Role.statistics": ("Statistics", "Statistik"),
    "specialty.doctor": ("Doctor", "Læge"),
    "specialty.dentist": ("Dentist", "Tandlæge"),
    "specialty.psychologist": ("Psychologist", "Psykolog"),
    "specialty.psychiatrist": ("Psychiatrist", "Psykiater"),
    "specialty.hospital": ("Hospital", "Hospital"),
    "specialty.physiotherapist": ("Physiotherapist", "Fysioterapeut"),
    "specialty.specialist": ("Specialist", "Speciallæge"),
    # IOM referral
    "iom_health_none": (
        "No health needs during travel are recorded.",
        "Der er ikke registreret helbredsmæssige behov under rejsen.",
    ),
    "iom_health_withheld": (
        "Health needs are not included: the person's consent does not cover health "
        "information. Please ask the contact person.",
        "Helbredsmæssige behov er udeladt, da den pågældendes samtykke ikke omfatter "
        "helbredsoplysninger. Spørg venligst kontaktpersonen.",
    ),
    "LegalStay.none": ("No legal stay in Denmark", "Intet lovligt ophold i Danmark"),
    "LegalStay.asylum_seeker": ("Asylum seeker", "Asylansøger"),
    "LegalStay.eu_citizen": ("EU citizen (right of residence)", "EU-borger (opholdsret)"),
    "LegalStay.danish_citizen": ("Danish citizen", "Dansk statsborger"),
    "LegalStay.residence_permit": (
        "Legal stay (residence permit or visa)",
        "Lovligt ophold (opholdstilladelse eller visum)",
    ),
    "stay_unknown": ("Not recorded", "Ikke registreret"),
    "decided_by_on": ("{authority}, {date}", "{authority}, {date}"),
    "then_reflection_end": (
        "The reflection period ends. Unless an extension has been requested before then, or "
        "the person has a residence permit or has applied for asylum, the person must leave "
        "Denmark; the extended health care of the period ends with it.",
        "Refleksionsperioden udløber. Medmindre der inden da er søgt om forlængelse, eller "
        "personen har opholdstilladelse eller har søgt asyl, skal personen udrejse af "
        "Danmark; den udvidede sundhedsbehandling i perioden ophører samtidig.",
    ),
    "then_reflection_max_end": (
        "The reflection period cannot be extended beyond this date.",
        "Refleksionsperioden kan ikke forlænges ud over denne dato.",
    ),
    "then_permit_expiry": (
        "The residence permit expires unless it is renewed; apply for renewal before this date.",
        "Opholdstilladelsen udløber, medmindre den forlænges; søg om forlængelse inden denne dato.",
    ),
    "then_avr_follow_up_end": (
        "IOM's follow-up after the return ends.",
        "IOM's opfølgning efter hjemrejsen ophører.",
    ),
    "explained_from": (
        "{what} (counted from {since})",
        "{what} (regnet fra {since})",
    ),
    # access report
    "sec_held": ("What we hold about you", "Hvad vi har registreret om dig"),
    "held_intro": (
        "Below is every kind of information we hold about you, with the information itself. "
        "We use it to protect you and to help you with housing, health care, your legal case "
        "and, if you wish, your return. It comes from you, from our staff, and from the "
        "decisions of the authorities in your case.",
        "Nedenfor står alle de slags oplysninger, vi har om dig, med selve oplysningerne. Vi "
        "bruger dem til at beskytte dig og hjælpe dig med bolig, sundhedsbehandling, din sag "
        "og, hvis du ønsker det, din hjemrejse. De kommer fra dig, fra vores medarbejdere og "
        "fra myndighedernes afgørelser i din sag.",
    ),
    "sec_exploitation": ("Forms of exploitation", "Former for udnyttelse"),
    "sec_safety": ("Safety precautions", "Sikkerhedshensyn"),
    "sec_contacts": ("Contact person and guardian", "Kontaktperson og personlig repræsentant"),
    "role": ("Role", "Rolle"),
    "sec_referrals": ("Referrals", "Henvisninger"),
    "referral_status": ("Status", "Status"),
    "notes_held": ("Notes", "Notater"),
    "clinical_withheld": (
        "Clinical notes are held for {n} of your visits. They are not printed here; ask the "
        "clinic nurse for a copy.",
        "Der er kliniske notater for {n} af dine besøg. De er ikke udskrevet her; bed "
        "klinikkens sygeplejerske om en kopi.",
    ),
    "sec_rights": (
        "Recipients, storage and your rights",
        "Modtagere, opbevaring og dine rettigheder",
    ),
    "rights_text": (
        "The documents we have sent about you, and to whom, are listed above. We keep the "
        "information while your case is open and for {years} years after it is closed; then "
        "it is anonymised or erased. You may ask us to correct information that is wrong, and "
        "you may complain to the Danish Data Protection Agency (Datatilsynet).",
        "De dokumenter, vi har sendt om dig, og til hvem, står ovenfor. Vi opbevarer "
        "oplysningerne, mens din sag er åben, og i {years} år efter at den er afsluttet; "
        "derefter anonymiseres eller slettes de. Du kan bede os rette forkerte oplysninger, og "
        "du kan klage til Datatilsynet.",
    ),
    "ExploitationForm.sexual": ("Sexual exploitation", "Seksuel udnyttelse"),
    "ExploitationForm.forced_labour": ("Forced labour", "Tvangsarbejde"),
    "ExploitationForm.forced_criminality": ("Forced criminality", "Tvungen kriminalitet"),
    "ExploitationForm.organ_removal": ("Removal of organs", "Fjernelse af organer"),
    "ExploitationForm.other": ("Other exploitation", "Anden udnyttelse"),
    "SafetyFlag.do_not_disclose_location": (
        "Your whereabouts are not disclosed",
        "Dit opholdssted videregives ikke",
    ),
    "SafetyFlag.trafficker_searching": (
        "Someone may be searching for you",
        "Nogen leder muligvis efter dig",
    ),
    "SafetyFlag.no_photos": ("No photographs", "Ingen fotografier"),
    "SafetyFlag.no_phone_contact": ("No contact by telephone", "Ingen kontakt pr. telefon"),
    "SafetyFlag.health_risk": ("Health risk", "Helbredsrisiko"),
    "SafetyFlag.other": ("Other precaution", "Andet sikkerhedshensyn"),
    "ReferralStatus.open": ("Open", "Åben"),
    "ReferralStatus.done": ("Done", "Udført"),
    "ReferralStatus.cancelled": ("Cancelled", "Annulleret"),
}
